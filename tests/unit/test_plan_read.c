/*
** Unit tests of the plan reader against the seed documents: every figure
** of "Figures the seed tables must reproduce" in MISSION.md, read from
** data/seeds, plus the seed 002 findings for the 2023 terms.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/json.h"
#include "plan/plan.h"
#include "plan_fixture.h"

static int
task_by_number(const struct plan *p, const char *number)
{
    for (int i = 0; i < p->ntasks; i++) {
        if (strcmp(p->tasks[i].number, number) == 0) {
            return i;
        }
    }
    fail_msg("no task %s", number);
    return -1;
}

/* The first top-level indicator whose name starts with prefix. */
static int
indicator_by_name(const struct plan *p, const char *prefix)
{
    for (int i = 0; i < p->nindicators; i++) {
        if (strncmp(p->indicators[i].name, prefix, strlen(prefix)) == 0) {
            return i;
        }
    }
    fail_msg("no indicator %s", prefix);
    return -1;
}

static int64_t
declared(const struct plan *p, const char *label_prefix, int source)
{
    for (int i = 0; i < p->ndeclared; i++) {
        if (p->declared[i].source == source &&
            strncmp(p->declared[i].label, label_prefix, strlen(label_prefix)) ==
                0) {
            return p->declared[i].grosze;
        }
    }
    fail_msg("no declared total %s", label_prefix);
    return -1;
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

static bool
has_finding(const struct plan *p, const char *code, int row)
{
    for (int i = 0; i < p->nfindings; i++) {
        if (strcmp(p->findings[i].code, code) == 0 &&
            p->findings[i].row == row) {
            return true;
        }
    }
    return false;
}

static void
test_plan_read_001_goals_and_actions(void **state)
{
    struct plan *p = read_seed(SEED_001);
    static const char *const expect[] = {
        "1.1",  "1.2",  "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9",
        "1.10", "1.11", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7",
        "3.1",  "3.2",  "3.3", "3.4", "3.5", "3.6", "3.7",
    };

    (void)state;
    assert_int_equal(p->kind, PLAN_YEARLY);
    assert_string_equal(p->format, "tsv");
    assert_int_equal(p->year, 2021);
    assert_int_equal(p->programme_from, 2021);
    assert_int_equal(p->programme_to, 2026);
    assert_string_equal(p->region, "kujawsko-pomorskie");
    assert_int_equal(p->ngoals, 3);
    assert_string_equal(p->goals[0].code, "1");
    assert_string_equal(p->goals[2].code, "3");
    assert_int_equal(p->nactions, 25);
    for (int i = 0; i < 25; i++) {
        assert_string_equal(p->actions[i].code, expect[i]);
        assert_int_equal(p->actions[i].goal, expect[i][0] - '1');
    }
    assert_int_equal(count_code(p, "number_skipped"), 0);
    assert_int_equal(count_code(p, "number_duplicate"), 0);
}

static void
test_plan_read_001_totals(void **state)
{
    struct plan *p = read_seed(SEED_001);
    struct plan_totals t;
    int own = plan_source_find(p, "own"), other = plan_source_find(p, "other");
    const char *label = "Łączna wartość";

    (void)state;
    plan_totals_compute(p, &t);
    assert_int_equal(t.total, ZL(500000));
    assert_int_equal(t.by_source[own], ZL(322000));
    assert_int_equal(t.by_source[other], ZL(178000));
    assert_int_equal(declared(p, label, -1), ZL(500000));
    assert_int_equal(declared(p, label, own), ZL(322000));
    assert_int_equal(declared(p, label, other), ZL(178000));
    assert_int_equal(count_code(p, "declared_total_mismatch"), 0);
    assert_int_equal(count_code(p, "declared_source_mismatch"), 0);
    assert_int_equal(count_code(p, "line_total_mismatch"), 0);
}

static void
test_plan_read_001_task_1_1(void **state)
{
    struct plan *p = read_seed(SEED_001);
    int t = task_by_number(p, "1.1");
    const struct plan_line *l = &p->lines[p->tasks[t].first_line];
    int64_t own = 0, other = 0;

    (void)state;
    assert_int_equal(plan_task_total(p, t), ZL(112000));
    assert_int_equal(l->total.v, ZL(112000));
    for (int k = 0; k < l->namounts; k++) {
        if (strcmp(p->sources[l->amounts[k].source].code, "own") == 0) {
            own = l->amounts[k].amount.v;
        } else if (strcmp(p->sources[l->amounts[k].source].code, "other") ==
                   0) {
            other = l->amounts[k].amount.v;
        }
    }
    assert_int_equal(own, ZL(12000));
    assert_int_equal(other, ZL(100000));
    assert_int_equal(l->term.from_month, 2);
    assert_int_equal(l->term.to_month, 11);
    /* the continuation row says "j.w." for its implementers */
    assert_int_equal(p->tasks[t].nlines, 2);
    assert_true(p->lines[p->tasks[t].first_line + 1].implementers_as_above);
    assert_string_equal(p->lines[p->tasks[t].first_line + 1].implementers,
                        l->implementers);
}

static void
test_plan_read_001_trained_persons_breakdown(void **state)
{
    struct plan *p = read_seed(SEED_001);
    int i = indicator_by_name(p, "liczba osób przeszkolonych");
    int64_t year = 0, multi = 0;
    int children = 0;

    (void)state;
    assert_int_equal(p->indicators[i].parent, -1);
    assert_int_equal(p->indicators[i].target_year.v, 170);
    assert_int_equal(p->indicators[i].target_multi.v, 1200);
    for (int k = 0; k < p->nindicators; k++) {
        if (p->indicators[k].parent == i) {
            year += p->indicators[k].target_year.v;
            multi += p->indicators[k].target_multi.v;
            children++;
        }
    }
    assert_int_equal(children, 6);
    assert_int_equal(year, 170);
    assert_int_equal(multi, 1200);
    assert_int_equal(count_code(p, "breakdown_mismatch"), 0);
}

static void
test_plan_read_001_helpline_and_agreements(void **state)
{
    struct plan *p = read_seed(SEED_001);
    int advice = indicator_by_name(p, "liczba porad udzielonych osobom");
    int agreements = indicator_by_name(p, "liczba porozumień podpisanych");
    int fn = indicator_by_name(p, "liczba opracowanych / udostępnionych");

    (void)state;
    assert_int_equal(p->indicators[advice].target_year.v, 2000);
    assert_int_equal(p->indicators[advice].target_multi.v, 12000);
    assert_string_equal(p->tasks[p->indicators[advice].task].number, "3.1");
    assert_int_equal(p->indicators[agreements].target_year.v, 129);
    assert_int_equal(p->indicators[agreements].target_multi.v, 134);
    /* a footnote mark and its text */
    assert_string_equal(p->indicators[fn].footnote, "\xC2\xB9");
    assert_int_equal(p->nfootnotes, 1);
    assert_string_equal(p->footnotes[0].mark, "\xC2\xB9");
    assert_non_null(strstr(p->footnotes[0].text, "W rozumieniu"));
    /* "na bieżąco" as a target is understood, not an error */
    assert_int_equal(
        p->indicators[indicator_by_name(p, "prowadzenie wojewódzkiej")]
            .target_year.kind,
        PLAN_NUM_ONGOING);
}

static void
test_plan_read_002_rows_and_total(void **state)
{
    struct plan *p = read_seed(SEED_002);
    struct plan_totals t;

    (void)state;
    assert_int_equal(p->year, 2024);
    assert_int_equal(p->programme_from, 2023);
    assert_int_equal(p->programme_to, 2028);
    assert_non_null(strstr(p->resolution, "5/239/24"));
    assert_int_equal(p->ngoals, 3);
    assert_string_equal(p->goals[1].code, "2");
    assert_int_equal(p->ntasks, 18);
    for (int i = 0; i < 18; i++) {
        char n[16];

        snprintf(n, sizeof(n), "%d", i + 1);
        assert_string_equal(p->tasks[i].number, n);
    }
    plan_totals_compute(p, &t);
    assert_int_equal(t.total, ZL(5295000));
    assert_int_equal(declared(p, "SUMA", -1), ZL(5295000));
    assert_int_equal(count_code(p, "declared_total_mismatch"), 0);
    assert_int_equal(count_code(p, "number_skipped"), 0);
    /* row 2 continues action 1.1 (merged cell) */
    assert_string_equal(
        p->actions[p->tasks[task_by_number(p, "2")].action].code, "1.1");
}

static void
test_plan_read_002_funding_notes(void **state)
{
    struct plan *p = read_seed(SEED_002);
    struct plan_totals t;
    int own = plan_source_find(p, "own");
    int subsidy = plan_source_find(p, "subsidy");
    static const int rows1[] = {2, 3, 4, 5, 8, 11, 10, 18};

    (void)state;
    plan_totals_compute(p, &t);
    assert_int_equal(t.by_source[own], ZL(1560000));
    assert_int_equal(t.by_source[subsidy], ZL(3735000));
    assert_int_equal(declared(p, "Środki samorządu", own), ZL(1560000));
    assert_int_equal(declared(p, "Dotacja z budżetu państwa", subsidy),
                     ZL(3735000));
    assert_int_equal(declared(p, "Razem", -1), ZL(5295000));
    assert_string_equal(p->notes[0].label, "1");
    assert_int_equal(p->notes[0].nrows, 8);
    for (int k = 0; k < 8; k++) {
        assert_int_equal(p->notes[0].rows[k], rows1[k]);
    }
    assert_int_equal(p->notes[0].amount.v, ZL(200000));
    for (int i = 0; i < p->nnotes; i++) {
        if (p->notes[i].parent < 0 && strcmp(p->notes[i].label, "6") == 0) {
            assert_int_equal(p->notes[i].source, subsidy);
            assert_int_equal(p->notes[i].nrows, 5); /* 9 i 14-17 */
        }
    }
    assert_int_equal(count_code(p, "note_amount_mismatch"), 0);
    assert_int_equal(count_code(p, "note_breakdown_mismatch"), 0);
    assert_int_equal(count_code(p, "declared_source_mismatch"), 0);
    assert_int_equal(count_code(p, "row_without_source"), 0);
}

static void
test_plan_read_002_terms_of_2023(void **state)
{
    struct plan *p = read_seed(SEED_002);
    const char *rows[] = {"14", "15", "16", "17"};

    (void)state;
    assert_int_equal(count_code(p, "term_outside_year"), 4);
    for (int i = 0; i < 4; i++) {
        const struct plan_task *t = &p->tasks[task_by_number(p, rows[i])];

        assert_int_equal(t->term.from_year, 2023);
        assert_true(has_finding(p, "term_outside_year", t->row));
    }
    assert_int_equal(count_code(p, "term_unreadable"), 0);
    assert_int_equal(plan_count_findings(p, PLAN_ERROR), 0);
}

static void
test_plan_read_002_not_planned_rows(void **state)
{
    struct plan *p = read_seed(SEED_002);
    const char *rows[] = {"11", "18"};

    (void)state;
    for (int i = 0; i < 2; i++) {
        int t = task_by_number(p, rows[i]);
        const struct plan_line *l = &p->lines[p->tasks[t].first_line];

        assert_int_equal(p->tasks[t].term.kind, PLAN_TERM_NOT_PLANNED);
        assert_int_equal(l->total.kind, PLAN_NUM_VALUE);
        assert_int_equal(plan_task_total(p, t), 0);
        for (int k = 0; k < p->nindicators; k++) {
            assert_int_not_equal(p->indicators[k].task, t);
        }
    }
}

static void
test_plan_read_002_row_6_two_targets(void **state)
{
    struct plan *p = read_seed(SEED_002);
    int t = task_by_number(p, "6"), n = 0;
    const struct plan_indicator *in[2] = {NULL, NULL};

    (void)state;
    for (int k = 0; k < p->nindicators; k++) {
        if (p->indicators[k].task == t) {
            assert_true(n < 2);
            in[n++] = &p->indicators[k];
        }
    }
    assert_int_equal(n, 2);
    assert_int_equal(in[0]->target_year.v, 90);
    assert_string_equal(in[0]->unit, "inicjatyw");
    assert_int_equal(in[1]->target_year.v, 6000);
    assert_string_equal(in[1]->unit, "beneficjentów");
    assert_string_equal(in[0]->results_text,
                        "- 90 inicjatyw - 6000 beneficjentów ostatecznych");
    assert_ptr_equal(in[0]->results_text, in[1]->results_text);
    assert_int_equal(plan_task_total(p, t), ZL(1100000));
}

static void
test_plan_read_003_programme_goals(void **state)
{
    struct plan *p = read_seed(SEED_003);

    (void)state;
    assert_int_equal(p->kind, PLAN_PROGRAMME);
    assert_string_equal(p->region, "małopolskie");
    assert_int_equal(p->programme_from, 2004);
    assert_int_equal(p->programme_to, 2007);
    assert_non_null(
        strstr(p->programme_title, "Małopolski Program Polityki Prorodzinnej"));
    assert_int_equal(p->ngoals, 3);
    assert_string_equal(p->goals[0].code, "A");
    assert_string_equal(p->goals[0].title,
                        "Promocja i kreowanie pozytywnego obrazu rodziny");
    assert_string_equal(p->goals[1].code, "B");
    assert_string_equal(p->goals[1].title, "Zdrowa, silna i aktywna rodzina");
    assert_string_equal(p->goals[2].code, "C");
    assert_string_equal(p->goals[2].title, "Efektywny system profilaktyki "
                                           "i pomocy rodzinom dysfunkcyjnym");
    assert_true(p->ntexts >= 14); /* recommendations, programmes run */
}

static void
test_plan_read_004_project_card(void **state)
{
    struct plan *p = read_seed(SEED_004);
    int eu = plan_source_find(p, "eu");
    static const int64_t values[] = {1100, 200, 1045, 50};
    static const char *const units[] = {"osób", "instytucji", "osób", "%"};

    (void)state;
    assert_int_equal(p->kind, PLAN_PROJECT);
    assert_string_equal(p->title,
                        "Koordynacja spójnej polityki społecznej Kujaw i "
                        "Pomorza");
    assert_string_equal(p->period_from, "2023-11-01");
    assert_string_equal(p->period_to, "2028-12-31");
    assert_int_equal(declared(p, "Całkowita wartość", -1), 2200965537);
    assert_int_equal(declared(p, "Kwota dofinansowania", eu), 1816236761);
    assert_int_equal(p->nindicators, 4);
    for (int i = 0; i < 4; i++) {
        assert_int_equal(p->indicators[i].target_multi.kind, PLAN_NUM_VALUE);
        assert_int_equal(p->indicators[i].target_multi.v, values[i]);
        assert_string_equal(p->indicators[i].unit, units[i]);
        assert_int_equal(p->indicators[i].task, -1);
    }
    assert_int_equal(p->ntasks, 2);
    assert_string_equal(p->tasks[1].number, "2");
    assert_non_null(strstr(p->tasks[1].description, "Wdrażanie działań"));
    assert_int_equal(p->ngoals, 1);
    assert_non_null(strstr(p->goals[0].title, "uspójnienie działań"));
}

static void
test_plan_read_json_shape(void **state)
{
    struct plan *p = read_seed(SEED_001);
    struct buf b;
    struct json j;

    (void)state;
    buf_init(&b);
    json_init(&j, &b);
    plan_json_write(&j, p);
    assert_non_null(strstr(b.data, "\"goals\":["));
    assert_non_null(strstr(b.data, "\"actions\":["));
    assert_non_null(strstr(b.data, "\"tasks\":["));
    assert_non_null(strstr(b.data, "\"indicators\":["));
    assert_non_null(strstr(b.data, "\"totals\":{\"total_grosze\":50000000,"
                                   "\"by_source\":{\"own\":32200000,"));
    assert_non_null(strstr(b.data, "\"declared_totals\":["));
    assert_non_null(strstr(b.data, "\"findings\":["));
    assert_int_equal(b.data[0], '{');
    assert_int_equal(b.data[b.len - 1], '}');
    buf_free(&b);
}

/* Issue 11: the limits refuse with a finding naming the row and column. */
static const char limits_head[] =
    "Plan na rok 2024\n"
    "Lp.;Termin realizacji;Działanie w Programie;Realizator;Działanie;"
    "Planowane środki (w zł)\n";

static struct plan *
read_text(const char *text, size_t len, int want_rc)
{
    struct plan *p;

    assert_int_equal(plan_read(&arena, "t.csv", text, len, 0, &p), want_rc);
    return p;
}

/* Issue 14: a file name that is not UTF-8 is stored as text on both
 * engines (PostgreSQL refuses malformed UTF-8), each bad byte U+FFFD. */
static void
test_plan_read_issue14_file_name_made_text(void **state)
{
    struct plan *p;

    (void)state;
    /* Named whether the content reads or not: findings show the name. */
    (void)plan_read(&arena, "plan\xff.csv", limits_head, strlen(limits_head), 0,
                    &p);
    assert_string_equal(p->name, "plan\xef\xbf\xbd.csv");
}

static const struct plan_finding *
finding(const struct plan *p, const char *code)
{
    for (int i = 0; i < p->nfindings; i++) {
        if (strcmp(p->findings[i].code, code) == 0) {
            return &p->findings[i];
        }
    }
    fail_msg("no finding %s", code);
    return NULL;
}

static void
test_plan_read_issue11_semicolons_refused_by_columns(void **state)
{
    size_t n = 80 * 1024;
    char *text = arena_alloc(&arena, n);
    struct plan *p;

    (void)state;
    memset(text, ';', n);
    p = read_text(text, n, ERR_INPUT);
    assert_int_equal(finding(p, "row_too_many_cols")->row, 1);
    assert_non_null(strstr(finding(p, "row_too_many_cols")->message, "512"));
}

static void
test_plan_read_issue11_long_cell_names_row_and_column(void **state)
{
    struct buf b;
    const struct plan_finding *f;
    struct plan *p;

    (void)state;
    buf_init(&b);
    buf_puts(&b, limits_head);
    buf_puts(&b, "1.;2024;1.1. A;OPS;\"");
    for (int i = 0; i < PLAN_MAX_CELL_BYTES; i++) {
        buf_putc(&b, 'x');
    }
    buf_puts(&b, "x\";10\n");
    p = read_text(b.data, b.len, ERR_INPUT);
    f = finding(p, "cell_too_long");
    assert_int_equal(f->row, 3);
    assert_non_null(strstr(f->message, "wierszu 3, w kolumnie 5"));
    buf_free(&b);
}

static void
test_plan_read_issue11_too_many_rows(void **state)
{
    struct buf b;
    struct plan *p;

    (void)state;
    buf_init(&b);
    buf_puts(&b, limits_head);
    for (int i = 0; i < PLAN_MAX_ROWS; i++) {
        buf_puts(&b, "\n");
    }
    p = read_text(b.data, b.len, ERR_INPUT);
    assert_int_equal(finding(p, "table_too_many_rows")->row, PLAN_MAX_ROWS + 1);
    buf_free(&b);
}

static void
test_plan_read_issue11_ten_thousand_rows_read(void **state)
{
    struct buf b;
    struct plan *p;

    (void)state;
    buf_init(&b);
    buf_puts(&b, limits_head);
    for (int i = 1; i <= 10000; i++) {
        char line[128];

        snprintf(line, sizeof(line), "%d.;2024;1.%d. A;OPS;opis;1 000,00\n", i,
                 i);
        buf_puts(&b, line);
    }
    p = read_text(b.data, b.len, 0);
    assert_int_equal(p->ntasks, 10000);
    assert_int_equal(p->nlines, 10000);
    buf_free(&b);
}

static void
test_plan_read_issue11_result_items_bounded(void **state)
{
    struct buf b;
    struct plan *p;

    (void)state;
    buf_init(&b);
    buf_puts(&b, "Plan na rok 2024\nLp.;Termin realizacji;Działanie w "
                 "Programie;Realizator;Zamierzone rezultaty\n");
    for (int i = 1; i <= 20; i++) {
        char line[64];

        snprintf(line, sizeof(line), "%d.;2024;1.%d. A;OPS;", i, i);
        buf_puts(&b, line);
        for (int k = 0; k < 8000; k++) {
            buf_puts(&b, "- 1 a ");
        }
        buf_puts(&b, "\n");
    }
    p = read_text(b.data, b.len, 0);
    assert_int_equal(p->nindicators, PLAN_MAX_INDICATORS);
    assert_true(plan_has_errors(p));
    assert_non_null(finding(p, "table_too_many_indicators"));
    buf_free(&b);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_plan_read_001_goals_and_actions,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_read_001_totals, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_plan_read_001_task_1_1, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_plan_read_001_trained_persons_breakdown, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_plan_read_001_helpline_and_agreements, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_read_002_rows_and_total,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_read_002_funding_notes, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_plan_read_002_terms_of_2023, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_plan_read_002_not_planned_rows,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_read_002_row_6_two_targets,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_read_003_programme_goals,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_read_004_project_card, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_plan_read_json_shape, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_plan_read_issue11_semicolons_refused_by_columns, setup,
            teardown),
        cmocka_unit_test_setup_teardown(
            test_plan_read_issue11_long_cell_names_row_and_column, setup,
            teardown),
        cmocka_unit_test_setup_teardown(test_plan_read_issue11_too_many_rows,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_plan_read_issue11_ten_thousand_rows_read, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_plan_read_issue11_result_items_bounded, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_plan_read_issue14_file_name_made_text, setup, teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
