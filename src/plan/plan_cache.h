/*
** A small per-process cache of loaded and checked plans, keyed by plan id
** and version (every change of a plan bumps its version, so a stale entry
** is never served). Entries are read-only and shared by the worker
** threads; a reader holds a reference while it renders.
*/
#ifndef PLAN_CACHE_H
#define PLAN_CACHE_H

#include <stdint.h>

#include "plan.h"
#include "plan_store.h"

struct db;

struct plan_cached {
    const struct plan *p;
    const struct plan_meta *meta;
    void *extra; /* built once by the caller's builder, or NULL */
};

/*
** Builds derived data of loaded plan id into a, an arena of its own that
** lives as long as the entry (the builder may keep a and add to it later
** under a lock of its own).
*/
typedef void *(*plan_cache_builder)(struct arena *a, const struct plan *p,
                                    int64_t id);

/* Distinct builders one entry keeps the data of (the pages that use the
 * cache: the plan page, the realisation page). */
#define PLAN_CACHE_BUILDERS 4

/*
** Plan id at version: from the cache, or loaded (plan_store_load), with
** the data of build (NULL: none) built on the first request that names it
** and kept with the entry, one per builder. *handle must be given back
** with plan_cache_release(). 0, or ERR_NOTFOUND / ERR_DB.
*/
int plan_cache_get(struct db *db, int64_t id, int64_t version,
                   plan_cache_builder build, struct plan_cached *out,
                   void **handle);
void plan_cache_release(void *handle);
/* Drop every entry not in use (tests; shutdown). */
void plan_cache_clear(void);

#endif
