/*
** The rules that realisation, the reporting calendar and narratives share,
** without SQL of their own: which years and periods a plan takes, who
** may enter a task's figures (an implementer only its own tasks, asked of
** the plan's store), and the time stamp their changes store.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/warsaw.h"
#include "auth/auth.h"
#include "monitoring.h"
#include "plan/plan_store.h"

bool
mon_plan_years(const struct plan *p, int *from, int *to)
{
    if (p->kind == PLAN_YEARLY) {
        *from = *to = p->year;
    } else {
        *from = p->period_from ? atoi(p->period_from) : p->programme_from;
        *to = p->period_to ? atoi(p->period_to) : p->programme_to;
    }
    return *from > 0 && *to >= *from && *to <= 9999;
}

bool
mon_period_valid(const char *period, int from, int to)
{
    int year, i;

    if (period == NULL) {
        return false;
    }
    for (i = 0; i < 4; i++) {
        if (period[i] < '0' || period[i] > '9') {
            return false;
        }
    }
    year = atoi(period);
    if (year < from || year > to) {
        return false;
    }
    if (period[4] == '\0') {
        return true;
    }
    return period[4] == '-' && period[5] == 'Q' && period[6] >= '1' &&
           period[6] <= '4' && period[7] == '\0';
}

bool
mon_may_enter_task(struct db *db, struct arena *a, const struct mon_actor *act,
                   int64_t plan_id, const char *region, const struct plan *p,
                   int t)
{
    bool mine;

    (void)a;
    if (act->region != NULL && strcmp(act->region, region) != 0) {
        return false;
    }
    if (act->account == 0 || act->role != ROLE_IMPLEMENTER) {
        return true;
    }
    if (t < 0 || t >= p->ntasks) {
        return false;
    }
    /* a failed check (*mine false) refuses */
    plan_store_task_of_account(db, plan_id, t, act->account, &mine);
    return mine;
}

int
mon_tasks_mine(struct db *db, struct arena *a, const struct mon_actor *act,
               int64_t plan_id, const char *region, const struct plan *p,
               bool **mine)
{
    bool *m = arena_alloc(a, sizeof(bool) * (size_t)(p->ntasks + 1));
    bool all = act->region == NULL || strcmp(act->region, region) == 0;
    int t;

    *mine = m;
    if (!all) {
        return 0; /* another region's plan: nothing (arena_alloc zeroes) */
    }
    if (act->account == 0 || act->role != ROLE_IMPLEMENTER) {
        for (t = 0; t < p->ntasks; t++) {
            m[t] = true;
        }
        return 0;
    }
    return plan_store_tasks_of_account_in(db, plan_id, act->account, p->ntasks,
                                          m);
}

void
mon_bind_now(db_stmt *st, int n, bool ms)
{
    char at[UTC_STAMP_SIZE];

    db_bind_text(st, n, utc_stamp_now(at, ms));
}
