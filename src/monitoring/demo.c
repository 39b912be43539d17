/*
** Demo data of monitoring (`rodzina init --demo`): registers of 2021 and
** 2024 for kujawsko-pomorskie and the realisation of the 2021 schedule of
** seed 001, so that its annual report is complete. Every value here is
** invented and says so: notes and titles carry "dane demonstracyjne".
** Entries go through mon_entry_save/mon_entry_decide, so they have their
** history and audit rows like any other.
*/
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "db/db.h"
#include "monitoring.h"
#include "monitoring/strings_pl.h"

#define DEMO " (" T_MON_DEMO_NOTE ")"

/* Trainings of task 1.1 in 2021: participants by group sum to 185. */
static const char *const events[][16] = {
    {"training", "Szkolenie dla zespołów interdyscyplinarnych" DEMO,
     "2021-03-16", "2021-03-17", "0463011", "Toruń", "ROPS w Toruniu", "1.1",
     "30", "2", "0", "0", "12", "2", "0", T_MON_DEMO_NOTE},
    {"training", "Procedura Niebieskiej Karty w praktyce" DEMO, "2021-05-11",
     "2021-05-11", "0461011", "Bydgoszcz", "ROPS w Toruniu", "1.1", "24", "0",
     "10", "0", "20", "0", "0", T_MON_DEMO_NOTE},
    {"training", "Praca z osobą doznającą przemocy" DEMO, "2021-06-22",
     "2021-06-23", "0464011", "Włocławek", "ROPS w Toruniu", "1.1", "20", "2",
     "11", "0", "10", "4", "0", T_MON_DEMO_NOTE},
    {"training", "Szkolenie dla pedagogów szkolnych" DEMO, "2021-09-28",
     "2021-09-28", "0462011", "Grudziądz", "ROPS w Toruniu", "1.1", "0", "0",
     "10", "0", "0", "0", "0", T_MON_DEMO_NOTE},
    {"training", "Oddziaływania korekcyjno-edukacyjne" DEMO, "2021-10-19",
     "2021-10-20", "0463011", "Toruń", "ROPS w Toruniu", "1.1", "18", "0", "0",
     "0", "10", "0", "0", T_MON_DEMO_NOTE},
    {"conference", "Konferencja wojewódzka: przeciwdziałanie przemocy" DEMO,
     "2021-11-25", "2021-11-25", "0463011", "Toruń", "ROPS w Toruniu", "1.2",
     "60", "15", "20", "10", "15", "25", "30", T_MON_DEMO_NOTE},
    {"supervision", "Superwizja dla pracowników pierwszego kontaktu" DEMO,
     "2021-09-14", "2021-09-14", "0461011", "Bydgoszcz", "ROPS w Toruniu",
     "1.11", "0", "0", "0", "0", "0", "12", "0", T_MON_DEMO_NOTE},
};

static const char *const grants[][11] = {
    {"2021", "Otwarty konkurs ofert: przeciwdziałanie przemocy w rodzinie" DEMO,
     "przeciwdziałanie przemocy", "50 000,00", "7", "3", "48 500,00", "12",
     "640", "3.6", T_MON_DEMO_NOTE},
    {"2024", "Otwarty konkurs ofert: wspieranie rodziny 2024" DEMO,
     "wspieranie rodziny", "600 000,00", "41", "18", "598 000,00", "94", "6240",
     "6", T_MON_DEMO_NOTE},
};

/* The three grants of the 2021 competition and their reports: amounts,
   initiatives and beneficiaries sum to the competition's 48 500,00 zł,
   12 and 640. The organisations are invented. */
static const char *const awards[][5] = {
    {"Fundacja Pomocy Rodzinie „Przystań” w Toruniu" DEMO,
     "Grupy wsparcia dla osób doznających przemocy", "18 000,00", "5", "260"},
    {"Stowarzyszenie Przeciw Przemocy „Bezpieczny Dom” w Bydgoszczy" DEMO,
     "Poradnictwo prawne i psychologiczne", "16 500,00", "4", "220"},
    {"Towarzystwo Wsparcia Rodzin we Włocławku" DEMO,
     "Warsztaty umiejętności wychowawczych", "14 000,00", "3", "160"},
};

static const char *const adoptions[][8] = {
    {"2024", "Ośrodek Adopcyjny w Toruniu" DEMO, "38", "12", "17", "19", "14",
     T_MON_DEMO_NOTE},
    {"2024", "Ośrodek Adopcyjny w Bydgoszczy, filia we Włocławku" DEMO, "29",
     "9", "13", "15", "15", T_MON_DEMO_NOTE},
};

static const char *const publications[][8] = {
    {"2021", "leaflet",
     "Ulotka „Przemoc w rodzinie — gdzie szukać pomocy”" DEMO, "1", "5000", "0",
     "2.2", T_MON_DEMO_NOTE},
    {"2021", "guide", "Poradnik dla specjalistów: procedura NK" DEMO, "1",
     "1500", "0", "2.2", T_MON_DEMO_NOTE},
    {"2021", "campaign", "Kampania radiowa „Nie jesteś sam”" DEMO, "1", "0",
     "24", "2.2", T_MON_DEMO_NOTE},
};

/* Indicator -> metric bindings of the 2021 schedule (by position). */
static const struct {
    int pos;
    const char *metric, *filter, *task;
} bindings[] = {
    {0, "events", "training", "1.1"},
    {1, "participants", "", "1.1"},
    {2, "participants", "team", "1.1"},
    {3, "participants", "gkrpa", "1.1"},
    {4, "participants", "teachers", "1.1"},
    {5, "participants", "probation", "1.1"},
    {6, "participants", "police", "1.1"},
    {7, "participants", "social", "1.1"},
    {17, "publications", "editions", "2.2"},
    {25, "helpline_agreements", "", ""},
    {26, "helpline_contacts", "", ""},
    {31, "grants", "awards", "3.6"},
};

/* The demo grantee account (users/users_demo.c) belongs, by id, to the
   organisation of the first demo award. */
static int
link_demo_grantee(struct db *db, struct arena *a, int64_t award)
{
    struct mon_award w;
    db_stmt *st = db_query(db, Q_ACCOUNT_BY_LOGIN);
    int64_t account = 0;
    int rc;

    db_bind_text(st, 1, "demo-organizacja");
    rc = db_step(st);
    if (rc == DB_ROW) {
        account = db_col_int(st, 0);
    }
    db_done(st);
    if (account == 0) {
        return rc == DB_DONE ? 0 : rc;
    }
    if ((rc = mon_award_get(db, a, award, &w)) != 0) {
        return rc;
    }
    st = db_query(db, Q_ACCOUNT_UNIT_INSERT);
    db_bind_int(st, 1, account);
    db_bind_int(st, 2, w.organisation_id);
    return db_exec(st);
}

static int
load_awards(struct db *db, struct arena *a, const struct mon_actor *act,
            int64_t grant_id)
{
    size_t i;
    int rc, nerrs;

    for (i = 0; i < sizeof(awards) / sizeof(awards[0]); i++) {
        const char **errs;
        int64_t id = 0;

        rc = mon_award_add(db, a, act, grant_id, awards[i][0], awards[i][1],
                           awards[i][2], &id, &errs, &nerrs);
        if (rc == 0) {
            rc = mon_award_report(db, a, act, id, awards[i][3], awards[i][4],
                                  T_MON_DEMO_NOTE, &errs, &nerrs);
        }
        if (rc == 0 && i == 0) {
            rc = link_demo_grantee(db, a, id);
        }
        if (rc != 0) {
            fprintf(stderr, "demo: grant award %zu not stored (%d)\n", i + 1,
                    rc);
            return rc;
        }
    }
    return 0;
}

static int
load_registers(struct db *db, struct arena *a, const struct mon_actor *act)
{
    static const struct {
        const char *slug;
        const void *rows;
        int nrows, ncols;
    } sets[] = {
        {"szkolenia", events, (int)(sizeof(events) / sizeof(events[0])), 16},
        {"konkursy", grants, (int)(sizeof(grants) / sizeof(grants[0])), 11},
        {"adopcje", adoptions, (int)(sizeof(adoptions) / sizeof(adoptions[0])),
         8},
        {"publikacje", publications,
         (int)(sizeof(publications) / sizeof(publications[0])), 8},
    };
    size_t s;
    int i, rc;

    for (s = 0; s < sizeof(sets) / sizeof(sets[0]); s++) {
        const struct mon_register *reg = mon_register_find(sets[s].slug);
        const char *const *rows = sets[s].rows;

        for (i = 0; i < sets[s].nrows; i++) {
            struct mon_record rec;
            const char **errs;

            memset(&rec, 0, sizeof(rec));
            rec.region = "04";
            if (mon_record_check(db, a, reg, rows + i * sets[s].ncols, &rec,
                                 &errs) != 0) {
                fprintf(stderr, "demo: %s row %d: %s\n", reg->slug, i + 1,
                        errs[0]);
                return ERR_INPUT;
            }
            if ((rc = mon_record_save(db, a, reg, act, &rec)) != 0) {
                fprintf(stderr, "demo: %s row %d not stored\n", reg->slug,
                        i + 1);
                return rc;
            }
            if (strcmp(reg->slug, "konkursy") == 0 && i == 0 &&
                (rc = load_awards(db, a, act, rec.id)) != 0) {
                return rc;
            }
        }
    }
    return 0;
}

static int
enter(struct db *db, struct arena *a, const struct mon_actor *act,
      struct mon_input *in, bool approve, int64_t *id)
{
    struct mon_problem problem;
    const char *why = NULL;
    int rc = mon_entry_save(db, a, act, in, id, &problem);

    why = problem.message;
    if (rc == 0 && approve) {
        rc = mon_entry_decide(db, a, act, *id, true, NULL, &why);
    }
    if (rc != 0) {
        fprintf(stderr, "demo: realisation %s %d %s: %s\n", in->kind, in->pos,
                in->period, why ? why : "store error");
    }
    return rc;
}

/* Realisation of the 2021 plan: near the targets, a few short of them. */
static int
load_realisation(struct db *db, struct arena *a, const struct mon_actor *act,
                 int64_t plan_id)
{
    struct plan_meta meta;
    struct plan *p;
    struct mon_input in;
    const char *why;
    int64_t id, done = 0;
    db_stmt *st;
    size_t b;
    int i, l, k, q, rc, n = 0;

    st = db_query(db, Q_MON_DEMO_DONE);
    db_bind_int(st, 1, plan_id);
    if ((rc = db_one_int(st, &done)) != 0 || done > 0) {
        return rc;
    }
    if ((rc = plan_store_load(db, a, plan_id, &p, &meta)) != 0) {
        return rc;
    }
    for (b = 0; b < sizeof(bindings) / sizeof(bindings[0]); b++) {
        if (bindings[b].pos >= p->nindicators) {
            continue;
        }
        rc = mon_binding_set(db, a, act, plan_id, bindings[b].pos,
                             bindings[b].metric, bindings[b].filter,
                             bindings[b].task, &why);
        if (rc != 0) {
            fprintf(stderr, "demo: binding of indicator %d: %s\n",
                    bindings[b].pos, why ? why : "store error");
            return rc;
        }
    }
    for (i = 0; i < p->nindicators; i++) {
        const struct plan_indicator *ind = &p->indicators[i];
        int64_t target = ind->target_year.kind == PLAN_NUM_VALUE
                             ? ind->target_year.v
                             : ind->target_year.kind == PLAN_NUM_ONGOING;
        int64_t v = target;
        bool bound = false;

        for (b = 0; b < sizeof(bindings) / sizeof(bindings[0]); b++) {
            bound |= bindings[b].pos == i;
        }
        if (bound) {
            continue;
        }
        if (i % 5 == 3) {
            v = target * 7 / 10; /* short of the target: at risk */
        } else if (i % 7 == 2) {
            v = target + (target + 9) / 10;
        }
        memset(&in, 0, sizeof(in));
        in.plan_id = plan_id;
        in.kind = "indicator";
        in.pos = i;
        in.source = "";
        in.note = T_MON_DEMO_NOTE;
        if (i % 4 == 0 && v >= 4) {
            for (q = 1; q <= 4; q++) {
                in.period = arena_printf(a, "%d-Q%d", p->year, q);
                in.value = v / 4 + (q == 4 ? v % 4 : 0);
                if ((rc = enter(db, a, act, &in, true, &id)) != 0) {
                    return rc;
                }
            }
            continue;
        }
        in.period = arena_printf(a, "%d", p->year);
        in.value = v;
        if ((rc = enter(db, a, act, &in, n++ % 9 != 4, &id)) != 0) {
            return rc;
        }
    }
    /* Spending by line and source: 96 % of the plan, one line short. */
    for (l = 0; l < p->nlines; l++) {
        for (k = 0; k < p->lines[l].namounts; k++) {
            const struct plan_amount *am = &p->lines[l].amounts[k];

            if (am->amount.kind != PLAN_NUM_VALUE || am->amount.v == 0) {
                continue;
            }
            memset(&in, 0, sizeof(in));
            in.plan_id = plan_id;
            in.kind = "line";
            in.pos = l;
            in.source = p->sources[am->source].code;
            in.period = arena_printf(a, "%d", p->year);
            in.value = l == 3 ? am->amount.v / 2 : am->amount.v * 96 / 100;
            in.note = T_MON_DEMO_NOTE;
            if ((rc = enter(db, a, act, &in, l != 5 && l != 6, &id)) != 0) {
                return rc;
            }
            if (l == 6) {
                /* Returned once with a comment, then corrected. */
                rc = mon_entry_decide(db, a, act, id, false,
                                      "Proszę dołączyć zestawienie faktur "
                                      "(" T_MON_DEMO_NOTE ").",
                                      &why);
                in.value = am->amount.v * 95 / 100;
                if (rc != 0 || (rc = enter(db, a, act, &in, true, &id)) != 0) {
                    return rc;
                }
            }
        }
    }
    printf("demo: monitoring: realisation of plan %ld (%d, %s)\n",
           (long)plan_id, p->year, T_MON_DEMO_NOTE);
    return 0;
}

int
monitoring_demo_load(struct db *db, struct arena *a)
{
    struct mon_actor act;
    int64_t plan_id = 0, done = 0;
    db_stmt *st;
    int rc;

    memset(&act, 0, sizeof(act));
    act.role = ROLE_ADMIN;
    act.who.account = "demo";
    act.who.via = "cli";
    st = db_query(db, Q_MON_DEMO_PLAN);
    db_bind_int(st, 1, 2021);
    rc = db_one_int(st, &plan_id);
    if (rc == ERR_NOTFOUND) {
        return 0; /* no seed plan: nothing to fill */
    }
    if (rc != 0) {
        return rc;
    }
    st = db_query(db, Q_MON_DEMO_DONE);
    db_bind_int(st, 1, plan_id);
    if ((rc = db_one_int(st, &done)) != 0) {
        return rc;
    }
    if (done > 0) {
        return 0;
    }
    if ((rc = load_registers(db, a, &act)) != 0) {
        return rc;
    }
    return load_realisation(db, a, &act, plan_id);
}
