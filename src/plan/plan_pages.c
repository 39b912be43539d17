/*
** The plan pages. A yearly plan is shown as the document shows it: goals
** as heading rows, one row group per task with its budget by funding
** source, term, implementers and indicators, totals per goal and for the
** plan, and every finding of the check beside the task it concerns.
*/
#include "modules_handlers.h"
#include "pages.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/err.h"
#include "core/json.h"
#include "auth/auth.h"
#include "core/str.h"
#include "core/strings_pl.h"
#include "core/warsaw.h"
#include "db/db.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "plan.h"
#include "plan_cache.h"
#include "plan_export.h"
#include "plan_export_office.h"
#include "plan_store.h"
#include "region/region.h"
#include "strings_pl.h"
#include "users/strings_pl.h"

/* A longer plan is shown a page of tasks at a time. */
#define PAGE_TASKS 200

static const char *
kind_label(enum plan_kind kind)
{
    static const char *const labels[] = {
        [PLAN_YEARLY] = T_PLAN_KIND_YEARLY,
        [PLAN_PROGRAMME] = T_PLAN_KIND_PROGRAMME,
        [PLAN_PROJECT] = T_PLAN_KIND_PROJECT,
    };

    return labels[kind];
}

static const char *
severity_label(enum plan_severity s)
{
    return s == PLAN_ERROR     ? T_PLAN_SEV_ERROR
           : s == PLAN_WARNING ? T_PLAN_SEV_WARNING
                               : T_PLAN_SEV_INFO;
}

/*
** A number cell as the document would print it or, input set, as an editor
** types it again ("-", and an unreadable cell as written).
*/
const char *
plan_num_text(struct arena *a, const struct plan_num *n, bool money, bool input)
{
    switch (n->kind) {
    case PLAN_NUM_VALUE:
        return money ? str_money(a, n->v) : str_thousands(a, n->v);
    case PLAN_NUM_NONE:
        return input ? "-" : "–";
    case PLAN_NUM_NOT_PLANNED:
        return "x";
    case PLAN_NUM_ONGOING:
        return T_PLAN_ONGOING;
    case PLAN_NUM_BAD:
        return n->text ? n->text : (input ? "" : "?");
    default:
        return input && n->text ? n->text : "";
    }
}

/* The plans this reader may see: published ones, and with CAP_PLAN_READ
 * the unpublished ones of the account's region (all for no region). */
static int
list_visible(struct req *r, bool archived, struct plan_summary **s)
{
    bool all = r->user != NULL && auth_role_has(r->user->role, CAP_PLAN_READ);

    return plan_store_list_archived(
        r->db, &r->arena, all, r->user ? r->user->region : NULL, archived, s);
}

/* Editors act only in their region; an account without one in every. */
bool
plan_may_edit(struct req *r, const char *region)
{
    return r->user != NULL && auth_role_has(r->user->role, CAP_PLAN_EDIT) &&
           (r->user->region == NULL || strcmp(r->user->region, region) == 0);
}

static void
publish_form(struct req *r, int64_t id, bool published)
{
    html_printf(&r->out, "<p>%s</p>\n",
                published ? T_PLAN_PUBLISHED : T_PLAN_UNPUBLISHED);
    form_begin(r, arena_printf(&r->arena, "/plany/%ld/publikacja", (long)id),
               NULL);
    html_printf(&r->out,
                "<input type=\"hidden\" name=\"published\" "
                "value=\"%d\"><button type=\"submit\">%s</button>\n",
                published ? 0 : 1,
                published ? T_PLAN_UNPUBLISH : T_PLAN_PUBLISH);
    form_end(r);
}

/* See pages.h. */
void
plan_crumbs(struct req *r, int64_t id, const char *title, const char *here)
{
    const struct crumb c[] = {
        {"/plany", T_PLANS_TITLE},
        {arena_printf(&r->arena, "/plany/%ld", (long)id), title ? title : ""},
        {NULL, here}};

    layout_breadcrumb(&r->out, c, 3);
}

/* Plan id's visibility; a plan that is not there records a 404. */
static int
visibility_or_reply(struct req *r, int64_t id, bool *published,
                    const char **region, int64_t *version)
{
    int rc =
        plan_store_visibility(r->db, &r->arena, id, published, region, version);

    return rc == ERR_NOTFOUND ? req_error(r, 404, NULL) : rc;
}

/* See plan_pages.h. */
int
plan_visible_or_reply(struct req *r, int64_t id, int64_t *version)
{
    const char *region;
    bool published;
    int rc = visibility_or_reply(r, id, &published, &region, version);

    if (rc != 0) {
        return rc;
    }
    if (published ||
        (r->user != NULL && auth_role_has(r->user->role, CAP_PLAN_READ) &&
         (r->user->region == NULL || strcmp(r->user->region, region) == 0))) {
        return 0;
    }
    return req_error(r, 404, NULL);
}

/*
** ROUTE: GET /plany
** CAP: CAP_PUBLIC
** PARAMS: archiwalne=1 (optional: archived plans too)
*/
int
page_plan_list(struct req *r)
{
    struct plan_summary *s;
    const char *region = NULL, *v = req_arg(r, "archiwalne");
    bool archived = v != NULL && strcmp(v, "1") == 0;
    int n = list_visible(r, archived, &s), i;

    if (n < 0) {
        return n;
    }
    layout_begin(r, T_PLANS_TITLE);
    html_lit(&r->out, "<h1>" T_PLANS_TITLE
                      "</h1>\n<p class=\"lead\">" T_PLANS_LEAD "</p>\n");
    if (r->user != NULL && auth_role_has(r->user->role, CAP_PLAN_EDIT)) {
        html_lit(&r->out,
                 "<p><a href=\"/plany/wczytaj\">" T_PLAN_UPLOAD_LINK
                 "</a> · <a href=\"/plany/nowy\">" T_PLAN_NEW "</a></p>\n");
    }
    html_printf(&r->out, "<p><a href=\"/plany%s\">%s</a></p>\n",
                archived ? "" : "?archiwalne=1",
                archived ? T_PLAN_HIDE_ARCHIVED : T_PLAN_SHOW_ARCHIVED);
    if (n == 0) {
        html_lit(&r->out, "<p>" T_PLANS_NONE "</p>\n");
    }
    for (i = 0; i < n; i++) {
        if (region == NULL || strcmp(region, s[i].region) != 0) {
            if (region != NULL) {
                html_lit(&r->out, "</tbody>\n" WIDE_CLOSE);
            }
            region = s[i].region;
            html_printf(&r->out,
                        "<h2>" T_PLAN_WOJ_NAMED "</h2>\n" WIDE_OPEN "<table>\n"
                        "<caption>%s — " T_PLAN_WOJ_NAMED_LOWER "</caption>\n"
                        "<thead><tr><th scope=\"col\">%s</th>"
                        "<th scope=\"col\">%s</th><th scope=\"col\">%s"
                        "</th><th scope=\"col\">%s</th>"
                        "<th scope=\"col\" class=\"num\">%s</th>"
                        "<th scope=\"col\" class=\"num\">%s</th></tr>"
                        "</thead>\n<tbody>\n",
                        s[i].region_name, s[i].region_name, T_PLANS_TITLE,
                        s[i].region_name, T_PLAN_COL_TITLE, T_PLAN_PROGRAMME,
                        T_PLAN_COL_KIND, T_PLAN_COL_YEAR, T_PLAN_COL_TASKS,
                        T_PLAN_COL_TOTAL);
        }
        html_printf(&r->out,
                    "<tr><td><a href=\"/plany/%ld\">%s</a>%s</td><td>%s",
                    (long)s[i].id, s[i].title,
                    s[i].archived ? " " T_PLAN_ARCHIVED_MARK : "",
                    s[i].programme_title ? s[i].programme_title : "");
        if (s[i].programme_from > 0) {
            html_printf(&r->out, " (%d–%d)", s[i].programme_from,
                        s[i].programme_to);
        }
        html_printf(
            &r->out,
            "</td><td>%s</td><td>%s</td><td class=\"num\">%ld"
            "</td><td class=\"num\">%s</td></tr>\n",
            kind_label(plan_kind_from_name(s[i].kind)),
            s[i].year > 0 ? arena_printf(&r->arena, "%d", s[i].year) : "",
            (long)s[i].ntasks,
            s[i].total_grosze ? str_money(&r->arena, s[i].total_grosze) : "");
    }
    if (region != NULL) {
        html_lit(&r->out, "</tbody>\n" WIDE_CLOSE);
    }
    layout_end(r);
    return 0;
}

/*
** What rendering needs beyond the plan, computed once per plan (and kept
** with it in the plan cache): indicators and findings by task as linked
** lists, tasks per action, the budget columns, and totals by goal. All
** loops over a plan are linear, so a plan of 10 000 tasks renders in time.
*/
struct plan_view {
    int *owner;                /* finding -> task, -1 for the whole plan */
    int *ind_first, *ind_next; /* indicators of a task */
    int *fnd_first, *fnd_next; /* findings of a task */
    int *action_tasks;         /* number of tasks of each action */
    int ngeneral;              /* findings of the whole plan */
    int cols[PLAN_SOURCES_MAX], ncols;
    int64_t *goal_total; /* by goal + 1 (index 0: no goal) */
    int64_t (*goal_by)[PLAN_SOURCES_MAX];
    /* Bodies rendered once, for the public [0] and for editors [1]: the
     * whole plan when it fits one page, else each page on first request
     * (pages[variant][page], under lock: the entry's arena is shared). */
    const char *body_public, *body_edit;
    const char **pages[2];
    int npages;
    struct arena *arena;  /* the cache entry's, for the pages kept */
    pthread_mutex_t lock; /* a plain mutex: freed with the entry, no
                           * destroy needed on Linux */
};

static int used_sources(const struct plan *p, int *cols);
static const char *task_source_text(struct arena *a, const struct plan *p,
                                    int t, int s, int64_t *sum);

static struct plan_view *
view_build(struct arena *a, const struct plan *p)
{
    struct plan_view *v = arena_alloc(a, sizeof(*v));
    int *last = arena_ints(a, p->ntasks, 0), *ind_tail, *fnd_tail;
    int i, t, c;

    v->ncols = used_sources(p, v->cols);
    v->owner = arena_ints(a, p->nfindings, -1);
    v->ind_first = arena_ints(a, p->ntasks, -1);
    v->ind_next = arena_ints(a, p->nindicators, -1);
    v->fnd_first = arena_ints(a, p->ntasks, -1);
    v->fnd_next = arena_ints(a, p->nfindings, -1);
    v->action_tasks = arena_ints(a, p->nactions, 0);
    v->goal_total = arena_alloc(a, sizeof(int64_t) * (size_t)(p->ngoals + 1));
    v->goal_by = arena_alloc(a, sizeof(*v->goal_by) * (size_t)(p->ngoals + 1));
    ind_tail = arena_ints(a, p->ntasks, -1);
    fnd_tail = arena_ints(a, p->ntasks, -1);
    for (t = 0; t < p->ntasks; t++) {
        int g = p->tasks[t].goal >= 0 && p->tasks[t].goal < p->ngoals
                    ? p->tasks[t].goal + 1
                    : 0;
        int64_t sum = 0;

        last[t] = p->tasks[t].row;
        if (p->tasks[t].action >= 0 && p->tasks[t].action < p->nactions) {
            v->action_tasks[p->tasks[t].action]++;
        }
        v->goal_total[g] += plan_task_total(p, t);
        for (c = 0; c < v->ncols; c++) {
            sum = 0;
            task_source_text(a, p, t, v->cols[c], &sum);
            v->goal_by[g][c] += sum;
        }
    }
    for (i = 0; i < p->nlines; i++) {
        t = p->lines[i].task;
        if (t >= 0 && t < p->ntasks && p->lines[i].row > last[t]) {
            last[t] = p->lines[i].row;
        }
    }
    for (i = 0; i < p->nindicators; i++) {
        t = p->indicators[i].task;
        if (t < 0 || t >= p->ntasks) {
            continue;
        }
        if (p->indicators[i].row > last[t]) {
            last[t] = p->indicators[i].row;
        }
        if (ind_tail[t] < 0) {
            v->ind_first[t] = i;
        } else {
            v->ind_next[ind_tail[t]] = i;
        }
        ind_tail[t] = i;
    }
    for (i = 0; i < p->nfindings; i++) {
        int lo = 0, hi = p->ntasks - 1, row = p->findings[i].row;

        /* Tasks are in file order: the last one starting at or before. */
        t = -1;
        while (lo <= hi) {
            int mid = (lo + hi) / 2;

            if (p->tasks[mid].row <= row) {
                t = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (t < 0 || row <= 0 || row > last[t]) {
            v->ngeneral++;
            continue;
        }
        v->owner[i] = t;
        if (fnd_tail[t] < 0) {
            v->fnd_first[t] = i;
        } else {
            v->fnd_next[fnd_tail[t]] = i;
        }
        fnd_tail[t] = i;
    }
    return v;
}

static void
finding_item(struct buf *out, const struct plan_finding *f)
{
    html_printf(out, "<li class=\"sev-%s\"><strong>%s</strong>",
                plan_severity_name(f->severity), severity_label(f->severity));
    if (f->row > 0) {
        html_printf(out, " (%s %d", T_PLAN_ROW, f->row);
        if (f->column != NULL) {
            html_printf(out, ", %s " T_QUOTED, T_PLAN_COLUMN, f->column);
        }
        html_lit(out, ")");
    }
    html_printf(out, ": %s</li>\n", f->message);
}

/* Sources that any line of the plan uses: the budget columns. */
static int
used_sources(const struct plan *p, int *cols)
{
    int n = 0, s, i, k;

    for (s = 0; s < p->nsources; s++) {
        bool used = false;

        for (i = 0; i < p->nlines && !used; i++) {
            for (k = 0; k < p->lines[i].namounts; k++) {
                if (p->lines[i].amounts[k].source == s &&
                    p->lines[i].amounts[k].amount.kind != PLAN_NUM_EMPTY) {
                    used = true;
                    break;
                }
            }
        }
        if (used) {
            cols[n++] = s;
        }
    }
    return n;
}

/* A task's amount from one source, the way the document would show it. */
static const char *
task_source_text(struct arena *a, const struct plan *p, int t, int s,
                 int64_t *sum)
{
    const struct plan_task *task = &p->tasks[t];
    bool value = false, none = false, x = false;
    int64_t v = 0;
    int l, k;

    for (l = task->first_line; l >= 0 && l < task->first_line + task->nlines;
         l++) {
        for (k = 0; k < p->lines[l].namounts; k++) {
            const struct plan_amount *am = &p->lines[l].amounts[k];

            if (am->source != s) {
                continue;
            }
            value |= am->amount.kind == PLAN_NUM_VALUE;
            none |= am->amount.kind == PLAN_NUM_NONE;
            x |= am->amount.kind == PLAN_NUM_NOT_PLANNED;
            if (am->amount.kind == PLAN_NUM_VALUE) {
                v += am->amount.v;
            }
        }
    }
    *sum += v;
    return value ? str_money(a, v) : x ? "x" : none ? "–" : "";
}

static void
budget_head(struct buf *out, struct arena *a, const struct plan *p,
            const int *cols, int ncols)
{
    int i;

    html_printf(out,
                "<thead><tr><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th>"
                "<th scope=\"col\" class=\"num\">%s: %s</th>",
                T_PLAN_NUMBER, T_PLAN_TASK, T_PLAN_BUDGET, T_PLAN_TOTAL);
    for (i = 0; i < ncols; i++) {
        html_printf(out, "<th scope=\"col\" class=\"num\">%s</th>",
                    p->sources[cols[i]].name);
    }
    html_printf(
        out,
        "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
        "<th scope=\"col\">%s</th>"
        "<th scope=\"col\" class=\"num\">%s</th>"
        "<th scope=\"col\" class=\"num\">%s</th></tr></thead>\n",
        T_PLAN_TERM, T_PLAN_IMPLEMENTERS, T_PLAN_INDICATORS,
        p->year > 0 ? arena_printf(a, "Plan %d", p->year) : T_PLAN_TARGET_YEAR,
        p->programme_from > 0
            ? arena_printf(a, "Plan %d–%d", p->programme_from, p->programme_to)
            : T_PLAN_TARGET_MULTI);
}

static void
sum_row(struct buf *out, struct arena *a, const char *label, int64_t total,
        const int64_t *by, int ncols, int span_after)
{
    int i;

    html_printf(out,
                "<tr class=\"sum\"><th scope=\"row\" colspan=\"2\">%s</th>"
                "<td class=\"num\">%s</td>",
                label, str_money(a, total));
    for (i = 0; i < ncols; i++) {
        html_printf(out, "<td class=\"num\">%s</td>", str_money(a, by[i]));
    }
    html_printf(out, "<td colspan=\"%d\"></td></tr>\n", span_after);
}

static void
task_rows(struct buf *out, struct arena *a, const struct plan *p,
          const struct plan_view *v, int t, const char *base, bool editable)
{
    const struct plan_task *task = &p->tasks[t];
    int i, rows = 0;
    int64_t total = plan_task_total(p, t), ignored = 0;
    const char *number = task->number ? task->number : "";

    for (i = v->ind_first[t]; i >= 0; i = v->ind_next[i]) {
        rows++;
    }
    if (rows == 0) {
        rows = 1;
    }
    html_printf(out,
                "<tr id=\"zadanie-%d\" class=\"%s\"><th scope=\"row\" "
                "rowspan=\"%d\">",
                t + 1, v->fnd_first[t] >= 0 ? "has-findings" : "task", rows);
    if (base != NULL) {
        html_printf(out, "<a href=\"%s/zadania/%d\">%s</a>", base, t, number);
    } else {
        html_printf(out, "%s", number);
    }
    html_printf(out, "</th><td rowspan=\"%d\">", rows);
    if (task->action >= 0 && task->action < p->nactions &&
        strcmp(p->actions[task->action].code, number) != 0) {
        html_printf(out, "<span class=\"action\">%s</span> ",
                    p->actions[task->action].code);
    }
    html_printf(out, "%s", task->description ? task->description : "");
    if (editable && base != NULL) {
        html_printf(out,
                    " <a class=\"edit\" href=\"%s/zadania/%d#edycja\">%s "
                    "%s</a>",
                    base, t, T_PLAN_EDIT_TASK, number);
    }
    if (v->fnd_first[t] >= 0) {
        html_lit(out, "<ul class=\"findings\">");
        for (i = v->fnd_first[t]; i >= 0; i = v->fnd_next[i]) {
            finding_item(out, &p->findings[i]);
        }
        html_lit(out, "</ul>");
    }
    html_printf(out, "</td><td class=\"num\" rowspan=\"%d\">%s</td>", rows,
                task->nlines > 0 ? str_money(a, total) : "");
    for (i = 0; i < v->ncols; i++) {
        html_printf(out, "<td class=\"num\" rowspan=\"%d\">%s</td>", rows,
                    task_source_text(a, p, t, v->cols[i], &ignored));
    }
    html_printf(out, "<td rowspan=\"%d\">%s</td><td rowspan=\"%d\">%s</td>",
                rows, task->term.text ? task->term.text : "", rows,
                task->implementers ? task->implementers : "");
    if (v->ind_first[t] < 0) {
        html_lit(out, "<td></td><td></td><td></td></tr>\n");
        return;
    }
    for (i = v->ind_first[t]; i >= 0; i = v->ind_next[i]) {
        const struct plan_indicator *in = &p->indicators[i];

        if (i != v->ind_first[t]) {
            html_lit(out, "<tr>");
        }
        html_printf(out,
                    "<td class=\"%s\">%s%s%s</td><td class=\"num\">%s"
                    "</td><td class=\"num\">%s</td></tr>\n",
                    in->parent >= 0 ? "breakdown" : "indicator",
                    in->parent >= 0 ? "w tym: " : "", in->name,
                    in->footnote ? in->footnote : "",
                    plan_num_text(a, &in->target_year, false, false),
                    plan_num_text(a, &in->target_multi, false, false));
    }
}

/* An action of the programme with no task in this year's plan. */
static void
action_row(struct buf *out, const struct plan *p, const struct plan_view *v,
           int ac)
{
    html_printf(out,
                "<tr class=\"no-task\"><th scope=\"row\">%s</th>"
                "<td colspan=\"%d\">%s <em>(%s)</em></td></tr>\n",
                p->actions[ac].code, v->ncols + 7, p->actions[ac].title,
                T_PLAN_NO_TASKS);
}

/*
** The plan table for tasks [from, to). The whole plan (from 0 to ntasks)
** gets goal totals and the plan total; a page of a long plan gets them in
** a summary table above (render_summary).
*/
static void
render_yearly(struct buf *out, struct arena *a, const struct plan *p,
              const struct plan_view *v, int from, int to, const char *base,
              bool editable)
{
    bool whole = from == 0 && to == p->ntasks;
    int64_t plan_by[PLAN_SOURCES_MAX] = {0}, plan_total = 0;
    int goal = -2, t, i, ac = 0;

    html_printf(out,
                /* a scrolled region reachable by the keyboard */
                "<div class=\"wide\" tabindex=\"0\" role=\"region\" "
                "aria-labelledby=\"plan-caption\"><table class=\"plan\">\n"
                "<caption id=\"plan-caption\">%s</caption>\n",
                p->title ? p->title : "");
    budget_head(out, a, p, v->cols, v->ncols);
    html_lit(out, "<tbody>\n");
    for (t = from; t <= to; t++) {
        int g = t < to ? p->tasks[t].goal : -3;

        if (g != goal) {
            /* Close the previous goal: its empty actions, its total. */
            if (goal >= 0 || goal == -1) {
                for (; whole && ac < p->nactions; ac++) {
                    if (p->actions[ac].goal == goal &&
                        v->action_tasks[ac] == 0) {
                        action_row(out, p, v, ac);
                    }
                }
            }
            if (whole && goal >= 0) {
                sum_row(out, a,
                        arena_printf(a, "%s %s", T_PLAN_GOAL_TOTAL,
                                     p->goals[goal].code),
                        v->goal_total[goal + 1], v->goal_by[goal + 1], v->ncols,
                        5);
            }
            if (t == to) {
                break;
            }
            goal = g;
            ac = 0;
            if (g >= 0 && g < p->ngoals) {
                html_printf(out,
                            "<tr class=\"goal\"><th scope=\"colgroup\" "
                            "colspan=\"%d\">%s %s</th></tr>\n",
                            v->ncols + 8, p->goals[g].code, p->goals[g].title);
            }
        }
        /* Actions without tasks that the document lists before this one. */
        for (; whole && ac < p->nactions; ac++) {
            if (p->actions[ac].row >= p->tasks[t].row) {
                break;
            }
            if (p->actions[ac].goal == goal && v->action_tasks[ac] == 0) {
                action_row(out, p, v, ac);
            }
        }
        task_rows(out, a, p, v, t, base, editable);
    }
    html_lit(out, "</tbody>\n");
    if (whole) {
        for (i = 0; i <= p->ngoals; i++) {
            int c;

            plan_total += v->goal_total[i];
            for (c = 0; c < v->ncols; c++) {
                plan_by[c] += v->goal_by[i][c];
            }
        }
        html_lit(out, "<tfoot>\n");
        sum_row(out, a, T_PLAN_PLAN_TOTAL, plan_total, plan_by, v->ncols, 5);
        html_lit(out, "</tfoot>\n");
    }
    html_lit(out, "</table></div>\n");
}

/* Goal totals of a long plan, above the page of tasks. */
static void
render_summary(struct buf *out, struct arena *a, const struct plan *p,
               const struct plan_view *v)
{
    int64_t plan_by[PLAN_SOURCES_MAX] = {0}, plan_total = 0;
    int g, c;

    html_printf(out, WIDE_OPEN, T_PLAN_SUMMARY);
    html_printf(out,
                "<table>\n<caption>%s</caption>\n<thead><tr>"
                "<th scope=\"col\">%s</th>"
                "<th scope=\"col\" class=\"num\">%s: %s</th>",
                T_PLAN_SUMMARY, T_PLAN_GOALS, T_PLAN_BUDGET, T_PLAN_TOTAL);
    for (c = 0; c < v->ncols; c++) {
        html_printf(out, "<th scope=\"col\" class=\"num\">%s</th>",
                    p->sources[v->cols[c]].name);
    }
    html_lit(out, "</tr></thead>\n<tbody>\n");
    for (g = 0; g <= p->ngoals; g++) {
        if (g == 0 && v->goal_total[0] == 0) {
            continue;
        }
        html_printf(out,
                    "<tr><th scope=\"row\">%s %s</th>"
                    "<td class=\"num\">%s</td>",
                    g > 0 ? p->goals[g - 1].code : "",
                    g > 0 ? p->goals[g - 1].title : "—",
                    str_money(a, v->goal_total[g]));
        for (c = 0; c < v->ncols; c++) {
            html_printf(out, "<td class=\"num\">%s</td>",
                        str_money(a, v->goal_by[g][c]));
            plan_by[c] += v->goal_by[g][c];
        }
        plan_total += v->goal_total[g];
        html_lit(out, "</tr>\n");
    }
    html_printf(out,
                "</tbody>\n<tfoot><tr class=\"sum\"><th scope=\"row\">"
                "%s</th><td class=\"num\">%s</td>",
                T_PLAN_PLAN_TOTAL, str_money(a, plan_total));
    for (c = 0; c < v->ncols; c++) {
        html_printf(out, "<td class=\"num\">%s</td>", str_money(a, plan_by[c]));
    }
    html_lit(out, "</tr></tfoot>\n</table></div>\n");
}

/* Links to the pages of a long plan; page is 0-based. */
static void
pager(struct buf *out, struct arena *a, const char *base, int page, int pages)
{
    int i;

    html_printf(out, "<nav class=\"pager\" aria-label=\"%s\"><ul>",
                T_PLAN_PAGES);
    for (i = 0; i < pages; i++) {
        if (i == page) {
            html_printf(out,
                        "<li><a href=\"%s?strona=%d\" "
                        "aria-current=\"page\">%d</a></li>",
                        base, i + 1, i + 1);
        } else {
            html_printf(out, "<li><a href=\"%s?strona=%d\">%d</a></li>", base,
                        i + 1, i + 1);
        }
    }
    html_lit(out, "</ul></nav>\n");
}

static void
render_declared(struct buf *out, struct arena *a, const struct plan *p)
{
    struct plan_totals tot;
    int i;

    if (p->ndeclared == 0) {
        return;
    }
    plan_totals_compute(p, &tot);
    html_lit(out, "<h2>" T_PLAN_DECLARED "</h2>\n<ul>\n");
    for (i = 0; i < p->ndeclared; i++) {
        const struct plan_total *d = &p->declared[i];
        int64_t computed = d->source >= 0 && d->source < PLAN_SOURCES_MAX
                               ? tot.by_source[d->source]
                               : tot.total;

        html_printf(out,
                    "<li>%s: <strong>%s " T_CURRENCY
                    "</strong> (%s %d) — %s</li>\n",
                    d->label, str_money(a, d->grosze), T_PLAN_ROW, d->row,
                    computed == d->grosze ? T_PLAN_MATCHES : T_PLAN_DIFFERS);
    }
    html_lit(out, "</ul>\n");
}

static void
render_notes(struct buf *out, struct arena *a, const struct plan *p)
{
    int i;

    if (p->nnotes > 0) {
        html_lit(out, "<h2>" T_PLAN_NOTES "</h2>\n<ol class=\"notes\">\n");
        for (i = 0; i < p->nnotes; i++) {
            html_printf(out, "<li class=\"%s\">%s%s</li>\n",
                        p->notes[i].parent >= 0 ? "sub" : "note",
                        p->notes[i].text,
                        p->notes[i].amount.kind == PLAN_NUM_VALUE
                            ? arena_printf(a, " — %s " T_CURRENCY,
                                           str_money(a, p->notes[i].amount.v))
                            : "");
        }
        html_lit(out, "</ol>\n");
    }
    if (p->nfootnotes > 0) {
        html_lit(out, "<h2>" T_PLAN_FOOTNOTES "</h2>\n<ul>\n");
        for (i = 0; i < p->nfootnotes; i++) {
            html_printf(out, "<li>%s %s</li>\n", p->footnotes[i].mark,
                        p->footnotes[i].text);
        }
        html_lit(out, "</ul>\n");
    }
}

static void
render_results(struct buf *out, struct arena *a, const struct plan *p)
{
    int i;

    if (p->nindicators == 0) {
        return;
    }
    html_printf(out, WIDE_OPEN, T_PLAN_RESULTS);
    html_printf(out,
                "<table>\n<caption>%s</caption>\n<thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\" "
                "class=\"num\">%s</th></tr></thead>\n<tbody>\n",
                T_PLAN_RESULTS, T_PLAN_INDICATORS, T_PLAN_TARGET_MULTI);
    for (i = 0; i < p->nindicators; i++) {
        const struct plan_indicator *in = &p->indicators[i];

        html_printf(out, "<tr><td>%s</td><td class=\"num\">%s%s%s</td></tr>\n",
                    in->name, plan_num_text(a, &in->target_multi, false, false),
                    in->unit ? " " : "", in->unit ? in->unit : "");
    }
    html_lit(out, "</tbody>\n</table></div>\n");
}

static void
render_goals_and_texts(struct buf *out, const struct plan *p)
{
    int g, i;

    if (p->ngoals > 0) {
        html_lit(out, "<h2>" T_PLAN_GOALS "</h2>\n<dl class=\"goals\">\n");
        for (g = 0; g < p->ngoals; g++) {
            html_printf(out, "<dt>%s</dt><dd>%s", p->goals[g].code,
                        p->goals[g].title);
            html_lit(out, "<ul>");
            for (i = 0; i < p->nactions; i++) {
                if (p->actions[i].goal == g) {
                    html_printf(out, "<li>%s %s</li>", p->actions[i].code,
                                p->actions[i].title);
                }
            }
            html_lit(out, "</ul></dd>\n");
        }
        html_lit(out, "</dl>\n");
    }
    if (p->ntexts > 0) {
        html_lit(out, "<h2>" T_PLAN_TEXTS "</h2>\n");
        for (i = 0; i < p->ntexts; i++) {
            if (p->texts[i].heading != NULL) {
                html_printf(out, "<h3>%s</h3>\n", p->texts[i].heading);
            }
            html_printf(out, "<p class=\"pre\">%s</p>\n", p->texts[i].text);
        }
    }
}

/*
** Findings, then the plan as the document shows it. With base (the plan's
** URL) task numbers link to task pages, and with editable to their edit
** forms too. A plan longer than PAGE_TASKS is shown a page of tasks at a
** time (page, 0-based) with its goal totals above and a pager to base;
** without base (a preview) only its first page is shown.
*/
static void
render_body(struct buf *out, struct arena *a, const struct plan *p,
            const struct plan_view *v, const char *base, bool editable,
            int page)
{
    int i, pages = (p->ntasks + PAGE_TASKS - 1) / PAGE_TASKS;

    html_lit(out, "<h2 id=\"uwagi\">" T_PLAN_FINDINGS "</h2>\n");
    if (p->nfindings == 0) {
        html_lit(out, "<p>" T_PLAN_NO_FINDINGS "</p>\n");
    } else {
        html_printf(out, "<p>%d × %s, %d × %s, %d × %s.</p>\n",
                    plan_count_findings(p, PLAN_ERROR), T_PLAN_SEV_ERROR,
                    plan_count_findings(p, PLAN_WARNING), T_PLAN_SEV_WARNING,
                    plan_count_findings(p, PLAN_INFO), T_PLAN_SEV_INFO);
        if (v->ngeneral > 0) {
            html_lit(out, "<ul class=\"findings\">\n");
            for (i = 0; i < p->nfindings; i++) {
                if (v->owner[i] < 0) {
                    finding_item(out, &p->findings[i]);
                }
            }
            html_lit(out, "</ul>\n");
        }
    }
    if (p->kind == PLAN_YEARLY) {
        if (pages <= 1) {
            render_yearly(out, a, p, v, 0, p->ntasks, base, editable);
        } else {
            if (page >= pages || base == NULL) {
                page = base == NULL ? 0 : pages - 1;
            }
            render_summary(out, a, p, v);
            if (base != NULL) {
                pager(out, a, base, page, pages);
            } else {
                html_printf(out, "<p>%s %d.</p>\n", T_PLAN_PREVIEW_FIRST,
                            p->ntasks);
            }
            render_yearly(out, a, p, v, page * PAGE_TASKS,
                          page * PAGE_TASKS + PAGE_TASKS < p->ntasks
                              ? page * PAGE_TASKS + PAGE_TASKS
                              : p->ntasks,
                          base, editable);
            if (base != NULL) {
                pager(out, a, base, page, pages);
            }
        }
        render_declared(out, a, p);
        render_notes(out, a, p);
    } else {
        render_results(out, a, p);
        render_declared(out, a, p);
        render_goals_and_texts(out, p);
        render_notes(out, a, p);
    }
}

/*
** The body as render_body() writes it, into the arena: rendered once per
** plan version and copied into each response (the writers' temporaries go
** to a scratch arena, not to the cached plan's).
*/
static const char *
prerender(struct arena *a, const struct plan *p, struct plan_view *v,
          const char *base, bool editable, int page)
{
    struct arena scratch;
    struct buf out;
    const char *body;

    arena_init(&scratch);
    buf_init(&out);
    render_body(&out, &scratch, p, v, base, editable, page);
    body = arena_strndup(a, out.data ? out.data : "", out.len);
    buf_free(&out);
    arena_free(&scratch);
    return body;
}

/*
** Page page of a long plan, rendered on its first request and then kept
** with the cached plan. Rendering happens outside the lock; two threads
** may render the same page at once, and the first stored wins.
*/
static const char *
page_body(struct plan_view *v, const struct plan *p, const char *base,
          bool editable, int page)
{
    struct arena tmp;
    const char *body, *kept;

    if (page < 0) {
        page = 0;
    }
    if (page >= v->npages) {
        page = v->npages - 1;
    }
    pthread_mutex_lock(&v->lock);
    kept = v->pages[editable][page];
    pthread_mutex_unlock(&v->lock);
    if (kept != NULL) {
        return kept;
    }
    arena_init(&tmp);
    body = prerender(&tmp, p, v, base, editable, page);
    pthread_mutex_lock(&v->lock);
    if (v->pages[editable][page] == NULL) {
        v->pages[editable][page] = arena_strdup(v->arena, body);
    }
    kept = v->pages[editable][page];
    pthread_mutex_unlock(&v->lock);
    arena_free(&tmp);
    return kept;
}

/* The plan cache's builder: the view, and the body when it is one page. */
static void *
view_build_cached(struct arena *a, const struct plan *p, int64_t id)
{
    struct plan_view *v = view_build(a, p);

    if (p->ntasks <= PAGE_TASKS) {
        const char *base = arena_printf(a, "/plany/%ld", (long)id);

        v->body_public = prerender(a, p, v, base, false, 0);
        v->body_edit = prerender(a, p, v, base, true, 0);
    } else {
        v->npages = (p->ntasks + PAGE_TASKS - 1) / PAGE_TASKS;
        v->pages[0] = arena_alloc(a, sizeof(char *) * (size_t)v->npages);
        v->pages[1] = arena_alloc(a, sizeof(char *) * (size_t)v->npages);
        v->arena = a;
        pthread_mutex_init(&v->lock, NULL);
    }
    return v;
}

/*
** Plan :id, if this reader may see it, from the view cache: 0 with *c and
** the *handle to release, or the reply recorded (404 for a plan not seen).
*/
static int
cached_or_reply(struct req *r, int64_t *id, struct plan_cached *c,
                void **handle)
{
    int64_t version = 0;
    int rc;

    *id = 0;
    if ((rc = req_param_num(r, 0, 1, id)) != 0 ||
        (rc = plan_visible_or_reply(r, *id, &version)) != 0) {
        return rc;
    }
    rc = plan_cache_get(r->db, *id, version, view_build_cached, c, handle);
    return rc == ERR_NOTFOUND ? req_error(r, 404, NULL) : rc;
}

/*
** ROUTE: GET /plany/:id
** CAP: CAP_PUBLIC
** PARAMS: id=plan number (path)
*/
int
page_plan(struct req *r)
{
    struct plan_cached c;
    const struct plan *p;
    const struct plan_view *v;
    const char *base;
    bool editable = false;
    int64_t id;
    long page = 1;
    void *handle;
    int rc;

    if ((rc = cached_or_reply(r, &id, &c, &handle)) != 0) {
        return rc;
    }
    if (req_arg(r, "strona") != NULL &&
        req_int_or_reply(r, "strona", 1, 1000000, &page)) {
        plan_cache_release(handle);
        return ERR_INPUT;
    }
    p = c.p;
    v = c.extra;
    base = arena_printf(&r->arena, "/plany/%ld", (long)id);
    layout_begin_under(r, p->title ? p->title : T_PLANS_TITLE, "/plany",
                       T_PLANS_TITLE, kind_label(p->kind));
    html_printf(&r->out, "<h1>%s</h1>\n", p->title ? p->title : "");
    html_printf(&r->out, "<dl class=\"meta\"><dt>%s</dt><dd>%s</dd>",
                T_PLAN_REGION, c.meta->region_name);
    if (p->programme_title != NULL) {
        html_printf(&r->out, "<dt>%s</dt><dd>%s</dd>", T_PLAN_PROGRAMME,
                    p->programme_title);
    }
    if (p->period_from != NULL) {
        html_printf(&r->out, "<dt>%s</dt><dd>%s – %s</dd>", T_PLAN_PERIOD,
                    p->period_from, p->period_to ? p->period_to : "");
    }
    html_printf(&r->out,
                "<dt>%s</dt><dd>%s (%s, %s)</dd><dt>%s</dt><dd>%s</dd>"
                "</dl>\n",
                T_PLAN_SOURCE_FILE, p->name, p->format, p->encoding,
                T_PLAN_IMPORTED, warsaw_local(&r->arena, c.meta->imported_at));
    html_printf(&r->out,
                "<p class=\"downloads\">%s: <a href=\"%s/eksport/xlsx\" "
                "download>XLSX</a> · <a href=\"%s/eksport/ods\" download>"
                "ODS</a> · <a href=\"%s/eksport/docx\" download>DOCX</a> · "
                "<a href=\"%s/eksport/csv\" download>"
                "CSV</a> · <a href=\"/api/plans/%ld\">JSON</a></p>\n",
                T_PLAN_DOWNLOAD, base, base, base, base, (long)id);
    /* Adopted annual reports are published beside the plan. */
    html_printf(&r->out, "<p><a href=\"/sprawozdania/%ld\">%s</a></p>\n",
                (long)id, T_PLAN_REPORTS);
    if (r->user != NULL && plan_may_edit(r, c.meta->region)) {
        publish_form(r, id, c.meta->published);
        if (p->kind == PLAN_YEARLY) {
            html_printf(&r->out,
                        "<p><a href=\"%s/nowe-zadanie\">%s</a> · <a "
                        "href=\"%s/edycja\">%s</a> · <a "
                        "href=\"%s/struktura\">%s</a></p>\n",
                        base, T_PLAN_ADD_TASK, base, T_PLAN_EDIT, base,
                        T_PLAN_STRUCTURE);
        } else {
            html_printf(&r->out, "<p><a href=\"%s/struktura\">%s</a></p>\n",
                        base, T_PLAN_STRUCTURE);
        }
        editable = true;
    }
    if (v->body_public != NULL) {
        /* Rendered from this version of the plan by the same code. */
        html_raw_trusted(&r->out, editable ? v->body_edit : v->body_public);
    } else {
        /* Rendered from this version of the plan by the same code. */
        html_raw_trusted(&r->out,
                         page_body(c.extra, p, base, editable, (int)page - 1));
    }
    layout_end(r);
    plan_cache_release(handle);
    return 0;
}

/*
** ROUTE: GET /api/plans
** CAP: CAP_PUBLIC
** PARAMS: limit (1..10000, default 1000), offset
*/
int
api_plan_list(struct req *r)
{
    struct plan_summary *s;
    struct json j;
    long limit, offset, i;
    int n = list_visible(r, false, &s), rc;

    if (n < 0) {
        return n;
    }
    if ((rc = req_page_or_reply(r, 1000, 10000, &limit, &offset)) != 0) {
        return rc;
    }
    req_json_page_begin(r, &j, n, limit, offset);
    json_arr_begin(&j);
    for (i = offset; i < n && i < offset + limit; i++) {
        json_obj_begin(&j);
        json_kint(&j, "id", s[i].id);
        json_kstr(&j, "region", s[i].region);
        json_kstr(&j, "kind", s[i].kind);
        json_kstr(&j, "title", s[i].title);
        json_key(&j, "year");
        if (s[i].year > 0) {
            json_int(&j, s[i].year);
        } else {
            json_null(&j);
        }
        json_kstr(&j, "programme", s[i].programme_title);
        json_kint(&j, "tasks", s[i].ntasks);
        json_kint(&j, "total_grosze", s[i].total_grosze);
        json_kstr(&j, "imported_at", s[i].imported_at);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    return 0;
}

/*
** ROUTE: GET /api/plans/:id
** CAP: CAP_PUBLIC
** PARAMS: id=plan number (path)
*/
int
api_plan(struct req *r)
{
    struct plan_cached c;
    struct json j;
    int64_t id;
    void *handle;
    int rc;

    if ((rc = cached_or_reply(r, &id, &c, &handle)) != 0) {
        return rc;
    }
    req_json(r, &j);
    plan_json_write(&j, c.p);
    plan_cache_release(handle);
    return 0;
}

/* See pages.h. */
struct audit_entry
plan_who(struct req *r)
{
    return auth_request_who(r);
}

/* The region of an upload: the form's choice, or the account's own. */
/* A checkbox of the form that says yes. */
static bool
form_checked(struct req *r, const char *name)
{
    const char *v = req_form(r, name);

    return v != NULL && strcmp(v, "1") == 0;
}

static const char *
upload_region(struct req *r)
{
    const char *region = req_form(r, "region");

    if ((region == NULL || *region == '\0') && r->user->region != NULL) {
        region = r->user->region;
    }
    return region;
}

static void
upload_form(struct req *r, const char *error)
{
    layout_begin_under(r, T_PLAN_UPLOAD_TITLE, "/plany", T_PLANS_TITLE,
                       T_PLAN_UPLOAD_TITLE);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", T_PLAN_UPLOAD_TITLE,
                T_PLAN_UPLOAD_LEAD);
    if (error != NULL) {
        form_errors(r, &error, 1);
    }
    form_begin(r, "/plany/wczytaj", "multipart/form-data");
    form_file(r, T_PLAN_UPLOAD_FILE, ".txt,.tsv,.csv,.xlsx,.ods,.docx");
    if (r->user->region == NULL) {
        form_input(r, "region", T_USERS_REGION, "text", "04",
                   "pattern=\"[0-9]{2}\" inputmode=\"numeric\" required");
    }
    html_lit(&r->out, "<p><button type=\"submit\">" T_PLAN_UPLOAD_CHECK
                      "</button></p>\n");
    form_end(r);
    layout_end(r);
}

/*
** ROUTE: GET /plany/wczytaj
** CAP: CAP_PLAN_EDIT
** PARAMS: none
*/
int
page_plan_upload_form(struct req *r)
{
    upload_form(r, NULL);
    return 0;
}

/*
** ROUTE: POST /plany/wczytaj
** CAP: CAP_PLAN_EDIT
** PARAMS: file (multipart), region (administrators), csrf
*/
int
page_plan_upload(struct req *r)
{
    const char *data, *name, *region = upload_region(r);
    struct plan *p;
    size_t len;
    int64_t upload_id = 0, now = (int64_t)time(NULL), same = 0;
    bool keep, served;
    int rc;

    if (req_upload(r, "file", &data, &len, &name) != 0 || len == 0) {
        r->status = 400;
        upload_form(r, T_PLAN_UPLOAD_NO_FILE);
        return 0;
    }
    if (region == NULL || !plan_may_edit(r, region)) {
        r->status = 403;
        upload_form(r, T_PLAN_REGION_DENIED);
        return 0;
    }
    /* The held file names its region: one this instance does not serve
    ** (an administrator's choice, or before `region add`) was a foreign-key
    ** failure and a 500 (issue 15). */
    if ((rc = region_served(r->db, region, &served)) != 0) {
        return rc;
    }
    if (!served) {
        r->status = 422;
        upload_form(r, T_PLAN_REGION_NOT_SERVED);
        return 0;
    }
    /* Only a file that can be confirmed is held (issue 11: refused
    ** previews were kept for 24 h, 3.6 MB each, for nothing). */
    keep = plan_read(&r->arena, name, data, len, 0, &p) == 0 &&
           !plan_has_errors(p);
    /* Hold the file until the user confirms what they saw. */
    if ((rc = plan_store_upload_hold(r->db, r->user->id, region, name, data,
                                     len, now, keep, &upload_id)) != 0) {
        return rc;
    }

    if (keep && (rc = plan_store_same_content(r->db, region, p->kind,
                                              p->content_hash, &same)) != 0) {
        return rc;
    }
    layout_begin_under(r, T_PLAN_UPLOAD_PREVIEW, "/plany", T_PLANS_TITLE,
                       T_PLAN_UPLOAD_PREVIEW);
    html_printf(&r->out, "<h1>%s</h1>\n<p><strong>%s</strong> — %s</p>\n",
                T_PLAN_UPLOAD_PREVIEW, name, p->title ? p->title : "");
    if (keep) {
        form_begin(
            r, arena_printf(&r->arena, "/plany/wczytaj/%ld", (long)upload_id),
            NULL);
        if (same > 0) {
            /* the same document again: said, and confirmed explicitly */
            html_printf(&r->out,
                        "<p class=\"warning\" role=\"alert\" "
                        "id=\"duplicate\">%s <a href=\"/plany/%ld\">%s</a></p>"
                        "\n<p class=\"field\"><input type=\"checkbox\" "
                        "id=\"f-duplicate\" name=\"duplicate\" value=\"1\" "
                        "aria-describedby=\"duplicate\"> <label "
                        "for=\"f-duplicate\">%s</label></p>\n",
                        arena_printf(&r->arena, T_PLAN_DUPLICATE, (long)same),
                        (long)same, T_PLAN_COL_TITLE, T_PLAN_DUPLICATE_CONFIRM);
        }
        html_lit(&r->out,
                 "<button type=\"submit\" name=\"action\" "
                 "value=\"confirm\">" T_PLAN_UPLOAD_CONFIRM "</button>\n");
        html_lit(&r->out,
                 "<button type=\"submit\" name=\"action\" "
                 "value=\"cancel\">" T_PLAN_UPLOAD_CANCEL "</button>\n");
        form_end(r);
    } else {
        /* nothing was kept: nothing to confirm or cancel */
        r->status = 422;
        html_lit(&r->out,
                 "<p class=\"errors\" role=\"alert\">" T_PLAN_UPLOAD_BLOCKED
                 "</p>\n<p><a href=\"/plany/wczytaj\">" T_PLAN_UPLOAD_LINK
                 "</a></p>\n");
    }
    render_body(&r->out, &r->arena, p, view_build(&r->arena, p), NULL, false,
                0);
    layout_end(r);
    return 0;
}

/*
** ROUTE: POST /plany/wczytaj/:id
** CAP: CAP_PLAN_EDIT
** PARAMS: id (path), action=confirm|cancel, duplicate=1 (required when
**         the same file is a plan already: else 409), csrf
*/
int
page_plan_upload_confirm(struct req *r)
{
    const char *action = req_form(r, "action"), *why = NULL;
    const char *region, *name;
    struct audit_entry e = plan_who(r);
    const void *data;
    struct plan *p;
    int64_t upload_id = 0, id = 0;
    size_t len;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &upload_id)) != 0) {
        return rc;
    }
    if (action == NULL ||
        (strcmp(action, "confirm") != 0 && strcmp(action, "cancel") != 0)) {
        return req_error(r, 400, T_ERR_BAD_REQUEST);
    }
    rc = plan_store_upload_get(r->db, &r->arena, upload_id, r->user->id,
                               &region, &name, &data, &len);
    if (rc != 0) {
        return rc == ERR_NOTFOUND ? req_error(r, 404, T_PLAN_UPLOAD_GONE) : rc;
    }
    if (strcmp(action, "cancel") == 0) {
        if ((rc = plan_store_upload_drop(r->db, upload_id, r->user->id)) != 0) {
            return rc;
        }
        return req_redirect(r, "/plany/wczytaj");
    }
    /* refused, the upload stays: the preview may be confirmed again */
    if (!plan_may_edit(r, region)) {
        return req_error(r, 403, T_PLAN_REGION_DENIED);
    }
    plan_read(&r->arena, name, data, len, 0, &p);
    rc = plan_store_upload_confirm(r->db, &r->arena, upload_id, r->user->id,
                                   region, p, form_checked(r, "duplicate"), &e,
                                   &id, &why);
    if (rc == ERR_CONFLICT) {
        return req_error(r, 409, T_PLAN_DUPLICATE_REFUSED);
    }
    if (rc != 0) {
        return rc == ERR_INPUT ? req_error(r, 400, why) : rc;
    }
    return req_redirect(r, arena_printf(&r->arena, "/plany/%ld", (long)id));
}

/*
** ROUTE: POST /plany/:id/publikacja
** CAP: CAP_PLAN_EDIT
** PARAMS: id (path), published=0|1, csrf
*/
int
page_plan_publish(struct req *r)
{
    const char *v = req_form(r, "published"), *region;
    struct audit_entry e = plan_who(r);
    int64_t id = 0, version;
    bool published;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    if (v == NULL || (strcmp(v, "0") != 0 && strcmp(v, "1") != 0)) {
        return req_error(r, 400, T_ERR_BAD_REQUEST);
    }
    if ((rc = visibility_or_reply(r, id, &published, &region, &version)) != 0) {
        return rc;
    }
    if (!plan_may_edit(r, region)) {
        return req_error(r, 403, T_PLAN_REGION_DENIED);
    }
    if ((rc = plan_store_set_published(r->db, id, v[0] == '1', &e)) != 0) {
        return rc;
    }
    return req_redirect(r, arena_printf(&r->arena, "/plany/%ld", (long)id));
}

/*
** ROUTE: POST /api/plans
** CAP: CAP_PLAN_EDIT
** PARAMS: file (multipart), region (optional for region-bound accounts),
**         allow_duplicate=1 (store a file imported before: else 409),
**         X-CSRF-Token header or csrf field; check and import in one step
*/
int
api_plan_upload(struct req *r)
{
    const char *data, *name, *region = upload_region(r), *why = NULL;
    struct audit_entry e = plan_who(r);
    struct plan *p;
    struct json j;
    size_t len;
    int64_t id = 0;
    int rc;

    if (req_upload(r, "file", &data, &len, &name) != 0 || len == 0) {
        return req_error(r, 400, T_PLAN_UPLOAD_NO_FILE);
    }
    if (region == NULL || !plan_may_edit(r, region)) {
        return req_error(r, 403, T_PLAN_REGION_DENIED);
    }
    plan_read(&r->arena, name, data, len, 0, &p);
    if ((rc = plan_store_same_content(r->db, region, p->kind, p->content_hash,
                                      &id)) != 0) {
        return rc;
    }
    if (id > 0 && !form_checked(r, "allow_duplicate")) {
        return req_error(r, 409, T_PLAN_DUPLICATE_REFUSED);
    }
    rc = plan_store_save(r->db, &r->arena, region, p, &e, &id, &why);
    if (rc != 0 && rc != ERR_INPUT) {
        return rc;
    }
    /* The check's result either way; 422 when nothing was stored. */
    req_json_begin(r);
    r->status = rc == 0 ? 201 : 422;
    json_init(&j, &r->out);
    json_obj_begin(&j);
    if (rc == 0) {
        json_kint(&j, "id", id);
    } else {
        json_kstr(&j, "error", why);
    }
    json_key(&j, "plan");
    plan_json_write(&j, p);
    json_obj_end(&j);
    return 0;
}

/*
** ROUTE: GET /plany/:id/eksport/:format
** CAP: CAP_PUBLIC
** PARAMS: id (path), format=xlsx|ods|docx|csv (path); the plan must be
** visible
*/
int
page_plan_export(struct req *r)
{
    static const struct {
        const char *format, *type;
        int (*write)(struct arena *, const struct plan *, struct buf *);
    } kinds[] = {
        {"xlsx",
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         plan_export_xlsx_buf},
        {"ods", "application/vnd.oasis.opendocument.spreadsheet",
         plan_export_ods_buf},
        {"docx",
         "application/vnd.openxmlformats-officedocument.wordprocessingml."
         "document",
         plan_export_docx_buf},
        {"csv", "text/csv; charset=utf-8", plan_export_csv},
    };
    const char *format = req_param(r, 1);
    struct plan_cached c;
    int64_t id;
    void *handle;
    size_t k = 0;
    int rc;

    if ((rc = cached_or_reply(r, &id, &c, &handle)) != 0) {
        return rc;
    }
    while (k < sizeof(kinds) / sizeof(kinds[0]) &&
           strcmp(format, kinds[k].format) != 0) {
        k++;
    }
    if (k == sizeof(kinds) / sizeof(kinds[0])) {
        plan_cache_release(handle);
        return req_error(r, 404, NULL);
    }
    rc = kinds[k].write(&r->arena, c.p, &r->out);
    plan_cache_release(handle);
    if (rc != 0) {
        buf_reset(&r->out);
        return rc;
    }
    r->status = 200;
    r->content_type = kinds[k].type;
    req_add_header(r, "Content-Disposition",
                   arena_printf(&r->arena,
                                "attachment; filename=\"plan-%ld"
                                ".%s\"",
                                (long)id, format));
    return 0;
}
