/*
** The store of organisations: registration (the organisation's unit, its
** disabled first account, its representatives, the confirmation message
** in the outbox) in one audited transaction; the e-mail confirmation; the
** office's decision, which enables the account. The only file that runs
** the organisations' SQL; accounts are made through users/users.h, units
** through users/units.h, gminas read through teryt/teryt.h.
*/
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/json.h"
#include "core/random.h"
#include "core/str.h"
#include "core/warsaw.h"
#include "db/db.h"
#include "grants.h"
#include "region/region.h"
#include "teryt/teryt.h"
#include "users/units.h"
#include "users/users.h"
#include "grants/strings_pl.h"

static void
org_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct grant_org *o = elem;

    memset(o, 0, sizeof(*o));
    o->id = db_col_int(st, 0);
    o->region = db_col_text_dup(a, st, 1);
    o->unit_id = db_col_int(st, 2);
    o->account_id = db_col_int(st, 3);
    o->login = db_col_text_dup(a, st, 4);
    o->name = db_col_text_dup(a, st, 5);
    o->krs = db_col_text_dup(a, st, 6);
    o->nip = db_col_text_dup_or_null(a, st, 7);
    o->address = db_col_text_dup(a, st, 8);
    o->gmina = db_col_text_dup(a, st, 9);
    o->email = db_col_text_dup(a, st, 10);
    o->email_confirmed_at = db_col_text_dup_or_null(a, st, 11);
    o->status = db_col_text_dup(a, st, 12);
    o->reason = db_col_text_dup_or_null(a, st, 13);
    o->decided_by = db_col_text_dup_or_null(a, st, 14);
    o->decided_at = db_col_text_dup_or_null(a, st, 15);
    o->created_at = db_col_text_dup(a, st, 16);
}

static void
person_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct grant_person *p = elem;

    p->pos = (int)db_col_int(st, 0);
    p->name = db_col_text_dup(a, st, 1);
    p->function = db_col_text_dup(a, st, 2);
}

int
grant_org_get(struct db *db, struct arena *a, int64_t id, struct grant_org *out)
{
    db_stmt *st = db_query(db, Q_GRANT_ORG_GET);
    int rc, n;

    db_bind_int(st, 1, id);
    if ((rc = db_get(st, a, org_cols, out)) != 0) {
        return rc;
    }
    st = db_query(db, Q_GRANT_ORG_PERSONS);
    db_bind_int(st, 1, id);
    n = db_list(st, a, sizeof(*out->persons), person_cols, &out->persons);
    if (n < 0) {
        return n;
    }
    out->npersons = n;
    return 0;
}

bool
grant_org_visible(struct db *db, const struct mon_actor *act,
                  const struct grant_org *o)
{
    db_stmt *st;
    int64_t n = 0;

    if (act->account == 0) {
        return false;
    }
    if (auth_role_has(act->role, CAP_GRANT_MANAGE)) {
        return act->region == NULL || strcmp(act->region, o->region) == 0;
    }
    st = db_query(db, Q_GRANT_ORG_MEMBER);
    db_bind_int(st, 1, act->account);
    db_bind_int(st, 2, o->unit_id);
    return db_one_int(st, &n) == 0 && n > 0;
}

int
grant_orgs_list(struct db *db, struct arena *a, const char *region,
                struct grant_org **out)
{
    db_stmt *st = db_query(db, Q_GRANT_ORGS_LIST);

    db_bind_text(st, 1, region);
    return db_list(st, a, sizeof(**out), org_cols, out);
}

int
grant_orgs_of_account(struct db *db, struct arena *a, int64_t account,
                      struct grant_org **out)
{
    db_stmt *st = db_query(db, Q_GRANT_ORGS_OF_ACCOUNT);

    db_bind_int(st, 1, account);
    return db_list(st, a, sizeof(**out), org_cols, out);
}

/* The fields of o; for the audit log (audit) the representatives only
 * counted: the log cannot be changed, so it keeps no personal data that
 * erasure or the purge (person_store.c) must remove. */
static void
org_fields(struct json *j, const struct grant_org *o, bool audit)
{
    int i;

    json_kint(j, "id", o->id);
    json_kstr(j, "region", o->region);
    json_kint(j, "unit_id", o->unit_id);
    json_kstr(j, "name", o->name);
    json_kstr(j, "krs", o->krs);
    json_kstr(j, "nip", o->nip);
    json_kstr(j, "address", o->address);
    json_kstr(j, "gmina", o->gmina);
    json_kstr(j, "email", o->email);
    json_kbool(j, "email_confirmed", o->email_confirmed_at != NULL);
    json_kstr(j, "status", o->status);
    json_kstr(j, "reason", o->reason);
    if (audit) {
        json_kint(j, "representatives", o->npersons);
        return;
    }
    json_key(j, "representatives");
    json_arr_begin(j);
    for (i = 0; i < o->npersons; i++) {
        json_obj_begin(j);
        json_kstr(j, "name", o->persons[i].name);
        json_kstr(j, "function", o->persons[i].function);
        json_obj_end(j);
    }
    json_arr_end(j);
}

void
grant_org_json(struct json *j, const struct grant_org *o)
{
    json_obj_begin(j);
    org_fields(j, o, false);
    json_obj_end(j);
}

static const char *
org_audit_json(struct arena *a, const struct grant_org *o)
{
    struct buf b;
    struct json j;

    json_obj_open(&j, &b);
    org_fields(&j, o, true);
    return json_obj_dup(a, &j);
}

/* What one registration or decision works on. */
struct org_change {
    struct arena *a;
    const struct mon_actor *act;
    struct grant_org o, before;
    const char *password, *base, *now, *token;
    const char ***errs;
    int *nerrs;
    const char **why;
    bool confirm;
};

static struct users_actor
users_actor_of(const struct mon_actor *act)
{
    struct users_actor u = {act->who.account, act->who.via, act->who.addr};

    return u;
}

static int
org_insert(struct db *db, void *ctx, struct audit_entry *e)
{
    struct org_change *c = ctx;
    struct grant_org *o = &c->o;
    struct users_actor ua = users_actor_of(c->act);
    int64_t existing = 0, taken = 0;
    const char *why = NULL;
    db_stmt *st;
    int rc, i;

    rc = units_find(db, c->a, o->region, UNIT_ORGANISATION, o->name, &existing);
    if (rc == ERR_INPUT) { /* a name of punctuation only */
        grant_err(c->a, c->errs, c->nerrs,
                  arena_printf(c->a, T_GC_ERR_REQUIRED, T_GO_F_NAME));
        return ERR_INPUT;
    }
    if (rc != 0 && rc != ERR_NOTFOUND) {
        return rc;
    }
    st = db_query(db, Q_GRANT_ORG_TAKEN);
    db_bind_text(st, 1, o->region);
    db_bind_text(st, 2, o->krs);
    db_bind_int(st, 3, existing);
    if ((rc = db_one_int(st, &taken)) != 0) {
        return rc;
    }
    if (taken > 0) {
        grant_err(c->a, c->errs, c->nerrs,
                  arena_printf(c->a, T_GO_ERR_TAKEN, T_GO_F_KRS));
        return ERR_INPUT;
    }
    if ((rc = units_ensure(db, c->a, o->region, UNIT_ORGANISATION, o->name,
                           &o->unit_id)) != 0) {
        return rc;
    }
    {
        struct users_new u = {o->login,  c->password, "grantee",
                              o->region, &o->unit_id, 1};

        rc = users_add(db, c->a, &u, &ua, &o->account_id, &why);
    }
    if (rc == ERR_INPUT || rc == ERR_CONFLICT) {
        grant_err(
            c->a, c->errs, c->nerrs,
            arena_printf(c->a, T_GO_ERR_ACCOUNT, T_GO_F_LOGIN, why ? why : ""));
        return ERR_INPUT;
    }
    if (rc != 0 ||
        (rc = users_set_disabled(db, c->a, o->login, true, &ua)) != 0) {
        return rc;
    }
    st = db_query(db, Q_GRANT_ORG_INSERT);
    db_bind_text(st, 1, o->region);
    db_bind_int(st, 2, o->unit_id);
    db_bind_int(st, 3, o->account_id);
    db_bind_text(st, 4, o->name);
    db_bind_text(st, 5, o->krs);
    db_bind_text(st, 6, o->nip);
    db_bind_text(st, 7, o->address);
    db_bind_text(st, 8, o->gmina);
    db_bind_text(st, 9, o->email);
    db_bind_text(st, 10, auth_token_hash(c->a, c->token));
    db_bind_text(st, 11, c->now);
    if ((rc = db_one_int(st, &o->id)) != 0) {
        return rc;
    }
    for (i = 0; i < o->npersons; i++) {
        st = db_query(db, Q_GRANT_ORG_PERSON_INSERT);
        db_bind_int(st, 1, o->id);
        db_bind_int(st, 2, o->persons[i].pos);
        db_bind_text(st, 3, o->persons[i].name);
        db_bind_text(st, 4, o->persons[i].function);
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
    }
    rc = auth_mail_queue(
        db, "grant.org", o->id, o->email, T_GO_MAIL_CONFIRM_SUBJECT,
        arena_printf(c->a, T_GO_MAIL_CONFIRM_BODY, o->name, c->base, c->token));
    if (rc != 0) {
        return rc;
    }
    o->status = "pending";
    e->entity_id = arena_printf(c->a, "%ld", (long)o->id);
    e->after = org_audit_json(c->a, o);
    return 0;
}

/* A trimmed field of at most max bytes; NULL with a message when longer,
 * or empty and required. */
static const char *
field(struct org_change *c, const char *s, const char *label, int max,
      bool required)
{
    const char *t = str_trim(c->a, s != NULL ? s : "");

    if (strlen(t) > (size_t)max) {
        grant_err(c->a, c->errs, c->nerrs,
                  arena_printf(c->a, T_GC_ERR_TOO_LONG, label, max));
        return NULL;
    }
    if (required && *t == '\0') {
        grant_err(c->a, c->errs, c->nerrs,
                  arena_printf(c->a, T_GC_ERR_REQUIRED, label));
        return NULL;
    }
    return t;
}

/* The gmina of text (a code or an exact name) into o: its code and the
 * region, which must be served. */
static int
check_gmina(struct db *db, struct org_change *c, const char *text)
{
    const char *codes[2];
    struct teryt_gmina g;
    bool served = false;
    int rc, n;

    if (str_digits(text, 7)) {
        codes[0] = text;
        n = 1;
    } else if ((n = teryt_gmina_find(db, c->a, text, NULL, codes)) < 0) {
        return n;
    }
    if (n == 2) {
        grant_err(
            c->a, c->errs, c->nerrs,
            arena_printf(c->a, T_GO_ERR_GMINA_AMBIGUOUS, T_GO_F_GMINA, text));
        return 0;
    }
    rc = n == 1 ? teryt_gmina_get(db, c->a, codes[0], &g) : ERR_NOTFOUND;
    if (rc == ERR_NOTFOUND) {
        grant_err(c->a, c->errs, c->nerrs,
                  arena_printf(c->a, T_GO_ERR_GMINA, T_GO_F_GMINA, text));
        return 0;
    }
    if (rc != 0 || (rc = region_served(db, g.woj_code, &served)) != 0) {
        return rc;
    }
    if (!served) {
        grant_err(c->a, c->errs, c->nerrs,
                  arena_printf(c->a, T_GO_ERR_REGION_NOT_SERVED, T_GO_F_GMINA));
        return 0;
    }
    c->o.gmina = g.teryt;
    c->o.region = g.woj_code;
    return 0;
}

static void
check_persons(struct org_change *c, const struct grant_org_form *f)
{
    int i;

    c->o.persons = arena_alloc(c->a, GRANT_PERSONS_MAX * sizeof(*c->o.persons));
    for (i = 0; i < GRANT_PERSONS_MAX; i++) {
        const char *nl = arena_printf(c->a, T_GO_F_PERSON, i + 1);
        const char *fl = arena_printf(c->a, T_GO_F_FUNCTION, i + 1);
        const char *name = field(c, f->person[i], nl, 200, false);
        const char *fn = field(c, f->function[i], fl, 200, false);

        if (name == NULL || fn == NULL || (*name == '\0' && *fn == '\0')) {
            continue;
        }
        if (*name == '\0') {
            grant_err(c->a, c->errs, c->nerrs,
                      arena_printf(c->a, T_GO_ERR_PERSON, nl));
            continue;
        }
        if (*fn == '\0') {
            grant_err(c->a, c->errs, c->nerrs,
                      arena_printf(c->a, T_GC_ERR_REQUIRED, fl));
            continue;
        }
        c->o.persons[c->o.npersons].pos = c->o.npersons + 1;
        c->o.persons[c->o.npersons].name = name;
        c->o.persons[c->o.npersons].function = fn;
        c->o.npersons++;
    }
    if (c->o.npersons == 0 && *c->nerrs == 0) {
        grant_err(c->a, c->errs, c->nerrs,
                  arena_printf(c->a, T_GO_ERR_NO_PERSON, T_GO_PERSONS));
    }
}

int
grant_org_register(struct db *db, struct arena *a, const struct mon_actor *act,
                   const struct grant_org_form *f, const char *base,
                   int64_t *id, const char **token, const char ***errs,
                   int *nerrs)
{
    struct org_change c = {.a = a, .act = act, .errs = errs, .nerrs = nerrs};
    const char *t, *problem;
    char nip[11];
    int64_t existing;
    int rc;

    *errs = NULL;
    *nerrs = 0;
    c.now = grant_now(a);
    c.base = base;
    c.o.name = field(&c, f->name, T_GO_F_NAME, GRANT_TITLE_MAX, true);
    t = field(&c, f->krs, T_GO_F_KRS, 20, true);
    if (t != NULL && !grant_krs_ok(t)) {
        grant_err(a, errs, nerrs, arena_printf(a, T_GO_ERR_KRS, T_GO_F_KRS, t));
    }
    c.o.krs = t;
    t = field(&c, f->nip, T_GO_F_NIP, 20, false);
    if (t != NULL && *t != '\0') {
        if (!grant_nip_ok(t, nip)) {
            grant_err(a, errs, nerrs,
                      arena_printf(a, T_GO_ERR_NIP, T_GO_F_NIP, t));
        } else {
            c.o.nip = arena_strdup(a, nip);
        }
    }
    c.o.address = field(&c, f->address, T_GO_F_ADDRESS, 500, true);
    t = field(&c, f->email, T_GO_F_EMAIL, 254, true);
    if (t != NULL && !grant_email_ok(t)) {
        grant_err(a, errs, nerrs,
                  arena_printf(a, T_GO_ERR_EMAIL, T_GO_F_EMAIL, t));
    }
    c.o.email = t;
    t = field(&c, f->gmina, T_GO_F_GMINA, 100, true);
    if (t != NULL && (rc = check_gmina(db, &c, t)) != 0) {
        return rc;
    }
    check_persons(&c, f);
    c.o.login = field(&c, f->login, T_GO_F_LOGIN, 64, true);
    c.password = f->password != NULL ? f->password : "";
    if (c.o.login != NULL) {
        problem = auth_password_problem(c.o.login, c.password);
        if (problem != NULL) {
            grant_err(
                a, errs, nerrs,
                arena_printf(a, T_GO_ERR_ACCOUNT, T_GO_F_PASSWORD, problem));
        }
        /* checked first: a refused insert would end a PostgreSQL
         * transaction */
        rc = users_account_id(db, c.o.login, &existing);
        if (rc == 0) {
            grant_err(a, errs, nerrs,
                      arena_printf(a, T_GO_ERR_ACCOUNT, T_GO_F_LOGIN,
                                   T_GO_ERR_LOGIN_TAKEN));
        } else if (rc != ERR_NOTFOUND) {
            return rc;
        }
    }
    if (*nerrs > 0) {
        return ERR_INPUT;
    }
    c.token = random_token(a);
    rc = audit_change(db, &act->who, "grant_org.register", "grant_org",
                      org_insert, &c);
    *id = c.o.id;
    if (rc == 0 && token != NULL) {
        *token = c.token;
    }
    return rc;
}

static int
email_confirm(struct db *db, void *ctx, struct audit_entry *e)
{
    struct org_change *c = ctx;
    db_stmt *st = db_query(db, Q_GRANT_ORG_BY_TOKEN);
    int rc;

    db_bind_text(st, 1, auth_token_hash(c->a, c->token));
    if ((rc = db_one_int(st, &c->o.id)) != 0) {
        return rc == ERR_NOTFOUND ? ERR_NOTFOUND : rc;
    }
    st = db_query(db, Q_GRANT_ORG_EMAIL_CONFIRM);
    db_bind_int(st, 1, c->o.id);
    db_bind_text(st, 2, c->now);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    e->entity_id = arena_printf(c->a, "%ld", (long)c->o.id);
    return 0;
}

int
grant_org_confirm_email(struct db *db, struct arena *a,
                        const struct mon_actor *act, const char *token,
                        int64_t *id)
{
    struct org_change c = {.a = a, .act = act, .token = token};
    int rc;

    if (token == NULL || strlen(token) != RANDOM_TOKEN_HEX) {
        return ERR_NOTFOUND;
    }
    c.now = grant_now(a);
    rc = audit_change(db, &act->who, "grant_org.email", "grant_org",
                      email_confirm, &c);
    *id = c.o.id;
    return rc;
}

static int
org_decide(struct db *db, void *ctx, struct audit_entry *e)
{
    struct org_change *c = ctx;
    struct users_actor ua = users_actor_of(c->act);
    db_stmt *st;
    int rc;

    if ((rc = grant_org_get(db, c->a, c->o.id, &c->before)) != 0) {
        return rc;
    }
    if (c->act->region != NULL && strcmp(c->act->region, c->before.region)) {
        return ERR_NOTFOUND;
    }
    if (strcmp(c->before.status, "pending") != 0) {
        *c->why = T_GO_ERR_DECIDED;
        return ERR_CONFLICT;
    }
    if (c->confirm && c->before.email_confirmed_at == NULL) {
        *c->why = T_GO_ERR_EMAIL_FIRST;
        return ERR_CONFLICT;
    }
    st = db_query(db, Q_GRANT_ORG_DECIDE);
    db_bind_int(st, 1, c->o.id);
    db_bind_text(st, 2, c->confirm ? "confirmed" : "refused");
    db_bind_text(st, 3, c->confirm ? NULL : c->o.reason);
    db_bind_text(st, 4, c->act->who.account);
    db_bind_text(st, 5, c->now);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    if (c->confirm && *c->before.login != '\0' &&
        (rc = users_set_disabled(db, c->a, c->before.login, false, &ua)) != 0) {
        return rc;
    }
    rc = auth_mail_queue(
        db, "grant.org", c->o.id, c->before.email, T_GO_MAIL_DECISION_SUBJECT,
        c->confirm ? arena_printf(c->a, T_GO_MAIL_CONFIRMED_BODY,
                                  c->before.name, c->before.login)
                   : arena_printf(c->a, T_GO_MAIL_REFUSED_BODY, c->before.name,
                                  c->o.reason));
    if (rc != 0 || (rc = grant_org_get(db, c->a, c->o.id, &c->o)) != 0) {
        return rc;
    }
    e->entity_id = arena_printf(c->a, "%ld", (long)c->o.id);
    e->before = org_audit_json(c->a, &c->before);
    e->after = org_audit_json(c->a, &c->o);
    return 0;
}

int
grant_org_decide(struct db *db, struct arena *a, const struct mon_actor *act,
                 int64_t id, bool confirm, const char *reason, const char **why)
{
    struct org_change c = {.a = a, .act = act, .confirm = confirm, .why = why};

    *why = NULL;
    c.o.id = id;
    c.o.reason = str_trim(a, reason != NULL ? reason : "");
    if (!confirm && *c.o.reason == '\0') {
        *why = T_GO_ERR_REASON;
        return ERR_INPUT;
    }
    c.now = grant_now(a);
    return audit_change(db, &act->who,
                        confirm ? "grant_org.confirm" : "grant_org.refuse",
                        "grant_org", org_decide, &c);
}
