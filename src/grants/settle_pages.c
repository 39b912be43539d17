/*
** Pages of what follows the results, shown on the offer's page: the
** agreement (the office writes it), the organisation's reports with cost
** execution by line, and the office's acceptance or return. Rules are
** settle_store.c's.
*/
#include <string.h>

#include "core/err.h"
#include "core/str.h"
#include "core/strings_pl.h"
#include "core/warsaw.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "modules_handlers.h"
#include "pages.h"
#include "grants/strings_pl.h"

static const char *
report_status(const char *s)
{
    return strcmp(s, "accepted") == 0   ? T_GS_STATUS_ACCEPTED
           : strcmp(s, "returned") == 0 ? T_GS_STATUS_RETURNED
                                        : T_GS_STATUS_SUBMITTED;
}

/* Whether the agreement of o needs an updated cost estimate: a grant
 * lower than the offer asked, in a grant competition. */
static bool
needs_estimate(const struct grant_call *c, const struct grant_offer *o)
{
    return strcmp(c->kind, "grant") == 0 && o->awarded < o->requested;
}

/* The cost execution of report rid against the lines of the estimate. */
static void
execution(struct req *r, const struct grant_report *rp,
          const struct grant_cost *k, int nk)
{
    struct arena *a = &r->arena;
    struct grant_spent *sp;
    int n = grant_report_lines(r->db, a, rp->id, &sp), i, j;
    const char *caption = arena_printf(
        a, T_GS_EXECUTION_OF,
        strcmp(rp->kind, "final") == 0 ? T_GS_KIND_FINAL : T_GS_KIND_PARTIAL,
        warsaw_local(a, rp->submitted_at));

    if (n <= 0 || nk <= 0) {
        return;
    }
    html_printf(&r->out,
                WIDE_OPEN "<table>\n<caption>%s</caption>\n<thead><tr>"
                          "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                          "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                          "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                caption, caption, T_GS_COL_LINE, T_GS_COL_PLANNED,
                T_GS_COL_SPENT_GRANT, T_GS_COL_SPENT_OWN, T_GS_COL_LEFT);
    for (i = 0; i < nk; i++) {
        int64_t g = 0, own = 0;

        for (j = 0; j < n; j++) {
            if (sp[j].pos == k[i].pos) {
                g = sp[j].grant;
                own = sp[j].own;
            }
        }
        html_printf(
            &r->out,
            "<tr><th scope=\"row\">%d. %s</th><td class=\"num\">%s " T_CURRENCY
            "</td><td class=\"num\">%s " T_CURRENCY
            "</td><td class=\"num\">%s " T_CURRENCY "</td><td "
            "class=\"num\">%s " T_CURRENCY "</td></tr>\n",
            k[i].pos, k[i].name, str_money(a, k[i].grant), str_money(a, g),
            str_money(a, own), str_money(a, k[i].grant - g));
    }
    html_lit(&r->out, "</tbody>\n" WIDE_CLOSE);
}

/* The agreement's updated cost estimate, line by line. */
static void
estimate_table(struct req *r, const struct grant_cost *k, int nk)
{
    struct arena *a = &r->arena;
    int i;

    html_printf(&r->out,
                WIDE_OPEN "<table>\n<caption>%s</caption>\n<thead><tr>"
                          "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                          "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                          "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                T_GS_ESTIMATE, T_GS_ESTIMATE, T_GS_COL_LINE, T_GS_COL_TOTAL,
                T_GS_COL_GRANT, T_GS_COL_OWN, T_GS_COL_NONFIN);
    for (i = 0; i < nk; i++) {
        html_printf(
            &r->out,
            "<tr><th scope=\"row\">%d. %s</th><td class=\"num\">%s " T_CURRENCY
            "</td><td class=\"num\">%s " T_CURRENCY
            "</td><td class=\"num\">%s " T_CURRENCY "</td><td "
            "class=\"num\">%s " T_CURRENCY "</td></tr>\n",
            k[i].pos, k[i].name, str_money(a, k[i].total),
            str_money(a, k[i].grant), str_money(a, k[i].own_fin),
            str_money(a, k[i].own_nonfin));
    }
    html_lit(&r->out, "</tbody>\n" WIDE_CLOSE);
}

static void
report_form(struct req *r, const struct grant_offer *o)
{
    struct arena *a = &r->arena;
    int i;

    html_lit(&r->out, "<h3>" T_GS_REPORT "</h3>\n");
    form_begin(r, arena_printf(a, "/oferty/%ld/sprawozdania", (long)o->id),
               NULL);
    html_lit(&r->out,
             "<fieldset><legend>" T_GS_F_KIND "</legend>\n<p><input "
             "type=\"radio\" id=\"f-kind-partial\" name=\"kind\" "
             "value=\"partial\" checked><label "
             "for=\"f-kind-partial\">" T_GS_KIND_PARTIAL
             "</label></p>\n<p><input type=\"radio\" "
             "id=\"f-kind-final\" name=\"kind\" value=\"final\"><label "
             "for=\"f-kind-final\">" T_GS_KIND_FINAL "</label></p>\n"
             "</fieldset>\n");
    form_input(r, "initiatives", T_GS_F_INITIATIVES, "text", NULL,
               "required inputmode=\"numeric\"");
    form_input(r, "beneficiaries", T_GS_F_BENEFICIARIES, "text", NULL,
               "required inputmode=\"numeric\"");
    form_input(r, "note", T_GS_F_NOTE, "text", NULL, NULL);
    for (i = 0; i < o->ncosts; i++) {
        html_printf(&r->out, "<p>%d. %s: %s " T_CURRENCY "</p>\n",
                    o->costs[i].pos, o->costs[i].name,
                    str_money(a, o->costs[i].grant));
        form_input(r, arena_printf(a, "spent%d_grant", i + 1),
                   arena_printf(a, T_GS_F_SPENT_GRANT, i + 1), "text", NULL,
                   "inputmode=\"decimal\"");
        form_input(r, arena_printf(a, "spent%d_own", i + 1),
                   arena_printf(a, T_GS_F_SPENT_OWN, i + 1), "text", NULL,
                   "inputmode=\"decimal\"");
    }
    html_lit(&r->out,
             "<p><button type=\"submit\">" T_GS_REPORT "</button></p>\n");
    form_end(r);
}

void
grant_settle_section(struct req *r, const struct grant_call *c,
                     const struct grant_offer *o, bool own, bool office)
{
    struct arena *a = &r->arena;
    struct grant_agreement g;
    struct grant_report *rs;
    struct grant_cost *lines = NULL;
    int n, i, nk;

    if (o->awarded <= 0 || strcmp(c->status, "results") != 0) {
        return;
    }
    html_lit(&r->out, "<h2>" T_GS_AGREEMENT "</h2>\n");
    if (grant_agreement_get(r->db, a, o->id, &g) != 0) {
        if (office) {
            form_begin(r, arena_printf(a, "/oferty/%ld/umowa", (long)o->id),
                       NULL);
            form_input(r, "number", T_GS_F_NUMBER, "text", NULL, "required");
            form_input(r, "signed_on", T_GS_F_SIGNED, "date", NULL, "required");
            form_input(r, "paid", T_GS_F_PAID, "text", str_money(a, o->awarded),
                       "required inputmode=\"decimal\"");
            if (needs_estimate(c, o)) {
                struct grant_offer_form f;

                grant_offer_form_of(a, o, &f);
                html_printf(&r->out,
                            "<fieldset><legend>%s</legend>\n<p>%s</p>\n",
                            T_GS_ESTIMATE,
                            arena_printf(a, T_GS_ESTIMATE_LEAD,
                                         str_money(a, o->awarded),
                                         str_money(a, o->requested)));
                grant_cost_inputs(r, &f, NULL, 0);
                html_lit(&r->out, "</fieldset>\n");
            }
            html_lit(&r->out,
                     "<p><button type=\"submit\">" T_GS_SIGN "</button></p>\n");
            form_end(r);
        }
        return;
    }
    html_printf(&r->out, "<p>%s</p>\n",
                arena_printf(a, T_GS_AGREEMENT_TEXT, g.number, g.signed_on,
                             str_money(a, g.amount), str_money(a, g.paid),
                             str_money(a, g.returned),
                             strcmp(g.status, "settled") == 0 ? T_GS_SETTLED
                                                              : T_GS_SIGNED));
    if ((nk = grant_estimate_of(r->db, a, o, &lines)) < 0) {
        nk = 0;
    }
    if (nk > 0 && lines != o->costs) {
        estimate_table(r, lines, nk);
    }
    html_lit(&r->out, "<h2>" T_GS_REPORTS "</h2>\n<ul>\n");
    n = grant_reports_of(r->db, a, o->id, &rs);
    for (i = 0; i < n; i++) {
        html_printf(
            &r->out, "<li>%s",
            arena_printf(
                a, T_GS_REPORT_TEXT,
                strcmp(rs[i].kind, "final") == 0 ? T_GS_KIND_FINAL
                                                 : T_GS_KIND_PARTIAL,
                warsaw_local(a, rs[i].submitted_at), (long)rs[i].initiatives,
                (long)rs[i].beneficiaries, str_money(a, rs[i].spent_grant),
                str_money(a, rs[i].spent_own), report_status(rs[i].status)));
        if (rs[i].comment != NULL) {
            html_printf(&r->out, " %s: %s", T_GS_F_COMMENT, rs[i].comment);
        }
        if (office && strcmp(rs[i].status, "submitted") == 0) {
            form_begin(r,
                       arena_printf(a, "/sprawozdania-dotacji/%ld/decyzja",
                                    (long)rs[i].id),
                       NULL);
            form_input(r, "comment", T_GS_F_COMMENT, "text", NULL, NULL);
            html_lit(&r->out,
                     "<p><button type=\"submit\" name=\"decision\" "
                     "value=\"accept\">" T_GS_ACCEPT "</button> <button "
                     "type=\"submit\" name=\"decision\" "
                     "value=\"return\">" T_GS_RETURN "</button></p>\n");
            form_end(r);
        }
        html_lit(&r->out, "</li>\n");
    }
    html_lit(&r->out, "</ul>\n");
    /* each report's cost execution against the estimate, as tables of
     * their own (a list item wraps its words anywhere) */
    for (i = 0; i < n; i++) {
        execution(r, &rs[i], lines, nk);
    }
    if (own && strcmp(g.status, "signed") == 0) {
        struct grant_offer by = *o;

        by.costs = lines;
        by.ncosts = nk;
        report_form(r, &by);
    }
}

/* Errors as one message for the error page. */
static const char *
joined(struct arena *a, const char *const *errs, int n)
{
    const char *s = "";
    int i;

    for (i = 0; i < n; i++) {
        s = arena_printf(a, "%s%s%s", s, i ? " " : "", errs[i]);
    }
    return s;
}

/*
** ROUTE: POST /oferty/:id/umowa, POST /api/offers/:id/agreement (JSON)
** CAP: CAP_GRANT_MANAGE
** PARAMS: id (path), number, signed_on, paid, costN_kind, costN_name,
**         costN_total, costN_grant, costN_own, costN_nonfin (the updated
**         estimate, when the grant is lower than asked), csrf (form)
*/
int
page_gs_agreement(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    struct grant_offer_form f;
    struct grant_offer est;
    struct grant_finding *fs;
    const char **errs = NULL;
    int64_t id;
    int rc, i, nf = 0, nerrs = 0;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    /* the updated estimate's lines, as an offer's cost section */
    grant_offer_form_of_request(r, &f);
    if (grant_offer_read(&r->arena, &f, &est, &fs, &nf) != 0) {
        for (i = 0; i < nf; i++) {
            grant_err(&r->arena, &errs, &nerrs,
                      arena_printf(&r->arena, "%s: %s", T_GS_ESTIMATE,
                                   fs[i].message));
        }
        return req_error(r, 400, joined(&r->arena, errs, nerrs));
    }
    rc = grant_agreement_sign(r->db, &r->arena, &act, id, req_form(r, "number"),
                              req_form(r, "signed_on"), req_form(r, "paid"),
                              &est, &errs, &nerrs);
    if (rc == ERR_INPUT) {
        return req_error(r, 400, joined(&r->arena, errs, nerrs));
    }
    if (rc != 0) {
        return grant_reply(r, rc, NULL);
    }
    return grant_done(r, arena_printf(&r->arena, "/oferty/%ld", (long)id));
}

/*
** ROUTE: POST /oferty/:id/sprawozdania, POST /api/offers/:id/reports (JSON)
** CAP: CAP_GRANT_REPORT
** PARAMS: id (path), kind=partial|final, initiatives, beneficiaries, note,
**         spentN_grant, spentN_own (per cost line), csrf (form)
*/
int
page_gs_report(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    const char *grant[GRANT_COSTS_MAX + 1] = {0},
                                        *own[GRANT_COSTS_MAX + 1] = {0};
    const char **errs, *why = NULL;
    int64_t id;
    int rc, nerrs = 0, i;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    for (i = 0; i < GRANT_COSTS_MAX; i++) {
        grant[i] = req_form(r, arena_printf(&r->arena, "spent%d_grant", i + 1));
        own[i] = req_form(r, arena_printf(&r->arena, "spent%d_own", i + 1));
    }
    rc = grant_report_submit(r->db, &r->arena, &act, id, req_form(r, "kind"),
                             req_form(r, "initiatives"),
                             req_form(r, "beneficiaries"), req_form(r, "note"),
                             grant, own, &errs, &nerrs, &why);
    if (rc == ERR_INPUT) {
        return req_error(r, 400, joined(&r->arena, errs, nerrs));
    }
    if (rc == ERR_CONFLICT) {
        return req_error(r, 409, why);
    }
    if (rc != 0) {
        return grant_reply(r, rc, why);
    }
    return grant_done(r, arena_printf(&r->arena, "/oferty/%ld", (long)id));
}

/*
** ROUTE: POST /sprawozdania-dotacji/:id/decyzja,
**        POST /api/grant-reports/:id/decision (JSON)
** CAP: CAP_GRANT_MANAGE
** PARAMS: id=report number (path), decision=accept|return, comment, csrf
*/
int
page_gs_report_decide(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    const char *decision = req_form(r, "decision"), *why = NULL;
    int64_t id;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    rc =
        grant_report_decide(r->db, &r->arena, &act, id,
                            decision != NULL && strcmp(decision, "accept") == 0,
                            req_form(r, "comment"), &why);
    if (rc != 0) {
        return grant_reply(r, rc, why);
    }
    return grant_done(r, "/nabory");
}
