/* Pages and JSON of programmes and plans (routes in routes.inc). */
#ifndef PLAN_PAGES_H
#define PLAN_PAGES_H

#include <stdbool.h>
#include <stdint.h>

#include "http/http.h"
#include "plan.h"

/*
** 0 when this reader may see plan id (published, or of the account's
** region with CAP_PLAN_READ), with its version; otherwise records a 404
** (a plan one may not see is not said to exist) and returns the error.
*/
int plan_visible_or_reply(struct req *r, int64_t id, int64_t *version);
/* Who makes a change by this request, for its audit row. */
struct audit_entry plan_who(struct req *r);
/* The trail Plans › plan id (title) › here, above a page of one plan. */
void plan_crumbs(struct req *r, int64_t id, const char *title,
                 const char *here);
/*
** A number cell as the document would print it or, input set, as an editor
** types it again; the text in a.
*/
const char *plan_num_text(struct arena *a, const struct plan_num *n, bool money,
                          bool input);
/* Whether the account may edit plans of region. */
bool plan_may_edit(struct req *r, const char *region);

#endif
