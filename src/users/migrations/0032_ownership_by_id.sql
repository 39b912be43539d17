-- Ownership by id (issue 11, finding 9). Until now an implementer's right
-- to a task and a grantee's to a grant award were decided by text: the
-- folded unit name of the account was looked for as a substring of the
-- task's implementers or the award's organisation, so the grantee of
-- "Fundacja Pomocy Rodzinie" owned the awards of "Fundacja Pomocy
-- Rodzinie Wiejskiej w Chełmnie". Now:
--
-- org_unit         an implementer unit or a grantee organisation of a
--                  region; its name folded (fold() = str_fold()) is unique
--                  per region and kind.
-- account_org_unit an implementer or grantee account belongs to units by id
--                  (replaces account_unit, which held text).
-- task_unit        a task of a plan is implemented by units by id; the plan
--                  import and the task form derive it from the implementers
--                  text: each part between '/', ';' or a line break is one
--                  unit name, matched by exact folded equality in the
--                  plan's region (a new unit when none matches).
-- reg_grant_award.organisation_id  the organisation awarded, by id.
--
-- This migration links the existing data by exact folded equality only.
-- What it cannot link (an account's unit text that names no unit of its
-- region and kind exactly, an award whose organisation folds to nothing)
-- goes to ownership_unlinked, which `rodzina check-db` prints; such an
-- account owns nothing until an administrator gives it its unit by id.
CREATE TABLE org_unit (
    id     INTEGER PRIMARY KEY,
    region TEXT NOT NULL REFERENCES region(woj),
    kind   TEXT NOT NULL CHECK (kind IN ('implementer', 'organisation')),
    name   TEXT NOT NULL,
    folded TEXT NOT NULL CHECK (folded <> ''),
    UNIQUE (region, kind, folded)
);

CREATE TABLE account_org_unit (
    account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    unit_id    INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
    PRIMARY KEY (account_id, unit_id)
);

CREATE TABLE task_unit (
    task_id INTEGER NOT NULL REFERENCES plan_task(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
    PRIMARY KEY (task_id, unit_id)
);
CREATE INDEX task_unit_unit ON task_unit(unit_id);

ALTER TABLE reg_grant_award ADD COLUMN organisation_id INTEGER
    REFERENCES org_unit(id);
CREATE INDEX reg_grant_award_organisation ON reg_grant_award(organisation_id);

-- What the migration to ids could not link, for an administrator.
CREATE TABLE ownership_unlinked (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    what   TEXT NOT NULL,       -- 'account' or 'award'
    ref    TEXT NOT NULL,       -- the account's login or the award's id
    region TEXT,
    text   TEXT NOT NULL,       -- the unit or organisation text
    reason TEXT NOT NULL        -- English
);

-- The parts of every implementers text, with the plan's region.
CREATE TEMP TABLE mig_part AS
WITH RECURSIVE split(plan_id, task, rest, part) AS (
    SELECT plan_id, task,
           replace(replace(replace(implementers, ';', '/'), char(13), '/'),
                   char(10), '/') || '/',
           NULL
    FROM plan_line WHERE implementers IS NOT NULL
    UNION ALL
    SELECT plan_id, task, substr(rest, instr(rest, '/') + 1),
           trim(substr(rest, 1, instr(rest, '/') - 1), ' ' || char(9))
    FROM split WHERE rest <> ''
)
SELECT s.plan_id AS plan_id, s.task AS task, p.region AS region,
       s.part AS name, fold(s.part) AS folded
FROM split s JOIN plan p ON p.id = s.plan_id
WHERE s.part IS NOT NULL AND fold(s.part) <> '';

INSERT INTO org_unit(region, kind, name, folded)
SELECT region, 'implementer', min(name), folded FROM mig_part
GROUP BY region, folded;

INSERT OR IGNORE INTO task_unit(task_id, unit_id)
SELECT t.id, u.id FROM mig_part m
JOIN plan_task t ON t.plan_id = m.plan_id AND t.pos = m.task
JOIN org_unit u ON u.region = m.region AND u.kind = 'implementer'
    AND u.folded = m.folded;

DROP TABLE mig_part;

INSERT OR IGNORE INTO org_unit(region, kind, name, folded)
SELECT g.region, 'organisation', min(trim(w.organisation)),
       fold(w.organisation)
FROM reg_grant_award w JOIN reg_grant g ON g.id = w.grant_id
WHERE fold(w.organisation) <> ''
GROUP BY g.region, fold(w.organisation);

UPDATE reg_grant_award SET organisation_id = (
    SELECT u.id FROM org_unit u JOIN reg_grant g ON g.region = u.region
    WHERE g.id = reg_grant_award.grant_id AND u.kind = 'organisation'
      AND u.folded = fold(reg_grant_award.organisation));

INSERT INTO ownership_unlinked(what, ref, region, text, reason)
SELECT 'award', CAST(w.id AS TEXT), g.region, w.organisation,
       'the organisation text has no letters or digits: no organisation'
FROM reg_grant_award w JOIN reg_grant g ON g.id = w.grant_id
WHERE w.organisation_id IS NULL;

INSERT OR IGNORE INTO account_org_unit(account_id, unit_id)
SELECT a.id, u.id FROM account_unit au
JOIN account a ON a.id = au.account_id
JOIN org_unit u ON u.region = a.region AND u.folded = fold(au.unit)
    AND u.kind = CASE a.role WHEN 'implementer' THEN 'implementer'
                             ELSE 'organisation' END
WHERE a.role IN ('implementer', 'grantee');

INSERT INTO ownership_unlinked(what, ref, region, text, reason)
SELECT 'account', a.login, a.region, au.unit,
       CASE WHEN a.role NOT IN ('implementer', 'grantee')
            THEN 'the role ' || a.role || ' has no units'
            WHEN a.role = 'implementer'
            THEN 'no implementer unit of region ' || coalesce(a.region, '-')
                 || ' (a part of a task''s implementers) has exactly this'
                 || ' name: the account owns no task by it'
            ELSE 'no organisation of region ' || coalesce(a.region, '-')
                 || ' (of a grant award) has exactly this name: the account'
                 || ' owns no award by it'
       END
FROM account_unit au JOIN account a ON a.id = au.account_id
WHERE NOT EXISTS (
    SELECT 1 FROM org_unit u
    WHERE a.role IN ('implementer', 'grantee') AND u.region = a.region
      AND u.folded = fold(au.unit)
      AND u.kind = CASE a.role WHEN 'implementer' THEN 'implementer'
                               ELSE 'organisation' END)
ORDER BY a.login, au.unit;

DROP TABLE account_unit;
