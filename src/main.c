/*
** rodzina: argv -> subcommand table, nothing else. Each subcommand has a
** handler and a help text beside it: init and serve in src/cli/, the
** others in their module (its module.inc lists them).
*/
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *help;
    const char *summary;
};

/* Each module's commands, declared and listed through src/modules.def. */
#define COMMAND(name, run, help, summary)                                      \
    int run(int argc, char **argv);                                            \
    extern const char help[];
#include "modules.inc"

static const struct command commands[] = {
    {"init", cmd_init, cmd_init_help, "create or upgrade a database"},
    {"serve", cmd_serve, cmd_serve_help, "serve the web pages and JSON API"},
#define COMMAND(name, run, help, summary) {name, run, help, summary},
#include "modules.inc"
};

static void
usage(FILE *f)
{
    size_t i;

    fprintf(f, "usage: rodzina COMMAND [OPTIONS]\n\n"
               "The information system of a regional social-policy "
               "centre.\n\ncommands:\n");
    for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
        fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
    }
    fprintf(f, "\nrodzina COMMAND --help shows a command's options.\n"
               "rodzina --version prints the version.\n");
}

int
main(int argc, char **argv)
{
    size_t i;
    int k;

    if (argc < 2) {
        fprintf(stderr, "rodzina: missing command (see rodzina --help)\n");
        return CLI_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--help-all") == 0) {
        /* Everything --help prints, for docs/gen-man.py (rodzina.1). */
        usage(stdout);
        for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
            printf("\n--- %s\n%s\n%s", commands[i].name, commands[i].summary,
                   commands[i].help);
        }
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("rodzina %s\n", RODZINA_VERSION);
        return 0;
    }
    for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
        if (strcmp(argv[1], commands[i].name) != 0) {
            continue;
        }
        for (k = 2; k < argc; k++) {
            if (strcmp(argv[k], "--") == 0) {
                break;
            }
            if (strcmp(argv[k], "--help") == 0 || strcmp(argv[k], "-h") == 0) {
                fputs(commands[i].help, stdout);
                return 0;
            }
        }
        return commands[i].run(argc - 1, argv + 1);
    }
    fprintf(stderr, "rodzina: unknown command '%s' (see rodzina --help)\n",
            argv[1]);
    return CLI_USAGE;
}
