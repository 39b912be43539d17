/*
** Every route of the program: the lines of each module's routes.inc, in the
** order of src/modules.def. A path that is not there does not exist.
** tests/tools/check_source.py compares each handler's ROUTE and CAP header
** comment with those lines.
*/
#include "router.h"

/* Every module's handlers and routes, through src/modules.def. */
#include "modules_handlers.h"

#define ROUTE(m, p, h, c) {m, p, h, c, #h, false, false},
/* A route whose body is a file: only it gets the upload body limit, and
 * only once the caller's capability is checked. It is long work too. */
#define ROUTE_UPLOAD(m, p, h, c) {m, p, h, c, #h, true, true},
/* Long work (a report, statistics over many rows, an export): it runs on
 * the server's long-work threads, so that it never holds a worker that
 * short requests need (http/server.c). */
#define ROUTE_LONG(m, p, h, c) {m, p, h, c, #h, false, true},

/* One route per line, as a table: clang-format leaves it alone. */
/* clang-format off */
const struct route routes[] = {
#include "modules_routes.inc"
};
/* clang-format on */

const int routes_count = sizeof(routes) / sizeof(routes[0]);
