/*
** libmicrohttpd glue. The access handler creates a struct req on the first
** call of a request and returns at once (responding in that call makes
** libmicrohttpd 0.9.75 close keep-alive connections), collects the body on
** the next calls, and dispatches when the body is complete. The request's
** arena dies in the completion callback, which also writes the access log.
*/
#include "server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"
#include "db/db.h"
#include "http.h"
#include "router.h"

#define HEADER_MEMORY_LIMIT (64 * 1024)
#define CONNECTION_TIMEOUT 30
#define DRAIN_SECONDS 10

static const char csp[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

struct server {
    const struct server_config *cfg;
    struct db_pool *pool;
    atomic_int in_flight;
};

static struct req *
req_new(struct server *s, struct MHD_Connection *conn, const char *method,
        const char *url)
{
    struct arena a;
    struct req *r;

    arena_init(&a);
    r = arena_alloc(&a, sizeof(*r));
    r->arena = a;
    clock_gettime(CLOCK_MONOTONIC, &r->start);
    r->conn = conn;
    r->method = arena_strdup(&r->arena, method);
    r->path = arena_strdup(&r->arena, url);
    r->is_api = strncmp(url, "/api/", 5) == 0 || strcmp(url, "/api") == 0;
    r->secure = s->cfg->behind_tls_proxy;
    {
        const union MHD_ConnectionInfo *ci = MHD_get_connection_info(
            conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        char host[INET6_ADDRSTRLEN] = "?";

        if (ci != NULL && ci->client_addr != NULL) {
            const struct sockaddr *sa = ci->client_addr;

            if (sa->sa_family == AF_INET) {
                inet_ntop(AF_INET,
                          &((const struct sockaddr_in *)(const void *)sa)
                               ->sin_addr,
                          host, sizeof(host));
            }
        }
        r->addr = arena_strdup(&r->arena, host);
    }
    buf_init(&r->body);
    buf_init(&r->out);
    atomic_fetch_add(&s->in_flight, 1);
    return r;
}

static enum MHD_Result
send_response(struct req *r)
{
    struct MHD_Connection *conn = r->conn;
    struct MHD_Response *resp;
    enum MHD_Result ret;
    size_t len;
    char *body;
    int i;

    if (r->status == 0) {
        r->status = 200;
    }
    body = buf_detach(&r->out, &len);
    resp = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
    if (resp == NULL) {
        free(body);
        return MHD_NO;
    }
    MHD_add_response_header(resp, "Content-Type",
                            r->content_type
                                ? r->content_type
                                : "text/html; charset=utf-8");
    MHD_add_response_header(resp, "Content-Security-Policy", csp);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
    for (i = 0; i < r->nheaders; i++) {
        MHD_add_response_header(resp, r->header_names[i],
                                r->header_values[i]);
    }
    ret = MHD_queue_response(conn, (unsigned)r->status, resp);
    MHD_destroy_response(resp);
    /* Remembered for the access log: the buffer now belongs to MHD. */
    r->out.len = len;
    return ret;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *conn, const char *url,
           const char *method, const char *version, const char *upload,
           size_t *upload_size, void **con_cls)
{
    struct server *s = cls;
    struct req *r = *con_cls;

    (void)version;
    if (r == NULL) {
        *con_cls = req_new(s, conn, method, url);
        return MHD_YES;
    }
    if (*upload_size > 0) {
        if (!r->body_too_big &&
            r->body.len + *upload_size <= s->cfg->body_limit) {
            buf_append(&r->body, upload, *upload_size);
        } else {
            r->body_too_big = true;
            buf_free(&r->body);
        }
        *upload_size = 0;
        return MHD_YES;
    }
    if (r->body_too_big) {
        req_error(r, 413, "Przesłane dane są zbyt duże.");
        router_render_error(r);
        return send_response(r);
    }
    r->db = db_pool_get(s->pool);
    if (r->db == NULL) {
        req_error(r, 503, "Baza danych jest chwilowo niedostępna.");
        router_render_error(r);
    } else {
        router_dispatch(r);
    }
    return send_response(r);
}

static void
on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
             enum MHD_RequestTerminationCode toe)
{
    struct server *s = cls;
    struct req *r = *con_cls;
    struct timespec end;
    long us;

    (void)conn;
    if (r == NULL) {
        return;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    us = (end.tv_sec - r->start.tv_sec) * 1000000L +
         (end.tv_nsec - r->start.tv_nsec) / 1000;
    /* Path only: a query string may carry what a resident typed. One
     * write(2) per line: no stdio lock shared by the workers. */
    {
        char line[1200];
        int n = snprintf(line, sizeof(line), "access %s %.1024s %d %zu %ldus%s\n",
                         r->method, r->path, r->status, r->out.len, us,
                         toe == MHD_REQUEST_TERMINATED_COMPLETED_OK
                             ? ""
                             : " aborted");

        if (n > 0 && write(STDERR_FILENO, line,
                           (size_t)n < sizeof(line) ? (size_t)n
                                                    : sizeof(line) - 1) < 0) {
            /* Nowhere left to report a failing log. */
        }
    }
    buf_free(&r->body);
    buf_free(&r->out);
    *con_cls = NULL;
    {
        struct arena a = r->arena;
        arena_free(&a);
    }
    atomic_fetch_sub(&s->in_flight, 1);
}

static void
on_mhd_log(void *cls, const char *fmt, va_list ap)
{
    char line[512];

    (void)cls;
    vsnprintf(line, sizeof(line), fmt, ap);
    line[strcspn(line, "\n")] = '\0';
    log_warn("http: %s", line);
}

static int
parse_listen(const char *listen, struct sockaddr_in *sa)
{
    const char *colon = strrchr(listen, ':');
    char host[64];
    char *end;
    long port;

    if (colon == NULL || (size_t)(colon - listen) >= sizeof(host)) {
        return -1;
    }
    memcpy(host, listen, (size_t)(colon - listen));
    host[colon - listen] = '\0';
    port = strtol(colon + 1, &end, 10);
    if (*end != '\0' || end == colon + 1 || port < 0 || port > 65535) {
        return -1;
    }
    memset(sa, 0, sizeof(*sa));
    sa->sin_family = AF_INET;
    sa->sin_port = htons((uint16_t)port);
    if (inet_pton(AF_INET, host, &sa->sin_addr) != 1) {
        return -1;
    }
    return 0;
}

int
server_run(const struct server_config *cfg)
{
    struct server s = {.cfg = cfg};
    struct sockaddr_in sa;
    struct MHD_Daemon *d;
    sigset_t set;
    unsigned threads = cfg->threads;
    const union MHD_DaemonInfo *info;
    struct db *probe;
    char err[512];
    int sig, waited;

    if (parse_listen(cfg->listen, &sa) != 0) {
        log_error("serve: bad listen address '%s' (want IPv4:PORT)",
                  cfg->listen);
        return 1;
    }
    /* Open once before serving so a bad database fails now, not later. */
    if (db_open(cfg->db_path, 0, &probe, err, sizeof(err)) != 0) {
        log_error("serve: %s", err);
        return 1;
    }
    if (db_check_queries(probe, err, sizeof(err)) != 0) {
        log_error("serve: query catalogue: %s", err);
        db_close(probe);
        return 1;
    }
    db_close(probe);
    if (threads == 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        threads = n > 0 ? (unsigned)n : 2;
    }
    s.pool = db_pool_new(cfg->db_path, 0);

    /* Signals are taken by sigwait() below, in this thread only. */
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);

    d = MHD_start_daemon(
        MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG,
        0, NULL, NULL, on_request, &s, MHD_OPTION_EXTERNAL_LOGGER,
        on_mhd_log, NULL, MHD_OPTION_SOCK_ADDR,
        (struct sockaddr *)&sa, MHD_OPTION_THREAD_POOL_SIZE, threads,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HEADER_MEMORY_LIMIT,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)CONNECTION_TIMEOUT,
        MHD_OPTION_STRICT_FOR_CLIENT, 1,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, &s, MHD_OPTION_END);
    if (d == NULL) {
        log_error("serve: cannot listen on %s: %s", cfg->listen,
                  strerror(errno));
        db_pool_free(s.pool);
        return 1;
    }
    info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    {
        char host[INET_ADDRSTRLEN];

        inet_ntop(AF_INET, &sa.sin_addr, host, sizeof(host));
        log_info("serve: listening on http://%s:%u/ (%u threads, db %s)",
                 host, info ? info->port : 0, threads, cfg->db_path);
    }

    while (sigwait(&set, &sig) != 0) {
    }
    log_info("serve: signal %d, finishing requests in flight", sig);
    MHD_quiesce_daemon(d);
    for (waited = 0; atomic_load(&s.in_flight) > 0 &&
                     waited < DRAIN_SECONDS * 100;
         waited++) {
        usleep(10000);
    }
    MHD_stop_daemon(d);
    db_pool_free(s.pool);
    log_info("serve: stopped cleanly");
    return 0;
}
