-- A category's page of threads (issue 19, bench/forum.sh): the page's
-- threads are picked from this index alone, in the page's order (pinned
-- first, newest post first, ties by id) with the count of visible posts
-- that decides whether a thread is listed, and only the page's 50 are then
-- read and joined (Q_ZONE_THREADS). Over the old index an offset of 950
-- read and joined the 950 skipped threads as well. The old index served
-- only that query.
CREATE INDEX forum_thread_page
    ON forum_thread(category_id, pinned, last_post_at, id, posts);
DROP INDEX forum_thread_list;
