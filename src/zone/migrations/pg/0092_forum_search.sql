-- The forum's search index (issue 19). PostgreSQL twin of
-- ../0092_forum_search.sql: in place of SQLite's FTS5 table, a plain table
-- with the same column (rowid given by the program, never generated) and
-- tsv, its words for the GIN index. The text is folded by str_fold before
-- it is written and queried, so 'simple' only splits it into words.
CREATE TABLE forum_fts (
    rowid BIGINT PRIMARY KEY,
    body  TEXT,
    tsv   tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', coalesce(body, ''))) STORED
);
CREATE INDEX forum_fts_tsv ON forum_fts USING gin (tsv);
INSERT INTO forum_fts(rowid, body)
    SELECT id, folded FROM forum_post WHERE hidden = 0;
