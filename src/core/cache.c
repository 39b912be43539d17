/*
** The answers' table (cache.h). The entries of a set lie side by side in
** one array; a set's lock guards its entries and its clock of uses. The
** byte count is one atomic per table, so a set's eviction sees the bytes
** other sets hold without taking their locks. Tables register themselves
** for /metrics on first use.
*/
#include "cache.h"

#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "buf.h"
#include "str.h"

struct cache_set {
    pthread_mutex_t lock;
    uint64_t clock; /* uses so far, for least recently used */
};

struct cache_entry {
    unsigned char *key; /* NULL: a free entry */
    size_t klen;
    void *value; /* after the key in one block, or an object (drop) */
    size_t len;  /* bytes of value, counted with klen */
    void (*drop)(void *obj);
    uint64_t hash, version, gen, used;
    int64_t period;
};

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static struct cache *registry;

static unsigned
ways_of(const struct cache *c)
{
    return c->conf.ways != 0 ? c->conf.ways : c->conf.slots;
}

/* The first entry of the set of hash, and its set. */
static struct cache_entry *
set_of(struct cache *c, struct cache_set *sets, uint64_t hash,
       struct cache_set **set)
{
    unsigned s = (unsigned)(hash % (c->conf.slots / ways_of(c)));

    *set = &sets[s];
    return &c->entries[(size_t)s * ways_of(c)];
}

/* The table's sets, allocated and registered on first use. */
static struct cache_set *
sets_of(struct cache *c)
{
    struct cache_set *s = atomic_load_explicit(&c->sets, memory_order_acquire);
    unsigned n, i;

    if (s != NULL) {
        return s;
    }
    pthread_mutex_lock(&registry_lock);
    s = atomic_load_explicit(&c->sets, memory_order_relaxed);
    if (s == NULL) {
        assert(c->conf.slots > 0 && c->conf.slots % ways_of(c) == 0);
        n = c->conf.slots / ways_of(c);
        c->entries = xcalloc(c->conf.slots, sizeof(*c->entries));
        s = xcalloc(n, sizeof(*s));
        for (i = 0; i < n; i++) {
            pthread_mutex_init(&s[i].lock, NULL);
        }
        c->next = registry;
        registry = c;
        atomic_store_explicit(&c->sets, s, memory_order_release);
    }
    pthread_mutex_unlock(&registry_lock);
    return s;
}

static int64_t
period_now(const struct cache *c)
{
    return c->conf.max_age > 0 ? (int64_t)time(NULL) / c->conf.max_age : 0;
}

void
cache_ticket(struct cache *c, const void *key, size_t klen, uint64_t version,
             struct cache_ticket *t)
{
    t->hash =
        c->conf.hash != NULL ? c->conf.hash(key, klen) : str_hash64(key, klen);
    t->version = version;
    t->gen = atomic_load(&c->gen);
    t->period = period_now(c);
}

static bool
same_key(const struct cache_entry *e, uint64_t hash, const void *key,
         size_t klen)
{
    return e->key != NULL && e->hash == hash && e->klen == klen &&
           memcmp(e->key, key, klen) == 0;
}

/* Whether e answers the question t (fresh for it). */
static bool
fresh(const struct cache_entry *e, const struct cache_ticket *t)
{
    return e->version == t->version && e->gen == t->gen &&
           e->period == t->period;
}

static void
evict(struct cache *c, struct cache_entry *e)
{
    atomic_fetch_sub(&c->bytes, e->klen + e->len);
    if (e->drop != NULL) {
        e->drop(e->value);
    }
    free(e->key);
    memset(e, 0, sizeof(*e));
}

bool
cache_get(struct cache *c, const void *key, size_t klen, uint64_t version,
          cache_reader read, void *ctx, struct cache_ticket *t)
{
    struct cache_set *set;
    struct cache_entry *e;
    unsigned i;
    bool hit = false;

    cache_ticket(c, key, klen, version, t);
    e = set_of(c, sets_of(c), t->hash, &set);
    pthread_mutex_lock(&set->lock);
    for (i = 0; i < ways_of(c); i++, e++) {
        if (same_key(e, t->hash, key, klen)) {
            if (fresh(e, t)) {
                e->used = ++set->clock;
                read(ctx, e->value, e->len);
                hit = true;
            }
            break;
        }
    }
    pthread_mutex_unlock(&set->lock);
    atomic_fetch_add_explicit(hit ? &c->hits : &c->misses, 1,
                              memory_order_relaxed);
    return hit;
}

/* Whether an answer of len bytes for t may be kept at all. */
static bool
admissible(struct cache *c, const struct cache_ticket *t, size_t klen,
           size_t len)
{
    size_t entry_max =
        c->conf.entry_max != 0 ? c->conf.entry_max : c->conf.max_bytes / 4;

    return len <= entry_max && klen + len <= c->conf.max_bytes &&
           t->gen == atomic_load(&c->gen) && t->period == period_now(c);
}

/* Put the entry made of key (a block of its own or shared with value) and
** value into t's set, making room as cache.h says: true, or false when
** there is none (the caller frees both). */
static bool
install(struct cache *c, const struct cache_ticket *t, unsigned char *key,
        size_t klen, void *value, size_t len, void (*drop)(void *))
{
    struct cache_set *set;
    struct cache_entry *base, *e, *victim = NULL, *empty = NULL, *old = NULL,
                                  *lru = NULL;
    unsigned i, ways = ways_of(c);

    base = set_of(c, sets_of(c), t->hash, &set);
    pthread_mutex_lock(&set->lock);
    for (i = 0; i < ways && victim == NULL; i++) {
        e = &base[i];
        if (e->key == NULL) {
            empty = empty != NULL ? empty : e;
        } else if (same_key(e, t->hash, key, klen)) {
            victim = e;
        } else if (!fresh(e, t)) {
            old = old != NULL ? old : e;
        } else if (lru == NULL || e->used < lru->used) {
            lru = e;
        }
    }
    victim = victim != NULL  ? victim
             : empty != NULL ? empty
             : old != NULL   ? old
                             : lru;
    if (victim->key != NULL) {
        evict(c, victim);
    }
    /* Bytes: the set's outdated entries go, least recently used first,
     * then its fresh ones only when it is the whole table (its least
     * recently used are those of all); with several sets the bytes may be
     * held by colder entries of other sets, so this one keeps its fresh
     * entries and the answer is not kept. */
    while (atomic_load(&c->bytes) + klen + len > c->conf.max_bytes) {
        lru = NULL;
        for (i = 0; i < ways; i++) {
            e = &base[i];
            if (e->key != NULL && (ways == c->conf.slots || !fresh(e, t)) &&
                (lru == NULL || e->used < lru->used)) {
                lru = e;
            }
        }
        if (lru == NULL) {
            pthread_mutex_unlock(&set->lock);
            return false;
        }
        evict(c, lru);
    }
    *victim = (struct cache_entry){key,          klen,     value,      len,
                                   drop,         t->hash,  t->version, t->gen,
                                   ++set->clock, t->period};
    atomic_fetch_add(&c->bytes, klen + len);
    pthread_mutex_unlock(&set->lock);
    atomic_fetch_add_explicit(&c->kept, 1, memory_order_relaxed);
    return true;
}

/* Where a value starts after its key in one block: aligned for any type. */
static size_t
value_at(size_t klen)
{
    return (klen + 15) & ~(size_t)15;
}

void
cache_put(struct cache *c, const struct cache_ticket *t, const void *key,
          size_t klen, const void *value, size_t len)
{
    unsigned char *block;

    if (!admissible(c, t, klen, len)) {
        return;
    }
    block = xmalloc(value_at(klen) + len + 1);
    memcpy(block, key, klen);
    memcpy(block + value_at(klen), value, len);
    if (!install(c, t, block, klen, block + value_at(klen), len, NULL)) {
        free(block);
    }
}

void
cache_put_object(struct cache *c, const struct cache_ticket *t, const void *key,
                 size_t klen, void *obj, size_t cost, void (*drop)(void *obj))
{
    unsigned char *k;

    if (!admissible(c, t, klen, cost)) {
        drop(obj);
        return;
    }
    k = xmalloc(klen + 1);
    memcpy(k, key, klen);
    if (!install(c, t, k, klen, obj, cost, drop)) {
        free(k);
        drop(obj);
    }
}

void *
cache_arena_object(size_t size)
{
    struct arena a;
    void *obj;

    assert(size >= sizeof(a));
    arena_init(&a);
    obj = arena_alloc(&a, size);
    memcpy(obj, &a, sizeof(a));
    return obj;
}

void
cache_arena_drop(void *obj)
{
    struct arena a;

    memcpy(&a, obj, sizeof(a));
    arena_free(&a);
}

void
cache_outdate(struct cache *c)
{
    atomic_fetch_add(&c->gen, 1);
}

/* Call fn(c, e, n) on every entry of the table, each set under its lock. */
static void
each_entry(struct cache *c,
           void (*fn)(struct cache *c, struct cache_entry *e, unsigned *n),
           unsigned *n)
{
    struct cache_set *sets =
        atomic_load_explicit(&c->sets, memory_order_acquire);
    unsigned s, i, ways = ways_of(c);

    for (s = 0; sets != NULL && s < c->conf.slots / ways; s++) {
        pthread_mutex_lock(&sets[s].lock);
        for (i = 0; i < ways; i++) {
            fn(c, &c->entries[(size_t)s * ways + i], n);
        }
        pthread_mutex_unlock(&sets[s].lock);
    }
}

static void
clear_one(struct cache *c, struct cache_entry *e, unsigned *n)
{
    (void)n;
    if (e->key != NULL) {
        evict(c, e);
    }
}

static void
count_one(struct cache *c, struct cache_entry *e, unsigned *n)
{
    (void)c;
    *n += e->key != NULL;
}

void
cache_clear(struct cache *c)
{
    each_entry(c, clear_one, NULL);
}

void
cache_counts(struct cache *c, struct cache_counts *out)
{
    out->hits = atomic_load(&c->hits);
    out->misses = atomic_load(&c->misses);
    out->kept = atomic_load(&c->kept);
    out->bytes = atomic_load(&c->bytes);
    out->entries = 0;
    each_entry(c, count_one, &out->entries);
}

void
cache_metrics(struct buf *out)
{
    const struct cache *c;

    pthread_mutex_lock(&registry_lock);
    for (c = registry; c != NULL; c = c->next) {
        const char *m = c->conf.metric;

        buf_printf(out,
                   "# HELP %s_total %s reused from the table (hit), made "
                   "anew (miss), and kept.\n"
                   "# TYPE %s_total counter\n"
                   "%s_total{result=\"hit\"} %llu\n"
                   "%s_total{result=\"miss\"} %llu\n"
                   "%s_total{result=\"kept\"} %llu\n"
                   "# HELP %s_bytes Bytes of the keys and answers the "
                   "table holds.\n"
                   "# TYPE %s_bytes gauge\n"
                   "%s_bytes %zu\n",
                   m, c->conf.what, m, m,
                   (unsigned long long)atomic_load(&c->hits), m,
                   (unsigned long long)atomic_load(&c->misses), m,
                   (unsigned long long)atomic_load(&c->kept), m, m, m,
                   atomic_load(&c->bytes));
    }
    pthread_mutex_unlock(&registry_lock);
}
