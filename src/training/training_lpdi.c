/*
** The LPDI register's pages: the share of a region's local governments
** with an adopted local plan of deinstitutionalisation (its denominator
** stated), the gminas on the region's SVG map (the helpline's map writer)
** and in tables, the form that records a plan, and the JSON.
*/
#include <stdbool.h>
#include <string.h>

#include "modules_handlers.h"

#include "core/err.h"
#include "core/json.h"
#include "helpline/helpline_web.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "training/strings_pl.h"
#include "training/training.h"
#include "training/training_web.h"

#define FILL_ADOPTED "#1d4f7a"
#define FILL_NOT "#e6edf3"

static const char *
pct_text(struct req *r, int64_t n, int64_t of)
{
    int64_t tenths = of > 0 ? n * 1000 / of : 0;

    return arena_printf(&r->arena, "%lld,%lld", (long long)(tenths / 10),
                        (long long)(tenths % 10));
}

static void
units_table(struct req *r, const char *caption, const struct training_lpdi *v,
            int n, bool powiats)
{
    int i;

    html_printf(&r->out, "<h2>%s</h2>\n", caption);
    html_printf(&r->out, WIDE_OPEN, caption);
    html_printf(&r->out,
                "<table>\n<caption>%s</caption>\n<thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "</tr></thead>\n<tbody>\n",
                caption, T_TR_LPDI_UNIT, T_TR_LPDI_ADOPTED, T_TR_LPDI_DATE,
                T_TR_LPDI_RESOLUTION);
    for (i = 0; i < n; i++) {
        if (v[i].powiat != powiats) {
            continue;
        }
        html_printf(&r->out,
                    "<tr><th scope=\"row\">%s (%s)</th><td>%s</td>"
                    "<td>%s</td><td>",
                    v[i].name, v[i].unit,
                    !v[i].recorded ? T_TR_LPDI_NONE
                    : v[i].adopted ? T_TR_LPDI_YES
                                   : T_TR_LPDI_NO,
                    v[i].adopted_on);
        if (v[i].url[0] != '\0') {
            html_printf(&r->out, "<a href=\"%s\">%s</a>",
                        html_safe_href(v[i].url),
                        v[i].resolution[0] ? v[i].resolution : v[i].url);
        } else {
            html_printf(&r->out, "%s", v[i].resolution);
        }
        html_lit(&r->out, "</td></tr>\n");
    }
    html_lit(&r->out, "</tbody>\n" WIDE_CLOSE);
}

static void
edit_form(struct req *r, const struct training_lpdi *v, int n,
          const char *const *errs, int nerrs)
{
    int i;

    html_printf(&r->out, "<h2 id=\"wpis\">%s</h2>\n", T_TR_LPDI_EDIT);
    form_errors(r, errs, nerrs);
    form_begin(r, "/lpdi", NULL);
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-jednostka\">%s</label>"
                "<select id=\"f-jednostka\" name=\"jednostka\" required>\n"
                "<option value=\"\">—</option>\n",
                T_TR_LPDI_UNIT);
    for (i = 0; i < n; i++) {
        html_printf(&r->out, "<option value=\"%s\">%s (%s)</option>\n",
                    v[i].unit, v[i].name, v[i].unit);
    }
    html_printf(&r->out,
                "</select></p>\n<p class=\"field check\"><input "
                "type=\"checkbox\" id=\"f-przyjety\" name=\"przyjety\" "
                "value=\"1\"> <label for=\"f-przyjety\">%s</label></p>\n",
                T_TR_LPDI_ADOPTED);
    form_input(r, "data", T_TR_LPDI_DATE, "date", "", NULL);
    form_input(r, "uchwala", T_TR_LPDI_RESOLUTION, "text", "",
               "maxlength=\"200\"");
    form_input(r, "link", T_TR_LPDI_LINK, "url", "", "maxlength=\"500\"");
    html_printf(&r->out, "<p><button type=\"submit\">%s</button></p>\n",
                T_TR_LPDI_SAVE);
    form_end(r);
}

static int
lpdi_page(struct req *r, const char *notice, const char *const *errs, int nerrs)
{
    const char *region = training_home_region(r);
    struct training_lpdi *v;
    struct helpline_map_area *areas;
    int64_t adopted = 0, gminas = 0;
    int n = training_lpdi_units(r->db, &r->arena, region, &v), i, na = 0;

    if (n < 0) {
        return n;
    }
    areas = arena_alloc(&r->arena, sizeof(*areas) * (size_t)(n + 1));
    for (i = 0; i < n; i++) {
        adopted += v[i].adopted;
        if (v[i].powiat) {
            continue;
        }
        gminas++;
        areas[na].teryt = v[i].unit;
        areas[na].fill = v[i].adopted ? FILL_ADOPTED : FILL_NOT;
        areas[na].hatched = v[i].adopted;
        areas[na].title =
            v[i].adopted ? arena_printf(&r->arena, T_TR_LPDI_MAP_YES, v[i].name,
                                        v[i].adopted_on)
                         : arena_printf(&r->arena, T_TR_LPDI_MAP_NO, v[i].name);
        na++;
    }
    layout_begin(r, T_TR_LPDI_TITLE);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", T_TR_LPDI_TITLE,
                T_TR_LPDI_LEAD);
    if (notice != NULL) {
        html_printf(&r->out, "<p role=\"status\">%s</p>\n", notice);
    }
    html_printf(&r->out, "<p class=\"lead\" id=\"udzial\">");
    html_printf(&r->out, T_TR_LPDI_SHARE, (long long)adopted, (long long)n,
                pct_text(r, adopted, n), (long long)gminas,
                (long long)(n - gminas));
    html_lit(&r->out, "</p>\n");
    helpline_map_svg(r, region, T_TR_LPDI_MAP, T_TR_LPDI_MAP_DESC, areas, na);
    if (auth_request_can(r, CAP_REGISTER_EDIT)) {
        edit_form(r, v, n, errs, nerrs);
    }
    units_table(r, T_TR_LPDI_POWIATS, v, n, true);
    units_table(r, T_TR_LPDI_GMINAS, v, n, false);
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /lpdi
** CAP: CAP_PUBLIC
** PARAMS: none (the account's region, or the first region served)
*/
int
page_training_lpdi(struct req *r)
{
    return lpdi_page(r, NULL, NULL, 0);
}

/*
** ROUTE: POST /lpdi
** CAP: CAP_REGISTER_EDIT
** PARAMS: form jednostka (TERYT of a gmina or powiat), przyjety=1, data,
** uchwala, link
*/
int
page_training_lpdi_set(struct req *r)
{
    struct audit_entry who = auth_request_who(r);
    const char **errs = NULL;
    int nerrs = 0;
    int rc = training_lpdi_set(r->db, &r->arena, &who, training_home_region(r),
                               req_form(r, "jednostka"),
                               req_form(r, "przyjety") != NULL,
                               req_form(r, "data"), req_form(r, "uchwala"),
                               req_form(r, "link"), &errs, &nerrs);

    if (rc == ERR_INPUT) {
        r->status = 400;
        return lpdi_page(r, NULL, errs, nerrs);
    }
    if (rc != 0) {
        return rc;
    }
    return lpdi_page(r, T_TR_LPDI_SAVED, NULL, 0);
}

/*
** ROUTE: GET /api/lpdi
** CAP: CAP_PUBLIC
** PARAMS: none (the account's region, or the first region served)
*/
int
api_training_lpdi(struct req *r)
{
    const char *region = training_home_region(r);
    struct training_lpdi *v;
    struct json j;
    int64_t adopted = 0;
    int n = training_lpdi_units(r->db, &r->arena, region, &v), i;

    if (n < 0) {
        return n;
    }
    for (i = 0; i < n; i++) {
        adopted += v[i].adopted;
    }
    req_json(r, &j);
    json_obj_begin(&j);
    json_kstr(&j, "region", region);
    json_kint(&j, "adopted", adopted);
    json_kint(&j, "local_governments", n);
    json_key(&j, "units");
    json_arr_begin(&j);
    for (i = 0; i < n; i++) {
        json_obj_begin(&j);
        json_kstr(&j, "teryt", v[i].unit);
        json_kstr(&j, "name", v[i].name);
        json_kstr(&j, "kind", v[i].powiat ? "powiat" : "gmina");
        json_key(&j, "adopted");
        if (v[i].recorded) {
            json_bool(&j, v[i].adopted);
        } else {
            json_null(&j);
        }
        json_kstr(&j, "adopted_on",
                  v[i].adopted_on[0] ? v[i].adopted_on : NULL);
        json_kstr(&j, "resolution", v[i].resolution);
        json_kstr(&j, "url", v[i].url);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    return 0;
}
