-- Programmes, yearly plans, project cards and programme goals, kept as the
-- documents state them (issue 3). Money is integer grosze; a number cell
-- also keeps its kind: 0 empty, 1 "-", 2 "x" (not planned), 3 value,
-- 4 "na bieżąco", and the text as written.
CREATE TABLE funding_source (
    code TEXT PRIMARY KEY,              -- 'own', 'subsidy', 'eu', 'other'
    name TEXT NOT NULL,
    pos  INTEGER NOT NULL
);
INSERT INTO funding_source(code, name, pos) VALUES
    ('own', 'środki własne samorządu województwa', 1),
    ('subsidy', 'dotacja celowa z budżetu państwa', 2),
    ('eu', 'środki Unii Europejskiej', 3),
    ('other', 'inne źródła', 4);

CREATE TABLE programme (
    id        INTEGER PRIMARY KEY,
    region    TEXT NOT NULL REFERENCES region(woj),
    title     TEXT NOT NULL,
    year_from INTEGER,
    year_to   INTEGER,
    UNIQUE (region, title)
);

CREATE TABLE plan (
    id           INTEGER PRIMARY KEY,
    programme_id INTEGER REFERENCES programme(id),
    region       TEXT NOT NULL REFERENCES region(woj),
    kind         TEXT NOT NULL CHECK (kind IN ('yearly', 'programme', 'project')),
    title        TEXT NOT NULL,
    year         INTEGER,               -- the plan's year; NULL for goals/cards
    resolution   TEXT,
    period_from  TEXT,                  -- ISO dates of a project card
    period_to    TEXT,
    source_name  TEXT NOT NULL,         -- the file it came from
    format       TEXT NOT NULL,
    encoding     TEXT NOT NULL,
    total_grosze INTEGER NOT NULL DEFAULT 0, -- computed from its lines
    imported_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX plan_region ON plan(region, year);

CREATE TABLE plan_goal (
    id      INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    pos     INTEGER NOT NULL,
    code    TEXT NOT NULL,
    title   TEXT NOT NULL,
    row     INTEGER NOT NULL,
    UNIQUE (plan_id, pos)
);

CREATE TABLE plan_action (
    id      INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    pos     INTEGER NOT NULL,
    goal    INTEGER,                    -- position of the goal, NULL if none
    code    TEXT NOT NULL,
    title   TEXT NOT NULL,
    row     INTEGER NOT NULL,
    UNIQUE (plan_id, pos)
);

CREATE TABLE plan_task (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    pos         INTEGER NOT NULL,
    number      TEXT NOT NULL,
    action      INTEGER,                -- position of the action
    goal        INTEGER,                -- position of the goal
    description TEXT NOT NULL,
    row         INTEGER NOT NULL,
    UNIQUE (plan_id, pos)
);

-- A row of a task: term, implementers, budget.
CREATE TABLE plan_line (
    id            INTEGER PRIMARY KEY,
    plan_id       INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    pos           INTEGER NOT NULL,
    task          INTEGER NOT NULL,     -- position of the task
    row           INTEGER NOT NULL,
    term_text     TEXT,
    implementers  TEXT,
    as_above      INTEGER NOT NULL DEFAULT 0,
    total_kind    INTEGER NOT NULL,
    total_grosze  INTEGER NOT NULL,
    total_text    TEXT,
    UNIQUE (plan_id, pos)
);

CREATE TABLE plan_amount (
    line_id INTEGER NOT NULL REFERENCES plan_line(id) ON DELETE CASCADE,
    source  TEXT NOT NULL REFERENCES funding_source(code),
    kind    INTEGER NOT NULL,
    grosze  INTEGER NOT NULL,
    text    TEXT,
    PRIMARY KEY (line_id, source)
);

CREATE TABLE plan_indicator (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    pos         INTEGER NOT NULL,
    task        INTEGER,                -- position of the task, NULL for a project result
    parent      INTEGER,                -- position of the parent indicator
    row         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    unit        TEXT,
    year_kind   INTEGER NOT NULL,
    year_value  INTEGER NOT NULL,
    year_text   TEXT,
    multi_kind  INTEGER NOT NULL,
    multi_value INTEGER NOT NULL,
    multi_text  TEXT,
    results_text TEXT,
    footnote    TEXT,
    UNIQUE (plan_id, pos)
);

CREATE TABLE plan_declared (
    plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    pos     INTEGER NOT NULL,
    label   TEXT NOT NULL,
    source  TEXT REFERENCES funding_source(code),
    grosze  INTEGER NOT NULL,
    row     INTEGER NOT NULL,
    PRIMARY KEY (plan_id, pos)
);

CREATE TABLE plan_note (
    plan_id     INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    pos         INTEGER NOT NULL,
    parent      INTEGER,
    label       TEXT,
    text        TEXT NOT NULL,
    source      TEXT REFERENCES funding_source(code),
    rows        TEXT NOT NULL,          -- task numbers, comma-separated
    amount_kind INTEGER NOT NULL,
    amount      INTEGER NOT NULL,
    row         INTEGER NOT NULL,
    PRIMARY KEY (plan_id, pos)
);

-- Footnotes (kind 'footnote', heading = mark) and kept free text.
CREATE TABLE plan_text (
    plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    pos     INTEGER NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('footnote', 'text')),
    heading TEXT,
    text    TEXT NOT NULL,
    row     INTEGER NOT NULL,
    PRIMARY KEY (plan_id, kind, pos)
);

-- What the reader noticed (unreadable terms, ignored lines ...); the
-- checker's findings are recomputed from the data on every load.
CREATE TABLE plan_finding (
    plan_id  INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    pos      INTEGER NOT NULL,
    severity INTEGER NOT NULL,          -- 0 error, 1 warning, 2 info
    row      INTEGER NOT NULL,
    col      TEXT,
    code     TEXT NOT NULL,
    message  TEXT NOT NULL,
    PRIMARY KEY (plan_id, pos)
);
