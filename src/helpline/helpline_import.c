/*
** Import of past Niebieska Linia contacts (issue 21), all or nothing, for
** files of millions of contacts: the file is read once to tell its
** encoding, then once more in pieces (helpline_csv.c's window), each row
** checked against the register (its voivodeships and gminas, no date in
** the future) and inserted in batches (db_bulk) as it is read, inside one
** audited transaction in which the contacts' triggers leave the monthly
** summary alone (helpline_bulk, migration 0024). The first bad row stops
** the import with a message naming its line and column, and the
** transaction rolls back: nothing is written. The summary of the months
** loaded is rebuilt once at the end, one statement per run of consecutive
** months of a region (a year at most). Memory: the window, a batch, the
** register of gminas and the months seen (at most MONTHS_MAX), whatever
** the file's size.
*/
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "auth/auth.h"
#include "core/arena.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/str.h"
#include "db/db.h"
#include "helpline.h"
#include "helpline/strings_pl.h"
#include "teryt/teryt.h"

#define MONTH_SLOTS 65536 /* power of two */
#define MONTHS_MAX 20000  /* (region, month) pairs of one import */
#define RUN_MONTHS 12     /* months of one summary rebuild */

/* What the load keeps. */
struct load {
    struct db *db;
    struct arena *a;
    int fd;
    bool cp1250;
    struct db_bulk *bulk;
    struct teryt_gmina *gminas; /* the register, by TERYT */
    int ngminas;
    char regions[16][3]; /* voivodeships found in the register */
    int nregions;
    char limit[48]; /* now (Warsaw) and a quarter of an hour */
    char **months;  /* "RR YYYY-MM" slots, MONTH_SLOTS */
    int nmonths;
    struct helpline_import_result *res;
    struct helpline_import_error *err;
    char after[256];
};

static int
cmp_gmina(const void *key, const void *elem)
{
    return strcmp(key, ((const struct teryt_gmina *)elem)->teryt);
}

static int
region_known(struct load *l, const char *code, bool *known)
{
    const char *name;
    int i, rc;

    for (i = 0; i < l->nregions; i++) {
        if (strcmp(l->regions[i], code) == 0) {
            *known = true;
            return 0;
        }
    }
    rc = teryt_woj_get(l->db, l->a, code, &name);
    if (rc == ERR_NOTFOUND) {
        *known = false;
        return 0;
    }
    if (rc == 0 && l->nregions < 16) {
        memcpy(l->regions[l->nregions++], code, 3);
    }
    *known = rc == 0;
    return rc;
}

static int
add_month(struct load *l, const struct helpline_contact *c, int line)
{
    char key[16];
    unsigned i;

    snprintf(key, sizeof(key), "%s %.7s", c->region, c->at);
    i = str_hash_fnv1a(key) & (MONTH_SLOTS - 1);
    while (l->months[i] != NULL && strcmp(l->months[i], key) != 0) {
        i = (i + 1) & (MONTH_SLOTS - 1);
    }
    if (l->months[i] == NULL) {
        if (l->nmonths == MONTHS_MAX) {
            return helpline_import_fail(l->err, line, HL_COL_AT,
                                        T_HL_IMP_MONTHS);
        }
        l->months[i] = arena_strdup(l->a, key);
        l->nmonths++;
    }
    return 0;
}

/* What the store would refuse, named by line and column; then the row is
 * sent with its batch. */
static int
load_row(void *ctx, int line, const struct helpline_contact *c,
         struct helpline_import_error *err)
{
    struct load *l = ctx;
    bool known;
    int rc;

    if ((rc = region_known(l, c->region, &known)) != 0) {
        return rc;
    }
    if (!known) {
        return helpline_import_fail(err, line, HL_COL_WOJ, T_HL_ERR_REGION);
    }
    if (strcmp(c->at, l->limit) > 0) {
        return helpline_import_fail(err, line, HL_COL_AT, T_HL_ERR_FUTURE);
    }
    if (c->gmina != NULL && bsearch(c->gmina, l->gminas, (size_t)l->ngminas,
                                    sizeof(*l->gminas), cmp_gmina) == NULL) {
        return helpline_import_fail(err, line, HL_COL_GMINA, T_HL_ERR_GMINA);
    }
    if (l->res->rows == 0 || strcmp(c->at, l->res->first) < 0) {
        memcpy(l->res->first, c->at, sizeof(l->res->first));
    }
    if (l->res->rows == 0 || strcmp(c->at, l->res->last) > 0) {
        memcpy(l->res->last, c->at, sizeof(l->res->last));
    }
    l->res->rows++;
    if ((rc = add_month(l, c, line)) != 0) {
        return rc;
    }
    return helpline_store_load(l->bulk, c);
}

/* The file from its start, in pieces. */
struct file_source {
    int fd;
    off_t at;
};

static long
file_more(void *src, char *buf, size_t cap)
{
    struct file_source *f = src;
    ssize_t n;

    do {
        n = pread(f->fd, buf, cap, f->at);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        return ERR_IO;
    }
    f->at += n;
    return (long)n;
}

static int
cmp_month(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* YYYY-MM of the month after m. */
static void
next_month(const char *m, char out[8])
{
    unsigned y = (unsigned)atoi(m) % 10000, mo = (unsigned)atoi(m + 5) % 100;

    if (++mo > 12) {
        mo = 1;
        y = (y + 1) % 10000;
    }
    snprintf(out, 8, "%04u-%02u", y, mo);
}

/* The summaries of the months loaded: one rebuild per run of consecutive
 * months of a region ("RR YYYY-MM" keys, sorted), of at most RUN_MONTHS,
 * so that the rebuild's sort holds a year of a region at most. */
static int
rebuild_months(struct load *l)
{
    char **keys = arena_alloc(l->a, (size_t)(l->nmonths + 1) * sizeof(*keys));
    int i, n = 0, rc;

    for (i = 0; i < MONTH_SLOTS; i++) {
        if (l->months[i] != NULL) {
            keys[n++] = l->months[i];
        }
    }
    qsort(keys, (size_t)n, sizeof(*keys), cmp_month);
    for (i = 0; i < n;) {
        int j = i;
        char region[3], next[8];

        while (j + 1 < n && j + 1 - i < RUN_MONTHS &&
               strncmp(keys[j], keys[j + 1], 2) == 0 &&
               (next_month(keys[j] + 3, next),
                strcmp(next, keys[j + 1] + 3) == 0)) {
            j++;
        }
        memcpy(region, keys[i], 2);
        region[2] = '\0';
        if ((rc = helpline_store_months_rebuild(l->db, region, keys[i] + 3,
                                                keys[j] + 3)) != 0) {
            return rc;
        }
        i = j + 1;
    }
    return 0;
}

static int
load(struct db *db, void *ctx, struct audit_entry *e)
{
    struct load *l = ctx;
    struct file_source src = {.fd = l->fd};
    int rc, end;

    if ((rc = helpline_store_bulk(db, true)) != 0) {
        return rc;
    }
    l->bulk = helpline_store_load_begin(db);
    rc = helpline_import_stream(file_more, &src, l->cp1250,
                                HELPLINE_IMPORT_WINDOW, load_row, l, l->err);
    if ((end = helpline_store_load_end(l->bulk, rc < 0 ? rc : 0)) != 0) {
        return end;
    }
    if (rc == 0) {
        return helpline_import_fail(l->err, 0, -1, T_HL_IMP_EMPTY);
    }
    if ((rc = rebuild_months(l)) != 0 ||
        (rc = helpline_store_bulk(db, false)) != 0) {
        return rc;
    }
    snprintf(l->after, sizeof(l->after),
             "{\"contacts\":%d,\"first\":\"%s\",\"last\":\"%s\","
             "\"months\":%d}",
             l->res->rows, l->res->first, l->res->last, l->nmonths);
    e->after = l->after;
    return 0;
}

/* Valid UTF-8 (runs of ASCII skipped a word at a time). */
static bool
utf8_text(const char *s, size_t n)
{
    size_t i = 0;

    while (i < n) {
        uint64_t w;
        uint32_t cp;
        size_t k;

        if (i + 8 <= n) {
            memcpy(&w, s + i, 8);
            if ((w & 0x8080808080808080u) == 0) {
                i += 8;
                continue;
            }
        }
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        if ((k = str_utf8_decode(s + i, n - i, &cp)) == 0) {
            return false;
        }
        i += k;
    }
    return true;
}

/*
** The file's encoding, as csv_decode tells it for a text in memory: UTF-8
** (after a byte-order mark or not), else Windows-1250 (no mark); ERR_INPUT
** for a NUL byte or damaged UTF-8 after a mark. One pass in pieces, the
** bytes of a character cut by a piece's end carried to the next.
*/
static int
encoding(int fd, struct arena *a, bool *cp1250,
         struct helpline_import_error *err)
{
    enum { PIECE = 1 << 20 };
    char *buf = arena_alloc(a, PIECE + 4);
    struct file_source src = {.fd = fd};
    size_t carry = 0, i;
    bool bom = false, first = true;
    long got;

    *cp1250 = false;
    while ((got = file_more(&src, buf + carry, PIECE)) > 0 || carry > 0) {
        size_t n = carry + (size_t)(got > 0 ? got : 0), whole = n;

        if (got < 0) {
            return ERR_IO;
        }
        if (first) {
            bom = csv_bom_len(buf, n) > 0;
            first = false;
        }
        if (memchr(buf, '\0', n) != NULL) {
            return helpline_import_fail(err, 0, -1, T_HL_IMP_UTF8);
        }
        /* A character cut by the end waits for the next piece. */
        if (got > 0) {
            for (i = 1; i <= 3 && i <= n; i++) {
                unsigned char b = (unsigned char)buf[n - i];

                if ((b & 0xC0) != 0x80) {
                    int need = b >= 0xF0   ? 4
                               : b >= 0xE0 ? 3
                               : b >= 0xC0 ? 2
                                           : 1;

                    if ((size_t)need > i) {
                        whole = n - i;
                    }
                    break;
                }
            }
        }
        if (!utf8_text(buf, whole)) {
            *cp1250 = true;
            break;
        }
        carry = n - whole;
        memmove(buf, buf + whole, carry);
        if (got == 0) {
            break;
        }
    }
    if (got < 0) {
        return ERR_IO;
    }
    if (*cp1250 && bom) {
        /* a BOM says UTF-8: damaged UTF-8 is not taken for Windows-1250 */
        return helpline_import_fail(err, 0, -1, T_HL_IMP_UTF8);
    }
    return 0;
}

int
helpline_import(struct db *db, struct arena *a, int fd,
                const struct audit_entry *who,
                struct helpline_import_result *res,
                struct helpline_import_error *err)
{
    struct load l = {.db = db, .a = a, .fd = fd, .res = res, .err = err};
    struct audit_entry w = {0};
    struct stat st;
    struct tm tm;
    int rc;

    memset(res, 0, sizeof(*res));
    memset(err, 0, sizeof(*err));
    if (fstat(fd, &st) != 0) {
        return ERR_IO;
    }
    if ((uint64_t)st.st_size > HELPLINE_IMPORT_MAX_BYTES) {
        return helpline_import_fail(err, 0, -1, T_HL_IMP_TOO_BIG);
    }
    if ((rc = encoding(fd, a, &l.cp1250, err)) != 0) {
        return rc;
    }
    if ((l.ngminas = teryt_gminas(db, a, NULL, &l.gminas)) < 0) {
        return l.ngminas;
    }
    /* A little slack for a clock that runs ahead, as for one contact. */
    helpline_warsaw_time(time(NULL) + 15 * 60, &tm);
    snprintf(l.limit, sizeof(l.limit), "%04d-%02d-%02dT%02d:%02d",
             tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
             tm.tm_min);
    l.months = arena_alloc(a, MONTH_SLOTS * sizeof(*l.months));
    memset(l.months, 0, MONTH_SLOTS * sizeof(*l.months));
    if (who != NULL) {
        w = *who;
    }
    if (w.via == NULL) {
        w.via = "cli";
    }
    rc = audit_change(db, &w, "helpline.import", "helpline_contact", load, &l);
    res->months = l.nmonths;
    return rc;
}
