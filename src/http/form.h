/*
** The form parser: a request body of type
** application/x-www-form-urlencoded or multipart/form-data into a list of
** fields. A pure function over (content type, body bytes) with an arena:
** no libmicrohttpd, no request, so it can be fuzzed alone
** (tests/fuzz/fuzz_http_form.c). Every part header and parameter is
** optional: a part without a usable name is skipped, never an error.
** Time and memory are linear in the body: one pass, at most FORM_MAX_FIELDS
** fields, each copied once.
*/
#ifndef HTTP_FORM_H
#define HTTP_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"

#define FORM_MAX_FIELDS 1000 /* fields (or parts) of one body */
#define FORM_MAX_NAME 256    /* bytes of a field name; longer is skipped */
#define FORM_MAX_BOUNDARY 70 /* RFC 2046 */

struct form_field {
    const char *name;     /* NUL-terminated, no NUL inside (arena) */
    const char *filename; /* NULL for a plain field; may be "" */
    const char *value;    /* plain field: NUL-terminated UTF-8 (arena);
                             file: points into the body, not terminated */
    size_t len;           /* bytes of value */
};

enum form_status {
    FORM_OK = 0,
    FORM_NOT_FORM,     /* another content type: no fields, not an error */
    FORM_BAD_UTF8,     /* a plain field or a file name is not UTF-8 */
    FORM_TOO_MANY,     /* more than FORM_MAX_FIELDS fields */
    FORM_BAD_BOUNDARY, /* multipart without a usable boundary */
};

struct form {
    struct form_field *fields; /* in body order (arena) */
    size_t n;
};

/*
** Parse body (len bytes, not necessarily terminated) sent with
** content_type (may be NULL). Fills *out (empty unless FORM_OK) and returns
** a form_status. File values point into body, which must outlive *out.
*/
enum form_status form_parse(struct arena *a, const char *content_type,
                            const char *body, size_t len, struct form *out);

/*
** The multipart boundary of a Content-Type value: 0 with *b (inside ct, not
** terminated) and *blen set, or -1 when there is none of 1..70 bytes.
*/
int form_boundary(const char *ct, const char **b, size_t *blen);

/* The first field called name, or NULL. */
const struct form_field *form_find(const struct form *f, const char *name);

/*
** Decode %XX and '+' of s[0..n) into dst (room for n bytes); returns the
** decoded length. A '%' not followed by two hex digits stays as it is.
*/
size_t form_url_decode(char *dst, const char *s, size_t n);

#endif
