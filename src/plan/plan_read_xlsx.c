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

/*
** A document of lines rather than a table (a project card, a programme's
** goals, as our export writes them or a DOCX of paragraphs): the rows as
** text, a cell a field, blank lines where the sheet skips rows so that
** line numbers stay row numbers; read by that document's format when it
** says it is its own. *rc gets what the read returned; false when it is
** not such a document.
*/
static bool
read_as_lines(struct reader *r, const struct rd_input *in, int *rc)
{
    const struct rd_format *line_formats[] = {&rd_format_project,
                                              &rd_format_programme};
    struct rd_input tin = *in;
    struct buf text;
    int line = 1;

    buf_init(&text);
    for (int i = 0; i < r->nrows; i++) {
        const struct row *w = &r->rows[i];
        bool first = true;

        for (; line < w->line && text.len < in->budget; line++) {
            buf_putc(&text, '\n');
        }
        for (int c = 0; c < w->n; c++) {
            if (w->cell[c][0] != '\0') {
                if (!first) {
                    buf_putc(&text, '\t');
                }
                buf_puts(&text, w->cell[c]);
                first = false;
            }
        }
        buf_putc(&text, '\n');
        line = w->line + 1;
    }
    tin.text =
        arena_strndup(r->a, text.data != NULL ? text.data : "", text.len);
    tin.tlen = text.len;
    buf_free(&text);
    tin.head = rd_fold(
        r, arena_strndup(r->a, tin.text,
                         tin.tlen < DETECT_BYTES ? tin.tlen : DETECT_BYTES));
    for (size_t k = 0; k < 2; k++) {
        if (line_formats[k]->sniff(&tin)) {
            const char *format = r->p->format;

            r->nrows = 0; /* the lines count against the limits instead */
            r->ncells = 0;
            *rc = line_formats[k]->read(r, &tin);
            r->p->format = format;
            return true;
        }
    }
    return false;
}

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
    {
        int rc;

        if (read_as_lines(r, in, &rc)) {
            return rc;
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
