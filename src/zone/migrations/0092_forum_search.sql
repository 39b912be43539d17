-- The forum's search index (issue 19): the folded text (str_fold) of every
-- visible post, rowid = forum_post.id, written with the post and removed
-- when a moderator hides it; a query's words match as prefixes, newest
-- posts first, so a search costs the same on 200 000 posts as on 200.
CREATE VIRTUAL TABLE forum_fts USING fts5(body,
    tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO forum_fts(rowid, body)
    SELECT id, folded FROM forum_post WHERE hidden = 0;
