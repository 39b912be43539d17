/*
** Account management shared by the CLI (rodzina user ...) and the
** administrators' pages: validation, the store write and its audit row in
** one transaction. No HTML here.
*/
#ifndef USERS_USERS_H
#define USERS_USERS_H

#include <stdbool.h>
#include <stdint.h>

#include "auth/auth.h"

struct arena;
struct db;

/* Who is acting, for the audit row. */
struct users_actor {
    const char *login; /* NULL for the command line */
    const char *via;   /* "cli", "web" */
    const char *addr;
};

struct users_new {
    const char *login, *password, *role_name, *region;
    const int64_t *units; /* org_unit ids (users/units.h) */
    int nunits;
};

/*
** Add an account. ERR_INPUT with a Polish reason in *why (bad login,
** weak password, unknown role or region, a unit for a role without units,
** a unit id that is not an implementer unit (implementer) or organisation
** (grantee) of the account's region), ERR_CONFLICT when the login exists,
** ERR_DB. Nothing is written on error.
*/
int users_add(struct db *db, struct arena *a, const struct users_new *u,
              const struct users_actor *who, int64_t *id, const char **why);
/* Disable or enable an account and end its sessions: 0 or ERR_NOTFOUND. */
int users_set_disabled(struct db *db, struct arena *a, const char *login,
                       bool disabled, const struct users_actor *who);
/* Set a new password (checked as in users_add); ends its sessions. */
int users_set_password(struct db *db, struct arena *a, const char *login,
                       const char *password, const struct users_actor *who,
                       const char **why);

/* Link account login to org unit id (already linked: no change):
 * 0, ERR_NOTFOUND for no such account, or ERR_DB. */
int users_link_unit(struct db *db, const char *login, int64_t unit);

/* An account as the administrators' list shows it. */
struct users_row {
    int64_t id;
    const char *login, *role;
    const char *region; /* NULL: every region */
    bool disabled;
    const char *created_at;
    const char *units; /* "name (id); ..." or "" */
};
/* Every account, by login in Polish order, in a: how many, or < 0. */
int users_list(struct db *db, struct arena *a, struct users_row **out);
/* The id of account login: 0, ERR_NOTFOUND or ERR_DB. */
int users_account_id(struct db *db, const char *login, int64_t *id);

/* What the migration to ownership by id (0032) could not link. */
struct users_unlinked {
    const char *at, *what, *ref;
    const char *region; /* "-" when it had none */
    const char *text, *reason;
};
/* fn(arg, u) for every such record in the order written, u valid during
** the call: how many, or < 0. */
int users_each_unlinked(struct db *db,
                        void (*fn)(void *arg, const struct users_unlinked *u),
                        void *arg);

#endif
