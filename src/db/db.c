/*
** SQLite backend of the store: connections, the statement cache, numbered
** migrations (PRAGMA user_version holds the number of the last one
** applied), the Polish collation and the per-thread pool. Engine settings
** (WAL, foreign keys, busy timeout) are made here and nowhere else.
*/
#include "db.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/embedded.h"
#include "core/err.h"
#include "core/log.h"
#include "core/str.h"
#include "core/strings_pl.h"

static const char *const query_sql[Q_COUNT] = {
#define Q(id, sql) [id] = sql,
#include "queries.def"
#undef Q
};

static const char *const query_name[Q_COUNT] = {
#define Q(id, sql) [id] = #id,
#include "queries.def"
#undef Q
};

struct db_stmt {
    sqlite3_stmt *st;
    struct db *db;
    enum query_id id;
};

struct db {
    sqlite3 *h;
    int txn_depth;
    bool txn_failed; /* an inner level rolled back: the outer must too */
    struct db_stmt stmts[Q_COUNT];
    struct db *next_in_pool;
};

/* --- Polish collation ------------------------------------------------- */

/* A letter's weight is its position; letters outside sort by code point
** after it. */
static const char pl_order[] = V_PL_ALPHABET;

static int
next_cp(const unsigned char **p, const unsigned char *end)
{
    const unsigned char *s = *p;
    int cp = s[0], k = 1;

    if (cp >= 0xC0 && cp < 0xE0 && end - s >= 2) {
        cp = ((cp & 0x1F) << 6) | (s[1] & 0x3F);
        k = 2;
    } else if (cp >= 0xE0 && cp < 0xF0 && end - s >= 3) {
        cp = ((cp & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        k = 3;
    } else if (cp >= 0xF0 && end - s >= 4) {
        cp = ((cp & 0x07) << 18) | ((s[1] & 0x3F) << 12) |
             ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        k = 4;
    }
    *p = s + k;
    return cp;
}

static int
lower_pl(int cp)
{
    if (cp >= 'A' && cp <= 'Z') {
        return cp + 32;
    }
    switch (cp) {
    case 0x104:
    case 0x106:
    case 0x118:
    case 0x141:
    case 0x143:
    case 0x15A:
    case 0x179:
    case 0x17B:
        return cp + 1;
    case 0xD3:
        return 0xF3;
    }
    return cp;
}

static int weights[0x180];
static pthread_once_t weights_once = PTHREAD_ONCE_INIT;

static void
weights_init(void)
{
    const unsigned char *p = (const unsigned char *)pl_order;
    const unsigned char *end = p + sizeof(pl_order) - 1;
    int pos = 1;

    while (p < end) {
        weights[next_cp(&p, end)] = 1000 + pos++;
    }
}

static int
weight(int cp)
{
    if (cp < 0x180) {
        if (weights[cp] != 0) {
            return weights[cp];
        }
        if (cp < 'a') {
            return cp; /* digits, spaces and punctuation first */
        }
    }
    return 2000 + cp;
}

static int
collate_pl(void *arg, int n1, const void *s1, int n2, const void *s2)
{
    const unsigned char *a = s1, *b = s2, *ae = a + n1, *be = b + n2;
    int tie = 0;

    (void)arg;
    pthread_once(&weights_once, weights_init);
    while (a < ae && b < be) {
        int ca = next_cp(&a, ae), cb = next_cp(&b, be);
        int wa = weight(lower_pl(ca)), wb = weight(lower_pl(cb));

        if (wa != wb) {
            return wa < wb ? -1 : 1;
        }
        if (tie == 0 && ca != cb) {
            tie = ca < cb ? -1 : 1; /* upper case first on a tie */
        }
    }
    if (a < ae) {
        return 1;
    }
    if (b < be) {
        return -1;
    }
    return tie;
}

/*
** fold(text): str_fold() in SQL, so that a migration can match names the
** way the program does (exact equality of folded text, never a part).
*/
static void
sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const unsigned char *s = sqlite3_value_text(argv[0]);
    struct arena a;

    (void)argc;
    if (s == NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    arena_init(&a);
    sqlite3_result_text(ctx, str_fold(&a, (const char *)s), -1,
                        SQLITE_TRANSIENT);
    arena_free(&a);
}

static void
add_functions(sqlite3 *h)
{
    sqlite3_create_collation(h, "pl", SQLITE_UTF8, NULL, collate_pl);
    sqlite3_create_function(
        h, "fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
        NULL, sql_fold, NULL, NULL);
}

/* --- connections ------------------------------------------------------ */

static int
exec_raw(struct db *db, const char *sql, char *err, int errlen)
{
    char *msg = NULL;

    if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
        if (err != NULL) {
            snprintf(err, (size_t)errlen, "%s", msg ? msg : "unknown error");
        }
        sqlite3_free(msg);
        return ERR_DB;
    }
    return 0;
}

int
db_latest_version(void)
{
    int n = 0, latest = 0;

    while (migrations_files[n].name != NULL) {
        latest = atoi(migrations_files[n].name);
        n++;
    }
    return latest;
}

int
db_schema_version(struct db *db)
{
    sqlite3_stmt *st;
    int v = -1;

    if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL) ==
        SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) {
            v = sqlite3_column_int(st, 0);
        }
        sqlite3_finalize(st);
    }
    return v;
}

/*
** Which migrations a database has: the schema_migration table lists every
** one applied, so a migration added later with a lower number (modules
** own number ranges) is still applied. PRAGMA user_version keeps the
** highest number, for the "newer than this program" check. A database
** from before the table existed had every migration up to its version.
*/
static int
applied_set(struct db *db, bool *applied, int max, bool writable, char *err,
            int errlen)
{
    sqlite3_stmt *st;
    int v = db_schema_version(db), n = 0, rc;

    if (writable && exec_raw(db,
                             "CREATE TABLE IF NOT EXISTS schema_migration ("
                             " number INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                             " applied_at TEXT NOT NULL DEFAULT"
                             " (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))",
                             err, errlen) != 0) {
        return ERR_DB;
    }
    if (sqlite3_prepare_v2(db->h, "SELECT number FROM schema_migration", -1,
                           &st, NULL) != SQLITE_OK) {
        /* Read-only and from before the table: the version tells. */
        for (n = 0; n <= v && n <= max; n++) {
            applied[n] = true;
        }
        return 0;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int num = sqlite3_column_int(st, 0);

        if (num > max || num < 0) {
            sqlite3_finalize(st);
            snprintf(err, (size_t)errlen,
                     "migration %d is applied but "
                     "unknown to this program",
                     num);
            return ERR_CONFLICT;
        }
        applied[num] = true;
        n++;
    }
    sqlite3_finalize(st);
    if (n == 0 && v > 0) {
        for (n = 0; n <= v && n <= max; n++) {
            applied[n] = true;
        }
    }
    return 0;
}

/*
** Apply, in number order, every migration the database lacks, each in its
** own transaction with its record and the version bump. With dry_run set,
** only tell (in *pending) how many are missing.
*/
static int
migrate(struct db *db, bool dry_run, int *pending, char *err, int errlen)
{
    int latest = db_latest_version(), v = db_schema_version(db), i, rc;
    bool *applied = xcalloc((size_t)latest + 1, sizeof(bool));

    *pending = 0;
    rc = applied_set(db, applied, latest, !dry_run, err, errlen);
    for (i = 0; rc == 0 && migrations_files[i].name != NULL; i++) {
        const struct embedded *m = &migrations_files[i];
        int num = atoi(m->name);
        char sql[160];
        char msg[512] = "";

        if (applied[num]) {
            continue;
        }
        (*pending)++;
        if (dry_run) {
            continue;
        }
        snprintf(sql, sizeof(sql),
                 "INSERT INTO schema_migration(number, name) VALUES (%d, "
                 "'%.64s'); PRAGMA user_version = %d",
                 num, m->name, num > v ? num : v);
        if (exec_raw(db, "BEGIN IMMEDIATE", msg, sizeof(msg)) != 0 ||
            exec_raw(db, m->data, msg, sizeof(msg)) != 0 ||
            exec_raw(db, sql, msg, sizeof(msg)) != 0 ||
            exec_raw(db, "COMMIT", msg, sizeof(msg)) != 0) {
            exec_raw(db, "ROLLBACK", NULL, 0);
            snprintf(err, (size_t)errlen, "migration %s failed: %s", m->name,
                     msg);
            rc = ERR_DB;
            break;
        }
        v = num > v ? num : v;
        log_info("store: applied migration %s", m->name);
    }
    free(applied);
    return rc;
}

/* SQLite's memory statistics take a global mutex on every allocation;
 * nothing reads them, so they are switched off before the first open. */
static pthread_once_t config_once = PTHREAD_ONCE_INIT;

static void
configure(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/*
** The WAL companions of path (-wal, -shm), when they exist, must be
** readable and writable by this process: SQLite maps a -shm it cannot
** write read-only, and then every write fails (or, with another process
** truncating the file under the mapping, the server dies of SIGBUS).
** Refuse the open instead, naming the file. 0 or ERR_DB with err.
*/
static int
wal_files_usable(const char *path, bool writable, char *err, int errlen)
{
    static const char *const suffix[] = {"-wal", "-shm"};
    int mode = writable ? R_OK | W_OK : R_OK;
    char f[4096];
    size_t i;

    for (i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
        if (snprintf(f, sizeof(f), "%s%s", path, suffix[i]) >= (int)sizeof(f)) {
            snprintf(err, (size_t)errlen, "database path too long: %s", path);
            return ERR_DB;
        }
        if (access(f, F_OK) == 0 && access(f, mode) != 0) {
            snprintf(err, (size_t)errlen,
                     "cannot use database %s: %s is not %s by this account "
                     "(uid %ld): %s; give it the database's owner and mode",
                     path, f, writable ? "readable and writable" : "readable",
                     (long)geteuid(), strerror(errno));
            return ERR_DB;
        }
    }
    return 0;
}

int
db_open(const char *path, int flags, struct db **out, char *err, int errlen)
{
    struct db *db = xcalloc(1, sizeof(*db));
    int oflags = SQLITE_OPEN_NOMUTEX;
    int v, latest = db_latest_version();

    pthread_once(&config_once, configure);
    *out = NULL;
    oflags |= (flags & DB_OPEN_READONLY) ? SQLITE_OPEN_READONLY
                                         : SQLITE_OPEN_READWRITE;
    if (flags & DB_OPEN_CREATE) {
        oflags |= SQLITE_OPEN_CREATE;
    }
    if (wal_files_usable(path, !(flags & DB_OPEN_READONLY), err, errlen) != 0) {
        goto fail;
    }
    if (sqlite3_open_v2(path, &db->h, oflags, NULL) != SQLITE_OK) {
        snprintf(err, (size_t)errlen, "cannot open database %s: %s", path,
                 db->h ? sqlite3_errmsg(db->h) : "out of memory");
        goto fail;
    }
    /* SQLite quietly opens a file it may not write read-only. */
    if (!(flags & DB_OPEN_READONLY) &&
        sqlite3_db_readonly(db->h, "main") == 1) {
        snprintf(err, (size_t)errlen,
                 "cannot open database %s for writing: the file is not "
                 "writable by this account (uid %ld)",
                 path, (long)geteuid());
        goto fail;
    }
    sqlite3_extended_result_codes(db->h, 1);
    sqlite3_busy_timeout(db->h, 5000);
    add_functions(db->h);
    if (!(flags & DB_OPEN_READONLY) &&
        exec_raw(db, "PRAGMA journal_mode = WAL", err, errlen) != 0) {
        goto fail;
    }
    /* NORMAL is durable in WAL mode except for power loss mid-checkpoint;
     * FULL makes acknowledged writes survive that too. */
    if (exec_raw(db,
                 "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"
                 "PRAGMA temp_store = MEMORY",
                 err, errlen) != 0) {
        goto fail;
    }
    v = db_schema_version(db);
    if (v < 0) {
        snprintf(err, (size_t)errlen, "%s is not a rodzina database: %s", path,
                 sqlite3_errmsg(db->h));
        goto fail;
    }
    if (v > latest) {
        snprintf(err, (size_t)errlen,
                 "database %s has schema version %d, newer than this "
                 "program's %d: use a newer rodzina",
                 path, v, latest);
        goto fail;
    }
    {
        bool ro = (flags & DB_OPEN_READONLY) != 0;
        int pending = 0, rc = migrate(db, ro, &pending, err, errlen);

        if (rc == ERR_CONFLICT) {
            char why[400];

            snprintf(why, sizeof(why), "%s", err);
            snprintf(err, (size_t)errlen,
                     "database %s is newer than this program (%s): use a "
                     "newer rodzina",
                     path, why);
            goto fail;
        }
        if (rc != 0) {
            goto fail;
        }
        if (ro && pending > 0) {
            snprintf(err, (size_t)errlen,
                     "database %s lacks %d migration(s) of this program: "
                     "open it writable once to upgrade",
                     path, pending);
            goto fail;
        }
    }
    *out = db;
    return 0;
fail:
    sqlite3_close(db->h);
    free(db);
    return ERR_DB;
}

void
db_close(struct db *db)
{
    int i;

    if (db == NULL) {
        return;
    }
    for (i = 0; i < Q_COUNT; i++) {
        sqlite3_finalize(db->stmts[i].st);
    }
    if (sqlite3_close(db->h) != SQLITE_OK) {
        log_error("store: close failed: %s", sqlite3_errmsg(db->h));
    }
    free(db);
}

int
db_check_queries(struct db *db, char *err, int errlen)
{
    int i;

    for (i = 0; i < Q_COUNT; i++) {
        sqlite3_stmt *st;

        if (sqlite3_prepare_v2(db->h, query_sql[i], -1, &st, NULL) !=
            SQLITE_OK) {
            snprintf(err, (size_t)errlen, "%s: %s", query_name[i],
                     sqlite3_errmsg(db->h));
            return ERR_DB;
        }
        sqlite3_finalize(st);
    }
    return 0;
}

/* --- statements ------------------------------------------------------- */

db_stmt *
db_query(struct db *db, enum query_id id)
{
    struct db_stmt *s = &db->stmts[id];

    if (s->st == NULL) {
        if (sqlite3_prepare_v3(db->h, query_sql[id], -1,
                               SQLITE_PREPARE_PERSISTENT, &s->st,
                               NULL) != SQLITE_OK) {
            /* The catalogue is checked at start-up: this is a bug. */
            log_error("store: prepare %s: %s", query_name[id],
                      sqlite3_errmsg(db->h));
            abort();
        }
        s->db = db;
        s->id = id;
    } else {
        sqlite3_reset(s->st);
        sqlite3_clear_bindings(s->st);
    }
    return s;
}

static int
param(db_stmt *st, int n)
{
    char name[16];
    int idx;

    snprintf(name, sizeof(name), "$%d", n);
    idx = sqlite3_bind_parameter_index(st->st, name);
    if (idx == 0) {
        log_error("store: %s has no parameter %s", query_name[st->id], name);
        abort();
    }
    return idx;
}

void
db_bind_text(db_stmt *st, int n, const char *s)
{
    if (s == NULL) {
        sqlite3_bind_null(st->st, param(st, n));
    } else {
        sqlite3_bind_text(st->st, param(st, n), s, -1, SQLITE_TRANSIENT);
    }
}

void
db_bind_int(db_stmt *st, int n, int64_t v)
{
    sqlite3_bind_int64(st->st, param(st, n), v);
}

void
db_bind_blob(db_stmt *st, int n, const void *p, size_t len)
{
    sqlite3_bind_blob64(st->st, param(st, n), p, len, SQLITE_TRANSIENT);
}

void
db_bind_null(db_stmt *st, int n)
{
    sqlite3_bind_null(st->st, param(st, n));
}

int
db_step(db_stmt *st)
{
    int rc = sqlite3_step(st->st);

    if (rc == SQLITE_ROW) {
        return DB_ROW;
    }
    if (rc == SQLITE_DONE) {
        return DB_DONE;
    }
    if ((rc & 0xFF) == SQLITE_CONSTRAINT) {
        log_warn("store: %s: %s", query_name[st->id],
                 sqlite3_errmsg(st->db->h));
        sqlite3_reset(st->st);
        return ERR_CONFLICT;
    }
    log_error("store: %s: %s", query_name[st->id], sqlite3_errmsg(st->db->h));
    sqlite3_reset(st->st);
    return ERR_DB;
}

const char *
db_col_text(db_stmt *st, int col)
{
    const unsigned char *s = sqlite3_column_text(st->st, col);

    return s ? (const char *)s : "";
}

int64_t
db_col_int(db_stmt *st, int col)
{
    return sqlite3_column_int64(st->st, col);
}

bool
db_col_null(db_stmt *st, int col)
{
    return sqlite3_column_type(st->st, col) == SQLITE_NULL;
}

const void *
db_col_blob(db_stmt *st, int col, size_t *len)
{
    const void *p = sqlite3_column_blob(st->st, col);

    *len = (size_t)sqlite3_column_bytes(st->st, col);
    return p;
}

char *
db_col_text_dup(struct arena *a, db_stmt *st, int col)
{
    return arena_strdup(a, db_col_text(st, col));
}

void
db_done(db_stmt *st)
{
    sqlite3_reset(st->st);
}

int
db_exec(db_stmt *st)
{
    int rc;

    do {
        rc = db_step(st);
    } while (rc == DB_ROW);
    db_done(st);
    return rc == DB_DONE ? 0 : rc;
}

int
db_one_int(db_stmt *st, int64_t *out)
{
    int rc = db_step(st);

    if (rc == DB_ROW) {
        *out = db_col_int(st, 0);
        rc = 0;
    } else if (rc == DB_DONE) {
        rc = ERR_NOTFOUND;
    }
    db_done(st);
    return rc;
}

int64_t
db_last_id(struct db *db)
{
    return sqlite3_last_insert_rowid(db->h);
}

int
db_begin(struct db *db)
{
    if (db->txn_depth++ == 0) {
        char err[256];

        db->txn_failed = false;
        if (exec_raw(db, "BEGIN IMMEDIATE", err, sizeof(err)) != 0) {
            db->txn_depth = 0;
            log_error("store: begin: %s", err);
            return ERR_DB;
        }
    }
    return 0;
}

int
db_commit(struct db *db)
{
    char err[256];

    if (db->txn_depth <= 0) {
        return ERR_DB;
    }
    if (--db->txn_depth > 0) {
        return 0;
    }
    if (db->txn_failed) {
        exec_raw(db, "ROLLBACK", NULL, 0);
        return ERR_DB;
    }
    if (exec_raw(db, "COMMIT", err, sizeof(err)) != 0) {
        log_error("store: commit: %s", err);
        exec_raw(db, "ROLLBACK", NULL, 0);
        return ERR_DB;
    }
    return 0;
}

void
db_rollback(struct db *db)
{
    if (db->txn_depth <= 0) {
        return;
    }
    if (--db->txn_depth > 0) {
        db->txn_failed = true;
        return;
    }
    exec_raw(db, "ROLLBACK", NULL, 0);
}

/* --- whole-file operations -------------------------------------------- */

/* Open a file for a whole-file operation: no migrations, no cache. */
static sqlite3 *
open_raw(const char *path, int oflags, char *err, int errlen)
{
    sqlite3 *h = NULL;

    pthread_once(&config_once, configure);
    if (sqlite3_open_v2(path, &h, oflags | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        snprintf(err, (size_t)errlen, "cannot open %s: %s", path,
                 h ? sqlite3_errmsg(h) : "out of memory");
        sqlite3_close(h);
        return NULL;
    }
    sqlite3_extended_result_codes(h, 1);
    sqlite3_busy_timeout(h, 10000);
    add_functions(h);
    return h;
}

static int
fsync_path(const char *path, bool dir)
{
    int fd = open(path, dir ? O_RDONLY | O_DIRECTORY : O_RDWR);
    int rc;

    if (fd < 0) {
        return -1;
    }
    rc = fsync(fd);
    close(fd);
    return rc;
}

/* One full copy from src to dst connection; SQLite error text on failure. */
static int
copy_all(sqlite3 *dst, sqlite3 *src, char *err, int errlen)
{
    sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
    int rc;

    if (b == NULL) {
        snprintf(err, (size_t)errlen, "backup: %s", sqlite3_errmsg(dst));
        return ERR_DB;
    }
    /* One step over all pages: a single read transaction on the source,
     * hence one snapshot, and no restart when writers commit meanwhile. */
    do {
        rc = sqlite3_backup_step(b, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            sqlite3_sleep(50);
        }
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) {
        snprintf(err, (size_t)errlen, "backup: %s", sqlite3_errstr(rc));
        return ERR_DB;
    }
    return 0;
}

int
db_backup_file(const char *src, const char *dest, int64_t *bytes, char *err,
               int errlen)
{
    size_t tmplen = strlen(dest) + 32;
    char *tmp = xmalloc(tmplen), *slash, *dir;
    sqlite3 *s = NULL, *d = NULL;
    struct stat stt;
    int rc = ERR_DB;

    snprintf(tmp, tmplen, "%s.tmp-%ld", dest, (long)getpid());
    unlink(tmp);
    s = open_raw(src, SQLITE_OPEN_READWRITE, err, errlen);
    if (s == NULL) {
        goto done;
    }
    d = open_raw(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err, errlen);
    if (d == NULL) {
        goto done;
    }
    if (copy_all(d, s, err, errlen) != 0) {
        goto done;
    }
    /* The copy is one self-contained file: no -wal beside it. */
    if (sqlite3_exec(d, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) !=
        SQLITE_OK) {
        snprintf(err, (size_t)errlen, "backup: %s", sqlite3_errmsg(d));
        goto done;
    }
    sqlite3_close(d);
    d = NULL;
    if (fsync_path(tmp, false) != 0 || rename(tmp, dest) != 0) {
        snprintf(err, (size_t)errlen, "cannot write %s: %s", dest,
                 strerror(errno));
        rc = ERR_IO;
        goto done;
    }
    dir = xstrdup(dest);
    slash = strrchr(dir, '/');
    if (slash == NULL) {
        fsync_path(".", true);
    } else {
        slash[slash == dir ? 1 : 0] = '\0';
        fsync_path(dir, true);
    }
    free(dir);
    *bytes = stat(dest, &stt) == 0 ? (int64_t)stt.st_size : 0;
    rc = 0;
done:
    if (d != NULL) {
        sqlite3_close(d);
    }
    if (s != NULL) {
        sqlite3_close(s);
    }
    if (rc != 0) {
        unlink(tmp);
    }
    free(tmp);
    return rc;
}

int
db_check_file(const char *path, void (*problem)(void *, const char *),
              void *arg, int *version, char *err, int errlen)
{
    sqlite3 *h = open_raw(path, SQLITE_OPEN_READONLY, err, errlen);
    sqlite3_stmt *st;
    int n = 0;

    if (h == NULL) {
        return ERR_DB;
    }
    *version = -1;
    if (sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL) !=
        SQLITE_OK) {
        snprintf(err, (size_t)errlen, "%s is not a database: %s", path,
                 sqlite3_errmsg(h));
        sqlite3_close(h);
        return ERR_DB;
    }
    if (sqlite3_step(st) == SQLITE_ROW) {
        *version = sqlite3_column_int(st, 0);
    }
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL) ==
        SQLITE_OK) {
        int rc;

        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *t = (const char *)sqlite3_column_text(st, 0);

            if (t != NULL && strcmp(t, "ok") != 0) {
                problem(arg, t);
                n++;
            }
        }
        if (rc != SQLITE_DONE) {
            problem(arg, sqlite3_errmsg(h));
            n++;
        }
        sqlite3_finalize(st);
    } else {
        problem(arg, sqlite3_errmsg(h));
        n++;
    }
    if (sqlite3_prepare_v2(h, "PRAGMA foreign_key_check", -1, &st, NULL) ==
        SQLITE_OK) {
        while (sqlite3_step(st) == SQLITE_ROW) {
            char line[300];

            snprintf(line, sizeof(line),
                     "foreign key: %s row %lld refers to a missing row of "
                     "%s",
                     (const char *)sqlite3_column_text(st, 0),
                     (long long)sqlite3_column_int64(st, 1),
                     (const char *)sqlite3_column_text(st, 2));
            problem(arg, line);
            n++;
        }
        sqlite3_finalize(st);
    } else {
        problem(arg, sqlite3_errmsg(h));
        n++;
    }
    sqlite3_close(h);
    return n;
}

int
db_restore_file(const char *src, const char *dest, char *err, int errlen)
{
    sqlite3 *s, *d;
    int rc;

    s = open_raw(src, SQLITE_OPEN_READONLY, err, errlen);
    if (s == NULL) {
        return ERR_DB;
    }
    d = open_raw(dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err, errlen);
    if (d == NULL) {
        sqlite3_close(s);
        return ERR_DB;
    }
    /* The copy commits as one write transaction of dest. */
    rc = copy_all(d, s, err, errlen);
    if (rc == 0 && (sqlite3_exec(d, "PRAGMA journal_mode = WAL", NULL, NULL,
                                 NULL) != SQLITE_OK ||
                    sqlite3_exec(d, "PRAGMA wal_checkpoint(TRUNCATE)", NULL,
                                 NULL, NULL) != SQLITE_OK)) {
        snprintf(err, (size_t)errlen, "restore: %s", sqlite3_errmsg(d));
        rc = ERR_DB;
    }
    sqlite3_close(d);
    sqlite3_close(s);
    return rc;
}

/* --- pool ------------------------------------------------------------- */

struct db_pool {
    char *path;
    int flags;
    pthread_mutex_t lock;
    pthread_key_t key;
    struct db *all; /* every connection opened, for db_pool_free() */
};

struct db_pool *
db_pool_new(const char *path, int flags)
{
    struct db_pool *p = xcalloc(1, sizeof(*p));

    p->path = xstrdup(path);
    p->flags = flags;
    pthread_mutex_init(&p->lock, NULL);
    pthread_key_create(&p->key, NULL);
    return p;
}

struct db *
db_pool_get(struct db_pool *p)
{
    struct db *db = pthread_getspecific(p->key);
    char err[512];

    if (db != NULL) {
        return db;
    }
    if (db_open(p->path, p->flags, &db, err, sizeof(err)) != 0) {
        log_error("store: %s", err);
        return NULL;
    }
    pthread_setspecific(p->key, db);
    pthread_mutex_lock(&p->lock);
    db->next_in_pool = p->all;
    p->all = db;
    pthread_mutex_unlock(&p->lock);
    return db;
}

void
db_pool_free(struct db_pool *p)
{
    struct db *db, *next;

    if (p == NULL) {
        return;
    }
    for (db = p->all; db != NULL; db = next) {
        next = db->next_in_pool;
        db_close(db);
    }
    pthread_key_delete(p->key);
    pthread_mutex_destroy(&p->lock);
    free(p->path);
    free(p);
}
