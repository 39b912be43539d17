/*
** The online knowledge test's pages (training_quiz.h): the organiser's
** questions with their right answers (a fixed number of slots, so no
** script is needed), and the test a participant takes from their own link
** before and after the event, drawn with the surveys' answer form. The
** participant sees their score at once; the organiser sees every score
** on the participants' page (training_admin.c).
*/
#include <stdlib.h>
#include <string.h>

#include "modules_handlers.h"

#include "core/err.h"
#include "core/json.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "surveys/surveys.h"
#include "surveys/surveys_web.h"
#include "training/strings_pl.h"
#include "training/training.h"
#include "training/training_quiz.h"
#include "training/training_web.h"

static void
kind_select(struct req *r, int k, const char *kind)
{
    int i;

    html_printf(&r->out, "<p class=\"field\"><label for=\"q%d-kind\">", k);
    html_printf(&r->out, T_TR_QUIZ_Q_KIND, k);
    html_printf(&r->out, "</label><select id=\"q%d-kind\" name=\"q%d_kind\">\n",
                k, k);
    /* the surveys' kinds single and multiple, with their labels */
    for (i = 0; i < 2; i++) {
        html_printf(
            &r->out, "<option value=\"%s\"%s>%s</option>\n", survey_kinds[i],
            kind && strcmp(kind, survey_kinds[i]) == 0 ? " selected" : "",
            survey_kind_labels[i]);
    }
    html_lit(&r->out, "</select></p>\n");
}

static void
question_slot(struct req *r, int k, const struct training_question *x)
{
    int i;

    html_printf(&r->out, "<fieldset><legend>");
    html_printf(&r->out, T_TR_QUIZ_Q, k);
    html_lit(&r->out, "</legend>\n");
    kind_select(r, k, x ? x->q.kind : NULL);
    form_input(r, arena_printf(&r->arena, "q%d_text", k),
               arena_printf(&r->arena, T_TR_QUIZ_Q_TEXT, k), "text",
               x ? x->q.text : "", "maxlength=\"500\"");
    for (i = 1; i <= TRAINING_QUIZ_OPTIONS; i++) {
        bool right = x && (x->correct >> (i - 1) & 1u);

        form_input(r, arena_printf(&r->arena, "q%d_o%d", k, i),
                   arena_printf(&r->arena, T_TR_QUIZ_Q_OPTION, k, i), "text",
                   x && i <= x->q.noptions ? x->q.options[i - 1] : "",
                   "maxlength=\"200\"");
        html_printf(&r->out,
                    "<p class=\"check\"><input type=\"checkbox\" "
                    "id=\"q%d-r%d\" name=\"q%d_r%d\" value=\"1\"%s> <label "
                    "for=\"q%d-r%d\">",
                    k, i, k, i, right ? " checked" : "", k, i);
        html_printf(&r->out, T_TR_QUIZ_Q_RIGHT, k, i);
        html_lit(&r->out, "</label></p>\n");
    }
    html_lit(&r->out, "</fieldset>\n");
}

static int
editor_page(struct req *r, const struct training *t,
            const struct training_question *q, int n, const char *message,
            const char *const *errs, int nerrs)
{
    int k;

    layout_begin_under(
        r, T_TR_QUIZ_EDIT,
        arena_printf(&r->arena, "/szkolenia/%lld/uczestnicy", (long long)t->id),
        T_TR_PARTICIPANTS, T_TR_QUIZ_EDIT);
    html_printf(&r->out, "<h1>%s: %s</h1>\n<p>%s</p>\n<p>%s</p>\n",
                T_TR_QUIZ_EDIT, t->title, training_dates(r, t), T_TR_QUIZ_LEAD);
    if (message != NULL) {
        html_printf(&r->out, "<p role=\"status\">%s</p>\n", message);
    }
    form_errors(r, errs, nerrs);
    form_begin(
        r, arena_printf(&r->arena, "/szkolenia/%lld/pytania", (long long)t->id),
        NULL);
    for (k = 1; k <= TRAINING_QUIZ_MAX; k++) {
        question_slot(r, k, k <= n ? &q[k - 1] : NULL);
    }
    html_printf(&r->out, "<p><button type=\"submit\">%s</button></p>\n",
                T_TR_QUIZ_SAVE);
    form_end(r);
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /szkolenia/:id/pytania
** CAP: CAP_PARTICIPANTS
** PARAMS: id (path)
*/
int
page_training_quiz(struct req *r)
{
    struct training t;
    struct training_question *q;
    int rc, n;

    if ((rc = training_event_or_reply(r, &t)) != 0) {
        return rc;
    }
    if ((n = training_quiz_questions(r->db, &r->arena, t.id, &q)) < 0) {
        return n;
    }
    return editor_page(r, &t, q, n, NULL, NULL, 0);
}

/* The questions typed into the form's slots, empty ones left out (an
 * option's right mark goes with it when empty options close up). */
static int
questions_read(struct req *r, struct training_question *q)
{
    int k, i, n = 0;

    for (k = 1; k <= TRAINING_QUIZ_MAX; k++) {
        struct training_question *x = &q[n];
        const char *text = req_form(r, arena_printf(&r->arena, "q%d_text", k));

        if (text == NULL || text[0] == '\0') {
            continue;
        }
        memset(x, 0, sizeof(*x));
        x->q.text = text;
        x->q.kind = req_form(r, arena_printf(&r->arena, "q%d_kind", k));
        for (i = 1; i <= TRAINING_QUIZ_OPTIONS; i++) {
            const char *o =
                req_form(r, arena_printf(&r->arena, "q%d_o%d", k, i));
            bool right =
                req_form(r, arena_printf(&r->arena, "q%d_r%d", k, i)) != NULL;

            if (o != NULL && o[0] != '\0') {
                x->correct |= right ? 1u << x->q.noptions : 0;
                x->q.options[x->q.noptions++] = o;
            } else if (right) {
                x->correct |= 1u << TRAINING_QUIZ_OPTIONS; /* refused */
            }
        }
        n++;
    }
    return n;
}

/*
** ROUTE: POST /szkolenia/:id/pytania
** CAP: CAP_PARTICIPANTS
** PARAMS: id (path); form q<N>_kind (single, multiple), q<N>_text,
** q<N>_o<M> (option M), q<N>_r<M>=1 (option M is right); N 1..6, M 1..5;
** a question without text is left out
*/
int
page_training_quiz_save(struct req *r)
{
    struct training t;
    struct training_question q[TRAINING_QUIZ_MAX];
    struct audit_entry who = auth_request_who(r);
    const char **errs = NULL;
    int rc, n, nerrs = 0;

    if ((rc = training_event_or_reply(r, &t)) != 0) {
        return rc;
    }
    n = questions_read(r, q);
    rc = training_quiz_set(r->db, &r->arena, &who, t.id, q, n, &errs, &nerrs);
    if (rc == ERR_INPUT || rc == ERR_CONFLICT) {
        r->status = rc == ERR_INPUT ? 400 : 409;
        return editor_page(r, &t, q, n, NULL, errs, nerrs);
    }
    if (rc != 0) {
        return rc;
    }
    return editor_page(r, &t, q, n, T_TR_QUIZ_SAVED, NULL, 0);
}

void
training_quiz_own_section(struct req *r, const char *token,
                          const struct training_quiz_state *qs,
                          const struct training *t)
{
    const char *go = qs->open == TQ_BEFORE  ? T_TR_QUIZ_GO_BEFORE
                     : qs->open == TQ_AFTER ? T_TR_QUIZ_GO_AFTER
                                            : NULL;

    if (qs->open == TQ_NONE && !qs->has_before) {
        return;
    }
    html_printf(&r->out, "<h2>%s</h2>\n", T_TR_QUIZ);
    if (qs->has_before && qs->has_after) {
        html_lit(&r->out, "<p>");
        html_printf(&r->out, T_TR_QUIZ_YOURS_BOTH, (long long)qs->before,
                    (long long)qs->after, (long long)qs->max);
        html_lit(&r->out, "</p>\n");
    } else if (qs->has_before) {
        html_lit(&r->out, "<p>");
        html_printf(&r->out, T_TR_QUIZ_YOURS, (long long)qs->before,
                    (long long)qs->max);
        html_lit(&r->out, "</p>\n");
    }
    if (qs->open == TQ_WAIT) {
        html_lit(&r->out, "<p>");
        html_printf(&r->out, T_TR_QUIZ_WAIT, t->date_to);
        html_lit(&r->out, "</p>\n");
    } else if (qs->open == TQ_MISSED) {
        html_printf(&r->out, "<p>%s</p>\n", T_TR_QUIZ_MISSED);
    } else if (go != NULL) {
        html_printf(&r->out,
                    "<p><a href=\"/szkolenia/zgloszenie/%s/test\">%s</a></p>\n",
                    token, go);
    }
}

/* The test open for the person of token, or why not; after a test just
 * taken (done: its phase), its score (message) and no further form. */
static int
take_page(struct req *r, const char *token, const struct survey_answer_in *in,
          const char *done, const char *message, const char *const *errs,
          int nerrs)
{
    struct training_signup s;
    struct training t;
    struct training_quiz_state qs;
    struct training_question *q;
    const char *title;
    int rc = training_signup_by_token(r->db, &r->arena, token, &s), n, k;

    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, T_TR_BAD_LINK);
    }
    if (rc != 0 || (rc = training_get(r->db, &r->arena, s.training_id, &t)) ||
        (rc = training_quiz_state(r->db, &r->arena, &s, &t, training_today(r),
                                  &qs)) != 0) {
        return rc;
    }
    if ((n = training_quiz_questions(r->db, &r->arena, t.id, &q)) < 0) {
        return n;
    }
    title = done != NULL ? (strcmp(done, "after") == 0 ? T_TR_QUIZ_AFTER
                                                       : T_TR_QUIZ_BEFORE)
            : qs.open == TQ_AFTER || qs.has_before ? T_TR_QUIZ_AFTER
                                                   : T_TR_QUIZ_BEFORE;
    layout_begin_under(
        r, title, arena_printf(&r->arena, "/szkolenia/zgloszenie/%s", token),
        T_TR_MINE, title);
    html_printf(&r->out,
                "<h1>%s</h1>\n<p><a href=\"/szkolenia/%lld\">%s</a>, "
                "%s</p>\n",
                title, (long long)t.id, t.title, training_dates(r, &t));
    if (message != NULL) {
        html_printf(&r->out, "<p role=\"status\">%s</p>\n", message);
    }
    if (done != NULL || (qs.open != TQ_BEFORE && qs.open != TQ_AFTER)) {
        if (message == NULL) {
            html_printf(&r->out, "<p role=\"status\">%s</p>\n",
                        T_TR_QUIZ_CLOSED);
        }
        html_printf(&r->out,
                    "<p><a href=\"/szkolenia/zgloszenie/%s\">%s</a></p>\n",
                    token, T_TR_MINE);
        layout_end(r);
        return 0;
    }
    html_printf(&r->out, "<p>%s</p>\n", T_TR_QUIZ_TAKE_LEAD);
    form_errors(r, errs, nerrs);
    form_begin(r,
               arena_printf(&r->arena, "/szkolenia/zgloszenie/%s/test", token),
               NULL);
    for (k = 0; k < n && k < TRAINING_QUIZ_MAX; k++) {
        html_printf(&r->out, "<fieldset><legend>%d. %s</legend>\n", k + 1,
                    q[k].q.text);
        survey_choices_html(r, &q[k].q, k + 1, &in[k]);
        html_lit(&r->out, "</fieldset>\n");
    }
    html_printf(&r->out, "<p><button type=\"submit\">%s</button></p>\n",
                T_TR_QUIZ_SEND);
    form_end(r);
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /szkolenia/zgloszenie/:token/test
** CAP: CAP_PUBLIC
** PARAMS: token (path, the person's own link)
*/
int
page_training_quiz_take_form(struct req *r)
{
    struct survey_answer_in in[SURVEY_QUESTIONS_MAX];

    memset(in, 0, sizeof(in));
    return take_page(r, req_param(r, 0), in, NULL, NULL, NULL, 0);
}

/*
** ROUTE: POST /szkolenia/zgloszenie/:token/test
** CAP: CAP_PUBLIC
** PARAMS: token (path); form a<N> (the option chosen in question N),
** a<N>_<M>=1 (option M of a multiple-choice question N)
*/
int
page_training_quiz_take(struct req *r)
{
    struct survey_answer_in in[SURVEY_QUESTIONS_MAX];
    struct audit_entry who = auth_request_who(r);
    const char *token = req_param(r, 0), **errs = NULL, *phase = NULL;
    int rc, score = 0, max = 0, nerrs = 0;

    survey_answers_read(r, in);
    rc = training_quiz_take(r->db, &r->arena, &who, token, training_today(r),
                            in, &phase, &score, &max, &errs, &nerrs);
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, T_TR_BAD_LINK);
    }
    if (rc == ERR_INPUT || rc == ERR_CONFLICT) {
        r->status = rc == ERR_INPUT ? 400 : 409;
        return take_page(r, token, in, NULL,
                         rc == ERR_CONFLICT ? errs[0] : NULL,
                         rc == ERR_INPUT ? errs : NULL, nerrs);
    }
    if (rc != 0) {
        return rc;
    }
    return take_page(r, token, in, phase,
                     arena_printf(&r->arena,
                                  strcmp(phase, "before") == 0
                                      ? T_TR_QUIZ_DONE_BEFORE
                                      : T_TR_QUIZ_DONE_AFTER,
                                  score, max),
                     NULL, 0);
}

static void
questions_json(struct json *j, const struct training_question *q, int n)
{
    int k, i;

    json_key(j, "questions");
    json_arr_begin(j);
    for (k = 0; k < n; k++) {
        json_obj_begin(j);
        json_kint(j, "pos", q[k].q.pos);
        json_kstr(j, "kind", q[k].q.kind);
        json_kstr(j, "text", q[k].q.text);
        json_key(j, "options");
        json_arr_begin(j);
        for (i = 0; i < q[k].q.noptions; i++) {
            json_str(j, q[k].q.options[i]);
        }
        json_arr_end(j);
        json_key(j, "right");
        json_arr_begin(j);
        for (i = 0; i < q[k].q.noptions; i++) {
            if (q[k].correct >> i & 1u) {
                json_int(j, i + 1);
            }
        }
        json_arr_end(j);
        json_obj_end(j);
    }
    json_arr_end(j);
}

/*
** ROUTE: GET /api/trainings/:id/quiz
** CAP: CAP_PARTICIPANTS
** PARAMS: id (path)
*/
int
api_training_quiz(struct req *r)
{
    struct training t;
    struct training_question *q;
    struct training_signup *s;
    struct training_quiz_result *res;
    struct json j;
    int rc, n, ns, nres, i, k;

    if ((rc = training_event_or_reply(r, &t)) != 0) {
        return rc;
    }
    if ((n = training_quiz_questions(r->db, &r->arena, t.id, &q)) < 0) {
        return n;
    }
    if ((ns = training_signups(r->db, &r->arena, t.id, &s)) < 0) {
        return ns;
    }
    if ((nres = training_quiz_results(r->db, &r->arena, t.id, &res)) < 0) {
        return nres;
    }
    req_json_begin(r);
    json_init(&j, &r->out);
    json_obj_begin(&j);
    json_kint(&j, "training_id", t.id);
    questions_json(&j, q, n);
    /* each confirmed sign-up by id (names are on the participants' page) */
    json_key(&j, "results");
    json_arr_begin(&j);
    for (i = 0; i < ns; i++) {
        int64_t before = 0, after = 0, max = 0;
        const char *source;

        if (strcmp(s[i].status, "confirmed") != 0) {
            continue;
        }
        source = training_quiz_counted(&s[i], res, nres, &before, &after, &max);
        json_obj_begin(&j);
        json_kint(&j, "signup_id", s[i].id);
        for (k = 0; k < nres; k++) {
            if (res[k].signup_id == s[i].id) {
                json_kint(&j, res[k].after ? "online_after" : "online_before",
                          res[k].score);
            }
        }
        json_kstr(&j, "counted_source", source);
        json_kint_if(&j, "counted_before", source != NULL, before);
        json_kint_if(&j, "counted_after", source != NULL, after);
        json_kint_if(&j, "counted_max", source != NULL, max);
        json_kbool(&j, "raised", source != NULL && after > before);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    return 0;
}
