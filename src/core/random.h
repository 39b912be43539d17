/*
** Unguessable tokens (sessions, CSRF, first passwords) and random UUIDs
** (stable identifiers of exported records) from libsodium's random source.
*/
#ifndef CORE_RANDOM_H
#define CORE_RANDOM_H

struct arena;

#define RANDOM_TOKEN_HEX 64 /* 256 bits */

/* A random 256-bit token as RANDOM_TOKEN_HEX hex characters, in the arena. */
char *random_token(struct arena *a);

#define RANDOM_UUID_LEN 36 /* "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" */

/* A random (version 4, RFC 9562) UUID in lower case, NUL-terminated. */
void random_uuid(char out[RANDOM_UUID_LEN + 1]);
/* n of them, each RANDOM_UUID_LEN + 1 bytes after the last in out, from a
** read of the random source per 64 (a bulk load makes thousands). */
void random_uuids(char *out, int n);

#endif
