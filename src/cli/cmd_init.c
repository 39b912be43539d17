/*
** rodzina init: create a database (or upgrade an old one), run each
** module's INIT hook (TERYT loads its units once), and with --demo add the
** regions and documents of the seeds so a newcomer has something to click
** through.
*/
#include <stdio.h>

#include "cli.h"
#include "core/arena.h"
#include "core/err.h"
#include "db/db.h"
#include "demo.h"

/* What each module does to every database init opens (its INIT hook). */
#define INIT(fn) int fn(struct db *db, struct arena *a, const char *path);
#include "modules.inc"

static int (*const init_hooks[])(struct db *db, struct arena *a,
                                 const char *path) = {
#define INIT(fn) fn,
#include "modules.inc"
};

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
    size_t i;
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
    for (i = 0; i < sizeof(init_hooks) / sizeof(init_hooks[0]); i++) {
        if (init_hooks[i](db, &a, path) != 0) {
            goto done;
        }
    }
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
