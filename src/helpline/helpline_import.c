/*
** Import of past Niebieska Linia contacts (issue 21), all or nothing: the
** rows helpline_csv.c reads are checked against the register (its
** voivodeships and gminas, no date in the future) first, a message naming
** the line and column of the first bad one stopping the import before
** anything is written; then read again and inserted in one audited
** transaction in which the contacts' triggers leave the monthly summary
** alone (helpline_bulk, migration 0024); the summary of each month loaded
** is rebuilt once at the end.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth/auth.h"
#include "core/arena.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/str.h"
#include "db/db.h"
#include "helpline.h"
#include "helpline/strings_pl.h"
#include "teryt/teryt.h"

#define MONTH_SLOTS 65536 /* power of two */
#define MONTHS_MAX 20000  /* (region, month) pairs of one import */

/* What the two passes share. */
struct load {
    struct db *db;
    struct arena *a;
    const char *text;
    size_t len;
    struct teryt_gmina *gminas; /* the register, by TERYT */
    int ngminas;
    char regions[16][3]; /* voivodeships found in the register */
    int nregions;
    char limit[48]; /* now (Warsaw) and a quarter of an hour */
    char **months;  /* "RR YYYY-MM" slots, MONTH_SLOTS */
    int nmonths;
    struct helpline_import_result *res;
    struct helpline_import_error *err;
    char after[256];
};

static int
cmp_gmina(const void *key, const void *elem)
{
    return strcmp(key, ((const struct teryt_gmina *)elem)->teryt);
}

static int
region_known(struct load *l, const char *code, bool *known)
{
    const char *name;
    int i, rc;

    for (i = 0; i < l->nregions; i++) {
        if (strcmp(l->regions[i], code) == 0) {
            *known = true;
            return 0;
        }
    }
    rc = teryt_woj_get(l->db, l->a, code, &name);
    if (rc == ERR_NOTFOUND) {
        *known = false;
        return 0;
    }
    if (rc == 0 && l->nregions < 16) {
        memcpy(l->regions[l->nregions++], code, 3);
    }
    *known = rc == 0;
    return rc;
}

static int
add_month(struct load *l, const struct helpline_contact *c, int line)
{
    char key[16];
    unsigned i;

    snprintf(key, sizeof(key), "%s %.7s", c->region, c->at);
    i = str_hash_fnv1a(key) & (MONTH_SLOTS - 1);
    while (l->months[i] != NULL && strcmp(l->months[i], key) != 0) {
        i = (i + 1) & (MONTH_SLOTS - 1);
    }
    if (l->months[i] == NULL) {
        if (l->nmonths == MONTHS_MAX) {
            return helpline_import_fail(l->err, line, HL_COL_AT,
                                        T_HL_IMP_MONTHS);
        }
        l->months[i] = arena_strdup(l->a, key);
        l->nmonths++;
    }
    return 0;
}

/* Pass one: what the store would refuse, named by line and column. */
static int
check_row(void *ctx, int line, const struct helpline_contact *c,
          struct helpline_import_error *err)
{
    struct load *l = ctx;
    bool known;
    int rc;

    if ((rc = region_known(l, c->region, &known)) != 0) {
        return rc;
    }
    if (!known) {
        return helpline_import_fail(err, line, HL_COL_WOJ, T_HL_ERR_REGION);
    }
    if (strcmp(c->at, l->limit) > 0) {
        return helpline_import_fail(err, line, HL_COL_AT, T_HL_ERR_FUTURE);
    }
    if (c->gmina != NULL && bsearch(c->gmina, l->gminas, (size_t)l->ngminas,
                                    sizeof(*l->gminas), cmp_gmina) == NULL) {
        return helpline_import_fail(err, line, HL_COL_GMINA, T_HL_ERR_GMINA);
    }
    if (l->res->rows == 0 || strcmp(c->at, l->res->first) < 0) {
        snprintf(l->res->first, sizeof(l->res->first), "%s", c->at);
    }
    if (l->res->rows == 0 || strcmp(c->at, l->res->last) > 0) {
        snprintf(l->res->last, sizeof(l->res->last), "%s", c->at);
    }
    l->res->rows++;
    return add_month(l, c, line);
}

/* Pass two, inside the transaction. */
static int
insert_row(void *ctx, int line, const struct helpline_contact *c,
           struct helpline_import_error *err)
{
    struct load *l = ctx;
    int64_t id;

    (void)line;
    (void)err;
    return helpline_store_contact_insert(l->db, c, &id);
}

static int
load(struct db *db, void *ctx, struct audit_entry *e)
{
    struct load *l = ctx;
    int rc, i;

    if ((rc = helpline_store_bulk(db, true)) != 0) {
        return rc;
    }
    rc = helpline_import_read(l->text, l->len, insert_row, l, l->err);
    if (rc < 0) {
        return rc;
    }
    for (i = 0; i < MONTH_SLOTS; i++) {
        if (l->months[i] != NULL &&
            (rc = helpline_store_month_rebuild(db, l->months[i])) != 0) {
            return rc;
        }
    }
    if ((rc = helpline_store_bulk(db, false)) != 0) {
        return rc;
    }
    snprintf(l->after, sizeof(l->after),
             "{\"contacts\":%d,\"first\":\"%s\",\"last\":\"%s\","
             "\"months\":%d}",
             l->res->rows, l->res->first, l->res->last, l->nmonths);
    e->after = l->after;
    return 0;
}

int
helpline_import(struct db *db, struct arena *a, const char *data, size_t len,
                const struct audit_entry *who,
                struct helpline_import_result *res,
                struct helpline_import_error *err)
{
    struct load l = {.db = db, .a = a, .res = res, .err = err};
    struct audit_entry w = {0};
    bool cp1250;
    struct tm tm;
    int rc;

    memset(res, 0, sizeof(*res));
    memset(err, 0, sizeof(*err));
    if (len > HELPLINE_IMPORT_MAX_BYTES) {
        return helpline_import_fail(err, 0, -1, T_HL_IMP_TOO_BIG);
    }
    if (csv_decode(a, data, len, &l.text, &l.len, &cp1250) != 0) {
        return helpline_import_fail(err, 0, -1, T_HL_IMP_UTF8);
    }
    if ((l.ngminas = teryt_gminas(db, a, NULL, &l.gminas)) < 0) {
        return l.ngminas;
    }
    /* A little slack for a clock that runs ahead, as for one contact. */
    helpline_warsaw_time(time(NULL) + 15 * 60, &tm);
    snprintf(l.limit, sizeof(l.limit), "%04d-%02d-%02dT%02d:%02d",
             tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
             tm.tm_min);
    l.months = arena_alloc(a, MONTH_SLOTS * sizeof(*l.months));
    memset(l.months, 0, MONTH_SLOTS * sizeof(*l.months));
    if ((rc = helpline_import_read(l.text, l.len, check_row, &l, err)) < 0) {
        return rc;
    }
    if (rc == 0) {
        return helpline_import_fail(err, 0, -1, T_HL_IMP_EMPTY);
    }
    if (who != NULL) {
        w = *who;
    }
    if (w.via == NULL) {
        w.via = "cli";
    }
    res->months = l.nmonths;
    return audit_change(db, &w, "helpline.import", "helpline_contact", load,
                        &l);
}
