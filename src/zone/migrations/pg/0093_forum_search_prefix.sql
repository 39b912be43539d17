-- PostgreSQL twin of ../0093_forum_search_prefix.sql: the GIN index of
-- forum_fts.tsv already answers prefix queries (word:*), so the table
-- stays as it is; its statistics are refreshed for the planner.
ANALYZE forum_fts;
