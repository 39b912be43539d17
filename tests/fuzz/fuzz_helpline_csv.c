/*
** libFuzzer target of the contact CSV reader (issue 21): any bytes are
** decoded as rodzina helpline import decodes a file (csv_decode) and read
** by helpline_import_read(); a crash, a sanitizer report, a leak, or a
** contact that breaks the reader's promises (codes and bit sets in range,
** a valid date and time, a 2-digit voivodeship, a 7-digit gmina or none,
** minutes 0..600, the note's cap) is a bug. Built by
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
row(void *ctx, int line, const struct helpline_contact *c,
    struct helpline_import_error *err)
{
    char day[11];
    int *rows = ctx;

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
    ++*rows;
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct helpline_import_error err;
    struct arena a;
    const char *text;
    size_t len;
    bool cp1250;
    int rows = 0, rc;

    arena_init(&a);
    if (csv_decode(&a, (const char *)data, size, &text, &len, &cp1250) == 0) {
        rc = helpline_import_read(text, len, row, &rows, &err);
        if ((rc >= 0 && rc != rows) ||
            (rc < 0 && (rc != ERR_INPUT || err.why == NULL))) {
            abort();
        }
    }
    arena_free(&a);
    return 0;
}
