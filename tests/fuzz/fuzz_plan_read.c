/*
** libFuzzer target of the plan reader (issue 3): any bytes go through
** plan_read() (format and encoding detection, XLSX unzip and XML, the
** table reader), plan_check() once more as a form would call it after an
** edit, and plan_json_write(). A crash, a sanitizer report, a leak or a
** JSON that is not closed is a bug. The same bytes then go through the
** CSV decoder every other CSV reader uses (issue 20: UTF-8 or
** Windows-1250, ';' or ','), whose text must be UTF-8, and the CSV
** tokenizer over all of it. Built by tests/fuzz/run.sh.
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

#define FUZZ_MAX_BYTES ((size_t)1024 * 1024)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
    arena_free(&a);
    return 0;
}
