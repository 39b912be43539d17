/*
** `rodzina export plan ID --format xlsx|ods|docx|csv|json [-o FILE]
** [--db PATH]`: load a stored plan and write it in the document's layout
** (XLSX, ODS, DOCX, CSV) or
** as the JSON of `check --json`. The layouts are plan_export.c's; this file
** only parses arguments and picks where the bytes go.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "db/db.h"
#include "plan/plan.h"
#include "plan/plan_export.h"
#include "plan/plan_export_office.h"
#include "plan/plan_store.h"

const char cmd_export_help[] =
    "usage: rodzina export plan ID --format xlsx|ods|docx|csv|json\n"
    "                           [-o FILE] [--db PATH]\n"
    "\n"
    "Write stored plan ID in the layout of the document tables: XLSX or\n"
    "ODS with Polish number formats and formulas for the totals, DOCX (a\n"
    "Word table under the title), CSV (UTF-8, ';'), each of which\n"
    "`rodzina import plan` reads back, or JSON as `check --json`.\n"
    "\n"
    "  --format F     xlsx, ods, docx, csv or json (required)\n"
    "  --output F     file to write, also -o F (default: standard output;\n"
    "                 xlsx, ods and docx need a file, default\n"
    "                 plan-ID.xlsx, plan-ID.ods, plan-ID.docx)\n"
    "  --db PATH      database file (default rodzina.db)\n"
    "Exit status: 0 written, 1 no such plan or a write error, 2 usage.\n";

static int
write_file(const char *path, const struct buf *b)
{
    FILE *f = fopen(path, "wb");

    if (f == NULL) {
        fprintf(stderr, "rodzina export: cannot write %s: %s\n", path,
                strerror(errno));
        return 1;
    }
    if (fwrite(b->data, 1, b->len, f) != b->len || fclose(f) != 0) {
        fprintf(stderr, "rodzina export: writing %s failed\n", path);
        return 1;
    }
    return 0;
}

/*
** Handler of `rodzina export`. Returns 0 when written, 1 when the plan is
** not there or the output cannot be written, CLI_USAGE for bad arguments.
*/
int
cmd_export(int argc, char **argv)
{
    const char *path = "rodzina.db", *format = NULL, *output = NULL;
    const struct cli_opt opts[] = {
        {"db", &path, NULL, 0},
        {"format", &format, NULL, 0},
        {"output", &output, NULL, 'o'},
        {NULL, NULL, NULL, 0},
    };
    const char *pos[2];
    char err[512], *end;
    struct arena a;
    struct plan *p = NULL;
    struct plan_meta meta;
    struct db *db = NULL;
    struct buf b;
    long long id;
    int npos, rc, status = 1;

    rc = cli_parse("export", argc, argv, opts, 2, 2, pos, &npos);
    if (rc != 0) {
        return rc;
    }
    if (strcmp(pos[0], "plan") != 0) {
        fprintf(stderr, "rodzina export: unknown kind '%s' (want: plan)\n",
                pos[0]);
        return CLI_USAGE;
    }
    errno = 0;
    id = strtoll(pos[1], &end, 10);
    if (errno != 0 || *end != '\0' || end == pos[1] || id <= 0) {
        fprintf(stderr,
                "rodzina export: plan id '%s' is not a positive "
                "number\n",
                pos[1]);
        return CLI_USAGE;
    }
    if (format == NULL ||
        (strcmp(format, "xlsx") != 0 && strcmp(format, "csv") != 0 &&
         strcmp(format, "json") != 0 && strcmp(format, "ods") != 0 &&
         strcmp(format, "docx") != 0)) {
        fprintf(stderr, "rodzina export: --format must be xlsx, ods, docx, "
                        "csv or json\n");
        return CLI_USAGE;
    }
    if (db_open(path, 0, &db, err, sizeof(err)) != 0) {
        fprintf(stderr, "rodzina export: %s\n", err);
        return 1;
    }
    arena_init(&a);
    buf_init(&b);
    rc = plan_store_load(db, &a, (int64_t)id, &p, &meta);
    if (rc == ERR_NOTFOUND) {
        fprintf(stderr, "rodzina export: no plan %lld in %s\n", id, path);
        goto done;
    }
    if (rc != 0) {
        fprintf(stderr,
                "rodzina export: loading plan %lld failed (see "
                "log above)\n",
                id);
        goto done;
    }
    if (strcmp(format, "xlsx") == 0) {
        if (output == NULL) {
            output = arena_printf(&a, "plan-%lld.xlsx", id);
        }
        if (plan_export_xlsx(&a, p, output) != 0) {
            fprintf(stderr, "rodzina export: cannot write %s\n", output);
            goto done;
        }
        fprintf(stderr, "rodzina export: plan %lld written to %s\n", id,
                output);
        status = 0;
        goto done;
    }
    if (strcmp(format, "ods") == 0 || strcmp(format, "docx") == 0) {
        if (output == NULL) {
            output = arena_printf(&a, "plan-%lld.%s", id, format);
        }
        rc = strcmp(format, "ods") == 0 ? plan_export_ods_buf(&a, p, &b)
                                        : plan_export_docx_buf(&a, p, &b);
        if (rc != 0) {
            fprintf(stderr, "rodzina export: cannot write %s\n", output);
            goto done;
        }
    } else if (strcmp(format, "csv") == 0) {
        plan_export_csv(&a, p, &b);
    } else {
        plan_export_json(p, &b);
    }
    if (output != NULL && strcmp(output, "-") != 0) {
        status = write_file(output, &b);
    } else {
        status =
            fwrite(b.data, 1, b.len, stdout) == b.len && fflush(stdout) == 0
                ? 0
                : 1;
    }
done:
    buf_free(&b);
    arena_free(&a);
    db_close(db);
    return status;
}
