/*
** The trainings' store: events, sign-ups with their links, the waiting
** list, attendance, tests, certificates and the e-mail outbox. Every
** change is one transaction with its audit row; audit rows name sign-ups
** by id only, so that erasing a person leaves no personal data behind.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/random.h"
#include "core/str.h"
#include "core/warsaw.h"
#include "db/db.h"
#include "monitoring/monitoring.h"
#include "directory/directory.h"
#include "plan/plan_store.h"
#include "teryt/teryt.h"
#include "training/strings_pl.h"
#include "training/training.h"

#define NAME_MAX_LEN 200
#define TITLE_MAX_LEN 300
#define EMAIL_MAX_LEN 254
#define CAPACITY_MAX 10000
#define DAYS_MAX 31
/* Personal data are kept to the end of the fifth year after the event's. */
#define KEEP_YEARS 5

const char *const training_kinds[] = {"training",    "conference",  "workshop",
                                      "supervision", "study_visit", NULL};
const char *const training_kind_labels[] = {
    T_TR_KIND_TRAINING,    T_TR_KIND_CONFERENCE,  T_TR_KIND_WORKSHOP,
    T_TR_KIND_SUPERVISION, T_TR_KIND_STUDY_VISIT, NULL};
const char *const training_groups[] = {"team",      "gkrpa",  "teachers",
                                       "probation", "police", "social",
                                       "other",     NULL};
const char *const training_group_labels[] = {
    T_TR_GROUP_TEAM,     T_TR_GROUP_GKRPA,
    T_TR_GROUP_TEACHERS, T_TR_GROUP_PROBATION,
    T_TR_GROUP_POLICE,   T_TR_GROUP_SOCIAL,
    T_TR_GROUP_OTHER,    NULL};
const char *const training_inst_kinds[] = {
    "gmina",   "powiat", "ops",    "pcpr",  "cus",   "ngo", "oik",
    "adopcja", "school", "police", "court", "other", NULL};
const char *const training_inst_kind_labels[] = {T_TR_INST_GMINA,
                                                 T_TR_INST_POWIAT,
                                                 T_TR_INST_OPS,
                                                 T_TR_INST_PCPR,
                                                 T_TR_INST_CUS,
                                                 T_TR_INST_NGO,
                                                 T_TR_INST_OIK,
                                                 T_TR_INST_ADOPTION,
                                                 T_TR_INST_SCHOOL,
                                                 T_TR_INST_POLICE,
                                                 T_TR_INST_COURT,
                                                 T_TR_INST_OTHER,
                                                 NULL};

bool
training_one_of(const char *const *codes, const char *s)
{
    int i;

    for (i = 0; s != NULL && codes[i] != NULL; i++) {
        if (strcmp(codes[i], s) == 0) {
            return true;
        }
    }
    return false;
}

const char *
training_label(const char *const *codes, const char *const *labels,
               const char *code)
{
    int i;

    for (i = 0; code != NULL && codes[i] != NULL; i++) {
        if (strcmp(codes[i], code) == 0) {
            return labels[i];
        }
    }
    return code ? code : "";
}

static void
training_row(struct arena *a, db_stmt *st, void *elem)
{
    struct training *t = elem;

    t->id = db_col_int(st, 0);
    t->plan_id = db_col_int(st, 1);
    t->region = db_col_text_dup(a, st, 2);
    t->kind = db_col_text_dup(a, st, 3);
    t->title = db_col_text_dup(a, st, 4);
    t->date_from = db_col_text_dup(a, st, 5);
    t->date_to = db_col_text_dup(a, st, 6);
    t->gmina = db_col_text_dup(a, st, 7);
    t->gmina_name = db_col_text_dup(a, st, 8);
    t->place = db_col_text_dup(a, st, 9);
    t->groups = db_col_text_dup(a, st, 10);
    t->task = db_col_text_dup(a, st, 11);
    t->capacity = db_col_int(st, 12);
    t->confirmed = db_col_int(st, 13);
    t->waiting = db_col_int(st, 14);
}

int
training_list(struct db *db, struct arena *a, const char *region,
              struct training **out)
{
    db_stmt *st = db_query(db, Q_TR_LIST);

    db_bind_text(st, 1, region);
    return db_list(st, a, sizeof(**out), training_row, out);
}

int
training_get(struct db *db, struct arena *a, int64_t id, struct training *out)
{
    memset(out, 0, sizeof(*out));
    return db_get(db_query_id(db, Q_TR_GET, id), a, training_row, out);
}

/* Days from ISO date a to b (b - a), or -1 when either is no date. */
static int
days_between(const char *a, const char *b)
{
    struct tm ta = {0}, tb = {0};

    if (!str_date_valid(a) || !str_date_valid(b)) {
        return -1;
    }
    ta.tm_year = atoi(a) - 1900;
    ta.tm_mon = atoi(a + 5) - 1;
    ta.tm_mday = atoi(a + 8);
    tb.tm_year = atoi(b) - 1900;
    tb.tm_mon = atoi(b + 5) - 1;
    tb.tm_mday = atoi(b + 8);
    return (int)((timegm(&tb) - timegm(&ta)) / 86400);
}

/* Whether every ','-separated code of list is a group, and one at least. */
static bool
groups_ok(struct arena *a, const char *list)
{
    char *s = arena_strdup(a, list ? list : ""), *save = NULL, *p;
    int n = 0;

    for (p = strtok_r(s, ",", &save); p != NULL;
         p = strtok_r(NULL, ",", &save)) {
        if (!training_one_of(training_groups, p)) {
            return false;
        }
        n++;
    }
    return n > 0;
}

/* Whether the plan's task numbers include task. */
static bool
plan_has_task(const struct plan *p, const char *task)
{
    int i;

    for (i = 0; i < p->ntasks; i++) {
        if (p->tasks[i].number != NULL &&
            strcmp(p->tasks[i].number, task) == 0) {
            return true;
        }
    }
    return false;
}

static int
event_plan_check(struct db *db, struct arena *a, struct training *t,
                 const char ***errs, int *nerrs)
{
    struct plan *p;
    struct plan_meta meta;

    if (t->plan_id == 0) {
        t->task = "";
        return 0;
    }
    if (plan_store_load(db, a, t->plan_id, &p, &meta) != 0 ||
        strcmp(meta.region, t->region) != 0) {
        mon_add_err(a, errs, nerrs, T_TR_ERR_PLAN);
        return 0;
    }
    if (p->kind == PLAN_YEARLY ? !plan_has_task(p, t->task)
                               : t->task[0] != '\0') {
        mon_add_err(a, errs, nerrs, T_TR_ERR_TASK);
    }
    return 0;
}

int
training_create(struct db *db, struct arena *a, const struct audit_entry *who,
                struct training *t, const char ***errs, int *nerrs)
{
    struct teryt_gmina g;
    struct audit_entry e = *who;
    char now[UTC_STAMP_SIZE];
    int days = days_between(t->date_from, t->date_to), rc;
    db_stmt *st;

    *nerrs = 0;
    t->title = str_trim(a, t->title ? t->title : "");
    t->place = str_trim(a, t->place ? t->place : "");
    t->task = str_trim(a, t->task ? t->task : "");
    if (t->title[0] == '\0' || strlen(t->title) > TITLE_MAX_LEN) {
        mon_add_err(a, errs, nerrs, T_TR_ERR_TITLE);
    }
    if (!training_one_of(training_kinds, t->kind)) {
        mon_add_err(a, errs, nerrs, T_TR_ERR_KIND);
    }
    if (days < 0 || days >= DAYS_MAX) {
        mon_add_err(a, errs, nerrs, T_TR_ERR_DATES);
    }
    if (t->gmina == NULL || teryt_gmina_get(db, a, t->gmina, &g) != 0 ||
        strcmp(g.woj_code, t->region) != 0) {
        mon_add_err(a, errs, nerrs, T_TR_ERR_TGMINA);
    }
    if (t->capacity < 1 || t->capacity > CAPACITY_MAX) {
        mon_add_err(a, errs, nerrs, T_TR_ERR_CAPACITY);
    }
    if (!groups_ok(a, t->groups)) {
        mon_add_err(a, errs, nerrs, T_TR_ERR_GROUPS);
    }
    if ((rc = event_plan_check(db, a, t, errs, nerrs)) != 0) {
        return rc;
    }
    if (*nerrs > 0) {
        return ERR_INPUT;
    }
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    st = db_query(db, Q_TR_INSERT);
    db_bind_text(st, 1, t->region);
    db_bind_text(st, 2, t->kind);
    db_bind_text(st, 3, t->title);
    db_bind_text(st, 4, t->date_from);
    db_bind_text(st, 5, t->date_to);
    db_bind_text(st, 6, t->gmina);
    db_bind_text(st, 7, t->place);
    db_bind_int(st, 8, t->capacity);
    db_bind_text(st, 9, t->groups);
    if (t->plan_id > 0) {
        db_bind_int(st, 10, t->plan_id);
    } else {
        db_bind_null(st, 10);
    }
    db_bind_text(st, 11, t->task);
    db_bind_text(st, 12, utc_stamp_now(now, false));
    rc = db_one_int(st, &t->id);
    if (rc == 0) {
        e.action = "training.create";
        e.entity = "training";
        e.entity_id = arena_printf(a, "%lld", (long long)t->id);
        e.after = arena_printf(
            a,
            "{\"kind\":\"%s\",\"date_from\":\"%s\",\"date_to\":\"%s\","
            "\"gmina\":\"%s\",\"capacity\":%lld,\"plan_id\":%lld}",
            t->kind, t->date_from, t->date_to, t->gmina, (long long)t->capacity,
            (long long)t->plan_id);
        rc = audit_add(db, &e);
    }
    return db_end(db, rc);
}

/* A syntactically plausible address: one '@', a dot after it, no space. */
static bool
email_ok(const char *s)
{
    const char *at = strchr(s, '@');
    size_t i;

    if (at == NULL || at == s || strchr(at + 1, '@') != NULL ||
        strchr(at, '.') == NULL || strlen(s) > EMAIL_MAX_LEN ||
        at[strlen(at) - 1] == '.') {
        return false;
    }
    for (i = 0; s[i] != '\0'; i++) {
        if ((unsigned char)s[i] <= ' ' || s[i] == '<' || s[i] == '>' ||
            s[i] == '"' || s[i] == ',') {
            return false;
        }
    }
    return true;
}

static const char *
lower_ascii(struct arena *a, const char *s)
{
    char *o = arena_strdup(a, s);
    size_t i;

    for (i = 0; o[i] != '\0'; i++) {
        if (o[i] >= 'A' && o[i] <= 'Z') {
            o[i] = (char)(o[i] - 'A' + 'a');
        }
    }
    return o;
}

/* The kind a directory institution counts as. */
static const char *
kind_of_dir(const char *dir_kind)
{
    if (training_one_of(training_inst_kinds, dir_kind)) {
        return dir_kind;
    }
    return strcmp(dir_kind, "oddzial") == 0 ? "adopcja" : "other";
}

/* The institution's id, stored now when new (same folded name, gmina). */
static int
institution_id(struct db *db, struct arena *a, const char *region,
               const char *name, const char *kind, const char *gmina,
               int64_t dir_org, int64_t *id)
{
    const char *folded = str_fold(a, name);
    db_stmt *st = db_query(db, Q_TR_INST_FIND);
    int rc;

    db_bind_text(st, 1, region);
    db_bind_text(st, 2, folded);
    db_bind_text(st, 3, gmina);
    if ((rc = db_one_int(st, id)) != ERR_NOTFOUND) {
        return rc;
    }
    st = db_query(db, Q_TR_INST_INSERT);
    db_bind_text(st, 1, region);
    db_bind_text(st, 2, name);
    db_bind_text(st, 3, folded);
    db_bind_text(st, 4, kind);
    db_bind_text(st, 5, gmina);
    if (dir_org > 0) {
        db_bind_int(st, 6, dir_org);
    } else {
        db_bind_null(st, 6);
    }
    return db_one_int(st, id);
}

/* A message about sign-up signup, through the one outbox. */
static int
mail(struct db *db, int64_t signup, const char *to, const char *subject,
     const char *body)
{
    return auth_mail_queue(db, "training.signup", signup, to, subject, body);
}

static int
audit_signup(struct db *db, struct arena *a, const struct audit_entry *who,
             const char *action, int64_t signup, int64_t training,
             const char *status)
{
    struct audit_entry e = *who;

    e.action = action;
    e.entity = "training_signup";
    e.entity_id = arena_printf(a, "%lld", (long long)signup);
    e.after = status
                  ? arena_printf(a, "{\"training_id\":%lld,\"status\":\"%s\"}",
                                 (long long)training, status)
                  : NULL;
    return audit_add(db, &e);
}

const char *
training_dates_text(struct arena *a, const struct training *t)
{
    return strcmp(t->date_from, t->date_to) == 0
               ? t->date_from
               : arena_printf(a, "%s – %s", t->date_from, t->date_to);
}

/* Check the sign-up form into *inst (name, kind) and the rest. */
static void
signup_check(struct db *db, struct arena *a, const struct training *t,
             const struct training_signup_in *in, const char **org,
             const char **kind, const char ***errs, int *nerrs)
{
    struct teryt_gmina g;
    struct dir_org o;
    const char *name = str_trim(a, in->name ? in->name : "");
    const char *email = str_trim(a, in->email ? in->email : "");

    if (name[0] == '\0' || strlen(name) > NAME_MAX_LEN) {
        mon_add_err(a, errs, nerrs, T_TR_ERR_NAME);
    }
    if (!email_ok(email)) {
        mon_add_err(a, errs, nerrs, T_TR_ERR_EMAIL);
    }
    *org = NULL;
    *kind = NULL;
    if (in->dir_org > 0) {
        if (dir_org_load(db, a, in->dir_org, &o) != 0 ||
            strcmp(o.region, t->region) != 0) {
            mon_add_err(a, errs, nerrs, T_TR_ERR_ORG_ID);
        } else {
            *org = o.name;
            *kind = kind_of_dir(o.kind);
        }
    } else {
        *org = str_trim(a, in->org ? in->org : "");
        *kind = in->org_kind;
        if ((*org)[0] == '\0' || strlen(*org) > TITLE_MAX_LEN ||
            !training_one_of(training_inst_kinds, *kind)) {
            mon_add_err(a, errs, nerrs, T_TR_ERR_ORG);
        }
    }
    if (in->gmina == NULL || teryt_gmina_get(db, a, in->gmina, &g) != 0) {
        mon_add_err(a, errs, nerrs, T_TR_ERR_GMINA);
    }
    if (!training_one_of(training_groups, in->group)) {
        mon_add_err(a, errs, nerrs, T_TR_ERR_GROUP);
    }
    if (!in->consent) {
        mon_add_err(a, errs, nerrs, T_TR_ERR_CONSENT);
    }
}

const char *
training_today_iso(struct arena *a)
{
    struct tm tm;

    warsaw_tm((int64_t)time(NULL), &tm);
    return arena_printf(a, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                        tm.tm_mday);
}

int
training_signup(struct db *db, struct arena *a, const struct audit_entry *who,
                int64_t training_id, const struct training_signup_in *in,
                const char *base_url, const char **token, const char ***errs,
                int *nerrs)
{
    struct training t;
    const char *org, *kind, *email, *link;
    char now[UTC_STAMP_SIZE];
    int64_t inst, id, dup;
    db_stmt *st;
    int rc;

    *nerrs = 0;
    if ((rc = training_get(db, a, training_id, &t)) != 0) {
        return rc;
    }
    if (strcmp(t.date_to, training_today_iso(a)) < 0) {
        mon_add_err(a, errs, nerrs, T_TR_ERR_OVER);
        return ERR_INPUT;
    }
    signup_check(db, a, &t, in, &org, &kind, errs, nerrs);
    if (*nerrs > 0) {
        return ERR_INPUT;
    }
    email = str_trim(a, in->email);
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    st = db_query(db, Q_TR_SIGNUP_DUP);
    db_bind_int(st, 1, training_id);
    db_bind_text(st, 2, lower_ascii(a, email));
    if ((rc = db_one_int(st, &dup)) != 0) {
        goto done;
    }
    if (dup > 0) {
        mon_add_err(a, errs, nerrs, T_TR_ERR_DUP);
        rc = ERR_CONFLICT;
        goto done;
    }
    if ((rc = institution_id(db, a, t.region, org, kind, in->gmina, in->dir_org,
                             &inst)) != 0) {
        goto done;
    }
    *token = random_token(a);
    st = db_query(db, Q_TR_SIGNUP_INSERT);
    db_bind_int(st, 1, training_id);
    db_bind_text(st, 2, str_trim(a, in->name));
    db_bind_text(st, 3, email);
    db_bind_text(st, 4, lower_ascii(a, email));
    db_bind_int(st, 5, inst);
    db_bind_text(st, 6, in->group);
    db_bind_text(st, 7, auth_token_hash(a, *token));
    db_bind_text(st, 8, utc_stamp_now(now, false));
    db_bind_text(st, 9,
                 arena_printf(a, "%04d-12-31", atoi(t.date_to) + KEEP_YEARS));
    if ((rc = db_one_int(st, &id)) != 0) {
        goto done;
    }
    link = arena_printf(a, "%s/szkolenia/zgloszenie/%s", base_url, *token);
    if ((rc = mail(db, id, email,
                   arena_printf(a, T_TR_MAIL_CONFIRM_SUBJ, t.title),
                   arena_printf(a, T_TR_MAIL_CONFIRM, t.title,
                                training_dates_text(a, &t), link))) != 0) {
        goto done;
    }
    rc = audit_signup(db, a, who, "training.signup", id, training_id,
                      "unconfirmed");
done:
    return db_end(db, rc);
}

static void
signup_row(struct arena *a, db_stmt *st, void *elem)
{
    struct training_signup *s = elem;

    s->id = db_col_int(st, 0);
    s->training_id = db_col_int(st, 1);
    s->institution_id = db_col_int(st, 2);
    s->name = db_col_text_dup(a, st, 3);
    s->email = db_col_text_dup(a, st, 4);
    s->pgroup = db_col_text_dup(a, st, 5);
    s->status = db_col_text_dup(a, st, 6);
    s->created_at = db_col_text_dup(a, st, 7);
    s->keep_until = db_col_text_dup(a, st, 8);
    s->institution = db_col_text_dup(a, st, 9);
    s->inst_kind = db_col_text_dup(a, st, 10);
    s->inst_gmina = db_col_text_dup(a, st, 11);
    s->certificate = db_col_text_dup_or_null(a, st, 12);
    s->days = db_col_int(st, 13);
    s->has_test = db_col_int(st, 14) != 0;
    s->before_pts = db_col_int(st, 15);
    s->after_pts = db_col_int(st, 16);
    s->max_points = db_col_int(st, 17);
}

int
training_signup_by_token(struct db *db, struct arena *a, const char *token,
                         struct training_signup *out)
{
    db_stmt *st;

    memset(out, 0, sizeof(*out));
    if (token == NULL || strlen(token) != RANDOM_TOKEN_HEX) {
        return ERR_NOTFOUND;
    }
    st = db_query(db, Q_TR_SIGNUP_BY_TOKEN);
    db_bind_text(st, 1, auth_token_hash(a, token));
    return db_get(st, a, signup_row, out);
}

int
training_signups(struct db *db, struct arena *a, int64_t id,
                 struct training_signup **out)
{
    return db_list(db_query_id(db, Q_TR_SIGNUPS, id), a, sizeof(**out),
                   signup_row, out);
}

static int
set_status(struct db *db, int64_t id, const char *status, const char *queued)
{
    db_stmt *st = db_query(db, Q_TR_SIGNUP_SET);

    db_bind_int(st, 1, id);
    db_bind_text(st, 2, status);
    db_bind_text(st, 3, queued);
    return db_exec(st);
}

int
training_confirm(struct db *db, struct arena *a, const struct audit_entry *who,
                 const char *token, const char *base_url)
{
    struct training_signup s;
    struct training t;
    char now[UTC_STAMP_SIZE];
    const char *status, *link;
    int rc;

    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    if ((rc = training_signup_by_token(db, a, token, &s)) != 0 ||
        strcmp(s.status, "unconfirmed") != 0 ||
        (rc = training_get(db, a, s.training_id, &t)) != 0) {
        goto done;
    }
    status = t.confirmed < t.capacity ? "confirmed" : "waiting";
    if ((rc = set_status(db, s.id, status, utc_stamp_now(now, true))) != 0) {
        goto done;
    }
    link = arena_printf(a, "%s/szkolenia/zgloszenie/%s", base_url, token);
    rc = strcmp(status, "confirmed") == 0
             ? mail(db, s.id, s.email,
                    arena_printf(a, T_TR_MAIL_SEAT_SUBJ, t.title),
                    arena_printf(a, T_TR_MAIL_SEAT, t.title,
                                 training_dates_text(a, &t), link))
             : mail(db, s.id, s.email,
                    arena_printf(a, T_TR_MAIL_WAIT_SUBJ, t.title),
                    arena_printf(a, T_TR_MAIL_WAIT, t.title,
                                 training_dates_text(a, &t), link));
    if (rc == 0) {
        rc = audit_signup(db, a, who, "training.confirm", s.id, t.id, status);
    }
done:
    return db_end(db, rc);
}

/* Give the seat freed in t to the first of its waiting list, if any. */
static int
promote(struct db *db, struct arena *a, const struct audit_entry *who,
        const struct training *t, const char *base_url)
{
    struct training_signup *list;
    int64_t id;
    int rc, i, n;
    db_stmt *st = db_query_id(db, Q_TR_FIRST_WAITING, t->id);

    if ((rc = db_one_int(st, &id)) != 0) {
        return rc == ERR_NOTFOUND ? 0 : rc;
    }
    if ((rc = set_status(db, id, "confirmed", NULL)) != 0) {
        return rc;
    }
    /* The promoted person's address, for the e-mail. */
    if ((n = training_signups(db, a, t->id, &list)) < 0) {
        return n;
    }
    for (i = 0; i < n && list[i].id != id; i++) {
    }
    if (i < n &&
        (rc = mail(db, id, list[i].email,
                   arena_printf(a, T_TR_MAIL_SEAT_SUBJ, t->title),
                   arena_printf(a, T_TR_MAIL_SEAT, t->title,
                                training_dates_text(a, t),
                                arena_printf(a, "%s/szkolenia/%lld", base_url,
                                             (long long)t->id)))) != 0) {
        return rc;
    }
    return audit_signup(db, a, who, "training.promote", id, t->id, "confirmed");
}

int
training_cancel(struct db *db, struct arena *a, const struct audit_entry *who,
                const char *token, const char *base_url)
{
    struct training_signup s;
    struct training t;
    bool had_seat;
    int rc;

    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    if ((rc = training_signup_by_token(db, a, token, &s)) != 0 ||
        strcmp(s.status, "cancelled") == 0 ||
        (rc = training_get(db, a, s.training_id, &t)) != 0) {
        goto done;
    }
    had_seat = strcmp(s.status, "confirmed") == 0;
    if ((rc = db_exec(db_query_id(db, Q_TR_SIGNUP_CANCEL, s.id))) != 0 ||
        (rc = audit_signup(db, a, who, "training.cancel", s.id, t.id,
                           "cancelled")) != 0) {
        goto done;
    }
    if (had_seat) {
        rc = promote(db, a, who, &t, base_url);
    }
done:
    return db_end(db, rc);
}

int
training_erase(struct db *db, struct arena *a, const struct audit_entry *who,
               const char *token, const char *base_url, const char **keep_until)
{
    struct training_signup s;
    struct training t;
    struct plan *p;
    struct plan_meta meta;
    int64_t attended = 0;
    db_stmt *st;
    int rc;

    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    if ((rc = training_signup_by_token(db, a, token, &s)) != 0 ||
        (rc = training_get(db, a, s.training_id, &t)) != 0) {
        goto done;
    }
    st = db_query_id(db, Q_TR_SIGNUP_ATTENDED_PROJECT, s.id);
    if ((rc = db_one_int(st, &attended)) != 0) {
        goto done;
    }
    if (attended > 0 && t.plan_id > 0 &&
        plan_store_load(db, a, t.plan_id, &p, &meta) == 0 &&
        p->kind == PLAN_PROJECT) {
        *keep_until = s.keep_until;
        rc = ERR_CONFLICT;
        goto done;
    }
    if ((rc = db_exec(db_query_id(db, Q_TR_SIGNUP_DELETE, s.id))) != 0 ||
        (rc = auth_mail_forget(db, "training.signup", s.id, NULL)) != 0) {
        goto done;
    }
    rc = audit_signup(db, a, who, "training.erase", s.id, t.id, NULL);
    if (rc == 0 && strcmp(s.status, "confirmed") == 0) {
        rc = promote(db, a, who, &t, base_url);
    }
done:
    return db_end(db, rc);
}

int
training_purge(struct db *db, const char *before, int64_t *n)
{
    struct audit_entry e = {0};
    db_stmt *st;
    int rc;
    char after[64];

    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    st = db_query(db, Q_TR_PURGE_COUNT);
    db_bind_text(st, 1, before);
    if ((rc = db_one_int(st, n)) != 0) {
        goto done;
    }
    st = db_query(db, Q_TR_PURGE);
    db_bind_text(st, 1, before);
    if ((rc = db_exec(st)) != 0) {
        goto done;
    }
    snprintf(after, sizeof(after), "{\"removed\":%lld}", (long long)*n);
    e.via = "cli";
    e.action = "training.purge";
    e.entity = "training_signup";
    e.entity_id = before;
    e.after = after;
    rc = audit_add(db, &e);
done:
    return db_end(db, rc);
}

int
training_attendance_set(struct db *db, const struct audit_entry *who,
                        int64_t id, const char *day, const int64_t *present,
                        int n)
{
    struct audit_entry e = *who;
    struct training t;
    struct arena a;
    db_stmt *st;
    int rc, i;

    arena_init(&a);
    if ((rc = training_get(db, &a, id, &t)) != 0) {
        goto out;
    }
    if (!str_date_valid(day) || strcmp(day, t.date_from) < 0 ||
        strcmp(day, t.date_to) > 0) {
        rc = ERR_INPUT;
        goto out;
    }
    if ((rc = db_begin(db)) != 0) {
        goto out;
    }
    st = db_query(db, Q_TR_ATT_CLEAR);
    db_bind_int(st, 1, id);
    db_bind_text(st, 2, day);
    rc = db_exec(st);
    for (i = 0; rc == 0 && i < n; i++) {
        st = db_query(db, Q_TR_ATT_ADD);
        db_bind_int(st, 1, id);
        db_bind_int(st, 2, present[i]);
        db_bind_text(st, 3, day);
        rc = db_exec(st);
    }
    if (rc == 0) {
        e.action = "training.attendance";
        e.entity = "training";
        e.entity_id = arena_printf(&a, "%lld", (long long)id);
        e.after = arena_printf(&a, "{\"day\":\"%s\",\"present\":%d}", day, n);
        rc = audit_add(db, &e);
    }
    rc = db_end(db, rc);
out:
    arena_free(&a);
    return rc;
}

static void
att_row(struct arena *a, db_stmt *st, void *elem)
{
    struct training_att *x = elem;

    x->signup_id = db_col_int(st, 0);
    x->day = db_col_text_dup(a, st, 1);
}

int
training_attendance(struct db *db, struct arena *a, int64_t id,
                    struct training_att **out)
{
    return db_list(db_query_id(db, Q_TR_ATT_LIST, id), a, sizeof(**out),
                   att_row, out);
}

int
training_test_set(struct db *db, const struct audit_entry *who, int64_t id,
                  int64_t signup_id, int64_t before, int64_t after, int64_t max)
{
    struct audit_entry e = *who;
    char eid[32], json[96];
    int64_t found;
    db_stmt *st;
    int rc;

    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    st = db_query(db, Q_TR_SIGNUP_OF);
    db_bind_int(st, 1, signup_id);
    db_bind_int(st, 2, id);
    if ((rc = db_one_int(st, &found)) != 0) {
        goto done;
    }
    if (found == 0) {
        rc = ERR_NOTFOUND;
        goto done;
    }
    if (before < 0) {
        rc = db_exec(db_query_id(db, Q_TR_TEST_CLEAR, signup_id));
    } else {
        st = db_query(db, Q_TR_TEST_SET);
        db_bind_int(st, 1, signup_id);
        db_bind_int(st, 2, before);
        db_bind_int(st, 3, after);
        db_bind_int(st, 4, max);
        rc = db_exec(st);
    }
    if (rc == 0) {
        snprintf(eid, sizeof(eid), "%lld", (long long)signup_id);
        snprintf(json, sizeof(json),
                 "{\"before\":%lld,\"after\":%lld,\"max\":%lld}",
                 (long long)before, (long long)after, (long long)max);
        e.action = "training.test";
        e.entity = "training_signup";
        e.entity_id = eid;
        e.after = before < 0 ? NULL : json;
        rc = audit_add(db, &e);
    }
done:
    return db_end(db, rc);
}

int
training_certificates_issue(struct db *db, const struct audit_entry *who,
                            int64_t id, int *n)
{
    struct audit_entry e = *who;
    struct training t;
    struct arena a;
    int64_t *due = NULL, next;
    char now[UTC_STAMP_SIZE];
    const char *prefix;
    db_stmt *st;
    int rc, i, k = 0;

    *n = 0;
    arena_init(&a);
    if ((rc = db_begin(db)) != 0) {
        goto out;
    }
    if ((rc = training_get(db, &a, id, &t)) != 0) {
        goto done;
    }
    st = db_query_id(db, Q_TR_CERT_DUE, id);
    while ((rc = db_step(st)) == DB_ROW) {
        due = arena_grow(&a, due, k, sizeof(*due));
        due[k++] = db_col_int(st, 0);
    }
    db_done(st);
    if (rc != DB_DONE) {
        goto done;
    }
    rc = 0;
    prefix = arena_printf(&a, "SZK-%.4s-", t.date_to);
    st = db_query(db, Q_TR_CERT_NEXT);
    db_bind_text(st, 1, arena_printf(&a, "%s%%", prefix));
    if ((rc = db_one_int(st, &next)) != 0) {
        goto done;
    }
    utc_stamp_now(now, false);
    for (i = 0; rc == 0 && i < k; i++) {
        st = db_query(db, Q_TR_CERT_INSERT);
        db_bind_text(st, 1,
                     arena_printf(&a, "%s%06lld", prefix, (long long)next++));
        db_bind_int(st, 2, due[i]);
        db_bind_text(st, 3, now);
        rc = db_exec(st);
    }
    if (rc == 0) {
        e.action = "training.certificates";
        e.entity = "training";
        e.entity_id = arena_printf(&a, "%lld", (long long)id);
        e.after = arena_printf(&a, "{\"issued\":%d}", k);
        rc = audit_add(db, &e);
        *n = k;
    }
done:
    rc = db_end(db, rc);
out:
    arena_free(&a);
    return rc;
}

int
training_cert_get(struct db *db, struct arena *a, const char *number,
                  struct training_cert *out)
{
    db_stmt *st = db_query(db, Q_TR_CERT_GET);
    int64_t tid;
    int rc;

    memset(out, 0, sizeof(*out));
    db_bind_text(st, 1, number);
    if ((rc = db_one_row(st)) != 0) {
        return rc;
    }
    out->number = db_col_text_dup(a, st, 0);
    out->person = db_col_text_dup(a, st, 1);
    out->issued_at = db_col_text_dup(a, st, 2);
    tid = db_col_int(st, 3);
    db_done(st);
    return training_get(db, a, tid, &out->t);
}

int
training_dir_orgs(struct db *db, struct arena *a, const char *region,
                  struct training_org **out)
{
    db_stmt *st = dir_org_list(db, region, false);
    struct training_org *v = NULL;
    int n = 0, rc;

    /* Q_DIR_ORG_LIST: id, region, kind, name, city, ... */
    while ((rc = db_step(st)) == DB_ROW) {
        v = arena_grow(a, v, n, sizeof(*v));
        v[n].id = db_col_int(st, 0);
        v[n].name = db_col_text_dup(a, st, 3);
        v[n].city = db_col_text_dup(a, st, 4);
        n++;
    }
    db_done(st);
    *out = v;
    return rc == DB_DONE ? n : rc;
}

int
training_export_audit(struct db *db, struct arena *a,
                      const struct audit_entry *who, int64_t id, int n)
{
    struct audit_entry e = *who;

    e.action = "training.export";
    e.entity = "training";
    e.entity_id = arena_printf(a, "%lld", (long long)id);
    e.after = arena_printf(a, "{\"participants\":%d}", n);
    return audit_add(db, &e);
}
