/* The administrators' page of regions and the crisis lines' HTML. */
#ifndef REGION_REGION_PAGES_H
#define REGION_REGION_PAGES_H

#include "http/http.h"

/*
** The crisis lines a resident of region woj should call, as a list with
** tel: links: the region's helplines (of every region served when woj is
** NULL) and then the national lines. Returns 0 or a store error.
*/
int region_html_lines(struct req *r, const char *woj);

#endif
