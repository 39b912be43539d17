-- The forum's version (issue 19, bench/forum.sh): the search keeps its
-- answers per process (zone_store.c), keyed by the words, the region and
-- this v. Every write to a table a search answer is read from (categories,
-- threads, posts; the search index is written with the posts) changes v,
-- by these triggers, so a change made by any path (the forms, moderation,
-- the demo loader, the psql shell) is seen by the next search.
-- PostgreSQL twin of ../0097_forum_version.sql: random() there is a
-- random 64-bit integer, here a random fraction scaled to 63 bits.
CREATE TABLE forum_version (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    v  BIGINT NOT NULL
);
INSERT INTO forum_version(id, v) VALUES (1, (random() * 9e18)::bigint);

CREATE FUNCTION forum_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE forum_version SET v = (random() * 9e18)::bigint;
    RETURN NULL;
END $$;
CREATE TRIGGER forum_version_category_i AFTER INSERT ON forum_category
    FOR EACH ROW EXECUTE FUNCTION forum_version_bump();
CREATE TRIGGER forum_version_category_u AFTER UPDATE ON forum_category
    FOR EACH ROW EXECUTE FUNCTION forum_version_bump();
CREATE TRIGGER forum_version_category_d AFTER DELETE ON forum_category
    FOR EACH ROW EXECUTE FUNCTION forum_version_bump();
CREATE TRIGGER forum_version_thread_i AFTER INSERT ON forum_thread
    FOR EACH ROW EXECUTE FUNCTION forum_version_bump();
CREATE TRIGGER forum_version_thread_u AFTER UPDATE ON forum_thread
    FOR EACH ROW EXECUTE FUNCTION forum_version_bump();
CREATE TRIGGER forum_version_thread_d AFTER DELETE ON forum_thread
    FOR EACH ROW EXECUTE FUNCTION forum_version_bump();
CREATE TRIGGER forum_version_post_i AFTER INSERT ON forum_post
    FOR EACH ROW EXECUTE FUNCTION forum_version_bump();
CREATE TRIGGER forum_version_post_u AFTER UPDATE ON forum_post
    FOR EACH ROW EXECUTE FUNCTION forum_version_bump();
CREATE TRIGGER forum_version_post_d AFTER DELETE ON forum_post
    FOR EACH ROW EXECUTE FUNCTION forum_version_bump();
