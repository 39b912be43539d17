/*
** The web server: libmicrohttpd with a fixed thread pool, one store
** connection per worker thread, an arena per request, the access log, and
** a clean stop on SIGINT or SIGTERM.
*/
#ifndef HTTP_SERVER_H
#define HTTP_SERVER_H

#include <stdbool.h>
#include <stddef.h>

struct server_config {
    const char *db_path;
    const char *listen;   /* "ADDR:PORT"; port 0 picks a free one */
    unsigned threads;     /* worker threads; 0 = number of CPUs */
    size_t body_limit;    /* bytes of request body accepted */
    bool behind_tls_proxy; /* TLS ends at a proxy: cookies get Secure */
};

/*
** Serve until SIGINT or SIGTERM, then finish requests in flight (up to ten
** seconds), close the store and return 0. Returns 1 (logged) when the
** address cannot be bound or the store cannot be opened.
*/
int server_run(const struct server_config *cfg);

#endif
