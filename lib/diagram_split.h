/*
 * diagram_split.h - a diagram cut into parts (relmap_render_split): which
 * part each table is in, and each part's name for people and for files.
 */
#ifndef RELMAP_DIAGRAM_SPLIT_H
#define RELMAP_DIAGRAM_SPLIT_H

#include <stdbool.h>
#include <stddef.h>

#include "relmap/render.h"

typedef struct dg_parts {
    size_t nparts;
    /* Per table of the model: its part, or SIZE_MAX when not selected. */
    size_t *part_of;
    /* Per part: how many tables, a name to show (raw: escape it for the
     * format), and a file name stem that is safe on any file system and
     * unique ignoring case ("overview" is taken). */
    size_t *sizes;
    char **names;
    char **stems;
} dg_parts;

/* Cuts the tables t with selected[t] into parts, deterministically: parts
 * come in the order of their first table in the model, the pooled small
 * components (components only) last. */
void dg_split(dg_parts *p, const relmap_model *model, const bool *selected,
              relmap_render_split_by by);
void dg_parts_free(dg_parts *p);

#endif
