/*
** The online knowledge test of a training (issue 18): a few single or
** multiple choice questions with their right answers, written by the
** organiser; each participant takes it before and after the event from
** their own link (no script needed) and the score is computed here. The
** questions are the surveys module's (surveys.h): the same kinds, checks
** and answer form. The points the organiser types (training_test_set)
** stay the fallback for tests taken on paper; which one counts is the
** rule of training_plan_indicators (training.h).
*/
#ifndef TRAINING_TRAINING_QUIZ_H
#define TRAINING_TRAINING_QUIZ_H

#include <stdbool.h>
#include <stdint.h>

#include "auth/auth.h"
#include "surveys/surveys.h"
#include "training/training.h"

#define TRAINING_QUIZ_MAX 6     /* questions of one test */
#define TRAINING_QUIZ_OPTIONS 5 /* options of one question */

struct training_question {
    struct survey_question q; /* kind "single" or "multiple" */
    unsigned correct;         /* bit i: option i + 1 is right */
};

/* Questions of event id, in order: count or < 0. */
int training_quiz_questions(struct db *db, struct arena *a, int64_t id,
                            struct training_question **out);

/*
** Replace the questions of event id by q[0..n) (n 0: no online test).
** Each question is checked as a survey's (survey_question_check) and
** must be a single choice with exactly one right option or a multiple
** choice with one at least, every right option filled in; each problem appends
*a Polish message naming the
** question to *errs (ERR_INPUT). Once anyone has taken the test the
** questions stay as they are (ERR_CONFLICT, message in *errs), so that
** the scores before and after compare the same test. One audit row
** ("training.quiz"). 0, ERR_INPUT, ERR_CONFLICT, ERR_NOTFOUND, ERR_DB.
*/
int training_quiz_set(struct db *db, struct arena *a,
                      const struct audit_entry *who, int64_t id,
                      const struct training_question *q, int n,
                      const char ***errs, int *nerrs);

/* Points for answers chosen[0..n) (bit i: option i + 1 chosen): one per
 * question whose chosen options are exactly its right ones. */
int training_quiz_score(const struct training_question *q, int n,
                        const unsigned *chosen);

enum training_quiz_open {
    TQ_NONE = 0, /* no online test, or the sign-up holds no seat */
    TQ_BEFORE,   /* the test before: until the first day, inclusive */
    TQ_AFTER,    /* the test after: from the last day, once before is in */
    TQ_WAIT,     /* before taken; after opens on the last day */
    TQ_MISSED,   /* the event began without the test before */
    TQ_DONE,     /* both taken */
};

/* A person's online test. */
struct training_quiz_state {
    int nquestions;
    enum training_quiz_open open; /* which test may be taken today */
    bool has_before, has_after;
    int64_t before, after, max;
};

/* The state of sign-up s (of event t) on today (ISO): 0 or ERR_DB. */
int training_quiz_state(struct db *db, struct arena *a,
                        const struct training_signup *s,
                        const struct training *t, const char *today,
                        struct training_quiz_state *out);

/*
** Take the test open today for the person of link token: every question
** must be answered (survey_answer_check; messages naming the question,
** ERR_INPUT); the score is computed and stored with the options chosen,
** with one audit row without personal data ("training.quiz_take"), all
** or nothing. ERR_CONFLICT when no test is open (taken already, not yet
** or no more). 0 with *phase ("before", "after") and *score of *max,
** ERR_INPUT, ERR_CONFLICT, ERR_NOTFOUND, ERR_DB.
*/
int training_quiz_take(struct db *db, struct arena *a,
                       const struct audit_entry *who, const char *token,
                       const char *today, const struct survey_answer_in *in,
                       const char **phase, int *score, int *max,
                       const char ***errs, int *nerrs);

/* The online tests taken by the sign-ups of event id. */
struct training_quiz_result {
    int64_t signup_id;
    bool after; /* the test after, else before */
    int64_t score, max;
};
int training_quiz_results(struct db *db, struct arena *a, int64_t id,
                          struct training_quiz_result **out);
/*
** The test that counts for sign-up s (the rule of the qualified count,
** training.h): its online scores when it took both online tests
** (res[0..nres), of its event), else the points typed from a paper test.
** Returns "online", "paper", or NULL when neither, with *before, *after
** and *max.
*/
const char *training_quiz_counted(const struct training_signup *s,
                                  const struct training_quiz_result *res,
                                  int nres, int64_t *before, int64_t *after,
                                  int64_t *max);

#endif
