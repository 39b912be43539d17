/*
** Unit tests of the services directory: hours and "open now" (Warsaw time,
** past midnight, weekends), folding in the search, ranking gmina -> powiat
** -> region, CSV round trip, rejected CSV rows with findings, and the HSDS
** zip (file names and columns).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/stop.h"
#include "db/db.h"
#include "directory/directory.h"
#include "teryt/teryt.h"

#include "db_fixture.h"

static const struct audit_entry who = {.account = "test", .via = "cli"};

static int
setup(void **state)
{
    int rc;

    (void)state;
    if (db_fixture_open() != 0 || db_begin(db) != 0) {
        return -1;
    }
    rc = directory_demo_load(db, &a);
    return rc == 0 ? db_commit(db) : -1;
}

/* Unix time of a UTC date and time. */
static int64_t
utc(int y, int mo, int d, int h, int mi)
{
    struct tm tm = {0};

    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    return (int64_t)timegm(&tm);
}

static void
test_directory_hours_parse_polish_forms(void **state)
{
    struct dir_hours h;
    const char *why;

    (void)state;
    assert_int_equal(dir_hours_parse(&a, "pn-pt 8:00-16:00; sb 9-13", &h, &why),
                     0);
    assert_int_equal(h.n, 6);
    assert_int_equal(h.span[0].day, 0);
    assert_int_equal(h.span[0].open, 8 * 60);
    assert_int_equal(h.span[0].close, 16 * 60);
    assert_int_equal(h.span[5].day, 5);
    assert_int_equal(h.span[5].close, 13 * 60);
    assert_int_equal(dir_hours_parse(&a, "codziennie 17.00 – 21.00", &h, &why),
                     0);
    assert_int_equal(h.n, 7);
    assert_int_equal(h.span[6].day, 6);
    assert_int_equal(h.span[6].open, 17 * 60);
    assert_int_equal(dir_hours_parse(&a, "Pn, Śr, Pt 10:00-18:00", &h, &why),
                     0);
    assert_int_equal(h.n, 3);
    assert_int_equal(h.span[1].day, 2);
    assert_int_equal(dir_hours_parse(&a, "całodobowo", &h, &why), 0);
    assert_int_equal(h.n, 7);
    assert_int_equal(h.span[3].close, 24 * 60);
    assert_int_equal(dir_hours_parse(&a, "", &h, &why), 0);
    assert_int_equal(h.n, 0);
    /* Errors say what is wrong, in Polish. */
    assert_int_equal(dir_hours_parse(&a, "xx 8-16", &h, &why), ERR_INPUT);
    assert_non_null(strstr(why, "Nieznany dzień"));
    assert_int_equal(dir_hours_parse(&a, "pn-pt 8:00-25:00", &h, &why),
                     ERR_INPUT);
    assert_non_null(strstr(why, "godziny"));
    assert_int_equal(dir_hours_parse(&a, "8-16", &h, &why), ERR_INPUT);
}

static void
test_directory_open_across_midnight_and_weekend(void **state)
{
    struct dir_hours h;
    const char *why;

    (void)state;
    assert_int_equal(dir_hours_parse(&a, "pt-sb 20:00-2:00", &h, &why), 0);
    /* Friday 23:00 and Saturday 1:30 (Friday's night) are open. */
    assert_true(dir_hours_open_at(&h, 4, 23 * 60));
    assert_true(dir_hours_open_at(&h, 5, 90));
    assert_false(dir_hours_open_at(&h, 5, 3 * 60));
    assert_false(dir_hours_open_at(&h, 5, 19 * 60));
    assert_true(dir_hours_open_at(&h, 5, 21 * 60));
    /* Sunday 1:00 belongs to Saturday's night; Monday 1:00 to nobody. */
    assert_true(dir_hours_open_at(&h, 6, 60));
    assert_false(dir_hours_open_at(&h, 0, 60));
    assert_false(dir_hours_open_at(&h, 4, 19 * 60 + 59));
    /* Sunday night into Monday wraps the week. */
    assert_int_equal(dir_hours_parse(&a, "nd 22-6", &h, &why), 0);
    assert_true(dir_hours_open_at(&h, 0, 5 * 60));
    assert_false(dir_hours_open_at(&h, 0, 7 * 60));
    /* Weekdays only: closed on the weekend. */
    assert_int_equal(dir_hours_parse(&a, "pn-pt 8-16", &h, &why), 0);
    assert_true(dir_hours_open_at(&h, 2, 10 * 60));
    assert_false(dir_hours_open_at(&h, 5, 10 * 60));
    assert_false(dir_hours_open_at(&h, 6, 10 * 60));
}

static void
test_directory_warsaw_time_and_open_now(void **state)
{
    int wday, minute;

    (void)state;
    /* Friday 5 January 2024, 22:30 UTC = 23:30 CET. */
    dir_warsaw_time(utc(2024, 1, 5, 22, 30), &wday, &minute);
    assert_int_equal(wday, 4);
    assert_int_equal(minute, 23 * 60 + 30);
    /* 23:30 UTC is already Saturday 0:30 in Warsaw. */
    dir_warsaw_time(utc(2024, 1, 5, 23, 30), &wday, &minute);
    assert_int_equal(wday, 5);
    assert_int_equal(minute, 30);
    /* Summer time: Friday 5 July 2024, 19:30 UTC = 21:30 CEST. */
    dir_warsaw_time(utc(2024, 7, 5, 19, 30), &wday, &minute);
    assert_int_equal(minute, 21 * 60 + 30);
    /* The switch: 31 March 2024, 00:59 UTC = 1:59 CET, 1:00 = 3:00 CEST. */
    dir_warsaw_time(utc(2024, 3, 31, 0, 59), &wday, &minute);
    assert_int_equal(wday, 6);
    assert_int_equal(minute, 60 + 59);
    dir_warsaw_time(utc(2024, 3, 31, 1, 0), &wday, &minute);
    assert_int_equal(minute, 3 * 60);
    /* And back: 27 October 2024, 1:00 UTC = 2:00 CET. */
    dir_warsaw_time(utc(2024, 10, 27, 0, 59), &wday, &minute);
    assert_int_equal(minute, 2 * 60 + 59);
    dir_warsaw_time(utc(2024, 10, 27, 1, 0), &wday, &minute);
    assert_int_equal(minute, 2 * 60);
    /* The Niebieska Linia, daily 17-21, in winter and in summer. */
    assert_int_equal(
        dir_open_now(&a, "codziennie 17:00-21:00", utc(2024, 1, 6, 19, 30)), 1);
    assert_int_equal(
        dir_open_now(&a, "codziennie 17:00-21:00", utc(2024, 1, 6, 20, 30)), 0);
    assert_int_equal(
        dir_open_now(&a, "codziennie 17:00-21:00", utc(2024, 7, 6, 18, 30)), 1);
    assert_int_equal(
        dir_open_now(&a, "codziennie 17:00-21:00", utc(2024, 7, 6, 19, 30)), 0);
    assert_int_equal(dir_open_now(&a, "", utc(2024, 7, 6, 19, 30)), -1);
}

static bool
has(const struct dir_view *v, int n, const char *name_part)
{
    int i;

    for (i = 0; i < n; i++) {
        if (strstr(v[i].name, name_part) || strstr(v[i].org_name, name_part)) {
            return true;
        }
    }
    return false;
}

static void
test_directory_search_folds_diacritics_and_l(void **state)
{
    struct dir_query q = {.limit = 50, .now = utc(2024, 1, 6, 19, 0)};
    struct dir_view *v;
    int n;

    (void)state;
    q.q = "osrodek interwencji";
    n = dir_search(db, &a, &q, &v);
    assert_true(n > 0);
    assert_true(has(v, n, "Ośrodek Interwencji Kryzysowej"));
    q.q = "OŚRODEK interwencji";
    assert_int_equal(dir_search(db, &a, &q, &v), n);
    /* ł has no Unicode decomposition: "wloclaw" must find Włocławek. */
    q.q = "wloclaw adopcyjne";
    n = dir_search(db, &a, &q, &v);
    assert_true(n >= 1);
    assert_true(has(v, n, "oddział we Włocławku"));
    q.q = "Jaksice";
    n = dir_search(db, &a, &q, &v);
    assert_true(has(v, n, "oddział w Jaksicach"));
    /* Inside a gmina, and with the category filter in the index. */
    q.q = "adopcja";
    q.gmina = "0463011";
    n = dir_search(db, &a, &q, &v);
    assert_true(has(v, n, "Procedury adopcyjne"));
    q.q = NULL;
    q.category = "telefon";
    n = dir_search(db, &a, &q, &v);
    assert_true(n >= 1);
    assert_true(has(v, n, "800 154 030"));
    assert_string_equal(v[0].phone, "800 154 030");
    assert_int_equal(v[0].open_now, 1); /* Saturday 20:00 CET */
    /* The match expression keeps filters inside FTS5; a filter about
    ** violence keeps crisis intervention, legal help and helplines. */
    assert_string_equal(
        dir_match_expr(&a, "g0463011", "Łódź  ośrodek", "adopcja", NULL),
        "area:g0463011 AND facet:kadopcja AND "
        "body:(\"lodz\"* \"osrodek\"*)");
    assert_string_equal(
        dir_match_expr(&a, "g0463011", "Łódź  ośrodek", "przemoc", NULL),
        "area:g0463011 AND (facet:kprzemoc OR facet:kkryzys OR "
        "facet:kprawna OR facet:ktelefon OR facet:tprzemoc) AND "
        "body:(\"lodz\"* \"osrodek\"*)");
    assert_null(dir_match_expr(&a, NULL, " ,; ", NULL, "bad code!"));
}

static int64_t
add_service(int64_t org, const char *name, const char *coverage)
{
    struct dir_service s = {0};
    int64_t id = 0;

    s.org_id = org;
    s.name = name;
    s.category = "pomoc";
    s.targets = "wszyscy";
    s.coverage = coverage;
    assert_int_equal(dir_service_save(db, &a, &s, &who, &id), 0);
    return id;
}

static void
test_directory_ranking_gmina_powiat_region(void **state)
{
    struct dir_org o = {0}, far = {0};
    struct dir_query q = {.limit = 500, .now = 0, .q = "zzranking"};
    struct dir_view *v;
    int64_t org, far_org;
    int n, i;

    (void)state;
    o.region = "04";
    o.kind = "ngo";
    o.name = "Fundacja Zzranking Toruń";
    o.gmina = "0463011";
    o.city = "Toruń";
    assert_int_equal(dir_org_save(db, &a, &o, &who, &org), 0);
    far = o;
    far.name = "Fundacja Daleka";
    far.gmina = "0461011";
    far.city = "Bydgoszcz";
    assert_int_equal(dir_org_save(db, &a, &far, &who, &far_org), 0);
    /* Inserted in the opposite order of the expected ranking. */
    add_service(far_org, "Zzranking regionalna", "region:04");
    add_service(org, "Zzranking regionalna z Torunia", "region:04");
    add_service(org, "Zzranking powiatowa", "powiat:0463");
    add_service(org, "Zzranking gminna", "gmina:0463011");
    add_service(org, "Zzranking gminna i regionalna",
                "gmina:0463011 region:04");
    add_service(far_org, "Zzranking Bydgoszcz", "gmina:0461011");
    add_service(org, "Zzranking Kraków", "region:12");

    q.gmina = "0463011";
    n = dir_search(db, &a, &q, &v);
    assert_int_equal(n, 5);
    for (i = 1; i < n; i++) {
        assert_true(v[i - 1].level <= v[i].level);
    }
    assert_int_equal(v[0].level, DIR_LEVEL_GMINA);
    assert_int_equal(v[1].level, DIR_LEVEL_GMINA);
    assert_true(has(v, 2, "Zzranking gminna i regionalna"));
    assert_string_equal(v[2].name, "Zzranking powiatowa");
    assert_int_equal(v[2].level, DIR_LEVEL_POWIAT);
    /* Region level: the one located in the gmina first. */
    assert_int_equal(v[3].level, DIR_LEVEL_REGION);
    assert_string_equal(v[3].name, "Zzranking regionalna z Torunia");
    assert_true(v[3].here);
    assert_string_equal(v[4].name, "Zzranking regionalna");
    assert_false(v[4].here);
    /* Bydgoszcz's gmina service and Kraków's region are not listed. */
    assert_false(has(v, n, "Zzranking Bydgoszcz"));
    assert_false(has(v, n, "Zzranking Kraków"));
    /* Kraków sees only its own region's. */
    q.gmina = "1261011";
    n = dir_search(db, &a, &q, &v);
    assert_int_equal(n, 1);
    assert_string_equal(v[0].name, "Zzranking Kraków");
    q.gmina = "12x";
    assert_int_equal(dir_search(db, &a, &q, &v), ERR_INPUT);
}

static void
test_directory_confidential_address_is_withheld(void **state)
{
    struct dir_query q = {
        .limit = 50, .gmina = "0463011", .category = "kryzys"};
    struct dir_org o = {0};
    struct dir_service s = {0};
    struct dir_view *v, one;
    int64_t org, sid;
    int n, i;
    bool found = false;

    (void)state;
    o.region = "04";
    o.kind = "oik";
    o.name = "Schronisko Tajne";
    o.street = "ul. Ukryta 5";
    o.postcode = "87-100";
    o.city = "Toruń";
    o.gmina = "0463011";
    o.lat = "53.01";
    o.lon = "18.60";
    o.phone = "56 000 00 00";
    o.confidential = true;
    assert_int_equal(dir_org_save(db, &a, &o, &who, &org), 0);
    s.org_id = org;
    s.name = "Hostel interwencyjny";
    s.category = "kryzys";
    s.coverage = "gmina:0463011";
    assert_int_equal(dir_service_save(db, &a, &s, &who, &sid), 0);
    n = dir_search(db, &a, &q, &v);
    for (i = 0; i < n; i++) {
        if (v[i].id == sid) {
            found = true;
            assert_string_equal(v[i].street, "");
            assert_string_equal(v[i].lat, "");
            assert_string_equal(v[i].phone, "56 000 00 00");
        }
    }
    assert_true(found);
    /* The street is not searchable either. */
    q.category = NULL;
    q.q = "ukryta";
    assert_int_equal(dir_search(db, &a, &q, &v), 0);
    assert_int_equal(dir_view_get(db, &a, sid, 0, true, &one), 0);
    assert_string_equal(one.street, "ul. Ukryta 5");
}

static void
test_directory_csv_round_trip(void **state)
{
    struct dir_findings f = {0};
    struct buf first, second;
    int norg = 0, nsvc = 0;
    int64_t before = 0;
    db_stmt *st;

    (void)state;
    buf_init(&first);
    buf_init(&second);
    assert_int_equal(dir_export_csv(db, &a, NULL, &first), 0);
    /* Excel-friendly: a BOM and ';' (issue 20) */
    assert_non_null(
        strstr(first.data, "\xEF\xBB\xBForg_key;parent_key;region;kind;"));
    assert_non_null(strstr(first.data, "Kujawsko-Pomorska Niebieska Linia"));
    assert_non_null(strstr(first.data, "codziennie 17:00-21:00"));
    st = db_query(db, Q_DIR_ORG_COUNT_ALL);
    assert_int_equal(db_one_int(st, &before), 0);
    assert_int_equal(dir_import_csv(db, &a, NULL, first.data, first.len, &who,
                                    &f, &norg, &nsvc),
                     0);
    assert_int_equal(f.n, 0);
    assert_int_equal(norg, before);
    assert_true(nsvc > 1000);
    assert_int_equal(dir_export_csv(db, &a, NULL, &second), 0);
    assert_int_equal(first.len, second.len);
    assert_memory_equal(first.data, second.data, first.len);
    buf_free(&first);
    buf_free(&second);
}

static void
test_directory_bad_csv_rows_rejected_with_findings(void **state)
{
    const char *csv =
        "org_key;region;kind;org_name;gmina;org_hours;service_name;"
        "category;targets;coverage\n"
        "o1;04;ops;Dobra instytucja;0463011;pn-pt 8-16;Usługa;pomoc;"
        "rodziny;gmina:0463011\n"
        "o2;04;ops;Zła gmina;9999999;;Usługa;pomoc;;gmina:0463011\n"
        "o3;04;bank;Zły rodzaj;0463011;;Usługa;brak;obcy;gmina:123\n"
        "o4;04;ops;Złe godziny;0463011;pn-pt 8-99;;;;\n"
        "o5;12;ops;Inny region;1261011;;;;;\n";
    struct dir_findings f = {0};
    int64_t before = 0, after = 0;
    int norg = 0, nsvc = 0, i;
    bool row3 = false, row4kind = false, row4cat = false, row4cov = false,
         row5 = false, row6 = false;
    db_stmt *st;

    (void)state;
    st = db_query(db, Q_DIR_ORG_COUNT_ALL);
    assert_int_equal(db_one_int(st, &before), 0);
    assert_int_equal(
        dir_import_csv(db, &a, "04", csv, strlen(csv), &who, &f, &norg, &nsvc),
        ERR_INPUT);
    for (i = 0; i < f.n; i++) {
        const struct dir_finding *x = &f.v[i];

        const char *c = x->column ? x->column : "";

        assert_int_not_equal(x->row, 2); /* the good row has none */
        row3 |= x->row == 3 && strcmp(c, "gmina") == 0;
        row4kind |= x->row == 4 && strcmp(c, "kind") == 0;
        row4cat |= x->row == 4 && strcmp(c, "category") == 0 &&
                   strstr(x->message, "„brak”") != NULL;
        row4cov |= x->row == 4 && strcmp(c, "coverage") == 0;
        row5 |= x->row == 5 && strcmp(c, "org_hours") == 0;
        row6 |= x->row == 6 && strcmp(c, "region") == 0;
    }
    assert_true(row3 && row4kind && row4cat && row4cov && row5 && row6);
    /* All or nothing: the good row was not written either. */
    st = db_query(db, Q_DIR_ORG_COUNT_ALL);
    assert_int_equal(db_one_int(st, &after), 0);
    assert_int_equal(before, after);
    /* A missing required column is named. */
    f.n = 0;
    csv = "org_key,region\no1,04\n";
    assert_int_equal(
        dir_import_csv(db, &a, NULL, csv, strlen(csv), &who, &f, &norg, &nsvc),
        ERR_INPUT);
    assert_true(f.n >= 1);
    assert_string_equal(f.v[0].column, "kind");
}

/* Issue 11: a stop request ends an import, and nothing of it is kept. */
static void
test_directory_import_stops_on_request_all_or_nothing(void **state)
{
    struct dir_findings f = {0};
    struct buf csv;
    int64_t before = 0, after = 0;
    int norg = 0, nsvc = 0;
    db_stmt *st;

    (void)state;
    buf_init(&csv);
    buf_puts(&csv, "org_key,region,kind,org_name,gmina\n");
    for (int i = 1; i <= 3 * STOP_CHECK_ROWS; i++) {
        buf_printf(&csv, "o%d,04,ops,Stop %d,0463011\n", i, i);
    }
    st = db_query(db, Q_DIR_ORG_COUNT_ALL);
    assert_int_equal(db_one_int(st, &before), 0);
    stop_request();
    assert_int_equal(
        dir_import_csv(db, &a, "04", csv.data, csv.len, &who, &f, &norg, &nsvc),
        ERR_STOPPED);
    stop_reset();
    assert_int_equal(norg, 0);
    st = db_query(db, Q_DIR_ORG_COUNT_ALL);
    assert_int_equal(db_one_int(st, &after), 0);
    assert_int_equal(before, after);
    /* without the request the same file is imported */
    assert_int_equal(
        dir_import_csv(db, &a, "04", csv.data, csv.len, &who, &f, &norg, &nsvc),
        0);
    assert_int_equal(norg, 3 * STOP_CHECK_ROWS);
    buf_free(&csv);
}

/* Issue 11: parent and service keys found by hash, duplicates still told. */
static void
test_directory_import_keys_parents_and_duplicates(void **state)
{
    const char *csv = "org_key,parent_key,region,kind,org_name,gmina,"
                      "service_key,service_name,category,coverage\n"
                      "o1,,04,ops,Matka,0463011,s1,Porady,informacja,"
                      "gmina:0463011\n"
                      "o2,o1,04,ops,Córka,0463011,s1,Porady,informacja,"
                      "gmina:0463011\n"
                      "o3,o3,04,ops,Sama sobie,0463011,,,,\n";
    struct dir_findings f = {0};
    bool dup = false, self = false;
    int norg = 0, nsvc = 0;

    (void)state;
    assert_int_equal(
        dir_import_csv(db, &a, "04", csv, strlen(csv), &who, &f, &norg, &nsvc),
        ERR_INPUT);
    for (int i = 0; i < f.n; i++) {
        const char *c = f.v[i].column ? f.v[i].column : "";

        assert_int_not_equal(f.v[i].row, 2);
        dup |= f.v[i].row == 3 && strcmp(c, "service_key") == 0;
        self |= f.v[i].row == 4 && strcmp(c, "parent_key") == 0;
    }
    assert_true(dup && self);
}

/* Issue 11: a row of 80 KB of ',' or millions of blank lines are refused
** by the parser's limits, with the row named. */
static void
test_directory_csv_limits(void **state)
{
    size_t n = 80 * 1024;
    char *commas = arena_alloc(&a, n), *lines;
    const char *why = NULL;
    char ***rows;
    int *ncols;

    (void)state;
    memset(commas, ',', n);
    assert_int_equal(dir_csv_parse(&a, commas, n, &rows, &ncols, &why),
                     ERR_INPUT);
    assert_string_equal(why, "Wiersz 1 ma więcej niż 256 kolumn.");
    n = DIR_CSV_MAX_ROWS + 1;
    lines = arena_alloc(&a, n);
    memset(lines, '\n', n);
    why = NULL;
    assert_int_equal(dir_csv_parse(&a, lines, n, &rows, &ncols, &why),
                     ERR_INPUT);
    assert_non_null(why);
    assert_non_null(strstr(why, "więcej niż 2000000 wierszy"));
    /* at the limit the file is read */
    assert_int_equal(dir_csv_parse(&a, lines, n - 1, &rows, &ncols, &why),
                     DIR_CSV_MAX_ROWS);
}

/* The first line of a file in the zip. */
static char *
zip_first_line(zip_t *z, const char *name, char **all)
{
    zip_stat_t zs;
    zip_file_t *zf;
    char *data, *nl;

    zip_stat_init(&zs);
    if (zip_stat(z, name, 0, &zs) != 0) {
        return NULL;
    }
    data = arena_alloc(&a, zs.size + 1);
    zf = zip_fopen(z, name, 0);
    assert_non_null(zf);
    assert_int_equal(zip_fread(zf, data, zs.size), (zip_int64_t)zs.size);
    zip_fclose(zf);
    data[zs.size] = '\0';
    *all = arena_strdup(&a, data);
    nl = strstr(data, "\r\n");
    if (nl != NULL) {
        *nl = '\0';
    }
    return data;
}

/*
** Issue 20: the HSDS 3.0 package has the specification's files, each with
** the specification's columns (the whole export is validated against the
** specification's schemas by tests/integration/test_hsds.py).
*/
static void
test_directory_hsds_files_and_columns(void **state)
{
    static const struct {
        const char *file, *header;
    } expect[] = {
        {"organizations.csv",
         "id,name,alternate_name,description,email,website,tax_status,tax_id,"
         "year_incorporated,legal_status,logo,uri,parent_organization_id"},
        {"services.csv",
         "id,organization_id,program_id,name,alternate_name,description,url,"
         "email,status,interpretation_services,application_process,"
         "fees_description,wait_time,fees,accreditations,"
         "eligibility_description,minimum_age,maximum_age,assured_date,"
         "assurer_email,licenses,alert,last_modified"},
        {"locations.csv",
         "id,location_type,url,organization_id,name,alternate_name,"
         "description,transportation,latitude,longitude,external_identifier,"
         "external_identifier_type"},
        {"addresses.csv", "id,location_id,attention,address_1,address_2,city,"
                          "region,state_province,postal_code,country,"
                          "address_type"},
        {"phones.csv", "id,location_id,service_id,organization_id,"
                       "contact_id,service_at_location_id,number,extension,"
                       "type,description"},
        {"schedules.csv",
         "id,service_id,location_id,service_at_location_id,valid_from,"
         "valid_to,dtstart,timezone,until,count,wkst,freq,interval,byday,"
         "byweekno,bymonthday,byyearday,description,opens_at,closes_at,"
         "schedule_link,attending_type,notes"},
        {"service_areas.csv",
         "id,service_id,name,description,extent,extent_type,uri"},
        {"service_at_location.csv", "id,service_id,location_id,description"},
        {"languages.csv", "id,service_id,location_id,phone_id,name,code,note"},
        {"attributes.csv",
         "id,link_id,taxonomy_term_id,link_type,link_entity,value"},
        {"taxonomy_terms.csv", "id,code,name,description,parent_id,taxonomy,"
                               "language,taxonomy_id,term_uri"},
        {"taxonomies.csv", "id,name,description,uri,version"},
    };
    char *zipdata, *line, *all;
    size_t len, i;
    zip_error_t ze;
    zip_source_t *src;
    zip_t *z;

    (void)state;
    assert_int_equal(dir_export_hsds(db, &a, &zipdata, &len), 0);
    assert_true(len > 1000);
    zip_error_init(&ze);
    src = zip_source_buffer_create(zipdata, len, 0, &ze);
    assert_non_null(src);
    z = zip_open_from_source(src, ZIP_RDONLY, &ze);
    assert_non_null(z);
    assert_int_equal(zip_get_num_entries(z, 0), 13);
    for (i = 0; i < sizeof(expect) / sizeof(expect[0]); i++) {
        line = zip_first_line(z, expect[i].file, &all);
        assert_non_null(line);
        assert_string_equal(line, expect[i].header);
    }
    line = zip_first_line(z, "phones.csv", &all);
    assert_non_null(strstr(all, ",800 154 030,"));
    /* weekly, Sunday, times as the Table Schema's time type */
    line = zip_first_line(z, "schedules.csv", &all);
    assert_non_null(strstr(all, ",MO,WEEKLY,,SU,,,,codziennie 17:00-21:00,"
                                "17:00:00,21:00:00,"));
    line = zip_first_line(z, "locations.csv", &all);
    assert_non_null(strstr(all, "Lokalizacja poufna"));
    line = zip_first_line(z, "addresses.csv", &all);
    assert_non_null(strstr(all, "ul. M. Skłodowskiej-Curie 73"));
    assert_null(strstr(all, "ul. Ukryta 5")); /* confidential */
    line = zip_first_line(z, "service_areas.csv", &all);
    assert_non_null(strstr(all, ", TERYT 04\",04,TERYT,"));
    line = zip_first_line(z, "datapackage.json", &all);
    assert_non_null(strstr(all, "\"profile\": \"tabular-data-package\"") ||
                    strstr(all, "\"profile\":\"tabular-data-package\""));
    assert_non_null(strstr(all, "\"version\": \"3.0.0\"") ||
                    strstr(all, "\"version\":\"3.0.0\""));
    assert_non_null(strstr(all, "\"path\":\"service_areas.csv\"") ||
                    strstr(all, "\"path\": \"service_areas.csv\""));
    zip_close(z);
    free(zipdata);
}

/*
** Issue 11, finding 5: text that would start a formula leaves the export
** guarded and comes back from the import as it was: the export of the
** import of the export is the same file. Replaces region 04's directory,
** so it runs last.
*/
static void
test_directory_csv_guards_formulas_and_reads_them_back(void **state)
{
    const char *csv =
        "org_key;region;kind;org_name;org_description;gmina;service_name;"
        "service_description;how_to_apply;category;coverage\n"
        "o1;04;ops;\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";@SUM(A1);"
        "0463011;+1;-2+3;'=quoted;pomoc;gmina:0463011\n";
    struct dir_findings f = {0};
    struct buf first, second;
    int norg = 0, nsvc = 0;

    (void)state;
    assert_int_equal(
        dir_import_csv(db, &a, "04", csv, strlen(csv), &who, &f, &norg, &nsvc),
        0);
    assert_int_equal(norg, 1);
    assert_int_equal(nsvc, 1);
    buf_init(&first);
    buf_init(&second);
    assert_int_equal(dir_export_csv(db, &a, "04", &first), 0);
    assert_non_null(
        strstr(first.data, ";\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";"));
    assert_non_null(strstr(first.data, ";'@SUM(A1);"));
    assert_non_null(strstr(first.data, ";'+1;'-2+3;pomoc;"));
    /* a file's "'=" is a guard, as typed in a spreadsheet: the text "=" */
    assert_non_null(strstr(first.data, ";'=quoted;"));
    assert_null(strstr(first.data, ";=HYPERLINK"));
    assert_null(strstr(first.data, ",+1"));
    assert_int_equal(dir_import_csv(db, &a, "04", first.data, first.len, &who,
                                    &f, &norg, &nsvc),
                     0);
    assert_int_equal(f.n, 0);
    assert_int_equal(dir_export_csv(db, &a, "04", &second), 0);
    assert_int_equal(first.len, second.len);
    assert_memory_equal(first.data, second.data, first.len);
    buf_free(&first);
    buf_free(&second);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_directory_hours_parse_polish_forms),
        cmocka_unit_test(test_directory_open_across_midnight_and_weekend),
        cmocka_unit_test(test_directory_warsaw_time_and_open_now),
        cmocka_unit_test(test_directory_search_folds_diacritics_and_l),
        cmocka_unit_test(test_directory_ranking_gmina_powiat_region),
        cmocka_unit_test(test_directory_confidential_address_is_withheld),
        cmocka_unit_test(test_directory_csv_round_trip),
        cmocka_unit_test(test_directory_bad_csv_rows_rejected_with_findings),
        cmocka_unit_test(test_directory_hsds_files_and_columns),
        cmocka_unit_test(
            test_directory_csv_guards_formulas_and_reads_them_back),
        cmocka_unit_test(test_directory_csv_limits),
        /* last: the stop test replaces region 04's directory */
        cmocka_unit_test(test_directory_import_keys_parents_and_duplicates),
        cmocka_unit_test(test_directory_import_stops_on_request_all_or_nothing),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
