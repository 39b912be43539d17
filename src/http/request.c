/* Request accessors and response helpers for handlers; see http.h. */
#include "http.h"

#include <microhttpd.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "core/err.h"

const char *
req_arg(struct req *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *
req_header(struct req *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *
req_param(struct req *r, int i)
{
    return i >= 0 && i < r->nparams ? r->params[i] : NULL;
}

int
req_error(struct req *r, int status, const char *message)
{
    r->status = status;
    r->error_message = message;
    switch (status) {
    case 400:
        return ERR_INPUT;
    case 403:
        return ERR_DENIED;
    case 404:
        return ERR_NOTFOUND;
    default:
        return ERR_IO;
    }
}

int
req_int_or_reply(struct req *r, const char *name, long min, long max, long *out)
{
    const char *s = req_arg(r, name);
    char *end;
    long v;

    if (s == NULL || *s == '\0') {
        return req_error(r, 400,
                         arena_printf(&r->arena, "Brak parametru „%s”.", name));
    }
    v = strtol(s, &end, 10);
    if (*end != '\0' || v < min || v > max) {
        return req_error(r, 400,
                         arena_printf(&r->arena,
                                      "Parametr „%s” musi być liczbą od %ld "
                                      "do %ld.",
                                      name, min, max));
    }
    *out = v;
    return 0;
}

void
req_add_header(struct req *r, const char *name, const char *value)
{
    if (r->nheaders < REQ_MAX_HEADERS) {
        r->header_names[r->nheaders] = name;
        r->header_values[r->nheaders] = value;
        r->nheaders++;
    }
}

void
req_json_begin(struct req *r)
{
    r->status = 200;
    r->content_type = "application/json; charset=utf-8";
}

/* --- forms ------------------------------------------------------------ */

struct req_field {
    struct req_field *next;
    const char *name;
    const char *filename; /* NULL for a plain field */
    struct buf value;     /* heap while parsing; copied to the arena */
};

static enum MHD_Result
on_field(void *cls, enum MHD_ValueKind kind, const char *key,
         const char *filename, const char *content_type,
         const char *transfer_encoding, const char *data, uint64_t off,
         size_t size)
{
    struct req *r = cls;
    struct req_field *f = r->fields;

    (void)kind, (void)content_type, (void)transfer_encoding;
    /* Continuation of the field being read, or a new one. */
    if (f == NULL || off == 0 || strcmp(f->name, key) != 0) {
        f = arena_alloc(&r->arena, sizeof(*f));
        f->name = arena_strdup(&r->arena, key);
        f->filename = filename ? arena_strdup(&r->arena, filename) : NULL;
        buf_init(&f->value);
        f->next = r->fields;
        r->fields = f;
    }
    buf_append(&f->value, data, size);
    return MHD_YES;
}

static void
parse_fields(struct req *r)
{
    struct MHD_PostProcessor *pp;
    struct req_field *f;

    if (r->fields_parsed) {
        return;
    }
    r->fields_parsed = true;
    if (r->body.len == 0) {
        return;
    }
    pp = MHD_create_post_processor(r->conn, 64 * 1024, on_field, r);
    if (pp == NULL) {
        return; /* not a form content type */
    }
    MHD_post_process(pp, r->body.data, r->body.len);
    MHD_destroy_post_processor(pp);
    /* Move values into the arena so nothing is left to free. */
    for (f = r->fields; f != NULL; f = f->next) {
        size_t len = f->value.len;
        char *v = arena_alloc(&r->arena, len + 1);

        if (len > 0) {
            memcpy(v, f->value.data, len);
        }
        buf_free(&f->value);
        f->value.data = v;
        f->value.len = len;
    }
}

/* The first field called name (the list is newest first: find the last). */
static struct req_field *
find_field(struct req *r, const char *name)
{
    struct req_field *f, *found = NULL;

    parse_fields(r);
    for (f = r->fields; f != NULL; f = f->next) {
        if (strcmp(f->name, name) == 0) {
            found = f;
        }
    }
    return found;
}

const char *
req_form(struct req *r, const char *name)
{
    struct req_field *f = find_field(r, name);

    return f != NULL && f->filename == NULL ? f->value.data : NULL;
}

int
req_upload(struct req *r, const char *name, const char **data, size_t *len,
           const char **filename)
{
    struct req_field *f = find_field(r, name);

    if (f == NULL || f->filename == NULL) {
        return ERR_NOTFOUND;
    }
    *data = f->value.data;
    *len = f->value.len;
    *filename = f->filename;
    return 0;
}

const char *
req_cookie(struct req *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

int
req_redirect(struct req *r, const char *location)
{
    r->status = 303;
    req_add_header(r, "Location", location);
    return 0;
}
