/* Demo data; see demo.h. Idempotent: running it twice changes nothing. */
#include "demo.h"

#include <stdio.h>

#include "db/db.h"

struct demo_region {
    const char *woj;
    const char *office;
};

/* The offices that wrote the seed documents. */
static const struct demo_region regions[] = {
    {"04", "Regionalny Ośrodek Polityki Społecznej w Toruniu"},
    {"12", "Regionalny Ośrodek Polityki Społecznej w Krakowie"},
};

int
demo_load(struct db *db, struct arena *a)
{
    size_t i;
    int rc;

    (void)a;
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    for (i = 0; i < sizeof(regions) / sizeof(regions[0]); i++) {
        db_stmt *st = db_query(db, Q_REGION_UPSERT);

        db_bind_text(st, 1, regions[i].woj);
        db_bind_text(st, 2, regions[i].office);
        if ((rc = db_exec(st)) != 0) {
            db_rollback(db);
            return rc;
        }
    }
    if ((rc = db_commit(db)) != 0) {
        return rc;
    }
    printf("demo: %zu regions\n", sizeof(regions) / sizeof(regions[0]));
    return 0;
}
