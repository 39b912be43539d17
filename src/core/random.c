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

void
random_uuids(char *out, int n)
{
    static const char hex[] = "0123456789abcdef";
    unsigned char raw[16 * 64]; /* 64 UUIDs a read of the random source */
    int i, k, m;

    if (sodium_init() < 0) {
        abort();
    }
    for (i = 0; i < n; i++) {
        const unsigned char *b = raw + 16 * (i % 64);
        char *o = out + (size_t)i * (RANDOM_UUID_LEN + 1);

        if (i % 64 == 0) {
            m = n - i < 64 ? n - i : 64;
            randombytes_buf(raw, (size_t)(16 * m));
        }
        for (k = 0; k < 16; k++) {
            unsigned c = b[k];

            if (k == 6) {
                c = (c & 0x0f) | 0x40; /* version 4 */
            } else if (k == 8) {
                c = (c & 0x3f) | 0x80; /* variant 10 */
            }
            if (k == 4 || k == 6 || k == 8 || k == 10) {
                *o++ = '-';
            }
            *o++ = hex[c >> 4];
            *o++ = hex[c & 15];
        }
        *o = '\0';
    }
}

void
random_uuid(char out[RANDOM_UUID_LEN + 1])
{
    random_uuids(out, 1);
}
