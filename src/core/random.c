/* Random tokens; see random.h. */
#include "random.h"

#include <sodium.h>
#include <stdio.h>
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

void
random_uuid(char out[RANDOM_UUID_LEN + 1])
{
    unsigned char b[16];

    if (sodium_init() < 0) {
        abort();
    }
    randombytes_buf(b, sizeof(b));
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* variant 10 */
    snprintf(out, RANDOM_UUID_LEN + 1,
             "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
             "%02x%02x%02x%02x%02x%02x",
             b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10],
             b[11], b[12], b[13], b[14], b[15]);
}
