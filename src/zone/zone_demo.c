/*
** The zone's demo data (rodzina init --demo, issue 19): forum categories
** of region 04 with a thread opened by the demo coordinator, an accepted
** good practice of Toruń and a public guide counted toward task 1.8 of
** the 2021 plan, and a confirmed professional (a social worker of Toruń)
** who has replied in the thread, so that the zone can be tried as its
** users see it. Written through the store, so each has its audit row.
*/
#include <stdio.h>
#include <string.h>

#include "auth/auth.h"
#include "core/arena.h"
#include "core/err.h"
#include "core/random.h"
#include "db/db.h"
#include "users/users.h"
#include "zone.h"

/* A minimal PDF file, the demo guide's content. */
static const char demo_pdf[] =
    "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
    "2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
    "trailer <</Root 1 0 R>>\n%%EOF\n";

int zone_demo_load(struct db *db, struct arena *a);

int
zone_demo_load(struct db *db, struct arena *a)
{
    static const char *const categories[][2] = {
        {"Procedura Niebieskiej Karty",
         "Wszczęcie, prowadzenie i zakończenie procedury w praktyce"},
        {"Zespoły interdyscyplinarne",
         "Organizacja pracy zespołów i grup diagnostyczno-pomocowych"},
        {"Szkoła i przedszkole",
         "Rozpoznawanie przemocy i współpraca placówek oświatowych"},
    };
    const struct audit_entry who = {.account = "demo-koordynator",
                                    .via = "cli"};
    const struct zone_practice practice = {
        .gmina = "0463011",
        .area = "violence",
        .topic = "Niebieska Karta",
        .title = "Wspólne dyżury zespołu interdyscyplinarnego i dzielnicowych",
        .institutions = "Miejski Ośrodek Pomocy Rodzinie, Komenda Miejska "
                        "Policji, szkoły podstawowe",
        .problem = "Rodziny objęte procedurą nie zgłaszały się na spotkania "
                   "grup diagnostyczno-pomocowych.",
        .actions = "Raz w tygodniu wspólny dyżur pracownika socjalnego i "
                   "dzielnicowego w szkole, z możliwością rozmowy na miejscu.",
        .results = "Dwa razy więcej spotkań odbytych w terminie w ciągu roku.",
        .contact = "zespol@example.pl",
    };
    const struct zone_material guide = {
        .region = "04",
        .title = "Poradnik: procedura Niebieskiej Karty krok po kroku",
        .kind = "guide",
        .audience = "all",
        .description = "Dla członków zespołów interdyscyplinarnych i grup "
                       "diagnostyczno-pomocowych.",
        .task = "1.8",
        .public = true,
    };
    const struct zone_upload file = {"poradnik-nk.pdf", demo_pdf,
                                     sizeof(demo_pdf) - 1};
    /* Its own password, printed: registration makes the account. */
    const char *password = arena_strndup(a, random_token(a), 20);
    const struct zone_registration prof = {
        .login = "demo-profesjonalista",
        .password = password,
        .name = "Anna Przykładowa (dane demonstracyjne)",
        .email = "anna.przykladowa@example.org",
        .institution = "Miejski Ośrodek Pomocy Rodzinie w Toruniu",
        .gmina = "0463011",
        .grp = "ops",
    };
    const char *why = NULL;
    int64_t author, id, first = 0, thread, prof_id, post;
    size_t i;
    int rc;

    struct zone_category *had;

    /* init --demo again: the zone's examples are there already (checked
    ** first: a refused insert would doom the demo's transaction). */
    if ((rc = zone_categories(db, a, "04", 0, &had)) != 0) {
        return rc < 0 ? rc : 0;
    }
    if ((rc = users_account_id(db, "demo-koordynator", &author)) != 0) {
        fprintf(stderr, "demo: zone: no demo coordinator\n");
        return rc;
    }
    for (i = 0; i < sizeof(categories) / sizeof(categories[0]); i++) {
        rc = zone_category_add(db, a, "04", categories[i][0], categories[i][1],
                               &who, &id, &why);
        if (rc != 0) {
            fprintf(stderr, "demo: zone: category: %s\n", why ? why : "");
            return rc;
        }
        first = first ? first : id;
    }
    if ((rc = zone_thread_add(
             db, a, first, author, "Jak zapraszacie rodziny na spotkania?",
             "Szukamy sposobów, by rodziny przychodziły na spotkania grup "
             "diagnostyczno-pomocowych. Co *u Was* działa?\n\n"
             "- list polecony\n- telefon dzień wcześniej\n- spotkanie w "
             "szkole",
             NULL, &who, &thread, &why)) != 0 ||
        (rc = zone_practice_add(db, a, &practice, NULL, author, &who, &id,
                                &why)) != 0 ||
        (rc = zone_practice_decide(db, a, id, "04", true, &who)) != 0 ||
        (rc = zone_material_add(db, a, &guide, &file, "pierwsze wydanie", &who,
                                &id, &why)) != 0 ||
        (rc = zone_register(db, a, &prof, &who, &why)) != 0 ||
        (rc = users_account_id(db, prof.login, &prof_id)) != 0 ||
        (rc = zone_prof_decide(db, a, prof_id, "04", true, &who)) != 0 ||
        (rc = zone_reply_add(
             db, a, thread, prof_id,
             "U nas działa telefon dzień wcześniej i *spotkanie w szkole*, "
             "gdy dziecko i tak tam jest.",
             NULL, "http://localhost:8080",
             &(const struct audit_entry){.account = prof.login, .via = "cli"},
             &post, &why)) != 0) {
        fprintf(stderr, "demo: zone: %s\n", why ? why : "store error");
        return rc;
    }
    printf("demo: zone: 3 forum categories, 1 thread with a reply, 1 good "
           "practice, 1 material; professional account demo-profesjonalista "
           "(confirmed), password: %s\n",
           password);
    return 0;
}
