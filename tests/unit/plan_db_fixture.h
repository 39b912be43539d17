/*
** What the tests over a stored plan share (grants, monitoring, trainings):
** the database of db_fixture.h with region 04 and one seed document stored
** as its plan, and its coordinator. Include after cmocka.h; the test's
** setup calls plan_db_setup.
*/
#ifndef TEST_PLAN_DB_FIXTURE_H
#define TEST_PLAN_DB_FIXTURE_H

#include <string.h>

#include "db_fixture.h"
#include "monitoring/monitoring.h"
#include "plan/plan.h"
#include "plan/plan_store.h"

/* db and a ready, the seed file (under SEEDS_DIR) read and stored for
** region 04 by who as plan *id: 0, or -1 when any step fails. */
static int
plan_db_setup(const char *seed, const struct audit_entry *who, int64_t *id)
{
    const char *why = NULL;
    struct plan *p;
    db_stmt *st;

    if (db_fixture_open() != 0) {
        return -1;
    }
    st = db_query(db, Q_REGION_UPSERT);
    db_bind_text(st, 1, "04");
    db_bind_text(st, 2, "ROPS w Toruniu");
    if (db_exec(st) != 0) {
        return -1;
    }
    if (plan_read_file(&a, seed, 0, &p) != 0 ||
        plan_store_save(db, &a, "04", p, who, id, &why) != 0) {
        return -1;
    }
    return 0;
}

/* A coordinator of region 04, account number account, login, via. */
static inline struct mon_actor
coordinator(int64_t account, const char *login, const char *via)
{
    struct mon_actor c;

    memset(&c, 0, sizeof(c));
    c.account = account;
    c.role = ROLE_COORDINATOR;
    c.region = "04";
    c.who.account = login;
    c.who.via = via;
    return c;
}

#endif
