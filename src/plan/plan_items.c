/*
** Finishing a plan in the browser (issue 12): one form per kind of item
** (goal, action, task, budget line, indicator) to add, change or remove
** it, the plan's structure page that lists them, and removing or
** archiving a whole plan. Every change edits the loaded plan in memory,
** keeps track of where each task, line and indicator went (their
** positions are what realisation rows point at), runs plan_check() and is
** written by plan_store_rewrite() in one audited transaction. Forms work
** without JavaScript; a wrong field keeps what was typed and says why at
** the field.
*/
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/json.h"
#include "core/str.h"
#include "core/strings_pl.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "plan.h"
#include "modules_handlers.h"
#include "pages.h"
#include "plan_store.h"
#include "strings_pl.h"

#define MAX_FIELD_ERRORS 32

enum item_kind { IK_GOAL, IK_ACTION, IK_TASK, IK_LINE, IK_INDICATOR, IK_N };

static const struct {
    const char *slug, *label, *add, *audit;
} kinds[IK_N] = {
    {"cel", T_PLAN_ITEM_GOAL, T_PLAN_ADD_GOAL, "goal"},
    {"dzialanie", T_PLAN_ITEM_ACTION, T_PLAN_ADD_ACTION, "action"},
    {"zadanie", T_PLAN_ITEM_TASK, T_PLAN_ADD_TASK_ITEM, "task"},
    {"wiersz", T_PLAN_ITEM_LINE, T_PLAN_ADD_LINE, "line"},
    {"wskaznik", T_PLAN_ITEM_INDICATOR, T_PLAN_ADD_INDICATOR, "indicator"},
};

struct items {
    struct req *r;
    struct plan *p;
    struct plan_meta meta;
    int64_t id;
    int64_t version; /* read before the plan was loaded */
    enum item_kind kind;
    int pos; /* the item's index in p, -1 for none */
    bool is_new;
    /* origin[current index] = position as loaded, -1 for a new item */
    int *task_o, *line_o, *ind_o;
    int ntasks0, nlines0, ninds0;
    const char *fname[MAX_FIELD_ERRORS], *fmsg[MAX_FIELD_ERRORS];
    int nerr;
    const char *alert; /* a message about the whole change */
};

/* --- the plan in memory ------------------------------------------ */

static int *
origins(struct arena *a, int n)
{
    int *o = NULL, i;

    /* grown like every array of struct plan, so insert_at may grow it */
    for (i = 0; i < n || o == NULL; i++) {
        o = plan_grow(a, o, i, sizeof(int));
        if (i < n) {
            o[i] = i;
        }
    }
    return o;
}

/* Make room at index at of an array of *n elements; returns the array. */
static void *
insert_at(struct arena *a, void *arr, int *n, size_t size, int at)
{
    char *c = plan_grow(a, arr, *n, size);

    memmove(c + (size_t)(at + 1) * size, c + (size_t)at * size,
            (size_t)(*n - at) * size);
    memset(c + (size_t)at * size, 0, size);
    (*n)++;
    return c;
}

static void
remove_at(void *arr, int *n, size_t size, int at)
{
    char *c = arr;

    memmove(c + (size_t)at * size, c + (size_t)(at + 1) * size,
            (size_t)(*n - at - 1) * size);
    (*n)--;
}

/* The next free source row, so that findings name a row of their own. */

/* Tasks know their lines by range: rebuild it (lines stay by task). */
static void
relink(struct plan *p)
{
    int i;

    for (i = 0; i < p->ntasks; i++) {
        p->tasks[i].first_line = -1;
        p->tasks[i].nlines = 0;
    }
    for (i = 0; i < p->nlines; i++) {
        struct plan_task *t = &p->tasks[p->lines[i].task];

        if (t->nlines == 0) {
            t->first_line = i;
            t->term = p->lines[i].term;
            t->implementers = p->lines[i].implementers;
        }
        t->nlines++;
    }
}

static int
add_line(struct items *it, int task)
{
    struct plan *p = it->p;
    struct arena *a = &it->r->arena;
    int at = 0, n = p->nlines, i;

    for (i = 0; i < p->nlines; i++) {
        if (p->lines[i].task <= task) {
            at = i + 1;
        }
    }
    p->lines = insert_at(a, p->lines, &p->nlines, sizeof(*p->lines), at);
    it->line_o = insert_at(a, it->line_o, &n, sizeof(int), at);
    it->line_o[at] = -1;
    p->lines[at].task = task;
    p->lines[at].row = plan_next_row(p);
    relink(p);
    return at;
}

static void
remove_line(struct items *it, int l)
{
    int n = it->p->nlines;

    remove_at(it->p->lines, &it->p->nlines, sizeof(*it->p->lines), l);
    remove_at(it->line_o, &n, sizeof(int), l);
    relink(it->p);
}

static int
add_indicator(struct items *it, int task, int parent)
{
    struct plan *p = it->p;
    struct arena *a = &it->r->arena;
    int at = 0, n = p->nindicators, i;

    if (parent >= 0) {
        for (at = parent + 1;
             at < p->nindicators && p->indicators[at].parent == parent; at++) {
        }
    } else {
        for (i = 0; i < p->nindicators; i++) {
            if (p->indicators[i].task >= 0 && p->indicators[i].task <= task) {
                at = i + 1;
            }
        }
    }
    for (i = 0; i < p->nindicators; i++) {
        if (p->indicators[i].parent >= at) {
            p->indicators[i].parent++;
        }
    }
    p->indicators = insert_at(a, p->indicators, &p->nindicators,
                              sizeof(*p->indicators), at);
    it->ind_o = insert_at(a, it->ind_o, &n, sizeof(int), at);
    it->ind_o[at] = -1;
    p->indicators[at].task = task;
    p->indicators[at].parent = parent;
    p->indicators[at].row = plan_next_row(p);
    p->indicators[at].name = "";
    return at;
}

/* Remove indicator k and its breakdowns. */
static void
remove_indicator(struct items *it, int k)
{
    struct plan *p = it->p;
    int i, j;

    for (i = p->nindicators - 1; i >= 0; i--) {
        int n = p->nindicators;

        if (i != k && p->indicators[i].parent != k) {
            continue;
        }
        remove_at(p->indicators, &p->nindicators, sizeof(*p->indicators), i);
        remove_at(it->ind_o, &n, sizeof(int), i);
        for (j = 0; j < p->nindicators; j++) {
            if (p->indicators[j].parent > i) {
                p->indicators[j].parent--;
            }
        }
        if (i < k) {
            k--;
        }
    }
}

/* Remove task t with its lines and indicators. */
static void
remove_task(struct items *it, int t)
{
    struct plan *p = it->p;
    int i, n = p->ntasks;

    /* from the end: breakdowns follow their parent, so go first */
    for (i = p->nindicators - 1; i >= 0; i--) {
        if (i < p->nindicators && p->indicators[i].task == t) {
            remove_indicator(it, i);
        }
    }
    for (i = p->nlines - 1; i >= 0; i--) {
        if (p->lines[i].task == t) {
            remove_line(it, i);
        }
    }
    remove_at(p->tasks, &p->ntasks, sizeof(*p->tasks), t);
    remove_at(it->task_o, &n, sizeof(int), t);
    for (i = 0; i < p->nlines; i++) {
        if (p->lines[i].task > t) {
            p->lines[i].task--;
        }
    }
    for (i = 0; i < p->nindicators; i++) {
        if (p->indicators[i].task > t) {
            p->indicators[i].task--;
        }
    }
    relink(p);
}

/* Remove goal g, or say why not (an action or task is in it). */
static const char *
remove_goal(struct plan *p, int g)
{
    int i;

    for (i = 0; i < p->nactions; i++) {
        if (p->actions[i].goal == g) {
            return T_PLAN_GOAL_IN_USE;
        }
    }
    for (i = 0; i < p->ntasks; i++) {
        if (p->tasks[i].goal == g) {
            return T_PLAN_GOAL_IN_USE;
        }
    }
    remove_at(p->goals, &p->ngoals, sizeof(*p->goals), g);
    for (i = 0; i < p->nactions; i++) {
        p->actions[i].goal -= p->actions[i].goal > g;
    }
    for (i = 0; i < p->ntasks; i++) {
        p->tasks[i].goal -= p->tasks[i].goal > g;
    }
    return NULL;
}

static const char *
remove_action(struct plan *p, int k)
{
    int i;

    for (i = 0; i < p->ntasks; i++) {
        if (p->tasks[i].action == k) {
            return T_PLAN_ACTION_IN_USE;
        }
    }
    remove_at(p->actions, &p->nactions, sizeof(*p->actions), k);
    for (i = 0; i < p->ntasks; i++) {
        p->tasks[i].action -= p->tasks[i].action > k;
    }
    return NULL;
}

/* Append an empty item of the kind; lines and indicators for task. */
static int
add_item(struct items *it, int task, int parent)
{
    struct plan *p = it->p;
    struct arena *a = &it->r->arena;
    int n;

    switch (it->kind) {
    case IK_GOAL:
        p->goals =
            insert_at(a, p->goals, &p->ngoals, sizeof(*p->goals), p->ngoals);
        p->goals[p->ngoals - 1].row = plan_next_row(p);
        return p->ngoals - 1;
    case IK_ACTION:
        p->actions = insert_at(a, p->actions, &p->nactions, sizeof(*p->actions),
                               p->nactions);
        p->actions[p->nactions - 1].row = plan_next_row(p);
        p->actions[p->nactions - 1].goal = -1;
        return p->nactions - 1;
    case IK_TASK:
        n = p->ntasks;
        p->tasks = insert_at(a, p->tasks, &p->ntasks, sizeof(*p->tasks), n);
        it->task_o = insert_at(a, it->task_o, &n, sizeof(int), n);
        it->task_o[n - 1] = -1;
        p->tasks[n - 1].row = plan_next_row(p);
        p->tasks[n - 1].goal = p->ngoals > 0 ? p->ngoals - 1 : -1;
        p->tasks[n - 1].action = -1;
        p->tasks[n - 1].first_line = -1;
        p->tasks[n - 1].number = arena_printf(a, "%d", n);
        p->tasks[n - 1].description = "";
        return n - 1;
    case IK_LINE:
        return add_line(it, task);
    default:
        return add_indicator(it, task, parent);
    }
}

/* --- loading and errors ------------------------------------------ */

static long
parse_index(const char *s)
{
    char *end;
    long v = s != NULL && *s != '\0' ? strtol(s, &end, 10) : -1;

    return s == NULL || *s == '\0' || *end != '\0' || v < 0 ? -1 : v;
}

/*
** Load plan :id for an editor of its region; another region's plan is
** not found (404), as if it did not exist.
*/
static int
load_or_reply(struct req *r, struct items *it)
{
    int64_t id;
    int rc;

    memset(it, 0, sizeof(*it));
    it->r = r;
    it->pos = -1;
    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    {
        const char *region;
        bool published;

        /* first the version: a change in between makes it look stale */
        rc = plan_store_visibility(r->db, &r->arena, id, &published, &region,
                                   &it->version);
    }
    if (rc == 0) {
        rc = plan_store_load(r->db, &r->arena, id, &it->p, &it->meta);
    }
    if (rc == ERR_NOTFOUND || (rc == 0 && !plan_may_edit(r, it->meta.region))) {
        return req_error(r, 404, NULL);
    }
    if (rc != 0) {
        return rc;
    }
    it->id = id;
    it->ntasks0 = it->p->ntasks;
    it->nlines0 = it->p->nlines;
    it->ninds0 = it->p->nindicators;
    it->task_o = origins(&r->arena, it->p->ntasks);
    it->line_o = origins(&r->arena, it->p->nlines);
    it->ind_o = origins(&r->arena, it->p->nindicators);
    return 0;
}

static int
count_of_kind(const struct plan *p, enum item_kind k)
{
    return k == IK_GOAL     ? p->ngoals
           : k == IK_ACTION ? p->nactions
           : k == IK_TASK   ? p->ntasks
           : k == IK_LINE   ? p->nlines
                            : p->nindicators;
}

/* Load the plan and the kind (param 1) and, unless is_new, item param 2. */
static int
load_item_or_reply(struct req *r, struct items *it, bool is_new)
{
    const char *slug = req_param(r, 1);
    int rc, k;
    int64_t pos;

    if ((rc = load_or_reply(r, it)) != 0) {
        return rc;
    }
    for (k = 0; k < IK_N; k++) {
        if (slug != NULL && strcmp(slug, kinds[k].slug) == 0) {
            break;
        }
    }
    if (k == IK_N) {
        return req_error(r, 404, NULL);
    }
    it->kind = (enum item_kind)k;
    it->is_new = is_new;
    if (!is_new) {
        if ((rc = req_param_num(r, 2, 0, &pos)) != 0) {
            return rc;
        }
        if (pos >= count_of_kind(it->p, it->kind)) {
            return req_error(r, 404, NULL);
        }
        it->pos = (int)pos;
    }
    return 0;
}

static void
field_error(struct items *it, const char *name, const char *msg)
{
    if (it->nerr < MAX_FIELD_ERRORS) {
        it->fname[it->nerr] = name;
        it->fmsg[it->nerr++] = msg;
    }
}

static const char *
error_of(const struct items *it, const char *name)
{
    int i;

    for (i = 0; i < it->nerr; i++) {
        if (strcmp(it->fname[i], name) == 0) {
            return it->fmsg[i];
        }
    }
    return NULL;
}

/* --- reading the form -------------------------------------------- */

static const char *
text_in(struct items *it, const char *name, const char *old, bool required)
{
    const char *v = req_form(it->r, name);

    v = v != NULL ? str_trim(&it->r->arena, v) : old;
    if (required && (v == NULL || *v == '\0')) {
        field_error(it, name, T_PLAN_F_REQUIRED);
    }
    return v;
}

/* A choice among n positions; none_ok allows "" (-1). */
static int
choice_in(struct items *it, const char *name, int n, bool none_ok, int old)
{
    const char *v = req_form(it->r, name);
    long k;

    if (v == NULL) {
        return old;
    }
    if (*v == '\0' && none_ok) {
        return -1;
    }
    k = parse_index(v);
    if (k < 0 || k >= n) {
        field_error(it, name, T_PLAN_F_CHOOSE);
        return old;
    }
    return (int)k;
}

static void
num_in(struct items *it, const char *name, bool money, struct plan_num *n)
{
    struct arena *a = &it->r->arena;
    const char *v = req_form(it->r, name), *unit = NULL;

    if (v == NULL) {
        return;
    }
    v = str_trim(a, v);
    memset(n, 0, sizeof(*n));
    if (*v == '\0') {
        return;
    }
    n->text = v;
    if ((money ? plan_num_money(v, n) : plan_num_count(v, n, &unit)) != 0) {
        n->kind = PLAN_NUM_BAD;
        n->text = v;
        field_error(
            it, name,
            arena_printf(a, money ? T_PLAN_F_MONEY : T_PLAN_F_COUNT, v));
    }
}

static struct plan_num *
amount_slot(struct arena *a, struct plan_line *l, int source, bool create)
{
    int k;

    for (k = 0; k < l->namounts; k++) {
        if (l->amounts[k].source == source) {
            return &l->amounts[k].amount;
        }
    }
    if (!create) {
        return NULL;
    }
    l->amounts = plan_grow(a, l->amounts, l->namounts, sizeof(*l->amounts));
    memset(&l->amounts[l->namounts], 0, sizeof(l->amounts[0]));
    l->amounts[l->namounts].source = source;
    return &l->amounts[l->namounts++].amount;
}

static void
apply_line(struct items *it, struct plan_line *l)
{
    struct plan *p = it->p;
    struct arena *a = &it->r->arena;
    const char *term = text_in(it, "term", l->term.text, false);
    int s, k;

    l->implementers = text_in(it, "implementers", l->implementers, false);
    if (l->implementers != NULL && *l->implementers == '\0') {
        l->implementers = NULL;
    }
    l->implementers_as_above = false;
    if (term != NULL && *term != '\0') {
        if (plan_term_parse(a, term, &l->term) != 0) {
            l->term.text = term;
            field_error(
                it, "term",
                arena_printf(a, T_PLAN_F_TERM, term,
                             l->term.bad_word ? l->term.bad_word : term));
        }
    } else {
        memset(&l->term, 0, sizeof(l->term));
    }
    num_in(it, "total", true, &l->total);
    for (s = 0; s < p->nsources; s++) {
        const char *name = arena_printf(a, "a_%s", p->sources[s].code);
        struct plan_num n = {PLAN_NUM_EMPTY, 0, NULL}, *slot;
        const struct plan_num *old = amount_slot(a, l, s, false);

        if (old != NULL) {
            n = *old;
        }
        num_in(it, name, true, &n);
        slot = amount_slot(a, l, s, n.kind != PLAN_NUM_EMPTY);
        if (slot != NULL) {
            *slot = n;
        }
    }
    /* drop sources left empty, so the line holds only what is stated */
    for (k = 0; k < l->namounts;) {
        if (l->amounts[k].amount.kind == PLAN_NUM_EMPTY) {
            remove_at(l->amounts, &l->namounts, sizeof(*l->amounts), k);
        } else {
            k++;
        }
    }
}

static void
apply_indicator(struct items *it, struct plan_indicator *in)
{
    in->name = text_in(it, "name", in->name, true);
    in->unit = text_in(it, "unit", in->unit, false);
    if (in->unit != NULL && *in->unit == '\0') {
        in->unit = NULL;
    }
    num_in(it, "year", false, &in->target_year);
    num_in(it, "multi", false, &in->target_multi);
}

/* Apply the form to item it->pos of it->kind; errors at their fields. */
static void
apply(struct items *it)
{
    struct plan *p = it->p;
    int i = it->pos;

    switch (it->kind) {
    case IK_GOAL:
        p->goals[i].code = text_in(it, "code", p->goals[i].code, true);
        p->goals[i].title = text_in(it, "title", p->goals[i].title, true);
        break;
    case IK_ACTION:
        p->actions[i].goal =
            choice_in(it, "goal", p->ngoals, true, p->actions[i].goal);
        p->actions[i].code = text_in(it, "code", p->actions[i].code, true);
        p->actions[i].title = text_in(it, "title", p->actions[i].title, true);
        break;
    case IK_TASK:
        p->tasks[i].goal =
            choice_in(it, "goal", p->ngoals, true, p->tasks[i].goal);
        p->tasks[i].action =
            choice_in(it, "action", p->nactions, true, p->tasks[i].action);
        if (p->tasks[i].action >= 0 &&
            p->actions[p->tasks[i].action].goal >= 0) {
            p->tasks[i].goal = p->actions[p->tasks[i].action].goal;
        }
        p->tasks[i].number = text_in(it, "number", p->tasks[i].number, true);
        p->tasks[i].description =
            text_in(it, "description", p->tasks[i].description, false);
        break;
    case IK_LINE:
        apply_line(it, &p->lines[i]);
        relink(p);
        break;
    default:
        apply_indicator(it, &p->indicators[i]);
        break;
    }
}

/* --- audit JSON ------------------------------------------------ */

/* The item as JSON for the audit row: what it was, or what it became. */
static const char *
item_json(struct arena *a, const struct plan *p, enum item_kind k, int i)
{
    struct buf b;
    struct json j;

    if (k == IK_TASK) {
        return plan_task_json(a, p, i);
    }
    json_obj_open(&j, &b);
    json_kstr(&j, "kind", kinds[k].audit);
    json_kint(&j, "pos", i);
    if (k == IK_GOAL) {
        json_kstr(&j, "code", p->goals[i].code);
        json_kstr(&j, "title", p->goals[i].title);
    } else if (k == IK_ACTION) {
        json_kint(&j, "goal", p->actions[i].goal);
        json_kstr(&j, "code", p->actions[i].code);
        json_kstr(&j, "title", p->actions[i].title);
    } else if (k == IK_LINE) {
        json_kint(&j, "task", p->lines[i].task);
        plan_line_json(&j, p, &p->lines[i], true);
    } else {
        json_kint(&j, "task", p->indicators[i].task);
        json_kint(&j, "parent", p->indicators[i].parent);
        plan_indicator_json(&j, &p->indicators[i], true);
    }
    return json_obj_dup(a, &j);
}

/* --- rendering --------------------------------------------------- */

static void
crumbs(struct items *it, const char *here)
{
    struct req *r = it->r;

    if (here == NULL) { /* the structure page itself */
        plan_crumbs(r, it->id, it->p->title, T_PLAN_STRUCTURE);
        return;
    }
    layout_breadcrumb(
        &r->out,
        (const struct crumb[]){
            {"/plany", T_PLANS_TITLE},
            {arena_printf(&r->arena, "/plany/%ld", (long)it->id),
             it->p->title ? it->p->title : ""},
            {arena_printf(&r->arena, "/plany/%ld/struktura", (long)it->id),
             T_PLAN_STRUCTURE},
            {NULL, here}},
        4);
}

static void
text_field(struct items *it, const char *name, const char *label,
           const char *value)
{
    form_text_field(it->r, name, label, value, error_of(it, name));
}

/* A labelled <select> of positions with an optional "none" first. */
static void
select_open(struct items *it, const char *name, const char *label)
{
    const char *err = error_of(it, name);

    if (err != NULL) {
        html_printf(&it->r->out,
                    "<p class=\"field\"><label for=\"f-%s\">%s</label>\n"
                    "<span class=\"field-error\" id=\"f-%s-error\">%s</span>\n"
                    "<select id=\"f-%s\" name=\"%s\" aria-invalid=\"true\" "
                    "aria-describedby=\"f-%s-error\">\n",
                    name, label, name, err, name, name, name);
    } else {
        html_printf(&it->r->out,
                    "<p class=\"field\"><label for=\"f-%s\">%s</label>\n"
                    "<select id=\"f-%s\" name=\"%s\">\n",
                    name, label, name, name);
    }
}

static void
option(struct req *r, int value, bool selected, const char *a, const char *b)
{
    if (value < 0) {
        html_printf(&r->out, "<option value=\"\"%s>%s</option>\n",
                    selected ? " selected" : "", a);
    } else {
        html_printf(&r->out, "<option value=\"%d\"%s>%s %s</option>\n", value,
                    selected ? " selected" : "", a ? a : "", b ? b : "");
    }
}

static void
goal_select(struct items *it, int selected, bool none)
{
    int g;

    select_open(it, "goal", T_PLAN_F_GOAL);
    if (none) {
        option(it->r, -1, selected < 0, T_PLAN_F_NONE, NULL);
    }
    for (g = 0; g < it->p->ngoals; g++) {
        option(it->r, g, g == selected, it->p->goals[g].code,
               it->p->goals[g].title);
    }
    html_lit(&it->r->out, "</select></p>\n");
}

static void
task_select(struct items *it, int selected)
{
    int t;

    select_open(it, "task", T_PLAN_F_TASK);
    for (t = 0; t < it->p->ntasks; t++) {
        option(it->r, t, t == selected, it->p->tasks[t].number,
               it->p->tasks[t].description);
    }
    html_lit(&it->r->out, "</select></p>\n");
}

static void
render_fields(struct items *it)
{
    struct plan *p = it->p;
    struct req *r = it->r;
    struct arena *a = &r->arena;
    int i = it->pos, k, s;

    switch (it->kind) {
    case IK_GOAL:
        text_field(it, "code", T_PLAN_F_CODE, p->goals[i].code);
        text_field(it, "title", T_PLAN_F_TITLE, p->goals[i].title);
        break;
    case IK_ACTION:
        goal_select(it, p->actions[i].goal, true);
        text_field(it, "code", T_PLAN_F_CODE, p->actions[i].code);
        text_field(it, "title", T_PLAN_F_TITLE, p->actions[i].title);
        break;
    case IK_TASK:
        goal_select(it, p->tasks[i].goal, true);
        select_open(it, "action", T_PLAN_F_ACTION);
        option(r, -1, p->tasks[i].action < 0, T_PLAN_F_NONE, NULL);
        for (k = 0; k < p->nactions; k++) {
            option(r, k, k == p->tasks[i].action, p->actions[k].code,
                   p->actions[k].title);
        }
        html_lit(&r->out, "</select></p>\n");
        text_field(it, "number", T_PLAN_TASK_NUMBER, p->tasks[i].number);
        text_field(it, "description", T_PLAN_TASK_DESCRIPTION,
                   p->tasks[i].description);
        break;
    case IK_LINE: {
        struct plan_line *l = &p->lines[i];

        if (it->is_new) {
            task_select(it, l->task);
        }
        text_field(it, "term", T_PLAN_TERM, l->term.text);
        text_field(it, "implementers", T_PLAN_IMPLEMENTERS, l->implementers);
        text_field(it, "total", T_PLAN_F_TOTAL,
                   plan_num_text(a, &l->total, true, true));
        for (s = 0; s < p->nsources; s++) {
            const struct plan_num *n = amount_slot(a, l, s, false);

            text_field(
                it, arena_printf(a, "a_%s", p->sources[s].code),
                arena_printf(a, "%s [" T_CURRENCY "]", p->sources[s].name),
                n ? plan_num_text(a, n, true, true) : "");
        }
        html_printf(&r->out, "<p class=\"hint\">%s %s</p>\n", T_PLAN_MONEY_HINT,
                    T_PLAN_TERM_HINT);
        break;
    }
    default: {
        const struct plan_indicator *in = &p->indicators[i];

        if (it->is_new) {
            task_select(it, in->task);
            select_open(it, "parent", T_PLAN_F_PARENT);
            option(r, -1, in->parent < 0, T_PLAN_F_NONE, NULL);
            for (k = 0; k < p->nindicators; k++) {
                if (k != i && p->indicators[k].parent < 0 &&
                    p->indicators[k].task >= 0) {
                    option(r, k, k == in->parent,
                           p->tasks[p->indicators[k].task].number,
                           p->indicators[k].name);
                }
            }
            html_lit(&r->out, "</select></p>\n");
        }
        text_field(it, "name", T_PLAN_IND_NAME, in->name);
        text_field(it, "unit", T_PLAN_IND_UNIT, in->unit);
        text_field(it, "year", T_PLAN_TARGET_YEAR,
                   plan_num_text(a, &in->target_year, false, true));
        text_field(it, "multi", T_PLAN_TARGET_MULTI,
                   plan_num_text(a, &in->target_multi, false, true));
        break;
    }
    }
}

/*
** The version the form was made from: items are addressed by position,
** so a form made before another change must not land on another item.
*/
static void
version_field(struct items *it)
{
    html_printf(&it->r->out,
                "<input type=\"hidden\" name=\"wersja\" value=\"%ld\">\n",
                (long)it->version);
}

/* True (with the alert set) when the form came from an older version. */
static bool
stale(struct items *it)
{
    const char *v = req_form(it->r, "wersja");

    /* a client without the field (the API way) takes the current one */
    if (v == NULL || strtoll(v, NULL, 10) == it->version) {
        return false;
    }
    it->alert = T_PLAN_CHANGED;
    return true;
}

static void
render_item(struct items *it)
{
    struct req *r = it->r;
    struct arena *a = &r->arena;
    const char *title = it->is_new ? kinds[it->kind].add
                                   : arena_printf(a, "%s: %s", T_PLAN_EDIT_ITEM,
                                                  kinds[it->kind].label);
    const char *base = arena_printf(a, "/plany/%ld/struktura/%s", (long)it->id,
                                    kinds[it->kind].slug);

    layout_begin(r, title);
    crumbs(it, title);
    html_printf(&r->out, "<h1>%s</h1>\n", title);
    if (it->alert != NULL) {
        form_errors(r, &it->alert, 1);
    } else if (it->nerr > 0) {
        const char *m = T_PLAN_FORM_HAS_ERRORS;

        form_errors(r, &m, 1);
    }
    form_begin(r,
               it->is_new ? arena_printf(a, "%s/nowy", base)
                          : arena_printf(a, "%s/%d", base, it->pos),
               NULL);
    version_field(it);
    render_fields(it);
    html_printf(&r->out, "<p><button type=\"submit\">%s</button></p>\n",
                it->is_new ? kinds[it->kind].add : T_PLAN_SAVE);
    form_end(r);
    if (!it->is_new) {
        html_printf(&r->out, "<h2>%s</h2>\n<p>%s</p>\n", T_PLAN_REMOVE_ITEM,
                    T_PLAN_REMOVE_LEAD);
        form_begin(r, arena_printf(a, "%s/%d/usun", base, it->pos), NULL);
        version_field(it);
        html_printf(&r->out,
                    "<p><button type=\"submit\" class=\"danger\">%s: %s"
                    "</button></p>\n",
                    T_PLAN_REMOVE_ITEM, kinds[it->kind].label);
        form_end(r);
    }
    layout_end(r);
}

/* --- writing ----------------------------------------------------- */

/* The positions as loaded -> as now (-1 removed), for plan_store_rewrite. */
static void
remap(struct items *it, struct plan_remap *m)
{
    struct arena *a = &it->r->arena;
    int *t = origins(a, it->ntasks0), *l = origins(a, it->nlines0);
    int *in = origins(a, it->ninds0), i;

    for (i = 0; i < it->ntasks0; i++) {
        t[i] = -1;
    }
    for (i = 0; i < it->nlines0; i++) {
        l[i] = -1;
    }
    for (i = 0; i < it->ninds0; i++) {
        in[i] = -1;
    }
    for (i = 0; i < it->p->ntasks; i++) {
        if (it->task_o[i] >= 0) {
            t[it->task_o[i]] = i;
        }
    }
    for (i = 0; i < it->p->nlines; i++) {
        if (it->line_o[i] >= 0) {
            l[it->line_o[i]] = i;
        }
    }
    for (i = 0; i < it->p->nindicators; i++) {
        if (it->ind_o[i] >= 0) {
            in[it->ind_o[i]] = i;
        }
    }
    m->task = t;
    m->line = l;
    m->indicator = in;
    m->ntasks = it->ntasks0;
    m->nlines = it->nlines0;
    m->nindicators = it->ninds0;
}

/*
** Check and write the plan as edited, audited as plan.<kind>.<verb>; 0 when
** written, ERR_INPUT (with it->alert) when the store refused it, or an
** environment error.
*/
static int
commit(struct items *it, const char *verb, const char *before,
       const char *after)
{
    struct req *r = it->r;
    struct audit_entry who = plan_who(r);
    struct plan_remap m;
    const char *why = NULL;
    int rc;

    who.action =
        arena_printf(&r->arena, "plan.%s.%s", kinds[it->kind].audit, verb);
    plan_check(&r->arena, it->p);
    remap(it, &m);
    m.version = it->version;
    rc = plan_store_rewrite(r->db, &r->arena, it->id, it->p, &m, &who, before,
                            after, &why);
    if (rc == ERR_INPUT || rc == ERR_CONFLICT) {
        it->alert = why != NULL ? why : T_PLAN_CHANGED;
        return ERR_INPUT;
    }
    return rc;
}

static int
to_structure(struct items *it)
{
    return req_redirect(
        it->r, arena_printf(&it->r->arena, "/plany/%ld/struktura#%s-%d",
                            (long)it->id, kinds[it->kind].slug, it->pos));
}

/*
** After an add or an update: when valid (ok), commit and go back to the
** structure; otherwise, or when the store refused it, the form again (400).
*/
static int
commit_or_form(struct items *it, bool ok, const char *verb, const char *before)
{
    int rc;

    if (ok) {
        rc = commit(it, verb, before,
                    item_json(&it->r->arena, it->p, it->kind, it->pos));
        if (rc == 0) {
            return to_structure(it);
        }
        if (rc != ERR_INPUT) {
            return rc;
        }
    }
    it->r->status = 400;
    render_item(it);
    return 0;
}

/* The task (and parent) of a new line or indicator, from form or query. */
static void
placement(struct items *it, int *task, int *parent)
{
    const char *v = req_form(it->r, "task");
    long t = parse_index(v != NULL ? v : req_arg(it->r, "zadanie"));
    long par;

    v = req_form(it->r, "parent");
    par = parse_index(v != NULL ? v : req_arg(it->r, "rodzic"));
    *task = t >= 0 && t < it->p->ntasks ? (int)t : -1;
    *parent = par >= 0 && par < it->p->nindicators &&
                      it->p->indicators[par].parent < 0 &&
                      it->p->indicators[par].task >= 0
                  ? (int)par
                  : -1;
    if (*parent >= 0 && *task < 0) {
        *task = it->p->indicators[*parent].task;
    }
    if (req_form(it->r, "task") != NULL && *task < 0) {
        field_error(it, "task", T_PLAN_F_CHOOSE);
    }
    if (*parent >= 0 && it->p->indicators[*parent].task != *task) {
        field_error(it, "parent", T_PLAN_F_PARENT_TASK);
        *parent = -1;
    }
    if (*task < 0 && it->p->ntasks > 0) {
        *task = 0;
    }
}

/* Load the plan and a new item where the form puts it; 404 for a line or an
** indicator when there is no task to put it in. */
static int
load_new_or_reply(struct req *r, struct items *it)
{
    int task, parent, rc;

    if ((rc = load_item_or_reply(r, it, true)) != 0) {
        return rc;
    }
    placement(it, &task, &parent);
    if ((it->kind == IK_LINE || it->kind == IK_INDICATOR) && task < 0) {
        return req_error(it->r, 404, NULL);
    }
    it->pos = add_item(it, task, parent);
    return 0;
}

/* The form of a new item (is_new) or of item param 2 as stored. */
static int
show_item(struct req *r, bool is_new)
{
    struct items it;
    int rc =
        is_new ? load_new_or_reply(r, &it) : load_item_or_reply(r, &it, false);

    if (rc == 0) {
        render_item(&it);
    }
    return rc;
}

/* The item as stored, with it->alert as the reason (409). */
static int
conflict(struct items *it)
{
    it->r->status = 409;
    render_item(it);
    return 0;
}

/*
** Load item param 2 and let change(it, before) change it, before being
** its JSON as stored; a form from an older version shows the item as
** stored instead.
*/
static int
change_item(struct req *r, int (*change)(struct items *, const char *))
{
    struct items it;
    int rc;

    if ((rc = load_item_or_reply(r, &it, false)) != 0) {
        return rc;
    }
    if (stale(&it)) {
        return conflict(&it);
    }
    return change(&it, item_json(&r->arena, it.p, it.kind, it.pos));
}

/*
** ROUTE: GET /plany/:id/struktura/:kind/nowy
** CAP: CAP_PLAN_EDIT
** PARAMS: id (path), kind=cel|dzialanie|zadanie|wiersz|wskaznik (path);
**         zadanie=task position, rodzic=indicator position (optional)
*/
int
page_plan_item_new(struct req *r)
{
    return show_item(r, true);
}

/*
** ROUTE: POST /plany/:id/struktura/:kind/nowy
** CAP: CAP_PLAN_EDIT
** PARAMS: id, kind (path); the kind's fields: code, title (goal, action),
**         goal, action, number, description (task), task, term,
**         implementers, total, a_<source> (line), task, parent, name,
**         unit, year, multi (indicator); csrf
*/
int
page_plan_item_add(struct req *r)
{
    struct items it;
    int rc;

    if ((rc = load_new_or_reply(r, &it)) != 0) {
        return rc;
    }
    apply(&it);
    return commit_or_form(&it, it.nerr == 0 && !stale(&it), "add", NULL);
}

/*
** ROUTE: GET /plany/:id/struktura/:kind/:pos
** CAP: CAP_PLAN_EDIT
** PARAMS: id, kind, pos=position of the item (path)
*/
int
page_plan_item(struct req *r)
{
    return show_item(r, false);
}

/* Save the form over the item, before being its JSON as stored. */
static int
save_item(struct items *it, const char *before)
{
    apply(it);
    return commit_or_form(it, it->nerr == 0, "update", before);
}

/*
** ROUTE: POST /plany/:id/struktura/:kind/:pos
** CAP: CAP_PLAN_EDIT
** PARAMS: id, kind, pos (path); the kind's fields as when adding; csrf
*/
int
page_plan_item_save(struct req *r)
{
    return change_item(r, save_item);
}

/* Remove the item, or show why it stays (409). */
static int
remove_item(struct items *it, const char *before)
{
    struct req *r = it->r;
    const char *refused = NULL;
    int rc;

    switch (it->kind) {
    case IK_GOAL:
        refused = remove_goal(it->p, it->pos);
        break;
    case IK_ACTION:
        refused = remove_action(it->p, it->pos);
        break;
    case IK_TASK:
        remove_task(it, it->pos);
        break;
    case IK_LINE:
        remove_line(it, it->pos);
        break;
    default:
        remove_indicator(it, it->pos);
        break;
    }
    if (refused == NULL) {
        rc = commit(it, "remove", before, NULL);
        if (rc == 0) {
            return req_redirect(
                r,
                arena_printf(&r->arena, "/plany/%ld/struktura", (long)it->id));
        }
        if (rc != ERR_INPUT) {
            return rc;
        }
        refused = it->alert;
    }
    /* show the item as stored, with the reason it stays */
    if ((rc = load_item_or_reply(r, it, false)) != 0) {
        return rc;
    }
    it->alert = refused;
    return conflict(it);
}

/*
** ROUTE: POST /plany/:id/struktura/:kind/:pos/usun
** CAP: CAP_PLAN_EDIT
** PARAMS: id, kind, pos (path); csrf
*/
int
page_plan_item_remove(struct req *r)
{
    return change_item(r, remove_item);
}

/* --- the structure page and the whole plan ----------------------- */

/* "Zmień", named for screen readers by the item (label in name kept). */
static void
edit_link(struct items *it, enum item_kind k, int i, const char *what)
{
    html_printf(&it->r->out,
                "<a id=\"%s-%d\" href=\"/plany/%ld/struktura/%s/%d\" "
                "aria-label=\"%s: %s\">%s</a>",
                kinds[k].slug, i, (long)it->id, kinds[k].slug, i,
                T_PLAN_EDIT_ITEM, what, T_PLAN_EDIT_ITEM);
}

static void
add_link(struct items *it, enum item_kind k, const char *query)
{
    html_printf(&it->r->out,
                "<p class=\"add\"><a href=\"/plany/%ld/struktura/%s/nowy%s\">"
                "%s</a></p>\n",
                (long)it->id, kinds[k].slug, query ? query : "", kinds[k].add);
}

static void
render_task(struct items *it, int t)
{
    struct req *r = it->r;
    struct plan *p = it->p;
    struct arena *a = &r->arena;
    const struct plan_task *task = &p->tasks[t];
    int l, i;

    html_printf(&r->out, "<h3>%s %s</h3>\n<p>%s ", T_PLAN_ITEM_TASK,
                task->number ? task->number : "",
                task->description ? task->description : "");
    edit_link(it, IK_TASK, t,
              arena_printf(a, "%s %s", T_PLAN_ITEM_TASK, task->number));
    html_lit(&r->out, "</p>\n<ul class=\"items\">\n");
    for (l = task->first_line; l >= 0 && l < task->first_line + task->nlines;
         l++) {
        html_printf(&r->out, "<li>%s %d: %s, %s, %s " T_CURRENCY " ",
                    T_PLAN_ITEM_LINE, l - task->first_line + 1,
                    p->lines[l].term.text ? p->lines[l].term.text : "—",
                    p->lines[l].implementers ? p->lines[l].implementers : "—",
                    str_money(a, plan_line_value(&p->lines[l])));
        edit_link(it, IK_LINE, l,
                  arena_printf(a, "%s %d %s %s", T_PLAN_ITEM_LINE,
                               l - task->first_line + 1, T_PLAN_ITEM_TASK,
                               task->number));
        html_lit(&r->out, "</li>\n");
    }
    for (i = 0; i < p->nindicators; i++) {
        const struct plan_indicator *in = &p->indicators[i];

        if (in->task != t) {
            continue;
        }
        html_printf(&r->out, "<li class=\"%s\">%s: %s (%s%s%s) ",
                    in->parent >= 0 ? "breakdown" : "indicator",
                    in->parent >= 0 ? T_PLAN_ITEM_BREAKDOWN
                                    : T_PLAN_ITEM_INDICATOR,
                    in->name ? in->name : "",
                    plan_num_text(a, &in->target_year, false, true),
                    in->unit ? " " : "", in->unit ? in->unit : "");
        edit_link(it, IK_INDICATOR, i,
                  arena_printf(a, "%s %s", T_PLAN_ITEM_INDICATOR, in->name));
        html_lit(&r->out, "</li>\n");
    }
    html_lit(&r->out, "</ul>\n");
    add_link(it, IK_LINE, arena_printf(a, "?zadanie=%d", t));
    add_link(it, IK_INDICATOR, arena_printf(a, "?zadanie=%d", t));
}

static void
render_plan_actions(struct items *it, const struct plan_facts *f)
{
    struct req *r = it->r;
    struct arena *a = &r->arena;

    html_printf(&r->out, "<h2>%s</h2>\n<p>%s</p>\n", T_PLAN_DELETE_HEAD,
                T_PLAN_DELETE_LEAD);
    if (f->archived) {
        html_lit(&r->out, "<p>" T_PLAN_ARCHIVED_NOTE "</p>\n");
    }
    form_begin(r, arena_printf(a, "/plany/%ld/usun", (long)it->id), NULL);
    html_lit(&r->out,
             "<p><button type=\"submit\" class=\"danger\">" T_PLAN_DELETE
             "</button></p>\n");
    form_end(r);
    form_begin(r, arena_printf(a, "/plany/%ld/archiwum", (long)it->id), NULL);
    html_printf(&r->out,
                "<p><input type=\"hidden\" name=\"archived\" value=\"%d\">"
                "<button type=\"submit\">%s</button></p>\n",
                f->archived ? 0 : 1,
                f->archived ? T_PLAN_UNARCHIVE : T_PLAN_ARCHIVE);
    form_end(r);
}

static int
render_structure(struct items *it)
{
    struct req *r = it->r;
    struct plan *p = it->p;
    struct arena *a = &r->arena;
    struct plan_facts f;
    int i, rc;

    if ((rc = plan_store_facts(r->db, it->id, &f)) != 0) {
        return rc;
    }
    layout_begin(r, T_PLAN_STRUCTURE);
    crumbs(it, NULL);
    html_printf(&r->out, "<h1>%s</h1>\n", T_PLAN_STRUCTURE);
    if (it->alert != NULL) {
        form_errors(r, &it->alert, 1);
    }
    html_printf(&r->out,
                "<p class=\"lead\">%s</p>\n<h2>%s</h2>\n<ul class=\"items\">\n",
                T_PLAN_STRUCTURE_LEAD, T_PLAN_GOALS);
    for (i = 0; i < p->ngoals; i++) {
        html_printf(&r->out, "<li>%s %s ", p->goals[i].code, p->goals[i].title);
        edit_link(it, IK_GOAL, i,
                  arena_printf(a, "%s %s", T_PLAN_ITEM_GOAL, p->goals[i].code));
        html_lit(&r->out, "</li>\n");
    }
    html_lit(&r->out, "</ul>\n");
    add_link(it, IK_GOAL, NULL);
    html_lit(&r->out, "<h2>" T_PLAN_ACTIONS "</h2>\n<ul class=\"items\">\n");
    for (i = 0; i < p->nactions; i++) {
        html_printf(&r->out, "<li>%s %s ", p->actions[i].code,
                    p->actions[i].title);
        edit_link(
            it, IK_ACTION, i,
            arena_printf(a, "%s %s", T_PLAN_ITEM_ACTION, p->actions[i].code));
        html_lit(&r->out, "</li>\n");
    }
    html_lit(&r->out, "</ul>\n");
    add_link(it, IK_ACTION, NULL);
    html_lit(&r->out, "<h2>Zadania</h2>\n");
    for (i = 0; i < p->ntasks; i++) {
        render_task(it, i);
    }
    add_link(it, IK_TASK, NULL);
    render_plan_actions(it, &f);
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /plany/:id/struktura
** CAP: CAP_PLAN_EDIT
** PARAMS: id=plan (path)
*/
int
page_plan_structure(struct req *r)
{
    struct items it;
    int rc;

    if ((rc = load_or_reply(r, &it)) != 0) {
        return rc;
    }
    return render_structure(&it);
}

/*
** ROUTE: POST /plany/:id/usun
** CAP: CAP_PLAN_EDIT
** PARAMS: id (path); csrf
*/
int
page_plan_delete(struct req *r)
{
    struct audit_entry who = plan_who(r);
    const char *why = NULL;
    struct items it;
    int rc;

    if ((rc = load_or_reply(r, &it)) != 0) {
        return rc;
    }
    rc = plan_store_delete(r->db, &r->arena, it.id, &who,
                           plan_meta_json(&r->arena, it.p), &why);
    if (rc == 0) {
        return req_redirect(r, "/plany");
    }
    if (rc != ERR_CONFLICT) {
        return rc;
    }
    it.alert = why;
    r->status = 409;
    return render_structure(&it);
}

/*
** ROUTE: POST /plany/:id/archiwum
** CAP: CAP_PLAN_EDIT
** PARAMS: id (path); archived=0|1, csrf
*/
int
page_plan_archive(struct req *r)
{
    struct audit_entry who = plan_who(r);
    const char *v = req_form(r, "archived");
    struct items it;
    int rc;

    if ((rc = load_or_reply(r, &it)) != 0) {
        return rc;
    }
    if (v == NULL || (strcmp(v, "0") != 0 && strcmp(v, "1") != 0)) {
        return req_error(r, 400, NULL);
    }
    if ((rc = plan_store_set_archived(r->db, it.id, v[0] == '1', &who)) != 0) {
        return rc;
    }
    return req_redirect(
        r, arena_printf(&r->arena, "/plany/%ld/struktura", (long)it.id));
}
