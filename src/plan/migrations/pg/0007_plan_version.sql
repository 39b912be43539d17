-- PostgreSQL twin of ../0007_plan_version.sql.
-- A plan's version, bumped by every change of the plan, so that a server
-- may keep a loaded and checked plan in memory and know when it is stale.
ALTER TABLE plan ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
