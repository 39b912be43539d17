/*
** The demonstration database: the two regions of the seed documents, the
** seed documents themselves and each module's examples (the DEMO hooks of
** the modules' module.inc). Used by `rodzina init --demo` and therefore by
** `make run`.
*/
#ifndef CLI_DEMO_H
#define CLI_DEMO_H

struct arena;
struct db;

/* Add the demo data in one transaction; 0, or an error with a message. */
int demo_load(struct db *db, struct arena *a);

#endif
