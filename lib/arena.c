/*
 * arena.c - bump allocation in growing blocks.
 *
 * Blocks double in size up to MAX_BLOCK, so a small model lives in one
 * small block and a large one (the parse trees of a package run to tens of
 * megabytes) in few. Large blocks are mapped with their pages already
 * present where the system allows it: the arena hands a block out front to
 * back, so nearly every page of it will be written, and faulting them in
 * one call costs a fraction of taking one page fault each (on a virtual
 * machine, page faults were most of the Python reader's time).
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, MAP_POPULATE */
#include "arena.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <stdalign.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "alloc.h"

#define FIRST_BLOCK ((size_t)64 * 1024)
#define MAX_BLOCK ((size_t)1024 * 1024)
/* Blocks from this size on are mapped rather than malloc'd. */
#define MAP_FROM ((size_t)256 * 1024)

typedef struct block {
    struct block *next;
    size_t used, size;
    bool mapped; /* from mmap: fresh zero pages, returned with munmap */
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
    size_t next_size; /* of the next ordinary block */
    size_t total;
    void **adopted; /* malloc'd buffers the arena frees with itself */
    size_t nadopted, adopted_cap;
    spare_list spares[SPARE_SIZES];
    size_t nspares;
};

rm_arena *rm_arena_new(void)
{
    rm_arena *arena = rm_calloc(1, sizeof(rm_arena));
    arena->next_size = FIRST_BLOCK;
    return arena;
}

static void free_block(block *b)
{
    if (b->mapped)
        munmap(b, sizeof(block) + b->size);
    else
        free(b);
}

void rm_arena_free(rm_arena *arena)
{
    if (!arena)
        return;
    block *b = arena->blocks;
    while (b) {
        block *next = b->next;
        free_block(b);
        b = next;
    }
    for (size_t i = 0; i < arena->nadopted; i++)
        free(arena->adopted[i]);
    free(arena->adopted);
    free(arena);
}

static block *new_block(rm_arena *arena, size_t size)
{
    block *b = NULL;
#if defined(MAP_ANONYMOUS) && defined(MAP_POPULATE) && !defined(RELMAP_DEBUG_ARENA)
    if (size >= MAP_FROM) {
        void *m = mmap(NULL, sizeof(block) + size, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
        if (m != MAP_FAILED) {
            b = m;
            b->mapped = true;
        }
    }
#endif
    if (!b) {
        b = rm_malloc(sizeof(block) + size);
        b->mapped = false;
    }
    b->size = size;
    b->used = 0;
    arena->total += sizeof(block) + size;
    return b;
}

/* `size` bytes aligned to `align` (a power of two), zeroed when `zero`
 * asks for it: strings take no padding and skip the zeroing they would
 * overwrite. A mapped block's pages are fresh from the system, and zero. */
static void *alloc_raw(rm_arena *arena, size_t size, size_t align, bool zero)
{
#ifdef RELMAP_DEBUG_ARENA
    (void)align;
    block *own = new_block(arena, size);
    own->next = arena->blocks;
    arena->blocks = own;
    own->used = size;
    if (zero)
        memset(own->data, 0, size);
    return own->data;
#else
    block *b = arena->blocks;
    size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
    if (!b || at > b->size || b->size - at < size) {
        if (size > arena->next_size / 4) {
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
            if (zero && !big->mapped)
                memset(big->data, 0, size);
            return big->data;
        }
        b = new_block(arena, arena->next_size);
        if (arena->next_size < MAX_BLOCK)
            arena->next_size *= 2;
        b->next = arena->blocks;
        arena->blocks = b;
        at = 0;
    }
    b->used = at + size;
    if (zero && !b->mapped)
        memset(b->data + at, 0, size);
    return b->data + at;
#endif
}

void *rm_arena_alloc(rm_arena *arena, size_t size)
{
    return alloc_raw(arena, size, alignof(max_align_t), true);
}

char *rm_arena_strndup(rm_arena *arena, const char *s, size_t n)
{
    char *p = alloc_raw(arena, n + 1, 1, false);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *rm_arena_strdup(rm_arena *arena, const char *s)
{
    return s ? rm_arena_strndup(arena, s, strlen(s)) : NULL;
}

/* The formats of most calls are literal text and %s: those are copied
 * straight into the current block, without vsnprintf's generality; false
 * (nothing kept) for anything else or when the block is too small. */
static bool print_strings(rm_arena *arena, const char *fmt, va_list ap, char **out)
{
    block *b = arena->blocks;
    if (!b || b->used >= b->size)
        return false;
    char *start = (char *)b->data + b->used, *end = (char *)b->data + b->size, *w = start;
    for (const char *f = fmt; *f; f++) {
        const char *piece = f;
        size_t n = 1;
        if (*f == '%') {
            if (f[1] == '%') {
                f++;
            } else if (f[1] == 's') {
                f++;
                piece = va_arg(ap, const char *);
                if (!piece)
                    return false; /* vsnprintf's business */
                n = strlen(piece);
            } else {
                return false;
            }
        }
        if ((size_t)(end - w) <= n)
            return false;
        memcpy(w, piece, n);
        w += n;
    }
    *w = '\0';
    b->used += (size_t)(w - start) + 1;
    *out = start;
    return true;
}

char *rm_arena_printf(rm_arena *arena, const char *fmt, ...)
{
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    char *p;
    if (print_strings(arena, fmt, ap, &p)) {
        va_end(ap);
        va_end(again);
        return p;
    }
    va_end(ap);
    va_copy(ap, again);
    /* Formatted straight into the current block's free space, so that a
     * string that fits (nearly all) is formatted once, not measured first. */
    block *b = arena->blocks;
    size_t room = b ? b->size - b->used : 0;
    p = room ? (char *)b->data + b->used : NULL;
    int n = vsnprintf(p, room, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    if ((size_t)n < room) {
        b->used += (size_t)n + 1;
    } else {
        p = alloc_raw(arena, (size_t)n + 1, 1, false);
        vsnprintf(p, (size_t)n + 1, fmt, again);
    }
    va_end(again);
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
            grown = alloc_raw(arena, new_cap * elem, alignof(max_align_t), false);
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
