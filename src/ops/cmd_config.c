/*
** rodzina config: print the effective configuration (defaults, file,
** environment, flags) with where each value came from and secrets masked,
** or a commented template of every key. A wrong key or value is reported
** exactly as serve would refuse it.
*/
#include <stdio.h>

#include "cli/cli.h"
#include "ops/config.h"

const char cmd_config_help[] =
    "usage: rodzina config [--config FILE] [--template] [--db PATH]\n"
    "                      [--listen ADDR:PORT] [--threads N]\n"
    "                      [--body-limit SIZE] [--behind-tls-proxy]\n"
    "                      [--trusted-proxy ADDR]\n"
    "                      [--user NAME] [--log-file PATH]\n"
    "                      [--log-level LEVEL] [--metrics-allow WHO]\n"
    "                      [--metrics-token TOKEN]\n"
    "\n"
    "Print the configuration serve would use, one key per line with its\n"
    "origin (default, FILE:LINE, env RODZINA_KEY or flag --key), secrets\n"
    "masked. The output is a configuration file (masked secrets must be\n"
    "filled in again). A wrong key or value is reported with its file and\n"
    "line, and the exit status is 1. The options are those of serve (see\n"
    "rodzina serve --help).\n"
    "\n"
    "  --config FILE  configuration file (default $RODZINA_CONFIG, else\n"
    "                 /etc/rodzina/rodzina.conf when it exists)\n"
    "  --template     print every key commented out with its default and\n"
    "                 documentation: a starting rodzina.conf\n";

int
cmd_config(int argc, char **argv)
{
    const char *file = NULL, *flags[OPS_KEY_COUNT] = {0};
    bool tls_proxy = false, template = false;
    const struct cli_opt opts[] = {
        {"config", &file, NULL, 0},
        {"template", NULL, &template, 0},
        {"db", &flags[OPS_DB], NULL, 0},
        {"listen", &flags[OPS_LISTEN], NULL, 0},
        {"threads", &flags[OPS_THREADS], NULL, 0},
        {"body-limit", &flags[OPS_BODY_LIMIT], NULL, 0},
        {"behind-tls-proxy", NULL, &tls_proxy, 0},
        {"trusted-proxy", &flags[OPS_TRUSTED_PROXY], NULL, 0},
        {"user", &flags[OPS_USER], NULL, 0},
        {"log-file", &flags[OPS_LOG_FILE], NULL, 0},
        {"log-level", &flags[OPS_LOG_LEVEL], NULL, 0},
        {"metrics-allow", &flags[OPS_METRICS_ALLOW], NULL, 0},
        {"metrics-token", &flags[OPS_METRICS_TOKEN], NULL, 0},
        {NULL, NULL, NULL, 0},
    };
    struct ops_config c;
    const char *pos[1];
    char err[600];
    int npos, rc;

    if ((rc = cli_parse("config", argc, argv, opts, 0, 0, pos, &npos)) != 0) {
        return rc;
    }
    if (template) {
        ops_config_print_template(stdout);
        return 0;
    }
    if (tls_proxy) {
        flags[OPS_BEHIND_TLS_PROXY] = "yes";
    }
    if (ops_config_load(&c, file, flags, err, sizeof(err)) != 0) {
        fprintf(stderr, "rodzina config: %s\n", err);
        ops_config_free(&c);
        return 1;
    }
    ops_config_print(&c, stdout);
    ops_config_free(&c);
    return 0;
}
