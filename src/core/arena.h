/*
** Region allocator. Everything a request or a CLI command allocates lives in
** one arena and is released at once by arena_free(); callers never free()
** single objects. Allocation failure aborts in xmalloc(), so no caller checks
** for NULL.
*/
#ifndef CORE_ARENA_H
#define CORE_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena_block;

struct arena {
    struct arena_block *head; /* newest block first */
};

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* Initialise an empty arena (no allocation until first use). */
void arena_init(struct arena *a);
/* Release every block; the arena is empty and reusable afterwards. */
void arena_free(struct arena *a);
/* Zeroed, 16-byte aligned memory that lives until arena_free(). */
void *arena_alloc(struct arena *a, size_t n);
/* Grow an allocation: copies old_n bytes into a new block of new_n. */
void *arena_realloc(struct arena *a, void *p, size_t old_n, size_t new_n);
/*
** Grow an array of n elements of size bytes so that element n can be
** written; capacity doubles at powers of two (4, 8, 16 ...), so appending
** costs amortised constant time. Returns the (maybe moved) array.
*/
void *arena_grow(struct arena *a, void *arr, int n, size_t size);
/* n + 1 ints, each fill (the one past n spares a caller's bounds check). */
int *arena_ints(struct arena *a, int n, int fill);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

#endif
