/*
** Dispatch over the route table, capability check, error rendering, and
** the embedded static assets. A route that is not in routes.c does not
** exist: there is no fallback handler.
*/
#include "router.h"

#include <sodium.h>
#include <string.h>
#include <time.h>

#include "core/embedded.h"
#include "core/err.h"
#include "core/json.h"
#include "core/log.h"
#include "core/random.h"
#include "core/str.h"
#include "html/html.h"
#include "html/layout.h"
#include "access.h"
#include "http/strings_pl.h"

/* Match pattern against path; ":x" segments are stored in r->params. */
static bool
match(struct req *r, const char *pattern, const char *path)
{
    int n = 0;

    while (*pattern != '\0' && *path != '\0') {
        if (*pattern == ':') {
            size_t len = strcspn(path, "/");

            if (len == 0 || n >= REQ_MAX_PARAMS) {
                return false;
            }
            r->params[n++] = arena_strndup(&r->arena, path, len);
            path += len;
            pattern += strcspn(pattern, "/");
            continue;
        }
        if (*pattern != *path) {
            return false;
        }
        pattern++;
        path++;
    }
    if (*pattern != '\0' || *path != '\0') {
        return false;
    }
    r->nparams = n;
    return true;
}

void
router_render_error(struct req *r)
{
    const char *msg = r->error_message;

    if (msg == NULL) {
        msg = r->status == 404   ? T_ERR_NOT_FOUND
              : r->status == 405 ? T_ERR_METHOD
              : r->status == 400 ? T_ERR_BAD_REQUEST
                                 : T_ERR_INTERNAL;
    }
    buf_reset(&r->out);
    if (r->is_api) {
        struct json j;
        const char *code = r->status == 400   ? "bad_request"
                           : r->status == 401 ? "unauthorized"
                           : r->status == 403 ? "forbidden"
                           : r->status == 404 ? "not_found"
                           : r->status == 405 ? "method_not_allowed"
                           : r->status == 409 ? "conflict"
                           : r->status == 413 ? "payload_too_large"
                           : r->status == 421 ? "misdirected_request"
                           : r->status == 429 ? "too_many_requests"
                           : r->status == 503 ? "unavailable"
                                              : "internal";

        r->content_type = "application/json; charset=utf-8";
        json_init(&j, &r->out);
        json_obj_begin(&j);
        json_key(&j, "error");
        json_obj_begin(&j);
        json_kstr(&j, "code", code);
        json_kstr(&j, "message", msg);
        json_obj_end(&j);
        json_obj_end(&j);
        return;
    }
    r->content_type = "text/html; charset=utf-8";
    layout_begin(r, T_ERR_TITLE);
    html_printf(&r->out, "<h1>%s (%d)</h1><p>%s</p>", T_ERR_TITLE, r->status,
                msg);
    html_lit(&r->out, "<p><a href=\"/\">" T_ERR_HOME_LINK "</a></p>");
    layout_end(r);
}

/* GET /static/NAME: assets compiled into the binary, with ETag. */
static void
serve_static(struct req *r)
{
    const struct embedded *e = embedded_find(assets_files, r->path + 8);
    const char *inm, *dot;

    if (e == NULL || strchr(r->path + 8, '/') != NULL) {
        req_error(r, 404, NULL);
        router_render_error(r);
        return;
    }
    dot = strrchr(e->name, '.');
    r->content_type =
        dot && strcmp(dot, ".css") == 0   ? "text/css; charset=utf-8"
        : dot && strcmp(dot, ".js") == 0  ? "text/javascript; charset=utf-8"
        : dot && strcmp(dot, ".svg") == 0 ? "image/svg+xml"
                                          : "application/octet-stream";
    req_add_header(r, "ETag", e->etag);
    req_add_header(r, "Cache-Control", "public, max-age=3600");
    inm = req_header(r, "If-None-Match");
    if (inm != NULL && strcmp(inm, e->etag) == 0) {
        r->status = 304;
        return;
    }
    r->status = 200;
    buf_append(&r->out, e->data, e->len);
}

/* The methods the routes of r->path answer, for Allow and the 405 page:
 * "GET, HEAD", "POST" or "GET, HEAD, POST". */
static const char *
allowed_methods(struct req *r)
{
    const char *allow = NULL;
    int i;

    for (i = 0; i < routes_count; i++) {
        const char *m = routes[i].method;

        if (!match(r, routes[i].pattern, r->path) ||
            (allow != NULL && strstr(allow, m) != NULL)) {
            continue;
        }
        if (strcmp(m, "GET") == 0) {
            m = "GET, HEAD";
        }
        allow = allow ? arena_printf(&r->arena, "%s, %s", allow, m) : m;
    }
    return allow;
}

const struct route *
router_find(struct req *r, const char *method, const char *path,
            bool *path_known)
{
    int i;

    *path_known = false;
    for (i = 0; i < routes_count; i++) {
        if (!match(r, routes[i].pattern, path)) {
            continue;
        }
        *path_known = true;
        if (strcmp(routes[i].method, method) == 0 ||
            (strcmp(method, "HEAD") == 0 &&
             strcmp(routes[i].method, "GET") == 0)) {
            return &routes[i];
        }
    }
    return NULL;
}

/* The session's account, if the cookie names a live session: 0, or
 * ERR_DB when the store could not tell. */
static int
load_user(struct req *r)
{
    const char *token = req_cookie(r, "rodzina_session");
    const char *anon = req_cookie(r, "rodzina_csrf");
    struct req_user *u;
    int rc;

    if (token != NULL) {
        u = arena_alloc(&r->arena, sizeof(*u));
        rc = access_hooks.session_load(r->db, &r->arena, token,
                                       (int64_t)time(NULL), u);
        if (rc == 0) {
            r->user = u;
            r->csrf = u->csrf;
            return 0;
        }
        if (rc == ERR_DB) {
            return rc;
        }
    }
    if (anon != NULL && strlen(anon) == RANDOM_TOKEN_HEX) {
        r->csrf = arena_strdup(&r->arena, anon);
    }
    return 0;
}

/* A state-changing request must send back the token of its form. */
static bool
csrf_ok(struct req *r)
{
    const char *sent = req_header(r, "X-CSRF-Token");

    if (sent == NULL) {
        sent = req_form(r, "csrf");
    }
    if (sent == NULL || r->csrf == NULL || strlen(sent) != strlen(r->csrf)) {
        return false;
    }
    return sodium_memcmp(sent, r->csrf, strlen(sent)) == 0;
}

bool
router_admit(struct req *r, const struct route *found)
{
    r->route = found;
    /* Not served as the public's when the store cannot tell who asks. */
    if (load_user(r) == ERR_DB) {
        req_error(r, 503, T_ERR_DB_DOWN);
        router_render_error(r);
        return false;
    }
    if (!access_hooks.role_has(r->user ? r->user->role : 0, found->cap)) {
        if (found->cap == 0) {
            log_error("router: %s %s has no rule: refused", found->method,
                      found->pattern);
        }
        if (r->user == NULL && found->cap != 0) {
            if (r->is_api) {
                req_error(r, 401, T_ERR_LOGIN_NEEDED);
                router_render_error(r);
            } else {
                req_redirect(r,
                             arena_printf(&r->arena, "/login?next=%s",
                                          html_url_encode(&r->arena, r->path)));
            }
        } else {
            req_error(r, 403, T_ERR_FORBIDDEN);
            router_render_error(r);
        }
        if (access_hooks.cap_audited(found->cap)) {
            access_hooks.audit_refusal(r, "access.denied");
        }
        return false;
    }
    return true;
}

void
router_dispatch(struct req *r)
{
    const struct route *found;
    bool path_known;
    int rc;

    if (strncmp(r->path, "/static/", 8) == 0) {
        if (strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0) {
            req_add_header(r, "Allow", "GET, HEAD");
            req_error(r, 405, NULL);
            router_render_error(r);
            return;
        }
        serve_static(r);
        return;
    }
    found = router_find(r, r->method, r->path, &path_known);
    if (found == NULL) {
        if (path_known) {
            const char *allow = allowed_methods(r);

            req_add_header(r, "Allow", allow);
            req_error(r, 405,
                      arena_printf(&r->arena, T_ERR_METHOD_ALLOWED, allow));
        } else {
            req_error(r, 404, NULL);
        }
        router_render_error(r);
        return;
    }
    if (!router_admit(r, found)) {
        return;
    }
    if (strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0 &&
        !csrf_ok(r)) {
        req_error(r, 403, T_ERR_CSRF);
        router_render_error(r);
        access_hooks.audit_refusal(r, "csrf.rejected");
        return;
    }
    rc = found->handler(r);
    if (rc == ERR_LONG) {
        r->long_wanted = true; /* the server runs it on a long-work thread */
        return;
    }
    if (rc != 0) {
        if (r->status < 400) {
            /* A request stopped by shutdown may be tried again. */
            r->status = rc == ERR_NOTFOUND  ? 404
                        : rc == ERR_INPUT   ? 400
                        : rc == ERR_DENIED  ? 403
                        : rc == ERR_STOPPED ? 503
                                            : 500;
        }
        router_render_error(r);
    }
}
