/*
** libFuzzer target of the plan reader (issue 3): any bytes go through
** plan_read() (format and encoding detection, XLSX unzip and XML, the
** table reader), plan_check() once more as a form would call it after an
** edit, and plan_json_write(). A crash, a sanitizer report, a leak or a
** JSON that is not closed is a bug. Built by tests/fuzz/run.sh.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/json.h"
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
    arena_free(&a);
    return 0;
}
