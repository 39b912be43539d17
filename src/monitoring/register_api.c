/*
** JSON API of the registers: every register list and record page has a
** JSON twin with the same capability and the same region rule (an
** account sees its region, the public and administrators every region).
** Counts and money are numbers (money in grosze, field names end in
** _grosze), empty optional text is null, a choice carries its code and
** its Polish label. A competition's awards and their reports are listed
** only for accounts that edit the registers, as on the pages: a grantee
** does not see other organisations' grants here either.
*/
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/json.h"
#include "db/db.h"
#include "monitoring.h"
#include "modules_handlers.h"
#include "pages.h"
#include "monitoring/strings_pl.h"

static void
record_json(struct arena *a, struct json *j, const struct mon_register *reg,
            const struct mon_record *rec)
{
    int i;

    json_obj_begin(j);
    json_kint(j, "id", rec->id);
    json_kstr(j, "region", rec->region);
    for (i = 0; i < reg->nfields; i++) {
        const struct mon_field *f = &reg->fields[i];
        const char *v = rec->v[i] ? rec->v[i] : "";

        switch (f->type) {
        case MF_INT:
        case MF_MONEY:
        case MF_YEAR:
            json_kint(j, f->name, strtoll(v, NULL, 10));
            break;
        case MF_ENUM:
            json_kstr(j, f->name, v);
            json_kstr(j, arena_printf(a, "%s_label", f->name),
                      mon_field_choice_label(f, v));
            break;
        default:
            json_kstr(j, f->name, *v ? v : NULL);
        }
    }
    json_obj_end(j);
}

static int
reg_or_reply(struct req *r, const struct mon_register **reg)
{
    *reg = mon_register_find(req_param(r, 0));
    return *reg != NULL ? 0 : req_error(r, 404, NULL);
}

/*
** ROUTE: GET /api/registers/:reg
** CAP: CAP_PUBLIC
** PARAMS: reg=szkolenia|konkursy|adopcje|publikacje (path), rok=YYYY,
**         limit (1..10000, default 1000), offset
*/
int
api_reg_list(struct req *r)
{
    const struct mon_register *reg;
    struct mon_record *recs;
    const char *region = r->user ? r->user->region : NULL;
    const char *rok = req_arg(r, "rok");
    struct json j;
    long limit, offset;
    int year = 0, n, i, rc;

    if ((rc = reg_or_reply(r, &reg)) != 0) {
        return rc;
    }
    if (rok != NULL) {
        char *end;
        long y = strtol(rok, &end, 10);

        if (*rok == '\0' || *end != '\0' || y < 2000 || y > 2100) {
            return req_error(r, 400, T_REG_ERR_YEAR_ARG);
        }
        year = (int)y;
    }
    n = mon_record_list(r->db, &r->arena, reg, region, year, &recs);
    if (n < 0) {
        return n;
    }
    if ((rc = req_page_or_reply(r, 1000, 10000, &limit, &offset)) != 0) {
        return rc;
    }
    req_json_begin(r);
    req_page_headers(r, n, limit, offset);
    json_init(&j, &r->out);
    json_obj_begin(&j);
    json_kstr(&j, "register", reg->slug);
    json_kstr(&j, "title", reg->title);
    json_kstr(&j, "region", region);
    json_key(&j, "year");
    if (year != 0) {
        json_int(&j, year);
    } else {
        json_null(&j);
    }
    json_kint(&j, "count", n);
    json_key(&j, "records");
    json_arr_begin(&j);
    for (i = (int)offset; i < n && i < offset + limit; i++) {
        record_json(&r->arena, &j, reg, &recs[i]);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    return 0;
}

/*
** ROUTE: GET /api/registers/:reg/:id
** CAP: CAP_PUBLIC
** PARAMS: reg, id=record number (path)
*/
int
api_reg_record(struct req *r)
{
    const struct mon_register *reg;
    struct mon_record rec;
    struct json j;
    int64_t id;
    int rc;

    if ((rc = reg_or_reply(r, &reg)) != 0 ||
        (rc = req_param_num(r, 1, 1, &id)) != 0) {
        return rc;
    }
    rc = mon_record_get(r->db, &r->arena, reg, id, &rec);
    if (rc == ERR_NOTFOUND ||
        (rc == 0 && r->user != NULL && r->user->region != NULL &&
         strcmp(r->user->region, rec.region) != 0)) {
        return req_error(r, 404, NULL);
    }
    if (rc != 0) {
        return rc;
    }
    req_json(r, &j);
    json_obj_begin(&j);
    json_kstr(&j, "register", reg->slug);
    json_key(&j, "record");
    record_json(&r->arena, &j, reg, &rec);
    if (strcmp(reg->slug, "konkursy") == 0 && r->user != NULL &&
        auth_role_has(r->user->role, CAP_REGISTER_EDIT)) {
        struct mon_award *ws;
        int n = mon_awards_of_grant(r->db, &r->arena, rec.id, &ws), i;

        if (n < 0) {
            return n;
        }
        json_key(&j, "awards");
        json_arr_begin(&j);
        for (i = 0; i < n; i++) {
            json_obj_begin(&j);
            json_kint(&j, "id", ws[i].id);
            json_kstr(&j, "organisation", ws[i].organisation);
            json_kstr(&j, "project", *ws[i].project ? ws[i].project : NULL);
            json_kint(&j, "amount_grosze", ws[i].amount);
            json_kbool(&j, "reported", ws[i].reported);
            json_key(&j, "initiatives");
            if (ws[i].reported) {
                json_int(&j, ws[i].initiatives);
            } else {
                json_null(&j);
            }
            json_key(&j, "beneficiaries");
            if (ws[i].reported) {
                json_int(&j, ws[i].beneficiaries);
            } else {
                json_null(&j);
            }
            json_kstr(&j, "reported_by", ws[i].reported_by);
            json_kstr(&j, "reported_at", ws[i].reported_at);
            json_obj_end(&j);
        }
        json_arr_end(&j);
    }
    json_obj_end(&j);
    return 0;
}
