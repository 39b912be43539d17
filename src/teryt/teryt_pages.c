/*
** Browsing the TERYT units: voivodeship list -> powiats -> gminas, and a
** gmina search form that works without JavaScript (the autocomplete script
** only adds suggestions to it).
*/
#include "modules_handlers.h"

#include <string.h>

#include "core/err.h"
#include "core/str.h"
#include "html/html.h"
#include "html/layout.h"
#include "teryt.h"
#include "teryt/strings_pl.h"

#define SEARCH_LIMIT 50

static void
search_form(struct req *r, const char *q)
{
    html_printf(&r->out,
                "<form class=\"search\" action=\"/teryt/szukaj\" "
                "method=\"get\" role=\"search\">\n"
                "<label for=\"q\">%s</label>\n"
                "<input id=\"q\" name=\"q\" type=\"search\" value=\"%s\" "
                "autocomplete=\"off\" data-autocomplete=\"/api/teryt/gminy\" "
                "aria-describedby=\"q-hint\">\n"
                "<button type=\"submit\">%s</button>\n"
                "<p id=\"q-hint\" class=\"hint\">%s</p>\n</form>\n",
                T_TERYT_SEARCH_LABEL, q ? q : "", T_TERYT_SEARCH_BUTTON,
                T_TERYT_SEARCH_HINT);
}

/*
** ROUTE: GET /teryt
** CAP: CAP_PUBLIC
** PARAMS: none
*/
int
page_teryt_woj_list(struct req *r)
{
    struct teryt_counts c;
    struct teryt_woj *w;
    int rc, n, i;

    if ((rc = teryt_counts(r->db, &c)) != 0) {
        return rc;
    }
    if ((n = teryt_woj_list(r->db, &r->arena, &w)) < 0) {
        return n;
    }
    layout_begin(r, T_TERYT_TITLE);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s: " T_TERYT_COUNTS "</p>\n",
                T_TERYT_TITLE, T_TERYT_SUMMARY, (long)c.woj, (long)c.powiat,
                (long)c.gmina);
    search_form(r, NULL);
    html_printf(&r->out, WIDE_OPEN, T_NAV_REGIONS);
    html_printf(&r->out,
                "<table>\n<caption>%s</caption>\n<thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\" class=\"num\">%s</th>"
                "<th scope=\"col\" class=\"num\">%s</th></tr></thead>\n"
                "<tbody>\n",
                T_NAV_REGIONS, T_TERYT_CODE, T_TERYT_WOJ, T_TERYT_POWIATS,
                T_TERYT_GMINAS);
    for (i = 0; i < n; i++) {
        html_printf(&r->out,
                    "<tr><td>%s</td><td><a href=\"/teryt/%s\">%s</a></td>"
                    "<td class=\"num\">%ld</td><td class=\"num\">%ld</td>"
                    "</tr>\n",
                    w[i].code, w[i].code, w[i].name, (long)w[i].powiaty,
                    (long)w[i].gminy);
    }
    html_lit(&r->out, "</tbody>\n</table></div>\n");
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /teryt/:woj
** CAP: CAP_PUBLIC
** PARAMS: woj=2 digits (path)
*/
int
page_teryt_woj(struct req *r)
{
    const char *woj = req_param(r, 0), *name;
    struct teryt_powiat *p;
    int rc, n, i;

    if (!str_digits(woj, 2)) {
        return req_error(r, 404, NULL);
    }
    if ((rc = teryt_woj_get(r->db, &r->arena, woj, &name)) != 0) {
        return rc == ERR_NOTFOUND ? req_error(r, 404, NULL) : rc;
    }
    if ((n = teryt_powiats(r->db, &r->arena, woj, &p)) < 0) {
        return n;
    }
    layout_begin(r, arena_printf(&r->arena, T_TERYT_WOJ_NAMED, name));
    layout_breadcrumb(
        &r->out,
        (const struct crumb[]){{"/teryt", T_NAV_REGIONS}, {NULL, name}}, 2);
    html_printf(&r->out, "<h1>" T_TERYT_WOJ_NAMED "</h1>\n", name);
    html_printf(&r->out, WIDE_OPEN, T_TERYT_POWIATS);
    html_printf(&r->out,
                "<table>\n<caption>%s</caption>\n<thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th>"
                "<th scope=\"col\" class=\"num\">%s</th></tr></thead>\n"
                "<tbody>\n",
                T_TERYT_POWIATS, T_TERYT_CODE, T_TERYT_POWIAT, T_TERYT_KIND,
                T_TERYT_GMINAS);
    for (i = 0; i < n; i++) {
        html_printf(&r->out,
                    "<tr><td>%s</td><td><a href=\"/teryt/%s/%s\">%s</a></td>"
                    "<td>%s</td><td class=\"num\">%ld</td></tr>\n",
                    p[i].code, woj, p[i].code + 2, p[i].name, p[i].kind,
                    (long)p[i].gminy);
    }
    html_lit(&r->out, "</tbody>\n</table></div>\n");
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /teryt/:woj/:pow
** CAP: CAP_PUBLIC
** PARAMS: woj=2 digits, pow=2 digits (path)
*/
int
page_teryt_powiat(struct req *r)
{
    const char *woj = req_param(r, 0), *pow = req_param(r, 1), *code;
    struct teryt_powiat p;
    struct teryt_gmina *g;
    int rc, n, i;

    if (!str_digits(woj, 2) || !str_digits(pow, 2)) {
        return req_error(r, 404, NULL);
    }
    code = arena_printf(&r->arena, "%s%s", woj, pow);
    if ((rc = teryt_powiat_info(r->db, &r->arena, code, &p)) != 0) {
        return rc == ERR_NOTFOUND ? req_error(r, 404, NULL) : rc;
    }
    if ((n = teryt_powiat_gminas(r->db, &r->arena, code, &g)) < 0) {
        return n;
    }
    layout_begin(r, arena_printf(&r->arena, T_TERYT_POWIAT " %s", p.name));
    layout_breadcrumb(
        &r->out,
        (const struct crumb[]){
            {"/teryt", T_NAV_REGIONS},
            {arena_printf(&r->arena, "/teryt/%s", woj), p.woj_name},
            {NULL, p.name}},
        3);
    html_printf(&r->out, "<h1>%s <small>(%s, %s)</small></h1>\n", p.name,
                p.kind, code);
    html_printf(&r->out, WIDE_OPEN, T_TERYT_GMINAS);
    html_printf(&r->out,
                "<table>\n<caption>%s</caption>\n<thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                T_TERYT_GMINAS, T_TERYT_CODE, T_TERYT_GMINA, T_TERYT_KIND);
    for (i = 0; i < n; i++) {
        html_printf(&r->out, "<tr><td>%s</td><td>%s</td><td>%s</td></tr>\n",
                    g[i].teryt, g[i].name, teryt_rodz_name(g[i].rodz));
    }
    html_lit(&r->out, "</tbody>\n</table></div>\n");
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /teryt/szukaj
** CAP: CAP_PUBLIC
** PARAMS: q=text (optional)
*/
int
page_teryt_search(struct req *r)
{
    const char *q = req_arg(r, "q");
    struct teryt_gmina *g;
    int n = 0, i;

    if (q != NULL && *q != '\0') {
        n = teryt_search(r->db, &r->arena, q, SEARCH_LIMIT, &g);
        if (n < 0) {
            return n;
        }
    }
    layout_begin(r, T_TERYT_RESULTS);
    layout_breadcrumb(&r->out,
                      (const struct crumb[]){{"/teryt", T_NAV_REGIONS},
                                             {NULL, T_TERYT_RESULTS}},
                      2);
    html_printf(&r->out, "<h1>%s</h1>\n", T_TERYT_RESULTS);
    search_form(r, q);
    if (q != NULL && *q != '\0' && n == 0) {
        html_lit(&r->out, "<p role=\"status\">" T_TERYT_NO_RESULTS "</p>\n");
    } else if (n > 0) {
        html_printf(&r->out, "<ul class=\"results\" aria-label=\"%s\">\n",
                    T_TERYT_RESULTS);
        for (i = 0; i < n; i++) {
            html_printf(&r->out,
                        "<li><a href=\"/teryt/%s/%s\">%s</a> — %s, "
                        "powiat %s, woj. %s <small>(%s)</small></li>\n",
                        g[i].woj_code, g[i].powiat_code + 2, g[i].name,
                        teryt_rodz_name(g[i].rodz), g[i].powiat_name,
                        g[i].woj_name, g[i].teryt);
        }
        html_lit(&r->out, "</ul>\n");
    }
    layout_end(r);
    return 0;
}
