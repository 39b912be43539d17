-- Adopted annual reports (issue 12): the coordinator adopts the report of
-- a yearly plan; what was adopted is kept as it was written, in every
-- format, so later entries, approvals or plan edits change nothing of it
-- and each file is served byte for byte. Versions count 1, 2 ... per plan
-- (a corrected report is adopted again); nothing is updated or deleted.
CREATE TABLE report_adoption (
    id         INTEGER PRIMARY KEY,
    plan_id    INTEGER NOT NULL REFERENCES plan(id),
    version    INTEGER NOT NULL,
    adopted_at INTEGER NOT NULL,        -- unix seconds
    adopted_by TEXT,
    json       BLOB NOT NULL,
    html       BLOB NOT NULL,
    pdf        BLOB NOT NULL,
    xlsx       BLOB NOT NULL,
    UNIQUE (plan_id, version)
);
CREATE TRIGGER report_adoption_no_update BEFORE UPDATE ON report_adoption
BEGIN
    SELECT RAISE(ABORT, 'adopted reports are kept as adopted');
END;
CREATE TRIGGER report_adoption_no_delete BEFORE DELETE ON report_adoption
BEGIN
    SELECT RAISE(ABORT, 'adopted reports are kept as adopted');
END;
