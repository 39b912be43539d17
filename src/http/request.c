/* Request accessors and response helpers for handlers; see http.h. */
#include "http.h"

#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "core/err.h"
#include "core/log.h"
#include "core/random.h"
#include "core/str.h"
#include "form.h"
#include "html/strings_pl.h"
#include "http/strings_pl.h"

const char *
req_arg(struct req *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *
req_header(struct req *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

/* Set once by server.c before the first request (req_site_set). */
static char site_url[256];
static char own_hosts[REQ_OWN_HOSTS][48];
static int nown_hosts;

void
req_site_set(const char *url, const char *const *hosts, int n)
{
    int i;

    snprintf(site_url, sizeof(site_url), "%s", url != NULL ? url : "");
    nown_hosts = n < REQ_OWN_HOSTS ? n : REQ_OWN_HOSTS;
    for (i = 0; i < nown_hosts; i++) {
        snprintf(own_hosts[i], sizeof(own_hosts[i]), "%s", hosts[i]);
    }
}

/* The configured public address, or NULL. */
static const char *
configured_site(void)
{
    return site_url[0] != '\0' ? site_url : NULL;
}

/* Whether host is one the server listens as (see req_site_set). */
static bool
own_host(const char *host)
{
    int i;

    for (i = 0; host != NULL && i < nown_hosts; i++) {
        if (strcasecmp(host, own_hosts[i]) == 0) {
            return true;
        }
    }
    return false;
}

/* Whether the Host header is a plain host name or address with a port. */
static bool
plain_host(const char *host)
{
    size_t n = host != NULL ? strlen(host) : 0;

    return n > 0 && n <= 255 &&
           strspn(host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                        "0123456789.-:[]") == n;
}

const char *
req_site_url(struct req *r)
{
    const char *site = configured_site(), *host = req_header(r, "Host");

    if (site != NULL) {
        return site;
    }
    if (!plain_host(host)) {
        return "http://localhost";
    }
    return arena_printf(&r->arena, "%s://%s", r->secure ? "https" : "http",
                        host);
}

int
req_mail_url_or_reply(struct req *r, const char **out)
{
    const char *site = configured_site(), *host = req_header(r, "Host");

    if (site != NULL) {
        *out = site;
        return 0;
    }
    if (plain_host(host) && own_host(host)) {
        *out = arena_printf(&r->arena, "%s://%s", r->secure ? "https" : "http",
                            host);
        return 0;
    }
    /* The Host is the client's word: shown only when plain, and short. */
    log_warn("request %s %s: Host %.64s is not this server's and site_url "
             "is not set: no e-mail links from it (421)",
             r->method, r->path, plain_host(host) ? host : "(not a host name)");
    return req_error(r, 421, T_ERR_MAIL_HOST);
}

const char *
req_param(struct req *r, int i)
{
    return i >= 0 && i < r->nparams ? r->params[i] : NULL;
}

int
req_param_num(struct req *r, int i, int64_t min, int64_t *out)
{
    const char *s = req_param(r, i);
    size_t n = s != NULL ? strlen(s) : 0;
    int64_t v = 0;

    /* 18 digits cannot overflow; sign, space and "0x" are not ids. */
    if (n == 0 || n > 18 || strspn(s, "0123456789") != n) {
        return req_error(r, 404, NULL);
    }
    for (size_t k = 0; k < n; k++) {
        v = v * 10 + (s[k] - '0');
    }
    if (v < min) {
        return req_error(r, 404, NULL);
    }
    *out = v;
    return 0;
}

int
req_error(struct req *r, int status, const char *message)
{
    r->status = status;
    r->error_message = message;
    switch (status) {
    case 400:
        return ERR_INPUT;
    case 403:
        return ERR_DENIED;
    case 404:
        return ERR_NOTFOUND;
    default:
        return ERR_IO;
    }
}

int
req_int_or_reply(struct req *r, const char *name, long min, long max, long *out)
{
    const char *s = req_arg(r, name);
    char *end;
    long v;

    if (s == NULL || *s == '\0') {
        return req_error(r, 400,
                         arena_printf(&r->arena, T_ERR_PARAM_MISSING, name));
    }
    v = strtol(s, &end, 10);
    if (*end != '\0' || v < min || v > max) {
        return req_error(
            r, 400, arena_printf(&r->arena, T_ERR_PARAM_RANGE, name, min, max));
    }
    *out = v;
    return 0;
}

void
req_add_header(struct req *r, const char *name, const char *value)
{
    if (r->nheaders < REQ_MAX_HEADERS) {
        r->header_names[r->nheaders] = name;
        r->header_values[r->nheaders] = value;
        r->nheaders++;
    }
}

int
req_page_or_reply(struct req *r, long def, long max, long *limit, long *offset)
{
    int rc;

    *limit = def;
    *offset = 0;
    if (req_arg(r, "limit") != NULL &&
        (rc = req_int_or_reply(r, "limit", 1, max, limit)) != 0) {
        return rc;
    }
    if (req_arg(r, "offset") != NULL &&
        (rc = req_int_or_reply(r, "offset", 0, 1000000000L, offset)) != 0) {
        return rc;
    }
    return 0;
}

struct next_link {
    struct req *r;
    struct buf b;
};

/* Every argument but limit and offset, URL-encoded, into the link. */
static enum MHD_Result
keep_arg(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_size,
         const char *value, size_t value_size)
{
    struct next_link *n = cls;
    static const char hex[] = "0123456789ABCDEF";
    size_t i;

    (void)kind;
    (void)key_size;
    if (strcmp(key, "limit") == 0 || strcmp(key, "offset") == 0) {
        return MHD_YES;
    }
    buf_printf(&n->b, "%s=", key);
    for (i = 0; value != NULL && i < value_size; i++) {
        unsigned char c = (unsigned char)value[i];

        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
            (c >= 'A' && c <= 'Z') || c == '-' || c == '_' || c == '.') {
            buf_putc(&n->b, (char)c);
        } else {
            buf_putc(&n->b, '%');
            buf_putc(&n->b, hex[c >> 4]);
            buf_putc(&n->b, hex[c & 15]);
        }
    }
    buf_putc(&n->b, '&');
    return MHD_YES;
}

void
req_page_headers(struct req *r, long total, long limit, long offset)
{
    struct next_link n = {r, {0}};

    req_add_header(r, "X-Total-Count", arena_printf(&r->arena, "%ld", total));
    if (offset + limit >= total) {
        return;
    }
    buf_init(&n.b);
    MHD_get_connection_values_n(r->conn, MHD_GET_ARGUMENT_KIND, keep_arg, &n);
    req_add_header(
        r, "Link",
        arena_printf(&r->arena, "<%s?%slimit=%ld&offset=%ld>; rel=\"next\"",
                     r->path, n.b.data ? n.b.data : "", limit, offset + limit));
    buf_free(&n.b);
}

void
req_json_begin(struct req *r)
{
    r->status = 200;
    r->content_type = "application/json; charset=utf-8";
}

void
req_json(struct req *r, struct json *j)
{
    req_json_begin(r);
    json_init(j, &r->out);
}

void
req_json_page_begin(struct req *r, struct json *j, long total, long limit,
                    long offset)
{
    req_json(r, j);
    req_page_headers(r, total, limit, offset);
}

/* --- forms and input checks -------------------------------------------- */

static enum MHD_Result
arg_is_utf8(void *cls, enum MHD_ValueKind kind, const char *key,
            size_t key_size, const char *value, size_t value_size)
{
    bool *ok = cls;

    (void)kind;
    if (!str_utf8_valid(key, key_size) ||
        (value != NULL && !str_utf8_valid(value, value_size))) {
        *ok = false;
        return MHD_NO;
    }
    return MHD_YES;
}

int
req_check_args(struct req *r)
{
    bool ok = str_utf8_valid(r->path, strlen(r->path));

    if (ok) {
        MHD_get_connection_values_n(r->conn, MHD_GET_ARGUMENT_KIND, arg_is_utf8,
                                    &ok);
    }
    return ok ? 0 : req_error(r, 400, T_ERR_BAD_UTF8);
}

int
req_long_work(struct req *r)
{
    return r->long_work ? 0 : ERR_LONG;
}

int
req_parse_body(struct req *r)
{
    enum form_status st;

    r->form = arena_alloc(&r->arena, sizeof(*r->form));
    if (r->body.len == 0) {
        return 0;
    }
    st = form_parse(&r->arena, req_header(r, "Content-Type"), r->body.data,
                    r->body.len, r->form);
    switch (st) {
    case FORM_OK:
    case FORM_NOT_FORM:
        return 0;
    case FORM_BAD_UTF8:
        return req_error(r, 400, T_ERR_BAD_UTF8);
    case FORM_TOO_MANY:
        return req_error(r, 400, T_ERR_FORM_TOO_MANY);
    case FORM_BAD_BOUNDARY:
        break;
    }
    return req_error(r, 400, T_ERR_BAD_REQUEST);
}

/* The first field called name that is (or is not) a file, or NULL. */
static const struct form_field *
find_field(struct req *r, const char *name, bool file)
{
    size_t i;

    for (i = 0; r->form != NULL && i < r->form->n; i++) {
        const struct form_field *f = &r->form->fields[i];

        if ((f->filename != NULL) == file && strcmp(f->name, name) == 0) {
            return f;
        }
    }
    return NULL;
}

const char *
req_form(struct req *r, const char *name)
{
    const struct form_field *f = find_field(r, name, false);

    return f != NULL ? f->value : NULL;
}

int
req_upload(struct req *r, const char *name, const char **data, size_t *len,
           const char **filename)
{
    const struct form_field *f = find_field(r, name, true);

    if (f == NULL) {
        return ERR_NOTFOUND;
    }
    *data = f->value;
    *len = f->len;
    *filename = f->filename;
    return 0;
}

const char *
req_cookie(struct req *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

int
req_redirect(struct req *r, const char *location)
{
    r->status = 303;
    req_add_header(r, "Location", location);
    return 0;
}

const char *
req_csrf(struct req *r)
{
    r->personal = true; /* never a cached answer for someone else */
    if (r->csrf == NULL) {
        r->csrf = random_token(&r->arena);
        req_add_header(r, "Set-Cookie",
                       arena_printf(&r->arena,
                                    "rodzina_csrf=%s; Path=/; HttpOnly; "
                                    "SameSite=Strict%s",
                                    r->csrf, r->secure ? "; Secure" : ""));
    }
    return r->csrf;
}
