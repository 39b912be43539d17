/* Unit tests of the region settings (issue 15): hours, lines, store. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "db/db.h"
#include "region/region.h"
#include "teryt/teryt.h"

static void
test_region_hours_parse_reads_the_first_two_times(void **state)
{
    int from, to;

    (void)state;
    region_hours_parse("codziennie 17:00–21:00", &from, &to);
    assert_int_equal(from, 17 * 60);
    assert_int_equal(to, 21 * 60);
    region_hours_parse("pn–pt 8.00–16.30", &from, &to);
    assert_int_equal(from, 8 * 60);
    assert_int_equal(to, 16 * 60 + 30);
    region_hours_parse("całodobowo", &from, &to);
    assert_int_equal(from, 0);
    assert_int_equal(to, 24 * 60);
    region_hours_parse("w dni robocze", &from, &to);
    assert_int_equal(from, -1);
    assert_int_equal(to, -1);
    region_hours_parse("od 17:00", &from, &to); /* no end: not known */
    assert_int_equal(from, -1);
    region_hours_parse("2024 r. 99:99", &from, &to);
    assert_int_equal(from, -1);
}

static void
test_region_line_open_now_past_midnight(void **state)
{
    struct region_line l = {.open_from = 22 * 60, .open_to = 6 * 60};
    struct region_line u = {.open_from = -1, .open_to = -1};

    (void)state;
    assert_true(region_line_open_now(&l, 23 * 60));
    assert_true(region_line_open_now(&l, 60));
    assert_false(region_line_open_now(&l, 12 * 60));
    assert_false(region_line_open_now(&u, 12 * 60));
}

static void
test_region_line_parse_refuses_a_line_without_a_number(void **state)
{
    struct region_line l;
    const char *why = NULL;
    struct arena a;

    (void)state;
    arena_init(&a);
    assert_int_equal(
        region_line_parse(&a, " Linia | 800 154 030 | 17:00-21:00 ", &l, &why),
        0);
    assert_string_equal(l.name, "Linia");
    assert_string_equal(l.phone, "800 154 030");
    assert_int_equal(l.open_from, 17 * 60);
    assert_int_equal(region_line_parse(&a, "Linia | brak", &l, &why),
                     ERR_INPUT);
    assert_non_null(why);
    assert_int_equal(region_line_parse(&a, "tylko nazwa", &l, &why), ERR_INPUT);
    assert_int_equal(region_line_parse(&a, "a | 1 | b | c", &l, &why),
                     ERR_INPUT);
    arena_free(&a);
}

static void
test_region_save_keeps_what_is_not_given(void **state)
{
    const struct audit_entry who = {.via = "cli"};
    struct region_settings s = {.woj = "12", .office = "ROPS", .nlines = 1};
    struct region_settings got;
    struct region_line *nat;
    const char *why = NULL;
    struct arena a;
    struct db *db;
    char err[256];

    (void)state;
    arena_init(&a);
    assert_int_equal(db_open(":memory:", DB_OPEN_CREATE, &db, err, sizeof(err)),
                     0);
    assert_int_equal(teryt_load(db, &a), 0);
    assert_int_equal(
        region_line_parse(&a, "L | 12 1 | całodobowo", &s.lines[0], &why), 0);
    assert_int_equal(region_save(db, &a, &s, &who, &why), 0);
    memset(&s, 0, sizeof(s));
    s.woj = "12";
    s.nlines = -1;
    s.bip_url = "https://bip.example.pl";
    assert_int_equal(region_save(db, &a, &s, &who, &why), 0);
    assert_int_equal(region_get(db, &a, "12", &got), 0);
    assert_string_equal(got.office, "ROPS");
    assert_string_equal(got.bip_url, "https://bip.example.pl");
    assert_int_equal(got.nlines, 1);
    assert_string_equal(got.woj_name, "małopolskie");
    s.bip_url = "javascript:alert(1)";
    assert_int_equal(region_save(db, &a, &s, &who, &why), ERR_INPUT);
    s.woj = "99";
    s.bip_url = NULL;
    assert_int_equal(region_save(db, &a, &s, &who, &why), ERR_INPUT);
    assert_int_equal(region_get(db, &a, "04", &got), ERR_NOTFOUND);
    /* the national lines are data, 112 among them */
    assert_true(region_national_lines(&a, &nat) >= 4);
    assert_string_equal(nat[0].phone, "112");
    db_close(db);
    arena_free(&a);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_region_hours_parse_reads_the_first_two_times),
        cmocka_unit_test(test_region_line_open_now_past_midnight),
        cmocka_unit_test(
            test_region_line_parse_refuses_a_line_without_a_number),
        cmocka_unit_test(test_region_save_keeps_what_is_not_given),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
