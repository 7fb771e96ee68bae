/*
 * arena.h - one arena per model: many small allocations, freed at once.
 *
 * Built with RELMAP_DEBUG_ARENA every allocation is a real malloc, so that
 * AddressSanitizer and valgrind see overruns between neighbours.
 */
#ifndef RELMAP_ARENA_H
#define RELMAP_ARENA_H

#include <stddef.h>

typedef struct rm_arena rm_arena;

rm_arena *rm_arena_new(void);
void rm_arena_free(rm_arena *arena);
/* Zeroed memory aligned for any type; never NULL. */
void *rm_arena_alloc(rm_arena *arena, size_t size);
char *rm_arena_strndup(rm_arena *arena, const char *s, size_t n);
char *rm_arena_strdup(rm_arena *arena, const char *s);
/* printf into the arena. */
char *rm_arena_printf(rm_arena *arena, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/*
 * Appends one zeroed element to an arena array of *n items and returns it.
 * The capacity is implied by *n (powers of two from 1: most arrays in a
 * model, the columns of a key, hold one item), so arrays in the model need
 * no capacity field; outgrown blocks stay in the arena, which costs at most
 * as much again as the final array.
 */
void *rm_arena_push(rm_arena *arena, void **array, size_t *n, size_t elem);
/*
 * The same, but an outgrown array is handed to the next array of this
 * arena that grows to its size, so that the arrays cost little beyond
 * themselves. For arrays nothing keeps a pointer into past a push: *array
 * must come from this function, and a pointer into it is dead after the
 * next push (with RELMAP_DEBUG_ARENA the outgrown bytes are overwritten,
 * so tests notice one that is not).
 */
void *rm_arena_push_recycled(rm_arena *arena, void **array, size_t *n, size_t elem);
/* Hands a malloc'd buffer of `size` bytes to the arena, which frees it
 * with itself (a large input read once need not be copied again). */
void rm_arena_adopt(rm_arena *arena, void *buffer, size_t size);
/* Total bytes obtained from malloc, for benchmarks. */
size_t rm_arena_size(const rm_arena *arena);

#endif
