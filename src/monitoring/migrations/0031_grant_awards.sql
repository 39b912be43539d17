-- Monitoring (issue 7): the grants awarded in an open competition, one
-- row per organisation and project, and what the organisation reported
-- about its grant (initiatives and final beneficiaries, seed 002 rows
-- 6-7). The organisation is text as in the competition's results; a
-- grantee account reports the awards whose organisation names one of its
-- units (account_unit), matched on folded text as implementers' tasks.
CREATE TABLE reg_grant_award (
    id            INTEGER PRIMARY KEY,
    grant_id      INTEGER NOT NULL REFERENCES reg_grant(id)
                      ON DELETE CASCADE,
    organisation  TEXT NOT NULL,
    project       TEXT,
    amount_grosze INTEGER NOT NULL DEFAULT 0,
    initiatives   INTEGER,            -- NULL until the grantee reports
    beneficiaries INTEGER,
    report_note   TEXT,
    reported_by   TEXT,               -- account login of the last report
    reported_at   TEXT                -- NULL: not reported yet
);
CREATE INDEX reg_grant_award_grant ON reg_grant_award(grant_id);
