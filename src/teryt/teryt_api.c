/* JSON beside the TERYT pages: the same data for scripts and other systems. */
#include <string.h>

#include "core/err.h"
#include "core/json.h"
#include "db/db.h"
#include "teryt.h"
#include "teryt_pages.h"

#define AUTOCOMPLETE_LIMIT 10
#define AUTOCOMPLETE_MAX_LIMIT 50

/*
** ROUTE: GET /api/teryt/wojewodztwa
** CAP: CAP_PUBLIC
** PARAMS: none
*/
int
api_teryt_woj_list(struct req *r)
{
    db_stmt *st = db_query(r->db, Q_WOJ_LIST);
    struct json j;
    int rc;

    req_json_begin(r);
    json_init(&j, &r->out);
    json_arr_begin(&j);
    while ((rc = db_step(st)) == DB_ROW) {
        json_obj_begin(&j);
        json_kstr(&j, "code", db_col_text(st, 0));
        json_kstr(&j, "name", db_col_text(st, 1));
        json_kint(&j, "powiaty", db_col_int(st, 2));
        json_kint(&j, "gminy", db_col_int(st, 3));
        json_obj_end(&j);
    }
    db_done(st);
    json_arr_end(&j);
    return rc == DB_DONE ? 0 : rc;
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
    db_stmt *st;
    struct json j;
    int rc;

    if (woj == NULL || strlen(woj) != 2 || strspn(woj, "0123456789") != 2) {
        return req_error(r, 400,
                         "Parametr „woj” musi być dwucyfrowym "
                         "kodem województwa.");
    }
    st = db_query(r->db, Q_POWIAT_LIST);
    db_bind_text(st, 1, woj);
    req_json_begin(r);
    json_init(&j, &r->out);
    json_arr_begin(&j);
    while ((rc = db_step(st)) == DB_ROW) {
        json_obj_begin(&j);
        json_kstr(&j, "code", db_col_text(st, 0));
        json_kstr(&j, "name", db_col_text(st, 1));
        json_kstr(&j, "kind", db_col_text(st, 2));
        json_kint(&j, "gminy", db_col_int(st, 3));
        json_obj_end(&j);
    }
    db_done(st);
    json_arr_end(&j);
    return rc == DB_DONE ? 0 : rc;
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
** PARAMS: q=text (autocomplete, prefix, diacritics ignored), limit=1..50;
**         or powiat=4 digits (every gmina of the powiat)
*/
int
api_teryt_gminy(struct req *r)
{
    const char *q = req_arg(r, "q"), *powiat = req_arg(r, "powiat");
    struct teryt_gmina *g;
    struct json j;
    long limit = AUTOCOMPLETE_LIMIT;
    int n, i, rc;

    if (powiat != NULL) {
        db_stmt *st;

        if (strlen(powiat) != 4 || strspn(powiat, "0123456789") != 4) {
            return req_error(r, 400,
                             "Parametr „powiat” musi być "
                             "czterocyfrowym kodem powiatu.");
        }
        st = db_query(r->db, Q_GMINA_LIST);
        db_bind_text(st, 1, powiat);
        req_json_begin(r);
        json_init(&j, &r->out);
        json_arr_begin(&j);
        while ((rc = db_step(st)) == DB_ROW) {
            gmina_json(&j, db_col_text(st, 0), db_col_text(st, 1),
                       (int)db_col_int(st, 2), NULL, NULL);
        }
        db_done(st);
        json_arr_end(&j);
        return rc == DB_DONE ? 0 : rc;
    }
    if (q == NULL) {
        return req_error(r, 400,
                         "Podaj parametr „q” (początek nazwy gminy) "
                         "albo „powiat”.");
    }
    if (req_arg(r, "limit") != NULL &&
        req_int_or_reply(r, "limit", 1, AUTOCOMPLETE_MAX_LIMIT, &limit)) {
        return ERR_INPUT;
    }
    n = teryt_search(r->db, &r->arena, q, (int)limit, &g);
    if (n < 0) {
        return n;
    }
    req_json_begin(r);
    /* Autocomplete answers repeat; let the browser keep them a while. */
    req_add_header(r, "Cache-Control", "public, max-age=300");
    json_init(&j, &r->out);
    json_arr_begin(&j);
    for (i = 0; i < n; i++) {
        gmina_json(&j, g[i].teryt, g[i].name, g[i].rodz, g[i].powiat_name,
                   g[i].woj_name);
    }
    json_arr_end(&j);
    return 0;
}
