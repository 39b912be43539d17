/*
** The reporting calendar: when realisation of each period is due, and
** closing a period so that its figures stop moving (a closed period takes
** no entries until the coordinator reopens it, with a reason). Every
** change is one audit row.
*/
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/json.h"
#include "core/err.h"
#include "core/str.h"
#include "db/db.h"
#include "monitoring.h"
#include "monitoring/strings_pl.h"

int
mon_rows_of_plan(struct db *db, struct arena *a, enum query_id q,
                 int64_t plan_id, size_t size, db_row_fn *row, void *out)
{
    db_stmt *st = db_query(db, q);

    db_bind_int(st, 1, plan_id);
    return db_list(st, a, size, row, out);
}

static void
period_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct mon_period *p = elem;

    p->period = db_col_text_dup(a, st, 0);
    p->due_on = db_col_text_dup_or_null(a, st, 1);
    p->closed = db_col_int(st, 2) != 0;
    p->closed_at = db_col_text_dup_or_null(a, st, 3);
    p->closed_by = db_col_text_dup_or_null(a, st, 4);
}

int
mon_periods(struct db *db, struct arena *a, int64_t plan_id,
            struct mon_period **out)
{
    return mon_rows_of_plan(db, a, Q_MON_PERIODS, plan_id, sizeof(**out),
                            period_cols, out);
}

int
mon_period_closed(struct db *db, int64_t plan_id, const char *period,
                  bool *closed)
{
    db_stmt *st = db_query(db, Q_MON_PERIOD_CLOSED);
    int64_t n = 0;
    int rc;

    db_bind_int(st, 1, plan_id);
    db_bind_text(st, 2, period);
    rc = db_one_int(st, &n);
    *closed = n > 0;
    return rc;
}

/* The audit's record of a change: {"period":…,"due_on":…,key:text}. */
static const char *
change_json(struct arena *a, const char *period, const char *due_on,
            const char *key, const char *text)
{
    struct buf b;
    struct json j;

    json_obj_open(&j, &b);
    json_kstr(&j, "period", period);
    if (due_on != NULL) {
        json_kstr(&j, "due_on", due_on);
    }
    if (text != NULL && *text != '\0') {
        json_kstr(&j, key, text);
    }
    return json_obj_dup(a, &j);
}

int
mon_period_change(struct db *db, struct arena *a, const struct mon_actor *act,
                  int64_t plan_id, const char *period, const char *action,
                  const char *due_on, const char *reason, const char **why)
{
    struct audit_entry e = act->who;
    struct plan_meta meta;
    struct plan *p;
    db_stmt *st;
    int from, to, rc;

    *why = NULL;
    if ((rc = plan_store_load(db, a, plan_id, &p, &meta)) != 0) {
        return rc;
    }
    if (act->region != NULL && strcmp(act->region, meta.region) != 0) {
        return ERR_NOTFOUND;
    }
    if (!mon_plan_years(p, &from, &to) || !mon_period_valid(period, from, to)) {
        *why = arena_printf(a, T_MON_ERR_PERIOD, from, to, from);
        return ERR_INPUT;
    }
    reason = reason != NULL ? str_trim(a, reason) : "";
    if (action == NULL) {
        action = "";
    }
    if (strcmp(action, "due") == 0) {
        if (due_on != NULL && *due_on == '\0') {
            due_on = NULL;
        }
        if (due_on != NULL && !str_date_valid(due_on)) {
            *why = T_MON_ERR_DUE;
            return ERR_INPUT;
        }
        st = db_query(db, Q_MON_PERIOD_SET_DUE);
        db_bind_int(st, 1, plan_id);
        db_bind_text(st, 2, period);
        db_bind_text(st, 3, due_on);
        e.action = "period.due";
        e.after = change_json(a, period, due_on, NULL, NULL);
    } else if (strcmp(action, "close") == 0 || strcmp(action, "reopen") == 0) {
        bool close = strcmp(action, "close") == 0;

        /* Reopening changes figures that were final: say why. */
        if (!close && *reason == '\0') {
            *why = T_MON_ERR_REOPEN_REASON;
            return ERR_INPUT;
        }
        st = db_query(db, Q_MON_PERIOD_SET_CLOSED);
        db_bind_int(st, 1, plan_id);
        db_bind_text(st, 2, period);
        db_bind_int(st, 3, close ? 1 : 0);
        db_bind_text(st, 4, act->who.account);
        mon_bind_now(st, 5, false);
        e.action = close ? "period.close" : "period.reopen";
        e.after = change_json(a, period, NULL, "reason", reason);
    } else {
        *why = T_MON_ERR_FORM;
        return ERR_INPUT;
    }
    e.entity = "plan";
    e.entity_id = arena_printf(a, "%ld", (long)plan_id);
    return audit_exec(db, &e, st);
}

static void
narrative_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct mon_narrative *n = elem;

    n->task = (int)db_col_int(st, 0);
    n->period = db_col_text_dup(a, st, 1);
    n->text = db_col_text_dup(a, st, 2);
    n->entered_by = db_col_text_dup_or_null(a, st, 3);
    n->entered_at = db_col_text_dup(a, st, 4);
}

int
mon_narratives(struct db *db, struct arena *a, int64_t plan_id,
               struct mon_narrative **out)
{
    return mon_rows_of_plan(db, a, Q_MON_NARRATIVES, plan_id, sizeof(**out),
                            narrative_cols, out);
}

int
mon_narratives_of_tasks(struct db *db, struct arena *a, int64_t plan_id,
                        int first, int last, struct mon_narrative **out)
{
    db_stmt *st = db_query(db, Q_MON_NARRATIVES_OF_TASKS);

    db_bind_int(st, 1, plan_id);
    db_bind_int(st, 2, first);
    db_bind_int(st, 3, last);
    return db_list(st, a, sizeof(**out), narrative_cols, out);
}

/* What saving one task's narrative for a period works on. */
struct narrative_change {
    struct arena *a;
    const struct mon_actor *act;
    int64_t plan_id;
    int t;
    const char *period, *text, *number;
};

/* Query q with the task's narrative named by its first three parameters. */
static db_stmt *
narrative_query(struct db *db, const struct narrative_change *c,
                enum query_id q)
{
    db_stmt *st = db_query(db, q);

    db_bind_int(st, 1, c->plan_id);
    db_bind_int(st, 2, c->t);
    db_bind_text(st, 3, c->period);
    return st;
}

static int
narrative_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct narrative_change *c = ctx;
    db_stmt *st = narrative_query(db, c, Q_MON_NARRATIVE_GET);
    int rc;

    if ((rc = db_step(st)) == DB_ROW) {
        e->before =
            change_json(c->a, c->period, NULL, "text", db_col_text(st, 0));
    }
    db_done(st);
    if (rc != DB_ROW && rc != DB_DONE) {
        return rc;
    }
    st = narrative_query(
        db, c, *c->text != '\0' ? Q_MON_NARRATIVE_SET : Q_MON_NARRATIVE_DELETE);
    if (*c->text != '\0') {
        db_bind_text(st, 4, c->text);
        db_bind_text(st, 5, c->act->who.account);
        mon_bind_now(st, 6, false);
        e->after = change_json(c->a, c->period, NULL, "text", c->text);
    }
    e->entity_id = arena_printf(c->a, "%ld/%s", (long)c->plan_id, c->number);
    return db_exec(st);
}

int
mon_narrative_save(struct db *db, struct arena *a, const struct mon_actor *act,
                   int64_t plan_id, int t, const char *period, const char *text,
                   const char **why)
{
    struct narrative_change c = {
        .a = a, .act = act, .plan_id = plan_id, .t = t, .period = period};
    struct plan_meta meta;
    struct plan *p;
    bool closed = false;
    int from, to, rc;

    *why = NULL;
    if ((rc = plan_store_load(db, a, plan_id, &p, &meta)) != 0) {
        return rc;
    }
    if (act->region != NULL && strcmp(act->region, meta.region) != 0) {
        return ERR_NOTFOUND;
    }
    if (t < 0 || t >= p->ntasks) {
        *why = T_MON_ERR_ITEM;
        return ERR_INPUT;
    }
    if (!mon_plan_years(p, &from, &to) || !mon_period_valid(period, from, to)) {
        *why = arena_printf(a, T_MON_ERR_PERIOD, from, to, from);
        return ERR_INPUT;
    }
    text = text != NULL ? str_trim(a, text) : "";
    if (strlen(text) > MON_NARRATIVE_MAX) {
        *why = T_MON_ERR_NARRATIVE_LONG;
        return ERR_INPUT;
    }
    if (!mon_may_enter_task(db, a, act, plan_id, meta.region, p, t)) {
        *why = T_MON_ERR_NOT_YOUR_TASK;
        return ERR_DENIED;
    }
    if ((rc = mon_period_closed(db, plan_id, period, &closed)) != 0) {
        return rc;
    }
    if (closed) {
        *why = T_MON_ERR_CLOSED;
        return ERR_INPUT;
    }
    c.text = text;
    c.number = p->tasks[t].number;
    return audit_change(db, &act->who, "narrative.save", "task",
                        narrative_write, &c);
}

static void
overdue_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct mon_overdue *o = elem;

    o->period = db_col_text_dup(a, st, 0);
    o->due_on = db_col_text_dup(a, st, 1);
    o->done = db_col_int(st, 2);
}

int
mon_overdue(struct db *db, struct arena *a, int64_t plan_id, const char *today,
            struct mon_overdue **out)
{
    db_stmt *st = db_query(db, Q_MON_OVERDUE);

    db_bind_int(st, 1, plan_id);
    db_bind_text(st, 2, today);
    return db_list(st, a, sizeof(**out), overdue_cols, out);
}
