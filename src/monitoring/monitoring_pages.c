/*
** Monitoring pages: the list of yearly plans, a plan's dashboard, the
** realisation form of a plan, an entry's history, the approval queue,
** bindings of computed indicators and the annual report (HTML, JSON,
** XLSX, PDF). Region checks happen here; the router checked the
** capability.
*/
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/err.h"
#include "core/json.h"
#include "core/str.h"
#include "core/strings_pl.h"
#include "core/warsaw.h"
#include "db/db.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "monitoring.h"
#include "modules_handlers.h"
#include "page_cache.h"
#include "plan/plan_cache.h"
#include "pages.h"
#include "report_html.h"
#include "monitoring/strings_pl.h"

struct mon_actor
mon_actor_of(struct req *r)
{
    struct mon_actor act;

    memset(&act, 0, sizeof(act));
    act.account = r->user ? r->user->id : 0;
    act.role = r->user ? r->user->role : ROLE_PUBLIC;
    act.region = r->user ? r->user->region : NULL;
    act.who.account = r->user ? r->user->login : NULL;
    act.who.via = r->is_api ? "api" : "web";
    act.who.addr = r->addr;
    return act;
}

static void
crumbs(struct req *r, const char *here, int64_t plan_id)
{
    struct crumb c[3] = {{"/monitoring", T_NAV_MONITORING}};
    size_t n = 1;

    if (plan_id > 0) {
        c[n++] = (struct crumb){
            arena_printf(&r->arena, "/monitoring/plany/%ld", (long)plan_id),
            T_MON_DASHBOARD};
    }
    c[n++] = (struct crumb){NULL, here};
    layout_breadcrumb(&r->out, c, n);
}

static const char *
status_label(const char *status)
{
    return strcmp(status, "approved") == 0   ? T_MON_ST_APPROVED
           : strcmp(status, "returned") == 0 ? T_MON_ST_RETURNED
                                             : T_MON_ST_ENTERED;
}

static const char *
period_label(struct arena *a, const char *period)
{
    if (strlen(period) == 7) {
        return arena_printf(a, "%c kw. %.4s", period[6], period);
    }
    return arena_printf(a, T_MON_PERIOD_YEAR, period);
}

/* What the item of an entry is, in words. */
static const char *
item_label(struct arena *a, const struct plan *p, const struct mon_entry *e)
{
    if (strcmp(e->kind, "indicator") == 0 && e->pos >= 0 &&
        e->pos < p->nindicators && p->indicators[e->pos].task < 0) {
        return p->indicators[e->pos].name;
    }
    if (strcmp(e->kind, "line") == 0 && e->pos == MON_PROJECT_SPENDING) {
        return T_MON_PROJECT_SPENDING;
    }
    if (strcmp(e->kind, "indicator") == 0 && e->pos >= 0 &&
        e->pos < p->nindicators) {
        const struct plan_indicator *in = &p->indicators[e->pos];

        return arena_printf(a, "%s %s: %s", T_MON_TASK,
                            in->task >= 0 ? p->tasks[in->task].number : "",
                            in->name);
    }
    if (strcmp(e->kind, "line") == 0 && e->pos >= 0 && e->pos < p->nlines) {
        int s = plan_source_find(p, e->source);

        return arena_printf(a, "%s %s: %s — %s", T_MON_TASK,
                            p->lines[e->pos].task >= 0
                                ? p->tasks[p->lines[e->pos].task].number
                                : "",
                            T_MON_SPENT, s >= 0 ? p->sources[s].name : "");
    }
    return "?";
}

/* What the plan says of an entry's item: its target or planned amount. */
static const char *
item_plan_text(struct arena *a, const struct plan *p, const struct mon_entry *e)
{
    if (strcmp(e->kind, "indicator") == 0 && e->pos >= 0 &&
        e->pos < p->nindicators) {
        const struct plan_indicator *in = &p->indicators[e->pos];
        const struct plan_num *t =
            p->kind == PLAN_YEARLY ? &in->target_year : &in->target_multi;

        return t->kind == PLAN_NUM_VALUE ? str_thousands(a, t->v) : "–";
    }
    if (strcmp(e->kind, "line") == 0 && e->pos >= 0 && e->pos < p->nlines) {
        const struct plan_line *l = &p->lines[e->pos];
        int s = plan_source_find(p, e->source), k;
        int64_t sum = 0;

        for (k = 0; k < l->namounts; k++) {
            if (l->amounts[k].source == s &&
                l->amounts[k].amount.kind == PLAN_NUM_VALUE) {
                sum += l->amounts[k].amount.v;
            }
        }
        return arena_printf(a, "%s " T_CURRENCY, str_money(a, sum));
    }
    return "–";
}

static const char *
value_text(struct arena *a, const char *kind, int64_t v)
{
    return strcmp(kind, "line") == 0
               ? arena_printf(a, "%s " T_CURRENCY, str_money(a, v))
               : str_thousands(a, v);
}

static const char *
entry_value_text(struct arena *a, const struct mon_entry *e)
{
    return value_text(a, e->kind, e->value);
}

/* The official value of an entry whose latest value is not approved. */
static const char *
approved_text(struct arena *a, const struct mon_entry *e)
{
    return e->has_approved ? value_text(a, e->kind, e->approved)
                           : T_MON_NONE_APPROVED;
}

/*
** Whether the caller may see plan id's adopted reports: everyone once the
** plan is published, else readers of its region. ERR_NOTFOUND for no plan.
*/
static int
plan_visible(struct req *r, int64_t id, bool *visible)
{
    const char *region;
    int64_t version;
    bool published;
    int rc = plan_store_visibility(r->db, &r->arena, id, &published, &region,
                                   &version);

    *visible = false;
    if (rc == 0) {
        bool reader =
            r->user != NULL && auth_role_has(r->user->role, CAP_REPORT_READ) &&
            (r->user->region == NULL || strcmp(r->user->region, region) == 0);

        *visible = published || reader;
    }
    return rc == ERR_NOTFOUND ? req_error(r, 404, NULL) : rc;
}

/*
** Plan id from the plan cache, as every page of the monitoring loop reads
** it, with the data of build (NULL: none): 0 with *c, *region (its region)
** and *handle, given back with plan_cache_release() once the page is
** written; ERR_NOTFOUND or ERR_DB.
*/
static int
cached_plan(struct req *r, int64_t id, plan_cache_builder build,
            struct plan_cached *c, const char **region, void **handle)
{
    int64_t version = 0;
    bool published;
    int rc = plan_store_visibility(r->db, &r->arena, id, &published, region,
                                   &version);

    return rc != 0 ? rc : plan_cache_get(r->db, id, version, build, c, handle);
}

/*
** The report of yearly plan id, the plan read from the plan cache, for a
** logged-in reader of its region: 0 with *handle (m points into the cached
** plan: give it back with plan_cache_release() once the page is written),
** or 404 when it does not exist, is not yearly or belongs to another
** region (*handle NULL).
*/
static int
report_or_reply(struct req *r, int64_t id, struct mon_report *m, void **handle)
{
    struct plan_cached c;
    const char *region;
    int rc = cached_plan(r, id, NULL, &c, &region, handle);

    if (rc == 0) {
        rc = mon_report_of(r->db, &r->arena, id, c.p, c.meta, m);
        if (rc == 0 && r->user != NULL && r->user->region != NULL &&
            strcmp(r->user->region, m->meta.region) != 0) {
            rc = ERR_NOTFOUND;
        }
        if (rc != 0) {
            plan_cache_release(*handle);
        }
    }
    if (rc != 0) {
        *handle = NULL;
    }
    if (rc == ERR_NOTFOUND || rc == ERR_INPUT) {
        return req_error(r, 404, NULL);
    }
    return rc;
}

/* A plan's first part, one of many: no derived data. */
static int
plan_only(struct req *r, int64_t id, const struct plan **p, const char **region,
          void **handle)
{
    struct plan_cached c;
    int rc = cached_plan(r, id, NULL, &c, region, handle);

    if (rc == 0) {
        *p = c.p;
    }
    return rc;
}

/* The adopted versions of the report, and the form that adopts it. */
static int
adoptions_section(struct req *r, const struct mon_report *m)
{
    struct mon_adoption *ad;
    int n = mon_report_adoptions(r->db, &r->arena, m->meta.id, &ad), i;

    if (n < 0) {
        return n;
    }
    html_printf(&r->out, "<section id=\"przyjete\"><h2>%s</h2>\n",
                T_MON_ADOPTED_LIST);
    if (n > 0) {
        html_lit(&r->out, "<ul>\n");
    }
    for (i = 0; i < n; i++) {
        html_printf(
            &r->out,
            "<li>%s: <a href=\"/sprawozdania/%ld/%d\">HTML</a>, "
            "<a href=\"/sprawozdania/%ld/%d?format=pdf\">PDF</a>, "
            "<a href=\"/sprawozdania/%ld/%d?format=xlsx\">XLSX</a>, "
            "<a href=\"/sprawozdania/%ld/%d?format=json\">JSON</a>"
            "%s%s</li>\n",
            arena_printf(&r->arena, T_MON_ADOPTED_ON,
                         warsaw_date_words(&r->arena, ad[i].at), ad[i].version),
            (long)m->meta.id, ad[i].version, (long)m->meta.id, ad[i].version,
            (long)m->meta.id, ad[i].version, (long)m->meta.id, ad[i].version,
            ad[i].by ? " — " : "", ad[i].by ? ad[i].by : "");
    }
    if (n > 0) {
        html_lit(&r->out, "</ul>\n");
    }
    if (auth_role_has(r->user->role, CAP_REALISATION_APPROVE)) {
        html_lit(&r->out, "<p class=\"hint\">" T_MON_ADOPT_HINT "</p>\n");
        if (m->entries_pending > 0) {
            html_printf(&r->out, "<p>%s</p>\n",
                        arena_printf(&r->arena, T_MON_ERR_ADOPT_PENDING,
                                     (long)m->entries_pending));
        } else {
            form_begin(r,
                       arena_printf(&r->arena,
                                    "/monitoring/plany/%ld/raport/przyjecie",
                                    (long)m->meta.id),
                       NULL);
            html_lit(&r->out, "<p><button type=\"submit\">" T_MON_ADOPT_BUTTON
                              "</button></p>\n");
            form_end(r);
        }
    }
    html_lit(&r->out, "</section>\n");
    return 0;
}

/*
** ROUTE: GET /monitoring
** CAP: CAP_PUBLIC
** PARAMS: none
*/
int
page_mon_home(struct req *r)
{
    bool reader =
        r->user != NULL && auth_role_has(r->user->role, CAP_REPORT_READ);
    struct mon_yearly_plan *y;
    int n = mon_yearly_plans(r->db, &r->arena, reader,
                             r->user ? r->user->region : NULL, &y),
        i;

    if (n < 0) {
        return n;
    }
    layout_begin(r, T_NAV_MONITORING);
    html_lit(&r->out, "<h1>" T_NAV_MONITORING
                      "</h1>\n<p class=\"lead\">" T_MON_LEAD "</p>\n");
    if (!reader) {
        html_lit(&r->out, "<p>" T_MON_PUBLIC_NOTE "</p>\n");
    }
    if (r->user != NULL && auth_role_has(r->user->role, CAP_GRANT_REPORT)) {
        html_lit(&r->out, "<p><a href=\"/moje-dotacje\">" T_GRANT_MINE_LINK
                          "</a></p>\n");
    }
    if (r->user != NULL &&
        auth_role_has(r->user->role, CAP_REALISATION_APPROVE)) {
        html_lit(&r->out,
                 "<p><a href=\"/monitoring/zatwierdzanie\">" T_MON_PENDING_TITLE
                 "</a></p>\n");
    }
    if (r->user != NULL && r->user->role == ROLE_IMPLEMENTER) {
        html_lit(&r->out,
                 "<p><a href=\"/moje-zadania\">" T_MY_TASKS_TITLE "</a></p>\n");
    }
    html_printf(&r->out, WIDE_OPEN, T_MON_PLANS_CAPTION);
    html_printf(&r->out,
                "<table>\n<caption>%s</caption>\n<thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">"
                "%s</th><th scope=\"col\" class=\"num\">%s</th>"
                "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                T_MON_PLANS_CAPTION, T_MON_REGION, T_MON_PROGRAMME, T_MON_YEAR,
                T_MON_ENTRIES, T_MON_PENDING_COUNT, T_MON_LINKS);
    for (i = 0; i < n; i++) {
        int64_t id = y[i].id;

        html_printf(&r->out,
                    "<tr><td>%s</td><td>%s</td><td>%ld</td>"
                    "<td class=\"num\">%ld</td><td class=\"num\">%ld</td>"
                    "<td><a href=\"/plany/%ld\">%s</a>",
                    y[i].region_name, y[i].programme_title, (long)y[i].year,
                    (long)y[i].entries, (long)y[i].pending, (long)id,
                    T_MON_LINK_PLAN);
        if (y[i].adopted > 0) {
            html_printf(&r->out, " · <a href=\"/sprawozdania/%ld/%ld\">%s</a>",
                        (long)id, (long)y[i].adopted,
                        arena_printf(&r->arena, "%s %ld", T_MON_ADOPTED_REPORT,
                                     (long)y[i].adopted));
        }
        if (reader) {
            html_printf(&r->out,
                        " · <a href=\"/monitoring/plany/%ld\">%s</a>"
                        " · <a href=\"/monitoring/plany/%ld/raport\">%s"
                        "</a>",
                        (long)id, T_MON_DASHBOARD, (long)id,
                        T_MON_REPORT_TITLE);
        }
        if (r->user != NULL &&
            auth_role_has(r->user->role, CAP_REALISATION_ENTER)) {
            html_printf(&r->out,
                        " · <a href=\"/monitoring/plany/%ld/realizacja\">"
                        "%s</a>",
                        (long)id, T_MON_ENTER_TITLE);
        }
        html_lit(&r->out, "</td></tr>\n");
    }
    html_lit(&r->out, "</tbody>\n</table></div>\n");
    if (n == 0) {
        html_lit(&r->out, "<p>" T_MON_NO_PLANS "</p>\n");
    }
    layout_end(r);
    return 0;
}

static int message_page(struct req *r, int status, const char *msg,
                        int64_t plan_id);

/*
** The reply to a change the store made (a redirect to to) or refused: 404,
** the message page with why (input_status for ERR_INPUT, 403 for
** ERR_DENIED), or the error itself.
*/
static int
change_reply(struct req *r, int rc, int input_status, const char *why,
             int64_t plan_id, const char *to)
{
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, NULL);
    }
    if (rc == ERR_INPUT || rc == ERR_DENIED) {
        return message_page(r, rc == ERR_DENIED ? 403 : input_status, why,
                            plan_id);
    }
    return rc != 0 ? rc : req_redirect(r, to);
}

/* Today in Warsaw as an ISO date, to compare with due dates. */
static const char *
today_iso(struct arena *a)
{
    struct tm tm;

    warsaw_tm((int64_t)time(NULL), &tm);
    return arena_printf(a, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                        tm.tm_mday);
}

/* The calendar row of period, or NULL. */
static const struct mon_period *
period_row(const struct mon_period *ps, int n, const char *period)
{
    int i;

    for (i = 0; i < n; i++) {
        if (strcmp(ps[i].period, period) == 0) {
            return &ps[i];
        }
    }
    return NULL;
}

/*
** The reporting calendar of a plan: each period with its due date and
** whether it is closed; the forms to change them for approvers; overdue
** periods with the share of items reported.
*/
static int
calendar_section(struct req *r, const struct plan *p, int64_t plan_id)
{
    bool approver = auth_role_has(r->user->role, CAP_REALISATION_APPROVE);
    const char *today = today_iso(&r->arena);
    struct mon_period *ps;
    int n = mon_periods(r->db, &r->arena, plan_id, &ps), from, to, y, q;
    int64_t items = p->nindicators;
    struct mon_overdue *over;
    int late = 0, nover, i, l, k;

    if (n < 0) {
        return n;
    }
    if (!mon_plan_years(p, &from, &to) || to - from > 30) {
        return 0;
    }
    for (l = 0; l < p->nlines; l++) {
        for (k = 0; k < p->lines[l].namounts; k++) {
            items += p->lines[l].amounts[k].amount.kind == PLAN_NUM_VALUE;
        }
    }
    html_printf(&r->out,
                "<h2 id=\"kalendarz\">%s</h2>\n<div class=\"wide\" "
                "tabindex=\"0\" role=\"region\" aria-labelledby=\"kalendarz\">"
                "<table>\n<thead><tr><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>",
                T_MON_CALENDAR, T_MON_PERIOD, T_MON_DUE, T_MON_COL_STATUS);
    if (approver) {
        html_lit(&r->out, "<th scope=\"col\">" T_MON_CALENDAR_CHANGE "</th>");
    }
    html_lit(&r->out, "</tr></thead>\n<tbody>\n");
    for (y = from; y <= to; y++) {
        for (q = 0; q <= (p->kind == PLAN_YEARLY ? 4 : 0); q++) {
            const char *per = q == 0 ? arena_printf(&r->arena, "%d", y)
                                     : arena_printf(&r->arena, "%d-Q%d", y, q);
            const struct mon_period *row = period_row(ps, n, per);
            const char *fid = arena_printf(&r->arena, "p-%s", per);

            html_printf(
                &r->out,
                "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s%s%s"
                "</td>",
                period_label(&r->arena, per),
                row && row->due_on ? row->due_on : "–",
                row && row->closed ? T_MON_PERIOD_CLOSED : T_MON_PERIOD_OPEN,
                row && row->closed && row->closed_by ? ", " : "",
                row && row->closed && row->closed_by ? row->closed_by : "");
            if (approver) {
                html_lit(&r->out, "<td>");
                form_begin(r,
                           arena_printf(&r->arena,
                                        "/monitoring/plany/%ld/okresy",
                                        (long)plan_id),
                           NULL);
                html_printf(
                    &r->out,
                    "<input type=\"hidden\" name=\"period\" value=\"%s\">"
                    "<label class=\"mon-sr\" for=\"%s-due\">%s %s</label>"
                    "<input id=\"%s-due\" name=\"due_on\" type=\"date\" "
                    "value=\"%s\"> <button type=\"submit\" name=\"action\" "
                    "value=\"due\">%s</button> <label class=\"mon-sr\" "
                    "for=\"%s-why\">%s %s</label><input id=\"%s-why\" "
                    "name=\"reason\" size=\"12\" placeholder=\"%s\"> "
                    "<button type=\"submit\" name=\"action\" value=\"%s\">"
                    "%s</button>",
                    per, fid, T_MON_DUE, per, fid,
                    row && row->due_on ? row->due_on : "", T_MON_SAVE_DUE, fid,
                    T_MON_REASON, per, fid, T_MON_REASON,
                    row && row->closed ? "reopen" : "close",
                    row && row->closed ? T_MON_REOPEN : T_MON_CLOSE);
                form_end(r);
                html_lit(&r->out, "</td>");
            }
            html_lit(&r->out, "</tr>\n");
        }
    }
    html_lit(&r->out, "</tbody>\n</table></div>\n");
    html_printf(&r->out, "<h3>%s</h3>\n<ul>\n", T_MON_OVERDUE);
    if ((nover = mon_overdue(r->db, &r->arena, plan_id, today, &over)) < 0) {
        return nover;
    }
    for (i = 0; i < nover; i++) {
        int64_t done = over[i].done;

        if (done >= items) {
            continue;
        }
        late++;
        html_printf(
            &r->out, "<li>%s</li>\n",
            arena_printf(
                &r->arena, T_MON_OVERDUE_ROW,
                period_label(&r->arena, over[i].period), over[i].due_on,
                (long)done, (long)items,
                mon_pct_text(&r->arena,
                             items > 0 ? (int)(done * 1000 / items) : -1)));
    }
    if (late == 0) {
        html_lit(&r->out, "<li>" T_MON_OVERDUE_NONE "</li>\n");
    }
    html_lit(&r->out, "</ul>\n");
    return 0;
}

/*
** The entries of one kind of item (on a page), indexed by position: those
** of position lo + d are es[first[d]] .. es[first[d] + count[d] - 1] (the
** query returns them by position, source and period).
*/
struct item_runs {
    const struct mon_entry *es;
    int lo, n;
    int *first, *count;
};

static int
runs_load(struct req *r, int64_t plan_id, const char *kind, int lo, int hi,
          struct item_runs *x)
{
    struct mon_entry *es = NULL;
    int ne, k;

    memset(x, 0, sizeof(*x));
    if (lo > hi) {
        return 0;
    }
    if ((ne = mon_entries_of_items(r->db, &r->arena, plan_id, kind, lo, hi,
                                   &es)) < 0) {
        return ne;
    }
    x->es = es;
    x->lo = lo;
    x->n = hi - lo + 1;
    x->first = arena_ints(&r->arena, x->n, 0);
    x->count = arena_ints(&r->arena, x->n, 0);
    for (k = 0; k < ne; k++) {
        int d = es[k].pos - lo;

        if (d >= 0 && d < x->n && x->count[d]++ == 0) {
            x->first[d] = k;
        }
    }
    return 0;
}

/*
** What the realisation page needs of a plan beyond it: the indicators of
** each task (a list in plan order), its pages of tasks and, per page, the
** positions its indicators and budget lines span (lo > hi: none).
*/
struct real_view {
    int *ind_first, *ind_next;
    int npages;
    int *ind_lo, *ind_hi, *line_lo, *line_hi; /* per page */
};

static void *real_view_build(struct arena *a, const struct plan *p, int64_t id);

/* Counts over the implementer's items, for the summary. */
struct my_counts {
    int due, overdue, pending, returned;
};

/*
** One item of a task on "Moje zadania": its entries with their state (a
** returned one with the coordinator's comment) and the calendar's open
** periods with a due date that it has no entry for.
*/
static void
my_item(struct req *r, const struct plan *p, const struct item_runs *x,
        const struct mon_period *ps, int np, const char *today,
        const char *kind, int pos, const char *source, struct my_counts *c)
{
    struct mon_entry probe;
    bool by_year = false, by_quarter = false;
    int d = pos - x->lo, ne = d >= 0 && d < x->n ? x->count[d] : 0, i,
        shown = 0;
    const struct mon_entry *es = ne > 0 ? x->es + x->first[d] : NULL;

    memset(&probe, 0, sizeof(probe));
    probe.kind = kind;
    probe.pos = pos;
    probe.source = source;
    html_printf(
        &r->out, "<tr><th scope=\"row\">%s</th><td class=\"num\">%s</td><td>",
        item_label(&r->arena, p, &probe), item_plan_text(&r->arena, p, &probe));
    for (i = 0; i < ne; i++) {
        const struct mon_entry *e = &es[i];

        if (strcmp(e->source, source) != 0) {
            continue;
        }
        by_year = by_year || strlen(e->period) == 4;
        by_quarter = by_quarter || strlen(e->period) == 7;
        if (shown++) {
            html_lit(&r->out, "<br>");
        }
        html_printf(&r->out,
                    "<a href=\"/monitoring/wpisy/%ld\">%s: %s</a> — %s",
                    (long)e->id, period_label(&r->arena, e->period),
                    entry_value_text(&r->arena, e),
                    strcmp(e->status, "entered") == 0    ? T_MY_TASKS_PENDING
                    : strcmp(e->status, "returned") == 0 ? T_MY_TASKS_RETURNED
                                                         : T_MON_ST_APPROVED);
        if (strcmp(e->status, "returned") == 0 && e->comment != NULL) {
            html_printf(&r->out, " (" T_QUOTED ")", e->comment);
        }
        c->pending += strcmp(e->status, "entered") == 0;
        c->returned += strcmp(e->status, "returned") == 0;
    }
    for (i = 0; i < np; i++) {
        const struct mon_period *per = &ps[i];
        bool quarter = strlen(per->period) == 7, has = false;
        int k;

        if (per->closed || per->due_on == NULL ||
            (quarter ? by_year : by_quarter)) {
            continue;
        }
        for (k = 0; k < ne && !has; k++) {
            has = strcmp(es[k].source, source) == 0 &&
                  strcmp(es[k].period, per->period) == 0;
        }
        if (has) {
            continue;
        }
        c->due++;
        c->overdue += strcmp(per->due_on, today) < 0;
        if (shown++) {
            html_lit(&r->out, "<br>");
        }
        html_printf(&r->out, "<strong>%s</strong>: %s %s%s",
                    period_label(&r->arena, per->period), T_MY_TASKS_MISSING,
                    per->due_on,
                    strcmp(per->due_on, today) < 0 ? " (" T_MY_TASKS_OVERDUE ")"
                                                   : "");
    }
    if (shown == 0) {
        html_lit(&r->out, T_MON_NO_ENTRIES);
    }
    html_lit(&r->out, "</td></tr>\n");
}

/*
** ROUTE: GET /moje-zadania
** CAP: CAP_REALISATION_ENTER
** PARAMS: none
*/
int
page_my_tasks(struct req *r)
{
    const char *today = today_iso(&r->arena);
    struct my_counts c = {0, 0, 0, 0};
    struct buf body;
    int64_t *plans = NULL, loaded = 0;
    int *tasks = NULL, n = 0, i, rc;

    layout_begin(r, T_MY_TASKS_TITLE);
    crumbs(r, T_MY_TASKS_TITLE, 0);
    html_printf(&r->out, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n",
                T_MY_TASKS_TITLE, T_MY_TASKS_LEAD);
    if (r->user->role != ROLE_IMPLEMENTER) {
        html_lit(&r->out,
                 "<p>" T_MY_TASKS_NOT_IMPLEMENTER
                 " <a href=\"/monitoring\">" T_NAV_MONITORING "</a></p>\n");
        layout_end(r);
        return 0;
    }
    n = plan_store_tasks_of_account(r->db, &r->arena, r->user->id, &plans,
                                    &tasks);
    if (n < 0) {
        return n;
    }
    if (n == 0) {
        html_lit(&r->out, "<p class=\"notice\">" T_MY_TASKS_NONE "</p>\n");
        layout_end(r);
        return 0;
    }
    /* The tasks are written aside, so that the summary comes first. */
    body = r->out;
    buf_init(&r->out);
    {
        const struct plan *p = NULL;
        const struct real_view *v = NULL;
        struct item_runs ind, ln;
        struct mon_period *ps = NULL;
        struct plan_cached pc;
        const char *region;
        void *handle = NULL;
        int np = 0, l, k;

        for (i = 0; i < n; i++) {
            const struct plan_task *task;

            if (plans[i] != loaded) {
                if (handle != NULL) {
                    plan_cache_release(handle);
                    handle = NULL;
                }
                /* The plan's entries read once, indexed by item. */
                if ((rc = cached_plan(r, plans[i], real_view_build, &pc,
                                      &region, &handle)) != 0 ||
                    (rc = runs_load(r, plans[i], "indicator", 0,
                                    pc.p->nindicators - 1, &ind)) != 0 ||
                    (rc = runs_load(r, plans[i], "line", 0, pc.p->nlines - 1,
                                    &ln)) != 0 ||
                    (np = mon_periods(r->db, &r->arena, plans[i], &ps)) < 0) {
                    if (handle != NULL) {
                        plan_cache_release(handle);
                    }
                    buf_free(&r->out);
                    r->out = body;
                    return rc != 0 ? rc : np;
                }
                p = pc.p;
                v = pc.extra;
                loaded = plans[i];
                html_printf(&r->out, "<h2>%s %d</h2>\n<p>%s</p>\n",
                            T_MY_TASKS_PLAN, p->year, p->title ? p->title : "");
            }
            if (tasks[i] < 0 || tasks[i] >= p->ntasks) {
                continue;
            }
            task = &p->tasks[tasks[i]];
            html_printf(
                &r->out,
                "<section class=\"mon-task\"><h3>%s %s</h3>\n<p>%s"
                "</p><p><a href=\"/monitoring/plany/%ld/realizacja?"
                "zadanie=%d#zadanie-%d\">%s</a></p>\n<div class=\"wide\" "
                "tabindex=\"0\" role=\"region\" aria-label=\"%s %s\">"
                "<table>\n<thead><tr><th scope=\"col\">%s</th><th "
                "scope=\"col\" class=\"num\">%s</th><th scope=\"col\">"
                "%s</th></tr></thead>\n<tbody>\n",
                T_MON_TASK, task->number,
                task->description ? task->description : "", (long)plans[i],
                tasks[i] + 1, tasks[i] + 1, T_MY_TASKS_ENTER, T_MON_TASK,
                task->number, T_MON_COL_ITEM, T_MON_PLANNED, T_MON_COL_ENTRIES);
            for (k = v->ind_first[tasks[i]]; k >= 0; k = v->ind_next[k]) {
                my_item(r, p, &ind, ps, np, today, "indicator", k, "", &c);
            }
            for (l = task->first_line;
                 l >= 0 && l < task->first_line + task->nlines; l++) {
                for (k = 0; k < p->lines[l].namounts; k++) {
                    const struct plan_amount *am = &p->lines[l].amounts[k];

                    if (am->amount.kind == PLAN_NUM_VALUE && am->amount.v > 0) {
                        my_item(r, p, &ln, ps, np, today, "line", l,
                                p->sources[am->source].code, &c);
                    }
                }
            }
            html_lit(&r->out, "</tbody>\n</table></div>\n</section>\n");
        }
        if (handle != NULL) {
            plan_cache_release(handle);
        }
    }
    {
        struct buf tasks_html = r->out;

        r->out = body;
        html_printf(&r->out,
                    "<h2>%s</h2>\n<ul class=\"summary\"><li>%s: %d (%s: %d)"
                    "</li><li>%s: %d</li><li>%s: %d</li></ul>\n",
                    T_MY_TASKS_SUMMARY, T_MY_TASKS_DUE, c.due,
                    T_MY_TASKS_OVERDUE, c.overdue, T_MY_TASKS_RETURNED,
                    c.returned, T_MY_TASKS_PENDING, c.pending);
        /* Written above by html_printf, every value escaped there. */
        buf_append(&r->out, tasks_html.data, tasks_html.len);
        buf_free(&tasks_html);
    }
    layout_end(r);
    return 0;
}

/*
** ROUTE: POST /monitoring/opisy
** CAP: CAP_REALISATION_ENTER
** PARAMS: plan, task (position), period, text (empty removes), csrf (form)
*/
int
page_mon_narrative_save(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    const char *plan = req_form(r, "plan"), *task = req_form(r, "task");
    const char *why = NULL;
    char *end;
    int64_t id = plan ? strtoll(plan, &end, 10) : 0;
    int rc;

    if (plan == NULL || *end != '\0' || id <= 0 || task == NULL) {
        return message_page(r, 400, T_MON_ERR_FORM, 0);
    }
    rc = mon_narrative_save(r->db, &r->arena, &act, id, atoi(task),
                            req_form(r, "period"), req_form(r, "text"), &why);
    return change_reply(
        r, rc, 400, why, id,
        arena_printf(&r->arena,
                     "/monitoring/plany/%ld/realizacja?zadanie=%d#zadanie-%d",
                     (long)id, atoi(task) + 1, atoi(task) + 1));
}

/* A task's narratives, and the form that writes one (may: its implementer
 * or the coordinator). */
static void
narrative_block(struct req *r, int64_t plan_id, int year, int t,
                const struct mon_narrative *ns, int n, bool may)
{
    const char *fid = arena_printf(&r->arena, "opis-%d", t);
    int i, q;

    for (i = 0; i < n; i++) {
        if (ns[i].task == t) {
            html_printf(&r->out,
                        "<p class=\"pre\"><strong>%s (%s):</strong> %s</p>\n",
                        T_MON_NARRATIVE, period_label(&r->arena, ns[i].period),
                        ns[i].text);
        }
    }
    if (!may) {
        return;
    }
    form_begin(r, "/monitoring/opisy", NULL);
    html_printf(&r->out,
                "<input type=\"hidden\" name=\"plan\" value=\"%ld\">"
                "<input type=\"hidden\" name=\"task\" value=\"%d\">"
                "<p class=\"field\"><label for=\"%s-p\">%s</label>"
                "<select id=\"%s-p\" name=\"period\"><option value=\"%d\">"
                "%s %d</option>",
                (long)plan_id, t, fid, T_MON_PERIOD, fid, year, T_MON_YEAR,
                year);
    for (q = 1; q <= 4; q++) {
        html_printf(&r->out, "<option value=\"%d-Q%d\">%d kw.</option>", year,
                    q, q);
    }
    html_printf(&r->out,
                "</select></p><p class=\"field\"><label for=\"%s\">%s</label>"
                "<textarea id=\"%s\" name=\"text\" rows=\"3\" "
                "maxlength=\"8000\"></textarea></p><p><button "
                "type=\"submit\">%s</button></p>\n",
                fid, T_MON_NARRATIVE, fid, T_MON_NARRATIVE_SAVE);
    form_end(r);
}

/* Items of task t: its indicators and its lines' planned sources. */
static void
task_items(const struct plan *p, int t, const struct mon_entry *es, int ne,
           const struct mon_period *ps, int np, const char *today, int *items,
           int *reported, int *overdue)
{
    const struct plan_task *task = &p->tasks[t];
    int i, l, k;

    for (i = 0; i < p->nindicators + p->nlines; i++) {
        /* i < nindicators: indicator i; beyond: line i - nindicators */
        int pos = i < p->nindicators ? i : i - p->nindicators;
        bool line = i >= p->nindicators;

        if ((!line && p->indicators[pos].task != t) ||
            (line && (pos < task->first_line ||
                      pos >= task->first_line + task->nlines))) {
            continue;
        }
        for (k = 0; k < (line ? p->lines[pos].namounts : 1); k++) {
            const char *source = "";
            bool any = false;

            if (line) {
                const struct plan_amount *am = &p->lines[pos].amounts[k];

                if (am->amount.kind != PLAN_NUM_VALUE || am->amount.v == 0) {
                    continue;
                }
                source = p->sources[am->source].code;
            }
            (*items)++;
            for (l = 0; l < ne && !any; l++) {
                any = es[l].pos == pos &&
                      strcmp(es[l].kind, line ? "line" : "indicator") == 0 &&
                      strcmp(es[l].source, source) == 0;
            }
            *reported += any;
            for (l = 0; l < np && !any; l++) {
                if (!ps[l].closed && ps[l].due_on != NULL &&
                    strcmp(ps[l].due_on, today) < 0) {
                    (*overdue)++;
                    break;
                }
            }
        }
    }
}

/*
** The reporting rate of each implementer unit of a yearly plan: the
** items of its tasks, how many have any entry, how many have none though
** a due date has passed.
*/
static int
implementer_rates(struct req *r, const struct plan *p, int64_t plan_id)
{
    const char *today = today_iso(&r->arena);
    struct mon_entry *es;
    struct mon_period *ps;
    int ne = mon_entries_of_plan(r->db, &r->arena, plan_id, &es);
    int np = ne < 0 ? 0 : mon_periods(r->db, &r->arena, plan_id, &ps);
    struct plan_task_unit *tu;
    int64_t unit = 0;
    const char *name = NULL;
    int items = 0, reported = 0, overdue = 0, rows = 0, ntu, i;

    if (ne < 0 || np < 0) {
        return ne < 0 ? ne : np;
    }
    if ((ntu = plan_store_task_units(r->db, &r->arena, plan_id, &tu)) < 0) {
        return ntu;
    }
    for (i = 0;; i++) {
        if (i == ntu || tu[i].unit != unit) {
            if (name != NULL) {
                if (rows++ == 0) {
                    html_printf(
                        &r->out,
                        "<h2 id=\"sprawozdawczosc\">%s</h2>\n<div "
                        "class=\"wide\" tabindex=\"0\" role=\"region\" "
                        "aria-labelledby=\"sprawozdawczosc\"><table>\n<thead>"
                        "<tr><th scope=\"col\">%s</th><th scope=\"col\" "
                        "class=\"num\">%s</th><th scope=\"col\" class=\"num\">"
                        "%s</th><th scope=\"col\" class=\"num\">%s</th><th "
                        "scope=\"col\" class=\"num\">%s</th></tr></thead>\n"
                        "<tbody>\n",
                        T_MON_RATES, T_MON_RATES_UNIT, T_MON_RATES_ITEMS,
                        T_MON_RATES_REPORTED, T_MON_RATES_RATE,
                        T_MON_RATES_OVERDUE);
                }
                html_printf(
                    &r->out,
                    "<tr><th scope=\"row\">%s</th><td class=\"num\">"
                    "%d</td><td class=\"num\">%d</td><td class=\"num\">"
                    "%s</td><td class=\"num\">%d</td></tr>\n",
                    name, items, reported,
                    mon_pct_text(&r->arena,
                                 items > 0 ? reported * 1000 / items : -1),
                    overdue);
            }
            if (i == ntu) {
                break;
            }
            unit = tu[i].unit;
            name = tu[i].name;
            items = reported = overdue = 0;
        }
        if (tu[i].task >= 0 && tu[i].task < p->ntasks) {
            task_items(p, tu[i].task, es, ne, ps, np, today, &items, &reported,
                       &overdue);
        }
    }
    if (rows > 0) {
        html_lit(&r->out, "</tbody>\n</table></div>\n");
    }
    return 0;
}

/*
** ROUTE: POST /monitoring/plany/:id/okresy
** CAP: CAP_REALISATION_APPROVE
** PARAMS: id (path), period, action=due|close|reopen, due_on (ISO date),
**         reason (required to reopen), csrf (form)
*/
int
page_mon_period(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    const char *why = NULL;
    int64_t id = 0;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    rc = mon_period_change(r->db, &r->arena, &act, id, req_form(r, "period"),
                           req_form(r, "action"), req_form(r, "due_on"),
                           req_form(r, "reason"), &why);
    return change_reply(
        r, rc, 400, why, id,
        arena_printf(&r->arena, "/monitoring/plany/%ld#kalendarz", (long)id));
}

/* A figure with its pending one beside it, marked, when there is one. */
static void
figure_cell(struct req *r, const char *v, int npending, const char *pending)
{
    html_printf(&r->out, "<td class=\"num\">%s", v);
    if (npending > 0) {
        html_printf(&r->out, "<br><span class=\"pending\">(%s: %s)</span>",
                    T_MON_IF_APPROVED, pending);
    }
    html_lit(&r->out, "</td>");
}

/* The entry form of a programme or project: any indicator, any year. */
static void
progress_form(struct req *r, const struct mon_progress *m)
{
    const struct plan *p = m->p;
    int i;

    html_printf(&r->out, "<h2>%s</h2>\n", T_MON_NEW_ENTRY);
    form_begin(r, "/monitoring/wpisy", NULL);
    html_printf(&r->out,
                "<input type=\"hidden\" name=\"plan\" value=\"%ld\">"
                "<p class=\"field\"><label for=\"f-item\">%s</label>"
                "<select id=\"f-item\" name=\"item\">\n",
                (long)m->meta.id, T_MON_COL_ITEM);
    for (i = 0; i < p->nindicators; i++) {
        html_printf(&r->out, "<option value=\"indicator:%d\">%s</option>\n", i,
                    p->indicators[i].name);
    }
    if (p->kind == PLAN_PROJECT) {
        html_printf(&r->out,
                    "<option value=\"line:%d\">%s (" T_CURRENCY ")</option>\n",
                    MON_PROJECT_SPENDING, T_MON_PROJECT_SPENDING);
    }
    html_lit(&r->out, "</select></p>\n");
    form_input(r, "period", T_MON_PERIOD, "text", NULL,
               "required aria-describedby=\"f-period-hint\"");
    html_printf(&r->out, "<p class=\"hint\" id=\"f-period-hint\">%s</p>\n",
                T_MON_PERIOD_HINT);
    form_input(r, "value", T_MON_COL_VALUE, "text", NULL,
               "required inputmode=\"decimal\"");
    form_input(r, "note", T_MON_NOTE, "text", NULL, NULL);
    html_lit(&r->out,
             "<p><button type=\"submit\">" T_MON_SAVE "</button></p>\n");
    form_end(r);
}

/* How the indicators counted from the records are counted. */
static void
counted_notes(struct req *r, const struct mon_progress *m)
{
    int i, n = 0;

    for (i = 0; i < m->p->nindicators; i++) {
        if (!m->ind[i].counted && !m->ind[i].entered) {
            continue;
        }
        if (n++ == 0) {
            html_printf(&r->out, "<h3>%s</h3>\n<p>%s</p>\n<ul>\n",
                        T_MON_COUNTED_HOW, T_MON_COUNTED_RULE);
        }
        html_printf(&r->out, "<li><strong>%s</strong>: %s</li>\n",
                    m->p->indicators[i].name, m->ind[i].how);
    }
    if (n > 0) {
        html_lit(&r->out, "</ul>\n");
    }
    if (m->ninst_kinds == 0) {
        return;
    }
    html_printf(&r->out, WIDE_OPEN, T_MON_INST_BY_KIND);
    html_printf(&r->out,
                "<table>\n<caption>%s</caption>\n<thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">"
                "%s</th></tr></thead>\n<tbody>\n",
                T_MON_INST_BY_KIND, T_MON_INST_KIND, T_MON_INST_COUNT);
    for (i = 0; i < m->ninst_kinds; i++) {
        html_printf(&r->out,
                    "<tr><th scope=\"row\">%s</th><td class=\"num\">%lld"
                    "</td></tr>\n",
                    m->inst_kinds[i], (long long)m->inst_counts[i]);
    }
    html_lit(&r->out, "</tbody>\n" WIDE_CLOSE);
}

/* The monitoring page of a programme (seed 003) or project card (004). */
static int
progress_page(struct req *r, int64_t id, void **handle)
{
    struct mon_progress m;
    struct plan_cached c;
    const struct plan *p;
    const char *region;
    int rc = cached_plan(r, id, NULL, &c, &region, handle), i, y;

    if (rc == 0) {
        rc = mon_progress_of(r->db, &r->arena, id, c.p, c.meta, &m);
    }

    if (rc == ERR_NOTFOUND || rc == ERR_INPUT ||
        (rc == 0 && r->user->region != NULL &&
         strcmp(r->user->region, m.meta.region) != 0)) {
        return req_error(r, 404, NULL);
    }
    if (rc != 0) {
        return rc;
    }
    p = m.p;
    layout_begin(r, T_MON_PROGRESS_TITLE);
    crumbs(r, T_MON_PROGRESS_TITLE, 0);
    html_printf(&r->out,
                "<h1>%s</h1>\n<p class=\"lead\">%s: %s</p>\n<dl "
                "class=\"meta\"><dt>%s</dt><dd>%s</dd><dt>%s</dt>"
                "<dd>%d–%d</dd></dl>\n",
                T_MON_PROGRESS_TITLE,
                p->kind == PLAN_PROJECT ? T_MON_KIND_PROJECT
                                        : T_MON_KIND_PROGRAMME,
                p->title ? p->title : "", T_MON_REGION, m.meta.region_name,
                T_MON_YEARS, m.from, m.to);
    if (p->ngoals > 0) {
        html_printf(&r->out, "<h2>%s</h2>\n<ul>\n", T_MON_GOALS);
        for (i = 0; i < p->ngoals; i++) {
            html_printf(&r->out, "<li>%s %s</li>\n", p->goals[i].code,
                        p->goals[i].title);
        }
        html_lit(&r->out, "</ul>\n");
    }
    html_printf(&r->out, "<h2>%s</h2>\n", T_MON_RESULTS);
    if (p->nindicators == 0) {
        html_lit(&r->out, "<p>" T_MON_NO_INDICATORS "</p>\n");
    } else {
        html_printf(
            &r->out,
            "<div class=\"wide\" tabindex=\"0\" role=\"region\" "
            "aria-labelledby=\"mon-prog-cap\"><table class=\"mon-progress\">"
            "\n<caption id=\"mon-prog-cap\" class=\"mon-sr\">%s"
            "</caption>\n<thead><tr>"
            "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
            "<th scope=\"col\" class=\"num\">%s</th>",
            T_MON_RESULTS, T_MON_COL_INDICATOR, T_MON_COL_UNIT,
            T_MON_COL_PERIOD_TARGET);
        for (y = 0; y < m.nyears; y++) {
            html_printf(&r->out, "<th scope=\"col\" class=\"num\">%d</th>",
                        m.from + y);
        }
        html_printf(&r->out,
                    "<th scope=\"col\" class=\"num\">%s</th>"
                    "<th scope=\"col\" class=\"num\">%s</th></tr>"
                    "</thead>\n<tbody>\n",
                    T_MON_COL_TO_DATE, T_MON_COL_PCT_TARGET);
        for (i = 0; i < p->nindicators; i++) {
            const struct mon_pind *pi = &m.ind[i];

            html_printf(&r->out,
                        "<tr><th scope=\"row\">%s</th><td>%s</td>"
                        "<td class=\"num\">%s</td>",
                        p->indicators[i].name,
                        p->indicators[i].unit ? p->indicators[i].unit : "",
                        pi->has_target ? str_thousands(&r->arena, pi->target)
                                       : "–");
            for (y = 0; y < m.nyears; y++) {
                html_printf(&r->out, "<td class=\"num\">%s</td>",
                            pi->counted
                                ? "–"
                                : str_thousands(&r->arena, pi->by_year[y]));
            }
            if (pi->counted) {
                html_printf(&r->out,
                            "<td class=\"num\">%s<br><span class=\"pending\">"
                            "%s</span></td>",
                            str_thousands(&r->arena, pi->real), T_MON_COUNTED);
            } else if (pi->entered && pi->has_data) {
                /* no records to count: the figure entered by hand, so said */
                html_printf(&r->out,
                            "<td class=\"num\">%s<br><span class=\"pending\">"
                            "%s</span>",
                            str_thousands(&r->arena, pi->real), T_MON_ENTERED);
                if (pi->npending > 0) {
                    html_printf(&r->out,
                                "<br><span class=\"pending\">(%s: %s)</span>",
                                T_MON_IF_APPROVED,
                                str_thousands(&r->arena, pi->pending));
                }
                html_lit(&r->out, "</td>");
            } else {
                figure_cell(
                    r, pi->has_data ? str_thousands(&r->arena, pi->real) : "–",
                    pi->npending, str_thousands(&r->arena, pi->pending));
            }
            html_printf(&r->out, "<td class=\"num\">%s</td></tr>\n",
                        mon_pct_text(&r->arena, pi->pct10));
        }
        html_lit(&r->out, "</tbody>\n</table></div>\n");
        counted_notes(r, &m);
    }
    if (p->kind == PLAN_PROJECT) {
        html_printf(&r->out, WIDE_OPEN, T_MON_PROJECT_BUDGET);
        html_printf(
            &r->out,
            "<h2>%s</h2>\n<table>\n<caption>%s</caption>\n<tbody>"
            "<tr><th scope=\"row\">%s</th><td class=\"num\">%s " T_CURRENCY
            "</td></tr><tr><th scope=\"row\">%s</th><td class="
            "\"num\">%s " T_CURRENCY "</td></tr><tr><th scope=\"row\">%s</th>",
            T_MON_PROJECT_BUDGET, T_MON_PROJECT_BUDGET, T_MON_PROJECT_VALUE,
            str_money(&r->arena, m.budget), T_MON_EU_FUNDING,
            str_money(&r->arena, m.budget_eu), T_MON_PROJECT_SPENT);
        figure_cell(r,
                    arena_printf(&r->arena, "%s " T_CURRENCY,
                                 str_money(&r->arena, m.spent)),
                    m.npending_spent,
                    arena_printf(&r->arena, "%s " T_CURRENCY,
                                 str_money(&r->arena, m.spent_pending)));
        html_printf(
            &r->out,
            "</tr><tr><th scope=\"row\">%s</th><td class=\"num\">"
            "%s</td></tr><tr><th scope=\"row\">%s</th><td class="
            "\"num\">%s " T_CURRENCY "</td></tr>\n",
            T_MON_PROJECT_SPENT_PCT,
            mon_pct_text(&r->arena,
                         m.budget > 0
                             ? (int)((m.spent * 1000 + m.budget / 2) / m.budget)
                             : -1),
            T_MON_PROJECT_SPENT_EU, str_money(&r->arena, m.spent_eu));
        for (y = 0; y < m.nyears; y++) {
            html_printf(&r->out,
                        "<tr><th scope=\"row\">%s %d</th><td class=\"num\">"
                        "%s " T_CURRENCY "</td></tr>\n",
                        T_MON_PROJECT_SPENT, m.from + y,
                        str_money(&r->arena, m.spent_by_year[y]));
        }
        html_lit(&r->out, "</tbody></table></div>\n");
    }
    if (auth_role_has(r->user->role, CAP_REALISATION_ENTER)) {
        progress_form(r, &m);
    }
    if ((rc = calendar_section(r, p, id)) != 0) {
        return rc;
    }
    layout_end(r);
    return 0;
}

/* The dashboard's page; *handle holds the cached plan it reads. */
static int
dashboard_page(struct req *r, void **handle)
{
    struct mon_report m;
    int64_t id = 0;
    struct mon_change *ch;
    bool yearly;
    int rc, t, nch, nlate = 0, nnodata = 0;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    if (plan_store_is_yearly(r->db, id, &yearly) == 0 && !yearly) {
        return progress_page(r, id, handle);
    }
    if ((rc = report_or_reply(r, id, &m, handle)) != 0) {
        return rc;
    }
    layout_begin(r, T_MON_DASHBOARD);
    crumbs(r, T_MON_DASHBOARD, 0);
    html_printf(&r->out, "<h1>%s %d</h1>\n<p class=\"lead\">%s</p>\n",
                T_MON_DASHBOARD, m.year, m.p->title ? m.p->title : "");
    html_printf(&r->out,
                "<p class=\"downloads\"><a href=\"/monitoring/plany/%ld/"
                "raport\">%s</a> · %s: <a href=\"/monitoring/plany/%ld/"
                "raport?format=pdf\">PDF</a>, <a href=\"/monitoring/plany/"
                "%ld/raport?format=xlsx\">XLSX</a>, <a href=\"/api/"
                "monitoring/plans/%ld/report\">JSON</a>",
                (long)id, T_MON_REPORT_TITLE, T_MON_DOWNLOAD, (long)id,
                (long)id, (long)id);
    if (auth_role_has(r->user->role, CAP_REALISATION_ENTER)) {
        html_printf(&r->out,
                    " · <a href=\"/monitoring/plany/%ld/realizacja\">%s"
                    "</a>",
                    (long)id, T_MON_ENTER_TITLE);
    }
    html_lit(&r->out, "</p>\n");
    html_lit(&r->out, "<h2>" T_MON_GOALS_PROGRESS "</h2>\n");
    mon_svg_goals(&r->out, &r->arena, &m);
    html_lit(&r->out, "<ul class=\"mon-goals\">\n");
    for (t = 0; t < m.p->ngoals; t++) {
        html_printf(&r->out,
                    "<li><label for=\"cel-%d\">%s %s</label> "
                    "<meter id=\"cel-%d\" min=\"0\" max=\"100\" "
                    "value=\"%d\">%s %%</meter> %s %%</li>\n",
                    t, T_MON_GOAL, m.p->goals[t].code, t,
                    m.goal_pct10[t] < 0 ? 0 : m.goal_pct10[t] / 10,
                    mon_pct_text(&r->arena, m.goal_pct10[t]),
                    mon_pct_text(&r->arena, m.goal_pct10[t]));
    }
    html_lit(&r->out, "</ul>\n");

    html_printf(&r->out, WIDE_OPEN, T_MON_ATTENTION_CAPTION);
    html_printf(&r->out,
                "<h2>%s</h2>\n<table>\n<caption>%s</caption>\n<thead>"
                "<tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr>"
                "</thead>\n<tbody>\n",
                T_MON_ATTENTION, T_MON_ATTENTION_CAPTION, T_MON_COL_TASK,
                T_MON_COL_TERM, T_MON_COL_IMPLEMENTERS, T_MON_COL_STATUS);
    for (t = 0; t < m.p->ntasks; t++) {
        const struct plan_task *task = &m.p->tasks[t];

        if (m.task[t].has_data && !m.task[t].late) {
            continue;
        }
        nlate += m.task[t].late;
        nnodata += !m.task[t].has_data;
        html_printf(&r->out,
                    "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td>"
                    "<td>%s</td></tr>\n",
                    task->number, task->term.text ? task->term.text : "",
                    task->implementers ? task->implementers : "",
                    !m.task[t].has_data ? T_MON_TASK_NO_DATA : T_MON_TASK_LATE);
    }
    html_lit(&r->out, "</tbody>\n</table></div>\n");
    html_printf(&r->out, "<p>%s: %d · %s: %d</p>\n", T_MON_TASK_LATE, nlate,
                T_MON_TASK_NO_DATA, nnodata);

    html_printf(&r->out, WIDE_OPEN, T_MON_LATEST);
    html_printf(&r->out,
                "<h2>%s</h2>\n<table>\n<caption>%s</caption>\n<thead>"
                "<tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\" class=\"num\">%s</th></tr></thead>\n"
                "<tbody>\n",
                T_MON_LATEST, T_MON_LATEST, T_MON_COL_WHEN, T_MON_COL_WHO,
                T_MON_COL_ITEM, T_MON_COL_EVENT, T_MON_COL_VALUE);
    if ((nch = mon_latest_changes(r->db, &r->arena, id, 15, &ch)) < 0) {
        return nch;
    }
    for (t = 0; t < nch; t++) {
        const struct mon_entry *e = &ch[t].e;

        html_printf(&r->out,
                    "<tr><td>%s</td><td>%s</td><td><a href=\"/monitoring/"
                    "wpisy/%ld\">%s</a> (%s)</td><td>%s</td>"
                    "<td class=\"num\">%s</td></tr>\n",
                    warsaw_local(&r->arena, ch[t].at), ch[t].account,
                    (long)e->id, item_label(&r->arena, m.p, e),
                    period_label(&r->arena, e->period),
                    status_label(ch[t].status), entry_value_text(&r->arena, e));
    }
    html_lit(&r->out, "</tbody>\n</table></div>\n");
    if ((rc = calendar_section(r, m.p, id)) != 0 ||
        (rc = implementer_rates(r, m.p, id)) != 0) {
        return rc;
    }
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /monitoring/plany/:id
** CAP: CAP_REPORT_READ
** PARAMS: id=plan number (path)
*/
int
page_mon_dashboard(struct req *r)
{
    void *handle = NULL;
    int rc = dashboard_page(r, &handle);

    if (handle != NULL) {
        plan_cache_release(handle);
    }
    return rc;
}

/* --- the realisation form ------------------------------------------------
** The page implementers and the coordinator work on all day. It reads the
** plan from the plan cache (with real_view, built once per plan version),
** only the entries of the tasks it shows (one index range per kind of
** item, indexed by position once per request), and writes its repeated
** rows with plain appends rather than a format parse per field. A plan
** longer than REAL_PAGE_TASKS tasks is shown a page of tasks at a time,
** as the plan page is; a page holds fewer tasks than the plan page's 200,
** since every item here carries its entries and a form (a task is about
** 6 KB: 50 tasks make a page of about 340 KB).
*/
#define REAL_PAGE_TASKS 50

/* The plan cache's builder of real_view; linear in the plan. */
static void *
real_view_build(struct arena *a, const struct plan *p, int64_t id)
{
    struct real_view *v = arena_alloc(a, sizeof(*v));
    int *tail = arena_ints(a, p->ntasks, -1);
    int i, t, pg;

    (void)id;
    v->ind_first = arena_ints(a, p->ntasks, -1);
    v->ind_next = arena_ints(a, p->nindicators, -1);
    for (i = 0; i < p->nindicators; i++) {
        t = p->indicators[i].task;
        if (t < 0 || t >= p->ntasks) {
            continue;
        }
        if (tail[t] < 0) {
            v->ind_first[t] = i;
        } else {
            v->ind_next[tail[t]] = i;
        }
        tail[t] = i;
    }
    v->npages =
        p->ntasks > 0 ? (p->ntasks + REAL_PAGE_TASKS - 1) / REAL_PAGE_TASKS : 1;
    v->ind_lo = arena_ints(a, v->npages, INT_MAX);
    v->ind_hi = arena_ints(a, v->npages, -1);
    v->line_lo = arena_ints(a, v->npages, INT_MAX);
    v->line_hi = arena_ints(a, v->npages, -1);
    for (t = 0; t < p->ntasks; t++) {
        const struct plan_task *task = &p->tasks[t];

        pg = t / REAL_PAGE_TASKS;
        for (i = v->ind_first[t]; i >= 0; i = v->ind_next[i]) {
            v->ind_lo[pg] = i < v->ind_lo[pg] ? i : v->ind_lo[pg];
            v->ind_hi[pg] = i > v->ind_hi[pg] ? i : v->ind_hi[pg];
        }
        if (task->first_line >= 0 && task->nlines > 0) {
            int l0 = task->first_line, l1 = l0 + task->nlines - 1;

            v->line_lo[pg] = l0 < v->line_lo[pg] ? l0 : v->line_lo[pg];
            v->line_hi[pg] = l1 > v->line_hi[pg] ? l1 : v->line_hi[pg];
        }
    }
    return v;
}

/* A whole number in decimal digits (no escaping needed). */
static void
put_num(struct buf *out, int64_t v)
{
    char s[24];
    int n = (int)sizeof(s);
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

    do {
        s[--n] = (char)('0' + u % 10);
        u /= 10;
    } while (u > 0);
    if (v < 0) {
        s[--n] = '-';
    }
    buf_append(out, s + n, sizeof(s) - (size_t)n);
}

/* value_text() written straight into out. */
static void
put_value(struct req *r, bool money, int64_t v)
{
    if (money) {
        uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        char cents[4] = {',', (char)('0' + u % 100 / 10), (char)('0' + u % 10),
                         '\0'};

        if (v < 0) {
            html_lit(&r->out, "-");
        }
        html_escape(&r->out, str_thousands(&r->arena, (int64_t)(u / 100)));
        html_escape(&r->out, cents);
        html_lit(&r->out, " " T_CURRENCY);
    } else {
        html_escape(&r->out, str_thousands(&r->arena, v));
    }
}

/* The entries of one item (its run, of source), in its row of the form. */
static void
item_entries(struct req *r, const struct item_runs *x, int pos,
             const char *source, bool money)
{
    int d = pos - x->lo, k, shown = 0;

    for (k = 0; d >= 0 && d < x->n && k < x->count[d]; k++) {
        const struct mon_entry *e = &x->es[x->first[d] + k];

        if (strcmp(e->source, source) != 0) {
            continue;
        }
        if (shown++) {
            html_lit(&r->out, "<br>");
        }
        html_lit(&r->out, "<a href=\"/monitoring/wpisy/");
        put_num(&r->out, e->id);
        html_lit(&r->out, "\">");
        html_escape(&r->out, period_label(&r->arena, e->period));
        html_lit(&r->out, ": ");
        put_value(r, money, e->value);
        html_lit(&r->out, "</a> (");
        html_escape(&r->out, status_label(e->status));
        html_lit(&r->out, ")");
        if (strcmp(e->status, "approved") != 0) {
            html_lit(&r->out, "; " T_MON_APPROVED_SHORT ": ");
            if (e->has_approved) {
                put_value(r, money, e->approved);
            } else {
                html_lit(&r->out, T_MON_NONE_APPROVED);
            }
        }
        if (e->comment != NULL) {
            html_lit(&r->out, " — ");
            html_escape(&r->out, e->comment);
        }
    }
    if (shown == 0) {
        html_lit(&r->out, T_MON_NO_ENTRIES);
    }
}

/* The parts of the entry form that every row repeats, rendered once per
 * request by html_printf (so escaped there). */
struct form_parts {
    const char *head;    /* <form>, the CSRF token, the plan */
    const char *periods; /* the options of the period list */
};

static void
form_parts_make(struct req *r, int64_t plan_id, int year, struct form_parts *f)
{
    struct buf keep = r->out, b;
    int q;

    buf_init(&r->out);
    form_begin(r, "/monitoring/wpisy", NULL);
    html_printf(&r->out, "<input type=\"hidden\" name=\"plan\" value=\"%ld\">",
                (long)plan_id);
    f->head = arena_strdup(&r->arena, r->out.data);
    buf_free(&r->out);
    r->out = keep;
    buf_init(&b);
    html_printf(&b, "<option value=\"%d\">%s %d</option>", year, T_MON_YEAR,
                year);
    for (q = 1; q <= 4; q++) {
        html_printf(&b, "<option value=\"%d-Q%d\">%d kw.</option>", year, q, q);
    }
    f->periods = arena_strdup(&r->arena, b.data);
    buf_free(&b);
}

/* The form entering a value of one item; idp names its fields. */
static void
entry_form(struct req *r, const struct form_parts *f, const char *kind, int pos,
           const char *source, bool money)
{
    struct buf idp;

    buf_init(&idp);
    buf_putc(&idp, kind[0]);
    put_num(&idp, pos);
    html_escape(&idp, source);
    /* Rendered by html_printf in form_parts_make. */
    html_raw_trusted(&r->out, f->head);
    html_lit(&r->out, "<input type=\"hidden\" name=\"kind\" value=\"");
    html_escape(&r->out, kind);
    html_lit(&r->out, "\"><input type=\"hidden\" name=\"pos\" value=\"");
    put_num(&r->out, pos);
    html_lit(&r->out, "\"><input type=\"hidden\" name=\"source\" value=\"");
    html_escape(&r->out, source);
    html_lit(&r->out, "\"><label class=\"mon-sr\" for=\"okres-");
    /* idp: a letter, digits and source escaped above. */
    html_raw_trusted(&r->out, idp.data);
    html_lit(&r->out, "\">" T_MON_PERIOD "</label><select id=\"okres-");
    /* idp, as above. */
    html_raw_trusted(&r->out, idp.data);
    html_lit(&r->out, "\" name=\"period\">");
    /* Rendered by html_printf in form_parts_make. */
    html_raw_trusted(&r->out, f->periods);
    html_lit(&r->out, "</select> <label class=\"mon-sr\" for=\"wart-");
    /* idp, as above. */
    html_raw_trusted(&r->out, idp.data);
    if (money) {
        html_lit(&r->out, "\">" T_MON_VALUE_MONEY);
    } else {
        html_lit(&r->out, "\">" T_MON_VALUE);
    }
    html_lit(&r->out, "</label><input id=\"wart-");
    /* idp, as above. */
    html_raw_trusted(&r->out, idp.data);
    if (money) {
        html_lit(&r->out, "\" name=\"value\" size=\"10\" required "
                          "inputmode=\"decimal\"> <label class=\"mon-sr\" "
                          "for=\"uw-");
    } else {
        html_lit(&r->out, "\" name=\"value\" size=\"10\" required "
                          "inputmode=\"numeric\"> <label class=\"mon-sr\" "
                          "for=\"uw-");
    }
    /* idp, as above. */
    html_raw_trusted(&r->out, idp.data);
    html_lit(&r->out, "\">" T_MON_NOTE "</label><input id=\"uw-");
    /* idp, as above. */
    html_raw_trusted(&r->out, idp.data);
    html_lit(&r->out, "\" name=\"note\" size=\"14\" placeholder=\"" T_MON_NOTE
                      "\"> <button type=\"submit\">" T_MON_SAVE "</button>");
    form_end(r);
    buf_free(&idp);
}

/* The form that binds an indicator of tasks t0..t1 - 1 to a computed
 * metric (approvers). */
static void
bind_form(struct req *r, const struct plan *p, const struct real_view *v,
          int64_t id, int t0, int t1)
{
    int i, k, t;

    html_printf(&r->out, "<h2 id=\"wyliczane\">%s</h2>\n<p>%s</p>\n",
                T_MON_BIND_TITLE, T_MON_BIND_LEAD);
    form_begin(r,
               arena_printf(&r->arena,
                            "/monitoring/plany/%ld/"
                            "powiazania",
                            (long)id),
               NULL);
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-pos\">%s</label>"
                "<select id=\"f-pos\" name=\"pos\">",
                T_MON_COL_INDICATOR);
    for (i = 0; i < p->nindicators; i++) {
        t = p->indicators[i].task;
        /* A page lists its own tasks' indicators; a plan of one page, all
         * of them (those of no task too). */
        if (v->npages > 1 && (t < t0 || t >= t1)) {
            continue;
        }
        html_printf(&r->out, "<option value=\"%d\">%s — %.80s</option>", i,
                    t >= 0 ? p->tasks[t].number : "", p->indicators[i].name);
    }
    html_printf(&r->out,
                "</select></p>\n<p class=\"field\"><label "
                "for=\"f-metric\">%s</label><select id=\"f-metric\" "
                "name=\"metric\"><option value=\"\">%s</option>",
                T_MON_METRIC, T_MON_UNBIND);
    for (i = 0; i < mon_metrics_count; i++) {
        html_printf(&r->out, "<option value=\"%s\">%s</option>",
                    mon_metrics[i].code, mon_metrics[i].label);
    }
    html_printf(&r->out,
                "</select></p>\n<p class=\"field\"><label "
                "for=\"f-filter\">%s</label><select id=\"f-filter\" "
                "name=\"filter\"><option value=\"\">%s</option>",
                T_MON_FILTER, T_MON_FILTER_NONE);
    for (i = 0; i < mon_metrics_count; i++) {
        for (k = 0; mon_metrics[i].filters != NULL &&
                    mon_metrics[i].filters[k] != NULL;
             k++) {
            html_printf(&r->out, "<option value=\"%s\">%s: %s</option>",
                        mon_metrics[i].filters[k], mon_metrics[i].label,
                        mon_metrics[i].filter_labels[k]);
        }
    }
    html_lit(&r->out, "</select></p>\n");
    form_input(r, "task", T_MON_BIND_TASK, "text", NULL, "size=\"8\"");
    html_lit(&r->out,
             "<p><button type=\"submit\">" T_MON_SAVE "</button></p>\n");
    form_end(r);
}

/* What one request of the realisation page works with. */
struct real_page {
    int64_t id;
    const struct plan *p;
    const struct real_view *v;
    int page, t0, t1;         /* page (0-based) and its tasks t0..t1 - 1 */
    bool *mine;               /* per task: act may enter its values */
    struct item_runs ind, ln; /* the page's entries by item */
    const struct mon_binding **bound; /* per indicator of the page */
    struct mon_narrative *ns;
    int nn;
    struct form_parts form;
};

/* An indicator's row: its name, target, entries and form. */
static void
indicator_row(struct req *r, const struct real_page *g, int i, bool may)
{
    const struct plan_indicator *in = &g->p->indicators[i];
    const struct mon_binding *bound = i >= g->ind.lo && i < g->ind.lo + g->ind.n
                                          ? g->bound[i - g->ind.lo]
                                          : NULL;

    html_lit(&r->out, "<tr id=\"w-i");
    put_num(&r->out, i);
    if (in->parent >= 0) {
        html_lit(&r->out, "\"><th scope=\"row\" class=\"breakdown\">w tym: ");
    } else {
        html_lit(&r->out, "\"><th scope=\"row\">");
    }
    html_escape(&r->out, in->name);
    html_lit(&r->out, "</th><td class=\"num\">");
    if (in->target_year.kind == PLAN_NUM_VALUE) {
        put_value(r, false, in->target_year.v);
    } else {
        html_lit(&r->out, "–");
    }
    html_lit(&r->out, "</td><td>");
    if (bound != NULL) {
        const struct mon_metric *mt = mon_metric_find(bound->metric);

        html_printf(&r->out, "%s: %s %s", T_MON_COMPUTED,
                    mt ? mt->label : bound->metric,
                    mt ? mon_metric_filter_label(mt, bound->filter) : "");
    } else {
        item_entries(r, &g->ind, i, "", false);
    }
    html_lit(&r->out, "</td>");
    if (may) {
        html_lit(&r->out, "<td>");
        if (bound == NULL) {
            entry_form(r, &g->form, "indicator", i, "", false);
        }
        html_lit(&r->out, "</td>");
    }
    html_lit(&r->out, "</tr>\n");
}

/* The rows of budget line l: one per funding source with a planned
 * amount. */
static void
line_rows(struct req *r, const struct real_page *g, int l, bool may)
{
    const struct plan *p = g->p;
    int k;

    for (k = 0; k < p->lines[l].namounts; k++) {
        const struct plan_amount *am = &p->lines[l].amounts[k];
        const struct plan_source *src = &p->sources[am->source];

        if (am->amount.kind != PLAN_NUM_VALUE || am->amount.v == 0) {
            continue;
        }
        html_lit(&r->out, "<tr id=\"w-l");
        put_num(&r->out, l);
        html_lit(&r->out, "-");
        html_escape(&r->out, src->code);
        html_lit(&r->out, "\"><th scope=\"row\">" T_MON_SPENT " — ");
        html_escape(&r->out, src->name);
        html_lit(&r->out, "</th><td class=\"num\">");
        put_value(r, true, am->amount.v);
        html_lit(&r->out, "</td><td>");
        item_entries(r, &g->ln, l, src->code, true);
        html_lit(&r->out, "</td>");
        if (may) {
            html_lit(&r->out, "<td>");
            entry_form(r, &g->form, "line", l, src->code, true);
            html_lit(&r->out, "</td>");
        }
        html_lit(&r->out, "</tr>\n");
    }
}

/* Task t's section: its items with their entries, and its narratives. */
static void
task_section(struct req *r, struct real_page *g, int t, int *nnarr)
{
    const struct plan *p = g->p;
    const struct plan_task *task = &p->tasks[t];
    bool may = g->mine[t];
    int i, l, n0 = *nnarr;

    html_printf(&r->out,
                "<section class=\"mon-task\" id=\"zadanie-%d\">"
                "<h2>%s %s</h2>\n<p>%s</p><p><strong>%s:</strong> %s"
                "%s</p>\n",
                t + 1, T_MON_TASK, task->number,
                task->description ? task->description : "",
                T_MON_COL_IMPLEMENTERS,
                task->implementers ? task->implementers : "–",
                may ? "" : " — " T_MON_NOT_YOURS);
    html_printf(&r->out,
                "<div class=\"wide\" tabindex=\"0\" role=\"region\" "
                "aria-label=\"%s %s\">",
                T_MON_TASK, task->number);
    html_printf(&r->out,
                "<table class=\"mon-entry\">\n<caption>%s %s</caption>"
                "\n<thead><tr><th scope=\"col\">%s</th>"
                "<th scope=\"col\" class=\"num\">%s</th>"
                "<th scope=\"col\">%s</th>",
                T_MON_TASK, task->number, T_MON_COL_ITEM, T_MON_COL_TARGET,
                T_MON_COL_ENTRIES);
    if (may) {
        html_lit(&r->out, "<th scope=\"col\">" T_MON_COL_NEW "</th>");
    }
    html_lit(&r->out, "</tr></thead>\n<tbody>\n");
    for (i = g->v->ind_first[t]; i >= 0; i = g->v->ind_next[i]) {
        indicator_row(r, g, i, may);
    }
    for (l = task->first_line; l >= 0 && l < task->first_line + task->nlines;
         l++) {
        line_rows(r, g, l, may);
    }
    html_lit(&r->out, "</tbody>\n</table></div>\n");
    /* The narratives come by task: this task's are the next ones. */
    while (*nnarr < g->nn && g->ns[*nnarr].task <= t) {
        (*nnarr)++;
    }
    narrative_block(r, g->id, p->year, t, g->ns + n0, *nnarr - n0, may);
    html_lit(&r->out, "</section>\n");
}

/* The links to the pages of a long plan, each named by its tasks. */
static void
real_pager(struct req *r, const struct real_page *g)
{
    int k;

    html_printf(&r->out, "<nav class=\"pager\" aria-label=\"%s\"><ul>",
                T_MON_PAGES);
    for (k = 0; k < g->v->npages; k++) {
        int last = (k + 1) * REAL_PAGE_TASKS < g->p->ntasks
                       ? (k + 1) * REAL_PAGE_TASKS - 1
                       : g->p->ntasks - 1;

        html_printf(&r->out,
                    "<li><a href=\"/monitoring/plany/%ld/realizacja?strona="
                    "%d\"",
                    (long)g->id, k + 1);
        if (k == g->page) {
            html_lit(&r->out, " aria-current=\"page\"");
        }
        html_printf(&r->out, ">%s–%s</a></li>",
                    g->p->tasks[k * REAL_PAGE_TASKS].number,
                    g->p->tasks[last].number);
    }
    html_lit(&r->out, "</ul></nav>\n");
}

/* The page's entries, bindings and narratives, read once (g->mine is
 * read before, for the key of the kept page). */
static int
real_page_load(struct req *r, struct real_page *g)
{
    const struct real_view *v = g->v;
    struct mon_binding *b;
    int nb, k, rc;

    g->t0 = g->page * REAL_PAGE_TASKS;
    g->t1 = g->t0 + REAL_PAGE_TASKS < g->p->ntasks ? g->t0 + REAL_PAGE_TASKS
                                                   : g->p->ntasks;
    if ((rc = runs_load(r, g->id, "indicator", v->ind_lo[g->page],
                        v->ind_hi[g->page], &g->ind)) != 0 ||
        (rc = runs_load(r, g->id, "line", v->line_lo[g->page],
                        v->line_hi[g->page], &g->ln)) != 0) {
        return rc;
    }
    if ((nb = mon_bindings_of_plan(r->db, &r->arena, g->id, &b)) < 0) {
        return nb;
    }
    g->bound =
        arena_alloc(&r->arena, sizeof(*g->bound) * (size_t)(g->ind.n + 1));
    for (k = 0; k < nb; k++) {
        if (b[k].pos >= g->ind.lo && b[k].pos < g->ind.lo + g->ind.n) {
            g->bound[b[k].pos - g->ind.lo] = &b[k];
        }
    }
    g->nn = mon_narratives_of_tasks(r->db, &r->arena, g->id, g->t0, g->t1 - 1,
                                    &g->ns);
    if (g->nn < 0) {
        return g->nn;
    }
    form_parts_make(r, g->id, g->p->year, &g->form);
    return 0;
}

/* FNV-1a over the tasks one may enter: the kept page's variant. */
static uint64_t
mine_hash(const bool *mine, int n)
{
    uint64_t h = 14695981039346656037ull;
    int t;

    for (t = 0; t < n; t++) {
        h = (h ^ (uint64_t)mine[t]) * 1099511628211ull;
    }
    return h;
}

/*
** Yearly plan :id from the plan cache with its real_view, for a reader
** of its region: 0 with *c, *handle (to release) and *version, or the reply
** recorded (404 for no such plan, not yearly, or another region's).
*/
static int
real_plan_or_reply(struct req *r, int64_t id, struct plan_cached *c,
                   void **handle, int64_t *version)
{
    const char *region;
    bool published;
    int rc = plan_store_visibility(r->db, &r->arena, id, &published, &region,
                                   version);

    if (rc == 0 && r->user->region != NULL &&
        strcmp(r->user->region, region) != 0) {
        rc = ERR_NOTFOUND;
    }
    if (rc == 0) {
        rc = plan_cache_get(r->db, id, *version, real_view_build, c, handle);
    }
    if (rc == 0 && c->p->kind != PLAN_YEARLY) {
        plan_cache_release(*handle);
        rc = ERR_NOTFOUND;
    }
    return rc == ERR_NOTFOUND ? req_error(r, 404, NULL) : rc;
}

/* The page below the breadcrumb: title, pager, the tasks of the page with
 * their items and forms, the binding form for approvers. */
static void
real_body(struct req *r, struct real_page *g, bool approver)
{
    int t, nnarr = 0, editable = 0;

    html_printf(&r->out,
                "<h1>%s %d</h1>\n<p class=\"lead\">%s</p>\n<p>%s</p>\n",
                T_MON_ENTER_TITLE, g->p->year, g->p->title ? g->p->title : "",
                T_MON_ENTER_LEAD);
    if (g->v->npages > 1) {
        real_pager(r, g);
    }
    for (t = g->t0; t < g->t1; t++) {
        editable += g->mine[t];
        task_section(r, g, t, &nnarr);
    }
    if (g->v->npages > 1) {
        real_pager(r, g);
    }
    for (t = 0; t < g->p->ntasks && editable == 0; t++) {
        editable += g->mine[t];
    }
    if (editable == 0) {
        html_lit(&r->out, "<p class=\"notice\">" T_MON_NOTHING_YOURS "</p>\n");
    }
    if (approver) {
        bind_form(r, g->p, g->v, g->id, g->t0, g->t1);
    }
}

/*
** Render the body of page g->page for key into r->out, and keep it: the
** page's data read, the forms written with PAGE_CACHE_TOKEN for the
** token, which is then put in. 0 or an error.
*/
static int
real_render(struct req *r, struct real_page *g, const struct page_key *key,
            bool approver)
{
    const char *token = r->csrf;
    struct buf page = r->out;
    int rc;

    buf_init(&r->out);
    r->csrf = PAGE_CACHE_TOKEN;
    if ((rc = real_page_load(r, g)) == 0) {
        real_body(r, g, approver);
    }
    r->csrf = token;
    if (rc == 0) {
        page_cache_put(key, r->out.data, r->out.len);
        page_cache_splice(&page, r->out.data, r->out.len, token);
    }
    buf_free(&r->out);
    r->out = page;
    return rc;
}

/*
** ROUTE: GET /monitoring/plany/:id/realizacja
** CAP: CAP_REALISATION_ENTER
** PARAMS: id=plan number (path), strona=page of a long plan (1-based),
**         zadanie=a task's position (1-based): the page that shows it
*/
int
page_mon_realisation(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    bool approver = auth_role_has(r->user->role, CAP_REALISATION_APPROVE);
    struct real_page g;
    struct page_key key;
    struct plan_cached c;
    void *handle;
    long page = 1, task = 0;
    int rc;

    memset(&g, 0, sizeof(g));
    memset(&key, 0, sizeof(key));
    if ((rc = req_param_num(r, 0, 1, &g.id)) != 0 ||
        (req_arg(r, "strona") != NULL &&
         req_int_or_reply(r, "strona", 1, 1000000, &page)) ||
        (req_arg(r, "zadanie") != NULL &&
         req_int_or_reply(r, "zadanie", 1, 1000000, &task))) {
        return rc != 0 ? rc : ERR_INPUT;
    }
    if ((rc = real_plan_or_reply(r, g.id, &c, &handle, &key.plan_version)) !=
        0) {
        return rc;
    }
    g.p = c.p;
    g.v = c.extra;
    g.page = (int)(task > 0 ? (task - 1) / REAL_PAGE_TASKS : page - 1);
    if (g.page >= g.v->npages) {
        g.page = g.v->npages - 1;
    }
    /* Kept rendered per version of the plan and of its realisation, and
     * per what the reader may do: the tasks it may enter (an implementer's
     * own, read now: its units may have changed) and, for every task,
     * whether it sees the binding form (approver). */
    key.plan = g.id;
    key.page = g.page;
    if ((rc = mon_tasks_mine(r->db, &r->arena, &act, g.id, c.meta->region, g.p,
                             &g.mine)) != 0) {
        plan_cache_release(handle);
        return rc;
    }
    key.variant = act.role == ROLE_IMPLEMENTER && act.account != 0
                      ? 2 + (int64_t)(mine_hash(g.mine, g.p->ntasks) >> 2)
                      : approver;
    if ((rc = mon_state(r->db, g.id, &key.state)) != 0) {
        plan_cache_release(handle);
        return rc;
    }
    req_csrf(r);
    layout_begin(r, T_MON_ENTER_TITLE);
    crumbs(r, T_MON_ENTER_TITLE, g.id);
    if (!page_cache_emit(&key, &r->out, r->csrf) &&
        (rc = real_render(r, &g, &key, approver)) != 0) {
        plan_cache_release(handle);
        return rc;
    }
    layout_end(r);
    plan_cache_release(handle);
    return 0;
}

static int
message_page(struct req *r, int status, const char *msg, int64_t plan_id)
{
    r->status = status;
    layout_begin(r, T_MON_ENTER_TITLE);
    crumbs(r, T_ERR_TITLE, plan_id);
    html_printf(&r->out, "<h1>%s</h1>\n", T_ERR_TITLE);
    form_errors(r, &msg, 1);
    if (plan_id > 0) {
        html_printf(&r->out,
                    "<p><a href=\"/monitoring/plany/%ld/realizacja\">%s"
                    "</a></p>\n",
                    (long)plan_id, T_MON_BACK);
    }
    layout_end(r);
    return 0;
}

/* "1 234,56" or "1234" into grosze (money) or units. */
static bool
parse_value(const char *s, bool money, int64_t *out)
{
    struct plan_num n;
    const char *unit;

    if (s == NULL || *s == '\0') {
        return false;
    }
    if (money) {
        if (plan_num_money(s, &n) != 0 || n.kind != PLAN_NUM_VALUE) {
            return false;
        }
    } else if (plan_num_count(s, &n, &unit) != 0 || n.kind != PLAN_NUM_VALUE) {
        return false;
    }
    *out = n.v;
    return true;
}

/*
** The entry again, as typed, with the message at its field: a refused
** value is corrected here, or confirmed with a reason when it is only far
** off the plan (needs_reason).
*/
static int
entry_fix_page(struct req *r, int status, const struct mon_input *in,
               const char *value, const struct mon_problem *why,
               bool needs_reason)
{
    const char *field = why->field ? why->field : "", *region;
    struct mon_entry e;
    const struct plan *p;
    void *handle;
    int rc = plan_only(r, in->plan_id, &p, &region, &handle);

    if (rc != 0) {
        return rc == ERR_NOTFOUND ? req_error(r, 404, NULL) : rc;
    }
    memset(&e, 0, sizeof(e));
    e.kind = in->kind;
    e.pos = in->pos;
    e.source = in->source ? in->source : "";
    r->status = status;
    layout_begin(r, T_MON_FIX_TITLE);
    crumbs(r, T_MON_FIX_TITLE, in->plan_id);
    html_printf(&r->out, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n",
                T_MON_FIX_TITLE, item_label(&r->arena, p, &e));
    form_errors(r, &why->message, 1);
    form_begin(r, "/monitoring/wpisy", NULL);
    html_printf(&r->out,
                "<input type=\"hidden\" name=\"plan\" value=\"%ld\">"
                "<input type=\"hidden\" name=\"kind\" value=\"%s\">"
                "<input type=\"hidden\" name=\"pos\" value=\"%d\">"
                "<input type=\"hidden\" name=\"source\" value=\"%s\">\n",
                (long)in->plan_id, in->kind, in->pos,
                in->source ? in->source : "");
    form_text_field(r, "period", T_MON_PERIOD, in->period,
                    strcmp(field, "period") == 0 ? why->message : NULL);
    form_text_field(r, "value", T_MON_COL_VALUE, value,
                    strcmp(field, "value") == 0 ? why->message : NULL);
    form_text_field(r, "note", T_MON_NOTE, in->note,
                    strcmp(field, "note") == 0 ? why->message : NULL);
    if (needs_reason) {
        form_text_field(r, "reason", T_MON_REASON, in->reason, NULL);
    }
    html_lit(&r->out,
             "<p><button type=\"submit\">" T_MON_SAVE "</button></p>\n");
    form_end(r);
    html_printf(&r->out,
                "<p><a href=\"/monitoring/plany/%ld/realizacja\">%s</a></p>\n",
                (long)in->plan_id, T_MON_ENTER_TITLE);
    layout_end(r);
    plan_cache_release(handle);
    return 0;
}

/*
** ROUTE: POST /monitoring/wpisy
** CAP: CAP_REALISATION_ENTER
** PARAMS: plan, kind=indicator|line, pos, source (line), period=YYYY or
**         YYYY-Qn, value, note, reason (a value far off the plan), csrf
**         (form); or item=kind:pos instead of kind and pos
*/
int
page_mon_entry_save(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    struct mon_input in;
    struct mon_problem why = {NULL, NULL};
    const char *plan = req_form(r, "plan"), *pos = req_form(r, "pos");
    const char *value = req_form(r, "value");
    char *end;
    int64_t id = 0;
    int rc;

    memset(&in, 0, sizeof(in));
    in.kind = req_form(r, "kind");
    in.source = req_form(r, "source");
    /* The programme and project form names its item "kind:pos". */
    if (req_form(r, "item") != NULL && strchr(req_form(r, "item"), ':')) {
        const char *item = req_form(r, "item");

        in.kind = arena_strndup(&r->arena, item, strcspn(item, ":"));
        pos = strchr(item, ':') + 1;
        in.source = "";
    }
    in.period = req_form(r, "period");
    in.note = req_form(r, "note");
    in.reason = req_form(r, "reason");
    in.plan_id = plan ? strtoll(plan, &end, 10) : 0;
    if (plan == NULL || *end != '\0' || in.plan_id <= 0 || pos == NULL ||
        in.kind == NULL || in.period == NULL ||
        (strcmp(in.kind, "line") != 0 && strcmp(in.kind, "indicator") != 0)) {
        return message_page(r, 400, T_MON_ERR_FORM, 0);
    }
    in.pos = atoi(pos);
    if (!parse_value(value, strcmp(in.kind, "line") == 0, &in.value)) {
        why.message = T_MON_ERR_VALUE;
        why.field = "value";
        return entry_fix_page(r, 400, &in, value, &why, false);
    }
    if (in.note != NULL && strlen(in.note) > 2000) {
        why.message = T_MON_ERR_NOTE;
        why.field = "note";
        return entry_fix_page(r, 400, &in, value, &why, false);
    }
    rc = mon_entry_save(r->db, &r->arena, &act, &in, &id, &why);
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, NULL);
    }
    if (rc == ERR_DENIED) {
        return message_page(r, 403, why.message, in.plan_id);
    }
    if (rc == ERR_INPUT || rc == ERR_CONFLICT) {
        return entry_fix_page(r, rc == ERR_CONFLICT ? 409 : 400, &in, value,
                              &why, rc == ERR_CONFLICT);
    }
    if (rc != 0) {
        return rc;
    }
    return req_redirect(
        r, arena_printf(&r->arena, "/monitoring/wpisy/%ld", (long)id));
}

/*
** ROUTE: GET /monitoring/wpisy/:id
** CAP: CAP_REPORT_READ
** PARAMS: id=entry number (path)
*/
int
page_mon_entry(struct req *r)
{
    struct mon_entry e;
    struct mon_event *h;
    const struct plan *p;
    const char *region;
    void *handle = NULL;
    int64_t id = 0;
    int rc, n, i;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    rc = mon_entry_get(r->db, &r->arena, id, &e);
    if (rc == 0) {
        rc = plan_only(r, e.plan_id, &p, &region, &handle);
    }
    if (rc == 0 && r->user->region != NULL &&
        strcmp(r->user->region, region) != 0) {
        plan_cache_release(handle);
        rc = ERR_NOTFOUND;
    }
    if (rc != 0) {
        return rc == ERR_NOTFOUND ? req_error(r, 404, NULL) : rc;
    }
    if ((n = mon_entry_history(r->db, &r->arena, id, &h)) < 0) {
        plan_cache_release(handle);
        return n;
    }
    layout_begin(r, T_MON_ENTRY_TITLE);
    crumbs(r, T_MON_ENTRY_TITLE, e.plan_id);
    html_printf(&r->out,
                "<h1>%s</h1>\n<dl class=\"meta\"><dt>%s</dt><dd>%s</dd>"
                "<dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd>"
                "<dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s, %s</dd>",
                T_MON_ENTRY_TITLE, T_MON_COL_ITEM, item_label(&r->arena, p, &e),
                T_MON_PERIOD, period_label(&r->arena, e.period),
                T_MON_COL_VALUE, entry_value_text(&r->arena, &e),
                T_MON_COL_STATUS, status_label(e.status), T_MON_ENTERED_BY,
                e.entered_by ? e.entered_by : "–",
                warsaw_local(&r->arena, e.entered_at));
    if (strcmp(e.status, "approved") != 0) {
        html_printf(&r->out, "<dt>%s</dt><dd>%s</dd>", T_MON_APPROVED_VALUE,
                    approved_text(&r->arena, &e));
    }
    if (e.flag != NULL) {
        html_printf(&r->out, "<dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd>",
                    T_MON_FLAG, e.flag, T_MON_REASON,
                    e.flag_reason ? e.flag_reason : "–");
    }
    if (e.note != NULL) {
        html_printf(&r->out, "<dt>%s</dt><dd>%s</dd>", T_MON_NOTE, e.note);
    }
    if (e.comment != NULL) {
        html_printf(&r->out, "<dt>%s</dt><dd>%s</dd>", T_MON_COMMENT,
                    e.comment);
    }
    html_lit(&r->out, "</dl>\n");
    if (strcmp(e.status, "entered") == 0 &&
        auth_role_has(r->user->role, CAP_REALISATION_APPROVE)) {
        form_begin(
            r,
            arena_printf(&r->arena, "/monitoring/wpisy/%ld/decyzja", (long)id),
            NULL);
        html_printf(&r->out,
                    "<p class=\"field\"><label for=\"f-comment\">%s"
                    "</label><input id=\"f-comment\" name=\"comment\">"
                    "</p><p><button type=\"submit\" name=\"decision\" "
                    "value=\"approve\">%s</button> <button type=\"submit\""
                    " name=\"decision\" value=\"return\">%s</button></p>\n",
                    T_MON_COMMENT, T_MON_APPROVE, T_MON_RETURN);
        form_end(r);
    }
    html_printf(&r->out, WIDE_OPEN, T_MON_HISTORY);
    html_printf(&r->out,
                "<table>\n<caption>%s</caption>\n<thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">"
                "%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s"
                "</th></tr></thead>\n<tbody>\n",
                T_MON_HISTORY, T_MON_COL_WHEN, T_MON_COL_WHO, T_MON_COL_EVENT,
                T_MON_COL_VALUE, T_MON_NOTE, T_MON_COMMENT);
    for (i = 0; i < n; i++) {
        struct mon_entry v = e;

        v.value = h[i].value;
        html_printf(&r->out,
                    "<tr><td>%s</td><td>%s</td><td>%s</td>"
                    "<td class=\"num\">%s</td><td>%s</td><td>%s</td>"
                    "</tr>\n",
                    warsaw_local(&r->arena, h[i].at),
                    h[i].account ? h[i].account : "–",
                    strcmp(h[i].event, "approve") == 0  ? T_MON_EV_APPROVE
                    : strcmp(h[i].event, "return") == 0 ? T_MON_EV_RETURN
                                                        : T_MON_EV_ENTER,
                    entry_value_text(&r->arena, &v), h[i].note ? h[i].note : "",
                    h[i].comment ? h[i].comment : "");
    }
    html_lit(&r->out, "</tbody>\n</table></div>\n");
    layout_end(r);
    plan_cache_release(handle);
    return 0;
}

/*
** ROUTE: POST /monitoring/wpisy/:id/decyzja
** CAP: CAP_REALISATION_APPROVE
** PARAMS: id=entry number (path), decision=approve|return, comment, csrf
*/
int
page_mon_entry_decide(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    const char *d = req_form(r, "decision"), *why = NULL;
    int64_t id = 0;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    if (d == NULL || (strcmp(d, "approve") != 0 && strcmp(d, "return") != 0)) {
        return message_page(r, 400, T_MON_ERR_DECISION, 0);
    }
    rc = mon_entry_decide(r->db, &r->arena, &act, id, strcmp(d, "approve") == 0,
                          req_form(r, "comment"), &why);
    return change_reply(
        r, rc, 400, why, 0,
        req_form(r, "back") != NULL && strcmp(req_form(r, "back"), "queue") == 0
            ? "/monitoring/zatwierdzanie"
            : arena_printf(&r->arena, "/monitoring/wpisy/%ld", (long)id));
}

/*
** ROUTE: GET /monitoring/zatwierdzanie
** CAP: CAP_REALISATION_APPROVE
** PARAMS: none
*/
int
page_mon_pending(struct req *r)
{
    struct mon_entry *es;
    const struct plan *p = NULL;
    const char *region;
    void *handle = NULL;
    int64_t loaded = 0;
    int n = mon_entries_pending(r->db, &r->arena, r->user->region, &es), i;
    int rc;

    if (n < 0) {
        return n;
    }
    layout_begin(r, T_MON_PENDING_TITLE);
    crumbs(r, T_MON_PENDING_TITLE, 0);
    html_printf(&r->out, "<h1>%s</h1>\n", T_MON_PENDING_TITLE);
    if (n == 0) {
        html_lit(&r->out, "<p>" T_MON_PENDING_NONE "</p>\n");
    } else {
        html_printf(&r->out,
                    "<div class=\"wide\" tabindex=\"0\" role=\"region\" "
                    "aria-labelledby=\"mon-queue-cap\"><table>\n"
                    "<caption id=\"mon-queue-cap\">%s</caption>\n<thead><tr>"
                    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                    "<th scope=\"col\" class=\"num\">%s</th>"
                    "<th scope=\"col\" class=\"num\">%s</th>"
                    "<th scope=\"col\" class=\"num\">%s</th>"
                    "<th scope=\"col\">%s</th>"
                    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                    "</tr></thead>\n<tbody>\n",
                    T_MON_PENDING_TITLE, T_MON_COL_ITEM, T_MON_PERIOD,
                    T_MON_COL_VALUE, T_MON_PLANNED, T_MON_PREVIOUS_APPROVED,
                    T_MON_NOTE, T_MON_ENTERED_BY, T_MON_COL_DECISION);
    }
    for (i = 0; i < n; i++) {
        const char *fid = arena_printf(&r->arena, "k-%ld", (long)es[i].id);

        if (es[i].plan_id != loaded) {
            if (handle != NULL) {
                plan_cache_release(handle);
                handle = NULL;
            }
            rc = plan_only(r, es[i].plan_id, &p, &region, &handle);
            if (rc != 0) {
                return rc;
            }
            loaded = es[i].plan_id;
        }
        html_printf(&r->out,
                    "<tr><td><a href=\"/monitoring/wpisy/%ld\">%s</a>"
                    "</td><td>%s</td><td class=\"num\">%s</td>"
                    "<td class=\"num\">%s</td><td class=\"num\">%s</td>"
                    "<td>%s",
                    (long)es[i].id, item_label(&r->arena, p, &es[i]),
                    period_label(&r->arena, es[i].period),
                    entry_value_text(&r->arena, &es[i]),
                    item_plan_text(&r->arena, p, &es[i]),
                    es[i].has_approved
                        ? value_text(&r->arena, es[i].kind, es[i].approved)
                        : "–",
                    es[i].note ? es[i].note : "");
        /* Far off the plan: marked in words, with the implementer's
         * reason, so the approver looks twice. */
        if (es[i].flag != NULL) {
            html_printf(&r->out,
                        "<p class=\"flag\"><strong>%s:</strong> %s %s: %s"
                        "</p>",
                        T_MON_FLAG, es[i].flag, T_MON_REASON,
                        es[i].flag_reason ? es[i].flag_reason : "–");
        }
        html_printf(&r->out, "</td><td>%s, %s</td><td>",
                    es[i].entered_by ? es[i].entered_by : "–",
                    warsaw_local(&r->arena, es[i].entered_at));
        form_begin(r,
                   arena_printf(&r->arena, "/monitoring/wpisy/%ld/decyzja",
                                (long)es[i].id),
                   NULL);
        html_printf(&r->out,
                    "<input type=\"hidden\" name=\"back\" value=\"queue\">"
                    "<label class=\"mon-sr\" for=\"%s\">%s</label>"
                    "<input id=\"%s\" name=\"comment\" size=\"16\" "
                    "placeholder=\"%s\"> <button type=\"submit\" "
                    "name=\"decision\" value=\"approve\">%s</button> "
                    "<button type=\"submit\" name=\"decision\" "
                    "value=\"return\">%s</button>",
                    fid, T_MON_COMMENT, fid, T_MON_COMMENT, T_MON_APPROVE,
                    T_MON_RETURN);
        form_end(r);
        html_lit(&r->out, "</td></tr>\n");
    }
    if (n > 0) {
        html_lit(&r->out, "</tbody>\n</table></div>\n");
    }
    layout_end(r);
    if (handle != NULL) {
        plan_cache_release(handle);
    }
    return 0;
}

/*
** ROUTE: POST /monitoring/plany/:id/powiazania
** CAP: CAP_REALISATION_APPROVE
** PARAMS: id (path), pos, metric ("" unbinds), filter, task, csrf
*/
int
page_mon_bind(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    const char *pos = req_form(r, "pos"), *why = NULL, *region;
    int64_t version = 0;
    bool published;
    int64_t id = 0;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    if (pos == NULL || req_form(r, "metric") == NULL) {
        return message_page(r, 400, T_MON_ERR_FORM, 0);
    }
    /* An unknown plan is ERR_NOTFOUND, which the router answers with 404. */
    if ((rc = plan_store_visibility(r->db, &r->arena, id, &published, &region,
                                    &version)) != 0) {
        return rc;
    }
    if (r->user->region != NULL && strcmp(r->user->region, region) != 0) {
        return message_page(r, 403, T_MON_ERR_REGION, 0);
    }
    rc = mon_binding_set(r->db, &r->arena, &act, id, atoi(pos),
                         req_form(r, "metric"), req_form(r, "filter"),
                         req_form(r, "task"), &why);
    return change_reply(r, rc, 400, why, id,
                        arena_printf(&r->arena,
                                     "/monitoring/plany/%ld/"
                                     "realizacja#wyliczane",
                                     (long)id));
}

/* The report's page; *handle holds the cached plan it reads. */
static int
report_page(struct req *r, void **handle)
{
    const char *format = req_arg(r, "format");
    struct mon_report m;
    int64_t id = 0;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    if (format != NULL && strcmp(format, "html") != 0 &&
        strcmp(format, "json") != 0 && strcmp(format, "xlsx") != 0 &&
        strcmp(format, "pdf") != 0) {
        return req_error(r, 400, T_MON_ERR_FORMAT);
    }
    if ((rc = report_or_reply(r, id, &m, handle)) != 0) {
        return rc;
    }
    if (format != NULL && strcmp(format, "json") == 0) {
        struct json j;

        req_json(r, &j);
        mon_report_json(&j, &m);
        return 0;
    }
    if (format != NULL &&
        (strcmp(format, "xlsx") == 0 || strcmp(format, "pdf") == 0)) {
        bool pdf = strcmp(format, "pdf") == 0;

        rc = pdf ? mon_report_pdf(&r->arena, &m, &r->out)
                 : mon_report_xlsx(&r->arena, &m, &r->out);
        if (rc != 0) {
            return rc;
        }
        r->content_type = pdf ? "application/pdf"
                              : "application/vnd.openxmlformats-officedocument."
                                "spreadsheetml.sheet";
        req_add_header(r, "Content-Disposition",
                       arena_printf(&r->arena,
                                    "attachment; filename=\"sprawozdanie-"
                                    "%ld-%d.%s\"",
                                    (long)id, m.year, format));
        return 0;
    }
    layout_begin(r, T_MON_REPORT_TITLE);
    crumbs(r, T_MON_REPORT_TITLE, id);
    html_printf(&r->out,
                "<p class=\"downloads\">%s: <a href=\"/monitoring/plany/"
                "%ld/raport?format=pdf\">PDF</a>, <a href=\"/monitoring/"
                "plany/%ld/raport?format=xlsx\">XLSX</a>, <a href=\"/api/"
                "monitoring/plans/%ld/report\">JSON</a></p>\n",
                T_MON_DOWNLOAD, (long)id, (long)id, (long)id);
    if ((rc = adoptions_section(r, &m)) != 0) {
        return rc;
    }
    mon_report_html(&r->out, &r->arena, &m, false);
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /monitoring/plany/:id/raport
** CAP: CAP_REPORT_READ
** PARAMS: id=plan number (path), format=html|json|xlsx|pdf (default html)
*/
int
page_mon_report(struct req *r)
{
    void *handle = NULL;
    int rc = report_page(r, &handle);

    if (handle != NULL) {
        plan_cache_release(handle);
    }
    return rc;
}

/*
** ROUTE: POST /monitoring/plany/:id/raport/przyjecie
** CAP: CAP_REALISATION_APPROVE
** PARAMS: id (path), csrf (form)
*/
int
page_mon_report_adopt(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    const char *why = NULL;
    int64_t id = 0;
    int version = 0, rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    rc = mon_report_adopt(r->db, &r->arena, &act, id, &version, &why);
    return change_reply(r, rc, 409, why, id,
                        arena_printf(&r->arena,
                                     "/monitoring/plany/%ld/raport#przyjete",
                                     (long)id));
}

/*
** ROUTE: GET /sprawozdania/:id
** CAP: CAP_PUBLIC
** PARAMS: id (path)
*/
int
page_mon_adopted_list(struct req *r)
{
    struct mon_adoption *ad;
    const struct plan *p;
    const char *region, *title;
    void *handle;
    int64_t id = 0;
    bool visible;
    int rc, n, i;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0 ||
        (rc = plan_visible(r, id, &visible))) {
        return rc;
    }
    if (!visible) {
        return req_error(r, 404, NULL);
    }
    if ((rc = plan_only(r, id, &p, &region, &handle)) != 0) {
        return rc;
    }
    title = arena_strdup(&r->arena, p->title ? p->title : "");
    plan_cache_release(handle);
    if ((n = mon_report_adoptions(r->db, &r->arena, id, &ad)) < 0) {
        return n;
    }
    layout_begin(r, T_MON_ADOPTED_LIST);
    html_printf(&r->out,
                "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n<p><a href=\"/plany/"
                "%ld\">%s</a></p>\n",
                T_MON_ADOPTED_LIST, title, (long)id, T_MON_PLAN_TEXT);
    if (n == 0) {
        html_lit(&r->out, "<p>" T_MON_ADOPTED_NONE "</p>\n");
    } else {
        html_lit(&r->out, "<ul>\n");
    }
    for (i = 0; i < n; i++) {
        html_printf(&r->out,
                    "<li>%s: <a href=\"/sprawozdania/%ld/%d\">HTML</a>, "
                    "<a href=\"/sprawozdania/%ld/%d?format=pdf\">PDF</a>, "
                    "<a href=\"/sprawozdania/%ld/%d?format=xlsx\">XLSX</a>, "
                    "<a href=\"/sprawozdania/%ld/%d?format=json\">JSON</a>"
                    "</li>\n",
                    arena_printf(&r->arena, T_MON_ADOPTED_ON,
                                 warsaw_date_words(&r->arena, ad[i].at),
                                 ad[i].version),
                    (long)id, ad[i].version, (long)id, ad[i].version, (long)id,
                    ad[i].version, (long)id, ad[i].version);
    }
    if (n > 0) {
        html_lit(&r->out, "</ul>\n");
    }
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /sprawozdania/:id/:version
** CAP: CAP_PUBLIC
** PARAMS: id, version (path), format=html|pdf|xlsx|json (default html)
*/
int
page_mon_adopted_file(struct req *r)
{
    const char *format = req_arg(r, "format");
    const void *data;
    size_t len;
    int64_t id = 0, version = 0;
    int found = 0, rc;
    bool visible;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0 ||
        (rc = req_param_num(r, 1, 1, &version)) || version > 100000) {
        return rc != 0 ? rc : req_error(r, 404, NULL);
    }
    if (format == NULL) {
        format = "html";
    }
    if (strcmp(format, "html") != 0 && strcmp(format, "json") != 0 &&
        strcmp(format, "xlsx") != 0 && strcmp(format, "pdf") != 0) {
        return req_error(r, 400, T_MON_ERR_FORMAT);
    }
    /* Public once the plan is published; before that its region's
     * readers only. */
    if ((rc = plan_visible(r, id, &visible)) != 0) {
        return rc;
    }
    if (!visible) {
        return req_error(r, 404, NULL);
    }
    if ((rc = mon_report_adopted(r->db, &r->arena, id, (int)version, format,
                                 &found, &data, &len)) != 0) {
        return rc; /* none adopted: ERR_NOTFOUND, a 404 */
    }
    buf_append(&r->out, data, len);
    r->status = 200;
    r->content_type =
        strcmp(format, "pdf") == 0    ? "application/pdf"
        : strcmp(format, "xlsx") == 0 ? "application/vnd.openxmlformats-"
                                        "officedocument.spreadsheetml.sheet"
        : strcmp(format, "json") == 0 ? "application/json; charset=utf-8"
                                      : "text/html; charset=utf-8";
    if (strcmp(format, "pdf") == 0 || strcmp(format, "xlsx") == 0) {
        req_add_header(r, "Content-Disposition",
                       arena_printf(&r->arena,
                                    "attachment; filename=\"sprawozdanie-"
                                    "%ld-wersja-%d.%s\"",
                                    (long)id, found, format));
    }
    return 0;
}

/*
** ROUTE: GET /api/monitoring/plans/:id/report
** CAP: CAP_REPORT_READ
** PARAMS: id=plan number (path)
*/
int
api_mon_report(struct req *r)
{
    struct mon_report m;
    struct json j;
    void *handle = NULL;
    int64_t id = 0;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0 ||
        (rc = report_or_reply(r, id, &m, &handle)) != 0) {
        return rc;
    }
    req_json(r, &j);
    mon_report_json(&j, &m);
    plan_cache_release(handle);
    return 0;
}
