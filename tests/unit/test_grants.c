/*
** Unit tests of grants (issue 17): Warsaw local time to UTC across the
** clock changes, the call form's checks (each message names its field,
** nothing half-checked passes), and the store: a draft saved with its
** areas and criteria and its plan task, audited, changed, published once.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "db/db.h"
#include "grants/grants.h"
#include "plan/plan.h"
#include "plan/plan_store.h"
#include "teryt/teryt.h"

#include "plan_db_fixture.h"

static int64_t plan_id;
static struct mon_actor coord;

static int
setup(void **state)
{
    static const struct audit_entry who = {.via = "cli", .action = "test"};

    (void)state;
    coord = coordinator(1, "koord", "cli");
    /* seed 002: the 2024 plan whose rows 6-7 are the grant areas */
    return plan_db_setup(SEEDS_DIR "/002_8d4882d2d6e0411e.txt", &who, &plan_id);
}

static void
test_grants_warsaw_to_utc_across_clock_changes(void **state)
{
    char out[UTC_STAMP_SIZE];

    (void)state;
    assert_true(grant_warsaw_to_utc("2027-01-15", "16:00", out));
    assert_string_equal(out, "2027-01-15T15:00:00Z"); /* CET, UTC+1 */
    assert_true(grant_warsaw_to_utc("2027-06-30", "23:59", out));
    assert_string_equal(out, "2027-06-30T21:59:00Z"); /* CEST, UTC+2 */
    /* 28 March 2027: 02:00 becomes 03:00, 02:30 never happens */
    assert_false(grant_warsaw_to_utc("2027-03-28", "02:30", out));
    assert_true(grant_warsaw_to_utc("2027-03-28", "03:00", out));
    assert_string_equal(out, "2027-03-28T01:00:00Z");
    /* 31 October 2027: 02:30 happens twice, the first (summer) one */
    assert_true(grant_warsaw_to_utc("2027-10-31", "02:30", out));
    assert_string_equal(out, "2027-10-31T00:30:00Z");
    assert_true(grant_warsaw_to_utc("2027-12-31", "23:30", out));
    assert_string_equal(out, "2027-12-31T22:30:00Z");
    assert_false(grant_warsaw_to_utc("2027-02-30", "12:00", out));
    assert_false(grant_warsaw_to_utc("2027-02-10", "24:00", out));
    assert_false(grant_warsaw_to_utc("2027-02-10", "9:00", out));
}

static void
fill(struct grant_call_form *f)
{
    memset(f, 0, sizeof(*f));
    f->kind = "grant";
    f->title = "Wspieranie rodziny 2027";
    f->plan = NULL;
    f->max_grant = "50 000,00";
    f->min_own = "10";
    f->until_date = "2030-02-15";
    f->until_time = "15:30";
    f->results_by = "2030-03-31";
    f->correction_days = "7";
    f->task_from = "2030-04-01";
    f->task_to = "2030-12-31";
    f->area_name[0] = "Profilaktyka";
    f->area_budget[0] = "600 000,00";
    f->area_name[1] = "Wsparcie rodzin";
    f->area_budget[1] = "500.000";
    f->formal[0] = "Oferta złożona w terminie";
    f->merit[0] = "Jakość projektu";
    f->merit_max[0] = "20";
    f->merit[1] = "Koszty";
    f->merit_max[1] = "10";
}

static bool
has(const char **errs, int n, const char *needle)
{
    int i;

    for (i = 0; i < n; i++) {
        if (strstr(errs[i], needle) != NULL) {
            return true;
        }
    }
    return false;
}

static void
test_grants_call_check_sums_and_names_fields(void **state)
{
    struct grant_call_form f;
    struct grant_call c;
    const char **errs;
    int n;

    (void)state;
    fill(&f);
    assert_int_equal(
        grant_call_check(&a, &f, "2029-01-01T00:00:00Z", &c, &errs, &n), 0);
    assert_int_equal(c.amount, 110000000); /* 600 000 + 500 000 zł */
    assert_int_equal(c.nareas, 2);
    assert_int_equal(c.max_grant, 5000000);
    assert_int_equal(c.min_own_permille, 100);
    assert_string_equal(c.offers_until, "2030-02-15T14:30:00Z");
    assert_int_equal(c.ncriteria, 3);

    f.max_grant = "700 000,00";       /* above the largest area */
    f.min_own = "12,55";              /* two decimals */
    f.area_budget[1] = "pół miliona"; /* not money */
    f.until_time = "25:00";           /* not a time */
    f.merit_max[1] = "0";             /* not 1..100 */
    f.area_budget[2] = "1 000,00";    /* a budget without a name */
    assert_int_equal(
        grant_call_check(&a, &f, "2029-01-01T00:00:00Z", &c, &errs, &n),
        ERR_INPUT);
    assert_true(has(errs, n, "Obszar 2 – kwota: „pół miliona”"));
    assert_true(has(errs, n, "Obszar 3 – nazwa"));
    assert_true(has(errs, n, "Minimalny wkład własny (%): „12,55”"));
    assert_true(has(errs, n, "Oferty do – godzina"));
    assert_true(has(errs, n, "Kryterium merytoryczne 2 – punkty: „0”"));
    assert_true(has(errs, n, "Najwyższa dotacja (nagroda): 700 000,00 zł"));

    fill(&f);
    f.results_by = "2030-02-01"; /* before the deadline */
    assert_int_equal(
        grant_call_check(&a, &f, "2031-01-01T00:00:00Z", &c, &errs, &n),
        ERR_INPUT);
    assert_true(has(errs, n, "Wyniki do dnia: wyniki nie mogą"));
    assert_true(has(errs, n, "musi być w przyszłości"));
    fill(&f);
    f.formal[0] = "";
    f.merit[0] = f.merit[1] = "";
    f.merit_max[0] = f.merit_max[1] = "";
    assert_int_equal(
        grant_call_check(&a, &f, "2029-01-01T00:00:00Z", &c, &errs, &n),
        ERR_INPUT);
    assert_true(has(errs, n, "Kryteria oceny formalnej"));
    assert_true(has(errs, n, "Kryteria oceny merytorycznej"));
}

/* Audit rows whose action begins with prefix. */
static int64_t
audited(const char *prefix)
{
    struct audit_filter flt = {.action = prefix};
    int64_t n = -1;

    assert_int_equal(audit_total(db, &a, &flt, &n), 0);
    return n;
}

static void
test_grants_call_saved_audited_and_published_once(void **state)
{
    struct grant_call_form f;
    struct grant_call c;
    const char **errs, *why;
    int64_t id = 0, id2 = 0;
    int n;

    (void)state;
    fill(&f);
    f.plan = arena_printf(&a, "%ld", (long)plan_id);
    f.task = "99";
    assert_int_equal(grant_call_save(db, &a, &coord, 0, &f, &id, &errs, &n),
                     ERR_INPUT);
    assert_true(has(errs, n, "Numer zadania planu: plan nie ma zadania"));
    f.task = "6";
    assert_int_equal(grant_call_save(db, &a, &coord, 0, &f, &id, &errs, &n), 0);
    assert_true(id > 0);
    assert_int_equal(grant_call_get(db, &a, id, &c), 0);
    assert_string_equal(c.status, "draft");
    assert_string_equal(c.task, "6");
    assert_int_equal(c.plan_id, plan_id);
    assert_int_equal(c.nareas, 2);
    assert_string_equal(c.areas[1].name, "Wsparcie rodzin");
    assert_int_equal(c.ncriteria, 3);
    assert_string_equal(c.criteria[0].stage, "formal");

    /* a draft changes whole: one area less */
    f.area_name[1] = f.area_budget[1] = NULL;
    assert_int_equal(grant_call_save(db, &a, &coord, id, &f, &id2, &errs, &n),
                     0);
    assert_int_equal(id2, id);
    assert_int_equal(grant_call_get(db, &a, id, &c), 0);
    assert_int_equal(c.nareas, 1);
    assert_int_equal(c.amount, 60000000);

    /* another region's office cannot touch it */
    {
        struct mon_actor other = coord;

        other.region = "12";
        assert_int_equal(
            grant_call_save(db, &a, &other, id, &f, &id2, &errs, &n),
            ERR_NOTFOUND);
        assert_int_equal(grant_call_publish(db, &a, &other, id, &why),
                         ERR_NOTFOUND);
        assert_false(grant_call_visible(&other, &c));
    }
    assert_int_equal(grant_call_publish(db, &a, &coord, id, &why), 0);
    assert_int_equal(grant_call_publish(db, &a, &coord, id, &why),
                     ERR_CONFLICT);
    assert_non_null(why);
    assert_int_equal(grant_call_save(db, &a, &coord, id, &f, &id2, &errs, &n),
                     ERR_CONFLICT);
    assert_int_equal(grant_call_get(db, &a, id, &c), 0);
    assert_string_equal(c.status, "published");
    /* create, update, publish; nothing for the refusals */
    assert_int_equal(audited("grant_call.create"), 1);
    assert_int_equal(audited("grant_call.update"), 1);
    assert_int_equal(audited("grant_call.publish"), 1);
    assert_int_equal(grant_call_phase(&c, "2029-01-01T00:00:00Z"), GRANT_OPEN);
    assert_int_equal(grant_call_phase(&c, "2030-02-15T14:30:00Z"),
                     GRANT_EVALUATION);
    {
        struct mon_actor public_reader;

        memset(&public_reader, 0, sizeof(public_reader));
        assert_true(grant_call_visible(&public_reader, &c));
    }
}

static void
test_grants_krs_nip_and_email_checks(void **state)
{
    char nip[11];

    (void)state;
    assert_true(grant_krs_ok("0000123456"));
    assert_false(grant_krs_ok("123456"));
    assert_false(grant_krs_ok("00001234567"));
    assert_false(grant_krs_ok("00001234a6"));
    assert_true(grant_nip_ok("526-104-08-28", nip));
    assert_string_equal(nip, "5261040828");
    assert_true(grant_nip_ok("5261040828", nip));
    assert_false(grant_nip_ok("5261040827", nip)); /* check digit */
    assert_false(grant_nip_ok("1234567890", nip)); /* remainder 10 */
    assert_false(grant_nip_ok("52610408281", nip));
    assert_false(grant_nip_ok("526x040828", nip));
    assert_true(grant_email_ok("biuro@fundacja.org.pl"));
    assert_false(grant_email_ok("biuro@fundacja"));
    assert_false(grant_email_ok("biuro fundacja@x.pl"));
    assert_false(grant_email_ok("a@b@c.pl"));
    assert_false(grant_email_ok("@fundacja.pl"));
}

static bool
finds_has(const struct grant_finding *fs, int n, const char *field,
          const char *needle)
{
    int i;

    for (i = 0; i < n; i++) {
        if (strcmp(fs[i].field, field) == 0 &&
            strstr(fs[i].message, needle) != NULL) {
            return true;
        }
    }
    return false;
}

static void
test_grants_offer_checks_name_the_field(void **state)
{
    struct grant_area area = {1, "Profilaktyka", 60000000};
    struct grant_call c = {.max_grant = 5000000,
                           .min_own_permille = 100,
                           .task_from = "2030-04-01",
                           .task_to = "2030-12-31",
                           .areas = &area,
                           .nareas = 1};
    struct grant_action act = {1, "Warsztaty", "2030-05-01", "2030-06-30"};
    struct grant_result res = {1, "liczba rodzin", 40};
    /* 10 000,00 total: own 996,00 is 9,96 %, below 10 % */
    struct grant_cost cost = {1, "action", "Trener", 1000000, 900400, 99600, 0};
    struct grant_offer o = {.area_pos = 1,
                            .title = "Szkoła dla rodziców",
                            .place = "Toruń",
                            .description = "Warsztaty",
                            .date_from = "2030-05-01",
                            .date_to = "2030-06-30",
                            .requested = 900400,
                            .declarations = 15,
                            .actions = &act,
                            .nactions = 1,
                            .results = &res,
                            .nresults = 1,
                            .costs = &cost,
                            .ncosts = 1};
    struct grant_finding *fs;
    int n;

    (void)state;
    n = grant_offer_check(&a, &c, &o, &fs);
    assert_int_equal(n, 1);
    assert_true(finds_has(fs, n, "cost1_own", "to 9,9% kosztu"));
    cost.grant = 900000;
    cost.own_fin = 100000; /* exactly 10 % */
    o.requested = 900000;
    assert_int_equal(grant_offer_check(&a, &c, &o, &fs), 0);
    cost.total = 1000100; /* 1,00 zł more than its parts */
    o.date_to = "2031-01-15";
    o.requested = 6000000;
    o.declarations = 7;
    n = grant_offer_check(&a, &c, &o, &fs);
    assert_true(finds_has(fs, n, "cost1_total",
                          "Koszt 1 – koszt całkowity: 10 001,00 zł"));
    assert_true(
        finds_has(fs, n, "date_to", "Termin realizacji do: 2031-01-15"));
    assert_true(finds_has(fs, n, "requested", "50 000,00 zł"));
    assert_true(finds_has(fs, n, "declaration4", "Oświadczenie 4"));
    o.area_pos = 2;
    n = grant_offer_check(&a, &c, &o, &fs);
    assert_true(finds_has(fs, n, "area", "Obszar naboru"));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grants_warsaw_to_utc_across_clock_changes),
        cmocka_unit_test(test_grants_call_check_sums_and_names_fields),
        cmocka_unit_test(test_grants_call_saved_audited_and_published_once),
        cmocka_unit_test(test_grants_krs_nip_and_email_checks),
        cmocka_unit_test(test_grants_offer_checks_name_the_field),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
