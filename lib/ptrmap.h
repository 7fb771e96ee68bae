/*
 * ptrmap.h - a hash map from pointers (model elements) to indexes, for
 * passes that keep per-element state in arrays (resolve, graph rules).
 */
#ifndef RELMAP_PTRMAP_H
#define RELMAP_PTRMAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct rm_ptrmap rm_ptrmap;

rm_ptrmap *rm_ptrmap_new(size_t expected);
void rm_ptrmap_free(rm_ptrmap *map);
/* Stores `value` under `key`, replacing any value there. */
void rm_ptrmap_put(rm_ptrmap *map, const void *key, size_t value);
/* The value under `key` into *value; false when there is none. */
bool rm_ptrmap_get(const rm_ptrmap *map, const void *key, size_t *value);

#endif
