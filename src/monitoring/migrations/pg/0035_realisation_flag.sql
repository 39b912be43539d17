-- PostgreSQL twin of ../0035_realisation_flag.sql.
-- Plausibility (issue 12): a value far off the plan (above its budget
-- line, over ten times the target, a breakdown above its parent) is kept
-- only with the implementer's reason; the approval queue shows both.
ALTER TABLE realisation ADD COLUMN flag TEXT;
ALTER TABLE realisation ADD COLUMN flag_reason TEXT;
