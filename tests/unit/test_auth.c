/*
** Unit tests of auth's store for issues 17, 18, 19. The one outbox of
** e-mail (mail_store.c): a queued message is taken once and held while a run
*sends it;
** a delivered one is never taken again; a failed one waits a pause that
** doubles and is given up after AUTH_MAIL_ATTEMPTS tries; forgetting
** deletes by record or by address within a kind and nothing else; purge
** deletes what was queued before the day given, with an audit row. The
** throttle of public forms (session_store.c): per address and target and
** per address, Retry-After when the oldest leaves the hour, refusals not
** counted, logins apart.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "auth/auth.h"
#include "core/arena.h"
#include "core/err.h"
#include "db/db.h"

static struct db *db;
static struct arena a;

static int
setup(void **state)
{
    char err[256];

    (void)state;
    arena_init(&a);
    return db_open(":memory:", DB_OPEN_CREATE, &db, err, sizeof(err));
}

static int
teardown(void **state)
{
    (void)state;
    db_close(db);
    arena_free(&a);
    return 0;
}

/* Empty the outbox between tests: everything queued before tomorrow. */
static void
empty(void)
{
    int64_t n;

    assert_int_equal(auth_mail_purge(db, (int64_t)time(NULL) + 86400, &n), 0);
}

static int64_t
waiting(void)
{
    int64_t n = -1;

    assert_int_equal(auth_mail_waiting(db, &n), 0);
    return n;
}

static void
test_auth_mail_taken_once_and_held(void **state)
{
    int64_t now = (int64_t)time(NULL), second;
    struct auth_mail *m;

    (void)state;
    empty();
    assert_int_equal(auth_mail_queue(db, "training.signup", 7, "a@b.pl",
                                     "Temat", "Tekst\nz linkiem"),
                     0);
    assert_int_equal(
        auth_mail_queue(db, "grant.org", 0, "c@d.pl", "Drugi", "B"), 0);
    assert_int_equal(waiting(), 2);
    /* Oldest first, with what was queued. */
    assert_int_equal(auth_mail_take(db, &a, now, 1, &m), 1);
    assert_string_equal(m[0].kind, "training.signup");
    assert_int_equal(m[0].ref, 7);
    assert_string_equal(m[0].to, "a@b.pl");
    assert_string_equal(m[0].subject, "Temat");
    assert_string_equal(m[0].body, "Tekst\nz linkiem");
    assert_int_equal(m[0].attempts, 0);
    /* Held: a second run now gets only the other one. */
    assert_int_equal(auth_mail_take(db, &a, now, 10, &m), 1);
    assert_string_equal(m[0].kind, "grant.org");
    assert_int_equal(m[0].ref, 0);
    second = m[0].id;
    assert_int_equal(auth_mail_take(db, &a, now, 10, &m), 0);
    /* Delivered: never taken again, even after the hold. */
    assert_int_equal(auth_mail_delivered(db, second, now), 0);
    assert_int_equal(waiting(), 1);
    assert_int_equal(auth_mail_take(db, &a, now + AUTH_MAIL_LEASE, 10, &m), 1);
    assert_string_equal(m[0].kind, "training.signup");
    assert_int_equal(auth_mail_delivered(db, m[0].id, now), 0);
    assert_int_equal(waiting(), 0);
    assert_int_equal(auth_mail_take(db, &a, now + 10 * AUTH_MAIL_LEASE, 10, &m),
                     0);
}

static void
test_auth_mail_failures_wait_longer_then_give_up(void **state)
{
    int64_t now = (int64_t)time(NULL), pause = AUTH_MAIL_RETRY;
    struct auth_mail *m;
    bool given_up = true;
    int i;

    (void)state;
    empty();
    assert_int_equal(auth_mail_queue(db, "forum.reply", 3, "e@f.pl", "S", "B"),
                     0);
    for (i = 0; i < AUTH_MAIL_ATTEMPTS; i++) {
        assert_int_equal(auth_mail_take(db, &a, now, 10, &m), 1);
        assert_int_equal(m[0].attempts, i);
        assert_int_equal(auth_mail_failed(db, &m[0], now,
                                          "sendmail did not take it",
                                          &given_up),
                         0);
        assert_int_equal(given_up, i + 1 == AUTH_MAIL_ATTEMPTS);
        /* Not before the pause, which doubles each time. */
        assert_int_equal(auth_mail_take(db, &a, now + pause - 1, 10, &m), 0);
        now += pause;
        pause *= 2;
    }
    /* Given up: kept (for purge) but never tried again. */
    assert_int_equal(waiting(), 0);
    assert_int_equal(auth_mail_take(db, &a, now + 365 * 86400, 10, &m), 0);
}

static void
test_auth_mail_forget_by_record_or_address_within_a_kind(void **state)
{
    int64_t now = (int64_t)time(NULL);
    struct auth_mail *m;

    (void)state;
    empty();
    assert_int_equal(
        auth_mail_queue(db, "training.signup", 1, "x@y.pl", "1", "1"), 0);
    assert_int_equal(
        auth_mail_queue(db, "training.signup", 2, "x@y.pl", "2", "2"), 0);
    assert_int_equal(auth_mail_queue(db, "forum.reply", 1, "x@y.pl", "3", "3"),
                     0);
    assert_int_equal(auth_mail_queue(db, "forum.reply", 5, "z@y.pl", "4", "4"),
                     0);
    /* The record's messages only: sign-up 1, not forum post 1. */
    assert_int_equal(auth_mail_forget(db, "training.signup", 1, NULL), 0);
    assert_int_equal(waiting(), 3);
    /* A person's messages of one kind: not their training's. */
    assert_int_equal(auth_mail_forget(db, "forum.reply", 0, "x@y.pl"), 0);
    assert_int_equal(auth_mail_take(db, &a, now, 10, &m), 2);
    assert_string_equal(m[0].subject, "2");
    assert_string_equal(m[1].subject, "4");
}

static void
test_auth_mail_purge_deletes_what_was_queued_before(void **state)
{
    int64_t now = (int64_t)time(NULL), n = -1, audits = 0, before = 0;
    const struct audit_filter f = {.action = "mail.purge"};

    (void)state;
    empty();
    assert_int_equal(audit_total(db, &a, &f, &before), 0);
    assert_int_equal(auth_mail_queue(db, "grant.org", 9, "o@p.pl", "S", "B"),
                     0);
    /* Queued now: kept by a purge of what is older than a minute. */
    assert_int_equal(auth_mail_purge(db, now - 60, &n), 0);
    assert_int_equal(n, 0);
    assert_int_equal(waiting(), 1);
    assert_int_equal(auth_mail_purge(db, now + 60, &n), 0);
    assert_int_equal(n, 1);
    assert_int_equal(waiting(), 0);
    /* Each purge is one audit row. */
    assert_int_equal(audit_total(db, &a, &f, &audits), 0);
    assert_int_equal(audits, before + 2);
}

static void
test_auth_form_submit_limits_per_target_and_address(void **state)
{
    int64_t t0 = 1900000000, wait = -1;
    struct auth_login_result res;
    int i;

    (void)state;
    /* Three to one target at t0, t0+10, t0+20; the fourth waits until
     * the first is an hour old. */
    for (i = 0; i < 3; i++) {
        assert_int_equal(
            auth_form_submit(db, "/a", "10.0.0.1", t0 + 10 * i, 5, 3, &wait),
            0);
        assert_int_equal(wait, 0);
    }
    assert_int_equal(
        auth_form_submit(db, "/a", "10.0.0.1", t0 + 30, 5, 3, &wait),
        ERR_CONFLICT);
    assert_int_equal(wait, AUTH_FORM_WINDOW - 30);
    /* Refused ones do not count: another target still has places ... */
    assert_int_equal(
        auth_form_submit(db, "/b", "10.0.0.1", t0 + 40, 5, 3, &wait), 0);
    assert_int_equal(
        auth_form_submit(db, "/c", "10.0.0.1", t0 + 50, 5, 3, &wait), 0);
    /* ... until the address has 5 in the hour, whatever the target. */
    assert_int_equal(
        auth_form_submit(db, "/d", "10.0.0.1", t0 + 60, 5, 3, &wait),
        ERR_CONFLICT);
    assert_int_equal(wait, AUTH_FORM_WINDOW - 60);
    /* Another address, and no limit (0), are not held. */
    assert_int_equal(
        auth_form_submit(db, "/a", "10.0.0.2", t0 + 60, 5, 3, &wait), 0);
    assert_int_equal(
        auth_form_submit(db, "/e", "10.0.0.1", t0 + 60, 0, 0, &wait), 0);
    /* When Retry-After said: an hour after the first, its place is free,
     * and only its. */
    assert_int_equal(auth_form_submit(db, "/a", "10.0.0.1",
                                      t0 + AUTH_FORM_WINDOW, 100, 3, &wait),
                     0);
    assert_int_equal(auth_form_submit(db, "/a", "10.0.0.1",
                                      t0 + AUTH_FORM_WINDOW, 100, 3, &wait),
                     ERR_CONFLICT);
    assert_int_equal(wait, 10);
    /* None of it is a failed login: a wrong one from there is the first. */
    assert_int_equal(auth_login(db, &a, "nobody", "wrong-password-here",
                                "10.0.0.1", t0 + AUTH_FORM_WINDOW, &res),
                     ERR_DENIED);
    assert_int_equal(res.failures, 1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_auth_mail_taken_once_and_held),
        cmocka_unit_test(test_auth_mail_failures_wait_longer_then_give_up),
        cmocka_unit_test(
            test_auth_mail_forget_by_record_or_address_within_a_kind),
        cmocka_unit_test(test_auth_mail_purge_deletes_what_was_queued_before),
        cmocka_unit_test(test_auth_form_submit_limits_per_target_and_address),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
