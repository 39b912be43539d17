/* The CSV writer, the CSV reader and the formula guard; see csv.h. */
#include "csv.h"

#include <string.h>

#include "err.h"
#include "str.h"

bool
csv_needs_guard(const char *s)
{
    if (s == NULL) {
        return false;
    }
    while (*s == '\'') {
        s++;
    }
    return *s != '\0' && strchr("=+-@\t\r", *s) != NULL;
}

void
csv_guard_to(struct buf *b, const char *s)
{
    if (csv_needs_guard(s)) {
        buf_putc(b, '\'');
    }
    buf_puts(b, s ? s : "");
}

char *
csv_unguard(char *s)
{
    return s != NULL && s[0] == '\'' && csv_needs_guard(s + 1) ? s + 1 : s;
}

void
csv_begin(struct csv *c, struct buf *out, char sep, unsigned flags)
{
    c->out = out;
    c->sep = sep;
    c->flags = flags;
    c->col = 0;
    if (flags & CSV_BOM) {
        buf_puts(out, "\xEF\xBB\xBF");
    }
}

static void
next_field(struct csv *c)
{
    if (c->col++ > 0) {
        buf_putc(c->out, c->sep);
    }
}

static bool
must_quote(const struct csv *c, const char *s)
{
    size_t n = strlen(s);

    if (c->flags & CSV_QUOTE_ALL) {
        return true;
    }
    if (strchr(s, c->sep) != NULL || strpbrk(s, "\"\r\n") != NULL) {
        return true;
    }
    if ((c->flags & CSV_QUOTE_COMMA_SEMI) && strpbrk(s, ",;") != NULL) {
        return true;
    }
    return (c->flags & CSV_QUOTE_SPACES) && n > 0 &&
           (s[0] == ' ' || s[n - 1] == ' ');
}

void
csv_text(struct csv *c, const char *s)
{
    s = s ? s : "";
    next_field(c);
    if (!must_quote(c, s)) {
        csv_guard_to(c->out, s);
        return;
    }
    buf_putc(c->out, '"');
    if (csv_needs_guard(s)) {
        buf_putc(c->out, '\'');
    }
    for (; *s != '\0'; s++) {
        if (*s == '"') {
            buf_putc(c->out, '"');
        }
        buf_putc(c->out, *s);
    }
    buf_putc(c->out, '"');
}

/* "-1 234,56", "52.21", "12": an optional minus, then digits with spaces,
 * commas and dots, starting with a digit. */
static bool
is_number(const char *s)
{
    if (*s == '-') {
        s++;
    }
    if (*s < '0' || *s > '9') {
        return false;
    }
    return s[strspn(s, "0123456789 ,.")] == '\0';
}

void
csv_num(struct csv *c, const char *s)
{
    if (s == NULL || !is_number(s)) {
        csv_text(c, s);
        return;
    }
    next_field(c);
    if (strchr(s, c->sep) != NULL) {
        buf_putc(c->out, '"');
        buf_puts(c->out, s);
        buf_putc(c->out, '"');
        return;
    }
    buf_puts(c->out, s);
}

void
csv_int(struct csv *c, int64_t v)
{
    next_field(c);
    buf_printf(c->out, "%lld", (long long)v);
}

void
csv_row_end(struct csv *c)
{
    buf_puts(c->out, "\r\n");
    c->col = 0;
}

size_t
csv_bom_len(const char *data, size_t len)
{
    return len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

int
csv_decode(struct arena *a, const char *data, size_t len, const char **text,
           size_t *tlen, bool *cp1250)
{
    size_t bom = csv_bom_len(data, len);

    data += bom;
    len -= bom;
    *cp1250 = false;
    if (memchr(data, '\0', len) != NULL) {
        return ERR_INPUT;
    }
    if (str_utf8_valid(data, len)) {
        *text = data;
        *tlen = len;
        return 0;
    }
    /* a BOM says UTF-8: damaged UTF-8 is not taken for Windows-1250 */
    if (bom > 0) {
        return ERR_INPUT;
    }
    *text = str_cp1250_to_utf8(a, data, len, tlen);
    if (*text == NULL) {
        return ERR_INPUT;
    }
    *cp1250 = true;
    return 0;
}

char
csv_sniff_sep_at(const char *text, size_t len,
                 bool (*is_header)(void *ctx, const char *line, size_t n),
                 void *ctx)
{
    const char *s = text,
               *end = text + (len < CSV_SNIFF_BYTES ? len : CSV_SNIFF_BYTES);
    bool any_semi = false;

    while (s < end) {
        const char *q = s;
        int semis = 0, commas = 0;
        bool quoted = false;

        /* a quote is closed at the line's end: a stray '"' (12" x) does not
         * make the rest of the text one line */
        for (; q < end && *q != '\n'; q++) {
            if (*q == '"') {
                quoted = !quoted;
            } else if (!quoted && *q == ';') {
                semis++;
            } else if (!quoted && *q == ',') {
                commas++;
            }
        }
        if (is_header == NULL || is_header(ctx, s, (size_t)(q - s))) {
            return semis >= 2 || semis >= commas ? ';' : ',';
        }
        any_semi = any_semi || semis > 0;
        s = q + 1;
    }
    return any_semi ? ';' : ',';
}

char
csv_sniff_sep(const char *text, size_t len)
{
    return csv_sniff_sep_at(text, len, NULL, NULL);
}

void
csv_read_begin(struct csv_in *c, const char *text, size_t len, char sep)
{
    memset(c, 0, sizeof(*c));
    c->p = text;
    c->end = text + len;
    c->sep = sep;
    c->line = 1;
    buf_init(&c->cell);
}

void
csv_read_end(struct csv_in *c)
{
    buf_free(&c->cell);
}

/* A quoted cell from the opening quote at c->p, into c->cell. */
static void
quoted_cell(struct csv_in *c)
{
    const char *p = c->p + 1, *end = c->end;

    buf_reset(&c->cell);
    for (;;) {
        const char *q = p;

        /* a run without quotes is appended at once */
        while (q < end && *q != '"') {
            c->line += *q == '\n';
            q++;
        }
        buf_append(&c->cell, p, (size_t)(q - p));
        if (q >= end) {
            c->unclosed = true;
            p = q;
            break;
        }
        if (q + 1 < end && q[1] == '"') {
            buf_putc(&c->cell, '"');
            p = q + 2;
            continue;
        }
        p = q + 1;
        break;
    }
    /* text after the closing quote belongs to the cell, as spreadsheets
     * read it; the caller may refuse it instead */
    for (const char *q = p;; q++) {
        if (q == end || *q == c->sep || *q == '\n' || *q == '\r') {
            c->stray = q > p;
            buf_append(&c->cell, p, (size_t)(q - p));
            c->p = q;
            return;
        }
    }
}

int
csv_read_cell(struct csv_in *c, const char **s, size_t *n)
{
    const char *q;

    if (c->row_ended) {
        c->line++;
        c->row_ended = false;
    }
    if (c->p >= c->end && !c->in_row) {
        return CSV_END;
    }
    c->cell_line = c->line;
    c->unclosed = c->stray = false;
    if (c->p < c->end && *c->p == '"') {
        quoted_cell(c);
        *s = c->cell.data != NULL ? c->cell.data : "";
        *n = c->cell.len;
    } else {
        q = c->p;
        while (q < c->end && *q != c->sep && *q != '\n' && *q != '\r') {
            q++;
        }
        *s = c->p;
        *n = (size_t)(q - c->p);
        c->p = q;
    }
    if (c->p < c->end && *c->p == c->sep) {
        c->p++;
        c->in_row = true;
        return CSV_CELL;
    }
    if (c->p < c->end && *c->p == '\r') {
        c->p++;
    }
    if (c->p < c->end && *c->p == '\n') {
        c->p++;
    }
    c->in_row = false;
    c->row_ended = true;
    return CSV_LAST;
}
