/* Warsaw local time and Polish dates; see warsaw.h. */
#include "warsaw.h"

#include "arena.h"

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

char *
warsaw_date_words(struct arena *a, int64_t t)
{
    static const char *const months[12] = {
        "stycznia", "lutego",       "marca",     "kwietnia",
        "maja",     "czerwca",      "lipca",     "sierpnia",
        "września", "października", "listopada", "grudnia"};
    struct tm tm;

    warsaw_tm(t, &tm);
    return arena_printf(a, "%d %s %d r.", tm.tm_mday, months[tm.tm_mon],
                        tm.tm_year + 1900);
}
