/*
** What the tests on a database in memory share: the file-level db and a,
** db_fixture_open (the database with the TERYT register, for a setup) and
** teardown, which closes both. Include after cmocka.h.
*/
#ifndef TEST_DB_FIXTURE_H
#define TEST_DB_FIXTURE_H

#include "core/arena.h"
#include "db/db.h"
#include "teryt/teryt.h"

static struct db *db;
static struct arena a;

/* A new database in memory with the TERYT register: 0, else not 0. */
static int
db_fixture_open(void)
{
    char err[256];

    arena_init(&a);
    if (db_open(":memory:", DB_OPEN_CREATE, &db, err, sizeof(err)) != 0) {
        return -1;
    }
    return teryt_load(db, &a);
}

static int
teardown(void **state)
{
    (void)state;
    db_close(db);
    arena_free(&a);
    return 0;
}

#endif
