/* Administrators' pages: accounts and the audit log. */
#ifndef USERS_PAGES_H
#define USERS_PAGES_H

#include "http/http.h"

int page_users(struct req *r);
int page_users_add(struct req *r);
int page_users_toggle(struct req *r);
int page_users_password(struct req *r);
int api_users(struct req *r);
int page_audit(struct req *r);
int page_audit_csv(struct req *r);
int api_audit(struct req *r);

#endif
