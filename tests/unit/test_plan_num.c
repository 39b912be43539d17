/*
** Unit tests of src/plan/plan_num.c: Polish money and counts, terms.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/err.h"
#include "plan/plan.h"

static int64_t
money(const char *s)
{
    struct plan_num v;

    assert_int_equal(plan_num_money(s, &v), 0);
    assert_int_equal(v.kind, PLAN_NUM_VALUE);
    return v.v;
}

static int64_t
count(const char *s)
{
    struct plan_num v;

    assert_int_equal(plan_num_count(s, &v, NULL), 0);
    assert_int_equal(v.kind, PLAN_NUM_VALUE);
    return v.v;
}

static void
money_bad(const char *s)
{
    struct plan_num v;

    assert_int_equal(plan_num_money(s, &v), ERR_INPUT);
    assert_int_equal(v.kind, PLAN_NUM_BAD);
}

static void
test_plan_num_money_dot_thousands(void **state)
{
    (void)state;
    assert_int_equal(money("112.000"), 11200000);
    assert_int_equal(money("2.500"), 250000);
    assert_int_equal(money("500"), 50000);
    assert_int_equal(money("1.234.567"), 123456700);
    assert_int_equal(money("0"), 0);
}

static void
test_plan_num_money_polish_forms(void **state)
{
    (void)state;
    assert_int_equal(money("10 000,00"), 1000000);
    assert_int_equal(money("5 295 000,00 zł"), 529500000);
    assert_int_equal(money("22 009 655,37 zł"), 2200965537);
    assert_int_equal(money("1.234,56"), 123456);
    assert_int_equal(money("0,5"), 50);
    assert_int_equal(money("1\xC2\xA0"
                           "000,10"),
                     100010); /* NBSP */
    assert_int_equal(money("1 500 PLN"), 150000);
    assert_int_equal(money("112000.00"), 11200000); /* spreadsheet */
    assert_int_equal(money("1,234.56"), 123456);
}

static void
test_plan_num_money_words(void **state)
{
    struct plan_num v;

    (void)state;
    assert_int_equal(plan_num_money("-", &v), 0);
    assert_int_equal(v.kind, PLAN_NUM_NONE);
    assert_int_equal(plan_num_money("\xE2\x80\x93", &v), 0); /* – */
    assert_int_equal(v.kind, PLAN_NUM_NONE);
    assert_int_equal(plan_num_money("x", &v), 0);
    assert_int_equal(v.kind, PLAN_NUM_NOT_PLANNED);
    assert_int_equal(plan_num_money("   ", &v), 0);
    assert_int_equal(v.kind, PLAN_NUM_EMPTY);
}

static void
test_plan_num_money_rejects_garbage(void **state)
{
    (void)state;
    money_bad("12.0O0");
    money_bad("abc");
    money_bad("1,234"); /* three decimals */
    money_bad("12 34,00");
    money_bad("1..000");
    money_bad("1.000.");
    money_bad(",50");
    money_bad("-5");
    money_bad("9999999999999999999999");
    money_bad("1 000 zł zł");
}

static void
test_plan_num_count_forms(void **state)
{
    struct plan_num v;
    const char *unit;

    (void)state;
    assert_int_equal(count("170"), 170);
    assert_int_equal(count("1.200"), 1200);
    assert_int_equal(count("12.000"), 12000);
    assert_int_equal(count("6 000"), 6000);
    assert_int_equal(count("4,00"), 4);
    assert_int_equal(plan_num_count("50 %", &v, &unit), 0);
    assert_int_equal(v.v, 50);
    assert_non_null(unit);
    assert_string_equal(unit, "%");
    assert_int_equal(plan_num_count("na bieżąco", &v, NULL), 0);
    assert_int_equal(v.kind, PLAN_NUM_ONGOING);
    assert_int_equal(plan_num_count("2,5", &v, NULL), ERR_INPUT);
    assert_int_equal(plan_num_count("1O", &v, NULL), ERR_INPUT);
}

static struct plan_term
term(struct arena *a, const char *s, int rc)
{
    struct plan_term t;

    assert_int_equal(plan_term_parse(a, s, &t), rc);
    return t;
}

static void
test_plan_num_term_roman(void **state)
{
    struct arena a;
    struct plan_term t;

    (void)state;
    arena_init(&a);
    t = term(&a, "II-XI", 0);
    assert_int_equal(t.kind, PLAN_TERM_RANGE);
    assert_int_equal(t.from_month, 2);
    assert_int_equal(t.to_month, 11);
    assert_int_equal(t.from_year, 0);
    t = term(&a, "I-XII", 0);
    assert_int_equal(t.from_month, 1);
    assert_int_equal(t.to_month, 12);
    t = term(&a, "IX", 0);
    assert_int_equal(t.from_month, 9);
    assert_int_equal(t.to_month, 9);
    t = term(&a, "XI-II", ERR_INPUT); /* backwards without years */
    assert_int_equal(t.kind, PLAN_TERM_BAD);
    arena_free(&a);
}

static void
test_plan_num_term_polish_months(void **state)
{
    struct arena a;
    struct plan_term t;

    (void)state;
    arena_init(&a);
    t = term(&a, "styczeń – grudzień 2024 r.", 0);
    assert_int_equal(t.from_month, 1);
    assert_int_equal(t.to_month, 12);
    assert_int_equal(t.from_year, 2024);
    assert_int_equal(t.to_year, 2024);
    t = term(&a, "październik - grudzień 2024 r.", 0);
    assert_int_equal(t.from_month, 10);
    assert_int_equal(t.to_month, 12);
    t = term(&a, "grudnia 2023 – marca 2024", 0);
    assert_int_equal(t.from_year, 2023);
    assert_int_equal(t.from_month, 12);
    assert_int_equal(t.to_year, 2024);
    assert_int_equal(t.to_month, 3);
    t = term(&a, "2024", 0);
    assert_int_equal(t.from_month, 1);
    assert_int_equal(t.to_month, 12);
    t = term(&a, "II kwartał 2024 r.", 0);
    assert_int_equal(t.from_month, 4);
    assert_int_equal(t.to_month, 6);
    arena_free(&a);
}

static void
test_plan_num_term_words_and_dates(void **state)
{
    struct arena a;
    struct plan_term t;

    (void)state;
    arena_init(&a);
    assert_int_equal(term(&a, "na bieżąco", 0).kind, PLAN_TERM_ONGOING);
    assert_int_equal(term(&a, "x", 0).kind, PLAN_TERM_NOT_PLANNED);
    assert_int_equal(term(&a, "-", 0).kind, PLAN_TERM_NONE);
    assert_int_equal(term(&a, "", 0).kind, PLAN_TERM_EMPTY);
    t = term(&a, "01.11.2023 r. – 31.12.2028 r.", 0);
    assert_int_equal(t.from_day, 1);
    assert_int_equal(t.from_month, 11);
    assert_int_equal(t.from_year, 2023);
    assert_int_equal(t.to_day, 31);
    assert_int_equal(t.to_month, 12);
    assert_int_equal(t.to_year, 2028);
    arena_free(&a);
}

static void
test_plan_num_term_unknown_month(void **state)
{
    struct arena a;
    struct plan_term t;

    (void)state;
    arena_init(&a);
    t = term(&a, "smarzec - maj 2024 r.", ERR_INPUT);
    assert_int_equal(t.kind, PLAN_TERM_BAD);
    assert_string_equal(t.bad_word, "smarzec");
    t = term(&a, "styczeń - Brumaire", ERR_INPUT);
    assert_string_equal(t.bad_word, "brumaire");
    t = term(&a, "32.13.2024", ERR_INPUT);
    assert_int_equal(t.kind, PLAN_TERM_BAD);
    arena_free(&a);
}

static void
test_plan_num_month_words(void **state)
{
    (void)state;
    assert_int_equal(plan_month_from_word("pazdziernika", 12), 10);
    assert_int_equal(plan_month_from_word("XII", 3), 12);
    assert_int_equal(plan_month_from_word("maj", 3), 5);
    assert_int_equal(plan_month_from_word("foo", 3), 0);
    assert_string_equal(plan_month_name(3), "marzec");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_num_money_dot_thousands),
        cmocka_unit_test(test_plan_num_money_polish_forms),
        cmocka_unit_test(test_plan_num_money_words),
        cmocka_unit_test(test_plan_num_money_rejects_garbage),
        cmocka_unit_test(test_plan_num_count_forms),
        cmocka_unit_test(test_plan_num_term_roman),
        cmocka_unit_test(test_plan_num_term_polish_months),
        cmocka_unit_test(test_plan_num_term_words_and_dates),
        cmocka_unit_test(test_plan_num_term_unknown_month),
        cmocka_unit_test(test_plan_num_month_words),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
