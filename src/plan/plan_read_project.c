/*
** A project card (seed 004): a title, the period, the total and the EU
** co-financing as "label: value" lines, then sections of tasks, target
** groups, the goal and the results, one item a line.
*/
#include "plan_read.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/str.h"
#include "strings_pl.h"

/* Text after "label:" in s, trimmed; NULL if s has no colon. */
static const char *
after_colon(struct reader *r, const char *s)
{
    const char *c = strchr(s, ':');

    return c == NULL ? NULL : plan_trim(r->a, c + 1, strlen(c + 1));
}

static void
project_money(struct reader *r, const char *s, int line, const char *label,
              int source)
{
    struct plan_num v;
    const char *val = after_colon(r, s);

    if (val == NULL) {
        return;
    }
    if (plan_num_money(val, &v) != 0 || v.kind != PLAN_NUM_VALUE) {
        rd_bad_number(r, line, label, val);
        return;
    }
    v.text = val;
    rd_declared_add(r, label, source, v, line, label);
}

static int
read_project(struct reader *r, const struct rd_input *in)
{
    struct plan *p = r->p;
    struct rd_lines ls;
    enum { S_NONE, S_TASKS, S_GROUPS, S_GOAL, S_RESULTS } sec = S_NONE;
    int ordinal = 0;
    bool renumbered = false;

    if (rd_read_lines(r, in, PLAN_PROJECT, "project", &ls) != 0) {
        return ERR_INPUT;
    }
    for (int i = 0; i < ls.n; i++) {
        const char *t = ls.text[i], *f = rd_fold(r, t);
        int line = ls.line[i], lv;
        char *code;
        size_t n;

        if (strcmp(f, V_PLAN_PROJECT_TITLE) == 0 && i + 1 < ls.n) {
            p->title = ls.text[++i];
            continue;
        }
        if (str_starts(f, V_PLAN_PROJECT_TASKS)) {
            sec = S_TASKS;
            continue;
        }
        if (str_starts(f, V_PLAN_PROJECT_GROUPS)) {
            sec = S_GROUPS;
            continue;
        }
        if (strcmp(f, V_PLAN_PROJECT_GOAL) == 0) {
            sec = S_GOAL;
            continue;
        }
        if (str_starts(f, V_PLAN_PROJECT_RESULTS) ||
            str_starts(f, V_PLAN_PROJECT_RESULTS_TYPO) ||
            strcmp(f, V_PLAN_PROJECT_RESULTS_SHORT) == 0) {
            sec = S_RESULTS;
            continue;
        }
        if (str_starts(f, V_PLAN_PROJECT_PERIOD)) {
            const char *val = after_colon(r, t);

            sec = S_NONE;
            rd_period(r, val != NULL ? val : t, line);
            continue;
        }
        if (str_starts(f, V_PLAN_PROJECT_TOTAL)) {
            sec = S_NONE;
            project_money(r, t, line, T_PLAN_PROJECT_TOTAL, -1);
            continue;
        }
        if (str_starts(f, V_PLAN_PROJECT_GRANT) ||
            str_starts(f, V_PLAN_PROJECT_GRANT_SHORT)) {
            sec = S_NONE;
            project_money(r, t, line, T_PLAN_PROJECT_EU_GRANT, PLAN_SRC_EU);
            continue;
        }
        if (t[0] == '#') {
            continue;
        }
        if (str_starts(f, V_PLAN_PROJECT_COFUNDED)) {
            rd_text_add(r, V_PLAN_PROJECT_FUNDING_HEAD, t, line);
            continue;
        }
        switch (sec) {
        case S_TASKS:
            n = rd_lead_code(r->a, t, &lv, &code);
            if (n > 0 && lv == 1) {
                ordinal++;
                if (atoi(code) != ordinal) {
                    renumbered = true;
                }
                rd_task_add(r, arena_printf(r->a, "%d", ordinal),
                            plan_trim(r->a, t + n, strlen(t + n)), line);
            } else {
                rd_text_add(r,
                            r->task >= 0 ? p->tasks[r->task].description
                                         : T_PLAN_PROJECT_TASKS,
                            rd_skip_bullets(t), line);
            }
            break;
        case S_GROUPS:
            rd_text_add(r, V_PLAN_PROJECT_GROUPS_HEAD, rd_skip_bullets(t),
                        line);
            break;
        case S_GOAL:
            if (p->ngoals == 0) {
                rd_goal_add(r, "1", t, line);
            } else {
                rd_text_add(r, V_PLAN_PROJECT_GOAL_HEAD, t, line);
            }
            break;
        case S_RESULTS:
            r->task = -1;
            rd_results_from_text(r, line, t, true);
            break;
        default:
            rd_text_add(r, "", t, line);
        }
    }
    if (renumbered) {
        plan_finding_add(r->a, p, PLAN_INFO, 0, NULL, "tasks_renumbered",
                         T_PLAN_READ_RENUMBERED, ordinal);
    }
    if (p->title == NULL) {
        plan_finding_add(r->a, p, PLAN_WARNING, 0, NULL, "title_missing",
                         T_PLAN_READ_NO_TITLE);
    }
    return 0;
}

static bool
sniff_project(const struct rd_input *in)
{
    return rd_has(in->head, V_PLAN_PROJECT_TITLE) ||
           rd_has(in->head, V_PLAN_PROJECT_PERIOD_FULL) ||
           rd_has(in->head, V_PLAN_PROJECT_TOTAL_FULL);
}

const struct rd_format rd_format_project = {false, sniff_project, read_project};
