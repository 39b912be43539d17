/*
** The directory as Open Referral HSDS 3.0: the tabular data package
** (/uslugi/hsds.zip) and the HSDS API's lists of services and
** service-at-locations (/hsds/...). Field lists, types and constraints are
** the specification's own (datapackage.json of HSDS 3.0.0, kept with its
** licence in tests/fixtures/hsds/, where the tests validate against it).
** The store gives the rows (dir_store.c); nothing here writes.
*/
#include <sodium.h>
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
#include "core/str.h"
#include "core/warsaw.h"
#include "db/db.h"
#include "directory/strings_pl.h"
#include "directory.h"
#include "http/http.h"
#include "modules_handlers.h"
#include "teryt/teryt.h"

/* --- the specification's tables --------------------------------------- */

enum hsds_type {
    HT_STRING,
    HT_NUMBER,
    HT_INTEGER,
    HT_BOOLEAN,
    HT_DATE,
    HT_TIME,
    HT_DATETIME,
};

static const char *const type_names[] = {
    "string", "number", "integer", "boolean", "date", "time", "datetime",
};

enum { HF_REQUIRED = 1, HF_UNIQUE = 2 };

struct hsds_field {
    const char *name;
    enum hsds_type type;
    const char *format; /* "uuid", "email", "uri" or NULL */
    unsigned flags;
    const char *enums; /* allowed values separated by '|', or NULL */
};

/* A foreign key: field -> the id of resource. */
struct hsds_fk {
    const char *field, *resource;
};

static const struct hsds_field f_organization[] = {
    {"id", HT_STRING, "uuid", HF_REQUIRED | HF_UNIQUE, NULL},
    {"name", HT_STRING, NULL, HF_REQUIRED, NULL},
    {"alternate_name", HT_STRING, NULL, 0, NULL},
    {"description", HT_STRING, NULL, HF_REQUIRED, NULL},
    {"email", HT_STRING, "email", 0, NULL},
    {"website", HT_STRING, "uri", 0, NULL},
    {"tax_status", HT_STRING, NULL, 0, NULL},
    {"tax_id", HT_STRING, NULL, 0, NULL},
    {"year_incorporated", HT_NUMBER, NULL, 0, NULL},
    {"legal_status", HT_STRING, NULL, 0, NULL},
    {"logo", HT_STRING, NULL, 0, NULL},
    {"uri", HT_STRING, "uri", 0, NULL},
    {"parent_organization_id", HT_STRING, "uuid", 0, NULL},
    {NULL, 0, NULL, 0, NULL},
};
static const struct hsds_fk k_organization[] = {
    {NULL, NULL},
};
static const struct hsds_field f_service[] = {
    {"id", HT_STRING, "uuid", HF_REQUIRED | HF_UNIQUE, NULL},
    {"organization_id", HT_STRING, "uuid", HF_REQUIRED, NULL},
    {"program_id", HT_STRING, "uuid", 0, NULL},
    {"name", HT_STRING, NULL, HF_REQUIRED, NULL},
    {"alternate_name", HT_STRING, NULL, 0, NULL},
    {"description", HT_STRING, NULL, 0, NULL},
    {"url", HT_STRING, "uri", 0, NULL},
    {"email", HT_STRING, "email", 0, NULL},
    {"status", HT_STRING, NULL, HF_REQUIRED,
     "active|inactive|defunct|temporarily closed"},
    {"interpretation_services", HT_STRING, NULL, 0, NULL},
    {"application_process", HT_STRING, NULL, 0, NULL},
    {"fees_description", HT_STRING, NULL, 0, NULL},
    {"wait_time", HT_STRING, NULL, 0, NULL},
    {"fees", HT_STRING, NULL, 0, NULL},
    {"accreditations", HT_STRING, NULL, 0, NULL},
    {"eligibility_description", HT_STRING, NULL, 0, NULL},
    {"minimum_age", HT_NUMBER, NULL, 0, NULL},
    {"maximum_age", HT_NUMBER, NULL, 0, NULL},
    {"assured_date", HT_DATE, NULL, 0, NULL},
    {"assurer_email", HT_STRING, "email", 0, NULL},
    {"licenses", HT_STRING, NULL, 0, NULL},
    {"alert", HT_STRING, NULL, 0, NULL},
    {"last_modified", HT_DATETIME, NULL, 0, NULL},
    {NULL, 0, NULL, 0, NULL},
};
static const struct hsds_fk k_service[] = {
    {"organization_id", "organization"},
    {"program_id", "program"},
    {NULL, NULL},
};
static const struct hsds_field f_attribute[] = {
    {"id", HT_STRING, "uuid", HF_REQUIRED | HF_UNIQUE, NULL},
    {"link_id", HT_STRING, "uuid", HF_REQUIRED, NULL},
    {"taxonomy_term_id", HT_STRING, "uuid", HF_REQUIRED, NULL},
    {"link_type", HT_STRING, NULL, 0, NULL},
    {"link_entity", HT_STRING, NULL, HF_REQUIRED, NULL},
    {"value", HT_STRING, NULL, 0, NULL},
    {NULL, 0, NULL, 0, NULL},
};
static const struct hsds_fk k_attribute[] = {
    {"taxonomy_term_id", "taxonomy_term"},
    {NULL, NULL},
};
static const struct hsds_field f_service_at_location[] = {
    {"id", HT_STRING, "uuid", HF_REQUIRED | HF_UNIQUE, NULL},
    {"service_id", HT_STRING, "uuid", HF_REQUIRED, NULL},
    {"location_id", HT_STRING, "uuid", HF_REQUIRED, NULL},
    {"description", HT_STRING, NULL, 0, NULL},
    {NULL, 0, NULL, 0, NULL},
};
static const struct hsds_fk k_service_at_location[] = {
    {"service_id", "service"},
    {"location_id", "location"},
    {NULL, NULL},
};
static const struct hsds_field f_location[] = {
    {"id", HT_STRING, "uuid", HF_REQUIRED | HF_UNIQUE, NULL},
    {"location_type", HT_STRING, NULL, HF_REQUIRED, "physical|postal|virtual"},
    {"url", HT_STRING, "uri", 0, NULL},
    {"organization_id", HT_STRING, "uuid", 0, NULL},
    {"name", HT_STRING, NULL, 0, NULL},
    {"alternate_name", HT_STRING, NULL, 0, NULL},
    {"description", HT_STRING, NULL, 0, NULL},
    {"transportation", HT_STRING, NULL, 0, NULL},
    {"latitude", HT_NUMBER, NULL, 0, NULL},
    {"longitude", HT_NUMBER, NULL, 0, NULL},
    {"external_identifier", HT_STRING, NULL, 0, NULL},
    {"external_identifier_type", HT_STRING, NULL, 0, NULL},
    {NULL, 0, NULL, 0, NULL},
};
static const struct hsds_fk k_location[] = {
    {"organization_id", "organization"},
    {NULL, NULL},
};
static const struct hsds_field f_phone[] = {
    {"id", HT_STRING, "uuid", HF_REQUIRED | HF_UNIQUE, NULL},
    {"location_id", HT_STRING, "uuid", 0, NULL},
    {"service_id", HT_STRING, "uuid", 0, NULL},
    {"organization_id", HT_STRING, "uuid", 0, NULL},
    {"contact_id", HT_STRING, "uuid", 0, NULL},
    {"service_at_location_id", HT_STRING, "uuid", 0, NULL},
    {"number", HT_STRING, NULL, HF_REQUIRED, NULL},
    {"extension", HT_NUMBER, NULL, 0, NULL},
    {"type", HT_STRING, NULL, 0, NULL},
    {"description", HT_STRING, NULL, 0, NULL},
    {NULL, 0, NULL, 0, NULL},
};
static const struct hsds_fk k_phone[] = {
    {"contact_id", "contact"},
    {"location_id", "location"},
    {"organization_id", "organization"},
    {"service_id", "service"},
    {"service_at_location_id", "service_at_location"},
    {NULL, NULL},
};
static const struct hsds_field f_address[] = {
    {"id", HT_STRING, "uuid", HF_REQUIRED | HF_UNIQUE, NULL},
    {"location_id", HT_STRING, "uuid", 0, NULL},
    {"attention", HT_STRING, NULL, 0, NULL},
    {"address_1", HT_STRING, NULL, HF_REQUIRED, NULL},
    {"address_2", HT_STRING, NULL, 0, NULL},
    {"city", HT_STRING, NULL, HF_REQUIRED, NULL},
    {"region", HT_STRING, NULL, 0, NULL},
    {"state_province", HT_STRING, NULL, HF_REQUIRED, NULL},
    {"postal_code", HT_STRING, NULL, HF_REQUIRED, NULL},
    {"country", HT_STRING, NULL, HF_REQUIRED, NULL},
    {"address_type", HT_STRING, NULL, HF_REQUIRED, "physical|postal|virtual"},
    {NULL, 0, NULL, 0, NULL},
};
static const struct hsds_fk k_address[] = {
    {"location_id", "location"},
    {NULL, NULL},
};
static const struct hsds_field f_schedule[] = {
    {"id", HT_STRING, "uuid", HF_REQUIRED | HF_UNIQUE, NULL},
    {"service_id", HT_STRING, "uuid", 0, NULL},
    {"location_id", HT_STRING, "uuid", 0, NULL},
    {"service_at_location_id", HT_STRING, "uuid", 0, NULL},
    {"valid_from", HT_DATE, NULL, 0, NULL},
    {"valid_to", HT_DATE, NULL, 0, NULL},
    {"dtstart", HT_DATE, NULL, 0, NULL},
    {"timezone", HT_NUMBER, NULL, 0, NULL},
    {"until", HT_DATE, NULL, 0, NULL},
    {"count", HT_NUMBER, NULL, 0, NULL},
    {"wkst", HT_STRING, NULL, 0, "MO|TU|WE|TH|FR|SA|SU"},
    {"freq", HT_STRING, NULL, 0, "WEEKLY|MONTHLY"},
    {"interval", HT_NUMBER, NULL, 0, NULL},
    {"byday", HT_STRING, NULL, 0, NULL},
    {"byweekno", HT_STRING, NULL, 0, NULL},
    {"bymonthday", HT_STRING, NULL, 0, NULL},
    {"byyearday", HT_STRING, NULL, 0, NULL},
    {"description", HT_STRING, NULL, 0, NULL},
    {"opens_at", HT_TIME, NULL, 0, NULL},
    {"closes_at", HT_TIME, NULL, 0, NULL},
    {"schedule_link", HT_STRING, "uri", 0, NULL},
    {"attending_type", HT_STRING, NULL, 0, NULL},
    {"notes", HT_STRING, NULL, 0, NULL},
    {NULL, 0, NULL, 0, NULL},
};
static const struct hsds_fk k_schedule[] = {
    {"location_id", "location"},
    {"service_id", "service"},
    {"service_at_location_id", "service_at_location"},
    {NULL, NULL},
};
static const struct hsds_field f_service_area[] = {
    {"id", HT_STRING, "uuid", HF_REQUIRED | HF_UNIQUE, NULL},
    {"service_id", HT_STRING, "uuid", 0, NULL},
    {"name", HT_STRING, NULL, 0, NULL},
    {"description", HT_STRING, NULL, 0, NULL},
    {"extent", HT_STRING, NULL, 0, NULL},
    {"extent_type", HT_STRING, NULL, 0, NULL},
    {"uri", HT_STRING, NULL, 0, NULL},
    {NULL, 0, NULL, 0, NULL},
};
static const struct hsds_fk k_service_area[] = {
    {"service_id", "service"},
    {NULL, NULL},
};
static const struct hsds_field f_language[] = {
    {"id", HT_STRING, "uuid", HF_REQUIRED | HF_UNIQUE, NULL},
    {"service_id", HT_STRING, "uuid", 0, NULL},
    {"location_id", HT_STRING, "uuid", 0, NULL},
    {"phone_id", HT_STRING, "uuid", 0, NULL},
    {"name", HT_STRING, NULL, 0, NULL},
    {"code", HT_STRING, NULL, 0, NULL},
    {"note", HT_STRING, NULL, 0, NULL},
    {NULL, 0, NULL, 0, NULL},
};
static const struct hsds_fk k_language[] = {
    {"location_id", "location"},
    {"phone_id", "phone"},
    {"service_id", "service"},
    {NULL, NULL},
};
static const struct hsds_field f_taxonomy_term[] = {
    {"id", HT_STRING, "uuid", HF_REQUIRED | HF_UNIQUE, NULL},
    {"code", HT_STRING, NULL, HF_UNIQUE, NULL},
    {"name", HT_STRING, NULL, HF_REQUIRED, NULL},
    {"description", HT_STRING, NULL, HF_REQUIRED, NULL},
    {"parent_id", HT_STRING, "uuid", 0, NULL},
    {"taxonomy", HT_STRING, NULL, 0, NULL},
    {"language", HT_STRING, NULL, 0, NULL},
    {"taxonomy_id", HT_STRING, "uuid", 0, NULL},
    {"term_uri", HT_STRING, "uri", 0, NULL},
    {NULL, 0, NULL, 0, NULL},
};
static const struct hsds_fk k_taxonomy_term[] = {
    {"taxonomy_id", "taxonomy"},
    {NULL, NULL},
};
static const struct hsds_field f_taxonomy[] = {
    {"id", HT_STRING, "uuid", HF_REQUIRED | HF_UNIQUE, NULL},
    {"name", HT_STRING, NULL, HF_REQUIRED, NULL},
    {"description", HT_STRING, NULL, HF_REQUIRED, NULL},
    {"uri", HT_STRING, "uri", 0, NULL},
    {"version", HT_STRING, NULL, 0, NULL},
    {NULL, 0, NULL, 0, NULL},
};
static const struct hsds_fk k_taxonomy[] = {
    {NULL, NULL},
};

struct hsds_res {
    const char *name, *path;
    const struct hsds_field *f;
    const struct hsds_fk *fk;
};

/* The resources of the package, in the specification's order. */
enum {
    R_ORG,
    R_SERVICE,
    R_ATTRIBUTE,
    R_SAL,
    R_LOCATION,
    R_PHONE,
    R_ADDRESS,
    R_SCHEDULE,
    R_AREA,
    R_LANGUAGE,
    R_TERM,
    R_TAXONOMY,
    R_COUNT
};

static const struct hsds_res res[R_COUNT] = {
    [R_ORG] = {"organization", "organizations.csv", f_organization,
               k_organization},
    [R_SERVICE] = {"service", "services.csv", f_service, k_service},
    [R_ATTRIBUTE] = {"attribute", "attributes.csv", f_attribute, k_attribute},
    [R_SAL] = {"service_at_location", "service_at_location.csv",
               f_service_at_location, k_service_at_location},
    [R_LOCATION] = {"location", "locations.csv", f_location, k_location},
    [R_PHONE] = {"phone", "phones.csv", f_phone, k_phone},
    [R_ADDRESS] = {"address", "addresses.csv", f_address, k_address},
    [R_SCHEDULE] = {"schedule", "schedules.csv", f_schedule, k_schedule},
    [R_AREA] = {"service_area", "service_areas.csv", f_service_area,
                k_service_area},
    [R_LANGUAGE] = {"language", "languages.csv", f_language, k_language},
    [R_TERM] = {"taxonomy_term", "taxonomy_terms.csv", f_taxonomy_term,
                k_taxonomy_term},
    [R_TAXONOMY] = {"taxonomy", "taxonomies.csv", f_taxonomy, k_taxonomy},
};

/* Fields of a resource at most (schedule has 23). */
#define HSDS_MAX_FIELDS 32

/* Namespace of the records derived from no stored one (the taxonomies). */
#define HSDS_NS "rodzina-hsds-3"

/*
** The UUID of a record derived from a stored one (base, a UUID) and what
** it is ("location", "phone:52 123 45 67"): the first 16 bytes of the
** BLAKE2b hash of both, as a version 8 UUID (RFC 9562, custom), so the
** same record gets the same UUID in every export.
*/
static const char *
derived_uuid(struct arena *a, const char *base, const char *what)
{
    unsigned char h[16];
    crypto_generichash_state s;
    char *out = arena_alloc(a, 37);

    crypto_generichash_init(&s, NULL, 0, sizeof(h));
    crypto_generichash_update(&s, (const unsigned char *)base, strlen(base));
    crypto_generichash_update(&s, (const unsigned char *)"/", 1);
    crypto_generichash_update(&s, (const unsigned char *)what, strlen(what));
    crypto_generichash_final(&s, h, sizeof(h));
    h[6] = (unsigned char)((h[6] & 0x0f) | 0x80);
    h[8] = (unsigned char)((h[8] & 0x3f) | 0x80);
    snprintf(out, 37,
             "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
             "%02x%02x%02x%02x%02x%02x",
             h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], h[9], h[10],
             h[11], h[12], h[13], h[14], h[15]);
    return out;
}

/* The stable UUIDs of what has none stored. */
static const char *
location_uuid(struct arena *a, const char *org_uuid)
{
    return derived_uuid(a, org_uuid, "location");
}

static const char *
sal_uuid(struct arena *a, const char *service_uuid)
{
    return derived_uuid(a, service_uuid, "service_at_location");
}

/* which 0: the categories, 1: the target groups. */
static const char *
taxonomy_uuid(struct arena *a, int which)
{
    return derived_uuid(a, HSDS_NS,
                        which == 0 ? "taxonomy:category" : "taxonomy:target");
}

static const char *
term_uuid(struct arena *a, int which, const char *code)
{
    return derived_uuid(
        a, HSDS_NS,
        arena_printf(a, "%s:%s", which == 0 ? "category" : "target", code));
}

/* A web address as a URI: "www.x.pl" gets "https://"; "" stays "". */
static const char *
uri(struct arena *a, const char *web)
{
    if (*web == '\0' || strstr(web, "://") != NULL) {
        return web;
    }
    return arena_printf(a, "https://%s", web);
}

/* --- rows ----------------------------------------------------------------- */

/* One row of a resource, its values by field position (NULL: empty). */
struct hrow {
    int r;
    const char *v[HSDS_MAX_FIELDS];
};

static void
row_begin(struct hrow *h, int r)
{
    memset(h, 0, sizeof(*h));
    h->r = r;
}

/* Set field name of the row; a name the resource lacks is a bug. */
static void
put(struct hrow *h, const char *name, const char *value)
{
    const struct hsds_field *f = res[h->r].f;
    int i;

    for (i = 0; f[i].name != NULL; i++) {
        if (strcmp(f[i].name, name) == 0) {
            h->v[i] = value;
            return;
        }
    }
    log_error("directory: hsds: no field %s in %s", name, res[h->r].name);
    abort();
}

/* The package being written: one CSV per resource. */
struct pkg {
    struct arena *a;
    struct buf csv[R_COUNT];
};

static void
emit(struct pkg *p, const struct hrow *h)
{
    const struct hsds_field *f = res[h->r].f;
    struct csv c;
    int i;

    csv_begin(&c, &p->csv[h->r], ',', DIR_CSV_FLAGS);
    for (i = 0; f[i].name != NULL; i++) {
        if (f[i].type == HT_NUMBER || f[i].type == HT_INTEGER) {
            csv_num(&c, h->v[i]);
        } else {
            csv_text(&c, h->v[i]);
        }
    }
    csv_row_end(&c);
}

/* Phones "a; b" of an owner (field owner_field = owner): one row each. */
static void
phones(struct pkg *p, const char *list, const char *owner_field,
       const char *owner, const char *org)
{
    char *copy = arena_strdup(p->a, list), *save = NULL, *num;
    struct hrow h;

    for (num = strtok_r(copy, ";", &save); num != NULL;
         num = strtok_r(NULL, ";", &save)) {
        while (*num == ' ') {
            num++;
        }
        if (*num == '\0') {
            continue;
        }
        row_begin(&h, R_PHONE);
        put(&h, "id",
            derived_uuid(p->a, owner, arena_printf(p->a, "phone:%s", num)));
        put(&h, owner_field, owner);
        if (org != NULL) {
            put(&h, "organization_id", org);
        }
        put(&h, "number", num);
        put(&h, "type", "voice");
        emit(p, &h);
    }
}

/* Opening hours as weekly schedules (RFC 5545 terms), one per span, in
 * local time (Europe/Warsaw); the spec's text stays as the description. */
static void
schedules(struct pkg *p, const char *spec, const char *owner_field,
          const char *owner)
{
    static const char *const days[] = {"MO", "TU", "WE", "TH",
                                       "FR", "SA", "SU"};
    struct dir_hours hrs;
    const char *why;
    struct hrow h;
    int i;

    if (spec == NULL || *spec == '\0' ||
        dir_hours_parse(p->a, spec, &hrs, &why) != 0) {
        return;
    }
    for (i = 0; i < hrs.n; i++) {
        const struct dir_span *s = &hrs.span[i];

        row_begin(&h, R_SCHEDULE);
        put(&h, "id",
            derived_uuid(p->a, owner, arena_printf(p->a, "schedule:%d", i)));
        put(&h, owner_field, owner);
        put(&h, "freq", "WEEKLY");
        put(&h, "wkst", "MO");
        put(&h, "byday", days[s->day]);
        put(&h, "opens_at",
            arena_printf(p->a, "%02d:%02d:00", s->open / 60, s->open % 60));
        put(&h, "closes_at",
            arena_printf(p->a, "%02d:%02d:00", s->close / 60 % 24,
                         s->close % 60));
        put(&h, "description", spec);
        put(&h, "notes", T_DIR_HSDS_SCHEDULE_NOTE);
        emit(p, &h);
    }
}

static int
fill_taxonomies(struct db *db, struct pkg *p)
{
    struct dir_choice *c;
    struct hrow h;
    int which, i, n;

    for (which = 0; which < 2; which++) {
        const char *tax = taxonomy_uuid(p->a, which);

        if ((n = dir_choices(db, p->a, which, &c)) < 0) {
            return n;
        }
        row_begin(&h, R_TAXONOMY);
        put(&h, "id", tax);
        put(&h, "name",
            which == 0 ? T_DIR_HSDS_TAX_CATEGORY : T_DIR_HSDS_TAX_TARGET);
        put(&h, "description",
            which == 0 ? T_DIR_HSDS_TAX_CATEGORY_DESC
                       : T_DIR_HSDS_TAX_TARGET_DESC);
        emit(p, &h);
        for (i = 0; i < n; i++) {
            row_begin(&h, R_TERM);
            put(&h, "id", term_uuid(p->a, which, c[i].code));
            /* unique in the table: both taxonomies have "przemoc" */
            put(&h, "code",
                arena_printf(p->a, "%s:%s", which == 0 ? "category" : "target",
                             c[i].code));
            put(&h, "name", c[i].name);
            put(&h, "description",
                arena_printf(p->a, "%s: %s",
                             which == 0 ? T_DIR_HSDS_TAX_CATEGORY
                                        : T_DIR_HSDS_TAX_TARGET,
                             c[i].name));
            put(&h, "taxonomy",
                which == 0 ? T_DIR_HSDS_TAX_CATEGORY : T_DIR_HSDS_TAX_TARGET);
            put(&h, "taxonomy_id", tax);
            put(&h, "language", "pl");
            emit(p, &h);
        }
    }
    return 0;
}

/* A service's attribute: its category (which 0) or a target group. */
static void
attribute(struct pkg *p, const char *service, int which, const char *code)
{
    struct hrow h;

    row_begin(&h, R_ATTRIBUTE);
    put(&h, "id",
        derived_uuid(p->a, service,
                     arena_printf(p->a, "attribute:%d:%s", which, code)));
    put(&h, "link_id", service);
    put(&h, "taxonomy_term_id", term_uuid(p->a, which, code));
    put(&h, "link_type", which == 0 ? "category" : "target_group");
    put(&h, "link_entity", "service");
    emit(p, &h);
}

static int
fill_orgs(struct db *db, struct pkg *p)
{
    db_stmt *st = dir_store_hsds(db, DIR_HSDS_ORGS);
    struct hrow h;
    int rc;

    while ((rc = db_step(st)) == DB_ROW) {
        const char *desc = db_col_text(st, 2);
        const char *kind = dir_kind_label(db_col_text(st, 5));

        /* the description is required: the kind says what it is */
        if (*desc == '\0') {
            desc = kind != NULL ? kind : db_col_text(st, 1);
        }
        if (db_col_int(st, 6)) {
            desc = arena_printf(p->a, "%s (" T_DIR_EXAMPLE ")", desc);
        }
        row_begin(&h, R_ORG);
        put(&h, "id", db_col_text_dup(p->a, st, 0));
        put(&h, "name", db_col_text_dup(p->a, st, 1));
        put(&h, "description", arena_strdup(p->a, desc));
        put(&h, "email", db_col_text_dup(p->a, st, 3));
        put(&h, "website", uri(p->a, db_col_text(st, 4)));
        put(&h, "legal_status", kind);
        put(&h, "parent_organization_id", db_col_text_dup(p->a, st, 7));
        emit(p, &h);
    }
    db_done(st);
    return rc == DB_DONE ? 0 : rc;
}

static int
fill_locations(struct db *db, struct pkg *p)
{
    db_stmt *st = dir_store_hsds(db, DIR_HSDS_LOCATIONS);
    struct hrow h;
    int rc;

    while ((rc = db_step(st)) == DB_ROW) {
        const char *org = db_col_text_dup(p->a, st, 0);
        const char *loc = location_uuid(p->a, org);
        const char *street = db_col_text(st, 5), *post = db_col_text(st, 6);
        const char *city = db_col_text(st, 7);
        bool secret = db_col_int(st, 2) != 0;

        row_begin(&h, R_LOCATION);
        put(&h, "id", loc);
        put(&h, "location_type", "physical");
        put(&h, "organization_id", org);
        if (secret) {
            /* a shelter: no address, no point, no gmina */
            put(&h, "name", T_DIR_HSDS_SECRET_LOCATION);
            put(&h, "description", T_DIR_HSDS_SECRET_ADDRESS);
        } else {
            put(&h, "name", db_col_text_dup(p->a, st, 1));
            put(&h, "latitude", db_col_text_dup(p->a, st, 3));
            put(&h, "longitude", db_col_text_dup(p->a, st, 4));
            put(&h, "external_identifier", db_col_text_dup(p->a, st, 12));
            put(&h, "external_identifier_type", "TERYT");
        }
        emit(p, &h);
        /* an address is given whole or not at all (its parts are required) */
        if (!secret && *street && *post && *city) {
            row_begin(&h, R_ADDRESS);
            put(&h, "id", derived_uuid(p->a, org, "address"));
            put(&h, "location_id", loc);
            put(&h, "address_1", arena_strdup(p->a, street));
            put(&h, "city", arena_strdup(p->a, city));
            put(&h, "region", db_col_text_dup(p->a, st, 11));
            put(&h, "state_province", db_col_text_dup(p->a, st, 8));
            put(&h, "postal_code", arena_strdup(p->a, post));
            put(&h, "country", "PL");
            put(&h, "address_type", "physical");
            emit(p, &h);
        }
        phones(p, db_col_text(st, 9), "location_id", loc, org);
        schedules(p, db_col_text(st, 10), "location_id", loc);
    }
    db_done(st);
    return rc == DB_DONE ? 0 : rc;
}

static int
fill_services(struct db *db, struct pkg *p)
{
    db_stmt *st = dir_store_hsds(db, DIR_HSDS_SERVICES);
    struct hrow h;
    int rc;

    while ((rc = db_step(st)) == DB_ROW) {
        const char *svc = db_col_text_dup(p->a, st, 0);
        const char *org = db_col_text_dup(p->a, st, 1);
        char *langs = db_col_text_dup(p->a, st, 7), *save = NULL, *l;

        row_begin(&h, R_SERVICE);
        put(&h, "id", svc);
        put(&h, "organization_id", org);
        put(&h, "name", db_col_text_dup(p->a, st, 2));
        put(&h, "description", db_col_text_dup(p->a, st, 3));
        put(&h, "url", uri(p->a, db_col_text(st, 10)));
        put(&h, "email", db_col_text_dup(p->a, st, 4));
        put(&h, "status", "active");
        put(&h, "application_process", db_col_text_dup(p->a, st, 5));
        put(&h, "fees_description", db_col_text_dup(p->a, st, 6));
        put(&h, "last_modified", db_col_text_dup(p->a, st, 11));
        emit(p, &h);
        attribute(p, svc, 0, db_col_text(st, 12));
        row_begin(&h, R_SAL);
        put(&h, "id", sal_uuid(p->a, svc));
        put(&h, "service_id", svc);
        put(&h, "location_id", location_uuid(p->a, org));
        emit(p, &h);
        phones(p, db_col_text(st, 8), "service_id", svc, NULL);
        schedules(p, db_col_text(st, 9), "service_id", svc);
        for (l = strtok_r(langs, ",;", &save); l != NULL;
             l = strtok_r(NULL, ",;", &save)) {
            while (*l == ' ') {
                l++;
            }
            if (*l == '\0') {
                continue;
            }
            row_begin(&h, R_LANGUAGE);
            put(&h, "id",
                derived_uuid(p->a, svc, arena_printf(p->a, "language:%s", l)));
            put(&h, "service_id", svc);
            put(&h, "name", l);
            emit(p, &h);
        }
    }
    db_done(st);
    return rc == DB_DONE ? 0 : rc;
}

static int
fill_areas_targets(struct db *db, struct pkg *p)
{
    db_stmt *st = dir_store_hsds(db, DIR_HSDS_AREAS);
    struct hrow h;
    int rc;

    while ((rc = db_step(st)) == DB_ROW) {
        const char *svc = db_col_text_dup(p->a, st, 0);
        const char *level = db_col_text(st, 1), *code = db_col_text(st, 2);

        row_begin(&h, R_AREA);
        put(&h, "id",
            derived_uuid(p->a, svc, arena_printf(p->a, "area:%s", code)));
        put(&h, "service_id", svc);
        put(&h, "name", db_col_text_dup(p->a, st, 3));
        put(&h, "description",
            arena_printf(p->a, "%s %s, TERYT %s",
                         level[0] == 'g'   ? T_DIR_AREA_GMINA
                         : level[0] == 'p' ? T_DIR_AREA_POWIAT
                                           : T_DIR_AREA_REGION,
                         db_col_text(st, 3), code));
        put(&h, "extent_type", "TERYT");
        put(&h, "extent", arena_strdup(p->a, code));
        emit(p, &h);
    }
    db_done(st);
    if (rc != DB_DONE) {
        return rc;
    }
    st = dir_store_hsds(db, DIR_HSDS_TARGETS);
    while ((rc = db_step(st)) == DB_ROW) {
        attribute(p, db_col_text_dup(p->a, st, 0), 1, db_col_text(st, 1));
    }
    db_done(st);
    return rc == DB_DONE ? 0 : rc;
}

/* --- datapackage.json -------------------------------------------------- */

static bool
in_package(const char *name)
{
    int i;

    for (i = 0; i < R_COUNT; i++) {
        if (strcmp(res[i].name, name) == 0) {
            return true;
        }
    }
    return false;
}

static void
field_json(struct json *j, const struct hsds_field *f)
{
    json_obj_begin(j);
    json_kstr(j, "name", f->name);
    json_kstr(j, "type", type_names[f->type]);
    if (f->format != NULL) {
        json_kstr(j, "format", f->format);
    }
    json_key(j, "constraints");
    json_obj_begin(j);
    json_kbool(j, "required", (f->flags & HF_REQUIRED) != 0);
    json_kbool(j, "unique", (f->flags & HF_UNIQUE) != 0);
    if (f->enums != NULL) {
        const char *s = f->enums, *bar;

        json_key(j, "enum");
        json_arr_begin(j);
        for (;;) {
            char one[64];
            size_t n;

            bar = strchr(s, '|');
            n = bar != NULL ? (size_t)(bar - s) : strlen(s);
            snprintf(one, sizeof(one), "%.*s", (int)n, s);
            json_str(j, one);
            if (bar == NULL) {
                break;
            }
            s = bar + 1;
        }
        json_arr_end(j);
    }
    json_obj_end(j);
    json_obj_end(j);
}

static void
datapackage(struct buf *out)
{
    struct json j;
    int i, k;

    json_init(&j, out);
    json_obj_begin(&j);
    json_kstr(&j, "name", "rodzina-katalog-uslug");
    json_kstr(&j, "title", T_DIR_HSDS_TITLE);
    json_kstr(&j, "description", T_DIR_HSDS_DESCRIPTION);
    json_kstr(&j, "profile", "tabular-data-package");
    json_kstr(&j, "version", "3.0.0");
    json_kstr(&j, "homepage", "https://docs.openreferral.org/");
    json_key(&j, "resources");
    json_arr_begin(&j);
    for (i = 0; i < R_COUNT; i++) {
        json_obj_begin(&j);
        json_kstr(&j, "name", res[i].name);
        json_kstr(&j, "path", res[i].path);
        json_kstr(&j, "format", "csv");
        json_kstr(&j, "mediatype", "text/csv");
        json_kstr(&j, "encoding", "utf-8");
        json_kstr(&j, "profile", "tabular-data-resource");
        json_key(&j, "schema");
        json_obj_begin(&j);
        json_kstr(&j, "primaryKey", "id");
        json_key(&j, "fields");
        json_arr_begin(&j);
        for (k = 0; res[i].f[k].name != NULL; k++) {
            field_json(&j, &res[i].f[k]);
        }
        json_arr_end(&j);
        /* keys to resources the package has (no program, no contact) */
        json_key(&j, "foreignKeys");
        json_arr_begin(&j);
        for (k = 0; res[i].fk[k].field != NULL; k++) {
            if (!in_package(res[i].fk[k].resource)) {
                continue;
            }
            json_obj_begin(&j);
            json_kstr(&j, "fields", res[i].fk[k].field);
            json_key(&j, "reference");
            json_obj_begin(&j);
            json_kstr(&j, "resource", res[i].fk[k].resource);
            json_kstr(&j, "fields", "id");
            json_obj_end(&j);
            json_obj_end(&j);
        }
        json_arr_end(&j);
        json_obj_end(&j);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}

/* --- the zip ------------------------------------------------------------ */

/*
** The DOS date and time of every entry: the directory's newest change
** (stamp, UTC) as Warsaw local time, 1980-01-01 00:00 without one. Not
** the time of the export: the same data gives the same bytes, so the
** same ETag and a 304 (issue 20).
*/
static void
dos_stamp(const char *stamp, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
    struct tm tm = {0}, local;
    int y, mo, d, h = 0, mi = 0, s = 0;

    *dtime = 0;
    *ddate = (zip_uint16_t)(1 << 5 | 1);
    if (sscanf(stamp, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) <
            3 ||
        y < 1981 || y > 2107) {
        return;
    }
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    warsaw_tm((int64_t)timegm(&tm), &local);
    *dtime = (zip_uint16_t)(local.tm_hour << 11 | local.tm_min << 5 |
                            local.tm_sec / 2);
    *ddate = (zip_uint16_t)((local.tm_year - 80) << 9 |
                            (local.tm_mon + 1) << 5 | local.tm_mday);
}

/* The files into a zip in memory: *zip malloc'ed. 0 or ERR_IO. */
static int
zip_files(struct pkg *p, const struct buf *dp, const char *stamp, char **zip,
          size_t *len)
{
    zip_uint16_t dtime, ddate;
    zip_error_t ze;
    zip_source_t *src = NULL;
    zip_t *z = NULL;
    zip_int64_t size;
    int i, rc = ERR_IO;

    zip_error_init(&ze);
    src = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (src == NULL) {
        goto done;
    }
    zip_source_keep(src);
    if ((z = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL) {
        goto done;
    }
    dos_stamp(stamp, &dtime, &ddate);
    for (i = 0; i <= R_COUNT; i++) {
        const struct buf *b = i < R_COUNT ? &p->csv[i] : dp;
        zip_source_t *fs = zip_source_buffer(z, b->data, b->len, 0);
        zip_int64_t at = -1;

        if (fs == NULL ||
            (at =
                 zip_file_add(z, i < R_COUNT ? res[i].path : "datapackage.json",
                              fs, ZIP_FL_ENC_UTF_8)) < 0 ||
            zip_file_set_dostime(z, (zip_uint64_t)at, dtime, ddate, 0) != 0) {
            if (at < 0) {
                zip_source_free(fs);
            }
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
    return rc;
}

int
dir_export_hsds(struct db *db, struct arena *a, char **zip, size_t *len)
{
    struct pkg p = {.a = a};
    struct buf dp;
    const char *stamp;
    int i, k, rc;

    *zip = NULL;
    *len = 0;
    buf_init(&dp);
    for (i = 0; i < R_COUNT; i++) {
        struct csv c;

        buf_init(&p.csv[i]);
        csv_begin(&c, &p.csv[i], ',', DIR_CSV_FLAGS);
        for (k = 0; res[i].f[k].name != NULL; k++) {
            csv_text(&c, res[i].f[k].name);
        }
        csv_row_end(&c);
    }
    if ((rc = fill_taxonomies(db, &p)) == 0 && (rc = fill_orgs(db, &p)) == 0 &&
        (rc = fill_locations(db, &p)) == 0 &&
        (rc = fill_services(db, &p)) == 0 &&
        (rc = fill_areas_targets(db, &p)) == 0 &&
        (rc = dir_store_hsds_stamp(db, a, &stamp)) == 0) {
        datapackage(&dp);
        rc = zip_files(&p, &dp, stamp, zip, len);
    }
    for (i = 0; i < R_COUNT; i++) {
        buf_free(&p.csv[i]);
    }
    buf_free(&dp);
    return rc;
}

/* --- the HSDS API (/hsds/...) ------------------------------------------- */

#define HSDS_PER_PAGE 50      /* the default page */
#define HSDS_MAX_PER_PAGE 500 /* per_page at most */
#define HSDS_MAX_IDS 1000000  /* matching services read at most */

/* Sorted id lists: a & b into a (n its count), or a | b when join. */
static int
ids_merge(struct arena *ar, int64_t **a, int n, const int64_t *b, int m,
          bool join)
{
    int64_t *out = arena_alloc(ar, sizeof(*out) * (size_t)(n + m + 1));
    int i = 0, k = 0, o = 0;

    while (i < n && k < m) {
        if ((*a)[i] == b[k]) {
            out[o++] = (*a)[i++];
            k++;
        } else if ((*a)[i] < b[k]) {
            if (join) {
                out[o++] = (*a)[i];
            }
            i++;
        } else {
            if (join) {
                out[o++] = b[k];
            }
            k++;
        }
    }
    while (join && i < n) {
        out[o++] = (*a)[i++];
    }
    while (join && k < m) {
        out[o++] = b[k++];
    }
    *a = out;
    return o;
}

/* The category or target code of a taxonomy term's UUID, or NULL. */
static const char *
term_code(struct db *db, struct arena *a, const char *uuid)
{
    struct dir_choice *c;
    int which, i, n;

    for (which = 0; which < 2; which++) {
        n = dir_choices(db, a, which, &c);
        for (i = 0; i < n; i++) {
            if (strcmp(term_uuid(a, which, c[i].code), uuid) == 0) {
                return c[i].code;
            }
        }
    }
    return NULL;
}

/*
** The services the request's filters select, in id order, into *ids: the
** count, or an error with the reply recorded (400 names the parameter).
*/
static int
select_ids(struct req *r, int64_t **ids)
{
    const char *search = req_arg(r, "search"), *teryt = req_arg(r, "teryt");
    const char *post = req_arg(r, "postcode");
    const char *org = req_arg(r, "organization_id");
    const char *term = req_arg(r, "taxonomy_term_id"), *code = NULL;
    int n, i, k;

    if (teryt != NULL && *teryt != '\0' &&
        !(str_digits(teryt, 2) || str_digits(teryt, 4) ||
          str_digits(teryt, 7))) {
        return req_error(r, 400, T_DIR_HSDS_ERR_TERYT);
    }
    if (teryt != NULL && *teryt == '\0') {
        teryt = NULL;
    }
    if (org != NULL && *org == '\0') {
        org = NULL;
    }
    if (term != NULL && *term != '\0' &&
        (code = term_code(r->db, &r->arena, term)) == NULL) {
        return req_error(r, 400, T_DIR_HSDS_ERR_TERM);
    }
    n = dir_store_hsds_ids(r->db, &r->arena, teryt, org, code, ids,
                           HSDS_MAX_IDS);
    if (n < 0) {
        return n;
    }
    if (post != NULL && *post != '\0') {
        /* the gminas of the postcode; a service covering any of them */
        struct teryt_place *pl;
        int64_t *any = NULL, *g;
        int na = 0, np, m;

        if (strlen(post) != 6 || post[2] != '-' || !str_digits(post + 3, 3) ||
            !(post[0] >= '0' && post[0] <= '9' && post[1] >= '0' &&
              post[1] <= '9')) {
            return req_error(r, 400, T_DIR_HSDS_ERR_POSTCODE);
        }
        np = teryt_places_search(&r->arena, post, NULL, TERYT_PLACES_MAX, &pl);
        for (i = 0; i < np; i++) {
            if (pl[i].kind != TERYT_PLACE_POSTCODE ||
                strcmp(pl[i].name, post) != 0) {
                continue;
            }
            m = dir_store_hsds_ids(r->db, &r->arena, pl[i].gmina.teryt, org,
                                   code, &g, HSDS_MAX_IDS);
            if (m < 0) {
                return m;
            }
            na = ids_merge(&r->arena, &any, na, g, m, true);
        }
        n = ids_merge(&r->arena, ids, n, any, na, false);
    }
    if (search != NULL && *search != '\0') {
        char *expr = dir_match_expr(&r->arena, NULL, search, NULL, NULL);
        int64_t *hit = NULL;
        db_stmt *st;
        int rc;

        k = 0;
        if (expr != NULL) {
            st = dir_store_match(r->db, DIR_MATCH_CANDIDATES, expr,
                                 HSDS_MAX_IDS);
            while ((rc = db_step(st)) == DB_ROW) {
                hit = arena_grow(&r->arena, hit, k, sizeof(*hit));
                hit[k++] = db_col_int(st, 0);
            }
            db_done(st);
            if (rc != DB_DONE) {
                return rc;
            }
        }
        n = ids_merge(&r->arena, ids, n, hit, k, false);
    }
    return n;
}

/* One service of the list (HSDS service_list), from the cursor's row. */
static void
service_json(struct arena *a, struct json *j, db_stmt *st)
{
    json_obj_begin(j);
    json_kstr(j, "id", db_col_text(st, 0));
    json_kstr(j, "organization_id", db_col_text(st, 1));
    json_kstr(j, "name", db_col_text(st, 2));
    json_kstr(j, "description", db_col_text(st, 3));
    if (*db_col_text(st, 10)) {
        json_kstr(j, "url", uri(a, db_col_text(st, 10)));
    }
    if (*db_col_text(st, 4)) {
        json_kstr(j, "email", db_col_text(st, 4));
    }
    json_kstr(j, "status", "active");
    json_kstr(j, "application_process", db_col_text(st, 5));
    json_kstr(j, "fees_description", db_col_text(st, 6));
    json_kstr(j, "last_modified", db_col_text(st, 11));
    json_obj_end(j);
}

/* The location of the service's institution (no point if confidential). */
static void
location_json(struct arena *a, struct json *j, db_stmt *st)
{
    bool secret = db_col_int(st, 14) != 0;

    json_obj_begin(j);
    json_kstr(j, "id", location_uuid(a, db_col_text(st, 1)));
    json_kstr(j, "location_type", "physical");
    json_kstr(j, "organization_id", db_col_text(st, 1));
    if (secret) {
        json_kstr(j, "name", T_DIR_HSDS_SECRET_LOCATION);
        json_kstr(j, "description", T_DIR_HSDS_SECRET_ADDRESS);
    } else {
        json_kstr(j, "name", db_col_text(st, 13));
        if (*db_col_text(st, 15) && *db_col_text(st, 16)) {
            json_knum(j, "latitude", db_col_text(st, 15));
            json_knum(j, "longitude", db_col_text(st, 16));
        }
        json_kstr(j, "external_identifier", db_col_text(st, 22));
        json_kstr(j, "external_identifier_type", "TERYT");
    }
    json_obj_end(j);
}

/* The paginated list of the spec's Page: services or service_at_location. */
static int
hsds_list(struct req *r, bool at_locations)
{
    long page = 1, per_page = HSDS_PER_PAGE;
    int64_t *ids = NULL, pages;
    struct json j;
    int n, i, from, to, rc;

    if ((req_arg(r, "page") != NULL &&
         req_int_or_reply(r, "page", 1, 1000000, &page)) ||
        (req_arg(r, "per_page") != NULL &&
         req_int_or_reply(r, "per_page", 1, HSDS_MAX_PER_PAGE, &per_page))) {
        return ERR_INPUT;
    }
    if ((n = select_ids(r, &ids)) < 0) {
        return n;
    }
    pages = (n + per_page - 1) / per_page;
    from = (int)((page - 1) * per_page < n ? (page - 1) * per_page : n);
    to = (int)(from + per_page < n ? from + per_page : n);
    req_json(r, &j);
    req_add_header(r, "X-Total-Count", arena_printf(&r->arena, "%d", n));
    json_obj_begin(&j);
    json_kint(&j, "total_items", n);
    json_kint(&j, "total_pages", pages);
    json_kint(&j, "page_number", page);
    json_kint(&j, "size", to - from);
    json_kbool(&j, "first_page", page == 1);
    json_kbool(&j, "last_page", page >= pages);
    json_kbool(&j, "empty", n == 0);
    json_key(&j, "contents");
    json_arr_begin(&j);
    for (i = from; i < to; i++) {
        db_stmt *st = dir_store_hsds_service(r->db, ids[i]);

        if ((rc = db_step(st)) != DB_ROW) {
            db_done(st);
            if (rc == DB_DONE) {
                continue; /* deleted meanwhile */
            }
            return rc;
        }
        if (!at_locations) {
            service_json(&r->arena, &j, st);
        } else {
            const char *svc = db_col_text_dup(&r->arena, st, 0);

            json_obj_begin(&j);
            json_kstr(&j, "id", sal_uuid(&r->arena, svc));
            json_kstr(&j, "service_id", svc);
            json_kstr(&j, "location_id",
                      location_uuid(&r->arena, db_col_text(st, 1)));
            json_key(&j, "service");
            service_json(&r->arena, &j, st);
            json_key(&j, "location");
            location_json(&r->arena, &j, st);
            json_obj_end(&j);
        }
        db_done(st);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    return 0;
}

/*
** ROUTE: GET /hsds/services
** CAP: CAP_PUBLIC
** PARAMS: search=text, teryt=TERYT unit (2, 4 or 7 digits) the coverage
**         meets, postcode=NN-NNN (its gminas), organization_id=UUID,
**         taxonomy_term_id=UUID, page=1.., per_page=1..500 (HSDS 3.0 API)
*/
int
api_hsds_services(struct req *r)
{
    return hsds_list(r, false);
}

/*
** ROUTE: GET /hsds/service_at_locations
** CAP: CAP_PUBLIC
** PARAMS: search=text, teryt=TERYT unit (2, 4 or 7 digits) the coverage
**         meets, postcode=NN-NNN (its gminas), organization_id=UUID,
**         taxonomy_term_id=UUID, page=1.., per_page=1..500 (HSDS 3.0 API)
*/
int
api_hsds_service_at_locations(struct req *r)
{
    return hsds_list(r, true);
}
