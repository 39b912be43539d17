/*
** The offer as submitted, in the order of the official template's
** sections: the organisation, the task, the schedule, the results, the
** cost estimate with its totals and the declarations accepted; its receipt
** number and submission time (Warsaw) on top. Stored with the offer at
** submission (offer_store.c), never drawn again.
*/
#include <stdbool.h>
#include <string.h>

#include "core/arena.h"
#include "core/str.h"
#include "core/strings_pl.h"
#include "core/warsaw.h"
#include "grant_pdf.h"
#include "grants.h"
#include "grants/strings_pl.h"

static const char *const declarations[GRANT_DECLARATIONS] = {
    T_GF_DECL_1, T_GF_DECL_2, T_GF_DECL_3, T_GF_DECL_4};

static void
costs(struct gpdf *d, struct arena *a, const struct grant_offer *o)
{
    static const double w[5] = {183, 85, 85, 85, 85};
    const char *head[5] = {T_GF_COST_HEAD_NAME, T_GF_COST_HEAD_TOTAL,
                           T_GF_COST_HEAD_GRANT, T_GF_COST_HEAD_OWN,
                           T_GF_COST_HEAD_NONFIN};
    int64_t t[4] = {0, 0, 0, 0};
    int i;

    gpdf_row(d, 5, w, head, true);
    for (i = 0; i < o->ncosts; i++) {
        const struct grant_cost *k = &o->costs[i];
        const char *cells[5] = {
            arena_printf(a, "%d. %s (%s)", k->pos, k->name,
                         strcmp(k->kind, "admin") == 0 ? T_GF_KIND_ADMIN
                                                       : T_GF_KIND_ACTION),
            str_money(a, k->total), str_money(a, k->grant),
            str_money(a, k->own_fin), str_money(a, k->own_nonfin)};

        gpdf_row(d, 5, w, cells, false);
        t[0] += k->total;
        t[1] += k->grant;
        t[2] += k->own_fin;
        t[3] += k->own_nonfin;
    }
    {
        const char *cells[5] = {T_GF_TOTALS, str_money(a, t[0]),
                                str_money(a, t[1]), str_money(a, t[2]),
                                str_money(a, t[3])};

        gpdf_row(d, 5, w, cells, true);
    }
}

int
grant_offer_pdf(struct arena *a, const struct grant_call *c,
                const struct grant_org *org, const struct grant_offer *o,
                struct buf *out)
{
    static const double w2[2] = {160, 363};
    static const double w3[3] = {323, 100, 100};
    static const double wr[2] = {423, 100};
    struct gpdf *d = gpdf_begin(out, o->title);
    const char *area = "";
    int i;

    for (i = 0; i < c->nareas; i++) {
        if (c->areas[i].pos == o->area_pos) {
            area = c->areas[i].name;
        }
    }
    gpdf_heading(d, 1, arena_printf(a, "%s %s", T_GF_TITLE, o->receipt));
    gpdf_para(d, arena_printf(a, T_GF_STATUS_SUBMITTED,
                              warsaw_local(a, o->submitted_at), o->receipt));
    gpdf_para(d, arena_printf(a, "%s: %s (%s)", T_GC_F_TITLE, c->title,
                              grant_kind_label(c->kind)));
    gpdf_heading(d, 2, T_GF_S1);
    {
        const char *rows[][2] = {{T_GO_F_NAME, org->name},
                                 {T_GO_F_KRS, org->krs},
                                 {T_GO_F_NIP, org->nip ? org->nip : "–"},
                                 {T_GO_F_ADDRESS, org->address},
                                 {T_GO_F_EMAIL, org->email}};

        for (i = 0; i < 5; i++) {
            gpdf_row(d, 2, w2, rows[i], false);
        }
        for (i = 0; i < org->npersons; i++) {
            const char *cells[2] = {
                T_GO_PERSONS, arena_printf(a, "%s – %s", org->persons[i].name,
                                           org->persons[i].function)};

            gpdf_row(d, 2, w2, cells, false);
        }
    }
    gpdf_heading(d, 2, T_GF_S2);
    {
        const char *rows[][2] = {
            {T_GF_F_AREA, area},
            {T_GF_F_TITLE, o->title},
            {T_GF_F_PLACE, o->place},
            {T_GF_F_FROM, o->date_from},
            {T_GF_F_TO, o->date_to},
            {T_GF_F_REQUESTED,
             arena_printf(a, "%s " T_CURRENCY, str_money(a, o->requested))}};

        for (i = 0; i < 6; i++) {
            gpdf_row(d, 2, w2, rows[i], false);
        }
    }
    gpdf_para(d, o->description);
    gpdf_heading(d, 2, T_GF_S3);
    for (i = 0; i < o->nactions; i++) {
        const char *cells[3] = {
            arena_printf(a, "%d. %s", o->actions[i].pos, o->actions[i].name),
            o->actions[i].date_from, o->actions[i].date_to};

        gpdf_row(d, 3, w3, cells, false);
    }
    gpdf_heading(d, 2, T_GF_S4);
    for (i = 0; i < o->nresults; i++) {
        const char *cells[2] = {
            arena_printf(a, "%d. %s", o->results[i].pos, o->results[i].name),
            str_thousands(a, o->results[i].target)};

        gpdf_row(d, 2, wr, cells, false);
    }
    gpdf_heading(d, 2, T_GF_S5);
    costs(d, a, o);
    gpdf_heading(d, 2, T_GF_S6);
    for (i = 0; i < GRANT_DECLARATIONS; i++) {
        if (o->declarations & (1 << i)) {
            gpdf_para(d, arena_printf(a, "%d. %s", i + 1, declarations[i]));
        }
    }
    return gpdf_end(d);
}
