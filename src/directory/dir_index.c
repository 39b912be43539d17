/*
** The in-memory search index of the directory: one read-only copy of the
** public directory per process, shared by the worker threads, so that a
** search with a gmina reads nothing from the database but one version
** number, and its results point into the index (no copy). It holds, for
** every service, the record the public sees (the address of a
** confidential location is never loaded into it), the folded pieces of its
** search text and its parsed opening hours; and, for every gmina, powiat
** and region code, the sorted list of services covering it.
** A search walks the three short lists of the gmina's areas, matches the
** words as prefixes of folded words, sorts and cuts a page.
**
** The index is built from the tables (not from the FTS5 table) when the
** first search finds no index of the database's current version; the
** version is a random number that triggers on the directory's tables
** change on every write (migration 0011), so a change is seen by the next
** search. Each worker thread holds a reference to the index it last
** used, so a search of an unchanged directory takes no lock at all; a
** replaced index is freed when the last thread holding it moves on to the
** new one (or ends); with a few worker threads, an idle one may keep an
** old index alive until its next search. Strings repeated across services
** (descriptions, hours, category names...) are stored once.
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/str.h"
#include "db/db.h"
#include "directory.h"

#define MAX_TERMS 8
/* Builds retried when the directory changes while it is being read. */
#define BUILD_TRIES 4

/* One institution as the public sees it. */
struct ix_org {
    int64_t id;
    const char *name, *kind, *street, *postcode, *city, *gmina;
    const char *gmina_name, *lat, *lon, *email, *web, *phone, *hours;
    uint32_t piece; /* folded name, city, street, gmina name, kind label */
    uint32_t gkey;  /* the gmina as a number */
    bool confidential, example;
};

struct ix_service {
    int64_t id;
    const struct ix_org *org;
    const char *name, *description, *category, *category_name, *cost;
    const char *languages, *how_to_apply;
    const char *phone, *hours; /* the service's, else the institution's */
    const char *targets;       /* names joined by ", " */
    const char *target_codes;  /* ",a,b," */
    const char *fold_name;
    /* The other folded pieces of its text, as numbers of ix->pieces. */
    uint32_t p_description, p_category, p_targets;
    const struct dir_hours *open; /* parsed hours; NULL: unknown */
    uint32_t rank;  /* position by folded name, then id: ties of a search */
    uint16_t cat;   /* number in ix->cats */
    uint64_t tmask; /* bit i: target ix->targets[i] (the first 64) */
};

/*
** Coverage: (level << 24 | numeric code, service), sorted; with what the
** filters read, so a service that is filtered out is not even touched.
*/
struct ix_area {
    uint32_t key;
    uint32_t svc;
    uint32_t gkey; /* the institution's gmina as a number */
    uint16_t cat;
    uint64_t tmask;
};

#define MAX_CODES 64

struct dir_index {
    int64_t version;
    int refs; /* under lock; the current index holds one */
    struct arena arena;
    struct ix_org *orgs;
    int norgs;
    struct ix_service *svc;
    int nsvc;
    struct ix_area *areas;
    int nareas;
    const char **pieces; /* folded text shared by services, numbered */
    int npieces;
    const char *cats[MAX_CODES]; /* category codes in use */
    int ncats;
    const char *targets[MAX_CODES]; /* target codes in use (first 64) */
    int ntargets;
    struct dir_choice *choices[2]; /* categories, target groups */
    int nchoices[2];
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER; /* current, refs */
static pthread_mutex_t build_lock = PTHREAD_MUTEX_INITIALIZER;
static struct dir_index *current;
/* The index each thread holds a reference to, so that a search of an
** unchanged directory takes no lock. */
static pthread_key_t held_key;
static pthread_once_t held_once = PTHREAD_ONCE_INIT;

/* --- strings stored once ----------------------------------------------- */

struct slot {
    const char *s;
    uint32_t hash;
    const void *data; /* the folded text or parsed hours of s */
    uint32_t piece;   /* 1 + its number as a piece, 0 if none yet */
};

struct pool {
    struct arena *a;
    struct slot *slots;
    size_t cap, n;
};

static uint32_t
hash_str(const char *s)
{
    uint32_t h = 2166136261u;

    while (*s) {
        h = (h ^ (unsigned char)*s++) * 16777619u;
    }
    return h;
}

/* The slot of s, added (with a copy of s in the pool's arena) if new. */
static struct slot *
pool_get(struct pool *p, const char *s)
{
    uint32_t h = hash_str(s);
    size_t i;

    if (2 * (p->n + 1) > p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 1024, k;
        struct slot *ns = xcalloc(cap, sizeof(*ns));

        for (k = 0; k < p->cap; k++) {
            if (p->slots[k].s != NULL) {
                for (i = p->slots[k].hash & (cap - 1); ns[i].s != NULL;
                     i = (i + 1) & (cap - 1)) {
                }
                ns[i] = p->slots[k];
            }
        }
        free(p->slots);
        p->slots = ns;
        p->cap = cap;
    }
    for (i = h & (p->cap - 1); p->slots[i].s != NULL;
         i = (i + 1) & (p->cap - 1)) {
        if (p->slots[i].hash == h && strcmp(p->slots[i].s, s) == 0) {
            return &p->slots[i];
        }
    }
    p->slots[i].s = arena_strdup(p->a, s);
    p->slots[i].hash = h;
    p->n++;
    return &p->slots[i];
}

static const char *
intern(struct pool *p, const char *s)
{
    return pool_get(p, s ? s : "")->s;
}

/* s stored once, and *fold set to its folded form, also stored once. */
static const char *
intern_fold(struct pool *p, struct arena *scratch, const char *s,
            const char **fold)
{
    struct slot *sl = pool_get(p, s ? s : "");

    if (sl->data == NULL) {
        sl->data = intern(p, str_fold(scratch, sl->s));
    }
    *fold = sl->data;
    return sl->s;
}

/* The number of folded text f as a piece of ix (f from the pool). */
static uint32_t
piece_of(struct dir_index *ix, struct pool *p, const char *f)
{
    struct slot *sl = pool_get(p, f);

    if (sl->piece == 0) {
        if ((ix->npieces & (ix->npieces - 1)) == 0) {
            int cap = ix->npieces ? ix->npieces * 2 : 64;

            ix->pieces = arena_realloc(&ix->arena, ix->pieces,
                                       sizeof(char *) * (size_t)ix->npieces,
                                       sizeof(char *) * (size_t)cap);
        }
        ix->pieces[ix->npieces] = sl->s;
        sl->piece = (uint32_t)++ix->npieces;
    }
    return sl->piece - 1;
}

/* Folded form of s as a piece number. */
static uint32_t
fold_piece(struct dir_index *ix, struct pool *p, struct arena *scratch,
           const char *s, const char **kept)
{
    const char *f;

    *kept = intern_fold(p, scratch, s, &f);
    return piece_of(ix, p, f);
}

/* Number of code in list (added when there is room), or -1. */
static int
code_id(const char **list, int *n, const char *code)
{
    int i;

    for (i = 0; i < *n; i++) {
        if (strcmp(list[i], code) == 0) {
            return i;
        }
    }
    if (*n == MAX_CODES) {
        return -1;
    }
    list[*n] = code;
    return (*n)++;
}

/* --- building ------------------------------------------------------------ */

/* "0463011" -> 463011 at level 0, "0463" at 1, "04" at 2; 0 if not a code
** of that level. */
static uint32_t
area_key(int level, const char *code)
{
    static const size_t len[3] = {7, 4, 2};
    uint32_t v = 0;
    size_t i;

    if (code == NULL || strlen(code) != len[level]) {
        return 0;
    }
    for (i = 0; i < len[level]; i++) {
        if (code[i] < '0' || code[i] > '9') {
            return 0;
        }
        v = v * 10 + (uint32_t)(code[i] - '0');
    }
    return (uint32_t)(level + 1) << 24 | v;
}

static int
area_cmp(const void *x, const void *y)
{
    const struct ix_area *a = x, *b = y;

    if (a->key != b->key) {
        return a->key < b->key ? -1 : 1;
    }
    return a->svc < b->svc ? -1 : a->svc > b->svc;
}

static const struct ix_service *rank_base;

static int
rank_cmp(const void *x, const void *y)
{
    const struct ix_service *a = &rank_base[*(const uint32_t *)x];
    const struct ix_service *b = &rank_base[*(const uint32_t *)y];
    int c = strcmp(a->fold_name, b->fold_name);

    return c != 0 ? c : (a->id < b->id ? -1 : a->id > b->id);
}

static int
org_find(const struct dir_index *ix, int64_t id)
{
    int lo = 0, hi = ix->norgs - 1;

    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;

        if (ix->orgs[mid].id == id) {
            return mid;
        }
        if (ix->orgs[mid].id < id) {
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return -1;
}

static int
svc_find(const struct dir_index *ix, int64_t id)
{
    int lo = 0, hi = ix->nsvc - 1;

    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;

        if (ix->svc[mid].id == id) {
            return mid;
        }
        if (ix->svc[mid].id < id) {
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return -1;
}

static int
read_version(struct db *db, int64_t *v)
{
    db_stmt *st = dir_store_rows(db, DIR_ROWS_VERSION);
    int rc = db_step(st);

    *v = rc == DB_ROW ? db_col_int(st, 0) : 0;
    db_done(st);
    return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_DB : rc;
}

static int
load_orgs(struct db *db, struct dir_index *ix, struct pool *p,
          struct arena *scratch)
{
    db_stmt *st = dir_store_rows(db, DIR_ROWS_ORGS);
    int rc, cap = 0;

    while ((rc = db_step(st)) == DB_ROW) {
        struct ix_org *o;
        const char *label;

        if (ix->norgs == cap) {
            cap = cap ? cap * 2 : 256;
            ix->orgs = arena_realloc(&ix->arena, ix->orgs,
                                     sizeof(*o) * (size_t)ix->norgs,
                                     sizeof(*o) * (size_t)cap);
        }
        o = &ix->orgs[ix->norgs++];
        o->id = db_col_int(st, 0);
        o->name = intern(p, db_col_text(st, 1));
        o->kind = intern(p, db_col_text(st, 2));
        o->confidential = db_col_int(st, 14) != 0;
        o->example = db_col_int(st, 15) != 0;
        /* A confidential address never enters the public index. */
        o->street = intern(p, o->confidential ? "" : db_col_text(st, 3));
        o->postcode = intern(p, o->confidential ? "" : db_col_text(st, 4));
        o->city = intern(p, db_col_text(st, 5));
        o->gmina = intern(p, db_col_text(st, 6));
        o->gmina_name = intern(p, db_col_text(st, 7));
        o->lat = intern(p, o->confidential ? "" : db_col_text(st, 8));
        o->lon = intern(p, o->confidential ? "" : db_col_text(st, 9));
        o->email = intern(p, db_col_text(st, 10));
        o->web = intern(p, db_col_text(st, 11));
        o->phone = intern(p, db_col_text(st, 12));
        o->hours = intern(p, db_col_text(st, 13));
        o->gkey = area_key(0, o->gmina) & 0xFFFFFF;
        /* The institution's part of the text dir_index_service indexes. */
        label = dir_kind_label(o->kind);
        o->piece = piece_of(
            ix, p,
            intern(p, str_fold(scratch,
                               arena_printf(scratch, "%s %s %s %s %s", o->name,
                                            o->city, o->street, o->gmina_name,
                                            label ? label : ""))));
    }
    db_done(st);
    return rc == DB_DONE ? 0 : rc;
}

/* Parsed hours of spec, stored once per distinct spec; NULL: unknown. */
static const struct dir_hours *
hours_of(struct pool *hp, struct arena *a, struct arena *scratch,
         const char *spec)
{
    struct slot *sl = pool_get(hp, spec);

    if (sl->data == NULL) {
        struct dir_hours *h = arena_alloc(a, sizeof(*h));
        const char *why;

        if (*spec == '\0' || dir_hours_parse(scratch, spec, h, &why) != 0 ||
            h->n == 0) {
            h->n = -1; /* unknown: no hours, or not readable */
        }
        sl->data = h;
    }
    return ((const struct dir_hours *)sl->data)->n < 0 ? NULL : sl->data;
}

/* Bits of the codes of ",a,b," (codes past the 64th have none). */
static uint64_t
target_mask(struct dir_index *ix, struct pool *p, struct arena *scratch,
            const char *codes)
{
    char *copy = arena_strdup(scratch, codes), *save = NULL, *c;
    uint64_t mask = 0;

    for (c = strtok_r(copy, ",", &save); c != NULL;
         c = strtok_r(NULL, ",", &save)) {
        int id = code_id(ix->targets, &ix->ntargets, intern(p, c));

        if (id >= 0) {
            mask |= (uint64_t)1 << id;
        }
    }
    return mask;
}

static int
load_services(struct db *db, struct dir_index *ix, struct pool *p,
              struct pool *hp, struct arena *scratch)
{
    db_stmt *st = dir_store_rows(db, DIR_ROWS_SERVICES);
    int rc, cap = 0, cat;

    while ((rc = db_step(st)) == DB_ROW) {
        struct ix_service *s;
        const char *phone, *hours;
        int org = org_find(ix, db_col_int(st, 1));

        if (org < 0) {
            continue; /* cannot happen: the foreign key cascades */
        }
        if (ix->nsvc == cap) {
            cap = cap ? cap * 2 : 1024;
            ix->svc = arena_realloc(&ix->arena, ix->svc,
                                    sizeof(*s) * (size_t)ix->nsvc,
                                    sizeof(*s) * (size_t)cap);
        }
        s = &ix->svc[ix->nsvc++];
        s->id = db_col_int(st, 0);
        s->org = &ix->orgs[org];
        s->name = intern_fold(p, scratch, db_col_text(st, 2), &s->fold_name);
        s->p_description =
            fold_piece(ix, p, scratch, db_col_text(st, 3), &s->description);
        s->category = intern(p, db_col_text(st, 4));
        cat = code_id(ix->cats, &ix->ncats, s->category);
        s->cat = (uint16_t)(cat < 0 ? MAX_CODES : cat);
        s->p_category =
            fold_piece(ix, p, scratch, db_col_text(st, 5), &s->category_name);
        s->cost = intern(p, db_col_text(st, 6));
        s->languages = intern(p, db_col_text(st, 7));
        s->how_to_apply = intern(p, db_col_text(st, 8));
        phone = db_col_text(st, 9);
        hours = db_col_text(st, 10);
        s->phone = *phone ? intern(p, phone) : s->org->phone;
        s->hours = *hours ? intern(p, hours) : s->org->hours;
        s->p_targets =
            fold_piece(ix, p, scratch, db_col_text(st, 11), &s->targets);
        s->target_codes = intern(p, db_col_text(st, 12));
        s->tmask = target_mask(ix, p, scratch, s->target_codes);
        s->open = hours_of(hp, &ix->arena, scratch, s->hours);
        /* Folding is per string; keep the scratch arena small. */
        if (ix->nsvc % 4096 == 0) {
            arena_free(scratch);
        }
    }
    db_done(st);
    return rc == DB_DONE ? 0 : rc;
}

static int
load_areas(struct db *db, struct dir_index *ix)
{
    db_stmt *st = dir_store_rows(db, DIR_ROWS_AREAS);
    int rc, cap = 0;

    while ((rc = db_step(st)) == DB_ROW) {
        const char *level = db_col_text(st, 1);
        int lv = level[0] == 'g' ? 0 : level[0] == 'p' ? 1 : 2;
        uint32_t key = area_key(lv, db_col_text(st, 2));
        int svc = svc_find(ix, db_col_int(st, 0));

        if (key == 0 || svc < 0) {
            continue;
        }
        if (ix->nareas == cap) {
            cap = cap ? cap * 2 : 1024;
            ix->areas =
                arena_realloc(&ix->arena, ix->areas,
                              sizeof(struct ix_area) * (size_t)ix->nareas,
                              sizeof(struct ix_area) * (size_t)cap);
        }
        ix->areas[ix->nareas].key = key;
        ix->areas[ix->nareas].svc = (uint32_t)svc;
        ix->areas[ix->nareas].gkey = ix->svc[svc].org->gkey;
        ix->areas[ix->nareas].cat = ix->svc[svc].cat;
        ix->areas[ix->nareas].tmask = ix->svc[svc].tmask;
        ix->nareas++;
    }
    db_done(st);
    if (rc != DB_DONE) {
        return rc;
    }
    if (ix->nareas > 1) {
        qsort(ix->areas, (size_t)ix->nareas, sizeof(*ix->areas), area_cmp);
    }
    return 0;
}

/* The categories (which 0) or target groups (1), in their order. */
static int
load_choices(struct db *db, struct dir_index *ix, int which)
{
    int n = dir_choices(db, &ix->arena, which, &ix->choices[which]);

    ix->nchoices[which] = n < 0 ? 0 : n;
    return n < 0 ? n : 0;
}

static void
index_free(struct dir_index *ix)
{
    if (ix != NULL) {
        arena_free(&ix->arena);
        free(ix);
    }
}

/* One build of the whole index from the tables; *out NULL on error. */
static int
build(struct db *db, int64_t version, struct dir_index **out)
{
    struct dir_index *ix = xcalloc(1, sizeof(*ix));
    struct pool p = {0}, hp = {0};
    struct arena scratch;
    uint32_t *order = NULL;
    int rc, i;

    *out = NULL;
    arena_init(&ix->arena);
    arena_init(&scratch);
    ix->version = version;
    p.a = hp.a = &ix->arena;
    if ((rc = load_orgs(db, ix, &p, &scratch)) != 0 ||
        (rc = load_services(db, ix, &p, &hp, &scratch)) != 0 ||
        (rc = load_areas(db, ix)) != 0 || (rc = load_choices(db, ix, 0)) != 0 ||
        (rc = load_choices(db, ix, 1)) != 0) {
        goto done;
    }
    /* Rank by folded name, then id: the order of equal scores. The
    ** comparator reads the array through a static: builds are serialised
    ** by build_lock. */
    order = xmalloc(sizeof(*order) * (size_t)(ix->nsvc + 1));
    for (i = 0; i < ix->nsvc; i++) {
        order[i] = (uint32_t)i;
    }
    rank_base = ix->svc;
    qsort(order, (size_t)ix->nsvc, sizeof(*order), rank_cmp);
    for (i = 0; i < ix->nsvc; i++) {
        ix->svc[order[i]].rank = (uint32_t)i;
    }
    *out = ix;
    ix = NULL;
done:
    free(order);
    free(p.slots);
    free(hp.slots);
    arena_free(&scratch);
    index_free(ix);
    return rc;
}

/* Drop a reference; the last one frees. */
static void
unref(struct dir_index *ix)
{
    bool last;

    if (ix == NULL) {
        return;
    }
    pthread_mutex_lock(&lock);
    last = --ix->refs == 0;
    pthread_mutex_unlock(&lock);
    if (last) {
        index_free(ix);
    }
}

static void
held_exit(void *ix)
{
    unref(ix);
}

static void
held_init(void)
{
    pthread_key_create(&held_key, held_exit);
}

/* The current index with a reference for the caller, built if it is not
** of version v. */
static int
get_current(struct db *db, int64_t v, struct dir_index **out)
{
    struct dir_index *ix = NULL;
    int64_t after;
    int rc, tries;

    *out = NULL;
    pthread_mutex_lock(&lock);
    if (current != NULL && current->version == v) {
        current->refs++;
        *out = current;
    }
    pthread_mutex_unlock(&lock);
    if (*out != NULL) {
        return 0;
    }
    /* One build at a time; those who waited find it done. */
    pthread_mutex_lock(&build_lock);
    pthread_mutex_lock(&lock);
    if (current != NULL && current->version == v) {
        current->refs++;
        *out = current;
    }
    pthread_mutex_unlock(&lock);
    for (tries = 0; *out == NULL && tries < BUILD_TRIES; tries++) {
        /* Read without a transaction (a read-only connection may not
        ** start one): the version read again after the build tells
        ** whether a write came in between; then read it all again. */
        if ((rc = build(db, v, &ix)) != 0 ||
            (rc = read_version(db, &after)) != 0) {
            index_free(ix);
            pthread_mutex_unlock(&build_lock);
            return rc;
        }
        if (after != v) {
            index_free(ix);
            ix = NULL;
            v = after;
            continue;
        }
        pthread_mutex_lock(&lock);
        if (current != NULL && --current->refs == 0) {
            index_free(current);
        }
        current = ix;
        ix->refs = 2; /* the current index, and this caller */
        *out = ix;
        pthread_mutex_unlock(&lock);
    }
    pthread_mutex_unlock(&build_lock);
    return *out != NULL ? 0 : ERR_DB;
}

int
dir_index_acquire(struct db *db, struct dir_index **out)
{
    struct dir_index *mine, *ix;
    int64_t v;
    int rc;

    *out = NULL;
    pthread_once(&held_once, held_init);
    if ((rc = read_version(db, &v)) != 0) {
        return rc;
    }
    mine = pthread_getspecific(held_key);
    if (mine != NULL && mine->version == v) {
        *out = mine;
        return 0;
    }
    if ((rc = get_current(db, v, &ix)) != 0) {
        return rc;
    }
    /* The thread now holds the new one; an older one may be freed. */
    pthread_setspecific(held_key, ix);
    unref(mine);
    *out = ix;
    return 0;
}

void
dir_index_drop(void)
{
    struct dir_index *mine;

    pthread_once(&held_once, held_init);
    mine = pthread_getspecific(held_key);
    pthread_setspecific(held_key, NULL);
    unref(mine);
    pthread_mutex_lock(&lock);
    mine = current;
    current = NULL;
    pthread_mutex_unlock(&lock);
    unref(mine);
}

int
dir_index_choices(const struct dir_index *ix, int which,
                  const struct dir_choice **out)
{
    *out = ix->choices[which != 0];
    return ix->nchoices[which != 0];
}

int
dir_index_count(const struct dir_index *ix)
{
    return ix->nsvc;
}

int64_t
dir_index_version(const struct dir_index *ix)
{
    return ix->version;
}

/* --- searching ----------------------------------------------------------- */

/* Whether tok (n bytes) starts a word of the folded text s. */
static bool
starts_word(const char *s, const char *tok, size_t n)
{
    const char *p = s;

    while ((p = strstr(p, tok)) != NULL) {
        if (p == s || p[-1] == ' ') {
            return true;
        }
        p += n;
    }
    return false;
}

/*
** What a search knows of its words: the tokens, and for each token and
** piece whether the token starts a word of the piece (0 not yet looked at,
** 1 no, 2 yes), so a text shared by many services is read once.
*/
struct words {
    char *tok[MAX_TERMS];
    size_t len[MAX_TERMS];
    int n;
    uint8_t *memo; /* n * ix->npieces */
};

static bool
piece_has(const struct dir_index *ix, struct words *w, int t, uint32_t piece)
{
    uint8_t *m = &w->memo[(size_t)t * (size_t)ix->npieces + piece];

    if (*m == 0) {
        *m = starts_word(ix->pieces[piece], w->tok[t], w->len[t]) ? 2 : 1;
    }
    return *m == 2;
}

/*
** Every token starts a word of the service's text: the score (one per
** token, one more when it starts a word of the name), or -1. The text is
** what dir_index_service puts in the FTS5 body, in its separate pieces.
*/
static int
match(const struct dir_index *ix, const struct ix_service *s, struct words *w)
{
    int score = 0, t;

    for (t = 0; t < w->n; t++) {
        if (starts_word(s->fold_name, w->tok[t], w->len[t])) {
            score += 2;
        } else if (piece_has(ix, w, t, s->org->piece) ||
                   piece_has(ix, w, t, s->p_description) ||
                   piece_has(ix, w, t, s->p_category) ||
                   piece_has(ix, w, t, s->p_targets)) {
            score++;
        } else {
            return -1;
        }
    }
    return score;
}

/* The services of area key: [*lo, *hi) of ix->areas. */
static void
area_range(const struct dir_index *ix, uint32_t key, int *lo, int *hi)
{
    int a = 0, b = ix->nareas;

    while (a < b) {
        int m = a + (b - a) / 2;

        if (ix->areas[m].key < key) {
            a = m + 1;
        } else {
            b = m;
        }
    }
    *lo = a;
    b = ix->nareas;
    while (a < b) {
        int m = a + (b - a) / 2;

        if (ix->areas[m].key <= key) {
            a = m + 1;
        } else {
            b = m;
        }
    }
    *hi = a;
}

/* Whether service svc is in [lo, hi) (sorted by service). */
static bool
in_range(const struct dir_index *ix, int lo, int hi, uint32_t svc)
{
    while (lo < hi) {
        int m = lo + (hi - lo) / 2;

        if (ix->areas[m].svc == svc) {
            return true;
        }
        if (ix->areas[m].svc < svc) {
            lo = m + 1;
        } else {
            hi = m;
        }
    }
    return false;
}

/* Same rule as the FTS5 filter: a code of lower-case letters and digits;
** anything else is no filter at all. */
static bool
is_code(const char *s)
{
    const char *p;

    if (s == NULL || *s == '\0' || strlen(s) > 32) {
        return false;
    }
    for (p = s; *p; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))) {
            return false;
        }
    }
    return true;
}

struct hit {
    const struct ix_service *s;
    int score;
    int near;     /* 0 located in the gmina, 1 in its powiat, 2 elsewhere */
    int open_now; /* 1, 0, -1; -2 not computed yet */
};

static int
hit_cmp(const void *x, const void *y)
{
    const struct hit *a = x, *b = y;

    if (a->near != b->near) {
        return a->near - b->near;
    }
    if (a->score != b->score) {
        return b->score - a->score;
    }
    return a->s->rank < b->s->rank ? -1 : a->s->rank > b->s->rank;
}

static int
open_at(const struct ix_service *s, int wday, int minute)
{
    if (s->open == NULL) {
        return -1;
    }
    return dir_hours_open_at(s->open, wday, minute) ? 1 : 0;
}

/* A page entry: its strings are the index's (borrowed). */
static void
view_of(const struct hit *h, enum dir_level level, struct dir_view *v)
{
    const struct ix_service *s = h->s;
    const struct ix_org *o = s->org;

    v->id = s->id;
    v->org_id = o->id;
    v->name = s->name;
    v->description = s->description;
    v->category = s->category;
    v->category_name = s->category_name;
    v->cost = s->cost;
    v->languages = s->languages;
    v->how_to_apply = s->how_to_apply;
    v->phone = s->phone;
    v->hours = s->hours;
    v->org_name = o->name;
    v->kind = o->kind;
    v->street = o->street;
    v->postcode = o->postcode;
    v->city = o->city;
    v->gmina = o->gmina;
    v->gmina_name = o->gmina_name;
    v->lat = o->lat;
    v->lon = o->lon;
    v->email = o->email;
    v->web = o->web;
    v->targets = s->targets;
    v->confidential = o->confidential;
    v->example = o->example;
    v->level = level;
    v->here = h->near == 0;
    v->open_now = h->open_now;
}

/* Number of code in list, or -1. */
static int
find_code(const char *const *list, int n, const char *code)
{
    int i;

    for (i = 0; i < n; i++) {
        if (strcmp(list[i], code) == 0) {
            return i;
        }
    }
    return -1;
}

int
dir_index_search(const struct dir_index *ix, struct arena *a,
                 const struct dir_query *q, struct dir_view **out, int total[3])
{
    struct words w = {.n = 0};
    char *folded, *save = NULL, *t;
    const char *target = NULL, *category = NULL;
    int level, wday, minute, n = 0, cap = 0, i, cat = -1;
    int limit = q->limit > 0 ? q->limit : 50;
    int offset = q->one_level && q->offset > 0 ? q->offset : 0;
    int lo[3], hi[3];
    uint32_t keys[3], gkey, pkey;
    uint64_t tmask = 0;
    struct dir_view *v = NULL;
    bool widen = dir_about_violence(q->category, q->target);
    bool keep[MAX_CODES];
    uint64_t vmask = 0;

    *out = NULL;
    for (i = 0; i < 7; i++) {
        if (q->gmina == NULL || q->gmina[i] < '0' || q->gmina[i] > '9') {
            return ERR_INPUT;
        }
    }
    if (q->gmina[7] != '\0') {
        return ERR_INPUT;
    }
    /* Filters, as in the FTS5 match: a code that is not one is no filter,
    ** a code no service has finds nothing. */
    if (is_code(q->category)) {
        cat = find_code(ix->cats, ix->ncats, q->category);
        if (cat < 0 && ix->ncats == MAX_CODES) {
            category = q->category; /* past the numbered ones: compare */
        } else if (cat < 0) {
            cat = MAX_CODES + 1; /* matches no service */
        }
    }
    if (is_code(q->target)) {
        int id = find_code(ix->targets, ix->ntargets, q->target);

        if (id >= 0) {
            tmask = (uint64_t)1 << id;
        } else {
            target = arena_printf(a, ",%s,", q->target);
        }
    }
    for (i = 0; i < MAX_CODES; i++) {
        keep[i] = widen && i < ix->ncats && dir_violence_category(ix->cats[i]);
    }
    /* As in the FTS5 match of such a filter: its target group counts too. */
    if (widen && (i = find_code(ix->targets, ix->ntargets, "przemoc")) >= 0) {
        vmask = (uint64_t)1 << i;
    }
    folded = str_fold(a, q->q ? q->q : "");
    for (t = strtok_r(folded, " ", &save); t != NULL && w.n < MAX_TERMS;
         t = strtok_r(NULL, " ", &save)) {
        w.tok[w.n] = t;
        w.len[w.n] = strlen(t);
        w.n++;
    }
    if (w.n > 0) {
        w.memo = arena_alloc(a, (size_t)w.n * (size_t)ix->npieces + 1);
    }
    dir_warsaw_time(q->now, &wday, &minute);
    keys[0] = area_key(0, q->gmina);
    keys[1] = area_key(1, arena_strndup(a, q->gmina, 4));
    keys[2] = area_key(2, arena_strndup(a, q->gmina, 2));
    gkey = keys[0] & 0xFFFFFF;
    pkey = gkey / 1000;
    for (level = 0; level < 3; level++) {
        area_range(ix, keys[level], &lo[level], &hi[level]);
    }
    for (level = 0; level < 3; level++) {
        struct hit *h =
            arena_alloc(a, sizeof(*h) * (size_t)(hi[level] - lo[level] + 1));
        int nh = 0, k, from, to;

        for (i = lo[level]; i < hi[level]; i++) {
            const struct ix_area *e = &ix->areas[i];
            const struct ix_service *s;
            int score, prev;
            bool earlier = false;

            bool kept =
                widen && ((e->cat < MAX_CODES && keep[e->cat]) ||
                          (e->tmask & vmask) != 0 ||
                          dir_violence_category(ix->svc[e->svc].category));

            if (!kept && ((cat >= 0 && e->cat != cat) ||
                          (tmask != 0 && (e->tmask & tmask) == 0))) {
                continue;
            }
            s = &ix->svc[e->svc];
            if (!kept &&
                ((target != NULL && strstr(s->target_codes, target) == NULL) ||
                 (category != NULL && strcmp(s->category, category) != 0))) {
                continue;
            }
            /* Listed once, at its most local level. */
            for (prev = 0; prev < level && !earlier; prev++) {
                earlier = in_range(ix, lo[prev], hi[prev], e->svc);
            }
            if (earlier || (score = match(ix, s, &w)) < 0) {
                continue;
            }
            h[nh].s = s;
            h[nh].score = score;
            h[nh].near = e->gkey == gkey ? 0 : e->gkey / 1000 == pkey ? 1 : 2;
            h[nh].open_now = -2;
            if (q->open_only) {
                h[nh].open_now = open_at(s, wday, minute);
                if (h[nh].open_now != 1) {
                    continue;
                }
            }
            nh++;
        }
        if (total != NULL) {
            total[level] = nh;
        }
        if (q->one_level && (int)q->level != level) {
            continue;
        }
        if (nh > 1) {
            qsort(h, (size_t)nh, sizeof(*h), hit_cmp);
        }
        from = offset < nh ? offset : nh;
        to = nh - from > limit ? from + limit : nh;
        for (k = from; k < to; k++) {
            if (n == cap) {
                int ncap = cap ? cap * 2 : 32;

                v = arena_realloc(a, v, sizeof(*v) * (size_t)cap,
                                  sizeof(*v) * (size_t)ncap);
                cap = ncap;
            }
            if (h[k].open_now == -2) {
                h[k].open_now = open_at(h[k].s, wday, minute);
            }
            view_of(&h[k], (enum dir_level)level, &v[n++]);
        }
    }
    *out = v;
    return n;
}
