/*
** Form bodies (see form.h): URL-encoded and multipart/form-data, parsed in
** one pass into an arena. Delimiters are found by looking only at line
** starts (one memchr per line and at most 72 bytes compared), so a hostile
** body costs time linear in its size whatever it holds.
*/
#include "form.h"

#include <string.h>
#include <strings.h>

#include "core/str.h"

struct builder {
    struct arena *a;
    struct form *f;
    size_t cap; /* slots allocated in f->fields */
};

static enum form_status
push(struct builder *b, const struct form_field *fld)
{
    struct form *f = b->f;

    if (f->n >= FORM_MAX_FIELDS) {
        return FORM_TOO_MANY;
    }
    if (f->n == b->cap) {
        size_t nc = b->cap == 0 ? 16 : b->cap * 2;

        if (nc > FORM_MAX_FIELDS) {
            nc = FORM_MAX_FIELDS;
        }
        f->fields = arena_realloc(b->a, f->fields, b->cap * sizeof(*fld),
                                  nc * sizeof(*fld));
        b->cap = nc;
    }
    f->fields[f->n++] = *fld;
    return FORM_OK;
}

/* content type ct is type, maybe followed by parameters. */
static bool
ct_is(const char *ct, const char *type)
{
    size_t n = strlen(type);

    while (*ct == ' ' || *ct == '\t') {
        ct++;
    }
    return strncasecmp(ct, type, n) == 0 &&
           (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ' || ct[n] == '\t');
}

static int
hexval(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

size_t
form_url_decode(char *dst, const char *s, size_t n)
{
    size_t i, o = 0;

    for (i = 0; i < n; i++) {
        int hi, lo;

        if (s[i] == '+') {
            dst[o++] = ' ';
        } else if (s[i] == '%' && n - i > 2 && (hi = hexval(s[i + 1])) >= 0 &&
                   (lo = hexval(s[i + 2])) >= 0) {
            dst[o++] = (char)(hi * 16 + lo);
            i += 2;
        } else {
            dst[o++] = s[i];
        }
    }
    return o;
}

/* A name a handler can ask for: 1..FORM_MAX_NAME bytes, no NUL. */
static bool
usable_name(const char *s, size_t n)
{
    return n > 0 && n <= FORM_MAX_NAME && memchr(s, '\0', n) == NULL;
}

static enum form_status
parse_urlencoded(struct builder *b, const char *s, size_t len)
{
    size_t i = 0;

    while (i < len) {
        const char *p = s + i;
        const char *amp = memchr(p, '&', len - i);
        size_t plen = amp != NULL ? (size_t)(amp - p) : len - i;
        const char *eq = memchr(p, '=', plen);
        size_t nlen = eq != NULL ? (size_t)(eq - p) : plen;
        size_t vlen = eq != NULL ? plen - nlen - 1 : 0;
        struct form_field fld = {0};
        char *name, *value;
        size_t dn, dv;
        enum form_status st;

        i += plen + 1;
        /* A decoded name is at most as long as its encoding; a very long
         * one is skipped without being copied. */
        if (nlen == 0 || nlen > 3 * FORM_MAX_NAME) {
            continue;
        }
        name = arena_alloc(b->a, nlen + 1);
        dn = form_url_decode(name, p, nlen);
        if (!usable_name(name, dn)) {
            continue;
        }
        if (!str_utf8_valid(name, dn)) {
            return FORM_BAD_UTF8;
        }
        value = arena_alloc(b->a, vlen + 1);
        dv = vlen > 0 ? form_url_decode(value, eq + 1, vlen) : 0;
        if (!str_utf8_valid(value, dv)) {
            return FORM_BAD_UTF8;
        }
        fld.name = name;
        fld.value = value;
        fld.len = dv;
        st = push(b, &fld);
        if (st != FORM_OK) {
            return st;
        }
    }
    return FORM_OK;
}

int
form_boundary(const char *ct, const char **b, size_t *blen)
{
    const char *p = ct != NULL ? strchr(ct, ';') : NULL;

    while (p != NULL && *p != '\0') {
        const char *name, *v;
        size_t nlen, vlen;

        while (*p == ';' || *p == ' ' || *p == '\t') {
            p++;
        }
        name = p;
        p += strcspn(p, "=;");
        nlen = (size_t)(p - name);
        while (nlen > 0 && (name[nlen - 1] == ' ' || name[nlen - 1] == '\t')) {
            nlen--;
        }
        if (*p != '=') {
            continue;
        }
        p++;
        while (*p == ' ' || *p == '\t') {
            p++;
        }
        if (*p == '"') {
            v = ++p;
            p += strcspn(p, "\"");
            vlen = (size_t)(p - v);
            if (*p == '"') {
                p++;
            } else {
                vlen = 0; /* unterminated: not a value */
            }
        } else {
            v = p;
            p += strcspn(p, "; \t");
            vlen = (size_t)(p - v);
        }
        if (nlen == 8 && strncasecmp(name, "boundary", 8) == 0) {
            if (vlen == 0 || vlen > FORM_MAX_BOUNDARY) {
                return -1;
            }
            *b = v;
            *blen = vlen;
            return 0;
        }
    }
    return -1;
}

/* After "--boundary": the end, "--", padding or the line end (RFC 2046),
 * so that a boundary that is a prefix of a line does not match. */
static bool
delimiter_ends(const char *s, size_t len, size_t i)
{
    return i == len || s[i] == '-' || s[i] == '\r' || s[i] == '\n' ||
           s[i] == ' ' || s[i] == '\t';
}

/*
** The next line "--boundary" at or after from that starts the body or
** follows a line feed: its offset, with *content_end where the content
** before it ends (its CRLF or LF belongs to the delimiter). len if none.
*/
static size_t
next_delimiter(const char *s, size_t len, size_t from, const char *bd,
               size_t bl, size_t *content_end)
{
    size_t k = from;

    *content_end = len;
    if (from > 0 && s[from - 1] != '\n') {
        const char *nl = memchr(s + from, '\n', len - from);

        if (nl == NULL) {
            return len;
        }
        k = (size_t)(nl - s) + 1;
    }
    while (k < len) {
        const char *nl;

        if (len - k >= bl + 2 && s[k] == '-' && s[k + 1] == '-' &&
            memcmp(s + k + 2, bd, bl) == 0 &&
            delimiter_ends(s, len, k + 2 + bl)) {
            size_t e = k;

            if (e > from && s[e - 1] == '\n') {
                e--;
                if (e > from && s[e - 1] == '\r') {
                    e--;
                }
            }
            *content_end = e;
            return k;
        }
        nl = memchr(s + k, '\n', len - k);
        if (nl == NULL) {
            break;
        }
        k = (size_t)(nl - s) + 1;
    }
    return len;
}

struct part {
    bool form_data; /* Content-Disposition: form-data */
    const char *name, *filename;
    size_t nlen, flen;
};

/* Content-Disposition: form-data; name="x"; filename="y". Quoted values
 * end at the next quote: browsers send a quote in a name as %22. */
static void
parse_disposition(const char *s, size_t n, struct part *pt)
{
    size_t i = 0, t;

    while (i < n && (s[i] == ' ' || s[i] == '\t')) {
        i++;
    }
    t = i;
    while (i < n && s[i] != ';' && s[i] != ' ' && s[i] != '\t') {
        i++;
    }
    pt->form_data = i - t == 9 && strncasecmp(s + t, "form-data", 9) == 0;
    while (i < n) {
        size_t pn, pl, v, vl;

        while (i < n && (s[i] == ';' || s[i] == ' ' || s[i] == '\t')) {
            i++;
        }
        pn = i;
        while (i < n && s[i] != '=' && s[i] != ';') {
            i++;
        }
        pl = i - pn;
        while (pl > 0 && (s[pn + pl - 1] == ' ' || s[pn + pl - 1] == '\t')) {
            pl--;
        }
        if (i >= n || s[i] != '=') {
            continue;
        }
        i++;
        while (i < n && (s[i] == ' ' || s[i] == '\t')) {
            i++;
        }
        if (i < n && s[i] == '"') {
            const char *q = memchr(s + i + 1, '"', n - i - 1);

            if (q == NULL) {
                return; /* unterminated: nothing after it is reliable */
            }
            v = i + 1;
            vl = (size_t)(q - (s + v));
            i = v + vl + 1;
        } else {
            v = i;
            while (i < n && s[i] != ';' && s[i] != ' ' && s[i] != '\t') {
                i++;
            }
            vl = i - v;
        }
        if (pl == 4 && strncasecmp(s + pn, "name", 4) == 0 &&
            pt->name == NULL) {
            pt->name = s + v;
            pt->nlen = vl;
        } else if (pl == 8 && strncasecmp(s + pn, "filename", 8) == 0 &&
                   pt->filename == NULL) {
            pt->filename = s + v;
            pt->flen = vl;
        }
    }
}

static enum form_status
add_part(struct builder *b, const struct part *pt, const char *v, size_t vl)
{
    struct form_field fld = {0};

    if (!pt->form_data || pt->name == NULL ||
        !usable_name(pt->name, pt->nlen)) {
        return FORM_OK; /* skipped: no handler can ask for it */
    }
    if (!str_utf8_valid(pt->name, pt->nlen)) {
        return FORM_BAD_UTF8;
    }
    fld.name = arena_strndup(b->a, pt->name, pt->nlen);
    if (pt->filename != NULL) {
        if (!str_utf8_valid(pt->filename, pt->flen)) {
            return FORM_BAD_UTF8;
        }
        fld.filename = arena_strndup(b->a, pt->filename, pt->flen);
        fld.value = v;
    } else {
        if (!str_utf8_valid(v, vl)) {
            return FORM_BAD_UTF8;
        }
        fld.value = arena_strndup(b->a, v, vl);
    }
    fld.len = vl;
    return push(b, &fld);
}

static enum form_status
parse_multipart(struct builder *b, const char *ct, const char *s, size_t len)
{
    const char *bd;
    size_t bl, end, d;

    if (form_boundary(ct, &bd, &bl) != 0) {
        return FORM_BAD_BOUNDARY;
    }
    d = next_delimiter(s, len, 0, bd, bl, &end);
    while (d < len) {
        struct part pt = {0};
        size_t p = d + 2 + bl;
        const char *nl;
        enum form_status st;

        if (len - p >= 2 && s[p] == '-' && s[p + 1] == '-') {
            break; /* the closing delimiter */
        }
        nl = memchr(s + p, '\n', len - p);
        if (nl == NULL) {
            break;
        }
        p = (size_t)(nl - s) + 1;
        /* Part headers, up to an empty line. */
        for (;;) {
            size_t le;

            nl = memchr(s + p, '\n', len - p);
            if (nl == NULL) {
                return FORM_OK; /* cut short: the part is dropped */
            }
            le = (size_t)(nl - s);
            if (le > p && s[le - 1] == '\r') {
                le--;
            }
            if (le == p) {
                p = (size_t)(nl - s) + 1;
                break;
            }
            if (le - p > 20 &&
                strncasecmp(s + p, "content-disposition:", 20) == 0) {
                parse_disposition(s + p + 20, le - p - 20, &pt);
            }
            p = (size_t)(nl - s) + 1;
        }
        d = next_delimiter(s, len, p, bd, bl, &end);
        if (d >= len) {
            break; /* no delimiter after the content: dropped */
        }
        st = add_part(b, &pt, s + p, end - p);
        if (st != FORM_OK) {
            return st;
        }
    }
    return FORM_OK;
}

enum form_status
form_parse(struct arena *a, const char *content_type, const char *body,
           size_t len, struct form *out)
{
    struct builder b = {a, out, 0};
    enum form_status st;

    out->fields = NULL;
    out->n = 0;
    if (content_type == NULL) {
        return FORM_NOT_FORM;
    }
    if (ct_is(content_type, "application/x-www-form-urlencoded")) {
        st = parse_urlencoded(&b, body, len);
    } else if (ct_is(content_type, "multipart/form-data")) {
        st = parse_multipart(&b, content_type, body, len);
    } else {
        return FORM_NOT_FORM;
    }
    if (st != FORM_OK) {
        out->fields = NULL;
        out->n = 0;
    }
    return st;
}

const struct form_field *
form_find(const struct form *f, const char *name)
{
    size_t i;

    for (i = 0; i < f->n; i++) {
        if (strcmp(f->fields[i].name, name) == 0) {
            return &f->fields[i];
        }
    }
    return NULL;
}
