/*
** Progress of a programme (seed 003) or a project card (seed 004): their
** indicators against the targets for the whole period, year by year, and
** a project's spending against its budget and EU co-financing. Like the
** annual report, official figures count approved values only; the figure
** with pending entries goes beside them.
*/
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "db/db.h"
#include "monitoring.h"
#include "training/training.h"

/* The card's indicators as the one rule of training.h says: the count
 * where records exist (in place of values entered by hand), else the
 * values entered by hand, marked so. */
static int
counted(struct db *db, struct arena *a, int64_t plan_id, struct mon_progress *m)
{
    struct training_indicator *v;
    struct training_kind_count *k;
    int n, nk, i;

    if ((n = training_plan_indicators(db, a, plan_id, &v, &k, &nk)) < 0) {
        return n;
    }
    m->inst_kinds = arena_alloc(a, sizeof(char *) * (size_t)(nk + 1));
    m->inst_counts = arena_alloc(a, sizeof(int64_t) * (size_t)(nk + 1));
    for (i = 0; i < nk; i++) {
        m->inst_kinds[i] = training_label(training_inst_kinds,
                                          training_inst_kind_labels, k[i].kind);
        m->inst_counts[i] = k[i].n;
    }
    m->ninst_kinds = nk;
    for (i = 0; i < n && i < m->p->nindicators; i++) {
        m->ind[i].how = v[i].how;
        m->ind[i].entered = v[i].source == TS_ENTERED;
        if (v[i].source == TS_COUNTED) {
            m->ind[i].counted = true;
            m->ind[i].has_data = true;
            m->ind[i].real = m->ind[i].pending = v[i].figure;
            m->ind[i].npending = 0;
        }
    }
    return 0;
}

int
mon_progress_build(struct db *db, struct arena *a, int64_t plan_id,
                   struct mon_progress *m)
{
    struct plan_meta meta;
    struct plan *pp;
    int rc;

    if ((rc = plan_store_load(db, a, plan_id, &pp, &meta)) != 0) {
        memset(m, 0, sizeof(*m));
        return rc;
    }
    return mon_progress_of(db, a, plan_id, pp, &meta, m);
}

int
mon_progress_of(struct db *db, struct arena *a, int64_t plan_id,
                const struct plan *p, const struct plan_meta *meta,
                struct mon_progress *m)
{
    struct mon_sum *sums;
    int rc, i, k, nsums;

    memset(m, 0, sizeof(*m));
    m->p = p;
    m->meta = *meta;
    if (p->kind == PLAN_YEARLY || !mon_plan_years(p, &m->from, &m->to)) {
        return ERR_INPUT;
    }
    m->nyears = m->to - m->from + 1;
    m->ind = arena_alloc(a, sizeof(*m->ind) * (size_t)(p->nindicators + 1));
    for (i = 0; i < p->nindicators; i++) {
        m->ind[i].by_year = arena_alloc(a, sizeof(int64_t) * (size_t)m->nyears);
        m->ind[i].has_target =
            p->indicators[i].target_multi.kind == PLAN_NUM_VALUE;
        m->ind[i].target = p->indicators[i].target_multi.v;
    }
    m->spent_by_year = arena_alloc(a, sizeof(int64_t) * (size_t)m->nyears);
    for (i = 0; i < p->ndeclared; i++) {
        const struct plan_total *d = &p->declared[i];

        if (d->source < 0) {
            m->budget = d->grosze;
        } else if (strcmp(p->sources[d->source].code, "eu") == 0) {
            m->budget_eu = d->grosze;
        }
    }
    if ((nsums = mon_sums(db, a, plan_id, true, &sums)) < 0) {
        return nsums;
    }
    for (k = 0; k < nsums; k++) {
        const char *kind = sums[k].kind;
        int pos = sums[k].pos, y = sums[k].year - m->from;
        int64_t sum = sums[k].sum, napproved = sums[k].napproved;
        int64_t would = sums[k].would, pending = sums[k].pending;

        if (y < 0 || y >= m->nyears) {
            continue;
        }
        if (strcmp(kind, "indicator") == 0 && pos >= 0 &&
            pos < p->nindicators) {
            struct mon_pind *pi = &m->ind[pos];

            pi->has_data = pi->has_data || napproved > 0;
            pi->real += sum;
            pi->pending += would;
            pi->npending += (int)pending;
            pi->by_year[y] += sum;
        } else if (strcmp(kind, "line") == 0 && pos == MON_PROJECT_SPENDING) {
            m->spent += sum;
            m->spent_pending += would;
            m->npending_spent += (int)pending;
            m->spent_by_year[y] += sum;
        }
    }
    if (p->kind == PLAN_PROJECT && (rc = counted(db, a, plan_id, m)) != 0) {
        return rc;
    }
    for (i = 0; i < p->nindicators; i++) {
        m->ind[i].pct10 = m->ind[i].has_target && m->ind[i].has_data
                              ? mon_pct10(m->ind[i].real, m->ind[i].target)
                              : -1;
    }
    /* The EU's share of what was spent, at the card's co-financing rate. */
    if (m->budget > 0) {
        /* grosze x grosze needs more than 64 bits; rounded down */
        __extension__ typedef __int128 wide;

        m->spent_eu = (int64_t)((wide)m->spent * m->budget_eu / m->budget);
    }
    return 0;
}
