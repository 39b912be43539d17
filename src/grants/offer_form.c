/*
** The offer form's fields, shared by the offer's pages and the agreement's
** updated cost estimate (settle_pages.c): the form of a request or of a
** stored offer, and the inputs of the cost lines.
*/
#include <string.h>

#include "core/str.h"
#include "core/strings_pl.h"
#include "html/form.h"
#include "html/html.h"
#include "pages.h"
#include "grants/strings_pl.h"

void
grant_offer_form_of_request(struct req *r, struct grant_offer_form *f)
{
    struct arena *a = &r->arena;
    int i;

    memset(f, 0, sizeof(*f));
    f->area = req_form(r, "area");
    f->title = req_form(r, "title");
    f->place = req_form(r, "place");
    f->description = req_form(r, "description");
    f->date_from = req_form(r, "date_from");
    f->date_to = req_form(r, "date_to");
    f->requested = req_form(r, "requested");
    for (i = 0; i < GRANT_DECLARATIONS; i++) {
        f->declaration[i] =
            req_form(r, arena_printf(a, "declaration%d", i + 1)) != NULL;
    }
    for (i = 0; i < GRANT_ACTIONS_MAX; i++) {
        f->action[i] = req_form(r, arena_printf(a, "action%d", i + 1));
        f->action_from[i] =
            req_form(r, arena_printf(a, "action%d_from", i + 1));
        f->action_to[i] = req_form(r, arena_printf(a, "action%d_to", i + 1));
    }
    for (i = 0; i < GRANT_RESULTS_MAX; i++) {
        f->result[i] = req_form(r, arena_printf(a, "result%d", i + 1));
        f->result_target[i] =
            req_form(r, arena_printf(a, "result%d_target", i + 1));
    }
    for (i = 0; i < GRANT_COSTS_MAX; i++) {
        f->cost_kind[i] = req_form(r, arena_printf(a, "cost%d_kind", i + 1));
        f->cost_name[i] = req_form(r, arena_printf(a, "cost%d_name", i + 1));
        f->cost_total[i] = req_form(r, arena_printf(a, "cost%d_total", i + 1));
        f->cost_grant[i] = req_form(r, arena_printf(a, "cost%d_grant", i + 1));
        f->cost_own[i] = req_form(r, arena_printf(a, "cost%d_own", i + 1));
        f->cost_nonfin[i] =
            req_form(r, arena_printf(a, "cost%d_nonfin", i + 1));
    }
}

static const char *
money_or_empty(struct arena *a, int64_t v)
{
    return v != 0 ? str_money(a, v) : "";
}

void
grant_offer_form_of(struct arena *a, const struct grant_offer *o,
                    struct grant_offer_form *f)
{
    int i;

    memset(f, 0, sizeof(*f));
    f->area = o->area_pos ? arena_printf(a, "%d", o->area_pos) : "";
    f->title = o->title;
    f->place = o->place;
    f->description = o->description;
    f->date_from = o->date_from;
    f->date_to = o->date_to;
    f->requested = money_or_empty(a, o->requested);
    for (i = 0; i < GRANT_DECLARATIONS; i++) {
        f->declaration[i] = (o->declarations & (1 << i)) != 0;
    }
    for (i = 0; i < o->nactions && i < GRANT_ACTIONS_MAX; i++) {
        f->action[i] = o->actions[i].name;
        f->action_from[i] = o->actions[i].date_from;
        f->action_to[i] = o->actions[i].date_to;
    }
    for (i = 0; i < o->nresults && i < GRANT_RESULTS_MAX; i++) {
        f->result[i] = o->results[i].name;
        f->result_target[i] =
            arena_printf(a, "%ld", (long)o->results[i].target);
    }
    for (i = 0; i < o->ncosts && i < GRANT_COSTS_MAX; i++) {
        const struct grant_cost *k = &o->costs[i];

        f->cost_kind[i] = k->kind;
        f->cost_name[i] = k->name;
        f->cost_total[i] = money_or_empty(a, k->total);
        f->cost_grant[i] = money_or_empty(a, k->grant);
        f->cost_own[i] = money_or_empty(a, k->own_fin);
        f->cost_nonfin[i] = money_or_empty(a, k->own_nonfin);
    }
}

static bool
flagged(const struct grant_finding *fs, int n, const char *field)
{
    int i;

    for (i = 0; i < n; i++) {
        if (strcmp(fs[i].field, field) == 0) {
            return true;
        }
    }
    return false;
}

void
grant_offer_input(struct req *r, const char *name, const char *label,
                  const char *type, const char *value,
                  const struct grant_finding *fs, int n)
{
    form_input(r, name, label, type, value,
               flagged(fs, n, name) ? "aria-invalid=\"true\"" : NULL);
}

void
grant_cost_inputs(struct req *r, const struct grant_offer_form *f,
                  const struct grant_finding *fs, int n)
{
    struct arena *a = &r->arena;
    int i;

    for (i = 0; i < GRANT_COSTS_MAX; i++) {
        bool admin = f->cost_kind[i] && strcmp(f->cost_kind[i], "admin") == 0;

        html_printf(&r->out,
                    "<p class=\"field\"><label for=\"f-cost%d_kind\">%s"
                    "</label>\n<select id=\"f-cost%d_kind\" name=\"cost%d_kind"
                    "\"><option value=\"action\"%s>%s</option><option "
                    "value=\"admin\"%s>%s</option></select></p>\n",
                    i + 1, arena_printf(a, T_GF_F_COST_KIND, i + 1), i + 1,
                    i + 1, admin ? "" : " selected", T_GF_KIND_ACTION,
                    admin ? " selected" : "", T_GF_KIND_ADMIN);
        grant_offer_input(r, arena_printf(a, "cost%d_name", i + 1),
                          arena_printf(a, T_GF_F_COST_NAME, i + 1), "text",
                          f->cost_name[i], fs, n);
        grant_offer_input(r, arena_printf(a, "cost%d_total", i + 1),
                          arena_printf(a, T_GF_F_COST_TOTAL, i + 1), "text",
                          f->cost_total[i], fs, n);
        grant_offer_input(r, arena_printf(a, "cost%d_grant", i + 1),
                          arena_printf(a, T_GF_F_COST_GRANT, i + 1), "text",
                          f->cost_grant[i], fs, n);
        grant_offer_input(r, arena_printf(a, "cost%d_own", i + 1),
                          arena_printf(a, T_GF_F_COST_OWN, i + 1), "text",
                          f->cost_own[i], fs, n);
        grant_offer_input(r, arena_printf(a, "cost%d_nonfin", i + 1),
                          arena_printf(a, T_GF_F_COST_NONFIN, i + 1), "text",
                          f->cost_nonfin[i], fs, n);
    }
}
