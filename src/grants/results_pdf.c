/*
** A call's public documents as A4 PDFs: its announcement (amounts, dates
** in Warsaw time, areas, criteria), the attachment the BIP publishes, and
** its results, the public page's twin: the funded offers with their
** amounts and mean points, then the offers not funded.
*/
#include <string.h>

#include "core/arena.h"
#include "core/str.h"
#include "core/strings_pl.h"
#include "core/warsaw.h"
#include "grant_pdf.h"
#include "grants.h"
#include "grants/strings_pl.h"

static void
table(struct gpdf *d, struct arena *a, const struct grant_ranked *rk, int n,
      bool funded)
{
    static const double w[5] = {70, 153, 150, 70, 80};
    const char *head[5] = {T_GF_RECEIPT, T_GF_F_TITLE, T_GF_ORG, T_GE_AVG,
                           funded ? T_GE_AWARDED : T_GF_F_REQUESTED};
    int i;

    gpdf_row(d, 5, w, head, true);
    for (i = 0; i < n; i++) {
        const struct grant_offer *o = &rk[i].o;
        const char *cells[5];

        if ((o->awarded > 0) != funded) {
            continue;
        }
        cells[0] = o->receipt;
        cells[1] = o->title;
        cells[2] = o->org_name;
        cells[3] = grant_points_text(a, rk[i].avg100);
        cells[4] =
            arena_printf(a, "%s " T_CURRENCY,
                         str_money(a, funded ? o->awarded : o->requested));
        gpdf_row(d, 5, w, cells, false);
    }
}

int
grant_results_pdf(struct arena *a, const struct grant_call *c,
                  const struct grant_ranked *rk, int n, struct buf *out)
{
    struct gpdf *d = gpdf_begin(out, c->title);

    gpdf_heading(d, 1, arena_printf(a, "%s: %s", T_GE_RESULTS, c->title));
    gpdf_para(d, arena_printf(a, "%s, %s. " T_GE_RESULTS_AT, c->region_name,
                              grant_kind_label(c->kind),
                              warsaw_local(a, c->results_at)));
    gpdf_heading(d, 2, T_GE_FUNDED);
    table(d, a, rk, n, true);
    gpdf_heading(d, 2, T_GE_NOT_FUNDED);
    table(d, a, rk, n, false);
    return gpdf_end(d);
}

int
grant_call_pdf(struct arena *a, const struct grant_call *c, struct buf *out)
{
    static const double w2[2] = {383, 140};
    struct gpdf *d = gpdf_begin(out, c->title);
    int i;

    gpdf_heading(d, 1, c->title);
    gpdf_para(d, arena_printf(a, "%s, %s.", c->region_name,
                              grant_kind_label(c->kind)));
    {
        const char *rows[][2] = {
            {T_GC_F_AMOUNT,
             arena_printf(a, "%s " T_CURRENCY, str_money(a, c->amount))},
            {T_GC_F_MAX_GRANT,
             arena_printf(a, "%s " T_CURRENCY, str_money(a, c->max_grant))},
            {T_GC_F_MIN_OWN,
             arena_printf(a, "%d,%d%%", c->min_own_permille / 10,
                          c->min_own_permille % 10)},
            {T_GC_F_UNTIL_DATE,
             arena_printf(a, "%s %s", warsaw_local(a, c->offers_until),
                          T_GC_TIME_SUFFIX)},
            {T_GC_F_RESULTS_BY, c->results_by},
            {T_GC_PERIOD, arena_printf(a, "%s – %s", c->task_from, c->task_to)},
            {T_GC_F_CORRECTION, arena_printf(a, "%d", c->correction_days)}};

        for (i = 0; i < 7; i++) {
            gpdf_row(d, 2, (const double[2]){160, 363}, rows[i], false);
        }
    }
    if (*c->description != '\0') {
        gpdf_para(d, c->description);
    }
    gpdf_heading(d, 2, T_GC_AREAS);
    for (i = 0; i < c->nareas; i++) {
        const char *cells[2] = {
            arena_printf(a, "%d. %s", c->areas[i].pos, c->areas[i].name),
            arena_printf(a, "%s " T_CURRENCY,
                         str_money(a, c->areas[i].budget))};

        gpdf_row(d, 2, w2, cells, false);
    }
    gpdf_heading(d, 2, T_GC_CRITERIA_FORMAL);
    for (i = 0; i < c->ncriteria; i++) {
        if (strcmp(c->criteria[i].stage, "formal") == 0) {
            gpdf_para(d, arena_printf(a, "%d. %s", c->criteria[i].pos,
                                      c->criteria[i].name));
        }
    }
    gpdf_heading(d, 2, T_GC_CRITERIA_MERIT);
    for (i = 0; i < c->ncriteria; i++) {
        if (strcmp(c->criteria[i].stage, "merit") == 0) {
            const char *cells[2] = {
                arena_printf(a, "%d. %s", c->criteria[i].pos,
                             c->criteria[i].name),
                arena_printf(a, "%d %s", c->criteria[i].max_points,
                             T_GC_MAX_POINTS)};

            gpdf_row(d, 2, w2, cells, false);
        }
    }
    return gpdf_end(d);
}
