/*
** The PostgreSQL engine of the store (see db_backend.h), on libpq: a path
** beginning postgresql:// or postgres:// is a connection URI. Statements
** are prepared on the server once per session and run with
** PQexecPrepared; a result is read whole, so a cursor over it never holds
** the connection. Parameters go as text (blobs as binary) and the server
** infers their types from the query. The only file that includes libpq.
**
** Transactions: a write transaction takes one advisory lock first, so
** writers are serialised across every process as SQLite's BEGIN IMMEDIATE
** serialises them; the code above was written for that guarantee.
**
** A lost connection is re-opened before the next statement; a statement
** that fails because the connection dropped is never re-sent (its write may
** have committed), so the caller sees an error and nothing acknowledged is
** lost or doubled.
*/
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <libpq-fe.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/embedded.h"
#include "core/err.h"
#include "core/log.h"
#include "core/str.h"
#include "db_backend.h"

extern char **environ;

/* pg_type oids of the types read specially. */
enum { OID_BOOL = 16, OID_BYTEA = 17 };

struct pg_conn {
    PGconn *c;
    int gen;            /* bumped by every re-open: prepared names die */
    unsigned next_name; /* for the names of prepared statements */
    const char *why;    /* the last error, or NULL: PQerrorMessage */
    char msg[512];      /* an error of ours, when why points here */
};

struct pg_stmt {
    struct pg_conn *pc;
    char *sql;
    char name[16]; /* "" for a one-off statement */
    int gen;       /* the connection generation it was prepared in */
    int nparams;
    char **vals; /* bound values, owned; NULL for NULL */
    int *lens, *fmts;
    PGresult *res;
    int row, nrows;
    unsigned char *blob; /* the last decoded bytea */
};

/* Drop the newline libpq ends its messages with. */
static void
chomp(char *s)
{
    size_t n = strlen(s);

    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' ')) {
        s[--n] = '\0';
    }
}

/* --- connections ------------------------------------------------------ */

static void
quiet_notice(void *arg, const char *message)
{
    (void)arg;
    (void)message; /* "relation exists, skipping" and the like */
}

/* The connection is usable, re-opened when it was lost. */
static bool
alive(struct pg_conn *pc)
{
    if (PQstatus(pc->c) == CONNECTION_OK) {
        return true;
    }
    PQreset(pc->c);
    if (PQstatus(pc->c) != CONNECTION_OK) {
        return false;
    }
    pc->gen++;
    db_note_reconnect();
    log_warn("store: connection to PostgreSQL re-opened");
    return true;
}

/*
** Text sorts and compares by the database's default collation wherever a
** query names none: time stamps, codes and keys compare byte by byte on
** SQLite, and a locale's collation (en_US.UTF-8 ignores punctuation at
** first) would order them differently. The Polish order is always asked
** for by name (COLLATE pl).
*/
static bool
binary_collation(struct pg_conn *pc, char *err, int errlen)
{
    /* An ICU default (datlocprovider 'i') is a locale's order too. */
    PGresult *r =
        PQexec(pc->c, "SELECT CASE WHEN datlocprovider = 'i' THEN "
                      "daticulocale ELSE datcollate END FROM pg_database "
                      "WHERE datname = current_database()");
    const char *c = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1
                        ? PQgetvalue(r, 0, 0)
                        : "?";
    bool ok = strcmp(c, "C") == 0 || strcmp(c, "POSIX") == 0 ||
              strncmp(c, "C.", 2) == 0;

    if (!ok) {
        snprintf(err, (size_t)errlen,
                 "the PostgreSQL database sorts text by the locale '%s'; "
                 "rodzina needs the C collation (it asks for Polish order "
                 "by name): create the database with createdb "
                 "--template=template0 --locale=C.UTF-8",
                 c);
    }
    PQclear(r);
    return ok;
}

static int
pg_open(const char *path, int flags, void **conn, char *err, int errlen)
{
    const char *keys[] = {"dbname", "client_encoding", "application_name",
                          "connect_timeout", NULL};
    const char *vals[] = {path, "UTF8", "rodzina", "10", NULL};
    struct pg_conn *pc = xcalloc(1, sizeof(*pc));

    pc->c = PQconnectdbParams(keys, vals, 1);
    if (pc->c == NULL || PQstatus(pc->c) != CONNECTION_OK) {
        /* The message names host and port, never the password. */
        snprintf(err, (size_t)errlen, "cannot connect to PostgreSQL: %s",
                 pc->c ? PQerrorMessage(pc->c) : "out of memory");
        chomp(err);
        PQfinish(pc->c);
        free(pc);
        return ERR_DB;
    }
    PQsetNoticeProcessor(pc->c, quiet_notice, NULL);
    if (!binary_collation(pc, err, errlen)) {
        PQfinish(pc->c);
        free(pc);
        return ERR_DB;
    }
    if (flags & DB_OPEN_READONLY) {
        PGresult *r = PQexec(pc->c, "SET default_transaction_read_only = on");

        PQclear(r);
    }
    *conn = pc;
    return 0;
}

static void
pg_close(void *conn)
{
    struct pg_conn *pc = conn;

    PQfinish(pc->c);
    free(pc);
}

/* Remember why r failed (or the connection's message). */
static void
set_error(struct pg_conn *pc, const PGresult *r)
{
    const char *m = r ? PQresultErrorMessage(r) : NULL;

    snprintf(pc->msg, sizeof(pc->msg), "%s",
             m != NULL && *m ? m : PQerrorMessage(pc->c));
    chomp(pc->msg);
    pc->why = pc->msg;
}

/* 23xxx: integrity constraint violation. */
static int
error_code(const PGresult *r)
{
    const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;

    return state != NULL && strncmp(state, "23", 2) == 0 ? ERR_CONFLICT
                                                         : ERR_DB;
}

static int
pg_exec(void *conn, const char *sql, char *err, int errlen)
{
    struct pg_conn *pc = conn;
    PGresult *r;
    int rc = 0;

    /* Re-open a lost connection only between transactions. */
    if (PQtransactionStatus(pc->c) != PQTRANS_INTRANS && !alive(pc)) {
        set_error(pc, NULL);
        if (err != NULL) {
            snprintf(err, (size_t)errlen, "%s", pc->msg);
        }
        return ERR_DB;
    }
    r = PQexec(pc->c, sql);
    if (PQresultStatus(r) != PGRES_COMMAND_OK &&
        PQresultStatus(r) != PGRES_TUPLES_OK) {
        set_error(pc, r);
        if (err != NULL) {
            snprintf(err, (size_t)errlen, "%s", pc->msg);
        }
        rc = ERR_DB;
    }
    PQclear(r);
    return rc;
}

static const char *
pg_errmsg(void *conn)
{
    struct pg_conn *pc = conn;

    return pc->why != NULL ? pc->why : PQerrorMessage(pc->c);
}

/* --- migration record ------------------------------------------------- */

/* Read one integer with a one-off query; -1 when it fails. */
static int64_t
query_int(struct pg_conn *pc, const char *sql)
{
    PGresult *r = PQexec(pc->c, sql);
    int64_t v = -1;

    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1) {
        v = PQgetisnull(r, 0, 0) ? 0 : strtoll(PQgetvalue(r, 0, 0), NULL, 10);
    } else {
        set_error(pc, r);
    }
    PQclear(r);
    return v;
}

/* An empty database is version 0, as an empty SQLite file is. */
static int
pg_version(void *conn)
{
    struct pg_conn *pc = conn;

    if (query_int(pc, "SELECT count(*) FROM pg_catalog.pg_tables WHERE "
                      "schemaname = current_schema() AND "
                      "tablename = 'schema_migration'") == 0) {
        return 0;
    }
    return (int)query_int(pc, "SELECT max(number) FROM schema_migration");
}

static int
pg_applied(void *conn, bool *applied, int max, bool writable, char *err,
           int errlen)
{
    struct pg_conn *pc = conn;
    PGresult *r;
    int i;

    if (writable &&
        pg_exec(pc,
                "CREATE TABLE IF NOT EXISTS schema_migration ("
                " number bigint PRIMARY KEY, name text NOT NULL,"
                " applied_at text NOT NULL DEFAULT to_char(now() AT TIME ZONE"
                " 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))",
                err, errlen) != 0) {
        return ERR_DB;
    }
    if (pg_version(pc) == 0) {
        return 0;
    }
    r = PQexec(pc->c, "SELECT number FROM schema_migration");
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        set_error(pc, r);
        snprintf(err, (size_t)errlen, "%s", pc->msg);
        PQclear(r);
        return ERR_DB;
    }
    for (i = 0; i < PQntuples(r); i++) {
        long num = strtol(PQgetvalue(r, i, 0), NULL, 10);

        if (num > max || num < 0) {
            snprintf(err, (size_t)errlen,
                     "migration %ld is applied but unknown to this program",
                     num);
            PQclear(r);
            return ERR_CONFLICT;
        }
        applied[num] = true;
    }
    PQclear(r);
    return 0;
}

static int
pg_record(void *conn, int number, const char *name, int version, char *err,
          int errlen)
{
    char sql[160];

    (void)version; /* the highest number is max(number) */
    snprintf(sql, sizeof(sql),
             "INSERT INTO schema_migration(number, name) VALUES (%d, "
             "'%.64s')",
             number, name);
    return pg_exec(conn, sql, err, errlen);
}

/* --- statements ------------------------------------------------------- */

/* Prepare s on its connection's current session; 0 or ERR_DB. */
static int
server_prepare(struct pg_stmt *s)
{
    struct pg_conn *pc = s->pc;
    PGresult *r = PQprepare(pc->c, s->name, s->sql, 0, NULL);
    int rc = 0;

    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
        set_error(pc, r);
        rc = ERR_DB;
    }
    PQclear(r);
    if (rc == 0 && s->vals == NULL) {
        r = PQdescribePrepared(pc->c, s->name);
        if (PQresultStatus(r) == PGRES_COMMAND_OK) {
            s->nparams = PQnparams(r);
        } else {
            set_error(pc, r);
            rc = ERR_DB;
        }
        PQclear(r);
        s->vals = xcalloc((size_t)s->nparams + 1, sizeof(*s->vals));
        s->lens = xcalloc((size_t)s->nparams + 1, sizeof(*s->lens));
        s->fmts = xcalloc((size_t)s->nparams + 1, sizeof(*s->fmts));
    }
    s->gen = pc->gen;
    return rc;
}

static void
clear_values(struct pg_stmt *s)
{
    int i;

    for (i = 0; s->vals != NULL && i < s->nparams; i++) {
        free(s->vals[i]);
        s->vals[i] = NULL;
        s->lens[i] = 0;
        s->fmts[i] = 0;
    }
}

static void
pg_reset(void *st, bool clear)
{
    struct pg_stmt *s = st;

    PQclear(s->res);
    s->res = NULL;
    PQfreemem(s->blob);
    s->blob = NULL;
    if (clear) {
        clear_values(s);
    }
}

static void
pg_finalize(void *st)
{
    struct pg_stmt *s = st;

    if (s == NULL) {
        return;
    }
    pg_reset(s, true);
    free(s->vals);
    free(s->lens);
    free(s->fmts);
    free(s->sql);
    free(s);
}

static int
pg_prepare(void *conn, const char *sql, bool keep, void **st)
{
    struct pg_conn *pc = conn;
    struct pg_stmt *s = xcalloc(1, sizeof(*s));

    s->pc = pc;
    s->sql = xstrdup(sql);
    if (keep) {
        snprintf(s->name, sizeof(s->name), "s%u", pc->next_name++);
    }
    if (!alive(pc) || server_prepare(s) != 0) {
        if (pc->why == NULL) {
            set_error(pc, NULL);
        }
        pg_finalize(s);
        *st = NULL;
        return ERR_DB;
    }
    *st = s;
    return 0;
}

static int
pg_bind(void *st, int n, const struct db_value *v)
{
    struct pg_stmt *s = st;
    char num[24];
    int i = n - 1;

    if (n < 1 || n > s->nparams) {
        return ERR_INPUT;
    }
    free(s->vals[i]);
    s->vals[i] = NULL;
    s->lens[i] = 0;
    s->fmts[i] = 0;
    switch (v->kind) {
    case DB_VALUE_NULL:
        break;
    case DB_VALUE_INT:
        snprintf(num, sizeof(num), "%lld", (long long)v->i);
        s->vals[i] = xstrdup(num);
        break;
    case DB_VALUE_TEXT:
        s->vals[i] = xstrdup(v->p);
        break;
    case DB_VALUE_BLOB:
        s->vals[i] = xmalloc(v->len + 1);
        memcpy(s->vals[i], v->p, v->len);
        s->lens[i] = (int)v->len;
        s->fmts[i] = 1; /* binary: the bytes as they are */
        break;
    }
    return 0;
}

/* Send the statement; its rows are then read from s->res. */
static int
run(struct pg_stmt *s)
{
    struct pg_conn *pc = s->pc;
    bool idle = PQtransactionStatus(pc->c) != PQTRANS_INTRANS;
    ExecStatusType status;

    pc->why = NULL;
    /* Between transactions a lost connection is re-opened first; inside
     * one, the transaction is gone and the error says so. */
    if (idle && !alive(pc)) {
        set_error(pc, NULL);
        return ERR_DB;
    }
    if (s->gen != pc->gen && server_prepare(s) != 0) {
        return error_code(NULL);
    }
    s->res = PQexecPrepared(pc->c, s->name, s->nparams,
                            (const char *const *)s->vals, s->lens, s->fmts, 0);
    status = PQresultStatus(s->res);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        int rc = error_code(s->res);

        set_error(pc, s->res);
        PQclear(s->res);
        s->res = NULL;
        return rc;
    }
    s->row = -1;
    s->nrows = PQntuples(s->res);
    return 0;
}

static int
pg_step(void *st)
{
    struct pg_stmt *s = st;
    int rc;

    if (s->res == NULL && (rc = run(s)) != 0) {
        return rc;
    }
    PQfreemem(s->blob);
    s->blob = NULL;
    if (s->row + 1 < s->nrows) {
        s->row++;
        return DB_ROW;
    }
    s->row = s->nrows;
    return DB_DONE;
}

static const char *
pg_col_text(void *st, int col)
{
    struct pg_stmt *s = st;

    if (s->res == NULL || s->row < 0 || s->row >= s->nrows ||
        col >= PQnfields(s->res) || PQgetisnull(s->res, s->row, col)) {
        return NULL;
    }
    return PQgetvalue(s->res, s->row, col);
}

/* As SQLite reads a number: its leading integer; a boolean as 1 or 0. */
static int64_t
pg_col_int(void *st, int col)
{
    struct pg_stmt *s = st;
    const char *t = pg_col_text(st, col);

    if (t == NULL) {
        return 0;
    }
    if (PQftype(s->res, col) == OID_BOOL) {
        return t[0] == 't';
    }
    return strtoll(t, NULL, 10);
}

static bool
pg_col_null(void *st, int col)
{
    return pg_col_text(st, col) == NULL;
}

static const void *
pg_col_blob(void *st, int col, size_t *len)
{
    struct pg_stmt *s = st;
    const char *t = pg_col_text(st, col);

    *len = 0;
    if (t == NULL) {
        return NULL;
    }
    if (PQftype(s->res, col) != OID_BYTEA) {
        *len = strlen(t);
        return t;
    }
    PQfreemem(s->blob);
    s->blob = PQunescapeBytea((const unsigned char *)t, len);
    return s->blob;
}

/* --- whole-database operations ---------------------------------------- */

/*
** The server's own tools do what SQLite's online backup does for a file:
** pg_dump takes one consistent snapshot while servers write, pg_restore
** replaces the content in one transaction. They come with Debian's
** postgresql-client; the newest installed version is used.
*/
static int
run_tool(const char *tool, char *const argv[], char *err, int errlen)
{
    char path[256];
    glob_t g;
    pid_t pid;
    int status;

    /* The newest installed version: the last match in version order. */
    snprintf(path, sizeof(path), "%s", tool); /* else from PATH */
    if (glob("/usr/lib/postgresql/*/bin", 0, NULL, &g) == 0) {
        size_t i, best = 0;

        for (i = 1; i < g.gl_pathc; i++) {
            if (strverscmp(g.gl_pathv[i], g.gl_pathv[best]) > 0) {
                best = i;
            }
        }
        snprintf(path, sizeof(path), "%s/%s", g.gl_pathv[best], tool);
        if (access(path, X_OK) != 0) {
            snprintf(path, sizeof(path), "%s", tool);
        }
        globfree(&g);
    }
    if (posix_spawnp(&pid, path, NULL, NULL, argv, environ) != 0) {
        snprintf(err, (size_t)errlen,
                 "cannot run %s: %s (install Debian's "
                 "postgresql-client)",
                 tool, strerror(errno));
        return ERR_IO;
    }
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0) {
        snprintf(err, (size_t)errlen, "%s failed (see its message above)",
                 tool);
        return ERR_DB;
    }
    return 0;
}

static int
pg_backup(const char *src, const char *dest, int64_t *bytes, char *err,
          int errlen)
{
    size_t tmplen = strlen(dest) + 32;
    char *tmp = xmalloc(tmplen);
    char *argv[] = {"pg_dump", "--format=custom", "--no-owner", "--file",
                    tmp,       "--dbname",        (char *)src,  NULL};
    struct stat stt;
    int rc, fd;

    snprintf(tmp, tmplen, "%s.tmp-%ld", dest, (long)getpid());
    rc = run_tool("pg_dump", argv, err, errlen);
    if (rc == 0) {
        fd = open(tmp, O_RDONLY);
        if (fd < 0 || fsync(fd) != 0 || rename(tmp, dest) != 0) {
            snprintf(err, (size_t)errlen, "cannot write %s: %s", dest,
                     strerror(errno));
            rc = ERR_IO;
        }
        if (fd >= 0) {
            close(fd);
        }
    }
    if (rc != 0) {
        unlink(tmp);
    }
    *bytes = rc == 0 && stat(dest, &stt) == 0 ? (int64_t)stt.st_size : 0;
    free(tmp);
    return rc;
}

/*
** What PRAGMA integrity_check and foreign_key_check tell of a SQLite file,
** for a server that enforces both itself: constraints not validated
** (added NOT VALID, or left so by a failed load) and invalid indexes.
*/
static int
pg_check(const char *path, void (*problem)(void *, const char *), void *arg,
         int *version, char *err, int errlen)
{
    static const char *const checks[] = {
        "SELECT 'constraint ' || conname || ' of ' || conrelid::regclass || "
        "' is not validated' FROM pg_constraint c JOIN pg_namespace n ON "
        "n.oid = c.connamespace WHERE n.nspname = current_schema() AND NOT "
        "c.convalidated",
        "SELECT 'index ' || indexrelid::regclass || ' is not valid' FROM "
        "pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN "
        "pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = "
        "current_schema() AND NOT (i.indisvalid AND i.indisready)",
    };
    struct pg_conn *pc;
    size_t k;
    int n = 0, i;

    if (pg_open(path, DB_OPEN_READONLY, (void **)&pc, err, errlen) != 0) {
        return ERR_DB;
    }
    *version = pg_version(pc);
    for (k = 0; k < sizeof(checks) / sizeof(checks[0]); k++) {
        PGresult *r = PQexec(pc->c, checks[k]);

        if (PQresultStatus(r) != PGRES_TUPLES_OK) {
            problem(arg, PQresultErrorMessage(r));
            n++;
        }
        for (i = 0; PQresultStatus(r) == PGRES_TUPLES_OK && i < PQntuples(r);
             i++) {
            problem(arg, PQgetvalue(r, i, 0));
            n++;
        }
        PQclear(r);
    }
    pg_close(pc);
    return n;
}

static int
pg_restore(const char *src, const char *dest, char *err, int errlen)
{
    char *argv[] = {"pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    "--dbname",
                    (char *)dest,
                    (char *)src,
                    NULL};

    return run_tool("pg_restore", argv, err, errlen);
}

static const char *const pg_schemes[] = {"postgresql://", "postgres://", NULL};

const struct db_backend db_pg = {
    .schemes = pg_schemes,
    .dialect = DB_DIALECT_POSTGRESQL,
    /* READ COMMITTED, and one writer at a time (see the top of the file). */
    .begin = "BEGIN; SELECT pg_advisory_xact_lock(7414)",
    .migrations = migrations_pg_files,
    .open = pg_open,
    .close = pg_close,
    .exec = pg_exec,
    .errmsg = pg_errmsg,
    .version = pg_version,
    .applied = pg_applied,
    .record = pg_record,
    .prepare = pg_prepare,
    .finalize = pg_finalize,
    .reset = pg_reset,
    .bind = pg_bind,
    .step = pg_step,
    .col_text = pg_col_text,
    .col_int = pg_col_int,
    .col_null = pg_col_null,
    .col_blob = pg_col_blob,
    .backup = pg_backup,
    .check = pg_check,
    .restore = pg_restore,
};
