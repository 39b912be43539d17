/* The page layout; see layout.h. */
#include "layout.h"

#include <string.h>

#include "form.h"
#include "html.h"
#include "http/access.h"

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
    int role = r->user != NULL ? r->user->role : 0;
    int i;

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
    /* The menu of access.h: only links the viewer's role may follow. */
    for (i = 0; i < access_hooks.menu_count; i++) {
        const struct menu_item *m = &access_hooks.menu[i];

        if (m->href == NULL || /* an order no module uses */
            !access_hooks.role_has(role, m->cap) ||
            (m->unless != 0 && access_hooks.role_has(role, m->unless))) {
            continue;
        }
        if (is_current(r->path, m->href)) {
            html_printf(&r->out,
                        "<li><a href=\"%s\" aria-current=\"page\">%s"
                        "</a></li>\n",
                        m->href, m->label);
        } else {
            html_printf(&r->out, "<li><a href=\"%s\">%s</a></li>\n", m->href,
                        m->label);
        }
    }
    html_lit(&r->out, "</ul></nav>\n<div class=\"account\">");
    if (r->user != NULL) {
        html_printf(&r->out, "%s <strong>%s</strong> (%s) ", T_LOGIN_AS,
                    r->user->login, access_hooks.role_label(r->user->role));
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
    form_mark_errors(r);
    html_lit(&r->out, "</main>\n<footer><p>" T_FOOTER "</p></footer>\n"
                      "</body>\n</html>\n");
}

void
layout_breadcrumb(struct buf *out, const struct crumb *c, size_t n)
{
    html_lit(out, "<nav aria-label=\"" T_CRUMBS_LABEL "\" class=\"crumbs\">");
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            html_lit(out, " › ");
        }
        if (c[i].href != NULL) {
            html_printf(out, "<a href=\"%s\">%s</a>", c[i].href, c[i].label);
        } else {
            html_printf(out, "%s", c[i].label);
        }
    }
    html_lit(out, "</nav>\n");
}

void
layout_begin_under(struct req *r, const char *title, const char *href,
                   const char *label, const char *here)
{
    const struct crumb c[] = {{href, label}, {NULL, here}};

    layout_begin(r, title);
    layout_breadcrumb(&r->out, c, 2);
}
