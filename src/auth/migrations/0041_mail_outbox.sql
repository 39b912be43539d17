-- The one outbox of e-mail (issues 17, 18, 19). Every module queues its
-- messages here through auth_mail_queue() and `rodzina mail send`, run by
-- the operator with the local sendmail, delivers them: a message that
-- sendmail refuses is tried again after a growing pause and given up
-- ('failed') after AUTH_MAIL_ATTEMPTS tries. kind and ref name the record
-- the message is about ('training.signup' and the sign-up's id, ...), so
-- that erasing a record erases its messages (auth_mail_forget). Bodies
-- hold personal data: `rodzina purge` deletes every message queued more
-- than AUTH_MAIL_KEEP_DAYS days ago, delivered or not.
-- In the ops range (0041) with its code in auth: the outbox is
-- infrastructure every module reaches through auth/auth.h.
CREATE TABLE mail_outbox (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    ref        INTEGER,
    recipient  TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    state      TEXT NOT NULL DEFAULT 'queued'
               CHECK (state IN ('queued', 'sent', 'failed')),
    attempts   INTEGER NOT NULL DEFAULT 0,
    next_at    TEXT NOT NULL,           -- UTC: not tried before
    last_error TEXT,                    -- why the last try failed (no address)
    created_at TEXT NOT NULL,
    sent_at    TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox(state, next_at, id);
CREATE INDEX mail_outbox_ref ON mail_outbox(kind, ref);
CREATE INDEX mail_outbox_created ON mail_outbox(created_at);
