/*
** The operations pages: /healthz for load balancers and service managers
** (public, says only whether the store answers), /metrics in the
** Prometheus text format (the server's request counters plus the store's
** figures), and /system, the administrators' page with the last backups.
** Who may read /metrics is decided here, not by a capability alone, so
** that a local scraper needs no account.
*/
#include "modules_handlers.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "auth/auth.h"
#include "core/err.h"
#include "db/db.h"
#include "directory/directory.h"
#include "html/html.h"
#include "html/layout.h"
#include "http/server.h"
#include "ops.h"
#include "ops/strings_pl.h"

#define BACKUP_MAX_AGE (24 * 60 * 60)

/*
** ROUTE: GET /healthz
** CAP: CAP_PUBLIC
** PARAMS: none
*/
int
page_ops_healthz(struct req *r)
{
    bool ok = ops_store_answers(r->db);

    r->content_type = "text/plain; charset=utf-8";
    req_add_header(r, "Cache-Control", "no-store");
    r->status = ok ? 200 : 503;
    /* Plain text for probes; nothing about the data. */
    buf_puts(&r->out, ok ? "ok\n" : "unavailable\n");
    return 0;
}

/* A direct client on 127.0.0.0/8, not relayed by a proxy on the host. */
static bool
direct_loopback(struct req *r)
{
    return r->addr != NULL && strncmp(r->addr, "127.", 4) == 0 &&
           req_header(r, "X-Forwarded-For") == NULL &&
           req_header(r, "X-Real-IP") == NULL &&
           req_header(r, "Forwarded") == NULL;
}

static bool
token_ok(struct req *r, const char *token)
{
    const char *h = req_header(r, "Authorization");
    size_t n;

    if (token == NULL || *token == '\0' || h == NULL ||
        strncmp(h, "Bearer ", 7) != 0) {
        return false;
    }
    h += 7;
    n = strlen(token);
    return strlen(h) == n && sodium_memcmp(h, token, n) == 0;
}

static int64_t
file_bytes(const char *path, const char *suffix)
{
    char name[4096];
    struct stat st;

    snprintf(name, sizeof(name), "%s%s", path, suffix);
    return stat(name, &st) == 0 ? (int64_t)st.st_size : 0;
}

/*
** ROUTE: GET /metrics
** CAP: CAP_PUBLIC
** PARAMS: none (administrators, "Authorization: Bearer TOKEN", or direct
**         loopback clients when metrics_allow = loopback)
*/
int
page_ops_metrics(struct req *r)
{
    const struct server_config *cfg = server_current();
    bool admin = r->user != NULL && auth_role_has(r->user->role, CAP_OPS);
    int64_t at = 0, bytes = 0, now = (int64_t)time(NULL), builds, applied;
    struct buf *o = &r->out;

    if (!admin && !(cfg != NULL && token_ok(r, cfg->metrics_token)) &&
        !(cfg != NULL && cfg->metrics_loopback && direct_loopback(r))) {
        return req_error(r, r->user ? 403 : 401, T_OPS_METRICS_DENIED);
    }
    r->content_type = "text/plain; version=0.0.4; charset=utf-8";
    req_add_header(r, "Cache-Control", "no-store");
    /* The exposition format is plain text, neither HTML nor JSON. */
    server_metrics_write(o);
    buf_printf(o,
               "# HELP rodzina_db_bytes Size of the database file (pages in "
               "use).\n# TYPE rodzina_db_bytes gauge\n"
               "rodzina_db_bytes %lld\n",
               (long long)ops_db_bytes(r->db));
    if (cfg != NULL) {
        buf_printf(o,
                   "# HELP rodzina_db_wal_bytes Size of the write-ahead "
                   "log file.\n# TYPE rodzina_db_wal_bytes gauge\n"
                   "rodzina_db_wal_bytes %lld\n",
                   (long long)file_bytes(cfg->db_path, "-wal"));
    }
    buf_printf(o,
               "# HELP rodzina_sessions_open Sessions within their idle "
               "and absolute limits.\n# TYPE rodzina_sessions_open gauge\n"
               "rodzina_sessions_open %lld\n",
               (long long)ops_sessions_open(r->db, now));
    if (ops_backup_last(r->db, &at, &bytes) == 0) {
        buf_printf(o,
                   "# HELP rodzina_backup_last_timestamp_seconds When the "
                   "last recorded backup was made.\n"
                   "# TYPE rodzina_backup_last_timestamp_seconds gauge\n"
                   "rodzina_backup_last_timestamp_seconds %lld\n"
                   "# HELP rodzina_backup_last_bytes Size of the last "
                   "recorded backup.\n"
                   "# TYPE rodzina_backup_last_bytes gauge\n"
                   "rodzina_backup_last_bytes %lld\n",
                   (long long)at, (long long)bytes);
    }
    dir_index_counters(&builds, &applied);
    buf_printf(o,
               "# HELP rodzina_directory_index_rebuilds_total Whole builds "
               "of the directory's search index.\n"
               "# TYPE rodzina_directory_index_rebuilds_total counter\n"
               "rodzina_directory_index_rebuilds_total %lld\n"
               "# HELP rodzina_directory_index_rows_applied_total Services "
               "read again into the index from the change log.\n"
               "# TYPE rodzina_directory_index_rows_applied_total counter\n"
               "rodzina_directory_index_rows_applied_total %lld\n",
               (long long)builds, (long long)applied);
    buf_printf(o,
               "# HELP rodzina_schema_version Schema version of the "
               "database.\n# TYPE rodzina_schema_version gauge\n"
               "rodzina_schema_version %d\n",
               db_schema_version(r->db));
    return 0;
}

/* "12,3 MB": Polish decimal comma, binary multiples. */
static const char *
size_text(struct arena *a, int64_t n)
{
    char *s;
    char *dot;

    if (n < 1024) {
        return arena_printf(a, "%lld B", (long long)n);
    }
    if (n < 1024 * 1024) {
        s = arena_printf(a, "%.1f KB", (double)n / 1024.0);
    } else if (n < 1024LL * 1024 * 1024) {
        s = arena_printf(a, "%.1f MB", (double)n / (1024.0 * 1024.0));
    } else {
        s = arena_printf(a, "%.2f GB", (double)n / (1024.0 * 1024.0 * 1024.0));
    }
    dot = strchr(s, '.');
    if (dot != NULL) {
        *dot = ',';
    }
    return s;
}

static void
backups_section(struct req *r)
{
    int64_t at = 0, bytes = 0;
    db_stmt *st;
    int rows = 0;

    html_lit(&r->out, "<h2>" T_OPS_BACKUPS "</h2>\n");
    if (ops_backup_last(r->db, &at, &bytes) != 0) {
        html_lit(&r->out, "<p class=\"notice-warn\">" T_OPS_NO_BACKUP "</p>\n");
    } else {
        time_t t = (time_t)at;
        struct tm tm;
        char when[32];

        gmtime_r(&t, &tm);
        strftime(when, sizeof(when), "%Y-%m-%d %H:%M UTC", &tm);
        html_printf(&r->out,
                    "<p id=\"ostatnia-kopia\">%s: <strong>%s</strong>, "
                    "%s</p>\n",
                    T_OPS_LAST_BACKUP, when, size_text(&r->arena, bytes));
        if ((int64_t)time(NULL) - at > BACKUP_MAX_AGE) {
            html_lit(&r->out,
                     "<p class=\"notice-warn\">" T_OPS_BACKUP_OLD "</p>\n");
        }
    }
    html_lit(&r->out, "<p>" T_OPS_BACKUP_HOWTO "</p>\n");
    st = ops_backups_recent(r->db, 10);
    while (db_step(st) == DB_ROW) {
        if (rows++ == 0) {
            html_lit(&r->out, "<table>\n<caption>" T_OPS_BACKUPS_CAPTION
                              "</caption>\n<thead><tr>"
                              "<th scope=\"col\">" T_OPS_COL_MADE "</th>"
                              "<th scope=\"col\">" T_OPS_COL_FILE "</th>"
                              "<th scope=\"col\">" T_OPS_COL_SIZE "</th>"
                              "<th scope=\"col\">" T_OPS_COL_SCHEMA "</th>"
                              "<th scope=\"col\">" T_OPS_COL_WHO "</th>"
                              "</tr></thead>\n<tbody>\n");
        }
        html_printf(&r->out,
                    "<tr><td>%s</td><td>%s</td><td>%s</td><td>%lld</td>"
                    "<td>%s</td></tr>\n",
                    db_col_text(st, 0), db_col_text(st, 1),
                    size_text(&r->arena, db_col_int(st, 2)),
                    (long long)db_col_int(st, 3), db_col_text(st, 4));
    }
    db_done(st);
    if (rows > 0) {
        html_lit(&r->out, "</tbody>\n</table>\n");
    }
}

/*
** ROUTE: GET /system
** CAP: CAP_OPS
** PARAMS: none
*/
int
page_ops_system(struct req *r)
{
    int64_t accounts = ops_accounts_active(r->db);

    layout_begin(r, T_OPS_TITLE);
    html_lit(&r->out, "<h1>" T_OPS_TITLE "</h1>\n");
    backups_section(r);
    html_lit(&r->out,
             "<h2>" T_OPS_STORE "</h2>\n<table>\n<caption>" T_OPS_STORE_CAPTION
             "</caption>\n<tbody>\n");
    html_printf(&r->out,
                "<tr><th scope=\"row\">%s</th><td>%d</td></tr>\n"
                "<tr><th scope=\"row\">%s</th><td>%s</td></tr>\n"
                "<tr><th scope=\"row\">%s</th><td>%lld</td></tr>\n"
                "<tr><th scope=\"row\">%s</th><td>%lld</td></tr>\n",
                T_OPS_SCHEMA, db_schema_version(r->db), T_OPS_DB_SIZE,
                size_text(&r->arena, ops_db_bytes(r->db)), T_OPS_SESSIONS,
                (long long)ops_sessions_open(r->db, (int64_t)time(NULL)),
                T_OPS_ACCOUNTS, (long long)accounts);
    html_lit(&r->out, "</tbody>\n</table>\n<h2>" T_OPS_OBSERVE
                      "</h2>\n<p>" T_OPS_OBSERVE_TEXT "</p>\n");
    layout_end(r);
    return 0;
}
