/*
** The register of local plans of deinstitutionalisation (LPDI): a row per
** gmina or powiat of a region that has one recorded. The local
** governments themselves come from TERYT (teryt.h), so the share's
** denominator is every gmina and powiat of the region, recorded or not.
*/
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/str.h"
#include "core/warsaw.h"
#include "db/db.h"
#include "monitoring/monitoring.h"
#include "teryt/teryt.h"
#include "training/strings_pl.h"
#include "training/training.h"

#define RESOLUTION_MAX 200
#define URL_MAX 500

struct lpdi_row {
    const char *unit, *adopted_on, *resolution, *url;
    bool adopted;
};

static void
lpdi_row(struct arena *a, db_stmt *st, void *elem)
{
    struct lpdi_row *x = elem;

    x->unit = db_col_text_dup(a, st, 0);
    x->adopted = db_col_int(st, 1) != 0;
    x->adopted_on = db_col_text_dup(a, st, 2);
    x->resolution = db_col_text_dup(a, st, 3);
    x->url = db_col_text_dup(a, st, 4);
}

int
training_lpdi_units(struct db *db, struct arena *a, const char *region,
                    struct training_lpdi **out)
{
    struct teryt_gmina *g;
    struct teryt_powiat *p;
    struct lpdi_row *rows;
    struct training_lpdi *v;
    db_stmt *st = db_query(db, Q_TR_LPDI_LIST);
    int ng, np, nr, n = 0, i, k;

    db_bind_text(st, 1, region);
    if ((nr = db_list(st, a, sizeof(*rows), lpdi_row, &rows)) < 0) {
        return nr;
    }
    if ((ng = teryt_gminas(db, a, region, &g)) < 0) {
        return ng;
    }
    if ((np = teryt_powiats(db, a, region, &p)) < 0) {
        return np;
    }
    v = arena_alloc(a, sizeof(*v) * (size_t)(ng + np + 1));
    for (i = 0; i < ng; i++, n++) {
        v[n].unit = g[i].teryt;
        v[n].name = g[i].name;
        v[n].powiat_code = g[i].powiat_code;
    }
    for (i = 0; i < np; i++) {
        if (strcmp(p[i].kind, V_TR_POWIAT_KIND) != 0) {
            continue; /* a city with powiat rights: its gmina stands for it */
        }
        v[n].unit = p[i].code;
        v[n].name = p[i].name;
        v[n].powiat = true;
        v[n].powiat_code = p[i].code;
        n++;
    }
    for (i = 0; i < n; i++) {
        v[i].adopted_on = v[i].resolution = v[i].url = "";
        /* a region has a few hundred units: a scan is enough */
        for (k = 0; k < nr && strcmp(rows[k].unit, v[i].unit) != 0; k++) {
        }
        if (k < nr) {
            v[i].recorded = true;
            v[i].adopted = rows[k].adopted;
            v[i].adopted_on = rows[k].adopted_on;
            v[i].resolution = rows[k].resolution;
            v[i].url = rows[k].url;
        }
    }
    *out = v;
    return n;
}

static bool
url_ok(const char *s)
{
    size_t i;

    if (s[0] == '\0') {
        return true;
    }
    if ((!str_starts(s, "http://") && !str_starts(s, "https://")) ||
        strlen(s) > URL_MAX) {
        return false;
    }
    for (i = 0; s[i] != '\0'; i++) {
        if ((unsigned char)s[i] <= ' ' || s[i] == '"' || s[i] == '<' ||
            s[i] == '>') {
            return false;
        }
    }
    return true;
}

int
training_lpdi_set(struct db *db, struct arena *a, const struct audit_entry *who,
                  const char *region, const char *unit, bool adopted,
                  const char *adopted_on, const char *resolution,
                  const char *url, const char ***errs, int *nerrs)
{
    struct training_lpdi *units;
    struct audit_entry e = *who;
    char now[UTC_STAMP_SIZE];
    db_stmt *st;
    int n, i, rc;

    *nerrs = 0;
    resolution = str_trim(a, resolution ? resolution : "");
    url = str_trim(a, url ? url : "");
    adopted_on = adopted_on ? adopted_on : "";
    if ((n = training_lpdi_units(db, a, region, &units)) < 0) {
        return n;
    }
    for (i = 0; i < n && (unit == NULL || strcmp(units[i].unit, unit)); i++) {
    }
    if (i == n) {
        mon_add_err(a, errs, nerrs, T_TR_ERR_LPDI_UNIT);
    }
    if (adopted && !str_date_valid(adopted_on)) {
        mon_add_err(a, errs, nerrs, T_TR_ERR_LPDI_DATE);
    }
    if ((adopted && resolution[0] == '\0') ||
        strlen(resolution) > RESOLUTION_MAX) {
        mon_add_err(a, errs, nerrs, T_TR_ERR_LPDI_RESOLUTION);
    }
    if (!url_ok(url)) {
        mon_add_err(a, errs, nerrs, T_TR_ERR_LPDI_URL);
    }
    if (*nerrs > 0) {
        return ERR_INPUT;
    }
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    st = db_query(db, Q_TR_LPDI_SET);
    db_bind_text(st, 1, region);
    db_bind_text(st, 2, unit);
    db_bind_int(st, 3, adopted ? 1 : 0);
    db_bind_text(st, 4, adopted ? adopted_on : NULL);
    db_bind_text(st, 5, resolution);
    db_bind_text(st, 6, url);
    db_bind_text(st, 7, utc_stamp_now(now, false));
    if ((rc = db_exec(st)) == 0) {
        e.action = "training.lpdi";
        e.entity = "training_lpdi";
        e.entity_id = unit;
        e.before = units[i].recorded
                       ? arena_printf(a, "{\"adopted\":%s}",
                                      units[i].adopted ? "true" : "false")
                       : NULL;
        e.after =
            arena_printf(a, "{\"adopted\":%s,\"adopted_on\":\"%s\"}",
                         adopted ? "true" : "false", adopted ? adopted_on : "");
        rc = audit_add(db, &e);
    }
    return db_end(db, rc);
}

int
training_lpdi_share(struct db *db, struct arena *a, const char *region,
                    int64_t *adopted, int64_t *total, int64_t *recorded)
{
    struct training_lpdi *units;
    db_stmt *st;
    int n = training_lpdi_units(db, a, region, &units), i;

    if (n < 0) {
        return n;
    }
    *total = n;
    *recorded = 0;
    for (i = 0; i < n; i++) {
        *recorded += units[i].recorded;
    }
    st = db_query(db, Q_TR_LPDI_ADOPTED);
    db_bind_text(st, 1, region);
    return db_one_int(st, adopted);
}
