/*
** What the plan tests share: the seed files, one arena per test group
** (setup/teardown for cmocka) and reading a plan that must read. Include
** after cmocka.h and plan/plan.h.
*/
#ifndef TEST_PLAN_FIXTURE_H
#define TEST_PLAN_FIXTURE_H

#define SEED_001 SEEDS_DIR "/001_bcc9bc9c7ab7a335.txt"
#define SEED_002 SEEDS_DIR "/002_8d4882d2d6e0411e.txt"
#define SEED_003 SEEDS_DIR "/003_721fd9f0453d5207.txt"
#define SEED_004 SEEDS_DIR "/004_0cfe7b40028c7edc.txt"
#define PLANS FIXTURES_DIR "/plans/"
#define ZL(x) ((int64_t)(x)*100)

static struct arena arena;

static int
setup(void **state)
{
    (void)state;
    arena_init(&arena);
    return 0;
}

static int
teardown(void **state)
{
    (void)state;
    arena_free(&arena);
    return 0;
}

/* Read path; it must read as a plan (findings other than errors allowed). */
static struct plan *
read_ok(const char *path)
{
    struct plan *p;

    assert_int_equal(plan_read_file(&arena, path, 0, &p), 0);
    return p;
}

/* Read a seed: it must read without error findings. */
static inline struct plan *
read_seed(const char *path)
{
    struct plan *p = read_ok(path);

    assert_false(plan_has_errors(p));
    return p;
}

#endif
