/*
 * diagram_graph.h - the foreign-key graph of a model as the selection and
 * the split walk it: tables by their index in the model, neighbours in
 * both directions (a table's parents and its children alike).
 */
#ifndef RELMAP_DIAGRAM_GRAPH_H
#define RELMAP_DIAGRAM_GRAPH_H

#include <stddef.h>

#include "relmap/model.h"

typedef struct dg_graph {
    size_t ntables;
    /* The neighbours of table t are adj[first[t]] .. adj[first[t + 1] - 1],
     * in model order of the keys; a table joined by several keys is listed
     * once per key, and self-references are left out. */
    size_t *first;
    size_t *adj;
    /* How many keys of other tables reference table t. */
    size_t *referenced_by;
} dg_graph;

void dg_graph_build(dg_graph *g, const relmap_model *model);
void dg_graph_free(dg_graph *g);

#endif
