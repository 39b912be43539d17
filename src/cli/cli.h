/*
** Subcommand plumbing: the option parser every cmd_* uses, and the
** handlers main.c dispatches to. A handler returns the process exit status:
** 0 success, 1 failure (message already on stderr), 2 usage error.
*/
#ifndef CLI_CLI_H
#define CLI_CLI_H

#include <stdbool.h>

#define CLI_USAGE 2

struct cli_opt {
    const char *name;   /* long name without dashes, e.g. "db" */
    const char **value; /* set for options that take an argument */
    bool *flag;         /* set for options without an argument */
    char short_name;    /* also accepted as "-x", or 0 */
};

/*
** Parse argv[1..argc) (argv[0] is the subcommand's name) against opts, a
** table ending with {NULL}. "--name VALUE", "--name=VALUE", "--flag" and
** an option's "-x VALUE" short form are accepted; anything else starting with
*"--" is an error. Positional
** arguments are collected into pos (at most max_pos, at least min_pos).
** On error prints one line "rodzina CMD: ..." to stderr and returns
** CLI_USAGE; otherwise 0.
*/
int cli_parse(const char *cmd, int argc, char **argv,
              const struct cli_opt *opts, int min_pos, int max_pos,
              const char **pos, int *npos);

/*
** The options of serve and config, one table: --config FILE into *file and
** a flag per key of the configuration into flags[CONFIG_KEY_COUNT]
** (--behind-tls-proxy takes no value). --template only where template is
** not NULL. Returns cli_parse's status.
*/
int cli_parse_config(const char *cmd, int argc, char **argv, const char **file,
                     const char **flags, bool *template);

/*
** The handlers of init and serve; each has its help text in <name>_help.
** The modules' commands are declared by their module.inc (main.c).
*/
int cmd_init(int argc, char **argv);
int cmd_serve(int argc, char **argv);
extern const char cmd_init_help[];
extern const char cmd_serve_help[];

#endif
