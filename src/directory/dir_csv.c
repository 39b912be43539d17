/*
** CSV reading for the directory's import (writing is core/csv.c): RFC 4180
** quoting, ',' or ';' (the header line decides), UTF-8 only. Rows and
** fields live in the caller's arena. Also the findings list shared by
** forms and imports.
*/
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/str.h"
#include "directory.h"
#include "strings_pl.h"

void
dir_findings_add(struct arena *a, struct dir_findings *f, int row,
                 const char *column, const char *message)
{
    if (f->n > DIR_FINDINGS_MAX) {
        return;
    }
    if (f->n == DIR_FINDINGS_MAX) {
        row = 0;
        column = NULL;
        message = T_DIR_FINDINGS_MORE;
    }
    if (f->n == f->cap) {
        int cap = f->cap ? f->cap * 2 : 16;

        f->v = arena_realloc(a, f->v, sizeof(*f->v) * (size_t)f->cap,
                             sizeof(*f->v) * (size_t)cap);
        f->cap = cap;
    }
    f->v[f->n].row = row;
    f->v[f->n].column = column;
    f->v[f->n].message = message;
    f->n++;
}

/* Pick the delimiter from the first line: the more frequent of ; and ,. */
static char
delimiter(const char *p, const char *end)
{
    int semi = 0, comma = 0;
    bool quoted = false;

    for (; p < end && (quoted || (*p != '\n' && *p != '\r')); p++) {
        if (*p == '"') {
            quoted = !quoted;
        } else if (!quoted && *p == ';') {
            semi++;
        } else if (!quoted && *p == ',') {
            comma++;
        }
    }
    return semi > comma ? ';' : ',';
}

/*
** Fields are packed into one block of the arena sized from the file: a
** field of n bytes (unquoted) took at least n bytes of input plus its
** delimiter, so len + 2 bytes hold them all with their NULs. Blank fields
** share one string, and a row's pointers are copied once at its end, so a
** million rows cost about the file plus a pointer a field.
*/
static char blank_field[1];

struct field_store {
    char *text;
    size_t used, cap;
};

static char *
keep_field(struct arena *a, struct field_store *fs, const char *s, size_t n)
{
    char *p;

    if (n == 0) {
        return blank_field;
    }
    if (fs->used + n + 1 > fs->cap) {
        return arena_strndup(a, s, n); /* not reached; the bound holds */
    }
    p = fs->text + fs->used;
    memcpy(p, s, n);
    p[n] = '\0';
    fs->used += n + 1;
    return p;
}

/* The current row's fields, in a scratch array reused for every row. */
struct row_builder {
    char **fields;
    int n, cap;
};

static void
push_field(struct row_builder *rb, char *field)
{
    if (rb->n == rb->cap) {
        rb->cap = rb->cap ? rb->cap * 2 : 32;
        rb->fields = xrealloc(rb->fields, sizeof(char *) * (size_t)rb->cap);
    }
    rb->fields[rb->n++] = field;
}

int
dir_csv_parse(struct arena *a, const char *data, size_t len, char ****rows,
              int **ncols, const char **why)
{
    const char *p = data, *end = data + len;
    struct row_builder rb = {0};
    struct field_store fs = {NULL, 0, 0};
    struct buf field;
    char ***out = NULL;
    int *cols = NULL, n = 0, cap = 0, line = 1, rc = 0;
    char delim;

    *why = NULL;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        p += 3;
    }
    if (!str_utf8_valid(p, (size_t)(end - p))) {
        *why = T_DIR_CSV_NOT_UTF8;
        return ERR_INPUT;
    }
    delim = delimiter(p, end);
    fs.cap = (size_t)(end - p) + 2;
    fs.text = arena_alloc(a, fs.cap);
    buf_init(&field);
    while (p < end) {
        bool quoted = false;

        buf_reset(&field);
        if (*p == '"') {
            int start_line = line;

            quoted = true;
            p++;
            for (;;) {
                if (p >= end) {
                    *why = arena_printf(a, T_DIR_CSV_OPEN_QUOTE, start_line);
                    rc = ERR_INPUT;
                    goto done;
                }
                if (*p == '"') {
                    if (p + 1 < end && p[1] == '"') {
                        buf_putc(&field, '"');
                        p += 2;
                        continue;
                    }
                    p++;
                    break;
                }
                if (*p == '\n') {
                    line++;
                }
                buf_putc(&field, *p++);
            }
        }
        if (quoted && p < end && *p != delim && *p != '\n' && *p != '\r') {
            *why = arena_printf(a, T_DIR_CSV_AFTER_QUOTE, line);
            rc = ERR_INPUT;
            goto done;
        }
        {
            /* an unquoted field is taken as one span, not byte by byte */
            const char *s = p;

            while (p < end && *p != delim && *p != '\n' && *p != '\r') {
                p++;
            }
            if (rb.n >= DIR_CSV_MAX_FIELDS) {
                *why = arena_printf(a, T_DIR_CSV_TOO_MANY_FIELDS, line,
                                    DIR_CSV_MAX_FIELDS);
                rc = ERR_INPUT;
                goto done;
            }
            if (!quoted) {
                push_field(&rb, keep_field(a, &fs, s, (size_t)(p - s)));
            } else {
                push_field(&rb, keep_field(a, &fs, field.data ? field.data : "",
                                           field.len));
            }
        }
        if (p < end && *p == delim) {
            p++;
            if (p < end) {
                continue;
            }
            push_field(&rb, blank_field);
        }
        /* End of a record. */
        if (p < end && *p == '\r') {
            p++;
        }
        if (p < end && *p == '\n') {
            p++;
        }
        line++;
        if (n >= DIR_CSV_MAX_ROWS) {
            *why = arena_printf(a, T_DIR_CSV_TOO_MANY_ROWS, DIR_CSV_MAX_ROWS);
            rc = ERR_INPUT;
            goto done;
        }
        if (n == cap) {
            int ncap = cap ? cap * 2 : 64;

            out = arena_realloc(a, out, sizeof(*out) * (size_t)cap,
                                sizeof(*out) * (size_t)ncap);
            cols = arena_realloc(a, cols, sizeof(*cols) * (size_t)cap,
                                 sizeof(*cols) * (size_t)ncap);
            cap = ncap;
        }
        out[n] = arena_alloc(a, sizeof(char *) * (size_t)rb.n);
        memcpy(out[n], rb.fields, sizeof(char *) * (size_t)rb.n);
        cols[n] = rb.n;
        n++;
        rb.n = 0;
    }
    *rows = out;
    *ncols = cols;
    rc = n;
done:
    buf_free(&field);
    free(rb.fields);
    return rc;
}
