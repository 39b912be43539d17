-- PostgreSQL twin of ../0060_plan_archive.sql.
-- Finishing a plan in the browser (issue 12). The core range (0001-0009) is
-- full, so the plan module has its own range from 0060.
-- archived: a published plan with realisation is never deleted, only
-- archived; lists hide archived plans unless asked for them.
-- content_hash: "<FNV-1a 64 hex>-<length>" of the imported file's bytes, so
-- that importing the same document twice is noticed and asked about; NULL
-- for plans built in forms and those imported before this migration.
ALTER TABLE plan ADD COLUMN archived BIGINT NOT NULL DEFAULT 0;
ALTER TABLE plan ADD COLUMN content_hash TEXT;
CREATE INDEX plan_content ON plan(region, kind, content_hash);
