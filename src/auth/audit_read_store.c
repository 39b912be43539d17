/*
** Reading the audit log back, for its page, CSV and API: the rows a filter
** matches, counted and streamed. The writer is audit_store.c.
*/
#include "auth.h"
#include "core/arena.h"
#include "db/db.h"

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
