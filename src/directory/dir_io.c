/*
** The directory in files: CSV export and import of the whole directory
** (one row per service; the institution's columns repeat on each of its
** rows); the Open Referral HSDS export is dir_hsds.c's. Import is parse,
** check, write: nothing is written when any row has a finding.
*/
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/stop.h"
#include "db/db.h"
#include "directory/strings_pl.h"
#include "directory.h"

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
    C_ORG_UUID,
    C_SERVICE_UUID,
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
    "verify",        "org_uuid",     "service_uuid",
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
            v[C_SERVICE_UUID] = db_col_text_dup(a, st, 30);
        }
        v[C_SOURCE] = db_col_text_dup(a, st, 27);
        v[C_VERIFY] = db_col_text_dup(a, st, 28);
        v[C_ORG_UUID] = db_col_text_dup(a, st, 29);
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
           strcmp(x->uuid, y->uuid) == 0 && x->confidential == y->confidential;
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

/*
** The UUID cell of a row: "" (a new one is made), or a UUID in any case,
** returned in lower case; NULL when it is not a UUID.
*/
static const char *
uuid_cell(struct arena *a, const char *s)
{
    char *u;
    int i;

    if (*s == '\0') {
        return s;
    }
    if (strlen(s) != 36) {
        return NULL;
    }
    u = arena_strdup(a, s);
    for (i = 0; i < 36; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;

        if (dash ? u[i] != '-' : !isxdigit((unsigned char)u[i])) {
            return NULL;
        }
        u[i] = (char)tolower((unsigned char)u[i]);
    }
    return u;
}

/* Check a row's UUID cell and that no other record of the file has it. */
static const char *
uuid_check(struct arena *a, struct keyset *seen, const char *cellv, int row,
           const char *column, int owner, struct dir_findings *f)
{
    const char *u = uuid_cell(a, cellv);
    int k;

    if (u == NULL) {
        dir_findings_add(a, f, row, column,
                         arena_printf(a, T_DIR_IMPORT_UUID, cellv));
        return "";
    }
    if (*u != '\0') {
        k = keyset_get(seen, u);
        if (k >= 0 && k != owner) {
            dir_findings_add(a, f, row, column,
                             arena_printf(a, T_DIR_IMPORT_UUID_TWICE, u));
        }
        keyset_put(seen, u, owner);
    }
    return u;
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

/* The rows of the file replace the region's directory: the file's keys
** ("o12", "s7") are the ids wanted. */
static int
import_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct import *x = ctx;
    struct dir_org *o = arena_alloc(x->a, sizeof(*o) * (size_t)(x->norg + 1));
    int *parent = arena_alloc(x->a, sizeof(*parent) * (size_t)(x->norg + 1));
    int i, rc;

    for (i = 0; i < x->norg; i++) {
        const char *pk = x->orgs[i].o.parent_key;

        o[i] = x->orgs[i].o;
        o[i].id = key_id(o[i].key, 'o');
        o[i].parent_id = 0;
        parent[i] = *pk == '\0' ? -1 : keyset_get(x->org_keys, pk);
    }
    for (i = 0; i < x->nsvc; i++) {
        x->svcs[i].id = key_id(x->svcs[i].key, 's');
    }
    rc = dir_store_import(db, x->a, x->region, o, parent, x->norg, x->svcs,
                          x->svc_org, x->nsvc);
    if (rc != 0) {
        return rc;
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
    struct keyset org_keys, svc_keys, uuids;
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
    keyset_init(a, &uuids, 2 * nrows);
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
        o.uuid = cell(fl, n, map, C_ORG_UUID);
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
            o.uuid = uuid_check(a, &uuids, o.uuid, row, "org_uuid", i, f);
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
            s->uuid = uuid_check(a, &uuids, cell(fl, n, map, C_SERVICE_UUID),
                                 row, "service_uuid", nrows + i, f);
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
