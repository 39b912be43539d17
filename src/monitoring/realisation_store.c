/*
** Realisation values: entering, approving and returning them, with the
** history of every value and one audit row per change. Who may enter a
** task's values is decided in rules.c (mon_may_enter_task); the router has
** already checked the capability.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/json.h"
#include "core/str.h"
#include "db/db.h"
#include "monitoring.h"
#include "monitoring/strings_pl.h"

static void
entry_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct mon_entry *e = elem;

    e->id = db_col_int(st, 0);
    e->plan_id = db_col_int(st, 1);
    e->kind = db_col_text_dup(a, st, 2);
    e->pos = (int)db_col_int(st, 3);
    e->source = db_col_text_dup(a, st, 4);
    e->period = db_col_text_dup(a, st, 5);
    e->value = db_col_int(st, 6);
    e->note = db_col_text_dup_or_null(a, st, 7);
    e->status = db_col_text_dup(a, st, 8);
    e->comment = db_col_text_dup_or_null(a, st, 9);
    e->entered_by = db_col_text_dup_or_null(a, st, 10);
    e->entered_at = db_col_text_dup(a, st, 11);
    e->decided_by = db_col_text_dup_or_null(a, st, 12);
    e->decided_at = db_col_text_dup_or_null(a, st, 13);
    e->has_approved = !db_col_null(st, 14);
    e->approved = e->has_approved ? db_col_int(st, 14) : 0;
    e->flag = db_col_text_dup_or_null(a, st, 15);
    e->flag_reason = db_col_text_dup_or_null(a, st, 16);
}

int
mon_entry_get(struct db *db, struct arena *a, int64_t id, struct mon_entry *out)
{
    db_stmt *st = db_query(db, Q_MON_ENTRY_GET);

    db_bind_int(st, 1, id);
    return db_get(st, a, entry_cols, out);
}

int
mon_entries_of_plan(struct db *db, struct arena *a, int64_t plan_id,
                    struct mon_entry **out)
{
    return mon_rows_of_plan(db, a, Q_MON_ENTRIES_OF_PLAN, plan_id,
                            sizeof(**out), entry_cols, out);
}

int
mon_entries_of_items(struct db *db, struct arena *a, int64_t plan_id,
                     const char *kind, int lo, int hi, struct mon_entry **out)
{
    db_stmt *st = db_query(db, Q_MON_ENTRIES_OF_ITEMS);

    db_bind_int(st, 1, plan_id);
    db_bind_text(st, 2, kind);
    db_bind_int(st, 3, lo);
    db_bind_int(st, 4, hi);
    return db_list(st, a, sizeof(**out), entry_cols, out);
}

int
mon_state(struct db *db, int64_t plan_id, int64_t *v)
{
    return db_one_int(db_query_id(db, Q_MON_STATE, plan_id), v);
}

int
mon_entries_pending(struct db *db, struct arena *a, const char *region,
                    struct mon_entry **out)
{
    db_stmt *st = db_query(db, Q_MON_ENTRIES_PENDING);

    db_bind_text(st, 1, region);
    return db_list(st, a, sizeof(**out), entry_cols, out);
}

static void
event_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct mon_event *e = elem;

    e->event = db_col_text_dup(a, st, 0);
    e->value = db_col_int(st, 1);
    e->note = db_col_text_dup_or_null(a, st, 2);
    e->status = db_col_text_dup(a, st, 3);
    e->comment = db_col_text_dup_or_null(a, st, 4);
    e->account = db_col_text_dup_or_null(a, st, 5);
    e->at = db_col_text_dup(a, st, 6);
}

int
mon_entry_history(struct db *db, struct arena *a, int64_t id,
                  struct mon_event **out)
{
    db_stmt *st = db_query(db, Q_MON_HISTORY);

    db_bind_int(st, 1, id);
    return db_list(st, a, sizeof(**out), event_cols, out);
}

static const char *
entry_json(struct arena *a, const char *kind, int pos, const char *source,
           const char *period, int64_t value, const char *note,
           const char *status, const char *comment)
{
    struct buf b;
    struct json j;

    json_obj_open(&j, &b);
    json_kstr(&j, "kind", kind);
    json_kint(&j, "pos", pos);
    if (source != NULL && *source != '\0') {
        json_kstr(&j, "source", source);
    }
    json_kstr(&j, "period", period);
    json_kint(&j, "value", value);
    json_kstr(&j, "note", note);
    json_kstr(&j, "status", status);
    if (comment != NULL) {
        json_kstr(&j, "comment", comment);
    }
    return json_obj_dup(a, &j);
}

/* Task of the item, or -1 when the item does not exist. */
static int
item_task(const struct plan *p, const struct mon_input *in)
{
    if (strcmp(in->kind, "indicator") == 0) {
        if (in->pos < 0 || in->pos >= p->nindicators ||
            (in->source != NULL && *in->source != '\0')) {
            return -2;
        }
        return p->indicators[in->pos].task;
    }
    /* A project card has no budget lines: its spending is one item. */
    if (strcmp(in->kind, "line") == 0 && p->kind == PLAN_PROJECT) {
        return in->pos == MON_PROJECT_SPENDING &&
                       (in->source == NULL || *in->source == '\0')
                   ? -1
                   : -2;
    }
    if (strcmp(in->kind, "line") == 0) {
        if (in->pos < 0 || in->pos >= p->nlines || in->source == NULL ||
            plan_source_find(p, in->source) < 0) {
            return -2;
        }
        return p->lines[in->pos].task;
    }
    return -2;
}

/* Planned grosze of line pos for funding source s (-1: not stated). */
static int64_t
line_planned(const struct plan *p, int pos, int s)
{
    const struct plan_line *l = &p->lines[pos];
    int64_t sum = -1;
    int k;

    for (k = 0; k < l->namounts; k++) {
        if (l->amounts[k].source == s &&
            l->amounts[k].amount.kind == PLAN_NUM_VALUE) {
            sum = (sum < 0 ? 0 : sum) + l->amounts[k].amount.v;
        }
    }
    return sum;
}

/*
** Why the value is far off the plan (Polish), or NULL when it is not:
** spending above the line's plan for its source, an indicator over ten
** times its target, a breakdown above its parent's value of the period.
*/
static int
implausible(struct db *db, struct arena *a, const struct plan *p,
            const struct mon_input *in, const char *source, const char **flag)
{
    *flag = NULL;
    if (strcmp(in->kind, "line") == 0 && in->pos >= 0) {
        int64_t planned = line_planned(p, in->pos, plan_source_find(p, source));

        if (in->value > (planned < 0 ? 0 : planned)) {
            *flag = arena_printf(a, T_MON_FLAG_ABOVE_BUDGET,
                                 str_money(a, planned < 0 ? 0 : planned));
        }
        return 0;
    }
    if (strcmp(in->kind, "indicator") == 0) {
        const struct plan_indicator *ind = &p->indicators[in->pos];
        const struct plan_num *target =
            p->kind == PLAN_YEARLY ? &ind->target_year : &ind->target_multi;
        db_stmt *st;
        int rc;

        if (target->kind == PLAN_NUM_VALUE && target->v > 0 &&
            in->value > 10 * target->v) {
            *flag = arena_printf(a, T_MON_FLAG_OVER_TARGET,
                                 str_thousands(a, target->v));
            return 0;
        }
        if (ind->parent < 0) {
            return 0;
        }
        st = db_query(db, Q_MON_ENTRY_FIND);
        db_bind_int(st, 1, in->plan_id);
        db_bind_text(st, 2, "indicator");
        db_bind_int(st, 3, ind->parent);
        db_bind_text(st, 4, "");
        db_bind_text(st, 5, in->period);
        rc = db_step(st);
        if (rc == DB_ROW && in->value > db_col_int(st, 1)) {
            *flag = arena_printf(a, T_MON_FLAG_ABOVE_PARENT,
                                 str_thousands(a, db_col_int(st, 1)));
        }
        db_done(st);
        return rc == DB_ROW || rc == DB_DONE ? 0 : rc;
    }
    return 0;
}

static int
history_add(struct db *db, int64_t id, const char *event, const char *account)
{
    db_stmt *st = db_query(db, Q_MON_HISTORY_INSERT);

    db_bind_int(st, 1, id);
    db_bind_text(st, 2, event);
    db_bind_text(st, 3, account);
    mon_bind_now(st, 4, true);
    return db_exec(st);
}

/* An entry's key, the first five parameters of the queries that name one. */
static void
bind_key(db_stmt *st, const struct mon_input *in, const char *source)
{
    db_bind_int(st, 1, in->plan_id);
    db_bind_text(st, 2, in->kind);
    db_bind_int(st, 3, in->pos);
    db_bind_text(st, 4, source);
    db_bind_text(st, 5, in->period);
}

/*
** What one audited change of a realisation entry works on: the input to
** save (with its source, note, flag and reason as checked), or the entry
** (cur) to approve or return.
*/
struct entry_change {
    struct arena *a;
    const struct mon_actor *act;
    const struct mon_input *in;
    const char *source, *note, *flag, *reason;
    int64_t id, *saved;
    struct mon_entry cur;
    bool approve;
    const char *comment;
};

static int
entry_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct entry_change *c = ctx;
    int64_t *id = c->saved;
    const struct mon_input *in = c->in;
    const char *account = c->act->who.account;
    int64_t existing = 0;
    db_stmt *st;
    int rc;

    st = db_query(db, Q_MON_ENTRY_FIND);
    bind_key(st, in, c->source);
    rc = db_step(st);
    if (rc == DB_ROW) {
        existing = db_col_int(st, 0);
        e->before = entry_json(c->a, in->kind, in->pos, c->source, in->period,
                               db_col_int(st, 1),
                               db_col_null(st, 2) ? NULL : db_col_text(st, 2),
                               db_col_text(st, 3), NULL);
    }
    db_done(st);
    if (rc != DB_ROW && rc != DB_DONE) {
        return rc;
    }
    if (existing > 0) {
        st = db_query(db, Q_MON_ENTRY_UPDATE);
        db_bind_int(st, 1, existing);
        db_bind_int(st, 2, in->value);
        db_bind_text(st, 3, c->note);
        db_bind_text(st, 4, account);
        db_bind_text(st, 5, c->flag);
        db_bind_text(st, 6, c->reason);
        mon_bind_now(st, 7, false);
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
        *id = existing;
    } else {
        st = db_query(db, Q_MON_ENTRY_INSERT);
        bind_key(st, in, c->source);
        db_bind_int(st, 6, in->value);
        db_bind_text(st, 7, c->note);
        db_bind_text(st, 8, account);
        db_bind_text(st, 9, c->flag);
        db_bind_text(st, 10, c->reason);
        mon_bind_now(st, 11, false);
        if ((rc = db_one_int(st, id)) != 0) {
            return rc;
        }
    }
    if ((rc = history_add(db, *id, "enter", account)) != 0) {
        return rc;
    }
    e->entity_id = arena_printf(c->a, "%ld", (long)*id);
    e->after = entry_json(c->a, in->kind, in->pos, c->source, in->period,
                          in->value, c->note, "entered", NULL);
    return 0;
}

int
mon_entry_save(struct db *db, struct arena *a, const struct mon_actor *act,
               const struct mon_input *in, int64_t *id, struct mon_problem *why)
{
    struct plan_meta meta;
    struct plan *p;
    struct entry_change c = {.a = a, .act = act, .in = in, .saved = id};
    const char *source = in->source ? in->source : "";
    const char *note = in->note;
    const char *flag, *reason;
    bool closed = false;
    int64_t mixed = 0;
    db_stmt *st;
    int rc, t, from, to;

    why->message = why->field = NULL;
    rc = plan_store_load(db, a, in->plan_id, &p, &meta);
    if (rc != 0) {
        return rc;
    }
    if (!mon_plan_years(p, &from, &to)) {
        why->message = T_MON_ERR_NOT_YEARLY;
        why->field = "item";
        return ERR_INPUT;
    }
    t = item_task(p, in);
    if (t == -2) {
        why->message = T_MON_ERR_ITEM;
        why->field = "item";
        return ERR_INPUT;
    }
    if (!mon_period_valid(in->period, from, to)) {
        why->message = arena_printf(a, T_MON_ERR_PERIOD, from, to, from);
        why->field = "period";
        return ERR_INPUT;
    }
    if (in->value < 0) {
        why->message = T_MON_ERR_VALUE;
        why->field = "value";
        return ERR_INPUT;
    }
    if (note != NULL && *note == '\0') {
        note = NULL;
    }
    if (act->region != NULL && strcmp(act->region, meta.region) != 0) {
        why->message = T_MON_ERR_REGION;
        why->field = NULL;
        return ERR_DENIED;
    }
    if (!mon_may_enter_task(db, a, act, in->plan_id, meta.region, p, t)) {
        why->message = T_MON_ERR_NOT_YOUR_TASK;
        why->field = "item";
        return ERR_DENIED;
    }
    st = db_query(db, Q_MON_ENTRY_MIXED);
    bind_key(st, in, source);
    if ((rc = db_one_int(st, &mixed)) != 0) {
        return rc;
    }
    if (mixed > 0) {
        why->message = T_MON_ERR_MIXED;
        why->field = "period";
        return ERR_INPUT;
    }
    if ((rc = mon_period_closed(db, in->plan_id, in->period, &closed)) != 0) {
        return rc;
    }
    if (closed) {
        why->message = T_MON_ERR_CLOSED;
        why->field = "period";
        return ERR_INPUT;
    }
    if ((rc = implausible(db, a, p, in, source, &flag)) != 0) {
        return rc;
    }
    reason = in->reason != NULL ? str_trim(a, in->reason) : "";
    if (flag != NULL && *reason == '\0') {
        why->message = arena_printf(a, "%s %s", flag, T_MON_FLAG_CONFIRM);
        why->field = "value";
        return ERR_CONFLICT;
    }
    if (flag == NULL) {
        reason = NULL;
    }
    c.source = source;
    c.note = note;
    c.flag = flag;
    c.reason = reason;
    return audit_change(db, &act->who, "realisation.enter", "realisation",
                        entry_write, &c);
}

static int
entry_decided(struct db *db, void *ctx, struct audit_entry *e)
{
    struct entry_change *c = ctx;
    const struct mon_entry *cur = &c->cur;
    const char *account = c->act->who.account;
    db_stmt *st = db_query(db, Q_MON_ENTRY_DECIDE);
    int rc;

    db_bind_int(st, 1, c->id);
    db_bind_text(st, 2, c->approve ? "approved" : "returned");
    db_bind_text(st, 3, c->comment);
    db_bind_text(st, 4, account);
    mon_bind_now(st, 5, false);
    if ((rc = db_exec(st)) != 0 ||
        (rc = history_add(db, c->id, c->approve ? "approve" : "return",
                          account)) != 0) {
        return rc;
    }
    e->entity_id = arena_printf(c->a, "%ld", (long)c->id);
    e->before = entry_json(c->a, cur->kind, cur->pos, cur->source, cur->period,
                           cur->value, cur->note, cur->status, NULL);
    e->after = entry_json(c->a, cur->kind, cur->pos, cur->source, cur->period,
                          cur->value, cur->note,
                          c->approve ? "approved" : "returned", c->comment);
    return 0;
}

int
mon_entry_decide(struct db *db, struct arena *a, const struct mon_actor *act,
                 int64_t id, bool approve, const char *comment,
                 const char **why)
{
    struct entry_change c = {.a = a, .act = act, .id = id, .approve = approve};
    const char *region;
    int64_t version;
    bool published;
    int rc;

    *why = NULL;
    if ((rc = mon_entry_get(db, a, id, &c.cur)) != 0) {
        return rc;
    }
    if (!approve && (comment == NULL || *str_trim(a, comment) == '\0')) {
        *why = T_MON_ERR_COMMENT;
        return ERR_INPUT;
    }
    if (strcmp(c.cur.status, "entered") != 0) {
        *why = T_MON_ERR_NOT_PENDING;
        return ERR_INPUT;
    }
    if ((rc = plan_store_visibility(db, a, c.cur.plan_id, &published, &region,
                                    &version)) != 0) {
        return rc;
    }
    if (act->region != NULL && strcmp(act->region, region) != 0) {
        *why = T_MON_ERR_REGION;
        return ERR_DENIED;
    }
    c.comment = approve ? NULL : str_trim(a, comment);
    return audit_change(db, &act->who,
                        approve ? "realisation.approve" : "realisation.return",
                        "realisation", entry_decided, &c);
}

static void
change_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct mon_change *c = elem;

    c->e.id = db_col_int(st, 0);
    c->e.value = db_col_int(st, 2);
    c->status = db_col_text_dup(a, st, 3);
    c->account = db_col_text_dup(a, st, 4);
    c->at = db_col_text_dup(a, st, 5);
    c->e.kind = db_col_text_dup(a, st, 6);
    c->e.pos = (int)db_col_int(st, 7);
    c->e.source = db_col_text_dup(a, st, 8);
    c->e.period = db_col_text_dup(a, st, 9);
}

int
mon_latest_changes(struct db *db, struct arena *a, int64_t plan_id, int limit,
                   struct mon_change **out)
{
    db_stmt *st = db_query(db, Q_MON_LATEST_CHANGES);

    db_bind_int(st, 1, plan_id);
    db_bind_int(st, 2, limit);
    return db_list(st, a, sizeof(**out), change_cols, out);
}

/* A sum of an indicator, by source (sum_cols) or by year. */
static void
sum_common_cols(struct arena *a, db_stmt *st, struct mon_sum *s)
{
    s->kind = db_col_text_dup(a, st, 0);
    s->pos = (int)db_col_int(st, 1);
    s->sum = db_col_int(st, 3);
    s->napproved = db_col_int(st, 4);
    s->would = db_col_int(st, 5);
    s->pending = db_col_int(st, 6);
}

static void
sum_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct mon_sum *s = elem;

    sum_common_cols(a, st, s);
    s->source = db_col_text_dup(a, st, 2);
    s->count = db_col_int(st, 7);
}

static void
sum_by_year_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct mon_sum *s = elem;

    sum_common_cols(a, st, s);
    s->source = "";
    s->year = (int)db_col_int(st, 2);
}

int
mon_sums(struct db *db, struct arena *a, int64_t plan_id, bool by_year,
         struct mon_sum **out)
{
    return mon_rows_of_plan(db, a, by_year ? Q_MON_SUMS_BY_YEAR : Q_MON_SUMS,
                            plan_id, sizeof(**out),
                            by_year ? sum_by_year_cols : sum_cols, out);
}

int
mon_entries_count(struct db *db, int64_t plan_id, const char *note, int64_t *n)
{
    db_stmt *st = db_query(db, Q_MON_ENTRIES_COUNT);

    db_bind_int(st, 1, plan_id);
    db_bind_text(st, 2, note);
    return db_one_int(st, n);
}

static void
earlier_sum_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct mon_earlier_sum *e = elem;

    e->task_number = db_col_text_dup(a, st, 0);
    e->name = db_col_text_dup(a, st, 1);
    e->sum = db_col_int(st, 2);
}

int
mon_earlier_sums(struct db *db, struct arena *a, int64_t programme, int year,
                 int64_t plan_id, struct mon_earlier_sum **out)
{
    db_stmt *st = db_query(db, Q_MON_EARLIER_SUMS);

    db_bind_int(st, 1, programme);
    db_bind_int(st, 2, year);
    db_bind_int(st, 3, plan_id);
    return db_list(st, a, sizeof(**out), earlier_sum_cols, out);
}
