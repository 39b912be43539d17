/*
** Accounts, roles and what each role may do, sessions, login throttling
** and the audit log. The permission table (caps.c) is the one place that
** says which role has which capability; the router consults it for every
** route before any handler runs, through the access hooks (access.c).
*/
#ifndef AUTH_AUTH_H
#define AUTH_AUTH_H

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct db;
struct db_stmt;
struct req;
struct req_user;

enum role {
    ROLE_PUBLIC = 0, /* not logged in */
    ROLE_ADMIN,
    ROLE_COORDINATOR,
    ROLE_IMPLEMENTER,
    ROLE_CONSULTANT,
    ROLE_ANALYST,
    ROLE_GRANTEE,
    ROLE_PROFESSIONAL, /* the professionals' zone (issue 19) */
    ROLE_COUNT
};

/*
** What a route needs. CAP_NONE is the value of a route nobody gave a rule:
** the router refuses it, so a forgotten rule fails closed.
*/
enum cap {
    CAP_NONE = 0,
    CAP_PUBLIC,              /* anyone, logged in or not */
    CAP_LOGIN,               /* any logged-in account */
    CAP_PLAN_READ,           /* unpublished plans of the account's region */
    CAP_PLAN_EDIT,           /* import, edit and publish plans */
    CAP_USERS_ADMIN,         /* accounts */
    CAP_AUDIT_READ,          /* the audit log and its export */
    CAP_DIRECTORY_EDIT,      /* institutions and services of the directory */
    CAP_HELPLINE_LOG,        /* log helpline contacts */
    CAP_HELPLINE_READ,       /* helpline contacts (no notes) and statistics */
    CAP_HELPLINE_NOTES,      /* the sensitive notes of contacts, exports */
    CAP_HELPLINE_MANAGE,     /* agreements with gminas, duty schedules */
    CAP_REALISATION_ENTER,   /* realisation of one's own tasks */
    CAP_REALISATION_APPROVE, /* approve or return realisation */
    CAP_REGISTER_EDIT,       /* trainings, competitions, adoption figures */
    CAP_GRANT_REPORT,        /* a grantee's report of its own grants */
    CAP_REPORT_READ,         /* unpublished reports and dashboards */
    CAP_OPS,                 /* backups, metrics, health of the instance */
    CAP_REGIONS_ADMIN,       /* regions served and their settings */
    CAP_GRANT_MANAGE,        /* calls for grants and awards (issue 17) */
    CAP_GRANT_SCORE,         /* sit on a call's committee (issue 17) */
    CAP_PARTICIPANTS,        /* trainings' participants (personal data) */
    CAP_ZONE_MODERATE, /* professionals' zone: accounts, forum, practices */
    CAP_COUNT
};

#define AUTH_PASSWORD_MIN 12
#define AUTH_IDLE_SECONDS (30 * 60)
#define AUTH_ABSOLUTE_SECONDS (12 * 60 * 60)
#define AUTH_THROTTLE_WINDOW (15 * 60)
/* Login throttling (session_store.c): failures within the window start a
 * back-off of 1, 2, 4 ... seconds (at most AUTH_BACKOFF_MAX) once a login
 * from one address failed AUTH_THROTTLE_PER_LOGIN times, or an address
 * failed AUTH_THROTTLE_PER_ADDR times over all logins. */
#define AUTH_THROTTLE_PER_LOGIN 5
#define AUTH_THROTTLE_PER_ADDR 20
#define AUTH_THROTTLE_PER_ACCOUNT 100 /* one login, all addresses */
#define AUTH_BACKOFF_MAX (15 * 60)
/* Public forms (form_limit.c): submissions counted over an hour, per
 * client address and per address and target; the limits are the server's
 * configuration (form_limit_per_address, form_limit_per_target). */
#define AUTH_FORM_WINDOW (60 * 60)

/* caps.c */
bool auth_role_has(enum role role, enum cap cap);
const char *auth_role_name(enum role role);  /* CLI name */
const char *auth_role_label(enum role role); /* Polish */
/* ROLE_PUBLIC when the name is not a role. */
enum role auth_role_from_name(const char *name);
const char *auth_cap_name(enum cap cap);
/* Denied access to routes with this capability is audited. */
bool auth_cap_sensitive(enum cap cap);

/* password.c */
/* argon2id hash of pw into out (at least 128 bytes): 0 or ERR_IO. */
int auth_password_hash(const char *pw, char *out, int outlen);
bool auth_password_verify(const char *hash, const char *pw);
/* Why pw is not acceptable for login (Polish), or NULL when it is. */
const char *auth_password_problem(const char *login, const char *pw);

/* session_store.c */
/* The BLAKE2b hash (64 hex characters, in a) a store keeps of a secret
 * token instead of the token, so that a copy of the database opens no
 * session and confirms no address. */
const char *auth_token_hash(struct arena *a, const char *token);
/*
** Start a session for account id at time now: *token (for the cookie) and
** *csrf in the arena; only the token's hash is stored. 0 or ERR_DB.
*/
int auth_session_create(struct db *db, struct arena *a, int64_t account,
                        int64_t now, const char **token, const char **csrf);
/*
** The account of a session token, if the session is alive (idle and
** absolute time-outs) and the account enabled: 0 and *out filled, or
** ERR_NOTFOUND. Touches the session at most once a minute.
*/
int auth_session_load(struct db *db, struct arena *a, const char *token,
                      int64_t now, struct req_user *out);
int auth_session_end(struct db *db, struct arena *a, const char *token);
/* The hex hash under which a token (of a session or a person's own link)
 * is stored, in the arena: only the hash is kept, never the token. */
const char *auth_token_hash(struct arena *a, const char *token);
struct auth_login_result {
    int64_t account;     /* the account, on success */
    int64_t failures;    /* on ERR_DENIED: failures of this login from this
                            address in the window, this one included */
    int64_t throttled;   /* on ERR_CONFLICT: throttled attempts of this
                            address in the window, this one included */
    int64_t retry_after; /* on ERR_CONFLICT: seconds until the next try */
};
/*
** Check a login and password at time now from addr. Returns 0 (res->account
** set; this address's failures of the login forgotten), ERR_DENIED for a
** wrong login or password (recorded), ERR_CONFLICT when the back-off has
** not run out (nothing checked; recorded as throttled), ERR_DB.
*/
int auth_login(struct db *db, struct arena *a, const char *login,
               const char *password, const char *addr, int64_t now,
               struct auth_login_result *res);

/*
** Count a submission of a public form to target (a path) from addr at
** time now: 0 when the address sent fewer than per_addr submissions in
** the window and fewer than per_target to this target (0: no limit), the
** submission recorded; ERR_CONFLICT, recorded as refused, with
** *retry_after the seconds until a place frees; ERR_DB.
*/
int auth_form_submit(struct db *db, const char *target, const char *addr,
                     int64_t now, int64_t per_addr, int64_t per_target,
                     int64_t *retry_after);
/*
** The throttle of a public form for request r, to be called by the
** handler of every unauthenticated POST that creates rows or queues mail,
** before it changes anything: 0 to go on; otherwise records a 429 with
** Retry-After and a Polish message on r and returns an error, which the
** handler returns. target names what is limited: the path, or a stable
** name when the path carries a secret.
*/
int auth_form_limit_or_reply(struct req *r, const char *target);

/* audit_store.c */
struct audit_entry {
    const char *account; /* login or NULL */
    const char *via;     /* "web", "api", "cli" */
    const char *addr;
    const char *action;
    const char *entity, *entity_id;
    const char *before, *after; /* JSON or NULL */
};

/* Which audit rows to read; NULL matches all. */
struct audit_filter {
    const char *who;       /* account login */
    const char *action;    /* a prefix */
    const char *from, *to; /* ISO dates: from <= at < to */
};
/* An audit row read back; account, before and after may be NULL. */
struct audit_row {
    int64_t id;
    const char *at, *account, *via, *addr, *action, *entity, *entity_id;
    const char *before, *after;
};
/* How many audit rows f matches, in *total: 0 or ERR_DB. */
int audit_total(struct db *db, struct arena *a, const struct audit_filter *f,
                int64_t *total);
/*
** The rows f matches, newest first, from offset on, at most limit: each
** is passed to row, its strings alive during the call (rows are streamed,
** not held). Returns how many were passed, or < 0 (ERR_DB).
*/
int audit_each(struct db *db, struct arena *a, const struct audit_filter *f,
               int limit, int64_t offset,
               void (*row)(void *ctx, const struct audit_row *), void *ctx);

/* access.c: who acts in request r, for its audit rows (account login or
 * NULL for the public, via "api" or "web", the client's address). */
struct audit_entry auth_request_who(struct req *r);
/* Whether r's account (the public when none) has cap. */
bool auth_request_can(struct req *r, enum cap cap);

/* Append one audit row: 0 or ERR_DB (the caller's transaction fails). */
int audit_add(struct db *db, const struct audit_entry *e);

/*
** One audited change: runs change(db, ctx, &e) in a transaction, where e is
** *who (or an empty entry) with action and entity set; the change fills
** e.entity_id, e.before and e.after (JSON or NULL, alive until the call
** returns). When it returns 0 the audit row is added and the transaction
** committed; on any error all is rolled back and the error returned.
*/
int audit_change(struct db *db, const struct audit_entry *who,
                 const char *action, const char *entity,
                 int (*change)(struct db *db, void *ctx, struct audit_entry *e),
                 void *ctx);

/* An audited change that is one prepared statement st: e names it all. */
int audit_exec(struct db *db, const struct audit_entry *e, struct db_stmt *st);

/* mail_store.c: the one outbox of e-mail (issues 17, 18, 19) */
#define AUTH_MAIL_ATTEMPTS 8      /* tries before a message is given up */
#define AUTH_MAIL_RETRY (5 * 60)  /* s after the first failed try, doubled */
#define AUTH_MAIL_LEASE (15 * 60) /* s a message taken by a run is held */
/* How long a message is kept, sent or not, is the configuration's
 * mail_keep_days (30 by default): rodzina purge, auth_mail_purge. */
/*
** Queue one plain-text message to the address to, in the caller's
** transaction. kind names what it is about ("training.signup") and ref
** that record's id (0: none), for auth_mail_forget and the log, which
** shows kind and ids, never the address. 0 or ERR_DB.
*/
int auth_mail_queue(struct db *db, const char *kind, int64_t ref,
                    const char *to, const char *subject, const char *body);
/* Delete the messages of kind about ref (0: any) to the address to (NULL:
 * any), sent or not, when their record or person is erased. 0 or ERR_DB. */
int auth_mail_forget(struct db *db, const char *kind, int64_t ref,
                     const char *to);
struct auth_mail {
    int64_t id, ref;
    const char *kind, *to, *subject, *body;
    int attempts; /* tries before this one */
};
/*
** Take at most limit queued messages due at unix time now, oldest first,
** and hold them for AUTH_MAIL_LEASE seconds, so that a second run at the
** same time leaves them alone: *out (in a), their count, or < 0 (ERR_DB).
*/
int auth_mail_take(struct db *db, struct arena *a, int64_t now, int limit,
                   struct auth_mail **out);
/* Record that message id was delivered at unix time now. */
int auth_mail_delivered(struct db *db, int64_t id, int64_t now);
/*
** Record a failed try of message m at unix time now with why (no personal
** data): tried again after AUTH_MAIL_RETRY << attempts seconds, or given
** up (*given_up) after AUTH_MAIL_ATTEMPTS tries. 0 or ERR_DB.
*/
int auth_mail_failed(struct db *db, const struct auth_mail *m, int64_t now,
                     const char *why, bool *given_up);
/* How many messages wait to be sent (due or not), in *n. */
int auth_mail_waiting(struct db *db, int64_t *n);
/*
** Delete every message queued before unix time before (sent, given up or
** still waiting: its body holds personal data) with one audit row
** ("mail.purge"), in *n how many. 0 or ERR_DB (nothing deleted).
*/
int auth_mail_purge(struct db *db, int64_t before, int64_t *n);

#endif
