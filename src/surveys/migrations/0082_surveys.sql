-- Surveys (issue 18): questionnaires the office builds (training needs,
-- seed 002 row 12, or any other), sent as an open link or as one link per
-- recipient institution of the directory so that each answers once, and
-- their answers. Answers carry no personal data: an institution's link
-- identifies the institution, the open link nobody.
CREATE TABLE survey (
    id         INTEGER PRIMARY KEY,
    region     TEXT NOT NULL REFERENCES region(woj),
    title      TEXT NOT NULL,
    purpose    TEXT NOT NULL CHECK (purpose IN ('training_needs', 'other')),
    open_token TEXT UNIQUE,            -- the open link's token, or NULL
    created_at TEXT NOT NULL
);

CREATE TABLE survey_question (
    id        INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
    pos       INTEGER NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('single', 'multiple', 'scale',
              'number', 'text')),
    text      TEXT NOT NULL,
    options   TEXT NOT NULL DEFAULT '', -- choices joined by a line feed
    UNIQUE (survey_id, pos)
);

CREATE TABLE survey_recipient (
    id          INTEGER PRIMARY KEY,
    survey_id   INTEGER NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
    dir_org     INTEGER NOT NULL,      -- the directory's institution
    name        TEXT NOT NULL,
    token       TEXT NOT NULL UNIQUE,  -- its link: answers once
    answered_at TEXT,
    UNIQUE (survey_id, dir_org)
);

CREATE TABLE survey_response (
    id           INTEGER PRIMARY KEY,
    survey_id    INTEGER NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
    recipient_id INTEGER UNIQUE REFERENCES survey_recipient(id),
    created_at   TEXT NOT NULL
);

-- One row per answer; a multiple choice has one row per option chosen.
CREATE TABLE survey_answer (
    response_id INTEGER NOT NULL REFERENCES survey_response(id)
                ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES survey_question(id),
    choice      INTEGER,              -- option (from 1) or scale value 1..5
    num         INTEGER,              -- a number answer
    text        TEXT                  -- a text answer
);
CREATE INDEX survey_answer_by_response ON survey_answer(response_id);
