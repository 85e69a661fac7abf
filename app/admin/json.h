/* json: a small streaming JSON writer for --json output. It tracks commas
 * and nesting; strings are escaped per RFC 8259. */
#ifndef CK_JSON_H
#define CK_JSON_H

#include <stdbool.h>
#include <stdio.h>

enum { JSON_DEPTH = 16 };

typedef struct {
    FILE *f;
    int depth;
    bool first[JSON_DEPTH];
    bool after_key;
} Json;

void json_init(Json *j, FILE *f);
void json_begin_object(Json *j);
void json_end_object(Json *j);
void json_begin_array(Json *j);
void json_end_array(Json *j);
void json_key(Json *j, const char *key);
void json_string(Json *j, const char *s);
void json_int(Json *j, long v);
void json_double(Json *j, double v);
void json_bool(Json *j, bool v);
void json_null(Json *j);

/* key and value in one call */
void json_kv_string(Json *j, const char *key, const char *s);
void json_kv_int(Json *j, const char *key, long v);
void json_kv_bool(Json *j, const char *key, bool v);

/* Ends the document with a newline. */
void json_finish(Json *j);

#endif
