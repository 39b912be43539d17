/*
** libFuzzer target of the form parser (issue 11): the input is a
** Content-Type line, a line feed and a body, given to form_parse() and
** form_boundary() as the server gives them a request. A crash, a sanitizer
** report, a leak or a result that breaks form.h's promises (names usable,
** plain values terminated UTF-8 of the stated length, files inside the
** body, at most FORM_MAX_FIELDS) is a bug. Built by tests/fuzz/run_http.sh.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/str.h"
#include "http/form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_field(const struct form_field *f, const char *body, size_t len)
{
    size_t n = strlen(f->name);

    if (n == 0 || n > FORM_MAX_NAME || !str_utf8_valid(f->name, n)) {
        abort();
    }
    if (f->filename == NULL) {
        if (strlen(f->value) != f->len || !str_utf8_valid(f->value, f->len)) {
            abort();
        }
        return;
    }
    if (!str_utf8_valid(f->filename, strlen(f->filename)) || f->value < body ||
        f->len > len || (size_t)(f->value - body) > len - f->len) {
        abort();
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    const char *nl = memchr(in, '\n', size < 512 ? size : 512);
    size_t ctlen = nl != NULL ? (size_t)(nl - in) : 0;
    const char *body = nl != NULL ? nl + 1 : in;
    size_t len = size - (size_t)(body - in);
    struct arena a;
    struct form f;
    char *ct, *copy, *dec;
    const char *b;
    size_t blen, i, dn;
    enum form_status st;

    arena_init(&a);
    ct = arena_strndup(&a, in, ctlen);
    /* The body in its own allocation: ASan sees any read past its end. */
    copy = malloc(len > 0 ? len : 1);
    if (len > 0) {
        memcpy(copy, body, len);
    }
    if (form_boundary(ct, &b, &blen) == 0 &&
        (blen == 0 || blen > FORM_MAX_BOUNDARY || b < ct ||
         b + blen > ct + ctlen)) {
        abort();
    }
    st = form_parse(&a, ct, copy, len, &f);
    if (st != FORM_OK && f.n != 0) {
        abort();
    }
    if (f.n > FORM_MAX_FIELDS) {
        abort();
    }
    for (i = 0; i < f.n; i++) {
        check_field(&f.fields[i], copy, len);
    }
    if (f.n > 0 && form_find(&f, f.fields[0].name) != &f.fields[0]) {
        abort(); /* the first field of a name wins */
    }
    dec = malloc(len > 0 ? len : 1);
    dn = form_url_decode(dec, copy, len);
    if (dn > len) {
        abort();
    }
    free(dec);
    free(copy);
    arena_free(&a);
    return 0;
}
