-- Monitoring (issue 7): realisation of indicators and budget lines per
-- period with its history, the registers that feed indicators, and the
-- bindings of computed indicators. Counts are units, money integer grosze.

-- The current value of one item of a plan in one period. kind 'indicator'
-- refers to plan_indicator(plan_id, pos), kind 'line' to plan_line(plan_id,
-- pos) with the funding source code in source ('' for an indicator).
-- period: 'YYYY' (the whole year) or 'YYYY-Qn' (a quarter).
CREATE TABLE realisation (
    id         INTEGER PRIMARY KEY,
    plan_id    INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('indicator', 'line')),
    pos        INTEGER NOT NULL,
    source     TEXT NOT NULL DEFAULT '',
    period     TEXT NOT NULL,
    value      INTEGER NOT NULL,
    note       TEXT,
    status     TEXT NOT NULL CHECK (status IN ('entered', 'approved',
                   'returned')),
    comment    TEXT,                    -- the coordinator's, on return
    entered_by TEXT,
    entered_at TEXT NOT NULL,
    decided_by TEXT,
    decided_at TEXT,
    UNIQUE (plan_id, kind, pos, source, period)
);
CREATE INDEX realisation_status ON realisation(status, plan_id);

-- Every value and decision an item ever had, oldest first.
CREATE TABLE realisation_history (
    id             INTEGER PRIMARY KEY,
    realisation_id INTEGER NOT NULL REFERENCES realisation(id)
                       ON DELETE CASCADE,
    plan_id        INTEGER NOT NULL,
    event          TEXT NOT NULL,       -- 'enter', 'approve', 'return'
    value          INTEGER NOT NULL,
    note           TEXT,
    status         TEXT NOT NULL,
    comment        TEXT,
    account        TEXT,
    at             TEXT NOT NULL
);
CREATE INDEX realisation_history_item ON realisation_history(realisation_id);
CREATE INDEX realisation_history_plan ON realisation_history(plan_id, id);

-- Trainings, conferences, workshops, campaigns ... with participants by
-- professional group (seed 001, task 1.1).
CREATE TABLE reg_event (
    id          INTEGER PRIMARY KEY,
    region      TEXT NOT NULL REFERENCES region(woj),
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    date_from   TEXT NOT NULL,          -- ISO date
    date_to     TEXT NOT NULL,
    gmina       TEXT,                   -- TERYT code, 7 digits
    place       TEXT,
    organiser   TEXT,
    task        TEXT,                   -- plan task number, e.g. '1.1'
    p_team      INTEGER NOT NULL DEFAULT 0,
    p_gkrpa     INTEGER NOT NULL DEFAULT 0,
    p_teachers  INTEGER NOT NULL DEFAULT 0,
    p_probation INTEGER NOT NULL DEFAULT 0,
    p_police    INTEGER NOT NULL DEFAULT 0,
    p_social    INTEGER NOT NULL DEFAULT 0,
    p_other     INTEGER NOT NULL DEFAULT 0,
    note        TEXT
);
CREATE INDEX reg_event_year ON reg_event(region, date_from);

-- Open grant competitions (seed 002 rows 6-7).
CREATE TABLE reg_grant (
    id             INTEGER PRIMARY KEY,
    region         TEXT NOT NULL REFERENCES region(woj),
    year           INTEGER NOT NULL,
    call           TEXT NOT NULL,
    area           TEXT,
    budget_grosze  INTEGER NOT NULL DEFAULT 0,
    offers         INTEGER NOT NULL DEFAULT 0,
    awards         INTEGER NOT NULL DEFAULT 0,
    awarded_grosze INTEGER NOT NULL DEFAULT 0,
    initiatives    INTEGER NOT NULL DEFAULT 0,
    beneficiaries  INTEGER NOT NULL DEFAULT 0,
    task           TEXT,
    note           TEXT
);
CREATE INDEX reg_grant_year ON reg_grant(region, year);

-- Adoption centres' yearly figures (seed 002 rows 14-17).
CREATE TABLE reg_adoption (
    id               INTEGER PRIMARY KEY,
    region           TEXT NOT NULL REFERENCES region(woj),
    year             INTEGER NOT NULL,
    centre           TEXT NOT NULL,
    trained_adoptive INTEGER NOT NULL DEFAULT 0,
    trained_foster   INTEGER NOT NULL DEFAULT 0,
    families         INTEGER NOT NULL DEFAULT 0,
    children         INTEGER NOT NULL DEFAULT 0,
    task             TEXT,
    note             TEXT
);
CREATE INDEX reg_adoption_year ON reg_adoption(region, year);

-- Publications and campaigns.
CREATE TABLE reg_publication (
    id         INTEGER PRIMARY KEY,
    region     TEXT NOT NULL REFERENCES region(woj),
    year       INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    title      TEXT NOT NULL,
    editions   INTEGER NOT NULL DEFAULT 0,
    copies     INTEGER NOT NULL DEFAULT 0,
    broadcasts INTEGER NOT NULL DEFAULT 0,
    task       TEXT,
    note       TEXT
);
CREATE INDEX reg_publication_year ON reg_publication(region, year);

-- A computed indicator: plan_indicator(plan_id, pos) takes its
-- realisation from a metric (a fixed list in metrics.c) with a filter.
CREATE TABLE computed_indicator (
    plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    pos     INTEGER NOT NULL,
    metric  TEXT NOT NULL,              -- 'events', 'participants', ...
    filter  TEXT NOT NULL DEFAULT '',   -- event kind, group, ... or ''
    task    TEXT NOT NULL DEFAULT '',   -- only register rows of this task
    PRIMARY KEY (plan_id, pos)
);
