/*
** What a store engine provides, private to src/db/. db.c keeps what is the
** same for every engine (the query catalogue, the migration runner, nested
** transactions, the pool, logging) and reaches the engine only through one
** struct db_backend. A second engine is one more db_<engine>.c that fills
** the table, its entry in db_backends[], and Q2 variants where its SQL
** differs. Handles are the engine's own (for SQLite sqlite3 * and
** sqlite3_stmt *), passed as void *.
*/
#ifndef DB_DB_BACKEND_H
#define DB_DB_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/embedded.h"
#include "db.h"

/* The SQL dialects of the catalogue, in the order of Q2's texts. */
enum db_dialect { DB_DIALECT_SQLITE, DB_DIALECT_POSTGRESQL, DB_DIALECT_COUNT };

/* One value to bind; text is NUL-terminated, a blob has len bytes. */
struct db_value {
    enum { DB_VALUE_NULL, DB_VALUE_INT, DB_VALUE_TEXT, DB_VALUE_BLOB } kind;
    int64_t i;
    const void *p;
    size_t len;
    bool borrowed; /* p stays valid until the statement is next reset */
};

struct db_backend {
    /* A path beginning with one of these selects this engine; NULL for
     * the default, which takes any other path (a file name). */
    const char *const *schemes;
    enum db_dialect dialect;
    const char *begin; /* the statement that opens a write transaction */
    /* Rows of a bulk insert sent as one statement (db_bulk_begin): 1 when
     * a statement costs no round trip (SQLite), else up to DB_BULK_BATCH. */
    int bulk_rows;
    /* This dialect's migrations, numbered as every dialect's are. */
    const struct embedded *migrations;

    /*
    ** Open path as db_open's flags say, with the engine's settings (and
    ** the pl collation, the fold() function); nothing migrated. 0, or
    ** ERR_DB with a one-line reason in err and nothing left open.
    */
    int (*open)(const char *path, int flags, void **conn, char *err,
                int errlen);
    void (*close)(void *conn);
    /* Run SQL text that returns no rows (one or more statements): 0, or
     * ERR_DB with the engine's message in err when err is not NULL. */
    int (*exec)(void *conn, const char *sql, char *err, int errlen);
    /* The last error on conn, for a log line; never NULL. */
    const char *(*errmsg)(void *conn);

    /* Highest migration number applied, -1 when conn holds no database. */
    int (*version)(void *conn);
    /*
    ** Mark in applied[0..max] the migrations conn has (writable: create
    ** the record table first). 0, or ERR_CONFLICT with err naming a
    ** migration unknown to this program.
    */
    int (*applied)(void *conn, bool *applied, int max, bool writable, char *err,
                   int errlen);
    /* Inside the migration's transaction: its record, and version as the
     * new highest number. 0 or ERR_DB with err. */
    int (*record)(void *conn, int number, const char *name, int version,
                  char *err, int errlen);

    /* Compile sql; keep says it is reused for the connection's life.
     * 0, or ERR_DB (errmsg tells why). */
    int (*prepare)(void *conn, const char *sql, bool keep, void **st);
    void (*finalize)(void *st); /* NULL is a no-op */
    /* Ready st to run again, holding no read snapshot; clear also unbinds
     * its parameters. */
    void (*reset)(void *st, bool clear);
    /* Bind the parameter written $n; ERR_INPUT when st has none. */
    int (*bind)(void *st, int n, const struct db_value *v);
    /* DB_ROW, DB_DONE, ERR_CONFLICT (a constraint failed) or ERR_DB;
     * after an error errmsg still tells why, until the next reset. */
    int (*step)(void *st);
    const char *(*col_text)(void *st, int col); /* NULL for NULL */
    int64_t (*col_int)(void *st, int col);
    bool (*col_null)(void *st, int col);
    const void *(*col_blob)(void *st, int col, size_t *len);

    /* db_backup_file, db_check_file and db_restore_file for a database of
     * this engine, with their contracts (db.h). */
    int (*backup)(const char *src, const char *dest, int64_t *bytes, char *err,
                  int errlen);
    int (*check)(const char *path, void (*problem)(void *, const char *),
                 void *arg, int *version, char *err, int errlen);
    int (*restore)(const char *src, const char *dest, char *err, int errlen);

    /* A bulk insert begins (on) or ends on conn: the engine may size its
     * caches for it (SQLite: the page cache). NULL when nothing to do. */
    void (*bulk)(void *conn, bool on);

    /*
    ** What the engine runs beside a server's pool (db_pool_new's path and
    ** flags), started before the pool's first connection and stopped after
    ** its last (SQLite: the WAL checkpoints, off the request path). NULL
    ** when it has nothing to run or cannot run it (the pool works without).
    */
    void *(*pool_start)(const char *path, int flags);
    void (*pool_stop)(void *work);
};

extern const struct db_backend db_sqlite, db_pg;

/* An engine re-opened a lost connection (counted for /metrics). */
void db_note_reconnect(void);

/* Every engine of this build, NULL-terminated (db.c). */
extern const struct db_backend *const db_backends[];

/* The catalogue (db.c): each query's name, and its text per dialect (a Q
 * entry has the same text in every dialect). */
extern const char *const db_query_name[Q_COUNT];
extern const char *const db_query_sql[DB_DIALECT_COUNT][Q_COUNT];

#endif
