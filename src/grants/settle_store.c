/*
** The store of what follows the results: agreements, the organisations'
** reports with their cost execution, the office's acceptance or return,
** the settlement, and the programme's side: the call's row of monitoring's
** register of competitions and its task's budget realisation, written
** only through monitoring's public header (monitoring.h). The only file
** that runs this part's SQL.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/json.h"
#include "core/str.h"
#include "core/warsaw.h"
#include "db/db.h"
#include "grants.h"
#include "plan/plan.h"
#include "plan/plan_store.h"
#include "grants/strings_pl.h"

/* Money as typed ("" is 0): grosze, or -1 with a message naming label. */
static int64_t
money(struct arena *a, const char *s, const char *label, const char ***errs,
      int *nerrs)
{
    const char *t = str_trim(a, s != NULL ? s : "");
    struct plan_num n;

    if (*t == '\0') {
        return 0;
    }
    if (strlen(t) > 40 || plan_num_money(t, &n) != 0 ||
        n.kind != PLAN_NUM_VALUE || n.v < 0) {
        grant_err(a, errs, nerrs, arena_printf(a, T_GC_ERR_MONEY, label, t));
        return -1;
    }
    return n.v;
}

/* A count as typed, or -1 with a message naming label. */
static int64_t
count(struct arena *a, const char *s, const char *label, const char ***errs,
      int *nerrs)
{
    const char *t = str_trim(a, s != NULL ? s : "");
    int64_t v = 0;
    size_t i;

    for (i = 0; t[i] != '\0' && i < 10; i++) {
        if (t[i] < '0' || t[i] > '9') {
            break;
        }
        v = v * 10 + (t[i] - '0');
    }
    if (*t == '\0' || t[i] != '\0') {
        grant_err(a, errs, nerrs, arena_printf(a, T_GF_ERR_COUNT, label, t));
        return -1;
    }
    return v;
}

static void
agreement_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct grant_agreement *g = elem;

    g->offer_id = db_col_int(st, 0);
    g->number = db_col_text_dup(a, st, 1);
    g->signed_on = db_col_text_dup(a, st, 2);
    g->amount = db_col_int(st, 3);
    g->paid = db_col_int(st, 4);
    g->returned = db_col_int(st, 5);
    g->status = db_col_text_dup(a, st, 6);
}

int
grant_agreement_get(struct db *db, struct arena *a, int64_t id,
                    struct grant_agreement *out)
{
    db_stmt *st = db_query(db, Q_GRANT_AGREEMENT_GET);

    db_bind_int(st, 1, id);
    return db_get(st, a, agreement_cols, out);
}

static void
report_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct grant_report *r = elem;

    r->id = db_col_int(st, 0);
    r->offer_id = db_col_int(st, 1);
    r->kind = db_col_text_dup(a, st, 2);
    r->initiatives = db_col_int(st, 3);
    r->beneficiaries = db_col_int(st, 4);
    r->note = db_col_text_dup(a, st, 5);
    r->status = db_col_text_dup(a, st, 6);
    r->comment = db_col_text_dup_or_null(a, st, 7);
    r->submitted_by = db_col_text_dup_or_null(a, st, 8);
    r->submitted_at = db_col_text_dup(a, st, 9);
    r->spent_grant = db_col_int(st, 10);
    r->spent_own = db_col_int(st, 11);
}

int
grant_reports_of(struct db *db, struct arena *a, int64_t id,
                 struct grant_report **out)
{
    db_stmt *st = db_query(db, Q_GRANT_REPORTS_OF_OFFER);

    db_bind_int(st, 1, id);
    return db_list(st, a, sizeof(**out), report_cols, out);
}

/* The year a call's figures belong to: its plan's, else its tasks'. */
static int
call_year(const struct grant_call *c, const struct plan *p)
{
    if (p != NULL && p->year > 0) {
        return p->year;
    }
    return atoi(*c->task_from ? c->task_from : c->offers_until);
}

/* The call's row of the register of competitions. */
static int
sync_register(struct db *db, struct arena *a, const struct mon_actor *act,
              const struct grant_call *c, const struct plan *p,
              const int64_t t[6])
{
    const struct mon_register *reg = mon_register_find("konkursy");
    struct mon_record rec;
    db_stmt *st;
    int64_t id = 0;
    int rc;

    st = db_query(db, Q_GRANT_CALL_REGISTER_ID);
    db_bind_int(st, 1, c->id);
    if (reg == NULL || (rc = db_one_int(st, &id)) != 0) {
        return reg == NULL ? ERR_NOTFOUND : rc;
    }
    memset(&rec, 0, sizeof(rec));
    rec.id = id;
    rec.region = c->region;
    rec.v[0] = arena_printf(a, "%d", call_year(c, p));
    rec.v[1] = c->title;
    /* one area named as the call: a competition of the old register
     * that had none (migration 0075) */
    rec.v[2] = c->nareas == 1 && strcmp(c->areas[0].name, c->title) != 0
                   ? c->areas[0].name
                   : "";
    rec.v[3] = arena_printf(a, "%ld", (long)c->amount);
    rec.v[4] = arena_printf(a, "%ld", (long)t[0]);
    rec.v[5] = arena_printf(a, "%ld", (long)t[1]);
    rec.v[6] = arena_printf(a, "%ld", (long)t[2]);
    rec.v[7] = arena_printf(a, "%ld", (long)t[4]);
    rec.v[8] = arena_printf(a, "%ld", (long)t[5]);
    rec.v[9] = c->task != NULL ? c->task : "";
    rec.v[10] = arena_printf(a, T_GS_REGISTER_NOTE, (long)c->id);
    if ((rc = mon_record_save(db, a, reg, act, &rec)) != 0) {
        return rc;
    }
    st = db_query(db, Q_GRANT_CALL_REGISTER_SET);
    db_bind_int(st, 1, c->id);
    db_bind_int(st, 2, rec.id);
    return db_exec(st);
}

int
grant_call_of_register(struct db *db, int64_t register_id, int64_t *call_id)
{
    db_stmt *st = db_query(db, Q_GRANT_CALL_OF_REGISTER);

    db_bind_int(st, 1, register_id);
    return db_one_int(st, call_id);
}

/* What was paid and not returned in all the grant calls of the call's
 * task, as the realisation of the task's budget line (its first line, its
 * first funding source with a planned amount), pending the coordinator's
 * approval. One entry for all the task's calls, so that none overwrites
 * another's. */
static int
sync_budget(struct db *db, struct arena *a, const struct mon_actor *act,
            const struct grant_call *c, const struct plan *p)
{
    struct mon_input in;
    struct mon_problem why;
    const struct plan_line *l;
    int64_t id, paid = 0;
    db_stmt *st;
    int t, k, rc;

    for (t = 0; t < p->ntasks; t++) {
        if (strcmp(p->tasks[t].number, c->task) == 0) {
            break;
        }
    }
    if (t == p->ntasks || p->tasks[t].nlines == 0) {
        return 0;
    }
    l = &p->lines[p->tasks[t].first_line];
    for (k = 0; k < l->namounts; k++) {
        if (l->amounts[k].amount.kind == PLAN_NUM_VALUE &&
            l->amounts[k].amount.v > 0) {
            break;
        }
    }
    if (k == l->namounts) {
        return 0;
    }
    st = db_query(db, Q_GRANT_TASK_PAID);
    db_bind_int(st, 1, c->plan_id);
    db_bind_text(st, 2, c->task);
    if ((rc = db_one_int(st, &paid)) != 0) {
        return rc;
    }
    memset(&in, 0, sizeof(in));
    in.plan_id = c->plan_id;
    in.kind = "line";
    in.pos = p->tasks[t].first_line;
    in.source = p->sources[l->amounts[k].source].code;
    in.period = arena_printf(a, "%d", p->year);
    in.value = paid;
    in.note = arena_printf(a, T_GS_BUDGET_NOTE, (long)c->id);
    in.reason = T_GS_BUDGET_REASON;
    return mon_entry_save(db, a, act, &in, &id, &why);
}

int
grant_programme_sync(struct db *db, struct arena *a,
                     const struct mon_actor *act, int64_t call_id)
{
    struct grant_call c;
    struct plan_meta meta;
    struct plan *p = NULL;
    int64_t t[6];
    db_stmt *st;
    int rc, i;

    if ((rc = grant_call_get(db, a, call_id, &c)) != 0) {
        return rc;
    }
    if (strcmp(c.kind, "award") == 0) {
        return 0; /* the register counts grant competitions only */
    }
    if (c.plan_id > 0 && plan_store_load(db, a, c.plan_id, &p, &meta) != 0) {
        p = NULL; /* the plan was deleted: the register row stays */
    }
    st = db_query(db, Q_GRANT_CALL_TOTALS);
    db_bind_int(st, 1, call_id);
    if ((rc = db_one_row(st)) != 0) {
        return rc;
    }
    for (i = 0; i < 6; i++) {
        t[i] = db_col_int(st, i);
    }
    db_done(st);
    if ((rc = sync_register(db, a, act, &c, p, t)) != 0) {
        return rc;
    }
    if (p != NULL && p->kind == PLAN_YEARLY && c.task != NULL && t[3] > 0) {
        return sync_budget(db, a, act, &c, p);
    }
    return 0;
}

/* What one audited change after the results works on. */
struct settle_change {
    struct arena *a;
    const struct mon_actor *act;
    int64_t id, rid, paid, initiatives, beneficiaries;
    const char *number, *signed_on, *kind, *note, *comment, *now;
    struct grant_offer o;
    struct grant_call c;
    const struct grant_offer *estimate; /* the agreement's, or NULL */
    int64_t *spent_grant, *spent_own;
    bool accept;
    const char **why;
};

static int
agreement_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct settle_change *s = ctx;
    db_stmt *st = db_query(db, Q_GRANT_AGREEMENT_INSERT);
    struct buf b;
    struct json j;
    int rc, i;

    db_bind_int(st, 1, s->id);
    db_bind_text(st, 2, s->number);
    db_bind_text(st, 3, s->signed_on);
    db_bind_int(st, 4, s->o.awarded);
    db_bind_int(st, 5, s->paid);
    db_bind_text(st, 6, s->act->who.account);
    db_bind_text(st, 7, s->now);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    if (s->estimate != NULL &&
        (rc = grant_cost_lines_insert(db, Q_GRANT_AGREEMENT_COST_INSERT, s->id,
                                      s->estimate->costs,
                                      s->estimate->ncosts)) != 0) {
        return rc;
    }
    if ((rc = grant_programme_sync(db, s->a, s->act, s->o.call_id)) != 0) {
        return rc;
    }
    e->entity_id = arena_printf(s->a, "%ld", (long)s->id);
    json_obj_open(&j, &b);
    json_kstr(&j, "number", s->number);
    json_kstr(&j, "signed_on", s->signed_on);
    json_kint(&j, "amount_grosze", s->o.awarded);
    json_kint(&j, "paid_grosze", s->paid);
    if (s->estimate != NULL) {
        json_key(&j, "estimate");
        json_arr_begin(&j);
        for (i = 0; i < s->estimate->ncosts; i++) {
            const struct grant_cost *k = &s->estimate->costs[i];

            json_obj_begin(&j);
            json_kstr(&j, "kind", k->kind);
            json_kstr(&j, "name", k->name);
            json_kint(&j, "total_grosze", k->total);
            json_kint(&j, "grant_grosze", k->grant);
            json_kint(&j, "own_financial_grosze", k->own_fin);
            json_kint(&j, "own_nonfinancial_grosze", k->own_nonfin);
            json_obj_end(&j);
        }
        json_arr_end(&j);
    }
    e->after = json_obj_dup(s->a, &j);
    return 0;
}

/* Offer id and its call, of act's region: 0, ERR_NOTFOUND, ERR_DB. */
static int
load(struct db *db, struct settle_change *s)
{
    int rc = grant_offer_get(db, s->a, s->id, &s->o);

    if (rc == 0) {
        rc = grant_call_get(db, s->a, s->o.call_id, &s->c);
    }
    return rc;
}

int
grant_agreement_sign(struct db *db, struct arena *a,
                     const struct mon_actor *act, int64_t id,
                     const char *number, const char *signed_on,
                     const char *paid, const struct grant_offer *estimate,
                     const char ***errs, int *nerrs)
{
    struct settle_change s = {.a = a, .act = act, .id = id};
    struct grant_agreement g;
    int rc;

    *errs = NULL;
    *nerrs = 0;
    if ((rc = load(db, &s)) != 0) {
        return rc;
    }
    if (act->region != NULL && strcmp(act->region, s.c.region) != 0) {
        return ERR_NOTFOUND;
    }
    if (s.o.awarded <= 0 || strcmp(s.c.status, "results") != 0 ||
        grant_agreement_get(db, a, id, &g) == 0) {
        return ERR_CONFLICT;
    }
    s.number = str_trim(a, number != NULL ? number : "");
    s.signed_on = str_trim(a, signed_on != NULL ? signed_on : "");
    if (*s.number == '\0' || strlen(s.number) > 100) {
        grant_err(a, errs, nerrs,
                  arena_printf(a, T_GC_ERR_REQUIRED, T_GS_F_NUMBER));
    }
    if (!str_date_valid(s.signed_on)) {
        grant_err(a, errs, nerrs,
                  arena_printf(a, T_GF_ERR_DATE, T_GS_F_SIGNED, s.signed_on));
    }
    s.paid = money(a, paid, T_GS_F_PAID, errs, nerrs);
    if (s.paid > s.o.awarded) {
        grant_err(a, errs, nerrs,
                  arena_printf(a, T_GS_ERR_PAID, T_GS_F_PAID,
                               str_money(a, s.paid),
                               str_money(a, s.o.awarded)));
    }
    if (s.o.awarded < s.o.requested && strcmp(s.c.kind, "grant") == 0) {
        struct grant_finding *fs;
        int nf, i;

        if (estimate == NULL || estimate->ncosts == 0) {
            grant_err(a, errs, nerrs,
                      arena_printf(a, T_GS_ERR_ESTIMATE_NEEDED, T_GS_ESTIMATE));
        } else {
            nf = grant_estimate_check(a, &s.c, estimate, s.o.awarded, &fs);
            for (i = 0; i < nf; i++) {
                grant_err(
                    a, errs, nerrs,
                    arena_printf(a, "%s: %s", T_GS_ESTIMATE, fs[i].message));
            }
            s.estimate = estimate;
        }
    }
    if (*nerrs > 0) {
        return ERR_INPUT;
    }
    s.now = grant_now(a);
    return audit_change(db, &act->who, "grant_offer.agreement", "grant_offer",
                        agreement_write, &s);
}

int
grant_agreement_costs(struct db *db, struct arena *a, int64_t id,
                      struct grant_cost **out)
{
    db_stmt *st = db_query(db, Q_GRANT_AGREEMENT_COSTS);

    db_bind_int(st, 1, id);
    return db_list(st, a, sizeof(**out), grant_cost_cols, out);
}

int
grant_estimate_of(struct db *db, struct arena *a, const struct grant_offer *o,
                  struct grant_cost **out)
{
    int n = grant_agreement_costs(db, a, o->id, out);

    if (n == 0) {
        *out = o->costs;
        n = o->ncosts;
    }
    return n;
}

static void
spent_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct grant_spent *k = elem;

    (void)a;
    k->pos = (int)db_col_int(st, 0);
    k->grant = db_col_int(st, 1);
    k->own = db_col_int(st, 2);
}

int
grant_report_lines(struct db *db, struct arena *a, int64_t rid,
                   struct grant_spent **out)
{
    db_stmt *st = db_query(db, Q_GRANT_REPORT_LINES);

    db_bind_int(st, 1, rid);
    return db_list(st, a, sizeof(**out), spent_cols, out);
}

static int
report_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct settle_change *s = ctx;
    db_stmt *st = db_query(db, Q_GRANT_REPORT_INSERT);
    int rc, i;

    db_bind_int(st, 1, s->id);
    db_bind_text(st, 2, s->kind);
    db_bind_int(st, 3, s->initiatives);
    db_bind_int(st, 4, s->beneficiaries);
    db_bind_text(st, 5, s->note);
    db_bind_text(st, 6, s->act->who.account);
    db_bind_text(st, 7, s->now);
    if ((rc = db_one_int(st, &s->rid)) != 0) {
        return rc;
    }
    for (i = 0; i < s->o.ncosts; i++) {
        st = db_query(db, Q_GRANT_REPORT_COST_INSERT);
        db_bind_int(st, 1, s->rid);
        db_bind_int(st, 2, s->o.costs[i].pos);
        db_bind_int(st, 3, s->spent_grant[i]);
        db_bind_int(st, 4, s->spent_own[i]);
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
    }
    e->entity_id = arena_printf(s->a, "%ld", (long)s->rid);
    e->after = arena_printf(s->a,
                            "{\"offer\": %ld, \"kind\": \"%s\", "
                            "\"initiatives\": %ld, \"beneficiaries\": %ld}",
                            (long)s->id, s->kind, (long)s->initiatives,
                            (long)s->beneficiaries);
    return 0;
}

int
grant_report_submit(struct db *db, struct arena *a, const struct mon_actor *act,
                    int64_t id, const char *kind, const char *initiatives,
                    const char *beneficiaries, const char *note,
                    const char *const *spent_grant,
                    const char *const *spent_own, const char ***errs,
                    int *nerrs, const char **why)
{
    struct settle_change s = {.a = a, .act = act, .id = id, .why = why};
    struct grant_agreement g;
    struct grant_cost *lines;
    int64_t total = 0;
    int rc, i;

    *errs = NULL;
    *nerrs = 0;
    *why = NULL;
    if ((rc = load(db, &s)) != 0) {
        return rc;
    }
    if (!grant_org_is_own(db, act, s.o.org_id)) {
        return ERR_NOTFOUND;
    }
    if (grant_agreement_get(db, a, id, &g) != 0 ||
        strcmp(g.status, "signed") != 0) {
        *why = T_GS_ERR_NO_AGREEMENT;
        return ERR_CONFLICT;
    }
    /* by line of the agreement's updated estimate when it has one */
    if ((rc = grant_estimate_of(db, a, &s.o, &lines)) < 0) {
        return rc;
    }
    s.o.costs = lines;
    s.o.ncosts = rc;
    s.kind = kind != NULL && strcmp(kind, "final") == 0 ? "final" : "partial";
    s.initiatives = count(a, initiatives, T_GS_F_INITIATIVES, errs, nerrs);
    s.beneficiaries =
        count(a, beneficiaries, T_GS_F_BENEFICIARIES, errs, nerrs);
    s.note = str_trim(a, note != NULL ? note : "");
    s.spent_grant =
        arena_alloc(a, (size_t)(s.o.ncosts + 1) * sizeof(*s.spent_grant));
    s.spent_own =
        arena_alloc(a, (size_t)(s.o.ncosts + 1) * sizeof(*s.spent_own));
    for (i = 0; i < s.o.ncosts && i < GRANT_COSTS_MAX; i++) {
        s.spent_grant[i] =
            money(a, spent_grant[i], arena_printf(a, T_GS_F_SPENT_GRANT, i + 1),
                  errs, nerrs);
        s.spent_own[i] =
            money(a, spent_own[i], arena_printf(a, T_GS_F_SPENT_OWN, i + 1),
                  errs, nerrs);
        total += s.spent_grant[i] > 0 ? s.spent_grant[i] : 0;
    }
    if (total > g.paid) {
        grant_err(a, errs, nerrs,
                  arena_printf(a, T_GS_ERR_SPENT, str_money(a, total),
                               str_money(a, g.paid)));
    }
    if (*nerrs > 0) {
        return ERR_INPUT;
    }
    s.now = grant_now(a);
    return audit_change(db, &act->who, "grant_report.submit", "grant_report",
                        report_write, &s);
}

static int
report_decide(struct db *db, void *ctx, struct audit_entry *e)
{
    struct settle_change *s = ctx;
    struct grant_report r;
    struct grant_agreement g;
    db_stmt *st = db_query(db, Q_GRANT_REPORT_GET);
    int rc;

    db_bind_int(st, 1, s->rid);
    if ((rc = db_get(st, s->a, report_cols, &r)) != 0) {
        return rc;
    }
    s->id = r.offer_id;
    if ((rc = load(db, s)) != 0) {
        return rc;
    }
    if (s->act->region != NULL && strcmp(s->act->region, s->c.region) != 0) {
        return ERR_NOTFOUND;
    }
    if (strcmp(r.status, "submitted") != 0) {
        *s->why = T_GS_ERR_DECIDED;
        return ERR_CONFLICT;
    }
    st = db_query(db, Q_GRANT_REPORT_DECIDE);
    db_bind_int(st, 1, s->rid);
    db_bind_text(st, 2, s->accept ? "accepted" : "returned");
    db_bind_text(st, 3, s->accept ? NULL : s->comment);
    db_bind_text(st, 4, s->act->who.account);
    db_bind_text(st, 5, s->now);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    if (s->accept && strcmp(r.kind, "final") == 0 &&
        grant_agreement_get(db, s->a, r.offer_id, &g) == 0) {
        /* settlement: what was paid and not spent goes back */
        st = db_query(db, Q_GRANT_AGREEMENT_SETTLE);
        db_bind_int(st, 1, r.offer_id);
        db_bind_int(st, 2, g.paid > r.spent_grant ? g.paid - r.spent_grant : 0);
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
    }
    if (s->accept &&
        (rc = grant_programme_sync(db, s->a, s->act, s->o.call_id)) != 0) {
        return rc;
    }
    e->entity_id = arena_printf(s->a, "%ld", (long)s->rid);
    e->after = arena_printf(s->a, "{\"status\": \"%s\"}",
                            s->accept ? "accepted" : "returned");
    return 0;
}

int
grant_report_decide(struct db *db, struct arena *a, const struct mon_actor *act,
                    int64_t rid, bool accept, const char *comment,
                    const char **why)
{
    struct settle_change s = {
        .a = a, .act = act, .rid = rid, .accept = accept, .why = why};

    *why = NULL;
    s.comment = str_trim(a, comment != NULL ? comment : "");
    if (!accept && *s.comment == '\0') {
        *why = T_GS_ERR_COMMENT;
        return ERR_INPUT;
    }
    s.now = grant_now(a);
    return audit_change(db, &act->who,
                        accept ? "grant_report.accept" : "grant_report.return",
                        "grant_report", report_decide, &s);
}
