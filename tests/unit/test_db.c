/*
** Unit tests of the store: migrations from an empty and from an older
** database, refusal of a newer one, the query catalogue, transactions, the
** Polish collation, and the engine table the neutral half relies on.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/err.h"
#include "db/db.h"
#include "db/db_backend.h"

static char path[64];

static int
setup(void **state)
{
    int fd;

    (void)state;
    snprintf(path, sizeof(path), "/tmp/rodzina-test-XXXXXX");
    fd = mkstemp(path);
    close(fd);
    unlink(path); /* db_open creates it */
    return 0;
}

static int
teardown(void **state)
{
    char p[80];

    (void)state;
    unlink(path);
    snprintf(p, sizeof(p), "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof(p), "%s-shm", path);
    unlink(p);
    return 0;
}

static void
test_db_migrates_empty_database_to_latest(void **state)
{
    struct db *db;
    char err[512];

    (void)state;
    assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, err, sizeof(err)), 0);
    assert_int_equal(db_schema_version(db), db_latest_version());
    assert_true(db_latest_version() >= 2);
    assert_int_equal(db_check_queries(db, err, sizeof(err)), 0);
    db_close(db);
}

/*
** A database left at migration 1 by an older binary (built here from the
** first migration file alone) is upgraded on open, keeping its rows.
*/
static void
test_db_upgrades_older_database(void **state)
{
    struct db *db;
    char err[512], cmd[512];
    int64_t n = -1;
    db_stmt *st;

    (void)state;
    snprintf(cmd, sizeof(cmd),
             "sqlite3 %s < %s/src/teryt/migrations/0001_teryt.sql && "
             "sqlite3 %s \"INSERT INTO woj VALUES ('04', 'k-p'); "
             "PRAGMA user_version = 1;\"",
             path, SOURCE_DIR, path);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(db_open(path, 0, &db, err, sizeof(err)), 0);
    assert_int_equal(db_schema_version(db), db_latest_version());
    /* The table of migration 2 exists and works; old rows are kept. */
    st = db_query(db, Q_REGION_UPSERT);
    db_bind_text(st, 1, "04");
    db_bind_text(st, 2, "ROPS");
    assert_int_equal(db_exec(st), 0);
    st = db_query(db, Q_TERYT_COUNTS);
    assert_int_equal(db_one_int(st, &n), 0);
    assert_int_equal(n, 1);
    db_close(db);
}

/* A lookup by id binds $1 to the id. */
static void
test_db_query_id_binds_the_id(void **state)
{
    char cmd[512], err[512];
    db_stmt *st;
    struct db *db;

    (void)state;
    assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, err, sizeof(err)), 0);
    /* The command-line shell leaves foreign keys off: no region needed. */
    snprintf(cmd, sizeof(cmd),
             "sqlite3 %s \"INSERT INTO dir_org (id, region, kind, name, gmina)"
             " VALUES (7, '04', 'ops', 'A', '0401011')\"",
             path);
    assert_int_equal(system(cmd), 0);
    st = db_query_id(db, Q_DIR_ORG_GET, 7);
    assert_int_equal(db_one_row(st), 0);
    assert_int_equal(db_col_int(st, 0), 7);
    assert_string_equal(db_col_text(st, 4), "A");
    db_done(st);
    st = db_query_id(db, Q_DIR_ORG_GET, 8);
    assert_int_equal(db_one_row(st), ERR_NOTFOUND);
    db_done(st);
    db_close(db);
}

/*
** Modules number their migrations in their own ranges, so one may arrive
** with a lower number than migrations a database already has: it is still
** applied (here the uploads table of 0005, dropped and forgotten).
*/
static void
test_db_applies_a_lower_numbered_migration_added_later(void **state)
{
    struct db *db;
    char err[512], cmd[512];
    db_stmt *st;

    (void)state;
    assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, err, sizeof(err)), 0);
    db_close(db);
    snprintf(cmd, sizeof(cmd),
             "sqlite3 %s \"DROP TABLE plan_upload; DELETE FROM "
             "schema_migration WHERE number = 5;\"",
             path);
    assert_int_equal(system(cmd), 0);
    /* Read-only, the gap is reported, not silently ignored. */
    assert_int_equal(db_open(path, DB_OPEN_READONLY, &db, err, sizeof(err)),
                     ERR_DB);
    assert_non_null(strstr(err, "lacks 1 migration"));
    assert_int_equal(db_open(path, 0, &db, err, sizeof(err)), 0);
    st = db_query(db, Q_UPLOAD_SWEEP);
    db_bind_int(st, 1, 0);
    assert_int_equal(db_exec(st), 0);
    assert_int_equal(db_schema_version(db), db_latest_version());
    db_close(db);
}

static void
test_db_refuses_newer_database(void **state)
{
    struct db *db;
    char err[512], cmd[256];

    (void)state;
    assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, err, sizeof(err)), 0);
    db_close(db);
    snprintf(cmd, sizeof(cmd), "sqlite3 %s 'PRAGMA user_version = 999;'", path);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(db_open(path, 0, &db, err, sizeof(err)), ERR_DB);
    assert_non_null(strstr(err, "newer than this program"));
}

static void
test_db_refuses_non_database_file(void **state)
{
    struct db *db;
    char err[512];
    FILE *f = fopen(path, "w");

    (void)state;
    fputs("this is not a database, just some text that is long enough\n", f);
    fclose(f);
    assert_int_equal(db_open(path, 0, &db, err, sizeof(err)), ERR_DB);
    assert_true(strlen(err) > 0);
}

static void
test_db_nested_transaction_rolls_back_all(void **state)
{
    struct db *db;
    char err[512];
    db_stmt *st;
    int64_t n = -1;

    (void)state;
    assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, err, sizeof(err)), 0);
    assert_int_equal(db_begin(db), 0);
    st = db_query(db, Q_WOJ_INSERT);
    db_bind_text(st, 1, "04");
    db_bind_text(st, 2, "kujawsko-pomorskie");
    assert_int_equal(db_exec(st), 0);
    assert_int_equal(db_begin(db), 0);
    st = db_query(db, Q_WOJ_INSERT);
    db_bind_text(st, 1, "04");
    db_bind_text(st, 2, "again");
    assert_int_equal(db_exec(st), ERR_CONFLICT);
    db_rollback(db); /* inner fails: the outer commit must not persist */
    assert_int_equal(db_commit(db), ERR_DB);
    st = db_query(db, Q_TERYT_COUNTS);
    assert_int_equal(db_one_int(st, &n), 0);
    assert_int_equal(n, 0);
    db_close(db);
}

/* Insert voivodeship 04, then return the error ctx points to. */
static int
insert_then(struct db *db, void *ctx)
{
    db_stmt *st = db_query(db, Q_WOJ_INSERT);

    db_bind_text(st, 1, "04");
    db_bind_text(st, 2, "kujawsko-pomorskie");
    assert_int_equal(db_exec(st), 0);
    return *(int *)ctx;
}

static void
test_db_transaction_commits_only_on_success(void **state)
{
    struct db *db;
    char err[512];
    int fail = ERR_INPUT, ok = 0;
    int64_t n = -1;

    (void)state;
    assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, err, sizeof(err)), 0);
    assert_int_equal(db_transaction(db, insert_then, &fail), ERR_INPUT);
    assert_int_equal(db_one_int(db_query(db, Q_TERYT_COUNTS), &n), 0);
    assert_int_equal(n, 0);
    assert_int_equal(db_transaction(db, insert_then, &ok), 0);
    assert_int_equal(db_one_int(db_query(db, Q_TERYT_COUNTS), &n), 0);
    assert_int_equal(n, 1);
    db_close(db);
}

/* A bulk load of n contacts of region 04, the k-th with channel bad at
 * k == bad_at (0: none): db_bulk_end's result. */
static int
bulk_contacts(struct db *db, int n, int bad_at)
{
    struct db_bulk *b = db_bulk_begin(db, Q_HELPLINE_CONTACT_LOAD);
    int k, rc = 0;

    for (k = 1; k <= n && rc == 0; k++) {
        char at[32];

        snprintf(at, sizeof(at), "2020-%02d-01T10:%02d", 1 + k % 12, k % 60);
        db_bulk_text(b, 1, "04");
        db_bulk_text(b, 2, at);
        db_bulk_int(b, 3, k == bad_at ? 9 : 1 + k % 7);
        db_bulk_int(b, 4, 1 + k % 4);
        db_bulk_text(b, 5, NULL);
        db_bulk_int(b, 6, k % 64);
        db_bulk_int(b, 7, 0);
        db_bulk_int(b, 8, 0);
        db_bulk_int(b, 9, 0);
        if (k % 3 == 0) {
            db_bulk_null(b, 10);
        } else {
            db_bulk_int(b, 10, 1 + k % 600);
        }
        db_bulk_text(b, 11, k % 5 == 0 ? "it's \"quoted\", $1" : NULL);
        db_bulk_text(b, 12, "bulk");
        rc = db_bulk_row(b);
    }
    return db_bulk_end(b, rc);
}

static int64_t
count_contacts(struct db *db)
{
    db_stmt *st = db_query(db, Q_HELPLINE_CONTACT_COUNT);
    int64_t n = -1;

    db_bind_text(st, 1, "04");
    db_bind_text(st, 2, "2000");
    db_bind_text(st, 3, "2100");
    assert_int_equal(db_one_int(st, &n), 0);
    return n;
}

static void
test_db_bulk_inserts_every_row_or_fails_whole(void **state)
{
    struct db *db;
    char err[512];
    int ok = 0;

    (void)state;
    assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, err, sizeof(err)), 0);
    assert_int_equal(db_transaction(db, insert_then, &ok), 0); /* woj 04 */
    /* more rows than a batch, and a remainder */
    assert_int_equal(db_begin(db), 0);
    assert_int_equal(bulk_contacts(db, 2 * DB_BULK_BATCH + 34, 0), 0);
    assert_int_equal(db_commit(db), 0);
    assert_int_equal(count_contacts(db), 2 * DB_BULK_BATCH + 34);
    /* a row the table refuses: the error comes back, the load rolls back */
    assert_int_equal(db_begin(db), 0);
    assert_int_equal(bulk_contacts(db, 700, 650), ERR_CONFLICT);
    db_rollback(db);
    assert_int_equal(count_contacts(db), 2 * DB_BULK_BATCH + 34);
    db_close(db);
}

static const char *const names[] = {"Żary",    "Łódź",   "Zabrze", "Lublin",
                                    "Ćmielów", "Czersk", "Ostrów", "Ósemka",
                                    "Śrem",    "Sanok"};
static const char *const want[] = {"Czersk", "Ćmielów", "Lublin", "Łódź",
                                   "Ostrów", "Ósemka",  "Sanok",  "Śrem",
                                   "Zabrze", "Żary"};
#define NNAMES (sizeof(names) / sizeof(names[0]))

/* A new database with one powiat 9901 whose gminas are named names[]. */
static struct db *
open_with_gminas(void)
{
    struct db *db;
    char err[512];
    db_stmt *st;
    size_t i;

    assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, err, sizeof(err)), 0);
    st = db_query(db, Q_WOJ_INSERT);
    db_bind_text(st, 1, "99");
    db_bind_text(st, 2, "test");
    assert_int_equal(db_exec(st), 0);
    st = db_query(db, Q_POWIAT_INSERT);
    db_bind_text(st, 1, "9901");
    db_bind_text(st, 2, "99");
    db_bind_text(st, 3, "p");
    db_bind_text(st, 4, "powiat");
    assert_int_equal(db_exec(st), 0);
    for (i = 0; i < NNAMES; i++) {
        char code[8];

        snprintf(code, sizeof(code), "99010%zu1", i);
        st = db_query(db, Q_GMINA_INSERT);
        db_bind_text(st, 1, code);
        db_bind_text(st, 2, "9901");
        db_bind_text(st, 3, names[i]);
        db_bind_int(st, 4, 1);
        db_bind_text(st, 5, names[i]);
        assert_int_equal(db_exec(st), 0);
    }
    return db;
}

static void
test_db_polish_collation_orders_letters(void **state)
{
    struct db *db = open_with_gminas();
    db_stmt *st;
    size_t i;

    (void)state;
    st = db_query(db, Q_GMINA_LIST);
    db_bind_text(st, 1, "9901");
    for (i = 0; i < NNAMES; i++) {
        assert_int_equal(db_step(st), DB_ROW);
        assert_string_equal(db_col_text(st, 1), want[i]);
    }
    assert_int_equal(db_step(st), DB_DONE);
    db_done(st);
    db_close(db);
}

struct gmina_row {
    char *teryt, *name;
};

static void
gmina_row(struct arena *a, db_stmt *st, void *elem)
{
    struct gmina_row *g = elem;

    g->teryt = db_col_text_dup(a, st, 0);
    g->name = db_col_text_dup_or_null(a, st, 1);
}

/* db_list grows its array past the arena's first sizes; db_get finds one. */
static void
test_db_list_and_get_fill_rows_through_a_callback(void **state)
{
    struct db *db = open_with_gminas();
    struct arena a;
    struct gmina_row *list, one;
    db_stmt *st;
    int n;
    size_t i;

    (void)state;
    arena_init(&a);
    st = db_query(db, Q_GMINA_LIST);
    db_bind_text(st, 1, "9901");
    n = db_list(st, &a, sizeof(*list), gmina_row, &list);
    assert_int_equal(n, (int)NNAMES);
    for (i = 0; i < NNAMES; i++) {
        assert_string_equal(list[i].name, want[i]);
    }
    st = db_query(db, Q_GMINA_LIST);
    db_bind_text(st, 1, "9902");
    assert_int_equal(db_list(st, &a, sizeof(*list), gmina_row, &list), 0);
    assert_null(list);
    st = db_query(db, Q_GMINA_GET);
    db_bind_text(st, 1, "9901031");
    assert_int_equal(db_get(st, &a, gmina_row, &one), 0);
    assert_string_equal(one.name, names[3]);
    st = db_query(db, Q_GMINA_GET);
    db_bind_text(st, 1, "9901991");
    assert_int_equal(db_get(st, &a, gmina_row, &one), ERR_NOTFOUND);
    arena_free(&a);
    db_close(db);
}

/* db.c calls an engine's entries without checking them: each is filled. */
static void
test_db_every_backend_fills_its_table(void **state)
{
    const struct db_backend *const *b;
    int n = 0;

    (void)state;
    for (b = db_backends; *b != NULL; b++, n++) {
        const struct db_backend *e = *b;

        assert_non_null(e->begin);
        assert_true(e->dialect < DB_DIALECT_COUNT);
        assert_true(e->bulk_rows >= 1 && e->bulk_rows <= DB_BULK_BATCH);
        assert_non_null(e->open);
        assert_non_null(e->close);
        assert_non_null(e->exec);
        assert_non_null(e->errmsg);
        assert_non_null(e->migrations);
        assert_non_null(e->version);
        assert_non_null(e->applied);
        assert_non_null(e->record);
        assert_non_null(e->prepare);
        assert_non_null(e->finalize);
        assert_non_null(e->reset);
        assert_non_null(e->bind);
        assert_non_null(e->step);
        assert_non_null(e->col_text);
        assert_non_null(e->col_int);
        assert_non_null(e->col_null);
        assert_non_null(e->col_blob);
        assert_non_null(e->backup);
        assert_non_null(e->check);
        assert_non_null(e->restore);
    }
    assert_true(n >= 1);
    assert_ptr_equal(db_backends[n - 1], &db_sqlite); /* the default last */
    assert_null(db_sqlite.schemes);
}

/* A Q entry is one text for every dialect, a Q2 entry one per dialect:
 * either way no engine meets a query without text. */
static void
test_db_catalogue_has_a_text_per_dialect(void **state)
{
    int d, i;

    (void)state;
    for (i = 0; i < Q_COUNT; i++) {
        assert_non_null(db_query_name[i]);
        for (d = 0; d < DB_DIALECT_COUNT; d++) {
            assert_non_null(db_query_sql[d][i]);
            assert_true(strlen(db_query_sql[d][i]) > 0);
        }
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(
            test_db_migrates_empty_database_to_latest, setup, teardown),
        cmocka_unit_test_setup_teardown(test_db_upgrades_older_database, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_db_query_id_binds_the_id, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_db_applies_a_lower_numbered_migration_added_later, setup,
            teardown),
        cmocka_unit_test_setup_teardown(test_db_refuses_newer_database, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_db_refuses_non_database_file,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_db_nested_transaction_rolls_back_all, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_db_transaction_commits_only_on_success, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_db_list_and_get_fill_rows_through_a_callback, setup, teardown),
        cmocka_unit_test_setup_teardown(test_db_polish_collation_orders_letters,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_db_bulk_inserts_every_row_or_fails_whole, setup, teardown),
        cmocka_unit_test(test_db_every_backend_fills_its_table),
        cmocka_unit_test(test_db_catalogue_has_a_text_per_dialect),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
