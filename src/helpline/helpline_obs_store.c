/*
** The helpline's indicators for the observatory (issue 20): contacts per
** gmina and year, and the gminas with an agreement in force in a year.
** Listed in module.inc as INDICATOR lines; see observatory/observatory.h.
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/warsaw.h"
#include "db/db.h"
#include "helpline/strings_pl.h"
#include "observatory/observatory.h"

static int
contacts(struct db *db, struct arena *a, const char *region,
         struct obs_value **out)
{
    db_stmt *st = db_query(db, Q_HL_OBS_CONTACTS);

    db_bind_text(st, 1, region);
    return obs_read(a, st, out);
}

/* 1 for each gmina and year its agreement is in force on a day of, from
 * the first agreement's year to this year. */
static int
agreements(struct db *db, struct arena *a, const char *region,
           struct obs_value **out)
{
    db_stmt *st = db_query(db, Q_HL_OBS_AGREEMENTS);
    struct tm now;
    int rc, n = 0, y;

    *out = NULL;
    warsaw_tm((int64_t)time(NULL), &now);
    db_bind_text(st, 1, region);
    while ((rc = db_step(st)) == DB_ROW) {
        const char *gmina = db_col_text_dup(a, st, 0);
        int from = atoi(db_col_text(st, 1));
        int to =
            *db_col_text(st, 2) ? atoi(db_col_text(st, 2)) : now.tm_year + 1900;

        for (y = from; y <= to && y <= now.tm_year + 1900; y++) {
            obs_push(a, out, &n, gmina, y, 1);
        }
    }
    db_done(st);
    return rc == DB_DONE ? n : rc;
}

const struct obs_indicator helpline_obs_contacts = {
    .code = "kontakty-niebieska-linia",
    .title = T_HL_OBS_CONTACTS,
    .unit = T_HL_OBS_CONTACTS_UNIT,
    .method = T_HL_OBS_CONTACTS_METHOD,
    .per_resident = true,
    .yearly = true,
    .values = contacts,
};

const struct obs_indicator helpline_obs_agreements = {
    .code = "porozumienia-niebieska-linia",
    .title = T_HL_OBS_AGREEMENTS,
    .unit = T_HL_OBS_AGREEMENTS_UNIT,
    .method = T_HL_OBS_AGREEMENTS_METHOD,
    .per_resident = false,
    .yearly = true,
    .values = agreements,
};
