/*
** libFuzzer target of the forum markup (issue 19): any UTF-8 input is
** rendered by markup_render(); a crash, a sanitizer report, a leak, or an
** output that breaks markup.h's promises (no element but its own, every
** opened element closed, no href but http and https) is a bug. Built by
** tests/fuzz/run_markup.sh.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "core/str.h"
#include "zone/markup.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const allowed[] = {
    "p", "br", "ul", "ol", "li", "blockquote", "em", "strong", "a", NULL,
};

/* Every tag in out is an allowed one, opened and closed in order. */
static void
check(const char *out)
{
    char stack[256][12];
    int depth = 0;
    const char *s = out;

    while ((s = strchr(s, '<')) != NULL) {
        bool close = s[1] == '/';
        const char *name = s + (close ? 2 : 1);
        size_t n = strspn(name, "abcdefghijklmnopqrstuvwxyz");
        const char *end = strchr(name, '>');
        int i;

        if (end == NULL || n == 0 || n >= 12) {
            abort();
        }
        for (i = 0; allowed[i] != NULL; i++) {
            if (strlen(allowed[i]) == n && memcmp(allowed[i], name, n) == 0) {
                break;
            }
        }
        if (allowed[i] == NULL) {
            abort();
        }
        if (n == 1 && name[0] == 'a' && !close &&
            strncasecmp(name, "a href=\"http", 12) != 0) {
            abort();
        }
        if (close) {
            if (depth == 0 || strlen(stack[depth - 1]) != n ||
                memcmp(stack[depth - 1], name, n) != 0) {
                abort();
            }
            depth--;
        } else if (!(n == 2 && memcmp(name, "br", 2) == 0)) {
            if (depth == 256) {
                abort();
            }
            memcpy(stack[depth], name, n);
            stack[depth][n] = '\0';
            depth++;
        }
        s = end + 1;
    }
    if (depth != 0) {
        abort();
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text;
    struct buf out;

    if (!str_utf8_valid((const char *)data, size)) {
        return 0; /* the server refuses what is not UTF-8 before this */
    }
    text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    buf_init(&out);
    markup_render(&out, text);
    check(out.data != NULL ? out.data : "");
    if (out.len > 40 * (size + 1) + 64) {
        abort(); /* output linear in the input */
    }
    buf_free(&out);
    free(text);
    return 0;
}
