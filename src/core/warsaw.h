/*
** Polish civil time without the process's TZ (the server is many threads;
** setenv is not an option): CET/CEST by the EU rule, summer time from
** 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday
** of October. Dates in words the Polish way.
*/
#ifndef CORE_WARSAW_H
#define CORE_WARSAW_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

struct arena;

/* Broken-down Warsaw local time of unix time t (tm_gmtoff not set). */
void warsaw_tm(int64_t t, struct tm *out);
/* "3 grudnia 2026 r." for unix time t, in the arena. */
char *warsaw_date_words(struct arena *a, int64_t t);
/*
** A stored UTC time ("2026-12-03T13:05:09Z", seconds and fractions
** optional) as people in Poland read it: "03.12.2026 14:05", in the arena.
** Text that is not such a time comes back as it is.
*/
const char *warsaw_local(struct arena *a, const char *utc);
/*
** Now in UTC as the schema stores times: "2026-12-03T13:05:09Z", or with
** milliseconds ("…09.123Z") when ms; in out, which it returns. Bound from
** C so that both store engines write the same text.
*/
enum { UTC_STAMP_SIZE = 32 };
const char *utc_stamp_now(char out[UTC_STAMP_SIZE], bool ms);
/* Unix time t in UTC as the schema stores times ("2026-12-03T13:05:09Z"),
 * in out, which it returns. */
const char *utc_stamp_at(char out[UTC_STAMP_SIZE], int64_t t);

#endif
