/*
** The cache of rendered realisation pages, a table of core/cache.h (one
** set: the least recently used of all goes first). The key is the five
** numbers of the page_key, every version in it, so the table's own version
** is 0. A body is kept as the offsets the token goes at (cuts) followed by
** the text between its tokens, so serving it is one pass of copies under
** the lock.
*/
#include "page_cache.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/cache.h"
#include "html/html.h"

#define TOKEN_LEN (sizeof(PAGE_CACHE_TOKEN) - 1)

static struct cache pages = {.conf = {.metric = "rodzina_monitoring_page_cache",
                                      .what = "Realisation pages",
                                      .slots = PAGE_CACHE_SLOTS,
                                      .max_bytes = PAGE_CACHE_BYTES}};

/* A kept body: ncuts offsets into text, then text (len bytes). */
struct body {
    size_t ncuts, len;
    size_t cuts[]; /* then the text */
};

struct emit {
    struct buf *out;
    const char *token;
};

static void
key_of(int64_t key[5], const struct page_key *k)
{
    key[0] = k->plan;
    key[1] = k->plan_version;
    key[2] = k->state;
    key[3] = k->variant;
    key[4] = k->page;
}

static void
emit(void *ctx, const void *value, size_t len)
{
    const struct emit *e = ctx;
    const struct body *b = value;
    const char *text = (const char *)(b->cuts + b->ncuts);
    size_t from = 0, i;

    (void)len;
    for (i = 0; i < b->ncuts; i++) {
        buf_append(e->out, text + from, b->cuts[i] - from);
        html_escape(e->out, e->token);
        from = b->cuts[i];
    }
    buf_append(e->out, text + from, b->len - from);
}

bool
page_cache_emit(const struct page_key *k, struct buf *out, const char *token)
{
    int64_t key[5];
    struct emit e = {out, token};
    struct cache_ticket t;

    key_of(key, k);
    return cache_get(&pages, key, sizeof(key), 0, emit, &e, &t);
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
    const char *end = body + len, *p = body, *t;
    size_t ncuts = 0, n = 0, size;
    struct body *b;
    char *text;
    int64_t key[5];
    struct cache_ticket ticket;

    if (len > PAGE_CACHE_BYTES / 4) {
        return;
    }
    for (t = body; (t = memmem(t, (size_t)(end - t), PAGE_CACHE_TOKEN,
                               TOKEN_LEN)) != NULL;
         t += TOKEN_LEN) {
        ncuts++;
    }
    size = sizeof(*b) + ncuts * sizeof(size_t) + len + 1;
    b = xmalloc(size);
    b->ncuts = 0;
    text = (char *)(b->cuts + ncuts);
    while ((t = memmem(p, (size_t)(end - p), PAGE_CACHE_TOKEN, TOKEN_LEN)) !=
           NULL) {
        memcpy(text + n, p, (size_t)(t - p));
        n += (size_t)(t - p);
        b->cuts[b->ncuts++] = n;
        p = t + TOKEN_LEN;
    }
    memcpy(text + n, p, (size_t)(end - p));
    b->len = n + (size_t)(end - p);
    text[b->len] = '\0';
    key_of(key, k);
    cache_ticket(&pages, key, sizeof(key), 0, &ticket);
    cache_put_object(&pages, &ticket, key, sizeof(key), b, size, free);
}

void
page_cache_clear(void)
{
    cache_clear(&pages);
}
