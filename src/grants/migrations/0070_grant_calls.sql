-- Grants (issue 17): open grant competitions (otwarte konkursy ofert) and
-- award contests on the same machinery. A call (nabór) belongs to a region
-- and, when it funds a plan task, to the task (and so its budget line); it has
-- areas (sub-budgets) and criteria of formal and merit evaluation.
-- Money is integer grosze; offers_until and published_at are UTC stamps
-- ("2027-01-15T15:00:00Z") shown in Europe/Warsaw time; results_by is the
-- ISO date the results are promised for.
CREATE TABLE grant_call (
    id                 INTEGER PRIMARY KEY,
    region             TEXT NOT NULL REFERENCES region(woj),
    kind               TEXT NOT NULL CHECK (kind IN ('grant', 'award')),
    title              TEXT NOT NULL,
    description        TEXT NOT NULL DEFAULT '',
    plan_id            INTEGER REFERENCES plan(id) ON DELETE SET NULL,
    task               TEXT,               -- plan task number, e.g. '6'
    amount_grosze      INTEGER NOT NULL CHECK (amount_grosze >= 0),
    max_grant_grosze   INTEGER NOT NULL CHECK (max_grant_grosze >= 0),
    min_own_permille   INTEGER NOT NULL
                           CHECK (min_own_permille BETWEEN 0 AND 1000),
    offers_until       TEXT NOT NULL,
    results_by         TEXT NOT NULL,
    correction_days    INTEGER NOT NULL DEFAULT 7
                           CHECK (correction_days BETWEEN 0 AND 60),
    status             TEXT NOT NULL DEFAULT 'draft'
                           CHECK (status IN ('draft', 'published',
                                             'results', 'cancelled')),
    published_at       TEXT,               -- NULL while a draft
    created_by         TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX grant_call_region ON grant_call(region, status);

-- The areas of a call, each with its own budget (the call's amount is
-- their sum).
CREATE TABLE grant_call_area (
    call_id       INTEGER NOT NULL REFERENCES grant_call(id)
                      ON DELETE CASCADE,
    pos           INTEGER NOT NULL,
    name          TEXT NOT NULL,
    budget_grosze INTEGER NOT NULL CHECK (budget_grosze >= 0),
    PRIMARY KEY (call_id, pos)
);

-- Criteria: 'formal' ones are met or not (max_points 0), 'merit' ones are
-- scored from 0 to max_points by each committee member.
CREATE TABLE grant_criterion (
    call_id    INTEGER NOT NULL REFERENCES grant_call(id) ON DELETE CASCADE,
    stage      TEXT NOT NULL CHECK (stage IN ('formal', 'merit')),
    pos        INTEGER NOT NULL,
    name       TEXT NOT NULL,
    max_points INTEGER NOT NULL CHECK (max_points BETWEEN 0 AND 100),
    PRIMARY KEY (call_id, stage, pos)
);
