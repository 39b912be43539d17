/*
** Passwords with libsodium: argon2id with the "interactive"
** limits (2 passes, 64 MiB), which costs about a tenth of a second per
** login on this class of machine and nothing on other requests.
*/
#include <sodium.h>
#include <string.h>
#include <strings.h>

#include "auth.h"
#include "auth/strings_pl.h"
#include "core/arena.h"
#include "core/err.h"

int
auth_password_hash(const char *pw, char *out, int outlen)
{
    if ((size_t)outlen < crypto_pwhash_STRBYTES || sodium_init() < 0) {
        return ERR_IO;
    }
    if (crypto_pwhash_str_alg(out, pw, strlen(pw),
                              crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return ERR_IO; /* out of memory */
    }
    return 0;
}

bool
auth_password_verify(const char *hash, const char *pw)
{
    if (sodium_init() < 0) {
        return false;
    }
    return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

const char *
auth_password_problem(const char *login, const char *pw)
{
    size_t n = strlen(pw);

    if (n < AUTH_PASSWORD_MIN) {
        return T_PASSWORD_TOO_SHORT;
    }
    if (n > 256) {
        return T_PASSWORD_TOO_LONG;
    }
    if (strcasecmp(pw, login) == 0) {
        return T_PASSWORD_SAME_AS_LOGIN;
    }
    return NULL;
}
