/*
 * strmap.c - open addressing with linear probing; FNV-1a hashes.
 */
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

typedef struct slot {
    const char *key;
    size_t len;
    uint32_t hash;
    void *value;
} slot;

struct rm_strmap {
    slot *slots;
    size_t cap; /* a power of two */
    size_t count;
    bool fold_case;
};

static unsigned char fold(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

static uint32_t hash_of(const char *key, size_t len, bool fold_case)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)key[i];
        h = (h ^ (fold_case ? fold(c) : c)) * 16777619u;
    }
    return h;
}

static bool same_key(const rm_strmap *map, const slot *s, const char *key, size_t len)
{
    if (s->len != len)
        return false;
    if (!map->fold_case)
        return memcmp(s->key, key, len) == 0;
    for (size_t i = 0; i < len; i++)
        if (fold((unsigned char)s->key[i]) != fold((unsigned char)key[i]))
            return false;
    return true;
}

rm_strmap *rm_strmap_new(bool fold_case)
{
    rm_strmap *map = rm_calloc(1, sizeof *map);
    map->cap = 16;
    map->slots = rm_calloc(map->cap, sizeof(slot));
    map->fold_case = fold_case;
    return map;
}

void rm_strmap_free(rm_strmap *map)
{
    if (!map)
        return;
    free(map->slots);
    free(map);
}

static slot *find(const rm_strmap *map, const char *key, size_t len, uint32_t hash)
{
    size_t mask = map->cap - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        slot *s = &map->slots[i];
        if (!s->key || (s->hash == hash && same_key(map, s, key, len)))
            return s;
    }
}

void *rm_strmap_getn(const rm_strmap *map, const char *key, size_t len)
{
    slot *s = find(map, key, len, hash_of(key, len, map->fold_case));
    return s->key ? s->value : NULL;
}

void *rm_strmap_get(const rm_strmap *map, const char *key)
{
    return rm_strmap_getn(map, key, strlen(key));
}

static void grow(rm_strmap *map)
{
    slot *old = map->slots;
    size_t old_cap = map->cap;
    map->cap *= 2;
    map->slots = rm_calloc(map->cap, sizeof(slot));
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].key)
            *find(map, old[i].key, old[i].len, old[i].hash) = old[i];
    free(old);
}

void *rm_strmap_put(rm_strmap *map, const char *key, void *value)
{
    /* Keep the load factor at or below 1/2 so probes stay short. */
    if ((map->count + 1) * 2 > map->cap)
        grow(map);
    size_t len = strlen(key);
    uint32_t hash = hash_of(key, len, map->fold_case);
    slot *s = find(map, key, len, hash);
    if (s->key)
        return s->value;
    s->key = key;
    s->len = len;
    s->hash = hash;
    s->value = value;
    map->count++;
    return NULL;
}

void rm_strmap_set(rm_strmap *map, const char *key, void *value)
{
    if (rm_strmap_put(map, key, value)) {
        size_t len = strlen(key);
        find(map, key, len, hash_of(key, len, map->fold_case))->value = value;
    }
}

size_t rm_strmap_count(const rm_strmap *map)
{
    return map->count;
}
