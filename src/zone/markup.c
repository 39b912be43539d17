/*
** The forum's markup (markup.h): a line-by-line pass that keeps at most
** one open block and a stack of at most two inline elements, so the
** output is always well nested whatever the input.
*/
#include "markup.h"

#include <string.h>
#include <strings.h>

#include "html/html.h"

enum block { B_NONE, B_P, B_UL, B_OL, B_QUOTE };

struct mk {
    struct buf *out;
    struct buf text;  /* plain text waiting to be escaped */
    enum block block; /* the open block */
    char stack[2];    /* open inline elements: 'e' em, 's' strong */
    int depth;
};

static void
flush(struct mk *m)
{
    if (m->text.len > 0) {
        html_escape(m->out, m->text.data);
        buf_reset(&m->text);
    }
}

static void
inline_open(struct mk *m, char kind)
{
    flush(m);
    m->stack[m->depth++] = kind;
    if (kind == 'e') {
        html_lit(m->out, "<em>");
    } else {
        html_lit(m->out, "<strong>");
    }
}

static void
inline_close_top(struct mk *m)
{
    flush(m);
    if (m->stack[--m->depth] == 'e') {
        html_lit(m->out, "</em>");
    } else {
        html_lit(m->out, "</strong>");
    }
}

/* A star (kind 'e') or two ('s'): closes the element when it is the
** innermost open one, opens it when it is not open, else is text. */
static void
toggle(struct mk *m, char kind, const char *sign)
{
    int i;

    if (m->depth > 0 && m->stack[m->depth - 1] == kind) {
        inline_close_top(m);
        return;
    }
    for (i = 0; i < m->depth; i++) {
        if (m->stack[i] == kind) {
            buf_puts(&m->text, sign); /* would cross another element */
            return;
        }
    }
    inline_open(m, kind);
}

static void
close_inline(struct mk *m)
{
    while (m->depth > 0) {
        inline_close_top(m);
    }
    flush(m);
}

static void
close_block(struct mk *m)
{
    close_inline(m);
    switch (m->block) {
    case B_P:
        html_lit(m->out, "</p>\n");
        break;
    case B_UL:
        html_lit(m->out, "</ul>\n");
        break;
    case B_OL:
        html_lit(m->out, "</ol>\n");
        break;
    case B_QUOTE:
        html_lit(m->out, "</p></blockquote>\n");
        break;
    case B_NONE:
        break;
    }
    m->block = B_NONE;
}

static void
open_block(struct mk *m, enum block b)
{
    if (m->block == b) {
        return;
    }
    close_block(m);
    m->block = b;
    switch (b) {
    case B_P:
        html_lit(m->out, "<p>");
        break;
    case B_UL:
        html_lit(m->out, "<ul>\n");
        break;
    case B_OL:
        html_lit(m->out, "<ol>\n");
        break;
    case B_QUOTE:
        html_lit(m->out, "<blockquote><p>");
        break;
    case B_NONE:
        break;
    }
}

static bool
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\0';
}

/* Length of a bare address at s (an http:// or https:// start), without
** the punctuation that ends a sentence; 0 when s is not one. */
static size_t
url_len(const char *s, size_t n)
{
    size_t k;

    if (n >= 8 && strncasecmp(s, "https://", 8) == 0) {
        k = 8;
    } else if (n >= 7 && strncasecmp(s, "http://", 7) == 0) {
        k = 7;
    } else {
        return 0;
    }
    if (k >= n || is_space(s[k])) {
        return 0;
    }
    while (k < n && !is_space(s[k]) && s[k] != '<' && s[k] != '>' &&
           s[k] != '"') {
        k++;
    }
    while (k > 0 && strchr(".,;:!?)", s[k - 1]) != NULL) {
        k--;
    }
    return k;
}

static void
link(struct mk *m, const char *url, size_t ulen, const char *label, size_t llen)
{
    struct buf u, l;

    buf_init(&u);
    buf_init(&l);
    buf_append(&u, url, ulen);
    buf_append(&l, label, llen);
    flush(m);
    html_printf(m->out, "<a href=\"%s\" rel=\"nofollow ugc noopener\">%s</a>",
                html_safe_href(u.data), l.data);
    buf_free(&u);
    buf_free(&l);
}

/* "[label](url)" at s, written as a link: its length, else 0. */
static size_t
bracket_link(struct mk *m, const char *s, size_t n)
{
    size_t max = n < MARKUP_LINK_SCAN ? n : MARKUP_LINK_SCAN, i, close = 0;
    size_t ulen;

    for (i = 1; i + 1 < max; i++) {
        if (s[i] == ']' && s[i + 1] == '(') {
            close = i;
            break;
        }
        if (s[i] == '[' || s[i] == '\n') {
            return 0;
        }
    }
    if (close <= 1) {
        return 0;
    }
    ulen = url_len(s + close + 2, n - close - 2);
    if (ulen == 0 || close + 2 + ulen >= n || s[close + 2 + ulen] != ')') {
        return 0;
    }
    link(m, s + close + 2, ulen, s + 1, close - 1);
    return close + 3 + ulen;
}

/* The text of one line (without its block sign), inline marks applied. */
static void
line_text(struct mk *m, const char *s, size_t n)
{
    size_t i = 0, k;

    while (i < n) {
        char c = s[i];

        if (c == '*' && i + 1 < n && s[i + 1] == '*') {
            toggle(m, 's', "**");
            i += 2;
        } else if (c == '*') {
            toggle(m, 'e', "*");
            i++;
        } else if (c == '[' && (k = bracket_link(m, s + i, n - i)) > 0) {
            i += k;
        } else if ((c == 'h' || c == 'H') &&
                   (i == 0 || is_space(s[i - 1]) || s[i - 1] == '(') &&
                   (k = url_len(s + i, n - i)) > 0) {
            link(m, s + i, k, s + i, k);
            i += k;
        } else {
            buf_putc(&m->text, c);
            i++;
        }
    }
    close_inline(m);
}

/* Digits then ". ": the length of that sign, else 0. */
static size_t
ordinal(const char *s, size_t n)
{
    size_t i = 0;

    while (i < n && i < 9 && s[i] >= '0' && s[i] <= '9') {
        i++;
    }
    if (i > 0 && i + 1 < n && s[i] == '.' && s[i + 1] == ' ') {
        return i + 2;
    }
    return 0;
}

static void
one_line(struct mk *m, const char *s, size_t n)
{
    size_t k;

    while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t')) {
        n--;
    }
    if (n == 0) {
        close_block(m);
        return;
    }
    if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ') {
        open_block(m, B_UL);
        html_lit(m->out, "<li>");
        line_text(m, s + 2, n - 2);
        html_lit(m->out, "</li>\n");
    } else if ((k = ordinal(s, n)) > 0) {
        open_block(m, B_OL);
        html_lit(m->out, "<li>");
        line_text(m, s + k, n - k);
        html_lit(m->out, "</li>\n");
    } else if (s[0] == '>') {
        k = n >= 2 && s[1] == ' ' ? 2 : 1;
        if (m->block == B_QUOTE) {
            html_lit(m->out, "<br>\n");
        }
        open_block(m, B_QUOTE);
        line_text(m, s + k, n - k);
    } else {
        if (m->block == B_P) {
            html_lit(m->out, "<br>\n");
        }
        open_block(m, B_P);
        line_text(m, s, n);
    }
}

void
markup_render(struct buf *out, const char *text)
{
    struct mk m = {.out = out, .block = B_NONE};
    size_t n = strnlen(text, MARKUP_MAX), start = 0, i;

    /* A cut text ends at the start of a UTF-8 character. */
    while (n > 0 && text[n] != '\0' &&
           ((unsigned char)text[n] & 0xC0) == 0x80) {
        n--;
    }

    buf_init(&m.text);
    for (i = 0; i <= n; i++) {
        if (i == n || text[i] == '\n') {
            one_line(&m, text + start, i - start);
            start = i + 1;
        }
    }
    close_block(&m);
    buf_free(&m.text);
}
