/*
** libFuzzer target of the error summaries' marking (issue 20): any input
** is taken as a page written so far and form_mark_errors() ties its
** summaries to its fields. A crash, a sanitizer report, a leak, or an
** output that is not the input with things inserted (the input must stay
** a subsequence of the output) is a bug. Built by
** tests/fuzz/run_form_marks.sh.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "html/form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* form.c's form_begin needs it; the target never calls it. */
const char *
req_csrf(struct req *r)
{
    (void)r;
    return "";
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct req r;
    size_t i = 0, k;

    memset(&r, 0, sizeof(r));
    arena_init(&r.arena);
    buf_init(&r.out);
    buf_append(&r.out, data, size);
    form_mark_errors(&r);
    for (k = 0; k < r.out.len && i < size; k++) {
        if (r.out.data[k] == (char)data[i]) {
            i++;
        }
    }
    if (i != size) {
        abort();
    }
    buf_free(&r.out);
    arena_free(&r.arena);
    return 0;
}
