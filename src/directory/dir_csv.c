/*
** CSV reading for the directory's import (cells from core/csv.c's reader):
** ',' or ';' (the header line decides), UTF-8 only, a stray or unclosed
** quote refused. Rows and
** fields live in the caller's arena. Also the findings list shared by
** forms and imports.
*/
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/csv.h"
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
    const char *p = data, *end = data + len, *s;
    struct row_builder rb = {0};
    struct field_store fs = {NULL, 0, 0};
    struct csv_in in;
    char ***out = NULL;
    int *cols = NULL, n = 0, cap = 0, rc = 0, step;
    bool cp1250;
    size_t k;

    *why = NULL;
    /* UTF-8 or Windows-1250, ';' or ',' (issue 20) */
    if (csv_decode(a, data, len, &p, &k, &cp1250) != 0) {
        *why = T_DIR_CSV_NOT_UTF8;
        return ERR_INPUT;
    }
    end = p + k;
    fs.cap = (size_t)(end - p) + 2;
    fs.text = arena_alloc(a, fs.cap);
    csv_read_begin(&in, p, (size_t)(end - p), csv_sniff_sep(p, k));
    while ((step = csv_read_cell(&in, &s, &k)) != CSV_END) {
        if (in.unclosed) {
            *why = arena_printf(a, T_DIR_CSV_OPEN_QUOTE, in.cell_line);
            rc = ERR_INPUT;
            goto done;
        }
        if (in.stray) {
            *why = arena_printf(a, T_DIR_CSV_AFTER_QUOTE, in.line);
            rc = ERR_INPUT;
            goto done;
        }
        if (rb.n >= DIR_CSV_MAX_FIELDS) {
            *why = arena_printf(a, T_DIR_CSV_TOO_MANY_FIELDS, in.line,
                                DIR_CSV_MAX_FIELDS);
            rc = ERR_INPUT;
            goto done;
        }
        push_field(&rb, keep_field(a, &fs, s, k));
        if (step == CSV_CELL) {
            continue;
        }
        /* End of a record. */
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
    csv_read_end(&in);
    free(rb.fields);
    return rc;
}
