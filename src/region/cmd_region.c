/*
** rodzina region: add a region this instance serves, or change its
** settings (add of an existing region updates it), and list the regions.
** The settings are what residents are told about the region's centre and
** lines (region/region.h); nothing of a region is written into the code.
*/
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/err.h"
#include "db/db.h"
#include "region/region.h"

const char cmd_region_help[] =
    "usage: rodzina region add CODE [--db PATH] [--name NAME]\n"
    "                          [--address TEXT] [--helpline LINE]...\n"
    "                          [--info-line PHONE] [--bip URL]\n"
    "       rodzina region list [--db PATH]\n"
    "       rodzina region show CODE [--db PATH]\n"
    "\n"
    "add: serve the region CODE (voivodeship code of TERYT, e.g. 04) so\n"
    "that accounts, plans and imports may belong to it; of a region already\n"
    "served, change the settings given and keep the others.\n"
    "list: one line per region served: its code and name.\n"
    "show: the settings of one region.\n"
    "\n"
    "  --db PATH         database file (default rodzina.db)\n"
    "  --name NAME       the regional centre's name\n"
    "  --address TEXT    the centre's address\n"
    "  --helpline LINE   \"NAME | PHONE | HOURS\", e.g. \"Telefon zaufania |\n"
    "                    800 000 000 | codziennie 17:00-21:00\"; repeat for\n"
    "                    several; given once or more, replaces the region's\n"
    "                    helplines (--helpline \"\" removes them all)\n"
    "  --info-line PHONE the centre's information line (number and hours)\n"
    "  --bip URL         the centre's BIP (https://...)\n";

static void
show(const struct region_settings *s)
{
    int i;

    printf("code: %s\nname: %s\ncentre: %s\naddress: %s\ninformation "
           "line: %s\nBIP: %s\n",
           s->woj, s->woj_name, s->office, s->address, s->info_line,
           s->bip_url);
    for (i = 0; i < s->nlines; i++) {
        printf("helpline: %s | %s | %s\n", s->lines[i].name, s->lines[i].phone,
               s->lines[i].hours);
    }
}

static int
list(struct db *db, struct arena *a)
{
    struct region_settings s;
    const char **codes;
    int n = region_codes(db, a, &codes), i, rc;

    for (i = 0; i < n; i++) {
        if ((rc = region_get(db, a, codes[i], &s)) != 0) {
            return rc;
        }
        printf("%s %s\n", s.woj, s.woj_name);
    }
    return n < 0 ? n : 0;
}

int
cmd_region(int argc, char **argv)
{
    const char *path = "rodzina.db", *helpline = NULL;
    struct region_settings s = {.nlines = -1};
    const struct cli_opt opts[] = {
        {"db", &path, NULL, 0},
        {"name", &s.office, NULL, 0},
        {"address", &s.address, NULL, 0},
        {"helpline", &helpline, NULL, 0},
        {"info-line", &s.info_line, NULL, 0},
        {"bip", &s.bip_url, NULL, 0},
        {NULL, NULL, NULL, 0},
    };
    const struct audit_entry who = {.via = "cli"};
    const char *pos[2], *why = NULL;
    struct arena a;
    struct db *db;
    char err[512];
    int npos, rc, i, status = 1;

    if ((rc = cli_parse("region", argc, argv, opts, 1, 2, pos, &npos)) != 0) {
        return rc;
    }
    if (strcmp(pos[0], "list") != 0 && strcmp(pos[0], "add") != 0 &&
        strcmp(pos[0], "show") != 0) {
        fprintf(stderr, "rodzina region: unknown action '%s'\n", pos[0]);
        return CLI_USAGE;
    }
    if (strcmp(pos[0], "list") != 0 && npos != 2) {
        fprintf(stderr, "rodzina region %s: missing CODE\n", pos[0]);
        return CLI_USAGE;
    }
    arena_init(&a);
    /* --helpline repeats: collect every value, as cli_parse keeps one. */
    for (i = 1; i + 1 < argc; i++) {
        if (strcmp(argv[i], "--helpline") != 0) {
            continue;
        }
        if (s.nlines < 0) {
            s.nlines = 0;
        }
        if (argv[i + 1][0] == '\0') {
            continue;
        }
        if (s.nlines == REGION_MAX_LINES ||
            region_line_parse(&a, argv[i + 1], &s.lines[s.nlines], &why) != 0) {
            fprintf(stderr,
                    "rodzina region: --helpline '%s': give \"NAME | PHONE | "
                    "HOURS\", at most %d of them\n",
                    argv[i + 1], REGION_MAX_LINES);
            arena_free(&a);
            return CLI_USAGE;
        }
        s.nlines++;
    }
    (void)helpline;
    if (db_open(path, 0, &db, err, sizeof(err)) != 0) {
        fprintf(stderr, "rodzina region: %s\n", err);
        arena_free(&a);
        return 1;
    }
    if (strcmp(pos[0], "list") == 0) {
        status = list(db, &a) == 0 ? 0 : 1;
    } else if (strcmp(pos[0], "show") == 0) {
        struct region_settings got;

        rc = region_get(db, &a, pos[1], &got);
        if (rc == 0) {
            show(&got);
            status = 0;
        } else {
            fprintf(stderr, "rodzina region show: %s\n",
                    rc == ERR_NOTFOUND ? "this region is not served here"
                                       : "store error");
        }
    } else {
        s.woj = pos[1];
        rc = region_save(db, &a, &s, &who, &why);
        if (rc == ERR_INPUT) {
            fprintf(stderr,
                    "rodzina region add: '%s' is not a voivodeship code "
                    "(02, 04, ... 32) or a setting is invalid\n",
                    pos[1]);
        } else if (rc != 0) {
            fprintf(stderr, "rodzina region add: store error\n");
        } else {
            struct region_settings got;

            if (region_get(db, &a, pos[1], &got) == 0) {
                printf("region %s %s served\n", got.woj, got.woj_name);
            }
            status = 0;
        }
    }
    db_close(db);
    arena_free(&a);
    return status;
}
