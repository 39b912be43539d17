/*
** The trainings' public pages (calendar, an event with its sign-up form,
** the participant's own link, the check of a certificate) and the JSON
** API. Every page works without script; the organiser's pages are in
** training_admin.c.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "modules_handlers.h"

#include "core/err.h"
#include "core/json.h"
#include "core/warsaw.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "surveys/strings_pl.h"
#include "surveys/surveys.h"
#include "teryt/teryt.h"
#include "training/strings_pl.h"
#include "training/training.h"
#include "training/training_quiz.h"
#include "training/training_web.h"

static void
event_row(struct req *r, const struct training *t)
{
    int64_t free_seats = t->capacity - t->confirmed;

    html_printf(&r->out,
                "<tr><td>%s</td><td><a href=\"/szkolenia/%lld\">%s</a></td>"
                "<td>%s</td><td>%s%s%s</td>",
                training_dates(r, t), (long long)t->id, t->title,
                training_label(training_kinds, training_kind_labels, t->kind),
                t->gmina_name, t->place[0] ? ", " : "", t->place);
    if (free_seats > 0) {
        html_printf(&r->out, "<td class=\"num\">%lld</td></tr>\n",
                    (long long)free_seats);
    } else {
        html_printf(&r->out, "<td>%s</td></tr>\n", T_TR_FULL);
    }
}

static void
events_table(struct req *r, const char *caption, const struct training *v,
             int n, bool past)
{
    const char *today = training_today(r);
    int i, shown = 0;

    html_printf(&r->out, "<h2>%s</h2>\n", caption);
    for (i = 0; i < n; i++) {
        if ((strcmp(v[i].date_to, today) < 0) != past) {
            continue;
        }
        if (shown++ == 0) {
            html_printf(&r->out, WIDE_OPEN, caption);
            html_printf(&r->out,
                        "<table>\n<caption>%s</caption>\n<thead><tr>"
                        "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                        "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                        "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                        caption, T_TR_DATES, T_TR_NAME, T_TR_KIND, T_TR_PLACE,
                        T_TR_FREE);
        }
        event_row(r, &v[i]);
    }
    if (shown > 0) {
        html_lit(&r->out, "</tbody>\n" WIDE_CLOSE);
    } else {
        html_printf(&r->out, "<p>%s</p>\n", T_TR_NONE);
    }
}

/* The training-needs surveys (seed 002 row 12) beside the calendar, for
 * those who plan the next trainings: each with its response rate. */
static int
needs_section(struct req *r)
{
    struct survey *v;
    int n = survey_list(r->db, &r->arena, training_region(r), "training_needs",
                        &v),
        i;

    if (n <= 0) {
        return n;
    }
    html_printf(&r->out, "<h2>%s</h2>\n<ul>\n", T_SV_NEEDS);
    for (i = 0; i < n; i++) {
        html_printf(&r->out, "<li><a href=\"/ankiety/%lld\">%s</a>: ",
                    (long long)v[i].id, v[i].title);
        html_printf(&r->out, T_TR_NEEDS_RATE, (long long)v[i].answered,
                    (long long)v[i].recipients, (long long)v[i].responses);
        html_lit(&r->out, "</li>\n");
    }
    html_lit(&r->out, "</ul>\n");
    return 0;
}

/*
** ROUTE: GET /szkolenia
** CAP: CAP_PUBLIC
** PARAMS: none
*/
int
page_training_calendar(struct req *r)
{
    struct training *v;
    int n = training_list(r->db, &r->arena, training_region(r), &v);

    if (n < 0) {
        return n;
    }
    layout_begin(r, T_TR_TITLE);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", T_TR_TITLE, T_TR_LEAD);
    events_table(r, T_TR_UPCOMING, v, n, false);
    events_table(r, T_TR_PAST, v, n, true);
    html_printf(&r->out, "<p><a href=\"/lpdi\">%s</a></p>\n", T_TR_LPDI_TITLE);
    if (auth_request_can(r, CAP_REPORT_READ) && (n = needs_section(r)) < 0) {
        return n;
    }
    if (auth_request_can(r, CAP_REGISTER_EDIT) ||
        auth_request_can(r, CAP_PARTICIPANTS)) {
        html_printf(&r->out, "<h2>%s</h2>\n<ul>\n", T_TR_MANAGE);
        if (auth_request_can(r, CAP_REGISTER_EDIT)) {
            html_printf(&r->out,
                        "<li><a href=\"/szkolenia/nowe\">%s</a></li>\n",
                        T_TR_NEW);
        }
        html_lit(&r->out, "</ul>\n");
    }
    layout_end(r);
    return 0;
}

static void
json_training(struct json *j, const struct training *t)
{
    char *save = NULL, *g;
    char groups[256];

    json_obj_begin(j);
    json_kint(j, "id", t->id);
    json_kstr(j, "region", t->region);
    json_kstr(j, "kind", t->kind);
    json_kstr(j, "title", t->title);
    json_kstr(j, "date_from", t->date_from);
    json_kstr(j, "date_to", t->date_to);
    json_kstr(j, "gmina", t->gmina);
    json_kstr(j, "gmina_name", t->gmina_name);
    json_kstr(j, "place", t->place);
    json_kint(j, "capacity", t->capacity);
    json_kint(j, "confirmed", t->confirmed);
    json_kint(j, "waiting", t->waiting);
    json_key(j, "groups");
    json_arr_begin(j);
    snprintf(groups, sizeof(groups), "%s", t->groups);
    for (g = strtok_r(groups, ",", &save); g != NULL;
         g = strtok_r(NULL, ",", &save)) {
        json_str(j, g);
    }
    json_arr_end(j);
    json_key(j, "plan_id");
    if (t->plan_id > 0) {
        json_int(j, t->plan_id);
    } else {
        json_null(j);
    }
    json_kstr(j, "task", t->task);
    json_obj_end(j);
}

/*
** ROUTE: GET /api/trainings
** CAP: CAP_PUBLIC
** PARAMS: limit, offset (paging)
*/
int
api_trainings(struct req *r)
{
    struct training *v;
    struct json j;
    long limit, offset, i;
    int n = training_list(r->db, &r->arena, training_region(r), &v), rc;

    if (n < 0) {
        return n;
    }
    if ((rc = req_page_or_reply(r, 1000, 10000, &limit, &offset)) != 0) {
        return rc;
    }
    req_json_page_begin(r, &j, n, limit, offset);
    json_obj_begin(&j);
    json_kint(&j, "total", n);
    json_key(&j, "trainings");
    json_arr_begin(&j);
    for (i = offset; i < n && i < offset + limit; i++) {
        json_training(&j, &v[i]);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    return 0;
}

/* The event of path parameter 0: 0, or the 404 recorded. */
static int
event_or_reply(struct req *r, struct training *t)
{
    int64_t id;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    rc = training_get(r->db, &r->arena, id, t);
    return rc == ERR_NOTFOUND ? req_error(r, 404, T_TR_NOT_FOUND) : rc;
}

static void
select_open(struct req *r, const char *name, const char *label)
{
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-%s\">%s</label>"
                "<select id=\"f-%s\" name=\"%s\" required>\n",
                name, label, name, name);
}

static void
option(struct req *r, const char *value, const char *label, const char *sel)
{
    html_printf(&r->out, "<option value=\"%s\"%s>%s</option>\n", value,
                sel != NULL && strcmp(sel, value) == 0 ? " selected" : "",
                label);
}

static void
signup_form(struct req *r, const struct training *t,
            const struct training_signup_in *in, const char *const *errs,
            int nerrs)
{
    struct teryt_gmina *g;
    struct training_org *orgs;
    const char *org_sel = in->dir_org > 0 ? arena_printf(&r->arena, "%lld",
                                                         (long long)in->dir_org)
                                          : "0";
    int ng = teryt_gminas(r->db, &r->arena, t->region, &g);
    int no = training_dir_orgs(r->db, &r->arena, t->region, &orgs), i;

    html_printf(&r->out, "<h2 id=\"zapis\">%s</h2>\n<p>%s</p>\n", T_TR_SIGNUP,
                T_TR_SIGNUP_LEAD);
    form_errors(r, errs, nerrs);
    form_begin(
        r, arena_printf(&r->arena, "/szkolenia/%lld/zapis", (long long)t->id),
        NULL);
    form_input(r, "imie", T_TR_F_NAME, "text", in->name,
               "required maxlength=\"200\" autocomplete=\"name\"");
    form_input(r, "email", T_TR_F_EMAIL, "email", in->email,
               "required maxlength=\"254\" autocomplete=\"email\"");
    select_open(r, "instytucja", T_TR_F_ORG);
    option(r, "0", T_TR_F_ORG_NONE, org_sel);
    for (i = 0; i < no; i++) {
        html_printf(&r->out, "<option value=\"%lld\"%s>%s (%s)</option>\n",
                    (long long)orgs[i].id,
                    in->dir_org == orgs[i].id ? " selected" : "", orgs[i].name,
                    orgs[i].city);
    }
    html_lit(&r->out, "</select></p>\n");
    form_input(r, "nazwa", T_TR_F_ORG_NAME, "text", in->org,
               "maxlength=\"300\" autocomplete=\"organization\"");
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-rodzaj\">%s</label>"
                "<select id=\"f-rodzaj\" name=\"rodzaj\">\n",
                T_TR_F_ORG_KIND);
    option(r, "", "—", in->org_kind);
    for (i = 0; training_inst_kinds[i] != NULL; i++) {
        option(r, training_inst_kinds[i], training_inst_kind_labels[i],
               in->org_kind);
    }
    html_lit(&r->out, "</select></p>\n");
    select_open(r, "gmina", T_TR_F_GMINA);
    option(r, "", "—", in->gmina);
    for (i = 0; i < ng; i++) {
        option(r, g[i].teryt,
               arena_printf(&r->arena, "%s (%s)", g[i].name,
                            teryt_rodz_name(g[i].rodz)),
               in->gmina);
    }
    html_lit(&r->out, "</select></p>\n");
    select_open(r, "grupa", T_TR_F_GROUP);
    option(r, "", "—", in->group);
    for (i = 0; training_groups[i] != NULL; i++) {
        option(r, training_groups[i], training_group_labels[i], in->group);
    }
    html_lit(&r->out, "</select></p>\n");
    html_printf(&r->out,
                "<fieldset><legend>%s</legend>\n"
                "<p class=\"note\" id=\"zgoda-info\">%s</p>\n"
                "<p class=\"field check\"><input type=\"checkbox\" "
                "id=\"f-zgoda\" name=\"zgoda\" value=\"1\" required "
                "aria-describedby=\"zgoda-info\"%s> <label for=\"f-zgoda\">"
                "%s</label></p>\n</fieldset>\n"
                "<p><button type=\"submit\">%s</button></p>\n",
                T_TR_CONSENT_LEGEND, T_TR_CONSENT_INFO,
                in->consent ? " checked" : "", T_TR_F_CONSENT, T_TR_SEND);
    form_end(r);
}

static void
event_page(struct req *r, const struct training *t,
           const struct training_signup_in *in, const char *const *errs,
           int nerrs)
{
    char groups[256], *save = NULL, *g;

    layout_begin_under(r, t->title, "/szkolenia", T_NAV_TRAININGS, t->title);
    html_printf(&r->out, "<h1>%s</h1>\n<dl class=\"facts\">\n", t->title);
    html_printf(&r->out, "<dt>%s</dt><dd>%s</dd>\n", T_TR_KIND,
                training_label(training_kinds, training_kind_labels, t->kind));
    html_printf(&r->out, "<dt>%s</dt><dd>%s</dd>\n", T_TR_DATES,
                training_dates(r, t));
    html_printf(&r->out, "<dt>%s</dt><dd>%s%s%s</dd>\n", T_TR_PLACE,
                t->gmina_name, t->place[0] ? ", " : "", t->place);
    html_printf(&r->out, "<dt>%s</dt><dd>%lld</dd>\n", T_TR_CAPACITY,
                (long long)t->capacity);
    html_printf(&r->out, "<dt>%s</dt><dd>%lld</dd>\n", T_TR_FREE,
                (long long)(t->capacity > t->confirmed
                                ? t->capacity - t->confirmed
                                : 0));
    html_printf(&r->out, "<dt>%s</dt><dd><ul>\n", T_TR_GROUPS);
    snprintf(groups, sizeof(groups), "%s", t->groups);
    for (g = strtok_r(groups, ",", &save); g != NULL;
         g = strtok_r(NULL, ",", &save)) {
        html_printf(&r->out, "<li>%s</li>\n",
                    training_label(training_groups, training_group_labels, g));
    }
    html_lit(&r->out, "</ul></dd>\n</dl>\n");
    if (t->waiting > 0) {
        html_printf(&r->out, "<p>");
        html_printf(&r->out, T_TR_WAITING_N, (int)t->waiting);
        html_lit(&r->out, "</p>\n");
    }
    if (auth_request_can(r, CAP_PARTICIPANTS)) {
        html_printf(&r->out,
                    "<p><a href=\"/szkolenia/%lld/uczestnicy\">%s</a></p>\n",
                    (long long)t->id, T_TR_PARTICIPANTS);
    }
    if (strcmp(t->date_to, training_today(r)) >= 0) {
        signup_form(r, t, in, errs, nerrs);
    }
    layout_end(r);
}

/*
** ROUTE: GET /szkolenia/:id
** CAP: CAP_PUBLIC
** PARAMS: id (path)
*/
int
page_training(struct req *r)
{
    struct training t;
    struct training_signup_in in = {0};
    int rc;

    if ((rc = event_or_reply(r, &t)) != 0) {
        return rc;
    }
    event_page(r, &t, &in, NULL, 0);
    return 0;
}

/*
** ROUTE: POST /szkolenia/:id/zapis
** CAP: CAP_PUBLIC
** PARAMS: id (path); form imie, email, instytucja, nazwa, rodzaj, gmina,
** grupa, zgoda
*/
int
page_training_signup(struct req *r)
{
    struct training t;
    struct training_signup_in in = {0};
    struct audit_entry who = auth_request_who(r);
    const char *token, *org = req_form(r, "instytucja"), *base;
    const char **errs = NULL;
    int nerrs = 0, rc;

    if ((rc = event_or_reply(r, &t)) != 0 ||
        (rc = req_mail_url_or_reply(r, &base)) != 0 ||
        (rc = auth_form_limit_or_reply(r, r->path)) != 0) {
        return rc;
    }
    in.name = req_form(r, "imie");
    in.email = req_form(r, "email");
    in.dir_org = org != NULL ? strtoll(org, NULL, 10) : 0;
    in.org = req_form(r, "nazwa");
    in.org_kind = req_form(r, "rodzaj");
    in.gmina = req_form(r, "gmina");
    in.group = req_form(r, "grupa");
    in.consent = req_form(r, "zgoda") != NULL;
    rc = training_signup(r->db, &r->arena, &who, t.id, &in, base, &token, &errs,
                         &nerrs);
    if (rc == ERR_INPUT || rc == ERR_CONFLICT) {
        r->status = rc == ERR_INPUT ? 400 : 409;
        event_page(r, &t, &in, errs, nerrs);
        return 0;
    }
    if (rc != 0) {
        return rc;
    }
    layout_begin_under(r, T_TR_SENT_TITLE, "/szkolenia", T_NAV_TRAININGS,
                       T_TR_SENT_TITLE);
    html_printf(&r->out, "<h1>%s</h1>\n<p role=\"status\">%s</p>\n",
                T_TR_SENT_TITLE, T_TR_SENT);
    layout_end(r);
    return 0;
}

static const char *
status_label(const char *s)
{
    return strcmp(s, "confirmed") == 0   ? T_TR_ST_CONFIRMED
           : strcmp(s, "waiting") == 0   ? T_TR_ST_WAITING
           : strcmp(s, "cancelled") == 0 ? T_TR_ST_CANCELLED
                                         : T_TR_ST_UNCONFIRMED;
}

static void
own_button(struct req *r, const char *token, const char *what,
           const char *label, const char *hint)
{
    form_begin(
        r, arena_printf(&r->arena, "/szkolenia/zgloszenie/%s/%s", token, what),
        NULL);
    if (hint != NULL) {
        html_printf(&r->out, "<p>%s</p>\n", hint);
    }
    html_printf(&r->out, "<p><button type=\"submit\">%s</button></p>\n", label);
    form_end(r);
}

/* The person's own page; message (Polish) above it, or NULL. */
static int
own_page(struct req *r, const char *token, const char *message)
{
    struct training_signup s;
    struct training t;
    struct training_quiz_state qs;
    int rc = training_signup_by_token(r->db, &r->arena, token, &s);

    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, T_TR_BAD_LINK);
    }
    if (rc != 0 || (rc = training_get(r->db, &r->arena, s.training_id, &t))) {
        return rc;
    }
    layout_begin_under(r, T_TR_MINE, "/szkolenia", T_NAV_TRAININGS, T_TR_MINE);
    html_printf(&r->out, "<h1>%s</h1>\n", T_TR_MINE);
    if (message != NULL) {
        html_printf(&r->out, "<p role=\"status\">%s</p>\n", message);
    }
    html_printf(&r->out,
                "<p><a href=\"/szkolenia/%lld\">%s</a>, %s</p>\n"
                "<p>%s: <strong>%s</strong></p>\n",
                (long long)t.id, t.title, training_dates(r, &t), T_TR_STATUS,
                status_label(s.status));
    html_printf(
        &r->out,
        "<h2>%s</h2>\n<dl class=\"facts\">\n"
        "<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n"
        "<dt>%s</dt><dd>%s (%s)</dd>\n<dt>%s</dt><dd>%s</dd>\n"
        "<dt>%s</dt><dd>%lld</dd>\n",
        T_TR_YOUR_DATA, T_TR_F_NAME, s.name, T_TR_F_EMAIL, s.email, T_TR_P_INST,
        s.institution,
        training_label(training_inst_kinds, training_inst_kind_labels,
                       s.inst_kind),
        T_TR_F_GROUP,
        training_label(training_groups, training_group_labels, s.pgroup),
        T_TR_ATTENDED_DAYS, (long long)s.days);
    if (s.certificate != NULL) {
        html_printf(
            &r->out,
            "<dt>%s</dt><dd><a href=\"/zaswiadczenia/%s\">%s</a></dd>\n",
            T_TR_CERT, s.certificate, s.certificate);
    }
    html_printf(&r->out, "<dt>%s</dt><dd>%s</dd>\n</dl>\n", T_TR_KEEP_UNTIL,
                s.keep_until);
    if ((rc = training_quiz_state(r->db, &r->arena, &s, &t, training_today(r),
                                  &qs)) != 0) {
        return rc;
    }
    training_quiz_own_section(r, token, &qs, &t);
    if (strcmp(s.status, "unconfirmed") == 0) {
        own_button(r, token, "potwierdz", T_TR_CONFIRM, NULL);
    }
    if (strcmp(s.status, "cancelled") != 0 &&
        strcmp(t.date_to, training_today(r)) >= 0) {
        own_button(r, token, "rezygnacja", T_TR_CANCEL,
                   strcmp(s.status, "confirmed") == 0 ? T_TR_CANCEL_HINT
                                                      : NULL);
    }
    own_button(r, token, "usun", T_TR_ERASE, T_TR_ERASE_HINT);
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /szkolenia/zgloszenie/:token
** CAP: CAP_PUBLIC
** PARAMS: token (path, the person's own link)
*/
int
page_training_own(struct req *r)
{
    return own_page(r, req_param(r, 0), NULL);
}

/*
** ROUTE: POST /szkolenia/zgloszenie/:token/potwierdz
** CAP: CAP_PUBLIC
** PARAMS: token (path)
*/
int
page_training_confirm(struct req *r)
{
    struct audit_entry who = auth_request_who(r);
    const char *token = req_param(r, 0), *base;
    int rc = req_mail_url_or_reply(r, &base);

    if (rc != 0) {
        return rc;
    }
    rc = training_confirm(r->db, &r->arena, &who, token, base);
    if (rc != 0 && rc != ERR_NOTFOUND) {
        return rc;
    }
    return own_page(r, token, NULL);
}

/*
** ROUTE: POST /szkolenia/zgloszenie/:token/rezygnacja
** CAP: CAP_PUBLIC
** PARAMS: token (path)
*/
int
page_training_cancel(struct req *r)
{
    struct audit_entry who = auth_request_who(r);
    const char *token = req_param(r, 0), *base;
    int rc = req_mail_url_or_reply(r, &base);

    if (rc != 0) {
        return rc;
    }
    rc = training_cancel(r->db, &r->arena, &who, token, base);
    if (rc != 0 && rc != ERR_NOTFOUND) {
        return rc;
    }
    return own_page(r, token, NULL);
}

/*
** ROUTE: POST /szkolenia/zgloszenie/:token/usun
** CAP: CAP_PUBLIC
** PARAMS: token (path)
*/
int
page_training_erase(struct req *r)
{
    struct audit_entry who = auth_request_who(r);
    const char *keep = NULL, *base;
    int rc = req_mail_url_or_reply(r, &base);

    if (rc != 0) {
        return rc;
    }
    rc = training_erase(r->db, &r->arena, &who, req_param(r, 0), base, &keep);
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, T_TR_BAD_LINK);
    }
    if (rc == ERR_CONFLICT) {
        r->status = 409;
        return own_page(r, req_param(r, 0),
                        arena_printf(&r->arena, T_TR_ERASE_KEPT, keep));
    }
    if (rc != 0) {
        return rc;
    }
    layout_begin_under(r, T_TR_MINE, "/szkolenia", T_NAV_TRAININGS, T_TR_MINE);
    html_printf(&r->out, "<h1>%s</h1>\n<p role=\"status\">%s</p>\n", T_TR_MINE,
                T_TR_ERASED);
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /zaswiadczenia/:number
** CAP: CAP_PUBLIC
** PARAMS: number (path, "SZK-YYYY-NNNNNN")
*/
int
page_training_cert_verify(struct req *r)
{
    struct training_cert c;
    const char *number = req_param(r, 0);
    int rc = training_cert_get(r->db, &r->arena, number, &c);

    if (rc != 0 && rc != ERR_NOTFOUND) {
        return rc;
    }
    layout_begin(r, T_TR_CERT_VERIFY);
    html_printf(&r->out, "<h1>%s</h1>\n", T_TR_CERT_VERIFY);
    if (rc == ERR_NOTFOUND) {
        r->status = 404;
        html_printf(&r->out, "<p role=\"status\">%s</p>\n", T_TR_CERT_INVALID);
    } else {
        html_printf(&r->out, "<p role=\"status\">");
        html_printf(&r->out, T_TR_CERT_VALID, c.number);
        html_printf(
            &r->out,
            "</p>\n<dl class=\"facts\">\n<dt>%s</dt><dd>%s</dd>\n"
            "<dt>%s</dt><dd>" T_TR_CERT_WHAT "</dd>\n<dt>%s</dt><dd>%s</dd>\n"
            "</dl>\n",
            T_TR_CERT_PERSON, c.person, T_TR_KIND,
            training_label(training_kinds, training_kind_labels, c.t.kind),
            c.t.title, T_TR_DATES, training_dates(r, &c.t));
    }
    layout_end(r);
    return 0;
}
