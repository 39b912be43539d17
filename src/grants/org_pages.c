/*
** Pages of organisations: the public registration form and the e-mail
** confirmation link, the office's list of registrations with its
** decision, an organisation's page (its office, or its own people only)
** and the grantee's "my organisation"; the JSON twins. The rules are the
** store's (org_store.c); another organisation answers 404.
*/
#include <string.h>

#include "core/err.h"
#include "core/json.h"
#include "core/warsaw.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "modules_handlers.h"
#include "pages.h"
#include "grants/strings_pl.h"

static const char *
status_label(const char *status)
{
    return strcmp(status, "confirmed") == 0 ? T_GO_STATUS_CONFIRMED
           : strcmp(status, "refused") == 0 ? T_GO_STATUS_REFUSED
                                            : T_GO_STATUS_PENDING;
}

static void
register_form(struct req *r, const struct grant_org_form *f,
              const char *const *errs, int nerrs)
{
    int i;

    layout_begin(r, T_GO_REGISTER_TITLE);
    html_lit(&r->out, "<h1>" T_GO_REGISTER_TITLE
                      "</h1>\n<p class=\"lead\">" T_GO_REGISTER_LEAD "</p>\n");
    if (nerrs > 0) {
        html_lit(&r->out, "<p>" T_GO_ERR_FORM "</p>\n");
    }
    form_errors(r, errs, nerrs);
    form_begin(r, "/organizacje/rejestracja", NULL);
    form_input(r, "name", T_GO_F_NAME, "text", f->name,
               "required maxlength=\"300\"");
    form_input(r, "krs", T_GO_F_KRS, "text", f->krs,
               "required inputmode=\"numeric\" maxlength=\"10\"");
    form_input(r, "nip", T_GO_F_NIP, "text", f->nip, "inputmode=\"numeric\"");
    form_input(r, "address", T_GO_F_ADDRESS, "text", f->address,
               "required autocomplete=\"street-address\"");
    form_input(r, "gmina", T_GO_F_GMINA, "text", f->gmina, "required");
    form_input(r, "email", T_GO_F_EMAIL, "email", f->email,
               "required autocomplete=\"email\"");
    html_lit(&r->out, "<fieldset><legend>" T_GO_PERSONS
                      "</legend>\n<p>" T_GO_PRIVACY "</p>\n");
    for (i = 0; i < GRANT_PERSONS_MAX; i++) {
        form_input(r, arena_printf(&r->arena, "person%d", i + 1),
                   arena_printf(&r->arena, T_GO_F_PERSON, i + 1), "text",
                   f->person[i], NULL);
        form_input(r, arena_printf(&r->arena, "function%d", i + 1),
                   arena_printf(&r->arena, T_GO_F_FUNCTION, i + 1), "text",
                   f->function[i], NULL);
    }
    html_lit(&r->out,
             "</fieldset>\n<fieldset><legend>" T_GO_ACCOUNT "</legend>\n");
    form_input(r, "login", T_GO_F_LOGIN, "text", f->login,
               "required autocomplete=\"username\"");
    form_input(r, "password", T_GO_F_PASSWORD, "password", NULL,
               "required autocomplete=\"new-password\" minlength=\"12\"");
    html_lit(&r->out, "</fieldset>\n<p><button type=\"submit\">" T_GO_REGISTER
                      "</button></p>\n");
    form_end(r);
    layout_end(r);
}

/*
** ROUTE: GET /organizacje/rejestracja
** CAP: CAP_PUBLIC
** PARAMS: none
*/
int
page_go_register_form(struct req *r)
{
    struct grant_org_form f;

    memset(&f, 0, sizeof(f));
    register_form(r, &f, NULL, 0);
    return 0;
}

/*
** ROUTE: POST /organizacje/rejestracja, POST /api/organisations (JSON)
** CAP: CAP_PUBLIC
** PARAMS: name, krs, nip, address, gmina, email, personN, functionN,
**         login, password, csrf (form)
*/
int
page_go_register(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    struct grant_org_form f;
    const char **errs, *base;
    int64_t id;
    int rc, nerrs = 0, i;

    if ((rc = req_mail_url_or_reply(r, &base)) != 0 ||
        (rc = auth_form_limit_or_reply(r, r->path)) != 0) {
        return rc;
    }
    memset(&f, 0, sizeof(f));
    f.name = req_form(r, "name");
    f.krs = req_form(r, "krs");
    f.nip = req_form(r, "nip");
    f.address = req_form(r, "address");
    f.gmina = req_form(r, "gmina");
    f.email = req_form(r, "email");
    f.login = req_form(r, "login");
    f.password = req_form(r, "password");
    for (i = 0; i < GRANT_PERSONS_MAX; i++) {
        f.person[i] = req_form(r, arena_printf(&r->arena, "person%d", i + 1));
        f.function[i] =
            req_form(r, arena_printf(&r->arena, "function%d", i + 1));
    }
    rc = grant_org_register(r->db, &r->arena, &act, &f, base, &id, NULL, &errs,
                            &nerrs);
    if (rc == ERR_INPUT && r->is_api) {
        return grant_api_errors(r, T_GO_ERR_FORM, errs, NULL, nerrs);
    }
    if (rc == ERR_INPUT) {
        r->status = 400;
        register_form(r, &f, errs, nerrs);
        return 0;
    }
    if (rc != 0) {
        return rc;
    }
    if (r->is_api) {
        return grant_done(
            r, arena_printf(&r->arena, "/organizacje/%ld", (long)id));
    }
    layout_begin(r, T_GO_SENT_TITLE);
    html_lit(&r->out, "<h1>" T_GO_SENT_TITLE "</h1>\n<p role=\"status\">");
    html_printf(&r->out, T_GO_SENT, f.email);
    html_lit(&r->out, "</p>\n");
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /organizacje/potwierdzenie
** CAP: CAP_PUBLIC
** PARAMS: token=64 hex characters (from the e-mail)
*/
int
page_go_confirm_email(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    int64_t id = 0;
    int rc;

    rc = grant_org_confirm_email(r->db, &r->arena, &act, req_arg(r, "token"),
                                 &id);
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, T_GO_TOKEN_BAD);
    }
    if (rc != 0) {
        return rc;
    }
    layout_begin(r, T_GO_CONFIRMED_TITLE);
    html_lit(&r->out, "<h1>" T_GO_CONFIRMED_TITLE
                      "</h1>\n<p role=\"status\">" T_GO_CONFIRMED "</p>\n");
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /organizacje
** CAP: CAP_GRANT_MANAGE
** PARAMS: none
*/
int
page_go_list(struct req *r)
{
    struct grant_org *os;
    int n, i;

    n = grant_orgs_list(r->db, &r->arena, r->user->region, &os);
    if (n < 0) {
        return n;
    }
    layout_begin(r, T_GO_LIST_TITLE);
    html_lit(&r->out, "<h1>" T_GO_LIST_TITLE "</h1>\n");
    if (n == 0) {
        html_lit(&r->out, "<p>" T_GO_NONE "</p>\n");
        layout_end(r);
        return 0;
    }
    html_printf(&r->out,
                WIDE_OPEN "<table>\n<thead><tr><th scope=\"col\">%s</th>"
                          "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                          "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                T_GO_LIST_TITLE, T_GO_F_NAME, T_GO_F_KRS, T_GO_STATUS,
                T_GO_REGISTERED);
    for (i = 0; i < n; i++) {
        html_printf(&r->out,
                    "<tr><td><a href=\"/organizacje/%ld\">%s</a></td>"
                    "<td><code>%s</code></td><td>%s; %s</td><td>%s</td>"
                    "</tr>\n",
                    (long)os[i].id, os[i].name, os[i].krs,
                    status_label(os[i].status),
                    os[i].email_confirmed_at
                        ? arena_printf(
                              &r->arena, T_GO_EMAIL_CONFIRMED,
                              warsaw_local(&r->arena, os[i].email_confirmed_at))
                        : T_GO_EMAIL_NOT_CONFIRMED,
                    warsaw_local(&r->arena, os[i].created_at));
    }
    html_lit(&r->out, "</tbody>\n" WIDE_CLOSE);
    layout_end(r);
    return 0;
}

/* Organisation of path parameter 0 as the account may see it, else 404. */
static int
org_or_reply(struct req *r, struct grant_org *o)
{
    struct mon_actor act = mon_actor_of(r);
    int64_t id;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    rc = grant_org_get(r->db, &r->arena, id, o);
    if (rc == ERR_NOTFOUND || (rc == 0 && !grant_org_visible(r->db, &act, o))) {
        return req_error(r, 404, NULL);
    }
    return rc;
}

static void
org_facts(struct req *r, const struct grant_org *o)
{
    int i;

    html_printf(
        &r->out,
        /* the KRS and NIP numbers are identifiers, shown verbatim */
        "<h1>%s</h1>\n<dl class=\"meta\"><dt>%s</dt><dd><code>%s</code></dd>"
        "<dt>%s</dt><dd><code>%s</code></dd><dt>%s</dt><dd>%s</dd>"
        "<dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd>"
        "<dt>%s</dt><dd>%s; %s</dd>",
        o->name, T_GO_F_KRS, o->krs, T_GO_F_NIP, o->nip ? o->nip : "–",
        T_GO_F_ADDRESS, o->address, T_GO_F_GMINA, o->gmina, T_GO_F_EMAIL,
        o->email, T_GO_STATUS, status_label(o->status),
        o->email_confirmed_at
            ? arena_printf(&r->arena, T_GO_EMAIL_CONFIRMED,
                           warsaw_local(&r->arena, o->email_confirmed_at))
            : T_GO_EMAIL_NOT_CONFIRMED);
    if (o->decided_at != NULL) {
        html_printf(&r->out, "<dt>%s</dt><dd>%s</dd>", T_GO_DECISION,
                    arena_printf(&r->arena, T_GO_DECIDED, o->decided_by,
                                 warsaw_local(&r->arena, o->decided_at)));
    }
    if (o->reason != NULL) {
        html_printf(&r->out, "<dt>%s</dt><dd>%s</dd>", T_GO_F_REASON,
                    o->reason);
    }
    html_printf(&r->out, "<dt>%s</dt><dd><ul>", T_GO_PERSONS);
    for (i = 0; i < o->npersons; i++) {
        html_printf(&r->out, "<li>%s – %s</li>", o->persons[i].name,
                    o->persons[i].function);
    }
    html_lit(&r->out, "</ul></dd></dl>\n<h2>" T_GO_PRIVACY_TITLE
                      "</h2>\n<p>" T_GO_PRIVACY "</p>\n");
}

/*
** ROUTE: GET /organizacje/:id
** CAP: CAP_LOGIN
** PARAMS: id=organisation number (path; the office of its region or its
**         own accounts)
*/
int
page_go_show(struct req *r)
{
    struct grant_org o;
    int rc;

    if ((rc = org_or_reply(r, &o)) != 0) {
        return rc;
    }
    layout_begin(r, o.name);
    org_facts(r, &o);
    if (strcmp(o.status, "pending") == 0 &&
        auth_role_has((enum role)r->user->role, CAP_GRANT_MANAGE)) {
        html_lit(&r->out, "<h2>" T_GO_DECISION "</h2>\n");
        form_begin(
            r, arena_printf(&r->arena, "/organizacje/%ld/decyzja", (long)o.id),
            NULL);
        html_lit(&r->out, "<p><button type=\"submit\" name=\"decision\" "
                          "value=\"confirm\">" T_GO_CONFIRM "</button></p>\n");
        form_input(r, "reason", T_GO_F_REASON, "text", NULL, NULL);
        html_lit(&r->out, "<p><button type=\"submit\" name=\"decision\" "
                          "value=\"refuse\">" T_GO_REFUSE "</button></p>\n");
        form_end(r);
    }
    layout_end(r);
    return 0;
}

/*
** ROUTE: POST /organizacje/:id/decyzja,
**        POST /api/organisations/:id/decision (JSON)
** CAP: CAP_GRANT_MANAGE
** PARAMS: id (path), decision=confirm|refuse, reason, csrf (form)
*/
int
page_go_decide(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    const char *decision = req_form(r, "decision");
    const char *why = NULL;
    int64_t id;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    if (decision == NULL ||
        (strcmp(decision, "confirm") != 0 && strcmp(decision, "refuse") != 0)) {
        return req_error(r, 400, T_GO_DECISION);
    }
    rc = grant_org_decide(r->db, &r->arena, &act, id,
                          strcmp(decision, "confirm") == 0,
                          req_form(r, "reason"), &why);
    if (rc != 0) {
        return grant_reply(r, rc, why);
    }
    return grant_done(r, arena_printf(&r->arena, "/organizacje/%ld", (long)id));
}

/*
** ROUTE: GET /moja-organizacja
** CAP: CAP_GRANT_REPORT
** PARAMS: none
*/
int
page_go_mine(struct req *r)
{
    struct grant_org *os, o;
    int n, i, rc;

    n = grant_orgs_of_account(r->db, &r->arena, r->user->id, &os);
    if (n < 0) {
        return n;
    }
    layout_begin(r, T_NAV_MY_ORG);
    if (n == 0) {
        html_lit(&r->out,
                 "<h1>" T_NAV_MY_ORG "</h1>\n<p>" T_GO_MINE_NONE "</p>\n");
    }
    for (i = 0; i < n; i++) {
        if ((rc = grant_org_get(r->db, &r->arena, os[i].id, &o)) != 0) {
            return rc;
        }
        org_facts(r, &o);
        if (o.npersons > 0 && strcmp(o.status, "confirmed") == 0) {
            form_begin(r,
                       arena_printf(&r->arena,
                                    "/moja-organizacja/%ld/dane-osobowe",
                                    (long)o.id),
                       NULL);
            html_printf(&r->out,
                        "<p><input type=\"checkbox\" id=\"f-confirm%ld\" "
                        "name=\"confirm\" value=\"1\" required> <label "
                        "for=\"f-confirm%ld\">%s</label></p><p><button "
                        "type=\"submit\">%s</button></p>\n",
                        (long)o.id, (long)o.id, T_GO_ERASE_CONFIRM, T_GO_ERASE);
            form_end(r);
        }
    }
    layout_end(r);
    return 0;
}

/*
** ROUTE: POST /moja-organizacja/:id/dane-osobowe,
**        POST /api/organisations/:id/erasure (JSON)
** CAP: CAP_GRANT_REPORT
** PARAMS: id=organisation number (path; the account's own), confirm=1, csrf
*/
int
page_go_erase(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    const char *confirm = req_form(r, "confirm"), *why = NULL;
    int64_t id;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    if (confirm == NULL || strcmp(confirm, "1") != 0) {
        return req_error(r, 400, T_GO_ERASE_CONFIRM);
    }
    rc = grant_org_erase_persons(r->db, &r->arena, &act, id, &why);
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, NULL);
    }
    if (rc == ERR_CONFLICT) {
        return req_error(r, 409, why);
    }
    if (rc != 0) {
        return rc;
    }
    return grant_done(r, "/moja-organizacja");
}

/*
** ROUTE: GET /api/organisations
** CAP: CAP_GRANT_MANAGE
** PARAMS: none
*/
int
api_go_list(struct req *r)
{
    struct grant_org *os;
    struct json j;
    int n, i;

    n = grant_orgs_list(r->db, &r->arena, r->user->region, &os);
    if (n < 0) {
        return n;
    }
    req_json(r, &j);
    json_arr_begin(&j);
    for (i = 0; i < n; i++) {
        grant_org_json(&j, &os[i]);
    }
    json_arr_end(&j);
    return 0;
}

/*
** ROUTE: GET /api/organisations/:id
** CAP: CAP_LOGIN
** PARAMS: id=organisation number (path; the office of its region or its
**         own accounts)
*/
int
api_go_get(struct req *r)
{
    struct grant_org o;
    struct json j;
    int rc;

    if ((rc = org_or_reply(r, &o)) != 0) {
        return rc;
    }
    req_json(r, &j);
    grant_org_json(&j, &o);
    return 0;
}
