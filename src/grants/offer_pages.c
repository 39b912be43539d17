/*
** Pages of offers: the organisation's form in the sections of the offer
** template (saved as a draft, checked as typed: the findings of the checks
** name their fields), its submission with the receipt number and the PDF
** as submitted, the organisation's list of offers and the office's list of
** a call's offers; the JSON twin. Rules and checks are offer_store.c's and
** offer_check.c's; an offer another organisation's answers 404.
*/
#include <string.h>

#include "core/err.h"
#include "core/json.h"
#include "core/str.h"
#include "core/strings_pl.h"
#include "core/warsaw.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "modules_handlers.h"
#include "pages.h"
#include "grants/strings_pl.h"

static const char *const declarations[GRANT_DECLARATIONS] = {
    T_GF_DECL_1, T_GF_DECL_2, T_GF_DECL_3, T_GF_DECL_4};

static void
findings(struct req *r, const struct grant_finding *fs, int n)
{
    const char **msgs = arena_alloc(&r->arena, (size_t)(n + 1) * sizeof(*msgs));
    int i;

    for (i = 0; i < n; i++) {
        msgs[i] = fs[i].message;
    }
    form_errors(r, msgs, n);
}

static void
sections(struct req *r, const struct grant_call *c,
         const struct grant_offer_form *f, const struct grant_finding *fs,
         int n)
{
    struct arena *a = &r->arena;
    int i;

    html_printf(&r->out,
                "<fieldset><legend>%s</legend>\n<p class=\"field\">"
                "<label for=\"f-area\">%s</label>\n<select id=\"f-area\" "
                "name=\"area\">\n",
                T_GF_S2, T_GF_F_AREA);
    for (i = 0; i < c->nareas; i++) {
        const char *v = arena_printf(a, "%d", c->areas[i].pos);

        html_printf(&r->out, "<option value=\"%s\"%s>%s</option>\n", v,
                    f->area && strcmp(f->area, v) == 0 ? " selected" : "",
                    c->areas[i].name);
    }
    html_lit(&r->out, "</select></p>\n");
    grant_offer_input(r, "title", T_GF_F_TITLE, "text", f->title, fs, n);
    grant_offer_input(r, "place", T_GF_F_PLACE, "text", f->place, fs, n);
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-description\">%s</label>\n"
                "<textarea id=\"f-description\" name=\"description\" "
                "rows=\"6\">%s</textarea></p>\n",
                T_GF_F_DESCRIPTION, f->description ? f->description : "");
    grant_offer_input(r, "date_from", T_GF_F_FROM, "date", f->date_from, fs, n);
    grant_offer_input(r, "date_to", T_GF_F_TO, "date", f->date_to, fs, n);
    html_printf(&r->out, "</fieldset>\n<fieldset><legend>%s</legend>\n",
                T_GF_S3);
    for (i = 0; i < GRANT_ACTIONS_MAX; i++) {
        grant_offer_input(r, arena_printf(a, "action%d", i + 1),
                          arena_printf(a, T_GF_F_ACTION, i + 1), "text",
                          f->action[i], fs, n);
        grant_offer_input(r, arena_printf(a, "action%d_from", i + 1),
                          arena_printf(a, T_GF_F_ACTION_FROM, i + 1), "date",
                          f->action_from[i], fs, n);
        grant_offer_input(r, arena_printf(a, "action%d_to", i + 1),
                          arena_printf(a, T_GF_F_ACTION_TO, i + 1), "date",
                          f->action_to[i], fs, n);
    }
    html_printf(&r->out, "</fieldset>\n<fieldset><legend>%s</legend>\n",
                T_GF_S4);
    for (i = 0; i < GRANT_RESULTS_MAX; i++) {
        grant_offer_input(r, arena_printf(a, "result%d", i + 1),
                          arena_printf(a, T_GF_F_RESULT, i + 1), "text",
                          f->result[i], fs, n);
        grant_offer_input(r, arena_printf(a, "result%d_target", i + 1),
                          arena_printf(a, T_GF_F_RESULT_TARGET, i + 1), "text",
                          f->result_target[i], fs, n);
    }
    html_printf(&r->out, "</fieldset>\n<fieldset><legend>%s</legend>\n",
                T_GF_S5);
    grant_cost_inputs(r, f, fs, n);
    grant_offer_input(r, "requested", T_GF_F_REQUESTED, "text", f->requested,
                      fs, n);
    html_printf(&r->out, "</fieldset>\n<fieldset><legend>%s</legend>\n",
                T_GF_S6);
    for (i = 0; i < GRANT_DECLARATIONS; i++) {
        html_printf(&r->out,
                    "<p><input type=\"checkbox\" id=\"f-declaration%d\" "
                    "name=\"declaration%d\" value=\"1\"%s><label "
                    "for=\"f-declaration%d\">%s</label></p>\n",
                    i + 1, i + 1, f->declaration[i] ? " checked" : "", i + 1,
                    declarations[i]);
    }
    html_lit(&r->out, "</fieldset>\n");
}

/* The whole form page: what is wrong (lead) and the findings first. */
static void
offer_form(struct req *r, const struct grant_call *c, const char *org_name,
           int64_t id, const struct grant_offer_form *f,
           const struct grant_finding *fs, int n, const char *lead,
           bool correct)
{
    const char *title = id ? T_GF_TITLE : T_GF_TITLE_NEW;

    layout_begin_under(r, title,
                       arena_printf(&r->arena, "/nabory/%ld", (long)c->id),
                       c->title, title);
    html_printf(&r->out,
                "<h1>%s</h1>\n<dl class=\"meta\"><dt>%s</dt><dd>%s</dd>"
                "<dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s %s</dd>"
                "<dt>%s</dt><dd>%s " T_CURRENCY "</dd></dl>\n",
                title, T_GF_ORG, org_name, T_GC_F_TITLE, c->title,
                T_GC_F_UNTIL_DATE, warsaw_local(&r->arena, c->offers_until),
                T_GC_TIME_SUFFIX, T_GC_F_MAX_GRANT,
                str_money(&r->arena, c->max_grant));
    if (lead != NULL) {
        html_printf(&r->out, "<p role=\"status\">%s</p>\n", lead);
    }
    if (n > 0) {
        html_lit(&r->out, "<h2>" T_GF_TO_FIX "</h2>\n");
        findings(r, fs, n);
    }
    form_begin(
        r,
        correct ? arena_printf(&r->arena, "/oferty/%ld/korekta", (long)id)
        : id    ? arena_printf(&r->arena, "/oferty/%ld", (long)id)
                : arena_printf(&r->arena, "/nabory/%ld/oferty", (long)c->id),
        NULL);
    sections(r, c, f, fs, n);
    if (correct) {
        html_lit(&r->out,
                 "<p><button type=\"submit\">" T_GE_CORRECT "</button></p>\n");
    } else {
        html_lit(&r->out,
                 "<p><button type=\"submit\">" T_GF_SAVE "</button></p>\n");
    }
    if (id && !correct) {
        html_printf(&r->out,
                    "<p><button type=\"submit\" formaction=\"/oferty/%ld/"
                    "zlozenie\">%s</button></p>\n",
                    (long)id, T_GF_SUBMIT);
    }
    form_end(r);
    layout_end(r);
}

/* The account's confirmed organisation in region, or 0. */
static int64_t
own_org(struct req *r, const char *region, const char **name)
{
    struct grant_org *os;
    int n, i;

    n = grant_orgs_of_account(r->db, &r->arena, r->user->id, &os);
    for (i = 0; i < n; i++) {
        if (strcmp(os[i].status, "confirmed") == 0 &&
            strcmp(os[i].region, region) == 0) {
            *name = os[i].name;
            return os[i].id;
        }
    }
    return 0;
}

/*
** ROUTE: GET /nabory/:id/oferta
** CAP: CAP_GRANT_REPORT
** PARAMS: id=call number (path)
*/
int
page_gf_new(struct req *r)
{
    struct grant_offer_form f;
    struct grant_call c;
    const char *org_name = "";
    int rc;

    if ((rc = grant_call_or_reply(r, &c)) != 0) {
        return rc;
    }
    if (own_org(r, c.region, &org_name) == 0) {
        return req_error(r, 409, T_GF_NO_ORG);
    }
    memset(&f, 0, sizeof(f));
    offer_form(r, &c, org_name, 0, &f, NULL, 0, NULL, false);
    return 0;
}

/* Read the posted form and save it as offer id (0: new, of call c); on a
 * form error the page is answered (400) and ERR_INPUT returned. */
static int
save_posted(struct req *r, const struct grant_call *c, int64_t org_id,
            const char *org_name, int64_t id, int64_t *out_id)
{
    struct mon_actor act = mon_actor_of(r);
    struct grant_offer_form f;
    struct grant_offer o;
    struct grant_finding *fs;
    const char *why = NULL;
    int nf, rc;

    grant_offer_form_of_request(r, &f);
    if (grant_offer_read(&r->arena, &f, &o, &fs, &nf) != 0) {
        if (r->is_api) {
            grant_api_errors(r, T_GF_ERR_FORM, NULL, fs, nf);
            return ERR_INPUT;
        }
        r->status = 400;
        offer_form(r, c, org_name, id, &f, fs, nf, T_GF_ERR_FORM, false);
        return ERR_INPUT;
    }
    o.org_id = org_id;
    rc = grant_offer_save(r->db, &r->arena, &act, c->id, id, &o, out_id, &why);
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, NULL);
    }
    if (rc == ERR_CONFLICT) {
        return req_error(r, 409, why);
    }
    return rc;
}

/*
** ROUTE: POST /nabory/:id/oferty, POST /api/calls/:id/offers (JSON)
** CAP: CAP_GRANT_REPORT
** PARAMS: id (path), the offer's sections (area, title, place,
**         description, date_from, date_to, actionN*, resultN*, costN*,
**         requested, declarationN), csrf (form)
*/
int
page_gf_create(struct req *r)
{
    struct grant_call c;
    const char *org_name = "";
    int64_t org, id = 0;
    int rc;

    if ((rc = grant_call_or_reply(r, &c)) != 0) {
        return rc;
    }
    if ((org = own_org(r, c.region, &org_name)) == 0) {
        return req_error(r, 409, T_GF_NO_ORG);
    }
    rc = save_posted(r, &c, org, org_name, 0, &id);
    if (rc == ERR_INPUT) {
        return 0;
    }
    if (rc != 0) {
        return rc;
    }
    return grant_done(r, arena_printf(&r->arena, "/oferty/%ld", (long)id));
}

/* Offer of path parameter 0 with its call, as the account may see it. */
static int
offer_or_reply(struct req *r, struct grant_offer *o, struct grant_call *c)
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
        (rc == 0 && !grant_offer_visible(r->db, &act, o, c->region))) {
        return req_error(r, 404, NULL);
    }
    return rc;
}

static void
offer_view(struct req *r, const struct grant_call *c,
           const struct grant_offer *o, bool own, bool office)
{
    struct arena *a = &r->arena;
    int i;

    layout_begin_under(r, o->title, arena_printf(a, "/nabory/%ld", (long)c->id),
                       c->title, o->title);
    html_printf(&r->out,
                "<h1>%s</h1>\n<dl class=\"meta\"><dt>%s</dt><dd>%s</dd>"
                "<dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s " T_CURRENCY
                "</dd><dt>%s</dt><dd>%s – %s</dd></dl>\n",
                o->title, T_GF_ORG, o->org_name, T_GF_STATUS,
                o->receipt
                    ? arena_printf(a, T_GF_STATUS_SUBMITTED,
                                   warsaw_local(a, o->submitted_at), o->receipt)
                    : T_GF_STATUS_DRAFT,
                T_GF_F_REQUESTED, str_money(a, o->requested), T_GF_PERIOD,
                o->date_from, o->date_to);
    if (o->receipt) {
        html_printf(&r->out, "<p><a href=\"/oferty/%ld/pdf\">%s</a></p>\n",
                    (long)o->id, T_GF_PDF);
    }
    html_printf(&r->out, "<h2>%s</h2>\n<p>%s</p>\n<p class=\"pre\">%s</p>\n",
                T_GF_S2, o->place, o->description);
    html_printf(&r->out, "<h2>%s</h2>\n<ul>\n", T_GF_S4);
    for (i = 0; i < o->nresults; i++) {
        html_printf(&r->out, "<li>%s: %s</li>\n", o->results[i].name,
                    str_thousands(a, o->results[i].target));
    }
    html_lit(&r->out, "</ul>\n");
    grant_settle_section(r, c, o, own, office);
    layout_end(r);
}

/*
** ROUTE: GET /oferty/:id
** CAP: CAP_LOGIN
** PARAMS: id=offer number (path; its organisation's accounts, the office
**         of the call's region once submitted)
*/
int
page_gf_show(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    struct grant_offer o;
    struct grant_call c;
    struct grant_offer_form f;
    struct grant_finding *fs;
    int rc, n;

    if ((rc = offer_or_reply(r, &o, &c)) != 0) {
        return rc;
    }
    if (strcmp(o.formal_status, "defect") == 0 &&
        grant_org_is_own(r->db, &act, o.org_id)) {
        grant_offer_form_of(&r->arena, &o, &f);
        offer_form(r, &c, o.org_name, o.id, &f, NULL, 0,
                   arena_printf(&r->arena, T_GE_F_DEFECT,
                                warsaw_local(&r->arena, o.defect_until)),
                   true);
        return 0;
    }
    if (strcmp(o.status, "draft") != 0 ||
        !grant_org_is_own(r->db, &act, o.org_id)) {
        offer_view(r, &c, &o, grant_org_is_own(r->db, &act, o.org_id),
                   auth_role_has(act.role, CAP_GRANT_MANAGE));
        return 0;
    }
    n = grant_offer_check(&r->arena, &c, &o, &fs);
    grant_offer_form_of(&r->arena, &o, &f);
    offer_form(r, &c, o.org_name, o.id, &f, fs, n, n == 0 ? T_GF_READY : NULL,
               false);
    return 0;
}

/*
** ROUTE: POST /oferty/:id, POST /api/offers/:id (JSON)
** CAP: CAP_GRANT_REPORT
** PARAMS: id (path), the sections as for POST /nabory/:id/oferty
*/
int
page_gf_update(struct req *r)
{
    struct grant_offer o;
    struct grant_call c;
    int64_t id;
    int rc;

    if ((rc = offer_or_reply(r, &o, &c)) != 0) {
        return rc;
    }
    rc = save_posted(r, &c, o.org_id, o.org_name, o.id, &id);
    if (rc == ERR_INPUT) {
        return 0;
    }
    if (rc != 0) {
        return rc;
    }
    return grant_done(r, arena_printf(&r->arena, "/oferty/%ld", (long)id));
}

/*
** ROUTE: POST /oferty/:id/zlozenie, POST /api/offers/:id/submit (JSON)
** CAP: CAP_GRANT_REPORT
** PARAMS: id (path), the sections as for POST /oferty/:id (saved first)
*/
int
page_gf_submit(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    struct grant_offer o;
    struct grant_call c;
    struct grant_offer_form f;
    struct grant_finding *fs;
    const char *why = NULL;
    int64_t id;
    int rc, n = 0;

    if ((rc = offer_or_reply(r, &o, &c)) != 0) {
        return rc;
    }
    if (req_form(r, "title") != NULL) {
        rc = save_posted(r, &c, o.org_id, o.org_name, o.id, &id);
        if (rc == ERR_INPUT) {
            return 0;
        }
        if (rc != 0) {
            return rc;
        }
    }
    rc = grant_offer_submit(r->db, &r->arena, &act, o.id, &fs, &n, &why);
    if (rc == ERR_INPUT && r->is_api) {
        return grant_api_errors(r, T_GF_ERR_SUBMIT, NULL, fs, n);
    }
    if (rc == ERR_INPUT) {
        if ((rc = grant_offer_get(r->db, &r->arena, o.id, &o)) != 0) {
            return rc;
        }
        r->status = 400;
        grant_offer_form_of(&r->arena, &o, &f);
        offer_form(r, &c, o.org_name, o.id, &f, fs, n, T_GF_ERR_SUBMIT, false);
        return 0;
    }
    if (rc != 0) {
        return grant_reply(r, rc, why);
    }
    return grant_done(r, arena_printf(&r->arena, "/oferty/%ld", (long)o.id));
}

/*
** ROUTE: GET /oferty/:id/pdf
** CAP: CAP_LOGIN
** PARAMS: id=offer number (path), as GET /oferty/:id
*/
int
page_gf_pdf(struct req *r)
{
    struct grant_offer o;
    struct grant_call c;
    const void *data;
    size_t len;
    int rc;

    if ((rc = offer_or_reply(r, &o, &c)) != 0) {
        return rc;
    }
    rc = grant_offer_pdf_get(r->db, &r->arena, o.id, &data, &len);
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, NULL);
    }
    if (rc != 0) {
        return rc;
    }
    r->content_type = "application/pdf";
    req_add_header(r, "Content-Disposition",
                   arena_printf(&r->arena,
                                "inline; filename=\"oferta-%ld.pdf\"",
                                (long)o.id));
    buf_append(&r->out, data, len);
    return 0;
}

static void
offers_table(struct req *r, const char *caption, const struct grant_offer *os,
             int n)
{
    int i;

    html_printf(&r->out,
                WIDE_OPEN "<table>\n<caption>%s</caption>\n<thead><tr>"
                          "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                          "<th scope=\"col\">%s</th><th scope=\"col\" "
                          "class=\"num\">%s</th><th scope=\"col\">%s</th>"
                          "</tr></thead>\n<tbody>\n",
                caption, caption, T_GF_RECEIPT, T_GF_F_TITLE, T_GF_ORG,
                T_GF_F_REQUESTED, T_GF_STATUS);
    for (i = 0; i < n; i++) {
        const struct grant_offer *o = &os[i];

        html_printf(&r->out,
                    "<tr><td>%s</td><td><a href=\"/oferty/%ld\">%s</a></td>"
                    "<td>%s</td><td class=\"num\">%s " T_CURRENCY
                    "</td><td>%s</td></tr>\n",
                    o->receipt ? o->receipt : "–", (long)o->id,
                    *o->title ? o->title : T_GF_TITLE, o->org_name,
                    str_money(&r->arena, o->requested),
                    o->receipt
                        ? arena_printf(&r->arena, T_GF_STATUS_SUBMITTED,
                                       warsaw_local(&r->arena, o->submitted_at),
                                       o->receipt)
                        : T_GF_STATUS_DRAFT);
    }
    html_lit(&r->out, "</tbody>\n" WIDE_CLOSE);
}

/*
** ROUTE: GET /moje-oferty
** CAP: CAP_GRANT_REPORT
** PARAMS: none
*/
int
page_gf_mine(struct req *r)
{
    struct grant_offer *os;
    int n;

    n = grant_offers_of_account(r->db, &r->arena, r->user->id, &os);
    if (n < 0) {
        return n;
    }
    layout_begin(r, T_NAV_MY_OFFERS);
    html_lit(&r->out, "<h1>" T_NAV_MY_OFFERS "</h1>\n");
    if (n == 0) {
        html_lit(&r->out, "<p>" T_GF_MINE_NONE "</p>\n");
    } else {
        offers_table(r, T_NAV_MY_OFFERS, os, n);
    }
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /nabory/:id/oferty
** CAP: CAP_GRANT_MANAGE
** PARAMS: id=call number (path; the office of its region)
*/
int
page_gf_of_call(struct req *r)
{
    struct grant_call c;
    struct grant_offer *os;
    int rc, n;

    if ((rc = grant_call_or_reply(r, &c)) != 0) {
        return rc;
    }
    if (r->user->region != NULL && strcmp(r->user->region, c.region) != 0) {
        return req_error(r, 404, NULL);
    }
    n = grant_offers_of_call(r->db, &r->arena, c.id, &os);
    if (n < 0) {
        return n;
    }
    layout_begin_under(r, T_GF_CALL_OFFERS,
                       arena_printf(&r->arena, "/nabory/%ld", (long)c.id),
                       c.title, T_GF_CALL_OFFERS);
    html_printf(&r->out, "<h1>%s</h1>\n", T_GF_CALL_OFFERS);
    if (n == 0) {
        html_lit(&r->out, "<p>" T_GF_NONE "</p>\n");
    } else {
        offers_table(r, T_GF_CALL_OFFERS, os, n);
    }
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /api/offers/:id
** CAP: CAP_LOGIN
** PARAMS: id=offer number (path), as GET /oferty/:id
*/
int
api_gf_get(struct req *r)
{
    struct grant_offer o;
    struct grant_call c;
    struct json j;
    int rc;

    if ((rc = offer_or_reply(r, &o, &c)) != 0) {
        return rc;
    }
    req_json(r, &j);
    grant_offer_json(&j, &o, NULL);
    return 0;
}

/*
** ROUTE: POST /oferty/:id/korekta, POST /api/offers/:id/correction (JSON)
** CAP: CAP_GRANT_REPORT
** PARAMS: id (path), the sections as for POST /oferty/:id
*/
int
page_gf_correct(struct req *r)
{
    struct mon_actor act = mon_actor_of(r);
    struct grant_offer o, in;
    struct grant_call c;
    struct grant_offer_form f;
    struct grant_finding *fs;
    const char *why = NULL;
    int rc, nf;

    if ((rc = offer_or_reply(r, &o, &c)) != 0) {
        return rc;
    }
    grant_offer_form_of_request(r, &f);
    if (grant_offer_read(&r->arena, &f, &in, &fs, &nf) != 0) {
        if (r->is_api) {
            return grant_api_errors(r, T_GF_ERR_FORM, NULL, fs, nf);
        }
        r->status = 400;
        offer_form(r, &c, o.org_name, o.id, &f, fs, nf, T_GF_ERR_FORM, true);
        return 0;
    }
    rc = grant_offer_correct(r->db, &r->arena, &act, o.id, &in, &why);
    if (rc != 0) {
        return grant_reply(r, rc, why);
    }
    return grant_done(r, arena_printf(&r->arena, "/oferty/%ld", (long)o.id));
}
