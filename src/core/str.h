/*
** UTF-8 text helpers that know Polish: folding for search, validation,
** trimming, and Polish number formats. No allocation except into the
** arena given.
*/
#ifndef CORE_STR_H
#define CORE_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;

/*
** Fold text for search: lower case, Polish and common Latin diacritics
** removed (ł and Ł too, which Unicode does not decompose), every run of
** non-alphanumerics turned into one space, trimmed. Result in the arena.
*/
char *str_fold(struct arena *a, const char *s);
/* True when s[0..n) is well-formed UTF-8 without NUL or overlongs. */
bool str_utf8_valid(const char *s, size_t n);
/*
** The one UTF-8 decoder: the code point of the sequence at s[0..n) in *cp
** and its length (1..4), or 0 when it is malformed (cut, overlong,
** surrogate, past U+10FFFF). NUL decodes as U+0000.
*/
size_t str_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* The one encoder: cp (at most U+10FFFF) into out[0..4); its length. */
size_t str_utf8_encode(char *out, uint32_t cp);
/*
** Length of the well-formed UTF-8 sequence at s (1..4), or 0 when it is
** malformed. s is NUL-terminated: a sequence cut by the end is malformed.
*/
size_t str_utf8_seq(const char *s);
/*
** s with every malformed byte replaced by U+FFFD, in the arena; s itself
** when it is already well-formed.
*/
const char *str_utf8_repair(struct arena *a, const char *s);
/*
** s[0..n) with every malformed byte replaced by U+FFFD, NUL-terminated in
** the arena, its length in *out_len and the bytes replaced in *nbad.
*/
char *str_utf8_repair_n(struct arena *a, const char *s, size_t n,
                        size_t *out_len, size_t *nbad);
/*
** Windows-1250 text s[0..n) as UTF-8 in the arena (length in *out_len),
** or NULL when it holds NUL or a byte the code page leaves undefined.
*/
char *str_cp1250_to_utf8(struct arena *a, const char *s, size_t n,
                         size_t *out_len);
/* True when s is exactly n decimal digits (a TERYT code); false for NULL. */
bool str_digits(const char *s, size_t n);
/* True when s is a real calendar date "YYYY-MM-DD" (year 1900 on). */
bool str_date_valid(const char *s);
/* Lower-case ASCII and Polish capitals (Ą Ć Ę Ł Ń Ó Ś Ź Ż), into the arena. */
char *str_lower_pl(struct arena *a, const char *s);
/* Copy without leading and trailing ASCII white space, into the arena. */
char *str_trim(struct arena *a, const char *s);
/* The 32-bit FNV-1a hash of s, for in-memory hash tables. */
uint32_t str_hash_fnv1a(const char *s);
/* A 64-bit hash of the n bytes at s (XXH3 of libxxhash: not cryptographic,
** at memory speed): in-memory tables, cache keys, ETags of bodies. */
uint64_t str_hash64(const void *s, size_t n);
/* True when s starts with prefix. */
bool str_starts(const char *s, const char *prefix);
/*
** Format grosze the Polish way: 123456 -> "1 234,56". A narrow no-break
** space is not used: officials paste into Excel, so a plain space it is.
*/
char *str_money(struct arena *a, int64_t grosze);
/* Format an integer with space thousands: 12000 -> "12 000". */
char *str_thousands(struct arena *a, int64_t v);

/* path for a message or a log line: a URI's password replaced by ***
 * (buf holds the copy when one is made, else path is returned). */
const char *str_safe_uri(const char *path, char *buf, size_t n);

#endif
