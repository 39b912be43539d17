/*
** The route table (routes.c) and the dispatcher. A route is data: method,
** path pattern (":x" matches one segment), handler and the capability a
** caller needs. The dispatcher finds the route, answers 404/405, checks the
** capability, runs the handler and renders an error it recorded.
*/
#ifndef HTTP_ROUTER_H
#define HTTP_ROUTER_H

#include "http.h"

typedef int (*handler_fn)(struct req *r);

struct route {
    const char *method;
    const char *pattern;
    handler_fn handler;
    int cap;          /* access.h; 0 (no rule) is refused */
    const char *name; /* handler name, for logs and the route check */
    bool upload;      /* takes a file: the upload body limit applies */
    bool long_work;   /* runs on the long-work threads, not a worker */
};

extern const struct route routes[];
extern const int routes_count;

/* Run the request through the table; the response is left in r, or
 * nothing when the handler asked for a long-work thread (r->long_work
 * false and ERR_LONG returned: the caller queues it). */
void router_dispatch(struct req *r);
/*
** The route for method and path, or NULL; *path_known tells a 405 from a
** 404. Path parameters are stored in r.
*/
const struct route *router_find(struct req *r, const char *method,
                                const char *path, bool *path_known);
/*
** The capability check of route found for r (loads the session from the
** cookie): true when the caller may go on; else false with the refusal
** (redirect to /login, 401 or 403) rendered in r. r->db must be set.
*/
bool router_admit(struct req *r, const struct route *found);
/* Render r->status and r->error_message as a Polish page or JSON error. */
void router_render_error(struct req *r);

#endif
