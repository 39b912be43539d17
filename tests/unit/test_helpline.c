/*
** Unit tests of the Niebieska Linia register: every channel, role and form
** stored and counted; statistics equal a hand count of a fixture (whole and
** partial months); purge removes exactly the rows before the date; the
** counts the monitoring part reads; referrals to institutions of the
** services directory (coverage rule, refusals, statistics, purge);
** agreements; Warsaw time; GeoJSON.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "auth/auth.h"
#include "core/arena.h"
#include "core/err.h"
#include "db/db.h"
#include "directory/directory.h"
#include "helpline/helpline.h"
#include "teryt/teryt.h"
#include "helpline/strings_pl.h"

#include "db_fixture.h"

static const struct audit_entry who = {.account = "konsultant", .via = "cli"};

static int
setup(void **state)
{
    (void)state;
    return db_fixture_open();
}

static int64_t
sql_int(const char *what)
{
    /* Only the catalogue's SQL runs; counts go through a purpose query. */
    db_stmt *st;
    int64_t n = -1;

    if (strcmp(what, "contacts") == 0) {
        st = db_query(db, Q_HELPLINE_PURGE_COUNT);
        db_bind_text(st, 1, "9999-12-31");
        db_one_int(st, &n);
    }
    return n;
}

static int64_t
add(const char *region, const char *at, int ch, int cr, const char *gmina,
    unsigned forms, unsigned harmed, int minutes, const char *note)
{
    struct helpline_contact c = {0};
    const char *why = NULL;
    int64_t id = 0;
    int rc;

    c.region = region;
    c.at = at;
    c.channel = ch;
    c.caller = cr;
    c.gmina = gmina;
    c.forms = forms;
    c.harmed = harmed;
    c.minutes = minutes;
    c.note = note;
    c.created_by = "konsultant";
    rc = helpline_contact_add(db, &c, &who, &id, &why);
    assert_int_equal(rc, 0);
    return id;
}

/* Each channel, caller and form once, and the counts show each once. */
static void
test_helpline_each_code_stored_and_counted(void **state)
{
    struct helpline_stats s;
    int i;

    (void)state;
    for (i = 1; i <= HELPLINE_CHANNELS; i++) {
        add("04", "2024-03-05T18:00", i, 1 + (i - 1) % HELPLINE_CALLERS,
            "0463011", 1u << ((i - 1) % HELPLINE_FORMS), 1, 10, NULL);
    }
    assert_int_equal(
        helpline_stats(db, &a, "04", "2024-03-01", "2024-03-31", &s), 0);
    assert_int_equal(s.total, 7);
    assert_int_equal(s.minutes, 70);
    for (i = 1; i <= HELPLINE_CHANNELS; i++) {
        assert_int_equal(s.by_channel[i], 1);
    }
    /* callers 1..4 then 1..3 again */
    assert_int_equal(s.by_caller[1], 2);
    assert_int_equal(s.by_caller[2], 2);
    assert_int_equal(s.by_caller[3], 2);
    assert_int_equal(s.by_caller[4], 1);
    /* forms 1..6 then form 1 again */
    assert_int_equal(s.by_form[1], 2);
    for (i = 2; i <= HELPLINE_FORMS; i++) {
        assert_int_equal(s.by_form[i], 1);
    }
    assert_int_equal(s.by_harmed[1], 7);
    assert_int_equal(s.ngminas, 1);
    assert_string_equal(s.gminas[0].code, "0463011");
    assert_string_equal(s.gminas[0].name, "Toruń");
    assert_int_equal(s.npowiats, 1);
    assert_string_equal(s.powiats[0].code, "0463");
}

/*
** The fixture (hand count below): region 04 unless said.
**   2024-01-31 23:59  ch1 cr1 Toruń       forms fiz+psych   (January)
**   2024-02-01 00:00  ch2 cr2 Toruń       forms psych       (Feb, first)
**   2024-02-15 12:00  ch1 cr1 Bydgoszcz   forms sexual
**   2024-02-29 20:00  ch3 cr4 (none)      forms econ+neglect (leap day)
**   2024-03-10 10:00  ch4 cr3 Bydgoszcz   forms cyber
**   2024-04-01 09:00  ch5 cr1 Toruń       forms fiz
**   2024-02-10 10:00  ch1 cr1 Kraków, region 12 (another region)
*/
static void
fixture(void)
{
    add("04", "2024-01-31T23:59", 1, 1, "0463011", 0x3, 0x2, 10, NULL);
    add("04", "2024-02-01T00:00", 2, 2, "0463011", 0x2, 0x1, 20, NULL);
    add("04", "2024-02-15T12:00", 1, 1, "0461011", 0x4, 0x2, 30, NULL);
    add("04", "2024-02-29T20:00", 3, 4, NULL, 0x18, 0x8, 0, NULL);
    add("04", "2024-03-10T10:00", 4, 3, "0461011", 0x20, 0x10, 5, NULL);
    add("04", "2024-04-01T09:00", 5, 1, "0463011", 0x1, 0x2, 15, NULL);
    add("12", "2024-02-10T10:00", 1, 1, "1261011", 0x1, 0x2, 10, NULL);
}

static void
test_helpline_stats_equal_hand_count(void **state)
{
    struct helpline_stats s;

    (void)state;
    fixture();
    /* Partial months at both ends: 2024-01-31 .. 2024-03-10. */
    assert_int_equal(
        helpline_stats(db, &a, "04", "2024-01-31", "2024-03-10", &s), 0);
    assert_int_equal(s.total, 5);
    assert_int_equal(s.nmonths, 3);
    assert_string_equal(s.months[0], "2024-01");
    assert_int_equal(s.by_month[0], 1);
    assert_int_equal(s.by_month[1], 3);
    assert_int_equal(s.by_month[2], 1);
    assert_int_equal(s.by_channel[1], 2);
    assert_int_equal(s.by_channel[2], 1);
    assert_int_equal(s.by_channel[3], 1);
    assert_int_equal(s.by_channel[4], 1);
    assert_int_equal(s.by_channel[5], 0);
    assert_int_equal(s.by_caller[1], 2);
    assert_int_equal(s.by_caller[4], 1);
    assert_int_equal(s.by_form[1], 1); /* fiz */
    assert_int_equal(s.by_form[2], 2); /* psych */
    assert_int_equal(s.by_form[3], 1);
    assert_int_equal(s.by_form[4], 1);
    assert_int_equal(s.by_form[5], 1);
    assert_int_equal(s.by_form[6], 1);
    assert_int_equal(s.by_harmed[2], 2);
    assert_int_equal(s.minutes, 10 + 20 + 30 + 0 + 5);
    /* Gminas by TERYT, the unknown last; powiats summed. */
    assert_int_equal(s.ngminas, 3);
    assert_string_equal(s.gminas[0].code, "0461011");
    assert_int_equal(s.gminas[0].n, 2);
    assert_string_equal(s.gminas[1].code, "0463011");
    assert_int_equal(s.gminas[1].n, 2);
    assert_string_equal(s.gminas[2].code, "");
    assert_int_equal(s.gminas[2].n, 1);
    assert_int_equal(s.npowiats, 2);

    /* February alone, from the summary only: 3. The country: 4. */
    assert_int_equal(
        helpline_stats(db, &a, "04", "2024-02-01", "2024-02-29", &s), 0);
    assert_int_equal(s.total, 3);
    assert_int_equal(
        helpline_stats(db, &a, NULL, "2024-02-01", "2024-02-29", &s), 0);
    assert_int_equal(s.total, 4);
    /* One day inside a month, and a range in one partial month. */
    assert_int_equal(
        helpline_stats(db, &a, "04", "2024-02-29", "2024-02-29", &s), 0);
    assert_int_equal(s.total, 1);
    assert_int_equal(s.by_channel[3], 1);
    assert_int_equal(
        helpline_stats(db, &a, "04", "2024-02-02", "2024-03-31", &s), 0);
    assert_int_equal(s.total, 3);
    /* Whole year: every contact of 04. */
    assert_int_equal(
        helpline_stats(db, &a, "04", "2024-01-01", "2024-12-31", &s), 0);
    assert_int_equal(s.total, 6);
    assert_int_equal(s.by_month[3], 1);
    /* Bad ranges. */
    assert_int_equal(
        helpline_stats(db, &a, "04", "2024-03-01", "2024-02-01", &s),
        ERR_INPUT);
    assert_int_equal(
        helpline_stats(db, &a, "04", "2024-02-30", "2024-03-01", &s),
        ERR_INPUT);
}

static void
test_helpline_count_contacts_for_monitoring(void **state)
{
    int64_t n = -1;

    (void)state;
    fixture();
    add("04", "2023-12-31T20:00", 1, 1, NULL, 0, 0, 0, NULL);
    assert_int_equal(helpline_count_contacts(db, "04", 2024, &n), 0);
    assert_int_equal(n, 6);
    assert_int_equal(helpline_count_contacts(db, "04", 2023, &n), 0);
    assert_int_equal(n, 1);
    assert_int_equal(helpline_count_contacts(db, "12", 2024, &n), 0);
    assert_int_equal(n, 1);
    assert_int_equal(helpline_count_contacts(db, NULL, 2024, &n), 0);
    assert_int_equal(n, 7);
    assert_int_equal(helpline_count_contacts(db, "04", 2025, &n), 0);
    assert_int_equal(n, 0);
    assert_int_equal(helpline_count_contacts(db, "04", 0, &n), ERR_INPUT);
}

static void
test_helpline_purge_removes_only_older_rows(void **state)
{
    struct helpline_stats s;
    int64_t n = -1, k = -1;

    (void)state;
    fixture();
    assert_int_equal(sql_int("contacts"), 7);
    assert_int_equal(helpline_purge(db, &a, "2024-02-15", &who, &n), 0);
    /* Before 2024-02-15: Jan 31, Feb 1 and Kraków's Feb 10. */
    assert_int_equal(n, 3);
    assert_int_equal(sql_int("contacts"), 4);
    {
        db_stmt *st = db_query(db, Q_HELPLINE_PURGE_COUNT);

        db_bind_text(st, 1, "2024-02-15");
        assert_int_equal(db_one_int(st, &k), 0);
        assert_int_equal(k, 0);
    }
    /* The rest is unchanged, and the summary followed the delete. */
    assert_int_equal(
        helpline_stats(db, &a, "04", "2024-01-01", "2024-12-31", &s), 0);
    assert_int_equal(s.total, 4);
    assert_int_equal(s.by_month[0], 0);
    assert_int_equal(s.by_month[1], 2);
    assert_int_equal(s.by_month[2], 1);
    assert_int_equal(s.by_month[3], 1);
    assert_int_equal(s.by_channel[1], 1);
    assert_int_equal(s.by_channel[3], 1);
    assert_int_equal(s.by_channel[4], 1);
    assert_int_equal(s.by_channel[5], 1);
    assert_int_equal(s.by_form[2], 0);
    assert_int_equal(helpline_purge(db, &a, "2024-13-01", &who, &n), ERR_INPUT);
}

/* An institution of the directory with one service covering `coverage`. */
static int64_t
dir_fixture(const char *region, const char *kind, const char *name,
            const char *gmina, const char *coverage)
{
    struct dir_org o = {0};
    struct dir_service sv = {0};
    int64_t id = 0, sid = 0;

    o.region = region;
    o.kind = kind;
    o.name = name;
    o.city = "Toruń";
    o.gmina = gmina;
    assert_int_equal(dir_store_org_write(db, &o, &id), 0);
    if (coverage != NULL) {
        sv.org_id = id;
        sv.name = "Porady";
        sv.category = "przemoc";
        sv.targets = "przemoc";
        sv.coverage = coverage;
        assert_int_equal(dir_store_service_write(db, &a, &sv, &sid), 0);
    }
    return id;
}

static int
add_referred(const char *at, const char *gmina, unsigned referrals,
             const int64_t *insts, int n, int64_t *id, const char **why)
{
    struct helpline_contact c = {0};

    c.region = "04";
    c.at = at;
    c.channel = 1;
    c.caller = 1;
    c.gmina = gmina;
    c.referrals = referrals;
    c.institutions = insts;
    c.ninstitutions = n;
    c.created_by = "konsultant";
    *why = NULL;
    return helpline_contact_add(db, &c, &who, id, why);
}

static int64_t
referral_rows(int64_t contact)
{
    db_stmt *st;
    int64_t n = 0;

    if (contact == 0) {
        st = db_query(db, Q_HELPLINE_REFERRAL_PURGE_COUNT);
        db_bind_text(st, 1, "9999-12-31");
        assert_int_equal(db_one_int(st, &n), 0);
        return n;
    }
    st = db_query(db, Q_HELPLINE_REFERRAL_OF);
    db_bind_int(st, 1, contact);
    while (db_step(st) == DB_ROW) {
        n++;
    }
    db_done(st);
    return n;
}

/*
** Referrals to institutions of the directory: only those of the contact's
** region serving its gmina (gmina, powiat or region coverage) are taken;
** the links are stored with the names of the day, counted by type, by
** institution and by kind (whole and partial months), and purged with
** their contacts.
*/
static void
test_helpline_referrals_to_institutions(void **state)
{
    struct dir_serving *v = NULL;
    struct helpline_stats s;
    const char *why;
    int64_t ops, pcpr, tel, other_gmina, other_region, id1 = 0, id2 = 0, n;
    int64_t bad[2];

    (void)state;
    assert_int_equal(db_begin(db), 0);
    ops = dir_fixture("04", "ops", "MOPR Toruń", "0463011", "gmina:0463011");
    pcpr = dir_fixture("04", "pcpr", "PCPR powiatu", "0463011", "powiat:0463");
    tel =
        dir_fixture("04", "telefon", "Telefon regionu", "0463011", "region:04");
    other_gmina =
        dir_fixture("04", "ops", "MOPS Bydgoszcz", "0461011", "gmina:0461011");
    /* Another region's institution, even with coverage of region 04. */
    other_region =
        dir_fixture("12", "ops", "MOPS Kraków", "1261011", "region:04");
    dir_fixture("04", "ngo", "Bez usług", "0463011", NULL);
    assert_int_equal(db_commit(db), 0);

    assert_int_equal(helpline_institutions(db, &a, "04", "0463011", &v), 3);
    assert_int_equal(v[0].id, ops);
    assert_int_equal(v[0].level, 0);
    assert_int_equal(v[1].id, pcpr);
    assert_int_equal(v[1].level, 1);
    assert_int_equal(v[2].id, tel);
    assert_int_equal(v[2].level, 2);
    assert_string_equal(v[2].kind, "telefon");
    assert_int_equal(helpline_institutions(db, &a, "04", "0461011", &v), 2);

    /* Refusals, each with the Polish message naming the field. */
    bad[0] = ops;
    bad[1] = other_gmina;
    assert_int_equal(
        add_referred("2024-02-10T10:00", "0463011", 0, bad, 2, &id1, &why),
        ERR_INPUT);
    assert_string_equal(why, T_HL_ERR_INST);
    bad[1] = other_region;
    assert_int_equal(
        add_referred("2024-02-10T10:00", "0463011", 0, bad, 2, &id1, &why),
        ERR_INPUT);
    assert_string_equal(why, T_HL_ERR_INST);
    bad[1] = ops;
    assert_int_equal(
        add_referred("2024-02-10T10:00", "0463011", 0, bad, 2, &id1, &why),
        ERR_INPUT);
    assert_string_equal(why, T_HL_ERR_INST_MANY);
    assert_int_equal(
        add_referred("2024-02-10T10:00", NULL, 0, bad, 1, &id1, &why),
        ERR_INPUT);
    assert_string_equal(why, T_HL_ERR_INST_GMINA);
    assert_non_null(
        strstr(T_HL_ERR_INST, "Skierowania do instytucji z katalogu"));
    assert_int_equal(sql_int("contacts"), 0);
    assert_int_equal(referral_rows(0), 0);

    /* Stored: two institutions and two types, then one more later. */
    bad[0] = ops;
    bad[1] = tel;
    assert_int_equal(
        add_referred("2024-02-10T10:00", "0463011", 0x11, bad, 2, &id1, &why),
        0);
    assert_int_equal(
        add_referred("2024-05-01T18:00", "0463011", 0x1, bad, 1, &id2, &why),
        0);
    assert_int_equal(referral_rows(id1), 2);
    assert_int_equal(referral_rows(id2), 1);

    assert_int_equal(
        helpline_stats(db, &a, "04", "2024-01-01", "2024-12-31", &s), 0);
    assert_int_equal(s.total, 2);
    assert_int_equal(s.by_referral[1], 2);
    assert_int_equal(s.by_referral[5], 1);
    assert_int_equal(s.by_referral[2], 0);
    assert_int_equal(s.inst_total, 3);
    assert_int_equal(s.ninsts, 2);
    assert_int_equal(s.insts[0].id, ops);
    assert_int_equal(s.insts[0].n, 2);
    assert_string_equal(s.insts[0].name, "MOPR Toruń");
    assert_int_equal(s.insts[1].id, tel);
    assert_int_equal(s.insts[1].n, 1);
    assert_int_equal(s.ninst_kinds, 2);
    assert_string_equal(s.inst_kinds[0].code, "ops");
    assert_int_equal(s.inst_kinds[0].n, 2);
    assert_string_equal(s.inst_kinds[0].name, dir_kind_label("ops"));
    assert_int_equal(s.inst_kinds[1].n, 1);
    /* Days of a partial month are read from the contacts. */
    assert_int_equal(
        helpline_stats(db, &a, "04", "2024-02-05", "2024-02-20", &s), 0);
    assert_int_equal(s.total, 1);
    assert_int_equal(s.by_referral[1], 1);
    assert_int_equal(s.by_referral[5], 1);
    assert_int_equal(s.inst_total, 2);
    /* Another region sees none of them. */
    assert_int_equal(
        helpline_stats(db, &a, "12", "2024-01-01", "2024-12-31", &s), 0);
    assert_int_equal(s.inst_total, 0);
    assert_int_equal(s.by_referral[1], 0);

    /* Purge takes the contact's referral rows along, and nothing else. */
    assert_int_equal(helpline_purge(db, &a, "2024-03-01", &who, &n), 0);
    assert_int_equal(n, 1);
    assert_int_equal(referral_rows(id1), 0);
    assert_int_equal(referral_rows(id2), 1);
    assert_int_equal(referral_rows(0), 1);
    assert_int_equal(
        helpline_stats(db, &a, "04", "2024-01-01", "2024-12-31", &s), 0);
    assert_int_equal(s.inst_total, 1);
    assert_int_equal(s.by_referral[1], 1);
    assert_int_equal(s.by_referral[5], 0);
}

static void
test_helpline_contact_checks(void **state)
{
    struct helpline_contact c = {
        .region = "04", .at = "2024-03-05T18:00", .channel = 1, .caller = 1};
    const char *why = NULL;
    int64_t id;

    (void)state;
    c.channel = 8;
    assert_int_equal(helpline_contact_add(db, &c, &who, &id, &why), ERR_INPUT);
    assert_non_null(why);
    c.channel = 1;
    c.caller = 0;
    assert_int_equal(helpline_contact_add(db, &c, &who, &id, &why), ERR_INPUT);
    c.caller = 1;
    c.at = "2024-02-30T10:00";
    assert_int_equal(helpline_contact_add(db, &c, &who, &id, &why), ERR_INPUT);
    c.at = "2999-01-01T10:00";
    assert_int_equal(helpline_contact_add(db, &c, &who, &id, &why), ERR_INPUT);
    c.at = "2024-03-05T18:00";
    c.gmina = "0499999";
    assert_int_equal(helpline_contact_add(db, &c, &who, &id, &why), ERR_INPUT);
    c.gmina = NULL;
    c.forms = 1u << HELPLINE_FORMS;
    assert_int_equal(helpline_contact_add(db, &c, &who, &id, &why), ERR_INPUT);
    c.forms = 0;
    assert_int_equal(sql_int("contacts"), 0);
    assert_int_equal(helpline_contact_add(db, &c, &who, &id, &why), 0);
    assert_int_equal(sql_int("contacts"), 1);
}

static void
test_helpline_agreements_and_count(void **state)
{
    struct helpline_agreement *g;
    const char *errs[HELPLINE_ERRS_MAX];
    int64_t n = -1;
    int k, i, has = 0, nerrs = -1;

    (void)state;
    assert_int_equal(helpline_agreement_set(db, "04", "0463011", "2020-01-01",
                                            NULL, &who, errs, &nerrs),
                     0);
    assert_int_equal(helpline_agreement_set(db, "04", "0461011", "2022-06-01",
                                            "2023-05-31", &who, errs, &nerrs),
                     0);
    /* A gmina of another region, and until before since, are refused,
     * each message naming its field by the form's label. */
    assert_int_equal(helpline_agreement_set(db, "04", "1261011", "2020-01-01",
                                            NULL, &who, errs, &nerrs),
                     ERR_INPUT);
    assert_int_equal(nerrs, 1);
    assert_string_equal(errs[0], T_HL_ERR_AGR_GMINA);
    assert_int_equal(helpline_agreement_set(db, "04", "0462011", "2020-01-01",
                                            "2019-01-01", &who, errs, &nerrs),
                     ERR_INPUT);
    assert_int_equal(nerrs, 1);
    assert_string_equal(errs[0], T_HL_ERR_AGR_UNTIL_BEFORE);
    /* Every wrong field at once. */
    assert_int_equal(helpline_agreement_set(db, "04", "x", "2020-13-01",
                                            "jutro", &who, errs, &nerrs),
                     ERR_INPUT);
    assert_int_equal(nerrs, 3);
    assert_string_equal(errs[0], "Gmina: wybierz z listy gminę tego "
                                 "województwa.");
    assert_true(strncmp(errs[1], "Od: ", 4) == 0);
    assert_true(strncmp(errs[2], "Do: ", 4) == 0);
    assert_int_equal(helpline_agreement_set(db, "04", "0462011", "",
                                            "2019-01-01", &who, errs, &nerrs),
                     ERR_INPUT);
    assert_int_equal(nerrs, 1);
    assert_string_equal(errs[0], T_HL_ERR_AGR_UNTIL_ALONE);
    assert_int_equal(helpline_count_agreements(db, "04", "2021-01-01", &n), 0);
    assert_int_equal(n, 1);
    assert_int_equal(helpline_count_agreements(db, "04", "2023-01-01", &n), 0);
    assert_int_equal(n, 2);
    assert_int_equal(helpline_count_agreements(db, "04", "2023-05-31", &n), 0);
    assert_int_equal(n, 2);
    assert_int_equal(helpline_count_agreements(db, "04", "2023-06-01", &n), 0);
    assert_int_equal(n, 1);
    assert_int_equal(helpline_count_agreements(db, "12", "2023-06-01", &n), 0);
    assert_int_equal(n, 0);
    assert_int_equal(helpline_count_agreements(db, "04", "2023-6-1", &n),
                     ERR_INPUT);
    k = helpline_agreements(db, &a, "04", "2023-01-01", &g);
    assert_int_equal(k, 144);
    for (i = 0; i < k; i++) {
        has += g[i].has;
    }
    assert_int_equal(has, 2);
    /* Removing it. */
    assert_int_equal(helpline_agreement_set(db, "04", "0463011", "", NULL, &who,
                                            errs, &nerrs),
                     0);
    assert_int_equal(helpline_count_agreements(db, "04", "2023-01-01", &n), 0);
    assert_int_equal(n, 1);
}

/* A refused duty names every wrong field by the form's label, adds
 * nothing; a good one is added. */
static void
test_helpline_duty_names_each_wrong_field(void **state)
{
    struct helpline_duty d = {.region = "04",
                              .kind = 0,
                              .specialist = -1,
                              .city = "",
                              .place = NULL,
                              .day = "3 marca",
                              .start = "25:00",
                              .finish = "17"};
    const char *errs[HELPLINE_ERRS_MAX];
    int64_t id = 0;
    int nerrs = -1;

    (void)state;
    assert_int_equal(helpline_duty_add(db, &d, &who, &id, errs, &nerrs),
                     ERR_INPUT);
    assert_int_equal(nerrs, 7);
    assert_string_equal(errs[0], T_HL_ERR_DUTY_KIND);
    assert_string_equal(errs[1], T_HL_ERR_DUTY_SPECIALIST);
    assert_string_equal(errs[2], "Miejscowość: wpisz miejscowość (najwyżej "
                                 "100 znaków).");
    assert_string_equal(errs[3], T_HL_ERR_DUTY_PLACE);
    assert_string_equal(errs[4], T_HL_ERR_DUTY_DAY);
    assert_string_equal(errs[5], T_HL_ERR_DUTY_START);
    assert_string_equal(errs[6], T_HL_ERR_DUTY_FINISH);
    /* Times in the wrong order: the end is the field at fault. */
    d = (struct helpline_duty){.region = "04",
                               .kind = 1,
                               .specialist = 1,
                               .city = "Toruń",
                               .place = "ul. Szeroka 1",
                               .day = "2026-03-02",
                               .start = "18:00",
                               .finish = "17:00"};
    assert_int_equal(helpline_duty_add(db, &d, &who, &id, errs, &nerrs),
                     ERR_INPUT);
    assert_int_equal(nerrs, 1);
    assert_string_equal(errs[0], "Do godziny: dyżur musi kończyć się "
                                 "później, niż się zaczyna (pole „Od "
                                 "godziny”).");
    d.region = "4";
    d.finish = "19:00";
    assert_int_equal(helpline_duty_add(db, &d, &who, &id, errs, &nerrs),
                     ERR_INPUT);
    assert_int_equal(nerrs, 1);
    assert_string_equal(errs[0], T_HL_ERR_FORM_REGION);
    d.region = "04";
    assert_int_equal(helpline_duty_add(db, &d, &who, &id, errs, &nerrs), 0);
    assert_int_equal(nerrs, 0);
    assert_true(id > 0);
}

static void
test_helpline_demo_reproduces_seed_counts(void **state)
{
    struct helpline_agreement *g;
    int k, i, c[2][2] = {{0, 0}, {0, 0}};
    int64_t n;

    (void)state;
    assert_int_equal(helpline_demo_load(db, &a), 0);
    assert_int_equal(helpline_demo_load(db, &a), 0); /* idempotent */
    k = helpline_agreements(db, &a, "04", "2021-12-31", &g);
    assert_int_equal(k, 144);
    for (i = 0; i < k; i++) {
        c[g[i].rodz == 1][g[i].has]++;
    }
    assert_int_equal(c[0][1], 115);
    assert_int_equal(c[0][0], 12);
    assert_int_equal(c[1][1], 15);
    assert_int_equal(c[1][0], 2);
    assert_int_equal(helpline_count_contacts(db, "04", 2021, &n), 0);
    assert_int_equal(n, 2136);
}

static void
test_helpline_warsaw_time_and_line_hours(void **state)
{
    struct tm tm;

    (void)state;
    /* 2024-01-15 16:30 UTC = 17:30 CET: open. */
    helpline_warsaw_time(1705336200, &tm);
    assert_int_equal(tm.tm_hour, 17);
    assert_true(helpline_line_open(&tm));
    /* 2024-07-15 19:30 UTC = 21:30 CEST: closed. */
    helpline_warsaw_time(1721071800, &tm);
    assert_int_equal(tm.tm_hour, 21);
    assert_false(helpline_line_open(&tm));
    /* 2024-03-31 00:59 UTC is 01:59 CET; 01:00 UTC is 03:00 CEST. */
    helpline_warsaw_time(1711846740, &tm);
    assert_int_equal(tm.tm_hour, 1);
    helpline_warsaw_time(1711846800, &tm);
    assert_int_equal(tm.tm_hour, 3);
    /* 2024-10-27 00:59 UTC is 02:59 CEST; 01:00 UTC is 02:00 CET. */
    helpline_warsaw_time(1729990740, &tm);
    assert_int_equal(tm.tm_hour, 2);
    assert_int_equal(tm.tm_min, 59);
    helpline_warsaw_time(1729990800, &tm);
    assert_int_equal(tm.tm_hour, 2);
    assert_int_equal(tm.tm_min, 0);
}

static void
test_helpline_geojson(void **state)
{
    static const char text[] =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
        "\"Feature\",\"properties\":{\"teryt\":\"0401011\",\"nazwa\":"
        "\"A \\\"b\\\"\"},\"geometry\":{\"type\":\"Polygon\","
        "\"coordinates\":[[[18.5,52.5],[19,52.5],[19,53],[18.5,52.5]]]}},"
        "{\"type\":\"Feature\",\"properties\":{\"teryt\":\"0401021\"},"
        "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[[[1,2],"
        "[3,4],[1,2]]],[[[5,6],[7,8],[5,6]]]]}}]}";
    struct helpline_geo *geo;

    (void)state;
    assert_int_equal(helpline_geo_parse(&a, text, sizeof(text) - 1, &geo), 0);
    assert_int_equal(geo->ngminas, 2);
    assert_string_equal(geo->gminas[0].name, "A \"b\"");
    assert_int_equal(geo->gminas[0].nrings, 1);
    assert_int_equal(geo->gminas[0].ring_len[0], 4);
    assert_int_equal(geo->gminas[1].nrings, 2);
    assert_true(geo->min_lon == 1.0 && geo->max_lat == 53.0);
    assert_int_equal(helpline_geo_parse(&a, "{\"features\":[", 13, &geo),
                     ERR_INPUT);
    /* The embedded region: 144 gminas of kujawsko-pomorskie. */
    assert_int_equal(helpline_geo_load(&a, "04", &geo), 0);
    assert_int_equal(geo->ngminas, 144);
    assert_int_equal(helpline_geo_load(&a, "02", &geo), ERR_NOTFOUND);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(
            test_helpline_each_code_stored_and_counted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_helpline_stats_equal_hand_count,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_helpline_count_contacts_for_monitoring, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_helpline_purge_removes_only_older_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_helpline_referrals_to_institutions,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_helpline_contact_checks, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_helpline_agreements_and_count,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_helpline_duty_names_each_wrong_field, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_helpline_demo_reproduces_seed_counts, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_helpline_warsaw_time_and_line_hours, setup, teardown),
        cmocka_unit_test_setup_teardown(test_helpline_geojson, setup, teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
