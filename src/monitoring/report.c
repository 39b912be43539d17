/*
** The annual implementation report's model: one pass over the plan, the
** grouped sums of its realisation entries (one query), the computed
** indicators and the programme's earlier yearly plans. The writers
** (HTML in monitoring_pages.c, JSON here, XLSX and PDF in report_*.c)
** only format what this builds, so every format shows the same numbers.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/json.h"
#include "core/str.h"
#include "core/warsaw.h"
#include "db/db.h"
#include "monitoring.h"
#include "training/training.h"
#include "monitoring/strings_pl.h"
#include "region/region.h"

const char *
mon_pct_text(struct arena *a, int pct10)
{
    if (pct10 < 0) {
        return "–";
    }
    if (pct10 % 10 == 0) {
        return arena_printf(a, "%d", pct10 / 10);
    }
    return arena_printf(a, "%d,%d", pct10 / 10, pct10 % 10);
}

int
mon_pct10(int64_t real, int64_t target)
{
    int64_t v;

    if (target <= 0) {
        return -1;
    }
    v = (real * 1000 + target / 2) / target;
    return v > 100000 ? 100000 : (int)v;
}

struct earlier {
    const char *key; /* task number + '\x1f' + folded name */
    int64_t sum;
};

static int
earlier_cmp(const void *x, const void *y)
{
    return strcmp(((const struct earlier *)x)->key,
                  ((const struct earlier *)y)->key);
}

static const char *
ind_key(struct arena *a, const char *number, const char *name)
{
    return arena_printf(a, "%s\x1f%s", number ? number : "",
                        str_fold(a, name ? name : ""));
}

/* Sums of the programme's earlier yearly plans, sorted by key. */
static int
load_earlier(struct db *db, struct arena *a, int64_t programme, int year,
             int64_t plan_id, struct earlier **out)
{
    struct mon_earlier_sum *sums;
    struct earlier *list = NULL;
    int n = mon_earlier_sums(db, a, programme, year, plan_id, &sums), i;

    if (n < 0) {
        return n;
    }
    if (n > 0) {
        list = arena_alloc(a, sizeof(*list) * (size_t)n);
    }
    for (i = 0; i < n; i++) {
        list[i].key = ind_key(a, sums[i].task_number, sums[i].name);
        list[i].sum = sums[i].sum;
    }
    if (n > 1) {
        qsort(list, (size_t)n, sizeof(*list), earlier_cmp);
    }
    *out = list;
    return n;
}

static int64_t
earlier_sum(const struct earlier *list, int n, const char *key)
{
    struct earlier probe = {key, 0};
    const struct earlier *hit;
    int64_t sum = 0;

    if (n == 0) {
        return 0;
    }
    hit = bsearch(&probe, list, (size_t)n, sizeof(*list), earlier_cmp);
    if (hit == NULL) {
        return 0;
    }
    while (hit > list && strcmp(hit[-1].key, key) == 0) {
        hit--;
    }
    for (; hit < list + n && strcmp(hit->key, key) == 0; hit++) {
        sum += hit->sum;
    }
    return sum;
}

static int
apply_sums(struct db *db, struct arena *a, struct mon_report *m)
{
    const struct plan *p = m->p;
    struct mon_sum *sums;
    int n = mon_sums(db, a, m->meta.id, false, &sums), i;

    for (i = 0; i < n; i++) {
        const char *kind = sums[i].kind;
        int pos = sums[i].pos;
        /* Official figures count approved values only; the figure with
         * the pending entries goes beside them, never into them. */
        int64_t sum = sums[i].sum, napproved = sums[i].napproved;
        int64_t would = sums[i].would, pending = sums[i].pending;
        int64_t cnt = sums[i].count;

        m->entries += cnt;
        m->entries_pending += pending;
        if (strcmp(kind, "indicator") == 0) {
            struct mon_rind *ri;

            if (pos < 0 || pos >= p->nindicators) {
                continue;
            }
            ri = &m->ind[pos];
            ri->has_data = ri->has_data || napproved > 0;
            ri->real += sum;
            ri->pending += would;
            ri->nentries += (int)cnt;
            ri->npending += (int)pending;
            m->indicator_sum += sum;
            if (p->indicators[pos].task >= 0 && napproved > 0) {
                m->task[p->indicators[pos].task].has_data = true;
            }
        } else {
            int s = plan_source_find(p, sums[i].source);

            if (pos < 0 || pos >= p->nlines || s < 0) {
                continue;
            }
            m->line_spent[pos * p->nsources + s] += sum;
            m->spent_by[s] += sum;
            m->spent_total += sum;
            m->pending_by[s] += would;
            m->pending_total += would;
            m->npending_by[s] += (int)pending;
            m->npending_lines += (int)pending;
            if (p->lines[pos].task >= 0) {
                struct mon_rtask *rt = &m->task[p->lines[pos].task];

                rt->spent += sum;
                rt->spent_pending += would;
                rt->npending += (int)pending;
                rt->has_data = rt->has_data || napproved > 0;
            }
        }
    }
    return n < 0 ? n : 0;
}

/*
** Indicators the trainings' records count for this plan (training.h: a
** task some event of the trainings serves, e.g. 001 task 1.1 and its
** groups): the count from the sign-ups (each person once, present, with
** complete data) is their realisation of the year, in place of a binding
** to the hand-typed events register.
*/
static int
apply_training_counts(struct db *db, struct arena *a, struct mon_report *m)
{
    struct training_indicator *v;
    struct training_kind_count *k;
    int nk, n = training_plan_indicators(db, a, m->meta.id, &v, &k, &nk), i;

    if (n < 0) {
        return n;
    }
    for (i = 0; i < n && i < m->p->nindicators; i++) {
        struct mon_rind *ri = &m->ind[i];
        int t = m->p->indicators[i].task;

        /* the one rule (training.h): the count where records exist */
        if (v[i].source != TS_COUNTED) {
            continue;
        }
        ri->multi_real += v[i].figure - ri->real;
        ri->computed = ri->has_data = true;
        ri->real = ri->pending = v[i].figure;
        ri->metric = T_MON_METRIC_TRAININGS;
        if (t >= 0) {
            m->task[t].has_data = true;
        }
    }
    return 0;
}

static int
apply_bindings(struct db *db, struct arena *a, struct mon_report *m, int from)
{
    struct mon_binding *b;
    int n = mon_bindings_of_plan(db, a, m->meta.id, &b), i, rc;

    if (n < 0) {
        return n;
    }
    for (i = 0; i < n; i++) {
        const struct mon_metric *mt = mon_metric_find(b[i].metric);
        struct mon_rind *ri;
        int64_t v = 0, multi = 0;

        if (mt == NULL || b[i].pos < 0 || b[i].pos >= m->p->nindicators) {
            continue;
        }
        rc = mon_metric_eval(db, m->meta.region, b[i].metric, b[i].filter,
                             b[i].task, m->year, m->year, &v);
        if (rc == 0) {
            rc = mon_metric_eval(db, m->meta.region, b[i].metric, b[i].filter,
                                 b[i].task, from, m->year, &multi);
        }
        if (rc != 0) {
            return rc;
        }
        ri = &m->ind[b[i].pos];
        ri->computed = true;
        ri->has_data = true;
        ri->real = v;
        ri->pending = v;
        ri->multi_real = multi;
        ri->metric =
            *b[i].filter
                ? arena_printf(a, "%s: %s", mt->label,
                               mon_metric_filter_label(mt, b[i].filter))
                : mt->label;
        if (m->p->indicators[b[i].pos].task >= 0) {
            m->task[m->p->indicators[b[i].pos].task].has_data = true;
        }
    }
    return 0;
}

int
mon_report_build(struct db *db, struct arena *a, int64_t plan_id,
                 struct mon_report *m)
{
    struct plan_meta meta;
    struct plan *pp;
    int rc;

    if ((rc = plan_store_load(db, a, plan_id, &pp, &meta)) != 0) {
        memset(m, 0, sizeof(*m));
        return rc;
    }
    return mon_report_of(db, a, plan_id, pp, &meta, m);
}

int
mon_report_of(struct db *db, struct arena *a, int64_t plan_id,
              const struct plan *p, const struct plan_meta *meta,
              struct mon_report *m)
{
    struct earlier *earlier = NULL;
    struct region_settings office;
    int64_t programme = 0;
    int from = 0, to = 0, nearlier = 0, i, l, k, g, rc;

    memset(m, 0, sizeof(*m));
    m->p = p;
    m->meta = *meta;
    if (p->kind != PLAN_YEARLY || p->year <= 0) {
        return ERR_INPUT;
    }
    m->year = p->year;
    m->issued_at = (int64_t)time(NULL);
    if (region_get(db, a, m->meta.region, &office) == 0) {
        m->issuer = office.office;
    }
    /* without the programme's years, the document's are used below */
    (void)plan_store_programme_of(db, plan_id, &programme, &from, &to);
    if (from <= 0 || from > m->year) {
        from = p->programme_from > 0 ? p->programme_from : m->year;
        to = p->programme_to > 0 ? p->programme_to : m->year;
    }
    m->elapsed = (int)(m->year - from + 1);
    m->span = to >= from ? (int)(to - from + 1) : 1;
    if (m->elapsed > m->span) {
        m->elapsed = m->span;
    }
    m->ind = arena_alloc(a, sizeof(*m->ind) * (size_t)(p->nindicators + 1));
    m->task = arena_alloc(a, sizeof(*m->task) * (size_t)(p->ntasks + 1));
    m->goal_pct10 = arena_alloc(a, sizeof(int) * (size_t)(p->ngoals + 1));
    m->line_spent =
        arena_alloc(a, sizeof(int64_t) * (size_t)(p->nlines * p->nsources + 1));
    for (i = 0; i < p->nindicators; i++) {
        m->ind[i].ind = i;
    }
    /* Planned budget by source, per task. */
    for (l = 0; l < p->nlines; l++) {
        for (k = 0; k < p->lines[l].namounts; k++) {
            const struct plan_amount *am = &p->lines[l].amounts[k];

            if (am->amount.kind == PLAN_NUM_VALUE && am->source >= 0 &&
                am->source < PLAN_SOURCES_MAX) {
                m->planned_by[am->source] += am->amount.v;
            }
        }
        if (p->lines[l].task >= 0) {
            m->task[p->lines[l].task].planned += plan_line_value(&p->lines[l]);
        }
        m->planned_total += plan_line_value(&p->lines[l]);
    }
    if ((rc = apply_sums(db, a, m)) != 0) {
        return rc;
    }
    m->nnarratives = mon_narratives(db, a, plan_id, &m->narratives);
    if (m->nnarratives < 0) {
        return m->nnarratives;
    }
    if ((rc = mon_entries_count(db, plan_id, T_MON_DEMO_NOTE,
                                &m->demo_entries)) != 0) {
        return rc;
    }
    if (programme > 0) {
        nearlier = load_earlier(db, a, programme, m->year, plan_id, &earlier);
        if (nearlier < 0) {
            return nearlier;
        }
    }
    for (i = 0; i < p->nindicators; i++) {
        const struct plan_indicator *in = &p->indicators[i];
        struct mon_rind *ri = &m->ind[i];

        ri->has_target = in->target_year.kind == PLAN_NUM_VALUE;
        ri->target = ri->has_target ? in->target_year.v : 0;
        ri->has_multi = in->target_multi.kind == PLAN_NUM_VALUE;
        ri->multi_target = ri->has_multi ? in->target_multi.v : 0;
        if (nearlier > 0) {
            const char *number = in->task >= 0 ? p->tasks[in->task].number : "";
            ri->multi_real =
                earlier_sum(earlier, nearlier, ind_key(a, number, in->name));
        }
        ri->multi_real += ri->real;
    }
    if ((rc = apply_bindings(db, a, m, (int)from)) != 0 ||
        (rc = apply_training_counts(db, a, m)) != 0) {
        return rc;
    }
    for (i = 0; i < p->nindicators; i++) {
        struct mon_rind *ri = &m->ind[i];
        int t = p->indicators[i].task;

        ri->pct10 = ri->has_target ? mon_pct10(ri->real, ri->target) : -1;
        ri->multi_pct10 =
            ri->has_multi ? mon_pct10(ri->multi_real, ri->multi_target) : -1;
        if (ri->has_target && ri->target > 0 &&
            ri->real * 10 < ri->target * 9) {
            ri->at_risk = true;
        }
        if (ri->has_multi && ri->multi_target > 0 && m->elapsed >= 2 &&
            ri->multi_real * 10 * m->span < ri->multi_target * 9 * m->elapsed) {
            ri->at_risk = true;
        }
        if (!ri->has_data && (ri->has_target && ri->target > 0)) {
            m->nno_data++;
        }
        m->nat_risk += ri->at_risk;
        if (t >= 0 && ri->at_risk && ri->has_target && ri->target > 0) {
            m->task[t].late = true;
        }
    }
    for (g = 0; g < p->ngoals; g++) {
        int64_t sum = 0;
        int n = 0;

        for (i = 0; i < p->nindicators; i++) {
            int t = p->indicators[i].task;

            if (p->indicators[i].parent >= 0 || t < 0 ||
                p->tasks[t].goal != g || m->ind[i].pct10 < 0) {
                continue;
            }
            sum += m->ind[i].pct10 > 1000 ? 1000 : m->ind[i].pct10;
            n++;
        }
        m->goal_pct10[g] = n > 0 ? (int)(sum / n) : -1;
    }
    return 0;
}

/* A figure with pending entries in it, or null when none is pending. */
static void
pending_figure(struct json *j, const char *key, int npending, int64_t v)
{
    json_kint_if(j, key, npending > 0, v);
}

void
mon_report_json(struct json *j, const struct mon_report *m)
{
    const struct plan *p = m->p;
    int i, s, g, k;

    json_obj_begin(j);
    json_kint(j, "plan_id", m->meta.id);
    json_kstr(j, "title", p->title);
    json_kstr(j, "programme", p->programme_title);
    json_kstr(j, "region", m->meta.region);
    json_kint(j, "year", m->year);
    json_kstr(j, "issuer", m->issuer);
    {
        struct tm tm;
        char day[40];

        warsaw_tm(m->issued_at, &tm);
        snprintf(day, sizeof(day), "%04d-%02d-%02d", tm.tm_year + 1900,
                 tm.tm_mon + 1, tm.tm_mday);
        json_kstr(j, "issued_on", day);
    }
    json_kbool(j, "final", m->version > 0);
    json_kint_if(j, "version", m->version > 0, m->version);
    json_kint(j, "programme_years_elapsed", m->elapsed);
    json_kint(j, "programme_years", m->span);
    json_kint(j, "entries", m->entries);
    json_kint(j, "entries_pending", m->entries_pending);
    json_kint(j, "indicator_entries_sum", m->indicator_sum);
    json_kint(j, "indicators_at_risk", m->nat_risk);
    json_kint(j, "indicators_without_data", m->nno_data);
    json_kint(j, "demo_entries", m->demo_entries);
    json_key(j, "budget");
    json_obj_begin(j);
    json_kint(j, "planned_grosze", m->planned_total);
    json_kint(j, "spent_grosze", m->spent_total);
    pending_figure(j, "pending_grosze", m->npending_lines, m->pending_total);
    json_key(j, "by_source");
    json_arr_begin(j);
    for (s = 0; s < p->nsources; s++) {
        json_obj_begin(j);
        json_kstr(j, "source", p->sources[s].code);
        json_kstr(j, "name", p->sources[s].name);
        json_kint(j, "planned_grosze", m->planned_by[s]);
        json_kint(j, "spent_grosze", m->spent_by[s]);
        pending_figure(j, "pending_grosze", m->npending_by[s],
                       m->pending_by[s]);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_obj_end(j);
    json_key(j, "goals");
    json_arr_begin(j);
    for (g = 0; g < p->ngoals; g++) {
        json_obj_begin(j);
        json_kstr(j, "code", p->goals[g].code);
        json_kstr(j, "title", p->goals[g].title);
        json_kint_if(j, "progress_pct10", m->goal_pct10[g] >= 0,
                     m->goal_pct10[g]);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_key(j, "tasks");
    json_arr_begin(j);
    for (i = 0; i < p->ntasks; i++) {
        const struct plan_task *t = &p->tasks[i];

        json_obj_begin(j);
        json_kstr(j, "number", t->number);
        json_kstr(j, "goal", t->goal >= 0 ? p->goals[t->goal].code : NULL);
        json_kstr(j, "action",
                  t->action >= 0 ? p->actions[t->action].code : NULL);
        json_kint(j, "planned_grosze", m->task[i].planned);
        json_kint(j, "spent_grosze", m->task[i].spent);
        pending_figure(j, "pending_grosze", m->task[i].npending,
                       m->task[i].spent_pending);
        json_kbool(j, "has_data", m->task[i].has_data);
        json_kbool(j, "late", m->task[i].late);
        json_key(j, "narrative");
        json_arr_begin(j);
        for (k = 0; k < m->nnarratives; k++) {
            if (m->narratives[k].task == i) {
                json_obj_begin(j);
                json_kstr(j, "period", m->narratives[k].period);
                json_kstr(j, "text", m->narratives[k].text);
                json_obj_end(j);
            }
        }
        json_arr_end(j);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_key(j, "indicators");
    json_arr_begin(j);
    for (i = 0; i < p->nindicators; i++) {
        const struct plan_indicator *in = &p->indicators[i];
        const struct mon_rind *ri = &m->ind[i];

        json_obj_begin(j);
        json_kint(j, "pos", i);
        json_kstr(j, "task", in->task >= 0 ? p->tasks[in->task].number : NULL);
        json_kint_if(j, "parent", in->parent >= 0, in->parent);
        json_kstr(j, "name", in->name);
        json_kint_if(j, "target", ri->has_target, ri->target);
        json_kint_if(j, "realisation", ri->has_data, ri->real);
        pending_figure(j, "pending", ri->npending, ri->pending);
        json_kint(j, "entries", ri->nentries);
        json_kint(j, "pending_entries", ri->npending);
        json_kbool(j, "computed", ri->computed);
        if (ri->computed) {
            json_kstr(j, "metric", ri->metric);
        }
        json_kint_if(j, "pct10", ri->pct10 >= 0, ri->pct10);
        json_kint_if(j, "multi_target", ri->has_multi, ri->multi_target);
        json_kint(j, "multi_realisation", ri->multi_real);
        json_kint_if(j, "multi_pct10", ri->multi_pct10 >= 0, ri->multi_pct10);
        json_kbool(j, "at_risk", ri->at_risk);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_obj_end(j);
}
