/*
** Unit tests of trainings (issue 18), on the store: seats go by the order
** of confirmation and a cancelled seat to the first of the waiting list;
** a person and an institution count once per project and only when
** present; the seed 004 card's indicators are recognised by name; erasing
** is refused while a project needs the data; purge keeps what is not past
** its retention; the online knowledge test scores a question only when
** exactly its right options are chosen, opens the test after only on the
** last day, and keeps its questions once taken.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/err.h"
#include "db/db.h"
#include "plan/plan.h"
#include "plan/plan_store.h"
#include "teryt/teryt.h"
#include "training/training.h"
#include "training/training_quiz.h"

#include "plan_db_fixture.h"

static int64_t card;
static const struct audit_entry who = {.account = "test", .via = "cli"};

static int
setup(void **state)
{
    (void)state;
    if (plan_db_setup(SEEDS_DIR "/004_0cfe7b40028c7edc.txt", &who, &card) !=
        0) {
        return -1;
    }
    return 0;
}

/* An event of next year serving the card (or no plan), with capacity
 * seats. */
static int64_t
event_of(int capacity, int64_t plan)
{
    struct training t = {0};
    const char **errs;
    time_t now = time(NULL);
    struct tm tm;
    int nerrs;

    gmtime_r(&now, &tm);
    t.region = "04";
    t.kind = "training";
    t.title = "Test";
    t.date_from = t.date_to = arena_printf(&a, "%d-05-05", tm.tm_year + 1901);
    t.gmina = "0463011";
    t.capacity = capacity;
    t.groups = "team";
    t.plan_id = plan;
    assert_int_equal(training_create(db, &a, &who, &t, &errs, &nerrs), 0);
    return t.id;
}

static int64_t
event(int capacity)
{
    return event_of(capacity, card);
}

/* Sign email up for event id from institution org, confirmed: its link. */
static const char *
signed_up(int64_t id, const char *email, const char *org)
{
    struct training_signup_in in = {0};
    const char **errs, *token;
    int nerrs;

    in.name = "Jan Test";
    in.email = email;
    in.org = org;
    in.org_kind = "ops";
    in.gmina = "0463011";
    in.group = "team";
    in.consent = true;
    assert_int_equal(training_signup(db, &a, &who, id, &in, "http://x", &token,
                                     &errs, &nerrs),
                     0);
    assert_int_equal(training_confirm(db, &a, &who, token, "http://x"), 0);
    return token;
}

static const char *
status(const char *token)
{
    struct training_signup s;

    assert_int_equal(training_signup_by_token(db, &a, token, &s), 0);
    return s.status;
}

static void
test_training_waiting_list_promotes_in_order(void **state)
{
    int64_t id = event(1);
    const char *t1 = signed_up(id, "a@x.pl", "OPS A");
    const char *t2 = signed_up(id, "b@x.pl", "OPS B");
    const char *t3 = signed_up(id, "c@x.pl", "OPS C");

    (void)state;
    assert_string_equal(status(t1), "confirmed");
    assert_string_equal(status(t2), "waiting");
    assert_string_equal(status(t3), "waiting");
    assert_int_equal(training_cancel(db, &a, &who, t1, "http://x"), 0);
    assert_string_equal(status(t1), "cancelled");
    assert_string_equal(status(t2), "confirmed");
    assert_string_equal(status(t3), "waiting");
    /* cancelling twice changes nothing more */
    assert_int_equal(training_cancel(db, &a, &who, t1, "http://x"), 0);
    assert_string_equal(status(t3), "waiting");
}

/* The value counted for indicator pos of the card. */
static int64_t
counted(int pos, enum training_measure want)
{
    struct training_indicator *v;
    struct training_kind_count *k;
    int nk, n = training_plan_indicators(db, &a, card, &v, &k, &nk);

    assert_true(n == 4);
    assert_int_equal(v[pos].measure, want);
    assert_true(v[pos].has_value);
    return v[pos].value;
}

static void
test_training_person_and_institution_count_once(void **state)
{
    int64_t e1 = event(5), e2 = event(5);
    struct training_signup s1, s2, s3;
    const char *k1 = signed_up(e1, "p@x.pl", "MOPR Toruń");
    const char *k2 = signed_up(e2, "P@X.pl", "mopr toruń");
    const char *k3 = signed_up(e2, "q@x.pl", "PCPR Toruń");
    int64_t p1, p2, p3;

    (void)state;
    assert_int_equal(training_signup_by_token(db, &a, k1, &s1), 0);
    assert_int_equal(training_signup_by_token(db, &a, k2, &s2), 0);
    assert_int_equal(training_signup_by_token(db, &a, k3, &s3), 0);
    /* the same folded name in the same gmina is one institution */
    assert_int_equal(s1.institution_id, s2.institution_id);
    p1 = counted(0, TM_PERSONS);
    p2 = s1.id;
    assert_int_equal(
        training_attendance_set(db, &who, e1, "2000-01-01", &p2, 1), ERR_INPUT);
    {
        struct training t;

        assert_int_equal(training_get(db, &a, e1, &t), 0);
        assert_int_equal(
            training_attendance_set(db, &who, e1, t.date_from, &p2, 1), 0);
        p3 = s2.id;
        assert_int_equal(
            training_attendance_set(db, &who, e2, t.date_from, &p3, 1), 0);
    }
    /* present twice (two events), one person and one institution more;
     * the absent third one does not count */
    assert_int_equal(counted(0, TM_PERSONS), p1 + 1);
    assert_int_equal(counted(1, TM_INSTITUTIONS), 1);
    assert_int_equal(counted(2, TM_QUALIFIED), 0);
    assert_int_equal(training_test_set(db, &who, e2, s2.id, 2, 5, 10), 0);
    assert_int_equal(counted(2, TM_QUALIFIED), 1);
    /* needed for the project: not erased */
    {
        const char *keep = NULL;

        assert_int_equal(training_erase(db, &a, &who, k1, "http://x", &keep),
                         ERR_CONFLICT);
        assert_non_null(keep);
        assert_int_equal(training_erase(db, &a, &who, k3, "http://x", &keep),
                         0);
        assert_int_equal(training_signup_by_token(db, &a, k3, &s3),
                         ERR_NOTFOUND);
    }
}

/* Issue certificates to the confirmed sign-ups of id present on its day. */
static int
issue(int64_t id)
{
    struct training_signup *s;
    struct training t;
    int64_t present[8];
    int n = training_signups(db, &a, id, &s), i, k = 0, issued;

    assert_int_equal(training_get(db, &a, id, &t), 0);
    for (i = 0; i < n; i++) {
        present[k++] = s[i].id;
    }
    assert_int_equal(
        training_attendance_set(db, &who, id, t.date_from, present, k), 0);
    assert_int_equal(training_certificates_issue(db, &who, id, &issued), 0);
    return issued;
}

static void
test_training_certificate_numbers_are_never_given_twice(void **state)
{
    int64_t id = event_of(5, 0);
    const char *t1 = signed_up(id, "c1@x.pl", "OPS");
    const char *keep = NULL, *last;
    struct training_signup s;

    (void)state;
    signed_up(id, "c2@x.pl", "OPS");
    assert_int_equal(issue(id), 2);
    assert_int_equal(training_signup_by_token(db, &a, t1, &s), 0);
    assert_non_null(s.certificate);
    /* no project needs it: erased, certificate and all */
    assert_int_equal(training_erase(db, &a, &who, t1, "http://x", &keep), 0);
    last = signed_up(id, "c3@x.pl", "OPS");
    assert_int_equal(issue(id), 1);
    assert_int_equal(training_signup_by_token(db, &a, last, &s), 0);
    /* the third number of the year, not the erased first one's again */
    assert_string_equal(s.certificate + strlen(s.certificate) - 6, "000003");
}

static void
test_training_purge_keeps_what_is_not_past_retention(void **state)
{
    int64_t n = -1;

    (void)state;
    /* everything signed up here is kept for years */
    assert_int_equal(training_purge(db, "2030-01-01", &n), 0);
    assert_int_equal(n, 0);
    assert_int_equal(training_purge(db, "2999-01-01", &n), 0);
    assert_true(n > 0);
}

static void
test_training_quiz_scores_and_locks(void **state)
{
    struct training_question q[2];
    struct survey_answer_in in[SURVEY_QUESTIONS_MAX];
    unsigned all[2] = {2, 5}, half[2] = {2, 1}, none[2] = {1, 7};
    const char **errs = NULL, *phase = NULL, *today;
    int64_t id = event(5);
    const char *token = signed_up(id, "quiz@x.pl", "OPS Q");
    int nerrs = 0, score = -1, max = -1;

    (void)state;
    memset(q, 0, sizeof(q));
    q[0].q.kind = "single";
    q[0].q.text = "Jedno?";
    q[0].q.options[0] = "A";
    q[0].q.options[1] = "B";
    q[0].q.options[2] = "C";
    q[0].q.noptions = 3;
    q[0].correct = 3; /* two right in a single choice */
    q[1] = q[0];
    q[1].q.kind = "multiple";
    q[1].correct = 5; /* A and C */
    assert_int_equal(training_quiz_set(db, &a, &who, id, q, 2, &errs, &nerrs),
                     ERR_INPUT);
    assert_int_equal(nerrs, 1);
    assert_int_equal(
        training_quiz_questions(db, &a, id, &(struct training_question *){0}),
        0);
    q[0].correct = 2; /* B */
    assert_int_equal(training_quiz_set(db, &a, &who, id, q, 2, &errs, &nerrs),
                     0);
    assert_int_equal(training_quiz_score(q, 2, all), 2);
    assert_int_equal(training_quiz_score(q, 2, half), 1); /* A alone: none */
    assert_int_equal(training_quiz_score(q, 2, none), 0); /* A, B, C: none */
    memset(in, 0, sizeof(in));
    in[0].value = "2";
    in[1].chosen[0] = in[1].chosen[2] = true;
    today = training_today_iso(&a);
    assert_int_equal(training_quiz_take(db, &a, &who, token, today, in, &phase,
                                        &score, &max, &errs, &nerrs),
                     0);
    assert_string_equal(phase, "before");
    assert_int_equal(score, 2);
    assert_int_equal(max, 2);
    /* the event is next year: the test after is not open yet */
    assert_int_equal(training_quiz_take(db, &a, &who, token, today, in, &phase,
                                        &score, &max, &errs, &nerrs),
                     ERR_CONFLICT);
    /* and the questions stay as they were */
    assert_int_equal(training_quiz_set(db, &a, &who, id, q, 1, &errs, &nerrs),
                     ERR_CONFLICT);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_training_waiting_list_promotes_in_order),
        cmocka_unit_test(test_training_person_and_institution_count_once),
        cmocka_unit_test(
            test_training_certificate_numbers_are_never_given_twice),
        cmocka_unit_test(test_training_quiz_scores_and_locks),
        cmocka_unit_test(test_training_purge_keeps_what_is_not_past_retention),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
