/*
** The calls as data: the JSON API (/api/calls, /api/calls/ID: status,
** areas, amounts, dates, criteria) and the Atom feed of published calls
** that the region's BIP reads. Both show what the public pages show: drafts
** only to the office of their region, through call_store.c.
*/
#include <string.h>

#include "core/err.h"
#include "core/json.h"
#include "core/str.h"
#include "core/warsaw.h"
#include "html/html.h"
#include "modules_handlers.h"
#include "pages.h"
#include "grants/strings_pl.h"

/*
** ROUTE: GET /api/calls
** CAP: CAP_PUBLIC
** PARAMS: limit (1..1000, default 100), offset
*/
int
api_gc_list(struct req *r)
{
    struct grant_call *cs;
    char now[UTC_STAMP_SIZE];
    struct json j;
    long limit, offset;
    int64_t total;
    bool office = r->user != NULL &&
                  auth_role_has((enum role)r->user->role, CAP_GRANT_MANAGE);
    int n, i, rc;

    if ((rc = req_page_or_reply(r, 100, 1000, &limit, &offset)) != 0) {
        return rc;
    }
    n = grant_calls_list(r->db, &r->arena, office,
                         r->user ? r->user->region : NULL, limit, offset, &cs,
                         &total);
    if (n < 0) {
        return n;
    }
    utc_stamp_now(now, false);
    req_json_page_begin(r, &j, (long)total, limit, offset);
    json_arr_begin(&j);
    for (i = 0; i < n; i++) {
        grant_call_json(&j, &cs[i], now, NULL, 0);
    }
    json_arr_end(&j);
    return 0;
}

/*
** ROUTE: GET /api/calls/:id
** CAP: CAP_PUBLIC
** PARAMS: id=call number (path)
*/
int
api_gc_get(struct req *r)
{
    struct grant_call c;
    struct grant_ranked *rk = NULL;
    char now[UTC_STAMP_SIZE];
    struct json j;
    int rc, n = 0;

    if ((rc = grant_call_or_reply(r, &c)) != 0) {
        return rc;
    }
    /* the offers are public once the results are */
    if (strcmp(c.status, "results") == 0 &&
        (n = grant_ranking(r->db, &r->arena, c.id, &rk)) < 0) {
        return n;
    }
    req_json(r, &j);
    grant_call_json(&j, &c, utc_stamp_now(now, false), rk, n);
    return 0;
}

/*
** ROUTE: GET /nabory.atom
** CAP: CAP_PUBLIC
** PARAMS: none
*/
int
page_gc_feed(struct req *r)
{
    struct grant_call *cs;
    const char *base, *updated = "1970-01-01T00:00:00Z";
    int64_t total;
    int n, i;

    /* Published calls only, whoever asks: the feed is the public record. */
    n = grant_calls_list(r->db, &r->arena, false, NULL, 100, 0, &cs, &total);
    if (n < 0) {
        return n;
    }
    /* Atom wants absolute ids: site_url, else the reader's Host (checked). */
    base = req_site_url(r);
    for (i = 0; i < n; i++) {
        if (cs[i].published_at && strcmp(cs[i].published_at, updated) > 0) {
            updated = cs[i].published_at;
        }
    }
    r->content_type = "application/atom+xml; charset=utf-8";
    html_lit(&r->out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                      "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    html_printf(
        &r->out,
        "<title>%s</title>\n<id>%s/nabory</id>\n"
        "<link rel=\"alternate\" type=\"text/html\" href=\"%s/nabory\"/>"
        "\n<link rel=\"self\" href=\"%s/nabory.atom\"/>\n"
        "<updated>%s</updated>\n",
        T_GC_FEED_TITLE, base, base, base, updated);
    for (i = 0; i < n; i++) {
        const struct grant_call *c = &cs[i];
        const char *at = c->published_at ? c->published_at : c->updated_at;

        html_printf(&r->out,
                    "<entry><title>%s</title><id>%s/nabory/%ld</id>"
                    "<link rel=\"alternate\" type=\"text/html\" "
                    "href=\"%s/nabory/%ld\"/>"
                    "<published>%s</published><updated>%s</updated>"
                    "<author><name>%s</name></author><summary>",
                    c->title, base, (long)c->id, base, (long)c->id, at,
                    c->updated_at, c->region_name);
        html_printf(&r->out, T_GC_FEED_SUMMARY, grant_kind_label(c->kind),
                    str_money(&r->arena, c->amount),
                    warsaw_local(&r->arena, c->offers_until));
        html_lit(&r->out, "</summary></entry>\n");
    }
    html_lit(&r->out, "</feed>\n");
    return 0;
}
