/*
** rodzina config: print the effective configuration (defaults, file,
** environment, flags) with where each value came from and secrets masked,
** or a commented template of every key. A wrong key or value is reported
** exactly as serve would refuse it.
*/
#include <stdio.h>

#include "cli/cli.h"
#include "core/config.h"

const char cmd_config_help[] =
    "usage: rodzina config [--config FILE] [--template] [--db PATH]\n"
    "                      [--listen ADDR:PORT] [--threads N]\n"
    "                      [--body-limit SIZE] [--behind-tls-proxy]\n"
    "                      [--trusted-proxy ADDR]\n"
    "                      [--user NAME] [--log-file PATH]\n"
    "                      [--log-level LEVEL] [--metrics-allow WHO]\n"
    "                      [--metrics-token TOKEN] [--max-connections N]\n"
    "                      [--max-connections-per-address N]\n"
    "                      [--header-timeout SECONDS]\n"
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
    const char *file = NULL, *flags[CONFIG_KEY_COUNT] = {0};
    bool template = false;
    struct config c;
    char err[600];
    int rc;

    if ((rc = cli_parse_config("config", argc, argv, &file, flags,
                               &template)) != 0) {
        return rc;
    }
    if (template) {
        config_print_template(stdout);
        return 0;
    }
    if (config_load(&c, file, flags, err, sizeof(err)) != 0) {
        fprintf(stderr, "rodzina config: %s\n", err);
        config_free(&c);
        return 1;
    }
    config_print(&c, stdout);
    config_free(&c);
    return 0;
}
