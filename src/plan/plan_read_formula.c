/*
** Formulas a workbook saved without their value (a sheet written by a
** script, or saved with recalculation off): a sum of cells, "=SUM(E4:E8)"
** (XLSX) or "=SUM([.E4:.E8])" (ODS), the way a total row adds its
** column, is computed here from the cells' figures, so the declared
** totals are not lost. Any other formula, or a sum over a cell that is not
** a figure, stays "=FORMULA" text: the reader reports it as a number it
** cannot read and plan_read_xlsx.c counts it in a finding naming the first
** row. The work is bounded: all sums together visit at most PLAN_MAX_CELLS
** cells, and a sum of sums nests at most FORMULA_MAX_DEPTH deep (a
** circular one is not computed).
*/
#include "plan_read.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "plan_xlsx.h"

#define FORMULA_MAX_DEPTH 16
#define FORMULA_BUSY 4 /* flag: being computed (a circle leads back to it) */

struct fctx {
    struct reader *r;
    long visits; /* cells visited by all sums, against PLAN_MAX_CELLS */
};

/* The first row at sheet line or below it (rows are sorted by line). */
static int
row_from(const struct reader *r, long line)
{
    int lo = 0, hi = r->nrows;

    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;

        if (r->rows[mid].line < line) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/* A reference "E4", "$E$4" or ODS ".E4" at *s: column and line. */
static bool
ref(const char **s, int *col, long *line)
{
    const char *p = *s;
    int c = 0, k = 0;
    long l = 0;

    if (*p == '.') {
        p++;
    }
    if (*p == '$') {
        p++;
    }
    while (*p >= 'A' && *p <= 'Z' && k < 3) {
        c = c * 26 + (*p++ - 'A' + 1);
        k++;
    }
    if (*p == '$') {
        p++;
    }
    if (k == 0 || *p < '1' || *p > '9') {
        return false;
    }
    while (*p >= '0' && *p <= '9' && l <= 1048576) {
        l = l * 10 + (*p++ - '0');
    }
    if (l > 1048576) {
        return false;
    }
    *col = c - 1;
    *line = l;
    *s = p;
    return true;
}

static bool sum_of(struct fctx *f, int i, int c, int depth, int64_t *out);

/* The figure of the cell at row i, column c, in grosze (0 when blank). */
static bool
cell_value(struct fctx *f, int i, int c, int depth, int64_t *out)
{
    const struct row *w = &f->r->rows[i];
    struct plan_num v;

    *out = 0;
    if (c >= w->n || w->cell[c][0] == '\0') {
        return true;
    }
    if (w->flags != NULL && (w->flags[c] & PLAN_CELL_FORMULA)) {
        return sum_of(f, i, c, depth + 1, out);
    }
    if (plan_num_money(w->cell[c], &v) != 0 || v.kind == PLAN_NUM_BAD) {
        return false;
    }
    *out = v.kind == PLAN_NUM_VALUE ? v.v : 0;
    return true;
}

/* Add the cells of the range (lines l1..l2, columns c1..c2) to *sum. */
static bool
add_range(struct fctx *f, long l1, int c1, long l2, int c2, int depth,
          int64_t *sum)
{
    if (l1 > l2 || c1 > c2) {
        return false;
    }
    for (int i = row_from(f->r, l1); i < f->r->nrows; i++) {
        const struct row *w = &f->r->rows[i];

        if (w->line > l2) {
            break;
        }
        for (int c = c1; c <= c2 && c < w->n; c++) {
            int64_t v;

            if (++f->visits > PLAN_MAX_CELLS ||
                !cell_value(f, i, c, depth, &v)) {
                return false;
            }
            if ((v > 0 && *sum > INT64_MAX - v) ||
                (v < 0 && *sum < INT64_MIN - v)) {
                return false;
            }
            *sum += v;
        }
    }
    return true;
}

/*
** The formula at row i, column c, if it is a sum of cells: its value in
** *out, the cell rewritten as that figure. false leaves the cell as it is.
*/
static bool
sum_of(struct fctx *f, int i, int c, int depth, int64_t *out)
{
    struct row *w = &f->r->rows[i];
    const char *s = w->cell[c];
    int64_t sum = 0;

    if (!(w->flags[c] & PLAN_CELL_FORMULA)) {
        return cell_value(f, i, c, depth, out);
    }
    if (depth > FORMULA_MAX_DEPTH || (w->flags[c] & FORMULA_BUSY)) {
        return false;
    }
    s += strspn(s, "= ");
    if (strncmp(s, "SUM(", 4) != 0) {
        return false;
    }
    s += 4;
    w->flags[c] |= FORMULA_BUSY;
    for (;;) {
        int c1, c2;
        long l1, l2;
        bool bracket = *s == '[';

        s += bracket;
        if (!ref(&s, &c1, &l1)) {
            break;
        }
        c2 = c1;
        l2 = l1;
        if (*s == ':' && (s++, !ref(&s, &c2, &l2))) {
            break;
        }
        if (bracket && *s++ != ']') {
            break;
        }
        if (!add_range(f, l1, c1, l2, c2, depth, &sum)) {
            break;
        }
        if (*s == ';' || *s == ',') {
            s++;
            continue;
        }
        if (strcmp(s, ")") == 0) {
            long long g = sum < 0 ? -sum : sum;

            w->flags[c] &= (unsigned char)~(FORMULA_BUSY | PLAN_CELL_FORMULA);
            w->cell[c] =
                g % 100 == 0
                    ? arena_printf(f->r->a, "%lld", (long long)sum / 100)
                    : arena_printf(f->r->a, "%s%lld,%02lld", sum < 0 ? "-" : "",
                                   g / 100, g % 100);
            *out = sum;
            return true;
        }
        break;
    }
    w->flags[c] &= (unsigned char)~FORMULA_BUSY;
    return false;
}

void
rd_formulas(struct reader *r, int *computed, int *left, int *first_left)
{
    struct fctx f = {r, 0};
    int all = 0;
    bool sorted = true;

    *computed = *left = *first_left = 0;
    for (int i = 1; i < r->nrows; i++) {
        if (r->rows[i].line <= r->rows[i - 1].line) {
            sorted = false; /* not a sheet's rows: nothing is computed */
        }
    }
    for (int i = 0; i < r->nrows; i++) {
        struct row *w = &r->rows[i];

        for (int c = 0; w->flags != NULL && c < w->n; c++) {
            int64_t v;

            if (!(w->flags[c] & PLAN_CELL_FORMULA)) {
                continue;
            }
            all++;
            if (sorted) {
                sum_of(&f, i, c, 0, &v);
            }
        }
    }
    for (int i = 0; i < r->nrows; i++) {
        const struct row *w = &r->rows[i];

        for (int c = 0; w->flags != NULL && c < w->n; c++) {
            if (w->flags[c] & PLAN_CELL_FORMULA) {
                if ((*left)++ == 0) {
                    *first_left = w->line;
                }
            }
        }
    }
    *computed = all - *left;
}
