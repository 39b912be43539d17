/*
** Validation of a plan already in memory: it compares figures with each
** other (line totals with their sources, computed totals with declared
** ones and with funding notes, breakdown rows with their parent, yearly
** with multi-year targets), terms with the plan's year, and numbering. It
** reads nothing from files and writes only findings; what could not be
** read at all was already reported by plan_read.c.
*/
#include "plan.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/str.h"
#include "core/strings_pl.h"
#include "plan/strings_pl.h"

struct numbered {
    long num;
    int index;
};

static const char *
zl(struct arena *a, int64_t grosze)
{
    return arena_printf(a, "%s " T_CURRENCY, str_money(a, grosze));
}

int64_t
plan_line_value(const struct plan_line *l)
{
    int64_t v = 0;

    if (l->total.kind == PLAN_NUM_VALUE) {
        return l->total.v;
    }
    for (int i = 0; i < l->namounts; i++) {
        if (l->amounts[i].amount.kind == PLAN_NUM_VALUE) {
            v += l->amounts[i].amount.v;
        }
    }
    return v;
}

int64_t
plan_task_total(const struct plan *p, int task)
{
    const struct plan_task *t = &p->tasks[task];
    int64_t v = 0;

    for (int l = t->first_line; l < t->first_line + t->nlines; l++) {
        v += plan_line_value(&p->lines[l]);
    }
    return v;
}

void
plan_totals_compute(const struct plan *p, struct plan_totals *t)
{
    memset(t, 0, sizeof(*t));
    for (int i = 0; i < p->nlines; i++) {
        const struct plan_line *l = &p->lines[i];

        t->total += plan_line_value(l);
        for (int k = 0; k < l->namounts; k++) {
            if (l->amounts[k].amount.kind == PLAN_NUM_VALUE &&
                l->amounts[k].source >= 0 &&
                l->amounts[k].source < PLAN_SOURCES_MAX) {
                t->by_source[l->amounts[k].source] += l->amounts[k].amount.v;
            }
        }
    }
}

int64_t
plan_value(const struct plan *p)
{
    struct plan_totals t;

    if (p->nlines == 0) {
        for (int i = 0; i < p->ndeclared; i++) {
            if (p->declared[i].source < 0) {
                return p->declared[i].grosze;
            }
        }
    }
    plan_totals_compute(p, &t);
    return t.total;
}

int
plan_count_findings(const struct plan *p, enum plan_severity sev)
{
    int n = 0;

    for (int i = 0; i < p->nfindings; i++) {
        n += p->findings[i].severity == sev;
    }
    return n;
}

bool
plan_has_errors(const struct plan *p)
{
    return plan_count_findings(p, PLAN_ERROR) > 0;
}

const char *
plan_severity_name(enum plan_severity sev)
{
    switch (sev) {
    case PLAN_ERROR:
        return "error";
    case PLAN_WARNING:
        return "warning";
    default:
        return "info";
    }
}

/* A finding of the checker (replaced on the next plan_check()). */
#define CHECK(a, p, sev, row, col, code, ...)                                  \
    do {                                                                       \
        plan_finding_add(a, p, sev, row, col, code, __VA_ARGS__);              \
        (p)->findings[(p)->nfindings - 1].from_check = true;                   \
    } while (0)

static void
check_lines(struct arena *a, struct plan *p)
{
    for (int i = 0; i < p->nlines; i++) {
        const struct plan_line *l = &p->lines[i];
        int64_t sum = 0;
        bool any = false;

        if (l->total.kind != PLAN_NUM_VALUE && l->total.kind != PLAN_NUM_NONE &&
            l->total.kind != PLAN_NUM_NOT_PLANNED) {
            continue;
        }
        for (int k = 0; k < l->namounts; k++) {
            const struct plan_num *v = &l->amounts[k].amount;

            if (v->kind == PLAN_NUM_BAD) {
                any = false;
                break;
            }
            if (v->kind == PLAN_NUM_VALUE || v->kind == PLAN_NUM_NONE ||
                v->kind == PLAN_NUM_NOT_PLANNED) {
                sum += v->v;
                any = true;
            }
        }
        if (any && sum != l->total.v) {
            CHECK(a, p, PLAN_WARNING, l->row, p->col.total,
                  "line_total_mismatch", T_PLAN_CHECK_LINE_TOTAL,
                  zl(a, l->total.v), zl(a, sum));
        }
    }
}

static const char *
source_name(const struct plan *p, int s)
{
    return s >= 0 && s < p->nsources ? p->sources[s].name : "?";
}

/* Declared totals (indexes) by row, then by index; for qsort_r. */
static int
cmp_declared_row(const void *x, const void *y, void *plan)
{
    const struct plan *p = plan;
    const int *i = x, *k = y;
    int ri = p->declared[*i].row, rk = p->declared[*k].row;

    return ri != rk ? (ri < rk ? -1 : 1) : (*i < *k ? -1 : *i > *k);
}

/*
** For each declared total, the sum of the figures by source declared in
** its row (*has: any): sorted by row once, so many totals stay linear.
*/
static void
row_parts(struct arena *a, const struct plan *p, int64_t **parts, bool **has)
{
    int n = p->ndeclared, *ix = arena_alloc(a, (size_t)(n + 1) * sizeof(int));

    *parts = arena_alloc(a, (size_t)(n + 1) * sizeof(**parts));
    *has = arena_alloc(a, (size_t)(n + 1) * sizeof(**has));
    for (int i = 0; i < n; i++) {
        ix[i] = i;
    }
    qsort_r(ix, (size_t)n, sizeof(*ix), cmp_declared_row, (void *)p);
    for (int i = 0; i < n;) {
        int e = i;
        int64_t sum = 0;
        bool any = false;

        while (e < n && p->declared[ix[e]].row == p->declared[ix[i]].row) {
            if (p->declared[ix[e]].source >= 0) {
                sum += p->declared[ix[e]].grosze;
                any = true;
            }
            e++;
        }
        for (; i < e; i++) {
            (*parts)[ix[i]] = sum;
            (*has)[ix[i]] = any;
        }
    }
}

static void
check_declared(struct arena *a, struct plan *p, const struct plan_totals *t)
{
    int64_t *row_sum = NULL;
    bool *row_has = NULL;

    if (p->kind != PLAN_YEARLY) {
        const struct plan_total *all = NULL, *eu = NULL;

        for (int i = 0; i < p->ndeclared; i++) {
            if (p->declared[i].source < 0) {
                all = &p->declared[i];
            } else {
                eu = &p->declared[i];
            }
        }
        if (all != NULL && eu != NULL && eu->grosze > all->grosze) {
            CHECK(a, p, PLAN_WARNING, eu->row, eu->label,
                  "declared_part_above_total", T_PLAN_CHECK_PART_ABOVE_TOTAL,
                  eu->label, zl(a, eu->grosze), zl(a, all->grosze));
        }
        return;
    }
    row_parts(a, p, &row_sum, &row_has);
    for (int i = 0; i < p->ndeclared; i++) {
        const struct plan_total *d = &p->declared[i];
        int64_t parts = row_sum[i];
        bool has_parts = row_has[i];

        if (d->source < 0) {
            if (d->grosze != t->total) {
                CHECK(a, p, PLAN_WARNING, d->row, p->col.total,
                      "declared_total_mismatch", T_PLAN_CHECK_DECLARED_TOTAL,
                      d->label, zl(a, d->grosze), zl(a, t->total));
            }
            /* figures by source in the same total row add up to it */
            if (has_parts && parts != d->grosze) {
                CHECK(a, p, PLAN_WARNING, d->row, p->col.total,
                      "declared_parts_mismatch", T_PLAN_CHECK_DECLARED_PARTS,
                      zl(a, d->grosze), zl(a, parts));
            }
        } else if (d->grosze != t->by_source[d->source]) {
            CHECK(a, p, PLAN_WARNING, d->row,
                  p->col.source[d->source] != NULL ? p->col.source[d->source]
                                                   : d->label,
                  "declared_source_mismatch", T_PLAN_CHECK_DECLARED_SOURCE,
                  d->label, zl(a, d->grosze), source_name(p, d->source),
                  zl(a, t->by_source[d->source]));
        }
    }
}

static bool
plain_number(const char *s, long *out)
{
    char *end;

    if (s == NULL || !(s[0] >= '0' && s[0] <= '9')) {
        return false;
    }
    *out = strtol(s, &end, 10);
    return *end == '\0' || (end[0] == '.' && end[1] == '\0');
}

void
plan_task_index(struct arena *a, const struct plan *p, int max, int **first,
                int **next)
{
    int *f = arena_alloc(a, (size_t)(max + 1) * sizeof(int));
    int *nx = arena_alloc(a, (size_t)(p->ntasks + 1) * sizeof(int));

    for (int k = 0; k <= max; k++) {
        f[k] = -1;
    }
    for (int t = p->ntasks - 1; t >= 0; t--) {
        long num;

        nx[t] = -1;
        if (plain_number(p->tasks[t].number, &num) && num >= 0 && num <= max) {
            nx[t] = f[num];
            f[num] = t;
        }
    }
    *first = f;
    *next = nx;
}

static void
check_notes(struct arena *a, struct plan *p)
{
    bool any = false;
    int *first = NULL, *next = NULL, *stamp = NULL;
    int64_t *items_of = NULL, *by_number = NULL;
    bool *has_items_of = NULL;

    if (p->nnotes > 0) {
        /* items of each note in one pass, not a scan per note */
        items_of = arena_alloc(a, (size_t)p->nnotes * sizeof(*items_of));
        has_items_of =
            arena_alloc(a, (size_t)p->nnotes * sizeof(*has_items_of));
        for (int k = 0; k < p->nnotes; k++) {
            int par = p->notes[k].parent;

            if (par >= 0 && par < k &&
                p->notes[k].amount.kind == PLAN_NUM_VALUE) {
                items_of[par] += p->notes[k].amount.v;
                has_items_of[par] = true;
            }
        }
    }
    for (int i = 0; i < p->nnotes; i++) {
        const struct plan_note *n = &p->notes[i];
        int64_t sum = 0, items = items_of[i];
        bool has_items = has_items_of[i];

        if (n->parent >= 0) {
            continue;
        }
        any = true;
        if (has_items && n->amount.kind == PLAN_NUM_VALUE &&
            items != n->amount.v) {
            CHECK(a, p, PLAN_WARNING, n->row, NULL, "note_breakdown_mismatch",
                  T_PLAN_CHECK_NOTE_BREAKDOWN, n->label, zl(a, n->amount.v),
                  zl(a, items));
        }
        if (n->nrows == 0 || n->amount.kind != PLAN_NUM_VALUE) {
            continue;
        }
        if (first == NULL) {
            plan_task_index(a, p, PLAN_NOTE_ROW_MAX, &first, &next);
            /* the value of the tasks of each number, summed once */
            by_number =
                arena_alloc(a, (PLAN_NOTE_ROW_MAX + 1) * sizeof(*by_number));
            for (int row = 0; row <= PLAN_NOTE_ROW_MAX; row++) {
                for (int t = first[row]; t >= 0; t = next[t]) {
                    by_number[row] += plan_task_total(p, t);
                }
            }
        }
        if (stamp == NULL) {
            stamp = arena_alloc(a, (PLAN_NOTE_ROW_MAX + 1) * sizeof(int));
        }
        for (int k = 0; k < n->nrows; k++) {
            int row = n->rows[k];

            /* "2-5 oraz 5" names row 5 once */
            if (row < 0 || row > PLAN_NOTE_ROW_MAX || stamp[row] == i + 1) {
                continue;
            }
            stamp[row] = i + 1;
            sum += by_number[row];
        }
        if (sum != n->amount.v) {
            CHECK(a, p, PLAN_WARNING, n->row, NULL, "note_amount_mismatch",
                  T_PLAN_CHECK_NOTE_AMOUNT, n->label, zl(a, n->amount.v),
                  zl(a, sum));
        }
    }
    if (!any) {
        return;
    }
    /* with funding notes, every row with money needs a source */
    for (int t = 0; t < p->ntasks; t++) {
        const struct plan_task *tk = &p->tasks[t];

        for (int l = tk->first_line; l < tk->first_line + tk->nlines; l++) {
            const struct plan_line *ln = &p->lines[l];

            if (ln->namounts == 0 && plan_line_value(ln) != 0) {
                CHECK(a, p, PLAN_WARNING, ln->row, p->col.total,
                      "row_without_source", T_PLAN_CHECK_ROW_WITHOUT_SOURCE,
                      tk->number, zl(a, plan_line_value(ln)));
            }
        }
    }
}

static bool
summable(const struct plan_num *v)
{
    return v->kind == PLAN_NUM_VALUE || v->kind == PLAN_NUM_NONE;
}

/* Sums of breakdown rows by parent, for one kind of target. */
struct child_sums {
    int64_t *sum;
    int *n;
    bool *unsummable;
};

static void
child_sums(struct arena *a, const struct plan *p, bool multi,
           struct child_sums *cs)
{
    size_t n = (size_t)p->nindicators + 1;

    cs->sum = arena_alloc(a, n * sizeof(*cs->sum));
    cs->n = arena_alloc(a, n * sizeof(*cs->n));
    cs->unsummable = arena_alloc(a, n * sizeof(*cs->unsummable));
    for (int k = 0; k < p->nindicators; k++) {
        const struct plan_indicator *c = &p->indicators[k];
        const struct plan_num *cv = multi ? &c->target_multi : &c->target_year;

        if (c->parent < 0 || c->parent >= p->nindicators) {
            continue;
        }
        if (!summable(cv)) {
            cs->unsummable[c->parent] = true;
        }
        cs->sum[c->parent] += cv->v;
        cs->n[c->parent]++;
    }
}

static void
check_breakdown(struct arena *a, struct plan *p, int parent, bool multi,
                const struct child_sums *cs)
{
    const struct plan_indicator *in = &p->indicators[parent];
    const struct plan_num *pv = multi ? &in->target_multi : &in->target_year;

    if (pv->kind != PLAN_NUM_VALUE || cs->n[parent] == 0 ||
        cs->unsummable[parent] || cs->sum[parent] == pv->v) {
        return;
    }
    CHECK(a, p, PLAN_WARNING, in->row,
          multi ? p->col.target_multi : p->col.target_year,
          "breakdown_mismatch", T_PLAN_CHECK_BREAKDOWN, in->name,
          str_thousands(a, cs->sum[parent]), str_thousands(a, pv->v));
}

static void
check_indicators(struct arena *a, struct plan *p)
{
    struct child_sums year, multi;

    child_sums(a, p, false, &year);
    child_sums(a, p, true, &multi);
    for (int i = 0; i < p->nindicators; i++) {
        const struct plan_indicator *in = &p->indicators[i];

        if (in->parent < 0) {
            check_breakdown(a, p, i, false, &year);
            check_breakdown(a, p, i, true, &multi);
        }
        if (in->target_year.kind == PLAN_NUM_VALUE &&
            in->target_multi.kind == PLAN_NUM_VALUE &&
            in->target_year.v > in->target_multi.v) {
            CHECK(a, p, PLAN_WARNING, in->row, p->col.target_year,
                  "target_above_multi", T_PLAN_CHECK_TARGET_ABOVE_MULTI,
                  str_thousands(a, in->target_year.v), in->name,
                  str_thousands(a, in->target_multi.v));
        }
    }
}

static void
check_terms(struct arena *a, struct plan *p)
{
    if (p->kind != PLAN_YEARLY || p->year == 0) {
        return;
    }
    for (int i = 0; i < p->nlines; i++) {
        const struct plan_term *t = &p->lines[i].term;

        if (t->kind != PLAN_TERM_RANGE) {
            continue;
        }
        if ((t->from_year != 0 && t->from_year != p->year) ||
            (t->to_year != 0 && t->to_year != p->year)) {
            CHECK(a, p, PLAN_WARNING, p->lines[i].row, p->col.term,
                  "term_outside_year", T_PLAN_CHECK_TERM_OUTSIDE_YEAR, t->text,
                  p->year);
        }
    }
}

static int
cmp_numbered(const void *x, const void *y)
{
    const struct numbered *a = x, *b = y;

    if (a->num != b->num) {
        return a->num < b->num ? -1 : 1;
    }
    return a->index - b->index;
}

/* Tasks numbered 1, 2, 3 ...: duplicates and gaps. */
static void
check_task_numbers(struct arena *a, struct plan *p)
{
    struct numbered *v = arena_alloc(a, (size_t)(p->ntasks + 1) * sizeof(*v));
    int n = 0;
    long prev = 0;

    for (int i = 0; i < p->ntasks; i++) {
        long num;

        if (!plain_number(p->tasks[i].number, &num)) {
            continue;
        }
        if (num > prev + 1) {
            CHECK(a, p, PLAN_WARNING, p->tasks[i].row, p->col.number,
                  "number_skipped",
                  num == prev + 2 ? T_PLAN_CHECK_NUMBER_SKIPPED
                                  : T_PLAN_CHECK_NUMBERS_SKIPPED,
                  prev + 1, prev, num);
        }
        if (num > prev) {
            prev = num;
        }
        v[n].num = num;
        v[n].index = i;
        n++;
    }
    qsort(v, (size_t)n, sizeof(*v), cmp_numbered);
    for (int i = 1; i < n; i++) {
        if (v[i].num == v[i - 1].num) {
            CHECK(a, p, PLAN_WARNING, p->tasks[v[i].index].row, p->col.number,
                  "number_duplicate", T_PLAN_CHECK_NUMBER_TWICE, v[i].num,
                  p->tasks[v[i - 1].index].row);
        }
    }
}

struct code_at {
    const char *code;
    int index;
};

static int
cmp_code(const void *x, const void *y)
{
    const struct code_at *a = x, *b = y;
    int c = strcmp(a->code, b->code);

    return c != 0 ? c : (a->index < b->index ? -1 : a->index > b->index);
}

/* Action codes "1.1", "1.2" ... under each goal: duplicates and gaps. */
static void
check_action_codes(struct arena *a, struct plan *p)
{
    struct code_at *codes;
    const char *prev_prefix = NULL;
    size_t prev_len = 0;
    long prev_last = 0;

    for (int i = 0; i < p->nactions; i++) {
        const char *c = p->actions[i].code, *dot = strrchr(c, '.');
        size_t plen = dot != NULL ? (size_t)(dot - c) : 0;
        long last;

        if (dot == NULL || !plain_number(dot + 1, &last)) {
            continue;
        }
        if (prev_prefix == NULL || plen != prev_len ||
            strncmp(c, prev_prefix, plen) != 0) {
            prev_last = 0;
        }
        if (last > prev_last + 1) {
            CHECK(a, p, PLAN_WARNING, p->actions[i].row, p->col.number,
                  "number_skipped", T_PLAN_CHECK_ACTION_SKIPPED, (int)plen, c,
                  prev_last + 1);
        }
        if (last > prev_last) {
            prev_last = last;
        }
        prev_prefix = c;
        prev_len = plen;
    }
    codes = arena_alloc(a, (size_t)(p->nactions + 1) * sizeof(*codes));
    for (int i = 0; i < p->nactions; i++) {
        codes[i].code = p->actions[i].code;
        codes[i].index = i;
    }
    qsort(codes, (size_t)p->nactions, sizeof(*codes), cmp_code);
    for (int i = 1; i < p->nactions; i++) {
        if (strcmp(codes[i].code, codes[i - 1].code) == 0) {
            /* equal codes sort by index: this one is the later of the two */
            CHECK(a, p, PLAN_WARNING, p->actions[codes[i].index].row,
                  p->col.number, "number_duplicate", T_PLAN_CHECK_ACTION_TWICE,
                  codes[i].code);
        }
    }
}

/* Goals 1, 2, 3 or A, B, C in order. */
static void
check_goal_codes(struct arena *a, struct plan *p)
{
    for (int i = 1; i < p->ngoals; i++) {
        const char *c = p->goals[i].code, *b = p->goals[i - 1].code;
        long x, y;

        if (plain_number(c, &x) && plain_number(b, &y)) {
            if (x == y) {
                CHECK(a, p, PLAN_WARNING, p->goals[i].row, NULL,
                      "number_duplicate", T_PLAN_CHECK_GOAL_NUMBER_TWICE, x);
            } else if (x > y + 1) {
                CHECK(a, p, PLAN_WARNING, p->goals[i].row, NULL,
                      "number_skipped", T_PLAN_CHECK_GOAL_NUMBER_SKIPPED,
                      y + 1);
            }
        } else if (strlen(c) == 1 && strlen(b) == 1) {
            if (c[0] == b[0]) {
                CHECK(a, p, PLAN_WARNING, p->goals[i].row, NULL,
                      "number_duplicate", T_PLAN_CHECK_GOAL_TWICE, c);
            } else if (c[0] > b[0] + 1) {
                CHECK(a, p, PLAN_WARNING, p->goals[i].row, NULL,
                      "number_skipped", T_PLAN_CHECK_GOAL_SKIPPED, b[0] + 1);
            }
        }
    }
}

void
plan_check(struct arena *a, struct plan *p)
{
    struct plan_totals t;
    int n = 0;

    for (int i = 0; i < p->nfindings; i++) {
        if (!p->findings[i].from_check) {
            p->findings[n++] = p->findings[i];
        }
    }
    p->nfindings = n;
    plan_totals_compute(p, &t);
    check_lines(a, p);
    check_declared(a, p, &t);
    check_notes(a, p);
    check_indicators(a, p);
    check_terms(a, p);
    check_goal_codes(a, p);
    check_action_codes(a, p);
    check_task_numbers(a, p);
}
