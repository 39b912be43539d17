/*
** rodzina user add|list|disable|enable|passwd: accounts from the command
** line. A password is never an argument (it would show in ps and shell
** history): it is read from the terminal without echo, or from standard
** input's first line when that is not a terminal.
*/
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include "core/arena.h"
#include "core/err.h"
#include "db/db.h"
#include "users/users.h"

#define MAX_UNITS 16

const char cmd_user_help[] =
    "usage: rodzina user add LOGIN --role ROLE [--region CODE] [--unit NAME]"
    "...\n"
    "       rodzina user list\n"
    "       rodzina user disable LOGIN | enable LOGIN | passwd LOGIN\n"
    "options: [--db PATH]\n"
    "\n"
    "Manage accounts. Roles: administrator, coordinator, implementer,\n"
    "consultant, analyst, grantee. Every role but administrator belongs to\n"
    "a region (voivodeship code, e.g. 04). --unit (implementer, grantee)\n"
    "may be repeated. The password is read from the terminal, or from the\n"
    "first line of standard input; at least 12 characters, not the login.\n";

static int
read_password(const char *prompt, char *out, size_t n)
{
    struct termios old, quiet;
    bool tty = isatty(STDIN_FILENO);

    if (tty) {
        fprintf(stderr, "%s", prompt);
        tcgetattr(STDIN_FILENO, &old);
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    if (fgets(out, (int)n, stdin) == NULL) {
        out[0] = '\0';
    }
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        fputc('\n', stderr);
    }
    out[strcspn(out, "\r\n")] = '\0';
    return out[0] != '\0' ? 0 : ERR_INPUT;
}

static int
new_password(char *pw, size_t n)
{
    char again[300];

    if (read_password("Password: ", pw, n) != 0) {
        fprintf(stderr, "rodzina user: no password given\n");
        return 1;
    }
    if (isatty(STDIN_FILENO)) {
        if (read_password("Repeat: ", again, sizeof(again)) != 0 ||
            strcmp(pw, again) != 0) {
            fprintf(stderr, "rodzina user: the passwords differ\n");
            return 1;
        }
    }
    return 0;
}

static void
list(struct db *db)
{
    db_stmt *st = db_query(db, Q_ACCOUNT_LIST);

    printf("%-24s %-12s %-6s %-8s %s\n", "LOGIN", "ROLE", "REGION", "STATE",
           "UNITS");
    while (db_step(st) == DB_ROW) {
        printf("%-24s %-12s %-6s %-8s %s\n", db_col_text(st, 1),
               db_col_text(st, 2),
               db_col_null(st, 3) ? "*" : db_col_text(st, 3),
               db_col_int(st, 4) ? "disabled" : "active", db_col_text(st, 6));
    }
    db_done(st);
}

int
cmd_user(int argc, char **argv)
{
    const char *path = "rodzina.db", *role = NULL, *region = NULL;
    const char *units[MAX_UNITS];
    int nunits = 0;
    const char *unit = NULL;
    const struct cli_opt opts[] = {
        {"db", &path, NULL, 0},       {"role", &role, NULL, 0},
        {"region", &region, NULL, 0}, {"unit", &unit, NULL, 0},
        {NULL, NULL, NULL, 0},
    };
    const struct users_actor cli = {NULL, "cli", NULL};
    const char *pos[2], *why = NULL;
    char pw[300] = "", err[512];
    struct arena a;
    struct db *db;
    int npos, rc, i, status = 1;
    int64_t id;

    /* --unit repeats: collect every value before the generic parse. */
    for (i = 1; i + 1 < argc; i++) {
        if (strcmp(argv[i], "--unit") == 0 && nunits < MAX_UNITS) {
            units[nunits++] = argv[i + 1];
        }
    }
    if ((rc = cli_parse("user", argc, argv, opts, 1, 2, pos, &npos)) != 0) {
        return rc;
    }
    if (strcmp(pos[0], "list") != 0 && npos != 2) {
        fprintf(stderr, "rodzina user %s: missing LOGIN\n", pos[0]);
        return CLI_USAGE;
    }
    if (strcmp(pos[0], "add") == 0 && role == NULL) {
        fprintf(stderr, "rodzina user add: --role is required\n");
        return CLI_USAGE;
    }
    if (strcmp(pos[0], "add") != 0 && strcmp(pos[0], "list") != 0 &&
        strcmp(pos[0], "disable") != 0 && strcmp(pos[0], "enable") != 0 &&
        strcmp(pos[0], "passwd") != 0) {
        fprintf(stderr, "rodzina user: unknown action '%s'\n", pos[0]);
        return CLI_USAGE;
    }
    if (db_open(path, 0, &db, err, sizeof(err)) != 0) {
        fprintf(stderr, "rodzina user: %s\n", err);
        return 1;
    }
    arena_init(&a);
    if (strcmp(pos[0], "list") == 0) {
        list(db);
        status = 0;
    } else if (strcmp(pos[0], "add") == 0) {
        struct users_new u = {pos[1], pw, role, region, units, nunits};

        if (new_password(pw, sizeof(pw)) != 0) {
            goto done;
        }
        rc = users_add(db, &a, &u, &cli, &id, &why);
        if (rc != 0) {
            fprintf(stderr, "rodzina user add: %s\n",
                    why ? why : "store error");
            goto done;
        }
        printf("added %s (%s)\n", pos[1], role);
        status = 0;
    } else if (strcmp(pos[0], "passwd") == 0) {
        if (new_password(pw, sizeof(pw)) != 0) {
            goto done;
        }
        rc = users_set_password(db, &a, pos[1], pw, &cli, &why);
        if (rc != 0) {
            fprintf(stderr, "rodzina user passwd: %s\n",
                    why                  ? why
                    : rc == ERR_NOTFOUND ? "no such account"
                                         : "store error");
            goto done;
        }
        printf("password of %s changed; its sessions ended\n", pos[1]);
        status = 0;
    } else {
        bool off = strcmp(pos[0], "disable") == 0;

        rc = users_set_disabled(db, &a, pos[1], off, &cli);
        if (rc != 0) {
            fprintf(stderr, "rodzina user %s: %s\n", pos[0],
                    rc == ERR_NOTFOUND ? "no such account" : "store error");
            goto done;
        }
        printf("%s %s\n", pos[1], off ? "disabled" : "enabled");
        status = 0;
    }
done:
    explicit_bzero(pw, sizeof(pw));
    arena_free(&a);
    db_close(db);
    return status;
}
