/*
** Niebieska Linia demo data. Agreements of kujawsko-pomorskie's gminas as
** the region's 2021 presentation (seed 000) counts them: 115 rural and
** urban-rural and 15 urban gminas with an agreement, 12 and 2 without. Duty
** hours in six cities of the region for the coming four weeks (the seed
** says "six cities" without naming them: the six largest are assumed) and
** 2 136 generated contacts of 2021 (the plan of seed 001 foresaw 2 000
** pieces of advice that year). Each part is loaded once.
*/
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "auth/auth.h"
#include "core/arena.h"
#include "core/err.h"
#include "db/db.h"
#include "helpline.h"

#define DEMO_REGION "04"
#define DEMO_CONTACTS 2136

static const struct audit_entry demo_who = {.via = "cli",
                                            .action = "helpline.demo"};

static int
count(struct db *db, enum query_id q)
{
    db_stmt *st = db_query(db, q);
    int64_t n = 0;
    int rc;

    db_bind_text(st, 1, DEMO_REGION);
    rc = db_one_int(st, &n);
    return rc != 0 ? rc : (int)n;
}

static int
load_agreements(struct db *db)
{
    db_stmt *st;
    struct {
        char teryt[8];
        int rodz;
    } g[200];
    int n = 0, rural = 0, urban = 0, i, rc;

    if ((rc = count(db, Q_HELPLINE_AGREEMENT_ANY)) != 0) {
        return rc < 0 ? rc : 0;
    }
    st = db_query(db, Q_HELPLINE_REGION_GMINAS);
    db_bind_text(st, 1, DEMO_REGION);
    while ((rc = db_step(st)) == DB_ROW && n < 200) {
        snprintf(g[n].teryt, sizeof(g[n].teryt), "%s", db_col_text(st, 0));
        g[n].rodz = (int)db_col_int(st, 1);
        n++;
    }
    db_done(st);
    if (rc != DB_DONE && rc != DB_ROW) {
        return rc;
    }
    for (i = 0; i < n; i++) {
        /* Every tenth rural and every eighth urban gmina stays out:
         * 12 of the 127 and 2 of the 17. */
        bool without = g[i].rodz == 1 ? urban++ % 8 == 7 : rural++ % 10 == 9;
        char since[16];

        if (without) {
            continue;
        }
        snprintf(since, sizeof(since), "%d-01-01", 2014 + i % 6);
        st = db_query(db, Q_HELPLINE_AGREEMENT_UPSERT);
        db_bind_text(st, 1, g[i].teryt);
        db_bind_text(st, 2, DEMO_REGION);
        db_bind_text(st, 3, since);
        db_bind_null(st, 4);
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
    }
    return audit_add(db, &(struct audit_entry){.via = "cli",
                                               .action = "helpline.demo",
                                               .entity = "helpline_agreement"});
}

static int
load_duties(struct db *db)
{
    static const struct {
        const char *city, *place;
        int wday; /* 0 Sunday */
    } cities[] = {
        {"Bydgoszcz", "Urząd Miasta, ul. Jezuicka 1", 1},
        {"Toruń", "Urząd Marszałkowski, ul. M. Skłodowskiej-Curie 73", 2},
        {"Włocławek", "Miejski Ośrodek Pomocy Rodzinie", 3},
        {"Grudziądz", "Miejski Ośrodek Pomocy Rodzinie", 4},
        {"Inowrocław", "Miejski Ośrodek Pomocy Społecznej", 2},
        {"Brodnica", "Powiatowe Centrum Pomocy Rodzinie", 4},
    };
    time_t now = time(NULL);
    size_t c;
    int w, rc;

    if ((rc = count(db, Q_HELPLINE_DUTY_ANY)) != 0) {
        return rc < 0 ? rc : 0;
    }
    for (w = 0; w < 4; w++) {
        for (c = 0; c < sizeof(cities) / sizeof(cities[0]); c++) {
            struct tm tm;
            char day[48];
            int d;
            db_stmt *st;

            helpline_warsaw_time(now, &tm);
            d = (cities[c].wday - tm.tm_wday + 7) % 7 + 7 * w;
            helpline_warsaw_time(now + (time_t)d * 86400, &tm);
            snprintf(day, sizeof(day), "%04d-%02d-%02d", tm.tm_year + 1900,
                     tm.tm_mon + 1, tm.tm_mday);
            st = db_query(db, Q_HELPLINE_DUTY_INSERT);
            db_bind_text(st, 1, DEMO_REGION);
            db_bind_int(st, 2, 1);
            db_bind_int(st, 3, c % 2 ? 1 : 2);
            db_bind_text(st, 4, cities[c].city);
            db_bind_text(st, 5, cities[c].place);
            db_bind_text(st, 6, day);
            db_bind_text(st, 7, "16:00");
            db_bind_text(st, 8, "18:00");
            if ((rc = db_exec(st)) != 0) {
                return rc;
            }
            if (c == 1) { /* psychological consultations in Toruń */
                st = db_query(db, Q_HELPLINE_DUTY_INSERT);
                db_bind_text(st, 1, DEMO_REGION);
                db_bind_int(st, 2, 2);
                db_bind_int(st, 3, 3);
                db_bind_text(st, 4, cities[c].city);
                db_bind_text(st, 5, cities[c].place);
                db_bind_text(st, 6, day);
                db_bind_text(st, 7, "17:00");
                db_bind_text(st, 8, "20:00");
                if ((rc = db_exec(st)) != 0) {
                    return rc;
                }
            }
        }
    }
    return audit_add(db, &(struct audit_entry){.via = "cli",
                                               .action = "helpline.demo",
                                               .entity = "helpline_duty"});
}

/* A small deterministic generator, so every demo database is the same. */
static unsigned
next(unsigned *s)
{
    *s = *s * 1103515245u + 12345u;
    return (*s >> 16) & 0x7fff;
}

static int
load_contacts(struct db *db)
{
    static const int channel_w[] = {0, 55, 10, 12, 10, 8, 2, 3};
    char gminas[200][8];
    unsigned seed = 2021;
    int ng = 0, i, rc;
    db_stmt *st;

    if ((rc = count(db, Q_HELPLINE_CONTACT_ANY)) != 0) {
        return rc < 0 ? rc : 0;
    }
    st = db_query(db, Q_HELPLINE_REGION_GMINAS);
    db_bind_text(st, 1, DEMO_REGION);
    while ((rc = db_step(st)) == DB_ROW && ng < 200) {
        snprintf(gminas[ng++], 8, "%s", db_col_text(st, 0));
    }
    db_done(st);
    if (ng == 0) {
        return 0;
    }
    for (i = 0; i < DEMO_CONTACTS; i++) {
        int doy = (int)(next(&seed) % 365), m = 0, ch = 1, w, k;
        static const int dm[] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
        char at[64];
        unsigned forms;

        while (doy >= dm[m]) {
            doy -= dm[m++];
        }
        w = (int)(next(&seed) % 100);
        for (k = 1; k <= HELPLINE_CHANNELS; k++) {
            if (w < channel_w[k]) {
                ch = k;
                break;
            }
            w -= channel_w[k];
        }
        snprintf(at, sizeof(at), "2021-%02d-%02dT%02d:%02d", m + 1, doy + 1,
                 ch == 1 ? 17 + (int)(next(&seed) % 4)
                         : 9 + (int)(next(&seed) % 7),
                 (int)(next(&seed) % 60));
        forms = 1u + next(&seed) % 63u;
        st = db_query(db, Q_HELPLINE_CONTACT_INSERT);
        db_bind_text(st, 1, DEMO_REGION);
        db_bind_text(st, 2, at);
        db_bind_int(st, 3, ch);
        db_bind_int(st, 4,
                    1 + (int)(next(&seed) % 100 < 70 ? 0 : next(&seed) % 4));
        /* One contact in ten does not say where the caller lives. */
        db_bind_text(
            st, 5,
            next(&seed) % 10 == 0 ? NULL : gminas[next(&seed) % (unsigned)ng]);
        db_bind_int(st, 6, forms & (next(&seed) % 2 ? 0x3u : 0x3fu));
        db_bind_int(st, 7, 1u << (next(&seed) % 5));
        db_bind_int(st, 8, 1u | (1u << (next(&seed) % 6)));
        db_bind_int(st, 9, next(&seed) % 3 ? 0 : 1u << (next(&seed) % 8));
        db_bind_int(st, 10, 5 + (int)(next(&seed) % 55));
        db_bind_null(st, 11);
        db_bind_text(st, 12, "demo");
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
    }
    return audit_add(db, &(struct audit_entry){
                             .via = "cli",
                             .action = "helpline.demo",
                             .entity = "helpline_contact",
                             .after = "{\"contacts\":2136,\"year\":2021}"});
}

int
helpline_demo_load(struct db *db, struct arena *a)
{
    int rc;

    (void)a;
    (void)demo_who;
    if ((rc = load_agreements(db)) != 0 || (rc = load_duties(db)) != 0 ||
        (rc = load_contacts(db)) != 0) {
        fprintf(stderr, "demo: helpline data failed (%d)\n", rc);
        return rc;
    }
    printf("demo: helpline agreements, duties and %d contacts of 2021\n",
           DEMO_CONTACTS);
    return 0;
}
