-- The count of a category's threads and of those an account has read up
-- to their newest post, from indexes only (issue 19): the forum's first
-- page costs the same for 10 000 threads as for 10.
CREATE INDEX forum_thread_visible ON forum_thread(category_id, last_post_id);
