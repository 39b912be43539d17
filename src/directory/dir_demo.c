/*
** Demo data of the directory: the public lists of institutions of
** małopolskie (12) and śląskie (24) read through the directory's import
** (data/instytucje), every institution the seed documents name, with what
** they say of them (addresses, numbers, hours), and for kujawsko-pomorskie,
** which has no public list, a generated set of example institutions and
** services with example contact data, each marked "dane przykładowe", so
** that every gmina of the demo regions finds something.
** The same generator, asked for N services, fills the whole country for
** the benchmark.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/embedded.h"
#include "core/err.h"
#include "core/str.h"
#include "db/db.h"
#include "directory.h"
#include "teryt/teryt.h"

#define EXAMPLE " (dane przykładowe)"

/* --- the institutions of the seed documents --------------------------- */

struct seed_service {
    const char *name, *description, *category, *targets, *cost, *how, *phone,
        *hours, *coverage;
};

struct seed_org {
    const char *key, *parent_key, *region, *kind, *name, *description;
    const char *street, *postcode, *city, *gmina, *phone, *email, *web, *hours;
    struct seed_service services[6];
};

/* Seeds 000 (kujawsko-pomorskie), 003 (małopolskie) and 004 (FERS). */
static const struct seed_org seed_orgs[] = {
    {"rops04",
     NULL,
     "04",
     "rops",
     "Regionalny Ośrodek Polityki Społecznej w Toruniu",
     "Koordynuje politykę społeczną województwa kujawsko-pomorskiego: "
     "programy wspierania rodziny i przeciwdziałania przemocy domowej, "
     "platformę usług społecznych (projekt „Koordynacja spójnej polityki "
     "społecznej Kujaw i Pomorza”, FERS).",
     "ul. M. Skłodowskiej-Curie 73",
     "87-100",
     "Toruń",
     "0463011",
     "",
     "",
     "",
     "",
     {{"Informacja o usługach społecznych w regionie",
       "Gdzie szukać pomocy w województwie: ośrodki pomocy społecznej, "
       "PCPR, ośrodki interwencji kryzysowej, ośrodki adopcyjne, "
       "Niebieska Linia.",
       "informacja", "wszyscy,profesjonalisci", "bezpłatnie", "", "", "",
       "region:04"},
      {"Szkolenia i doradztwo dla pracowników instytucji",
       "Szkolenia dla pracowników pierwszego kontaktu, członków zespołów "
       "interdyscyplinarnych, kadry wspierania rodziny i pieczy zastępczej.",
       "informacja", "profesjonalisci", "bezpłatnie", "", "", "",
       "region:04"}}},
    {"kpoa",
     NULL,
     "04",
     "adopcja",
     "Kujawsko-Pomorski Ośrodek Adopcyjny w Toruniu",
     "Publiczny ośrodek adopcyjny samorządu województwa; oddziały w "
     "Bydgoszczy, Włocławku i Jaksicach.",
     "",
     "",
     "Toruń",
     "0463011",
     "",
     "",
     "",
     "",
     {{"Procedury adopcyjne",
       "Kwalifikacja i szkolenie kandydatów na rodziców adopcyjnych, "
       "dobór rodzin dla dzieci, wsparcie po przysposobieniu.",
       "adopcja", "kandydaci,rodziny,dzieci", "bezpłatnie",
       "Zgłoś się osobiście lub telefonicznie do ośrodka albo oddziału.", "",
       "", "region:04"}}},
    {"kpoa-byd",
     "kpoa",
     "04",
     "oddzial",
     "Kujawsko-Pomorski Ośrodek Adopcyjny — oddział w Bydgoszczy",
     "Oddział Kujawsko-Pomorskiego Ośrodka Adopcyjnego w Toruniu.",
     "",
     "",
     "Bydgoszcz",
     "0461011",
     "",
     "",
     "",
     "",
     {{"Procedury adopcyjne — oddział w Bydgoszczy",
       "Kwalifikacja i szkolenie kandydatów na rodziców adopcyjnych.",
       "adopcja", "kandydaci,rodziny", "bezpłatnie", "", "", "", "region:04"}}},
    {"kpoa-wlo",
     "kpoa",
     "04",
     "oddzial",
     "Kujawsko-Pomorski Ośrodek Adopcyjny — oddział we Włocławku",
     "Oddział Kujawsko-Pomorskiego Ośrodka Adopcyjnego w Toruniu.",
     "",
     "",
     "Włocławek",
     "0464011",
     "",
     "",
     "",
     "",
     {{"Procedury adopcyjne — oddział we Włocławku",
       "Kwalifikacja i szkolenie kandydatów na rodziców adopcyjnych.",
       "adopcja", "kandydaci,rodziny", "bezpłatnie", "", "", "", "region:04"}}},
    {"kpoa-jak",
     "kpoa",
     "04",
     "oddzial",
     "Kujawsko-Pomorski Ośrodek Adopcyjny — oddział w Jaksicach",
     "Oddział Kujawsko-Pomorskiego Ośrodka Adopcyjnego w Toruniu "
     "(Jaksice, gmina Inowrocław).",
     "",
     "",
     "Jaksice",
     "0407042",
     "",
     "",
     "",
     "",
     {{"Procedury adopcyjne — oddział w Jaksicach",
       "Kwalifikacja i szkolenie kandydatów na rodziców adopcyjnych.",
       "adopcja", "kandydaci,rodziny", "bezpłatnie", "", "", "", "region:04"}}},
    {"doao",
     NULL,
     "04",
     "adopcja",
     "Diecezjalny Ośrodek Adopcyjno-Opiekuńczy w Toruniu",
     "Niepubliczny ośrodek adopcyjny.",
     "",
     "",
     "Toruń",
     "0463011",
     "",
     "",
     "",
     "",
     {{"Procedury adopcyjne (ośrodek niepubliczny)",
       "Kwalifikacja kandydatów na rodziców adopcyjnych.", "adopcja",
       "kandydaci,rodziny", "", "", "", "", "region:04"}}},
    {"caritas",
     NULL,
     "04",
     "adopcja",
     "Ośrodek Adopcyjny Caritas Diecezji Bydgoskiej im. Św. Jana Pawła II "
     "w Bydgoszczy",
     "Niepubliczny ośrodek adopcyjny.",
     "",
     "",
     "Bydgoszcz",
     "0461011",
     "",
     "",
     "",
     "",
     {{"Procedury adopcyjne (ośrodek niepubliczny)",
       "Kwalifikacja kandydatów na rodziców adopcyjnych.", "adopcja",
       "kandydaci,rodziny", "", "", "", "", "region:04"}}},
    {"nl",
     NULL,
     "04",
     "telefon",
     "Kujawsko-Pomorska Niebieska Linia",
     "Telefon zaufania dla osób doświadczających przemocy w rodzinie, "
     "prowadzony przez samorząd województwa we współpracy z gminami. "
     "Siedziba: Urząd Marszałkowski Województwa Kujawsko-Pomorskiego. "
     "Numery 56 652 18 25 i 56 659 13 99 są czynne w godzinach pracy "
     "urzędu.",
     "ul. M. Skłodowskiej-Curie 73",
     "87-100",
     "Toruń",
     "0463011",
     "56 652 18 25; 56 659 13 99",
     "niebieskalinia@kujawsko-pomorskie.pl",
     "https://www.niebieskalinia.kujawsko-pomorskie.pl",
     "",
     {{"Telefon Pogotowia dla Ofiar Przemocy w Rodzinie 800 154 030",
       "Bezpłatny telefon zaufania dla osób doświadczających przemocy w "
       "rodzinie i dla świadków przemocy.",
       "telefon", "przemoc,wszyscy", "bezpłatnie (numer bezpłatny)",
       "Zadzwoń: 800 154 030, codziennie 17.00–21.00.", "800 154 030",
       "codziennie 17:00-21:00", "region:04"},
      {"Porady internetowe",
       "Porady prawników i psychologów udzielane pocztą elektroniczną pod "
       "adresem niebieskalinia@kujawsko-pomorskie.pl.",
       "przemoc", "przemoc", "bezpłatnie",
       "Napisz na niebieskalinia@kujawsko-pomorskie.pl.", "", "", "region:04"},
      {"Dyżury prawne dla osób doświadczających przemocy domowej",
       "Dyżury prawne w sześciu miastach województwa.", "prawna", "przemoc",
       "bezpłatnie", "Zapytaj o termin pod numerem 800 154 030.", "", "",
       "region:04"},
      {"Dodatkowe konsultacje psychologiczne",
       "Dla osób doświadczających przemocy w rodzinie w szczególnie "
       "trudnej sytuacji emocjonalnej.",
       "psychologiczna", "przemoc", "bezpłatnie", "", "", "", "region:04"},
      {"Zastępstwo procesowe w sprawach karnych",
       "Możliwość uzyskania zastępstwa procesowego w sprawach karnych "
       "związanych z przemocą w rodzinie.",
       "prawna", "przemoc", "bezpłatnie", "", "", "", "region:04"}}},
    {"rops12",
     NULL,
     "12",
     "rops",
     "Regionalny Ośrodek Polityki Społecznej w Krakowie",
     "Koordynuje system opieki nad dzieckiem i rodziną w województwie "
     "małopolskim.",
     "",
     "",
     "Kraków",
     "1261011",
     "",
     "biuro@rops.krakow.pl",
     "https://www.rops.krakow.pl",
     "",
     {{"Informacja o systemie wspierania rodziny i pieczy zastępczej",
       "Programy wspierania rodziny, piecza zastępcza, koordynacja "
       "działań instytucji w Małopolsce.",
       "informacja", "wszyscy,profesjonalisci", "bezpłatnie", "", "", "",
       "region:12"}}},
};

static const struct audit_entry demo_who = {.via = "cli", .action = "demo"};

/* Where the seed institutions come from (data/seeds, see data/README.md). */
#define SEED_SOURCE_04                                                           \
    "dokumenty źródłowe: prezentacja ROPS w Toruniu o pracy na rzecz rodzin " \
    "(2021) i karta projektu FERS „Koordynacja spójnej polityki społecznej " \
    "Kujaw i Pomorza” (data/seeds 000 i 004)"
#define SEED_SOURCE_12                                                            \
    "dokument źródłowy: system opieki nad dzieckiem i rodziną w Małopolsce " \
    "(data/seeds 003)"

/* The seed institutions of region (their parents are of the same region). */
static int
load_seed_orgs(struct db *db, struct arena *a, const char *region)
{
    int64_t ids[sizeof(seed_orgs) / sizeof(seed_orgs[0])] = {0};
    size_t i, k;
    int rc;

    for (i = 0; i < sizeof(seed_orgs) / sizeof(seed_orgs[0]); i++) {
        const struct seed_org *so = &seed_orgs[i];
        struct dir_org o = {0};

        if (strcmp(so->region, region) != 0) {
            continue;
        }

        o.region = so->region;
        o.kind = so->kind;
        o.name = so->name;
        o.description = so->description;
        o.street = so->street;
        o.postcode = so->postcode;
        o.city = so->city;
        o.gmina = so->gmina;
        o.phone = so->phone;
        o.email = so->email;
        o.web = so->web;
        o.hours = so->hours;
        o.source =
            strcmp(so->region, "12") == 0 ? SEED_SOURCE_12 : SEED_SOURCE_04;
        for (k = 0; so->parent_key != NULL && k < i; k++) {
            if (strcmp(seed_orgs[k].key, so->parent_key) == 0) {
                o.parent_id = ids[k];
            }
        }
        if ((rc = dir_store_org_write(db, &o, &ids[i])) != 0) {
            return rc;
        }
        for (k = 0; k < 6 && so->services[k].name != NULL; k++) {
            const struct seed_service *ss = &so->services[k];
            struct dir_service s = {0};
            int64_t id;

            s.org_id = ids[i];
            s.name = ss->name;
            s.description = ss->description;
            s.category = ss->category;
            s.targets = ss->targets;
            s.cost = ss->cost;
            s.languages = "polski";
            s.how_to_apply = ss->how;
            s.phone = ss->phone;
            s.hours = ss->hours;
            s.coverage = ss->coverage;
            if ((rc = dir_store_service_write(db, a, &s, &id)) != 0) {
                return rc;
            }
        }
    }
    return 0;
}

/* --- generated example data ------------------------------------------- */

struct tmpl {
    const char *name, *category, *targets;
};

static const struct tmpl templates[] = {
    {"Pomoc społeczna i praca socjalna", "pomoc", "wszyscy,rodziny"},
    {"Asystent rodziny", "rodzina", "rodziny,dzieci"},
    {"Zespół interdyscyplinarny — procedura Niebieskiej Karty", "przemoc",
     "przemoc"},
    {"Poradnictwo specjalistyczne dla rodzin", "psychologiczna", "rodziny"},
    {"Grupa wsparcia dla osób doznających przemocy", "przemoc", "przemoc"},
    {"Mieszkanie chronione", "kryzys", "przemoc,niepelnosprawni"},
    {"Interwencja kryzysowa", "kryzys", "wszyscy"},
    {"Terapia uzależnień i współuzależnienia", "uzaleznienia", "wszyscy"},
    {"Klub seniora", "pomoc", "seniorzy"},
    {"Nieodpłatna pomoc prawna", "prawna", "wszyscy"},
    {"Świetlica środowiskowa dla dzieci", "rodzina", "dzieci"},
    {"Dzienny dom pomocy", "pomoc", "seniorzy,niepelnosprawni"},
    {"Punkt konsultacyjny dla osób doznających przemocy", "przemoc", "przemoc"},
    {"Telefon zaufania dla młodzieży", "telefon", "dzieci"},
    {"Mediacje rodzinne", "rodzina", "rodziny"},
    {"Szkoła dla rodziców", "rodzina", "rodziny"},
    {"Opieka wytchnieniowa", "pomoc", "niepelnosprawni,rodziny"},
    {"Usługi opiekuńcze w domu", "pomoc", "seniorzy"},
    {"Wsparcie psychologiczne dla dzieci", "psychologiczna", "dzieci"},
    {"Rodzinna piecza zastępcza — szkolenie kandydatów", "piecza", "kandydaci"},
    {"Schronienie dla osób w kryzysie bezdomności", "kryzys", "wszyscy"},
    {"Poradnictwo zawodowe i aktywizacja", "informacja", "wszyscy"},
};
#define NTEMPLATES ((long)(sizeof(templates) / sizeof(templates[0])))

/* Hours of the examples, including spans past midnight and weekends. */
static const char *const hours[] = {
    "pn-pt 7:30-15:30",
    "pn-pt 8:00-16:00; sb 9:00-13:00",
    "pn, śr, pt 10:00-18:00",
    "codziennie 17:00-21:00",
    "pt-sb 20:00-2:00",
    "całodobowo",
    "",
};
#define NHOURS ((long)(sizeof(hours) / sizeof(hours[0])))

struct unit {
    char *code, *name, *seat; /* seat: a gmina of the unit */
    int rodz;
};

enum unit_level { GMINAS, POWIATS, WOJS };

/*
** The gminas, powiats or voivodeships of region (NULL: all) by code, each
** with its first gmina as its seat, from the TERYT register.
*/
static int
load_units(struct db *db, enum unit_level level, const char *region,
           struct unit **out, int *n)
{
    struct teryt_gmina *g;
    struct teryt_woj *w = NULL;
    struct arena a;
    int ng, nw = 0, cap = 0, i, k;

    *out = NULL;
    *n = 0;
    arena_init(&a);
    ng = teryt_gminas(db, &a, region, &g);
    if (ng >= 0 && level == WOJS) {
        nw = teryt_woj_list(db, &a, &w);
    }
    for (i = 0; i < ng && nw >= 0; i++) {
        const char *code = g[i].teryt, *name = g[i].name;
        struct unit *u;

        if (level == POWIATS) {
            if (i > 0 && strcmp(g[i].powiat_code, g[i - 1].powiat_code) == 0) {
                continue;
            }
            code = g[i].powiat_code;
            name = g[i].powiat_name;
        } else if (level == WOJS) {
            if (i > 0 && strncmp(g[i].teryt, g[i - 1].teryt, 2) == 0) {
                continue;
            }
            code = arena_strndup(&a, g[i].teryt, 2);
            name = "";
            for (k = 0; k < nw; k++) {
                if (strcmp(w[k].code, code) == 0) {
                    name = w[k].name;
                }
            }
        }
        if (*n == cap) {
            cap = cap ? cap * 2 : 256;
            *out = xrealloc(*out, sizeof(**out) * (size_t)cap);
        }
        u = &(*out)[(*n)++];
        u->code = xstrdup(code);
        u->name = xstrdup(name);
        u->rodz = level == GMINAS ? g[i].rodz : 0;
        u->seat = xstrdup(g[i].teryt);
    }
    arena_free(&a);
    return ng < 0 ? ng : nw < 0 ? nw : 0;
}

static void
free_units(struct unit *u, int n)
{
    int i;

    for (i = 0; i < n; i++) {
        free(u[i].code);
        free(u[i].name);
        free(u[i].seat);
    }
    free(u);
}

static const char *
ops_name(struct arena *a, const struct unit *g)
{
    return arena_printf(a, "%s Ośrodek Pomocy Społecznej — gmina %s%s",
                        g->rodz == 1   ? "Miejski"
                        : g->rodz == 3 ? "Miejsko-Gminny"
                                       : "Gminny",
                        g->name, EXAMPLE);
}

/* Contact data of an example institution (NULL: none). */
struct contact {
    const char *street, *phone, *email;
};

/* Trunk codes of the powiats of kujawsko-pomorskie (0401..0419, then the
   cities 0461..0464), for example numbers that look local. */
static const char trunk04[] = "5456525656565254525252545452525652565254"
                              "52";
static const char trunk04_cities[] = "52565654";

/*
** Example contact data of the unit code (a gmina or powiat) for an
** institution of kind: a street, a number, an e-mail. The numbers are
** the unit's trunk code and a subscriber number beginning with 0, which no
** Polish number does: they look like a local number, and a resident who
** dials one reaches nobody, not a stranger. The e-mail is at example.org
** (RFC 2606).
*/
static struct contact
example_contact(struct arena *a, const char *kind, const char *code,
                const char *name)
{
    struct contact c;
    int pow = (code[2] - '0') * 10 + (code[3] - '0');
    int n = (int)strtol(code + 2, NULL, 10);
    const char *t = pow >= 61 && pow <= 64  ? &trunk04_cities[(pow - 61) * 2]
                    : pow >= 1 && pow <= 19 ? &trunk04[(pow - 1) * 2]
                                            : "56";
    char *slug = str_fold(a, name), *p;

    for (p = slug; *p != '\0'; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))) {
            *p = '-';
        }
    }
    c.street = arena_printf(a, "ul. Szkolna %d", n % 40 + 1);
    c.phone = arena_printf(a, "%.2s 0%02d %02d %02d", t, n / 10000 % 100,
                           n / 100 % 100, n % 100);
    c.email = arena_printf(a, "%s.%s@example.org", kind, slug);
    return c;
}

/* An example institution at the seat of a unit, with contact data c. */
static int
example_org(struct db *db, const char *kind, const char *name, const char *seat,
            const char *city, const char *hours_spec, bool confidential,
            const char *description, const struct contact *c, int64_t *id)
{
    struct dir_org o = {0};

    if (c != NULL) {
        o.street = c->street;
        o.phone = c->phone;
        o.email = c->email;
    }

    o.kind = kind;
    o.name = name;
    o.description = description;
    o.city = city;
    o.gmina = seat;
    o.hours = hours_spec;
    o.confidential = confidential;
    o.example = true;
    {
        char region[3] = {seat[0], seat[1], '\0'};

        o.region = region;
        return dir_store_org_write(db, &o, id);
    }
}

static int
example_service(struct db *db, struct arena *a, int64_t org,
                const struct tmpl *t, const char *hours_spec,
                const char *coverage)
{
    struct dir_service s = {0};
    int64_t id;

    s.org_id = org;
    s.name = t->name;
    s.description = "Opis przykładowy: usługa wygenerowana do pokazu "
                    "katalogu (dane przykładowe).";
    s.category = t->category;
    s.targets = t->targets;
    s.cost = "bezpłatnie";
    s.languages = "polski";
    s.hours = hours_spec;
    s.coverage = coverage;
    return dir_store_service_write(db, a, &s, &id);
}

#define ABOUT "Dane przykładowe: instytucja wygenerowana do pokazu katalogu."

/* The example institutions of each powiat of a region and the templates of
   their services (-1: none). */
static const struct {
    const char *kind, *name, *hours, *description;
    bool confidential;
    int services[2];
} powiat_orgs[] = {
    {"pcpr",
     "Powiatowe Centrum Pomocy Rodzinie",
     "pn-pt 7:30-15:30",
     ABOUT,
     false,
     {19, 3}},
    {"oik",
     "Ośrodek Interwencji Kryzysowej",
     "całodobowo",
     "Dane przykładowe. Adres schronienia jest poufny: kontakt przez "
     "powiatowe centrum pomocy rodzinie.",
     true,
     {6, 5}},
    {"prawna",
     "Punkt nieodpłatnej pomocy prawnej",
     "pn-pt 12:00-16:00; wt 16:00-20:00",
     ABOUT,
     false,
     {9, -1}},
};

/* The default example set: every gmina and powiat of one region. */
static long
generate_region(struct db *db, struct arena *a, const char *region)
{
    struct unit *g = NULL, *p = NULL;
    int ng = 0, np = 0, i, k, j, rc;
    long count = 0;

    if ((rc = load_units(db, GMINAS, region, &g, &ng)) != 0 ||
        (rc = load_units(db, POWIATS, region, &p, &np)) != 0) {
        goto done;
    }
    for (i = 0; i < ng; i++) {
        const char *cov = arena_printf(a, "gmina:%s", g[i].code);
        int64_t org;

        struct contact c = example_contact(a, "ops", g[i].code, g[i].name);

        if ((rc = example_org(db, "ops", ops_name(a, &g[i]), g[i].code,
                              g[i].name, hours[i % 3], false, ABOUT, &c,
                              &org)) != 0) {
            goto done;
        }
        for (k = 0; k < 3; k++) {
            if ((rc = example_service(db, a, org, &templates[k], "", cov)) !=
                0) {
                goto done;
            }
            count++;
        }
    }
    for (i = 0; i < np; i++) {
        const char *cov = arena_printf(a, "powiat:%s", p[i].code);
        const char *pcity = arena_printf(a, "powiat %s", p[i].name);

        for (k = 0; k < (int)(sizeof(powiat_orgs) / sizeof(powiat_orgs[0]));
             k++) {
            int64_t org;
            /* a number and an e-mail each; the seat's street is unknown */
            struct contact c = example_contact(
                a, powiat_orgs[k].kind, arena_printf(a, "%s%d", p[i].code, k),
                p[i].name);

            c.street = NULL;
            if ((rc = example_org(db, powiat_orgs[k].kind,
                                  arena_printf(a, "%s — powiat %s%s",
                                               powiat_orgs[k].name, p[i].name,
                                               EXAMPLE),
                                  p[i].seat, pcity, powiat_orgs[k].hours,
                                  powiat_orgs[k].confidential,
                                  powiat_orgs[k].description, &c, &org)) != 0) {
                goto done;
            }
            for (j = 0; j < 2 && powiat_orgs[k].services[j] >= 0; j++) {
                if ((rc = example_service(
                         db, a, org, &templates[powiat_orgs[k].services[j]], "",
                         cov)) != 0) {
                    goto done;
                }
                count++;
            }
        }
    }
done:
    free_units(g, ng);
    free_units(p, np);
    return rc != 0 ? rc : count;
}

/* An example institution (no description) at the seat of u with n services
   of the templates and hours from the i-th on, covering cov; *count grows
   by the services written. */
static int
org_with_services(struct db *db, struct arena *a, const char *kind,
                  const char *name, const struct unit *u, const char *city,
                  const char *org_hours, const char *cov, long i, long n,
                  long *count)
{
    int64_t org;
    long k;
    int rc;

    if ((rc = example_org(db, kind, name, u->seat, city, org_hours, false, "",
                          NULL, &org)) != 0) {
        return rc;
    }
    for (k = 0; k < n; k++) {
        if ((rc = example_service(db, a, org, &templates[(i + k) % NTEMPLATES],
                                  hours[(i + k) % NHOURS], cov)) != 0) {
            return rc;
        }
        (*count)++;
    }
    return 0;
}

/* About n services over the whole country: 80 % for a gmina, 15 % for a
** powiat, 5 % for a whole region. */
static long
generate_country(struct db *db, long n)
{
    struct unit *g = NULL, *p = NULL, *w = NULL;
    int ng = 0, np = 0, nw = 0, i, rc;
    long count = 0, per, extra;
    struct arena a;

    arena_init(&a);
    if ((rc = load_units(db, GMINAS, NULL, &g, &ng)) != 0 ||
        (rc = load_units(db, POWIATS, NULL, &p, &np)) != 0 ||
        (rc = load_units(db, WOJS, NULL, &w, &nw)) != 0 || ng == 0 || np == 0 ||
        nw == 0) {
        goto done;
    }
    per = n * 80 / 100 / ng;
    extra = n * 80 / 100 % ng;
    for (i = 0; i < ng; i++) {
        if ((rc = org_with_services(db, &a, "ops", ops_name(&a, &g[i]), &g[i],
                                    g[i].name, hours[i % NHOURS],
                                    arena_printf(&a, "gmina:%s", g[i].code), i,
                                    per + (i < extra), &count)) != 0) {
            goto done;
        }
        if (i % 64 == 63) {
            arena_free(&a);
        }
    }
    per = n * 15 / 100 / np;
    for (i = 0; i < np; i++) {
        if ((rc = org_with_services(
                 db, &a, "pcpr",
                 arena_printf(&a,
                              "Powiatowe Centrum Pomocy Rodzinie — powiat "
                              "%s%s",
                              p[i].name, EXAMPLE),
                 &p[i], arena_printf(&a, "powiat %s", p[i].name),
                 "pn-pt 7:30-15:30", arena_printf(&a, "powiat:%s", p[i].code),
                 i, per, &count)) != 0) {
            goto done;
        }
        arena_free(&a);
    }
    per = n * 5 / 100 / nw;
    for (i = 0; i < nw; i++) {
        if ((rc = org_with_services(
                 db, &a, "ngo",
                 arena_printf(&a, "Regionalna sieć wsparcia — województwo %s%s",
                              w[i].name, EXAMPLE),
                 &w[i], w[i].name, "", arena_printf(&a, "region:%s", w[i].code),
                 i, per, &count)) != 0) {
            goto done;
        }
        arena_free(&a);
    }
done:
    arena_free(&a);
    free_units(g, ng);
    free_units(p, np);
    free_units(w, nw);
    return rc != 0 ? rc : count;
}

long
directory_demo_generate(struct db *db, long n)
{
    struct arena a;
    long c4;

    if (n > 0) {
        return generate_country(db, n);
    }
    arena_init(&a);
    c4 = generate_region(db, &a, "04");
    arena_free(&a);
    return c4;
}

/* --- the public lists of institutions (data/instytucje) ----------------- */

/* The regions whose directory is a public list, and its file made by
   data/instytucje/make_katalog.py in the columns of the CSV import. */
static const struct {
    const char *region, *file;
} real_lists[] = {
    {"12", "katalog_12.csv"},
    {"24", "katalog_24.csv"},
};

/*
** Load the public lists through the directory's own import (its checks:
** every gmina by its TERYT code, hours, e-mail, web addresses), a region
** at a time: a finding stops the demo with its row and column on stderr.
*/
static int
load_real_lists(struct db *db, struct arena *a, int *norgs, int *nservices)
{
    size_t i;
    int k, rc;

    *norgs = *nservices = 0;
    for (i = 0; i < sizeof(real_lists) / sizeof(real_lists[0]); i++) {
        const struct embedded *e =
            embedded_find(data_files, real_lists[i].file);
        struct dir_findings f = {0};
        int no, ns;

        if (e == NULL) {
            fprintf(stderr, "demo: directory: %s missing from the build\n",
                    real_lists[i].file);
            return ERR_INPUT;
        }
        rc = dir_import_csv(db, a, real_lists[i].region, e->data, e->len,
                            &demo_who, &f, &no, &ns);
        for (k = 0; k < f.n && k < 20; k++) {
            fprintf(stderr, "demo: directory: %s row %d, %s: %s\n",
                    real_lists[i].file, f.v[k].row,
                    f.v[k].column ? f.v[k].column : "-", f.v[k].message);
        }
        if (rc != 0) {
            return rc;
        }
        *norgs += no;
        *nservices += ns;
    }
    return 0;
}

int
directory_demo_load(struct db *db, struct arena *a)
{
    const char *env = getenv("RODZINA_DEMO_SERVICES");
    long n = env != NULL ? strtol(env, NULL, 10) : 0, made;
    int64_t have = 0;
    int rc, real_orgs = 0, real_services = 0;

    if ((rc = dir_store_org_count(db, &have)) != 0) {
        return rc;
    }
    if (have > 0) {
        return 0;
    }
    /* kujawsko-pomorskie's seeds first (their ids, 1 on, as before the
       lists), then the lists, since an import replaces its region's
       directory, then the other seeds. A benchmark's generated country
       (RODZINA_DEMO_SERVICES) goes without the lists. */
    if ((rc = load_seed_orgs(db, a, "04")) != 0) {
        fprintf(stderr, "demo: directory: seed institutions failed\n");
        return rc;
    }
    if (n <= 0 &&
        (rc = load_real_lists(db, a, &real_orgs, &real_services)) != 0) {
        fprintf(stderr, "demo: directory: public lists failed\n");
        return rc;
    }
    if ((rc = load_seed_orgs(db, a, "12")) != 0) {
        fprintf(stderr, "demo: directory: seed institutions failed\n");
        return rc;
    }
    made = directory_demo_generate(db, n > 0 ? n : 0);
    if (made < 0) {
        fprintf(stderr, "demo: directory: example data failed\n");
        return (int)made;
    }
    {
        struct audit_entry e = demo_who;

        e.action = "directory.demo";
        e.entity = "dir_org";
        e.entity_id = "*";
        e.after = arena_printf(a, "{\"example_services\": %ld}", made);
        if ((rc = audit_add(db, &e)) != 0) {
            return rc;
        }
    }
    printf("demo: directory: %d institutions (%d services) from the public "
           "lists of regions 12 and 24, %zu from the seeds, %ld example "
           "services\n",
           real_orgs, real_services, sizeof(seed_orgs) / sizeof(seed_orgs[0]),
           made);
    return 0;
}
