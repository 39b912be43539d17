/*
** The regional observatory (issue 20; seed 004 task 1, seed 003's
** diagnosis): indicators per gmina and per powiat of a region, by year,
** as counts and per 10 000 residents, with the class breaks of their
** choropleth maps. The indicators come from the modules that hold the
** registers: each defines a struct obs_indicator and lists it in its
** module.inc as INDICATOR(name); this module reads none of their tables.
** Computation here (obs_core.c) is pure; pages in obs_pages.c.
*/
#ifndef OBSERVATORY_OBSERVATORY_H
#define OBSERVATORY_OBSERVATORY_H

#include <stdbool.h>
#include <stdint.h>

#include "core/arena.h"

struct db;

/* One figure of an indicator: a gmina (7 digits) in a year. */
struct obs_value {
    const char *gmina;
    int year;
    int64_t value;
};

/* What an indicator's figures are. */
enum obs_kind {
    OBS_COUNT, /* a count; a powiat's is the sum of its gminas' */
    OBS_MONEY, /* an amount in grosze, shown in zl; summed as counts */
    /* 1 or 0 of each local government: values() gives every gmina's (7
     * digits) and every powiat's own (4 digits), a powiat's figure is its
     * own, not its gminas'; shown as yes or no with the share of yes */
    OBS_FLAG,
};

/*
** An indicator and how to read it. values() gives region's (2 digits)
** figures for every gmina (and for OBS_FLAG every powiat) and year it has
** (a unit without one counts 0), strings and array in a: the count, or an
** error.
*/
struct obs_indicator {
    const char *code;   /* in URLs: 1-32 of [a-z0-9-] */
    const char *title;  /* Polish, as a heading */
    const char *unit;   /* Polish, what a count counts ("kontakty") */
    const char *method; /* Polish: how it is computed, from which register */
    enum obs_kind kind;
    bool per_resident; /* also shown per 10 000 residents */
    bool yearly;       /* false: one current state, given as this year */
    int (*values)(struct db *db, struct arena *a, const char *region,
                  struct obs_value **out);
};

/* Append a figure to *v (count *n), in a: for the modules' values(). */
static inline void
obs_push(struct arena *a, struct obs_value **v, int *n, const char *gmina,
         int year, int64_t value)
{
    *v = arena_grow(a, *v, *n, sizeof(**v));
    (*v)[*n].gmina = gmina;
    (*v)[*n].year = year;
    (*v)[*n].value = value;
    (*n)++;
}

struct db_stmt;
/*
** Read a module's query of (gmina, year, value) rows into *out (a) and
** end it (db_done): the count, or the error of the step.
*/
int obs_read(struct arena *a, struct db_stmt *st, struct obs_value **out);

/* The indicators of every module, in the order of src/modules.def. */
extern const struct obs_indicator *const obs_indicators[];
extern const int obs_nindicators;
/* The indicator of code, or NULL. */
const struct obs_indicator *obs_indicator_find(const char *code);

/* --- computing (obs_core.c) --------------------------------------------- */

#define OBS_CLASSES 5 /* classes of a map besides "0" */

/* A unit of the map: a gmina or a powiat of the region. */
struct obs_unit {
    const char *code, *name; /* TERYT 7 or 4 digits */
    const char *sort_key;    /* set by the caller that sorts */
    int64_t count;           /* the indicator's figure, summed */
    int64_t population;      /* residents (GUS 2024), 0 unknown */
    int64_t rate100;         /* per 10 000 residents x 100, or -1 */
    int64_t shown;           /* what the map classes: rate100 or count */
    int cls;                 /* 0: zero; 1..nclasses by the breaks */
};

/* The class breaks of a map: class k (1..n) holds lo[k-1]..hi[k-1]. */
struct obs_breaks {
    int n;
    int64_t lo[OBS_CLASSES], hi[OBS_CLASSES];
};

/* A gmina of the region with its powiat, for obs_units. */
struct obs_gmina {
    const char *code, *name, *powiat, *powiat_name;
    int64_t population;
};

/*
** The units of level (false: gminas, true: powiats) of the region's
** gminas g[0..ng) with the figures of year summed from v[0..nv) (an
** OBS_FLAG powiat: its own figure), in the order of g (powiats by first
** appearance); per 10 000 residents when per_resident and the population
** is known. Into *out (a): the count.
*/
int obs_units(struct arena *a, const struct obs_gmina *g, int ng,
              const struct obs_value *v, int nv, int year, bool powiats,
              enum obs_kind kind, bool per_resident, struct obs_unit **out);
/*
** count per 10 000 of population, rounded half up, x 100 (a count: 1234
** is 12,34); of OBS_MONEY in grosze (zl x 100). population > 0.
*/
int64_t obs_rate100(enum obs_kind kind, int64_t count, int64_t population);
/*
** Class breaks of the non-zero shown values (quantiles, at most
** OBS_CLASSES classes, each a range no other class overlaps), and each
** unit's class set.
*/
void obs_classify(struct arena *a, struct obs_unit *u, int n,
                  struct obs_breaks *b);
/* The years of the figures, ascending, distinct, into *out: the count. */
int obs_years(struct arena *a, const struct obs_value *v, int nv, int **out);
/* "12,34" of a value x 100 (Polish grouping and comma), in a. */
const char *obs_fmt100(struct arena *a, int64_t x100);

#endif
