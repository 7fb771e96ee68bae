/*
 * json_write.h - a small streaming JSON writer shared by every JSON output
 * (check results, the model dump, later SARIF).
 *
 * Output is deterministic and 2-space indented; arrays opened with
 * rj_array_inline() keep their (scalar) elements on one line, which keeps
 * lists of column names readable. Strings are always written as valid
 * UTF-8: invalid bytes become U+FFFD, control characters are escaped.
 * The text is buffered and handed to the write callback in large pieces;
 * a failing callback is remembered and reported by rj_finish().
 */
#ifndef RELMAP_JSON_WRITE_H
#define RELMAP_JSON_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "relmap/common.h"

#define RJ_MAX_DEPTH 32

typedef struct rj_writer {
    relmap_write_fn write;
    void *payload;
    rm_buf buf;
    int failed;
    int depth;
    /* Per open container: whether it has an element yet, and whether it
     * keeps its elements on one line. */
    bool nonempty[RJ_MAX_DEPTH];
    bool inline_items[RJ_MAX_DEPTH];
    bool after_key;
} rj_writer;

void rj_init(rj_writer *w, relmap_write_fn write, void *payload);
/* Writes the final newline, flushes and frees the buffer. Returns 0, or
 * RELMAP_EWRITE when the callback failed at any point. */
int rj_finish(rj_writer *w);

void rj_object_begin(rj_writer *w);
void rj_object_end(rj_writer *w);
void rj_array_begin(rj_writer *w);
/* An array whose elements are all scalars: written on one line. */
void rj_array_inline(rj_writer *w);
void rj_array_end(rj_writer *w);

/* The key of the next member of the current object. */
void rj_key(rj_writer *w, const char *key);

/* A string, or null when `s` is NULL. */
void rj_string(rj_writer *w, const char *s);
void rj_stringn(rj_writer *w, const char *s, size_t len);
void rj_int(rj_writer *w, int64_t value);
void rj_bool(rj_writer *w, bool value);
void rj_null(rj_writer *w);

/* Shorthands for one member: key and value. */
void rj_member_string(rj_writer *w, const char *key, const char *s);
void rj_member_int(rj_writer *w, const char *key, int64_t value);
void rj_member_bool(rj_writer *w, const char *key, bool value);

/* Appends `len` bytes of `s` as a quoted JSON string to `out`. */
void rj_escape(rm_buf *out, const char *s, size_t len);

#endif
