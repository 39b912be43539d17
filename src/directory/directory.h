/*
** The services directory (issue 5): institutions, the services they offer
** and the areas those services cover; opening hours and "open now" in
** Warsaw time; the full-text search ranked gmina -> powiat -> region; CSV
** import and export of the whole directory and the Open Referral HSDS
** export. No HTML here: pages are in dir_pages.c and dir_edit.c.
*/
#ifndef DIRECTORY_DIRECTORY_H
#define DIRECTORY_DIRECTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth/auth.h"
#include "core/buf.h"

struct arena;
struct db;
struct dir_index;

/* --- hours (dir_hours.c) ----------------------------------------------- */

#define DIR_MAX_SPANS 28

/* One opening span: day 0 = Monday; minutes from midnight. A close at or
** before the open means the span runs past midnight into the next day. */
struct dir_span {
    int day;
    int open, close;
};

struct dir_hours {
    int n;
    struct dir_span span[DIR_MAX_SPANS];
};

/*
** Read hours written the Polish way: rules separated by ';', each a set of
** days ("pn-pt", "sb", "pn, śr", "codziennie") and time ranges ("8:00-16:00",
** "17.00 – 21.00", "20-2" past midnight), or "całodobowo". An empty spec
** gives zero spans. Returns 0, or ERR_INPUT with a Polish *why (arena).
*/
int dir_hours_parse(struct arena *a, const char *spec, struct dir_hours *out,
                    const char **why);
/*
** Warsaw local time (CET/CEST by the EU rule: summer time from 01:00 UTC
** of the last Sunday of March to 01:00 UTC of the last Sunday of October)
** of the Unix time t: *wday 0 = Monday .. 6 = Sunday, *minute of the day.
*/
void dir_warsaw_time(int64_t t, int *wday, int *minute);
/* Whether h is open on day wday at minute (spans past midnight count). */
bool dir_hours_open_at(const struct dir_hours *h, int wday, int minute);
/*
** "Open now" of a spec at Unix time now: 1 open, 0 closed, -1 unknown
** (no hours given or unreadable).
*/
int dir_open_now(struct arena *a, const char *spec, int64_t now);

/* Quoting of the directory's files: ',' and ';' both quote, since either
 * may be the separator a reader picks, and so do edge spaces. */
#define DIR_CSV_FLAGS (CSV_QUOTE_SPACES | CSV_QUOTE_COMMA_SEMI)

/* --- CSV (dir_csv.c) ----------------------------------------------------- */

/*
** Parse CSV text (RFC 4180 quotes; ',' or ';', chosen by the header line;
** a UTF-8 BOM is skipped) into rows of fields in the arena. *rows gets an
** array of rows, each an array of *ncols[i] strings. Returns the number of
** rows (header included) or ERR_INPUT with *why for bad UTF-8 or quotes,
** or past DIR_CSV_MAX_ROWS rows or DIR_CSV_MAX_FIELDS fields in a row.
** Memory is about the file plus a pointer a field.
*/
#define DIR_CSV_MAX_ROWS 2000000 /* a region has some thousands of rows */
#define DIR_CSV_MAX_FIELDS 256   /* the file has 29 columns */

int dir_csv_parse(struct arena *a, const char *data, size_t len, char ****rows,
                  int **ncols, const char **why);

/* --- model (dir_store.c) ---------------------------------------------------
 */

struct dir_org {
    int64_t id;        /* 0 for a new one */
    int64_t parent_id; /* 0: none */
    const char *key;   /* CSV key of the row ("o12"), import only */
    const char *parent_key;
    const char *region, *kind, *name, *description;
    const char *street, *postcode, *city, *gmina, *lat, *lon;
    bool confidential;
    const char *phone, *email, *web, *hours;
    bool example;
    /* The public list the row comes from, and what to check in it ("" when
    ** nothing: a row "do weryfikacji" of its list says what). Written on
    ** insert (import, demo, new); the edit form keeps them. */
    const char *source, *verify;
    const char *uuid; /* HSDS id to give it (import); NULL keeps its own */
};

struct dir_service {
    int64_t id, org_id;
    const char *name, *description, *category;
    const char *targets; /* codes separated by ',' */
    const char *cost, *languages, *how_to_apply, *phone, *hours;
    const char *coverage; /* "gmina:0463011 powiat:0463 region:04" */
    const char *key;      /* CSV key ("s7"), import only */
    const char *uuid;     /* HSDS id to give it (import); NULL keeps its own */
};

/* A finding of a check: row (CSV line, 0 for a form), column, Polish text. */
struct dir_finding {
    int row;
    const char *column;
    const char *message;
};

struct dir_findings {
    struct dir_finding *v;
    int n, cap;
};

#define DIR_FINDINGS_MAX 1000 /* kept; then one line says there are more */

/*
** Add a finding. Past DIR_FINDINGS_MAX only one more is kept, saying that
** the rest were left out, so a file with a million bad rows gives a page
** of a thousand, not of a million (f->n > 0 still refuses it).
*/
void dir_findings_add(struct arena *a, struct dir_findings *f, int row,
                      const char *column, const char *message);

/* Kinds of institution: code -> Polish label; NULL for an unknown code. */
const char *dir_kind_label(const char *kind);
extern const char *const dir_kinds[];

/*
** Codes (TERYT units, categories, target groups) that the checks of one
** import found in the store, so that rows naming the same ones ask once
** (a round trip each on PostgreSQL). In a; see the checks below.
*/
struct dir_known;
struct dir_known *dir_known_new(struct arena *a);
/*
** Check an institution (form or CSV row): every problem becomes a finding
** at row. The region must be one the account may edit (may_region NULL:
** any). Reads the store (gmina, region), or known (NULL: none) for codes
** found before, and writes nothing.
*/
void dir_org_check(struct db *db, struct arena *a, const struct dir_org *o,
                   const char *may_region, int row, struct dir_findings *f,
                   struct dir_known *known);
/* Check a service the same way. */
void dir_service_check(struct db *db, struct arena *a,
                       const struct dir_service *s, int row,
                       struct dir_findings *f, struct dir_known *known);
/*
** A service of an institution of region covers only that region: each
** coverage item outside it (it would show on another region's pages)
** becomes a finding at row. The forms check it; the CSV import does not
** yet (a region's file may hold such services from before the check).
*/
void dir_service_check_region(struct arena *a, const struct dir_service *s,
                              const char *region, int row,
                              struct dir_findings *f);

/*
** Insert (o->id 0) or update an institution with its audit row, in one
** transaction, and re-index its services. *id gets the id. The caller has
** checked it. 0, ERR_NOTFOUND or ERR_DB.
*/
int dir_org_save(struct db *db, struct arena *a, const struct dir_org *o,
                 const struct audit_entry *who, int64_t *id);
int dir_service_save(struct db *db, struct arena *a,
                     const struct dir_service *s, const struct audit_entry *who,
                     int64_t *id);
/*
** Set what institution id needs checked ("" once it was checked: the
** "do weryfikacji" note leaves its pages), with its audit row
** (directory.org.verify, before and after), and re-index its services.
** 0, ERR_NOTFOUND or ERR_DB.
*/
int dir_org_verify_set(struct db *db, struct arena *a, int64_t id,
                       const char *verify, const struct audit_entry *who);
/* Delete with the audit row (an institution takes its services along). */
int dir_org_delete(struct db *db, struct arena *a, int64_t id,
                   const struct audit_entry *who);
int dir_service_delete(struct db *db, struct arena *a, int64_t id,
                       const struct audit_entry *who);
/* Load one record into the arena: 0 or ERR_NOTFOUND. */
int dir_org_load(struct db *db, struct arena *a, int64_t id,
                 struct dir_org *out);
int dir_service_load(struct db *db, struct arena *a, int64_t id,
                     struct dir_service *out);
/*
** Write without a transaction or an audit row, for the demo loader, which
** runs its own transaction and writes one audit row: 0 or ERR_DB. *id gets
** the id.
*/
int dir_store_org_write(struct db *db, const struct dir_org *o, int64_t *id);
int dir_store_service_write(struct db *db, struct arena *a,
                            const struct dir_service *s, int64_t *id);
/*
** Replace the directory of region (NULL: all of it) by the checked rows of
** an import, in the caller's transaction, with few statements (issue 21):
** the change triggers stay quiet (bulk mode, migration 0018) and one row
** of the change log says "read everything"; ids and UUIDs taken by other
** rows are found by one query each; the rows go in one statement each on
** SQLite and a thousand a statement on PostgreSQL (Q_DIR_BULK_ROWS); the
** region's search rows are written from one read at the end.
** o[i].id is the id wanted (0: any) and gets the one given, as does
** s[i].id; a UUID another row has is replaced by a new one. parent[i] is
** the index in o of o[i]'s parent (-1: none), svc_org[i] that of s[i]'s
** institution. 0, ERR_STOPPED (a stop was requested) or ERR_DB.
*/
int dir_store_import(struct db *db, struct arena *a, const char *region,
                     struct dir_org *o, const int *parent, int norg,
                     struct dir_service *s, const int *svc_org, int nsvc);
/*
** An institution serving a gmina by the directory's coverage rule: one of
** its services covers the gmina, its powiat or its whole region.
*/
struct dir_serving {
    int64_t id;
    const char *name, *kind, *city; /* kind: a dir_kinds code */
    int level; /* most local coverage: 0 gmina, 1 powiat, 2 region */
};
/*
** The institutions of region serving gmina, most local first, then by
** name: at most max into out (strings in the arena); the count or an error.
*/
int dir_orgs_serving(struct db *db, struct arena *a, const char *gmina,
                     const char *region, int max, struct dir_serving *out);
/* Institution id when it is of region and serves gmina (name and kind
   into *out): 0, ERR_NOTFOUND or an error. */
int dir_org_serving(struct db *db, struct arena *a, int64_t id,
                    const char *gmina, const char *region,
                    struct dir_serving *out);
/* Institutions, services and examples of region (NULL: all). */
int dir_org_counts(struct db *db, const char *region, int64_t *orgs,
                   int64_t *services, int64_t *examples);
/* Cursor over Q_DIR_ORG_LIST (the administrators' list of region, with the
   examples or not), to step and db_done. */
struct db_stmt *dir_org_list(struct db *db, const char *region, bool examples);
/* Whether institution id has branches outside region: 0 or an error. */
int dir_org_branches_elsewhere(struct db *db, int64_t id, const char *region,
                               int64_t *n);
/* Cursors over Q_DIR_AREA_NAMES, Q_DIR_ORG_SERVICES and Q_DIR_ORG_BRANCHES
   of service or institution id, to step and db_done. */
struct db_stmt *dir_area_names(struct db *db, int64_t service);
struct db_stmt *dir_org_services(struct db *db, int64_t org);
struct db_stmt *dir_org_branches(struct db *db, int64_t org);
/* How many institutions the directory holds, into *n: 0 or an error. */
int dir_store_org_count(struct db *db, int64_t *n);
/*
** Cursors of the search, to step and db_done: the public directory by
** parts for the in-memory index (Q_DIR_IDX_*: the whole of it for a full
** build; one service with its institution, or its areas, by id to read a
** changed one again; the change log after a position, at most limit
** rows); the services matching an FTS5 expression (a tsquery made of it
** on PostgreSQL), at most limit, as candidates to score or as views by
** name (Q_DIR_FTS_CANDIDATES, Q_DIR_SEARCH_NAME); one service as the
** public sees it (Q_DIR_VIEW_GET).
*/
enum dir_rows {
    DIR_ROWS_VERSION,
    DIR_ROWS_ORGS,
    DIR_ROWS_SERVICES,
    DIR_ROWS_AREAS,
    DIR_ROWS_SERVICE, /* these by id */
    DIR_ROWS_AREAS_OF,
};
struct db_stmt *dir_store_rows(struct db *db, enum dir_rows part, int64_t id);
struct db_stmt *dir_store_changes(struct db *db, int64_t after, int limit);
enum dir_match {
    DIR_MATCH_CANDIDATES,
    DIR_MATCH_BY_NAME,
};
struct db_stmt *dir_store_match(struct db *db, enum dir_match how,
                                const char *expr, int limit);
struct db_stmt *dir_store_view(struct db *db, int64_t id);
/* Cursor over Q_DIR_EXPORT of region (NULL: all), to step and db_done. */
struct db_stmt *dir_store_export(struct db *db, const char *region);
/* Cursors over the Q_DIR_HSDS_* query of each part of the HSDS export. */
enum dir_hsds_part {
    DIR_HSDS_ORGS,
    DIR_HSDS_LOCATIONS,
    DIR_HSDS_SERVICES,
    DIR_HSDS_AREAS,
    DIR_HSDS_TARGETS,
};
struct db_stmt *dir_store_hsds(struct db *db, enum dir_hsds_part part);
/* Cursor over Q_DIR_HSDS_SERVICE: service id with its location. */
struct db_stmt *dir_store_hsds_service(struct db *db, int64_t id);
/*
** The newest updated_at of the directory's institutions and services
** ("2026-12-03T13:05:09Z"; "" when it has none) into *stamp (a): 0 or an
** error.
*/
int dir_store_hsds_stamp(struct db *db, struct arena *a, const char **stamp);
/*
** Ids of the services, in order, whose coverage meets TERYT unit teryt,
** of institution org_uuid, of category or target group code (each NULL:
** any), at most max into *ids (arena): the count or an error.
*/
int dir_store_hsds_ids(struct db *db, struct arena *a, const char *teryt,
                       const char *org_uuid, const char *code, int64_t **ids,
                       int max);
/* Write the search row of service id from the store (no transaction). */
int dir_index_service(struct db *db, struct arena *a, int64_t id);

/* --- search (dir_search.c) -------------------------------------------- */

enum dir_level {
    DIR_LEVEL_GMINA = 0,
    DIR_LEVEL_POWIAT = 1,
    DIR_LEVEL_REGION = 2,
    DIR_LEVEL_ANY = 3, /* no gmina given */
};

/* What the public sees of one service (confidential address withheld). */
struct dir_view {
    int64_t id, org_id;
    const char *name, *description, *category, *category_name;
    const char *cost, *languages, *how_to_apply, *phone, *hours;
    const char *org_name, *kind, *street, *postcode, *city, *gmina;
    const char *gmina_name, *lat, *lon, *email, *web, *targets;
    const char *source, *verify; /* of the institution (struct dir_org) */
    bool confidential, example;
    enum dir_level level;
    bool here;    /* the institution is located in the gmina searched */
    int open_now; /* 1, 0, -1 unknown */
};

struct dir_query {
    const char *gmina;    /* 7 digits or NULL */
    const char *q;        /* free text or NULL */
    const char *category; /* code or NULL */
    const char *target;   /* code or NULL */
    bool open_only;
    int limit;            /* per level */
    int64_t now;          /* Unix time for "open now" */
    bool one_level;       /* with a gmina: list only this level, */
    enum dir_level level; /* from its offset-th result on */
    int offset;
};

/*
** Search: with a gmina, in the in-memory index (dir_index.c), the
** services covering the gmina, then its powiat, then its region, each at
** most q->limit, a service listed once at its most local level;
** institutions located in the gmina first within a level. Without a gmina
** one FTS5 match over the directory, ranked by the index's score (or by
** name when there are no words), the same on every engine. Returns the count of
**out
** (copied into a) or ERR_INPUT (bad code) / ERR_DB.
*/
int dir_search(struct db *db, struct arena *a, const struct dir_query *q,
               struct dir_view **out);
/*
** The same with a count of each level's results before the limit, for
** paging (total may be NULL). With a gmina the search runs on the
** in-memory index: its order within a level is located in the gmina, then
** in its powiat, then elsewhere; then score; then folded name and id.
*/
int dir_search_counted(struct db *db, struct arena *a,
                       const struct dir_query *q, struct dir_view **out,
                       int total[3]);
/*
** The same without copying: with a gmina, the strings of *out belong to
** the index ix, acquired by the caller on this thread (see
** dir_index_acquire); without one, to the arena.
*/
int dir_search_in(struct db *db, struct dir_index *ix, struct arena *a,
                  const struct dir_query *q, struct dir_view **out,
                  int total[3]);
/*
** The search of a gmina made with SQL alone (FTS5 candidates, one read per
** result), as it was before the in-memory index: the reference the tests
** compare the index with. Without paging: q->offset and q->one_level are
** ignored, and a service cut by the limit at one level may appear again
** at the next.
*/
int dir_search_sql(struct db *db, struct arena *a, const struct dir_query *q,
                   struct dir_view **out);
/*
** One service as the public sees it: 0 or ERR_NOTFOUND. When
** with_secret is set, the confidential address is kept (coordinators).
*/
int dir_view_get(struct db *db, struct arena *a, int64_t id, int64_t now,
                 bool with_secret, struct dir_view *out);
/*
** The FTS5 match expression for q (NULL when q has nothing to search):
** folded text as prefix terms restricted to the body column, and
** category/target/area filters. Exposed for tests.
*/
char *dir_match_expr(struct arena *a, const char *area, const char *q,
                     const char *category, const char *target);

/* --- the in-memory search index (dir_index.c) ------------------------ */

/* A category or target code as the FTS5 filter takes it (the SQL search
   too): 1 to 32 lower-case letters and digits; anything else is no filter. */
bool dir_is_code(const char *s);
/*
** The index of the database's current directory (one query reads the
** newest row of its change log), made anew when the process has none at
** that row: from the previous one with the services the log names read
** again, or built whole from the tables. The calling thread holds it: it stays
*valid until the same
** thread's next dir_index_acquire() (which may let it go) or the thread's
** end. 0, or ERR_DB.
*/
int dir_index_acquire(struct db *db, struct dir_index **out);
/* A category or target group: code and Polish name. */
struct dir_choice {
    const char *code, *name;
};
/* The categories (which 0) or target groups (1), in their order, into
 *out (arena): the count or an error. */
int dir_choices(struct db *db, struct arena *a, int which,
                struct dir_choice **out);
/* The categories (which 0) or target groups (1) in their order: count. */
int dir_index_choices(const struct dir_index *ix, int which,
                      const struct dir_choice **out);
/*
** Search the index: q->gmina is required (7 digits, else ERR_INPUT).
** Fills *out (an array in a whose strings are the index's: valid while ix
** is) with each level's page and total[level] (may be
** NULL) with each level's count of results. Returns the count of *out.
*/
int dir_index_search(const struct dir_index *ix, struct arena *a,
                     const struct dir_query *q, struct dir_view **out,
                     int total[3]);
/* Number of services of an index, and its position in the change log. */
int dir_index_count(const struct dir_index *ix);
int64_t dir_index_version(const struct dir_index *ix);
/*
** How often this process built the index whole, and how many services it
** read again from the change log instead, since it started (/metrics).
*/
void dir_index_counters(int64_t *whole, int64_t *services);
/* Forget the current index and this thread's (tests). */
void dir_index_drop(void);

/* --- CSV of the whole directory, HSDS (dir_io.c) ---------------------- */

/*
** Export the directory as CSV (one row per service, or per institution
** without services) into out. region NULL: every region. Confidential
** addresses are included: the route is for coordinators. 0 or ERR_DB.
*/
int dir_export_csv(struct db *db, struct arena *a, const char *region,
                   struct buf *out);
/*
** Import CSV as the new directory of region (NULL: every region, and the
** file may name any region): parse, check every row, and only when there
** is no finding replace the directory in one transaction with one audit
** row. Returns 0 (*norgs, *nservices set), ERR_INPUT with findings, or
** ERR_DB.
*/
int dir_import_csv(struct db *db, struct arena *a, const char *region,
                   const char *data, size_t len, const struct audit_entry *who,
                   struct dir_findings *f, int *norgs, int *nservices);
/* --- Open Referral HSDS 3.0 (dir_hsds.c) -------------------------------- */

/*
** The HSDS 3.0 tabular data package: a zip of the specification's CSV
** files (organizations, services, locations, addresses, phones, schedules,
** service_areas, service_at_location, languages, taxonomies,
** taxonomy_terms, attributes) and its datapackage.json (profile
** tabular-data-package, version 3.0.0, each resource's Table Schema). Every
** record has a UUID: an institution's and a service's are stored
** (migration 0013); the others are derived from them by name, so they are
** as stable. Confidential locations have no address, point or TERYT code.
** *zip is malloc'ed (free it). 0, ERR_IO or ERR_DB.
*/
int dir_export_hsds(struct db *db, struct arena *a, char **zip, size_t *len);

/* --- demo data (dir_demo.c) --------------------------------------------- */

/*
** The institutions named in the seed documents and a generated set of
** example services (marked "dane przykładowe") for the gminas of the demo
** regions (kujawsko-pomorskie, małopolskie). When the environment has
** RODZINA_DEMO_SERVICES=N, the generated set is instead about N services
** over every gmina of the country (benchmarks). Idempotent: a directory
** that has institutions is left alone. Runs inside the caller's
** transaction; 0 or an error (a line on stderr).
*/
int directory_demo_load(struct db *db, struct arena *a);
/*
** The generated example set alone: n > 0 gives about n services over every
** gmina of the country, n == 0 the default set for regions 04 and 12.
** Returns the number of services written or an error.
*/
long directory_demo_generate(struct db *db, long n);

/* --- crisis lines (dir_crisis.c) ----------------------------------------- */

/* A line to call now: strings in the arena; hours as in dir_hours_parse. */
struct dir_crisis_line {
    const char *name, *phone, *hours;
    int open_now; /* 1, 0, -1 unknown */
};

/*
** The crisis lines for a resident of voivodeship woj (2 digits, or NULL
** when unknown): the region's helplines (its settings) first, then the
** national lines (112, 800 120 002, 116 123, 116 111; data). *out in the
** arena; returns the count.
*/
int dir_crisis_lines(struct db *db, struct arena *a, const char *woj,
                     int64_t now, struct dir_crisis_line **out);
/* The region's information line (a phone number), or "" when none. */
const char *dir_region_info_line(struct db *db, struct arena *a,
                                 const char *woj);
/*
** Whether a category or target filter is about domestic violence: such a
** search also keeps crisis intervention, legal help and helplines, for
** which dir_violence_category() is true.
*/
bool dir_about_violence(const char *category, const char *target);
bool dir_violence_category(const char *category);

#endif
