/*
** The web server: libmicrohttpd with a fixed thread pool, one store
** connection per worker thread, an arena per request, the access log,
** request counters for /metrics, privilege drop after binding, log
** reopening on SIGHUP, systemd readiness, and a clean stop on SIGINT or
** SIGTERM.
*/
#ifndef HTTP_SERVER_H
#define HTTP_SERVER_H

#include <stdbool.h>
#include <stddef.h>

struct server_config {
    const char *db_path;
    const char *listen;        /* "ADDR:PORT"; port 0 picks a free one */
    unsigned threads;          /* worker threads; 0 = number of CPUs */
    size_t body_limit;         /* bytes of body of an upload route */
    bool behind_tls_proxy;     /* TLS ends at a proxy: cookies get Secure */
    const char *trusted_proxy; /* with behind_tls_proxy: the peer whose
                                  X-Forwarded-For names the client */
    const char *user;          /* switch to this account after binding when
                                  started as root; NULL or "" = stay */
    const char *log_file;      /* append logs here (reopened on SIGHUP);
                                  NULL or "" = standard error */
    int log_level;             /* 0 info (with access log), 1 warn, 2 error */
    bool metrics_loopback;     /* /metrics open to direct loopback clients */
    const char *metrics_token; /* bearer token for /metrics, or NULL/"" */
    unsigned max_connections;  /* open at once, in total (0: 1000) */
    unsigned max_connections_per_address; /* per client address; 0 = none */
    unsigned header_timeout; /* s for a request head to arrive (0: 20) */
    /* Public forms accepted in an hour from one client address, over all
     * forms and to one target (auth_form_limit_or_reply); 0 = no limit. */
    unsigned form_limit_per_address, form_limit_per_target;
    /* The public address for links in e-mail and feeds, "http(s)://HOST
     * [:PORT]"; NULL or "" = not configured (req_site_set). */
    const char *site_url;
};

/*
** Serve until SIGINT or SIGTERM, then finish requests in flight (up to ten
** seconds), close the store and return 0. Returns 1 (logged) when the
** address cannot be bound or the store cannot be opened.
*/
int server_run(const struct server_config *cfg);

/* The configuration of the running server (read-only), or NULL. */
const struct server_config *server_current(void);

/*
** Append the server's own metrics in the Prometheus text format to out:
** requests by route and status, the latency histogram, requests in flight,
** start time. Counters are atomics updated once per request; reading them
** takes no lock.
*/
struct buf;
void server_metrics_write(struct buf *out);

/* The running server's store pool figures: false when none runs. */
struct db_pool_stats;
bool server_pool_stats(struct db_pool_stats *out);

#endif
