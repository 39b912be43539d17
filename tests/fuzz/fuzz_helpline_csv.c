/*
** libFuzzer target of the contact CSV reader (issue 21): any bytes are
** decoded as rodzina helpline import decodes a file (csv_decode) and read
** by helpline_import_read(); a crash, a sanitizer report, a leak, or a
** contact that breaks the reader's promises (codes and bit sets in range,
** a valid date and time, a 2-digit voivodeship, a 7-digit gmina or none,
** minutes 0..600, the note's cap) is a bug. The same bytes are read again
** through a small window (16..271 bytes, from the first byte) in pieces of
** 1..16 bytes, as a file of millions of contacts is: the rows and the
** stop must be those of the whole read, unless a row is longer than the
** window (then the rows before it must be) or the window cuts the first
** line, from which the separator is told (the real window, 4 MB, holds
** all CSV_SNIFF_BYTES the whole read looks at). Built by
** tests/fuzz/run_helpline.sh.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/str.h"
#include "helpline/helpline.h"
#include "helpline/strings_pl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The rows read: each one's line and a hash of its fields, in order. */
struct seen {
    int rows;
    uint64_t hash[4096];
};

static uint64_t
mix(uint64_t h, const char *s)
{
    for (; s != NULL && *s != '\0'; s++) {
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    }
    return (h ^ 0xFF) * 1099511628211u;
}

static uint64_t
row_hash(int line, const struct helpline_contact *c)
{
    uint64_t h = 14695981039346656037u ^ (uint64_t)line;

    h = mix(mix(mix(mix(h, c->region), c->at), c->gmina), c->note);
    h = mix(h, c->created_by);
    return h ^ ((uint64_t)c->channel << 8 ^ (uint64_t)c->caller << 12 ^
                (uint64_t)c->forms << 16 ^ (uint64_t)c->harmed << 24 ^
                (uint64_t)c->help << 32 ^ (uint64_t)c->referrals << 40 ^
                (uint64_t)c->minutes << 48);
}

static int
row(void *ctx, int line, const struct helpline_contact *c,
    struct helpline_import_error *err)
{
    char day[11];
    struct seen *seen = ctx;

    (void)err;
    if (line < 2 || c->channel < 1 || c->channel > HELPLINE_CHANNELS ||
        c->caller < 1 || c->caller > HELPLINE_CALLERS ||
        c->forms >= 1u << HELPLINE_FORMS ||
        c->harmed >= 1u << HELPLINE_HARMED || c->help >= 1u << HELPLINE_HELP ||
        c->referrals >= 1u << HELPLINE_REFERRALS || c->minutes < 0 ||
        c->minutes > 600 || !str_digits(c->region, 2) ||
        (c->gmina != NULL && !str_digits(c->gmina, 7)) || strlen(c->at) != 16 ||
        c->at[10] != 'T' ||
        (c->note != NULL && strlen(c->note) > HELPLINE_NOTE_MAX)) {
        abort();
    }
    memcpy(day, c->at, 10);
    day[10] = '\0';
    if (!str_date_valid(day)) {
        abort();
    }
    if (seen->rows < 4096) {
        seen->hash[seen->rows] = row_hash(line, c);
    }
    seen->rows++;
    return 0;
}

/* The text in pieces of 1..16 bytes. */
struct pieces {
    const char *p;
    size_t left;
    unsigned step;
};

static long
piece(void *src, char *buf, size_t cap)
{
    struct pieces *t = src;
    size_t n = 1 + t->step++ % 16;

    n = n < cap ? n : cap;
    n = n < t->left ? n : t->left;
    memcpy(buf, t->p, n);
    t->p += n;
    t->left -= n;
    return (long)n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct seen whole, small;
    struct helpline_import_error err, err2;
    struct arena a;
    const char *text;
    size_t len;
    bool cp1250;
    int rc, rc2, i;

    arena_init(&a);
    if (csv_decode(&a, (const char *)data, size, &text, &len, &cp1250) == 0) {
        struct pieces t = {text, len, 0};
        size_t win = 16 + (size > 0 ? data[0] : 0u);
        const char *nl = memchr(text, '\n', len);
        bool same_sniff =
            len <= win || (nl != NULL && (size_t)(nl - text) < win);

        whole.rows = small.rows = 0;
        rc = helpline_import_read(text, len, row, &whole, &err);
        if ((rc >= 0 && rc != whole.rows) ||
            (rc < 0 && (rc != ERR_INPUT || err.why == NULL))) {
            abort();
        }
        rc2 = helpline_import_stream(piece, &t, false, win, row, &small, &err2);
        if (!same_sniff) {
            /* the separator comes from a first line the window cuts */
        } else if (rc2 < 0 && strcmp(err2.why, T_HL_IMP_ROW_LONG) == 0) {
            if (small.rows > whole.rows) {
                abort();
            }
        } else if (rc2 != rc || small.rows != whole.rows ||
                   (rc < 0 &&
                    (err.line != err2.line || strcmp(err.why, err2.why) ||
                     err.column != err2.column))) {
            abort();
        }
        for (i = 0; i < small.rows && i < 4096; i++) {
            if (small.hash[i] != whole.hash[i]) {
                abort();
            }
        }
    }
    arena_free(&a);
    return 0;
}
