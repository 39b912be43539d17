/* JSON beside the TERYT pages: the same data for scripts and other systems. */
#include <string.h>

#include "auth/auth.h"
#include "core/err.h"
#include "core/json.h"
#include "teryt.h"
#include "strings_pl.h"
#include "modules_handlers.h"

#define AUTOCOMPLETE_LIMIT 10
#define AUTOCOMPLETE_MAX_LIMIT 50

/* A JSON answer that is one array: begun on r->out through j. */
static void
array_begin(struct req *r, struct json *j)
{
    req_json(r, j);
    json_arr_begin(j);
}

/* A voivodeship or powiat of a list: kind NULL and powiaty < 0 left out. */
static void
unit_json(struct json *j, const char *code, const char *name, const char *kind,
          int64_t powiaty, int64_t gminy)
{
    json_obj_begin(j);
    json_kstr(j, "code", code);
    json_kstr(j, "name", name);
    if (kind != NULL) {
        json_kstr(j, "kind", kind);
    }
    if (powiaty >= 0) {
        json_kint(j, "powiaty", powiaty);
    }
    json_kint(j, "gminy", gminy);
    json_obj_end(j);
}

/*
** ROUTE: GET /api/teryt/wojewodztwa
** CAP: CAP_PUBLIC
** PARAMS: none
*/
int
api_teryt_woj_list(struct req *r)
{
    struct teryt_woj *w;
    struct json j;
    int n = teryt_woj_list(r->db, &r->arena, &w), i;

    if (n < 0) {
        return n;
    }
    array_begin(r, &j);
    for (i = 0; i < n; i++) {
        unit_json(&j, w[i].code, w[i].name, NULL, w[i].powiaty, w[i].gminy);
    }
    json_arr_end(&j);
    return 0;
}

/*
** ROUTE: GET /api/teryt/powiaty
** CAP: CAP_PUBLIC
** PARAMS: woj=2 digits (required)
*/
int
api_teryt_powiaty(struct req *r)
{
    const char *woj = req_arg(r, "woj");
    struct teryt_powiat *p;
    struct json j;
    int n, i;

    if (woj == NULL || strlen(woj) != 2 || strspn(woj, "0123456789") != 2) {
        return req_error(r, 400, T_PLACES_ERR_WOJ);
    }
    if ((n = teryt_powiats(r->db, &r->arena, woj, &p)) < 0) {
        return n;
    }
    array_begin(r, &j);
    for (i = 0; i < n; i++) {
        unit_json(&j, p[i].code, p[i].name, p[i].kind, -1, p[i].gminy);
    }
    json_arr_end(&j);
    return 0;
}

/*
** A search's limit (1..max, *limit kept when not given) and the
** voivodeship to prefer: the woj argument, else the account's region
** (a consultant of 04 typing "lubic" means Lubicz, not Lubichowo).
*/
static int
search_args_or_reply(struct req *r, long max, long *limit, const char **out)
{
    const char *woj = req_arg(r, "woj");

    *out = NULL;
    if (req_arg(r, "limit") != NULL &&
        req_int_or_reply(r, "limit", 1, max, limit)) {
        return ERR_INPUT;
    }
    if (woj != NULL && *woj != '\0') {
        if (strlen(woj) != 2 || strspn(woj, "0123456789") != 2) {
            return req_error(r, 400, T_PLACES_ERR_WOJ);
        }
        *out = woj;
    } else if (r->user != NULL && r->user->region != NULL &&
               strlen(r->user->region) == 2) {
        *out = r->user->region;
    }
    return 0;
}

/*
** A search answer through j. Autocomplete answers repeat; let the browser
** keep them a while (its own, when the account's region ordered them).
*/
static void
search_answer_begin(struct req *r, const char *woj, struct json *j)
{
    req_json_begin(r);
    req_add_header(r, "Cache-Control",
                   woj != NULL && req_arg(r, "woj") == NULL
                       ? "private, max-age=300"
                       : "public, max-age=300");
    json_init(j, &r->out);
}

static void
gmina_json(struct json *j, const char *teryt, const char *name, int rodz,
           const char *powiat, const char *woj)
{
    json_obj_begin(j);
    json_kstr(j, "teryt", teryt);
    json_kstr(j, "name", name);
    json_kint(j, "rodz", rodz);
    json_kstr(j, "kind", teryt_rodz_name(rodz));
    json_kstr(j, "powiat", powiat);
    json_kstr(j, "woj", woj);
    json_obj_end(j);
}

/*
** ROUTE: GET /api/teryt/gminy
** CAP: CAP_PUBLIC
** PARAMS: q=text (autocomplete: gmina, locality or postal code, case,
**         diacritics and small misspellings forgiven), limit=1..50,
**         woj=2 digits (preferred voivodeship; default the account's);
**         or powiat=4 digits (every gmina of the powiat)
*/
int
api_teryt_gminy(struct req *r)
{
    const char *q = req_arg(r, "q"), *powiat = req_arg(r, "powiat");
    const char *woj = NULL;
    struct teryt_gmina *g;
    struct json j;
    long limit = AUTOCOMPLETE_LIMIT;
    int n, i;

    if (powiat != NULL) {
        if (strlen(powiat) != 4 || strspn(powiat, "0123456789") != 4) {
            return req_error(r, 400, T_TERYT_ERR_POWIAT);
        }
        if ((n = teryt_powiat_gminas(r->db, &r->arena, powiat, &g)) < 0) {
            return n;
        }
        array_begin(r, &j);
        for (i = 0; i < n; i++) {
            gmina_json(&j, g[i].teryt, g[i].name, g[i].rodz, NULL, NULL);
        }
        json_arr_end(&j);
        return 0;
    }
    if (q == NULL) {
        return req_error(r, 400, T_TERYT_ERR_Q);
    }
    if (search_args_or_reply(r, AUTOCOMPLETE_MAX_LIMIT, &limit, &woj) != 0) {
        return ERR_INPUT;
    }
    n = teryt_search_pref(&r->arena, q, woj, (int)limit, &g);
    if (n < 0) {
        return n;
    }
    search_answer_begin(r, woj, &j);
    json_arr_begin(&j);
    for (i = 0; i < n; i++) {
        gmina_json(&j, g[i].teryt, g[i].name, g[i].rodz, g[i].powiat_name,
                   g[i].woj_name);
    }
    json_arr_end(&j);
    return 0;
}

/*
** ROUTE: GET /api/places
** CAP: CAP_PUBLIC
** PARAMS: q=text (gmina, locality or postal code; "gmina X", "gm. X",
**         "m. X", case, diacritics and one or two wrong letters forgiven),
**         limit=1..50, woj=2 digits (preferred voivodeship; default the
**         account's)
*/
int
api_places(struct req *r)
{
    const char *q = req_arg(r, "q"), *woj;
    struct teryt_place *p;
    struct json j;
    long limit = AUTOCOMPLETE_LIMIT;
    int n, i;

    if (q == NULL || *q == '\0') {
        return req_error(r, 400, T_PLACES_ERR_Q);
    }
    if (search_args_or_reply(r, TERYT_PLACES_MAX, &limit, &woj) != 0) {
        return ERR_INPUT;
    }
    n = teryt_places_search(&r->arena, q, woj, (int)limit, &p);
    search_answer_begin(r, woj, &j);
    json_obj_begin(&j);
    json_key(&j, "results");
    json_arr_begin(&j);
    for (i = 0; i < n; i++) {
        json_obj_begin(&j);
        json_kstr(&j, "name", p[i].name);
        json_kstr(&j, "kind", teryt_place_kind_code(p[i].kind));
        json_kstr(&j, "gmina", p[i].gmina.teryt);
        json_kstr(&j, "gmina_name", p[i].gmina.name);
        json_kstr(&j, "gmina_kind", teryt_rodz_name(p[i].gmina.rodz));
        json_kstr(&j, "powiat_name", p[i].gmina.powiat_name);
        json_kstr(&j, "woj", p[i].gmina.woj_name);
        json_kstr(&j, "woj_code", p[i].gmina.woj_code);
        json_kint(&j, "closeness", p[i].closeness);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    return 0;
}
