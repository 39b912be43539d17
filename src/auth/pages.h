/* Login and logout pages (routes in routes.inc). */
#ifndef AUTH_LOGIN_PAGES_H
#define AUTH_LOGIN_PAGES_H

#include "http/http.h"

int page_login(struct req *r);
int page_login_post(struct req *r);
int page_logout(struct req *r);

#endif
