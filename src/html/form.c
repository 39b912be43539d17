/* Form writers; see form.h. */
#include "form.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/str.h"
#include "html.h"
#include "html/strings_pl.h"

void
form_begin(struct req *r, const char *action, const char *enctype)
{
    if (enctype != NULL) {
        html_printf(&r->out,
                    "<form method=\"post\" action=\"%s\" enctype=\"%s\">"
                    "\n",
                    action, enctype);
    } else {
        html_printf(&r->out, "<form method=\"post\" action=\"%s\">\n", action);
    }
    html_printf(&r->out, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n",
                req_csrf(r));
}

void
form_end(struct req *r)
{
    html_lit(&r->out, "</form>\n");
}

void
form_input(struct req *r, const char *name, const char *label, const char *type,
           const char *value, const char *extra_attrs)
{
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-%s\">%s</label>\n"
                "<input id=\"f-%s\" name=\"%s\" type=\"%s\" value=\"%s\"",
                name, label, name, name, type, value ? value : "");
    if (extra_attrs != NULL) {
        /* Attribute literals from the caller's code, never from data. */
        html_raw_trusted(&r->out, " ");
        html_raw_trusted(&r->out, extra_attrs);
    }
    html_lit(&r->out, "></p>\n");
}

void
form_file(struct req *r, const char *label, const char *accept)
{
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-file\">%s</label>"
                "<input id=\"f-file\" name=\"file\" type=\"file\" "
                "required accept=\"%s\"></p>\n",
                label, accept);
}

void
form_text_field(struct req *r, const char *name, const char *label,
                const char *value, const char *error)
{
    html_printf(&r->out, "<p class=\"field\"><label for=\"f-%s\">%s</label>\n",
                name, label);
    if (error != NULL) {
        html_printf(&r->out,
                    "<span class=\"field-error\" id=\"f-%s-error\">%s"
                    "</span>\n<input id=\"f-%s\" name=\"%s\" type=\"text\" "
                    "value=\"%s\" aria-invalid=\"true\" "
                    "aria-describedby=\"f-%s-error\"></p>\n",
                    name, error, name, name, value ? value : "", name);
    } else {
        html_printf(&r->out,
                    "<input id=\"f-%s\" name=\"%s\" type=\"text\" "
                    "value=\"%s\"></p>\n",
                    name, name, value ? value : "");
    }
}

void
form_errors(struct req *r, const char *const *msgs, int n)
{
    int i;

    if (n == 0) {
        return;
    }
    html_lit(&r->out, "<div class=\"errors\" role=\"alert\"><ul>\n");
    for (i = 0; i < n; i++) {
        html_printf(&r->out, "<li>%s</li>\n", msgs[i]);
    }
    html_lit(&r->out, "</ul></div>\n");
}

/* --- error summaries tied to their fields (form_mark_errors) ------------ */

#define SUMMARY "<div class=\"errors\" role=\"alert\">"
#define MAX_EDITS (FORM_MARK_MAX * 24)
#define MAX_TARGETS 20 /* controls of one fieldset marked at most */

/* A change of the page: bytes [at, at + cut) become text. */
struct edit {
    size_t at, cut;
    const char *text;
    int order; /* among edits at the same place: the order made */
};

/* A control marked: where its new attributes go, and the items' ids. */
struct mark {
    size_t tag;      /* offset of its '<' */
    size_t insert;   /* after id="...": the new attributes */
    size_t desc_end; /* offset of the closing quote of its own
                      * aria-describedby, or 0 */
    bool invalid;    /* it has aria-invalid already */
    const char *ids; /* the items' ids, space-separated */
};

struct marker {
    struct req *r;
    const char *page;
    size_t len;
    struct edit *e;
    int ne;
    struct mark *m;
    int nm;
    size_t *used; /* offsets of the labels already named */
    int nused;
    int seen; /* items looked at */
};

static void
add_edit(struct marker *k, size_t at, size_t cut, const char *text)
{
    if (k->ne < MAX_EDITS) {
        k->e[k->ne] = (struct edit){at, cut, text, k->ne};
        k->ne++;
    }
}

/* Text of page[from, to) without its tags and outer spaces, in the arena. */
static const char *
plain(struct marker *k, size_t from, size_t to)
{
    char *s;
    size_t n = 0, i;
    bool tag = false;

    if (to <= from) {
        return "";
    }
    s = arena_alloc(&k->r->arena, to - from + 1);
    for (i = from; i < to; i++) {
        if (k->page[i] == '<') {
            tag = true;
        } else if (k->page[i] == '>') {
            tag = false;
        } else if (!tag) {
            s[n++] = k->page[i];
        }
    }
    while (n > 0 && s[n - 1] == ' ') {
        n--;
    }
    s[n] = '\0';
    while (*s == ' ') {
        s++;
    }
    return s;
}

/* Whether text is name, or name and then a space, '(' or ','. */
static bool
names(const char *text, const char *name, size_t n)
{
    return strncmp(text, name, n) == 0 &&
           (text[n] == '\0' || text[n] == ' ' || text[n] == '(' ||
            text[n] == ',' || text[n] == ':');
}

static const char *
find_in(const char *page, size_t from, size_t to, const char *needle)
{
    size_t n = strlen(needle);

    while (from + n <= to) {
        const char *p = memchr(page + from, needle[0], to - from);

        if (p == NULL || (size_t)(p - page) + n > to) {
            return NULL;
        }
        if (memcmp(p, needle, n) == 0) {
            return p;
        }
        from = (size_t)(p - page) + 1;
    }
    return NULL;
}

/* The control (<input>, <select>, <textarea>) of id, as a mark: its index
 * in k->m (made on first use), or -1. */
static int
control(struct marker *k, const char *id)
{
    const char *attr = arena_printf(&k->r->arena, " id=\"%s\"", id);
    const char *p = k->page, *end = k->page + k->len, *lt, *gt, *d;
    int i;

    while ((p = find_in(k->page, (size_t)(p - k->page), k->len, attr)) !=
           NULL) {
        for (lt = p; lt > k->page && *lt != '<' && *lt != '>'; lt--) {
        }
        if (*lt == '<' &&
            (strncmp(lt, "<input", 6) == 0 || strncmp(lt, "<select", 7) == 0 ||
             strncmp(lt, "<textarea", 9) == 0)) {
            break;
        }
        p++;
        if (p >= end) {
            return -1;
        }
    }
    if (p == NULL) {
        return -1;
    }
    for (i = 0; i < k->nm; i++) {
        if (k->m[i].tag == (size_t)(lt - k->page)) {
            return i;
        }
    }
    if (k->nm == FORM_MARK_MAX * 2) {
        return -1;
    }
    gt = memchr(lt, '>', (size_t)(end - lt));
    if (gt == NULL) {
        return -1;
    }
    k->m[k->nm] = (struct mark){
        .tag = (size_t)(lt - k->page),
        .insert = (size_t)(p - k->page) + strlen(attr),
    };
    k->m[k->nm].invalid =
        find_in(k->page, k->m[k->nm].tag, (size_t)(gt - k->page),
                " aria-invalid=\"") != NULL;
    d = find_in(k->page, k->m[k->nm].tag, (size_t)(gt - k->page),
                " aria-describedby=\"");
    if (d != NULL) {
        const char *q = memchr(d + 19, '"', (size_t)(gt - d - 19));

        k->m[k->nm].desc_end = q != NULL ? (size_t)(q - k->page) : 0;
    }
    return k->nm++;
}

/* The ids of the controls page[from, to) holds, at most max, into ids. */
static int
controls_in(struct marker *k, size_t from, size_t to, const char **ids, int max)
{
    static const char *const tags[] = {"<input ", "<select ", "<textarea "};
    int n = 0;
    size_t at = from;

    while (n < max && at < to) {
        const char *best = NULL, *id, *gt, *q;
        size_t t;

        for (t = 0; t < 3; t++) {
            const char *p = find_in(k->page, at, to, tags[t]);

            if (p != NULL && (best == NULL || p < best)) {
                best = p;
            }
        }
        if (best == NULL) {
            break;
        }
        at = (size_t)(best - k->page) + 1;
        gt = memchr(best, '>', (size_t)(k->page + to - best));
        if (gt == NULL) {
            break;
        }
        id = find_in(k->page, (size_t)(best - k->page), (size_t)(gt - k->page),
                     " id=\"");
        if (id == NULL ||
            find_in(k->page, (size_t)(best - k->page), (size_t)(gt - k->page),
                    "type=\"hidden\"") != NULL) {
            continue;
        }
        q = memchr(id + 5, '"', (size_t)(gt - id - 5));
        if (q != NULL) {
            ids[n++] =
                arena_strndup(&k->r->arena, id + 5, (size_t)(q - id - 5));
        }
    }
    return n;
}

/*
** The controls an item names (the house style's "Label: ..." and "Pole
** „X”: ..."), their ids into ids: the count (0: none). after: the
** summary's place; labels after it are the form's, looked at first.
*/
static int
named_controls(struct marker *k, const char *msg, size_t after,
               const char **ids)
{
    const char *name, *colon;
    size_t n, pass, from;
    bool quoted = false;

    if (str_starts(msg, V_FIELD_NAMED) || str_starts(msg, V_FIELD_NAMED_LC)) {
        name = msg + strlen(V_FIELD_NAMED);
        colon = strstr(name, V_QUOTE_END);
        quoted = true;
    } else {
        name = msg;
        colon = strchr(msg, ':');
    }
    if (colon == NULL || colon == name || colon - name > 120) {
        return 0;
    }
    n = (size_t)(colon - name);
    if (memchr(name, '<', n) != NULL) {
        return 0;
    }
    /* a <label for>: the first not named before, the form's first */
    for (pass = 0; pass < 2; pass++) {
        from = pass == 0 ? after : 0;
        for (;;) {
            const char *l = find_in(k->page, from, k->len, "<label for=\"");
            const char *q, *close, *gt;
            int i;

            if (l == NULL || (pass == 1 && (size_t)(l - k->page) >= after)) {
                break;
            }
            from = (size_t)(l - k->page) + 1;
            q = strchr(l + 12, '"');
            close = q != NULL ? strstr(q, "</label>") : NULL;
            gt = q != NULL ? strchr(q, '>') : NULL;
            if (close == NULL || gt == NULL) {
                break;
            }
            if (gt > close) {
                continue; /* not a label of ours */
            }
            for (i = 0; i < k->nused && k->used[i] != (size_t)(l - k->page);
                 i++) {
            }
            if (i < k->nused || !names(plain(k, (size_t)(gt - k->page) + 1,
                                             (size_t)(close - k->page)),
                                       name, n)) {
                continue;
            }
            ids[0] = arena_strndup(&k->r->arena, l + 12, (size_t)(q - l - 12));
            if (control(k, ids[0]) < 0) {
                continue;
            }
            if (k->nused < FORM_MARK_MAX) {
                k->used[k->nused++] = (size_t)(l - k->page);
            }
            return 1;
        }
    }
    /* "pole „name”": the control of that name */
    if (quoted) {
        ids[0] = arena_printf(&k->r->arena, "f-%.*s", (int)n, name);
        if (control(k, ids[0]) >= 0) {
            return 1;
        }
    }
    /* a fieldset's legend: all its controls */
    for (from = after;;) {
        const char *l = find_in(k->page, from, k->len, "<legend>");
        const char *close = l != NULL ? strstr(l, "</legend>") : NULL;
        const char *end = close != NULL ? strstr(close, "</fieldset>") : NULL;

        if (end == NULL) {
            return 0;
        }
        from = (size_t)(l - k->page) + 1;
        if (names(
                plain(k, (size_t)(l - k->page) + 8, (size_t)(close - k->page)),
                name, n)) {
            return controls_in(k, (size_t)(close - k->page),
                               (size_t)(end - k->page), ids, MAX_TARGETS);
        }
    }
}

static int
cmp_edit(const void *x, const void *y)
{
    const struct edit *a = x, *b = y;

    if (a->at != b->at) {
        return a->at < b->at ? -1 : 1;
    }
    return a->order - b->order;
}

/* One summary from page offset at: its items linked; the next offset. */
static size_t
mark_summary(struct marker *k, size_t at, int *items)
{
    const char *end = strstr(k->page + at, "</div>");
    size_t from = at;

    if (end == NULL) {
        return k->len;
    }
    for (;;) {
        const char *li =
            find_in(k->page, from, (size_t)(end - k->page), "<li>");
        const char *close = li != NULL
                                ? find_in(k->page, (size_t)(li - k->page),
                                          (size_t)(end - k->page), "</li>")
                                : NULL;
        const char *ids[MAX_TARGETS], *item, *msg;
        int n, i;

        /* a long list (a file's findings) costs FORM_MARK_MAX scans */
        if (close == NULL || k->seen++ >= FORM_MARK_MAX) {
            break;
        }
        from = (size_t)(close - k->page);
        msg = arena_strndup(&k->r->arena, li + 4, (size_t)(close - li - 4));
        if (strstr(msg, "<a ") != NULL ||
            (n = named_controls(k, msg, at, ids)) == 0) {
            continue;
        }
        item = arena_printf(&k->r->arena, "field-error-%d", ++*items);
        add_edit(k, (size_t)(li - k->page), 4,
                 arena_printf(&k->r->arena, "<li id=\"%s\"><a href=\"#%s\">",
                              item, ids[0]));
        add_edit(k, (size_t)(close - k->page), 0, "</a>");
        for (i = 0; i < n; i++) {
            int c = control(k, ids[i]);

            if (c >= 0) {
                k->m[c].ids = k->m[c].ids == NULL
                                  ? item
                                  : arena_printf(&k->r->arena, "%s %s",
                                                 k->m[c].ids, item);
            }
        }
    }
    return (size_t)(end - k->page);
}

void
form_mark_errors(struct req *r)
{
    struct marker k = {.r = r, .page = r->out.data, .len = r->out.len};
    const char *s;
    struct buf out;
    size_t at = 0;
    int items = 0, i;

    if (k.page == NULL || strstr(k.page, SUMMARY) == NULL) {
        return;
    }
    k.e = arena_alloc(&r->arena, sizeof(*k.e) * (MAX_EDITS + 1));
    k.m = arena_alloc(&r->arena, sizeof(*k.m) * (FORM_MARK_MAX * 2 + 1));
    k.used = arena_alloc(&r->arena, sizeof(*k.used) * (FORM_MARK_MAX + 1));
    while ((s = strstr(k.page + at, SUMMARY)) != NULL) {
        at = mark_summary(&k, (size_t)(s - k.page) + strlen(SUMMARY), &items);
    }
    for (i = 0; i < k.nm; i++) {
        const struct mark *m = &k.m[i];

        if (m->ids == NULL) {
            continue;
        }
        if (!m->invalid) {
            add_edit(&k, m->insert, 0, " aria-invalid=\"true\"");
        }
        if (m->desc_end > 0) {
            add_edit(&k, m->desc_end, 0,
                     arena_printf(&r->arena, " %s", m->ids));
        } else {
            add_edit(
                &k, m->insert, 0,
                arena_printf(&r->arena, " aria-describedby=\"%s\"", m->ids));
        }
    }
    if (k.ne == 0) {
        return;
    }
    qsort(k.e, (size_t)k.ne, sizeof(*k.e), cmp_edit);
    buf_init(&out);
    at = 0;
    for (i = 0; i < k.ne; i++) {
        if (k.e[i].at < at) {
            continue; /* inside what an earlier edit replaced: dropped */
        }
        buf_append(&out, k.page + at, k.e[i].at - at);
        buf_puts(&out, k.e[i].text);
        at = k.e[i].at + k.e[i].cut;
    }
    buf_append(&out, k.page + at, k.len - at);
    buf_free(&r->out);
    r->out = out;
}
