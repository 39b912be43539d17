/*
** Regions on the web (issue 15): the administrators' page /regiony lists
** the regions served with their settings and adds a region or changes
** one (CSRF by form_begin, audit by region_save), and region_html_lines()
** writes the crisis lines for the home page and the directory.
*/
#include "modules_handlers.h"
#include "pages.h"

#include <string.h>
#include <time.h>

#include "core/err.h"
#include "core/str.h"
#include "core/warsaw.h"
#include "db/db.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "region.h"
#include "strings_pl.h"
#include "teryt/teryt.h"

/* "800 154 030" -> "tel:800154030": only the digits and a leading +. */
static const char *
tel_href(struct arena *a, const char *phone)
{
    size_t n = strlen(phone), i, k = 0;
    char *out = arena_alloc(a, n + 5);

    memcpy(out, "tel:", 4);
    k = 4;
    for (i = 0; i < n; i++) {
        if ((phone[i] >= '0' && phone[i] <= '9') ||
            (phone[i] == '+' && k == 4)) {
            out[k++] = phone[i];
        }
    }
    out[k] = '\0';
    return out;
}

static int
minute_now(void)
{
    struct tm tm;

    warsaw_tm((int64_t)time(NULL), &tm);
    return tm.tm_hour * 60 + tm.tm_min;
}

static void
line_items(struct req *r, const struct region_line *l, int n, int now)
{
    int i;

    for (i = 0; i < n; i++) {
        const char *open = "";

        if (l[i].open_from >= 0) {
            open = region_line_open_now(&l[i], now) ? T_RGN_OPEN_NOW
                                                    : T_RGN_CLOSED_NOW;
        }
        html_printf(&r->out, "<li>%s: <a href=\"%s\">%s</a>%s%s%s%s%s</li>\n",
                    l[i].name, tel_href(&r->arena, l[i].phone), l[i].phone,
                    *l[i].hours ? ", " : "", l[i].hours, *open ? " (" : "",
                    open, *open ? ")" : "");
    }
}

int
region_html_lines(struct req *r, const char *woj)
{
    struct region_line *l, *nat;
    int n = region_lines(r->db, &r->arena, woj, &l), nn, now = minute_now();

    if (n < 0) {
        return n;
    }
    nn = region_national_lines(&r->arena, &nat);
    html_lit(&r->out, "<ul class=\"crisis-lines\">\n");
    line_items(r, l, n, now);
    line_items(r, nat, nn, now);
    html_lit(&r->out, "</ul>\n");
    return 0;
}

static const char *
lines_text(struct arena *a, const struct region_settings *s)
{
    const char *out = "";
    int i;

    for (i = 0; i < s->nlines; i++) {
        out = arena_printf(a, "%s%s | %s | %s\n", out, s->lines[i].name,
                           s->lines[i].phone, s->lines[i].hours);
    }
    return out;
}

static int
regions_table(struct req *r)
{
    const char **codes = NULL;
    int rc, n = region_codes(r->db, &r->arena, &codes), i;

    if (n < 0) {
        return n;
    }
    if (n == 0) {
        html_lit(&r->out, "<p>" T_RGN_NONE "</p>\n");
        return 0;
    }
    /* A wide table scrolls in its own box, the page reflows (WCAG 1.4.10). */
    html_lit(&r->out,
             "<div class=\"wide\" tabindex=\"0\" role=\"region\" "
             "aria-label=\"" T_RGN_TITLE "\"><table>\n<caption>" T_RGN_TITLE
             "</caption>\n<thead><tr><th scope=\"col\">" T_RGN_CODE
             "</th><th scope=\"col\">" T_RGN_VOIVODESHIP
             "</th><th scope=\"col\">" T_RGN_OFFICE
             "</th><th scope=\"col\">" T_RGN_ADDRESS
             "</th><th scope=\"col\">" T_RGN_LINES
             "</th><th scope=\"col\">" T_RGN_INFO_LINE
             "</th><th scope=\"col\">" T_RGN_BIP
             "</th></tr></thead>\n<tbody>\n");
    for (i = 0; i < n; i++) {
        struct region_settings s;
        int k;

        if ((rc = region_get(r->db, &r->arena, codes[i], &s)) != 0) {
            return rc;
        }
        html_printf(&r->out,
                    "<tr><td><a href=\"/regiony?woj=%s#edycja\">%s</a></td>"
                    "<td>%s</td><td>%s</td><td>%s</td><td>",
                    s.woj, s.woj, s.woj_name, s.office, s.address);
        if (s.nlines == 0) {
            html_lit(&r->out, T_RGN_NO_LINES);
        }
        for (k = 0; k < s.nlines; k++) {
            html_printf(&r->out, "%s%s: %s, %s", k ? "<br>" : "",
                        s.lines[k].name, s.lines[k].phone, s.lines[k].hours);
        }
        html_printf(&r->out, "</td><td>%s</td><td>%s</td></tr>\n", s.info_line,
                    s.bip_url);
    }
    html_lit(&r->out, "</tbody>\n</table></div>\n");
    return 0;
}

/* The form, filled from *s (what was typed, or the stored settings). */
static int
regions_form(struct req *r, const struct region_settings *s, const char *lines,
             const char *error)
{
    struct teryt_woj *woj = NULL;
    int n = teryt_woj_list(r->db, &r->arena, &woj), i;

    html_lit(&r->out, "<h2 id=\"edycja\">" T_RGN_EDIT_CAPTION "</h2>\n");
    if (error != NULL) {
        form_errors(r, &error, 1);
    }
    form_begin(r, "/regiony", NULL);
    html_lit(&r->out,
             "<p class=\"field\"><label for=\"f-woj\">" T_RGN_VOIVODESHIP
             "</label>\n<select id=\"f-woj\" name=\"woj\" required>\n"
             "<option value=\"\">" T_RGN_CHOOSE "</option>\n");
    for (i = 0; i < n; i++) {
        bool sel = s->woj != NULL && strcmp(s->woj, woj[i].code) == 0;

        html_printf(&r->out, "<option value=\"%s\"%s>%s %s</option>\n",
                    woj[i].code, sel ? " selected" : "", woj[i].code,
                    woj[i].name);
    }
    html_lit(&r->out, "</select></p>\n");
    form_text_field(r, "office", T_RGN_OFFICE, s->office, NULL);
    form_text_field(r, "address", T_RGN_ADDRESS, s->address, NULL);
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-lines\">%s</label>\n"
                "<span class=\"hint\" id=\"f-lines-hint\">%s</span>\n"
                "<textarea id=\"f-lines\" name=\"lines\" rows=\"4\" "
                "aria-describedby=\"f-lines-hint\">%s</textarea></p>\n",
                T_RGN_LINES, T_RGN_LINES_HINT, lines ? lines : "");
    form_text_field(r, "info_line", T_RGN_INFO_LINE, s->info_line, NULL);
    form_text_field(r, "bip", T_RGN_BIP, s->bip_url, NULL);
    html_lit(&r->out,
             "<p><button type=\"submit\">" T_RGN_SAVE "</button></p>\n");
    form_end(r);
    return n < 0 ? n : 0;
}

static int
regions_page(struct req *r, const struct region_settings *s, const char *lines,
             const char *error, const char *notice)
{
    int rc;

    layout_begin(r, T_RGN_TITLE);
    html_lit(&r->out, "<h1>" T_RGN_TITLE "</h1>\n<p>" T_RGN_LEAD "</p>\n");
    if (notice != NULL) {
        html_printf(&r->out, "<p role=\"status\" class=\"notice-ok\">%s</p>\n",
                    notice);
    }
    if ((rc = regions_table(r)) != 0 ||
        (rc = regions_form(r, s, lines, error)) != 0) {
        return rc;
    }
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /regiony
** CAP: CAP_REGIONS_ADMIN
** PARAMS: woj=CODE (the region to edit, optional), zapisano=1
*/
int
page_regions(struct req *r)
{
    const char *woj = req_arg(r, "woj");
    struct region_settings s = {0};

    if (woj != NULL && *woj != '\0' &&
        region_get(r->db, &r->arena, woj, &s) != 0) {
        memset(&s, 0, sizeof(s));
    }
    return regions_page(r, &s, lines_text(&r->arena, &s), NULL,
                        req_arg(r, "zapisano") ? T_RGN_SAVED : NULL);
}

/*
** ROUTE: POST /regiony
** CAP: CAP_REGIONS_ADMIN
** PARAMS: woj, office, address, lines (one "NAME | PHONE | HOURS" a line),
** info_line, bip, csrf (form)
*/
int
page_regions_save(struct req *r)
{
    struct audit_entry who = {r->user->login, "web", r->addr, NULL,
                              NULL,           NULL,  NULL,    NULL};
    struct region_settings s = {
        .woj = req_form(r, "woj"),
        .office = req_form(r, "office"),
        .address = req_form(r, "address"),
        .info_line = req_form(r, "info_line"),
        .bip_url = req_form(r, "bip"),
        .nlines = 0,
    };
    const char *lines = req_form(r, "lines"), *why = NULL, *p;
    int rc = 0;

    for (p = lines ? lines : ""; *p != '\0' && rc == 0;) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        char *one = arena_strndup(&r->arena, p, len);

        p += len + (eol != NULL);
        if (*str_trim(&r->arena, one) == '\0') {
            continue;
        }
        if (s.nlines == REGION_MAX_LINES) {
            why = T_RGN_ERR_TOO_MANY;
            rc = ERR_INPUT;
        } else {
            rc = region_line_parse(&r->arena, one, &s.lines[s.nlines++], &why);
        }
    }
    if (rc == 0) {
        rc = region_save(r->db, &r->arena, &s, &who, &why);
    }
    if (rc == ERR_INPUT) {
        r->status = 400;
        return regions_page(r, &s, lines, why, NULL);
    }
    if (rc != 0) {
        return rc;
    }
    return req_redirect(
        r, arena_printf(&r->arena, "/regiony?zapisano=1&woj=%s", s.woj));
}
