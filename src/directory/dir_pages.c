/*
** The public pages of the directory under /uslugi and its JSON API: the
** search ("where do you live?" with gmina autocomplete, results grouped
** gmina / powiat / region), a stable page per service, a printable card,
** an institution's page and the HSDS download. Every public page starts
** with the "leave this page quickly" link; no page loads anything from
** another site (map links are plain links, followed only when clicked).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/err.h"
#include "core/json.h"
#include "core/str.h"
#include "db/db.h"
#include "directory.h"
#include "html/html.h"
#include "html/layout.h"
#include "modules_handlers.h"
#include "region/region.h"
#include "zone/zone.h"
#include "teryt/teryt.h"
#include "directory/strings_pl.h"

#define PAGE_LIMIT 20
#define API_LIMIT 5
#define API_MAX_LIMIT 100
#define PLACE_CHOICES 20 /* places listed to choose from */

static const char *const level_titles[] = {
    T_DIR_LEVEL_GMINA,
    T_DIR_LEVEL_POWIAT,
    T_DIR_LEVEL_REGION,
    T_DIR_LEVEL_ANY,
};
/* Levels in URLs and JSON. */
static const char *const level_codes[] = {"gmina", "powiat", "region", NULL};

/* A directory number may end in a remark in parentheses: not dialled. */
static const char *
tel_href(struct arena *a, const char *num)
{
    return html_tel_href(a, arena_strndup(a, num, strcspn(num, "(")));
}

/*
** The writers of a result (up to 60 on a search page) append literals and
** escaped texts, without a format to parse per field: html_printf's walk
** of its formats was a fifth of the page's CPU time.
*/
#define TEXT(r, s) html_escape(&(r)->out, (s))
/* <dt>label</dt><dd>text</dd> */
#define FACT(r, label, text)                                                   \
    do {                                                                       \
        html_lit(&(r)->out, "<dt>" label "</dt><dd>");                         \
        TEXT(r, text);                                                         \
        html_lit(&(r)->out, "</dd>\n");                                        \
    } while (0)

/* <a href="href">text</a> */
static void
link(struct req *r, const char *href, const char *text)
{
    html_lit(&r->out, "<a href=\"");
    TEXT(r, href);
    html_lit(&r->out, "\">");
    TEXT(r, text);
    html_lit(&r->out, "</a>");
}

static void
phone_links(struct req *r, const char *list)
{
    char *copy = arena_strdup(&r->arena, list), *save = NULL, *num;
    bool first = true;

    for (num = strtok_r(copy, ";", &save); num != NULL;
         num = strtok_r(NULL, ";", &save)) {
        num = str_trim(&r->arena, num);
        if (*num == '\0') {
            continue;
        }
        if (!first) {
            html_lit(&r->out, ", ");
        }
        link(r, tel_href(&r->arena, num), num);
        first = false;
    }
}

static void
open_badge(struct req *r, int open_now)
{
    if (open_now == 1) {
        html_lit(&r->out,
                 " <strong class=\"open\">" T_DIR_OPEN_NOW "</strong>");
    } else if (open_now == 0) {
        html_lit(&r->out,
                 " <span class=\"closed\">" T_DIR_CLOSED_NOW "</span>");
    }
}

static void
address(struct req *r, const struct dir_view *v)
{
    if (v->confidential) {
        html_lit(&r->out, T_DIR_CONFIDENTIAL " (");
        TEXT(r, v->city);
        html_lit(&r->out, ")");
    } else if (*v->street != '\0') {
        TEXT(r, v->street);
        html_lit(&r->out, ", ");
        TEXT(r, v->postcode);
        html_lit(&r->out, " ");
        TEXT(r, v->city);
    } else {
        TEXT(r, v->city);
    }
    if (strcmp(v->city, v->gmina_name) != 0) {
        html_lit(&r->out, " — " T_DIR_GMINA_OF " ");
        TEXT(r, v->gmina_name);
    }
}

/*
** The information line of the region of a service with no contact of its
** own, read once for the services of one region shown together: a query
** per such result was most of a search page's SQL (about 25 statements a
** page of 60 results).
*/
struct info_line {
    char woj[3];
    const char *line; /* NULL: not read yet */
};

static const char *
info_line(struct req *r, struct info_line *memo, const char *gmina)
{
    if (memo->line == NULL || strncmp(memo->woj, gmina, 2) != 0) {
        memo->line = dir_region_info_line(r->db, &r->arena, gmina);
        snprintf(memo->woj, sizeof(memo->woj), "%.2s", gmina);
    }
    return memo->line;
}

/* The contact and place facts of a service as <dt>/<dd> pairs. */
static void
facts(struct req *r, const struct dir_view *v, bool full,
      struct info_line *memo)
{
    FACT(r, T_DIR_CATEGORY, v->category_name);
    if (*v->targets != '\0') {
        FACT(r, T_DIR_TARGETS, v->targets);
    }
    html_lit(&r->out, "<dt>" T_DIR_WHERE "</dt><dd>");
    address(r, v);
    html_lit(&r->out, "</dd>\n<dt>" T_DIR_WHEN "</dt><dd>");
    TEXT(r, *v->hours ? v->hours : T_DIR_HOURS_UNKNOWN);
    open_badge(r, v->open_now);
    html_lit(&r->out, "</dd>\n<dt>" T_DIR_CONTACT "</dt><dd>");
    if (*v->phone != '\0') {
        html_lit(&r->out, T_DIR_PHONE " ");
        phone_links(r, v->phone);
    }
    if (*v->email != '\0') {
        if (*v->phone) {
            html_lit(&r->out, "; ");
        }
        link(r, html_safe_href(arena_printf(&r->arena, "mailto:%s", v->email)),
             v->email);
    }
    if (*v->web != '\0') {
        if (*v->phone || *v->email) {
            html_lit(&r->out, "; ");
        }
        link(r, html_safe_href(v->web), v->web);
    }
    if (!*v->phone && !*v->email && !*v->web) {
        /* Never nothing: where to ask instead. */
        const char *info = info_line(r, memo, v->gmina);

        html_lit(&r->out, T_DIR_NO_CONTACT_HELP);
        if (*info != '\0') {
            html_lit(&r->out, "; " T_DIR_INFO_LINE " ");
            phone_links(r, info);
        }
    }
    html_lit(&r->out, "</dd>\n");
    if (full) {
        if (*v->cost != '\0') {
            FACT(r, T_DIR_COST, v->cost);
        }
        if (*v->languages != '\0') {
            FACT(r, T_DIR_LANGUAGES, v->languages);
        }
        if (*v->how_to_apply != '\0') {
            FACT(r, T_DIR_HOW_TO_APPLY, v->how_to_apply);
        }
    }
}

/* The institution's data needs a look (a row "do weryfikacji" of its
** source list): said above its facts, with what to check. */
static void
verify_note(struct req *r, const char *verify)
{
    if (verify != NULL && *verify != '\0') {
        html_printf(&r->out,
                    "<p class=\"notice verify\"><strong>%s</strong>: %s "
                    "<span class=\"small\">(%s)</span></p>\n",
                    T_DIR_VERIFY_BADGE, T_DIR_VERIFY_NOTE, verify);
    }
}

/* Where the institution's data comes from, as a <dt>/<dd> pair. */
static void
source_fact(struct req *r, const char *source)
{
    if (source != NULL && *source != '\0') {
        html_printf(&r->out, "<dt>%s</dt><dd class=\"source\">%s</dd>\n",
                    T_DIR_SOURCE, source);
    }
}

static void
example_badge(struct req *r, bool example)
{
    if (example) {
        html_lit(&r->out, " <span class=\"example\">" T_DIR_EXAMPLE "</span>");
    }
}

static void
result_item(struct req *r, const struct dir_view *v, struct info_line *memo)
{
    char id[24];

    snprintf(id, sizeof(id), "%lld", (long long)v->id);
    html_lit(&r->out, "<li class=\"result\"><article aria-labelledby=\"s-");
    TEXT(r, id);
    html_lit(&r->out, "\">\n<h3 id=\"s-");
    TEXT(r, id);
    html_lit(&r->out, "\"><a href=\"/uslugi/usluga/");
    TEXT(r, id);
    html_lit(&r->out, "\">");
    TEXT(r, v->name);
    html_lit(&r->out, "</a></h3>\n<p class=\"org\">");
    TEXT(r, v->org_name);
    example_badge(r, v->example);
    if (v->verify != NULL && *v->verify != '\0') {
        html_lit(&r->out,
                 " <span class=\"example\">" T_DIR_VERIFY_BADGE "</span>");
    }
    html_lit(&r->out, "</p>\n<dl class=\"meta\">\n");
    facts(r, v, false, memo);
    source_fact(r, v->source);
    html_lit(&r->out, "</dl>\n</article></li>\n");
}

/* The categories (which 0) or target groups (1) of the index. */
static void
select_options(struct req *r, const struct dir_index *ix, int which,
               const char *current)
{
    const struct dir_choice *c;
    int n = dir_index_choices(ix, which, &c), i;

    for (i = 0; i < n; i++) {
        html_printf(&r->out, "<option value=\"%s\"%s>%s</option>\n", c[i].code,
                    current && strcmp(current, c[i].code) == 0 ? " selected"
                                                               : "",
                    c[i].name);
    }
}

/* A select of the categories or target groups (see select_options) named
   name, "any" first. */
static void
select_field(struct req *r, const struct dir_index *ix, int which,
             const char *name, const char *label, const char *any,
             const char *current)
{
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"%s\">%s</label>\n"
                "<select id=\"%s\" name=\"%s\">\n"
                "<option value=\"\">%s</option>\n",
                name, label, name, name, any);
    select_options(r, ix, which, current);
    html_lit(&r->out, "</select></p>\n");
}

static void
search_form(struct req *r, const struct dir_index *ix, const char *place,
            const char *gmina, const char *q, const char *cat, const char *grp,
            bool open_only)
{
    html_printf(&r->out,
                "<form class=\"dir-search\" action=\"/uslugi\" method=\"get\" "
                "role=\"search\">\n"
                "<p class=\"field\"><label for=\"miejsce\">%s</label>\n"
                "<input id=\"miejsce\" name=\"miejsce\" type=\"text\" "
                "value=\"%s\" autocomplete=\"off\" "
                "data-autocomplete=\"/api/teryt/gminy\" "
                "aria-describedby=\"miejsce-hint\">\n"
                "<input type=\"hidden\" name=\"gmina\" value=\"%s\">\n"
                "<span id=\"miejsce-hint\" class=\"hint\">%s</span></p>\n"
                "<p class=\"field\"><label for=\"q\">%s</label>\n"
                "<input id=\"q\" name=\"q\" type=\"search\" value=\"%s\" "
                "aria-describedby=\"q-hint\">\n"
                "<span id=\"q-hint\" class=\"hint\">%s</span></p>\n",
                T_DIR_PLACE_LABEL, place ? place : "", gmina ? gmina : "",
                T_DIR_PLACE_HINT, T_DIR_Q_LABEL, q ? q : "", T_DIR_Q_HINT);
    select_field(r, ix, 0, "kategoria", T_DIR_CATEGORY, T_DIR_ANY_CATEGORY,
                 cat);
    select_field(r, ix, 1, "grupa", T_DIR_TARGETS, T_DIR_ANY_TARGET, grp);
    html_printf(&r->out,
                "<p class=\"check\"><input id=\"otwarte\" "
                "name=\"otwarte\" type=\"checkbox\" value=\"1\"%s> "
                "<label for=\"otwarte\">%s</label></p>\n"
                "<p><button type=\"submit\">%s</button></p>\n</form>\n",
                open_only ? " checked" : "", T_DIR_OPEN_ONLY,
                T_DIR_SEARCH_BUTTON);
}

/* A query-string link back to the search with gmina set. */
static const char *
search_link(struct req *r, const char *gmina, const char *q, const char *cat,
            const char *grp, bool open_only)
{
    struct arena *a = &r->arena;

    return arena_printf(
        a, "/uslugi?gmina=%s&q=%s&kategoria=%s&grupa=%s%s", gmina,
        html_url_encode(a, q ? q : ""), html_url_encode(a, cat ? cat : ""),
        html_url_encode(a, grp ? grp : ""), open_only ? "&otwarte=1" : "");
}

/* The same search showing one level from result offset on. */
static const char *
page_link(struct req *r, const char *base, int level, int offset)
{
    return arena_printf(&r->arena, "%s&poziom=%s&od=%d", base,
                        level_codes[level], offset);
}

/* The level named by a "poziom"/"level" argument, or -1. */
static int
level_arg(const char *s)
{
    int i;

    for (i = 0; s != NULL && i < 3; i++) {
        if (strcmp(s, level_codes[i]) == 0) {
            return i;
        }
    }
    return -1;
}

/* The offset argument: a non-negative number below 1 000 000, else 0. */
static int
offset_arg(const char *s)
{
    long v = 0;

    if (s == NULL || strlen(s) > 6 || strspn(s, "0123456789") != strlen(s)) {
        return 0;
    }
    v = strtol(s, NULL, 10);
    return (int)v;
}

/*
** One level's results as a section; under it, what part of the level is
** shown and the links to the rest (more, or previous and next when one
** level is paged).
*/
static void
level_section(struct req *r, const struct dir_view *v, int n, int level,
              int total, int offset, bool paged, const char *base,
              struct info_line *memo)
{
    int i;

    html_printf(&r->out,
                "<section aria-labelledby=\"poziom-%d\">"
                "<h2 id=\"poziom-%d\">%s</h2>\n"
                "<ul class=\"results\">\n",
                level, level, level_titles[level]);
    for (i = 0; i < n; i++) {
        result_item(r, &v[i], memo);
    }
    html_lit(&r->out, "</ul>\n");
    if (base != NULL && (paged || total > n)) {
        html_printf(&r->out, "<p class=\"paging\">" T_DIR_SHOWN,
                    n > 0 ? offset + 1 : 0, offset + n, total);
        if (paged && offset > 0) {
            html_printf(
                &r->out, " <a href=\"%s\">%s</a>",
                page_link(r, base, level,
                          offset > PAGE_LIMIT ? offset - PAGE_LIMIT : 0),
                T_DIR_PREV);
        }
        if (offset + n < total) {
            html_lit(&r->out, " <a href=\"");
            html_printf(&r->out, "%s\">",
                        page_link(r, base, level, offset + n));
            html_printf(&r->out, paged ? T_DIR_NEXT : T_DIR_MORE,
                        level_titles[level]);
            html_lit(&r->out, "</a>");
        }
        if (paged) {
            html_printf(&r->out, " <a href=\"%s\">%s</a>", base,
                        T_DIR_ALL_GROUPS);
        }
        html_lit(&r->out, "</p>\n");
    }
    html_lit(&r->out, "</section>\n");
}

static const char *
empty_null(const char *s)
{
    return s != NULL && *s != '\0' ? s : NULL;
}

/*
** The lines to call now, before anything else on the page: the region's
** helplines (of woj, 2 digits, when the place is known) and the national
** ones, each number a tel: link with its hours and whether it is open.
*/
static void
crisis_section(struct req *r, const char *woj)
{
    struct dir_crisis_line *l;
    int n = dir_crisis_lines(r->db, &r->arena, woj, (int64_t)time(NULL), &l), i;

    html_printf(&r->out,
                "<section class=\"crisis\" aria-labelledby=\"pomoc-teraz\">"
                "<h2 id=\"pomoc-teraz\">%s</h2>\n<ul class=\"crisis-lines\">\n",
                T_DIR_CRISIS_TITLE);
    for (i = 0; i < n; i++) {
        html_printf(&r->out,
                    "<li><a class=\"tel\" href=\"%s\">%s</a> — %s "
                    "<span class=\"hours\">(%s)</span>",
                    tel_href(&r->arena, l[i].phone), l[i].phone, l[i].name,
                    l[i].hours);
        open_badge(r, l[i].open_now);
        html_lit(&r->out, "</li>\n");
    }
    html_printf(&r->out, "</ul>\n<p class=\"small\">%s</p>\n</section>\n",
                T_DIR_CRISIS_NOTE);
}

/*
** The voivodeships to rank first when a place name repeats across Poland:
** the account's region, else the regions this instance serves ("04,12").
*/
static const char *
preferred_regions(struct req *r)
{
    struct region_served *reg = NULL;
    struct buf b;
    const char *out;
    int n, k;

    if (r->user != NULL && r->user->region != NULL) {
        return r->user->region;
    }
    buf_init(&b);
    n = region_list(r->db, &r->arena, &reg);
    for (k = 0; k < n; k++) {
        buf_printf(&b, "%s%s", b.len ? "," : "", reg[k].woj);
    }
    out = arena_strdup(&r->arena, b.data ? b.data : "");
    buf_free(&b);
    return out;
}

/* Namesakes in other gminas of the place that was picked, as links. */
static void
other_places(struct req *r, const struct teryt_place *p, int n,
             const char *picked, const char *q, const char *cat,
             const char *grp, bool open_only)
{
    int i, shown = 0;

    for (i = 0; i < n; i++) {
        if (strcmp(p[i].gmina.teryt, picked) == 0) {
            continue;
        }
        if (shown == 0) {
            html_lit(&r->out, "<p class=\"small\">" T_DIR_OTHER_PLACES " ");
        } else {
            html_lit(&r->out, ", ");
        }
        html_printf(&r->out, "<a href=\"%s\">%s</a>",
                    search_link(r, p[i].gmina.teryt, q, cat, grp, open_only),
                    arena_printf(&r->arena, T_DIR_PLACE_IN, p[i].name,
                                 p[i].gmina.name, p[i].gmina.powiat_name));
        shown++;
    }
    if (shown > 0) {
        html_lit(&r->out, ".</p>\n");
    }
}

/* The best of the places found for a text: its closeness group. */
static int
best_group(const struct teryt_place *p, int n, int *ngminas)
{
    int j, end;

    *ngminas = 0;
    for (end = 0; end < n && p[end].closeness == p[0].closeness; end++) {
        for (j = 0; j < end; j++) {
            if (strcmp(p[j].gmina.teryt, p[end].gmina.teryt) == 0) {
                break;
            }
        }
        if (j == end) {
            (*ngminas)++;
        }
    }
    return end;
}

/*
** ROUTE: GET /uslugi
** CAP: CAP_PUBLIC
** PARAMS: miejsce=gmina, locality or postal code (text, forgiving),
**         gmina=TERYT 7 digits, q=text,
**         kategoria=code, grupa=code, otwarte=1, poziom=gmina|powiat|region
**         (that group alone, paged), od=offset in that group
*/
int
page_directory_search(struct req *r)
{
    const char *place = empty_null(req_arg(r, "miejsce"));
    const char *gmina = empty_null(req_arg(r, "gmina"));
    const char *q = empty_null(req_arg(r, "q"));
    const char *cat = empty_null(req_arg(r, "kategoria"));
    const char *grp = empty_null(req_arg(r, "grupa"));
    bool open_only = req_arg(r, "otwarte") != NULL;
    int only = level_arg(req_arg(r, "poziom"));
    int offset = only >= 0 ? offset_arg(req_arg(r, "od")) : 0;
    struct teryt_gmina g = {0};
    struct teryt_place *choices = NULL;
    const char *text = q, *notice = NULL, *base = NULL, *via = NULL;
    struct dir_view *v = NULL;
    struct dir_index *ix;
    int nchoices = 0, n = 0, i, end, rc, total[3] = {0, 0, 0}, pick;
    struct teryt_place *others = NULL;
    int nothers = 0;
    bool have_gmina = false;
    struct info_line memo = {.line = NULL};

    /* The index gives the form's choices and the search of a gmina; its
    ** strings stay valid while this thread renders. */
    if ((rc = dir_index_acquire(r->db, &ix)) != 0) {
        return rc;
    }
    /* The same search in the same minute on the same data (the crisis
    ** lines and good practices change by forms: a write outdates it). */
    if (req_cache_reuse(r, (uint64_t)dir_index_version(ix))) {
        return 0;
    }
    if (gmina != NULL && str_digits(gmina, 7) &&
        teryt_gmina_get(r->db, &r->arena, gmina, &g) == 0) {
        have_gmina = true;
        place = g.name;
    } else if (place != NULL) {
        const char *woj = preferred_regions(r);
        int ng = 0;

        nchoices =
            teryt_places_search(&r->arena, place, woj, PLACE_CHOICES, &choices);
        nchoices = best_group(choices, nchoices, &ng);
        pick = ng == 1 ? 0 : -1;
        for (i = 0; ng > 1 && i < nchoices; i++) {
            /* The gmina of that name before villages called the same
            ** ("Toruń" the city, not the village near Chełm). */
            if (choices[i].kind == TERYT_PLACE_GMINA) {
                pick = pick == -1 ? i : -2;
            }
        }
        if (pick >= 0) {
            /* One gmina however it was named: a village, a typo, a code. */
            g = choices[pick].gmina;
            have_gmina = true;
            if (choices[pick].kind != TERYT_PLACE_GMINA) {
                via = arena_printf(&r->arena, T_DIR_PLACE_IN,
                                   choices[pick].name, g.name, g.powiat_name);
            } else if (strcmp(str_fold(&r->arena, place),
                              str_fold(&r->arena, g.name)) != 0) {
                via = g.name;
            }
            others = choices;
            nothers = nchoices;
            nchoices = 0;
        } else if (nchoices == 0) {
            /* Nothing like it in the register: search it as text. */
            notice = arena_printf(&r->arena, T_DIR_PLACE_AS_TEXT, place);
            text = q ? arena_printf(&r->arena, "%s %s", q, place) : place;
        }
    }
    if (have_gmina || (nchoices == 0 && (text || cat || grp))) {
        struct dir_query dq = {
            .gmina = have_gmina ? g.teryt : NULL,
            .q = text,
            .category = cat,
            .target = grp,
            .open_only = open_only,
            .limit = PAGE_LIMIT,
            .now = (int64_t)time(NULL),
            .one_level = have_gmina && only >= 0,
            .level = (enum dir_level)(only >= 0 ? only : 0),
            .offset = offset,
        };

        n = dir_search_in(r->db, ix, &r->arena, &dq, &v, total);
        if (n < 0) {
            return n;
        }
        if (have_gmina) {
            base = search_link(r, g.teryt, q, cat, grp, open_only);
        }
    }

    layout_begin(r, T_DIR_TITLE);
    layout_quick_exit(r);
    html_lit(&r->out, "<h1>" T_DIR_TITLE "</h1>\n");
    /* Help first: above the form and every result. */
    crisis_section(r, have_gmina        ? g.woj_code
                      : r->user != NULL ? r->user->region
                                        : NULL);
    html_lit(&r->out, "<p class=\"lead\">" T_DIR_LEAD "</p>\n");
    search_form(r, ix, place, have_gmina ? g.teryt : NULL, q, cat, grp,
                open_only);
    if (r->user != NULL && auth_role_has(r->user->role, CAP_DIRECTORY_EDIT)) {
        html_lit(&r->out, "<p><a href=\"/uslugi/zarzadzanie\">" T_DIR_ADMIN_LINK
                          "</a></p>\n");
    }
    if (nchoices > 0) {
        html_printf(&r->out,
                    "<section aria-labelledby=\"wybor\"><h2 id=\"wybor\">"
                    "%s</h2>\n<ul>\n",
                    T_DIR_CHOOSE_PLACE);
        for (i = 0; i < nchoices; i++) {
            const struct teryt_place *c = &choices[i];

            html_printf(&r->out, "<li><a href=\"%s\">%s</a>",
                        search_link(r, c->gmina.teryt, q, cat, grp, open_only),
                        c->kind == TERYT_PLACE_GMINA
                            ? c->name
                            : arena_printf(&r->arena, T_DIR_PLACE_IN, c->name,
                                           c->gmina.name,
                                           c->gmina.powiat_name));
            html_printf(&r->out, " (%s, %s %s, %s %s)</li>\n",
                        teryt_rodz_name(c->gmina.rodz), T_DIR_POWIAT,
                        c->gmina.powiat_name, T_DIR_WOJ, c->gmina.woj_name);
        }
        html_lit(&r->out, "</ul>\n</section>\n");
        layout_end(r);
        return 0;
    }
    if (notice != NULL) {
        html_printf(&r->out, "<p class=\"notice\" role=\"status\">%s</p>\n",
                    notice);
    }
    if (via != NULL) {
        html_printf(&r->out, "<p class=\"notice\">" T_DIR_PLACE_SHOWN "</p>\n",
                    via);
    }
    other_places(r, others, nothers, have_gmina ? g.teryt : "", q, cat, grp,
                 open_only);

    if (have_gmina) {
        html_printf(&r->out,
                    "<p role=\"status\">%s <strong>%s</strong> (%s, %s "
                    "%s, %s %s): %d.</p>\n",
                    T_DIR_RESULTS_FOR, g.name, teryt_rodz_name(g.rodz),
                    T_DIR_POWIAT, g.powiat_name, T_DIR_WOJ, g.woj_name,
                    only >= 0 ? total[only] : total[0] + total[1] + total[2]);
    } else if (text || cat || grp) {
        html_printf(&r->out, "<p role=\"status\">%s: %d.</p>\n", T_DIR_FOUND,
                    n);
    }
    /* Each level's section; a paged level even when its page is empty. */
    for (i = 0; i < n; i = end) {
        int lv = (int)v[i].level;

        for (end = i; end < n && (int)v[end].level == lv; end++) {
        }
        level_section(r, v + i, end - i, lv, lv < 3 ? total[lv] : n, offset,
                      only >= 0, lv < 3 ? base : NULL, &memo);
    }
    if (n == 0 && have_gmina && only >= 0 && total[only] > 0) {
        level_section(r, v, 0, only, total[only], offset, true, base, &memo);
    } else if (n == 0 && (have_gmina || text || cat || grp)) {
        /* The lines to call are already the first thing on the page. */
        html_lit(&r->out, "<p>" T_DIR_NONE "</p>\n");
    }
    if (have_gmina && zone_html_gmina_practices(r, g.teryt) < 0) {
        return ERR_DB;
    }
    html_lit(&r->out,
             "<p class=\"small\"><a href=\"/uslugi/hsds.zip\">" T_DIR_HSDS_LINK
             "</a></p>\n");
    layout_end(r);
    return 0;
}

static void
areas_list(struct req *r, int64_t id)
{
    db_stmt *st = dir_area_names(r->db, id);
    bool first = true;

    while (db_step(st) == DB_ROW) {
        const char *level = db_col_text(st, 0);

        html_printf(&r->out, "%s%s %s", first ? "" : ", ",
                    level[0] == 'g'   ? T_DIR_AREA_GMINA
                    : level[0] == 'p' ? T_DIR_AREA_POWIAT
                                      : T_DIR_AREA_REGION,
                    db_col_text(st, 2));
        first = false;
    }
    db_done(st);
}

static const char *
map_href(struct req *r, const struct dir_view *v)
{
    struct arena *a = &r->arena;

    if (v->confidential) {
        return NULL;
    }
    if (*v->lat != '\0' && *v->lon != '\0') {
        return arena_printf(a,
                            "https://www.openstreetmap.org/?mlat=%s&mlon="
                            "%s#map=17/%s/%s",
                            v->lat, v->lon, v->lat, v->lon);
    }
    return arena_printf(
        a, "https://www.openstreetmap.org/search?query=%s",
        html_url_encode(
            a, arena_printf(a, "%s %s %s", v->street, v->postcode, v->city)));
}

static int
load_view(struct req *r, struct dir_view *v)
{
    int64_t id = 0;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    rc = dir_view_get(r->db, &r->arena, id, (int64_t)time(NULL), false, v);
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, NULL);
    }
    return rc;
}

static void
service_body(struct req *r, const struct dir_view *v)
{
    const char *map = map_href(r, v);
    struct info_line memo = {.line = NULL};

    if (*v->description != '\0') {
        html_printf(&r->out, "<p>%s</p>\n", v->description);
    }
    html_lit(&r->out, "<dl class=\"meta\">\n");
    html_printf(&r->out,
                "<dt>%s</dt><dd><a href=\"/uslugi/instytucja/%lld\">%s"
                "</a> (%s)</dd>\n",
                T_DIR_ORG, (long long)v->org_id, v->org_name,
                dir_kind_label(v->kind) ? dir_kind_label(v->kind) : v->kind);
    facts(r, v, true, &memo);
    html_printf(&r->out, "<dt>%s</dt><dd>", T_DIR_AREA);
    areas_list(r, v->id);
    html_lit(&r->out, "</dd>\n");
    source_fact(r, v->source);
    html_lit(&r->out, "</dl>\n");
    if (map != NULL) {
        html_printf(&r->out,
                    "<p><a href=\"%s\" rel=\"noreferrer noopener\">%s</a> "
                    "<span class=\"small\">%s</span></p>\n",
                    map, T_DIR_MAP, T_DIR_MAP_NOTE);
    }
}

/*
** ROUTE: GET /uslugi/usluga/:id
** CAP: CAP_PUBLIC
** PARAMS: id=service number (path)
*/
int
page_directory_service(struct req *r)
{
    struct dir_view v;
    int rc;

    if ((rc = load_view(r, &v)) != 0) {
        return rc;
    }
    layout_begin(r, v.name);
    layout_quick_exit(r);
    layout_breadcrumb(&r->out,
                      (const struct crumb[]){{"/uslugi", T_DIR_TITLE},
                                             {NULL, v.category_name}},
                      2);
    html_printf(&r->out, "<h1>%s</h1>\n", v.name);
    if (v.example) {
        html_lit(&r->out, "<p class=\"notice\">" T_DIR_EXAMPLE_NOTE "</p>\n");
    }
    verify_note(r, v.verify);
    service_body(r, &v);
    html_printf(&r->out,
                "<p><a href=\"/uslugi/usluga/%lld/druk\">%s</a> · "
                "<a href=\"/api/services/%lld\">%s</a></p>\n",
                (long long)v.id, T_DIR_PRINT, (long long)v.id, T_DIR_JSON);
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /uslugi/usluga/:id/druk
** CAP: CAP_PUBLIC
** PARAMS: id=service number (path)
*/
int
page_directory_print(struct req *r)
{
    struct dir_view v;
    char date[32];
    time_t now = time(NULL);
    struct tm tm;
    int rc;

    if ((rc = load_view(r, &v)) != 0) {
        return rc;
    }
    gmtime_r(&now, &tm);
    strftime(date, sizeof(date), "%Y-%m-%d", &tm);
    layout_begin(r, v.name);
    layout_quick_exit(r);
    html_printf(&r->out,
                "<article class=\"print-card\">\n<h1>%s</h1>\n"
                "<p class=\"org\">%s",
                v.name, v.org_name);
    example_badge(r, v.example);
    html_lit(&r->out, "</p>\n");
    service_body(r, &v);
    html_printf(&r->out,
                "<p class=\"small\">%s: /uslugi/usluga/%lld · %s %s</p>\n"
                "</article>\n<p class=\"no-print\">%s <a href=\"/uslugi/"
                "usluga/%lld\">%s</a></p>\n",
                T_DIR_ADDRESS_OF_PAGE, (long long)v.id, T_DIR_STATE_AT, date,
                T_DIR_PRINT_HINT, (long long)v.id, T_DIR_BACK);
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /uslugi/instytucja/:id
** CAP: CAP_PUBLIC
** PARAMS: id=institution number (path)
*/
int
page_directory_org(struct req *r)
{
    struct dir_org o;
    int64_t id = 0;
    db_stmt *st;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    rc = dir_org_load(r->db, &r->arena, id, &o);
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, NULL);
    }
    if (rc != 0) {
        return rc;
    }
    layout_begin(r, o.name);
    layout_quick_exit(r);
    layout_breadcrumb(
        &r->out,
        (const struct crumb[]){{"/uslugi", T_DIR_TITLE}, {NULL, T_DIR_ORG}}, 2);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s", o.name,
                dir_kind_label(o.kind) ? dir_kind_label(o.kind) : o.kind);
    example_badge(r, o.example);
    html_lit(&r->out, "</p>\n");
    verify_note(r, o.verify);
    if (*o.description != '\0') {
        html_printf(&r->out, "<p>%s</p>\n", o.description);
    }
    html_printf(&r->out, "<dl class=\"meta\"><dt>%s</dt><dd>", T_DIR_WHERE);
    if (o.confidential) {
        html_printf(&r->out, "%s (%s)", T_DIR_CONFIDENTIAL, o.city);
    } else if (*o.street) {
        html_printf(&r->out, "%s, %s %s", o.street, o.postcode, o.city);
    } else {
        html_printf(&r->out, "%s", o.city);
    }
    html_printf(&r->out, "</dd><dt>%s</dt><dd>", T_DIR_CONTACT);
    if (*o.phone) {
        phone_links(r, o.phone);
    } else {
        html_lit(&r->out, T_DIR_NO_CONTACT);
    }
    html_lit(&r->out, "</dd>");
    if (*o.hours) {
        html_printf(&r->out, "<dt>%s</dt><dd>%s", T_DIR_WHEN, o.hours);
        open_badge(r, dir_open_now(&r->arena, o.hours, (int64_t)time(NULL)));
        html_lit(&r->out, "</dd>");
    }
    source_fact(r, o.source);
    html_lit(&r->out, "</dl>\n");
    if (o.parent_id > 0) {
        struct dir_org p;

        if (dir_org_load(r->db, &r->arena, o.parent_id, &p) == 0 &&
            strcmp(p.region, o.region) == 0) {
            html_printf(&r->out,
                        "<p>%s <a href=\"/uslugi/instytucja/%lld\">%s</a>"
                        "</p>\n",
                        T_DIR_PARENT, (long long)p.id, p.name);
        }
    }
    html_lit(&r->out, "<h2>" T_DIR_SERVICES "</h2>\n<ul>\n");
    st = dir_org_services(r->db, id);
    while ((rc = db_step(st)) == DB_ROW) {
        html_printf(&r->out,
                    "<li><a href=\"/uslugi/usluga/%lld\">%s</a> (%s)</li>"
                    "\n",
                    (long long)db_col_int(st, 0), db_col_text(st, 1),
                    db_col_text(st, 2));
    }
    db_done(st);
    html_lit(&r->out, "</ul>\n");
    st = dir_org_branches(r->db, id);
    rc = db_step(st);
    if (rc == DB_ROW) {
        html_lit(&r->out, "<h2>" T_DIR_BRANCHES "</h2>\n<ul>\n");
        while (rc == DB_ROW) {
            html_printf(&r->out,
                        "<li><a href=\"/uslugi/instytucja/%lld\">%s</a> "
                        "(%s)</li>\n",
                        (long long)db_col_int(st, 0), db_col_text(st, 1),
                        db_col_text(st, 2));
            rc = db_step(st);
        }
        html_lit(&r->out, "</ul>\n");
    }
    db_done(st);
    layout_end(r);
    return rc == DB_DONE ? 0 : rc;
}

/*
** ROUTE: GET /uslugi/hsds.zip
** CAP: CAP_PUBLIC
** PARAMS: none
*/
int
page_directory_hsds(struct req *r)
{
    char *zip;
    size_t len;
    int rc = dir_export_hsds(r->db, &r->arena, &zip, &len);

    if (rc != 0) {
        return rc;
    }
    r->status = 200;
    r->content_type = "application/zip";
    req_add_header(r, "Content-Disposition",
                   "attachment; filename=\"katalog-uslug-hsds.zip\"");
    buf_append(&r->out, zip, len);
    free(zip);
    return 0;
}

/* "open_now": true, false, or null when unknown (-1). */
static void
open_now_json(struct json *j, int open_now)
{
    json_key(j, "open_now");
    if (open_now < 0) {
        json_null(j);
    } else {
        json_bool(j, open_now == 1);
    }
}

static void
view_json(struct json *j, const struct dir_view *v)
{
    const char *const *levels = level_codes;
    char url[64];

    snprintf(url, sizeof(url), "/uslugi/usluga/%lld", (long long)v->id);
    json_obj_begin(j);
    json_kint(j, "id", v->id);
    json_kstr(j, "url", url);
    json_kstr(j, "name", v->name);
    json_kstr(j, "description", v->description);
    json_kstr(j, "level", levels[v->level]);
    json_kstr(j, "category", v->category);
    json_kstr(j, "category_name", v->category_name);
    json_kstr(j, "targets", v->targets);
    json_kstr(j, "phone", v->phone);
    json_kstr(j, "hours", v->hours);
    open_now_json(j, v->open_now);
    json_kstr(j, "cost", v->cost);
    json_kbool(j, "example", v->example);
    json_key(j, "organization");
    json_obj_begin(j);
    json_kint(j, "id", v->org_id);
    json_kstr(j, "name", v->org_name);
    json_kstr(j, "kind", v->kind);
    json_kstr(j, "email", v->email);
    json_kstr(j, "web", v->web);
    json_kstr(j, "source", v->source);
    json_kstr(j, "verify", v->verify);
    json_obj_end(j);
    json_key(j, "location");
    json_obj_begin(j);
    json_kbool(j, "confidential", v->confidential);
    json_kstr(j, "gmina", v->gmina);
    json_kstr(j, "gmina_name", v->gmina_name);
    json_kstr(j, "city", v->city);
    json_kstr(j, "street", v->confidential ? NULL : v->street);
    json_kstr(j, "postcode", v->confidential ? NULL : v->postcode);
    json_kstr(j, "lat", v->confidential || !*v->lat ? NULL : v->lat);
    json_kstr(j, "lon", v->confidential || !*v->lon ? NULL : v->lon);
    json_obj_end(j);
    json_obj_end(j);
}

/* The crisis lines ahead of the results (region of the gmina, if any). */
static void
crisis_json(struct req *r, struct json *j, const char *gmina)
{
    struct dir_crisis_line *l;
    int n = dir_crisis_lines(r->db, &r->arena, gmina, (int64_t)time(NULL), &l),
        i;

    json_key(j, "crisis_lines");
    json_arr_begin(j);
    for (i = 0; i < n; i++) {
        json_obj_begin(j);
        json_kstr(j, "name", l[i].name);
        json_kstr(j, "phone", l[i].phone);
        json_kstr(j, "tel", tel_href(&r->arena, l[i].phone));
        json_kstr(j, "hours", l[i].hours);
        open_now_json(j, l[i].open_now);
        json_obj_end(j);
    }
    json_arr_end(j);
}

/*
** ROUTE: GET /api/services
** CAP: CAP_PUBLIC
** PARAMS: gmina=TERYT 7 digits, q=text, category=code, target=code,
**         open=1, limit=1..100 (per level); at least one of gmina, q,
**         category, target; with a gmina, level=gmina|powiat|region and
**         offset=0..999999 page through that level alone
*/
int
api_directory_services(struct req *r)
{
    const char *gmina = empty_null(req_arg(r, "gmina"));
    struct dir_query dq = {
        .q = empty_null(req_arg(r, "q")),
        .category = empty_null(req_arg(r, "category")),
        .target = empty_null(req_arg(r, "target")),
        .open_only = req_arg(r, "open") != NULL,
        .limit = API_LIMIT,
        .now = (int64_t)time(NULL),
    };
    struct dir_view *v;
    struct dir_index *ix = NULL;
    struct json j;
    long limit = API_LIMIT, offset = 0;
    int n, i, total[3] = {0, 0, 0}, only = level_arg(req_arg(r, "level"));

    if (gmina != NULL && !str_digits(gmina, 7)) {
        return req_error(r, 400, T_DIR_ERR_GMINA);
    }
    if (gmina == NULL && dq.q == NULL && dq.category == NULL &&
        dq.target == NULL) {
        return req_error(r, 400, T_DIR_ERR_NOTHING);
    }
    if (req_arg(r, "limit") != NULL &&
        req_int_or_reply(r, "limit", 1, API_MAX_LIMIT, &limit)) {
        return ERR_INPUT;
    }
    if (req_arg(r, "offset") != NULL &&
        req_int_or_reply(r, "offset", 0, 999999, &offset)) {
        return ERR_INPUT;
    }
    dq.gmina = gmina;
    dq.limit = (int)limit;
    dq.one_level = only >= 0;
    dq.level = (enum dir_level)(only >= 0 ? only : 0);
    dq.offset = (int)offset;
    /* With a gmina the results point into the index (see directory.h). */
    if (gmina != NULL && (n = dir_index_acquire(r->db, &ix)) != 0) {
        return n;
    }
    if (ix != NULL && req_cache_reuse(r, (uint64_t)dir_index_version(ix))) {
        return 0;
    }
    n = dir_search_in(r->db, ix, &r->arena, &dq, &v, total);
    if (n < 0) {
        return n == ERR_INPUT ? req_error(r, 400, T_DIR_ERR_GMINA) : n;
    }
    req_json(r, &j);
    json_obj_begin(&j);
    json_kstr(&j, "gmina", gmina);
    json_kstr(&j, "q", dq.q);
    json_kint(&j, "count", n);
    if (gmina != NULL) {
        /* Each level's results in all, for paging with level/offset. */
        json_key(&j, "total");
        json_obj_begin(&j);
        for (i = 0; i < 3; i++) {
            json_kint(&j, level_codes[i], total[i]);
        }
        json_obj_end(&j);
    }
    crisis_json(r, &j, gmina);
    json_key(&j, "results");
    json_arr_begin(&j);
    for (i = 0; i < n; i++) {
        view_json(&j, &v[i]);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    return 0;
}

/*
** ROUTE: GET /api/services/:id
** CAP: CAP_PUBLIC
** PARAMS: id=service number (path)
*/
int
api_directory_service(struct req *r)
{
    struct dir_view v;
    struct json j;
    int rc;

    if ((rc = load_view(r, &v)) != 0) {
        return rc;
    }
    req_json(r, &j);
    v.level = DIR_LEVEL_ANY;
    view_json(&j, &v);
    return 0;
}
