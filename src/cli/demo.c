/*
** Demo data; see demo.h. Each module adds its own through the DEMO hook of
** its module.inc, in the order of src/modules.def, all in one transaction.
** Idempotent: running it twice changes nothing.
*/
#include "demo.h"

#include "db/db.h"

#define DEMO(fn) int fn(struct db *db, struct arena *a);
#include "modules.inc"

static int (*const hooks[])(struct db *db, struct arena *a) = {
#define DEMO(fn) fn,
#include "modules.inc"
};

/* Every module's hook in turn; the first error stops them. */
static int
run_hooks(struct db *db, void *ctx)
{
    size_t i;
    int rc;

    for (i = 0; i < sizeof(hooks) / sizeof(hooks[0]); i++) {
        if ((rc = hooks[i](db, ctx)) != 0) {
            return rc;
        }
    }
    return 0;
}

int
demo_load(struct db *db, struct arena *a)
{
    return db_transaction(db, run_hooks, a);
}
