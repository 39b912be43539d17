/*
** The online knowledge test's store (training_quiz.h): the questions of an
** event with their right answers, the test a person takes before and after
** it from their own link, scored here. The questions are checked by the
** surveys module's rules (surveys.h); the organiser's and the person's
** pages are training_quiz.c.
*/
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/str.h"
#include "core/warsaw.h"
#include "db/db.h"
#include "monitoring/monitoring.h"
#include "surveys/surveys.h"
#include "training/strings_pl.h"
#include "training/training.h"
#include "training/training_quiz.h"

static void
question_row(struct arena *a, db_stmt *st, void *elem)
{
    struct training_question *x = elem;

    x->q.id = db_col_int(st, 0);
    x->q.pos = (int)db_col_int(st, 1);
    x->q.kind = db_col_text_dup(a, st, 2);
    x->q.text = db_col_text_dup(a, st, 3);
    survey_options_split(db_col_text_dup(a, st, 4), &x->q);
    x->correct = (unsigned)db_col_int(st, 5);
}

int
training_quiz_questions(struct db *db, struct arena *a, int64_t id,
                        struct training_question **out)
{
    return db_list(db_query_id(db, Q_TR_QUIZ_QUESTIONS, id), a, sizeof(**out),
                   question_row, out);
}

/* Check question k (from 1): what surveys check, then the test's rules. */
static void
check(struct arena *a, const struct training_question *x, int k,
      const char ***errs, int *nerrs)
{
    const struct survey_question *q = &x->q;
    bool single = q->kind != NULL && strcmp(q->kind, "single") == 0;
    bool multiple = q->kind != NULL && strcmp(q->kind, "multiple") == 0;

    survey_question_check(a, q, k, errs, nerrs);
    if (!single && !multiple) {
        mon_add_err(a, errs, nerrs, arena_printf(a, T_TR_ERR_Q_KIND, k));
    } else if (q->noptions > TRAINING_QUIZ_OPTIONS ||
               (x->correct >> q->noptions) != 0 || x->correct == 0 ||
               (single && (x->correct & (x->correct - 1)) != 0)) {
        mon_add_err(a, errs, nerrs, arena_printf(a, T_TR_ERR_Q_RIGHT, k));
    }
}

int
training_quiz_set(struct db *db, struct arena *a, const struct audit_entry *who,
                  int64_t id, const struct training_question *q, int n,
                  const char ***errs, int *nerrs)
{
    struct audit_entry e = *who;
    struct training_question *old;
    struct training t;
    int64_t taken;
    db_stmt *st;
    int rc, k, nold;

    *nerrs = 0;
    if (n > TRAINING_QUIZ_MAX) {
        mon_add_err(a, errs, nerrs, T_TR_ERR_Q_MANY);
        return ERR_INPUT;
    }
    for (k = 0; k < n; k++) {
        check(a, &q[k], k + 1, errs, nerrs);
    }
    if (*nerrs > 0) {
        return ERR_INPUT;
    }
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    if ((rc = training_get(db, a, id, &t)) != 0 ||
        (rc = db_one_int(db_query_id(db, Q_TR_QUIZ_TAKEN, id), &taken)) != 0) {
        goto done;
    }
    if (taken > 0) {
        mon_add_err(a, errs, nerrs, T_TR_QUIZ_LOCKED);
        rc = ERR_CONFLICT;
        goto done;
    }
    if ((nold = training_quiz_questions(db, a, id, &old)) < 0) {
        rc = nold;
        goto done;
    }
    rc = db_exec(db_query_id(db, Q_TR_QUIZ_CLEAR, id));
    for (k = 0; rc == 0 && k < n; k++) {
        st = db_query(db, Q_TR_QUIZ_ADD);
        db_bind_int(st, 1, id);
        db_bind_int(st, 2, k + 1);
        db_bind_text(st, 3, q[k].q.kind);
        db_bind_text(st, 4, str_trim(a, q[k].q.text));
        db_bind_text(st, 5, survey_options_join(a, &q[k].q));
        db_bind_int(st, 6, q[k].correct);
        rc = db_exec(st);
    }
    if (rc == 0) {
        e.action = "training.quiz";
        e.entity = "training";
        e.entity_id = arena_printf(a, "%lld", (long long)id);
        e.before = arena_printf(a, "{\"questions\":%d}", nold);
        e.after = arena_printf(a, "{\"questions\":%d}", n);
        rc = audit_add(db, &e);
    }
done:
    return db_end(db, rc);
}

int
training_quiz_score(const struct training_question *q, int n,
                    const unsigned *chosen)
{
    int k, score = 0;

    for (k = 0; k < n; k++) {
        score += chosen[k] == q[k].correct;
    }
    return score;
}

int
training_quiz_state(struct db *db, struct arena *a,
                    const struct training_signup *s, const struct training *t,
                    const char *today, struct training_quiz_state *out)
{
    struct training_question *q;
    db_stmt *st;
    int rc;

    memset(out, 0, sizeof(*out));
    if ((out->nquestions = training_quiz_questions(db, a, t->id, &q)) < 0) {
        return out->nquestions;
    }
    st = db_query_id(db, Q_TR_QUIZ_OF, s->id);
    while ((rc = db_step(st)) == DB_ROW) {
        bool after = strcmp(db_col_text(st, 0), "after") == 0;

        *(after ? &out->has_after : &out->has_before) = true;
        *(after ? &out->after : &out->before) = db_col_int(st, 1);
        out->max = db_col_int(st, 2);
    }
    db_done(st);
    if (rc != DB_DONE) {
        return rc;
    }
    if (out->has_before && out->has_after) {
        out->open = TQ_DONE;
    } else if (out->nquestions == 0 || strcmp(s->status, "confirmed") != 0) {
        out->open = TQ_NONE;
    } else if (!out->has_before) {
        out->open = strcmp(today, t->date_from) <= 0 ? TQ_BEFORE : TQ_MISSED;
    } else {
        out->open = strcmp(today, t->date_to) >= 0 ? TQ_AFTER : TQ_WAIT;
    }
    return 0;
}

/* The options chosen in answer in to question q, as bits. */
static unsigned
chosen_bits(const struct survey_question *q, const struct survey_answer_in *in,
            int64_t v)
{
    unsigned b = 0;
    int i;

    if (strcmp(q->kind, "single") == 0) {
        return 1u << (v - 1);
    }
    for (i = 0; i < q->noptions; i++) {
        b |= in->chosen[i] ? 1u << i : 0;
    }
    return b;
}

int
training_quiz_take(struct db *db, struct arena *a,
                   const struct audit_entry *who, const char *token,
                   const char *today, const struct survey_answer_in *in,
                   const char **phase, int *score, int *max, const char ***errs,
                   int *nerrs)
{
    struct audit_entry e = *who;
    struct training_signup s;
    struct training t;
    struct training_quiz_state qs;
    struct training_question *q;
    unsigned chosen[TRAINING_QUIZ_MAX];
    char now[UTC_STAMP_SIZE];
    const char *answers = "";
    db_stmt *st;
    int rc, n, k;

    *nerrs = 0;
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    if ((rc = training_signup_by_token(db, a, token, &s)) != 0 ||
        (rc = training_get(db, a, s.training_id, &t)) != 0 ||
        (rc = training_quiz_state(db, a, &s, &t, today, &qs)) != 0) {
        goto done;
    }
    if (qs.open != TQ_BEFORE && qs.open != TQ_AFTER) {
        mon_add_err(a, errs, nerrs, T_TR_QUIZ_CLOSED);
        rc = ERR_CONFLICT;
        goto done;
    }
    if ((n = training_quiz_questions(db, a, t.id, &q)) < 0) {
        rc = n;
        goto done;
    }
    n = n > TRAINING_QUIZ_MAX ? TRAINING_QUIZ_MAX : n; /* as stored: never */
    for (k = 0; k < n; k++) {
        int64_t v = 0;
        const char *why = survey_answer_check(a, &q[k].q, &in[k], k + 1, &v);

        if (why != NULL) {
            mon_add_err(a, errs, nerrs, why);
            continue;
        }
        chosen[k] = chosen_bits(&q[k].q, &in[k], v);
        answers = arena_printf(a, "%s%s%u", answers, k ? "," : "", chosen[k]);
    }
    if (*nerrs > 0) {
        rc = ERR_INPUT;
        goto done;
    }
    *phase = qs.open == TQ_BEFORE ? "before" : "after";
    *score = training_quiz_score(q, n, chosen);
    *max = n;
    st = db_query(db, Q_TR_QUIZ_STORE);
    db_bind_int(st, 1, s.id);
    db_bind_text(st, 2, *phase);
    db_bind_int(st, 3, *score);
    db_bind_int(st, 4, n);
    db_bind_text(st, 5, answers);
    db_bind_text(st, 6, utc_stamp_now(now, false));
    if ((rc = db_exec(st)) != 0) {
        goto done;
    }
    e.action = "training.quiz_take";
    e.entity = "training_signup";
    e.entity_id = arena_printf(a, "%lld", (long long)s.id);
    e.after = arena_printf(a, "{\"phase\":\"%s\",\"score\":%d,\"max\":%d}",
                           *phase, *score, n);
    rc = audit_add(db, &e);
done:
    return db_end(db, rc);
}

static void
result_row(struct arena *a, db_stmt *st, void *elem)
{
    struct training_quiz_result *x = elem;

    (void)a;
    x->signup_id = db_col_int(st, 0);
    x->after = db_col_int(st, 1) != 0;
    x->score = db_col_int(st, 2);
    x->max = db_col_int(st, 3);
}

int
training_quiz_results(struct db *db, struct arena *a, int64_t id,
                      struct training_quiz_result **out)
{
    return db_list(db_query_id(db, Q_TR_QUIZ_RESULTS, id), a, sizeof(**out),
                   result_row, out);
}

const char *
training_quiz_counted(const struct training_signup *s,
                      const struct training_quiz_result *res, int nres,
                      int64_t *before, int64_t *after, int64_t *max)
{
    int i, found = 0;

    for (i = 0; i < nres; i++) {
        if (res[i].signup_id == s->id) {
            *(res[i].after ? after : before) = res[i].score;
            *max = res[i].max;
            found++;
        }
    }
    if (found == 2) {
        return "online";
    }
    if (s->has_test) {
        *before = s->before_pts;
        *after = s->after_pts;
        *max = s->max_points;
        return "paper";
    }
    return NULL;
}
