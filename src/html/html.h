/*
** HTML writers over an output buffer (a request's r->out, or any buffer).
*Escaping is the default:
** html_printf() escapes every %s argument; html_lit() accepts only string
** literals (a variable does not compile); html_raw_trusted() is the one
** escape hatch and every call needs a comment saying why it is safe.
*/
#ifndef HTML_HTML_H
#define HTML_HTML_H

#include "core/buf.h"
#include "html/strings_pl.h"
#include "http/http.h"

/*
** printf into the page; every %s is HTML-escaped (text and attributes), and
** %.Ns keeps at most N bytes, cut at a UTF-8 character boundary. Formats
** d i u o x X c s f F e E g G a A; tests/tools/check_source.py refuses the
** rest (%n, %p, wide text, '*', a width on %s) in every call.
*/
void html_printf(struct buf *out, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Append a literal; only a string literal compiles here. */
#define html_lit(out, s) html_raw_trusted((out), "" s "")
/* Append markup verbatim. Each caller comments why the text is safe. */
void html_raw_trusted(struct buf *out, const char *s);
/* Escape s for element text or a quoted attribute value into out. */
void html_escape(struct buf *out, const char *s);
/*
** An href value that cannot run script: http(s), mailto and tel links and
** site-relative paths pass, anything else (javascript:, data:) becomes "#".
*/
const char *html_safe_href(const char *url);
/* Percent-encode s for a URL query value, into the arena. */
char *html_url_encode(struct arena *a, const char *s);
/*
** The "tel:" href of a phone number as written ("800 154 030" ->
** "tel:800154030"): only its digits and a leading +, into the arena.
*/
const char *html_tel_href(struct arena *a, const char *phone);

#endif
