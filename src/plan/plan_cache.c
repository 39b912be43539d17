/*
** The plan cache: a fixed table of entries, each in its own arena, under
** one mutex held only for lookups and bookkeeping (loading happens outside
** it). The least recently used entry that nobody reads is replaced. When
** every slot is busy the plan is served uncached and freed on release.
** Each page that reads the cache keeps its own derived data with an
** entry, built by its builder in an arena of its own on the first request
** that asks, under the entry's build lock.
*/
#include "plan_cache.h"

#include <pthread.h>
#include <stdlib.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/log.h"

#define CACHE_SLOTS 8

struct extra {
    plan_cache_builder build;
    struct arena arena;
    void *data;
};

struct entry {
    int64_t id, version;
    struct arena arena;
    struct plan *p;
    struct plan_meta meta;
    pthread_mutex_t build_lock; /* guards extras and nextras */
    struct extra extras[PLAN_CACHE_BUILDERS];
    int nextras;
    int refs;
    uint64_t used;
    bool cached; /* false: a private copy freed on release */
};

static struct entry *slots[CACHE_SLOTS];
static uint64_t clock_tick;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void
entry_free(struct entry *e)
{
    int i;

    for (i = 0; i < e->nextras; i++) {
        arena_free(&e->extras[i].arena);
    }
    pthread_mutex_destroy(&e->build_lock);
    arena_free(&e->arena);
    free(e);
}

/* The data of build for entry e, built now when it is the first asking:
 * 0, or ERR_DB when the entry has no room for another builder. */
static int
fill(struct plan_cached *out, struct entry *e, plan_cache_builder build)
{
    int i, rc = 0;

    out->p = e->p;
    out->meta = &e->meta;
    out->extra = NULL;
    if (build == NULL) {
        return 0;
    }
    pthread_mutex_lock(&e->build_lock);
    for (i = 0; i < e->nextras && e->extras[i].build != build; i++) {
    }
    if (i == e->nextras && i < PLAN_CACHE_BUILDERS) {
        struct extra *x = &e->extras[i];

        x->build = build;
        arena_init(&x->arena);
        x->data = build(&x->arena, e->p, e->id);
        e->nextras++;
    }
    if (i < e->nextras) {
        out->extra = e->extras[i].data;
    } else {
        log_error("plan cache: more than %d builders", PLAN_CACHE_BUILDERS);
        rc = ERR_DB;
    }
    pthread_mutex_unlock(&e->build_lock);
    return rc;
}

/* fill(), giving the reference back when it fails. */
static int
fill_or_release(struct plan_cached *out, struct entry *e,
                plan_cache_builder build, void **handle)
{
    int rc = fill(out, e, build);

    if (rc != 0) {
        plan_cache_release(e);
        return rc;
    }
    *handle = e;
    return 0;
}

int
plan_cache_get(struct db *db, int64_t id, int64_t version,
               plan_cache_builder build, struct plan_cached *out, void **handle)
{
    struct entry *e;
    int i, rc, free_slot = -1, stale = -1, lru = -1, victim;

    pthread_mutex_lock(&lock);
    for (i = 0; i < CACHE_SLOTS; i++) {
        e = slots[i];
        if (e != NULL && e->id == id && e->version == version) {
            e->refs++;
            e->used = ++clock_tick;
            pthread_mutex_unlock(&lock);
            return fill_or_release(out, e, build, handle);
        }
    }
    pthread_mutex_unlock(&lock);

    e = xcalloc(1, sizeof(*e));
    arena_init(&e->arena);
    pthread_mutex_init(&e->build_lock, NULL);
    rc = plan_store_load(db, &e->arena, id, &e->p, &e->meta);
    if (rc != 0) {
        entry_free(e);
        return rc;
    }
    e->id = id;
    e->version = version;
    e->refs = 1;

    pthread_mutex_lock(&lock);
    e->used = ++clock_tick;
    /* Replace an idle older version of this plan, else take a free slot,
     * else the least recently used idle entry. */
    for (i = 0; i < CACHE_SLOTS; i++) {
        struct entry *s = slots[i];

        if (s == NULL) {
            if (free_slot < 0) {
                free_slot = i;
            }
        } else if (s->refs == 0 && s->id == id) {
            stale = i;
        } else if (s->refs == 0 && (lru < 0 || s->used < slots[lru]->used)) {
            lru = i;
        }
    }
    victim = stale >= 0 ? stale : free_slot >= 0 ? free_slot : lru;
    if (victim >= 0) {
        if (slots[victim] != NULL) {
            entry_free(slots[victim]);
        }
        slots[victim] = e;
        e->cached = true;
    }
    pthread_mutex_unlock(&lock);
    return fill_or_release(out, e, build, handle);
}

void
plan_cache_release(void *handle)
{
    struct entry *e = handle;
    bool drop;

    pthread_mutex_lock(&lock);
    e->refs--;
    drop = !e->cached && e->refs == 0;
    pthread_mutex_unlock(&lock);
    if (drop) {
        entry_free(e);
    }
}

void
plan_cache_clear(void)
{
    int i;

    pthread_mutex_lock(&lock);
    for (i = 0; i < CACHE_SLOTS; i++) {
        if (slots[i] != NULL && slots[i]->refs == 0) {
            entry_free(slots[i]);
            slots[i] = NULL;
        }
    }
    pthread_mutex_unlock(&lock);
}
