-- The online knowledge test of a training (issue 18), so that "raised
-- qualifications" is measured, not assumed: a few single or multiple
-- choice questions with their right answers, written by the organiser;
-- each participant takes it before and after the event from their own
-- link, and the score is computed, not typed. The points typed by hand
-- (training_test) stay as the fallback for tests taken on paper.
CREATE TABLE training_question (
    id          INTEGER PRIMARY KEY,
    training_id INTEGER NOT NULL REFERENCES training(id) ON DELETE CASCADE,
    pos         INTEGER NOT NULL,     -- 1, 2, ...
    kind        TEXT NOT NULL CHECK (kind IN ('single', 'multiple')),
    text        TEXT NOT NULL,
    options     TEXT NOT NULL,        -- choices joined by a line feed
    correct     INTEGER NOT NULL CHECK (correct > 0), -- bit i: option i+1
    UNIQUE (training_id, pos)
);

-- A participant's test, once per phase; personal data, erased and purged
-- with the sign-up.
CREATE TABLE training_quiz (
    signup_id  INTEGER NOT NULL REFERENCES training_signup(id)
               ON DELETE CASCADE,
    phase      TEXT NOT NULL CHECK (phase IN ('before', 'after')),
    score      INTEGER NOT NULL CHECK (score >= 0),
    max_points INTEGER NOT NULL CHECK (max_points > 0),
    answers    TEXT NOT NULL,         -- options chosen per question, bits
    taken_at   TEXT NOT NULL,
    PRIMARY KEY (signup_id, phase)
);
