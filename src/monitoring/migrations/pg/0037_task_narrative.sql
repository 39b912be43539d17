-- PostgreSQL twin of ../0037_task_narrative.sql.
-- The narrative of a task's realisation in a period ("opis realizacji",
-- issue 12), written by its implementer or the coordinator and shown in
-- the annual report. Changes are audited with their text.
CREATE TABLE task_narrative (
    plan_id    BIGINT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    task       BIGINT NOT NULL,        -- position of the task
    period     TEXT NOT NULL,           -- 'YYYY' or 'YYYY-Qn'
    text       TEXT NOT NULL,
    entered_by TEXT,
    entered_at TEXT NOT NULL,
    PRIMARY KEY (plan_id, task, period)
);
