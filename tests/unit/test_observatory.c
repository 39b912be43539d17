/*
** The observatory's computation (issue 20): figures summed per gmina and
** per powiat, rates per 10 000 residents, and class breaks that cover
** every value once.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/arena.h"
#include "observatory/observatory.h"

static const struct obs_gmina gminas[] = {
    {"0401011", "Aleksandrów Kujawski", "0401", "aleksandrowski", 11000},
    {"0401022", "Aleksandrów Kujawski (gm.)", "0401", "aleksandrowski", 9000},
    {"0463011", "Toruń", "0463", "Toruń", 195000},
    {"0402012", "Brodnica", "0402", "brodnicki", 0}, /* population unknown */
};

static const struct obs_value values[] = {
    {"0401011", 2021, 11},   {"0401011", 2021, 11}, {"0401022", 2021, 9},
    {"0463011", 2021, 390},  {"0463011", 2022, 5},  {"0402012", 2021, 4},
    {"9999999", 2021, 1000}, /* a gmina of another region: not counted */
};

static void
test_observatory_units_sum_and_rate(void **state)
{
    struct arena a;
    struct obs_unit *u;
    int n;

    (void)state;
    arena_init(&a);
    n = obs_units(&a, gminas, 4, values, 7, 2021, false, OBS_COUNT, true, &u);
    assert_int_equal(n, 4);
    assert_string_equal(u[0].code, "0401011");
    assert_int_equal(u[0].count, 22);
    assert_int_equal(u[0].rate100, 2000); /* 22 * 10 000 / 11 000 = 20,00 */
    assert_int_equal(u[2].count, 390);
    assert_int_equal(u[2].rate100, 2000);
    assert_int_equal(u[3].count, 4);
    assert_int_equal(u[3].rate100, -1); /* no population: the count */
    assert_int_equal(u[3].shown, 4);
    /* powiats: sums of their gminas, population too */
    n = obs_units(&a, gminas, 4, values, 7, 2021, true, OBS_COUNT, true, &u);
    assert_int_equal(n, 3);
    assert_string_equal(u[0].code, "0401");
    assert_int_equal(u[0].count, 31);
    assert_int_equal(u[0].population, 20000);
    assert_int_equal(u[0].rate100, 1550);
    /* counts only */
    n = obs_units(&a, gminas, 4, values, 7, 2022, false, OBS_COUNT, false, &u);
    assert_int_equal(u[2].count, 5);
    assert_int_equal(u[2].rate100, -1);
    assert_int_equal(u[2].shown, 5);
    assert_int_equal(u[0].shown, 0);
    arena_free(&a);
}

/* Amounts: grosze summed as counts, per 10 000 residents in grosze. */
static void
test_observatory_money_rate_in_grosze(void **state)
{
    static const struct obs_value money[] = {
        {"0401011", 2021, 1100000}, /* 11 000,00 zl */
        {"0401022", 2021, 1},
        {"0463011", 2021, 1234567},
    };
    struct arena a;
    struct obs_unit *u;
    int n;

    (void)state;
    arena_init(&a);
    n = obs_units(&a, gminas, 4, money, 3, 2021, false, OBS_MONEY, true, &u);
    assert_int_equal(n, 4);
    /* 11 000 zl * 10 000 / 11 000 residents = 10 000,00 zl */
    assert_int_equal(u[0].rate100, 1000000);
    assert_int_equal(u[0].shown, 1000000);
    /* 0,01 zl * 10 000 / 9 000 = 0,0111 zl: 0,01 rounded */
    assert_int_equal(u[1].rate100, 1);
    /* 12 345,67 zl * 10 000 / 195 000 = 633,11 zl */
    assert_int_equal(u[2].rate100, 63311);
    assert_int_equal(obs_rate100(OBS_COUNT, 1, 3), 333333);
    assert_int_equal(obs_rate100(OBS_MONEY, 1, 3), 3333);
    assert_int_equal(obs_rate100(OBS_MONEY, 100, 20000), 50);
    n = obs_units(&a, gminas, 4, money, 3, 2021, true, OBS_MONEY, true, &u);
    assert_int_equal(u[0].count, 1100001);
    assert_int_equal(u[0].rate100, 550001); /* 1100001 / 2 rounded up */
    arena_free(&a);
}

/* Yes or no of each local government: a powiat's is its own, not the sum
 * of its gminas'. */
static void
test_observatory_flag_powiat_is_its_own(void **state)
{
    static const struct obs_value flags[] = {
        {"0401011", 2026, 1}, {"0401022", 2026, 1}, {"0401", 2026, 0},
        {"0463011", 2026, 1}, {"0463", 2026, 1},    {"0402", 2026, 1},
        {"0402012", 2026, 0},
    };
    struct arena a;
    struct obs_unit *u;
    int n;

    (void)state;
    arena_init(&a);
    n = obs_units(&a, gminas, 4, flags, 7, 2026, false, OBS_FLAG, false, &u);
    assert_int_equal(n, 4);
    assert_int_equal(u[0].count, 1);
    assert_int_equal(u[1].count, 1);
    assert_int_equal(u[2].count, 1);
    assert_int_equal(u[3].count, 0);
    assert_int_equal(u[0].rate100, -1);
    n = obs_units(&a, gminas, 4, flags, 7, 2026, true, OBS_FLAG, false, &u);
    assert_int_equal(n, 3);
    assert_string_equal(u[0].code, "0401");
    assert_int_equal(u[0].count, 0); /* two gminas have one, it has not */
    assert_string_equal(u[1].code, "0463");
    assert_int_equal(u[1].count, 1);
    assert_string_equal(u[2].code, "0402");
    assert_int_equal(u[2].count, 1); /* its gmina has none */
    arena_free(&a);
}

/* Every unit is in the class whose range holds its value, the ranges do
 * not overlap and are ascending; zero is class 0. */
static void
check_classes(const struct obs_unit *u, int n, const struct obs_breaks *b)
{
    int i, k;

    assert_true(b->n <= OBS_CLASSES);
    for (k = 0; k < b->n; k++) {
        assert_true(b->lo[k] <= b->hi[k]);
        if (k > 0) {
            assert_true(b->lo[k] > b->hi[k - 1]);
        }
    }
    for (i = 0; i < n; i++) {
        if (u[i].shown == 0) {
            assert_int_equal(u[i].cls, 0);
            continue;
        }
        assert_true(u[i].cls >= 1 && u[i].cls <= b->n);
        assert_true(u[i].shown >= b->lo[u[i].cls - 1] &&
                    u[i].shown <= b->hi[u[i].cls - 1]);
    }
}

static void
test_observatory_classes_cover_every_value(void **state)
{
    struct arena a;
    struct obs_unit u[200];
    struct obs_breaks b;
    unsigned seed = 7;
    int n, i;

    (void)state;
    arena_init(&a);
    for (n = 1; n <= 200; n += 13) {
        memset(u, 0, sizeof(u));
        for (i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            /* many zeros and repeats, as real counts have */
            u[i].shown =
                (seed >> 8) % 4 == 0 ? 0 : (int64_t)((seed >> 12) % 30);
        }
        obs_classify(&a, u, n, &b);
        check_classes(u, n, &b);
    }
    /* all equal: one class; two values: two classes */
    for (i = 0; i < 10; i++) {
        u[i].shown = 5;
    }
    obs_classify(&a, u, 10, &b);
    assert_int_equal(b.n, 1);
    check_classes(u, 10, &b);
    u[9].shown = 6;
    obs_classify(&a, u, 10, &b);
    assert_int_equal(b.n, 2);
    check_classes(u, 10, &b);
    /* nothing but zeros: no class */
    memset(u, 0, sizeof(u));
    obs_classify(&a, u, 10, &b);
    assert_int_equal(b.n, 0);
    arena_free(&a);
}

static void
test_observatory_years_and_format(void **state)
{
    struct arena a;
    int *y, n;

    (void)state;
    arena_init(&a);
    n = obs_years(&a, values, 7, &y);
    assert_int_equal(n, 2);
    assert_int_equal(y[0], 2021);
    assert_int_equal(y[1], 2022);
    assert_string_equal(obs_fmt100(&a, 123456), "1 234,56");
    assert_string_equal(obs_fmt100(&a, 5), "0,05");
    arena_free(&a);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_observatory_units_sum_and_rate),
        cmocka_unit_test(test_observatory_money_rate_in_grosze),
        cmocka_unit_test(test_observatory_flag_powiat_is_its_own),
        cmocka_unit_test(test_observatory_classes_cover_every_value),
        cmocka_unit_test(test_observatory_years_and_format),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
