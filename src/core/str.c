/*
** Polish-aware text helpers. The fold table covers Latin-1 Supplement and
** Latin Extended-A, which holds every Polish letter; anything else outside
** ASCII is kept as it is (lower-casing it is not needed for Polish search).
*/
#include "str.h"

#include <string.h>
#include <xxhash.h>
#include <stdio.h>

#include "arena.h"
#include "buf.h"

size_t
str_utf8_decode(const char *str, size_t n, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;

    if (n == 0) {
        return 0;
    }
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if ((s[0] & 0xE0) == 0xC0 && n >= 2 && (s[1] & 0xC0) == 0x80) {
        *cp = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
        return *cp >= 0x80 ? 2 : 0;
    }
    if ((s[0] & 0xF0) == 0xE0 && n >= 3 && (s[1] & 0xC0) == 0x80 &&
        (s[2] & 0xC0) == 0x80) {
        *cp = ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) |
              (s[2] & 0x3F);
        if (*cp < 0x800 || (*cp >= 0xD800 && *cp <= 0xDFFF)) {
            return 0;
        }
        return 3;
    }
    if ((s[0] & 0xF8) == 0xF0 && n >= 4 && (s[1] & 0xC0) == 0x80 &&
        (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80) {
        *cp = ((uint32_t)(s[0] & 0x07) << 18) |
              ((uint32_t)(s[1] & 0x3F) << 12) | ((uint32_t)(s[2] & 0x3F) << 6) |
              (s[3] & 0x3F);
        return (*cp >= 0x10000 && *cp <= 0x10FFFF) ? 4 : 0;
    }
    return 0;
}

bool
str_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;

    while (i < n) {
        uint32_t cp;
        size_t k = str_utf8_decode((const char *)p + i, n - i, &cp);

        if (k == 0 || cp == 0) {
            return false;
        }
        i += k;
    }
    return true;
}

bool
str_digits(const char *s, size_t n)
{
    return s != NULL && strlen(s) == n && strspn(s, "0123456789") == n;
}

bool
str_date_valid(const char *s)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y, m, d, i;

    if (s == NULL || strlen(s) != 10) {
        return false;
    }
    for (i = 0; i < 10; i++) {
        if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) {
            return false;
        }
    }
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
        (s[3] - '0');
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1900 || m < 1 || m > 12 || d < 1) {
        return false;
    }
    return d <= days[m - 1] ||
           (m == 2 && d == 29 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

size_t
str_utf8_seq(const char *s)
{
    uint32_t cp;

    /* Each continuation byte is tested before the next is read, so the
     * terminating NUL stops a cut sequence within the string. */
    return str_utf8_decode(s, 4, &cp);
}

size_t
str_utf8_encode(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

char *
str_utf8_repair_n(struct arena *a, const char *s, size_t n, size_t *out_len,
                  size_t *nbad)
{
    size_t o = 0, bad = 0, k;
    uint32_t cp;
    char *out;

    for (size_t i = 0; i < n; i += k ? k : 1) {
        k = str_utf8_decode(s + i, n - i, &cp);
        bad += k == 0;
    }
    /* each bad byte grows by two: U+FFFD takes three */
    out = arena_alloc(a, n + 2 * bad + 1);
    for (size_t i = 0; i < n;) {
        k = str_utf8_decode(s + i, n - i, &cp);
        if (k == 0) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        } else {
            memcpy(out + o, s + i, k);
            o += k;
            i += k;
        }
    }
    out[o] = '\0';
    *out_len = o;
    *nbad = bad;
    return out;
}

const char *
str_utf8_repair(struct arena *a, const char *s)
{
    size_t n = strlen(s), len, bad;

    if (str_utf8_valid(s, n)) {
        return s;
    }
    return str_utf8_repair_n(a, s, n, &len, &bad);
}

/* Windows-1250 bytes 0x80..0xFF as Unicode; 0 = no character. */
static const uint16_t cp1250[128] = {
    0x20AC, 0,      0x201A, 0,      0x201E, 0x2026, 0x2020, 0x2021, 0,
    0x2030, 0x0160, 0x2039, 0x015A, 0x0164, 0x017D, 0x0179, 0,      0x2018,
    0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0,      0x2122, 0x0161,
    0x203A, 0x015B, 0x0165, 0x017E, 0x017A, 0x00A0, 0x02C7, 0x02D8, 0x0141,
    0x00A4, 0x0104, 0x00A6, 0x00A7, 0x00A8, 0x00A9, 0x015E, 0x00AB, 0x00AC,
    0x00AD, 0x00AE, 0x017B, 0x00B0, 0x00B1, 0x02DB, 0x0142, 0x00B4, 0x00B5,
    0x00B6, 0x00B7, 0x00B8, 0x0105, 0x015F, 0x00BB, 0x013D, 0x02DD, 0x013E,
    0x017C, 0x0154, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0139, 0x0106, 0x00C7,
    0x010C, 0x00C9, 0x0118, 0x00CB, 0x011A, 0x00CD, 0x00CE, 0x010E, 0x0110,
    0x0143, 0x0147, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x00D7, 0x0158, 0x016E,
    0x00DA, 0x0170, 0x00DC, 0x00DD, 0x0162, 0x00DF, 0x0155, 0x00E1, 0x00E2,
    0x0103, 0x00E4, 0x013A, 0x0107, 0x00E7, 0x010D, 0x00E9, 0x0119, 0x00EB,
    0x011B, 0x00ED, 0x00EE, 0x010F, 0x0111, 0x0144, 0x0148, 0x00F3, 0x00F4,
    0x0151, 0x00F6, 0x00F7, 0x0159, 0x016F, 0x00FA, 0x0171, 0x00FC, 0x00FD,
    0x0163, 0x02D9,
};

char *
str_cp1250_to_utf8(struct arena *a, const char *s, size_t n, size_t *out_len)
{
    const unsigned char *u = (const unsigned char *)s;
    char *out;
    size_t o = 0;

    if (n > (SIZE_MAX - 1) / 3) {
        return NULL;
    }
    out = arena_alloc(a, n * 3 + 1);
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = u[i] < 0x80 ? u[i] : cp1250[u[i] - 0x80];

        if (cp == 0) {
            return NULL;
        }
        o += str_utf8_encode(out + o, cp);
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}

/* ASCII base letter of U+00C0..U+017F, lower case; 0 when none. */
static char
latin_base(uint32_t cp)
{
    static const char l1[] = /* U+00C0..U+00FF */
        "aaaaaaaceeeeiiii"
        "dnooooo\0ouuuuyts"
        "aaaaaaaceeeeiiii"
        "dnooooo\0ouuuuyty";
    static const char exa[] = /* U+0100..U+017F */
        "aaaaaaccccccccdd"
        "ddeeeeeeeeeegggg"
        "gggghhhhiiiiiiii"
        "iijjjjkkklllllll"
        "lllnnnnnnnnnoooo"
        "oooorrrrrrssssss"
        "ssttttttuuuuuuuu"
        "uuuuwwyyyzzzzzzs";

    if (cp >= 0xC0 && cp <= 0xFF) {
        return l1[cp - 0xC0];
    }
    if (cp >= 0x100 && cp <= 0x17F) {
        return exa[cp - 0x100];
    }
    return 0;
}

char *
str_fold(struct arena *a, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), i = 0, o = 0;
    char *out = arena_alloc(a, n + 1);
    bool space = false;

    while (i < n) {
        uint32_t cp;
        size_t k = str_utf8_decode((const char *)p + i, n - i, &cp);
        char c = 0;

        if (k == 0) { /* a stray byte is dropped, not trusted */
            i++;
            continue;
        }
        if (cp < 0x80) {
            c = (char)cp;
            if (c >= 'A' && c <= 'Z') {
                c = (char)(c - 'A' + 'a');
            }
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                c = 0;
            }
        } else {
            c = latin_base(cp);
            /* General Punctuation (dashes, „quotes”, ellipsis) separates
             * words like ASCII punctuation does. */
            if (cp >= 0x2000 && cp <= 0x206F) {
                c = 0;
            } else if (c == 0 && cp > 0x17F) { /* other scripts: keep */
                if (space && o > 0) {
                    out[o++] = ' ';
                }
                space = false;
                memcpy(out + o, p + i, k);
                o += k;
                i += k;
                continue;
            }
        }
        if (c == 0) {
            space = true;
        } else {
            if (space && o > 0) {
                out[o++] = ' ';
            }
            space = false;
            out[o++] = c;
        }
        i += k;
    }
    out[o] = '\0';
    return out;
}

char *
str_trim(struct arena *a, const char *s)
{
    size_t n;

    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') {
        s++;
    }
    n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' ||
                     s[n - 1] == '\n')) {
        n--;
    }
    return arena_strndup(a, s, n);
}

bool
str_starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

char *
str_thousands(struct arena *a, int64_t v)
{
    char digits[32], out[48];
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int n = 0, o = 0;

    do {
        digits[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u > 0);
    if (v < 0) {
        out[o++] = '-';
    }
    while (n > 0) {
        out[o++] = digits[--n];
        if (n > 0 && n % 3 == 0) {
            out[o++] = ' ';
        }
    }
    out[o] = '\0';
    return arena_strdup(a, out);
}

char *
str_money(struct arena *a, int64_t grosze)
{
    uint64_t u = grosze < 0 ? (uint64_t)0 - (uint64_t)grosze : (uint64_t)grosze;
    char *whole = str_thousands(a, (int64_t)(u / 100));

    return arena_printf(a, "%s%s,%02u", grosze < 0 ? "-" : "", whole,
                        (unsigned)(u % 100));
}

char *
str_lower_pl(struct arena *a, const char *s)
{
    unsigned char *out = (unsigned char *)arena_strdup(a, s);
    unsigned char *p;

    for (p = out; *p; p++) {
        if (*p >= 'A' && *p <= 'Z') {
            *p = (unsigned char)(*p + 32);
        } else if (*p == 0xC3 && p[1] == 0x93) { /* Ó */
            p[1] = 0xB3;
        } else if ((*p == 0xC4 &&
                    (p[1] == 0x84 || p[1] == 0x86 || p[1] == 0x98)) ||
                   (*p == 0xC5 &&
                    (p[1] == 0x81 || p[1] == 0x83 || p[1] == 0x9A ||
                     p[1] == 0xB9 || p[1] == 0xBB))) {
            p[1]++; /* Ą Ć Ę Ł Ń Ś Ź Ż: the small letter follows */
        }
    }
    return (char *)out;
}

uint32_t
str_hash_fnv1a(const char *s)
{
    uint32_t h = 2166136261u;

    while (*s) {
        h = (h ^ (unsigned char)*s++) * 16777619u;
    }
    return h;
}

uint64_t
str_hash64(const void *s, size_t n)
{
    return XXH3_64bits(s, n);
}

const char *
str_safe_uri(const char *path, char *buf, size_t n)
{
    const char *s = strstr(path, "://"), *at, *colon;

    if (s == NULL || (at = strchr(s + 3, '@')) == NULL ||
        (colon = memchr(s + 3, ':', (size_t)(at - s - 3))) == NULL) {
        return path;
    }
    snprintf(buf, n, "%.*s:***%s", (int)(colon - path), path, at);
    return buf;
}
