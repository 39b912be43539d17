/*
** The rules of a call without SQL: Warsaw local time to and from the UTC
** stamps the store keeps, the checks of a call's form (each message names
** its field), the phase a call is in at a moment, and its JSON. The store
** (call_store.c) adds what needs the database: the plan and its task.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/json.h"
#include "core/str.h"
#include "core/warsaw.h"
#include "grants.h"
#include "plan/plan.h"
#include "grants/strings_pl.h"

/* "NN" of two digits at s into *v. */
static bool
two_digits(const char *s, int *v)
{
    if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9') {
        return false;
    }
    *v = (s[0] - '0') * 10 + (s[1] - '0');
    return true;
}

bool
grant_warsaw_to_utc(const char *date, const char *time,
                    char out[UTC_STAMP_SIZE])
{
    struct tm want, got;
    int64_t base;
    int hh, mm, i;

    if (date == NULL || time == NULL || !str_date_valid(date) ||
        strlen(time) != 5 || time[2] != ':' || !two_digits(time, &hh) ||
        !two_digits(time + 3, &mm) || hh > 23 || mm > 59) {
        return false;
    }
    memset(&want, 0, sizeof(want));
    want.tm_year = atoi(date) - 1900;
    want.tm_mon = atoi(date + 5) - 1;
    want.tm_mday = atoi(date + 8);
    want.tm_hour = hh;
    want.tm_min = mm;
    base = (int64_t)timegm(&want);
    /* Warsaw is UTC+2 in summer and UTC+1 in winter: the first offset
     * whose local time is the one asked for is the moment. */
    for (i = 2; i >= 1; i--) {
        int64_t t = base - i * 3600;

        warsaw_tm(t, &got);
        if (got.tm_hour == hh && got.tm_min == mm &&
            got.tm_mday == want.tm_mday && got.tm_mon == want.tm_mon) {
            struct tm u;
            time_t tt = (time_t)t;

            gmtime_r(&tt, &u);
            strftime(out, UTC_STAMP_SIZE, "%Y-%m-%dT%H:%M:%SZ", &u);
            return true;
        }
    }
    return false;
}

void
grant_utc_to_warsaw(struct arena *a, const char *utc, const char **date,
                    const char **time)
{
    const char *local = warsaw_local(a, utc); /* "DD.MM.YYYY HH:MM" */

    if (strlen(local) != 16 || local[2] != '.' || local[10] != ' ') {
        *date = "";
        *time = "";
        return;
    }
    *date = arena_printf(a, "%.4s-%.2s-%.2s", local + 6, local + 3, local);
    *time = arena_strndup(a, local + 11, 5);
}

const char *
grant_stamp_local_iso(struct arena *a, const char *utc)
{
    const char *date, *time;
    int local, at, off;

    if (utc == NULL) {
        return NULL;
    }
    grant_utc_to_warsaw(a, utc, &date, &time);
    if (*date == '\0' || strlen(utc) < 16) {
        return utc;
    }
    local = ((time[0] - '0') * 10 + (time[1] - '0')) * 60 +
            (time[3] - '0') * 10 + (time[4] - '0');
    at = ((utc[11] - '0') * 10 + (utc[12] - '0')) * 60 + (utc[14] - '0') * 10 +
         (utc[15] - '0');
    off = ((local - at) % 1440 + 1440) % 1440; /* 60 or 120 minutes */
    return arena_printf(a, "%sT%s+%02d:%02d", date, time, off / 60, off % 60);
}

/* What one check of a form works on. */
struct check {
    struct arena *a;
    const char ***errs;
    int *nerrs;
};

const char *
grant_now(struct arena *a)
{
    char now[UTC_STAMP_SIZE];

    return arena_strdup(a, utc_stamp_now(now, false));
}

void
grant_err(struct arena *a, const char ***errs, int *n, const char *msg)
{
    *errs = arena_grow(a, *errs, *n, sizeof(**errs));
    (*errs)[(*n)++] = msg;
}

static void
add_err(struct check *c, const char *msg)
{
    grant_err(c->a, c->errs, c->nerrs, msg);
}

/* A text field trimmed; NULL (and a message) when longer than max or
 * required and empty. */
static const char *
text(struct check *c, const char *s, const char *label, int max, bool required)
{
    const char *t = str_trim(c->a, s != NULL ? s : "");

    if (strlen(t) > (size_t)max) {
        add_err(c, arena_printf(c->a, T_GC_ERR_TOO_LONG, label, max));
        return NULL;
    }
    if (required && *t == '\0') {
        add_err(c, arena_printf(c->a, T_GC_ERR_REQUIRED, label));
        return NULL;
    }
    return t;
}

/* Money in grosze (>= 0) from text, or -1 with a message. */
static int64_t
money(struct check *c, const char *t, const char *label)
{
    struct plan_num n;

    if (plan_num_money(t, &n) != 0 || n.kind != PLAN_NUM_VALUE || n.v < 0) {
        add_err(c, arena_printf(c->a, T_GC_ERR_MONEY, label, t));
        return -1;
    }
    return n.v;
}

/* A whole number lo..hi from text, or -1. */
static long
whole(const char *t, long lo, long hi)
{
    char *end;
    long v;

    if (*t < '0' || *t > '9' || strlen(t) > 6) {
        return -1;
    }
    v = strtol(t, &end, 10);
    return *end == '\0' && v >= lo && v <= hi ? v : -1;
}

/* A percentage 0..100 with at most one decimal (',' or '.') in tenths of
 * a percent, i.e. per mille; -1 when it is not. */
static int
permille(const char *t)
{
    const char *sep = strpbrk(t, ",.");
    char whole_part[8];
    long w, d = 0;

    if (sep != NULL) {
        if ((size_t)(sep - t) >= sizeof(whole_part) || sep[1] < '0' ||
            sep[1] > '9' || sep[2] != '\0') {
            return -1;
        }
        memcpy(whole_part, t, (size_t)(sep - t));
        whole_part[sep - t] = '\0';
        d = sep[1] - '0';
        t = whole_part;
    }
    w = whole(t, 0, 100);
    if (w < 0 || w * 10 + d > 1000) {
        return -1;
    }
    return (int)(w * 10 + d);
}

static void
check_areas(struct check *c, const struct grant_call_form *f,
            struct grant_call *out)
{
    int i;

    out->areas = arena_alloc(c->a, GRANT_AREAS_MAX * sizeof(*out->areas));
    for (i = 0; i < GRANT_AREAS_MAX; i++) {
        const char *nl = arena_printf(c->a, T_GC_F_AREA_NAME, i + 1);
        const char *bl = arena_printf(c->a, T_GC_F_AREA_BUDGET, i + 1);
        const char *name = text(c, f->area_name[i], nl, 300, false);
        const char *budget = text(c, f->area_budget[i], bl, 40, false);
        int64_t v;

        if (name == NULL || budget == NULL ||
            (*name == '\0' && *budget == '\0')) {
            continue;
        }
        if (*name == '\0') {
            add_err(c, arena_printf(c->a, T_GC_ERR_AREA_NAME, nl));
            continue;
        }
        if (*budget == '\0') {
            add_err(c, arena_printf(c->a, T_GC_ERR_REQUIRED, bl));
            continue;
        }
        if ((v = money(c, budget, bl)) < 0) {
            continue;
        }
        if (v == 0) {
            add_err(c, arena_printf(c->a, T_GC_ERR_POSITIVE, bl));
            continue;
        }
        out->areas[out->nareas].pos = out->nareas + 1;
        out->areas[out->nareas].name = name;
        out->areas[out->nareas].budget = v;
        out->nareas++;
        out->amount += v;
    }
    if (out->nareas == 0 && *c->nerrs == 0) {
        add_err(c, arena_printf(c->a, T_GC_ERR_NO_AREA, T_GC_AREAS));
    }
}

static void
add_criterion(struct grant_call *out, const char *stage, int pos,
              const char *name, int max)
{
    struct grant_criterion *k = &out->criteria[out->ncriteria++];

    k->stage = stage;
    k->pos = pos;
    k->name = name;
    k->max_points = max;
}

static void
check_criteria(struct check *c, const struct grant_call_form *f,
               struct grant_call *out)
{
    int i, nformal = 0, nmerit = 0;

    out->criteria =
        arena_alloc(c->a, 2 * GRANT_CRITERIA_MAX * sizeof(*out->criteria));
    for (i = 0; i < GRANT_CRITERIA_MAX; i++) {
        const char *label = arena_printf(c->a, T_GC_F_FORMAL, i + 1);
        const char *name = text(c, f->formal[i], label, 500, false);

        if (name != NULL && *name != '\0') {
            add_criterion(out, "formal", ++nformal, name, 0);
        }
    }
    for (i = 0; i < GRANT_CRITERIA_MAX; i++) {
        const char *nl = arena_printf(c->a, T_GC_F_MERIT, i + 1);
        const char *ml = arena_printf(c->a, T_GC_F_MERIT_MAX, i + 1);
        const char *name = text(c, f->merit[i], nl, 500, false);
        const char *max = text(c, f->merit_max[i], ml, 10, false);
        long pts;

        if (name == NULL || max == NULL || (*name == '\0' && *max == '\0')) {
            continue;
        }
        if (*name == '\0') {
            add_err(c, arena_printf(c->a, T_GC_ERR_POINTS_NAME, ml));
            continue;
        }
        if ((pts = whole(max, 1, 100)) < 0) {
            add_err(c, arena_printf(c->a, T_GC_ERR_POINTS, ml, max));
            continue;
        }
        add_criterion(out, "merit", ++nmerit, name, (int)pts);
    }
    if (nformal == 0) {
        add_err(c,
                arena_printf(c->a, T_GC_ERR_NO_FORMAL, T_GC_CRITERIA_FORMAL));
    }
    if (nmerit == 0) {
        add_err(c, arena_printf(c->a, T_GC_ERR_NO_MERIT, T_GC_CRITERIA_MERIT));
    }
}

static void
check_dates(struct check *c, const struct grant_call_form *f, const char *now,
            struct grant_call *out)
{
    const char *d = text(c, f->until_date, T_GC_F_UNTIL_DATE, 10, true);
    const char *t = text(c, f->until_time, T_GC_F_UNTIL_TIME, 5, true);
    const char *res = text(c, f->results_by, T_GC_F_RESULTS_BY, 10, true);
    char stamp[UTC_STAMP_SIZE];
    bool dok = d != NULL && str_date_valid(d);

    if (d != NULL && !dok) {
        add_err(c, arena_printf(c->a, T_GC_ERR_DATE, T_GC_F_UNTIL_DATE, d));
    }
    const char *tf = text(c, f->task_from, T_GC_F_TASK_FROM, 10, true);
    const char *tt = text(c, f->task_to, T_GC_F_TASK_TO, 10, true);

    if (tf != NULL && !str_date_valid(tf)) {
        add_err(c, arena_printf(c->a, T_GC_ERR_DATE, T_GC_F_TASK_FROM, tf));
    } else if (tt != NULL && !str_date_valid(tt)) {
        add_err(c, arena_printf(c->a, T_GC_ERR_DATE, T_GC_F_TASK_TO, tt));
    } else if (tf != NULL && tt != NULL) {
        if (strcmp(tf, tt) > 0) {
            add_err(c, arena_printf(c->a, T_GC_ERR_PERIOD, T_GC_F_TASK_TO));
        }
        out->task_from = tf;
        out->task_to = tt;
    }
    if (res != NULL && !str_date_valid(res)) {
        add_err(c, arena_printf(c->a, T_GC_ERR_DATE, T_GC_F_RESULTS_BY, res));
        res = NULL;
    }
    if (!dok || t == NULL) {
        return;
    }
    if (!grant_warsaw_to_utc(d, t, stamp)) {
        add_err(c, arena_printf(c->a, T_GC_ERR_TIME, T_GC_F_UNTIL_TIME, t));
        return;
    }
    out->offers_until = arena_strdup(c->a, stamp);
    if (strcmp(out->offers_until, now) <= 0) {
        add_err(c, arena_printf(c->a, T_GC_ERR_PAST, T_GC_F_UNTIL_DATE));
    }
    if (res != NULL) {
        if (strcmp(res, d) < 0) {
            add_err(c, arena_printf(c->a, T_GC_ERR_RESULTS_EARLY,
                                    T_GC_F_RESULTS_BY));
        }
        out->results_by = res;
    }
}

int
grant_call_check(struct arena *a, const struct grant_call_form *f,
                 const char *now, struct grant_call *out, const char ***errs,
                 int *nerrs)
{
    struct check c = {a, errs, nerrs};
    const char *kind = f->kind != NULL ? f->kind : "";
    const char *t;
    int64_t largest = 0;
    long days;
    int i;

    *errs = NULL;
    *nerrs = 0;
    memset(out, 0, sizeof(*out));
    if (strcmp(kind, "grant") != 0 && strcmp(kind, "award") != 0) {
        add_err(&c, arena_printf(a, T_GC_ERR_KIND, T_GC_F_KIND));
    }
    out->kind = kind;
    out->title = text(&c, f->title, T_GC_F_TITLE, GRANT_TITLE_MAX, true);
    out->description =
        text(&c, f->description, T_GC_F_DESCRIPTION, GRANT_TEXT_MAX, false);
    out->task = text(&c, f->task, T_GC_F_TASK, 20, false);
    t = text(&c, f->plan, T_GC_F_PLAN, 20, false);
    if (t != NULL && *t != '\0') {
        out->plan_id = whole(t, 1, 999999);
        if (out->plan_id < 0) {
            add_err(&c, arena_printf(a, T_GC_ERR_PLAN, T_GC_F_PLAN));
        }
    }
    if (out->task != NULL && *out->task != '\0' && out->plan_id == 0) {
        add_err(&c, arena_printf(a, T_GC_ERR_TASK_NO_PLAN, T_GC_F_TASK));
    }
    check_areas(&c, f, out);
    for (i = 0; i < out->nareas; i++) {
        largest =
            out->areas[i].budget > largest ? out->areas[i].budget : largest;
    }
    t = text(&c, f->max_grant, T_GC_F_MAX_GRANT, 40, true);
    if (t != NULL && (out->max_grant = money(&c, t, T_GC_F_MAX_GRANT)) >= 0) {
        if (out->max_grant == 0) {
            add_err(&c, arena_printf(a, T_GC_ERR_POSITIVE, T_GC_F_MAX_GRANT));
        } else if (out->nareas > 0 && out->max_grant > largest) {
            add_err(&c, arena_printf(a, T_GC_ERR_MAX_GRANT, T_GC_F_MAX_GRANT,
                                     str_money(a, out->max_grant),
                                     str_money(a, largest)));
        }
    }
    t = text(&c, f->min_own, T_GC_F_MIN_OWN, 10, true);
    if (t != NULL && (out->min_own_permille = permille(t)) < 0) {
        add_err(&c, arena_printf(a, T_GC_ERR_PERCENT, T_GC_F_MIN_OWN, t));
    }
    t = text(&c, f->correction_days, T_GC_F_CORRECTION, 10, true);
    if (t != NULL && (days = whole(t, 0, 60)) >= 0) {
        out->correction_days = (int)days;
    } else if (t != NULL) {
        add_err(&c, arena_printf(a, T_GC_ERR_DAYS, T_GC_F_CORRECTION, t));
    }
    check_dates(&c, f, now, out);
    check_criteria(&c, f, out);
    return *nerrs > 0 ? ERR_INPUT : 0;
}

enum grant_phase
grant_call_phase(const struct grant_call *c, const char *now)
{
    if (strcmp(c->status, "draft") == 0) {
        return GRANT_DRAFT;
    }
    if (strcmp(c->status, "results") == 0) {
        return GRANT_RESULTS;
    }
    if (strcmp(c->status, "cancelled") == 0) {
        return GRANT_CANCELLED;
    }
    return strcmp(now, c->offers_until) < 0 ? GRANT_OPEN : GRANT_EVALUATION;
}

const char *
grant_phase_code(enum grant_phase p)
{
    static const char *const codes[] = {"draft", "open", "evaluation",
                                        "results", "cancelled"};

    return codes[p];
}

const char *
grant_phase_label(enum grant_phase p)
{
    static const char *const labels[] = {
        T_GC_PHASE_DRAFT, T_GC_PHASE_OPEN, T_GC_PHASE_EVALUATION,
        T_GC_PHASE_RESULTS, T_GC_PHASE_CANCELLED};

    return labels[p];
}

const char *
grant_kind_label(const char *kind)
{
    return strcmp(kind, "award") == 0 ? T_GC_KIND_AWARD : T_GC_KIND_GRANT;
}

/* The fields of c; for the audit log (audit: its arena) its deadline in
 * Warsaw time with the offset, as the log's page shows what it holds. */
static void
call_fields(struct json *j, const struct grant_call *c, struct arena *audit)
{
    int i;

    json_kint(j, "id", c->id);
    json_kstr(j, "region", c->region);
    json_kstr(j, "kind", c->kind);
    json_kstr(j, "title", c->title);
    json_kstr(j, "description", c->description);
    json_kint_if(j, "plan_id", c->plan_id > 0, c->plan_id);
    json_kstr(j, "task", c->task);
    json_kint(j, "amount_grosze", c->amount);
    json_kint(j, "max_grant_grosze", c->max_grant);
    json_kint(j, "min_own_permille", c->min_own_permille);
    json_kstr(j, "offers_until",
              audit != NULL ? grant_stamp_local_iso(audit, c->offers_until)
                            : c->offers_until);
    json_kstr(j, "results_by", c->results_by);
    json_kint(j, "correction_days", c->correction_days);
    json_kstr(j, "task_from", c->task_from);
    json_kstr(j, "task_to", c->task_to);
    json_key(j, "areas");
    json_arr_begin(j);
    for (i = 0; i < c->nareas; i++) {
        json_obj_begin(j);
        json_kint(j, "pos", c->areas[i].pos);
        json_kstr(j, "name", c->areas[i].name);
        json_kint(j, "budget_grosze", c->areas[i].budget);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_key(j, "criteria");
    json_arr_begin(j);
    for (i = 0; i < c->ncriteria; i++) {
        json_obj_begin(j);
        json_kstr(j, "stage", c->criteria[i].stage);
        json_kint(j, "pos", c->criteria[i].pos);
        json_kstr(j, "name", c->criteria[i].name);
        json_kint(j, "max_points", c->criteria[i].max_points);
        json_obj_end(j);
    }
    json_arr_end(j);
}

void
grant_call_json(struct json *j, const struct grant_call *c, const char *now,
                const struct grant_ranked *rk, int n)
{
    int i;

    json_obj_begin(j);
    call_fields(j, c, NULL);
    json_kstr(j, "status", grant_phase_code(grant_call_phase(c, now)));
    json_kstr(j, "published_at", c->published_at);
    json_kstr(j, "results_at", c->results_at);
    if (rk != NULL) {
        json_key(j, "offers");
        json_arr_begin(j);
        for (i = 0; i < n; i++) {
            const struct grant_offer *o = &rk[i].o;

            json_obj_begin(j);
            json_kint(j, "id", o->id);
            json_kstr(j, "receipt", o->receipt);
            json_kstr(j, "title", o->title);
            json_kstr(j, "organisation", o->org_name);
            json_kint(j, "area", o->area_pos);
            json_kint(j, "requested_grosze", o->requested);
            json_kint(j, "awarded_grosze", o->awarded > 0 ? o->awarded : 0);
            json_kbool(j, "funded", o->awarded > 0);
            json_kint(j, "points_x100", rk[i].avg100);
            json_obj_end(j);
        }
        json_arr_end(j);
    }
    json_obj_end(j);
}

const char *
grant_call_audit_json(struct arena *a, const struct grant_call *c)
{
    struct buf b;
    struct json j;

    json_obj_open(&j, &b);
    call_fields(&j, c, a);
    json_kstr(&j, "status", c->status);
    return json_obj_dup(a, &j);
}
