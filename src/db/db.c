/*
** The neutral half of the store: the catalogue of queries (each in its
** dialect), connections with their statement cache, numbered migrations
** applied in order, nested transactions, the per-thread pool and the log
** lines of failures. Everything an engine does differently goes through
** its struct db_backend (db_backend.h); this file names no engine's API.
*/
#include "db.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/embedded.h"
#include "core/err.h"
#include "core/log.h"
#include "core/str.h"
#include "db_backend.h"

const char *const db_query_sql[DB_DIALECT_COUNT][Q_COUNT] = {
    [DB_DIALECT_SQLITE] =
        {
#define Q(id, sql) [id] = sql,
#define Q2(id, sqlite_sql, pg_sql) [id] = sqlite_sql,
#include "queries.def"
#undef Q2
#undef Q
        },
    [DB_DIALECT_POSTGRESQL] =
        {
#define Q(id, sql) [id] = sql,
#define Q2(id, sqlite_sql, pg_sql) [id] = pg_sql,
#include "queries.def"
#undef Q2
#undef Q
        },
};

const char *const db_query_name[Q_COUNT] = {
#define Q(id, sql) [id] = #id,
#define Q2(id, sqlite_sql, pg_sql) [id] = #id,
#include "queries.def"
#undef Q2
#undef Q
};

const struct db_backend *const db_backends[] = {&db_pg, &db_sqlite, NULL};

struct db_stmt {
    void *h; /* the engine's statement */
    struct db *db;
    enum query_id id;
};

struct db {
    const struct db_backend *be;
    void *conn; /* the engine's connection */
    int txn_depth;
    bool txn_failed; /* an inner level rolled back: the outer must too */
    struct db_stmt stmts[Q_COUNT];
    void *bulk[Q_COUNT]; /* a bulk insert's statement of bulk_rows tuples */
    struct db *next_in_pool;
};

/* The engine whose scheme begins path; any other path is a SQLite file. */
static const struct db_backend *
backend_for(const char *path)
{
    const struct db_backend *const *b;
    const char *const *sc;

    for (b = db_backends; *b != NULL; b++) {
        for (sc = (*b)->schemes; sc != NULL && *sc != NULL; sc++) {
            if (str_starts(path, *sc)) {
                return *b;
            }
        }
    }
    return &db_sqlite;
}

const char *
db_engine_name(const char *path)
{
    return backend_for(path) == &db_sqlite ? "sqlite" : "postgresql";
}

static int64_t reconnects;

void
db_note_reconnect(void)
{
    __atomic_add_fetch(&reconnects, 1, __ATOMIC_RELAXED);
}

/* --- connections ------------------------------------------------------ */

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
    return db->be->version(db->conn);
}

/*
** Apply, in number order, every migration the database lacks (the engine
** keeps the list, so one added later with a lower number, as modules own
** number ranges, is still applied), each in its own transaction with its
** record and the version bump. With dry_run set, only tell (in *pending)
** how many are missing.
*/
static int
migrate(struct db *db, bool dry_run, int *pending, char *err, int errlen)
{
    const struct db_backend *be = db->be;
    int latest = db_latest_version(), v = be->version(db->conn), i, rc;
    bool *applied = xcalloc((size_t)latest + 1, sizeof(bool));

    *pending = 0;
    rc = be->applied(db->conn, applied, latest, !dry_run, err, errlen);
    for (i = 0; rc == 0 && be->migrations[i].name != NULL; i++) {
        const struct embedded *m = &be->migrations[i];
        int num = atoi(m->name);
        char msg[512] = "";

        if (applied[num]) {
            continue;
        }
        (*pending)++;
        if (dry_run) {
            continue;
        }
        if (be->exec(db->conn, be->begin, msg, sizeof(msg)) != 0 ||
            be->exec(db->conn, m->data, msg, sizeof(msg)) != 0 ||
            be->record(db->conn, num, m->name, num > v ? num : v, msg,
                       sizeof(msg)) != 0 ||
            be->exec(db->conn, "COMMIT", msg, sizeof(msg)) != 0) {
            be->exec(db->conn, "ROLLBACK", NULL, 0);
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

int
db_open(const char *path, int flags, struct db **out, char *err, int errlen)
{
    const struct db_backend *be = backend_for(path);
    struct db *db = xcalloc(1, sizeof(*db));
    int v, latest = db_latest_version();
    char safe[512];
    const char *name = str_safe_uri(path, safe, sizeof(safe));

    *out = NULL;
    db->be = be;
    if (be->open(path, flags, &db->conn, err, errlen) != 0) {
        free(db);
        return ERR_DB;
    }
    v = be->version(db->conn);
    if (v < 0) {
        snprintf(err, (size_t)errlen, "%s is not a rodzina database: %s", name,
                 be->errmsg(db->conn));
        goto fail;
    }
    if (v > latest) {
        snprintf(err, (size_t)errlen,
                 "database %s has schema version %d, newer than this "
                 "program's %d: use a newer rodzina",
                 name, v, latest);
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
                     name, why);
            goto fail;
        }
        if (rc != 0) {
            goto fail;
        }
        if (ro && pending > 0) {
            snprintf(err, (size_t)errlen,
                     "database %s lacks %d migration(s) of this program: "
                     "open it writable once to upgrade",
                     name, pending);
            goto fail;
        }
    }
    *out = db;
    return 0;
fail:
    be->close(db->conn);
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
        db->be->finalize(db->stmts[i].h);
        db->be->finalize(db->bulk[i]);
    }
    db->be->close(db->conn);
    free(db);
}

int
db_check_queries(struct db *db, char *err, int errlen)
{
    const struct db_backend *be = db->be;
    int i, bad = 0;

    /* Every failure is logged, so one run lists them all. */
    for (i = 0; i < Q_COUNT; i++) {
        void *st;

        if (be->prepare(db->conn, db_query_sql[be->dialect][i], false, &st) !=
            0) {
            if (bad++ == 0) {
                snprintf(err, (size_t)errlen, "%s: %s", db_query_name[i],
                         be->errmsg(db->conn));
            }
            log_error("store: query %s: %s", db_query_name[i],
                      be->errmsg(db->conn));
            continue;
        }
        be->finalize(st);
    }
    return bad == 0 ? 0 : ERR_DB;
}

/* --- statements ------------------------------------------------------- */

db_stmt *
db_query(struct db *db, enum query_id id)
{
    struct db_stmt *s = &db->stmts[id];

    if (s->h == NULL) {
        if (db->be->prepare(db->conn, db_query_sql[db->be->dialect][id], true,
                            &s->h) != 0) {
            /* The catalogue is checked at start-up: this is a bug. */
            log_error("store: prepare %s: %s", db_query_name[id],
                      db->be->errmsg(db->conn));
            abort();
        }
        s->db = db;
        s->id = id;
    } else {
        db->be->reset(s->h, true);
    }
    return s;
}

static void
bind(db_stmt *st, int n, const struct db_value *v)
{
    if (st->db->be->bind(st->h, n, v) != 0) {
        log_error("store: %s has no parameter $%d", db_query_name[st->id], n);
        abort();
    }
}

void
db_bind_text(db_stmt *st, int n, const char *s)
{
    struct db_value v = {.kind = s ? DB_VALUE_TEXT : DB_VALUE_NULL, .p = s};

    bind(st, n, &v);
}

void
db_bind_int(db_stmt *st, int n, int64_t i)
{
    struct db_value v = {.kind = DB_VALUE_INT, .i = i};

    bind(st, n, &v);
}

void
db_bind_blob(db_stmt *st, int n, const void *p, size_t len)
{
    struct db_value v = {.kind = DB_VALUE_BLOB, .p = p, .len = len};

    bind(st, n, &v);
}

void
db_bind_null(db_stmt *st, int n)
{
    struct db_value v = {.kind = DB_VALUE_NULL};

    bind(st, n, &v);
}

int
db_step(db_stmt *st)
{
    const struct db_backend *be = st->db->be;
    int rc = be->step(st->h);

    if (rc == DB_ROW || rc == DB_DONE) {
        return rc;
    }
    if (rc == ERR_CONFLICT) {
        log_warn("store: %s: %s", db_query_name[st->id],
                 be->errmsg(st->db->conn));
    } else {
        log_error("store: %s: %s", db_query_name[st->id],
                  be->errmsg(st->db->conn));
    }
    be->reset(st->h, false);
    return rc;
}

const char *
db_col_text(db_stmt *st, int col)
{
    const char *s = st->db->be->col_text(st->h, col);

    return s ? s : "";
}

int64_t
db_col_int(db_stmt *st, int col)
{
    return st->db->be->col_int(st->h, col);
}

bool
db_col_null(db_stmt *st, int col)
{
    return st->db->be->col_null(st->h, col);
}

const void *
db_col_blob(db_stmt *st, int col, size_t *len)
{
    return st->db->be->col_blob(st->h, col, len);
}

char *
db_col_text_dup(struct arena *a, db_stmt *st, int col)
{
    return arena_strdup(a, db_col_text(st, col));
}

void
db_done(db_stmt *st)
{
    st->db->be->reset(st->h, false);
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

db_stmt *
db_query_id(struct db *db, enum query_id q, int64_t id)
{
    db_stmt *st = db_query(db, q);

    db_bind_int(st, 1, id);
    return st;
}

int
db_one_row(db_stmt *st)
{
    int rc = db_step(st);

    if (rc == DB_ROW) {
        return 0;
    }
    return rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int
db_one_int(db_stmt *st, int64_t *out)
{
    int rc = db_one_row(st);

    if (rc == 0) {
        *out = db_col_int(st, 0);
    }
    db_done(st);
    return rc;
}

int
db_list(db_stmt *st, struct arena *a, size_t size, db_row_fn *row, void *out)
{
    char *list = NULL;
    int n = 0, rc;

    while ((rc = db_step(st)) == DB_ROW) {
        list = arena_grow(a, list, n, size);
        memset(list + (size_t)n * size, 0, size);
        row(a, st, list + (size_t)n * size);
        n++;
    }
    db_done(st);
    memcpy(out, &list, sizeof(list)); /* out is a T **: same representation */
    return rc == DB_DONE ? n : rc;
}

int
db_get(db_stmt *st, struct arena *a, db_row_fn *row, void *out)
{
    int rc = db_one_row(st);

    if (rc == 0) {
        row(a, st, out);
    }
    db_done(st);
    return rc;
}

char *
db_col_text_dup_or_null(struct arena *a, db_stmt *st, int col)
{
    return db_col_null(st, col) ? NULL : db_col_text_dup(a, st, col);
}

int
db_begin(struct db *db)
{
    if (db->txn_depth++ == 0) {
        char err[256];

        db->txn_failed = false;
        if (db->be->exec(db->conn, db->be->begin, err, sizeof(err)) != 0) {
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
        db->be->exec(db->conn, "ROLLBACK", NULL, 0);
        return ERR_DB;
    }
    if (db->be->exec(db->conn, "COMMIT", err, sizeof(err)) != 0) {
        log_error("store: commit: %s", err);
        db->be->exec(db->conn, "ROLLBACK", NULL, 0);
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
    db->be->exec(db->conn, "ROLLBACK", NULL, 0);
}

int
db_end(struct db *db, int rc)
{
    if (rc != 0) {
        db_rollback(db);
        return rc;
    }
    return db_commit(db);
}

int
db_transaction(struct db *db, int (*fn)(struct db *db, void *ctx), void *ctx)
{
    int rc = db_begin(db);

    return rc != 0 ? rc : db_end(db, fn(db, ctx));
}

/* --- bulk inserts ----------------------------------------------------- */

struct db_bulk {
    struct db *db;
    enum query_id id;
    int n;                   /* parameters of one row */
    int per_batch;           /* rows sent as one statement */
    int rows;                /* rows bound so far in the batch */
    db_stmt *one;            /* per_batch 1: the catalogue's statement */
    struct db_value *vals;   /* per_batch * n; a text's .len its offset */
    struct buf text;         /* the batch's texts, each NUL-terminated */
    const char *sql;         /* the catalogue's text */
    size_t tuple, tuple_end; /* its VALUES tuple: sql[tuple..tuple_end) */
};

/* The highest $N in sql[from..to) outside quoted text. */
static int
max_param(const char *sql, size_t from, size_t to)
{
    char quote = 0;
    int most = 0;
    size_t i;

    for (i = from; i < to; i++) {
        char c = sql[i];

        if (quote != 0) {
            quote = c == quote ? 0 : quote;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '$' && i + 1 < to && sql[i + 1] >= '1' &&
                   sql[i + 1] <= '9') {
            int v = 0;

            for (i++; i < to && sql[i] >= '0' && sql[i] <= '9' && v < 100000;
                 i++) {
                v = v * 10 + (sql[i] - '0');
            }
            most = v > most ? v : most;
            i--;
        }
    }
    return most;
}

/*
** The one VALUES tuple of an INSERT, sql[*from..*to), and its parameters:
** 0, or -1 when sql is not of the shape db_bulk_begin takes (no tuple, a
** parameter outside it, RETURNING).
*/
static int
find_tuple(const char *sql, size_t *from, size_t *to, int *n)
{
    const char *v = strstr(sql, " VALUES ");
    size_t i, len = strlen(sql);
    int depth = 0;
    char quote = 0;

    if (v == NULL || strncmp(sql, "INSERT INTO ", 12) != 0 ||
        strstr(sql, "RETURNING") != NULL) {
        return -1;
    }
    for (i = (size_t)(v - sql) + 8; sql[i] == ' '; i++) {
    }
    if (sql[i] != '(') {
        return -1;
    }
    *from = i;
    for (; i < len; i++) {
        if (quote != 0) {
            quote = sql[i] == quote ? 0 : quote;
        } else if (sql[i] == '\'' || sql[i] == '"') {
            quote = sql[i];
        } else if (sql[i] == '(') {
            depth++;
        } else if (sql[i] == ')' && --depth == 0) {
            break;
        }
    }
    if (i == len) {
        return -1;
    }
    *to = i + 1;
    *n = max_param(sql, *from, *to);
    return *n > 0 && max_param(sql, 0, len) == *n ? 0 : -1;
}

struct db_bulk *
db_bulk_begin(struct db *db, enum query_id q)
{
    struct db_bulk *b = xcalloc(1, sizeof(*b));

    b->db = db;
    b->id = q;
    b->sql = db_query_sql[db->be->dialect][q];
    if (find_tuple(b->sql, &b->tuple, &b->tuple_end, &b->n) != 0) {
        /* The catalogue is fixed at build time: this is a bug. */
        log_error("store: %s is no INSERT of one VALUES tuple",
                  db_query_name[q]);
        abort();
    }
    b->per_batch = db->be->bulk_rows > 1 ? db->be->bulk_rows : 1;
    /* SQLite and PostgreSQL both take 32 766 parameters in a statement. */
    while (b->per_batch > 1 && b->per_batch * b->n > 32766) {
        b->per_batch /= 2;
    }
    if (db->be->bulk != NULL) {
        db->be->bulk(db->conn, true);
    }
    if (b->per_batch == 1) {
        b->one = db_query(db, q);
    } else {
        b->vals =
            xcalloc((size_t)b->per_batch * (size_t)b->n, sizeof(*b->vals));
    }
    buf_init(&b->text);
    return b;
}

static void
bulk_set(struct db_bulk *b, int n, const struct db_value *v)
{
    struct db_value *slot;

    if (n < 1 || n > b->n) {
        log_error("store: %s has no parameter $%d", db_query_name[b->id], n);
        abort();
    }
    if (b->one != NULL) {
        struct db_value w = *v;

        w.borrowed = true; /* the row is stepped before the caller goes on */
        bind(b->one, n, &w);
        return;
    }
    slot = &b->vals[b->rows * b->n + n - 1];
    *slot = *v;
    if (v->kind == DB_VALUE_TEXT) {
        slot->len = b->text.len; /* an offset until the batch is sent */
        buf_append(&b->text, v->p, strlen(v->p) + 1);
    }
}

void
db_bulk_text(struct db_bulk *b, int n, const char *s)
{
    struct db_value v = {.kind = s ? DB_VALUE_TEXT : DB_VALUE_NULL, .p = s};

    bulk_set(b, n, &v);
}

void
db_bulk_int(struct db_bulk *b, int n, int64_t i)
{
    struct db_value v = {.kind = DB_VALUE_INT, .i = i};

    bulk_set(b, n, &v);
}

void
db_bulk_null(struct db_bulk *b, int n)
{
    struct db_value v = {.kind = DB_VALUE_NULL};

    bulk_set(b, n, &v);
}

/* The INSERT of k tuples: the catalogue's, its tuple repeated with the
 * parameters of row r numbered from r * n + 1. */
static char *
batch_sql(const struct db_bulk *b, int k)
{
    struct buf sql;
    int r;

    buf_init(&sql);
    buf_append(&sql, b->sql, b->tuple);
    for (r = 0; r < k; r++) {
        size_t i;
        char quote = 0;

        if (r > 0) {
            buf_puts(&sql, ", ");
        }
        for (i = b->tuple; i < b->tuple_end; i++) {
            char c = b->sql[i];

            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '$' && b->sql[i + 1] >= '1' &&
                       b->sql[i + 1] <= '9') {
                int v = 0;

                for (i++; b->sql[i] >= '0' && b->sql[i] <= '9'; i++) {
                    v = v * 10 + (b->sql[i] - '0');
                }
                buf_printf(&sql, "$%d", r * b->n + v);
                i--;
                continue;
            }
            buf_putc(&sql, c);
        }
    }
    buf_puts(&sql, b->sql + b->tuple_end);
    return buf_detach(&sql, NULL);
}

int
db_bulk_flush(struct db_bulk *b)
{
    const struct db_backend *be = b->db->be;
    struct db_stmt st = {.db = b->db, .id = b->id};
    void *once = NULL;
    int i, rc;

    if (b->one != NULL || b->rows == 0) {
        return 0;
    }
    if (b->rows == b->per_batch && b->db->bulk[b->id] != NULL) {
        st.h = b->db->bulk[b->id];
    } else {
        char *sql = batch_sql(b, b->rows);
        bool keep = b->rows == b->per_batch;

        rc = be->prepare(b->db->conn, sql, keep,
                         keep ? &b->db->bulk[b->id] : &once);
        free(sql);
        if (rc != 0) {
            log_error("store: %s (%d rows): %s", db_query_name[b->id], b->rows,
                      be->errmsg(b->db->conn));
            b->rows = 0;
            buf_reset(&b->text);
            return ERR_DB;
        }
        st.h = keep ? b->db->bulk[b->id] : once;
    }
    for (i = 0; i < b->rows * b->n; i++) {
        struct db_value v = b->vals[i];

        if (v.kind == DB_VALUE_TEXT) {
            v.p = b->text.data + v.len;
        }
        bind(&st, i + 1, &v);
    }
    rc = db_exec(&st);
    be->reset(st.h, true);
    be->finalize(once);
    memset(b->vals, 0, (size_t)b->per_batch * (size_t)b->n * sizeof(*b->vals));
    b->rows = 0;
    buf_reset(&b->text);
    return rc;
}

int
db_bulk_row(struct db_bulk *b)
{
    int rc;

    if (b->one != NULL) {
        rc = db_exec(b->one);
        b->db->be->reset(b->one->h, true);
        return rc;
    }
    return ++b->rows == b->per_batch ? db_bulk_flush(b) : 0;
}

int
db_bulk_end(struct db_bulk *b, int rc)
{
    if (rc == 0) {
        rc = db_bulk_flush(b);
    }
    if (b->db->be->bulk != NULL) {
        b->db->be->bulk(b->db->conn, false);
    }

    free(b->vals);
    buf_free(&b->text);
    free(b);
    return rc;
}

/* --- whole-database operations: the engine of the database's path ----- */

int
db_backup_file(const char *src, const char *dest, int64_t *bytes, char *err,
               int errlen)
{
    return backend_for(src)->backup(src, dest, bytes, err, errlen);
}

int
db_check_file(const char *path, void (*problem)(void *, const char *),
              void *arg, int *version, char *err, int errlen)
{
    return backend_for(path)->check(path, problem, arg, version, err, errlen);
}

int
db_restore_file(const char *src, const char *dest, char *err, int errlen)
{
    return backend_for(dest)->restore(src, dest, err, errlen);
}

/* --- pool ------------------------------------------------------------- */

struct db_pool {
    char *path;
    int flags;
    pthread_mutex_t lock;
    pthread_key_t key;
    struct db *all; /* every connection opened, for db_pool_free() */
    int open;       /* how many */
    const struct db_backend *be;
    void *work; /* the engine's pool_start */
};

struct db_pool *
db_pool_new(const char *path, int flags)
{
    struct db_pool *p = xcalloc(1, sizeof(*p));

    p->path = xstrdup(path);
    p->flags = flags;
    pthread_mutex_init(&p->lock, NULL);
    pthread_key_create(&p->key, NULL);
    p->be = backend_for(path);
    p->work = p->be->pool_start ? p->be->pool_start(path, flags) : NULL;
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
    p->open++;
    pthread_mutex_unlock(&p->lock);
    return db;
}

void
db_pool_stats(struct db_pool *p, struct db_pool_stats *out)
{
    pthread_mutex_lock(&p->lock);
    out->open = p->open;
    pthread_mutex_unlock(&p->lock);
    out->engine = db_engine_name(p->path);
    out->reconnects = __atomic_load_n(&reconnects, __ATOMIC_RELAXED);
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
    if (p->work != NULL) {
        p->be->pool_stop(p->work);
    }
    pthread_key_delete(p->key);
    pthread_mutex_destroy(&p->lock);
    free(p->path);
    free(p);
}
