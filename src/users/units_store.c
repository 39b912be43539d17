/* Implementer units and grantee organisations by id; see units.h. */
#include "units.h"

#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/str.h"
#include "db/db.h"

static void
unit_cols(struct arena *a, db_stmt *st, struct org_unit *u)
{
    u->id = db_col_int(st, 0);
    u->region = db_col_text_dup(a, st, 1);
    u->kind = db_col_text_dup(a, st, 2);
    u->name = db_col_text_dup(a, st, 3);
}

int
units_get(struct db *db, struct arena *a, int64_t id, struct org_unit *out)
{
    db_stmt *st = db_query(db, Q_UNIT_GET);
    int rc;

    db_bind_int(st, 1, id);
    rc = db_one_row(st);
    if (rc == 0) {
        unit_cols(a, st, out);
    }
    db_done(st);
    return rc;
}

int
units_list(struct db *db, struct arena *a, const char *region, const char *kind,
           struct org_unit **out)
{
    db_stmt *st = db_query(db, Q_UNIT_LIST);
    struct org_unit *list = NULL;
    int n = 0, cap = 0, rc;

    db_bind_text(st, 1, region);
    db_bind_text(st, 2, kind);
    while ((rc = db_step(st)) == DB_ROW) {
        if (n == cap) {
            struct org_unit *grown;

            cap = cap ? cap * 2 : 16;
            grown = arena_alloc(a, (size_t)cap * sizeof(*grown));
            if (n > 0) {
                memcpy(grown, list, (size_t)n * sizeof(*grown));
            }
            list = grown;
        }
        unit_cols(a, st, &list[n++]);
    }
    db_done(st);
    *out = list;
    return rc == DB_DONE ? n : rc;
}

int
units_find(struct db *db, struct arena *a, const char *region, const char *kind,
           const char *name, int64_t *id)
{
    const char *folded = str_fold(a, name ? name : "");
    db_stmt *st;

    if (*folded == '\0') {
        return ERR_INPUT;
    }
    st = db_query(db, Q_UNIT_FIND);
    db_bind_text(st, 1, region);
    db_bind_text(st, 2, kind);
    db_bind_text(st, 3, folded);
    return db_one_int(st, id);
}

int
units_ensure(struct db *db, struct arena *a, const char *region,
             const char *kind, const char *name, int64_t *id)
{
    int rc = units_find(db, a, region, kind, name, id);
    db_stmt *st;

    if (rc != ERR_NOTFOUND) {
        return rc;
    }
    st = db_query(db, Q_UNIT_INSERT);
    db_bind_text(st, 1, region);
    db_bind_text(st, 2, kind);
    db_bind_text(st, 3, str_trim(a, name));
    db_bind_text(st, 4, str_fold(a, name));
    return db_one_int(st, id);
}

int
units_add(struct db *db, struct arena *a, const char *region, const char *kind,
          const char *name, int64_t *id)
{
    int rc = db_begin(db);

    if (rc != 0) {
        return rc;
    }
    return db_end(db, units_ensure(db, a, region, kind, name, id));
}

int
units_split(struct arena *a, const char *text, const char ***out)
{
    const char **parts = NULL;
    const char *p = text ? text : "";
    int n = 0, cap = 0;

    while (*p != '\0') {
        size_t k = strcspn(p, "/;\r\n");
        const char *part = str_trim(a, arena_strndup(a, p, k));

        if (*str_fold(a, part) != '\0') {
            if (n == cap) {
                const char **grown;

                cap = cap ? cap * 2 : 4;
                grown = arena_alloc(a, (size_t)cap * sizeof(*grown));
                if (n > 0) {
                    memcpy(grown, parts, (size_t)n * sizeof(*grown));
                }
                parts = grown;
            }
            parts[n++] = part;
        }
        p += k;
        if (*p != '\0') {
            p++;
        }
    }
    *out = parts;
    return n;
}
