/*
** libFuzzer target of the plan reader (issue 3): any bytes go through
** plan_read() (format and encoding detection, XLSX unzip and XML, the
** table reader), plan_check() once more as a form would call it after an
** edit, and plan_json_write(). A crash, a sanitizer report, a leak or a
** JSON that is not closed is a bug. The same bytes then go through the
** CSV decoder every other CSV reader uses (issue 20: UTF-8 or
** Windows-1250, ';' or ','), whose text must be UTF-8, and the CSV
** tokenizer over all of it. Last, the formula evaluator of the reader
** (issue 16, plan_read_formula.c) gets the bytes as a sheet of its own: a
** line a row, ';' between cells, a cell that starts with '=' a formula
** saved without its value, so sums, arithmetic, references into the rows,
** circles and nesting are reached without a valid workbook around them.
** Built by tests/fuzz/run.sh.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/csv.h"
#include "core/json.h"
#include "core/str.h"
#include "plan/plan.h"
#include "plan/plan_read.h"
#include "plan/plan_xlsx.h"

#define FUZZ_MAX_BYTES ((size_t)1024 * 1024)

#define FUZZ_FORMULA_ROWS 64  /* rows of the formula sheet */
#define FUZZ_FORMULA_CELLS 16 /* cells of one of its rows */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The bytes as a sheet (see above) through rd_formulas(). */
static void
fuzz_formulas(struct arena *a, const char *data, size_t size)
{
    struct plan p = {0};
    struct reader r = {.a = a, .p = &p};
    size_t at = 0;
    int computed, left, first;

    r.rows = arena_alloc(a, FUZZ_FORMULA_ROWS * sizeof(*r.rows));
    while (at < size && r.nrows < FUZZ_FORMULA_ROWS) {
        struct row *w = &r.rows[r.nrows];
        size_t end = at;

        while (end < size && data[end] != '\n') {
            end++;
        }
        w->line = r.nrows + 1;
        w->cell = arena_alloc(a, FUZZ_FORMULA_CELLS * sizeof(*w->cell));
        w->flags = arena_alloc(a, FUZZ_FORMULA_CELLS);
        while (w->n < FUZZ_FORMULA_CELLS) {
            size_t e = at;

            while (e < end && data[e] != ';') {
                e++;
            }
            w->cell[w->n] = arena_strndup(a, data + at, e - at);
            w->flags[w->n] = e > at && data[at] == '=' ? PLAN_CELL_FORMULA : 0;
            w->n++;
            at = e + 1;
            if (e >= end) {
                break;
            }
        }
        at = end + 1;
        r.nrows++;
    }
    rd_formulas(&r, &computed, &left, &first);
    if (computed < 0 || left < 0 || (left > 0) != (first > 0)) {
        abort();
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct arena a;
    struct plan *p = NULL;
    struct buf b;
    struct json j;

    arena_init(&a);
    /* a 1 MB file limit (inputs are at most 128 KB) makes the XLSX
    ** inflation budget 4 MB, so the 512 MB RSS limit of the run catches
    ** any reader whose memory grows faster than its input */
    plan_read(&a, "fuzz", (const char *)data, size, FUZZ_MAX_BYTES, &p);
    if (p == NULL) {
        abort(); /* *out is always set */
    }
    plan_check(&a, p);
    buf_init(&b);
    json_init(&j, &b);
    plan_json_write(&j, p);
    if (b.len == 0 || b.data[0] != '{' || b.data[b.len - 1] != '}' ||
        j.depth != 0) {
        abort();
    }
    buf_free(&b);
    {
        const char *text, *cell;
        size_t tlen, n, cells = 0;
        bool cp1250;
        struct csv_in in;

        if (csv_decode(&a, (const char *)data, size, &text, &tlen, &cp1250) ==
            0) {
            if (!str_utf8_valid(text, tlen)) {
                abort();
            }
            csv_read_begin(&in, text, tlen, csv_sniff_sep(text, tlen));
            while (csv_read_cell(&in, &cell, &n) != CSV_END) {
                if (++cells > tlen + 1) {
                    abort(); /* more cells than bytes: no progress */
                }
            }
            csv_read_end(&in);
        }
    }
    fuzz_formulas(&a, (const char *)data, size);
    arena_free(&a);
    return 0;
}
