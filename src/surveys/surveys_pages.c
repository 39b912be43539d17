/*
** The office's pages of surveys: the list with response rates, a new
** survey (a fixed number of question slots, so no script is needed), a
** survey's results as tables and server-drawn SVG bar charts, the links
** of its recipients, sending it to institutions of the directory, and
** the responses as CSV (core/csv.c) and XLSX (core/xlsx_cell.c).
*/
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "modules_handlers.h"

#include "core/csv.h"
#include "core/err.h"
#include "core/tmpfile.h"
#include "core/warsaw.h"
#include "core/xlsx_cell.h"
#include "html/form.h"
#include "http/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "surveys/strings_pl.h"
#include "surveys/surveys.h"
#include "training/training.h"
#include "training/training_web.h"

#define SLOTS 8 /* question slots of the new-survey form */
#define BAR_W 300.0

static const char *
pct(struct req *r, int64_t n, int64_t of)
{
    int64_t t = of > 0 ? (n * 1000 + of / 2) / of : 0;

    return arena_printf(&r->arena, "%lld,%lld", (long long)(t / 10),
                        (long long)(t % 10));
}

/*
** ROUTE: GET /ankiety
** CAP: CAP_REPORT_READ
** PARAMS: none
*/
int
page_surveys(struct req *r)
{
    struct survey *v;
    int n = survey_list(r->db, &r->arena, training_region(r), NULL, &v), i;

    if (n < 0) {
        return n;
    }
    layout_begin(r, T_SV_TITLE);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", T_SV_TITLE, T_SV_LEAD);
    if (auth_request_can(r, CAP_REGISTER_EDIT)) {
        html_printf(&r->out, "<p><a href=\"/ankiety/nowa\">%s</a></p>\n",
                    T_SV_NEW);
    }
    if (n == 0) {
        html_printf(&r->out, "<p>%s</p>\n", T_SV_NONE);
        layout_end(r);
        return 0;
    }
    html_printf(&r->out, WIDE_OPEN, T_SV_TITLE);
    html_printf(&r->out,
                "<table>\n<caption>%s</caption>\n<thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\" class=\"num\">%s</th>"
                "<th scope=\"col\" class=\"num\">%s</th>"
                "<th scope=\"col\" class=\"num\">%s</th>"
                "<th scope=\"col\" class=\"num\">%s</th></tr></thead>\n"
                "<tbody>\n",
                T_SV_TITLE, T_SV_COL_TITLE, T_SV_COL_PURPOSE, T_SV_COL_SENT,
                T_SV_COL_ANSWERED, T_SV_COL_RATE, T_SV_COL_RESPONSES);
    for (i = 0; i < n; i++) {
        html_printf(&r->out,
                    "<tr><td><a href=\"/ankiety/%lld\">%s</a></td><td>%s</td>"
                    "<td class=\"num\">%lld</td><td class=\"num\">%lld</td>"
                    "<td class=\"num\">%s %%</td><td class=\"num\">%lld</td>"
                    "</tr>\n",
                    (long long)v[i].id, v[i].title,
                    training_label(survey_purposes, survey_purpose_labels,
                                   v[i].purpose),
                    (long long)v[i].recipients, (long long)v[i].answered,
                    pct(r, v[i].answered, v[i].recipients),
                    (long long)v[i].responses);
    }
    html_lit(&r->out, "</tbody>\n" WIDE_CLOSE);
    layout_end(r);
    return 0;
}

static void
new_form(struct req *r, const struct survey_in *in, const char *const *errs,
         int nerrs)
{
    int k, i;

    layout_begin_under(r, T_SV_NEW, "/ankiety", T_SV_TITLE, T_SV_NEW);
    html_printf(&r->out, "<h1>%s</h1>\n", T_SV_NEW);
    form_errors(r, errs, nerrs);
    form_begin(r, "/ankiety", NULL);
    form_input(r, "tytul", T_SV_F_TITLE, "text", in->title,
               "required maxlength=\"300\"");
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-cel\">%s</label>"
                "<select id=\"f-cel\" name=\"cel\">\n",
                T_SV_F_PURPOSE);
    for (i = 0; survey_purposes[i] != NULL; i++) {
        html_printf(&r->out, "<option value=\"%s\"%s>%s</option>\n",
                    survey_purposes[i],
                    in->purpose && strcmp(in->purpose, survey_purposes[i]) == 0
                        ? " selected"
                        : "",
                    survey_purpose_labels[i]);
    }
    html_printf(&r->out,
                "</select></p>\n<p class=\"field check\"><input "
                "type=\"checkbox\" id=\"f-otwarty\" name=\"otwarty\" "
                "value=\"1\"%s> <label for=\"f-otwarty\">%s</label></p>\n"
                "<p class=\"hint\">%s</p>\n",
                in->open_link ? " checked" : "", T_SV_F_OPEN, T_SV_F_HINT);
    for (k = 0; k < SLOTS; k++) {
        const struct survey_question *q = k < in->nq ? &in->q[k] : NULL;

        html_printf(&r->out, "<fieldset><legend>");
        html_printf(&r->out, T_SV_F_QUESTION, k + 1);
        html_printf(&r->out,
                    "</legend>\n<p class=\"field\"><label for=\"q%d-kind\">",
                    k + 1);
        html_printf(&r->out, T_SV_F_KIND, k + 1);
        html_printf(&r->out,
                    "</label><select id=\"q%d-kind\" name=\"q%d_kind\">\n",
                    k + 1, k + 1);
        for (i = 0; survey_kinds[i] != NULL; i++) {
            html_printf(&r->out, "<option value=\"%s\"%s>%s</option>\n",
                        survey_kinds[i],
                        q && strcmp(q->kind, survey_kinds[i]) == 0 ? " selected"
                                                                   : "",
                        survey_kind_labels[i]);
        }
        html_lit(&r->out, "</select></p>\n");
        form_input(r, arena_printf(&r->arena, "q%d_text", k + 1),
                   arena_printf(&r->arena, T_SV_F_TEXT, k + 1), "text",
                   q ? q->text : "", "maxlength=\"500\"");
        for (i = 0; i < SURVEY_OPTIONS_MAX; i++) {
            form_input(r, arena_printf(&r->arena, "q%d_o%d", k + 1, i + 1),
                       arena_printf(&r->arena, T_SV_F_OPTION, k + 1, i + 1),
                       "text", q && i < q->noptions ? q->options[i] : "",
                       "maxlength=\"200\"");
        }
        html_lit(&r->out, "</fieldset>\n");
    }
    html_printf(&r->out, "<p><button type=\"submit\">%s</button></p>\n",
                T_SV_SAVE);
    form_end(r);
    layout_end(r);
}

/*
** ROUTE: GET /ankiety/nowa
** CAP: CAP_REGISTER_EDIT
** PARAMS: none
*/
int
page_survey_new(struct req *r)
{
    struct survey_in in = {0};

    in.purpose = "training_needs";
    new_form(r, &in, NULL, 0);
    return 0;
}

/*
** ROUTE: POST /ankiety
** CAP: CAP_REGISTER_EDIT
** PARAMS: form tytul, cel, otwarty, q<N>_kind, q<N>_text, q<N>_o<M> (N
** 1..8, M 1..8; an empty question text leaves the slot out)
*/
int
page_survey_create(struct req *r)
{
    struct survey_in in = {0};
    struct audit_entry who = auth_request_who(r);
    const char **errs = NULL;
    int64_t id;
    int nerrs = 0, k, i, rc;

    in.title = req_form(r, "tytul");
    in.purpose = req_form(r, "cel");
    in.open_link = req_form(r, "otwarty") != NULL;
    for (k = 0; k < SLOTS; k++) {
        struct survey_question *q = &in.q[in.nq];
        const char *text =
            req_form(r, arena_printf(&r->arena, "q%d_text", k + 1));

        if (text == NULL || text[0] == '\0') {
            continue;
        }
        q->text = text;
        q->kind = req_form(r, arena_printf(&r->arena, "q%d_kind", k + 1));
        for (i = 0; i < SURVEY_OPTIONS_MAX; i++) {
            const char *o =
                req_form(r, arena_printf(&r->arena, "q%d_o%d", k + 1, i + 1));

            if (o != NULL && o[0] != '\0') {
                q->options[q->noptions++] = o;
            }
        }
        in.nq++;
    }
    rc = survey_create(r->db, &r->arena, &who, training_home_region(r), &in,
                       &id, &errs, &nerrs);
    if (rc == ERR_INPUT) {
        r->status = 400;
        new_form(r, &in, errs, nerrs);
        return 0;
    }
    if (rc != 0) {
        return rc;
    }
    return req_redirect(
        r, arena_printf(&r->arena, "/ankiety/%lld", (long long)id));
}

/* Survey of path parameter 0 in the account's region: 0, or a 404. */
static int
survey_or_reply(struct req *r, struct survey *s, struct survey_question **q,
                int *nq)
{
    int64_t id;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    rc = survey_get(r->db, &r->arena, id, s, q, nq);
    if (rc == ERR_NOTFOUND ||
        (rc == 0 && r->user != NULL && r->user->region != NULL &&
         strcmp(r->user->region, s->region) != 0)) {
        return req_error(r, 404, T_SV_NOT_FOUND);
    }
    return rc;
}

/* A horizontal bar chart of counts (labels beside the bars); the table
 * before it carries the same figures for screen readers. */
static void
bars(struct req *r, const struct survey_question *q,
     const struct survey_result *res, int k)
{
    int64_t max = 1;
    int i, n = q->noptions;

    for (i = 0; i < n; i++) {
        max = res->counts[i] > max ? res->counts[i] : max;
    }
    html_printf(&r->out,
                "<svg class=\"sv-chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
                "aria-labelledby=\"sv-c%d\"><title id=\"sv-c%d\">",
                (int)BAR_W + 120, n * 28 + 4, k, k);
    html_printf(&r->out, T_SV_CHART, q->text);
    html_lit(&r->out, "</title>\n");
    for (i = 0; i < n; i++) {
        double w = BAR_W * (double)res->counts[i] / (double)max;
        const char *label = strcmp(q->kind, "scale") == 0
                                ? arena_printf(&r->arena, "%d", i + 1)
                                : q->options[i];

        html_printf(&r->out,
                    "<text x=\"0\" y=\"%d\" font-size=\"12\">%.18s</text>"
                    "<rect x=\"110\" y=\"%d\" width=\"%.1f\" height=\"18\" "
                    "fill=\"#1d4f7a\"></rect><text x=\"%.1f\" y=\"%d\" "
                    "font-size=\"12\">%lld</text>\n",
                    i * 28 + 17, label, i * 28 + 4, w, 114 + w, i * 28 + 17,
                    (long long)res->counts[i]);
    }
    html_lit(&r->out, "</svg>\n");
}

static void
question_result(struct req *r, const struct survey_question *q,
                const struct survey_result *res, int k)
{
    int i;

    html_printf(&r->out, "<h3>%d. %s</h3>\n<p>", k + 1, q->text);
    html_printf(&r->out, T_SV_ANSWERED_Q, (long long)res->answered);
    html_lit(&r->out, "</p>\n");
    if (strcmp(q->kind, "number") == 0) {
        if (res->answered > 0) {
            int64_t tenths =
                (res->sum * 10 + res->answered / 2) / res->answered;

            html_printf(&r->out, "<p>");
            html_printf(&r->out, T_SV_NUM_STATS,
                        arena_printf(&r->arena, "%lld,%lld",
                                     (long long)(tenths / 10),
                                     (long long)(tenths % 10)),
                        (long long)res->min, (long long)res->max);
            html_lit(&r->out, "</p>\n");
        }
        return;
    }
    if (strcmp(q->kind, "text") == 0) {
        html_printf(&r->out, "<ul class=\"sv-texts\" aria-label=\"%s\">\n",
                    T_SV_TEXTS);
        for (i = 0; i < res->ntexts; i++) {
            html_printf(&r->out, "<li>%s</li>\n", res->texts[i]);
        }
        html_lit(&r->out, "</ul>\n");
        return;
    }
    html_printf(&r->out, WIDE_OPEN, q->text);
    html_printf(&r->out,
                "<table>\n<caption>%s</caption>\n<thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s"
                "</th><th scope=\"col\" class=\"num\">%s</th></tr></thead>\n"
                "<tbody>\n",
                q->text, T_SV_OPTION, T_SV_COUNT, T_SV_SHARE);
    for (i = 0; i < q->noptions; i++) {
        html_printf(
            &r->out,
            "<tr><th scope=\"row\">%s</th><td class=\"num\">%lld</td>"
            "<td class=\"num\">%s</td></tr>\n",
            strcmp(q->kind, "scale") == 0 ? arena_printf(&r->arena, "%d", i + 1)
                                          : q->options[i],
            (long long)res->counts[i], pct(r, res->counts[i], res->answered));
    }
    html_lit(&r->out, "</tbody>\n" WIDE_CLOSE);
    bars(r, q, res, k);
}

static void
links_section(struct req *r, const struct survey *s,
              const struct survey_recipient *rc, int nrc)
{
    const char *base = training_base(r);
    int i;

    if (s->open_token[0] != '\0') {
        html_printf(
            &r->out,
            "<h2>%s</h2>\n<p><code>%s/ankiety/odpowiedz/%s</code></p>\n",
            T_SV_OPEN_LINK, base, s->open_token);
    }
    if (nrc == 0) {
        return;
    }
    html_printf(&r->out, "<h2>%s</h2>\n<ul class=\"sv-links\">\n", T_SV_LINKS);
    for (i = 0; i < nrc; i++) {
        html_printf(&r->out, "<li>%s: <code>%s/ankiety/odpowiedz/%s</code> — ",
                    rc[i].name, base, rc[i].token);
        if (rc[i].answered_at[0] != '\0') {
            html_printf(&r->out, T_SV_LINK_ANSWERED,
                        warsaw_local(&r->arena, rc[i].answered_at));
        } else {
            html_printf(&r->out, "%s", T_SV_LINK_WAITING);
        }
        html_lit(&r->out, "</li>\n");
    }
    html_lit(&r->out, "</ul>\n");
}

static void
send_form(struct req *r, const struct survey *s)
{
    struct training_org *orgs;
    int n = training_dir_orgs(r->db, &r->arena, s->region, &orgs), i;

    html_printf(&r->out, "<h2>%s</h2>\n", T_SV_SEND);
    form_begin(
        r, arena_printf(&r->arena, "/ankiety/%lld/wyslij", (long long)s->id),
        NULL);
    html_printf(&r->out,
                "<fieldset><legend>%s</legend>\n<p class=\"hint\">%s"
                "</p>\n",
                T_SV_SEND, T_SV_SEND_HINT);
    for (i = 0; i < n; i++) {
        html_printf(&r->out,
                    "<p class=\"check\"><input type=\"checkbox\" "
                    "id=\"o-%lld\" name=\"org_%lld\" value=\"1\"> <label "
                    "for=\"o-%lld\">%s (%s)</label></p>\n",
                    (long long)orgs[i].id, (long long)orgs[i].id,
                    (long long)orgs[i].id, orgs[i].name, orgs[i].city);
    }
    html_printf(&r->out,
                "</fieldset>\n<p><button type=\"submit\">%s</button></p>\n",
                T_SV_SEND_BUTTON);
    form_end(r);
}

static int
survey_page(struct req *r, const struct survey *s,
            const struct survey_question *q, int nq, const char *notice,
            const char *error)
{
    struct survey_result *res;
    struct survey_recipient *rc;
    int nrc = survey_recipients(r->db, &r->arena, s->id, &rc), k, e;

    if (nrc < 0) {
        return nrc;
    }
    if ((e = survey_results(r->db, &r->arena, s->id, q, nq, &res)) != 0) {
        return e;
    }
    layout_begin_under(r, s->title, "/ankiety", T_SV_TITLE, s->title);
    html_printf(
        &r->out, "<h1>%s</h1>\n<p>%s</p>\n", s->title,
        training_label(survey_purposes, survey_purpose_labels, s->purpose));
    if (notice != NULL) {
        html_printf(&r->out, "<p role=\"status\">%s</p>\n", notice);
    }
    if (error != NULL) {
        form_errors(r, &error, 1);
    }
    html_printf(&r->out, "<p class=\"lead\" id=\"zwrot\">");
    html_printf(&r->out, T_SV_RATE, (long long)s->answered,
                (long long)s->recipients, pct(r, s->answered, s->recipients),
                (long long)s->responses);
    html_printf(&r->out,
                "</p>\n<ul>\n<li><a href=\"/ankiety/%lld/wyniki.csv\">%s</a>"
                "</li>\n<li><a href=\"/ankiety/%lld/wyniki.xlsx\">%s</a></li>"
                "\n</ul>\n<h2>%s</h2>\n",
                (long long)s->id, T_SV_EXPORT_CSV, (long long)s->id,
                T_SV_EXPORT_XLSX, T_SV_RESULTS);
    for (k = 0; k < nq; k++) {
        question_result(r, &q[k], &res[k], k);
    }
    if (auth_request_can(r, CAP_REGISTER_EDIT)) {
        links_section(r, s, rc, nrc);
        send_form(r, s);
    }
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /ankiety/:id
** CAP: CAP_REPORT_READ
** PARAMS: id (path)
*/
int
page_survey(struct req *r)
{
    struct survey s;
    struct survey_question *q;
    int nq, rc;

    if ((rc = survey_or_reply(r, &s, &q, &nq)) != 0) {
        return rc;
    }
    return survey_page(r, &s, q, nq, NULL, NULL);
}

/*
** ROUTE: POST /ankiety/:id/wyslij
** CAP: CAP_REGISTER_EDIT
** PARAMS: id (path); form org_<institution id>=1 for each institution
*/
int
page_survey_send(struct req *r)
{
    struct survey s;
    struct survey_question *q;
    struct audit_entry who = auth_request_who(r);
    int64_t *orgs;
    size_t i;
    int nq, rc, n = 0, added;

    if ((rc = survey_or_reply(r, &s, &q, &nq)) != 0) {
        return rc;
    }
    orgs = arena_alloc(&r->arena, sizeof(*orgs) * (r->form->n + 1));
    for (i = 0; i < r->form->n; i++) {
        const char *name = r->form->fields[i].name;

        if (strncmp(name, "org_", 4) == 0) {
            orgs[n++] = strtoll(name + 4, NULL, 10);
        }
    }
    rc = survey_send(r->db, &r->arena, &who, s.id, orgs, n, &added);
    if (rc == ERR_INPUT) {
        r->status = 400;
        return survey_page(r, &s, q, nq, NULL, T_SV_ERR_SEND);
    }
    if (rc != 0) {
        return rc;
    }
    survey_get(r->db, &r->arena, s.id, &s, &q, &nq);
    return survey_page(r, &s, q, nq, arena_printf(&r->arena, T_SV_SENT, added),
                       NULL);
}

static void
export_headers(struct req *r, const struct survey *s, const char *ext,
               const char *type)
{
    r->content_type = type;
    req_add_header(r, "Content-Disposition",
                   arena_printf(&r->arena,
                                "attachment; filename=\"ankieta-%lld.%s\"",
                                (long long)s->id, ext));
}

/*
** ROUTE: GET /ankiety/:id/wyniki.csv
** CAP: CAP_REPORT_READ
** PARAMS: id (path)
*/
int
page_survey_csv(struct req *r)
{
    struct survey s;
    struct survey_question *q;
    struct survey_row *rows;
    struct csv c;
    int nq, rc, n, i, k;

    if ((rc = survey_or_reply(r, &s, &q, &nq)) != 0) {
        return rc;
    }
    if ((n = survey_rows(r->db, &r->arena, s.id, q, nq, &rows)) < 0) {
        return n;
    }
    export_headers(r, &s, "csv", "text/csv; charset=utf-8");
    csv_begin(&c, &r->out, ';', CSV_BOM);
    csv_text(&c, T_SV_X_NO);
    csv_text(&c, T_SV_X_AT);
    csv_text(&c, T_SV_X_ORG);
    for (k = 0; k < nq; k++) {
        csv_text(&c, q[k].text);
    }
    csv_row_end(&c);
    for (i = 0; i < n; i++) {
        for (k = 0; k < nq + 3; k++) {
            csv_text(&c, rows[i].cells[k]);
        }
        csv_row_end(&c);
    }
    return 0;
}

struct book {
    const struct survey *s;
    const struct survey_question *q;
    int nq;
    const struct survey_row *rows;
    int n;
};

static int
write_book(void *ctx, const char *path)
{
    const struct book *b = ctx;
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws;
    int i, k;

    if (wb == NULL) {
        return ERR_IO;
    }
    xlsx_properties(wb, b->s->title, T_SV_TITLE, NULL);
    ws = workbook_add_worksheet(wb, NULL);
    worksheet_freeze_panes(ws, 1, 0);
    xlsx_text(ws, 0, 0, T_SV_X_NO, NULL);
    xlsx_text(ws, 0, 1, T_SV_X_AT, NULL);
    xlsx_text(ws, 0, 2, T_SV_X_ORG, NULL);
    for (k = 0; k < b->nq; k++) {
        xlsx_text(ws, 0, (lxw_col_t)(3 + k), b->q[k].text, NULL);
    }
    for (i = 0; i < b->n; i++) {
        worksheet_write_number(ws, (lxw_row_t)(i + 1), 0, i + 1, NULL);
        for (k = 1; k < b->nq + 3; k++) {
            const char *v = b->rows[i].cells[k];

            if (k >= 3 &&
                (strcmp(b->q[k - 3].kind, "number") == 0 ||
                 strcmp(b->q[k - 3].kind, "scale") == 0) &&
                v[0] != '\0') {
                worksheet_write_number(ws, (lxw_row_t)(i + 1), (lxw_col_t)k,
                                       strtod(v, NULL), NULL);
            } else {
                xlsx_text(ws, (lxw_row_t)(i + 1), (lxw_col_t)k, v, NULL);
            }
        }
    }
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : ERR_IO;
}

/*
** ROUTE: GET /ankiety/:id/wyniki.xlsx
** CAP: CAP_REPORT_READ
** PARAMS: id (path)
*/
int
page_survey_xlsx(struct req *r)
{
    struct survey s;
    struct survey_question *q;
    struct survey_row *rows;
    struct book b;
    int nq, rc, n;

    if ((rc = survey_or_reply(r, &s, &q, &nq)) != 0) {
        return rc;
    }
    if ((n = survey_rows(r->db, &r->arena, s.id, q, nq, &rows)) < 0) {
        return n;
    }
    b = (struct book){&s, q, nq, rows, n};
    if ((rc = tmpfile_bytes(&r->arena, "survey", write_book, &b, &r->out)) !=
        0) {
        return rc;
    }
    export_headers(r, &s, "xlsx",
                   "application/vnd.openxmlformats-officedocument."
                   "spreadsheetml.sheet");
    return 0;
}
