/*
** The public page of a survey link: the questions as a form without
** script (radio buttons, checkboxes, a 1–5 scale, a number, a text), and
** the answers stored all or nothing; an institution's link answers once.
*/
#include <string.h>

#include "modules_handlers.h"

#include "core/err.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "surveys/strings_pl.h"
#include "surveys/surveys.h"
#include "surveys/surveys_web.h"

void
survey_choices_html(struct req *r, const struct survey_question *q, int k,
                    const struct survey_answer_in *in)
{
    bool multiple = strcmp(q->kind, "multiple") == 0;
    bool scale = strcmp(q->kind, "scale") == 0;
    int i;

    for (i = 0; i < q->noptions; i++) {
        const char *v = arena_printf(&r->arena, "%d", i + 1);
        bool on = multiple ? in->chosen[i]
                           : in->value != NULL && strcmp(in->value, v) == 0;
        const char *label = !scale                 ? q->options[i]
                            : i == 0               ? T_SV_SCALE_LOW
                            : i == q->noptions - 1 ? T_SV_SCALE_HIGH
                                                   : v;

        html_printf(&r->out,
                    "<p class=\"check\"><input type=\"%s\" id=\"a%d-%d\" "
                    "name=\"%s\" value=\"%s\"%s> <label for=\"a%d-%d\">%s"
                    "</label></p>\n",
                    multiple ? "checkbox" : "radio", k, i + 1,
                    multiple ? arena_printf(&r->arena, "a%d_%d", k, i + 1)
                             : arena_printf(&r->arena, "a%d", k),
                    multiple ? "1" : v, on ? " checked" : "", k, i + 1, label);
    }
}

static int
answer_page(struct req *r, const char *token, const struct survey_answer_in *in,
            const char *const *errs, int nerrs)
{
    struct survey s;
    struct survey_question *q;
    int64_t sid, recipient;
    bool answered;
    int rc, nq, k;

    rc = survey_by_token(r->db, &r->arena, token, &sid, &recipient, &answered);
    if (rc == 0) {
        rc = survey_get(r->db, &r->arena, sid, &s, &q, &nq);
    }
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, T_SV_BAD_LINK);
    }
    if (rc != 0) {
        return rc;
    }
    layout_begin(r, arena_printf(&r->arena, T_SV_ANSWER_TITLE, s.title));
    html_printf(&r->out, "<h1>%s</h1>\n", s.title);
    if (answered) {
        html_printf(&r->out, "<p role=\"status\">%s</p>\n",
                    nerrs > 0 ? T_SV_ERR_ANSWERED : T_SV_THANKS);
        layout_end(r);
        return 0;
    }
    form_errors(r, errs, nerrs);
    form_begin(r, arena_printf(&r->arena, "/ankiety/odpowiedz/%s", token),
               NULL);
    for (k = 0; k < nq && k < SURVEY_QUESTIONS_MAX; k++) {
        const char *name = arena_printf(&r->arena, "a%d", k + 1);

        html_printf(&r->out, "<fieldset><legend>%d. %s</legend>\n", k + 1,
                    q[k].text);
        if (strcmp(q[k].kind, "number") == 0) {
            form_input(r, name, q[k].text, "number", in[k].value,
                       "min=\"0\" required");
        } else if (strcmp(q[k].kind, "text") == 0) {
            html_printf(&r->out,
                        "<p class=\"field\"><textarea id=\"f-%s\" "
                        "name=\"%s\" rows=\"4\" maxlength=\"2000\" "
                        "required aria-label=\"%s\">%s</textarea></p>\n",
                        name, name, q[k].text, in[k].value ? in[k].value : "");
        } else {
            survey_choices_html(r, &q[k], k + 1, &in[k]);
        }
        html_lit(&r->out, "</fieldset>\n");
    }
    html_printf(&r->out, "<p><button type=\"submit\">%s</button></p>\n",
                T_SV_ANSWER_SEND);
    form_end(r);
    layout_end(r);
    return 0;
}

void
survey_answers_read(struct req *r, struct survey_answer_in *in)
{
    int k, i;

    memset(in, 0, sizeof(*in) * SURVEY_QUESTIONS_MAX);
    for (k = 0; k < SURVEY_QUESTIONS_MAX; k++) {
        in[k].value = req_form(r, arena_printf(&r->arena, "a%d", k + 1));
        for (i = 0; i < SURVEY_OPTIONS_MAX; i++) {
            in[k].chosen[i] = req_form(r, arena_printf(&r->arena, "a%d_%d",
                                                       k + 1, i + 1)) != NULL;
        }
    }
}

/*
** ROUTE: GET /ankiety/odpowiedz/:token
** CAP: CAP_PUBLIC
** PARAMS: token (path: the open link's or an institution's)
*/
int
page_survey_answer(struct req *r)
{
    struct survey_answer_in in[SURVEY_QUESTIONS_MAX];

    memset(in, 0, sizeof(in));
    return answer_page(r, req_param(r, 0), in, NULL, 0);
}

/*
** ROUTE: POST /ankiety/odpowiedz/:token
** CAP: CAP_PUBLIC
** PARAMS: token (path); form a<N> (the answer to question N), a<N>_<M>=1
** (option M of a multiple-choice question N)
*/
int
page_survey_answer_save(struct req *r)
{
    struct survey_answer_in in[SURVEY_QUESTIONS_MAX];
    const char *token = req_param(r, 0), **errs = NULL;
    int nerrs = 0, rc;

    /* Limited per link, named by its hash: the path carries the secret. */
    if ((rc = auth_form_limit_or_reply(
             r, arena_printf(&r->arena, "/ankiety/odpowiedz/%.16s",
                             auth_token_hash(&r->arena, token)))) != 0) {
        return rc;
    }
    survey_answers_read(r, in);
    rc = survey_answer(r->db, &r->arena, token, in, &errs, &nerrs);
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, T_SV_BAD_LINK);
    }
    if (rc == ERR_INPUT || rc == ERR_CONFLICT) {
        r->status = rc == ERR_INPUT ? 400 : 409;
        return answer_page(r, token, in, errs, nerrs);
    }
    if (rc != 0) {
        return rc;
    }
    layout_begin(r, T_SV_TITLE);
    html_printf(&r->out, "<h1>%s</h1>\n<p role=\"status\">%s</p>\n", T_SV_TITLE,
                T_SV_THANKS);
    layout_end(r);
    return 0;
}
