/*
** Accounts of professionals on the web (issue 19): the public
** registration form, the professional's own data, and the moderators'
** page (registrations to confirm, reported posts, categories, proposed
** practices) with its decisions.
*/
#include "modules_handlers.h"

#include <string.h>

#include "core/err.h"
#include "core/str.h"
#include "core/warsaw.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "teryt/teryt.h"
#include "zone.h"
#include "zone/strings_pl.h"
#include "zone_pages.h"

static void
register_page(struct req *r, const char *error)
{
    layout_begin_under(r, T_ZONE_REG_TITLE, "/forum", T_ZONE_FORUM_TITLE,
                       T_ZONE_REG_TITLE);
    html_lit(&r->out, "<h1>" T_ZONE_REG_TITLE
                      "</h1>\n<p class=\"lead\">" T_ZONE_REG_LEAD "</p>\n");
    if (error != NULL) {
        form_errors(r, &error, 1);
    }
    form_begin(r, "/forum/rejestracja", NULL);
    form_input(r, "name", T_ZONE_NAME, "text", req_form(r, "name"),
               "required autocomplete=\"name\"");
    form_input(r, "email", T_ZONE_EMAIL, "email", req_form(r, "email"),
               "required autocomplete=\"email\"");
    form_input(r, "institution", T_ZONE_INSTITUTION, "text",
               req_form(r, "institution"), "required");
    form_input(r, "gmina", T_ZONE_GMINA, "text", req_form(r, "gmina"),
               "required");
    zone_select(r, "grp", "grp", T_ZONE_GROUP, zone_groups, req_form(r, "grp"),
                T_ZONE_CHOOSE);
    form_input(r, "login", T_ZONE_LOGIN_LABEL, "text", req_form(r, "login"),
               "required autocomplete=\"username\"");
    form_input(r, "password", T_ZONE_PASSWORD, "password", NULL,
               "required minlength=\"12\" autocomplete=\"new-password\"");
    html_lit(&r->out,
             "<p class=\"small\">" T_ZONE_REG_PURPOSE "</p>\n"
             "<p><button type=\"submit\">" T_ZONE_REG_SUBMIT "</button></p>\n");
    form_end(r);
    layout_end(r);
}

/*
** ROUTE: GET /forum/rejestracja
** CAP: CAP_PUBLIC
** PARAMS: gotowe=1 (registered), usunieto=1 (data erased)
*/
int
page_zone_register(struct req *r)
{
    if (req_arg(r, "gotowe") != NULL || req_arg(r, "usunieto") != NULL) {
        layout_begin(r, T_ZONE_REG_TITLE);
        html_printf(&r->out,
                    "<h1>%s</h1>\n<p role=\"status\" class=\"notice-ok\">%s"
                    "</p>\n",
                    T_ZONE_REG_TITLE,
                    req_arg(r, "gotowe") ? T_ZONE_REG_DONE : T_ZONE_ERASED);
        layout_end(r);
        return 0;
    }
    register_page(r, NULL);
    return 0;
}

/* The gmina typed: a TERYT code, or a name only one gmina has. */
static const char *
gmina_code(struct req *r, const char *typed, const char **why)
{
    const char *found[2];
    int n;

    if (typed == NULL || *typed == '\0') {
        *why = T_ZONE_ERR_GMINA;
        return NULL;
    }
    if (strlen(typed) == 7 && str_digits(typed, 7)) {
        return typed;
    }
    n = teryt_gmina_find(r->db, &r->arena, typed, NULL, found);
    if (n == 1) {
        return found[0];
    }
    *why = n > 1 ? T_ZONE_ERR_GMINA_MANY : T_ZONE_ERR_GMINA;
    return NULL;
}

/*
** ROUTE: POST /forum/rejestracja
** CAP: CAP_PUBLIC
** PARAMS: name, email, institution, gmina, grp, login, password, csrf (form)
*/
int
page_zone_register_post(struct req *r)
{
    struct zone_registration g = {
        .login = req_form(r, "login"),
        .password = req_form(r, "password"),
        .name = req_form(r, "name"),
        .email = req_form(r, "email"),
        .institution = req_form(r, "institution"),
        .grp = req_form(r, "grp"),
    };
    struct audit_entry who = zone_who(r);
    const char *why = NULL;
    int rc;

    if ((rc = auth_form_limit_or_reply(r, r->path)) != 0) {
        return rc;
    }
    g.gmina = gmina_code(r, req_form(r, "gmina"), &why);
    if (g.gmina == NULL) {
        rc = ERR_INPUT;
    } else {
        rc = zone_register(r->db, &r->arena, &g, &who, &why);
    }
    if (rc == ERR_INPUT || rc == ERR_CONFLICT) {
        r->status = 400;
        register_page(r, why != NULL ? why : T_ERR_BAD_REQUEST);
        return 0;
    }
    if (rc != 0) {
        return rc;
    }
    return req_redirect(r, "/forum/rejestracja?gotowe=1");
}

static const char *
state_label(const char *state)
{
    if (strcmp(state, "confirmed") == 0) {
        return T_ZONE_STATE_CONFIRMED;
    }
    if (strcmp(state, "rejected") == 0) {
        return T_ZONE_STATE_REJECTED;
    }
    return T_ZONE_STATE_PENDING;
}

static void
account_page(struct req *r, const char *notice, const char *error)
{
    struct zone_prof p;
    bool notify = false;
    int rc = zone_prof_get(r->db, &r->arena, zone_account(r), &p);

    layout_begin_under(r, T_ZONE_ACCOUNT_TITLE, "/forum", T_ZONE_FORUM_TITLE,
                       T_ZONE_ACCOUNT_TITLE);
    html_lit(&r->out, "<h1>" T_ZONE_ACCOUNT_TITLE "</h1>\n");
    if (notice != NULL) {
        html_printf(&r->out, "<p role=\"status\" class=\"notice-ok\">%s</p>\n",
                    notice);
    }
    if (error != NULL) {
        form_errors(r, &error, 1);
    }
    if (rc != 0) {
        html_lit(&r->out, "<p>" T_ZONE_ACCOUNT_NONE "</p>\n");
        layout_end(r);
        return;
    }
    zone_prof_notify(r->db, zone_account(r), &notify);
    html_printf(&r->out,
                "<dl>\n<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n"
                "<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n"
                "<dt>%s</dt><dd>%s (%s)</dd>\n<dt>%s</dt><dd>%s</dd>\n"
                "<dt>%s</dt><dd>%s</dd>\n</dl>\n",
                T_ZONE_LOGIN_LABEL, p.login, T_ZONE_NAME, p.name, T_ZONE_EMAIL,
                p.email, T_ZONE_INSTITUTION, p.institution, T_ZONE_GMINA,
                p.gmina_name, p.gmina, T_ZONE_GROUP,
                zone_group_label(p.grp) ? zone_group_label(p.grp) : p.grp,
                T_ZONE_STATE, state_label(p.state));
    html_lit(&r->out, "<p class=\"small\">" T_ZONE_REG_PURPOSE "</p>\n");
    html_lit(&r->out,
             "<h2 id=\"powiadomienia\">" T_ZONE_NOTIFY_TITLE "</h2>\n");
    form_begin(r, "/forum/konto", NULL);
    html_printf(&r->out,
                "<p class=\"field\"><input type=\"checkbox\" id=\"f-notify\" "
                "name=\"notify\" value=\"1\"%s> <label for=\"f-notify\">%s"
                "</label></p>\n<p><button type=\"submit\">%s</button></p>\n",
                notify ? " checked" : "", T_ZONE_NOTIFY_LABEL, T_ZONE_SAVE);
    form_end(r);
    html_lit(&r->out, "<h2 id=\"usun\">" T_ZONE_ERASE_TITLE
                      "</h2>\n<p>" T_ZONE_ERASE_LEAD "</p>\n");
    form_begin(r, "/forum/konto/usun", NULL);
    html_lit(&r->out,
             "<p class=\"field\"><input type=\"checkbox\" id=\"f-erase\" "
             "name=\"confirm\" value=\"1\" required> <label "
             "for=\"f-erase\">" T_ZONE_ERASE_CONFIRM
             "</label></p>\n<p><button type=\"submit\">" T_ZONE_ERASE_BUTTON
             "</button></p>\n");
    form_end(r);
    layout_end(r);
}

/*
** ROUTE: GET /forum/konto
** CAP: CAP_LOGIN
** PARAMS: zapisano=1 (after a change)
*/
int
page_zone_account(struct req *r)
{
    account_page(r, req_arg(r, "zapisano") ? T_ZONE_SAVED : NULL, NULL);
    return 0;
}

/*
** ROUTE: POST /forum/konto
** CAP: CAP_LOGIN
** PARAMS: notify=1 (e-mail about replies), csrf (form)
*/
int
page_zone_account_save(struct req *r)
{
    struct audit_entry who = zone_who(r);
    int rc = zone_notify_set(r->db, &r->arena, zone_account(r),
                             req_form(r, "notify") != NULL, &who);

    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, T_ZONE_ACCOUNT_NONE);
    }
    if (rc != 0) {
        return rc;
    }
    return req_redirect(r, "/forum/konto?zapisano=1");
}

/*
** ROUTE: POST /forum/konto/usun
** CAP: CAP_LOGIN
** PARAMS: confirm=1, csrf (form)
*/
int
page_zone_account_erase(struct req *r)
{
    struct audit_entry who = zone_who(r);
    int rc;

    if (req_form(r, "confirm") == NULL) {
        r->status = 400;
        account_page(r, NULL, T_ZONE_ERR_ERASE_CONFIRM);
        return 0;
    }
    rc = zone_prof_erase(r->db, &r->arena, zone_account(r), r->user->login,
                         &who);
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, T_ZONE_ACCOUNT_NONE);
    }
    if (rc != 0) {
        return rc;
    }
    /* The account is disabled and its sessions ended: a public page. */
    return req_redirect(r, "/forum/rejestracja?usunieto=1");
}

static void
pending_section(struct req *r)
{
    struct zone_prof *p;
    int n = zone_prof_pending(r->db, &r->arena, zone_scope(r), &p), i;

    html_lit(&r->out, "<h2 id=\"rejestracje\">" T_ZONE_PENDING "</h2>\n");
    if (n <= 0) {
        html_lit(&r->out, "<p>" T_ZONE_PENDING_NONE "</p>\n");
        return;
    }
    html_printf(&r->out, WIDE_OPEN, T_ZONE_PENDING);
    html_printf(&r->out,
                "<table>\n<thead><tr><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                T_ZONE_NAME, T_ZONE_EMAIL, T_ZONE_INSTITUTION, T_ZONE_GMINA,
                T_ZONE_GROUP, T_ZONE_ACTIONS_COL);
    for (i = 0; i < n; i++) {
        const char *action =
            arena_printf(&r->arena, "/forum/moderacja/konto/%lld",
                         (long long)p[i].account_id);

        html_printf(&r->out,
                    "<tr><td>%s (%s)</td><td>%s</td><td>%s</td>"
                    "<td>%s</td><td>%s</td><td>",
                    p[i].name, p[i].login, p[i].email, p[i].institution,
                    p[i].gmina_name,
                    zone_group_label(p[i].grp) ? zone_group_label(p[i].grp)
                                               : p[i].grp);
        form_begin(r, action, NULL);
        html_printf(&r->out,
                    "<button type=\"submit\" name=\"decyzja\" "
                    "value=\"tak\" aria-label=\"%s %s\">%s</button> "
                    "<button type=\"submit\" name=\"decyzja\" value=\"nie\" "
                    "aria-label=\"%s %s\">%s</button>",
                    T_ZONE_CONFIRM, p[i].login, T_ZONE_CONFIRM, T_ZONE_REJECT,
                    p[i].login, T_ZONE_REJECT);
        form_end(r);
        html_lit(&r->out, "</td></tr>\n");
    }
    html_lit(&r->out, "</tbody>\n" WIDE_CLOSE);
}

static void
reports_section(struct req *r)
{
    struct zone_report *rp;
    int n = zone_reports_open(r->db, &r->arena, zone_scope(r), &rp), i;

    html_lit(&r->out, "<h2 id=\"zgloszenia\">" T_ZONE_REPORTS "</h2>\n");
    if (n <= 0) {
        html_lit(&r->out, "<p>" T_ZONE_REPORTS_NONE "</p>\n");
        return;
    }
    html_lit(&r->out, "<ul class=\"reports\">\n");
    for (i = 0; i < n; i++) {
        html_printf(&r->out,
                    "<li><a href=\"/forum/watek/%lld#wpis-%lld\">%s</a>: "
                    "%s</li>\n",
                    (long long)rp[i].thread_id, (long long)rp[i].post_id,
                    rp[i].thread,
                    arena_printf(&r->arena, T_ZONE_REPORT_LINE, rp[i].excerpt,
                                 rp[i].reporter, rp[i].reason));
    }
    html_lit(&r->out, "</ul>\n");
}

static void
practices_section(struct req *r)
{
    struct zone_practice_filter f = {.state = "proposed",
                                     .region = zone_scope(r)};
    struct zone_practice *p;
    int n = zone_practices(r->db, &r->arena, &f, &p), i;

    html_lit(&r->out, "<h2 id=\"praktyki\">" T_ZONE_PROPOSED "</h2>\n");
    if (n <= 0) {
        html_lit(&r->out, "<p>" T_ZONE_PROPOSED_NONE "</p>\n");
        return;
    }
    html_lit(&r->out, "<ul>\n");
    for (i = 0; i < n; i++) {
        html_printf(&r->out,
                    "<li><a href=\"/dobre-praktyki/%lld\">%s</a> (%s)</li>\n",
                    (long long)p[i].id, p[i].title, p[i].gmina_name);
    }
    html_lit(&r->out, "</ul>\n");
}

static void
moderation_page(struct req *r, const char *error, const char *notice)
{
    layout_begin_under(r, T_ZONE_MODERATION, "/forum", T_ZONE_FORUM_TITLE,
                       T_ZONE_MODERATION);
    html_lit(&r->out, "<h1>" T_ZONE_MODERATION "</h1>\n");
    if (notice != NULL) {
        html_printf(&r->out, "<p role=\"status\" class=\"notice-ok\">%s</p>\n",
                    notice);
    }
    if (error != NULL) {
        form_errors(r, &error, 1);
    }
    pending_section(r);
    reports_section(r);
    practices_section(r);
    html_lit(&r->out, "<h2 id=\"kategoria\">" T_ZONE_NEW_CATEGORY "</h2>\n");
    form_begin(r, "/forum/moderacja/kategoria", NULL);
    form_input(r, "name", T_ZONE_CATEGORY_NAME, "text", NULL, "required");
    form_input(r, "description", T_ZONE_DESCRIPTION, "text", NULL, NULL);
    if (zone_scope(r) == NULL) {
        form_input(r, "region", T_ZONE_REGION, "text", NULL,
                   "required pattern=\"[0-9]{2}\" inputmode=\"numeric\"");
    }
    html_lit(&r->out, "<p><button type=\"submit\">" T_ZONE_ADD_CATEGORY
                      "</button></p>\n");
    form_end(r);
    layout_end(r);
}

/*
** ROUTE: GET /forum/moderacja
** CAP: CAP_ZONE_MODERATE
** PARAMS: zapisano=1 (after a decision)
*/
int
page_zone_moderation(struct req *r)
{
    moderation_page(r, NULL, req_arg(r, "zapisano") ? T_ZONE_DECIDED : NULL);
    return 0;
}

/* A decision that is neither confirm nor reject: the queue again, 400. */
static int
decision_refused(struct req *r, const char *why)
{
    r->status = 400;
    moderation_page(r, why, NULL);
    return 0;
}

/* After a decision: back to the queue. */
static const char *
queue_path(struct req *r, int64_t id)
{
    (void)r;
    (void)id;
    return "/forum/moderacja?zapisano=1";
}

/*
** ROUTE: POST /forum/moderacja/konto/:id
** CAP: CAP_ZONE_MODERATE
** PARAMS: decyzja=tak|nie, csrf (form)
*/
int
page_zone_decide_account(struct req *r)
{
    return zone_decide(r, zone_prof_decide, decision_refused, queue_path);
}

/*
** ROUTE: POST /forum/moderacja/kategoria
** CAP: CAP_ZONE_MODERATE
** PARAMS: name, description, region (administrators), csrf (form)
*/
int
page_zone_category_add(struct req *r)
{
    const char *region =
        zone_scope(r) != NULL ? zone_scope(r) : req_form(r, "region");
    struct audit_entry who = zone_who(r);
    const char *why = NULL;
    int64_t id;
    int rc = zone_category_add(r->db, &r->arena, region, req_form(r, "name"),
                               req_form(r, "description"), &who, &id, &why);

    if (rc == ERR_INPUT || rc == ERR_CONFLICT) {
        r->status = 400;
        moderation_page(r, rc == ERR_CONFLICT ? T_ZONE_ERR_CATEGORY_TAKEN : why,
                        NULL);
        return 0;
    }
    if (rc != 0) {
        return rc;
    }
    return req_redirect(
        r, arena_printf(&r->arena, "/forum/kategoria/%lld", (long long)id));
}
