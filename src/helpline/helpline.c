/*
** Niebieska Linia (issue 6): the register's rules. Code lists, checking and
** storing contacts, purging past the retention period, agreements with
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
#include "html/strings_pl.h"
#include "helpline/strings_pl.h"

const char *const helpline_channel_label[HELPLINE_CHANNELS + 1] = {
    "", T_HL_CH1, T_HL_CH2, T_HL_CH3, T_HL_CH4, T_HL_CH5, T_HL_CH6, T_HL_CH7,
};
const char *const helpline_channel_code[HELPLINE_CHANNELS + 1] = {
    "",           "free_line",     "office_line",    "email",
    "legal_duty", "psychological", "representation", "professional",
};
const char *const helpline_caller_label[HELPLINE_CALLERS + 1] = {
    "", T_HL_CR1, T_HL_CR2, T_HL_CR3, T_HL_CR4,
};
const char *const helpline_caller_code[HELPLINE_CALLERS + 1] = {
    "", "victim", "witness", "perpetrator", "professional",
};
const char *const helpline_form_label[HELPLINE_FORMS + 1] = {
    "", T_HL_FO1, T_HL_FO2, T_HL_FO3, T_HL_FO4, T_HL_FO5, T_HL_FO6,
};
const char *const helpline_form_code[HELPLINE_FORMS + 1] = {
    "", "physical", "psychological", "sexual", "economic", "neglect", "cyber",
};
const char *const helpline_harmed_label[HELPLINE_HARMED + 1] = {
    "", T_HL_HM1, T_HL_HM2, T_HL_HM3, T_HL_HM4, T_HL_HM5,
};
const char *const helpline_harmed_code[HELPLINE_HARMED + 1] = {
    "", "child", "woman", "man", "older", "disabled",
};
const char *const helpline_help_label[HELPLINE_HELP + 1] = {
    "", T_HL_HE1, T_HL_HE2, T_HL_HE3, T_HL_HE4, T_HL_HE5, T_HL_HE6,
};
const char *const helpline_referral_label[HELPLINE_REFERRALS + 1] = {
    "",       T_HL_RE1, T_HL_RE2, T_HL_RE3, T_HL_RE4,
    T_HL_RE5, T_HL_RE6, T_HL_RE7, T_HL_RE8,
};
const char *const helpline_referral_code[HELPLINE_REFERRALS + 1] = {
    "",       "social_welfare",   "pcpr",   "crisis_centre", "team",
    "police", "prosecutor_court", "health", "ngo",
};
const char *const helpline_duty_kind_label[HELPLINE_DUTY_KINDS + 1] = {
    "",
    T_HL_DK1,
    T_HL_DK2,
    T_HL_DK3,
};
const char *const helpline_specialist_label[HELPLINE_SPECIALISTS + 1] = {
    "", T_HL_SP1, T_HL_SP2, T_HL_SP3, T_HL_SP4, T_HL_SP5, T_HL_SP6,
};

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

/* The audit row of a change: who's account, via and address, our action. */
static int
audit(struct db *db, const struct audit_entry *who, const char *action,
      const char *entity, const char *id, const char *before, const char *after)
{
    struct audit_entry e = {0};

    if (who != NULL) {
        e = *who;
    }
    if (e.via == NULL) {
        e.via = "cli";
    }
    e.action = action;
    e.entity = entity;
    e.entity_id = id;
    e.before = before;
    e.after = after;
    return audit_add(db, &e);
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
    int i, j, rc;

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
    for (i = 0; i < c->ninstitutions; i++) {
        db_stmt *st;

        for (j = 0; j < i; j++) {
            if (c->institutions[j] == c->institutions[i]) {
                *why = T_HL_ERR_INST_MANY;
                return ERR_INPUT;
            }
        }
        st = db_query(db, Q_HELPLINE_DIR_SERVES);
        db_bind_text(st, 1, c->gmina);
        db_bind_text(st, 2, c->region);
        db_bind_int(st, 3, c->institutions[i]);
        rc = db_step(st);
        db_done(st);
        if (rc == DB_DONE) {
            *why = T_HL_ERR_INST;
            return ERR_INPUT;
        }
        if (rc != DB_ROW) {
            return rc;
        }
    }
    return 0;
}

/* Store the referral rows of contact id, inside the caller's transaction. */
static int
store_institutions(struct db *db, const struct helpline_contact *c, int64_t id,
                   struct buf *ids)
{
    int i, rc;

    for (i = 0; i < c->ninstitutions; i++) {
        db_stmt *st = db_query(db, Q_HELPLINE_DIR_SERVES);
        const char *name, *kind;

        db_bind_text(st, 1, c->gmina);
        db_bind_text(st, 2, c->region);
        db_bind_int(st, 3, c->institutions[i]);
        rc = db_step(st);
        if (rc != DB_ROW) {
            db_done(st);
            /* Gone since the check: the directory changed meanwhile. */
            return rc == DB_DONE ? ERR_CONFLICT : rc;
        }
        name = db_col_text(st, 0);
        kind = db_col_text(st, 1);
        {
            db_stmt *ins = db_query(db, Q_HELPLINE_REFERRAL_INSERT);

            db_bind_int(ins, 1, id);
            db_bind_int(ins, 2, c->institutions[i]);
            db_bind_text(ins, 3, c->region);
            db_bind_text(ins, 4, c->at);
            db_bind_text(ins, 5, name);
            db_bind_text(ins, 6, kind);
            rc = db_exec(ins);
        }
        db_done(st);
        if (rc != 0) {
            return rc;
        }
        buf_printf(ids, "%s%lld", i ? "," : "", (long long)c->institutions[i]);
    }
    return 0;
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
        db_stmt *st = db_query(db, Q_HELPLINE_GMINA_WOJ);
        int rc;

        db_bind_text(st, 1, c->gmina);
        rc = db_step(st);
        db_done(st);
        if (rc == DB_DONE) {
            *why = T_HL_ERR_GMINA;
            return ERR_INPUT;
        }
        if (rc != DB_ROW) {
            return rc;
        }
    }
    return check_institutions(db, c, why);
}

int
helpline_contact_add(struct db *db, const struct helpline_contact *c,
                     const struct audit_entry *who, int64_t *id,
                     const char **why)
{
    char ids[32];
    bool note = c->note != NULL && c->note[0] != '\0';
    struct buf after, insts;
    db_stmt *st;
    int rc;

    if ((rc = check_contact(db, c, why)) != 0) {
        return rc;
    }
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    buf_init(&insts);
    st = db_query(db, Q_HELPLINE_CONTACT_INSERT);
    db_bind_text(st, 1, c->region);
    db_bind_text(st, 2, c->at);
    db_bind_int(st, 3, c->channel);
    db_bind_int(st, 4, c->caller);
    db_bind_text(st, 5, c->gmina);
    db_bind_int(st, 6, c->forms);
    db_bind_int(st, 7, c->harmed);
    db_bind_int(st, 8, c->help);
    db_bind_int(st, 9, c->referrals);
    if (c->minutes > 0) {
        db_bind_int(st, 10, c->minutes);
    } else {
        db_bind_null(st, 10);
    }
    db_bind_text(st, 11, note ? c->note : NULL);
    db_bind_text(st, 12, c->created_by);
    if ((rc = db_exec(st)) != 0) {
        buf_free(&insts);
        db_rollback(db);
        return rc;
    }
    *id = db_last_id(db);
    snprintf(ids, sizeof(ids), "%lld", (long long)*id);
    buf_init(&after);
    if ((rc = store_institutions(db, c, *id, &insts)) != 0) {
        buf_free(&insts);
        db_rollback(db);
        return rc;
    }
    /* The note's text stays out of the audit row: only whether it exists. */
    buf_printf(&after,
               "{\"region\":\"%s\",\"at\":\"%s\",\"channel\":%d,"
               "\"caller\":%d,\"gmina\":%s%s%s,\"forms\":%u,"
               "\"harmed\":%u,\"help\":%u,\"referrals\":%u,"
               "\"institutions\":[%s],\"minutes\":%d,\"note\":%s}",
               c->region, c->at, c->channel, c->caller, c->gmina ? "\"" : "",
               c->gmina ? c->gmina : "null", c->gmina ? "\"" : "", c->forms,
               c->harmed, c->help, c->referrals, insts.len ? insts.data : "",
               c->minutes, note ? "true" : "false");
    rc = audit(db, who, "helpline.add", "helpline_contact", ids, NULL,
               after.data);
    buf_free(&after);
    buf_free(&insts);
    if (rc != 0) {
        db_rollback(db);
        return rc;
    }
    return db_commit(db);
}

int
helpline_purge(struct db *db, struct arena *a, const char *before,
               const struct audit_entry *who, int64_t *deleted)
{
    db_stmt *st;
    int64_t n = 0, nref = 0;
    int rc;

    if (!str_date_valid(before)) {
        return ERR_INPUT;
    }
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    st = db_query(db, Q_HELPLINE_PURGE_COUNT);
    db_bind_text(st, 1, before);
    if ((rc = db_one_int(st, &n)) != 0) {
        db_rollback(db);
        return rc;
    }
    st = db_query(db, Q_HELPLINE_REFERRAL_PURGE_COUNT);
    db_bind_text(st, 1, before);
    if ((rc = db_one_int(st, &nref)) != 0) {
        db_rollback(db);
        return rc;
    }
    /* The referral rows first: they repeat the contact's date. */
    st = db_query(db, Q_HELPLINE_REFERRAL_PURGE);
    db_bind_text(st, 1, before);
    if ((rc = db_exec(st)) != 0) {
        db_rollback(db);
        return rc;
    }
    st = db_query(db, Q_HELPLINE_PURGE);
    db_bind_text(st, 1, before);
    if ((rc = db_exec(st)) != 0 ||
        (rc = audit(db, who, "helpline.purge", "helpline_contact", NULL, NULL,
                    arena_printf(a,
                                 "{\"before\":\"%s\",\"deleted\":%lld,"
                                 "\"referrals\":%lld}",
                                 before, (long long)n, (long long)nref))) !=
            0) {
        db_rollback(db);
        return rc;
    }
    if ((rc = db_commit(db)) != 0) {
        return rc;
    }
    *deleted = n;
    return 0;
}

int
helpline_count_contacts(struct db *db, const char *region, int year, int64_t *n)
{
    char from[16], to[16];
    db_stmt *st;

    if (year < 1900 || year > 9999) {
        return ERR_INPUT;
    }
    snprintf(from, sizeof(from), "%04d-01", year);
    snprintf(to, sizeof(to), "%04d-12", year);
    st = db_query(db, Q_HELPLINE_YEAR_COUNT);
    db_bind_text(st, 1, region);
    db_bind_text(st, 2, from);
    db_bind_text(st, 3, to);
    return db_one_int(st, n);
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
    int n = 0, cap = 0, rc;

    db_bind_text(st, 1, region);
    db_bind_text(st, 2, date);
    while ((rc = db_step(st)) == DB_ROW) {
        struct helpline_agreement *g;

        if (n == cap) {
            int ncap = cap ? cap * 2 : 256;

            v = arena_realloc(a, v, (size_t)cap * sizeof(*v),
                              (size_t)ncap * sizeof(*v));
            cap = ncap;
        }
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
helpline_agreement_set(struct db *db, const char *region, const char *gmina,
                       const char *since, const char *until,
                       const struct audit_entry *who, const char **why)
{
    char before[128] = "", after[128];
    bool had = false, remove = since == NULL || since[0] == '\0';
    db_stmt *st;
    int rc;

    if (until != NULL && until[0] == '\0') {
        until = NULL;
    }
    *why = T_HL_ERR_AGR;
    if (!region_valid(region) || gmina == NULL ||
        (!remove && !str_date_valid(since)) ||
        (until != NULL &&
         (!str_date_valid(until) || remove || strcmp(until, since) < 0))) {
        return ERR_INPUT;
    }
    st = db_query(db, Q_HELPLINE_GMINA_WOJ);
    db_bind_text(st, 1, gmina);
    rc = db_step(st);
    if (rc != DB_ROW || strcmp(db_col_text(st, 0), region) != 0) {
        db_done(st);
        return rc == DB_ROW || rc == DB_DONE ? ERR_INPUT : rc;
    }
    db_done(st);
    *why = NULL;
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    st = db_query(db, Q_HELPLINE_AGREEMENT_GET);
    db_bind_text(st, 1, gmina);
    if ((rc = db_step(st)) == DB_ROW) {
        had = true;
        snprintf(before, sizeof(before), "{\"since\":\"%s\",\"until\":%s%s%s}",
                 db_col_text(st, 0), db_col_null(st, 1) ? "" : "\"",
                 db_col_null(st, 1) ? "null" : db_col_text(st, 1),
                 db_col_null(st, 1) ? "" : "\"");
    }
    db_done(st);
    if (rc != DB_ROW && rc != DB_DONE) {
        db_rollback(db);
        return rc;
    }
    if (remove) {
        st = db_query(db, Q_HELPLINE_AGREEMENT_DELETE);
        db_bind_text(st, 1, gmina);
        snprintf(after, sizeof(after), "null");
    } else {
        st = db_query(db, Q_HELPLINE_AGREEMENT_UPSERT);
        db_bind_text(st, 1, gmina);
        db_bind_text(st, 2, region);
        db_bind_text(st, 3, since);
        db_bind_text(st, 4, until);
        snprintf(after, sizeof(after), "{\"since\":\"%s\",\"until\":%s%s%s}",
                 since, until ? "\"" : "", until ? until : "null",
                 until ? "\"" : "");
    }
    if ((rc = db_exec(st)) != 0 ||
        (rc = audit(db, who, "helpline.agreement", "gmina", gmina,
                    had ? before : NULL, after)) != 0) {
        db_rollback(db);
        return rc;
    }
    return db_commit(db);
}

int
helpline_duty_add(struct db *db, const struct helpline_duty *d,
                  const struct audit_entry *who, int64_t *id, const char **why)
{
    char ids[32];
    db_stmt *st;
    int rc;

    *why = T_HL_ERR_DUTY;
    if (!region_valid(d->region) || d->kind < 1 ||
        d->kind > HELPLINE_DUTY_KINDS || d->specialist < 1 ||
        d->specialist > HELPLINE_SPECIALISTS || d->city == NULL ||
        d->city[0] == '\0' || strlen(d->city) > 100 || d->place == NULL ||
        d->place[0] == '\0' || strlen(d->place) > 200 ||
        !str_utf8_valid(d->city, strlen(d->city)) ||
        !str_utf8_valid(d->place, strlen(d->place)) ||
        !str_date_valid(d->day) || !time_valid(d->start) ||
        !time_valid(d->finish) || strcmp(d->finish, d->start) <= 0) {
        return ERR_INPUT;
    }
    *why = NULL;
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    st = db_query(db, Q_HELPLINE_DUTY_INSERT);
    db_bind_text(st, 1, d->region);
    db_bind_int(st, 2, d->kind);
    db_bind_int(st, 3, d->specialist);
    db_bind_text(st, 4, d->city);
    db_bind_text(st, 5, d->place);
    db_bind_text(st, 6, d->day);
    db_bind_text(st, 7, d->start);
    db_bind_text(st, 8, d->finish);
    if ((rc = db_exec(st)) != 0) {
        db_rollback(db);
        return rc;
    }
    *id = db_last_id(db);
    snprintf(ids, sizeof(ids), "%lld", (long long)*id);
    if ((rc = audit(db, who, "helpline.duty.add", "helpline_duty", ids, NULL,
                    NULL)) != 0) {
        db_rollback(db);
        return rc;
    }
    return db_commit(db);
}

int
helpline_duty_delete(struct db *db, const char *region, int64_t id,
                     const struct audit_entry *who)
{
    char ids[32];
    db_stmt *st;
    int rc;

    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    /* A duty of another region is as absent as one that never was. */
    st = db_query(db, Q_HELPLINE_DUTY_GET);
    db_bind_int(st, 1, id);
    rc = db_step(st);
    if (rc != DB_ROW || region == NULL ||
        strcmp(db_col_text(st, 0), region) != 0) {
        db_done(st);
        db_rollback(db);
        return rc == DB_ROW || rc == DB_DONE ? ERR_NOTFOUND : rc;
    }
    db_done(st);
    st = db_query(db, Q_HELPLINE_DUTY_DELETE);
    db_bind_int(st, 1, id);
    db_bind_text(st, 2, region);
    snprintf(ids, sizeof(ids), "%lld", (long long)id);
    if ((rc = db_exec(st)) != 0 ||
        (rc = audit(db, who, "helpline.duty.delete", "helpline_duty", ids, NULL,
                    NULL)) != 0) {
        db_rollback(db);
        return rc;
    }
    return db_commit(db);
}

int
helpline_institutions(struct db *db, struct arena *a, const char *region,
                      const char *gmina, struct helpline_institution **out)
{
    int max = HELPLINE_INSTITUTIONS_MAX * 2, n = 0, rc;
    struct helpline_institution *v = arena_alloc(a, (size_t)max * sizeof(*v));
    db_stmt *st;

    *out = v;
    if (region == NULL || gmina == NULL) {
        return 0;
    }
    st = db_query(db, Q_HELPLINE_DIR_SERVING);
    db_bind_text(st, 1, gmina);
    db_bind_text(st, 2, region);
    db_bind_int(st, 3, max);
    while ((rc = db_step(st)) == DB_ROW && n < max) {
        v[n].id = db_col_int(st, 0);
        v[n].name = db_col_text_dup(a, st, 1);
        v[n].kind = db_col_text_dup(a, st, 2);
        v[n].city = db_col_text_dup(a, st, 3);
        v[n].level = (int)db_col_int(st, 4);
        n++;
    }
    db_done(st);
    return rc == DB_ROW || rc == DB_DONE ? n : rc;
}
