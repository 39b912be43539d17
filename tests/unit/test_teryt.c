/* Unit tests of the TERYT units: counts of the register, the search and
** the locality index with its bounded fuzzy matcher (issue 15). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "db/db.h"
#include "teryt/teryt.h"

#include "db_fixture.h"

static int
setup(void **state)
{
    (void)state;
    return db_fixture_open();
}

static bool
found(const char *q, const char *teryt, const char *name)
{
    struct teryt_gmina *g;
    int n = teryt_search(db, &a, q, 10, &g), i;

    for (i = 0; i < n; i++) {
        if (strcmp(g[i].teryt, teryt) == 0 && strcmp(g[i].name, name) == 0) {
            return true;
        }
    }
    return false;
}

/* The counts data/README.md documents for TERC 2024-01-01. */
static void
test_teryt_counts_match_register(void **state)
{
    struct teryt_counts c;
    db_stmt *st;
    int rc;
    long kp = -1, kp_pow = -1;

    (void)state;
    assert_int_equal(teryt_counts(db, &c), 0);
    assert_int_equal(c.woj, 16);
    assert_int_equal(c.powiat, 380);
    assert_int_equal(c.gmina, 2477);
    st = db_query(db, Q_WOJ_LIST);
    while ((rc = db_step(st)) == DB_ROW) {
        if (strcmp(db_col_text(st, 0), "04") == 0) {
            assert_string_equal(db_col_text(st, 1), "kujawsko-pomorskie");
            kp_pow = (long)db_col_int(st, 2);
            kp = (long)db_col_int(st, 3);
        }
    }
    db_done(st);
    assert_int_equal(kp, 144);
    assert_int_equal(kp_pow, 23);
}

static void
test_teryt_search_ignores_diacritics(void **state)
{
    (void)state;
    assert_true(found("torun", "0463011", "Toruń"));
    assert_true(found("TORUŃ", "0463011", "Toruń"));
    assert_true(found("wloclawek", "0464011", "Włocławek"));
    assert_true(found("lodz", "1061011", "Łódź"));
    assert_true(found("Łódź", "1061011", "Łódź"));
    /* Prefix of a later word of the name. */
    assert_true(found("lubawskie", "2812011", "Nowe Miasto Lubawskie"));
}

static void
test_teryt_search_prefix_and_ranking(void **state)
{
    struct teryt_gmina *g;
    int n;

    (void)state;
    n = teryt_search(db, &a, "lodz", 10, &g);
    assert_true(n >= 3);
    /* The exact name first, then whole-name prefixes, then later words. */
    assert_string_equal(g[0].name, "Łódź");
    assert_string_equal(g[1].name, "Aleksandrów Łódzki");
    n = teryt_search(db, &a, "wloclawek", 10, &g);
    assert_int_equal(n, 2);
    assert_string_equal(g[0].teryt, "0464011"); /* the city first */
    assert_int_equal(teryt_search(db, &a, "", 10, &g), 0);
    assert_int_equal(teryt_search(db, &a, "%", 10, &g), 0);
    assert_int_equal(teryt_search(db, &a, "qqqqzzz", 10, &g), 0);
    n = teryt_search(db, &a, "a", 3, &g);
    assert_int_equal(n, 3);
}

static void
test_teryt_gmina_get(void **state)
{
    struct teryt_gmina g;

    (void)state;
    assert_int_equal(teryt_gmina_get(db, &a, "0463011", &g), 0);
    assert_string_equal(g.name, "Toruń");
    assert_string_equal(g.woj_name, "kujawsko-pomorskie");
    assert_int_equal(g.rodz, 1);
    assert_int_not_equal(teryt_gmina_get(db, &a, "0000000", &g), 0);
}

static void
test_edit_distance_bounded(void **state)
{
    int pre;

    (void)state;
#define D(x, y, k) teryt_edit_distance(x, strlen(x), y, strlen(y), k, &pre)
    assert_int_equal(D("cekcyn", "cekcyn", 2), 0);
    assert_int_equal(D("cekcin", "cekcyn", 2), 1);  /* substitution */
    assert_int_equal(D("cekcn", "cekcyn", 2), 1);   /* deletion */
    assert_int_equal(D("cekcyyn", "cekcyn", 2), 1); /* insertion */
    assert_int_equal(D("cekycn", "cekcyn", 2), 1);  /* two swapped */
    assert_int_equal(D("ckecin", "cekcyn", 2), 2);
    /* Past the bound the answer is bound + 1, whatever the truth. */
    assert_int_equal(D("abcdef", "uvwxyz", 2), 3);
    assert_int_equal(D("cekcin", "cekcyn", 0), 1);
    assert_int_equal(D("torun", "torunski", 2), 3);
    /* The distance to a prefix of the name: autocomplete with a typo. */
    (void)D("przysik", "przysiek dolny", 2);
    assert_int_equal(pre, 1);
    (void)D("grebocn", "grebocin", 1);
    assert_int_equal(pre, 1);
    /* A query longer than 64 bytes is cut, not read past. */
    {
        char longq[200];

        memset(longq, 'a', sizeof(longq) - 1);
        longq[sizeof(longq) - 1] = '\0';
        assert_int_equal(
            teryt_edit_distance(longq, strlen(longq), "a", 1, 2, NULL), 3);
    }
#undef D
}

/*
** The fuzzy pass's filter never drops a name within reach: for random
** names and queries made of them by random edits (and unrelated ones),
** whenever the distance to the name or to a prefix of it is within k, the
** query lacks at most k of the name's byte classes.
*/
static void
test_letter_mask_keeps_every_match(void **state)
{
    static const char alphabet[] = "abcdeklnorswyz 7\xc5";
    unsigned seed = 15;
    int trial, within = 0;

    (void)state;
    for (trial = 0; trial < 20000; trial++) {
        char s[24], q[40];
        size_t m = 3 + (size_t)(rand_r(&seed) % 14), n, i;
        int edits = (int)(rand_r(&seed) % 4), e, k = 1 + trial % 2, pre, full;

        for (i = 0; i < m; i++) {
            s[i] = alphabet[rand_r(&seed) % (sizeof(alphabet) - 1)];
        }
        s[m] = '\0';
        /* the query: a prefix of the name (or all of it), then edits */
        n = m - (size_t)(rand_r(&seed) % 3);
        memcpy(q, s, n);
        for (e = 0; e < edits && n > 1 && n < sizeof(q) - 2; e++) {
            size_t at = (size_t)rand_r(&seed) % n;
            char c = alphabet[rand_r(&seed) % (sizeof(alphabet) - 1)];

            switch (rand_r(&seed) % 4) {
            case 0: /* substitute */
                q[at] = c;
                break;
            case 1: /* delete */
                memmove(q + at, q + at + 1, n - at - 1);
                n--;
                break;
            case 2: /* insert */
                memmove(q + at + 1, q + at, n - at);
                q[at] = c;
                n++;
                break;
            default: /* swap neighbours */
                if (at + 1 < n) {
                    char t = q[at];

                    q[at] = q[at + 1];
                    q[at + 1] = t;
                }
            }
        }
        full = teryt_edit_distance(q, n, s, m, k, &pre);
        if (full <= k || pre <= k) {
            within++;
            assert_true(__builtin_popcount(teryt_letter_mask(q, n) &
                                           ~teryt_letter_mask(s, m)) <= k);
        }
    }
    assert_true(within > 5000); /* the property was tried, not vacuous */
    /* and it does filter: "pole" lacks six classes of "przysik" */
    assert_int_equal(__builtin_popcount(teryt_letter_mask("przysik", 7) &
                                        ~teryt_letter_mask("pole", 4)),
                     6);
}

/* Whether the places found for q hold name in gmina code. */
static bool
place_found(const char *q, const char *prefer, const char *name,
            const char *gmina, int *pos)
{
    struct teryt_place *p;
    int n = teryt_places_search(&a, q, prefer, TERYT_PLACES_MAX, &p), i;

    for (i = 0; i < n; i++) {
        if (strcmp(p[i].name, name) == 0 &&
            strcmp(p[i].gmina.teryt, gmina) == 0) {
            if (pos != NULL) {
                *pos = i;
            }
            return true;
        }
    }
    return false;
}

static void
test_places_localities_and_codes(void **state)
{
    struct teryt_place *p;
    int n, pos;

    (void)state;
    /* Villages resolved to their gmina, every namesake listed. */
    assert_true(place_found("Grębocin", NULL, "Grębocin", "0415042", NULL));
    assert_true(place_found("Przysiek", NULL, "Przysiek", "0415092", NULL));
    assert_true(place_found("Przysiek", NULL, "Przysiek", "0411032", NULL));
    assert_true(place_found("rusinowo", NULL, "Rusinowo", "0407063", NULL));
    assert_true(place_found("RUSINOWO", NULL, "Rusinowo", "0412042", NULL));
    n = teryt_places_search(&a, "Grębocin", NULL, 10, &p);
    assert_true(n >= 3);
    assert_int_equal(p[0].closeness, 0);
    assert_int_equal(p[0].kind, TERYT_PLACE_LOCALITY);
    assert_string_equal(p[0].name, "Grębocin");
    /* The preferred voivodeship first among equals. */
    n = teryt_places_search(&a, "Grębocin", "04", 10, &p);
    assert_string_equal(p[0].gmina.teryt, "0415042");
    assert_string_equal(p[0].gmina.name, "Lubicz");
    assert_string_equal(p[0].gmina.powiat_name, "toruński");
    n = teryt_places_search(&a, "Grębocin", "12", 10, &p);
    assert_string_equal(p[0].gmina.teryt, "1214033");
    n = teryt_places_search(&a, "Rusinowo", "02,04", 10, &p);
    assert_string_equal(p[0].gmina.woj_code, "04");
    assert_string_equal(p[1].gmina.woj_code, "04");
    /* Postal codes, with or without the dash. */
    assert_true(place_found("87-100", NULL, "87-100", "0463011", NULL));
    n = teryt_places_search(&a, "87100", NULL, 10, &p);
    assert_true(n >= 1);
    assert_int_equal(p[0].kind, TERYT_PLACE_POSTCODE);
    assert_string_equal(teryt_place_kind_code(p[0].kind), "kod");
    assert_string_equal(p[0].gmina.teryt, "0463011");
    /* A village named like its gmina is the gmina's entry, once. */
    n = teryt_places_search(&a, "Cekcyn", NULL, 10, &p);
    assert_int_equal(p[0].kind, TERYT_PLACE_GMINA);
    assert_string_equal(p[0].gmina.teryt, "0416012");
    assert_true(n < 2 || strcmp(p[1].name, "Cekcyn") != 0);
    (void)pos;
}

static void
test_places_forgiving(void **state)
{
    struct teryt_place *p;
    int n;

    (void)state;
    /* One wrong letter: Cekcin is Cekcyn. */
    n = teryt_places_search(&a, "Cekcin", NULL, 10, &p);
    assert_true(n >= 1);
    assert_string_equal(p[0].name, "Cekcyn");
    assert_string_equal(p[0].gmina.teryt, "0416012");
    assert_true(p[0].closeness >= 4);
    /* Diacritics and case: Torun is Toruń, the city before villages. */
    n = teryt_places_search(&a, "TORUN", NULL, 10, &p);
    assert_string_equal(p[0].gmina.teryt, "0463011");
    assert_int_equal(p[0].closeness, 0);
    /* "gmina X", "gm. X", "m. X". */
    n = teryt_places_search(&a, "gmina Cekcyn", NULL, 10, &p);
    assert_string_equal(p[0].gmina.teryt, "0416012");
    assert_int_equal(p[0].kind, TERYT_PLACE_GMINA);
    n = teryt_places_search(&a, "gm. Lubicz", NULL, 10, &p);
    assert_string_equal(p[0].gmina.teryt, "0415042");
    assert_int_equal(p[0].kind, TERYT_PLACE_GMINA);
    n = teryt_places_search(&a, "m. Rypin", NULL, 10, &p);
    assert_string_equal(p[0].gmina.teryt, "0412011"); /* the town */
    /* Two letters wrong in a long name. */
    n = teryt_places_search(&a, "Zlawies Wilka", NULL, 10, &p);
    assert_true(n >= 1);
    assert_string_equal(p[0].gmina.teryt, "0415092");
    /* Ranked by population among equally close: Lubicz before Lubichowo,
    ** and the account's region decides when it is given. */
    n = teryt_places_search(&a, "lubic", NULL, 10, &p);
    assert_string_equal(p[0].gmina.teryt, "0415042");
    n = teryt_places_search(&a, "lubic", "22", 10, &p);
    assert_string_equal(p[0].gmina.teryt, "2213062");
    /* Nothing like it, short queries never guessed, limits kept. */
    assert_int_equal(teryt_places_search(&a, "qqqqzzz", NULL, 10, &p), 0);
    assert_int_equal(teryt_places_search(&a, "xq", NULL, 10, &p), 0);
    assert_int_equal(teryt_places_search(&a, "", NULL, 10, &p), 0);
    assert_int_equal(teryt_places_search(&a, "gmina ", NULL, 10, &p) >= 0, 1);
    assert_int_equal(teryt_places_search(&a, "a", NULL, 500, &p),
                     TERYT_PLACES_MAX);
    assert_int_equal(teryt_places_search(&a, "a", NULL, 0, &p), 0);
}

/* A kept answer (places.c keeps each per process) is the answer: the same
** places in the same order as the first search, for every kind of query,
** preferred voivodeship and limit, after thousands of others between. */
static void
test_places_kept_answers_identical(void **state)
{
    static const char *const texts[] = {
        "now",      "bo",    "Grębocin",      "przysik", "gmina Cekcyn",
        "m. Rypin", "87100", "zlawies wilka", "wola",    "kowalewx",
    };
    static const char *const wojs[] = {NULL, "04", "12,22"};
    struct teryt_place *first[30], *again, *other;
    int nfirst[30], n, i, k, j;
    char text[8];

    (void)state;
    for (i = 0; i < 30; i++) {
        nfirst[i] =
            teryt_places_search(&a, texts[i / 3], wojs[i % 3],
                                i % 2 ? 10 : TERYT_PLACES_MAX, &first[i]);
        assert_true(nfirst[i] > 0);
    }
    for (k = 0; k < 26 * 26 * 4; k++) { /* other answers between */
        snprintf(text, sizeof(text), "%c%c%c", 'a' + k % 26, 'a' + k / 26 % 26,
                 "aeio"[k / 676]);
        (void)teryt_places_search(&a, text, NULL, 10, &other);
    }
    for (k = 0; k < 2; k++) {
        for (i = 0; i < 30; i++) {
            n = teryt_places_search(&a, texts[i / 3], wojs[i % 3],
                                    i % 2 ? 10 : TERYT_PLACES_MAX, &again);
            assert_int_equal(n, nfirst[i]);
            for (j = 0; j < n; j++) {
                assert_string_equal(again[j].name, first[i][j].name);
                assert_string_equal(again[j].gmina.teryt,
                                    first[i][j].gmina.teryt);
                assert_int_equal(again[j].kind, first[i][j].kind);
                assert_int_equal(again[j].closeness, first[i][j].closeness);
            }
        }
    }
}

static void
test_places_whole_register(void **state)
{
    (void)state;
    /* 2477 gminas, ~99 000 localities, 574+ postal code rows. */
    assert_true(teryt_places_count() > 95000);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_teryt_counts_match_register),
        cmocka_unit_test(test_teryt_search_ignores_diacritics),
        cmocka_unit_test(test_teryt_search_prefix_and_ranking),
        cmocka_unit_test(test_teryt_gmina_get),
        cmocka_unit_test(test_edit_distance_bounded),
        cmocka_unit_test(test_letter_mask_keeps_every_match),
        cmocka_unit_test(test_places_localities_and_codes),
        cmocka_unit_test(test_places_forgiving),
        cmocka_unit_test(test_places_kept_answers_identical),
        cmocka_unit_test(test_places_whole_register),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
