/*
** The public answers' cache (answer_cache.h). A fixed table of slots, each
** holding one answer, chosen by the hash of the request's key (path and
** query arguments in their order); a new answer replaces the slot's old
** one. Memory is capped: no answer over ENTRY_MAX, none kept while the
** total is over TOTAL_MAX. Locks are striped over the slots.
*/
#include "answer_cache.h"

#include <microhttpd.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/str.h"

enum {
    SLOTS = 16384,
    LOCKS = 64,
    ENTRY_MAX = 512 * 1024,
};
#define TOTAL_MAX ((size_t)32 << 20)

struct entry {
    char *key;
    size_t klen;
    char *body;
    size_t len;
    char *content_type;
    uint64_t version, gen;
    int64_t minute;
};

/* What a request asked for: its key and the state it was rendered in. */
struct answer_ticket {
    char *key;
    size_t klen;
    uint64_t hash, version, gen;
    int64_t minute;
};

static struct entry slots[SLOTS];
static pthread_mutex_t locks[LOCKS];
static pthread_once_t once = PTHREAD_ONCE_INIT;
static atomic_uint_fast64_t generation;
static atomic_size_t total;
/* For /metrics: answers reused, asked for and not found, and kept. */
static atomic_uint_least64_t hits, misses, kept;

static void
init_locks(void)
{
    int i;

    for (i = 0; i < LOCKS; i++) {
        pthread_mutex_init(&locks[i], NULL);
    }
}

static enum MHD_Result
add_arg(void *cls, enum MHD_ValueKind kind, const char *key, size_t klen,
        const char *value, size_t vlen)
{
    struct buf *b = cls;

    (void)kind;
    buf_append(b, "&", 1);
    buf_append(b, key, klen);
    if (value != NULL) {
        buf_append(b, "=", 1);
        buf_append(b, value, vlen);
    }
    return MHD_YES;
}

static void
entry_free(struct entry *e)
{
    if (e->key != NULL) {
        atomic_fetch_sub(&total, e->klen + e->len);
    }
    free(e->key);
    free(e->body);
    free(e->content_type);
    memset(e, 0, sizeof(*e));
}

bool
req_cache_reuse(struct req *r, uint64_t version)
{
    struct answer_ticket *t;
    struct entry *e;
    struct buf k;
    bool hit = false;

    if (r->user != NULL || r->personal || strcmp(r->method, "GET") != 0) {
        return false;
    }
    pthread_once(&once, init_locks);
    t = arena_alloc(&r->arena, sizeof(*t));
    buf_init(&k);
    buf_append(&k, r->path, strlen(r->path));
    MHD_get_connection_values_n(r->conn, MHD_GET_ARGUMENT_KIND, add_arg, &k);
    t->klen = k.len;
    t->key = arena_strndup(&r->arena, k.data, k.len);
    buf_free(&k);
    t->hash = str_hash64(t->key, t->klen);
    t->version = version;
    /* Read before the data is: a write ending meanwhile outdates it. */
    t->gen = atomic_load(&generation);
    t->minute = (int64_t)time(NULL) / 60;
    r->cache = t;

    e = &slots[t->hash % SLOTS];
    pthread_mutex_lock(&locks[t->hash % LOCKS]);
    if (e->key != NULL && e->klen == t->klen && e->version == version &&
        e->gen == t->gen && e->minute == t->minute &&
        memcmp(e->key, t->key, t->klen) == 0) {
        buf_append(&r->out, e->body, e->len);
        r->content_type = arena_strdup(&r->arena, e->content_type);
        r->status = 200;
        hit = true;
    }
    pthread_mutex_unlock(&locks[t->hash % LOCKS]);
    if (hit) {
        r->cache = NULL; /* nothing to keep */
    }
    atomic_fetch_add_explicit(hit ? &hits : &misses, 1, memory_order_relaxed);
    return hit;
}

void
answer_cache_keep(struct req *r, const char *body, size_t len)
{
    const struct answer_ticket *t = r->cache;
    struct entry *e, fresh;

    if (t == NULL || r->status != 200 || r->user != NULL || r->personal ||
        r->nheaders != 0 || len > ENTRY_MAX ||
        atomic_load(&total) + len + t->klen > TOTAL_MAX) {
        return;
    }
    fresh.key = xmalloc(t->klen);
    memcpy(fresh.key, t->key, t->klen);
    fresh.klen = t->klen;
    fresh.body = xmalloc(len > 0 ? len : 1);
    memcpy(fresh.body, body, len);
    fresh.len = len;
    fresh.content_type =
        xstrdup(r->content_type ? r->content_type : "text/html; charset=utf-8");
    fresh.version = t->version;
    fresh.gen = t->gen;
    fresh.minute = t->minute;
    atomic_fetch_add(&total, fresh.klen + fresh.len);
    e = &slots[t->hash % SLOTS];
    pthread_mutex_lock(&locks[t->hash % LOCKS]);
    entry_free(e);
    *e = fresh;
    pthread_mutex_unlock(&locks[t->hash % LOCKS]);
    atomic_fetch_add_explicit(&kept, 1, memory_order_relaxed);
}

void
answer_cache_metrics(struct buf *out)
{
    buf_printf(out,
               "# HELP rodzina_http_answer_cache_total Public answers reused "
               "from the answer cache (hit), made anew (miss), and kept.\n"
               "# TYPE rodzina_http_answer_cache_total counter\n"
               "rodzina_http_answer_cache_total{result=\"hit\"} %llu\n"
               "rodzina_http_answer_cache_total{result=\"miss\"} %llu\n"
               "rodzina_http_answer_cache_total{result=\"kept\"} %llu\n"
               "# HELP rodzina_http_answer_cache_bytes Bytes the answer "
               "cache holds.\n"
               "# TYPE rodzina_http_answer_cache_bytes gauge\n"
               "rodzina_http_answer_cache_bytes %zu\n",
               (unsigned long long)atomic_load(&hits),
               (unsigned long long)atomic_load(&misses),
               (unsigned long long)atomic_load(&kept), atomic_load(&total));
}

void
answer_cache_bump(void)
{
    atomic_fetch_add(&generation, 1);
}

void
answer_cache_clear(void)
{
    int i;

    pthread_once(&once, init_locks);
    for (i = 0; i < SLOTS; i++) {
        pthread_mutex_lock(&locks[i % LOCKS]);
        entry_free(&slots[i]);
        pthread_mutex_unlock(&locks[i % LOCKS]);
    }
}
