-- E-mail notification of replies (issue 19), off by default: a
-- professional opts in on /forum/konto; a reply queues one row per
-- participant of the thread who opted in, and `rodzina forum mail`, run by
-- the operator with the local sendmail, sends the queue. The queue holds
-- ids only: the text is read when the message is written.
ALTER TABLE professional ADD COLUMN notify INTEGER NOT NULL DEFAULT 0;
CREATE TABLE forum_mail (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    post_id    INTEGER NOT NULL REFERENCES forum_post(id),
    created_at TEXT NOT NULL,
    sent_at    TEXT,
    UNIQUE (account_id, post_id)
);
CREATE INDEX forum_mail_pending ON forum_mail(sent_at, id);
