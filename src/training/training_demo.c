/*
** Demo data of the trainings (init --demo): a workshop of next year
** serving the project card of seed 004 with made-up participants (some on
** the waiting list, attendance, knowledge tests on paper, certificates),
** its online knowledge test (one person has taken the test before), a few
** local plans of deinstitutionalisation, and a training-needs survey sent
** to five institutions, three of which answered. Everything goes through
** the stores, as the web would; every name here is made up.
*/
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/err.h"
#include "plan/plan_store.h"
#include "surveys/surveys.h"
#include "training/training.h"
#include "training/training_quiz.h"

#define BASE "http://localhost:8080"

static const struct audit_entry demo_who = {.account = "demo", .via = "cli"};

struct person {
    const char *name, *email, *org, *kind, *gmina, *group;
    int before, after; /* test points of 10; -1: none */
    bool present;
};

static const struct person people[] = {
    {"Anna Przykładowa", "anna.demo@example.org", "MOPR w Toruniu", "ops",
     "0463011", "team", 4, 8, true},
    {"Bartosz Demo", "bartosz.demo@example.org", "GOPS w Łubiance", "ops",
     "0415052", "social", 5, 9, true},
    {"Celina Testowa", "celina.demo@example.org", "PCPR w Toruniu", "pcpr",
     "0463011", "social", 6, 6, true},
    {"Damian Wzór", "damian.demo@example.org",
     "Komenda Miejska Policji w Bydgoszczy", "police", "0461011", "police", 3,
     7, true},
    {"Ewa Próbna", "ewa.demo@example.org", "Stowarzyszenie Razem (demo)", "ngo",
     "0461011", "other", -1, -1, false},
    {"Filip Zapasowy", "filip.demo@example.org", "MOPS we Włocławku", "ops",
     "0464011", "team", -1, -1, false},
};

/* The workshop's online knowledge test: three questions. */
static int
demo_quiz(struct db *db, struct arena *a, int64_t id)
{
    static const struct {
        const char *kind, *text, *options[4];
        unsigned correct;
    } qs[] = {
        {"single",
         "Co jest celem lokalnego planu deinstytucjonalizacji?",
         {"Rozwój usług w społeczności lokalnej",
          "Budowa nowych domów pomocy społecznej", "Likwidacja pomocy"},
         1},
        {"multiple",
         "Które usługi są usługami świadczonymi w społeczności?",
         {"Asystent osobisty", "Mieszkanie wspomagane",
          "Całodobowa placówka dla 100 osób", "Dzienny dom pobytu"},
         11},
        {"single",
         "Kto przyjmuje lokalny plan deinstytucjonalizacji?",
         {"Rada gminy lub powiatu", "Wojewoda", "Sąd rejonowy"},
         1},
    };
    struct training_question q[3];
    const char **errs;
    int nerrs, k, i;

    memset(q, 0, sizeof(q));
    for (k = 0; k < 3; k++) {
        q[k].q.kind = qs[k].kind;
        q[k].q.text = qs[k].text;
        for (i = 0; i < 4 && qs[k].options[i] != NULL; i++) {
            q[k].q.options[q[k].q.noptions++] = qs[k].options[i];
        }
        q[k].correct = qs[k].correct;
    }
    return training_quiz_set(db, a, &demo_who, id, q, 3, &errs, &nerrs);
}

static int
demo_event(struct db *db, struct arena *a, int64_t project, int year)
{
    struct training t = {0};
    struct training_signup *s;
    const char **errs, *token;
    int64_t present[8];
    int nerrs, rc, i, n, k = 0, issued;

    t.region = "04";
    t.kind = "workshop";
    t.title = "Deinstytucjonalizacja usług społecznych w praktyce (demo)";
    t.date_from = arena_printf(a, "%d-03-10", year);
    t.date_to = arena_printf(a, "%d-03-11", year);
    t.gmina = "0463011";
    t.place = "ul. Przykładowa 1";
    t.capacity = 5;
    t.groups = "team,social,police,other";
    t.plan_id = project;
    t.task = "";
    if ((rc = training_create(db, a, &demo_who, &t, &errs, &nerrs)) != 0 ||
        (rc = demo_quiz(db, a, t.id)) != 0) {
        return rc;
    }
    for (i = 0; i < (int)(sizeof(people) / sizeof(people[0])); i++) {
        struct training_signup_in in = {0};

        in.name = people[i].name;
        in.email = people[i].email;
        in.org = people[i].org;
        in.org_kind = people[i].kind;
        in.gmina = people[i].gmina;
        in.group = people[i].group;
        in.consent = true;
        if ((rc = training_signup(db, a, &demo_who, t.id, &in, BASE, &token,
                                  &errs, &nerrs)) != 0 ||
            (rc = training_confirm(db, a, &demo_who, token, BASE)) != 0) {
            return rc;
        }
        if (i == 0) {
            /* Anna has taken the test before online: 2 of 3 */
            struct survey_answer_in ans[SURVEY_QUESTIONS_MAX];
            const char *phase;
            int score, max;

            memset(ans, 0, sizeof(ans));
            ans[0].value = "1";
            ans[1].chosen[0] = ans[1].chosen[1] = true;
            ans[2].value = "1";
            if ((rc = training_quiz_take(db, a, &demo_who, token,
                                         training_today_iso(a), ans, &phase,
                                         &score, &max, &errs, &nerrs)) != 0) {
                return rc;
            }
        }
    }
    if ((n = training_signups(db, a, t.id, &s)) < 0) {
        return n;
    }
    for (i = 0; i < n; i++) {
        int p;

        for (p = 0; strcmp(people[p].email, s[i].email) != 0; p++) {
        }
        if (people[p].present && strcmp(s[i].status, "confirmed") == 0) {
            present[k++] = s[i].id;
        }
        if (people[p].before >= 0 &&
            (rc = training_test_set(db, &demo_who, t.id, s[i].id,
                                    people[p].before, people[p].after, 10)) !=
                0) {
            return rc;
        }
    }
    if ((rc = training_attendance_set(db, &demo_who, t.id, t.date_from, present,
                                      k)) != 0) {
        return rc;
    }
    return training_certificates_issue(db, &demo_who, t.id, &issued);
}

static int
demo_lpdi(struct db *db, struct arena *a)
{
    static const char *const units[] = {"0463011", "0461011", "0415052",
                                        "0415"};
    const char **errs;
    int i, nerrs, rc;

    for (i = 0; i < 4; i++) {
        if ((rc = training_lpdi_set(
                 db, a, &demo_who, "04", units[i], true, "2025-06-30",
                 arena_printf(a, "XXI/%d/2025 (demo)", i + 1), "", &errs,
                 &nerrs)) != 0) {
            return rc;
        }
    }
    return 0;
}

static int
demo_survey(struct db *db, struct arena *a)
{
    struct survey_in in = {0};
    struct training_org *orgs;
    struct survey_recipient *rc_;
    struct survey_answer_in ans[SURVEY_QUESTIONS_MAX];
    const char **errs;
    int64_t id, ids[5];
    int n, i, nerrs, added, rc;

    in.title = "Potrzeby szkoleniowe kadr pracujących z rodziną (demo)";
    in.purpose = "training_needs";
    in.open_link = true;
    in.q[0] = (struct survey_question){
        .kind = "single",
        .text = "Najpilniejszy temat szkolenia",
        .options = {"przemoc domowa", "praca z rodziną", "superwizja"},
        .noptions = 3};
    in.q[1] = (struct survey_question){
        .kind = "scale", .text = "Ocena dostępności szkoleń w regionie"};
    in.q[2] = (struct survey_question){
        .kind = "number", .text = "Liczba pracowników do przeszkolenia"};
    in.nq = 3;
    if ((rc = survey_create(db, a, &demo_who, "04", &in, &id, &errs, &nerrs)) !=
        0) {
        return rc;
    }
    if ((n = training_dir_orgs(db, a, "04", &orgs)) < 5) {
        return n < 0 ? n : 0;
    }
    for (i = 0; i < 5; i++) {
        ids[i] = orgs[i].id;
    }
    if ((rc = survey_send(db, a, &demo_who, id, ids, 5, &added)) != 0 ||
        (n = survey_recipients(db, a, id, &rc_)) < 0) {
        return rc != 0 ? rc : n;
    }
    for (i = 0; i < 3 && i < n; i++) {
        memset(ans, 0, sizeof(ans));
        ans[0].value = i == 2 ? "1" : "2";
        ans[1].value = i == 0 ? "3" : "4";
        ans[2].value = arena_printf(a, "%d", 4 + 3 * i);
        if ((rc = survey_answer(db, a, rc_[i].token, ans, &errs, &nerrs)) !=
            0) {
            return rc;
        }
    }
    return 0;
}

int
training_demo_load(struct db *db, struct arena *a)
{
    struct plan_summary *p;
    struct tm tm;
    time_t now = time(NULL);
    int n = plan_store_list(db, a, true, "04", &p), i, rc;

    if (n < 0) {
        return n;
    }
    gmtime_r(&now, &tm);
    for (i = 0; i < n; i++) {
        if (strcmp(p[i].kind, "project") == 0) {
            if ((rc = demo_event(db, a, p[i].id, tm.tm_year + 1900 + 1)) != 0) {
                return rc;
            }
            break;
        }
    }
    if ((rc = demo_lpdi(db, a)) != 0) {
        return rc;
    }
    rc = demo_survey(db, a);
    if (rc == 0) {
        printf("demo: trainings: a workshop with 6 sign-ups, 4 local plans "
               "(LPDI), a training-needs survey with 3 answers\n");
    }
    return rc;
}
