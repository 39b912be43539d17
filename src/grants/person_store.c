/*
** The store of the representatives' personal data (issue 17): erasure at
** the request of the organisation's own account where the law allows, and
** the purge past the retention period (rodzina purge). The purpose and
** the retention are stated in grants.h and on the pages.
*/
#include <stdio.h>
#include <stdlib.h>

#include "core/arena.h"
#include "core/err.h"
#include "db/db.h"
#include "grants.h"
#include "grants/strings_pl.h"

/* What an erasure works on. */
struct erase {
    struct arena *a;
    int64_t id, n;
};

static int
persons_erase(struct db *db, void *ctx, struct audit_entry *e)
{
    struct erase *c = ctx;
    db_stmt *st = db_query(db, Q_GRANT_ORG_PERSONS_DELETE);

    db_bind_int(st, 1, c->id);
    e->entity_id = arena_printf(c->a, "%ld", (long)c->id);
    e->after = arena_printf(c->a, "{\"erased\": %ld}", (long)c->n);
    return db_exec(st);
}

int
grant_org_erase_persons(struct db *db, struct arena *a,
                        const struct mon_actor *act, int64_t id,
                        const char **why)
{
    struct erase c = {.a = a, .id = id};
    struct grant_org o;
    const char *last;
    int64_t open;
    db_stmt *st;
    int rc;

    *why = NULL;
    if (!grant_org_is_own(db, act, id) ||
        (rc = grant_org_get(db, a, id, &o)) != 0) {
        return ERR_NOTFOUND;
    }
    st = db_query(db, Q_GRANT_ORG_RECORDS);
    db_bind_int(st, 1, id);
    if ((rc = db_one_row(st)) != 0) {
        return rc;
    }
    last = db_col_text_dup(a, st, 0);
    open = db_col_int(st, 1);
    db_done(st);
    if (*last != '\0') {
        *why = arena_printf(a, T_GO_ERR_ERASE_KEPT,
                            atoi(last) + GRANT_RETENTION_YEARS,
                            open > 0 ? T_GO_ERASE_SETTLEMENT : "");
        return ERR_CONFLICT;
    }
    c.n = o.npersons;
    return audit_change(db, &act->who, "grant_org.erase", "grant_org",
                        persons_erase, &c);
}

int
grant_persons_purge(struct db *db, const char *today, int64_t *n)
{
    struct audit_entry e = {0};
    char before[24], after[64];
    db_stmt *st;
    int rc;

    snprintf(before, sizeof(before), "%04d-01-01",
             atoi(today) - GRANT_RETENTION_YEARS);
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    st = db_query(db, Q_GRANT_PERSONS_PURGE_COUNT);
    db_bind_text(st, 1, before);
    if ((rc = db_one_int(st, n)) != 0) {
        goto done;
    }
    st = db_query(db, Q_GRANT_PERSONS_PURGE);
    db_bind_text(st, 1, before);
    if ((rc = db_exec(st)) != 0) {
        goto done;
    }
    e.via = "cli";
    e.action = "grant_org.purge";
    e.entity = "grant_org_person";
    e.entity_id = before;
    snprintf(after, sizeof(after), "{\"removed\":%lld}", (long long)*n);
    e.after = after;
    rc = audit_add(db, &e);
done:
    return db_end(db, rc);
}
