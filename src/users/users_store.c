/* Accounts; see users.h. Every change writes its audit row in the same
 * transaction, so a change without its row cannot be committed. */
#include "users.h"

#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/json.h"
#include "db/db.h"
#include "region/region.h"
#include "units.h"
#include "users/strings_pl.h"

static bool
login_ok(const char *s)
{
    size_t n = strlen(s), i;

    if (n < 3 || n > 64) {
        return false;
    }
    for (i = 0; i < n; i++) {
        char c = s[i];

        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' ||
              c == '@')) {
            return false;
        }
    }
    return true;
}

/* The audit entry of who, for audit_change. */
static struct audit_entry
actor_entry(const struct users_actor *who)
{
    struct audit_entry e = {
        .account = who->login,
        .via = who->via,
        .addr = who->addr,
    };

    return e;
}

/* An account to add, checked, with its password hash and role. */
struct account_add {
    struct arena *a;
    const struct users_new *u;
    const char *hash;
    enum role role;
    int64_t *id;
    const char **why;
};

/* The account row, its units and the audit's after (an audit_change). */
static int
insert_account(struct db *db, void *ctx, struct audit_entry *e)
{
    struct account_add *ad = ctx;
    const struct users_new *u = ad->u;
    const char *region = u->region && *u->region ? u->region : NULL;
    struct buf after;
    struct json j;
    db_stmt *st;
    int rc, i;

    st = db_query(db, Q_ACCOUNT_INSERT);
    db_bind_text(st, 1, u->login);
    db_bind_text(st, 2, ad->hash);
    db_bind_text(st, 3, auth_role_name(ad->role));
    db_bind_text(st, 4, region);
    if ((rc = db_one_int(st, ad->id)) != 0) {
        if (rc == ERR_CONFLICT) {
            *ad->why = T_USERS_ERR_LOGIN_TAKEN;
        }
        return rc;
    }
    for (i = 0; i < u->nunits; i++) {
        st = db_query(db, Q_ACCOUNT_UNIT_INSERT);
        db_bind_int(st, 1, *ad->id);
        db_bind_int(st, 2, u->units[i]);
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
    }
    buf_init(&after);
    json_init(&j, &after);
    json_obj_begin(&j);
    json_kstr(&j, "login", u->login);
    json_kstr(&j, "role", auth_role_name(ad->role));
    json_kstr(&j, "region", region);
    json_key(&j, "units");
    json_arr_begin(&j);
    for (i = 0; i < u->nunits; i++) {
        json_int(&j, u->units[i]);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    e->entity_id = u->login;
    e->after = arena_strdup(ad->a, after.data);
    buf_free(&after);
    return 0;
}

int
users_add(struct db *db, struct arena *a, const struct users_new *u,
          const struct users_actor *who, int64_t *id, const char **why)
{
    enum role role = auth_role_from_name(u->role_name ? u->role_name : "");
    char hash[256];
    struct account_add ad = {a, u, hash, role, id, why};
    struct audit_entry who_e = actor_entry(who);
    bool served;
    int rc, i;

    *why = NULL;
    if (!login_ok(u->login)) {
        *why = T_USERS_ERR_LOGIN;
        return ERR_INPUT;
    }
    if (role == ROLE_PUBLIC) {
        *why = T_USERS_ERR_ROLE_UNKNOWN;
        return ERR_INPUT;
    }
    if ((*why = auth_password_problem(u->login, u->password)) != NULL) {
        return ERR_INPUT;
    }
    if (role != ROLE_ADMIN && (u->region == NULL || *u->region == '\0')) {
        *why = T_USERS_ERR_NO_REGION;
        return ERR_INPUT;
    }
    if (u->nunits > 0 && role != ROLE_IMPLEMENTER && role != ROLE_GRANTEE) {
        *why = T_USERS_ERR_UNIT_ROLE;
        return ERR_INPUT;
    }
    if (u->region != NULL && *u->region != '\0') {
        if ((rc = region_served(db, u->region, &served)) != 0) {
            return rc;
        }
        if (!served) {
            *why = arena_printf(a, T_USERS_ERR_REGION_UNKNOWN, u->region);
            return ERR_INPUT;
        }
    }
    for (i = 0; i < u->nunits; i++) {
        const char *kind =
            role == ROLE_IMPLEMENTER ? UNIT_IMPLEMENTER : UNIT_ORGANISATION;
        struct org_unit ou;

        rc = units_get(db, a, u->units[i], &ou);
        if (rc == ERR_NOTFOUND || (rc == 0 && strcmp(ou.kind, kind) != 0)) {
            *why = arena_printf(a, T_USERS_ERR_UNIT_ID, (long)u->units[i],
                                role == ROLE_IMPLEMENTER
                                    ? T_USERS_KIND_IMPLEMENTER
                                    : T_USERS_KIND_ORGANISATION);
            return ERR_INPUT;
        }
        if (rc != 0) {
            return rc;
        }
        if (u->region == NULL || strcmp(ou.region, u->region) != 0) {
            *why = arena_printf(a, T_USERS_ERR_UNIT_REGION, (long)ou.id,
                                ou.name, ou.region);
            return ERR_INPUT;
        }
    }
    if (auth_password_hash(u->password, hash, sizeof(hash)) != 0) {
        return ERR_IO;
    }
    return audit_change(db, &who_e, "account.add", "account", insert_account,
                        &ad);
}

int
users_account_id(struct db *db, const char *login, int64_t *id)
{
    db_stmt *st = db_query(db, Q_ACCOUNT_BY_LOGIN);

    db_bind_text(st, 1, login);
    return db_one_int(st, id);
}

/* One column of an account set, its sessions ended (an audit_change). */
struct account_set {
    const char *login;
    int q;            /* $1 the account's id, $2 the value */
    const char *text; /* the value, or NULL for number */
    int64_t number;
};

static int
set_account(struct db *db, void *ctx, struct audit_entry *e)
{
    const struct account_set *c = ctx;
    int64_t id;
    db_stmt *st;
    int rc;

    if ((rc = users_account_id(db, c->login, &id)) != 0) {
        return rc;
    }
    st = db_query(db, c->q);
    db_bind_int(st, 1, id);
    if (c->text != NULL) {
        db_bind_text(st, 2, c->text);
    } else {
        db_bind_int(st, 2, c->number);
    }
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    st = db_query_id(db, Q_SESSION_DELETE_ACCOUNT, id);
    e->entity_id = c->login;
    return db_exec(st);
}

int
users_set_disabled(struct db *db, struct arena *a, const char *login,
                   bool disabled, const struct users_actor *who)
{
    struct account_set c = {login, Q_ACCOUNT_SET_DISABLED, NULL, disabled};
    struct audit_entry e = actor_entry(who);

    (void)a;
    return audit_change(db, &e, disabled ? "account.disable" : "account.enable",
                        "account", set_account, &c);
}

int
users_set_password(struct db *db, struct arena *a, const char *login,
                   const char *password, const struct users_actor *who,
                   const char **why)
{
    struct account_set c = {login, Q_ACCOUNT_SET_PASSWORD, NULL, 0};
    struct audit_entry e = actor_entry(who);
    char hash[256];

    (void)a;
    if ((*why = auth_password_problem(login, password)) != NULL) {
        return ERR_INPUT;
    }
    if (auth_password_hash(password, hash, sizeof(hash)) != 0) {
        return ERR_IO;
    }
    c.text = hash;
    return audit_change(db, &e, "account.password", "account", set_account, &c);
}

int
users_list(struct db *db, struct arena *a, struct users_row **out)
{
    db_stmt *st = db_query(db, Q_ACCOUNT_LIST);
    struct users_row *list = NULL;
    int n = 0, cap = 0, rc;

    while ((rc = db_step(st)) == DB_ROW) {
        struct users_row *u;

        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            list = arena_realloc(a, list, (size_t)n * sizeof(*list),
                                 (size_t)cap * sizeof(*list));
        }
        u = &list[n++];
        u->id = db_col_int(st, 0);
        u->login = db_col_text_dup(a, st, 1);
        u->role = db_col_text_dup(a, st, 2);
        u->region = db_col_null(st, 3) ? NULL : db_col_text_dup(a, st, 3);
        u->disabled = db_col_int(st, 4) != 0;
        u->created_at = db_col_text_dup(a, st, 5);
        u->units = db_col_text_dup(a, st, 6);
    }
    db_done(st);
    *out = list;
    return rc == DB_DONE ? n : rc;
}

int
users_link_unit(struct db *db, const char *login, int64_t unit)
{
    int64_t id;
    db_stmt *st;
    int rc;

    if ((rc = users_account_id(db, login, &id)) != 0) {
        return rc;
    }
    st = db_query(db, Q_ACCOUNT_UNIT_INSERT);
    db_bind_int(st, 1, id);
    db_bind_int(st, 2, unit);
    return db_exec(st);
}

int
users_each_unlinked(struct db *db,
                    void (*fn)(void *arg, const struct users_unlinked *u),
                    void *arg)
{
    db_stmt *st = db_query(db, Q_OWNERSHIP_UNLINKED);
    int n = 0, rc;

    while ((rc = db_step(st)) == DB_ROW) {
        struct users_unlinked u = {db_col_text(st, 0), db_col_text(st, 1),
                                   db_col_text(st, 2), db_col_text(st, 3),
                                   db_col_text(st, 4), db_col_text(st, 5)};

        fn(arg, &u);
        n++;
    }
    db_done(st);
    return rc == DB_DONE ? n : rc;
}
