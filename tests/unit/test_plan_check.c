/*
** Unit tests of validation and of bad input: the broken-plan corpus in
** tests/fixtures/plans/ (cut rows, letters in numbers, unknown months,
** empty, binary, Windows-1250, CSV), inconsistent figures, the size limit,
** and plan_check() run again after an edit.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/err.h"
#include "plan/plan.h"
#include "plan_fixture.h"

static const struct plan_finding *
finding(const struct plan *p, const char *code, int row)
{
    for (int i = 0; i < p->nfindings; i++) {
        if (strcmp(p->findings[i].code, code) == 0 &&
            (row < 0 || p->findings[i].row == row)) {
            return &p->findings[i];
        }
    }
    fail_msg("no finding %s at row %d", code, row);
    return NULL;
}

static int
count_code(const struct plan *p, const char *code)
{
    int n = 0;

    for (int i = 0; i < p->nfindings; i++) {
        n += strcmp(p->findings[i].code, code) == 0;
    }
    return n;
}

static void
refused(const char *name, const char *code)
{
    struct plan *p;

    assert_int_equal(plan_read_file(&arena, name, 0, &p), ERR_INPUT);
    assert_true(plan_has_errors(p));
    assert_int_equal(p->nfindings, 1);
    assert_string_equal(p->findings[0].code, code);
    assert_true(strlen(p->findings[0].message) > 10);
}

static void
test_plan_check_empty_and_binary(void **state)
{
    (void)state;
    refused(PLANS "empty.txt", "file_empty");
    refused(PLANS "blank_lines.txt", "file_empty");
    refused(PLANS "binary.bin", "file_binary");
    refused(PLANS "spreadsheet.xlsx", "file_xlsx");
    refused(PLANS "bad_encoding.txt", "file_encoding");
}

static void
test_plan_check_missing_file(void **state)
{
    struct plan *p;

    (void)state;
    assert_int_equal(plan_read_file(&arena, PLANS "no_such_file.tsv", 0, &p),
                     ERR_IO);
    assert_string_equal(p->findings[0].code, "file_unreadable");
}

static void
test_plan_check_size_limit(void **state)
{
    size_t n = PLAN_MAX_BYTES_DEFAULT + 1;
    char *big = malloc(n);
    struct plan *p;

    (void)state;
    assert_non_null(big);
    memset(big, 'a', n);
    assert_int_equal(plan_read(&arena, "big.tsv", big, n, 0, &p), ERR_INPUT);
    assert_string_equal(p->findings[0].code, "file_too_large");
    free(big);
    /* the limit is a parameter, checked before reading the file */
    assert_int_equal(plan_read_file(&arena, PLANS "mismatch.tsv", 100, &p),
                     ERR_INPUT);
    assert_string_equal(p->findings[0].code, "file_too_large");
}

static void
test_plan_check_no_table(void **state)
{
    struct plan *p;
    const char *text = "Ala ma kota\nI nic więcej\n";

    (void)state;
    assert_int_equal(plan_read(&arena, "x.txt", text, strlen(text), 0, &p),
                     ERR_INPUT);
    assert_string_equal(p->findings[0].code, "table_not_found");
}

static void
test_plan_check_cut_rows(void **state)
{
    struct plan *p = read_ok(PLANS "cut_rows.tsv");

    (void)state;
    assert_int_equal(count_code(p, "row_cut"), 2);
    finding(p, "row_cut", 7);
    finding(p, "row_cut", 8); /* the last line, cut without a newline */
    assert_false(plan_has_errors(p));
    assert_int_equal(p->ntasks, 3);
}

static void
test_plan_check_letters_in_numbers(void **state)
{
    struct plan *p = read_ok(PLANS "letters_in_numbers.tsv");
    const struct plan_finding *f;

    (void)state;
    assert_true(plan_has_errors(p));
    f = finding(p, "number_unreadable", 6);
    assert_int_equal(f->severity, PLAN_ERROR);
    assert_string_equal(f->column, "ogólna");
    assert_non_null(strstr(f->message, "12.0O0"));
    f = finding(p, "number_unreadable", 7);
    assert_string_equal(f->column, "Plan 2021");
    assert_non_null(strstr(f->message, "1O"));
}

static void
test_plan_check_unknown_months(void **state)
{
    struct plan *p = read_ok(PLANS "unknown_month.tsv");
    const struct plan_finding *f;

    (void)state;
    assert_false(plan_has_errors(p)); /* a term does not stop an import */
    f = finding(p, "term_unreadable", 5);
    assert_int_equal(f->severity, PLAN_WARNING);
    assert_string_equal(f->column, "Termin realizacji");
    assert_non_null(strstr(f->message, "smarzec"));
    f = finding(p, "term_unreadable", 6);
    assert_non_null(strstr(f->message, "brumaire"));
    assert_int_equal(count_code(p, "term_unreadable"), 2);
    assert_int_equal(p->tasks[2].term.from_month, 3);
}

static void
test_plan_check_windows_1250(void **state)
{
    struct plan *p = read_ok(PLANS "cp1250.csv");
    struct plan_totals t;

    (void)state;
    assert_string_equal(p->encoding, "windows-1250");
    assert_string_equal(p->format, "csv");
    finding(p, "encoding_cp1250", 0);
    assert_false(plan_has_errors(p));
    assert_int_equal(p->ngoals, 1);
    assert_string_equal(p->goals[0].title,
                        "Wzmocnienie rodzin w Łodzi i Żninie");
    assert_int_equal(p->nactions, 2);
    assert_string_equal(p->actions[1].title, "Kampania \xE2\x80\x9E"
                                             "Rodzina\xE2\x80\x9D");
    assert_int_equal(p->tasks[0].term.from_month, 10);
    assert_int_equal(p->tasks[0].term.to_year, 2024);
    assert_string_equal(p->tasks[0].implementers, "Dział Źródeł Świętości");
    assert_string_equal(p->tasks[1].implementers, "Dział Źródeł Świętości");
    plan_totals_compute(p, &t);
    assert_int_equal(t.total, 173456);
    assert_int_equal(t.by_source[plan_source_find(p, "other")], 23456);
    assert_int_equal(count_code(p, "declared_total_mismatch"), 0);
}

static void
test_plan_check_comma_csv(void **state)
{
    struct plan *p = read_ok(PLANS "comma.csv");

    (void)state;
    assert_int_equal(p->nfindings, 0);
    assert_string_equal(p->goals[0].title,
                        "Wsparcie rodzin, dzieci i seniorów");
    assert_string_equal(p->actions[0].code, "1.1");
    assert_string_equal(p->actions[0].title, "Szkolenia, warsztaty");
    assert_string_equal(p->tasks[0].description,
                        "opis z \"cudzysłowem\"\nw dwóch liniach");
    assert_int_equal(p->tasks[1].row, 6); /* the quoted newline counts */
    assert_int_equal(p->nindicators, 2);
    assert_int_equal(p->indicators[1].target_year.v, 100);
    assert_int_equal(p->tasks[1].term.kind, PLAN_TERM_NOT_PLANNED);
}

static void
test_plan_check_mismatches(void **state)
{
    struct plan *p = read_ok(PLANS "mismatch.tsv");

    (void)state;
    assert_false(plan_has_errors(p));
    assert_string_equal(finding(p, "line_total_mismatch", 6)->column, "ogólna");
    finding(p, "breakdown_mismatch", 6);
    assert_int_equal(count_code(p, "breakdown_mismatch"), 1); /* 50=30+20 */
    finding(p, "target_above_multi", 6);
    finding(p, "number_skipped", 9);
    finding(p, "number_duplicate", 10);
    finding(p, "term_outside_year", 10);
    finding(p, "declared_total_mismatch", 13);
    finding(p, "declared_parts_mismatch", 13);
    assert_string_equal(finding(p, "declared_source_mismatch", 13)->column,
                        "inne");
    assert_int_equal(count_code(p, "declared_source_mismatch"), 1);
    for (int i = 0; i < p->nfindings; i++) {
        assert_true(p->findings[i].row > 0);
        assert_non_null(p->findings[i].message);
    }
}

static void
test_plan_check_funding_notes(void **state)
{
    struct plan *p = read_ok(PLANS "notes.tsv");

    (void)state;
    finding(p, "note_amount_mismatch", 11);
    finding(p, "note_breakdown_mismatch", 11);
    finding(p, "note_amount_mismatch", 14);
    finding(p, "number_skipped", 7);
    finding(p, "number_duplicate", 8);
    assert_int_equal(count_code(p, "declared_source_mismatch"), 2);
    assert_int_equal(count_code(p, "declared_total_mismatch"), 0);
}

static void
test_plan_check_again_after_edit(void **state)
{
    struct plan *p = read_ok(PLANS "mismatch.tsv");
    int before = p->nfindings;

    (void)state;
    plan_check(&arena, p);
    assert_int_equal(p->nfindings, before); /* replaced, not doubled */
    /* fix the line: 10 000 = 5 000 + 5 000 */
    p->lines[0].amounts[1].amount.v = ZL(5000);
    plan_check(&arena, p);
    assert_int_equal(count_code(p, "line_total_mismatch"), 0);
    assert_int_equal(count_code(p, "declared_source_mismatch"), 0);
}

static void
test_plan_check_hostile_text(void **state)
{
    /* markup, overflowing numbers, extra cells, a cut UTF-8 tail */
    static const char text[] = "Lp.\tDziałanie\togólna\tTermin realizacji\n"
                               "1.\t<script>\"'&\t\t\n"
                               "1.1\tx\t9999999999999999999\tI-XII\n"
                               "1.2\t\t\t\t\t\t\t\t\t\t\t\t\n"
                               "1.3\tz\t-1\t\xC5";
    struct plan *p;

    (void)state;
    assert_int_equal(plan_read(&arena, "h.tsv", text, sizeof(text) - 1, 0, &p),
                     0);
    assert_string_equal(p->encoding, "utf-8");
    finding(p, "utf8_damaged", 0);
    finding(p, "number_unreadable", 3);
    finding(p, "number_unreadable", 5);
    assert_true(plan_has_errors(p));
    assert_string_equal(p->goals[0].title, "<script>\"'&");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_plan_check_empty_and_binary, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_plan_check_missing_file, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_plan_check_size_limit, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_plan_check_no_table, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_plan_check_cut_rows, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_plan_check_letters_in_numbers,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_check_unknown_months, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_plan_check_windows_1250, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_plan_check_comma_csv, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_plan_check_mismatches, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_plan_check_funding_notes, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_plan_check_again_after_edit, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_plan_check_hostile_text, setup,
                                        teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
