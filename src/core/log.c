/*
** stderr logger. Each line is formatted whole and written with one
** fputs() under the stdio lock, so lines of concurrent threads never mix.
*/
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int min_level; /* 0 info, 1 warn, 2 error; see log_set_level */

void
log_set_level(int level)
{
    min_level = level;
}

size_t
log_stamp(char *out, size_t n)
{
    struct timespec ts;
    struct tm tm;

    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    return strftime(out, n, "%Y-%m-%dT%H:%M:%SZ ", &tm);
}

static void
vlog(const char *level, const char *fmt, va_list ap)
{
    char line[2048];
    int n;

    if ((min_level > 0 && level[0] == 'i') ||
        (min_level > 1 && level[0] == 'w')) {
        return;
    }
    n = (int)log_stamp(line, sizeof(line));
    n += snprintf(line + n, sizeof(line) - (size_t)n, "%s ", level);
    vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
    flockfile(stderr);
    fputs(line, stderr);
    fputc('\n', stderr);
    funlockfile(stderr);
}

#define LOG_FN(fn, level)                                                      \
    void fn(const char *fmt, ...)                                              \
    {                                                                          \
        va_list ap;                                                            \
        va_start(ap, fmt);                                                     \
        vlog(level, fmt, ap);                                                  \
        va_end(ap);                                                            \
    }

LOG_FN(log_info, "info")
LOG_FN(log_warn, "warn")
LOG_FN(log_error, "error")

void
die(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vlog("fatal", fmt, ap);
    va_end(ap);
    exit(1);
}
