/*
** Niebieska Linia statistics on the web: the date-range form, a table and
** an SVG bar chart for each breakdown (month, channel, caller, form of
** violence, harmed person, referral type, referrals to institutions of the
** directory by kind, powiat, gmina), a table of referrals per institution
** and a map of contacts per gmina.
** Every chart repeats a table's numbers; the table is the accessible form.
*/
#include "modules_handlers.h"

#include <stdio.h>
#include <string.h>

#include "core/err.h"
#include "core/str.h"
#include "helpline_web.h"
#include "html/html.h"
#include "html/layout.h"
#include "helpline/strings_pl.h"

#define BAR_W 360

struct series {
    const char *caption;
    const char *head;
    int n;
    const char **labels;
    const int64_t *values;
};

/* Rows to fill in for n labels and values (and one spare), in the arena. */
static void
rows(struct req *r, int n, const char ***labels, int64_t **values)
{
    *labels = arena_alloc(&r->arena, (size_t)(n + 1) * sizeof(char *));
    *values = arena_alloc(&r->arena, (size_t)(n + 1) * sizeof(int64_t));
}

static void
series(struct series *s, const char *caption, const char *head, int n,
       const char **labels, const int64_t *values)
{
    s->caption = caption;
    s->head = head;
    s->n = n;
    s->labels = labels;
    s->values = values;
}

static void
chart(struct req *r, const struct series *s, int id)
{
    int64_t max = 1;
    int i, h = 22 * s->n + 8;

    for (i = 0; i < s->n; i++) {
        if (s->values[i] > max) {
            max = s->values[i];
        }
    }
    html_printf(&r->out,
                "<svg class=\"hl-chart\" xmlns=\"http://www.w3.org/2000/"
                "svg\" viewBox=\"0 0 640 %d\" role=\"img\" "
                "aria-labelledby=\"ch-%d\"><title id=\"ch-%d\">%s</title>\n",
                h, id, id, s->caption);
    for (i = 0; i < s->n; i++) {
        int w = (int)(s->values[i] * BAR_W / max);

        html_printf(&r->out,
                    "<text x=\"0\" y=\"%d\" font-size=\"11\">%s</text>"
                    "<rect x=\"230\" y=\"%d\" width=\"%d\" height=\"16\" "
                    "fill=\"#2f5d8a\"/><text x=\"%d\" y=\"%d\" "
                    "font-size=\"12\">%ld</text>\n",
                    22 * i + 16, s->labels[i], 22 * i + 4, w, 236 + w,
                    22 * i + 16, (long)s->values[i]);
    }
    html_lit(&r->out, "</svg>\n");
}

static void
table(struct req *r, const struct series *s, int64_t total)
{
    int i;

    html_printf(&r->out, WIDE_OPEN, s->caption);
    html_printf(&r->out,
                "<table class=\"hl-stat\">\n<caption>%s</caption>\n<thead>"
                "<tr><th scope=\"col\">%s</th><th scope=\"col\" "
                "class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s"
                "</th></tr></thead>\n<tbody>\n",
                s->caption, s->head, T_HL_COUNT, T_HL_SHARE);
    for (i = 0; i < s->n; i++) {
        long pm = total > 0 ? (long)(s->values[i] * 1000 / total) : 0;

        html_printf(&r->out,
                    "<tr><th scope=\"row\">%s</th><td class=\"num\">%s"
                    "</td><td class=\"num\">%ld,%ld%%</td></tr>\n",
                    s->labels[i], str_thousands(&r->arena, s->values[i]),
                    pm / 10, pm % 10);
    }
    html_lit(&r->out, "</tbody>\n</table></div>\n");
}

/* A section of the table of s and, when charted (1 to 60 rows), its chart. */
static void
section(struct req *r, const struct series *s, int64_t total, int id,
        bool charted)
{
    html_printf(&r->out,
                "<section class=\"hl-section\" aria-labelledby=\"s-%d\">"
                "<h2 id=\"s-%d\">%s</h2>\n",
                id, id, s->caption);
    table(r, s, total);
    if (charted && s->n > 0 && s->n <= 60) {
        chart(r, s, id);
    }
    html_lit(&r->out, "</section>\n");
}

/*
** Referrals to institutions of the directory: by kind of institution and
** by institution; shares are of all such referrals.
*/
static void
institution_sections(struct req *r, const struct helpline_stats *s)
{
    struct series x;
    const char **labels;
    int64_t *values;
    int i;

    if (s->ninsts == 0) {
        html_printf(&r->out,
                    "<section class=\"hl-section\" aria-labelledby=\"s-9\">"
                    "<h2 id=\"s-9\">%s</h2>\n<p>%s</p>\n</section>\n",
                    T_HL_INSTITUTIONS, T_HL_NO_INST);
        return;
    }
    rows(r, s->ninsts, &labels, &values);
    for (i = 0; i < s->ninst_kinds; i++) {
        labels[i] = s->inst_kinds[i].name;
        values[i] = s->inst_kinds[i].n;
    }
    series(&x, T_HL_BY_INST_KIND, T_HL_INST_KIND, s->ninst_kinds, labels,
           values);
    section(r, &x, s->inst_total, 9, true);
    rows(r, s->ninsts, &labels, &values);
    for (i = 0; i < s->ninsts; i++) {
        labels[i] = arena_printf(&r->arena, "%s (nr %lld)", s->insts[i].name,
                                 (long long)s->insts[i].id);
        values[i] = s->insts[i].n;
    }
    series(&x, T_HL_BY_INST, T_HL_INSTITUTION, s->ninsts, labels, values);
    section(r, &x, s->inst_total, 10, false);
}

static const char *const ramp[] = {"#f7fbff", "#c6dbef", "#6baed6", "#2171b5",
                                   "#08306b"};

static void
stats_map(struct req *r, const struct helpline_stats *s, const char *region)
{
    struct helpline_agreement *g = NULL;
    struct helpline_map_area *areas;
    int64_t max = 0;
    int n, i, k, j = 0;

    n = helpline_agreements(r->db, &r->arena, region, s->to, &g);
    if (n <= 0) {
        return;
    }
    for (i = 0; i < s->ngminas; i++) {
        if (s->gminas[i].n > max) {
            max = s->gminas[i].n;
        }
    }
    areas = arena_alloc(&r->arena, (size_t)n * sizeof(*areas));
    for (i = 0; i < n; i++) {
        int64_t c = 0;

        /* Both lists are ordered by TERYT. */
        while (j < s->ngminas && s->gminas[j].code[0] != '\0' &&
               strcmp(s->gminas[j].code, g[i].teryt) < 0) {
            j++;
        }
        if (j < s->ngminas && strcmp(s->gminas[j].code, g[i].teryt) == 0) {
            c = s->gminas[j].n;
        }
        k = c == 0 || max == 0 ? 0 : 1 + (int)((c - 1) * 4 / max);
        areas[i].teryt = g[i].teryt;
        areas[i].fill = ramp[k > 4 ? 4 : k];
        areas[i].hatched = false;
        areas[i].title = arena_printf(&r->arena, "%s (pow. %s): %ld", g[i].name,
                                      g[i].powiat, (long)c);
    }
    html_printf(&r->out,
                "<section class=\"hl-section\" aria-labelledby=\"s-map\">"
                "<h2 id=\"s-map\">%s</h2>\n<figure class=\"hl-figure\">\n",
                T_HL_STATS_MAP);
    if (helpline_map_svg(r, region, T_HL_STATS_MAP, T_HL_BY_GMINA, areas, n) !=
        0) {
        html_printf(&r->out, "<p>%s</p>\n", T_HL_NO_MAP);
    }
    html_printf(&r->out, "<figcaption><p>%s: 0", T_HL_LEGEND);
    for (k = 1; k <= 4 && max > 0; k++) {
        long lo = (long)((k - 1) * max / 4) + 1, hi = (long)(k * max / 4);

        if (hi >= lo) {
            html_printf(&r->out, "; %ld–%ld", lo, hi);
        }
    }
    html_printf(&r->out, " (%s)</p></figcaption>\n</figure>\n</section>\n",
                T_HL_STATS_MAP_SHADING);
}

/*
** ROUTE: GET /niebieska-linia/statystyki
** CAP: CAP_HELPLINE_READ
** PARAMS: od=YYYY-MM-DD (default 1 January), do=YYYY-MM-DD (default today),
**         woj=2 digits (accounts of every region; empty: the country)
*/
int
page_helpline_stats(struct req *r)
{
    const char *region, *from, *to, *q, *title;
    struct helpline_stats s;
    struct series x;
    const char **labels;
    int64_t *values;
    int i, rc;

    if ((rc = helpline_stats_or_reply(r, &region, &from, &to, &s)) != 0) {
        return rc;
    }
    title = arena_printf(&r->arena, "%s: %s, %s – %s", T_HL_STATS,
                         helpline_region_name(r, region), from, to);
    layout_begin(r, title);
    html_printf(&r->out, "<h1>%s</h1>\n", title);
    helpline_range_form(r, "/niebieska-linia/statystyki", from, to, region);
    q = arena_printf(&r->arena, "od=%s&do=%s&woj=%s", from, to,
                     region ? region : "");
    html_printf(&r->out,
                "<p class=\"hl-total\">%s: <strong id=\"hl-total\">%s"
                "</strong></p>\n<ul class=\"hl-links\"><li><a href=\""
                "/niebieska-linia/statystyki.csv?%s\">%s</a></li><li>"
                "<a href=\"/niebieska-linia/statystyki.xlsx?%s\">%s</a>"
                "</li><li><a href=\"/api/helpline/stats?%s\">JSON</a>"
                "</li></ul>\n",
                T_HL_TOTAL, str_thousands(&r->arena, s.total), q,
                T_HL_EXPORT_CSV, q, T_HL_EXPORT_XLSX, q);

    series(&x, T_HL_BY_MONTH, T_HL_MONTH, s.nmonths, s.months, s.by_month);
    section(r, &x, s.total, 1, true);
    for (i = 0; i < HELPLINE_BREAKDOWNS; i++) {
        const struct helpline_breakdown *b = &helpline_breakdowns[i];

        series(&x, b->caption, b->head, b->n, (const char **)b->labels + 1,
               helpline_breakdown_counts(&s, b) + 1);
        section(r, &x, s.total, b->section, true);
    }
    institution_sections(r, &s);

    rows(r, s.npowiats, &labels, &values);
    for (i = 0; i < s.npowiats; i++) {
        labels[i] = arena_printf(&r->arena, "%s (%s)", s.powiats[i].name,
                                 s.powiats[i].code);
        values[i] = s.powiats[i].n;
    }
    series(&x, T_HL_BY_POWIAT, T_HL_POWIAT, s.npowiats, labels, values);
    section(r, &x, s.total, 6, true);

    if (region != NULL) {
        stats_map(r, &s, region);
    }
    rows(r, s.ngminas, &labels, &values);
    for (i = 0; i < s.ngminas; i++) {
        labels[i] =
            s.gminas[i].code[0]
                ? arena_printf(&r->arena, "%s (%s, pow. %s)", s.gminas[i].name,
                               s.gminas[i].code, s.gminas[i].powiat)
                : T_HL_UNKNOWN_GMINA;
        values[i] = s.gminas[i].n;
    }
    series(&x, T_HL_BY_GMINA, T_HL_GMINA, s.ngminas, labels, values);
    section(r, &x, s.total, 7, false);
    layout_end(r);
    return 0;
}
