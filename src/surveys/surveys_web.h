/*
** Surveys: the pieces of the answer form (surveys_answer.c) that the
** trainings' knowledge test shows too: the choices of a question as radio
** buttons or checkboxes, without script, and the answers read back.
*/
#ifndef SURVEYS_SURVEYS_WEB_H
#define SURVEYS_SURVEYS_WEB_H

#include "http/http.h"
#include "surveys/surveys.h"

/*
** The options of question q, number k in the form, as radio buttons
** (a<k>=option) or, for a multiple choice, checkboxes (a<k>_<option>=1),
** each with its label; in (NULL-safe values) says which are checked.
*/
void survey_choices_html(struct req *r, const struct survey_question *q, int k,
                         const struct survey_answer_in *in);
/* The answers of the form's questions 1..SURVEY_QUESTIONS_MAX into
 * in[0..SURVEY_QUESTIONS_MAX) (values live in r's form). */
void survey_answers_read(struct req *r, struct survey_answer_in *in);

#endif
