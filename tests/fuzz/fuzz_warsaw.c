/*
** libFuzzer target of warsaw_local (core/warsaw.c, issue 19), the reading of
** a stored UTC time ("2026-12-03T13:05:09Z") as Warsaw's local time. Any
** input is either returned as it is (not such a time) or read as one: then
** the answer is "DD.MM.YYYY HH:MM", its fields are a real date and time, and
** it is the input's minute moved on by one hour (winter) or two (summer,
** March to October only), as libc's timegm counts. A crash, a sanitizer
** report, a leak or any other answer is a bug. The work is one pass over
** the input (strlen) and constant after it. Built by
** tests/fuzz/run_warsaw.sh.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/warsaw.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The unix time of the first n characters of s read by format (libc's
 * strptime and timegm); abort() unless exactly those n are such a time. */
static int64_t
read_as(const char *s, size_t n, const char *format)
{
    struct tm tm = {0};
    const char *end = strptime(s, format, &tm);

    if (end == NULL || (size_t)(end - s) != n) {
        abort();
    }
    return (int64_t)timegm(&tm);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct arena a;
    char *in = malloc(size + 1);
    const char *out;
    int64_t shift;
    int mo;

    memcpy(in, data, size);
    in[size] = '\0';
    arena_init(&a);
    out = warsaw_local(&a, in);
    if (out != in) {
        /* an answer of 16 characters (17 past the year 9999), read back */
        if (strlen(out) != 16 && strlen(out) != 17) {
            abort();
        }
        shift = read_as(out, strlen(out), "%d.%m.%Y %H:%M") -
                read_as(in, 16, "%Y-%m-%dT%H:%M");
        mo = (in[5] - '0') * 10 + (in[6] - '0');
        if (shift != 3600 && (shift != 7200 || mo < 3 || mo > 10)) {
            abort();
        }
    }
    arena_free(&a);
    free(in);
    return 0;
}
