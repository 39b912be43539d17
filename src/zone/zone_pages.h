/*
** What the zone's page files share: who acts, where they may look, and the
** pieces more than one of them shows or answers with (a select field, a
** file's download, a JSON list, a moderator's decision).
*/
#ifndef ZONE_ZONE_PAGES_H
#define ZONE_ZONE_PAGES_H

#include <string.h>

#include "auth/auth.h"
#include "core/err.h"
#include "core/json.h"
#include "html/html.h"
#include "html/strings_pl.h"
#include "http/http.h"
#include "zone.h"
#include "zone/strings_pl.h"

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

/* Query argument name; NULL when absent or empty (a filter not chosen). */
static inline const char *
zone_arg(struct req *r, const char *name)
{
    const char *s = req_arg(r, name);

    return s != NULL && *s != '\0' ? s : NULL;
}

/*
** A field choosing one of list's codes ({code, label} pairs up to a NULL
** code) or none (first, the empty value): a select of id f-id named name,
** with chosen selected.
*/
static inline void
zone_select(struct req *r, const char *id, const char *name, const char *label,
            const char *const list[][2], const char *chosen, const char *first)
{
    int i;

    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-%s\">%s</label>\n"
                "<select id=\"f-%s\" name=\"%s\">\n<option value=\"\">%s"
                "</option>\n",
                id, label, id, name, first);
    for (i = 0; list[i][0] != NULL; i++) {
        html_printf(&r->out, "<option value=\"%s\"%s>%s</option>\n", list[i][0],
                    chosen != NULL && strcmp(chosen, list[i][0]) == 0
                        ? " selected"
                        : "",
                    list[i][1]);
    }
    html_lit(&r->out, "</select></p>\n");
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

/*
** Answer with file f as a download (its type was checked by content) when
** its lookup returned rc 0; a lookup that found nothing (ERR_NOTFOUND) is
** a 404 page, any other failure is returned.
*/
static inline int
zone_send_file(struct req *r, int rc, const struct zone_file *f)
{
    if (rc != 0) {
        return rc == ERR_NOTFOUND ? req_error(r, 404, T_ERR_NOT_FOUND) : rc;
    }
    r->content_type = f->mime;
    req_add_header(r, "Content-Disposition",
                   arena_printf(&r->arena, "attachment; filename=\"%s\"",
                                zone_header_filename(&r->arena, f->filename)));
    buf_append(&r->out, f->data, (size_t)f->size);
    return 0;
}

/* Writes one item of a list as JSON (the items are the zone's structs). */
typedef void zone_json_fn(struct json *j, const void *item);

/*
** The answer of a list API: the n items (of size bytes each) as a JSON
** array, each written by one; n < 0 (the store's failure) is returned.
*/
static inline int
zone_json_list(struct req *r, int n, const void *items, size_t size,
               zone_json_fn *one)
{
    struct json j;
    int i;

    if (n < 0) {
        return n;
    }
    req_json(r, &j);
    json_arr_begin(&j);
    for (i = 0; i < n; i++) {
        one(&j, (const char *)items + (size_t)i * size);
    }
    json_arr_end(&j);
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

/* A store's decision on a proposed record id in region (NULL: any):
 * 0, ERR_NOTFOUND when decided already or elsewhere, or < 0. */
typedef int zone_decide_fn(struct db *db, struct arena *a, int64_t id,
                           const char *region, bool yes,
                           const struct audit_entry *who);

/*
** A moderator's decision (form field decyzja) on the record of path id
** (an account of a professional, a proposed good practice): decide() it,
** then on to next(r, id). A decision neither "tak" nor "nie" is answered
** by refused(r, why); a record decided already or outside the account's
** region is a 404.
*/
static inline int
zone_decide(struct req *r, zone_decide_fn *decide,
            int (*refused)(struct req *r, const char *why),
            const char *(*next)(struct req *r, int64_t id))
{
    struct audit_entry who = zone_who(r);
    bool yes;
    int64_t id;
    int rc;

    if (req_param_num(r, 0, 1, &id) != 0) {
        return ERR_NOTFOUND;
    }
    if (zone_decision(r, &yes) != 0) {
        return refused(r, T_ZONE_ERR_DECISION);
    }
    rc = decide(r->db, &r->arena, id, zone_scope(r), yes, &who);
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, T_ZONE_ERR_GONE);
    }
    return rc != 0 ? rc : req_redirect(r, next(r, id));
}

#endif
