/*
** Numbers and terms as Polish officials write them: money with dots or
** spaces for thousands and a comma for grosze, counts, percentages, Roman
** and named months, dates and the words "na bieżąco", "x" and "-". Values
** are integers (grosze, units); nothing here uses floating point. What a
** cell means (money or a target) is the reader's business.
*/
#include "plan.h"

#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/str.h"
#include "plan/strings_pl.h"

#define MAX_GROUPS 16
#define MAX_INT_DIGITS 15

enum sep {
    SEP_SPACE,
    SEP_DOT,
    SEP_COMMA,
};

static const char *const months_nom[13] = {"", T_PLAN_MONTHS_NOMINATIVE};

static const char *const month_words[12][4] = {V_PLAN_MONTH_WORDS};

static const char *const romans[12] = {
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
};

/* Length of a white-space character at s[0..n) (ASCII, NBSP, narrow NBSP,
** thin and hair space), or 0. */
static size_t
space_len_n(const char *s, size_t n)
{
    uint32_t cp;
    size_t k = str_utf8_decode(s, n, &cp);

    return k > 0 && (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' ||
                     cp == 0xA0 || cp == 0x202F || cp == 0x2009 || cp == 0x200A)
               ? k
               : 0;
}

static size_t
space_len(const char *s)
{
    return space_len_n(s, strnlen(s, 4));
}

/* Trim [*b, *e) of white space (including no-break spaces). */
static void
trim_span(const char **b, const char **e)
{
    size_t k;

    while (*b < *e && (k = space_len_n(*b, (size_t)(*e - *b))) > 0) {
        *b += k;
    }
    while (*e > *b) {
        const char *q = *e - 1;

        /* back to the first byte of the last character */
        while (q > *b && *e - q < 4 && ((unsigned char)*q & 0xC0) == 0x80) {
            q--;
        }
        if (space_len_n(q, (size_t)(*e - q)) != (size_t)(*e - q)) {
            break;
        }
        *e = q;
    }
}

/* True when [b, e) equals word, ignoring ASCII case. */
static bool
span_is(const char *b, const char *e, const char *word)
{
    size_t n = strlen(word);

    if ((size_t)(e - b) != n) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        char c = b[i];

        if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        if (c != word[i]) {
            return false;
        }
    }
    return true;
}

/* Remove a trailing suffix (case-insensitive ASCII, or exact bytes). */
static bool
strip_suffix(const char *b, const char **e, const char *suffix)
{
    size_t n = strlen(suffix);

    if ((size_t)(*e - b) < n) {
        return false;
    }
    if (!span_is(*e - n, *e, suffix) && memcmp(*e - n, suffix, n) != 0) {
        return false;
    }
    *e -= n;
    return true;
}

static bool
is_dash(const char *b, const char *e)
{
    return span_is(b, e, "-") || span_is(b, e, "\xE2\x80\x93") ||
           span_is(b, e, "\xE2\x80\x94");
}

/*
** Parse the digits of [b, e) into value * 10^scale. Thousands may be
** separated by spaces, dots or commas; the decimal mark is a comma (or a
** dot followed by one or two digits, or the last of two kinds of marks).
** Returns 0 or ERR_INPUT.
*/
static int
parse_digits(const char *b, const char *e, int scale, int64_t *out)
{
    int glen[MAX_GROUPS];
    int64_t gval[MAX_GROUPS];
    enum sep seps[MAX_GROUPS]; /* seps[i] follows group i */
    int ng = 0, ndots = 0, ncommas = 0, nspaces = 0, dec = -1;
    int ndigits = 0, fdigits = 0;
    int64_t v = 0, frac = 0;
    bool in_group = false;
    const char *s = b;

    while (s < e) {
        size_t k;

        if (*s >= '0' && *s <= '9') {
            if (!in_group) {
                if (ng == MAX_GROUPS) {
                    return ERR_INPUT;
                }
                glen[ng] = 0;
                gval[ng] = 0;
                ng++;
                in_group = true;
            }
            if (glen[ng - 1] >= MAX_INT_DIGITS) {
                return ERR_INPUT;
            }
            gval[ng - 1] = gval[ng - 1] * 10 + (*s - '0');
            glen[ng - 1]++;
            s++;
            continue;
        }
        if (!in_group) {
            return ERR_INPUT; /* leading or doubled separator */
        }
        in_group = false;
        if (*s == '.') {
            seps[ng - 1] = SEP_DOT;
            ndots++;
            s++;
        } else if (*s == ',') {
            seps[ng - 1] = SEP_COMMA;
            ncommas++;
            s++;
        } else if (*s == '\'') {
            seps[ng - 1] = SEP_SPACE;
            nspaces++;
            s++;
        } else if ((k = space_len(s)) > 0) {
            seps[ng - 1] = SEP_SPACE;
            nspaces++;
            s += k;
        } else {
            return ERR_INPUT;
        }
    }
    if (!in_group) {
        return ERR_INPUT; /* nothing, or a trailing separator */
    }
    /* Which separator, if any, is the decimal mark? */
    if (ng >= 2) {
        enum sep last = seps[ng - 2];

        if (last == SEP_COMMA && ncommas == 1) {
            dec = ng - 1;
        } else if (last == SEP_DOT && ncommas > 0 && ndots == 1) {
            dec = ng - 1;
        } else if (last == SEP_DOT && ndots == 1 && nspaces == 0 &&
                   ncommas == 0 && glen[ng - 1] <= 2) {
            dec = ng - 1;
        }
    }
    for (int i = 0; i < ng; i++) {
        if (i == dec) {
            /* "1,234" is a fraction in Polish; a count takes ",00" */
            if (glen[i] > scale && (scale > 0 || gval[i] != 0)) {
                return ERR_INPUT;
            }
            frac = gval[i];
            fdigits = glen[i];
            continue;
        }
        if (ng - (dec >= 0 ? 1 : 0) > 1) {
            /* grouped: 1..3 digits first, then exactly three */
            if ((i == 0 && glen[i] > 3) || (i > 0 && glen[i] != 3)) {
                return ERR_INPUT;
            }
            if (i > 0 && dec >= 0 && seps[i - 1] == seps[dec - 1]) {
                return ERR_INPUT;
            }
        }
        ndigits += glen[i];
        if (ndigits > MAX_INT_DIGITS) {
            return ERR_INPUT;
        }
        for (int k = 0; k < glen[i]; k++) {
            v *= 10;
        }
        v += gval[i];
    }
    for (int i = 0; i < scale; i++) {
        v *= 10;
    }
    if (dec >= 0 && scale > 0) {
        for (int i = fdigits; i < scale; i++) {
            frac *= 10;
        }
        v += frac;
    }
    *out = v;
    return 0;
}

/*
** Start reading a number cell [*b, *e): trims it and, when it holds a
** word that is no number (blank, "-" or "brak", "x"), sets out->kind and
** returns true. Otherwise out->kind is PLAN_NUM_BAD until num_value().
*/
static bool
num_word(const char **b, const char **e, struct plan_num *out)
{
    out->kind = PLAN_NUM_BAD;
    out->v = 0;
    out->text = NULL;
    trim_span(b, e);
    if (*b == *e) {
        out->kind = PLAN_NUM_EMPTY;
    } else if (is_dash(*b, *e) || span_is(*b, *e, V_PLAN_NUM_NONE)) {
        out->kind = PLAN_NUM_NONE;
    } else if (span_is(*b, *e, "x")) {
        out->kind = PLAN_NUM_NOT_PLANNED;
    }
    return out->kind != PLAN_NUM_BAD;
}

/* The digits of [b, e) with scale decimals as out's value, or ERR_INPUT. */
static int
num_value(const char *b, const char *e, int scale, struct plan_num *out)
{
    int64_t v;

    if (parse_digits(b, e, scale, &v) != 0) {
        return ERR_INPUT;
    }
    out->kind = PLAN_NUM_VALUE;
    out->v = v;
    return 0;
}

int
plan_num_money(const char *s, struct plan_num *out)
{
    const char *b = s, *e = s + strlen(s);

    if (num_word(&b, &e, out)) {
        return 0;
    }
    if (strip_suffix(b, &e, "z\xC5\x82.") || strip_suffix(b, &e, "z\xC5\x82") ||
        strip_suffix(b, &e, "Z\xC5\x81") || strip_suffix(b, &e, "pln") ||
        strip_suffix(b, &e, "z\xC5\x82otych")) {
        trim_span(&b, &e);
    }
    return num_value(b, e, 2, out);
}

int
plan_num_count(const char *s, struct plan_num *out, const char **unit)
{
    const char *b = s, *e = s + strlen(s);

    if (unit != NULL) {
        *unit = NULL;
    }
    if (num_word(&b, &e, out)) {
        return 0;
    }
    if (span_is(b, e, V_PLAN_ONGOING) || span_is(b, e, V_PLAN_ONGOING_FOLDED)) {
        out->kind = PLAN_NUM_ONGOING;
        return 0;
    }
    if (e > b && e[-1] == '%') {
        if (unit != NULL) {
            *unit = e - 1;
        }
        e--;
        trim_span(&b, &e);
    }
    return num_value(b, e, 0, out);
}

int
plan_month_from_word(const char *s, size_t n)
{
    char w[16];

    if (n == 0 || n >= sizeof(w)) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        char c = s[i];

        w[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    w[n] = '\0';
    for (int m = 0; m < 12; m++) {
        if (strcmp(w, romans[m]) == 0) {
            return m + 1;
        }
        for (int k = 0; k < 4; k++) {
            if (strcmp(w, month_words[m][k]) == 0) {
                return m + 1;
            }
        }
    }
    return 0;
}

char *
plan_trim(struct arena *a, const char *s, size_t n)
{
    const char *b = s, *e = s + n;

    trim_span(&b, &e);
    return arena_strndup(a, b, (size_t)(e - b));
}

const char *
plan_month_name(int month)
{
    if (month < 1 || month > 12) {
        return "";
    }
    return months_nom[month];
}

static bool
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/*
** Find dates "d.m.yyyy" in s, record up to two and blank them out of the
** copy so the words left can be read. Returns the number found, -1 when a
** date is impossible.
*/
static int
take_dates(char *s, int day[2], int month[2], int year[2])
{
    int n = 0;

    for (char *p = s; *p != '\0'; p++) {
        int d = 0, m = 0, y = 0, k = 0;
        char *q = p;

        if (!is_digit(*q) || (q > s && is_digit(q[-1]))) {
            continue;
        }
        while (is_digit(*q) && k < 3) {
            d = d * 10 + (*q++ - '0');
            k++;
        }
        if (k > 2 || *q != '.') {
            continue;
        }
        q++;
        for (k = 0; is_digit(*q) && k < 3; k++) {
            m = m * 10 + (*q++ - '0');
        }
        if (k == 0 || k > 2 || *q != '.') {
            continue;
        }
        q++;
        for (k = 0; is_digit(*q) && k < 5; k++) {
            y = y * 10 + (*q++ - '0');
        }
        if (k != 4) {
            continue;
        }
        if (n == 2 || d < 1 || d > 31 || m < 1 || m > 12) {
            return -1;
        }
        day[n] = d;
        month[n] = m;
        year[n] = y;
        n++;
        memset(p, ' ', (size_t)(q - p));
        p = q - 1;
    }
    return n;
}

static bool
is_filler(const char *w, size_t n)
{
    static const char *const words[] = {V_PLAN_TERM_FILLERS NULL};

    for (int i = 0; words[i] != NULL; i++) {
        if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0) {
            return true;
        }
    }
    return false;
}

/* Parse a year token "2024" or "2024r"; 0 if it is not one. */
static int
year_token(const char *w, size_t n)
{
    int y = 0;

    if (n == 5 && w[4] == 'r') {
        n = 4;
    }
    if (n != 4) {
        return 0;
    }
    for (size_t i = 0; i < 4; i++) {
        if (!is_digit(w[i])) {
            return 0;
        }
        y = y * 10 + (w[i] - '0');
    }
    return (y >= 1900 && y <= 2200) ? y : 0;
}

static int
term_bad(struct arena *a, struct plan_term *out, const char *w, size_t n)
{
    out->kind = PLAN_TERM_BAD;
    out->bad_word = w != NULL ? arena_strndup(a, w, n) : NULL;
    return ERR_INPUT;
}

int
plan_term_parse(struct arena *a, const char *s, struct plan_term *out)
{
    const char *b = s, *e = s + strlen(s);
    int day[2] = {0, 0}, dmon[2] = {0, 0}, dyear[2] = {0, 0};
    int mon[2] = {0, 0}, myear[2] = {0, 0}, years[2] = {0, 0};
    int nmon = 0, nyears = 0, ndates;
    bool quarters = false, whole_year = false;
    char *copy, *folded, *w;

    memset(out, 0, sizeof(*out));
    trim_span(&b, &e);
    out->text = arena_strndup(a, b, (size_t)(e - b));
    if (b == e) {
        out->kind = PLAN_TERM_EMPTY;
        return 0;
    }
    if (is_dash(b, e)) {
        out->kind = PLAN_TERM_NONE;
        return 0;
    }
    if (span_is(b, e, "x")) {
        out->kind = PLAN_TERM_NOT_PLANNED;
        return 0;
    }
    copy = arena_strndup(a, b, (size_t)(e - b));
    ndates = take_dates(copy, day, dmon, dyear);
    if (ndates < 0) {
        return term_bad(a, out, NULL, 0);
    }
    for (char *q = copy; *q != '\0'; q++) {
        uint32_t cp;

        /* en and em dashes are not letters; str_fold keeps them */
        if (str_utf8_decode(q, strnlen(q, 4), &cp) == 3 &&
            (cp == 0x2013 || cp == 0x2014)) {
            q[0] = q[1] = q[2] = ' ';
        }
    }
    folded = str_fold(a, copy);
    if (strcmp(folded, V_PLAN_ONGOING_FOLDED) == 0 ||
        strcmp(folded, V_PLAN_ONGOING_AS_NEEDED) == 0 ||
        strcmp(folded, V_PLAN_ONGOING_CONSTANT) == 0 ||
        strcmp(folded, V_PLAN_ONGOING_CONTINUOUS) == 0) {
        out->kind = PLAN_TERM_ONGOING;
        return 0;
    }
    for (w = folded; *w != '\0';) {
        size_t n = strcspn(w, " ");
        int m = plan_month_from_word(w, n), y = year_token(w, n);

        if (strncmp(w, V_PLAN_QUARTER, 6) == 0 ||
            (n == 2 && strncmp(w, V_PLAN_QUARTER_SHORT, 2) == 0)) {
            quarters = true;
        } else if (n == 4 && strncmp(w, V_PLAN_WHOLE, 4) == 0) {
            whole_year = true;
        } else if (y != 0) {
            if (nyears == 2) {
                return term_bad(a, out, w, n);
            }
            years[nyears++] = y;
            /* a year belongs to the months written before it */
            for (int i = 0; i < nmon; i++) {
                if (myear[i] == 0) {
                    myear[i] = y;
                }
            }
        } else if (m != 0) {
            if (nmon == 2) {
                return term_bad(a, out, w, n);
            }
            mon[nmon++] = m;
        } else if (!is_filler(w, n)) {
            return term_bad(a, out, w, n);
        }
        w += n;
        while (*w == ' ') {
            w++;
        }
    }
    if (ndates > 0) {
        if (nmon > 0 || nyears > 0) {
            return term_bad(a, out, NULL, 0);
        }
        out->from_day = day[0];
        out->from_month = dmon[0];
        out->from_year = dyear[0];
        out->to_day = day[ndates - 1];
        out->to_month = dmon[ndates - 1];
        out->to_year = dyear[ndates - 1];
    } else if (nmon > 0) {
        if (quarters) {
            int q1 = mon[0], q2 = mon[nmon - 1];

            if (q1 > 4 || q2 > 4) {
                return term_bad(a, out, NULL, 0);
            }
            if (nmon == 1) {
                myear[1] = myear[0];
            }
            mon[0] = q1 * 3 - 2;
            mon[1] = q2 * 3;
            nmon = 2;
        }
        out->from_month = mon[0];
        out->to_month = mon[nmon - 1];
        out->from_year = myear[0];
        out->to_year = myear[nmon - 1];
        /* "styczeń – grudzień 2024": the year closes the whole range */
        if (out->from_year == 0 && out->to_year != 0) {
            out->from_year = out->to_year;
        }
        if (out->to_year == 0 && out->from_year != 0) {
            out->to_year = out->from_year;
        }
        if (nyears == 1 && myear[0] == 0) {
            out->from_year = out->to_year = years[0];
        }
    } else if (nyears > 0 || whole_year) {
        out->from_month = 1;
        out->to_month = 12;
        out->from_year = years[0];
        out->to_year = nyears == 2 ? years[1] : years[0];
    } else {
        return term_bad(a, out, NULL, 0);
    }
    if (out->from_year * 100 + out->from_month >
            out->to_year * 100 + out->to_month ||
        (out->from_year == out->to_year && out->from_month == out->to_month &&
         out->from_day > out->to_day)) {
        return term_bad(a, out, NULL, 0);
    }
    out->kind = PLAN_TERM_RANGE;
    return 0;
}
