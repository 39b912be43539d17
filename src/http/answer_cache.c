/*
** The public answers' cache (answer_cache.h), a table of core/cache.h:
** keyed by the request's path and query arguments in their order, at the
** version the handler names, within the minute (max_age 60) and the
** process's write generation (cache_outdate on every POST). An answer is
** kept as its content type, a NUL, and its body.
*/
#include "answer_cache.h"

#include <microhttpd.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/cache.h"

static struct cache answers = {.conf = {.metric = "rodzina_http_answer_cache",
                                        .what = "Public answers",
                                        .slots = 16384,
                                        .ways = 4,
                                        .max_bytes = (size_t)32 << 20,
                                        .entry_max = 512 * 1024,
                                        .max_age = 60}};

/* What a request asked for: its key and the question as it was. */
struct answer_ticket {
    char *key;
    size_t klen;
    struct cache_ticket t;
};

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

/* A kept answer into the request: its content type, then its body. */
static void
reuse(void *ctx, const void *value, size_t len)
{
    struct req *r = ctx;
    size_t ct = strlen(value) + 1;

    r->content_type = arena_strdup(&r->arena, value);
    buf_append(&r->out, (const char *)value + ct, len - ct);
    r->status = 200;
}

bool
req_cache_reuse(struct req *r, uint64_t version)
{
    struct answer_ticket *t;
    struct buf k;

    if (r->user != NULL || r->personal || strcmp(r->method, "GET") != 0) {
        return false;
    }
    t = arena_alloc(&r->arena, sizeof(*t));
    buf_init(&k);
    buf_append(&k, r->path, strlen(r->path));
    MHD_get_connection_values_n(r->conn, MHD_GET_ARGUMENT_KIND, add_arg, &k);
    t->klen = k.len;
    t->key = arena_strndup(&r->arena, k.data, k.len);
    buf_free(&k);
    /* The generation is read before the data is: a write ending
     * meanwhile outdates the answer made from it. */
    if (cache_get(&answers, t->key, t->klen, version, reuse, r, &t->t)) {
        r->cache = NULL; /* nothing to keep */
        return true;
    }
    r->cache = t;
    return false;
}

void
answer_cache_keep(struct req *r, const char *body, size_t len)
{
    const struct answer_ticket *t = r->cache;
    const char *ct =
        r->content_type ? r->content_type : "text/html; charset=utf-8";
    size_t ctlen = strlen(ct) + 1;
    char *value;

    if (t == NULL || r->status != 200 || r->user != NULL || r->personal ||
        r->nheaders != 0) {
        return;
    }
    value = xmalloc(ctlen + len);
    memcpy(value, ct, ctlen);
    memcpy(value + ctlen, body, len);
    cache_put_object(&answers, &t->t, t->key, t->klen, value, ctlen + len,
                     free);
}

void
answer_cache_bump(void)
{
    cache_outdate(&answers);
}

void
answer_cache_clear(void)
{
    cache_clear(&answers);
}
