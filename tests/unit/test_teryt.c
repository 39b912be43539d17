/* Unit tests of the TERYT units: counts of the register and the search. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/arena.h"
#include "db/db.h"
#include "teryt/teryt.h"

static struct db *db;
static struct arena a;

static int
setup(void **state)
{
    char err[256];

    (void)state;
    arena_init(&a);
    if (db_open(":memory:", DB_OPEN_CREATE, &db, err, sizeof(err)) != 0) {
        return -1;
    }
    return teryt_load(db, &a);
}

static int
teardown(void **state)
{
    (void)state;
    db_close(db);
    arena_free(&a);
    return 0;
}

static bool
found(const char *q, const char *teryt, const char *name)
{
    struct teryt_gmina *g;
    int n = teryt_search(db, &a, q, 10, &g), i;

    for (i = 0; i < n; i++) {
        if (strcmp(g[i].teryt, teryt) == 0 && strcmp(g[i].name, name) == 0) {
            return true;
        }
    }
    return false;
}

/* The counts data/README.md documents for TERC 2024-01-01. */
static void
test_teryt_counts_match_register(void **state)
{
    struct teryt_counts c;
    db_stmt *st;
    int rc;
    long kp = -1, kp_pow = -1;

    (void)state;
    assert_int_equal(teryt_counts(db, &c), 0);
    assert_int_equal(c.woj, 16);
    assert_int_equal(c.powiat, 380);
    assert_int_equal(c.gmina, 2477);
    st = db_query(db, Q_WOJ_LIST);
    while ((rc = db_step(st)) == DB_ROW) {
        if (strcmp(db_col_text(st, 0), "04") == 0) {
            assert_string_equal(db_col_text(st, 1), "kujawsko-pomorskie");
            kp_pow = (long)db_col_int(st, 2);
            kp = (long)db_col_int(st, 3);
        }
    }
    db_done(st);
    assert_int_equal(kp, 144);
    assert_int_equal(kp_pow, 23);
}

static void
test_teryt_search_ignores_diacritics(void **state)
{
    (void)state;
    assert_true(found("torun", "0463011", "Toruń"));
    assert_true(found("TORUŃ", "0463011", "Toruń"));
    assert_true(found("wloclawek", "0464011", "Włocławek"));
    assert_true(found("lodz", "1061011", "Łódź"));
    assert_true(found("Łódź", "1061011", "Łódź"));
    /* Prefix of a later word of the name. */
    assert_true(found("lubawskie", "2812011", "Nowe Miasto Lubawskie"));
}

static void
test_teryt_search_prefix_and_ranking(void **state)
{
    struct teryt_gmina *g;
    int n;

    (void)state;
    n = teryt_search(db, &a, "lodz", 10, &g);
    assert_true(n >= 3);
    /* The exact name first, then whole-name prefixes, then later words. */
    assert_string_equal(g[0].name, "Łódź");
    assert_string_equal(g[1].name, "Aleksandrów Łódzki");
    n = teryt_search(db, &a, "wloclawek", 10, &g);
    assert_int_equal(n, 2);
    assert_string_equal(g[0].teryt, "0464011"); /* the city first */
    assert_int_equal(teryt_search(db, &a, "", 10, &g), 0);
    assert_int_equal(teryt_search(db, &a, "%", 10, &g), 0);
    assert_int_equal(teryt_search(db, &a, "qqqqzzz", 10, &g), 0);
    n = teryt_search(db, &a, "a", 3, &g);
    assert_int_equal(n, 3);
}

static void
test_teryt_gmina_get(void **state)
{
    struct teryt_gmina g;

    (void)state;
    assert_int_equal(teryt_gmina_get(db, &a, "0463011", &g), 0);
    assert_string_equal(g.name, "Toruń");
    assert_string_equal(g.woj_name, "kujawsko-pomorskie");
    assert_int_equal(g.rodz, 1);
    assert_int_not_equal(teryt_gmina_get(db, &a, "0000000", &g), 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_teryt_counts_match_register),
        cmocka_unit_test(test_teryt_search_ignores_diacritics),
        cmocka_unit_test(test_teryt_search_prefix_and_ranking),
        cmocka_unit_test(test_teryt_gmina_get),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
