/*
** Trainings (issue 18): the events the office runs for professionals, the
** online sign-up with its confirmation link and waiting list, attendance
** per day, knowledge tests, certificates, and the indicators of plans and
** project cards counted from these records. No HTML here: the pages
** (training_pages.c), the PDF writer (training_pdf.c) and the monitoring
** module's project page call these functions.
**
** A person is an e-mail address (folded to lower case), an institution a
** name (folded) in a gmina; both count once per plan or project however
** many events they attend. A sign-up holds a seat only once confirmed by
** its link; the link (a random token, only its hash stored) is also the
** person's way to cancel, see and erase their data.
*/
#ifndef TRAINING_TRAINING_H
#define TRAINING_TRAINING_H

#include <stdbool.h>
#include <stdint.h>

#include "auth/auth.h"

struct arena;
struct buf;
struct db;

/* Event kinds and professional groups: codes and Polish labels,
 * NULL-ended, in the same order. */
extern const char *const training_kinds[], *const training_kind_labels[];
extern const char *const training_groups[], *const training_group_labels[];
extern const char *const training_inst_kinds[],
    *const training_inst_kind_labels[];
/* Whether s is one of the NULL-ended codes. */
bool training_one_of(const char *const *codes, const char *s);
/* The label of code in codes (labels in the same order), or code. */
const char *training_label(const char *const *codes, const char *const *labels,
                           const char *code);

struct training {
    int64_t id;
    int64_t plan_id; /* 0: serves no plan */
    const char *region, *kind, *title, *date_from, *date_to;
    const char *gmina, *gmina_name, *place;
    const char *groups; /* group codes joined by ',' */
    const char *task;   /* task number of a yearly plan, or "" */
    int64_t capacity;
    int64_t confirmed, waiting; /* sign-ups now */
};

/* "2024-03-05", or "2024-03-05 – 2024-03-06" for several days (arena). */
const char *training_dates_text(struct arena *a, const struct training *t);
/* Today's date in Warsaw, ISO (arena). */
const char *training_today_iso(struct arena *a);

/* Events of region (NULL: every region), by first day: count or < 0. */
int training_list(struct db *db, struct arena *a, const char *region,
                  struct training **out);
/* Event id: 0, ERR_NOTFOUND or ERR_DB. */
int training_get(struct db *db, struct arena *a, int64_t id,
                 struct training *out);

/*
** Check and store a new event t (t->region set by the caller): every
** problem appends a Polish message naming the field to *errs. The plan, if
** any, must be of t->region, and a task number must be one of the yearly
** plan's tasks. One audit row ("training.create"). 0 with t->id,
** ERR_INPUT with *errs and *nerrs, ERR_DB.
*/
int training_create(struct db *db, struct arena *a,
                    const struct audit_entry *who, struct training *t,
                    const char ***errs, int *nerrs);

/* What a person types into the sign-up form. */
struct training_signup_in {
    const char *name, *email;
    int64_t dir_org;            /* an institution of the directory, or 0 */
    const char *org, *org_kind; /* typed, when dir_org is 0 */
    const char *gmina;          /* TERYT code of the institution's gmina */
    const char *group;
    bool consent;
};

/*
** Sign up for event training_id: checks every field (Polish messages
** naming it into *errs), stores the sign-up unconfirmed with its
** retention date, the confirmation e-mail (a link under base_url) in the outbox
*and one audit row without personal
** data ("training.signup"), all or nothing. *token (arena) is the person's
** link. 0, ERR_INPUT, ERR_CONFLICT (the e-mail already signed up, message in
** *errs), ERR_NOTFOUND, ERR_DB.
*/
int training_signup(struct db *db, struct arena *a,
                    const struct audit_entry *who, int64_t training_id,
                    const struct training_signup_in *in, const char *base_url,
                    const char **token, const char ***errs, int *nerrs);

struct training_signup {
    int64_t id, training_id, institution_id;
    const char *name, *email, *pgroup, *status, *created_at, *keep_until;
    const char *institution, *inst_kind, *inst_gmina;
    const char *certificate; /* number, or NULL */
    int64_t days;            /* days attended */
    bool has_test;
    int64_t before_pts, after_pts, max_points;
};

/* The sign-up of a person's link: 0, ERR_NOTFOUND, ERR_DB. */
int training_signup_by_token(struct db *db, struct arena *a, const char *token,
                             struct training_signup *out);
/*
** Confirm (the link opened and the button pressed): a seat while the
** event has one, else the waiting list; the e-mail saying which goes to
** the outbox. Confirming twice changes nothing. One audit row
** ("training.confirm"). 0, ERR_NOTFOUND, ERR_DB.
*/
int training_confirm(struct db *db, struct arena *a,
                     const struct audit_entry *who, const char *token,
                     const char *base_url);
/*
** Cancel by the person's link; a freed seat goes to the first person of
** the waiting list (by the time of confirmation), who is told by e-mail.
** Audit rows "training.cancel" and "training.promote". 0, ERR_NOTFOUND,
** ERR_DB.
*/
int training_cancel(struct db *db, struct arena *a,
                    const struct audit_entry *who, const char *token,
                    const char *base_url);
/*
** Erase the person's sign-up (with attendance, test and certificate) by
** their link, unless it is needed for the settlement of an EU project
** (attended an event serving a project card): then ERR_CONFLICT and
** *keep_until. Audit row "training.erase" without personal data. A seat
** freed goes on as by training_cancel, its e-mail's link under base_url.
*/
int training_erase(struct db *db, struct arena *a,
                   const struct audit_entry *who, const char *token,
                   const char *base_url, const char **keep_until);
/* Remove every sign-up kept past its retention date (before today, an
 * ISO date), with one audit row ("training.purge"): 0 with *n, ERR_DB. */
int training_purge(struct db *db, const char *today, int64_t *n);

/* Sign-ups of event id that are confirmed, waiting or not confirmed yet,
 * by name: count or < 0. */
int training_signups(struct db *db, struct arena *a, int64_t id,
                     struct training_signup **out);
/*
** Set attendance of event id on day (one of its days) to exactly the
** sign-ups present[0..n) (confirmed ones of this event); one audit row
** ("training.attendance"). 0, ERR_INPUT, ERR_DB.
*/
int training_attendance_set(struct db *db, const struct audit_entry *who,
                            int64_t id, const char *day, const int64_t *present,
                            int n);
/* Days attended by each sign-up of id, per day, into *days (arena): the
 * "signup_id day" pairs as a count or < 0. */
struct training_att {
    int64_t signup_id;
    const char *day;
};
int training_attendance(struct db *db, struct arena *a, int64_t id,
                        struct training_att **out);
/* Store the knowledge test of signup_id (of event id); before < 0 clears
 * it. One audit row ("training.test"). 0, ERR_NOTFOUND, ERR_DB. */
int training_test_set(struct db *db, const struct audit_entry *who, int64_t id,
                      int64_t signup_id, int64_t before, int64_t after,
                      int64_t max);
/* Issue a certificate to every confirmed sign-up of id present on at least
 * one day and without one: numbers "SZK-YYYY-NNNNNN". 0 with *n, ERR_DB. */
int training_certificates_issue(struct db *db, const struct audit_entry *who,
                                int64_t id, int *n);

/* A certificate for the public check: number, person, event. */
struct training_cert {
    const char *number, *person, *issued_at, *region;
    struct training t;
};
/* Certificate number: 0, ERR_NOTFOUND, ERR_DB. */
int training_cert_get(struct db *db, struct arena *a, const char *number,
                      struct training_cert *out);

/* An institution of the directory a participant may choose. */
struct training_org {
    int64_t id;
    const char *name, *city;
};
/* The directory's institutions of region, by name: count or < 0. */
int training_dir_orgs(struct db *db, struct arena *a, const char *region,
                      struct training_org **out);

/* One audit row ("training.export") for the export of event id's n
 * participants for the EU project's monitoring: 0 or ERR_DB. */
int training_export_audit(struct db *db, struct arena *a,
                          const struct audit_entry *who, int64_t id, int n);

/* ---- LPDI register (training_lpdi_store.c) ---- */

/* A local government of a region and its local plan of
 * deinstitutionalisation, if recorded. */
struct training_lpdi {
    const char *unit;        /* TERYT: gmina 7 digits, powiat 4 */
    const char *name;        /* as TERYT names it */
    bool powiat;             /* a powiat (else a gmina, cities included) */
    const char *powiat_code; /* the gmina's powiat, or the powiat itself */
    bool recorded, adopted;
    const char *adopted_on, *resolution, *url; /* "" when none */
};
/*
** The local governments of region: every gmina (a city with powiat rights
** is one local government, counted as its gmina) and every powiat that is
** not such a city, gminas first, by code; each with its plan when
** recorded. The count (the denominator of the share) or < 0.
*/
int training_lpdi_units(struct db *db, struct arena *a, const char *region,
                        struct training_lpdi **out);
/*
** Record the plan of unit (one of training_lpdi_units of region): adopted
** needs its date (ISO) and resolution; the link, if any, must be http(s).
** Each problem appends a Polish message naming the field to *errs. One
** audit row ("training.lpdi", before/after). 0, ERR_INPUT, ERR_DB.
*/
int training_lpdi_set(struct db *db, struct arena *a,
                      const struct audit_entry *who, const char *region,
                      const char *unit, bool adopted, const char *adopted_on,
                      const char *resolution, const char *url,
                      const char ***errs, int *nerrs);
/* How many of region's local governments have an adopted plan, how many
 * there are and how many are recorded (adopted or not): 0 or < 0. */
int training_lpdi_share(struct db *db, struct arena *a, const char *region,
                        int64_t *adopted, int64_t *total, int64_t *recorded);

/* ---- counting (training_count_store.c) ---- */

enum training_measure {
    TM_NONE = 0,
    TM_PERSONS,      /* persons supported, once each */
    TM_INSTITUTIONS, /* their institutions, once each */
    TM_QUALIFIED,    /* persons whose test after beats the one before */
    TM_EVENTS,       /* events held (someone present) */
    TM_GROUP,        /* persons of one professional group */
    TM_LPDI,         /* % of local governments with an adopted LPDI */
};

/* Where the figure an indicator shows comes from (the one rule). */
enum training_source {
    TS_NONE = 0, /* no records and nothing entered */
    TS_COUNTED,  /* counted from the records (value) */
    TS_ENTERED,  /* no records: the approved values entered by hand */
};

/* "persons", "institutions", "qualified", "events", "group" or "none". */
const char *training_measure_name(enum training_measure m);
/* "counted", "entered" or NULL (none): the API's name of a source. */
const char *training_source_name(enum training_source s);

/* A plan indicator with what the records count for it. */
struct training_indicator {
    int pos;                 /* indicator position in the plan */
    const char *name, *task; /* task number, "" for a project result */
    bool has_target;
    int64_t target; /* the multi-year target of a card, else the year's */
    enum training_measure measure;
    const char *group; /* TM_GROUP: its code */
    bool has_value;
    int64_t value;
    int64_t numerator, denominator; /* TM_LPDI: value = their % */
    /* TM_QUALIFIED: numerator = those by the online test, the rest by
     * points typed from a paper test */
    const char *how; /* Polish */
    /* The figure every page shows (project page, annual report, API). */
    enum training_source source;
    int64_t figure;
};
/* Institutions counted, by kind. */
struct training_kind_count {
    const char *kind;
    int64_t n;
};

/*
** The indicators of plan_id (a yearly plan or a project card) with the
** values counted from the events that serve it (a yearly plan's by task
** number): what each counts is read from its name (V_TR_* words) and said
** in how. An indicator no event serves yet has no value (has_value false).
** The one rule of which figure an indicator shows, for the project page,
** the annual report and the API alike (source, figure): the count from the
** records where records exist (an event serves the indicator's task or
** card; the LPDI register has a row), else the sum of the approved values
** entered by hand (TS_ENTERED, shown as such), else none. *by_kind: the
** institutions counted for the whole plan, by kind.
** Returns the number of indicators, ERR_NOTFOUND, ERR_DB.
*/
int training_plan_indicators(struct db *db, struct arena *a, int64_t plan_id,
                             struct training_indicator **out,
                             struct training_kind_count **by_kind, int *nkinds);

/* ---- training_pdf.c ---- */

/* The attendance list of t with signature lines, one page per day. */
int training_attendance_pdf(struct arena *a, const struct training *t,
                            const struct training_signup *s, int n,
                            struct buf *out);
/* The certificates of the sign-ups that have one, one per page. */
int training_certificates_pdf(struct arena *a, const struct training *t,
                              const struct training_signup *s, int n,
                              const char *issuer, const char *verify_base,
                              struct buf *out);

#endif
