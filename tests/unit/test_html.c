/* Unit tests of the HTML writers: escaping by default, safe links. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <wchar.h>

#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "html/strings_pl.h"

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

/* Every summary item that names a field links to it; the field gets
 * aria-invalid and the item's id in aria-describedby (issue 20). */
static void
test_form_errors_tie_items_to_fields(void **state)
{
    struct req *r = fake_req();
    const char *msgs[] = {
        "Title: required.",
        "Name: required.",
        "Name: required.",
        V_FIELD_NAMED "Year" V_QUOTE_END ": not a year.",
        V_FIELD_NAMED_LC "org_name" V_QUOTE_END ": give a name.",
        "Term: dates in order.",
        "Something went wrong.",
        "Kind: choose one.",
    };
    const char *p;

    (void)state;
    form_errors(r, msgs, 8);
    html_lit(&r->out,
             "<form>"
             "<p><label for=\"f-title\">Title (required)</label>"
             "<input id=\"f-title\" name=\"title\" type=\"text\"></p>"
             "<p><label for=\"f-n1\">Name</label>"
             "<input id=\"f-n1\" name=\"n1\"></p>"
             "<p><label for=\"f-n2\">Name</label>"
             "<input id=\"f-n2\" name=\"n2\"></p>"
             "<p><label for=\"f-year\">Year</label>"
             "<select id=\"f-year\" name=\"year\" aria-invalid=\"true\">"
             "</select></p>"
             "<p><label for=\"f-org\">Institution</label>"
             "<input id=\"f-org_name\" name=\"org_name\"></p>"
             "<fieldset><legend>Term</legend>"
             "<input type=\"hidden\" id=\"f-x\" name=\"x\">"
             "<label for=\"f-from\">From</label><input id=\"f-from\" "
             "type=\"date\"><label for=\"f-to\">To</label>"
             "<input id=\"f-to\" type=\"date\"></fieldset>"
             "<p><label for=\"f-kind\">Kinds</label><span id=\"f-kind\">"
             "</span></p></form>");
    form_mark_errors(r);
    p = r->out.data;
    assert_non_null(strstr(p, "<li id=\"field-error-1\"><a href=\"#f-title\">"
                              "Title: required.</a></li>"));
    assert_non_null(strstr(p, "<input id=\"f-title\" aria-invalid=\"true\" "
                              "aria-describedby=\"field-error-1\" "));
    /* a repeated label: the next field of that label */
    assert_non_null(strstr(p, "<a href=\"#f-n1\">Name: required.</a>"));
    assert_non_null(strstr(p, "<a href=\"#f-n2\">Name: required.</a>"));
    assert_non_null(strstr(p, "<input id=\"f-n2\" aria-invalid=\"true\" "
                              "aria-describedby=\"field-error-3\" "));
    /* "Pole „Year”": by its label; aria-invalid is not written twice */
    assert_non_null(strstr(p, "<select id=\"f-year\" aria-describedby="
                              "\"field-error-4\" name=\"year\" "
                              "aria-invalid=\"true\">"));
    /* "pole „org_name”": by the field's name */
    assert_non_null(strstr(p, "<a href=\"#f-org_name\">"));
    assert_non_null(strstr(p, "<input id=\"f-org_name\" aria-invalid="));
    /* a legend: every control of its fieldset, the first linked */
    assert_non_null(strstr(p, "<li id=\"field-error-6\"><a href=\"#f-from\">"));
    assert_non_null(strstr(p, "<input id=\"f-from\" aria-invalid=\"true\" "
                              "aria-describedby=\"field-error-6\" "));
    assert_non_null(strstr(p, "<input id=\"f-to\" aria-invalid=\"true\" "
                              "aria-describedby=\"field-error-6\" "));
    assert_null(strstr(p, "id=\"f-x\" aria-invalid"));
    /* no field named, or no control of that id: as it was */
    assert_non_null(strstr(p, "<li>Something went wrong.</li>"));
    assert_non_null(strstr(p, "<li>Kind: choose one.</li>"));
    assert_null(strstr(p, "<span id=\"f-kind\" aria"));
    /* each id once */
    assert_null(
        strstr(strstr(p, "id=\"field-error-1\"") + 1, "id=\"field-error-1\""));
    done(r);
}

/* An existing aria-describedby gets the item's id added, and a second
 * item naming the same field adds its own. */
static void
test_form_errors_join_describedby(void **state)
{
    struct req *r = fake_req();
    const char *msgs[] = {"Note: too long.", "Note: no links."};

    (void)state;
    form_errors(r, msgs, 2);
    html_lit(&r->out, "<p><label for=\"f-note\">Note</label><textarea "
                      "id=\"f-note\" aria-describedby=\"f-note-hint\">"
                      "</textarea></p><p><label for=\"f-other\">Note</label>"
                      "<input id=\"f-other\"></p>");
    form_mark_errors(r);
    assert_non_null(strstr(r->out.data,
                           "<textarea id=\"f-note\" aria-invalid=\"true\" "
                           "aria-describedby=\"f-note-hint field-error-1\">"));
    /* the second "Note" item: the next field labelled so */
    assert_non_null(strstr(r->out.data, "<input id=\"f-other\" aria-invalid="
                                        "\"true\" aria-describedby=\""
                                        "field-error-2\">"));
    done(r);
}

/* A long list (a file's findings) is looked at up to FORM_MARK_MAX. */
static void
test_form_errors_look_at_a_bounded_number(void **state)
{
    struct req *r = fake_req();
    const char *msgs[FORM_MARK_MAX + 6];
    int i;

    (void)state;
    for (i = 0; i < FORM_MARK_MAX + 6; i++) {
        msgs[i] = "Title: required.";
    }
    form_errors(r, msgs, FORM_MARK_MAX + 6);
    for (i = 0; i < FORM_MARK_MAX + 6; i++) {
        html_printf(&r->out,
                    "<label for=\"f-t%d\">Title</label><input id=\"f-t%d\">", i,
                    i);
    }
    form_mark_errors(r);
    assert_non_null(strstr(r->out.data, "<input id=\"f-t63\" aria-invalid="));
    assert_non_null(strstr(r->out.data, "id=\"field-error-64\""));
    assert_null(strstr(r->out.data, "id=\"field-error-65\""));
    assert_null(strstr(r->out.data, "<input id=\"f-t64\" aria-invalid="));
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
        cmocka_unit_test(test_form_errors_tie_items_to_fields),
        cmocka_unit_test(test_form_errors_join_describedby),
        cmocka_unit_test(test_form_errors_look_at_a_bounded_number),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
