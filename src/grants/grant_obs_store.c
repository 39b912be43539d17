/*
** The grants' indicators for the observatory (issue 20): the offers of
** open grant competitions funded once the results are published, and the
** sums awarded to them, per gmina of the place of realisation and the
** year the realisation starts. An offer's place is free text: it names a
** gmina when, whole or up to its first comma, it is exactly the name of a
** gmina, town, village or postcode of the region (TERYT) that lies in one
** gmina only; otherwise the offer counts in its organisation's gmina.
** Listed in module.inc; see observatory/observatory.h.
*/
#include <string.h>

#include "core/arena.h"
#include "core/str.h"
#include "db/db.h"
#include "grants/strings_pl.h"
#include "observatory/observatory.h"
#include "teryt/teryt.h"

/* The one gmina of region that text names exactly, or NULL. */
static const char *
named_gmina(struct arena *a, const char *text, const char *region)
{
    struct teryt_place *p;
    const char *hit = NULL;
    int n, i;

    if (*text == '\0') {
        return NULL;
    }
    n = teryt_places_search(a, text, region, TERYT_PLACES_MAX, &p);
    for (i = 0; i < n; i++) {
        if (p[i].closeness != 0 || strncmp(p[i].gmina.teryt, region, 2) != 0) {
            continue;
        }
        if (hit != NULL && strcmp(hit, p[i].gmina.teryt) != 0) {
            return NULL; /* two gminas of that name: not a place */
        }
        hit = p[i].gmina.teryt;
    }
    return hit;
}

/* The gmina of an offer's place (see above), else org_gmina. */
static const char *
place_gmina(struct arena *a, const char *place, const char *org_gmina,
            const char *region)
{
    const char *whole = str_trim(a, place), *comma = strchr(whole, ',');
    const char *g = named_gmina(a, whole, region);

    if (g == NULL && comma != NULL) {
        g = named_gmina(
            a, str_trim(a, arena_strndup(a, whole, (size_t)(comma - whole))),
            region);
    }
    return g != NULL ? g : org_gmina;
}

/* The funded offers of region: 1 each (money false) or the grosze. */
static int
funded(struct db *db, struct arena *a, const char *region, bool money,
       struct obs_value **out)
{
    db_stmt *st = db_query(db, Q_GRANT_OBS_FUNDED);
    int rc, n = 0;

    *out = NULL;
    db_bind_text(st, 1, region);
    while ((rc = db_step(st)) == DB_ROW) {
        const char *gmina = place_gmina(a, db_col_text(st, 0),
                                        db_col_text_dup(a, st, 1), region);

        obs_push(a, out, &n, gmina, (int)db_col_int(st, 2),
                 money ? db_col_int(st, 3) : 1);
    }
    db_done(st);
    return rc == DB_DONE ? n : rc;
}

static int
offers(struct db *db, struct arena *a, const char *region,
       struct obs_value **out)
{
    return funded(db, a, region, false, out);
}

static int
amounts(struct db *db, struct arena *a, const char *region,
        struct obs_value **out)
{
    return funded(db, a, region, true, out);
}

const struct obs_indicator grants_obs_offers = {
    .code = "dofinansowane-oferty",
    .title = T_GR_OBS_OFFERS,
    .unit = T_GR_OBS_OFFERS_UNIT,
    .method = T_GR_OBS_METHOD,
    .kind = OBS_COUNT,
    .per_resident = true,
    .yearly = true,
    .values = offers,
};

const struct obs_indicator grants_obs_amounts = {
    .code = "kwota-dotacji",
    .title = T_GR_OBS_AMOUNTS,
    .unit = T_GR_OBS_AMOUNTS_UNIT,
    .method = T_GR_OBS_METHOD,
    .kind = OBS_MONEY,
    .per_resident = true,
    .yearly = true,
    .values = amounts,
};
