/* TERYT browsing pages and JSON API handlers (routes in routes.inc). */
#ifndef TERYT_PAGES_H
#define TERYT_PAGES_H

#include "http/http.h"

int page_teryt_woj_list(struct req *r);
int page_teryt_woj(struct req *r);
int page_teryt_powiat(struct req *r);
int page_teryt_search(struct req *r);
int api_teryt_woj_list(struct req *r);
int api_teryt_powiaty(struct req *r);
int api_teryt_gminy(struct req *r);
int api_places(struct req *r);

#endif
