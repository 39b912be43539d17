/*
** The checks of an organisation's registration that need no database:
** the KRS number's form, the NIP's check digit and an e-mail address as
** people type it. The store (org_store.c) adds the gmina, the region and
** the account.
*/
#include <string.h>

#include "core/str.h"
#include "grants.h"

bool
grant_krs_ok(const char *s)
{
    return s != NULL && strlen(s) == 10 && str_digits(s, 10);
}

bool
grant_nip_ok(const char *s, char out[11])
{
    static const int weights[9] = {6, 5, 7, 2, 3, 4, 5, 6, 7};
    int n = 0, sum = 0, i;

    for (; s != NULL && *s != '\0'; s++) {
        if (*s >= '0' && *s <= '9') {
            if (n == 10) {
                return false;
            }
            out[n++] = *s;
        } else if (*s != '-' && *s != ' ') {
            return false;
        }
    }
    out[n] = '\0';
    if (n != 10) {
        return false;
    }
    for (i = 0; i < 9; i++) {
        sum += weights[i] * (out[i] - '0');
    }
    /* a remainder of 10 is never issued */
    return sum % 11 != 10 && sum % 11 == out[9] - '0';
}

bool
grant_email_ok(const char *s)
{
    const char *at, *dot;
    size_t len;

    if (s == NULL || (len = strlen(s)) == 0 || len > 254) {
        return false;
    }
    for (at = s; *at != '\0'; at++) {
        if ((unsigned char)*at <= ' ' || *at == 0x7f || *at == '<' ||
            *at == '>' || *at == ',' || *at == ';') {
            return false;
        }
    }
    at = strchr(s, '@');
    if (at == NULL || at == s || strchr(at + 1, '@') != NULL) {
        return false;
    }
    dot = strrchr(at + 1, '.');
    return dot != NULL && dot > at + 1 && dot[1] != '\0';
}
