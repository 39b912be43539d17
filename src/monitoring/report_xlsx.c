/*
** The annual report as an XLSX workbook (libxlsxwriter). Percentages,
** sums and the budget by source are formulas over the cells of the
** workbook itself (with their values cached, so a viewer that does not
** recalculate shows the same numbers), not frozen results.
*/
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/arena.h"
#include "core/tmpfile.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/log.h"
#include "core/xlsx_cell.h"
#include "monitoring.h"
#include "report_html.h"
#include "monitoring/strings_pl.h"

#define TRY(x)                                                                 \
    do {                                                                       \
        if ((x) != LXW_NO_ERROR) {                                             \
            goto fail;                                                         \
        }                                                                      \
    } while (0)

enum {
    F_HEAD,
    F_TEXT,
    F_COUNT,
    F_PCT,
    F_MONEY,
    F_GOAL,
    F_SUM,
    F_SUMMONEY,
    F_TITLE,
    F_N
};

static double
ratio(int64_t a, int64_t b)
{
    return b > 0 ? (double)a / (double)b : 0.0;
}

/* The workbook's formats, each Arial 9 with a thin border but the title. */
static void
add_formats(lxw_workbook *wb, lxw_format **f)
{
    int i;

    for (i = 0; i < F_N; i++) {
        f[i] = workbook_add_format(wb);
        format_set_font_name(f[i], "Arial");
        format_set_font_size(f[i], 9);
        format_set_align(f[i], LXW_ALIGN_VERTICAL_TOP);
        if (i != F_TITLE) {
            format_set_border(f[i], LXW_BORDER_THIN);
        }
    }
    format_set_bold(f[F_HEAD]);
    format_set_bg_color(f[F_HEAD], 0xD9E1F2);
    format_set_text_wrap(f[F_HEAD]);
    format_set_text_wrap(f[F_TEXT]);
    format_set_num_format(f[F_COUNT], "#,##0");
    format_set_num_format(f[F_PCT], "0.0%");
    format_set_num_format(f[F_MONEY], "#,##0.00");
    format_set_bold(f[F_GOAL]);
    format_set_bg_color(f[F_GOAL], 0xEDEDED);
    format_set_bold(f[F_SUM]);
    format_set_num_format(f[F_SUM], "#,##0");
    format_set_bold(f[F_SUMMONEY]);
    format_set_num_format(f[F_SUMMONEY], "#,##0.00");
    format_set_bold(f[F_TITLE]);
    format_set_font_size(f[F_TITLE], 12);
}

/* A count, or an empty cell of its format when there is none. */
static lxw_error
count_or_blank(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, bool has,
               int64_t v, lxw_format *f)
{
    return has ? worksheet_write_number(ws, row, col, (double)v, f)
               : worksheet_write_blank(ws, row, col, f);
}

/* =SUM of column letter over the rows first..last-1 (0-based), cached. */
static lxw_error
sum_cell(struct arena *a, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
         lxw_row_t first, lxw_row_t last, lxw_format *f, double cached)
{
    char letter = (char)('A' + col);

    return worksheet_write_formula_num(
        ws, row, col,
        arena_printf(a, "=SUM(%c%lu:%c%lu)", letter, (unsigned long)first + 1,
                     letter, (unsigned long)last),
        f, cached);
}

/* Column E of the budget sheet: spent (D) over planned (C) of the row. */
static lxw_error
spent_pct_cell(struct arena *a, lxw_worksheet *ws, lxw_row_t row, lxw_format *f,
               int64_t spent, int64_t planned)
{
    unsigned long r1 = (unsigned long)row + 1;

    return worksheet_write_formula_num(
        ws, row, 4, arena_printf(a, "=IF(C%lu>0,D%lu/C%lu,\"\")", r1, r1, r1),
        f, ratio(spent, planned));
}

/* A sheet's column widths: columns from..to get width. */
struct col_width {
    lxw_col_t from, to;
    double width;
};

/*
** A new sheet with its column widths, title in A1 and the header in row 3,
** repeated on every printed page and frozen; NULL on failure.
*/
static lxw_worksheet *
new_sheet(lxw_workbook *wb, lxw_format **f, const char *name,
          const struct col_width *w, int nw, const char *title,
          const char *const *head, int nhead)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, name);
    int i;

    if (ws == NULL) {
        return NULL;
    }
    for (i = 0; i < nw; i++) {
        TRY(worksheet_set_column(ws, w[i].from, w[i].to, w[i].width, NULL));
    }
    TRY(xlsx_text(ws, 0, 0, title, f[F_TITLE]));
    for (i = 0; i < nhead; i++) {
        TRY(xlsx_text(ws, 2, (lxw_col_t)i, head[i], f[F_HEAD]));
    }
    TRY(worksheet_repeat_rows(ws, 2, 2));
    worksheet_freeze_panes(ws, 3, 0);
    return ws;
fail:
    return NULL;
}

/* One indicator's row of the first sheet. */
static int
indicator_row(struct arena *a, lxw_worksheet *ws, lxw_format **f, lxw_row_t row,
              const struct plan_task *task, const struct plan_indicator *in,
              const struct mon_rind *ri)
{
    unsigned long r1 = (unsigned long)row + 1;

    TRY(xlsx_text(ws, row, 0, task->number, f[F_TEXT]));
    TRY(xlsx_text(
        ws, row, 1,
        arena_printf(a, "%s%s%s", in->parent >= 0 ? "w tym: " : "", in->name,
                     ri->computed ? arena_printf(a, " (%s: %s)", T_MON_COMPUTED,
                                                 ri->metric)
                                  : ""),
        f[F_TEXT]));
    TRY(count_or_blank(ws, row, 2, ri->has_target, ri->target, f[F_COUNT]));
    TRY(count_or_blank(ws, row, 3, ri->has_data, ri->real, f[F_COUNT]));
    TRY(worksheet_write_formula_num(
        ws, row, 4,
        arena_printf(a, "=IF(N(C%lu)>0,N(D%lu)/C%lu,\"\")", r1, r1, r1),
        f[F_PCT], ratio(ri->real, ri->target)));
    TRY(count_or_blank(ws, row, 5, ri->has_multi, ri->multi_target,
                       f[F_COUNT]));
    TRY(worksheet_write_number(ws, row, 6, (double)ri->multi_real, f[F_COUNT]));
    TRY(worksheet_write_formula_num(
        ws, row, 7,
        arena_printf(a, "=IF(N(F%lu)>0,G%lu/F%lu,\"\")", r1, r1, r1), f[F_PCT],
        ratio(ri->multi_real, ri->multi_target)));
    TRY(worksheet_write_number(ws, row, 8, ri->nentries, f[F_COUNT]));
    TRY(xlsx_text(ws, row, 9, mon_status_label(ri), f[F_TEXT]));
    return 0;
fail:
    return ERR_IO;
}

/* The first sheet: indicators by goal and task, then their totals. */
static int
indicator_sheet(struct arena *a, const struct mon_report *m, lxw_workbook *wb,
                lxw_format **f)
{
    static const char *const head[] = {
        T_MON_COL_TASK,       T_MON_COL_INDICATOR, T_MON_COL_TARGET,
        T_MON_COL_REAL,       T_MON_COL_PCT,       T_MON_COL_MULTI_TARGET,
        T_MON_COL_MULTI_REAL, T_MON_COL_MULTI_PCT, T_MON_ENTRIES,
        T_MON_COL_STATUS};
    static const struct col_width w[] = {
        {0, 0, 8}, {1, 1, 60}, {2, 8, 12}, {9, 9, 22}};
    const struct plan *p = m->p;
    lxw_worksheet *ws =
        new_sheet(wb, f, T_MON_SHEET_INDICATORS, w, 4,
                  arena_printf(a, "%s %d — %s", T_MON_REPORT_TITLE, m->year,
                               p->title ? p->title : ""),
                  head, 10);
    lxw_row_t row, first;
    int64_t sum = 0, n = 0;
    int i, g, t;

    if (ws == NULL) {
        return ERR_IO;
    }
    row = 3;
    first = row;
    for (g = -1; g < p->ngoals; g++) {
        if (g >= 0) {
            TRY(xlsx_merge_text(ws, row, 0, row, 9,
                                arena_printf(a, "%s %s %s", T_MON_GOAL,
                                             p->goals[g].code,
                                             p->goals[g].title),
                                f[F_GOAL]));
            row++;
        }
        for (t = 0; t < p->ntasks; t++) {
            if (p->tasks[t].goal != g) {
                continue;
            }
            for (i = 0; i < p->nindicators; i++) {
                if (p->indicators[i].task != t) {
                    continue;
                }
                if (indicator_row(a, ws, f, row++, &p->tasks[t],
                                  &p->indicators[i], &m->ind[i]) != 0) {
                    return ERR_IO;
                }
            }
        }
    }
    for (i = 0; i < p->nindicators; i++) {
        sum += m->ind[i].has_data ? m->ind[i].real : 0;
        n += m->ind[i].nentries;
    }
    TRY(xlsx_text(ws, row, 1, T_MON_TOTAL, f[F_SUM]));
    if (row > first) {
        TRY(sum_cell(a, ws, row, 3, first, row, f[F_SUM], (double)sum));
        TRY(sum_cell(a, ws, row, 8, first, row, f[F_SUM], (double)n));
    }
    return 0;
fail:
    return ERR_IO;
}

/* Planned grosze of budget line l from source s. */
static int64_t
line_planned(const struct plan_line *ln, int s)
{
    int64_t planned = 0;
    int k;

    for (k = 0; k < ln->namounts; k++) {
        if (ln->amounts[k].source == s &&
            ln->amounts[k].amount.kind == PLAN_NUM_VALUE) {
            planned += ln->amounts[k].amount.v;
        }
    }
    return planned;
}

/*
** The second sheet: each budget line by source, the totals, and the
** budget by source as SUMIF formulas over the lines.
*/
static int
budget_sheet(struct arena *a, const struct mon_report *m, lxw_workbook *wb,
             lxw_format **f)
{
    static const char *const head[] = {T_MON_COL_TASK, T_MON_COL_SOURCE,
                                       T_MON_PLANNED, T_MON_SPENT,
                                       T_MON_COL_PCT};
    static const struct col_width w[] = {{0, 0, 10}, {1, 1, 40}, {2, 4, 16}};
    const struct plan *p = m->p;
    lxw_worksheet *ws = new_sheet(wb, f, T_MON_SHEET_BUDGET, w, 3,
                                  T_MON_TABLE_BUDGET_TASKS, head, 5);
    lxw_row_t row, first, last;
    int s, l, c;

    if (ws == NULL) {
        return ERR_IO;
    }
    row = 3;
    first = row;
    for (l = 0; l < p->nlines; l++) {
        for (s = 0; s < p->nsources; s++) {
            int64_t planned = line_planned(&p->lines[l], s);
            int64_t spent = m->line_spent[l * p->nsources + s];

            if (planned == 0 && spent == 0) {
                continue;
            }
            TRY(xlsx_text(
                ws, row, 0,
                p->lines[l].task >= 0 ? p->tasks[p->lines[l].task].number : "",
                f[F_TEXT]));
            TRY(xlsx_text(ws, row, 1, p->sources[s].name, f[F_TEXT]));
            TRY(worksheet_write_number(ws, row, 2, (double)planned / 100.0,
                                       f[F_MONEY]));
            TRY(worksheet_write_number(ws, row, 3, (double)spent / 100.0,
                                       f[F_MONEY]));
            TRY(spent_pct_cell(a, ws, row, f[F_PCT], spent, planned));
            row++;
        }
    }
    last = row;
    TRY(xlsx_text(ws, row, 1, T_MON_TOTAL, f[F_SUM]));
    TRY(sum_cell(a, ws, row, 2, first, last > first ? last : first + 1,
                 f[F_SUMMONEY], (double)m->planned_total / 100.0));
    TRY(sum_cell(a, ws, row, 3, first, last > first ? last : first + 1,
                 f[F_SUMMONEY], (double)m->spent_total / 100.0));
    TRY(spent_pct_cell(a, ws, row, f[F_PCT], m->spent_total, m->planned_total));
    row += 2;
    TRY(xlsx_text(ws, row++, 0, T_MON_TABLE_BUDGET, f[F_TITLE]));
    for (s = 0; s < p->nsources; s++) {
        const int64_t by[2] = {m->planned_by[s], m->spent_by[s]};

        if (by[0] == 0 && by[1] == 0) {
            continue;
        }
        TRY(xlsx_text(ws, row, 1, p->sources[s].name, f[F_TEXT]));
        for (c = 0; c < 2; c++) {
            char col = (char)('C' + c);

            TRY(worksheet_write_formula_num(
                ws, row, (lxw_col_t)(2 + c),
                arena_printf(a, "=SUMIF($B$%lu:$B$%lu,B%lu,%c$%lu:%c$%lu)",
                             (unsigned long)first + 1, (unsigned long)last,
                             (unsigned long)row + 1, col,
                             (unsigned long)first + 1, col,
                             (unsigned long)last),
                f[F_MONEY], (double)by[c] / 100.0));
        }
        TRY(spent_pct_cell(a, ws, row, f[F_PCT], by[1], by[0]));
        row++;
    }
    return 0;
fail:
    return ERR_IO;
}

static int
write_book(struct arena *a, const struct mon_report *m, const char *path)
{
    lxw_workbook *wb = workbook_new(path);
    lxw_format *f[F_N];

    if (wb == NULL) {
        return ERR_IO;
    }
    xlsx_properties(wb, arena_printf(a, "%s %d", T_MON_REPORT_TITLE, m->year),
                    m->p->title, m->issuer);
    add_formats(wb, f);
    if (indicator_sheet(a, m, wb, f) != 0 || budget_sheet(a, m, wb, f) != 0) {
        workbook_close(wb);
        return ERR_IO;
    }
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : ERR_IO;
}

struct book_job {
    struct arena *a;
    const struct mon_report *m;
};

static int
book_writer(void *ctx, const char *path)
{
    struct book_job *job = ctx;
    int rc = write_book(job->a, job->m, path);

    if (rc != 0) {
        log_error("report xlsx: writing %s failed", path);
    }
    return rc;
}

int
mon_report_xlsx(struct arena *a, const struct mon_report *m, struct buf *out)
{
    struct book_job job = {a, m};

    return tmpfile_bytes(a, "report", book_writer, &job, out);
}
