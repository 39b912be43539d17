/*
** Grants awarded in open competitions and their grantees' reports: the
** coordinator lists the organisations a competition funded, a grantee
** (an NGO account) sees only the awards of its own organisation and
** reports initiatives and final beneficiaries for each. Ownership is by
** organisation id (see monitoring.h); the pages
** (grant_pages.c) and the JSON API render what is stored here.
*/
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/json.h"
#include "core/str.h"
#include "db/db.h"
#include "monitoring.h"
#include "users/units.h"
#include "monitoring/strings_pl.h"

static void
award_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct mon_award *w = elem;

    memset(w, 0, sizeof(*w));
    w->id = db_col_int(st, 0);
    w->grant_id = db_col_int(st, 1);
    w->region = db_col_text_dup(a, st, 2);
    w->year = (int)db_col_int(st, 3);
    w->call = db_col_text_dup(a, st, 4);
    w->area = db_col_text_dup(a, st, 5);
    w->organisation = db_col_text_dup(a, st, 6);
    w->project = db_col_text_dup(a, st, 7);
    w->amount = db_col_int(st, 8);
    w->organisation_id = db_col_int(st, 14);
    w->reported = !db_col_null(st, 13);
    if (w->reported) {
        w->initiatives = db_col_int(st, 9);
        w->beneficiaries = db_col_int(st, 10);
        w->note = db_col_text_dup_or_null(a, st, 11);
        w->reported_by = db_col_text_dup(a, st, 12);
        w->reported_at = db_col_text_dup(a, st, 13);
    }
}

int
mon_award_get(struct db *db, struct arena *a, int64_t id, struct mon_award *out)
{
    db_stmt *st = db_query(db, Q_MON_AWARD_GET);

    db_bind_int(st, 1, id);
    return db_get(st, a, award_cols, out);
}

int
mon_awards_of_grant(struct db *db, struct arena *a, int64_t grant_id,
                    struct mon_award **out)
{
    db_stmt *st = db_query(db, Q_MON_AWARDS_OF_GRANT);

    db_bind_int(st, 1, grant_id);
    return db_list(st, a, sizeof(**out), award_cols, out);
}

bool
mon_award_is_own(struct db *db, struct arena *a, const struct mon_actor *act,
                 const struct mon_award *w)
{
    db_stmt *st;
    int64_t n = 0;

    (void)a;
    if (act->account == 0) {
        return true; /* the CLI and the demo: no unit check */
    }
    if (act->role != ROLE_GRANTEE || w->organisation_id <= 0) {
        return false;
    }
    if (act->region != NULL && strcmp(act->region, w->region) != 0) {
        return false;
    }
    st = db_query(db, Q_MON_AWARD_OF_ACCOUNT);
    db_bind_int(st, 1, w->id);
    db_bind_int(st, 2, act->account);
    return db_one_int(st, &n) == 0 && n > 0;
}

int
mon_awards_of_actor(struct db *db, struct arena *a, const struct mon_actor *act,
                    struct mon_award **out)
{
    db_stmt *st;

    *out = NULL;
    if (act->account == 0 || act->role != ROLE_GRANTEE) {
        return 0;
    }
    st = db_query(db, Q_MON_AWARDS_OF_ACCOUNT);
    db_bind_text(st, 1, act->region);
    db_bind_int(st, 2, act->account);
    return db_list(st, a, sizeof(**out), award_cols, out);
}

static const char *
award_json(struct arena *a, const struct mon_award *w)
{
    struct buf b;
    struct json j;

    json_obj_open(&j, &b);
    json_kint(&j, "grant_id", w->grant_id);
    json_kstr(&j, "organisation", w->organisation);
    json_kint(&j, "organisation_id", w->organisation_id);
    json_kstr(&j, "project", w->project);
    json_kint(&j, "amount_grosze", w->amount);
    if (w->reported) {
        json_kint(&j, "initiatives", w->initiatives);
        json_kint(&j, "beneficiaries", w->beneficiaries);
        json_kstr(&j, "note", w->note);
    }
    return json_obj_dup(a, &j);
}

/* Text of a field: trimmed, valid UTF-8 of at most max bytes, or NULL. */
static const char *
text_ok(struct arena *a, const char *s, size_t max)
{
    const char *t = str_trim(a, s ? s : "");

    if (!str_utf8_valid(t, strlen(t)) || strlen(t) > max) {
        return NULL;
    }
    return t;
}

/*
** What one audited change of an award works on: the award's id, the award
** before the change (w) and, to add one, its fields and where to report a
** field's error.
*/
struct award_change {
    struct arena *a;
    const struct mon_actor *act;
    int64_t id, grant_id, grosze, initiatives, beneficiaries;
    const char *region, *org, *text;
    struct mon_award w;
    const char ***errs;
    int *nerrs;
};

/* The audit row names the award by id, its JSON before and after. */
static int
award_record(struct award_change *c, struct audit_entry *e,
             const struct mon_award *before, const struct mon_award *after)
{
    e->entity_id = arena_printf(c->a, "%ld", (long)c->id);
    e->before = before != NULL ? award_json(c->a, before) : NULL;
    e->after = after != NULL ? award_json(c->a, after) : NULL;
    return 0;
}

static int
award_insert(struct db *db, void *ctx, struct audit_entry *e)
{
    struct award_change *c = ctx;
    int64_t org_id = 0;
    db_stmt *st;
    int rc;

    rc = units_ensure(db, c->a, c->region, UNIT_ORGANISATION, c->org, &org_id);
    if (rc == ERR_INPUT) {
        mon_add_err(
            c->a, c->errs, c->nerrs,
            arena_printf(c->a, T_REG_ERR_REQUIRED, T_GRANT_F_ORGANISATION));
    }
    if (rc != 0) {
        return rc;
    }
    st = db_query(db, Q_MON_AWARD_INSERT);
    db_bind_int(st, 1, c->grant_id);
    db_bind_text(st, 2, c->org);
    db_bind_text(st, 3, *c->text ? c->text : NULL);
    db_bind_int(st, 4, c->grosze);
    db_bind_int(st, 5, org_id);
    if ((rc = db_one_int(st, &c->id)) != 0 ||
        (rc = mon_award_get(db, c->a, c->id, &c->w)) != 0) {
        return rc;
    }
    return award_record(c, e, NULL, &c->w);
}

int
mon_award_add(struct db *db, struct arena *a, const struct mon_actor *act,
              int64_t grant_id, const char *organisation, const char *project,
              const char *amount, int64_t *id, const char ***errs, int *nerrs)
{
    const struct mon_register *reg = mon_register_find("konkursy");
    struct award_change c = {
        .a = a, .act = act, .grant_id = grant_id, .errs = errs, .nerrs = nerrs};
    struct mon_record g;
    struct plan_num num;
    const char *amt;
    int rc;

    *errs = NULL;
    *nerrs = 0;
    rc = mon_record_get(db, a, reg, grant_id, &g);
    if (rc == 0 && act->region != NULL && strcmp(act->region, g.region)) {
        rc = ERR_NOTFOUND;
    }
    if (rc != 0) {
        return rc;
    }
    c.region = g.region;
    c.org = text_ok(a, organisation, 500);
    c.text = text_ok(a, project, 2000);
    amt = text_ok(a, amount, 40);
    if (c.org == NULL || *c.org == '\0') {
        mon_add_err(
            a, errs, nerrs,
            arena_printf(a, T_REG_ERR_REQUIRED, T_GRANT_F_ORGANISATION));
    }
    if (c.text == NULL) {
        mon_add_err(a, errs, nerrs,
                    arena_printf(a, T_REG_ERR_TEXT, T_GRANT_F_PROJECT));
    }
    if (amt == NULL) {
        mon_add_err(a, errs, nerrs,
                    arena_printf(a, T_REG_ERR_MONEY, T_GRANT_F_AMOUNT, ""));
    } else if (*amt != '\0') {
        if (plan_num_money(amt, &num) != 0 || num.kind != PLAN_NUM_VALUE ||
            num.v < 0) {
            mon_add_err(
                a, errs, nerrs,
                arena_printf(a, T_REG_ERR_MONEY, T_GRANT_F_AMOUNT, amt));
        } else {
            c.grosze = num.v;
        }
    }
    if (*nerrs > 0) {
        return ERR_INPUT;
    }
    rc = audit_change(db, &act->who, "grant.award", "reg_grant_award",
                      award_insert, &c);
    *id = c.id;
    return rc;
}

static int
award_remove(struct db *db, void *ctx, struct audit_entry *e)
{
    struct award_change *c = ctx;
    db_stmt *st;
    int rc;

    if ((rc = mon_award_get(db, c->a, c->id, &c->w)) != 0) {
        return rc;
    }
    if (c->act->region != NULL && strcmp(c->act->region, c->w.region) != 0) {
        return ERR_NOTFOUND;
    }
    st = db_query(db, Q_MON_AWARD_DELETE);
    db_bind_int(st, 1, c->id);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    return award_record(c, e, &c->w, NULL);
}

int
mon_award_delete(struct db *db, struct arena *a, const struct mon_actor *act,
                 int64_t id)
{
    struct award_change c = {.a = a, .act = act, .id = id};

    return audit_change(db, &act->who, "grant.award_delete", "reg_grant_award",
                        award_remove, &c);
}

static int
award_reported(struct db *db, void *ctx, struct audit_entry *e)
{
    struct award_change *c = ctx;
    struct mon_award after;
    db_stmt *st = db_query(db, Q_MON_AWARD_REPORT);
    int rc;

    db_bind_int(st, 1, c->id);
    db_bind_int(st, 2, c->initiatives);
    db_bind_int(st, 3, c->beneficiaries);
    db_bind_text(st, 4, *c->text ? c->text : NULL);
    db_bind_text(st, 5, c->act->who.account);
    mon_bind_now(st, 6, false);
    if ((rc = db_exec(st)) != 0 ||
        (rc = mon_award_get(db, c->a, c->id, &after)) != 0) {
        return rc;
    }
    return award_record(c, e, &c->w, &after);
}

int
mon_award_report(struct db *db, struct arena *a, const struct mon_actor *act,
                 int64_t id, const char *initiatives, const char *beneficiaries,
                 const char *note, const char ***errs, int *nerrs)
{
    struct award_change c = {.a = a, .act = act, .id = id};
    const char *ini, *ben;
    int rc;

    *errs = NULL;
    *nerrs = 0;
    if ((rc = mon_award_get(db, a, id, &c.w)) != 0) {
        return rc;
    }
    if (!mon_award_is_own(db, a, act, &c.w)) {
        return ERR_NOTFOUND;
    }
    ini = text_ok(a, initiatives, 40);
    ben = text_ok(a, beneficiaries, 40);
    c.text = text_ok(a, note, 2000);
    if (ini == NULL || *ini == '\0' || !mon_count_ok(ini, &c.initiatives)) {
        mon_add_err(a, errs, nerrs,
                    arena_printf(a, T_GRANT_ERR_COUNT, T_REG_F_INITIATIVES,
                                 ini ? ini : ""));
    }
    if (ben == NULL || *ben == '\0' || !mon_count_ok(ben, &c.beneficiaries)) {
        mon_add_err(a, errs, nerrs,
                    arena_printf(a, T_GRANT_ERR_COUNT, T_REG_F_BENEFICIARIES,
                                 ben ? ben : ""));
    }
    if (c.text == NULL) {
        mon_add_err(a, errs, nerrs,
                    arena_printf(a, T_REG_ERR_TEXT, T_GRANT_F_REPORT_NOTE));
    }
    if (*nerrs > 0) {
        return ERR_INPUT;
    }
    return audit_change(db, &act->who, "grant.report", "reg_grant_award",
                        award_reported, &c);
}
