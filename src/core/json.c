/* Streaming JSON writer; see json.h. */
#include "json.h"

#include <assert.h>
#include <inttypes.h>
#include <string.h>

#include "arena.h"
#include "str.h"

void
json_init(struct json *j, struct buf *out)
{
    memset(j, 0, sizeof(*j));
    j->out = out;
    j->first[0] = true;
}

void
json_obj_open(struct json *j, struct buf *b)
{
    buf_init(b);
    json_init(j, b);
    json_obj_begin(j);
}

const char *
json_obj_dup(struct arena *a, struct json *j)
{
    const char *s;

    json_obj_end(j);
    s = arena_strdup(a, j->out->data);
    buf_free(j->out);
    return s;
}

/* Put the comma that separates this value from the previous one. */
static void
sep(struct json *j)
{
    if (j->after_key) {
        j->after_key = false;
        return;
    }
    if (!j->first[j->depth]) {
        buf_putc(j->out, ',');
    }
    j->first[j->depth] = false;
}

static void
open(struct json *j, char c)
{
    sep(j);
    buf_putc(j->out, c);
    assert(j->depth + 1 < JSON_DEPTH);
    j->depth++;
    j->first[j->depth] = true;
}

static void
close_(struct json *j, char c)
{
    assert(j->depth > 0);
    j->depth--;
    buf_putc(j->out, c);
}

void
json_obj_begin(struct json *j)
{
    open(j, '{');
}

void
json_obj_end(struct json *j)
{
    close_(j, '}');
}

void
json_arr_begin(struct json *j)
{
    open(j, '[');
}

void
json_arr_end(struct json *j)
{
    close_(j, ']');
}

/* ASCII that goes out as it is: printable, not '"', '\\' or '/'. */
static bool
plain(unsigned char c)
{
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\' && c != '/';
}

/* The characters JSON escapes by a letter, and those letters. */
static const char by_letter[] = "\"\\\n\r\t";
static const char letters[] = "\"\\nrt";

/*
** Runs of plain bytes and well-formed UTF-8 are appended at once; only the
** rest is escaped, and a malformed byte becomes U+FFFD: the output is
** valid JSON whatever was stored.
*/
static void
quoted(struct buf *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)s, *run;
    const char *c;
    size_t k;

    buf_putc(out, '"');
    while (*p) {
        for (run = p;; p += k) {
            k = plain(*p) ? 1 : *p >= 0x80 ? str_utf8_seq((const char *)p) : 0;
            if (k == 0) {
                break;
            }
        }
        if (p > run) {
            buf_append(out, run, (size_t)(p - run));
        }
        if (*p == '\0') {
            break;
        }
        if (*p >= 0x80) {
            buf_puts(out, "\\ufffd");
            p++;
            continue;
        }
        c = strchr(by_letter, *p);
        if (c != NULL) {
            buf_putc(out, '\\');
            buf_putc(out, letters[c - by_letter]);
        } else if (*p == '/') {
            /* "</" would end an embedding script element. */
            buf_puts(out, p > (const unsigned char *)s && p[-1] == '<' ? "\\/"
                                                                       : "/");
        } else {
            buf_printf(out, "\\u%04x", *p);
        }
        p++;
    }
    buf_putc(out, '"');
}

void
json_key(struct json *j, const char *key)
{
    sep(j);
    quoted(j->out, key);
    buf_putc(j->out, ':');
    j->after_key = true;
}

void
json_str(struct json *j, const char *s)
{
    if (s == NULL) {
        json_null(j);
        return;
    }
    sep(j);
    quoted(j->out, s);
}

void
json_int(struct json *j, int64_t v)
{
    sep(j);
    buf_printf(j->out, "%" PRId64, v);
}

void
json_bool(struct json *j, bool v)
{
    sep(j);
    buf_puts(j->out, v ? "true" : "false");
}

void
json_null(struct json *j)
{
    sep(j);
    buf_puts(j->out, "null");
}

void
json_kstr(struct json *j, const char *key, const char *s)
{
    json_key(j, key);
    json_str(j, s);
}

void
json_kint(struct json *j, const char *key, int64_t v)
{
    json_key(j, key);
    json_int(j, v);
}

void
json_kbool(struct json *j, const char *key, bool v)
{
    json_key(j, key);
    json_bool(j, v);
}

/* Whether s is a number by JSON's grammar (RFC 8259, section 6). */
static bool
is_json_number(const char *s)
{
    if (*s == '-') {
        s++;
    }
    if (*s == '0') {
        s++;
    } else if (*s >= '1' && *s <= '9') {
        while (*s >= '0' && *s <= '9') {
            s++;
        }
    } else {
        return false;
    }
    if (*s == '.') {
        s++;
        if (!(*s >= '0' && *s <= '9')) {
            return false;
        }
        while (*s >= '0' && *s <= '9') {
            s++;
        }
    }
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-') {
            s++;
        }
        if (!(*s >= '0' && *s <= '9')) {
            return false;
        }
        while (*s >= '0' && *s <= '9') {
            s++;
        }
    }
    return *s == '\0';
}

void
json_knum(struct json *j, const char *key, const char *s)
{
    json_key(j, key);
    if (s == NULL || !is_json_number(s)) {
        json_null(j);
        return;
    }
    sep(j);
    buf_puts(j->out, s);
}

void
json_kint_if(struct json *j, const char *key, bool has, int64_t v)
{
    json_key(j, key);
    if (has) {
        json_int(j, v);
    } else {
        json_null(j);
    }
}
