/* Login and logout pages (routes in routes.inc). */
#ifndef AUTH_LOGIN_PAGES_H
#define AUTH_LOGIN_PAGES_H

/* The route table reads the capabilities (CAP_*) of every routes.inc. */
#include "auth/auth.h"
#include "http/http.h"

int page_login(struct req *r);
int page_login_post(struct req *r);
int page_logout(struct req *r);

#endif
