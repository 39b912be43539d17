/*
** rodzina user add|list|disable|enable|passwd: accounts from the command
** line. A password is never an argument (it would show in ps and shell
** history): it is read from the terminal without echo, or from standard
** input's first line when that is not a terminal.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/err.h"
#include "db/db.h"
#include "users/units.h"
#include "users/users.h"

#define MAX_UNITS 16

const char cmd_user_help[] =
    "usage: rodzina user add LOGIN --role ROLE [--region CODE] [--unit ID]"
    "...\n"
    "       rodzina user list\n"
    "       rodzina user units [--region CODE] [--kind KIND]\n"
    "       rodzina user unit-add NAME --region CODE --kind KIND\n"
    "       rodzina user disable LOGIN | enable LOGIN | passwd LOGIN\n"
    "options: [--db PATH]\n"
    "\n"
    "Manage accounts. Roles: administrator, coordinator, implementer,\n"
    "consultant, analyst, grantee. Every role but administrator belongs to\n"
    "a region (voivodeship code, e.g. 04). --unit (implementer, grantee)\n"
    "takes the number of a unit of the account's region, as `user units`\n"
    "lists them, and may be repeated: an implementer belongs to implementer\n"
    "units (made from the plans' implementers), a grantee to an\n"
    "organisation (made from the grant awards). KIND is implementer or\n"
    "organisation; unit-add creates one (or prints the one whose name is\n"
    "the same, ignoring case, Polish letters and punctuation). The\n"
    "password is read from the terminal, or from the first line of\n"
    "standard input; at least 12 characters, not the login.\n";

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
list_units(struct db *db, struct arena *a, const char *region, const char *kind)
{
    struct org_unit *u;
    int n = units_list(db, a, region, kind, &u), i;

    printf("%-6s %-6s %-12s %s\n", "ID", "REGION", "KIND", "NAME");
    for (i = 0; i < n; i++) {
        printf("%-6ld %-6s %-12s %s\n", (long)u[i].id, u[i].region, u[i].kind,
               u[i].name);
    }
}

/* A unit number as typed: 0 when it is not one. */
static int64_t
unit_id(const char *s)
{
    char *end;
    long long v = strtoll(s, &end, 10);

    return *s != '\0' && *end == '\0' && v > 0 ? (int64_t)v : 0;
}

static void
list(struct db *db, struct arena *a)
{
    struct users_row *u;
    int n = users_list(db, a, &u), i;

    printf("%-24s %-12s %-6s %-8s %s\n", "LOGIN", "ROLE", "REGION", "STATE",
           "UNITS");
    for (i = 0; i < n; i++) {
        printf("%-24s %-12s %-6s %-8s %s\n", u[i].login, u[i].role,
               u[i].region ? u[i].region : "*",
               u[i].disabled ? "disabled" : "active", u[i].units);
    }
}

int
cmd_user(int argc, char **argv)
{
    const char *path = "rodzina.db", *role = NULL, *region = NULL;
    int64_t units[MAX_UNITS];
    int nunits = 0;
    const char *unit = NULL, *kind = NULL;
    const struct cli_opt opts[] = {
        {"db", &path, NULL, 0},       {"role", &role, NULL, 0},
        {"region", &region, NULL, 0}, {"unit", &unit, NULL, 0},
        {"kind", &kind, NULL, 0},     {NULL, NULL, NULL, 0},
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
        if (strcmp(argv[i], "--unit") == 0) {
            if (nunits == MAX_UNITS || unit_id(argv[i + 1]) == 0) {
                fprintf(stderr,
                        "rodzina user: --unit '%s': a unit number, as "
                        "`rodzina user units` lists them\n",
                        argv[i + 1]);
                return CLI_USAGE;
            }
            units[nunits++] = unit_id(argv[i + 1]);
        }
    }
    if ((rc = cli_parse("user", argc, argv, opts, 1, 2, pos, &npos)) != 0) {
        return rc;
    }
    if (kind != NULL && strcmp(kind, UNIT_IMPLEMENTER) != 0 &&
        strcmp(kind, UNIT_ORGANISATION) != 0) {
        fprintf(stderr, "rodzina user: --kind must be implementer or "
                        "organisation\n");
        return CLI_USAGE;
    }
    if (strcmp(pos[0], "unit-add") == 0 &&
        (npos != 2 || kind == NULL || region == NULL)) {
        fprintf(stderr, "rodzina user unit-add: NAME, --region and --kind are "
                        "required\n");
        return CLI_USAGE;
    }
    if (strcmp(pos[0], "list") != 0 && strcmp(pos[0], "units") != 0 &&
        npos != 2) {
        fprintf(stderr, "rodzina user %s: missing LOGIN\n", pos[0]);
        return CLI_USAGE;
    }
    if (strcmp(pos[0], "add") == 0 && role == NULL) {
        fprintf(stderr, "rodzina user add: --role is required\n");
        return CLI_USAGE;
    }
    if (strcmp(pos[0], "add") != 0 && strcmp(pos[0], "list") != 0 &&
        strcmp(pos[0], "units") != 0 && strcmp(pos[0], "unit-add") != 0 &&
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
        list(db, &a);
        status = 0;
    } else if (strcmp(pos[0], "units") == 0) {
        list_units(db, &a, region, kind);
        status = 0;
    } else if (strcmp(pos[0], "unit-add") == 0) {
        rc = units_add(db, &a, region, kind, pos[1], &id);
        if (rc != 0) {
            fprintf(stderr, "rodzina user unit-add: %s\n",
                    rc == ERR_INPUT ? "the name has no letters or digits"
                                    : "store error (is the region known?)");
            goto done;
        }
        printf("%ld\n", (long)id);
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
