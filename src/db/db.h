/*
** The store: the one interface modules use for their data. A catalogue of
** queries (queries.def), run by id on a connection that belongs to one
** thread; statements are prepared once per connection and reused.
** Placeholders are $1..$n, as PostgreSQL writes them. No engine's type
** appears here: db.c is the neutral half, and each engine fills a struct
** db_backend (db_backend.h); db_sqlite.c is the SQLite one, the embedded
** default; db_pg.c the PostgreSQL one (libpq). The path given to db_open
** (and the whole-database operations) picks the engine: a URI beginning
** postgresql:// or postgres:// is PostgreSQL, anything else a SQLite file.
**
** A catalogue entry is Q(id, sql): one text that every engine runs. Where
** the dialects truly differ, Q2(id, sqlite_sql, pg_sql) gives each its own
** text, beside each other in the module's queries.def; keep those few.
*/
#ifndef DB_DB_H
#define DB_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
typedef struct db_stmt db_stmt;

enum query_id {
#define Q(id, sql) id,
#define Q2(id, sqlite_sql, pg_sql) id,
#include "queries.def"
#undef Q2
#undef Q
    Q_COUNT
};

enum { DB_ROW = 1, DB_DONE = 2 };

enum {
    DB_OPEN_READONLY = 1, /* for serving reads: never migrates */
    DB_OPEN_CREATE = 2,   /* create the file if it does not exist */
};

/*
** Open path, bring its schema to the latest migration (unless read-only)
** and prepare nothing yet. On error writes a one-line English reason to
** err (size errlen) and returns ERR_DB; a schema newer than this binary is
** refused this way too.
*/
int db_open(const char *path, int flags, struct db **out, char *err,
            int errlen);
void db_close(struct db *db);
/* Schema version of the file and of this binary. */
int db_schema_version(struct db *db);
int db_latest_version(void);
/* Prepare every catalogue entry: a typo in SQL fails here, not on a click. */
int db_check_queries(struct db *db, char *err, int errlen);

/* The cached statement for id, reset and with bindings cleared. */
db_stmt *db_query(struct db *db, enum query_id id);
void db_bind_text(db_stmt *st, int n, const char *s); /* NULL binds NULL */
void db_bind_int(db_stmt *st, int n, int64_t v);
void db_bind_blob(db_stmt *st, int n, const void *p, size_t len);
void db_bind_null(db_stmt *st, int n);
/* Query q with its one parameter, $1, bound to id: the usual lookup by id. */
db_stmt *db_query_id(struct db *db, enum query_id q, int64_t id);
/* DB_ROW, DB_DONE, or ERR_CONFLICT (constraint) / ERR_DB (logged). */
int db_step(db_stmt *st);
/* Column values of the current row; text is valid until the next step. */
const char *db_col_text(db_stmt *st, int col); /* "" for NULL */
int64_t db_col_int(db_stmt *st, int col);
bool db_col_null(db_stmt *st, int col);
/* Bytes of a BLOB (or text) column, valid until the next step. */
const void *db_col_blob(db_stmt *st, int col, size_t *len);
char *db_col_text_dup(struct arena *a, db_stmt *st, int col);
/* Reset the statement so the connection holds no read snapshot. */
void db_done(db_stmt *st);
/* Step a statement that returns no rows (or ignore them); 0 or error. */
int db_exec(db_stmt *st);
/*
** Step once, for a query of at most one row: 0 with the row current (read
** its columns, then db_done), ERR_NOTFOUND, or ERR_CONFLICT / ERR_DB.
*/
int db_one_row(db_stmt *st);
/* Step once and read column 0 as an integer: 0, ERR_NOTFOUND or error. */
int db_one_int(db_stmt *st, int64_t *out);
/*
** Reading rows into arena structs: row(a, st, elem) copies the current
** row's columns into one element (strings with db_col_text_dup, so they
** live in a).
*/
typedef void db_row_fn(struct arena *a, db_stmt *st, void *elem);
/*
** Step st to its end into a new arena array of elements of size bytes,
** each zeroed and then filled by row; out is the address of the array
** pointer (a T ** for elements T), set to NULL when there are none.
** Returns the count, or ERR_CONFLICT / ERR_DB. Resets st.
*/
int db_list(db_stmt *st, struct arena *a, size_t size, db_row_fn *row,
            void *out);
/* Step once and fill *out by row: 0, ERR_NOTFOUND or error; resets st. */
int db_get(db_stmt *st, struct arena *a, db_row_fn *row, void *out);
/* The column as arena text, or NULL for SQL NULL. */
char *db_col_text_dup_or_null(struct arena *a, db_stmt *st, int col);
/* Transactions nest through a counter; only the outermost one commits. */
int db_begin(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);
/*
** End the transaction db_begin opened by how its work went: commit when rc
** is 0 (the commit's result returned), else roll back and return rc.
*/
int db_end(struct db *db, int rc);
/*
** Run fn(db, ctx) in one transaction: committed when it returns 0, rolled
** back otherwise (its error returned). It names no query: the SQL is
** that of the stores fn calls, so a caller that is no store (the demo
** runner) may make several stores' changes one.
*/
int db_transaction(struct db *db, int (*fn)(struct db *db, void *ctx),
                   void *ctx);

/*
** Bulk inserts (issue 21): many rows of one catalogue INSERT whose text
** ends with its one VALUES tuple, "($1, ..., $n)" (an ON CONFLICT clause
** may follow; never RETURNING: nothing is read back). Each engine sends
** the rows its fastest way behind one shape: SQLite steps the prepared
** statement row by row (no round trip to save); PostgreSQL sends up to
** DB_BULK_BATCH rows as one INSERT of that many tuples, so a load makes
** one round trip per batch instead of one per row. Inside the caller's
** transaction, which rolls back on any error.
**
**   b = db_bulk_begin(db, Q_X);
**   for each row: db_bulk_text(b, 1, ...); ...; rc = db_bulk_row(b);
**   rc = db_bulk_end(b, rc);      (rc 0: sends what is left; frees b)
**
** A row is bound as a statement is ($1..$n, each once per row; one not
** bound is NULL); its texts must live until its db_bulk_row returns. Rows of a
*batch not yet sent are not in the store: other
** statements of the connection see every row only after db_bulk_flush
** or db_bulk_end. db_bulk_row, db_bulk_flush and db_bulk_end return 0,
** or ERR_CONFLICT (a constraint) / ERR_DB (logged) of the batch sent.
** db_bulk_end(b, rc) frees b whatever happens; with rc not 0 (the load
** failed: its transaction will roll back) it sends nothing and returns
** rc, as db_end does.
*/
#define DB_BULK_BATCH 500
struct db_bulk;
struct db_bulk *db_bulk_begin(struct db *db, enum query_id q);
void db_bulk_text(struct db_bulk *b, int n, const char *s); /* NULL: NULL */
void db_bulk_int(struct db_bulk *b, int n, int64_t v);
void db_bulk_null(struct db_bulk *b, int n);
int db_bulk_row(struct db_bulk *b);
int db_bulk_flush(struct db_bulk *b);
int db_bulk_end(struct db_bulk *b, int rc);

/* --- whole-database operations (backup, restore, checks) -------------- */
/* Each runs on the engine of its database's path; for SQLite: */

/*
** Copy the database at src into a new file dest with SQLite's online backup
** API: one consistent snapshot (every transaction committed before the copy
** began, none after), even while servers write. The copy goes to a
** temporary file beside dest, is switched to a single-file journal, synced
** and renamed over dest, so dest is either absent or complete. *bytes gets
** its size. 0, or ERR_IO / ERR_DB with a one-line reason in err.
*/
int db_backup_file(const char *src, const char *dest, int64_t *bytes, char *err,
                   int errlen);

/*
** Check the database file at path without changing it: PRAGMA
** integrity_check and foreign_key_check. Each problem is passed to
** problem(arg, text); *version gets the schema version (user_version).
** Returns the number of problems (0 = healthy), or ERR_DB with err set
** when the file cannot be read as a database at all.
*/
int db_check_file(const char *path, void (*problem)(void *, const char *),
                  void *arg, int *version, char *err, int errlen);

/*
** Replace the whole content of the database at dest by that of src, in one
** write transaction of dest (online backup API): other connections see the
** old or the new database, never a mix, and a crash leaves the old one.
** dest is created when absent. The caller checks src first. 0, or ERR_DB /
** ERR_IO with a reason in err.
*/
int db_restore_file(const char *src, const char *dest, char *err, int errlen);

/*
** A pool for the server: one connection per worker thread, opened on the
** thread's first request, all closed by db_pool_free(). The engine may run
** its upkeep beside the pool's connections (SQLite: WAL checkpoints on a
** thread of their own, not in the commit of a request).
*/
struct db_pool;
struct db_pool *db_pool_new(const char *path, int flags);
/* The calling thread's connection, or NULL (logged) when it cannot open. */
struct db *db_pool_get(struct db_pool *pool);
void db_pool_free(struct db_pool *pool);

/* What /healthz and /metrics tell of a pool. */
struct db_pool_stats {
    const char *engine; /* "sqlite" or "postgresql" */
    int open;           /* connections opened (one per worker thread) */
    int64_t reconnects; /* lost connections re-opened, in this process */
};
void db_pool_stats(struct db_pool *pool, struct db_pool_stats *out);
/* The engine a database path selects: "sqlite" or "postgresql". */
const char *db_engine_name(const char *path);

#endif
