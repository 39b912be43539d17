/*
** Round trips of the plan export (issue 3): seeds 001 and 002 read, written
** as CSV and as XLSX, read again and compared field by field (goals,
** actions, tasks, lines, amounts, indicators, targets, totals, declared
** totals, findings); the same through the store (save, load, export,
** read). Also the XLSX reader on a workbook LibreOffice wrote and on a
** hand-made one with inline strings, a percent cell and a formula without
** a cached value, and the XLSX's formulas and number formats themselves.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/stop.h"
#include "db/db.h"
#include "cli/demo.h"
#include "plan/plan.h"
#include "plan_fixture.h"
#include "plan/plan_export.h"
#include "plan/plan_store.h"
#include "plan/plan_xlsx.h"
#include "teryt/teryt.h"

static struct plan *
read_bytes(const char *name, const struct buf *b)
{
    struct plan *p;
    int rc = plan_read(&arena, name, b->data, b->len, 0, &p);

    for (int i = 0; rc != 0 && i < p->nfindings; i++) {
        print_message("finding: %s\n", p->findings[i].message);
    }
    assert_int_equal(rc, 0);
    assert_false(plan_has_errors(p));
    return p;
}

static void
str_eq(const char *x, const char *y, const char *what, int i)
{
    if (strcmp(x != NULL ? x : "", y != NULL ? y : "") != 0) {
        fail_msg("%s %d: \"%s\" != \"%s\"", what, i, x ? x : "(null)",
                 y ? y : "(null)");
    }
}

static void
num_eq(const struct plan_num *x, const struct plan_num *y, const char *what,
       int i)
{
    if (x->kind != y->kind || x->v != y->v) {
        fail_msg("%s %d: kind %d value %lld != kind %d value %lld", what, i,
                 (int)x->kind, (long long)x->v, (int)y->kind, (long long)y->v);
    }
}

static void
term_eq(const struct plan_term *x, const struct plan_term *y, int i)
{
    assert_int_equal(x->kind, y->kind);
    assert_int_equal(x->from_month, y->from_month);
    assert_int_equal(x->to_month, y->to_month);
    assert_int_equal(x->from_year, y->from_year);
    assert_int_equal(x->to_year, y->to_year);
    str_eq(x->text, y->text, "term", i);
}

/* The number of findings with this code. */
static int
count_code(const struct plan *p, const char *code)
{
    int n = 0;

    for (int i = 0; i < p->nfindings; i++) {
        n += strcmp(p->findings[i].code, code) == 0;
    }
    return n;
}

/*
** b is a's export read back. Everything the plan states must be equal;
** declared totals of a may gain, in b, the total row's sums (each equal to
** the computed figure it restates).
*/
static void
plans_equal(const struct plan *a, const struct plan *b)
{
    struct plan_totals ta, tb;

    assert_int_equal(a->kind, b->kind);
    str_eq(a->title, b->title, "title", 0);
    str_eq(a->programme_title, b->programme_title, "programme", 0);
    str_eq(a->resolution, b->resolution, "resolution", 0);
    str_eq(a->region, b->region, "region", 0);
    assert_int_equal(a->year, b->year);
    assert_int_equal(a->programme_from, b->programme_from);
    assert_int_equal(a->programme_to, b->programme_to);

    assert_int_equal(a->ngoals, b->ngoals);
    for (int i = 0; i < a->ngoals; i++) {
        str_eq(a->goals[i].code, b->goals[i].code, "goal code", i);
        str_eq(a->goals[i].title, b->goals[i].title, "goal title", i);
    }
    assert_int_equal(a->nactions, b->nactions);
    for (int i = 0; i < a->nactions; i++) {
        str_eq(a->actions[i].code, b->actions[i].code, "action code", i);
        str_eq(a->actions[i].title, b->actions[i].title, "action title", i);
        assert_int_equal(a->actions[i].goal, b->actions[i].goal);
    }
    assert_int_equal(a->ntasks, b->ntasks);
    for (int i = 0; i < a->ntasks; i++) {
        const struct plan_task *x = &a->tasks[i], *y = &b->tasks[i];

        str_eq(x->number, y->number, "task number", i);
        str_eq(x->description, y->description, "task description", i);
        assert_int_equal(x->action, y->action);
        assert_int_equal(x->goal, y->goal);
        assert_int_equal(x->first_line, y->first_line);
        assert_int_equal(x->nlines, y->nlines);
        str_eq(x->implementers, y->implementers, "task implementers", i);
        term_eq(&x->term, &y->term, i);
        assert_int_equal(plan_task_total(a, i), plan_task_total(b, i));
    }
    assert_int_equal(a->nlines, b->nlines);
    for (int i = 0; i < a->nlines; i++) {
        const struct plan_line *x = &a->lines[i], *y = &b->lines[i];

        assert_int_equal(x->task, y->task);
        term_eq(&x->term, &y->term, i);
        str_eq(x->implementers, y->implementers, "line implementers", i);
        assert_int_equal(x->implementers_as_above, y->implementers_as_above);
        num_eq(&x->total, &y->total, "line total", i);
        assert_int_equal(x->namounts, y->namounts);
        for (int k = 0; k < x->namounts; k++) {
            assert_int_equal(x->amounts[k].source, y->amounts[k].source);
            num_eq(&x->amounts[k].amount, &y->amounts[k].amount, "amount", i);
        }
    }
    assert_int_equal(a->nindicators, b->nindicators);
    for (int i = 0; i < a->nindicators; i++) {
        const struct plan_indicator *x = &a->indicators[i],
                                    *y = &b->indicators[i];

        assert_int_equal(x->task, y->task);
        assert_int_equal(x->parent, y->parent);
        str_eq(x->name, y->name, "indicator name", i);
        str_eq(x->unit, y->unit, "indicator unit", i);
        str_eq(x->results_text, y->results_text, "results text", i);
        str_eq(x->footnote, y->footnote, "footnote mark", i);
        num_eq(&x->target_year, &y->target_year, "target year", i);
        num_eq(&x->target_multi, &y->target_multi, "target multi", i);
    }
    assert_int_equal(a->nfootnotes, b->nfootnotes);
    for (int i = 0; i < a->nfootnotes; i++) {
        str_eq(a->footnotes[i].mark, b->footnotes[i].mark, "fn mark", i);
        str_eq(a->footnotes[i].text, b->footnotes[i].text, "fn text", i);
    }
    plan_totals_compute(a, &ta);
    plan_totals_compute(b, &tb);
    assert_int_equal(ta.total, tb.total);
    for (int s = 0; s < PLAN_SOURCES_MAX; s++) {
        assert_int_equal(ta.by_source[s], tb.by_source[s]);
    }
    /* every declared total comes back with its label, source and amount */
    for (int i = 0; i < a->ndeclared; i++) {
        const struct plan_total *d = &a->declared[i];
        bool found = false;

        for (int k = 0; k < b->ndeclared && !found; k++) {
            found = b->declared[k].source == d->source &&
                    b->declared[k].grosze == d->grosze &&
                    strcmp(b->declared[k].label, d->label) == 0;
        }
        if (!found) {
            fail_msg("declared total %d (%s) lost", i, d->label);
        }
    }
    for (int k = 0; k < b->ndeclared; k++) {
        const struct plan_total *d = &b->declared[k];

        assert_int_equal(d->grosze,
                         d->source < 0 ? tb.total : tb.by_source[d->source]);
    }
    /* the same findings, apart from rows */
    assert_int_equal(plan_count_findings(a, PLAN_ERROR),
                     plan_count_findings(b, PLAN_ERROR));
    assert_int_equal(plan_count_findings(a, PLAN_WARNING),
                     plan_count_findings(b, PLAN_WARNING));
    for (int i = 0; i < a->nfindings; i++) {
        assert_int_equal(count_code(a, a->findings[i].code),
                         count_code(b, a->findings[i].code));
    }
}

/* Figures of MISSION.md that must survive any round trip. */
static void
seed_001_figures(const struct plan *p)
{
    struct plan_totals t;
    int own = plan_source_find(p, "own"), other = plan_source_find(p, "other");

    plan_totals_compute(p, &t);
    assert_int_equal(p->ngoals, 3);
    assert_int_equal(p->nactions, 25);
    assert_int_equal(t.total, ZL(500000));
    assert_int_equal(t.by_source[own], ZL(322000));
    assert_int_equal(t.by_source[other], ZL(178000));
    assert_string_equal(p->tasks[0].number, "1.1");
    assert_int_equal(plan_task_total(p, 0), ZL(112000));
}

static void
seed_002_figures(const struct plan *p)
{
    struct plan_totals t;

    plan_totals_compute(p, &t);
    assert_int_equal(p->ngoals, 3);
    assert_int_equal(p->ntasks, 18);
    assert_int_equal(t.total, ZL(5295000));
    assert_int_equal(t.by_source[plan_source_find(p, "own")], ZL(1560000));
    assert_int_equal(t.by_source[plan_source_find(p, "subsidy")], ZL(3735000));
    assert_int_equal(count_code(p, "term_outside_year"), 4);
}

static struct plan *
via_csv(const struct plan *p)
{
    struct buf b;
    struct plan *q;

    buf_init(&b);
    assert_int_equal(plan_export_csv(&arena, p, &b), 0);
    q = read_bytes("export.csv", &b);
    assert_string_equal(q->format, "csv");
    buf_free(&b);
    return q;
}

static struct plan *
via_xlsx(const struct plan *p)
{
    struct buf b;
    struct plan *q;

    buf_init(&b);
    assert_int_equal(plan_export_xlsx_buf(&arena, p, &b), 0);
    assert_true(b.len > 1000);
    assert_memory_equal(b.data, "PK\x03\x04", 4);
    q = read_bytes("export.xlsx", &b);
    assert_string_equal(q->format, "xlsx");
    buf_free(&b);
    return q;
}

static void
test_plan_export_csv_roundtrip_seed_001(void **state)
{
    struct plan *p = read_seed(SEED_001), *q = via_csv(p);

    (void)state;
    plans_equal(p, q);
    seed_001_figures(q);
}

static void
test_plan_export_csv_roundtrip_seed_002(void **state)
{
    struct plan *p = read_seed(SEED_002), *q = via_csv(p);

    (void)state;
    plans_equal(p, q);
    seed_002_figures(q);
}

static void
test_plan_export_xlsx_roundtrip_seed_001(void **state)
{
    struct plan *p = read_seed(SEED_001), *q = via_xlsx(p);

    (void)state;
    plans_equal(p, q);
    seed_001_figures(q);
    /* and once more: the export of the export is the same plan */
    plans_equal(p, via_xlsx(q));
}

static void
test_plan_export_xlsx_roundtrip_seed_002(void **state)
{
    struct plan *p = read_seed(SEED_002), *q = via_xlsx(p);

    (void)state;
    plans_equal(p, q);
    seed_002_figures(q);
}

/* The CSV is what a person expects: BOM, ';', Polish money, one header. */
static void
test_plan_export_csv_layout(void **state)
{
    struct plan *p = read_seed(SEED_001);
    struct buf b;

    (void)state;
    buf_init(&b);
    plan_export_csv(&arena, p, &b);
    assert_memory_equal(b.data, "\xEF\xBB\xBF", 3);
    assert_non_null(strstr(b.data, "\r\nLp.;Działanie;Wartość [zł];;;"
                                   "Termin realizacji;Realizatorzy;"));
    assert_non_null(strstr(b.data, ";;ogólna;środki własne;inne;;;wskaźnik;"
                                   "Plan 2021;Plan 2021–2026\r\n"));
    assert_non_null(strstr(b.data, "\r\n1.1;Systematyczne organizowanie"));
    assert_non_null(strstr(b.data, ";112 000,00;12 000,00;100 000,00;II-XI;"));
    assert_non_null(strstr(b.data, ";· członków gminnych zespołów "));
    assert_non_null(strstr(b.data, ";Łączna wartość realizacji programu w "
                                   "roku 2021;500 000,00;322 000,00;"
                                   "178 000,00;"));
    buf_free(&b);
}

/* Unzip one part of the exported workbook with the reader's own sheet
** reader would hide the XML: check the formulas in the XML itself. */
static void
test_plan_export_xlsx_formulas(void **state)
{
    struct plan *p = read_seed(SEED_001);
    char path[] = "/tmp/rodzina-test-XXXXXX";
    char cmd[256];
    FILE *f;
    struct buf xml;
    char chunk[4096];
    size_t k;
    int fd = mkstemp(path);

    (void)state;
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(plan_export_xlsx(&arena, p, path), 0);
    snprintf(cmd, sizeof(cmd), "unzip -p %s xl/worksheets/sheet1.xml", path);
    f = popen(cmd, "r");
    assert_non_null(f);
    buf_init(&xml);
    while ((k = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        buf_append(&xml, chunk, k);
    }
    pclose(f);
    unlink(path);
    assert_non_null(xml.data);
    /* line 1.1: 112 000 = own + other as a formula with its value */
    assert_non_null(strstr(xml.data, "<f>SUM(D6:E6)</f><v>112000</v>"));
    /* the plan's total row sums the columns */
    assert_non_null(strstr(xml.data, "<f>SUM(C5:C43)</f><v>500000</v>"));
    assert_non_null(strstr(xml.data, "<f>SUM(D5:D43)</f><v>322000</v>"));
    assert_non_null(strstr(xml.data, "<f>SUM(E5:E43)</f><v>178000</v>"));
    /* the header is merged over two rows */
    assert_non_null(strstr(xml.data, "<mergeCell ref=\"A3:A4\"/>"));
    buf_free(&xml);
}

/* Cells of a ';' CSV (RFC 4180 quotes) whose text starts with = + @ TAB
** CR, or with - not followed by a digit (a negative amount is a number). */
static int
csv_cells_starting_a_formula(const char *s)
{
    int bad = 0;

    while (*s != '\0') {
        /* an unquoted CR can only end the row: the writer quotes CR */
        char first = *s == '"' ? s[1] : *s == '\r' ? '\0' : *s;

        if (first != '\0' &&
            (strchr("=+@\t\r", first) != NULL ||
             (first == '-' && (*s == '"' ? s[2] : s[1]) < '0'))) {
            print_message("cell starts a formula: %.30s\n", s);
            bad++;
        }
        if (*s == '"') {
            for (s++; *s != '\0' && !(s[0] == '"' && s[1] != '"'); s++) {
                s += s[0] == '"';
            }
            s += *s == '"';
        }
        s += strcspn(s, ";\r\n");
        s += *s == '\r';
        s += *s != '\0';
    }
    return bad;
}

/*
** Issue 11, finding 5: text that a spreadsheet would run as a formula is
** written guarded (no cell starts with = + - @ TAB CR) and reads back as
** the text it was, from the CSV and from the XLSX. (TAB and CR are left
** out here: the plan reader takes a CSV with a TAB in a cell for the
** tab-separated format, guarded or not; test_csv covers their guard.)
*/
static void
test_plan_export_guards_formulas_and_reads_them_back(void **state)
{
    static const char *const hostile[] = {"=HYPERLINK(\"http://x\",\"y\")",
                                          "+1", "-2+3", "@SUM(A1)",
                                          "'=already quoted"};
    struct plan *p = read_seed(SEED_002);
    struct buf b;
    int n = (int)(sizeof(hostile) / sizeof(hostile[0]));

    (void)state;
    assert_true(p->ntasks > n);
    for (int i = 0; i < n; i++) {
        p->tasks[i].description = hostile[i];
    }
    p->tasks[n].implementers = "=cmd|' /C calc'!A0";
    p->lines[p->tasks[n].first_line].implementers = p->tasks[n].implementers;
    buf_init(&b);
    plan_export_csv(&arena, p, &b);
    assert_non_null(
        strstr(b.data, ";\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";"));
    assert_non_null(strstr(b.data, ";'+1;"));
    assert_non_null(strstr(b.data, ";'-2+3;"));
    assert_non_null(strstr(b.data, ";'@SUM(A1);"));
    assert_non_null(strstr(b.data, ";''=already quoted;"));
    assert_non_null(strstr(b.data, ";'=cmd|' /C calc'!A0;"));
    assert_int_equal(csv_cells_starting_a_formula(b.data + 3), 0);
    buf_free(&b);
    plans_equal(p, via_csv(p));
    plans_equal(p, via_xlsx(p));
}

/* Through the store: save, load, export, read: still the same plan. */
static void
roundtrip_store(const char *seed, bool xlsx)
{
    char path[] = "/tmp/rodzina-test-db-XXXXXX";
    char err[256];
    struct db *db = NULL;
    struct plan *p = read_seed(seed), *loaded, *q;
    struct plan_meta meta;
    const struct audit_entry who = {.via = "cli"};
    const char *why = NULL;
    int64_t id = 0;
    int fd = mkstemp(path);

    assert_true(fd >= 0);
    close(fd);
    unlink(path);
    assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, err, sizeof(err)), 0);
    assert_int_equal(teryt_load(db, &arena), 0);
    assert_int_equal(demo_load(db, &arena), 0);
    assert_int_equal(plan_store_save(db, &arena, "04", p, &who, &id, &why), 0);
    assert_true(id > 0);
    assert_int_equal(plan_store_load(db, &arena, id, &loaded, &meta), 0);
    q = xlsx ? via_xlsx(loaded) : via_csv(loaded);
    plans_equal(p, q);
    db_close(db);
    unlink(path);
    unlink(arena_printf(&arena, "%s-wal", path));
    unlink(arena_printf(&arena, "%s-shm", path));
}

static void
test_plan_export_store_roundtrip_seed_001(void **state)
{
    (void)state;
    roundtrip_store(SEED_001, true);
    roundtrip_store(SEED_001, false);
}

static void
test_plan_export_store_roundtrip_seed_002(void **state)
{
    (void)state;
    roundtrip_store(SEED_002, true);
    roundtrip_store(SEED_002, false);
}

/* A workbook LibreOffice wrote (our export of seed 001, saved again). */
static void
test_plan_xlsx_reads_libreoffice_workbook(void **state)
{
    struct plan *p = read_seed(PLANS "libreoffice_001.xlsx");

    (void)state;
    assert_string_equal(p->format, "xlsx");
    plans_equal(read_seed(SEED_001), p);
    seed_001_figures(p);
}

/*
** Inline strings, a percent cell, float noise and a formula without a
** cached value: the formula (=D6*2) is computed from its cell (issue 16),
** and the line's total, twice its own funds, is a mismatch (a warning).
*/
static void
test_plan_xlsx_inline_percent_and_formula(void **state)
{
    struct plan *p;
    int rc;

    (void)state;
    rc = plan_read_file(&arena, PLANS "inline_formula.xlsx", 0, &p);
    assert_int_equal(rc, 0);
    assert_string_equal(p->title, "Plan działań na rok 2024");
    assert_int_equal(p->year, 2024);
    assert_int_equal(p->ntasks, 2);
    assert_int_equal(p->lines[0].total.v, 120050);         /* 1200.5 */
    assert_int_equal(p->lines[1].amounts[0].amount.v, 30); /* 0.3000..04 */
    assert_string_equal(p->indicators[0].unit, "%");
    assert_int_equal(p->indicators[0].target_year.v, 50);
    assert_int_equal(p->lines[1].total.kind, PLAN_NUM_VALUE);
    assert_int_equal(p->lines[1].total.v, 60); /* 2 x 0,30 */
    assert_int_equal(count_code(p, "formula_computed"), 1);
    assert_int_equal(count_code(p, "xlsx_formula_no_value"), 0);
    assert_int_equal(count_code(p, "number_unreadable"), 0);
    assert_int_equal(count_code(p, "line_total_mismatch"), 1);
    assert_false(plan_has_errors(p)); /* the mismatch is a warning */
}

/* A ZIP that is not a workbook, and a cut workbook: refused, no crash. */
static void
test_plan_xlsx_damaged(void **state)
{
    struct plan *p = read_seed(SEED_001), *q;
    struct buf b;

    (void)state;
    buf_init(&b);
    plan_export_xlsx_buf(&arena, p, &b);
    for (size_t cut = 4; cut < b.len; cut += b.len / 7) {
        assert_int_equal(plan_read(&arena, "cut.xlsx", b.data, cut, 0, &q), -1);
        assert_string_equal(q->findings[0].code, "file_xlsx");
    }
    buf_free(&b);
}

/* Issue 11: a stop request ends the import of a plan; nothing is stored. */
static void
test_plan_store_stops_on_request(void **state)
{
    const struct audit_entry who = {.via = "cli"};
    struct plan_summary *list;
    struct db *db = NULL;
    const char *why = NULL;
    char err[256];
    struct plan *p;
    struct buf b;
    int64_t id = 0;
    int n;

    (void)state;
    buf_init(&b);
    buf_puts(&b, "Plan na rok 2024\nLp.;Termin realizacji;Działanie w "
                 "Programie;Realizator;Działanie;Planowane środki (w zł)\n");
    for (int i = 1; i <= 3 * STOP_CHECK_ROWS; i++) {
        buf_printf(&b, "%d.;2024;1.%d. A;OPS;opis;1 000,00\n", i, i);
    }
    assert_int_equal(plan_read(&arena, "t.csv", b.data, b.len, 0, &p), 0);
    buf_free(&b);
    assert_int_equal(db_open(":memory:", DB_OPEN_CREATE, &db, err, sizeof(err)),
                     0);
    assert_int_equal(teryt_load(db, &arena), 0);
    assert_int_equal(demo_load(db, &arena), 0);
    n = plan_store_list(db, &arena, true, NULL, &list);
    stop_request();
    assert_int_equal(plan_store_save(db, &arena, "04", p, &who, &id, &why),
                     ERR_STOPPED);
    stop_reset();
    assert_int_equal(plan_store_list(db, &arena, true, NULL, &list), n);
    assert_int_equal(plan_store_save(db, &arena, "04", p, &who, &id, &why), 0);
    assert_int_equal(plan_store_list(db, &arena, true, NULL, &list), n + 1);
    db_close(db);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_plan_export_csv_roundtrip_seed_001,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_export_csv_roundtrip_seed_002,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_plan_export_xlsx_roundtrip_seed_001, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_plan_export_xlsx_roundtrip_seed_002, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_plan_export_guards_formulas_and_reads_them_back, setup,
            teardown),
        cmocka_unit_test_setup_teardown(test_plan_export_csv_layout, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_plan_export_xlsx_formulas, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_plan_export_store_roundtrip_seed_001, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_plan_export_store_roundtrip_seed_002, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_plan_xlsx_reads_libreoffice_workbook, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_plan_xlsx_inline_percent_and_formula, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_store_stops_on_request, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_plan_xlsx_damaged, setup,
                                        teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
