/* Pages and JSON of programmes and plans (routes in http/routes.c). */
#ifndef PLAN_PAGES_H
#define PLAN_PAGES_H

#include "http/http.h"

int page_plan_list(struct req *r);
int page_plan(struct req *r);
int api_plan_list(struct req *r);
int api_plan(struct req *r);
int page_plan_upload_form(struct req *r);
int page_plan_upload(struct req *r);
int page_plan_upload_confirm(struct req *r);
int page_plan_publish(struct req *r);
int api_plan_upload(struct req *r);
int page_plan_task_form(struct req *r);
int page_plan_task_save(struct req *r);

#endif
