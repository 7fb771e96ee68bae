/*
 * alloc.h - memory allocation that never returns NULL.
 *
 * Out of memory aborts with a message instead of returning NULL: no caller
 * can do better, and NULL checks that no test reaches are worse than none.
 */
#ifndef RELMAP_ALLOC_H
#define RELMAP_ALLOC_H

#include <stddef.h>

void *rm_malloc(size_t size);
void *rm_calloc(size_t count, size_t size);
void *rm_realloc(void *ptr, size_t size);
/* Grows an array of `elem` sized items to at least `need` items; *cap holds
 * the current capacity and is updated. Returns the (possibly moved) array. */
void *rm_grow(void *ptr, size_t *cap, size_t need, size_t elem);
char *rm_strdup(const char *s);
char *rm_strndup(const char *s, size_t n);

#endif
