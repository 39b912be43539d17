/*
** Accounts and the audit log on the web, for administrators: the list of
** accounts with the add form and block/unblock buttons, the audit log
** with filters, its CSV export and the JSON beside each page.
*/
#include "modules_handlers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/warsaw.h"
#include "core/json.h"
#include "db/db.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "units.h"
#include "users.h"
#include "auth/strings_pl.h"
#include "users/strings_pl.h"

#define AUDIT_PAGE 200
#define AUDIT_PAGE_MAX 1000
#define AUDIT_CSV_MAX 100000

static void
users_table(struct req *r)
{
    struct users_row *u;
    int n = users_list(r->db, &r->arena, &u), i;

    html_printf(&r->out, WIDE_OPEN, T_USERS_TITLE);
    html_printf(&r->out,
                "<table>\n<caption>%s</caption>\n<thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "</tr></thead>\n<tbody>\n",
                T_USERS_TITLE, T_LOGIN_LOGIN, T_USERS_ROLE, T_USERS_REGION,
                T_USERS_UNITS, T_USERS_STATE, T_USERS_CREATED);
    for (i = 0; i < n; i++) {
        bool off = u[i].disabled;
        const char *login = u[i].login;

        html_printf(&r->out,
                    "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
                    "<td>%s ",
                    login, auth_role_label(auth_role_from_name(u[i].role)),
                    u[i].region ? u[i].region : T_USERS_ALL_REGIONS, u[i].units,
                    off ? T_USERS_DISABLED : T_USERS_ACTIVE);
        form_begin(r, "/uzytkownicy/blokada", NULL);
        html_printf(&r->out,
                    "<input type=\"hidden\" name=\"login\" value=\"%s\">"
                    "<input type=\"hidden\" name=\"disabled\" "
                    "value=\"%d\"><button type=\"submit\" "
                    "aria-label=\"%s %s\">%s</button>",
                    login, off ? 0 : 1, off ? T_USERS_ENABLE : T_USERS_DISABLE,
                    login, off ? T_USERS_ENABLE : T_USERS_DISABLE);
        form_end(r);
        html_printf(&r->out, "</td><td>%s</td></tr>\n",
                    warsaw_local(&r->arena, u[i].created_at));
    }
    html_lit(&r->out, "</tbody>\n</table></div>\n");
}

/* The units and organisations an account may belong to, chosen by id. */
static void
unit_select(struct req *r, const char *chosen)
{
    struct org_unit *units;
    int n = units_list(r->db, &r->arena, NULL, NULL, &units), i;

    html_lit(&r->out, "<p class=\"field\"><label for=\"f-unit\">" T_USERS_UNIT
                      "</label>\n<select id=\"f-unit\" name=\"unit\">\n"
                      "<option value=\"\">" T_USERS_UNIT_NONE "</option>\n");
    for (i = 0; i < n; i++) {
        const char *id = arena_printf(&r->arena, "%ld", (long)units[i].id);
        const char *label =
            arena_printf(&r->arena, T_USERS_UNIT_OPTION, units[i].region,
                         strcmp(units[i].kind, UNIT_IMPLEMENTER) == 0
                             ? auth_role_label(ROLE_IMPLEMENTER)
                             : auth_role_label(ROLE_GRANTEE),
                         units[i].name, (long)units[i].id);

        html_printf(&r->out, "<option value=\"%s\"%s>%s</option>\n", id,
                    chosen != NULL && strcmp(chosen, id) == 0 ? " selected"
                                                              : "",
                    label);
    }
    html_lit(&r->out, "</select></p>\n");
}

/*
** role_error: the message at the role field. A new account has no role
** until one is chosen (issue 15): the list starts empty and is required.
** pw_errs: the password form's messages (npw of them), its login kept.
*/
static void
users_page(struct req *r, const char *error, const char *notice,
           const char *const *pw_errs, int npw, const char *role_error)
{
    static const char *const roles[] = {"administrator", "coordinator",
                                        "implementer",   "consultant",
                                        "analyst",       "grantee"};
    const char *role = req_form(r, "role");
    size_t i;

    layout_begin(r, T_USERS_TITLE);
    html_lit(&r->out, "<h1>" T_USERS_TITLE "</h1>\n");
    if (notice != NULL) {
        html_printf(&r->out, "<p role=\"status\" class=\"notice-ok\">%s</p>\n",
                    notice);
    }
    users_table(r);
    html_lit(&r->out, "<h2 id=\"dodaj\">" T_USERS_ADD "</h2>\n");
    if (error != NULL) {
        form_errors(r, &error, 1);
    }
    form_begin(r, "/uzytkownicy", NULL);
    form_input(r, "login", T_LOGIN_LOGIN, "text",
               error ? req_form(r, "login") : NULL,
               "required autocomplete=\"off\"");
    form_input(r, "password", T_LOGIN_PASSWORD, "password", NULL,
               "required minlength=\"12\" autocomplete=\"new-password\"");
    if (role_error != NULL) {
        html_printf(&r->out,
                    "<p class=\"field\"><label for=\"f-role\">%s</label>\n"
                    "<span class=\"field-error\" id=\"f-role-error\">%s"
                    "</span>\n<select id=\"f-role\" name=\"role\" required "
                    "aria-invalid=\"true\" aria-describedby=\"f-role-error\">"
                    "\n",
                    T_USERS_ROLE, role_error);
    } else {
        html_lit(&r->out,
                 "<p class=\"field\"><label for=\"f-role\">" T_USERS_ROLE
                 "</label>\n<select id=\"f-role\" name=\"role\" "
                 "required>\n");
    }
    html_lit(&r->out, "<option value=\"\">" T_USERS_ROLE_CHOOSE "</option>\n");
    for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++) {
        bool sel = role != NULL && strcmp(role, roles[i]) == 0;

        if (sel) {
            html_printf(&r->out, "<option value=\"%s\" selected>%s</option>\n",
                        roles[i],
                        auth_role_label(auth_role_from_name(roles[i])));
        } else {
            html_printf(&r->out, "<option value=\"%s\">%s</option>\n", roles[i],
                        auth_role_label(auth_role_from_name(roles[i])));
        }
    }
    html_lit(&r->out, "</select></p>\n");
    form_input(r, "region", T_USERS_REGION, "text",
               error ? req_form(r, "region") : NULL,
               "pattern=\"[0-9]{2}\" inputmode=\"numeric\"");
    unit_select(r, error ? req_form(r, "unit") : NULL);
    html_lit(&r->out,
             "<p><button type=\"submit\">" T_USERS_ADD "</button></p>\n");
    form_end(r);
    html_lit(&r->out, "<h2 id=\"haslo\">" T_USERS_PASSWORD "</h2>\n");
    form_errors(r, pw_errs, npw);
    form_begin(r, "/uzytkownicy/haslo", NULL);
    form_input(r, "pw_login", T_LOGIN_LOGIN, "text",
               npw > 0 ? req_form(r, "pw_login") : NULL,
               "required autocomplete=\"off\"");
    form_input(r, "pw_password", T_USERS_NEW_PASSWORD, "password", NULL,
               "required minlength=\"12\" autocomplete=\"new-password\"");
    html_lit(&r->out,
             "<p><button type=\"submit\">" T_USERS_PASSWORD "</button></p>\n");
    form_end(r);
    layout_end(r);
}

static struct users_actor
actor(struct req *r)
{
    struct users_actor who = {r->user->login, r->is_api ? "api" : "web",
                              r->addr};
    return who;
}

/*
** ROUTE: GET /uzytkownicy
** CAP: CAP_USERS_ADMIN
** PARAMS: none
*/
int
page_users(struct req *r)
{
    users_page(r, NULL,
               req_arg(r, "dodano")  ? T_USERS_ADDED
               : req_arg(r, "haslo") ? T_USERS_PASSWORD_SET
                                     : NULL,
               NULL, 0, NULL);
    return 0;
}

/*
** ROUTE: POST /uzytkownicy
** CAP: CAP_USERS_ADMIN
** PARAMS: login, password, role, region, unit, csrf (form)
*/
int
page_users_add(struct req *r)
{
    const char *unit = req_form(r, "unit");
    int64_t units[1] = {0};
    struct users_new u = {
        .login = req_form(r, "login"),
        .password = req_form(r, "password"),
        .role_name = req_form(r, "role"),
        .region = req_form(r, "region"),
        .units = units,
        .nunits = unit != NULL && *unit != '\0' ? 1 : 0,
    };
    struct users_actor who = actor(r);
    const char *why = NULL;
    int64_t id;
    int rc;

    if (u.login == NULL || u.password == NULL) {
        return req_error(r, 400, T_ERR_BAD_REQUEST);
    }
    if (u.role_name == NULL || *u.role_name == '\0') {
        r->status = 400;
        users_page(r, NULL, NULL, NULL, 0, T_USERS_ERR_ROLE);
        return 0;
    }
    if (u.nunits > 0) {
        char *end;
        long long v = strtoll(unit, &end, 10);

        if (*end != '\0' || v <= 0) {
            return req_error(r, 400, T_ERR_BAD_REQUEST);
        }
        units[0] = v;
    }
    rc = users_add(r->db, &r->arena, &u, &who, &id, &why);
    if (rc == ERR_INPUT || rc == ERR_CONFLICT) {
        r->status = 400;
        users_page(r, why ? why : T_ERR_BAD_REQUEST, NULL, NULL, 0, NULL);
        return 0;
    }
    if (rc != 0) {
        return rc;
    }
    return req_redirect(r, "/uzytkownicy?dodano=1");
}

/*
** ROUTE: POST /uzytkownicy/blokada
** CAP: CAP_USERS_ADMIN
** PARAMS: login, disabled=0|1, csrf (form)
*/
int
page_users_toggle(struct req *r)
{
    const char *login = req_form(r, "login"), *d = req_form(r, "disabled");
    struct users_actor who = actor(r);
    int rc;

    if (login == NULL || d == NULL || (strcmp(d, "0") && strcmp(d, "1"))) {
        return req_error(r, 400, T_ERR_BAD_REQUEST);
    }
    rc = users_set_disabled(r->db, &r->arena, login, d[0] == '1', &who);
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, NULL);
    }
    if (rc != 0) {
        return rc;
    }
    return req_redirect(r, "/uzytkownicy");
}

/*
** ROUTE: POST /uzytkownicy/haslo
** CAP: CAP_USERS_ADMIN
** PARAMS: pw_login, pw_password, csrf (form)
*/
int
page_users_password(struct req *r)
{
    const char *login = req_form(r, "pw_login");
    const char *password = req_form(r, "pw_password"), *why = NULL;
    const char *errs[2];
    struct users_actor who = actor(r);
    int64_t id;
    int rc, n = 0;

    if (login == NULL || password == NULL) {
        return req_error(r, 400, T_ERR_BAD_REQUEST);
    }
    /* Both fields checked, so that one answer names every wrong one. */
    rc = users_account_id(r->db, login, &id);
    if (rc != 0 && rc != ERR_NOTFOUND) {
        return rc;
    }
    if (rc == ERR_NOTFOUND) {
        errs[n++] = T_USERS_PW_ERR_LOGIN;
    }
    if ((why = auth_password_problem(login, password)) != NULL) {
        errs[n++] = arena_printf(&r->arena, T_USERS_PW_ERR_PASSWORD, why);
    }
    rc = n > 0 ? ERR_INPUT
               : users_set_password(r->db, &r->arena, login, password, &who,
                                    &why);
    if (rc == ERR_NOTFOUND) { /* the account went in between */
        errs[n++] = T_USERS_PW_ERR_LOGIN;
        rc = ERR_INPUT;
    }
    if (rc == ERR_INPUT) {
        r->status = 400;
        users_page(r, NULL, NULL, errs, n, NULL);
        return 0;
    }
    if (rc != 0) {
        return rc;
    }
    return req_redirect(r, "/uzytkownicy?haslo=1");
}

/*
** ROUTE: GET /api/users
** CAP: CAP_USERS_ADMIN
** PARAMS: limit (1..10000, default 1000), offset
*/
int
api_users(struct req *r)
{
    struct users_row *u;
    int n = users_list(r->db, &r->arena, &u), rc;
    long limit, offset, i;
    struct json j;

    if (n < 0) {
        return n;
    }
    if ((rc = req_page_or_reply(r, 1000, 10000, &limit, &offset)) != 0) {
        return rc;
    }
    /* X-Total-Count, and a Link to the next page when there is one */
    req_json_page_begin(r, &j, n, limit, offset);
    json_arr_begin(&j);
    for (i = offset; i < n && i < offset + limit; i++) {
        json_obj_begin(&j);
        json_kstr(&j, "login", u[i].login);
        json_kstr(&j, "role", u[i].role);
        json_kstr(&j, "region", u[i].region);
        json_kbool(&j, "disabled", u[i].disabled);
        json_kstr(&j, "created_at", u[i].created_at);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    return 0;
}

static const char *
nonempty(const char *s)
{
    return s != NULL && *s != '\0' ? s : NULL;
}

/*
** The filters of the query string (NULL when not given) and how many rows
** they match in all (*total): a list never ends silently.
*/
static void
audit_filter(struct req *r, struct audit_filter *f, int64_t *total)
{
    f->who = nonempty(req_arg(r, "kto"));
    f->action = nonempty(req_arg(r, "czynnosc"));
    f->from = nonempty(req_arg(r, "od"));
    f->to = nonempty(req_arg(r, "do"));
    if (audit_total(r->db, &r->arena, f, total) != 0) {
        *total = -1;
    }
}

/* limit and offset of the query string, within bounds; defaults 200, 0. */
static void
audit_page(struct req *r, int *limit, int64_t *offset)
{
    const char *l = req_arg(r, "limit"), *o = req_arg(r, "offset");

    *limit = l != NULL ? atoi(l) : AUDIT_PAGE;
    if (*limit < 1 || *limit > AUDIT_PAGE_MAX) {
        *limit = AUDIT_PAGE;
    }
    *offset = o != NULL ? strtoll(o, NULL, 10) : 0;
    if (*offset < 0) {
        *offset = 0;
    }
}

/* The query string of the filters, for links to other pages. */
static const char *
audit_filter_query(struct req *r, const struct audit_filter *f)
{
    return arena_printf(&r->arena, "kto=%s&czynnosc=%s&od=%s&do=%s",
                        html_url_encode(&r->arena, f->who ? f->who : ""),
                        html_url_encode(&r->arena, f->action ? f->action : ""),
                        html_url_encode(&r->arena, f->from ? f->from : ""),
                        html_url_encode(&r->arena, f->to ? f->to : ""));
}

static void
audit_html_row(void *ctx, const struct audit_row *e)
{
    struct req *r = ctx;

    html_printf(&r->out,
                "<tr><td>%s</td><td>%s <small>(%s %s)</small></td>"
                "<td>%s</td><td>%s %s</td><td><code>%s</code> "
                "<code>%s</code></td></tr>\n",
                warsaw_local(&r->arena, e->at), e->account ? e->account : "—",
                e->via, e->addr, e->action, e->entity, e->entity_id,
                e->before ? e->before : "", e->after ? e->after : "");
}

/*
** ROUTE: GET /audyt
** CAP: CAP_AUDIT_READ
** PARAMS: kto=login, czynnosc=action prefix, od=YYYY-MM-DD, do=YYYY-MM-DD
*/
int
page_audit(struct req *r)
{
    struct audit_filter f;
    int64_t offset, total;
    int limit, n;

    audit_page(r, &limit, &offset);
    audit_filter(r, &f, &total);
    layout_begin(r, T_AUDIT_TITLE);
    html_lit(&r->out, "<h1>" T_AUDIT_TITLE "</h1>\n<form method=\"get\" "
                      "action=\"/audyt\" class=\"filters\">\n");
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-kto\">%s</label>"
                "<input id=\"f-kto\" name=\"kto\" value=\"%s\"></p>\n"
                "<p class=\"field\"><label for=\"f-czynnosc\">%s</label>"
                "<input id=\"f-czynnosc\" name=\"czynnosc\" value=\"%s\">"
                "</p>\n<p class=\"field\"><label for=\"f-od\">%s</label>"
                "<input id=\"f-od\" name=\"od\" type=\"date\" "
                "value=\"%s\"></p>\n<p class=\"field\"><label "
                "for=\"f-do\">%s</label><input id=\"f-do\" name=\"do\" "
                "type=\"date\" value=\"%s\"></p>\n<p><button "
                "type=\"submit\">%s</button></p></form>\n",
                T_AUDIT_WHO, f.who ? f.who : "", T_AUDIT_ACTION,
                f.action ? f.action : "", T_AUDIT_FROM, f.from ? f.from : "",
                T_AUDIT_TO, f.to ? f.to : "", T_AUDIT_FILTER);
    html_lit(&r->out, "<p><a href=\"/audyt.csv\">" T_AUDIT_CSV "</a></p>\n");
    html_printf(&r->out, WIDE_OPEN, T_AUDIT_TITLE);
    html_printf(&r->out,
                "<table>\n<caption>%s</caption>\n<thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                T_AUDIT_TITLE, T_AUDIT_WHEN, T_AUDIT_WHO, T_AUDIT_ACTION,
                T_AUDIT_RECORD, T_AUDIT_CHANGE);
    n = audit_each(r->db, &r->arena, &f, limit, offset, audit_html_row, r);
    if (n < 0) {
        return n;
    }
    html_lit(&r->out, "</tbody>\n</table></div>\n");
    if (n == 0) {
        html_lit(&r->out, "<p>" T_AUDIT_NONE "</p>\n");
    } else {
        html_printf(&r->out, "<p>%s</p>\n",
                    arena_printf(&r->arena, T_AUDIT_SHOWN,
                                 (long long)offset + 1, (long long)offset + n,
                                 (long long)total));
    }
    if (offset > 0 || offset + n < total) {
        html_lit(&r->out, "<nav aria-label=\"" T_AUDIT_PAGES "\"><p>");
        if (offset > 0) {
            html_printf(&r->out,
                        "<a href=\"/audyt?%s&amp;offset=%lld\">%s</a> ",
                        audit_filter_query(r, &f),
                        (long long)(offset > limit ? offset - limit : 0),
                        T_AUDIT_NEWER);
        }
        if (offset + n < total) {
            html_printf(&r->out, "<a href=\"/audyt?%s&amp;offset=%lld\">%s</a>",
                        audit_filter_query(r, &f), (long long)(offset + n),
                        T_AUDIT_OLDER);
        }
        html_lit(&r->out, "</p></nav>\n");
    }
    layout_end(r);
    return 0;
}

static void
audit_csv_row(void *ctx, const struct audit_row *e)
{
    const char *cols[] = {e->at,
                          e->account ? e->account : "",
                          e->via,
                          e->addr,
                          e->action,
                          e->entity,
                          e->entity_id,
                          e->before ? e->before : "",
                          e->after ? e->after : ""};
    char id[24];
    size_t i;

    snprintf(id, sizeof(id), "%lld", (long long)e->id);
    csv_text(ctx, id);
    for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
        csv_text(ctx, cols[i]);
    }
    csv_row_end(ctx);
}

/*
** ROUTE: GET /audyt.csv
** CAP: CAP_AUDIT_READ
** PARAMS: as /audyt
*/
int
page_audit_csv(struct req *r)
{
    static const char *const head[] = {
        "id",     "at",     "account",   "via",    "addr",
        "action", "entity", "entity_id", "before", "after"};
    struct audit_filter f;
    int64_t total;
    struct csv c;
    int rc, i;

    audit_filter(r, &f, &total);

    r->status = 200;
    r->content_type = "text/csv; charset=utf-8";
    req_add_header(r, "Content-Disposition",
                   "attachment; filename=\"audyt.csv\"");
    csv_begin(&c, &r->out, ';', CSV_QUOTE_ALL | CSV_BOM);
    for (i = 0; i < 10; i++) {
        csv_text(&c, head[i]);
    }
    csv_row_end(&c);
    rc = audit_each(r->db, &r->arena, &f, AUDIT_CSV_MAX, 0, audit_csv_row, &c);
    return rc < 0 ? rc : 0;
}

static void
audit_json_row(void *ctx, const struct audit_row *e)
{
    struct json *j = ctx;

    json_obj_begin(j);
    json_kint(j, "id", e->id);
    json_kstr(j, "at", e->at);
    json_kstr(j, "account", e->account);
    json_kstr(j, "via", e->via);
    json_kstr(j, "action", e->action);
    json_kstr(j, "entity", e->entity);
    json_kstr(j, "entity_id", e->entity_id);
    json_kstr(j, "before", e->before);
    json_kstr(j, "after", e->after);
    json_obj_end(j);
}

/*
** ROUTE: GET /api/audit
** CAP: CAP_AUDIT_READ
** PARAMS: as /audyt
*/
int
api_audit(struct req *r)
{
    struct audit_filter f;
    int64_t offset, total;
    struct json j;
    int limit, rc;

    audit_page(r, &limit, &offset);
    audit_filter(r, &f, &total);
    /* The body stays a list; its size and the next page go in headers. */
    req_json_page_begin(r, &j, (long)total, limit, (long)offset);
    json_arr_begin(&j);
    rc = audit_each(r->db, &r->arena, &f, limit, offset, audit_json_row, &j);
    json_arr_end(&j);
    return rc < 0 ? rc : 0;
}
