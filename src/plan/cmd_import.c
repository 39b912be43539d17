/*
** rodzina import plan FILE: read a plan document (tab-separated text as in
** the seeds, CSV, a project card, a programme's goals), show its findings
** and store it in one transaction. The new plan's id is the last line of
** standard output, alone, so scripts can take it with tail -n 1.
*/
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/err.h"
#include "db/db.h"
#include "plan/plan.h"
#include "plan/plan_store.h"
#include "teryt/teryt.h"

const char cmd_import_help[] =
    "usage: rodzina import plan FILE [--db PATH] [--region CODE]\n"
    "                                [--allow-duplicate]\n"
    "\n"
    "Read a plan (yearly schedule or action plan, project card, or a\n"
    "programme's goals) from FILE, print every finding, and store it in one\n"
    "transaction. A plan with an unreadable number is refused and nothing\n"
    "is written. The new plan's id is printed alone on the last line.\n"
    "\n"
    "  --db PATH      database file (default rodzina.db)\n"
    "  --region CODE  voivodeship code (e.g. 04); by default the one the\n"
    "                 document names\n"
    "  --allow-duplicate  store it even when the same file was imported\n"
    "                 before as a plan of the same region and kind (refused\n"
    "                 by default, exit status 1)\n";

/* The region the document names, when this instance serves it. */
static const char *
region_of(struct db *db, struct arena *a, const struct plan *p)
{
    const char *code = NULL;

    if (p->region != NULL) {
        (void)teryt_woj_by_name(db, a, p->region, &code);
    }
    return code;
}

int
cmd_import(int argc, char **argv)
{
    const char *path = "rodzina.db", *region = NULL;
    bool allow_duplicate = false;
    const struct cli_opt opts[] = {
        {"db", &path, NULL, 0},
        {"region", &region, NULL, 0},
        {"allow-duplicate", NULL, &allow_duplicate, 0},
        {NULL, NULL, NULL, 0},
    };
    const char *pos[2], *why = NULL;
    struct arena a;
    struct plan *p;
    struct db *db = NULL;
    char err[512];
    int64_t id = 0;
    int npos, rc, i, status = 1;

    if ((rc = cli_parse("import", argc, argv, opts, 2, 2, pos, &npos)) != 0) {
        return rc;
    }
    if (strcmp(pos[0], "plan") != 0) {
        fprintf(stderr, "rodzina import: unknown kind '%s' (want: plan)\n",
                pos[0]);
        return CLI_USAGE;
    }
    arena_init(&a);
    rc = plan_read_file(&a, pos[1], 0, &p);
    for (i = 0; i < p->nfindings; i++) {
        const struct plan_finding *f = &p->findings[i];

        fprintf(stderr, "%s:%d: %s: %s%s%s%s\n", pos[1], f->row,
                plan_severity_name(f->severity), f->message,
                f->column ? " [" : "", f->column ? f->column : "",
                f->column ? "]" : "");
    }
    if (rc != 0) {
        fprintf(stderr, "rodzina import: %s cannot be read as a plan\n",
                pos[1]);
        goto done;
    }
    if (db_open(path, 0, &db, err, sizeof(err)) != 0) {
        fprintf(stderr, "rodzina import: %s\n", err);
        goto done;
    }
    if (region == NULL && (region = region_of(db, &a, p)) == NULL) {
        fprintf(stderr, "rodzina import: the document names no region this "
                        "database serves; give --region CODE\n");
        goto done;
    }
    if (!allow_duplicate) {
        int64_t same = 0;

        if (plan_store_same_content(db, region, p->kind, p->content_hash,
                                    &same) != 0) {
            fprintf(stderr, "rodzina import: store error (see log above)\n");
            goto done;
        }
        if (same > 0) {
            fprintf(stderr,
                    "rodzina import: nothing stored: the same file is plan "
                    "%ld already; give --allow-duplicate to store a second "
                    "copy\n",
                    (long)same);
            goto done;
        }
    }
    {
        const struct audit_entry who = {.via = "cli"};

        rc = plan_store_save(db, &a, region, p, &who, &id, &why);
    }
    if (rc != 0) {
        fprintf(stderr, "rodzina import: nothing stored: %s\n",
                why ? why : "store error (see log above)");
        goto done;
    }
    printf("imported %s: %d goals, %d actions, %d tasks, %d indicators, "
           "%d findings (%d warnings)\n%ld\n",
           pos[1], p->ngoals, p->nactions, p->ntasks, p->nindicators,
           p->nfindings, plan_count_findings(p, PLAN_WARNING), (long)id);
    status = 0;
done:
    db_close(db);
    arena_free(&a);
    return status;
}
