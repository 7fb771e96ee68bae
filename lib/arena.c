/*
 * arena.c - bump allocation in growing blocks.
 */
#include "arena.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <stdalign.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"

#define BLOCK_SIZE (64 * 1024)

typedef struct block {
    struct block *next;
    size_t used, size;
    alignas(max_align_t) unsigned char data[];
} block;

/* Arrays rm_arena_push_recycled outgrew, of one size, linked through their first
 * bytes, for the next array that grows to that size. */
typedef struct spare_list {
    size_t size;
    void *head;
} spare_list;

#define SPARE_SIZES 32

struct rm_arena {
    block *blocks;
    size_t total;
    void **adopted; /* malloc'd buffers the arena frees with itself */
    size_t nadopted, adopted_cap;
    spare_list spares[SPARE_SIZES];
    size_t nspares;
};

rm_arena *rm_arena_new(void)
{
    return rm_calloc(1, sizeof(rm_arena));
}

void rm_arena_free(rm_arena *arena)
{
    if (!arena)
        return;
    block *b = arena->blocks;
    while (b) {
        block *next = b->next;
        free(b);
        b = next;
    }
    for (size_t i = 0; i < arena->nadopted; i++)
        free(arena->adopted[i]);
    free(arena->adopted);
    free(arena);
}

static block *new_block(rm_arena *arena, size_t size)
{
    block *b = rm_malloc(sizeof(block) + size);
    b->size = size;
    b->used = 0;
    arena->total += sizeof(block) + size;
    return b;
}

/* Memory as it comes: callers that fill every byte skip the zeroing. */
static void *alloc_raw(rm_arena *arena, size_t size)
{
    const size_t align = alignof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
#ifdef RELMAP_DEBUG_ARENA
    block *own = new_block(arena, size);
    own->next = arena->blocks;
    arena->blocks = own;
    return own->data;
#else
    block *b = arena->blocks;
    if (!b || b->size - b->used < size) {
        if (size > BLOCK_SIZE / 4) {
            /* A large request gets a block of its own, kept behind the
             * current one so the current block's free space is not lost. */
            block *big = new_block(arena, size);
            if (b) {
                big->next = b->next;
                b->next = big;
            } else {
                big->next = NULL;
                arena->blocks = big;
            }
            big->used = size;
            return big->data;
        }
        b = new_block(arena, BLOCK_SIZE);
        b->next = arena->blocks;
        arena->blocks = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    return p;
#endif
}

void *rm_arena_alloc(rm_arena *arena, size_t size)
{
    void *p = alloc_raw(arena, size);
    memset(p, 0, size);
    return p;
}

char *rm_arena_strndup(rm_arena *arena, const char *s, size_t n)
{
    char *p = alloc_raw(arena, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *rm_arena_strdup(rm_arena *arena, const char *s)
{
    return s ? rm_arena_strndup(arena, s, strlen(s)) : NULL;
}

char *rm_arena_printf(rm_arena *arena, const char *fmt, ...)
{
    /* Formatted once into a stack buffer, which nearly every string fits:
     * formatting, not copying, is what costs. */
    char first[256];
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(first, sizeof first, fmt, ap);
    va_end(ap);
    if (n < 0) {
        n = 0;
        first[0] = '\0';
    }
    char *p = rm_arena_alloc(arena, (size_t)n + 1);
    if ((size_t)n < sizeof first)
        memcpy(p, first, (size_t)n + 1);
    else
        vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

static size_t capacity_for(size_t n)
{
    if (n == 0)
        return 0;
    size_t cap = 1;
    while (cap < n)
        cap *= 2;
    return cap;
}

/* An outgrown array of `size` bytes, or NULL. */
static void *take_spare(rm_arena *arena, size_t size)
{
    for (size_t i = 0; i < arena->nspares; i++) {
        spare_list *list = &arena->spares[i];
        if (list->size == size && list->head) {
            void *p = list->head;
            memcpy(&list->head, p, sizeof list->head);
            return p;
        }
    }
    return NULL;
}

/* Keeps an outgrown array for reuse (when there is a list for its size,
 * or room for one; other sizes stay unused, as before). */
static void give_spare(rm_arena *arena, void *p, size_t size)
{
    if (size < sizeof(void *))
        return;
    spare_list *list = NULL;
    for (size_t i = 0; i < arena->nspares && !list; i++)
        if (arena->spares[i].size == size)
            list = &arena->spares[i];
    if (!list && arena->nspares < SPARE_SIZES) {
        list = &arena->spares[arena->nspares++];
        list->size = size;
        list->head = NULL;
    }
    if (!list)
        return;
#ifdef RELMAP_DEBUG_ARENA
    /* A pointer kept into an outgrown array now reads garbage, not the
     * old contents, so that tests notice it. */
    memset(p, 0xA5, size);
#endif
    memcpy(p, &list->head, sizeof list->head);
    list->head = p;
}

static void *push(rm_arena *arena, void **array, size_t *n, size_t elem, bool recycle)
{
    size_t cap = capacity_for(*n);
    if (*n == cap) {
        /* Slots are zeroed when pushed, so neither a new nor a recycled
         * array is zeroed here. */
        size_t new_cap = cap ? cap * 2 : 1;
        void *grown = recycle ? take_spare(arena, new_cap * elem) : NULL;
        if (!grown)
            grown = alloc_raw(arena, new_cap * elem);
        if (*n) {
            memcpy(grown, *array, *n * elem);
            if (recycle)
                give_spare(arena, *array, cap * elem);
        }
        *array = grown;
    }
    unsigned char *slot = (unsigned char *)*array + *n * elem;
    memset(slot, 0, elem);
    (*n)++;
    return slot;
}

void *rm_arena_push(rm_arena *arena, void **array, size_t *n, size_t elem)
{
    return push(arena, array, n, elem, false);
}

void *rm_arena_push_recycled(rm_arena *arena, void **array, size_t *n, size_t elem)
{
    return push(arena, array, n, elem, true);
}

void rm_arena_adopt(rm_arena *arena, void *buffer, size_t size)
{
    arena->adopted =
        rm_grow(arena->adopted, &arena->adopted_cap, arena->nadopted + 1, sizeof *arena->adopted);
    arena->adopted[arena->nadopted++] = buffer;
    arena->total += size;
}

size_t rm_arena_size(const rm_arena *arena)
{
    return arena->total;
}
