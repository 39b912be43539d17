/*
** The LPDI register's indicator for the observatory (issue 20): whether
** each gmina and each powiat of the region has adopted its local plan of
** deinstitutionalisation, as the register holds it today (no entry: not
** adopted). A city with powiat rights is one local government: its
** gmina's entry is also its powiat's. Listed in module.inc; see
** observatory/observatory.h.
*/
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/warsaw.h"
#include "observatory/observatory.h"
#include "teryt/teryt.h"
#include "training/strings_pl.h"
#include "training/training.h"

static int
lpdi(struct db *db, struct arena *a, const char *region, struct obs_value **out)
{
    struct training_lpdi *u;
    struct teryt_powiat *p;
    struct tm now;
    int nu, np, n = 0, i, k, year;

    *out = NULL;
    warsaw_tm((int64_t)time(NULL), &now);
    year = now.tm_year + 1900;
    if ((nu = training_lpdi_units(db, a, region, &u)) < 0) {
        return nu;
    }
    if ((np = teryt_powiats(db, a, region, &p)) < 0) {
        return np;
    }
    for (i = 0; i < nu; i++) {
        obs_push(a, out, &n, u[i].unit, year, u[i].adopted ? 1 : 0);
    }
    for (k = 0; k < np; k++) {
        if (strcmp(p[k].kind, V_TR_POWIAT_KIND) == 0) {
            continue; /* a powiat of its own: in the register */
        }
        for (i = 0; i < nu; i++) {
            if (!u[i].powiat && strcmp(u[i].powiat_code, p[k].code) == 0) {
                obs_push(a, out, &n, p[k].code, year, u[i].adopted ? 1 : 0);
            }
        }
    }
    return n;
}

const struct obs_indicator training_obs_lpdi = {
    .code = "plany-deinstytucjonalizacji",
    .title = T_TR_OBS_LPDI,
    .unit = T_TR_OBS_LPDI_UNIT,
    .method = T_TR_OBS_LPDI_METHOD,
    .kind = OBS_FLAG,
    .per_resident = false,
    .yearly = false,
    .values = lpdi,
};
