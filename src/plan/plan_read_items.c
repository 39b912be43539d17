/*
** The plan reader's items (see plan_read.h): goals, actions, tasks, budget
** lines, indicators, free-text results, declared totals and kept texts,
** each added from the cells or text a format found, with a finding for
** what could not be read. Where a row sits in the layout is the caller's
** knowledge (plan_read_table.c, plan_read_project.c ...).
*/
#include "plan_read.h"

#include <string.h>

#include "core/arena.h"
#include "strings_pl.h"

/* Strip a trailing footnote mark from s (in place); returns the mark. */
static const char *
take_footnote_mark(struct arena *a, char *s)
{
    size_t n = strlen(s);

    for (size_t k = 3; k >= 2; k--) { /* "¹", "⁴"; a trailing '*' is text */
        if (n > k && rd_footnote_mark_len(s + n - k) == k) {
            char *mark = arena_strndup(a, s + n - k, k);

            s[n - k] = '\0';
            while (n - k > 0 && s[n - k - 1] == ' ') {
                s[--n - k] = '\0';
            }
            return mark;
        }
    }
    return NULL;
}

int
rd_goal_add(struct reader *r, const char *code, const char *title, int line)
{
    struct plan *p = r->p;

    p->goals = plan_grow(r->a, p->goals, p->ngoals, sizeof(*p->goals));
    p->goals[p->ngoals] = (struct plan_goal){code, title, line};
    r->goal = p->ngoals++;
    r->action = r->task = -1;
    return r->goal;
}

int
rd_action_add(struct reader *r, const char *code, const char *title, int line)
{
    struct plan *p = r->p;

    p->actions = plan_grow(r->a, p->actions, p->nactions, sizeof(*p->actions));
    p->actions[p->nactions] = (struct plan_action){code, title, r->goal, line};
    if (r->goal >= 0) {
        const char *gc = p->goals[r->goal].code;
        size_t n = strlen(gc);

        if (strncmp(code, gc, n) != 0 || code[n] != '.') {
            plan_finding_add(r->a, p, PLAN_WARNING, line, p->col.number,
                             "action_goal_mismatch", T_PLAN_READ_ACTION_GOAL,
                             code, gc);
        }
    }
    r->action = p->nactions++;
    return r->action;
}

int
rd_task_add(struct reader *r, const char *number, const char *desc, int line)
{
    struct plan *p = r->p;

    p->tasks = plan_grow(r->a, p->tasks, p->ntasks, sizeof(*p->tasks));
    p->tasks[p->ntasks] = (struct plan_task){
        .number = number,
        .action = r->action,
        .goal = r->action >= 0 ? p->actions[r->action].goal : r->goal,
        .description = desc,
        .row = line,
        .first_line = p->nlines,
    };
    r->task = p->ntasks++;
    r->top_ind = -1;
    return r->task;
}

void
rd_bad_number(struct reader *r, int line, const char *column, const char *text)
{
    plan_finding_add(r->a, r->p, PLAN_ERROR, line, column, "number_unreadable",
                     T_PLAN_READ_BAD_NUMBER, text);
}

static struct plan_num
money_cell(struct reader *r, const struct row *w, int col, const char *column)
{
    struct plan_num v;
    const char *s = rd_cell(w, col);

    if (plan_num_money(s, &v) != 0) {
        rd_bad_number(r, w->line, column, s);
    }
    v.text = s;
    return v;
}

static struct plan_num
count_cell(struct reader *r, const struct row *w, int col, const char *column,
           const char **unit)
{
    struct plan_num v;
    const char *s = rd_cell(w, col);

    if (plan_num_count(s, &v, unit) != 0) {
        rd_bad_number(r, w->line, column, s);
    }
    v.text = s;
    return v;
}

static void
term_cell(struct reader *r, int line, const char *s, struct plan_term *t)
{
    if (plan_term_parse(r->a, s, t) == 0) {
        return;
    }
    if (t->bad_word != NULL) {
        plan_finding_add(r->a, r->p, PLAN_WARNING, line, r->p->col.term,
                         "term_unreadable", T_PLAN_READ_TERM_WORD, s,
                         t->bad_word);
    } else {
        plan_finding_add(r->a, r->p, PLAN_WARNING, line, r->p->col.term,
                         "term_unreadable", T_PLAN_READ_TERM_RANGE, s);
    }
}

static bool
is_as_above(struct reader *r, const char *s)
{
    const char *f = rd_fold(r, s);

    return strcmp(f, V_PLAN_AS_ABOVE_SPACED) == 0 ||
           strcmp(f, V_PLAN_AS_ABOVE_SHORT) == 0 ||
           strcmp(f, V_PLAN_AS_ABOVE) == 0;
}

void
rd_line_add(struct reader *r, const struct row *w, bool inherit_impl)
{
    struct plan *p = r->p;
    struct plan_line *l;
    const char *impl = rd_cell(w, r->col[R_IMPL]);

    p->lines = plan_grow(r->a, p->lines, p->nlines, sizeof(*l));
    l = &p->lines[p->nlines];
    memset(l, 0, sizeof(*l));
    l->task = r->task;
    l->row = w->line;
    term_cell(r, w->line, rd_cell(w, r->col[R_TERM]), &l->term);
    if (is_as_above(r, impl)) {
        l->implementers_as_above = true;
        if (r->last_impl == NULL) {
            plan_finding_add(r->a, p, PLAN_WARNING, w->line,
                             p->col.implementers, "as_above_first",
                             T_PLAN_READ_AS_ABOVE_FIRST, impl);
        }
        impl = r->last_impl;
    } else if (impl[0] == '\0' && inherit_impl) {
        impl = r->last_impl; /* a merged cell in the document */
    }
    if (impl != NULL && (strcmp(impl, "-") == 0 || impl[0] == '\0')) {
        impl = NULL;
    }
    l->implementers = impl;
    if (l->implementers != NULL) {
        r->last_impl = l->implementers;
    }
    l->total = money_cell(r, w, r->col[R_TOTAL], p->col.total);
    for (int s = 0; s < p->nsources; s++) {
        struct plan_num v;

        if (r->src_col[s] < 0) {
            continue;
        }
        v = money_cell(r, w, r->src_col[s], p->col.source[s]);
        if (v.kind == PLAN_NUM_EMPTY) {
            continue;
        }
        if (l->amounts == NULL) {
            l->amounts =
                arena_alloc(r->a, PLAN_SOURCES_MAX * sizeof(*l->amounts));
        }
        l->amounts[l->namounts].source = s;
        l->amounts[l->namounts].amount = v;
        l->namounts++;
    }
    p->nlines++;
    if (r->task >= 0) {
        struct plan_task *t = &p->tasks[r->task];

        if (t->nlines++ == 0) {
            t->term = l->term;
            t->implementers = l->implementers;
        }
    }
}

/*
** Room for one more indicator? A results cell of "- 1 a - 1 a ..." makes
** one per four bytes, so they have a limit of their own (said once).
*/
static bool
indicator_room(struct reader *r, int line)
{
    if (r->p->nindicators < PLAN_MAX_INDICATORS) {
        return true;
    }
    if (r->p->nindicators == PLAN_MAX_INDICATORS && !r->indicators_over) {
        r->indicators_over = true;
        plan_finding_add(
            r->a, r->p, PLAN_ERROR, line, NULL, "table_too_many_indicators",
            T_PLAN_READ_TOO_MANY_INDICATORS, PLAN_MAX_INDICATORS, line);
    }
    return false;
}

static int
indicator_add(struct reader *r, int line, const char *name, int parent)
{
    struct plan *p = r->p;
    struct plan_indicator *in;

    p->indicators = plan_grow(r->a, p->indicators, p->nindicators, sizeof(*in));
    in = &p->indicators[p->nindicators];
    memset(in, 0, sizeof(*in));
    in->task = r->task;
    in->parent = parent;
    in->row = line;
    in->name = name;
    return p->nindicators++;
}

void
rd_indicator_from_row(struct reader *r, const struct row *w)
{
    struct plan *p = r->p;
    char *name = arena_strdup(r->a, rd_cell(w, r->col[R_INDICATOR]));
    const char *mark = take_footnote_mark(r->a, name);
    const char *body = rd_skip_bullets(name);
    bool child = body != name && r->top_ind >= 0;
    const char *unit = NULL;
    int i;

    if (!indicator_room(r, w->line)) {
        return;
    }
    i = indicator_add(r, w->line, body, child ? r->top_ind : -1);
    p->indicators[i].footnote = mark;
    p->indicators[i].target_year =
        count_cell(r, w, r->col[R_TARGET_YEAR], p->col.target_year, &unit);
    p->indicators[i].target_multi =
        count_cell(r, w, r->col[R_TARGET_MULTI], p->col.target_multi,
                   unit == NULL ? &unit : NULL);
    if (unit != NULL) {
        p->indicators[i].unit = "%";
    }
    if (rd_cell(w, r->col[R_UNIT])[0] != '\0') {
        p->indicators[i].unit = plan_trim(r->a, rd_cell(w, r->col[R_UNIT]),
                                          strlen(rd_cell(w, r->col[R_UNIT])));
    }
    if (!child) {
        r->top_ind = i;
    }
}

/* Length of a number such as "6000", "6 000", "1.200" at s, or 0. */
static size_t
number_span(const char *s)
{
    size_t i = 0;

    while (s[i] >= '0' && s[i] <= '9') {
        i++;
        if ((s[i] == ' ' || s[i] == '.') && s[i + 1] >= '0' &&
            s[i + 1] <= '9' && s[i + 2] >= '0' && s[i + 2] <= '9' &&
            s[i + 3] >= '0' && s[i + 3] <= '9' &&
            !(s[i + 4] >= '0' && s[i + 4] <= '9')) {
            i++;
        }
    }
    return i;
}

/*
** One target of a free-text result: "90 inicjatyw", "przeszkolenie 30
** kandydatów ...", "50% jednostek ...". The first number is the value,
** the word after it the unit.
*/
static void
result_item(struct reader *r, int line, const char *item, const char *whole,
            bool multi)
{
    struct plan *p = r->p;
    const char *d = item;
    struct plan_num v = {PLAN_NUM_EMPTY, 0, NULL};
    int i;

    while (*d != '\0' && !(*d >= '0' && *d <= '9')) {
        d++;
    }
    if (!indicator_room(r, line)) {
        return;
    }
    i = indicator_add(r, line, item, -1);
    p->indicators[i].results_text = whole;
    if (*d != '\0') {
        size_t n = number_span(d);
        char *num = arena_strndup(r->a, d, n);
        const char *u = d + n, *ue;

        if (plan_num_count(num, &v, NULL) != 0) {
            rd_bad_number(r, line, multi ? p->col.target_multi : p->col.results,
                          num);
        }
        v.text = num;
        while (*u == ' ') {
            u++;
        }
        if (*u == '%') {
            p->indicators[i].unit = "%";
        } else {
            ue = u;
            while (*ue != '\0' && *ue != ' ' && *ue != ',' && *ue != ';' &&
                   *ue != '.') {
                ue++;
            }
            if (ue > u) {
                p->indicators[i].unit =
                    arena_strndup(r->a, u, (size_t)(ue - u));
            }
        }
    }
    if (multi) {
        p->indicators[i].target_multi = v;
    } else {
        p->indicators[i].target_year = v;
    }
}

/* True when a list marker at s[i] starts an item of a result list. */
static bool
item_starts(const char *s, size_t i)
{
    size_t k = rd_bullet_len(s + i);

    if (k == 0 || (s[i + k] != ' ' && s[i + k] != '\0')) {
        return false;
    }
    return i == 0 || s[i - 1] == ' ' || s[i - 1] == ';' || s[i - 1] == '\n';
}

void
rd_results_from_text(struct reader *r, int line, const char *text, bool multi)
{
    const char *s = text;
    bool list = item_starts(s, 0);
    size_t i = 0, start = 0;

    if (s[0] == '\0' || strcmp(s, "x") == 0 || strcmp(s, "X") == 0 ||
        strcmp(s, "-") == 0 || r->indicators_over) {
        return;
    }
    for (;; i++) {
        bool cut =
            s[i] == '\0' || s[i] == ';' || (list && i > 0 && item_starts(s, i));

        if (!cut) {
            continue;
        }
        /* bounded by the item: "- - - - ..." stays linear */
        if (i > start && rd_skip_bullets_to(s + start, s + i) < s + i) {
            const char *b = rd_skip_bullets_to(s + start, s + i);
            char *item = plan_trim(r->a, b, (size_t)(s + i - b));
            size_t n = strlen(item);

            while (n > 0 && (item[n - 1] == ';' || item[n - 1] == ',' ||
                             item[n - 1] == '.')) {
                item[--n] = '\0';
            }
            if (n > 0) {
                result_item(r, line, item, text, multi);
            }
            if (r->indicators_over) {
                return;
            }
        }
        if (s[i] == '\0') {
            break;
        }
        start = s[i] == ';' ? i + 1 : i;
    }
}

void
rd_declared_add(struct reader *r, const char *label, int source,
                struct plan_num v, int line, const char *column)
{
    struct plan *p = r->p;
    struct plan_total *t;

    if (v.kind != PLAN_NUM_VALUE) {
        if (v.kind == PLAN_NUM_BAD) {
            rd_bad_number(r, line, column, v.text);
        }
        return;
    }
    p->declared = plan_grow(r->a, p->declared, p->ndeclared, sizeof(*t));
    t = &p->declared[p->ndeclared++];
    if (label != NULL && label[0] != '\0' && label[strlen(label) - 1] == ':') {
        label = plan_trim(r->a, label, strlen(label) - 1);
    }
    t->label = label;
    t->source = source;
    t->grosze = v.v;
    t->row = line;
}

void
rd_period(struct reader *r, const char *val, int line)
{
    struct plan *p = r->p;
    struct plan_term term;

    if (val != NULL && plan_term_parse(r->a, val, &term) == 0 &&
        term.kind == PLAN_TERM_RANGE) {
        if (p->kind == PLAN_PROJECT) {
            p->programme_from = term.from_year;
            p->programme_to = term.to_year;
        }
        p->period_from =
            arena_printf(r->a, "%04d-%02d-%02d", term.from_year,
                         term.from_month, term.from_day ? term.from_day : 1);
        p->period_to =
            arena_printf(r->a, "%04d-%02d-%02d", term.to_year, term.to_month,
                         term.to_day ? term.to_day : 28);
    } else {
        plan_finding_add(r->a, p, PLAN_WARNING, line, NULL, "term_unreadable",
                         T_PLAN_READ_PERIOD, val != NULL ? val : "");
    }
}

void
rd_text_add(struct reader *r, const char *heading, const char *text, int line)
{
    struct plan *p = r->p;
    struct plan_text *t;

    p->texts = plan_grow(r->a, p->texts, p->ntexts, sizeof(*t));
    t = &p->texts[p->ntexts++];
    t->heading = heading;
    t->text = text;
    t->row = line;
}
