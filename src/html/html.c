/*
** The escaping writers. html_printf walks the format itself: %s arguments
** go through html_escape (a precision cuts at a UTF-8 character boundary
** first), every other conversion is formatted by buf_printf with its own
** spec, so the compiler's format check still holds.
*/
#include "html.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Escape the first n bytes of s into out. */
static void
escape_n(struct buf *out, const char *s, size_t n)
{
    const char *start = s, *end = s + n;

    for (; s < end; s++) {
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
html_escape(struct buf *out, const char *s)
{
    escape_n(out, s, strlen(s));
}

void
html_raw_trusted(struct buf *out, const char *s)
{
    buf_puts(out, s);
}

/*
** %.Ns: at most N bytes of s, cut back to the start of a UTF-8 character
** so that a shortened text stays valid UTF-8.
*/
static size_t
utf8_prefix(const char *s, const char *spec)
{
    const char *dot = strchr(spec, '.');
    size_t n = strlen(s), max;

    if (dot == NULL) {
        return n;
    }
    max = (size_t)strtoul(dot + 1, NULL, 10);
    if (n <= max) {
        return n;
    }
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80) {
        max--;
    }
    return max;
}

/* A character of a conversion spec before its type letter. */
static bool
spec_char(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == ' ' ||
           c == '#' || c == '.' || c == 'h' || c == 'l' || c == 'z' ||
           c == 'j' || c == 't';
}

/*
** The specs passed to buf_printf are checked by html_printf's own format
** attribute at every call site; tests/tools/check_source.py refuses the
** conversions handled here by the default branch (%n, %p, %ls, '*' ...).
*/
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
        char spec[16];
        size_t n;

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
            buf_puts(out, pct);
            break;
        }
        memcpy(spec, pct, n + 2);
        spec[n + 2] = '\0';
        p = pct + n + 2;
        switch (spec[n + 1]) {
        case 's':
            if (strchr(spec, 'l') == NULL) {
                const char *s = va_arg(ap, const char *);

                s = s ? s : "";
                escape_n(out, s, utf8_prefix(s, spec));
                continue;
            }
            break;
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X':
            if (strstr(spec, "ll") != NULL || strchr(spec, 'j') != NULL) {
                buf_printf(out, spec, va_arg(ap, long long));
            } else if (strchr(spec, 'l') != NULL || strchr(spec, 'z') != NULL ||
                       strchr(spec, 't') != NULL) {
                buf_printf(out, spec, va_arg(ap, long));
            } else {
                buf_printf(out, spec, va_arg(ap, int));
            }
            continue;
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G':
        case 'a':
        case 'A':
            buf_printf(out, spec, va_arg(ap, double));
            continue;
        case 'c':
            if (strchr(spec, 'l') == NULL) {
                char c[2] = {(char)va_arg(ap, int), '\0'};

                html_escape(out, c);
                continue;
            }
            break;
        default:
            break;
        }
        /* Refused by the source check (%n, %p, %ls, '*' ...): the page goes
         * on with the format's text, and no argument is read. */
        buf_puts(out, pct);
        break;
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

const char *
html_tel_href(struct arena *a, const char *phone)
{
    size_t n = strlen(phone), i, k = 4;
    char *out = arena_alloc(a, n + 5);

    memcpy(out, "tel:", 4);
    for (i = 0; i < n; i++) {
        if ((phone[i] >= '0' && phone[i] <= '9') ||
            (phone[i] == '+' && k == 4)) {
            out[k++] = phone[i];
        }
    }
    out[k] = '\0';
    return out;
}
