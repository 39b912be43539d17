/*
** Unguessable tokens (sessions, CSRF, first passwords) from libsodium's
** random source.
*/
#ifndef CORE_RANDOM_H
#define CORE_RANDOM_H

struct arena;

#define RANDOM_TOKEN_HEX 64 /* 256 bits */

/* A random 256-bit token as RANDOM_TOKEN_HEX hex characters, in the arena. */
char *random_token(struct arena *a);

#endif
