/*
** Niebieska Linia: helpers of the module's pages (see helpline_web.h) and
** the server-rendered SVG map of a region's gminas. The map projects
** lon/lat with the cosine of the middle latitude (good enough for one
** voivodeship) and draws each gmina as one path with its <title>.
*/
#include "helpline_web.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/str.h"
#include "db/db.h"
#include "region/region.h"
#include "teryt/teryt.h"
#include "html/html.h"
#include "helpline/strings_pl.h"

#define MAP_WIDTH 640.0

bool
helpline_can(struct req *r, enum cap cap)
{
    return auth_request_can(r, cap);
}

struct audit_entry
helpline_actor(struct req *r)
{
    return auth_request_who(r);
}

static bool
woj_valid(const char *s)
{
    return s != NULL && strlen(s) == 2 && s[0] >= '0' && s[0] <= '9' &&
           s[1] >= '0' && s[1] <= '9';
}

static const char *
first_region(struct req *r)
{
    struct region_served *reg;

    return region_list(r->db, &r->arena, &reg) > 0 ? reg[0].woj : "04";
}

int
helpline_region_or_reply(struct req *r, bool allow_all, const char **out)
{
    const char *woj = req_arg(r, "woj");

    if (woj != NULL && woj[0] == '\0') {
        woj = NULL;
    }
    if (woj != NULL && !woj_valid(woj)) {
        return req_error(r, 400, T_HL_ERR_NO_REGION);
    }
    if (r->user != NULL && r->user->region != NULL) {
        if (woj != NULL && strcmp(woj, r->user->region) != 0) {
            return req_error(r, 403, T_HL_ERR_WOJ);
        }
        *out = r->user->region;
        return 0;
    }
    *out = woj != NULL ? woj : allow_all ? NULL : first_region(r);
    return 0;
}

const char *
helpline_region_public(struct req *r)
{
    const char *woj = req_arg(r, "woj");

    if (woj_valid(woj)) {
        return woj;
    }
    if (r->user != NULL && r->user->region != NULL) {
        return r->user->region;
    }
    return first_region(r);
}

const char *
helpline_region_name(struct req *r, const char *code)
{
    const char *name;

    if (code == NULL) {
        return T_HL_COUNTRY;
    }
    return teryt_woj_get(r->db, &r->arena, code, &name) == 0 ? name : code;
}

const char *
helpline_today(struct req *r)
{
    struct tm tm;

    helpline_warsaw_time(time(NULL), &tm);
    return arena_printf(&r->arena, "%04d-%02d-%02d", tm.tm_year + 1900,
                        tm.tm_mon + 1, tm.tm_mday);
}

const char *
helpline_now(struct req *r)
{
    struct tm tm;

    helpline_warsaw_time(time(NULL), &tm);
    return arena_printf(&r->arena, "%04d-%02d-%02dT%02d:%02d",
                        tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                        tm.tm_hour, tm.tm_min);
}

int
helpline_range_or_reply(struct req *r, const char *def_from, const char **from,
                        const char **to)
{
    const char *f = req_arg(r, "od"), *t = req_arg(r, "do");

    *from = f != NULL && f[0] != '\0' ? f : def_from;
    *to = t != NULL && t[0] != '\0' ? t : helpline_today(r);
    if (!str_date_valid(*from) || !str_date_valid(*to)) {
        return req_error(r, 400, T_HL_ERR_DATE);
    }
    if (strcmp(*from, *to) > 0 || atoi(*to) - atoi(*from) >= 20) {
        return req_error(r, 400, T_HL_ERR_RANGE);
    }
    return 0;
}

/* The codes of a list indexed from 1: its length less the unused 0. */
#define CODES(list) ((int)(sizeof(list) / sizeof((list)[0])) - 1)
/* x names the code and label lists and the counts: helpline_x_code,
   helpline_x_label, by_x; the JSON key is "by_x". */
#define BREAKDOWN(x, dim, caption, head, sheet_codes, section)                 \
    {                                                                          \
        "by_" #x, dim, caption, head, sheet_codes, section,                    \
            helpline_##x##_code, helpline_##x##_label,                         \
            CODES(helpline_##x##_label),                                       \
            offsetof(struct helpline_stats, by_##x)                            \
    }

const struct helpline_breakdown helpline_breakdowns[HELPLINE_BREAKDOWNS] = {
    BREAKDOWN(channel, "kanal", T_HL_BY_CHANNEL, T_HL_CHANNEL, true, 2),
    BREAKDOWN(caller, "kto_sie_zglasza", T_HL_BY_CALLER, T_HL_CALLER, true, 3),
    BREAKDOWN(form, "forma_przemocy", T_HL_BY_FORM, T_HL_FORMS, true, 4),
    BREAKDOWN(harmed, "kogo_dotyczy", T_HL_BY_HARMED, T_HL_HARMED, true, 5),
    /* The sheet has always left the referral codes empty. */
    BREAKDOWN(referral, "skierowanie_rodzaj", T_HL_BY_REFERRAL, T_HL_INST_KIND,
              false, 8),
};

const int64_t *
helpline_breakdown_counts(const struct helpline_stats *s,
                          const struct helpline_breakdown *b)
{
    return (const int64_t *)((const char *)s + b->counts);
}

int
helpline_stats_or_reply(struct req *r, const char **region, const char **from,
                        const char **to, struct helpline_stats *s)
{
    const char *year = arena_printf(&r->arena, "%.4s-01-01", helpline_today(r));
    int rc;

    if ((rc = helpline_region_or_reply(r, true, region)) != 0 ||
        (rc = helpline_range_or_reply(r, year, from, to)) != 0) {
        return rc;
    }
    /* The country, or more than a year, is long work (230 ms over ten
     * million contacts): never on a worker that short requests need. */
    if ((*region == NULL || helpline_stats_months(*from, *to) > 12) &&
        (rc = req_long_work(r)) != 0) {
        return rc;
    }
    if ((rc = helpline_stats(r->db, &r->arena, *region, *from, *to, s)) != 0) {
        return rc == ERR_INPUT ? req_error(r, 400, T_HL_ERR_RANGE) : rc;
    }
    return 0;
}

void
helpline_range_form(struct req *r, const char *action, const char *from,
                    const char *to, const char *region)
{
    html_printf(&r->out,
                "<form method=\"get\" action=\"%s\" class=\"hl-range\">"
                "\n<p class=\"field\"><label for=\"f-od\">%s</label>"
                "<input id=\"f-od\" name=\"od\" type=\"date\" value=\"%s\">"
                "</p>\n<p class=\"field\"><label for=\"f-do\">%s</label>"
                "<input id=\"f-do\" name=\"do\" type=\"date\" value=\"%s\">"
                "</p>\n",
                action, T_HL_FROM, from, T_HL_TO, to);
    if (r->user != NULL && r->user->region == NULL) {
        html_printf(&r->out,
                    "<p class=\"field\"><label for=\"f-woj\">%s</label>"
                    "<input id=\"f-woj\" name=\"woj\" type=\"text\" "
                    "pattern=\"[0-9]{2}\" inputmode=\"numeric\" "
                    "value=\"%s\"></p>\n",
                    T_HL_REGION, region ? region : "");
    }
    html_printf(&r->out,
                "<p><button type=\"submit\">%s</button></p>\n</form>\n",
                T_HL_SHOW);
}

/* Cosine by its series: enough for latitudes, and no libm to link. */
static double
cos_deg(double deg)
{
    double x = deg * 3.14159265358979323846 / 180.0, x2 = x * x;
    double term = 1.0, sum = 1.0;
    int n;

    for (n = 1; n < 12; n++) {
        term *= -x2 / ((2.0 * n - 1.0) * (2.0 * n));
        sum += term;
    }
    return sum;
}

static const struct helpline_map_area *
find_area(const struct helpline_map_area *areas, int n, const char *teryt)
{
    int lo = 0, hi = n - 1;

    /* areas are sorted by TERYT (they come from queries ordered so). */
    while (lo <= hi) {
        int mid = (lo + hi) / 2, c = strcmp(areas[mid].teryt, teryt);

        if (c == 0) {
            return &areas[mid];
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return NULL;
}

int
helpline_map_svg(struct req *r, const char *region, const char *title,
                 const char *desc, const struct helpline_map_area *areas,
                 int nareas)
{
    struct helpline_geo *geo;
    double k, kx, h;
    struct buf d;
    int i, j, p, rc;

    rc = helpline_geo_load(&r->arena, region, &geo);
    if (rc != 0) {
        return rc;
    }
    kx = cos_deg((geo->min_lat + geo->max_lat) / 2.0);
    k = MAP_WIDTH / ((geo->max_lon - geo->min_lon) * kx);
    h = (geo->max_lat - geo->min_lat) * k;
    html_printf(&r->out,
                "<svg class=\"hl-map\" xmlns=\"http://www.w3.org/2000/svg\" "
                "viewBox=\"-2 -2 %d %d\" role=\"img\" "
                "aria-labelledby=\"map-t map-d\">\n<title id=\"map-t\">%s"
                "</title>\n<desc id=\"map-d\">%s</desc>\n"
                "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" "
                "patternUnits=\"userSpaceOnUse\" "
                "patternTransform=\"rotate(45)\"><rect width=\"6\" "
                "height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" "
                "x2=\"0\" y2=\"6\" stroke=\"#8a1c1c\" stroke-width=\"2\"/>"
                "</pattern></defs>\n",
                (int)MAP_WIDTH + 4, (int)h + 4, title, desc);
    buf_init(&d);
    for (i = 0; i < geo->ngminas; i++) {
        const struct helpline_geo_gmina *g = &geo->gminas[i];
        const struct helpline_map_area *a = find_area(areas, nareas, g->teryt);

        buf_reset(&d);
        for (j = 0, p = 0; j < g->nrings; j++) {
            int n;

            for (n = 0; n < g->ring_len[j]; n++, p++) {
                double x = (g->xy[2 * p] - geo->min_lon) * kx * k;
                double y = (geo->max_lat - g->xy[2 * p + 1]) * k;

                buf_printf(&d, "%c%.1f %.1f", n == 0 ? 'M' : 'L', x, y);
            }
            buf_putc(&d, 'Z');
        }
        html_printf(&r->out,
                    "<path d=\"%s\" fill=\"%s\" stroke=\"#333333\" "
                    "stroke-width=\"0.6\"><title>%s</title></path>\n",
                    d.data ? d.data : "", a ? a->fill : "#eeeeee",
                    a ? a->title : g->name);
        if (a != NULL && a->hatched) {
            html_printf(&r->out,
                        "<path d=\"%s\" fill=\"url(#hatch)\" "
                        "stroke=\"#333333\" stroke-width=\"0.6\">"
                        "<title>%s</title></path>\n",
                        d.data ? d.data : "", a->title);
        }
    }
    buf_free(&d);
    html_lit(&r->out, "</svg>\n");
    return 0;
}
