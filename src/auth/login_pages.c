/*
** /login and /logout. A successful login starts a new session (a new
** token and a new CSRF token: nothing from before the login survives) and
** every attempt, good or bad, leaves an audit row.
*/
#include "login_pages.h"

#include <string.h>
#include <time.h>

#include "auth.h"
#include "core/err.h"
#include "db/db.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"

/* Only a site-relative path may be a redirect target. */
static const char *
safe_next(const char *next)
{
    if (next == NULL || next[0] != '/' || next[1] == '/' || next[1] == '\\' ||
        strchr(next, '\r') || strchr(next, '\n')) {
        return "/";
    }
    return next;
}

static void
login_form(struct req *r, const char *login, const char *next,
           const char *error)
{
    layout_begin(r, T_LOGIN_TITLE);
    html_lit(r, "<h1>" T_LOGIN_TITLE "</h1>\n");
    if (error != NULL) {
        form_errors(r, &error, 1);
    }
    form_begin(r, "/login", NULL);
    html_printf(r, "<input type=\"hidden\" name=\"next\" value=\"%s\">\n",
                safe_next(next));
    form_input(r, "login", T_LOGIN_LOGIN, "text", login,
               "autocomplete=\"username\" required");
    form_input(r, "password", T_LOGIN_PASSWORD, "password", NULL,
               "autocomplete=\"current-password\" required");
    html_lit(r, "<p><button type=\"submit\">" T_LOGIN_BUTTON "</button></p>\n");
    form_end(r);
    layout_end(r);
}

/*
** ROUTE: GET /login
** CAP: CAP_PUBLIC
** PARAMS: next=site path (optional)
*/
int
page_login(struct req *r)
{
    login_form(r, NULL, req_arg(r, "next"), NULL);
    return 0;
}

static void
audit_login(struct req *r, const char *action, const char *login)
{
    struct audit_entry e = {
        .account = login,
        .via = "web",
        .addr = r->addr,
        .action = action,
        .entity = "account",
        .entity_id = login,
    };

    audit_add(r->db, &e);
}

/*
** ROUTE: POST /login
** CAP: CAP_PUBLIC
** PARAMS: login, password, next, csrf (form)
*/
int
page_login_post(struct req *r)
{
    const char *login = req_form(r, "login");
    const char *password = req_form(r, "password");
    const char *next = safe_next(req_form(r, "next"));
    const char *token, *csrf;
    int64_t account = 0, now = (int64_t)time(NULL);
    int rc;

    if (login == NULL || password == NULL || *login == '\0' ||
        strlen(login) > 64 || strlen(password) > 256) {
        r->status = 400;
        login_form(r, login, next, T_LOGIN_FAILED);
        return 0;
    }
    rc = auth_login(r->db, &r->arena, login, password, r->addr, now, &account);
    if (rc == ERR_CONFLICT) {
        audit_login(r, "login.throttled", login);
        r->status = 429;
        login_form(r, login, next, T_LOGIN_THROTTLED);
        return 0;
    }
    if (rc == ERR_DENIED) {
        audit_login(r, "login.failed", login);
        r->status = 401;
        login_form(r, login, next, T_LOGIN_FAILED);
        return 0;
    }
    if (rc != 0) {
        return rc;
    }
    /* A session cookie from before the login is ended, not reused. */
    if (req_cookie(r, "rodzina_session") != NULL) {
        auth_session_end(r->db, &r->arena, req_cookie(r, "rodzina_session"));
    }
    if ((rc = auth_session_create(r->db, &r->arena, account, now, &token,
                                  &csrf)) != 0) {
        return rc;
    }
    audit_login(r, "login", login);
    req_add_header(r, "Set-Cookie",
                   arena_printf(&r->arena,
                                "rodzina_session=%s; Path=/; HttpOnly; "
                                "SameSite=Strict%s",
                                token, r->secure ? "; Secure" : ""));
    return req_redirect(r, next);
}

/*
** ROUTE: POST /logout
** CAP: CAP_LOGIN
** PARAMS: csrf (form)
*/
int
page_logout(struct req *r)
{
    const char *token = req_cookie(r, "rodzina_session");
    int rc;

    if (token != NULL &&
        (rc = auth_session_end(r->db, &r->arena, token)) != 0) {
        return rc;
    }
    audit_login(r, "logout", r->user->login);
    req_add_header(r, "Set-Cookie",
                   "rodzina_session=; Path=/; HttpOnly; SameSite=Strict; "
                   "Max-Age=0");
    return req_redirect(r, "/");
}
