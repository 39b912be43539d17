/* The home page and the regions API. */
#ifndef HOME_PAGES_H
#define HOME_PAGES_H

#include "http/http.h"

int page_home(struct req *r);
int api_regions(struct req *r);

#endif
