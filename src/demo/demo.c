/* Demo data; see demo.h. Idempotent: running it twice changes nothing. */
#include "demo.h"

#include <stdio.h>
#include <string.h>

#include "core/embedded.h"
#include "core/arena.h"
#include "core/err.h"
#include "core/random.h"
#include "db/db.h"
#include "directory/directory.h"
#include "helpline/helpline.h"
#include "monitoring/monitoring.h"
#include "plan/plan.h"
#include "plan/plan_store.h"
#include "region/region.h"
#include "users/units.h"
#include "users/users.h"

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
static int
load_documents(struct db *db, struct arena *a)
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

/* One demo account per role, so a newcomer can see every part. */
static const struct demo_account {
    const char *login, *role, *region, *unit;
} accounts[] = {
    {"demo-admin", "administrator", NULL, NULL},
    {"demo-koordynator", "coordinator", "04", NULL},
    /* The unit by id: the one the seed plans name exactly (units.h). */
    {"demo-realizator", "implementer", "04",
     "Pracownicy Departamentu Spraw Społecznych UM WKP"},
    {"demo-konsultant", "consultant", "04", NULL},
    {"demo-analityk", "analyst", "04", NULL},
    /* Its organisation comes with the demo grants (monitoring/demo.c). */
    {"demo-organizacja", "grantee", "04", NULL},
};

/*
** Create the demo accounts once, all with one random password printed
** here: a demo database must not carry a password known in advance.
*/
static int
load_accounts(struct db *db, struct arena *a)
{
    const struct users_actor who = {NULL, "cli", NULL};
    const char *password = NULL, *why;
    db_stmt *st = db_query(db, Q_ACCOUNT_BY_LOGIN);
    size_t i;
    int64_t id;
    int rc;

    db_bind_text(st, 1, accounts[0].login);
    rc = db_step(st);
    db_done(st);
    if (rc == DB_ROW) {
        return 0; /* made by an earlier run: keep its password */
    }
    for (i = 0; i < sizeof(accounts) / sizeof(accounts[0]); i++) {
        int64_t units[1] = {0};
        struct users_new u = {
            accounts[i].login,  NULL,  accounts[i].role,
            accounts[i].region, units, accounts[i].unit ? 1 : 0};

        if (accounts[i].unit != NULL &&
            (rc = units_ensure(db, a, accounts[i].region, UNIT_IMPLEMENTER,
                               accounts[i].unit, &units[0])) != 0) {
            fprintf(stderr, "demo: unit of %s: store error\n",
                    accounts[i].login);
            return rc;
        }

        if (password == NULL) {
            password = arena_strndup(a, random_token(a), 20);
        }
        u.password = password;
        rc = users_add(db, a, &u, &who, &id, &why);
        if (rc != 0) {
            fprintf(stderr, "demo: account %s: %s\n", accounts[i].login,
                    why ? why : "store error");
            return rc;
        }
    }
    printf("demo: accounts demo-admin, demo-koordynator, demo-realizator, "
           "demo-konsultant, demo-analityk, demo-organizacja; password for "
           "all: %s\n",
           password);
    return 0;
}

/* Field k of a ';'-separated row, as written (the file has no quoting). */
static const char *
csv_field(struct arena *a, const char *row, int k)
{
    const char *s = row, *e;

    while (k-- > 0) {
        if ((s = strchr(s, ';')) == NULL) {
            return "";
        }
        s++;
    }
    e = strchr(s, ';');
    return e ? arena_strndup(a, s, (size_t)(e - s)) : arena_strdup(a, s);
}

/*
** The regions of the seed documents with their settings, from
** data/regions_demo.csv: one row per helpline (see data/README.md).
** Returns how many rows were stored, or < 0.
*/
static int
load_regions(struct db *db, struct arena *a)
{
    const struct embedded *e = embedded_find(data_files, "regions_demo.csv");
    const struct audit_entry who = {.via = "cli", .action = "demo"};
    struct region_settings s;
    const char *p, *eol, *why = NULL;
    int n = 0, rc;

    if (e == NULL) {
        fprintf(stderr, "demo: regions_demo.csv missing from the build\n");
        return ERR_IO;
    }
    memset(&s, 0, sizeof(s));
    p = strchr(e->data, '\n'); /* past the header */
    for (p = p ? p + 1 : e->data + e->len; *p != '\0';
         p = eol + (*eol != '\0')) {
        const char *row, *woj;

        if ((eol = strchr(p, '\n')) == NULL) {
            eol = p + strlen(p);
        }
        row = arena_strndup(a, p, (size_t)(eol - p));
        woj = csv_field(a, row, 0);
        if (strlen(woj) != 2) {
            continue;
        }
        if (s.woj == NULL || strcmp(s.woj, woj) != 0) {
            memset(&s, 0, sizeof(s));
            s.woj = woj;
            s.office = csv_field(a, row, 1);
            s.address = csv_field(a, row, 2);
            s.info_line = csv_field(a, row, 3);
            s.bip_url = csv_field(a, row, 4);
            n++;
        }
        if (*csv_field(a, row, 6) != '\0' && s.nlines < REGION_MAX_LINES) {
            struct region_line *l = &s.lines[s.nlines++];

            l->name = csv_field(a, row, 5);
            l->phone = csv_field(a, row, 6);
            l->hours = csv_field(a, row, 7);
            region_hours_parse(l->hours, &l->open_from, &l->open_to);
        }
        /* Each row saves its region so far: the last row of it wins. */
        if ((rc = region_save(db, a, &s, &who, &why)) != 0) {
            fprintf(stderr, "demo: region %s: %s\n", woj,
                    why ? why : "store error");
            return rc;
        }
    }
    return n;
}

int
demo_load(struct db *db, struct arena *a)
{
    int rc, nregions;

    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    if ((nregions = load_regions(db, a)) < 0) {
        db_rollback(db);
        return nregions;
    }
    if ((rc = load_documents(db, a)) != 0) {
        db_rollback(db);
        return rc;
    }
    if ((rc = load_accounts(db, a)) != 0) {
        db_rollback(db);
        return rc;
    }
    /* Each module's demo data: one call per module below this line. */
    if ((rc = directory_demo_load(db, a)) != 0) {
        db_rollback(db);
        return rc;
    }
    if ((rc = helpline_demo_load(db, a)) != 0) {
        db_rollback(db);
        return rc;
    }
    if ((rc = monitoring_demo_load(db, a)) != 0) {
        db_rollback(db);
        return rc;
    }
    if ((rc = db_commit(db)) != 0) {
        return rc;
    }
    printf("demo: %d regions\n", nregions);
    return 0;
}
