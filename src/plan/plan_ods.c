/*
** An ODS workbook (OpenDocument, as LibreOffice Calc saves it) for the
** plan reader: the first table of content.xml into the office grid
** (plan_office.h). A cell's text is what Calc shows (its text:p
** paragraphs, one per line), a number without shown text its value;
** number-columns-spanned / number-rows-spanned make a merged range;
** number-rows-repeated / number-columns-repeated repeat a row or cell.
** Calc writes the unused rest of a sheet as one empty row repeated about
** a million times and empty cells repeated to column 1024: an empty
** repeat only moves the position, and a repeated cell with text is
** copied at most to column PLAN_XLSX_MAX_COLS and a repeated row with
** text at most ODS_MAX_ROW_REPEAT times, each copy counted by the grid
** against its cell and text limits, so a hostile repeat count costs no
** more than the cells it may make.
*/
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "plan_office.h"
#include "strings_pl.h"

#define ODS_MAX_ROW_REPEAT 1000 /* copies of one repeated row with text */
#define ODS_MAX_SPACES 256      /* spaces one <text:s text:c=".."/> gives */

struct ods {
    struct arena *a;
    struct office_grid *g;
    XML_Parser x;
    bool failed;
    int depth_table; /* table:table elements open (1: the sheet's) */
    bool done;       /* the first table has ended */
    long line;       /* the row being read, 1-based */
    long col;        /* the cell being read, 0-based */
    /* the current row */
    long row_repeat;
    struct office_cell *cells;
    int ncells, capcells;
    /* the current cell */
    bool in_cell;
    int in_p;     /* text:p depth */
    int in_note;  /* office:annotation depth: a comment, not the cell */
    int paras;    /* paragraphs so far in the cell */
    struct buf t; /* its text */
    const char *value, *formula;
    bool percent, is_formula;
    long col_repeat, span_cols, span_rows;
    int formulas, first_formula_row;
};

static void
ods_fail(struct ods *o)
{
    office_stop(&o->failed, o->x);
}

static void
row_cell(struct ods *o, long col, const char *text)
{
    if (o->ncells == o->capcells) {
        int cap = o->capcells ? o->capcells * 2 : 16;

        o->cells = arena_realloc(o->a, o->cells,
                                 (size_t)o->capcells * sizeof(*o->cells),
                                 (size_t)cap * sizeof(*o->cells));
        o->capcells = cap;
    }
    o->cells[o->ncells].col = (int)col;
    o->cells[o->ncells].text = text;
    o->cells[o->ncells].flag = o->is_formula ? PLAN_CELL_FORMULA : 0;
    o->ncells++;
}

static void
ods_start(void *ud, const char *name, const char **atts)
{
    struct ods *o = ud;
    const char *l = office_local(name);

    if (o->failed || o->done) {
        return;
    }
    if (strcmp(l, "table") == 0) {
        o->depth_table++;
        return;
    }
    if (o->depth_table != 1) {
        return;
    }
    if (strcmp(l, "table-row") == 0) {
        o->row_repeat = office_count(office_attr(atts, "number-rows-repeated"),
                                     OFFICE_MAX_LINE);
        o->col = 0;
        o->ncells = 0;
    } else if (strcmp(l, "table-cell") == 0 ||
               strcmp(l, "covered-table-cell") == 0) {
        const char *type = office_attr(atts, "value-type");

        o->in_cell = true;
        o->paras = 0;
        buf_reset(&o->t);
        o->value = office_attr(atts, "value");
        o->formula = office_attr(atts, "formula");
        o->percent = type != NULL && strcmp(type, "percentage") == 0;
        if (o->value != NULL) {
            o->value = arena_strdup(o->a, o->value);
        }
        if (o->formula != NULL) {
            o->formula = arena_strdup(o->a, o->formula);
        }
        o->col_repeat = office_count(
            office_attr(atts, "number-columns-repeated"), OFFICE_MAX_LINE);
        o->span_cols = office_count(office_attr(atts, "number-columns-spanned"),
                                    PLAN_XLSX_MAX_COLS);
        o->span_rows = office_count(office_attr(atts, "number-rows-spanned"),
                                    OFFICE_MAX_LINE);
    } else if (o->in_cell && strcmp(l, "annotation") == 0) {
        o->in_note++;
    } else if (o->in_cell && o->in_note > 0) {
        return;
    } else if (o->in_cell && strcmp(l, "p") == 0) {
        if (o->in_p == 0 && o->paras++ > 0) {
            buf_putc(&o->t, '\n');
        }
        o->in_p++;
    } else if (o->in_cell && o->in_p > 0 && strcmp(l, "s") == 0) {
        long n = office_count(office_attr(atts, "c"), ODS_MAX_SPACES);

        for (long i = 0; i < n; i++) {
            buf_putc(&o->t, ' ');
        }
    } else if (o->in_cell && o->in_p > 0 && strcmp(l, "tab") == 0) {
        buf_putc(&o->t, ' ');
    } else if (o->in_cell && o->in_p > 0 && strcmp(l, "line-break") == 0) {
        buf_putc(&o->t, '\n');
    }
}

/* The text the cell shows, or NULL when it is empty. */
static const char *
cell_text(struct ods *o)
{
    if (o->percent && o->value != NULL) {
        return office_num_text(o->a, o->value, true);
    }
    if (o->t.len > 0) {
        return arena_strndup(o->a, o->t.data, o->t.len);
    }
    if (o->value != NULL && o->value[0] != '\0') {
        return office_num_text(o->a, o->value, false);
    }
    if (o->formula != NULL && o->formula[0] != '\0') {
        /* no value saved with it: the reader sees the formula as text */
        const char *f = o->formula;

        if (strncmp(f, "of:", 3) == 0) {
            f += 3;
        }
        o->formulas++;
        o->is_formula = true;
        if (o->first_formula_row == 0) {
            o->first_formula_row = (int)o->line;
        }
        return f[0] == '=' ? f : arena_printf(o->a, "=%s", f);
    }
    return NULL;
}

static void
cell_end(struct ods *o)
{
    long n = o->col_repeat;
    const char *text;

    o->is_formula = false;
    text = cell_text(o);
    o->in_cell = false;
    if (text == NULL) {
        o->col += n;
        return;
    }
    if (o->span_cols > 1 || o->span_rows > 1) {
        long r2 = o->line + o->span_rows - 1, c2 = o->col + o->span_cols - 1;

        if (o->col < PLAN_XLSX_MAX_COLS &&
            !office_grid_merge(
                o->g, (int)o->line, (int)o->col,
                (int)(r2 < OFFICE_MAX_LINE ? r2 : OFFICE_MAX_LINE),
                (int)(c2 < PLAN_XLSX_MAX_COLS ? c2 : PLAN_XLSX_MAX_COLS - 1))) {
            ods_fail(o);
            return;
        }
    }
    for (long i = 0; i < n && o->col + i < PLAN_XLSX_MAX_COLS; i++) {
        row_cell(o, o->col + i, text);
    }
    o->col += n;
}

static void
row_end(struct ods *o)
{
    long n = o->ncells > 0 && o->row_repeat > ODS_MAX_ROW_REPEAT
                 ? ODS_MAX_ROW_REPEAT
                 : o->row_repeat;

    if (o->ncells == 0) {
        o->line += o->row_repeat;
        return;
    }
    for (long k = 0; k < n && o->line <= OFFICE_MAX_LINE; k++, o->line++) {
        for (int i = 0; i < o->ncells; i++) {
            if (!office_grid_cell(o->g, o->cells[i].col, o->cells[i].text, -1,
                                  o->cells[i].flag)) {
                ods_fail(o);
                return;
            }
        }
        if (!office_grid_row(o->g, (int)o->line)) {
            ods_fail(o);
            return;
        }
    }
    o->line += o->row_repeat - n;
}

static void
ods_end(void *ud, const char *name)
{
    struct ods *o = ud;
    const char *l = office_local(name);

    if (o->failed || o->done) {
        return;
    }
    if (strcmp(l, "table") == 0) {
        o->depth_table--;
        o->done = o->depth_table == 0;
        return;
    }
    if (o->depth_table != 1) {
        return;
    }
    if (strcmp(l, "annotation") == 0 && o->in_note > 0) {
        o->in_note--;
    } else if (o->in_note > 0) {
        return;
    } else if (strcmp(l, "p") == 0 && o->in_p > 0) {
        o->in_p--;
    } else if ((strcmp(l, "table-cell") == 0 ||
                strcmp(l, "covered-table-cell") == 0) &&
               o->in_cell) {
        cell_end(o);
    } else if (strcmp(l, "table-row") == 0) {
        row_end(o);
        if (o->line > OFFICE_MAX_LINE) {
            o->done = true; /* the rest is past a sheet's last row */
        }
    }
}

static void
ods_text(void *ud, const char *s, int len)
{
    struct ods *o = ud;

    if (!o->failed && o->in_cell && o->in_p > 0) {
        buf_append(&o->t, s, (size_t)len);
    }
}

int
plan_ods_read(struct arena *a, zip_t *z, struct office_budget *b,
              struct plan_xlsx_sheet *out, const char **why)
{
    size_t budget = b->left;
    struct office_grid g;
    struct ods o;
    char *part;
    size_t plen;
    int rc = office_part(a, z, b, "content.xml", &part, &plen);

    if (rc != 0) {
        return office_part_why(a, why, "ODS", "content.xml", rc, budget);
    }
    office_grid_init(&g, a, budget);
    memset(&o, 0, sizeof(o));
    o.a = a;
    o.g = &g;
    o.line = 1;
    buf_init(&o.t);
    rc = office_xml(part, plen, &o, ods_start, ods_end, ods_text, &o.x);
    buf_free(&o.t);
    if (rc != 0 || o.failed || !office_grid_finish(&g, out)) {
        return office_grid_why(a, why, "ODS", "content.xml", &g, budget);
    }
    out->formulas_without_value = o.formulas;
    out->first_formula_row = o.first_formula_row;
    return 0;
}
