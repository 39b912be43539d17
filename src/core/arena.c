/*
** The arena and the aborting allocators. Blocks are chained; big requests
** get a block of their own so a large upload does not waste a small block.
*/
#include "arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK 8192
#define ALIGN 16

struct arena_block {
    struct arena_block *next;
    size_t used, size;
    _Alignas(ALIGN) unsigned char data[];
};

static void
out_of_memory(size_t n)
{
    fprintf(stderr, "rodzina: out of memory (%zu bytes)\n", n);
    abort();
}

void *
xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);

    if (p == NULL) {
        out_of_memory(n);
    }
    return p;
}

void *
xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);

    if (p == NULL) {
        out_of_memory(n * size);
    }
    return p;
}

void *
xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);

    if (q == NULL) {
        out_of_memory(n);
    }
    return q;
}

char *
xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;

    return memcpy(xmalloc(n), s, n);
}

void
arena_init(struct arena *a)
{
    a->head = NULL;
}

void
arena_free(struct arena *a)
{
    struct arena_block *b = a->head;

    while (b != NULL) {
        struct arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

void *
arena_alloc(struct arena *a, size_t n)
{
    struct arena_block *b = a->head;
    size_t need = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    void *p;

    if (need < n) {
        out_of_memory(n);
    }
    if (b == NULL || b->size - b->used < need) {
        size_t size = need > ARENA_BLOCK / 2 ? need : ARENA_BLOCK;

        b = xmalloc(sizeof(*b) + size);
        b->used = 0;
        b->size = size;
        /* A big block goes behind the head so the head keeps its room. */
        if (need > ARENA_BLOCK / 2 && a->head != NULL) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    p = b->data + b->used;
    b->used += need;
    memset(p, 0, n);
    return p;
}

void *
arena_realloc(struct arena *a, void *p, size_t old_n, size_t new_n)
{
    void *q = arena_alloc(a, new_n);

    if (p != NULL && old_n > 0) {
        memcpy(q, p, old_n < new_n ? old_n : new_n);
    }
    return q;
}

int *
arena_ints(struct arena *a, int n, int fill)
{
    int *v = arena_alloc(a, sizeof(int) * (size_t)(n + 1));
    int i;

    for (i = 0; i <= n; i++) {
        v[i] = fill;
    }
    return v;
}

void *
arena_grow(struct arena *a, void *arr, int n, size_t size)
{
    if (arr == NULL || n == 0) {
        return arr != NULL ? arr : arena_alloc(a, 4 * size);
    }
    if (n >= 4 && (n & (n - 1)) == 0) {
        return arena_realloc(a, arr, (size_t)n * size, (size_t)n * 2 * size);
    }
    return arr;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);

    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *
arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
    va_list ap2;
    int n;
    char *p;

    va_copy(ap2, ap);
    n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        return arena_strdup(a, "");
    }
    p = arena_alloc(a, (size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
    va_list ap;
    char *p;

    va_start(ap, fmt);
    p = arena_vprintf(a, fmt, ap);
    va_end(ap);
    return p;
}

/*
** fontconfig, pango and glib keep caches for the life of the process by
** design (freed only by FcFini, which is unsafe while other threads may
** render). LeakSanitizer, in the sanitizer builds of the tests, reads
** this hook and does not report those caches as leaks; other builds never
** call it. Here, in a file every program and test links, because any of
** them may draw a PDF (a demo's offer, a certificate, the report).
*/
const char *__lsan_default_suppressions(void);
const char *
__lsan_default_suppressions(void)
{
    return "leak:libfontconfig.so\nleak:libpango-1.0.so\n"
           "leak:libpangoft2-1.0.so\nleak:libpangocairo-1.0.so\n"
           "leak:libcairo.so\nleak:libglib-2.0.so\nleak:libgobject-2.0.so\n"
           "leak:libharfbuzz.so\n";
}
