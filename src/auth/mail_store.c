/*
** The one outbox of e-mail (issues 17, 18, 19): the store of table
** mail_outbox. Modules queue messages inside their own transactions
** (auth_mail_queue); `rodzina mail send` (cmd_mail.c) takes the due ones,
** hands them to the local sendmail and records the outcome here; `rodzina
** purge` deletes old ones. Composing and delivering a message is the
** command's business, not this file's.
*/
#include <stdio.h>

#include "auth.h"
#include "core/arena.h"
#include "core/err.h"
#include "core/warsaw.h"
#include "db/db.h"

int
auth_mail_queue(struct db *db, const char *kind, int64_t ref, const char *to,
                const char *subject, const char *body)
{
    char now[UTC_STAMP_SIZE];
    db_stmt *st = db_query(db, Q_MAIL_QUEUE);
    int64_t id;

    db_bind_text(st, 1, kind);
    if (ref > 0) {
        db_bind_int(st, 2, ref);
    } else {
        db_bind_null(st, 2);
    }
    db_bind_text(st, 3, to);
    db_bind_text(st, 4, subject);
    db_bind_text(st, 5, body);
    db_bind_text(st, 6, utc_stamp_now(now, false));
    return db_one_int(st, &id);
}

int
auth_mail_forget(struct db *db, const char *kind, int64_t ref, const char *to)
{
    db_stmt *st = db_query(db, Q_MAIL_FORGET);

    db_bind_text(st, 1, kind);
    db_bind_int(st, 2, ref > 0 ? ref : 0);
    db_bind_text(st, 3, to);
    return db_exec(st);
}

static void
mail_row(struct arena *a, db_stmt *st, void *elem)
{
    struct auth_mail *m = elem;

    m->id = db_col_int(st, 0);
    m->kind = db_col_text_dup(a, st, 1);
    m->ref = db_col_int(st, 2);
    m->to = db_col_text_dup(a, st, 3);
    m->subject = db_col_text_dup(a, st, 4);
    m->body = db_col_text_dup(a, st, 5);
    m->attempts = (int)db_col_int(st, 6);
}

int
auth_mail_take(struct db *db, struct arena *a, int64_t now, int limit,
               struct auth_mail **out)
{
    char stamp[UTC_STAMP_SIZE], until[UTC_STAMP_SIZE];
    db_stmt *st;
    int n, i, rc;

    *out = NULL;
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    st = db_query(db, Q_MAIL_DUE);
    db_bind_text(st, 1, utc_stamp_at(stamp, now));
    db_bind_int(st, 2, limit);
    n = db_list(st, a, sizeof(**out), mail_row, out);
    rc = n < 0 ? n : 0;
    utc_stamp_at(until, now + AUTH_MAIL_LEASE);
    for (i = 0; rc == 0 && i < n; i++) {
        st = db_query(db, Q_MAIL_HOLD);
        db_bind_int(st, 1, (*out)[i].id);
        db_bind_text(st, 2, until);
        rc = db_exec(st);
    }
    rc = db_end(db, rc);
    return rc != 0 ? rc : n;
}

int
auth_mail_delivered(struct db *db, int64_t id, int64_t now)
{
    char stamp[UTC_STAMP_SIZE];
    db_stmt *st = db_query(db, Q_MAIL_DELIVERED);

    db_bind_int(st, 1, id);
    db_bind_text(st, 2, utc_stamp_at(stamp, now));
    return db_exec(st);
}

int
auth_mail_failed(struct db *db, const struct auth_mail *m, int64_t now,
                 const char *why, bool *given_up)
{
    char next[UTC_STAMP_SIZE];
    int shift = m->attempts < 16 ? m->attempts : 16;
    db_stmt *st = db_query(db, Q_MAIL_FAILED);

    *given_up = m->attempts + 1 >= AUTH_MAIL_ATTEMPTS;
    db_bind_int(st, 1, m->id);
    db_bind_text(st, 2,
                 utc_stamp_at(next, now + ((int64_t)AUTH_MAIL_RETRY << shift)));
    db_bind_text(st, 3, why);
    db_bind_int(st, 4, AUTH_MAIL_ATTEMPTS);
    return db_exec(st);
}

int
auth_mail_waiting(struct db *db, int64_t *n)
{
    return db_one_int(db_query(db, Q_MAIL_WAITING), n);
}

struct purge {
    char before[UTC_STAMP_SIZE], after[64];
    int64_t *n;
};

static int
purge_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct purge *c = ctx;
    db_stmt *st = db_query(db, Q_MAIL_OLD_COUNT);
    int rc;

    db_bind_text(st, 1, c->before);
    if ((rc = db_one_int(st, c->n)) != 0) {
        return rc;
    }
    st = db_query(db, Q_MAIL_PURGE);
    db_bind_text(st, 1, c->before);
    snprintf(c->after, sizeof(c->after), "{\"removed\":%lld}",
             (long long)*c->n);
    e->entity_id = c->before;
    e->after = c->after;
    return db_exec(st);
}

int
auth_mail_purge(struct db *db, int64_t before, int64_t *n)
{
    const struct audit_entry who = {.via = "cli"};
    struct purge c = {.n = n};

    utc_stamp_at(c.before, before);
    return audit_change(db, &who, "mail.purge", "mail_outbox", purge_write, &c);
}
