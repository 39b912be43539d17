/*
** The plan model's own helpers (plan.h): a new plan with the default
** funding sources, growing its arrays, findings, the source row of a new
** item and the content hash. The reader (plan_read*.c), the checker, the
** forms and the store all build on them; they know no file format.
*/
#include "plan.h"

#include <stdarg.h>
#include <string.h>

#include "core/arena.h"
#include "strings_pl.h"

/* The funding sources every plan starts with; plans may add others. */
static const struct plan_source default_sources[] = {
    {"own", T_PLAN_SOURCE_OWN},
    {"subsidy", T_PLAN_SOURCE_SUBSIDY},
    {"eu", T_PLAN_SOURCE_EU},
    {"other", T_PLAN_SOURCE_OTHER},
};

int
plan_next_row(const struct plan *p)
{
    int row = 0, i;

    for (i = 0; i < p->ntasks; i++) {
        row = p->tasks[i].row > row ? p->tasks[i].row : row;
    }
    for (i = 0; i < p->nlines; i++) {
        row = p->lines[i].row > row ? p->lines[i].row : row;
    }
    for (i = 0; i < p->nindicators; i++) {
        row = p->indicators[i].row > row ? p->indicators[i].row : row;
    }
    for (i = 0; i < p->ngoals; i++) {
        row = p->goals[i].row > row ? p->goals[i].row : row;
    }
    for (i = 0; i < p->nactions; i++) {
        row = p->actions[i].row > row ? p->actions[i].row : row;
    }
    return row + 1;
}

void *
plan_grow(struct arena *a, void *arr, int n, size_t size)
{
    return arena_grow(a, arr, n, size);
}

void
plan_finding_add(struct arena *a, struct plan *p, enum plan_severity sev,
                 int row, const char *column, const char *code, const char *fmt,
                 ...)
{
    struct plan_finding *f;
    va_list ap;

    p->findings = plan_grow(a, p->findings, p->nfindings, sizeof(*f));
    f = &p->findings[p->nfindings++];
    f->severity = sev;
    f->row = row;
    f->column = column;
    f->code = code;
    f->from_check = false;
    va_start(ap, fmt);
    f->message = arena_vprintf(a, fmt, ap);
    va_end(ap);
}

int
plan_source_find(const struct plan *p, const char *code)
{
    for (int i = 0; i < p->nsources; i++) {
        if (strcmp(p->sources[i].code, code) == 0) {
            return i;
        }
    }
    return -1;
}

struct plan *
plan_new(struct arena *a, enum plan_kind kind)
{
    struct plan *p = arena_alloc(a, sizeof(*p));
    int n = (int)(sizeof(default_sources) / sizeof(default_sources[0]));

    p->kind = kind;
    p->encoding = "utf-8";
    p->sources = arena_alloc(a, PLAN_SOURCES_MAX * sizeof(*p->sources));
    memcpy(p->sources, default_sources, (size_t)n * sizeof(*p->sources));
    p->nsources = n;
    p->col.number = V_PLAN_COL_NUMBER;
    p->col.title = V_PLAN_COL_ACTION;
    p->col.action = V_PLAN_COL_PROGRAMME_ACTION;
    p->col.description = V_PLAN_COL_ACTION;
    p->col.term = V_PLAN_COL_TERM;
    p->col.implementers = V_PLAN_COL_IMPLEMENTERS;
    p->col.total = V_PLAN_COL_TOTAL;
    p->col.source[PLAN_SRC_OWN] = V_PLAN_COL_OWN;
    p->col.source[PLAN_SRC_SUBSIDY] = V_PLAN_COL_SUBSIDY;
    p->col.source[PLAN_SRC_EU] = V_PLAN_COL_EU;
    p->col.source[PLAN_SRC_OTHER] = V_PLAN_COL_OTHER;
    p->col.indicator = V_PLAN_COL_INDICATOR;
    p->col.target_year = V_PLAN_COL_TARGET_YEAR;
    p->col.target_multi = V_PLAN_COL_TARGET_MULTI;
    p->col.results = V_PLAN_COL_RESULTS;
    return p;
}

const char *
plan_content_hash(struct arena *a, const char *data, size_t len)
{
    uint64_t h = 14695981039346656037ULL;
    size_t i;

    for (i = 0; i < len; i++) {
        h ^= (unsigned char)data[i];
        h *= 1099511628211ULL;
    }
    return arena_printf(a, "%016llx-%zu", (unsigned long long)h, len);
}
