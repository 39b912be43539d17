/*
** Unit tests of http/form.c (issue 11): URL-encoded and multipart bodies,
** parts without a usable name skipped (the bodies that crashed /login),
** UTF-8 refused, the field cap, and time linear in hostile bodies; and the
** typed path parameters of http/request.c (issue 13).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/err.h"
#include "http/form.h"
#include "http/http.h"

#define MP "multipart/form-data; boundary=XyZ"
#define UE "application/x-www-form-urlencoded"

static enum form_status
parse(struct arena *a, const char *ct, const char *body, struct form *f)
{
    return form_parse(a, ct, body, strlen(body), f);
}

static double
seconds_since(const struct timespec *t0)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) +
           (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void
test_form_urlencoded_decodes_and_first_wins(void **state)
{
    struct arena a;
    struct form f;

    (void)state;
    arena_init(&a);
    assert_int_equal(
        parse(&a, UE, "login=ko%C5%82o+x&a=1&a=2&&=skip&flag&bad=%zz%4", &f),
        FORM_OK);
    assert_int_equal(f.n, 5);
    assert_string_equal(form_find(&f, "login")->value, "koło x");
    assert_string_equal(form_find(&f, "a")->value, "1");
    assert_string_equal(form_find(&f, "flag")->value, "");
    assert_string_equal(form_find(&f, "bad")->value, "%zz%4");
    assert_null(form_find(&f, "missing"));
    assert_null(form_find(&f, "a")->filename);
    /* Parameters after the type; upper case. */
    assert_int_equal(parse(&a,
                           "Application/X-WWW-Form-Urlencoded; "
                           "charset=UTF-8",
                           "x=1", &f),
                     FORM_OK);
    assert_int_equal(f.n, 1);
    assert_int_equal(parse(&a, "text/plain", "x=1", &f), FORM_NOT_FORM);
    assert_int_equal(f.n, 0);
    assert_int_equal(form_parse(&a, NULL, "x=1", 3, &f), FORM_NOT_FORM);
    arena_free(&a);
}

static void
test_form_invalid_utf8_is_refused(void **state)
{
    struct arena a;
    struct form f;

    (void)state;
    arena_init(&a);
    assert_int_equal(parse(&a, UE, "login=%FF%FE", &f), FORM_BAD_UTF8);
    assert_int_equal(f.n, 0);
    assert_int_equal(parse(&a, UE, "a=%00", &f), FORM_BAD_UTF8);
    assert_int_equal(parse(&a, UE, "a=%C0%AF", &f), FORM_BAD_UTF8);
    assert_int_equal(parse(&a, UE, "%FF=1", &f), FORM_BAD_UTF8);
    /* A NUL in a name makes it unusable: skipped, not refused. */
    assert_int_equal(parse(&a, UE, "a%00b=1&c=2", &f), FORM_OK);
    assert_int_equal(f.n, 1);
    assert_int_equal(parse(&a, MP,
                           "--XyZ\r\nContent-Disposition: form-data; "
                           "name=\"a\"\r\n\r\n\xff\xfe\r\n--XyZ--\r\n",
                           &f),
                     FORM_BAD_UTF8);
    assert_int_equal(parse(&a, MP,
                           "--XyZ\r\nContent-Disposition: form-data; "
                           "name=\"f\"; filename=\"\xff.csv\"\r\n\r\n"
                           "x\r\n--XyZ--\r\n",
                           &f),
                     FORM_BAD_UTF8);
    arena_free(&a);
}

static void
test_form_multipart_parts_without_usable_name_are_skipped(void **state)
{
    static const char *const crash[] = {
        "--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--\r\n",
        "--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ--\r\n",
        "--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n"
        "--XyZ--\r\n",
        "--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nx\r\n"
        "--XyZ--\r\n",
        "--XyZ\r\nContent-Disposition: form-data; name=\"a",
        "--XyZ\r\n\r\n\r\n--XyZ--",
        "--XyZ",
        "",
    };
    struct arena a;
    struct form f;
    size_t i;

    (void)state;
    arena_init(&a);
    for (i = 0; i < sizeof(crash) / sizeof(crash[0]); i++) {
        assert_int_equal(parse(&a, MP, crash[i], &f), FORM_OK);
        assert_int_equal(f.n, 0);
    }
    /* A NUL inside the name (length given, not strlen). */
    {
        static const char nul[] = "--XyZ\r\nContent-Disposition: form-data; "
                                  "name=\"a\0b\"\r\n\r\nx\r\n--XyZ--\r\n";

        assert_int_equal(form_parse(&a, MP, nul, sizeof(nul) - 1, &f), FORM_OK);
        assert_int_equal(f.n, 0);
    }
    assert_int_equal(parse(&a, "multipart/form-data", "--XyZ--", &f),
                     FORM_BAD_BOUNDARY);
    arena_free(&a);
}

static void
test_form_multipart_fields_and_files(void **state)
{
    static const char body[] =
        "preamble\r\n"
        "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
        "abc\r\n"
        "--XyZ\r\ncontent-disposition: FORM-DATA; filename=\"p.csv\"; "
        "name=file\r\nContent-Type: text/csv\r\n\r\nA;B\r\n1;2\r\n\r\n"
        "--XyZ\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n"
        "plain\r\n"
        "--XyZ\r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n"
        "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"e2\"\r\n\r\n"
        "--XyZ--\r\nepilogue";
    struct arena a;
    struct form f;
    const struct form_field *file;

    (void)state;
    arena_init(&a);
    assert_int_equal(
        parse(&a, "multipart/form-data; boundary=\"XyZ\"", body, &f), FORM_OK);
    assert_int_equal(f.n, 5);
    assert_string_equal(form_find(&f, "csrf")->value, "abc");
    file = form_find(&f, "file");
    assert_non_null(file->filename);
    assert_string_equal(file->filename, "p.csv");
    assert_int_equal(file->len, 10);
    assert_memory_equal(file->value, "A;B\r\n1;2\r\n", 10);
    assert_string_equal(f.fields[2].value, "plain");
    assert_null(f.fields[2].filename);
    assert_string_equal(form_find(&f, "empty")->value, "");
    assert_string_equal(form_find(&f, "e2")->value, "");
    /* Line feeds alone, as some clients send. */
    assert_int_equal(parse(&a, MP,
                           "--XyZ\nContent-Disposition: form-data; "
                           "name=a\n\nx\n--XyZ--",
                           &f),
                     FORM_OK);
    assert_int_equal(f.n, 1);
    assert_string_equal(f.fields[0].value, "x");
    /* A line that only starts with the boundary is content. */
    assert_int_equal(parse(&a, MP,
                           "--XyZ\r\nContent-Disposition: form-data; "
                           "name=a\r\n\r\nx\r\n--XyZW\r\ny\r\n--XyZ--",
                           &f),
                     FORM_OK);
    assert_int_equal(f.n, 1);
    assert_string_equal(f.fields[0].value, "x\r\n--XyZW\r\ny");
    /* A part with no delimiter after it is dropped. */
    assert_int_equal(parse(&a, MP,
                           "--XyZ\r\nContent-Disposition: form-data; "
                           "name=a\r\n\r\nx\r\n--XyZ\r\nContent-Disposition: "
                           "form-data; name=b\r\n\r\ncut",
                           &f),
                     FORM_OK);
    assert_int_equal(f.n, 1);
    arena_free(&a);
}

static void
test_form_boundary_parameter(void **state)
{
    const char *b;
    size_t n;
    char longb[120];

    (void)state;
    assert_int_equal(form_boundary("multipart/form-data; boundary=ab", &b, &n),
                     0);
    assert_int_equal(n, 2);
    assert_memory_equal(b, "ab", 2);
    assert_int_equal(form_boundary("multipart/form-data;charset=x;"
                                   " BOUNDARY = \"a b\" ; x=y",
                                   &b, &n),
                     0);
    assert_int_equal(n, 3);
    assert_memory_equal(b, "a b", 3);
    assert_int_equal(form_boundary("multipart/form-data", &b, &n), -1);
    assert_int_equal(form_boundary("multipart/form-data; boundary=", &b, &n),
                     -1);
    assert_int_equal(
        form_boundary("multipart/form-data; boundary=\"open", &b, &n), -1);
    memcpy(longb, "x; boundary=", 12);
    memset(longb + 12, 'q', 71);
    longb[83] = '\0';
    assert_int_equal(form_boundary(longb, &b, &n), -1);
    assert_int_equal(form_boundary(NULL, &b, &n), -1);
}

static void
test_form_field_cap(void **state)
{
    struct arena a;
    struct form f;
    size_t n = 4 * (FORM_MAX_FIELDS + 1), i;
    char *body = malloc(n);

    (void)state;
    arena_init(&a);
    for (i = 0; i < FORM_MAX_FIELDS + 1; i++) {
        memcpy(body + 4 * i, "a=1&", 4);
    }
    assert_int_equal(form_parse(&a, UE, body, n - 4, &f), FORM_OK);
    assert_int_equal(f.n, FORM_MAX_FIELDS);
    assert_int_equal(form_parse(&a, UE, body, n, &f), FORM_TOO_MANY);
    assert_int_equal(f.n, 0);
    free(body);
    arena_free(&a);
}

/* Bodies built to make a naive parser quadratic, 4 MB each. */
static void
test_form_hostile_bodies_take_linear_time(void **state)
{
    static const char head[] = "--XyZ\r\nContent-Disposition: form-data; "
                               "name=f; filename=a\r\n\r\n";
    size_t n = 4u << 20, i;
    char *body = malloc(n);
    struct timespec t0;
    struct arena a;
    struct form f;

    (void)state;
    /* Lines that almost start the delimiter. */
    for (i = 0; i + 10 <= n; i += 10) {
        memcpy(body + i, "\r\n--XyZ-\r\n", 10);
    }
    memcpy(body, "--XyZ\r\n\r\n", 9);
    arena_init(&a);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(form_parse(&a, MP, body, i, &f), FORM_OK);
    assert_true(seconds_since(&t0) < 2.0);
    arena_free(&a);
    /* Names that are skipped never reach the field cap. */
    for (i = 0; i + 4 <= n; i += 4) {
        memcpy(body + i, "%00&", 4);
    }
    arena_init(&a);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(form_parse(&a, UE, body, i, &f), FORM_OK);
    assert_int_equal(f.n, 0);
    assert_true(seconds_since(&t0) < 2.0);
    arena_free(&a);
    /* One part whose content is one long line without line feeds. */
    memset(body, 'x', n);
    memcpy(body, head, sizeof(head) - 1);
    arena_init(&a);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(form_parse(&a, MP, body, n, &f), FORM_OK);
    assert_int_equal(f.n, 0); /* no closing delimiter */
    assert_true(seconds_since(&t0) < 2.0);
    arena_free(&a);
    free(body);
}

/* A path id is decimal digits only; anything else is a 404, never a 400. */
static void
test_req_param_num_takes_only_decimal_ids(void **state)
{
    static const char *bad[] = {
        "",   "0",   "-1",  "+1",  " 1",
        "1 ", "0x1", "1e3", "1.0", "1234567890123456789"};
    struct req r;
    int64_t v = -1;

    (void)state;
    memset(&r, 0, sizeof(r));
    r.nparams = 1;
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        r.params[0] = bad[i];
        r.status = 0;
        assert_int_equal(req_param_num(&r, 0, 1, &v), ERR_NOTFOUND);
        assert_int_equal(r.status, 404);
    }
    assert_int_equal(v, -1);
    assert_int_equal(req_param_num(&r, 1, 0, &v), ERR_NOTFOUND);
    r.params[0] = "0";
    assert_int_equal(req_param_num(&r, 0, 0, &v), 0);
    assert_int_equal(v, 0);
    r.params[0] = "007";
    assert_int_equal(req_param_num(&r, 0, 1, &v), 0);
    assert_int_equal(v, 7);
    r.params[0] = "999999999999999999";
    assert_int_equal(req_param_num(&r, 0, 1, &v), 0);
    assert_true(v == INT64_C(999999999999999999));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_form_urlencoded_decodes_and_first_wins),
        cmocka_unit_test(test_form_invalid_utf8_is_refused),
        cmocka_unit_test(
            test_form_multipart_parts_without_usable_name_are_skipped),
        cmocka_unit_test(test_form_multipart_fields_and_files),
        cmocka_unit_test(test_form_boundary_parameter),
        cmocka_unit_test(test_form_field_cap),
        cmocka_unit_test(test_form_hostile_bodies_take_linear_time),
        cmocka_unit_test(test_req_param_num_takes_only_decimal_ids),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
