/*
** rodzina: argv -> subcommand table, nothing else. Each subcommand has a
** handler and a help text beside it in src/cli/.
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

static const struct command commands[] = {
    {"init", cmd_init, cmd_init_help, "create or upgrade a database"},
    {"serve", cmd_serve, cmd_serve_help, "serve the web pages and JSON API"},
    {"check", cmd_check, cmd_check_help,
     "read a plan file and print what was understood and every finding"},
    {"import", cmd_import, cmd_import_help,
     "store a plan file (import plan FILE) in one transaction"},
    {"export", cmd_export, cmd_export_help,
     "write a stored plan as XLSX, CSV or JSON (export plan ID)"},
    {"region", cmd_region, cmd_region_help,
     "regions this instance serves and their settings (region add|list)"},
    {"user", cmd_user, cmd_user_help,
     "manage accounts (user add|list|disable|enable|passwd)"},
    {"purge", cmd_purge, cmd_purge_help,
     "delete helpline contacts before a date (purge --before DATE)"},
    {"config", cmd_config, cmd_config_help,
     "print the effective configuration (secrets masked)"},
    {"backup", cmd_backup, cmd_backup_help,
     "copy the live database consistently to a file"},
    {"restore", cmd_restore, cmd_restore_help,
     "check a backup and replace the database by it"},
    {"check-db", cmd_check_db, cmd_check_db_help,
     "integrity and foreign-key checks of a database"},
    {"report", cmd_report, cmd_report_help,
     "annual implementation report of a plan (report annual --plan ID)"},
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
