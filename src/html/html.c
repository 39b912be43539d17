/*
** The escaping writers. html_printf walks the format itself: %s arguments
** go through html_escape, every other conversion is formatted by
** snprintf with its own spec, so the compiler's format check still holds.
*/
#include "html.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

void
html_escape(struct buf *out, const char *s)
{
    const char *start = s;

    for (; *s; s++) {
        const char *rep;

        switch (*s) {
        case '&':
            rep = "&amp;";
            break;
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '"':
            rep = "&quot;";
            break;
        case '\'':
            rep = "&#39;";
            break;
        default:
            continue;
        }
        buf_append(out, start, (size_t)(s - start));
        buf_puts(out, rep);
        start = s + 1;
    }
    buf_append(out, start, (size_t)(s - start));
}

void
html_raw_trusted(struct buf *out, const char *s)
{
    buf_puts(out, s);
}

/* A character of a conversion spec before its type letter. */
static bool
spec_char(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == ' ' ||
           c == '#' || c == '.' || c == 'h' || c == 'l' || c == 'z' ||
           c == 'j' || c == 't';
}

/* The specs passed to snprintf are checked by html_printf's own
 * format attribute at every call site. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
void
html_printf(struct buf *out, const char *fmt, ...)
{
    va_list ap;
    const char *p = fmt;

    va_start(ap, fmt);
    while (*p) {
        const char *pct = strchr(p, '%');
        char spec[16], tmp[64];
        size_t n;
        int len = 0;

        if (pct == NULL) {
            buf_puts(out, p);
            break;
        }
        buf_append(out, p, (size_t)(pct - p));
        if (pct[1] == '%') {
            buf_putc(out, '%');
            p = pct + 2;
            continue;
        }
        /* Collect flags, width, precision and length up to the type. */
        for (n = 0; spec_char(pct[1 + n]); n++) {
        }
        if (n + 2 >= sizeof(spec)) {
            break;
        }
        memcpy(spec, pct, n + 2);
        spec[n + 2] = '\0';
        p = pct + n + 2;
        switch (spec[n + 1]) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            html_escape(out, s ? s : "");
            continue;
        }
        case 'd':
        case 'i':
        case 'u':
        case 'x':
            if (strstr(spec, "ll") != NULL || strchr(spec, 'j') != NULL) {
                len = snprintf(tmp, sizeof(tmp), spec, va_arg(ap, long long));
            } else if (strchr(spec, 'l') != NULL || strchr(spec, 'z') != NULL ||
                       strchr(spec, 't') != NULL) {
                len = snprintf(tmp, sizeof(tmp), spec, va_arg(ap, long));
            } else {
                len = snprintf(tmp, sizeof(tmp), spec, va_arg(ap, int));
            }
            break;
        case 'c':
            len = snprintf(tmp, sizeof(tmp), "%c", (char)va_arg(ap, int));
            if (strchr("<>&\"'", tmp[0]) != NULL) {
                tmp[1] = '\0';
                html_escape(out, tmp);
                continue;
            }
            break;
        default:
            /* Unsupported conversions are a programming error. */
            va_end(ap);
            buf_puts(out, "?");
            return;
        }
        if (len > 0) {
            buf_append(out, tmp,
                       (size_t)len < sizeof(tmp) ? (size_t)len
                                                 : sizeof(tmp) - 1);
        }
    }
    va_end(ap);
}
#pragma GCC diagnostic pop

const char *
html_safe_href(const char *url)
{
    if (url == NULL) {
        return "#";
    }
    if ((url[0] == '/' && url[1] != '/') || url[0] == '?' || url[0] == '#') {
        return url;
    }
    if (strncasecmp(url, "http://", 7) == 0 ||
        strncasecmp(url, "https://", 8) == 0 ||
        strncasecmp(url, "mailto:", 7) == 0 ||
        strncasecmp(url, "tel:", 4) == 0) {
        return url;
    }
    return "#";
}

char *
html_url_encode(struct arena *a, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(s), o = 0;
    char *out = arena_alloc(a, n * 3 + 1);

    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;

        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
            (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
            c == '~') {
            out[o++] = (char)c;
        } else {
            out[o++] = '%';
            out[o++] = hex[c >> 4];
            out[o++] = hex[c & 15];
        }
    }
    out[o] = '\0';
    return out;
}
