/*
** The one page layout: head, skip link, navigation of the seven parts,
** main content, footer. Pages write neither head nor footer by hand.
*/
#ifndef HTML_LAYOUT_H
#define HTML_LAYOUT_H

#include "http/http.h"

/* Open the page with title (plain text, escaped) and the navigation. */
void layout_begin(struct req *r, const char *title);
void layout_end(struct req *r);
/* The "leave this page quickly" link, first in the content of every page a
** person at risk may open (home, /uslugi, /niebieska-linia). */
void layout_quick_exit(struct req *r);

/* One step of a breadcrumb trail. */
struct crumb {
    const char *href;  /* site-relative; NULL for the page itself */
    const char *label; /* plain text, escaped on output */
};
/*
** The trail above a page's heading: the n steps as links joined by " › ",
** a step without href (the page itself, last) as plain text.
*/
void layout_breadcrumb(struct buf *out, const struct crumb *c, size_t n);
/* layout_begin(r, title) for a page one step below the section at href
** (label), with the trail label › here. */
void layout_begin_under(struct req *r, const char *title, const char *href,
                        const char *label, const char *here);

/* A wide table scrolls in its own box and the page reflows (WCAG 1.4.10):
** the box is keyboard-reachable and named; the format takes its label (%s)
** and the table closes with WIDE_CLOSE. */
#define WIDE_OPEN                                                              \
    "<div class=\"wide\" tabindex=\"0\" role=\"region\" aria-label=\"%s\">"
#define WIDE_CLOSE "</table></div>\n"

#endif
