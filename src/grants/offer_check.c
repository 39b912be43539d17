/*
** The offer's checks without SQL: reading the form (each field in its
** form: money, counts, dates; a field that is not adds a finding and
** nothing is saved) and the checks a draft must pass to be submitted
** against its call (sums, own contribution, largest grant, dates inside the
** call's period, declarations). Every finding names its field, as the
** form labels it, and carries the field's name so that the page can mark
** it.
*/
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/json.h"
#include "core/str.h"
#include "grants.h"
#include "plan/plan.h"
#include "grants/strings_pl.h"

struct reader {
    struct arena *a;
    struct grant_finding **finds;
    int *n;
};

static void
find(struct reader *r, const char *field, const char *msg)
{
    *r->finds = arena_grow(r->a, *r->finds, *r->n, sizeof(**r->finds));
    (*r->finds)[*r->n].field = field;
    (*r->finds)[(*r->n)++].message = msg;
}

static const char *
text(struct reader *r, const char *s, const char *field, const char *label,
     int max)
{
    const char *t = str_trim(r->a, s != NULL ? s : "");

    if (strlen(t) > (size_t)max) {
        find(r, field, arena_printf(r->a, T_GC_ERR_TOO_LONG, label, max));
        return "";
    }
    return t;
}

/* Money of a field ("" is 0): grosze, or -1 with a finding. */
static int64_t
money(struct reader *r, const char *s, const char *field, const char *label)
{
    const char *t = text(r, s, field, label, 40);
    struct plan_num n;

    if (*t == '\0') {
        return 0;
    }
    if (plan_num_money(t, &n) != 0 || n.kind != PLAN_NUM_VALUE || n.v < 0) {
        find(r, field, arena_printf(r->a, T_GC_ERR_MONEY, label, t));
        return -1;
    }
    return n.v;
}

/* A date field ("" allowed): the text, or "" with a finding. */
static const char *
date(struct reader *r, const char *s, const char *field, const char *label)
{
    const char *t = text(r, s, field, label, 10);

    if (*t != '\0' && !str_date_valid(t)) {
        find(r, field, arena_printf(r->a, T_GF_ERR_DATE, label, t));
        return "";
    }
    return t;
}

static int64_t
count(struct reader *r, const char *s, const char *field, const char *label)
{
    const char *t = text(r, s, field, label, 12);
    int64_t v = 0;
    size_t i;

    for (i = 0; t[i] != '\0'; i++) {
        if (t[i] < '0' || t[i] > '9') {
            find(r, field, arena_printf(r->a, T_GF_ERR_COUNT, label, t));
            return -1;
        }
        v = v * 10 + (t[i] - '0');
    }
    return v;
}

static void
read_rows(struct reader *r, const struct grant_offer_form *f,
          struct grant_offer *o)
{
    struct arena *a = r->a;
    int i;

    o->actions = arena_alloc(a, GRANT_ACTIONS_MAX * sizeof(*o->actions));
    for (i = 0; i < GRANT_ACTIONS_MAX; i++) {
        const char *name =
            text(r, f->action[i], arena_printf(a, "action%d", i + 1),
                 arena_printf(a, T_GF_F_ACTION, i + 1), 500);
        const char *from =
            date(r, f->action_from[i], arena_printf(a, "action%d_from", i + 1),
                 arena_printf(a, T_GF_F_ACTION_FROM, i + 1));
        const char *to =
            date(r, f->action_to[i], arena_printf(a, "action%d_to", i + 1),
                 arena_printf(a, T_GF_F_ACTION_TO, i + 1));

        if (*name == '\0' && *from == '\0' && *to == '\0') {
            continue;
        }
        o->actions[o->nactions].pos = o->nactions + 1;
        o->actions[o->nactions].name = name;
        o->actions[o->nactions].date_from = from;
        o->actions[o->nactions].date_to = to;
        o->nactions++;
    }
    o->results = arena_alloc(a, GRANT_RESULTS_MAX * sizeof(*o->results));
    for (i = 0; i < GRANT_RESULTS_MAX; i++) {
        const char *name =
            text(r, f->result[i], arena_printf(a, "result%d", i + 1),
                 arena_printf(a, T_GF_F_RESULT, i + 1), 500);
        const char *t = f->result_target[i] ? f->result_target[i] : "";
        int64_t target = count(r, t, arena_printf(a, "result%d_target", i + 1),
                               arena_printf(a, T_GF_F_RESULT_TARGET, i + 1));

        if (*name == '\0' && *str_trim(a, t) == '\0') {
            continue;
        }
        o->results[o->nresults].pos = o->nresults + 1;
        o->results[o->nresults].name = name;
        o->results[o->nresults].target = target < 0 ? 0 : target;
        o->nresults++;
    }
    o->costs = arena_alloc(a, GRANT_COSTS_MAX * sizeof(*o->costs));
    for (i = 0; i < GRANT_COSTS_MAX; i++) {
        struct grant_cost *k = &o->costs[o->ncosts];
        const char *name =
            text(r, f->cost_name[i], arena_printf(a, "cost%d_name", i + 1),
                 arena_printf(a, T_GF_F_COST_NAME, i + 1), 500);

        k->total =
            money(r, f->cost_total[i], arena_printf(a, "cost%d_total", i + 1),
                  arena_printf(a, T_GF_F_COST_TOTAL, i + 1));
        k->grant =
            money(r, f->cost_grant[i], arena_printf(a, "cost%d_grant", i + 1),
                  arena_printf(a, T_GF_F_COST_GRANT, i + 1));
        k->own_fin =
            money(r, f->cost_own[i], arena_printf(a, "cost%d_own", i + 1),
                  arena_printf(a, T_GF_F_COST_OWN, i + 1));
        k->own_nonfin =
            money(r, f->cost_nonfin[i], arena_printf(a, "cost%d_nonfin", i + 1),
                  arena_printf(a, T_GF_F_COST_NONFIN, i + 1));
        if (*name == '\0' && k->total == 0 && k->grant == 0 &&
            k->own_fin == 0 && k->own_nonfin == 0) {
            continue;
        }
        k->pos = o->ncosts + 1;
        k->name = name;
        k->kind =
            f->cost_kind[i] != NULL && strcmp(f->cost_kind[i], "admin") == 0
                ? "admin"
                : "action";
        k->total = k->total < 0 ? 0 : k->total;
        k->grant = k->grant < 0 ? 0 : k->grant;
        k->own_fin = k->own_fin < 0 ? 0 : k->own_fin;
        k->own_nonfin = k->own_nonfin < 0 ? 0 : k->own_nonfin;
        o->ncosts++;
    }
}

int
grant_offer_read(struct arena *a, const struct grant_offer_form *f,
                 struct grant_offer *out, struct grant_finding **finds,
                 int *nfinds)
{
    struct reader r = {a, finds, nfinds};
    const char *area;
    int i;

    *finds = NULL;
    *nfinds = 0;
    memset(out, 0, sizeof(*out));
    area = text(&r, f->area, "area", T_GF_F_AREA, 3);
    out->area_pos =
        *area >= '1' && *area <= '9' && area[1] == '\0' ? *area - '0' : 0;
    out->title = text(&r, f->title, "title", T_GF_F_TITLE, GRANT_TITLE_MAX);
    out->place = text(&r, f->place, "place", T_GF_F_PLACE, 2000);
    out->description = text(&r, f->description, "description",
                            T_GF_F_DESCRIPTION, GRANT_TEXT_MAX);
    out->date_from = date(&r, f->date_from, "date_from", T_GF_F_FROM);
    out->date_to = date(&r, f->date_to, "date_to", T_GF_F_TO);
    out->requested = money(&r, f->requested, "requested", T_GF_F_REQUESTED);
    for (i = 0; i < GRANT_DECLARATIONS; i++) {
        out->declarations |= f->declaration[i] ? 1 << i : 0;
    }
    read_rows(&r, f, out);
    return *nfinds > 0 ? ERR_INPUT : 0;
}

/* "12,5" for tenths of a percent. */
static const char *
pct(struct arena *a, int64_t permille)
{
    return permille % 10 ? arena_printf(a, "%ld,%ld", (long)(permille / 10),
                                        (long)(permille % 10))
                         : arena_printf(a, "%ld", (long)(permille / 10));
}

static void
check_period(struct reader *r, const struct grant_call *c,
             const struct grant_offer *o)
{
    struct arena *a = r->a;
    int i;

    if (*o->date_from == '\0') {
        find(r, "date_from", arena_printf(a, T_GC_ERR_REQUIRED, T_GF_F_FROM));
    } else if (*c->task_from && strcmp(o->date_from, c->task_from) < 0) {
        find(r, "date_from",
             arena_printf(a, T_GF_ERR_BEFORE_CALL, T_GF_F_FROM, o->date_from,
                          c->task_from));
    }
    if (*o->date_to == '\0') {
        find(r, "date_to", arena_printf(a, T_GC_ERR_REQUIRED, T_GF_F_TO));
    } else if (*c->task_to && strcmp(o->date_to, c->task_to) > 0) {
        find(r, "date_to",
             arena_printf(a, T_GF_ERR_AFTER_CALL, T_GF_F_TO, o->date_to,
                          c->task_to));
    }
    if (*o->date_from && *o->date_to && strcmp(o->date_from, o->date_to) > 0) {
        find(r, "date_to", arena_printf(a, T_GF_ERR_ORDER, T_GF_F_TO));
    }
    if (o->nactions == 0) {
        find(r, "action1", arena_printf(a, T_GF_ERR_NO_ACTION, T_GF_S3));
    }
    for (i = 0; i < o->nactions; i++) {
        const struct grant_action *x = &o->actions[i];
        const char *field = arena_printf(a, "action%d", i + 1);
        const char *label = arena_printf(a, T_GF_F_ACTION, i + 1);

        if (*x->name == '\0') {
            find(r, field, arena_printf(a, T_GF_ERR_ROW_NAME, label));
        } else if (*x->date_from == '\0' || *x->date_to == '\0') {
            find(r, arena_printf(a, "action%d_from", i + 1),
                 arena_printf(a, T_GC_ERR_REQUIRED,
                              arena_printf(a, T_GF_F_ACTION_FROM, i + 1)));
        } else if (strcmp(x->date_from, x->date_to) > 0) {
            find(r, arena_printf(a, "action%d_to", i + 1),
                 arena_printf(a, T_GF_ERR_ORDER,
                              arena_printf(a, T_GF_F_ACTION_TO, i + 1)));
        } else if (*o->date_from && *o->date_to &&
                   (strcmp(x->date_from, o->date_from) < 0 ||
                    strcmp(x->date_to, o->date_to) > 0)) {
            find(r, arena_printf(a, "action%d_from", i + 1),
                 arena_printf(a, T_GF_ERR_ACTION_OUTSIDE, label, o->date_from,
                              o->date_to));
        }
    }
}

/* The cost lines of o: each named and summing, the own contribution at
 * least the call's minimum share; their grant parts' sum. */
static int64_t
check_lines(struct reader *r, const struct grant_call *c,
            const struct grant_offer *o)
{
    struct arena *a = r->a;
    int64_t total = 0, grant = 0, own = 0;
    int i;

    if (o->ncosts == 0) {
        find(r, "cost1_name", arena_printf(a, T_GF_ERR_NO_COST, T_GF_S5));
    }
    for (i = 0; i < o->ncosts; i++) {
        const struct grant_cost *k = &o->costs[i];
        int64_t parts = k->grant + k->own_fin + k->own_nonfin;

        if (*k->name == '\0') {
            find(r, arena_printf(a, "cost%d_name", i + 1),
                 arena_printf(a, T_GF_ERR_ROW_NAME,
                              arena_printf(a, T_GF_F_COST_NAME, i + 1)));
        }
        if (parts != k->total) {
            find(r, arena_printf(a, "cost%d_total", i + 1),
                 arena_printf(a, T_GF_ERR_COST_SUM,
                              arena_printf(a, T_GF_F_COST_TOTAL, i + 1),
                              str_money(a, k->total), str_money(a, parts)));
        }
        total += k->total;
        grant += k->grant;
        own += k->own_fin + k->own_nonfin;
    }
    /* own * 1000 / total < minimum, in integers: no rounding lets 9,96 %
     * pass for 10 % */
    if (total > 0 && own * 1000 < (int64_t)c->min_own_permille * total) {
        find(r, "cost1_own",
             arena_printf(a, T_GF_ERR_OWN_SHARE, T_GF_F_OWN,
                          pct(a, own * 1000 / total),
                          pct(a, c->min_own_permille)));
    }
    return grant;
}

static void
check_costs(struct reader *r, const struct grant_call *c,
            const struct grant_offer *o)
{
    struct arena *a = r->a;
    int64_t grant = check_lines(r, c, o);

    if (o->requested != grant) {
        find(r, "requested",
             arena_printf(a, T_GF_ERR_REQUESTED_SUM, T_GF_F_REQUESTED,
                          str_money(a, o->requested), str_money(a, grant)));
    }
    if (o->requested > c->max_grant) {
        find(r, "requested",
             arena_printf(a, T_GF_ERR_MAX_GRANT, T_GF_F_REQUESTED,
                          str_money(a, o->requested),
                          str_money(a, c->max_grant)));
    }
}

int
grant_estimate_check(struct arena *a, const struct grant_call *c,
                     const struct grant_offer *o, int64_t awarded,
                     struct grant_finding **finds)
{
    int n = 0;
    struct reader r = {a, finds, &n};
    int64_t grant;

    *finds = NULL;
    grant = check_lines(&r, c, o);
    if (o->ncosts > 0 && grant != awarded) {
        find(&r, "cost1_grant",
             arena_printf(a, T_GS_ERR_ESTIMATE_GRANT, T_GS_ESTIMATE,
                          str_money(a, grant), str_money(a, awarded)));
    }
    return n;
}

static void
check_results(struct reader *r, const struct grant_offer *o)
{
    int i;

    for (i = 0; i < o->nresults; i++) {
        if (*o->results[i].name == '\0') {
            find(r, arena_printf(r->a, "result%d", i + 1),
                 arena_printf(r->a, T_GF_ERR_ROW_NAME,
                              arena_printf(r->a, T_GF_F_RESULT, i + 1)));
        }
    }
    if (o->nresults == 0) {
        find(r, "result1", arena_printf(r->a, T_GF_ERR_NO_RESULT, T_GF_S4));
    }
}

int
grant_offer_check(struct arena *a, const struct grant_call *c,
                  const struct grant_offer *o, struct grant_finding **finds)
{
    int n = 0, i;
    struct reader r = {a, finds, &n};
    bool area = false;

    *finds = NULL;
    for (i = 0; i < c->nareas; i++) {
        area = area || c->areas[i].pos == o->area_pos;
    }
    if (!area) {
        find(&r, "area", arena_printf(a, T_GF_ERR_AREA, T_GF_F_AREA));
    }
    if (*o->title == '\0') {
        find(&r, "title", arena_printf(a, T_GC_ERR_REQUIRED, T_GF_F_TITLE));
    }
    if (*o->place == '\0') {
        find(&r, "place", arena_printf(a, T_GC_ERR_REQUIRED, T_GF_F_PLACE));
    }
    if (*o->description == '\0') {
        find(&r, "description",
             arena_printf(a, T_GC_ERR_REQUIRED, T_GF_F_DESCRIPTION));
    }
    /* an entry for an award: the nomination's description is what the
     * jury scores; it has no task period, results or cost estimate */
    if (c->kind == NULL || strcmp(c->kind, "award") != 0) {
        check_period(&r, c, o);
        check_results(&r, o);
        check_costs(&r, c, o);
    }
    for (i = 0; i < GRANT_DECLARATIONS; i++) {
        if (!(o->declarations & (1 << i))) {
            find(&r, arena_printf(a, "declaration%d", i + 1),
                 arena_printf(a, T_GF_ERR_DECLARATION,
                              arena_printf(a, T_GF_F_DECLARATION, i + 1)));
        }
    }
    return n;
}

void
grant_offer_json(struct json *j, const struct grant_offer *o,
                 struct arena *audit)
{
    int i;

    json_obj_begin(j);
    json_kint(j, "id", o->id);
    json_kint(j, "call_id", o->call_id);
    json_kint(j, "organisation_id", o->org_id);
    json_kstr(j, "organisation", o->org_name);
    json_kint(j, "area", o->area_pos);
    json_kstr(j, "title", o->title);
    json_kstr(j, "place", o->place);
    json_kstr(j, "description", o->description);
    json_kstr(j, "date_from", o->date_from);
    json_kstr(j, "date_to", o->date_to);
    json_kint(j, "requested_grosze", o->requested);
    json_kstr(j, "status", o->status);
    json_kstr(j, "receipt", o->receipt);
    json_kstr(j, "submitted_at",
              audit != NULL ? grant_stamp_local_iso(audit, o->submitted_at)
                            : o->submitted_at);
    json_key(j, "actions");
    json_arr_begin(j);
    for (i = 0; i < o->nactions; i++) {
        json_obj_begin(j);
        json_kstr(j, "name", o->actions[i].name);
        json_kstr(j, "date_from", o->actions[i].date_from);
        json_kstr(j, "date_to", o->actions[i].date_to);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_key(j, "results");
    json_arr_begin(j);
    for (i = 0; i < o->nresults; i++) {
        json_obj_begin(j);
        json_kstr(j, "name", o->results[i].name);
        json_kint(j, "target", o->results[i].target);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_key(j, "costs");
    json_arr_begin(j);
    for (i = 0; i < o->ncosts; i++) {
        const struct grant_cost *k = &o->costs[i];

        json_obj_begin(j);
        json_kstr(j, "kind", k->kind);
        json_kstr(j, "name", k->name);
        json_kint(j, "total_grosze", k->total);
        json_kint(j, "grant_grosze", k->grant);
        json_kint(j, "own_financial_grosze", k->own_fin);
        json_kint(j, "own_nonfinancial_grosze", k->own_nonfin);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_obj_end(j);
}
