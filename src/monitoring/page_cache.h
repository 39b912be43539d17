/*
** Rendered realisation pages kept per process (issue 21): the body of a
** page of a plan (below the breadcrumb) as it was written for one key —
** the plan's version, the version of its realisation (mon_state), the
** page and who reads it (the variant: what they may enter) — with the
** places of the CSRF token cut out, so that each reader gets their own
** token. At most PAGE_CACHE_SLOTS bodies of at most PAGE_CACHE_BYTES in
** all, the least recently used replaced: a table of core/cache.h, shared
** by the worker threads, counted in /metrics as
** rodzina_monitoring_page_cache_*.
*/
#ifndef MONITORING_PAGE_CACHE_H
#define MONITORING_PAGE_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

#define PAGE_CACHE_SLOTS 64
#define PAGE_CACHE_BYTES (48 * 1024 * 1024)
/* Written where a form's CSRF token goes while a body is rendered. */
#define PAGE_CACHE_TOKEN "\x01token\x01"

struct page_key {
    int64_t plan, plan_version, state, variant;
    int page;
};

/* Append the body kept under k to out, token (HTML-escaped) in place of
 * each PAGE_CACHE_TOKEN: true, or false (nothing written) when none is
 * kept. */
bool page_cache_emit(const struct page_key *k, struct buf *out,
                     const char *token);
/* Keep body (len bytes, rendered with PAGE_CACHE_TOKEN for the token)
 * under k, unless it is larger than a quarter of PAGE_CACHE_BYTES. */
void page_cache_put(const struct page_key *k, const char *body, size_t len);
/* Append body to out with token in place of each PAGE_CACHE_TOKEN. */
void page_cache_splice(struct buf *out, const char *body, size_t len,
                       const char *token);
/* Drop every body (tests; shutdown). */
void page_cache_clear(void);

#endif
