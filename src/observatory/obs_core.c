/* Indicators per gmina and powiat, rates and class breaks; see
 * observatory.h. Nothing here reads the store. */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/str.h"
#include "db/db.h"
#include "observatory.h"

int
obs_read(struct arena *a, db_stmt *st, struct obs_value **out)
{
    int rc, n = 0;

    *out = NULL;
    while ((rc = db_step(st)) == DB_ROW) {
        obs_push(a, out, &n, db_col_text_dup(a, st, 0), (int)db_col_int(st, 1),
                 db_col_int(st, 2));
    }
    db_done(st);
    return rc == DB_DONE ? n : rc;
}

const struct obs_indicator *
obs_indicator_find(const char *code)
{
    int i;

    for (i = 0; code != NULL && i < obs_nindicators; i++) {
        if (strcmp(obs_indicators[i]->code, code) == 0) {
            return obs_indicators[i];
        }
    }
    return NULL;
}

static int
unit_of(const struct obs_unit *u, int n, const char *code)
{
    int i;

    for (i = 0; i < n; i++) {
        if (strcmp(u[i].code, code) == 0) {
            return i;
        }
    }
    return -1;
}

static int
cmp_gmina(const void *x, const void *y)
{
    return strcmp(((const struct obs_gmina *)x)->code,
                  ((const struct obs_gmina *)y)->code);
}

int
obs_units(struct arena *a, const struct obs_gmina *g, int ng,
          const struct obs_value *v, int nv, int year, bool powiats,
          enum obs_kind kind, bool per_resident, struct obs_unit **out)
{
    struct obs_unit *u = arena_alloc(a, sizeof(*u) * (size_t)(ng + 1));
    struct obs_gmina *sorted =
        arena_alloc(a, sizeof(*sorted) * (size_t)(ng + 1));
    int *unit = arena_alloc(a, sizeof(*unit) * (size_t)(ng + 1));
    int n = 0, i, k;

    /* the units, and each gmina's unit */
    for (i = 0; i < ng; i++) {
        const char *code = powiats ? g[i].powiat : g[i].code;

        k = powiats ? unit_of(u, n, code) : -1;
        if (k < 0) {
            k = n++;
            u[k].code = code;
            u[k].name = powiats ? g[i].powiat_name : g[i].name;
        }
        u[k].population += g[i].population;
    }
    /* the figures, by gmina: found by binary search in a sorted copy */
    memcpy(sorted, g, sizeof(*g) * (size_t)ng);
    qsort(sorted, (size_t)ng, sizeof(*sorted), cmp_gmina);
    for (i = 0; i < ng; i++) {
        unit[i] = unit_of(u, n, powiats ? sorted[i].powiat : sorted[i].code);
    }
    for (i = 0; i < nv; i++) {
        struct obs_gmina key = {.code = v[i].gmina};
        const struct obs_gmina *hit;

        if (v[i].year != year || v[i].gmina == NULL) {
            continue;
        }
        if (kind == OBS_FLAG && powiats) {
            /* a powiat's own figure; its gminas' are theirs */
            k = unit_of(u, n, v[i].gmina);
            if (k >= 0) {
                u[k].count += v[i].value;
            }
            continue;
        }
        hit = bsearch(&key, sorted, (size_t)ng, sizeof(*sorted), cmp_gmina);
        if (hit != NULL) {
            u[unit[hit - sorted]].count += v[i].value;
        }
    }
    for (i = 0; i < n; i++) {
        u[i].rate100 = -1;
        if (per_resident && u[i].population > 0) {
            u[i].rate100 = obs_rate100(kind, u[i].count, u[i].population);
        }
        u[i].shown = u[i].rate100 >= 0 ? u[i].rate100 : u[i].count;
    }
    *out = u;
    return n;
}

int64_t
obs_rate100(enum obs_kind kind, int64_t count, int64_t population)
{
    /* count * 10 000 (* 100 of a count; grosze are zl * 100 already) */
    int64_t scale = kind == OBS_MONEY ? 10000 : 1000000;

    return (count * scale + population / 2) / population;
}

static int
cmp_i64(const void *x, const void *y)
{
    int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;

    return (a > b) - (a < b);
}

void
obs_classify(struct arena *a, struct obs_unit *u, int n, struct obs_breaks *b)
{
    int64_t *v = arena_alloc(a, sizeof(*v) * (size_t)(n + 1));
    int m = 0, i, k, d = 0;

    memset(b, 0, sizeof(*b));
    for (i = 0; i < n; i++) {
        if (u[i].shown > 0) {
            v[m++] = u[i].shown;
        }
    }
    qsort(v, (size_t)m, sizeof(*v), cmp_i64);
    /* distinct values: fewer of them than classes gives a class each */
    for (i = 0; i < m; i++) {
        if (i == 0 || v[i] != v[i - 1]) {
            d++;
        }
    }
    if (m > 0) {
        int classes = d < OBS_CLASSES ? d : OBS_CLASSES, from = 0;

        for (k = 0; k < classes && from < m; k++) {
            /* the upper quantile of class k, moved up past equal values so
             * that one value never falls in two classes */
            int to = (int)((int64_t)m * (k + 1) / classes) - 1;

            if (to < from) {
                to = from;
            }
            while (to + 1 < m && v[to + 1] == v[to]) {
                to++;
            }
            if (k == classes - 1) {
                to = m - 1;
            }
            b->lo[b->n] = v[from];
            b->hi[b->n] = v[to];
            b->n++;
            from = to + 1;
        }
    }
    for (i = 0; i < n; i++) {
        u[i].cls = 0;
        for (k = 0; u[i].shown > 0 && k < b->n; k++) {
            if (u[i].shown >= b->lo[k] && u[i].shown <= b->hi[k]) {
                u[i].cls = k + 1;
            }
        }
    }
}

static int
cmp_int(const void *x, const void *y)
{
    return *(const int *)x - *(const int *)y;
}

int
obs_years(struct arena *a, const struct obs_value *v, int nv, int **out)
{
    int *y = arena_alloc(a, sizeof(*y) * (size_t)(nv + 1));
    int n = 0, i;

    for (i = 0; i < nv; i++) {
        y[i] = v[i].year;
    }
    qsort(y, (size_t)nv, sizeof(*y), cmp_int);
    for (i = 0; i < nv; i++) {
        if (n == 0 || y[n - 1] != y[i]) {
            y[n++] = y[i];
        }
    }
    *out = y;
    return n;
}

const char *
obs_fmt100(struct arena *a, int64_t x100)
{
    return arena_printf(a, "%s,%02d", str_thousands(a, x100 / 100),
                        (int)(x100 % 100));
}
