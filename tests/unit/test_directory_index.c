/*
** Unit tests of the directory's in-memory search index (dir_index.c): on
** the demo directory, every combination of gmina, words, category, target
** group and "open now" gives exactly what the SQL search gives (same
** services, levels, order and displayed fields); the index is rebuilt
** when the directory changes (forms, deletion), from the change log with
** only the changed services read again, and answers then as one built
** whole; paging a level gives the
** slices of the whole level, with its count; a confidential address is
** not in the index at all; equal scores rank by folded name, then id,
** built whole or from the log; services saying the same share it, and an
** edit of one leaves the others as they were.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "db/db.h"
#include "directory/directory.h"
#include "teryt/teryt.h"

static struct db *db;
static struct arena a;
static const struct audit_entry who = {.account = "test", .via = "cli"};

static int
setup(void **state)
{
    char err[256];
    int rc;

    (void)state;
    arena_init(&a);
    if (db_open(":memory:", DB_OPEN_CREATE, &db, err, sizeof(err)) != 0) {
        return -1;
    }
    if (teryt_load(db, &a) != 0 || db_begin(db) != 0) {
        return -1;
    }
    rc = directory_demo_load(db, &a);
    return rc == 0 ? db_commit(db) : -1;
}

static int
teardown(void **state)
{
    (void)state;
    dir_index_drop();
    db_close(db);
    arena_free(&a);
    return 0;
}

static void
same_view(const struct dir_view *x, const struct dir_view *y)
{
    assert_int_equal(x->id, y->id);
    assert_int_equal(x->org_id, y->org_id);
    assert_int_equal(x->level, y->level);
    assert_int_equal(x->here, y->here);
    assert_int_equal(x->open_now, y->open_now);
    assert_int_equal(x->confidential, y->confidential);
    assert_int_equal(x->example, y->example);
    assert_string_equal(x->name, y->name);
    assert_string_equal(x->description, y->description);
    assert_string_equal(x->category, y->category);
    assert_string_equal(x->category_name, y->category_name);
    assert_string_equal(x->cost, y->cost);
    assert_string_equal(x->languages, y->languages);
    assert_string_equal(x->how_to_apply, y->how_to_apply);
    assert_string_equal(x->phone, y->phone);
    assert_string_equal(x->hours, y->hours);
    assert_string_equal(x->org_name, y->org_name);
    assert_string_equal(x->kind, y->kind);
    assert_string_equal(x->street, y->street);
    assert_string_equal(x->postcode, y->postcode);
    assert_string_equal(x->city, y->city);
    assert_string_equal(x->gmina, y->gmina);
    assert_string_equal(x->gmina_name, y->gmina_name);
    assert_string_equal(x->lat, y->lat);
    assert_string_equal(x->lon, y->lon);
    assert_string_equal(x->email, y->email);
    assert_string_equal(x->web, y->web);
    assert_string_equal(x->targets, y->targets);
}

/* The index and the SQL search agree on q; returns the count. */
static int
compare(const struct dir_query *q)
{
    struct dir_view *x, *y;
    int total[3], nx, ny, i;

    nx = dir_search_counted(db, &a, q, &x, total);
    ny = dir_search_sql(db, &a, q, &y);
    if (nx != ny) {
        fail_msg("gmina %s q '%s' cat %s target %s open %d: index %d, SQL %d",
                 q->gmina, q->q ? q->q : "", q->category ? q->category : "",
                 q->target ? q->target : "", q->open_only, nx, ny);
    }
    for (i = 0; i < nx; i++) {
        same_view(&x[i], &y[i]);
    }
    assert_int_equal(total[0] + total[1] + total[2], nx);
    return nx;
}

static void
test_directory_index_matches_sql_search(void **state)
{
    static const char *const gminas[] = {
        "0463011", /* Toruń */
        "0407042", /* Jaksice's gmina */
        "0461011", /* Bydgoszcz */
        "0464011", /* Włocławek */
        "0415011", /* a rural powiat of region 04 */
        "1261011", /* Kraków */
        "0201011", /* outside the demo regions: nothing */
    };
    static const char *const words[] = {
        NULL,
        "pomoc",
        "osrodek interwencji",
        "OŚRODEK",
        "adopc",
        "wloclaw adopcyjne",
        "lodz",
        "telefon zaufania 800",
        "zz nothing",
        "rodzin asyst",
    };
    static const char *const cats[] = {NULL,      "telefon",   "przemoc",
                                       "adopcja", "nosuchcat", "Bad Code!"};
    static const char *const targets[] = {NULL, "dzieci", "przemoc",
                                          "nosuchtarget"};
    /* A Saturday evening in winter, and a Tuesday morning in summer. */
    static const int64_t times[] = {1704567600, 1719900000};
    size_t g, w, c, t;
    int found = 0, open;

    (void)state;
    for (g = 0; g < sizeof(gminas) / sizeof(gminas[0]); g++) {
        for (w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
            for (c = 0; c < sizeof(cats) / sizeof(cats[0]); c++) {
                for (t = 0; t < sizeof(targets) / sizeof(targets[0]); t++) {
                    for (open = 0; open < 4; open++) {
                        struct dir_query q = {
                            .gmina = gminas[g],
                            .q = words[w],
                            .category = cats[c],
                            .target = targets[t],
                            .open_only = open & 1,
                            .now = times[open >> 1],
                            .limit = 1000,
                        };

                        found += compare(&q) > 0;
                    }
                }
            }
        }
    }
    /* The grid is not vacuous: a good share of it finds services. */
    assert_true(found > 300);
}

static void
test_directory_index_finds_jaksice_from_torun(void **state)
{
    struct dir_query q = {.gmina = "0463011", .limit = 1000, .now = 0};
    struct dir_view *v;
    int total[3], n;

    (void)state;
    n = dir_search_counted(db, &a, &q, &v, total);
    /* Toruń has services at each level, Jaksice's branch among them. */
    assert_true(total[0] > 0 && total[1] > 0 && total[2] > 0);
    assert_int_equal(n, total[0] + total[1] + total[2]);
    q.q = "jaksic";
    n = dir_search_counted(db, &a, &q, &v, total);
    assert_true(n >= 1);
    assert_non_null(strstr(v[0].org_name, "Jaksicach"));
    assert_int_equal(v[0].level, DIR_LEVEL_REGION);
}

/* A service of org named name, of help for everyone, covering coverage. */
static void
service_of(struct dir_service *s, int64_t org, const char *name,
           const char *coverage)
{
    s->org_id = org;
    s->name = name;
    s->category = "pomoc";
    s->targets = "wszyscy";
    s->coverage = coverage;
}

static int64_t
add_service(int64_t org, const char *name, const char *coverage)
{
    struct dir_service s = {0};
    int64_t id = 0;

    service_of(&s, org, name, coverage);
    assert_int_equal(dir_service_save(db, &a, &s, &who, &id), 0);
    return id;
}

/* A new institution in Toruń; its id. */
static int64_t
torun_org(struct dir_org *o, const char *name, const char *street)
{
    int64_t id = 0;

    o->region = "04";
    o->kind = "ngo";
    o->name = name;
    o->gmina = "0463011";
    o->city = "Toruń";
    o->street = street;
    assert_int_equal(dir_org_save(db, &a, o, &who, &id), 0);
    return id;
}

static void
test_directory_index_rebuilt_when_directory_changes(void **state)
{
    struct dir_query q = {.gmina = "0463011", .q = "qqrebuild", .limit = 50};
    struct dir_org o = {0};
    struct dir_index *ix;
    struct dir_view *v;
    int64_t v1, v2, org, sid;
    int count1;

    (void)state;
    assert_int_equal(dir_index_acquire(db, &ix), 0);
    v1 = dir_index_version(ix);
    count1 = dir_index_count(ix);
    assert_true(count1 > 0);
    /* The same version while nothing changes: the same index. */
    assert_int_equal(dir_index_acquire(db, &ix), 0);
    assert_int_equal(dir_index_version(ix), v1);
    assert_int_equal(dir_search(db, &a, &q, &v), 0);

    org = torun_org(&o, "Stowarzyszenie Qqrebuild", "ul. Jawna 1");
    sid = add_service(org, "Poradnia rodzinna", "gmina:0463011");
    assert_int_equal(dir_search(db, &a, &q, &v), 1);
    assert_int_equal(v[0].id, sid);
    assert_string_equal(v[0].street, "ul. Jawna 1");
    assert_int_equal(dir_index_acquire(db, &ix), 0);
    v2 = dir_index_version(ix);
    assert_true(v2 != v1);
    assert_int_equal(dir_index_count(ix), count1 + 1);

    /* An edit of the institution reaches its services: the new name is
    ** searchable, the old one is not, and the address is withheld once
    ** the location is confidential. */
    o.id = org;
    o.name = "Stowarzyszenie Qqzmiana";
    o.confidential = true;
    assert_int_equal(dir_org_save(db, &a, &o, &who, &org), 0);
    assert_int_equal(dir_search(db, &a, &q, &v), 0);
    q.q = "qqzmiana";
    assert_int_equal(dir_search(db, &a, &q, &v), 1);
    assert_string_equal(v[0].street, "");
    assert_true(v[0].confidential);
    q.q = "jawna";
    assert_int_equal(dir_search(db, &a, &q, &v), 0);
    assert_int_equal(compare(&q), 0);

    /* Deleted: gone from the next search. */
    assert_int_equal(dir_org_delete(db, &a, org, &who), 0);
    q.q = "qqzmiana";
    assert_int_equal(dir_search(db, &a, &q, &v), 0);
    assert_int_equal(dir_index_acquire(db, &ix), 0);
    assert_int_equal(dir_index_count(ix), count1);
}

/*
** What the index answers now to a grid of searches: each result's id and
** level, in order, one query a line. Compared before and after building
** the index whole, it shows that an index made from the change log is the
** same as a fresh one.
*/
static char *
answers(void)
{
    static const char *const gminas[] = {"0463011", "0461011", "1261011",
                                         "0415011"};
    static const char *const words[] = {NULL,       "pomoc",          "qqlog",
                                        "poradnia", "stowarzyszenie", "adopc"};
    static const char *const cats[] = {NULL, "pomoc", "telefon"};
    struct buf out;
    struct dir_view *v;
    size_t g, w, c;
    int n, i, total[3];
    char *s;

    buf_init(&out);
    for (g = 0; g < sizeof(gminas) / sizeof(gminas[0]); g++) {
        for (w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
            for (c = 0; c < sizeof(cats) / sizeof(cats[0]); c++) {
                struct dir_query q = {.gmina = gminas[g],
                                      .q = words[w],
                                      .category = cats[c],
                                      .limit = 1000};

                n = dir_search_counted(db, &a, &q, &v, total);
                assert_true(n >= 0);
                buf_printf(&out, "%s %s %s:", gminas[g],
                           words[w] ? words[w] : "", cats[c] ? cats[c] : "");
                for (i = 0; i < n; i++) {
                    buf_printf(&out, " %lld/%d/%s/%s", (long long)v[i].id,
                               v[i].level, v[i].name, v[i].org_name);
                }
                buf_putc(&out, '\n');
            }
        }
    }
    s = arena_strdup(&a, out.data);
    buf_free(&out);
    return s;
}

/* The index now answers as one built whole from the tables does. */
static void
same_as_whole_build(void)
{
    char *now = answers();

    dir_index_drop();
    assert_string_equal(now, answers());
}

/* The counters moved by whole builds and services read again. */
static void
counted(int64_t *b0, int64_t *r0, int64_t builds, int64_t rows)
{
    struct dir_index *ix;
    int64_t b, r;

    assert_int_equal(dir_index_acquire(db, &ix), 0);
    dir_index_counters(&b, &r);
    assert_int_equal(b - *b0, builds);
    assert_int_equal(r - *r0, rows);
    *b0 = b;
    *r0 = r;
}

static void
test_directory_index_follows_the_change_log(void **state)
{
    struct dir_query q = {.gmina = "0463011", .q = "qqlog", .limit = 50};
    struct dir_findings f = {0};
    struct dir_service s;
    struct dir_org o;
    struct dir_index *ix;
    struct dir_view *v;
    struct buf csv;
    int64_t b0, r0, sid, oid, n;
    db_stmt *st;
    int norg, nsvc;

    (void)state;
    assert_int_equal(dir_index_acquire(db, &ix), 0);
    dir_index_counters(&b0, &r0);

    /* One edit of one service: that service is read again, nothing else. */
    q.q = "pomoc";
    assert_true(dir_search(db, &a, &q, &v) > 0);
    sid = v[0].id;
    oid = v[0].org_id;
    assert_int_equal(dir_service_load(db, &a, sid, &s), 0);
    s.name = "Abc qqlog poradnia";
    assert_int_equal(dir_service_save(db, &a, &s, &who, &sid), 0);
    counted(&b0, &r0, 0, 1);
    q.q = "qqlog";
    assert_int_equal(dir_search(db, &a, &q, &v), 1);
    assert_int_equal(v[0].id, sid);
    same_as_whole_build();
    counted(&b0, &r0, 1, 0);

    /* A new service, then its deletion. */
    s.id = 0;
    s.name = "Abd qqlog nowa";
    assert_int_equal(dir_service_save(db, &a, &s, &who, &sid), 0);
    counted(&b0, &r0, 0, 1);
    assert_int_equal(dir_search(db, &a, &q, &v), 2);
    same_as_whole_build();
    counted(&b0, &r0, 1, 0);
    assert_int_equal(dir_service_delete(db, &a, sid, &who), 0);
    counted(&b0, &r0, 0, 1);
    assert_int_equal(dir_search(db, &a, &q, &v), 1);
    same_as_whole_build();
    counted(&b0, &r0, 1, 0);

    /* An institution renamed: each of its services, and only those. */
    st = dir_org_services(db, oid);
    for (n = 0; db_step(st) == DB_ROW; n++) {
    }
    db_done(st);
    assert_int_equal(dir_org_load(db, &a, oid, &o), 0);
    o.name = "Stowarzyszenie Qqlog";
    assert_int_equal(dir_org_save(db, &a, &o, &who, &oid), 0);
    counted(&b0, &r0, 0, n);
    assert_int_equal(dir_search(db, &a, &q, &v), n);
    same_as_whole_build();
    counted(&b0, &r0, 1, 0);

    /* A region imported again: read whole, at the first row of the log. */
    buf_init(&csv);
    assert_int_equal(dir_export_csv(db, &a, "12", &csv), 0);
    assert_int_equal(
        dir_import_csv(db, &a, "12", csv.data, csv.len, &who, &f, &norg, &nsvc),
        0);
    buf_free(&csv);
    counted(&b0, &r0, 1, 0);
    same_as_whole_build();
}

static void
test_directory_index_pages_a_level(void **state)
{
    struct dir_query all = {.gmina = "0463011", .limit = 1000, .now = 0};
    struct dir_query page = all;
    struct dir_view *v, *p;
    int total[3], ptotal[3], n, np, level, off, i;

    (void)state;
    n = dir_search_counted(db, &a, &all, &v, total);
    assert_true(n > 0);
    page.limit = 3;
    page.one_level = true;
    for (level = 0; level < 3; level++) {
        int start = level == 0   ? 0
                    : level == 1 ? total[0]
                                 : total[0] + total[1];

        page.level = (enum dir_level)level;
        for (off = 0; off <= total[level]; off += 3) {
            page.offset = off;
            np = dir_search_counted(db, &a, &page, &p, ptotal);
            assert_memory_equal(ptotal, total, sizeof(total));
            assert_int_equal(np,
                             total[level] - off < 3 ? total[level] - off : 3);
            for (i = 0; i < np; i++) {
                assert_int_equal(p[i].id, v[start + off + i].id);
                assert_int_equal(p[i].level, level);
            }
        }
    }
    /* Without one_level the offset is ignored: the first page of each. */
    page.one_level = false;
    page.offset = 5;
    np = dir_search_counted(db, &a, &page, &p, ptotal);
    assert_int_equal(p[0].id, v[0].id);
    assert_int_equal(np, (total[0] < 3 ? total[0] : 3) +
                             (total[1] < 3 ? total[1] : 3) +
                             (total[2] < 3 ? total[2] : 3));
}

/* The names of a search for "qqrank" in Toruń, joined by "|". */
static const char *
ranked(void)
{
    struct dir_query q = {.gmina = "0463011", .q = "qqrank", .limit = 50};
    struct dir_view *v;
    struct buf b;
    const char *out;
    int n, i;

    compare(&q); /* the same as the SQL search */
    n = dir_search(db, &a, &q, &v);
    buf_init(&b);
    for (i = 0; i < n; i++) {
        buf_printf(&b, "%s%s", i ? "|" : "", v[i].name);
    }
    out = arena_strdup(&a, b.len ? b.data : "");
    buf_free(&b);
    return out;
}

/*
** Services of equal score are ranked by folded name, then id, whether the
** index was built whole (the distinct names sorted, the services counted
** out by name) or made from the change log (the fresh services merged in
** by comparing names): Polish letters and case fold, equal folded names
** keep the order of their ids. The services' texts are numbers of strings
** stored once: each result shows its own.
*/
static void
test_directory_index_ranks_by_name_then_id(void **state)
{
    static const char *const names[] = {
        "Zeta qqrank",  "alfa qqrank", "Żaba qqrank",
        "Łódka qqrank", "Alfa qqrank", "Ćma qqrank",
    };
    struct dir_org o = {0};
    struct dir_service s = {0};
    int64_t org, ids[6];
    size_t i;

    (void)state;
    org = torun_org(&o, "Fundacja Rankingowa", NULL);
    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        ids[i] = add_service(org, names[i], "gmina:0463011");
    }
    /* Built whole. */
    dir_index_drop();
    assert_string_equal(ranked(), "alfa qqrank|Alfa qqrank|Ćma qqrank|"
                                  "Łódka qqrank|Żaba qqrank|Zeta qqrank");
    /* From the log: one renamed, one new with a name already there. */
    s.id = ids[0];
    service_of(&s, org, "Beta qqrank", "gmina:0463011");
    assert_int_equal(dir_service_save(db, &a, &s, &who, &ids[0]), 0);
    add_service(org, "ALFA qqrank", "gmina:0463011");
    assert_string_equal(ranked(), "alfa qqrank|Alfa qqrank|ALFA qqrank|"
                                  "Beta qqrank|Ćma qqrank|Łódka qqrank|"
                                  "Żaba qqrank");
    assert_int_equal(dir_org_delete(db, &a, org, &who), 0);
}

/* The description of service id in a search for "qqprofil" in Toruń. */
static const char *
description_of(int64_t id)
{
    struct dir_query q = {.gmina = "0463011", .q = "qqprofil", .limit = 50};
    struct dir_view *v;
    int n = compare(&q), i;

    assert_int_equal(dir_search(db, &a, &q, &v), n);
    for (i = 0; i < n; i++) {
        if (v[i].id == id) {
            return v[i].description;
        }
    }
    fail_msg("service %lld not found", (long long)id);
    return NULL;
}

/*
** Services that say the same (description, category, hours, contact ...)
** share what they say in the index; an edit of one gives it its own and
** leaves the others as they were, built whole or from the log.
*/
static void
test_directory_index_shared_texts_stay_apart(void **state)
{
    struct dir_org o = {0};
    struct dir_service s = {0};
    int64_t org, one = 0, two = 0;

    (void)state;
    org = torun_org(&o, "Fundacja Wspólna", NULL);
    service_of(&s, org, "Poradnia qqprofil", "gmina:0463011");
    s.description = "Opis wspólny";
    assert_int_equal(dir_service_save(db, &a, &s, &who, &one), 0);
    s.name = "Klub qqprofil";
    assert_int_equal(dir_service_save(db, &a, &s, &who, &two), 0);
    dir_index_drop();
    assert_string_equal(description_of(one), "Opis wspólny");
    assert_string_equal(description_of(two), "Opis wspólny");
    s.id = two;
    s.description = "Opis własny";
    assert_int_equal(dir_service_save(db, &a, &s, &who, &two), 0);
    assert_string_equal(description_of(one), "Opis wspólny");
    assert_string_equal(description_of(two), "Opis własny");
    assert_int_equal(dir_org_delete(db, &a, org, &who), 0);
}

/*
** Issue 21: an index built whole over thousands of distinct names (as after
** an import) grows its string pool while it adds a name's folded form; it
** held the name's slot across that and wrote into the freed table (ASan),
** which dropped the first search after a 20 000-row import. Each service
** here adds two strings (its name and the folded form) but the first, whose
** name is folded already: built with it and without it, the pool grows on
** a folded form either way.
*/
static void
test_directory_index_many_names_built_whole(void **state)
{
    struct dir_query q = {.gmina = "0463011", .q = "qqpula", .limit = 5};
    struct dir_org o = {0};
    struct dir_index *ix;
    struct dir_view *v;
    int64_t org, first;
    int total[3], i, pass;
    char name[64];

    (void)state;
    org = torun_org(&o, "Fundacja Pulowa", NULL);
    assert_int_equal(db_begin(db), 0);
    first = add_service(org, "qqpula pierwsza", "gmina:0463011");
    for (i = 0; i < 5000; i++) {
        snprintf(name, sizeof(name), "Usługa qqpula %d", i);
        add_service(org, arena_strdup(&a, name), "gmina:0463011");
    }
    assert_int_equal(db_commit(db), 0);
    for (pass = 0; pass < 2; pass++) {
        dir_index_drop();
        assert_int_equal(dir_index_acquire(db, &ix), 0);
        assert_int_equal(dir_index_search(ix, &a, &q, &v, total), 5);
        assert_int_equal(total[DIR_LEVEL_GMINA], 5001 - pass);
        if (pass == 0) {
            assert_int_equal(dir_service_delete(db, &a, first, &who), 0);
        }
    }
    assert_int_equal(dir_org_delete(db, &a, org, &who), 0);
}

static void
test_directory_index_rejects_bad_gmina(void **state)
{
    struct dir_query q = {.gmina = "04630", .limit = 5};
    struct dir_index *ix;
    struct dir_view *v;
    int total[3];

    (void)state;
    assert_int_equal(dir_search(db, &a, &q, &v), ERR_INPUT);
    q.gmina = "046301x";
    assert_int_equal(dir_search(db, &a, &q, &v), ERR_INPUT);
    assert_int_equal(dir_index_acquire(db, &ix), 0);
    q.gmina = "04630111";
    assert_int_equal(dir_index_search(ix, &a, &q, &v, total), ERR_INPUT);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_directory_index_matches_sql_search),
        cmocka_unit_test(test_directory_index_finds_jaksice_from_torun),
        cmocka_unit_test(test_directory_index_rebuilt_when_directory_changes),
        cmocka_unit_test(test_directory_index_follows_the_change_log),
        cmocka_unit_test(test_directory_index_pages_a_level),
        cmocka_unit_test(test_directory_index_ranks_by_name_then_id),
        cmocka_unit_test(test_directory_index_shared_texts_stay_apart),
        cmocka_unit_test(test_directory_index_rejects_bad_gmina),
        cmocka_unit_test(test_directory_index_many_names_built_whole),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
