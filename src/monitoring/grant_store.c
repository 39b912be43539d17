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

int
mon_award_add(struct db *db, struct arena *a, const struct mon_actor *act,
              int64_t grant_id, const char *organisation, const char *project,
              const char *amount, int64_t *id, const char ***errs, int *nerrs)
{
    const struct mon_register *reg = mon_register_find("konkursy");
    struct audit_entry e = act->who;
    struct mon_record g;
    struct plan_num num;
    struct mon_award w;
    const char *org, *proj, *amt;
    int64_t grosze = 0, org_id = 0;
    db_stmt *st;
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
    org = text_ok(a, organisation, 500);
    proj = text_ok(a, project, 2000);
    amt = text_ok(a, amount, 40);
    if (org == NULL || *org == '\0') {
        mon_add_err(
            a, errs, nerrs,
            arena_printf(a, T_REG_ERR_REQUIRED, T_GRANT_F_ORGANISATION));
    }
    if (proj == NULL) {
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
            grosze = num.v;
        }
    }
    if (*nerrs > 0) {
        return ERR_INPUT;
    }
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    rc = units_ensure(db, a, g.region, UNIT_ORGANISATION, org, &org_id);
    if (rc == ERR_INPUT) {
        mon_add_err(
            a, errs, nerrs,
            arena_printf(a, T_REG_ERR_REQUIRED, T_GRANT_F_ORGANISATION));
        goto fail;
    }
    if (rc != 0) {
        goto fail;
    }
    st = db_query(db, Q_MON_AWARD_INSERT);
    db_bind_int(st, 1, grant_id);
    db_bind_text(st, 2, org);
    db_bind_text(st, 3, *proj ? proj : NULL);
    db_bind_int(st, 4, grosze);
    db_bind_int(st, 5, org_id);
    if ((rc = db_one_int(st, id)) != 0 ||
        (rc = mon_award_get(db, a, *id, &w)) != 0) {
        goto fail;
    }
    e.action = "grant.award";
    e.entity = "reg_grant_award";
    e.entity_id = arena_printf(a, "%ld", (long)*id);
    e.after = award_json(a, &w);
    if ((rc = audit_add(db, &e)) != 0) {
        goto fail;
    }
    return db_commit(db);
fail:
    db_rollback(db);
    return rc;
}

int
mon_award_delete(struct db *db, struct arena *a, const struct mon_actor *act,
                 int64_t id)
{
    struct audit_entry e = act->who;
    struct mon_award w;
    db_stmt *st;
    int rc;

    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    if ((rc = mon_award_get(db, a, id, &w)) != 0) {
        goto fail;
    }
    if (act->region != NULL && strcmp(act->region, w.region) != 0) {
        rc = ERR_NOTFOUND;
        goto fail;
    }
    st = db_query(db, Q_MON_AWARD_DELETE);
    db_bind_int(st, 1, id);
    if ((rc = db_exec(st)) != 0) {
        goto fail;
    }
    e.action = "grant.award_delete";
    e.entity = "reg_grant_award";
    e.entity_id = arena_printf(a, "%ld", (long)id);
    e.before = award_json(a, &w);
    if ((rc = audit_add(db, &e)) != 0) {
        goto fail;
    }
    return db_commit(db);
fail:
    db_rollback(db);
    return rc;
}

int
mon_award_report(struct db *db, struct arena *a, const struct mon_actor *act,
                 int64_t id, const char *initiatives, const char *beneficiaries,
                 const char *note, const char ***errs, int *nerrs)
{
    struct audit_entry e = act->who;
    struct mon_award w, after;
    const char *ini, *ben, *nt;
    int64_t vi = 0, vb = 0;
    db_stmt *st;
    int rc;

    *errs = NULL;
    *nerrs = 0;
    if ((rc = mon_award_get(db, a, id, &w)) != 0) {
        return rc;
    }
    if (!mon_award_is_own(db, a, act, &w)) {
        return ERR_NOTFOUND;
    }
    ini = text_ok(a, initiatives, 40);
    ben = text_ok(a, beneficiaries, 40);
    nt = text_ok(a, note, 2000);
    if (ini == NULL || *ini == '\0' || !mon_count_ok(ini, &vi)) {
        mon_add_err(a, errs, nerrs,
                    arena_printf(a, T_GRANT_ERR_COUNT, T_REG_F_INITIATIVES,
                                 ini ? ini : ""));
    }
    if (ben == NULL || *ben == '\0' || !mon_count_ok(ben, &vb)) {
        mon_add_err(a, errs, nerrs,
                    arena_printf(a, T_GRANT_ERR_COUNT, T_REG_F_BENEFICIARIES,
                                 ben ? ben : ""));
    }
    if (nt == NULL) {
        mon_add_err(a, errs, nerrs,
                    arena_printf(a, T_REG_ERR_TEXT, T_GRANT_F_REPORT_NOTE));
    }
    if (*nerrs > 0) {
        return ERR_INPUT;
    }
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    st = db_query(db, Q_MON_AWARD_REPORT);
    db_bind_int(st, 1, id);
    db_bind_int(st, 2, vi);
    db_bind_int(st, 3, vb);
    db_bind_text(st, 4, *nt ? nt : NULL);
    db_bind_text(st, 5, act->who.account);
    if ((rc = db_exec(st)) != 0 ||
        (rc = mon_award_get(db, a, id, &after)) != 0) {
        goto fail;
    }
    e.action = "grant.report";
    e.entity = "reg_grant_award";
    e.entity_id = arena_printf(a, "%ld", (long)id);
    e.before = award_json(a, &w);
    e.after = award_json(a, &after);
    if ((rc = audit_add(db, &e)) != 0) {
        goto fail;
    }
    return db_commit(db);
fail:
    db_rollback(db);
    return rc;
}
