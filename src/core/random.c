/* Random tokens; see random.h. */
#include "random.h"

#include <sodium.h>
#include <stdlib.h>

#include "arena.h"

char *
random_token(struct arena *a)
{
    unsigned char raw[RANDOM_TOKEN_HEX / 2];
    char *hex = arena_alloc(a, RANDOM_TOKEN_HEX + 1);

    if (sodium_init() < 0) {
        abort();
    }
    randombytes_buf(raw, sizeof(raw));
    sodium_bin2hex(hex, RANDOM_TOKEN_HEX + 1, raw, sizeof(raw));
    return hex;
}
