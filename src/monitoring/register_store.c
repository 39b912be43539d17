/*
** The registers that feed indicators: events (trainings, conferences ...
** with participants by professional group), open grant competitions,
** adoption centres' figures, publications and campaigns. Each register is
** a descriptor: its fields (name, Polish label, type) and its catalogue
** queries, whose placeholders follow the field order ($1 region, then the
** fields, then the id of an update). Lists, forms, CSV import and export
** are written once for all four.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/json.h"
#include "core/stop.h"
#include "core/str.h"
#include "db/db.h"
#include "monitoring.h"
#include "monitoring/strings_pl.h"

static const char *const event_kinds[] = {
    "training", "conference", "workshop",  "seminar",  "supervision",
    "meeting",  "campaign",   "broadcast", "festival", NULL};
static const char *const event_kind_labels[] = {T_MON_EVENT_KIND_LABELS, NULL};
static const char *const pub_kinds[] = {"publication", "guide",    "leaflet",
                                        "poster",      "campaign", "spot",
                                        "broadcast",   "article",  NULL};
static const char *const pub_kind_labels[] = {T_REG_PUB_KIND_LABELS, NULL};

static const struct mon_field event_fields[] = {
    {"kind", T_REG_F_KIND, MF_ENUM, event_kinds, event_kind_labels, true},
    {"title", T_REG_F_TITLE, MF_TEXT, NULL, NULL, true},
    {"date_from", T_REG_F_DATE_FROM, MF_DATE, NULL, NULL, true},
    {"date_to", T_REG_F_DATE_TO, MF_DATE, NULL, NULL, false},
    {"gmina", T_REG_F_GMINA, MF_GMINA, NULL, NULL, false},
    {"place", T_REG_F_PLACE, MF_OPT, NULL, NULL, true},
    {"organiser", T_REG_F_ORGANISER, MF_OPT, NULL, NULL, true},
    {"task", T_REG_F_TASK, MF_OPT, NULL, NULL, true},
    {"p_team", T_MON_GROUP_TEAM, MF_INT, NULL, NULL, false},
    {"p_gkrpa", T_MON_GROUP_GKRPA, MF_INT, NULL, NULL, false},
    {"p_teachers", T_MON_GROUP_TEACHERS, MF_INT, NULL, NULL, false},
    {"p_probation", T_MON_GROUP_PROBATION, MF_INT, NULL, NULL, false},
    {"p_police", T_MON_GROUP_POLICE, MF_INT, NULL, NULL, false},
    {"p_social", T_MON_GROUP_SOCIAL, MF_INT, NULL, NULL, false},
    {"p_other", T_MON_GROUP_OTHER, MF_INT, NULL, NULL, false},
    {"note", T_REG_F_NOTE, MF_OPT, NULL, NULL, false},
};

static const struct mon_field grant_fields[] = {
    {"year", T_REG_F_YEAR, MF_YEAR, NULL, NULL, true},
    {"call", T_REG_F_CALL, MF_TEXT, NULL, NULL, true},
    {"area", T_REG_F_AREA, MF_OPT, NULL, NULL, true},
    {"budget_grosze", T_REG_F_BUDGET, MF_MONEY, NULL, NULL, true},
    {"offers", T_REG_F_OFFERS, MF_INT, NULL, NULL, true},
    {"awards", T_REG_F_AWARDS, MF_INT, NULL, NULL, true},
    {"awarded_grosze", T_REG_F_AWARDED, MF_MONEY, NULL, NULL, true},
    {"initiatives", T_REG_F_INITIATIVES, MF_INT, NULL, NULL, true},
    {"beneficiaries", T_REG_F_BENEFICIARIES, MF_INT, NULL, NULL, true},
    {"task", T_REG_F_TASK, MF_OPT, NULL, NULL, true},
    {"note", T_REG_F_NOTE, MF_OPT, NULL, NULL, false},
};

static const struct mon_field adoption_fields[] = {
    {"year", T_REG_F_YEAR, MF_YEAR, NULL, NULL, true},
    {"centre", T_REG_F_CENTRE, MF_TEXT, NULL, NULL, true},
    {"trained_adoptive", T_REG_F_TRAINED_ADOPTIVE, MF_INT, NULL, NULL, true},
    {"trained_foster", T_REG_F_TRAINED_FOSTER, MF_INT, NULL, NULL, true},
    {"families", T_REG_F_FAMILIES, MF_INT, NULL, NULL, true},
    {"children", T_REG_F_CHILDREN, MF_INT, NULL, NULL, true},
    {"task", T_REG_F_TASK, MF_OPT, NULL, NULL, true},
    {"note", T_REG_F_NOTE, MF_OPT, NULL, NULL, false},
};

static const struct mon_field publication_fields[] = {
    {"year", T_REG_F_YEAR, MF_YEAR, NULL, NULL, true},
    {"kind", T_REG_F_KIND, MF_ENUM, pub_kinds, pub_kind_labels, true},
    {"title", T_REG_F_TITLE, MF_TEXT, NULL, NULL, true},
    {"editions", T_REG_F_EDITIONS, MF_INT, NULL, NULL, true},
    {"copies", T_REG_F_COPIES, MF_INT, NULL, NULL, true},
    {"broadcasts", T_REG_F_BROADCASTS, MF_INT, NULL, NULL, true},
    {"task", T_REG_F_TASK, MF_OPT, NULL, NULL, true},
    {"note", T_REG_F_NOTE, MF_OPT, NULL, NULL, false},
};

#define NF(f) ((int)(sizeof(f) / sizeof(f[0])))

const struct mon_register mon_registers[] = {
    {"szkolenia", "reg_event", T_REG_EVENTS, event_fields, NF(event_fields),
     Q_REG_EVENT_LIST, Q_REG_EVENT_GET, Q_REG_EVENT_INSERT, Q_REG_EVENT_UPDATE,
     Q_REG_EVENT_DELETE},
    {"konkursy", "reg_grant", T_REG_GRANTS, grant_fields, NF(grant_fields),
     Q_REG_GRANT_LIST, Q_REG_GRANT_GET, Q_REG_GRANT_INSERT, Q_REG_GRANT_UPDATE,
     Q_REG_GRANT_DELETE},
    {"adopcje", "reg_adoption", T_REG_ADOPTION, adoption_fields,
     NF(adoption_fields), Q_REG_ADOPTION_LIST, Q_REG_ADOPTION_GET,
     Q_REG_ADOPTION_INSERT, Q_REG_ADOPTION_UPDATE, Q_REG_ADOPTION_DELETE},
    {"publikacje", "reg_publication", T_REG_PUBLICATIONS, publication_fields,
     NF(publication_fields), Q_REG_PUBLICATION_LIST, Q_REG_PUBLICATION_GET,
     Q_REG_PUBLICATION_INSERT, Q_REG_PUBLICATION_UPDATE,
     Q_REG_PUBLICATION_DELETE},
};
const int mon_registers_count =
    (int)(sizeof(mon_registers) / sizeof(mon_registers[0]));

const struct mon_register *
mon_register_find(const char *slug)
{
    int i;

    for (i = 0; slug != NULL && i < mon_registers_count; i++) {
        if (strcmp(mon_registers[i].slug, slug) == 0) {
            return &mon_registers[i];
        }
    }
    return NULL;
}

const char *
mon_field_choice_label(const struct mon_field *f, const char *v)
{
    int i;

    for (i = 0; f->choices != NULL && f->choices[i] != NULL; i++) {
        if (strcmp(f->choices[i], v) == 0) {
            return f->choice_labels[i];
        }
    }
    return v;
}

void
mon_add_err(struct arena *a, const char ***errs, int *n, const char *msg)
{
    *errs = plan_grow(a, *errs, *n, sizeof(**errs));
    (*errs)[(*n)++] = msg;
}

/* A calendar date of the registers' years. */
static bool
date_ok(const char *s)
{
    return str_date_valid(s) && strncmp(s, "2000", 4) >= 0 &&
           strncmp(s, "2100", 4) <= 0;
}

bool
mon_count_ok(const char *s, int64_t *v)
{
    char *end;
    long long x;

    if (*s == '\0') {
        *v = 0;
        return true;
    }
    x = strtoll(s, &end, 10);
    if (*end != '\0' || x < 0 || x > 1000000000LL) {
        return false;
    }
    *v = x;
    return true;
}

int
mon_record_check(struct db *db, struct arena *a, const struct mon_register *reg,
                 const char *const *in, struct mon_record *out,
                 const char ***errs)
{
    int i, n = 0;

    *errs = NULL;
    for (i = 0; i < reg->nfields; i++) {
        const struct mon_field *f = &reg->fields[i];
        const char *v = str_trim(a, in[i] ? in[i] : "");
        int64_t x = 0;
        int k;

        out->v[i] = v;
        if (!str_utf8_valid(v, strlen(v)) || strlen(v) > 2000) {
            mon_add_err(a, errs, &n, arena_printf(a, T_REG_ERR_TEXT, f->label));
            continue;
        }
        switch (f->type) {
        case MF_TEXT:
            if (*v == '\0') {
                mon_add_err(a, errs, &n,
                            arena_printf(a, T_REG_ERR_REQUIRED, f->label));
            }
            break;
        case MF_OPT:
            break;
        case MF_INT:
            if (!mon_count_ok(v, &x)) {
                mon_add_err(a, errs, &n,
                            arena_printf(a, T_REG_ERR_COUNT, f->label, v));
            } else {
                out->v[i] = arena_printf(a, "%lld", (long long)x);
            }
            break;
        case MF_YEAR:
            if (!mon_count_ok(v, &x) || x < 2000 || x > 2100) {
                mon_add_err(a, errs, &n,
                            arena_printf(a, T_REG_ERR_YEAR, f->label, v));
            }
            break;
        case MF_MONEY: {
            struct plan_num num;

            if (*v == '\0') {
                out->v[i] = "0";
            } else if (plan_num_money(v, &num) != 0 ||
                       (num.kind != PLAN_NUM_VALUE &&
                        num.kind != PLAN_NUM_NONE) ||
                       num.v < 0) {
                mon_add_err(a, errs, &n,
                            arena_printf(a, T_REG_ERR_MONEY, f->label, v));
            } else {
                out->v[i] = arena_printf(a, "%lld", (long long)num.v);
            }
            break;
        }
        case MF_DATE:
            if (*v == '\0' && i > 0 && reg->fields[i - 1].type == MF_DATE) {
                out->v[i] = out->v[i - 1]; /* one-day event */
            } else if (!date_ok(v)) {
                mon_add_err(a, errs, &n,
                            arena_printf(a, T_REG_ERR_DATE, f->label, v));
            } else if (i > 0 && reg->fields[i - 1].type == MF_DATE &&
                       strcmp(v, out->v[i - 1]) < 0) {
                mon_add_err(a, errs, &n,
                            arena_printf(a, T_REG_ERR_DATE_ORDER, f->label));
            }
            break;
        case MF_ENUM:
            for (k = 0; f->choices[k] != NULL; k++) {
                if (strcmp(f->choices[k], v) == 0 ||
                    strcmp(f->choice_labels[k], v) == 0) {
                    out->v[i] = f->choices[k];
                    break;
                }
            }
            if (f->choices[k] == NULL) {
                mon_add_err(a, errs, &n,
                            arena_printf(a, T_REG_ERR_CHOICE, f->label, v));
            }
            break;
        case MF_GMINA: {
            int64_t found = 0;
            db_stmt *st;

            if (*v == '\0') {
                break;
            }
            st = db_query(db, Q_REG_GMINA_IN_REGION);
            db_bind_text(st, 1, v);
            db_bind_text(st, 2, out->region ? out->region : "");
            if (db_one_int(st, &found) != 0 || found == 0) {
                mon_add_err(a, errs, &n,
                            arena_printf(a, T_REG_ERR_GMINA, f->label, v));
            }
            break;
        }
        }
    }
    return n;
}

static void
record_cols(struct arena *a, const struct mon_register *reg, db_stmt *st,
            struct mon_record *r)
{
    int i;

    r->id = db_col_int(st, 0);
    r->region = db_col_text_dup(a, st, 1);
    for (i = 0; i < reg->nfields; i++) {
        r->v[i] = db_col_text_dup(a, st, i + 2);
    }
}

int
mon_record_list(struct db *db, struct arena *a, const struct mon_register *reg,
                const char *region, int year, struct mon_record **out)
{
    db_stmt *st = db_query(db, (enum query_id)reg->q_list);
    struct mon_record *list = NULL;
    int n = 0, rc;

    db_bind_text(st, 1, region);
    db_bind_int(st, 2, year);
    while ((rc = db_step(st)) == DB_ROW) {
        list = plan_grow(a, list, n, sizeof(*list));
        record_cols(a, reg, st, &list[n++]);
    }
    db_done(st);
    *out = list;
    return rc == DB_DONE ? n : rc;
}

int
mon_record_get(struct db *db, struct arena *a, const struct mon_register *reg,
               int64_t id, struct mon_record *out)
{
    db_stmt *st = db_query(db, (enum query_id)reg->q_get);
    int rc;

    db_bind_int(st, 1, id);
    rc = db_step(st);
    if (rc == DB_ROW) {
        record_cols(a, reg, st, out);
        rc = 0;
    } else if (rc == DB_DONE) {
        rc = ERR_NOTFOUND;
    }
    db_done(st);
    return rc;
}

static const char *
record_json(struct arena *a, const struct mon_register *reg,
            const struct mon_record *r)
{
    struct buf b;
    struct json j;
    int i;

    json_obj_open(&j, &b);
    json_kstr(&j, "region", r->region);
    for (i = 0; i < reg->nfields; i++) {
        json_kstr(&j, reg->fields[i].name, r->v[i]);
    }
    return json_obj_dup(a, &j);
}

static void
bind_fields(db_stmt *st, const struct mon_register *reg,
            const struct mon_record *r)
{
    int i;

    db_bind_text(st, 1, r->region);
    for (i = 0; i < reg->nfields; i++) {
        const char *v = r->v[i] ? r->v[i] : "";

        switch (reg->fields[i].type) {
        case MF_INT:
        case MF_MONEY:
        case MF_YEAR:
            db_bind_int(st, i + 2, strtoll(v, NULL, 10));
            break;
        case MF_OPT:
        case MF_GMINA:
            db_bind_text(st, i + 2, *v ? v : NULL);
            break;
        default:
            db_bind_text(st, i + 2, v);
        }
    }
}

/* What one audited change of a register works on. */
struct record_change {
    struct arena *a;
    const struct mon_register *reg;
    struct mon_record *rec; /* to save */
    int64_t id;             /* to delete */
};

static int
record_write(struct db *db, void *ctx, struct audit_entry *e)
{
    struct record_change *c = ctx;
    const struct mon_register *reg = c->reg;
    struct mon_record *rec = c->rec, old;
    db_stmt *st;
    int rc;

    if (rec->id == 0) {
        st = db_query(db, (enum query_id)reg->q_insert);
        bind_fields(st, reg, rec);
        if ((rc = db_one_int(st, &rec->id)) != 0) {
            return rc;
        }
    } else {
        if ((rc = mon_record_get(db, c->a, reg, rec->id, &old)) != 0) {
            return rc;
        }
        e->before = record_json(c->a, reg, &old);
        st = db_query(db, (enum query_id)reg->q_update);
        bind_fields(st, reg, rec);
        db_bind_int(st, reg->nfields + 2, rec->id);
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
        e->action = "register.update";
    }
    e->entity_id = arena_printf(c->a, "%ld", (long)rec->id);
    e->after = record_json(c->a, reg, rec);
    return 0;
}

int
mon_record_save(struct db *db, struct arena *a, const struct mon_register *reg,
                const struct mon_actor *act, struct mon_record *rec)
{
    struct record_change c = {.a = a, .reg = reg, .rec = rec};

    return audit_change(db, &act->who, "register.insert", reg->table,
                        record_write, &c);
}

static int
record_remove(struct db *db, void *ctx, struct audit_entry *e)
{
    struct record_change *c = ctx;
    struct mon_record old;
    db_stmt *st;
    int rc;

    if ((rc = mon_record_get(db, c->a, c->reg, c->id, &old)) != 0) {
        return rc;
    }
    st = db_query(db, (enum query_id)c->reg->q_delete);
    db_bind_int(st, 1, c->id);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    e->entity_id = arena_printf(c->a, "%ld", (long)c->id);
    e->before = record_json(c->a, c->reg, &old);
    return 0;
}

int
mon_record_delete(struct db *db, struct arena *a,
                  const struct mon_register *reg, const struct mon_actor *act,
                  int64_t id)
{
    struct record_change c = {.a = a, .reg = reg, .id = id};

    return audit_change(db, &act->who, "register.delete", reg->table,
                        record_remove, &c);
}

void
mon_register_csv(struct arena *a, const struct mon_register *reg,
                 const struct mon_record *recs, int n, struct buf *out)
{
    struct csv c;
    int i, k;

    csv_begin(&c, out, ';', CSV_BOM);
    csv_text(&c, "id");
    for (i = 0; i < reg->nfields; i++) {
        csv_text(&c, reg->fields[i].name);
    }
    csv_row_end(&c);
    for (k = 0; k < n; k++) {
        csv_int(&c, recs[k].id);
        for (i = 0; i < reg->nfields; i++) {
            const char *v = recs[k].v[i] ? recs[k].v[i] : "";

            switch (reg->fields[i].type) {
            case MF_MONEY:
                csv_num(&c, str_money(a, strtoll(v, NULL, 10)));
                break;
            case MF_INT:
            case MF_YEAR:
                csv_num(&c, v);
                break;
            default:
                csv_text(&c, v);
                break;
            }
        }
        csv_row_end(&c);
    }
}

/* Limits of a register CSV (issue 11): a register has MON_FIELDS_MAX. */
#define REG_CSV_MAX_ROWS 50000
#define REG_CSV_MAX_CELLS 32

/* Blank cells share this string; blank lines cost nothing. */
static char reg_blank[1];

/*
** Split CSV text into rows of cells (arena); sep is ';' or ','. Returns
** the rows, or ERR_INPUT with *over set to the line where a limit was
** passed, so memory stays about the file plus a pointer a cell. Blank
** lines are skipped.
*/
static int
csv_parse(struct arena *a, const char *text, size_t len, char sep,
          char ****rows, int **ncells, int *over)
{
    char ***r = NULL, **cells = NULL;
    int *nc = NULL, nrows = 0, n = 0, step;
    struct csv_in in;
    const char *s;
    size_t k;

    csv_read_begin(&in, text, len, sep);
    while ((step = csv_read_cell(&in, &s, &k)) != CSV_END) {
        if (n >= REG_CSV_MAX_CELLS) {
            break;
        }
        cells = plan_grow(a, cells, n, sizeof(*cells));
        /* a cell our export guarded reads back as its text */
        cells[n++] = k == 0 ? reg_blank : csv_unguard(arena_strndup(a, s, k));
        if (step == CSV_CELL) {
            continue;
        }
        if (n > 1 || k > 0) { /* not a blank line */
            if (nrows >= REG_CSV_MAX_ROWS) {
                break;
            }
            r = plan_grow(a, r, nrows, sizeof(*r));
            nc = plan_grow(a, nc, nrows, sizeof(*nc));
            r[nrows] = cells;
            nc[nrows++] = n;
        }
        cells = NULL;
        n = 0;
    }
    csv_read_end(&in);
    if (step != CSV_END) {
        *over = in.cell_line;
        return ERR_INPUT;
    }
    *rows = r;
    *ncells = nc;
    return nrows;
}

int
mon_register_import(struct db *db, struct arena *a,
                    const struct mon_register *reg, const struct mon_actor *act,
                    const char *region, const char *data, size_t len,
                    const char ***errs, int *nerrs)
{
    struct mon_record *recs = NULL;
    int col_of[MON_FIELDS_MAX], id_col = -1, nrows, *ncells, i, k, nrec = 0;
    int over = 0;
    char ***rows;
    char sep;
    bool cp1250;
    int rc;

    *errs = NULL;
    *nerrs = 0;
    /* UTF-8 or Windows-1250, ';' or ',' (issue 20) */
    if (csv_decode(a, data, len, &data, &len, &cp1250) != 0 || len == 0) {
        mon_add_err(a, errs, nerrs, T_REG_ERR_CSV_EMPTY);
        return ERR_INPUT;
    }
    sep = csv_sniff_sep(data, len);
    nrows = csv_parse(a, data, len, sep, &rows, &ncells, &over);
    if (nrows == ERR_INPUT) {
        mon_add_err(a, errs, nerrs,
                    arena_printf(a, T_REG_ERR_CSV_LIMIT, REG_CSV_MAX_ROWS,
                                 REG_CSV_MAX_CELLS, over));
        return ERR_INPUT;
    }
    if (nrows < 1) {
        mon_add_err(a, errs, nerrs, T_REG_ERR_CSV_EMPTY);
        return ERR_INPUT;
    }
    for (i = 0; i < reg->nfields; i++) {
        col_of[i] = -1;
    }
    for (k = 0; k < ncells[0]; k++) {
        const char *h = str_fold(a, rows[0][k]);
        bool known = false;

        if (strcmp(h, "id") == 0) {
            id_col = k;
            continue;
        }
        for (i = 0; i < reg->nfields; i++) {
            if (strcmp(h, str_fold(a, reg->fields[i].name)) == 0 ||
                strcmp(h, str_fold(a, reg->fields[i].label)) == 0) {
                col_of[i] = k;
                known = true;
            }
        }
        if (!known) {
            mon_add_err(
                a, errs, nerrs,
                arena_printf(a, T_REG_ERR_CSV_COLUMN, k + 1, rows[0][k]));
        }
    }
    for (i = 0; i < reg->nfields; i++) {
        if (col_of[i] < 0 &&
            (reg->fields[i].type == MF_TEXT || reg->fields[i].type == MF_ENUM ||
             reg->fields[i].type == MF_YEAR ||
             (reg->fields[i].type == MF_DATE &&
              strcmp(reg->fields[i].name, "date_to")))) {
            mon_add_err(
                a, errs, nerrs,
                arena_printf(a, T_REG_ERR_CSV_MISSING, reg->fields[i].name));
        }
    }
    if (*nerrs > 0) {
        return ERR_INPUT;
    }
    (void)id_col; /* ids of an export are not kept: rows are new records */
    recs = arena_alloc(a, sizeof(*recs) * (size_t)nrows);
    for (k = 1; k < nrows; k++) {
        const char *in[MON_FIELDS_MAX];
        const char **rowerrs;
        int ne;

        if (k % STOP_CHECK_ROWS == 0 && stop_requested()) {
            return ERR_STOPPED; /* nothing written yet */
        }
        for (i = 0; i < reg->nfields; i++) {
            in[i] = col_of[i] >= 0 && col_of[i] < ncells[k] ? rows[k][col_of[i]]
                                                            : "";
        }
        memset(&recs[nrec], 0, sizeof(recs[nrec]));
        recs[nrec].region = region;
        ne = mon_record_check(db, a, reg, in, &recs[nrec], &rowerrs);
        for (i = 0; i < ne; i++) {
            mon_add_err(a, errs, nerrs,
                        arena_printf(a, T_REG_ERR_CSV_ROW, k + 1, rowerrs[i]));
        }
        nrec++;
    }
    if (*nerrs > 0) {
        return ERR_INPUT;
    }
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    for (k = 0; k < nrec; k++) {
        if (k % STOP_CHECK_ROWS == 0 && stop_requested()) {
            db_rollback(db); /* all or nothing, also when stopping */
            return ERR_STOPPED;
        }
        if ((rc = mon_record_save(db, a, reg, act, &recs[k])) != 0) {
            db_rollback(db);
            return rc;
        }
    }
    if ((rc = db_commit(db)) != 0) {
        return rc;
    }
    return nrec;
}

int
mon_register_counts(struct db *db, const char *region, int64_t counts[4])
{
    db_stmt *st = db_query(db, Q_REG_COUNTS);
    int rc, i;

    db_bind_text(st, 1, region);
    if ((rc = db_step(st)) == DB_ROW) {
        for (i = 0; i < 4; i++) {
            counts[i] = db_col_int(st, i);
        }
    }
    db_done(st);
    return rc == DB_ROW || rc == DB_DONE ? 0 : rc;
}
