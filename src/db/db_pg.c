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
** A lost connection is re-opened before the next statement outside a
** transaction: an idle session has nothing to read, so a terminated
** backend's farewell or the closed socket shows before anything is sent.
** A statement that fails because the connection dropped is never re-sent
** (its write may have committed), so the caller sees an error and nothing
** acknowledged is lost or doubled. Inside a transaction a lost connection
** fails every statement until the rollback: the rest must not run outside
** it. A COMMIT that the server turned into a rollback (an earlier
** statement failed) is an error, never a success.
*/
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <libpq-fe.h>
#include <poll.h>
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
    bool readonly;      /* DB_OPEN_READONLY: set again on a re-open */
    bool txn;           /* inside a transaction, as last seen */
    bool doomed;        /* the server said FATAL: it closes the session */
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

/* libpq's messages span lines (a hint on the next, tab-indented): one
 * line for a log line or an error message. */
static void
one_line(char *s)
{
    char *r = s, *w = s;

    for (; *r != '\0'; r++) {
        if (*r == '\n' || *r == '\t') {
            /* "...failed: refused\n\tIs the server running...?" */
            if (w > s && w[-1] != ' ') {
                *w++ = ' ';
            }
            continue;
        }
        *w++ = *r;
    }
    while (w > s && w[-1] == ' ') {
        w--;
    }
    *w = '\0';
}

/* --- connections ------------------------------------------------------ */

/* Notices ("relation exists, skipping") are dropped; an error that comes
 * while idle is one too, and FATAL means the session is ending. */
static void
on_notice(void *arg, const PGresult *r)
{
    struct pg_conn *pc = arg;
    const char *sev = PQresultErrorField(r, PG_DIAG_SEVERITY_NONLOCALIZED);

    if (sev != NULL && strcmp(sev, "FATAL") == 0) {
        pc->doomed = true;
    }
}

static void
set_readonly(struct pg_conn *pc)
{
    if (pc->readonly) {
        PQclear(PQexec(pc->c, "SET default_transaction_read_only = on"));
    }
}

/*
** Between transactions: the connection is usable, re-opened when it was
** lost. What an idle session has to read is read first, so that a
** terminated backend is noticed before a statement is sent to it.
*/
static bool
alive(struct pg_conn *pc)
{
    struct pollfd p = {.fd = PQsocket(pc->c), .events = POLLIN};
    int reads = 0;

    while (PQstatus(pc->c) == CONNECTION_OK && !pc->doomed && p.fd >= 0 &&
           reads++ < 8 && poll(&p, 1, 0) > 0) {
        if (!PQconsumeInput(pc->c)) {
            break;
        }
    }
    if (PQstatus(pc->c) == CONNECTION_OK && !pc->doomed) {
        return true;
    }
    PQreset(pc->c);
    pc->doomed = false;
    if (PQstatus(pc->c) != CONNECTION_OK) {
        return false;
    }
    set_readonly(pc);
    pc->gen++;
    db_note_reconnect();
    log_warn("store: connection to PostgreSQL re-opened");
    return true;
}

/* After a statement: whether the session is inside a transaction. A lost
 * connection leaves what was known, so the transaction is not forgotten. */
static void
note_txn(struct pg_conn *pc)
{
    PGTransactionStatusType t = PQtransactionStatus(pc->c);

    if (t != PQTRANS_UNKNOWN) {
        pc->txn = t == PQTRANS_INTRANS || t == PQTRANS_INERROR;
    }
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
        one_line(err);
        PQfinish(pc->c);
        free(pc);
        return ERR_DB;
    }
    PQsetNoticeReceiver(pc->c, on_notice, pc);
    if (!binary_collation(pc, err, errlen)) {
        PQfinish(pc->c);
        free(pc);
        return ERR_DB;
    }
    pc->readonly = (flags & DB_OPEN_READONLY) != 0;
    set_readonly(pc);
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
    one_line(pc->msg);
    pc->why = pc->msg;
}

/*
** Ready to send a statement: between transactions a lost connection is
** re-opened first; inside one, the transaction went with the connection,
** and every statement fails until the rollback. 0 or ERR_DB (pc->why).
*/
static int
ready(struct pg_conn *pc)
{
    if (pc->txn && PQstatus(pc->c) != CONNECTION_OK) {
        snprintf(pc->msg, sizeof(pc->msg),
                 "connection to PostgreSQL lost inside a transaction");
        pc->why = pc->msg;
        return ERR_DB;
    }
    if (!pc->txn && !alive(pc)) {
        set_error(pc, NULL);
        return ERR_DB;
    }
    return 0;
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
    bool commit = strcmp(sql, "COMMIT") == 0;
    PGresult *r;
    int rc = 0;

    /* The server rolled back what went with a lost connection. */
    if (pc->txn && PQstatus(pc->c) != CONNECTION_OK &&
        strcmp(sql, "ROLLBACK") == 0) {
        pc->txn = false;
        return 0;
    }
    if (ready(pc) != 0) {
        if (err != NULL) {
            snprintf(err, (size_t)errlen, "%s", pc->why);
        }
        return ERR_DB;
    }
    r = PQexec(pc->c, sql);
    note_txn(pc);
    if (PQresultStatus(r) != PGRES_COMMAND_OK &&
        PQresultStatus(r) != PGRES_TUPLES_OK) {
        set_error(pc, r);
        rc = ERR_DB;
    } else if (commit && strcmp(PQcmdStatus(r), "ROLLBACK") == 0) {
        /* An earlier statement failed: the server rolled back. */
        snprintf(pc->msg, sizeof(pc->msg),
                 "transaction aborted by an earlier error, rolled back");
        pc->why = pc->msg;
        rc = ERR_DB;
    }
    if (rc != 0 && err != NULL) {
        snprintf(err, (size_t)errlen, "%s", pc->why);
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

/* The highest $N of sql outside quoted text: the number of parameters
 * the server infers for it. */
static int
param_count(const char *sql)
{
    const char *p;
    char quote = 0;
    int most = 0;

    for (p = sql; *p; p++) {
        if (quote != 0) {
            quote = *p == quote ? 0 : quote;
        } else if (*p == '\'' || *p == '"') {
            quote = *p;
        } else if (*p == '$' && p[1] >= '1' && p[1] <= '9') {
            int n = 0;

            for (p++; *p >= '0' && *p <= '9' && n < 100000; p++) {
                n = n * 10 + (*p - '0');
            }
            most = n > most ? n : most;
            p--;
        }
    }
    return most;
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
    if (ready(pc) == 0 && server_prepare(s) == 0) {
        *st = s;
        return 0;
    }
    /* The connection is away (cut between the check and the prepare, or
    ** inside a transaction): a kept statement is prepared when it is first
    ** run on a session that works (run() sees its generation), and until
    ** then it fails as a statement does, never as a bug of the catalogue. */
    if (keep && PQstatus(pc->c) != CONNECTION_OK) {
        s->nparams = param_count(sql);
        free(s->vals);
        free(s->lens);
        free(s->fmts);
        s->vals = xcalloc((size_t)s->nparams + 1, sizeof(*s->vals));
        s->lens = xcalloc((size_t)s->nparams + 1, sizeof(*s->lens));
        s->fmts = xcalloc((size_t)s->nparams + 1, sizeof(*s->fmts));
        s->gen = -1;
        log_warn("store: a statement waits for the connection to "
                 "PostgreSQL: %s",
                 pc->why != NULL ? pc->why : PQerrorMessage(pc->c));
        *st = s;
        return 0;
    }
    if (pc->why == NULL) {
        set_error(pc, NULL);
    }
    pg_finalize(s);
    *st = NULL;
    return ERR_DB;
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
    ExecStatusType status;

    pc->why = NULL;
    if (ready(pc) != 0) {
        return ERR_DB;
    }
    if (s->gen != pc->gen && server_prepare(s) != 0) {
        return error_code(NULL);
    }
    s->res = PQexecPrepared(pc->c, s->name, s->nparams,
                            (const char *const *)s->vals, s->lens, s->fmts, 0);
    note_txn(pc);
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

/* Read every block of the archive file, as a restore would (into a
 * script thrown away): a truncated or damaged archive fails here. */
static int
archive_whole(const char *file, char *err, int errlen)
{
    char *argv[] = {"pg_restore", "--file=/dev/null", (char *)file, NULL};

    return run_tool("pg_restore", argv, err, errlen);
}

/*
** The schema version an archive holds: the highest number of its
** schema_migration rows, which pg_restore prints as COPY data (one row a
** line, the number first). -1 when it has none, ERR_* when unreadable.
*/
static int
archive_version(const char *file, char *err, int errlen)
{
    char tmp[] = "/tmp/rodzina-archive-XXXXXX", line[512];
    char *argv[] = {"pg_restore",       "--data-only", "--table",
                    "schema_migration", "--file",      tmp,
                    (char *)file,       NULL};
    int fd = mkstemp(tmp), version = -1, rc;
    bool rows = false;
    FILE *f;

    if (fd < 0) {
        snprintf(err, (size_t)errlen, "cannot make %s: %s", tmp,
                 strerror(errno));
        return ERR_IO;
    }
    close(fd);
    rc = run_tool("pg_restore", argv, err, errlen);
    f = rc == 0 ? fopen(tmp, "r") : NULL;
    while (f != NULL && fgets(line, sizeof(line), f) != NULL) {
        if (strncmp(line, "COPY ", 5) == 0) {
            rows = true;
        } else if (strncmp(line, "\\.", 2) == 0) {
            rows = false;
        } else if (rows && atoi(line) > version) {
            version = atoi(line);
        }
    }
    if (f != NULL) {
        fclose(f);
    }
    unlink(tmp);
    return rc != 0 ? rc : version;
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
        rc = archive_whole(tmp, err, errlen);
    }
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

/*
** The archive is checked first (every block readable, a schema version
** this program knows), so a bad one changes nothing; then pg_restore
** replaces the content in one transaction (--single-transaction stops at
** the first error and rolls all back).
*/
static int
pg_restore(const char *src, const char *dest, char *err, int errlen)
{
    int version;
    char *argv[] = {"pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    "--dbname",
                    (char *)dest,
                    (char *)src,
                    NULL};

    if (archive_whole(src, err, errlen) != 0) {
        snprintf(err, (size_t)errlen,
                 "%s is not a whole pg_dump archive (see pg_restore's "
                 "message above); nothing changed",
                 src);
        return ERR_DB;
    }
    version = archive_version(src, err, errlen);
    if (version < 1 || version > db_latest_version()) {
        snprintf(err, (size_t)errlen,
                 "%s has schema version %d; this program knows 1..%d; "
                 "nothing changed",
                 src, version, db_latest_version());
        return ERR_DB;
    }
    return run_tool("pg_restore", argv, err, errlen);
}

static const char *const pg_schemes[] = {"postgresql://", "postgres://", NULL};

const struct db_backend db_pg = {
    .schemes = pg_schemes,
    .dialect = DB_DIALECT_POSTGRESQL,
    .bulk_rows = DB_BULK_BATCH,
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
