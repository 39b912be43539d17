/*
** The in-memory search index of the directory: one read-only copy of the
** public directory per process, shared by the worker threads, so that a
** search with a gmina reads nothing from the database but one row (the
** log position), and its results point into the index (no copy). It
** holds, for every service, the record the public sees (the address of a
** confidential location is never loaded into it), the folded pieces of its
** search text and its parsed opening hours; and, for every gmina, powiat
** and region code, the sorted list of services covering it.
** A search walks the three short lists of the gmina's areas, matches the
** words as prefixes of folded words, sorts and cuts a page.
**
** The index is built whole from the tables (not from the FTS5 table) by
** the first search. Triggers log the id of every service a write touches
** in dir_change (migration 0012); an index remembers the last row it has
** read, and a search that finds newer rows makes a new index from the
** current one with only those services read again (a few milliseconds
** for 100 000 services, against a second for a whole build). A row
** saying "everything", an index too far behind (the log is pruned), or
** one whose shared text holds too much that is no longer used, is built
** whole again. An index is never changed once published: each worker
** thread holds a reference to the one it last used, so a search of an
** unchanged directory takes no lock at all; a replaced index is freed when
** the last thread holding it moves on to a newer one (or ends); with a few
** worker threads, an idle one may keep an old index alive until its next
** search. Strings repeated across services (descriptions, hours, category
** names...) are stored once, and so is what a service says besides its
** name (its profile), in text that the indexes made from one whole build
** share.
*/
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/str.h"
#include "db/db.h"
#include "directory.h"

#define MAX_TERMS 8
/* Log rows read into one new index; more are cheaper read whole. */
#define APPLY_MAX 20000
#define NONE UINT32_MAX

/* One institution as the public sees it. */
struct ix_org {
    int64_t id;
    const char *name, *kind, *street, *postcode, *city, *gmina;
    const char *gmina_name, *lat, *lon, *email, *web, *phone, *hours;
    const char *source, *verify;
    uint32_t piece; /* folded name, city, street, gmina name, kind label */
    uint32_t gkey;  /* the gmina as a number */
    bool confidential, example;
};

/*
** What a service says besides its name, stored once for all the services
** that say the same (the same description, category, hours, contact ...:
** a service offered alike by many institutions). Texts are numbers of
** strings stored once (ix->strs), not pointers: half the size.
*/
struct ix_profile {
    const struct dir_hours *open; /* parsed hours; NULL: unknown */
    uint32_t description, category, category_name, cost;
    uint32_t languages, how_to_apply;
    uint32_t phone, hours; /* the service's, else the institution's */
    uint32_t targets;      /* names joined by ", " */
    uint32_t target_codes; /* ",a,b," */
    /* The other folded pieces of its text, as numbers of ix->pieces. */
    uint32_t p_description, p_category, p_targets;
    uint32_t tmask; /* bit i: target ix->targets[i] (the first 32) */
    uint16_t cat;   /* number in ix->cats */
};

/*
** A service: 40 bytes, 56 with its area entry (1 000 000 services in
** about 60 MB, when their profiles repeat; a profile of its own adds
** about 90 bytes). An edit copies these arrays, so that is also what an
** edit costs for a moment on top of the index.
*/
struct ix_service {
    int64_t id;
    const struct ix_org *org;
    const struct ix_profile *pr;
    uint32_t name, fold_name; /* numbers of ix->strs */
    uint32_t rank; /* position by folded name, then id: ties of a search */
};

/*
** Coverage: (level << 24 | numeric code, service), sorted; with what the
** filters read, so a service that is filtered out is not even touched.
** 16 bytes.
*/
struct ix_area {
    uint32_t key;
    uint32_t svc;
    uint32_t tmask;
    uint16_t cat;
};

#define MAX_CODES 64
/* Target groups with a bit of their own; a filter by one past them
** compares the service's codes. */
#define MAX_TARGETS 32

/* --- strings stored once ----------------------------------------------- */

struct slot {
    const char *s;
    uint32_t hash;
    uint32_t piece;   /* 1 + its number as a piece, 0 if none yet */
    const void *data; /* the folded text or parsed hours of s */
    uint32_t num;     /* 1 + its number in strs, 0 if none yet */
    uint32_t fold;    /* 1 + the number of its folded text, 0 if none yet */
};

struct pool {
    struct arena *a;
    struct slot *slots;
    size_t cap, n;
};

/*
** What the indexes made from one whole build share: strings, institutions,
** parsed hours and folded pieces, in an arena that only grows (a new
** index adds what its changed services bring), freed with the last index
** using it. Only the builder (under build_lock) touches the pools and the
** pieces past an index's npieces.
*/
struct ix_text {
    atomic_int refs;
    struct arena arena;
    struct pool p, hp; /* strings; hours by their text */
    const char **pieces;
    int npieces;
    const char **strs; /* what services' numbers name */
    int nstrs;
    struct ix_profile **profiles; /* open addressing, by content */
    size_t nprofiles, pcap;
    int64_t applied; /* services read again since the whole build */
};

struct dir_index {
    int64_t epoch; /* dir_version.v: which database */
    int64_t pos;   /* the last row of dir_change read */
    int refs;      /* under lock; the current index holds one */
    struct ix_text *text;
    struct ix_service *svc; /* by id; this index's own, as areas */
    int nsvc;
    struct ix_area *areas;
    int nareas;
    const char **pieces; /* folded text shared by services, numbered */
    int npieces;
    const char *const *strs;     /* the services' texts, numbered */
    const char *cats[MAX_CODES]; /* category codes in use */
    int ncats;
    const char *targets[MAX_TARGETS]; /* target codes in use (first 32) */
    int ntargets;
    struct dir_choice *choices[2]; /* categories, target groups */
    int nchoices[2];
};

/* Where the change log stands, read by every search. */
struct head {
    int64_t epoch, newest, oldest;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER; /* current, refs */
static pthread_mutex_t build_lock = PTHREAD_MUTEX_INITIALIZER;
static struct dir_index *current;
/* The index each thread holds a reference to, so that a search of an
** unchanged directory takes no lock. */
static pthread_key_t held_key;
static pthread_once_t held_once = PTHREAD_ONCE_INIT;
/* For /metrics: whole builds, and services read again from the log. */
static atomic_llong builds, applied;

/* A hash of the n bytes of s (str_hash64, eight at a time: a build hashes
** every text of every service; a byte at a time was 9 % of a build of
** 1 000 000). */
static uint32_t
hash_text(const char *s, size_t n)
{
    return (uint32_t)str_hash64(s, n);
}

/* The slot of s, added (with a copy of s in the pool's arena) if new. */
static struct slot *
pool_get(struct pool *p, const char *s)
{
    uint32_t h = hash_text(s, strlen(s));
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

/* The number of s in the table *list of *n, given it (*num: 1 + it) if
** it has none yet. The table grows in the arena: indexes published before
** keep reading the one they have, below their own count. */
static uint32_t
numbered(struct arena *a, const char ***list, int *n, uint32_t *num,
         const char *s)
{
    if (*num == 0) {
        if ((*n & (*n - 1)) == 0) {
            int cap = *n ? *n * 2 : 64;

            *list = arena_realloc(a, *list, sizeof(char *) * (size_t)*n,
                                  sizeof(char *) * (size_t)cap);
        }
        (*list)[*n] = s;
        *num = (uint32_t)++ * n;
    }
    return *num - 1;
}

static uint32_t
str_num(struct ix_text *t, struct slot *sl)
{
    return numbered(&t->arena, &t->strs, &t->nstrs, &sl->num, sl->s);
}

/* s stored once, as a number of t->strs. */
static uint32_t
intern_num(struct ix_text *t, const char *s)
{
    return str_num(t, pool_get(&t->p, s ? s : ""));
}

/* s stored once, as a number, and *fold set to the number of its folded
** form, also stored once. */
static uint32_t
intern_fold(struct ix_text *t, struct arena *scratch, const char *s,
            uint32_t *fold)
{
    struct slot *sl = pool_get(&t->p, s ? s : "");

    if (sl->fold == 0) {
        uint32_t f = 1 + intern_num(t, str_fold(scratch, sl->s));

        /* adding the folded form may have grown the pool, and moved the
        ** slots (a directory of many distinct names): find s again */
        sl = pool_get(&t->p, s ? s : "");
        sl->fold = f;
    }
    *fold = sl->fold - 1;
    return str_num(t, sl);
}

/* The number of folded text f as a piece. */
static uint32_t
piece_of(struct ix_text *t, const char *f)
{
    struct slot *sl = pool_get(&t->p, f);

    return numbered(&t->arena, &t->pieces, &t->npieces, &sl->piece, sl->s);
}

/* Folded form of s as a piece number; *kept s as a string number. */
static uint32_t
fold_piece(struct ix_text *t, struct arena *scratch, const char *s,
           uint32_t *kept)
{
    uint32_t f;

    *kept = intern_fold(t, scratch, s, &f);
    return piece_of(t, t->strs[f]);
}

/* Number of code in list of max (added when there is room), or -1. */
static int
code_id(const char **list, int *n, int max, const char *code)
{
    int i;

    for (i = 0; i < *n; i++) {
        if (strcmp(list[i], code) == 0) {
            return i;
        }
    }
    if (*n == max) {
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
static const char *const *rank_strs;

static int
rank_cmp(const void *x, const void *y)
{
    const struct ix_service *a = &rank_base[*(const uint32_t *)x];
    const struct ix_service *b = &rank_base[*(const uint32_t *)y];
    int c = a->fold_name == b->fold_name
                ? 0
                : strcmp(rank_strs[a->fold_name], rank_strs[b->fold_name]);

    return c != 0 ? c : (a->id < b->id ? -1 : a->id > b->id);
}

static int
org_find(const struct ix_org *orgs, int n, int64_t id)
{
    int lo = 0, hi = n - 1;

    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;

        if (orgs[mid].id == id) {
            return mid;
        }
        if (orgs[mid].id < id) {
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
read_head(struct db *db, struct head *h)
{
    db_stmt *st = dir_store_rows(db, DIR_ROWS_VERSION, 0);
    int rc = db_step(st);

    h->epoch = rc == DB_ROW ? db_col_int(st, 0) : 0;
    h->newest = rc == DB_ROW ? db_col_int(st, 1) : 0;
    h->oldest = rc == DB_ROW ? db_col_int(st, 2) : 0;
    db_done(st);
    return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_DB : rc;
}

/* The institution of the current row, its columns (DIR_IDX_ORG_COLS) from
** c on. */
static void
read_org(struct ix_text *t, struct arena *scratch, db_stmt *st, int c,
         struct ix_org *o)
{
    struct pool *p = &t->p;
    const char *label;

    o->id = db_col_int(st, c);
    o->name = intern(p, db_col_text(st, c + 1));
    o->kind = intern(p, db_col_text(st, c + 2));
    o->confidential = db_col_int(st, c + 14) != 0;
    o->example = db_col_int(st, c + 15) != 0;
    /* A confidential address never enters the public index. */
    o->street = intern(p, o->confidential ? "" : db_col_text(st, c + 3));
    o->postcode = intern(p, o->confidential ? "" : db_col_text(st, c + 4));
    o->city = intern(p, db_col_text(st, c + 5));
    o->gmina = intern(p, db_col_text(st, c + 6));
    o->gmina_name = intern(p, db_col_text(st, c + 7));
    o->lat = intern(p, o->confidential ? "" : db_col_text(st, c + 8));
    o->lon = intern(p, o->confidential ? "" : db_col_text(st, c + 9));
    o->email = intern(p, db_col_text(st, c + 10));
    o->web = intern(p, db_col_text(st, c + 11));
    o->phone = intern(p, db_col_text(st, c + 12));
    o->source = intern(p, db_col_text(st, c + 16));
    o->verify = intern(p, db_col_text(st, c + 17));
    o->hours = intern(p, db_col_text(st, c + 13));
    o->gkey = area_key(0, o->gmina) & 0xFFFFFF;
    /* The institution's part of the text dir_index_service indexes. */
    label = dir_kind_label(o->kind);
    o->piece = piece_of(
        t, intern(p, str_fold(scratch,
                              arena_printf(scratch, "%s %s %s %s %s", o->name,
                                           o->city, o->street, o->gmina_name,
                                           label ? label : ""))));
}

static int
load_orgs(struct db *db, struct ix_text *t, struct arena *scratch,
          struct ix_org **orgs, int *norgs)
{
    db_stmt *st = dir_store_rows(db, DIR_ROWS_ORGS, 0);
    int rc, cap = 0;

    while ((rc = db_step(st)) == DB_ROW) {
        if (*norgs == cap) {
            cap = cap ? cap * 2 : 256;
            *orgs =
                arena_realloc(&t->arena, *orgs, sizeof(**orgs) * (size_t)*norgs,
                              sizeof(**orgs) * (size_t)cap);
        }
        read_org(t, scratch, st, 0, &(*orgs)[(*norgs)++]);
    }
    db_done(st);
    return rc == DB_DONE ? 0 : rc;
}

/* Parsed hours of spec, stored once per distinct spec; NULL: unknown. */
static const struct dir_hours *
hours_of(struct ix_text *t, struct arena *scratch, const char *spec)
{
    struct slot *sl = pool_get(&t->hp, spec);

    if (sl->data == NULL) {
        struct dir_hours *h = arena_alloc(&t->arena, sizeof(*h));
        const char *why;

        if (*spec == '\0' || dir_hours_parse(scratch, spec, h, &why) != 0 ||
            h->n == 0) {
            h->n = -1; /* unknown: no hours, or not readable */
        }
        sl->data = h;
    }
    return ((const struct dir_hours *)sl->data)->n < 0 ? NULL : sl->data;
}

/* Bits of the codes of ",a,b," (codes past the 32nd have none). */
static uint32_t
target_mask(struct dir_index *ix, struct arena *scratch, const char *codes)
{
    char *copy = arena_strdup(scratch, codes), *save = NULL, *c;
    uint32_t mask = 0;

    for (c = strtok_r(copy, ",", &save); c != NULL;
         c = strtok_r(NULL, ",", &save)) {
        int id = code_id(ix->targets, &ix->ntargets, MAX_TARGETS,
                         intern(&ix->text->p, c));

        if (id >= 0) {
            mask |= (uint32_t)1 << id;
        }
    }
    return mask;
}

/* Profile p stored once (p zeroed before it was filled: its padding is
** hashed and compared too). */
static const struct ix_profile *
profile_of(struct ix_text *t, const struct ix_profile *p)
{
    size_t i, k;

    if (2 * (t->nprofiles + 1) > t->pcap) {
        size_t cap = t->pcap ? t->pcap * 2 : 1024;
        struct ix_profile **nt = xcalloc(cap, sizeof(*nt));

        for (k = 0; k < t->pcap; k++) {
            if (t->profiles[k] != NULL) {
                for (i = hash_text((const char *)t->profiles[k], sizeof(*p)) &
                         (cap - 1);
                     nt[i] != NULL; i = (i + 1) & (cap - 1)) {
                }
                nt[i] = t->profiles[k];
            }
        }
        free(t->profiles);
        t->profiles = nt;
        t->pcap = cap;
    }
    for (i = hash_text((const char *)p, sizeof(*p)) & (t->pcap - 1);
         t->profiles[i] != NULL; i = (i + 1) & (t->pcap - 1)) {
        if (memcmp(t->profiles[i], p, sizeof(*p)) == 0) {
            return t->profiles[i];
        }
    }
    t->profiles[i] = arena_alloc(&t->arena, sizeof(*p));
    memcpy(t->profiles[i], p, sizeof(*p));
    t->nprofiles++;
    return t->profiles[i];
}

/* The service of the current row (DIR_IDX_SERVICE_COLS), of institution
** org. */
static void
read_service(struct dir_index *ix, struct arena *scratch, db_stmt *st,
             const struct ix_org *org, struct ix_service *s)
{
    struct ix_text *t = ix->text;
    const char *phone, *hours;
    struct ix_profile p;
    int cat;

    memset(&p, 0, sizeof(p));
    s->id = db_col_int(st, 0);
    s->org = org;
    s->name = intern_fold(t, scratch, db_col_text(st, 2), &s->fold_name);
    p.p_description =
        fold_piece(t, scratch, db_col_text(st, 3), &p.description);
    p.category = intern_num(t, db_col_text(st, 4));
    cat = code_id(ix->cats, &ix->ncats, MAX_CODES, t->strs[p.category]);
    p.cat = (uint16_t)(cat < 0 ? MAX_CODES : cat);
    p.p_category = fold_piece(t, scratch, db_col_text(st, 5), &p.category_name);
    p.cost = intern_num(t, db_col_text(st, 6));
    p.languages = intern_num(t, db_col_text(st, 7));
    p.how_to_apply = intern_num(t, db_col_text(st, 8));
    phone = db_col_text(st, 9);
    hours = db_col_text(st, 10);
    p.phone = intern_num(t, *phone ? phone : org->phone);
    p.hours = intern_num(t, *hours ? hours : org->hours);
    p.p_targets = fold_piece(t, scratch, db_col_text(st, 11), &p.targets);
    p.target_codes = intern_num(t, db_col_text(st, 12));
    p.tmask = target_mask(ix, scratch, t->strs[p.target_codes]);
    p.open = hours_of(t, scratch, t->strs[p.hours]);
    s->pr = profile_of(t, &p);
}

static int
load_services(struct db *db, struct dir_index *ix, struct arena *scratch,
              const struct ix_org *orgs, int norgs)
{
    db_stmt *st = dir_store_rows(db, DIR_ROWS_SERVICES, 0);
    int rc, cap = 0;

    while ((rc = db_step(st)) == DB_ROW) {
        int org = org_find(orgs, norgs, db_col_int(st, 1));

        if (org < 0) {
            continue; /* a write between the two reads: in the log */
        }
        if (ix->nsvc == cap) {
            cap = cap ? cap * 2 : 1024;
            ix->svc = xrealloc(ix->svc, sizeof(*ix->svc) * (size_t)cap);
        }
        read_service(ix, scratch, st, &orgs[org], &ix->svc[ix->nsvc++]);
        /* Folding is per string; keep the scratch arena small. */
        if (ix->nsvc % 4096 == 0) {
            arena_free(scratch);
        }
    }
    db_done(st);
    return rc == DB_DONE ? 0 : rc;
}

/* Append the area of the current row (service_id, level, code) for
** service number svc, unless its code is not one. */
static void
add_area(struct ix_area **areas, int *n, int *cap, db_stmt *st,
         const struct ix_service *s, uint32_t svc)
{
    const char *level = db_col_text(st, 1);
    int lv = level[0] == 'g' ? 0 : level[0] == 'p' ? 1 : 2;
    uint32_t key = area_key(lv, db_col_text(st, 2));

    if (key == 0) {
        return;
    }
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 1024;
        *areas = xrealloc(*areas, sizeof(**areas) * (size_t)*cap);
    }
    (*areas)[*n].key = key;
    (*areas)[*n].svc = svc;
    (*areas)[*n].cat = s->pr->cat;
    (*areas)[*n].tmask = s->pr->tmask;
    (*n)++;
}

static int
load_areas(struct db *db, struct dir_index *ix)
{
    db_stmt *st = dir_store_rows(db, DIR_ROWS_AREAS, 0);
    int rc, cap = 0;

    while ((rc = db_step(st)) == DB_ROW) {
        int svc = svc_find(ix, db_col_int(st, 0));

        if (svc >= 0) {
            add_area(&ix->areas, &ix->nareas, &cap, st, &ix->svc[svc],
                     (uint32_t)svc);
        }
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
    int n = dir_choices(db, &ix->text->arena, which, &ix->choices[which]);

    ix->nchoices[which] = n < 0 ? 0 : n;
    return n < 0 ? n : 0;
}

static void
index_free(struct dir_index *ix)
{
    if (ix == NULL) {
        return;
    }
    if (atomic_fetch_sub(&ix->text->refs, 1) == 1) {
        arena_free(&ix->text->arena);
        free(ix->text->p.slots);
        free(ix->text->hp.slots);
        free(ix->text->profiles);
        free(ix->text);
    }
    free(ix->svc);
    free(ix->areas);
    free(ix);
}

static int
name_cmp(const void *x, const void *y)
{
    return strcmp(rank_strs[*(const uint32_t *)x],
                  rank_strs[*(const uint32_t *)y]);
}

/* Rank by folded name, then id: the order of equal scores. The distinct
** names are sorted, then the services (in id order) counted out by name:
** sorting 1 000 000 services by name with strcmp was 13 % of a build. The
** comparator reads the names through a static: builds are serialised by
** build_lock. */
static void
rank_all(struct dir_index *ix)
{
    uint32_t ns = (uint32_t)ix->text->nstrs, k = 0, j, *pos, *names, *at;
    int i;

    pos = xcalloc((size_t)ns + 1, sizeof(*pos)); /* 1 + the name's order */
    names = xmalloc(sizeof(*names) * ((size_t)ix->nsvc + 1));
    for (i = 0; i < ix->nsvc; i++) {
        if (pos[ix->svc[i].fold_name] == 0) {
            pos[ix->svc[i].fold_name] = 1;
            names[k++] = ix->svc[i].fold_name;
        }
    }
    rank_strs = ix->text->strs;
    qsort(names, k, sizeof(*names), name_cmp);
    at = xcalloc((size_t)k + 1, sizeof(*at)); /* first rank of each name */
    for (j = 0; j < k; j++) {
        pos[names[j]] = j + 1;
    }
    for (i = 0; i < ix->nsvc; i++) {
        at[pos[ix->svc[i].fold_name]]++;
    }
    for (j = 1; j <= k; j++) {
        at[j] += at[j - 1];
    }
    for (i = 0; i < ix->nsvc; i++) { /* by id within a name */
        ix->svc[i].rank = at[pos[ix->svc[i].fold_name] - 1]++;
    }
    free(pos);
    free(names);
    free(at);
}

/*
** One build of the whole index from the tables, at log position pos (read
** before: a write after it is read again from the log); *out NULL on
** error.
*/
static int
build(struct db *db, const struct head *h, struct dir_index **out)
{
    struct dir_index *ix = xcalloc(1, sizeof(*ix));
    struct ix_text *t = xcalloc(1, sizeof(*t));
    struct ix_org *orgs = NULL;
    struct arena scratch;
    int rc, norgs = 0;

    *out = NULL;
    atomic_init(&t->refs, 1);
    arena_init(&t->arena);
    t->p.a = t->hp.a = &t->arena;
    ix->text = t;
    ix->epoch = h->epoch;
    ix->pos = h->newest;
    arena_init(&scratch);
    if ((rc = load_orgs(db, t, &scratch, &orgs, &norgs)) != 0 ||
        (rc = load_services(db, ix, &scratch, orgs, norgs)) != 0 ||
        (rc = load_areas(db, ix)) != 0 || (rc = load_choices(db, ix, 0)) != 0 ||
        (rc = load_choices(db, ix, 1)) != 0) {
        goto done;
    }
    rank_all(ix);
    ix->pieces = t->pieces;
    ix->npieces = t->npieces;
    ix->strs = t->strs;
    atomic_fetch_add(&builds, 1);
    *out = ix;
    ix = NULL;
done:
    arena_free(&scratch);
    index_free(ix);
    return rc;
}

static int
id_cmp(const void *x, const void *y)
{
    int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;

    return a < b ? -1 : a > b;
}

/*
** The services named in the log after position after, sorted and
** distinct, into *ids (malloc'ed) and their count into *n; *pos the last
** row read. *all when the whole directory is to be read instead.
*/
static int
read_changes(struct db *db, int64_t after, int64_t **ids, int *n, int64_t *pos,
             bool *all)
{
    db_stmt *st = dir_store_changes(db, after, APPLY_MAX + 1);
    int rc = 0, rows = 0, i, k = 0;

    *ids = xmalloc(sizeof(**ids) * (APPLY_MAX + 1));
    *all = false;
    while (!*all && (rc = db_step(st)) == DB_ROW) {
        *all = db_col_null(st, 1) || rows == APPLY_MAX;
        *pos = db_col_int(st, 0);
        (*ids)[rows++] = db_col_int(st, 1);
    }
    db_done(st);
    if (!*all && rc != DB_DONE) {
        return rc;
    }
    qsort(*ids, (size_t)rows, sizeof(**ids), id_cmp);
    for (i = 0; i < rows; i++) {
        if (k == 0 || (*ids)[i] != (*ids)[k - 1]) {
            (*ids)[k++] = (*ids)[i];
        }
    }
    *n = k;
    return 0;
}

/* The services of ids (sorted) read again: those still there into fresh
** (in id order), their areas into *areas with svc their number in fresh. */
static int
read_services(struct db *db, struct dir_index *ix, const int64_t *ids, int nids,
              struct ix_service *fresh, int *nfresh, struct ix_area **areas,
              int *nareas)
{
    struct arena scratch;
    int rc = 0, i, cap = 0;

    arena_init(&scratch);
    for (i = 0; i < nids && rc == 0; i++) {
        db_stmt *st = dir_store_rows(db, DIR_ROWS_SERVICE, ids[i]);
        struct ix_service *s = &fresh[*nfresh];

        if ((rc = db_step(st)) == DB_ROW) {
            struct ix_org *o = arena_alloc(&ix->text->arena, sizeof(*o));

            read_org(ix->text, &scratch, st, 13, o);
            read_service(ix, &scratch, st, o, s);
        }
        db_done(st);
        if (rc != DB_ROW) {
            rc = rc == DB_DONE ? 0 : rc; /* DB_DONE: deleted */
            continue;
        }
        st = dir_store_rows(db, DIR_ROWS_AREAS_OF, ids[i]);
        while ((rc = db_step(st)) == DB_ROW) {
            add_area(areas, nareas, &cap, st, s, (uint32_t)*nfresh);
        }
        db_done(st);
        rc = rc == DB_DONE ? 0 : rc;
        (*nfresh)++;
    }
    arena_free(&scratch);
    return rc;
}

/* Ranks of ix from those of old (kept[] the new numbers of old's services
** still there, by old number, or NONE) and the fresh services at the
** numbers in fresh[0..n): merges the two orders. */
static void
rank_merge(struct dir_index *ix, const struct dir_index *old,
           const uint32_t *kept, const uint32_t *fresh, int n)
{
    uint32_t *byrank = xmalloc(sizeof(*byrank) * (size_t)(old->nsvc + 1));
    uint32_t *nums = xmalloc(sizeof(*nums) * (size_t)(n + 1));
    uint32_t r = 0;
    int i, j = 0;

    for (i = 0; i < old->nsvc; i++) {
        byrank[old->svc[i].rank] = (uint32_t)i;
    }
    memcpy(nums, fresh, sizeof(*nums) * (size_t)n);
    rank_base = ix->svc;
    rank_strs = ix->text->strs;
    qsort(nums, (size_t)n, sizeof(*nums), rank_cmp);
    for (i = 0; i < old->nsvc; i++) {
        uint32_t k = kept[byrank[i]];

        if (k == NONE) {
            continue;
        }
        for (; j < n && rank_cmp(&nums[j], &k) < 0; j++) {
            ix->svc[nums[j]].rank = r++;
        }
        ix->svc[k].rank = r++;
    }
    for (; j < n; j++) {
        ix->svc[nums[j]].rank = r++;
    }
    free(byrank);
    free(nums);
}

/*
** A new index: old with the services of ids (sorted, distinct) read
** again, at log position pos. Only old's text grows; old itself is left
** as its readers see it.
*/
static int
apply(struct db *db, const struct dir_index *old, const int64_t *ids, int nids,
      int64_t pos, struct dir_index **out)
{
    struct dir_index *ix = xmalloc(sizeof(*ix));
    struct ix_service *fresh = xmalloc(sizeof(*fresh) * (size_t)(nids + 1));
    struct ix_area *fa = NULL;
    uint32_t *kept = xmalloc(sizeof(*kept) * (size_t)(old->nsvc + 1));
    uint32_t *nums = xmalloc(sizeof(*nums) * (size_t)(nids + 1));
    int rc, nfresh = 0, nfa = 0, i = 0, j = 0, k = 0, n = 0, a, b;

    *out = NULL;
    *ix = *old;
    ix->refs = 0;
    atomic_fetch_add(&ix->text->refs, 1);
    ix->svc = xmalloc(sizeof(*ix->svc) * (size_t)(old->nsvc + nids + 1));
    ix->areas = NULL;
    ix->pos = pos;
    if ((rc = read_services(db, ix, ids, nids, fresh, &nfresh, &fa, &nfa)) !=
        0) {
        goto done;
    }
    /* Services by id: old's, less those of ids, merged with the fresh. */
    while (i < old->nsvc || j < nfresh) {
        if (j < nfresh && (i == old->nsvc || fresh[j].id < old->svc[i].id)) {
            nums[j] = (uint32_t)n;
            ix->svc[n++] = fresh[j++];
            continue;
        }
        while (k < nids && ids[k] < old->svc[i].id) {
            k++;
        }
        kept[i] = k < nids && ids[k] == old->svc[i].id ? NONE : (uint32_t)n;
        if (kept[i] != NONE) {
            ix->svc[n++] = old->svc[i];
        }
        i++;
    }
    ix->nsvc = n;
    rank_merge(ix, old, kept, nums, nfresh);
    /* Areas: old's of services kept keep their order (their numbers only
    ** grow together); the fresh ones, sorted, merged in. */
    for (i = 0; i < nfa; i++) {
        fa[i].svc = nums[fa[i].svc];
    }
    if (nfa > 1) {
        qsort(fa, (size_t)nfa, sizeof(*fa), area_cmp);
    }
    ix->areas = xmalloc(sizeof(*ix->areas) * (size_t)(old->nareas + nfa + 1));
    ix->nareas = 0;
    for (a = 0, b = 0; a < old->nareas || b < nfa;) {
        struct ix_area e = {0};

        if (a < old->nareas) {
            e = old->areas[a];
            e.svc = kept[e.svc];
            if (e.svc == NONE) {
                a++;
                continue;
            }
        }
        if (b < nfa && (a == old->nareas || area_cmp(&fa[b], &e) < 0)) {
            ix->areas[ix->nareas++] = fa[b++];
        } else {
            ix->areas[ix->nareas++] = e;
            a++;
        }
    }
    ix->pieces = ix->text->pieces;
    ix->npieces = ix->text->npieces;
    ix->strs = ix->text->strs;
    ix->text->applied += nids;
    atomic_fetch_add(&applied, nids);
    *out = ix;
    ix = NULL;
done:
    free(fresh);
    free(fa);
    free(kept);
    free(nums);
    index_free(ix);
    return rc;
}

/*
** A new index of the directory at h (at least), from cur (NULL: none) by
** the log when it can be, else whole. Under build_lock.
*/
static int
refresh(struct db *db, const struct dir_index *cur, const struct head *h,
        struct dir_index **out)
{
    int64_t *ids = NULL, pos = 0;
    struct head again;
    int rc, n = 0;
    bool all = true;

    /* The log holds every row after cur's position, and cur's text is not
    ** mostly services read again since. */
    if (cur != NULL && cur->epoch == h->epoch && cur->pos < h->newest &&
        h->oldest <= cur->pos + 1 &&
        cur->text->applied <= cur->nsvc / 2 + APPLY_MAX) {
        pos = cur->pos;
        if ((rc = read_changes(db, cur->pos, &ids, &n, &pos, &all)) != 0 ||
            (rc = read_head(db, &again)) != 0) {
            free(ids);
            return rc;
        }
        /* Pruned past cur's position before the rows were read. */
        all = all || again.oldest > cur->pos + 1;
    }
    rc = all ? build(db, h, out) : apply(db, cur, ids, n, pos, out);
    free(ids);
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

static bool
is_at(const struct dir_index *ix, const struct head *h)
{
    return ix != NULL && ix->epoch == h->epoch && ix->pos == h->newest;
}

/* The current index if it is at h, with a reference for the caller. */
static struct dir_index *
current_at(const struct head *h)
{
    struct dir_index *ix = NULL;

    pthread_mutex_lock(&lock);
    if (is_at(current, h)) {
        current->refs++;
        ix = current;
    }
    pthread_mutex_unlock(&lock);
    return ix;
}

/* The current index with a reference for the caller, made anew if it is
** not at h. */
static int
get_current(struct db *db, const struct head *h, struct dir_index **out)
{
    struct dir_index *ix;
    struct head now;
    int rc;

    if ((*out = current_at(h)) != NULL) {
        return 0;
    }
    /* One refresh at a time; those who waited find it done. Another
    ** thread may have gone past h: the head read now says where to be. */
    pthread_mutex_lock(&build_lock);
    if ((rc = read_head(db, &now)) == 0 && (*out = current_at(&now)) == NULL &&
        (rc = refresh(db, current, &now, &ix)) == 0) {
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
    return rc;
}

int
dir_index_acquire(struct db *db, struct dir_index **out)
{
    struct dir_index *mine, *ix;
    struct head h;
    int rc;

    *out = NULL;
    pthread_once(&held_once, held_init);
    if ((rc = read_head(db, &h)) != 0) {
        return rc;
    }
    mine = pthread_getspecific(held_key);
    if (is_at(mine, &h)) {
        *out = mine;
        return 0;
    }
    if ((rc = get_current(db, &h, &ix)) != 0) {
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

void
dir_index_counters(int64_t *whole, int64_t *services)
{
    *whole = atomic_load(&builds);
    *services = atomic_load(&applied);
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
    return ix->pos;
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
        if (starts_word(ix->strs[s->fold_name], w->tok[t], w->len[t])) {
            score += 2;
        } else if (piece_has(ix, w, t, s->org->piece) ||
                   piece_has(ix, w, t, s->pr->p_description) ||
                   piece_has(ix, w, t, s->pr->p_category) ||
                   piece_has(ix, w, t, s->pr->p_targets)) {
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

bool
dir_is_code(const char *s)
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
    if (s->pr->open == NULL) {
        return -1;
    }
    return dir_hours_open_at(s->pr->open, wday, minute) ? 1 : 0;
}

/* A page entry: its strings are the index's (borrowed). */
static void
view_of(const struct dir_index *ix, const struct hit *h, enum dir_level level,
        struct dir_view *v)
{
    const struct ix_service *s = h->s;
    const struct ix_org *o = s->org;
    const char *const *str = ix->strs;

    v->id = s->id;
    v->org_id = o->id;
    v->name = str[s->name];
    v->description = str[s->pr->description];
    v->category = str[s->pr->category];
    v->category_name = str[s->pr->category_name];
    v->cost = str[s->pr->cost];
    v->languages = str[s->pr->languages];
    v->how_to_apply = str[s->pr->how_to_apply];
    v->phone = str[s->pr->phone];
    v->hours = str[s->pr->hours];
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
    v->targets = str[s->pr->targets];
    v->source = o->source;
    v->verify = o->verify;
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
    uint32_t tmask = 0;
    struct dir_view *v = NULL;
    bool widen = dir_about_violence(q->category, q->target);
    bool keep[MAX_CODES];
    uint32_t vmask = 0;

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
    if (dir_is_code(q->category)) {
        cat = find_code(ix->cats, ix->ncats, q->category);
        if (cat < 0 && ix->ncats == MAX_CODES) {
            category = q->category; /* past the numbered ones: compare */
        } else if (cat < 0) {
            cat = MAX_CODES + 1; /* matches no service */
        }
    }
    if (dir_is_code(q->target)) {
        int id = find_code(ix->targets, ix->ntargets, q->target);

        if (id >= 0) {
            tmask = (uint32_t)1 << id;
        } else {
            target = arena_printf(a, ",%s,", q->target);
        }
    }
    for (i = 0; i < MAX_CODES; i++) {
        keep[i] = widen && i < ix->ncats && dir_violence_category(ix->cats[i]);
    }
    /* As in the FTS5 match of such a filter: its target group counts too. */
    if (widen && (i = find_code(ix->targets, ix->ntargets, "przemoc")) >= 0) {
        vmask = (uint32_t)1 << i;
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
                widen &&
                ((e->cat < MAX_CODES && keep[e->cat]) ||
                 (e->tmask & vmask) != 0 ||
                 dir_violence_category(ix->strs[ix->svc[e->svc].pr->category]));

            if (!kept && ((cat >= 0 && e->cat != cat) ||
                          (tmask != 0 && (e->tmask & tmask) == 0))) {
                continue;
            }
            s = &ix->svc[e->svc];
            if (!kept &&
                ((target != NULL &&
                  strstr(ix->strs[s->pr->target_codes], target) == NULL) ||
                 (category != NULL &&
                  strcmp(ix->strs[s->pr->category], category) != 0))) {
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
            h[nh].near = s->org->gkey == gkey          ? 0
                         : s->org->gkey / 1000 == pkey ? 1
                                                       : 2;
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
            view_of(ix, &h[k], (enum dir_level)level, &v[n++]);
        }
    }
    *out = v;
    return n;
}
