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

int page_plan_list(struct req *r);
int page_plan(struct req *r);
int api_plan_list(struct req *r);
int api_plan(struct req *r);
int page_plan_upload_form(struct req *r);
int page_plan_upload(struct req *r);
int page_plan_upload_confirm(struct req *r);
int page_plan_publish(struct req *r);
int api_plan_upload(struct req *r);
int page_plan_task(struct req *r);
int page_plan_export(struct req *r);
int page_plan_new(struct req *r);
int page_plan_create(struct req *r);
int page_plan_edit(struct req *r);
int page_plan_edit_save(struct req *r);
int page_plan_task_new(struct req *r);
int page_plan_task_add(struct req *r);
int page_plan_task_save(struct req *r);
/* plan_items.c: the plan's structure, item forms, removal, archive. */
int page_plan_structure(struct req *r);
int page_plan_item_new(struct req *r);
int page_plan_item_add(struct req *r);
int page_plan_item(struct req *r);
int page_plan_item_save(struct req *r);
int page_plan_item_remove(struct req *r);
int page_plan_delete(struct req *r);
int page_plan_archive(struct req *r);

#endif
