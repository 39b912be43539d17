/*
** `rodzina check FILE [--json]`: read a plan, print what was understood and
** every finding, write nothing. Reading and validation belong to
** src/plan/; this file only formats the result for a terminal or as JSON.
*/
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/json.h"
#include "core/str.h"
#include "core/strings_pl.h"
#include "plan/plan.h"

const char cmd_check_help[] =
    "usage: rodzina check FILE [--json]\n"
    "Read a plan (the tab-separated text of a document table, CSV in UTF-8\n"
    "or Windows-1250 with ';' or ',', a project card or a programme's\n"
    "goals), print what was understood and every finding; nothing is\n"
    "written. --json prints one JSON object instead.\n"
    "Exit status: 0 readable (warnings allowed), 1 unreadable or a number\n"
    "that cannot be read (an import would refuse it), 2 usage.\n";

static const char *
kind_label(enum plan_kind k)
{
    switch (k) {
    case PLAN_PROGRAMME:
        return "programme goals";
    case PLAN_PROJECT:
        return "project card";
    default:
        return "yearly plan";
    }
}

static void
print_summary(struct arena *a, const struct plan *p)
{
    struct plan_totals t;

    plan_totals_compute(p, &t);
    printf("file: %s (%s, %s)\n", p->name != NULL ? p->name : "-",
           p->format != NULL ? p->format : "-", p->encoding);
    printf("kind: %s", kind_label(p->kind));
    if (p->year != 0) {
        printf(", year %d", p->year);
    }
    if (p->programme_from != 0) {
        printf(", period %d-%d", p->programme_from, p->programme_to);
    }
    if (p->region != NULL) {
        printf(", region %s", p->region);
    }
    printf("\n");
    if (p->title != NULL) {
        printf("title: %s\n", p->title);
    }
    if (p->programme_title != NULL) {
        printf("programme: %s\n", p->programme_title);
    }
    if (p->period_from != NULL) {
        printf("period: %s to %s\n", p->period_from, p->period_to);
    }
    printf("goals %d, actions %d, tasks %d, budget lines %d, "
           "indicators %d\n",
           p->ngoals, p->nactions, p->ntasks, p->nlines, p->nindicators);
    if (p->nlines > 0) {
        printf("total: %s " T_CURRENCY "\n", str_money(a, t.total));
        for (int s = 0; s < p->nsources; s++) {
            if (t.by_source[s] != 0) {
                printf("  %s (%s): %s " T_CURRENCY "\n", p->sources[s].code,
                       p->sources[s].name, str_money(a, t.by_source[s]));
            }
        }
    }
    for (int i = 0; i < p->ndeclared; i++) {
        const struct plan_total *d = &p->declared[i];

        printf("declared, row %d: %s%s%s: %s " T_CURRENCY "\n", d->row,
               d->label, d->source >= 0 ? " / " : "",
               d->source >= 0 ? p->sources[d->source].code : "",
               str_money(a, d->grosze));
    }
    printf("findings: %d errors, %d warnings, %d info\n",
           plan_count_findings(p, PLAN_ERROR),
           plan_count_findings(p, PLAN_WARNING),
           plan_count_findings(p, PLAN_INFO));
    for (int i = 0; i < p->nfindings; i++) {
        const struct plan_finding *f = &p->findings[i];

        printf("%s: ", plan_severity_name(f->severity));
        if (f->row > 0) {
            printf("row %d, ", f->row);
        }
        if (f->column != NULL) {
            printf("column %s, ", f->column);
        }
        printf("%s [%s]\n", f->message, f->code);
    }
}

/*
** Handler of `rodzina check`. Returns 0 when the file reads as a plan
** (warnings allowed), 1 when it cannot be read or holds an error finding,
** CLI_USAGE for bad arguments.
*/
int
cmd_check(int argc, char **argv)
{
    bool as_json = false, help = false;
    const struct cli_opt opts[] = {
        {"json", NULL, &as_json, 0},
        {"help", NULL, &help, 0},
        {NULL, NULL, NULL, 0},
    };
    const char *pos[1];
    int npos, rc, status;
    struct arena a;
    struct plan *p;

    rc = cli_parse("check", argc, argv, opts, 0, 1, pos, &npos);
    if (rc != 0) {
        return rc;
    }
    if (help) {
        fputs(cmd_check_help, stdout);
        return 0;
    }
    if (npos != 1) {
        fputs(cmd_check_help, stderr);
        return CLI_USAGE;
    }
    arena_init(&a);
    rc = plan_read_file(&a, pos[0], 0, &p);
    status = (rc != 0 || plan_has_errors(p)) ? 1 : 0;
    if (as_json) {
        struct buf b;
        struct json j;

        buf_init(&b);
        json_init(&j, &b);
        plan_json_write(&j, p);
        buf_putc(&b, '\n');
        fwrite(b.data, 1, b.len, stdout);
        buf_free(&b);
    } else if (rc == 0) {
        print_summary(&a, p);
    }
    if (rc != 0) {
        for (int i = 0; i < p->nfindings; i++) {
            fprintf(stderr, "rodzina check: %s: %s\n", pos[0],
                    p->findings[i].message);
        }
    } else if (status != 0 && !as_json) {
        fprintf(stderr,
                "rodzina check: %s: %d unreadable numbers; an "
                "import would refuse this file\n",
                pos[0], plan_count_findings(p, PLAN_ERROR));
    }
    arena_free(&a);
    return status;
}
