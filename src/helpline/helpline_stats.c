/*
** Niebieska Linia statistics: counts of contacts over a date range by
** month, channel, caller, form of violence, harmed person, gmina and
** powiat. Whole months come from the summaries the triggers keep
** (migrations 0020 and 0022): the tallies from helpline_month_region (a
** row per region and month), the gminas from helpline_year_gmina for whole
** years and from helpline_month for the other months; a partial first or
** last month too when fewer of its days lie outside the range than in it
** (the summaries less the contacts of the days outside), else its days in
** the range are read from the contacts. So a year of a region reads 12
** tally rows and a row per gmina whatever the number of contacts, the
** country's six years 1 152 and 15 000, and a partial month at most half
** of its days' contacts. Answers are kept per process by range and
** register version in a core/cache.h table (STATS_SLOTS of them, at most
** STATS_CACHE_BYTES in all, the least recently used replaced), so the same
** question asked again while no contact changed is a copy.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/cache.h"
#include "core/err.h"
#include "core/str.h"
#include "db/db.h"
#include "directory/directory.h"
#include "helpline.h"
#include "teryt/teryt.h"

#define GMINA_SLOTS 8192 /* power of two, above the 2 477 gminas + "" */
#define MAX_YEARS 20
#define STATS_SLOTS 64
#define STATS_CACHE_BYTES (16 * 1024 * 1024)
/* The gminas' and powiats' names may change with the TERYT register,
 * which bumps no helpline version: an answer is kept at most this long. */
#define STATS_CACHE_SECONDS 300

struct agg {
    struct helpline_stats *s;
    int y0, m0; /* first month of the range */
    const char *slot_code[GMINA_SLOTS];
    int64_t slot_n[GMINA_SLOTS];
    int used;
};

static int
month_index(const struct agg *g, const char *ym)
{
    int y = atoi(ym), m = atoi(ym + 5);

    return (y - g->y0) * 12 + (m - g->m0);
}

static void
add_gmina(struct agg *g, struct arena *a, const char *code, int64_t n)
{
    unsigned i = str_hash_fnv1a(code) & (GMINA_SLOTS - 1);

    while (g->slot_code[i] != NULL && strcmp(g->slot_code[i], code) != 0) {
        i = (i + 1) & (GMINA_SLOTS - 1);
    }
    if (g->slot_code[i] == NULL) {
        g->slot_code[i] = arena_strdup(a, code);
        g->used++;
    }
    g->slot_n[i] += n;
}

static void
add_month(struct agg *g, const char *ym, int64_t n)
{
    int k = month_index(g, ym);

    if (k >= 0 && k < g->s->nmonths) {
        g->s->by_month[k] += n;
    }
}

/*
** Rows of helpline_month_region: month, n, minutes, 7 ch, 4 cr, 6 fo, 5 hm,
** 8 re.
*/
static int
read_tallies(struct agg *g, db_stmt *st)
{
    struct helpline_stats *s = g->s;
    int rc, i, col;

    while ((rc = db_step(st)) == DB_ROW) {
        int64_t n = db_col_int(st, 1);

        if (n == 0) {
            continue;
        }
        s->total += n;
        s->minutes += db_col_int(st, 2);
        add_month(g, db_col_text(st, 0), n);
        col = 3;
        for (i = 1; i <= HELPLINE_CHANNELS; i++) {
            s->by_channel[i] += db_col_int(st, col++);
        }
        for (i = 1; i <= HELPLINE_CALLERS; i++) {
            s->by_caller[i] += db_col_int(st, col++);
        }
        for (i = 1; i <= HELPLINE_FORMS; i++) {
            s->by_form[i] += db_col_int(st, col++);
        }
        for (i = 1; i <= HELPLINE_HARMED; i++) {
            s->by_harmed[i] += db_col_int(st, col++);
        }
        for (i = 1; i <= HELPLINE_REFERRALS; i++) {
            s->by_referral[i] += db_col_int(st, col++);
        }
    }
    db_done(st);
    return rc == DB_DONE ? 0 : rc;
}

/* Rows of gmina, n (helpline_month or helpline_year_gmina). */
static int
read_gminas(struct agg *g, struct arena *a, db_stmt *st)
{
    int rc;

    while ((rc = db_step(st)) == DB_ROW) {
        int64_t n = db_col_int(st, 1);

        if (n != 0) {
            add_gmina(g, a, db_col_text(st, 0), n);
        }
    }
    db_done(st);
    return rc == DB_DONE ? 0 : rc;
}

/* The summaries of the whole months from..to (YYYY-MM): the tallies by
 * month, the gminas by whole year where a year lies whole inside. */
static int
whole_months(struct agg *g, struct db *db, struct arena *a, const char *from,
             const char *to)
{
    const char *region = g->s->region;
    int y0 = atoi(from), m0 = atoi(from + 5), y1 = atoi(to), m1 = atoi(to + 5);
    int ya = m0 == 1 ? y0 : y0 + 1, yb = m1 == 12 ? y1 : y1 - 1, rc;
    char x[8], y[8];

    if ((rc = read_tallies(g, helpline_store_months(db, region, from, to))) !=
        0) {
        return rc;
    }
    if (ya > yb) { /* no whole year: one year's months, or two partial */
        return read_gminas(g, a,
                           helpline_store_gmina_months(db, region, from, to));
    }
    if (m0 != 1) {
        snprintf(x, sizeof(x), "%04d-12", y0);
        if ((rc = read_gminas(
                 g, a, helpline_store_gmina_months(db, region, from, x))) !=
            0) {
            return rc;
        }
    }
    if (m1 != 12) {
        snprintf(x, sizeof(x), "%04d-01", y1);
        if ((rc = read_gminas(
                 g, a, helpline_store_gmina_months(db, region, x, to))) != 0) {
            return rc;
        }
    }
    snprintf(x, sizeof(x), "%04d", ya);
    snprintf(y, sizeof(y), "%04d", yb);
    return read_gminas(g, a, helpline_store_gmina_years(db, region, x, y));
}

/*
** Contacts: month, gmina, channel, caller, forms, harmed, minutes, refs;
** each added to the tallies (sign 1) or taken from them (-1: days of a
** month's summary outside the range).
*/
static int
read_contacts(struct agg *g, struct arena *a, db_stmt *st, int sign)
{
    struct helpline_stats *s = g->s;
    int rc, i;

    while ((rc = db_step(st)) == DB_ROW) {
        int ch = (int)db_col_int(st, 2), cr = (int)db_col_int(st, 3);
        unsigned forms = (unsigned)db_col_int(st, 4);
        unsigned harmed = (unsigned)db_col_int(st, 5);
        unsigned refs = (unsigned)db_col_int(st, 7);

        s->total += sign;
        s->minutes += sign * db_col_int(st, 6);
        add_month(g, db_col_text(st, 0), sign);
        add_gmina(g, a, db_col_text(st, 1), sign);
        if (ch >= 1 && ch <= HELPLINE_CHANNELS) {
            s->by_channel[ch] += sign;
        }
        if (cr >= 1 && cr <= HELPLINE_CALLERS) {
            s->by_caller[cr] += sign;
        }
        for (i = 1; i <= HELPLINE_FORMS; i++) {
            s->by_form[i] += sign * (int)((forms >> (i - 1)) & 1u);
        }
        for (i = 1; i <= HELPLINE_HARMED; i++) {
            s->by_harmed[i] += sign * (int)((harmed >> (i - 1)) & 1u);
        }
        for (i = 1; i <= HELPLINE_REFERRALS; i++) {
            s->by_referral[i] += sign * (int)((refs >> (i - 1)) & 1u);
        }
    }
    db_done(st);
    return rc == DB_DONE ? 0 : rc;
}

/* Contacts dated in [from, before) (dates YYYY-MM-DD) into the tallies,
 * with sign as read_contacts(). */
static int
scan_days(struct agg *g, struct db *db, struct arena *a, const char *from,
          const char *before, int sign)
{
    db_stmt *st;

    if (strcmp(from, before) >= 0) {
        return 0;
    }
    st = helpline_store_contacts_in(db, g->s->region, from, before);
    return read_contacts(g, a, st, sign);
}

/* Days since 1970-01-01 of date d (YYYY-MM-DD), proleptic Gregorian. */
static long
day_number(const char *d)
{
    long y = atoi(d), m = atoi(d + 5), day = atoi(d + 8);
    long era, yoe, doy;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* The first day of the month after that of date d, into out. */
static void
next_month(const char *d, char *out, size_t n)
{
    int y = atoi(d), m = atoi(d + 5);

    snprintf(out, n, "%04d-%02d-01", m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1);
}

/*
** The days [from, before) of one month, part of it: read from the
** contacts, or, when fewer of its days lie outside them, as the month's
** summary less the contacts of the days outside. Same figures either way:
** the summary is kept by the contacts' triggers.
*/
static int
partial_month(struct agg *g, struct db *db, struct arena *a, const char *from,
              const char *before)
{
    char first[16], next[16], month[8];
    long in, out;
    int rc;

    snprintf(first, sizeof(first), "%.7s-01", from);
    next_month(from, next, sizeof(next));
    in = day_number(before) - day_number(from);
    out = day_number(next) - day_number(first) - in;
    if (out >= in) {
        return scan_days(g, db, a, from, before, 1);
    }
    snprintf(month, sizeof(month), "%.7s", from);
    if ((rc = whole_months(g, db, a, month, month)) != 0 ||
        (rc = scan_days(g, db, a, first, from, -1)) != 0) {
        return rc;
    }
    return scan_days(g, db, a, before, next, -1);
}

static int
cmp_item(const void *x, const void *y)
{
    const struct helpline_stat_item *p = x, *q = y;

    /* Unknown gmina ("") last, the rest by code. */
    if (p->code[0] == '\0' || q->code[0] == '\0') {
        return (p->code[0] == '\0') - (q->code[0] == '\0');
    }
    return strcmp(p->code, q->code);
}

/* Most first, then by name. */
static int
cmp_count(const void *x, const void *y)
{
    const struct helpline_stat_item *p = x, *q = y;

    if (p->n != q->n) {
        return p->n > q->n ? -1 : 1;
    }
    return strcmp(p->name, q->name);
}

/* The day after date d (YYYY-MM-DD) into out. */
static void
next_day(const char *d, char *out, size_t n)
{
    int y = atoi(d), m = atoi(d + 5), day = atoi(d + 8);
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int last = dm[m - 1];

    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) {
        last = 29;
    }
    if (++day > last) {
        day = 1;
        if (++m > 12) {
            m = 1;
            y++;
        }
    }
    snprintf(out, n, "%04d-%02d-%02d", y, m, day);
}

static int
names(struct agg *g, struct db *db, struct arena *a)
{
    struct helpline_stats *s = g->s;
    int i, k = 0;

    s->gminas = arena_alloc(a, (size_t)(g->used + 1) * sizeof(*s->gminas));
    for (i = 0; i < GMINA_SLOTS; i++) {
        if (g->slot_code[i] != NULL && g->slot_n[i] > 0) {
            s->gminas[k].code = g->slot_code[i];
            s->gminas[k].n = g->slot_n[i];
            k++;
        }
    }
    s->ngminas = k;
    qsort(s->gminas, (size_t)k, sizeof(*s->gminas), cmp_item);
    s->powiats = arena_alloc(a, (size_t)(k + 1) * sizeof(*s->powiats));
    s->npowiats = 0;
    for (i = 0; i < k; i++) {
        s->gminas[i].name = "";
        s->gminas[i].powiat = "";
    }
    /* One pass over the register, merged with the counts (both by TERYT):
     * the region's part when every gmina counted lies in it. */
    {
        const char *woj = s->region;
        struct teryt_gmina *reg;
        int ng, j = 0, t;

        for (i = 0; i < k && woj != NULL; i++) {
            if (s->gminas[i].code[0] != '\0' &&
                strncmp(s->gminas[i].code, woj, 2) != 0) {
                woj = NULL;
            }
        }
        ng = teryt_gminas(db, a, woj, &reg);

        if (ng < 0) {
            return ng;
        }
        for (t = 0; t < ng && j < k && s->gminas[j].code[0] != '\0'; t++) {
            int c;

            while (j < k && s->gminas[j].code[0] != '\0' &&
                   (c = strcmp(s->gminas[j].code, reg[t].teryt)) <= 0) {
                if (c == 0) {
                    s->gminas[j].name = reg[t].name;
                    s->gminas[j].powiat = reg[t].powiat_name;
                }
                j++;
            }
        }
    }
    for (i = 0; i < k; i++) {
        struct helpline_stat_item *gi = &s->gminas[i];

        if (gi->code[0] == '\0') {
            continue;
        }
        /* Gminas are sorted by code, so a powiat's gminas are adjacent. */
        if (s->npowiats == 0 ||
            strncmp(s->powiats[s->npowiats - 1].code, gi->code, 4) != 0) {
            struct helpline_stat_item *p = &s->powiats[s->npowiats++];

            p->code = arena_strndup(a, gi->code, 4);
            p->name = gi->powiat;
            p->powiat = "";
            p->n = 0;
        }
        s->powiats[s->npowiats - 1].n += gi->n;
    }
    return 0;
}

/*
** Referrals to institutions of the directory dated [from, before): per
** institution from the referral rows (few beside the contacts), then per
** kind of institution.
*/
static int
institutions(struct helpline_stats *s, struct db *db, struct arena *a,
             const char *before)
{
    db_stmt *st = helpline_store_referral_stats(db, s->region, s->from, before);
    int cap = 0, rc, i, j;

    while ((rc = db_step(st)) == DB_ROW) {
        struct helpline_stat_inst *x;

        if (s->ninsts == cap) {
            int ncap = cap ? cap * 2 : 64;

            s->insts =
                arena_realloc(a, s->insts, (size_t)cap * sizeof(*s->insts),
                              (size_t)ncap * sizeof(*s->insts));
            cap = ncap;
        }
        x = &s->insts[s->ninsts++];
        x->id = db_col_int(st, 0);
        x->name = db_col_text_dup(a, st, 1);
        x->kind = db_col_text_dup(a, st, 2);
        x->n = db_col_int(st, 3);
        s->inst_total += x->n;
    }
    db_done(st);
    if (rc != DB_DONE) {
        return rc;
    }
    /* Per kind (its label, or the stored code if the directory has none). */
    s->inst_kinds =
        arena_alloc(a, (size_t)(s->ninsts + 1) * sizeof(*s->inst_kinds));
    for (i = 0; i < s->ninsts; i++) {
        const char *label = dir_kind_label(s->insts[i].kind);

        for (j = 0; j < s->ninst_kinds; j++) {
            if (strcmp(s->inst_kinds[j].code, s->insts[i].kind) == 0) {
                break;
            }
        }
        if (j == s->ninst_kinds) {
            s->inst_kinds[j].code = s->insts[i].kind;
            s->inst_kinds[j].name = label ? label : s->insts[i].kind;
            s->inst_kinds[j].powiat = "";
            s->inst_kinds[j].n = 0;
            s->ninst_kinds++;
        }
        s->inst_kinds[j].n += s->insts[i].n;
    }
    qsort(s->inst_kinds, (size_t)s->ninst_kinds, sizeof(*s->inst_kinds),
          cmp_count);
    return 0;
}

int
helpline_stats_months(const char *from, const char *to)
{
    return (atoi(to) - atoi(from)) * 12 + atoi(to + 5) - atoi(from + 5) + 1;
}

static int
compute(struct db *db, struct arena *a, const char *region, const char *from,
        const char *to, struct helpline_stats *out)
{
    struct agg *g;
    int y1, m1, i, rc;
    char full_from[16], full_to[16], day[48], after_to[16];
    bool first_whole, last_whole;

    memset(out, 0, sizeof(*out));
    if (!str_date_valid(from) || !str_date_valid(to) || strcmp(from, to) > 0 ||
        atoi(to) - atoi(from) >= MAX_YEARS) {
        return ERR_INPUT;
    }
    out->region = region;
    out->from = from;
    out->to = to;
    g = arena_alloc(a, sizeof(*g));
    g->s = out;
    g->y0 = atoi(from);
    g->m0 = atoi(from + 5);
    y1 = atoi(to);
    m1 = atoi(to + 5);
    out->nmonths = (y1 - g->y0) * 12 + (m1 - g->m0) + 1;
    out->months = arena_alloc(a, (size_t)out->nmonths * sizeof(char *));
    out->by_month = arena_alloc(a, (size_t)out->nmonths * sizeof(int64_t));
    for (i = 0; i < out->nmonths; i++) {
        int k = g->m0 - 1 + i;

        out->months[i] =
            arena_printf(a, "%04d-%02d", g->y0 + k / 12, k % 12 + 1);
    }
    /* Whole months between the partial ones come from the summary; a
     * partial first and last month as partial_month() finds cheaper. */
    next_day(to, after_to, sizeof(after_to));
    first_whole = from[8] == '0' && from[9] == '1';
    last_whole = strncmp(after_to + 8, "01", 2) == 0;
    if (!first_whole) {
        next_month(from, day, sizeof(day));
        if ((rc = partial_month(g, db, a, from,
                                strcmp(day, after_to) < 0 ? day : after_to)) !=
            0) {
            return rc;
        }
    }
    {
        int fi = first_whole ? 0 : 1;
        int li = last_whole ? out->nmonths - 1 : out->nmonths - 2;

        if (fi <= li) {
            snprintf(full_from, sizeof(full_from), "%s", out->months[fi]);
            snprintf(full_to, sizeof(full_to), "%s", out->months[li]);
            if ((rc = whole_months(g, db, a, full_from, full_to)) != 0) {
                return rc;
            }
        }
    }
    if (!last_whole && (out->nmonths > 1 || first_whole)) {
        snprintf(day, sizeof(day), "%.7s-01", to);
        if ((rc = partial_month(g, db, a, strcmp(day, from) > 0 ? day : from,
                                after_to)) != 0) {
            return rc;
        }
    }
    if ((rc = institutions(out, db, a, after_to)) != 0) {
        return rc;
    }
    return names(g, db, a);
}

/* Bytes s takes in an arena of its own (arrays and strings). */
static size_t
stats_size(const struct helpline_stats *s)
{
    size_t n = 0;
    int i;

    n += (size_t)s->nmonths * (sizeof(char *) + sizeof(int64_t) + 8);
    for (i = 0; i < s->ninsts; i++) {
        n += sizeof(s->insts[i]) + strlen(s->insts[i].name) +
             strlen(s->insts[i].kind) + 2;
    }
    n += (size_t)s->ninst_kinds * sizeof(*s->inst_kinds);
    for (i = 0; i < s->ngminas; i++) {
        n += sizeof(s->gminas[i]) + strlen(s->gminas[i].code) +
             strlen(s->gminas[i].name) + strlen(s->gminas[i].powiat) + 3;
    }
    for (i = 0; i < s->npowiats; i++) {
        n += sizeof(s->powiats[i]) + strlen(s->powiats[i].code) +
             strlen(s->powiats[i].name) + 2;
    }
    return n;
}

static struct helpline_stat_item *
items_copy(struct arena *a, const struct helpline_stat_item *x, int n)
{
    struct helpline_stat_item *y = arena_alloc(a, (size_t)(n + 1) * sizeof(*y));
    int i;

    for (i = 0; i < n; i++) {
        y[i].code = arena_strdup(a, x[i].code);
        y[i].name = arena_strdup(a, x[i].name);
        y[i].powiat = arena_strdup(a, x[i].powiat);
        y[i].n = x[i].n;
    }
    return y;
}

/* A deep copy of src into dst, every array and string in a; region, from
 * and to are given (they are the key). */
static void
stats_copy(struct arena *a, struct helpline_stats *dst,
           const struct helpline_stats *src, const char *region,
           const char *from, const char *to)
{
    int i;

    *dst = *src;
    dst->region = region;
    dst->from = from;
    dst->to = to;
    dst->months = arena_alloc(a, (size_t)src->nmonths * sizeof(char *));
    dst->by_month = arena_alloc(a, (size_t)src->nmonths * sizeof(int64_t));
    for (i = 0; i < src->nmonths; i++) {
        dst->months[i] = arena_strdup(a, src->months[i]);
        dst->by_month[i] = src->by_month[i];
    }
    dst->insts =
        arena_alloc(a, (size_t)(src->ninsts + 1) * sizeof(*dst->insts));
    for (i = 0; i < src->ninsts; i++) {
        dst->insts[i] = src->insts[i];
        dst->insts[i].name = arena_strdup(a, src->insts[i].name);
        dst->insts[i].kind = arena_strdup(a, src->insts[i].kind);
    }
    dst->inst_kinds = items_copy(a, src->inst_kinds, src->ninst_kinds);
    dst->gminas = items_copy(a, src->gminas, src->ngminas);
    dst->powiats = items_copy(a, src->powiats, src->npowiats);
}

/* An answer kept in the table: everything of s in a (cache_arena_object). */
struct kept {
    struct arena a;
    struct helpline_stats s;
};

static struct cache kept_answers = {
    .conf = {.metric = "rodzina_helpline_stats_cache",
             .what = "Helpline statistics",
             .slots = STATS_SLOTS,
             .max_bytes = STATS_CACHE_BYTES,
             .max_age = STATS_CACHE_SECONDS}};

/* The key of a question: region ("" for the country), from and to, each
 * ended by a NUL. */
static char *
kept_key(struct arena *a, const char *region, const char *from, const char *to,
         size_t *len)
{
    const char *part[3] = {region ? region : "", from, to};
    size_t n[3], at = 0;
    char *key;
    int i;

    for (i = 0; i < 3; i++) {
        n[i] = strlen(part[i]) + 1;
    }
    key = arena_alloc(a, n[0] + n[1] + n[2]);
    for (i = 0; i < 3; i++) {
        memcpy(key + at, part[i], n[i]);
        at += n[i];
    }
    *len = at;
    return key;
}

struct kept_read {
    struct arena *a;
    const char *region, *from, *to;
    struct helpline_stats *out;
};

static void
kept_read(void *ctx, const void *value, size_t len)
{
    const struct kept_read *q = ctx;
    const struct kept *k = value;

    (void)len;
    stats_copy(q->a, q->out, &k->s, q->region, q->from, q->to);
}

int
helpline_stats(struct db *db, struct arena *a, const char *region,
               const char *from, const char *to, struct helpline_stats *out)
{
    struct kept_read q = {a, region, from, to, out};
    struct cache_ticket t;
    int64_t version;
    size_t klen;
    char *key;
    int rc;

    if ((rc = helpline_store_version(db, &version)) != 0) {
        return rc;
    }
    key = kept_key(a, region, from, to, &klen);
    if (cache_get(&kept_answers, key, klen, (uint64_t)version, kept_read, &q,
                  &t)) {
        return 0;
    }
    if ((rc = compute(db, a, region, from, to, out)) == 0) {
        struct kept *k = cache_arena_object(sizeof(*k));

        stats_copy(&k->a, &k->s, out, NULL, NULL, NULL);
        cache_put_object(&kept_answers, &t, key, klen, k,
                         stats_size(out) + sizeof(*k), cache_arena_drop);
    }
    return rc;
}
