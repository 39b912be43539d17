-- PostgreSQL twin of ../0073_grant_evaluation.sql.
-- Grants (issue 17): evaluation. The office checks each submitted offer
-- against the call's formal criteria (met or not, with a reason); an offer
-- with a defect may be corrected by its organisation until defect_until
-- (the call's correction days). A committee per call (accounts of the
-- office) declares no conflict of interest before it sees the offers that
-- passed; each member scores each merit criterion with a justification.
-- The decision gives each offer its amount (0: not funded) within its
-- area's budget and publishes the results.
ALTER TABLE grant_offer ADD COLUMN formal_status TEXT NOT NULL DEFAULT ''
    CHECK (formal_status IN ('', 'passed', 'defect', 'corrected',
                             'rejected'));
ALTER TABLE grant_offer ADD COLUMN defect_until TEXT;   -- UTC stamp
ALTER TABLE grant_offer ADD COLUMN awarded_grosze BIGINT; -- NULL: no decision
ALTER TABLE grant_call ADD COLUMN results_at TEXT;       -- UTC stamp

CREATE TABLE grant_formal (
    offer_id BIGINT NOT NULL REFERENCES grant_offer(id) ON DELETE CASCADE,
    pos      BIGINT NOT NULL,   -- the formal criterion's
    met      BIGINT NOT NULL CHECK (met IN (0, 1)),
    reason   TEXT NOT NULL DEFAULT '',
    by_login TEXT,
    at       TEXT NOT NULL,
    PRIMARY KEY (offer_id, pos)
);

CREATE TABLE grant_member (
    call_id     BIGINT NOT NULL REFERENCES grant_call(id) ON DELETE CASCADE,
    account_id  BIGINT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    declared_at TEXT,             -- no conflict of interest; NULL: not yet
    PRIMARY KEY (call_id, account_id)
);

CREATE TABLE grant_score (
    offer_id      BIGINT NOT NULL REFERENCES grant_offer(id)
                      ON DELETE CASCADE,
    account_id    BIGINT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    pos           BIGINT NOT NULL, -- the merit criterion's
    points        BIGINT NOT NULL CHECK (points >= 0),
    justification TEXT NOT NULL,
    at            TEXT NOT NULL,
    PRIMARY KEY (offer_id, account_id, pos)
);
