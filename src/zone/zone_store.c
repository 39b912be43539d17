/*
** The zone's store (zone.h): the only file that runs its SQL. Every change
** is an audit_change (auth/auth.h), so the change and its audit row commit
** together or not at all; checks that need the store run inside it.
*/
#include "zone.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/cache.h"
#include "core/err.h"
#include "core/json.h"
#include "core/str.h"
#include "core/warsaw.h"
#include "db/db.h"
#include "region/region.h"
#include "teryt/teryt.h"
#include "users/users.h"
#include "zone/strings_pl.h"

const char *const zone_groups[][2] = {
    {"ops", T_ZONE_GRP_OPS},       {"zi", T_ZONE_GRP_ZI},
    {"gkrpa", T_ZONE_GRP_GKRPA},   {"police", T_ZONE_GRP_POLICE},
    {"school", T_ZONE_GRP_SCHOOL}, {"probation", T_ZONE_GRP_PROBATION},
    {"health", T_ZONE_GRP_HEALTH}, {"ngo", T_ZONE_GRP_NGO},
    {"other", T_ZONE_GRP_OTHER},   {NULL, NULL},
};

const char *const zone_areas[][2] = {
    {"violence", T_ZONE_AREA_VIOLENCE},   {"family", T_ZONE_AREA_FAMILY},
    {"foster", T_ZONE_AREA_FOSTER},       {"adoption", T_ZONE_AREA_ADOPTION},
    {"addiction", T_ZONE_AREA_ADDICTION}, {"seniors", T_ZONE_AREA_SENIORS},
    {"other", T_ZONE_AREA_OTHER},         {NULL, NULL},
};

static const char *
label_of(const char *const list[][2], const char *code)
{
    int i;

    for (i = 0; code != NULL && list[i][0] != NULL; i++) {
        if (strcmp(list[i][0], code) == 0) {
            return list[i][1];
        }
    }
    return NULL;
}

const char *
zone_group_label(const char *code)
{
    return label_of(zone_groups, code);
}

const char *
zone_area_label(const char *code)
{
    return label_of(zone_areas, code);
}

/* Trimmed text of 1..max bytes, or NULL. */
static const char *
field(struct arena *a, const char *s, size_t max)
{
    const char *t;

    if (s == NULL) {
        return NULL;
    }
    t = str_trim(a, s);
    if (*t == '\0' || strlen(t) > max) {
        return NULL;
    }
    return t;
}

static bool
email_ok(const char *s)
{
    const char *at = strchr(s, '@');

    return at != NULL && at != s && strchr(at + 1, '.') != NULL &&
           strchr(at + 1, '@') == NULL && strpbrk(s, " \t<>\"") == NULL &&
           at[strlen(at) - 1] != '.';
}

/* A small JSON object of string pairs (k, v, ..., NULL) for an audit. */
static const char *
audit_json(struct arena *a, ...)
{
    struct buf b;
    struct json j;
    const char *k, *out;
    va_list ap;

    buf_init(&b);
    json_init(&j, &b);
    json_obj_begin(&j);
    va_start(ap, a);
    while ((k = va_arg(ap, const char *)) != NULL) {
        json_kstr(&j, k, va_arg(ap, const char *));
    }
    va_end(ap);
    json_obj_end(&j);
    out = arena_strdup(a, b.data);
    buf_free(&b);
    return out;
}

static const char *
num(struct arena *a, int64_t v)
{
    return arena_printf(a, "%lld", (long long)v);
}

/* --- accounts of professionals ------------------------------------------ */

struct reg_ctx {
    struct arena *a;
    const struct zone_registration *g;
    const char *region;
    const char **why;
};

static int
reg_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct reg_ctx *c = ctx;
    const struct zone_registration *g = c->g;
    struct users_new u = {.login = g->login,
                          .password = g->password,
                          .role_name = auth_role_name(ROLE_PROFESSIONAL),
                          .region = c->region};
    struct users_actor ua = {e->account, e->via, e->addr};
    char now[UTC_STAMP_SIZE];
    int64_t id;
    db_stmt *st;
    int rc;

    if ((rc = users_add(db, c->a, &u, &ua, &id, c->why)) != 0 ||
        (rc = users_set_disabled(db, c->a, g->login, true, &ua)) != 0) {
        return rc;
    }
    st = db_query(db, Q_ZONE_PROF_INSERT);
    db_bind_int(st, 1, id);
    db_bind_text(st, 2, g->name);
    db_bind_text(st, 3, g->email);
    db_bind_text(st, 4, g->institution);
    db_bind_text(st, 5, g->gmina);
    db_bind_text(st, 6, g->grp);
    db_bind_text(st, 7, utc_stamp_now(now, false));
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    e->entity_id = num(c->a, id);
    e->after =
        audit_json(c->a, "login", g->login, "institution", g->institution,
                   "gmina", g->gmina, "group", g->grp, NULL);
    return 0;
}

int
zone_register(struct db *db, struct arena *a, const struct zone_registration *g,
              const struct audit_entry *who, const char **why)
{
    struct zone_registration t = *g;
    char woj[3];
    struct reg_ctx c = {a, &t, woj, why};

    *why = NULL;
    if ((t.name = field(a, g->name, ZONE_FIELD_MAX)) == NULL) {
        *why = T_ZONE_ERR_NAME;
    } else if ((t.email = field(a, g->email, ZONE_FIELD_MAX)) == NULL ||
               !email_ok(t.email)) {
        *why = T_ZONE_ERR_EMAIL;
    } else if ((t.institution = field(a, g->institution, ZONE_FIELD_MAX)) ==
               NULL) {
        *why = T_ZONE_ERR_INSTITUTION;
    } else if (g->gmina == NULL || !str_digits(g->gmina, 7) ||
               strlen(g->gmina) != 7 ||
               teryt_gmina_woj(db, g->gmina, woj) != 0) {
        *why = T_ZONE_ERR_GMINA;
    } else if (zone_group_label(g->grp) == NULL) {
        *why = T_ZONE_ERR_GROUP;
    } else if (g->login == NULL || g->password == NULL) {
        *why = T_ZONE_ERR_LOGIN;
    }
    if (*why != NULL) {
        return ERR_INPUT;
    }
    return audit_change(db, who, "zone.register", "professional", reg_write,
                        &c);
}

static void
prof_row(struct arena *a, db_stmt *st, void *elem)
{
    struct zone_prof *p = elem;

    p->account_id = db_col_int(st, 0);
    p->login = db_col_text_dup(a, st, 1);
    p->name = db_col_text_dup(a, st, 2);
    p->email = db_col_text_dup(a, st, 3);
    p->institution = db_col_text_dup(a, st, 4);
    p->gmina = db_col_text_dup(a, st, 5);
    p->gmina_name = db_col_text_dup(a, st, 6);
    p->grp = db_col_text_dup(a, st, 7);
    p->state = db_col_text_dup(a, st, 8);
    p->created_at = db_col_text_dup(a, st, 9);
}

int
zone_prof_pending(struct db *db, struct arena *a, const char *region,
                  struct zone_prof **out)
{
    db_stmt *st = db_query(db, Q_ZONE_PROF_PENDING);

    db_bind_text(st, 1, region);
    return db_list(st, a, sizeof(**out), prof_row, out);
}

int
zone_prof_get(struct db *db, struct arena *a, int64_t id, struct zone_prof *out)
{
    return db_get(db_query_id(db, Q_ZONE_PROF_GET, id), a, prof_row, out);
}

struct decide_ctx {
    struct arena *a;
    int64_t id;
    const char *region;
    bool yes;
};

/*
** The decision of c on a proposed record (a professional's account, a good
** practice) by query q: $1 its id, $2 its new state, $3 when, $4 by whom,
** $5 the region it must be in. 0, or ERR_NOTFOUND when it was decided
** already or is elsewhere.
*/
static int
decision_write(struct db *db, enum query_id q, const struct decide_ctx *c,
               const char *state, const struct audit_entry *e)
{
    char now[UTC_STAMP_SIZE];
    db_stmt *st = db_query(db, q);
    int64_t got;

    db_bind_int(st, 1, c->id);
    db_bind_text(st, 2, state);
    db_bind_text(st, 3, utc_stamp_now(now, false));
    db_bind_text(st, 4, e->account);
    db_bind_text(st, 5, c->region);
    return db_one_int(st, &got);
}

static int
prof_decide(struct db *db, void *ctx, struct audit_entry *e)
{
    struct decide_ctx *c = ctx;
    struct users_actor ua = {e->account, e->via, e->addr};
    struct zone_prof p;
    int rc;

    if ((rc = decision_write(db, Q_ZONE_PROF_DECIDE, c,
                             c->yes ? "confirmed" : "rejected", e)) != 0 ||
        (rc = zone_prof_get(db, c->a, c->id, &p)) != 0) {
        return rc;
    }
    if (c->yes && (rc = users_set_disabled(db, c->a, p.login, false, &ua))) {
        return rc;
    }
    e->entity_id = num(c->a, c->id);
    e->before = audit_json(c->a, "state", "pending", NULL);
    e->after = audit_json(c->a, "state", p.state, "login", p.login, NULL);
    return 0;
}

int
zone_prof_decide(struct db *db, struct arena *a, int64_t id, const char *region,
                 bool confirm, const struct audit_entry *who)
{
    struct decide_ctx c = {a, id, region, confirm};

    return audit_change(db, who,
                        confirm ? "zone.professional.confirm"
                                : "zone.professional.reject",
                        "professional", prof_decide, &c);
}

/* --- forum categories ----------------------------------------------------- */

/* A category's own columns (Q_ZONE_CATEGORY_GET's, the first four of
** Q_ZONE_CATEGORIES'). */
static void
category_one(struct arena *a, db_stmt *st, void *elem)
{
    struct zone_category *c = elem;

    c->id = db_col_int(st, 0);
    c->region = db_col_text_dup(a, st, 1);
    c->name = db_col_text_dup(a, st, 2);
    c->description = db_col_text_dup(a, st, 3);
}

/* A category of the list: its own columns, its threads and unread ones. */
static void
category_row(struct arena *a, db_stmt *st, void *elem)
{
    struct zone_category *c = elem;

    category_one(a, st, elem);
    c->threads = db_col_int(st, 4);
    c->unread = db_col_int(st, 5);
}

int
zone_categories(struct db *db, struct arena *a, const char *region,
                int64_t account, struct zone_category **out)
{
    db_stmt *st = db_query(db, Q_ZONE_CATEGORIES);

    db_bind_text(st, 1, region);
    db_bind_int(st, 2, account);
    return db_list(st, a, sizeof(**out), category_row, out);
}

int
zone_category_get(struct db *db, struct arena *a, int64_t id,
                  const char *region, struct zone_category *out)
{
    db_stmt *st = db_query(db, Q_ZONE_CATEGORY_GET);

    db_bind_int(st, 1, id);
    db_bind_text(st, 2, region);
    return db_get(st, a, category_one, out);
}

struct cat_ctx {
    struct arena *a;
    const char *region, *name, *description;
    int64_t *id;
};

static int
category_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct cat_ctx *c = ctx;
    char now[UTC_STAMP_SIZE];
    db_stmt *st = db_query(db, Q_ZONE_CATEGORY_INSERT);
    int rc;

    db_bind_text(st, 1, c->region);
    db_bind_text(st, 2, c->name);
    db_bind_text(st, 3, c->description);
    db_bind_text(st, 4, utc_stamp_now(now, false));
    rc = db_one_int(st, c->id);
    if (rc == ERR_NOTFOUND) {
        return ERR_CONFLICT;
    }
    e->entity_id = num(c->a, *c->id);
    e->after = audit_json(c->a, "region", c->region, "name", c->name, NULL);
    return rc;
}

int
zone_category_add(struct db *db, struct arena *a, const char *region,
                  const char *name, const char *description,
                  const struct audit_entry *who, int64_t *id, const char **why)
{
    struct cat_ctx c = {a, region, field(a, name, ZONE_TITLE_MAX), "", id};
    bool served = false;

    *why = NULL;
    if (region == NULL || region_served(db, region, &served) != 0 || !served) {
        *why = T_ZONE_ERR_REGION;
        return ERR_INPUT;
    }
    if (c.name == NULL) {
        *why = T_ZONE_ERR_CATEGORY;
        return ERR_INPUT;
    }
    c.description = description != NULL ? str_trim(a, description) : "";
    if (strlen(c.description) > ZONE_FIELD_MAX) {
        *why = T_ZONE_ERR_DESCRIPTION;
        return ERR_INPUT;
    }
    return audit_change(db, who, "forum.category.add", "forum_category",
                        category_write, &c);
}

/* --- threads -------------------------------------------------------------- */

static void
thread_row(struct arena *a, db_stmt *st, void *elem)
{
    struct zone_thread *t = elem;

    t->id = db_col_int(st, 0);
    t->category_id = db_col_int(st, 1);
    t->posts = db_col_int(st, 2);
    t->last_post_id = db_col_int(st, 3);
    t->title = db_col_text_dup(a, st, 4);
    t->author = db_col_text_dup(a, st, 5);
    t->created_at = db_col_text_dup(a, st, 6);
    t->last_post_at = db_col_text_dup(a, st, 7);
    t->region = db_col_text_dup(a, st, 8);
    t->category = db_col_text_dup(a, st, 9);
    t->pinned = db_col_int(st, 10) != 0;
    t->locked = db_col_int(st, 11) != 0;
    t->unread = db_col_int(st, 12) != 0;
}

int
zone_threads(struct db *db, struct arena *a, int64_t category, int64_t account,
             int limit, int64_t offset, struct zone_thread **out)
{
    db_stmt *st = db_query(db, Q_ZONE_THREADS);

    db_bind_int(st, 1, category);
    db_bind_int(st, 2, account);
    db_bind_int(st, 3, limit);
    db_bind_int(st, 4, offset);
    return db_list(st, a, sizeof(**out), thread_row, out);
}

int
zone_unread(struct db *db, struct arena *a, const char *region, int64_t account,
            struct zone_thread **out)
{
    db_stmt *st = db_query(db, Q_ZONE_UNREAD);

    db_bind_text(st, 1, region);
    db_bind_int(st, 2, account);
    return db_list(st, a, sizeof(**out), thread_row, out);
}

int
zone_thread_get(struct db *db, struct arena *a, int64_t id, const char *region,
                struct zone_thread *out)
{
    db_stmt *st = db_query(db, Q_ZONE_THREAD_GET);

    db_bind_int(st, 1, id);
    db_bind_text(st, 2, region);
    return db_get(st, a, thread_row, out);
}

static void
post_row(struct arena *a, db_stmt *st, void *elem)
{
    struct zone_post *p = elem;

    p->id = db_col_int(st, 0);
    p->thread_id = db_col_int(st, 1);
    p->author = db_col_text_dup(a, st, 2);
    p->body = db_col_text_dup(a, st, 3);
    p->created_at = db_col_text_dup(a, st, 4);
    p->hidden = db_col_int(st, 5) != 0;
    p->hidden_reason = db_col_text_dup_or_null(a, st, 6);
    p->hidden_by = db_col_text_dup_or_null(a, st, 7);
}

static void
file_row(struct arena *a, db_stmt *st, void *elem)
{
    struct zone_file *f = elem;

    f->id = db_col_int(st, 0);
    f->post_id = db_col_int(st, 1);
    f->size = db_col_int(st, 2);
    f->filename = db_col_text_dup(a, st, 3);
    f->mime = db_col_text_dup(a, st, 4);
}

int
zone_posts(struct db *db, struct arena *a, int64_t thread, bool with_hidden,
           struct zone_post **out)
{
    db_stmt *st = db_query(db, Q_ZONE_POSTS);
    struct zone_file *f;
    int n, nf, i, k;

    db_bind_int(st, 1, thread);
    db_bind_int(st, 2, with_hidden ? 1 : 0);
    n = db_list(st, a, sizeof(**out), post_row, out);
    if (n <= 0) {
        return n;
    }
    nf = db_list(db_query_id(db, Q_ZONE_POST_FILES, thread), a, sizeof(*f),
                 file_row, &f);
    if (nf < 0) {
        return nf;
    }
    /* Both lists are in id order: each post takes its run of files. */
    for (i = 0, k = 0; i < n; i++) {
        while (k < nf && f[k].post_id < (*out)[i].id) {
            k++; /* a file of a post not shown */
        }
        (*out)[i].files = f + k;
        while (k < nf && f[k].post_id == (*out)[i].id) {
            (*out)[i].nfiles++;
            k++;
        }
    }
    return n;
}

int
zone_thread_seen(struct db *db, int64_t account, int64_t thread)
{
    db_stmt *st = db_query(db, Q_ZONE_READ_MARK);

    db_bind_int(st, 1, account);
    db_bind_int(st, 2, thread);
    return db_exec(st);
}

static int file_blob(struct arena *a, db_stmt *st, struct zone_file *out);

int
zone_file_get(struct db *db, struct arena *a, int64_t id, const char *region,
              bool with_hidden, struct zone_file *out)
{
    db_stmt *st = db_query(db, Q_ZONE_FILE_GET);

    db_bind_int(st, 1, id);
    db_bind_text(st, 2, region);
    db_bind_int(st, 3, with_hidden ? 1 : 0);
    return file_blob(a, st, out);
}

/* --- attachments: the type by content ------------------------------------ */

static bool
ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    size_t i;

    if (n < k) {
        return false;
    }
    for (i = 0; i < k; i++) {
        char c = s[n - k + i];

        if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        if (c != suffix[i]) {
            return false;
        }
    }
    return true;
}

const char *
zone_file_type(const struct zone_upload *f, size_t max, const char **why)
{
    const unsigned char *d = (const unsigned char *)f->data;
    const char *type = NULL;
    bool ext_ok = false;

    *why = NULL;
    if (f->len > max) {
        *why = T_ZONE_ERR_FILE_SIZE;
        return NULL;
    }
    if (f->len >= 5 && memcmp(d, "%PDF-", 5) == 0) {
        type = "application/pdf";
        ext_ok = ends_with(f->filename, ".pdf");
    } else if (f->len >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0) {
        type = "image/png";
        ext_ok = ends_with(f->filename, ".png");
    } else if (f->len >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF) {
        type = "image/jpeg";
        ext_ok =
            ends_with(f->filename, ".jpg") || ends_with(f->filename, ".jpeg");
    }
    if (type == NULL) {
        *why = T_ZONE_ERR_FILE_TYPE;
        return NULL;
    }
    if (!ext_ok) {
        *why = T_ZONE_ERR_FILE_EXT;
        return NULL;
    }
    return type;
}

/* --- posting -------------------------------------------------------------- */

/* An uploaded file as $1..$5 of an insert: the id of the record it belongs
 * to, its name, its type (checked by content), size and bytes. */
static void
bind_file(db_stmt *st, int64_t owner, const struct zone_upload *f,
          const char *mime)
{
    db_bind_int(st, 1, owner);
    db_bind_text(st, 2, f->filename);
    db_bind_text(st, 3, mime);
    db_bind_int(st, 4, (int64_t)f->len);
    db_bind_blob(st, 5, f->data, f->len);
}

/* File f of record owner by insert q (bind_file's parameters): 0 or < 0. */
static int
file_insert(struct db *db, enum query_id q, int64_t owner,
            const struct zone_upload *f, const char *mime)
{
    db_stmt *st = db_query(db, q);
    int64_t id;

    bind_file(st, owner, f, mime);
    return db_one_int(st, &id);
}

struct post_ctx {
    struct arena *a;
    int64_t category, thread, author;
    const char *title, *body, *mime;
    const char *base; /* the site's address, for links in e-mail */
    const struct zone_upload *file;
    int64_t *id;
};

/* The post (and its file) in c->thread; the thread's counters after. */
static int
post_write(struct db *db, struct post_ctx *c, int64_t *post)
{
    char now[UTC_STAMP_SIZE];
    const char *folded = str_fold(
        c->a, c->title != NULL ? arena_printf(c->a, "%s %s", c->title, c->body)
                               : c->body);
    db_stmt *st = db_query(db, Q_ZONE_POST_INSERT);
    int rc;

    db_bind_int(st, 1, c->thread);
    db_bind_int(st, 2, c->author);
    db_bind_text(st, 3, c->body);
    db_bind_text(st, 4, folded);
    db_bind_text(st, 5, utc_stamp_now(now, true));
    if ((rc = db_one_int(st, post)) != 0) {
        return rc;
    }
    st = db_query(db, Q_ZONE_FTS_PUT);
    db_bind_int(st, 1, *post);
    db_bind_text(st, 2, folded);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    if (c->file != NULL &&
        (rc = file_insert(db, Q_ZONE_FILE_INSERT, *post, c->file, c->mime))) {
        return rc;
    }
    return db_exec(db_query_id(db, Q_ZONE_THREAD_RECOUNT, c->thread));
}

static int
thread_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct post_ctx *c = ctx;
    char now[UTC_STAMP_SIZE];
    db_stmt *st = db_query(db, Q_ZONE_THREAD_INSERT);
    int64_t post;
    int rc;

    db_bind_int(st, 1, c->category);
    db_bind_text(st, 2, c->title);
    db_bind_int(st, 3, c->author);
    db_bind_text(st, 4, utc_stamp_now(now, true));
    if ((rc = db_one_int(st, &c->thread)) != 0 ||
        (rc = post_write(db, c, &post)) != 0) {
        return rc;
    }
    *c->id = c->thread;
    e->entity_id = num(c->a, c->thread);
    e->after = audit_json(c->a, "title", c->title, "post", num(c->a, post),
                          "file", c->file ? c->file->filename : NULL, NULL);
    return 0;
}

static void
text_row(struct arena *a, db_stmt *st, void *elem)
{
    *(const char **)elem = db_col_text_dup(a, st, 0);
}

static void
about_row(struct arena *a, db_stmt *st, void *elem)
{
    const char **about = elem;

    about[0] = db_col_text_dup(a, st, 0);
    about[1] = db_col_text_dup(a, st, 1);
}

/* The e-mail about reply *c->id to every participant of the thread who
** asked for it on their account page, queued with the reply. */
static int
reply_mail(struct db *db, struct post_ctx *c)
{
    const char **to, *about[2], *excerpt;
    db_stmt *st = db_query(db, Q_ZONE_MAIL_RECIPIENTS);
    int n, i, rc;

    db_bind_int(st, 1, c->thread);
    db_bind_int(st, 2, c->author);
    if ((n = db_list(st, c->a, sizeof(*to), text_row, &to)) <= 0) {
        return n;
    }
    st = db_query(db, Q_ZONE_MAIL_ABOUT);
    db_bind_int(st, 1, c->thread);
    db_bind_int(st, 2, c->author);
    if ((rc = db_get(st, c->a, about_row, about)) != 0) {
        return rc;
    }
    /* At most 500 bytes of the reply; a character cut in two is repaired. */
    excerpt = str_utf8_repair(c->a, arena_printf(c->a, "%.500s", c->body));
    for (i = 0; i < n; i++) {
        rc = auth_mail_queue(db, "forum.reply", *c->id, to[i],
                             arena_printf(c->a, T_ZONE_MAIL_SUBJECT, about[0]),
                             arena_printf(c->a, T_ZONE_MAIL_BODY, about[1],
                                          about[0], excerpt, c->base,
                                          (long long)c->thread,
                                          (long long)*c->id, c->base));
        if (rc != 0) {
            return rc;
        }
    }
    return 0;
}

static int
reply_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct post_ctx *c = ctx;
    int64_t locked;
    int rc;

    /* Checked inside the transaction: a lock just made wins. */
    if ((rc = db_one_int(db_query_id(db, Q_ZONE_THREAD_LOCKED, c->thread),
                         &locked)) != 0) {
        return rc;
    }
    if (locked) {
        return ERR_CONFLICT;
    }
    if ((rc = post_write(db, c, c->id)) != 0) {
        return rc;
    }
    if ((rc = reply_mail(db, c)) != 0) {
        return rc;
    }
    e->entity_id = num(c->a, *c->id);
    e->after = audit_json(c->a, "thread", num(c->a, c->thread), "file",
                          c->file ? c->file->filename : NULL, NULL);
    return 0;
}

/* The checks of a post's text and file, before any write. */
static int
post_check(struct post_ctx *c, const char *body, const char **why)
{
    c->body = field(c->a, body, ZONE_TEXT_MAX);
    if (c->body == NULL) {
        *why = T_ZONE_ERR_BODY;
        return ERR_INPUT;
    }
    if (c->file != NULL &&
        (c->mime = zone_file_type(c->file, ZONE_FILE_MAX, why)) == NULL) {
        return ERR_INPUT;
    }
    return 0;
}

int
zone_thread_add(struct db *db, struct arena *a, int64_t category,
                int64_t author, const char *title, const char *body,
                const struct zone_upload *file, const struct audit_entry *who,
                int64_t *id, const char **why)
{
    struct post_ctx c = {
        .a = a, .category = category, .author = author, .file = file, .id = id};
    int rc;

    *why = NULL;
    if ((c.title = field(a, title, ZONE_TITLE_MAX)) == NULL) {
        *why = T_ZONE_ERR_TITLE;
        return ERR_INPUT;
    }
    if ((rc = post_check(&c, body, why)) != 0) {
        return rc;
    }
    return audit_change(db, who, "forum.thread.add", "forum_thread",
                        thread_write, &c);
}

int
zone_reply_add(struct db *db, struct arena *a, int64_t thread, int64_t author,
               const char *body, const struct zone_upload *file,
               const char *base, const struct audit_entry *who, int64_t *id,
               const char **why)
{
    struct post_ctx c = {.a = a,
                         .thread = thread,
                         .author = author,
                         .file = file,
                         .base = base,
                         .id = id};
    int rc;

    *why = NULL;
    if ((rc = post_check(&c, body, why)) != 0) {
        return rc;
    }
    rc = audit_change(db, who, "forum.post.add", "forum_post", reply_write, &c);
    if (rc == ERR_CONFLICT) {
        *why = T_ZONE_ERR_LOCKED;
    }
    return rc;
}

/* --- reports and moderation ---------------------------------------------- */

int
zone_post_where(struct db *db, struct arena *a, int64_t id, int64_t *thread,
                const char **region, bool *hidden)
{
    db_stmt *st = db_query_id(db, Q_ZONE_POST_WHERE, id);
    int rc = db_step(st);

    if (rc == DB_ROW) {
        *thread = db_col_int(st, 0);
        *region = db_col_text_dup(a, st, 1);
        *hidden = db_col_int(st, 2) != 0;
    }
    db_done(st);
    return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

struct report_ctx {
    struct arena *a;
    int64_t post, account;
    const char *reason;
};

static int
report_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct report_ctx *c = ctx;
    char now[UTC_STAMP_SIZE];
    db_stmt *st = db_query(db, Q_ZONE_REPORT_INSERT);
    int64_t id;
    int rc;

    db_bind_int(st, 1, c->post);
    db_bind_int(st, 2, c->account);
    db_bind_text(st, 3, c->reason);
    db_bind_text(st, 4, utc_stamp_now(now, false));
    rc = db_one_int(st, &id);
    if (rc == ERR_NOTFOUND) {
        return ERR_CONFLICT; /* reported by this account already */
    }
    e->entity_id = num(c->a, c->post);
    e->after = audit_json(c->a, "reason", c->reason, NULL);
    return rc;
}

int
zone_report_add(struct db *db, struct arena *a, int64_t post, int64_t account,
                const char *reason, const struct audit_entry *who,
                const char **why)
{
    struct report_ctx c = {a, post, account, field(a, reason, ZONE_FIELD_MAX)};

    *why = NULL;
    if (c.reason == NULL) {
        *why = T_ZONE_ERR_REASON;
        return ERR_INPUT;
    }
    return audit_change(db, who, "forum.report", "forum_post", report_write,
                        &c);
}

static void
report_row(struct arena *a, db_stmt *st, void *elem)
{
    struct zone_report *r = elem;

    r->id = db_col_int(st, 0);
    r->post_id = db_col_int(st, 1);
    r->thread_id = db_col_int(st, 2);
    r->thread = db_col_text_dup(a, st, 3);
    r->reporter = db_col_text_dup(a, st, 4);
    r->reason = db_col_text_dup(a, st, 5);
    r->created_at = db_col_text_dup(a, st, 6);
    /* substr may cut inside a character on SQLite. */
    r->excerpt = str_utf8_repair(a, db_col_text_dup(a, st, 7));
}

int
zone_reports_open(struct db *db, struct arena *a, const char *region,
                  struct zone_report **out)
{
    db_stmt *st = db_query(db, Q_ZONE_REPORTS_OPEN);

    db_bind_text(st, 1, region);
    return db_list(st, a, sizeof(**out), report_row, out);
}

static int
hide_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct report_ctx *c = ctx;
    char now[UTC_STAMP_SIZE];
    db_stmt *st = db_query(db, Q_ZONE_POST_HIDE);
    int64_t thread;
    int rc;

    utc_stamp_now(now, false);
    db_bind_int(st, 1, c->post);
    db_bind_text(st, 2, c->reason);
    db_bind_text(st, 3, e->account);
    db_bind_text(st, 4, now);
    if ((rc = db_one_int(st, &thread)) != 0) {
        return rc; /* ERR_NOTFOUND: no such post, or hidden already */
    }
    st = db_query(db, Q_ZONE_REPORTS_CLOSE);
    db_bind_int(st, 1, c->post);
    db_bind_text(st, 2, now);
    if ((rc = db_exec(st)) != 0 ||
        (rc = db_exec(db_query_id(db, Q_ZONE_FTS_DELETE, c->post))) != 0 ||
        (rc = db_exec(db_query_id(db, Q_ZONE_THREAD_RECOUNT, thread))) != 0 ||
        (rc = auth_mail_forget(db, "forum.reply", c->post, NULL)) != 0) {
        return rc;
    }
    e->entity_id = num(c->a, c->post);
    e->before = audit_json(c->a, "hidden", "0", NULL);
    e->after = audit_json(c->a, "hidden", "1", "reason", c->reason, NULL);
    return 0;
}

int
zone_post_hide(struct db *db, struct arena *a, int64_t post, const char *reason,
               const struct audit_entry *who, const char **why)
{
    struct report_ctx c = {a, post, 0, field(a, reason, ZONE_FIELD_MAX)};

    *why = NULL;
    if (c.reason == NULL) {
        *why = T_ZONE_ERR_HIDE_REASON;
        return ERR_INPUT;
    }
    return audit_change(db, who, "forum.post.hide", "forum_post", hide_write,
                        &c);
}

struct mod_ctx {
    struct arena *a;
    int64_t thread, to;
    enum zone_mod what;
};

static int
mod_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct mod_ctx *c = ctx;
    struct zone_thread t;
    db_stmt *st;
    int rc;

    if ((rc = zone_thread_get(db, c->a, c->thread, NULL, &t)) != 0) {
        return rc;
    }
    switch (c->what) {
    case ZONE_LOCK:
    case ZONE_UNLOCK:
        st = db_query(db, Q_ZONE_THREAD_SET_LOCKED);
        db_bind_int(st, 2, c->what == ZONE_LOCK);
        e->before = audit_json(c->a, "locked", t.locked ? "1" : "0", NULL);
        break;
    case ZONE_PIN:
    case ZONE_UNPIN:
        st = db_query(db, Q_ZONE_THREAD_SET_PINNED);
        db_bind_int(st, 2, c->what == ZONE_PIN);
        e->before = audit_json(c->a, "pinned", t.pinned ? "1" : "0", NULL);
        break;
    default:
        st = db_query(db, Q_ZONE_THREAD_MOVE);
        db_bind_int(st, 2, c->to);
        e->before =
            audit_json(c->a, "category", num(c->a, t.category_id), NULL);
        e->after = audit_json(c->a, "category", num(c->a, c->to), NULL);
        break;
    }
    db_bind_int(st, 1, c->thread);
    e->entity_id = num(c->a, c->thread);
    return db_exec(st);
}

int
zone_thread_moderate(struct db *db, struct arena *a, int64_t thread,
                     enum zone_mod what, int64_t to,
                     const struct audit_entry *who)
{
    static const char *const actions[] = {
        [ZONE_LOCK] = "forum.thread.lock",
        [ZONE_UNLOCK] = "forum.thread.unlock",
        [ZONE_PIN] = "forum.thread.pin",
        [ZONE_UNPIN] = "forum.thread.unpin",
        [ZONE_MOVE] = "forum.thread.move",
    };
    struct mod_ctx c = {a, thread, to, what};

    return audit_change(db, who, actions[what], "forum_thread", mod_write, &c);
}

/* The folded text of a query, without the signs LIKE reads: NULL when
** nothing is left. */
static const char *
like_term(struct arena *a, const char *q)
{
    char *f, *o, *s;

    if (q == NULL) {
        return NULL;
    }
    f = str_fold(a, q);
    for (s = o = f; *s; s++) {
        if (*s != '%' && *s != '_' && *s != '\\') {
            *o++ = *s;
        }
    }
    *o = '\0';
    return *f != '\0' ? f : NULL;
}

/*
** The words of q to search, folded, one space apart: at most
** ZONE_SEARCH_WORDS, each cut to ZONE_SEARCH_PREFIX bytes (a crude stem,
** and what the prefix indexes of forum_fts cover), words shorter than
** ZONE_SEARCH_MIN left out. NULL when none is left.
*/
static const char *
search_words(struct arena *a, const char *q)
{
    struct buf b;
    char *f, *tok, *save = NULL;
    const char *out;
    int words = 0;

    if (q == NULL) {
        return NULL;
    }
    f = str_fold(a, q);
    buf_init(&b);
    for (tok = strtok_r(f, " ", &save);
         tok != NULL && words < ZONE_SEARCH_WORDS;
         tok = strtok_r(NULL, " ", &save)) {
        size_t n = strlen(tok);

        if (n < ZONE_SEARCH_MIN) {
            continue;
        }
        buf_printf(&b, "%s%.*s", words++ ? " " : "",
                   (int)(n < ZONE_SEARCH_PREFIX ? n : ZONE_SEARCH_PREFIX), tok);
    }
    out = words > 0 ? arena_strdup(a, b.data) : NULL;
    buf_free(&b);
    return out;
}

/*
** The search's answers, kept per process in a core/cache.h table:
** ZONE_SEARCH_CACHE entries, each an answer (at most the query's 50
** threads, titles of at most ZONE_TITLE_MAX bytes: under 40 KB an entry,
** so under 2.5 MB in all) for a region and the search's words, at the
** forum's version (migration 0097, changed by every write to categories,
** threads and posts, by any path). A search repeated while the forum is
** unchanged costs one read of the version and a copy instead of the
** full-text query (three quarters of a search's CPU, bench/README.md); a
** changed forum misses and refills. The least recently used goes first.
*/
#define ZONE_SEARCH_CACHE 64

static struct cache search_answers = {
    .conf = {.metric = "rodzina_zone_search_cache",
             .what = "Forum searches",
             .slots = ZONE_SEARCH_CACHE,
             .max_bytes = (size_t)4 << 20}};

/* An answer kept in the table: its rows, strings and all, in arena
 * (cache_arena_object). */
struct search_answer {
    struct arena arena;
    struct zone_thread *rows;
    int n;
};

/* Rows n of from into a (strings copied): they outlive the entry. */
static struct zone_thread *
threads_copy(struct arena *a, const struct zone_thread *from, int n)
{
    struct zone_thread *t = arena_alloc(a, sizeof(*t) * (size_t)(n + 1));
    int i;

    for (i = 0; i < n; i++) {
        t[i] = from[i];
        t[i].title = arena_strdup(a, from[i].title);
        t[i].author = arena_strdup(a, from[i].author);
        t[i].created_at = arena_strdup(a, from[i].created_at);
        t[i].last_post_at = arena_strdup(a, from[i].last_post_at);
        t[i].region = arena_strdup(a, from[i].region);
        t[i].category = arena_strdup(a, from[i].category);
    }
    return t;
}

/* The bytes the rows hold, for the table's cap. */
static size_t
threads_size(const struct zone_thread *t, int n)
{
    size_t size = sizeof(struct search_answer) + sizeof(*t) * (size_t)(n + 1);
    int i;

    for (i = 0; i < n; i++) {
        size += strlen(t[i].title) + strlen(t[i].author) +
                strlen(t[i].created_at) + strlen(t[i].last_post_at) +
                strlen(t[i].region) + strlen(t[i].category) + 6;
    }
    return size;
}

/* The key of (region, term): "-" for every region or "r" and the region,
 * a NUL, then the term. */
static char *
search_key(struct arena *a, const char *region, const char *term, size_t *len)
{
    size_t rn = region != NULL ? strlen(region) : 0, tn = strlen(term);
    char *key = arena_alloc(a, rn + tn + 2);

    key[0] = region != NULL ? 'r' : '-';
    memcpy(key + 1, region != NULL ? region : "", rn);
    key[1 + rn] = '\0';
    memcpy(key + 2 + rn, term, tn);
    *len = rn + tn + 2;
    return key;
}

struct search_read {
    struct arena *a;
    struct zone_thread **out;
    int n;
};

static void
search_read(void *ctx, const void *value, size_t len)
{
    struct search_read *q = ctx;
    const struct search_answer *s = value;

    (void)len;
    q->n = s->n;
    *q->out = s->n > 0 ? threads_copy(q->a, s->rows, s->n) : NULL;
}

int
zone_search(struct db *db, struct arena *a, const char *region, const char *q,
            struct zone_thread **out)
{
    const char *term = search_words(a, q);
    struct search_read got = {a, out, 0};
    struct cache_ticket t;
    int64_t version;
    size_t klen;
    char *key;
    db_stmt *st;
    int n;

    *out = NULL;
    if (term == NULL) {
        return 0;
    }
    /* Read before the answer: a write between the two leaves a newer
    ** answer under the older version, which the next read no longer has. */
    if ((n = db_one_int(db_query(db, Q_ZONE_VERSION), &version)) != 0) {
        return n;
    }
    key = search_key(a, region, term, &klen);
    if (cache_get(&search_answers, key, klen, (uint64_t)version, search_read,
                  &got, &t)) {
        return got.n;
    }
    st = db_query(db, Q_ZONE_SEARCH);
    db_bind_text(st, 1, region);
    db_bind_text(st, 2, term);
    n = db_list(st, a, sizeof(**out), thread_row, out);
    if (n >= 0) {
        struct search_answer *s = cache_arena_object(sizeof(*s));

        s->rows = threads_copy(&s->arena, *out, n);
        s->n = n;
        cache_put_object(&search_answers, &t, key, klen, s,
                         threads_size(*out, n), cache_arena_drop);
    }
    return n;
}

/* --- good practices ------------------------------------------------------ */

struct practice_ctx {
    struct arena *a;
    struct zone_practice p;
    int64_t proposer, *id;
    const struct zone_upload *file;
    const char *mime;
};

static int
practice_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct practice_ctx *c = ctx;
    const struct zone_practice *p = &c->p;
    char now[UTC_STAMP_SIZE];
    db_stmt *st = db_query(db, Q_ZONE_PRACTICE_INSERT);
    int rc;

    db_bind_text(st, 1, p->region);
    db_bind_text(st, 2, p->gmina);
    db_bind_text(st, 3, p->area);
    db_bind_text(st, 4, p->topic);
    db_bind_text(st, 5, p->title);
    db_bind_text(st, 6, p->institutions);
    db_bind_text(st, 7, p->problem);
    db_bind_text(st, 8, p->actions);
    db_bind_text(st, 9, p->results);
    db_bind_text(st, 10, p->contact);
    db_bind_text(
        st, 11,
        str_fold(c->a, arena_printf(c->a, "%s %s %s %s %s %s %s", p->title,
                                    p->topic, p->institutions, p->problem,
                                    p->actions, p->results, p->gmina_name)));
    db_bind_int(st, 12, c->proposer);
    db_bind_text(st, 13, utc_stamp_now(now, false));
    if ((rc = db_one_int(st, c->id)) != 0) {
        return rc;
    }
    if (c->file != NULL && (rc = file_insert(db, Q_ZONE_PRACTICE_FILE_INSERT,
                                             *c->id, c->file, c->mime))) {
        return rc;
    }
    e->entity_id = num(c->a, *c->id);
    e->after =
        audit_json(c->a, "title", p->title, "gmina", p->gmina, "area", p->area,
                   "file", c->file != NULL ? c->file->filename : NULL, NULL);
    return 0;
}

int
zone_practice_add(struct db *db, struct arena *a, const struct zone_practice *p,
                  const struct zone_upload *file, int64_t proposer,
                  const struct audit_entry *who, int64_t *id, const char **why)
{
    struct practice_ctx c = {a, *p, proposer, id, file, NULL};
    struct zone_practice *q = &c.p;
    struct teryt_gmina g;

    *why = NULL;
    if ((q->title = field(a, p->title, ZONE_TITLE_MAX)) == NULL) {
        *why = T_ZONE_ERR_TITLE;
    } else if (p->gmina == NULL || strlen(p->gmina) != 7 ||
               !str_digits(p->gmina, 7) ||
               teryt_gmina_get(db, a, p->gmina, &g) != 0) {
        *why = T_ZONE_ERR_GMINA;
    } else if (zone_area_label(p->area) == NULL) {
        *why = T_ZONE_ERR_AREA;
    } else if ((q->topic = field(a, p->topic, ZONE_FIELD_MAX)) == NULL) {
        *why = T_ZONE_ERR_TOPIC;
    } else if ((q->institutions = field(a, p->institutions, ZONE_TEXT_MAX)) ==
               NULL) {
        *why = T_ZONE_ERR_INSTITUTIONS;
    } else if ((q->problem = field(a, p->problem, ZONE_TEXT_MAX)) == NULL) {
        *why = T_ZONE_ERR_PROBLEM;
    } else if ((q->actions = field(a, p->actions, ZONE_TEXT_MAX)) == NULL) {
        *why = T_ZONE_ERR_ACTIONS;
    } else if ((q->results = field(a, p->results, ZONE_TEXT_MAX)) == NULL) {
        *why = T_ZONE_ERR_RESULTS;
    } else if ((q->contact = field(a, p->contact, ZONE_FIELD_MAX)) == NULL) {
        *why = T_ZONE_ERR_CONTACT;
    } else if (file != NULL) {
        c.mime = zone_file_type(file, ZONE_FILE_MAX, why);
    }
    if (*why != NULL) {
        return ERR_INPUT;
    }
    q->region = g.woj_code;
    q->gmina_name = g.name;
    return audit_change(db, who, "practice.propose", "practice", practice_write,
                        &c);
}

static void
practice_row(struct arena *a, db_stmt *st, void *elem)
{
    struct zone_practice *p = elem;

    p->id = db_col_int(st, 0);
    p->region = db_col_text_dup(a, st, 1);
    p->gmina = db_col_text_dup(a, st, 2);
    p->gmina_name = db_col_text_dup(a, st, 3);
    p->powiat_name = db_col_text_dup(a, st, 4);
    p->area = db_col_text_dup(a, st, 5);
    p->topic = db_col_text_dup(a, st, 6);
    p->title = db_col_text_dup(a, st, 7);
    p->institutions = db_col_text_dup(a, st, 8);
    p->problem = db_col_text_dup(a, st, 9);
    p->actions = db_col_text_dup(a, st, 10);
    p->results = db_col_text_dup(a, st, 11);
    p->contact = db_col_text_dup(a, st, 12);
    p->state = db_col_text_dup(a, st, 13);
    p->created_at = db_col_text_dup(a, st, 14);
}

int
zone_practices(struct db *db, struct arena *a,
               const struct zone_practice_filter *f, struct zone_practice **out)
{
    db_stmt *st = db_query(db, Q_ZONE_PRACTICES);

    db_bind_text(st, 1, f->state);
    db_bind_text(st, 2, f->region);
    db_bind_text(st, 3, f->area);
    db_bind_text(st, 4, f->gmina);
    db_bind_text(st, 5, like_term(a, f->q));
    db_bind_text(st, 6, f->topic);
    return db_list(st, a, sizeof(**out), practice_row, out);
}

int
zone_practice_get(struct db *db, struct arena *a, int64_t id,
                  struct zone_practice *out)
{
    return db_get(db_query_id(db, Q_ZONE_PRACTICE_GET, id), a, practice_row,
                  out);
}

static int
practice_decide(struct db *db, void *ctx, struct audit_entry *e)
{
    struct decide_ctx *c = ctx;
    const char *state = c->yes ? "accepted" : "rejected";

    e->entity_id = num(c->a, c->id);
    e->before = audit_json(c->a, "state", "proposed", NULL);
    e->after = audit_json(c->a, "state", state, NULL);
    return decision_write(db, Q_ZONE_PRACTICE_DECIDE, c, state, e);
}

int
zone_practice_decide(struct db *db, struct arena *a, int64_t id,
                     const char *region, bool accept,
                     const struct audit_entry *who)
{
    struct decide_ctx c = {a, id, region, accept};

    return audit_change(db, who, accept ? "practice.accept" : "practice.reject",
                        "practice", practice_decide, &c);
}

/* --- the library of materials ------------------------------------------- */

const char *const zone_material_kinds[][2] = {
    {"guide", T_ZONE_KIND_GUIDE},
    {"scenario", T_ZONE_KIND_SCENARIO},
    {"procedure", T_ZONE_KIND_PROCEDURE},
    {"form", T_ZONE_KIND_FORM},
    {"tool", T_ZONE_KIND_TOOL},
    {"other", T_ZONE_KIND_OTHER},
    {NULL, NULL},
};

const char *
zone_material_kind_label(const char *code)
{
    return label_of(zone_material_kinds, code);
}

/* A plan task number as plans write it: digits and dots, "" for none. */
static bool
task_ok(const char *t)
{
    size_t n = strlen(t);

    return n == 0 || (n <= 16 && t[0] >= '0' && t[0] <= '9' &&
                      strspn(t, "0123456789.") == n && t[n - 1] != '.');
}

/* The type of a material's file, which it must have, checked by content:
 * NULL with *why when missing or not of an allowed type. */
static const char *
material_file(const struct zone_upload *file, const char **why)
{
    if (file == NULL) {
        *why = T_ZONE_ERR_FILE_MISSING;
        return NULL;
    }
    return zone_file_type(file, ZONE_MATERIAL_MAX, why);
}

struct material_ctx {
    struct arena *a;
    struct zone_material m;
    int64_t id;
    const struct zone_upload *file;
    const char *mime, *note;
    int64_t *out;
};

static int
version_write(struct db *db, struct material_ctx *c, const char *by,
              int64_t *version)
{
    char now[UTC_STAMP_SIZE];
    db_stmt *st = db_query(db, Q_ZONE_VERSION_INSERT);

    bind_file(st, c->id, c->file, c->mime);
    db_bind_text(st, 6, c->note);
    db_bind_text(st, 7, utc_stamp_now(now, false));
    db_bind_text(st, 8, by != NULL ? by : "");
    return db_one_int(st, version);
}

static int
material_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct material_ctx *c = ctx;
    const struct zone_material *m = &c->m;
    char now[UTC_STAMP_SIZE];
    db_stmt *st = db_query(db, Q_ZONE_MATERIAL_INSERT);
    int64_t version;
    int rc;

    db_bind_text(st, 1, m->region);
    db_bind_text(st, 2, m->title);
    db_bind_text(st, 3, m->kind);
    db_bind_text(st, 4, m->audience);
    db_bind_text(st, 5, m->description);
    db_bind_int(st, 6, m->public ? 1 : 0);
    db_bind_text(st, 7, m->task);
    db_bind_text(
        st, 8,
        str_fold(c->a, arena_printf(c->a, "%s %s", m->title, m->description)));
    db_bind_text(st, 9, utc_stamp_now(now, false));
    db_bind_text(st, 10, e->account != NULL ? e->account : "");
    if ((rc = db_one_int(st, &c->id)) != 0 ||
        (rc = version_write(db, c, e->account, &version)) != 0) {
        return rc;
    }
    *c->out = c->id;
    e->entity_id = num(c->a, c->id);
    e->after = audit_json(c->a, "title", m->title, "kind", m->kind, "public",
                          m->public ? "1" : "0", "task", m->task, "file",
                          c->file->filename, NULL);
    return 0;
}

int
zone_material_add(struct db *db, struct arena *a, const struct zone_material *m,
                  const struct zone_upload *file, const char *note,
                  const struct audit_entry *who, int64_t *id, const char **why)
{
    struct material_ctx c = {.a = a, .m = *m, .file = file, .out = id};
    bool served = false;

    *why = NULL;
    c.note = note != NULL ? str_trim(a, note) : "";
    c.m.description = m->description ? str_trim(a, m->description) : "";
    c.m.task = m->task ? str_trim(a, m->task) : "";
    if (m->region == NULL || region_served(db, m->region, &served) != 0 ||
        !served) {
        *why = T_ZONE_ERR_REGION;
    } else if ((c.m.title = field(a, m->title, ZONE_TITLE_MAX)) == NULL) {
        *why = T_ZONE_ERR_TITLE;
    } else if (zone_material_kind_label(m->kind) == NULL) {
        *why = T_ZONE_ERR_KIND;
    } else if (m->audience == NULL || (strcmp(m->audience, "all") != 0 &&
                                       zone_group_label(m->audience) == NULL)) {
        *why = T_ZONE_ERR_AUDIENCE;
    } else if (!task_ok(c.m.task)) {
        *why = T_ZONE_ERR_TASK;
    } else if (strlen(c.m.description) > ZONE_TEXT_MAX ||
               strlen(c.note) > ZONE_FIELD_MAX) {
        *why = T_ZONE_ERR_MATERIAL_TEXT;
    } else {
        c.mime = material_file(file, why);
    }
    if (*why != NULL) {
        return ERR_INPUT;
    }
    return audit_change(db, who, "material.add", "material", material_write,
                        &c);
}

static int
version_add(struct db *db, void *ctx, struct audit_entry *e)
{
    struct material_ctx *c = ctx;
    struct zone_material m;
    int rc;

    if ((rc = zone_material_get(db, c->a, c->id, &m)) != 0 ||
        (rc = version_write(db, c, e->account, c->out)) != 0) {
        return rc;
    }
    e->entity_id = num(c->a, c->id);
    e->before = audit_json(c->a, "version", num(c->a, m.version), NULL);
    e->after = audit_json(c->a, "version", num(c->a, *c->out), "file",
                          c->file->filename, "note", c->note, NULL);
    return 0;
}

int
zone_material_version_add(struct db *db, struct arena *a, int64_t id,
                          const struct zone_upload *file, const char *note,
                          const struct audit_entry *who, int64_t *version,
                          const char **why)
{
    struct material_ctx c = {.a = a, .id = id, .file = file, .out = version};

    *why = NULL;
    c.note = note != NULL ? str_trim(a, note) : "";
    if (strlen(c.note) > ZONE_FIELD_MAX) {
        *why = T_ZONE_ERR_MATERIAL_TEXT;
    } else {
        c.mime = material_file(file, why);
    }
    if (*why != NULL) {
        return ERR_INPUT;
    }
    return audit_change(db, who, "material.version", "material", version_add,
                        &c);
}

static void
material_row(struct arena *a, db_stmt *st, void *elem)
{
    struct zone_material *m = elem;

    m->id = db_col_int(st, 0);
    m->region = db_col_text_dup(a, st, 1);
    m->title = db_col_text_dup(a, st, 2);
    m->kind = db_col_text_dup(a, st, 3);
    m->audience = db_col_text_dup(a, st, 4);
    m->description = db_col_text_dup(a, st, 5);
    m->public = db_col_int(st, 6) != 0;
    m->task = db_col_text_dup(a, st, 7);
    m->created_at = db_col_text_dup(a, st, 8);
    m->version = db_col_int(st, 9);
    m->downloads = db_col_int(st, 10);
}

int
zone_materials(struct db *db, struct arena *a, const char *region,
               bool with_closed, const char *kind, const char *q,
               struct zone_material **out)
{
    db_stmt *st = db_query(db, Q_ZONE_MATERIALS);

    db_bind_text(st, 1, region);
    db_bind_int(st, 2, with_closed ? 1 : 0);
    db_bind_text(st, 3, kind);
    db_bind_text(st, 4, like_term(a, q));
    return db_list(st, a, sizeof(**out), material_row, out);
}

int
zone_material_get(struct db *db, struct arena *a, int64_t id,
                  struct zone_material *out)
{
    return db_get(db_query_id(db, Q_ZONE_MATERIAL_GET, id), a, material_row,
                  out);
}

static void
version_row(struct arena *a, db_stmt *st, void *elem)
{
    struct zone_version *v = elem;

    v->id = db_col_int(st, 0);
    v->size = db_col_int(st, 2);
    v->filename = db_col_text_dup(a, st, 3);
    v->mime = db_col_text_dup(a, st, 4);
    v->version = db_col_int(st, 5);
    v->note = db_col_text_dup(a, st, 6);
    v->created_at = db_col_text_dup(a, st, 7);
    v->downloads = db_col_int(st, 8);
}

int
zone_material_versions(struct db *db, struct arena *a, int64_t id,
                       struct zone_version **out)
{
    return db_list(db_query_id(db, Q_ZONE_VERSIONS, id), a, sizeof(**out),
                   version_row, out);
}

/* The file row of st (columns as Q_ZONE_FILE_GET's) into out, bytes
** copied into a. */
static int
file_blob(struct arena *a, db_stmt *st, struct zone_file *out)
{
    const void *p;
    size_t len;
    int rc = db_step(st);

    if (rc != DB_ROW) {
        db_done(st);
        return rc == DB_DONE ? ERR_NOTFOUND : rc;
    }
    file_row(a, st, out);
    p = db_col_blob(st, 5, &len);
    out->data = arena_alloc(a, len + 1);
    memcpy((void *)out->data, p, len);
    out->size = (int64_t)len;
    db_done(st);
    return 0;
}

struct download_ctx {
    struct arena *a;
    int64_t id, version;
    struct zone_file *out;
};

static int
download(struct db *db, void *ctx)
{
    struct download_ctx *c = ctx;
    char now[UTC_STAMP_SIZE];
    db_stmt *st = db_query(db, Q_ZONE_VERSION_FILE);
    int rc;

    db_bind_int(st, 1, c->id);
    db_bind_int(st, 2, c->version);
    if ((rc = file_blob(c->a, st, c->out)) != 0) {
        return rc;
    }
    utc_stamp_now(now, false);
    st = db_query(db, Q_ZONE_DOWNLOAD_INSERT);
    db_bind_int(st, 1, c->id);
    db_bind_int(st, 2, c->out->id);
    db_bind_text(st, 3, now);
    db_bind_int(st, 4, atoi(now));
    return db_exec(st);
}

int
zone_material_download(struct db *db, struct arena *a, int64_t id,
                       int64_t version, struct zone_file *out)
{
    struct download_ctx c = {a, id, version, out};

    /* A count, not a change of data: no audit row, but one transaction so
    ** the file served and the download counted agree. */
    return db_transaction(db, download, &c);
}

int
zone_count_materials(struct db *db, const char *region, const char *measure,
                     const char *task, int from, int to, int64_t *n)
{
    db_stmt *st;

    if (measure == NULL ||
        (strcmp(measure, "items") != 0 && strcmp(measure, "downloads") != 0)) {
        return ERR_INPUT;
    }
    st = db_query(db, strcmp(measure, "items") == 0 ? Q_ZONE_METRIC_MATERIALS
                                                    : Q_ZONE_METRIC_DOWNLOADS);
    db_bind_text(st, 1, region);
    db_bind_int(st, 2, from);
    db_bind_int(st, 3, to);
    db_bind_text(st, 4, task != NULL ? task : "");
    return db_one_int(st, n);
}

/* --- e-mail about replies, and the professional's own data -------------- */

int
zone_prof_notify(struct db *db, int64_t id, bool *on)
{
    int64_t v;
    int rc = db_one_int(db_query_id(db, Q_ZONE_PROF_NOTIFY, id), &v);

    *on = rc == 0 && v != 0;
    return rc;
}

struct notify_ctx {
    struct arena *a;
    int64_t id;
    bool on;
    const char *login;
};

static int
notify_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct notify_ctx *c = ctx;
    db_stmt *st = db_query(db, Q_ZONE_NOTIFY_SET);
    const char *email;
    int rc;

    db_bind_int(st, 1, c->id);
    db_bind_int(st, 2, c->on ? 1 : 0);
    e->entity_id = num(c->a, c->id);
    e->after = audit_json(c->a, "notify", c->on ? "1" : "0", NULL);
    if ((rc = db_get(st, c->a, text_row, &email)) != 0) {
        return rc;
    }
    /* Turned off: what waits is not sent either. */
    return c->on ? 0 : auth_mail_forget(db, "forum.reply", 0, email);
}

int
zone_notify_set(struct db *db, struct arena *a, int64_t id, bool on,
                const struct audit_entry *who)
{
    struct notify_ctx c = {a, id, on, NULL};

    return audit_change(db, who, "zone.notify", "professional", notify_write,
                        &c);
}

static int
erase_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct notify_ctx *c = ctx;
    struct users_actor ua = {e->account, e->via, e->addr};
    const char *email;
    int rc;

    if ((rc = db_get(db_query_id(db, Q_ZONE_PROF_ERASE, c->id), c->a, text_row,
                     &email)) != 0 ||
        (rc = auth_mail_forget(db, "forum.reply", 0, email)) != 0 ||
        (rc = users_set_disabled(db, c->a, c->login, true, &ua)) != 0) {
        return rc;
    }
    /* The audit keeps that it happened, not what was erased. */
    e->entity_id = num(c->a, c->id);
    e->after = audit_json(c->a, "erased", "1", NULL);
    return 0;
}

int
zone_prof_erase(struct db *db, struct arena *a, int64_t id, const char *login,
                const struct audit_entry *who)
{
    struct notify_ctx c = {a, id, false, login};

    return audit_change(db, who, "zone.erase", "professional", erase_write, &c);
}

int
zone_practice_files(struct db *db, struct arena *a, int64_t id,
                    struct zone_file **out)
{
    return db_list(db_query_id(db, Q_ZONE_PRACTICE_FILES, id), a, sizeof(**out),
                   file_row, out);
}

int
zone_practice_file_get(struct db *db, struct arena *a, int64_t id,
                       struct zone_file *out)
{
    return file_blob(a, db_query_id(db, Q_ZONE_PRACTICE_FILE_GET, id), out);
}
