/*
** /login and /logout. A successful login starts a new session (a new
** token and a new CSRF token: nothing from before the login survives) and
** every attempt, good or bad, leaves an audit row.
*/
#include "modules_handlers.h"

#include <string.h>
#include <time.h>

#include "auth.h"
#include "core/err.h"
#include "db/db.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "auth/strings_pl.h"

/*
** Only a local path may be a redirect target: one '/' followed by no
** second '/' or '\\' and no control character anywhere (browsers drop a
** TAB or newline, which would turn "/\t/evil" into "//evil").
*/
static const char *
safe_next(const char *next)
{
    const unsigned char *p;

    if (next == NULL || next[0] != '/' || next[1] == '/' || next[1] == '\\') {
        return "/";
    }
    for (p = (const unsigned char *)next; *p != '\0'; p++) {
        if (*p < 0x20 || *p == 0x7f) {
            return "/";
        }
    }
    return next;
}

static void
login_form(struct req *r, const char *login, const char *next,
           const char *error)
{
    layout_begin(r, T_LOGIN_TITLE);
    html_lit(&r->out, "<h1>" T_LOGIN_TITLE "</h1>\n");
    if (error != NULL) {
        form_errors(r, &error, 1);
    }
    form_begin(r, "/login", NULL);
    html_printf(&r->out, "<input type=\"hidden\" name=\"next\" value=\"%s\">\n",
                safe_next(next));
    form_input(r, "login", T_LOGIN_LOGIN, "text", login,
               "autocomplete=\"username\" required");
    form_input(r, "password", T_LOGIN_PASSWORD, "password", NULL,
               "autocomplete=\"current-password\" required");
    html_lit(&r->out,
             "<p><button type=\"submit\">" T_LOGIN_BUTTON "</button></p>\n");
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
audit_login(struct req *r, const char *action, const char *login,
            const char *after)
{
    struct audit_entry e = {
        .account = login,
        .via = "web",
        .addr = r->addr,
        .action = action,
        .entity = "account",
        .entity_id = login,
        .after = after,
    };

    audit_add(r->db, &e);
}

/* Repeated failures leave rows at the 1st, 2nd, 4th, 8th ... only, each
 * with the count so far: a flood cannot grow the log faster than log2. */
static bool
power_of_two(int64_t n)
{
    return n > 0 && (n & (n - 1)) == 0;
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
    int64_t now = (int64_t)time(NULL);
    struct auth_login_result res;
    int rc;

    if (login == NULL || password == NULL || *login == '\0' ||
        strlen(login) > 64 || strlen(password) > 256) {
        r->status = 400;
        login_form(r, login, next, T_LOGIN_FAILED);
        return 0;
    }
    rc = auth_login(r->db, &r->arena, login, password, r->addr, now, &res);
    if (rc == ERR_CONFLICT) {
        if (power_of_two(res.throttled)) {
            audit_login(r, "login.throttled", login,
                        arena_printf(&r->arena, "{\"attempts\":%lld}",
                                     (long long)res.throttled));
        }
        req_add_header(
            r, "Retry-After",
            arena_printf(&r->arena, "%lld", (long long)res.retry_after));
        r->status = 429;
        login_form(r, login, next,
                   arena_printf(&r->arena, T_LOGIN_THROTTLED,
                                (long long)res.retry_after));
        return 0;
    }
    if (rc == ERR_DENIED) {
        if (power_of_two(res.failures)) {
            audit_login(r, "login.failed", login,
                        arena_printf(&r->arena, "{\"failures\":%lld}",
                                     (long long)res.failures));
        }
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
    if ((rc = auth_session_create(r->db, &r->arena, res.account, now, &token,
                                  &csrf)) != 0) {
        return rc;
    }
    audit_login(r, "login", login, NULL);
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
    audit_login(r, "logout", r->user->login, NULL);
    req_add_header(r, "Set-Cookie",
                   "rodzina_session=; Path=/; HttpOnly; SameSite=Strict; "
                   "Max-Age=0");
    return req_redirect(r, "/");
}
