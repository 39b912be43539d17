/*
** rodzina check-db: integrity and foreign-key checks of a database file,
** and its schema version against this program's. Reads only.
*/
#include <stdio.h>

#include "cli/cli.h"
#include "core/config.h"
#include "core/str.h"
#include "db/db.h"
#include "users/users.h"

const char cmd_check_db_help[] =
    "usage: rodzina check-db [--config FILE] [--db PATH]\n"
    "\n"
    "Check a database without changing it: SQLite's integrity_check (every\n"
    "page, index and constraint), foreign_key_check (every reference), and\n"
    "its schema version against this program's. Prints one line per\n"
    "problem and a summary; exit status 0 when healthy, 1 otherwise. Safe\n"
    "while serve runs.\n"
    "\n"
    "On PostgreSQL (--db postgresql://...) the server enforces pages,\n"
    "constraints and references itself; the checks are what it may have\n"
    "left unchecked: a constraint NOT VALID, an index not valid (a failed\n"
    "CREATE INDEX CONCURRENTLY).\n"
    "\n"
    "It also prints, as 'unlinked:' lines that do not fail the check, what\n"
    "the migration to ownership by id (0032) could not link: an account\n"
    "whose unit text names no implementer unit or organisation of its\n"
    "region exactly (it owns nothing until an administrator gives it its\n"
    "unit by number: rodzina user units), an award without organisation.\n"
    "\n"
    "  --config FILE  configuration file, for its db key\n"
    "  --db PATH      database file (default: the configuration's db)\n";

static void
print_unlinked_one(void *arg, const struct users_unlinked *u)
{
    (void)arg;
    printf("unlinked: %s %s (region %s) '%s': %s (since %s)\n", u->what, u->ref,
           u->region, u->text, u->reason, u->at);
}

/* What the migration to ownership by id left unlinked: count printed. */
static int
print_unlinked(const char *path)
{
    struct db *db;
    char err[600];
    int n;

    if (db_open(path, DB_OPEN_READONLY, &db, err, sizeof(err)) != 0) {
        return 0; /* an old or broken file: the checks above say so */
    }
    n = users_each_unlinked(db, print_unlinked_one, NULL);
    db_close(db);
    return n > 0 ? n : 0;
}

static void
print_problem(void *arg, const char *text)
{
    (void)arg;
    printf("problem: %s\n", text);
}

int
cmd_check_db(int argc, char **argv)
{
    const char *file = NULL, *flags[CONFIG_KEY_COUNT] = {0};
    const struct cli_opt opts[] = {
        {"config", &file, NULL, 0},
        {"db", &flags[CONFIG_DB], NULL, 0},
        {NULL, NULL, NULL, 0},
    };
    struct config c;
    const char *pos[1];
    char err[600], safe[512];
    int npos, rc, version = -1, latest = db_latest_version(), n, unlinked;

    if ((rc = cli_parse("check-db", argc, argv, opts, 0, 0, pos, &npos)) != 0) {
        return rc;
    }
    if (config_load(&c, file, flags, err, sizeof(err)) != 0) {
        fprintf(stderr, "rodzina check-db: %s\n", err);
        config_free(&c);
        return 1;
    }
    n = db_check_file(c.value[CONFIG_DB], print_problem, NULL, &version, err,
                      sizeof(err));
    if (n < 0) {
        fprintf(stderr, "rodzina check-db: %s\n", err);
        config_free(&c);
        return 1;
    }
    if (version > latest) {
        printf("problem: schema version %d is newer than this program's "
               "%d\n",
               version, latest);
        n++;
    } else if (version < 1) {
        printf("problem: not a rodzina database (schema version %d)\n",
               version);
        n++;
    }
    unlinked = print_unlinked(c.value[CONFIG_DB]);
    printf("%s: schema version %d (this program %d), %s",
           str_safe_uri(c.value[CONFIG_DB], safe, sizeof(safe)), version,
           latest, n == 0 ? "integrity ok, foreign keys ok" : "PROBLEMS FOUND");
    if (unlinked > 0) {
        printf(", %d unlinked by the migration to ownership by id", unlinked);
    }
    printf("\n");
    config_free(&c);
    return n == 0 ? 0 : 1;
}
