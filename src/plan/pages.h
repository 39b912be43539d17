/* Pages and JSON of programmes and plans (routes in routes.inc). */
#ifndef PLAN_PAGES_H
#define PLAN_PAGES_H

#include <stdbool.h>
#include <stdint.h>

#include "http/http.h"

/*
** 0 when this reader may see plan id (published, or of the account's
** region with CAP_PLAN_READ), with its version; otherwise records a 404
** (a plan one may not see is not said to exist) and returns the error.
*/
int plan_visible_or_reply(struct req *r, int64_t id, int64_t *version);
/* Whether the account may edit plans of region. */
bool plan_may_edit(struct req *r, const char *region);

#endif
