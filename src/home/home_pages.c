/*
** The home page: what the system is, the regions this instance serves and
** the seven parts.
*/
#include "modules_handlers.h"

#include <string.h>

#include "core/json.h"
#include "db/db.h"
#include "region/region.h"
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
    struct region_served *reg = NULL;
    size_t i;
    int rc, n = region_list(r->db, &r->arena, &reg), k;

    if (n < 0) {
        return n;
    }
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
    /* The lines come from each region's settings and the national data:
    ** the account's own region's, or every region's for the public. */
    if ((rc = region_html_lines(r, r->user != NULL ? r->user->region : NULL)) !=
        0) {
        return rc;
    }
    html_lit(&r->out, "</section>\n<h2>" T_HOME_REGIONS "</h2>\n<ul>\n");
    for (k = 0; k < n; k++) {
        html_printf(&r->out,
                    "<li><a href=\"/teryt/%s\">" T_HOME_WOJ_NAMED "</a> — %s"
                    "</li>\n",
                    reg[k].woj, reg[k].name, reg[k].office);
    }
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
    return 0;
}

/*
** ROUTE: GET /api/regions
** CAP: CAP_PUBLIC
** PARAMS: none
*/
int
api_regions(struct req *r)
{
    struct region_served *reg = NULL;
    int n = region_list(r->db, &r->arena, &reg), k;
    struct json j;

    if (n < 0) {
        return n;
    }
    req_json(r, &j);
    json_arr_begin(&j);
    for (k = 0; k < n; k++) {
        json_obj_begin(&j);
        json_kstr(&j, "code", reg[k].woj);
        json_kstr(&j, "name", reg[k].name);
        json_kstr(&j, "office", reg[k].office);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    return 0;
}
