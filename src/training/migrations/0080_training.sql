-- Trainings with online sign-up (issue 18): the events the office runs
-- (trainings, conferences, workshops, supervisions, study visits), the
-- institutions their participants come from, the sign-ups (personal data:
-- purpose and retention stated on the form; keep_until drives
-- `rodzina purge`), attendance per day, knowledge tests, certificates and
-- the outbox of e-mails (the instance has no mail transport of its own).
CREATE TABLE training (
    id         INTEGER PRIMARY KEY,
    region     TEXT NOT NULL REFERENCES region(woj),
    kind       TEXT NOT NULL CHECK (kind IN ('training', 'conference',
               'workshop', 'supervision', 'study_visit')),
    title      TEXT NOT NULL,
    date_from  TEXT NOT NULL,          -- ISO date
    date_to    TEXT NOT NULL,          -- ISO date, >= date_from
    gmina      TEXT NOT NULL,          -- TERYT gmina code, 7 digits
    place      TEXT NOT NULL DEFAULT '',
    capacity   INTEGER NOT NULL CHECK (capacity > 0),
    groups     TEXT NOT NULL,          -- professional group codes, ','
    plan_id    INTEGER REFERENCES plan(id) ON DELETE SET NULL,
    task       TEXT NOT NULL DEFAULT '', -- task number of a yearly plan
    created_at TEXT NOT NULL,
    CHECK (date_to >= date_from)
);
CREATE INDEX training_by_date ON training(region, date_from);
CREATE INDEX training_by_plan ON training(plan_id);

CREATE TABLE training_institution (
    id          INTEGER PRIMARY KEY,
    region      TEXT NOT NULL,
    name        TEXT NOT NULL,
    name_folded TEXT NOT NULL,        -- str_fold(name): one row per name
    kind        TEXT NOT NULL,        -- gmina, powiat, ops, pcpr, cus, ngo ...
    gmina       TEXT NOT NULL,        -- TERYT gmina code
    dir_org     INTEGER,              -- the directory's institution, if chosen
    UNIQUE (region, name_folded, gmina)
);

CREATE TABLE training_signup (
    id             INTEGER PRIMARY KEY,
    training_id    INTEGER NOT NULL REFERENCES training(id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    email          TEXT NOT NULL,
    email_folded   TEXT NOT NULL,     -- lower case: the person, per project
    institution_id INTEGER NOT NULL REFERENCES training_institution(id),
    pgroup         TEXT NOT NULL,     -- professional group code
    status         TEXT NOT NULL CHECK (status IN ('unconfirmed',
                   'confirmed', 'waiting', 'cancelled')),
    token_hash     TEXT NOT NULL UNIQUE, -- of the person's own link
    created_at     TEXT NOT NULL,
    queued_at      TEXT,              -- confirmed: the waiting list's order
    keep_until     TEXT NOT NULL,     -- ISO date: purged after it
    UNIQUE (training_id, email_folded)
);
CREATE INDEX training_signup_by_email ON training_signup(email_folded);

CREATE TABLE training_attendance (
    signup_id INTEGER NOT NULL REFERENCES training_signup(id) ON DELETE CASCADE,
    day       TEXT NOT NULL,          -- ISO date within the training
    PRIMARY KEY (signup_id, day)
);

-- The knowledge test before and after, in points of max_points.
CREATE TABLE training_test (
    signup_id  INTEGER PRIMARY KEY REFERENCES training_signup(id)
               ON DELETE CASCADE,
    before_pts INTEGER NOT NULL CHECK (before_pts >= 0),
    after_pts  INTEGER NOT NULL CHECK (after_pts >= 0),
    max_points INTEGER NOT NULL CHECK (max_points > 0)
);

CREATE TABLE training_certificate (
    number    TEXT PRIMARY KEY,       -- "SZK-2024-000012"
    signup_id INTEGER NOT NULL UNIQUE REFERENCES training_signup(id)
              ON DELETE CASCADE,
    issued_at TEXT NOT NULL
);

CREATE TABLE training_mail (
    id         INTEGER PRIMARY KEY,
    signup_id  INTEGER REFERENCES training_signup(id) ON DELETE CASCADE,
    recipient  TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL
);
