/*
** rodzina helpline import FILE.csv: past Niebieska Linia contacts (years of
** them kept in spreadsheets) from the CSV of the contact export, all or
** nothing (issue 21). This file reads the arguments and the file; the rows
** are checked and stored by helpline_import.c.
*/
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "auth/auth.h"
#include "cli/cli.h"
#include "core/arena.h"
#include "core/err.h"
#include "db/db.h"
#include "helpline/helpline.h"

const char cmd_helpline_help[] =
    "usage: rodzina helpline import FILE.csv [--db PATH]\n"
    "\n"
    "Store past Niebieska Linia contacts from FILE.csv, in the columns of\n"
    "the contact export (/niebieska-linia/kontakty.csv; its header names\n"
    "the columns, in any order): wojewodztwo, data_godzina (YYYY-MM-DD\n"
    "HH:MM or with a T), kanal and kto_sie_zglasza are required; gmina_teryt,\n"
    "formy_przemocy, kogo_dotyczy, udzielona_pomoc and skierowania (labels\n"
    "or codes separated by ';'), minuty, zapisal and notatka may be empty\n"
    "or left out; nr, gmina, powiat and skierowania_katalog are not read.\n"
    "UTF-8 or Windows-1250, ';' or ',' between cells, at most 8 GB and\n"
    "100 000 000 lines, a row under 4 MB; the file is read in pieces, so\n"
    "memory does not grow with it (10 000 000 contacts load in one go).\n"
    "\n"
    "All rows are stored in one transaction with one audit row, each\n"
    "checked as it is read; the first bad one is named (line and column)\n"
    "and the transaction rolls back: nothing is stored. The monthly\n"
    "statistics of the months loaded are rebuilt once at the end. Prints\n"
    "the number of contacts stored.\n"
    "\n"
    "  --db PATH  database file (default rodzina.db)\n"
    "Exit status: 0 stored, 1 a bad row, an unreadable file or a store\n"
    "error (nothing stored), 2 usage.\n";

int
cmd_helpline(int argc, char **argv)
{
    const char *path = "rodzina.db";
    const struct cli_opt opts[] = {
        {"db", &path, NULL, 0},
        {NULL, NULL, NULL, 0},
    };
    const struct audit_entry who = {.via = "cli"};
    struct helpline_import_result res;
    struct helpline_import_error err;
    const char *pos[2];
    char msg[512];
    struct arena a;
    struct db *db;
    int npos, rc, fd;

    if ((rc = cli_parse("helpline", argc, argv, opts, 2, 2, pos, &npos)) != 0) {
        return rc;
    }
    if (strcmp(pos[0], "import") != 0) {
        fprintf(stderr,
                "rodzina helpline: unknown command '%s' (want: "
                "import)\n",
                pos[0]);
        return CLI_USAGE;
    }
    if ((fd = open(pos[1], O_RDONLY | O_CLOEXEC)) < 0) {
        fprintf(stderr, "rodzina helpline import: cannot read %s\n", pos[1]);
        return 1;
    }
    if (db_open(path, 0, &db, msg, sizeof(msg)) != 0) {
        fprintf(stderr, "rodzina helpline import: %s\n", msg);
        close(fd);
        return 1;
    }
    arena_init(&a);
    rc = helpline_import(db, &a, fd, &who, &res, &err);
    if (rc == ERR_INPUT) {
        if (err.line > 0) {
            fprintf(stderr, "%s:%d:%s%s%s %s\n", pos[1], err.line,
                    err.column ? " column " : "", err.column ? err.column : "",
                    err.column ? ":" : "", err.why);
        } else {
            fprintf(stderr, "%s: %s\n", pos[1], err.why);
        }
        fprintf(stderr, "rodzina helpline import: nothing stored\n");
    } else if (rc == ERR_IO) {
        fprintf(stderr,
                "rodzina helpline import: cannot read %s, nothing "
                "stored\n",
                pos[1]);
    } else if (rc != 0) {
        fprintf(stderr, "rodzina helpline import: store error, nothing "
                        "stored (see log above)\n");
    } else {
        printf("helpline import: %d contacts from %s to %s stored, %d "
               "monthly summaries rebuilt\n",
               res.rows, res.first, res.last, res.months);
    }
    db_close(db);
    arena_free(&a);
    close(fd);
    return rc != 0 ? 1 : 0;
}
