/*
** Counting as the project's rules say: the indicators of a yearly plan or
** a project card with values from the events that serve them. What an
** indicator counts is read from its name once (training_classify); the
** counts are catalogue queries, each person (e-mail) and institution
** counted once in the plan's or the task's scope, with complete data only.
*/
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/str.h"
#include "db/db.h"
#include "monitoring/monitoring.h"
#include "plan/plan_store.h"
#include "training/strings_pl.h"
#include "training/training.h"

/* The group a breakdown row names ("· policjantów"), or NULL. */
static const char *
group_of(const char *folded)
{
    static const struct {
        const char *word, *group;
    } words[] = {
        {V_TR_G_TEAM, "team"},         {V_TR_G_GKRPA, "gkrpa"},
        {V_TR_G_TEACHERS, "teachers"}, {V_TR_G_PROBATION, "probation"},
        {V_TR_G_POLICE, "police"},     {V_TR_G_SOCIAL, "social"},
    };
    size_t i;

    for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        if (strstr(folded, words[i].word) != NULL) {
            return words[i].group;
        }
    }
    return NULL;
}

/*
** What indicator i of p counts. A breakdown row of a persons indicator
** counts its group; otherwise the name decides, its unit where the name
** mentions both persons and institutions ("1100 osób zatrudnionych w
** instytucjach" counts persons).
*/
static enum training_measure
classify(struct arena *a, const struct plan *p, int i, const char **group)
{
    const struct plan_indicator *ind = &p->indicators[i];
    const char *name = str_fold(a, ind->name ? ind->name : "");
    const char *unit = ind->unit ? str_fold(a, ind->unit) : "";

    *group = NULL;
    if (ind->parent >= 0) {
        const char *pg;

        if (classify(a, p, ind->parent, &pg) == TM_PERSONS &&
            (*group = group_of(name)) != NULL) {
            return TM_GROUP;
        }
        return TM_NONE;
    }
    if (strstr(name, V_TR_DEINST) != NULL) {
        return TM_LPDI; /* the LPDI register's share */
    }
    if (strstr(name, V_TR_QUALIF) != NULL) {
        return TM_QUALIFIED;
    }
    if (strstr(name, V_TR_TRAINED) != NULL) {
        return TM_PERSONS;
    }
    if (str_starts(unit, V_TR_UNIT_INST)) {
        return TM_INSTITUTIONS;
    }
    if (str_starts(unit, V_TR_UNIT_PERSONS)) {
        return TM_PERSONS;
    }
    if (strstr(name, V_TR_TRAININGS) != NULL ||
        strstr(name, V_TR_EVENTS_A) != NULL ||
        strstr(name, V_TR_EVENTS_B) != NULL) {
        return TM_EVENTS;
    }
    return TM_NONE;
}

static int
count(struct db *db, enum training_measure m, int64_t plan_id, const char *task,
      const char *group, int64_t *n)
{
    enum query_id q = m == TM_PERSONS        ? Q_TR_COUNT_PERSONS
                      : m == TM_INSTITUTIONS ? Q_TR_COUNT_INSTITUTIONS
                      : m == TM_QUALIFIED    ? Q_TR_COUNT_QUALIFIED
                      : m == TM_EVENTS       ? Q_TR_COUNT_EVENTS
                                             : Q_TR_COUNT_GROUP;
    db_stmt *st = db_query(db, q);

    db_bind_int(st, 1, plan_id);
    db_bind_text(st, 2, task);
    if (m == TM_GROUP) {
        db_bind_text(st, 3, group);
    }
    return db_one_int(st, n);
}

static const char *
how(struct arena *a, const struct training_indicator *x)
{
    const char *scope = x->task[0] != '\0'
                            ? arena_printf(a, T_TR_SCOPE_TASK, x->task)
                            : T_TR_SCOPE_PROJECT;

    switch (x->measure) {
    case TM_PERSONS:
        return arena_printf(a, T_TR_HOW_PERSONS, scope);
    case TM_INSTITUTIONS:
        return T_TR_HOW_INSTITUTIONS;
    case TM_QUALIFIED:
        return arena_printf(a, T_TR_HOW_QUALIFIED, scope,
                            (long long)x->numerator,
                            (long long)(x->value - x->numerator));
    case TM_EVENTS:
        return arena_printf(a, T_TR_HOW_EVENTS, scope);
    case TM_LPDI:
        return arena_printf(a, T_TR_HOW_LPDI, (long long)x->numerator,
                            (long long)x->denominator);
    case TM_GROUP:
        return arena_printf(
            a, T_TR_HOW_GROUP,
            training_label(training_groups, training_group_labels, x->group));
    default:
        return T_TR_HOW_NONE;
    }
}

/*
** The one rule (training.h): the count where records exist, else the
** approved values entered by hand for the indicator, else nothing.
*/
static int
choose_figures(struct db *db, struct arena *a, int64_t plan_id,
               struct training_indicator *v, int n)
{
    struct mon_sum *sums;
    int ns = mon_sums(db, a, plan_id, false, &sums), k;

    if (ns < 0) {
        return ns;
    }
    for (k = 0; k < n; k++) {
        v[k].source = v[k].has_value ? TS_COUNTED : TS_NONE;
        v[k].figure = v[k].has_value ? v[k].value : 0;
    }
    for (k = 0; k < ns; k++) {
        struct training_indicator *x =
            sums[k].pos >= 0 && sums[k].pos < n ? &v[sums[k].pos] : NULL;

        if (x == NULL || strcmp(sums[k].kind, "indicator") != 0 ||
            sums[k].napproved == 0 || x->source == TS_COUNTED) {
            continue;
        }
        x->source = TS_ENTERED;
        x->figure += sums[k].sum;
        x->how = T_TR_HOW_ENTERED;
    }
    return 0;
}

static void
kind_row(struct arena *a, db_stmt *st, void *elem)
{
    struct training_kind_count *k = elem;

    k->kind = db_col_text_dup(a, st, 0);
    k->n = db_col_int(st, 1);
}

int
training_plan_indicators(struct db *db, struct arena *a, int64_t plan_id,
                         struct training_indicator **out,
                         struct training_kind_count **by_kind, int *nkinds)
{
    struct plan *p;
    struct plan_meta meta;
    struct training_indicator *v;
    db_stmt *st;
    int rc, i;

    if ((rc = plan_store_load(db, a, plan_id, &p, &meta)) != 0) {
        return rc;
    }
    v = arena_alloc(a, sizeof(*v) * (size_t)(p->nindicators + 1));
    for (i = 0; i < p->nindicators; i++) {
        const struct plan_indicator *ind = &p->indicators[i];
        const struct plan_num *target =
            p->kind == PLAN_YEARLY ? &ind->target_year : &ind->target_multi;
        struct training_indicator *x = &v[i];

        x->pos = i;
        x->name = ind->name;
        x->task = ind->task >= 0 && ind->task < p->ntasks
                      ? p->tasks[ind->task].number
                      : "";
        x->has_target = target->kind == PLAN_NUM_VALUE;
        x->target = target->v;
        x->measure = classify(a, p, i, &x->group);
        if (x->measure == TM_LPDI) {
            int64_t recorded;

            /* counted once the region's register has a row, as above */
            if ((rc = training_lpdi_share(db, a, meta.region, &x->numerator,
                                          &x->denominator, &recorded)) != 0) {
                return rc;
            }
            x->has_value = x->denominator > 0 && recorded > 0;
            x->value = x->has_value ? x->numerator * 100 / x->denominator : 0;
            x->how = how(a, x);
            continue;
        }
        if (x->measure != TM_NONE) {
            /* counted once an event serves the task (or the card): until
             * then the values entered by hand stay the indicator's */
            int64_t serving;

            st = db_query(db, Q_TR_COUNT_SERVING);
            db_bind_int(st, 1, plan_id);
            db_bind_text(st, 2, x->task);
            if ((rc = db_one_int(st, &serving)) != 0) {
                return rc;
            }
            x->measure = serving > 0 ? x->measure : TM_NONE;
        }
        if (x->measure != TM_NONE) {
            if ((rc = count(db, x->measure, plan_id, x->task, x->group,
                            &x->value)) != 0) {
                return rc;
            }
            x->has_value = true;
            if (x->measure == TM_QUALIFIED) {
                /* of them, by the online test (the rest by paper) */
                st = db_query(db, Q_TR_COUNT_QUALIFIED_ONLINE);
                db_bind_int(st, 1, plan_id);
                db_bind_text(st, 2, x->task);
                if ((rc = db_one_int(st, &x->numerator)) != 0) {
                    return rc;
                }
            }
        }
        x->how = how(a, x);
    }
    if ((rc = choose_figures(db, a, plan_id, v, p->nindicators)) != 0) {
        return rc;
    }
    *out = v;
    st = db_query(db, Q_TR_COUNT_BY_KIND);
    db_bind_int(st, 1, plan_id);
    db_bind_text(st, 2, "");
    if ((*nkinds = db_list(st, a, sizeof(**by_kind), kind_row, by_kind)) < 0) {
        return *nkinds;
    }
    return p->nindicators;
}

const char *
training_measure_name(enum training_measure m)
{
    static const char *const names[] = {"none",      "persons", "institutions",
                                        "qualified", "events",  "group",
                                        "lpdi"};

    return m >= TM_NONE && m <= TM_LPDI ? names[m] : "none";
}

const char *
training_source_name(enum training_source s)
{
    return s == TS_COUNTED ? "counted" : s == TS_ENTERED ? "entered" : NULL;
}
