/*
** Niebieska Linia JSON: agreements of a region's gminas (public), upcoming
** duties and the line's state (public), contacts (no notes, ever) and the
** statistics. The same numbers as the pages, for scripts and other systems.
*/
#include "modules_handlers.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/err.h"
#include "core/str.h"
#include "core/json.h"
#include "db/db.h"
#include "helpline_web.h"
#include "region/region.h"
#include "helpline/strings_pl.h"

/*
** ROUTE: GET /api/helpline/agreements
** CAP: CAP_PUBLIC
** PARAMS: woj=2 digits (optional), data=YYYY-MM-DD (default today)
*/
int
api_helpline_agreements(struct req *r)
{
    const char *region = helpline_region_public(r), *date = req_arg(r, "data");
    struct helpline_agreement *g = NULL;
    struct json j;
    int n, i;

    if (date == NULL || date[0] == '\0') {
        date = helpline_today(r);
    } else if (!str_date_valid(date)) {
        return req_error(r, 400, T_HL_ERR_DATE);
    }
    n = helpline_agreements(r->db, &r->arena, region, date, &g);
    if (n < 0) {
        return n;
    }
    req_json(r, &j);
    json_obj_begin(&j);
    json_kstr(&j, "region", region);
    json_kstr(&j, "date", date);
    json_key(&j, "gminas");
    json_arr_begin(&j);
    for (i = 0; i < n; i++) {
        json_obj_begin(&j);
        json_kstr(&j, "teryt", g[i].teryt);
        json_kstr(&j, "name", g[i].name);
        json_kint(&j, "rodz", g[i].rodz);
        json_kstr(&j, "powiat", g[i].powiat);
        json_kbool(&j, "has_agreement", g[i].has);
        json_kstr(&j, "since", g[i].since);
        json_kstr(&j, "until", g[i].until);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    return 0;
}

/*
** ROUTE: GET /api/helpline/duties
** CAP: CAP_PUBLIC
** PARAMS: woj=2 digits (optional)
*/
int
api_helpline_duties(struct req *r)
{
    const char *region = helpline_region_public(r);
    const char *today = helpline_today(r), *until;
    struct region_line *l = NULL;
    db_stmt *st;
    struct json j;
    struct tm tm;
    int rc, n = 0;

    helpline_warsaw_time(time(NULL) + 30 * 86400, &tm);
    until = arena_printf(&r->arena, "%04d-%02d-%02d", tm.tm_year + 1900,
                         tm.tm_mon + 1, tm.tm_mday);
    /* The region's first helpline, from its settings (issue 15). */
    if (region != NULL &&
        (n = region_lines(r->db, &r->arena, region, &l)) < 0) {
        return n;
    }
    helpline_warsaw_time(time(NULL), &tm);
    req_json(r, &j);
    json_obj_begin(&j);
    json_kstr(&j, "region", region);
    json_kstr(&j, "phone", n > 0 ? l[0].phone : NULL);
    json_kstr(&j, "hours",
              n == 0 ? NULL
              : l[0].open_from >= 0
                  ? arena_printf(&r->arena, "%02d:%02d-%02d:%02d",
                                 l[0].open_from / 60, l[0].open_from % 60,
                                 l[0].open_to / 60, l[0].open_to % 60)
                  : l[0].hours);
    json_kbool(&j, "open_now",
               n > 0 &&
                   region_line_open_now(&l[0], tm.tm_hour * 60 + tm.tm_min));
    json_key(&j, "duties");
    json_arr_begin(&j);
    st = helpline_store_duties(r->db, region, today, until, 500);
    while ((rc = db_step(st)) == DB_ROW) {
        int kind = (int)db_col_int(st, 2), sp = (int)db_col_int(st, 3);

        json_obj_begin(&j);
        json_kint(&j, "id", db_col_int(st, 0));
        json_kstr(&j, "kind",
                  kind >= 1 && kind <= HELPLINE_DUTY_KINDS
                      ? helpline_duty_kind_label[kind]
                      : "");
        json_kstr(&j, "specialist",
                  sp >= 1 && sp <= HELPLINE_SPECIALISTS
                      ? helpline_specialist_label[sp]
                      : "");
        json_kstr(&j, "city", db_col_text(st, 4));
        json_kstr(&j, "place", db_col_text(st, 5));
        json_kstr(&j, "day", db_col_text(st, 6));
        json_kstr(&j, "start", db_col_text(st, 7));
        json_kstr(&j, "finish", db_col_text(st, 8));
        json_obj_end(&j);
    }
    db_done(st);
    json_arr_end(&j);
    json_obj_end(&j);
    return rc == DB_DONE ? 0 : rc;
}

static void
bits_json(struct json *j, const char *key, unsigned v, const char *const *codes,
          int n)
{
    int i;

    json_key(j, key);
    json_arr_begin(j);
    for (i = 1; i <= n; i++) {
        if (v & (1u << (i - 1))) {
            json_str(j, codes[i]);
        }
    }
    json_arr_end(j);
}

/*
** ROUTE: GET /api/helpline/contacts
** CAP: CAP_HELPLINE_READ
** PARAMS: od, do (YYYY-MM-DD; default the last 30 days), woj, limit
**         (1..10000, default 1000), offset
*/
int
api_helpline_contacts(struct req *r)
{
    const char *region, *from, *to;
    char before[16];
    struct json j;
    struct tm tm;
    db_stmt *st;
    long limit, offset;
    int64_t total = 0;
    int rc;

    helpline_warsaw_time(time(NULL) - 30 * 86400, &tm);
    if ((rc = helpline_region_or_reply(r, false, &region)) != 0 ||
        (rc = helpline_range_or_reply(r,
                                      arena_printf(&r->arena, "%04d-%02d-%02d",
                                                   tm.tm_year + 1900,
                                                   tm.tm_mon + 1, tm.tm_mday),
                                      &from, &to)) != 0) {
        return rc;
    }
    if ((rc = req_page_or_reply(r, 1000, 10000, &limit, &offset)) != 0) {
        return rc;
    }
    snprintf(before, sizeof(before), "%s~", to);
    if ((rc = helpline_store_contact_count(r->db, region, from, before,
                                           &total)) != 0) {
        return rc;
    }
    req_json_begin(r);
    /* The body stays a list; its length and the next page in headers. */
    req_page_headers(r, (long)total, limit, offset);
    json_init(&j, &r->out);
    json_arr_begin(&j);
    st = helpline_store_contacts(r->db, false, region, from, before, limit,
                                 offset);
    while ((rc = db_step(st)) == DB_ROW) {
        int ch = (int)db_col_int(st, 3), cr = (int)db_col_int(st, 4);

        json_obj_begin(&j);
        json_kint(&j, "id", db_col_int(st, 0));
        json_kstr(&j, "region", db_col_text(st, 1));
        json_kstr(&j, "at", db_col_text(st, 2));
        json_kstr(&j, "channel",
                  ch >= 1 && ch <= HELPLINE_CHANNELS ? helpline_channel_code[ch]
                                                     : "");
        json_kstr(&j, "caller",
                  cr >= 1 && cr <= HELPLINE_CALLERS ? helpline_caller_code[cr]
                                                    : "");
        json_kstr(&j, "gmina",
                  db_col_text(st, 5)[0] ? db_col_text(st, 5) : NULL);
        bits_json(&j, "forms", (unsigned)db_col_int(st, 7), helpline_form_code,
                  HELPLINE_FORMS);
        bits_json(&j, "harmed", (unsigned)db_col_int(st, 8),
                  helpline_harmed_code, HELPLINE_HARMED);
        json_kint(&j, "help", db_col_int(st, 9));
        json_kint(&j, "referrals", db_col_int(st, 10));
        json_kint(&j, "minutes", db_col_int(st, 11));
        json_kbool(&j, "has_note", db_col_int(st, 12) != 0);
        json_obj_end(&j);
    }
    db_done(st);
    json_arr_end(&j);
    return rc == DB_DONE ? 0 : rc;
}

static void
counts_json(struct json *j, const struct helpline_breakdown *b,
            const int64_t *v)
{
    int i;

    json_key(j, b->key);
    json_arr_begin(j);
    for (i = 1; i <= b->n; i++) {
        json_obj_begin(j);
        json_kstr(j, "code", b->codes[i]);
        json_kstr(j, "label", b->labels[i]);
        json_kint(j, "n", v[i]);
        json_obj_end(j);
    }
    json_arr_end(j);
}

/*
** ROUTE: GET /api/helpline/stats
** CAP: CAP_HELPLINE_READ
** PARAMS: od, do (YYYY-MM-DD; default this year), woj (empty: the country)
*/
int
api_helpline_stats(struct req *r)
{
    const char *region, *from, *to;
    struct helpline_stats s;
    struct json j;
    int i, rc;

    if ((rc = helpline_stats_or_reply(r, &region, &from, &to, &s)) != 0) {
        return rc;
    }
    req_json(r, &j);
    json_obj_begin(&j);
    json_kstr(&j, "region", region);
    json_kstr(&j, "from", from);
    json_kstr(&j, "to", to);
    json_kint(&j, "total", s.total);
    json_kint(&j, "minutes", s.minutes);
    json_key(&j, "by_month");
    json_arr_begin(&j);
    for (i = 0; i < s.nmonths; i++) {
        json_obj_begin(&j);
        json_kstr(&j, "month", s.months[i]);
        json_kint(&j, "n", s.by_month[i]);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    for (i = 0; i < HELPLINE_BREAKDOWNS; i++) {
        counts_json(&j, &helpline_breakdowns[i],
                    helpline_breakdown_counts(&s, &helpline_breakdowns[i]));
    }
    json_kint(&j, "institution_referrals", s.inst_total);
    json_key(&j, "by_institution_kind");
    json_arr_begin(&j);
    for (i = 0; i < s.ninst_kinds; i++) {
        json_obj_begin(&j);
        json_kstr(&j, "code", s.inst_kinds[i].code);
        json_kstr(&j, "label", s.inst_kinds[i].name);
        json_kint(&j, "n", s.inst_kinds[i].n);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_key(&j, "by_institution");
    json_arr_begin(&j);
    for (i = 0; i < s.ninsts; i++) {
        json_obj_begin(&j);
        json_kint(&j, "id", s.insts[i].id);
        json_kstr(&j, "name", s.insts[i].name);
        json_kstr(&j, "kind", s.insts[i].kind);
        json_kint(&j, "n", s.insts[i].n);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_key(&j, "by_powiat");
    json_arr_begin(&j);
    for (i = 0; i < s.npowiats; i++) {
        json_obj_begin(&j);
        json_kstr(&j, "code", s.powiats[i].code);
        json_kstr(&j, "name", s.powiats[i].name);
        json_kint(&j, "n", s.powiats[i].n);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_key(&j, "by_gmina");
    json_arr_begin(&j);
    for (i = 0; i < s.ngminas; i++) {
        json_obj_begin(&j);
        json_kstr(&j, "teryt", s.gminas[i].code[0] ? s.gminas[i].code : NULL);
        json_kstr(&j, "name", s.gminas[i].name);
        json_kstr(&j, "powiat", s.gminas[i].powiat);
        json_kint(&j, "n", s.gminas[i].n);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    return 0;
}
