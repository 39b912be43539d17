/* The audit log writer; the table refuses UPDATE and DELETE by trigger. */
#include "auth.h"
#include "db/db.h"

int
audit_add(struct db *db, const struct audit_entry *e)
{
    db_stmt *st = db_query(db, Q_AUDIT_INSERT);

    db_bind_text(st, 1, e->account);
    db_bind_text(st, 2, e->via ? e->via : "web");
    db_bind_text(st, 3, e->addr);
    db_bind_text(st, 4, e->action);
    db_bind_text(st, 5, e->entity);
    db_bind_text(st, 6, e->entity_id);
    db_bind_text(st, 7, e->before);
    db_bind_text(st, 8, e->after);
    return db_exec(st);
}
