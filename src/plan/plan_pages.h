/* Pages and JSON of programmes and plans (routes in http/routes.c). */
#ifndef PLAN_PAGES_H
#define PLAN_PAGES_H

#include "http/http.h"

int page_plan_list(struct req *r);
int page_plan(struct req *r);
int api_plan_list(struct req *r);
int api_plan(struct req *r);

#endif
