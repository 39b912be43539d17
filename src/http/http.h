/*
** What a handler sees of a request: struct req, its arena, its store
** connection, input accessors and the response it builds. Only http/
** includes microhttpd.h; domain code includes this header.
*/
#ifndef HTTP_HTTP_H
#define HTTP_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/json.h"

#define REQ_MAX_PARAMS 4
#define REQ_MAX_HEADERS 8

struct route;
struct form;

/*
** The account a request runs for, filled from its session by the access
** hooks (access.h). role is a number of the module that owns roles; 0 is
** never a logged-in account.
*/
struct req_user {
    int64_t id;
    const char *login;
    int role;
    const char *region;     /* NULL: every region */
    const char *csrf;       /* the session's CSRF token */
    const char *token_hash; /* the session's key */
};

struct req {
    struct arena arena; /* everything of this request lives here */
    struct db *db;      /* the worker thread's connection, borrowed */
    void *conn;         /* struct MHD_Connection, for http/ only */
    const char *method;
    const char *path; /* without the query string */
    const struct route *route;
    const char *params[REQ_MAX_PARAMS]; /* ":name" path segments, in order */
    int nparams;
    struct buf body;       /* request body (POST), up to the limit */
    bool body_too_big;     /* over body_limit: the rest is discarded */
    size_t body_limit;     /* for this route, fixed before the body */
    size_t body_reserved;  /* bytes counted in the server's total */
    struct timespec until; /* the body must be in by then */
    bool is_api;           /* path under /api/: errors are JSON */
    struct timespec start;
    const char *addr;      /* client address, for throttling and audit */
    struct req_user *user; /* NULL for the public */
    const char *csrf;      /* token forms must send back, or NULL */
    struct form *form;     /* parsed form body (req_parse_body), or NULL */
    bool secure;           /* served over TLS: cookies get Secure */
    /* The response being built. */
    int status; /* 0 until set; 200 by default */
    const char *content_type;
    struct buf out;
    const char *header_names[REQ_MAX_HEADERS];
    const char *header_values[REQ_MAX_HEADERS];
    int nheaders;
    const char *error_message; /* Polish text for the error page */
    /* Long work (the route's long_work, or a handler's ERR_LONG): run on
     * a long-work thread, answered once long_done. */
    bool long_work, long_done;
    bool long_wanted;            /* the handler returned ERR_LONG on a worker */
    struct answer_ticket *cache; /* req_cache_reuse() missed: keep the answer */
    bool personal; /* the answer holds this client's own (a CSRF token) */
};

/*
** Whether the caller may do long work now (a report, statistics over many
** rows): 0 on a long-work thread; ERR_LONG on a worker, which the handler
** returns at once, before writing anything: the request is then run again
** from the start on a long-work thread (http/server.c), so that it never
** holds a worker that short requests need.
*/
int req_long_work(struct req *r);

/*
** A public page or list whose answer depends only on its URL, on data of
** the given version and on the minute: true when the same answer, made in
** this minute from the same data, is reused (r holds it; the handler
** returns 0 at once); false otherwise, and the answer the handler then
** makes is kept for the next caller (http/answer_cache.h). Never for a
** session's requests or for anything but GET.
*/
bool req_cache_reuse(struct req *r, uint64_t version);

/* Query-string argument, or NULL. Valid for the whole request. */
const char *req_arg(struct req *r, const char *name);
/* Request header, or NULL. */
const char *req_header(struct req *r, const char *name);
/* Path parameter number i (0-based) of the matched route. */
const char *req_param(struct req *r, int i);
/*
** Path parameter i as a decimal number of at most 18 digits, at least min
** (1 for a row id, 0 for a position). Anything else records a 404, as for
** a path that does not exist, and returns ERR_NOTFOUND.
*/
int req_param_num(struct req *r, int i, int64_t min, int64_t *out);
/*
** Read query argument name as an integer in [min, max]. On a missing or bad
** value records a 400 with a Polish message and returns ERR_INPUT.
*/
int req_int_or_reply(struct req *r, const char *name, long min, long max,
                     long *out);
/*
** A field of a form body (application/x-www-form-urlencoded or
** multipart/form-data), or NULL. Values live in the request's arena.
*/
const char *req_form(struct req *r, const char *name);
/*
** An uploaded file of a multipart form: 0 with *data, *len and *filename
** set (arena), or ERR_NOTFOUND.
*/
int req_upload(struct req *r, const char *name, const char **data, size_t *len,
               const char **filename);
/*
** The site's address for absolute links of pages and feeds (Atom ids,
** certificates, survey links shown to the office): the configured
** site_url, else "https://HOST" (or http when not over TLS) from the Host
** header, or "http://localhost" when it is missing or not a plain host
** name. Never for links written into e-mail: req_mail_url_or_reply.
*/
const char *req_site_url(struct req *r);
/*
** The site's address for links written into e-mail, into *out: the
** configured site_url; without one, "http(s)://HOST" only when the Host
** header is an address the server listens as (req_site_set), so a
** forged Host never reaches a message. Otherwise logs the refusal,
** records a 421 with a Polish message and returns an error: the caller
** returns it before changing anything.
*/
int req_mail_url_or_reply(struct req *r, const char **out);
/* A cookie of the request, or NULL. */
const char *req_cookie(struct req *r, const char *name);
/* Answer with a 303 redirect to a site-relative location. */
int req_redirect(struct req *r, const char *location);
/*
** The CSRF token for a form on this page: the session's, or for the public
** a random one also set as a cookie (double submit). Never NULL.
*/
const char *req_csrf(struct req *r);
/* Record an error response; the router renders it (HTML or JSON). */
int req_error(struct req *r, int status, const char *message);
void req_add_header(struct req *r, const char *name, const char *value);
/*
** Paging of a list: the query arguments limit (1..max, default def) and
** offset (0.., default 0). On a bad value records a 400 (Polish, naming the
** argument) and returns ERR_INPUT.
*/
int req_page_or_reply(struct req *r, long def, long max, long *limit,
                      long *offset);
/*
** Say how long the whole list is: X-Total-Count, and a Link to the next
** page (the same path and arguments, offset moved on) when there is one.
*/
void req_page_headers(struct req *r, long total, long limit, long offset);
/* Start a JSON response (status 200, application/json). */
void req_json_begin(struct req *r);
/* req_json_begin, and j writing the body. */
void req_json(struct req *r, struct json *j);
/*
** Start a JSON response that is one page of a list of total items: as
** req_json_begin, with req_page_headers, and j writing the body.
*/
void req_json_page_begin(struct req *r, struct json *j, long total, long limit,
                         long offset);

/*
** For server.c, once at start before any request: the configured public
** address (NULL or "": none) and the n Host values the server listens as
** (at most REQ_OWN_HOSTS, each under 48 bytes, copied), which
** req_mail_url_or_reply accepts when no address is configured.
*/
#define REQ_OWN_HOSTS 6
void req_site_set(const char *site_url, const char *const *hosts, int n);
/*
** For server.c, when the headers are in: check that the path and every
** query argument are UTF-8. 0, or records a 400 on r and returns ERR_INPUT.
*/
int req_check_args(struct req *r);
/*
** For server.c, when the body is in, before dispatch: parse a form body
** (form.h). 0, or records a 400 (invalid UTF-8, too many fields, no
** boundary) on r and returns ERR_INPUT.
*/
int req_parse_body(struct req *r);

#endif
