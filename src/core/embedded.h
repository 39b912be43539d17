/*
** Files compiled into the binary by tools/embed.py: migrations, assets and
** reference data. Each table ends with an entry whose name is NULL.
*/
#ifndef CORE_EMBEDDED_H
#define CORE_EMBEDDED_H

#include <stddef.h>

struct embedded {
    const char *name; /* base name, e.g. "0001_teryt.sql" */
    const char *data; /* NUL-terminated */
    size_t len;
    const char *etag; /* quoted hash of the content */
};

extern const struct embedded migrations_files[];
extern const struct embedded migrations_pg_files[];
extern const struct embedded assets_files[];
extern const struct embedded data_files[];

/* The entry called name in table, or NULL. */
const struct embedded *embedded_find(const struct embedded *table,
                                     const char *name);

#endif
