/*
** rodzina helpline import FILE.csv: past Niebieska Linia contacts (years of
** them kept in spreadsheets) from the CSV of the contact export, all or
** nothing (issue 21). This file reads the arguments and the file; the rows
** are checked and stored by helpline_import.c.
*/
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

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
    "UTF-8 or Windows-1250, ';' or ',' between cells, at most 256 MB.\n"
    "\n"
    "Every row is checked first; the first bad one is named (line and\n"
    "column) and nothing is stored. Otherwise all rows are stored in one\n"
    "transaction with one audit row, the monthly statistics of the months\n"
    "loaded rebuilt once at the end. Prints the number of contacts stored.\n"
    "\n"
    "  --db PATH  database file (default rodzina.db)\n"
    "Exit status: 0 stored, 1 a bad row, an unreadable file or a store\n"
    "error (nothing stored), 2 usage.\n";

/* The file's bytes into a (at most max + 1 read, so a longer file shows). */
static int
read_file(struct arena *a, const char *name, size_t max, char **data,
          size_t *len)
{
    FILE *f = fopen(name, "rb");
    struct stat st;
    size_t cap;

    if (f == NULL || fstat(fileno(f), &st) != 0) {
        if (f != NULL) {
            fclose(f);
        }
        return ERR_IO;
    }
    cap = (size_t)st.st_size < max ? (size_t)st.st_size + 1 : max + 1;
    *data = arena_alloc(a, cap + 1);
    *len = fread(*data, 1, cap, f);
    (*data)[*len] = '\0';
    fclose(f);
    return 0;
}

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
    char msg[512], *data;
    struct arena a;
    struct db *db;
    size_t len;
    int npos, rc;

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
    arena_init(&a);
    if (read_file(&a, pos[1], HELPLINE_IMPORT_MAX_BYTES, &data, &len) != 0) {
        fprintf(stderr, "rodzina helpline import: cannot read %s\n", pos[1]);
        arena_free(&a);
        return 1;
    }
    if (db_open(path, 0, &db, msg, sizeof(msg)) != 0) {
        fprintf(stderr, "rodzina helpline import: %s\n", msg);
        arena_free(&a);
        return 1;
    }
    rc = helpline_import(db, &a, data, len, &who, &res, &err);
    if (rc == ERR_INPUT) {
        if (err.line > 0) {
            fprintf(stderr, "%s:%d:%s%s%s %s\n", pos[1], err.line,
                    err.column ? " column " : "", err.column ? err.column : "",
                    err.column ? ":" : "", err.why);
        } else {
            fprintf(stderr, "%s: %s\n", pos[1], err.why);
        }
        fprintf(stderr, "rodzina helpline import: nothing stored\n");
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
    return rc != 0 ? 1 : 0;
}
