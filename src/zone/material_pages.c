/*
** The library of materials on the web and in JSON (issue 19): the list
** (public materials for everyone, the professionals-only ones of the
** account's region after login), a material with its versions, the
** download that counts, and the moderators' forms for a material and a
** new version.
*/
#include "modules_handlers.h"

#include <string.h>

#include "core/err.h"
#include "core/warsaw.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "zone.h"
#include "zone/strings_pl.h"
#include "zone_pages.h"

static const char *
audience_label(const char *code)
{
    const char *g = zone_group_label(code);

    return g != NULL ? g : T_ZONE_MAT_ALL;
}

/*
** ROUTE: GET /materialy
** CAP: CAP_PUBLIC
** PARAMS: q=text, rodzaj=code
*/
int
page_materials(struct req *r)
{
    const char *q = zone_arg(r, "q");
    const char *kind = zone_arg(r, "rodzaj");
    struct zone_material *m;
    int n = zone_materials(r->db, &r->arena, zone_scope(r), r->user != NULL,
                           kind, q, &m),
        i;

    if (n < 0) {
        return n;
    }
    layout_begin(r, T_ZONE_MAT_TITLE);
    html_lit(&r->out, "<h1>" T_ZONE_MAT_TITLE
                      "</h1>\n<p class=\"lead\">" T_ZONE_MAT_LEAD "</p>\n");
    if (r->user == NULL) {
        html_lit(
            &r->out,
            "<p><a href=\"/login?next=/materialy\">" T_ZONE_MAT_LOGIN_MORE
            "</a></p>\n<p><a href=\"/forum/rejestracja\">" T_ZONE_REG_INVITE
            "</a></p>\n");
    }
    if (zone_is_moderator(r)) {
        html_lit(&r->out,
                 "<p><a href=\"/materialy/nowy\">" T_ZONE_MAT_NEW "</a></p>\n");
    }
    html_printf(&r->out,
                "<form method=\"get\" action=\"/materialy\" role=\"search\">\n"
                "<p class=\"field\"><label for=\"f-q\">%s</label>\n<input "
                "type=\"search\" id=\"f-q\" name=\"q\" value=\"%s\"></p>\n",
                T_ZONE_MAT_SEARCH, q ? q : "");
    zone_select(r, "rodzaj", "rodzaj", T_ZONE_MAT_KIND, zone_material_kinds,
                kind, T_ZONE_PR_ANY);
    html_lit(&r->out, "<p><button type=\"submit\">" T_ZONE_MAT_FILTER
                      "</button></p>\n</form>\n");
    if (n == 0) {
        html_lit(&r->out, "<p>" T_ZONE_MAT_NONE "</p>\n");
        layout_end(r);
        return 0;
    }
    html_printf(&r->out, WIDE_OPEN, T_ZONE_MAT_TITLE);
    html_printf(&r->out,
                "<table>\n<thead><tr><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s"
                "</th></tr></thead>\n<tbody>\n",
                T_ZONE_TITLE, T_ZONE_MAT_KIND, T_ZONE_MAT_AUDIENCE,
                T_ZONE_MAT_ACCESS, T_ZONE_MAT_DOWNLOADS);
    for (i = 0; i < n; i++) {
        html_printf(&r->out,
                    "<tr><td><a href=\"/materialy/%lld\">%s</a></td><td>%s"
                    "</td><td>%s</td><td>%s</td><td class=\"num\">%lld</td>"
                    "</tr>\n",
                    (long long)m[i].id, m[i].title,
                    zone_material_kind_label(m[i].kind),
                    audience_label(m[i].audience),
                    m[i].public ? T_ZONE_MAT_PUBLIC : T_ZONE_MAT_CLOSED,
                    (long long)m[i].downloads);
    }
    html_lit(&r->out, "</tbody>\n" WIDE_CLOSE);
    layout_end(r);
    return 0;
}

/*
** Material of path parameter 0 if the viewer may have it: a public one,
** or a professionals-only one of the account's region: 0. The public is
** sent to the login for the latter (1: answered, the caller returns 0);
** an error is recorded on r and returned (< 0).
*/
static int
material_or_reply(struct req *r, struct zone_material *m)
{
    int64_t id;
    int rc;

    if (req_param_num(r, 0, 1, &id) != 0) {
        return ERR_NOTFOUND;
    }
    rc = zone_material_get(r->db, &r->arena, id, m);
    if (rc == 0 && !m->public && r->user == NULL && r->is_api) {
        return req_error(r, 401, T_ERR_LOGIN_NEEDED);
    }
    if (rc == 0 && !m->public && r->user == NULL) {
        req_redirect(r, arena_printf(&r->arena, "/login?next=/materialy/%lld",
                                     (long long)id));
        return 1;
    }
    if (rc == 0 && !m->public && zone_scope(r) != NULL &&
        strcmp(zone_scope(r), m->region) != 0) {
        rc = ERR_NOTFOUND;
    }
    return rc == ERR_NOTFOUND ? req_error(r, 404, T_ERR_NOT_FOUND) : rc;
}

static void
version_form(struct req *r, int64_t id, const char *error)
{
    html_lit(&r->out, "<h2 id=\"wersja\">" T_ZONE_MAT_NEW_VERSION "</h2>\n");
    if (error != NULL) {
        form_errors(r, &error, 1);
    }
    form_begin(r, arena_printf(&r->arena, "/materialy/%lld", (long long)id),
               "multipart/form-data");
    html_lit(&r->out,
             "<p class=\"field\"><label for=\"f-file\">" T_ZONE_MAT_FILE
             "</label>\n<input type=\"file\" id=\"f-file\" name=\"file\" "
             "required accept=\".pdf,.png,.jpg,.jpeg\"></p>\n");
    form_input(r, "note", T_ZONE_MAT_NOTE, "text", NULL, "maxlength=\"300\"");
    html_lit(&r->out, "<p><button type=\"submit\">" T_ZONE_MAT_NEW_VERSION
                      "</button></p>\n");
    form_end(r);
}

static int
material_page(struct req *r, const struct zone_material *m, const char *error)
{
    struct zone_version *v;
    int n = zone_material_versions(r->db, &r->arena, m->id, &v), i;

    if (n < 0) {
        return n;
    }
    layout_begin_under(r, m->title, "/materialy", T_ZONE_MAT_TITLE, m->title);
    html_printf(&r->out, "<h1>%s</h1>\n", m->title);
    if (*m->description != '\0') {
        html_printf(&r->out, "<p>%s</p>\n", m->description);
    }
    html_printf(&r->out,
                "<dl>\n<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n"
                "<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n"
                "<dt>%s</dt><dd>%lld</dd>\n</dl>\n",
                T_ZONE_MAT_KIND, zone_material_kind_label(m->kind),
                T_ZONE_MAT_AUDIENCE, audience_label(m->audience),
                T_ZONE_MAT_ACCESS,
                m->public ? T_ZONE_MAT_PUBLIC : T_ZONE_MAT_CLOSED,
                T_ZONE_MAT_TASK_SHORT, *m->task ? m->task : "—",
                T_ZONE_MAT_DOWNLOADS, (long long)m->downloads);
    html_lit(&r->out, "<h2>" T_ZONE_MAT_VERSIONS "</h2>\n<ul>\n");
    for (i = 0; i < n; i++) {
        html_printf(&r->out,
                    "<li><a href=\"/materialy/%lld/pobierz?wersja=%lld\">",
                    (long long)m->id, (long long)v[i].version);
        html_printf(&r->out, T_ZONE_MAT_DOWNLOAD_V, (long long)v[i].version,
                    v[i].filename, (long long)v[i].size);
        html_printf(&r->out, "</a>, %s%s%s; %s: %lld</li>\n",
                    warsaw_local(&r->arena, v[i].created_at),
                    *v[i].note ? " — " : "", v[i].note, T_ZONE_MAT_DOWNLOADS,
                    (long long)v[i].downloads);
    }
    html_lit(&r->out, "</ul>\n");
    if (zone_is_moderator(r) &&
        (zone_scope(r) == NULL || strcmp(zone_scope(r), m->region) == 0)) {
        version_form(r, m->id, error);
    }
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /materialy/:id
** CAP: CAP_PUBLIC
** PARAMS: none
*/
int
page_material(struct req *r)
{
    struct zone_material m;
    int rc = material_or_reply(r, &m);

    if (rc != 0) {
        return rc < 0 ? rc : 0;
    }
    return material_page(r, &m, NULL);
}

/*
** ROUTE: GET /materialy/:id/pobierz
** CAP: CAP_PUBLIC
** PARAMS: wersja=number (default: the newest)
*/
int
page_material_download(struct req *r)
{
    const char *w = req_arg(r, "wersja");
    struct zone_material m;
    struct zone_file f;
    long version = 0;
    int rc = material_or_reply(r, &m);

    if (rc != 0) {
        return rc < 0 ? rc : 0;
    }
    if (w != NULL && req_int_or_reply(r, "wersja", 1, 1000000, &version)) {
        return ERR_INPUT;
    }
    rc = zone_material_download(r->db, &r->arena, m.id, version, &f);
    return zone_send_file(r, rc, &f);
}

static void
new_page(struct req *r, const char *error)
{
    const char *aud = req_form(r, "audience");
    int i;

    layout_begin_under(r, T_ZONE_MAT_NEW, "/materialy", T_ZONE_MAT_TITLE,
                       T_ZONE_MAT_NEW);
    html_lit(&r->out, "<h1>" T_ZONE_MAT_NEW "</h1>\n");
    if (error != NULL) {
        form_errors(r, &error, 1);
    }
    form_begin(r, "/materialy/nowy", "multipart/form-data");
    form_input(r, "title", T_ZONE_TITLE, "text", req_form(r, "title"),
               "required maxlength=\"200\"");
    zone_select(r, "kind", "kind", T_ZONE_MAT_KIND, zone_material_kinds,
                req_form(r, "kind"), T_ZONE_CHOOSE);
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-audience\">%s</label>\n"
                "<select id=\"f-audience\" name=\"audience\">\n"
                "<option value=\"all\">%s</option>\n",
                T_ZONE_MAT_AUDIENCE, T_ZONE_MAT_ALL);
    for (i = 0; zone_groups[i][0] != NULL; i++) {
        html_printf(
            &r->out, "<option value=\"%s\"%s>%s</option>\n", zone_groups[i][0],
            aud != NULL && strcmp(aud, zone_groups[i][0]) == 0 ? " selected"
                                                               : "",
            zone_groups[i][1]);
    }
    html_lit(&r->out, "</select></p>\n");
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-description\">%s</label>\n"
                "<textarea id=\"f-description\" name=\"description\" "
                "rows=\"4\" maxlength=\"20000\">%s</textarea></p>\n",
                T_ZONE_DESCRIPTION,
                req_form(r, "description") ? req_form(r, "description") : "");
    form_input(r, "task", T_ZONE_MAT_TASK, "text", req_form(r, "task"),
               "pattern=\"[0-9][0-9.]*\"");
    if (zone_scope(r) == NULL) {
        form_input(r, "region", T_ZONE_REGION, "text", req_form(r, "region"),
                   "required pattern=\"[0-9]{2}\" inputmode=\"numeric\"");
    }
    html_printf(&r->out,
                "<p class=\"field\"><input type=\"checkbox\" id=\"f-public\" "
                "name=\"public\" value=\"1\"%s> <label for=\"f-public\">%s"
                "</label></p>\n",
                error == NULL || req_form(r, "public") ? " checked" : "",
                T_ZONE_MAT_PUBLIC_BOX);
    html_lit(&r->out,
             "<p class=\"field\"><label for=\"f-file\">" T_ZONE_MAT_FILE
             "</label>\n<input type=\"file\" id=\"f-file\" name=\"file\" "
             "required accept=\".pdf,.png,.jpg,.jpeg\"></p>\n");
    form_input(r, "note", T_ZONE_MAT_NOTE, "text", req_form(r, "note"),
               "maxlength=\"300\"");
    html_lit(&r->out,
             "<p><button type=\"submit\">" T_ZONE_MAT_NEW "</button></p>\n");
    form_end(r);
    layout_end(r);
}

/*
** ROUTE: GET /materialy/nowy
** CAP: CAP_ZONE_MODERATE
** PARAMS: none
*/
int
page_material_new(struct req *r)
{
    new_page(r, NULL);
    return 0;
}

/*
** ROUTE: POST /materialy/nowy
** CAP: CAP_ZONE_MODERATE
** PARAMS: title, kind, audience, description, task, region
**         (administrators), public=1, file, note (multipart), csrf
*/
int
page_material_add(struct req *r)
{
    struct zone_material m = {
        .region = zone_scope(r) != NULL ? zone_scope(r) : req_form(r, "region"),
        .title = req_form(r, "title"),
        .kind = req_form(r, "kind"),
        .audience = req_form(r, "audience"),
        .description = req_form(r, "description"),
        .task = req_form(r, "task"),
        .public = req_form(r, "public") != NULL,
    };
    struct zone_upload u;
    struct audit_entry who = zone_who(r);
    const char *why = NULL;
    int64_t id;
    int rc = zone_material_add(r->db, &r->arena, &m, zone_upload_of(r, &u),
                               req_form(r, "note"), &who, &id, &why);

    if (rc == ERR_INPUT) {
        r->status = 400;
        new_page(r, why);
        return 0;
    }
    if (rc != 0) {
        return rc;
    }
    return req_redirect(
        r, arena_printf(&r->arena, "/materialy/%lld", (long long)id));
}

/*
** ROUTE: POST /materialy/:id
** CAP: CAP_ZONE_MODERATE
** PARAMS: file, note (multipart), csrf
*/
int
page_material_version_add(struct req *r)
{
    struct zone_material m;
    struct zone_upload u;
    struct audit_entry who = zone_who(r);
    const char *why = NULL;
    int64_t version;
    int rc = material_or_reply(r, &m);

    if (rc != 0) {
        return rc < 0 ? rc : 0;
    }
    if (zone_scope(r) != NULL && strcmp(zone_scope(r), m.region) != 0) {
        return req_error(r, 404, T_ERR_NOT_FOUND);
    }
    rc =
        zone_material_version_add(r->db, &r->arena, m.id, zone_upload_of(r, &u),
                                  req_form(r, "note"), &who, &version, &why);
    if (rc == ERR_INPUT) {
        r->status = 400;
        return material_page(r, &m, why);
    }
    if (rc != 0) {
        return rc;
    }
    return req_redirect(
        r, arena_printf(&r->arena, "/materialy/%lld", (long long)m.id));
}

static void
json_material(struct json *j, const void *item)
{
    const struct zone_material *m = item;

    json_obj_begin(j);
    json_kint(j, "id", m->id);
    json_kstr(j, "region", m->region);
    json_kstr(j, "title", m->title);
    json_kstr(j, "kind", m->kind);
    json_kstr(j, "audience", m->audience);
    json_kstr(j, "description", m->description);
    json_kbool(j, "public", m->public);
    json_kstr(j, "task", m->task);
    json_kint(j, "version", m->version);
    json_kint(j, "downloads", m->downloads);
    json_obj_end(j);
}

/*
** ROUTE: GET /api/materials
** CAP: CAP_PUBLIC
** PARAMS: q=text, rodzaj=code
*/
int
api_materials(struct req *r)
{
    struct zone_material *m;
    int n = zone_materials(r->db, &r->arena, zone_scope(r), r->user != NULL,
                           zone_arg(r, "rodzaj"), zone_arg(r, "q"), &m);

    return zone_json_list(r, n, m, sizeof(*m), json_material);
}

/*
** ROUTE: GET /api/materials/:id
** CAP: CAP_PUBLIC
** PARAMS: none
*/
int
api_material(struct req *r)
{
    struct zone_material m;
    struct json j;
    int rc = material_or_reply(r, &m);

    if (rc != 0) {
        return rc < 0 ? rc : 0;
    }
    req_json(r, &j);
    json_material(&j, &m);
    return 0;
}
