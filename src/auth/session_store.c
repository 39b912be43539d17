/*
** Sessions and logins. The cookie carries a random 256-bit token; the
** store keeps its BLAKE2b hash, so a copy of the database opens no
** session. Failed logins are counted per login and per address over a
** window; past the limit the password is not even checked.
*/
#include <sodium.h>
#include <string.h>

#include "auth.h"
#include "core/arena.h"
#include "core/err.h"
#include "core/random.h"
#include "db/db.h"
#include "http/http.h"

/* Sessions are touched at most this often, to spare a write per request. */
#define TOUCH_SECONDS 60

const char *
auth_token_hash(struct arena *a, const char *token)
{
    unsigned char h[32];
    char *hex = arena_alloc(a, 65);

    crypto_generichash(h, sizeof(h), (const unsigned char *)token,
                       strlen(token), NULL, 0);
    sodium_bin2hex(hex, 65, h, sizeof(h));
    return hex;
}

int
auth_session_create(struct db *db, struct arena *a, int64_t account,
                    int64_t now, const char **token, const char **csrf)
{
    db_stmt *st;
    int rc;

    *token = random_token(a);
    *csrf = random_token(a);
    /* Old sessions of everyone go when a new one starts: cheap upkeep. */
    st = db_query(db, Q_SESSION_DELETE_OLD);
    db_bind_int(st, 1, now - AUTH_ABSOLUTE_SECONDS);
    db_bind_int(st, 2, now - AUTH_IDLE_SECONDS);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    st = db_query(db, Q_SESSION_INSERT);
    db_bind_text(st, 1, auth_token_hash(a, *token));
    db_bind_int(st, 2, account);
    db_bind_text(st, 3, *csrf);
    db_bind_int(st, 4, now);
    return db_exec(st);
}

int
auth_session_load(struct db *db, struct arena *a, const char *token,
                  int64_t now, struct req_user *out)
{
    const char *h;
    db_stmt *st;
    int64_t created, seen;
    int rc;

    if (token == NULL || strlen(token) != RANDOM_TOKEN_HEX) {
        return ERR_NOTFOUND;
    }
    h = auth_token_hash(a, token);
    st = db_query(db, Q_SESSION_GET);
    db_bind_text(st, 1, h);
    rc = db_step(st);
    if (rc != DB_ROW) {
        db_done(st);
        return rc == DB_DONE ? ERR_NOTFOUND : rc;
    }
    out->id = db_col_int(st, 0);
    out->csrf = db_col_text_dup(a, st, 1);
    created = db_col_int(st, 2);
    seen = db_col_int(st, 3);
    out->login = db_col_text_dup(a, st, 4);
    out->role = auth_role_from_name(db_col_text(st, 5));
    out->region = db_col_null(st, 6) ? NULL : db_col_text_dup(a, st, 6);
    out->token_hash = h;
    rc = db_col_int(st, 7) ? ERR_NOTFOUND : 0; /* disabled account */
    db_done(st);
    if (rc == 0 &&
        (now - created > AUTH_ABSOLUTE_SECONDS ||
         now - seen > AUTH_IDLE_SECONDS || out->role == ROLE_PUBLIC)) {
        rc = ERR_NOTFOUND;
    }
    if (rc != 0) {
        st = db_query(db, Q_SESSION_DELETE);
        db_bind_text(st, 1, h);
        db_exec(st);
        return rc;
    }
    if (now - seen >= TOUCH_SECONDS) {
        st = db_query(db, Q_SESSION_TOUCH);
        db_bind_text(st, 1, h);
        db_bind_int(st, 2, now);
        return db_exec(st);
    }
    return 0;
}

int
auth_session_end(struct db *db, struct arena *a, const char *token)
{
    db_stmt *st = db_query(db, Q_SESSION_DELETE);

    db_bind_text(st, 1, auth_token_hash(a, token));
    return db_exec(st);
}

/* One count (and the latest time, when asked) over the throttle window. */
static int
count_since(struct db *db, enum query_id q, const char *k1, const char *k2,
            int64_t since, int64_t *n, int64_t *last)
{
    db_stmt *st = db_query(db, q);
    int i = 1, rc;

    db_bind_text(st, i++, k1);
    if (k2 != NULL) {
        db_bind_text(st, i++, k2);
    }
    db_bind_int(st, i, since);
    rc = db_step(st);
    if (rc == DB_ROW) {
        *n = db_col_int(st, 0);
        if (last != NULL) {
            *last = db_col_int(st, 1);
        }
        rc = 0;
    }
    db_done(st);
    return rc;
}

/*
** Seconds to wait after the latest of n failures: none below the
** threshold, then 2, 4, 8 ... seconds, at most AUTH_BACKOFF_MAX.
*/
static int64_t
backoff(int64_t n, int64_t threshold)
{
    int64_t over = n - threshold;

    if (over < 0) {
        return 0;
    }
    return over >= 9 ? AUTH_BACKOFF_MAX : (int64_t)2 << over;
}

/* One event of scope ("login": a failure; "form": a submission) from
 * addr about key (the login, the form's target), after pruning the
 * scope's rows older than its window. */
static int
record(struct db *db, const char *scope, int64_t window, const char *key,
       const char *addr, int64_t now, int throttled)
{
    db_stmt *st = db_query(db, Q_LOGIN_FAILURES_PRUNE);
    int rc;

    db_bind_int(st, 1, now - window);
    db_bind_text(st, 2, scope);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    st = db_query(db, Q_LOGIN_FAILURE_INSERT);
    db_bind_text(st, 1, key);
    db_bind_text(st, 2, addr);
    db_bind_int(st, 3, now);
    db_bind_int(st, 4, throttled);
    db_bind_text(st, 5, scope);
    return db_exec(st);
}

int
auth_login(struct db *db, struct arena *a, const char *login,
           const char *password, const char *addr, int64_t now,
           struct auth_login_result *res)
{
    int64_t pair = 0, pair_last = 0, by_addr = 0, addr_last = 0, by_login = 0;
    int64_t since = now - AUTH_THROTTLE_WINDOW, wait = 0;
    char *hash = NULL;
    bool ok = false;
    db_stmt *st;
    int rc;

    memset(res, 0, sizeof(*res));
    if ((rc = count_since(db, Q_LOGIN_FAILURES_PAIR, login, addr, since, &pair,
                          &pair_last)) != 0 ||
        (rc = count_since(db, Q_LOGIN_FAILURES_BY_ADDR, addr, NULL, since,
                          &by_addr, &addr_last)) != 0 ||
        (rc = count_since(db, Q_LOGIN_FAILURES_BY_LOGIN, login, NULL, since,
                          &by_login, NULL)) != 0) {
        return rc;
    }
    if (pair_last + backoff(pair, AUTH_THROTTLE_PER_LOGIN) > now) {
        wait = pair_last + backoff(pair, AUTH_THROTTLE_PER_LOGIN) - now;
    }
    if (addr_last + backoff(by_addr, AUTH_THROTTLE_PER_ADDR) - now > wait) {
        wait = addr_last + backoff(by_addr, AUTH_THROTTLE_PER_ADDR) - now;
    }
    /* Guesses at one account from many addresses slow down the addresses
     * that already guessed wrong; a fresh address (its owner) still gets
     * its attempt. */
    if (pair > 0 && by_login >= AUTH_THROTTLE_PER_ACCOUNT &&
        pair_last + AUTH_BACKOFF_MAX - now > wait) {
        wait = pair_last + AUTH_BACKOFF_MAX - now;
    }
    if (wait > 0) {
        res->retry_after = wait;
        if ((rc = record(db, "login", AUTH_THROTTLE_WINDOW, login, addr, now,
                         1)) != 0 ||
            (rc = count_since(db, Q_LOGIN_THROTTLED_BY_ADDR, addr, NULL, since,
                              &res->throttled, NULL)) != 0) {
            return rc;
        }
        return ERR_CONFLICT;
    }
    st = db_query(db, Q_ACCOUNT_BY_LOGIN);
    db_bind_text(st, 1, login);
    rc = db_step(st);
    if (rc == DB_ROW && db_col_int(st, 5) == 0) {
        res->account = db_col_int(st, 0);
        hash = db_col_text_dup(a, st, 2);
    }
    db_done(st);
    if (rc != DB_ROW && rc != DB_DONE) {
        return rc;
    }
    if (hash != NULL) {
        ok = auth_password_verify(hash, password);
    } else {
        /* Same work for an unknown login, so timing tells nothing. */
        char dummy[crypto_pwhash_STRBYTES];

        auth_password_hash("not-a-password-at-all", dummy, sizeof(dummy));
    }
    if (ok) {
        st = db_query(db, Q_LOGIN_FAILURES_CLEAR);
        db_bind_text(st, 1, login);
        db_bind_text(st, 2, addr);
        return db_exec(st);
    }
    res->account = 0;
    res->failures = pair + 1;
    rc = record(db, "login", AUTH_THROTTLE_WINDOW, login, addr, now, 0);
    return rc != 0 ? rc : ERR_DENIED;
}

int
auth_form_submit(struct db *db, const char *target, const char *addr,
                 int64_t now, int64_t per_addr, int64_t per_target,
                 int64_t *retry_after)
{
    /* The last hour, not the second an hour ago: Retry-After is exact. */
    int64_t since = now - AUTH_FORM_WINDOW + 1, pair = 0, pair_first = 0;
    int64_t by_addr = 0, addr_first = 0, wait = 0;
    int rc;

    *retry_after = 0;
    /* Counted and recorded in one write transaction, so that requests at
     * the same moment cannot all pass at the last free place. */
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    if ((rc = count_since(db, Q_FORM_SUBMISSIONS_PAIR, target, addr, since,
                          &pair, &pair_first)) != 0 ||
        (rc = count_since(db, Q_FORM_SUBMISSIONS_BY_ADDR, addr, NULL, since,
                          &by_addr, &addr_first)) != 0) {
        goto done;
    }
    /* A place frees when the oldest submission counted leaves the window. */
    if (per_target > 0 && pair >= per_target) {
        wait = pair_first + AUTH_FORM_WINDOW - now;
    }
    if (per_addr > 0 && by_addr >= per_addr &&
        addr_first + AUTH_FORM_WINDOW - now > wait) {
        wait = addr_first + AUTH_FORM_WINDOW - now;
    }
    if (wait > 0) {
        *retry_after = wait;
    }
    rc = record(db, "form", AUTH_FORM_WINDOW, target, addr, now, wait > 0);
done:
    rc = db_end(db, rc);
    return rc == 0 && wait > 0 ? ERR_CONFLICT : rc;
}
