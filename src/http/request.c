/* Request accessors and response helpers for handlers; see http.h. */
#include "http.h"

#include <microhttpd.h>
#include <stdlib.h>
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
req_int_or_reply(struct req *r, const char *name, long min, long max,
                 long *out)
{
    const char *s = req_arg(r, name);
    char *end;
    long v;

    if (s == NULL || *s == '\0') {
        return req_error(r, 400, arena_printf(&r->arena,
                                              "Brak parametru „%s”.", name));
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
