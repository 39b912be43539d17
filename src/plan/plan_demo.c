/*
** The plan module's demo data (rodzina init --demo): the seed documents
** of data/seeds/, stored and published in their regions.
*/
#include <stdio.h>

#include "auth/auth.h"
#include "core/arena.h"
#include "core/embedded.h"
#include "core/err.h"
#include "db/db.h"
#include "plan/plan.h"
#include "plan/plan_store.h"

/* The seed documents, as the offices wrote them, and their region. */
static const struct demo_document {
    const char *file, *region;
} documents[] = {
    {"001_bcc9bc9c7ab7a335.txt", "04"}, /* harmonogram 2021 */
    {"002_8d4882d2d6e0411e.txt", "04"}, /* plan działań 2024 */
    {"004_0cfe7b40028c7edc.txt", "04"}, /* project card, FERS */
    {"003_721fd9f0453d5207.txt", "12"}, /* małopolskie's programme */
};

static const struct audit_entry demo_who = {.via = "cli", .action = "demo"};

/* Import the seed documents once: a second run finds plans and stops. */
int
plan_demo_load(struct db *db, struct arena *a)
{
    struct plan_summary *list;
    size_t i;

    if (plan_store_list(db, a, true, NULL, &list) > 0) {
        return 0;
    }
    for (i = 0; i < sizeof(documents) / sizeof(documents[0]); i++) {
        const struct embedded *e = embedded_find(data_files, documents[i].file);
        const char *why = NULL;
        struct plan *p;
        int64_t id;
        int rc;

        if (e == NULL) {
            fprintf(stderr, "demo: %s missing from the build\n",
                    documents[i].file);
            return ERR_IO;
        }
        if (plan_read(a, e->name, e->data, e->len, 0, &p) != 0 ||
            (rc = plan_store_save(db, a, documents[i].region, p, &demo_who, &id,
                                  &why)) != 0) {
            fprintf(stderr, "demo: %s: %s\n", e->name,
                    why ? why : "cannot be read as a plan");
            return ERR_INPUT;
        }
        /* The seeds are public documents of the regional boards. */
        if ((rc = plan_store_set_published(db, id, true, &demo_who)) != 0) {
            return rc;
        }
        printf("demo: %s -> plan %ld (%d tasks, %d findings)\n", e->name,
               (long)id, p->ntasks, p->nfindings);
    }
    return 0;
}
