/*
** Pages of calls: the public list by phase and a call's page (areas,
** amounts, deadline in Warsaw time, criteria), and the office's form to
** write a draft and publish it. Validation, ownership by region and audit
** are the store's (call_store.c, call_check.c); a draft answers 404 to
** everyone but the office of its region.
*/
#include <string.h>

#include "core/err.h"
#include "core/str.h"
#include "core/strings_pl.h"
#include "core/warsaw.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "modules_handlers.h"
#include "pages.h"
#include "plan/plan_store.h"
#include "grants/strings_pl.h"

int
grant_reply(struct req *r, int rc, const char *why)
{
    switch (rc) {
    case ERR_NOTFOUND:
        return req_error(r, 404, NULL);
    case ERR_INPUT:
        return req_error(r, 400, why);
    case ERR_CONFLICT:
        return req_error(r, 409, why);
    default:
        return rc;
    }
}

int
grant_done(struct req *r, const char *location)
{
    struct json j;

    if (!r->is_api) {
        return req_redirect(r, location);
    }
    req_json(r, &j);
    json_obj_begin(&j);
    json_kstr(&j, "location", location);
    json_obj_end(&j);
    return 0;
}

int
grant_api_errors(struct req *r, const char *lead, const char *const *errs,
                 const struct grant_finding *fs, int n)
{
    struct json j;
    int i;

    req_json(r, &j);
    r->status = 400;
    json_obj_begin(&j);
    json_kstr(&j, "error", lead);
    json_key(&j, "errors");
    json_arr_begin(&j);
    for (i = 0; i < n; i++) {
        json_obj_begin(&j);
        if (fs != NULL) {
            json_kstr(&j, "field", fs[i].field);
        }
        json_kstr(&j, "message", fs != NULL ? fs[i].message : errs[i]);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    return 0;
}

int
grant_call_or_reply(struct req *r, struct grant_call *c)
{
    struct mon_actor act = mon_actor_of(r);
    int64_t id;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    rc = grant_call_get(r->db, &r->arena, id, c);
    if (rc == ERR_NOTFOUND || (rc == 0 && !grant_call_visible(&act, c))) {
        return req_error(r, 404, NULL);
    }
    return rc;
}

static bool
may_manage(struct req *r)
{
    return r->user != NULL &&
           auth_role_has((enum role)r->user->role, CAP_GRANT_MANAGE);
}

static const char *
deadline_text(struct arena *a, const char *utc)
{
    return arena_printf(a, "%s %s", warsaw_local(a, utc), T_GC_TIME_SUFFIX);
}

static const char *
percent_text(struct arena *a, int permille)
{
    return arena_printf(
        a, T_GC_PERCENT,
        permille % 10 ? arena_printf(a, "%d,%d", permille / 10, permille % 10)
                      : arena_printf(a, "%d", permille / 10));
}

static void
list_group(struct req *r, const char *caption, const struct grant_call *cs,
           int n, enum grant_phase phase, const char *now)
{
    int i, shown = 0;

    html_printf(&r->out, "<h2>%s</h2>\n", caption);
    for (i = 0; i < n; i++) {
        const struct grant_call *c = &cs[i];

        if (grant_call_phase(c, now) != phase) {
            continue;
        }
        if (shown++ == 0) {
            html_printf(&r->out,
                        WIDE_OPEN
                        "<table>\n<thead><tr><th scope=\"col\">%s</th>"
                        "<th scope=\"col\">%s</th>"
                        "<th scope=\"col\" class=\"num\">%s</th>"
                        "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                        caption, T_GC_F_TITLE, T_GC_REGION, T_GC_F_AMOUNT,
                        T_GC_F_UNTIL_DATE);
        }
        html_printf(&r->out,
                    "<tr><td><a href=\"/nabory/%ld\">%s</a><br>"
                    "<span class=\"small\">%s</span></td><td>%s</td>"
                    "<td class=\"num\">%s " T_CURRENCY
                    "</td><td>%s</td></tr>\n",
                    (long)c->id, c->title, grant_kind_label(c->kind),
                    c->region_name, str_money(&r->arena, c->amount),
                    deadline_text(&r->arena, c->offers_until));
    }
    if (shown == 0) {
        html_lit(&r->out, "<p>" T_GC_NONE "</p>\n");
    } else {
        html_lit(&r->out, "</tbody>\n" WIDE_CLOSE);
    }
}

/*
** ROUTE: GET /nabory
** CAP: CAP_PUBLIC
** PARAMS: none
*/
int
page_gc_list(struct req *r)
{
    struct grant_call *cs;
    char now[UTC_STAMP_SIZE];
    int64_t total;
    bool office = may_manage(r);
    int n;

    utc_stamp_now(now, false);
    n = grant_calls_list(r->db, &r->arena, office,
                         r->user ? r->user->region : NULL, 1000, 0, &cs,
                         &total);
    if (n < 0) {
        return n;
    }
    layout_begin(r, T_GC_LIST_TITLE);
    html_lit(&r->out,
             "<h1>" T_GC_LIST_TITLE "</h1>\n<p class=\"lead\">" T_GC_LIST_LEAD
             "</p>\n<ul class=\"actions\">"
             "<li><a href=\"/nabory.atom\">" T_GC_FEED "</a></li>");
    if (office) {
        html_lit(&r->out,
                 "<li><a href=\"/nabory/nowy\">" T_GC_NEW
                 "</a></li><li><a href=\"/organizacje\">" T_GO_LIST_TITLE
                 "</a></li>");
    } else if (r->user == NULL) {
        html_lit(&r->out,
                 "<li><a href=\"/organizacje/rejestracja\">" T_GO_REGISTER_LINK
                 "</a></li>");
    }
    html_lit(&r->out, "</ul>\n");
    if (office) {
        list_group(r, T_GC_GROUP_DRAFT, cs, n, GRANT_DRAFT, now);
    }
    list_group(r, T_GC_GROUP_OPEN, cs, n, GRANT_OPEN, now);
    list_group(r, T_GC_GROUP_EVALUATION, cs, n, GRANT_EVALUATION, now);
    list_group(r, T_GC_GROUP_RESULTS, cs, n, GRANT_RESULTS, now);
    list_group(r, T_GC_GROUP_CANCELLED, cs, n, GRANT_CANCELLED, now);
    layout_end(r);
    return 0;
}

static void
criteria_table(struct req *r, const struct grant_call *c, const char *stage,
               const char *caption)
{
    int i, total = 0;
    bool merit = strcmp(stage, "merit") == 0;

    html_printf(&r->out,
                WIDE_OPEN "<table>\n<caption>%s</caption>\n<thead><tr>"
                          "<th scope=\"col\">%s</th>",
                caption, caption, T_GC_CRITERION);
    if (merit) {
        html_lit(&r->out,
                 "<th scope=\"col\" class=\"num\">" T_GC_MAX_POINTS "</th>");
    }
    html_lit(&r->out, "</tr></thead>\n<tbody>\n");
    for (i = 0; i < c->ncriteria; i++) {
        const struct grant_criterion *k = &c->criteria[i];

        if (strcmp(k->stage, stage) != 0) {
            continue;
        }
        html_printf(&r->out, "<tr><td>%d. %s</td>", k->pos, k->name);
        if (merit) {
            html_printf(&r->out, "<td class=\"num\">%d</td>", k->max_points);
            total += k->max_points;
        }
        html_lit(&r->out, "</tr>\n");
    }
    html_lit(&r->out, "</tbody>\n");
    if (merit) {
        html_printf(&r->out,
                    "<tfoot><tr><th scope=\"row\">%s</th>"
                    "<td class=\"num\">%d</td></tr></tfoot>\n",
                    T_GC_POINTS_TOTAL, total);
    }
    html_lit(&r->out, WIDE_CLOSE);
}

/*
** ROUTE: GET /nabory/:id
** CAP: CAP_PUBLIC
** PARAMS: id=call number (path)
*/
int
page_gc_show(struct req *r)
{
    struct grant_call c;
    char now[UTC_STAMP_SIZE];
    const char *until_date, *until_time;
    enum grant_phase ph;
    int rc, i;

    if ((rc = grant_call_or_reply(r, &c)) != 0) {
        return rc;
    }
    ph = grant_call_phase(&c, utc_stamp_now(now, false));
    layout_begin_under(r, c.title, "/nabory", T_NAV_CALLS, c.title);
    html_printf(&r->out,
                "<h1>%s</h1>\n<dl class=\"meta\"><dt>%s</dt><dd>%s</dd>"
                "<dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd>"
                "<dt>%s</dt><dd>%s " T_CURRENCY "</dd>"
                "<dt>%s</dt><dd>%s " T_CURRENCY "</dd>"
                "<dt>%s</dt><dd>%s</dd>",
                c.title, T_GC_F_KIND, grant_kind_label(c.kind), T_GC_REGION,
                c.region_name, T_GC_STATUS, grant_phase_label(ph),
                T_GC_F_AMOUNT, str_money(&r->arena, c.amount), T_GC_F_MAX_GRANT,
                str_money(&r->arena, c.max_grant), T_GC_F_MIN_OWN,
                percent_text(&r->arena, c.min_own_permille));
    if (c.plan_id > 0 && c.task != NULL) {
        html_printf(&r->out,
                    "<dt>%s</dt><dd><a href=\"/plany/%ld\">%s %s</a></dd>",
                    T_GC_PLAN_TASK, (long)c.plan_id, T_GC_F_TASK, c.task);
    }
    if (c.published_at != NULL) {
        html_printf(&r->out, "<dt>%s</dt><dd>%s</dd>", T_GC_PUBLISHED_AT,
                    deadline_text(&r->arena, c.published_at));
    }
    /* the machine-readable deadline in Warsaw time too (a floating local
     * date and time): pages show no UTC stamp */
    grant_utc_to_warsaw(&r->arena, c.offers_until, &until_date, &until_time);
    html_printf(&r->out,
                "<dt>%s</dt><dd><time datetime=\"%sT%s\">%s</time></dd>"
                "<dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s – %s</dd>"
                "<dt>%s</dt><dd>%d</dd></dl>\n",
                T_GC_F_UNTIL_DATE, until_date, until_time,
                deadline_text(&r->arena, c.offers_until), T_GC_F_RESULTS_BY,
                c.results_by, T_GC_PERIOD, c.task_from, c.task_to,
                T_GC_F_CORRECTION, c.correction_days);
    html_printf(&r->out,
                "<p><a href=\"/nabory/%ld/ogloszenie.pdf\">%s</a></p>\n",
                (long)c.id, T_GC_ANNOUNCEMENT);
    if (*c.description != '\0') {
        html_printf(&r->out, "<p class=\"pre\">%s</p>\n", c.description);
    }
    html_printf(&r->out,
                WIDE_OPEN "<table>\n<caption>%s</caption>\n<thead><tr>"
                          "<th scope=\"col\">%s</th><th scope=\"col\" "
                          "class=\"num\">%s</th></tr></thead>\n<tbody>\n",
                T_GC_AREAS, T_GC_AREAS, T_GC_AREA, T_GC_BUDGET);
    for (i = 0; i < c.nareas; i++) {
        html_printf(&r->out,
                    "<tr><td>%d. %s</td><td class=\"num\">%s " T_CURRENCY
                    "</td></tr>\n",
                    c.areas[i].pos, c.areas[i].name,
                    str_money(&r->arena, c.areas[i].budget));
    }
    html_lit(&r->out, "</tbody>\n" WIDE_CLOSE);
    criteria_table(r, &c, "formal", T_GC_CRITERIA_FORMAL);
    criteria_table(r, &c, "merit", T_GC_CRITERIA_MERIT);
    if (ph == GRANT_RESULTS) {
        html_printf(&r->out, "<p><a href=\"/nabory/%ld/wyniki\">%s</a></p>\n",
                    (long)c.id, T_GE_RESULTS);
    }
    if (ph == GRANT_OPEN && r->user != NULL &&
        auth_role_has((enum role)r->user->role, CAP_GRANT_REPORT)) {
        html_printf(&r->out, "<p><a href=\"/nabory/%ld/oferta\">%s</a></p>\n",
                    (long)c.id, T_GF_NEW);
    }
    if (ph != GRANT_DRAFT && may_manage(r)) {
        html_printf(&r->out,
                    "<ul class=\"actions\"><li><a href=\"/nabory/%ld/oferty"
                    "\">%s</a></li><li><a href=\"/nabory/%ld/ocena\">%s</a>"
                    "</li></ul>\n",
                    (long)c.id, T_GF_CALL_OFFERS, (long)c.id, T_GE_TITLE);
    }
    if (ph == GRANT_DRAFT) {
        html_printf(&r->out,
                    "<ul class=\"actions\"><li><a href=\"/nabory/%ld/edycja\">"
                    "%s</a></li></ul>\n<p>%s</p>\n",
                    (long)c.id, T_GC_EDIT, T_GC_PUBLISH_HELP);
        form_begin(
            r, arena_printf(&r->arena, "/nabory/%ld/publikacja", (long)c.id),
            NULL);
        html_lit(&r->out,
                 "<p><button type=\"submit\">" T_GC_PUBLISH "</button></p>\n");
        form_end(r);
    }
    layout_end(r);
    return 0;
}

/* The form of a call from the request's fields. */
static void
form_of_request(struct req *r, struct grant_call_form *f)
{
    int i;

    memset(f, 0, sizeof(*f));
    f->kind = req_form(r, "kind");
    f->title = req_form(r, "title");
    f->description = req_form(r, "description");
    f->plan = req_form(r, "plan");
    f->task = req_form(r, "task");
    f->max_grant = req_form(r, "max_grant");
    f->min_own = req_form(r, "min_own");
    f->until_date = req_form(r, "until_date");
    f->until_time = req_form(r, "until_time");
    f->results_by = req_form(r, "results_by");
    f->correction_days = req_form(r, "correction_days");
    f->task_from = req_form(r, "task_from");
    f->task_to = req_form(r, "task_to");
    for (i = 0; i < GRANT_AREAS_MAX; i++) {
        f->area_name[i] =
            req_form(r, arena_printf(&r->arena, "area%d_name", i + 1));
        f->area_budget[i] =
            req_form(r, arena_printf(&r->arena, "area%d_budget", i + 1));
    }
    for (i = 0; i < GRANT_CRITERIA_MAX; i++) {
        f->formal[i] = req_form(r, arena_printf(&r->arena, "formal%d", i + 1));
        f->merit[i] = req_form(r, arena_printf(&r->arena, "merit%d", i + 1));
        f->merit_max[i] =
            req_form(r, arena_printf(&r->arena, "merit%d_max", i + 1));
    }
}

/* The form of a stored call, to edit it. */
static void
form_of_call(struct arena *a, const struct grant_call *c,
             struct grant_call_form *f)
{
    int i, nf = 0, nm = 0;

    memset(f, 0, sizeof(*f));
    f->kind = c->kind;
    f->title = c->title;
    f->description = c->description;
    f->plan = c->plan_id > 0 ? arena_printf(a, "%ld", (long)c->plan_id) : "";
    f->task = c->task;
    f->max_grant = str_money(a, c->max_grant);
    f->min_own = c->min_own_permille % 10
                     ? arena_printf(a, "%d,%d", c->min_own_permille / 10,
                                    c->min_own_permille % 10)
                     : arena_printf(a, "%d", c->min_own_permille / 10);
    grant_utc_to_warsaw(a, c->offers_until, &f->until_date, &f->until_time);
    f->results_by = c->results_by;
    f->correction_days = arena_printf(a, "%d", c->correction_days);
    f->task_from = c->task_from;
    f->task_to = c->task_to;
    for (i = 0; i < c->nareas && i < GRANT_AREAS_MAX; i++) {
        f->area_name[i] = c->areas[i].name;
        f->area_budget[i] = str_money(a, c->areas[i].budget);
    }
    for (i = 0; i < c->ncriteria; i++) {
        const struct grant_criterion *k = &c->criteria[i];

        if (strcmp(k->stage, "formal") == 0 && nf < GRANT_CRITERIA_MAX) {
            f->formal[nf++] = k->name;
        } else if (strcmp(k->stage, "merit") == 0 && nm < GRANT_CRITERIA_MAX) {
            f->merit[nm] = k->name;
            f->merit_max[nm++] = arena_printf(a, "%d", k->max_points);
        }
    }
}

static void
plan_select(struct req *r, const char *value)
{
    struct plan_yearly *ps;
    int n, i;

    n = plan_store_yearly_list(r->db, &r->arena, true,
                               r->user ? r->user->region : NULL, &ps);
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-plan\">%s</label>\n"
                "<select id=\"f-plan\" name=\"plan\"><option value=\"\">%s"
                "</option>\n",
                T_GC_F_PLAN, T_GC_F_PLAN_NONE);
    for (i = 0; i < n; i++) {
        const char *id = arena_printf(&r->arena, "%ld", (long)ps[i].id);

        html_printf(&r->out, "<option value=\"%s\"%s>%d – %s</option>\n", id,
                    value != NULL && strcmp(value, id) == 0 ? " selected" : "",
                    ps[i].year, ps[i].programme_title);
    }
    html_lit(&r->out, "</select></p>\n");
}

static void
kind_radio(struct req *r, const char *value)
{
    bool award = value != NULL && strcmp(value, "award") == 0;

    html_printf(&r->out,
                "<fieldset><legend>%s</legend>\n"
                "<p><input type=\"radio\" id=\"f-kind-grant\" name=\"kind\" "
                "value=\"grant\"%s><label for=\"f-kind-grant\">%s</label></p>\n"
                "<p><input type=\"radio\" id=\"f-kind-award\" name=\"kind\" "
                "value=\"award\"%s><label for=\"f-kind-award\">%s</label></p>\n"
                "</fieldset>\n",
                T_GC_F_KIND, award ? "" : " checked", T_GC_KIND_GRANT,
                award ? " checked" : "", T_GC_KIND_AWARD);
}

static void
call_form(struct req *r, const char *title, const char *action,
          const struct grant_call_form *f, const char *const *errs, int nerrs)
{
    int i;

    layout_begin_under(r, title, "/nabory", T_NAV_CALLS, title);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", title, T_GC_FORM_HELP);
    if (nerrs > 0) {
        html_lit(&r->out, "<p>" T_GC_ERR_FORM "</p>\n");
    }
    form_errors(r, errs, nerrs);
    form_begin(r, action, NULL);
    kind_radio(r, f->kind);
    form_input(r, "title", T_GC_F_TITLE, "text", f->title,
               "required maxlength=\"300\"");
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-description\">%s</label>\n"
                "<textarea id=\"f-description\" name=\"description\" "
                "rows=\"6\">%s</textarea></p>\n",
                T_GC_F_DESCRIPTION, f->description ? f->description : "");
    plan_select(r, f->plan);
    form_input(r, "task", T_GC_F_TASK, "text", f->task, NULL);
    html_lit(&r->out, "<fieldset><legend>" T_GC_AREAS "</legend>\n<p class="
                      "\"hint\">" T_GC_AREAS_HELP "</p>\n");
    for (i = 0; i < GRANT_AREAS_MAX; i++) {
        form_input(r, arena_printf(&r->arena, "area%d_name", i + 1),
                   arena_printf(&r->arena, T_GC_F_AREA_NAME, i + 1), "text",
                   f->area_name[i], NULL);
        form_input(r, arena_printf(&r->arena, "area%d_budget", i + 1),
                   arena_printf(&r->arena, T_GC_F_AREA_BUDGET, i + 1), "text",
                   f->area_budget[i], "inputmode=\"decimal\"");
    }
    html_lit(&r->out, "</fieldset>\n");
    form_input(r, "max_grant", T_GC_F_MAX_GRANT, "text", f->max_grant,
               "required inputmode=\"decimal\"");
    form_input(r, "min_own", T_GC_F_MIN_OWN, "text", f->min_own,
               "required inputmode=\"decimal\"");
    form_input(r, "until_date", T_GC_F_UNTIL_DATE, "date", f->until_date,
               "required");
    form_input(r, "until_time", T_GC_F_UNTIL_TIME, "time", f->until_time,
               "required");
    form_input(r, "results_by", T_GC_F_RESULTS_BY, "date", f->results_by,
               "required");
    form_input(r, "task_from", T_GC_F_TASK_FROM, "date", f->task_from,
               "required");
    form_input(r, "task_to", T_GC_F_TASK_TO, "date", f->task_to, "required");
    form_input(r, "correction_days", T_GC_F_CORRECTION, "text",
               f->correction_days ? f->correction_days : "7",
               "required inputmode=\"numeric\"");
    html_lit(&r->out, "<fieldset><legend>" T_GC_CRITERIA_FORMAL "</legend>\n");
    for (i = 0; i < GRANT_CRITERIA_MAX; i++) {
        form_input(r, arena_printf(&r->arena, "formal%d", i + 1),
                   arena_printf(&r->arena, T_GC_F_FORMAL, i + 1), "text",
                   f->formal[i], NULL);
    }
    html_lit(&r->out, "</fieldset>\n<fieldset><legend>" T_GC_CRITERIA_MERIT
                      "</legend>\n");
    for (i = 0; i < GRANT_CRITERIA_MAX; i++) {
        form_input(r, arena_printf(&r->arena, "merit%d", i + 1),
                   arena_printf(&r->arena, T_GC_F_MERIT, i + 1), "text",
                   f->merit[i], NULL);
        form_input(r, arena_printf(&r->arena, "merit%d_max", i + 1),
                   arena_printf(&r->arena, T_GC_F_MERIT_MAX, i + 1), "text",
                   f->merit_max[i], "inputmode=\"numeric\"");
    }
    html_lit(&r->out, "</fieldset>\n<p><button type=\"submit\">" T_GC_SAVE
                      "</button></p>\n");
    form_end(r);
    layout_end(r);
}

/*
** ROUTE: GET /nabory/nowy
** CAP: CAP_GRANT_MANAGE
** PARAMS: none
*/
int
page_gc_new(struct req *r)
{
    struct grant_call_form f;

    memset(&f, 0, sizeof(f));
    call_form(r, T_GC_NEW, "/nabory", &f, NULL, 0);
    return 0;
}

/* Save the posted form as call id (0: a new one) and answer. */
static int
save_and_reply(struct req *r, int64_t id)
{
    struct mon_actor act = mon_actor_of(r);
    struct grant_call_form f;
    const char **errs;
    int64_t out_id = 0;
    int rc, nerrs = 0;

    form_of_request(r, &f);
    rc =
        grant_call_save(r->db, &r->arena, &act, id, &f, &out_id, &errs, &nerrs);
    if (rc == ERR_INPUT && r->is_api) {
        return grant_api_errors(r, T_GC_ERR_FORM, errs, NULL, nerrs);
    }
    if (rc == ERR_INPUT) {
        r->status = 400;
        call_form(r, id ? T_GC_EDIT_TITLE : T_GC_NEW,
                  id ? arena_printf(&r->arena, "/nabory/%ld", (long)id)
                     : "/nabory",
                  &f, errs, nerrs);
        return 0;
    }
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, NULL);
    }
    if (rc == ERR_CONFLICT) {
        return req_error(r, 409, T_GC_ERR_NOT_DRAFT);
    }
    if (rc != 0) {
        return rc;
    }
    return grant_done(r, arena_printf(&r->arena, "/nabory/%ld", (long)out_id));
}

/*
** ROUTE: POST /nabory, POST /api/calls (JSON)
** CAP: CAP_GRANT_MANAGE
** PARAMS: kind, title, description, plan, task, areaN_name, areaN_budget,
**         max_grant, min_own, until_date, until_time, results_by,
**         correction_days, formalN, meritN, meritN_max, csrf (form)
*/
int
page_gc_create(struct req *r)
{
    return save_and_reply(r, 0);
}

/* A draft of the account's region for path parameter 0, else 404/409. */
static int
draft_or_reply(struct req *r, struct grant_call *c)
{
    int rc = grant_call_or_reply(r, c);

    if (rc != 0) {
        return rc;
    }
    if (strcmp(c->status, "draft") == 0) {
        return 0;
    }
    return req_error(r, 409, T_GC_ERR_NOT_DRAFT);
}

/*
** ROUTE: GET /nabory/:id/edycja
** CAP: CAP_GRANT_MANAGE
** PARAMS: id=call number (path; a draft of the account's region)
*/
int
page_gc_edit(struct req *r)
{
    struct grant_call c;
    struct grant_call_form f;
    int rc;

    if ((rc = draft_or_reply(r, &c)) != 0) {
        return rc;
    }
    form_of_call(&r->arena, &c, &f);
    call_form(r, T_GC_EDIT_TITLE,
              arena_printf(&r->arena, "/nabory/%ld", (long)c.id), &f, NULL, 0);
    return 0;
}

/*
** ROUTE: POST /nabory/:id, POST /api/calls/:id (JSON)
** CAP: CAP_GRANT_MANAGE
** PARAMS: id (path), the fields of POST /nabory (form)
*/
int
page_gc_update(struct req *r)
{
    struct grant_call c;
    int rc;

    if ((rc = draft_or_reply(r, &c)) != 0) {
        return rc;
    }
    return save_and_reply(r, c.id);
}

/*
** ROUTE: POST /nabory/:id/publikacja, POST /api/calls/:id/publish (JSON)
** CAP: CAP_GRANT_MANAGE
** PARAMS: id (path), csrf (form)
*/
int
page_gc_publish(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    const char *why = NULL;
    int64_t id;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    rc = grant_call_publish(r->db, &r->arena, &act, id, &why);
    if (rc != 0) {
        return grant_reply(r, rc, why);
    }
    return grant_done(r, arena_printf(&r->arena, "/nabory/%ld", (long)id));
}

/*
** ROUTE: GET /nabory/:id/ogloszenie.pdf
** CAP: CAP_PUBLIC
** PARAMS: id=call number (path; as GET /nabory/:id)
*/
int
page_gc_pdf(struct req *r)
{
    struct grant_call c;
    int rc;

    if ((rc = grant_call_or_reply(r, &c)) != 0) {
        return rc;
    }
    r->content_type = "application/pdf";
    return grant_call_pdf(&r->arena, &c, &r->out);
}
