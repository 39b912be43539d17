/*
** Streaming JSON writer into a struct buf. It tracks commas itself: call
** json_key() before a value inside an object, nothing inside an array.
** Strings are escaped (", \, control characters, and </ so a payload can
** never close a <script> it might be embedded in).
*/
#ifndef CORE_JSON_H
#define CORE_JSON_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"

#define JSON_DEPTH 32

struct json {
    struct buf *out;
    int depth;
    bool first[JSON_DEPTH]; /* no element yet at this depth */
    bool after_key;
};

void json_init(struct json *j, struct buf *out);

struct arena;
/*
** One JSON object as a text of its own (an audit row's before or after):
** json_obj_open starts it in the new buffer b, json_obj_dup closes it and
** returns its copy in a, freeing b.
*/
void json_obj_open(struct json *j, struct buf *b);
const char *json_obj_dup(struct arena *a, struct json *j);
void json_obj_begin(struct json *j);
void json_obj_end(struct json *j);
void json_arr_begin(struct json *j);
void json_arr_end(struct json *j);
void json_key(struct json *j, const char *key);
void json_str(struct json *j, const char *s); /* NULL writes null */
void json_int(struct json *j, int64_t v);
void json_bool(struct json *j, bool v);
void json_null(struct json *j);
/* Shorthands for a key and its value. */
void json_kstr(struct json *j, const char *key, const char *s);
void json_kint(struct json *j, const char *key, int64_t v);
void json_kbool(struct json *j, const char *key, bool v);
/*
** "key": s as a JSON number when s is a decimal number as JSON writes one
** ("-52.1", "19", "1.5e3"; stored coordinates), else "key": null.
*/
void json_knum(struct json *j, const char *key, const char *s);
/* "key": v when has, else "key": null (a figure that may be unknown). */
void json_kint_if(struct json *j, const char *key, bool has, int64_t v);

#endif
