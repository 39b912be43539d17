/*
** A Word document (DOCX) for the plan reader: word/document.xml into the
** office grid (plan_office.h) in document order. A paragraph of the body
** is a row of one cell (the title, "Załącznik do uchwały ...", footnotes
** and funding notes around the table); a table row is a row of cells
** placed on the table's grid: w:gridBefore and w:gridSpan move the next
** cell right, w:vMerge "continue" cells take the text of the cell that
** started the merge ("restart"), as merged cells of a sheet do. The
** paragraphs of a cell are its lines; a table inside a cell adds its text
** to that cell. Word's footnotes (word/footnotes.xml) follow as lines of
** their own, "¹ text", their marks put where the text refers to them. The
** row number of a finding is the block's number in the document:
** paragraphs and table rows counted from 1, then the footnotes.
*/
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "plan_office.h"
#include "strings_pl.h"

#define DOCX_MAX_FOOTNOTES 1000 /* footnotes numbered; the rest are "*" */

struct docx {
    struct arena *a;
    struct office_grid *g;
    XML_Parser x;
    bool failed;
    int body;   /* inside w:body */
    int tbl;    /* w:tbl depth */
    int in_tc;  /* inside a cell of the outer table */
    int in_p;   /* w:p depth */
    int in_t;   /* inside w:t */
    int paras;  /* paragraphs so far in the cell */
    long line;  /* the block being read, 1-based */
    long gcol;  /* grid column of the current cell */
    long span;  /* its w:gridSpan */
    int vmerge; /* 0 none, 1 restart, 2 continue */
    struct buf t;
    /* vertical merges of the outer table, per grid column */
    int origin[PLAN_XLSX_MAX_COLS];    /* line that started it, or 0 */
    int merge[PLAN_XLSX_MAX_COLS];     /* index in the grid's merges, or -1 */
    long note_ids[DOCX_MAX_FOOTNOTES]; /* ids of the text's footnotes */
    int nnotes;
};

static void
docx_fail(struct docx *d)
{
    office_stop(&d->failed, d->x);
}

static bool
is(const char *name, const char *l)
{
    return strcmp(office_local(name), l) == 0;
}

#define DOCX_MAX_FOOTNOTES 1000 /* footnotes numbered; the rest are "*" */

/*
** The mark of footnote id as Word shows it: its place among the footnotes
** of the text (ids count separators too), "¹" .. "⁹", else "*".
*/
static const char *
footnote_mark(const struct docx *d, const char *id)
{
    static const char *const marks[] = {
        "\xC2\xB9",     "\xC2\xB2",     "\xC2\xB3",
        "\xE2\x81\xB4", "\xE2\x81\xB5", "\xE2\x81\xB6",
        "\xE2\x81\xB7", "\xE2\x81\xB8", "\xE2\x81\xB9"};
    long v = id != NULL ? strtol(id, NULL, 10) : -1;

    for (int i = 0; i < d->nnotes && i < 9; i++) {
        if (d->note_ids[i] == v) {
            return marks[i];
        }
    }
    return "*";
}

static void
docx_start(void *ud, const char *name, const char **atts)
{
    struct docx *d = ud;
    const char *v;

    if (d->failed) {
        return;
    }
    if (is(name, "body")) {
        d->body = 1;
        return;
    }
    if (!d->body) {
        return;
    }
    if (is(name, "tbl")) {
        if (d->tbl++ == 0) {
            for (int c = 0; c < PLAN_XLSX_MAX_COLS; c++) {
                d->origin[c] = 0;
                d->merge[c] = -1;
            }
        }
    } else if (d->tbl == 1 && is(name, "tr")) {
        d->gcol = 0;
    } else if (d->tbl == 1 && is(name, "gridBefore")) {
        d->gcol += office_count(office_attr(atts, "val"), PLAN_XLSX_MAX_COLS);
    } else if (d->tbl == 1 && is(name, "tc")) {
        d->in_tc = 1;
        d->paras = 0;
        d->span = 1;
        d->vmerge = 0;
        buf_reset(&d->t);
    } else if (d->tbl == 1 && d->in_tc && is(name, "gridSpan")) {
        d->span = office_count(office_attr(atts, "val"), PLAN_XLSX_MAX_COLS);
    } else if (d->tbl == 1 && d->in_tc && is(name, "vMerge")) {
        v = office_attr(atts, "val");
        d->vmerge = v != NULL && strcmp(v, "restart") == 0 ? 1 : 2;
    } else if (is(name, "p")) {
        if (d->in_p++ == 0) {
            if (d->tbl == 0) {
                buf_reset(&d->t);
            } else if (d->paras++ > 0) {
                buf_putc(&d->t, '\n');
            }
        }
    } else if (d->in_p > 0 && is(name, "t")) {
        d->in_t = 1;
    } else if (d->in_p > 0 && is(name, "tab")) {
        buf_putc(&d->t, ' ');
    } else if (d->in_p > 0 && (is(name, "br") || is(name, "cr"))) {
        buf_putc(&d->t, '\n');
    } else if (d->in_p > 0 && is(name, "footnoteReference")) {
        buf_puts(&d->t, footnote_mark(d, office_attr(atts, "id")));
    }
}

/* Keep text as cell col of the current row. */
static void
put(struct docx *d, long col)
{
    const char *s;

    if (d->t.len == 0 || col >= PLAN_XLSX_MAX_COLS) {
        return;
    }
    s = arena_strndup(d->a, d->t.data, d->t.len);
    if (!office_grid_cell(d->g, (int)col, s, (long)d->t.len, 0)) {
        docx_fail(d);
    }
}

/* A cell of the outer table ends: its text, its vertical merge. */
static void
cell_end(struct docx *d)
{
    long c = d->gcol;

    d->in_tc = 0;
    if (c < PLAN_XLSX_MAX_COLS) {
        if (d->vmerge == 2 && d->origin[c] > 0) {
            if (d->merge[c] >= 0) {
                d->g->merges[d->merge[c]].row2 = (int)d->line;
            } else if (office_grid_merge(d->g, d->origin[c], (int)c,
                                         (int)d->line, (int)c)) {
                d->merge[c] = d->g->nmerges - 1;
            } else {
                docx_fail(d);
                return;
            }
        } else if (d->vmerge == 2) {
            put(d, c); /* a continue without a start: its own text */
        } else {
            d->origin[c] = d->vmerge == 1 ? (int)d->line : 0;
            d->merge[c] = -1;
            put(d, c);
        }
    }
    d->gcol += d->span;
}

/* A block (body paragraph or outer table row) ends as row d->line. */
static void
block_end(struct docx *d)
{
    if (!d->failed && !office_grid_row(d->g, (int)d->line)) {
        docx_fail(d);
    }
    if (++d->line > OFFICE_MAX_LINE) {
        d->g->over = true;
        docx_fail(d);
    }
}

static void
docx_end(void *ud, const char *name)
{
    struct docx *d = ud;

    if (d->failed || !d->body) {
        return;
    }
    if (is(name, "body")) {
        d->body = 0;
    } else if (is(name, "tbl") && d->tbl > 0) {
        d->tbl--;
    } else if (d->tbl == 1 && is(name, "tc") && d->in_tc) {
        cell_end(d);
    } else if (d->tbl == 1 && is(name, "tr")) {
        block_end(d);
    } else if (is(name, "p") && d->in_p > 0) {
        if (--d->in_p == 0 && d->tbl == 0) {
            put(d, 0);
            if (!d->failed) {
                block_end(d);
            }
        }
    } else if (is(name, "t")) {
        d->in_t = 0;
    }
}

static void
docx_text(void *ud, const char *s, int len)
{
    struct docx *d = ud;

    if (!d->failed && d->in_t && d->in_p > 0 && (d->tbl == 0 || d->in_tc)) {
        buf_append(&d->t, s, (size_t)len);
    }
}

/*
** word/footnotes.xml, read twice: first for the ids of the text's
** footnotes in order (their numbers), then for each one's text after its
** mark.
*/
struct notes {
    struct docx *d;
    bool ids_only;
    bool keep; /* a footnote of the text, not a separator */
    int in_t;
    struct buf t;
};

static void
notes_start(void *ud, const char *name, const char **atts)
{
    struct notes *n = ud;
    const char *type;

    if (n->d->failed) {
        return;
    }
    if (is(name, "footnote")) {
        const char *id = office_attr(atts, "id");

        type = office_attr(atts, "type");
        n->keep = type == NULL || strcmp(type, "normal") == 0;
        if (n->ids_only) {
            if (n->keep && id != NULL && n->d->nnotes < DOCX_MAX_FOOTNOTES) {
                n->d->note_ids[n->d->nnotes++] = strtol(id, NULL, 10);
            }
            return;
        }
        buf_reset(&n->t);
        buf_puts(&n->t, footnote_mark(n->d, id));
        buf_putc(&n->t, ' ');
    } else if (is(name, "t")) {
        n->in_t = 1;
    } else if (is(name, "p") && n->t.len > 0 &&
               n->t.data[n->t.len - 1] != ' ') {
        buf_putc(&n->t, ' ');
    }
}

static void
notes_end(void *ud, const char *name)
{
    struct notes *n = ud;
    struct docx *d = n->d;

    if (d->failed || n->ids_only) {
        return;
    }
    if (is(name, "t")) {
        n->in_t = 0;
    } else if (is(name, "footnote") && n->keep) {
        buf_reset(&d->t);
        buf_append(&d->t, n->t.data, n->t.len);
        put(d, 0);
        if (!d->failed) {
            block_end(d);
        }
    }
}

static void
notes_text(void *ud, const char *s, int len)
{
    struct notes *n = ud;

    if (n->in_t && !n->ids_only) {
        buf_append(&n->t, s, (size_t)len);
    }
}

int
plan_docx_read(struct arena *a, zip_t *z, struct office_budget *b,
               struct plan_xlsx_sheet *out, const char **why)
{
    size_t budget = b->left;
    struct office_grid g;
    struct docx *d;
    struct notes n;
    char *part, *notes = NULL;
    size_t plen, nlen = 0;
    int frc, rc = office_part(a, z, b, "word/document.xml", &part, &plen);

    if (rc != 0) {
        return office_part_why(a, why, "DOCX", "word/document.xml", rc, budget);
    }
    office_grid_init(&g, a, budget);
    d = arena_alloc(a, sizeof(*d));
    memset(d, 0, sizeof(*d));
    d->a = a;
    d->g = &g;
    d->line = 1;
    memset(&n, 0, sizeof(n));
    n.d = d;
    frc = office_part(a, z, b, "word/footnotes.xml", &notes, &nlen);
    if (frc < 0) {
        return office_part_why(a, why, "DOCX", "word/footnotes.xml", frc,
                               budget);
    }
    buf_init(&d->t);
    buf_init(&n.t);
    if (frc == 0) {
        n.ids_only = true;
        office_xml(notes, nlen, &n, notes_start, notes_end, notes_text, &d->x);
    }
    rc = office_xml(part, plen, d, docx_start, docx_end, docx_text, &d->x);
    if (rc == 0 && !d->failed && frc == 0) {
        /* the footnotes, as the lines under the table they are on paper */
        n.ids_only = false;
        rc = office_xml(notes, nlen, &n, notes_start, notes_end, notes_text,
                        &d->x);
    }
    buf_free(&n.t);
    buf_free(&d->t);
    if (rc != 0 || d->failed || !office_grid_finish(&g, out)) {
        return office_grid_why(a, why, "DOCX", "word/document.xml", &g, budget);
    }
    return 0;
}
