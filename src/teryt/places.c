/*
** The locality search: every gmina (TERC 2024), every locality of the SIMC
** register (state 2020-01-01, villages and parts of towns, each resolved to
** its 2024 gmina) and the postal codes we have, in one sorted array of
** folded name keys built once per process from the embedded files. A query
** is folded, its "gmina"/"gm."/"m." prefix dropped, then
**   1. the keys starting with it are read by binary search (exact name,
**      name prefix, word of a longer name), at most PLACES_SCAN_MAX keys;
**   2. only when that finds no name that starts with it, a bounded edit
**      distance (insert, delete, substitute, swap two neighbours) is taken
**      against the keys with the same first letter, walked as a trie (see
**      fuzzy()): at most PLACES_FUZZY_ROWS_MAX rows of at most 65 cells.
** Work per query is thus bounded by the caps below, whatever the text.
** The index is read-only after it is built and shared by every thread;
** answers are kept (PLACES_ANSWERS, about 2 MB, in a core/cache.h
** table) since they never change while the process runs.
*/
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/cache.h"
#include "core/embedded.h"
#include "core/err.h"
#include "core/str.h"
#include "teryt.h"

/* Caps that bound one query's work (see the file comment). */
#define PLACES_QUERY_MAX 64  /* folded bytes of the query looked at */
#define PLACES_SCAN_MAX 6000 /* keys read by the prefix pass */
/* Table rows (one byte of a key against the whole query, at most 65 cells)
** computed by the fuzzy pass: "kowalewx", a typo under the largest letter,
** takes about 750, 60 "k"s about 200; the cap only bounds the unforeseen. */
#define PLACES_FUZZY_ROWS_MAX 20000
#define PLACES_FUZZY_MIN 4  /* shorter queries are matched exactly only */
#define PLACES_FUZZY_LONG 7 /* from this length two edits, else one */
/* Edits allowed between the query and the start of a longer name (typing
** with a typo): one, as two match half the register under a letter. */
#define PLACES_PREFIX_EDITS 1

struct pl_gmina {
    struct teryt_gmina g;
    int64_t population;
    uint16_t poprank; /* 0 the most populous; equal populations equal */
};

struct pl_place {
    const char *name;
    uint32_t gmina; /* index into gminas */
    uint8_t kind;   /* enum teryt_place_kind */
};

struct pl_key {
    char head[8];       /* the first bytes of folded, 0-padded: the fuzzy
                           pass skips a prefix without reading the string */
    const char *folded; /* a whole folded name or the rest from a word on */
    uint32_t place;
    uint16_t len;
    uint8_t word; /* 1: starts at a later word of the name */
    /* What hit_key() needs of the place, so that ranking a hit reads the
    ** key only (its place and gmina are cache misses): in the padding. */
    uint8_t kind;     /* enum teryt_place_kind */
    uint16_t poprank; /* of the gmina */
    uint8_t woj;      /* the gmina's voivodeship code as a number */
    uint8_t rodz;     /* of the gmina */
    /* 1: another key of the place starts with the same byte. A pass
    ** reads only keys of the query's first byte, so a key without a twin
    ** is the only one of its place that the pass meets (no duplicate to
    ** look for among the hits kept by that pass). */
    uint8_t twin;
};
_Static_assert(sizeof(struct pl_key) == 32, "a key is half a cache line");

struct places {
    struct arena arena;
    struct pl_gmina *gminas;
    int ngminas;
    struct pl_place *places;
    int nplaces, capplaces;
    struct pl_key *keys;
    int nkeys, capkeys;
    /* teryt_letter_mask() of each key's folded text, beside the keys: the
    ** fuzzy filter streams 4 bytes a key, not the key's 32. */
    uint32_t *letters;
};

static struct places *index_;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Split a line in place at sep; returns the number of fields. */
static int
split(char *line, char sep, char **f, int max)
{
    int n = 0;

    while (n < max) {
        f[n++] = line;
        line = strchr(line, sep);
        if (line == NULL) {
            break;
        }
        *line++ = '\0';
    }
    return n;
}

static char *
file_text(struct arena *a, const char *name)
{
    const struct embedded *e = embedded_find(data_files, name);

    if (e == NULL) {
        fprintf(stderr, "places: %s missing from the build\n", name);
        return NULL;
    }
    return arena_strndup(a, e->data, e->len);
}

static int
gmina_find(const struct places *p, const char *teryt)
{
    int lo = 0, hi = p->ngminas;

    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        int c = strcmp(p->gminas[mid].g.teryt, teryt);

        if (c == 0) {
            return mid;
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return -1;
}

/*
** The classes of bytes s holds, a bit each: a..z, then any digit, a space,
** any other byte. A name within k edits of the query lacks at most k of
** the query's classes (each class missing costs a deletion or a
** substitution at least; a swap keeps the bytes), so the fuzzy pass skips
** with one AND a key lacking more, without the rows of its table.
*/
uint32_t
teryt_letter_mask(const char *s, size_t n)
{
    uint32_t m = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];

        m |= c >= 'a' && c <= 'z'   ? 1u << (c - 'a')
             : c >= '0' && c <= '9' ? 1u << 26
             : c == ' '             ? 1u << 27
                                    : 1u << 28;
    }
    return m;
}

/* Whether x has more than k bits set: k steps, where a popcount without
** the instruction is a call into libgcc. */
static bool
more_bits_than(uint32_t x, int k)
{
    for (; k > 0 && x != 0; k--) {
        x &= x - 1; /* the lowest bit off */
    }
    return x != 0;
}

static void
add_key(struct places *p, const char *folded, uint32_t place, int word)
{
    const struct pl_place *pl = &p->places[place];
    const struct pl_gmina *g = &p->gminas[pl->gmina];

    if (p->nkeys == p->capkeys) {
        int ncap = p->capkeys ? p->capkeys * 2 : 4096;

        p->keys = xrealloc(p->keys, sizeof(*p->keys) * (size_t)ncap);
        p->capkeys = ncap;
    }
    {
        size_t h = strlen(folded), cap = sizeof(p->keys[0].head);

        memset(p->keys[p->nkeys].head, 0, cap);
        memcpy(p->keys[p->nkeys].head, folded, h < cap ? h : cap);
    }
    p->keys[p->nkeys].folded = folded;
    p->keys[p->nkeys].place = place;
    p->keys[p->nkeys].len = (uint16_t)strlen(folded);
    p->keys[p->nkeys].word = (uint8_t)word;
    p->keys[p->nkeys].kind = pl->kind;
    p->keys[p->nkeys].poprank = g->poprank;
    p->keys[p->nkeys].woj = (uint8_t)(atoi(g->g.woj_code) % 100);
    p->keys[p->nkeys].rodz = (uint8_t)g->g.rodz;
    p->keys[p->nkeys].twin = 0;
    p->nkeys++;
}

static void
add_place(struct places *p, const char *name, int gmina, int kind)
{
    const char *folded = str_fold(&p->arena, name), *w;
    uint32_t id = (uint32_t)p->nplaces;
    int first, i, j;

    if (*folded == '\0') {
        return;
    }
    if (p->nplaces == p->capplaces) {
        int ncap = p->capplaces ? p->capplaces * 2 : 4096;

        p->places = xrealloc(p->places, sizeof(*p->places) * (size_t)ncap);
        p->capplaces = ncap;
    }
    p->places[id].name = name;
    p->places[id].gmina = (uint32_t)gmina;
    p->places[id].kind = (uint8_t)kind;
    p->nplaces++;
    first = p->nkeys;
    add_key(p, folded, id, 0);
    for (w = strchr(folded, ' '); w != NULL; w = strchr(w + 1, ' ')) {
        add_key(p, w + 1, id, 1);
    }
    for (i = first; i < p->nkeys; i++) {
        for (j = first; j < p->nkeys; j++) {
            if (i != j && p->keys[i].head[0] == p->keys[j].head[0]) {
                p->keys[i].twin = 1;
            }
        }
    }
}

/* TERC: voivodeship and powiat names, then the gminas (sorted by code). */
static int
load_terc(struct places *p)
{
    char *text = file_text(&p->arena, "terc_2024-01-01.csv");
    char *line, *save = NULL;
    const char *woj_names[100] = {0}, *pow_names[100][100];
    int cap = 0;

    if (text == NULL) {
        return ERR_IO;
    }
    memset(pow_names, 0, sizeof(pow_names));
    for (line = strtok_r(text, "\n", &save); line != NULL;
         line = strtok_r(NULL, "\n", &save)) {
        char *f[7];
        int w, pw;
        struct pl_gmina *g;

        line[strcspn(line, "\r")] = '\0';
        if (split(line, ';', f, 7) != 7 || strlen(f[0]) != 2 || f[0][0] < '0' ||
            f[0][0] > '9') {
            continue; /* the header */
        }
        w = atoi(f[0]);
        if (*f[1] == '\0') {
            woj_names[w] = str_lower_pl(&p->arena, f[4]);
            continue;
        }
        pw = atoi(f[1]);
        if (pw < 0 || pw > 99) {
            continue;
        }
        if (*f[2] == '\0') {
            pow_names[w][pw] = f[4];
            continue;
        }
        if (strlen(f[3]) != 1 || f[3][0] < '1' || f[3][0] > '3') {
            continue; /* parts of gminas and cities */
        }
        if (p->ngminas == cap) {
            cap = cap ? cap * 2 : 4096;
            p->gminas = xrealloc(p->gminas, sizeof(*p->gminas) * (size_t)cap);
        }
        g = &p->gminas[p->ngminas++];
        memset(g, 0, sizeof(*g));
        g->g.teryt =
            arena_printf(&p->arena, "%s%s%s%s", f[0], f[1], f[2], f[3]);
        g->g.name = f[4];
        g->g.rodz = f[3][0] - '0';
        g->g.powiat_code = arena_strndup(&p->arena, g->g.teryt, 4);
        g->g.powiat_name = pow_names[w][pw] ? pow_names[w][pw] : "";
        g->g.woj_code = arena_strndup(&p->arena, g->g.teryt, 2);
        g->g.woj_name = woj_names[w] ? woj_names[w] : "";
    }
    return p->ngminas > 0 ? 0 : ERR_INPUT;
}

static void
load_population(struct places *p)
{
    char *text = file_text(&p->arena, "ludnosc_gminy_2024.csv");
    char *line, *save = NULL;

    if (text == NULL) {
        return; /* ranking falls back to names */
    }
    for (line = strtok_r(text, "\n", &save); line != NULL;
         line = strtok_r(NULL, "\n", &save)) {
        char *f[4];
        int g;

        if (split(line, ';', f, 4) == 4 && (g = gmina_find(p, f[0])) >= 0) {
            p->gminas[g].population = atoll(f[2]);
        }
    }
}

static int
load_localities(struct places *p)
{
    char *text = file_text(&p->arena, "miejscowosci_2020-01-01.csv");
    char *line, *save = NULL;
    int g = -1;
    const char *last = "";

    if (text == NULL) {
        return ERR_IO;
    }
    for (line = strtok_r(text, "\n", &save); line != NULL;
         line = strtok_r(NULL, "\n", &save)) {
        char *f[3];
        int kind;

        if (split(line, ';', f, 3) != 3 || strlen(f[0]) != 7) {
            continue;
        }
        if (strcmp(f[0], last) != 0) {
            g = gmina_find(p, f[0]);
            last = f[0];
        }
        kind = f[1][0] == '1'   ? TERYT_PLACE_TOWN
               : f[1][0] == '2' ? TERYT_PLACE_LOCALITY
                                : TERYT_PLACE_PART;
        /* The town or village that names its gmina is the gmina's entry. */
        if (g >= 0 && strcmp(f[2], p->gminas[g].g.name) != 0) {
            add_place(p, f[2], g, kind);
        }
    }
    return 0;
}

/* kod_pocztowy,wojewodztwo,powiat,gmina,teryt7_kandydaci ('|' between). */
static void
load_postcodes(struct places *p)
{
    char *text = file_text(&p->arena, "kody_pocztowe_kp_mp.csv");
    char *line, *save = NULL;

    if (text == NULL) {
        return;
    }
    for (line = strtok_r(text, "\n", &save); line != NULL;
         line = strtok_r(NULL, "\n", &save)) {
        char *f[5], *c, *csave = NULL;

        line[strcspn(line, "\r")] = '\0';
        if (split(line, ',', f, 5) != 5 || strlen(f[0]) != 6) {
            continue;
        }
        for (c = strtok_r(f[4], "|", &csave); c != NULL;
             c = strtok_r(NULL, "|", &csave)) {
            int g = gmina_find(p, c);

            if (g >= 0) {
                add_place(p, f[0], g, TERYT_PLACE_POSTCODE);
            }
        }
    }
}

/* A population as it ranks: 24 bits, unknown as 0. */
static int64_t
capped_population(int64_t pop)
{
    return pop > 0xFFFFFF ? 0xFFFFFF : pop > 0 ? pop : 0;
}

static int
population_desc(const void *x, const void *y)
{
    int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;

    return (a < b) - (a > b);
}

/* Each gmina's poprank: how many distinct populations are larger (a
** country has far fewer than 65 536 gminas; more would share the last). */
static void
rank_population(struct places *p)
{
    int64_t *pops = xcalloc((size_t)p->ngminas + 1, sizeof(*pops));
    int i, n = 0;

    for (i = 0; i < p->ngminas; i++) {
        pops[i] = capped_population(p->gminas[i].population);
    }
    qsort(pops, (size_t)p->ngminas, sizeof(*pops), population_desc);
    for (i = 0; i < p->ngminas; i++) {
        if (n == 0 || pops[n - 1] != pops[i]) {
            pops[n++] = pops[i];
        }
    }
    for (i = 0; i < p->ngminas; i++) {
        int64_t v = capped_population(p->gminas[i].population);
        int lo = 0, hi = n;

        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;

            if (pops[mid] > v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        p->gminas[i].poprank = (uint16_t)(lo < 0xFFFF ? lo : 0xFFFF);
    }
    free(pops);
}

static int
key_cmp(const void *x, const void *y)
{
    const struct pl_key *a = x, *b = y;
    int c = strcmp(a->folded, b->folded);

    return c != 0 ? c : (a->place > b->place) - (a->place < b->place);
}

static void
build(void)
{
    struct places *p = xcalloc(1, sizeof(*p));
    int i;

    arena_init(&p->arena);
    if (load_terc(p) != 0) {
        fprintf(stderr, "places: no gminas; the search finds nothing\n");
        index_ = p;
        return;
    }
    load_population(p);
    rank_population(p);
    for (i = 0; i < p->ngminas; i++) {
        add_place(p, p->gminas[i].g.name, i, TERYT_PLACE_GMINA);
    }
    if (load_localities(p) != 0) {
        fprintf(stderr, "places: localities missing; gminas only\n");
    }
    load_postcodes(p);
    qsort(p->keys, (size_t)p->nkeys, sizeof(*p->keys), key_cmp);
    p->letters = xcalloc((size_t)p->nkeys + 1, sizeof(*p->letters));
    for (i = 0; i < p->nkeys; i++) {
        p->letters[i] = teryt_letter_mask(p->keys[i].folded, p->keys[i].len);
    }
    index_ = p;
}

static const struct places *
places_get(void)
{
    pthread_once(&once, build);
    return index_;
}

void
teryt_places_init(void)
{
    (void)places_get();
}

int64_t
teryt_gmina_population(const char *teryt)
{
    const struct places *p = places_get();
    int g = gmina_find(p, teryt);

    return g >= 0 ? p->gminas[g].population : 0;
}

int
teryt_places_count(void)
{
    return places_get()->nplaces;
}

int
teryt_edit_distance(const char *q, size_t n, const char *s, size_t m, int k,
                    int *prefix)
{
    /* Three rows of the optimal-string-alignment table, band of width k. */
    int rows[3][PLACES_QUERY_MAX + 8];
    int *pp = rows[0], *prev = rows[1], *cur = rows[2];
    size_t i, j, mc;
    int big = k + 1, best_prefix = big;

    if (n > PLACES_QUERY_MAX) {
        n = PLACES_QUERY_MAX;
    }
    /* Columns past n + k can only raise the distance. */
    mc = m < n + (size_t)k ? m : n + (size_t)k;
    for (j = 0; j <= mc; j++) {
        prev[j] = j <= (size_t)k ? (int)j : big;
        pp[j] = big;
    }
    for (i = 1; i <= n; i++) {
        int rowmin = big;

        for (j = 0; j <= mc; j++) {
            int v;

            if (j == 0) {
                v = i <= (size_t)k ? (int)i : big;
            } else if ((j + (size_t)k < i) || (j > i + (size_t)k)) {
                v = big;
            } else {
                int cost = q[i - 1] == s[j - 1] ? 0 : 1;

                v = prev[j - 1] + cost;
                if (prev[j] + 1 < v) {
                    v = prev[j] + 1;
                }
                if (cur[j - 1] + 1 < v) {
                    v = cur[j - 1] + 1;
                }
                if (i > 1 && j > 1 && q[i - 1] == s[j - 2] &&
                    q[i - 2] == s[j - 1] && pp[j - 2] + 1 < v) {
                    v = pp[j - 2] + 1;
                }
            }
            cur[j] = v > big ? big : v;
            if (cur[j] < rowmin) {
                rowmin = cur[j];
            }
        }
        if (rowmin > k) {
            if (prefix != NULL) {
                *prefix = big;
            }
            return big;
        }
        {
            int *t = pp;

            pp = prev;
            prev = cur;
            cur = t;
        }
    }
    for (j = 0; j <= mc; j++) {
        if (prev[j] < best_prefix) {
            best_prefix = prev[j];
        }
    }
    if (prefix != NULL) {
        *prefix = best_prefix;
    }
    return m <= mc ? prev[m] : big;
}

struct rank_ctx {
    const struct places *p;
    bool prefer[100]; /* voivodeship codes to rank first */
    bool any_prefer;
    int want; /* 0 any, 1 gmina, 2 town */
};

static uint64_t
unwanted(const struct rank_ctx *c, const struct pl_key *key)
{
    if (c->want == 1) {
        return key->kind != TERYT_PLACE_GMINA;
    }
    if (c->want == 2) {
        return !(key->kind == TERYT_PLACE_TOWN ||
                 (key->kind == TERYT_PLACE_GMINA && key->rodz != 2));
    }
    return 0;
}

/*
** The rank of a hit as one number, smaller first: closeness (4 bits), the
** kind asked for ("gmina X"), the preferred voivodeship, gmina or town
** before village before part, the gmina's population (larger first), then
** the place's number (gmina code, then name) so the order is stable.
*/
static uint64_t
hit_key(const struct rank_ctx *c, const struct pl_key *key, int closeness)
{
    uint64_t away = c->any_prefer && !c->prefer[key->woj];
    uint64_t cls = key->kind == TERYT_PLACE_LOCALITY ? 1
                   : key->kind == TERYT_PLACE_PART   ? 2
                                                     : 0;

    return (uint64_t)closeness << 60 | unwanted(c, key) << 59 | away << 58 |
           cls << 56 | (uint64_t)key->poprank << 32 | key->place;
}

/* Keep the `limit` smallest keys of distinct places in top[0..*n); twin:
** whether the place may be there already (pl_key.twin). */
static void
top_add(uint64_t *top, int *n, int limit, uint64_t key, bool twin)
{
    uint32_t place = (uint32_t)key;
    int i, j;

    if (*n == limit && key >= top[*n - 1]) {
        return;
    }
    for (i = twin ? 0 : *n; i < *n; i++) {
        if ((uint32_t)top[i] == place) {
            if (key >= top[i]) {
                return;
            }
            break; /* the same place, better now: move it up */
        }
    }
    if (i == *n) {
        i = *n < limit ? (*n)++ : *n - 1;
    }
    for (j = i; j > 0 && top[j - 1] > key; j--) {
        top[j] = top[j - 1];
    }
    top[j] = key;
}

/* Drop a leading "gmina", "gm.", "m." ... of the folded query. */
static const char *
strip_prefix(const char *q, int *want)
{
    static const struct {
        const char *word;
        int want;
    } prefixes[] = {
        {"gmina miejsko wiejska ", 1},
        {"gmina miejska ", 1},
        {"gmina wiejska ", 1},
        {"gmina ", 1},
        {"gm ", 1},
        {"miasto ", 2},
        {"m st ", 2},
        {"m ", 2},
        {"miejscowosc ", 0},
        {"wies ", 0},
    };
    size_t i;

    *want = 0;
    for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
        if (str_starts(q, prefixes[i].word) &&
            q[strlen(prefixes[i].word)] != '\0') {
            *want = prefixes[i].want;
            return q + strlen(prefixes[i].word);
        }
    }
    return q;
}

/* strcmp(key's folded text, s), s's first 8 bytes given 0-padded in sh:
** the inline head decides most comparisons without reading the text. */
static int
key_text_cmp(const struct pl_key *key, const char *s, const char sh[8])
{
    int c = memcmp(key->head, sh, sizeof(key->head));

    if (c != 0 || key->len < sizeof(key->head)) {
        return c; /* equal heads of a short key: the same text */
    }
    return strcmp(key->folded + sizeof(key->head), s + sizeof(key->head));
}

/* First key in [lo, hi) not below s. */
static int
lower_bound_in(const struct places *p, int lo, int hi, const char *s)
{
    char sh[sizeof(p->keys[0].head)] = {0};

    memcpy(sh, s, strnlen(s, sizeof(sh)));
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;

        if (key_text_cmp(&p->keys[mid], s, sh) < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/* Whether key starts with q[0..n) (n >= 1, no 0 byte in q). */
static bool
key_starts(const struct pl_key *key, const char *q, size_t n)
{
    size_t h = sizeof(key->head);

    if (n <= h) {
        return memcmp(key->head, q, n) == 0;
    }
    return memcmp(key->head, q, h) == 0 &&
           strncmp(key->folded + h, q + h, n - h) == 0;
}

/* The end of the keys of [lo, hi) that start with q[0..n), lo being the
** first key not below q: they come first, so one binary search. */
static int
prefix_end(const struct places *p, int lo, int hi, const char *q, size_t n)
{
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;

        if (key_starts(&p->keys[mid], q, n)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/* Byte i of a key, from its inline head while it lasts (no cache miss). */
#define KEY_AT(key, i)                                                         \
    ((i) < sizeof((key)->head) ? (key)->head[i] : (key)->folded[i])

/* Whether key i starts with the first d bytes of key k. */
static bool
same_prefix(const struct places *p, int i, int k, size_t d)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (d <= sizeof(p->keys[0].head)) {
        /* The first d bytes are the low ones: one masked compare. */
        uint64_t x, y;
        uint64_t mask = d == 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * d)) - 1;

        memcpy(&x, p->keys[i].head, 8);
        memcpy(&y, p->keys[k].head, 8);
        return ((x ^ y) & mask) == 0;
    }
#endif
    if (d <= sizeof(p->keys[0].head)) {
        return memcmp(p->keys[i].head, p->keys[k].head, d) == 0;
    }
    return strncmp(p->keys[i].folded, p->keys[k].folded, d) == 0;
}

/* The first key after k in (k, hi) not starting with key k's first d
** bytes: galloping, as the group is often a handful of keys. */
static int
skip_prefix(const struct places *p, int k, int hi, size_t d)
{
    int step = 1, lo = k, top;

    while (k + step < hi && same_prefix(p, k + step, k, d)) {
        lo = k + step;
        step *= 2;
    }
    top = k + step < hi ? k + step : hi;
    /* lo shares the prefix, top does not (or is hi). */
    while (top - lo > 1) {
        int mid = lo + (top - lo) / 2;

        if (same_prefix(p, mid, k, d)) {
            lo = mid;
        } else {
            top = mid;
        }
    }
    return top;
}

/*
** The fuzzy pass: the edit distance of q to every key with its first
** letter, walking the sorted keys as a trie. Row r of the table is q
** against the key's first r bytes, so consecutive keys share the rows of
** their common prefix, and once a row's least value passes the bound no
** key with that prefix can come back: they are all skipped by a binary
** search. Rows stop at depth n + bound (past it only the distance to a
** prefix of the key matters, which is then known). At most
** PLACES_FUZZY_ROWS_MAX rows are computed per query.
*/
static void
fuzzy(const struct rank_ctx *ctx, struct arena *a, const char *q, size_t n,
      int bound, uint64_t *top, int *count, int limit)
{
    const struct places *p = ctx->p;
    size_t maxdepth = n + (size_t)bound, w = n + 1, r, c;
    int big = bound + 1, lo, hi, k, rows = 0;
    int *d = arena_alloc(a, sizeof(*d) * (maxdepth + 1) * w);
    int *premin = arena_alloc(a, sizeof(*premin) * (maxdepth + 1));
    char first[2] = {q[0], '\0'};
    const struct pl_key *prev = NULL;
    size_t valid = 0;
    uint32_t qletters = teryt_letter_mask(q, n);
    bool had_hits = *count > 0;

    for (c = 0; c < w; c++) {
        d[c] = (int)c <= bound ? (int)c : big;
    }
    premin[0] = d[n];
    lo = lower_bound_in(p, 0, p->nkeys, first);
    first[0]++;
    hi = lower_bound_in(p, lo, p->nkeys, first);
    for (k = lo; k < hi && rows < PLACES_FUZZY_ROWS_MAX;) {
        const struct pl_key *key;
        int ch, ch1 = 0;
        size_t m, l = 0, lim, done;
        int full, pre, cl;

        if (more_bits_than(qletters & ~p->letters[k], bound)) {
            k++; /* too many of the query's letters absent: no rows */
            continue;
        }
        key = &p->keys[k];
        m = key->len;
        lim = m < maxdepth ? m : maxdepth;
        done = lim;

        /* Shared rows: the common prefix with the previous key. */
        while (prev != NULL && l < valid && KEY_AT(prev, l) != '\0' &&
               KEY_AT(prev, l) == KEY_AT(key, l)) {
            l++;
        }
        for (r = l; r < lim; r++, rows++) {
            int *cur = d + (r + 1) * w, *up = d + r * w;
            int *up2 = r > 0 ? d + (r - 1) * w : NULL, mn, last;
            size_t bl, bh;

            ch = KEY_AT(key, r);
            ch1 = r > 0 ? KEY_AT(key, r - 1) : 0;
            cur[0] = (int)(r + 1) <= bound ? (int)(r + 1) : big;
            mn = cur[0];
            /* Only the band |c - (r + 1)| <= bound can stay within it. */
            bl = r + 1 > (size_t)bound ? r + 1 - (size_t)bound : 1;
            bh = r + 1 + (size_t)bound < n ? r + 1 + (size_t)bound : n;
            if (bl > 1) {
                cur[bl - 1] = big;
            }
            for (c = bl; c <= bh; c++) {
                int v = up[c - 1] + (ch == q[c - 1] ? 0 : 1);

                if (up[c] + 1 < v) {
                    v = up[c] + 1;
                }
                if (cur[c - 1] + 1 < v) {
                    v = cur[c - 1] + 1;
                }
                if (up2 != NULL && c > 1 && ch == q[c - 2] && ch1 == q[c - 1] &&
                    up2[c - 2] + 1 < v) {
                    v = up2[c - 2] + 1;
                }
                cur[c] = v > big ? big : v;
                if (cur[c] < mn) {
                    mn = cur[c];
                }
            }
            if (bh < n) {
                cur[bh + 1] = big; /* read by the next row's band edge */
            }
            last = bh == n ? cur[n] : big;
            premin[r + 1] = premin[r] < last ? premin[r] : last;
            if (mn > bound) {
                done = r + 1; /* longer keys only grow the distance */
                break;
            }
        }
        prev = key;
        valid = done;
        if (done < lim || (done == lim && r < lim)) {
            if (premin[done] > PLACES_PREFIX_EDITS) {
                /* Nothing starting with s[0..done) is within the bound. */
                valid = done - 1;
                k = skip_prefix(p, k, hi, done);
                continue;
            }
            full = big;
        } else {
            full = m <= maxdepth && n <= m + (size_t)bound ? d[m * w + n] : big;
        }
        pre = premin[done];
        k++;
        if (full <= bound) {
            cl = 4 + 2 * full + key->word;
        } else if (pre <= PLACES_PREFIX_EDITS) {
            cl = 5 + 2 * pre + key->word;
        } else {
            continue;
        }
        /* Worse than all kept: no need to read the place. */
        if (*count == limit && (uint64_t)cl > top[limit - 1] >> 60) {
            continue;
        }
        /* The prefix pass's hits may hold this very key's place. */
        top_add(top, count, limit, hit_key(ctx, key, cl),
                key->twin || had_hits);
    }
}

/*
** The two passes: the keys starting with q (exact name, name prefix, word
** of a longer name), then, when no name starts with it, the fuzzy pass.
** The best limit hits into top; returns their count.
*/
static int
rank_hits(const struct rank_ctx *ctx, struct arena *a, const char *q, size_t n,
          int limit, uint64_t *top)
{
    const struct places *p = ctx->p;
    int k, lo, hi, good = 0, count = 0;

    lo = lower_bound_in(p, 0, p->nkeys, q);
    hi = prefix_end(p, lo,
                    p->nkeys - lo > PLACES_SCAN_MAX ? lo + PLACES_SCAN_MAX
                                                    : p->nkeys,
                    q, n);
    for (k = lo; k < hi; k++) {
        const struct pl_key *key = &p->keys[k];
        int c;

        if (key->word == 0) {
            c = key->len == n ? 0 : 1;
            good++;
        } else {
            c = KEY_AT(key, n) == '\0' || KEY_AT(key, n) == ' ' ? 2 : 3;
        }
        /* Worse than all kept: no need to read the place. */
        if (count == limit && (uint64_t)c > top[limit - 1] >> 60) {
            continue;
        }
        top_add(top, &count, limit, hit_key(ctx, key, c), key->twin);
    }
    if (good == 0 && n >= PLACES_FUZZY_MIN) {
        fuzzy(ctx, a, q, n, n >= PLACES_FUZZY_LONG ? 2 : 1, top, &count, limit);
    }
    return count;
}

/*
** Answers kept per process (core/cache.h): the index never changes while
** the process runs, so an answer is a function of the folded query, the
** kind asked for, the preferred voivodeships and the limit, its key, and
** its version is 0. PLACES_ANSWERS entries, each the ranked hits only (at
** most TERYT_PLACES_MAX numbers) after the key: under 520 bytes, 2 MB in
** all. What residents type repeats (the first letters of the big towns,
** the same villages), and a hit skips both passes.
*/
#define PLACES_ANSWERS 4096
/* want, limit, the preferred voivodeships, the query */
#define PLACES_KEY_MAX (2 + 100 + PLACES_QUERY_MAX + 8)

static struct cache answers = {.conf = {.metric = "rodzina_teryt_places_cache",
                                        .what = "Locality searches",
                                        .slots = PLACES_ANSWERS,
                                        .ways = 4,
                                        .max_bytes = (size_t)3 << 20}};

/* The key of the query into key: its length, or 0 when it is too long. */
static size_t
answer_key(unsigned char *key, const struct rank_ctx *ctx, const char *q,
           size_t n, int limit)
{
    if (n > PLACES_KEY_MAX - 102) {
        return 0;
    }
    key[0] = (unsigned char)ctx->want;
    key[1] = (unsigned char)limit;
    memcpy(key + 2, ctx->prefer, sizeof(ctx->prefer));
    memcpy(key + 102, q, n);
    return 102 + n;
}

struct kept_hits {
    uint64_t *top;
    int count;
};

static void
answer_read(void *ctx, const void *value, size_t len)
{
    struct kept_hits *k = ctx;

    memcpy(k->top, value, len);
    k->count = (int)(len / sizeof(*k->top));
}

int
teryt_places_search(struct arena *a, const char *text, const char *prefer_woj,
                    int limit, struct teryt_place **out)
{
    const struct places *p = places_get();
    struct rank_ctx ctx = {.p = p};
    char *folded;
    const char *q;
    size_t n;
    uint64_t *top;
    int count = 0, i;
    struct teryt_place *res;
    unsigned char key[PLACES_KEY_MAX];
    size_t klen;
    struct kept_hits kept;
    struct cache_ticket t;

    *out = NULL;
    if (text == NULL || limit <= 0 || p->nkeys == 0) {
        return 0;
    }
    /* "04" or "04,12": two digits each, anything else ignored. */
    for (i = 0; prefer_woj != NULL && prefer_woj[i] != '\0'; i++) {
        if (prefer_woj[i] >= '0' && prefer_woj[i] <= '9' &&
            prefer_woj[i + 1] >= '0' && prefer_woj[i + 1] <= '9') {
            ctx.prefer[(prefer_woj[i] - '0') * 10 + prefer_woj[i + 1] - '0'] =
                true;
            ctx.any_prefer = true;
            i++;
        }
    }
    if (limit > TERYT_PLACES_MAX) {
        limit = TERYT_PLACES_MAX;
    }
    folded = str_fold(a, text);
    if (strlen(folded) > PLACES_QUERY_MAX) {
        folded[PLACES_QUERY_MAX] = '\0';
    }
    q = strip_prefix(folded, &ctx.want);
    n = strlen(q);
    /* A postal code typed without its dash: "87100" is "87 100". */
    if (n >= 3 && n <= 5 && strspn(q, "0123456789") == n) {
        q = arena_printf(a, "%.2s %s", q, q + 2);
        n = strlen(q);
    }
    if (n == 0) {
        return 0;
    }
    top = arena_alloc(a, sizeof(*top) * (size_t)limit);
    klen = answer_key(key, &ctx, q, n, limit);
    kept.top = top;
    if (klen > 0 && cache_get(&answers, key, klen, 0, answer_read, &kept, &t)) {
        count = kept.count;
    } else {
        count = rank_hits(&ctx, a, q, n, limit, top);
        if (klen > 0) {
            cache_put(&answers, &t, key, klen, top,
                      sizeof(*top) * (size_t)count);
        }
    }
    res = arena_alloc(a, sizeof(*res) * (size_t)(count > 0 ? count : 1));
    for (i = 0; i < count; i++) {
        const struct pl_place *pl = &p->places[(uint32_t)top[i]];
        const struct pl_gmina *g = &p->gminas[pl->gmina];

        res[i].name = pl->name;
        res[i].kind = (enum teryt_place_kind)pl->kind;
        res[i].gmina = g->g;
        res[i].population = g->population;
        res[i].closeness = (int)(top[i] >> 60);
    }
    *out = res;
    return count;
}

const char *
teryt_place_kind_code(enum teryt_place_kind kind)
{
    switch (kind) {
    case TERYT_PLACE_GMINA:
        return "gmina";
    case TERYT_PLACE_POSTCODE:
        return "kod";
    default:
        return "miejscowosc";
    }
}
