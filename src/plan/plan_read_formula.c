/*
** Formulas a workbook saved without their value (a sheet written by a
** script, or saved with recalculation off) are computed here from the
** cells' figures, so the declared totals and the amounts are not lost:
** sums of cells, "=SUM(E4:E8)" (XLSX) or "=SUM([.E4:.E8])" (ODS), the way
** a total row adds its column, and arithmetic over cells and constants,
** "=E7*2", "=(E5+F5)/2", "=[.D6]*2". Any other formula (another function,
** a reference to another sheet), a formula over a cell that is not a
** figure, a division by zero or a result past 64 bits stays "=FORMULA"
** text: the reader reports it as a number it cannot read, plan_read_xlsx.c
** counts it in a finding naming the first row and rd_formulas_left() names
** each one's row and column. Arithmetic is exact (fractions of 64-bit
** integers), rounded to grosze once, at the end.
**
** The work is linear and capped: a formula is parsed once (computed, its
** cell becomes the figure; failed, it is marked and not tried again), its
** parentheses and signs nest at most FORMULA_MAX_NEST deep, a formula over
** formulas at most FORMULA_MAX_DEPTH deep (a circular one is not computed),
** and all formulas together visit at most PLAN_MAX_CELLS cells and tokens.
*/
#include "plan_read.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "plan_xlsx.h"
#include "strings_pl.h"

#define FORMULA_MAX_DEPTH 16
#define FORMULA_MAX_NEST 64
#define FORMULA_BUSY 4   /* flag: being computed (a circle leads back to it) */
#define FORMULA_FAILED 8 /* flag: cannot be computed; not tried again */

struct fctx {
    struct reader *r;
    long visits;  /* cells and tokens visited, against PLAN_MAX_CELLS */
    bool deep;    /* a failure came from FORMULA_MAX_DEPTH, not the formula */
    int computed; /* formulas whose cells now hold their figures */
};

/* A fraction n/d, d > 0: exact for + - * / over decimal figures. */
struct frac {
    int64_t n, d;
};

static int64_t
gcd64(int64_t a, int64_t b)
{
    a = a < 0 ? -a : a;
    while (b != 0) {
        int64_t t = a % b;

        a = b;
        b = t;
    }
    return a;
}

/* *x reduced; false when n or d is INT64_MIN (no negation). */
static bool
reduce(struct frac *x)
{
    int64_t g;

    if (x->n == INT64_MIN || x->d == INT64_MIN || x->d == 0) {
        return false;
    }
    if (x->d < 0) {
        x->n = -x->n;
        x->d = -x->d;
    }
    g = gcd64(x->n, x->d);
    if (g > 1) {
        x->n /= g;
        x->d /= g;
    }
    return true;
}

/* *x op y, op one of "+-* /"; false on overflow or a division by zero. */
static bool
arith(struct frac *x, char op, struct frac y)
{
    int64_t a, b;

    switch (op) {
    case '+':
    case '-':
        if (op == '-') {
            if (y.n == INT64_MIN) {
                return false;
            }
            y.n = -y.n;
        }
        if (__builtin_mul_overflow(x->n, y.d, &a) ||
            __builtin_mul_overflow(y.n, x->d, &b) ||
            __builtin_add_overflow(a, b, &x->n) ||
            __builtin_mul_overflow(x->d, y.d, &x->d)) {
            return false;
        }
        break;
    case '*':
        if (__builtin_mul_overflow(x->n, y.n, &x->n) ||
            __builtin_mul_overflow(x->d, y.d, &x->d)) {
            return false;
        }
        break;
    default: /* '/' */
        if (y.n == 0 || __builtin_mul_overflow(x->n, y.d, &x->n) ||
            __builtin_mul_overflow(x->d, y.n, &x->d)) {
            return false;
        }
        break;
    }
    return reduce(x);
}

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

static bool formula_value(struct fctx *f, int i, int c, int depth,
                          int64_t *out);

/* The figure of the cell at row i, column c, in grosze (0 when blank). */
static bool
cell_value(struct fctx *f, int i, int c, int depth, int64_t *out)
{
    const struct row *w = &f->r->rows[i];
    struct plan_num v;

    *out = 0;
    if (++f->visits > PLAN_MAX_CELLS) {
        return false;
    }
    if (c >= w->n || w->cell[c][0] == '\0') {
        return true;
    }
    if (w->flags != NULL && (w->flags[c] & PLAN_CELL_FORMULA)) {
        return formula_value(f, i, c, depth + 1, out);
    }
    if (plan_num_money(w->cell[c], &v) != 0 || v.kind == PLAN_NUM_BAD) {
        return false;
    }
    *out = v.kind == PLAN_NUM_VALUE ? v.v : 0;
    return true;
}

/* The figure at sheet line, column c: a cell of no row is blank. */
static bool
ref_value(struct fctx *f, long line, int c, int depth, struct frac *out)
{
    int i = row_from(f->r, line);
    int64_t v = 0;

    if (i < f->r->nrows && f->r->rows[i].line == line &&
        !cell_value(f, i, c, depth, &v)) {
        return false;
    }
    *out = (struct frac){v, 100};
    return reduce(out);
}

/* Add the cells of the range (lines l1..l2, columns c1..c2) to *sum. */
static bool
add_range(struct fctx *f, long l1, int c1, long l2, int c2, int depth,
          struct frac *sum)
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

            if (!cell_value(f, i, c, depth, &v) ||
                !arith(sum, '+', (struct frac){v, 100})) {
                return false;
            }
        }
    }
    return true;
}

/* The parse of one formula's text. */
struct parse {
    struct fctx *f;
    const char *s;
    int depth; /* of the formula among formulas */
    int nest;  /* parentheses and signs open */
};

static void
skip_space(struct parse *q)
{
    q->s += strspn(q->s, " ");
}

static bool expr(struct parse *q, struct frac *out);

/*
** A reference or a range at q->s, in brackets or not: "E4", "E4:E8",
** "[.E4]", "[.E4:.E8]". ranges says whether a range is welcome (in a SUM);
** a single cell gives its figure, a range the sum of its cells.
*/
static bool
ref_or_range(struct parse *q, bool ranges, bool *found, struct frac *out)
{
    const char *p = q->s;
    bool bracket = *p == '[';
    int c1, c2;
    long l1, l2;

    *found = false;
    p += bracket;
    if (!ref(&p, &c1, &l1)) {
        return true; /* not a reference: the caller reads something else */
    }
    *found = true;
    c2 = c1;
    l2 = l1;
    if (*p == ':' && (p++, !ref(&p, &c2, &l2))) {
        return false;
    }
    if (bracket && *p++ != ']') {
        return false;
    }
    q->s = p;
    if (c1 == c2 && l1 == l2) {
        return ref_value(q->f, l1, c1, q->depth, out);
    }
    *out = (struct frac){0, 1};
    return ranges && add_range(q->f, l1, c1, l2, c2, q->depth, out);
}

/* "SUM(" already read: its arguments, ranges or expressions, and ")". */
static bool
sum_args(struct parse *q, struct frac *out)
{
    *out = (struct frac){0, 1};
    for (;;) {
        struct frac v;
        bool found;
        const char *at;

        skip_space(q);
        at = q->s;
        if (!ref_or_range(q, true, &found, &v)) {
            return false;
        }
        skip_space(q);
        if (found && *q->s != ')' && *q->s != ';' && *q->s != ',') {
            q->s = at; /* "E4*2": an expression that starts with a cell */
            found = false;
        }
        if (!found && !expr(q, &v)) {
            return false;
        }
        if (!arith(out, '+', v)) {
            return false;
        }
        skip_space(q);
        if (*q->s == ';' || *q->s == ',') {
            q->s++;
            continue;
        }
        if (*q->s == ')') {
            q->s++;
            return true;
        }
        return false;
    }
}

/* A decimal constant "2", "0.23", ".5" at q->s. */
static bool
constant(struct parse *q, struct frac *out)
{
    const char *p = q->s;
    int64_t n = 0, d = 1;
    int digits = 0;
    bool point = false;

    for (; (*p >= '0' && *p <= '9') || (*p == '.' && !point); p++) {
        if (*p == '.') {
            point = true;
            continue;
        }
        if (++digits > 18) {
            return false;
        }
        n = n * 10 + (*p - '0');
        if (point) {
            d *= 10;
        }
    }
    if (digits == 0) {
        return false;
    }
    q->s = p;
    *out = (struct frac){n, d};
    return reduce(out);
}

/* A sign, a parenthesis, SUM(...), a reference or a constant. */
static bool
factor(struct parse *q, struct frac *out)
{
    bool found, ok;

    skip_space(q);
    if (++q->f->visits > PLAN_MAX_CELLS || q->nest >= FORMULA_MAX_NEST) {
        return false;
    }
    if (*q->s == '-' || *q->s == '+') {
        char sign = *q->s++;

        q->nest++;
        ok = factor(q, out);
        q->nest--;
        return ok && (sign == '+' || arith(out, '*', (struct frac){-1, 1}));
    }
    if (*q->s == '(') {
        q->s++;
        q->nest++;
        ok = expr(q, out);
        q->nest--;
        skip_space(q);
        return ok && *q->s++ == ')';
    }
    if (strncmp(q->s, "SUM(", 4) == 0) {
        q->s += 4;
        return sum_args(q, out);
    }
    if (!ref_or_range(q, false, &found, out)) {
        return false;
    }
    return found || constant(q, out);
}

/*
** Operands joined by the operators of a level: 1 products and quotients
** of factors, 0 sums and differences of level 1's.
*/
static bool
operands(struct parse *q, int level, struct frac *out)
{
    const char *ops = level == 0 ? "+-" : "*/";

    if (!(level == 0 ? operands(q, 1, out) : factor(q, out))) {
        return false;
    }
    for (;;) {
        struct frac v;
        char op;

        skip_space(q);
        op = *q->s;
        if (op == '\0' || strchr(ops, op) == NULL) {
            return true;
        }
        q->s++;
        if (!(level == 0 ? operands(q, 1, &v) : factor(q, &v)) ||
            !arith(out, op, v)) {
            return false;
        }
    }
}

static bool
expr(struct parse *q, struct frac *out)
{
    return operands(q, 0, out);
}

/* x in grosze, rounded half away from zero; false past 64 bits. */
static bool
to_grosze(struct frac x, int64_t *out)
{
    int64_t h, rem;

    if (__builtin_mul_overflow(x.n, 100, &h)) {
        return false;
    }
    rem = h % x.d;
    rem = rem < 0 ? -rem : rem;
    *out = h / x.d;
    if (rem >= x.d - rem) {
        *out += h < 0 ? -1 : 1; /* |*out| < INT64_MAX / 2 here: d >= 2 */
    }
    return true;
}

/*
** The formula at row i, column c: its value in *out, the cell rewritten as
** that figure. false leaves the cell as it is (marked FORMULA_FAILED unless
** it was only too deep to compute from here).
*/
static bool
formula_value(struct fctx *f, int i, int c, int depth, int64_t *out)
{
    struct row *w = &f->r->rows[i];
    struct parse q = {f, w->cell[c], depth, 0};
    struct frac v;
    bool ok;

    if (w->flags[c] & (FORMULA_BUSY | FORMULA_FAILED)) {
        return false;
    }
    if (depth > FORMULA_MAX_DEPTH) {
        f->deep = true;
        return false;
    }
    q.s += strspn(q.s, "= ");
    w->flags[c] |= FORMULA_BUSY;
    ok = expr(&q, &v);
    skip_space(&q);
    ok = ok && *q.s == '\0' && to_grosze(v, out) && *out != INT64_MIN;
    w->flags[c] &= (unsigned char)~FORMULA_BUSY;
    if (!ok) {
        if (depth == 0 || !f->deep) {
            w->flags[c] |= FORMULA_FAILED;
        }
        return false;
    }
    f->computed++;
    {
        long long g = *out < 0 ? -(long long)*out : *out;

        w->flags[c] &= (unsigned char)~PLAN_CELL_FORMULA;
        w->cell[c] = g % 100 == 0
                         ? arena_printf(f->r->a, "%lld", (long long)*out / 100)
                         : arena_printf(f->r->a, "%s%lld,%02lld",
                                        *out < 0 ? "-" : "", g / 100, g % 100);
    }
    return true;
}

void
rd_formulas(struct reader *r, int *computed, int *left, int *first_left)
{
    struct fctx f = {r, 0, false, 0};
    bool sorted = true;

    *computed = *left = *first_left = 0;
    for (int i = 1; i < r->nrows; i++) {
        if (r->rows[i].line <= r->rows[i - 1].line) {
            sorted = false; /* not a sheet's rows: nothing is computed */
        }
    }
    /* in row order: a formula is computed here or by one above it that
    ** refers to it, or it has failed for good (FORMULA_FAILED) */
    for (int i = 0; i < r->nrows; i++) {
        struct row *w = &r->rows[i];

        for (int c = 0; w->flags != NULL && c < w->n; c++) {
            int64_t v;

            if (!(w->flags[c] & PLAN_CELL_FORMULA)) {
                continue;
            }
            f.deep = false;
            if ((!sorted || !formula_value(&f, i, c, 0, &v)) &&
                (*left)++ == 0) {
                *first_left = w->line;
            }
        }
    }
    *computed = f.computed;
}

void
rd_formulas_left(struct reader *r)
{
    for (int i = 0; i < r->nrows; i++) {
        const struct row *w = &r->rows[i];

        for (int c = 0; w->flags != NULL && c < w->n; c++) {
            if (w->flags[c] & PLAN_CELL_FORMULA) {
                plan_finding_add(
                    r->a, r->p, PLAN_WARNING, w->line,
                    c < 256 ? r->col_name[c] : NULL, "formula_not_computed",
                    T_PLAN_READ_FORMULA_LEFT, w->line, c + 1, w->cell[c]);
            }
        }
    }
}
