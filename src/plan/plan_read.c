/*
** The plan reader: turns a file as officials write it into a struct plan.
** This file owns the entry points: the size limit, sniffing a binary
** format (XLSX) on the bytes, turning other bytes into UTF-8 text
** (UTF-8, damaged UTF-8 or Windows-1250; empty, binary and UTF-16 files
** refused), then sniffing a text format and handing the input to it. Each
** format reads in its own file behind struct rd_format (plan_read.h); the
** table formats share the layout of plan_read_table.c. plan_check() then
** checks what was read.
*/
#include "plan_read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/str.h"
#include "strings_pl.h"

/* In the order they are tried; CSV, last, takes any text. */
static const struct rd_format *const formats[] = {
    &rd_format_xlsx, &rd_format_project, &rd_format_programme,
    &rd_format_tsv,  &rd_format_csv,
};

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

static void
put_utf8(char *out, size_t *o, uint32_t cp)
{
    if (cp < 0x80) {
        out[(*o)++] = (char)cp;
    } else if (cp < 0x800) {
        out[(*o)++] = (char)(0xC0 | (cp >> 6));
        out[(*o)++] = (char)(0x80 | (cp & 0x3F));
    } else {
        out[(*o)++] = (char)(0xE0 | (cp >> 12));
        out[(*o)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[(*o)++] = (char)(0x80 | (cp & 0x3F));
    }
}

char *
plan_cp1250_to_utf8(struct arena *a, const char *s, size_t n, size_t *out_len)
{
    const unsigned char *u = (const unsigned char *)s;
    char *out;
    size_t o = 0;

    if (n > (SIZE_MAX - 1) / 3) {
        return NULL;
    }
    out = arena_alloc(a, n * 3 + 1);
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = u[i];

        if (cp == 0) {
            return NULL;
        }
        if (cp >= 0x80) {
            cp = cp1250[cp - 0x80];
            if (cp == 0) {
                return NULL;
            }
        }
        put_utf8(out, &o, cp);
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}

/* Length of a well-formed UTF-8 sequence at u[0..n), 0 if malformed. */
static size_t
utf8_seq(const unsigned char *u, size_t n)
{
    size_t k;
    uint32_t cp;

    if (u[0] < 0x80) {
        return 1;
    }
    if (u[0] >= 0xC2 && u[0] <= 0xDF) {
        k = 2;
        cp = u[0] & 0x1F;
    } else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
        k = 3;
        cp = u[0] & 0x0F;
    } else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
        k = 4;
        cp = u[0] & 0x07;
    } else {
        return 0;
    }
    if (n < k) {
        return 0;
    }
    for (size_t i = 1; i < k; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (u[i] & 0x3F);
    }
    if ((k == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (k == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
        return 0;
    }
    return k;
}

/*
** Mostly UTF-8 with a few broken bytes (a cut file, a bad paste): keep
** the text, put U+FFFD for each broken byte. Returns NULL when the bytes
** look like a single-byte encoding instead (more broken than good
** multi-byte sequences).
*/
static char *
utf8_repair(struct arena *a, const char *data, size_t len, size_t *tlen,
            size_t *nbad)
{
    const unsigned char *u = (const unsigned char *)data;
    size_t good = 0, bad = 0, o = 0;
    char *out;

    for (size_t i = 0; i < len;) {
        size_t k = utf8_seq(u + i, len - i);

        good += k > 1;
        bad += k == 0;
        i += k ? k : 1;
    }
    if (good <= bad) {
        return NULL;
    }
    out = arena_alloc(a, len + 2 * bad + 1);
    for (size_t i = 0; i < len;) {
        size_t k = utf8_seq(u + i, len - i);

        if (k == 0) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        } else {
            memcpy(out + o, data + i, k);
            o += k;
            i += k;
        }
    }
    out[o] = '\0';
    *tlen = o;
    *nbad = bad;
    return out;
}

/*
** Check the bytes and make them UTF-8 text in the arena. Refuses empty,
** binary, UTF-16 and undecodable input with a finding.
*/
static int
decode(struct reader *r, const char *data, size_t len, char **text,
       size_t *tlen)
{
    const unsigned char *u = (const unsigned char *)data;
    size_t ctrl = 0, probe = len < 4096 ? len : 4096, i;
    bool blank = true;

    for (i = 0; i < len && blank; i++) {
        if (u[i] != ' ' && u[i] != '\t' && u[i] != '\r' && u[i] != '\n') {
            blank = false;
        }
    }
    if (blank) {
        return rd_refuse(r, "file_empty", T_PLAN_READ_EMPTY);
    }
    if (len >= 2 &&
        ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        return rd_refuse(r, "file_utf16", T_PLAN_READ_UTF16);
    }
    if (len >= 4 && (memcmp(data, "%PDF", 4) == 0 ||
                     memcmp(data, "\xD0\xCF\x11\xE0", 4) == 0)) {
        return rd_refuse(r, "file_binary", T_PLAN_READ_NOT_TEXT);
    }
    for (i = 0; i < probe; i++) {
        if (u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' && u[i] != '\r' &&
            u[i] != '\f') {
            ctrl++;
        }
    }
    if (memchr(data, '\0', len) != NULL || ctrl * 20 > probe) {
        return rd_refuse(r, "file_binary", T_PLAN_READ_BINARY);
    }
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    if (str_utf8_valid(data, len)) {
        *text = arena_strndup(r->a, data, len);
        *tlen = len;
        return 0;
    }
    {
        size_t nbad = 0;

        *text = utf8_repair(r->a, data, len, tlen, &nbad);
        if (*text != NULL) {
            plan_finding_add(r->a, r->p, PLAN_WARNING, 0, NULL, "utf8_damaged",
                             T_PLAN_READ_UTF8_DAMAGED, nbad);
            return 0;
        }
    }
    *text = plan_cp1250_to_utf8(r->a, data, len, tlen);
    if (*text == NULL) {
        return rd_refuse(r, "file_encoding", T_PLAN_READ_ENCODING);
    }
    r->p->encoding = "windows-1250";
    plan_finding_add(r->a, r->p, PLAN_INFO, 0, NULL, "encoding_cp1250",
                     T_PLAN_READ_CP1250);
    return 0;
}

/* The first format, binary or not, that says the input is its own. */
static const struct rd_format *
sniff(const struct rd_input *in, bool binary)
{
    for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
        if (formats[i]->binary == binary && formats[i]->sniff(in)) {
            return formats[i];
        }
    }
    return NULL;
}

int
plan_read(struct arena *a, const char *name, const char *data, size_t len,
          size_t max_bytes, struct plan **out)
{
    struct reader rd;
    struct reader *r = &rd;
    struct rd_input in = {data, len, 0, NULL, 0, NULL};
    const struct rd_format *f;
    char *text;
    int rc;

    memset(r, 0, sizeof(*r));
    r->a = a;
    r->p = plan_new(a, PLAN_YEARLY);
    r->p->name = name != NULL ? arena_strdup(a, name) : NULL;
    r->goal = r->action = r->task = r->top_ind = -1;
    r->p->content_hash = plan_content_hash(a, data, len);
    *out = r->p;
    if (max_bytes == 0) {
        max_bytes = PLAN_MAX_BYTES_DEFAULT;
    }
    if (len > max_bytes) {
        plan_finding_add(a, r->p, PLAN_ERROR, 0, NULL, "file_too_large",
                         T_PLAN_READ_TOO_LARGE, len, max_bytes);
        return ERR_INPUT;
    }
    in.budget = max_bytes * PLAN_XLSX_INFLATE_FACTOR;
    f = sniff(&in, true);
    if (f == NULL) {
        rc = decode(r, data, len, &text, &in.tlen);
        if (rc != 0) {
            return rc;
        }
        in.text = text;
        in.head = rd_fold(
            r, arena_strndup(a, text,
                             in.tlen < DETECT_BYTES ? in.tlen : DETECT_BYTES));
        rd_find_region(r, in.head);
        f = sniff(&in, false);
    }
    rc = f->read(r, &in);
    if (rc != 0) {
        return rc;
    }
    plan_check(a, r->p);
    return 0;
}

int
plan_read_file(struct arena *a, const char *path, size_t max_bytes,
               struct plan **out)
{
    const char *base = strrchr(path, '/');
    struct stat st;
    char *data;
    size_t got = 0;
    int fd;

    base = base != NULL ? base + 1 : path;
    if (max_bytes == 0) {
        max_bytes = PLAN_MAX_BYTES_DEFAULT;
    }
    *out = plan_new(a, PLAN_YEARLY);
    (*out)->name = arena_strdup(a, base);
    fd = open(path, O_RDONLY);
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        plan_finding_add(a, *out, PLAN_ERROR, 0, NULL, "file_unreadable",
                         T_PLAN_READ_CANNOT_OPEN, strerror(errno));
        if (fd >= 0) {
            close(fd);
        }
        return ERR_IO;
    }
    if ((size_t)st.st_size > max_bytes) {
        plan_finding_add(a, *out, PLAN_ERROR, 0, NULL, "file_too_large",
                         T_PLAN_READ_TOO_LARGE_FILE, (long long)st.st_size,
                         max_bytes);
        close(fd);
        return ERR_INPUT;
    }
    data = arena_alloc(a, (size_t)st.st_size + 1);
    while (got < (size_t)st.st_size) {
        ssize_t k = read(fd, data + got, (size_t)st.st_size - got);

        if (k < 0 && errno == EINTR) {
            continue;
        }
        if (k <= 0) {
            break;
        }
        got += (size_t)k;
    }
    close(fd);
    if (got != (size_t)st.st_size) {
        plan_finding_add(a, *out, PLAN_ERROR, 0, NULL, "file_unreadable",
                         T_PLAN_READ_SHORT_READ);
        return ERR_IO;
    }
    return plan_read(a, base, data, got, max_bytes, out);
}
