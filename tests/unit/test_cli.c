/* Unit tests of the option parser every subcommand uses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>

#include "cli/cli.h"

struct parsed {
    const char *db, *listen, *output;
    bool demo;
    const char *pos[2];
    int npos;
};

static int
parse(struct parsed *p, int argc, char **argv, int min_pos, int max_pos)
{
    const struct cli_opt opts[] = {
        {"db", &p->db, NULL, 0},     {"listen", &p->listen, NULL, 0},
        {"demo", NULL, &p->demo, 0}, {"output", &p->output, NULL, 'o'},
        {NULL, NULL, NULL, 0},
    };

    return cli_parse("test", argc, argv, opts, min_pos, max_pos, p->pos,
                     &p->npos);
}

static void
test_cli_parse_values_and_flags(void **state)
{
    char *argv[] = {"init",    "--db", "x.db", "--demo", "--listen=1.2.3.4:5",
                    "file.txt"};
    struct parsed p = {0};

    (void)state;
    assert_int_equal(parse(&p, 6, argv, 1, 1), 0);
    assert_string_equal(p.db, "x.db");
    assert_string_equal(p.listen, "1.2.3.4:5");
    assert_true(p.demo);
    assert_int_equal(p.npos, 1);
    assert_string_equal(p.pos[0], "file.txt");
}

static void
test_cli_parse_rejects_unknown_option(void **state)
{
    char *argv[] = {"init", "--dbb", "x"};
    char *argv2[] = {"init", "-x"};
    struct parsed p = {0};

    (void)state;
    assert_int_equal(parse(&p, 3, argv, 0, 1), CLI_USAGE);
    assert_int_equal(parse(&p, 2, argv2, 0, 1), CLI_USAGE);
}

static void
test_cli_parse_missing_value_and_arguments(void **state)
{
    char *argv[] = {"init", "--db"};
    char *argv2[] = {"check"};
    char *argv3[] = {"check", "a", "b"};
    char *argv4[] = {"init", "--demo=yes"};
    struct parsed p = {0};

    (void)state;
    assert_int_equal(parse(&p, 2, argv, 0, 0), CLI_USAGE);
    assert_int_equal(parse(&p, 1, argv2, 1, 1), CLI_USAGE);
    assert_int_equal(parse(&p, 3, argv3, 1, 1), CLI_USAGE);
    assert_int_equal(parse(&p, 2, argv4, 0, 0), CLI_USAGE);
}

static void
test_cli_parse_short_option(void **state)
{
    char *argv[] = {"export", "-o", "plan.xlsx", "1"};
    char *argv2[] = {"export", "-x", "1"};
    char *argv3[] = {"export", "-o"};
    struct parsed p = {0};

    (void)state;
    assert_int_equal(parse(&p, 4, argv, 1, 1), 0);
    assert_string_equal(p.output, "plan.xlsx");
    assert_string_equal(p.pos[0], "1");
    assert_int_equal(parse(&p, 3, argv2, 0, 1), CLI_USAGE);
    assert_int_equal(parse(&p, 2, argv3, 0, 1), CLI_USAGE);
}

static void
test_cli_parse_double_dash_ends_options(void **state)
{
    char *argv[] = {"check", "--", "--odd-name.csv"};
    struct parsed p = {0};

    (void)state;
    assert_int_equal(parse(&p, 3, argv, 1, 1), 0);
    assert_string_equal(p.pos[0], "--odd-name.csv");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cli_parse_values_and_flags),
        cmocka_unit_test(test_cli_parse_rejects_unknown_option),
        cmocka_unit_test(test_cli_parse_missing_value_and_arguments),
        cmocka_unit_test(test_cli_parse_short_option),
        cmocka_unit_test(test_cli_parse_double_dash_ends_options),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
