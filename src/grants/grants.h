/*
** Grants (issue 17): open grant competitions (otwarte konkursy ofert) and
** award contests run on the same calls, forms and evaluation. A call
** (nabór) belongs to a region and may fund a task of a yearly plan; it
** has areas with their budgets, the largest grant, the minimum own
** contribution, the deadline for offers (a UTC stamp, entered and shown in
** Europe/Warsaw time), the date results are due, and the criteria of
** formal and merit evaluation. No HTML and no request state here: the
** pages (call_pages.c), the JSON API and the feed (call_api.c) call these.
*/
#ifndef GRANTS_GRANTS_H
#define GRANTS_GRANTS_H

#include <stdbool.h>
#include <stdint.h>

#include "auth/auth.h"
#include "core/warsaw.h"
#include "db/db.h"
#include "monitoring/monitoring.h" /* struct mon_actor: who acts */

struct arena;
struct db;
struct buf;
struct json;

#define GRANT_AREAS_MAX 6    /* areas of one call */
#define GRANT_CRITERIA_MAX 8 /* criteria of one stage of a call */
#define GRANT_TITLE_MAX 300
#define GRANT_TEXT_MAX 20000

struct grant_area {
    int pos; /* 1.. */
    const char *name;
    int64_t budget; /* grosze */
};

struct grant_criterion {
    const char *stage; /* "formal" or "merit" */
    int pos;           /* 1.. within its stage */
    const char *name;
    int max_points; /* merit: 1..100; formal: 0 */
};

/* What a call is now, from its stored status and the time. */
enum grant_phase {
    GRANT_DRAFT,      /* not published */
    GRANT_OPEN,       /* published, offers accepted until offers_until */
    GRANT_EVALUATION, /* the deadline passed, no results yet */
    GRANT_RESULTS,    /* results published */
    GRANT_CANCELLED
};

struct grant_call {
    int64_t id;
    const char *region, *region_name;
    const char *kind; /* "grant" (competition) or "award" (contest) */
    const char *title, *description;
    int64_t plan_id;                 /* 0: no plan task */
    const char *task;                /* plan task number, or NULL */
    int64_t amount, max_grant;       /* grosze; amount is the areas' sum */
    int min_own_permille;            /* own contribution, of the offer's cost */
    const char *offers_until;        /* UTC stamp */
    const char *results_by;          /* ISO date */
    const char *task_from, *task_to; /* the tasks' period, ISO dates */
    const char *results_at;          /* UTC stamp, NULL before results */
    int correction_days;             /* to correct formal defects */
    const char *status; /* stored: draft, published, results, ... */
    const char *published_at, *created_by, *created_at, *updated_at;
    struct grant_area *areas;
    int nareas;
    struct grant_criterion *criteria; /* formal first, then merit */
    int ncriteria;
};

/* The call's form as typed: every field text, NULL when absent. */
struct grant_call_form {
    const char *kind, *title, *description, *plan, *task;
    const char *max_grant, *min_own, *until_date, *until_time, *results_by;
    const char *correction_days, *task_from, *task_to;
    const char *area_name[GRANT_AREAS_MAX], *area_budget[GRANT_AREAS_MAX];
    const char *formal[GRANT_CRITERIA_MAX];
    const char *merit[GRANT_CRITERIA_MAX], *merit_max[GRANT_CRITERIA_MAX];
};

/* ---- call_check.c (no SQL) ---- */

/* Now as the module stores times (a UTC stamp, utc_stamp_now), in a. */
const char *grant_now(struct arena *a);
/* Append msg to the arena array *errs of *n Polish messages. */
void grant_err(struct arena *a, const char ***errs, int *n, const char *msg);

/*
** Local time in Warsaw (date "YYYY-MM-DD", time "HH:MM") as a UTC stamp
** "YYYY-MM-DDTHH:MM:00Z" into out: true, or false when the text is not
** such a date and time or names a moment the clocks skip (the spring
** change). An hour that happens twice (autumn) is its first, summer one.
*/
bool grant_warsaw_to_utc(const char *date, const char *time,
                         char out[UTC_STAMP_SIZE]);
/*
** A stored UTC stamp as ISO 8601 in Warsaw time with its offset
** ("2027-01-18T15:30+01:00"), for the audit log, whose page shows what it
** holds; NULL stays NULL, text that is no stamp comes back as it is.
*/
const char *grant_stamp_local_iso(struct arena *a, const char *utc);
/* A UTC stamp as Warsaw "YYYY-MM-DD" and "HH:MM" (arena), for forms. */
void grant_utc_to_warsaw(struct arena *a, const char *utc, const char **date,
                         const char **time);

/*
** Check a call's form into out (strings in a): title, kind, areas (a name
** and a budget each, at least one; the call's amount is their sum), the
** largest grant (above 0, at most the largest area), the minimum own
** contribution (a percentage 0..100 with at most one decimal), the
** deadline (Warsaw date and time, after now, a UTC stamp) and the results
** date (not before the deadline's day), the days for formal corrections,
** at least one formal and one merit criterion (merit with its maximum
** points 1..100). The plan and task are copied, checked by the store.
** Each problem appends a Polish message naming the field to *errs.
** 0 or ERR_INPUT.
*/
int grant_call_check(struct arena *a, const struct grant_call_form *f,
                     const char *now, struct grant_call *out,
                     const char ***errs, int *nerrs);

/* The phase of c at UTC stamp now. */
enum grant_phase grant_call_phase(const struct grant_call *c, const char *now);
/* The code of a phase for the API: "draft", "open", "evaluation" ... */
const char *grant_phase_code(enum grant_phase p);
/* Polish label of a phase, of a kind. */
const char *grant_phase_label(enum grant_phase p);
const char *grant_kind_label(const char *kind);

/* c as one JSON object (areas, criteria, amounts, dates) and, when rk is
   not NULL (its published results), its funded offers with their amounts
   and mean points. */
struct grant_ranked;
void grant_call_json(struct json *j, const struct grant_call *c,
                     const char *now, const struct grant_ranked *rk, int n);
/* c as a JSON text in a, for the audit log. */
const char *grant_call_audit_json(struct arena *a, const struct grant_call *c);

/* ---- call_store.c ---- */

/*
** Call id with its areas and criteria: 0, ERR_NOTFOUND or ERR_DB. Drafts
** are returned too: a page shows one only to the office of its region
** (grant_call_visible).
*/
int grant_call_get(struct db *db, struct arena *a, int64_t id,
                   struct grant_call *out);
/* Whether act may see c: published ones everyone, drafts only accounts
   with the capability to manage calls in c's region. */
bool grant_call_visible(const struct mon_actor *act,
                        const struct grant_call *c);
/*
** The calls act may see (published ones; with drafts the drafts of act's
** region too), newest deadline first, from offset, at most limit, each
** with its areas (not criteria): count or < 0; *total all of them.
*/
int grant_calls_list(struct db *db, struct arena *a, bool drafts,
                     const char *region, long limit, long offset,
                     struct grant_call **out, int64_t *total);
/* The calls a prepared statement of calls' columns returns, each with
   its areas: count or < 0. */
int grant_calls_rows(struct db *db, db_stmt *st, struct arena *a,
                     struct grant_call **out);
/*
** Create (id 0) or change a draft call of act's region from its form: all
** checks of grant_call_check, and the plan (a yearly plan of the region)
** with its task number when given. One audit row ("grant_call.create" or
** "grant_call.update", before/after), all or nothing. 0 with *id;
** ERR_INPUT with *errs; ERR_NOTFOUND (no such draft in act's region);
** ERR_CONFLICT (the call is no longer a draft); ERR_DB.
*/
int grant_call_save(struct db *db, struct arena *a, const struct mon_actor *act,
                    int64_t id, const struct grant_call_form *f,
                    int64_t *out_id, const char ***errs, int *nerrs);
/*
** Publish draft call id of act's region (its deadline still ahead). One
** audit row ("grant_call.publish"). 0; ERR_NOTFOUND; ERR_CONFLICT (not a
** draft, or the deadline passed) with *why; ERR_DB.
*/
int grant_call_publish(struct db *db, struct arena *a,
                       const struct mon_actor *act, int64_t id,
                       const char **why);

/*
** For the demo only (grant_demo.c): give published call id the dates of an
** earlier year (a store function makes a call only with its deadline
** ahead) and its submitted offers the deadline's day as their time of
** submission. 0, ERR_NOTFOUND (no such published call) or ERR_DB.
*/
int grant_call_demo_dates(struct db *db, int64_t id, const char *published_at,
                          const char *offers_until, const char *results_by);
/* For the demo only: the results of call id (status results) published at
   results_at, its reports submitted (and decided) at reports_at. */
int grant_call_demo_results_at(struct db *db, int64_t id,
                               const char *results_at, const char *reports_at);

/* ---- organisations: org_check.c (no SQL), org_store.c ---- */

#define GRANT_PERSONS_MAX 4 /* representatives on the form */

struct grant_person {
    int pos;
    const char *name, *function;
};

struct grant_org {
    int64_t id, unit_id, account_id;
    const char *region, *login; /* login "" when the account is gone */
    const char *name, *krs, *nip, *address, *gmina, *email;
    const char *email_confirmed_at; /* NULL until confirmed */
    const char *status;             /* pending, confirmed, refused */
    const char *reason, *decided_by, *decided_at, *created_at;
    struct grant_person *persons;
    int npersons;
};

/* The registration form as typed (NULL when absent). */
struct grant_org_form {
    const char *name, *krs, *nip, *address, *gmina, *email;
    const char *person[GRANT_PERSONS_MAX], *function[GRANT_PERSONS_MAX];
    const char *login, *password;
};

/* A KRS number: exactly 10 digits (the register numbers entries in
   order; the number carries no check digit). */
bool grant_krs_ok(const char *s);
/* A NIP: 10 digits (dashes and spaces allowed between) whose last is the
   weighted check digit; the digits only into out[11]. */
bool grant_nip_ok(const char *s, char out[11]);
/* An e-mail address as people type it: one '@', a dot in the domain, no
   spaces or controls, at most 254 bytes. */
bool grant_email_ok(const char *s);

/*
** Register an organisation from its form: every field checked (each
** message names it), the gmina (a TERYT code or an exact name) decides
** the region, which the instance must serve; the organisation becomes an
** org_unit of that region (one of that name already there is reused, the
** awards of the monitoring register named for it become its own) unless it
** is registered already; its first account (role grantee, linked to the
** unit) is made disabled; a message with the confirmation link (base: the
** site's address) goes to the outbox. One audit row
** ("grant_org.register") besides the account's, all or nothing. 0 with
** *id and, when token is not NULL, *token the link's token (for the demo,
** which confirms as the organisation would); ERR_INPUT with *errs; ERR_DB.
*/
int grant_org_register(struct db *db, struct arena *a,
                       const struct mon_actor *act,
                       const struct grant_org_form *f, const char *base,
                       int64_t *id, const char **token, const char ***errs,
                       int *nerrs);
/* Confirm the e-mail address of the registration whose link carried
   token: 0 with *id, ERR_NOTFOUND (unknown or used), ERR_DB. Audited
   ("grant_org.email"). */
int grant_org_confirm_email(struct db *db, struct arena *a,
                            const struct mon_actor *act, const char *token,
                            int64_t *id);
/*
** The office's decision on registration id of act's region: confirm
** (enables its account; the e-mail must be confirmed first) or refuse
** with a reason. A message to the organisation goes to the outbox. One
** audit row ("grant_org.confirm" / "grant_org.refuse"). 0; ERR_INPUT or
** ERR_CONFLICT with *why; ERR_NOTFOUND; ERR_DB.
*/
int grant_org_decide(struct db *db, struct arena *a,
                     const struct mon_actor *act, int64_t id, bool confirm,
                     const char *reason, const char **why);
/*
** The representatives' personal data (names and functions) serve the grant
** proceedings (ustawa o działalności pożytku publicznego i o wolontariacie,
** art. 14-16; RODO art. 6 ust. 1 lit. c and e) and are kept until the end
** of the fifth year after the organisation's last offer, agreement or
** report, and while an agreement is not settled.
*/
#define GRANT_RETENTION_YEARS 5
/*
** Erase, at the request of its own account, the representatives of
** organisation id, where the law allows: none of its offers was submitted
** (no proceedings documents name them). Otherwise ERR_CONFLICT with *why
** saying until when and why they are kept. One audit row
** ("grant_org.erase", the count only: no personal data in the log). 0;
** ERR_NOTFOUND (not act's organisation); ERR_DB.
*/
int grant_org_erase_persons(struct db *db, struct arena *a,
                            const struct mon_actor *act, int64_t id,
                            const char **why);
/*
** rodzina purge: delete the representatives of every organisation whose
** proceedings ended before the retention period (GRANT_RETENTION_YEARS
** full years before today's year, today an ISO date), in one transaction
** with one audit row ("grant_org.purge"). 0 with *n, or ERR_DB.
*/
int grant_persons_purge(struct db *db, const char *today, int64_t *n);
/* Registration id with its representatives: 0, ERR_NOTFOUND, ERR_DB. */
int grant_org_get(struct db *db, struct arena *a, int64_t id,
                  struct grant_org *out);
/* Whether act may see organisation o: the office of its region, or an
   account of the organisation (by unit id). */
bool grant_org_visible(struct db *db, const struct mon_actor *act,
                       const struct grant_org *o);
/* The registrations of region (NULL: all), pending first: count or < 0. */
int grant_orgs_list(struct db *db, struct arena *a, const char *region,
                    struct grant_org **out);
/* The organisations of account (its units): count or < 0. */
int grant_orgs_of_account(struct db *db, struct arena *a, int64_t account,
                          struct grant_org **out);
/* o as one JSON object (with its representatives). */
void grant_org_json(struct json *j, const struct grant_org *o);

/* ---- offers: offer_check.c (no SQL), offer_store.c, offer_pdf.c ---- */

#define GRANT_ACTIONS_MAX 6
#define GRANT_RESULTS_MAX 4
#define GRANT_COSTS_MAX 10
#define GRANT_DECLARATIONS 4 /* statements of the template's part VII */

struct grant_action {
    int pos;
    const char *name, *date_from, *date_to;
};

struct grant_result {
    int pos;
    const char *name;
    int64_t target;
};

struct grant_cost {
    int pos;
    const char *kind; /* "action" (koszty realizacji) or "admin" */
    const char *name;
    int64_t total, grant, own_fin, own_nonfin; /* grosze */
};

struct grant_offer {
    int64_t id, call_id, org_id;
    const char *org_name, *call_title;
    int area_pos;
    const char *title, *place, *description, *date_from, *date_to;
    int64_t requested;  /* grosze */
    int declarations;   /* bit i: statement i accepted */
    const char *status; /* draft, submitted */
    const char *receipt, *submitted_at, *submitted_by;
    const char *created_at, *updated_at;
    const char *formal_status; /* "", passed, defect, corrected, rejected */
    const char *defect_until;  /* UTC stamp while a defect may be fixed */
    int64_t awarded;           /* grosze; -1 before the decision */
    struct grant_action *actions;
    int nactions;
    struct grant_result *results;
    int nresults;
    struct grant_cost *costs;
    int ncosts;
};

/* The offer form as typed (NULL when absent). */
struct grant_offer_form {
    const char *area, *title, *place, *description, *date_from, *date_to;
    const char *requested;
    bool declaration[GRANT_DECLARATIONS];
    const char *action[GRANT_ACTIONS_MAX], *action_from[GRANT_ACTIONS_MAX],
        *action_to[GRANT_ACTIONS_MAX];
    const char *result[GRANT_RESULTS_MAX], *result_target[GRANT_RESULTS_MAX];
    const char *cost_kind[GRANT_COSTS_MAX], *cost_name[GRANT_COSTS_MAX],
        *cost_total[GRANT_COSTS_MAX], *cost_grant[GRANT_COSTS_MAX],
        *cost_own[GRANT_COSTS_MAX], *cost_nonfin[GRANT_COSTS_MAX];
};

/* One finding of the offer checks: the field's name in the form and a
   Polish message naming it. */
struct grant_finding {
    const char *field, *message;
};

/*
** Read an offer's form into out (strings in a): each text trimmed and
** within its limit, money, counts and dates in their form. A field that is
** not in its form adds a finding (nothing can be saved then). 0 or
** ERR_INPUT with *finds.
*/
int grant_offer_read(struct arena *a, const struct grant_offer_form *f,
                     struct grant_offer *out, struct grant_finding **finds,
                     int *nfinds);
/*
** The checks an offer must pass to be submitted, against its call (an
** entry for an award: its area, title, place, description and the
** declarations only): the sections filled, an area of the call, its period and
*every action's
** inside the call's period, each cost line's total equal to its grant and
** own parts, the grant asked equal to the cost estimate's grant column and
** at most the call's largest grant, the own contribution (financial and
** non-financial) at least the call's share of the total, every
** declaration accepted. Returns the number of findings (*finds, in a).
*/
int grant_offer_check(struct arena *a, const struct grant_call *c,
                      const struct grant_offer *o,
                      struct grant_finding **finds);

/* Offer id with its sections (not its PDF): 0, ERR_NOTFOUND, ERR_DB. */
int grant_offer_get(struct db *db, struct arena *a, int64_t id,
                    struct grant_offer *out);
/*
** The updated cost estimate of an agreement, as o's cost lines: each line
** named and summing (total = grant + own financial + non-financial), their
** grant parts summing to awarded, the own contribution at least the call's
** minimum share. Each finding names its field (cost1_grant ...). Count.
*/
int grant_estimate_check(struct arena *a, const struct grant_call *c,
                         const struct grant_offer *o, int64_t awarded,
                         struct grant_finding **finds);
/*
** Whether act may read offer o: its organisation's accounts always, the
** office of the call's region once it is submitted.
*/
bool grant_offer_visible(struct db *db, const struct mon_actor *act,
                         const struct grant_offer *o, const char *region);
/* Whether act is an account of organisation org_id (by its unit). */
bool grant_org_is_own(struct db *db, const struct mon_actor *act,
                      int64_t org_id);
/*
** Write draft offer id (0: a new one of org_id in call_id) from its
** read form; the organisation must be confirmed, of the call's region and
** act's own, the call open. Sections are replaced whole. One audit row
** ("grant_offer.create"/"grant_offer.update"). 0 with *id; ERR_NOTFOUND;
** ERR_CONFLICT with *why (submitted, or the call closed); ERR_DB.
*/
int grant_offer_save(struct db *db, struct arena *a,
                     const struct mon_actor *act, int64_t call_id, int64_t id,
                     const struct grant_offer *o, int64_t *out_id,
                     const char **why);
/*
** Submit draft offer id once, before the call's deadline: every check of
** grant_offer_check must pass (ERR_INPUT with *finds), then a receipt
** number ("NAB-<call>/<n>") is given and the PDF as submitted stored. One
** audit row ("grant_offer.submit"). 0; ERR_NOTFOUND; ERR_CONFLICT with *why
** (already submitted, deadline passed); ERR_DB, ERR_IO.
*/
int grant_offer_submit(struct db *db, struct arena *a,
                       const struct mon_actor *act, int64_t id,
                       struct grant_finding **finds, int *nfinds,
                       const char **why);
/* Replace offer id's schedule, results and cost lines with o's (in the
   caller's transaction): 0 or ERR_DB. */
int grant_offer_rewrite_sections(struct db *db, int64_t id,
                                 const struct grant_offer *o);
/* The stored PDF of submitted offer id: 0 with *data, *len (arena). */
int grant_offer_pdf_get(struct db *db, struct arena *a, int64_t id,
                        const void **data, size_t *len);
/* The offers of call_id (submitted only unless drafts), by receipt:
   count or < 0. Sections are not loaded. */
int grant_offers_of_call(struct db *db, struct arena *a, int64_t call_id,
                         struct grant_offer **out);
/* The offers of act's organisations, newest first: count or < 0. */
int grant_offers_of_account(struct db *db, struct arena *a, int64_t account,
                            struct grant_offer **out);
/* o as one JSON object, with its sections; for the audit log (audit: its
   arena) its time of submission in Warsaw time (grant_stamp_local_iso). */
void grant_offer_json(struct json *j, const struct grant_offer *o,
                      struct arena *audit);

/* Write offer o of call c as submitted into out (A4 PDF). 0 or ERR_IO. */
int grant_offer_pdf(struct arena *a, const struct grant_call *c,
                    const struct grant_org *org, const struct grant_offer *o,
                    struct buf *out);

/* ---- evaluation: eval_store.c, results_pdf.c ---- */

/* A formal criterion's verdict on an offer. */
struct grant_formal {
    int pos;
    bool met;
    const char *reason;
};

/*
** The office's formal evaluation of submitted offer id (act's region):
** met[i] and reason[i] for each formal criterion of the call, in order
** (a criterion not met needs a reason), and the outcome: "passed" (every
** criterion met), "defect" (the organisation may correct it within the
** call's correction days) or "rejected". One audit row ("grant_offer.
** formal"). 0; ERR_INPUT with *why; ERR_NOTFOUND; ERR_CONFLICT (results
** published) with *why; ERR_DB.
*/
int grant_formal_save(struct db *db, struct arena *a,
                      const struct mon_actor *act, int64_t id, const bool *met,
                      const char *const *reason, const char *outcome,
                      const char **why);
/* The formal verdicts of offer id: count or < 0. */
int grant_formal_of(struct db *db, struct arena *a, int64_t id,
                    struct grant_formal **out);
/*
** The organisation's correction of a formal defect of offer id before
** its defect_until: the sections replaced by o's (read form); the offer
** becomes "corrected" for the office to check again. One audit row
** ("grant_offer.correct", before/after). 0; ERR_NOTFOUND; ERR_CONFLICT
** with *why; ERR_DB.
*/
int grant_offer_correct(struct db *db, struct arena *a,
                        const struct mon_actor *act, int64_t id,
                        const struct grant_offer *o, const char **why);

struct grant_member {
    int64_t account;
    const char *login;
    const char *declared_at; /* NULL: no declaration yet */
    int64_t scores;          /* criteria scored so far in the call */
};
/* Appoint account login (an office account of the call's region) to the
   committee of call_id. Audited ("grant_call.member"). 0; ERR_INPUT with
   *why; ERR_NOTFOUND; ERR_DB. */
int grant_member_add(struct db *db, struct arena *a,
                     const struct mon_actor *act, int64_t call_id,
                     const char *login, const char **why);
/* The committee of call_id with its progress: count or < 0. */
int grant_members(struct db *db, struct arena *a, int64_t call_id,
                  struct grant_member **out);
/* Whether account is on call_id's committee (*member) and declared no
   conflict (*declared): 0 or ERR_DB. */
int grant_member_status(struct db *db, int64_t call_id, int64_t account,
                        bool *member, bool *declared);
/* The member's declaration of no conflict of interest. Audited
   ("grant_call.declaration"). 0; ERR_NOTFOUND (not a member); ERR_DB. */
int grant_member_declare(struct db *db, struct arena *a,
                         const struct mon_actor *act, int64_t call_id);
/* The calls whose committee account sits on: count or < 0. */
int grant_calls_of_member(struct db *db, struct arena *a, int64_t account,
                          struct grant_call **out);
/* Whether act may score offer o of call c: a declared member of c's
   committee, the offer submitted and formally passed, no results yet. */
bool grant_member_may_score(struct db *db, const struct mon_actor *act,
                            const struct grant_call *c,
                            const struct grant_offer *o);

struct grant_score {
    int pos;
    int points;
    const char *justification;
};
/*
** A member's scores of offer id: points[i] and justification[i] for each
** merit criterion of the call, in order; each 0..its maximum with a
** justification (each problem a Polish message naming the criterion in
** *errs). Replaces the member's earlier scores. One audit row
** ("grant_offer.score"). 0; ERR_INPUT; ERR_NOTFOUND (not the member's to
** score); ERR_DB.
*/
int grant_scores_save(struct db *db, struct arena *a,
                      const struct mon_actor *act, int64_t id,
                      const char *const *points,
                      const char *const *justification, const char ***errs,
                      int *nerrs);
/* The scores account gave offer id: count or < 0. */
int grant_scores_of(struct db *db, struct arena *a, int64_t id, int64_t account,
                    struct grant_score **out);

/* An offer in the ranking of its call. */
struct grant_ranked {
    struct grant_offer o;
    int scorers;    /* members who scored it */
    int64_t avg100; /* mean of the members' totals, in hundredths */
};
/*
** The submitted offers of call_id, the formally passed ones first by
** their mean score (best first), the others after: count or < 0.
*/
int grant_ranking(struct db *db, struct arena *a, int64_t call_id,
                  struct grant_ranked **out);
/*
** Decide and publish the results of call_id: amounts[i] for ranked offer
** i (text as typed; "" or 0: not funded); only formally passed offers may
** be funded, each at most what it asked, each area's sum at most its
** budget (each problem names the offer or the area in *errs). The call
** gets status "results" and the programme is brought up to date
** (grant_programme_sync). One audit row ("grant_call.results"). 0;
** ERR_INPUT; ERR_NOTFOUND; ERR_CONFLICT (published already); ERR_DB.
*/
int grant_results_publish(struct db *db, struct arena *a,
                          const struct mon_actor *act, int64_t call_id,
                          const int64_t *offer_ids, const char *const *amounts,
                          int n, const char ***errs, int *nerrs);
/* The results of call c (ranked, decided) as an A4 PDF. 0 or ERR_IO. */
int grant_results_pdf(struct arena *a, const struct grant_call *c,
                      const struct grant_ranked *rk, int n, struct buf *out);
/* The announcement of call c as an A4 PDF. 0 or ERR_IO. */
int grant_call_pdf(struct arena *a, const struct grant_call *c,
                   struct buf *out);
/* "12,34" of hundredths. */
const char *grant_points_text(struct arena *a, int64_t hundredths);

/* ---- agreements, reports, settlement: settle_store.c ---- */

struct grant_agreement {
    int64_t offer_id;
    const char *number, *signed_on, *status; /* signed, settled */
    int64_t amount, paid, returned;          /* grosze */
};

struct grant_report {
    int64_t id, offer_id;
    const char *kind; /* partial, final */
    int64_t initiatives, beneficiaries;
    const char *note, *status, *comment, *submitted_by, *submitted_at;
    int64_t spent_grant, spent_own; /* sums of its cost lines, grosze */
};

/*
** The agreement of funded offer id (act's region, results published):
** its number, the day signed (ISO) and the amount paid (at most the grant
** awarded). When the grant is lower than the offer asked, estimate (its
** cost lines, read as an offer's) is the updated cost estimate the
** agreement holds, checked by grant_estimate_check (each message names the
** field); otherwise it is not used. The call's register row and its task's
** budget realisation are brought up to date (grant_programme_sync). One
** audit row
** ("grant_offer.agreement"). 0; ERR_INPUT with *errs; ERR_NOTFOUND;
** ERR_CONFLICT (not funded, or signed already); ERR_DB.
*/
int grant_agreement_sign(struct db *db, struct arena *a,
                         const struct mon_actor *act, int64_t id,
                         const char *number, const char *signed_on,
                         const char *paid, const struct grant_offer *estimate,
                         const char ***errs, int *nerrs);
/*
** The updated cost estimate of the agreement of offer id (its lines as an
** offer's, pos from 1): count, 0 when it has none (the offer's estimate
** stands), or < 0.
*/
int grant_agreement_costs(struct db *db, struct arena *a, int64_t id,
                          struct grant_cost **out);
/* Insert cost lines k[0..n) of id with q (the columns of
   Q_GRANT_OFFER_COST_INSERT: id, pos, kind, name, total, grant, own
   financial, non-financial), in the caller's transaction: 0 or ERR_DB. */
int grant_cost_lines_insert(struct db *db, enum query_id q, int64_t id,
                            const struct grant_cost *k, int n);
/* A row of cost lines (pos, kind, name, total, grant, own financial,
   non-financial, the columns of Q_GRANT_OFFER_COSTS) into a grant_cost. */
void grant_cost_cols(struct arena *a, db_stmt *st, void *elem);
/* The cost lines a report of offer id is by: the agreement's updated
   estimate when it has one, else the offer's (o, loaded): count or < 0. */
int grant_estimate_of(struct db *db, struct arena *a,
                      const struct grant_offer *o, struct grant_cost **out);

/* One line of a report's cost execution. */
struct grant_spent {
    int pos;
    int64_t grant, own; /* grosze */
};
/* The cost execution of report rid by line: count or < 0. */
int grant_report_lines(struct db *db, struct arena *a, int64_t rid,
                       struct grant_spent **out);
/* The agreement of offer id: 0, ERR_NOTFOUND, ERR_DB. */
int grant_agreement_get(struct db *db, struct arena *a, int64_t id,
                        struct grant_agreement *out);
/*
** A report of offer id by its organisation, while the agreement is not
** settled: kind partial or final, initiatives and final beneficiaries
** achieved, and for each cost line of the offer what was spent from the
** grant and from own funds (spent_grant[i], spent_own[i], as typed); the
** grant spent at most what was paid. Each problem a Polish message naming
** the field in *errs. One audit row ("grant_report.submit"). 0;
** ERR_INPUT; ERR_NOTFOUND; ERR_CONFLICT with *why; ERR_DB.
*/
int grant_report_submit(struct db *db, struct arena *a,
                        const struct mon_actor *act, int64_t id,
                        const char *kind, const char *initiatives,
                        const char *beneficiaries, const char *note,
                        const char *const *spent_grant,
                        const char *const *spent_own, const char ***errs,
                        int *nerrs, const char **why);
/* The reports of offer id, oldest first: count or < 0. */
int grant_reports_of(struct db *db, struct arena *a, int64_t id,
                     struct grant_report **out);
/*
** The office's decision on report rid: accept, or return for corrections
** with a comment. Accepting a final report settles the agreement (what
** was paid and not spent is returned). The programme is brought up to
** date. One audit row ("grant_report.accept"/"grant_report.return").
** 0; ERR_INPUT/ERR_CONFLICT with *why; ERR_NOTFOUND; ERR_DB.
*/
int grant_report_decide(struct db *db, struct arena *a,
                        const struct mon_actor *act, int64_t rid, bool accept,
                        const char *comment, const char **why);
/*
** The call that keeps competition register_id of monitoring's register
** (its summary row: a call of this module, or a competition moved here by
** migration 0075): 0 with *call_id, or ERR_NOTFOUND when the register
** keeps it itself.
*/
int grant_call_of_register(struct db *db, int64_t register_id,
                           int64_t *call_id);
/*
** Bring the programme up to date with call_id, through monitoring: its row
** of the register of competitions (offers, awards, the sum awarded,
** initiatives and beneficiaries of accepted reports, the plan task),
** which the computed indicators of metric "grants" count, and, for a call
** of a yearly plan's task, the amount paid less returned entered as the
** realisation of the task's budget line (for the coordinator's approval).
** In the caller's transaction. 0 or < 0.
*/
int grant_programme_sync(struct db *db, struct arena *a,
                         const struct mon_actor *act, int64_t call_id);

/* ---- grant_demo.c ---- */

/* The demo data of rodzina init --demo (see grant_demo.c): 0 or < 0. */
int grants_demo_load(struct db *db, struct arena *a);

#endif
