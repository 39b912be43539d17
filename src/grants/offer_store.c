/*
** The store of offers: the only file that runs the offers' SQL. A draft
** is its organisation's alone and is written whole (its schedule, results
** and cost lines replaced); submitting runs every check against the call,
** refuses after the deadline, numbers the offer and keeps its PDF as
** submitted, in one audited transaction.
*/
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/json.h"
#include "core/warsaw.h"
#include "db/db.h"
#include "grants.h"
#include "grants/strings_pl.h"

static void
offer_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct grant_offer *o = elem;

    memset(o, 0, sizeof(*o));
    o->id = db_col_int(st, 0);
    o->call_id = db_col_int(st, 1);
    o->org_id = db_col_int(st, 2);
    o->org_name = db_col_text_dup(a, st, 3);
    o->call_title = db_col_text_dup(a, st, 4);
    o->area_pos = (int)db_col_int(st, 5);
    o->title = db_col_text_dup(a, st, 6);
    o->place = db_col_text_dup(a, st, 7);
    o->description = db_col_text_dup(a, st, 8);
    o->date_from = db_col_text_dup(a, st, 9);
    o->date_to = db_col_text_dup(a, st, 10);
    o->requested = db_col_int(st, 11);
    o->declarations = (int)db_col_int(st, 12);
    o->status = db_col_text_dup(a, st, 13);
    o->receipt = db_col_text_dup_or_null(a, st, 14);
    o->submitted_at = db_col_text_dup_or_null(a, st, 15);
    o->submitted_by = db_col_text_dup_or_null(a, st, 16);
    o->created_at = db_col_text_dup(a, st, 17);
    o->updated_at = db_col_text_dup(a, st, 18);
    o->formal_status = db_col_text_dup(a, st, 19);
    o->defect_until = db_col_text_dup_or_null(a, st, 20);
    o->awarded = db_col_null(st, 21) ? -1 : db_col_int(st, 21);
}

static void
action_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct grant_action *x = elem;

    x->pos = (int)db_col_int(st, 0);
    x->name = db_col_text_dup(a, st, 1);
    x->date_from = db_col_text_dup(a, st, 2);
    x->date_to = db_col_text_dup(a, st, 3);
}

static void
result_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct grant_result *x = elem;

    x->pos = (int)db_col_int(st, 0);
    x->name = db_col_text_dup(a, st, 1);
    x->target = db_col_int(st, 2);
}

void
grant_cost_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct grant_cost *k = elem;

    k->pos = (int)db_col_int(st, 0);
    k->kind = db_col_text_dup(a, st, 1);
    k->name = db_col_text_dup(a, st, 2);
    k->total = db_col_int(st, 3);
    k->grant = db_col_int(st, 4);
    k->own_fin = db_col_int(st, 5);
    k->own_nonfin = db_col_int(st, 6);
}

/* The rows of q for offer id into *out: their count, or < 0. */
static int
rows(struct db *db, struct arena *a, enum query_id q, int64_t id, size_t size,
     db_row_fn *row, void *out)
{
    db_stmt *st = db_query(db, q);

    db_bind_int(st, 1, id);
    return db_list(st, a, size, row, out);
}

int
grant_offer_get(struct db *db, struct arena *a, int64_t id,
                struct grant_offer *out)
{
    db_stmt *st = db_query(db, Q_GRANT_OFFER_GET);
    int rc;

    db_bind_int(st, 1, id);
    if ((rc = db_get(st, a, offer_cols, out)) != 0) {
        return rc;
    }
    out->nactions = rows(db, a, Q_GRANT_OFFER_ACTIONS, id,
                         sizeof(*out->actions), action_cols, &out->actions);
    out->nresults = rows(db, a, Q_GRANT_OFFER_RESULTS, id,
                         sizeof(*out->results), result_cols, &out->results);
    out->ncosts = rows(db, a, Q_GRANT_OFFER_COSTS, id, sizeof(*out->costs),
                       grant_cost_cols, &out->costs);
    if (out->nactions < 0 || out->nresults < 0 || out->ncosts < 0) {
        return ERR_DB;
    }
    return 0;
}

bool
grant_org_is_own(struct db *db, const struct mon_actor *act, int64_t org_id)
{
    struct grant_org o;
    struct arena a;
    bool own;

    if (act->account == 0 || act->role != ROLE_GRANTEE) {
        return false;
    }
    arena_init(&a);
    own = grant_org_get(db, &a, org_id, &o) == 0 &&
          strcmp(o.status, "confirmed") == 0 && grant_org_visible(db, act, &o);
    arena_free(&a);
    return own;
}

bool
grant_offer_visible(struct db *db, const struct mon_actor *act,
                    const struct grant_offer *o, const char *region)
{
    if (grant_org_is_own(db, act, o->org_id)) {
        return true;
    }
    return act->account != 0 && strcmp(o->status, "draft") != 0 &&
           auth_role_has(act->role, CAP_GRANT_MANAGE) &&
           (act->region == NULL || strcmp(act->region, region) == 0);
}

int
grant_offers_of_call(struct db *db, struct arena *a, int64_t call_id,
                     struct grant_offer **out)
{
    return rows(db, a, Q_GRANT_OFFERS_OF_CALL, call_id, sizeof(**out),
                offer_cols, out);
}

int
grant_offers_of_account(struct db *db, struct arena *a, int64_t account,
                        struct grant_offer **out)
{
    return rows(db, a, Q_GRANT_OFFERS_OF_ACCOUNT, account, sizeof(**out),
                offer_cols, out);
}

/* What one audited change of an offer works on. */
struct offer_change {
    struct arena *a;
    const struct mon_actor *act;
    int64_t call_id, id;
    const struct grant_offer *in;
    struct grant_offer before, after;
    struct grant_call call;
    const char *now;
    const char **why;
    struct grant_finding **finds;
    int *nfinds;
};

static const char *
offer_audit_json(struct arena *a, const struct grant_offer *o)
{
    struct buf b;
    struct json j;

    const char *s;

    buf_init(&b);
    json_init(&j, &b);
    grant_offer_json(&j, o, a);
    s = arena_strdup(a, b.data);
    buf_free(&b);
    return s;
}

/* Bind the offer's own fields from parameter first on (8 of them). */
static void
bind_offer(db_stmt *st, int first, const struct grant_offer *o)
{
    db_bind_int(st, first, o->area_pos);
    db_bind_text(st, first + 1, o->title);
    db_bind_text(st, first + 2, o->place);
    db_bind_text(st, first + 3, o->description);
    db_bind_text(st, first + 4, o->date_from);
    db_bind_text(st, first + 5, o->date_to);
    db_bind_int(st, first + 6, o->requested);
    db_bind_int(st, first + 7, o->declarations);
}

int
grant_offer_rewrite_sections(struct db *db, int64_t id,
                             const struct grant_offer *o)
{
    static const enum query_id clear[] = {Q_GRANT_OFFER_ACTIONS_DELETE,
                                          Q_GRANT_OFFER_RESULTS_DELETE,
                                          Q_GRANT_OFFER_COSTS_DELETE};
    db_stmt *st;
    int rc, i;

    for (i = 0; i < 3; i++) {
        st = db_query(db, clear[i]);
        db_bind_int(st, 1, id);
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
    }
    for (i = 0; i < o->nactions; i++) {
        st = db_query(db, Q_GRANT_OFFER_ACTION_INSERT);
        db_bind_int(st, 1, id);
        db_bind_int(st, 2, o->actions[i].pos);
        db_bind_text(st, 3, o->actions[i].name);
        db_bind_text(st, 4, o->actions[i].date_from);
        db_bind_text(st, 5, o->actions[i].date_to);
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
    }
    for (i = 0; i < o->nresults; i++) {
        st = db_query(db, Q_GRANT_OFFER_RESULT_INSERT);
        db_bind_int(st, 1, id);
        db_bind_int(st, 2, o->results[i].pos);
        db_bind_text(st, 3, o->results[i].name);
        db_bind_int(st, 4, o->results[i].target);
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
    }
    return grant_cost_lines_insert(db, Q_GRANT_OFFER_COST_INSERT, id, o->costs,
                                   o->ncosts);
}

int
grant_cost_lines_insert(struct db *db, enum query_id q, int64_t id,
                        const struct grant_cost *k, int n)
{
    db_stmt *st;
    int i, rc;

    for (i = 0; i < n; i++) {
        st = db_query(db, q);
        db_bind_int(st, 1, id);
        db_bind_int(st, 2, k[i].pos);
        db_bind_text(st, 3, k[i].kind);
        db_bind_text(st, 4, k[i].name);
        db_bind_int(st, 5, k[i].total);
        db_bind_int(st, 6, k[i].grant);
        db_bind_int(st, 7, k[i].own_fin);
        db_bind_int(st, 8, k[i].own_nonfin);
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
    }
    return 0;
}

/* The call of c->call_id, open for offers now: 0, ERR_NOTFOUND, or
 * ERR_CONFLICT with *why. */
static int
open_call(struct db *db, struct offer_change *c)
{
    int rc = grant_call_get(db, c->a, c->call_id, &c->call);

    if (rc != 0) {
        return rc;
    }
    switch (grant_call_phase(&c->call, c->now)) {
    case GRANT_OPEN:
        return 0;
    case GRANT_DRAFT:
        return ERR_NOTFOUND;
    case GRANT_EVALUATION:
        *c->why = arena_printf(c->a, T_GF_ERR_DEADLINE,
                               warsaw_local(c->a, c->call.offers_until));
        return ERR_CONFLICT;
    default:
        *c->why = T_GF_ERR_CALL_CLOSED;
        return ERR_CONFLICT;
    }
}

static int
offer_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct offer_change *c = ctx;
    db_stmt *st;
    int rc;

    if (c->id != 0) {
        if ((rc = grant_offer_get(db, c->a, c->id, &c->before)) != 0) {
            return rc;
        }
        if (!grant_org_is_own(db, c->act, c->before.org_id)) {
            return ERR_NOTFOUND;
        }
        if (strcmp(c->before.status, "draft") != 0) {
            *c->why = T_GF_ERR_SUBMITTED;
            return ERR_CONFLICT;
        }
        c->call_id = c->before.call_id;
    }
    if ((rc = open_call(db, c)) != 0) {
        return rc;
    }
    if (c->id == 0) {
        st = db_query(db, Q_GRANT_OFFER_INSERT);
        db_bind_int(st, 1, c->call_id);
        db_bind_int(st, 2, c->in->org_id);
        bind_offer(st, 3, c->in);
        db_bind_text(st, 11, c->act->who.account);
        db_bind_text(st, 12, c->now);
        rc = db_one_int(st, &c->id);
    } else {
        st = db_query(db, Q_GRANT_OFFER_UPDATE);
        db_bind_int(st, 1, c->id);
        bind_offer(st, 2, c->in);
        db_bind_text(st, 10, c->now);
        rc = db_exec(st);
    }
    if (rc != 0 || (rc = grant_offer_rewrite_sections(db, c->id, c->in)) != 0 ||
        (rc = grant_offer_get(db, c->a, c->id, &c->after)) != 0) {
        return rc;
    }
    e->entity_id = arena_printf(c->a, "%ld", (long)c->id);
    e->before = c->before.id != 0 ? offer_audit_json(c->a, &c->before) : NULL;
    e->after = offer_audit_json(c->a, &c->after);
    return 0;
}

int
grant_offer_save(struct db *db, struct arena *a, const struct mon_actor *act,
                 int64_t call_id, int64_t id, const struct grant_offer *o,
                 int64_t *out_id, const char **why)
{
    struct offer_change c = {
        .a = a, .act = act, .call_id = call_id, .id = id, .in = o, .why = why};
    int rc;

    *why = NULL;
    c.now = grant_now(a);
    if (id == 0) {
        struct grant_org org;

        /* a new offer: the organisation is the actor's, confirmed, of the
         * call's region (checked again under the transaction's lock by
         * open_call for the call) */
        if ((rc = grant_org_get(db, a, o->org_id, &org)) != 0) {
            return rc;
        }
        if ((rc = grant_call_get(db, a, call_id, &c.call)) != 0) {
            return rc;
        }
        if (!grant_org_is_own(db, act, o->org_id) ||
            strcmp(org.region, c.call.region) != 0) {
            return ERR_NOTFOUND;
        }
    }
    rc = audit_change(db, &act->who,
                      id == 0 ? "grant_offer.create" : "grant_offer.update",
                      "grant_offer", offer_write, &c);
    *out_id = c.id;
    return rc;
}

static int
offer_submit(struct db *db, void *ctx, struct audit_entry *e)
{
    struct offer_change *c = ctx;
    struct grant_org org;
    struct buf pdf;
    int64_t n = 0;
    db_stmt *st;
    int rc;

    if ((rc = grant_offer_get(db, c->a, c->id, &c->before)) != 0) {
        return rc;
    }
    if (!grant_org_is_own(db, c->act, c->before.org_id)) {
        return ERR_NOTFOUND;
    }
    if (strcmp(c->before.status, "draft") != 0) {
        *c->why = T_GF_ERR_SUBMITTED;
        return ERR_CONFLICT;
    }
    c->call_id = c->before.call_id;
    if ((rc = open_call(db, c)) != 0) {
        return rc;
    }
    *c->nfinds = grant_offer_check(c->a, &c->call, &c->before, c->finds);
    if (*c->nfinds > 0) {
        return ERR_INPUT;
    }
    st = db_query(db, Q_GRANT_OFFER_RECEIPTS);
    db_bind_int(st, 1, c->call_id);
    if ((rc = db_one_int(st, &n)) != 0 ||
        (rc = grant_org_get(db, c->a, c->before.org_id, &org)) != 0) {
        return rc;
    }
    c->before.status = "submitted";
    c->before.receipt =
        arena_printf(c->a, "NAB-%ld/%04ld", (long)c->call_id, (long)(n + 1));
    c->before.submitted_at = c->now;
    c->before.submitted_by = c->act->who.account;
    buf_init(&pdf);
    if (grant_offer_pdf(c->a, &c->call, &org, &c->before, &pdf) != 0) {
        buf_free(&pdf);
        return ERR_IO;
    }
    st = db_query(db, Q_GRANT_OFFER_SUBMIT);
    db_bind_int(st, 1, c->id);
    db_bind_text(st, 2, c->before.receipt);
    db_bind_text(st, 3, c->now);
    db_bind_text(st, 4, c->act->who.account);
    db_bind_blob(st, 5, pdf.data, pdf.len);
    rc = db_exec(st);
    buf_free(&pdf);
    if (rc != 0 || (rc = grant_offer_get(db, c->a, c->id, &c->after)) != 0) {
        return rc;
    }
    e->entity_id = arena_printf(c->a, "%ld", (long)c->id);
    e->after = offer_audit_json(c->a, &c->after);
    return 0;
}

int
grant_offer_submit(struct db *db, struct arena *a, const struct mon_actor *act,
                   int64_t id, struct grant_finding **finds, int *nfinds,
                   const char **why)
{
    struct offer_change c = {.a = a,
                             .act = act,
                             .id = id,
                             .why = why,
                             .finds = finds,
                             .nfinds = nfinds};

    *why = NULL;
    *finds = NULL;
    *nfinds = 0;
    c.now = grant_now(a);
    return audit_change(db, &act->who, "grant_offer.submit", "grant_offer",
                        offer_submit, &c);
}

int
grant_offer_pdf_get(struct db *db, struct arena *a, int64_t id,
                    const void **data, size_t *len)
{
    db_stmt *st = db_query(db, Q_GRANT_OFFER_PDF);
    const void *p;
    int rc;

    db_bind_int(st, 1, id);
    rc = db_step(st);
    if (rc != DB_ROW) {
        db_done(st);
        return rc == DB_DONE ? ERR_NOTFOUND : ERR_DB;
    }
    p = db_col_blob(st, 0, len);
    *data = arena_alloc(a, *len + 1);
    memcpy((void *)*data, p, *len);
    db_done(st);
    return 0;
}
