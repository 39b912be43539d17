/*
** rodzina backup FILE and rodzina restore FILE. A backup is a consistent
** copy of the live database made with SQLite's online backup API (servers
** keep serving), checked after writing and recorded in the database with
** an audit row. A restore checks the file first (integrity, foreign keys,
** schema version), keeps a safety copy of the current database, then
** replaces its content in one transaction and upgrades its schema. On
** PostgreSQL the copy is a pg_dump archive and the engine checks it
** (db_pg.c); the checks of a database are then those of the live one.
*/
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth/auth.h"
#include "cli/cli.h"
#include "core/config.h"
#include "core/str.h"
#include "db/db.h"
#include "ops/ops.h"

const char cmd_backup_help[] =
    "usage: rodzina backup FILE [--config FILE] [--db PATH]\n"
    "\n"
    "Write a consistent copy of the database to FILE while servers keep\n"
    "running (SQLite online backup API: every write acknowledged before the\n"
    "copy began is in it, none after). The copy is written beside FILE,\n"
    "checked (integrity_check), synced and renamed into place, so FILE is\n"
    "complete or absent. The backup is recorded in the database (time,\n"
    "file, size) and shown to administrators at /system.\n"
    "\n"
    "On PostgreSQL (--db postgresql://...) FILE is a pg_dump archive (custom\n"
    "format, one snapshot while servers write), read back whole before it\n"
    "takes its name; the database's own checks (check-db) run too.\n"
    "\n"
    "  --config FILE  configuration file, for its db key\n"
    "  --db PATH      database file (default: the configuration's db)\n";

const char cmd_restore_help[] =
    "usage: rodzina restore FILE [--config FILE] [--db PATH]\n"
    "                            [--no-safety-copy]\n"
    "\n"
    "Replace the database by the backup FILE. FILE is checked first\n"
    "(integrity_check, foreign_key_check, a schema version this program\n"
    "knows); a bad file changes nothing. The current database is copied to\n"
    "PATH.before-restore, then its content is replaced in one transaction\n"
    "(a crash leaves the old content) and the schema upgraded if FILE is\n"
    "older. Stop the service first: running servers would keep serving\n"
    "sessions of the replaced database.\n"
    "\n"
    "On PostgreSQL FILE is an archive made by backup (pg_dump): it is read\n"
    "whole and its schema version checked first, then pg_restore replaces\n"
    "the content in one transaction; the safety copy is an archive\n"
    "FILE.before-restore beside FILE.\n"
    "\n"
    "  --config FILE     configuration file, for its db key\n"
    "  --db PATH         database file (default: the configuration's db)\n"
    "  --no-safety-copy  do not copy the current database first\n";

static const char *
os_account(void)
{
    struct passwd *pw = getpwuid(geteuid());

    return pw != NULL ? pw->pw_name : NULL;
}

/* FILE made absolute (its folder must exist), into out. */
static int
absolute(const char *file, char *out, size_t n)
{
    char dir[PATH_MAX], real[PATH_MAX];
    const char *slash = strrchr(file, '/');
    const char *base = slash ? slash + 1 : file;

    if (*base == '\0') {
        return -1;
    }
    if (slash == NULL) {
        snprintf(dir, sizeof(dir), ".");
    } else if (slash == file) {
        snprintf(dir, sizeof(dir), "/");
    } else {
        snprintf(dir, sizeof(dir), "%.*s", (int)(slash - file), file);
    }
    if (realpath(dir, real) == NULL) {
        return -1;
    }
    snprintf(out, n, "%s%s%s", real, strcmp(real, "/") == 0 ? "" : "/", base);
    return 0;
}

static int
load(const char *cmd, const char *file, const char *db, struct config *c)
{
    const char *flags[CONFIG_KEY_COUNT] = {0};
    char err[600];

    flags[CONFIG_DB] = db;
    if (config_load(c, file, flags, err, sizeof(err)) != 0) {
        fprintf(stderr, "rodzina %s: %s\n", cmd, err);
        config_free(c);
        return 1;
    }
    return 0;
}

/* A SQLite database is a file; a PostgreSQL one is a server's. */
static bool
is_file(const char *db)
{
    return strcmp(db_engine_name(db), "sqlite") == 0;
}

static void
print_problem(void *arg, const char *text)
{
    fprintf(stderr, "rodzina %s: %s\n", (const char *)arg, text);
}

int
cmd_backup(int argc, char **argv)
{
    const char *file = NULL, *db = NULL;
    const struct cli_opt opts[] = {
        {"config", &file, NULL, 0},
        {"db", &db, NULL, 0},
        {NULL, NULL, NULL, 0},
    };
    char dest[PATH_MAX + 256], err[600], safe[512];
    const char *pos[1], *shown;
    struct config c;
    struct db *h;
    int64_t bytes = 0;
    int npos, rc, version = -1;

    if ((rc = cli_parse("backup", argc, argv, opts, 1, 1, pos, &npos)) != 0) {
        return rc;
    }
    if (load("backup", file, db, &c) != 0) {
        return 1;
    }
    shown = str_safe_uri(c.value[CONFIG_DB], safe, sizeof(safe));
    if (absolute(pos[0], dest, sizeof(dest)) != 0) {
        fprintf(stderr, "rodzina backup: %s: no such folder\n", pos[0]);
        config_free(&c);
        return 1;
    }
    if (is_file(c.value[CONFIG_DB]) && access(c.value[CONFIG_DB], R_OK) != 0) {
        fprintf(stderr, "rodzina backup: cannot read %s\n", shown);
        config_free(&c);
        return 1;
    }
    if (db_backup_file(c.value[CONFIG_DB], dest, &bytes, err, sizeof(err)) !=
        0) {
        fprintf(stderr, "rodzina backup: %s\n", err);
        config_free(&c);
        return 1;
    }
    /* A PostgreSQL archive was read back whole by the engine: what is left
     * to check is the database it was taken from. */
    rc = db_check_file(is_file(c.value[CONFIG_DB]) ? dest : c.value[CONFIG_DB],
                       print_problem, "backup", &version, err, sizeof(err));
    if (rc != 0) {
        fprintf(stderr, "rodzina backup: %s %s fails its check%s%s\n",
                is_file(c.value[CONFIG_DB]) ? "the copy" : "the database of",
                is_file(c.value[CONFIG_DB]) ? dest : shown, rc < 0 ? ": " : "",
                rc < 0 ? err : "");
        config_free(&c);
        return 1;
    }
    /* Recording needs the current schema; an older database (before an
     * upgrade) is copied but left untouched. */
    if (version == db_latest_version()) {
        if (db_open(c.value[CONFIG_DB], 0, &h, err, sizeof(err)) != 0 ||
            ops_backup_record(h, dest, bytes, version, os_account()) != 0) {
            fprintf(stderr,
                    "rodzina backup: copy written to %s but not "
                    "recorded: %s\n",
                    dest, err);
            if (h != NULL) {
                db_close(h);
            }
            config_free(&c);
            return 1;
        }
        db_close(h);
    } else {
        fprintf(stderr,
                "rodzina backup: schema version %d differs from "
                "this program's %d: copy not recorded in the database\n",
                version, db_latest_version());
    }
    printf("backup of %s written to %s: %lld bytes, schema version %d, "
           "integrity ok\n",
           shown, dest, (long long)bytes, version);
    config_free(&c);
    return 0;
}

int
cmd_restore(int argc, char **argv)
{
    const char *file = NULL, *db = NULL;
    bool no_copy = false;
    const struct cli_opt opts[] = {
        {"config", &file, NULL, 0},
        {"db", &db, NULL, 0},
        {"no-safety-copy", NULL, &no_copy, 0},
        {NULL, NULL, NULL, 0},
    };
    char err[600], after[200], safe[512];
    const char *pos[1], *target, *shown;
    struct config c;
    struct db *h = NULL;
    int npos, rc, version = -1, latest = db_latest_version();

    if ((rc = cli_parse("restore", argc, argv, opts, 1, 1, pos, &npos)) != 0) {
        return rc;
    }
    if (load("restore", file, db, &c) != 0) {
        return 1;
    }
    target = c.value[CONFIG_DB];
    shown = str_safe_uri(target, safe, sizeof(safe));
    if (access(pos[0], R_OK) != 0) {
        fprintf(stderr, "rodzina restore: cannot read %s\n", pos[0]);
        goto fail;
    }
    /* A PostgreSQL archive is checked by the engine as it restores it. */
    rc = is_file(target) ? db_check_file(pos[0], print_problem, "restore",
                                         &version, err, sizeof(err))
                         : 0;
    if (rc != 0) {
        fprintf(stderr,
                "rodzina restore: %s fails its check%s%s; nothing "
                "changed\n",
                pos[0], rc < 0 ? ": " : "", rc < 0 ? err : "");
        goto fail;
    }
    if (is_file(target) && (version < 1 || version > latest)) {
        fprintf(stderr,
                "rodzina restore: %s has schema version %d; this "
                "program knows 1..%d; nothing changed\n",
                pos[0], version, latest);
        goto fail;
    }
    if (!no_copy && (!is_file(target) || access(target, F_OK) == 0)) {
        char safety[PATH_MAX + 32];
        int64_t bytes;

        snprintf(safety, sizeof(safety), "%s.before-restore",
                 is_file(target) ? target : pos[0]);
        if (db_backup_file(target, safety, &bytes, err, sizeof(err)) != 0) {
            fprintf(stderr,
                    "rodzina restore: safety copy of %s: %s; "
                    "nothing changed\n",
                    shown, err);
            goto fail;
        }
        printf("current database copied to %s (%lld bytes)\n", safety,
               (long long)bytes);
    }
    if (db_restore_file(pos[0], target, err, sizeof(err)) != 0) {
        fprintf(stderr, "rodzina restore: %s\n", err);
        goto fail;
    }
    /* Opening applies the migrations a backup from an older version
     * lacks; the audit row goes into the restored database. */
    if (db_open(target, 0, &h, err, sizeof(err)) != 0) {
        fprintf(stderr, "rodzina restore: restored, but: %s\n", err);
        goto fail;
    }
    if (!is_file(target)) {
        version = db_schema_version(h); /* the archive's, now upgraded */
    }
    snprintf(after, sizeof(after), "{\"schema_version\":%d}", version);
    {
        struct audit_entry e = {
            .account = os_account(),
            .via = "cli",
            .action = "db.restore",
            .entity = "database",
            .entity_id = pos[0],
            .after = after,
        };

        if (audit_add(h, &e) != 0) {
            fprintf(stderr, "rodzina restore: restored, audit row not "
                            "written\n");
        }
    }
    printf("restored %s from %s (schema version %d, now %d)\n", shown, pos[0],
           version, db_schema_version(h));
    db_close(h);
    config_free(&c);
    return 0;
fail:
    config_free(&c);
    return 1;
}
