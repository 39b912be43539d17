/* The TERYT module's hook for rodzina init (its module.inc). */
#include <stdio.h>

#include "core/arena.h"
#include "core/str.h"
#include "db/db.h"
#include "teryt/teryt.h"

/*
** Load the TERYT register into a database that has none yet, and print
** what the database holds. 0, or 1 with a message on stderr.
*/
int
teryt_init(struct db *db, struct arena *a, const char *path)
{
    struct teryt_counts c;
    char safe[512];

    if (teryt_counts(db, &c) != 0) {
        fprintf(stderr, "rodzina init: cannot read %s\n", path);
        return 1;
    }
    if (c.gmina == 0) {
        if (teryt_load(db, a) != 0 || teryt_counts(db, &c) != 0) {
            fprintf(stderr, "rodzina init: loading TERYT failed\n");
            return 1;
        }
    }
    printf("database %s: schema %d, TERYT %ld voivodeships, %ld powiats, "
           "%ld gminas\n",
           str_safe_uri(path, safe, sizeof(safe)), db_schema_version(db),
           (long)c.woj, (long)c.powiat, (long)c.gmina);
    return 0;
}
