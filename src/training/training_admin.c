/*
** The organiser's pages of trainings: a new event, the participants with
** attendance per day, the knowledge test and certificates, the printable
** PDFs and the audited export for the EU project's monitoring; and the
** indicators counted from the records (JSON). Participants are personal
** data: every route showing them needs CAP_PARTICIPANTS, and the
** event must be of the account's region (404 otherwise).
*/
#include <stdlib.h>
#include <string.h>

#include "modules_handlers.h"

#include "core/csv.h"
#include "core/err.h"
#include "core/json.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "plan/plan_store.h"
#include "region/region.h"
#include "teryt/teryt.h"
#include "training/strings_pl.h"
#include "training/training.h"
#include "training/training_quiz.h"
#include "training/training_web.h"

static void
plan_select(struct req *r, const char *region, int64_t sel)
{
    struct plan_summary *p;
    int n = plan_store_list(r->db, &r->arena, true, region, &p), i;

    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-plan\">%s</label>"
                "<select id=\"f-plan\" name=\"plan\">\n"
                "<option value=\"0\">%s</option>\n",
                T_TR_PLAN, T_TR_NO_PLAN);
    for (i = 0; i < n; i++) {
        if (strcmp(p[i].kind, "programme") == 0) {
            continue;
        }
        html_printf(&r->out, "<option value=\"%lld\"%s>%.120s</option>\n",
                    (long long)p[i].id, p[i].id == sel ? " selected" : "",
                    p[i].title);
    }
    html_lit(&r->out, "</select></p>\n");
}

static void
new_form(struct req *r, const struct training *t, const char *const *errs,
         int nerrs)
{
    struct teryt_gmina *g;
    const char *region = t->region;
    int ng = teryt_gminas(r->db, &r->arena, region, &g), i;
    const char *cap = t->capacity > 0 ? arena_printf(&r->arena, "%lld",
                                                     (long long)t->capacity)
                                      : "";

    layout_begin_under(r, T_TR_NEW, "/szkolenia", T_NAV_TRAININGS, T_TR_NEW);
    html_printf(&r->out, "<h1>%s</h1>\n", T_TR_NEW);
    form_errors(r, errs, nerrs);
    form_begin(r, "/szkolenia", NULL);
    form_input(r, "tytul", T_TR_NAME, "text", t->title,
               "required maxlength=\"300\"");
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-rodzaj\">%s</label>"
                "<select id=\"f-rodzaj\" name=\"rodzaj\" required>\n",
                T_TR_KINDS_LEGEND);
    for (i = 0; training_kinds[i] != NULL; i++) {
        html_printf(
            &r->out, "<option value=\"%s\"%s>%s</option>\n", training_kinds[i],
            t->kind && strcmp(t->kind, training_kinds[i]) == 0 ? " selected"
                                                               : "",
            training_kind_labels[i]);
    }
    html_lit(&r->out, "</select></p>\n");
    /* The two days as one group: "Termin: ..." names them both. */
    html_printf(&r->out, "<fieldset><legend>%s</legend>\n", T_TR_DATES);
    form_input(r, "od", T_TR_DATE_FROM, "date", t->date_from, "required");
    form_input(r, "do", T_TR_DATE_TO, "date", t->date_to, "required");
    html_lit(&r->out, "</fieldset>\n");
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-gmina\">%s</label>"
                "<select id=\"f-gmina\" name=\"gmina\" required>\n"
                "<option value=\"\">—</option>\n",
                T_TR_GMINA);
    for (i = 0; i < ng; i++) {
        html_printf(
            &r->out, "<option value=\"%s\"%s>%s (%s)</option>\n", g[i].teryt,
            t->gmina && strcmp(t->gmina, g[i].teryt) == 0 ? " selected" : "",
            g[i].name, teryt_rodz_name(g[i].rodz));
    }
    html_lit(&r->out, "</select></p>\n");
    form_input(r, "miejsce", T_TR_PLACE, "text", t->place, "maxlength=\"300\"");
    form_input(r, "miejsca", T_TR_CAPACITY, "number", cap,
               "required min=\"1\" max=\"10000\"");
    html_printf(&r->out, "<fieldset><legend>%s</legend>\n", T_TR_GROUPS_LEGEND);
    for (i = 0; training_groups[i] != NULL; i++) {
        bool on = t->groups && strstr(t->groups, training_groups[i]) != NULL;

        html_printf(&r->out,
                    "<p class=\"check\"><input type=\"checkbox\" id=\"g-%s\" "
                    "name=\"g_%s\" value=\"1\"%s> <label for=\"g-%s\">%s"
                    "</label></p>\n",
                    training_groups[i], training_groups[i],
                    on ? " checked" : "", training_groups[i],
                    training_group_labels[i]);
    }
    html_lit(&r->out, "</fieldset>\n");
    plan_select(r, region, t->plan_id);
    form_input(r, "zadanie", T_TR_TASK, "text", t->task,
               "maxlength=\"20\" aria-describedby=\"h-zadanie\"");
    html_printf(&r->out, "<p class=\"hint\" id=\"h-zadanie\">%s</p>\n",
                T_TR_TASK_HINT);
    html_printf(&r->out, "<p><button type=\"submit\">%s</button></p>\n",
                T_TR_SAVE);
    form_end(r);
    layout_end(r);
}

/*
** ROUTE: GET /szkolenia/nowe
** CAP: CAP_REGISTER_EDIT
** PARAMS: none
*/
int
page_training_new(struct req *r)
{
    struct training t = {0};

    t.region = training_home_region(r);
    new_form(r, &t, NULL, 0);
    return 0;
}

/*
** ROUTE: POST /szkolenia
** CAP: CAP_REGISTER_EDIT
** PARAMS: form tytul, rodzaj, od, do, gmina, miejsce, miejsca, g_<group>,
** plan, zadanie
*/
int
page_training_create(struct req *r)
{
    struct training t = {0};
    struct audit_entry who = auth_request_who(r);
    const char *cap = req_form(r, "miejsca"), *plan = req_form(r, "plan");
    const char **errs = NULL;
    char *groups = "";
    int nerrs = 0, i, rc;

    t.region = training_home_region(r);
    t.title = req_form(r, "tytul");
    t.kind = req_form(r, "rodzaj");
    t.date_from = req_form(r, "od");
    t.date_to = req_form(r, "do");
    t.gmina = req_form(r, "gmina");
    t.place = req_form(r, "miejsce");
    t.capacity = cap != NULL ? strtoll(cap, NULL, 10) : 0;
    t.plan_id = plan != NULL ? strtoll(plan, NULL, 10) : 0;
    t.task = req_form(r, "zadanie");
    for (i = 0; training_groups[i] != NULL; i++) {
        if (req_form(r, arena_printf(&r->arena, "g_%s", training_groups[i]))) {
            groups = arena_printf(&r->arena, "%s%s%s", groups,
                                  groups[0] ? "," : "", training_groups[i]);
        }
    }
    t.groups = groups;
    rc = training_create(r->db, &r->arena, &who, &t, &errs, &nerrs);
    if (rc == ERR_INPUT) {
        r->status = 400;
        new_form(r, &t, errs, nerrs);
        return 0;
    }
    if (rc != 0) {
        return rc;
    }
    return req_redirect(
        r, arena_printf(&r->arena, "/szkolenia/%lld", (long long)t.id));
}

/* Each day of t, ISO, into *days (arena): their number (at most 31). */
static int
event_days(struct req *r, const struct training *t, const char ***days)
{
    struct tm tm = {0};
    time_t at;
    int n = 0;

    *days = NULL;
    tm.tm_year = atoi(t->date_from) - 1900;
    tm.tm_mon = atoi(t->date_from + 5) - 1;
    tm.tm_mday = atoi(t->date_from + 8);
    tm.tm_hour = 12;
    at = timegm(&tm);
    while (n < 31) {
        struct tm d;
        const char *iso;

        gmtime_r(&at, &d);
        iso = arena_printf(&r->arena, "%04d-%02d-%02d", d.tm_year + 1900,
                           d.tm_mon + 1, d.tm_mday);
        if (strcmp(iso, t->date_to) > 0) {
            break;
        }
        *days = arena_grow(&r->arena, (void *)*days, n, sizeof(**days));
        (*days)[n++] = iso;
        at += 86400;
    }
    return n;
}

static bool
was_present(const struct training_att *att, int natt, int64_t id,
            const char *day)
{
    int i;

    for (i = 0; i < natt; i++) {
        if (att[i].signup_id == id && strcmp(att[i].day, day) == 0) {
            return true;
        }
    }
    return false;
}

static void
attendance_forms(struct req *r, const struct training *t,
                 const struct training_signup *s, int n)
{
    struct training_att *att;
    const char **days;
    int natt = training_attendance(r->db, &r->arena, t->id, &att);
    int nd = event_days(r, t, &days), d, i;

    for (d = 0; d < nd; d++) {
        const char *legend = arena_printf(&r->arena, T_TR_ATT_DAY, days[d]);

        form_begin(r,
                   arena_printf(&r->arena, "/szkolenia/%lld/obecnosc",
                                (long long)t->id),
                   NULL);
        html_printf(&r->out,
                    "<fieldset><legend>%s</legend>\n"
                    "<input type=\"hidden\" name=\"dzien\" value=\"%s\">\n",
                    legend, days[d]);
        for (i = 0; i < n; i++) {
            if (strcmp(s[i].status, "confirmed") != 0) {
                continue;
            }
            html_printf(&r->out,
                        "<p class=\"check\"><input type=\"checkbox\" "
                        "id=\"p-%d-%lld\" name=\"p_%lld\" value=\"1\"%s> "
                        "<label for=\"p-%d-%lld\">%s</label></p>\n",
                        d, (long long)s[i].id, (long long)s[i].id,
                        was_present(att, natt, s[i].id, days[d]) ? " checked"
                                                                 : "",
                        d, (long long)s[i].id, s[i].name);
        }
        html_printf(&r->out,
                    "</fieldset>\n<p><button type=\"submit\">%s</button></p>\n",
                    T_TR_ATT_SAVE);
        form_end(r);
    }
}

static void
test_form(struct req *r, const struct training *t,
          const struct training_signup *s, int n)
{
    int64_t max = 0;
    int i;

    for (i = 0; i < n; i++) {
        max = s[i].has_test && s[i].max_points > max ? s[i].max_points : max;
    }
    html_printf(&r->out, "<h2>%s</h2>\n<p class=\"hint\">%s</p>\n", T_TR_TEST,
                T_TR_TEST_HINT);
    form_begin(
        r, arena_printf(&r->arena, "/szkolenia/%lld/test", (long long)t->id),
        NULL);
    form_input(r, "max", T_TR_TEST_MAX, "number",
               max > 0 ? arena_printf(&r->arena, "%lld", (long long)max) : "",
               "min=\"1\" max=\"1000\"");
    for (i = 0; i < n; i++) {
        const char *b = s[i].has_test ? arena_printf(&r->arena, "%lld",
                                                     (long long)s[i].before_pts)
                                      : "";
        const char *a = s[i].has_test ? arena_printf(&r->arena, "%lld",
                                                     (long long)s[i].after_pts)
                                      : "";

        if (strcmp(s[i].status, "confirmed") != 0) {
            continue;
        }
        form_input(r, arena_printf(&r->arena, "b_%lld", (long long)s[i].id),
                   arena_printf(&r->arena, T_TR_TEST_BEFORE, s[i].name),
                   "number", b, "min=\"0\" max=\"1000\"");
        form_input(r, arena_printf(&r->arena, "a_%lld", (long long)s[i].id),
                   arena_printf(&r->arena, T_TR_TEST_AFTER, s[i].name),
                   "number", a, "min=\"0\" max=\"1000\"");
    }
    html_printf(&r->out, "<p><button type=\"submit\">%s</button></p>\n",
                T_TR_TEST_SAVE);
    form_end(r);
}

/* A sign-up's knowledge test: the online scores before and after, else
 * the points typed from a paper test, marked so. */
static const char *
test_cell(struct req *r, const struct training_signup *s,
          const struct training_quiz_result *res, int nres)
{
    const char *before = "–", *after = "–";
    bool online = false;
    int i;

    for (i = 0; i < nres; i++) {
        if (res[i].signup_id != s->id) {
            continue;
        }
        online = true;
        *(res[i].after ? &after : &before) =
            arena_printf(&r->arena, T_TR_QUIZ_SCORE, (long long)res[i].score,
                         (long long)res[i].max);
    }
    if (online) {
        return arena_printf(&r->arena, "%s → %s", before, after);
    }
    if (s->has_test) {
        return arena_printf(&r->arena, T_TR_QUIZ_PAPER,
                            (long long)s->before_pts, (long long)s->after_pts,
                            (long long)s->max_points);
    }
    return "";
}

static int
participants_page(struct req *r, const struct training *t, const char *message,
                  const char *const *errs, int nerrs)
{
    struct training_signup *s;
    struct training_quiz_result *res;
    struct training_question *q;
    int n = training_signups(r->db, &r->arena, t->id, &s), i;
    int nres = training_quiz_results(r->db, &r->arena, t->id, &res);
    int nq = training_quiz_questions(r->db, &r->arena, t->id, &q);

    if (n < 0 || nres < 0 || nq < 0) {
        return n < 0 ? n : nres < 0 ? nres : nq;
    }
    layout_begin_under(
        r, T_TR_PARTICIPANTS,
        arena_printf(&r->arena, "/szkolenia/%lld", (long long)t->id), t->title,
        T_TR_PARTICIPANTS);
    html_printf(&r->out, "<h1>%s: %s</h1>\n<p>%s</p>\n", T_TR_PARTICIPANTS,
                t->title, training_dates(r, t));
    if (message != NULL) {
        html_printf(&r->out, "<p role=\"status\">%s</p>\n", message);
    }
    form_errors(r, errs, nerrs);
    html_printf(&r->out,
                "<ul>\n<li><a href=\"/szkolenia/%lld/obecnosc.pdf\">%s</a></li>"
                "\n<li><a href=\"/szkolenia/%lld/zaswiadczenia.pdf\">%s</a>"
                "</li>\n<li><a href=\"/szkolenia/%lld/uczestnicy.csv\">%s</a>"
                "</li>\n</ul>\n",
                (long long)t->id, T_TR_ATT_PDF, (long long)t->id,
                T_TR_CERTS_PDF, (long long)t->id, T_TR_EXPORT);
    html_printf(&r->out, "<p><a href=\"/szkolenia/%lld/pytania\">%s</a>. ",
                (long long)t->id, T_TR_QUIZ_LINK);
    html_printf(&r->out, T_TR_QUIZ_NQ, nq);
    html_lit(&r->out, "</p>\n");
    if (n == 0) {
        html_printf(&r->out, "<p>%s</p>\n", T_TR_P_NONE);
        layout_end(r);
        return 0;
    }
    html_printf(&r->out, WIDE_OPEN, T_TR_PARTICIPANTS);
    html_printf(&r->out,
                "<table>\n<caption>%s</caption>\n<thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr>"
                "</thead>\n<tbody>\n",
                T_TR_PARTICIPANTS, T_TR_P_NO, T_TR_F_NAME, T_TR_P_INST,
                T_TR_P_GROUP, T_TR_P_STATUS, T_TR_ATTENDED_DAYS, T_TR_CERT,
                T_TR_QUIZ_COL);
    for (i = 0; i < n; i++) {
        html_printf(
            &r->out,
            "<tr><td class=\"num\">%d</td><td>%s</td><td>%s</td>"
            "<td>%s</td><td>%s</td><td class=\"num\">%lld</td>"
            "<td>%s</td><td>%s</td></tr>\n",
            i + 1, s[i].name, s[i].institution,
            training_label(training_groups, training_group_labels, s[i].pgroup),
            strcmp(s[i].status, "confirmed") == 0 ? T_TR_ST_CONFIRMED
            : strcmp(s[i].status, "waiting") == 0 ? T_TR_ST_WAITING
                                                  : T_TR_ST_UNCONFIRMED,
            (long long)s[i].days, s[i].certificate ? s[i].certificate : "",
            test_cell(r, &s[i], res, nres));
    }
    html_lit(&r->out, "</tbody>\n" WIDE_CLOSE);
    html_printf(&r->out, "<h2>%s</h2>\n", T_TR_ATTENDANCE);
    attendance_forms(r, t, s, n);
    test_form(r, t, s, n);
    html_printf(&r->out, "<h2>%s</h2>\n", T_TR_CERTS);
    form_begin(r,
               arena_printf(&r->arena, "/szkolenia/%lld/zaswiadczenia",
                            (long long)t->id),
               NULL);
    html_printf(&r->out, "<p><button type=\"submit\">%s</button></p>\n",
                T_TR_CERTS_ISSUE);
    form_end(r);
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /szkolenia/:id/uczestnicy
** CAP: CAP_PARTICIPANTS
** PARAMS: id (path)
*/
int
page_training_participants(struct req *r)
{
    struct training t;
    int rc;

    if ((rc = training_event_or_reply(r, &t)) != 0) {
        return rc;
    }
    return participants_page(r, &t, NULL, NULL, 0);
}

/*
** ROUTE: POST /szkolenia/:id/obecnosc
** CAP: CAP_PARTICIPANTS
** PARAMS: id (path); form dzien=YYYY-MM-DD, p_<sign-up id>=1 for each one
** present
*/
int
page_training_attendance(struct req *r)
{
    struct training t;
    struct training_signup *s;
    struct audit_entry who = auth_request_who(r);
    const char *day = req_form(r, "dzien");
    int64_t *present;
    int rc, n, i, k = 0;

    if ((rc = training_event_or_reply(r, &t)) != 0) {
        return rc;
    }
    if ((n = training_signups(r->db, &r->arena, t.id, &s)) < 0) {
        return n;
    }
    present = arena_alloc(&r->arena, sizeof(*present) * (size_t)(n + 1));
    for (i = 0; i < n; i++) {
        if (req_form(r, arena_printf(&r->arena, "p_%lld",
                                     (long long)s[i].id)) != NULL) {
            present[k++] = s[i].id;
        }
    }
    rc = training_attendance_set(r->db, &who, t.id, day ? day : "", present, k);
    if (rc == ERR_INPUT) {
        const char *msg = T_TR_ERR_DAY;

        r->status = 400;
        return participants_page(r, &t, NULL, &msg, 1);
    }
    if (rc != 0) {
        return rc;
    }
    return participants_page(r, &t, T_TR_ATT_SAVED, NULL, 0);
}

/* A count 0..1000 typed in a form, or -1 for empty; -2 when invalid. */
static int64_t
points(const char *s)
{
    char *end;
    long long v;

    if (s == NULL || s[0] == '\0') {
        return -1;
    }
    v = strtoll(s, &end, 10);
    return *end != '\0' || v < 0 || v > 1000 ? -2 : v;
}

/*
** ROUTE: POST /szkolenia/:id/test
** CAP: CAP_PARTICIPANTS
** PARAMS: id (path); form max (points), b_<sign-up id> and a_<sign-up id>
** (points before and after)
*/
int
page_training_test(struct req *r)
{
    struct training t;
    struct training_signup *s;
    struct audit_entry who = auth_request_who(r);
    const char **errs = NULL;
    int64_t max, *b, *a;
    int rc, n, i, nerrs = 0;

    if ((rc = training_event_or_reply(r, &t)) != 0) {
        return rc;
    }
    if ((n = training_signups(r->db, &r->arena, t.id, &s)) < 0) {
        return n;
    }
    max = points(req_form(r, "max"));
    b = arena_alloc(&r->arena, sizeof(*b) * (size_t)(n + 1));
    a = arena_alloc(&r->arena, sizeof(*a) * (size_t)(n + 1));
    for (i = 0; i < n; i++) {
        b[i] = points(
            req_form(r, arena_printf(&r->arena, "b_%lld", (long long)s[i].id)));
        a[i] = points(
            req_form(r, arena_printf(&r->arena, "a_%lld", (long long)s[i].id)));
        if (b[i] == -2 || a[i] == -2 || (b[i] < 0) != (a[i] < 0) ||
            (b[i] >= 0 && (max < 1 || b[i] > max || a[i] > max))) {
            errs = arena_grow(&r->arena, (void *)errs, nerrs, sizeof(*errs));
            errs[nerrs++] = arena_printf(&r->arena, T_TR_ERR_TEST, s[i].name);
        }
    }
    if (nerrs == 0 && max == -2) {
        errs = arena_grow(&r->arena, (void *)errs, nerrs, sizeof(*errs));
        errs[nerrs++] = T_TR_ERR_TEST_MAX;
    }
    if (nerrs > 0) {
        r->status = 400;
        return participants_page(r, &t, NULL, errs, nerrs);
    }
    for (i = 0; i < n; i++) {
        if (strcmp(s[i].status, "confirmed") != 0 ||
            (b[i] < 0 && !s[i].has_test)) {
            continue;
        }
        if ((rc = training_test_set(r->db, &who, t.id, s[i].id, b[i], a[i],
                                    max)) != 0) {
            return rc;
        }
    }
    return participants_page(r, &t, T_TR_TEST_SAVED, NULL, 0);
}

/*
** ROUTE: POST /szkolenia/:id/zaswiadczenia
** CAP: CAP_PARTICIPANTS
** PARAMS: id (path)
*/
int
page_training_certs_issue(struct req *r)
{
    struct training t;
    struct audit_entry who = auth_request_who(r);
    int rc, n;

    if ((rc = training_event_or_reply(r, &t)) != 0) {
        return rc;
    }
    if ((rc = training_certificates_issue(r->db, &who, t.id, &n)) != 0) {
        return rc;
    }
    return participants_page(
        r, &t, arena_printf(&r->arena, T_TR_CERTS_ISSUED, n), NULL, 0);
}

static int
pdf_reply(struct req *r, const char *name, int rc)
{
    if (rc != 0) {
        return rc;
    }
    r->content_type = "application/pdf";
    req_add_header(r, "Content-Disposition",
                   arena_printf(&r->arena, "inline; filename=\"%s\"", name));
    return 0;
}

/*
** ROUTE: GET /szkolenia/:id/obecnosc.pdf
** CAP: CAP_PARTICIPANTS
** PARAMS: id (path)
*/
int
page_training_attendance_pdf(struct req *r)
{
    struct training t;
    struct training_signup *s;
    int rc, n;

    if ((rc = training_event_or_reply(r, &t)) != 0) {
        return rc;
    }
    if ((n = training_signups(r->db, &r->arena, t.id, &s)) < 0) {
        return n;
    }
    return pdf_reply(
        r, arena_printf(&r->arena, "obecnosc-%lld.pdf", (long long)t.id),
        training_attendance_pdf(&r->arena, &t, s, n, &r->out));
}

/*
** ROUTE: GET /szkolenia/:id/zaswiadczenia.pdf
** CAP: CAP_PARTICIPANTS
** PARAMS: id (path)
*/
int
page_training_certs_pdf(struct req *r)
{
    struct training t;
    struct training_signup *s;
    struct region_settings reg;
    int rc, n;

    if ((rc = training_event_or_reply(r, &t)) != 0) {
        return rc;
    }
    if ((n = training_signups(r->db, &r->arena, t.id, &s)) < 0) {
        return n;
    }
    if ((rc = region_get(r->db, &r->arena, t.region, &reg)) != 0) {
        return rc;
    }
    return pdf_reply(
        r, arena_printf(&r->arena, "zaswiadczenia-%lld.pdf", (long long)t.id),
        training_certificates_pdf(
            &r->arena, &t, s, n, reg.office,
            arena_printf(&r->arena, "%s/zaswiadczenia/", training_base(r)),
            &r->out));
}

/*
** ROUTE: GET /szkolenia/:id/uczestnicy.csv
** CAP: CAP_PARTICIPANTS
** PARAMS: id (path)
*/
int
page_training_export(struct req *r)
{
    struct training t;
    struct training_signup *s;
    struct training_quiz_result *res;
    struct audit_entry who = auth_request_who(r);
    struct csv c;
    int rc, n, i, nres;

    if ((rc = training_event_or_reply(r, &t)) != 0) {
        return rc;
    }
    if ((n = training_signups(r->db, &r->arena, t.id, &s)) < 0) {
        return n;
    }
    if ((nres = training_quiz_results(r->db, &r->arena, t.id, &res)) < 0) {
        return nres;
    }
    if ((rc = training_export_audit(r->db, &r->arena, &who, t.id, n)) != 0) {
        return rc;
    }
    r->content_type = "text/csv; charset=utf-8";
    req_add_header(r, "Content-Disposition",
                   arena_printf(&r->arena,
                                "attachment; filename=\"uczestnicy-%lld.csv\"",
                                (long long)t.id));
    csv_begin(&c, &r->out, ';', CSV_BOM);
    csv_text(&c, "training_id");
    csv_text(&c, "date_from");
    csv_text(&c, "date_to");
    csv_text(&c, "name");
    csv_text(&c, "email");
    csv_text(&c, "institution");
    csv_text(&c, "institution_kind");
    csv_text(&c, "gmina");
    csv_text(&c, "group");
    csv_text(&c, "days_present");
    csv_text(&c, "test_before");
    csv_text(&c, "test_after");
    csv_text(&c, "certificate");
    csv_text(&c, "test_max");
    csv_text(&c, "test_source");
    csv_row_end(&c);
    for (i = 0; i < n; i++) {
        int64_t before = 0, after = 0, max = 0;
        const char *source =
            training_quiz_counted(&s[i], res, nres, &before, &after, &max);

        if (strcmp(s[i].status, "confirmed") != 0) {
            continue;
        }
        csv_int(&c, t.id);
        csv_text(&c, t.date_from);
        csv_text(&c, t.date_to);
        csv_text(&c, s[i].name);
        csv_text(&c, s[i].email);
        csv_text(&c, s[i].institution);
        csv_text(&c, s[i].inst_kind);
        csv_text(&c, s[i].inst_gmina);
        csv_text(&c, s[i].pgroup);
        csv_int(&c, s[i].days);
        /* the test that counts: online when both were taken, else paper */
        if (source != NULL) {
            csv_int(&c, before);
            csv_int(&c, after);
        } else {
            csv_text(&c, "");
            csv_text(&c, "");
        }
        csv_text(&c, s[i].certificate ? s[i].certificate : "");
        if (source != NULL) {
            csv_int(&c, max);
        } else {
            csv_text(&c, "");
        }
        csv_text(&c, source ? source : "");
        csv_row_end(&c);
    }
    return 0;
}

/*
** ROUTE: GET /api/projects/:id/indicators
** CAP: CAP_PUBLIC
** PARAMS: id (path: a project card, or a yearly plan whose tasks events
** serve); an unpublished plan only for CAP_REPORT_READ of its region
*/
int
api_training_indicators(struct req *r)
{
    struct training_indicator *v;
    struct training_kind_count *k;
    struct json j;
    const char *region;
    bool published;
    int64_t id, version;
    int rc, n, nk, i;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    rc = plan_store_visibility(r->db, &r->arena, id, &published, &region,
                               &version);
    if (rc == 0 && !published &&
        (!auth_request_can(r, CAP_REPORT_READ) ||
         (r->user->region != NULL && strcmp(r->user->region, region) != 0))) {
        rc = ERR_NOTFOUND;
    }
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, T_TR_NOT_FOUND);
    }
    if (rc != 0) {
        return rc;
    }
    if ((n = training_plan_indicators(r->db, &r->arena, id, &v, &k, &nk)) < 0) {
        return n;
    }
    req_json_begin(r);
    json_init(&j, &r->out);
    json_obj_begin(&j);
    json_kint(&j, "plan_id", id);
    json_key(&j, "indicators");
    json_arr_begin(&j);
    for (i = 0; i < n; i++) {
        json_obj_begin(&j);
        json_kint(&j, "pos", v[i].pos);
        json_kstr(&j, "name", v[i].name);
        json_kstr(&j, "task", v[i].task);
        json_kint_if(&j, "target", v[i].has_target, v[i].target);
        json_kint_if(&j, "value", v[i].has_value, v[i].value);
        /* what the project page and the annual report show (one rule) */
        json_kint_if(&j, "figure", v[i].source != TS_NONE, v[i].figure);
        json_kstr(&j, "source", training_source_name(v[i].source));
        json_kstr(&j, "measure", training_measure_name(v[i].measure));
        json_kstr(&j, "group", v[i].group);
        json_kstr(&j, "how_counted", v[i].how);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_key(&j, "institutions_by_kind");
    json_obj_begin(&j);
    for (i = 0; i < nk; i++) {
        json_kint(&j, k[i].kind, k[i].n);
    }
    json_obj_end(&j);
    json_obj_end(&j);
    return 0;
}
