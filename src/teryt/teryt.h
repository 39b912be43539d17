/*
** TERYT reference units: the 16 voivodeships, their powiats and gminas
** (GUS TERC register, state 2024-01-01, compiled into the binary). Loading,
** lookup and the diacritic-insensitive prefix search for autocomplete.
** No HTML here; pages and API are in teryt_pages.c and teryt_api.c.
*/
#ifndef TERYT_TERYT_H
#define TERYT_TERYT_H

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
** Gminas whose name has a word starting with q (folded: case, Polish
** letters and ł ignored); whole-name prefixes first. At most limit results
** into *out (arena); returns the count, or ERR_DB.
*/
int teryt_search(struct db *db, struct arena *a, const char *q, int limit,
                 struct teryt_gmina **out);
/* One gmina by code: 0 or ERR_NOTFOUND. */
int teryt_gmina_get(struct db *db, struct arena *a, const char *code,
                    struct teryt_gmina *out);

#endif
