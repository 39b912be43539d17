/*
** Operations of an instance, beside its configuration (core/config.h): the
** record of backups and the figures the administrators' page and /metrics
** show. No HTML here; pages are in ops_pages.c, commands in cmd_*.c.
*/
#ifndef OPS_OPS_H
#define OPS_OPS_H

#include <stdbool.h>
#include <stdint.h>

struct db;

/*
** Record a backup written to file (absolute path) of bytes bytes and schema
** version, made by the operating-system account (or NULL), with its audit
** row, in one transaction. 0 or ERR_DB.
*/
int ops_backup_record(struct db *db, const char *file, int64_t bytes,
                      int version, const char *account);

/*
** The last backup recorded: 0 with *at (unix seconds) and *bytes, or
** ERR_NOTFOUND when there is none.
*/
int ops_backup_last(struct db *db, int64_t *at, int64_t *bytes);

/* Bytes of the database: a SQLite file's pages in use, or
   PostgreSQL's pg_database_size. */
int64_t ops_db_bytes(struct db *db);

/* Whether the store answers a query (the health probe). */
bool ops_store_answers(struct db *db);

/* Accounts not disabled. */
int64_t ops_accounts_active(struct db *db);

/* The last n backups made, newest first: a cursor over Q_OPS_BACKUP_RECENT
   (made_at, file, bytes, schema_version, account) to step and db_done. */
struct db_stmt *ops_backups_recent(struct db *db, int n);

/* Sessions alive at time now (idle and absolute limits of auth.h). */
int64_t ops_sessions_open(struct db *db, int64_t now);

#endif
