/*
** Surveys (issue 18): questionnaires with single and multiple choice,
** scale (1–5), number and text questions; sent as an open link or as one
** link per recipient institution of the directory (each answers once);
** response rates and results counted per question. The training-needs
** surveys (seed 002 row 12) are listed beside the trainings' calendar.
** No HTML here: the pages are surveys_pages.c and surveys_answer.c.
*/
#ifndef SURVEYS_SURVEYS_H
#define SURVEYS_SURVEYS_H

#include <stdbool.h>
#include <stdint.h>

#include "auth/auth.h"

struct arena;
struct db;

#define SURVEY_QUESTIONS_MAX 12 /* questions of one survey */
#define SURVEY_OPTIONS_MAX 8    /* choices of one question */
#define SURVEY_SCALE_MAX 5      /* a scale question's values are 1..5 */
#define SURVEY_TEXT_MAX 2000    /* bytes of a text answer */

/* Question kinds and survey purposes: codes and labels, NULL-ended. */
extern const char *const survey_kinds[], *const survey_kind_labels[];
extern const char *const survey_purposes[], *const survey_purpose_labels[];

struct survey_question {
    int64_t id;
    int pos;
    const char *kind, *text;
    const char *options[SURVEY_OPTIONS_MAX];
    int noptions; /* a scale has SURVEY_SCALE_MAX */
};

struct survey {
    int64_t id;
    const char *region, *title, *purpose;
    const char *open_token; /* "" when there is no open link */
    const char *created_at;
    int64_t recipients, answered, responses;
};

/*
** The question machinery, shared with the trainings' knowledge test
** (training.h). Check question q, number k in the form: each problem
** (a kind not of survey_kinds, no text or a text over 500 bytes, a choice
** question with fewer than two options, an option over 200 bytes or with
** a line feed) appends a Polish message naming question k to *errs.
*/
void survey_question_check(struct arena *a, const struct survey_question *q,
                           int k, const char ***errs, int *nerrs);
/* The options of q joined by line feeds, as stored (arena). */
const char *survey_options_join(struct arena *a,
                                const struct survey_question *q);
/* Split stored options (changed in place) into q's options, at most
 * SURVEY_OPTIONS_MAX. */
void survey_options_split(char *opts, struct survey_question *q);

/* A new survey as typed: its questions, empty ones left out. */
struct survey_in {
    const char *title, *purpose;
    bool open_link;
    struct survey_question q[SURVEY_QUESTIONS_MAX];
    int nq;
};

/*
** Check and store a survey of region (questions in order; a choice
** question needs two options at least): each problem appends a Polish
** message naming the question to *errs. One audit row ("survey.create").
** 0 with *id, ERR_INPUT with *errs and *nerrs, ERR_DB.
*/
int survey_create(struct db *db, struct arena *a, const struct audit_entry *who,
                  const char *region, const struct survey_in *in, int64_t *id,
                  const char ***errs, int *nerrs);

/* Surveys of region (NULL: all), of purpose (NULL: any), newest first:
 * count or < 0. */
int survey_list(struct db *db, struct arena *a, const char *region,
                const char *purpose, struct survey **out);
/* Survey id with its questions (*q, count in *nq): 0, ERR_NOTFOUND, ERR_DB. */
int survey_get(struct db *db, struct arena *a, int64_t id, struct survey *out,
               struct survey_question **q, int *nq);

struct survey_recipient {
    int64_t id, dir_org;
    const char *name, *token, *answered_at; /* answered_at "" until then */
};
/* The recipients of survey id, by name: count or < 0. */
int survey_recipients(struct db *db, struct arena *a, int64_t id,
                      struct survey_recipient **out);
/*
** Send survey id to the directory's institutions orgs[0..n) of its region
** (each gets its own link; one already sent to keeps its link). One audit
** row ("survey.send"). 0 with *added, ERR_INPUT (an institution of
** another region or unknown), ERR_DB.
*/
int survey_send(struct db *db, struct arena *a, const struct audit_entry *who,
                int64_t id, const int64_t *orgs, int n, int *added);

/* What a link opens: the survey, and the recipient (0 for the open link)
 * with whether it has answered. 0, ERR_NOTFOUND, ERR_DB. */
int survey_by_token(struct db *db, struct arena *a, const char *token,
                    int64_t *survey_id, int64_t *recipient, bool *answered);

/* One answer to a question, as typed in the form. */
struct survey_answer_in {
    const char *value;               /* single, scale, number, text */
    bool chosen[SURVEY_OPTIONS_MAX]; /* multiple */
};
/*
** Check the answer in to question q (number k): NULL, or a Polish message
** naming question k. *v gets a single choice's option (from 1), a scale's
** value or a number.
*/
const char *survey_answer_check(struct arena *a,
                                const struct survey_question *q,
                                const struct survey_answer_in *in, int k,
                                int64_t *v);
/*
** Store the answers a[0..nq) to survey s (questions q) through link
** token, all or nothing: every question must be answered (a multiple
** choice with one option at least, a number 0..10^9, a text up to
** SURVEY_TEXT_MAX bytes); each problem appends a Polish message naming the
** question. A recipient's link answers once (ERR_CONFLICT after). 0,
** ERR_INPUT, ERR_CONFLICT, ERR_NOTFOUND, ERR_DB.
*/
int survey_answer(struct db *db, struct arena *a, const char *token,
                  const struct survey_answer_in *ans, const char ***errs,
                  int *nerrs);

/* The results of one question. */
struct survey_result {
    int64_t counts[SURVEY_OPTIONS_MAX]; /* per option or scale value */
    int64_t answered;                   /* responses answering it */
    int64_t sum, min, max;              /* number questions */
    const char **texts;                 /* text answers */
    int ntexts;
};
/* Results per question of survey id (nq of them, in question order):
 * 0 or ERR_DB. */
int survey_results(struct db *db, struct arena *a, int64_t id,
                   const struct survey_question *q, int nq,
                   struct survey_result **out);

/* Every response of survey id with its answers as text, one row per
 * response: cells[r][0] response number, [1] time, [2] institution, then
 * one per question (choices by label, several joined by "; "). */
struct survey_row {
    const char **cells;
};
int survey_rows(struct db *db, struct arena *a, int64_t id,
                const struct survey_question *q, int nq,
                struct survey_row **out);

#endif
