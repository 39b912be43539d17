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

    db_bind_text(st, 1, region);
    return obs_read(a, st, out);
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
