/*
** The plan reader: turns a file as officials write it into a struct plan.
** This file owns the entry points: the size limit, sniffing a binary
** format (XLSX) on the bytes, turning other bytes into UTF-8 text
** (UTF-8, UTF-8 with damaged or Windows-1250 lines, each a finding
** naming its row, all Windows-1250, or UTF-16 as Excel saves "Unicode
** text"; empty and binary files refused), then sniffing a text format and
*handing the input to it. Each
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
#include "core/buf.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/str.h"
#include "strings_pl.h"

/* In the order they are tried; CSV, last, takes any text. */
static const struct rd_format *const formats[] = {
    &rd_format_xlsx, &rd_format_project, &rd_format_programme,
    &rd_format_tsv,  &rd_format_csv,
};

#define ENCODING_ROW_FINDINGS 50 /* rows named one by one, then a count */

/* An encoding finding naming row line, until there are too many. */
static void
encoding_finding(struct reader *r, int *nrows, int line, const char *code,
                 size_t n)
{
    if ((*nrows)++ >= ENCODING_ROW_FINDINGS) {
        return;
    }
    if (strcmp(code, "line_cp1250") == 0) {
        plan_finding_add(r->a, r->p, PLAN_WARNING, line, NULL, code,
                         T_PLAN_READ_LINE_CP1250, line, n);
    } else {
        plan_finding_add(r->a, r->p, PLAN_WARNING, line, NULL, code,
                         T_PLAN_READ_LINE_DAMAGED, line, n);
    }
}

/* Are the last bytes of data[0..len) a UTF-8 sequence cut by the end? */
static bool
cut_tail(const char *data, size_t len)
{
    for (size_t k = 1; k <= 3 && k <= len; k++) {
        unsigned char c = (unsigned char)data[len - k];

        if ((c & 0xC0) == 0x80) {
            continue; /* a continuation byte: look further back */
        }
        return c >= 0xC2 && c <= 0xF4 &&
               k < (c >= 0xF0   ? 4u
                    : c >= 0xE0 ? 3u
                                : 2u);
    }
    return false;
}

/* Well-formed multi-byte sequences and malformed bytes in s[0..n). */
static void
utf8_count(const char *s, size_t n, size_t *good, size_t *bad)
{
    *good = *bad = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = str_utf8_decode(s + i, n - i, &cp);

        *good += k > 1;
        *bad += k == 0;
        i += k ? k : 1;
    }
}

/*
** Mostly UTF-8 with some lines that are not: a line pasted from a
** Windows-1250 file (no valid multi-byte sequence in it, every byte
** defined in the code page) is read as Windows-1250; other broken bytes
** (a cut file, a bad paste) become U+FFFD. Each such line is a finding
** naming its row; a file of more such lines than good multi-byte
** sequences is not UTF-8 at all (returns NULL: the caller tries
** Windows-1250 for all of it). One pass over the bytes.
*/
static char *
utf8_mixed(struct reader *r, const char *data, size_t len, size_t *tlen)
{
    struct buf out;
    size_t good, bad, nrepl = 0;
    int line = 1, nfind = 0, first_repl = 0;
    char *text;

    utf8_count(data, len, &good, &bad);
    if (good <= bad) {
        return NULL;
    }
    buf_init(&out);
    for (size_t i = 0; i < len; line++) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t n = nl != NULL ? (size_t)(nl - (data + i)) + 1 : len - i;
        const char *ln = data + i;
        size_t lgood, lbad, olen;
        char *conv = NULL;

        i += n;
        if (str_utf8_valid(ln, n)) {
            buf_append(&out, ln, n);
            continue;
        }
        utf8_count(ln, n, &lgood, &lbad);
        if (lgood == 0 && !(i == len && cut_tail(ln, n))) {
            conv = str_cp1250_to_utf8(r->a, ln, n, &olen);
        }
        if (conv != NULL) {
            buf_append(&out, conv, olen);
            encoding_finding(r, &nfind, line, "line_cp1250", lbad);
            continue;
        }
        conv = str_utf8_repair_n(r->a, ln, n, &olen, &lbad);
        buf_append(&out, conv, olen);
        nrepl += lbad;
        if (first_repl == 0) {
            first_repl = line;
        }
        encoding_finding(r, &nfind, line, "line_utf8_damaged", lbad);
    }
    if (nrepl > 0) {
        plan_finding_add(r->a, r->p, PLAN_WARNING, 0, NULL, "utf8_damaged",
                         T_PLAN_READ_UTF8_DAMAGED, nrepl, first_repl);
    }
    if (nfind > ENCODING_ROW_FINDINGS) {
        plan_finding_add(r->a, r->p, PLAN_WARNING, 0, NULL, "encoding_rows",
                         T_PLAN_READ_ENCODING_ROWS,
                         nfind - ENCODING_ROW_FINDINGS);
    }
    *tlen = out.len;
    text = arena_strndup(r->a, out.data != NULL ? out.data : "", out.len);
    buf_free(&out);
    return text;
}

/*
** UTF-16 with its byte order mark, as Excel saves "Unicode text": into
** UTF-8. A lone surrogate becomes U+FFFD and a finding naming its row; an
** odd last byte is dropped with a finding.
*/
static char *
utf16_to_utf8(struct reader *r, const unsigned char *u, size_t len,
              size_t *tlen)
{
    bool be = u[0] == 0xFE;
    struct buf out;
    int line = 1, nfind = 0;
    char *text;

    buf_init(&out);
    for (size_t i = 2; i + 1 < len; i += 2) {
        uint32_t c = be ? (uint32_t)(u[i] << 8 | u[i + 1])
                        : (uint32_t)(u[i + 1] << 8 | u[i]);
        char enc[4];

        if (c >= 0xD800 && c <= 0xDBFF && i + 3 < len) {
            uint32_t lo = be ? (uint32_t)(u[i + 2] << 8 | u[i + 3])
                             : (uint32_t)(u[i + 3] << 8 | u[i + 2]);

            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            }
        }
        if (c >= 0xD800 && c <= 0xDFFF) {
            encoding_finding(r, &nfind, line, "line_utf16_damaged", 2);
            c = 0xFFFD;
        }
        if (c == 0) {
            buf_free(&out);
            return NULL; /* NUL in text: not a table */
        }
        line += c == '\n';
        buf_append(&out, enc, str_utf8_encode(enc, c));
    }
    if (len % 2 != 0) {
        encoding_finding(r, &nfind, line, "line_utf16_damaged", 1);
    }
    *tlen = out.len;
    text = arena_strndup(r->a, out.data != NULL ? out.data : "", out.len);
    buf_free(&out);
    r->p->encoding = "utf-16";
    return text;
}

/*
** Check the bytes and make them UTF-8 text in the arena. Refuses empty,
** binary and undecodable input with a finding.
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
        *text = utf16_to_utf8(r, u, len, tlen);
        if (*text == NULL) {
            return rd_refuse(r, "file_binary", T_PLAN_READ_BINARY);
        }
        return 0;
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
    if (csv_bom_len(data, len) > 0) {
        data += 3;
        len -= 3;
    }
    if (str_utf8_valid(data, len)) {
        *text = arena_strndup(r->a, data, len);
        *tlen = len;
        return 0;
    }
    *text = utf8_mixed(r, data, len, tlen);
    if (*text != NULL) {
        return 0;
    }
    *text = str_cp1250_to_utf8(r->a, data, len, tlen);
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
    /* A file name is bytes; stored and shown it must be text (PostgreSQL
     * refuses malformed UTF-8). */
    r->p->name =
        name != NULL ? str_utf8_repair(a, arena_strdup(a, name)) : NULL;
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
