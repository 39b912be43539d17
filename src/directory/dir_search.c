/*
** The public search. A search with a gmina runs on the in-memory index
** (dir_index.c); this file keeps the search without a gmina (the matches
** ranked here by the same score, so that SQLite and PostgreSQL give one
** order) and the SQL search of a gmina that the index is tested against.
** The area, category and target filters are tokens of the FTS5 index
** itself (columns area and facet), so a common word never makes SQLite
** read thousands of rows to throw most away (shared/PERFORMANCE.md,
** lesson 2). Text is folded with str_fold before
** it is matched, as it was before it was indexed.
*/
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/str.h"
#include "db/db.h"
#include "directory.h"

#define MAX_TERMS 8
#define OPEN_ONLY_LIMIT 1000
/* An area's services that the words are matched against, at most. */
#define MAX_CANDIDATES 20000

char *
dir_match_expr(struct arena *a, const char *area, const char *q,
               const char *category, const char *target)
{
    struct buf b;
    char *folded, *save = NULL, *tok, *out;
    int terms = 0;

    buf_init(&b);
    if (area != NULL) {
        buf_printf(&b, "area:%s", area);
    }
    if (dir_about_violence(category, target)) {
        /* Help for violence is also crisis intervention, legal help and
        ** helplines, whatever the filter said. */
        buf_printf(&b,
                   "%s(facet:kprzemoc OR facet:kkryzys OR facet:kprawna OR "
                   "facet:ktelefon OR facet:tprzemoc)",
                   b.len ? " AND " : "");
    } else {
        if (dir_is_code(category)) {
            buf_printf(&b, "%sfacet:k%s", b.len ? " AND " : "", category);
        }
        if (dir_is_code(target)) {
            buf_printf(&b, "%sfacet:t%s", b.len ? " AND " : "", target);
        }
    }
    folded = str_fold(a, q ? q : "");
    for (tok = strtok_r(folded, " ", &save); tok != NULL && terms < MAX_TERMS;
         tok = strtok_r(NULL, " ", &save)) {
        /* str_fold leaves letters and digits only; quote all the same. */
        if (strchr(tok, '"') != NULL) {
            continue;
        }
        buf_printf(&b, "%s\"%s\"*",
                   terms == 0 && b.len ? " AND body:("
                   : terms == 0        ? "body:("
                                       : " ",
                   tok);
        terms++;
    }
    if (terms > 0) {
        buf_putc(&b, ')');
    }
    if (b.len == 0) {
        buf_free(&b);
        return NULL;
    }
    out = arena_strdup(a, b.data);
    buf_free(&b);
    return out;
}

static void
read_view(struct arena *a, db_stmt *st, struct dir_view *v, bool secret)
{
    memset(v, 0, sizeof(*v));
    v->id = db_col_int(st, 0);
    v->org_id = db_col_int(st, 1);
    v->name = db_col_text_dup(a, st, 2);
    v->description = db_col_text_dup(a, st, 3);
    v->category = db_col_text_dup(a, st, 4);
    v->category_name = db_col_text_dup(a, st, 5);
    v->cost = db_col_text_dup(a, st, 6);
    v->languages = db_col_text_dup(a, st, 7);
    v->how_to_apply = db_col_text_dup(a, st, 8);
    v->phone = db_col_text_dup(a, st, 9);
    v->hours = db_col_text_dup(a, st, 10);
    v->org_name = db_col_text_dup(a, st, 11);
    v->kind = db_col_text_dup(a, st, 12);
    v->confidential = db_col_int(st, 23) != 0;
    v->example = db_col_int(st, 24) != 0;
    if (!v->confidential || secret) {
        v->street = db_col_text_dup(a, st, 13);
        v->postcode = db_col_text_dup(a, st, 14);
        v->lat = db_col_text_dup(a, st, 18);
        v->lon = db_col_text_dup(a, st, 19);
    } else {
        v->street = v->postcode = v->lat = v->lon = "";
    }
    v->city = db_col_text_dup(a, st, 15);
    v->gmina = db_col_text_dup(a, st, 16);
    v->gmina_name = db_col_text_dup(a, st, 17);
    v->email = db_col_text_dup(a, st, 20);
    v->web = db_col_text_dup(a, st, 21);
    v->targets = db_col_text_dup(a, st, 22);
    v->source = db_col_text_dup(a, st, 25);
    v->verify = db_col_text_dup(a, st, 26);
}

struct results {
    struct dir_view *v;
    int n, cap;
};

/* Append a copy of v, growing the array in the arena. */
static void
push(struct arena *a, struct results *r, const struct dir_view *v)
{
    if (r->n == r->cap) {
        int cap = r->cap ? r->cap * 2 : 32;

        r->v = arena_realloc(a, r->v, sizeof(*r->v) * (size_t)r->cap,
                             sizeof(*r->v) * (size_t)cap);
        r->cap = cap;
    }
    r->v[r->n++] = *v;
}

static bool
seen(const struct results *r, int64_t id)
{
    int i;

    for (i = 0; i < r->n; i++) {
        if (r->v[i].id == id) {
            return true;
        }
    }
    return false;
}

struct cand {
    int64_t id;
    int score;
    const char *name;
};

/* Every token of tokens (NULL-terminated) starts a word of body: the score
** (a hit in the name counts twice), or -1 when one is missing. */
static int
text_score(char *const *tokens, const char *body, const char *name)
{
    int score = 0, i;

    for (i = 0; tokens[i] != NULL; i++) {
        size_t n = strlen(tokens[i]);
        const char *p = body;
        bool hit = false;

        while ((p = strstr(p, tokens[i])) != NULL) {
            if (p == body || p[-1] == ' ') {
                hit = true;
                break;
            }
            p += n;
        }
        if (!hit) {
            return -1;
        }
        p = name;
        while ((p = strstr(p, tokens[i])) != NULL) {
            if (p == name || p[-1] == ' ') {
                score++;
                break;
            }
            p += n;
        }
        score++;
    }
    return score;
}

static int
cand_cmp(const void *x, const void *y)
{
    const struct cand *a = x, *b = y;
    int c;

    if (a->score != b->score) {
        return b->score - a->score;
    }
    c = strcmp(a->name, b->name);
    return c != 0 ? c : (a->id < b->id ? -1 : a->id > b->id);
}

static int
append_view(struct db *db, struct arena *a, int64_t id, enum dir_level level,
            const struct dir_query *q, struct results *r, bool *added)
{
    struct dir_view v;
    int rc;

    *added = false;
    rc = dir_view_get(db, a, id, q->now, false, &v);
    if (rc != 0) {
        return rc == ERR_NOTFOUND ? 0 : rc;
    }
    v.level = level;
    v.here = q->gmina != NULL && strcmp(v.gmina, q->gmina) == 0;
    if (q->open_only && v.open_now != 1) {
        return 0;
    }
    push(a, r, &v);
    *added = true;
    return 0;
}

/*
** The services matching expr whose text has every token, best score first
** (then folded name and id), at most limit of them added to r at level,
** reading at most reads of them (the open ones are kept, when asked).
*/
static int
run_scored(struct db *db, struct arena *a, const char *expr,
           char *const *tokens, int limit, int reads, enum dir_level level,
           const struct dir_query *q, struct results *r)
{
    db_stmt *st =
        dir_store_match(db, DIR_MATCH_CANDIDATES, expr, MAX_CANDIDATES);
    struct cand *c = NULL;
    int n = 0, cap = 0, rc, i, added = 0;

    while ((rc = db_step(st)) == DB_ROW) {
        int64_t id = db_col_int(st, 0);
        int score = text_score(tokens, db_col_text(st, 1), db_col_text(st, 2));

        if (score < 0 || seen(r, id)) {
            continue;
        }
        if (n == cap) {
            int ncap = cap ? cap * 2 : 64;

            c = arena_realloc(a, c, sizeof(*c) * (size_t)cap,
                              sizeof(*c) * (size_t)ncap);
            cap = ncap;
        }
        c[n].id = id;
        c[n].score = score;
        c[n].name = db_col_text_dup(a, st, 2);
        n++;
    }
    db_done(st);
    if (rc != DB_DONE) {
        return rc;
    }
    if (n > 1) {
        qsort(c, (size_t)n, sizeof(*c), cand_cmp);
    }
    for (i = 0; i < n && i < reads && added < limit; i++) {
        bool ok;

        if ((rc = append_view(db, a, c[i].id, level, q, r, &ok)) != 0) {
            return rc;
        }
        added += ok;
    }
    return 0;
}

/*
** One level of an area: the candidates come from the index by area (and
** category/target) tokens, which are short lists; the words are matched
** in C, as prefixes of the folded text, so a common word never makes FTS5
** merge the doclists of every service in the country.
*/
static int
run_area(struct db *db, struct arena *a, const char *area, char *const *tokens,
         int limit, enum dir_level level, const struct dir_query *q,
         struct results *r)
{
    char *expr = dir_match_expr(a, area, NULL, q->category, q->target);
    int rc, i, start = r->n;

    if ((rc = run_scored(db, a, expr, tokens, limit, MAX_CANDIDATES, level, q,
                         r)) != 0) {
        return rc;
    }
    /* Within the level: located in the gmina, then in its powiat, then
    ** elsewhere; the order above is kept otherwise (stable). */
    for (i = start + 1; i < r->n; i++) {
        struct dir_view x = r->v[i];
        int kx = x.here ? 0 : strncmp(x.gmina, q->gmina, 4) == 0 ? 1 : 2;
        int k = i - 1;

        while (k >= start) {
            const struct dir_view *y = &r->v[k];
            int ky = y->here ? 0 : strncmp(y->gmina, q->gmina, 4) == 0 ? 1 : 2;
            if (ky <= kx) {
                break;
            }
            r->v[k + 1] = r->v[k];
            k--;
        }
        r->v[k + 1] = x;
    }
    return 0;
}

/* No gmina and no words: the filters' services by name. */
static int
run_by_name(struct db *db, struct arena *a, const char *expr, int limit,
            const struct dir_query *q, struct results *r)
{
    db_stmt *st = dir_store_match(db, DIR_MATCH_BY_NAME, expr,
                                  q->open_only ? OPEN_ONLY_LIMIT : limit);
    int rc = DB_DONE, added = 0;

    while (added < limit && (rc = db_step(st)) == DB_ROW) {
        struct dir_view v;

        read_view(a, st, &v, false);
        v.level = DIR_LEVEL_ANY;
        v.here = false;
        v.open_now = dir_open_now(a, v.hours, q->now);
        if (q->open_only && v.open_now != 1) {
            continue;
        }
        push(a, r, &v);
        added++;
    }
    db_done(st);
    return rc == DB_ROW || rc == DB_DONE ? 0 : rc;
}

int
dir_search_sql(struct db *db, struct arena *a, const struct dir_query *q,
               struct dir_view **out)
{
    struct results r = {0};
    char *tokens[MAX_TERMS + 1] = {0}, *folded, *save = NULL, *tok;
    int limit = q->limit > 0 ? q->limit : 50, rc, i, nt = 0;

    *out = NULL;
    folded = str_fold(a, q->q ? q->q : "");
    for (tok = strtok_r(folded, " ", &save); tok != NULL && nt < MAX_TERMS;
         tok = strtok_r(NULL, " ", &save)) {
        tokens[nt++] = tok;
    }
    if (q->gmina != NULL) {
        const char *areas[3];
        int level;

        for (i = 0; i < 7; i++) {
            if (q->gmina[i] < '0' || q->gmina[i] > '9') {
                return ERR_INPUT;
            }
        }
        if (q->gmina[7] != '\0') {
            return ERR_INPUT;
        }
        areas[0] = arena_printf(a, "g%s", q->gmina);
        areas[1] = arena_printf(a, "p%.4s", q->gmina);
        areas[2] = arena_printf(a, "w%.2s", q->gmina);
        for (level = 0; level < 3; level++) {
            if ((rc = run_area(db, a, areas[level], tokens, limit,
                               (enum dir_level)level, q, &r)) != 0) {
                return rc;
            }
        }
    } else {
        char *expr = dir_match_expr(a, NULL, q->q, q->category, q->target);

        if (expr == NULL) {
            return 0;
        }
        rc = nt > 0 ? run_scored(db, a, expr, tokens, limit,
                                 q->open_only ? OPEN_ONLY_LIMIT : limit,
                                 DIR_LEVEL_ANY, q, &r)
                    : run_by_name(db, a, expr, limit, q, &r);
        if (rc != 0) {
            return rc;
        }
    }
    *out = r.v;
    return r.n;
}

int
dir_search_in(struct db *db, struct dir_index *ix, struct arena *a,
              const struct dir_query *q, struct dir_view **out, int total[3])
{
    int n;

    *out = NULL;
    if (total != NULL) {
        total[0] = total[1] = total[2] = 0;
    }
    if (q->gmina == NULL) {
        n = dir_search_sql(db, a, q, out);
        if (n > 0 && total != NULL) {
            total[0] = n;
        }
        return n;
    }
    return dir_index_search(ix, a, q, out, total);
}

static const char *
dup(struct arena *a, const char *s)
{
    return arena_strdup(a, s);
}

int
dir_search_counted(struct db *db, struct arena *a, const struct dir_query *q,
                   struct dir_view **out, int total[3])
{
    struct dir_index *ix = NULL;
    struct dir_view *v;
    int n, i;

    if (q->gmina != NULL) {
        if (strlen(q->gmina) != 7 || strspn(q->gmina, "0123456789") != 7) {
            *out = NULL;
            return ERR_INPUT;
        }
        if ((n = dir_index_acquire(db, &ix)) != 0) {
            return n;
        }
    }
    n = dir_search_in(db, ix, a, q, out, total);
    /* Copy the index's strings: a later search may let the index go. */
    for (i = 0, v = *out; ix != NULL && i < n; i++) {
        v[i].name = dup(a, v[i].name);
        v[i].description = dup(a, v[i].description);
        v[i].category = dup(a, v[i].category);
        v[i].category_name = dup(a, v[i].category_name);
        v[i].cost = dup(a, v[i].cost);
        v[i].languages = dup(a, v[i].languages);
        v[i].how_to_apply = dup(a, v[i].how_to_apply);
        v[i].phone = dup(a, v[i].phone);
        v[i].hours = dup(a, v[i].hours);
        v[i].org_name = dup(a, v[i].org_name);
        v[i].kind = dup(a, v[i].kind);
        v[i].street = dup(a, v[i].street);
        v[i].postcode = dup(a, v[i].postcode);
        v[i].city = dup(a, v[i].city);
        v[i].gmina = dup(a, v[i].gmina);
        v[i].gmina_name = dup(a, v[i].gmina_name);
        v[i].lat = dup(a, v[i].lat);
        v[i].lon = dup(a, v[i].lon);
        v[i].email = dup(a, v[i].email);
        v[i].web = dup(a, v[i].web);
        v[i].targets = dup(a, v[i].targets);
    }
    return n;
}

int
dir_search(struct db *db, struct arena *a, const struct dir_query *q,
           struct dir_view **out)
{
    return dir_search_counted(db, a, q, out, NULL);
}

int
dir_view_get(struct db *db, struct arena *a, int64_t id, int64_t now,
             bool with_secret, struct dir_view *out)
{
    db_stmt *st = dir_store_view(db, id);
    int rc;

    if ((rc = db_one_row(st)) != 0) {
        db_done(st);
        return rc;
    }
    read_view(a, st, out, with_secret);
    db_done(st);
    out->level = DIR_LEVEL_ANY;
    out->open_now = dir_open_now(a, out->hours, now);
    return 0;
}
