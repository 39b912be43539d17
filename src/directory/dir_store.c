/*
** Institutions and services in the store: checks shared by forms and the
** CSV import, saving with the audit row in one transaction, loading, and
** keeping the search row (dir_fts) of every service in step.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/json.h"
#include "core/random.h"
#include "core/stop.h"
#include "core/warsaw.h"
#include "core/str.h"
#include "db/db.h"
#include "directory.h"
#include "strings_pl.h"
#include "teryt/teryt.h"

const char *const dir_kinds[] = {
    "ops",    "pcpr",    "cus",  "oik",   "adopcja", "oddzial", "ngo",
    "prawna", "telefon", "rops", "punkt", "inne",    NULL,
};

static const char *const kind_labels[] = {
    T_DIR_KIND_OPS,  T_DIR_KIND_PCPR,     T_DIR_KIND_CUS,
    T_DIR_KIND_OIK,  T_DIR_KIND_ADOPTION, T_DIR_KIND_ADOPTION_BRANCH,
    T_DIR_KIND_NGO,  T_DIR_KIND_LEGAL,    T_DIR_KIND_PHONE,
    T_DIR_KIND_ROPS, T_DIR_KIND_POINT,    T_DIR_KIND_OTHER,
};

const char *
dir_kind_label(const char *kind)
{
    int i;

    for (i = 0; kind != NULL && dir_kinds[i] != NULL; i++) {
        if (strcmp(kind, dir_kinds[i]) == 0) {
            return kind_labels[i];
        }
    }
    return NULL;
}

#define KNOWN_SLOTS 8192 /* a power of two, twice every code there is */

struct dir_known {
    const char *key[KNOWN_SLOTS];
    int n;
};

struct dir_known *
dir_known_new(struct arena *a)
{
    return arena_alloc(a, sizeof(struct dir_known));
}

/* The slot of key: where it is, or the empty slot where it would go. */
static size_t
known_slot(const struct dir_known *k, const char *key)
{
    size_t i = str_hash_fnv1a(key) & (KNOWN_SLOTS - 1);

    while (k->key[i] != NULL && strcmp(k->key[i], key) != 0) {
        i = (i + 1) & (KNOWN_SLOTS - 1);
    }
    return i;
}

/*
** Whether code, of a kind named by one letter, exists: from k when found
** before, else by ask(db, a, code, arg), remembered in k when yes. k NULL:
** always ask.
*/
static bool
known(struct db *db, struct arena *a, struct dir_known *k, char kind,
      const char *code,
      bool (*ask)(struct db *, struct arena *, const char *, int), int arg)
{
    char key[48];
    size_t i;

    if (code == NULL) {
        return false;
    }
    if (k == NULL || strlen(code) > 40) {
        return ask(db, a, code, arg);
    }
    snprintf(key, sizeof(key), "%c%s", kind, code);
    i = known_slot(k, key);
    if (k->key[i] != NULL) {
        return true;
    }
    if (!ask(db, a, code, arg)) {
        return false;
    }
    if (k->n < KNOWN_SLOTS / 2) {
        k->key[i] = arena_strdup(a, key);
        k->n++;
    }
    return true;
}

/* A code of table arg: 0 categories, 1 target groups. */
static bool
ask_code(struct db *db, struct arena *a, const char *code, int arg)
{
    db_stmt *st =
        db_query(db, arg ? Q_DIR_TARGET_EXISTS : Q_DIR_CATEGORY_EXISTS);
    int64_t n = 0;

    (void)a;
    db_bind_text(st, 1, code);
    return db_one_int(st, &n) == 0 && n > 0;
}

/* A TERYT unit of arg digits (2 voivodeship, 4 powiat, 7 gmina). */
static bool
ask_unit(struct db *db, struct arena *a, const char *code, int digits)
{
    const char *name;
    char woj[3];

    if (!str_digits(code, (size_t)digits)) {
        return false;
    }
    return (digits == 2   ? teryt_woj_get(db, a, code, &name)
            : digits == 4 ? teryt_powiat_get(db, a, code, &name)
                          : teryt_gmina_woj(db, code, woj)) == 0;
}

static bool
code_exists(struct db *db, struct arena *a, struct dir_known *k, bool target,
            const char *code)
{
    return known(db, a, k, target ? 't' : 'k', code, ask_code, target);
}

static bool
unit_exists(struct db *db, struct arena *a, struct dir_known *k,
            const char *code, int digits)
{
    return known(db, a, k, (char)('0' + digits), code, ask_unit, digits);
}

/* A decimal degree between lo and hi, or empty. */
static bool
coord_ok(const char *s, double lo, double hi)
{
    char *end;
    double v;

    if (s == NULL || *s == '\0') {
        return true;
    }
    v = strtod(s, &end);
    return *end == '\0' && v >= lo && v <= hi;
}

static bool
too_long(const char *s, size_t max)
{
    return s != NULL && strlen(s) > max;
}

void
dir_org_check(struct db *db, struct arena *a, const struct dir_org *o,
              const char *may_region, int row, struct dir_findings *f,
              struct dir_known *known)
{
    const char *why;
    struct dir_hours h;

    if (o->name == NULL || *o->name == '\0') {
        dir_findings_add(a, f, row, "org_name", T_DIR_ERR_ORG_NAME);
    } else if (too_long(o->name, 300)) {
        dir_findings_add(a, f, row, "org_name", T_DIR_ERR_ORG_NAME_LONG);
    }
    if (dir_kind_label(o->kind) == NULL) {
        dir_findings_add(
            a, f, row, "kind",
            arena_printf(a, T_DIR_ERR_KIND, o->kind ? o->kind : ""));
    }
    if (!unit_exists(db, a, known, o->region, 2)) {
        dir_findings_add(
            a, f, row, "region",
            arena_printf(a, T_DIR_ERR_REGION, o->region ? o->region : ""));
    } else if (may_region != NULL && strcmp(may_region, o->region) != 0) {
        dir_findings_add(
            a, f, row, "region",
            arena_printf(a, T_DIR_ERR_OTHER_REGION, may_region, o->region));
    }
    if (!unit_exists(db, a, known, o->gmina, 7)) {
        dir_findings_add(
            a, f, row, "gmina",
            arena_printf(a, T_DIR_ERR_GMINA_CODE, o->gmina ? o->gmina : ""));
    } else if (str_digits(o->region, 2) &&
               strncmp(o->gmina, o->region, 2) != 0) {
        dir_findings_add(
            a, f, row, "gmina",
            arena_printf(a, T_DIR_ERR_GMINA_REGION, o->gmina, o->region));
    }
    if (!coord_ok(o->lat, 49.0, 55.0)) {
        dir_findings_add(a, f, row, "lat", T_DIR_ERR_LAT);
    }
    if (!coord_ok(o->lon, 14.0, 24.2)) {
        dir_findings_add(a, f, row, "lon", T_DIR_ERR_LON);
    }
    if ((o->lat == NULL || *o->lat == '\0') !=
        (o->lon == NULL || *o->lon == '\0')) {
        dir_findings_add(a, f, row, "lat", T_DIR_ERR_COORDS);
    }
    if (o->email != NULL && *o->email != '\0' &&
        (strchr(o->email, '@') == NULL || strchr(o->email, ' ') != NULL)) {
        dir_findings_add(a, f, row, "org_email",
                         arena_printf(a, T_DIR_ERR_EMAIL, o->email));
    }
    if (o->web != NULL && *o->web != '\0' &&
        strncmp(o->web, "https://", 8) != 0 &&
        strncmp(o->web, "http://", 7) != 0) {
        dir_findings_add(a, f, row, "org_web", T_DIR_ERR_WEB);
    }
    if (o->postcode != NULL && *o->postcode != '\0' &&
        !(strlen(o->postcode) == 6 &&
          str_digits(arena_strndup(a, o->postcode, 2), 2) &&
          o->postcode[2] == '-' && str_digits(o->postcode + 3, 3))) {
        dir_findings_add(a, f, row, "postcode",
                         arena_printf(a, T_DIR_ERR_POSTCODE, o->postcode));
    }
    if (dir_hours_parse(a, o->hours, &h, &why) != 0) {
        dir_findings_add(a, f, row, "org_hours", why);
    }
    if (too_long(o->description, 4000) || too_long(o->street, 300) ||
        too_long(o->city, 200) || too_long(o->phone, 300) ||
        too_long(o->email, 200) || too_long(o->web, 500) ||
        too_long(o->source, 1000) || too_long(o->verify, 1000)) {
        dir_findings_add(a, f, row, "org_description", T_DIR_ERR_ORG_TOO_LONG);
    }
}

/* Each coverage item: "gmina:CODE", "powiat:CODE" or "region:CODE". */
static void
check_coverage(struct db *db, struct arena *a, const char *cov, int row,
               struct dir_findings *f, struct dir_known *known)
{
    char *copy = arena_strdup(a, cov ? cov : ""), *save = NULL, *item;
    int n = 0;

    for (item = strtok_r(copy, " ,", &save); item != NULL;
         item = strtok_r(NULL, " ,", &save)) {
        char *colon = strchr(item, ':');
        const char *code = colon ? colon + 1 : "";
        bool ok;

        n++;
        if (colon == NULL) {
            ok = false;
        } else if (strncmp(item, "gmina:", 6) == 0) {
            ok = unit_exists(db, a, known, code, 7);
        } else if (strncmp(item, "powiat:", 7) == 0) {
            ok = unit_exists(db, a, known, code, 4);
        } else if (strncmp(item, "region:", 7) == 0) {
            ok = unit_exists(db, a, known, code, 2);
        } else {
            ok = false;
        }
        if (!ok) {
            dir_findings_add(a, f, row, "coverage",
                             arena_printf(a, T_DIR_ERR_AREA, item));
        }
    }
    if (n == 0) {
        dir_findings_add(a, f, row, "coverage", T_DIR_ERR_NO_AREA);
    }
}

void
dir_service_check_region(struct arena *a, const struct dir_service *s,
                         const char *region, int row, struct dir_findings *f)
{
    char *copy = arena_strdup(a, s->coverage ? s->coverage : ""), *save = NULL;
    char *item;

    for (item = strtok_r(copy, " ,", &save); item != NULL;
         item = strtok_r(NULL, " ,", &save)) {
        const char *colon = strchr(item, ':');

        if (colon != NULL && region != NULL &&
            strncmp(colon + 1, region, 2) != 0) {
            dir_findings_add(
                a, f, row, "coverage",
                arena_printf(a, T_DIR_COVERAGE_REGION, item, region));
        }
    }
}

void
dir_service_check(struct db *db, struct arena *a, const struct dir_service *s,
                  int row, struct dir_findings *f, struct dir_known *known)
{
    const char *why;
    struct dir_hours h;

    if (s->name == NULL || *s->name == '\0') {
        dir_findings_add(a, f, row, "service_name", T_DIR_ERR_SERVICE_NAME);
    } else if (too_long(s->name, 300)) {
        dir_findings_add(a, f, row, "service_name",
                         T_DIR_ERR_SERVICE_NAME_LONG);
    }
    if (s->category == NULL || !code_exists(db, a, known, false, s->category)) {
        dir_findings_add(a, f, row, "category",
                         arena_printf(a, T_DIR_ERR_CATEGORY,
                                      s->category ? s->category : ""));
    }
    if (s->targets != NULL) {
        char *copy = arena_strdup(a, s->targets), *save = NULL, *t;

        for (t = strtok_r(copy, " ,", &save); t != NULL;
             t = strtok_r(NULL, " ,", &save)) {
            if (!code_exists(db, a, known, true, t)) {
                dir_findings_add(a, f, row, "targets",
                                 arena_printf(a, T_DIR_ERR_TARGET, t));
            }
        }
    }
    check_coverage(db, a, s->coverage, row, f, known);
    if (dir_hours_parse(a, s->hours, &h, &why) != 0) {
        dir_findings_add(a, f, row, "service_hours", why);
    }
    if (too_long(s->description, 4000) || too_long(s->cost, 300) ||
        too_long(s->languages, 300) || too_long(s->how_to_apply, 2000) ||
        too_long(s->phone, 300)) {
        dir_findings_add(a, f, row, "service_description",
                         T_DIR_ERR_SERVICE_TOO_LONG);
    }
}

static const char *
nz(const char *s)
{
    return s ? s : "";
}

static void
org_json(struct buf *b, const struct dir_org *o)
{
    struct json j;

    json_init(&j, b);
    json_obj_begin(&j);
    json_kstr(&j, "name", o->name);
    json_kstr(&j, "kind", o->kind);
    json_kstr(&j, "region", o->region);
    json_kstr(&j, "gmina", o->gmina);
    json_kstr(&j, "city", o->city);
    json_kbool(&j, "confidential", o->confidential);
    json_kstr(&j, "phone", o->phone);
    json_kstr(&j, "hours", o->hours);
    json_kstr(&j, "source", o->source);
    json_kstr(&j, "verify", o->verify);
    json_obj_end(&j);
}

static void
service_json(struct buf *b, const struct dir_service *s)
{
    struct json j;

    json_init(&j, b);
    json_obj_begin(&j);
    json_kint(&j, "org_id", s->org_id);
    json_kstr(&j, "name", s->name);
    json_kstr(&j, "category", s->category);
    json_kstr(&j, "targets", s->targets);
    json_kstr(&j, "coverage", s->coverage);
    json_kstr(&j, "hours", s->hours);
    json_obj_end(&j);
}

int
dir_org_load(struct db *db, struct arena *a, int64_t id, struct dir_org *o)
{
    db_stmt *st = db_query_id(db, Q_DIR_ORG_GET, id);
    int rc;

    if ((rc = db_one_row(st)) != 0) {
        db_done(st);
        return rc;
    }
    memset(o, 0, sizeof(*o));
    o->id = db_col_int(st, 0);
    o->region = db_col_text_dup(a, st, 1);
    o->parent_id = db_col_int(st, 2);
    o->kind = db_col_text_dup(a, st, 3);
    o->name = db_col_text_dup(a, st, 4);
    o->description = db_col_text_dup(a, st, 5);
    o->street = db_col_text_dup(a, st, 6);
    o->postcode = db_col_text_dup(a, st, 7);
    o->city = db_col_text_dup(a, st, 8);
    o->gmina = db_col_text_dup(a, st, 9);
    o->lat = db_col_text_dup(a, st, 10);
    o->lon = db_col_text_dup(a, st, 11);
    o->confidential = db_col_int(st, 12) != 0;
    o->phone = db_col_text_dup(a, st, 13);
    o->email = db_col_text_dup(a, st, 14);
    o->web = db_col_text_dup(a, st, 15);
    o->hours = db_col_text_dup(a, st, 16);
    o->example = db_col_int(st, 17) != 0;
    o->source = db_col_text_dup(a, st, 18);
    o->verify = db_col_text_dup(a, st, 19);
    db_done(st);
    return 0;
}

int
dir_service_load(struct db *db, struct arena *a, int64_t id,
                 struct dir_service *s)
{
    db_stmt *st = db_query_id(db, Q_DIR_SERVICE_GET, id);
    int rc;

    if ((rc = db_one_row(st)) != 0) {
        db_done(st);
        return rc;
    }
    memset(s, 0, sizeof(*s));
    s->id = db_col_int(st, 0);
    s->org_id = db_col_int(st, 1);
    s->name = db_col_text_dup(a, st, 2);
    s->description = db_col_text_dup(a, st, 3);
    s->category = db_col_text_dup(a, st, 4);
    s->cost = db_col_text_dup(a, st, 5);
    s->languages = db_col_text_dup(a, st, 6);
    s->how_to_apply = db_col_text_dup(a, st, 7);
    s->phone = db_col_text_dup(a, st, 8);
    s->hours = db_col_text_dup(a, st, 9);
    s->targets = db_col_text_dup(a, st, 10);
    s->coverage = db_col_text_dup(a, st, 11);
    db_done(st);
    return 0;
}

/* A service's search row: folded text and the tokens of its filters. */
struct fts_row {
    const char *area, *facet, *body, *name;
};

/* What a search row is made of: the columns of Q_DIR_INDEX_SOURCE. */
struct fts_src {
    const char *name, *description, *category_name, *org_name, *city;
    const char *street, *gmina_name, *kind, *category;
    bool confidential;
    const char *tcodes; /* " tCODE" of each target group, in their order */
    const char *tnames; /* " NAME" of each, in the same order */
    const char *areas;  /* "gCODE pCODE wCODE", by level and code */
};

/* The n texts of part one after another, in a. */
static char *
join(struct arena *a, const char *const *part, int n)
{
    size_t len[16], total = 0;
    char *out, *p;
    int i;

    for (i = 0; i < n; i++) {
        len[i] = strlen(part[i]);
        total += len[i];
    }
    p = out = arena_alloc(a, total + 1);
    for (i = 0; i < n; i++) {
        memcpy(p, part[i], len[i]);
        p += len[i];
    }
    *p = '\0';
    return out;
}

static void
fts_row_make(struct arena *a, const struct fts_src *c, struct fts_row *out)
{
    /* name, description, category name, org name, city, street (only
    ** when public), gmina name, kind label, target names */
    const char *body[] = {
        c->name,
        " ",
        c->description,
        " ",
        c->category_name,
        " ",
        c->org_name,
        " ",
        c->city,
        " ",
        c->confidential ? "" : c->street,
        " ",
        c->gmina_name,
        " ",
        nz(dir_kind_label(c->kind)),
        c->tnames,
    };
    const char *facet[] = {"k", c->category, c->tcodes};

    out->facet = join(a, facet, 3);
    out->area = arena_strdup(a, c->areas);
    out->name = str_fold(a, c->name);
    out->body = str_fold(a, join(a, body, 16));
}

/* A service's text, columns 0..9 of Q_DIR_INDEX_SOURCE (and of
** Q_DIR_INDEX_REGION_SERVICES), at st; valid until its next step. */
static void
fts_src_of(db_stmt *st, struct fts_src *c)
{
    c->name = db_col_text(st, 0);
    c->description = db_col_text(st, 1);
    c->category_name = db_col_text(st, 2);
    c->org_name = db_col_text(st, 3);
    c->city = db_col_text(st, 4);
    c->street = db_col_text(st, 5);
    c->gmina_name = db_col_text(st, 6);
    c->kind = db_col_text(st, 7);
    c->category = db_col_text(st, 8);
    c->confidential = db_col_int(st, 9) != 0;
}

/* The search row of the service whose Q_DIR_INDEX_SOURCE row is at st. */
static void
fts_row_of(struct arena *a, db_stmt *st, struct fts_row *out)
{
    struct fts_src c;

    fts_src_of(st, &c);
    c.tcodes = db_col_text(st, 10);
    c.tnames = db_col_text(st, 11);
    c.areas = db_col_text(st, 12);
    fts_row_make(a, &c, out);
}

int
dir_index_service(struct db *db, struct arena *a, int64_t id)
{
    db_stmt *st = db_query_id(db, Q_DIR_INDEX_SOURCE, id);
    struct fts_row f;
    int rc;

    if ((rc = db_one_row(st)) != 0) {
        db_done(st);
        return rc;
    }
    fts_row_of(a, st, &f);
    db_done(st);
    st = db_query(db, Q_DIR_FTS_PUT);
    db_bind_int(st, 1, id);
    db_bind_text(st, 2, f.area);
    db_bind_text(st, 3, f.facet);
    db_bind_text(st, 4, f.body);
    db_bind_text(st, 5, f.name);
    return db_exec(st);
}

static int
reindex_org(struct db *db, struct arena *a, int64_t org_id)
{
    db_stmt *st = db_query(db, Q_DIR_SERVICE_IDS_OF_ORG);
    int64_t *ids = NULL;
    int n = 0, i, rc;

    db_bind_int(st, 1, org_id);
    while ((rc = db_step(st)) == DB_ROW) {
        ids = arena_grow(a, ids, n, sizeof(*ids));
        ids[n++] = db_col_int(st, 0);
    }
    db_done(st);
    if (rc != DB_DONE) {
        return rc;
    }
    for (i = 0; i < n; i++) {
        if ((rc = dir_index_service(db, a, ids[i])) != 0) {
            return rc;
        }
    }
    return 0;
}

static void
bind_org(db_stmt *st, const struct dir_org *o)
{
    db_bind_text(st, 1, o->region);
    if (o->parent_id > 0) {
        db_bind_int(st, 2, o->parent_id);
    } else {
        db_bind_null(st, 2);
    }
    db_bind_text(st, 3, o->kind);
    db_bind_text(st, 4, nz(o->name));
    db_bind_text(st, 5, nz(o->description));
    db_bind_text(st, 6, nz(o->street));
    db_bind_text(st, 7, nz(o->postcode));
    db_bind_text(st, 8, nz(o->city));
    db_bind_text(st, 9, o->gmina);
    db_bind_text(st, 10, nz(o->lat));
    db_bind_text(st, 11, nz(o->lon));
    db_bind_int(st, 12, o->confidential);
    db_bind_text(st, 13, nz(o->phone));
    db_bind_text(st, 14, nz(o->email));
    db_bind_text(st, 15, nz(o->web));
    db_bind_text(st, 16, nz(o->hours));
    db_bind_int(st, 17, o->example);
}

/*
** The stable UUID a new row gets (migration 0013): the wanted one (an
** import's), else a new random one into fresh.
*/
static const char *
new_uuid(const char *want, char fresh[RANDOM_UUID_LEN + 1])
{
    if (want != NULL && *want != '\0') {
        return want;
    }
    random_uuid(fresh);
    return fresh;
}

/* An existing row takes the wanted UUID (want NULL or "": it keeps its). */
static int
uuid_set(struct db *db, bool service, int64_t id, const char *want)
{
    db_stmt *st;

    if (want == NULL || *want == '\0') {
        return 0;
    }
    st = db_query(db, service ? Q_DIR_SERVICE_UUID_SET : Q_DIR_ORG_UUID_SET);
    db_bind_int(st, 1, id);
    db_bind_text(st, 2, want);
    return db_exec(st);
}

/* Insert or update without transaction or audit (the demo loader too). */
static int
org_write(struct db *db, const struct dir_org *o, int64_t *id)
{
    char now[UTC_STAMP_SIZE], fresh[RANDOM_UUID_LEN + 1];
    db_stmt *st;
    int rc;

    if (o->id > 0) {
        st = db_query(db, Q_DIR_ORG_UPDATE);
        bind_org(st, o);
        db_bind_int(st, 18, o->id);
        db_bind_text(st, 19, utc_stamp_now(now, false));
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
        *id = o->id;
        return uuid_set(db, false, o->id, o->uuid);
    }
    st = db_query(db, Q_DIR_ORG_INSERT);
    bind_org(st, o);
    db_bind_text(st, 18, nz(o->source));
    db_bind_text(st, 19, nz(o->verify));
    db_bind_text(st, 20, new_uuid(o->uuid, fresh));
    return db_one_int(st, id);
}

/*
** What one audited change of the directory works on: an institution (o) or
** a service (s) to save, or the id of one to delete; the JSON of the row
** before and after lives in bj and aj until the change is recorded.
*/
struct change {
    struct arena *a;
    const struct dir_org *o;
    const struct dir_service *s;
    int64_t id;
    const char *verify; /* dir_org_verify_set: the new note */
    struct buf bj, aj;
};

static int
run_change(struct db *db, struct change *c, const struct audit_entry *who,
           const char *action, const char *entity,
           int (*fn)(struct db *, void *, struct audit_entry *))
{
    int rc;

    buf_init(&c->bj);
    buf_init(&c->aj);
    rc = audit_change(db, who, action, entity, fn, c);
    buf_free(&c->bj);
    buf_free(&c->aj);
    return rc;
}

/* The audit row names the record by id, its JSON before and after. */
static int
record(struct change *c, struct audit_entry *e)
{
    e->entity_id = arena_printf(c->a, "%lld", (long long)c->id);
    e->before = c->bj.data;
    e->after = c->aj.data;
    return 0;
}

static int
org_change(struct db *db, void *ctx, struct audit_entry *e)
{
    struct change *c = ctx;
    struct dir_org before;
    int rc;

    if (c->o->id > 0) {
        if ((rc = dir_org_load(db, c->a, c->o->id, &before)) != 0) {
            return rc;
        }
        org_json(&c->bj, &before);
    }
    if ((rc = org_write(db, c->o, &c->id)) != 0 ||
        (rc = reindex_org(db, c->a, c->id)) != 0) {
        return rc;
    }
    org_json(&c->aj, c->o);
    return record(c, e);
}

int
dir_org_save(struct db *db, struct arena *a, const struct dir_org *o,
             const struct audit_entry *who, int64_t *id)
{
    struct change c = {.a = a, .o = o};
    int rc;

    rc = run_change(db, &c, who,
                    o->id > 0 ? "directory.org.update" : "directory.org.create",
                    "dir_org", org_change);
    *id = c.id;
    return rc;
}

static int
verify_change(struct db *db, void *ctx, struct audit_entry *e)
{
    struct change *c = ctx;
    char now[UTC_STAMP_SIZE];
    struct dir_org o;
    db_stmt *st;
    int rc;

    if ((rc = dir_org_load(db, c->a, c->id, &o)) != 0) {
        return rc;
    }
    org_json(&c->bj, &o);
    st = db_query(db, Q_DIR_ORG_VERIFY_SET);
    db_bind_int(st, 1, c->id);
    db_bind_text(st, 2, c->verify);
    db_bind_text(st, 3, utc_stamp_now(now, false));
    if ((rc = db_exec(st)) != 0 || (rc = reindex_org(db, c->a, c->id)) != 0) {
        return rc;
    }
    o.verify = c->verify;
    org_json(&c->aj, &o);
    return record(c, e);
}

int
dir_org_verify_set(struct db *db, struct arena *a, int64_t id,
                   const char *verify, const struct audit_entry *who)
{
    struct change c = {.a = a, .id = id, .verify = nz(verify)};

    return run_change(db, &c, who, "directory.org.verify", "dir_org",
                      verify_change);
}

/*
** Rows of one table written many at a time (issue 21), as the engine takes
** them best (Q_DIR_BULK_ROWS): with per 1, one statement a row (one, its
** cells bound to $1..$n); else a JSON array of up to per rows a statement
** (many, $1), since each statement is a round trip.
*/
struct rows {
    enum query_id one, many;
    int per, n, col;    /* rows a statement, rows waiting, cells of this row */
    struct rows *first; /* the rows these name, written before them */
    db_stmt *st;        /* this row's statement (per 1) */
    struct buf b;
    struct json j;
};

static void
rows_open(struct rows *r)
{
    buf_reset(&r->b);
    json_init(&r->j, &r->b);
    json_arr_begin(&r->j);
    r->n = 0;
}

static void
rows_init(struct rows *r, enum query_id one, enum query_id many, int per)
{
    r->one = one;
    r->many = many;
    r->per = per;
    r->first = NULL;
    buf_init(&r->b);
    rows_open(r);
}

static void
row_begin(struct db *db, struct rows *r)
{
    r->col = 0;
    if (r->per == 1) {
        r->st = db_query(db, r->one);
    } else {
        json_arr_begin(&r->j);
    }
}

/* A text cell (NULL: SQL NULL) or an integer one of the row. */
static void
cell_text(struct rows *r, const char *s)
{
    if (r->per == 1) {
        db_bind_text(r->st, ++r->col, s);
    } else {
        json_str(&r->j, s);
    }
}

static void
cell_int(struct rows *r, int64_t v)
{
    if (r->per == 1) {
        db_bind_int(r->st, ++r->col, v);
    } else {
        json_int(&r->j, v);
    }
}

/* The rows waiting, in one statement (after those they name). */
static int
rows_flush(struct db *db, struct rows *r)
{
    db_stmt *st;
    int rc;

    if (r->first != NULL && (rc = rows_flush(db, r->first)) != 0) {
        return rc;
    }
    if (r->n == 0) {
        return 0;
    }
    json_arr_end(&r->j);
    st = db_query(db, r->many);
    db_bind_text(st, 1, r->b.data);
    rc = db_exec(st);
    rows_open(r);
    return rc;
}

/* The row is complete: written now (per 1), or with the others waiting
** once there are per of them. */
static int
row_end(struct db *db, struct rows *r)
{
    if (r->per == 1) {
        return db_exec(r->st);
    }
    json_arr_end(&r->j);
    return ++r->n < r->per ? 0 : rows_flush(db, r);
}

/* Targets and coverage of service id as rows of t and ar ("a,b" and
** "gmina:X powiat:Y" parsed here, for the forms and the import alike). */
static int
links_put(struct db *db, struct arena *a, int64_t id,
          const struct dir_service *s, struct rows *t, struct rows *ar)
{
    char *copy, *save = NULL, *x;
    int rc;

    copy = arena_strdup(a, nz(s->targets));
    for (x = strtok_r(copy, " ,", &save); x != NULL;
         x = strtok_r(NULL, " ,", &save)) {
        row_begin(db, t);
        cell_int(t, id);
        cell_text(t, x);
        if ((rc = row_end(db, t)) != 0) {
            return rc;
        }
    }
    copy = arena_strdup(a, nz(s->coverage));
    save = NULL;
    for (x = strtok_r(copy, " ,", &save); x != NULL;
         x = strtok_r(NULL, " ,", &save)) {
        char *colon = strchr(x, ':');

        if (colon == NULL) {
            continue;
        }
        *colon = '\0';
        row_begin(db, ar);
        cell_int(ar, id);
        cell_text(ar, x);
        cell_text(ar, colon + 1);
        if ((rc = row_end(db, ar)) != 0) {
            return rc;
        }
    }
    return 0;
}

/* Targets and coverage of service id, replacing what was there (nothing
** when the service is new: two round trips less). */
static int
service_links(struct db *db, struct arena *a, int64_t id, bool fresh,
              const struct dir_service *s)
{
    struct rows t, ar;
    db_stmt *st;
    int rc;

    if (!fresh) {
        st = db_query_id(db, Q_DIR_TARGETS_CLEAR, id);
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
        st = db_query_id(db, Q_DIR_AREAS_CLEAR, id);
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
    }
    rows_init(&t, Q_DIR_TARGET_INSERT, Q_DIR_TARGETS_PUT, 1);
    rows_init(&ar, Q_DIR_AREA_INSERT, Q_DIR_AREAS_PUT, 1);
    rc = links_put(db, a, id, s, &t, &ar);
    buf_free(&t.b);
    buf_free(&ar.b);
    return rc;
}

static void
bind_service(db_stmt *st, const struct dir_service *s)
{
    db_bind_int(st, 1, s->org_id);
    db_bind_text(st, 2, nz(s->name));
    db_bind_text(st, 3, nz(s->description));
    db_bind_text(st, 4, s->category);
    db_bind_text(st, 5, nz(s->cost));
    db_bind_text(st, 6, nz(s->languages));
    db_bind_text(st, 7, nz(s->how_to_apply));
    db_bind_text(st, 8, nz(s->phone));
    db_bind_text(st, 9, nz(s->hours));
}

static int
service_write(struct db *db, struct arena *a, const struct dir_service *s,
              int64_t *id)
{
    char now[UTC_STAMP_SIZE], uuid[RANDOM_UUID_LEN + 1];
    db_stmt *st;
    int rc;

    if (s->id > 0) {
        st = db_query(db, Q_DIR_SERVICE_UPDATE);
        bind_service(st, s);
        db_bind_int(st, 10, s->id);
        db_bind_text(st, 11, utc_stamp_now(now, false));
        rc = db_exec(st);
        *id = s->id;
        if (rc == 0) {
            rc = uuid_set(db, true, s->id, s->uuid);
        }
    } else {
        st = db_query(db, Q_DIR_SERVICE_INSERT);
        bind_service(st, s);
        db_bind_text(st, 10, new_uuid(s->uuid, uuid));
        rc = db_one_int(st, id);
    }
    if (rc != 0 || (rc = service_links(db, a, *id, s->id <= 0, s)) != 0) {
        return rc;
    }
    return dir_index_service(db, a, *id);
}

static int
service_change(struct db *db, void *ctx, struct audit_entry *e)
{
    struct change *c = ctx;
    struct dir_service before;
    int rc;

    if (c->s->id > 0) {
        if ((rc = dir_service_load(db, c->a, c->s->id, &before)) != 0) {
            return rc;
        }
        service_json(&c->bj, &before);
    }
    if ((rc = service_write(db, c->a, c->s, &c->id)) != 0) {
        return rc;
    }
    service_json(&c->aj, c->s);
    return record(c, e);
}

int
dir_service_save(struct db *db, struct arena *a, const struct dir_service *s,
                 const struct audit_entry *who, int64_t *id)
{
    struct change c = {.a = a, .s = s};
    int rc;

    rc = run_change(db, &c, who,
                    s->id > 0 ? "directory.service.update"
                              : "directory.service.create",
                    "dir_service", service_change);
    *id = c.id;
    return rc;
}

/* Delete institution or service c->id (with its search rows). */
static int
delete_change(struct db *db, void *ctx, struct audit_entry *e)
{
    struct change *c = ctx;
    struct dir_service s;
    struct dir_org o;
    db_stmt *st;
    int rc;

    if (c->o != NULL) {
        if ((rc = dir_org_load(db, c->a, c->id, &o)) != 0) {
            return rc;
        }
        org_json(&c->bj, &o);
    } else {
        if ((rc = dir_service_load(db, c->a, c->id, &s)) != 0) {
            return rc;
        }
        service_json(&c->bj, &s);
    }
    st = db_query(db, c->o != NULL ? Q_DIR_FTS_DELETE_ORG : Q_DIR_FTS_DELETE);
    db_bind_int(st, 1, c->id);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    st = db_query(db, c->o != NULL ? Q_DIR_ORG_DELETE : Q_DIR_SERVICE_DELETE);
    db_bind_int(st, 1, c->id);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    return record(c, e); /* aj stays empty: nothing after a deletion */
}

int
dir_service_delete(struct db *db, struct arena *a, int64_t id,
                   const struct audit_entry *who)
{
    struct change c = {.a = a, .id = id};

    return run_change(db, &c, who, "directory.service.delete", "dir_service",
                      delete_change);
}

int
dir_org_delete(struct db *db, struct arena *a, int64_t id,
               const struct audit_entry *who)
{
    static const struct dir_org org; /* says: an institution, not a service */
    struct change c = {.a = a, .o = &org, .id = id};

    return run_change(db, &c, who, "directory.org.delete", "dir_org",
                      delete_change);
}

int
dir_store_org_write(struct db *db, const struct dir_org *o, int64_t *id)
{
    return org_write(db, o, id);
}

int
dir_store_service_write(struct db *db, struct arena *a,
                        const struct dir_service *s, int64_t *id)
{
    return service_write(db, a, s, id);
}

/* --- the CSV import's writes (issue 21) ------------------------------ */

static int
cmp_id(const void *x, const void *y)
{
    int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;

    return (a > b) - (a < b);
}

static int
cmp_str(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/*
** The values of the JSON array in list that query q finds in its table
** (one round trip for all), sorted for bsearch into *out (arena), *n of
** them: texts (text) or integers.
*/
static int
taken(struct db *db, struct arena *a, enum query_id q, bool text,
      struct buf *list, void **out, int *n)
{
    size_t size = text ? sizeof(char *) : sizeof(int64_t);
    db_stmt *st = db_query(db, q);
    char *v = NULL;
    int rc;

    *n = 0;
    db_bind_text(st, 1, list->data);
    while ((rc = db_step(st)) == DB_ROW) {
        v = arena_grow(a, v, *n, size);
        if (text) {
            ((char **)(void *)v)[*n] = db_col_text_dup(a, st, 0);
        } else {
            ((int64_t *)(void *)v)[*n] = db_col_int(st, 0);
        }
        (*n)++;
    }
    db_done(st);
    buf_free(list);
    if (rc != DB_DONE) {
        return rc;
    }
    if (*n > 0) {
        qsort(v, (size_t)*n, size, text ? cmp_str : cmp_id);
    }
    *out = v;
    return 0;
}

/*
** Ids for n rows, *id[i] the wanted one or 0: a wanted id another row of
** the table has (query q) is replaced, and every row without one gets the
** next past the largest id there is (query max) or is wanted.
*/
static int
give_ids(struct db *db, struct arena *a, enum query_id q, enum query_id max,
         int64_t **id, int n)
{
    struct buf b;
    struct json j;
    void *t = NULL;
    int64_t top = 0;
    int nt = 0, i, rc;

    buf_init(&b);
    json_init(&j, &b);
    json_arr_begin(&j);
    for (i = 0; i < n; i++) {
        if (*id[i] > 0) {
            json_int(&j, *id[i]);
        }
    }
    json_arr_end(&j);
    if ((rc = taken(db, a, q, false, &b, &t, &nt)) != 0 ||
        (rc = db_one_int(db_query(db, max), &top)) != 0) {
        return rc;
    }
    for (i = 0; i < n; i++) {
        /* an id this near the largest integer leaves no room for new ones */
        if (*id[i] > INT64_MAX - n ||
            (*id[i] > 0 && nt > 0 &&
             bsearch(id[i], t, (size_t)nt, sizeof(int64_t), cmp_id) != NULL)) {
            *id[i] = 0;
        } else if (*id[i] > top) {
            top = *id[i];
        }
    }
    if (top > INT64_MAX - n) {
        return ERR_CONFLICT; /* no room past the largest id */
    }
    for (i = 0; i < n; i++) {
        if (*id[i] == 0) {
            *id[i] = ++top;
        }
    }
    return 0;
}

/*
** The wanted UUIDs *u[i] ("" or NULL: none) another row of the table has
** (query q) become NULL: the row gets a new one.
*/
static int
free_uuids(struct db *db, struct arena *a, enum query_id q, const char ***u,
           int n)
{
    struct buf b;
    struct json j;
    void *t = NULL;
    int nt = 0, i, rc;

    buf_init(&b);
    json_init(&j, &b);
    json_arr_begin(&j);
    for (i = 0; i < n; i++) {
        if (*u[i] != NULL && **u[i] != '\0') {
            json_str(&j, *u[i]);
        }
    }
    json_arr_end(&j);
    if ((rc = taken(db, a, q, true, &b, &t, &nt)) != 0) {
        return rc;
    }
    for (i = 0; i < n; i++) {
        if (nt > 0 && *u[i] != NULL &&
            bsearch(u[i], t, (size_t)nt, sizeof(char *), cmp_str) != NULL) {
            *u[i] = NULL;
        }
    }
    return 0;
}

/* n new UUIDs for the rows of an import, in a: the i-th at uuid_at(u, i). */
static char *
new_uuids(struct arena *a, int n)
{
    char *u = arena_alloc(a, (size_t)n * (RANDOM_UUID_LEN + 1) + 1);

    random_uuids(u, n);
    return u;
}

#define uuid_at(u, i) ((u) + (size_t)(i) * (RANDOM_UUID_LEN + 1))

/* What the import writes, by table, and how many rows a statement. */
struct bulk {
    struct rows org, parent, svc, tgt, area, fts;
    int per;
};

static int
bulk_orgs(struct db *db, struct arena *a, struct bulk *k, struct dir_org *o,
          const int *parent, int n)
{
    char *fresh = new_uuids(a, n);
    struct rows *r = &k->org;
    int i, rc;

    for (i = 0; i < n; i++) {
        if (i % STOP_CHECK_ROWS == 0 && stop_requested()) {
            return ERR_STOPPED;
        }
        row_begin(db, r);
        cell_int(r, o[i].id);
        cell_text(r, o[i].region);
        cell_text(r, o[i].kind);
        cell_text(r, nz(o[i].name));
        cell_text(r, nz(o[i].description));
        cell_text(r, nz(o[i].street));
        cell_text(r, nz(o[i].postcode));
        cell_text(r, nz(o[i].city));
        cell_text(r, o[i].gmina);
        cell_text(r, nz(o[i].lat));
        cell_text(r, nz(o[i].lon));
        cell_int(r, o[i].confidential);
        cell_text(r, nz(o[i].phone));
        cell_text(r, nz(o[i].email));
        cell_text(r, nz(o[i].web));
        cell_text(r, nz(o[i].hours));
        cell_int(r, o[i].example);
        cell_text(r, nz(o[i].source));
        cell_text(r, nz(o[i].verify));
        cell_text(r, nz(o[i].uuid)[0] != '\0' ? o[i].uuid : uuid_at(fresh, i));
        if ((rc = row_end(db, r)) != 0) {
            return rc;
        }
    }
    if ((rc = rows_flush(db, r)) != 0) {
        return rc;
    }
    /* every institution is in: a parent may come after its branch */
    r = &k->parent;
    for (i = 0; i < n; i++) {
        if (parent[i] < 0) {
            continue;
        }
        row_begin(db, r);
        cell_int(r, o[i].id);
        cell_int(r, o[parent[i]].id);
        if ((rc = row_end(db, r)) != 0) {
            return rc;
        }
    }
    return rows_flush(db, r);
}

static int
bulk_services(struct db *db, struct arena *a, struct bulk *k,
              const struct dir_service *s, int n)
{
    char *fresh = new_uuids(a, n);
    struct rows *r = &k->svc;
    int i, rc;

    for (i = 0; i < n; i++) {
        if (i % STOP_CHECK_ROWS == 0 && stop_requested()) {
            return ERR_STOPPED;
        }
        row_begin(db, r);
        cell_int(r, s[i].id);
        cell_int(r, s[i].org_id);
        cell_text(r, nz(s[i].name));
        cell_text(r, nz(s[i].description));
        cell_text(r, s[i].category);
        cell_text(r, nz(s[i].cost));
        cell_text(r, nz(s[i].languages));
        cell_text(r, nz(s[i].how_to_apply));
        cell_text(r, nz(s[i].phone));
        cell_text(r, nz(s[i].hours));
        cell_text(r, nz(s[i].uuid)[0] != '\0' ? s[i].uuid : uuid_at(fresh, i));
        if ((rc = row_end(db, r)) != 0 ||
            (rc = links_put(db, a, s[i].id, &s[i], &k->tgt, &k->area)) != 0) {
            return rc;
        }
    }
    if ((rc = rows_flush(db, &k->tgt)) != 0) {
        return rc;
    }
    return rows_flush(db, &k->area);
}

/* The target groups (a code and a name) or areas (a level and a code) of
** a region's services, in order, as Q_DIR_INDEX_SOURCE joins them. */
struct part {
    int64_t id; /* the service */
    const char *x, *y;
};

static void
part_row(struct arena *a, db_stmt *st, void *elem)
{
    struct part *p = elem;

    p->id = db_col_int(st, 0);
    p->x = db_col_text_dup(a, st, 1);
    p->y = db_col_text_dup(a, st, 2);
}

/* Service id's run of parts from *k on, each as pre x (mid y), after sep
** but the first, into one text in a. */
static const char *
parts_text(struct arena *a, const struct part *p, int n, int *k, int64_t id,
           bool names, bool area)
{
    struct buf b;
    const char *out;

    buf_init(&b);
    for (; *k < n && p[*k].id == id; (*k)++) {
        const char *x = p[*k].x, *y = p[*k].y;

        if (area) {
            if (b.len > 0) {
                buf_putc(&b, ' ');
            }
            buf_putc(&b, strcmp(x, "gmina") == 0    ? 'g'
                         : strcmp(x, "powiat") == 0 ? 'p'
                                                    : 'w');
            buf_puts(&b, y);
        } else {
            buf_puts(&b, names ? " " : " t");
            buf_puts(&b, names ? y : x);
        }
    }
    out = arena_strdup(a, b.len > 0 ? b.data : "");
    buf_free(&b);
    return out;
}

/*
** The search rows of every service of region (NULL: all), from three
** reads in the order of the services (the services, their target groups,
** their areas) instead of one with three sorted subqueries a service.
*/
static int
bulk_search(struct db *db, struct arena *a, struct bulk *k, const char *region)
{
    struct part *tg = NULL, *ar = NULL;
    struct rows *r = &k->fts;
    struct fts_src c;
    struct fts_row f;
    db_stmt *st;
    int nt, na, it = 0, ia = 0, rc;

    st = db_query(db, Q_DIR_INDEX_REGION_TARGETS);
    db_bind_text(st, 1, region);
    if ((nt = db_list(st, a, sizeof(*tg), part_row, &tg)) < 0) {
        return nt;
    }
    st = db_query(db, Q_DIR_INDEX_REGION_AREAS);
    db_bind_text(st, 1, region);
    if ((na = db_list(st, a, sizeof(*ar), part_row, &ar)) < 0) {
        return na;
    }
    /* the search rows are written while the services are read, as the
    ** export reads a service beside its cursor */
    st = db_query(db, Q_DIR_INDEX_REGION_SERVICES);
    db_bind_text(st, 1, region);
    while ((rc = db_step(st)) == DB_ROW) {
        int64_t id = db_col_int(st, 10);
        int t0 = it;

        while (it < nt && tg[it].id < id) {
            t0 = ++it;
        }
        while (ia < na && ar[ia].id < id) {
            ia++;
        }
        fts_src_of(st, &c);
        c.tcodes = parts_text(a, tg, nt, &it, id, false, false);
        c.areas = parts_text(a, ar, na, &ia, id, false, true);
        c.tnames = parts_text(a, tg, nt, &t0, id, true, false);
        fts_row_make(a, &c, &f);
        row_begin(db, r);
        cell_int(r, id);
        cell_text(r, f.area);
        cell_text(r, f.facet);
        cell_text(r, f.body);
        cell_text(r, f.name);
        if ((rc = row_end(db, r)) != 0) {
            break;
        }
    }
    db_done(st);
    return rc == DB_DONE ? rows_flush(db, r) : rc < 0 ? rc : ERR_DB;
}

static int
bulk_write(struct db *db, struct arena *a, struct bulk *k, const char *region,
           struct dir_org *o, const int *parent, int norg,
           struct dir_service *s, const int *svc_org, int nsvc)
{
    int64_t **oid = arena_alloc(a, sizeof(*oid) * (size_t)(norg + 1));
    int64_t **sid = arena_alloc(a, sizeof(*sid) * (size_t)(nsvc + 1));
    const char ***ou = arena_alloc(a, sizeof(*ou) * (size_t)(norg + 1));
    const char ***su = arena_alloc(a, sizeof(*su) * (size_t)(nsvc + 1));
    db_stmt *st;
    int i, rc;

    /* quiet change triggers, and first the one row of the log that says
    ** "read everything": an index reading it reads the whole directory */
    if ((rc = db_exec(db_query(db, Q_DIR_BULK_ON))) != 0 ||
        (rc = db_exec(db_query(db, Q_DIR_CHANGE_ALL))) != 0) {
        return rc;
    }
    st = db_query(db, Q_DIR_FTS_DELETE_REGION);
    db_bind_text(st, 1, region);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    st = db_query(db, Q_DIR_ORG_DELETE_REGION);
    db_bind_text(st, 1, region);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    for (i = 0; i < norg; i++) {
        oid[i] = &o[i].id;
        ou[i] = &o[i].uuid;
    }
    for (i = 0; i < nsvc; i++) {
        sid[i] = &s[i].id;
        su[i] = &s[i].uuid;
    }
    if ((rc = give_ids(db, a, Q_DIR_ORG_IDS_TAKEN, Q_DIR_ORG_MAX_ID, oid,
                       norg)) != 0 ||
        (rc = give_ids(db, a, Q_DIR_SERVICE_IDS_TAKEN, Q_DIR_SERVICE_MAX_ID,
                       sid, nsvc)) != 0 ||
        (rc = free_uuids(db, a, Q_DIR_ORG_UUIDS_TAKEN, ou, norg)) != 0 ||
        (rc = free_uuids(db, a, Q_DIR_SERVICE_UUIDS_TAKEN, su, nsvc)) != 0) {
        return rc;
    }
    for (i = 0; i < nsvc; i++) {
        s[i].org_id = o[svc_org[i]].id;
    }
    if ((rc = bulk_orgs(db, a, k, o, parent, norg)) != 0 ||
        (rc = bulk_services(db, a, k, s, nsvc)) != 0 ||
        (rc = bulk_search(db, a, k, region)) != 0) {
        return rc;
    }
    return db_exec(db_query(db, Q_DIR_BULK_OFF));
}

int
dir_store_import(struct db *db, struct arena *a, const char *region,
                 struct dir_org *o, const int *parent, int norg,
                 struct dir_service *s, const int *svc_org, int nsvc)
{
    struct bulk k;
    int64_t per = 1;
    int rc;

    if ((rc = db_one_int(db_query(db, Q_DIR_BULK_ROWS), &per)) != 0) {
        return rc;
    }
    k.per = per > 1 ? (int)per : 1;
    rows_init(&k.org, Q_DIR_ORG_PUT, Q_DIR_ORGS_PUT, k.per);
    rows_init(&k.parent, Q_DIR_ORG_SET_PARENT, Q_DIR_ORG_PARENTS_PUT, k.per);
    rows_init(&k.svc, Q_DIR_SERVICE_PUT, Q_DIR_SERVICES_PUT, k.per);
    rows_init(&k.tgt, Q_DIR_TARGET_INSERT, Q_DIR_TARGETS_PUT, k.per);
    rows_init(&k.area, Q_DIR_AREA_INSERT, Q_DIR_AREAS_PUT, k.per);
    k.tgt.first = k.area.first = &k.svc;
    rows_init(&k.fts, Q_DIR_FTS_PUT, Q_DIR_FTS_PUT_MANY, k.per);
    rc = bulk_write(db, a, &k, region, o, parent, norg, s, svc_org, nsvc);
    buf_free(&k.org.b);
    buf_free(&k.parent.b);
    buf_free(&k.svc.b);
    buf_free(&k.tgt.b);
    buf_free(&k.area.b);
    buf_free(&k.fts.b);
    return rc;
}

int
dir_orgs_serving(struct db *db, struct arena *a, const char *gmina,
                 const char *region, int max, struct dir_serving *out)
{
    db_stmt *st = db_query(db, Q_DIR_ORGS_SERVING);
    int n = 0, rc;

    db_bind_text(st, 1, gmina);
    db_bind_text(st, 2, region);
    db_bind_int(st, 3, max);
    while ((rc = db_step(st)) == DB_ROW && n < max) {
        out[n].id = db_col_int(st, 0);
        out[n].name = db_col_text_dup(a, st, 1);
        out[n].kind = db_col_text_dup(a, st, 2);
        out[n].city = db_col_text_dup(a, st, 3);
        out[n].level = (int)db_col_int(st, 4);
        n++;
    }
    db_done(st);
    return rc == DB_ROW || rc == DB_DONE ? n : rc;
}

int
dir_org_serving(struct db *db, struct arena *a, int64_t id, const char *gmina,
                const char *region, struct dir_serving *out)
{
    db_stmt *st = db_query(db, Q_DIR_ORG_SERVING);
    int rc;

    db_bind_text(st, 1, gmina);
    db_bind_text(st, 2, region);
    db_bind_int(st, 3, id);
    if ((rc = db_one_row(st)) == 0) {
        memset(out, 0, sizeof(*out));
        out->id = id;
        out->name = db_col_text_dup(a, st, 0);
        out->kind = db_col_text_dup(a, st, 1);
    }
    db_done(st);
    return rc;
}

int
dir_choices(struct db *db, struct arena *a, int which, struct dir_choice **out)
{
    db_stmt *st = db_query(db, which == 0 ? Q_DIR_CATEGORIES : Q_DIR_TARGETS);
    int rc, n = 0;
    struct dir_choice *c = NULL;

    while ((rc = db_step(st)) == DB_ROW) {
        c = arena_grow(a, c, n, sizeof(*c));
        c[n].code = arena_strdup(a, db_col_text(st, 0));
        c[n].name = arena_strdup(a, db_col_text(st, 1));
        n++;
    }
    db_done(st);
    *out = c;
    return rc == DB_DONE ? n : rc;
}

int
dir_org_counts(struct db *db, const char *region, int64_t *orgs,
               int64_t *services, int64_t *examples)
{
    db_stmt *st = db_query(db, Q_DIR_ORG_COUNTS);
    int rc;

    db_bind_text(st, 1, region);
    if ((rc = db_one_row(st)) == 0) {
        *orgs = db_col_int(st, 0);
        *services = db_col_int(st, 1);
        *examples = db_col_int(st, 2);
    }
    db_done(st);
    return rc == ERR_NOTFOUND ? 0 : rc; /* a count always has its row */
}

db_stmt *
dir_org_list(struct db *db, const char *region, bool examples)
{
    db_stmt *st = db_query(db, Q_DIR_ORG_LIST);

    db_bind_text(st, 1, region);
    db_bind_int(st, 2, examples);
    return st;
}

int
dir_org_branches_elsewhere(struct db *db, int64_t id, const char *region,
                           int64_t *n)
{
    db_stmt *st = db_query(db, Q_DIR_ORG_BRANCHES_ELSEWHERE);

    db_bind_int(st, 1, id);
    db_bind_text(st, 2, region);
    return db_one_int(st, n);
}

db_stmt *
dir_area_names(struct db *db, int64_t service)
{
    return db_query_id(db, Q_DIR_AREA_NAMES, service);
}

db_stmt *
dir_org_services(struct db *db, int64_t org)
{
    return db_query_id(db, Q_DIR_ORG_SERVICES, org);
}

db_stmt *
dir_org_branches(struct db *db, int64_t org)
{
    return db_query_id(db, Q_DIR_ORG_BRANCHES, org);
}

db_stmt *
dir_store_export(struct db *db, const char *region)
{
    db_stmt *st = db_query(db, Q_DIR_EXPORT);

    db_bind_text(st, 1, region);
    return st;
}

db_stmt *
dir_store_hsds(struct db *db, enum dir_hsds_part part)
{
    static const enum query_id q[] = {
        [DIR_HSDS_ORGS] = Q_DIR_HSDS_ORGS,
        [DIR_HSDS_LOCATIONS] = Q_DIR_HSDS_LOCATIONS,
        [DIR_HSDS_SERVICES] = Q_DIR_HSDS_SERVICES,
        [DIR_HSDS_AREAS] = Q_DIR_HSDS_AREAS,
        [DIR_HSDS_TARGETS] = Q_DIR_HSDS_TARGETS,
    };

    return db_query(db, q[part]);
}

db_stmt *
dir_store_hsds_service(struct db *db, int64_t id)
{
    return db_query_id(db, Q_DIR_HSDS_SERVICE, id);
}

int
dir_store_hsds_stamp(struct db *db, struct arena *a, const char **stamp)
{
    db_stmt *st = db_query(db, Q_DIR_HSDS_STAMP);
    int rc = db_step(st);

    *stamp = rc == DB_ROW ? db_col_text_dup(a, st, 0) : "";
    db_done(st);
    return rc == DB_ROW ? 0 : rc < 0 ? rc : ERR_DB;
}

int
dir_store_hsds_ids(struct db *db, struct arena *a, const char *teryt,
                   const char *org_uuid, const char *code, int64_t **ids,
                   int max)
{
    db_stmt *st = db_query(db, Q_DIR_HSDS_IDS);
    int64_t *v = NULL;
    int rc, n = 0;

    db_bind_text(st, 1, teryt);
    db_bind_text(st, 2, org_uuid);
    db_bind_text(st, 3, code);
    while ((rc = db_step(st)) == DB_ROW && n < max) {
        v = arena_grow(a, v, n, sizeof(*v));
        v[n++] = db_col_int(st, 0);
    }
    db_done(st);
    *ids = v;
    return rc == DB_ROW || rc == DB_DONE ? n : rc;
}

int
dir_store_org_count(struct db *db, int64_t *n)
{
    return db_one_int(db_query(db, Q_DIR_ORG_COUNT_ALL), n);
}

db_stmt *
dir_store_rows(struct db *db, enum dir_rows part, int64_t id)
{
    static const enum query_id q[] = {
        [DIR_ROWS_VERSION] = Q_DIR_IDX_VERSION,
        [DIR_ROWS_ORGS] = Q_DIR_IDX_ORGS,
        [DIR_ROWS_SERVICES] = Q_DIR_IDX_SERVICES,
        [DIR_ROWS_AREAS] = Q_DIR_IDX_AREAS,
        [DIR_ROWS_SERVICE] = Q_DIR_IDX_SERVICE,
        [DIR_ROWS_AREAS_OF] = Q_DIR_IDX_AREAS_OF,
    };

    return part >= DIR_ROWS_SERVICE ? db_query_id(db, q[part], id)
                                    : db_query(db, q[part]);
}

db_stmt *
dir_store_changes(struct db *db, int64_t after, int limit)
{
    db_stmt *st = db_query(db, Q_DIR_IDX_CHANGES);

    db_bind_int(st, 1, after);
    db_bind_int(st, 2, limit);
    return st;
}

db_stmt *
dir_store_match(struct db *db, enum dir_match how, const char *expr, int limit)
{
    static const enum query_id q[] = {
        [DIR_MATCH_CANDIDATES] = Q_DIR_FTS_CANDIDATES,
        [DIR_MATCH_BY_NAME] = Q_DIR_SEARCH_NAME,
    };
    db_stmt *st = db_query(db, q[how]);

    db_bind_text(st, 1, expr);
    db_bind_int(st, 2, limit);
    return st;
}

db_stmt *
dir_store_view(struct db *db, int64_t id)
{
    return db_query_id(db, Q_DIR_VIEW_GET, id);
}
