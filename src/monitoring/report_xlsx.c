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

static int
write_book(struct arena *a, const struct mon_report *m, const char *path)
{
    const struct plan *p = m->p;
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws, *wb2;
    lxw_format *f[F_N];
    lxw_row_t row, first, last;
    int i, g, t, s, l;

    if (wb == NULL) {
        return ERR_IO;
    }
    xlsx_properties(wb, arena_printf(a, "%s %d", T_MON_REPORT_TITLE, m->year),
                    p->title, m->issuer);
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

    ws = workbook_add_worksheet(wb, T_MON_SHEET_INDICATORS);
    if (ws == NULL) {
        goto fail;
    }
    TRY(worksheet_set_column(ws, 0, 0, 8, NULL));
    TRY(worksheet_set_column(ws, 1, 1, 60, NULL));
    TRY(worksheet_set_column(ws, 2, 8, 12, NULL));
    TRY(worksheet_set_column(ws, 9, 9, 22, NULL));
    TRY(xlsx_text(ws, 0, 0,
                  arena_printf(a, "%s %d — %s", T_MON_REPORT_TITLE, m->year,
                               p->title ? p->title : ""),
                  f[F_TITLE]));
    {
        static const char *const head[] = {
            T_MON_COL_TASK,       T_MON_COL_INDICATOR, T_MON_COL_TARGET,
            T_MON_COL_REAL,       T_MON_COL_PCT,       T_MON_COL_MULTI_TARGET,
            T_MON_COL_MULTI_REAL, T_MON_COL_MULTI_PCT, T_MON_ENTRIES,
            T_MON_COL_STATUS};

        for (i = 0; i < 10; i++) {
            TRY(xlsx_text(ws, 2, (lxw_col_t)i, head[i], f[F_HEAD]));
        }
    }
    TRY(worksheet_repeat_rows(ws, 2, 2));
    worksheet_freeze_panes(ws, 3, 0);
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
                const struct plan_indicator *in = &p->indicators[i];
                const struct mon_rind *ri = &m->ind[i];
                unsigned long r1 = (unsigned long)row + 1;

                if (in->task != t) {
                    continue;
                }
                TRY(xlsx_text(ws, row, 0, p->tasks[t].number, f[F_TEXT]));
                TRY(xlsx_text(
                    ws, row, 1,
                    arena_printf(
                        a, "%s%s%s", in->parent >= 0 ? "w tym: " : "", in->name,
                        ri->computed ? arena_printf(a, " (%s: %s)",
                                                    T_MON_COMPUTED, ri->metric)
                                     : ""),
                    f[F_TEXT]));
                if (ri->has_target) {
                    TRY(worksheet_write_number(ws, row, 2, (double)ri->target,
                                               f[F_COUNT]));
                } else {
                    TRY(worksheet_write_blank(ws, row, 2, f[F_COUNT]));
                }
                if (ri->has_data) {
                    TRY(worksheet_write_number(ws, row, 3, (double)ri->real,
                                               f[F_COUNT]));
                } else {
                    TRY(worksheet_write_blank(ws, row, 3, f[F_COUNT]));
                }
                TRY(worksheet_write_formula_num(
                    ws, row, 4,
                    arena_printf(a, "=IF(N(C%lu)>0,N(D%lu)/C%lu,\"\")", r1, r1,
                                 r1),
                    f[F_PCT], ratio(ri->real, ri->target)));
                if (ri->has_multi) {
                    TRY(worksheet_write_number(
                        ws, row, 5, (double)ri->multi_target, f[F_COUNT]));
                } else {
                    TRY(worksheet_write_blank(ws, row, 5, f[F_COUNT]));
                }
                TRY(worksheet_write_number(ws, row, 6, (double)ri->multi_real,
                                           f[F_COUNT]));
                TRY(worksheet_write_formula_num(
                    ws, row, 7,
                    arena_printf(a, "=IF(N(F%lu)>0,G%lu/F%lu,\"\")", r1, r1,
                                 r1),
                    f[F_PCT], ratio(ri->multi_real, ri->multi_target)));
                TRY(worksheet_write_number(ws, row, 8, ri->nentries,
                                           f[F_COUNT]));
                TRY(xlsx_text(ws, row, 9, mon_status_label(ri), f[F_TEXT]));
                row++;
            }
        }
    }
    last = row;
    {
        int64_t sum = 0, n = 0;

        for (i = 0; i < p->nindicators; i++) {
            sum += m->ind[i].has_data ? m->ind[i].real : 0;
            n += m->ind[i].nentries;
        }
        TRY(xlsx_text(ws, row, 1, T_MON_TOTAL, f[F_SUM]));
        if (last > first) {
            TRY(worksheet_write_formula_num(
                ws, row, 3,
                arena_printf(a, "=SUM(D%lu:D%lu)", (unsigned long)first + 1,
                             (unsigned long)last),
                f[F_SUM], (double)sum));
            TRY(worksheet_write_formula_num(
                ws, row, 8,
                arena_printf(a, "=SUM(I%lu:I%lu)", (unsigned long)first + 1,
                             (unsigned long)last),
                f[F_SUM], (double)n));
        }
    }

    wb2 = workbook_add_worksheet(wb, T_MON_SHEET_BUDGET);
    if (wb2 == NULL) {
        goto fail;
    }
    TRY(worksheet_set_column(wb2, 0, 0, 10, NULL));
    TRY(worksheet_set_column(wb2, 1, 1, 40, NULL));
    TRY(worksheet_set_column(wb2, 2, 4, 16, NULL));
    TRY(xlsx_text(wb2, 0, 0, T_MON_TABLE_BUDGET_TASKS, f[F_TITLE]));
    TRY(xlsx_text(wb2, 2, 0, T_MON_COL_TASK, f[F_HEAD]));
    TRY(xlsx_text(wb2, 2, 1, T_MON_COL_SOURCE, f[F_HEAD]));
    worksheet_freeze_panes(wb2, 3, 0);
    TRY(xlsx_text(wb2, 2, 2, T_MON_PLANNED, f[F_HEAD]));
    TRY(xlsx_text(wb2, 2, 3, T_MON_SPENT, f[F_HEAD]));
    TRY(xlsx_text(wb2, 2, 4, T_MON_COL_PCT, f[F_HEAD]));
    TRY(worksheet_repeat_rows(wb2, 2, 2));
    row = 3;
    first = row;
    for (l = 0; l < p->nlines; l++) {
        for (s = 0; s < p->nsources; s++) {
            int64_t planned = 0, spent = m->line_spent[l * p->nsources + s];
            unsigned long r1 = (unsigned long)row + 1;
            int k;

            for (k = 0; k < p->lines[l].namounts; k++) {
                if (p->lines[l].amounts[k].source == s &&
                    p->lines[l].amounts[k].amount.kind == PLAN_NUM_VALUE) {
                    planned += p->lines[l].amounts[k].amount.v;
                }
            }
            if (planned == 0 && spent == 0) {
                continue;
            }
            TRY(xlsx_text(
                wb2, row, 0,
                p->lines[l].task >= 0 ? p->tasks[p->lines[l].task].number : "",
                f[F_TEXT]));
            TRY(xlsx_text(wb2, row, 1, p->sources[s].name, f[F_TEXT]));
            TRY(worksheet_write_number(wb2, row, 2, (double)planned / 100.0,
                                       f[F_MONEY]));
            TRY(worksheet_write_number(wb2, row, 3, (double)spent / 100.0,
                                       f[F_MONEY]));
            TRY(worksheet_write_formula_num(
                wb2, row, 4,
                arena_printf(a, "=IF(C%lu>0,D%lu/C%lu,\"\")", r1, r1, r1),
                f[F_PCT], ratio(spent, planned)));
            row++;
        }
    }
    last = row;
    TRY(xlsx_text(wb2, row, 1, T_MON_TOTAL, f[F_SUM]));
    TRY(worksheet_write_formula_num(
        wb2, row, 2,
        arena_printf(a, "=SUM(C%lu:C%lu)", (unsigned long)first + 1,
                     (unsigned long)(last > first ? last : first + 1)),
        f[F_SUMMONEY], (double)m->planned_total / 100.0));
    TRY(worksheet_write_formula_num(
        wb2, row, 3,
        arena_printf(a, "=SUM(D%lu:D%lu)", (unsigned long)first + 1,
                     (unsigned long)(last > first ? last : first + 1)),
        f[F_SUMMONEY], (double)m->spent_total / 100.0));
    TRY(worksheet_write_formula_num(
        wb2, row, 4,
        arena_printf(a, "=IF(C%lu>0,D%lu/C%lu,\"\")", (unsigned long)row + 1,
                     (unsigned long)row + 1, (unsigned long)row + 1),
        f[F_PCT], ratio(m->spent_total, m->planned_total)));
    row += 2;
    TRY(xlsx_text(wb2, row++, 0, T_MON_TABLE_BUDGET, f[F_TITLE]));
    for (s = 0; s < p->nsources; s++) {
        unsigned long r1 = (unsigned long)row + 1;

        if (m->planned_by[s] == 0 && m->spent_by[s] == 0) {
            continue;
        }
        TRY(xlsx_text(wb2, row, 1, p->sources[s].name, f[F_TEXT]));
        TRY(worksheet_write_formula_num(
            wb2, row, 2,
            arena_printf(a, "=SUMIF($B$%lu:$B$%lu,B%lu,C$%lu:C$%lu)",
                         (unsigned long)first + 1, (unsigned long)last, r1,
                         (unsigned long)first + 1, (unsigned long)last),
            f[F_MONEY], (double)m->planned_by[s] / 100.0));
        TRY(worksheet_write_formula_num(
            wb2, row, 3,
            arena_printf(a, "=SUMIF($B$%lu:$B$%lu,B%lu,D$%lu:D$%lu)",
                         (unsigned long)first + 1, (unsigned long)last, r1,
                         (unsigned long)first + 1, (unsigned long)last),
            f[F_MONEY], (double)m->spent_by[s] / 100.0));
        TRY(worksheet_write_formula_num(
            wb2, row, 4,
            arena_printf(a, "=IF(C%lu>0,D%lu/C%lu,\"\")", r1, r1, r1), f[F_PCT],
            ratio(m->spent_by[s], m->planned_by[s])));
        row++;
    }
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : ERR_IO;
fail:
    workbook_close(wb);
    return ERR_IO;
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
