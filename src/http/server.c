/*
** libmicrohttpd glue. The access handler creates a struct req on the first
** call of a request, fixes its body limit by route (admit: refusals are
** answered there, before any body byte is read) and otherwise returns at
** once (responding in that call makes libmicrohttpd 0.9.75 close keep-alive
** connections), collects the body on the next calls within its limit, the
** process-wide total and its deadline, and dispatches when the body is
** complete. Connections are bounded in total and per address, and a
** sweeper thread ends those whose request head takes too long. The request's
** arena dies in the completion callback, which also writes the access log
** and counts the request for /metrics (relaxed atomics: no lock on the
** request path). server_run binds the socket itself so that a server
** started as root can switch to its account before it opens the store or
** the log, then hands the socket to libmicrohttpd, tells systemd it is
** ready (the sd_notify datagram, written here so there is no library to
** link) and waits for signals: SIGHUP reopens the log file. Long work
** (routes marked ROUTE_LONG or ROUTE_UPLOAD) never runs on a worker: its
** connection is suspended and the request runs on the long-work threads.
*/
#include "server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pwd.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/cache.h"
#include "core/log.h"
#include "core/stop.h"
#include "core/str.h"
#include "db/db.h"
#include "access_log.h"
#include "answer_cache.h"
#include "http.h"
#include "http/strings_pl.h"
#include "router.h"

/* Per-connection memory for the request line and headers (libmicrohttpd
 * clears it for every request, so it is kept small). */
#define HEADER_MEMORY_LIMIT (32 * 1024)
#define CONNECTION_TIMEOUT 30
#define DRAIN_SECONDS 10
/* Body of a route that takes no file. The largest real forms (a plan task
 * with its texts, a register record) are a few kilobytes; no JSON API
 * POST takes more. */
#define FORM_BODY_LIMIT (256 * 1024)
/* A body must be in within BODY_SECONDS plus one second per BODY_RATE
 * bytes of its limit: a 25 MB upload gets 20 + 800 s, a form 28 s. */
#define BODY_SECONDS 20
#define BODY_RATE (32 * 1024)
/* Bodies held at once by the whole process, in upload limits. */
#define BODY_BUDGET_UPLOADS 4
/* File descriptors kept for the store, logs and backups. */
#define FD_RESERVE 64
/* Long work: its threads are half the workers (at least one), so that
 * long work takes at most half the CPUs, and run LONG_NICE below them (a
 * short request gets the CPU first); LONG_QUEUE_MAX requests wait at
 * most. */
#define LONG_NICE 10
#define LONG_QUEUE_MAX 256

static const char csp[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

/* A connection, watched for the deadline of its request head. */
struct watch {
    struct watch *prev, *next;
    int fd;
    atomic_llong head_since; /* monotonic s the head began; 0 = not now */
};

struct server {
    const struct server_config *cfg;
    struct db_pool *pool;
    atomic_int in_flight;
    atomic_size_t buffered; /* request body bytes held, all requests */
    size_t budget;          /* most buffered may reach */
    pthread_mutex_t watch_lock;
    struct watch *watched; /* every open connection */
    atomic_bool stopping;  /* tells the sweeper to end */
    unsigned head_timeout; /* s for a request head */
    /* Long work: a ring of suspended requests, under long_lock. */
    pthread_mutex_t long_lock;
    pthread_cond_t long_more;
    struct req *long_ring[LONG_QUEUE_MAX];
    int long_first, long_n;
    bool long_stop; /* the threads end once the ring is empty */
    pthread_t *long_threads;
    int nlong_threads;
};

/* --- metrics -------------------------------------------------------------
** Written by every worker with relaxed atomic adds, read by /metrics. The
** per-route table has two extra rows: static assets and unmatched paths.
*/

static const int status_codes[] = {200, 201, 204, 301, 302, 303, 304,
                                   400, 401, 403, 404, 405, 409, 413,
                                   422, 429, 500, 501, 503};
#define NSTATUS (sizeof(status_codes) / sizeof(status_codes[0]) + 1)
static const double latency_bounds[] = {0.0005, 0.001, 0.0025, 0.005, 0.01,
                                        0.025,  0.05,  0.1,    0.25,  0.5,
                                        1,      2.5,   5,      10};
#define NBOUNDS (sizeof(latency_bounds) / sizeof(latency_bounds[0]))

static struct {
    atomic_uint_least64_t *by_route; /* (routes_count + 2) * NSTATUS */
    atomic_uint_least64_t latency[NBOUNDS + 1];
    atomic_uint_least64_t latency_us;
    time_t started;
    struct server *server;
} metrics;

static const struct server_config *current;

const struct server_config *
server_current(void)
{
    return current;
}

/* One more Host value the server answers as, into h[*n]. */
static void
own_host_add(char (*h)[48], int *n, const char *name, unsigned port)
{
    if (*n < REQ_OWN_HOSTS) {
        snprintf(h[(*n)++], sizeof(h[0]), "%s:%u", name, port);
    }
    /* On port 80 a client writes the host alone. */
    if (port == 80 && *n < REQ_OWN_HOSTS) {
        snprintf(h[(*n)++], sizeof(h[0]), "%s", name);
    }
}

/*
** The Host values the server answers as, for the links of e-mail when no
** site_url is configured (req_site_set): the listen address as bound on
** fd (port 0 made real), and 127.0.0.1 and localhost with its port when
** it is 127.0.0.1 or 0.0.0.0. Without site_url, logged once.
*/
static void
own_hosts_set(int fd, const struct server_config *cfg)
{
    struct sockaddr_in b;
    socklen_t blen = sizeof(b);
    char addr[INET_ADDRSTRLEN], h[REQ_OWN_HOSTS][48];
    char list[sizeof(h) + 2 * REQ_OWN_HOSTS];
    const char *hosts[REQ_OWN_HOSTS];
    size_t used = 0;
    unsigned port;
    uint32_t ip;
    int i, n = 0;

    if (getsockname(fd, (struct sockaddr *)&b, &blen) == 0) {
        port = ntohs(b.sin_port);
        ip = ntohl(b.sin_addr.s_addr);
        inet_ntop(AF_INET, &b.sin_addr, addr, sizeof(addr));
        if (ip != INADDR_ANY) {
            own_host_add(h, &n, addr, port);
        }
        if (ip == INADDR_ANY) {
            own_host_add(h, &n, "127.0.0.1", port);
        }
        if (ip == INADDR_ANY || ip == INADDR_LOOPBACK) {
            own_host_add(h, &n, "localhost", port);
        }
    }
    list[0] = '\0';
    for (i = 0; i < n; i++) {
        hosts[i] = h[i];
        if (used < sizeof(list)) {
            used += (size_t)snprintf(list + used, sizeof(list) - used, "%s%s",
                                     i > 0 ? ", " : "", h[i]);
        }
    }
    req_site_set(cfg->site_url, hosts, n);
    if (cfg->site_url == NULL || cfg->site_url[0] == '\0') {
        log_warn("serve: site_url is not set: requests that queue e-mail "
                 "with links (sign-ups, registrations, forum replies) are "
                 "served only with Host %s (others get 421); set site_url "
                 "to the site's public address",
                 list);
    }
}

bool
server_pool_stats(struct db_pool_stats *out)
{
    struct server *s = metrics.server;

    if (s == NULL) {
        return false;
    }
    db_pool_stats(s->pool, out);
    return true;
}

static void
metrics_count(const struct req *r, long us)
{
    size_t row, col, b;
    double secs = (double)us / 1e6;

    if (metrics.by_route == NULL) {
        return;
    }
    if (r->route != NULL) {
        row = (size_t)(r->route - routes);
    } else if (strncmp(r->path, "/static/", 8) == 0) {
        row = (size_t)routes_count;
    } else {
        row = (size_t)routes_count + 1;
    }
    for (col = 0; col < NSTATUS - 1 && status_codes[col] != r->status; col++) {
    }
    atomic_fetch_add_explicit(&metrics.by_route[row * NSTATUS + col], 1,
                              memory_order_relaxed);
    for (b = 0; b < NBOUNDS && secs > latency_bounds[b]; b++) {
    }
    atomic_fetch_add_explicit(&metrics.latency[b], 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&metrics.latency_us, (uint_least64_t)us,
                              memory_order_relaxed);
}

void
server_metrics_write(struct buf *out)
{
    size_t row, col, b;
    uint_least64_t cum = 0;

    buf_puts(out, "# HELP rodzina_http_requests_total Requests answered, "
                  "by route pattern and status.\n"
                  "# TYPE rodzina_http_requests_total counter\n");
    for (row = 0; metrics.by_route != NULL && row < (size_t)routes_count + 2;
         row++) {
        const char *method =
            row < (size_t)routes_count ? routes[row].method : "any";
        const char *route = row < (size_t)routes_count    ? routes[row].pattern
                            : row == (size_t)routes_count ? "/static/*"
                                                          : "unmatched";

        for (col = 0; col < NSTATUS; col++) {
            uint_least64_t n = atomic_load_explicit(
                &metrics.by_route[row * NSTATUS + col], memory_order_relaxed);
            char status[8];

            if (n == 0) {
                continue;
            }
            if (col < NSTATUS - 1) {
                snprintf(status, sizeof(status), "%d", status_codes[col]);
            } else {
                snprintf(status, sizeof(status), "other");
            }
            buf_printf(out,
                       "rodzina_http_requests_total{method=\"%s\","
                       "route=\"%s\",status=\"%s\"} %llu\n",
                       method, route, status, (unsigned long long)n);
        }
    }
    cache_metrics(out); /* every answers table: core/cache.h */
    buf_puts(out, "# HELP rodzina_http_request_duration_seconds Time from "
                  "the first byte of a request to its completion.\n"
                  "# TYPE rodzina_http_request_duration_seconds "
                  "histogram\n");
    for (b = 0; b <= NBOUNDS; b++) {
        cum += atomic_load_explicit(&metrics.latency[b], memory_order_relaxed);
        if (b < NBOUNDS) {
            buf_printf(out,
                       "rodzina_http_request_duration_seconds_bucket"
                       "{le=\"%g\"} %llu\n",
                       latency_bounds[b], (unsigned long long)cum);
        } else {
            buf_printf(out,
                       "rodzina_http_request_duration_seconds_bucket"
                       "{le=\"+Inf\"} %llu\n",
                       (unsigned long long)cum);
        }
    }
    buf_printf(out,
               "rodzina_http_request_duration_seconds_sum %.6f\n"
               "rodzina_http_request_duration_seconds_count %llu\n",
               (double)atomic_load_explicit(&metrics.latency_us,
                                            memory_order_relaxed) /
                   1e6,
               (unsigned long long)cum);
    buf_printf(out,
               "# HELP rodzina_http_in_flight Requests being served now.\n"
               "# TYPE rodzina_http_in_flight gauge\n"
               "rodzina_http_in_flight %d\n"
               "# HELP rodzina_start_time_seconds When the server started "
               "(unix time).\n"
               "# TYPE rodzina_start_time_seconds gauge\n"
               "rodzina_start_time_seconds %lld\n",
               metrics.server ? atomic_load(&metrics.server->in_flight) : 0,
               (long long)metrics.started);
}

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
    /* /hsds/ is the Open Referral API, named by its standard's paths */
    r->is_api = strncmp(url, "/api/", 5) == 0 || strcmp(url, "/api") == 0 ||
                strncmp(url, "/hsds/", 6) == 0;
    r->secure = s->cfg->behind_tls_proxy;
    {
        const union MHD_ConnectionInfo *ci =
            MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        char host[INET6_ADDRSTRLEN] = "?";

        if (ci != NULL && ci->client_addr != NULL) {
            const struct sockaddr *sa = ci->client_addr;

            if (sa->sa_family == AF_INET) {
                inet_ntop(
                    AF_INET,
                    &((const struct sockaddr_in *)(const void *)sa)->sin_addr,
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

/*
** A strong validator of a response body: its 64-bit str_hash64 (XXH3),
** quoted. A change of the content changes it; the same content, served by
** any process, gives the same one. A byte-wise hash cost a fifth of the
** CPU of a 20 kB page (issue 21).
*/
static void
etag_of(const char *body, size_t len, char out[21])
{
    snprintf(out, 21, "\"%016llx\"", (unsigned long long)str_hash64(body, len));
}

/* Whether an If-None-Match value (a list, "*", weak tags) names etag. */
static bool
etag_matches(const char *inm, const char *etag)
{
    if (inm == NULL) {
        return false;
    }
    while (*inm == ' ') {
        inm++;
    }
    return strcmp(inm, "*") == 0 || strstr(inm, etag) != NULL;
}

static enum MHD_Result
send_response(struct req *r)
{
    struct MHD_Connection *conn = r->conn;
    struct MHD_Response *resp;
    enum MHD_Result ret;
    size_t len;
    char *body, etag[21];
    int i;

    if (r->status == 0) {
        r->status = 200;
    }
    body = buf_detach(&r->out, &len);
    answer_cache_keep(r, body, len);
    if (strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0) {
        answer_cache_bump(); /* it may have changed what answers showed */
    }
    /* Public pages and lists carry an ETag; a client that has the same
     * body gets 304 without it. Never for a session's own pages. */
    if (r->status == 200 && r->user == NULL &&
        (strcmp(r->method, "GET") == 0 || strcmp(r->method, "HEAD") == 0)) {
        etag_of(body, len, etag);
        req_add_header(r, "ETag", etag);
        if (etag_matches(req_header(r, "If-None-Match"), etag)) {
            r->status = 304;
            free(body);
            body = NULL;
            len = 0;
        }
    }
    resp = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
    if (resp == NULL) {
        free(body);
        return MHD_NO;
    }
    MHD_add_response_header(resp, "Content-Type",
                            r->content_type ? r->content_type
                                            : "text/html; charset=utf-8");
    MHD_add_response_header(resp, "Content-Security-Policy", csp);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
    for (i = 0; i < r->nheaders; i++) {
        MHD_add_response_header(resp, r->header_names[i], r->header_values[i]);
    }
    ret = MHD_queue_response(conn, (unsigned)r->status, resp);
    MHD_destroy_response(resp);
    /* Remembered for the access log: the buffer now belongs to MHD. */
    r->out.len = len;
    return ret;
}

/* --- deadline of request heads ------------------------------------------
** libmicrohttpd's timeout is for inactivity only: a client that sends a
** byte of its head now and then keeps its connection for ever. Every
** connection is registered while open; the sweeper thread shuts down those
** whose head (request line and headers) has been arriving for longer than
** header_timeout, and libmicrohttpd then closes them. Deregistration takes
** the same lock before libmicrohttpd closes the descriptor, so a shutdown
** never meets a reused one. An idle keep-alive connection counts as a head
** arriving.
*/

static long long
now_seconds(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec + 1; /* never 0 */
}

static struct watch *
watch_of(struct MHD_Connection *conn)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

    return ci != NULL ? ci->socket_context : NULL;
}

static void
on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
              enum MHD_ConnectionNotificationCode toe)
{
    struct server *s = cls;
    struct watch *w = *socket_context;

    if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *ci =
            MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);

        if (ci == NULL) {
            return;
        }
        w = xcalloc(1, sizeof(*w));
        w->fd = ci->connect_fd;
        atomic_store(&w->head_since, now_seconds());
        pthread_mutex_lock(&s->watch_lock);
        w->next = s->watched;
        if (s->watched != NULL) {
            s->watched->prev = w;
        }
        s->watched = w;
        pthread_mutex_unlock(&s->watch_lock);
        *socket_context = w;
        return;
    }
    if (w == NULL) {
        return;
    }
    pthread_mutex_lock(&s->watch_lock);
    if (w->prev != NULL) {
        w->prev->next = w->next;
    } else {
        s->watched = w->next;
    }
    if (w->next != NULL) {
        w->next->prev = w->prev;
    }
    pthread_mutex_unlock(&s->watch_lock);
    free(w);
    *socket_context = NULL;
}

static void *
sweeper(void *cls)
{
    struct server *s = cls;
    long long limit = (long long)s->head_timeout;

    while (!atomic_load(&s->stopping)) {
        long long now = now_seconds();
        struct watch *w;
        int cut = 0;

        pthread_mutex_lock(&s->watch_lock);
        for (w = s->watched; w != NULL; w = w->next) {
            long long since = atomic_load(&w->head_since);

            if (since != 0 && now - since > limit) {
                shutdown(w->fd, SHUT_RDWR);
                atomic_store(&w->head_since, 0);
                cut++;
            }
        }
        pthread_mutex_unlock(&s->watch_lock);
        if (cut > 0) {
            /* Idle keep-alive connections end here too: info, not warn. */
            log_info("http: closed %d connections whose request head was "
                     "not in within %lld s (idle or slow clients)",
                     cut, limit);
        }
        usleep(250000);
    }
    return NULL;
}

/* Count n more body bytes against the process total; false when over. */
static bool
body_reserve(struct server *s, struct req *r, size_t n)
{
    size_t before = atomic_fetch_add(&s->buffered, n);

    if (before + n > s->budget) {
        atomic_fetch_sub(&s->buffered, n);
        return false;
    }
    r->body_reserved += n;
    return true;
}

/*
** Behind the reverse proxy every TCP peer is the proxy: the client is the
** last address of X-Forwarded-For (the one the proxy appended), believed
** only when the peer is the configured proxy and the value is an address.
** Resolved for a request that has a route, before its capability check.
*/
static void
client_address(const struct server_config *cfg, struct req *r)
{
    const char *xff, *last;
    char addr[INET6_ADDRSTRLEN];
    unsigned char bin[sizeof(struct in6_addr)];
    size_t n;

    if (!cfg->behind_tls_proxy || cfg->trusted_proxy == NULL ||
        strcmp(r->addr, cfg->trusted_proxy) != 0 ||
        (xff = req_header(r, "X-Forwarded-For")) == NULL) {
        return;
    }
    last = strrchr(xff, ',');
    last = last != NULL ? last + 1 : xff;
    last += strspn(last, " \t");
    n = strcspn(last, " \t");
    if (n == 0 || n >= sizeof(addr)) {
        return;
    }
    memcpy(addr, last, n);
    addr[n] = '\0';
    if (inet_pton(AF_INET, addr, bin) == 1 ||
        inet_pton(AF_INET6, addr, bin) == 1) {
        r->addr = arena_strdup(&r->arena, addr);
    }
}

/* Answer now with an error page; before the body this also tells
 * libmicrohttpd to discard the body and close the connection. */
static enum MHD_Result
refuse(struct req *r, int status, const char *message)
{
    req_error(r, status, message);
    router_render_error(r);
    return send_response(r);
}

/*
** The first call: headers are in, the body is not read. Fix the request's
** body limit by its route (the upload limit only for an upload route whose
** capability the session holds), its deadline and its share of the
** process total, and refuse at once what will not be served.
*/
static enum MHD_Result
admit(struct server *s, struct req *r)
{
    const char *cl = req_header(r, "Content-Length");
    const struct route *rt;
    bool known;
    size_t expect = 0;

    if (req_check_args(r) != 0) {
        router_render_error(r);
        return send_response(r);
    }
    r->body_limit = FORM_BODY_LIMIT;
    rt = router_find(r, r->method, r->path, &known);
    if (rt != NULL) {
        client_address(s->cfg, r);
        r->long_work = rt->long_work;
    }
    if (rt != NULL && rt->upload) {
        r->db = db_pool_get(s->pool);
        if (r->db == NULL) {
            return refuse(r, 503, T_ERR_DB_DOWN);
        }
        if (!router_admit(r, rt)) {
            return send_response(r);
        }
        r->body_limit = s->cfg->body_limit;
    }
    /* libmicrohttpd has refused a malformed Content-Length already. */
    if (cl != NULL) {
        unsigned long long n = strtoull(cl, NULL, 10);

        if (n > r->body_limit) {
            return refuse(r, 413, T_ERR_TOO_BIG);
        }
        expect = (size_t)n;
    }
    if (expect > 0) {
        if (!body_reserve(s, r, expect)) {
            req_add_header(r, "Retry-After", "10");
            return refuse(r, 503, T_ERR_BUSY);
        }
        /* One allocation of the announced size, not a doubling series. */
        r->body.data = xmalloc(expect + 1);
        r->body.cap = expect + 1;
        r->body.data[0] = '\0';
    }
    r->until = r->start;
    r->until.tv_sec +=
        BODY_SECONDS +
        (time_t)((expect > 0 ? expect : r->body_limit) / BODY_RATE);
    return MHD_YES;
}

/* A piece of the body: kept within the limits, or the request ends. */
static enum MHD_Result
take_body(struct server *s, struct req *r, const char *data, size_t n)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    if (now.tv_sec > r->until.tv_sec) {
        log_warn("http: %s %.200s: body too slow, connection closed", r->method,
                 r->path);
        r->status = 408;
        return MHD_NO;
    }
    if (r->body_too_big || r->body.len + n > r->body_limit) {
        /* Only a chunked body gets here (a Content-Length was checked):
         * the rest is read and dropped, and 413 answered at its end. */
        r->body_too_big = true;
        return MHD_YES;
    }
    if (r->body.len + n > r->body_reserved &&
        !body_reserve(s, r, r->body.len + n - r->body_reserved)) {
        log_warn("http: body total over %zu bytes, connection closed",
                 s->budget);
        r->status = 503;
        return MHD_NO;
    }
    buf_append(&r->body, data, n);
    return MHD_YES;
}

/* --- long work ------------------------------------------------------------
** A long route's last call suspends its connection and queues the request;
** a long-work thread parses the body and dispatches it on its own store
** connection, marks it done and resumes the connection, whose next call
** sends the answer. So a 3 ms request never waits for a worker behind a
** 230 ms one, and the long threads run niced below the workers. A full
** queue is answered 503 at once.
*/

static void
long_run(struct server *s, struct req *r)
{
    r->db = db_pool_get(s->pool);
    if (r->db == NULL) {
        req_error(r, 503, T_ERR_DB_DOWN);
        router_render_error(r);
    } else if (req_parse_body(r) != 0) {
        router_render_error(r);
    } else {
        router_dispatch(r);
    }
}

static void *
long_thread(void *arg)
{
    struct server *s = arg;

    id_t tid = (id_t)syscall(SYS_gettid);
    int nice_now;

    /* Linux: a thread's own niceness, LONG_NICE above the process's. */
    errno = 0;
    nice_now = getpriority(PRIO_PROCESS, tid);
    if ((errno != 0 ||
         setpriority(PRIO_PROCESS, tid,
                     nice_now + LONG_NICE < 19 ? nice_now + LONG_NICE : 19) !=
             0)) {
        log_warn("serve: long-work thread keeps its priority: %s",
                 strerror(errno));
    }
    for (;;) {
        struct req *r;

        pthread_mutex_lock(&s->long_lock);
        while (s->long_n == 0 && !s->long_stop) {
            pthread_cond_wait(&s->long_more, &s->long_lock);
        }
        if (s->long_n == 0) {
            pthread_mutex_unlock(&s->long_lock);
            return NULL;
        }
        r = s->long_ring[s->long_first];
        s->long_first = (s->long_first + 1) % LONG_QUEUE_MAX;
        s->long_n--;
        pthread_mutex_unlock(&s->long_lock);
        long_run(s, r);
        r->long_done = true;
        MHD_resume_connection(r->conn);
    }
}

/* Suspend r's connection and queue r: false when the queue is full (or
 * the server stops), r then still the caller's. */
static bool
long_push(struct server *s, struct req *r)
{
    bool queued = false;

    pthread_mutex_lock(&s->long_lock);
    if (s->long_n < LONG_QUEUE_MAX && !s->long_stop) {
        /* Suspended before a thread can resume it. */
        MHD_suspend_connection(r->conn);
        s->long_ring[(s->long_first + s->long_n) % LONG_QUEUE_MAX] = r;
        s->long_n++;
        queued = true;
        pthread_cond_signal(&s->long_more);
    }
    pthread_mutex_unlock(&s->long_lock);
    return queued;
}

static void
long_start(struct server *s, unsigned workers)
{
    int n = workers / 2 > 0 ? (int)(workers / 2) : 1;

    pthread_mutex_init(&s->long_lock, NULL);
    pthread_cond_init(&s->long_more, NULL);
    s->long_threads = xcalloc((size_t)n, sizeof(*s->long_threads));
    for (s->nlong_threads = 0; s->nlong_threads < n; s->nlong_threads++) {
        if (pthread_create(&s->long_threads[s->nlong_threads], NULL,
                           long_thread, s) != 0) {
            die("serve: cannot start the long-work threads");
        }
    }
}

/* Let the threads finish what is queued, then end them. */
static void
long_stop(struct server *s)
{
    int i;

    pthread_mutex_lock(&s->long_lock);
    s->long_stop = true;
    pthread_cond_broadcast(&s->long_more);
    pthread_mutex_unlock(&s->long_lock);
    for (i = 0; i < s->nlong_threads; i++) {
        pthread_join(s->long_threads[i], NULL);
    }
    pthread_cond_destroy(&s->long_more);
    pthread_mutex_destroy(&s->long_lock);
    free(s->long_threads);
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *conn, const char *url,
           const char *method, const char *version, const char *upload,
           size_t *upload_size, void **con_cls)
{
    struct server *s = cls;
    struct req *r = *con_cls;
    enum MHD_Result ret;

    (void)version;
    if (r == NULL) {
        struct watch *w = watch_of(conn);

        if (w != NULL) {
            atomic_store(&w->head_since, 0); /* the head is in */
        }
        r = req_new(s, conn, method, url);
        *con_cls = r;
        return admit(s, r);
    }
    if (*upload_size > 0) {
        ret = take_body(s, r, upload, *upload_size);
        *upload_size = 0;
        return ret;
    }
    if (r->body_too_big) {
        return refuse(r, 413, T_ERR_TOO_BIG);
    }
    if (r->long_work) {
        if (r->long_done) {
            return send_response(r);
        }
        if (long_push(s, r)) {
            return MHD_YES;
        }
        req_add_header(r, "Retry-After", "10");
        return refuse(r, 503, T_ERR_BUSY);
    }
    if (r->db == NULL) {
        r->db = db_pool_get(s->pool);
    }
    if (r->db == NULL) {
        return refuse(r, 503, T_ERR_DB_DOWN);
    }
    if (req_parse_body(r) != 0) {
        router_render_error(r);
    } else {
        router_dispatch(r);
    }
    if (r->long_wanted) {
        /* The handler found its work long: run it again from the start
         * on a long-work thread, with nothing of this run kept. */
        buf_reset(&r->out);
        r->status = 0;
        r->content_type = NULL;
        r->nheaders = 0;
        r->error_message = NULL;
        r->user = NULL;
        r->csrf = NULL; /* a token made in this run was never sent */
        r->long_work = true;
        if (long_push(s, r)) {
            return MHD_YES;
        }
        req_add_header(r, "Retry-After", "10");
        return refuse(r, 503, T_ERR_BUSY);
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
    struct watch *w = watch_of(conn);
    long us;

    if (w != NULL) {
        atomic_store(&w->head_since, now_seconds()); /* the next head */
    }
    if (r == NULL) {
        return;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    us = (end.tv_sec - r->start.tv_sec) * 1000000L +
         (end.tv_nsec - r->start.tv_nsec) / 1000;
    metrics_count(r, us);
    /* Path only: a query string may carry what a resident typed. Queued
     * whole for the access log's writer thread (http/access_log.h): no
     * system call and no stdio lock on the request path. */
    if (s->cfg->log_level == 0) {
        char line[1200];
        size_t stamp = log_stamp(line, sizeof(line));
        int n = snprintf(
            line + stamp, sizeof(line) - stamp,
            "access %s %.1024s %d %zu %ldus%s\n", r->method, r->path, r->status,
            r->out.len, us,
            toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " aborted");

        n += n > 0 ? (int)stamp : 0;
        if (n > 0) {
            /* cut at the buffer, a cut line still ends the line */
            size_t len = (size_t)n < sizeof(line) ? (size_t)n : sizeof(line);

            line[len - 1] = '\n';
            access_log_line(line, len);
        }
    }
    buf_free(&r->body);
    buf_free(&r->out);
    atomic_fetch_sub(&s->buffered, r->body_reserved);
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

/*
** Raise the soft descriptor limit to the hard one, and keep the connection
** limit below it so that the store, the log and backups still get theirs.
*/
static unsigned
connection_limit(unsigned wanted)
{
    struct rlimit rl;

    if (getrlimit(RLIMIT_NOFILE, &rl) != 0) {
        return wanted;
    }
    if (rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &rl) != 0) {
            getrlimit(RLIMIT_NOFILE, &rl);
        }
    }
    if (rl.rlim_cur != RLIM_INFINITY &&
        rl.rlim_cur < (rlim_t)wanted + 2 * FD_RESERVE) {
        unsigned fit = rl.rlim_cur > 3 * FD_RESERVE
                           ? (unsigned)(rl.rlim_cur - 2 * FD_RESERVE)
                           : (unsigned)(rl.rlim_cur / 2);

        log_warn("serve: %u connections do not fit %llu file descriptors: "
                 "limit %u",
                 wanted, (unsigned long long)rl.rlim_cur, fit);
        wanted = fit;
    }
    return wanted;
}

/* Bind and listen ourselves, so that privileges can go before MHD starts. */
static int
bind_socket(const struct sockaddr_in *sa)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    int one = 1;

    if (fd < 0) {
        return -1;
    }
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (bind(fd, (const struct sockaddr *)sa, sizeof(*sa)) != 0 ||
        listen(fd, 128) != 0) {
        int e = errno;

        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

/*
** Started as root with a user configured: take that account's groups and
** ids for good. As another account: a user that is not us is an error,
** because the operator expects the switch.
*/
static int
drop_privileges(const char *user)
{
    struct passwd *pw;

    if (user == NULL || *user == '\0') {
        if (geteuid() == 0) {
            log_warn("serve: running as root; set user = ACCOUNT in the "
                     "configuration to switch after binding");
        }
        return 0;
    }
    pw = getpwnam(user);
    if (pw == NULL) {
        log_error("serve: no such user '%s'", user);
        return -1;
    }
    if (geteuid() != 0) {
        if (geteuid() == pw->pw_uid) {
            return 0;
        }
        log_error("serve: configured to run as '%s' but started as uid %u, "
                  "not root: cannot switch",
                  user, (unsigned)geteuid());
        return -1;
    }
    if (initgroups(pw->pw_name, pw->pw_gid) != 0 || setgid(pw->pw_gid) != 0 ||
        setuid(pw->pw_uid) != 0) {
        log_error("serve: cannot switch to user '%s': %s", user,
                  strerror(errno));
        return -1;
    }
    if (setuid(0) == 0) {
        log_error("serve: switched to '%s' but could regain root", user);
        return -1;
    }
    log_info("serve: switched to user %s (uid %u)", user, (unsigned)pw->pw_uid);
    return 0;
}

/* Point standard error (every log line) at the log file, atomically. */
static int
open_log(const char *path)
{
    int fd;

    if (path == NULL || *path == '\0') {
        return 0;
    }
    fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
    if (fd < 0) {
        log_error("serve: cannot open log file %s: %s", path, strerror(errno));
        return -1;
    }
    if (dup2(fd, STDERR_FILENO) < 0) {
        log_error("serve: cannot use log file %s: %s", path, strerror(errno));
        close(fd);
        return -1;
    }
    close(fd);
    return 0;
}

/*
** systemd's readiness protocol: one datagram to $NOTIFY_SOCKET (a path, or
** an abstract name written with a leading '@'). Without the variable
** (not started by systemd with Type=notify) this does nothing.
*/
static void
notify_systemd(const char *state)
{
    const char *path = getenv("NOTIFY_SOCKET");
    struct sockaddr_un sun = {.sun_family = AF_UNIX};
    size_t n;
    int fd;

    if (path == NULL || (path[0] != '/' && path[0] != '@') ||
        (n = strlen(path)) >= sizeof(sun.sun_path)) {
        return;
    }
    memcpy(sun.sun_path, path, n);
    if (sun.sun_path[0] == '@') {
        sun.sun_path[0] = '\0';
    }
    fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return;
    }
    if (sendto(fd, state, strlen(state), MSG_NOSIGNAL,
               (const struct sockaddr *)&sun,
               (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n)) < 0) {
        log_warn("serve: sd_notify %s: %s", state, strerror(errno));
    }
    close(fd);
}

int
server_run(const struct server_config *cfg)
{
    struct server s = {.cfg = cfg};
    struct sockaddr_in sa, bound;
    socklen_t blen = sizeof(bound);
    struct MHD_Daemon *d;
    sigset_t set;
    unsigned threads = cfg->threads;
    unsigned conns, per_address;
    pthread_t sweep;
    struct db *probe;
    char err[512];
    int sig, waited, fd;
    MHD_socket quiesced;

    if (parse_listen(cfg->listen, &sa) != 0) {
        log_error("serve: bad listen address '%s' (want IPv4:PORT)",
                  cfg->listen);
        return 1;
    }
    fd = bind_socket(&sa);
    if (fd < 0) {
        log_error("serve: cannot listen on %s: %s", cfg->listen,
                  strerror(errno));
        return 1;
    }
    if (drop_privileges(cfg->user) != 0 || open_log(cfg->log_file) != 0) {
        close(fd);
        return 1;
    }
    own_hosts_set(fd, cfg);
    /* Open once before serving so a bad database fails now, not later. */
    if (db_open(cfg->db_path, 0, &probe, err, sizeof(err)) != 0) {
        log_error("serve: %s", err);
        close(fd);
        return 1;
    }
    if (db_check_queries(probe, err, sizeof(err)) != 0) {
        log_error("serve: query catalogue: %s", err);
        db_close(probe);
        close(fd);
        return 1;
    }
    db_close(probe);
    if (threads == 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        threads = n > 0 ? (unsigned)n : 2;
    }
    s.pool = db_pool_new(cfg->db_path, 0);
    pthread_mutex_init(&s.watch_lock, NULL);
    s.head_timeout = cfg->header_timeout > 0 ? cfg->header_timeout : 20;
    s.budget =
        BODY_BUDGET_UPLOADS *
        (cfg->body_limit > FORM_BODY_LIMIT ? cfg->body_limit : FORM_BODY_LIMIT);
    conns = connection_limit(cfg->max_connections > 0 ? cfg->max_connections
                                                      : 1000);
    if (conns < threads) {
        conns = threads; /* libmicrohttpd shares the limit out by thread */
    }
    metrics.by_route = xcalloc(((size_t)routes_count + 2) * NSTATUS,
                               sizeof(*metrics.by_route));
    metrics.started = time(NULL);
    metrics.server = &s;
    current = cfg;

    /* Signals are taken by sigwait() below, in this thread only. */
    /* Behind the proxy every peer is the proxy: a per-address limit would
     * cap the whole site, so clients are limited in the proxy instead. */
    per_address = cfg->behind_tls_proxy ? 0 : cfg->max_connections_per_address;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    /* After the mask: its thread must not take the signals either. */
    if (access_log_start() != 0) {
        log_warn("serve: no access log thread: each line written at once");
    }

    d = MHD_start_daemon(
        MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG |
            MHD_ALLOW_SUSPEND_RESUME,
        0, NULL, NULL, on_request, &s, MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log,
        NULL, MHD_OPTION_LISTEN_SOCKET, fd, MHD_OPTION_THREAD_POOL_SIZE,
        threads, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        (size_t)HEADER_MEMORY_LIMIT, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned)CONNECTION_TIMEOUT, MHD_OPTION_CONNECTION_LIMIT, conns,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_address,
        MHD_OPTION_STRICT_FOR_CLIENT, 1, MHD_OPTION_NOTIFY_COMPLETED,
        on_completed, &s, MHD_OPTION_NOTIFY_CONNECTION, on_connection, &s,
        MHD_OPTION_END);
    if (d == NULL) {
        log_error("serve: cannot serve on %s: %s", cfg->listen,
                  strerror(errno));
        access_log_stop();
        close(fd);
        current = NULL;
        metrics.server = NULL;
        free(metrics.by_route);
        metrics.by_route = NULL;
        db_pool_free(s.pool);
        pthread_mutex_destroy(&s.watch_lock);
        return 1;
    }
    if (pthread_create(&sweep, NULL, sweeper, &s) != 0) {
        die("serve: cannot start the connection sweeper");
    }
    long_start(&s, threads);
    if (getsockname(fd, (struct sockaddr *)&bound, &blen) != 0) {
        bound = sa;
    }
    {
        char host[INET_ADDRSTRLEN], safe[512];

        inet_ntop(AF_INET, &sa.sin_addr, host, sizeof(host));
        log_info("serve: listening on http://%s:%u/ (%u threads, db %s)", host,
                 (unsigned)ntohs(bound.sin_port), threads,
                 str_safe_uri(cfg->db_path, safe, sizeof(safe)));
        log_info("serve: at most %u connections, %u per address (0: no "
                 "limit), request heads within %u s, bodies %d KB for forms "
                 "and %zu KB for uploads, %zu KB in total",
                 conns, per_address, s.head_timeout, FORM_BODY_LIMIT / 1024,
                 cfg->body_limit / 1024, s.budget / 1024);
    }
    log_info("serve: long work (reports, statistics, imports, exports) on "
             "%d threads of their own",
             s.nlong_threads);
    notify_systemd("READY=1");

    for (;;) {
        if (sigwait(&set, &sig) != 0) {
            continue;
        }
        if (sig != SIGHUP) {
            break;
        }
        /* The lines of before the signal go to the file of before it. */
        access_log_flush();
        if (cfg->log_file != NULL && *cfg->log_file != '\0') {
            open_log(cfg->log_file);
            log_info("serve: SIGHUP, log file reopened");
        } else {
            log_info("serve: SIGHUP, no log file to reopen");
        }
    }
    stop_request(); /* imports in flight roll back instead of holding us */
    notify_systemd("STOPPING=1");
    log_info("serve: signal %d, finishing requests in flight", sig);
    quiesced = MHD_quiesce_daemon(d);
    for (waited = 0;
         atomic_load(&s.in_flight) > 0 && waited < DRAIN_SECONDS * 100;
         waited++) {
        usleep(10000);
    }
    /* Queued long work is finished (an import rolls back at once), and
     * its answers sent, before the daemon stops: none stays suspended. */
    long_stop(&s);
    for (waited = 0; atomic_load(&s.in_flight) > 0 && waited < 100; waited++) {
        usleep(10000);
    }
    MHD_stop_daemon(d);
    access_log_stop(); /* every request has completed: its lines written */
    answer_cache_clear();
    atomic_store(&s.stopping, true);
    pthread_join(sweep, NULL);
    pthread_mutex_destroy(&s.watch_lock);
    if (quiesced != MHD_INVALID_SOCKET) {
        close(quiesced); /* ours again once quiesced; else MHD closed it */
    }
    current = NULL;
    metrics.server = NULL;
    free(metrics.by_route);
    metrics.by_route = NULL;
    db_pool_free(s.pool);
    log_info("serve: stopped cleanly");
    return 0;
}
