/*
** The store of evaluation: the only file that runs its SQL. Formal
** verdicts and the correction of a defect, the committee with its
** declarations, the members' scores (each member sees and changes only
** its own), the ranking by mean score and the decision that publishes the
** results; every change audited.
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/json.h"
#include "core/str.h"
#include "core/warsaw.h"
#include "db/db.h"
#include "grants.h"
#include "plan/plan.h"
#include "users/users.h"
#include "grants/strings_pl.h"

/* now + days as a UTC stamp. */
static const char *
days_later(struct arena *a, int days)
{
    time_t t = time(NULL) + (time_t)days * 24 * 3600;
    struct tm u;
    char out[UTC_STAMP_SIZE];

    gmtime_r(&t, &u);
    strftime(out, sizeof(out), "%Y-%m-%dT%H:%M:%SZ", &u);
    return arena_strdup(a, out);
}

static void
formal_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct grant_formal *f = elem;

    f->pos = (int)db_col_int(st, 0);
    f->met = db_col_int(st, 1) != 0;
    f->reason = db_col_text_dup(a, st, 2);
}

int
grant_formal_of(struct db *db, struct arena *a, int64_t id,
                struct grant_formal **out)
{
    db_stmt *st = db_query(db, Q_GRANT_FORMAL_OF_OFFER);

    db_bind_int(st, 1, id);
    return db_list(st, a, sizeof(**out), formal_cols, out);
}

/* What one audited evaluation change works on. */
struct eval_change {
    struct arena *a;
    const struct mon_actor *act;
    int64_t id;
    struct grant_offer o;
    struct grant_call c;
    const bool *met;
    const char *const *reason;
    const char *outcome, *now, *after;
    const char **why;
    const struct grant_offer *in;
};

/* Offer c->id and its call, of act's region: 0 or ERR_NOTFOUND/ERR_DB. */
static int
load(struct db *db, struct eval_change *c)
{
    int rc = grant_offer_get(db, c->a, c->id, &c->o);

    if (rc == 0) {
        rc = grant_call_get(db, c->a, c->o.call_id, &c->c);
    }
    if (rc == 0 && c->act->region != NULL &&
        strcmp(c->act->region, c->c.region) != 0) {
        rc = ERR_NOTFOUND;
    }
    return rc;
}

static int
formal_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct eval_change *c = ctx;
    struct buf b;
    struct json j;
    db_stmt *st;
    int rc, i, k = 0;

    if ((rc = load(db, c)) != 0) {
        return rc;
    }
    if (strcmp(c->o.status, "submitted") != 0) {
        *c->why = T_GE_ERR_NOT_SUBMITTED;
        return ERR_CONFLICT;
    }
    if (strcmp(c->c.status, "results") == 0) {
        *c->why = T_GE_ERR_RESULTS;
        return ERR_CONFLICT;
    }
    json_obj_open(&j, &b);
    json_kstr(&j, "outcome", c->outcome);
    json_key(&j, "criteria");
    json_arr_begin(&j);
    for (i = 0; i < c->c.ncriteria; i++) {
        const struct grant_criterion *cr = &c->c.criteria[i];

        if (strcmp(cr->stage, "formal") != 0) {
            continue;
        }
        st = db_query(db, Q_GRANT_FORMAL_UPSERT);
        db_bind_int(st, 1, c->id);
        db_bind_int(st, 2, cr->pos);
        db_bind_int(st, 3, c->met[k] ? 1 : 0);
        db_bind_text(st, 4, c->reason[k]);
        db_bind_text(st, 5, c->act->who.account);
        db_bind_text(st, 6, c->now);
        json_obj_begin(&j);
        json_kint(&j, "pos", cr->pos);
        json_kbool(&j, "met", c->met[k]);
        json_kstr(&j, "reason", c->reason[k]);
        json_obj_end(&j);
        k++;
        if ((rc = db_exec(st)) != 0) {
            json_arr_end(&j);
            json_obj_dup(c->a, &j);
            return rc;
        }
    }
    json_arr_end(&j);
    st = db_query(db, Q_GRANT_OFFER_FORMAL_SET);
    db_bind_int(st, 1, c->id);
    db_bind_text(st, 2, c->outcome);
    db_bind_text(st, 3,
                 strcmp(c->outcome, "defect") == 0
                     ? days_later(c->a, c->c.correction_days)
                     : NULL);
    db_bind_text(st, 4, c->now);
    e->entity_id = arena_printf(c->a, "%ld", (long)c->id);
    e->after = json_obj_dup(c->a, &j);
    return db_exec(st);
}

int
grant_formal_save(struct db *db, struct arena *a, const struct mon_actor *act,
                  int64_t id, const bool *met, const char *const *reason,
                  const char *outcome, const char **why)
{
    struct eval_change c = {.a = a,
                            .act = act,
                            .id = id,
                            .met = met,
                            .reason = reason,
                            .outcome = outcome,
                            .why = why};
    bool all = true;
    int rc, i, k = 0;

    *why = NULL;
    if (outcome == NULL ||
        (strcmp(outcome, "passed") != 0 && strcmp(outcome, "defect") != 0 &&
         strcmp(outcome, "rejected") != 0)) {
        *why = T_GE_ERR_OUTCOME;
        return ERR_INPUT;
    }
    /* the reasons are checked against the call's criteria first, outside
     * the transaction: nothing is written on a refusal */
    if ((rc = load(db, &c)) != 0) {
        return rc;
    }
    for (i = 0; i < c.c.ncriteria; i++) {
        if (strcmp(c.c.criteria[i].stage, "formal") != 0) {
            continue;
        }
        if (!met[k] && (reason[k] == NULL || *str_trim(a, reason[k]) == 0)) {
            *why = arena_printf(a, T_GE_ERR_REASON, c.c.criteria[i].name);
            return ERR_INPUT;
        }
        all = all && met[k];
        k++;
    }
    if (strcmp(outcome, "passed") == 0 && !all) {
        *why = T_GE_ERR_NOT_ALL_MET;
        return ERR_INPUT;
    }
    if (strcmp(outcome, "passed") != 0 && all) {
        *why = T_GE_ERR_ALL_MET;
        return ERR_INPUT;
    }
    c.now = grant_now(a);
    return audit_change(db, &act->who, "grant_offer.formal", "grant_offer",
                        formal_write, &c);
}

static int
correct_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct eval_change *c = ctx;
    const struct grant_offer *in = c->in;
    struct grant_offer after;
    struct buf b;
    struct json j;
    db_stmt *st;
    int rc;

    if ((rc = grant_offer_get(db, c->a, c->id, &c->o)) != 0) {
        return rc;
    }
    if (!grant_org_is_own(db, c->act, c->o.org_id)) {
        return ERR_NOTFOUND;
    }
    if (strcmp(c->o.formal_status, "defect") != 0) {
        *c->why = T_GE_ERR_NO_DEFECT;
        return ERR_CONFLICT;
    }
    if (c->o.defect_until == NULL || strcmp(c->now, c->o.defect_until) >= 0) {
        *c->why = arena_printf(
            c->a, T_GE_ERR_DEFECT_LATE,
            warsaw_local(c->a, c->o.defect_until ? c->o.defect_until : c->now));
        return ERR_CONFLICT;
    }
    st = db_query(db, Q_GRANT_OFFER_CORRECT);
    db_bind_int(st, 1, c->id);
    db_bind_int(st, 2, in->area_pos);
    db_bind_text(st, 3, in->title);
    db_bind_text(st, 4, in->place);
    db_bind_text(st, 5, in->description);
    db_bind_text(st, 6, in->date_from);
    db_bind_text(st, 7, in->date_to);
    db_bind_int(st, 8, in->requested);
    db_bind_int(st, 9, in->declarations);
    db_bind_text(st, 10, c->now);
    if ((rc = db_exec(st)) != 0 ||
        (rc = grant_offer_rewrite_sections(db, c->id, in)) != 0 ||
        (rc = grant_offer_get(db, c->a, c->id, &after)) != 0) {
        return rc;
    }
    e->entity_id = arena_printf(c->a, "%ld", (long)c->id);
    buf_init(&b);
    json_init(&j, &b);
    grant_offer_json(&j, &c->o, c->a);
    e->before = arena_strdup(c->a, b.data);
    buf_reset(&b);
    grant_offer_json(&j, &after, c->a);
    e->after = arena_strdup(c->a, b.data);
    buf_free(&b);
    return 0;
}

int
grant_offer_correct(struct db *db, struct arena *a, const struct mon_actor *act,
                    int64_t id, const struct grant_offer *o, const char **why)
{
    struct eval_change c = {.a = a, .act = act, .id = id, .in = o, .why = why};

    *why = NULL;
    c.now = grant_now(a);
    return audit_change(db, &act->who, "grant_offer.correct", "grant_offer",
                        correct_write, &c);
}

static void
member_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct grant_member *m = elem;

    m->account = db_col_int(st, 0);
    m->login = db_col_text_dup(a, st, 1);
    m->declared_at = db_col_text_dup_or_null(a, st, 2);
    m->scores = db_col_int(st, 3);
}

int
grant_members(struct db *db, struct arena *a, int64_t call_id,
              struct grant_member **out)
{
    db_stmt *st = db_query(db, Q_GRANT_MEMBERS_OF_CALL);

    db_bind_int(st, 1, call_id);
    return db_list(st, a, sizeof(**out), member_cols, out);
}

struct member_change {
    struct arena *a;
    const struct mon_actor *act;
    int64_t call_id, account;
    const char *login, *now;
};

static int
member_insert(struct db *db, void *ctx, struct audit_entry *e)
{
    struct member_change *c = ctx;
    db_stmt *st = db_query(db, Q_GRANT_MEMBER_ADD);

    db_bind_int(st, 1, c->call_id);
    db_bind_int(st, 2, c->account);
    e->entity_id = arena_printf(c->a, "%ld", (long)c->call_id);
    e->after = arena_printf(c->a, "{\"member\": %ld}", (long)c->account);
    return db_exec(st);
}

int
grant_member_add(struct db *db, struct arena *a, const struct mon_actor *act,
                 int64_t call_id, const char *login, const char **why)
{
    struct member_change c = {.a = a, .act = act, .call_id = call_id};
    struct users_row *us;
    struct grant_call call;
    int rc, n, i;

    *why = NULL;
    if ((rc = grant_call_get(db, a, call_id, &call)) != 0) {
        return rc;
    }
    if (act->region != NULL && strcmp(act->region, call.region) != 0) {
        return ERR_NOTFOUND;
    }
    if ((n = users_list(db, a, &us)) < 0) {
        return n;
    }
    for (i = 0; i < n; i++) {
        enum role role = auth_role_from_name(us[i].role);

        if (login != NULL && strcmp(us[i].login, login) == 0 &&
            !us[i].disabled && auth_role_has(role, CAP_GRANT_SCORE) &&
            us[i].region != NULL && strcmp(us[i].region, call.region) == 0) {
            c.account = us[i].id;
        }
    }
    if (c.account == 0) {
        *why = T_GE_ERR_MEMBER;
        return ERR_INPUT;
    }
    return audit_change(db, &act->who, "grant_call.member", "grant_call",
                        member_insert, &c);
}

int
grant_member_status(struct db *db, int64_t call_id, int64_t account,
                    bool *member, bool *declared)
{
    db_stmt *st = db_query(db, Q_GRANT_MEMBER_DECLARED);
    int64_t v = 0;
    int rc;

    db_bind_int(st, 1, call_id);
    db_bind_int(st, 2, account);
    rc = db_one_int(st, &v);
    *member = rc == 0;
    *declared = rc == 0 && v == 1;
    return rc == ERR_NOTFOUND ? 0 : rc;
}

static int
member_declare(struct db *db, void *ctx, struct audit_entry *e)
{
    struct member_change *c = ctx;
    db_stmt *st = db_query(db, Q_GRANT_MEMBER_DECLARE);

    db_bind_int(st, 1, c->call_id);
    db_bind_int(st, 2, c->act->account);
    db_bind_text(st, 3, c->now);
    e->entity_id = arena_printf(c->a, "%ld", (long)c->call_id);
    e->after = arena_printf(c->a, "{\"member\": %ld, \"declared_at\": \"%s\"}",
                            (long)c->act->account,
                            grant_stamp_local_iso(c->a, c->now));
    return db_exec(st);
}

int
grant_member_declare(struct db *db, struct arena *a,
                     const struct mon_actor *act, int64_t call_id)
{
    struct member_change c = {.a = a, .act = act, .call_id = call_id};
    bool member, declared;
    int rc;

    if ((rc = grant_member_status(db, call_id, act->account, &member,
                                  &declared)) != 0) {
        return rc;
    }
    if (!member) {
        return ERR_NOTFOUND;
    }
    if (declared) {
        return 0;
    }
    c.now = grant_now(a);
    return audit_change(db, &act->who, "grant_call.declaration", "grant_call",
                        member_declare, &c);
}

int
grant_calls_of_member(struct db *db, struct arena *a, int64_t account,
                      struct grant_call **out)
{
    db_stmt *st = db_query(db, Q_GRANT_CALLS_OF_MEMBER);

    db_bind_int(st, 1, account);
    return grant_calls_rows(db, st, a, out);
}

bool
grant_member_may_score(struct db *db, const struct mon_actor *act,
                       const struct grant_call *c, const struct grant_offer *o)
{
    bool member = false, declared = false;

    if (act->account == 0 || !auth_role_has(act->role, CAP_GRANT_SCORE) ||
        o->call_id != c->id || strcmp(o->status, "submitted") != 0 ||
        strcmp(o->formal_status, "passed") != 0) {
        return false;
    }
    return grant_member_status(db, c->id, act->account, &member, &declared) ==
               0 &&
           member && declared;
}

static void
score_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct grant_score *s = elem;

    s->pos = (int)db_col_int(st, 0);
    s->points = (int)db_col_int(st, 1);
    s->justification = db_col_text_dup(a, st, 2);
}

int
grant_scores_of(struct db *db, struct arena *a, int64_t id, int64_t account,
                struct grant_score **out)
{
    db_stmt *st = db_query(db, Q_GRANT_SCORES_OF_MEMBER);

    db_bind_int(st, 1, id);
    db_bind_int(st, 2, account);
    return db_list(st, a, sizeof(**out), score_cols, out);
}

struct score_change {
    struct arena *a;
    const struct mon_actor *act;
    int64_t id;
    const struct grant_call *c;
    int *points;
    const char **just;
    const char *now;
};

static int
scores_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct score_change *s = ctx;
    struct buf b;
    struct json j;
    int i, k = 0, rc = 0;

    json_obj_open(&j, &b);
    json_kint(&j, "member", s->act->account);
    json_key(&j, "scores");
    json_arr_begin(&j);
    for (i = 0; i < s->c->ncriteria && rc == 0; i++) {
        const struct grant_criterion *cr = &s->c->criteria[i];
        db_stmt *st;

        if (strcmp(cr->stage, "merit") != 0) {
            continue;
        }
        st = db_query(db, Q_GRANT_SCORE_UPSERT);
        db_bind_int(st, 1, s->id);
        db_bind_int(st, 2, s->act->account);
        db_bind_int(st, 3, cr->pos);
        db_bind_int(st, 4, s->points[k]);
        db_bind_text(st, 5, s->just[k]);
        db_bind_text(st, 6, s->now);
        json_obj_begin(&j);
        json_kint(&j, "pos", cr->pos);
        json_kint(&j, "points", s->points[k]);
        json_kstr(&j, "justification", s->just[k]);
        json_obj_end(&j);
        k++;
        rc = db_exec(st);
    }
    json_arr_end(&j);
    e->entity_id = arena_printf(s->a, "%ld", (long)s->id);
    e->after = json_obj_dup(s->a, &j);
    return rc;
}

int
grant_scores_save(struct db *db, struct arena *a, const struct mon_actor *act,
                  int64_t id, const char *const *points,
                  const char *const *justification, const char ***errs,
                  int *nerrs)
{
    struct score_change s = {.a = a, .act = act, .id = id};
    struct grant_offer o;
    struct grant_call c;
    int rc, i, k = 0;

    *errs = NULL;
    *nerrs = 0;
    if ((rc = grant_offer_get(db, a, id, &o)) != 0 ||
        (rc = grant_call_get(db, a, o.call_id, &c)) != 0) {
        return rc;
    }
    if (!grant_member_may_score(db, act, &c, &o) ||
        strcmp(c.status, "results") == 0) {
        return ERR_NOTFOUND;
    }
    s.c = &c;
    s.points = arena_alloc(a, (size_t)(c.ncriteria + 1) * sizeof(int));
    s.just = arena_alloc(a, (size_t)(c.ncriteria + 1) * sizeof(char *));
    for (i = 0; i < c.ncriteria; i++) {
        const struct grant_criterion *cr = &c.criteria[i];
        const char *p, *t;
        char *end;
        long v;

        if (strcmp(cr->stage, "merit") != 0) {
            continue;
        }
        p = str_trim(a, points[k] ? points[k] : "");
        t = str_trim(a, justification[k] ? justification[k] : "");
        v = *p >= '0' && *p <= '9' && strlen(p) <= 3 ? strtol(p, &end, 10) : -1;
        if (v < 0 || *end != '\0' || v > cr->max_points) {
            grant_err(
                a, errs, nerrs,
                arena_printf(a, T_GE_ERR_POINTS, cr->name, p, cr->max_points));
        }
        if (*t == '\0' || strlen(t) > GRANT_TEXT_MAX) {
            grant_err(a, errs, nerrs,
                      arena_printf(a, T_GE_ERR_JUSTIFICATION, cr->name));
        }
        s.points[k] = (int)v;
        s.just[k] = t;
        k++;
    }
    if (*nerrs > 0) {
        return ERR_INPUT;
    }
    s.now = grant_now(a);
    return audit_change(db, &act->who, "grant_offer.score", "grant_offer",
                        scores_write, &s);
}

static int
ranked_cmp(const void *x, const void *y)
{
    const struct grant_ranked *p = x, *q = y;
    bool pp = strcmp(p->o.formal_status, "passed") == 0;
    bool qp = strcmp(q->o.formal_status, "passed") == 0;

    if (pp != qp) {
        return pp ? -1 : 1;
    }
    if (p->avg100 != q->avg100) {
        return p->avg100 > q->avg100 ? -1 : 1;
    }
    return p->o.id < q->o.id ? -1 : p->o.id > q->o.id;
}

int
grant_ranking(struct db *db, struct arena *a, int64_t call_id,
              struct grant_ranked **out)
{
    struct grant_offer *os;
    db_stmt *st;
    int n, i, rc;

    if ((n = grant_offers_of_call(db, a, call_id, &os)) < 0) {
        return n;
    }
    *out = arena_alloc(a, (size_t)(n + 1) * sizeof(**out));
    for (i = 0; i < n; i++) {
        (*out)[i].o = os[i];
        (*out)[i].scorers = 0;
        (*out)[i].avg100 = 0;
    }
    st = db_query(db, Q_GRANT_SCORE_SUMS);
    db_bind_int(st, 1, call_id);
    while ((rc = db_step(st)) == DB_ROW) {
        int64_t id = db_col_int(st, 0), k = db_col_int(st, 1);
        int64_t sum = db_col_int(st, 2);

        for (i = 0; i < n; i++) {
            if ((*out)[i].o.id == id && k > 0) {
                (*out)[i].scorers = (int)k;
                (*out)[i].avg100 = (sum * 100 + k / 2) / k;
            }
        }
    }
    db_done(st);
    if (rc < 0) {
        return rc;
    }
    qsort(*out, (size_t)n, sizeof(**out), ranked_cmp);
    return n;
}

const char *
grant_points_text(struct arena *a, int64_t h)
{
    return arena_printf(a, "%ld,%02ld", (long)(h / 100), (long)(h % 100));
}

struct results_change {
    struct arena *a;
    const struct mon_actor *act;
    int64_t call_id;
    const int64_t *ids;
    const int64_t *amounts;
    int n;
    const char *now;
};

static int
results_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct results_change *c = ctx;
    struct buf b;
    struct json j;
    db_stmt *st;
    int rc = 0, i;

    json_obj_open(&j, &b);
    json_key(&j, "awards");
    json_arr_begin(&j);
    for (i = 0; i < c->n && rc == 0; i++) {
        st = db_query(db, Q_GRANT_OFFER_AWARD);
        db_bind_int(st, 1, c->ids[i]);
        db_bind_int(st, 2, c->amounts[i]);
        json_obj_begin(&j);
        json_kint(&j, "offer", c->ids[i]);
        json_kint(&j, "amount_grosze", c->amounts[i]);
        json_obj_end(&j);
        rc = db_exec(st);
    }
    json_arr_end(&j);
    e->entity_id = arena_printf(c->a, "%ld", (long)c->call_id);
    e->after = json_obj_dup(c->a, &j);
    if (rc != 0) {
        return rc;
    }
    st = db_query(db, Q_GRANT_CALL_RESULTS);
    db_bind_int(st, 1, c->call_id);
    db_bind_text(st, 2, c->now);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    return grant_programme_sync(db, c->a, c->act, c->call_id);
}

int
grant_results_publish(struct db *db, struct arena *a,
                      const struct mon_actor *act, int64_t call_id,
                      const int64_t *offer_ids, const char *const *amounts,
                      int n, const char ***errs, int *nerrs)
{
    struct results_change rc_ = {.a = a, .act = act, .call_id = call_id};
    struct grant_call c;
    struct grant_offer *os;
    int64_t *ids, *v, *area_sum;
    int rc, no, i, k;

    *errs = NULL;
    *nerrs = 0;
    if ((rc = grant_call_get(db, a, call_id, &c)) != 0) {
        return rc;
    }
    if (act->region != NULL && strcmp(act->region, c.region) != 0) {
        return ERR_NOTFOUND;
    }
    if (strcmp(c.status, "published") != 0 ||
        strcmp(grant_now(a), c.offers_until) < 0) {
        return ERR_CONFLICT;
    }
    if ((no = grant_offers_of_call(db, a, call_id, &os)) < 0) {
        return no;
    }
    ids = arena_alloc(a, (size_t)(no + 1) * sizeof(*ids));
    v = arena_alloc(a, (size_t)(no + 1) * sizeof(*v));
    area_sum = arena_alloc(a, (size_t)(c.nareas + 1) * sizeof(*area_sum));
    memset(area_sum, 0, (size_t)(c.nareas + 1) * sizeof(*area_sum));
    for (k = 0; k < no; k++) {
        const struct grant_offer *o = &os[k];
        const char *t = "";
        struct plan_num num;

        ids[k] = o->id;
        v[k] = 0;
        for (i = 0; i < n; i++) {
            if (offer_ids[i] == o->id && amounts[i] != NULL) {
                t = str_trim(a, amounts[i]);
            }
        }
        if (*t == '\0') {
            continue;
        }
        if (plan_num_money(t, &num) != 0 || num.kind != PLAN_NUM_VALUE ||
            num.v < 0) {
            grant_err(a, errs, nerrs,
                      arena_printf(a, T_GE_ERR_AMOUNT, o->receipt, t));
            continue;
        }
        v[k] = num.v;
        if (v[k] > 0 && strcmp(o->formal_status, "passed") != 0) {
            grant_err(a, errs, nerrs,
                      arena_printf(a, T_GE_ERR_AMOUNT_FORMAL, o->receipt));
        } else if (strcmp(c.kind, "award") == 0 && v[k] > c.max_grant) {
            /* an award is the call's prize at most, nothing is asked */
            grant_err(a, errs, nerrs,
                      arena_printf(a, T_GE_ERR_AMOUNT_PRIZE, o->receipt,
                                   str_money(a, v[k]),
                                   str_money(a, c.max_grant)));
        } else if (strcmp(c.kind, "award") != 0 && v[k] > o->requested) {
            grant_err(a, errs, nerrs,
                      arena_printf(a, T_GE_ERR_AMOUNT_ASKED, o->receipt,
                                   str_money(a, v[k]),
                                   str_money(a, o->requested)));
        }
        for (i = 0; i < c.nareas; i++) {
            if (c.areas[i].pos == o->area_pos) {
                area_sum[i] += v[k];
            }
        }
    }
    for (i = 0; i < c.nareas; i++) {
        if (area_sum[i] > c.areas[i].budget) {
            grant_err(a, errs, nerrs,
                      arena_printf(a, T_GE_ERR_AREA_BUDGET, c.areas[i].name,
                                   str_money(a, area_sum[i]),
                                   str_money(a, c.areas[i].budget)));
        }
    }
    if (*nerrs > 0) {
        return ERR_INPUT;
    }
    rc_.ids = ids;
    rc_.amounts = v;
    rc_.n = no;
    rc_.now = grant_now(a);
    return audit_change(db, &act->who, "grant_call.results", "grant_call",
                        results_write, &rc_);
}
