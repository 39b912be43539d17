/*
** TERYT reference units: the 16 voivodeships, their powiats and gminas
** (GUS TERC register, state 2024-01-01, compiled into the binary). Loading,
** lookup and the diacritic-insensitive prefix search for autocomplete.
** No HTML here; pages and API are in teryt_pages.c and teryt_api.c.
*/
#ifndef TERYT_TERYT_H
#define TERYT_TERYT_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;

struct teryt_gmina {
    const char *teryt; /* 7 digits */
    const char *name;
    int rodz; /* 1 urban, 2 rural, 3 urban-rural */
    const char *powiat_code, *powiat_name;
    const char *woj_code, *woj_name;
};

struct teryt_counts {
    int64_t woj, powiat, gmina;
};

/*
** Load the units of the embedded TERC file into an empty store, in one
** transaction (init calls it once; a second load is a conflict). Returns 0, or
*ERR_INPUT / ERR_DB with a line on stderr.
*/
int teryt_load(struct db *db, struct arena *a);
int teryt_counts(struct db *db, struct teryt_counts *out);
/* Name of a gmina kind ("gmina miejska" ...). */
const char *teryt_rodz_name(int rodz);
/*
** Gminas for a text: the gminas of the places teryt_places_search finds
** (a gmina's name, a locality in it, a postal code), each once, best
** first; those of prefer_woj (2 digits, or NULL) first among equals. At
** most limit results into *out (arena); returns the count.
*/
int teryt_search_pref(struct arena *a, const char *q, const char *prefer_woj,
                      int limit, struct teryt_gmina **out);
/* The same without a preferred voivodeship (db is not used any more). */
int teryt_search(struct db *db, struct arena *a, const char *q, int limit,
                 struct teryt_gmina **out);
/* One gmina by code: 0 or ERR_NOTFOUND. */
int teryt_gmina_get(struct db *db, struct arena *a, const char *code,
                    struct teryt_gmina *out);
/* The voivodeship of a gmina (no arena needed): 0 or ERR_NOTFOUND. */
int teryt_gmina_woj(struct db *db, const char *code, char woj[3]);
/* A voivodeship's (2 digits) or a powiat's (4) name: 0 or ERR_NOTFOUND. */
int teryt_woj_get(struct db *db, struct arena *a, const char *code,
                  const char **name);
int teryt_powiat_get(struct db *db, struct arena *a, const char *code,
                     const char **name);
/*
** The gminas named exactly name, in voivodeship woj (or anywhere when
** NULL), cities first: at most two codes into out (arena); returns the
** count, or an error.
*/
int teryt_gmina_find(struct db *db, struct arena *a, const char *name,
                     const char *woj, const char *out[2]);
/* The 16 voivodeships by code, into *out (arena): the count or an error. */
struct teryt_woj {
    const char *code, *name;
    int64_t powiaty, gminy; /* how many it has */
};
int teryt_woj_list(struct db *db, struct arena *a, struct teryt_woj **out);
/*
** A powiat (4 digits) with its kind and voivodeship: 0 with *out (arena),
** ERR_NOTFOUND or ERR_DB.
*/
struct teryt_powiat {
    const char *code, *name;
    const char *kind; /* as TERC names it: a powiat, a city with its rights */
    const char *woj_name; /* set by teryt_powiat_info only */
    int64_t gminy;        /* set by teryt_powiats only */
};
int teryt_powiat_info(struct db *db, struct arena *a, const char *code,
                      struct teryt_powiat *out);
/* The powiats of voivodeship woj in Polish order, into *out (arena): the
** count or an error. */
int teryt_powiats(struct db *db, struct arena *a, const char *woj,
                  struct teryt_powiat **out);
/*
** The gminas of powiat (4 digits) in Polish order, without the
** voivodeship's fields, into *out (arena): the count or an error.
*/
int teryt_powiat_gminas(struct db *db, struct arena *a, const char *powiat,
                        struct teryt_gmina **out);
/* The code of the voivodeship named name (any case): 0 with *code (arena),
** ERR_NOTFOUND or ERR_DB. */
int teryt_woj_by_name(struct db *db, struct arena *a, const char *name,
                      const char **code);
/*
** Every gmina of voivodeship woj (all when NULL) by code, without the
** voivodeship's fields, into *out (arena); returns the count or an error.
*/
int teryt_gminas(struct db *db, struct arena *a, const char *woj,
                 struct teryt_gmina **out);

/* --- localities (places.c) ---------------------------------------------- */

enum teryt_place_kind {
    TERYT_PLACE_GMINA = 0,
    TERYT_PLACE_TOWN = 1,     /* a town (SIMC RM 96) not named as its gmina */
    TERYT_PLACE_LOCALITY = 2, /* village, colony, settlement ... */
    TERYT_PLACE_PART = 3,     /* part of a village or town */
    TERYT_PLACE_POSTCODE = 4,
};

/* A place found, resolved to its gmina (strings live for the process). */
struct teryt_place {
    const char *name; /* as written: "Grębocin", "87-100" */
    enum teryt_place_kind kind;
    struct teryt_gmina gmina;
    int64_t population; /* of the gmina, 2024; 0 unknown */
    int closeness;      /* 0 exact, 1 prefix, 2-3 a later word, 4+ misspelt */
};

#define TERYT_PLACES_MAX 50 /* results per query at most */

/*
** Places whose folded name (case, Polish letters ignored) equals or starts
** with text, or whose name has a word that does; when no name starts with
** it (and it has 4 bytes or more), names within one edit (two from 7 on),
** or starting within one edit of it, with the same first letter. "gmina
** X", "gm. X" rank gminas first, "m. X", "miasto X" towns. Best first:
** closeness, the kind asked for, prefer_woj (codes, "04" or "04,12", or
** NULL), gmina or town before village before part, gmina population. At
** most limit (<= TERYT_PLACES_MAX) into *out (arena); returns the count.
** The index is built from the embedded files on first use (thread-safe).
*/
int teryt_places_search(struct arena *a, const char *text,
                        const char *prefer_woj, int limit,
                        struct teryt_place **out);
/* Residents of a gmina (GUS, 2024) by TERYT code; 0 when unknown. */
int64_t teryt_gmina_population(const char *teryt);
/* "gmina", "miejscowosc" or "kod" (the API's kind). */
const char *teryt_place_kind_code(enum teryt_place_kind kind);
/* Build the index now (else the first search does); its size. */
void teryt_places_init(void);
int teryt_places_count(void);
/*
** Edit distance (optimal string alignment: insert, delete, substitute,
** swap two neighbours) of q[0..n) and s[0..m), computed only while it can
** stay <= k: returns it, or k + 1 for anything larger. *prefix (if not
** NULL) gets the least distance of q to a prefix of s, capped the same.
** q is looked at up to 64 bytes.
*/
int teryt_edit_distance(const char *q, size_t n, const char *s, size_t m, int k,
                        int *prefix);
/*
** The classes of bytes of s[0..n), a bit each (a..z, any digit, a space,
** any other byte). The fuzzy pass's filter: when teryt_edit_distance()
** of q to s, or to a prefix of s, is at most k, q has at most k classes
** that s lacks (popcount(mask(q) & ~mask(s)) <= k).
*/
uint32_t teryt_letter_mask(const char *s, size_t n);

#endif
