/*
** The grants module's demo data (rodzina init --demo), made through the
** module's own store functions as the office, the organisations and the
** committee would make it, wired to the 2024 plan of seed 002: the three
** organisations of the monitoring register's 2021 competition (seed 001
** task 3.6) register and are confirmed; a finished call for task 7 (row 7,
** 200 000 zł: "10 inicjatyw, 1000 beneficjentów") with three offers, formal
** and merit evaluation by a committee of three, results, two agreements
** (one with the updated cost estimate of a grant lower than asked),
** an accepted final report and a partial one awaiting the office; an open
** call for task 6 (row 6, 1 100 000 zł in the four grants of the plan's
** note 3) with a draft and a submitted offer; the "Stalowy Anioł" award
** contest (row 13, 50 000 zł) open for nominations; and the plan's
** initiatives and beneficiaries of tasks 6 and 7 bound to the computed
** indicators of the calls. A store function can only make a call whose
** deadline is ahead, so the finished call is made open and then given the
** dates of early 2024 (grant_call_demo_dates, grant_call_demo_results_at).
** The organisations are invented (their KRS numbers beyond those the
** register has given, the addresses and e-mails examples) and marked as
** demo data.
*/
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/random.h"
#include "db/db.h"
#include "grants.h"
#include "monitoring/monitoring.h"
#include "plan/plan.h"
#include "plan/plan_store.h"
#include "users/users.h"
#include "grants/strings_pl.h"

#define DEMO " (dane demonstracyjne)"

/* The organisations: the names of the register's 2021 awards, so that
   each registers as the unit it already is. */
static const struct demo_org {
    const char *login, *name, *krs, *address, *gmina, *email, *person,
        *function;
} orgs[] = {
    {"demo-przystan", "Fundacja Pomocy Rodzinie „Przystań” w Toruniu" DEMO,
     "0009900001", "ul. Przykładowa 12, 87-100 Toruń", "Toruń",
     "biuro@przystan.example.org", "Anna Przykładowa", "prezeska zarządu"},
    {"demo-bezpieczny-dom",
     "Stowarzyszenie Przeciw Przemocy „Bezpieczny Dom” w Bydgoszczy" DEMO,
     "0009900002", "ul. Wzorcowa 3, 85-001 Bydgoszcz", "Bydgoszcz",
     "kontakt@bezpieczny-dom.example.org", "Jan Przykładowy", "prezes zarządu"},
    {"demo-wloclawek", "Towarzystwo Wsparcia Rodzin we Włocławku" DEMO,
     "0009900003", "ul. Modelowa 7, 87-800 Włocławek", "0464011",
     "sekretariat@twr.example.org", "Ewa Przykładowa", "wiceprezeska zarządu"},
};
#define NORGS (int)(sizeof(orgs) / sizeof(orgs[0]))

/* A cost line: kind, name, total, grant, own financial, own
   non-financial (złoty as typed). */
struct demo_cost {
    const char *kind, *name, *total, *grant, *own, *nonfin;
};

/* An offer: its organisation, area, title, and three cost lines. */
static const struct demo_offer {
    int org, area;
    const char *title, *place, *description, *action1, *action2, *result;
    const char *target, *requested;
    struct demo_cost costs[3];
} finished_offers[] = {
    {0,
     1,
     "Szkoła dla rodziców — warsztaty umiejętności wychowawczych" DEMO,
     "Toruń, ul. Przykładowa 12",
     "Cykl warsztatów dla rodziców dzieci w wieku szkolnym prowadzonych "
     "przez psychologów fundacji.",
     "Rekrutacja rodzin",
     "Warsztaty i konsultacje indywidualne",
     "liczba rodzin objętych wsparciem",
     "60",
     "80 000,00",
     {{"action", "Wynagrodzenie psychologów prowadzących warsztaty",
       "60 000,00", "54 000,00", "3 000,00", "3 000,00"},
      {"action", "Materiały warsztatowe", "20 000,00", "18 000,00", "2 000,00",
       ""},
      {"admin", "Koordynacja i księgowość", "10 000,00", "8 000,00", "2 000,00",
       ""}}},
    {1,
     1,
     "Tata na medal — warsztaty kompetencji ojcowskich" DEMO,
     "Bydgoszcz, ul. Wzorcowa 3",
     "Spotkania ojców z dziećmi i warsztaty kompetencji rodzicielskich.",
     "Rekrutacja ojców",
     "Warsztaty weekendowe",
     "liczba ojców uczestniczących w warsztatach",
     "45",
     "70 000,00",
     {{"action", "Wynagrodzenie trenerów", "50 000,00", "45 000,00", "2 000,00",
       "3 000,00"},
      {"action", "Wyjazd integracyjny ojców z dziećmi", "20 000,00",
       "18 000,00", "2 000,00", ""},
      {"admin", "Obsługa administracyjna", "8 000,00", "7 000,00", "1 000,00",
       ""}}},
    {2,
     1,
     "Mama, tata i ja — spotkania rodzinne" DEMO,
     "Włocławek, ul. Modelowa 7",
     "Spotkania rodzin z dziećmi z poradnictwem pedagoga.",
     "Przygotowanie spotkań",
     "Spotkania rodzinne",
     "liczba rodzin",
     "30",
     "60 000,00",
     {{"action", "Wynagrodzenie pedagoga", "50 000,00", "45 000,00", "5 000,00",
       ""},
      {"action", "Poczęstunek i materiały", "12 000,00", "11 000,00",
       "1 000,00", ""},
      {"admin", "Księgowość", "4 700,00", "4 000,00", "700,00", ""}}},
};

/* The updated estimate of the second offer, granted 60 000 of 70 000 zł. */
static const struct demo_cost reduced[3] = {
    {"action", "Wynagrodzenie trenerów", "45 000,00", "40 000,00", "2 000,00",
     "3 000,00"},
    {"action", "Wyjazd integracyjny ojców z dziećmi", "18 000,00", "14 000,00",
     "4 000,00", ""},
    {"admin", "Obsługa administracyjna", "7 000,00", "6 000,00", "1 000,00",
     ""}};

static void
fill_costs(struct grant_offer_form *f, const struct demo_cost *costs)
{
    int i;

    for (i = 0; i < 3; i++) {
        f->cost_kind[i] = costs[i].kind;
        f->cost_name[i] = costs[i].name;
        f->cost_total[i] = costs[i].total;
        f->cost_grant[i] = costs[i].grant;
        f->cost_own[i] = costs[i].own;
        f->cost_nonfin[i] = costs[i].nonfin;
    }
}

/* A date n days from now (UTC), "YYYY-MM-DD", in a. */
static const char *
day_from_now(struct arena *a, int n)
{
    time_t t = time(NULL) + (time_t)n * 86400;
    struct tm tm;

    gmtime_r(&t, &tm);
    return arena_printf(a, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                        tm.tm_mday);
}

static struct mon_actor
actor(struct db *db, const char *login, enum role role)
{
    struct mon_actor act;

    memset(&act, 0, sizeof(act));
    if (users_account_id(db, login, &act.account) != 0) {
        act.account = 0;
    }
    act.role = role;
    act.region = "04";
    act.who.account = login;
    act.who.via = "cli";
    return act;
}

static int
report(const char *what, int rc, const char *const *errs, int nerrs,
       const char *why)
{
    if (rc != 0) {
        fprintf(stderr, "demo: grants: %s: %s\n", what,
                nerrs > 0     ? errs[0]
                : why != NULL ? why
                              : "store error");
    }
    return rc;
}

/* Register, confirm the e-mail of and confirm organisation i. */
static int
demo_org(struct db *db, struct arena *a, const struct mon_actor *office, int i,
         int64_t *id)
{
    const struct mon_actor public = actor(db, NULL, ROLE_PUBLIC);
    struct grant_org_form f;
    const char **errs = NULL, *token = NULL, *why = NULL;
    int nerrs = 0, rc;

    memset(&f, 0, sizeof(f));
    f.name = orgs[i].name;
    f.krs = orgs[i].krs;
    f.address = orgs[i].address;
    f.gmina = orgs[i].gmina;
    f.email = orgs[i].email;
    f.person[0] = orgs[i].person;
    f.function[0] = orgs[i].function;
    f.login = orgs[i].login;
    f.password = arena_strndup(a, random_token(a), 20);
    rc = grant_org_register(db, a, &public, &f, "http://localhost:8080", id,
                            &token, &errs, &nerrs);
    if (rc == 0) {
        rc = grant_org_confirm_email(db, a, &public, token, id);
    }
    if (rc == 0) {
        rc = grant_org_decide(db, a, office, *id, true, NULL, &why);
    }
    return report(orgs[i].login, rc, errs, nerrs, why);
}

/* A call of the 2024 plan's task from its form. */
static int
demo_call(struct db *db, struct arena *a, const struct mon_actor *office,
          struct grant_call_form *f, int64_t *id)
{
    const char **errs = NULL, *why = NULL;
    int nerrs = 0, rc;

    f->until_time = "15:30";
    f->correction_days = "7";
    rc = grant_call_save(db, a, office, 0, f, id, &errs, &nerrs);
    if (rc == 0) {
        rc = grant_call_publish(db, a, office, *id, &why);
    }
    return report(f->title, rc, errs, nerrs, why);
}

/* Save (and when submit, submit) offer d to call_id as its organisation. */
static int
demo_offer(struct db *db, struct arena *a, int64_t call_id,
           const struct demo_offer *d, const char *from, const char *to,
           bool submit, int64_t *id)
{
    const struct mon_actor org = actor(db, orgs[d->org].login, ROLE_GRANTEE);
    struct grant_offer_form f;
    struct grant_offer o;
    struct grant_finding *fs = NULL;
    const char *why = NULL;
    int i, nf = 0, rc;

    memset(&f, 0, sizeof(f));
    f.area = arena_printf(a, "%d", d->area);
    f.title = d->title;
    f.place = d->place;
    f.description = d->description;
    f.date_from = from;
    f.date_to = to;
    f.action[0] = d->action1;
    f.action_from[0] = from;
    f.action_to[0] = from;
    f.action[1] = d->action2;
    f.action_from[1] = from;
    f.action_to[1] = to;
    f.result[0] = d->result;
    f.result_target[0] = d->target;
    f.requested = d->requested;
    fill_costs(&f, d->costs);
    for (i = 0; i < GRANT_DECLARATIONS; i++) {
        f.declaration[i] = true;
    }
    rc = grant_offer_read(a, &f, &o, &fs, &nf);
    if (rc == 0) {
        struct grant_org *mine;

        rc = grant_orgs_of_account(db, a, org.account, &mine) == 1
                 ? 0
                 : ERR_NOTFOUND;
        o.org_id = rc == 0 ? mine[0].id : 0;
    }
    if (rc == 0) {
        rc = grant_offer_save(db, a, &org, call_id, 0, &o, id, &why);
    }
    if (rc == 0 && submit) {
        rc = grant_offer_submit(db, a, &org, *id, &fs, &nf, &why);
    }
    if (rc != 0) {
        fprintf(stderr, "demo: grants: offer %s: %s\n", d->title,
                nf > 0        ? fs[0].message
                : why != NULL ? why
                              : "store error");
    }
    return rc;
}

/* The finished call of task 7: offers, evaluation, results, agreements
   and reports. */
static int
finished_call(struct db *db, struct arena *a, const struct mon_actor *office,
              int64_t plan)
{
    static const char *const members[] = {"demo-koordynator", "demo-realizator",
                                          "demo-analityk"};
    /* each member's points per offer for the three merit criteria */
    static const char *const points[3][3][3] = {
        {{"9", "9", "5"}, {"8", "7", "4"}, {"6", "5", "3"}},
        {{"10", "8", "4"}, {"7", "8", "4"}, {"5", "6", "2"}},
        {{"9", "8", "5"}, {"8", "6", "3"}, {"6", "5", "3"}}};
    const char *just[3] = {"Zgodne z kryterium, opis wyczerpujący.",
                           "Kalkulacja realna.", "Wkład własny wykazany."};
    struct grant_call_form f;
    int64_t call, offer[3], ids[3];
    const char *amounts[3];
    const char **errs = NULL, *why = NULL;
    bool met[2] = {true, true};
    const char *reasons[2] = {"", ""};
    const char *spent_grant[3] = {"54 000,00", "18 000,00", "8 000,00"};
    const char *spent_own[3] = {"6 000,00", "2 000,00", "2 000,00"};
    const char *partial[3] = {"20 000,00", "5 000,00", "2 000,00"};
    const char *none[3] = {"", "", ""};
    struct grant_ranked *rk;
    struct grant_offer_form ef;
    struct grant_offer estimate;
    struct grant_finding *fs = NULL;
    struct mon_actor m;
    int i, j, n, nf = 0, nerrs = 0, rc;

    memset(&f, 0, sizeof(f));
    f.kind = "grant";
    f.title = "Grant na wsparcie rodziny w wypełnianiu funkcji "
              "rodzicielskich 2024" DEMO;
    f.description = "Rozwój kompetencji ojcowskich i macierzyńskich, "
                    "promowanie pozytywnych przykładów i postaw "
                    "rodzicielskich (plan 2024, poz. 7).";
    f.plan = arena_printf(a, "%ld", (long)plan);
    f.task = "7";
    f.area_name[0] = "Kompetencje rodzicielskie";
    f.area_budget[0] = "200 000,00";
    f.max_grant = "80 000,00";
    f.min_own = "10";
    f.until_date = day_from_now(a, 1);
    f.results_by = day_from_now(a, 30);
    f.task_from = "2024-04-01";
    f.task_to = "2024-12-15";
    f.formal[0] = "Oferta złożona w terminie i na właściwym formularzu";
    f.formal[1] = "Organizacja prowadzi działalność statutową w obszarze";
    f.merit[0] = "Możliwość realizacji zadania";
    f.merit_max[0] = "10";
    f.merit[1] = "Kalkulacja kosztów";
    f.merit_max[1] = "10";
    f.merit[2] = "Wkład własny i wolontariat";
    f.merit_max[2] = "5";
    if ((rc = demo_call(db, a, office, &f, &call)) != 0) {
        return rc;
    }
    for (i = 0; i < 3; i++) {
        if ((rc = demo_offer(db, a, call, &finished_offers[i], "2024-04-01",
                             "2024-12-15", true, &offer[i])) != 0) {
            return rc;
        }
    }
    if ((rc = grant_call_demo_dates(db, call, "2024-01-15T09:00:00Z",
                                    "2024-02-15T14:30:00Z", "2024-03-29")) !=
        0) {
        return report("dates", rc, NULL, 0, NULL);
    }
    for (i = 0; i < 3; i++) {
        rc = grant_formal_save(db, a, office, offer[i], met, reasons, "passed",
                               &why);
        if (rc != 0) {
            return report("formal", rc, NULL, 0, why);
        }
    }
    for (j = 0; j < 3; j++) {
        m = actor(db, members[j],
                  j == 0   ? ROLE_COORDINATOR
                  : j == 1 ? ROLE_IMPLEMENTER
                           : ROLE_ANALYST);
        if ((rc = grant_member_add(db, a, office, call, members[j], &why)) !=
                0 ||
            (rc = grant_member_declare(db, a, &m, call)) != 0) {
            return report(members[j], rc, NULL, 0, why);
        }
        for (i = 0; i < 3; i++) {
            rc = grant_scores_save(db, a, &m, offer[i], points[j][i], just,
                                   &errs, &nerrs);
            if (rc != 0) {
                return report("scores", rc, errs, nerrs, NULL);
            }
        }
    }
    if ((n = grant_ranking(db, a, call, &rk)) != 3) {
        return report("ranking", n < 0 ? n : ERR_INPUT, NULL, 0, NULL);
    }
    for (i = 0; i < n; i++) {
        ids[i] = rk[i].o.id;
        amounts[i] = rk[i].o.id == offer[0]   ? "80 000,00"
                     : rk[i].o.id == offer[1] ? "60 000,00"
                                              : "0";
    }
    rc = grant_results_publish(db, a, office, call, ids, amounts, n, &errs,
                               &nerrs);
    if (rc != 0) {
        return report("results", rc, errs, nerrs, NULL);
    }
    memset(&ef, 0, sizeof(ef));
    fill_costs(&ef, reduced);
    if ((rc = grant_offer_read(a, &ef, &estimate, &fs, &nf)) != 0) {
        return report("estimate", rc, NULL, 0, fs[0].message);
    }
    if ((rc = grant_agreement_sign(db, a, office, offer[0], "DS-I.524.7.1.2024",
                                   "2024-04-05", "80 000,00", NULL, &errs,
                                   &nerrs)) != 0 ||
        (rc = grant_agreement_sign(db, a, office, offer[1], "DS-I.524.7.2.2024",
                                   "2024-04-08", "60 000,00", &estimate, &errs,
                                   &nerrs)) != 0) {
        return report("agreement", rc, errs, nerrs, NULL);
    }
    m = actor(db, orgs[0].login, ROLE_GRANTEE);
    rc = grant_report_submit(db, a, &m, offer[0], "final", "6", "140",
                             "Zrealizowano 24 warsztaty i 60 konsultacji.",
                             spent_grant, spent_own, &errs, &nerrs, &why);
    if (rc != 0) {
        return report("report", rc, errs, nerrs, why);
    }
    {
        struct grant_report *reps;

        if (grant_reports_of(db, a, offer[0], &reps) < 1 ||
            (rc = grant_report_decide(db, a, office, reps[0].id, true, NULL,
                                      &why)) != 0) {
            return report("acceptance", rc != 0 ? rc : ERR_NOTFOUND, NULL, 0,
                          why);
        }
    }
    m = actor(db, orgs[1].login, ROLE_GRANTEE);
    rc = grant_report_submit(db, a, &m, offer[1], "partial", "3", "70",
                             "Pierwsze trzy warsztaty weekendowe.", partial,
                             none, &errs, &nerrs, &why);
    if (rc == 0) {
        rc = grant_call_demo_results_at(db, call, "2024-03-27T11:00:00Z",
                                        "2025-01-15T10:00:00Z");
    }
    return report("partial report", rc, errs, nerrs, why);
}

/* The open call of task 6 (its four grants) with a draft and a submitted
   offer, and the Stalowy Anioł contest. */
static int
open_calls(struct db *db, struct arena *a, const struct mon_actor *office,
           int64_t plan)
{
    static const struct demo_offer senior = {
        2,
        3,
        "Aktywny senior — kluby integracji" DEMO,
        "Włocławek, ul. Modelowa 7",
        "Cotygodniowe spotkania klubowe seniorów z zajęciami ruchowymi.",
        "Nabór uczestników",
        "Spotkania klubowe",
        "liczba seniorów",
        "80",
        "43 500,00",
        {{"action", "Prowadzenie zajęć", "40 000,00", "36 000,00", "2 000,00",
          "2 000,00"},
         {"action", "Wynajem sali", "6 000,00", "5 000,00", "1 000,00", ""},
         {"admin", "Koordynacja", "3 000,00", "2 500,00", "500,00", ""}}};
    static const struct demo_offer youth = {
        0,
        1,
        "Świetlica „Przystań” — zajęcia rozwojowe" DEMO,
        "Toruń, ul. Przykładowa 12",
        "Zajęcia rozwojowe dla dzieci zagrożonych wykluczeniem.",
        "Nabór dzieci",
        "Zajęcia popołudniowe",
        "liczba dzieci",
        "40",
        "52 000,00",
        {{"action", "Wynagrodzenie wychowawców", "50 000,00", "45 000,00",
          "5 000,00", ""},
         {"action", "Materiały plastyczne", "5 000,00", "4 500,00", "500,00",
          ""},
         {"admin", "Księgowość", "3 000,00", "2 500,00", "500,00", ""}}};
    struct grant_call_form f;
    const char *from = day_from_now(a, 90), *to = day_from_now(a, 300);
    int64_t call, id;
    int rc;

    memset(&f, 0, sizeof(f));
    f.kind = "grant";
    f.title = "Granty na wspieranie rodzin w opiece nad osobami "
              "niesamodzielnymi" DEMO;
    f.description = "Zadania na rzecz dzieci i młodzieży oraz seniorów i "
                    "osób przewlekle chorych (plan 2024, poz. 6).";
    f.plan = arena_printf(a, "%ld", (long)plan);
    f.task = "6";
    f.area_name[0] = "Zajęcia rozwojowe dla dzieci i młodzieży zagrożonych "
                     "wykluczeniem społecznym";
    f.area_budget[0] = "300 000,00";
    f.area_name[1] = "Prace wychowawcze z dziećmi i młodzieżą w "
                     "organizacjach młodzieżowych";
    f.area_budget[1] = "300 000,00";
    f.area_name[2] = "Aktywizacja i integracja społeczna seniorów";
    f.area_budget[2] = "200 000,00";
    f.area_name[3] = "Opieka nad osobami przewlekle chorymi";
    f.area_budget[3] = "300 000,00";
    f.max_grant = "60 000,00";
    f.min_own = "5";
    f.until_date = day_from_now(a, 30);
    f.results_by = day_from_now(a, 60);
    f.task_from = from;
    f.task_to = to;
    f.formal[0] = "Oferta złożona w terminie i na właściwym formularzu";
    f.formal[1] = "Zadanie mieści się w obszarze naboru";
    f.merit[0] = "Możliwość realizacji zadania";
    f.merit_max[0] = "10";
    f.merit[1] = "Kalkulacja kosztów";
    f.merit_max[1] = "10";
    f.merit[2] = "Rezultaty i wskaźniki";
    f.merit_max[2] = "10";
    if ((rc = demo_call(db, a, office, &f, &call)) != 0 ||
        (rc = demo_offer(db, a, call, &senior, from, to, true, &id)) != 0 ||
        (rc = demo_offer(db, a, call, &youth, from, to, false, &id)) != 0) {
        return rc;
    }
    memset(&f, 0, sizeof(f));
    f.kind = "award";
    f.title = "Nagroda „Stalowy Anioł” za działalność w pomocy "
              "społecznej" DEMO;
    f.description = "Nagrody dla osób wyróżniających się w działalności "
                    "pomocy społecznej na rzecz mieszkańców województwa "
                    "(plan 2024, poz. 13). Zgłoszenia składają organizacje "
                    "i instytucje.";
    f.plan = arena_printf(a, "%ld", (long)plan);
    f.task = "13";
    f.area_name[0] = "Nagrody indywidualne";
    f.area_budget[0] = "50 000,00";
    f.max_grant = "10 000,00";
    f.min_own = "0";
    f.until_date = day_from_now(a, 45);
    f.results_by = day_from_now(a, 75);
    f.task_from = day_from_now(a, 76);
    f.task_to = day_from_now(a, 120);
    f.formal[0] = "Zgłoszenie złożone przez uprawniony podmiot";
    f.merit[0] = "Wkład w rozwój pomocy społecznej w regionie";
    f.merit_max[0] = "10";
    f.merit[1] = "Innowacyjność działań";
    f.merit_max[1] = "10";
    f.merit[2] = "Oddziaływanie na społeczność lokalną";
    f.merit_max[2] = "10";
    return demo_call(db, a, office, &f, &call);
}

/* The initiatives and beneficiaries of tasks 6 and 7 as computed
   indicators of the calls. */
static int
bind_indicators(struct db *db, struct arena *a, const struct mon_actor *office,
                int64_t plan_id)
{
    struct plan *p;
    struct plan_meta meta;
    const char *why = NULL, *task, *filter;
    int i, rc;

    if ((rc = plan_store_load(db, a, plan_id, &p, &meta)) != 0) {
        return rc;
    }
    for (i = 0; i < p->nindicators; i++) {
        const struct plan_indicator *ind = &p->indicators[i];

        if (ind->task < 0) {
            continue;
        }
        task = p->tasks[ind->task].number;
        if (strcmp(task, "6") != 0 && strcmp(task, "7") != 0) {
            continue;
        }
        filter = strstr(ind->name, "inicjatyw") != NULL     ? "initiatives"
                 : strstr(ind->name, "beneficjent") != NULL ? "beneficiaries"
                                                            : NULL;
        if (filter != NULL &&
            (rc = mon_binding_set(db, a, office, plan_id, i, "grants", filter,
                                  task, &why)) != 0) {
            return report("indicator", rc, NULL, 0, why);
        }
    }
    return 0;
}

int
grants_demo_load(struct db *db, struct arena *a)
{
    const struct mon_actor office =
        actor(db, "demo-koordynator", ROLE_COORDINATOR);
    struct plan_summary *p;
    struct grant_call *calls;
    int64_t total = 0, plan = 0, id;
    int n, i, rc;

    if (grant_calls_list(db, a, true, "04", 1, 0, &calls, &total) < 0 ||
        total > 0) {
        return 0; /* made by an earlier run */
    }
    if ((n = plan_store_list(db, a, true, "04", &p)) < 0) {
        return n;
    }
    for (i = 0; i < n; i++) {
        if (strcmp(p[i].kind, "yearly") == 0 && p[i].year == 2024) {
            plan = p[i].id;
        }
    }
    if (plan == 0 || office.account == 0) {
        return 0; /* no 2024 plan or no demo accounts: nothing to wire */
    }
    for (i = 0; i < NORGS; i++) {
        if ((rc = demo_org(db, a, &office, i, &id)) != 0) {
            return rc;
        }
    }
    if ((rc = finished_call(db, a, &office, plan)) != 0 ||
        (rc = open_calls(db, a, &office, plan)) != 0 ||
        (rc = bind_indicators(db, a, &office, plan)) != 0) {
        return rc;
    }
    printf("demo: grants: 3 organisations, a finished call of the 2024 "
           "plan's task 7 (results, 2 agreements, an accepted report), an "
           "open call of task 6 and the Stalowy Anioł contest\n");
    return 0;
}
