/*
** Unit tests of core/csv.c (issue 11, finding 5): every trigger of the
** formula guard, quoting by the flags each export uses, numbers never
** prefixed, and csv_unguard giving back the text the guard stood for;
** the reader's cells, rows and lines (issue 13).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/csv.h"
#include "core/err.h"

/* One row of text fields written with sep and flags, as a string. */
static char *
text_row(char sep, unsigned flags, const char *const *v, int n)
{
    struct buf b;
    struct csv c;
    size_t len;

    buf_init(&b);
    csv_begin(&c, &b, sep, flags);
    for (int i = 0; i < n; i++) {
        csv_text(&c, v[i]);
    }
    csv_row_end(&c);
    return buf_detach(&b, &len);
}

static void
expect_text(char sep, unsigned flags, const char *in, const char *want)
{
    char *got = text_row(sep, flags, &in, 1);

    assert_string_equal(got, want);
    free(got);
}

static void
test_csv_guards_every_trigger(void **state)
{
    (void)state;
    expect_text(';', 0, "=HYPERLINK(\"http://x\",\"y\")",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
    expect_text(';', 0, "+1", "'+1\r\n");
    expect_text(';', 0, "-2+3", "'-2+3\r\n");
    expect_text(';', 0, "@SUM(A1)", "'@SUM(A1)\r\n");
    expect_text(';', 0, "\tx", "'\tx\r\n");
    /* CR forces quotes; the guard sits inside them */
    expect_text(';', 0, "\rx", "\"'\rx\"\r\n");
    expect_text(',', CSV_QUOTE_ALL, "=1+1", "\"'=1+1\"\r\n");
    expect_text(',', CSV_QUOTE_ALL, "-", "\"'-\"\r\n");
    /* a text that itself starts with a guard keeps it: one more quote */
    expect_text(';', 0, "'=x", "''=x\r\n");
    expect_text(';', 0, "''@x", "'''@x\r\n");
}

static void
test_csv_leaves_other_text_alone(void **state)
{
    (void)state;
    expect_text(';', 0, "", "\r\n");
    expect_text(';', 0, "a=b", "a=b\r\n");
    expect_text(';', 0, "1.1", "1.1\r\n");
    expect_text(';', 0, "'abc", "'abc\r\n");
    expect_text(';', 0, " =x", " =x\r\n");
    expect_text(';', 0, "Łódź – 2026", "Łódź – 2026\r\n");
    expect_text(';', 0, "\xe2\x80\x93 dash", "\xe2\x80\x93 dash\r\n");
    assert_false(csv_needs_guard(NULL));
    assert_false(csv_needs_guard(""));
    assert_false(csv_needs_guard("'"));
    assert_true(csv_needs_guard("'\t"));
}

static void
test_csv_quotes_by_flags(void **state)
{
    static const char *const v[] = {"a;b", "c,d", "say \"hi\"", " lead",
                                    "two\nlines"};
    char *got;

    (void)state;
    got = text_row(';', 0, v, 5);
    assert_string_equal(got, "\"a;b\";c,d;\"say \"\"hi\"\"\"; lead;"
                             "\"two\nlines\"\r\n");
    free(got);
    got = text_row(';', CSV_QUOTE_SPACES, v, 5);
    assert_string_equal(got, "\"a;b\";c,d;\"say \"\"hi\"\"\";\" lead\";"
                             "\"two\nlines\"\r\n");
    free(got);
    got = text_row(',', CSV_QUOTE_SPACES | CSV_QUOTE_COMMA_SEMI, v, 5);
    assert_string_equal(got, "\"a;b\",\"c,d\",\"say \"\"hi\"\"\",\" lead\","
                             "\"two\nlines\"\r\n");
    free(got);
    got = text_row(',', CSV_QUOTE_ALL, v, 2);
    assert_string_equal(got, "\"a;b\",\"c,d\"\r\n");
    free(got);
}

static void
test_csv_numbers_are_not_guarded(void **state)
{
    struct buf b;
    struct csv c;

    (void)state;
    buf_init(&b);
    csv_begin(&c, &b, ';', CSV_BOM | CSV_QUOTE_ALL);
    csv_num(&c, "-1 234,56");
    csv_num(&c, "52.21");
    csv_int(&c, -5);
    csv_int(&c, 0);
    csv_num(&c, "12;5"); /* holds the separator: quoted, not guarded */
    /* not numbers: written as text, so guarded */
    csv_num(&c, "-2+3");
    csv_num(&c, "=1");
    csv_num(&c, "-");
    csv_num(&c, NULL);
    csv_row_end(&c);
    assert_string_equal(b.data, "\xEF\xBB\xBF-1 234,56;52.21;-5;0;\"12;5\";"
                                "\"'-2+3\";\"'=1\";\"'-\";\"\"\r\n");
    buf_free(&b);
}

static void
test_csv_unguard_gives_back_the_text(void **state)
{
    static const char *const v[] = {"=HYPERLINK(\"http://x\",\"y\")",
                                    "+1",
                                    "-2+3",
                                    "@SUM(A1)",
                                    "\tx",
                                    "\rx",
                                    "'=x",
                                    "''-x",
                                    "'abc",
                                    "'",
                                    "plain",
                                    ""};

    (void)state;
    for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
        struct buf b;

        buf_init(&b);
        csv_guard_to(&b, v[i]);
        buf_putc(&b, '\0');
        assert_true(b.data[0] == '\0' || strchr("=+-@\t\r", b.data[0]) == NULL);
        assert_string_equal(csv_unguard(b.data), v[i]);
        buf_free(&b);
    }
}

/* The cells of text read with sep, as "a|b/c|" (| between cells, / at a
 * row's end), so a whole reading compares as one string. */
static void
expect_cells(const char *text, char sep, const char *want)
{
    struct csv_in in;
    struct buf got;
    const char *s;
    size_t n;
    int step;

    buf_init(&got);
    csv_read_begin(&in, text, strlen(text), sep);
    while ((step = csv_read_cell(&in, &s, &n)) != CSV_END) {
        buf_append(&got, s, n);
        buf_putc(&got, step == CSV_LAST ? '/' : '|');
    }
    buf_putc(&got, '\0');
    assert_string_equal(got.data, want);
    csv_read_end(&in);
    buf_free(&got);
}

static void
test_csv_reader_cells_and_rows(void **state)
{
    (void)state;
    expect_cells("", ';', "");
    expect_cells("a;b\r\nc;d\n", ';', "a|b/c|d/");
    expect_cells("a,b;c", ',', "a|b;c/");
    expect_cells("a;\n\n;b", ';', "a|//|b/");
    expect_cells("a\rb", ';', "a/b/");
    expect_cells("a;", ';', "a|/");
    expect_cells("\"x;\"\"y\"\"\r\nz\";w\n", ';', "x;\"y\"\r\nz|w/");
    expect_cells("a\"b;\"\"", ';', "a\"b|/");
}

static void
test_csv_reader_flags_and_lines(void **state)
{
    static const char text[] = "\"a\nb\"x;c\n\"open";
    struct csv_in in;
    const char *s;
    size_t n;

    (void)state;
    assert_int_equal(csv_bom_len("\xEF\xBB\xBF"
                                 "a",
                                 4),
                     3);
    assert_int_equal(csv_bom_len("a", 1), 0);
    csv_read_begin(&in, text, strlen(text), ';');
    assert_int_equal(csv_read_cell(&in, &s, &n), CSV_CELL);
    assert_true(in.stray && !in.unclosed);
    assert_int_equal(in.cell_line, 1);
    assert_int_equal(in.line, 2);
    assert_int_equal(csv_read_cell(&in, &s, &n), CSV_LAST);
    assert_false(in.stray);
    assert_int_equal(csv_read_cell(&in, &s, &n), CSV_LAST);
    assert_true(in.unclosed);
    assert_int_equal(in.cell_line, 3);
    assert_int_equal(n, 4);
    assert_int_equal(csv_read_cell(&in, &s, &n), CSV_END);
    csv_read_end(&in);
}

/* Issue 20: every CSV the product reads takes UTF-8 (with or without a
 * BOM) and Windows-1250, and ';' or ','. */
static void
test_csv_decode_utf8_and_cp1250(void **state)
{
    /* "Łódź;Gdańsk" in Windows-1250: Ł=A3 ó=F3 dź=64 9F, ń=F1 */
    static const char cp[] = "\xA3\xF3\x64\x9F;Gda\xF1sk\r\n";
    static const char utf[] = "\xEF\xBB\xBF\xC5\x81\xC3\xB3"
                              "d\xC5\xBA;x";
    struct arena a;
    const char *t;
    size_t n;
    bool cp1250;

    (void)state;
    arena_init(&a);
    assert_int_equal(csv_decode(&a, cp, strlen(cp), &t, &n, &cp1250), 0);
    assert_true(cp1250);
    assert_int_equal(n, strlen("Łódź;Gdańsk\r\n"));
    assert_memory_equal(t, "Łódź;Gdańsk\r\n", n);
    assert_int_equal(csv_decode(&a, utf, strlen(utf), &t, &n, &cp1250), 0);
    assert_false(cp1250);
    assert_ptr_equal(t, utf + 3); /* UTF-8 is not copied, the BOM left out */
    assert_int_equal(n, strlen(utf) - 3);
    /* plain ASCII is UTF-8 */
    assert_int_equal(csv_decode(&a, "a,b", 3, &t, &n, &cp1250), 0);
    assert_false(cp1250);
    /* a NUL byte, a byte Windows-1250 leaves undefined (0x98), damaged
     * UTF-8 after a BOM: refused */
    assert_int_equal(csv_decode(&a, "a\0b", 3, &t, &n, &cp1250), ERR_INPUT);
    assert_int_equal(csv_decode(&a, "a\x98", 2, &t, &n, &cp1250), ERR_INPUT);
    assert_int_equal(csv_decode(&a, "\xEF\xBB\xBF\xA3x", 5, &t, &n, &cp1250),
                     ERR_INPUT);
    arena_free(&a);
}

static void
test_csv_sniff_sep(void **state)
{
    (void)state;
    assert_int_equal(csv_sniff_sep("a;b;c\n1,2;3", 11), ';');
    assert_int_equal(csv_sniff_sep("a,b;c,d", 7), ',');
    /* separators inside quotes do not count, nor do later lines */
    assert_int_equal(csv_sniff_sep("\"a;b;c\",d\n;;;", 13), ',');
    assert_int_equal(csv_sniff_sep("\"x,y,z\";d", 9), ';');
    assert_int_equal(csv_sniff_sep("", 0), ',');
}

/* The plan reader's header: a line starting with "Lp". */
static bool
starts_lp(void *ctx, const char *line, size_t n)
{
    (void)ctx;
    return n >= 2 && memcmp(line, "Lp", 2) == 0;
}

#define SNIFF(s) csv_sniff_sep_at(s, sizeof(s) - 1, starts_lp, NULL)

/* The one separator detection of the product (the plan reader's too). */
static void
test_csv_sniff_sep_at_header_line(void **state)
{
    (void)state;
    /* the header line decides, not the title lines above it */
    assert_int_equal(SNIFF("Plan, 2024, title\nLp;Task;Term\n"), ';');
    assert_int_equal(SNIFF("a;b;c\nLp,Task,Term\n1,x,y"), ',');
    /* two ';' win over commas of Polish headers; a tie is ';' */
    assert_int_equal(SNIFF("Lp;Term, months, year, x;y"), ';');
    assert_int_equal(SNIFF("Lp;Text, goal"), ';');
    assert_int_equal(SNIFF("Lp.,Text;a,b"), ',');
    assert_int_equal(SNIFF("Lp\n1;2"), ';');
    /* no header line: ';' when any line has one outside quotes */
    assert_int_equal(SNIFF("x,y\nz;w\n"), ';');
    assert_int_equal(SNIFF("x,y\n\"z;w\"\n"), ',');
    /* a stray quote ends with its line: the next line is still seen */
    assert_int_equal(SNIFF("12\" x,a\nLp;a;b"), ';');
    /* only the first CSV_SNIFF_BYTES are read */
    {
        size_t n = CSV_SNIFF_BYTES + 16;
        char *big = malloc(n);

        memset(big, 'a', n);
        big[CSV_SNIFF_BYTES - 1] = '\n';
        memcpy(big + CSV_SNIFF_BYTES, "Lp;a;b\n", 7);
        assert_int_equal(csv_sniff_sep_at(big, n, starts_lp, NULL), ',');
        free(big);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_guards_every_trigger),
        cmocka_unit_test(test_csv_leaves_other_text_alone),
        cmocka_unit_test(test_csv_quotes_by_flags),
        cmocka_unit_test(test_csv_numbers_are_not_guarded),
        cmocka_unit_test(test_csv_unguard_gives_back_the_text),
        cmocka_unit_test(test_csv_reader_cells_and_rows),
        cmocka_unit_test(test_csv_reader_flags_and_lines),
        cmocka_unit_test(test_csv_decode_utf8_and_cp1250),
        cmocka_unit_test(test_csv_sniff_sep),
        cmocka_unit_test(test_csv_sniff_sep_at_header_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
