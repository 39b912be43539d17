/*
** Coordinators' pages of the directory under /uslugi/zarzadzanie: the list
** of institutions, forms to add, change and remove institutions and
** services (CSRF through form_begin, one audit row per change), the CSV
** export and import of the whole directory. The router has checked
** CAP_DIRECTORY_EDIT; here each handler checks the account's region.
*/
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/json.h"
#include "core/str.h"
#include "core/strings_pl.h"
#include "db/db.h"
#include "directory.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "modules_handlers.h"
#include "directory/strings_pl.h"

static struct audit_entry
who(struct req *r)
{
    struct audit_entry e = {
        .account = r->user ? r->user->login : NULL,
        .via = "web",
        .addr = r->addr,
    };
    return e;
}

static bool
may_edit(struct req *r, const char *region)
{
    return r->user->region == NULL ||
           (region != NULL && strcmp(r->user->region, region) == 0);
}

static const char *
field(struct req *r, const char *name)
{
    const char *v = req_form(r, name);

    return v ? str_trim(&r->arena, v) : "";
}

static void
crumbs(struct req *r, const char *here)
{
    const struct crumb c[] = {{"/uslugi", T_DIR_TITLE},
                              {"/uslugi/zarzadzanie", T_DIR_ADMIN_TITLE},
                              {NULL, here}};

    layout_breadcrumb(&r->out, c, 3);
}

static void
findings_box(struct req *r, const struct dir_findings *f)
{
    int i;

    if (f->n == 0) {
        return;
    }
    html_lit(&r->out, "<div class=\"errors\" role=\"alert\"><p>" T_DIR_FINDINGS
                      "</p><ul>\n");
    for (i = 0; i < f->n; i++) {
        const struct dir_finding *x = &f->v[i];

        if (x->row > 0 && x->column != NULL) {
            html_printf(&r->out, "<li>%s %d, %s " T_QUOTED ": %s</li>\n",
                        T_DIR_ROW, x->row, T_DIR_COLUMN, x->column, x->message);
        } else if (x->row > 0) {
            html_printf(&r->out, "<li>%s %d: %s</li>\n", T_DIR_ROW, x->row,
                        x->message);
        } else if (x->column != NULL) {
            html_printf(&r->out, "<li>%s " T_QUOTED ": %s</li>\n", T_DIR_FIELD,
                        x->column, x->message);
        } else {
            html_printf(&r->out, "<li>%s</li>\n", x->message);
        }
    }
    html_lit(&r->out, "</ul></div>\n");
}

/*
** The institution's "do weryfikacji" note, when it has one, and the box
** that clears it once its data were checked (zweryfikowano=1).
*/
static void
verify_box(struct req *r, const struct dir_org *o)
{
    if (o->id <= 0 || o->verify == NULL || *o->verify == '\0') {
        return;
    }
    html_printf(&r->out,
                "<fieldset class=\"verify\"><legend>%s</legend>\n"
                "<p>%s</p>\n<p class=\"check\"><input id=\"f-verified\" "
                "name=\"zweryfikowano\" type=\"checkbox\" value=\"1\"%s> "
                "<label for=\"f-verified\">%s</label></p></fieldset>\n",
                T_DIR_VERIFY_LEGEND, o->verify,
                req_form(r, "zweryfikowano") != NULL ? " checked" : "",
                T_DIR_VERIFY_CLEAR);
}

/*
** One save of a form: the institution o or the service s, and the note of
** institution verified cleared (when > 0), all or nothing, each change
** with its audit row.
*/
struct edit {
    struct req *r;
    const struct dir_org *o;
    const struct dir_service *s;
    int64_t verified;
    int64_t id; /* of the record saved */
};

static int
edit_run(struct db *db, void *ctx)
{
    struct edit *x = ctx;
    struct audit_entry w = who(x->r);
    int rc = x->s != NULL ? dir_service_save(db, &x->r->arena, x->s, &w, &x->id)
                          : dir_org_save(db, &x->r->arena, x->o, &w, &x->id);

    if (rc == 0 && x->verified > 0) {
        rc = dir_org_verify_set(db, &x->r->arena, x->verified, "", &w);
    }
    return rc;
}

/* The institution whose note the form clears, or 0. */
static int64_t
verified(struct req *r, const struct dir_org *o)
{
    return o->id > 0 && o->verify != NULL && *o->verify != '\0' &&
                   req_form(r, "zweryfikowano") != NULL
               ? o->id
               : 0;
}

/*
** ROUTE: GET /uslugi/zarzadzanie
** CAP: CAP_DIRECTORY_EDIT
** PARAMS: przyklady=1 (list the generated example institutions too)
*/
int
page_directory_admin(struct req *r)
{
    bool examples = req_arg(r, "przyklady") != NULL;
    const char *region = r->user->region;
    int64_t norg = 0, nsvc = 0, nex = 0;
    db_stmt *st;
    int rc;

    dir_org_counts(r->db, region, &norg, &nsvc, &nex);
    layout_begin(r, T_DIR_ADMIN_TITLE);
    layout_breadcrumb(&r->out,
                      (const struct crumb[]){{"/uslugi", T_DIR_TITLE},
                                             {NULL, T_DIR_ADMIN_TITLE}},
                      2);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s %lld, %s %lld (%s: %lld).</p>\n",
                T_DIR_ADMIN_TITLE, T_DIR_COUNT_ORGS, (long long)norg,
                T_DIR_COUNT_SERVICES, (long long)nsvc, T_DIR_COUNT_EXAMPLES,
                (long long)nex);
    html_lit(&r->out,
             "<ul class=\"actions\">\n"
             "<li><a href=\"/uslugi/zarzadzanie/instytucja\">" T_DIR_ORG_ADD
             "</a></li>\n"
             "<li><a href=\"/uslugi/zarzadzanie/katalog.csv\">" T_DIR_CSV_EXPORT
             "</a></li>\n"
             "<li><a href=\"/uslugi/hsds.zip\">" T_DIR_HSDS_LINK
             "</a></li>\n</ul>\n");
    html_lit(&r->out,
             "<h2>" T_DIR_IMPORT_TITLE "</h2>\n<p>" T_DIR_IMPORT_LEAD "</p>\n");
    form_begin(r, "/uslugi/zarzadzanie/import", "multipart/form-data");
    html_lit(&r->out,
             "<p class=\"field\"><label for=\"f-file\">" T_DIR_IMPORT_FILE
             "</label><input id=\"f-file\" name=\"file\" type=\"file\" "
             "required accept=\".csv,text/csv\"></p>\n"
             "<p><button type=\"submit\">" T_DIR_IMPORT_BUTTON
             "</button></p>\n");
    form_end(r);
    html_printf(&r->out, WIDE_OPEN, T_DIR_ORGS);
    html_printf(&r->out,
                "<h2>%s</h2>\n<p><a href=\"/uslugi/zarzadzanie%s\">%s</a>"
                "</p>\n<table>\n<caption>%s</caption>\n<thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">"
                "%s</th></tr></thead>\n<tbody>\n",
                T_DIR_ORGS, examples ? "" : "?przyklady=1",
                examples ? T_DIR_HIDE_EXAMPLES : T_DIR_SHOW_EXAMPLES,
                T_DIR_ORGS, T_DIR_ORG, T_DIR_KIND, T_DIR_GMINA_COL,
                T_DIR_SERVICES);
    st = dir_org_list(r->db, region, examples);
    while ((rc = db_step(st)) == DB_ROW) {
        html_printf(&r->out,
                    "<tr><td><a href=\"/uslugi/zarzadzanie/instytucja/"
                    "%lld\">%s</a>%s%s</td><td>%s</td><td>%s (%s)</td>"
                    "<td class=\"num\">%lld</td></tr>\n",
                    (long long)db_col_int(st, 0), db_col_text(st, 3),
                    db_col_int(st, 7) ? " — " : "",
                    db_col_int(st, 7) ? T_DIR_CONFIDENTIAL_SHORT : "",
                    dir_kind_label(db_col_text(st, 2)), db_col_text(st, 6),
                    db_col_text(st, 5), (long long)db_col_int(st, 9));
    }
    db_done(st);
    html_lit(&r->out, "</tbody>\n</table></div>\n");
    layout_end(r);
    return rc == DB_DONE ? 0 : rc;
}

/*
** ROUTE: GET /uslugi/zarzadzanie/katalog.csv
** CAP: CAP_DIRECTORY_EDIT
** PARAMS: none
*/
int
page_directory_export_csv(struct req *r)
{
    int rc = dir_export_csv(r->db, &r->arena, r->user->region, &r->out);

    if (rc != 0) {
        buf_reset(&r->out);
        return rc;
    }
    r->status = 200;
    r->content_type = "text/csv; charset=utf-8";
    req_add_header(r, "Content-Disposition",
                   "attachment; filename=\"katalog-uslug.csv\"");
    return 0;
}

/*
** ROUTE: POST /uslugi/zarzadzanie/import
** CAP: CAP_DIRECTORY_EDIT
** PARAMS: file (multipart, CSV), csrf
*/
int
page_directory_import(struct req *r)
{
    struct dir_findings f = {0};
    struct audit_entry w = who(r);
    const char *data, *name;
    size_t len;
    int norg = 0, nsvc = 0, rc;

    if (req_upload(r, "file", &data, &len, &name) != 0 || len == 0) {
        dir_findings_add(&r->arena, &f, 0, NULL, T_DIR_IMPORT_NO_FILE);
        rc = ERR_INPUT;
    } else {
        rc = dir_import_csv(r->db, &r->arena, r->user->region, data, len, &w,
                            &f, &norg, &nsvc);
    }
    if (rc != 0 && rc != ERR_INPUT) {
        return rc;
    }
    r->status = rc == 0 ? 200 : 400;
    layout_begin(r, T_DIR_IMPORT_TITLE);
    crumbs(r, T_DIR_IMPORT_TITLE);
    html_lit(&r->out, "<h1>" T_DIR_IMPORT_TITLE "</h1>\n");
    if (rc == 0) {
        html_printf(&r->out,
                    "<p class=\"notice-ok\" role=\"status\">%s %d, %s %d."
                    "</p>\n",
                    T_DIR_IMPORT_DONE_ORGS, norg, T_DIR_IMPORT_DONE_SERVICES,
                    nsvc);
    } else {
        html_lit(&r->out, "<p>" T_DIR_IMPORT_REJECTED "</p>\n");
        findings_box(r, &f);
    }
    html_lit(&r->out, "<p><a href=\"/uslugi/zarzadzanie\">" T_DIR_BACK_ADMIN
                      "</a></p>\n");
    layout_end(r);
    return 0;
}

/* --- institutions ------------------------------------------------------- */

static void
text_field(struct req *r, const char *name, const char *label,
           const char *value, bool required)
{
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-%s\">%s%s</label>\n"
                "<input id=\"f-%s\" name=\"%s\" type=\"text\" value=\"%s\""
                "%s></p>\n",
                name, label, required ? " " T_DIR_REQUIRED : "", name, name,
                value ? value : "", required ? " required" : "");
}

static void
area_field(struct req *r, const char *name, const char *label,
           const char *value)
{
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-%s\">%s</label>\n"
                "<textarea id=\"f-%s\" name=\"%s\" rows=\"3\">%s"
                "</textarea></p>\n",
                name, label, name, name, value ? value : "");
}

static void
org_form(struct req *r, const struct dir_org *o, const struct dir_findings *f)
{
    const char *title = o->id > 0 ? T_DIR_ORG_EDIT : T_DIR_ORG_ADD;
    int i;

    layout_begin(r, title);
    crumbs(r, title);
    html_printf(&r->out, "<h1>%s</h1>\n", title);
    if (o->id > 0) {
        html_printf(&r->out,
                    "<p><a href=\"/uslugi/instytucja/%lld\">%s</a> · "
                    "<a href=\"/uslugi/zarzadzanie/usluga?instytucja=%lld"
                    "\">%s</a></p>\n",
                    (long long)o->id, T_DIR_PUBLIC_PAGE, (long long)o->id,
                    T_DIR_SERVICE_ADD);
    }
    findings_box(r, f);
    form_begin(r,
               o->id > 0 ? arena_printf(&r->arena,
                                        "/uslugi/zarzadzanie/instytucja/"
                                        "%lld",
                                        (long long)o->id)
                         : "/uslugi/zarzadzanie/instytucja",
               NULL);
    text_field(r, "org_name", T_DIR_F_NAME, o->name, true);
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-kind\">%s</label>\n"
                "<select id=\"f-kind\" name=\"kind\">\n",
                T_DIR_KIND);
    for (i = 0; dir_kinds[i] != NULL; i++) {
        html_printf(
            &r->out, "<option value=\"%s\"%s>%s</option>\n", dir_kinds[i],
            o->kind && strcmp(o->kind, dir_kinds[i]) == 0 ? " selected" : "",
            dir_kind_label(dir_kinds[i]));
    }
    html_lit(&r->out, "</select></p>\n");
    if (r->user->region == NULL) {
        text_field(r, "region", T_DIR_F_REGION, o->region, true);
    }
    text_field(r, "parent", T_DIR_F_PARENT,
               o->parent_id > 0
                   ? arena_printf(&r->arena, "%lld", (long long)o->parent_id)
                   : "",
               false);
    area_field(r, "org_description", T_DIR_F_DESCRIPTION, o->description);
    text_field(r, "street", T_DIR_F_STREET, o->street, false);
    text_field(r, "postcode", T_DIR_F_POSTCODE, o->postcode, false);
    text_field(r, "city", T_DIR_F_CITY, o->city, false);
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-gmina-name\">%s</label>"
                "\n<input id=\"f-gmina-name\" type=\"text\" "
                "autocomplete=\"off\" data-autocomplete=\"/api/teryt/"
                "gminy\"></p>\n",
                T_DIR_F_GMINA_FIND);
    text_field(r, "gmina", T_DIR_F_GMINA, o->gmina, true);
    text_field(r, "lat", T_DIR_F_LAT, o->lat, false);
    text_field(r, "lon", T_DIR_F_LON, o->lon, false);
    html_printf(&r->out,
                "<p class=\"check\"><input id=\"f-confidential\" "
                "name=\"confidential\" type=\"checkbox\" value=\"1\"%s> "
                "<label for=\"f-confidential\">%s</label></p>\n",
                o->confidential ? " checked" : "", T_DIR_F_CONFIDENTIAL);
    text_field(r, "org_phone", T_DIR_F_PHONE, o->phone, false);
    text_field(r, "org_email", T_DIR_F_EMAIL, o->email, false);
    text_field(r, "org_web", T_DIR_F_WEB, o->web, false);
    text_field(r, "org_hours", T_DIR_F_HOURS, o->hours, false);
    verify_box(r, o);
    html_lit(&r->out,
             "<p><button type=\"submit\">" T_DIR_SAVE "</button></p>\n");
    form_end(r);
    if (o->id > 0) {
        html_lit(&r->out, "<h2>" T_DIR_DELETE_TITLE "</h2>\n");
        form_begin(r,
                   arena_printf(&r->arena,
                                "/uslugi/zarzadzanie/instytucja/%lld/usun",
                                (long long)o->id),
                   NULL);
        html_lit(&r->out,
                 "<p class=\"check\"><input id=\"f-confirm\" "
                 "name=\"potwierdzam\" type=\"checkbox\" value=\"1\" "
                 "required> <label for=\"f-confirm\">" T_DIR_DELETE_CONFIRM
                 "</label></p>\n<p><button type=\"submit\">" T_DIR_DELETE_ORG
                 "</button></p>\n");
        form_end(r);
    }
    layout_end(r);
}

static void
org_from_form(struct req *r, struct dir_org *o)
{
    const char *parent = field(r, "parent");

    o->name = field(r, "org_name");
    o->kind = field(r, "kind");
    o->region = r->user->region ? r->user->region : field(r, "region");
    o->parent_id = *parent ? strtoll(parent, NULL, 10) : 0;
    o->description = field(r, "org_description");
    o->street = field(r, "street");
    o->postcode = field(r, "postcode");
    o->city = field(r, "city");
    o->gmina = field(r, "gmina");
    o->lat = field(r, "lat");
    o->lon = field(r, "lon");
    o->confidential = req_form(r, "confidential") != NULL;
    o->phone = field(r, "org_phone");
    o->email = field(r, "org_email");
    o->web = field(r, "org_web");
    o->hours = field(r, "org_hours");
}

/*
** ROUTE: GET /uslugi/zarzadzanie/instytucja
** CAP: CAP_DIRECTORY_EDIT
** PARAMS: none
*/
int
page_directory_org_new(struct req *r)
{
    struct dir_org o = {0};
    struct dir_findings f = {0};

    o.region = r->user->region ? r->user->region : "04";
    o.kind = "ops";
    org_form(r, &o, &f);
    return 0;
}

/* A refused link across regions leaves an audit row: it is an attempt to
   publish on another region's pages. */
static int
audit_refused(struct req *r, const struct dir_org *o, const char *why)
{
    struct audit_entry e = who(r);
    struct buf b;
    struct json j;

    json_obj_open(&j, &b);
    json_kint(&j, "parent_id", o->parent_id);
    json_kstr(&j, "region", o->region);
    json_kstr(&j, "refused", why);
    e.after = json_obj_dup(&r->arena, &j);
    e.action = "directory.org.link_refused";
    e.entity = "dir_org";
    e.entity_id =
        o->id > 0 ? arena_printf(&r->arena, "%lld", (long long)o->id) : NULL;
    return audit_add(r->db, &e);
}

/*
** The institution's links stay inside its region (by id): its parent must
** exist in the same region, and an institution with branches keeps their
** region. Each problem becomes a finding; 0 or a store error.
*/
static int
check_links(struct req *r, const struct dir_org *o, struct dir_findings *f)
{
    struct dir_org p;
    int64_t n = 0;
    int rc;

    if (o->region == NULL || !may_edit(r, o->region)) {
        return 0; /* dir_org_check has refused the region */
    }
    if (o->parent_id > 0) {
        if (o->parent_id == o->id ||
            dir_org_load(r->db, &r->arena, o->parent_id, &p) != 0) {
            dir_findings_add(&r->arena, f, 0, "parent", T_DIR_BAD_PARENT);
        } else if (strcmp(p.region, o->region) != 0) {
            dir_findings_add(&r->arena, f, 0, "parent",
                             arena_printf(&r->arena, T_DIR_PARENT_REGION,
                                          (long long)p.id, p.region,
                                          o->region));
            if ((rc = audit_refused(r, o, "parent")) != 0) {
                return rc;
            }
        }
    }
    if (o->id > 0) {
        if ((rc = dir_org_branches_elsewhere(r->db, o->id, o->region, &n)) !=
            0) {
            return rc;
        }
        if (n > 0) {
            dir_findings_add(
                &r->arena, f, 0, "region",
                arena_printf(&r->arena, T_DIR_BRANCHES_REGION, o->region));
            if ((rc = audit_refused(r, o, "branches")) != 0) {
                return rc;
            }
        }
    }
    return 0;
}

static int
org_save(struct req *r, struct dir_org *o)
{
    struct dir_findings f = {0};
    struct edit x = {r, o, NULL, verified(r, o), 0};
    int rc;

    dir_org_check(r->db, &r->arena, o, r->user->region, 0, &f, NULL);
    if ((rc = check_links(r, o, &f)) != 0) {
        return rc;
    }
    if (f.n > 0) {
        r->status = 400;
        org_form(r, o, &f);
        return 0;
    }
    if ((rc = db_transaction(r->db, edit_run, &x)) != 0) {
        return rc;
    }
    return req_redirect(r, arena_printf(&r->arena,
                                        "/uslugi/zarzadzanie/instytucja/%lld",
                                        (long long)x.id));
}

/*
** ROUTE: POST /uslugi/zarzadzanie/instytucja
** CAP: CAP_DIRECTORY_EDIT
** PARAMS: org_name, kind, region (administrators), parent, org_description,
**         street, postcode, city, gmina, lat, lon, confidential, org_phone,
**         org_email, org_web, org_hours, csrf
*/
int
page_directory_org_create(struct req *r)
{
    struct dir_org o = {0};

    org_from_form(r, &o);
    return org_save(r, &o);
}

/* Load :id and check the account may change it. */
static int
org_for_edit(struct req *r, struct dir_org *o)
{
    int64_t id = 0;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    rc = dir_org_load(r->db, &r->arena, id, o);
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, NULL);
    }
    if (rc != 0) {
        return rc;
    }
    if (!may_edit(r, o->region)) {
        return req_error(r, 403, T_DIR_REGION_DENIED);
    }
    return 0;
}

/*
** ROUTE: GET /uslugi/zarzadzanie/instytucja/:id
** CAP: CAP_DIRECTORY_EDIT
** PARAMS: id=institution number (path)
*/
int
page_directory_org_edit(struct req *r)
{
    struct dir_findings f = {0};
    struct dir_org o;
    int rc;

    if ((rc = org_for_edit(r, &o)) != 0) {
        return rc;
    }
    org_form(r, &o, &f);
    return 0;
}

/*
** ROUTE: POST /uslugi/zarzadzanie/instytucja/:id
** CAP: CAP_DIRECTORY_EDIT
** PARAMS: id (path); the fields of the new-institution form,
**         zweryfikowano=1 (clears the "do weryfikacji" note), csrf
*/
int
page_directory_org_update(struct req *r)
{
    struct dir_org o, n = {0};
    int rc;

    if ((rc = org_for_edit(r, &o)) != 0) {
        return rc;
    }
    org_from_form(r, &n);
    n.id = o.id;
    n.example = o.example;
    n.source = o.source; /* not on the form: kept, and so in the audit row */
    n.verify = o.verify; /* cleared by verify_box's box only */
    return org_save(r, &n);
}

/*
** ROUTE: POST /uslugi/zarzadzanie/instytucja/:id/usun
** CAP: CAP_DIRECTORY_EDIT
** PARAMS: id (path), potwierdzam=1 (required), csrf
*/
int
page_directory_org_remove(struct req *r)
{
    struct audit_entry w = who(r);
    struct dir_org o;
    int rc;

    if ((rc = org_for_edit(r, &o)) != 0) {
        return rc;
    }
    if (req_form(r, "potwierdzam") == NULL) {
        return req_error(r, 400, T_DIR_DELETE_NOT_CONFIRMED);
    }
    if ((rc = dir_org_delete(r->db, &r->arena, o.id, &w)) != 0) {
        return rc;
    }
    return req_redirect(r, "/uslugi/zarzadzanie");
}

/* --- services --------------------------------------------------------- */

static bool
has_target(const char *list, const char *code)
{
    size_t n = strlen(code);
    const char *p = list;

    while (p != NULL && *p != '\0') {
        if (strncmp(p, code, n) == 0 && (p[n] == ',' || p[n] == '\0')) {
            return true;
        }
        p = strchr(p, ',');
        p = p ? p + 1 : NULL;
    }
    return false;
}

static void
service_form(struct req *r, const struct dir_service *s,
             const struct dir_org *o, const struct dir_findings *f)
{
    const char *title = s->id > 0 ? T_DIR_SERVICE_EDIT : T_DIR_SERVICE_ADD;
    struct dir_choice *c;
    int n, i;

    layout_begin(r, title);
    crumbs(r, title);
    html_printf(&r->out,
                "<h1>%s</h1>\n<p>%s <a href=\"/uslugi/zarzadzanie/"
                "instytucja/%lld\">%s</a></p>\n",
                title, T_DIR_ORG, (long long)o->id, o->name);
    findings_box(r, f);
    form_begin(r,
               s->id > 0
                   ? arena_printf(&r->arena, "/uslugi/zarzadzanie/usluga/%lld",
                                  (long long)s->id)
                   : "/uslugi/zarzadzanie/usluga",
               NULL);
    html_printf(&r->out,
                "<input type=\"hidden\" name=\"instytucja\" "
                "value=\"%lld\">\n",
                (long long)o->id);
    text_field(r, "service_name", T_DIR_F_NAME, s->name, true);
    area_field(r, "service_description", T_DIR_F_DESCRIPTION, s->description);
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-category\">%s</label>\n"
                "<select id=\"f-category\" name=\"category\">\n",
                T_DIR_CATEGORY);
    n = dir_choices(r->db, &r->arena, 0, &c);
    for (i = 0; i < n; i++) {
        html_printf(&r->out, "<option value=\"%s\"%s>%s</option>\n", c[i].code,
                    s->category && strcmp(s->category, c[i].code) == 0
                        ? " selected"
                        : "",
                    c[i].name);
    }
    html_printf(&r->out, "</select></p>\n<fieldset><legend>%s</legend>\n",
                T_DIR_TARGETS);
    n = dir_choices(r->db, &r->arena, 1, &c);
    for (i = 0; i < n; i++) {
        html_printf(&r->out,
                    "<p class=\"check\"><input id=\"f-t-%s\" "
                    "name=\"t_%s\" type=\"checkbox\" value=\"1\"%s> "
                    "<label for=\"f-t-%s\">%s</label></p>\n",
                    c[i].code, c[i].code,
                    has_target(s->targets, c[i].code) ? " checked" : "",
                    c[i].code, c[i].name);
    }
    html_lit(&r->out, "</fieldset>\n");
    text_field(r, "coverage", T_DIR_F_COVERAGE, s->coverage, true);
    text_field(r, "service_hours", T_DIR_F_SERVICE_HOURS, s->hours, false);
    text_field(r, "service_phone", T_DIR_F_SERVICE_PHONE, s->phone, false);
    text_field(r, "cost", T_DIR_COST, s->cost, false);
    text_field(r, "languages", T_DIR_LANGUAGES, s->languages, false);
    area_field(r, "how_to_apply", T_DIR_HOW_TO_APPLY, s->how_to_apply);
    verify_box(r, o);
    html_lit(&r->out,
             "<p><button type=\"submit\">" T_DIR_SAVE "</button></p>\n");
    form_end(r);
    if (s->id > 0) {
        html_lit(&r->out, "<h2>" T_DIR_DELETE_TITLE "</h2>\n");
        form_begin(r,
                   arena_printf(&r->arena,
                                "/uslugi/zarzadzanie/usluga/%lld/usun",
                                (long long)s->id),
                   NULL);
        html_lit(
            &r->out,
            "<p class=\"check\"><input id=\"f-confirm\" "
            "name=\"potwierdzam\" type=\"checkbox\" value=\"1\" "
            "required> <label for=\"f-confirm\">" T_DIR_DELETE_CONFIRM
            "</label></p>\n<p><button type=\"submit\">" T_DIR_DELETE_SERVICE
            "</button></p>\n");
        form_end(r);
    }
    layout_end(r);
}

static void
service_from_form(struct req *r, struct dir_service *s)
{
    struct dir_choice *c;
    struct buf t;
    int n, i;

    s->name = field(r, "service_name");
    s->description = field(r, "service_description");
    s->category = field(r, "category");
    s->coverage = field(r, "coverage");
    s->hours = field(r, "service_hours");
    s->phone = field(r, "service_phone");
    s->cost = field(r, "cost");
    s->languages = field(r, "languages");
    s->how_to_apply = field(r, "how_to_apply");
    buf_init(&t);
    n = dir_choices(r->db, &r->arena, 1, &c);
    for (i = 0; i < n; i++) {
        if (req_form(r, arena_printf(&r->arena, "t_%s", c[i].code)) != NULL) {
            buf_printf(&t, "%s%s", t.len ? "," : "", c[i].code);
        }
    }
    s->targets = arena_strdup(&r->arena, t.data ? t.data : "");
    buf_free(&t);
}

/* The institution named by the form or the query, editable by the user. */
static int
org_of(struct req *r, const char *idtext, struct dir_org *o)
{
    int rc;

    if (idtext == NULL || *idtext < '1' || *idtext > '9') {
        return req_error(r, 400, T_DIR_NO_ORG);
    }
    rc = dir_org_load(r->db, &r->arena, strtoll(idtext, NULL, 10), o);
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 400, T_DIR_NO_ORG);
    }
    if (rc != 0) {
        return rc;
    }
    if (!may_edit(r, o->region)) {
        return req_error(r, 403, T_DIR_REGION_DENIED);
    }
    return 0;
}

/*
** ROUTE: GET /uslugi/zarzadzanie/usluga
** CAP: CAP_DIRECTORY_EDIT
** PARAMS: instytucja=institution number (required)
*/
int
page_directory_service_new(struct req *r)
{
    struct dir_findings f = {0};
    struct dir_service s = {0};
    struct dir_org o;
    int rc;

    if ((rc = org_of(r, req_arg(r, "instytucja"), &o)) != 0) {
        return rc;
    }
    s.org_id = o.id;
    s.coverage = arena_printf(&r->arena, "gmina:%s", o.gmina);
    s.languages = "polski";
    s.category = "pomoc";
    service_form(r, &s, &o, &f);
    return 0;
}

static int
service_save(struct req *r, struct dir_service *s, const struct dir_org *o)
{
    struct dir_findings f = {0};
    struct edit x = {r, NULL, s, verified(r, o), 0};
    int rc;

    dir_service_check(r->db, &r->arena, s, 0, &f, NULL);
    dir_service_check_region(&r->arena, s, o->region, 0, &f);
    if (f.n > 0) {
        r->status = 400;
        service_form(r, s, o, &f);
        return 0;
    }
    if ((rc = db_transaction(r->db, edit_run, &x)) != 0) {
        return rc;
    }
    return req_redirect(
        r, arena_printf(&r->arena, "/uslugi/usluga/%lld", (long long)x.id));
}

/*
** ROUTE: POST /uslugi/zarzadzanie/usluga
** CAP: CAP_DIRECTORY_EDIT
** PARAMS: instytucja, service_name, service_description, category, t_CODE,
**         coverage, service_hours, service_phone, cost, languages,
**         how_to_apply, csrf
*/
int
page_directory_service_create(struct req *r)
{
    struct dir_service s = {0};
    struct dir_org o;
    int rc;

    if ((rc = org_of(r, req_form(r, "instytucja"), &o)) != 0) {
        return rc;
    }
    service_from_form(r, &s);
    s.org_id = o.id;
    return service_save(r, &s, &o);
}

static int
service_for_edit(struct req *r, struct dir_service *s, struct dir_org *o)
{
    int64_t id = 0;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    rc = dir_service_load(r->db, &r->arena, id, s);
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, NULL);
    }
    if (rc != 0 || (rc = dir_org_load(r->db, &r->arena, s->org_id, o)) != 0) {
        return rc;
    }
    if (!may_edit(r, o->region)) {
        return req_error(r, 403, T_DIR_REGION_DENIED);
    }
    return 0;
}

/*
** ROUTE: GET /uslugi/zarzadzanie/usluga/:id
** CAP: CAP_DIRECTORY_EDIT
** PARAMS: id=service number (path)
*/
int
page_directory_service_edit(struct req *r)
{
    struct dir_findings f = {0};
    struct dir_service s;
    struct dir_org o;
    int rc;

    if ((rc = service_for_edit(r, &s, &o)) != 0) {
        return rc;
    }
    service_form(r, &s, &o, &f);
    return 0;
}

/*
** ROUTE: POST /uslugi/zarzadzanie/usluga/:id
** CAP: CAP_DIRECTORY_EDIT
** PARAMS: id (path); the fields of the new-service form,
**         zweryfikowano=1 (clears the institution's "do weryfikacji"
**         note), csrf
*/
int
page_directory_service_update(struct req *r)
{
    struct dir_service s, n = {0};
    struct dir_org o;
    int rc;

    if ((rc = service_for_edit(r, &s, &o)) != 0) {
        return rc;
    }
    service_from_form(r, &n);
    n.id = s.id;
    n.org_id = s.org_id;
    return service_save(r, &n, &o);
}

/*
** ROUTE: POST /uslugi/zarzadzanie/usluga/:id/usun
** CAP: CAP_DIRECTORY_EDIT
** PARAMS: id (path), potwierdzam=1 (required), csrf
*/
int
page_directory_service_remove(struct req *r)
{
    struct audit_entry w = who(r);
    struct dir_service s;
    struct dir_org o;
    int rc;

    if ((rc = service_for_edit(r, &s, &o)) != 0) {
        return rc;
    }
    if (req_form(r, "potwierdzam") == NULL) {
        return req_error(r, 400, T_DIR_DELETE_NOT_CONFIRMED);
    }
    if ((rc = dir_service_delete(r->db, &r->arena, s.id, &w)) != 0) {
        return rc;
    }
    return req_redirect(r, arena_printf(&r->arena,
                                        "/uslugi/zarzadzanie/instytucja/%lld",
                                        (long long)o.id));
}
