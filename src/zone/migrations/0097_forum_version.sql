-- The forum's version (issue 19, bench/forum.sh): the search keeps its
-- answers per process (zone_store.c), keyed by the words, the region and
-- this v. Every write to a table a search answer is read from (categories,
-- threads, posts; the search index is written with the posts) changes v,
-- by these triggers, so a change made by any path (the forms, moderation,
-- the demo loader, the sqlite3 shell) is seen by the next search. v is a
-- random number, as dir_version's (directory migration 0011): two
-- databases never share a version by accident.
CREATE TABLE forum_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    v  INTEGER NOT NULL
);
INSERT INTO forum_version(id, v) VALUES (1, random());

CREATE TRIGGER forum_version_category_i AFTER INSERT ON forum_category
BEGIN UPDATE forum_version SET v = random(); END;
CREATE TRIGGER forum_version_category_u AFTER UPDATE ON forum_category
BEGIN UPDATE forum_version SET v = random(); END;
CREATE TRIGGER forum_version_category_d AFTER DELETE ON forum_category
BEGIN UPDATE forum_version SET v = random(); END;
CREATE TRIGGER forum_version_thread_i AFTER INSERT ON forum_thread
BEGIN UPDATE forum_version SET v = random(); END;
CREATE TRIGGER forum_version_thread_u AFTER UPDATE ON forum_thread
BEGIN UPDATE forum_version SET v = random(); END;
CREATE TRIGGER forum_version_thread_d AFTER DELETE ON forum_thread
BEGIN UPDATE forum_version SET v = random(); END;
CREATE TRIGGER forum_version_post_i AFTER INSERT ON forum_post
BEGIN UPDATE forum_version SET v = random(); END;
CREATE TRIGGER forum_version_post_u AFTER UPDATE ON forum_post
BEGIN UPDATE forum_version SET v = random(); END;
CREATE TRIGGER forum_version_post_d AFTER DELETE ON forum_post
BEGIN UPDATE forum_version SET v = random(); END;
