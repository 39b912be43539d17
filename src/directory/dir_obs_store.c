/*
** The directory's indicator for the observatory (issue 20): services by
** the gmina of the institution that offers them, as the directory holds
** them today. Listed in module.inc; see observatory/observatory.h.
*/
#include <time.h>

#include "core/arena.h"
#include "core/warsaw.h"
#include "db/db.h"
#include "directory/strings_pl.h"
#include "observatory/observatory.h"

static int
services(struct db *db, struct arena *a, const char *region,
         struct obs_value **out)
{
    db_stmt *st = db_query(db, Q_DIR_OBS_SERVICES);
    struct tm now;

    warsaw_tm((int64_t)time(NULL), &now);
    db_bind_text(st, 1, region);
    db_bind_int(st, 2, now.tm_year + 1900);
    return obs_read(a, st, out);
}

const struct obs_indicator directory_obs_services = {
    .code = "uslugi-w-katalogu",
    .title = T_DIR_OBS_SERVICES,
    .unit = T_DIR_OBS_SERVICES_UNIT,
    .method = T_DIR_OBS_SERVICES_METHOD,
    .per_resident = true,
    .yearly = false,
    .values = services,
};
