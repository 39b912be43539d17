/*
** Polish civil time without the process's TZ (the server is many threads;
** setenv is not an option): CET/CEST by the EU rule, summer time from
** 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday
** of October. Dates in words the Polish way.
*/
#ifndef CORE_WARSAW_H
#define CORE_WARSAW_H

#include <stdint.h>
#include <time.h>

struct arena;

/* Broken-down Warsaw local time of unix time t (tm_gmtoff not set). */
void warsaw_tm(int64_t t, struct tm *out);
/* "3 grudnia 2026 r." for unix time t, in the arena. */
char *warsaw_date_words(struct arena *a, int64_t t);

#endif
