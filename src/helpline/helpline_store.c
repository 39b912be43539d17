/*
** Niebieska Linia (issue 6): the register's rules. Checking and storing
** contacts (the code lists are helpline_codes.c's), purging past the retention
*period, agreements with
** gminas, duty schedules, the line's hours in Warsaw time and the counts the
** monitoring part reads. No HTML here (pages in helpline_pages.c), and the
** sensitive note of a contact is never written to a log or an audit row.
*/
#include "helpline.h"

#include <stdio.h>
#include <string.h>

#include "auth/auth.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/str.h"
#include "core/warsaw.h"
#include "db/db.h"
#include "directory/directory.h"
#include "html/strings_pl.h"
#include "helpline/strings_pl.h"
#include "teryt/teryt.h"

static bool
digits(const char *s, int n)
{
    int i;

    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
    }
    return true;
}

/* HH:MM with HH 00..23 and MM 00..59. */
static bool
time_valid(const char *s)
{
    return s != NULL && strlen(s) == 5 && digits(s, 2) && s[2] == ':' &&
           digits(s + 3, 2) && (s[0] - '0') * 10 + (s[1] - '0') < 24 &&
           s[3] < '6';
}

void
helpline_warsaw_time(time_t t, struct tm *out)
{
    warsaw_tm((int64_t)t, out);
}

bool
helpline_line_open(const struct tm *warsaw)
{
    return warsaw->tm_hour >= 17 && warsaw->tm_hour < 21;
}

static bool
region_valid(const char *s)
{
    return s != NULL && strlen(s) == 2 && digits(s, 2);
}

/* The audit row's who: the caller's account, via and address; the CLI's
   when none is given. */
static struct audit_entry
whom(const struct audit_entry *who)
{
    struct audit_entry e = {0};

    if (who != NULL) {
        e = *who;
    }
    if (e.via == NULL) {
        e.via = "cli";
    }
    return e;
}

/* Local "now" as YYYY-MM-DDTHH:MM, to refuse contacts in the future. */
static void
now_local(char *out, size_t n, long ahead)
{
    struct tm tm;

    helpline_warsaw_time(time(NULL) + ahead, &tm);
    snprintf(out, n, "%04d-%02d-%02dT%02d:%02d", tm.tm_year + 1900,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
}

/*
** Each institution of a contact's referrals: listed once, of the contact's
** region and serving its gmina (the directory's coverage rule).
*/
static int
check_institutions(struct db *db, const struct helpline_contact *c,
                   const char **why)
{
    struct dir_serving org;
    struct arena a;
    int i, j, rc = 0;

    if (c->ninstitutions == 0) {
        return 0;
    }
    if (c->ninstitutions < 0 || c->ninstitutions > HELPLINE_INSTITUTIONS_MAX ||
        c->institutions == NULL) {
        *why = T_HL_ERR_INST_MANY;
        return ERR_INPUT;
    }
    if (c->gmina == NULL) {
        *why = T_HL_ERR_INST_GMINA;
        return ERR_INPUT;
    }
    arena_init(&a);
    for (i = 0; i < c->ninstitutions && rc == 0; i++) {
        for (j = 0; j < i; j++) {
            if (c->institutions[j] == c->institutions[i]) {
                *why = T_HL_ERR_INST_MANY;
                rc = ERR_INPUT;
            }
        }
        if (rc == 0) {
            rc = dir_org_serving(db, &a, c->institutions[i], c->gmina,
                                 c->region, &org);
        }
        if (rc == ERR_NOTFOUND) {
            *why = T_HL_ERR_INST;
            rc = ERR_INPUT;
        }
    }
    arena_free(&a);
    return rc;
}

/* Store the referral rows of contact id, inside the caller's transaction. */
static int
store_institutions(struct db *db, const struct helpline_contact *c, int64_t id,
                   struct buf *ids)
{
    struct dir_serving org;
    struct arena a;
    int i, rc = 0;

    arena_init(&a);
    for (i = 0; i < c->ninstitutions; i++) {
        db_stmt *ins;

        rc = dir_org_serving(db, &a, c->institutions[i], c->gmina, c->region,
                             &org);
        if (rc != 0) {
            /* Gone since the check: the directory changed meanwhile. */
            rc = rc == ERR_NOTFOUND ? ERR_CONFLICT : rc;
            break;
        }
        ins = db_query(db, Q_HELPLINE_REFERRAL_INSERT);
        db_bind_int(ins, 1, id);
        db_bind_int(ins, 2, c->institutions[i]);
        db_bind_text(ins, 3, c->region);
        db_bind_text(ins, 4, c->at);
        db_bind_text(ins, 5, org.name);
        db_bind_text(ins, 6, org.kind);
        if ((rc = db_exec(ins)) != 0) {
            break;
        }
        buf_printf(ids, "%s%lld", i ? "," : "", (long long)c->institutions[i]);
    }
    arena_free(&a);
    return rc;
}

static int
check_contact(struct db *db, const struct helpline_contact *c, const char **why)
{
    char limit[32];

    if (!region_valid(c->region)) {
        *why = T_HL_ERR_REGION;
        return ERR_INPUT;
    }
    if (c->at == NULL || strlen(c->at) != 16 || c->at[10] != 'T' ||
        !time_valid(c->at + 11)) {
        *why = T_HL_ERR_AT;
        return ERR_INPUT;
    }
    {
        char day[11];

        memcpy(day, c->at, 10);
        day[10] = '\0';
        if (!str_date_valid(day)) {
            *why = T_HL_ERR_AT;
            return ERR_INPUT;
        }
    }
    /* A little slack for a clock that runs ahead of the server's. */
    now_local(limit, sizeof(limit), 15 * 60);
    if (strcmp(c->at, limit) > 0) {
        *why = T_HL_ERR_FUTURE;
        return ERR_INPUT;
    }
    if (c->channel < 1 || c->channel > HELPLINE_CHANNELS) {
        *why = T_HL_ERR_CHANNEL;
        return ERR_INPUT;
    }
    if (c->caller < 1 || c->caller > HELPLINE_CALLERS) {
        *why = T_HL_ERR_CALLER;
        return ERR_INPUT;
    }
    if (c->forms >= (1u << HELPLINE_FORMS) ||
        c->harmed >= (1u << HELPLINE_HARMED) ||
        c->help >= (1u << HELPLINE_HELP) ||
        c->referrals >= (1u << HELPLINE_REFERRALS)) {
        *why = T_ERR_BAD_REQUEST;
        return ERR_INPUT;
    }
    if (c->minutes < 0 || c->minutes > 600) {
        *why = T_HL_ERR_MINUTES;
        return ERR_INPUT;
    }
    if (c->note != NULL && (strlen(c->note) > HELPLINE_NOTE_MAX ||
                            !str_utf8_valid(c->note, strlen(c->note)))) {
        *why = T_HL_ERR_NOTE;
        return ERR_INPUT;
    }
    if (c->gmina != NULL) {
        char woj[3];
        int rc = teryt_gmina_woj(db, c->gmina, woj);

        if (rc == ERR_NOTFOUND) {
            *why = T_HL_ERR_GMINA;
            return ERR_INPUT;
        }
        if (rc != 0) {
            return rc;
        }
    }
    return check_institutions(db, c, why);
}

struct contact_add {
    const struct helpline_contact *c;
    int64_t id;
    char ids[32];
    struct buf after, insts;
};

/* Where a contact's columns go: a statement or a bulk load's row. */
struct binder {
    void (*text)(void *to, int n, const char *s); /* NULL binds NULL */
    void (*num)(void *to, int n, int64_t v);
    void *to;
};

static void
stmt_text(void *to, int n, const char *s)
{
    db_bind_text(to, n, s);
}

static void
stmt_num(void *to, int n, int64_t v)
{
    db_bind_int(to, n, v);
}

static void
bulk_text(void *to, int n, const char *s)
{
    db_bulk_text(to, n, s);
}

static void
bulk_num(void *to, int n, int64_t v)
{
    db_bulk_int(to, n, v);
}

/* $1..$12 of Q_HELPLINE_CONTACT_INSERT and _LOAD. */
static void
bind_contact(const struct binder *b, const struct helpline_contact *c)
{
    bool note = c->note != NULL && c->note[0] != '\0';

    b->text(b->to, 1, c->region);
    b->text(b->to, 2, c->at);
    b->num(b->to, 3, c->channel);
    b->num(b->to, 4, c->caller);
    b->text(b->to, 5, c->gmina);
    b->num(b->to, 6, c->forms);
    b->num(b->to, 7, c->harmed);
    b->num(b->to, 8, c->help);
    b->num(b->to, 9, c->referrals);
    if (c->minutes > 0) {
        b->num(b->to, 10, c->minutes);
    } else {
        b->text(b->to, 10, NULL);
    }
    b->text(b->to, 11, note ? c->note : NULL);
    b->text(b->to, 12, c->created_by);
}

int
helpline_store_contact_insert(struct db *db, const struct helpline_contact *c,
                              int64_t *id)
{
    struct binder b = {stmt_text, stmt_num,
                       db_query(db, Q_HELPLINE_CONTACT_INSERT)};

    bind_contact(&b, c);
    return db_one_int(b.to, id);
}

static int
contact_insert(struct db *db, void *ctx, struct audit_entry *e)
{
    struct contact_add *x = ctx;
    const struct helpline_contact *c = x->c;
    bool note = c->note != NULL && c->note[0] != '\0';
    int rc;

    if ((rc = helpline_store_contact_insert(db, c, &x->id)) != 0) {
        return rc;
    }
    snprintf(x->ids, sizeof(x->ids), "%lld", (long long)x->id);
    if ((rc = store_institutions(db, c, x->id, &x->insts)) != 0) {
        return rc;
    }
    /* The note's text stays out of the audit row: only whether it exists. */
    buf_printf(&x->after,
               "{\"region\":\"%s\",\"at\":\"%s\",\"channel\":%d,"
               "\"caller\":%d,\"gmina\":%s%s%s,\"forms\":%u,"
               "\"harmed\":%u,\"help\":%u,\"referrals\":%u,"
               "\"institutions\":[%s],\"minutes\":%d,\"note\":%s}",
               c->region, c->at, c->channel, c->caller, c->gmina ? "\"" : "",
               c->gmina ? c->gmina : "null", c->gmina ? "\"" : "", c->forms,
               c->harmed, c->help, c->referrals,
               x->insts.len ? x->insts.data : "", c->minutes,
               note ? "true" : "false");
    e->entity_id = x->ids;
    e->after = x->after.data;
    return 0;
}

int
helpline_contact_add(struct db *db, const struct helpline_contact *c,
                     const struct audit_entry *who, int64_t *id,
                     const char **why)
{
    struct audit_entry w = whom(who);
    struct contact_add x = {.c = c};
    int rc;

    if ((rc = check_contact(db, c, why)) != 0) {
        return rc;
    }
    buf_init(&x.after);
    buf_init(&x.insts);
    rc = audit_change(db, &w, "helpline.add", "helpline_contact",
                      contact_insert, &x);
    buf_free(&x.after);
    buf_free(&x.insts);
    *id = x.id;
    return rc;
}

struct purge {
    struct arena *a;
    const char *before;
    int64_t n, nref;
};

static int
purge(struct db *db, void *ctx, struct audit_entry *e)
{
    struct purge *x = ctx;
    db_stmt *st;
    int rc;

    st = db_query(db, Q_HELPLINE_PURGE_COUNT);
    db_bind_text(st, 1, x->before);
    if ((rc = db_one_int(st, &x->n)) != 0) {
        return rc;
    }
    st = db_query(db, Q_HELPLINE_REFERRAL_PURGE_COUNT);
    db_bind_text(st, 1, x->before);
    if ((rc = db_one_int(st, &x->nref)) != 0) {
        return rc;
    }
    /* The referral rows first: they repeat the contact's date. */
    st = db_query(db, Q_HELPLINE_REFERRAL_PURGE);
    db_bind_text(st, 1, x->before);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    st = db_query(db, Q_HELPLINE_PURGE);
    db_bind_text(st, 1, x->before);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    e->after = arena_printf(x->a,
                            "{\"before\":\"%s\",\"deleted\":%lld,"
                            "\"referrals\":%lld}",
                            x->before, (long long)x->n, (long long)x->nref);
    return 0;
}

int
helpline_purge(struct db *db, struct arena *a, const char *before,
               const struct audit_entry *who, int64_t *deleted)
{
    struct audit_entry w = whom(who);
    struct purge x = {.a = a, .before = before};
    int rc;

    if (!str_date_valid(before)) {
        return ERR_INPUT;
    }
    if ((rc = audit_change(db, &w, "helpline.purge", "helpline_contact", purge,
                           &x)) != 0) {
        return rc;
    }
    *deleted = x.n;
    return 0;
}

/* The sum of query q (a helpline_month total) over year in region. */
static int
count_year(struct db *db, enum query_id q, const char *region, int year,
           int64_t *n)
{
    char from[16], to[16];
    db_stmt *st;

    if (year < 1900 || year > 9999) {
        return ERR_INPUT;
    }
    snprintf(from, sizeof(from), "%04d-01", year);
    snprintf(to, sizeof(to), "%04d-12", year);
    st = db_query(db, q);
    db_bind_text(st, 1, region);
    db_bind_text(st, 2, from);
    db_bind_text(st, 3, to);
    return db_one_int(st, n);
}

int
helpline_count_contacts(struct db *db, const char *region, int year, int64_t *n)
{
    return count_year(db, Q_HELPLINE_YEAR_COUNT, region, year, n);
}

int
helpline_count_professional_consultations(struct db *db, const char *region,
                                          int year, int64_t *n)
{
    return count_year(db, Q_HELPLINE_YEAR_COUNT_CH7, region, year, n);
}

int
helpline_count_agreements(struct db *db, const char *region,
                          const char *date_iso, int64_t *n)
{
    db_stmt *st;

    if (!str_date_valid(date_iso)) {
        return ERR_INPUT;
    }
    st = db_query(db, Q_HELPLINE_AGREEMENT_COUNT);
    db_bind_text(st, 1, region);
    db_bind_text(st, 2, date_iso);
    return db_one_int(st, n);
}

int
helpline_agreements(struct db *db, struct arena *a, const char *region,
                    const char *date, struct helpline_agreement **out)
{
    db_stmt *st = db_query(db, Q_HELPLINE_AGREEMENT_LIST);
    struct helpline_agreement *v = NULL;
    int n = 0, rc;

    db_bind_text(st, 1, region);
    db_bind_text(st, 2, date);
    while ((rc = db_step(st)) == DB_ROW) {
        struct helpline_agreement *g;

        v = arena_grow(a, v, n, sizeof(*v));
        g = &v[n++];
        g->teryt = db_col_text_dup(a, st, 0);
        g->name = db_col_text_dup(a, st, 1);
        g->powiat = db_col_text_dup(a, st, 2);
        g->rodz = (int)db_col_int(st, 3);
        g->since = db_col_null(st, 4) ? NULL : db_col_text_dup(a, st, 4);
        g->until = db_col_null(st, 5) ? NULL : db_col_text_dup(a, st, 5);
        g->has = db_col_int(st, 6) != 0;
    }
    db_done(st);
    if (rc != DB_DONE) {
        return rc;
    }
    *out = v;
    return n;
}

int
helpline_store_agreement_put(struct db *db, const char *gmina,
                             const char *region, const char *since,
                             const char *until)
{
    db_stmt *st;

    if (since == NULL) {
        st = db_query(db, Q_HELPLINE_AGREEMENT_DELETE);
        db_bind_text(st, 1, gmina);
    } else {
        st = db_query(db, Q_HELPLINE_AGREEMENT_UPSERT);
        db_bind_text(st, 1, gmina);
        db_bind_text(st, 2, region);
        db_bind_text(st, 3, since);
        db_bind_text(st, 4, until);
    }
    return db_exec(st);
}

int
helpline_store_count(struct db *db, enum helpline_records what,
                     const char *region, int64_t *n)
{
    static const enum query_id q[] = {
        [HELPLINE_AGREEMENTS] = Q_HELPLINE_AGREEMENT_ANY,
        [HELPLINE_DUTIES] = Q_HELPLINE_DUTY_ANY,
        [HELPLINE_CONTACTS] = Q_HELPLINE_CONTACT_ANY,
    };
    db_stmt *st = db_query(db, q[what]);

    db_bind_text(st, 1, region);
    return db_one_int(st, n);
}

struct agreement {
    const char *region, *gmina, *since, *until;
    char before[128], after[128];
};

static int
agreement_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct agreement *x = ctx;
    db_stmt *st = db_query(db, Q_HELPLINE_AGREEMENT_GET);
    bool had = false;
    int rc;

    db_bind_text(st, 1, x->gmina);
    if ((rc = db_step(st)) == DB_ROW) {
        had = true;
        snprintf(x->before, sizeof(x->before),
                 "{\"since\":\"%s\",\"until\":%s%s%s}", db_col_text(st, 0),
                 db_col_null(st, 1) ? "" : "\"",
                 db_col_null(st, 1) ? "null" : db_col_text(st, 1),
                 db_col_null(st, 1) ? "" : "\"");
    }
    db_done(st);
    if (rc != DB_ROW && rc != DB_DONE) {
        return rc;
    }
    if (x->since == NULL) {
        snprintf(x->after, sizeof(x->after), "null");
    } else {
        snprintf(x->after, sizeof(x->after),
                 "{\"since\":\"%s\",\"until\":%s%s%s}", x->since,
                 x->until ? "\"" : "", x->until ? x->until : "null",
                 x->until ? "\"" : "");
    }
    e->entity_id = x->gmina;
    e->before = had ? x->before : NULL;
    e->after = x->after;
    return helpline_store_agreement_put(db, x->gmina, x->region, x->since,
                                        x->until);
}

/* One more message, into errs[*n] (HELPLINE_ERRS_MAX at most). */
static void
err_add(const char **errs, int *n, const char *msg)
{
    if (*n < HELPLINE_ERRS_MAX) {
        errs[(*n)++] = msg;
    }
}

int
helpline_agreement_set(struct db *db, const char *region, const char *gmina,
                       const char *since, const char *until,
                       const struct audit_entry *who, const char **errs,
                       int *nerrs)
{
    struct audit_entry w = whom(who);
    bool remove = since == NULL || since[0] == '\0';
    struct agreement x = {
        .region = region, .gmina = gmina, .since = remove ? NULL : since};
    char woj[3];
    int rc = 0;

    if (until != NULL && until[0] == '\0') {
        until = NULL;
    }
    x.until = until;
    *nerrs = 0;
    if (!region_valid(region)) {
        err_add(errs, nerrs, T_HL_ERR_FORM_REGION);
    } else if (gmina == NULL || strlen(gmina) != 7 ||
               (rc = teryt_gmina_woj(db, gmina, woj)) == ERR_NOTFOUND ||
               (rc == 0 && strcmp(woj, region) != 0)) {
        err_add(errs, nerrs, T_HL_ERR_AGR_GMINA);
    } else if (rc != 0) {
        return rc;
    }
    if (!remove && !str_date_valid(since)) {
        err_add(errs, nerrs, T_HL_ERR_AGR_SINCE);
    }
    if (until != NULL && !str_date_valid(until)) {
        err_add(errs, nerrs, T_HL_ERR_AGR_UNTIL);
    } else if (until != NULL && remove) {
        err_add(errs, nerrs, T_HL_ERR_AGR_UNTIL_ALONE);
    } else if (until != NULL && str_date_valid(since) &&
               strcmp(until, since) < 0) {
        err_add(errs, nerrs, T_HL_ERR_AGR_UNTIL_BEFORE);
    }
    if (*nerrs > 0) {
        return ERR_INPUT;
    }
    return audit_change(db, &w, "helpline.agreement", "gmina", agreement_write,
                        &x);
}

struct duty {
    const struct helpline_duty *d;
    const char *region;
    int64_t id;
    char ids[32];
};

int
helpline_store_duty_insert(struct db *db, const struct helpline_duty *d,
                           int64_t *id)
{
    db_stmt *st = db_query(db, Q_HELPLINE_DUTY_INSERT);
    int rc;

    db_bind_text(st, 1, d->region);
    db_bind_int(st, 2, d->kind);
    db_bind_int(st, 3, d->specialist);
    db_bind_text(st, 4, d->city);
    db_bind_text(st, 5, d->place);
    db_bind_text(st, 6, d->day);
    db_bind_text(st, 7, d->start);
    db_bind_text(st, 8, d->finish);
    if ((rc = db_one_int(st, id)) != 0) {
        return rc;
    }
    return 0;
}

static int
duty_insert(struct db *db, void *ctx, struct audit_entry *e)
{
    struct duty *x = ctx;
    int rc;

    if ((rc = helpline_store_duty_insert(db, x->d, &x->id)) != 0) {
        return rc;
    }
    snprintf(x->ids, sizeof(x->ids), "%lld", (long long)x->id);
    e->entity_id = x->ids;
    return 0;
}

/* Text of 1..max bytes, UTF-8 (a form's fields are checked so already). */
static bool
text_valid(const char *s, size_t max)
{
    size_t n = s != NULL ? strlen(s) : 0;

    return n > 0 && n <= max && str_utf8_valid(s, n);
}

int
helpline_duty_add(struct db *db, const struct helpline_duty *d,
                  const struct audit_entry *who, int64_t *id, const char **errs,
                  int *nerrs)
{
    struct audit_entry w = whom(who);
    struct duty x = {.d = d};
    int rc;

    *nerrs = 0;
    if (!region_valid(d->region)) {
        err_add(errs, nerrs, T_HL_ERR_FORM_REGION);
    }
    if (d->kind < 1 || d->kind > HELPLINE_DUTY_KINDS) {
        err_add(errs, nerrs, T_HL_ERR_DUTY_KIND);
    }
    if (d->specialist < 1 || d->specialist > HELPLINE_SPECIALISTS) {
        err_add(errs, nerrs, T_HL_ERR_DUTY_SPECIALIST);
    }
    if (!text_valid(d->city, 100)) {
        err_add(errs, nerrs, T_HL_ERR_DUTY_CITY);
    }
    if (!text_valid(d->place, 200)) {
        err_add(errs, nerrs, T_HL_ERR_DUTY_PLACE);
    }
    if (!str_date_valid(d->day)) {
        err_add(errs, nerrs, T_HL_ERR_DUTY_DAY);
    }
    if (!time_valid(d->start)) {
        err_add(errs, nerrs, T_HL_ERR_DUTY_START);
    }
    if (!time_valid(d->finish)) {
        err_add(errs, nerrs, T_HL_ERR_DUTY_FINISH);
    } else if (time_valid(d->start) && strcmp(d->finish, d->start) <= 0) {
        err_add(errs, nerrs, T_HL_ERR_DUTY_ORDER);
    }
    if (*nerrs > 0) {
        return ERR_INPUT;
    }
    rc = audit_change(db, &w, "helpline.duty.add", "helpline_duty", duty_insert,
                      &x);
    *id = x.id;
    return rc;
}

static int
duty_remove(struct db *db, void *ctx, struct audit_entry *e)
{
    struct duty *x = ctx;
    db_stmt *st = db_query(db, Q_HELPLINE_DUTY_GET);
    int rc;

    /* A duty of another region is as absent as one that never was. */
    db_bind_int(st, 1, x->id);
    rc = db_step(st);
    if (rc != DB_ROW || x->region == NULL ||
        strcmp(db_col_text(st, 0), x->region) != 0) {
        db_done(st);
        return rc == DB_ROW || rc == DB_DONE ? ERR_NOTFOUND : rc;
    }
    db_done(st);
    st = db_query(db, Q_HELPLINE_DUTY_DELETE);
    db_bind_int(st, 1, x->id);
    db_bind_text(st, 2, x->region);
    snprintf(x->ids, sizeof(x->ids), "%lld", (long long)x->id);
    e->entity_id = x->ids;
    return db_exec(st);
}

int
helpline_duty_delete(struct db *db, const char *region, int64_t id,
                     const struct audit_entry *who)
{
    struct audit_entry w = whom(who);
    struct duty x = {.region = region, .id = id};

    return audit_change(db, &w, "helpline.duty.delete", "helpline_duty",
                        duty_remove, &x);
}

int
helpline_institutions(struct db *db, struct arena *a, const char *region,
                      const char *gmina, struct dir_serving **out)
{
    int max = HELPLINE_INSTITUTIONS_MAX * 2;

    *out = arena_alloc(a, (size_t)max * sizeof(**out));
    if (region == NULL || gmina == NULL) {
        return 0;
    }
    return dir_orgs_serving(db, a, gmina, region, max, *out);
}

db_stmt *
helpline_store_duties(struct db *db, const char *region, const char *from,
                      const char *to, int limit)
{
    db_stmt *st = db_query(db, Q_HELPLINE_DUTY_LIST);

    db_bind_text(st, 1, region);
    db_bind_text(st, 2, from);
    db_bind_text(st, 3, to);
    db_bind_int(st, 4, limit);
    return st;
}

db_stmt *
helpline_store_contacts(struct db *db, bool notes, const char *region,
                        const char *from, const char *before, int limit,
                        int offset)
{
    db_stmt *st = db_query(db, notes ? Q_HELPLINE_CONTACT_NOTES
                                     : Q_HELPLINE_CONTACT_LIST);

    db_bind_text(st, 1, region);
    db_bind_text(st, 2, from);
    db_bind_text(st, 3, before);
    db_bind_int(st, 4, limit);
    if (!notes) {
        db_bind_int(st, 5, offset);
    }
    return st;
}

int
helpline_store_contact_count(struct db *db, const char *region,
                             const char *from, const char *before, int64_t *n)
{
    db_stmt *st = db_query(db, Q_HELPLINE_CONTACT_COUNT);

    db_bind_text(st, 1, region);
    db_bind_text(st, 2, from);
    db_bind_text(st, 3, before);
    return db_one_int(st, n);
}

db_stmt *
helpline_store_contact(struct db *db, int64_t id)
{
    return db_query_id(db, Q_HELPLINE_CONTACT_GET, id);
}

db_stmt *
helpline_store_referrals_of(struct db *db, int64_t id)
{
    return db_query_id(db, Q_HELPLINE_REFERRAL_OF, id);
}

/* A query over a date range, of one region or (region NULL) of all. */
static db_stmt *
in_range(struct db *db, enum query_id of_region, enum query_id of_all,
         const char *region, const char *from, const char *to)
{
    db_stmt *st = db_query(db, region != NULL ? of_region : of_all);
    int i = 1;

    if (region != NULL) {
        db_bind_text(st, i++, region);
    }
    db_bind_text(st, i++, from);
    db_bind_text(st, i, to);
    return st;
}

db_stmt *
helpline_store_contacts_in(struct db *db, const char *region, const char *from,
                           const char *before)
{
    return in_range(db, Q_HELPLINE_RANGE_REGION, Q_HELPLINE_RANGE_ALL, region,
                    from, before);
}

db_stmt *
helpline_store_months(struct db *db, const char *region, const char *from,
                      const char *to)
{
    return in_range(db, Q_HELPLINE_MONTHS_REGION, Q_HELPLINE_MONTHS_ALL, region,
                    from, to);
}

int
helpline_store_bulk(struct db *db, bool on)
{
    int rc;

    if (on) {
        return db_exec(db_query(db, Q_HELPLINE_BULK_ON));
    }
    if ((rc = db_exec(db_query(db, Q_HELPLINE_BULK_OFF))) != 0) {
        return rc;
    }
    return db_exec(db_query(db, Q_HELPLINE_VERSION_BUMP));
}

int
helpline_store_months_rebuild(struct db *db, const char *region,
                              const char *from, const char *to)
{
    char before[9];
    db_stmt *st;
    int rc;

    snprintf(before, sizeof(before), "%.7s~", to);
    st = db_query(db, Q_HELPLINE_MONTH_CLEAR);
    db_bind_text(st, 1, region);
    db_bind_text(st, 2, from);
    db_bind_text(st, 3, to);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    st = db_query(db, Q_HELPLINE_MONTH_REBUILD);
    db_bind_text(st, 1, region);
    db_bind_text(st, 2, from);
    db_bind_text(st, 3, before);
    return db_exec(st);
}

struct db_bulk *
helpline_store_load_begin(struct db *db)
{
    return db_bulk_begin(db, Q_HELPLINE_CONTACT_LOAD);
}

int
helpline_store_load(struct db_bulk *b, const struct helpline_contact *c)
{
    struct binder to = {bulk_text, bulk_num, b};

    bind_contact(&to, c);
    return db_bulk_row(b);
}

int
helpline_store_load_end(struct db_bulk *b, int rc)
{
    return db_bulk_end(b, rc);
}

int
helpline_store_version(struct db *db, int64_t *out)
{
    return db_one_int(db_query(db, Q_HELPLINE_VERSION), out);
}

db_stmt *
helpline_store_gmina_months(struct db *db, const char *region, const char *from,
                            const char *to)
{
    return in_range(db, Q_HELPLINE_GMINA_MONTHS_REGION,
                    Q_HELPLINE_GMINA_MONTHS_ALL, region, from, to);
}

db_stmt *
helpline_store_gmina_years(struct db *db, const char *region, const char *from,
                           const char *to)
{
    return in_range(db, Q_HELPLINE_GMINA_YEARS_REGION,
                    Q_HELPLINE_GMINA_YEARS_ALL, region, from, to);
}

db_stmt *
helpline_store_referral_stats(struct db *db, const char *region,
                              const char *from, const char *before)
{
    db_stmt *st = db_query(db, Q_HELPLINE_REFERRAL_STATS);

    db_bind_text(st, 1, region);
    db_bind_text(st, 2, from);
    db_bind_text(st, 3, before);
    return st;
}
