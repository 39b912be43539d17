/*
** The home page: what the system is, the regions this instance serves and
** the seven parts.
*/
#include "modules_handlers.h"

#include <string.h>

#include "core/json.h"
#include "db/db.h"
#include "html/html.h"
#include "html/layout.h"
#include "region/pages.h"
#include "home/strings_pl.h"
#include "directory/strings_pl.h"
#include "helpline/strings_pl.h"
#include "monitoring/strings_pl.h"
#include "plan/strings_pl.h"
#include "teryt/strings_pl.h"
#include "users/strings_pl.h"

struct part {
    const char *href;
    const char *label;
    const char *what;
};

static const struct part parts[] = {
    {"/plany", T_NAV_PLANS, T_HOME_PART_PLANS},
    {"/monitoring", T_NAV_MONITORING, T_HOME_PART_MONITORING},
    {"/niebieska-linia", T_NAV_HELPLINE, T_HOME_PART_HELPLINE},
    {"/uslugi", T_NAV_SERVICES, T_HOME_PART_SERVICES},
    {"/rejestry", T_NAV_REGISTERS, T_HOME_PART_REGISTERS},
    {"/uzytkownicy", T_NAV_USERS, T_HOME_PART_USERS},
    {"/teryt", T_NAV_REGIONS, T_HOME_PART_REGIONS},
};

/*
** ROUTE: GET /
** CAP: CAP_PUBLIC
** PARAMS: none
*/
int
page_home(struct req *r)
{
    db_stmt *st = db_query(r->db, Q_REGION_LIST);
    size_t i;
    int rc, n = 0;

    layout_begin(r, T_HOME_TITLE);
    layout_quick_exit(r);
    html_lit(&r->out, "<h1>" T_APP_NAME "</h1>\n<p class=\"lead\">" T_HOME_LEAD
                      "</p>\n");
    /* Residents come first: the directory's search, as on /uslugi. */
    html_lit(&r->out,
             "<section class=\"home-help\" aria-labelledby=\"pomoc\">"
             "<h2 id=\"pomoc\">" T_HOME_HELP "</h2>\n"
             "<form action=\"/uslugi\" method=\"get\" role=\"search\">"
             "<label for=\"home-miejsce\">" T_HOME_HELP_WHERE "</label>\n"
             "<input id=\"home-miejsce\" name=\"miejsce\" type=\"text\" "
             "autocomplete=\"off\" data-autocomplete=\"/api/teryt/gminy\">"
             "\n<input type=\"hidden\" name=\"gmina\" value=\"\">\n"
             "<button type=\"submit\">" T_HOME_HELP_BUTTON "</button>"
             "</form>\n<p>" T_HOME_HELP_LINE "</p>\n");
    /* The lines come from each region's settings and the national data. */
    if ((rc = region_html_lines(r, NULL)) != 0) {
        return rc;
    }
    html_lit(&r->out, "</section>\n<h2>" T_HOME_REGIONS "</h2>\n<ul>\n");
    while ((rc = db_step(st)) == DB_ROW) {
        html_printf(&r->out,
                    "<li><a href=\"/teryt/%s\">" T_HOME_WOJ_NAMED "</a> — %s"
                    "</li>\n",
                    db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2));
        n++;
    }
    db_done(st);
    html_lit(&r->out, "</ul>\n");
    if (n == 0) {
        html_lit(&r->out, "<p>" T_HOME_NO_REGIONS "</p>\n");
    }
    html_lit(&r->out, "<h2>" T_HOME_PARTS "</h2>\n<dl class=\"parts\">\n");
    for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
        html_printf(&r->out, "<dt><a href=\"%s\">%s</a></dt><dd>%s</dd>\n",
                    parts[i].href, parts[i].label, parts[i].what);
    }
    html_lit(&r->out, "</dl>\n");
    layout_end(r);
    return rc == DB_DONE ? 0 : rc;
}

/*
** ROUTE: GET /api/regions
** CAP: CAP_PUBLIC
** PARAMS: none
*/
int
api_regions(struct req *r)
{
    db_stmt *st = db_query(r->db, Q_REGION_LIST);
    struct json j;
    int rc;

    req_json_begin(r);
    json_init(&j, &r->out);
    json_arr_begin(&j);
    while ((rc = db_step(st)) == DB_ROW) {
        json_obj_begin(&j);
        json_kstr(&j, "code", db_col_text(st, 0));
        json_kstr(&j, "name", db_col_text(st, 1));
        json_kstr(&j, "office", db_col_text(st, 2));
        json_obj_end(&j);
    }
    db_done(st);
    json_arr_end(&j);
    return rc == DB_DONE ? 0 : rc;
}
