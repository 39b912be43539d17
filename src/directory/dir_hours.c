/*
** Opening hours: reading the Polish way people write them, Warsaw local
** time without the process's TZ (the server is many threads; setenv is
** not an option), and "open now" including spans past midnight.
*/
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/str.h"
#include "core/warsaw.h"
#include "directory/strings_pl.h"
#include "directory.h"

struct day_word {
    const char *word; /* folded */
    int day;
};

static const struct day_word day_words[] = {V_DIR_DAY_WORDS};

static int
day_of(struct arena *a, const char *s, size_t n)
{
    char *w = str_fold(a, arena_strndup(a, s, n));
    size_t i;

    for (i = 0; i < sizeof(day_words) / sizeof(day_words[0]); i++) {
        if (strcmp(w, day_words[i].word) == 0) {
            return day_words[i].day;
        }
    }
    return -1;
}

/* The next word of letters (ASCII or any UTF-8 sequence) at *p. */
static size_t
word_len(const char *p)
{
    size_t n = 0;

    while (p[n] != '\0' &&
           ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z') ||
            (unsigned char)p[n] >= 0x80)) {
        /* An en or em dash (E2 80 93/94) is a separator, not a letter. */
        if ((unsigned char)p[n] == 0xE2 && (unsigned char)p[n + 1] == 0x80 &&
            ((unsigned char)p[n + 2] == 0x93 ||
             (unsigned char)p[n + 2] == 0x94)) {
            break;
        }
        n++;
    }
    return n;
}

/* A dash at *p ('-', en dash, em dash): its length, or 0. */
static size_t
dash_len(const char *p)
{
    if (*p == '-') {
        return 1;
    }
    if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
        ((unsigned char)p[2] == 0x93 || (unsigned char)p[2] == 0x94)) {
        return 3;
    }
    return 0;
}

static const char *
skip_space(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == ',') {
        p++;
    }
    return p;
}

/* "8", "8:00", "17.30": minutes in *m; 0 or ERR_INPUT. */
static int
read_time(const char **pp, int *m)
{
    const char *p = *pp;
    int h = 0, mi = 0, digits = 0;

    while (*p >= '0' && *p <= '9' && digits < 2) {
        h = h * 10 + (*p++ - '0');
        digits++;
    }
    if (digits == 0) {
        return ERR_INPUT;
    }
    if ((*p == ':' || *p == '.') && p[1] >= '0' && p[1] <= '9') {
        if (!(p[2] >= '0' && p[2] <= '9')) {
            return ERR_INPUT;
        }
        mi = (p[1] - '0') * 10 + (p[2] - '0');
        p += 3;
    }
    if (h > 24 || mi > 59 || (h == 24 && mi != 0)) {
        return ERR_INPUT;
    }
    *m = h * 60 + mi;
    *pp = p;
    return 0;
}

static int
add_span(struct dir_hours *out, int day, int open, int close)
{
    if (out->n >= DIR_MAX_SPANS) {
        return ERR_INPUT;
    }
    out->span[out->n].day = day;
    out->span[out->n].open = open;
    out->span[out->n].close = close;
    out->n++;
    return 0;
}

/* One rule: days then times (or "całodobowo"). */
static int
parse_rule(struct arena *a, const char *rule, struct dir_hours *out,
           const char **why)
{
    bool days[7] = {false};
    bool any_day = false, all_day = false;
    const char *p = skip_space(rule);
    int prev = -1, d, k;

    /* Days: words, ranges with a dash, lists with commas or spaces. */
    while (*p != '\0' && !(*p >= '0' && *p <= '9')) {
        size_t n = word_len(p);
        char *w;

        if (n == 0) {
            size_t dl = dash_len(p);

            if (dl > 0 && prev >= 0) {
                const char *q = skip_space(p + dl);
                size_t m = word_len(q);
                int to = m > 0 ? day_of(a, q, m) : -1;

                if (to < 0) {
                    *why = arena_printf(a, T_DIR_HOURS_BAD_DAY_RANGE, rule);
                    return ERR_INPUT;
                }
                for (d = prev;; d = (d + 1) % 7) {
                    days[d] = true;
                    if (d == to) {
                        break;
                    }
                }
                any_day = true;
                prev = -1;
                p = skip_space(q + m);
                continue;
            }
            if (*p == ' ' || *p == ',' || *p == '\t') {
                p = skip_space(p);
                continue;
            }
            *why = arena_printf(a, T_DIR_HOURS_BAD_CHAR, rule);
            return ERR_INPUT;
        }
        w = str_fold(a, arena_strndup(a, p, n));
        if (strcmp(w, V_DIR_EVERY_DAY) == 0) {
            for (d = 0; d < 7; d++) {
                days[d] = true;
            }
            any_day = true;
        } else if (strcmp(w, V_DIR_ALL_DAY) == 0) {
            all_day = true;
        } else if (strcmp(w, V_DIR_FILLER_AT) == 0 ||
                   strcmp(w, V_DIR_FILLER_HOURS) == 0 ||
                   strcmp(w, V_DIR_FILLER_AND) == 0) {
            /* filler words: "w godz. 8-16" */
        } else if ((prev = day_of(a, p, n)) >= 0) {
            days[prev] = true;
            any_day = true;
        } else {
            *why = arena_printf(a, T_DIR_HOURS_UNKNOWN_DAY,
                                arena_strndup(a, p, n), rule);
            return ERR_INPUT;
        }
        p += n;
        while (*p == '.') {
            p++;
        }
    }
    if (all_day) {
        if (!any_day) {
            for (d = 0; d < 7; d++) {
                days[d] = true;
            }
        }
        for (d = 0; d < 7; d++) {
            if (days[d] && add_span(out, d, 0, 24 * 60) != 0) {
                goto too_many;
            }
        }
        return *p == '\0' ? 0 : ERR_INPUT;
    }
    if (!any_day) {
        *why = arena_printf(a, T_DIR_HOURS_NO_DAYS, rule);
        return ERR_INPUT;
    }
    if (*p == '\0') {
        *why = arena_printf(a, T_DIR_HOURS_NO_TIMES, rule);
        return ERR_INPUT;
    }
    while (*p != '\0') {
        int open, close;
        size_t dl;

        if (read_time(&p, &open) != 0) {
            goto bad_time;
        }
        p = skip_space(p);
        if ((dl = dash_len(p)) == 0) {
            goto bad_time;
        }
        p = skip_space(p + dl);
        if (read_time(&p, &close) != 0 || open == close) {
            goto bad_time;
        }
        for (k = 0; k < 7; k++) {
            if (days[k] && add_span(out, k, open, close) != 0) {
                goto too_many;
            }
        }
        p = skip_space(p);
        if (*p == 'i' && (p[1] == ' ' || p[1] == '\0')) {
            p = skip_space(p + 1);
        }
    }
    return 0;
bad_time:
    *why = arena_printf(a, T_DIR_HOURS_BAD_TIMES, rule);
    return ERR_INPUT;
too_many:
    *why = arena_printf(a, T_DIR_HOURS_TOO_MANY, DIR_MAX_SPANS);
    return ERR_INPUT;
}

int
dir_hours_parse(struct arena *a, const char *spec, struct dir_hours *out,
                const char **why)
{
    const char *p = spec ? spec : "";

    out->n = 0;
    *why = NULL;
    while (*p != '\0') {
        const char *end = strchr(p, ';');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char *rule = str_trim(a, arena_strndup(a, p, n));

        if (*rule != '\0' && parse_rule(a, rule, out, why) != 0) {
            if (*why == NULL) {
                *why = arena_printf(a, T_DIR_HOURS_BAD, rule);
            }
            return ERR_INPUT;
        }
        p += n;
        if (*p == ';') {
            p++;
        }
    }
    return 0;
}

void
dir_warsaw_time(int64_t t, int *wday, int *minute)
{
    struct tm tm;

    warsaw_tm(t, &tm);
    *wday = (tm.tm_wday + 6) % 7;
    *minute = tm.tm_hour * 60 + tm.tm_min;
}

bool
dir_hours_open_at(const struct dir_hours *h, int wday, int minute)
{
    int i, yesterday = (wday + 6) % 7;

    for (i = 0; i < h->n; i++) {
        const struct dir_span *s = &h->span[i];

        if (s->open < s->close) {
            if (s->day == wday && minute >= s->open && minute < s->close) {
                return true;
            }
        } else {
            /* Past midnight: the evening of its day, the night after. */
            if ((s->day == wday && minute >= s->open) ||
                (s->day == yesterday && minute < s->close)) {
                return true;
            }
        }
    }
    return false;
}

int
dir_open_now(struct arena *a, const char *spec, int64_t now)
{
    struct dir_hours h;
    const char *why;
    int wday, minute;

    if (spec == NULL || *spec == '\0' ||
        dir_hours_parse(a, spec, &h, &why) != 0 || h.n == 0) {
        return -1;
    }
    dir_warsaw_time(now, &wday, &minute);
    return dir_hours_open_at(&h, wday, minute) ? 1 : 0;
}
