/* Services directory (issue 5): handlers named in routes.inc. */
#ifndef DIRECTORY_PAGES_H
#define DIRECTORY_PAGES_H

#include "http/http.h"

/* Public pages and API (dir_pages.c). */
int page_directory_search(struct req *r);
int page_directory_service(struct req *r);
int page_directory_print(struct req *r);
int page_directory_org(struct req *r);
int page_directory_hsds(struct req *r);
int api_directory_services(struct req *r);
int api_directory_service(struct req *r);

/* Coordinators' pages (dir_edit.c). */
int page_directory_admin(struct req *r);
int page_directory_export_csv(struct req *r);
int page_directory_import(struct req *r);
int page_directory_org_new(struct req *r);
int page_directory_org_create(struct req *r);
int page_directory_org_edit(struct req *r);
int page_directory_org_update(struct req *r);
int page_directory_org_remove(struct req *r);
int page_directory_service_new(struct req *r);
int page_directory_service_create(struct req *r);
int page_directory_service_edit(struct req *r);
int page_directory_service_update(struct req *r);
int page_directory_service_remove(struct req *r);

#endif
