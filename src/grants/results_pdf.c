/*
** The results of a call as an A4 PDF, the public page's twin: the funded
** offers with their amounts and mean points, then the offers not funded
** (with the formal outcome of those that did not pass).
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
