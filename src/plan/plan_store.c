/*
** plan <-> store. Positions (pos) are the indexes of the arrays of struct
** plan, so references between rows (task -> action -> goal, indicator ->
** parent) are stored as positions and need no id mapping on load.
*/
#include "plan_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/json.h"
#include "core/stop.h"
#include "db/db.h"
#include "strings_pl.h"
#include "region/region.h"
#include "users/units.h"

/* The kinds as stored; the index is the enum plan_kind. */
static const char *const kind_names[] = {
    [PLAN_YEARLY] = "yearly",
    [PLAN_PROGRAMME] = "programme",
    [PLAN_PROJECT] = "project",
};

const char *
plan_kind_name(enum plan_kind kind)
{
    return kind == PLAN_PROGRAMME || kind == PLAN_PROJECT ? kind_names[kind]
                                                          : "yearly";
}

enum plan_kind
plan_kind_from_name(const char *s)
{
    size_t k;

    for (k = 0; k < sizeof(kind_names) / sizeof(kind_names[0]); k++) {
        if (strcmp(s, kind_names[k]) == 0) {
            return (enum plan_kind)k;
        }
    }
    return PLAN_YEARLY;
}

/* Bind an index that may be -1 (none) as NULL. */
static void
bind_pos(db_stmt *st, int n, int pos)
{
    if (pos < 0) {
        db_bind_null(st, n);
    } else {
        db_bind_int(st, n, pos);
    }
}

/* Bind a year or an id that is 0 when unset as NULL then. */
static void
bind_set(db_stmt *st, int n, int64_t v)
{
    if (v > 0) {
        db_bind_int(st, n, v);
    } else {
        db_bind_null(st, n);
    }
}

static void
bind_source(db_stmt *st, int n, const struct plan *p, int source)
{
    db_bind_text(st, n,
                 source >= 0 && source < p->nsources ? p->sources[source].code
                                                     : NULL);
}

/* The plan's id as an audit row names it, in a. */
static const char *
entity_id(struct arena *a, int64_t id)
{
    return arena_printf(a, "%ld", (long)id);
}

/* A number at columns n (kind), n + 1 (value) and n + 2 (as written). */
static void
bind_num(db_stmt *st, int n, const struct plan_num *num)
{
    db_bind_int(st, n, num->kind);
    db_bind_int(st, n + 1, num->v);
    db_bind_text(st, n + 2, num->text);
}

static int
insert_goal(struct db *db, const struct plan *p, int64_t plan_id, int i)
{
    db_stmt *st = db_query(db, Q_PLAN_GOAL_INSERT);

    db_bind_int(st, 1, plan_id);
    db_bind_int(st, 2, i);
    db_bind_text(st, 3, p->goals[i].code);
    db_bind_text(st, 4, p->goals[i].title);
    db_bind_int(st, 5, p->goals[i].row);
    return db_exec(st);
}

static int
insert_action(struct db *db, const struct plan *p, int64_t plan_id, int i)
{
    db_stmt *st = db_query(db, Q_PLAN_ACTION_INSERT);

    db_bind_int(st, 1, plan_id);
    db_bind_int(st, 2, i);
    bind_pos(st, 3, p->actions[i].goal);
    db_bind_text(st, 4, p->actions[i].code);
    db_bind_text(st, 5, p->actions[i].title);
    db_bind_int(st, 6, p->actions[i].row);
    return db_exec(st);
}

static int
insert_task(struct db *db, const struct plan *p, int64_t plan_id, int i)
{
    const struct plan_task *t = &p->tasks[i];
    db_stmt *st = db_query(db, Q_PLAN_TASK_INSERT);

    db_bind_int(st, 1, plan_id);
    db_bind_int(st, 2, i);
    db_bind_text(st, 3, t->number ? t->number : "");
    bind_pos(st, 4, t->action);
    bind_pos(st, 5, t->goal);
    db_bind_text(st, 6, t->description ? t->description : "");
    db_bind_int(st, 7, t->row);
    return db_exec(st);
}

static int
insert_line(struct db *db, const struct plan *p, int64_t plan_id, int i)
{
    const struct plan_line *l = &p->lines[i];
    db_stmt *st = db_query(db, Q_PLAN_LINE_INSERT);
    int64_t line_id;
    int k, rc;

    db_bind_int(st, 1, plan_id);
    db_bind_int(st, 2, i);
    db_bind_int(st, 3, l->task);
    db_bind_int(st, 4, l->row);
    db_bind_text(st, 5, l->term.text);
    db_bind_text(st, 6, l->implementers);
    db_bind_int(st, 7, l->implementers_as_above);
    bind_num(st, 8, &l->total);
    if ((rc = db_one_int(st, &line_id)) != 0) {
        return rc;
    }
    for (k = 0; k < l->namounts; k++) {
        const struct plan_amount *am = &l->amounts[k];

        st = db_query(db, Q_PLAN_AMOUNT_INSERT);
        db_bind_int(st, 1, line_id);
        bind_source(st, 2, p, am->source);
        bind_num(st, 3, &am->amount);
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
    }
    return 0;
}

static int
insert_indicator(struct db *db, const struct plan *p, int64_t plan_id, int i)
{
    const struct plan_indicator *in = &p->indicators[i];
    db_stmt *st = db_query(db, Q_PLAN_INDICATOR_INSERT);

    db_bind_int(st, 1, plan_id);
    db_bind_int(st, 2, i);
    bind_pos(st, 3, in->task);
    bind_pos(st, 4, in->parent);
    db_bind_int(st, 5, in->row);
    db_bind_text(st, 6, in->name ? in->name : "");
    db_bind_text(st, 7, in->unit);
    bind_num(st, 8, &in->target_year);
    bind_num(st, 11, &in->target_multi);
    db_bind_text(st, 14, in->results_text);
    db_bind_text(st, 15, in->footnote);
    return db_exec(st);
}

/*
** Link task t of plan_id to the implementer units its lines name, by id:
** each part of an implementers text (units_split) is the unit of the
** plan's region with exactly that folded name, created when none has it.
** Replaces the task's links; runs in the caller's transaction.
*/
static int
link_task_units(struct db *db, struct arena *a, const char *region,
                int64_t plan_id, const struct plan *p, int t)
{
    const struct plan_task *task = &p->tasks[t];
    db_stmt *st = db_query(db, Q_TASK_UNITS_CLEAR);
    int rc, l, k, n;

    db_bind_int(st, 1, plan_id);
    db_bind_int(st, 2, t);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    for (l = task->first_line; l >= 0 && l < task->first_line + task->nlines;
         l++) {
        const char **names;

        n = units_split(a, p->lines[l].implementers, &names);
        for (k = 0; k < n; k++) {
            int64_t unit = 0;

            if ((rc = units_ensure(db, a, region, UNIT_IMPLEMENTER, names[k],
                                   &unit)) != 0) {
                return rc;
            }
            st = db_query(db, Q_TASK_UNIT_LINK);
            db_bind_int(st, 1, plan_id);
            db_bind_int(st, 2, t);
            db_bind_int(st, 3, unit);
            if ((rc = db_exec(st)) != 0) {
                return rc;
            }
        }
    }
    return 0;
}

/* link_task_units for a stored plan: its region read first. */
static int
relink_task_units(struct db *db, struct arena *a, int64_t plan_id,
                  const struct plan *p, int t)
{
    db_stmt *st = db_query_id(db, Q_PLAN_REGION_OF, plan_id);
    const char *region = NULL;
    int rc = db_one_row(st);

    if (rc == 0) {
        region = db_col_text_dup(a, st, 0);
    }
    db_done(st);
    return rc != 0 ? rc : link_task_units(db, a, region, plan_id, p, t);
}

/* ERR_STOPPED every STOP_CHECK_ROWS rows once the process is stopping. */
static int
stopping(int i)
{
    return i % STOP_CHECK_ROWS == 0 && stop_requested() ? ERR_STOPPED : 0;
}

static int
insert_declared(struct db *db, const struct plan *p, int64_t plan_id, int i)
{
    const struct plan_total *d = &p->declared[i];
    db_stmt *st = db_query(db, Q_PLAN_DECLARED_INSERT);

    db_bind_int(st, 1, plan_id);
    db_bind_int(st, 2, i);
    db_bind_text(st, 3, d->label ? d->label : "");
    bind_source(st, 4, p, d->source);
    db_bind_int(st, 5, d->grosze);
    db_bind_int(st, 6, d->row);
    return db_exec(st);
}

static int
insert_note(struct db *db, const struct plan *p, int64_t plan_id, int i)
{
    const struct plan_note *n = &p->notes[i];
    db_stmt *st = db_query(db, Q_PLAN_NOTE_INSERT);
    struct buf rows;
    int k, rc;

    buf_init(&rows);
    for (k = 0; k < n->nrows; k++) {
        buf_printf(&rows, "%s%d", k ? "," : "", n->rows[k]);
    }
    db_bind_int(st, 1, plan_id);
    db_bind_int(st, 2, i);
    bind_pos(st, 3, n->parent);
    db_bind_text(st, 4, n->label);
    db_bind_text(st, 5, n->text ? n->text : "");
    bind_source(st, 6, p, n->source);
    db_bind_text(st, 7, rows.data ? rows.data : "");
    db_bind_int(st, 8, n->amount.kind);
    db_bind_int(st, 9, n->amount.v);
    db_bind_int(st, 10, n->row);
    rc = db_exec(st);
    buf_free(&rows);
    return rc;
}

/* Footnote i, or text i - nfootnotes after them, at its kind's position. */
static int
insert_text(struct db *db, const struct plan *p, int64_t plan_id, int i)
{
    bool fn = i < p->nfootnotes;
    int k = fn ? i : i - p->nfootnotes;
    db_stmt *st = db_query(db, Q_PLAN_TEXT_INSERT);

    db_bind_int(st, 1, plan_id);
    db_bind_int(st, 2, k);
    db_bind_text(st, 3, fn ? "footnote" : "text");
    db_bind_text(st, 4, fn ? p->footnotes[k].mark : p->texts[k].heading);
    db_bind_text(st, 5, fn ? p->footnotes[k].text : p->texts[k].text);
    db_bind_int(st, 6, fn ? p->footnotes[k].row : p->texts[k].row);
    return db_exec(st);
}

/* A table of p's rows: how many, how one is inserted, whether a long run
** of them gives way to a stopping process. */
struct part {
    int n;
    int (*insert)(struct db *db, const struct plan *p, int64_t plan_id, int i);
    bool stops;
};

static int
save_parts(struct db *db, const struct plan *p, int64_t plan_id,
           const struct part *parts, size_t nparts)
{
    size_t t;
    int i, rc;

    for (t = 0; t < nparts; t++) {
        for (i = 0; i < parts[t].n; i++) {
            if ((parts[t].stops && (rc = stopping(i)) != 0) ||
                (rc = parts[t].insert(db, p, plan_id, i)) != 0) {
                return rc;
            }
        }
    }
    return 0;
}

/* Goals, actions, tasks, lines and indicators of p, at their positions. */
static int
save_structure(struct db *db, const struct plan *p, int64_t plan_id)
{
    const struct part parts[] = {
        {p->ngoals, insert_goal, false},
        {p->nactions, insert_action, false},
        {p->ntasks, insert_task, true},
        {p->nlines, insert_line, true},
        {p->nindicators, insert_indicator, true},
    };

    return save_parts(db, p, plan_id, parts, sizeof(parts) / sizeof(*parts));
}

static int
save_rows(struct db *db, const struct plan *p, int64_t plan_id)
{
    const struct part parts[] = {
        {p->ndeclared, insert_declared, false},
        {p->nnotes, insert_note, false},
        {p->nfootnotes + p->ntexts, insert_text, false},
    };
    db_stmt *st;
    int i, k, rc;

    if ((rc = save_structure(db, p, plan_id)) != 0 ||
        (rc = save_parts(db, p, plan_id, parts,
                         sizeof(parts) / sizeof(*parts))) != 0) {
        return rc;
    }
    for (i = 0, k = 0; i < p->nfindings; i++) {
        const struct plan_finding *f = &p->findings[i];

        if (f->from_check) {
            continue; /* recomputed on load */
        }
        st = db_query(db, Q_PLAN_FINDING_INSERT);
        db_bind_int(st, 1, plan_id);
        db_bind_int(st, 2, k++);
        db_bind_int(st, 3, f->severity);
        db_bind_int(st, 4, f->row);
        db_bind_text(st, 5, f->column);
        db_bind_text(st, 6, f->code ? f->code : "");
        db_bind_text(st, 7, f->message ? f->message : "");
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
    }
    return 0;
}

int
plan_store_save(struct db *db, struct arena *a, const char *region,
                const struct plan *p, const struct audit_entry *who,
                int64_t *id, const char **why)
{
    int64_t programme_id = 0;
    bool served;
    const char *ptitle;
    db_stmt *st;
    int rc, i;

    *why = NULL;
    if (plan_has_errors(p)) {
        *why = T_PLAN_ERR_UNREADABLE;
        return ERR_INPUT;
    }
    if ((rc = region_served(db, region, &served)) != 0) {
        return rc;
    }
    if (!served) {
        *why = arena_printf(a, T_PLAN_ERR_REGION_UNKNOWN, region);
        return ERR_INPUT;
    }
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    ptitle = p->programme_title ? p->programme_title : p->title;
    if (ptitle != NULL) {
        st = db_query(db, Q_PROGRAMME_UPSERT);
        db_bind_text(st, 1, region);
        db_bind_text(st, 2, ptitle);
        if (p->programme_from > 0) {
            db_bind_int(st, 3, p->programme_from);
            db_bind_int(st, 4, p->programme_to);
        } else {
            db_bind_null(st, 3);
            db_bind_null(st, 4);
        }
        if ((rc = db_one_int(st, &programme_id)) != 0) {
            goto fail;
        }
    }
    st = db_query(db, Q_PLAN_INSERT);
    bind_set(st, 1, programme_id);
    db_bind_text(st, 2, region);
    db_bind_text(st, 3, plan_kind_name(p->kind));
    db_bind_text(st, 4, p->title ? p->title : (p->name ? p->name : ""));
    bind_set(st, 5, p->year);
    db_bind_text(st, 6, p->resolution);
    db_bind_text(st, 7, p->period_from);
    db_bind_text(st, 8, p->period_to);
    db_bind_text(st, 9, p->name ? p->name : "");
    db_bind_text(st, 10, p->format ? p->format : "");
    db_bind_text(st, 11, p->encoding ? p->encoding : "utf-8");
    db_bind_int(st, 12, plan_value(p));
    if ((rc = db_one_int(st, id)) != 0) {
        goto fail;
    }
    if (p->content_hash != NULL) {
        st = db_query(db, Q_PLAN_HASH_SET);
        db_bind_int(st, 1, *id);
        db_bind_text(st, 2, p->content_hash);
        if ((rc = db_exec(st)) != 0) {
            goto fail;
        }
    }
    if ((rc = save_rows(db, p, *id)) != 0) {
        goto fail;
    }
    for (i = 0; i < p->ntasks; i++) {
        if ((rc = link_task_units(db, a, region, *id, p, i)) != 0) {
            goto fail;
        }
    }
    {
        struct audit_entry e = *who;
        struct buf after;
        struct json j;

        json_obj_open(&j, &after);
        json_kstr(&j, "title", p->title);
        json_kstr(&j, "region", region);
        json_kstr(&j, "file", p->name);
        json_kint(&j, "tasks", p->ntasks);
        json_kint(&j, "total_grosze", plan_value(p));
        e.action = who->action ? who->action : "plan.import";
        e.entity = "plan";
        e.entity_id = entity_id(a, *id);
        e.after = json_obj_dup(a, &j);
        rc = audit_add(db, &e);
    }
fail:
    return db_end(db, rc);
}

static struct plan_num
col_num(struct arena *a, db_stmt *st, int kind_col, int value_col, int text_col)
{
    struct plan_num n;

    n.kind = (enum plan_num_kind)db_col_int(st, kind_col);
    n.v = db_col_int(st, value_col);
    n.text =
        db_col_null(st, text_col) ? NULL : db_col_text_dup(a, st, text_col);
    return n;
}

static const char *
opt_text(struct arena *a, db_stmt *st, int col)
{
    return db_col_null(st, col) ? NULL : db_col_text_dup(a, st, col);
}

static int
opt_pos(db_stmt *st, int col)
{
    return db_col_null(st, col) ? -1 : (int)db_col_int(st, col);
}

/* Run body for each row of st; return the error if the step fails. */
#define EACH_ROW(st, body)                                                     \
    do {                                                                       \
        int rc_;                                                               \
        while ((rc_ = db_step(st)) == DB_ROW) {                                \
            body;                                                              \
        }                                                                      \
        db_done(st);                                                           \
        if (rc_ != DB_DONE) {                                                  \
            return rc_;                                                        \
        }                                                                      \
    } while (0)

/* Append one element to arr (n elements, in a) and yield its address. */
#define PUSH(a, arr, n)                                                        \
    ((arr) = plan_grow((a), (arr), (n), sizeof(*(arr))), &(arr)[(n)++])

/* What load_rows fills, one row at a time. */
struct load {
    struct arena *a;
    struct plan *p;
    int64_t *line_ids; /* the lines' row ids, to hang their amounts on */
    int li;            /* the line the next amount is looked for from */
};

static void
read_goal(struct load *l, db_stmt *st)
{
    struct plan_goal *g = PUSH(l->a, l->p->goals, l->p->ngoals);

    g->code = db_col_text_dup(l->a, st, 0);
    g->title = db_col_text_dup(l->a, st, 1);
    g->row = (int)db_col_int(st, 2);
}

static void
read_action(struct load *l, db_stmt *st)
{
    struct plan_action *ac = PUSH(l->a, l->p->actions, l->p->nactions);

    ac->goal = opt_pos(st, 0);
    ac->code = db_col_text_dup(l->a, st, 1);
    ac->title = db_col_text_dup(l->a, st, 2);
    ac->row = (int)db_col_int(st, 3);
}

static void
read_task(struct load *l, db_stmt *st)
{
    struct plan_task *t = PUSH(l->a, l->p->tasks, l->p->ntasks);

    t->number = db_col_text_dup(l->a, st, 0);
    t->action = opt_pos(st, 1);
    t->goal = opt_pos(st, 2);
    t->description = db_col_text_dup(l->a, st, 3);
    t->row = (int)db_col_int(st, 4);
    t->first_line = -1;
}

static void
read_line(struct load *l, db_stmt *st)
{
    struct plan *p = l->p;
    struct plan_line *ln;

    l->line_ids = plan_grow(l->a, l->line_ids, p->nlines, sizeof(*l->line_ids));
    l->line_ids[p->nlines] = db_col_int(st, 0);
    ln = PUSH(l->a, p->lines, p->nlines);
    ln->task = (int)db_col_int(st, 1);
    ln->row = (int)db_col_int(st, 2);
    if (!db_col_null(st, 3)) {
        /* Stored terms were readable once; read them the same way. */
        plan_term_parse(l->a, db_col_text(st, 3), &ln->term);
    }
    ln->implementers = opt_text(l->a, st, 4);
    ln->implementers_as_above = db_col_int(st, 5) != 0;
    ln->total = col_num(l->a, st, 6, 7, 8);
}

/* Amounts come in the lines' order: the search goes on from the last. */
static void
read_amount(struct load *l, db_stmt *st)
{
    int64_t lid = db_col_int(st, 0);
    struct plan_line *ln;
    struct plan_amount *am;

    while (l->li < l->p->nlines && l->line_ids[l->li] != lid) {
        l->li++;
    }
    if (l->li < l->p->nlines) {
        ln = &l->p->lines[l->li];
        am = PUSH(l->a, ln->amounts, ln->namounts);
        am->source = plan_source_find(l->p, db_col_text(st, 1));
        am->amount = col_num(l->a, st, 2, 3, 4);
    }
}

static void
read_indicator(struct load *l, db_stmt *st)
{
    struct plan_indicator *in = PUSH(l->a, l->p->indicators, l->p->nindicators);

    in->task = opt_pos(st, 0);
    in->parent = opt_pos(st, 1);
    in->row = (int)db_col_int(st, 2);
    in->name = db_col_text_dup(l->a, st, 3);
    in->unit = opt_text(l->a, st, 4);
    in->target_year = col_num(l->a, st, 5, 6, 7);
    in->target_multi = col_num(l->a, st, 8, 9, 10);
    in->results_text = opt_text(l->a, st, 11);
    in->footnote = opt_text(l->a, st, 12);
}

/* The source named in column col, -1 when NULL. */
static int
col_source(const struct plan *p, db_stmt *st, int col)
{
    return db_col_null(st, col) ? -1
                                : plan_source_find(p, db_col_text(st, col));
}

static void
read_declared(struct load *l, db_stmt *st)
{
    struct plan_total *d = PUSH(l->a, l->p->declared, l->p->ndeclared);

    d->label = db_col_text_dup(l->a, st, 0);
    d->source = col_source(l->p, st, 1);
    d->grosze = db_col_int(st, 2);
    d->row = (int)db_col_int(st, 3);
}

static void
read_note(struct load *l, db_stmt *st)
{
    struct plan_note *n = PUSH(l->a, l->p->notes, l->p->nnotes);
    const char *r;

    n->parent = opt_pos(st, 0);
    n->label = opt_text(l->a, st, 1);
    n->text = db_col_text_dup(l->a, st, 2);
    n->source = col_source(l->p, st, 3);
    for (r = db_col_text(st, 4); *r != '\0';) {
        size_t len = strcspn(r, ",");

        *PUSH(l->a, n->rows, n->nrows) = atoi(r);
        r += len + (r[len] == ',' ? 1 : 0);
    }
    n->amount.kind = (enum plan_num_kind)db_col_int(st, 5);
    n->amount.v = db_col_int(st, 6);
    n->row = (int)db_col_int(st, 7);
}

/* A footnote or a text, as the kind in column 0 says. */
static void
read_text(struct load *l, db_stmt *st)
{
    struct plan *p = l->p;

    if (strcmp(db_col_text(st, 0), "footnote") == 0) {
        struct plan_footnote *f = PUSH(l->a, p->footnotes, p->nfootnotes);

        f->mark = opt_text(l->a, st, 1);
        f->text = db_col_text_dup(l->a, st, 2);
        f->row = (int)db_col_int(st, 3);
    } else {
        struct plan_text *t = PUSH(l->a, p->texts, p->ntexts);

        t->heading = opt_text(l->a, st, 1);
        t->text = db_col_text_dup(l->a, st, 2);
        t->row = (int)db_col_int(st, 3);
    }
}

static void
read_finding(struct load *l, db_stmt *st)
{
    struct plan_finding *f = PUSH(l->a, l->p->findings, l->p->nfindings);

    f->severity = (enum plan_severity)db_col_int(st, 0);
    f->row = (int)db_col_int(st, 1);
    f->column = opt_text(l->a, st, 2);
    f->code = db_col_text_dup(l->a, st, 3);
    f->message = db_col_text_dup(l->a, st, 4);
}

/* The plan's rows, table by table, in the order later ones rely on. */
static int
load_rows(struct db *db, struct arena *a, int64_t id, struct plan *p)
{
    static const struct {
        enum query_id q;
        void (*read)(struct load *l, db_stmt *st);
    } tables[] = {
        {Q_PLAN_GOALS, read_goal},           {Q_PLAN_ACTIONS, read_action},
        {Q_PLAN_TASKS, read_task},           {Q_PLAN_LINES, read_line},
        {Q_PLAN_AMOUNTS, read_amount}, /* after the lines */
        {Q_PLAN_INDICATORS, read_indicator}, {Q_PLAN_DECLARED, read_declared},
        {Q_PLAN_NOTES, read_note},           {Q_PLAN_TEXTS, read_text},
        {Q_PLAN_FINDINGS, read_finding},
    };
    struct load l = {a, p, NULL, 0};
    size_t t;

    for (t = 0; t < sizeof(tables) / sizeof(tables[0]); t++) {
        db_stmt *st = db_query(db, tables[t].q);

        db_bind_int(st, 1, id);
        EACH_ROW(st, tables[t].read(&l, st));
    }
    return 0;
}

/* Tasks know their lines by range; rebuild it from the lines' task. */
static void
link_lines(struct plan *p)
{
    int i;

    for (i = 0; i < p->nlines; i++) {
        struct plan_task *t;

        if (p->lines[i].task < 0 || p->lines[i].task >= p->ntasks) {
            continue;
        }
        t = &p->tasks[p->lines[i].task];
        if (t->nlines == 0) {
            t->first_line = i;
            t->term = p->lines[i].term;
            t->implementers = p->lines[i].implementers;
        }
        t->nlines++;
    }
}

int
plan_store_load(struct db *db, struct arena *a, int64_t id, struct plan **out,
                struct plan_meta *meta)
{
    db_stmt *st = db_query_id(db, Q_PLAN_GET, id);
    struct plan *p;
    int rc = db_one_row(st);

    if (rc != 0) {
        db_done(st);
        return rc;
    }
    p = plan_new(a, plan_kind_from_name(db_col_text(st, 2)));
    meta->id = db_col_int(st, 0);
    meta->region = db_col_text_dup(a, st, 1);
    p->title = db_col_text_dup(a, st, 3);
    p->year = (int)db_col_int(st, 4);
    p->resolution = opt_text(a, st, 5);
    p->period_from = opt_text(a, st, 6);
    p->period_to = opt_text(a, st, 7);
    p->name = db_col_text_dup(a, st, 8);
    p->format = db_col_text_dup(a, st, 9);
    p->encoding = db_col_text_dup(a, st, 10);
    meta->imported_at = db_col_text_dup(a, st, 11);
    p->programme_title = opt_text(a, st, 12);
    p->programme_from = (int)db_col_int(st, 13);
    p->programme_to = (int)db_col_int(st, 14);
    meta->region_name = db_col_text_dup(a, st, 15);
    meta->published = db_col_int(st, 16) != 0;
    p->region = meta->region_name;
    db_done(st);
    if ((rc = load_rows(db, a, id, p)) != 0) {
        return rc;
    }
    link_lines(p);
    plan_check(a, p);
    *out = p;
    return 0;
}

int
plan_store_visibility(struct db *db, struct arena *a, int64_t id,
                      bool *published, const char **region, int64_t *version)
{
    db_stmt *st = db_query_id(db, Q_PLAN_PUBLISHED, id);
    int rc = db_one_row(st);

    if (rc == 0) {
        *published = db_col_int(st, 0) != 0;
        *region = db_col_text_dup(a, st, 1);
        *version = db_col_int(st, 2);
    }
    db_done(st);
    return rc;
}

/* One flag of plan id (published, archived) to set: an audit_change. */
struct plan_flag {
    int64_t id;
    enum query_id q;
    bool on;
    char idtext[24];
};

static int
write_flag(struct db *db, void *ctx, struct audit_entry *e)
{
    struct plan_flag *f = ctx;
    db_stmt *st = db_query(db, f->q);

    db_bind_int(st, 1, f->id);
    db_bind_int(st, 2, f->on);
    snprintf(f->idtext, sizeof(f->idtext), "%ld", (long)f->id);
    e->entity_id = f->idtext;
    return db_exec(st);
}

/* Set one flag of plan id (published, archived) with its audit row. */
static int
set_flag(struct db *db, int64_t id, enum query_id q, bool on,
         const char *action, const struct audit_entry *who)
{
    struct plan_flag f = {id, q, on, ""};

    return audit_change(db, who, action, "plan", write_flag, &f);
}

int
plan_store_set_published(struct db *db, int64_t id, bool published,
                         const struct audit_entry *who)
{
    return set_flag(db, id, Q_PLAN_SET_PUBLISHED, published,
                    published ? "plan.publish" : "plan.unpublish", who);
}

int
plan_store_list(struct db *db, struct arena *a, bool all_unpublished,
                const char *region, struct plan_summary **out)
{
    return plan_store_list_archived(db, a, all_unpublished, region, false, out);
}

static void
summary_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct plan_summary *s = elem;

    s->id = db_col_int(st, 0);
    s->region = db_col_text_dup(a, st, 1);
    s->region_name = db_col_text_dup(a, st, 2);
    s->kind = db_col_text_dup(a, st, 3);
    s->title = db_col_text_dup(a, st, 4);
    s->year = (int)db_col_int(st, 5);
    s->programme_title = opt_text(a, st, 6);
    s->programme_from = (int)db_col_int(st, 7);
    s->programme_to = (int)db_col_int(st, 8);
    s->imported_at = db_col_text_dup(a, st, 9);
    s->ntasks = db_col_int(st, 10);
    s->total_grosze = db_col_int(st, 11);
    s->published = db_col_int(st, 12) != 0;
    s->archived = db_col_int(st, 13) != 0;
}

int
plan_store_list_archived(struct db *db, struct arena *a, bool all_unpublished,
                         const char *region, bool archived,
                         struct plan_summary **out)
{
    db_stmt *st = db_query(db, Q_PLAN_LIST);

    db_bind_int(st, 1, all_unpublished);
    db_bind_text(st, 2, region);
    db_bind_int(st, 3, archived);
    return db_list(st, a, sizeof(**out), summary_cols, out);
}

static void
num_json(struct json *j, const char *key, const struct plan_num *n,
         bool as_written)
{
    json_key(j, key);
    if (n->kind == PLAN_NUM_VALUE) {
        json_int(j, n->v);
    } else if (as_written) {
        json_str(j, n->text);
    } else {
        json_str(j, n->kind == PLAN_NUM_NONE          ? "-"
                    : n->kind == PLAN_NUM_NOT_PLANNED ? "x"
                    : n->kind == PLAN_NUM_ONGOING     ? V_PLAN_ONGOING
                                                      : NULL);
    }
}

void
plan_line_json(struct json *j, const struct plan *p, const struct plan_line *ln,
               bool as_written)
{
    int k;

    json_kstr(j, "term", ln->term.text);
    json_kstr(j, "implementers", ln->implementers);
    num_json(j, "total_grosze", &ln->total, as_written);
    for (k = 0; k < ln->namounts; k++) {
        if (ln->amounts[k].source >= 0) {
            num_json(j, p->sources[ln->amounts[k].source].code,
                     &ln->amounts[k].amount, as_written);
        }
    }
}

void
plan_indicator_json(struct json *j, const struct plan_indicator *in,
                    bool as_written)
{
    json_kstr(j, "name", in->name);
    json_kstr(j, "unit", in->unit);
    num_json(j, "year", &in->target_year, as_written);
    num_json(j, "multi", &in->target_multi, as_written);
}

const char *
plan_task_json(struct arena *a, const struct plan *p, int t)
{
    const struct plan_task *task = &p->tasks[t];
    struct buf b;
    struct json j;
    int l, i;

    json_obj_open(&j, &b);
    json_kstr(&j, "number", task->number);
    json_kstr(&j, "description", task->description);
    json_key(&j, "lines");
    json_arr_begin(&j);
    for (l = task->first_line; l >= 0 && l < task->first_line + task->nlines;
         l++) {
        json_obj_begin(&j);
        plan_line_json(&j, p, &p->lines[l], false);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_key(&j, "indicators");
    json_arr_begin(&j);
    for (i = 0; i < p->nindicators; i++) {
        if (p->indicators[i].task != t) {
            continue;
        }
        json_obj_begin(&j);
        plan_indicator_json(&j, &p->indicators[i], false);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    return json_obj_dup(a, &j);
}

/* A change of task t of plan id (an audit_change): write makes it. */
struct task_change {
    struct arena *a;
    int64_t id;
    const struct plan *p;
    int t;
    const char *before;
    int (*write)(struct db *db, const struct task_change *c);
};

/*
** The change, then the end of every task change, inside its transaction:
** the task's units linked again, the plan's new total (which also bumps
** its version) and what the one audit row says.
*/
static int
change_task(struct db *db, void *ctx, struct audit_entry *e)
{
    const struct task_change *c = ctx;
    db_stmt *st;
    int rc;

    if ((rc = c->write(db, c)) != 0 ||
        (rc = relink_task_units(db, c->a, c->id, c->p, c->t)) != 0) {
        return rc;
    }
    st = db_query(db, Q_PLAN_TOTAL_UPDATE);
    db_bind_int(st, 1, c->id);
    db_bind_int(st, 2, plan_value(c->p));
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    e->entity_id = arena_printf(c->a, "%ld/%d", (long)c->id, c->t);
    e->before = c->before;
    e->after = plan_task_json(c->a, c->p, c->t);
    return 0;
}

static int
write_task_update(struct db *db, const struct task_change *c)
{
    const struct plan *p = c->p;
    const struct plan_task *task = &p->tasks[c->t];
    int64_t id = c->id;
    int t = c->t;
    db_stmt *st;
    int rc, l, k, i;

    st = db_query(db, Q_PLAN_TASK_UPDATE);
    db_bind_int(st, 1, id);
    db_bind_int(st, 2, t);
    db_bind_text(st, 3, task->number ? task->number : "");
    db_bind_text(st, 4, task->description ? task->description : "");
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    for (l = task->first_line; l >= 0 && l < task->first_line + task->nlines;
         l++) {
        const struct plan_line *ln = &p->lines[l];
        int64_t line_id = 0;

        st = db_query(db, Q_PLAN_LINE_UPDATE);
        db_bind_int(st, 1, id);
        db_bind_int(st, 2, l);
        db_bind_text(st, 3, ln->term.text);
        db_bind_text(st, 4, ln->implementers);
        bind_num(st, 5, &ln->total);
        if ((rc = db_one_int(st, &line_id)) != 0) {
            return rc;
        }
        for (k = 0; k < ln->namounts; k++) {
            st = db_query(db, Q_PLAN_AMOUNT_UPSERT);
            db_bind_int(st, 1, line_id);
            bind_source(st, 2, p, ln->amounts[k].source);
            bind_num(st, 3, &ln->amounts[k].amount);
            if ((rc = db_exec(st)) != 0) {
                return rc;
            }
        }
    }
    for (i = 0; i < p->nindicators; i++) {
        const struct plan_indicator *in = &p->indicators[i];

        if (in->task != t) {
            continue;
        }
        st = db_query(db, Q_PLAN_INDICATOR_UPDATE);
        db_bind_int(st, 1, id);
        db_bind_int(st, 2, i);
        db_bind_text(st, 3, in->name ? in->name : "");
        db_bind_text(st, 4, in->unit);
        bind_num(st, 5, &in->target_year);
        bind_num(st, 8, &in->target_multi);
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
    }
    return 0;
}

int
plan_store_update_task(struct db *db, struct arena *a, int64_t id,
                       const struct plan *p, int t,
                       const struct audit_entry *who, const char *before,
                       const char **why)
{
    struct task_change c = {a, id, p, t, before, write_task_update};

    *why = NULL;
    if (plan_has_errors(p)) {
        *why = "Formularz zawiera nieczytelne liczby; popraw je.";
        return ERR_INPUT;
    }
    return audit_change(db, who, "plan.task.update", "plan_task", change_task,
                        &c);
}

static int
write_task_insert(struct db *db, const struct task_change *c)
{
    const struct plan *p = c->p;
    const struct plan_task *task = &p->tasks[c->t];
    int64_t id = c->id;
    int t = c->t;
    int rc, l, i;

    if ((rc = insert_task(db, p, id, t)) != 0) {
        return rc;
    }
    for (l = task->first_line; l >= 0 && l < task->first_line + task->nlines;
         l++) {
        if ((rc = insert_line(db, p, id, l)) != 0) {
            return rc;
        }
    }
    for (i = 0; i < p->nindicators; i++) {
        if (p->indicators[i].task == t &&
            (rc = insert_indicator(db, p, id, i)) != 0) {
            return rc;
        }
    }
    return 0;
}

int
plan_store_add_task(struct db *db, struct arena *a, int64_t id,
                    const struct plan *p, int t, const struct audit_entry *who,
                    const char **why)
{
    struct task_change c = {a, id, p, t, NULL, write_task_insert};
    int rc;

    *why = NULL;
    if (plan_has_errors(p)) {
        *why = "Formularz zawiera nieczytelne liczby; popraw je.";
        return ERR_INPUT;
    }
    rc = audit_change(db, who, "plan.task.add", "plan_task", change_task, &c);
    if (rc == ERR_CONFLICT) {
        *why = T_PLAN_ERR_CHANGED;
        rc = ERR_INPUT;
    }
    return rc;
}

const char *
plan_meta_json(struct arena *a, const struct plan *p)
{
    struct buf b;
    struct json j;
    int g;

    json_obj_open(&j, &b);
    json_kstr(&j, "title", p->title);
    json_kint(&j, "year", p->year);
    json_kstr(&j, "programme", p->programme_title);
    json_kint(&j, "programme_from", p->programme_from);
    json_kint(&j, "programme_to", p->programme_to);
    json_key(&j, "goals");
    json_arr_begin(&j);
    for (g = 0; g < p->ngoals; g++) {
        json_obj_begin(&j);
        json_kstr(&j, "code", p->goals[g].code);
        json_kstr(&j, "title", p->goals[g].title);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    return json_obj_dup(a, &j);
}

/* What the plan form changed (an audit_change). */
struct meta_update {
    struct arena *a;
    int64_t id;
    const char *region;
    const struct plan *p;
    int ngoals_before;
    const char *before;
};

static int
write_meta(struct db *db, void *ctx, struct audit_entry *e)
{
    const struct meta_update *m = ctx;
    const struct plan *p = m->p;
    int64_t programme_id = 0;
    db_stmt *st;
    int rc, g;

    st = db_query(db, Q_PROGRAMME_UPSERT);
    db_bind_text(st, 1, m->region);
    db_bind_text(st, 2, p->programme_title);
    db_bind_int(st, 3, p->programme_from);
    db_bind_int(st, 4, p->programme_to);
    if ((rc = db_one_int(st, &programme_id)) != 0) {
        return rc;
    }
    st = db_query(db, Q_PLAN_META_UPDATE);
    db_bind_int(st, 1, m->id);
    db_bind_text(st, 2, p->title);
    bind_set(st, 3, p->year);
    db_bind_int(st, 4, programme_id);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    for (g = 0; g < p->ngoals; g++) {
        st = db_query(db, g < m->ngoals_before ? Q_PLAN_GOAL_UPDATE
                                               : Q_PLAN_GOAL_INSERT);
        db_bind_int(st, 1, m->id);
        db_bind_int(st, 2, g);
        db_bind_text(st, 3, p->goals[g].code);
        db_bind_text(st, 4, p->goals[g].title);
        if (g >= m->ngoals_before) {
            db_bind_int(st, 5, p->goals[g].row);
        }
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
    }
    e->entity_id = entity_id(m->a, m->id);
    e->before = m->before;
    e->after = plan_meta_json(m->a, p);
    return 0;
}

int
plan_store_update_meta(struct db *db, struct arena *a, int64_t id,
                       const char *region, const struct plan *p,
                       int ngoals_before, const struct audit_entry *who,
                       const char *before)
{
    struct meta_update m = {a, id, region, p, ngoals_before, before};

    return audit_change(db, who, "plan.update", "plan", write_meta, &m);
}

/* --- the structure edited in the browser (issue 12) ------------------- */

static int
count_of(struct db *db, int q, int64_t id, const char *kind, int pos,
         int64_t *n)
{
    db_stmt *st = db_query(db, q);

    db_bind_int(st, 1, id);
    if (kind != NULL) {
        db_bind_text(st, 2, kind);
        db_bind_int(st, 3, pos);
    } else {
        db_bind_int(st, 2, pos);
    }
    return db_one_int(st, n);
}

/*
** ERR_CONFLICT with *why when a removed item (map[i] < 0) has realisation
** entries (kind "line" or "indicator") or, for tasks (kind NULL),
** narratives.
*/
static int
refuse_lost(struct db *db, struct arena *a, int64_t id, const char *kind,
            const int *map, int n, const char **why)
{
    int i, rc;

    for (i = 0; i < n; i++) {
        int64_t c = 0;

        if (map[i] >= 0) {
            continue;
        }
        rc = kind != NULL
                 ? count_of(db, Q_PLAN_ITEM_REALISATION, id, kind, i, &c)
                 : count_of(db, Q_PLAN_TASK_NARRATIVES, id, NULL, i, &c);
        if (rc != 0) {
            return rc;
        }
        if (c > 0) {
            *why = arena_printf(a,
                                kind == NULL ? T_PLAN_REMOVE_TASK_REALISED
                                : strcmp(kind, "line") == 0
                                    ? T_PLAN_REMOVE_LINE_REALISED
                                    : T_PLAN_REMOVE_IND_REALISED,
                                i + 1, (long)c);
            return ERR_CONFLICT;
        }
    }
    return 0;
}

/* Move rows of one kind from old to new positions (two passes, see SQL). */
static int
move_rows(struct db *db, int64_t id, int q_move, int q_done, const char *kind,
          const int *map, int n)
{
    db_stmt *st;
    int i, rc, k = 1;

    for (i = 0; i < n; i++) {
        if (map[i] < 0 || map[i] == i) {
            continue;
        }
        st = db_query(db, q_move);
        db_bind_int(st, k = 1, id);
        if (kind != NULL) {
            db_bind_text(st, ++k, kind);
        }
        db_bind_int(st, ++k, i);
        db_bind_int(st, ++k, map[i]);
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
    }
    st = db_query_id(db, q_done, id);
    return db_exec(st);
}

static int
clear_structure(struct db *db, int64_t id)
{
    static const int qs[] = {Q_PLAN_INDICATORS_CLEAR, Q_PLAN_LINES_CLEAR,
                             Q_PLAN_TASKS_CLEAR, Q_PLAN_ACTIONS_CLEAR,
                             Q_PLAN_GOALS_CLEAR};
    size_t i;
    int rc;

    for (i = 0; i < sizeof(qs) / sizeof(qs[0]); i++) {
        db_stmt *st = db_query_id(db, qs[i], id);

        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
    }
    return 0;
}

int
plan_store_rewrite(struct db *db, struct arena *a, int64_t id,
                   const struct plan *p, const struct plan_remap *m,
                   const struct audit_entry *who, const char *before,
                   const char *after, const char **why)
{
    struct audit_entry e = *who;
    db_stmt *st;
    int rc, i;

    *why = NULL;
    if (plan_has_errors(p)) {
        *why = "Formularz zawiera nieczytelne liczby; popraw je.";
        return ERR_INPUT;
    }
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    st = db_query_id(db, Q_PLAN_PUBLISHED, id);
    rc = db_one_row(st);
    if (rc == 0 && db_col_int(st, 2) != m->version) {
        rc = ERR_CONFLICT;
        *why = T_PLAN_CHANGED;
    }
    db_done(st);
    if (rc != 0) {
        goto fail;
    }
    if ((rc = refuse_lost(db, a, id, "line", m->line, m->nlines, why)) != 0 ||
        (rc = refuse_lost(db, a, id, "indicator", m->indicator, m->nindicators,
                          why)) != 0 ||
        (rc = refuse_lost(db, a, id, NULL, m->task, m->ntasks, why)) != 0) {
        goto fail;
    }
    for (i = 0; i < m->nindicators; i++) {
        if (m->indicator[i] < 0) {
            /* a computed indicator's definition goes with its indicator */
            st = db_query(db, Q_PLAN_COMPUTED_DROP);
            db_bind_int(st, 1, id);
            db_bind_int(st, 2, i);
            if ((rc = db_exec(st)) != 0) {
                goto fail;
            }
        }
    }
    if ((rc = move_rows(db, id, Q_PLAN_REALISATION_MOVE,
                        Q_PLAN_REALISATION_MOVED, "line", m->line,
                        m->nlines)) != 0 ||
        (rc = move_rows(db, id, Q_PLAN_REALISATION_MOVE,
                        Q_PLAN_REALISATION_MOVED, "indicator", m->indicator,
                        m->nindicators)) != 0 ||
        (rc = move_rows(db, id, Q_PLAN_COMPUTED_MOVE, Q_PLAN_COMPUTED_MOVED,
                        NULL, m->indicator, m->nindicators)) != 0 ||
        (rc = move_rows(db, id, Q_PLAN_NARRATIVE_MOVE, Q_PLAN_NARRATIVE_MOVED,
                        NULL, m->task, m->ntasks)) != 0 ||
        (rc = clear_structure(db, id)) != 0 ||
        (rc = save_structure(db, p, id)) != 0) {
        goto fail;
    }
    for (i = 0; i < p->ntasks; i++) {
        if ((rc = relink_task_units(db, a, id, p, i)) != 0) {
            goto fail;
        }
    }
    st = db_query(db, Q_PLAN_TOTAL_UPDATE);
    db_bind_int(st, 1, id);
    db_bind_int(st, 2, plan_value(p));
    if ((rc = db_exec(st)) != 0) {
        goto fail;
    }
    e.entity = "plan";
    e.entity_id = entity_id(a, id);
    e.before = before;
    e.after = after;
    rc = audit_add(db, &e);
fail:
    return db_end(db, rc);
}

int
plan_store_facts(struct db *db, int64_t id, struct plan_facts *out)
{
    db_stmt *st = db_query_id(db, Q_PLAN_FACTS, id);
    int rc = db_one_row(st);

    if (rc == 0) {
        out->published = db_col_int(st, 0) != 0;
        out->archived = db_col_int(st, 1) != 0;
        out->realisation = db_col_int(st, 2);
    }
    db_done(st);
    return rc;
}

/* A plan to delete unless published or realised (an audit_change). */
struct plan_delete {
    struct arena *a;
    int64_t id;
    const char *before;
    const char **why;
};

static int
delete_plan(struct db *db, void *ctx, struct audit_entry *e)
{
    const struct plan_delete *d = ctx;
    struct plan_facts f;
    db_stmt *st;
    int rc;

    if ((rc = plan_store_facts(db, d->id, &f)) != 0) {
        return rc;
    }
    if (f.published || f.realisation > 0) {
        *d->why = f.realisation > 0 ? T_PLAN_DELETE_REALISED
                                    : T_PLAN_DELETE_PUBLISHED;
        return ERR_CONFLICT;
    }
    st = db_query_id(db, Q_PLAN_DELETE, d->id);
    e->entity_id = entity_id(d->a, d->id);
    e->before = d->before;
    return db_exec(st);
}

int
plan_store_delete(struct db *db, struct arena *a, int64_t id,
                  const struct audit_entry *who, const char *before,
                  const char **why)
{
    struct plan_delete d = {a, id, before, why};

    *why = NULL;
    return audit_change(db, who, "plan.delete", "plan", delete_plan, &d);
}

int
plan_store_set_archived(struct db *db, int64_t id, bool archived,
                        const struct audit_entry *who)
{
    return set_flag(db, id, Q_PLAN_SET_ARCHIVED, archived,
                    archived ? "plan.archive" : "plan.unarchive", who);
}

int
plan_store_same_content(struct db *db, const char *region, enum plan_kind kind,
                        const char *hash, int64_t *id)
{
    db_stmt *st = db_query(db, Q_PLAN_SAME_CONTENT);
    int rc;

    *id = 0;
    if (hash == NULL) {
        return 0;
    }
    db_bind_text(st, 1, region);
    db_bind_text(st, 2, plan_kind_name(kind));
    db_bind_text(st, 3, hash);
    rc = db_step(st);
    if (rc == DB_ROW) {
        *id = db_col_int(st, 0);
    }
    db_done(st);
    return rc == DB_ROW || rc == DB_DONE ? 0 : rc;
}

int
plan_store_upload_hold(struct db *db, int64_t account, const char *region,
                       const char *name, const void *data, size_t len,
                       int64_t now, bool keep, int64_t *id)
{
    db_stmt *st = db_query(db, Q_UPLOAD_SWEEP);
    int rc;

    *id = 0;
    db_bind_int(st, 1, now - 24 * 3600);
    if ((rc = db_exec(st)) != 0 || !keep) {
        return rc;
    }
    st = db_query(db, Q_UPLOAD_INSERT);
    db_bind_int(st, 1, account);
    db_bind_text(st, 2, region);
    db_bind_text(st, 3, name);
    db_bind_blob(st, 4, data, len);
    db_bind_int(st, 5, now);
    if ((rc = db_one_int(st, id)) != 0) {
        return rc;
    }
    return 0;
}

int
plan_store_upload_get(struct db *db, struct arena *a, int64_t id,
                      int64_t account, const char **region, const char **name,
                      const void **data, size_t *len)
{
    db_stmt *st = db_query(db, Q_UPLOAD_GET);
    const void *blob;
    int rc;

    db_bind_int(st, 1, id);
    db_bind_int(st, 2, account);
    if ((rc = db_one_row(st)) != 0) {
        db_done(st);
        return rc;
    }
    *region = db_col_text_dup(a, st, 0);
    *name = db_col_text_dup(a, st, 1);
    blob = db_col_blob(st, 2, len);
    *data = *len > 0 ? arena_strndup(a, blob, *len) : "";
    db_done(st);
    return 0;
}

int
plan_store_upload_drop(struct db *db, int64_t id, int64_t account)
{
    db_stmt *st = db_query(db, Q_UPLOAD_DELETE);

    db_bind_int(st, 1, id);
    db_bind_int(st, 2, account);
    return db_exec(st);
}

int
plan_store_upload_confirm(struct db *db, struct arena *a, int64_t upload,
                          int64_t account, const char *region,
                          const struct plan *p, bool duplicate,
                          const struct audit_entry *who, int64_t *id,
                          const char **why)
{
    int rc;

    *why = NULL;
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    if ((rc = plan_store_upload_drop(db, upload, account)) == 0 &&
        (rc = plan_store_same_content(db, region, p->kind, p->content_hash,
                                      id)) == 0) {
        rc = *id > 0 && !duplicate
                 ? ERR_CONFLICT
                 : plan_store_save(db, a, region, p, who, id, why);
    }
    return db_end(db, rc); /* a refused duplicate keeps its upload */
}

int
plan_store_is_yearly(struct db *db, int64_t id, bool *yearly)
{
    db_stmt *st = db_query_id(db, Q_PLAN_KIND, id);
    int rc = db_one_row(st);

    *yearly = rc == 0 && strcmp(db_col_text(st, 0), "yearly") == 0;
    db_done(st);
    return rc;
}

int
plan_store_tasks_of_account(struct db *db, struct arena *a, int64_t account,
                            int64_t **plans, int **tasks)
{
    db_stmt *st = db_query(db, Q_PLAN_TASKS_OF_ACCOUNT);
    int n = 0, rc;

    *plans = NULL;
    *tasks = NULL;
    db_bind_int(st, 1, account);
    while ((rc = db_step(st)) == DB_ROW) {
        *plans = plan_grow(a, *plans, n, sizeof(**plans));
        *tasks = plan_grow(a, *tasks, n, sizeof(**tasks));
        (*plans)[n] = db_col_int(st, 0);
        (*tasks)[n] = (int)db_col_int(st, 1);
        n++;
    }
    db_done(st);
    return rc == DB_DONE ? n : rc;
}

static void
task_unit_cols(struct arena *a, db_stmt *st, void *elem)
{
    *(struct plan_task_unit *)elem = (struct plan_task_unit){
        .unit = db_col_int(st, 0),
        .name = db_col_text_dup(a, st, 1),
        .task = (int)db_col_int(st, 2),
    };
}

int
plan_store_task_units(struct db *db, struct arena *a, int64_t id,
                      struct plan_task_unit **out)
{
    return db_list(db_query_id(db, Q_PLAN_TASK_UNITS, id), a, sizeof(**out),
                   task_unit_cols, out);
}

int
plan_store_programme_of(struct db *db, int64_t id, int64_t *programme,
                        int *from, int *to)
{
    db_stmt *st = db_query(db, Q_PLAN_PROGRAMME_OF);
    int rc;

    *programme = 0;
    *from = *to = 0;
    db_bind_int(st, 1, id);
    if ((rc = db_step(st)) == DB_ROW) {
        *programme = db_col_int(st, 0);
        *from = (int)db_col_int(st, 1);
        *to = (int)db_col_int(st, 2);
    }
    db_done(st);
    return rc == DB_ROW || rc == DB_DONE ? 0 : rc;
}

int
plan_store_yearly_first(struct db *db, const char *region, int year,
                        int64_t *id)
{
    db_stmt *st = db_query(db, Q_PLAN_YEARLY_FIRST);

    db_bind_text(st, 1, region);
    db_bind_int(st, 2, year);
    return db_one_int(st, id);
}

/* Run a count(*) of plan id's item pos (and account, when not 0). */
static int
item_count(struct db *db, enum query_id q, int64_t id, int pos, int64_t account,
           bool *some)
{
    db_stmt *st = db_query(db, q);
    int64_t n = 0;
    int rc;

    db_bind_int(st, 1, id);
    db_bind_int(st, 2, pos);
    if (account != 0) {
        db_bind_int(st, 3, account);
    }
    rc = db_one_int(st, &n);
    *some = rc == 0 && n > 0;
    return rc;
}

int
plan_store_task_of_account(struct db *db, int64_t id, int pos, int64_t account,
                           bool *mine)
{
    return item_count(db, Q_PLAN_TASK_OF_ACCOUNT, id, pos, account, mine);
}

int
plan_store_tasks_of_account_in(struct db *db, int64_t id, int64_t account,
                               int ntasks, bool *mine)
{
    db_stmt *st = db_query(db, Q_PLAN_TASKS_OF_ACCOUNT_IN);
    int rc;

    db_bind_int(st, 1, id);
    db_bind_int(st, 2, account);
    while ((rc = db_step(st)) == DB_ROW) {
        int64_t pos = db_col_int(st, 0);

        if (pos >= 0 && pos < ntasks) {
            mine[pos] = true;
        }
    }
    db_done(st);
    return rc == DB_DONE ? 0 : rc;
}

int
plan_store_has_indicator(struct db *db, int64_t id, int pos, bool *exists)
{
    return item_count(db, Q_PLAN_INDICATOR_EXISTS, id, pos, 0, exists);
}

static void
yearly_cols(struct arena *a, db_stmt *st, void *elem)
{
    *(struct plan_yearly *)elem = (struct plan_yearly){
        .id = db_col_int(st, 0),
        .region_name = db_col_text_dup(a, st, 1),
        .year = (int)db_col_int(st, 2),
        .programme_title = db_col_text_dup(a, st, 3),
    };
}

int
plan_store_yearly_list(struct db *db, struct arena *a, bool unpublished,
                       const char *region, struct plan_yearly **out)
{
    db_stmt *st = db_query(db, Q_PLAN_YEARLY_LIST);

    db_bind_int(st, 1, unpublished ? 1 : 0);
    db_bind_text(st, 2, region);
    return db_list(st, a, sizeof(**out), yearly_cols, out);
}
