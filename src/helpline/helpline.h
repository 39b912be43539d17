/*
** Niebieska Linia (issue 6): the domain interface of the helpline module.
** Contacts, duty schedules and agreements with gminas live in this module's
** tables; other parts (monitoring) read them only through the functions
** declared here. No HTML, no request state: every function takes a database
** handle and returns 0 or a negative ERR_* from core/err.h.
*/
#ifndef HELPLINE_H
#define HELPLINE_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

struct arena;
struct audit_entry;
struct db;
struct dir_serving;

/*
** Count the helpline contacts of the calendar year `year` (1 January to
** 31 December inclusive, local date of the contact) in region `region`
** (voivodeship code, e.g. "04"; NULL counts every region). On success stores
** the count in *n and returns 0; ERR_INPUT for a year outside 1900..9999,
** ERR_DB on a database failure (then *n is left unchanged).
*/
int helpline_count_contacts(struct db *db, const char *region, int year,
                            int64_t *n);
/* The same for the consultations for professionals only (channel 7,
** seed 001 task 1.10; issue 19). */
int helpline_count_professional_consultations(struct db *db, const char *region,
                                              int year, int64_t *n);

/*
** Count the gminas of region `region` (NULL: every region) with an agreement
** in force on `date_iso` (YYYY-MM-DD): since <= date and (until is empty or
** until >= date). On success stores the count in *n and returns 0; ERR_INPUT
** for a malformed date, ERR_DB on a database failure.
*/
int helpline_count_agreements(struct db *db, const char *region,
                              const char *date_iso, int64_t *n);

/* Sizes of the code lists; codes run from 1 to the size. */
enum {
    HELPLINE_CHANNELS = 7,
    HELPLINE_CALLERS = 4,
    HELPLINE_FORMS = 6,     /* bits 1 << (code - 1) of forms */
    HELPLINE_HARMED = 5,    /* bits of harmed */
    HELPLINE_HELP = 6,      /* bits of help */
    HELPLINE_REFERRALS = 8, /* bits of referrals */
    HELPLINE_DUTY_KINDS = 3,
    HELPLINE_SPECIALISTS = 6,
    HELPLINE_NOTE_MAX = 2000,       /* bytes */
    HELPLINE_INSTITUTIONS_MAX = 40, /* directory referrals of a contact */
};

/* Polish label and stable ASCII code (API, CSV) of each list; index = code. */
extern const char *const helpline_channel_label[HELPLINE_CHANNELS + 1];
extern const char *const helpline_channel_code[HELPLINE_CHANNELS + 1];
extern const char *const helpline_caller_label[HELPLINE_CALLERS + 1];
extern const char *const helpline_caller_code[HELPLINE_CALLERS + 1];
extern const char *const helpline_form_label[HELPLINE_FORMS + 1];
extern const char *const helpline_form_code[HELPLINE_FORMS + 1];
extern const char *const helpline_harmed_label[HELPLINE_HARMED + 1];
extern const char *const helpline_harmed_code[HELPLINE_HARMED + 1];
extern const char *const helpline_help_label[HELPLINE_HELP + 1];
extern const char *const helpline_referral_label[HELPLINE_REFERRALS + 1];
extern const char *const helpline_referral_code[HELPLINE_REFERRALS + 1];
extern const char *const helpline_duty_kind_label[HELPLINE_DUTY_KINDS + 1];
extern const char *const helpline_specialist_label[HELPLINE_SPECIALISTS + 1];

/* One contact. Strings are borrowed from the caller. */
struct helpline_contact {
    int64_t id;
    const char *region;  /* voivodeship code */
    const char *at;      /* YYYY-MM-DDTHH:MM, Europe/Warsaw */
    int channel, caller; /* codes 1.. */
    const char *gmina;   /* 7-digit TERYT or NULL */
    unsigned forms, harmed, help, referrals; /* bit sets */
    int minutes;                             /* 0: not given */
    const char *note; /* sensitive; NULL or "" for none */
    const char *created_by;
    const int64_t *institutions; /* dir_org ids referred to, or NULL */
    int ninstitutions;
};

/*
** Check and store one contact with one audit row (action "helpline.add";
** the note's text never enters the audit row, only whether there is one)
** in one transaction. who gives account, via and address. On a user error
** returns ERR_INPUT with a Polish *why; *id receives the new id. Each of
** c->institutions must be an institution of the services directory of the
** contact's region serving its gmina (the directory's coverage rule:
** the gmina, its powiat or the region), listed once; the link is stored
** with the institution's name and kind of the day (helpline_referral).
*/
int helpline_contact_add(struct db *db, const struct helpline_contact *c,
                         const struct audit_entry *who, int64_t *id,
                         const char **why);

/*
** Delete every contact dated before `before` (YYYY-MM-DD, exclusive), with
** its referrals to institutions of the directory, in one transaction with
** one audit row ("helpline.purge"); *deleted receives the count of
** contacts. ERR_INPUT for a malformed date.
*/
int helpline_purge(struct db *db, struct arena *a, const char *before,
                   const struct audit_entry *who, int64_t *deleted);

/*
** Local time in Europe/Warsaw for UTC time t (CET, and CEST from the last
** Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC), in
** *out (tm_year etc. as gmtime). Independent of the process's TZ.
*/
void helpline_warsaw_time(time_t t, struct tm *out);

/* True when the toll-free line is open at that local time (17:00–21:00). */
bool helpline_line_open(const struct tm *warsaw);

/*
** The institutions of the services directory of region serving gmina (the
** directory's rule: a service covering the gmina, its powiat or the whole
** region), most local first, then by name; at most
** HELPLINE_INSTITUTIONS_MAX * 2. *out in the arena. Returns the count or a
** negative ERR_*.
*/
int helpline_institutions(struct db *db, struct arena *a, const char *region,
                          const char *gmina, struct dir_serving **out);

/* Referrals counted per institution of the directory. */
struct helpline_stat_inst {
    int64_t id;
    const char *name, *kind; /* as stored with the referral */
    int64_t n;
};

/* Statistics of a region (or the country) over a date range. */
struct helpline_stat_item {
    const char *code;   /* gmina TERYT ("" unknown), powiat code */
    const char *name;   /* gmina or powiat name */
    const char *powiat; /* powiat name of a gmina */
    int64_t n;
};

struct helpline_stats {
    const char *region;    /* NULL: the country */
    const char *from, *to; /* YYYY-MM-DD inclusive */
    int64_t total, minutes;
    int nmonths;
    const char **months; /* YYYY-MM, from..to */
    int64_t *by_month;
    int64_t by_channel[HELPLINE_CHANNELS + 1];
    int64_t by_caller[HELPLINE_CALLERS + 1];
    int64_t by_form[HELPLINE_FORMS + 1];
    int64_t by_harmed[HELPLINE_HARMED + 1];
    int64_t by_referral[HELPLINE_REFERRALS + 1]; /* contacts per type */
    int ninsts; /* institutions of the directory referred to */
    struct helpline_stat_inst *insts; /* most referrals first */
    int ninst_kinds; /* the same summed by kind of institution */
    struct helpline_stat_item *inst_kinds; /* code: kind, name: label */
    int64_t inst_total; /* referrals to institutions of the directory */
    int ngminas, npowiats;
    struct helpline_stat_item *gminas;  /* by TERYT; unknown last */
    struct helpline_stat_item *powiats; /* by code */
};

/* Months from..to (valid ISO dates) touch, both ends counted. */
int helpline_stats_months(const char *from, const char *to);
/*
** Count contacts of region (NULL: every region) dated from..to inclusive
** by month, channel, caller, form, harmed, referral type, gmina and powiat,
** and their referrals per institution of the directory and its kind.
** Whole months are read from the monthly summary, the days of partial
** months from the contacts; referrals to institutions from their own
** rows. Everything lives in the arena. ERR_INPUT for bad dates (from
** after to, or a span over 20 years). The answer is kept per process
** while the register's version stays (at most five minutes: the names of
** gminas come from the TERYT register), and the same question asked again
** is answered with a copy of it.
*/
int helpline_stats(struct db *db, struct arena *a, const char *region,
                   const char *from, const char *to,
                   struct helpline_stats *out);

/*
** Import of past contacts (issue 21) from the CSV of the contact export:
** its column names, in its order.
*/
#define HELPLINE_CSV_COLUMNS 16
extern const char *const helpline_csv_columns[HELPLINE_CSV_COLUMNS];
enum {
    HL_COL_NR,
    HL_COL_WOJ,
    HL_COL_AT,
    HL_COL_CHANNEL,
    HL_COL_CALLER,
    HL_COL_GMINA,
    HL_COL_GMINA_NAME,
    HL_COL_POWIAT,
    HL_COL_FORMS,
    HL_COL_HARMED,
    HL_COL_HELP,
    HL_COL_REFERRALS,
    HL_COL_CATALOG,
    HL_COL_MINUTES,
    HL_COL_BY,
    HL_COL_NOTE,
};
/* The most bytes and lines of CSV one import reads, and the text the
 * reader holds at a time (a row must be shorter). */
#define HELPLINE_IMPORT_MAX_BYTES ((uint64_t)8 << 30)
#define HELPLINE_IMPORT_MAX_LINES 100000000
#define HELPLINE_IMPORT_WINDOW ((size_t)4 << 20)

/* Where and why an import stopped: line of the file (0: the whole file),
 * column (its header name, or NULL), a Polish message. */
struct helpline_import_error {
    int line;
    const char *column;
    const char *why;
};

struct helpline_import_result {
    int rows;                 /* contacts stored */
    int months;               /* (region, month) summaries rebuilt */
    char first[17], last[17]; /* the earliest and latest contact */
};

/* Called for each row read, c valid until it returns: 0, or an error
 * (ERR_INPUT with *err filled). */
typedef int (*helpline_import_fn)(void *ctx, int line,
                                  const struct helpline_contact *c,
                                  struct helpline_import_error *err);

/*
** Read contacts from CSV text (UTF-8) with the export's header: fn for each
** row, in order. Checks each cell's form (codes, labels, dates, minutes,
** lengths), not the register (gminas, voivodeships). Returns the number
** of rows, or ERR_INPUT with *err naming the line and column, or fn's
** error. Linear in len; ERR_INPUT over HELPLINE_IMPORT_MAX_BYTES.
*/
int helpline_import_read(const char *text, size_t len, helpline_import_fn fn,
                         void *ctx, struct helpline_import_error *err);
/* Where a reader gets its bytes: up to cap into buf; the count, 0 at the
 * end, or ERR_IO. */
typedef long helpline_source_fn(void *src, char *buf, size_t cap);
/*
** helpline_import_read over bytes that come in pieces from more(src):
** UTF-8 (a byte-order mark skipped), or Windows-1250 when cp1250 is set,
** converted piece by piece; window bytes of text held at a time, a row
** longer than that refused. ERR_IO when the source fails.
*/
int helpline_import_stream(helpline_source_fn *more, void *src, bool cp1250,
                           size_t window, helpline_import_fn fn, void *ctx,
                           struct helpline_import_error *err);
/*
** Store the contacts of the CSV file open on fd (read from its start with
** pread: UTF-8 or Windows-1250, any size up to the caps) in one
** transaction with one audit row ("helpline.import"; who NULL: the CLI):
** the bytes are read once to tell their encoding, then once more, each
** row checked (its cells, its voivodeship and gmina in the register, not
** in the future) and inserted in batches as it is read; the first bad one
** stops the import and the transaction rolls back, so nothing is written
** (ERR_INPUT, *err). The monthly summaries of the months loaded are
** rebuilt once, at the end, one statement per run of months of a region.
** Memory does not grow with the file. *res says what was stored. 0,
** ERR_INPUT, ERR_IO or ERR_DB.
*/
int helpline_import(struct db *db, struct arena *a, int fd,
                    const struct audit_entry *who,
                    struct helpline_import_result *res,
                    struct helpline_import_error *err);
/* Fill *err (col: an HL_COL_*, or -1 for none) and return ERR_INPUT. */
int helpline_import_fail(struct helpline_import_error *err, int line, int col,
                         const char *why);
/* Bulk mode on (the contacts' triggers leave the summary and the version
 * alone) or off (the version bumped once), inside a transaction. */
int helpline_store_bulk(struct db *db, bool on);
/* Rebuild the summary of a region's months from..to (YYYY-MM, both
 * included) from their contacts. */
int helpline_store_months_rebuild(struct db *db, const char *region,
                                  const char *from, const char *to);
/* A bulk load of contacts (issue 21), inside a transaction: begin, one
 * call per contact (no referrals to institutions), end (as db_bulk_end:
 * rc 0 sends what is left; the load freed). 0 or the store's error. */
struct db_bulk *helpline_store_load_begin(struct db *db);
int helpline_store_load(struct db_bulk *b, const struct helpline_contact *c);
int helpline_store_load_end(struct db_bulk *b, int rc);

/* A gmina of a region with the agreement in force on a date. */
struct helpline_agreement {
    const char *teryt, *name, *powiat;
    int rodz;
    bool has;                  /* in force on the date */
    const char *since, *until; /* NULL when none stored */
};

/*
** Every gmina of region with its agreement on date (YYYY-MM-DD), ordered by
** TERYT, into *out (arena). Returns the count or a negative ERR_*.
*/
int helpline_agreements(struct db *db, struct arena *a, const char *region,
                        const char *date, struct helpline_agreement **out);

/*
** Set the agreement of a gmina of region: since (YYYY-MM-DD) and until
** (YYYY-MM-DD or NULL/""); since NULL or "" removes it. One audit row in the
** same transaction. On bad input ERR_INPUT, nothing changed, and in errs (an
** array of HELPLINE_ERRS_MAX) *nerrs Polish messages, each naming its field
** by the form's label ("Gmina: ...", "Od: ...", "Do: ...").
*/
#define HELPLINE_ERRS_MAX 10
int helpline_agreement_set(struct db *db, const char *region, const char *gmina,
                           const char *since, const char *until,
                           const struct audit_entry *who, const char **errs,
                           int *nerrs);

struct helpline_duty {
    int64_t id;
    const char *region;
    int kind, specialist;
    const char *city, *place;
    const char *day, *start, *finish; /* YYYY-MM-DD, HH:MM, HH:MM */
};

/*
** Add a duty with one audit row. On bad input ERR_INPUT, nothing added,
** and in errs (HELPLINE_ERRS_MAX) *nerrs Polish messages, one for each
** wrong field, named by the form's label ("Rodzaj: ...", "Do godziny: ...").
*/
int helpline_duty_add(struct db *db, const struct helpline_duty *d,
                      const struct audit_entry *who, int64_t *id,
                      const char **errs, int *nerrs);

/* Delete duty id of region with one audit row; ERR_NOTFOUND if absent. */
int helpline_duty_delete(struct db *db, const char *region, int64_t id,
                         const struct audit_entry *who);

/*
** Plain writes for the demo data: no check and no audit row (the caller
** records one for the lot). since NULL removes a gmina's agreement.
*/
int helpline_store_contact_insert(struct db *db,
                                  const struct helpline_contact *c,
                                  int64_t *id);
int helpline_store_duty_insert(struct db *db, const struct helpline_duty *d,
                               int64_t *id);
int helpline_store_agreement_put(struct db *db, const char *gmina,
                                 const char *region, const char *since,
                                 const char *until);
enum helpline_records {
    HELPLINE_AGREEMENTS,
    HELPLINE_DUTIES,
    HELPLINE_CONTACTS
};
/* How many records of that kind region has, into *n: 0 or an error. */
int helpline_store_count(struct db *db, enum helpline_records what,
                         const char *region, int64_t *n);

/*
** Cursors of helpline_store.c for pages, API, exports and statistics: each
** returns its statement bound and ready to step; the caller steps it and
** ends with db_done. The columns are those of the query in queries.def.
*/
/* Q_HELPLINE_DUTY_LIST: duties of region (NULL all) on days [from, to]. */
struct db_stmt *helpline_store_duties(struct db *db, const char *region,
                                      const char *from, const char *to,
                                      int limit);
/* Q_HELPLINE_CONTACT_LIST (or _NOTES, with the note, no offset): contacts
   of region (NULL all) at [from, before), newest first. */
struct db_stmt *helpline_store_contacts(struct db *db, bool notes,
                                        const char *region, const char *from,
                                        const char *before, int limit,
                                        int offset);
/* How many contacts helpline_store_contacts would list without a limit. */
int helpline_store_contact_count(struct db *db, const char *region,
                                 const char *from, const char *before,
                                 int64_t *n);
/* Q_HELPLINE_CONTACT_GET and Q_HELPLINE_REFERRAL_OF of contact id. */
struct db_stmt *helpline_store_contact(struct db *db, int64_t id);
struct db_stmt *helpline_store_referrals_of(struct db *db, int64_t id);
/* Q_HELPLINE_RANGE_*, Q_HELPLINE_MONTHS_*, Q_HELPLINE_GMINA_* and
   Q_HELPLINE_REFERRAL_STATS of region (NULL all) over a range of days,
   months (YYYY-MM) or years (YYYY). */
struct db_stmt *helpline_store_contacts_in(struct db *db, const char *region,
                                           const char *from,
                                           const char *before);
struct db_stmt *helpline_store_months(struct db *db, const char *region,
                                      const char *from, const char *to);
/* The register's version into *out (one more with every change of a contact
   or a referral): 0 or ERR_DB. */
int helpline_store_version(struct db *db, int64_t *out);
struct db_stmt *helpline_store_gmina_months(struct db *db, const char *region,
                                            const char *from, const char *to);
struct db_stmt *helpline_store_gmina_years(struct db *db, const char *region,
                                           const char *from, const char *to);
struct db_stmt *helpline_store_referral_stats(struct db *db, const char *region,
                                              const char *from,
                                              const char *before);

/* Boundaries of a region's gminas (embedded GeoJSON), lon/lat degrees. */
struct helpline_geo_gmina {
    const char *teryt, *name;
    int nrings;
    int *ring_len; /* points per ring */
    double *xy;    /* lon, lat pairs of every ring, in order */
};

struct helpline_geo {
    int ngminas;
    struct helpline_geo_gmina *gminas;
    double min_lon, min_lat, max_lon, max_lat;
};

/*
** Parse the embedded boundaries of region's gminas into the arena.
** ERR_NOTFOUND when the build holds none for that region, ERR_INPUT when
** the file cannot be read as GeoJSON polygons.
*/
int helpline_geo_load(struct arena *a, const char *region,
                      struct helpline_geo **out);

/* Parse GeoJSON text (FeatureCollection of (Multi)Polygons); as above. */
int helpline_geo_parse(struct arena *a, const char *text, size_t len,
                       struct helpline_geo **out);

/*
** Demo data: agreements of kujawsko-pomorskie's 144 gminas as in seed 000
** (115 rural and urban-rural and 15 urban with, 12 and 2 without), duty
** hours in six cities and generated contacts of 2021. Idempotent; runs in
** the caller's transaction.
*/
int helpline_demo_load(struct db *db, struct arena *a);

#endif
