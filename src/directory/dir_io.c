/*
** The directory in files: CSV export and import of the whole directory
** (one row per service; the institution's columns repeat on each of its
** rows) and the Open Referral HSDS export (a zip of CSV files with its
** datapackage.json, written with libzip in memory). Import is parse,
** check, write: nothing is written when any row has a finding.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/json.h"
#include "core/log.h"
#include "core/stop.h"
#include "db/db.h"
#include "directory/strings_pl.h"
#include "directory.h"

/* Quoting of the directory's files: ',' and ';' both quote, since either
 * may be the separator a reader picks, and so do edge spaces. */
#define DIR_CSV_FLAGS (CSV_QUOTE_SPACES | CSV_QUOTE_COMMA_SEMI)

enum col {
    C_ORG_KEY,
    C_PARENT_KEY,
    C_REGION,
    C_KIND,
    C_ORG_NAME,
    C_ORG_DESCRIPTION,
    C_STREET,
    C_POSTCODE,
    C_CITY,
    C_GMINA,
    C_LAT,
    C_LON,
    C_CONFIDENTIAL,
    C_ORG_PHONE,
    C_ORG_EMAIL,
    C_ORG_WEB,
    C_ORG_HOURS,
    C_EXAMPLE,
    C_SERVICE_KEY,
    C_SERVICE_NAME,
    C_SERVICE_DESCRIPTION,
    C_CATEGORY,
    C_TARGETS,
    C_COST,
    C_LANGUAGES,
    C_HOW_TO_APPLY,
    C_SERVICE_PHONE,
    C_SERVICE_HOURS,
    C_COVERAGE,
    C_SOURCE,
    C_VERIFY,
    C_COUNT
};

static const char *const col_names[C_COUNT] = {
    "org_key",       "parent_key",   "region",
    "kind",          "org_name",     "org_description",
    "street",        "postcode",     "city",
    "gmina",         "lat",          "lon",
    "confidential",  "org_phone",    "org_email",
    "org_web",       "org_hours",    "example",
    "service_key",   "service_name", "service_description",
    "category",      "targets",      "cost",
    "languages",     "how_to_apply", "service_phone",
    "service_hours", "coverage",     "source",
    "verify",
};

/* Columns a file must have; the others may be left out. */
static const bool col_required[C_COUNT] = {
    [C_ORG_KEY] = true,  [C_REGION] = true, [C_KIND] = true,
    [C_ORG_NAME] = true, [C_GMINA] = true,
};

int
dir_export_csv(struct db *db, struct arena *a, const char *region,
               struct buf *out)
{
    db_stmt *st = dir_store_export(db, region);
    struct csv c;
    int i, rc;

    /* Opened by people in a Polish Excel: ';' and a BOM. */
    csv_begin(&c, out, ';', DIR_CSV_FLAGS | CSV_BOM);
    for (i = 0; i < C_COUNT; i++) {
        csv_text(&c, col_names[i]);
    }
    csv_row_end(&c);
    while ((rc = db_step(st)) == DB_ROW) {
        int64_t sid = db_col_int(st, 18);
        struct dir_service s = {0};
        const char *v[C_COUNT] = {0};

        v[C_ORG_KEY] = arena_printf(a, "o%lld", (long long)db_col_int(st, 0));
        v[C_PARENT_KEY] =
            db_col_int(st, 1) > 0
                ? arena_printf(a, "o%lld", (long long)db_col_int(st, 1))
                : "";
        for (i = C_REGION; i <= C_EXAMPLE; i++) {
            v[i] = db_col_text_dup(a, st, i);
        }
        if (sid > 0) {
            v[C_SERVICE_KEY] = arena_printf(a, "s%lld", (long long)sid);
            for (i = C_SERVICE_NAME; i <= C_SERVICE_HOURS; i++) {
                if (i == C_TARGETS) {
                    continue;
                }
                v[i] = db_col_text_dup(a, st, i > C_TARGETS ? i - 1 : i);
            }
        }
        /* Targets and coverage come from the service's own query. */
        if (sid > 0) {
            /* The export statement stays on its row: another statement
            ** may run meanwhile on the same connection. */
            if ((rc = dir_service_load(db, a, sid, &s)) != 0) {
                db_done(st);
                return rc;
            }
            v[C_TARGETS] = s.targets;
            v[C_COVERAGE] = s.coverage;
        }
        v[C_SOURCE] = db_col_text_dup(a, st, 27);
        v[C_VERIFY] = db_col_text_dup(a, st, 28);
        for (i = 0; i < C_COUNT; i++) {
            if (i == C_LAT || i == C_LON) {
                csv_num(&c, v[i]);
            } else {
                csv_text(&c, v[i]);
            }
        }
        csv_row_end(&c);
    }
    db_done(st);
    return rc == DB_DONE ? 0 : rc;
}

/* --- import -------------------------------------------------------------- */

struct in_org {
    struct dir_org o;
    int row;
    int64_t new_id;
};

static const char *
cell(char **f, int n, const int *map, enum col c)
{
    int k = map[c];

    /* a cell the export guarded against formula injection reads back as
    ** the text it stands for */
    return k >= 0 && k < n ? csv_unguard(f[k]) : "";
}

static bool
flag(const char *s, bool *ok)
{
    *ok = true;
    if (*s == '\0' || strcmp(s, "0") == 0 || strcmp(s, "nie") == 0) {
        return false;
    }
    if (strcmp(s, "1") == 0 || strcmp(s, "tak") == 0) {
        return true;
    }
    *ok = false;
    return false;
}

/* "o12" -> 12, else 0. */
static int64_t
key_id(const char *key, char prefix)
{
    char *end;
    long long v;

    if (key == NULL || key[0] != prefix || key[1] < '1' || key[1] > '9') {
        return 0;
    }
    v = strtoll(key + 1, &end, 10);
    return *end == '\0' && v > 0 ? (int64_t)v : 0;
}

static bool
same_org(const struct dir_org *x, const struct dir_org *y)
{
    return strcmp(x->region, y->region) == 0 && strcmp(x->kind, y->kind) == 0 &&
           strcmp(x->name, y->name) == 0 && strcmp(x->gmina, y->gmina) == 0 &&
           strcmp(x->street, y->street) == 0 && strcmp(x->city, y->city) == 0 &&
           strcmp(x->parent_key, y->parent_key) == 0 &&
           x->confidential == y->confidential;
}

/*
** Keys of the file (org_key, service_key) to the index of their row, by
** hash: the import looked each up by a scan of all rows before, quadratic
** in the rows (a million rows held a worker for minutes).
*/
struct keyset {
    const char **key;
    int *val;
    size_t mask; /* capacity - 1, a power of two at least twice the keys */
};

static void
keyset_init(struct arena *a, struct keyset *ks, int nkeys)
{
    size_t cap = 16;

    while (cap < (size_t)nkeys * 2) {
        cap *= 2;
    }
    ks->key = arena_alloc(a, cap * sizeof(*ks->key));
    ks->val = arena_alloc(a, cap * sizeof(*ks->val));
    ks->mask = cap - 1;
}

static size_t
key_hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */

    for (; *s != '\0'; s++) {
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    }
    return (size_t)h;
}

/* The slot of key: where it is, or the empty slot where it would go. */
static size_t
keyset_slot(const struct keyset *ks, const char *key)
{
    size_t i = key_hash(key) & ks->mask;

    while (ks->key[i] != NULL && strcmp(ks->key[i], key) != 0) {
        i = (i + 1) & ks->mask;
    }
    return i;
}

/* The value of key, or -1. */
static int
keyset_get(const struct keyset *ks, const char *key)
{
    size_t i = keyset_slot(ks, key);

    return ks->key[i] != NULL ? ks->val[i] : -1;
}

/* Add key (at most the nkeys of keyset_init); an existing key keeps its
** first value. */
static void
keyset_put(struct keyset *ks, const char *key, int val)
{
    size_t i = keyset_slot(ks, key);

    if (ks->key[i] == NULL) {
        ks->key[i] = key;
        ks->val[i] = val;
    }
}

/* The checked rows of an import, to write in one audited change. */
struct import {
    struct arena *a;
    const char *region;
    struct in_org *orgs;
    struct dir_service *svcs;
    int *svc_org, norg, nsvc;
    struct keyset *org_keys;
};

static int
import_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct import *x = ctx;
    int i, k, rc;

    if ((rc = dir_store_region_clear(db, x->region)) != 0) {
        return rc;
    }
    for (i = 0; i < x->norg; i++) {
        struct dir_org o = x->orgs[i].o;
        int64_t want = key_id(o.key, 'o');

        if (i % STOP_CHECK_ROWS == 0 && stop_requested()) {
            return ERR_STOPPED;
        }
        o.id = 0;
        o.parent_id = 0;
        if (want > 0 && !dir_store_id_used(db, false, want)) {
            o.id = want;
            o.keep_id = true;
        }
        if ((rc = dir_store_org_write(db, &o, &x->orgs[i].new_id)) != 0) {
            return rc;
        }
    }
    for (i = 0; i < x->norg; i++) {
        const char *pk = x->orgs[i].o.parent_key;

        k = *pk == '\0' ? -1 : keyset_get(x->org_keys, pk);
        if (k >= 0 && (rc = dir_store_org_set_parent(db, x->orgs[i].new_id,
                                                     x->orgs[k].new_id)) != 0) {
            return rc;
        }
    }
    for (i = 0; i < x->nsvc; i++) {
        struct dir_service s = x->svcs[i];
        int64_t want = key_id(s.key, 's'), id;

        if (i % STOP_CHECK_ROWS == 0 && stop_requested()) {
            return ERR_STOPPED;
        }
        s.org_id = x->orgs[x->svc_org[i]].new_id;
        s.id = 0;
        if (want > 0 && !dir_store_id_used(db, true, want)) {
            s.id = want;
            s.keep_id = true;
        }
        if ((rc = dir_store_service_write(db, x->a, &s, &id)) != 0) {
            return rc;
        }
    }
    e->entity_id = x->region ? x->region : "*";
    e->after = arena_printf(x->a, "{\"organizations\": %d, \"services\": %d}",
                            x->norg, x->nsvc);
    return 0;
}

int
dir_import_csv(struct db *db, struct arena *a, const char *region,
               const char *data, size_t len, const struct audit_entry *who,
               struct dir_findings *f, int *norgs, int *nservices)
{
    char ***rows;
    int *ncols, nrows, map[C_COUNT], i, k, rc;
    struct in_org *orgs;
    struct dir_service *svcs;
    int *svc_org, norg = 0, nsvc = 0;
    struct keyset org_keys, svc_keys;
    struct dir_known *codes = dir_known_new(a);
    const char *why;

    *norgs = *nservices = 0;
    nrows = dir_csv_parse(a, data, len, &rows, &ncols, &why);
    if (nrows < 0) {
        dir_findings_add(a, f, 0, NULL, why);
        return ERR_INPUT;
    }
    if (nrows < 1) {
        dir_findings_add(a, f, 0, NULL, T_DIR_IMPORT_EMPTY);
        return ERR_INPUT;
    }
    for (i = 0; i < C_COUNT; i++) {
        map[i] = -1;
        for (k = 0; k < ncols[0]; k++) {
            if (strcmp(rows[0][k], col_names[i]) == 0) {
                map[i] = k;
            }
        }
        if (map[i] < 0 && col_required[i]) {
            dir_findings_add(
                a, f, 1, col_names[i],
                arena_printf(a, T_DIR_IMPORT_NO_COLUMN, col_names[i]));
        }
    }
    if (f->n > 0) {
        return ERR_INPUT;
    }
    orgs = arena_alloc(a, sizeof(*orgs) * (size_t)nrows);
    svcs = arena_alloc(a, sizeof(*svcs) * (size_t)nrows);
    svc_org = arena_alloc(a, sizeof(*svc_org) * (size_t)nrows);
    keyset_init(a, &org_keys, nrows);
    keyset_init(a, &svc_keys, nrows);
    /* Parse and check: every row, every column. */
    for (i = 1; i < nrows; i++) {
        char **fl = rows[i];
        int n = ncols[i], row = i + 1, found = -1;
        struct dir_org o = {0};
        bool ok, blank = true;

        if (i % STOP_CHECK_ROWS == 0 && stop_requested()) {
            return ERR_STOPPED; /* nothing written yet */
        }
        for (k = 0; k < n; k++) {
            if (fl[k][0] != '\0') {
                blank = false;
            }
        }
        if (blank) {
            continue;
        }
        if (n != ncols[0]) {
            dir_findings_add(a, f, row, NULL,
                             arena_printf(a, T_DIR_IMPORT_NCOLS, n, ncols[0]));
            continue;
        }
        o.key = cell(fl, n, map, C_ORG_KEY);
        o.parent_key = cell(fl, n, map, C_PARENT_KEY);
        o.region = cell(fl, n, map, C_REGION);
        o.kind = cell(fl, n, map, C_KIND);
        o.name = cell(fl, n, map, C_ORG_NAME);
        o.description = cell(fl, n, map, C_ORG_DESCRIPTION);
        o.street = cell(fl, n, map, C_STREET);
        o.postcode = cell(fl, n, map, C_POSTCODE);
        o.city = cell(fl, n, map, C_CITY);
        o.gmina = cell(fl, n, map, C_GMINA);
        o.lat = cell(fl, n, map, C_LAT);
        o.lon = cell(fl, n, map, C_LON);
        o.confidential = flag(cell(fl, n, map, C_CONFIDENTIAL), &ok);
        if (!ok) {
            dir_findings_add(a, f, row, "confidential",
                             T_DIR_IMPORT_CONFIDENTIAL);
        }
        o.phone = cell(fl, n, map, C_ORG_PHONE);
        o.email = cell(fl, n, map, C_ORG_EMAIL);
        o.web = cell(fl, n, map, C_ORG_WEB);
        o.hours = cell(fl, n, map, C_ORG_HOURS);
        o.example = flag(cell(fl, n, map, C_EXAMPLE), &ok);
        if (!ok) {
            dir_findings_add(a, f, row, "example", T_DIR_IMPORT_EXAMPLE);
        }
        o.source = cell(fl, n, map, C_SOURCE);
        o.verify = cell(fl, n, map, C_VERIFY);
        if (*o.key == '\0') {
            dir_findings_add(a, f, row, "org_key", T_DIR_IMPORT_NO_ORG_KEY);
            continue;
        }
        found = keyset_get(&org_keys, o.key);
        if (found < 0) {
            dir_org_check(db, a, &o, region, row, f, codes);
            orgs[norg].o = o;
            orgs[norg].row = row;
            keyset_put(&org_keys, o.key, norg);
            found = norg++;
        } else if (!same_org(&orgs[found].o, &o)) {
            dir_findings_add(a, f, row, "org_key",
                             arena_printf(a, T_DIR_IMPORT_ORG_DIFFERS, o.key,
                                          orgs[found].row));
        }
        if (*cell(fl, n, map, C_SERVICE_NAME) != '\0' ||
            *cell(fl, n, map, C_SERVICE_KEY) != '\0') {
            struct dir_service *s = &svcs[nsvc];

            s->key = cell(fl, n, map, C_SERVICE_KEY);
            s->name = cell(fl, n, map, C_SERVICE_NAME);
            s->description = cell(fl, n, map, C_SERVICE_DESCRIPTION);
            s->category = cell(fl, n, map, C_CATEGORY);
            s->targets = cell(fl, n, map, C_TARGETS);
            s->cost = cell(fl, n, map, C_COST);
            s->languages = cell(fl, n, map, C_LANGUAGES);
            s->how_to_apply = cell(fl, n, map, C_HOW_TO_APPLY);
            s->phone = cell(fl, n, map, C_SERVICE_PHONE);
            s->hours = cell(fl, n, map, C_SERVICE_HOURS);
            s->coverage = cell(fl, n, map, C_COVERAGE);
            dir_service_check(db, a, s, row, f, codes);
            if (*s->key != '\0' && keyset_get(&svc_keys, s->key) >= 0) {
                dir_findings_add(
                    a, f, row, "service_key",
                    arena_printf(a, T_DIR_IMPORT_SERVICE_TWICE, s->key));
            } else if (*s->key != '\0') {
                keyset_put(&svc_keys, s->key, nsvc);
            }
            svc_org[nsvc++] = found;
        }
    }
    for (i = 0; i < norg; i++) {
        const char *pk = orgs[i].o.parent_key;
        int parent = *pk == '\0' ? -1 : keyset_get(&org_keys, pk);
        bool known = *pk == '\0' || (parent >= 0 && parent != i);

        if (!known) {
            dir_findings_add(a, f, orgs[i].row, "parent_key",
                             arena_printf(a, T_DIR_IMPORT_NO_PARENT, pk));
        }
    }
    if (f->n > 0) {
        return ERR_INPUT;
    }

    /* Write: the region's directory is replaced in one transaction. */
    {
        struct import x = {
            .a = a,
            .region = region,
            .orgs = orgs,
            .svcs = svcs,
            .svc_org = svc_org,
            .norg = norg,
            .nsvc = nsvc,
            .org_keys = &org_keys,
        };

        if ((rc = audit_change(db, who, "directory.import", "dir_org",
                               import_write, &x)) != 0) {
            return rc;
        }
    }
    *norgs = norg;
    *nservices = nsvc;
    return 0;
}

/* --- HSDS ------------------------------------------------------------------
 */

struct hsds_file {
    const char *name;
    const char *const *fields;
    const char *description;
    struct buf b;
};

static const char *const f_orgs[] = {"id",           "name",  "alternate_name",
                                     "description",  "email", "url",
                                     "legal_status", NULL};
static const char *const f_services[] = {"id",
                                         "organization_id",
                                         "program_id",
                                         "name",
                                         "alternate_name",
                                         "description",
                                         "url",
                                         "email",
                                         "status",
                                         "interpretation_services",
                                         "application_process",
                                         "wait_time",
                                         "fees",
                                         "accreditations",
                                         "licenses",
                                         NULL};
static const char *const f_locations[] = {
    "id",          "organization_id", "name",     "alternate_name",
    "description", "transportation",  "latitude", "longitude",
    NULL};
static const char *const f_addresses[] = {
    "id",          "location_id", "attention", "address_1", "address_2",
    "address_3",   "address_4",   "city",      "region",    "state_province",
    "postal_code", "country",     NULL};
static const char *const f_phones[] = {"id",          "location_id",
                                       "service_id",  "organization_id",
                                       "contact_id",  "service_at_location_id",
                                       "number",      "extension",
                                       "type",        "language",
                                       "description", NULL};
static const char *const f_schedules[] = {
    "id",      "service_id", "location_id", "service_at_location_id",
    "weekday", "opens_at",   "closes_at",   "description",
    NULL};
static const char *const f_areas[] = {"id", "service_id", "service_area",
                                      "description", NULL};
static const char *const f_sal[] = {"id", "service_id", "location_id",
                                    "description", NULL};
static const char *const f_elig[] = {"id", "service_id", "eligibility", NULL};
static const char *const f_langs[] = {"id", "service_id", "location_id",
                                      "language", NULL};

enum {
    H_ORGS,
    H_SERVICES,
    H_LOCATIONS,
    H_ADDRESSES,
    H_PHONES,
    H_SCHEDULES,
    H_AREAS,
    H_SAL,
    H_ELIG,
    H_LANGS,
    H_COUNT
};

/* Write one CSV row of n values; bit i of numbers marks value i as a
 * number (latitude, weekday), the others are text. */
static void
row(struct buf *b, unsigned numbers, int n, ...)
{
    va_list ap;
    struct csv c;
    int i;

    csv_begin(&c, b, ',', DIR_CSV_FLAGS);
    va_start(ap, n);
    for (i = 0; i < n; i++) {
        const char *v = va_arg(ap, const char *);

        if (numbers & (1u << i)) {
            csv_num(&c, v);
        } else {
            csv_text(&c, v);
        }
    }
    va_end(ap);
    csv_row_end(&c);
}

static void
header(struct hsds_file *h)
{
    struct csv c;
    int i;

    csv_begin(&c, &h->b, ',', DIR_CSV_FLAGS);
    for (i = 0; h->fields[i] != NULL; i++) {
        csv_text(&c, h->fields[i]);
    }
    csv_row_end(&c);
}

/* Phones "a; b" of an owner: one row each. */
static void
phones(struct arena *a, struct buf *b, const char *list, const char *loc,
       const char *svc, const char *org, const char *desc, int *seq)
{
    char *copy = arena_strdup(a, list), *save = NULL, *num;

    for (num = strtok_r(copy, ";", &save); num != NULL;
         num = strtok_r(NULL, ";", &save)) {
        while (*num == ' ') {
            num++;
        }
        if (*num == '\0') {
            continue;
        }
        row(b, 0, 11, arena_printf(a, "phone-%d", ++*seq), loc, svc, org, "",
            "", num, "", "voice", "pl", desc);
    }
}

static void
schedules(struct arena *a, struct buf *b, const char *spec, const char *svc,
          const char *loc, int *seq)
{
    struct dir_hours h;
    const char *why;
    int i;

    if (spec == NULL || *spec == '\0' ||
        dir_hours_parse(a, spec, &h, &why) != 0) {
        return;
    }
    for (i = 0; i < h.n; i++) {
        const struct dir_span *s = &h.span[i];

        row(b, 1u << 4, 8, arena_printf(a, "schedule-%d", ++*seq), svc, loc, "",
            arena_printf(a, "%d", s->day + 1),
            arena_printf(a, "%02d:%02d", s->open / 60, s->open % 60),
            arena_printf(a, "%02d:%02d", s->close / 60 % 24, s->close % 60),
            spec);
    }
}

static void
datapackage(struct buf *out, struct hsds_file *files)
{
    struct json j;
    int i, k;

    json_init(&j, out);
    json_obj_begin(&j);
    json_kstr(&j, "name", "rodzina-katalog-uslug");
    json_kstr(&j, "title", T_DIR_HSDS_TITLE);
    json_kstr(&j, "profile", "tabular-data-package");
    json_kstr(&j, "description", T_DIR_HSDS_DESCRIPTION);
    json_key(&j, "resources");
    json_arr_begin(&j);
    for (i = 0; i < H_COUNT; i++) {
        json_obj_begin(&j);
        json_kstr(&j, "name", files[i].description);
        json_kstr(&j, "path", files[i].name);
        json_kstr(&j, "format", "csv");
        json_kstr(&j, "mediatype", "text/csv");
        json_kstr(&j, "encoding", "utf-8");
        json_key(&j, "schema");
        json_obj_begin(&j);
        json_key(&j, "fields");
        json_arr_begin(&j);
        for (k = 0; files[i].fields[k] != NULL; k++) {
            json_obj_begin(&j);
            json_kstr(&j, "name", files[i].fields[k]);
            json_kstr(&j, "type",
                      strcmp(files[i].fields[k], "latitude") == 0 ||
                              strcmp(files[i].fields[k], "longitude") == 0
                          ? "number"
                      : strcmp(files[i].fields[k], "weekday") == 0 ? "integer"
                                                                   : "string");
            json_obj_end(&j);
        }
        json_arr_end(&j);
        json_kstr(&j, "primaryKey", "id");
        json_obj_end(&j);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}

/* Fill the CSV files from the store. */
static int
hsds_fill(struct db *db, struct arena *a, struct hsds_file *h)
{
    db_stmt *st;
    int rc, seq_phone = 0, seq_sched = 0, seq = 0;

    st = dir_store_hsds(db, DIR_HSDS_ORGS);
    while ((rc = db_step(st)) == DB_ROW) {
        const char *desc = db_col_text(st, 2);

        if (db_col_int(st, 6)) {
            desc = arena_printf(a, "%s%s(" T_DIR_EXAMPLE ")", desc,
                                *desc ? " " : "");
        }
        row(&h[H_ORGS].b, 0, 7,
            arena_printf(a, "org-%lld", (long long)db_col_int(st, 0)),
            db_col_text(st, 1), "", desc, db_col_text(st, 3),
            db_col_text(st, 4), dir_kind_label(db_col_text(st, 5)));
    }
    db_done(st);
    if (rc != DB_DONE) {
        return rc;
    }
    st = dir_store_hsds(db, DIR_HSDS_LOCATIONS);
    while ((rc = db_step(st)) == DB_ROW) {
        const char *id = arena_printf(a, "%lld", (long long)db_col_int(st, 0));
        const char *loc = arena_printf(a, "loc-%s", id);
        bool secret = db_col_int(st, 2) != 0;

        row(&h[H_LOCATIONS].b, 3u << 6, 8, loc, arena_printf(a, "org-%s", id),
            secret ? T_DIR_HSDS_SECRET_LOCATION : db_col_text(st, 1), "",
            secret ? T_DIR_HSDS_SECRET_ADDRESS : "", "",
            secret ? "" : db_col_text(st, 3), secret ? "" : db_col_text(st, 4));
        if (!secret && (*db_col_text(st, 5) || *db_col_text(st, 7))) {
            row(&h[H_ADDRESSES].b, 0, 12, arena_printf(a, "addr-%s", id), loc,
                "", db_col_text(st, 5), "", "", "", db_col_text(st, 7),
                db_col_text(st, 11), db_col_text(st, 8), db_col_text(st, 6),
                "PL");
        }
        phones(a, &h[H_PHONES].b, db_col_text(st, 9), loc, "",
               arena_printf(a, "org-%s", id), "", &seq_phone);
        schedules(a, &h[H_SCHEDULES].b, db_col_text(st, 10), "", loc,
                  &seq_sched);
    }
    db_done(st);
    if (rc != DB_DONE) {
        return rc;
    }
    st = dir_store_hsds(db, DIR_HSDS_SERVICES);
    while ((rc = db_step(st)) == DB_ROW) {
        const char *id = arena_printf(a, "%lld", (long long)db_col_int(st, 0));
        const char *svc = arena_printf(a, "svc-%s", id);
        const char *org = arena_printf(a, "%lld", (long long)db_col_int(st, 1));
        char *langs, *save = NULL, *l;

        row(&h[H_SERVICES].b, 0, 15, svc, arena_printf(a, "org-%s", org), "",
            db_col_text(st, 2), "", db_col_text(st, 3), db_col_text(st, 10),
            db_col_text(st, 4), "active", "", db_col_text(st, 5), "",
            db_col_text(st, 6), "", "");
        row(&h[H_SAL].b, 0, 4, arena_printf(a, "sal-%s", id), svc,
            arena_printf(a, "loc-%s", org), "");
        phones(a, &h[H_PHONES].b, db_col_text(st, 8), "", svc, "", "",
               &seq_phone);
        schedules(a, &h[H_SCHEDULES].b, db_col_text(st, 9), svc, "",
                  &seq_sched);
        langs = arena_strdup(a, db_col_text(st, 7));
        for (l = strtok_r(langs, ",;", &save); l != NULL;
             l = strtok_r(NULL, ",;", &save)) {
            while (*l == ' ') {
                l++;
            }
            if (*l != '\0') {
                row(&h[H_LANGS].b, 0, 4, arena_printf(a, "lang-%d", ++seq), svc,
                    "", l);
            }
        }
    }
    db_done(st);
    if (rc != DB_DONE) {
        return rc;
    }
    seq = 0;
    st = dir_store_hsds(db, DIR_HSDS_AREAS);
    while ((rc = db_step(st)) == DB_ROW) {
        const char *level = db_col_text(st, 1);

        row(&h[H_AREAS].b, 0, 4, arena_printf(a, "area-%d", ++seq),
            arena_printf(a, "svc-%lld", (long long)db_col_int(st, 0)),
            db_col_text(st, 3),
            arena_printf(a, "%s TERYT %s",
                         level[0] == 'g'   ? T_DIR_AREA_GMINA
                         : level[0] == 'p' ? T_DIR_AREA_POWIAT
                                           : T_DIR_AREA_REGION,
                         db_col_text(st, 2)));
    }
    db_done(st);
    if (rc != DB_DONE) {
        return rc;
    }
    seq = 0;
    st = dir_store_hsds(db, DIR_HSDS_ELIGIBILITY);
    while ((rc = db_step(st)) == DB_ROW) {
        row(&h[H_ELIG].b, 0, 3, arena_printf(a, "elig-%d", ++seq),
            arena_printf(a, "svc-%lld", (long long)db_col_int(st, 0)),
            db_col_text(st, 2));
    }
    db_done(st);
    return rc == DB_DONE ? 0 : rc;
}

int
dir_export_hsds(struct db *db, struct arena *a, char **zip, size_t *len)
{
    struct hsds_file h[H_COUNT] = {
        {"organizations.csv", f_orgs, "organizations", {0}},
        {"services.csv", f_services, "services", {0}},
        {"locations.csv", f_locations, "locations", {0}},
        {"physical_addresses.csv", f_addresses, "physical_addresses", {0}},
        {"phones.csv", f_phones, "phones", {0}},
        {"regular_schedules.csv", f_schedules, "regular_schedules", {0}},
        {"service_areas.csv", f_areas, "service_areas", {0}},
        {"service_at_location.csv", f_sal, "service_at_location", {0}},
        {"eligibility.csv", f_elig, "eligibility", {0}},
        {"languages.csv", f_langs, "languages", {0}},
    };
    struct buf pkg;
    zip_error_t ze;
    zip_source_t *src = NULL;
    zip_t *z = NULL;
    zip_int64_t size;
    int i, rc = ERR_IO;

    *zip = NULL;
    *len = 0;
    buf_init(&pkg);
    for (i = 0; i < H_COUNT; i++) {
        buf_init(&h[i].b);
        header(&h[i]);
    }
    if ((rc = hsds_fill(db, a, h)) != 0) {
        goto done;
    }
    datapackage(&pkg, h);
    rc = ERR_IO;
    zip_error_init(&ze);
    src = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (src == NULL) {
        goto done;
    }
    zip_source_keep(src);
    if ((z = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL) {
        goto done;
    }
    for (i = 0; i <= H_COUNT; i++) {
        const struct buf *b = i < H_COUNT ? &h[i].b : &pkg;
        zip_source_t *fs = zip_source_buffer(z, b->data, b->len, 0);

        if (fs == NULL ||
            zip_file_add(z, i < H_COUNT ? h[i].name : "datapackage.json", fs,
                         ZIP_FL_ENC_UTF_8) < 0) {
            zip_source_free(fs);
            zip_discard(z);
            z = NULL;
            goto done;
        }
    }
    if (zip_close(z) != 0) {
        log_error("directory: hsds zip: %s", zip_strerror(z));
        zip_discard(z);
        z = NULL;
        goto done;
    }
    z = NULL;
    if (zip_source_open(src) != 0 || zip_source_seek(src, 0, SEEK_END) != 0 ||
        (size = zip_source_tell(src)) < 0 ||
        zip_source_seek(src, 0, SEEK_SET) != 0) {
        goto done;
    }
    *zip = xmalloc((size_t)size + 1);
    if (zip_source_read(src, *zip, (zip_uint64_t)size) != size) {
        free(*zip);
        *zip = NULL;
        zip_source_close(src);
        goto done;
    }
    zip_source_close(src);
    *len = (size_t)size;
    rc = 0;
done:
    if (src != NULL) {
        zip_source_free(src);
    }
    for (i = 0; i < H_COUNT; i++) {
        buf_free(&h[i].b);
    }
    buf_free(&pkg);
    return rc;
}
