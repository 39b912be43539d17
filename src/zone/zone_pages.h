/* What the zone's page files share: who acts, where they may look. */
#ifndef ZONE_ZONE_PAGES_H
#define ZONE_ZONE_PAGES_H

#include <string.h>

#include "auth/auth.h"
#include "http/http.h"
#include "zone.h"

/* The audit entry of the request's account. */
static inline struct audit_entry
zone_who(struct req *r)
{
    struct audit_entry e = {
        .account = r->user != NULL ? r->user->login : NULL,
        .via = r->is_api ? "api" : "web",
        .addr = r->addr,
    };
    return e;
}

/* The region the account sees (NULL: every region). */
static inline const char *
zone_scope(struct req *r)
{
    return r->user != NULL ? r->user->region : NULL;
}

static inline bool
zone_is_moderator(struct req *r)
{
    return r->user != NULL && auth_role_has(r->user->role, CAP_ZONE_MODERATE);
}

static inline int64_t
zone_account(struct req *r)
{
    return r->user != NULL ? r->user->id : 0;
}

/* The file of field "file" of a multipart form, if one was chosen. */
static inline const struct zone_upload *
zone_upload_of(struct req *r, struct zone_upload *u)
{
    if (req_upload(r, "file", &u->data, &u->len, &u->filename) != 0 ||
        (u->len == 0 && (u->filename == NULL || *u->filename == '\0'))) {
        return NULL;
    }
    if (u->filename == NULL) {
        u->filename = "";
    }
    return u;
}

/* A file name safe inside a quoted header value, in a. */
static inline const char *
zone_header_filename(struct arena *a, const char *name)
{
    char *s = arena_strdup(a, *name ? name : "file");
    char *p;

    for (p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;

        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_')) {
            *p = '_';
        }
    }
    return s;
}

/* Answer with file f as a download (its type was checked by content). */
static inline int
zone_send_file(struct req *r, const struct zone_file *f)
{
    r->content_type = f->mime;
    req_add_header(r, "Content-Disposition",
                   arena_printf(&r->arena, "attachment; filename=\"%s\"",
                                zone_header_filename(&r->arena, f->filename)));
    buf_append(&r->out, f->data, (size_t)f->size);
    return 0;
}

/*
** The moderator's decision of form field decyzja: 0 with *yes ("tak") or
** not ("nie"); anything else ERR_INPUT.
*/
static inline int
zone_decision(struct req *r, bool *yes)
{
    const char *d = req_form(r, "decyzja");

    if (d != NULL && (strcmp(d, "tak") == 0 || strcmp(d, "nie") == 0)) {
        *yes = d[0] == 't';
        return 0;
    }
    return -1;
}

#endif
