/*
 * alloc.c - allocation wrappers that abort on out-of-memory.
 */
#include "alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(size_t size)
{
    fprintf(stderr, "relmap: out of memory (allocating %zu bytes)\n", size);
    abort();
}

void *rm_malloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

void *rm_calloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        out_of_memory(count * size);
    return p;
}

void *rm_realloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

void *rm_grow(void *ptr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return ptr;
    size_t n = *cap ? *cap : 8;
    while (n < need) {
        if (n > SIZE_MAX / 2 / elem)
            out_of_memory(SIZE_MAX);
        n *= 2;
    }
    *cap = n;
    return rm_realloc(ptr, n * elem);
}

char *rm_strndup(const char *s, size_t n)
{
    char *p = rm_malloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *rm_strdup(const char *s)
{
    return rm_strndup(s, strlen(s));
}
