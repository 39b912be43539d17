/*
** Niebieska Linia (issue 6): the domain interface of the helpline module.
** Contacts, duty schedules and agreements with gminas live in this module's
** tables; other parts (monitoring) read them only through the functions
** declared here. No HTML, no request state: every function takes a database
** handle and returns 0 or a negative ERR_* from core/err.h.
*/
#ifndef HELPLINE_H
#define HELPLINE_H

#include <stdint.h>

struct db;

/*
** Count the helpline contacts of the calendar year `year` (1 January to
** 31 December inclusive, local date of the contact) in region `region`
** (voivodeship code, e.g. "04"; NULL counts every region). On success stores
** the count in *n and returns 0; ERR_INPUT for a year outside 1900..9999,
** ERR_DB on a database failure (then *n is left unchanged).
*/
int
helpline_count_contacts(struct db *db, const char *region, int year,
                        int64_t *n);

/*
** Count the gminas of region `region` (NULL: every region) with an agreement
** in force on `date_iso` (YYYY-MM-DD): since <= date and (until is empty or
** until >= date). On success stores the count in *n and returns 0; ERR_INPUT
** for a malformed date, ERR_DB on a database failure.
*/
int
helpline_count_agreements(struct db *db, const char *region,
                          const char *date_iso, int64_t *n);

#endif
