/*
 * ptrmap.c - open addressing with linear probing on pointer keys.
 */
#include "ptrmap.h"

#include <stdint.h>
#include <stdlib.h>

#include "alloc.h"

typedef struct slot {
    const void *key;
    size_t value;
} slot;

struct rm_ptrmap {
    slot *slots;
    size_t cap; /* a power of two, at least twice the count */
    size_t count;
};

static size_t hash_of(const void *key)
{
    /* Fibonacci hashing spreads the aligned low bits of pointers. */
    uint64_t h = (uint64_t)(uintptr_t)key * 11400714819323198485ull;
    return (size_t)(h >> 32);
}

rm_ptrmap *rm_ptrmap_new(size_t expected)
{
    rm_ptrmap *map = rm_calloc(1, sizeof *map);
    map->cap = 16;
    while (map->cap < expected * 2)
        map->cap *= 2;
    map->slots = rm_calloc(map->cap, sizeof(slot));
    return map;
}

void rm_ptrmap_free(rm_ptrmap *map)
{
    if (!map)
        return;
    free(map->slots);
    free(map);
}

static slot *find(const rm_ptrmap *map, const void *key)
{
    size_t mask = map->cap - 1;
    for (size_t i = hash_of(key) & mask;; i = (i + 1) & mask)
        if (!map->slots[i].key || map->slots[i].key == key)
            return &map->slots[i];
}

void rm_ptrmap_put(rm_ptrmap *map, const void *key, size_t value)
{
    if ((map->count + 1) * 2 > map->cap) {
        slot *old = map->slots;
        size_t old_cap = map->cap;
        map->cap *= 2;
        map->slots = rm_calloc(map->cap, sizeof(slot));
        for (size_t i = 0; i < old_cap; i++)
            if (old[i].key)
                *find(map, old[i].key) = old[i];
        free(old);
    }
    slot *s = find(map, key);
    if (!s->key)
        map->count++;
    s->key = key;
    s->value = value;
}

bool rm_ptrmap_get(const rm_ptrmap *map, const void *key, size_t *value)
{
    const slot *s = find(map, key);
    if (!s->key)
        return false;
    *value = s->value;
    return true;
}
