/*
** Polish-aware text helpers. The fold table covers Latin-1 Supplement and
** Latin Extended-A, which holds every Polish letter; anything else outside
** ASCII is kept as it is (lower-casing it is not needed for Polish search).
*/
#include "str.h"

#include <string.h>

#include "arena.h"
#include "buf.h"

/* Decode one UTF-8 sequence; returns its length or 0 when malformed. */
static size_t
utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
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
        size_t k = utf8_decode(p + i, n - i, &cp);

        if (k == 0 || cp == 0) {
            return false;
        }
        i += k;
    }
    return true;
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
    return utf8_decode((const unsigned char *)s, 4, &cp);
}

const char *
str_utf8_repair(struct arena *a, const char *s)
{
    struct buf b;
    const char *p;
    char *out;
    size_t k;

    if (str_utf8_valid(s, strlen(s))) {
        return s;
    }
    buf_init(&b);
    for (p = s; *p != '\0'; p += k) {
        k = str_utf8_seq(p);
        if (k == 0) {
            buf_puts(&b, "\xEF\xBF\xBD");
            k = 1;
        } else {
            buf_append(&b, p, k);
        }
    }
    out = arena_strndup(a, b.data ? b.data : "", b.len);
    buf_free(&b);
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
        size_t k = utf8_decode(p + i, n - i, &cp);
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
