/* The page layout; see layout.h. */
#include "layout.h"

#include <string.h>

#include "auth/auth.h"
#include "form.h"
#include "html.h"
/* The labels of the modules' menu entries. */
#include "modules_strings.h"

/*
** The menu is derived from the permission table (issue 15): an item shows
** when the viewer's role has its capability, so no role is offered a page
** that answers 403 and none misses a page of its own. unless: a capability
** that makes the item pointless (a coordinator enters realisation on the
** plans' pages, not on the implementer's own list); CAP_NONE for none.
** Each module lists its entries in its module.inc, MENU(order, ...): the
** order is the entry's index here, so the menu comes out in that order
** and two entries with one order fail the build (-Woverride-init).
*/
struct nav_item {
    const char *href;
    const char *label;
    enum cap cap, unless;
};

static const struct nav_item nav[] = {
#define MENU(order, href, label, cap, unless)                                  \
    [order] = {href, label, cap, unless},
#include "modules.inc"
};

static bool
is_current(const char *path, const char *href)
{
    size_t n = strlen(href);

    if (strcmp(href, "/") == 0) {
        return strcmp(path, "/") == 0;
    }
    return strncmp(path, href, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

void
layout_begin(struct req *r, const char *title)
{
    size_t i;

    if (r->content_type == NULL) {
        r->content_type = "text/html; charset=utf-8";
    }
    html_printf(&r->out,
                "<!DOCTYPE html>\n<html lang=\"pl\">\n<head>\n"
                "<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, "
                "initial-scale=1\">\n"
                "<title>%s</title>\n"
                "<link rel=\"icon\" href=\"data:,\">\n"
                "<link rel=\"stylesheet\" href=\"/static/style.css\">\n"
                "<script src=\"/static/ac.js\" defer></script>\n"
                "</head>\n<body>\n",
                title);
    html_lit(&r->out,
             "<a class=\"skip\" href=\"#tresc\">" T_SKIP_TO_CONTENT
             "</a>\n<header class=\"top\"><p class=\"brand\">"
             "<a href=\"/\">" T_APP_NAME "</a> <span>" T_APP_TAGLINE
             "</span></p>\n<nav aria-label=\"" T_NAV_LABEL "\"><ul>\n");
    for (i = 0; i < sizeof(nav) / sizeof(nav[0]); i++) {
        enum role role = r->user != NULL ? r->user->role : ROLE_PUBLIC;

        if (nav[i].href == NULL || /* an order no module uses */
            !auth_role_has(role, nav[i].cap) ||
            (nav[i].unless != CAP_NONE && auth_role_has(role, nav[i].unless))) {
            continue;
        }
        if (is_current(r->path, nav[i].href)) {
            html_printf(&r->out,
                        "<li><a href=\"%s\" aria-current=\"page\">%s"
                        "</a></li>\n",
                        nav[i].href, nav[i].label);
        } else {
            html_printf(&r->out, "<li><a href=\"%s\">%s</a></li>\n",
                        nav[i].href, nav[i].label);
        }
    }
    html_lit(&r->out, "</ul></nav>\n<div class=\"account\">");
    if (r->user != NULL) {
        html_printf(&r->out, "%s <strong>%s</strong> (%s) ", T_LOGIN_AS,
                    r->user->login, auth_role_label(r->user->role));
        form_begin(r, "/logout", NULL);
        html_lit(&r->out,
                 "<button type=\"submit\" class=\"link\">" T_LOGOUT_BUTTON
                 "</button>");
        form_end(r);
    } else if (strcmp(r->path, "/login") != 0) {
        html_lit(&r->out, "<a href=\"/login\">" T_LOGIN_LINK "</a>");
    }
    html_lit(&r->out, "</div></header>\n<main id=\"tresc\">\n");
}

/* A plain link, so it works without JavaScript and sends nothing anywhere
** until it is clicked. */
void
layout_quick_exit(struct req *r)
{
    html_lit(&r->out,
             "<p class=\"quick-exit\"><a href=\"" QUICK_EXIT_URL "\" "
             "rel=\"noreferrer noopener\" "
             "referrerpolicy=\"no-referrer\">" T_QUICK_EXIT "</a></p>\n");
}

void
layout_end(struct req *r)
{
    html_lit(&r->out, "</main>\n<footer><p>" T_FOOTER "</p></footer>\n"
                      "</body>\n</html>\n");
}
