/*
** The users module's demo data (rodzina init --demo): one account per
** role, so a newcomer can see every part.
*/
#include <stdio.h>

#include "auth/auth.h"
#include "core/arena.h"
#include "core/err.h"
#include "core/random.h"
#include "users/units.h"
#include "users/users.h"

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
int
users_demo_load(struct db *db, struct arena *a)
{
    const struct users_actor who = {NULL, "cli", NULL};
    const char *password = NULL, *why;
    size_t i;
    int64_t id;
    int rc;

    if (users_account_id(db, accounts[0].login, &id) == 0) {
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
