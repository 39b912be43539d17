/* Warsaw local time and Polish dates; see warsaw.h. */
#include "warsaw.h"

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "core/strings_pl.h"

/*
** Days from 1970-01-01 to a date of the proleptic Gregorian calendar; a
** day past its month's end counts on into the next month, as timegm's
** does. Arithmetic only (H. Hinnant's days_from_civil): warsaw_local runs
** for every time a page shows, 50 times on a page of forum threads.
*/
static int64_t
days_from_civil(int64_t y, int m, int d)
{
    int64_t era, yoe, doy;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* The date of day z (days from 1970-01-01), the inverse of the above. */
static void
civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    int64_t era, doe, yoe, doy, mp;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

/* Unix time of the last Sunday of month (0-based, not December) of year,
 * 01:00 UTC. */
static int64_t
last_sunday_0100(int64_t year, int month)
{
    int64_t last = days_from_civil(year, month + 2, 1) - 1;
    int64_t wday = ((last % 7) + 7 + 4) % 7; /* 0 = Sunday; 1970-01-01 Thu */

    return (last - wday) * 86400 + 3600;
}

/* Warsaw's offset from UTC at unix time t of UTC year year, in seconds. */
static int64_t
offset_at(int64_t t, int64_t year)
{
    return t >= last_sunday_0100(year, 2) && t < last_sunday_0100(year, 9)
               ? 7200
               : 3600;
}

void
warsaw_tm(int64_t t, struct tm *out)
{
    time_t tt = (time_t)t;

    gmtime_r(&tt, out);
    tt = (time_t)(t + offset_at(t, out->tm_year + 1900));
    gmtime_r(&tt, out);
}

/* The number of the n digits at s, or -1 if one is not a digit. */
static int
digits(const char *s, int n)
{
    int v = 0, i;

    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* v as n digits (leading zeros) at s, which it returns past them. */
static char *
put_digits(char *s, int64_t v, int n)
{
    int i;

    for (i = n - 1; i >= 0; i--) {
        s[i] = (char)('0' + v % 10);
        v /= 10;
    }
    return s + n;
}

const char *
warsaw_local(struct arena *a, const char *utc)
{
    int64_t y, t, days;
    int mo, d, h, mi, sec;
    size_t len = utc != NULL ? strlen(utc) : 0;
    char *out, *p;

    /* "YYYY-MM-DDTHH:MM" and anything up to a final Z (seconds, fractions) */
    if (len < 17 || utc[4] != '-' || utc[7] != '-' || utc[10] != 'T' ||
        utc[13] != ':' || utc[len - 1] != 'Z') {
        return utc;
    }
    y = digits(utc, 4);
    mo = digits(utc + 5, 2);
    d = digits(utc + 8, 2);
    h = digits(utc + 11, 2);
    mi = digits(utc + 14, 2);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 ||
        mi < 0 || mi > 59) {
        return utc;
    }
    t = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60;
    t += offset_at(t, y); /* a day past its month stays within year y */
    days = (t >= 0 ? t : t - 86399) / 86400;
    sec = (int)(t - days * 86400);
    civil_from_days(days, &y, &mo, &d);
    out = arena_alloc(a, 18);
    p = put_digits(out, d, 2);
    *p++ = '.';
    p = put_digits(p, mo, 2);
    *p++ = '.';
    p = put_digits(p, y, y > 9999 ? 5 : 4);
    *p++ = ' ';
    p = put_digits(p, sec / 3600, 2);
    *p++ = ':';
    p = put_digits(p, sec / 60 % 60, 2);
    *p = '\0';
    return out;
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
