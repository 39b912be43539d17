/*
** Plan export. The plan is first laid out as a grid of typed cells (text,
** money, count, formula with its value) in the arena; the CSV writer and
** the XLSX writer then only render that grid, so both files have the same
** rows and plan_read() understands either. The layout follows the document
** tables: seed 001's (tasks are the programme's actions, numbered "1.1")
** when the plan has that shape, otherwise seed 002's (numbered tasks with
** the action in its own column). Reading the grid back is plan_read.c's
** and plan_xlsx.c's job; this file only knows which cells the reader
** expects.
*/
#include "plan_export.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "core/tmpfile.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/json.h"
#include "core/log.h"
#include "core/str.h"
#include "core/xlsx_cell.h"
#include "plan/plan_grid.h"
#include "plan/strings_pl.h"

/* Column positions of one layout; -1 when the column is absent. */
struct layout {
    bool tasks_are_actions; /* seed 001: "1.1" rows are actions and tasks */
    int num, action, desc, total, term, impl, ind, year, multi, results;
    int unit; /* -1 unless an indicator has a unit other than "%" */
    int src[PLAN_SOURCES_MAX];
    int ncols;
};

/* ---------------------------------------------------------------- */
/* The grid                                                          */

static int
grid_add_row(struct grid *g)
{
    g->row = plan_grow(g->a, g->row, g->nrows, sizeof(*g->row));
    g->row[g->nrows] =
        arena_alloc(g->a, (size_t)g->ncols * sizeof(struct gcell));
    return g->nrows++;
}

static void
put_text(struct grid *g, int r, int c, const char *s, enum gstyle st)
{
    struct gcell *x;

    if (c < 0) {
        return;
    }
    x = &g->row[r][c];
    x->kind = s != NULL && s[0] != '\0' ? G_TEXT : G_EMPTY;
    x->text = s;
    x->style = st;
}

static void
put_value(struct grid *g, int r, int c, enum gkind k, int64_t v, enum gstyle st)
{
    struct gcell *x = &g->row[r][c];

    x->kind = k;
    x->v = v;
    x->style = st;
}

/* Excel's name of column c (0-based): A..Z, AA.. */
static const char *
col_name(struct arena *a, int c)
{
    char s[8];
    int n = 0;

    c++;
    while (c > 0 && n < 7) {
        int m = (c - 1) % 26;

        memmove(s + 1, s, (size_t)n);
        s[0] = (char)('A' + m);
        n++;
        c = (c - 1) / 26;
    }
    return arena_strndup(a, s, (size_t)n);
}

/* A number cell (money or count) as written in the document. */
static void
put_num(struct grid *g, int r, int c, const struct plan_num *n, bool money,
        const char *unit, enum gstyle st)
{
    if (c < 0) {
        return;
    }
    switch (n->kind) {
    case PLAN_NUM_EMPTY:
        put_text(g, r, c, NULL, st);
        break;
    case PLAN_NUM_NONE:
        put_text(g, r, c, "-", st);
        break;
    case PLAN_NUM_NOT_PLANNED:
        put_text(g, r, c, "x", st);
        break;
    case PLAN_NUM_ONGOING:
        put_text(g, r, c, T_PLAN_ONGOING, st);
        break;
    case PLAN_NUM_VALUE:
        if (!money && unit != NULL && strcmp(unit, "%") == 0) {
            put_text(g, r, c,
                     arena_printf(g->a, "%s %%", str_thousands(g->a, n->v)),
                     st);
        } else {
            put_value(g, r, c, money ? G_MONEY : G_COUNT, n->v,
                      money ? S_MONEY : S_COUNT);
        }
        break;
    case PLAN_NUM_BAD:
        put_text(g, r, c, n->text, st);
        break;
    }
}

/* ---------------------------------------------------------------- */
/* Choosing the layout                                               */

static bool
same_text(const char *x, const char *y)
{
    return strcmp(x != NULL ? x : "", y != NULL ? y : "") == 0;
}

/* "1.1", "3.12": two or more levels of digits, as the reader wants. */
static bool
is_sub_code(const char *s)
{
    bool dot = false, digit = false;

    if (s == NULL || !(s[0] >= '0' && s[0] <= '9')) {
        return false;
    }
    for (; *s != '\0'; s++) {
        if (*s == '.') {
            if (!digit) {
                return false;
            }
            dot = true;
            digit = false;
        } else if (*s >= '0' && *s <= '9') {
            digit = true;
        } else {
            return false;
        }
    }
    return dot && digit;
}

/*
** first_ind[t]: the first indicator of task t or -1, next_ind[i]: the next
** indicator of the same task; a pass over the indicators, not one per task.
*/
static void
index_indicators(struct arena *a, const struct plan *p, int **first, int **next)
{
    int *last = arena_alloc(a, (size_t)(p->ntasks + 1) * sizeof(int));

    *first = arena_alloc(a, (size_t)(p->ntasks + 1) * sizeof(int));
    *next = arena_alloc(a, (size_t)(p->nindicators + 1) * sizeof(int));
    for (int t = 0; t < p->ntasks; t++) {
        (*first)[t] = last[t] = -1;
    }
    for (int i = 0; i < p->nindicators; i++) {
        int t = p->indicators[i].task;

        (*next)[i] = -1;
        if (t < 0 || t >= p->ntasks) {
            continue;
        }
        if ((*first)[t] < 0) {
            (*first)[t] = i;
        } else {
            (*next)[last[t]] = i;
        }
        last[t] = i;
    }
}

/*
** Seed 001's layout fits when every task is its action (same code and
** text, one task each, in the actions' order) and the row of the action
** shows something that makes the reader see a task there.
*/
static bool
tasks_are_actions(const struct plan *p, const int *first_ind)
{
    int prev = -1;

    if (p->nactions == 0) {
        return false;
    }
    for (int i = 0; i < p->nactions; i++) {
        if (!is_sub_code(p->actions[i].code)) {
            return false;
        }
    }
    for (int t = 0; t < p->ntasks; t++) {
        const struct plan_task *k = &p->tasks[t];
        int f = first_ind[t];

        if (k->action <= prev || k->action >= p->nactions ||
            !same_text(k->number, p->actions[k->action].code) ||
            !same_text(k->description, p->actions[k->action].title)) {
            return false;
        }
        prev = k->action;
        if (k->nlines == 0 &&
            (f < 0 || p->indicators[f].results_text != NULL ||
             p->indicators[f].parent >= 0 || p->indicators[f].name == NULL ||
             p->indicators[f].name[0] == '\0')) {
            return false;
        }
    }
    return true;
}

static void
choose_layout(const struct plan *p, const int *first_ind, struct layout *L)
{
    bool used[PLAN_SOURCES_MAX] = {false}, results = false, units = false;
    int c = 0;

    memset(L, 0, sizeof(*L));
    L->tasks_are_actions = tasks_are_actions(p, first_ind);
    for (int i = 0; i < p->nlines; i++) {
        for (int k = 0; k < p->lines[i].namounts; k++) {
            int s = p->lines[i].amounts[k].source;

            if (s >= 0 && s < PLAN_SOURCES_MAX) {
                used[s] = true;
            }
        }
    }
    for (int i = 0; i < p->nindicators; i++) {
        results |=
            p->indicators[i].results_text != NULL && p->indicators[i].task >= 0;
        units |= p->indicators[i].unit != NULL &&
                 strcmp(p->indicators[i].unit, "%") != 0 &&
                 p->indicators[i].results_text == NULL;
    }
    L->num = c++;
    L->action = L->tasks_are_actions ? -1 : c++;
    L->desc = c++;
    L->total = c++;
    for (int s = 0; s < PLAN_SOURCES_MAX; s++) {
        L->src[s] = s < p->nsources && used[s] ? c++ : -1;
    }
    L->term = c++;
    L->impl = c++;
    L->ind = c++;
    L->unit = units ? c++ : -1;
    L->year = c++;
    L->multi = c++;
    L->results = results ? c++ : -1;
    L->ncols = c;
}

/* Whether the programme needs a line of its own (its title does not say). */
static bool
programme_line(const struct plan *p)
{
    return p->programme_title != NULL && *p->programme_title != '\0' &&
           (p->title == NULL || strstr(p->title, p->programme_title) == NULL);
}

/* Header text of a source column, one the reader maps back to it. */
static const char *
source_header(const struct plan *p, int s)
{
    const char *code = p->sources[s].code;

    if (strcmp(code, "own") == 0) {
        return V_PLAN_COL_OWN;
    }
    if (strcmp(code, "subsidy") == 0) {
        return V_PLAN_COL_SUBSIDY;
    }
    if (strcmp(code, "eu") == 0) {
        return V_PLAN_COL_EU;
    }
    if (strcmp(code, "other") == 0) {
        return V_PLAN_COL_OTHER;
    }
    return p->sources[s].name;
}

/* ---------------------------------------------------------------- */
/* Building the grid                                                 */

static void
merge(struct grid *g, int r1, int c1, int r2, int c2)
{
    if (g->nmerges < 16 && (r1 != r2 || c1 != c2)) {
        g->merge[g->nmerges][0] = r1;
        g->merge[g->nmerges][1] = c1;
        g->merge[g->nmerges][2] = r2;
        g->merge[g->nmerges][3] = c2;
        g->nmerges++;
    }
}

static void
header(struct grid *g, const struct plan *p, const struct layout *L)
{
    int h1 = grid_add_row(g), h2 = grid_add_row(g), last_src = L->total;
    const char *multi;

    for (int c = 0; c < L->ncols; c++) {
        put_text(g, h1, c, NULL, S_HEAD);
        put_text(g, h2, c, NULL, S_HEAD);
    }
    put_text(g, h1, L->num, V_PLAN_COL_NUMBER, S_HEAD);
    merge(g, h1, L->num, h2, L->num);
    if (L->action >= 0) {
        put_text(g, h1, L->action, V_PLAN_COL_PROGRAMME_ACTION, S_HEAD);
        merge(g, h1, L->action, h2, L->action);
    }
    put_text(g, h1, L->desc, V_PLAN_COL_ACTION, S_HEAD);
    merge(g, h1, L->desc, h2, L->desc);
    put_text(g, h1, L->total, V_PLAN_COL_VALUE, S_HEAD);
    put_text(g, h2, L->total, V_PLAN_COL_TOTAL, S_HEAD);
    for (int s = 0; s < PLAN_SOURCES_MAX; s++) {
        if (L->src[s] >= 0) {
            put_text(g, h2, L->src[s], source_header(p, s), S_HEAD);
            last_src = L->src[s];
        }
    }
    merge(g, h1, L->total, h1, last_src);
    put_text(g, h1, L->term, V_PLAN_COL_TERM, S_HEAD);
    merge(g, h1, L->term, h2, L->term);
    put_text(g, h1, L->impl, V_PLAN_COL_IMPLEMENTERS, S_HEAD);
    merge(g, h1, L->impl, h2, L->impl);
    put_text(g, h1, L->ind, V_PLAN_COL_INDICATORS, S_HEAD);
    merge(g, h1, L->ind, h1, L->multi);
    put_text(g, h2, L->ind, V_PLAN_COL_INDICATOR, S_HEAD);
    if (L->unit >= 0) {
        put_text(g, h2, L->unit, V_PLAN_COL_UNIT, S_HEAD);
    }
    put_text(g, h2, L->year,
             p->year > 0 ? arena_printf(g->a, "Plan %d", p->year)
                         : V_PLAN_COL_TARGET_YEAR,
             S_HEAD);
    /* "Plan wieloletni" alone reads as a yearly target: see the header */
    multi = p->programme_from > 0 && p->programme_to > p->programme_from
                ? arena_printf(g->a, "Plan %d–%d", p->programme_from,
                               p->programme_to)
                : V_PLAN_COL_TARGET_MULTI;
    put_text(g, h2, L->multi, multi, S_HEAD);
    if (L->results >= 0) {
        put_text(g, h1, L->results,
                 p->year > 0
                     ? arena_printf(g->a, V_PLAN_COL_RESULTS " %d r.", p->year)
                     : V_PLAN_COL_RESULTS,
                 S_HEAD);
        merge(g, h1, L->results, h2, L->results);
    }
}

static void
goal_row(struct grid *g, const struct plan *p, const struct layout *L, int goal)
{
    int r = grid_add_row(g);
    const struct plan_goal *go = &p->goals[goal];

    for (int c = 0; c < L->ncols; c++) {
        put_text(g, r, c, NULL, S_GOAL);
    }
    put_text(g, r, L->desc,
             arena_printf(g->a, "Cel %s. %s", go->code ? go->code : "",
                          go->title ? go->title : ""),
             S_GOAL);
}

/* Is the line's total the sum of its amounts (so a formula may show it)? */
static bool
total_is_sum(const struct plan_line *l)
{
    int64_t v = 0;

    if (l->total.kind != PLAN_NUM_VALUE || l->namounts == 0) {
        return false;
    }
    for (int k = 0; k < l->namounts; k++) {
        const struct plan_num *n = &l->amounts[k].amount;

        if (n->kind == PLAN_NUM_BAD) {
            return false;
        }
        v += n->kind == PLAN_NUM_VALUE ? n->v : 0;
    }
    return v == l->total.v;
}

static void
line_cells(struct grid *g, const struct plan *p, const struct layout *L, int r,
           const struct plan_line *l)
{
    int lo = -1, hi = -1;

    put_text(g, r, L->term, l->term.text, S_TEXT);
    if (l->implementers_as_above) {
        put_text(g, r, L->impl, "j.w.", S_TEXT);
    } else {
        /* "-", not blank: a blank would take the row above's implementers */
        put_text(g, r, L->impl, l->implementers != NULL ? l->implementers : "-",
                 S_TEXT);
    }
    put_num(g, r, L->total, &l->total, true, NULL, S_MONEY);
    for (int k = 0; k < l->namounts; k++) {
        int s = l->amounts[k].source;

        if (s >= 0 && s < PLAN_SOURCES_MAX && L->src[s] >= 0) {
            put_num(g, r, L->src[s], &l->amounts[k].amount, true, NULL,
                    S_MONEY);
        }
    }
    for (int s = 0; s < PLAN_SOURCES_MAX; s++) {
        if (L->src[s] >= 0) {
            lo = lo < 0 ? L->src[s] : lo;
            hi = L->src[s];
        }
    }
    if (lo >= 0 && total_is_sum(l)) {
        g->row[r][L->total].kind = G_FORMULA;
        g->row[r][L->total].text =
            arena_printf(g->a, "=SUM(%s%d:%s%d)", col_name(g->a, lo), r + 1,
                         col_name(g->a, hi), r + 1);
    }
}

static void
indicator_cells(struct grid *g, const struct plan *p, const struct layout *L,
                int r, const struct plan_indicator *in)
{
    const char *name = in->name != NULL ? in->name : "";

    if (in->footnote != NULL) {
        name = arena_printf(g->a, "%s%s", name, in->footnote);
    }
    if (in->parent >= 0) {
        put_text(g, r, L->ind, arena_printf(g->a, "· %s", name), S_BREAKDOWN);
    } else {
        put_text(g, r, L->ind, name, S_TEXT);
    }
    if (L->unit >= 0 && in->unit != NULL && strcmp(in->unit, "%") != 0) {
        put_text(g, r, L->unit, in->unit, S_TEXT);
    }
    put_num(g, r, L->year, &in->target_year, false, in->unit, S_COUNT);
    put_num(g, r, L->multi, &in->target_multi, false, in->unit, S_COUNT);
}

/*
** A task's rows: row k holds its line k and its indicator item k, where an
** item is one indicator or the group of targets read from one free-text
** result (written back as that text, so it splits the same way).
*/
static void
task_rows(struct grid *g, const struct plan *p, const struct layout *L, int t,
          const int *first_ind, const int *next_ind, bool write_action)
{
    const struct plan_task *k = &p->tasks[t];
    int r0 = grid_add_row(g), row = r0, nl = 0;
    int i = first_ind[t];

    for (int c = 0; c < L->ncols; c++) {
        put_text(g, r0, c, NULL, S_TEXT);
    }
    if (L->tasks_are_actions) {
        put_text(g, r0, L->num, k->number, S_NUMBER);
    } else {
        /* "1" is written "1." as in the documents; both read as "1" */
        put_text(g, r0, L->num,
                 strchr(k->number, '.') == NULL
                     ? arena_printf(g->a, "%s.", k->number)
                     : k->number,
                 S_NUMBER);
        if (write_action && k->action >= 0) {
            const struct plan_action *ac = &p->actions[k->action];

            put_text(g, r0, L->action,
                     arena_printf(g->a, "%s. %s", ac->code,
                                  ac->title != NULL ? ac->title : ""),
                     S_TEXT);
        }
    }
    put_text(g, r0, L->desc, k->description, S_TEXT);
    for (;;) {
        bool any = false;

        if (nl < k->nlines) {
            line_cells(g, p, L, row, &p->lines[k->first_line + nl]);
            nl++;
            any = true;
        }
        if (i >= 0) {
            const struct plan_indicator *in = &p->indicators[i];

            if (in->results_text != NULL && L->results >= 0 && in->parent < 0) {
                put_text(g, row, L->results, in->results_text, S_TEXT);
                /* the rest of the group came from the same cell */
                while (next_ind[i] >= 0 &&
                       p->indicators[next_ind[i]].results_text != NULL &&
                       p->indicators[next_ind[i]].row == in->row &&
                       strcmp(p->indicators[next_ind[i]].results_text,
                              in->results_text) == 0) {
                    i = next_ind[i];
                }
            } else {
                indicator_cells(g, p, L, row, in);
            }
            i = next_ind[i];
            any = true;
        }
        if (nl >= k->nlines && i < 0) {
            break;
        }
        if (any) {
            row = grid_add_row(g);
            for (int c = 0; c < L->ncols; c++) {
                put_text(g, row, c, NULL, S_TEXT);
            }
        }
    }
}

/* An action of seed 001's layout without a task: code and title only. */
static void
action_row(struct grid *g, const struct layout *L, const struct plan_action *ac)
{
    int r = grid_add_row(g);

    for (int c = 0; c < L->ncols; c++) {
        put_text(g, r, c, NULL, S_TEXT);
    }
    put_text(g, r, L->num, ac->code, S_NUMBER);
    put_text(g, r, L->desc, ac->title, S_TEXT);
}

static void
body_tasks_are_actions(struct grid *g, const struct plan *p,
                       const struct layout *L, const int *first_ind,
                       const int *next_ind)
{
    int *task_of = arena_alloc(g->a, (size_t)(p->nactions + 1) * sizeof(int));

    for (int i = 0; i < p->nactions; i++) {
        task_of[i] = -1;
    }
    for (int t = 0; t < p->ntasks; t++) {
        task_of[p->tasks[t].action] = t;
    }
    for (int go = -1; go < p->ngoals; go++) {
        if (go >= 0) {
            goal_row(g, p, L, go);
        }
        for (int i = 0; i < p->nactions; i++) {
            if (p->actions[i].goal != go &&
                !(go < 0 && (p->actions[i].goal < -1 ||
                             p->actions[i].goal >= p->ngoals))) {
                continue;
            }
            if (task_of[i] >= 0) {
                task_rows(g, p, L, task_of[i], first_ind, next_ind, false);
            } else {
                action_row(g, L, &p->actions[i]);
            }
        }
    }
}

static void
body_tasks(struct grid *g, const struct plan *p, const struct layout *L,
           const int *first_ind, const int *next_ind)
{
    for (int go = -1; go < p->ngoals; go++) {
        int cur_action = -1;

        if (go >= 0) {
            goal_row(g, p, L, go);
        }
        for (int t = 0; t < p->ntasks; t++) {
            int tg = p->tasks[t].goal;

            if (tg != go && !(go < 0 && (tg < -1 || tg >= p->ngoals))) {
                continue;
            }
            task_rows(g, p, L, t, first_ind, next_ind,
                      p->tasks[t].action != cur_action);
            cur_action = p->tasks[t].action;
        }
    }
}

/* The source a label gets when the reader meets it under the total row,
** -2 when none. */
static int
label_source(struct arena *a, const char *label)
{
    if (label[0] >= '0' && label[0] <= '9') {
        return -2; /* "1. Pozycje w wierszach ..." is a funding note */
    }
    return plan_summary_source(a, label);
}

/*
** The funding notes under the total row, as the document has them: the
** note's text ("1. Pozycje w wierszach: 2-5 ... na łączną kwotę") and its
** amount, its items ("• Grant ...") below it; then the other text kept
** from there. The reader gives the lines their sources from them again.
*/
static void
note_rows(struct grid *g, const struct plan *p, const struct layout *L)
{
    for (int i = 0; i < p->nnotes; i++) {
        const struct plan_note *n = &p->notes[i];
        int r = grid_add_row(g);

        for (int c = 0; c < L->ncols; c++) {
            put_text(g, r, c, NULL, S_PLAIN);
        }
        put_text(g, r, 0,
                 n->parent >= 0
                     ? arena_printf(g->a, "%s %s", n->label ? n->label : "•",
                                    n->text ? n->text : "")
                     : n->text,
                 S_PLAIN);
        if (n->amount.kind == PLAN_NUM_VALUE) {
            put_value(g, r, L->total, G_MONEY, n->amount.v, S_PLAIN_MONEY);
        }
    }
    for (int i = 0; i < p->ntexts && p->kind == PLAN_YEARLY; i++) {
        int r = grid_add_row(g);

        for (int c = 0; c < L->ncols; c++) {
            put_text(g, r, c, NULL, S_PLAIN);
        }
        put_text(g, r, 0, p->texts[i].text, S_PLAIN);
    }
}

/*
** The total row (formulas over the table) and below it every total the
** document declared that the total row does not restate, so that checking
** the exported file finds what checking the document found.
*/
static void
totals_rows(struct grid *g, const struct plan *p, const struct layout *L,
            int first, int last)
{
    struct plan_totals t;
    int64_t parts = 0;
    int r, drow = -1;
    bool same = true, *kept;
    const char *label = "Razem";

    plan_totals_compute(p, &t);
    for (int s = 0; s < p->nsources && s < PLAN_SOURCES_MAX; s++) {
        parts += t.by_source[s];
    }
    /* the document's total row, when the figures on it are the sums */
    if (p->ndeclared > 0) {
        drow = p->declared[0].row;
        for (int i = 0; i < p->ndeclared; i++) {
            const struct plan_total *d = &p->declared[i];

            if (d->row == drow &&
                d->grosze !=
                    (d->source < 0 ? t.total : t.by_source[d->source])) {
                same = false;
            }
        }
        if (same && p->declared[0].label != NULL &&
            plan_is_total_label(g->a, p->declared[0].label)) {
            label = p->declared[0].label;
        } else {
            drow = -1;
        }
    }
    if (p->nlines == 0 && p->kind != PLAN_YEARLY) {
        drow = -1; /* a project card or goals: no budget table to sum */
        goto declared;
    }
    r = grid_add_row(g);
    for (int c = 0; c < L->ncols; c++) {
        put_text(g, r, c, NULL, S_TOTAL_LABEL);
    }
    put_text(g, r, L->desc, label, S_TOTAL_LABEL);
    if (last < first) {
        last = first;
    }
    g->row[r][L->total] = (struct gcell){
        G_FORMULA, S_TOTAL_MONEY,
        arena_printf(g->a, "=SUM(%s%d:%s%d)", col_name(g->a, L->total),
                     first + 1, col_name(g->a, L->total), last + 1),
        t.total};
    /* by source only when they add up to the total (else a finding) */
    for (int s = 0; s < PLAN_SOURCES_MAX && parts == t.total; s++) {
        if (L->src[s] >= 0) {
            const char *cn = col_name(g->a, L->src[s]);

            g->row[r][L->src[s]] =
                (struct gcell){G_FORMULA, S_TOTAL_MONEY,
                               arena_printf(g->a, "=SUM(%s%d:%s%d)", cn,
                                            first + 1, cn, last + 1),
                               t.by_source[s]};
        }
    }
    note_rows(g, p, L);
declared:
    kept = arena_alloc(g->a, (size_t)(p->ndeclared + 1) * sizeof(bool));
    for (int i = 0; i < p->ndeclared; i++) {
        const struct plan_total *d = &p->declared[i];

        kept[i] =
            d->row == drow &&
            (d->source < 0 || (L->src[d->source] >= 0 && parts == t.total));
    }
    for (int i = 0; i < p->ndeclared; i++) {
        const struct plan_total *d = &p->declared[i];
        const char *lab = d->label != NULL ? d->label : "";
        int rr;

        if (kept[i]) {
            continue;
        }
        rr = grid_add_row(g);
        for (int c = 0; c < L->ncols; c++) {
            put_text(g, rr, c, NULL, S_PLAIN);
        }
        put_value(g, rr, L->total, G_MONEY, d->grosze, S_PLAIN_MONEY);
        if (d->source < 0 && strcmp(lab, "Suma kwot w uwagach") == 0) {
            continue; /* a figure alone under the notes reads as this */
        }
        if (p->kind == PLAN_YEARLY && label_source(g->a, lab) != d->source) {
            const char *prefix = T_PLAN_SUM_ALL;

            if (d->source >= 0) {
                const char *code = p->sources[d->source].code;

                prefix = strcmp(code, "own") == 0       ? T_PLAN_SUM_OWN
                         : strcmp(code, "subsidy") == 0 ? T_PLAN_SUM_SUBSIDY
                         : strcmp(code, "eu") == 0      ? T_PLAN_SUM_EU
                                                        : T_PLAN_SUM_OTHER;
            }
            lab = lab[0] != '\0' ? arena_printf(g->a, "%s – %s", prefix, lab)
                                 : prefix;
        }
        put_text(g, rr, L->desc, lab, S_PLAIN);
    }
}

static void
footnote_rows(struct grid *g, const struct plan *p, const struct layout *L)
{
    for (int i = 0; i < p->nfootnotes; i++) {
        const struct plan_footnote *f = &p->footnotes[i];
        int r = grid_add_row(g);

        for (int c = 0; c < L->ncols; c++) {
            put_text(g, r, c, NULL, S_PLAIN);
        }
        put_text(g, r, 0,
                 arena_printf(g->a, "%s %s", f->mark ? f->mark : "*",
                              f->text ? f->text : ""),
                 S_PLAIN);
    }
}

/* ---------------------------------------------------------------- */
/* A project card: its lines, as the document has them                */

/* One line of the document at its source row: what it shows. */
struct doc_item {
    int row, order;
    char kind; /* 'g' goal, 't' task, 'x' text, 'i' result, 'd' total */
    int index;
};

static int
doc_item_cmp(const void *x, const void *y)
{
    const struct doc_item *a = x, *b = y;

    if (a->row != b->row) {
        return a->row < b->row ? -1 : 1;
    }
    return a->order < b->order ? -1 : a->order > b->order;
}

static void
doc_line(struct grid *g, const char *text)
{
    int r = grid_add_row(g);

    put_text(g, r, 0, text, S_PLAIN);
}

/* "2023-11-01" as "01.11.2023"; NULL when it is not an ISO date. */
static const char *
dotted_date(struct arena *a, const char *iso)
{
    if (iso == NULL || strlen(iso) != 10 || iso[4] != '-' || iso[7] != '-') {
        return NULL;
    }
    return arena_printf(a, "%.2s.%.2s.%.4s", iso + 8, iso + 5, iso);
}

/* "Okres realizacji: 01.01.2025 – 31.12.2025" of a plan, or NULL. */
static const char *
period_line(struct arena *a, const struct plan *p)
{
    const char *from = dotted_date(a, p->period_from);
    const char *to = dotted_date(a, p->period_to);

    return from != NULL && to != NULL
               ? arena_printf(a, T_PLAN_PERIOD_LINE, from, to)
               : NULL;
}

/*
** The section of the card a text belongs to, by its heading: 'T' tasks,
** 'G' target groups, 'C' the goal, 0 none.
*/
static char
text_section(const struct plan *p, const struct plan_text *t)
{
    const char *h = t->heading != NULL ? t->heading : "";

    if (strcmp(h, V_PLAN_PROJECT_GROUPS_HEAD) == 0) {
        return 'G';
    }
    if (strcmp(h, V_PLAN_PROJECT_GOAL_HEAD) == 0) {
        return 'C';
    }
    if (strcmp(h, T_PLAN_PROJECT_TASKS) == 0) {
        return 'T';
    }
    for (int i = 0; i < p->ntasks; i++) {
        if (p->tasks[i].description != NULL &&
            strcmp(h, p->tasks[i].description) == 0) {
            return 'T';
        }
    }
    return 0;
}

/*
** A project card (seed 004) written as its lines in their order: the
** title under its heading, each section's heading before its first line,
** tasks numbered, the section's texts as list items, the goal, the
** results as written, the period, the total and the EU co-financing as
** "label: value" lines, the other text as it was. plan_read_project.c
** reads them back into the same plan.
*/
static void
project_lines(struct grid *g, const struct plan *p)
{
    int n = p->ngoals + p->ntasks + p->ntexts + p->nindicators + p->ndeclared;
    struct doc_item *it = arena_alloc(g->a, (size_t)(n + 1) * sizeof(*it));
    const char *from = dotted_date(g->a, p->period_from);
    const char *to = dotted_date(g->a, p->period_to);
    int k = 0, last_result_row = -1, first_total = -1;
    char sec = 0;

    g->ncols = 1;
#define ITEM(k_, n_, rows_)                                                    \
    for (int i = 0; i < (n_); i++) {                                           \
        it[k] = (struct doc_item){(rows_)[i].row, k, (k_), i};                 \
        k++;                                                                   \
    }
    ITEM('g', p->ngoals, p->goals)
    ITEM('t', p->ntasks, p->tasks)
    ITEM('x', p->ntexts, p->texts)
    ITEM('i', p->nindicators, p->indicators)
    ITEM('d', p->ndeclared, p->declared)
#undef ITEM
    qsort(it, (size_t)k, sizeof(*it), doc_item_cmp);
    doc_line(g, T_PLAN_PROJECT_TITLE_HEAD);
    doc_line(g, p->title);
    for (int j = 0; j < k; j++) {
        const struct doc_item *d = &it[j];
        char want = d->kind == 't'   ? 'T'
                    : d->kind == 'g' ? 'C'
                    : d->kind == 'i' ? 'R'
                    : d->kind == 'x' ? text_section(p, &p->texts[d->index])
                                     : 0;

        if (want != sec && want != 0) {
            doc_line(g, want == 'T'   ? T_PLAN_PROJECT_TASKS_HEAD
                        : want == 'G' ? T_PLAN_PROJECT_GROUPS_LINE
                        : want == 'C' ? T_PLAN_PROJECT_GOAL_LINE
                                      : T_PLAN_PROJECT_RESULTS_HEAD);
        }
        if (d->kind == 'd' && first_total < 0) {
            first_total = j;
            if (from != NULL && to != NULL) {
                doc_line(g, arena_printf(g->a, T_PLAN_PROJECT_PERIOD_LINE, from,
                                         to));
            }
        }
        sec = d->kind == 'd' ? 0 : want != 0 ? want : sec;
        switch (d->kind) {
        case 'g':
            doc_line(g, p->goals[d->index].title);
            break;
        case 't':
            doc_line(g, arena_printf(g->a, "%s. %s", p->tasks[d->index].number,
                                     p->tasks[d->index].description));
            break;
        case 'x':
            doc_line(g, want == 'T' || want == 'G'
                            ? arena_printf(g->a, "\xE2\x80\xA2 %s",
                                           p->texts[d->index].text)
                            : p->texts[d->index].text);
            break;
        case 'i':
            /* a results line gives all its targets: written once */
            if (p->indicators[d->index].results_text != NULL &&
                p->indicators[d->index].row != last_result_row) {
                last_result_row = p->indicators[d->index].row;
                doc_line(g, p->indicators[d->index].results_text);
            }
            break;
        case 'd':
            doc_line(
                g, arena_printf(g->a, T_PLAN_PROJECT_MONEY_LINE,
                                p->declared[d->index].label,
                                str_money(g->a, p->declared[d->index].grosze)));
            break;
        }
    }
}

/*
** A programme's goals (seed 003) written as its lines: the region, the
** title in capitals, the kept texts under their headings ("Heading:" and
** list items), the programme's name and years before its goals, each
** goal as "• Cel nadrzędny: A. title". plan_read_programme.c reads them
** back into the same plan.
*/
static void
programme_lines(struct grid *g, const struct plan *p)
{
    const char *heading = "";
    int t = 0, goal_row = p->ngoals > 0 ? p->goals[0].row : 0;
    bool programme = false;

    g->ncols = 1;
    if (p->region != NULL) {
        doc_line(g, T_PLAN_REGION_LINE);
        doc_line(g, p->region);
    }
    if (p->title != NULL) {
        doc_line(g, p->title);
    }
    for (int i = 0; i <= p->ngoals; i++) {
        /* the texts before this goal (all that are left after the last) */
        for (; t < p->ntexts &&
               (i == p->ngoals || p->texts[t].row < p->goals[i].row);
             t++) {
            const struct plan_text *x = &p->texts[t];

            if (x->heading != NULL && strcmp(x->heading, heading) != 0) {
                heading = x->heading;
                doc_line(g, arena_printf(g->a, "%s:", heading));
            }
            doc_line(g, arena_printf(g->a, "\xE2\x80\xA2 %s", x->text));
        }
        if (i == p->ngoals) {
            break;
        }
        if (!programme && p->programme_title != NULL &&
            p->goals[i].row >= goal_row) {
            programme = true;
            heading = p->programme_title;
            doc_line(g, p->programme_title);
        }
        doc_line(g, arena_printf(g->a, T_PLAN_GOAL_MAIN_LINE, p->goals[i].code,
                                 p->goals[i].title));
    }
}

void
plan_export_grid(struct arena *a, const struct plan *p, struct grid *g)
{
    struct layout L;
    int *first_ind, *next_ind, r, first;

    if (p->kind == PLAN_PROJECT || p->kind == PLAN_PROGRAMME) {
        memset(g, 0, sizeof(*g));
        g->a = a;
        if (p->kind == PLAN_PROJECT) {
            project_lines(g, p);
        } else {
            programme_lines(g, p);
        }
        g->width[0] = 120;
        return;
    }

    index_indicators(a, p, &first_ind, &next_ind);
    choose_layout(p, first_ind, &L);
    memset(g, 0, sizeof(*g));
    g->a = a;
    g->ncols = L.ncols;
    r = grid_add_row(g);
    put_text(g, r, 0, p->title != NULL ? p->title : "Plan", S_TITLE);
    if (p->resolution != NULL) {
        r = grid_add_row(g);
        put_text(g, r, 0, p->resolution, S_PLAIN);
    }
    if (programme_line(p)) {
        /* a plan made in forms: its programme read back from this line */
        r = grid_add_row(g);
        put_text(g, r, 0,
                 p->programme_from > 0
                     ? arena_printf(g->a, T_PLAN_PROGRAMME_YEARS,
                                    p->programme_title, p->programme_from,
                                    p->programme_to)
                     : arena_printf(g->a, T_PLAN_PROGRAMME_NAMED,
                                    p->programme_title),
                 S_PLAIN);
    }
    if (period_line(a, p) != NULL) {
        r = grid_add_row(g);
        put_text(g, r, 0, period_line(a, p), S_PLAIN);
    }
    grid_add_row(g);
    header(g, p, &L);
    first = g->nrows;
    if (L.tasks_are_actions) {
        body_tasks_are_actions(g, p, &L, first_ind, next_ind);
    } else {
        body_tasks(g, p, &L, first_ind, next_ind);
    }
    for (int i = 0; i < p->nindicators; i++) {
        /* results of a project card belong to no task: listed after them */
        if (p->indicators[i].task < 0) {
            r = grid_add_row(g);
            for (int c = 0; c < L.ncols; c++) {
                put_text(g, r, c, NULL, S_TEXT);
            }
            indicator_cells(g, p, &L, r, &p->indicators[i]);
        }
    }
    totals_rows(g, p, &L, first, g->nrows - 1);
    footnote_rows(g, p, &L);
    for (int c = 0; c < L.ncols && c < 32; c++) {
        g->width[c] = 14;
    }
    g->width[L.num] = 6;
    g->width[L.desc] = 48;
    if (L.action >= 0) {
        g->width[L.action] = 40;
    }
    g->width[L.term] = 16;
    g->width[L.impl] = 30;
    g->width[L.ind] = 40;
    g->width[L.year] = 11;
    g->width[L.multi] = 11;
    if (L.results >= 0) {
        g->width[L.results] = 40;
    }
}

/* ---------------------------------------------------------------- */
/* CSV                                                               */

int
plan_export_csv(struct arena *a, const struct plan *p, struct buf *out)
{
    struct grid g;
    struct csv c;

    plan_export_grid(a, p, &g);
    csv_begin(&c, out, ';', CSV_BOM | CSV_QUOTE_SPACES);
    for (int r = 0; r < g.nrows; r++) {
        for (int col = 0; col < g.ncols; col++) {
            const struct gcell *x = &g.row[r][col];

            switch (x->kind) {
            case G_TEXT:
                csv_text(&c, x->text);
                break;
            case G_MONEY:
            case G_FORMULA:
                csv_num(&c, str_money(a, x->v));
                break;
            case G_COUNT:
                csv_num(&c, str_thousands(a, x->v));
                break;
            case G_EMPTY:
                csv_text(&c, "");
                break;
            }
        }
        csv_row_end(&c);
    }
    return 0;
}

/* ---------------------------------------------------------------- */
/* XLSX                                                              */

static void
xlsx_formats(lxw_workbook *wb, lxw_format **f)
{
    for (int i = 0; i < S_COUNT_STYLES; i++) {
        f[i] = workbook_add_format(wb);
        format_set_font_name(f[i], "Arial");
        format_set_font_size(f[i], 9);
        format_set_align(f[i], LXW_ALIGN_VERTICAL_TOP);
        if (i != S_TITLE && i != S_PLAIN && i != S_PLAIN_MONEY) {
            format_set_border(f[i], LXW_BORDER_THIN);
        }
        if (i != S_TITLE) {
            format_set_text_wrap(f[i]);
        }
    }
    format_set_bold(f[S_TITLE]);
    format_set_font_size(f[S_TITLE], 12);
    format_set_bold(f[S_HEAD]);
    format_set_align(f[S_HEAD], LXW_ALIGN_CENTER);
    format_set_align(f[S_HEAD], LXW_ALIGN_VERTICAL_CENTER);
    format_set_bg_color(f[S_HEAD], 0xD9E1F2);
    format_set_bold(f[S_GOAL]);
    format_set_bg_color(f[S_GOAL], 0xEDEDED);
    format_set_align(f[S_NUMBER], LXW_ALIGN_CENTER);
    format_set_num_format(f[S_MONEY], "#,##0.00");
    format_set_align(f[S_MONEY], LXW_ALIGN_RIGHT);
    format_set_num_format(f[S_COUNT], "#,##0");
    format_set_align(f[S_COUNT], LXW_ALIGN_RIGHT);
    format_set_italic(f[S_BREAKDOWN]);
    format_set_indent(f[S_BREAKDOWN], 1);
    format_set_bold(f[S_TOTAL_LABEL]);
    format_set_bg_color(f[S_TOTAL_LABEL], 0xEDEDED);
    format_set_bold(f[S_TOTAL_MONEY]);
    format_set_bg_color(f[S_TOTAL_MONEY], 0xEDEDED);
    format_set_num_format(f[S_TOTAL_MONEY], "#,##0.00");
    format_set_num_format(f[S_PLAIN_MONEY], "#,##0.00");
}

static double
zl(int64_t grosze)
{
    return (double)grosze / 100.0;
}

/* The first sheet: the grid. Returns the first libxlsxwriter error. */
static lxw_error
xlsx_sheet(lxw_worksheet *ws, const struct grid *g, lxw_format **f)
{
    lxw_error e = LXW_NO_ERROR;

#define TRY(call)                                                              \
    do {                                                                       \
        lxw_error e_ = (call);                                                 \
        if (e_ != LXW_NO_ERROR && e == LXW_NO_ERROR) {                         \
            e = e_;                                                            \
        }                                                                      \
    } while (0)
    for (int c = 0; c < g->ncols && c < 32; c++) {
        TRY(worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, g->width[c],
                                 NULL));
    }
    for (int r = 0; r < g->nrows; r++) {
        for (int c = 0; c < g->ncols; c++) {
            const struct gcell *x = &g->row[r][c];
            lxw_format *fm = f[x->style];

            switch (x->kind) {
            case G_TEXT:
                TRY(xlsx_text(ws, (lxw_row_t)r, (lxw_col_t)c, x->text, fm));
                break;
            case G_MONEY:
                TRY(worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c,
                                           zl(x->v), fm));
                break;
            case G_COUNT:
                TRY(worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c,
                                           (double)x->v, fm));
                break;
            case G_FORMULA:
                /* the value is cached so readers that do not recompute,
                ** ours included, see the right figure */
                TRY(worksheet_write_formula_num(ws, (lxw_row_t)r, (lxw_col_t)c,
                                                x->text, fm, zl(x->v)));
                break;
            case G_EMPTY:
                /* blank cells carry the borders of the table */
                if (x->style != S_PLAIN && x->style != S_TITLE) {
                    TRY(worksheet_write_blank(ws, (lxw_row_t)r, (lxw_col_t)c,
                                              fm));
                }
                break;
            }
        }
    }
    for (int m = 0; m < g->nmerges; m++) {
        const int *k = g->merge[m];
        const struct gcell *x = &g->row[k[0]][k[1]];

        TRY(xlsx_merge_text(ws, (lxw_row_t)k[0], (lxw_col_t)k[1],
                            (lxw_row_t)k[2], (lxw_col_t)k[3],
                            x->kind == G_TEXT ? x->text : "", f[S_HEAD]));
    }
    return e;
}

/* The second sheet: funding notes and kept text, for people only. */
static lxw_error
xlsx_notes(lxw_worksheet *ws, struct arena *a, const struct plan *p,
           lxw_format **f)
{
    lxw_error e = LXW_NO_ERROR;
    lxw_row_t r = 0;

    TRY(worksheet_set_column(ws, 0, 0, 8, NULL));
    TRY(worksheet_set_column(ws, 1, 1, 90, NULL));
    TRY(worksheet_set_column(ws, 2, 2, 16, NULL));
    TRY(xlsx_text(ws, r++, 0, T_PLAN_XLSX_NOTES_SHEET, f[S_TITLE]));
    for (int i = 0; i < p->nnotes; i++) {
        const struct plan_note *n = &p->notes[i];

        TRY(xlsx_text(ws, r, 0, n->label ? n->label : "", f[S_TEXT]));
        TRY(xlsx_text(ws, r, 1, n->text ? n->text : "", f[S_TEXT]));
        if (n->amount.kind == PLAN_NUM_VALUE) {
            TRY(worksheet_write_number(ws, r, 2, zl(n->amount.v), f[S_MONEY]));
        }
        r++;
    }
    for (int i = 0; i < p->ntexts; i++) {
        const struct plan_text *t = &p->texts[i];

        TRY(xlsx_text(ws, r, 0, "", f[S_TEXT]));
        TRY(xlsx_text(ws, r, 1,
                      t->heading != NULL && t->heading[0] != '\0'
                          ? arena_printf(a, "%s: %s", t->heading, t->text)
                          : (t->text ? t->text : ""),
                      f[S_TEXT]));
        r++;
    }
    return e;
#undef TRY
}

int
plan_export_xlsx(struct arena *a, const struct plan *p, const char *path)
{
    lxw_workbook_options opt = {.constant_memory = LXW_FALSE, .tmpdir = NULL};
    lxw_workbook *wb;
    lxw_worksheet *ws, *ws2;
    lxw_format *f[S_COUNT_STYLES];
    lxw_error e, e2;
    struct grid g;

    plan_export_grid(a, p, &g);
    wb = workbook_new_opt(path, &opt);
    if (wb == NULL) {
        log_error("plan export: cannot create workbook %s: %s", path,
                  strerror(errno));
        return ERR_IO;
    }
    xlsx_properties(wb, p->title, p->programme_title, NULL);
    ws = workbook_add_worksheet(wb, "Plan");
    ws2 = workbook_add_worksheet(wb, "Uwagi");
    xlsx_formats(wb, f);
    e = xlsx_sheet(ws, &g, f);
    if (e == LXW_NO_ERROR) {
        e = xlsx_notes(ws2, a, p, f);
    }
    worksheet_freeze_panes(ws,
                           (lxw_row_t)(4 + (p->resolution ? 1 : 0) +
                                       (programme_line(p) ? 1 : 0) +
                                       (period_line(a, p) != NULL ? 1 : 0)),
                           0);
    worksheet_freeze_panes(ws2, 1, 0);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    e2 = workbook_close(wb);
    if (e != LXW_NO_ERROR || e2 != LXW_NO_ERROR) {
        log_error("plan export: writing %s failed: %s", path,
                  lxw_strerror(e != LXW_NO_ERROR ? e : e2));
        return ERR_IO;
    }
    return 0;
}

struct export_job {
    struct arena *a;
    const struct plan *p;
};

static int
export_writer(void *ctx, const char *path)
{
    struct export_job *job = ctx;

    return plan_export_xlsx(job->a, job->p, path);
}

int
plan_export_xlsx_buf(struct arena *a, const struct plan *p, struct buf *out)
{
    struct export_job job = {a, p};

    return tmpfile_bytes(a, "export", export_writer, &job, out);
}

int
plan_export_json(const struct plan *p, struct buf *out)
{
    struct json j;

    json_init(&j, out);
    plan_json_write(&j, p);
    buf_putc(out, '\n');
    return 0;
}
