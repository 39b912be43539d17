/*
** An office file (XLSX or ODS workbook, DOCX document): plan_xlsx.c turns
** its first worksheet, or the document's paragraphs and tables, into rows
** of text cells, which then take the table path of CSV, so an office file
** and a CSV of the same table read the same. Cells that a merged range
** covers keep its text, flagged for the table reader (rd_read_sheet).
*/
#include "plan_read.h"

#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "plan_xlsx.h"
#include "strings_pl.h"

static int
read_xlsx(struct reader *r, const struct rd_input *in)
{
    struct plan_xlsx_sheet sh;
    const char *why = NULL;
    struct buf head;

    if (plan_xlsx_read(r->a, in->data, in->len, in->budget, &sh, &why) != 0) {
        return rd_refuse(r,
                         strcmp(sh.format, "xlsx") == 0
                             ? "file_xlsx"
                             : arena_printf(r->a, "file_%s", sh.format),
                         why);
    }
    r->p->format = sh.format;
    buf_init(&head);
    for (int i = 0; i < sh.nrows; i++) {
        char **cells;

        if (!rd_row_fits(r, sh.rows[i].line, sh.ncols)) {
            buf_free(&head);
            return ERR_INPUT;
        }
        cells = arena_alloc(r->a, (size_t)(sh.ncols + 1) * sizeof(*cells));
        for (int c = 0; c < sh.ncols; c++) {
            const char *s = sh.rows[i].cell[c];

            /* plan_xlsx_read bounds the text of all cells together */
            cells[c] = rd_keep_cell(r, sh.rows[i].line, c + 1, s, strlen(s));
            if (cells[c] == NULL) {
                buf_free(&head);
                return ERR_INPUT;
            }
            if (head.len < DETECT_BYTES && cells[c][0] != '\0') {
                buf_puts(&head, cells[c]);
                buf_putc(&head, ' ');
            }
        }
        rd_add_row(r, sh.rows[i].line, cells, sh.ncols);
        r->rows[r->nrows - 1].flags = sh.rows[i].flags;
    }
    rd_find_region(r, rd_fold(r, head.data != NULL ? head.data : ""));
    buf_free(&head);
    if (sh.formulas_without_value > 0) {
        int computed, left, first_left;

        rd_formulas(r, &computed, &left, &first_left);
        if (computed > 0) {
            plan_finding_add(r->a, r->p, PLAN_INFO, sh.first_formula_row, NULL,
                             "formula_computed", T_PLAN_READ_FORMULAS_COMPUTED,
                             computed, sh.first_formula_row);
        }
        if (left > 0) {
            plan_finding_add(r->a, r->p, PLAN_WARNING, first_left, NULL,
                             "xlsx_formula_no_value", T_PLAN_READ_FORMULAS,
                             left, first_left);
        }
    }
    return rd_read_sheet(r);
}

static bool
sniff_xlsx(const struct rd_input *in)
{
    return in->len >= 4 && memcmp(in->data, "PK\x03\x04", 4) == 0;
}

const struct rd_format rd_format_xlsx = {true, sniff_xlsx, read_xlsx};
