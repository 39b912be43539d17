/*
** CSV reading for the directory's import (writing is core/csv.c): RFC 4180
** quoting, ',' or ';' (the header line decides), UTF-8 only. Rows and
** fields live in the caller's arena. Also the findings list shared by
** forms and imports.
*/
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/str.h"
#include "directory.h"

void
dir_findings_add(struct arena *a, struct dir_findings *f, int row,
                 const char *column, const char *message)
{
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

struct row_builder {
    char **fields;
    int n, cap;
};

static void
push_field(struct arena *a, struct row_builder *rb, const char *s, size_t n)
{
    if (rb->n == rb->cap) {
        int cap = rb->cap ? rb->cap * 2 : 32;

        rb->fields =
            arena_realloc(a, rb->fields, sizeof(char *) * (size_t)rb->cap,
                          sizeof(char *) * (size_t)cap);
        rb->cap = cap;
    }
    rb->fields[rb->n++] = arena_strndup(a, s, n);
}

int
dir_csv_parse(struct arena *a, const char *data, size_t len, char ****rows,
              int **ncols, const char **why)
{
    const char *p = data, *end = data + len;
    struct row_builder rb = {0};
    struct buf field;
    char ***out = NULL;
    int *cols = NULL, n = 0, cap = 0, line = 1;
    char delim;

    *why = NULL;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        p += 3;
    }
    if (!str_utf8_valid(p, (size_t)(end - p))) {
        *why = "Plik nie jest zapisany w UTF-8 (zapisz go jako „CSV UTF-8”).";
        return ERR_INPUT;
    }
    delim = delimiter(p, end);
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
                    *why = arena_printf(a,
                                        "Wiersz %d: cudzysłów bez "
                                        "zamknięcia.",
                                        start_line);
                    buf_free(&field);
                    return ERR_INPUT;
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
        while (p < end && *p != delim && *p != '\n' && *p != '\r') {
            if (quoted) {
                *why = arena_printf(a,
                                    "Wiersz %d: znaki po zamykającym "
                                    "cudzysłowie.",
                                    line);
                buf_free(&field);
                return ERR_INPUT;
            }
            buf_putc(&field, *p++);
        }
        push_field(a, &rb, field.data ? field.data : "", field.len);
        if (p < end && *p == delim) {
            p++;
            if (p < end) {
                continue;
            }
            push_field(a, &rb, "", 0);
        }
        /* End of a record. */
        if (p < end && *p == '\r') {
            p++;
        }
        if (p < end && *p == '\n') {
            p++;
        }
        line++;
        if (n == cap) {
            int ncap = cap ? cap * 2 : 64;

            out = arena_realloc(a, out, sizeof(*out) * (size_t)cap,
                                sizeof(*out) * (size_t)ncap);
            cols = arena_realloc(a, cols, sizeof(*cols) * (size_t)cap,
                                 sizeof(*cols) * (size_t)ncap);
            cap = ncap;
        }
        out[n] = rb.fields;
        cols[n] = rb.n;
        n++;
        rb.fields = NULL;
        rb.n = rb.cap = 0;
    }
    buf_free(&field);
    *rows = out;
    *ncols = cols;
    return n;
}
