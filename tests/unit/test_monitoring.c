/*
** Unit tests of monitoring (issue 7): the report's totals are the sums of
** the realisation entries, a computed indicator equals a hand count of
** its register, an implementer cannot enter another unit's task, approval
** and return leave audit rows, CSV import is all or nothing, the report
** writers produce their formats.
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
#include "core/buf.h"
#include "core/err.h"
#include "core/json.h"
#include "core/stop.h"
#include "db/db.h"
#include "monitoring/monitoring.h"
#include "plan/plan.h"
#include "plan/plan_store.h"
#include "teryt/teryt.h"
#include "users/units.h"
#include "users/users.h"

#include "plan_db_fixture.h"

static int64_t plan_id;
static struct mon_actor coord;

static int
setup(void **state)
{
    static const struct audit_entry who = {.via = "cli", .action = "test"};

    (void)state;
    coord = coordinator(1000, "koordynator", "web");
    return plan_db_setup(SEEDS_DIR "/001_bcc9bc9c7ab7a335.txt", &who, &plan_id);
}

static int
enter_why(const struct mon_actor *act, const char *kind, int pos,
          const char *source, const char *period, int64_t value,
          const char *reason, int64_t *id, struct mon_problem *why)
{
    struct mon_input in = {plan_id, kind,  pos,  source,
                           period,  value, NULL, reason};

    return mon_entry_save(db, &a, act, &in, id, why);
}

/* Enter a value; one far off the plan is confirmed with a reason. */
static int
enter(const struct mon_actor *act, const char *kind, int pos,
      const char *source, const char *period, int64_t value, int64_t *id)
{
    struct mon_problem why;

    return enter_why(act, kind, pos, source, period, value, "sprawdzone", id,
                     &why);
}

static int64_t
audit_count(const char *action)
{
    db_stmt *st = db_query(db, Q_AUDIT_LIST);
    int64_t n = 0;

    db_bind_null(st, 1);
    db_bind_text(st, 2, action);
    db_bind_null(st, 3);
    db_bind_null(st, 4);
    db_bind_int(st, 5, 100000);
    db_bind_int(st, 6, 0);
    while (db_step(st) == DB_ROW) {
        n++;
    }
    db_done(st);
    return n;
}

static int
decide(int64_t id, bool approve)
{
    const char *why = NULL;

    return mon_entry_decide(db, &a, &coord, id, approve,
                            approve ? NULL : "Do poprawy", &why);
}

/* Enter a value and approve it at once. */
static int
enter_approved(const char *kind, int pos, const char *source,
               const char *period, int64_t value)
{
    int64_t id;
    int rc = enter(&coord, kind, pos, source, period, value, &id);

    return rc != 0 ? rc : decide(id, true);
}

static void
test_monitoring_report_totals_equal_entry_sums(void **state)
{
    struct mon_report m;
    struct mon_entry *es;
    int64_t id, ind_sum = 0, spent = 0, spent_own = 0, hand_ind;
    int n, i, own;

    (void)state;
    /* Indicator 9 (task 1.4, target 2) by quarters, 13 (1.10) a year. */
    assert_int_equal(enter_approved("indicator", 9, "", "2021-Q1", 1), 0);
    assert_int_equal(enter_approved("indicator", 9, "", "2021-Q3", 2), 0);
    assert_int_equal(enter_approved("indicator", 13, "", "2021", 17), 0);
    /* A newer approved value replaces the old one; history keeps both. */
    assert_int_equal(enter_approved("indicator", 13, "", "2021", 19), 0);
    /* A returned value does not count. */
    assert_int_equal(enter(&coord, "indicator", 14, "", "2021", 5, &id), 0);
    assert_int_equal(decide(id, false), 0);
    /* Spending: line 0 (task 1.1) own 11 500,00 and other 90 000,00. */
    assert_int_equal(enter_approved("line", 0, "own", "2021", 1150000), 0);
    assert_int_equal(enter_approved("line", 0, "other", "2021", 9000000), 0);
    assert_int_equal(enter_approved("line", 3, "own", "2021-Q2", 100000), 0);
    hand_ind = 1 + 2 + 19;

    assert_int_equal(mon_report_build(db, &a, plan_id, &m), 0);
    n = mon_entries_of_plan(db, &a, plan_id, &es);
    assert_int_equal(n, 7);
    for (i = 0; i < n; i++) {
        if (!es[i].has_approved) {
            continue;
        }
        if (strcmp(es[i].kind, "indicator") == 0) {
            ind_sum += es[i].approved;
        } else {
            spent += es[i].approved;
            spent_own += strcmp(es[i].source, "own") == 0 ? es[i].approved : 0;
        }
    }
    assert_int_equal(ind_sum, hand_ind);
    assert_int_equal(m.indicator_sum, ind_sum);
    assert_int_equal(m.spent_total, spent);
    assert_int_equal(spent, 1150000 + 9000000 + 100000);
    own = plan_source_find(m.p, "own");
    assert_true(own >= 0);
    assert_int_equal(m.spent_by[own], spent_own);
    assert_int_equal(m.ind[9].real, 3);
    assert_int_equal(m.ind[13].real, 19);
    assert_false(m.ind[14].has_data);
    assert_int_equal(m.entries, 6);
    assert_int_equal(m.entries_pending, 0);
    /* The planned total is the plan's 500 000,00 zł. */
    assert_int_equal(m.planned_total, 50000000);
    /* Task 1.1: 3 of 2 is 150 %; indicator 9 target 2 -> 150,0 %. */
    assert_int_equal(m.ind[9].pct10, 1500);
    assert_string_equal(mon_pct_text(&a, m.ind[9].pct10), "150");
    /* Quarters and the year are not mixed for one item. */
    assert_int_equal(enter(&coord, "indicator", 9, "", "2021", 3, &id),
                     ERR_INPUT);
    /* A period outside the plan's year is refused. */
    assert_int_equal(enter(&coord, "indicator", 10, "", "2022", 3, &id),
                     ERR_INPUT);
}

/*
** Issue 12: an unapproved 5 000 000 zł changes no official figure, and a
** new entry that is returned leaves the approved value where it was.
*/
static void
test_monitoring_only_approved_values_count(void **state)
{
    struct mon_report before, m;
    struct mon_entry e;
    int64_t id, id2;
    int own;

    (void)state;
    assert_int_equal(mon_report_build(db, &a, plan_id, &before), 0);
    own = plan_source_find(before.p, "own");
    /* Line 5 own: 14 400,00 approved. */
    assert_int_equal(enter_approved("line", 5, "own", "2021", 1440000), 0);
    assert_int_equal(mon_report_build(db, &a, plan_id, &m), 0);
    assert_int_equal(m.spent_total, before.spent_total + 1440000);
    /* A new entry replacing it is pending: the approved figure stays. */
    assert_int_equal(enter(&coord, "line", 5, "own", "2021", 2000000, &id), 0);
    assert_int_equal(mon_report_build(db, &a, plan_id, &m), 0);
    assert_int_equal(m.spent_total, before.spent_total + 1440000);
    assert_int_equal(m.pending_total, before.spent_total + 2000000);
    assert_int_equal(m.npending_lines, 1);
    /* Returned: still the approved 14 400,00, nothing pending. */
    assert_int_equal(decide(id, false), 0);
    assert_int_equal(mon_entry_get(db, &a, id, &e), 0);
    assert_true(e.has_approved);
    assert_int_equal(e.approved, 1440000);
    assert_string_equal(e.status, "returned");
    assert_int_equal(mon_report_build(db, &a, plan_id, &m), 0);
    assert_int_equal(m.spent_total, before.spent_total + 1440000);
    assert_int_equal(m.spent_by[own], before.spent_by[own] + 1440000);
    assert_int_equal(m.npending_lines, 0);
    /* 5 000 000,00 zł typed for a small line: pending, not counted. */
    assert_int_equal(enter(&coord, "line", 6, "own", "2021", 500000000, &id2),
                     0);
    assert_int_equal(mon_report_build(db, &a, plan_id, &m), 0);
    assert_int_equal(m.spent_total, before.spent_total + 1440000);
    assert_int_equal(m.pending_total, before.spent_total + 1440000 + 500000000);
    /* Approved, it counts; the next approval replaces it. */
    assert_int_equal(decide(id2, true), 0);
    assert_int_equal(enter_approved("line", 6, "own", "2021", 500000), 0);
    assert_int_equal(mon_report_build(db, &a, plan_id, &m), 0);
    assert_int_equal(m.spent_total, before.spent_total + 1440000 + 500000);
}

/* Issue 12: values far off the plan need the implementer's reason. */
static void
test_monitoring_implausible_values_need_a_reason(void **state)
{
    struct mon_problem why;
    struct mon_entry e;
    int64_t id = 0, n0, n1;
    struct mon_entry *es;
    int i, child = -1;

    (void)state;
    n0 = mon_entries_of_plan(db, &a, plan_id, &es);
    /* 5 000 000,00 zł on a line planned far lower: refused, nothing kept. */
    assert_int_equal(
        enter_why(&coord, "line", 7, "own", "2021", 500000000, NULL, &id, &why),
        ERR_CONFLICT);
    assert_string_equal(why.field, "value");
    assert_non_null(strstr(why.message, "przekracza plan"));
    assert_int_equal(enter_why(&coord, "line", 7, "own", "2021", 500000000,
                               "   ", &id, &why),
                     ERR_CONFLICT);
    n1 = mon_entries_of_plan(db, &a, plan_id, &es);
    assert_int_equal(n1, n0);
    /* With a reason it is kept, flagged, for the approver. */
    assert_int_equal(enter_why(&coord, "line", 7, "own", "2021", 500000000,
                               "Zakup sprzętu na trzy lata", &id, &why),
                     0);
    assert_int_equal(mon_entry_get(db, &a, id, &e), 0);
    assert_non_null(e.flag);
    assert_string_equal(e.flag_reason, "Zakup sprzętu na trzy lata");
    /* Indicator 9 (target 2): 21 is over ten times the target. */
    assert_int_equal(
        enter_why(&coord, "indicator", 9, "", "2021-Q4", 21, NULL, &id, &why),
        ERR_CONFLICT);
    assert_non_null(strstr(why.message, "dziesięciokrotnie"));
    assert_int_equal(
        enter_why(&coord, "indicator", 9, "", "2021-Q4", 2, NULL, &id, &why),
        0);
    /* A breakdown above its parent's value of the same period. */
    {
        struct mon_report m;

        assert_int_equal(mon_report_build(db, &a, plan_id, &m), 0);
        for (i = 0; i < m.p->nindicators && child < 0; i++) {
            if (m.p->indicators[i].parent >= 0) {
                child = i;
            }
        }
        assert_true(child >= 0);
        assert_int_equal(enter_why(&coord, "indicator",
                                   m.p->indicators[child].parent, "", "2021", 3,
                                   NULL, &id, &why),
                         0);
        assert_int_equal(enter_why(&coord, "indicator", child, "", "2021", 4,
                                   NULL, &id, &why),
                         ERR_CONFLICT);
        assert_non_null(strstr(why.message, "w podziale"));
        assert_int_equal(enter_why(&coord, "indicator", child, "", "2021", 3,
                                   NULL, &id, &why),
                         0);
    }
}

static void
test_monitoring_computed_indicator_equals_hand_count(void **state)
{
    const struct mon_register *ev = mon_register_find("szkolenia");
    static const char *const rows[][16] = {
        {"training", "A", "2021-02-01", "", "", "", "", "1.1", "5", "0", "0",
         "0", "7", "0", "0", ""},
        {"training", "B", "2021-05-01", "2021-05-02", "0463011", "", "", "1.1",
         "3", "0", "2", "0", "4", "0", "0", ""},
        {"conference", "C", "2021-06-01", "", "", "", "", "1.1", "9", "0", "0",
         "0", "1", "0", "0", ""},
        {"training", "D", "2022-01-10", "", "", "", "", "1.1", "1", "0", "0",
         "0", "1", "0", "0", ""},
        {"training", "E", "2021-07-01", "", "", "", "", "2.2", "1", "0", "0",
         "0", "1", "0", "0", ""},
        {"training", "F", "2021-12-31", "", "", "", "", "1.1", "0", "0", "0",
         "0", "3", "0", "0", ""},
    };
    struct mon_record *list;
    struct mon_report m;
    const char *why;
    int64_t hand_trainings = 0, hand_police = 0, n;
    int i, k;

    (void)state;
    assert_non_null(ev);
    for (i = 0; i < 6; i++) {
        struct mon_record rec;
        const char **errs;

        memset(&rec, 0, sizeof(rec));
        rec.region = "04";
        assert_int_equal(mon_record_check(db, &a, ev, rows[i], &rec, &errs), 0);
        assert_int_equal(mon_record_save(db, &a, ev, &coord, &rec), 0);
    }
    /* The hand count, over what the register lists. */
    n = mon_record_list(db, &a, ev, "04", 2021, &list);
    assert_int_equal(n, 5);
    for (i = 0; i < n; i++) {
        if (strcmp(list[i].v[0], "training") == 0 &&
            strcmp(list[i].v[7], "1.1") == 0) {
            hand_trainings++;
        }
        for (k = 0; k < ev->nfields; k++) {
            if (strcmp(ev->fields[k].name, "p_police") == 0 &&
                strcmp(list[i].v[7], "1.1") == 0) {
                hand_police += atoll(list[i].v[k]);
            }
        }
    }
    assert_int_equal(hand_trainings, 3);
    assert_int_equal(hand_police, 7 + 4 + 1 + 3);
    assert_int_equal(
        mon_metric_eval(db, "04", "events", "training", "1.1", 2021, 2021, &n),
        0);
    assert_int_equal(n, hand_trainings);
    /* Bound as data: indicator 0 (number of trainings), 6 (police). */
    assert_int_equal(mon_binding_set(db, &a, &coord, plan_id, 0, "events",
                                     "training", "1.1", &why),
                     0);
    assert_int_equal(mon_binding_set(db, &a, &coord, plan_id, 6, "participants",
                                     "police", "1.1", &why),
                     0);
    assert_int_equal(mon_binding_set(db, &a, &coord, plan_id, 6, "participants",
                                     "astronauts", "", &why),
                     ERR_INPUT);
    assert_int_equal(mon_report_build(db, &a, plan_id, &m), 0);
    assert_true(m.ind[0].computed);
    assert_int_equal(m.ind[0].real, hand_trainings);
    assert_int_equal(m.ind[6].real, hand_police);
    /* Multi-year: 2021..2021 here, the 2022 training is not counted. */
    assert_int_equal(m.ind[0].multi_real, 3);
    assert_int_equal(audit_count("indicator.bind"), 2);
    assert_int_equal(audit_count("register.insert"), 6);
}

/* An account of role with unit id, as an actor of region 04. */
static struct mon_actor
actor_with_unit(const char *login, const char *role, enum role r, int64_t unit)
{
    int64_t units[1] = {unit};
    struct users_new u = {login, "bardzo-dobre-haslo-1", role, "04", units, 1};
    struct users_actor who = {NULL, "cli", NULL};
    struct mon_actor act;
    const char *why = NULL;
    int64_t account = 0;

    assert_int_equal(users_add(db, &a, &u, &who, &account, &why), 0);
    memset(&act, 0, sizeof(act));
    act.account = account;
    act.role = r;
    act.region = "04";
    act.who.account = login;
    act.who.via = "web";
    return act;
}

/* Position of the first indicator of task number in the seed plan. */
static int
indicator_of_task(const char *number)
{
    struct plan_meta meta;
    struct plan *p;
    int i;

    assert_int_equal(plan_store_load(db, &a, plan_id, &p, &meta), 0);
    for (i = 0; i < p->nindicators; i++) {
        int t = p->indicators[i].task;

        if (t >= 0 && strcmp(p->tasks[t].number, number) == 0) {
            return i;
        }
    }
    fail_msg("no indicator of task %s", number);
    return -1;
}

static void
test_monitoring_implementer_cannot_edit_other_units_task(void **state)
{
    int64_t unit = 0, other = 0;
    struct users_actor who = {NULL, "cli", NULL};
    struct mon_actor impl;
    const char *why = NULL;
    int64_t account = 0, id = 0;
    int64_t before = audit_count("realisation.enter");

    (void)state;
    /* The import made one unit per part of each implementers text. */
    assert_int_equal(units_find(db, &a, "04", UNIT_IMPLEMENTER,
                                "konsultanci kujawsko-pomorskiej niebieskiej "
                                "linii",
                                &unit),
                     0);
    /* A unit is chosen by id, of the account's region and kind. */
    {
        int64_t bad[1] = {999999};
        struct users_new u = {"realizator-x",
                              "bardzo-dobre-haslo-1",
                              "implementer",
                              "04",
                              bad,
                              1};

        assert_int_equal(users_add(db, &a, &u, &who, &account, &why),
                         ERR_INPUT);
        assert_non_null(strstr(why, "999999"));
        assert_int_equal(units_ensure(db, &a, "04", UNIT_ORGANISATION,
                                      "Fundacja Jakaś", &other),
                         0);
        bad[0] = other;
        assert_int_equal(users_add(db, &a, &u, &who, &account, &why),
                         ERR_INPUT);
    }
    impl =
        actor_with_unit("realizator-nl", "implementer", ROLE_IMPLEMENTER, unit);
    /* Indicator 13 belongs to task 1.10 (helpline consultants): allowed. */
    assert_int_equal(enter(&impl, "indicator", 13, "", "2021", 20, &id), 0);
    /* Indicator 9 belongs to task 1.4 (the department): refused. */
    {
        struct mon_input in = {plan_id, "indicator", 9,    "",
                               "2021",  5,           NULL, NULL};

        struct mon_problem problem;

        assert_int_equal(mon_entry_save(db, &a, &impl, &in, &id, &problem),
                         ERR_DENIED);
        assert_non_null(problem.message);
    }
    /* A budget line of task 1.1 (trainers): refused too. */
    assert_int_equal(enter(&impl, "line", 0, "own", "2021", 100, &id),
                     ERR_DENIED);
    /* Another region is refused even for its own unit's task. */
    impl.region = "12";
    assert_int_equal(enter(&impl, "indicator", 13, "", "2021", 21, &id),
                     ERR_DENIED);
    assert_int_equal(audit_count("realisation.enter"), before + 1);
}

/*
** Issue 11: task 1.4 is implemented by "Pracownicy Departamentu Spraw
** Społecznych UM WKP", task 1.6 by the same words followed by "we
** współpracy z ...". Each unit's implementer enters only its own task,
** and a unit whose name is a part of both ("Departamentu Spraw
** Społecznych") enters neither.
*/
static void
test_monitoring_implementer_unit_substring_owns_nothing(void **state)
{
    int i14 = indicator_of_task("1.4"), i16 = indicator_of_task("1.6");
    int64_t dept = 0, dept_coop = 0, part = 0, id = 0;
    int64_t before = audit_count("realisation.enter");
    struct mon_actor a14, a16, apart;

    (void)state;
    assert_int_equal(units_find(db, &a, "04", UNIT_IMPLEMENTER,
                                "Pracownicy Departamentu Spraw Społecznych "
                                "UM WKP",
                                &dept),
                     0);
    assert_int_equal(
        units_find(db, &a, "04", UNIT_IMPLEMENTER,
                   "Pracownicy Departamentu Spraw Społecznych UM WKP we "
                   "współpracy z Kujawsko-Pomorskimi Centrami Edukacji "
                   "Nauczycieli, ośrodkami doskonalenia nauczycieli itp.",
                   &dept_coop),
        0);
    assert_int_not_equal(dept, dept_coop);
    assert_int_equal(units_ensure(db, &a, "04", UNIT_IMPLEMENTER,
                                  "Departamentu Spraw Społecznych", &part),
                     0);
    assert_int_not_equal(part, dept);
    a14 = actor_with_unit("impl-dept", "implementer", ROLE_IMPLEMENTER, dept);
    a16 = actor_with_unit("impl-coop", "implementer", ROLE_IMPLEMENTER,
                          dept_coop);
    apart = actor_with_unit("impl-part", "implementer", ROLE_IMPLEMENTER, part);
    assert_int_equal(enter(&a14, "indicator", i14, "", "2021-Q4", 1, &id), 0);
    assert_int_equal(enter(&a14, "indicator", i16, "", "2021-Q4", 1, &id),
                     ERR_DENIED);
    assert_int_equal(enter(&a16, "indicator", i16, "", "2021-Q4", 2, &id), 0);
    assert_int_equal(enter(&a16, "indicator", i14, "", "2021-Q4", 2, &id),
                     ERR_DENIED);
    assert_int_equal(enter(&apart, "indicator", i14, "", "2021-Q4", 3, &id),
                     ERR_DENIED);
    assert_int_equal(enter(&apart, "indicator", i16, "", "2021-Q4", 3, &id),
                     ERR_DENIED);
    assert_int_equal(audit_count("realisation.enter"), before + 2);
}

static void
test_monitoring_approve_and_return_leave_audit_rows(void **state)
{
    struct mon_entry e;
    struct mon_event *h;
    const char *why = NULL;
    int64_t id = 0, id2 = 0;
    int64_t ap = audit_count("realisation.approve");
    int64_t ret = audit_count("realisation.return");

    (void)state;
    assert_int_equal(enter(&coord, "indicator", 12, "", "2021", 1, &id), 0);
    assert_int_equal(mon_entry_decide(db, &a, &coord, id, true, NULL, &why), 0);
    assert_int_equal(audit_count("realisation.approve"), ap + 1);
    assert_int_equal(mon_entry_get(db, &a, id, &e), 0);
    assert_string_equal(e.status, "approved");
    assert_string_equal(e.decided_by, "koordynator");
    /* Deciding twice is refused and writes nothing. */
    assert_int_equal(mon_entry_decide(db, &a, &coord, id, true, NULL, &why),
                     ERR_INPUT);
    assert_int_equal(audit_count("realisation.approve"), ap + 1);

    assert_int_equal(enter(&coord, "indicator", 11, "", "2021", 2, &id2), 0);
    /* A return needs a comment. */
    assert_int_equal(mon_entry_decide(db, &a, &coord, id2, false, "  ", &why),
                     ERR_INPUT);
    assert_int_equal(mon_entry_decide(db, &a, &coord, id2, false,
                                      "Podaj tytuły poradników", &why),
                     0);
    assert_int_equal(audit_count("realisation.return"), ret + 1);
    assert_int_equal(mon_entry_get(db, &a, id2, &e), 0);
    assert_string_equal(e.status, "returned");
    assert_string_equal(e.comment, "Podaj tytuły poradników");
    /* Corrected: back to entered; history keeps all three events. */
    assert_int_equal(enter(&coord, "indicator", 11, "", "2021", 3, &id2), 0);
    assert_int_equal(mon_entry_history(db, &a, id2, &h), 3);
    assert_string_equal(h[0].event, "enter");
    assert_int_equal(h[0].value, 2);
    assert_string_equal(h[1].event, "return");
    assert_string_equal(h[1].comment, "Podaj tytuły poradników");
    assert_string_equal(h[2].event, "enter");
    assert_int_equal(h[2].value, 3);
    /* Another region's coordinator cannot decide. */
    {
        struct mon_actor other = coord;

        other.region = "12";
        assert_int_equal(
            mon_entry_decide(db, &a, &other, id2, true, NULL, &why),
            ERR_DENIED);
    }
}

static void
test_monitoring_csv_import_is_all_or_nothing(void **state)
{
    const struct mon_register *g = mon_register_find("konkursy");
    const char *good = "year;call;area;budget_grosze;offers;awards;"
                       "awarded_grosze;initiatives;beneficiaries;task\n"
                       "2024;Konkurs A;rodzina;\"600 000,00\";41;18;"
                       "\"598 000,00\";90;6000;6\n"
                       "2024;Konkurs B;;1000;1;1;1000;1;10;7\n";
    const char *bad = "Rok;Konkurs (ogłoszenie);Złożone oferty\n"
                      "2024;Konkurs C;3\n"
                      "20x4;;-1\n";
    const char **errs;
    struct mon_record *list;
    int nerrs, n;
    int64_t v;

    (void)state;
    n = mon_register_import(db, &a, g, &coord, "04", good, strlen(good), &errs,
                            &nerrs);
    assert_int_equal(n, 2);
    n = mon_register_import(db, &a, g, &coord, "04", bad, strlen(bad), &errs,
                            &nerrs);
    assert_int_equal(n, ERR_INPUT);
    assert_true(nerrs >= 3);
    assert_non_null(strstr(errs[0], "Wiersz 3"));
    n = mon_record_list(db, &a, g, "04", 2024, &list);
    assert_int_equal(n, 2);
    assert_int_equal(
        mon_metric_eval(db, "04", "grants", "initiatives", "", 2024, 2024, &v),
        0);
    assert_int_equal(v, 91);
    assert_int_equal(mon_metric_eval(db, "04", "grants", "beneficiaries", "6",
                                     2024, 2024, &v),
                     0);
    assert_int_equal(v, 6000);
    {
        struct buf out;

        buf_init(&out);
        mon_register_csv(&a, g, list, n, &out);
        assert_non_null(strstr(out.data, "600 000,00"));
        buf_free(&out);
    }
}

/*
** Issue 11, finding 5: a register's text that would start a formula is
** exported guarded, amounts are not, and importing the export gives back
** the text as it was.
*/
static void
test_monitoring_register_csv_guards_formulas(void **state)
{
    const struct mon_register *g = mon_register_find("konkursy");
    const char *csv = "year;call;area;budget_grosze;offers;awards;"
                      "awarded_grosze;initiatives;beneficiaries;task\n"
                      "2019;\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";+1;"
                      "\"1 000,00\";1;1;1000;1;10;@SUM(A1)\n"
                      "2019;-2+3;plain;0;0;0;0;0;0;\n";
    const char **errs;
    struct mon_record *list, *again;
    struct buf out;
    int nerrs, n;

    (void)state;
    assert_int_equal(mon_register_import(db, &a, g, &coord, "04", csv,
                                         strlen(csv), &errs, &nerrs),
                     2);
    n = mon_record_list(db, &a, g, "04", 2019, &list);
    assert_int_equal(n, 2);
    buf_init(&out);
    mon_register_csv(&a, g, list, n, &out);
    assert_non_null(strstr(out.data,
                           ";\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";'+1;"
                           "1 000,00;1;1;1 000,00;1;10;'@SUM(A1);"));
    assert_non_null(strstr(out.data, ";'-2+3;plain;0,00;0;0;0,00;"));
    assert_int_equal(mon_register_import(db, &a, g, &coord, "04", out.data,
                                         out.len, &errs, &nerrs),
                     2);
    buf_free(&out);
    /* the import adds records: each original has a copy with its text */
    assert_int_equal(mon_record_list(db, &a, g, "04", 2019, &again), 4);
    for (int k = 0; k < 2; k++) {
        int same = 0;

        for (int c = 0; c < 4; c++) {
            bool eq = again[c].id != list[k].id;

            for (int i = 0; i < g->nfields && eq; i++) {
                eq = strcmp(again[c].v[i] ? again[c].v[i] : "",
                            list[k].v[i] ? list[k].v[i] : "") == 0;
            }
            same += eq;
        }
        assert_int_equal(same, 1);
    }
    assert_string_equal(list[0].v[1], "-2+3");
    assert_string_equal(list[1].v[1], "=HYPERLINK(\"http://x\",\"y\")");
}

/* Issue 11: a register CSV has limits of rows and cells; blank lines and
** blank cells cost no memory of their own. */
static void
test_monitoring_csv_import_limits(void **state)
{
    const struct mon_register *g = mon_register_find("konkursy");
    const char *head = "year;call;area;budget_grosze;offers;awards;"
                       "awarded_grosze;initiatives;beneficiaries;task\n";
    const char **errs;
    struct buf csv;
    int nerrs;

    (void)state;
    buf_init(&csv);
    buf_puts(&csv, head);
    for (int i = 0; i < 100; i++) {
        buf_putc(&csv, ';');
    }
    buf_puts(&csv, "\n");
    assert_int_equal(mon_register_import(db, &a, g, &coord, "04", csv.data,
                                         csv.len, &errs, &nerrs),
                     ERR_INPUT);
    assert_int_equal(nerrs, 1);
    assert_non_null(strstr(errs[0], "(w wierszu 2)"));
    buf_reset(&csv);
    buf_puts(&csv, head);
    for (int i = 0; i < 50000; i++) {
        buf_puts(&csv, "2026;K;;1;1;1;1;1;1;7\n\n");
    }
    buf_puts(&csv, "2026;K;;1;1;1;1;1;1;7\n");
    assert_int_equal(mon_register_import(db, &a, g, &coord, "04", csv.data,
                                         csv.len, &errs, &nerrs),
                     ERR_INPUT);
    assert_non_null(strstr(errs[0], "limit 50000 wierszy"));
    buf_free(&csv);
}

/* Issue 11: a stop request ends a register import; nothing is written. */
static void
test_monitoring_csv_import_stops_on_request(void **state)
{
    const struct mon_register *g = mon_register_find("konkursy");
    struct mon_record *list;
    const char **errs;
    struct buf csv;
    int nerrs;

    (void)state;
    buf_init(&csv);
    buf_puts(&csv, "year;call;area;budget_grosze;offers;awards;"
                   "awarded_grosze;initiatives;beneficiaries;task\n");
    for (int i = 0; i < 3 * STOP_CHECK_ROWS; i++) {
        buf_printf(&csv, "2025;Konkurs S%d;;1000;1;1;1000;1;10;7\n", i);
    }
    stop_request();
    assert_int_equal(mon_register_import(db, &a, g, &coord, "04", csv.data,
                                         csv.len, &errs, &nerrs),
                     ERR_STOPPED);
    stop_reset();
    assert_int_equal(mon_record_list(db, &a, g, "04", 2025, &list), 0);
    buf_free(&csv);
}

static void
test_monitoring_report_formats(void **state)
{
    struct mon_report m;
    struct buf out;
    struct json j;

    (void)state;
    assert_int_equal(mon_report_build(db, &a, plan_id, &m), 0);
    buf_init(&out);
    json_init(&j, &out);
    mon_report_json(&j, &m);
    assert_non_null(strstr(out.data, "\"planned_grosze\":50000000"));
    buf_reset(&out);
    assert_int_equal(mon_report_xlsx(&a, &m, &out), 0);
    assert_true(out.len > 1000 && memcmp(out.data, "PK", 2) == 0);
    buf_reset(&out);
    assert_int_equal(mon_report_pdf(&a, &m, &out), 0);
    assert_true(out.len > 1000 && memcmp(out.data, "%PDF", 4) == 0);
    buf_free(&out);
}

/*
** A grantee sees and reports only its organisation's awards (by id); a report
*is all or nothing with one audit row; the computed
** "grant initiatives" take the reports' sum once any award is reported.
*/
static void
test_monitoring_grantee_reports_own_grants_only(void **state)
{
    const struct mon_register *gr = mon_register_find("konkursy");
    static const char *const row[] = {
        "2021", "Konkurs testowy", "", "", "5", "2", "", "40", "900", "9.9",
        ""};
    struct mon_award *mine, w;
    struct mon_actor ngo;
    struct mon_record rec;
    const char **errs;
    int64_t own = 0, other = 0, n = 0;
    int nerrs = 0;
    int64_t reports = audit_count("grant.report");

    (void)state;
    memset(&rec, 0, sizeof(rec));
    rec.region = "04";
    assert_int_equal(mon_record_check(db, &a, gr, row, &rec, &errs), 0);
    assert_int_equal(mon_record_save(db, &a, gr, &coord, &rec), 0);
    /* Before any report the register's own figure counts. */
    assert_int_equal(mon_metric_eval(db, "04", "grants", "initiatives", "9.9",
                                     2021, 2021, &n),
                     0);
    assert_int_equal(n, 40);
    assert_int_equal(mon_award_add(db, &a, &coord, rec.id,
                                   "Stowarzyszenie „ŁĄCZNIK” w Toruniu",
                                   "Świetlica", "10 000,00", &own, &errs,
                                   &nerrs),
                     0);
    assert_int_equal(mon_award_add(db, &a, &coord, rec.id, "Fundacja Inna", "",
                                   "", &other, &errs, &nerrs),
                     0);
    assert_int_equal(
        mon_award_add(db, &a, &coord, rec.id, " ", "", "x", &n, &errs, &nerrs),
        ERR_INPUT);
    assert_int_equal(nerrs, 2);
    assert_non_null(strstr(errs[0], "Organizacja"));
    assert_non_null(strstr(errs[1], "Kwota dotacji"));

    /* The account belongs to the award's organisation, by id. */
    assert_int_equal(mon_award_get(db, &a, own, &w), 0);
    assert_true(w.organisation_id > 0);
    ngo = actor_with_unit("ngo-lacznik", "grantee", ROLE_GRANTEE,
                          w.organisation_id);
    assert_int_equal(mon_awards_of_actor(db, &a, &ngo, &mine), 1);
    assert_int_equal(mine[0].id, own);
    assert_int_equal(mon_award_get(db, &a, other, &w), 0);
    assert_false(mon_award_is_own(db, &a, &ngo, &w));
    /* Another organisation's grant: as if it did not exist. */
    assert_int_equal(
        mon_award_report(db, &a, &ngo, other, "1", "1", NULL, &errs, &nerrs),
        ERR_NOTFOUND);
    /* One bad field: nothing stored, the field named. */
    assert_int_equal(
        mon_award_report(db, &a, &ngo, own, "6", "dużo", NULL, &errs, &nerrs),
        ERR_INPUT);
    assert_int_equal(nerrs, 1);
    assert_non_null(strstr(errs[0], "Beneficjenci ostateczni"));
    assert_int_equal(mon_award_get(db, &a, own, &w), 0);
    assert_false(w.reported);
    assert_int_equal(audit_count("grant.report"), reports);
    assert_int_equal(
        mon_award_report(db, &a, &ngo, own, "6", "120", "ok", &errs, &nerrs),
        0);
    assert_int_equal(audit_count("grant.report"), reports + 1);
    assert_int_equal(mon_award_get(db, &a, own, &w), 0);
    assert_true(w.reported);
    assert_int_equal(w.initiatives, 6);
    assert_string_equal(w.reported_by, "ngo-lacznik");
    /* Reported: the sum of the reports (one so far), not the 40. */
    assert_int_equal(mon_metric_eval(db, "04", "grants", "initiatives", "9.9",
                                     2021, 2021, &n),
                     0);
    assert_int_equal(n, 6);
    assert_int_equal(mon_metric_eval(db, "04", "grants", "beneficiaries", "9.9",
                                     2021, 2021, &n),
                     0);
    assert_int_equal(n, 120);
    /* Another region or another role owns nothing. */
    ngo.region = "12";
    assert_false(mon_award_is_own(db, &a, &ngo, &w));
    ngo.region = "04";
    ngo.role = ROLE_IMPLEMENTER;
    assert_int_equal(mon_awards_of_actor(db, &a, &ngo, &mine), 0);
}

/*
** Issue 11: the grantee of "Fundacja Pomocy Rodzinie" read and overwrote
** the report of "Fundacja Pomocy Rodzinie Wiejskiej w Chełmnie". Each now
** sees and reports only the award of its own organisation, by id.
*/
static void
test_monitoring_grantee_substring_owns_nothing_else(void **state)
{
    const struct mon_register *gr = mon_register_find("konkursy");
    static const char *const row[] = {
        "2022", "Konkurs podobnych nazw", "", "", "2", "2", "", "0", "0", "",
        ""};
    struct mon_award *mine, w;
    struct mon_actor short_ngo, long_ngo;
    struct mon_record rec;
    const char **errs;
    int64_t short_award = 0, long_award = 0, again = 0;
    int nerrs = 0;

    (void)state;
    memset(&rec, 0, sizeof(rec));
    rec.region = "04";
    assert_int_equal(mon_record_check(db, &a, gr, row, &rec, &errs), 0);
    assert_int_equal(mon_record_save(db, &a, gr, &coord, &rec), 0);
    assert_int_equal(mon_award_add(db, &a, &coord, rec.id,
                                   "Fundacja Pomocy Rodzinie", "A", "",
                                   &short_award, &errs, &nerrs),
                     0);
    assert_int_equal(mon_award_add(db, &a, &coord, rec.id,
                                   "Fundacja Pomocy Rodzinie Wiejskiej w "
                                   "Chełmnie",
                                   "B", "", &long_award, &errs, &nerrs),
                     0);
    /* The same name, spelt otherwise, is the same organisation. */
    assert_int_equal(mon_award_add(db, &a, &coord, rec.id,
                                   "FUNDACJA  pomocy rodzinie", "C", "", &again,
                                   &errs, &nerrs),
                     0);
    assert_int_equal(mon_award_get(db, &a, short_award, &w), 0);
    short_ngo =
        actor_with_unit("fpr", "grantee", ROLE_GRANTEE, w.organisation_id);
    assert_int_equal(mon_award_get(db, &a, long_award, &w), 0);
    long_ngo =
        actor_with_unit("fprw", "grantee", ROLE_GRANTEE, w.organisation_id);

    assert_int_equal(mon_awards_of_actor(db, &a, &short_ngo, &mine), 2);
    assert_int_equal(mine[0].id + mine[1].id, short_award + again);
    assert_int_equal(mon_awards_of_actor(db, &a, &long_ngo, &mine), 1);
    assert_int_equal(mine[0].id, long_award);
    /* Read: the other's award is not its own (the pages answer 404). */
    assert_int_equal(mon_award_get(db, &a, long_award, &w), 0);
    assert_false(mon_award_is_own(db, &a, &short_ngo, &w));
    assert_true(mon_award_is_own(db, &a, &long_ngo, &w));
    assert_int_equal(mon_award_get(db, &a, short_award, &w), 0);
    assert_false(mon_award_is_own(db, &a, &long_ngo, &w));
    /* Write: refused as if the award did not exist; nothing stored. */
    assert_int_equal(mon_award_report(db, &a, &short_ngo, long_award, "1", "1",
                                      NULL, &errs, &nerrs),
                     ERR_NOTFOUND);
    assert_int_equal(mon_award_report(db, &a, &long_ngo, short_award, "1", "1",
                                      NULL, &errs, &nerrs),
                     ERR_NOTFOUND);
    assert_int_equal(mon_award_get(db, &a, long_award, &w), 0);
    assert_false(w.reported);
    assert_int_equal(mon_award_report(db, &a, &long_ngo, long_award, "3", "30",
                                      NULL, &errs, &nerrs),
                     0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_monitoring_report_totals_equal_entry_sums),
        cmocka_unit_test(test_monitoring_only_approved_values_count),
        cmocka_unit_test(test_monitoring_implausible_values_need_a_reason),
        cmocka_unit_test(test_monitoring_computed_indicator_equals_hand_count),
        cmocka_unit_test(
            test_monitoring_implementer_cannot_edit_other_units_task),
        cmocka_unit_test(test_monitoring_approve_and_return_leave_audit_rows),
        cmocka_unit_test(test_monitoring_csv_import_is_all_or_nothing),
        cmocka_unit_test(test_monitoring_register_csv_guards_formulas),
        cmocka_unit_test(test_monitoring_csv_import_limits),
        cmocka_unit_test(test_monitoring_csv_import_stops_on_request),
        cmocka_unit_test(test_monitoring_report_formats),
        cmocka_unit_test(test_monitoring_grantee_reports_own_grants_only),
        cmocka_unit_test(
            test_monitoring_implementer_unit_substring_owns_nothing),
        cmocka_unit_test(test_monitoring_grantee_substring_owns_nothing_else),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
