/*
** rodzina init: create a database (or upgrade an old one), load the TERYT
** units once, and with --demo add the regions and documents of the seeds
** so a newcomer has something to click through.
*/
#include <stdio.h>

#include "cli.h"
#include "core/arena.h"
#include "core/err.h"
#include "db/db.h"
#include "demo/demo.h"
#include "teryt/teryt.h"

const char cmd_init_help[] =
    "usage: rodzina init [--db PATH] [--demo]\n"
    "\n"
    "Create the database (or bring an older one to this version's schema)\n"
    "and load the TERYT register of voivodeships, powiats and gminas.\n"
    "\n"
    "  --db PATH  database file (default rodzina.db)\n"
    "  --demo     also add the demonstration data: the regions\n"
    "             kujawsko-pomorskie and malopolskie and the seed documents\n";

int
cmd_init(int argc, char **argv)
{
    const char *path = "rodzina.db";
    bool demo = false;
    const struct cli_opt opts[] = {
        {"db", &path, NULL, 0},
        {"demo", NULL, &demo, 0},
        {NULL, NULL, NULL, 0},
    };
    const char *pos[1];
    struct teryt_counts c;
    struct arena a;
    struct db *db;
    char err[512];
    int npos, rc, status = 1;

    if ((rc = cli_parse("init", argc, argv, opts, 0, 0, pos, &npos)) != 0) {
        return rc;
    }
    if (db_open(path, DB_OPEN_CREATE, &db, err, sizeof(err)) != 0) {
        fprintf(stderr, "rodzina init: %s\n", err);
        return 1;
    }
    arena_init(&a);
    if (teryt_counts(db, &c) != 0) {
        fprintf(stderr, "rodzina init: cannot read %s\n", path);
        goto done;
    }
    if (c.gmina == 0) {
        if (teryt_load(db, &a) != 0 || teryt_counts(db, &c) != 0) {
            fprintf(stderr, "rodzina init: loading TERYT failed\n");
            goto done;
        }
    }
    printf("database %s: schema %d, TERYT %ld voivodeships, %ld powiats, "
           "%ld gminas\n",
           path, db_schema_version(db), (long)c.woj, (long)c.powiat,
           (long)c.gmina);
    if (demo && demo_load(db, &a) != 0) {
        fprintf(stderr, "rodzina init: loading the demo data failed\n");
        goto done;
    }
    status = 0;
done:
    arena_free(&a);
    db_close(db);
    return status;
}
