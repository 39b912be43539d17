/*
** rodzina serve: run the web server over a database. The settings come
** from the configuration (core/config.h: defaults < file < RODZINA_*
** environment < flags); a wrong one stops the start with its origin.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/config.h"
#include "core/log.h"
#include "http/server.h"

const char cmd_serve_help[] =
    "usage: rodzina serve [--config FILE] [--db PATH] [--listen ADDR:PORT]\n"
    "                     [--threads N] [--body-limit SIZE]\n"
    "                     [--behind-tls-proxy] [--trusted-proxy ADDR]\n"
    "                     [--user NAME]\n"
    "                     [--log-file PATH] [--log-level LEVEL]\n"
    "                     [--metrics-allow WHO] [--metrics-token TOKEN]\n"
    "                     [--max-connections N]\n"
    "                     [--max-connections-per-address N]\n"
    "                     [--header-timeout SECONDS]\n"
    "                     [--form-limit-per-address N]\n"
    "                     [--form-limit-per-target N]\n"
    "                     [--site-url URL]\n"
    "\n"
    "Serve the web pages and the JSON API until SIGINT or SIGTERM, then\n"
    "finish the requests in flight and close the database. SIGHUP reopens\n"
    "the log file. Under systemd (Type=notify) readiness is reported once\n"
    "the socket listens. Started as root with a user configured, the\n"
    "server binds first and then switches to that account for good.\n"
    "\n"
    "Every option is also a key of the configuration file (the same name\n"
    "with '_' for '-') and an environment variable RODZINA_KEY; a flag\n"
    "beats the environment, which beats the file, which beats the default.\n"
    "\n"
    "  --config FILE       configuration file (default $RODZINA_CONFIG, else\n"
    "                      /etc/rodzina/rodzina.conf when it exists)\n"
    "  --db PATH           database file (default rodzina.db)\n"
    "  --listen ADDR:PORT  IPv4 address and port (default 127.0.0.1:8080;\n"
    "                      port 0 picks a free port, printed in the log)\n"
    "  --threads N         worker threads, 0..256 (default 0: one per CPU)\n"
    "  --body-limit SIZE   largest body of an upload (plan, register or\n"
    "                      directory file), 1K..1G (default 25M); every\n"
    "                      other request takes at most 256 KB\n"
    "  --behind-tls-proxy  TLS ends at a reverse proxy: mark cookies Secure\n"
    "                      (default no)\n"
    "  --trusted-proxy ADDR\n"
    "                      with --behind-tls-proxy: the proxy's address;\n"
    "                      the client address (throttling, audit) is taken\n"
    "                      from X-Forwarded-For only on connections from it\n"
    "                      (default 127.0.0.1)\n"
    "  --user NAME         account to switch to after binding when started\n"
    "                      as root (default: none)\n"
    "  --log-file PATH     append logs to PATH, reopened on SIGHUP\n"
    "                      (default: standard error)\n"
    "  --log-level LEVEL   info (with the access log), warn or error\n"
    "                      (default info)\n"
    "  --metrics-allow WHO\n"
    "                      who reads /metrics besides administrators and\n"
    "                      the token: loopback (direct clients on\n"
    "                      127.0.0.0/8, not proxied) or admin (default\n"
    "                      loopback)\n"
    "  --metrics-token TOKEN\n"
    "                      bearer token for /metrics, 16 characters or more\n"
    "                      (default: none); prefer the file or environment\n"
    "  --max-connections N connections open at once, 16..100000 (default\n"
    "                      1000, kept below the file descriptor limit)\n"
    "  --max-connections-per-address N\n"
    "                      connections open at once from one client address\n"
    "                      (default 64; 0 = no limit: set 0 behind a reverse\n"
    "                      proxy, where every client has its address)\n"
    "  --header-timeout SECONDS\n"
    "                      time for a request's head to arrive, 2..600\n"
    "                      (default 20); also a keep-alive's idle time\n"
    "  --form-limit-per-address N\n"
    "                      public forms (sign-ups, registrations, survey\n"
    "                      answers) from one client address in an hour;\n"
    "                      more get 429 (default 100; 0 = no limit)\n"
    "  --form-limit-per-target N\n"
    "                      the same to one training, survey or form\n"
    "                      (default 30; 0 = no limit)\n"
    "  --site-url URL      public address, http(s)://HOST[:PORT], of every\n"
    "                      link in e-mail and feeds. Unset, only requests\n"
    "                      to the listen address (or 127.0.0.1/localhost\n"
    "                      with its port) may queue e-mail; others get 421\n";

int
cmd_serve(int argc, char **argv)
{
    const char *file = NULL, *flags[CONFIG_KEY_COUNT] = {0};
    struct server_config cfg = {0};
    struct config c;
    char err[600];
    int rc;

    if ((rc = cli_parse_config("serve", argc, argv, &file, flags, NULL)) != 0) {
        return rc;
    }
    if (config_load(&c, file, flags, err, sizeof(err)) != 0) {
        fprintf(stderr, "rodzina serve: %s\n", err);
        config_free(&c);
        /* A malformed flag is a usage error (2), as before the file
         * existed; an address that cannot be used stays a failure (1). */
        return strncmp(err, "--", 2) == 0 && strncmp(err, "--listen", 8) != 0
                   ? CLI_USAGE
                   : 1;
    }
    log_set_level(c.log_level);
    cfg.db_path = c.value[CONFIG_DB];
    cfg.listen = c.value[CONFIG_LISTEN];
    cfg.threads = c.threads;
    cfg.body_limit = c.body_limit;
    cfg.behind_tls_proxy = c.behind_tls_proxy;
    cfg.trusted_proxy = c.value[CONFIG_TRUSTED_PROXY];
    cfg.user = c.value[CONFIG_USER];
    cfg.log_file = c.value[CONFIG_LOG_FILE];
    cfg.log_level = c.log_level;
    cfg.metrics_loopback = c.metrics_loopback;
    cfg.metrics_token = c.value[CONFIG_METRICS_TOKEN];
    cfg.max_connections = c.max_connections;
    cfg.max_connections_per_address = c.max_connections_per_address;
    cfg.header_timeout = c.header_timeout;
    cfg.form_limit_per_address = c.form_limit_per_address;
    cfg.form_limit_per_target = c.form_limit_per_target;
    cfg.site_url = c.value[CONFIG_SITE_URL];
    rc = server_run(&cfg);
    config_free(&c);
    return rc;
}
