/*
** The observatory's pages: /obserwatorium (a choropleth map of gminas or
** powiats with its legend, the sortable table of the same figures, the
** region's time series), its CSV and JSON (/api/observatory) and the
** page saying how each indicator is computed. Public, without
** JavaScript: every choice is a link or a GET form.
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/json.h"
#include "core/str.h"
#include "core/warsaw.h"
#include "helpline/helpline_web.h"
#include "html/html.h"
#include "html/layout.h"
#include "modules_handlers.h"
#include "observatory.h"
#include "observatory/strings_pl.h"
#include "teryt/teryt.h"

/* Fills of the classes: 0 first, then light to dark (ColorBrewer Blues;
 * the darkest two carry white text nowhere, so contrast is the border's). */
static const char *const fills[OBS_CLASSES + 1] = {
    "#ffffff", "#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c",
};

/* What a request asks for and what it computes to. */
struct view {
    const struct obs_indicator *ind;
    const char *region, *region_name;
    bool powiats;
    int year;
    int *years, nyears;
    struct obs_value *v;
    int nv;
    struct obs_gmina *g;
    int ng;
    struct obs_unit *u;
    int n;
    struct obs_breaks b;
    const char *sort; /* "nazwa", "kod", "wartosc" */
    bool desc;
};

static const char *
arg(struct req *r, const char *name)
{
    const char *v = req_arg(r, name);

    return v != NULL && *v != '\0' ? v : NULL;
}

/* The query string of the view, with sort and direction as given. */
static const char *
query(struct req *r, const struct view *w, const char *sort, bool desc)
{
    return arena_printf(&r->arena,
                        "wskaznik=%s&poziom=%s&rok=%d&woj=%s"
                        "&sort=%s&kier=%s",
                        w->ind->code, w->powiats ? "powiat" : "gmina", w->year,
                        w->region, sort, desc ? "malej" : "rosn");
}

/* qsort has no context argument: the view being sorted, per thread */
static _Thread_local const struct view *sort_view;

static int
cmp_units(const void *x, const void *y)
{
    const struct obs_unit *a = x, *b = y;
    int c;

    if (strcmp(sort_view->sort, "wartosc") == 0) {
        c = (a->shown > b->shown) - (a->shown < b->shown);
    } else if (strcmp(sort_view->sort, "kod") == 0) {
        c = strcmp(a->code, b->code);
    } else {
        c = 0;
    }
    if (c == 0) {
        c = strcmp(a->sort_key, b->sort_key);
    }
    if (c == 0) {
        c = strcmp(a->code, b->code);
    }
    return sort_view->desc ? -c : c;
}

/* Read the request and compute: 0, or an error with the reply recorded. */
static int
load_or_reply(struct req *r, struct view *w)
{
    const char *code = arg(r, "wskaznik"), *level = arg(r, "poziom");
    const char *year = arg(r, "rok"), *sort = arg(r, "sort");
    const char *dir = arg(r, "kier");
    struct teryt_gmina *tg;
    int i, rc;

    memset(w, 0, sizeof(*w));
    w->ind = code != NULL ? obs_indicator_find(code) : obs_indicators[0];
    if (w->ind == NULL) {
        return req_error(r, 400, T_OBS_ERR_INDICATOR);
    }
    if (level != NULL && strcmp(level, "gmina") != 0 &&
        strcmp(level, "powiat") != 0) {
        return req_error(r, 400, T_OBS_ERR_LEVEL);
    }
    w->powiats = level != NULL && strcmp(level, "powiat") == 0;
    if (sort != NULL && strcmp(sort, "nazwa") != 0 &&
        strcmp(sort, "kod") != 0 && strcmp(sort, "wartosc") != 0) {
        return req_error(r, 400, T_OBS_ERR_SORT);
    }
    w->sort = sort != NULL ? sort : "nazwa";
    w->desc = dir != NULL && strcmp(dir, "malej") == 0;
    w->region = helpline_region_public(r);
    w->region_name = helpline_region_name(r, w->region);
    if ((rc = teryt_gminas(r->db, &r->arena, w->region, &tg)) < 0) {
        return rc;
    }
    w->ng = rc;
    w->g = arena_alloc(&r->arena, sizeof(*w->g) * (size_t)(w->ng + 1));
    for (i = 0; i < w->ng; i++) {
        w->g[i].code = tg[i].teryt;
        w->g[i].name = tg[i].name;
        w->g[i].powiat = tg[i].powiat_code;
        w->g[i].powiat_name = tg[i].powiat_name;
        w->g[i].population = teryt_gmina_population(tg[i].teryt);
    }
    if ((rc = w->ind->values(r->db, &r->arena, w->region, &w->v)) < 0) {
        return rc;
    }
    w->nv = rc;
    w->nyears = obs_years(&r->arena, w->v, w->nv, &w->years);
    if (year != NULL) {
        long y;

        if (req_int_or_reply(r, "rok", 1990, 2100, &y)) {
            return ERR_INPUT;
        }
        w->year = (int)y;
    } else {
        struct tm now;

        /* no figures yet (a register still empty): this year */
        warsaw_tm((int64_t)time(NULL), &now);
        w->year = w->nyears > 0 ? w->years[w->nyears - 1] : now.tm_year + 1900;
    }
    w->n = obs_units(&r->arena, w->g, w->ng, w->v, w->nv, w->year, w->powiats,
                     w->ind->kind, w->ind->per_resident, &w->u);
    obs_classify(&r->arena, w->u, w->n, &w->b);
    /* sort by folded names (Polish letters next to their base letter) */
    for (i = 0; i < w->n; i++) {
        w->u[i].sort_key = str_fold(&r->arena, w->u[i].name);
    }
    sort_view = w;
    qsort(w->u, (size_t)w->n, sizeof(*w->u), cmp_units);
    sort_view = NULL;
    return 0;
}

/* The fill of class k: a yes of a yes / no map stands out, dark. */
static const char *
fill_of(const struct view *w, int k)
{
    return w->ind->kind == OBS_FLAG && k > 0 ? fills[OBS_CLASSES - 1]
                                             : fills[k];
}

/* A count as its kind reads: "1 234", zl "1 234,56", or yes / no. */
static const char *
count_text(struct req *r, const struct view *w, int64_t x)
{
    switch (w->ind->kind) {
    case OBS_MONEY:
        return obs_fmt100(&r->arena, x);
    case OBS_FLAG:
        return x > 0 ? T_OBS_YES : T_OBS_NO;
    case OBS_COUNT:
        break;
    }
    return str_thousands(&r->arena, x);
}

/* The figure shown of a unit: "12,34" per 10 000, or the count. */
static const char *
shown(struct req *r, const struct view *w, const struct obs_unit *u)
{
    return u->rate100 >= 0 ? obs_fmt100(&r->arena, u->rate100)
                           : count_text(r, w, u->count);
}

static const char *
class_range(struct req *r, const struct view *w, int k)
{
    bool rate = w->ind->per_resident;

    if (w->ind->kind == OBS_FLAG) {
        return k == 0 ? T_OBS_NO : T_OBS_YES;
    }
    if (k == 0) {
        return "0";
    }
    return arena_printf(&r->arena, "%s – %s",
                        rate ? obs_fmt100(&r->arena, w->b.lo[k - 1])
                             : count_text(r, w, w->b.lo[k - 1]),
                        rate ? obs_fmt100(&r->arena, w->b.hi[k - 1])
                             : count_text(r, w, w->b.hi[k - 1]));
}

/* "12 z 144 (8,33 %)": units of yes of the n units; OBS_FLAG. */
static const char *
share_text(struct req *r, int64_t yes, int64_t n)
{
    return arena_printf(
        &r->arena, T_OBS_SHARE_CELL, str_thousands(&r->arena, yes),
        str_thousands(&r->arena, n),
        obs_fmt100(&r->arena, n > 0 ? (yes * 10000 + n / 2) / n : 0));
}

static int64_t
yes_count(const struct view *w)
{
    int64_t yes = 0;
    int i;

    for (i = 0; i < w->n; i++) {
        yes += w->u[i].count > 0;
    }
    return yes;
}

static bool
any_rate(const struct view *w)
{
    int i;

    for (i = 0; i < w->n; i++) {
        if (w->u[i].rate100 >= 0) {
            return true;
        }
    }
    return false;
}

static void
choices(struct req *r, const struct view *w)
{
    int i;

    html_printf(&r->out,
                "<form method=\"get\" action=\"/obserwatorium\" "
                "class=\"obs-form\">\n<input type=\"hidden\" name=\"woj\" "
                "value=\"%s\">\n<p><label for=\"obs-w\">%s</label> "
                "<select id=\"obs-w\" name=\"wskaznik\">\n",
                w->region, T_OBS_INDICATOR);
    for (i = 0; i < obs_nindicators; i++) {
        html_printf(&r->out, "<option value=\"%s\"%s>%s</option>\n",
                    obs_indicators[i]->code,
                    obs_indicators[i] == w->ind ? " selected" : "",
                    obs_indicators[i]->title);
    }
    html_printf(&r->out,
                "</select></p>\n<p><label for=\"obs-p\">%s</label> "
                "<select id=\"obs-p\" name=\"poziom\">"
                "<option value=\"gmina\"%s>%s</option>"
                "<option value=\"powiat\"%s>%s</option></select></p>\n"
                "<p><label for=\"obs-r\">%s</label> "
                "<select id=\"obs-r\" name=\"rok\">\n",
                T_OBS_LEVEL, w->powiats ? "" : " selected", T_OBS_GMINAS,
                w->powiats ? " selected" : "", T_OBS_POWIATS, T_OBS_YEAR);
    for (i = w->nyears - 1; i >= 0; i--) {
        html_printf(&r->out, "<option value=\"%d\"%s>%d</option>\n",
                    w->years[i], w->years[i] == w->year ? " selected" : "",
                    w->years[i]);
    }
    if (w->nyears == 0) {
        html_printf(&r->out, "<option value=\"%d\" selected>%d</option>\n",
                    w->year, w->year);
    }
    html_printf(&r->out,
                "</select></p>\n<p><button type=\"submit\">%s</button></p>"
                "\n</form>\n",
                T_OBS_SHOW);
}

static void
map(struct req *r, const struct view *w)
{
    struct helpline_map_area *areas;
    int i, k;

    areas = arena_alloc(&r->arena, sizeof(*areas) * (size_t)(w->ng + 1));
    for (i = 0; i < w->ng; i++) {
        const char *unit = w->powiats ? w->g[i].powiat : w->g[i].code;
        const struct obs_unit *u = NULL;

        for (k = 0; k < w->n; k++) {
            if (strcmp(w->u[k].code, unit) == 0) {
                u = &w->u[k];
            }
        }
        areas[i].teryt = w->g[i].code;
        areas[i].hatched = false;
        areas[i].fill = fill_of(w, u != NULL ? u->cls : 0);
        areas[i].title =
            u == NULL ? w->g[i].name
            : w->powiats
                ? arena_printf(&r->arena, "%s (%s %s): %s", w->g[i].name,
                               T_OBS_POWIAT, u->name, shown(r, w, u))
                : arena_printf(&r->arena, "%s (%s): %s", u->name, u->code,
                               shown(r, w, u));
    }
    html_printf(&r->out,
                "<section aria-labelledby=\"obs-map\">\n<h2 id=\"obs-map\">"
                "%s</h2>\n<figure class=\"hl-figure obs-figure\">\n",
                T_OBS_MAP);
    if (helpline_map_svg(r, w->region, w->ind->title,
                         w->powiats ? T_OBS_MAP_DESC_POWIAT
                                    : T_OBS_MAP_DESC_GMINA,
                         areas, w->ng) != 0) {
        html_printf(&r->out, "<p>%s</p>\n", T_OBS_NO_MAP);
    }
    html_printf(&r->out, "<figcaption>\n<p>%s</p>\n<ul class=\"obs-legend\">\n",
                w->ind->kind == OBS_FLAG
                    ? arena_printf(&r->arena, T_OBS_LEGEND_FLAG, w->ind->unit)
                : w->ind->per_resident && any_rate(w)
                    ? (w->ind->kind == OBS_MONEY ? T_OBS_LEGEND_RATE_ZL
                                                 : T_OBS_LEGEND_RATE)
                : w->ind->kind == OBS_MONEY ? T_OBS_LEGEND_ZL
                                            : T_OBS_LEGEND_COUNT);
    /* a yes / no map has its two classes even when one is empty */
    for (k = 0; k <= (w->ind->kind == OBS_FLAG ? 1 : w->b.n); k++) {
        html_printf(&r->out,
                    "<li data-class=\"%d\"><svg class=\"obs-swatch\" "
                    "width=\"18\" height=\"18\" aria-hidden=\"true\">"
                    "<rect x=\"0.5\" y=\"0.5\" width=\"17\" height=\"17\" "
                    "fill=\"%s\" stroke=\"#333333\"/></svg> %s</li>\n",
                    k, fill_of(w, k), class_range(r, w, k));
    }
    html_printf(&r->out,
                "</ul>\n<p><a href=\"/obserwatorium/metodologia#%s\">%s</a>"
                "</p>\n</figcaption>\n</figure>\n</section>\n",
                w->ind->code, T_OBS_HOW);
}

/* A column head that sorts by key: the same key again reverses. */
static void
sort_head(struct req *r, const struct view *w, const char *key,
          const char *label)
{
    bool on = strcmp(w->sort, key) == 0;

    if (!on) {
        html_printf(&r->out,
                    "<th scope=\"col\"><a href=\"/obserwatorium?%s\">%s</a>"
                    "</th>",
                    query(r, w, key, false), label);
        return;
    }
    /* the sorted column says so, and its link sorts the other way */
    html_printf(&r->out,
                "<th scope=\"col\" aria-sort=\"%s\"><a "
                "href=\"/obserwatorium?%s\">%s %s</a></th>",
                w->desc ? "descending" : "ascending",
                query(r, w, key, !w->desc), label, w->desc ? "▼" : "▲");
}

static void
table(struct req *r, const struct view *w)
{
    bool rate = w->ind->per_resident;
    int i;

    html_printf(&r->out,
                "<section aria-labelledby=\"obs-table\">\n<h2 id=\"obs-table\">"
                "%s</h2>\n<div class=\"wide\" tabindex=\"0\" role=\"region\" "
                "aria-labelledby=\"obs-units-cap\"><table class=\"obs-units\">"
                "\n<caption id=\"obs-units-cap\">%s, %d</caption>\n<thead><tr>",
                T_OBS_TABLE, w->ind->title, w->year);
    sort_head(r, w, "kod", T_OBS_CODE);
    sort_head(r, w, "nazwa", w->powiats ? T_OBS_POWIAT_COL : T_OBS_GMINA_COL);
    if (w->ind->kind != OBS_FLAG) {
        html_printf(&r->out, "<th scope=\"col\">%s</th>", w->ind->unit);
    }
    if (rate) {
        html_printf(&r->out, "<th scope=\"col\">%s</th>", T_OBS_POPULATION);
    }
    sort_head(
        r, w, "wartosc",
        w->ind->kind == OBS_FLAG ? w->ind->unit
        : rate ? (w->ind->kind == OBS_MONEY ? T_OBS_PER_10K_ZL : T_OBS_PER_10K)
               : T_OBS_VALUE);
    html_lit(&r->out, "<th scope=\"col\">" T_OBS_CLASS "</th></tr></thead>\n"
                      "<tbody>\n");
    for (i = 0; i < w->n; i++) {
        const struct obs_unit *u = &w->u[i];

        html_printf(&r->out,
                    "<tr data-unit=\"%s\"><td>%s</td><th scope=\"row\">%s</th>",
                    u->code, u->code, u->name);
        if (w->ind->kind != OBS_FLAG) {
            /* a yes / no is its own value: one column */
            html_printf(&r->out, "<td class=\"num\">%s</td>",
                        count_text(r, w, u->count));
        }
        if (rate) {
            html_printf(&r->out, "<td class=\"num\">%s</td>",
                        u->population > 0
                            ? str_thousands(&r->arena, u->population)
                            : T_OBS_UNKNOWN);
        }
        html_printf(&r->out,
                    "<td class=\"num obs-shown\">%s</td><td>%s</td></tr>\n",
                    u->rate100 >= 0 || !rate ? shown(r, w, u) : T_OBS_UNKNOWN,
                    class_range(r, w, u->cls));
    }
    html_lit(&r->out, "</tbody></table></div>\n</section>\n");
}

/* The region's figure by year: the sum of its gminas, and per 10 000. */
static void
series(struct req *r, const struct view *w)
{
    int64_t pop = 0;
    int i, k;

    for (i = 0; i < w->ng; i++) {
        pop += w->g[i].population;
    }
    html_printf(&r->out,
                "<section aria-labelledby=\"obs-series\">\n<h2 "
                "id=\"obs-series\">%s</h2>\n",
                T_OBS_SERIES);
    if (!w->ind->yearly) {
        html_printf(&r->out, "<p>%s</p>\n", T_OBS_NOT_YEARLY);
    }
    html_printf(
        &r->out,
        "<div class=\"wide\" tabindex=\"0\" role=\"region\" "
        "aria-labelledby=\"obs-series-cap\"><table class=\"obs-series\">\n"
        "<caption id=\"obs-series-cap\">%s: %s</caption>\n<thead><tr><th "
        "scope=\"col\">%s"
        "</th><th scope=\"col\">%s</th>",
        w->ind->title, w->region_name, T_OBS_YEAR, w->ind->unit);
    if (w->ind->per_resident && pop > 0) {
        html_printf(&r->out, "<th scope=\"col\">%s</th>",
                    w->ind->kind == OBS_MONEY ? T_OBS_PER_10K_ZL
                                              : T_OBS_PER_10K);
    }
    if (w->ind->kind == OBS_FLAG) {
        html_printf(&r->out, "<th scope=\"col\">%s</th>", T_OBS_SHARE_COL);
    }
    html_lit(&r->out, "</tr></thead>\n<tbody>\n");
    for (k = 0; k < w->nyears; k++) {
        int64_t sum = 0;

        for (i = 0; i < w->nv; i++) {
            /* a yes / no: the units of the level shown (gminas 7 digits,
             * powiats 4), each once */
            if (w->v[i].year == w->years[k] &&
                (w->ind->kind != OBS_FLAG ||
                 strlen(w->v[i].gmina) == (w->powiats ? 4u : 7u))) {
                sum += w->v[i].value > 0 && w->ind->kind == OBS_FLAG
                           ? 1
                           : w->v[i].value;
            }
        }
        html_printf(&r->out,
                    "<tr><th scope=\"row\"><a href=\"/obserwatorium?%s\">%d"
                    "</a></th><td class=\"num\">%s</td>",
                    arena_printf(&r->arena,
                                 "wskaznik=%s&poziom=%s&rok=%d"
                                 "&woj=%s",
                                 w->ind->code, w->powiats ? "powiat" : "gmina",
                                 w->years[k], w->region),
                    w->years[k],
                    w->ind->kind == OBS_FLAG ? str_thousands(&r->arena, sum)
                                             : count_text(r, w, sum));
        if (w->ind->per_resident && pop > 0) {
            html_printf(
                &r->out, "<td class=\"num\">%s</td>",
                obs_fmt100(&r->arena, obs_rate100(w->ind->kind, sum, pop)));
        }
        if (w->ind->kind == OBS_FLAG) {
            html_printf(&r->out, "<td class=\"num\">%s</td>",
                        share_text(r, sum, w->n));
        }
        html_lit(&r->out, "</tr>\n");
    }
    html_lit(&r->out, "</tbody></table></div>\n</section>\n");
}

/*
** ROUTE: GET /obserwatorium
** CAP: CAP_PUBLIC
** PARAMS: wskaznik=indicator code, poziom=gmina|powiat, rok=YYYY,
**         woj=TERYT 2 digits, sort=nazwa|kod|wartosc, kier=rosn|malej
*/
int
page_observatory(struct req *r)
{
    struct view w;
    const char *q;
    int rc;

    if ((rc = load_or_reply(r, &w)) != 0) {
        return rc;
    }
    q = query(r, &w, w.sort, w.desc);
    layout_begin(r, T_OBS_TITLE);
    html_printf(&r->out,
                "<h1>%s</h1>\n<p>%s</p>\n<p class=\"obs-lead\"><strong>%s"
                "</strong>: %s, %s %d</p>\n",
                T_OBS_TITLE, T_OBS_INTRO, w.ind->title, w.region_name,
                w.ind->yearly ? T_OBS_IN_YEAR : T_OBS_AS_OF, w.year);
    choices(r, &w);
    if (w.ind->kind == OBS_FLAG) {
        html_printf(
            &r->out, "<p class=\"obs-share\">%s</p>\n<p>%s</p>\n",
            arena_printf(&r->arena,
                         w.powiats ? T_OBS_SHARE_POWIATS : T_OBS_SHARE_GMINAS,
                         w.ind->unit, share_text(r, yes_count(&w), w.n)),
            T_OBS_FLAG_NOTE);
    } else if (w.ind->per_resident) {
        html_printf(&r->out, "<p>%s</p>\n", T_OBS_RATE_NOTE);
    } else {
        html_printf(&r->out, "<p>%s</p>\n", T_OBS_COUNT_NOTE);
    }
    map(r, &w);
    table(r, &w);
    series(r, &w);
    html_printf(&r->out,
                "<ul class=\"obs-links\"><li><a href=\"/obserwatorium/dane.csv"
                "?%s\">%s</a></li><li><a href=\"/api/observatory?%s\">%s</a>"
                "</li><li><a href=\"/obserwatorium/metodologia#%s\">%s</a>"
                "</li></ul>\n",
                q, T_OBS_CSV, q, T_OBS_JSON, w.ind->code, T_OBS_HOW);
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /obserwatorium/metodologia
** CAP: CAP_PUBLIC
** PARAMS: none
*/
int
page_observatory_method(struct req *r)
{
    int i;

    layout_begin(r, T_OBS_METHOD_TITLE);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n<p>%s</p>\n<p>%s</p>\n",
                T_OBS_METHOD_TITLE, T_OBS_METHOD_RATE, T_OBS_METHOD_CLASSES,
                T_OBS_METHOD_POPULATION);
    for (i = 0; i < obs_nindicators; i++) {
        const struct obs_indicator *ind = obs_indicators[i];

        html_printf(&r->out,
                    "<section id=\"%s\" aria-labelledby=\"m-%s\">\n"
                    "<h2 id=\"m-%s\">%s</h2>\n<p>%s</p>\n<p>%s</p>\n"
                    "<p><a href=\"/obserwatorium?wskaznik=%s\">%s</a></p>\n"
                    "</section>\n",
                    ind->code, ind->code, ind->code, ind->title, ind->method,
                    ind->kind == OBS_FLAG    ? T_OBS_IS_FLAG
                    : ind->kind == OBS_MONEY ? T_OBS_IS_MONEY
                    : ind->per_resident      ? T_OBS_IS_RATE
                                             : T_OBS_IS_COUNT,
                    ind->code, T_OBS_SEE_MAP);
    }
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /obserwatorium/dane.csv
** CAP: CAP_PUBLIC
** PARAMS: as /obserwatorium
*/
int
page_observatory_csv(struct req *r)
{
    struct view w;
    struct csv c;
    int i, rc;

    if ((rc = load_or_reply(r, &w)) != 0) {
        return rc;
    }
    r->status = 200;
    r->content_type = "text/csv; charset=utf-8";
    req_add_header(r, "Content-Disposition",
                   arena_printf(&r->arena,
                                "attachment; filename=\"obserwatorium-%s-%s-"
                                "%d.csv\"",
                                w.ind->code, w.powiats ? "powiaty" : "gminy",
                                w.year));
    csv_begin(&c, &r->out, ';', CSV_BOM);
    csv_text(&c, T_OBS_CODE);
    csv_text(&c, w.powiats ? T_OBS_POWIAT_COL : T_OBS_GMINA_COL);
    csv_text(&c, T_OBS_YEAR);
    csv_text(&c, w.ind->unit);
    csv_text(&c, T_OBS_POPULATION);
    csv_text(&c, T_OBS_PER_10K);
    csv_row_end(&c);
    for (i = 0; i < w.n; i++) {
        const struct obs_unit *u = &w.u[i];

        csv_text(&c, u->code);
        csv_text(&c, u->name);
        csv_int(&c, w.year);
        if (w.ind->kind == OBS_MONEY) {
            /* zl with grosze, "1234,56", as a Polish Excel reads a number */
            csv_num(&c, arena_printf(&r->arena, "%lld,%02d",
                                     (long long)(u->count / 100),
                                     (int)(u->count % 100)));
        } else {
            csv_int(&c, u->count);
        }
        if (u->population > 0) {
            csv_int(&c, u->population);
        } else {
            csv_text(&c, "");
        }
        /* "12,34" as a Polish Excel reads a number */
        csv_num(&c, u->rate100 >= 0
                        ? arena_printf(&r->arena, "%lld,%02d",
                                       (long long)(u->rate100 / 100),
                                       (int)(u->rate100 % 100))
                        : "");
        csv_row_end(&c);
    }
    return 0;
}

/*
** ROUTE: GET /api/observatory
** CAP: CAP_PUBLIC
** PARAMS: as /obserwatorium
*/
int
api_observatory(struct req *r)
{
    struct view w;
    struct json j;
    int i, k;

    if ((i = load_or_reply(r, &w)) != 0) {
        return i;
    }
    req_json(r, &j);
    json_obj_begin(&j);
    json_key(&j, "indicator");
    json_obj_begin(&j);
    json_kstr(&j, "code", w.ind->code);
    json_kstr(&j, "title", w.ind->title);
    json_kstr(&j, "unit", w.ind->unit);
    json_kstr(&j, "method", w.ind->method);
    json_kstr(
        &j, "method_url",
        arena_printf(&r->arena, "/obserwatorium/metodologia#%s", w.ind->code));
    /* count: a count; money: grosze; flag: 1 yes, 0 no */
    json_kstr(&j, "kind",
              w.ind->kind == OBS_MONEY  ? "money"
              : w.ind->kind == OBS_FLAG ? "flag"
                                        : "count");
    json_kbool(&j, "per_10000_residents", w.ind->per_resident);
    json_kbool(&j, "yearly", w.ind->yearly);
    json_obj_end(&j);
    json_kstr(&j, "region", w.region);
    json_kstr(&j, "level", w.powiats ? "powiat" : "gmina");
    json_kint(&j, "year", w.year);
    if (w.ind->kind == OBS_FLAG) {
        /* the units of the level with yes, of all of them */
        json_key(&j, "share");
        json_obj_begin(&j);
        json_kint(&j, "yes", yes_count(&w));
        json_kint(&j, "of", w.n);
        json_obj_end(&j);
    }
    json_key(&j, "years");
    json_arr_begin(&j);
    for (i = 0; i < w.nyears; i++) {
        json_int(&j, w.years[i]);
    }
    json_arr_end(&j);
    json_key(&j, "classes");
    json_arr_begin(&j);
    for (k = 0; k < w.b.n; k++) {
        json_obj_begin(&j);
        json_kint(&j, "class", k + 1);
        json_kint(&j, "from", w.b.lo[k]);
        json_kint(&j, "to", w.b.hi[k]);
        json_kstr(&j, "fill", fill_of(&w, k + 1));
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_key(&j, "units");
    json_arr_begin(&j);
    for (i = 0; i < w.n; i++) {
        const struct obs_unit *u = &w.u[i];

        json_obj_begin(&j);
        json_kstr(&j, "code", u->code);
        json_kstr(&j, "name", u->name);
        json_kint(&j, "count", u->count);
        json_kint_if(&j, "population", u->population > 0, u->population);
        /* per 10 000 residents x 100, an integer: 1234 is 12.34 */
        json_kint_if(&j, "per_10000_x100", u->rate100 >= 0, u->rate100);
        json_kint(&j, "class", u->cls);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    return 0;
}
