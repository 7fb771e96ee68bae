/*
 * source.h - line maps: spans are byte offsets, turned into line:column
 * only when something is shown to a person.
 */
#ifndef RELMAP_SOURCE_H
#define RELMAP_SOURCE_H

#include "relmap/model.h"
#include "arena.h"

/* Fills src->line_starts and src->nlines from src->text. */
void rm_source_index_lines(rm_arena *arena, relmap_source *src);

/* The 1-based line and column (in bytes) of `offset` in `src`. */
void rm_source_position(const relmap_source *src, size_t offset, unsigned *line, unsigned *column);

#endif
