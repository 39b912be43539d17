/*
** Monitoring (issue 7): the realisation of a yearly plan's indicators and
** budget lines per period with its history and approval, the registers
** that feed indicators (events, grant competitions, adoption centres,
** publications), computed indicators declared as data, and the annual
** implementation report built from all of them. No HTML and no request
** state here: pages (monitoring_pages.c, register_pages.c), the report
** writers (report_*.c) and the CLI call these functions.
**
** Who may enter what: CAP_REALISATION_ENTER lets an account enter values
** in its region; an implementer only for the tasks one of its units
** implements, by id: account_org_unit links the account to implementer
** units (org_unit) and task_unit links a task to the units its
** implementers text names, each part between '/', ';' or a line break
** matched by exact folded equality (users/units.h), never as a substring
** of a longer name. A task without implementers matches nobody.
*/
#ifndef MONITORING_MONITORING_H
#define MONITORING_MONITORING_H

#include <stdbool.h>
#include <stdint.h>

#include "auth/auth.h"
#include "db/db.h"
#include "plan/plan.h"
#include "plan/plan_store.h"

struct arena;
struct buf;
struct db;
struct json;

/* Who acts: the account (0 for the CLI and the demo: no unit check). */
struct mon_actor {
    int64_t account;
    enum role role;
    const char *region;     /* NULL: every region */
    struct audit_entry who; /* account login, via, addr */
};

/* ---- realisation_store.c ---- */

/* The item "line" of a project card's spending as a whole. */
#define MON_PROJECT_SPENDING (-1)

/* A value to enter for one item of a plan in one period. */
struct mon_input {
    int64_t plan_id;
    const char *kind;   /* "indicator" or "line" */
    int pos;            /* indicator or line position in the plan */
    const char *source; /* funding source code of a line; "" otherwise */
    const char *period; /* "YYYY" or "YYYY-Qn" in the plan's year */
    int64_t value;      /* units, or grosze for a line */
    const char *note;   /* may be NULL */
    /* Why a value far off the plan is right (see mon_entry_save); NULL
     * when none was given. */
    const char *reason;
};

/* One stored realisation value (the current state of an item/period). */
/*
** An item's realisation in one period. value, note and status are the
** latest entry: pending while status is "entered", then "approved" or
** "returned". The official figure is approved, kept (has_approved) until
** a newer entry is approved: a later entry or a return never removes it.
*/
struct mon_entry {
    int64_t id, plan_id;
    const char *kind, *source, *period, *note, *status, *comment;
    const char *entered_by, *entered_at, *decided_by, *decided_at;
    int pos;
    int64_t value;
    bool has_approved;
    int64_t approved;
    const char *flag, *flag_reason; /* far off the plan, and why; or NULL */
};

/* One event of an entry's history. */
struct mon_event {
    const char *event, *note, *status, *comment, *account, *at;
    int64_t value;
};

/*
** Enter (or change) a value: validates the item, the period against the
** plan's year (a year and its quarters are not mixed for one item), the
** value (>= 0), the region and, for an implementer, its units. The entry
** goes back to "entered" (pending) and its approved value, if any, stays
** the official one until this entry is approved; a history row and one
** audit row
** ("realisation.enter", before/after) are written in one transaction.
** Returns 0 with *id, ERR_INPUT with *why (Polish), ERR_DENIED with *why,
** ERR_NOTFOUND for an unknown plan, or ERR_DB.
*/
/*
** (continued) A value far off the plan — above its budget line, over ten
** times the target, a breakdown above its parent's value of the period —
** is refused with ERR_CONFLICT (why names it, field "value") unless
** in->reason says why it is right; then the flag and the reason are kept
** with the entry for the approver.
*/
struct mon_problem {
    const char *message; /* Polish */
    const char *field;   /* "item", "period", "value", "note", or NULL */
};
int mon_entry_save(struct db *db, struct arena *a, const struct mon_actor *act,
                   const struct mon_input *in, int64_t *id,
                   struct mon_problem *why);

/*
** Approve (approve true) or return an entered value with a comment
** (required on return). Only entries in status "entered" can be decided.
** One history row and one audit row ("realisation.approve" or
** "realisation.return"). 0, ERR_INPUT/ERR_DENIED with *why, ERR_NOTFOUND,
** ERR_DB.
*/
int mon_entry_decide(struct db *db, struct arena *a,
                     const struct mon_actor *act, int64_t id, bool approve,
                     const char *comment, const char **why);

/* Load entry id: 0, ERR_NOTFOUND or ERR_DB. */
int mon_entry_get(struct db *db, struct arena *a, int64_t id,
                  struct mon_entry *out);

/* Every entry of a plan, item order: count or <0. */
int mon_entries_of_plan(struct db *db, struct arena *a, int64_t plan_id,
                        struct mon_entry **out);

/* The entries of plan_id's items of kind ("indicator" or "line") at
 * positions lo..hi, by position, source and period: count or <0. */
int mon_entries_of_items(struct db *db, struct arena *a, int64_t plan_id,
                         const char *kind, int lo, int hi,
                         struct mon_entry **out);

/* The version of plan_id's realisation (entries, bindings, narratives),
 * changed by every write to them (migration 0038): 0 or ERR_DB. */
int mon_state(struct db *db, int64_t plan_id, int64_t *v);

/* Entries waiting for approval in region (NULL: all): count or <0. */
int mon_entries_pending(struct db *db, struct arena *a, const char *region,
                        struct mon_entry **out);

/* One of a plan's latest changes: the entry (kind, pos, source, period,
 * value) and the change's status, account and time. */
struct mon_change {
    struct mon_entry e;
    const char *status, *account, *at;
};
/* The limit latest changes of plan_id's values, newest first: count or <0. */
int mon_latest_changes(struct db *db, struct arena *a, int64_t plan_id,
                       int limit, struct mon_change **out);

/*
** Realisation summed per item (kind, pos, source), and per year too when
** by_year: approved values only (sum, napproved), what the pending entries
** would make of it (would, pending), and every entry (count; 0 by year).
*/
struct mon_sum {
    const char *kind, *source; /* source "" by year */
    int pos, year;             /* year 0 unless by_year */
    int64_t sum, napproved, would, pending, count;
};
int mon_sums(struct db *db, struct arena *a, int64_t plan_id, bool by_year,
             struct mon_sum **out);
/* How many of plan_id's entries carry note (NULL: every entry), in *n:
 * 0 or ERR_DB. */
int mon_entries_count(struct db *db, int64_t plan_id, const char *note,
                      int64_t *n);
/* An indicator's approved sum in a programme's earlier yearly plan. */
struct mon_earlier_sum {
    const char *task_number, *name;
    int64_t sum;
};
/* The approved sums of the indicators of programme's yearly plans before
 * year, plan_id left out: count or < 0. */
int mon_earlier_sums(struct db *db, struct arena *a, int64_t programme,
                     int year, int64_t plan_id, struct mon_earlier_sum **out);

/* The history of entry id, oldest first: count or <0. */
int mon_entry_history(struct db *db, struct arena *a, int64_t id,
                      struct mon_event **out);

/*
** Whether act may enter values for task t of plan p (id plan_id) stored
** in region: the region must match; an implementer needs one of its units
** linked to the task by id (see the file comment); other roles with the
** capability may enter every task of their region.
*/
bool mon_may_enter_task(struct db *db, struct arena *a,
                        const struct mon_actor *act, int64_t plan_id,
                        const char *region, const struct plan *p, int t);
/*
** The same for every task of p at once, one query: (*mine)[t] in a new
** arena array of p->ntasks. 0 or ERR_DB.
*/
int mon_tasks_mine(struct db *db, struct arena *a, const struct mon_actor *act,
                   int64_t plan_id, const char *region, const struct plan *p,
                   bool **mine);

/*
** The years a plan's realisation is entered for: a yearly plan's year, a
** programme's or project's years. false when the plan does not say.
*/
bool mon_plan_years(const struct plan *p, int *from, int *to);
/* A period within years from..to: "2021" or "2021-Q1".."2021-Q4". */
bool mon_period_valid(const char *period, int from, int to);
/*
** Bind the current UTC time as this module stores it to parameter n of
** st: "2026-12-03T13:05:09Z", with milliseconds ("...09.123Z") when ms. From
** C, so that every engine stores the same text.
*/
void mon_bind_now(db_stmt *st, int n, bool ms);

/* ---- metric_store.c ---- */

/* A metric a computed indicator can be bound to. */
struct mon_metric {
    const char *code;  /* "events", "participants", ... */
    const char *label; /* Polish */
    bool state;        /* a state at year end (not summed over years) */
    const char *const *filters; /* allowed filter values, NULL-ended */
    const char *const *filter_labels;
    bool filter_required;
};

extern const struct mon_metric mon_metrics[];
extern const int mon_metrics_count;

/* The metric with code, or NULL. */
const struct mon_metric *mon_metric_find(const char *code);
/* Polish label of a filter value of metric m ("" when none). */
const char *mon_metric_filter_label(const struct mon_metric *m,
                                    const char *filter);

/* A binding of an indicator to a metric. */
struct mon_binding {
    int pos;
    const char *metric, *filter, *task;
};

/*
** Evaluate metric (code) with filter ("" for none) and task ("" for any)
** in region over the years from..to (a state metric: at 31 December of
** to). 0 with *n, ERR_INPUT for an unknown metric or filter, ERR_DB.
*/
int mon_metric_eval(struct db *db, const char *region, const char *metric,
                    const char *filter, const char *task, int from, int to,
                    int64_t *n);

/* The bindings of plan_id: count or <0. */
int mon_bindings_of_plan(struct db *db, struct arena *a, int64_t plan_id,
                         struct mon_binding **out);

/*
** Bind indicator pos of plan_id to metric/filter/task, or unbind it when
** metric is "" — one audit row ("indicator.bind"/"indicator.unbind").
** 0, ERR_INPUT with *why, ERR_DB.
*/
int mon_binding_set(struct db *db, struct arena *a, const struct mon_actor *act,
                    int64_t plan_id, int pos, const char *metric,
                    const char *filter, const char *task, const char **why);

/* ---- register_store.c ---- */

enum mon_field_type {
    MF_TEXT,  /* required text */
    MF_OPT,   /* optional text */
    MF_INT,   /* count >= 0 */
    MF_MONEY, /* grosze, written "1 234,56" */
    MF_DATE,  /* YYYY-MM-DD */
    MF_YEAR,  /* 2000..2100 */
    MF_ENUM,  /* one of choices */
    MF_GMINA, /* TERYT gmina code (7 digits), optional */
};

struct mon_field {
    const char *name;  /* column and form field */
    const char *label; /* Polish */
    enum mon_field_type type;
    const char *const *choices; /* MF_ENUM: codes, NULL-ended */
    const char *const *choice_labels;
    bool in_list; /* shown in the list table */
};

#define MON_FIELDS_MAX 20

struct mon_register {
    const char *slug;  /* URL part: "szkolenia" */
    const char *table; /* entity name for audit: "reg_event" */
    const char *title; /* Polish */
    const struct mon_field *fields;
    int nfields;
    int q_list, q_get, q_insert, q_update, q_delete; /* enum query_id */
};

extern const struct mon_register mon_registers[];
extern const int mon_registers_count;

/* The register with slug, or NULL. */
const struct mon_register *mon_register_find(const char *slug);

/* One record: values as text, in the register's field order. */
struct mon_record {
    int64_t id;
    const char *region;
    const char *v[MON_FIELDS_MAX];
};

/* Append msg to the arena array *errs of *n messages. */
void mon_add_err(struct arena *a, const char ***errs, int *n, const char *msg);
/* A count 0..10^9 in *v; the empty text counts as 0. */
bool mon_count_ok(const char *s, int64_t *v);
/*
** Check values (text as typed, Polish money and dates) into a record
** with normalised text (money as grosze digits). Each problem appends a
** Polish message naming the field to *errs (arena); returns their count.
*/
int mon_record_check(struct db *db, struct arena *a,
                     const struct mon_register *reg, const char *const *in,
                     struct mon_record *out, const char ***errs);

/* Records of region (NULL: all) and year (0: all): count or <0. */
int mon_record_list(struct db *db, struct arena *a,
                    const struct mon_register *reg, const char *region,
                    int year, struct mon_record **out);
int mon_record_get(struct db *db, struct arena *a,
                   const struct mon_register *reg, int64_t id,
                   struct mon_record *out);
/*
** Insert (rec->id == 0) or update a checked record with its audit row
** ("register.insert"/"register.update", before/after JSON). The caller
** holds the transaction when several records go in together. 0 or <0.
*/
int mon_record_save(struct db *db, struct arena *a,
                    const struct mon_register *reg, const struct mon_actor *act,
                    struct mon_record *rec);
int mon_record_delete(struct db *db, struct arena *a,
                      const struct mon_register *reg,
                      const struct mon_actor *act, int64_t id);

/* Write records as CSV (UTF-8 BOM, ';', CRLF, a header of labels). */
void mon_register_csv(struct arena *a, const struct mon_register *reg,
                      const struct mon_record *recs, int n, struct buf *out);
/*
** Import CSV data (the export's layout; header names or labels) into
** region, all or nothing: every row is checked first; any problem (Polish,
** "wiersz N, kolumna X: ...") stops the import with nothing written.
** Returns the number of records written, or ERR_INPUT with *errs and *nerrs.
*/
int mon_register_import(struct db *db, struct arena *a,
                        const struct mon_register *reg,
                        const struct mon_actor *act, const char *region,
                        const char *data, size_t len, const char ***errs,
                        int *nerrs);

/* Polish label of an enum value of field f, or the value itself. */
const char *mon_field_choice_label(const struct mon_field *f, const char *v);

/* How many records each of the first four registers holds in region
 * (NULL: every region), in register order: 0 or ERR_DB. */
int mon_register_counts(struct db *db, const char *region, int64_t counts[4]);

/* ---- grant_store.c ---- */

/*
** A grant awarded in an open competition (reg_grant) to one organisation,
** and its grantee's report. The award refers to its organisation by id
** (org_unit of kind organisation in the grant's region; the text typed is
** matched by exact folded equality, a new organisation when none has the
** name). A grantee account owns the awards of the organisations it
** belongs to by id (account_org_unit), in its region.
** The computed measures "initiatives" and "beneficiaries" of a
** competition are the sum of its awards' reports once any award of it is
** reported, and the figures entered in the register before that.
*/
struct mon_award {
    int64_t id, grant_id;
    const char *region, *call, *area, *organisation, *project;
    int64_t organisation_id; /* org_unit; 0: none (owned by nobody) */
    int year;
    int64_t amount; /* grosze */
    bool reported;
    int64_t initiatives, beneficiaries;           /* 0 until reported */
    const char *note, *reported_by, *reported_at; /* NULL until reported */
};

/* Award id: 0, ERR_NOTFOUND or ERR_DB. */
int mon_award_get(struct db *db, struct arena *a, int64_t id,
                  struct mon_award *out);

/* The awards of competition grant_id, by organisation: count or <0. */
int mon_awards_of_grant(struct db *db, struct arena *a, int64_t grant_id,
                        struct mon_award **out);

/* Whether act (a grantee) owns award w by id (see above); true for
   account 0 (the CLI and the demo), false for every other role. */
bool mon_award_is_own(struct db *db, struct arena *a,
                      const struct mon_actor *act, const struct mon_award *w);

/* The awards act owns, newest competition first: count or <0. */
int mon_awards_of_actor(struct db *db, struct arena *a,
                        const struct mon_actor *act, struct mon_award **out);

/*
** Add an award to competition grant_id (in act's region): organisation
** required (linked by id to the organisation of the grant's region with
** exactly that folded name, created when none has it), amount as typed
** ("12 500,00", may be empty). Each problem
** appends a Polish message naming the field to *errs. One audit row
** ("grant.award"). 0 with *id, ERR_INPUT with *errs and *nerrs, ERR_NOTFOUND
** (no such competition in act's region), ERR_DB.
*/
int mon_award_add(struct db *db, struct arena *a, const struct mon_actor *act,
                  int64_t grant_id, const char *organisation,
                  const char *project, const char *amount, int64_t *id,
                  const char ***errs, int *nerrs);

/* Delete award id of act's region; one audit row ("grant.award_delete").
   0, ERR_NOTFOUND, ERR_DB. */
int mon_award_delete(struct db *db, struct arena *a,
                     const struct mon_actor *act, int64_t id);

/*
** A grantee's report of award id: initiatives and final beneficiaries
** (required counts >= 0) and a note, all or nothing — every problem
** appends a Polish message naming the field to *errs. Only the award's
** own grantee may report (ERR_NOTFOUND otherwise, so that other
** organisations' grants stay invisible). One audit row ("grant.report",
** before/after). 0, ERR_INPUT, ERR_NOTFOUND, ERR_DB.
*/
int mon_award_report(struct db *db, struct arena *a,
                     const struct mon_actor *act, int64_t id,
                     const char *initiatives, const char *beneficiaries,
                     const char *note, const char ***errs, int *nerrs);

/* ---- report.c ---- */

/* A task's narrative of one period (period_store.c). */
struct mon_narrative {
    int task;
    const char *period, *text, *entered_by, *entered_at;
};

/* The realisation of one indicator in the report. */
struct mon_rind {
    int ind;         /* index into plan->indicators */
    bool has_target; /* target_year is a value */
    int64_t target;
    bool has_data;          /* an approved entry or a computed value */
    int64_t real;           /* sum of the year's approved values, or computed */
    int64_t pending;        /* real if every pending entry were approved */
    int nentries, npending; /* entries approved or pending; pending */
    bool computed;
    const char *metric; /* computed: the metric's label, filter */
    bool has_multi;
    int64_t multi_target, multi_real; /* programme years up to this one */
    int pct10; /* realisation / target in tenths of %, -1 none */
    int multi_pct10;
    bool at_risk;
};

struct mon_rtask {
    int64_t planned, spent; /* grosze; spent: approved values only */
    int64_t spent_pending;  /* spent if every pending entry were approved */
    int npending;
    bool has_data;
    bool late; /* term over, and no data or an indicator short */
};

struct mon_report {
    const struct plan *p;
    struct plan_meta meta;
    int year, elapsed, span; /* programme years elapsed / in total */
    struct mon_rind *ind;    /* one per plan indicator, same order */
    struct mon_rtask *task;  /* one per task */
    int *goal_pct10;         /* per goal: mean of capped indicator %, -1 */
    int64_t planned_by[PLAN_SOURCES_MAX], spent_by[PLAN_SOURCES_MAX];
    int64_t planned_total, spent_total; /* spent: approved values only */
    /* The same if every pending entry were approved, and how many are. */
    int64_t pending_by[PLAN_SOURCES_MAX], pending_total;
    int npending_by[PLAN_SOURCES_MAX], npending_lines;
    int64_t *line_spent; /* per line x source: [line * nsources + s] */
    int64_t entries, entries_pending;
    int64_t indicator_sum; /* sum of approved indicator values (not computed) */
    int nat_risk, nno_data;
    int64_t demo_entries; /* entries whose note marks them as demo data */
    struct mon_narrative *narratives; /* by task and period */
    int nnarratives;
    const char *issuer; /* the region's office, which issues the report */
    int64_t issued_at;  /* unix time: built, or adopted */
    int version;        /* adopted version, 0 for a draft */
};

/*
** Build the annual report of yearly plan id: planned vs entered
** realisation (entries not returned), computed indicators evaluated for
** the plan's year, multi-year progress over the programme's earlier
** yearly plans (indicators matched by task number and folded name),
** budget by source. At risk: a yearly target missed by more than 10 %, or
** multi-year progress more than 10 % behind the straight line from the
** programme's first year (checked from the programme's second year on).
** 0, ERR_NOTFOUND, ERR_INPUT (not a yearly plan), ERR_DB.
*/
int mon_report_build(struct db *db, struct arena *a, int64_t plan_id,
                     struct mon_report *out);
/* The same of plan_id loaded before as p and meta (the plan cache's): m
 * points into p, which must live as long as m is read. */
int mon_report_of(struct db *db, struct arena *a, int64_t plan_id,
                  const struct plan *p, const struct plan_meta *meta,
                  struct mon_report *m);

/* The report as one JSON object. */
void mon_report_json(struct json *j, const struct mon_report *m);

/* real / target in tenths of a percent, rounded, at most 100 000; -1
 * when the target is not positive. */
int mon_pct10(int64_t real, int64_t target);
/* "12,5" for tenths of a percent; "–" for -1. */
const char *mon_pct_text(struct arena *a, int pct10);

/* ---- period_store.c ---- */

/*
** The rows of catalogue query q for one plan ($1 the plan id), each read
** by row into an arena array at out (a T **): db_list(). The stores' lists
** of a plan share it.
*/
int mon_rows_of_plan(struct db *db, struct arena *a, enum query_id q,
                     int64_t plan_id, size_t size, db_row_fn *row, void *out);

struct mon_period {
    const char *period; /* "YYYY" or "YYYY-Qn" */
    const char *due_on; /* ISO date or NULL */
    bool closed;
    const char *closed_at, *closed_by;
};
/* The plan's calendar rows, by period: their number, or < 0. */
int mon_periods(struct db *db, struct arena *a, int64_t plan_id,
                struct mon_period **out);
/* An open period of a plan past its due date, and its entries so far. */
struct mon_overdue {
    const char *period, *due_on;
    int64_t done;
};
/* plan_id's open periods due before today (ISO date): count or < 0. */
int mon_overdue(struct db *db, struct arena *a, int64_t plan_id,
                const char *today, struct mon_overdue **out);
/* Whether period (or the year it belongs to) is closed. 0 or ERR_DB. */
int mon_period_closed(struct db *db, int64_t plan_id, const char *period,
                      bool *closed);
/*
** Change the calendar of period of plan_id: action "due" sets (or with an
** empty due_on clears) the due date; "close" closes the period; "reopen"
** opens it again and needs a reason. One audit row (period.due,
** period.close, period.reopen). 0, ERR_INPUT with *why, ERR_NOTFOUND (no
** plan, or another region's), ERR_DB.
*/
int mon_period_change(struct db *db, struct arena *a,
                      const struct mon_actor *act, int64_t plan_id,
                      const char *period, const char *action,
                      const char *due_on, const char *reason, const char **why);

/* The plan's narratives by task and period: their number, or < 0. */
int mon_narratives(struct db *db, struct arena *a, int64_t plan_id,
                   struct mon_narrative **out);
/* The narratives of tasks first..last, by task and period: count or < 0. */
int mon_narratives_of_tasks(struct db *db, struct arena *a, int64_t plan_id,
                            int first, int last, struct mon_narrative **out);
/*
** Set (or, with an empty text, remove) the narrative of task t of plan_id
** in period: the implementer of the task or the coordinator, an open
** period of the plan's years, at most MON_NARRATIVE_MAX bytes. One audit
** row ("narrative.save", before/after). 0, ERR_INPUT or ERR_DENIED with
** *why, ERR_NOTFOUND, ERR_DB.
*/
#define MON_NARRATIVE_MAX 8000
int mon_narrative_save(struct db *db, struct arena *a,
                       const struct mon_actor *act, int64_t plan_id, int t,
                       const char *period, const char *text, const char **why);

/* ---- progress.c ---- */

struct mon_pind {
    bool has_target, has_data; /* target for the whole period; approved */
    int64_t target, real;      /* real: approved values of every year */
    int64_t pending;           /* real if every pending entry were approved */
    int npending;
    int64_t *by_year; /* approved, [year - from] */
    int pct10;        /* real / target in tenths of %, -1 none */
    /* Counted from the records of the trainings or the LPDI register
     * (training.h) rather than entered: real is that count; how says how
     * it is counted (Polish). */
    bool counted;
    bool entered; /* no records to count: the values entered by hand */
    const char *how;
};

struct mon_progress {
    const struct plan *p;
    struct plan_meta meta;
    int from, to, nyears;
    struct mon_pind *ind; /* one per plan indicator */
    /* A project card's budget (declared) and spending (approved). */
    int64_t budget, budget_eu; /* grosze; 0 when not stated */
    int64_t spent, spent_pending, spent_eu;
    int npending_spent;
    int64_t *spent_by_year;
    /* A card's institutions supported, by kind (training.h): code, count. */
    const char **inst_kinds;
    int64_t *inst_counts;
    int ninst_kinds;
};

/*
** Progress of programme or project plan_id over its years. A project
** card's indicators that the trainings' records count (persons and
** institutions supported, persons who raised their qualifications, the
** LPDI share) take that count as their value (counted, how) where records
** exist, in place of values entered by hand: the one rule of
** training_plan_indicators, which the annual report follows too. 0,
** ERR_INPUT for a yearly plan or one without years, ERR_NOTFOUND, ERR_DB.
*/
int mon_progress_build(struct db *db, struct arena *a, int64_t plan_id,
                       struct mon_progress *out);
/* The same of plan_id loaded before as p and meta (the plan cache's). */
int mon_progress_of(struct db *db, struct arena *a, int64_t plan_id,
                    const struct plan *p, const struct plan_meta *meta,
                    struct mon_progress *m);

/* ---- report_store.c ---- */

/*
** Adopt the annual report of yearly plan plan_id as its next version:
** every format rendered now and stored as bytes, one audit row
** ("report.adopt"), in one transaction. Refused with *why while entries
** are pending (ERR_INPUT); ERR_NOTFOUND for another region's plan or one
** that is not yearly; ERR_DB, ERR_IO.
*/
int mon_report_adopt(struct db *db, struct arena *a,
                     const struct mon_actor *act, int64_t plan_id, int *version,
                     const char **why);
/*
** The stored file (format json, html, pdf or xlsx) of adopted version
** `version` of the plan's report, 0 for the latest: 0 with *found (the
** version), *data (arena) and *len; ERR_NOTFOUND when none.
*/
int mon_report_adopted(struct db *db, struct arena *a, int64_t plan_id,
                       int version, const char *format, int *found,
                       const void **data, size_t *len);

struct mon_adoption {
    int version;
    int64_t at; /* unix time */
    const char *by;
};
/* The plan's adopted versions, newest first: their number, or < 0. */
int mon_report_adoptions(struct db *db, struct arena *a, int64_t plan_id,
                         struct mon_adoption **out);

/* A yearly plan on the monitoring home page, with its realisation. */
struct mon_yearly_plan {
    int64_t id;
    const char *region_name, *programme_title;
    int year;
    int64_t entries, pending;
    int adopted; /* the latest adopted version, 0 for none */
};
/*
** The yearly plans: published ones, and the unpublished too when
** unpublished is set, of region (NULL: every region), by region name,
** programme and year: count or < 0.
*/
int mon_yearly_plans(struct db *db, struct arena *a, bool unpublished,
                     const char *region, struct mon_yearly_plan **out);

/* ---- report_xlsx.c, report_pdf.c ---- */

/* Write the report as XLSX (formulas for %, sums) into out. 0 or ERR_IO. */
int mon_report_xlsx(struct arena *a, const struct mon_report *m,
                    struct buf *out);
/* Write the report as an A4 PDF (cairo, pango) into out. 0 or ERR_IO. */
int mon_report_pdf(struct arena *a, const struct mon_report *m,
                   struct buf *out);

/* ---- demo.c ---- */

/*
** Demo data of monitoring: registers and realisation of the 2021 plan of
** seed 001 (values marked "dane demonstracyjne"). Idempotent; runs in
** the caller's transaction. 0 or <0 (message on stderr).
*/
int monitoring_demo_load(struct db *db, struct arena *a);

#endif
