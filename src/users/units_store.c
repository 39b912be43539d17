/* Implementer units and grantee organisations by id; see units.h. */
#include "units.h"

#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/str.h"
#include "db/db.h"

static void
unit_cols(struct arena *a, db_stmt *st, void *elem)
{
    *(struct org_unit *)elem = (struct org_unit){
        .id = db_col_int(st, 0),
        .region = db_col_text_dup(a, st, 1),
        .kind = db_col_text_dup(a, st, 2),
        .name = db_col_text_dup(a, st, 3),
    };
}

int
units_get(struct db *db, struct arena *a, int64_t id, struct org_unit *out)
{
    return db_get(db_query_id(db, Q_UNIT_GET, id), a, unit_cols, out);
}

int
units_list(struct db *db, struct arena *a, const char *region, const char *kind,
           struct org_unit **out)
{
    db_stmt *st = db_query(db, Q_UNIT_LIST);

    db_bind_text(st, 1, region);
    db_bind_text(st, 2, kind);
    return db_list(st, a, sizeof(**out), unit_cols, out);
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
    int n = 0;

    while (*p != '\0') {
        size_t k = strcspn(p, "/;\r\n");
        const char *part = str_trim(a, arena_strndup(a, p, k));

        if (*str_fold(a, part) != '\0') {
            parts = arena_grow(a, parts, n, sizeof(*parts));
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
