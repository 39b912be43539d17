/*
** The store of calls: the only file that runs the calls' SQL. A call is
** written with its areas and criteria in one audited transaction (they are
** replaced whole while it is a draft); publishing freezes it. The checks
** that need no database are call_check.c's; the plan and its task are
** asked of the plan's store.
*/
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/warsaw.h"
#include "db/db.h"
#include "grants.h"
#include "plan/plan.h"
#include "plan/plan_store.h"
#include "grants/strings_pl.h"

static void
call_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct grant_call *c = elem;

    memset(c, 0, sizeof(*c));
    c->id = db_col_int(st, 0);
    c->region = db_col_text_dup(a, st, 1);
    c->region_name = db_col_text_dup(a, st, 2);
    c->kind = db_col_text_dup(a, st, 3);
    c->title = db_col_text_dup(a, st, 4);
    c->description = db_col_text_dup(a, st, 5);
    c->plan_id = db_col_int(st, 6);
    c->task = db_col_text_dup_or_null(a, st, 7);
    c->amount = db_col_int(st, 8);
    c->max_grant = db_col_int(st, 9);
    c->min_own_permille = (int)db_col_int(st, 10);
    c->offers_until = db_col_text_dup(a, st, 11);
    c->results_by = db_col_text_dup(a, st, 12);
    c->correction_days = (int)db_col_int(st, 13);
    c->status = db_col_text_dup(a, st, 14);
    c->published_at = db_col_text_dup_or_null(a, st, 15);
    c->created_by = db_col_text_dup_or_null(a, st, 16);
    c->created_at = db_col_text_dup(a, st, 17);
    c->updated_at = db_col_text_dup(a, st, 18);
    c->task_from = db_col_text_dup(a, st, 19);
    c->task_to = db_col_text_dup(a, st, 20);
    c->results_at = db_col_text_dup_or_null(a, st, 21);
}

static void
area_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct grant_area *g = elem;

    g->pos = (int)db_col_int(st, 0);
    g->name = db_col_text_dup(a, st, 1);
    g->budget = db_col_int(st, 2);
}

static void
criterion_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct grant_criterion *k = elem;

    k->stage = db_col_text_dup(a, st, 0);
    k->pos = (int)db_col_int(st, 1);
    k->name = db_col_text_dup(a, st, 2);
    k->max_points = (int)db_col_int(st, 3);
}

static int
load_areas(struct db *db, struct arena *a, struct grant_call *c)
{
    db_stmt *st = db_query(db, Q_GRANT_AREAS_OF_CALL);
    int n;

    db_bind_int(st, 1, c->id);
    n = db_list(st, a, sizeof(*c->areas), area_cols, &c->areas);
    if (n < 0) {
        return n;
    }
    c->nareas = n;
    return 0;
}

int
grant_call_get(struct db *db, struct arena *a, int64_t id,
               struct grant_call *out)
{
    db_stmt *st = db_query(db, Q_GRANT_CALL_GET);
    int rc, n;

    db_bind_int(st, 1, id);
    if ((rc = db_get(st, a, call_cols, out)) != 0 ||
        (rc = load_areas(db, a, out)) != 0) {
        return rc;
    }
    st = db_query(db, Q_GRANT_CRITERIA_OF_CALL);
    db_bind_int(st, 1, id);
    n = db_list(st, a, sizeof(*out->criteria), criterion_cols, &out->criteria);
    if (n < 0) {
        return n;
    }
    out->ncriteria = n;
    return 0;
}

bool
grant_call_visible(const struct mon_actor *act, const struct grant_call *c)
{
    if (strcmp(c->status, "draft") != 0) {
        return true;
    }
    return act->account != 0 && auth_role_has(act->role, CAP_GRANT_MANAGE) &&
           (act->region == NULL || strcmp(act->region, c->region) == 0);
}

int
grant_calls_list(struct db *db, struct arena *a, bool drafts,
                 const char *region, long limit, long offset,
                 struct grant_call **out, int64_t *total)
{
    db_stmt *st = db_query(db, Q_GRANT_CALLS_COUNT);
    int rc;

    db_bind_int(st, 1, drafts ? 1 : 0);
    db_bind_text(st, 2, region);
    if ((rc = db_one_int(st, total)) != 0) {
        return rc;
    }
    st = db_query(db, Q_GRANT_CALLS_LIST);
    db_bind_int(st, 1, drafts ? 1 : 0);
    db_bind_text(st, 2, region);
    db_bind_int(st, 3, limit);
    db_bind_int(st, 4, offset);
    return grant_calls_rows(db, st, a, out);
}

int
grant_calls_rows(struct db *db, db_stmt *st, struct arena *a,
                 struct grant_call **out)
{
    int n, i, rc;

    n = db_list(st, a, sizeof(**out), call_cols, out);
    for (i = 0; i < n; i++) {
        if ((rc = load_areas(db, a, &(*out)[i])) != 0) {
            return rc;
        }
    }
    return n;
}

/* What one audited save of a call works on. */
struct call_change {
    struct arena *a;
    const struct mon_actor *act;
    int64_t id;
    struct grant_call before, after;
    const char *now;
    const char **why;
};

/* Replace the areas and criteria of call id with those of c. */
static int
write_parts(struct db *db, int64_t id, const struct grant_call *c)
{
    db_stmt *st;
    int rc, i;

    st = db_query(db, Q_GRANT_AREAS_DELETE);
    db_bind_int(st, 1, id);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    st = db_query(db, Q_GRANT_CRITERIA_DELETE);
    db_bind_int(st, 1, id);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    for (i = 0; i < c->nareas; i++) {
        st = db_query(db, Q_GRANT_AREA_INSERT);
        db_bind_int(st, 1, id);
        db_bind_int(st, 2, c->areas[i].pos);
        db_bind_text(st, 3, c->areas[i].name);
        db_bind_int(st, 4, c->areas[i].budget);
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
    }
    for (i = 0; i < c->ncriteria; i++) {
        st = db_query(db, Q_GRANT_CRITERION_INSERT);
        db_bind_int(st, 1, id);
        db_bind_text(st, 2, c->criteria[i].stage);
        db_bind_int(st, 3, c->criteria[i].pos);
        db_bind_text(st, 4, c->criteria[i].name);
        db_bind_int(st, 5, c->criteria[i].max_points);
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
    }
    return 0;
}

/* Bind the fields of c shared by insert and update from parameter 2. */
static void
bind_fields(db_stmt *st, const struct grant_call *c)
{
    db_bind_text(st, 2, c->kind);
    db_bind_text(st, 3, c->title);
    db_bind_text(st, 4, c->description);
    if (c->plan_id > 0) {
        db_bind_int(st, 5, c->plan_id);
    } else {
        db_bind_null(st, 5);
    }
    db_bind_text(st, 6, c->task != NULL && *c->task ? c->task : NULL);
    db_bind_int(st, 7, c->amount);
    db_bind_int(st, 8, c->max_grant);
    db_bind_int(st, 9, c->min_own_permille);
    db_bind_text(st, 10, c->offers_until);
    db_bind_text(st, 11, c->results_by);
    db_bind_int(st, 12, c->correction_days);
}

static int
call_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct call_change *c = ctx;
    db_stmt *st;
    int rc;

    if (c->id == 0) {
        st = db_query(db, Q_GRANT_CALL_INSERT);
        db_bind_text(st, 1, c->after.region);
        bind_fields(st, &c->after);
        db_bind_text(st, 13, c->act->who.account);
        db_bind_text(st, 14, c->now);
        db_bind_text(st, 15, c->after.task_from);
        db_bind_text(st, 16, c->after.task_to);
        if ((rc = db_one_int(st, &c->id)) != 0) {
            return rc;
        }
    } else {
        st = db_query(db, Q_GRANT_CALL_UPDATE);
        db_bind_int(st, 1, c->id);
        bind_fields(st, &c->after);
        db_bind_text(st, 13, c->now);
        db_bind_text(st, 14, c->after.task_from);
        db_bind_text(st, 15, c->after.task_to);
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
    }
    if ((rc = write_parts(db, c->id, &c->after)) != 0 ||
        (rc = grant_call_get(db, c->a, c->id, &c->after)) != 0) {
        return rc;
    }
    e->entity_id = arena_printf(c->a, "%ld", (long)c->id);
    e->before =
        c->before.id != 0 ? grant_call_audit_json(c->a, &c->before) : NULL;
    e->after = grant_call_audit_json(c->a, &c->after);
    return 0;
}

/* The plan and task of a checked call: a yearly plan of region with a
 * task of that number. Appends a message naming the field otherwise. */
static int
check_plan(struct db *db, struct arena *a, const char *region,
           const struct grant_call *c, const char ***errs, int *nerrs)
{
    struct plan_meta meta;
    struct plan *p;
    int rc, t;

    if (c->plan_id <= 0) {
        return 0;
    }
    rc = plan_store_load(db, a, c->plan_id, &p, &meta);
    if (rc == ERR_NOTFOUND ||
        (rc == 0 && (p->kind != PLAN_YEARLY || strcmp(meta.region, region)))) {
        grant_err(a, errs, nerrs, arena_printf(a, T_GC_ERR_PLAN, T_GC_F_PLAN));
        return ERR_INPUT;
    }
    if (rc != 0) {
        return rc;
    }
    if (c->task == NULL || *c->task == '\0') {
        return 0;
    }
    for (t = 0; t < p->ntasks; t++) {
        if (strcmp(p->tasks[t].number, c->task) == 0) {
            return 0;
        }
    }
    grant_err(a, errs, nerrs,
              arena_printf(a, T_GC_ERR_TASK, T_GC_F_TASK, c->task));
    return ERR_INPUT;
}

int
grant_call_save(struct db *db, struct arena *a, const struct mon_actor *act,
                int64_t id, const struct grant_call_form *f, int64_t *out_id,
                const char ***errs, int *nerrs)
{
    struct call_change c = {.a = a, .act = act, .id = id};
    int rc;

    *errs = NULL;
    *nerrs = 0;
    c.now = grant_now(a);
    if (id != 0) {
        if ((rc = grant_call_get(db, a, id, &c.before)) != 0) {
            return rc;
        }
        if (act->region != NULL && strcmp(act->region, c.before.region)) {
            return ERR_NOTFOUND;
        }
        if (strcmp(c.before.status, "draft") != 0) {
            return ERR_CONFLICT;
        }
    }
    rc = grant_call_check(a, f, c.now, &c.after, errs, nerrs);
    c.after.region = id != 0 ? c.before.region : act->region;
    if (c.after.region == NULL) {
        /* a call belongs to a region: an account of every region has none */
        grant_err(a, errs, nerrs, T_GC_ERR_NO_REGION);
        return ERR_INPUT;
    }
    if (rc == 0 || rc == ERR_INPUT) {
        int prc = check_plan(db, a, c.after.region, &c.after, errs, nerrs);

        if (prc != 0 && prc != ERR_INPUT) {
            return prc;
        }
    }
    if (*nerrs > 0) {
        return ERR_INPUT;
    }
    rc = audit_change(db, &act->who,
                      id == 0 ? "grant_call.create" : "grant_call.update",
                      "grant_call", call_write, &c);
    *out_id = c.id;
    return rc;
}

static int
call_publish(struct db *db, void *ctx, struct audit_entry *e)
{
    struct call_change *c = ctx;
    db_stmt *st;
    int rc;

    if ((rc = grant_call_get(db, c->a, c->id, &c->before)) != 0) {
        return rc;
    }
    if (c->act->region != NULL && strcmp(c->act->region, c->before.region)) {
        return ERR_NOTFOUND;
    }
    if (strcmp(c->before.status, "draft") != 0) {
        *c->why = T_GC_ERR_NOT_DRAFT;
        return ERR_CONFLICT;
    }
    if (strcmp(c->before.offers_until, c->now) <= 0) {
        *c->why = T_GC_ERR_DEADLINE_PASSED;
        return ERR_CONFLICT;
    }
    st = db_query(db, Q_GRANT_CALL_PUBLISH);
    db_bind_int(st, 1, c->id);
    db_bind_text(st, 2, c->now);
    if ((rc = db_exec(st)) != 0 ||
        (rc = grant_call_get(db, c->a, c->id, &c->after)) != 0) {
        return rc;
    }
    e->entity_id = arena_printf(c->a, "%ld", (long)c->id);
    e->before = grant_call_audit_json(c->a, &c->before);
    e->after = grant_call_audit_json(c->a, &c->after);
    return 0;
}

int
grant_call_publish(struct db *db, struct arena *a, const struct mon_actor *act,
                   int64_t id, const char **why)
{
    struct call_change c = {.a = a, .act = act, .id = id, .why = why};

    *why = NULL;
    c.now = grant_now(a);
    return audit_change(db, &act->who, "grant_call.publish", "grant_call",
                        call_publish, &c);
}

int
grant_call_demo_dates(struct db *db, int64_t id, const char *published_at,
                      const char *offers_until, const char *results_by)
{
    db_stmt *st = db_query(db, Q_GRANT_CALL_DEMO_DATES);
    int rc;

    db_bind_int(st, 1, id);
    db_bind_text(st, 2, published_at);
    db_bind_text(st, 3, offers_until);
    db_bind_text(st, 4, results_by);
    if ((rc = db_one_int(st, &id)) != 0) {
        return rc;
    }
    st = db_query(db, Q_GRANT_OFFERS_DEMO_SUBMITTED);
    db_bind_int(st, 1, id);
    db_bind_text(st, 2, offers_until);
    return db_exec(st);
}

int
grant_call_demo_results_at(struct db *db, int64_t id, const char *results_at,
                           const char *reports_at)
{
    db_stmt *st = db_query(db, Q_GRANT_CALL_DEMO_RESULTS_AT);
    int rc;

    db_bind_int(st, 1, id);
    db_bind_text(st, 2, results_at);
    if ((rc = db_one_int(st, &id)) != 0) {
        return rc;
    }
    st = db_query(db, Q_GRANT_REPORTS_DEMO_AT);
    db_bind_int(st, 1, id);
    db_bind_text(st, 2, reports_at);
    db_bind_text(st, 3, reports_at);
    return db_exec(st);
}
