/* rodzina serve: run the web server over a database. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "http/server.h"

#define DEFAULT_BODY_LIMIT (25u * 1024 * 1024)

const char cmd_serve_help[] =
    "usage: rodzina serve [--db PATH] [--listen ADDR:PORT] [--threads N]\n"
    "\n"
    "Serve the web pages and the JSON API until SIGINT or SIGTERM, then\n"
    "finish the requests in flight and close the database.\n"
    "\n"
    "  --db PATH           database file (default rodzina.db)\n"
    "  --listen ADDR:PORT  IPv4 address and port (default 127.0.0.1:8080;\n"
    "                      port 0 picks a free port, printed in the log)\n"
    "  --threads N         worker threads (default: number of CPUs)\n"
    "  --behind-tls-proxy  TLS ends at a reverse proxy: mark cookies Secure\n";

int
cmd_serve(int argc, char **argv)
{
    const char *db = "rodzina.db", *listen = "127.0.0.1:8080";
    const char *threads = NULL;
    bool tls_proxy = false;
    const struct cli_opt opts[] = {
        {"behind-tls-proxy", NULL, &tls_proxy},
        {"db", &db, NULL},
        {"listen", &listen, NULL},
        {"threads", &threads, NULL},
        {NULL, NULL, NULL},
    };
    struct server_config cfg = {0};
    const char *pos[1];
    int npos, rc;

    if ((rc = cli_parse("serve", argc, argv, opts, 0, 0, pos, &npos)) != 0) {
        return rc;
    }
    if (threads != NULL) {
        char *end;
        long n = strtol(threads, &end, 10);

        if (*end != '\0' || n < 1 || n > 256) {
            fprintf(stderr, "rodzina serve: --threads must be 1..256\n");
            return CLI_USAGE;
        }
        cfg.threads = (unsigned)n;
    }
    cfg.db_path = db;
    cfg.listen = listen;
    cfg.body_limit = DEFAULT_BODY_LIMIT;
    cfg.behind_tls_proxy = tls_proxy;
    return server_run(&cfg);
}
