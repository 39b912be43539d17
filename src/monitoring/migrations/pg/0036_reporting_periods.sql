-- PostgreSQL twin of ../0036_reporting_periods.sql.
-- The reporting calendar (issue 12): per plan and period ('YYYY' or
-- 'YYYY-Qn') the date by which realisation is due, and whether the
-- coordinator has closed the period. A closed period takes no entries
-- until it is reopened; both are audited with the reason.
CREATE TABLE reporting_period (
    plan_id   BIGINT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    period    TEXT NOT NULL,
    due_on    TEXT,                     -- ISO date, or NULL
    closed    BIGINT NOT NULL DEFAULT 0,
    closed_at TEXT,
    closed_by TEXT,
    PRIMARY KEY (plan_id, period)
);
