/*
** The backup record and the instance's figures (see ops.h). Every change
** goes with its audit row in the same transaction.
*/
#include "ops.h"

#include <stdio.h>
#include <time.h>

#include "auth/auth.h"
#include "core/err.h"
#include "db/db.h"

int
ops_backup_record(struct db *db, const char *file, int64_t bytes, int version,
                  const char *account)
{
    char after[1200];
    db_stmt *st;
    struct audit_entry e = {
        .account = account,
        .via = "cli",
        .action = "backup.create",
        .entity = "backup",
        .entity_id = file,
        .after = after,
    };

    /* The path is an administrator's own; JSON-escape the two characters
     * that could break the string. */
    {
        size_t i = 0;
        const char *p;

        i += (size_t)snprintf(after + i, sizeof(after) - i, "{\"file\":\"");
        for (p = file; *p != '\0' && i + 8 < sizeof(after); p++) {
            if (*p == '"' || *p == '\\') {
                after[i++] = '\\';
            }
            after[i++] = (unsigned char)*p < 0x20 ? '?' : *p;
        }
        snprintf(after + i, sizeof(after) - i,
                 "\",\"bytes\":%lld,\"schema_version\":%d}", (long long)bytes,
                 version);
    }
    st = db_query(db, Q_OPS_BACKUP_INSERT);
    db_bind_text(st, 1, file);
    db_bind_int(st, 2, bytes);
    db_bind_int(st, 3, version);
    db_bind_text(st, 4, account);
    return audit_exec(db, &e, st);
}

int
ops_backup_last(struct db *db, int64_t *at, int64_t *bytes)
{
    db_stmt *st = db_query(db, Q_OPS_BACKUP_LAST_TIME);
    int rc = db_one_row(st);

    if (rc == 0) {
        /* made_at is ISO 8601 UTC text: read here, so that one query
         * serves both engines. */
        struct tm tm = {0};

        if (sscanf(db_col_text(st, 0), "%d-%d-%dT%d:%d:%d", &tm.tm_year,
                   &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
                   &tm.tm_sec) != 6) {
            db_done(st);
            return ERR_DB;
        }
        tm.tm_year -= 1900;
        tm.tm_mon -= 1;
        *at = (int64_t)timegm(&tm);
        *bytes = db_col_int(st, 1);
    }
    db_done(st);
    return rc;
}

int64_t
ops_db_bytes(struct db *db)
{
    int64_t n = 0;

    db_one_int(db_query(db, Q_OPS_DB_BYTES), &n);
    return n;
}

int64_t
ops_sessions_open(struct db *db, int64_t now)
{
    db_stmt *st = db_query(db, Q_OPS_SESSIONS_OPEN);
    int64_t n = 0;

    db_bind_int(st, 1, now - AUTH_IDLE_SECONDS);
    db_bind_int(st, 2, now - AUTH_ABSOLUTE_SECONDS);
    db_one_int(st, &n);
    return n;
}

bool
ops_store_answers(struct db *db)
{
    int64_t n = 0;

    return db_one_int(db_query(db, Q_OPS_HEALTH), &n) == 0 && n > 0;
}

int64_t
ops_accounts_active(struct db *db)
{
    int64_t n = 0;

    db_one_int(db_query(db, Q_OPS_ACCOUNTS), &n);
    return n;
}

db_stmt *
ops_backups_recent(struct db *db, int n)
{
    db_stmt *st = db_query(db, Q_OPS_BACKUP_RECENT);

    db_bind_int(st, 1, n);
    return st;
}
