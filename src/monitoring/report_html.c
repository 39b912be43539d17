/*
** The annual report as HTML: the same page on the site (inside the
** layout) and as a standalone printable file from `rodzina report`. Charts
** are SVG written here on the server (no script): goal progress as
** horizontal bars and the budget by funding source as paired bars, each
** with its numbers as text so nothing depends on colour alone.
*/
#include "report_html.h"

#include <string.h>

#include "core/arena.h"
#include "core/str.h"
#include "core/strings_pl.h"
#include "core/warsaw.h"
#include "html/html.h"
#include "monitoring.h"
#include "monitoring/strings_pl.h"

/* Status of an indicator, as words (never colour alone). */
const char *
mon_status_label(const struct mon_rind *ri)
{
    if (!ri->has_data) {
        return ri->has_target && ri->target > 0 ? T_MON_NO_DATA_RISK
                                                : T_MON_NO_DATA;
    }
    if (ri->at_risk) {
        return T_MON_AT_RISK;
    }
    if (ri->npending > 0) {
        return T_MON_PENDING;
    }
    return T_MON_OK;
}

const char *
mon_report_issued(struct arena *a, const struct mon_report *m)
{
    const char *when = warsaw_date_words(a, m->issued_at);

    return arena_printf(
        a, "%s: %s. %s", T_MON_ISSUER,
        m->issuer ? m->issuer : m->meta.region_name,
        m->version > 0 ? arena_printf(a, T_MON_ADOPTED_ON, when, m->version)
                       : arena_printf(a, T_MON_DRAFT_AS_OF, when));
}

static const char *
count_text(struct arena *a, bool has, int64_t v)
{
    return has ? str_thousands(a, v) : "–";
}

/* The implementers' narratives, task by task, period by period. */
static void
narratives(struct buf *out, struct arena *a, const struct mon_report *m)
{
    int k, last = -1;

    if (m->nnarratives == 0) {
        return;
    }
    html_printf(out, "<h2>%s</h2>\n", T_MON_NARRATIVES);
    for (k = 0; k < m->nnarratives; k++) {
        const struct mon_narrative *n = &m->narratives[k];

        if (n->task < 0 || n->task >= m->p->ntasks) {
            continue;
        }
        if (n->task != last) {
            html_printf(out, "<h3>%s %s</h3>\n", T_MON_TASK,
                        m->p->tasks[n->task].number);
            last = n->task;
        }
        html_printf(
            out, "<p class=\"pre\"><strong>%s:</strong> %s</p>\n",
            strlen(n->period) == 4
                ? arena_printf(a, "%s %s", T_MON_YEAR, n->period)
                : arena_printf(a, "%c kw. %.4s", n->period[6], n->period),
            n->text);
    }
}

/* Horizontal bars, one per goal, 0..100 % (capped), numbers as text. */
void
mon_svg_goals(struct buf *out, struct arena *a, const struct mon_report *m)
{
    const struct plan *p = m->p;
    int g, h = 28 * p->ngoals + 10;

    if (p->ngoals == 0) {
        return;
    }
    html_printf(out,
                "<figure class=\"mon-chart\"><svg xmlns=\"http://www.w3"
                ".org/2000/svg\" role=\"img\" viewBox=\"0 0 640 %d\" "
                "width=\"640\" height=\"%d\" aria-labelledby=\"wykres-"
                "cele\"><title id=\"wykres-cele\">%s</title>\n",
                h, h, T_MON_CHART_GOALS);
    for (g = 0; g < p->ngoals; g++) {
        int pct = m->goal_pct10[g], w = pct < 0      ? 0
                                        : pct > 1000 ? 400
                                                     : pct * 400 / 1000;
        int y = 6 + g * 28;

        html_printf(out,
                    "<text x=\"0\" y=\"%d\" font-size=\"13\">%s %s</text>"
                    "<rect x=\"120\" y=\"%d\" width=\"400\" height=\"18\" "
                    "fill=\"#e6e6e6\" stroke=\"#767676\"/>"
                    "<rect x=\"120\" y=\"%d\" width=\"%d\" height=\"18\" "
                    "fill=\"#0b4f9c\"/><text x=\"530\" y=\"%d\" "
                    "font-size=\"13\">%s %%</text>\n",
                    y + 14, T_MON_GOAL, p->goals[g].code, y, y, w, y + 14,
                    mon_pct_text(a, pct));
    }
    html_printf(out, "</svg><figcaption>%s</figcaption></figure>\n",
                T_MON_CHART_GOALS_CAPTION);
}

/* Planned and spent by funding source, paired vertical bars. */
static void
svg_budget(struct buf *out, struct arena *a, const struct mon_report *m)
{
    const struct plan *p = m->p;
    int64_t max = 1;
    int s, n = 0, x;

    for (s = 0; s < p->nsources; s++) {
        if (m->planned_by[s] > max) {
            max = m->planned_by[s];
        }
        if (m->spent_by[s] > max) {
            max = m->spent_by[s];
        }
        n += m->planned_by[s] > 0 || m->spent_by[s] > 0;
    }
    if (n == 0) {
        return;
    }
    html_printf(out,
                "<figure class=\"mon-chart\"><svg xmlns=\"http://www.w3"
                ".org/2000/svg\" role=\"img\" viewBox=\"0 0 640 250\" "
                "width=\"640\" height=\"250\" aria-labelledby=\"wykres-"
                "budzet\"><title id=\"wykres-budzet\">%s</title>\n",
                T_MON_CHART_BUDGET);
    html_printf(out,
                "<rect x=\"10\" y=\"4\" width=\"12\" height=\"12\" "
                "fill=\"#9bb7d4\" stroke=\"#333\"/><text x=\"28\" y=\"15\" "
                "font-size=\"12\">%s</text><rect x=\"160\" y=\"4\" "
                "width=\"12\" height=\"12\" fill=\"#0b3d6e\"/><text "
                "x=\"178\" y=\"15\" font-size=\"12\">%s</text>\n",
                T_MON_PLANNED, T_MON_SPENT);
    for (s = 0, x = 20; s < p->nsources; s++) {
        int hp, hs;

        if (m->planned_by[s] == 0 && m->spent_by[s] == 0) {
            continue;
        }
        hp = (int)(m->planned_by[s] * 150 / max);
        hs = (int)(m->spent_by[s] * 150 / max);
        html_printf(out,
                    "<rect x=\"%d\" y=\"%d\" width=\"50\" height=\"%d\" "
                    "fill=\"#9bb7d4\" stroke=\"#333\"/><rect x=\"%d\" "
                    "y=\"%d\" width=\"50\" height=\"%d\" "
                    "fill=\"#0b3d6e\"/>\n",
                    x, 200 - hp, hp, x + 55, 200 - hs, hs);
        html_printf(out,
                    "<text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>"
                    "<text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>"
                    "<text x=\"%d\" y=\"218\" font-size=\"11\">%s</text>\n",
                    x, 196 - hp, str_money(a, m->planned_by[s]), x + 55,
                    196 - hs - (hs > hp - 12 && hs < hp + 12 ? 12 : 0),
                    str_money(a, m->spent_by[s]), x, p->sources[s].name);
        x += 150;
    }
    html_printf(out, "</svg><figcaption>%s</figcaption></figure>\n",
                T_MON_CHART_BUDGET_CAPTION);
}

static void
indicator_table(struct buf *out, struct arena *a, const struct mon_report *m)
{
    const struct plan *p = m->p;
    int g, t, i;

    html_printf(
        out,
        "<div class=\"wide\" tabindex=\"0\" role=\"region\" "
        "aria-labelledby=\"mon-report-cap\"><table class=\"mon-report\">\n"
        "<caption id=\"mon-report-cap\">%s %d</caption>\n<thead><tr>"
        "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
        "<th scope=\"col\" class=\"num\">%s</th>"
        "<th scope=\"col\" class=\"num\">%s</th>"
        "<th scope=\"col\" class=\"num\">%s</th>"
        "<th scope=\"col\" class=\"num\">%s</th>"
        "<th scope=\"col\" class=\"num\">%s</th>"
        "<th scope=\"col\" class=\"num\">%s</th>"
        "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
        T_MON_TABLE_INDICATORS, m->year, T_MON_COL_TASK, T_MON_COL_INDICATOR,
        T_MON_COL_TARGET, T_MON_COL_REAL, T_MON_COL_PCT, T_MON_COL_MULTI_TARGET,
        T_MON_COL_MULTI_REAL, T_MON_COL_MULTI_PCT, T_MON_COL_STATUS);
    for (g = -1; g < p->ngoals; g++) {
        if (g >= 0) {
            html_printf(out,
                        "<tr class=\"goal\"><th scope=\"colgroup\" "
                        "colspan=\"9\">%s %s — %s: %s %%</th></tr>\n",
                        p->goals[g].code, p->goals[g].title, T_MON_PROGRESS,
                        mon_pct_text(a, m->goal_pct10[g]));
        }
        for (t = 0; t < p->ntasks; t++) {
            if (p->tasks[t].goal != g) {
                continue;
            }
            for (i = 0; i < p->nindicators; i++) {
                const struct plan_indicator *in = &p->indicators[i];
                const struct mon_rind *ri = &m->ind[i];

                if (in->task != t) {
                    continue;
                }
                html_printf(out, "<tr%s><th scope=\"row\">%s</th><td%s>%s%s",
                            ri->at_risk ? " class=\"at-risk\"" : "",
                            p->tasks[t].number,
                            in->parent >= 0 ? " class=\"breakdown\"" : "",
                            in->parent >= 0 ? "w tym: " : "", in->name);
                if (ri->computed) {
                    html_printf(out,
                                " <span class=\"computed\">(%s: %s)"
                                "</span>",
                                T_MON_COMPUTED, ri->metric);
                }
                html_printf(out,
                            "</td><td class=\"num\">%s</td>"
                            "<td class=\"num\">%s",
                            count_text(a, ri->has_target, ri->target),
                            count_text(a, ri->has_data, ri->real));
                /* Pending values beside the official one, marked. */
                if (ri->npending > 0) {
                    html_printf(out,
                                "<br><span class=\"pending\">(%s: %s)"
                                "</span>",
                                T_MON_IF_APPROVED,
                                str_thousands(a, ri->pending));
                }
                html_printf(out,
                            "</td><td class=\"num\">%s</td>"
                            "<td class=\"num\">%s</td>"
                            "<td class=\"num\">%s</td>"
                            "<td class=\"num\">%s</td><td>%s</td></tr>\n",
                            mon_pct_text(a, ri->pct10),
                            count_text(a, ri->has_multi, ri->multi_target),
                            str_thousands(a, ri->multi_real),
                            mon_pct_text(a, ri->multi_pct10),
                            mon_status_label(ri));
            }
        }
    }
    html_lit(out, "</tbody>\n</table></div>\n");
}

static void
budget_tables(struct buf *out, struct arena *a, const struct mon_report *m)
{
    const struct plan *p = m->p;
    int s, t;

    html_printf(out,
                "<div class=\"wide\" tabindex=\"0\" role=\"region\" "
                "aria-labelledby=\"mon-source-cap\"><table "
                "class=\"mon-budget\">\n<caption id=\"mon-source-cap\">%s"
                "</caption>\n<thead><tr><th scope=\"col\">%s</th>"
                "<th scope=\"col\" class=\"num\">%s</th>"
                "<th scope=\"col\" class=\"num\">%s</th>"
                "<th scope=\"col\" class=\"num\">%s</th></tr></thead>\n"
                "<tbody>\n",
                T_MON_TABLE_BUDGET, T_MON_COL_SOURCE, T_MON_PLANNED,
                T_MON_SPENT, T_MON_COL_PCT);
    for (s = 0; s < p->nsources; s++) {
        if (m->planned_by[s] == 0 && m->spent_by[s] == 0) {
            continue;
        }
        html_printf(out,
                    "<tr><th scope=\"row\">%s</th><td class=\"num\">%s"
                    "</td><td class=\"num\">%s</td><td class=\"num\">%s"
                    "</td></tr>\n",
                    p->sources[s].name, str_money(a, m->planned_by[s]),
                    str_money(a, m->spent_by[s]),
                    mon_pct_text(a, m->planned_by[s] > 0
                                        ? (int)((m->spent_by[s] * 1000 +
                                                 m->planned_by[s] / 2) /
                                                m->planned_by[s])
                                        : -1));
    }
    html_printf(out,
                "</tbody>\n<tfoot><tr class=\"sum\"><th scope=\"row\">%s"
                "</th><td class=\"num\">%s</td><td class=\"num\">%s</td>"
                "<td class=\"num\">%s</td></tr></tfoot>\n</table></div>\n",
                T_MON_TOTAL, str_money(a, m->planned_total),
                str_money(a, m->spent_total),
                mon_pct_text(a, m->planned_total > 0
                                    ? (int)((m->spent_total * 1000 +
                                             m->planned_total / 2) /
                                            m->planned_total)
                                    : -1));
    if (m->npending_lines > 0) {
        html_printf(out, "<p class=\"pending\">%s %s: %s " T_CURRENCY "</p>\n",
                    T_MON_SPENT, T_MON_IF_APPROVED,
                    str_money(a, m->pending_total));
    }
    html_printf(
        out,
        "<div class=\"wide\" tabindex=\"0\" role=\"region\" "
        "aria-labelledby=\"mon-budget-cap\"><table class=\"mon-budget\">\n"
        "<caption id=\"mon-budget-cap\">%s</caption>\n<thead><tr>"
        "<th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">"
        "%s</th><th scope=\"col\" class=\"num\">%s</th>"
        "<th scope=\"col\" class=\"num\">%s</th></tr></thead>\n"
        "<tbody>\n",
        T_MON_TABLE_BUDGET_TASKS, T_MON_COL_TASK, T_MON_PLANNED, T_MON_SPENT,
        T_MON_COL_PCT);
    for (t = 0; t < p->ntasks; t++) {
        const struct mon_rtask *rt = &m->task[t];

        if (rt->planned == 0 && rt->spent == 0) {
            continue;
        }
        html_printf(out,
                    "<tr><th scope=\"row\">%s</th><td class=\"num\">%s"
                    "</td><td class=\"num\">%s</td><td class=\"num\">%s"
                    "</td></tr>\n",
                    p->tasks[t].number, str_money(a, rt->planned),
                    str_money(a, rt->spent),
                    mon_pct_text(a, rt->planned > 0 ? (int)((rt->spent * 1000 +
                                                             rt->planned / 2) /
                                                            rt->planned)
                                                    : -1));
    }
    html_lit(out, "</tbody>\n</table></div>\n");
}

void
mon_report_html(struct buf *out, struct arena *a, const struct mon_report *m,
                bool standalone)
{
    const struct plan *p = m->p;

    if (standalone) {
        html_printf(out,
                    "<!DOCTYPE html>\n<html lang=\"pl\">\n<head>\n"
                    "<meta charset=\"utf-8\">\n<title>%s %d</title>\n",
                    T_MON_REPORT_TITLE, m->year);
        /* A fixed style sheet of this file, no data in it. */
        html_lit(out, "<style>body{font-family:sans-serif;margin:1.5rem;}"
                      "table{border-collapse:collapse;margin:1rem 0;}"
                      "th,td{border:1px solid #999;padding:.2rem .4rem;"
                      "vertical-align:top;}td.num,th.num{text-align:right;}"
                      "thead{display:table-header-group;}"
                      "tr.goal th{background:#dfe8f3;text-align:left;}"
                      "tr.at-risk td:last-child{font-weight:bold;}"
                      "td.breakdown{padding-left:1.5rem;}"
                      "@page{size:A4;margin:15mm;}</style>\n</head>\n<body>\n");
    }
    html_printf(out, "<h1>%s %d</h1>\n<p class=\"lead\">%s</p>\n",
                T_MON_REPORT_TITLE, m->year, p->title ? p->title : "");
    html_printf(out, "<dl class=\"meta\"><dt>%s</dt><dd>%s</dd>", T_MON_REGION,
                m->meta.region_name);
    if (p->programme_title != NULL) {
        html_printf(out, "<dt>%s</dt><dd>%s</dd>", T_MON_PROGRAMME,
                    p->programme_title);
    }
    html_printf(out,
                "<dt>%s</dt><dd>%d / %d</dd><dt>%s</dt><dd>%ld (%s: %ld)"
                "</dd><dt>%s</dt><dd>%d</dd><dt>%s</dt><dd>%d</dd></dl>\n",
                T_MON_PROGRAMME_YEAR, m->elapsed, m->span, T_MON_ENTRIES,
                (long)m->entries, T_MON_PENDING_COUNT, (long)m->entries_pending,
                T_MON_AT_RISK_COUNT, m->nat_risk, T_MON_NO_DATA_COUNT,
                m->nno_data);
    html_printf(out, "<p>%s</p>\n", mon_report_issued(a, m));
    if (m->entries_pending > 0) {
        html_lit(out, "<p class=\"notice\">" T_MON_PENDING_NOTE "</p>\n");
    }
    if (m->demo_entries > 0) {
        html_printf(out, "<p class=\"notice\"><strong>%s</strong> %ld %s</p>\n",
                    T_MON_DEMO_WARN, (long)m->demo_entries, T_MON_DEMO_WARN2);
    }
    html_printf(out, "<p class=\"mon-legend\">%s</p>\n", T_MON_RISK_RULE);
    html_printf(out, "<h2>%s</h2>\n", T_MON_GOALS_PROGRESS);
    mon_svg_goals(out, a, m);
    indicator_table(out, a, m);
    html_printf(out, "<h2>%s</h2>\n", T_MON_BUDGET);
    svg_budget(out, a, m);
    budget_tables(out, a, m);
    narratives(out, a, m);
    if (standalone) {
        html_lit(out, "</body>\n</html>\n");
    }
}
