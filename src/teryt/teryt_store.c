/*
** The TERYT store, the one file of this module that runs its SQL: loading,
** lookups and lists of the units, and the gmina search. The TERC file has one
*row per
** unit: a voivodeship row has no POW, a powiat row no GMI, and gmina rows
** carry RODZ 1, 2 or 3 (RODZ 4, 5, 8 and 9 are parts of gminas and cities,
** not gminas, and are skipped).
*/
#include "teryt.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/embedded.h"
#include "core/err.h"
#include "core/str.h"
#include "db/db.h"
#include "teryt/strings_pl.h"

#define TERC_FIELDS 7

const char *
teryt_rodz_name(int rodz)
{
    switch (rodz) {
    case 1:
        return T_RODZ_1;
    case 2:
        return T_RODZ_2;
    case 3:
        return T_RODZ_3;
    }
    return "";
}

/* Split a ';' line in place; returns the number of fields. */
static int
split(char *line, char **f, int max)
{
    int n = 0;

    while (n < max) {
        f[n++] = line;
        line = strchr(line, ';');
        if (line == NULL) {
            break;
        }
        *line++ = '\0';
    }
    return n;
}

static int
add_words(struct db *db, struct arena *a, const char *teryt, const char *folded)
{
    const char *w = folded;
    int first = 1;

    while (*w) {
        db_stmt *st = db_query(db, Q_GMINA_WORD_INSERT);
        int rc;

        db_bind_text(st, 1, w);
        db_bind_text(st, 2, teryt);
        db_bind_int(st, 3, first);
        rc = db_exec(st);
        if (rc != 0) {
            return rc;
        }
        first = 0;
        w = strchr(w, ' ');
        if (w == NULL) {
            break;
        }
        w++;
    }
    (void)a;
    return 0;
}

static int
load_rows(struct db *db, struct arena *a, char *text)
{
    char *line, *save = NULL;
    int lineno = 0, rc = 0;

    for (line = strtok_r(text, "\n", &save); line != NULL;
         line = strtok_r(NULL, "\n", &save)) {
        char *f[TERC_FIELDS];
        const char *woj, *pow, *gmi, *rodz, *name, *extra;
        db_stmt *st;

        lineno++;
        line[strcspn(line, "\r")] = '\0';
        if (lineno == 1 || *line == '\0') {
            continue; /* header */
        }
        if (split(line, f, TERC_FIELDS) != TERC_FIELDS) {
            fprintf(stderr, "terc: line %d: expected %d fields\n", lineno,
                    TERC_FIELDS);
            return ERR_INPUT;
        }
        woj = f[0], pow = f[1], gmi = f[2], rodz = f[3];
        name = f[4], extra = f[5];
        if (*pow == '\0') {
            st = db_query(db, Q_WOJ_INSERT);
            db_bind_text(st, 1, woj);
            db_bind_text(st, 2, str_lower_pl(a, name));
        } else if (*gmi == '\0') {
            st = db_query(db, Q_POWIAT_INSERT);
            db_bind_text(st, 1, arena_printf(a, "%s%s", woj, pow));
            db_bind_text(st, 2, woj);
            db_bind_text(st, 3, name);
            db_bind_text(st, 4, extra);
        } else if (strcmp(rodz, "1") == 0 || strcmp(rodz, "2") == 0 ||
                   strcmp(rodz, "3") == 0) {
            const char *teryt =
                arena_printf(a, "%s%s%s%s", woj, pow, gmi, rodz);
            const char *folded = str_fold(a, name);

            st = db_query(db, Q_GMINA_INSERT);
            db_bind_text(st, 1, teryt);
            db_bind_text(st, 2, arena_printf(a, "%s%s", woj, pow));
            db_bind_text(st, 3, name);
            db_bind_int(st, 4, rodz[0] - '0');
            db_bind_text(st, 5, folded);
            if ((rc = db_exec(st)) != 0 ||
                (rc = add_words(db, a, teryt, folded)) != 0) {
                fprintf(stderr, "terc: line %d: cannot store gmina %s\n",
                        lineno, teryt);
                return rc;
            }
            continue;
        } else {
            continue;
        }
        if ((rc = db_exec(st)) != 0) {
            fprintf(stderr, "terc: line %d: cannot store %s\n", lineno, name);
            return rc;
        }
    }
    return 0;
}

int
teryt_load(struct db *db, struct arena *a)
{
    const struct embedded *e = embedded_find(data_files, "terc_2024-01-01.csv");
    char *text;
    int rc;

    if (e == NULL) {
        fprintf(stderr, "terc: reference file missing from the build\n");
        return ERR_IO;
    }
    text = arena_strndup(a, e->data, e->len);
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    /* Numbered in Polish order once, for cheap sorting later. */
    if ((rc = load_rows(db, a, text)) != 0 ||
        (rc = db_exec(db_query(db, Q_GMINA_RANK_ALL))) != 0) {
        db_rollback(db);
        return rc;
    }
    return db_commit(db);
}

int
teryt_counts(struct db *db, struct teryt_counts *out)
{
    db_stmt *st = db_query(db, Q_TERYT_COUNTS);
    int rc = db_one_row(st);

    if (rc == 0) {
        out->woj = db_col_int(st, 0);
        out->powiat = db_col_int(st, 1);
        out->gmina = db_col_int(st, 2);
    } else if (rc == ERR_NOTFOUND) {
        rc = ERR_DB; /* a count always gives a row */
    }
    db_done(st);
    return rc;
}

int
teryt_search_pref(struct arena *a, const char *q, const char *prefer_woj,
                  int limit, struct teryt_gmina **out)
{
    struct teryt_place *p;
    struct teryt_gmina *res;
    int n, i, j, pass, count = 0;

    *out = NULL;
    if (limit <= 0) {
        return 0;
    }
    /* Several places may lie in one gmina: ask for more, keep distinct. */
    n = teryt_places_search(a, q, prefer_woj, TERYT_PLACES_MAX, &p);
    res = arena_alloc(a, sizeof(*res) * (size_t)limit);
    /* Gminas found by their own name first (the list shows gmina names),
    ** then those of the localities and postal codes found. */
    for (pass = 0; pass < 2; pass++) {
        for (i = 0; i < n && count < limit; i++) {
            if ((p[i].kind == TERYT_PLACE_GMINA) != (pass == 0)) {
                continue;
            }
            for (j = 0; j < count; j++) {
                if (strcmp(res[j].teryt, p[i].gmina.teryt) == 0) {
                    break;
                }
            }
            if (j == count) {
                res[count++] = p[i].gmina;
            }
        }
    }
    *out = res;
    return count;
}

int
teryt_search(struct db *db, struct arena *a, const char *q, int limit,
             struct teryt_gmina **out)
{
    (void)db; /* the locality index is in memory, built from TERC itself */
    return teryt_search_pref(a, q, NULL, limit, out);
}

/* A gmina row: code, name, kind, powiat code and name. */
static void
gmina_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct teryt_gmina *g = elem;

    g->teryt = db_col_text_dup(a, st, 0);
    g->name = db_col_text_dup(a, st, 1);
    g->rodz = (int)db_col_int(st, 2);
    g->powiat_code = db_col_text_dup(a, st, 3);
    g->powiat_name = db_col_text_dup(a, st, 4);
}

/* The same with the voivodeship's code and name after them. */
static void
gmina_woj_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct teryt_gmina *g = elem;

    gmina_cols(a, st, g);
    g->woj_code = db_col_text_dup(a, st, 5);
    g->woj_name = db_col_text_dup(a, st, 6);
}

int
teryt_gmina_get(struct db *db, struct arena *a, const char *code,
                struct teryt_gmina *out)
{
    db_stmt *st = db_query(db, Q_GMINA_GET);

    db_bind_text(st, 1, code);
    return db_get(st, a, gmina_woj_cols, out);
}

int
teryt_gmina_woj(struct db *db, const char *code, char woj[3])
{
    struct teryt_gmina g;
    struct arena a;
    int rc;

    arena_init(&a);
    if ((rc = teryt_gmina_get(db, &a, code, &g)) == 0) {
        snprintf(woj, 3, "%s", g.woj_code);
    }
    arena_free(&a);
    return rc;
}

/* Column col of the one row query q finds for key, or ERR_NOTFOUND. */
static int
unit_text(struct db *db, struct arena *a, enum query_id q, const char *key,
          int col, const char **out)
{
    db_stmt *st = db_query(db, q);
    int rc;

    db_bind_text(st, 1, key);
    if ((rc = db_one_row(st)) == 0) {
        *out = db_col_text_dup(a, st, col);
    }
    db_done(st);
    return rc;
}

int
teryt_woj_get(struct db *db, struct arena *a, const char *code,
              const char **name)
{
    return unit_text(db, a, Q_WOJ_GET, code, 1, name);
}

int
teryt_powiat_get(struct db *db, struct arena *a, const char *code,
                 const char **name)
{
    return unit_text(db, a, Q_POWIAT_GET, code, 1, name);
}

int
teryt_woj_by_name(struct db *db, struct arena *a, const char *name,
                  const char **code)
{
    /* Loaded in lower case (load_rows), as plans write them. */
    return unit_text(db, a, Q_WOJ_BY_NAME, str_lower_pl(a, name), 0, code);
}

int
teryt_powiat_info(struct db *db, struct arena *a, const char *code,
                  struct teryt_powiat *out)
{
    db_stmt *st = db_query(db, Q_POWIAT_GET);
    int rc;

    db_bind_text(st, 1, code);
    if ((rc = db_one_row(st)) == 0) {
        *out = (struct teryt_powiat){
            .code = db_col_text_dup(a, st, 0),
            .name = db_col_text_dup(a, st, 1),
            .kind = db_col_text_dup(a, st, 2),
            .woj_name = db_col_text_dup(a, st, 4),
        };
    }
    db_done(st);
    return rc;
}

/* A powiat of a list: code, name, kind, count of gminas. */
static void
powiat_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct teryt_powiat *p = elem;

    p->code = db_col_text_dup(a, st, 0);
    p->name = db_col_text_dup(a, st, 1);
    p->kind = db_col_text_dup(a, st, 2);
    p->gminy = db_col_int(st, 3);
}

/* The rows query q lists for code, into *out through row. */
static int
rows_of(struct db *db, struct arena *a, enum query_id q, const char *code,
        size_t size, db_row_fn *row, void *out)
{
    db_stmt *st = db_query(db, q);

    db_bind_text(st, 1, code);
    return db_list(st, a, size, row, out);
}

int
teryt_powiats(struct db *db, struct arena *a, const char *woj,
              struct teryt_powiat **out)
{
    return rows_of(db, a, Q_POWIAT_LIST, woj, sizeof(**out), powiat_cols, out);
}

int
teryt_gmina_find(struct db *db, struct arena *a, const char *name,
                 const char *woj, const char *out[2])
{
    db_stmt *st = db_query(db, Q_TERYT_GMINA_FIND);
    int n = 0, rc;

    db_bind_text(st, 1, name);
    db_bind_text(st, 2, woj);
    while ((rc = db_step(st)) == DB_ROW && n < 2) {
        out[n++] = db_col_text_dup(a, st, 0);
    }
    db_done(st);
    return rc == DB_ROW || rc == DB_DONE ? n : rc;
}

int
teryt_woj_list(struct db *db, struct arena *a, struct teryt_woj **out)
{
    db_stmt *st = db_query(db, Q_WOJ_LIST);
    struct teryt_woj *v = arena_alloc(a, 16 * sizeof(*v));
    int n = 0, rc;

    while ((rc = db_step(st)) == DB_ROW && n < 16) {
        v[n].code = db_col_text_dup(a, st, 0);
        v[n].name = db_col_text_dup(a, st, 1);
        v[n].powiaty = db_col_int(st, 2);
        v[n].gminy = db_col_int(st, 3);
        n++;
    }
    db_done(st);
    if (rc != DB_DONE && rc != DB_ROW) {
        return rc;
    }
    *out = v;
    return n;
}

int
teryt_gminas(struct db *db, struct arena *a, const char *woj,
             struct teryt_gmina **out)
{
    return rows_of(db, a, Q_TERYT_GMINAS, woj, sizeof(**out), gmina_cols, out);
}

int
teryt_powiat_gminas(struct db *db, struct arena *a, const char *powiat,
                    struct teryt_gmina **out)
{
    return rows_of(db, a, Q_GMINA_LIST, powiat, sizeof(**out), gmina_cols, out);
}
