-- PostgreSQL twin of ../0096_forum_unread_index.sql.
CREATE INDEX forum_thread_visible ON forum_thread(category_id, last_post_id);
