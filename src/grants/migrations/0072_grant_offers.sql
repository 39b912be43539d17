-- Grants (issue 17): offers in the sections of the official offer
-- template (rozporządzenie w sprawie wzorów ofert, 2019): the task's
-- title, place and description, its period inside the call's, the
-- schedule of actions, the expected results with their target values, the
-- cost estimate by cost line (total = grant + own financial + own
-- non-financial contribution) and the declarations. A draft belongs to
-- its organisation only; submitting it once, before the deadline, gives
-- it a receipt number and keeps its PDF as submitted.
ALTER TABLE grant_call ADD COLUMN task_from TEXT NOT NULL DEFAULT '';
ALTER TABLE grant_call ADD COLUMN task_to TEXT NOT NULL DEFAULT '';

CREATE TABLE grant_offer (
    id               INTEGER PRIMARY KEY,
    call_id          INTEGER NOT NULL REFERENCES grant_call(id)
                         ON DELETE CASCADE,
    org_id           INTEGER NOT NULL REFERENCES grant_org(id),
    area_pos         INTEGER NOT NULL,
    title            TEXT NOT NULL DEFAULT '',
    place            TEXT NOT NULL DEFAULT '',
    description      TEXT NOT NULL DEFAULT '',
    date_from        TEXT NOT NULL DEFAULT '',   -- ISO dates or ''
    date_to          TEXT NOT NULL DEFAULT '',
    requested_grosze INTEGER NOT NULL DEFAULT 0, -- the grant asked for
    declarations     INTEGER NOT NULL DEFAULT 0, -- one bit per statement
    status           TEXT NOT NULL DEFAULT 'draft'
                         CHECK (status IN ('draft', 'submitted')),
    receipt          TEXT,                       -- e.g. 'NAB-3/0002'
    submitted_at     TEXT,
    submitted_by     TEXT,
    pdf              BLOB,                       -- as submitted
    created_by       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    UNIQUE (call_id, receipt)
);
CREATE INDEX grant_offer_call ON grant_offer(call_id, status);
CREATE INDEX grant_offer_org ON grant_offer(org_id);

CREATE TABLE grant_offer_action (
    offer_id  INTEGER NOT NULL REFERENCES grant_offer(id) ON DELETE CASCADE,
    pos       INTEGER NOT NULL,
    name      TEXT NOT NULL,
    date_from TEXT NOT NULL,
    date_to   TEXT NOT NULL,
    PRIMARY KEY (offer_id, pos)
);

CREATE TABLE grant_offer_result (
    offer_id INTEGER NOT NULL REFERENCES grant_offer(id) ON DELETE CASCADE,
    pos      INTEGER NOT NULL,
    name     TEXT NOT NULL,     -- the indicator, e.g. 'liczba uczestników'
    target   INTEGER NOT NULL CHECK (target >= 0),
    PRIMARY KEY (offer_id, pos)
);

CREATE TABLE grant_offer_cost (
    offer_id   INTEGER NOT NULL REFERENCES grant_offer(id) ON DELETE CASCADE,
    pos        INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('action', 'admin')),
    name       TEXT NOT NULL,
    total      INTEGER NOT NULL CHECK (total >= 0),      -- grosze
    grant_part INTEGER NOT NULL CHECK (grant_part >= 0),
    own_fin    INTEGER NOT NULL CHECK (own_fin >= 0),
    own_nonfin INTEGER NOT NULL CHECK (own_nonfin >= 0),
    PRIMARY KEY (offer_id, pos)
);
