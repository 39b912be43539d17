/*
** Answers kept per process (issue 21): a bounded table, shared by the
** worker threads, of answers found by the full bytes of their key. A
** 64-bit hash of the key picks where to look; the key is always compared
** whole, so two keys of the same hash never get each other's answer.
**
** An answer is served only while it is as fresh as the question: the same
** version stamp (of the data it was made from, a number the user reads
** before it reads the data), the same generation of the table (which
** cache_outdate() bumps) and, when the table has a maximum age, the same
** period of max_age seconds of the clock (so no answer is older than that,
** and one made in a minute is not served in the next with max_age 60).
**
** The table has conf.slots entries in sets of conf.ways (all in one set
** when ways is 0); a key's set is its hash modulo the number of sets, and
** each set has its own lock. A new answer takes, within its set, the entry
** of the same key, else a free one, else an outdated one, else the least
** recently used. While the table's bytes (keys and answers) would then
** exceed conf.max_bytes, the set's outdated entries go, least recently
** used first, and in a table of one set its fresh ones too; if none is
** left the answer is not kept (with several sets the bytes may be held by
** other sets, whose colder entries this set cannot see: its fresh ones
** stay). An answer over conf.entry_max bytes (a quarter of max_bytes when
** 0) is never kept.
**
** Each table counts hits, misses and answers kept, and its bytes, and
** writes them to /metrics as <conf.metric>_total{result="hit"|"miss"|
** "kept"} and <conf.metric>_bytes (cache_metrics: every table used so far).
**
** A table is a static struct cache with its conf filled in; its entries
** are allocated on first use and stay until cache_clear() empties them.
*/
#ifndef CORE_CACHE_H
#define CORE_CACHE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

struct cache_conf {
    const char *metric; /* name in /metrics, e.g. "rodzina_http_answer_cache" */
    const char *what;   /* what it keeps, for # HELP: "Public answers" */
    unsigned slots;     /* entries in all */
    unsigned ways;      /* entries a set, dividing slots (0: slots) */
    size_t max_bytes;   /* keys and answers of every entry */
    size_t entry_max;   /* one answer (0: a quarter of max_bytes) */
    int max_age;        /* seconds (0: no limit) */
    /* The hash of a key (NULL: str_hash64); tests force collisions. */
    uint64_t (*hash)(const void *key, size_t n);
};

struct cache_entry;
struct cache_set;

struct cache {
    struct cache_conf conf;
    /* The rest is the table's own (zero in a static definition). */
    _Atomic(struct cache_set *) sets;
    struct cache_entry *entries;
    struct cache *next; /* every table used so far, for cache_metrics */
    atomic_uint_least64_t gen, hits, misses, kept;
    atomic_size_t bytes;
};

/* What a question was, recorded by cache_get for the cache_put after a
 * miss: an answer made afterwards is stamped as of the question. */
struct cache_ticket {
    uint64_t hash, version, gen;
    int64_t period;
};

/* Called with a fresh answer under its set's lock: copy what is needed,
 * keep no pointer into value. */
typedef void (*cache_reader)(void *ctx, const void *value, size_t len);

/*
** The answer to key (klen bytes) at version: when a fresh one is kept,
** read(ctx, value, len) runs and the result is true; else false. Either
** way *t records the question for cache_put.
*/
bool cache_get(struct cache *c, const void *key, size_t klen, uint64_t version,
               cache_reader read, void *ctx, struct cache_ticket *t);
/* Record the question of key at version now, as cache_get does, where no
 * lookup precedes the put. */
void cache_ticket(struct cache *c, const void *key, size_t klen,
                  uint64_t version, struct cache_ticket *t);
/* Keep a copy of the len bytes at value under key (the bytes t was made
 * for), unless it is already outdated or does not fit (see above). */
void cache_put(struct cache *c, const struct cache_ticket *t, const void *key,
               size_t klen, const void *value, size_t len);
/*
** The same for an object the table takes over: cost bytes of it count
** against the caps, cache_get passes (obj, cost) to its reader, and
** drop(obj) frees it when it leaves the table, or at once when it is not
** kept.
*/
void cache_put_object(struct cache *c, const struct cache_ticket *t,
                      const void *key, size_t klen, void *obj, size_t cost,
                      void (*drop)(void *obj));
/*
** An object of size bytes (zeroed) for cache_put_object whose first member
** is the struct arena it lives in, with everything it points to (rows and
** strings copied there), and the drop that frees that arena.
*/
void *cache_arena_object(size_t size);
void cache_arena_drop(void *obj);
/* Outdate every answer kept or being made (data they show may change). */
void cache_outdate(struct cache *c);
/* Drop every entry (tests; shutdown). */
void cache_clear(struct cache *c);

struct cache_counts {
    uint64_t hits, misses, kept;
    size_t bytes;
    unsigned entries; /* entries holding an answer, fresh or not */
};
/* The table's counters now (entries counted under each set's lock). */
void cache_counts(struct cache *c, struct cache_counts *out);
/* Every table used so far, in the Prometheus text format of /metrics. */
void cache_metrics(struct buf *out);

#endif
