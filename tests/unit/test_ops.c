/*
** Unit tests of the operations module: configuration precedence and
** refusal with file and line, the backup/restore/check file operations of
** the store, and the backup record.
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

#include "auth/auth.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/err.h"
#include "db/db.h"
#include "ops/ops.h"

static char dir[64];

static int
setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof(dir), "/tmp/rodzina-ops-XXXXXX");
    if (mkdtemp(dir) == NULL) {
        return -1;
    }
    unsetenv("RODZINA_CONFIG");
    unsetenv("RODZINA_THREADS");
    unsetenv("RODZINA_LISTEN");
    unsetenv("RODZINA_METRICS_TOKEN");
    return 0;
}

static int
teardown(void **state)
{
    char cmd[128];

    (void)state;
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static const char *
write_conf(const char *text)
{
    static char path[128];
    FILE *f;

    snprintf(path, sizeof(path), "%s/rodzina.conf", dir);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static void
test_ops_config_defaults_without_file(void **state)
{
    struct config c;
    char err[600] = "";
    char path[128];

    (void)state;
    snprintf(path, sizeof(path), "%s/absent.conf", dir);
    /* An explicitly named file must exist... */
    assert_int_equal(config_load(&c, path, NULL, err, sizeof(err)), ERR_IO);
    config_free(&c);
    /* ...while "" means no file at all. */
    assert_int_equal(config_load(&c, "", NULL, err, sizeof(err)), 0);
    assert_string_equal(c.value[CONFIG_DB], "rodzina.db");
    assert_string_equal(c.value[CONFIG_LISTEN], "127.0.0.1:8080");
    assert_int_equal(c.threads, 0);
    assert_int_equal(c.body_limit, 25u * 1024 * 1024);
    assert_false(c.behind_tls_proxy);
    assert_true(c.metrics_loopback);
    assert_string_equal(c.source[CONFIG_DB], "default");
    config_free(&c);
}

static void
test_ops_config_precedence_flag_env_file_default(void **state)
{
    const char *path = write_conf("# comment\n[rodzina]\n"
                                  "db = /srv/file.db\n"
                                  "threads = 3\n"
                                  "listen = 127.0.0.1:9000\n"
                                  "body_limit = 2M\n"
                                  "behind_tls_proxy = yes\n");
    const char *flags[CONFIG_KEY_COUNT] = {0};
    struct config c;
    char err[600] = "", src[160];

    (void)state;
    setenv("RODZINA_THREADS", "5", 1);
    setenv("RODZINA_LISTEN", "127.0.0.1:9001", 1);
    flags[CONFIG_LISTEN] = "127.0.0.1:9002";
    assert_int_equal(config_load(&c, path, flags, err, sizeof(err)), 0);
    assert_string_equal(c.value[CONFIG_DB], "/srv/file.db"); /* file */
    snprintf(src, sizeof(src), "%s:3", path);
    assert_string_equal(c.source[CONFIG_DB], src);
    assert_int_equal(c.threads, 5); /* env */
    assert_string_equal(c.source[CONFIG_THREADS], "env RODZINA_THREADS");
    assert_string_equal(c.value[CONFIG_LISTEN], "127.0.0.1:9002"); /* flag */
    assert_string_equal(c.source[CONFIG_LISTEN], "flag --listen");
    assert_int_equal(c.body_limit, 2u * 1024 * 1024);
    assert_true(c.behind_tls_proxy);
    assert_string_equal(c.value[CONFIG_LOG_LEVEL], "info"); /* default */
    config_free(&c);
    unsetenv("RODZINA_THREADS");
    unsetenv("RODZINA_LISTEN");
}

static void
test_ops_config_refuses_with_file_line_and_reason(void **state)
{
    struct {
        const char *text, *expect;
    } cases[] = {
        {"db = x.db\nthread = 4\n", ":2: unknown key 'thread'"},
        {"\n\nthreads = many\n", ":3: threads = 'many': must be a whole"},
        {"listen = localhost:80\n", ":1: listen = 'localhost:80': bad listen"},
        {"body_limit = 5T\n", ":1: body_limit = '5T': must be a size"},
        {"behind_tls_proxy = maybe\n", ":1: behind_tls_proxy = 'maybe'"},
        {"log_level = debug\n", ":1: log_level = 'debug': must be info"},
        {"user = no-such-user-rodzina\n", ":1: user = "},
        {"metrics_token = short\n", ":1: metrics_token = 'short'"},
        {"mail_keep_days = 0\n", ":1: mail_keep_days = '0': must be"},
        {"mail_keep_days = 30d\n", ":1: mail_keep_days = '30d': must be"},
        {"site_url = rodzina.example.pl\n", ":1: site_url = 'rodzina"},
        {"just text\n", ":1: expected key = value"},
        {"[server]\n", ":1: unknown section"},
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const char *path = write_conf(cases[i].text);
        struct config c;
        char err[600] = "";

        assert_int_equal(config_load(&c, path, NULL, err, sizeof(err)),
                         ERR_INPUT);
        if (strstr(err, cases[i].expect) == NULL ||
            strncmp(err, path, strlen(path)) != 0) {
            fail_msg("case %zu: '%s' lacks '%s'", i, err, cases[i].expect);
        }
        config_free(&c);
    }
}

static void
test_ops_config_env_and_flag_values_are_checked(void **state)
{
    const char *flags[CONFIG_KEY_COUNT] = {0};
    struct config c;
    char err[600] = "";

    (void)state;
    setenv("RODZINA_THREADS", "999", 1);
    assert_int_equal(config_load(&c, "", NULL, err, sizeof(err)), ERR_INPUT);
    assert_non_null(strstr(err, "environment RODZINA_THREADS = '999'"));
    config_free(&c);
    unsetenv("RODZINA_THREADS");
    flags[CONFIG_METRICS_ALLOW] = "everyone";
    assert_int_equal(config_load(&c, "", flags, err, sizeof(err)), ERR_INPUT);
    assert_non_null(strstr(err, "--metrics-allow 'everyone'"));
    config_free(&c);
}

/* site_url: the scheme and authority links start with, nothing more. */
static void
test_ops_config_site_url_is_scheme_host_and_port(void **state)
{
    static const char *const good[] = {
        "", "https://rodzina.example.pl", "http://127.0.0.1:8080",
        "https://[2001:db8::1]:8443", "http://localhost"};
    static const char *const bad[] = {
        "rodzina.example.pl", "ftp://x.pl",           "https://",
        "https://x.pl/",      "https://x.pl/rodzina", "https://x.pl:0",
        "https://x.pl:65536", "https://x.pl:",        "https://user@x.pl",
        "https://x.pl?a=1",   "https://-x.pl",        "https://[]",
        "https://[::1",       "https://x.pl#a",       "https://x y.pl"};
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
        if (config_check(CONFIG_SITE_URL, good[i]) != NULL) {
            fail_msg("'%s' refused", good[i]);
        }
    }
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        if (config_check(CONFIG_SITE_URL, bad[i]) == NULL) {
            fail_msg("'%s' accepted", bad[i]);
        }
    }
}

static void
test_ops_config_print_masks_secrets(void **state)
{
    const char *flags[CONFIG_KEY_COUNT] = {0};
    struct config c;
    char err[600] = "", out[4096] = "";
    FILE *f = fmemopen(out, sizeof(out) - 1, "w");

    (void)state;
    flags[CONFIG_METRICS_TOKEN] = "very-secret-token-123";
    assert_int_equal(config_load(&c, "", flags, err, sizeof(err)), 0);
    config_print(&c, f);
    fclose(f);
    assert_null(strstr(out, "very-secret-token-123"));
    assert_non_null(strstr(out, "# from flag --metrics-token\n"
                                "metrics_token = ********\n"));
    assert_non_null(strstr(out, "# from default\ndb = rodzina.db\n"));
    config_free(&c);
}

static void
count_problem(void *arg, const char *text)
{
    (void)text;
    (*(int *)arg)++;
}

static void
test_ops_backup_restore_and_check_files(void **state)
{
    char live[128], copy[128], err[600] = "";
    struct db *db;
    int64_t bytes = 0, n = 0, at = 0, size = 0;
    int problems = 0, version = 0;

    (void)state;
    snprintf(live, sizeof(live), "%s/live.db", dir);
    snprintf(copy, sizeof(copy), "%s/copy.db", dir);
    assert_int_equal(db_open(live, DB_OPEN_CREATE, &db, err, sizeof(err)), 0);
    assert_int_equal(
        ops_backup_record(db, "/x/first.db", 1234, db_latest_version(), "root"),
        0);
    assert_int_equal(db_backup_file(live, copy, &bytes, err, sizeof(err)), 0);
    assert_true(bytes > 0);
    assert_int_equal(access(copy, F_OK), 0);
    /* A second record after the copy: absent from the copy. */
    assert_int_equal(
        ops_backup_record(db, "/x/second.db", 99, db_latest_version(), NULL),
        0);
    assert_int_equal(ops_backup_last(db, &at, &size), 0);
    assert_int_equal(size, 99);
    db_close(db);
    assert_int_equal(db_check_file(copy, count_problem, &problems, &version,
                                   err, sizeof(err)),
                     0);
    assert_int_equal(problems, 0);
    assert_int_equal(version, db_latest_version());
    /* Restoring the copy brings back the state when it was made. */
    assert_int_equal(db_restore_file(copy, live, err, sizeof(err)), 0);
    assert_int_equal(db_open(live, 0, &db, err, sizeof(err)), 0);
    assert_int_equal(db_one_int(db_query(db, Q_OPS_HEALTH), &n), 0);
    assert_true(n > 10);
    assert_int_equal(ops_backup_last(db, &at, &size), 0);
    assert_int_equal(size, 1234);
    db_close(db);
    /* A file that is not a database is refused. */
    {
        char junk[128];
        FILE *f;

        snprintf(junk, sizeof(junk), "%s/junk.db", dir);
        f = fopen(junk, "w");
        fputs("this is not a database, just text of some length.......\n", f);
        fclose(f);
        problems = 0;
        assert_true(db_check_file(junk, count_problem, &problems, &version, err,
                                  sizeof(err)) != 0);
    }
}

/* The record and its audit row go in together or not at all (audit_exec). */
static void
test_ops_backup_record_is_audited_all_or_nothing(void **state)
{
    const struct audit_filter f = {.action = "backup.create"};
    char path[128], err[600] = "";
    struct arena a;
    struct db *db;
    int64_t n = 0, at = 0, size = 0;

    (void)state;
    arena_init(&a);
    snprintf(path, sizeof(path), "%s/audit.db", dir);
    assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, err, sizeof(err)), 0);
    assert_int_equal(
        ops_backup_record(db, "/x/a.db", 10, db_latest_version(), "root"), 0);
    assert_int_equal(audit_total(db, &a, &f, &n), 0);
    assert_int_equal(n, 1);
    /* A negative size breaks the table's check: no record, no audit row. */
    assert_true(
        ops_backup_record(db, "/x/b.db", -1, db_latest_version(), "root") != 0);
    assert_int_equal(audit_total(db, &a, &f, &n), 0);
    assert_int_equal(n, 1);
    assert_int_equal(ops_backup_last(db, &at, &size), 0);
    assert_int_equal(size, 10);
    db_close(db);
    arena_free(&a);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ops_config_defaults_without_file),
        cmocka_unit_test(test_ops_config_precedence_flag_env_file_default),
        cmocka_unit_test(test_ops_config_refuses_with_file_line_and_reason),
        cmocka_unit_test(test_ops_config_env_and_flag_values_are_checked),
        cmocka_unit_test(test_ops_config_site_url_is_scheme_host_and_port),
        cmocka_unit_test(test_ops_config_print_masks_secrets),
        cmocka_unit_test(test_ops_backup_restore_and_check_files),
        cmocka_unit_test(test_ops_backup_record_is_audited_all_or_nothing),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
