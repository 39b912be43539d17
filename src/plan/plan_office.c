/*
** What the office readers share (plan_office.h): a ZIP part inflated
** against the package's budget, expat over one part, numbers as the
** reader wants them, and the grid of text cells with its merged ranges.
** XLSX is read in plan_xlsx.c, ODS in plan_ods.c, DOCX in plan_docx.c.
*/
#include "plan_office.h"

#include <limits.h>
#include <math.h> /* isfinite, a macro: no libm */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "strings_pl.h"

/*
** Inflate a part (see plan_office.h). The size the ZIP announces is
** checked first; the read below holds the part to it.
*/
int
office_part(struct arena *a, zip_t *z, struct office_budget *b,
            const char *name, char **out, size_t *len)
{
    zip_int64_t idx = zip_name_locate(z, name, ZIP_FL_NOCASE);
    zip_stat_t st;
    zip_file_t *f;
    size_t cap, got = 0;
    char *data;

    if (idx < 0) {
        return 1;
    }
    zip_stat_init(&st);
    if (zip_stat_index(z, (zip_uint64_t)idx, 0, &st) != 0 ||
        !(st.valid & ZIP_STAT_SIZE)) {
        return -1;
    }
    if (st.size > b->left || st.size > PLAN_XLSX_MAX_PART) {
        b->spent = true;
        return -2;
    }
    f = zip_fopen_index(z, (zip_uint64_t)idx, 0);
    if (f == NULL) {
        return -1;
    }
    cap = (size_t)st.size;
    data = arena_alloc(a, cap + 1);
    for (;;) {
        /* one byte more than announced shows a lying header */
        zip_int64_t k = zip_fread(f, data + got, cap + 1 - got);

        if (k < 0) {
            zip_fclose(f);
            return -1;
        }
        if (k == 0) {
            break;
        }
        got += (size_t)k;
        if (got > cap) {
            zip_fclose(f);
            return -1;
        }
    }
    zip_fclose(f);
    data[got] = '\0';
    b->left -= got;
    *out = data;
    *len = got;
    return 0;
}

void
office_stop(bool *failed, XML_Parser x)
{
    if (!*failed) {
        *failed = true;
        XML_StopParser(x, XML_FALSE);
    }
}

const char *
office_local(const char *name)
{
    const char *c = strrchr(name, ':');

    return c != NULL ? c + 1 : name;
}

const char *
office_attr(const char **atts, const char *name)
{
    for (int i = 0; atts[i] != NULL; i += 2) {
        if (strcmp(office_local(atts[i]), name) == 0) {
            return atts[i + 1];
        }
    }
    return NULL;
}

long
office_count(const char *v, long cap)
{
    char *end;
    long n;

    if (v == NULL) {
        return 1;
    }
    n = strtol(v, &end, 10);
    if (end == v || n < 1) {
        return 1;
    }
    return n > cap ? cap : n;
}

int
office_xml(const char *data, size_t len, void *ud, XML_StartElementHandler s,
           XML_EndElementHandler e, XML_CharacterDataHandler c, XML_Parser *xp)
{
    XML_Parser x;
    int rc = 0;

    if (len > INT_MAX) {
        return -1;
    }
    x = XML_ParserCreate(NULL);
    if (x == NULL) {
        return -1;
    }
    if (xp != NULL) {
        *xp = x;
    }
    XML_SetUserData(x, ud);
    XML_SetElementHandler(x, s, e);
    if (c != NULL) {
        XML_SetCharacterDataHandler(x, c);
    }
    if (XML_Parse(x, data, (int)len, 1) != XML_STATUS_OK) {
        rc = -1;
    }
    XML_ParserFree(x);
    if (xp != NULL) {
        *xp = NULL;
    }
    return rc;
}

/*
** A number as the reader wants it: "2500", "1234,5", "-3". Excel keeps
** binary doubles, and their shortest text may carry noise
** (0.30000000000000004); that is rounded to two decimals. A value with a
** real third decimal is left alone and the plan reader refuses it as money.
*/
static double
absd(double d)
{
    return d < 0 ? -d : d;
}

const char *
office_num_text(struct arena *a, const char *v, bool percent)
{
    char *end, *s;
    double d;
    double cents;
    long long c;

    while (*v == ' ') {
        v++;
    }
    d = strtod(v, &end);
    if (end == v || *end != '\0' || !isfinite(d)) {
        return arena_strdup(a, v);
    }
    if (percent) {
        d *= 100.0;
    }
    if (absd(d) >= 1e13) {
        return arena_strdup(a, v);
    }
    cents = d * 100.0;
    c = (long long)(cents < 0 ? cents - 0.5 : cents + 0.5);
    if (absd(cents - (double)c) > 1e-6 * (absd(cents) > 1 ? absd(cents) : 1)) {
        s = arena_printf(a, "%.10g%s", d, percent ? " %" : "");
    } else if (c % 100 == 0) {
        s = arena_printf(a, "%lld%s", c / 100, percent ? " %" : "");
    } else {
        long long whole = llabs(c) / 100, frac = llabs(c) % 100;

        s = arena_printf(a, "%s%lld,%02lld%s", c < 0 ? "-" : "", whole, frac,
                         percent ? " %" : "");
        if (frac % 10 == 0) { /* "1234,50" -> "1234,5" as Excel shows it */
            char *p = strchr(s, ',');

            memmove(p + 2, p + 3, strlen(p + 3) + 1);
        }
    }
    for (char *p = s; *p != '\0'; p++) {
        if (*p == '.') {
            *p = ',';
        }
    }
    return s;
}

void
office_grid_init(struct office_grid *g, struct arena *a, size_t budget)
{
    memset(g, 0, sizeof(*g));
    g->a = a;
    g->text_left = budget;
}

bool
office_grid_cell(struct office_grid *g, int col, const char *text, long len,
                 unsigned char flag)
{
    if (g->over || g->text_spent || col < 0 || col >= PLAN_XLSX_MAX_COLS) {
        return !g->over && !g->text_spent;
    }
    /* a shared string is one copy here, but the reader copies it per
    ** cell: its length counts every time */
    if (len < 0) {
        len = (long)strlen(text);
    }
    if ((size_t)len > g->text_left) {
        g->text_spent = true;
        return false;
    }
    g->text_left -= (size_t)len;
    if (g->ncells == g->capcells) {
        int cap = g->capcells ? g->capcells * 2 : 16;

        g->cells = arena_realloc(g->a, g->cells,
                                 (size_t)g->capcells * sizeof(*g->cells),
                                 (size_t)cap * sizeof(*g->cells));
        g->capcells = cap;
    }
    g->cells[g->ncells].col = col;
    g->cells[g->ncells].text = text;
    g->cells[g->ncells].flag = flag;
    g->ncells++;
    return true;
}

bool
office_grid_row(struct office_grid *g, int line)
{
    struct office_row *r;
    int width = g->width;

    if (g->over || g->text_spent) {
        return false;
    }
    if (g->ncells == 0) {
        return true;
    }
    for (int i = 0; i < g->ncells; i++) {
        if (g->cells[i].col + 1 > width) {
            width = g->cells[i].col + 1;
        }
    }
    if ((int64_t)(g->nrows + 1) * width > PLAN_XLSX_MAX_CELLS) {
        g->over = true;
        return false;
    }
    g->width = width;
    g->rows = arena_grow(g->a, g->rows, g->nrows, sizeof(*g->rows));
    r = &g->rows[g->nrows++];
    r->line = line;
    r->n = g->ncells;
    r->c = arena_alloc(g->a, (size_t)g->ncells * sizeof(*r->c));
    memcpy(r->c, g->cells, (size_t)g->ncells * sizeof(*r->c));
    g->ncells = 0;
    return true;
}

bool
office_grid_merge(struct office_grid *g, int row1, int col1, int row2, int col2)
{
    struct office_merge *m;

    if (row1 > row2 || col1 > col2 || (row1 == row2 && col1 == col2)) {
        return true; /* nothing covered */
    }
    if (g->nmerges >= OFFICE_MAX_MERGES) {
        g->over = true;
        return false;
    }
    g->merges = arena_grow(g->a, g->merges, g->nmerges, sizeof(*g->merges));
    m = &g->merges[g->nmerges++];
    m->row1 = row1;
    m->row2 = row2;
    m->col1 = col1;
    m->col2 = col2;
    return true;
}

/* The index of the first row whose line is at least line (rows sorted). */
static int
row_at(const struct plan_xlsx_sheet *out, int line)
{
    int lo = 0, hi = out->nrows;

    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;

        if (out->rows[mid].line < line) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/*
** Copy each merged range's text (its top left cell's) down its first
** column to the rows it covers that exist, flagged PLAN_CELL_MERGED:
** a merged implementer or term applies to every row it spans. A row that
** is not in the sheet has no other cell and is not made; the columns a
** range spans to the right stay blank, as a sheet shows them. Copies count
** against PLAN_XLSX_MAX_CELLS and the text budget like cells.
*/
static bool
apply_merges(struct office_grid *g, struct plan_xlsx_sheet *out)
{
    long copies = 0;

    for (int i = 1; i < out->nrows; i++) {
        if (out->rows[i].line <= out->rows[i - 1].line) {
            return true; /* rows out of order: no merge can be trusted */
        }
    }
    for (int k = 0; k < g->nmerges; k++) {
        const struct office_merge *m = &g->merges[k];
        int top = row_at(out, m->row1), c = m->col1;
        const char *text;
        size_t len;

        if (top >= out->nrows || out->rows[top].line != m->row1 ||
            c >= out->ncols) {
            continue; /* its text would be in a row that is not there */
        }
        text = out->rows[top].cell[c];
        len = strlen(text);
        if (text[0] == '\0') {
            continue;
        }
        for (int i = top + 1; i < out->nrows && out->rows[i].line <= m->row2;
             i++) {
            struct plan_xlsx_row *r = &out->rows[i];

            if (++copies > PLAN_XLSX_MAX_CELLS || len > g->text_left) {
                g->over = copies > PLAN_XLSX_MAX_CELLS;
                g->text_spent = !g->over;
                return false;
            }
            g->text_left -= len;
            if (r->flags == NULL) {
                r->flags = arena_alloc(g->a, (size_t)out->ncols);
                memset(r->flags, 0, (size_t)out->ncols);
            }
            r->cell[c] = (char *)text;
            r->flags[c] |= PLAN_CELL_MERGED;
        }
    }
    return true;
}

bool
office_grid_finish(struct office_grid *g, struct plan_xlsx_sheet *out)
{
    out->nrows = g->nrows;
    out->ncols = g->width;
    out->rows = arena_alloc(g->a, (size_t)(g->nrows + 1) * sizeof(*out->rows));
    for (int i = 0; i < g->nrows; i++) {
        struct plan_xlsx_row *r = &out->rows[i];

        r->line = g->rows[i].line;
        r->flags = NULL;
        r->cell = arena_alloc(g->a, (size_t)(g->width + 1) * sizeof(char *));
        for (int c = 0; c < g->width; c++) {
            r->cell[c] = "";
        }
        for (int k = 0; k < g->rows[i].n; k++) {
            const struct office_cell *oc = &g->rows[i].c[k];

            r->cell[oc->col] = (char *)oc->text;
            if (oc->flag != 0 && r->flags == NULL) {
                r->flags = arena_alloc(g->a, (size_t)g->width);
                memset(r->flags, 0, (size_t)g->width);
            }
            if (oc->flag != 0) {
                r->flags[oc->col] = oc->flag;
            }
        }
    }
    return apply_merges(g, out);
}

int
office_part_why(struct arena *a, const char **why, const char *format,
                const char *part, int rc, size_t budget)
{
    if (rc == -2) {
        *why = arena_printf(a, T_PLAN_OFFICE_TOO_BIG, format, part, budget,
                            PLAN_XLSX_MAX_PART);
    } else if (rc > 0) {
        *why = arena_printf(a, T_PLAN_OFFICE_NO_PART, format, part);
    } else {
        *why = arena_printf(a, T_PLAN_OFFICE_BROKEN, format, part);
    }
    return ERR_INPUT;
}

int
office_grid_why(struct arena *a, const char **why, const char *format,
                const char *part, const struct office_grid *g, size_t budget)
{
    if (g->text_spent) {
        *why = arena_printf(a, T_PLAN_OFFICE_TEXT_TOO_BIG, format, budget);
    } else if (g->over) {
        *why = arena_printf(a, T_PLAN_OFFICE_TOO_LARGE, format,
                            PLAN_XLSX_MAX_CELLS, OFFICE_MAX_MERGES);
    } else {
        *why = arena_printf(a, T_PLAN_OFFICE_BAD_XML, format, part);
    }
    return ERR_INPUT;
}
