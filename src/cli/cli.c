/* The long-option parser shared by every subcommand; see cli.h. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "core/config.h"

static const struct cli_opt *
find(const struct cli_opt *opts, const char *name, size_t n)
{
    for (; opts->name != NULL; opts++) {
        if (strlen(opts->name) == n && strncmp(opts->name, name, n) == 0) {
            return opts;
        }
    }
    return NULL;
}

int
cli_parse(const char *cmd, int argc, char **argv, const struct cli_opt *opts,
          int min_pos, int max_pos, const char **pos, int *npos)
{
    int i;

    *npos = 0;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];

        if (strcmp(a, "--") == 0) {
            for (i++; i < argc; i++) {
                if (*npos >= max_pos) {
                    goto too_many;
                }
                pos[(*npos)++] = argv[i];
            }
            break;
        }
        if (strncmp(a, "--", 2) == 0) {
            const char *name = a + 2, *eq = strchr(name, '=');
            size_t n = eq ? (size_t)(eq - name) : strlen(name);
            const struct cli_opt *o = find(opts, name, n);

            if (o == NULL) {
                fprintf(stderr, "rodzina %s: unknown option '%s'\n", cmd, a);
                return CLI_USAGE;
            }
            if (o->flag != NULL) {
                if (eq != NULL) {
                    fprintf(stderr,
                            "rodzina %s: option '--%s' takes no "
                            "value\n",
                            cmd, o->name);
                    return CLI_USAGE;
                }
                *o->flag = true;
            } else if (eq != NULL) {
                *o->value = eq + 1;
            } else if (i + 1 < argc) {
                *o->value = argv[++i];
            } else {
                fprintf(stderr, "rodzina %s: option '--%s' needs a value\n",
                        cmd, o->name);
                return CLI_USAGE;
            }
            continue;
        }
        if (a[0] == '-' && a[1] != '\0') {
            const struct cli_opt *o = opts;

            while (o->name != NULL && (a[2] != '\0' || o->short_name != a[1])) {
                o++;
            }
            if (o->name == NULL) {
                fprintf(stderr, "rodzina %s: unknown option '%s'\n", cmd, a);
                return CLI_USAGE;
            }
            if (o->flag != NULL) {
                *o->flag = true;
            } else if (i + 1 < argc) {
                *o->value = argv[++i];
            } else {
                fprintf(stderr, "rodzina %s: option '%s' needs a value\n", cmd,
                        a);
                return CLI_USAGE;
            }
            continue;
        }
        if (*npos >= max_pos) {
            goto too_many;
        }
        pos[(*npos)++] = a;
    }
    if (*npos < min_pos) {
        fprintf(stderr,
                "rodzina %s: missing argument (see rodzina %s "
                "--help)\n",
                cmd, cmd);
        return CLI_USAGE;
    }
    return 0;
too_many:
    fprintf(stderr, "rodzina %s: unexpected argument '%s'\n", cmd, argv[i]);
    return CLI_USAGE;
}

int
cli_parse_config(const char *cmd, int argc, char **argv, const char **file,
                 const char **flags, bool *template)
{
    bool tls_proxy = false;
    struct cli_opt opts[] = {
        {"config", file, NULL, 0},
        {"db", &flags[CONFIG_DB], NULL, 0},
        {"listen", &flags[CONFIG_LISTEN], NULL, 0},
        {"threads", &flags[CONFIG_THREADS], NULL, 0},
        {"body-limit", &flags[CONFIG_BODY_LIMIT], NULL, 0},
        {"behind-tls-proxy", NULL, &tls_proxy, 0},
        {"trusted-proxy", &flags[CONFIG_TRUSTED_PROXY], NULL, 0},
        {"user", &flags[CONFIG_USER], NULL, 0},
        {"log-file", &flags[CONFIG_LOG_FILE], NULL, 0},
        {"log-level", &flags[CONFIG_LOG_LEVEL], NULL, 0},
        {"metrics-allow", &flags[CONFIG_METRICS_ALLOW], NULL, 0},
        {"metrics-token", &flags[CONFIG_METRICS_TOKEN], NULL, 0},
        {"max-connections", &flags[CONFIG_MAX_CONNECTIONS], NULL, 0},
        {"max-connections-per-address",
         &flags[CONFIG_MAX_CONNECTIONS_PER_ADDRESS], NULL, 0},
        {"header-timeout", &flags[CONFIG_HEADER_TIMEOUT], NULL, 0},
        {"form-limit-per-address", &flags[CONFIG_FORM_LIMIT_PER_ADDRESS], NULL,
         0},
        {"form-limit-per-target", &flags[CONFIG_FORM_LIMIT_PER_TARGET], NULL,
         0},
        {"site-url", &flags[CONFIG_SITE_URL], NULL, 0},
        {"template", NULL, template, 0}, /* the end where template is NULL */
        {NULL, NULL, NULL, 0},
    };
    const char *pos[1];
    int npos, rc;

    if (template == NULL) {
        opts[sizeof(opts) / sizeof(opts[0]) - 2].name = NULL;
    }
    if ((rc = cli_parse(cmd, argc, argv, opts, 0, 0, pos, &npos)) != 0) {
        return rc;
    }
    if (tls_proxy) {
        flags[CONFIG_BEHIND_TLS_PROXY] = "yes";
    }
    return 0;
}
