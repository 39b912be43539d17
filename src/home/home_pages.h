/* The home page, the regions API and the pages of parts not built yet. */
#ifndef HOME_PAGES_H
#define HOME_PAGES_H

#include "http/http.h"

int page_home(struct req *r);
int api_regions(struct req *r);
int page_not_built(struct req *r);

#endif
