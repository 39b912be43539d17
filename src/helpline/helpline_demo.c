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
#include "helpline.h"
#include "teryt/teryt.h"

#define DEMO_REGION "04"
#define DEMO_CONTACTS 2136

static const struct audit_entry demo_who = {.via = "cli",
                                            .action = "helpline.demo"};

/* The region's records of that kind: their count, or an error. */
static int
count(struct db *db, enum helpline_records what)
{
    int64_t n = 0;
    int rc = helpline_store_count(db, what, DEMO_REGION, &n);

    return rc != 0 ? rc : (int)n;
}

static int
load_agreements(struct db *db, struct arena *a)
{
    struct teryt_gmina *g;
    int n, rural = 0, urban = 0, i, rc;

    if ((rc = count(db, HELPLINE_AGREEMENTS)) != 0) {
        return rc < 0 ? rc : 0;
    }
    if ((n = teryt_gminas(db, a, DEMO_REGION, &g)) < 0) {
        return n;
    }
    if (n > 200) {
        n = 200;
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
        if ((rc = helpline_store_agreement_put(db, g[i].teryt, DEMO_REGION,
                                               since, NULL)) != 0) {
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

    if ((rc = count(db, HELPLINE_DUTIES)) != 0) {
        return rc < 0 ? rc : 0;
    }
    for (w = 0; w < 4; w++) {
        for (c = 0; c < sizeof(cities) / sizeof(cities[0]); c++) {
            struct tm tm;
            char day[48];
            struct helpline_duty duty = {.region = DEMO_REGION,
                                         .kind = 1,
                                         .specialist = c % 2 ? 1 : 2,
                                         .city = cities[c].city,
                                         .place = cities[c].place,
                                         .day = day,
                                         .start = "16:00",
                                         .finish = "18:00"};
            int64_t id;
            int d;

            helpline_warsaw_time(now, &tm);
            d = (cities[c].wday - tm.tm_wday + 7) % 7 + 7 * w;
            helpline_warsaw_time(now + (time_t)d * 86400, &tm);
            snprintf(day, sizeof(day), "%04d-%02d-%02d", tm.tm_year + 1900,
                     tm.tm_mon + 1, tm.tm_mday);
            if ((rc = helpline_store_duty_insert(db, &duty, &id)) != 0) {
                return rc;
            }
            if (c == 1) { /* psychological consultations in Toruń */
                duty.kind = 2;
                duty.specialist = 3;
                duty.start = "17:00";
                duty.finish = "20:00";
                if ((rc = helpline_store_duty_insert(db, &duty, &id)) != 0) {
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
load_contacts(struct db *db, struct arena *a)
{
    static const int channel_w[] = {0, 55, 10, 12, 10, 8, 2, 3};
    struct teryt_gmina *g;
    unsigned seed = 2021;
    int ng, i, rc;

    if ((rc = count(db, HELPLINE_CONTACTS)) != 0) {
        return rc < 0 ? rc : 0;
    }
    if ((ng = teryt_gminas(db, a, DEMO_REGION, &g)) <= 0) {
        return ng;
    }
    if (ng > 200) {
        ng = 200;
    }
    for (i = 0; i < DEMO_CONTACTS; i++) {
        int doy = (int)(next(&seed) % 365), m = 0, ch = 1, w, k;
        static const int dm[] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
        struct helpline_contact c = {.region = DEMO_REGION,
                                     .created_by = "demo"};
        char at[64];
        unsigned forms;
        int64_t id;

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
        c.at = at;
        c.channel = ch;
        /* One field at a time: the generator's order makes the data. */
        c.caller = 1 + (int)(next(&seed) % 100 < 70 ? 0 : next(&seed) % 4);
        /* One contact in ten does not say where the caller lives. */
        c.gmina =
            next(&seed) % 10 == 0 ? NULL : g[next(&seed) % (unsigned)ng].teryt;
        c.forms = forms & (next(&seed) % 2 ? 0x3u : 0x3fu);
        c.harmed = 1u << (next(&seed) % 5);
        c.help = 1u | (1u << (next(&seed) % 6));
        c.referrals = next(&seed) % 3 ? 0 : 1u << (next(&seed) % 8);
        c.minutes = 5 + (int)(next(&seed) % 55);
        if ((rc = helpline_store_contact_insert(db, &c, &id)) != 0) {
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

    (void)demo_who;
    if ((rc = load_agreements(db, a)) != 0 || (rc = load_duties(db)) != 0 ||
        (rc = load_contacts(db, a)) != 0) {
        fprintf(stderr, "demo: helpline data failed (%d)\n", rc);
        return rc;
    }
    printf("demo: helpline agreements, duties and %d contacts of 2021\n",
           DEMO_CONTACTS);
    return 0;
}
