/*
** Grant pages: a grantee's list of the grants awarded to its organisation
** with the report form for each (initiatives, final beneficiaries), and
** the coordinator's page of a competition's awards with the figures the
** organisations reported. Ownership, validation and audit are grant_store.c's;
** a grant of another organisation answers 404, as if it did not exist.
*/
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/str.h"
#include "core/strings_pl.h"
#include "core/warsaw.h"
#include "db/db.h"
#include "grants/grants.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "monitoring.h"
#include "modules_handlers.h"
#include "pages.h"
#include "monitoring/strings_pl.h"

/* The grantee's own award of path parameter 0, else a 404. */
static int
own_award_or_reply(struct req *r, struct mon_award *w)
{
    struct mon_actor act = mon_actor_of(r);
    int64_t id = 0;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    rc = mon_award_get(r->db, &r->arena, id, w);
    if (rc == ERR_NOTFOUND ||
        (rc == 0 && !mon_award_is_own(r->db, &r->arena, &act, w))) {
        return req_error(r, 404, NULL);
    }
    return rc;
}

static const char *
count_text(struct arena *a, const struct mon_award *w, int64_t v)
{
    return w->reported ? arena_printf(a, "%ld", (long)v) : "–";
}

static void
mine_crumbs(struct req *r, const char *here)
{
    const struct crumb c[] = {{"/moje-dotacje", T_GRANT_MINE_TITLE},
                              {NULL, here}};

    layout_breadcrumb(&r->out, c, 2);
}

/*
** ROUTE: GET /moje-dotacje
** CAP: CAP_GRANT_REPORT
** PARAMS: none
*/
int
page_grant_mine(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    struct mon_award *ws;
    int n, i;

    n = mon_awards_of_actor(r->db, &r->arena, &act, &ws);
    if (n < 0) {
        return n;
    }
    layout_begin(r, T_GRANT_MINE_TITLE);
    html_lit(&r->out, "<h1>" T_GRANT_MINE_TITLE
                      "</h1>\n<p class=\"lead\">" T_GRANT_MINE_LEAD "</p>\n"
                      "<p>" T_GRANT_MINE_CALLS "</p>\n");
    if (n == 0) {
        html_lit(&r->out, "<p>" T_GRANT_MINE_NONE "</p>\n");
        layout_end(r);
        return 0;
    }
    html_printf(&r->out,
                WIDE_OPEN "<table>\n<caption>%s (%d)</caption>"
                          "\n<thead><tr><th scope=\"col\">%s</th>"
                          "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                          "<th scope=\"col\" class=\"num\">%s</th>"
                          "<th scope=\"col\" class=\"num\">%s</th>"
                          "<th scope=\"col\" class=\"num\">%s</th>"
                          "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                T_GRANT_MINE_CAPTION, T_GRANT_MINE_CAPTION, n,
                T_GRANT_COMPETITION, T_REG_F_YEAR, T_GRANT_F_PROJECT,
                T_GRANT_F_AMOUNT, T_REG_F_INITIATIVES, T_REG_F_BENEFICIARIES,
                T_GRANT_REPORTED);
    for (i = 0; i < n; i++) {
        const struct mon_award *w = &ws[i];

        html_printf(
            &r->out,
            "<tr><td>%s</td><td>%d</td><td>%s</td>"
            "<td class=\"num\">%s</td><td class=\"num\">%s</td>"
            "<td class=\"num\">%s</td><td><a href=\"/moje-dotacje/"
            "%ld\">%s</a> (%s)</td></tr>\n",
            w->call, w->year, w->project, str_money(&r->arena, w->amount),
            count_text(&r->arena, w, w->initiatives),
            count_text(&r->arena, w, w->beneficiaries), (long)w->id,
            T_GRANT_REPORT_ACTION,
            w->reported
                ? arena_printf(&r->arena, T_GRANT_REPORTED_BY, w->reported_by,
                               warsaw_local(&r->arena, w->reported_at))
                : T_GRANT_NOT_REPORTED);
    }
    html_lit(&r->out, "</tbody>\n</table></div>\n");
    layout_end(r);
    return 0;
}

static void
report_page(struct req *r, const struct mon_award *w, const char *ini,
            const char *ben, const char *note, const char *const *errs,
            int nerrs)
{
    layout_begin(r, T_GRANT_REPORT_TITLE);
    mine_crumbs(r, T_GRANT_REPORT_TITLE);
    html_printf(
        &r->out,
        "<h1>%s</h1>\n<dl class=\"facts\"><dt>%s</dt><dd>%s (%d)"
        "</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd>"
        "<dt>%s</dt><dd>%s " T_CURRENCY "</dd><dt>%s</dt><dd>%s</dd></dl>\n",
        T_GRANT_REPORT_TITLE, T_GRANT_COMPETITION, w->call, w->year,
        T_GRANT_F_ORGANISATION, w->organisation, T_GRANT_F_PROJECT, w->project,
        T_GRANT_F_AMOUNT, str_money(&r->arena, w->amount), T_GRANT_REPORTED,
        w->reported
            ? arena_printf(&r->arena, T_GRANT_REPORTED_BY, w->reported_by,
                           warsaw_local(&r->arena, w->reported_at))
            : T_GRANT_NOT_REPORTED);
    if (nerrs > 0) {
        html_lit(&r->out, "<p>" T_GRANT_ERR_FORM "</p>\n");
    }
    form_errors(r, errs, nerrs);
    form_begin(r, arena_printf(&r->arena, "/moje-dotacje/%ld", (long)w->id),
               NULL);
    form_input(r, "initiatives", T_REG_F_INITIATIVES, "text", ini,
               "inputmode=\"numeric\" required");
    form_input(r, "beneficiaries", T_REG_F_BENEFICIARIES, "text", ben,
               "inputmode=\"numeric\" required");
    form_input(r, "note", T_GRANT_F_REPORT_NOTE, "text", note, NULL);
    html_lit(&r->out, "<p><button type=\"submit\">" T_GRANT_REPORT_SAVE
                      "</button></p>\n");
    form_end(r);
    layout_end(r);
}

/*
** ROUTE: GET /moje-dotacje/:award
** CAP: CAP_GRANT_REPORT
** PARAMS: award=grant award number (path; the organisation's own only)
*/
int
page_grant_report_form(struct req *r)
{
    struct mon_award w;
    int rc;

    if ((rc = own_award_or_reply(r, &w)) != 0) {
        return rc;
    }
    report_page(
        r, &w,
        w.reported ? arena_printf(&r->arena, "%ld", (long)w.initiatives) : "",
        w.reported ? arena_printf(&r->arena, "%ld", (long)w.beneficiaries) : "",
        w.note ? w.note : "", NULL, 0);
    return 0;
}

/*
** ROUTE: POST /moje-dotacje/:award
** CAP: CAP_GRANT_REPORT
** PARAMS: award (path), initiatives, beneficiaries, note, csrf (form)
*/
int
page_grant_report_save(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    const char *ini = req_form(r, "initiatives");
    const char *ben = req_form(r, "beneficiaries");
    const char *note = req_form(r, "note");
    const char **errs;
    struct mon_award w;
    int rc, nerrs = 0;

    if ((rc = own_award_or_reply(r, &w)) != 0) {
        return rc;
    }
    rc = mon_award_report(r->db, &r->arena, &act, w.id, ini, ben, note, &errs,
                          &nerrs);
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, NULL);
    }
    if (rc == ERR_INPUT) {
        r->status = 400;
        report_page(r, &w, ini ? ini : "", ben ? ben : "", note ? note : "",
                    errs, nerrs);
        return 0;
    }
    if (rc != 0) {
        return rc;
    }
    return req_redirect(r, "/moje-dotacje");
}

/* Competition of path parameter 0 in the account's region, else 404. */
static int
grant_or_reply(struct req *r, struct mon_record *g)
{
    const struct mon_register *reg = mon_register_find("konkursy");
    int64_t id = 0;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    rc = mon_record_get(r->db, &r->arena, reg, id, g);
    if (rc == ERR_NOTFOUND || (rc == 0 && r->user->region != NULL &&
                               strcmp(r->user->region, g->region) != 0)) {
        return req_error(r, 404, NULL);
    }
    return rc;
}

/*
 * A competition the grants module keeps (a call's summary row, or one moved
 * there by migration 0075) changes there only: 409 naming the call, else 0.
 */
static int
kept_by_call(struct req *r, const struct mon_record *g)
{
    int64_t call = 0;

    if (grant_call_of_register(r->db, g->id, &call) != 0) {
        return 0;
    }
    return req_error(
        r, 409,
        arena_printf(&r->arena, T_GRANT_KEPT_BY_CALL, (long)call, (long)call));
}

static int
awards_page(struct req *r, const struct mon_record *g, const char *org,
            const char *proj, const char *amt, const char *const *errs,
            int nerrs)
{
    const struct mon_register *reg = mon_register_find("konkursy");
    struct mon_award *ws;
    int64_t sum_i = 0, sum_b = 0, sum_amount = 0;
    int n, i, nrep = 0;

    n = mon_awards_of_grant(r->db, &r->arena, g->id, &ws);
    if (n < 0) {
        return n;
    }
    layout_begin(r, T_GRANT_AWARDS_TITLE);
    layout_breadcrumb(&r->out,
                      (const struct crumb[]){{"/rejestry", T_NAV_REGISTERS},
                                             {"/rejestry/konkursy", reg->title},
                                             {NULL, T_GRANT_AWARDS_TITLE}},
                      3);
    /* Field 0 of a competition is its year, field 1 its call. */
    html_printf(&r->out, "<h1>%s: %s (%s)</h1>\n<p>%s</p>\n",
                T_GRANT_AWARDS_TITLE, g->v[1], g->v[0], T_GRANT_AWARDS_RULE);
    if (n == 0) {
        html_lit(&r->out, "<p>" T_GRANT_AWARDS_NONE "</p>\n");
    } else {
        html_printf(&r->out,
                    WIDE_OPEN
                    "<table>\n<caption>%s (%d)"
                    "</caption>\n<thead><tr><th scope=\"col\">%s</th>"
                    "<th scope=\"col\">%s</th>"
                    "<th scope=\"col\" class=\"num\">%s</th>"
                    "<th scope=\"col\" class=\"num\">%s</th>"
                    "<th scope=\"col\" class=\"num\">%s</th>"
                    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                    "</tr></thead>\n<tbody>\n",
                    T_GRANT_AWARDS_CAPTION, T_GRANT_AWARDS_CAPTION, n,
                    T_GRANT_F_ORGANISATION, T_GRANT_F_PROJECT, T_GRANT_F_AMOUNT,
                    T_REG_F_INITIATIVES, T_REG_F_BENEFICIARIES,
                    T_GRANT_REPORTED, T_GRANT_AWARD_DELETE);
    }
    for (i = 0; i < n; i++) {
        const struct mon_award *w = &ws[i];

        sum_amount += w->amount;
        if (w->reported) {
            nrep++;
            sum_i += w->initiatives;
            sum_b += w->beneficiaries;
        }
        html_printf(
            &r->out,
            "<tr><td>%s</td><td>%s</td><td class=\"num\">%s</td>"
            "<td class=\"num\">%s</td><td class=\"num\">%s</td>"
            "<td>%s%s%s</td><td>",
            w->organisation, w->project, str_money(&r->arena, w->amount),
            count_text(&r->arena, w, w->initiatives),
            count_text(&r->arena, w, w->beneficiaries),
            w->reported
                ? arena_printf(&r->arena, T_GRANT_REPORTED_BY, w->reported_by,
                               warsaw_local(&r->arena, w->reported_at))
                : T_GRANT_NOT_REPORTED,
            w->note ? ": " : "", w->note ? w->note : "");
        form_begin(r,
                   arena_printf(&r->arena,
                                "/rejestry/konkursy/%ld/dotacje/%ld/usun",
                                (long)g->id, (long)w->id),
                   NULL);
        html_printf(&r->out,
                    "<input type=\"hidden\" name=\"confirm\" value=\"1\">"
                    "<button type=\"submit\" aria-label=\"%s: %s\">%s"
                    "</button>",
                    T_GRANT_AWARD_DELETE, w->organisation,
                    T_GRANT_AWARD_DELETE);
        form_end(r);
        html_lit(&r->out, "</td></tr>\n");
    }
    if (n > 0) {
        html_printf(&r->out,
                    "</tbody>\n<tfoot><tr><th scope=\"row\" colspan=\"2\">"
                    "%s (%d/%d)</th><td class=\"num\">%s</td>"
                    "<td class=\"num\">%ld</td><td class=\"num\">%ld</td>"
                    "<td colspan=\"2\"></td></tr></tfoot>\n</table></div>"
                    "\n",
                    T_GRANT_REPORTED_SUM, nrep, n,
                    str_money(&r->arena, sum_amount), (long)sum_i, (long)sum_b);
    }
    html_lit(&r->out, "<h2>" T_GRANT_AWARD_ADD "</h2>\n");
    form_errors(r, errs, nerrs);
    form_begin(
        r,
        arena_printf(&r->arena, "/rejestry/konkursy/%ld/dotacje", (long)g->id),
        NULL);
    form_input(r, "organisation", T_GRANT_F_ORGANISATION, "text", org,
               "required");
    form_input(r, "project", T_GRANT_F_PROJECT, "text", proj, NULL);
    form_input(r, "amount", T_GRANT_F_AMOUNT, "text", amt, NULL);
    html_lit(&r->out,
             "<p><button type=\"submit\">" T_GRANT_AWARD_ADD "</button></p>\n");
    form_end(r);
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /rejestry/konkursy/:id/dotacje
** CAP: CAP_REGISTER_EDIT
** PARAMS: id=competition number (path)
*/
int
page_grant_awards(struct req *r)
{
    struct mon_record g;
    int64_t call = 0;
    int rc;

    if ((rc = grant_or_reply(r, &g)) != 0) {
        return rc;
    }
    if (grant_call_of_register(r->db, g.id, &call) == 0) {
        return req_redirect(
            r, arena_printf(&r->arena, "/nabory/%ld/oferty", (long)call));
    }
    return awards_page(r, &g, "", "", "", NULL, 0);
}

/*
** ROUTE: POST /rejestry/konkursy/:id/dotacje
** CAP: CAP_REGISTER_EDIT
** PARAMS: id (path), organisation, project, amount, csrf (form)
*/
int
page_grant_award_add(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    const char *org = req_form(r, "organisation");
    const char *proj = req_form(r, "project");
    const char *amt = req_form(r, "amount");
    const char **errs;
    struct mon_record g;
    int64_t id = 0;
    int rc, nerrs = 0;

    if ((rc = grant_or_reply(r, &g)) != 0 || (rc = kept_by_call(r, &g)) != 0) {
        return rc;
    }
    rc = mon_award_add(r->db, &r->arena, &act, g.id, org, proj, amt, &id, &errs,
                       &nerrs);
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, NULL);
    }
    if (rc == ERR_INPUT) {
        r->status = 400;
        return awards_page(r, &g, org ? org : "", proj ? proj : "",
                           amt ? amt : "", errs, nerrs);
    }
    if (rc != 0) {
        return rc;
    }
    return req_redirect(
        r,
        arena_printf(&r->arena, "/rejestry/konkursy/%ld/dotacje", (long)g.id));
}

/*
** ROUTE: POST /rejestry/konkursy/:id/dotacje/:award/usun
** CAP: CAP_REGISTER_EDIT
** PARAMS: id, award (path), confirm=1, csrf (form)
*/
int
page_grant_award_delete(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    const char *confirm = req_form(r, "confirm");
    struct mon_record g;
    struct mon_award w;
    int64_t aid = 0;
    int rc;

    if ((rc = grant_or_reply(r, &g)) != 0 || (rc = kept_by_call(r, &g)) != 0 ||
        (rc = req_param_num(r, 1, 1, &aid)) != 0) {
        return rc;
    }
    rc = mon_award_get(r->db, &r->arena, aid, &w);
    if (rc == ERR_NOTFOUND || (rc == 0 && w.grant_id != g.id)) {
        return req_error(r, 404, NULL);
    }
    if (rc != 0) {
        return rc;
    }
    if (confirm == NULL || strcmp(confirm, "1") != 0) {
        return req_error(r, 400, T_REG_ERR_CONFIRM);
    }
    if ((rc = mon_award_delete(r->db, &r->arena, &act, aid)) != 0) {
        return rc; /* ERR_NOTFOUND is answered with 404 */
    }
    return req_redirect(
        r,
        arena_printf(&r->arena, "/rejestry/konkursy/%ld/dotacje", (long)g.id));
}
