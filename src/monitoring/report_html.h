/*
** HTML writers of the annual report, shared by the report page and the
** `rodzina report annual --format html` command and report adoption: they
** write into any buffer, the texts they compose live in the arena a.
*/
#ifndef MONITORING_REPORT_HTML_H
#define MONITORING_REPORT_HTML_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/buf.h"
#include "monitoring.h"

/*
** Write the report into out: inside the site's layout (standalone
** false: the caller wrote layout_begin) or as a whole printable document.
*/
void mon_report_html(struct buf *out, struct arena *a,
                     const struct mon_report *m, bool standalone);
/* Progress of each goal as an SVG bar chart. */
void mon_svg_goals(struct buf *out, struct arena *a,
                   const struct mon_report *m);
/* "Issuer: …. Adopted on … (version n)" or "… Draft as of …", in a. */
const char *mon_report_issued(struct arena *a, const struct mon_report *m);
/* The status of an indicator in words. */
const char *mon_status_label(const struct mon_rind *ri);

#endif
