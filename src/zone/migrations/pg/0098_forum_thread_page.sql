-- PostgreSQL twin of ../0098_forum_thread_page.sql.
CREATE INDEX forum_thread_page
    ON forum_thread(category_id, pinned, last_post_at, id, posts);
DROP INDEX forum_thread_list;
