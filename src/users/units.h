/*
** Implementer units and grantee organisations (org_unit): records of a
** region that accounts, plan tasks and grant awards refer to by id. A
** name is matched only by exact equality of its folded form (str_fold)
** within a region and kind, never as a part of a longer name: "Fundacja
** Pomocy Rodzinie" is not "Fundacja Pomocy Rodzinie Wiejskiej w
** Chełmnie". No HTML here.
*/
#ifndef USERS_UNITS_H
#define USERS_UNITS_H

#include <stdint.h>

struct arena;
struct db;

#define UNIT_IMPLEMENTER "implementer"
#define UNIT_ORGANISATION "organisation"

struct org_unit {
    int64_t id;
    const char *region, *kind, *name; /* arena */
};

/* Unit id: 0 with *out, ERR_NOTFOUND or ERR_DB. */
int units_get(struct db *db, struct arena *a, int64_t id, struct org_unit *out);

/* The units of region and kind (NULL: any), by region, kind and name:
   count or <0. */
int units_list(struct db *db, struct arena *a, const char *region,
               const char *kind, struct org_unit **out);

/*
** The unit of region and kind whose folded name equals name's folded:
** 0 with *id, ERR_NOTFOUND, ERR_INPUT (the name folds to nothing) or
** ERR_DB.
*/
int units_find(struct db *db, struct arena *a, const char *region,
               const char *kind, const char *name, int64_t *id);

/* As units_find, creating the unit (name trimmed) when none matches. */
int units_ensure(struct db *db, struct arena *a, const char *region,
                 const char *kind, const char *name, int64_t *id);
/* units_ensure in a transaction of its own (rodzina user unit-add). */
int units_add(struct db *db, struct arena *a, const char *region,
              const char *kind, const char *name, int64_t *id);

/*
** The unit names of an implementers text: its parts between '/', ';'
** and line breaks, trimmed, those that fold to nothing left out. Returns
** their count; *out (arena) holds them.
*/
int units_split(struct arena *a, const char *text, const char ***out);

#endif
