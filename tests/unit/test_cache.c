/* Unit tests of core/cache: the table of answers kept per process (issue
** 21): keys compared whole (collisions forced through the hash hook),
** stale answers never served, the slot and byte caps, objects dropped, and
** readers and writers on many threads at once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/cache.h"

/* A table of the tests: slots, ways, byte cap, answer cap, maximum age and
 * hash as in struct cache_conf; counted in /metrics as test_NAME_cache. */
#define TABLE(name, s, w, bytes, entry, age, h)                                \
    static struct cache name = {.conf = {.metric = "test_" #name "_cache",     \
                                         .what = "Test answers",               \
                                         .slots = s,                           \
                                         .ways = w,                            \
                                         .max_bytes = bytes,                   \
                                         .entry_max = entry,                   \
                                         .max_age = age,                       \
                                         .hash = h}}

/* Every key hashes alike: all collide, in one set. */
static uint64_t
same_hash(const void *key, size_t n)
{
    (void)key;
    (void)n;
    return 42;
}

/* Only the first byte counts: many collisions, a few sets. */
static uint64_t
first_byte_hash(const void *key, size_t n)
{
    return n > 0 ? *(const unsigned char *)key : 0;
}

struct got {
    char text[512];
    size_t len;
};

static void
copy_out(void *ctx, const void *value, size_t len)
{
    struct got *g = ctx;

    assert_true(len < sizeof(g->text));
    memcpy(g->text, value, len);
    g->text[len] = '\0';
    g->len = len;
}

/* The answer to key at version as a string, or NULL on a miss. */
static const char *
get(struct cache *c, const char *key, uint64_t version, struct got *g,
    struct cache_ticket *t)
{
    return cache_get(c, key, strlen(key), version, copy_out, g, t) ? g->text
                                                                   : NULL;
}

static void
put(struct cache *c, const char *key, uint64_t version, const char *value)
{
    struct got g;
    struct cache_ticket t;

    get(c, key, version, &g, &t);
    cache_put(c, &t, key, strlen(key), value, strlen(value));
}

TABLE(plain, 64, 4, 1 << 20, 0, 0, NULL);

static void
test_cache_serves_each_key_its_answer(void **state)
{
    struct cache_counts n;
    struct got g;
    struct cache_ticket t;
    struct buf m;

    (void)state;
    put(&plain, "/uslugi?q=a", 1, "answer a");
    put(&plain, "/uslugi?q=b", 1, "answer b");
    assert_string_equal(get(&plain, "/uslugi?q=a", 1, &g, &t), "answer a");
    assert_string_equal(get(&plain, "/uslugi?q=b", 1, &g, &t), "answer b");
    assert_null(get(&plain, "/uslugi?q=c", 1, &g, &t));
    /* An empty answer is an answer. */
    put(&plain, "/empty", 1, "");
    assert_string_equal(get(&plain, "/empty", 1, &g, &t), "");
    cache_counts(&plain, &n);
    assert_int_equal(n.kept, 3);
    assert_int_equal(n.entries, 3);
    assert_int_equal(n.hits, 3);
    assert_int_equal(n.misses, 3 + 1); /* each put's lookup, and q=c */
    assert_int_equal(n.bytes, strlen("/uslugi?q=a") + strlen("answer a") +
                                  strlen("/uslugi?q=b") + strlen("answer b") +
                                  strlen("/empty"));
    buf_init(&m);
    cache_metrics(&m);
    assert_non_null(
        strstr(m.data, "test_plain_cache_total{result=\"hit\"} 3\n"));
    assert_non_null(
        strstr(m.data, "test_plain_cache_total{result=\"miss\"} 4\n"));
    assert_non_null(
        strstr(m.data, "test_plain_cache_total{result=\"kept\"} 3\n"));
    assert_non_null(strstr(m.data, "# TYPE test_plain_cache_bytes gauge\n"));
    buf_free(&m);
    cache_clear(&plain);
    cache_counts(&plain, &n);
    assert_int_equal(n.entries, 0);
    assert_int_equal(n.bytes, 0);
    assert_null(get(&plain, "/uslugi?q=a", 1, &g, &t));
}

TABLE(colliding, 8, 4, 1 << 20, 0, 0, same_hash);
TABLE(direct, 16, 1, 1 << 20, 0, 0, same_hash);

static void
test_cache_colliding_keys_never_get_each_others_answer(void **state)
{
    static const char *keys[] = {"a", "ab", "abc", "b"};
    struct got g;
    struct cache_ticket t;
    char want[32];
    int i;

    (void)state;
    for (i = 0; i < 4; i++) {
        snprintf(want, sizeof(want), "answer of %s", keys[i]);
        put(&colliding, keys[i], 7, want);
    }
    for (i = 0; i < 4; i++) {
        snprintf(want, sizeof(want), "answer of %s", keys[i]);
        assert_string_equal(get(&colliding, keys[i], 7, &g, &t), want);
    }
    /* The same hash, never kept: a miss, not another key's answer. */
    assert_null(get(&colliding, "abcd", 7, &g, &t));
    assert_null(get(&colliding, "", 7, &g, &t));
    /* A fifth key in the full set of four replaces one; the others keep
     * their own answers. */
    put(&colliding, "c", 7, "answer of c");
    assert_string_equal(get(&colliding, "c", 7, &g, &t), "answer of c");
    for (i = 0; i < 4; i++) {
        const char *s = get(&colliding, keys[i], 7, &g, &t);

        snprintf(want, sizeof(want), "answer of %s", keys[i]);
        if (s != NULL) {
            assert_string_equal(s, want);
        }
    }
    /* One way a set: a colliding key takes the place, and the key it
     * replaced misses instead of getting its answer. */
    put(&direct, "x", 1, "answer of x");
    put(&direct, "y", 1, "answer of y");
    assert_null(get(&direct, "x", 1, &g, &t));
    assert_string_equal(get(&direct, "y", 1, &g, &t), "answer of y");
    cache_clear(&colliding);
    cache_clear(&direct);
}

TABLE(versioned, 16, 4, 1 << 20, 0, 0, NULL);
TABLE(aging, 16, 4, 1 << 20, 0, 1, NULL);

/* Wait for the clock's next second. */
static void
next_second(void)
{
    time_t now = time(NULL);
    struct timespec ms = {0, 1000000};

    while (time(NULL) == now) {
        nanosleep(&ms, NULL);
    }
}

static void
test_cache_stale_answers_are_never_served(void **state)
{
    struct got g;
    struct cache_ticket t, before;

    (void)state;
    put(&versioned, "k", 1, "v1");
    assert_string_equal(get(&versioned, "k", 1, &g, &t), "v1");
    assert_null(get(&versioned, "k", 2, &g, &t)); /* newer data */
    put(&versioned, "k", 2, "v2");
    assert_string_equal(get(&versioned, "k", 2, &g, &t), "v2");
    assert_null(get(&versioned, "k", 1, &g, &t)); /* replaced */

    /* An outdated table serves nothing kept before. */
    cache_outdate(&versioned);
    assert_null(get(&versioned, "k", 2, &g, &t));
    /* An answer asked for before an outdate is not kept after it. */
    get(&versioned, "k", 2, &g, &before);
    cache_outdate(&versioned);
    cache_put(&versioned, &before, "k", 1, "v2 old", 6);
    assert_null(get(&versioned, "k", 2, &g, &t));
    put(&versioned, "k", 2, "v2 new");
    assert_string_equal(get(&versioned, "k", 2, &g, &t), "v2 new");

    /* With a maximum age: served within its second, not in the next. */
    next_second();
    put(&aging, "k", 1, "now");
    assert_string_equal(get(&aging, "k", 1, &g, &t), "now");
    get(&aging, "q", 1, &g, &before);
    next_second();
    assert_null(get(&aging, "k", 1, &g, &t));
    cache_put(&aging, &before, "q", 1, "late", 4); /* made too late */
    assert_null(get(&aging, "q", 1, &g, &t));
    cache_clear(&versioned);
    cache_clear(&aging);
}

TABLE(few, 16, 4, 1 << 20, 100, 0, NULL);
TABLE(small, 16, 0, 1000, 1000, 0, NULL);
TABLE(sets4, 8, 2, 1000, 1000, 0, first_byte_hash);

static void
test_cache_caps_are_respected(void **state)
{
    struct cache_counts n;
    struct got g;
    struct cache_ticket t;
    char key[16], value[500];
    int i, hits = 0;

    (void)state;
    /* Slots: 200 keys in 16 slots. */
    for (i = 0; i < 200; i++) {
        snprintf(key, sizeof(key), "k%d", i);
        put(&few, key, 1, key);
        cache_counts(&few, &n);
        assert_true(n.entries <= 16);
    }
    for (i = 0; i < 200; i++) {
        snprintf(key, sizeof(key), "k%d", i);
        if (get(&few, key, 1, &g, &t) != NULL) {
            assert_string_equal(g.text, key);
            hits++;
        }
    }
    assert_true(hits > 0 && hits <= 16);
    /* One answer over entry_max is not kept. */
    memset(value, 'x', 101);
    value[101] = '\0';
    put(&few, "big", 1, value);
    assert_null(get(&few, "big", 1, &g, &t));
    value[100] = '\0';
    put(&few, "big", 1, value);
    assert_non_null(get(&few, "big", 1, &g, &t));

    /* Bytes: answers of 300 bytes in a table of 1000, the least recently
     * used going first. */
    memset(value, 'y', 300);
    value[300] = '\0';
    for (i = 0; i < 3; i++) {
        snprintf(key, sizeof(key), "s%d", i);
        put(&small, key, 1, value);
    }
    cache_counts(&small, &n);
    assert_int_equal(n.entries, 3);
    assert_int_equal(n.bytes, 3 * (2 + 300));
    assert_non_null(get(&small, "s0", 1, &g, &t)); /* s1 least recent now */
    put(&small, "s3", 1, value);
    cache_counts(&small, &n);
    assert_true(n.bytes <= 1000);
    assert_int_equal(n.entries, 3);
    assert_null(get(&small, "s1", 1, &g, &t));
    assert_non_null(get(&small, "s0", 1, &g, &t));
    assert_non_null(get(&small, "s2", 1, &g, &t));
    assert_non_null(get(&small, "s3", 1, &g, &t));
    /* Several sets: the bytes of a full table are not taken from a set's
     * fresh entries (other sets may hold colder ones), only from its
     * outdated ones; the new answer is otherwise not kept. */
    memset(value, 'w', 400);
    value[400] = '\0';
    put(&sets4, "a1", 1, value);
    put(&sets4, "b1", 1, value);
    put(&sets4, "b2", 1, value); /* b1 is fresh: b2 not kept */
    assert_null(get(&sets4, "b2", 1, &g, &t));
    assert_non_null(get(&sets4, "a1", 1, &g, &t));
    assert_non_null(get(&sets4, "b1", 1, &g, &t));
    put(&sets4, "a2", 2, value); /* a1 is of version 1: it goes */
    assert_non_null(get(&sets4, "a2", 2, &g, &t));
    assert_null(get(&sets4, "a1", 1, &g, &t));
    assert_non_null(get(&sets4, "b1", 1, &g, &t));
    cache_counts(&sets4, &n);
    assert_int_equal(n.entries, 2);
    assert_true(n.bytes <= 1000);
    cache_clear(&sets4);
    /* More than the table's bytes in one answer: never kept. */
    cache_clear(&small);
    {
        static char huge[1200];

        memset(huge, 'z', sizeof(huge));
        cache_get(&small, "h", 1, 1, copy_out, &g, &t);
        cache_put(&small, &t, "h", 1, huge, sizeof(huge));
        cache_counts(&small, &n);
        assert_int_equal(n.entries, 0);
        assert_int_equal(n.bytes, 0);
    }
    cache_clear(&few);
}

static atomic_int drops;

static void
drop_object(void *obj)
{
    atomic_fetch_add(&drops, 1);
    free(obj);
}

static void
read_object(void *ctx, const void *value, size_t len)
{
    *(int *)ctx = *(const int *)value;
    assert_int_equal(len, 100);
}

TABLE(objects, 4, 4, 1000, 200, 0, NULL);

static void
test_cache_objects_are_dropped_when_they_go(void **state)
{
    struct cache_ticket t;
    struct cache_counts n;
    char key[8];
    int i, got = 0, *obj;

    (void)state;
    atomic_store(&drops, 0);
    for (i = 0; i < 10; i++) {
        snprintf(key, sizeof(key), "o%d", i);
        cache_get(&objects, key, strlen(key), 1, read_object, &got, &t);
        obj = malloc(sizeof(*obj));
        *obj = i;
        cache_put_object(&objects, &t, key, strlen(key), obj, 100, drop_object);
    }
    assert_int_equal(atomic_load(&drops), 6); /* four slots */
    assert_true(cache_get(&objects, "o9", 2, 1, read_object, &got, &t));
    assert_int_equal(got, 9);
    /* Not kept (over entry_max): dropped at once. */
    obj = malloc(sizeof(*obj));
    cache_put_object(&objects, &t, "o9", 2, obj, 300, drop_object);
    assert_int_equal(atomic_load(&drops), 7);
    /* Replaced under its own key: the old one goes. */
    cache_get(&objects, "o9", 2, 1, read_object, &got, &t);
    obj = malloc(sizeof(*obj));
    *obj = 99;
    cache_put_object(&objects, &t, "o9", 2, obj, 100, drop_object);
    assert_int_equal(atomic_load(&drops), 8);
    assert_true(cache_get(&objects, "o9", 2, 1, read_object, &got, &t));
    assert_int_equal(got, 99);
    cache_clear(&objects);
    assert_int_equal(atomic_load(&drops), 12);
    cache_counts(&objects, &n);
    assert_int_equal(n.bytes, 0);
}

/* An answer of rows and strings, all in the arena it starts with. */
struct rows {
    struct arena a;
    const char **names;
    int n;
};

static void
read_rows(void *ctx, const void *value, size_t len)
{
    const struct rows *r = value;
    struct got *g = ctx;

    (void)len;
    snprintf(g->text, sizeof(g->text), "%d:%s,%s", r->n, r->names[0],
             r->names[1]);
}

TABLE(arenas, 4, 0, 1 << 20, 0, 0, NULL);

/* Kept, read, replaced and cleared: LeakSanitizer sees every arena go. */
static void
test_cache_arena_objects_keep_their_rows(void **state)
{
    struct cache_ticket t;
    struct cache_counts n;
    struct got g;
    int round;

    (void)state;
    for (round = 0; round < 3; round++) {
        struct rows *r = cache_arena_object(sizeof(*r));

        assert_true(r->n == 0 && r->names == NULL); /* zeroed */
        r->names = arena_alloc(&r->a, 2 * sizeof(*r->names));
        r->names[0] = arena_strdup(&r->a, round == 0 ? "Toruń" : "Łódź");
        r->names[1] = arena_printf(&r->a, "round %d", round);
        r->n = 2;
        cache_get(&arenas, "k", 1, 1, read_rows, &g, &t);
        cache_put_object(&arenas, &t, "k", 1, r, 200, cache_arena_drop);
        assert_true(cache_get(&arenas, "k", 1, 1, read_rows, &g, &t));
        assert_string_equal(g.text, round == 0   ? "2:Toruń,round 0"
                                    : round == 1 ? "2:Łódź,round 1"
                                                 : "2:Łódź,round 2");
    }
    cache_clear(&arenas);
    cache_counts(&arenas, &n);
    assert_int_equal(n.entries, 0);
}

/* --- many threads ------------------------------------------------------ */

enum { THREADS = 8, OPS = 20000, KEYS = 300 };

TABLE(shared, 64, 4, 8000, 0, 0, first_byte_hash);
static atomic_uint_least64_t version_now;
static atomic_int wrong, stop_writer;
static atomic_uint_least64_t asked;

/* The one right answer to key at version (length varies with both). */
static void
answer_of(char *out, size_t size, const char *key, uint64_t version)
{
    int n = snprintf(out, size, "%s@%llu:", key, (unsigned long long)version);

    while ((size_t)n + 1 < size && n < 40 + (int)(version % 7) * 20) {
        out[n++] = (char)('a' + version % 26);
    }
    out[n] = '\0';
}

static void *
worker(void *arg)
{
    unsigned seed = (unsigned)(uintptr_t)arg;
    char key[16], want[256];
    struct got g;
    struct cache_ticket t;
    int i;

    for (i = 0; i < OPS; i++) {
        uint64_t v = atomic_load(&version_now);
        int k = (int)(rand_r(&seed) % KEYS);

        /* First byte varies little: many keys share a hash. */
        snprintf(key, sizeof(key), "%c%d", 'a' + k % 3, k);
        atomic_fetch_add(&asked, 1);
        if (get(&shared, key, v, &g, &t) != NULL) {
            answer_of(want, sizeof(want), key, v);
            if (strcmp(g.text, want) != 0) {
                atomic_fetch_add(&wrong, 1);
            }
        } else {
            answer_of(want, sizeof(want), key, v);
            cache_put(&shared, &t, key, strlen(key), want, strlen(want));
        }
    }
    return NULL;
}

/* Changes the data now and then: a new version, or every answer
 * outdated. */
static void *
writer(void *arg)
{
    struct timespec pause = {0, 200000};
    int i = 0;

    (void)arg;
    while (!atomic_load(&stop_writer)) {
        if (i++ % 2 == 0) {
            atomic_fetch_add(&version_now, 1);
        } else {
            cache_outdate(&shared);
        }
        nanosleep(&pause, NULL);
    }
    return NULL;
}

static void
test_cache_concurrent_readers_and_writers(void **state)
{
    pthread_t th[THREADS], w;
    struct cache_counts n;
    int i;

    (void)state;
    atomic_store(&version_now, 1);
    pthread_create(&w, NULL, writer, NULL);
    for (i = 0; i < THREADS; i++) {
        pthread_create(&th[i], NULL, worker, (void *)(uintptr_t)(i + 1));
    }
    for (i = 0; i < THREADS; i++) {
        pthread_join(th[i], NULL);
    }
    atomic_store(&stop_writer, 1);
    pthread_join(w, NULL);
    assert_int_equal(atomic_load(&wrong), 0);
    cache_counts(&shared, &n);
    assert_int_equal(n.hits + n.misses, atomic_load(&asked));
    assert_true(n.hits > 0);
    assert_true(n.kept > 0);
    assert_true(n.entries <= 64);
    assert_true(n.bytes <= 8000);
    cache_clear(&shared);
    cache_counts(&shared, &n);
    assert_int_equal(n.bytes, 0);
    assert_int_equal(n.entries, 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cache_serves_each_key_its_answer),
        cmocka_unit_test(
            test_cache_colliding_keys_never_get_each_others_answer),
        cmocka_unit_test(test_cache_stale_answers_are_never_served),
        cmocka_unit_test(test_cache_caps_are_respected),
        cmocka_unit_test(test_cache_objects_are_dropped_when_they_go),
        cmocka_unit_test(test_cache_arena_objects_keep_their_rows),
        cmocka_unit_test(test_cache_concurrent_readers_and_writers),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
