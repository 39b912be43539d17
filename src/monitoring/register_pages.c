/*
** Register pages: the overview, each register's list (with a year
** filter), its form for a new or changed record, deletion, CSV export and
** CSV import (all or nothing). The registers' descriptors and storage are
** register_store.c's; these pages only render them and check regions.
*/
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/str.h"
#include "db/db.h"
#include "grants/grants.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "monitoring.h"
#include "modules_handlers.h"
#include "pages.h"
#include "region/region.h"
#include "monitoring/strings_pl.h"

static int
reg_or_reply(struct req *r, const struct mon_register **reg)
{
    *reg = mon_register_find(req_param(r, 0));
    return *reg != NULL ? 0 : req_error(r, 404, NULL);
}

/*
** The register of the path and its records of ?rok= (0: every year) that
** the user's region sees: their count, or < 0 (a reply is set).
*/
static int
records_or_reply(struct req *r, const struct mon_register **reg, int *year,
                 struct mon_record **recs)
{
    const char *rok = req_arg(r, "rok");
    int rc;

    *year = rok ? atoi(rok) : 0;
    if ((rc = reg_or_reply(r, reg)) != 0) {
        return rc;
    }
    return mon_record_list(r->db, &r->arena, *reg,
                           r->user ? r->user->region : NULL, *year, recs);
}

/* The register and the record of the path, seen by the user's region. */
static int
rec_or_reply(struct req *r, const struct mon_register **reg,
             struct mon_record *rec)
{
    int64_t id;
    int rc;

    if ((rc = reg_or_reply(r, reg)) != 0 ||
        (rc = req_param_num(r, 1, 1, &id)) != 0) {
        return rc;
    }
    rc = mon_record_get(r->db, &r->arena, *reg, id, rec);
    if (rc == ERR_NOTFOUND ||
        (rc == 0 && r->user != NULL && r->user->region != NULL &&
         strcmp(r->user->region, rec->region) != 0)) {
        return req_error(r, 404, NULL);
    }
    return rc;
}

/*
 * The call of the grants module that keeps a competition of the register
 * (its summary row): 0 when the register keeps the record itself.
 */
static int64_t
kept_by_call(struct req *r, const struct mon_register *reg,
             const struct mon_record *rec)
{
    int64_t call = 0;

    if (strcmp(reg->slug, "konkursy") != 0 ||
        grant_call_of_register(r->db, rec->id, &call) != 0) {
        return 0;
    }
    return call;
}

/* A change of a competition the grants module keeps: 409 naming the call. */
static int
refuse_kept(struct req *r, int64_t call)
{
    return req_error(
        r, 409,
        arena_printf(&r->arena, T_GRANT_KEPT_BY_CALL, (long)call, (long)call));
}

static bool
may_edit(struct req *r)
{
    return r->user != NULL && auth_role_has(r->user->role, CAP_REGISTER_EDIT);
}

/* The competitions' list links each to its awards for their editors. */
static bool
awards_column(struct req *r, const struct mon_register *reg)
{
    return may_edit(r) && strcmp(reg->slug, "konkursy") == 0;
}

static void
crumbs(struct req *r, const struct mon_register *reg, const char *here)
{
    struct crumb c[3] = {{"/rejestry", T_NAV_REGISTERS}};
    size_t n = 1;

    if (reg != NULL) {
        c[n++] = (struct crumb){
            arena_printf(&r->arena, "/rejestry/%s", reg->slug), reg->title};
    }
    c[n++] = (struct crumb){NULL, here};
    layout_breadcrumb(&r->out, c, n);
}

/* A value for people: labels of choices, money with grosze. */
static const char *
shown(struct arena *a, const struct mon_field *f, const char *v)
{
    if (v == NULL) {
        return "";
    }
    if (f->type == MF_ENUM) {
        return mon_field_choice_label(f, v);
    }
    if (f->type == MF_MONEY && *v) {
        return str_money(a, strtoll(v, NULL, 10));
    }
    return v;
}

/*
** ROUTE: GET /rejestry
** CAP: CAP_PUBLIC
** PARAMS: none
*/
int
page_reg_home(struct req *r)
{
    int64_t counts[4] = {0, 0, 0, 0};
    int rc, i;

    if ((rc = mon_register_counts(r->db, r->user ? r->user->region : NULL,
                                  counts)) != 0) {
        return rc;
    }
    layout_begin(r, T_NAV_REGISTERS);
    html_lit(&r->out,
             "<h1>" T_NAV_REGISTERS "</h1>\n<p class=\"lead\">" T_REG_LEAD
             "</p>\n<ul class=\"mon-registers\">\n");
    for (i = 0; i < mon_registers_count && i < 4; i++) {
        html_printf(&r->out,
                    "<li><a href=\"/rejestry/%s\">%s</a> — %ld %s</li>\n",
                    mon_registers[i].slug, mon_registers[i].title,
                    (long)counts[i], T_REG_RECORDS);
    }
    html_lit(&r->out, "</ul>\n");
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /rejestry/:reg
** CAP: CAP_PUBLIC
** PARAMS: reg=szkolenia|konkursy|adopcje|publikacje (path), rok=YYYY
*/
int
page_reg_list(struct req *r)
{
    const struct mon_register *reg;
    struct mon_record *recs;
    int year, n, i, k;

    if ((n = records_or_reply(r, &reg, &year, &recs)) < 0) {
        return n;
    }
    if (year != 0 && (year < 2000 || year > 2100)) {
        return req_error(r, 400, T_REG_ERR_YEAR_ARG);
    }
    layout_begin(r, reg->title);
    crumbs(r, NULL, reg->title);
    html_printf(&r->out, "<h1>%s</h1>\n", reg->title);
    html_printf(&r->out,
                "<form method=\"get\" action=\"/rejestry/%s\" "
                "class=\"search\"><label for=\"f-rok\">%s</label> "
                "<input id=\"f-rok\" name=\"rok\" size=\"6\" "
                "inputmode=\"numeric\" value=\"%s\"> <button "
                "type=\"submit\">%s</button></form>\n",
                reg->slug, T_REG_YEAR_FILTER,
                year ? arena_printf(&r->arena, "%d", year) : "", T_REG_SHOW);
    html_printf(&r->out,
                "<p class=\"downloads\"><a href=\"/rejestry/%s/csv%s\">"
                "%s</a>",
                reg->slug, year ? arena_printf(&r->arena, "?rok=%d", year) : "",
                T_REG_CSV_EXPORT);
    html_printf(&r->out, " · <a href=\"/api/registers/%s%s\">%s</a>", reg->slug,
                year ? arena_printf(&r->arena, "?rok=%d", year) : "",
                T_REG_JSON);
    if (may_edit(r)) {
        html_printf(&r->out, " · <a href=\"/rejestry/%s/nowy\">%s</a>",
                    reg->slug, T_REG_NEW);
    }
    html_lit(&r->out, "</p>\n");
    html_printf(&r->out,
                WIDE_OPEN "<table>\n<caption>%s (%d)</caption>"
                          "\n<thead><tr>",
                reg->title, reg->title, n);
    for (k = 0; k < reg->nfields; k++) {
        if (reg->fields[k].in_list) {
            html_printf(&r->out, "<th scope=\"col\">%s</th>",
                        reg->fields[k].label);
        }
    }
    if (strcmp(reg->slug, "szkolenia") == 0) {
        html_printf(&r->out, "<th scope=\"col\" class=\"num\">%s</th>",
                    T_REG_PARTICIPANTS);
    }
    if (awards_column(r, reg)) {
        html_lit(&r->out, "<th scope=\"col\">" T_GRANT_AWARDS_LINK "</th>");
    }
    html_lit(&r->out, "</tr></thead>\n<tbody>\n");
    for (i = 0; i < n; i++) {
        bool first = true;

        html_lit(&r->out, "<tr>");
        for (k = 0; k < reg->nfields; k++) {
            const struct mon_field *f = &reg->fields[k];

            if (!f->in_list) {
                continue;
            }
            if (first && may_edit(r)) {
                html_printf(&r->out,
                            "<td><a href=\"/rejestry/%s/%ld\">%s</a></td>",
                            reg->slug, (long)recs[i].id,
                            shown(&r->arena, f, recs[i].v[k]));
            } else {
                html_printf(&r->out, "<td%s>%s</td>",
                            f->type == MF_INT || f->type == MF_MONEY
                                ? " class=\"num\""
                                : "",
                            shown(&r->arena, f, recs[i].v[k]));
            }
            first = false;
        }
        if (strcmp(reg->slug, "szkolenia") == 0) {
            int64_t sum = 0;

            for (k = 0; k < reg->nfields; k++) {
                if (reg->fields[k].type == MF_INT) {
                    sum += strtoll(recs[i].v[k], NULL, 10);
                }
            }
            html_printf(&r->out, "<td class=\"num\">%ld</td>", (long)sum);
        }
        if (awards_column(r, reg)) {
            html_printf(&r->out,
                        "<td><a href=\"/rejestry/konkursy/%ld/dotacje\">"
                        "%s</a></td>",
                        (long)recs[i].id, T_GRANT_AWARDS_LINK);
        }
        html_lit(&r->out, "</tr>\n");
    }
    html_lit(&r->out, "</tbody>\n</table></div>\n");
    if (may_edit(r)) {
        html_printf(&r->out, "<h2>%s</h2>\n<p>%s</p>\n", T_REG_CSV_IMPORT,
                    T_REG_CSV_IMPORT_LEAD);
        form_begin(r, arena_printf(&r->arena, "/rejestry/%s/import", reg->slug),
                   "multipart/form-data");
        html_printf(&r->out,
                    "<p class=\"field\"><label for=\"f-file\">%s</label>"
                    "<input id=\"f-file\" name=\"file\" type=\"file\" "
                    "required accept=\".csv,.txt\"></p>\n",
                    T_REG_CSV_FILE);
        if (r->user->region == NULL) {
            form_input(r, "region", T_REG_REGION, "text", "04",
                       "pattern=\"[0-9]{2}\" inputmode=\"numeric\" "
                       "required");
        }
        html_lit(&r->out, "<p><button type=\"submit\">" T_REG_CSV_IMPORT
                          "</button></p>\n");
        form_end(r);
    }
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /rejestry/:reg/csv
** CAP: CAP_PUBLIC
** PARAMS: reg (path), rok=YYYY
*/
int
page_reg_csv(struct req *r)
{
    const struct mon_register *reg;
    struct mon_record *recs;
    int year, n;

    if ((n = records_or_reply(r, &reg, &year, &recs)) < 0) {
        return n;
    }
    r->content_type = "text/csv; charset=utf-8";
    req_add_header(
        r, "Content-Disposition",
        arena_printf(&r->arena, "attachment; filename=\"%s.csv\"", reg->slug));
    mon_register_csv(&r->arena, reg, recs, n, &r->out);
    return 0;
}

/* Whether errs has a message about field label (they begin "Pole „label”"). */
static bool
field_has_error(struct req *r, const char *label, const char *const *errs,
                int nerrs)
{
    const char *prefix = arena_printf(&r->arena, T_REG_ERR_FIELD, label);
    int i;

    for (i = 0; i < nerrs; i++) {
        if (str_starts(errs[i], prefix)) {
            return true;
        }
    }
    return false;
}

static void
record_form(struct req *r, const struct mon_register *reg,
            const struct mon_record *rec, const char *const *errs, int nerrs)
{
    int k, c;

    form_errors(r, errs, nerrs);
    form_begin(r,
               rec->id ? arena_printf(&r->arena, "/rejestry/%s/%ld", reg->slug,
                                      (long)rec->id)
                       : arena_printf(&r->arena, "/rejestry/%s", reg->slug),
               NULL);
    if (r->user->region == NULL) {
        form_input(r, "region", T_REG_REGION, "text",
                   rec->region ? rec->region : "04",
                   "pattern=\"[0-9]{2}\" inputmode=\"numeric\" required");
    }
    for (k = 0; k < reg->nfields; k++) {
        const struct mon_field *f = &reg->fields[k];
        const char *v = rec->v[k] ? rec->v[k] : "";
        bool bad = field_has_error(r, f->label, errs, nerrs);
        bool required =
            f->type == MF_TEXT || f->type == MF_YEAR ||
            (f->type == MF_DATE && strcmp(f->name, "date_from") == 0);

        if (f->type == MF_ENUM) {
            /* marked, when a message names it, by layout_end */
            html_printf(&r->out,
                        "<p class=\"field\"><label for=\"f-%s\">%s</label>"
                        "<select id=\"f-%s\" name=\"%s\">",
                        f->name, f->label, f->name, f->name);
            for (c = 0; f->choices[c] != NULL; c++) {
                html_printf(&r->out, "<option value=\"%s\"%s>%s</option>",
                            f->choices[c],
                            strcmp(f->choices[c], v) == 0 ? " selected" : "",
                            f->choice_labels[c]);
            }
            html_lit(&r->out, "</select></p>\n");
            continue;
        }
        if (f->type == MF_MONEY && rec->id && *v) {
            v = str_money(&r->arena, strtoll(v, NULL, 10));
        }
        /* a field a message names is marked for assistive technology */
        form_input(r, f->name, f->label, f->type == MF_DATE ? "date" : "text",
                   v,
                   required && bad ? "required aria-invalid=\"true\""
                   : required      ? "required"
                   : bad           ? "aria-invalid=\"true\""
                                   : NULL);
    }
    html_lit(&r->out,
             "<p><button type=\"submit\">" T_MON_SAVE "</button></p>\n");
    form_end(r);
}

/*
** ROUTE: GET /rejestry/:reg/nowy
** CAP: CAP_REGISTER_EDIT
** PARAMS: reg (path)
*/
int
page_reg_new(struct req *r)
{
    const struct mon_register *reg;
    struct mon_record rec;
    int rc;

    if ((rc = reg_or_reply(r, &reg)) != 0) {
        return rc;
    }
    memset(&rec, 0, sizeof(rec));
    layout_begin(r, T_REG_NEW);
    crumbs(r, reg, T_REG_NEW);
    html_printf(&r->out, "<h1>%s — %s</h1>\n", reg->title, T_REG_NEW);
    record_form(r, reg, &rec, NULL, 0);
    layout_end(r);
    return 0;
}

/* The record's region from the form (administrators) or the account. */
static const char *
form_region(struct req *r)
{
    const char *region = req_form(r, "region");

    if (r->user->region != NULL) {
        return r->user->region;
    }
    return region != NULL && *region != '\0' ? region : NULL;
}

static int
save_from_form(struct req *r, const struct mon_register *reg, int64_t id)
{
    struct mon_actor act = mon_actor_of(r);
    const char *in[MON_FIELDS_MAX];
    const char **errs;
    struct mon_record rec;
    bool ok;
    int k, n, rc;

    memset(&rec, 0, sizeof(rec));
    rec.id = id;
    rec.region = form_region(r);
    for (k = 0; k < reg->nfields; k++) {
        in[k] = req_form(r, reg->fields[k].name);
    }
    n = mon_record_check(r->db, &r->arena, reg, in, &rec, &errs);
    if (rec.region == NULL) {
        errs = arena_alloc(&r->arena, sizeof(*errs) * (size_t)(n + 1));
        n = 0;
        errs[n++] = T_REG_ERR_REGION;
    } else {
        if ((rc = region_served(r->db, rec.region, &ok)) != 0) {
            return rc;
        }
        if (!ok) {
            const char **more =
                arena_alloc(&r->arena, sizeof(*more) * (size_t)(n + 1));

            memcpy(more, errs, sizeof(*more) * (size_t)n);
            more[n++] = T_REG_ERR_REGION;
            errs = more;
        }
    }
    if (n > 0) {
        r->status = 400;
        layout_begin(r, reg->title);
        crumbs(r, reg, id ? T_REG_EDIT : T_REG_NEW);
        html_printf(&r->out, "<h1>%s — %s</h1>\n", reg->title,
                    id ? T_REG_EDIT : T_REG_NEW);
        record_form(r, reg, &rec, errs, n);
        layout_end(r);
        return 0;
    }
    if ((rc = mon_record_save(r->db, &r->arena, reg, &act, &rec)) != 0) {
        return rc;
    }
    return req_redirect(r, arena_printf(&r->arena, "/rejestry/%s", reg->slug));
}

/*
** ROUTE: POST /rejestry/:reg
** CAP: CAP_REGISTER_EDIT
** PARAMS: reg (path), the register's fields, region (administrators), csrf
*/
int
page_reg_create(struct req *r)
{
    const struct mon_register *reg;
    int rc;

    if ((rc = reg_or_reply(r, &reg)) != 0) {
        return rc;
    }
    return save_from_form(r, reg, 0);
}

/*
** ROUTE: GET /rejestry/:reg/:id
** CAP: CAP_REGISTER_EDIT
** PARAMS: reg, id (path)
*/
int
page_reg_edit(struct req *r)
{
    const struct mon_register *reg;
    struct mon_record rec;
    int64_t call;
    int rc;

    if ((rc = rec_or_reply(r, &reg, &rec)) != 0) {
        return rc;
    }
    if ((call = kept_by_call(r, reg, &rec)) > 0) {
        return req_redirect(r,
                            arena_printf(&r->arena, "/nabory/%ld", (long)call));
    }
    layout_begin(r, T_REG_EDIT);
    crumbs(r, reg, T_REG_EDIT);
    html_printf(&r->out, "<h1>%s — %s</h1>\n", reg->title, T_REG_EDIT);
    record_form(r, reg, &rec, NULL, 0);
    html_printf(&r->out, "<h2>%s</h2>\n", T_REG_DELETE);
    form_begin(r,
               arena_printf(&r->arena, "/rejestry/%s/%ld/usun", reg->slug,
                            (long)rec.id),
               NULL);
    html_printf(&r->out,
                "<p><input type=\"checkbox\" id=\"f-confirm\" "
                "name=\"confirm\" value=\"1\" required> <label "
                "for=\"f-confirm\">%s</label></p><p><button "
                "type=\"submit\">%s</button></p>\n",
                T_REG_DELETE_CONFIRM, T_REG_DELETE);
    form_end(r);
    layout_end(r);
    return 0;
}

/*
** ROUTE: POST /rejestry/:reg/:id
** CAP: CAP_REGISTER_EDIT
** PARAMS: reg, id (path), the register's fields, csrf
*/
int
page_reg_update(struct req *r)
{
    const struct mon_register *reg;
    struct mon_record rec;
    int64_t call;
    int rc;

    if ((rc = rec_or_reply(r, &reg, &rec)) != 0) {
        return rc;
    }
    if ((call = kept_by_call(r, reg, &rec)) > 0) {
        return refuse_kept(r, call);
    }
    return save_from_form(r, reg, rec.id);
}

/*
** ROUTE: POST /rejestry/:reg/:id/usun
** CAP: CAP_REGISTER_EDIT
** PARAMS: reg, id (path), confirm=1, csrf
*/
int
page_reg_delete(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    const struct mon_register *reg;
    const char *confirm = req_form(r, "confirm");
    struct mon_record rec;
    int64_t call;
    int rc;

    if ((rc = rec_or_reply(r, &reg, &rec)) != 0) {
        return rc;
    }
    if ((call = kept_by_call(r, reg, &rec)) > 0) {
        return refuse_kept(r, call);
    }
    if (confirm == NULL || strcmp(confirm, "1") != 0) {
        return req_error(r, 400, T_REG_ERR_CONFIRM);
    }
    if ((rc = mon_record_delete(r->db, &r->arena, reg, &act, rec.id)) != 0) {
        return rc;
    }
    return req_redirect(r, arena_printf(&r->arena, "/rejestry/%s", reg->slug));
}

/*
** ROUTE: POST /rejestry/:reg/import
** CAP: CAP_REGISTER_EDIT
** PARAMS: reg (path), file (multipart CSV), region (administrators), csrf
*/
int
page_reg_import(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    const struct mon_register *reg;
    const char *data, *name, *region, **errs;
    size_t len;
    int rc, nerrs = 0, n;

    if ((rc = reg_or_reply(r, &reg)) != 0) {
        return rc;
    }
    if (req_upload(r, "file", &data, &len, &name) != 0 || len == 0) {
        return req_error(r, 400, T_REG_ERR_NO_FILE);
    }
    region = form_region(r);
    if (region == NULL) {
        return req_error(r, 400, T_REG_ERR_REGION);
    }
    if (len > 5 * 1024 * 1024) {
        return req_error(r, 413, T_REG_ERR_TOO_BIG);
    }
    n = mon_register_import(r->db, &r->arena, reg, &act, region, data, len,
                            &errs, &nerrs);
    if (n == ERR_INPUT) {
        r->status = 400;
        layout_begin(r, T_REG_CSV_IMPORT);
        crumbs(r, reg, T_REG_CSV_IMPORT);
        html_printf(&r->out, "<h1>%s — %s</h1>\n<p>%s</p>\n", reg->title,
                    T_REG_CSV_IMPORT, T_REG_IMPORT_NOTHING);
        form_errors(r, errs, nerrs);
        html_printf(&r->out, "<p><a href=\"/rejestry/%s\">%s</a></p>\n",
                    reg->slug, T_MON_BACK);
        layout_end(r);
        return 0;
    }
    if (n < 0) {
        return n;
    }
    layout_begin(r, T_REG_CSV_IMPORT);
    crumbs(r, reg, T_REG_CSV_IMPORT);
    html_printf(&r->out,
                "<h1>%s — %s</h1>\n<p class=\"notice-ok\">%s: %d</p>\n"
                "<p><a href=\"/rejestry/%s\">%s</a></p>\n",
                reg->title, T_REG_CSV_IMPORT, T_REG_IMPORTED, n, reg->slug,
                T_MON_BACK);
    layout_end(r);
    return 0;
}
