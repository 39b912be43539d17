/*
** Regions as configuration (issue 15): the settings of each region this
** instance serves (its centre's name and address, its helplines with
** hours, its information line, its BIP) and the national crisis lines,
** which are data (data/crisis_lines_national.csv). Every text that names a
** region's line or centre reads them from here; none is written into code.
*/
#ifndef REGION_REGION_H
#define REGION_REGION_H

#include <stdbool.h>

#include "auth/auth.h"
#include "core/arena.h"
#include "db/db.h"

#define REGION_MAX_LINES 8

struct region_line {
    const char *woj; /* region code, NULL for a national line */
    const char *name, *phone, *hours;
    int open_from, open_to; /* minutes of the day; -1 when not known */
};

/* A NULL field of a settings struct given to region_save is kept as is. */
struct region_settings {
    const char *woj, *woj_name; /* woj_name: filled by region_get only */
    const char *office, *address, *info_line, *bip_url;
    struct region_line lines[REGION_MAX_LINES];
    int nlines; /* -1 in region_save: keep the lines */
};

/*
** Read "NAME | PHONE | HOURS" (HOURS may be left out) into *out, strings
** in a. Returns 0, or ERR_INPUT with *why (Polish) set.
*/
int region_line_parse(struct arena *a, const char *text,
                      struct region_line *out, const char **why);

/*
** The opening hours a text names: "całodobowo" or "24/7" is the whole day,
** otherwise the first "HH:MM" (or HH.MM) and the next one. Sets -1 both
** when the text names none.
*/
void region_hours_parse(const char *hours, int *from, int *to);

/* Whether a line is open at minute of the day m; false when not known. */
bool region_line_open_now(const struct region_line *l, int m);

/*
** Add the region woj (a voivodeship code) or update its settings, in one
** transaction with its audit row. Returns 0, ERR_INPUT with *why (Polish)
** for an unknown code or a bad value, or ERR_DB.
*/
int region_save(struct db *db, struct arena *a, const struct region_settings *s,
                const struct audit_entry *who, const char **why);

/* A region this instance serves. */
struct region_served {
    const char *woj, *name, *office; /* code, voivodeship's name, office */
};
/* The regions served, by name (Polish order), into *out (arena); the count
   or an error. */
int region_list(struct db *db, struct arena *a, struct region_served **out);

/* The codes of the regions served, by code, into *out (arena): the count
   or an error. */
int region_codes(struct db *db, struct arena *a, const char ***out);

/* The settings and lines of region woj into *out: 0 or ERR_NOTFOUND. */
int region_get(struct db *db, struct arena *a, const char *woj,
               struct region_settings *out);

/*
** The helplines of region woj, or of every region served when woj is NULL,
** in a; *out may be NULL when there are none. Returns how many, or < 0.
*/
int region_lines(struct db *db, struct arena *a, const char *woj,
                 struct region_line **out);

/* The national crisis lines (data), in a. Returns how many. */
int region_national_lines(struct arena *a, struct region_line **out);

/* Whether this instance serves region woj (enabled): *served; 0 or ERR_DB. */
int region_served(struct db *db, const char *woj, bool *served);

#endif
