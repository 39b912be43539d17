/* The long-option parser shared by every subcommand; see cli.h. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

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
