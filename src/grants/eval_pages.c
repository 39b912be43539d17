/*
** Pages of evaluation: the office's board of a call (formal outcomes, the
** committee and its progress, the ranking with the decision form), the
** formal checklist of an offer, the committee member's calls, declaration
** and scoring form (its own scores only), and the published results with
** their PDF. Rules are eval_store.c's.
*/
#include <stdlib.h>
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
formal_label(struct arena *a, const struct grant_offer *o)
{
    if (strcmp(o->formal_status, "passed") == 0) {
        return T_GE_F_PASSED;
    }
    if (strcmp(o->formal_status, "defect") == 0) {
        return arena_printf(a, T_GE_F_DEFECT, warsaw_local(a, o->defect_until));
    }
    if (strcmp(o->formal_status, "corrected") == 0) {
        return T_GE_F_CORRECTED;
    }
    if (strcmp(o->formal_status, "rejected") == 0) {
        return T_GE_F_REJECTED;
    }
    return T_GE_F_NONE;
}

/* The call of path parameter 0 for the office of its region. */
static int
office_call_or_reply(struct req *r, struct grant_call *c)
{
    int rc = grant_call_or_reply(r, c);

    if (rc == 0 && r->user->region != NULL &&
        strcmp(r->user->region, c->region) != 0) {
        return req_error(r, 404, NULL);
    }
    return rc;
}

static void
committee(struct req *r, const struct grant_call *c)
{
    struct grant_member *ms;
    int n, i;

    html_lit(&r->out, "<h2>" T_GE_COMMITTEE "</h2>\n<ul>\n");
    n = grant_members(r->db, &r->arena, c->id, &ms);
    for (i = 0; i < n; i++) {
        html_printf(
            &r->out, "<li>%s: %s; %s</li>\n", ms[i].login,
            ms[i].declared_at
                ? arena_printf(&r->arena, T_GE_DECLARED,
                               warsaw_local(&r->arena, ms[i].declared_at))
                : T_GE_NOT_DECLARED,
            arena_printf(&r->arena, T_GE_PROGRESS, (long)ms[i].scores));
    }
    html_lit(&r->out, "</ul>\n");
    if (strcmp(c->status, "results") != 0) {
        form_begin(r,
                   arena_printf(&r->arena, "/nabory/%ld/komisja", (long)c->id),
                   NULL);
        form_input(r, "login", T_GE_F_MEMBER, "text", NULL, "required");
        html_lit(&r->out, "<p><button type=\"submit\">" T_GE_ADD_MEMBER
                          "</button></p>\n");
        form_end(r);
    }
}

static void
ranking(struct req *r, const struct grant_call *c,
        const struct grant_ranked *rk, int n, const char *const *errs,
        int nerrs)
{
    bool open = strcmp(c->status, "results") != 0;
    int i;

    html_lit(&r->out, "<h2>" T_GE_RANKING "</h2>\n");
    form_errors(r, errs, nerrs);
    if (open) {
        form_begin(r,
                   arena_printf(&r->arena, "/nabory/%ld/wyniki", (long)c->id),
                   NULL);
    }
    html_printf(&r->out,
                WIDE_OPEN "<table>\n<caption>%s</caption>\n<thead><tr>"
                          "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                          "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                          "<th scope=\"col\" class=\"num\">%s</th>"
                          "<th scope=\"col\" class=\"num\">%s</th>"
                          "<th scope=\"col\" class=\"num\">%s</th>"
                          "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                T_GE_RANKING, T_GE_RANKING, T_GF_RECEIPT, T_GF_F_TITLE,
                T_GF_ORG, T_GE_FORMAL_STATUS, T_GE_AVG, T_GE_SCORERS,
                T_GF_F_REQUESTED, T_GE_AMOUNT);
    for (i = 0; i < n; i++) {
        const struct grant_offer *o = &rk[i].o;

        html_printf(&r->out,
                    "<tr><td>%s</td><td><a href=\"/oferty/%ld\">%s</a></td>"
                    "<td>%s</td><td><a href=\"/oferty/%ld/formalna\">%s</a>"
                    "</td><td class=\"num\">%s</td><td class=\"num\">%d</td>"
                    "<td class=\"num\">%s</td><td>",
                    o->receipt, (long)o->id, o->title, o->org_name, (long)o->id,
                    formal_label(&r->arena, o),
                    grant_points_text(&r->arena, rk[i].avg100), rk[i].scorers,
                    str_money(&r->arena, o->requested));
        if (open) {
            html_printf(&r->out,
                        "<label class=\"mon-sr\" for=\"f-amount%ld\">%s %s"
                        "</label><input id=\"f-amount%ld\" name=\"amount%ld\""
                        " type=\"text\" inputmode=\"decimal\" size=\"12\">",
                        (long)o->id, T_GE_AMOUNT, o->receipt, (long)o->id,
                        (long)o->id);
        } else {
            html_printf(&r->out, "%s", str_money(&r->arena, o->awarded));
        }
        html_lit(&r->out, "</td></tr>\n");
    }
    html_lit(&r->out, "</tbody>\n" WIDE_CLOSE);
    if (open) {
        html_lit(&r->out,
                 "<p><button type=\"submit\">" T_GE_PUBLISH "</button></p>\n");
        form_end(r);
    }
}

static int
board(struct req *r, const struct grant_call *c, const char *const *errs,
      int nerrs)
{
    struct grant_ranked *rk;
    int n;

    if ((n = grant_ranking(r->db, &r->arena, c->id, &rk)) < 0) {
        return n;
    }
    layout_begin_under(r, T_GE_TITLE,
                       arena_printf(&r->arena, "/nabory/%ld", (long)c->id),
                       c->title, T_GE_TITLE);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", T_GE_TITLE, c->title);
    committee(r, c);
    ranking(r, c, rk, n, errs, nerrs);
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /nabory/:id/ocena
** CAP: CAP_GRANT_MANAGE
** PARAMS: id=call number (path; the office of its region)
*/
int
page_ge_board(struct req *r)
{
    struct grant_call c;
    int rc;

    if ((rc = office_call_or_reply(r, &c)) != 0) {
        return rc;
    }
    return board(r, &c, NULL, 0);
}

/*
** ROUTE: POST /nabory/:id/komisja, POST /api/calls/:id/committee (JSON)
** CAP: CAP_GRANT_MANAGE
** PARAMS: id (path), login, csrf (form)
*/
int
page_ge_member_add(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    struct grant_call c;
    const char *why = NULL;
    int rc;

    if ((rc = office_call_or_reply(r, &c)) != 0) {
        return rc;
    }
    rc = grant_member_add(
        r->db, &r->arena, &act, c.id,
        str_trim(&r->arena, req_form(r, "login") ? req_form(r, "login") : ""),
        &why);
    if (rc != 0) {
        return grant_reply(r, rc, why);
    }
    return grant_done(r,
                      arena_printf(&r->arena, "/nabory/%ld/ocena", (long)c.id));
}

/*
** ROUTE: POST /nabory/:id/wyniki, POST /api/calls/:id/results (JSON)
** CAP: CAP_GRANT_MANAGE
** PARAMS: id (path), amountID for each offer ID of the call (empty: not
**         funded), csrf (form)
*/
int
page_ge_results_publish(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    struct grant_call c;
    struct grant_ranked *rk;
    const char **amounts, **errs;
    int64_t *ids;
    int rc, n, i, nerrs = 0;

    if ((rc = office_call_or_reply(r, &c)) != 0) {
        return rc;
    }
    if ((n = grant_ranking(r->db, &r->arena, c.id, &rk)) < 0) {
        return n;
    }
    ids = arena_alloc(&r->arena, (size_t)(n + 1) * sizeof(*ids));
    amounts = arena_alloc(&r->arena, (size_t)(n + 1) * sizeof(*amounts));
    for (i = 0; i < n; i++) {
        ids[i] = rk[i].o.id;
        amounts[i] =
            req_form(r, arena_printf(&r->arena, "amount%ld", (long)rk[i].o.id));
    }
    rc = grant_results_publish(r->db, &r->arena, &act, c.id, ids, amounts, n,
                               &errs, &nerrs);
    if (rc == ERR_INPUT && r->is_api) {
        return grant_api_errors(r, T_GE_ERR_RESULTS_FORM, errs, NULL, nerrs);
    }
    if (rc == ERR_INPUT) {
        r->status = 400;
        return board(r, &c, errs, nerrs);
    }
    if (rc == ERR_CONFLICT) {
        return req_error(r, 409, T_GE_ERR_RESULTS);
    }
    if (rc != 0) {
        return grant_reply(r, rc, NULL);
    }
    return grant_done(
        r, arena_printf(&r->arena, "/nabory/%ld/wyniki", (long)c.id));
}

/* The submitted offer of path parameter 0 and its call, for the office. */
static int
office_offer_or_reply(struct req *r, struct grant_offer *o,
                      struct grant_call *c)
{
    int64_t id;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    rc = grant_offer_get(r->db, &r->arena, id, o);
    if (rc == 0) {
        rc = grant_call_get(r->db, &r->arena, o->call_id, c);
    }
    if (rc == ERR_NOTFOUND ||
        (rc == 0 && (strcmp(o->status, "submitted") != 0 ||
                     (r->user->region != NULL &&
                      strcmp(r->user->region, c->region) != 0)))) {
        return req_error(r, 404, NULL);
    }
    return rc;
}

/*
** ROUTE: GET /oferty/:id/formalna
** CAP: CAP_GRANT_MANAGE
** PARAMS: id=offer number (path; submitted, of the office's region)
*/
int
page_ge_formal_form(struct req *r)
{
    struct grant_offer o;
    struct grant_call c;
    struct grant_formal *fs;
    int rc, nf, i, k = 0, j;

    if ((rc = office_offer_or_reply(r, &o, &c)) != 0) {
        return rc;
    }
    if ((nf = grant_formal_of(r->db, &r->arena, o.id, &fs)) < 0) {
        return nf;
    }
    layout_begin_under(r, T_GE_FORMAL,
                       arena_printf(&r->arena, "/nabory/%ld/ocena", (long)c.id),
                       T_GE_TITLE, T_GE_FORMAL);
    html_printf(&r->out, "<h1>%s: %s</h1>\n<p>%s – %s; %s</p>\n", T_GE_FORMAL,
                o.receipt, o.org_name, o.title, formal_label(&r->arena, &o));
    form_begin(r, arena_printf(&r->arena, "/oferty/%ld/formalna", (long)o.id),
               NULL);
    for (i = 0; i < c.ncriteria; i++) {
        const struct grant_criterion *cr = &c.criteria[i];
        bool met = false;
        const char *reason = "";

        if (strcmp(cr->stage, "formal") != 0) {
            continue;
        }
        k++;
        for (j = 0; j < nf; j++) {
            if (fs[j].pos == cr->pos) {
                met = fs[j].met;
                reason = fs[j].reason;
            }
        }
        html_printf(&r->out,
                    "<fieldset><legend>%d. %s</legend>\n<p><input "
                    "type=\"checkbox\" id=\"f-met%d\" name=\"met%d\" "
                    "value=\"1\"%s><label for=\"f-met%d\">%s</label></p>\n",
                    k, cr->name, k, k, met ? " checked" : "", k, T_GE_MET);
        form_input(r, arena_printf(&r->arena, "reason%d", k), T_GE_REASON,
                   "text", reason, NULL);
        html_lit(&r->out, "</fieldset>\n");
    }
    html_lit(&r->out,
             "<p><button type=\"submit\" name=\"outcome\" "
             "value=\"passed\">" T_GE_OUTCOME_PASSED
             "</button></p>\n<p><button type=\"submit\" "
             "name=\"outcome\" value=\"defect\">" T_GE_OUTCOME_DEFECT
             "</button></p>\n<p><button type=\"submit\" name=\"outcome\" "
             "value=\"rejected\">" T_GE_OUTCOME_REJECTED "</button></p>\n");
    form_end(r);
    layout_end(r);
    return 0;
}

/*
** ROUTE: POST /oferty/:id/formalna, POST /api/offers/:id/formal (JSON)
** CAP: CAP_GRANT_MANAGE
** PARAMS: id (path), metN=1, reasonN, outcome=passed|defect|rejected,
**         csrf (form)
*/
int
page_ge_formal(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    struct grant_offer o;
    struct grant_call c;
    bool met[GRANT_CRITERIA_MAX];
    const char *reason[GRANT_CRITERIA_MAX], *why = NULL;
    int rc, i;

    if ((rc = office_offer_or_reply(r, &o, &c)) != 0) {
        return rc;
    }
    for (i = 0; i < GRANT_CRITERIA_MAX; i++) {
        met[i] = req_form(r, arena_printf(&r->arena, "met%d", i + 1)) != NULL;
        reason[i] = req_form(r, arena_printf(&r->arena, "reason%d", i + 1));
        reason[i] = str_trim(&r->arena, reason[i] ? reason[i] : "");
    }
    rc = grant_formal_save(r->db, &r->arena, &act, o.id, met, reason,
                           req_form(r, "outcome"), &why);
    if (rc != 0) {
        return grant_reply(r, rc, why);
    }
    return grant_done(r,
                      arena_printf(&r->arena, "/nabory/%ld/ocena", (long)c.id));
}

/*
** ROUTE: GET /ocena
** CAP: CAP_GRANT_SCORE
** PARAMS: none
*/
int
page_ge_mine(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    struct grant_call *cs;
    int n, i, k;

    if ((n = grant_calls_of_member(r->db, &r->arena, r->user->id, &cs)) < 0) {
        return n;
    }
    layout_begin(r, T_GE_MY_CALLS);
    html_lit(&r->out, "<h1>" T_GE_MY_CALLS "</h1>\n");
    if (n == 0) {
        html_lit(&r->out, "<p>" T_GE_NO_CALLS "</p>\n");
    }
    for (i = 0; i < n; i++) {
        bool member, declared;
        struct grant_ranked *rk;
        int no;

        html_printf(&r->out, "<h2>%s</h2>\n", cs[i].title);
        if (grant_member_status(r->db, cs[i].id, r->user->id, &member,
                                &declared) != 0) {
            return ERR_DB;
        }
        if (!declared) {
            html_lit(&r->out, "<p>" T_GE_DECLARE_FIRST "</p>\n");
            form_begin(r,
                       arena_printf(&r->arena, "/ocena/%ld/oswiadczenie",
                                    (long)cs[i].id),
                       NULL);
            html_lit(&r->out, "<p>" T_GE_DECLARATION
                              "</p>\n<p><button type=\"submit\">" T_GE_DECLARE
                              "</button></p>\n");
            form_end(r);
            continue;
        }
        if ((no = grant_ranking(r->db, &r->arena, cs[i].id, &rk)) < 0) {
            return no;
        }
        html_lit(&r->out, "<ul>\n");
        for (k = 0; k < no; k++) {
            struct grant_score *ss;
            int ns;

            if (!grant_member_may_score(r->db, &act, &cs[i], &rk[k].o)) {
                continue;
            }
            ns =
                grant_scores_of(r->db, &r->arena, rk[k].o.id, r->user->id, &ss);
            html_printf(&r->out,
                        "<li><a href=\"/ocena/oferty/%ld\">%s – %s</a> (%s)"
                        "</li>\n",
                        (long)rk[k].o.id, rk[k].o.receipt, rk[k].o.title,
                        ns > 0 ? T_GE_SCORED : T_GE_NOT_SCORED);
        }
        html_lit(&r->out, "</ul>\n");
    }
    layout_end(r);
    return 0;
}

/*
** ROUTE: POST /ocena/:id/oswiadczenie, POST /api/calls/:id/declaration (JSON)
** CAP: CAP_GRANT_SCORE
** PARAMS: id=call number (path; a call whose committee the account is on),
**         csrf (form)
*/
int
page_ge_declare(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    int64_t id;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    rc = grant_member_declare(r->db, &r->arena, &act, id);
    if (rc != 0) {
        return grant_reply(r, rc, NULL);
    }
    return grant_done(r, "/ocena");
}

/* The offer of path parameter 0 the member may score, else 404. */
static int
scored_offer_or_reply(struct req *r, struct grant_offer *o,
                      struct grant_call *c)
{
    struct mon_actor act = mon_actor_of(r);
    int64_t id;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    rc = grant_offer_get(r->db, &r->arena, id, o);
    if (rc == 0) {
        rc = grant_call_get(r->db, &r->arena, o->call_id, c);
    }
    if (rc == ERR_NOTFOUND ||
        (rc == 0 && !grant_member_may_score(r->db, &act, c, o))) {
        return req_error(r, 404, NULL);
    }
    return rc;
}

static void
score_form(struct req *r, const struct grant_call *c,
           const struct grant_offer *o, const char *const *points,
           const char *const *just, const char *const *errs, int nerrs)
{
    int i, k = 0;

    layout_begin_under(r, T_GE_SCORE, "/ocena", T_GE_MY_CALLS, T_GE_SCORE);
    html_printf(&r->out,
                "<h1>%s: %s</h1>\n<dl class=\"meta\"><dt>%s</dt><dd>%s</dd>"
                "<dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s " T_CURRENCY
                "</dd></dl>\n<p class=\"pre\">%s</p>\n",
                T_GE_SCORE, o->receipt, T_GF_F_TITLE, o->title, T_GF_ORG,
                o->org_name, T_GF_F_REQUESTED,
                str_money(&r->arena, o->requested), o->description);
    if (nerrs > 0) {
        html_lit(&r->out, "<p>" T_GE_ERR_SCORES "</p>\n");
    }
    form_errors(r, errs, nerrs);
    form_begin(r, arena_printf(&r->arena, "/ocena/oferty/%ld", (long)o->id),
               NULL);
    for (i = 0; i < c->ncriteria; i++) {
        const struct grant_criterion *cr = &c->criteria[i];

        if (strcmp(cr->stage, "merit") != 0) {
            continue;
        }
        html_printf(&r->out, "<fieldset><legend>%d. %s</legend>\n", cr->pos,
                    cr->name);
        form_input(
            r, arena_printf(&r->arena, "points%d", k + 1),
            arena_printf(&r->arena, T_GE_F_POINTS, cr->name, cr->max_points),
            "number", points[k], "required min=\"0\" inputmode=\"numeric\"");
        html_printf(&r->out,
                    "<p class=\"field\"><label for=\"f-justification%d\">%s"
                    "</label>\n<textarea id=\"f-justification%d\" "
                    "name=\"justification%d\" rows=\"3\" required>%s"
                    "</textarea></p>\n</fieldset>\n",
                    k + 1,
                    arena_printf(&r->arena, T_GE_F_JUSTIFICATION, cr->name),
                    k + 1, k + 1, just[k] ? just[k] : "");
        k++;
    }
    html_lit(&r->out,
             "<p><button type=\"submit\">" T_GE_SAVE_SCORES "</button></p>\n");
    form_end(r);
    layout_end(r);
}

/*
** ROUTE: GET /ocena/oferty/:id
** CAP: CAP_GRANT_SCORE
** PARAMS: id=offer number (path; of a call whose committee the account is
**         on, declared, the offer formally passed)
*/
int
page_ge_score_form(struct req *r)
{
    struct grant_offer o;
    struct grant_call c;
    struct grant_score *ss;
    const char *points[GRANT_CRITERIA_MAX + 1] = {0};
    const char *just[GRANT_CRITERIA_MAX + 1] = {0};
    int rc, ns, i;

    if ((rc = scored_offer_or_reply(r, &o, &c)) != 0) {
        return rc;
    }
    ns = grant_scores_of(r->db, &r->arena, o.id, r->user->id, &ss);
    for (i = 0; i < ns && i < GRANT_CRITERIA_MAX; i++) {
        points[i] = arena_printf(&r->arena, "%d", ss[i].points);
        just[i] = ss[i].justification;
    }
    score_form(r, &c, &o, points, just, NULL, 0);
    return 0;
}

/*
** ROUTE: POST /ocena/oferty/:id, POST /api/offers/:id/scores (JSON)
** CAP: CAP_GRANT_SCORE
** PARAMS: id (path), pointsN, justificationN, csrf (form)
*/
int
page_ge_score(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    struct grant_offer o;
    struct grant_call c;
    const char *points[GRANT_CRITERIA_MAX + 1] = {0};
    const char *just[GRANT_CRITERIA_MAX + 1] = {0};
    const char **errs;
    int rc, i, nerrs = 0;

    if ((rc = scored_offer_or_reply(r, &o, &c)) != 0) {
        return rc;
    }
    for (i = 0; i < GRANT_CRITERIA_MAX; i++) {
        points[i] = req_form(r, arena_printf(&r->arena, "points%d", i + 1));
        just[i] =
            req_form(r, arena_printf(&r->arena, "justification%d", i + 1));
    }
    rc = grant_scores_save(r->db, &r->arena, &act, o.id, points, just, &errs,
                           &nerrs);
    if (rc == ERR_INPUT && r->is_api) {
        return grant_api_errors(r, T_GE_ERR_SCORES, errs, NULL, nerrs);
    }
    if (rc == ERR_INPUT) {
        r->status = 400;
        score_form(r, &c, &o, points, just, errs, nerrs);
        return 0;
    }
    if (rc != 0) {
        return grant_reply(r, rc, NULL);
    }
    return grant_done(r, "/ocena");
}

/* The published results of path parameter 0's call, ranked. */
static int
results_or_reply(struct req *r, struct grant_call *c, struct grant_ranked **rk)
{
    int rc = grant_call_or_reply(r, c);

    if (rc != 0) {
        return rc;
    }
    if (strcmp(c->status, "results") != 0) {
        return req_error(r, 404, T_GE_RESULTS_NONE);
    }
    return grant_ranking(r->db, &r->arena, c->id, rk);
}

static void
results_table(struct req *r, const char *caption, const struct grant_ranked *rk,
              int n, bool funded)
{
    int i;

    html_printf(&r->out,
                "<h2>%s</h2>\n" WIDE_OPEN
                "<table>\n<thead><tr><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\" class=\"num\">%s</th>"
                "<th scope=\"col\" class=\"num\">%s</th></tr></thead>\n"
                "<tbody>\n",
                caption, caption, T_GF_RECEIPT, T_GF_F_TITLE, T_GF_ORG,
                T_GE_AVG, funded ? T_GE_AWARDED : T_GF_F_REQUESTED);
    for (i = 0; i < n; i++) {
        const struct grant_offer *o = &rk[i].o;

        if ((o->awarded > 0) != funded) {
            continue;
        }
        html_printf(&r->out,
                    "<tr><td>%s</td><td>%s</td><td>%s</td>"
                    "<td class=\"num\">%s</td><td class=\"num\">%s " T_CURRENCY
                    "</td></tr>\n",
                    o->receipt, o->title, o->org_name,
                    grant_points_text(&r->arena, rk[i].avg100),
                    str_money(&r->arena, funded ? o->awarded : o->requested));
    }
    html_lit(&r->out, "</tbody>\n" WIDE_CLOSE);
}

/*
** ROUTE: GET /nabory/:id/wyniki
** CAP: CAP_PUBLIC
** PARAMS: id=call number (path; results published)
*/
int
page_ge_results(struct req *r)
{
    struct grant_call c;
    struct grant_ranked *rk;
    int n;

    if ((n = results_or_reply(r, &c, &rk)) < 0) {
        return n;
    }
    layout_begin_under(r, T_GE_RESULTS,
                       arena_printf(&r->arena, "/nabory/%ld", (long)c.id),
                       c.title, T_GE_RESULTS);
    html_printf(&r->out, "<h1>%s: %s</h1>\n<p>", T_GE_RESULTS, c.title);
    html_printf(&r->out, T_GE_RESULTS_AT,
                warsaw_local(&r->arena, c.results_at));
    html_printf(&r->out, " <a href=\"/nabory/%ld/wyniki.pdf\">%s</a></p>\n",
                (long)c.id, T_GE_RESULTS_PDF);
    results_table(r, T_GE_FUNDED, rk, n, true);
    results_table(r, T_GE_NOT_FUNDED, rk, n, false);
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /nabory/:id/wyniki.pdf
** CAP: CAP_PUBLIC
** PARAMS: id=call number (path; results published)
*/
int
page_ge_results_pdf(struct req *r)
{
    struct grant_call c;
    struct grant_ranked *rk;
    int n;

    if ((n = results_or_reply(r, &c, &rk)) < 0) {
        return n;
    }
    r->content_type = "application/pdf";
    return grant_results_pdf(&r->arena, &c, rk, n, &r->out);
}
