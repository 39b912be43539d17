/* Unit tests of the HTML writers: escaping by default, safe links. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

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
        cmocka_unit_test(test_html_safe_href_blocks_script_urls),
        cmocka_unit_test(test_html_url_encode),
        cmocka_unit_test(test_layout_has_polish_lang_and_navigation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
