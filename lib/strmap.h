/*
 * strmap.h - a hash map from names to pointers, optionally comparing names
 * case-insensitively (ASCII), as SQLite and MySQL compare identifiers.
 *
 * Keys are not copied: they must outlive the map (they point into the
 * model's arena).
 */
#ifndef RELMAP_STRMAP_H
#define RELMAP_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct rm_strmap rm_strmap;

rm_strmap *rm_strmap_new(bool fold_case);
void rm_strmap_free(rm_strmap *map);
/* The value stored under `key`, or NULL. */
void *rm_strmap_get(const rm_strmap *map, const char *key);
/* Same, for a key given as `len` bytes. */
void *rm_strmap_getn(const rm_strmap *map, const char *key, size_t len);
/* Stores `value` under `key` unless the key is present; returns the value
 * already there (and stores nothing), or NULL when it was inserted. */
void *rm_strmap_put(rm_strmap *map, const char *key, void *value);
/* Inserts or replaces the value of `key`. */
void rm_strmap_set(rm_strmap *map, const char *key, void *value);
size_t rm_strmap_count(const rm_strmap *map);

#endif
