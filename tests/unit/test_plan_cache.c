/*
** Unit tests of the plan cache: hits by id and version, a new version
** loads afresh, entries in use are never replaced, a full cache still
** serves (uncached) without leaking, and each page's builder keeps its own
** data with an entry whoever loaded it first.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "db/db.h"
#include "plan/plan_cache.h"
#include "plan/plan_store.h"
#include "teryt/teryt.h"

static struct db *db;
static struct arena a;
static int builds;

static void *
count_builds(struct arena *ar, const struct plan *p, int64_t id)
{
    (void)ar, (void)p, (void)id;
    builds++;
    return &builds;
}

static int other_builds;

/* A second page's builder: its data in its own arena. */
static void *
other_build(struct arena *ar, const struct plan *p, int64_t id)
{
    int *n = arena_alloc(ar, sizeof(int));

    (void)id;
    *n = p->ntasks;
    other_builds++;
    return n;
}

static int
setup(void **state)
{
    const struct audit_entry who = {.via = "cli"};
    char err[256];
    const char *why;
    struct plan *p;
    int64_t id;
    int i;
    db_stmt *st;

    (void)state;
    arena_init(&a);
    if (db_open(":memory:", DB_OPEN_CREATE, &db, err, sizeof(err)) != 0 ||
        teryt_load(db, &a) != 0) {
        return -1;
    }
    st = db_query(db, Q_REGION_UPSERT);
    db_bind_text(st, 1, "04");
    db_bind_text(st, 2, "ROPS");
    if (db_exec(st) != 0) {
        return -1;
    }
    /* Ten copies of seed 001: plans 1..10. */
    for (i = 0; i < 10; i++) {
        if (plan_read_file(&a, SEEDS_DIR "/001_bcc9bc9c7ab7a335.txt", 0, &p) !=
                0 ||
            plan_store_save(db, &a, "04", p, &who, &id, &why) != 0) {
            return -1;
        }
    }
    return 0;
}

static int
teardown(void **state)
{
    (void)state;
    plan_cache_clear();
    db_close(db);
    arena_free(&a);
    return 0;
}

static void
test_plan_cache_hits_by_id_and_version(void **state)
{
    struct plan_cached c1, c2, c3;
    void *h1, *h2, *h3;

    (void)state;
    builds = 0;
    assert_int_equal(plan_cache_get(db, 1, 1, count_builds, &c1, &h1), 0);
    assert_int_equal(plan_cache_get(db, 1, 1, count_builds, &c2, &h2), 0);
    assert_ptr_equal(c1.p, c2.p);
    assert_int_equal(builds, 1);
    assert_int_equal(c1.p->ntasks, 22);
    assert_string_equal(c1.meta->region, "04");
    /* A new version is a different plan: loaded and built again. */
    assert_int_equal(plan_cache_get(db, 1, 2, count_builds, &c3, &h3), 0);
    assert_ptr_not_equal(c3.p, c1.p);
    assert_int_equal(builds, 2);
    plan_cache_release(h1);
    plan_cache_release(h2);
    plan_cache_release(h3);
    plan_cache_clear();
}

static void
test_plan_cache_keeps_entries_in_use_and_serves_when_full(void **state)
{
    struct plan_cached c[10], again;
    void *h[10], *ha;
    int i;

    (void)state;
    plan_cache_clear();
    builds = 0;
    /* Ten plans held at once: eight slots cached, two served privately. */
    for (i = 0; i < 10; i++) {
        assert_int_equal(
            plan_cache_get(db, i + 1, 1, count_builds, &c[i], &h[i]), 0);
        assert_int_equal(c[i].p->ntasks, 22);
    }
    assert_int_equal(builds, 10);
    /* Every one still readable: nothing in use was replaced. */
    for (i = 0; i < 10; i++) {
        assert_int_equal(c[i].p->ngoals, 3);
    }
    /* Plan 1 is cached: asking again builds nothing. */
    assert_int_equal(plan_cache_get(db, 1, 1, count_builds, &again, &ha), 0);
    assert_ptr_equal(again.p, c[0].p);
    assert_int_equal(builds, 10);
    plan_cache_release(ha);
    for (i = 0; i < 10; i++) {
        plan_cache_release(h[i]);
    }
    assert_int_equal(plan_cache_get(db, 99, 1, count_builds, &again, &ha),
                     -2 /* ERR_NOTFOUND */);
}

static void
test_plan_cache_keeps_each_builders_data(void **state)
{
    struct plan_cached none, c1, c2, c3;
    void *h0, *h1, *h2, *h3;

    (void)state;
    plan_cache_clear();
    builds = other_builds = 0;
    /* Loaded first without a builder: no data, and the others still get
     * theirs, each built once. */
    assert_int_equal(plan_cache_get(db, 3, 1, NULL, &none, &h0), 0);
    assert_null(none.extra);
    assert_int_equal(plan_cache_get(db, 3, 1, count_builds, &c1, &h1), 0);
    assert_int_equal(plan_cache_get(db, 3, 1, other_build, &c2, &h2), 0);
    assert_int_equal(plan_cache_get(db, 3, 1, count_builds, &c3, &h3), 0);
    assert_ptr_equal(none.p, c1.p);
    assert_ptr_equal(c1.p, c2.p);
    assert_ptr_equal(c1.extra, &builds);
    assert_ptr_equal(c3.extra, &builds);
    assert_int_equal(*(int *)c2.extra, 22);
    assert_int_equal(builds, 1);
    assert_int_equal(other_builds, 1);
    plan_cache_release(h0);
    plan_cache_release(h1);
    plan_cache_release(h2);
    plan_cache_release(h3);
    plan_cache_clear();
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_cache_hits_by_id_and_version),
        cmocka_unit_test(
            test_plan_cache_keeps_entries_in_use_and_serves_when_full),
        cmocka_unit_test(test_plan_cache_keeps_each_builders_data),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
