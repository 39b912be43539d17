/*
** The plan cache: a fixed table of entries, each in its own arena, under
** one mutex held only for lookups and bookkeeping (loading happens outside
** it). The least recently used entry that nobody reads is replaced. When
** every slot is busy the plan is served uncached and freed on release.
*/
#include "plan_cache.h"

#include <pthread.h>
#include <stdlib.h>

#include "core/arena.h"
#include "core/err.h"

#define CACHE_SLOTS 8

struct entry {
    int64_t id, version;
    struct arena arena;
    struct plan *p;
    struct plan_meta meta;
    void *extra;
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
    arena_free(&e->arena);
    free(e);
}

static void
fill(struct plan_cached *out, struct entry *e)
{
    out->p = e->p;
    out->meta = &e->meta;
    out->extra = e->extra;
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
            fill(out, e);
            *handle = e;
            return 0;
        }
    }
    pthread_mutex_unlock(&lock);

    e = xcalloc(1, sizeof(*e));
    arena_init(&e->arena);
    rc = plan_store_load(db, &e->arena, id, &e->p, &e->meta);
    if (rc != 0) {
        entry_free(e);
        return rc;
    }
    e->id = id;
    e->version = version;
    e->extra = build ? build(&e->arena, e->p, id) : NULL;
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
    fill(out, e);
    *handle = e;
    return 0;
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
