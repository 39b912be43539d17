-- PostgreSQL twin of ../0075_grant_register_moved.sql.
-- Grants (issue 17): the old register of competitions (monitoring's
-- reg_grant and reg_grant_award, migrations 0030-0032) moved into the
-- grants model, once. Each competition not yet linked to a call becomes a
-- call with its results published (one area, its budget, the year of the
-- register as the task's period) linked back to its register row
-- (register_id); each award becomes the funded offer of its organisation
-- (an organisation unit, found by id or folded name, else made) with one
-- cost line, the grant, and its agreement (the amount awarded, taken as
-- paid) and, when the grantee reported, an accepted final report. The register's typed totals stay
-- on the call (reg_*) and stand for the figures the old register had no
-- rows for (offers received, awards, the sum awarded, and initiatives and
-- beneficiaries while no report is accepted), so the computed indicators
-- read the same before and after. The register row, kept as the call's
-- summary, takes the reported sums the indicators read, and the moved
-- awards leave reg_grant_award (counted once, from the grants model).
-- An organisation of the old register has no KRS number on record: its
-- krs is 'R' and its unit's id (never 10 digits, so never a real one).
ALTER TABLE grant_call ADD COLUMN reg_offers BIGINT;
ALTER TABLE grant_call ADD COLUMN reg_awards BIGINT;
ALTER TABLE grant_call ADD COLUMN reg_awarded_grosze BIGINT;
ALTER TABLE grant_call ADD COLUMN reg_initiatives BIGINT;
ALTER TABLE grant_call ADD COLUMN reg_beneficiaries BIGINT;
ALTER TABLE grant_offer ADD COLUMN register_award BIGINT;

INSERT INTO grant_call(region, kind, title, description, task,
                       amount_grosze, max_grant_grosze, min_own_permille,
                       offers_until, results_by, correction_days, status,
                       published_at, results_at, created_at, updated_at,
                       task_from, task_to, register_id, reg_offers,
                       reg_awards, reg_awarded_grosze, reg_initiatives,
                       reg_beneficiaries)
SELECT g.region, 'grant', g.call, coalesce(g.note, ''), g.task,
       g.budget_grosze, g.budget_grosze, 0,
       CAST(g.year AS TEXT) || '-01-01T00:00:00Z',
       CAST(g.year AS TEXT) || '-12-31', 0, 'results',
       CAST(g.year AS TEXT) || '-01-01T00:00:00Z',
       CAST(g.year AS TEXT) || '-12-31T00:00:00Z',
       CAST(g.year AS TEXT) || '-01-01T00:00:00Z',
       CAST(g.year AS TEXT) || '-12-31T00:00:00Z',
       CAST(g.year AS TEXT) || '-01-01', CAST(g.year AS TEXT) || '-12-31',
       g.id, g.offers, g.awards, g.awarded_grosze, g.initiatives,
       g.beneficiaries
FROM reg_grant g
WHERE NOT EXISTS (SELECT 1 FROM grant_call c WHERE c.register_id = g.id)
ORDER BY g.id;

INSERT INTO grant_call_area(call_id, pos, name, budget_grosze)
SELECT c.id, 1, coalesce(nullif(g.area, ''), g.call), g.budget_grosze
FROM grant_call c JOIN reg_grant g ON g.id = c.register_id
WHERE c.reg_offers IS NOT NULL;

-- The organisations awarded: their units, by id or by folded name.
INSERT INTO org_unit(region, kind, name, folded)
SELECT DISTINCT g.region, 'organisation', w.organisation, fold(w.organisation)
FROM reg_grant_award w JOIN reg_grant g ON g.id = w.grant_id
JOIN grant_call c ON c.register_id = g.id AND c.reg_offers IS NOT NULL
WHERE w.organisation_id IS NULL AND fold(w.organisation) <> ''
ON CONFLICT DO NOTHING;
UPDATE reg_grant_award SET organisation_id = (
    SELECT u.id FROM org_unit u JOIN reg_grant g ON g.region = u.region
    WHERE g.id = reg_grant_award.grant_id AND u.kind = 'organisation'
      AND u.folded = fold(reg_grant_award.organisation))
WHERE organisation_id IS NULL
  AND grant_id IN (SELECT register_id FROM grant_call
                   WHERE reg_offers IS NOT NULL);
INSERT INTO grant_org(region, unit_id, name, krs, address, gmina, email,
                      status, created_at)
SELECT u.region, u.id, u.name, 'R' || CAST(u.id AS TEXT), '', '', '',
       'confirmed', min(CAST(g.year AS TEXT) || '-01-01T00:00:00Z')
FROM reg_grant_award w JOIN reg_grant g ON g.id = w.grant_id
JOIN grant_call c ON c.register_id = g.id AND c.reg_offers IS NOT NULL
JOIN org_unit u ON u.id = w.organisation_id
WHERE NOT EXISTS (SELECT 1 FROM grant_org o WHERE o.unit_id = u.id)
GROUP BY u.region, u.id, u.name
ORDER BY min(w.id);

-- Each award, the funded offer of its organisation.
INSERT INTO grant_offer(call_id, org_id, area_pos, title, place, date_from,
                        date_to, requested_grosze, status, receipt,
                        submitted_at, formal_status, awarded_grosze,
                        created_at, updated_at, register_award)
SELECT c.id, o.id, 1, coalesce(nullif(w.project, ''), w.organisation), '',
       c.task_from, c.task_to, w.amount_grosze, 'submitted',
       'REJ/' || CAST(w.id AS TEXT), c.offers_until, 'passed',
       w.amount_grosze, c.created_at, c.updated_at, w.id
FROM reg_grant_award w JOIN grant_call c ON c.register_id = w.grant_id
JOIN grant_org o ON o.unit_id = w.organisation_id
WHERE c.reg_offers IS NOT NULL
ORDER BY w.id;

-- One cost line, the grant: what a report's cost execution is set against.
INSERT INTO grant_offer_cost(offer_id, pos, kind, name, total, grant_part,
                             own_fin, own_nonfin)
SELECT f.id, 1, 'action', f.title, f.awarded_grosze, f.awarded_grosze, 0, 0
FROM grant_offer f WHERE f.register_award IS NOT NULL;

INSERT INTO grant_agreement(offer_id, number, signed_on, amount_grosze,
                            paid_grosze, status, created_at)
SELECT f.id, f.receipt, f.date_from, f.awarded_grosze, f.awarded_grosze,
       CASE WHEN w.reported_at IS NULL THEN 'signed' ELSE 'settled' END,
       f.created_at
FROM grant_offer f JOIN reg_grant_award w ON w.id = f.register_award
WHERE f.awarded_grosze > 0;

INSERT INTO grant_report(offer_id, kind, initiatives, beneficiaries, note,
                         status, submitted_by, submitted_at, decided_at)
SELECT f.id, 'final', coalesce(w.initiatives, 0),
       coalesce(w.beneficiaries, 0), coalesce(w.report_note, ''),
       'accepted', w.reported_by, w.reported_at, w.reported_at
FROM grant_offer f JOIN reg_grant_award w ON w.id = f.register_award
WHERE w.reported_at IS NOT NULL
ORDER BY f.id;

-- The register row takes what its indicators read from the awards.
UPDATE reg_grant SET
    initiatives = (SELECT sum(coalesce(w.initiatives, 0))
                   FROM reg_grant_award w WHERE w.grant_id = reg_grant.id
                     AND w.reported_at IS NOT NULL),
    beneficiaries = (SELECT sum(coalesce(w.beneficiaries, 0))
                     FROM reg_grant_award w WHERE w.grant_id = reg_grant.id
                       AND w.reported_at IS NOT NULL)
WHERE EXISTS (SELECT 1 FROM reg_grant_award w WHERE w.grant_id = reg_grant.id
                AND w.reported_at IS NOT NULL)
  AND id IN (SELECT register_id FROM grant_call WHERE reg_offers IS NOT NULL);
DELETE FROM reg_grant_award
WHERE id IN (SELECT register_award FROM grant_offer
             WHERE register_award IS NOT NULL);
