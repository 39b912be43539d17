/*
** Editing a stored plan's task on the web: its number, description, each
** budget line (term, implementers, total and amounts by funding source) and
** each indicator (name, unit, yearly and multi-year targets). Fields are
** read with the same readers as the documents (Polish numbers, Roman and
** named months), the whole plan is checked again, and the change is
** written in one transaction with one audit row, or not at all.
*/
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "core/err.h"
#include "core/str.h"
#include "core/strings_pl.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "plan.h"
#include "modules_handlers.h"
#include "pages.h"
#include "plan_store.h"
#include "plan/strings_pl.h"
#include "users/strings_pl.h"

#define MAX_ERRORS 64

struct edit {
    struct req *r;
    struct plan *p;
    struct plan_meta meta;
    int64_t id;
    int task;
    bool is_new; /* the task was appended in memory by append_task() */
    const char *errors[MAX_ERRORS];
    int nerrors;
};

static void
error_add(struct edit *e, const char *msg)
{
    if (e->nerrors < MAX_ERRORS) {
        e->errors[e->nerrors++] = msg;
    }
}

/*
** Load plan :id and task :task. Reading needs the plan to be visible to
** this reader; editing (edit set) needs the editor's region.
*/
static int
load_or_reply(struct req *r, struct edit *e, bool edit)
{
    int64_t id, t, version;
    int rc;

    memset(e, 0, sizeof(*e));
    e->r = r;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0 ||
        (rc = req_param_num(r, 1, 0, &t)) != 0) {
        return rc;
    }
    if (!edit && (rc = plan_visible_or_reply(r, id, &version)) != 0) {
        return rc;
    }
    rc = plan_store_load(r->db, &r->arena, id, &e->p, &e->meta);
    if (rc == ERR_NOTFOUND || (rc == 0 && t >= e->p->ntasks)) {
        return req_error(r, 404, NULL);
    }
    if (rc != 0) {
        return rc;
    }
    if (edit && !plan_may_edit(r, e->meta.region)) {
        return req_error(r, 403, T_PLAN_REGION_DENIED);
    }
    e->id = id;
    e->task = (int)t;
    return 0;
}

static const struct plan_num *
line_amount(const struct plan_line *l, int source)
{
    static const struct plan_num empty = {PLAN_NUM_EMPTY, 0, NULL};
    int k;

    for (k = 0; k < l->namounts; k++) {
        if (l->amounts[k].source == source) {
            return &l->amounts[k].amount;
        }
    }
    return &empty;
}

static void
field(struct req *r, const char *name, const char *label, const char *value,
      const char *hint_id)
{
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-%s\">%s</label>"
                "<input id=\"f-%s\" name=\"%s\" value=\"%s\"",
                name, label, name, name, value ? value : "");
    if (hint_id != NULL) {
        html_printf(&r->out, " aria-describedby=\"%s\"", hint_id);
    }
    html_lit(&r->out, "></p>\n");
}

static const char *
num_shown(struct arena *a, const struct plan_num *n, bool money)
{
    const char *s = plan_num_text(a, n, money, true);

    return *s != '\0' ? s : "—";
}

/* The task as stored: its lines, budget by source, indicators, findings. */
static void
render_view(struct edit *e)
{
    struct req *r = e->r;
    const struct plan *p = e->p;
    const struct plan_task *task = &p->tasks[e->task];
    struct arena *a = &r->arena;
    int l, s, i, last = task->row;

    html_printf(&r->out, "<p class=\"task-description\">%s</p>\n",
                task->description ? task->description : "");
    html_printf(&r->out, WIDE_OPEN, T_PLAN_LINES);
    html_printf(&r->out,
                "<table>\n<caption>%s</caption>\n<thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\" class=\"num\">%s</th>",
                T_PLAN_LINES, T_PLAN_TERM, T_PLAN_IMPLEMENTERS, T_PLAN_TOTAL);
    for (s = 0; s < p->nsources; s++) {
        html_printf(&r->out, "<th scope=\"col\" class=\"num\">%s</th>",
                    p->sources[s].name);
    }
    html_lit(&r->out, "</tr></thead>\n<tbody>\n");
    for (l = task->first_line; l >= 0 && l < task->first_line + task->nlines;
         l++) {
        const struct plan_line *ln = &p->lines[l];

        last = ln->row > last ? ln->row : last;
        html_printf(&r->out,
                    "<tr><td>%s</td><td>%s</td><td class=\"num\">%s</td>",
                    ln->term.text ? ln->term.text : "",
                    ln->implementers ? ln->implementers : "",
                    str_money(a, plan_line_value(ln)));
        for (s = 0; s < p->nsources; s++) {
            html_printf(&r->out, "<td class=\"num\">%s</td>",
                        num_shown(a, line_amount(ln, s), true));
        }
        html_lit(&r->out, "</tr>\n");
    }
    html_printf(&r->out,
                "</tbody>\n</table></div>\n" WIDE_OPEN
                "<table>\n<caption>%s</caption>\n"
                "<thead><tr><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th>"
                "<th scope=\"col\" class=\"num\">%s</th>"
                "<th scope=\"col\" class=\"num\">%s</th></tr></thead>\n"
                "<tbody>\n",
                T_PLAN_INDICATORS, T_PLAN_INDICATORS, T_PLAN_IND_NAME,
                T_PLAN_IND_UNIT, T_PLAN_TARGET_YEAR, T_PLAN_TARGET_MULTI);
    for (i = 0; i < p->nindicators; i++) {
        const struct plan_indicator *in = &p->indicators[i];

        if (in->task != e->task) {
            continue;
        }
        last = in->row > last ? in->row : last;
        html_printf(&r->out,
                    "<tr><td class=\"%s\">%s%s</td><td>%s</td>"
                    "<td class=\"num\">%s</td><td class=\"num\">%s</td>"
                    "</tr>\n",
                    in->parent >= 0 ? "breakdown" : "indicator",
                    in->parent >= 0 ? "w tym: " : "", in->name,
                    in->unit ? in->unit : "",
                    num_shown(a, &in->target_year, false),
                    num_shown(a, &in->target_multi, false));
    }
    html_lit(&r->out, "</tbody>\n" WIDE_CLOSE);
    for (i = 0; i < p->nfindings; i++) {
        const struct plan_finding *f = &p->findings[i];

        if (f->row >= task->row && f->row <= last) {
            html_printf(&r->out,
                        "<p class=\"finding sev-%s\"><strong>%s</strong> "
                        "(%s %d): %s</p>\n",
                        plan_severity_name(f->severity),
                        plan_severity_name(f->severity), T_PLAN_ROW, f->row,
                        f->message);
        }
    }
}

static void render_form(struct edit *e);

static void
render_page(struct edit *e, bool show_form)
{
    struct req *r = e->r;
    const struct plan *p = e->p;
    const struct plan_task *task = &p->tasks[e->task];
    struct arena *a = &r->arena;

    layout_begin(r, arena_printf(a, "%s %s", T_PLAN_TASK_FORM,
                                 task->number ? task->number : ""));
    plan_crumbs(r, e->id, p->title,
                arena_printf(&r->arena, "%s %s", T_PLAN_TASK_FORM,
                             task->number ? task->number : ""));
    html_printf(&r->out, "<h1>%s %s</h1>\n", T_PLAN_TASK_FORM,
                task->number ? task->number : "");
    render_view(e);
    if (show_form) {
        render_form(e);
    }
    layout_end(r);
}

static void
render_form(struct edit *e)
{
    struct req *r = e->r;
    const struct plan *p = e->p;
    const struct plan_task *task = &p->tasks[e->task];
    struct arena *a = &r->arena;
    int l, s, i, n = 0;

    html_printf(&r->out, "<h2 id=\"edycja\">%s %s</h2>\n", T_PLAN_EDIT_TASK,
                task->number ? task->number : "");
    form_errors(r, e->errors, e->nerrors);
    html_printf(&r->out,
                "<p id=\"hint-money\" class=\"hint\">%s</p>\n"
                "<p id=\"hint-term\" class=\"hint\">%s</p>\n",
                T_PLAN_MONEY_HINT, T_PLAN_TERM_HINT);
    form_begin(
        r,
        e->is_new
            ? arena_printf(a, "/plany/%ld/nowe-zadanie", (long)e->id)
            : arena_printf(a, "/plany/%ld/zadania/%d", (long)e->id, e->task),
        NULL);
    html_lit(&r->out, "<fieldset><legend>" T_PLAN_TASK_FORM "</legend>\n");
    if (e->is_new && p->ngoals > 0) {
        html_lit(&r->out,
                 "<p class=\"field\"><label for=\"f-goal\">" T_PLAN_TASK_GOAL
                 "</label><select id=\"f-goal\" "
                 "name=\"goal\">\n");
        for (i = 0; i < p->ngoals; i++) {
            if (i == task->goal) {
                html_printf(&r->out,
                            "<option value=\"%d\" selected>%s %s"
                            "</option>\n",
                            i, p->goals[i].code, p->goals[i].title);
            } else {
                html_printf(&r->out, "<option value=\"%d\">%s %s</option>\n", i,
                            p->goals[i].code, p->goals[i].title);
            }
        }
        html_lit(&r->out, "</select></p>\n");
    }
    field(r, "number", T_PLAN_TASK_NUMBER, task->number, NULL);
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-description\">%s"
                "</label><textarea id=\"f-description\" "
                "name=\"description\" rows=\"5\">%s</textarea></p>\n",
                T_PLAN_TASK_DESCRIPTION,
                task->description ? task->description : "");
    html_lit(&r->out, "</fieldset>\n");
    for (l = task->first_line; l >= 0 && l < task->first_line + task->nlines;
         l++) {
        const struct plan_line *ln = &p->lines[l];

        html_printf(&r->out, "<fieldset><legend>%s %d</legend>\n", T_PLAN_LINE,
                    ++n);
        field(r, arena_printf(a, "l%d_term", l), T_PLAN_TERM, ln->term.text,
              "hint-term");
        field(r, arena_printf(a, "l%d_impl", l), T_PLAN_IMPLEMENTERS,
              ln->implementers, NULL);
        field(r, arena_printf(a, "l%d_total", l),
              arena_printf(a, "%s: %s", T_PLAN_BUDGET, T_PLAN_TOTAL),
              plan_num_text(a, &ln->total, true, true), "hint-money");
        for (s = 0; s < p->nsources; s++) {
            field(r, arena_printf(a, "l%d_%s", l, p->sources[s].code),
                  arena_printf(a, "%s [" T_CURRENCY "]", p->sources[s].name),
                  plan_num_text(a, line_amount(ln, s), true, true),
                  "hint-money");
        }
        html_lit(&r->out, "</fieldset>\n");
    }
    n = 0;
    for (i = 0; i < p->nindicators; i++) {
        const struct plan_indicator *in = &p->indicators[i];

        if (in->task != e->task) {
            continue;
        }
        html_printf(&r->out, "<fieldset><legend>%s %d%s</legend>\n",
                    T_PLAN_INDICATOR, ++n, in->parent >= 0 ? " (w tym)" : "");
        field(r, arena_printf(a, "i%d_name", i), T_PLAN_IND_NAME, in->name,
              NULL);
        field(r, arena_printf(a, "i%d_unit", i), T_PLAN_IND_UNIT, in->unit,
              NULL);
        field(r, arena_printf(a, "i%d_year", i), T_PLAN_TARGET_YEAR,
              plan_num_text(a, &in->target_year, false, true), NULL);
        field(r, arena_printf(a, "i%d_multi", i), T_PLAN_TARGET_MULTI,
              plan_num_text(a, &in->target_multi, false, true), NULL);
        html_lit(&r->out, "</fieldset>\n");
    }
    html_lit(&r->out,
             "<p><button type=\"submit\">" T_PLAN_SAVE "</button></p>\n");
    form_end(r);
}

/*
** ROUTE: GET /plany/:id/zadania/:task
** CAP: CAP_PUBLIC
** PARAMS: id=plan, task=position of the task (path); the edit form is
**         shown to those who may edit the plan's region
*/
int
page_plan_task(struct req *r)
{
    struct edit e;
    int rc;

    if ((rc = load_or_reply(r, &e, false)) != 0) {
        return rc;
    }
    render_page(&e, plan_may_edit(r, e.meta.region));
    return 0;
}

/* Read a money field into *n; an unreadable one becomes an error. */
static void
read_money(struct edit *e, const char *name, const char *label,
           struct plan_num *n)
{
    const char *v = req_form(e->r, name);

    if (v == NULL) {
        return; /* not in the form: unchanged */
    }
    v = str_trim(&e->r->arena, v);
    if (*v == '\0') {
        n->kind = PLAN_NUM_EMPTY;
        n->v = 0;
        n->text = NULL;
        return;
    }
    n->text = v;
    if (plan_num_money(v, n) != 0) {
        error_add(e,
                  arena_printf(&e->r->arena, T_PLAN_F_LABEL_MONEY, label, v));
    }
}

static void
read_count(struct edit *e, const char *name, const char *label,
           struct plan_num *n)
{
    const char *v = req_form(e->r, name), *unit = NULL;

    if (v == NULL) {
        return;
    }
    v = str_trim(&e->r->arena, v);
    if (*v == '\0') {
        n->kind = PLAN_NUM_EMPTY;
        n->v = 0;
        n->text = NULL;
        return;
    }
    n->text = v;
    if (plan_num_count(v, n, &unit) != 0) {
        error_add(e,
                  arena_printf(&e->r->arena, T_PLAN_F_LABEL_COUNT, label, v));
    }
}

static const char *
read_text(struct edit *e, const char *name, const char *old)
{
    const char *v = req_form(e->r, name);

    return v != NULL ? str_trim(&e->r->arena, v) : old;
}

/* Apply the form to the task in memory; errors go to e->errors. */
static void
apply(struct edit *e)
{
    struct plan *p = e->p;
    struct plan_task *task = &p->tasks[e->task];
    struct arena *a = &e->r->arena;
    int l, s, i;

    task->number = read_text(e, "number", task->number);
    task->description = read_text(e, "description", task->description);
    if (task->number == NULL || *task->number == '\0') {
        error_add(e, T_PLAN_TASK_NUMBER T_PLAN_F_FIELD_REQUIRED);
    }
    for (l = task->first_line; l >= 0 && l < task->first_line + task->nlines;
         l++) {
        struct plan_line *ln = &p->lines[l];
        const char *term =
            read_text(e, arena_printf(a, "l%d_term", l), ln->term.text);

        ln->implementers =
            read_text(e, arena_printf(a, "l%d_impl", l), ln->implementers);
        if (term != NULL && *term != '\0') {
            if (plan_term_parse(a, term, &ln->term) != 0) {
                error_add(e, arena_printf(
                                 a, T_PLAN_F_LABEL_TERM, T_PLAN_TERM, term,
                                 ln->term.bad_word ? ln->term.bad_word : term));
            }
        } else {
            memset(&ln->term, 0, sizeof(ln->term));
        }
        read_money(e, arena_printf(a, "l%d_total", l), T_PLAN_TOTAL,
                   &ln->total);
        for (s = 0; s < p->nsources; s++) {
            const char *name = arena_printf(a, "l%d_%s", l, p->sources[s].code);
            struct plan_num *n = NULL;
            int k;

            for (k = 0; k < ln->namounts; k++) {
                if (ln->amounts[k].source == s) {
                    n = &ln->amounts[k].amount;
                }
            }
            if (n == NULL) {
                const char *v = req_form(e->r, name);

                if (v == NULL || *str_trim(a, v) == '\0') {
                    continue;
                }
                ln->amounts = plan_grow(a, ln->amounts, ln->namounts,
                                        sizeof(*ln->amounts));
                ln->amounts[ln->namounts].source = s;
                n = &ln->amounts[ln->namounts++].amount;
            }
            read_money(e, name, p->sources[s].name, n);
        }
    }
    if (task->nlines > 0) {
        task->term = p->lines[task->first_line].term;
        task->implementers = p->lines[task->first_line].implementers;
    }
    for (i = 0; i < p->nindicators; i++) {
        struct plan_indicator *in = &p->indicators[i];

        if (in->task != e->task) {
            continue;
        }
        in->name = read_text(e, arena_printf(a, "i%d_name", i), in->name);
        in->unit = read_text(e, arena_printf(a, "i%d_unit", i), in->unit);
        if (in->unit != NULL && *in->unit == '\0') {
            in->unit = NULL;
        }
        read_count(e, arena_printf(a, "i%d_year", i), T_PLAN_TARGET_YEAR,
                   &in->target_year);
        read_count(e, arena_printf(a, "i%d_multi", i), T_PLAN_TARGET_MULTI,
                   &in->target_multi);
        if (in->name == NULL || *in->name == '\0') {
            error_add(e, T_PLAN_IND_NAME T_PLAN_F_FIELD_REQUIRED);
        }
    }
}

/*
** ROUTE: POST /plany/:id/zadania/:task
** CAP: CAP_PLAN_EDIT
** PARAMS: id, task (path); number, description, lN_term, lN_impl,
**         lN_total, lN_<source>, iN_name, iN_unit, iN_year, iN_multi, csrf
*/
int
page_plan_task_save(struct req *r)
{
    struct audit_entry who = plan_who(r);
    const char *before, *why = NULL;
    struct edit e;
    int rc;

    if ((rc = load_or_reply(r, &e, true)) != 0) {
        return rc;
    }
    before = plan_task_json(&r->arena, e.p, e.task);
    apply(&e);
    if (e.nerrors == 0) {
        plan_check(&r->arena, e.p);
        rc = plan_store_update_task(r->db, &r->arena, e.id, e.p, e.task, &who,
                                    before, &why);
        if (rc == 0) {
            return req_redirect(r,
                                arena_printf(&r->arena, "/plany/%ld#zadanie-%d",
                                             (long)e.id, e.task + 1));
        }
        if (rc != ERR_INPUT) {
            return rc;
        }
        error_add(&e, why);
    }
    r->status = 400;
    render_page(&e, true);
    return 0;
}

/*
** Append an empty task to the plan in memory, with one budget line and
** one indicator, in the last goal, numbered after the last task; the form
** then fills it like any other task.
*/
static void
append_task(struct edit *e)
{
    struct plan *p = e->p;
    struct arena *a = &e->r->arena;
    struct plan_task *t;
    struct plan_line *l;
    struct plan_indicator *in;
    int row = plan_next_row(p) - 1;

    p->tasks = plan_grow(a, p->tasks, p->ntasks, sizeof(*p->tasks));
    t = &p->tasks[p->ntasks];
    memset(t, 0, sizeof(*t));
    t->number = arena_printf(a, "%d", p->ntasks + 1);
    t->goal = p->ngoals - 1;
    t->action = -1;
    t->description = "";
    t->row = row + 1;
    t->first_line = p->nlines;
    t->nlines = 1;
    p->lines = plan_grow(a, p->lines, p->nlines, sizeof(*p->lines));
    l = &p->lines[p->nlines++];
    memset(l, 0, sizeof(*l));
    l->task = p->ntasks;
    l->row = row + 1;
    p->indicators =
        plan_grow(a, p->indicators, p->nindicators, sizeof(*p->indicators));
    in = &p->indicators[p->nindicators++];
    memset(in, 0, sizeof(*in));
    in->task = p->ntasks;
    in->parent = -1;
    in->row = row + 1;
    in->name = "";
    e->task = p->ntasks++;
    e->is_new = true;
}

/*
** Load plan :id for its editor (the region's); yearly set: only a yearly
** plan, the only kind whose tasks are added by hand.
*/
static int
load_meta_or_reply(struct req *r, struct edit *e, bool yearly)
{
    int64_t id;
    int rc;

    memset(e, 0, sizeof(*e));
    e->r = r;
    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    rc = plan_store_load(r->db, &r->arena, id, &e->p, &e->meta);
    if (rc == ERR_NOTFOUND ||
        (rc == 0 && yearly && e->p->kind != PLAN_YEARLY)) {
        return req_error(r, 404, NULL);
    }
    if (rc != 0) {
        return rc;
    }
    if (!plan_may_edit(r, e->meta.region)) {
        return req_error(r, 403, T_PLAN_REGION_DENIED);
    }
    e->id = id;
    return 0;
}

/* A yearly plan with a new, empty task appended in memory. */
static int
load_plan_or_reply(struct req *r, struct edit *e)
{
    int rc = load_meta_or_reply(r, e, true);

    if (rc == 0) {
        append_task(e);
    }
    return rc;
}

static void
render_new(struct edit *e)
{
    struct req *r = e->r;

    layout_begin(r, T_PLAN_ADD_TASK);
    plan_crumbs(r, e->id, e->p->title, T_PLAN_ADD_TASK);
    html_printf(&r->out, "<h1>%s</h1>\n", T_PLAN_ADD_TASK);
    render_form(e);
    layout_end(r);
}

/*
** ROUTE: GET /plany/:id/nowe-zadanie
** CAP: CAP_PLAN_EDIT
** PARAMS: id=plan (path)
*/
int
page_plan_task_new(struct req *r)
{
    struct edit e;
    int rc;

    if ((rc = load_plan_or_reply(r, &e)) != 0) {
        return rc;
    }
    render_new(&e);
    return 0;
}

/*
** ROUTE: POST /plany/:id/nowe-zadanie
** CAP: CAP_PLAN_EDIT
** PARAMS: id (path); goal, number, description and the fields of one
**         budget line and one indicator as in the task form; csrf
*/
int
page_plan_task_add(struct req *r)
{
    struct audit_entry who = plan_who(r);
    const char *goal, *why = NULL;
    struct edit e;
    int rc;

    if ((rc = load_plan_or_reply(r, &e)) != 0) {
        return rc;
    }
    goal = req_form(r, "goal");
    if (goal != NULL) {
        char *end;
        long g = strtol(goal, &end, 10);

        if (*end != '\0' || g < 0 || g >= e.p->ngoals) {
            error_add(&e, T_PLAN_TASK_GOAL ": wybierz cel z listy.");
        } else {
            e.p->tasks[e.task].goal = (int)g;
        }
    }
    apply(&e);
    if (e.nerrors == 0) {
        plan_check(&r->arena, e.p);
        rc = plan_store_add_task(r->db, &r->arena, e.id, e.p, e.task, &who,
                                 &why);
        if (rc == 0) {
            return req_redirect(r,
                                arena_printf(&r->arena, "/plany/%ld/zadania/%d",
                                             (long)e.id, e.task));
        }
        if (rc != ERR_INPUT) {
            return rc;
        }
        error_add(&e, why);
    }
    r->status = 400;
    render_new(&e);
    return 0;
}

/* --- a new, empty yearly plan -------------------------------------- */

#define YEAR_ATTRS "inputmode=\"numeric\" pattern=\"[0-9]{4}\" required"

/* The title, year and programme fields of the new-plan and edit forms. */
static void
meta_inputs(struct req *r, const char *title, const char *year,
            const char *programme, const char *from, const char *to)
{
    form_input(r, "title", T_PLAN_NEW_TITLE, "text", title, "required");
    form_input(r, "year", T_PLAN_NEW_YEAR, "text", year, YEAR_ATTRS);
    form_input(r, "programme", T_PLAN_PROGRAMME, "text", programme, "required");
    form_input(r, "from", T_PLAN_NEW_FROM, "text", from, YEAR_ATTRS);
    form_input(r, "to", T_PLAN_NEW_TO, "text", to, YEAR_ATTRS);
}

/* A stored year as the form shows it: empty when unset. */
static const char *
year_text(struct arena *a, int year)
{
    return year > 0 ? arena_printf(a, "%d", year) : "";
}

static void
render_new_plan(struct req *r, const char *const *errors, int nerrors)
{
    const char *v;

    layout_begin(r, T_PLAN_NEW);
    layout_breadcrumb(
        &r->out,
        (const struct crumb[]){{"/plany", T_PLANS_TITLE}, {NULL, T_PLAN_NEW}},
        2);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", T_PLAN_NEW,
                T_PLAN_NEW_LEAD);
    form_errors(r, errors, nerrors);
    form_begin(r, "/plany/nowy", NULL);
    if (r->user->region == NULL) {
        form_input(r, "region", T_USERS_REGION, "text",
                   (v = req_form(r, "region")) ? v : "04",
                   "pattern=\"[0-9]{2}\" inputmode=\"numeric\" required");
    }
    meta_inputs(r, req_form(r, "title"), req_form(r, "year"),
                req_form(r, "programme"), req_form(r, "from"),
                req_form(r, "to"));
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-goals\">%s</label>"
                "<textarea id=\"f-goals\" name=\"goals\" rows=\"6\" "
                "aria-describedby=\"goals-hint\" required>%s</textarea>"
                "</p>\n<p id=\"goals-hint\" class=\"hint\">%s</p>\n",
                T_PLAN_GOALS, (v = req_form(r, "goals")) ? v : "",
                T_PLAN_NEW_GOALS_HINT);
    html_lit(&r->out,
             "<p><button type=\"submit\">" T_PLAN_NEW "</button></p>\n");
    form_end(r);
    layout_end(r);
}

/*
** ROUTE: GET /plany/nowy
** CAP: CAP_PLAN_EDIT
** PARAMS: none
*/
int
page_plan_new(struct req *r)
{
    render_new_plan(r, NULL, 0);
    return 0;
}

static int
year_field(struct req *r, const char *name, const char *label,
           const char **errors, int *n)
{
    const char *v = req_form(r, name);
    char *end;
    long y = v ? strtol(v, &end, 10) : 0;

    if (v == NULL || *v == '\0' || *end != '\0' || y < 1990 || y > 2100) {
        errors[(*n)++] = arena_printf(&r->arena, T_PLAN_F_LABEL_YEAR, label);
        return 0;
    }
    return (int)y;
}

/*
** Title, programme and years from the form into p; what is missing or
** wrong appended to errors[*n] (the years' order only when all else is).
*/
static void
read_meta(struct req *r, struct plan *p, const char **errors, int *n)
{
    struct arena *a = &r->arena;
    const char *title = req_form(r, "title");
    const char *programme = req_form(r, "programme");

    p->title = title ? str_trim(a, title) : "";
    p->programme_title = programme ? str_trim(a, programme) : "";
    if (*p->title == '\0') {
        errors[(*n)++] = T_PLAN_NEW_TITLE T_PLAN_F_FIELD_REQUIRED;
    }
    if (*p->programme_title == '\0') {
        errors[(*n)++] = T_PLAN_PROGRAMME T_PLAN_F_FIELD_REQUIRED;
    }
    p->year = year_field(r, "year", T_PLAN_NEW_YEAR, errors, n);
    p->programme_from = year_field(r, "from", T_PLAN_NEW_FROM, errors, n);
    p->programme_to = year_field(r, "to", T_PLAN_NEW_TO, errors, n);
    if (*n == 0 && (p->programme_from > p->programme_to ||
                    p->year < p->programme_from || p->year > p->programme_to)) {
        errors[(*n)++] = T_PLAN_NEW_YEARS_BAD;
    }
}

/*
** Append to p the goals written one per line as "CODE Title" or
** "CODE. Title"; a line without a title is an error in errors[*n].
*/
static void
add_goal_lines(struct req *r, const char *goals, struct plan *p,
               const char **errors, int *n)
{
    struct arena *a = &r->arena;
    const char *line;

    for (line = goals ? goals : ""; *line != '\0' && *n < MAX_ERRORS - 1;) {
        size_t len = strcspn(line, "\r\n");
        char *text = str_trim(a, arena_strndup(a, line, len));
        size_t code_len = strcspn(text, " \t");

        if (*text != '\0') {
            struct plan_goal *g;

            if (text[code_len] == '\0') {
                errors[(*n)++] =
                    arena_printf(a, T_PLAN_F_GOAL_LINE, T_PLAN_GOALS, text);
            } else {
                p->goals = plan_grow(a, p->goals, p->ngoals, sizeof(*p->goals));
                g = &p->goals[p->ngoals++];
                g->code = arena_strndup(a, text, code_len);
                if (code_len > 1 && g->code[code_len - 1] == '.') {
                    g->code = arena_strndup(a, text, code_len - 1);
                }
                g->title = str_trim(a, text + code_len);
                g->row = p->ngoals;
            }
        }
        line += len;
        line += strspn(line, "\r\n");
    }
}

/*
** ROUTE: POST /plany/nowy
** CAP: CAP_PLAN_EDIT
** PARAMS: region (administrators), title, year, programme, from, to,
**         goals (one per line: "CODE Title" or "CODE. Title"), csrf
*/
int
page_plan_create(struct req *r)
{
    struct audit_entry who = plan_who(r);
    const char *errors[MAX_ERRORS], *region = req_form(r, "region");
    const char *goals = req_form(r, "goals"), *why = NULL;
    struct arena *a = &r->arena;
    struct plan *p = plan_new(a, PLAN_YEARLY);
    int n = 0, rc;
    int64_t id;

    who.action = "plan.create";
    if (r->user->region != NULL) {
        region = r->user->region;
    }
    if (region == NULL || !plan_may_edit(r, region)) {
        errors[n++] = T_PLAN_REGION_DENIED;
    }
    read_meta(r, p, errors, &n);
    add_goal_lines(r, goals, p, errors, &n);
    if (p->ngoals == 0 && n < MAX_ERRORS) {
        errors[n++] = T_PLAN_GOALS T_PLAN_F_ONE_GOAL;
    }
    if (n > 0) {
        r->status = 400;
        render_new_plan(r, errors, n);
        return 0;
    }
    p->name = "formularz";
    p->format = "form";
    plan_check(a, p);
    rc = plan_store_save(r->db, a, region, p, &who, &id, &why);
    if (rc == ERR_INPUT) {
        r->status = 400;
        errors[0] = why;
        render_new_plan(r, errors, 1);
        return 0;
    }
    if (rc != 0) {
        return rc;
    }
    return req_redirect(r, arena_printf(a, "/plany/%ld", (long)id));
}

/* --- editing a plan's title, years, programme and goals ---------------- */

static void
render_plan_form(struct req *r, int64_t id, const struct plan *p,
                 const char *const *errors, int nerrors)
{
    struct arena *a = &r->arena;
    int g;

    layout_begin(r, T_PLAN_EDIT);
    plan_crumbs(r, id, p->title, T_PLAN_EDIT);
    html_printf(&r->out, "<h1>%s</h1>\n", T_PLAN_EDIT);
    form_errors(r, errors, nerrors);
    form_begin(r, arena_printf(a, "/plany/%ld/edycja", (long)id), NULL);
    meta_inputs(r, p->title, year_text(a, p->year), p->programme_title,
                year_text(a, p->programme_from), year_text(a, p->programme_to));
    for (g = 0; g < p->ngoals; g++) {
        html_printf(&r->out, "<fieldset><legend>%s %d</legend>\n", T_PLAN_GOAL,
                    g + 1);
        form_input(r, arena_printf(a, "g%d_code", g), T_PLAN_GOAL_CODE, "text",
                   p->goals[g].code, "required");
        form_input(r, arena_printf(a, "g%d_title", g), T_PLAN_GOAL_TITLE,
                   "text", p->goals[g].title, "required");
        html_lit(&r->out, "</fieldset>\n");
    }
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-goals\">%s</label>"
                "<textarea id=\"f-goals\" name=\"goals\" rows=\"3\" "
                "aria-describedby=\"goals-hint\"></textarea></p>\n"
                "<p id=\"goals-hint\" class=\"hint\">%s</p>\n",
                T_PLAN_NEW_GOALS, T_PLAN_NEW_GOALS_HINT);
    html_lit(&r->out,
             "<p><button type=\"submit\">" T_PLAN_SAVE "</button></p>\n");
    form_end(r);
    layout_end(r);
}

/*
** ROUTE: GET /plany/:id/edycja
** CAP: CAP_PLAN_EDIT
** PARAMS: id=plan (path)
*/
int
page_plan_edit(struct req *r)
{
    struct edit e;
    int rc;

    if ((rc = load_meta_or_reply(r, &e, false)) != 0) {
        return rc;
    }
    render_plan_form(r, e.id, e.p, NULL, 0);
    return 0;
}

/*
** ROUTE: POST /plany/:id/edycja
** CAP: CAP_PLAN_EDIT
** PARAMS: id (path); title, year, programme, from, to, gN_code,
**         gN_title, goals (new ones, one per line), csrf
*/
int
page_plan_edit_save(struct req *r)
{
    struct audit_entry who = plan_who(r);
    const char *errors[MAX_ERRORS], *before;
    struct arena *a = &r->arena;
    struct edit e;
    struct plan *p;
    int n = 0, rc, g, ngoals;

    if ((rc = load_meta_or_reply(r, &e, false)) != 0) {
        return rc;
    }
    p = e.p;
    before = plan_meta_json(a, p);
    ngoals = p->ngoals;
    read_meta(r, p, errors, &n);
    for (g = 0; g < ngoals && n < MAX_ERRORS - 2; g++) {
        const char *code = req_form(r, arena_printf(a, "g%d_code", g));
        const char *title = req_form(r, arena_printf(a, "g%d_title", g));

        if (code != NULL) {
            p->goals[g].code = str_trim(a, code);
        }
        if (title != NULL) {
            p->goals[g].title = str_trim(a, title);
        }
        if (*p->goals[g].code == '\0' || *p->goals[g].title == '\0') {
            errors[n++] =
                arena_printf(a, T_PLAN_F_GOAL_CODE_NAME, T_PLAN_GOAL, g + 1);
        }
    }
    add_goal_lines(r, req_form(r, "goals"), p, errors, &n);
    if (n > 0) {
        r->status = 400;
        render_plan_form(r, e.id, p, errors, n);
        return 0;
    }
    rc = plan_store_update_meta(r->db, a, e.id, e.meta.region, p, ngoals, &who,
                                before);
    if (rc != 0) {
        return rc;
    }
    return req_redirect(r, arena_printf(a, "/plany/%ld", (long)e.id));
}
