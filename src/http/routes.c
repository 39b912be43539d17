/*
** Every route of the program, one line each. A path that is not here does
** not exist. tests/tools/check_routes.sh compares each handler's ROUTE and
** CAP header comment with this table.
*/
#include "router.h"

#include "home/home_pages.h"
#include "teryt/teryt_pages.h"

#define ROUTE(m, p, h, c) {m, p, h, c, #h},

const struct route routes[] = {
    ROUTE("GET", "/", page_home, CAP_PUBLIC)
    ROUTE("GET", "/api/regions", api_regions, CAP_PUBLIC)
    ROUTE("GET", "/teryt", page_teryt_woj_list, CAP_PUBLIC)
    ROUTE("GET", "/teryt/szukaj", page_teryt_search, CAP_PUBLIC)
    ROUTE("GET", "/teryt/:woj", page_teryt_woj, CAP_PUBLIC)
    ROUTE("GET", "/teryt/:woj/:pow", page_teryt_powiat, CAP_PUBLIC)
    ROUTE("GET", "/api/teryt/wojewodztwa", api_teryt_woj_list, CAP_PUBLIC)
    ROUTE("GET", "/api/teryt/powiaty", api_teryt_powiaty, CAP_PUBLIC)
    ROUTE("GET", "/api/teryt/gminy", api_teryt_gminy, CAP_PUBLIC)
    ROUTE("GET", "/plany", page_not_built, CAP_PUBLIC)
    ROUTE("GET", "/monitoring", page_not_built, CAP_PUBLIC)
    ROUTE("GET", "/niebieska-linia", page_not_built, CAP_PUBLIC)
    ROUTE("GET", "/uslugi", page_not_built, CAP_PUBLIC)
    ROUTE("GET", "/rejestry", page_not_built, CAP_PUBLIC)
    ROUTE("GET", "/uzytkownicy", page_not_built, CAP_PUBLIC)
};

const int routes_count = sizeof(routes) / sizeof(routes[0]);
