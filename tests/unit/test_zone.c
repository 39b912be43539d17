/*
** Unit tests of the professionals' zone (issue 19): the forum markup
** writes only its own elements and escapes everything typed, and an
** attachment's type comes from its content, agreeing with its name.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "zone/markup.h"
#include "zone/zone.h"

static char out_text[1 << 20];

static const char *
render(const char *in)
{
    struct buf b;

    buf_init(&b);
    markup_render(&b, in);
    snprintf(out_text, sizeof(out_text), "%s", b.data ? b.data : "");
    buf_free(&b);
    return out_text;
}

static void
test_zone_markup_structure(void **state)
{
    (void)state;
    assert_string_equal(render("a *b* **c**"),
                        "<p>a <em>b</em> <strong>c</strong></p>\n");
    assert_string_equal(render("- x\n- y"),
                        "<ul>\n<li>x</li>\n<li>y</li>\n</ul>\n");
    assert_string_equal(render("1. x\n2. y"),
                        "<ol>\n<li>x</li>\n<li>y</li>\n</ol>\n");
    assert_string_equal(render("> q\n\np"),
                        "<blockquote><p>q</p></blockquote>\n<p>p</p>\n");
    assert_string_equal(render("see [doc](https://a.pl/x?y=1&z=2)."),
                        "<p>see <a href=\"https://a.pl/x?y=1&amp;z=2\" "
                        "rel=\"nofollow ugc noopener\">doc</a>.</p>\n");
    assert_string_equal(render("https://a.pl."),
                        "<p><a href=\"https://a.pl\" rel=\"nofollow ugc "
                        "noopener\">https://a.pl</a>.</p>\n");
    /* An element left open is closed at the end of its line. */
    assert_string_equal(render("*a **b*"), "<p><em>a <strong>b*</strong>"
                                           "</em></p>\n");
}

static void
test_zone_markup_escapes_everything(void **state)
{
    (void)state;
    render("<script>alert(1)</script>");
    assert_null(strstr(out_text, "<script"));
    assert_non_null(strstr(out_text, "&lt;script&gt;"));
    render("[x](javascript:alert(1)) <img src=x onerror=alert(1)>");
    assert_null(strstr(out_text, "href=\"javascript"));
    assert_null(strstr(out_text, "<img"));
    render("[x](https://a.pl/\"onmouseover=\"alert(1))");
    assert_null(strstr(out_text, "\"onmouseover"));
    render("http://a.pl/<b>");
    assert_null(strstr(out_text, "<b>"));
}

static void
test_zone_markup_is_capped(void **state)
{
    static char big[MARKUP_MAX * 2 + 1];

    (void)state;
    memset(big, '*', sizeof(big) - 1);
    render(big); /* alternating em/strong: closes, stays in bounds */
    assert_true(strlen(out_text) < sizeof(out_text) - 1);
}

static void
test_zone_file_type_by_content(void **state)
{
    struct zone_upload pdf = {"a.pdf", "%PDF-1.4 x", 10};
    struct zone_upload png = {"a.PNG", "\x89PNG\r\n\x1a\n....", 12};
    struct zone_upload jpg = {"a.jpeg", "\xff\xd8\xff\xe0..", 6};
    struct zone_upload liar = {"a.pdf", "\x89PNG\r\n\x1a\n....", 12};
    struct zone_upload html = {"a.pdf", "<html><script>", 14};
    const char *why;

    (void)state;
    assert_string_equal(zone_file_type(&pdf, 100, &why), "application/pdf");
    assert_string_equal(zone_file_type(&png, 100, &why), "image/png");
    assert_string_equal(zone_file_type(&jpg, 100, &why), "image/jpeg");
    assert_null(zone_file_type(&liar, 100, &why));
    assert_non_null(why);
    assert_null(zone_file_type(&html, 100, &why));
    assert_non_null(why);
    assert_null(zone_file_type(&pdf, 9, &why)); /* over the cap */
    assert_non_null(why);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zone_markup_structure),
        cmocka_unit_test(test_zone_markup_escapes_everything),
        cmocka_unit_test(test_zone_markup_is_capped),
        cmocka_unit_test(test_zone_file_type_by_content),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
