/*
** A programme's goals (seed 003): the programme's title and years, its
** overriding goal and goals ("Cel 1: ..."), and bulleted texts under
** headings, one item a line, no table.
*/
#include "plan_read.h"

#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/str.h"
#include "strings_pl.h"

static int
read_programme(struct reader *r, const struct rd_input *in)
{
    struct plan *p = r->p;
    struct rd_lines ls;
    const char *heading = "";

    if (rd_read_lines(r, in, PLAN_PROGRAMME, "programme", &ls) != 0) {
        return ERR_INPUT;
    }
    for (int i = 0; i < ls.n; i++) {
        const char *t = ls.text[i], *f = rd_fold(r, t);
        const char *body = rd_skip_bullets(t);
        bool bullet = body != t;
        int y2;

        if (strcmp(f, V_PLAN_REGION_WORD) == 0 || str_starts(f, "www ") ||
            strchr(t, '@') != NULL) {
            continue;
        }
        if (p->region != NULL && strcmp(f, rd_fold(r, p->region)) == 0) {
            continue;
        }
        if (p->title == NULL && f[0] != '\0' && t[1] != '\0' && !bullet) {
            bool upper = true;

            for (const char *q = t; *q != '\0'; q++) {
                if (*q >= 'a' && *q <= 'z') {
                    upper = false;
                }
            }
            if (upper) {
                p->title = t;
                continue;
            }
        }
        if (rd_has(f, V_PLAN_PROGRAMME) && rd_has(f, V_PLAN_FOR_YEARS)) {
            /* the heading beats the same title in a list of contents */
            if (!bullet || p->programme_title == NULL) {
                p->programme_title = body;
                p->programme_from = rd_year_after(f, V_PLAN_FOR_YEARS " ", &y2);
                p->programme_to = y2;
            }
            if (!bullet) {
                heading = body;
            }
            continue;
        }
        if (rd_has(f, V_PLAN_GOAL_MAIN) ||
            str_starts(rd_fold(r, body), V_PLAN_GOAL)) {
            const char *c = strchr(body, ':');
            char *g = arena_strdup(r->a, c != NULL ? c + 1 : body + 4);
            char *w = g, *o = g;
            char *code = NULL;

            for (; *w != '\0'; w++) { /* drop Markdown emphasis */
                if (*w != '*') {
                    *o++ = *w;
                }
            }
            *o = '\0';
            g = plan_trim(r->a, g, strlen(g));
            if (((g[0] >= 'A' && g[0] <= 'Z') ||
                 (g[0] >= '0' && g[0] <= '9')) &&
                (g[1] == '.' || g[1] == ')')) {
                code = arena_strndup(r->a, g, 1);
                g = plan_trim(r->a, g + 2, strlen(g + 2));
            } else {
                code = arena_printf(r->a, "%d", p->ngoals + 1);
            }
            rd_goal_add(r, code, g, ls.line[i]);
            continue;
        }
        if (!bullet && t[strlen(t) - 1] == ':') {
            heading = arena_strndup(r->a, t, strlen(t) - 1);
            continue;
        }
        if (bullet) {
            rd_text_add(r, heading, body, ls.line[i]);
        } else {
            heading = t;
        }
    }
    if (p->ngoals == 0) {
        plan_finding_add(r->a, p, PLAN_WARNING, 0, NULL, "goals_missing",
                         T_PLAN_READ_NO_GOALS);
    }
    return 0;
}

static bool
sniff_programme(const struct rd_input *in)
{
    return rd_has(in->head, V_PLAN_GOAL_MAIN) &&
           memchr(in->text, '\t', in->tlen) == NULL;
}

const struct rd_format rd_format_programme = {false, sniff_programme,
                                              read_programme};
