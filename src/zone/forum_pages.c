/*
** The forum on the web and in JSON (issue 19): categories, a category's
** threads with the new-thread form and its Atom feed, a thread with its
** posts (markup.h), attachments, replies, reports, the moderators' hide,
** lock, pin and move, the search and the unread threads. Every lookup by
** id is limited to the account's region; what is outside it is a 404.
*/
#include "modules_handlers.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/str.h"
#include "core/warsaw.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "markup.h"
#include "zone.h"
#include "zone/strings_pl.h"
#include "zone_pages.h"

static const char *
when(struct req *r, const char *utc)
{
    return warsaw_local(&r->arena, utc);
}

/* Category id in the account's region: 0, or a 404 recorded (< 0). */
static int
category_or_reply(struct req *r, int64_t id, struct zone_category *c)
{
    int rc = zone_category_get(r->db, &r->arena, id, zone_scope(r), c);

    return rc == ERR_NOTFOUND ? req_error(r, 404, T_ERR_NOT_FOUND) : rc;
}

/* Thread id in the account's region: 0, or a 404 recorded (< 0). */
static int
thread_or_reply(struct req *r, int64_t id, struct zone_thread *t)
{
    int rc = zone_thread_get(r->db, &r->arena, id, zone_scope(r), t);

    return rc == ERR_NOTFOUND ? req_error(r, 404, T_ERR_NOT_FOUND) : rc;
}

/* v in decimal: the rows' numbers without a format parse each. */
static void
put_num(struct buf *out, int64_t v)
{
    char d[24];
    size_t i = sizeof(d);
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;

    do {
        d[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (v < 0) {
        d[--i] = '-';
    }
    buf_append(out, d + i, sizeof(d) - i);
}

/*
** The table of threads (a category's page, the search, the unread ones).
** A category's page is the forum's most read: its 50 rows are written
** piece by piece (literals, escaped texts, numbers), not through a format
** parsed per row and field (bench/README.md, forum).
*/
static void
thread_rows(struct req *r, const struct zone_thread *t, int n, bool category)
{
    struct buf *out = &r->out;
    int i;

    html_printf(out, WIDE_OPEN, T_ZONE_THREADS);
    html_printf(out,
                "<table>\n<thead><tr><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                T_ZONE_TITLE, category ? T_ZONE_CATEGORY : T_ZONE_AUTHOR,
                T_ZONE_POSTS, T_ZONE_LAST);
    for (i = 0; i < n; i++) {
        html_lit(out, "<tr><td><a href=\"/forum/watek/");
        put_num(out, t[i].id);
        html_lit(out, "\">");
        html_escape(out, t[i].title);
        html_lit(out, "</a>");
        if (t[i].unread) {
            html_lit(out, " <strong class=\"badge\">" T_ZONE_NEW "</strong>");
        }
        if (t[i].pinned) {
            html_lit(out, " (" T_ZONE_PINNED ")");
        }
        if (t[i].locked) {
            html_lit(out, " (" T_ZONE_LOCKED ")");
        }
        html_lit(out, "</td><td>");
        html_escape(out, category ? t[i].category : t[i].author);
        html_lit(out, "</td><td>");
        put_num(out, t[i].posts);
        html_lit(out, "</td><td>");
        html_escape(out, when(r, t[i].last_post_at));
        html_lit(out, "</td></tr>\n");
    }
    html_lit(out, "</tbody>\n" WIDE_CLOSE);
}

static void
search_form(struct req *r, const char *q)
{
    html_printf(&r->out,
                "<form method=\"get\" action=\"/forum/szukaj\" role=\"search\">"
                "<p class=\"field\"><label for=\"f-q\">%s</label>\n"
                "<input type=\"search\" id=\"f-q\" name=\"q\" value=\"%s\"> "
                "<button type=\"submit\">%s</button></p></form>\n",
                T_ZONE_SEARCH_LABEL, q ? q : "", T_ZONE_SEARCH_BUTTON);
}

/*
** ROUTE: GET /forum
** CAP: CAP_LOGIN
** PARAMS: none
*/
int
page_forum(struct req *r)
{
    struct zone_category *c;
    int n = zone_categories(r->db, &r->arena, zone_scope(r), zone_account(r),
                            &c),
        i;

    if (n < 0) {
        return n;
    }
    layout_begin(r, T_ZONE_FORUM_TITLE);
    html_lit(&r->out, "<h1>" T_ZONE_FORUM_TITLE
                      "</h1>\n<p class=\"lead\">" T_ZONE_FORUM_LEAD
                      "</p>\n<p><a href=\"/forum/"
                      "nieprzeczytane\">" T_ZONE_UNREAD_TITLE "</a> · "
                      "<a href=\"/forum/konto\">" T_ZONE_MY_ACCOUNT "</a>");
    if (zone_is_moderator(r)) {
        html_lit(&r->out,
                 " · <a href=\"/forum/moderacja\">" T_ZONE_MODERATION "</a>");
    }
    html_lit(&r->out, "</p>\n");
    search_form(r, NULL);
    html_lit(&r->out, "<h2>" T_ZONE_CATEGORIES "</h2>\n");
    if (n == 0) {
        html_lit(&r->out, "<p>" T_ZONE_NO_CATEGORIES "</p>\n");
    } else {
        html_printf(&r->out, WIDE_OPEN, T_ZONE_CATEGORIES);
        html_printf(&r->out,
                    "<table>\n<thead><tr><th scope=\"col\">%s</th>"
                    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                    "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                    T_ZONE_CATEGORY, T_ZONE_DESCRIPTION, T_ZONE_THREADS,
                    T_ZONE_UNREAD);
        for (i = 0; i < n; i++) {
            html_printf(&r->out,
                        "<tr><td><a href=\"/forum/kategoria/%lld\">%s</a></td>"
                        "<td>%s</td><td>%lld</td><td>%lld</td></tr>\n",
                        (long long)c[i].id, c[i].name, c[i].description,
                        (long long)c[i].threads, (long long)c[i].unread);
        }
        html_lit(&r->out, "</tbody>\n" WIDE_CLOSE);
    }
    layout_end(r);
    return 0;
}

static void
textarea(struct req *r, const char *name, const char *label, const char *value)
{
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-%s\">%s</label>\n"
                "<textarea id=\"f-%s\" name=\"%s\" rows=\"8\" required "
                "maxlength=\"20000\">%s</textarea></p>\n",
                name, label, name, name, value ? value : "");
}

static void
file_field(struct req *r)
{
    html_lit(&r->out,
             "<p class=\"field\"><label for=\"f-file\">" T_ZONE_FILE
             "</label>\n<input type=\"file\" id=\"f-file\" name=\"file\" "
             "accept=\".pdf,.png,.jpg,.jpeg,application/pdf,image/png,"
             "image/jpeg\"></p>\n");
}

/*
** Category id in the account's region and its threads for the account: the
** page of the query's limit and offset when paged, else the newest page.
** The count of threads, or < 0 (a 404 or a bad page recorded).
*/
static int
category_threads(struct req *r, int64_t id, bool paged, struct zone_category *c,
                 struct zone_thread **t)
{
    long limit = ZONE_PAGE, offset = 0;
    int rc;

    if ((rc = category_or_reply(r, id, c)) != 0) {
        return rc;
    }
    if (paged && req_page_or_reply(r, ZONE_PAGE, 200, &limit, &offset) != 0) {
        return ERR_INPUT;
    }
    return zone_threads(r->db, &r->arena, id, zone_account(r), (int)limit,
                        offset, t);
}

static int
category_page(struct req *r, int64_t id, const char *error)
{
    struct zone_category c;
    struct zone_thread *t;
    int n = category_threads(r, id, true, &c, &t);

    if (n < 0) {
        return n;
    }
    layout_begin_under(r, c.name, "/forum", T_ZONE_FORUM_TITLE, c.name);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", c.name, c.description);
    html_printf(&r->out,
                "<p><a href=\"/forum/kategoria/%lld/atom\" "
                "type=\"application/atom+xml\">%s</a></p>\n",
                (long long)id, T_ZONE_ATOM);
    if (n == 0) {
        html_lit(&r->out, "<p>" T_ZONE_NO_THREADS "</p>\n");
    } else {
        thread_rows(r, t, n, false);
    }
    html_lit(&r->out, "<h2 id=\"nowy\">" T_ZONE_NEW_THREAD "</h2>\n");
    if (error != NULL) {
        form_errors(r, &error, 1);
    }
    form_begin(r,
               arena_printf(&r->arena, "/forum/kategoria/%lld", (long long)id),
               "multipart/form-data");
    form_input(r, "title", T_ZONE_TITLE, "text",
               error ? req_form(r, "title") : NULL,
               "required maxlength=\"200\"");
    textarea(r, "body", T_ZONE_BODY, error ? req_form(r, "body") : NULL);
    file_field(r);
    html_lit(&r->out, "<p><button type=\"submit\">" T_ZONE_SUBMIT_THREAD
                      "</button></p>\n");
    form_end(r);
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /forum/kategoria/:id
** CAP: CAP_LOGIN
** PARAMS: limit, offset
*/
int
page_forum_category(struct req *r)
{
    int64_t id;

    if (req_param_num(r, 0, 1, &id) != 0) {
        return ERR_NOTFOUND;
    }
    return category_page(r, id, NULL);
}

static int post_add(struct req *r, bool reply);

/*
** ROUTE: POST /forum/kategoria/:id
** CAP: CAP_LOGIN
** PARAMS: title, body, file (multipart, optional), csrf (form)
*/
int
page_forum_thread_add(struct req *r)
{
    return post_add(r, false);
}

/*
** The form under post id that gives a reason for an action on it (a
** report, a moderator's hiding): POST /forum/wpis/:id/action; key tells
** the field of one form from the other's.
*/
static void
reason_form(struct req *r, int64_t id, const char *action, const char *key,
            const char *label, const char *button)
{
    form_begin(
        r,
        arena_printf(&r->arena, "/forum/wpis/%lld/%s", (long long)id, action),
        NULL);
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-%s-%lld\">%s</label>\n"
                "<input type=\"text\" id=\"f-%s-%lld\" name=\"reason\" "
                "required maxlength=\"300\"> <button type=\"submit\">%s"
                "</button></p>\n",
                key, (long long)id, label, key, (long long)id, button);
    form_end(r);
}

static void
post_article(struct req *r, const struct zone_thread *t,
             const struct zone_post *p, bool mod)
{
    int k;

    html_printf(&r->out,
                "<article id=\"wpis-%lld\" class=\"post%s\" "
                "aria-labelledby=\"wpis-%lld-h\">\n<h2 id=\"wpis-%lld-h\" "
                "class=\"post-head\">",
                (long long)p->id, p->hidden ? " hidden-post" : "",
                (long long)p->id, (long long)p->id);
    html_printf(&r->out, T_ZONE_POST_OF, p->author, when(r, p->created_at));
    html_lit(&r->out, "</h2>\n");
    if (p->hidden) {
        html_printf(&r->out,
                    "<p class=\"notice\"><strong>%s</strong>: %s (%s)</p>\n",
                    T_ZONE_HIDDEN, p->hidden_reason ? p->hidden_reason : "",
                    p->hidden_by ? p->hidden_by : "");
    }
    html_lit(&r->out, "<div class=\"post-body\">\n");
    markup_render(&r->out, p->body);
    html_lit(&r->out, "</div>\n");
    if (p->nfiles > 0) {
        html_lit(&r->out, "<p>" T_ZONE_ATTACHMENTS ":</p>\n<ul>\n");
        for (k = 0; k < p->nfiles; k++) {
            html_printf(&r->out,
                        "<li><a href=\"/forum/zalacznik/%lld\">%s</a> "
                        "(%s, %lld B)</li>\n",
                        (long long)p->files[k].id, p->files[k].filename,
                        p->files[k].mime, (long long)p->files[k].size);
        }
        html_lit(&r->out, "</ul>\n");
    }
    reason_form(r, p->id, "zgloszenie", "rep", T_ZONE_REPORT_REASON,
                T_ZONE_REPORT);
    if (mod && !p->hidden) {
        reason_form(r, p->id, "ukrycie", "hide", T_ZONE_HIDE_REASON,
                    T_ZONE_HIDE);
    }
    (void)t;
    html_lit(&r->out, "</article>\n");
}

static void
moderation_forms(struct req *r, const struct zone_thread *t)
{
    struct zone_category *c;
    int n = zone_categories(r->db, &r->arena, t->region, 0, &c), i;
    const char *action = arena_printf(&r->arena, "/forum/watek/%lld/moderacja",
                                      (long long)t->id);

    html_lit(
        &r->out,
        "<section aria-labelledby=\"mod\"><h2 id=\"mod\">" T_ZONE_THREAD_MOD
        "</h2>\n");
    form_begin(r, action, NULL);
    html_printf(&r->out,
                "<p><button type=\"submit\" name=\"czynnosc\" value=\"%s\">%s"
                "</button> <button type=\"submit\" name=\"czynnosc\" "
                "value=\"%s\">%s</button></p>\n",
                t->locked ? "otworz" : "zamknij",
                t->locked ? T_ZONE_UNLOCK : T_ZONE_LOCK,
                t->pinned ? "odepnij" : "przypnij",
                t->pinned ? T_ZONE_UNPIN : T_ZONE_PIN);
    form_end(r);
    form_begin(r, action, NULL);
    html_lit(&r->out, "<input type=\"hidden\" name=\"czynnosc\" "
                      "value=\"przenies\"><p class=\"field\"><label "
                      "for=\"f-move\">" T_ZONE_MOVE "</label>\n<select "
                      "id=\"f-move\" name=\"kategoria\">\n");
    for (i = 0; i < n; i++) {
        html_printf(&r->out, "<option value=\"%lld\"%s>%s</option>\n",
                    (long long)c[i].id,
                    c[i].id == t->category_id ? " selected" : "", c[i].name);
    }
    html_lit(&r->out, "</select> <button type=\"submit\">" T_ZONE_MOVE_BUTTON
                      "</button></p>\n");
    form_end(r);
    html_lit(&r->out, "</section>\n");
}

static int
thread_page(struct req *r, int64_t id, const char *error, const char *notice)
{
    struct zone_thread t;
    struct zone_post *p;
    bool mod = zone_is_moderator(r);
    int rc, n, i;

    if ((rc = thread_or_reply(r, id, &t)) != 0) {
        return rc;
    }
    n = zone_posts(r->db, &r->arena, id, mod, &p);
    if (n < 0) {
        return n;
    }
    if (n == 0) {
        return req_error(r, 404, T_ERR_NOT_FOUND); /* every post hidden */
    }
    if ((rc = zone_thread_seen(r->db, zone_account(r), id)) != 0) {
        return rc;
    }
    {
        struct crumb trail[] = {
            {"/forum", T_ZONE_FORUM_TITLE},
            {arena_printf(&r->arena, "/forum/kategoria/%lld",
                          (long long)t.category_id),
             t.category},
            {NULL, t.title},
        };

        layout_begin(r, t.title);
        layout_breadcrumb(&r->out, trail, 3);
    }
    html_printf(&r->out, "<h1>%s</h1>\n", t.title);
    if (notice != NULL) {
        html_printf(&r->out, "<p role=\"status\" class=\"notice-ok\">%s</p>\n",
                    notice);
    }
    if (t.locked) {
        html_lit(&r->out, "<p class=\"notice\">" T_ZONE_LOCKED_NOTE "</p>\n");
    }
    for (i = 0; i < n; i++) {
        post_article(r, &t, &p[i], mod);
    }
    if (!t.locked) {
        html_lit(&r->out, "<h2 id=\"odpowiedz\">" T_ZONE_REPLY_TITLE "</h2>\n");
        if (error != NULL) {
            form_errors(r, &error, 1);
        }
        form_begin(r,
                   arena_printf(&r->arena, "/forum/watek/%lld", (long long)id),
                   "multipart/form-data");
        textarea(r, "body", T_ZONE_BODY, error ? req_form(r, "body") : NULL);
        file_field(r);
        html_lit(&r->out,
                 "<p><button type=\"submit\">" T_ZONE_REPLY "</button></p>\n");
        form_end(r);
    } else if (error != NULL) {
        form_errors(r, &error, 1);
    }
    if (mod) {
        moderation_forms(r, &t);
    }
    layout_end(r);
    return 0;
}

/*
** A form posted from thread id's page that the store did not carry out
** (rc, and why it says): bad input (400) or a conflict (409, a locked
** thread, a report made already) shows the page again with why; any other
** failure is returned.
*/
static int
thread_refused(struct req *r, int64_t id, int rc, const char *why)
{
    if (rc == ERR_INPUT || rc == ERR_CONFLICT) {
        r->status = rc == ERR_CONFLICT ? 409 : 400;
        return thread_page(r, id, why, NULL);
    }
    return rc;
}

/*
** ROUTE: GET /forum/watek/:id
** CAP: CAP_LOGIN
** PARAMS: zgloszono=1, ukryto=1 (after an action)
*/
int
page_forum_thread(struct req *r)
{
    int64_t id;

    if (req_param_num(r, 0, 1, &id) != 0) {
        return ERR_NOTFOUND;
    }
    return thread_page(r, id, NULL,
                       req_arg(r, "zgloszono") ? T_ZONE_REPORTED
                       : req_arg(r, "ukryto")  ? T_ZONE_HIDDEN_DONE
                                               : NULL);
}

/*
** A post written from a form, with its file if one was chosen: a reply in
** the thread of the path (reply), else a new thread in its category; then
** on to the post. Bad input (400) or a thread locked meanwhile (409) shows
** the form's page again with why.
*/
static int
post_add(struct req *r, bool reply)
{
    struct zone_category c;
    struct zone_thread t;
    struct zone_upload u;
    struct audit_entry who = zone_who(r);
    const struct zone_upload *file;
    const char *why = NULL, *base = NULL;
    int64_t id, made;
    int rc;

    if (req_param_num(r, 0, 1, &id) != 0) {
        return ERR_NOTFOUND;
    }
    rc = reply ? thread_or_reply(r, id, &t) : category_or_reply(r, id, &c);
    if (rc != 0 || (reply && (rc = req_mail_url_or_reply(r, &base)) != 0)) {
        return rc;
    }
    file = zone_upload_of(r, &u);
    if (reply) {
        rc = zone_reply_add(r->db, &r->arena, id, zone_account(r),
                            req_form(r, "body"), file, base, &who, &made, &why);
        return rc != 0 ? thread_refused(r, id, rc, why)
                       : req_redirect(r, arena_printf(&r->arena,
                                                      "/forum/watek/%lld#wpis-"
                                                      "%lld",
                                                      (long long)id,
                                                      (long long)made));
    }
    rc = zone_thread_add(r->db, &r->arena, id, zone_account(r),
                         req_form(r, "title"), req_form(r, "body"), file, &who,
                         &made, &why);
    if (rc == ERR_INPUT) {
        r->status = 400;
        return category_page(r, id, why);
    }
    return rc != 0
               ? rc
               : req_redirect(r, arena_printf(&r->arena, "/forum/watek/%lld",
                                              (long long)made));
}

/*
** ROUTE: POST /forum/watek/:id
** CAP: CAP_LOGIN
** PARAMS: body, file (multipart, optional), csrf (form)
*/
int
page_forum_reply(struct req *r)
{
    return post_add(r, true);
}

/*
** ROUTE: POST /forum/watek/:id/moderacja
** CAP: CAP_ZONE_MODERATE
** PARAMS: czynnosc=zamknij|otworz|przypnij|odepnij|przenies, kategoria=id,
**         csrf (form)
*/
int
page_forum_thread_moderate(struct req *r)
{
    static const struct {
        const char *name;
        enum zone_mod what;
    } acts[] = {{"zamknij", ZONE_LOCK},
                {"otworz", ZONE_UNLOCK},
                {"przypnij", ZONE_PIN},
                {"odepnij", ZONE_UNPIN},
                {"przenies", ZONE_MOVE}};
    const char *act = req_form(r, "czynnosc");
    struct audit_entry who = zone_who(r);
    struct zone_thread t;
    struct zone_category c;
    int64_t id, to = 0;
    size_t i;
    int rc;

    if (req_param_num(r, 0, 1, &id) != 0) {
        return ERR_NOTFOUND;
    }
    if ((rc = thread_or_reply(r, id, &t)) != 0) {
        return rc;
    }
    for (i = 0; i < sizeof(acts) / sizeof(acts[0]); i++) {
        if (act != NULL && strcmp(act, acts[i].name) == 0) {
            break;
        }
    }
    if (i == sizeof(acts) / sizeof(acts[0])) {
        r->status = 400;
        return thread_page(r, id, T_ZONE_ERR_ACTION, NULL);
    }
    if (acts[i].what == ZONE_MOVE) {
        const char *k = req_form(r, "kategoria");

        /* The target must be a category of the thread's own region. */
        to = k != NULL && str_digits(k, strlen(k)) && strlen(k) < 19
                 ? (int64_t)strtoll(k, NULL, 10)
                 : 0;
        if (to <= 0 ||
            zone_category_get(r->db, &r->arena, to, t.region, &c) != 0) {
            r->status = 400;
            return thread_page(r, id, T_ZONE_ERR_MOVE, NULL);
        }
    }
    rc = zone_thread_moderate(r->db, &r->arena, id, acts[i].what, to, &who);
    if (rc != 0) {
        return rc;
    }
    return req_redirect(
        r, arena_printf(&r->arena, "/forum/watek/%lld", (long long)id));
}

/*
** The post of path parameter 0, in the account's region and, when hidden,
** seen by its moderators only: its thread.
*/
static int
post_in_scope(struct req *r, int64_t *post, int64_t *thread)
{
    const char *region;
    bool hidden;
    int rc;

    if (req_param_num(r, 0, 1, post) != 0) {
        return ERR_NOTFOUND;
    }
    rc = zone_post_where(r->db, &r->arena, *post, thread, &region, &hidden);
    if (rc == 0 && zone_scope(r) != NULL && strcmp(region, zone_scope(r))) {
        rc = ERR_NOTFOUND;
    }
    if (rc == 0 && hidden && !zone_is_moderator(r)) {
        rc = ERR_NOTFOUND;
    }
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, T_ERR_NOT_FOUND);
    }
    return rc;
}

static int reason_given(struct req *r, bool hide);

/*
** ROUTE: POST /forum/wpis/:id/zgloszenie
** CAP: CAP_LOGIN
** PARAMS: reason, csrf (form)
*/
int
page_forum_report(struct req *r)
{
    return reason_given(r, false);
}

/*
** The reason given in the form under a post (reason_form): its hiding by
** a moderator (hide), else a report of it. Bad input shows the thread
** again (400), as does a report made already (409); a post hidden already
** is gone (404).
*/
static int
reason_given(struct req *r, bool hide)
{
    struct audit_entry who = zone_who(r);
    const char *reason = req_form(r, "reason"), *why = NULL;
    int64_t post, thread;
    int rc;

    if ((rc = post_in_scope(r, &post, &thread)) != 0) {
        return rc;
    }
    rc = hide ? zone_post_hide(r->db, &r->arena, post, reason, &who, &why)
              : zone_report_add(r->db, &r->arena, post, zone_account(r), reason,
                                &who, &why);
    if (hide && rc == ERR_NOTFOUND) {
        return req_error(r, 404, T_ZONE_ERR_GONE);
    }
    if (rc != 0) {
        return thread_refused(r, thread, rc,
                              rc == ERR_CONFLICT ? T_ZONE_ERR_REPORTED : why);
    }
    /* A thread may have no visible post left after hiding: to the queue. */
    return req_redirect(r, hide ? "/forum/moderacja?zapisano=1"
                                : arena_printf(&r->arena,
                                               "/forum/watek/%lld?zgloszono=1",
                                               (long long)thread));
}

/*
** ROUTE: POST /forum/wpis/:id/ukrycie
** CAP: CAP_ZONE_MODERATE
** PARAMS: reason, csrf (form)
*/
int
page_forum_hide(struct req *r)
{
    return reason_given(r, true);
}

/*
** ROUTE: GET /forum/zalacznik/:id
** CAP: CAP_LOGIN
** PARAMS: none
*/
int
page_forum_file(struct req *r)
{
    struct zone_file f;
    int64_t id;
    int rc;

    if (req_param_num(r, 0, 1, &id) != 0) {
        return ERR_NOTFOUND;
    }
    rc = zone_file_get(r->db, &r->arena, id, zone_scope(r),
                       zone_is_moderator(r), &f);
    return zone_send_file(r, rc, &f);
}

/*
** ROUTE: GET /forum/kategoria/:id/atom
** CAP: CAP_LOGIN
** PARAMS: none
*/
int
page_forum_atom(struct req *r)
{
    struct zone_category c;
    struct zone_thread *t;
    int64_t id;
    int n, i;

    if (req_param_num(r, 0, 1, &id) != 0) {
        return ERR_NOTFOUND;
    }
    if ((n = category_threads(r, id, false, &c, &t)) < 0) {
        return n;
    }
    r->content_type = "application/atom+xml; charset=utf-8";
    /* Escaped like HTML: &, <, >, " and ' are what XML needs escaped. */
    html_printf(&r->out,
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\""
                "http://www.w3.org/2005/Atom\">\n<title>%s: %s</title>\n"
                "<id>urn:rodzina:forum:category:%lld</id>\n"
                "<link href=\"/forum/kategoria/%lld\"/>\n<updated>%s</updated>"
                "\n",
                T_ZONE_FORUM_TITLE, c.name, (long long)id, (long long)id,
                n > 0 ? t[0].last_post_at : "1970-01-01T00:00:00Z");
    for (i = 0; i < n; i++) {
        html_printf(&r->out,
                    "<entry><title>%s</title><id>urn:rodzina:forum:thread:"
                    "%lld</id><link href=\"/forum/watek/%lld\"/><updated>%s"
                    "</updated><author><name>%s</name></author></entry>\n",
                    t[i].title, (long long)t[i].id, (long long)t[i].id,
                    t[i].last_post_at, t[i].author);
    }
    html_lit(&r->out, "</feed>\n");
    return 0;
}

/*
** ROUTE: GET /forum/szukaj
** CAP: CAP_LOGIN
** PARAMS: q=text
*/
int
page_forum_search(struct req *r)
{
    const char *q = req_arg(r, "q");
    struct zone_thread *t;
    int n = zone_search(r->db, &r->arena, zone_scope(r), q, &t);

    if (n < 0) {
        return n;
    }
    layout_begin_under(r, T_ZONE_SEARCH, "/forum", T_ZONE_FORUM_TITLE,
                       T_ZONE_SEARCH);
    html_lit(&r->out, "<h1>" T_ZONE_SEARCH "</h1>\n");
    search_form(r, q);
    if (q != NULL) {
        html_printf(&r->out, "<h2 role=\"status\">%s: %d</h2>\n", T_ZONE_FOUND,
                    n);
        if (n == 0) {
            html_lit(&r->out, "<p>" T_ZONE_FOUND_NONE "</p>\n");
        } else {
            thread_rows(r, t, n, true);
        }
    }
    layout_end(r);
    return 0;
}

/*
** ROUTE: GET /forum/nieprzeczytane
** CAP: CAP_LOGIN
** PARAMS: none
*/
int
page_forum_unread(struct req *r)
{
    struct zone_thread *t;
    int n = zone_unread(r->db, &r->arena, zone_scope(r), zone_account(r), &t);

    if (n < 0) {
        return n;
    }
    layout_begin_under(r, T_ZONE_UNREAD_TITLE, "/forum", T_ZONE_FORUM_TITLE,
                       T_ZONE_UNREAD_TITLE);
    html_lit(&r->out, "<h1>" T_ZONE_UNREAD_TITLE "</h1>\n");
    if (n == 0) {
        html_lit(&r->out, "<p>" T_ZONE_UNREAD_NONE "</p>\n");
    } else {
        thread_rows(r, t, n, true);
    }
    layout_end(r);
    return 0;
}

static void
json_thread(struct json *j, const void *item)
{
    const struct zone_thread *t = item;

    json_obj_begin(j);
    json_kint(j, "id", t->id);
    json_kint(j, "category", t->category_id);
    json_kstr(j, "title", t->title);
    json_kstr(j, "author", t->author);
    json_kint(j, "posts", t->posts);
    json_kstr(j, "created_at", t->created_at);
    json_kstr(j, "last_post_at", t->last_post_at);
    json_kbool(j, "pinned", t->pinned);
    json_kbool(j, "locked", t->locked);
    json_kbool(j, "unread", t->unread);
    json_obj_end(j);
}

/*
** ROUTE: GET /api/forum
** CAP: CAP_LOGIN
** PARAMS: none
*/
int
api_forum(struct req *r)
{
    struct zone_category *c;
    int n = zone_categories(r->db, &r->arena, zone_scope(r), zone_account(r),
                            &c),
        i;
    struct json j;

    if (n < 0) {
        return n;
    }
    req_json(r, &j);
    json_arr_begin(&j);
    for (i = 0; i < n; i++) {
        json_obj_begin(&j);
        json_kint(&j, "id", c[i].id);
        json_kstr(&j, "region", c[i].region);
        json_kstr(&j, "name", c[i].name);
        json_kstr(&j, "description", c[i].description);
        json_kint(&j, "threads", c[i].threads);
        json_kint(&j, "unread", c[i].unread);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    return 0;
}

/*
** ROUTE: GET /api/forum/categories/:id
** CAP: CAP_LOGIN
** PARAMS: limit, offset
*/
int
api_forum_category(struct req *r)
{
    struct zone_category c;
    struct zone_thread *t;
    struct json j;
    int64_t id;
    int n, i;

    if (req_param_num(r, 0, 1, &id) != 0) {
        return ERR_NOTFOUND;
    }
    if ((n = category_threads(r, id, true, &c, &t)) < 0) {
        return n;
    }
    req_json(r, &j);
    json_obj_begin(&j);
    json_kint(&j, "id", c.id);
    json_kstr(&j, "name", c.name);
    json_key(&j, "threads");
    json_arr_begin(&j);
    for (i = 0; i < n; i++) {
        json_thread(&j, &t[i]);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    return 0;
}

/*
** ROUTE: GET /api/forum/threads/:id
** CAP: CAP_LOGIN
** PARAMS: none
*/
int
api_forum_thread(struct req *r)
{
    struct zone_thread t;
    struct zone_post *p;
    bool mod = zone_is_moderator(r);
    struct json j;
    struct buf html;
    int64_t id;
    int rc, n, i, k;

    if (req_param_num(r, 0, 1, &id) != 0) {
        return ERR_NOTFOUND;
    }
    if ((rc = thread_or_reply(r, id, &t)) != 0) {
        return rc;
    }
    n = zone_posts(r->db, &r->arena, id, mod, &p);
    if (n <= 0) {
        return n < 0 ? n : req_error(r, 404, T_ERR_NOT_FOUND);
    }
    req_json(r, &j);
    json_obj_begin(&j);
    json_key(&j, "thread");
    json_thread(&j, &t);
    json_key(&j, "posts");
    json_arr_begin(&j);
    for (i = 0; i < n; i++) {
        buf_init(&html);
        markup_render(&html, p[i].body);
        json_obj_begin(&j);
        json_kint(&j, "id", p[i].id);
        json_kstr(&j, "author", p[i].author);
        json_kstr(&j, "created_at", p[i].created_at);
        json_kstr(&j, "body", p[i].body);
        json_kstr(&j, "html", html.data ? html.data : "");
        json_kbool(&j, "hidden", p[i].hidden);
        if (p[i].hidden) {
            json_kstr(&j, "hidden_reason", p[i].hidden_reason);
        }
        json_key(&j, "files");
        json_arr_begin(&j);
        for (k = 0; k < p[i].nfiles; k++) {
            json_obj_begin(&j);
            json_kint(&j, "id", p[i].files[k].id);
            json_kstr(&j, "filename", p[i].files[k].filename);
            json_kstr(&j, "type", p[i].files[k].mime);
            json_kint(&j, "size", p[i].files[k].size);
            json_obj_end(&j);
        }
        json_arr_end(&j);
        json_obj_end(&j);
        buf_free(&html);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    return 0;
}
