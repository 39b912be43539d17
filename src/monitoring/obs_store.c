/*
** The registers' indicator for the observatory (issue 20): participants
** of trainings, conferences and workshops by the gmina where the event
** took place and its year. Listed in module.inc; see
** observatory/observatory.h.
*/
#include "core/arena.h"
#include "db/db.h"
#include "monitoring/strings_pl.h"
#include "observatory/observatory.h"

static int
participants(struct db *db, struct arena *a, const char *region,
             struct obs_value **out)
{
    db_stmt *st = db_query(db, Q_MON_OBS_PARTICIPANTS);
    int rc, n = 0;

    *out = NULL;
    db_bind_text(st, 1, region);
    while ((rc = db_step(st)) == DB_ROW) {
        obs_push(a, out, &n, db_col_text_dup(a, st, 0), (int)db_col_int(st, 1),
                 db_col_int(st, 2));
    }
    db_done(st);
    return rc == DB_DONE ? n : rc;
}

const struct obs_indicator monitoring_obs_participants = {
    .code = "uczestnicy-szkolen",
    .title = T_MON_OBS_PARTICIPANTS,
    .unit = T_MON_OBS_PARTICIPANTS_UNIT,
    .method = T_MON_OBS_PARTICIPANTS_METHOD,
    .per_resident = true,
    .yearly = true,
    .values = participants,
};
