/* Unit tests of the HTML writers: escaping by default, safe links. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <wchar.h>

#include "html/html.h"
#include "html/layout.h"

static struct req *
fake_req(void)
{
    static struct req r;

    memset(&r, 0, sizeof(r));
    arena_init(&r.arena);
    buf_init(&r.out);
    r.path = "/teryt";
    return &r;
}

static void
done(struct req *r)
{
    buf_free(&r->out);
    arena_free(&r->arena);
}

static void
test_html_printf_escapes_every_string(void **state)
{
    struct req *r = fake_req();

    (void)state;
    html_printf(&r->out, "<p title=\"%s\">%s %d %ld %zu%%</p>",
                "\"><img src=x onerror=alert(1)>", "<script>&'", -7, 12L,
                (size_t)3);
    assert_string_equal(r->out.data,
                        "<p title=\"&quot;&gt;&lt;img src=x "
                        "onerror=alert(1)&gt;\">&lt;script&gt;&amp;&#39; "
                        "-7 12 3%</p>");
    done(r);
}

/* %.Ns keeps at most N bytes, never half a character, and escapes after
 * cutting so that no entity is cut either. */
static void
test_html_printf_precision_cuts_at_utf8_boundary(void **state)
{
    struct req *r = fake_req();

    (void)state;
    html_printf(&r->out, "[%.5s|%.4s|%.3s|%.1s|%.0s|%.80s|%.2s]", "Łódź",
                "Łódź", "Łódź", "Łódź", "Łódź", "Łódź", "<<<");
    assert_string_equal(r->out.data, "[Łód|Łó|Ł|||Łódź|&lt;&lt;]");
    done(r);
}

static void
test_html_printf_formats_every_supported_conversion(void **state)
{
    struct req *r = fake_req();
    long long big = -9000000000LL;

    (void)state;
    html_printf(&r->out,
                "%d %i %u %o %x %X %c %c|%5d|%-3d|%03d|%+d %lld %hhd %zu %jd "
                "%lu %td",
                -1, 2, 3U, 8U, 255U, 255U, 'a', '<', 42, 7, 5, 9, big, 65,
                (size_t)6, (intmax_t)-7, 8UL, (ptrdiff_t)-9);
    assert_string_equal(r->out.data, "-1 2 3 10 ff FF a &lt;|   42|7  |005|+9 "
                                     "-9000000000 65 6 -7 8 -9");
    buf_reset(&r->out);
    html_printf(&r->out, "%f %.1f%% %F %e %E %g %G %a %A %8.2f|%s", 1.5, 12.25,
                2.0, 1500.0, 0.5, 0.0001, 1e20, 1.0, 1.0, 3.14159, "end");
    assert_string_equal(r->out.data,
                        "1.500000 12.2% 2.000000 1.500000e+03 5.000000E-01 "
                        "0.0001 1E+20 0x1p+0 0X1P+0     3.14|end");
    done(r);
}

/* A conversion the source check refuses does not end the page: the rest of
 * the format is written as it stands and no argument is read. */
static void
test_html_printf_unsupported_conversion_keeps_the_page(void **state)
{
    struct req *r = fake_req();

    (void)state;
    html_printf(&r->out, "<p>%d %p</p>%s", 1, (void *)r, "x");
    assert_string_equal(r->out.data, "<p>1 %p</p>%s");
    buf_reset(&r->out);
    html_printf(&r->out, "<p>%ls</p>", L"x");
    assert_string_equal(r->out.data, "<p>%ls</p>");
    done(r);
}

static void
test_html_safe_href_blocks_script_urls(void **state)
{
    (void)state;
    assert_string_equal(html_safe_href("javascript:alert(1)"), "#");
    assert_string_equal(html_safe_href("JaVaScRiPt:alert(1)"), "#");
    assert_string_equal(html_safe_href("data:text/html,x"), "#");
    assert_string_equal(html_safe_href("//evil.example/"), "#");
    assert_string_equal(html_safe_href("https://rops.torun.pl/"),
                        "https://rops.torun.pl/");
    assert_string_equal(html_safe_href("/teryt/04"), "/teryt/04");
    assert_string_equal(html_safe_href("tel:800154030"), "tel:800154030");
}

static void
test_html_url_encode(void **state)
{
    struct arena a;

    (void)state;
    arena_init(&a);
    assert_string_equal(html_url_encode(&a, "Łódź & co"),
                        "%C5%81%C3%B3d%C5%BA%20%26%20co");
    arena_free(&a);
}

static void
test_html_tel_href_keeps_digits_and_a_leading_plus(void **state)
{
    struct arena a;

    (void)state;
    arena_init(&a);
    assert_string_equal(html_tel_href(&a, "800 154 030"), "tel:800154030");
    assert_string_equal(html_tel_href(&a, "+48 (22) 123-45-67"),
                        "tel:+48221234567");
    assert_string_equal(html_tel_href(&a, "22 1+2"), "tel:2212");
    assert_string_equal(html_tel_href(&a, ""), "tel:");
    arena_free(&a);
}

static void
test_layout_has_polish_lang_and_navigation(void **state)
{
    struct req *r = fake_req();

    (void)state;
    layout_begin(r, "Tytuł <b>");
    layout_end(r);
    assert_non_null(strstr(r->out.data, "<html lang=\"pl\">"));
    assert_non_null(strstr(r->out.data, "<title>Tytuł &lt;b&gt;</title>"));
    assert_non_null(strstr(r->out.data, "href=\"/niebieska-linia\""));
    assert_non_null(strstr(r->out.data, "<a href=\"/teryt\" "
                                        "aria-current=\"page\">"));
    assert_null(strstr(r->out.data, "<script>")); /* no inline script */
    done(r);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_printf_escapes_every_string),
        cmocka_unit_test(test_html_printf_precision_cuts_at_utf8_boundary),
        cmocka_unit_test(test_html_printf_formats_every_supported_conversion),
        cmocka_unit_test(
            test_html_printf_unsupported_conversion_keeps_the_page),
        cmocka_unit_test(test_html_safe_href_blocks_script_urls),
        cmocka_unit_test(test_html_url_encode),
        cmocka_unit_test(test_html_tel_href_keeps_digits_and_a_leading_plus),
        cmocka_unit_test(test_layout_has_polish_lang_and_navigation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
