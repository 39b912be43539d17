/*
** The reader of the contact CSV (issue 21): the rows of the CSV the contact
** export writes (its columns by their header names, in any order; labels
** or codes of the channels, callers and bit sets; ';' or ',' as core/csv.h
** reads them) as contacts, each cell's form checked, a message naming the
** line and column of the first bad one. No store: helpline_import.c checks
** the rows against the register and stores them. Linear in the text;
** HELPLINE_IMPORT_MAX_BYTES caps it. The directory's institutions
** (skierowania_katalog) and the export's own columns (nr, the gmina's and
** powiat's names) are not read: the register gives them.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/str.h"
#include "helpline.h"
#include "helpline/strings_pl.h"

const char *const helpline_csv_columns[HELPLINE_CSV_COLUMNS] = {
    "nr",
    "wojewodztwo",
    "data_godzina",
    "kanal",
    "kto_sie_zglasza",
    "gmina_teryt",
    "gmina",
    "powiat",
    "formy_przemocy",
    "kogo_dotyczy",
    "udzielona_pomoc",
    "skierowania",
    "skierowania_katalog",
    "minuty",
    "zapisal",
    "notatka",
};

#define BY_MAX 200 /* bytes of zapisal */

int
helpline_import_fail(struct helpline_import_error *err, int line, int col,
                     const char *why)
{
    err->line = line;
    err->column = col >= 0 ? helpline_csv_columns[col] : NULL;
    err->why = why;
    return ERR_INPUT;
}

/* The code (1..n) whose label or code list entry is s, else 0. */
static int
code_of(const char *s, const char *const *labels, const char *const *codes,
        int n)
{
    int i;

    for (i = 1; i <= n; i++) {
        if (strcmp(s, labels[i]) == 0 ||
            (codes != NULL && strcmp(s, codes[i]) == 0)) {
            return i;
        }
    }
    return 0;
}

/* A bit set from "label; label" (empty: none): 0, or -1 for an unknown
 * part. */
static long
bits_of(char *s, const char *const *labels, const char *const *codes, int n)
{
    long v = 0;
    char *part = s;

    while (part != NULL && *part != '\0') {
        char *next = strchr(part, ';'), *end;
        int k;

        if (next != NULL) {
            *next++ = '\0';
        }
        while (*part == ' ') {
            part++;
        }
        end = part + strlen(part);
        while (end > part && end[-1] == ' ') {
            *--end = '\0';
        }
        if (*part != '\0') {
            if ((k = code_of(part, labels, codes, n)) == 0) {
                return -1;
            }
            v |= 1L << (k - 1);
        }
        part = next;
    }
    return v;
}

/* YYYY-MM-DDTHH:MM (or a space for the T, as a spreadsheet may write it)
 * into out (17 bytes): true when it is a valid date and time. */
static bool
at_of(const char *s, char out[17])
{
    char day[11];

    if (strlen(s) != 16 || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' ||
        s[11] < '0' || s[11] > '2' || s[12] < '0' || s[12] > '9' ||
        s[14] < '0' || s[14] > '5' || s[15] < '0' || s[15] > '9' ||
        (s[11] - '0') * 10 + (s[12] - '0') > 23) {
        return false;
    }
    memcpy(day, s, 10);
    day[10] = '\0';
    if (!str_date_valid(day)) {
        return false;
    }
    memcpy(out, s, 16);
    out[10] = 'T';
    out[16] = '\0';
    return true;
}

/* s without its leading and trailing spaces (in place). */
static char *
trim(char *s)
{
    char *end;

    while (*s == ' ' || *s == '\t') {
        s++;
    }
    end = s + strlen(s);
    while (end > s && (end[-1] == ' ' || end[-1] == '\t')) {
        *--end = '\0';
    }
    return s;
}

/* The header: *where[k] is the cell of column k, or -1. */
static int
header(struct csv_in *in, int where[HELPLINE_CSV_COLUMNS],
       struct helpline_import_error *err)
{
    const char *s;
    size_t n;
    int step, cell = 0, k;

    for (k = 0; k < HELPLINE_CSV_COLUMNS; k++) {
        where[k] = -1;
    }
    do {
        step = csv_read_cell(in, &s, &n);
        if (step == CSV_END) {
            return helpline_import_fail(err, 1, -1, T_HL_IMP_EMPTY);
        }
        for (k = 0; k < HELPLINE_CSV_COLUMNS; k++) {
            if (strlen(helpline_csv_columns[k]) == n &&
                memcmp(helpline_csv_columns[k], s, n) == 0) {
                break;
            }
        }
        if (k == HELPLINE_CSV_COLUMNS || where[k] >= 0) {
            return helpline_import_fail(err, in->cell_line, -1,
                                        k == HELPLINE_CSV_COLUMNS
                                            ? T_HL_IMP_COLUMN
                                            : T_HL_IMP_COLUMN_TWICE);
        }
        where[k] = cell++;
    } while (step == CSV_CELL);
    if (where[HL_COL_WOJ] < 0 || where[HL_COL_AT] < 0 ||
        where[HL_COL_CHANNEL] < 0 || where[HL_COL_CALLER] < 0) {
        return helpline_import_fail(err, 1, -1, T_HL_IMP_REQUIRED);
    }
    return cell;
}

/* One row's cells (text of column k or "") into c: 0 or ERR_INPUT. */
static int
row_of(char **v, int line, struct helpline_contact *c, char at[17],
       struct helpline_import_error *err)
{
    long x;

    memset(c, 0, sizeof(*c));
    if (!str_digits(v[HL_COL_WOJ], 2)) {
        return helpline_import_fail(err, line, HL_COL_WOJ, T_HL_ERR_REGION);
    }
    c->region = v[HL_COL_WOJ];
    if (!at_of(v[HL_COL_AT], at)) {
        return helpline_import_fail(err, line, HL_COL_AT, T_HL_ERR_AT);
    }
    c->at = at;
    if ((c->channel = code_of(v[HL_COL_CHANNEL], helpline_channel_label,
                              helpline_channel_code, HELPLINE_CHANNELS)) == 0) {
        return helpline_import_fail(err, line, HL_COL_CHANNEL,
                                    T_HL_ERR_CHANNEL);
    }
    if ((c->caller = code_of(v[HL_COL_CALLER], helpline_caller_label,
                             helpline_caller_code, HELPLINE_CALLERS)) == 0) {
        return helpline_import_fail(err, line, HL_COL_CALLER, T_HL_ERR_CALLER);
    }
    if (v[HL_COL_GMINA][0] != '\0') {
        if (!str_digits(v[HL_COL_GMINA], 7)) {
            return helpline_import_fail(err, line, HL_COL_GMINA,
                                        T_HL_ERR_GMINA);
        }
        c->gmina = v[HL_COL_GMINA];
    }
    if ((x = bits_of(v[HL_COL_FORMS], helpline_form_label, helpline_form_code,
                     HELPLINE_FORMS)) < 0) {
        return helpline_import_fail(err, line, HL_COL_FORMS, T_HL_IMP_LABEL);
    }
    c->forms = (unsigned)x;
    if ((x = bits_of(v[HL_COL_HARMED], helpline_harmed_label,
                     helpline_harmed_code, HELPLINE_HARMED)) < 0) {
        return helpline_import_fail(err, line, HL_COL_HARMED, T_HL_IMP_LABEL);
    }
    c->harmed = (unsigned)x;
    if ((x = bits_of(v[HL_COL_HELP], helpline_help_label, NULL,
                     HELPLINE_HELP)) < 0) {
        return helpline_import_fail(err, line, HL_COL_HELP, T_HL_IMP_LABEL);
    }
    c->help = (unsigned)x;
    if ((x = bits_of(v[HL_COL_REFERRALS], helpline_referral_label,
                     helpline_referral_code, HELPLINE_REFERRALS)) < 0) {
        return helpline_import_fail(err, line, HL_COL_REFERRALS,
                                    T_HL_IMP_LABEL);
    }
    c->referrals = (unsigned)x;
    if (v[HL_COL_MINUTES][0] != '\0') {
        size_t n = strlen(v[HL_COL_MINUTES]);

        if (n > 3 || !str_digits(v[HL_COL_MINUTES], n) ||
            (x = atol(v[HL_COL_MINUTES])) < 1 || x > 600) {
            return helpline_import_fail(err, line, HL_COL_MINUTES,
                                        T_HL_ERR_MINUTES);
        }
        c->minutes = (int)x;
    }
    if (strlen(v[HL_COL_BY]) > BY_MAX) {
        return helpline_import_fail(err, line, HL_COL_BY, T_HL_IMP_BY);
    }
    c->created_by = v[HL_COL_BY][0] ? v[HL_COL_BY] : NULL;
    if (strlen(v[HL_COL_NOTE]) > HELPLINE_NOTE_MAX) {
        return helpline_import_fail(err, line, HL_COL_NOTE, T_HL_ERR_NOTE);
    }
    c->note = v[HL_COL_NOTE][0] ? v[HL_COL_NOTE] : NULL;
    return 0;
}

/* The text a reader holds at a time: pieces of the source, the rows not
 * read yet moved to the front before each read. */
struct window {
    helpline_source_fn *more;
    void *src;
    bool cp1250, eof, started;
    char *w;      /* size + 1 bytes: UTF-8 text */
    size_t size;  /* the most text it holds */
    size_t start; /* w[start..used): text not read yet */
    size_t used;
    char *raw;      /* Windows-1250 bytes before conversion */
    uint64_t total; /* bytes of the source read */
};

/*
** Move the text not read yet to the front and fill the rest of the window
** from the source, until it is full or the source ends: 0, ERR_IO, or
** ERR_INPUT (err: NUL bytes, an undefined Windows-1250 byte, over the cap).
*/
static int
refill(struct window *v, struct helpline_import_error *err)
{
    memmove(v->w, v->w + v->start, v->used - v->start);
    v->used -= v->start;
    v->start = 0;
    while (!v->eof && v->used < v->size) {
        /* A Windows-1250 byte is at most three of UTF-8. */
        size_t room = v->cp1250 ? (v->size - v->used) / 3 : v->size - v->used;
        char *into = v->cp1250 ? v->raw : v->w + v->used;
        long got;

        if (room == 0) {
            break;
        }
        if ((got = v->more(v->src, into, room)) < 0) {
            return ERR_IO;
        }
        v->eof = got == 0;
        v->total += (uint64_t)got;
        if (v->total > HELPLINE_IMPORT_MAX_BYTES) {
            return helpline_import_fail(err, 0, -1, T_HL_IMP_TOO_BIG);
        }
        if (memchr(into, '\0', (size_t)got) != NULL) {
            return helpline_import_fail(err, 0, -1, T_HL_IMP_UTF8);
        }
        if (v->cp1250 && got > 0) {
            struct arena a;
            size_t n;
            char *t;

            arena_init(&a);
            t = str_cp1250_to_utf8(&a, v->raw, (size_t)got, &n);
            if (t != NULL) {
                memcpy(v->w + v->used, t, n);
                v->used += n;
            }
            arena_free(&a);
            if (t == NULL) {
                return helpline_import_fail(err, 0, -1, T_HL_IMP_UTF8);
            }
        } else {
            v->used += (size_t)got;
        }
        if (!v->started && v->used >= 3) {
            /* A UTF-8 byte-order mark is no text. */
            v->start = v->cp1250 ? 0 : csv_bom_len(v->w, v->used);
            v->started = true;
        }
    }
    if (!v->started) {
        v->start = v->cp1250 ? 0 : csv_bom_len(v->w, v->used);
        v->started = true;
    }
    v->w[v->used] = '\0';
    return 0;
}

/*
** One row's cells into row (offsets off[k] of column k, 0 for "" when the
** header has none): *cells read, the last cell's length *n and step. A
** quote left open stops the row with *open set to its line.
*/
static int
read_row(struct csv_in *in, const int where[HELPLINE_CSV_COLUMNS],
         struct buf *row, size_t off[HELPLINE_CSV_COLUMNS], int *cells,
         size_t *n, int *open)
{
    int step, k;

    buf_reset(row);
    buf_putc(row, '\0'); /* offset 0: the empty text */
    for (k = 0; k < HELPLINE_CSV_COLUMNS; k++) {
        off[k] = 0;
    }
    *cells = 0;
    *n = 0;
    *open = 0;
    do {
        const char *s;

        step = csv_read_cell(in, &s, n);
        if (step == CSV_END) {
            break;
        }
        if (in->unclosed) {
            *open = in->cell_line;
            break;
        }
        for (k = 0; where != NULL && k < HELPLINE_CSV_COLUMNS; k++) {
            if (where[k] == *cells) {
                off[k] = row->len;
                buf_append(row, s, *n);
                buf_putc(row, '\0');
                break;
            }
        }
        ++*cells;
    } while (step == CSV_CELL);
    return step;
}

int
helpline_import_stream(helpline_source_fn *more, void *src, bool cp1250,
                       size_t window, helpline_import_fn fn, void *ctx,
                       struct helpline_import_error *err)
{
    struct window v = {.more = more, .src = src, .cp1250 = cp1250};
    int where[HELPLINE_CSV_COLUMNS], ncells = -1, rows = 0, rc, line = 1;
    size_t off[HELPLINE_CSV_COLUMNS];
    struct csv_in in;
    struct buf row;
    char sep;

    memset(err, 0, sizeof(*err));
    v.size = window;
    v.w = xmalloc(window + 1);
    v.raw = cp1250 ? xmalloc(window / 3 + 1) : NULL;
    buf_init(&row);
    csv_read_begin(&in, "", 0, ';');
    if ((rc = refill(&v, err)) != 0) {
        goto done;
    }
    sep = csv_sniff_sep(v.w + v.start, v.used - v.start);
    for (;;) {
        bool more_text = false;

        csv_read_end(&in);
        csv_read_begin(&in, v.w + v.start, v.used - v.start, sep);
        in.line = line;
        for (;;) {
            const char *p0 = in.p;
            int line0 = in.line + (in.row_ended ? 1 : 0), cells, open, k;
            int step;
            size_t n;
            char *val[HELPLINE_CSV_COLUMNS], at[17];
            struct helpline_contact c;

            if (line0 > HELPLINE_IMPORT_MAX_LINES) {
                rc = helpline_import_fail(err, line0, -1, T_HL_IMP_LINES);
                goto done;
            }
            if (in.p >= in.end && !v.eof) {
                v.start = (size_t)(p0 - v.w);
                line = line0;
                more_text = true;
                break;
            }
            step = read_row(&in, ncells < 0 ? NULL : where, &row, off, &cells,
                            &n, &open);
            if (in.p >= in.end && !v.eof) {
                /* The row may go on in the text not read yet. */
                if (p0 == v.w) {
                    rc =
                        helpline_import_fail(err, line0, -1, T_HL_IMP_ROW_LONG);
                    goto done;
                }
                v.start = (size_t)(p0 - v.w);
                line = line0;
                more_text = true;
                break;
            }
            if (open > 0) {
                rc = helpline_import_fail(err, open, -1, T_HL_IMP_QUOTE);
                goto done;
            }
            if (ncells < 0) {
                /* The header, read again as names. */
                struct csv_in h;

                csv_read_begin(&h, p0, (size_t)(in.p - p0), sep);
                h.line = line0;
                ncells = header(&h, where, err);
                csv_read_end(&h);
                if (ncells < 0) {
                    rc = ncells;
                    goto done;
                }
                if (step == CSV_END || in.p >= in.end) {
                    break;
                }
                continue;
            }
            if (step == CSV_END && cells == 0) {
                break;
            }
            if (cells == 1 && n == 0) {
                if (step == CSV_END || in.p >= in.end) {
                    break;
                }
                continue; /* a blank line */
            }
            if (cells != ncells) {
                rc = helpline_import_fail(err, line0, -1, T_HL_IMP_CELLS);
                goto done;
            }
            for (k = 0; k < HELPLINE_CSV_COLUMNS; k++) {
                val[k] = csv_unguard(trim(row.data + off[k]));
            }
            if ((rc = row_of(val, line0, &c, at, err)) != 0 ||
                (rc = fn(ctx, line0, &c, err)) != 0) {
                goto done;
            }
            rows++;
            if (step == CSV_END || in.p >= in.end) {
                break;
            }
        }
        if (!more_text) {
            break;
        }
        if ((rc = refill(&v, err)) != 0) {
            goto done;
        }
    }
    if (ncells < 0) {
        rc = helpline_import_fail(err, 1, -1, T_HL_IMP_EMPTY);
    }
done:
    csv_read_end(&in);
    buf_free(&row);
    free(v.w);
    free(v.raw);
    return rc != 0 ? rc : rows;
}

/* A text in memory as a source. */
struct text_source {
    const char *p;
    size_t left;
};

static long
text_more(void *src, char *buf, size_t cap)
{
    struct text_source *t = src;
    size_t n = t->left < cap ? t->left : cap;

    memcpy(buf, t->p, n);
    t->p += n;
    t->left -= n;
    return (long)n;
}

int
helpline_import_read(const char *text, size_t len, helpline_import_fn fn,
                     void *ctx, struct helpline_import_error *err)
{
    struct text_source t = {text, len};

    if (len > HELPLINE_IMPORT_MAX_BYTES) {
        memset(err, 0, sizeof(*err));
        return helpline_import_fail(err, 0, -1, T_HL_IMP_TOO_BIG);
    }
    return helpline_import_stream(text_more, &t, false, HELPLINE_IMPORT_WINDOW,
                                  fn, ctx, err);
}
