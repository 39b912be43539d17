/*
** The cache of rendered realisation pages: a fixed table under one mutex.
** A body is kept as the text between its tokens (cuts: the offsets the
** token goes at), so serving it is one pass of copies under the lock.
*/
#include "page_cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "html/html.h"

#define TOKEN_LEN (sizeof(PAGE_CACHE_TOKEN) - 1)

struct slot {
    struct page_key key;
    char *text; /* the body without its tokens; NULL: a free slot */
    size_t len, *cuts;
    int ncuts;
    uint64_t used;
};

static struct slot slots[PAGE_CACHE_SLOTS];
static size_t held; /* bytes of every text and cut list */
static uint64_t tick;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static bool
same(const struct page_key *a, const struct page_key *b)
{
    return a->plan == b->plan && a->plan_version == b->plan_version &&
           a->state == b->state && a->variant == b->variant &&
           a->page == b->page;
}

static void
drop(struct slot *s)
{
    held -= s->len + (size_t)s->ncuts * sizeof(size_t);
    free(s->text);
    free(s->cuts);
    memset(s, 0, sizeof(*s));
}

static struct slot *
find(const struct page_key *k)
{
    int i;

    for (i = 0; i < PAGE_CACHE_SLOTS; i++) {
        if (slots[i].text != NULL && same(&slots[i].key, k)) {
            return &slots[i];
        }
    }
    return NULL;
}

bool
page_cache_emit(const struct page_key *k, struct buf *out, const char *token)
{
    struct slot *s;
    size_t from = 0;
    int i;

    pthread_mutex_lock(&lock);
    s = find(k);
    if (s != NULL) {
        s->used = ++tick;
        for (i = 0; i < s->ncuts; i++) {
            buf_append(out, s->text + from, s->cuts[i] - from);
            html_escape(out, token);
            from = s->cuts[i];
        }
        buf_append(out, s->text + from, s->len - from);
    }
    pthread_mutex_unlock(&lock);
    return s != NULL;
}

void
page_cache_splice(struct buf *out, const char *body, size_t len,
                  const char *token)
{
    const char *end = body + len, *t;

    while ((t = memmem(body, (size_t)(end - body), PAGE_CACHE_TOKEN,
                       TOKEN_LEN)) != NULL) {
        buf_append(out, body, (size_t)(t - body));
        html_escape(out, token);
        body = t + TOKEN_LEN;
    }
    buf_append(out, body, (size_t)(end - body));
}

void
page_cache_put(const struct page_key *k, const char *body, size_t len)
{
    const char *end = body + len, *t, *p = body;
    struct slot fresh, *s;
    size_t n = 0, cap = 16;
    int i, victim = -1;

    if (len > PAGE_CACHE_BYTES / 4) {
        return;
    }
    memset(&fresh, 0, sizeof(fresh));
    fresh.key = *k;
    fresh.text = xmalloc(len + 1);
    fresh.cuts = xmalloc(cap * sizeof(size_t));
    while ((t = memmem(p, (size_t)(end - p), PAGE_CACHE_TOKEN, TOKEN_LEN)) !=
           NULL) {
        memcpy(fresh.text + n, p, (size_t)(t - p));
        n += (size_t)(t - p);
        if ((size_t)fresh.ncuts == cap) {
            cap *= 2;
            fresh.cuts = xrealloc(fresh.cuts, cap * sizeof(size_t));
        }
        fresh.cuts[fresh.ncuts++] = n;
        p = t + TOKEN_LEN;
    }
    memcpy(fresh.text + n, p, (size_t)(end - p));
    fresh.len = n + (size_t)(end - p);
    fresh.text[fresh.len] = '\0';

    pthread_mutex_lock(&lock);
    if (find(k) != NULL) { /* another worker kept it first */
        pthread_mutex_unlock(&lock);
        free(fresh.text);
        free(fresh.cuts);
        return;
    }
    /* Room: the least recently used go until it fits in a slot. */
    for (;;) {
        int lru = -1, free_slot = -1;

        for (i = 0; i < PAGE_CACHE_SLOTS; i++) {
            if (slots[i].text == NULL) {
                free_slot = free_slot < 0 ? i : free_slot;
            } else if (lru < 0 || slots[i].used < slots[lru].used) {
                lru = i;
            }
        }
        if (free_slot >= 0 &&
            held + fresh.len + (size_t)fresh.ncuts * sizeof(size_t) <=
                PAGE_CACHE_BYTES) {
            victim = free_slot;
            break;
        }
        drop(&slots[lru]);
    }
    s = &slots[victim];
    *s = fresh;
    s->used = ++tick;
    held += s->len + (size_t)s->ncuts * sizeof(size_t);
    pthread_mutex_unlock(&lock);
}

void
page_cache_clear(void)
{
    int i;

    pthread_mutex_lock(&lock);
    for (i = 0; i < PAGE_CACHE_SLOTS; i++) {
        if (slots[i].text != NULL) {
            drop(&slots[i]);
        }
    }
    pthread_mutex_unlock(&lock);
}
