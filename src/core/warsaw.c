/* Warsaw local time and Polish dates; see warsaw.h. */
#include "warsaw.h"

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "core/strings_pl.h"

/* Unix time of the last Sunday of month (0-based) of year, 01:00 UTC. */
static int64_t
last_sunday_0100(int year, int month)
{
    struct tm tm = {0};
    time_t t;
    int wday;

    tm.tm_year = year - 1900;
    tm.tm_mon = month + 1; /* the first day of the next month ... */
    tm.tm_mday = 1;
    tm.tm_hour = 1;
    t = timegm(&tm) - 24 * 3600; /* ... less one day: the last day */
    gmtime_r(&t, &tm);
    wday = tm.tm_wday; /* 0 = Sunday */
    return (int64_t)t - (int64_t)wday * 24 * 3600;
}

void
warsaw_tm(int64_t t, struct tm *out)
{
    time_t tt = (time_t)t;
    int64_t offset;

    gmtime_r(&tt, out);
    offset = t >= last_sunday_0100(out->tm_year + 1900, 2) &&
                     t < last_sunday_0100(out->tm_year + 1900, 9)
                 ? 7200
                 : 3600;
    tt = (time_t)(t + offset);
    gmtime_r(&tt, out);
}

const char *
warsaw_local(struct arena *a, const char *utc)
{
    struct tm tm = {0};
    int y, mo, d, h, mi, n = 0;
    struct tm local;

    if (utc == NULL ||
        sscanf(utc, "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &n) != 5 ||
        n != 16 || utc[strlen(utc) - 1] != 'Z' || mo < 1 || mo > 12 || d < 1 ||
        d > 31 || h > 23 || mi > 59) {
        return utc;
    }
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    warsaw_tm((int64_t)timegm(&tm), &local);
    return arena_printf(a, "%02d.%02d.%04d %02d:%02d", local.tm_mday,
                        local.tm_mon + 1, local.tm_year + 1900, local.tm_hour,
                        local.tm_min);
}

char *
warsaw_date_words(struct arena *a, int64_t t)
{
    static const char *const months[12] = {T_MONTHS_GENITIVE};
    struct tm tm;

    warsaw_tm(t, &tm);
    return arena_printf(a, "%d %s %d r.", tm.tm_mday, months[tm.tm_mon],
                        tm.tm_year + 1900);
}

const char *
utc_stamp_at(char out[UTC_STAMP_SIZE], int64_t t)
{
    time_t tt = (time_t)t;
    struct tm tm;

    gmtime_r(&tt, &tm);
    strftime(out, UTC_STAMP_SIZE, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return out;
}

const char *
utc_stamp_now(char out[UTC_STAMP_SIZE], bool ms)
{
    struct timespec ts;
    size_t len;

    clock_gettime(CLOCK_REALTIME, &ts);
    len = strlen(utc_stamp_at(out, (int64_t)ts.tv_sec)) - 1;
    if (ms) {
        snprintf(out + len, UTC_STAMP_SIZE - len, ".%03ldZ",
                 (long)(ts.tv_nsec / 1000000));
    }
    return out;
}
