/*
** The audit log writer; the table refuses UPDATE and DELETE by trigger.
** Every text is stored as well-formed UTF-8 (malformed bytes become
** U+FFFD), so the log and its JSON and CSV exports stay readable whatever
** a request carried.
*/
#include "auth.h"
#include "core/arena.h"
#include "core/str.h"
#include "db/db.h"

static void
bind_utf8(struct arena *a, db_stmt *st, int i, const char *s)
{
    db_bind_text(st, i, s != NULL ? str_utf8_repair(a, s) : NULL);
}

/* Bind the filters to the first four parameters (the action as a prefix). */
static void
bind_filter(struct arena *a, db_stmt *st, const struct audit_filter *f)
{
    db_bind_text(st, 1, f->who);
    db_bind_text(st, 2, f->action ? arena_printf(a, "%s%%", f->action) : NULL);
    db_bind_text(st, 3, f->from);
    db_bind_text(st, 4, f->to);
}

int
audit_total(struct db *db, struct arena *a, const struct audit_filter *f,
            int64_t *total)
{
    db_stmt *st = db_query(db, Q_AUDIT_COUNT);

    bind_filter(a, st, f);
    return db_one_int(st, total);
}

static const char *
text_or_null(db_stmt *st, int col)
{
    return db_col_null(st, col) ? NULL : db_col_text(st, col);
}

int
audit_each(struct db *db, struct arena *a, const struct audit_filter *f,
           int limit, int64_t offset,
           void (*row)(void *ctx, const struct audit_row *), void *ctx)
{
    db_stmt *st = db_query(db, Q_AUDIT_LIST);
    int n = 0, rc;

    bind_filter(a, st, f);
    db_bind_int(st, 5, limit);
    db_bind_int(st, 6, offset);
    while ((rc = db_step(st)) == DB_ROW) {
        struct audit_row e = {
            .id = db_col_int(st, 0),
            .at = db_col_text(st, 1),
            .account = text_or_null(st, 2),
            .via = db_col_text(st, 3),
            .addr = db_col_text(st, 4),
            .action = db_col_text(st, 5),
            .entity = db_col_text(st, 6),
            .entity_id = db_col_text(st, 7),
            .before = text_or_null(st, 8),
            .after = text_or_null(st, 9),
        };

        row(ctx, &e);
        n++;
    }
    db_done(st);
    return rc == DB_DONE ? n : rc;
}

int
audit_add(struct db *db, const struct audit_entry *e)
{
    db_stmt *st = db_query(db, Q_AUDIT_INSERT);
    struct arena a;
    int rc;

    arena_init(&a);
    bind_utf8(&a, st, 1, e->account);
    db_bind_text(st, 2, e->via ? e->via : "web");
    bind_utf8(&a, st, 3, e->addr);
    bind_utf8(&a, st, 4, e->action);
    bind_utf8(&a, st, 5, e->entity);
    bind_utf8(&a, st, 6, e->entity_id);
    bind_utf8(&a, st, 7, e->before);
    bind_utf8(&a, st, 8, e->after);
    rc = db_exec(st);
    arena_free(&a);
    return rc;
}
