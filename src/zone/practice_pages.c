/*
** The base of good practices on the web and in JSON (issue 19): the
** public list with its filters, a practice's page, the proposal form for
** logged-in professionals, the moderators' decision, and the section the
** directory shows on the page of a gmina.
*/
#include "modules_handlers.h"

#include <string.h>

#include "core/err.h"
#include "core/str.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "zone.h"
#include "zone/strings_pl.h"
#include "zone_pages.h"

static void
practice_item(struct req *r, const struct zone_practice *p)
{
    html_printf(
        &r->out,
        "<li><a href=\"/dobre-praktyki/%lld\">%s</a> — %s; %s, %s</li>\n",
        (long long)p->id, p->title,
        zone_area_label(p->area) ? zone_area_label(p->area) : p->area, p->topic,
        arena_printf(&r->arena, T_ZONE_PR_WHERE_FMT, p->gmina_name,
                     p->powiat_name));
}

/* The accepted practices the query asks for (q, obszar, temat, gmina). */
static struct zone_practice_filter
accepted_asked(struct req *r)
{
    struct zone_practice_filter f = {.state = "accepted"};

    f.q = zone_arg(r, "q");
    f.area = zone_arg(r, "obszar");
    f.topic = zone_arg(r, "temat");
    f.gmina = zone_arg(r, "gmina");
    return f;
}

/*
** ROUTE: GET /dobre-praktyki
** CAP: CAP_PUBLIC
** PARAMS: q=text, obszar=code, temat=text, gmina=TERYT 7 digits
*/
int
page_practices(struct req *r)
{
    struct zone_practice_filter f = accepted_asked(r);
    struct zone_practice *p;
    int n = zone_practices(r->db, &r->arena, &f, &p), i;

    if (n < 0) {
        return n;
    }
    layout_begin(r, T_ZONE_PR_TITLE);
    html_lit(&r->out, "<h1>" T_ZONE_PR_TITLE
                      "</h1>\n<p class=\"lead\">" T_ZONE_PR_LEAD "</p>\n");
    if (r->user != NULL) {
        html_lit(&r->out,
                 "<p><a href=\"/dobre-praktyki/nowa\">" T_ZONE_PR_PROPOSE
                 "</a></p>\n");
    } else {
        html_lit(&r->out, "<p><a href=\"/forum/rejestracja\">" T_ZONE_REG_INVITE
                          "</a></p>\n");
    }
    html_lit(&r->out, "<form method=\"get\" action=\"/dobre-praktyki\" "
                      "role=\"search\">\n");
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-q\">%s</label>\n<input "
                "type=\"search\" id=\"f-q\" name=\"q\" value=\"%s\"></p>\n",
                T_ZONE_PR_Q, f.q ? f.q : "");
    zone_select(r, "area", "obszar", T_ZONE_PR_AREA, zone_areas, f.area,
                T_ZONE_PR_ANY);
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-topic\">%s</label>\n<input "
                "type=\"text\" id=\"f-topic\" name=\"temat\" value=\"%s\"></p>"
                "\n<p class=\"field\"><label for=\"f-gmina\">%s</label>\n"
                "<input type=\"text\" id=\"f-gmina\" name=\"gmina\" "
                "value=\"%s\" inputmode=\"numeric\" pattern=\"[0-9]{7}\"></p>\n"
                "<p><button type=\"submit\">%s</button></p>\n</form>\n",
                T_ZONE_PR_TOPIC, f.topic ? f.topic : "", T_ZONE_PR_GMINA,
                f.gmina ? f.gmina : "", T_ZONE_PR_FILTER);
    html_printf(&r->out, "<p role=\"status\">" T_ZONE_PR_FOUND "</p>\n", n);
    if (n == 0) {
        html_lit(&r->out, "<p>" T_ZONE_PR_NONE "</p>\n");
    } else {
        html_lit(&r->out, "<ul class=\"practices\">\n");
        for (i = 0; i < n; i++) {
            practice_item(r, &p[i]);
        }
        html_lit(&r->out, "</ul>\n");
    }
    layout_end(r);
    return 0;
}

static void
textarea(struct req *r, const char *name, const char *label)
{
    const char *v = req_form(r, name);

    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-%s\">%s</label>\n"
                "<textarea id=\"f-%s\" name=\"%s\" rows=\"5\" required "
                "maxlength=\"20000\">%s</textarea></p>\n",
                name, label, name, name, v ? v : "");
}

static void
propose_page(struct req *r, const char *error)
{
    layout_begin_under(r, T_ZONE_PR_PROPOSE, "/dobre-praktyki", T_ZONE_PR_TITLE,
                       T_ZONE_PR_PROPOSE);
    html_lit(&r->out, "<h1>" T_ZONE_PR_PROPOSE "</h1>\n");
    if (error != NULL) {
        form_errors(r, &error, 1);
    }
    form_begin(r, "/dobre-praktyki/nowa", "multipart/form-data");
    form_input(r, "title", T_ZONE_TITLE, "text", req_form(r, "title"),
               "required maxlength=\"200\"");
    form_input(r, "gmina", T_ZONE_PR_GMINA, "text", req_form(r, "gmina"),
               "required inputmode=\"numeric\" pattern=\"[0-9]{7}\"");
    zone_select(r, "area", "obszar", T_ZONE_PR_AREA, zone_areas,
                req_form(r, "obszar"), T_ZONE_CHOOSE);
    form_input(r, "topic", T_ZONE_PR_TOPIC, "text", req_form(r, "topic"),
               "required maxlength=\"300\"");
    textarea(r, "institutions", T_ZONE_PR_INSTITUTIONS);
    textarea(r, "problem", T_ZONE_PR_PROBLEM);
    textarea(r, "actions", T_ZONE_PR_ACTIONS);
    textarea(r, "results", T_ZONE_PR_RESULTS);
    form_input(r, "contact", T_ZONE_PR_CONTACT, "text", req_form(r, "contact"),
               "required maxlength=\"300\"");
    html_lit(&r->out,
             "<p><button type=\"submit\">" T_ZONE_PR_SUBMIT "</button></p>\n");
    form_end(r);
    layout_end(r);
}

/*
** ROUTE: GET /dobre-praktyki/nowa
** CAP: CAP_LOGIN
** PARAMS: none
*/
int
page_practice_new(struct req *r)
{
    propose_page(r, NULL);
    return 0;
}

/*
** ROUTE: POST /dobre-praktyki/nowa
** CAP: CAP_LOGIN
** PARAMS: title, gmina, obszar, topic, institutions, problem, actions,
**         results, contact, file (multipart, optional), csrf
*/
int
page_practice_add(struct req *r)
{
    struct zone_practice p = {
        .title = req_form(r, "title"),
        .gmina = req_form(r, "gmina"),
        .area = req_form(r, "obszar"),
        .topic = req_form(r, "topic"),
        .institutions = req_form(r, "institutions"),
        .problem = req_form(r, "problem"),
        .actions = req_form(r, "actions"),
        .results = req_form(r, "results"),
        .contact = req_form(r, "contact"),
    };
    struct zone_upload u;
    struct audit_entry who = zone_who(r);
    const char *why = NULL;
    int64_t id;
    int rc = zone_practice_add(r->db, &r->arena, &p, zone_upload_of(r, &u),
                               zone_account(r), &who, &id, &why);

    if (rc == ERR_INPUT) {
        r->status = 400;
        propose_page(r, why);
        return 0;
    }
    if (rc != 0) {
        return rc;
    }
    return req_redirect(
        r, arena_printf(&r->arena, "/dobre-praktyki/%lld", (long long)id));
}

/* Practice id if the viewer may see it (accepted, or any for its region's
 * moderators): 0, ERR_NOTFOUND or < 0. */
static int
practice_seen(struct req *r, int64_t id, struct zone_practice *p)
{
    int rc = zone_practice_get(r->db, &r->arena, id, p);

    if (rc == 0 && strcmp(p->state, "accepted") != 0 &&
        !(zone_is_moderator(r) &&
          (zone_scope(r) == NULL || strcmp(zone_scope(r), p->region) == 0))) {
        rc = ERR_NOTFOUND;
    }
    return rc;
}

/* The practice of the path the viewer may see: 0, or a 404 recorded. */
static int
visible_practice(struct req *r, struct zone_practice *p)
{
    int64_t id;
    int rc;

    if (req_param_num(r, 0, 1, &id) != 0) {
        return ERR_NOTFOUND;
    }
    rc = practice_seen(r, id, p);
    return rc == ERR_NOTFOUND ? req_error(r, 404, T_ERR_NOT_FOUND) : rc;
}

static int
practice_files(struct req *r, int64_t id)
{
    struct zone_file *f;
    int n = zone_practice_files(r->db, &r->arena, id, &f), i;

    if (n <= 0) {
        return n;
    }
    html_lit(&r->out, "<h2>" T_ZONE_ATTACHMENTS "</h2>\n<ul>\n");
    for (i = 0; i < n; i++) {
        html_printf(&r->out,
                    "<li><a href=\"/dobre-praktyki/zalacznik/%lld\">%s</a> "
                    "(%s, %lld B)</li>\n",
                    (long long)f[i].id, f[i].filename, f[i].mime,
                    (long long)f[i].size);
    }
    html_lit(&r->out, "</ul>\n");
    return 0;
}

/*
** ROUTE: GET /dobre-praktyki/zalacznik/:id
** CAP: CAP_PUBLIC
** PARAMS: none
*/
int
page_practice_file(struct req *r)
{
    struct zone_practice p;
    struct zone_file f;
    int64_t id;
    int rc;

    if (req_param_num(r, 0, 1, &id) != 0) {
        return ERR_NOTFOUND;
    }
    rc = zone_practice_file_get(r->db, &r->arena, id, &f);
    if (rc == 0) { /* the file is seen with its practice */
        rc = practice_seen(r, f.post_id, &p);
    }
    return zone_send_file(r, rc, &f);
}

/*
** ROUTE: GET /dobre-praktyki/:id
** CAP: CAP_PUBLIC
** PARAMS: none
*/
int
page_practice(struct req *r)
{
    struct zone_practice p;
    int rc = visible_practice(r, &p);

    if (rc != 0) {
        return rc;
    }
    layout_begin_under(r, p.title, "/dobre-praktyki", T_ZONE_PR_TITLE, p.title);
    html_printf(&r->out, "<h1>%s</h1>\n", p.title);
    if (strcmp(p.state, "proposed") == 0) {
        html_lit(&r->out,
                 "<p class=\"notice\">" T_ZONE_PR_STATE_PROPOSED "</p>\n");
    }
    html_printf(&r->out,
                "<dl>\n<dt>%s</dt><dd><a href=\"/uslugi?gmina=%s\">%s</a>"
                "</dd>\n<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n"
                "<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n"
                "<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n"
                "<dt>%s</dt><dd>%s</dd>\n</dl>\n",
                T_ZONE_PR_WHERE, p.gmina,
                arena_printf(&r->arena, T_ZONE_PR_WHERE_FMT, p.gmina_name,
                             p.powiat_name),
                T_ZONE_PR_AREA,
                zone_area_label(p.area) ? zone_area_label(p.area) : p.area,
                T_ZONE_PR_TOPIC, p.topic, T_ZONE_PR_INSTITUTIONS,
                p.institutions, T_ZONE_PR_PROBLEM, p.problem, T_ZONE_PR_ACTIONS,
                p.actions, T_ZONE_PR_RESULTS, p.results, T_ZONE_PR_CONTACT,
                p.contact);
    if ((rc = practice_files(r, p.id)) != 0) {
        return rc;
    }
    if (strcmp(p.state, "proposed") == 0 && zone_is_moderator(r)) {
        form_begin(r,
                   arena_printf(&r->arena, "/dobre-praktyki/%lld/decyzja",
                                (long long)p.id),
                   NULL);
        html_lit(&r->out, "<p><button type=\"submit\" name=\"decyzja\" "
                          "value=\"tak\">" T_ZONE_PR_ACCEPT "</button> "
                          "<button type=\"submit\" name=\"decyzja\" "
                          "value=\"nie\">" T_ZONE_PR_REJECT "</button></p>\n");
        form_end(r);
    }
    layout_end(r);
    return 0;
}

/* A decision that is neither accept nor reject: an error page. */
static int
decision_refused(struct req *r, const char *why)
{
    return req_error(r, 400, why);
}

/* After a decision: the practice's page. */
static const char *
practice_path(struct req *r, int64_t id)
{
    return arena_printf(&r->arena, "/dobre-praktyki/%lld", (long long)id);
}

/*
** ROUTE: POST /dobre-praktyki/:id/decyzja
** CAP: CAP_ZONE_MODERATE
** PARAMS: decyzja=tak|nie, csrf (form)
*/
int
page_practice_decide(struct req *r)
{
    return zone_decide(r, zone_practice_decide, decision_refused,
                       practice_path);
}

static void
json_practice(struct json *j, const void *item)
{
    const struct zone_practice *p = item;

    json_obj_begin(j);
    json_kint(j, "id", p->id);
    json_kstr(j, "title", p->title);
    json_kstr(j, "region", p->region);
    json_kstr(j, "gmina", p->gmina);
    json_kstr(j, "gmina_name", p->gmina_name);
    json_kstr(j, "powiat_name", p->powiat_name);
    json_kstr(j, "area", p->area);
    json_kstr(j, "topic", p->topic);
    json_kstr(j, "institutions", p->institutions);
    json_kstr(j, "problem", p->problem);
    json_kstr(j, "actions", p->actions);
    json_kstr(j, "results", p->results);
    json_kstr(j, "contact", p->contact);
    json_kstr(j, "state", p->state);
    json_obj_end(j);
}

/*
** ROUTE: GET /api/practices
** CAP: CAP_PUBLIC
** PARAMS: q=text, obszar=code, temat=text, gmina=TERYT 7 digits
*/
int
api_practices(struct req *r)
{
    struct zone_practice_filter f = accepted_asked(r);
    struct zone_practice *p;
    int n = zone_practices(r->db, &r->arena, &f, &p);

    return zone_json_list(r, n, p, sizeof(*p), json_practice);
}

/*
** ROUTE: GET /api/practices/:id
** CAP: CAP_PUBLIC
** PARAMS: none
*/
int
api_practice(struct req *r)
{
    struct zone_practice p;
    struct json j;
    int rc = visible_practice(r, &p);

    struct zone_file *f;
    int n, i;

    if (rc != 0) {
        return rc;
    }
    if ((n = zone_practice_files(r->db, &r->arena, p.id, &f)) < 0) {
        return n;
    }
    req_json(r, &j);
    json_obj_begin(&j);
    json_key(&j, "practice");
    json_practice(&j, &p);
    json_key(&j, "files");
    json_arr_begin(&j);
    for (i = 0; i < n; i++) {
        json_obj_begin(&j);
        json_kint(&j, "id", f[i].id);
        json_kstr(&j, "filename", f[i].filename);
        json_kstr(&j, "type", f[i].mime);
        json_kint(&j, "size", f[i].size);
        json_kstr(&j, "href",
                  arena_printf(&r->arena, "/dobre-praktyki/zalacznik/%lld",
                               (long long)f[i].id));
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    return 0;
}

int
zone_html_gmina_practices(struct req *r, const char *gmina)
{
    struct zone_practice_filter f = {.gmina = gmina, .state = "accepted"};
    struct zone_practice *p;
    int n = zone_practices(r->db, &r->arena, &f, &p), i;

    if (n <= 0) {
        return n;
    }
    html_lit(&r->out, "<section aria-labelledby=\"praktyki\"><h2 "
                      "id=\"praktyki\">" T_ZONE_PR_IN_GMINA "</h2>\n<ul>\n");
    for (i = 0; i < n; i++) {
        practice_item(r, &p[i]);
    }
    html_lit(&r->out, "</ul>\n</section>\n");
    return 0;
}
