-- PostgreSQL twin of ../0033_realisation_approved.sql.
-- An approved value stays until a newer value is approved (issue 12).
-- value/note/status are now the latest entry (pending while 'entered');
-- approved_value is the official figure, kept through later entries and
-- returns. Rows whose approved value an entry or a return had overwritten
-- get it back from their history (the value of the last approval).
ALTER TABLE realisation ADD COLUMN approved_value BIGINT;
ALTER TABLE realisation ADD COLUMN approved_by TEXT;
ALTER TABLE realisation ADD COLUMN approved_at TEXT;
UPDATE realisation SET approved_value = value, approved_by = decided_by,
       approved_at = decided_at
 WHERE status = 'approved';
UPDATE realisation SET
       approved_value = (SELECT h.value FROM realisation_history h
                          WHERE h.realisation_id = realisation.id
                            AND h.event = 'approve' ORDER BY h.id DESC LIMIT 1),
       approved_by = (SELECT h.account FROM realisation_history h
                       WHERE h.realisation_id = realisation.id
                         AND h.event = 'approve' ORDER BY h.id DESC LIMIT 1),
       approved_at = (SELECT h.at FROM realisation_history h
                       WHERE h.realisation_id = realisation.id
                         AND h.event = 'approve' ORDER BY h.id DESC LIMIT 1)
 WHERE status <> 'approved';
