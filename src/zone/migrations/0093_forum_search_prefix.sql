-- The forum's search index again, with prefix indexes of 3 to 6 letters
-- (issue 19, bench/forum.sh): a prefix query on FTS5 without one merges
-- the doclists of every matching term (5 ms and more on 200 000 posts);
-- with one it reads a single doclist (well under 1 ms). The program cuts
-- each word of a query to at most 6 letters and drops shorter than 3, so
-- every query is served by these indexes.
DROP TABLE forum_fts;
CREATE VIRTUAL TABLE forum_fts USING fts5(body, prefix = '3 4 5 6',
    tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO forum_fts(rowid, body)
    SELECT id, folded FROM forum_post WHERE hidden = 0;
