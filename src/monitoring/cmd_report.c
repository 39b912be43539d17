/*
** `rodzina report annual --plan ID --format html|xlsx|pdf|json [-o FILE]
** [--db PATH]`: the annual implementation report of a stored yearly plan
** (monitoring module, issue 7). This file parses arguments and picks where
** the bytes go; the report is built and written by src/monitoring/.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/json.h"
#include "db/db.h"
#include "monitoring/monitoring.h"
#include "monitoring/report_html.h"

const char cmd_report_help[] =
    "usage: rodzina report annual --plan ID --format html|xlsx|pdf|json\n"
    "                             [--final] [-o FILE] [--db PATH]\n"
    "\n"
    "Write the annual implementation report of yearly plan ID: per goal,\n"
    "action and indicator the target, the realisation, the % done and the\n"
    "progress toward the programme's targets; the budget planned and spent\n"
    "by funding source; indicators at risk marked. Official figures count\n"
    "approved values only; pending values are shown beside them, marked\n"
    "(in JSON: \"pending\" and \"pending_grosze\", null when none).\n"
    "\n"
    "  --plan ID        the yearly plan (required)\n"
    "  --format F       html (printable, with SVG charts), xlsx (formulas),\n"
    "                   pdf (A4) or json (required)\n"
    "  --final          the adopted report (its latest version) exactly as\n"
    "                   it was stored when adopted, instead of a draft\n"
    "                   built from today's data\n"
    "  -o, --output F   file to write (default: standard output)\n"
    "  --db PATH        database file (default rodzina.db)\n"
    "Exit status: 0 written, 1 no such yearly plan (or, with --final, no\n"
    "adopted report) or a write error,\n"
    "2 usage.\n";

/*
** Handler of `rodzina report`. Returns 0 when written, 1 when the plan is
** missing or not yearly or the output fails, CLI_USAGE for bad arguments.
*/
int
cmd_report(int argc, char **argv)
{
    const char *path = "rodzina.db", *format = NULL, *output = NULL;
    const char *plan = NULL;
    bool final = false;
    const struct cli_opt opts[] = {
        {"db", &path, NULL, 0},       {"plan", &plan, NULL, 0},
        {"format", &format, NULL, 0}, {"output", &output, NULL, 'o'},
        {"final", NULL, &final, 0},   {NULL, NULL, NULL, 0},
    };
    const char *pos[1];
    char err[512], *end;
    struct mon_report m;
    struct db *db = NULL;
    struct arena a;
    struct buf out;
    long long id;
    int npos, rc, status = 1;

    rc = cli_parse("report", argc, argv, opts, 1, 1, pos, &npos);
    if (rc != 0) {
        return rc;
    }
    if (strcmp(pos[0], "annual") != 0) {
        fprintf(stderr,
                "rodzina report: unknown report '%s' (want: "
                "annual)\n",
                pos[0]);
        return CLI_USAGE;
    }
    errno = 0;
    id = plan ? strtoll(plan, &end, 10) : 0;
    if (plan == NULL || errno != 0 || *end != '\0' || id <= 0) {
        fprintf(stderr, "rodzina report: --plan must be a positive "
                        "number\n");
        return CLI_USAGE;
    }
    if (format == NULL ||
        (strcmp(format, "html") != 0 && strcmp(format, "xlsx") != 0 &&
         strcmp(format, "pdf") != 0 && strcmp(format, "json") != 0)) {
        fprintf(stderr, "rodzina report: --format must be html, xlsx, pdf "
                        "or json\n");
        return CLI_USAGE;
    }
    if (db_open(path, 0, &db, err, sizeof(err)) != 0) {
        fprintf(stderr, "rodzina report: %s\n", err);
        return 1;
    }
    arena_init(&a);
    buf_init(&out);
    if (final) {
        const void *data;
        size_t len;
        int version;

        rc = mon_report_adopted(db, &a, (int64_t)id, 0, format, &version, &data,
                                &len);
        if (rc == ERR_NOTFOUND) {
            fprintf(stderr, "rodzina report: plan %lld has no adopted report\n",
                    id);
            goto done;
        }
        if (rc != 0) {
            fprintf(stderr,
                    "rodzina report: reading the adopted report failed\n");
            goto done;
        }
        buf_append(&out, data, len);
        goto write;
    }
    rc = mon_report_build(db, &a, (int64_t)id, &m);
    if (rc == ERR_NOTFOUND || rc == ERR_INPUT) {
        fprintf(stderr, "rodzina report: no yearly plan %lld in %s\n", id,
                path);
        goto done;
    }
    if (rc != 0) {
        fprintf(stderr,
                "rodzina report: building the report of plan %lld "
                "failed (see log above)\n",
                id);
        goto done;
    }
    if (strcmp(format, "json") == 0) {
        struct json j;

        json_init(&j, &out);
        mon_report_json(&j, &m);
        buf_putc(&out, '\n');
    } else if (strcmp(format, "html") == 0) {
        mon_report_html(&out, &a, &m, true);
    } else if ((strcmp(format, "pdf") == 0
                    ? mon_report_pdf(&a, &m, &out)
                    : mon_report_xlsx(&a, &m, &out)) != 0) {
        fprintf(stderr, "rodzina report: writing %s failed\n", format);
        goto done;
    }
write:
    if (output != NULL && strcmp(output, "-") != 0) {
        FILE *f = fopen(output, "wb");

        if (f == NULL) {
            fprintf(stderr, "rodzina report: cannot write %s: %s\n", output,
                    strerror(errno));
            goto done;
        }
        if (fwrite(out.data, 1, out.len, f) != out.len || fclose(f) != 0) {
            fprintf(stderr, "rodzina report: writing %s failed\n", output);
            goto done;
        }
        status = 0;
    } else {
        status = fwrite(out.data, 1, out.len, stdout) == out.len &&
                         fflush(stdout) == 0
                     ? 0
                     : 1;
    }
done:
    buf_free(&out);
    arena_free(&a);
    db_close(db);
    return status;
}
