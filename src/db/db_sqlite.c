/*
** The SQLite engine of the store (see db_backend.h): connections with the
** engine's settings (WAL, foreign keys, busy timeout, made here and nowhere
** else), the Polish collation and fold(), statements, the migration record
** (PRAGMA user_version holds the highest number applied) and the
** whole-file operations on the online backup API. The only file that
** includes sqlite3.h.
*/
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/embedded.h"
#include "core/err.h"
#include "core/log.h"
#include "core/str.h"
#include "db_backend.h"

/* --- Polish collation ------------------------------------------------- */

/*
** Order of the Polish alphabet (a ą b c ć d e ę ... z ź ż), as code points:
** collation data, not text. A letter's weight is its position; letters
** outside it sort by code point after it.
*/
static const int pl_order[] = {
    'a', 0x105, 'b', 'c',   0x107, 'd', 'e',   0x119, 'f',  'g',   'h',   'i',
    'j', 'k',   'l', 0x142, 'm',   'n', 0x144, 'o',   0xF3, 'p',   'q',   'r',
    's', 0x15B, 't', 'u',   'v',   'w', 'x',   'y',   'z',  0x17A, 0x17C,
};

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
    size_t i;

    for (i = 0; i < sizeof(pl_order) / sizeof(pl_order[0]); i++) {
        weights[pl_order[i]] = 1000 + (int)i + 1;
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
sqlite_exec(void *conn, const char *sql, char *err, int errlen)
{
    char *msg = NULL;

    if (sqlite3_exec(conn, sql, NULL, NULL, &msg) != SQLITE_OK) {
        if (err != NULL) {
            snprintf(err, (size_t)errlen, "%s", msg ? msg : "unknown error");
        }
        sqlite3_free(msg);
        return ERR_DB;
    }
    return 0;
}

static const char *
sqlite_errmsg(void *conn)
{
    return sqlite3_errmsg(conn);
}

/* SQLite's memory statistics take a global mutex on every allocation;
 * nothing reads them, so they are switched off before the first open. */
static pthread_once_t config_once = PTHREAD_ONCE_INIT;
/* Signalled by every commit of this process (below: busy_wait); on
 * CLOCK_MONOTONIC. */
static pthread_cond_t committed;

static void
configure(void)
{
    pthread_condattr_t attr;

    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&committed, &attr);
    pthread_condattr_destroy(&attr);
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

/* --- waiting for the write lock; checkpoints -------------------------- */

/*
** A writer that finds the write lock taken waits for the next commit of
** this process (every commit signals `committed` from the WAL hook), or 1 ms
** at most, for a lock held by another process or ended by a rollback; it
** gives up after BUSY_MS, as sqlite3_busy_timeout did. SQLite's own handler
** sleeps 1, 2, 5, 10 ... 100 ms between tries whatever the holder does, so
** a writer that lost a race slept on while the lock had long been free:
** that was the tail of contact saves (p99 100-400 ms at 16 consultants).
**
** Checkpoints: SQLite copies the WAL into the database file (and syncs it)
** in the commit that takes the WAL past 1 000 pages, on that request's
** time. A server's pool instead starts a checkpointer (sqlite_pool_start):
** a thread with its own connection that runs the passive checkpoint when a
** commit says the WAL is past CHECKPOINT_PAGES; writers never wait for it,
** and durability is the WAL's (synchronous = FULL syncs every commit).
** Other connections (commands, tests) checkpoint as SQLite would.
*/
#define BUSY_MS 5000
#define CHECKPOINT_PAGES 1000

struct checkpointer {
    char *path;
    sqlite3 *h;
    pthread_t thread;
    bool due, stop;
    pthread_cond_t wake; /* due or stop set */
    int copied;          /* the WAL's pages when the last checkpoint ran */
};

static pthread_mutex_t wait_lock = PTHREAD_MUTEX_INITIALIZER;
static struct checkpointer *running; /* under wait_lock */
static _Thread_local struct timespec busy_since;

static int64_t
ms_between(const struct timespec *a, const struct timespec *b)
{
    return (int64_t)(b->tv_sec - a->tv_sec) * 1000 +
           (b->tv_nsec - a->tv_nsec) / 1000000;
}

static int
busy_wait(void *arg, int count)
{
    struct timespec now, until;

    (void)arg;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (count == 0) {
        busy_since = now;
    } else if (ms_between(&busy_since, &now) >= BUSY_MS) {
        return 0;
    }
    until = now;
    until.tv_nsec += 1000000;
    if (until.tv_nsec >= 1000000000) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000;
    }
    pthread_mutex_lock(&wait_lock);
    pthread_cond_timedwait(&committed, &wait_lock, &until);
    pthread_mutex_unlock(&wait_lock);
    return 1;
}

/* After every commit in WAL mode, with the WAL's size in pages. */
static int
wal_hook(void *arg, sqlite3 *h, const char *name, int pages)
{
    struct checkpointer *c = arg;

    pthread_mutex_lock(&wait_lock);
    pthread_cond_broadcast(&committed);
    /* Once per CHECKPOINT_PAGES new pages: a WAL that could not start
    ** over (readers in it) stays long, and checkpointing it at every
    ** commit, as SQLite does, syncs both files for a few pages each time. */
    if (c != NULL) {
        c->copied = pages < c->copied ? 0 : c->copied; /* started over */
        if (pages - c->copied >= CHECKPOINT_PAGES) {
            c->due = true;
            pthread_cond_signal(&c->wake);
        }
    }
    pthread_mutex_unlock(&wait_lock);
    if (c == NULL && pages >= CHECKPOINT_PAGES) {
        sqlite3_wal_checkpoint_v2(h, name, SQLITE_CHECKPOINT_PASSIVE, NULL,
                                  NULL);
    }
    return SQLITE_OK;
}

/* The checkpointer of path's pool, if one runs. */
static struct checkpointer *
checkpointer_of(const char *path)
{
    struct checkpointer *c;

    pthread_mutex_lock(&wait_lock);
    c = running != NULL && strcmp(running->path, path) == 0 ? running : NULL;
    pthread_mutex_unlock(&wait_lock);
    return c;
}

static void *
checkpoint_loop(void *arg)
{
    struct checkpointer *c = arg;
    int pages = 0;

    pthread_mutex_lock(&wait_lock);
    for (;;) {
        while (!c->due && !c->stop) {
            pthread_cond_wait(&c->wake, &wait_lock);
        }
        if (c->stop) {
            break;
        }
        c->due = false;
        pthread_mutex_unlock(&wait_lock);
        if (sqlite3_wal_checkpoint_v2(c->h, NULL, SQLITE_CHECKPOINT_PASSIVE,
                                      &pages, NULL) != SQLITE_OK) {
            log_error("store: checkpoint: %s", sqlite3_errmsg(c->h));
        }
        pthread_mutex_lock(&wait_lock);
        c->copied = pages;
    }
    pthread_mutex_unlock(&wait_lock);
    return NULL;
}

static sqlite3 *open_raw(const char *path, int oflags, char *err, int errlen);

static void *
sqlite_pool_start(const char *path, int flags)
{
    struct checkpointer *c;
    char err[512];
    sqlite3 *h;

    if ((flags & DB_OPEN_READONLY) || checkpointer_of(path) != NULL) {
        return NULL;
    }
    if ((h = open_raw(path, SQLITE_OPEN_READWRITE, err, sizeof(err))) == NULL) {
        log_error("store: no background checkpoints: %s", err);
        return NULL;
    }
    /* The checkpoint syncs the database file, as a commit's would. */
    sqlite3_exec(h, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
    c = xcalloc(1, sizeof(*c));
    c->path = xstrdup(path);
    c->h = h;
    pthread_cond_init(&c->wake, NULL);
    if (pthread_create(&c->thread, NULL, checkpoint_loop, c) != 0) {
        log_error("store: no background checkpoints: cannot start a thread");
        pthread_cond_destroy(&c->wake);
        sqlite3_close(h);
        free(c->path);
        free(c);
        return NULL;
    }
    pthread_mutex_lock(&wait_lock);
    running = c;
    pthread_mutex_unlock(&wait_lock);
    return c;
}

/* After the pool's last connection is closed. */
static void
sqlite_pool_stop(void *arg)
{
    struct checkpointer *c = arg;

    pthread_mutex_lock(&wait_lock);
    if (running == c) {
        running = NULL;
    }
    c->stop = true;
    pthread_cond_signal(&c->wake);
    pthread_mutex_unlock(&wait_lock);
    pthread_join(c->thread, NULL);
    sqlite3_close(c->h);
    pthread_cond_destroy(&c->wake);
    free(c->path);
    free(c);
}

static int
sqlite_open(const char *path, int flags, void **conn, char *err, int errlen)
{
    sqlite3 *h = NULL;
    int oflags = SQLITE_OPEN_NOMUTEX;

    pthread_once(&config_once, configure);
    oflags |= (flags & DB_OPEN_READONLY) ? SQLITE_OPEN_READONLY
                                         : SQLITE_OPEN_READWRITE;
    if (flags & DB_OPEN_CREATE) {
        oflags |= SQLITE_OPEN_CREATE;
    }
    if (wal_files_usable(path, !(flags & DB_OPEN_READONLY), err, errlen) != 0) {
        return ERR_DB;
    }
    if (sqlite3_open_v2(path, &h, oflags, NULL) != SQLITE_OK) {
        snprintf(err, (size_t)errlen, "cannot open database %s: %s", path,
                 h ? sqlite3_errmsg(h) : "out of memory");
        goto fail;
    }
    /* SQLite quietly opens a file it may not write read-only. */
    if (!(flags & DB_OPEN_READONLY) && sqlite3_db_readonly(h, "main") == 1) {
        snprintf(err, (size_t)errlen,
                 "cannot open database %s for writing: the file is not "
                 "writable by this account (uid %ld)",
                 path, (long)geteuid());
        goto fail;
    }
    sqlite3_extended_result_codes(h, 1);
    sqlite3_busy_handler(h, busy_wait, NULL);
    add_functions(h);
    if (!(flags & DB_OPEN_READONLY) &&
        sqlite_exec(h, "PRAGMA journal_mode = WAL", err, errlen) != 0) {
        goto fail;
    }
    /* After PRAGMA journal_mode: it would set SQLite's own hook again. */
    sqlite3_wal_hook(h, wal_hook, checkpointer_of(path));
    /* NORMAL is durable in WAL mode except for power loss mid-checkpoint;
     * FULL makes acknowledged writes survive that too. */
    if (sqlite_exec(h,
                    "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"
                    "PRAGMA temp_store = MEMORY",
                    err, errlen) != 0) {
        goto fail;
    }
    *conn = h;
    return 0;
fail:
    sqlite3_close(h);
    return ERR_DB;
}

static void
sqlite_close(void *conn)
{
    if (sqlite3_close(conn) != SQLITE_OK) {
        log_error("store: close failed: %s", sqlite3_errmsg(conn));
    }
}

/* --- migration record ------------------------------------------------- */

static int
sqlite_version(void *conn)
{
    sqlite3_stmt *st;
    int v = -1;

    if (sqlite3_prepare_v2(conn, "PRAGMA user_version", -1, &st, NULL) ==
        SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) {
            v = sqlite3_column_int(st, 0);
        }
        sqlite3_finalize(st);
    }
    return v;
}

/*
** The schema_migration table lists every migration applied; PRAGMA
** user_version keeps the highest number, for the "newer than this
** program" check. A database from before the table existed had every
** migration up to its version.
*/
static int
sqlite_applied(void *conn, bool *applied, int max, bool writable, char *err,
               int errlen)
{
    sqlite3_stmt *st;
    int v = sqlite_version(conn), n = 0, rc;

    if (writable &&
        sqlite_exec(conn,
                    "CREATE TABLE IF NOT EXISTS schema_migration ("
                    " number INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                    " applied_at TEXT NOT NULL DEFAULT"
                    " (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))",
                    err, errlen) != 0) {
        return ERR_DB;
    }
    if (sqlite3_prepare_v2(conn, "SELECT number FROM schema_migration", -1, &st,
                           NULL) != SQLITE_OK) {
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

static int
sqlite_record(void *conn, int number, const char *name, int version, char *err,
              int errlen)
{
    char sql[160];

    snprintf(sql, sizeof(sql),
             "INSERT INTO schema_migration(number, name) VALUES (%d, "
             "'%.64s'); PRAGMA user_version = %d",
             number, name, version);
    return sqlite_exec(conn, sql, err, errlen);
}

/* --- statements ------------------------------------------------------- */

static int
sqlite_prepare(void *conn, const char *sql, bool keep, void **st)
{
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v3(conn, sql, -1,
                                keep ? SQLITE_PREPARE_PERSISTENT : 0, &s, NULL);

    *st = s;
    return rc == SQLITE_OK ? 0 : ERR_DB;
}

static void
sqlite_finalize(void *st)
{
    sqlite3_finalize(st);
}

static void
sqlite_reset(void *st, bool clear)
{
    sqlite3_reset(st);
    if (clear) {
        sqlite3_clear_bindings(st);
    }
}

/* A bulk load's indexes are written all over: 64 MB of page cache keeps
 * them from being read again from the file (the default is 2 MB). */
static void
sqlite_bulk(void *conn, bool on)
{
    sqlite_exec(conn,
                on ? "PRAGMA cache_size = -65536" : "PRAGMA cache_size = -2000",
                NULL, 0);
}

/* Placeholders are written $n, as PostgreSQL does: bound by name. */
static int
sqlite_bind(void *st, int n, const struct db_value *v)
{
    const char *own;
    char name[16], *end;
    int idx;

    /* SQLite numbers parameters by their first appearance: $n is usually
     * the n-th, and its name then says so without a search by name. */
    own = n <= sqlite3_bind_parameter_count(st)
              ? sqlite3_bind_parameter_name(st, n)
              : NULL;
    if (own != NULL && own[0] == '$' && strtol(own + 1, &end, 10) == n &&
        *end == '\0') {
        idx = n;
    } else {
        snprintf(name, sizeof(name), "$%d", n);
        if ((idx = sqlite3_bind_parameter_index(st, name)) == 0) {
            return ERR_INPUT;
        }
    }
    switch (v->kind) {
    case DB_VALUE_NULL:
        sqlite3_bind_null(st, idx);
        break;
    case DB_VALUE_INT:
        sqlite3_bind_int64(st, idx, v->i);
        break;
    case DB_VALUE_TEXT:
        sqlite3_bind_text(st, idx, v->p, -1,
                          v->borrowed ? SQLITE_STATIC : SQLITE_TRANSIENT);
        break;
    case DB_VALUE_BLOB:
        sqlite3_bind_blob64(st, idx, v->p, v->len, SQLITE_TRANSIENT);
        break;
    }
    return 0;
}

static int
sqlite_step(void *st)
{
    int rc = sqlite3_step(st);

    if (rc == SQLITE_ROW) {
        return DB_ROW;
    }
    if (rc == SQLITE_DONE) {
        return DB_DONE;
    }
    return (rc & 0xFF) == SQLITE_CONSTRAINT ? ERR_CONFLICT : ERR_DB;
}

static const char *
sqlite_col_text(void *st, int col)
{
    return (const char *)sqlite3_column_text(st, col);
}

static int64_t
sqlite_col_int(void *st, int col)
{
    return sqlite3_column_int64(st, col);
}

static bool
sqlite_col_null(void *st, int col)
{
    return sqlite3_column_type(st, col) == SQLITE_NULL;
}

static const void *
sqlite_col_blob(void *st, int col, size_t *len)
{
    const void *p = sqlite3_column_blob(st, col);

    *len = (size_t)sqlite3_column_bytes(st, col);
    return p;
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

static int
sqlite_backup(const char *src, const char *dest, int64_t *bytes, char *err,
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

static int
sqlite_check(const char *path, void (*problem)(void *, const char *), void *arg,
             int *version, char *err, int errlen)
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

static int
sqlite_restore(const char *src, const char *dest, char *err, int errlen)
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

const struct db_backend db_sqlite = {
    .schemes = NULL,
    .dialect = DB_DIALECT_SQLITE,
    .bulk_rows = 1,
    .begin = "BEGIN IMMEDIATE",
    .migrations = migrations_files,
    .open = sqlite_open,
    .close = sqlite_close,
    .exec = sqlite_exec,
    .errmsg = sqlite_errmsg,
    .version = sqlite_version,
    .applied = sqlite_applied,
    .record = sqlite_record,
    .prepare = sqlite_prepare,
    .finalize = sqlite_finalize,
    .reset = sqlite_reset,
    .bind = sqlite_bind,
    .bulk = sqlite_bulk,
    .step = sqlite_step,
    .col_text = sqlite_col_text,
    .col_int = sqlite_col_int,
    .col_null = sqlite_col_null,
    .col_blob = sqlite_col_blob,
    .backup = sqlite_backup,
    .check = sqlite_check,
    .restore = sqlite_restore,
    .pool_start = sqlite_pool_start,
    .pool_stop = sqlite_pool_stop,
};
