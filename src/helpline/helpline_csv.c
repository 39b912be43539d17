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

int
helpline_import_read(const char *text, size_t len, helpline_import_fn fn,
                     void *ctx, struct helpline_import_error *err)
{
    int where[HELPLINE_CSV_COLUMNS], ncells, rows = 0, rc = 0, k;
    struct csv_in in;
    struct buf row;
    size_t off[HELPLINE_CSV_COLUMNS];

    memset(err, 0, sizeof(*err));
    if (len > HELPLINE_IMPORT_MAX_BYTES) {
        return helpline_import_fail(err, 0, -1, T_HL_IMP_TOO_BIG);
    }
    csv_read_begin(&in, text, len, csv_sniff_sep(text, len));
    buf_init(&row);
    if ((ncells = header(&in, where, err)) < 0) {
        rc = ncells;
        goto done;
    }
    for (;;) {
        const char *s;
        size_t n = 0;
        int step, cell = 0, line = 0;
        char *v[HELPLINE_CSV_COLUMNS], at[17];
        struct helpline_contact c;

        buf_reset(&row);
        buf_putc(&row, '\0'); /* offset 0: the empty text */
        for (k = 0; k < HELPLINE_CSV_COLUMNS; k++) {
            off[k] = 0;
        }
        do {
            step = csv_read_cell(&in, &s, &n);
            if (step == CSV_END) {
                break;
            }
            if (cell == 0) {
                line = in.cell_line;
            }
            if (in.unclosed) {
                rc =
                    helpline_import_fail(err, in.cell_line, -1, T_HL_IMP_QUOTE);
                goto done;
            }
            for (k = 0; k < HELPLINE_CSV_COLUMNS; k++) {
                if (where[k] == cell) {
                    off[k] = row.len;
                    buf_append(&row, s, n);
                    buf_putc(&row, '\0');
                    break;
                }
            }
            cell++;
        } while (step == CSV_CELL);
        if (step == CSV_END && cell == 0) {
            break;
        }
        if (cell == 1 && n == 0) {
            if (step == CSV_END) {
                break;
            }
            continue; /* a blank line */
        }
        if (cell != ncells) {
            rc = helpline_import_fail(err, line, -1, T_HL_IMP_CELLS);
            goto done;
        }
        for (k = 0; k < HELPLINE_CSV_COLUMNS; k++) {
            v[k] = csv_unguard(trim(row.data + off[k]));
        }
        if ((rc = row_of(v, line, &c, at, err)) != 0 ||
            (rc = fn(ctx, line, &c, err)) != 0) {
            goto done;
        }
        rows++;
        if (step == CSV_END) {
            break;
        }
    }
done:
    csv_read_end(&in);
    buf_free(&row);
    return rc != 0 ? rc : rows;
}
