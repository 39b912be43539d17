/*
** The audit log writer, and the one shape of an audited change (a store's
** write and its audit row in one transaction); the table refuses UPDATE and
** DELETE by trigger.
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

int
audit_change(struct db *db, const struct audit_entry *who, const char *action,
             const char *entity,
             int (*change)(struct db *db, void *ctx, struct audit_entry *e),
             void *ctx)
{
    struct audit_entry e = {0};
    int rc;

    if (who != NULL) {
        e = *who;
    }
    e.action = action;
    e.entity = entity;
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    if ((rc = change(db, ctx, &e)) != 0 || (rc = audit_add(db, &e)) != 0) {
        db_rollback(db);
        return rc;
    }
    return db_commit(db);
}

static int
exec_one(struct db *db, void *st, struct audit_entry *e)
{
    return db_exec(st);
}

int
audit_exec(struct db *db, const struct audit_entry *e, db_stmt *st)
{
    return audit_change(db, e, e->action, e->entity, exec_one, st);
}
