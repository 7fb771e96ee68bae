/*
 * diagram_graph.c - the foreign-key graph in compressed rows (see
 * diagram_graph.h): two passes over the keys, one to count and one to
 * fill, so that a schema of thousands of tables costs two arrays.
 */
#include "diagram_graph.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "ptrmap.h"

/* Calls `visit` for each key between two different tables of the model. */
static void each_edge(const relmap_model *model, const rm_ptrmap *index_of,
                      void (*visit)(dg_graph *g, size_t child, size_t parent), dg_graph *g)
{
    for (size_t t = 0; t < model->ntables; t++) {
        const relmap_table *table = model->tables[t];
        for (size_t k = 0; k < table->nfks; k++) {
            size_t parent;
            if (table->fks[k].ref_table &&
                rm_ptrmap_get(index_of, table->fks[k].ref_table, &parent) && parent != t)
                visit(g, t, parent);
        }
    }
}

static void count_edge(dg_graph *g, size_t child, size_t parent)
{
    g->first[child + 1]++;
    g->first[parent + 1]++;
    g->referenced_by[parent]++;
}

/* Fills from first[t] upwards; `first` is shifted back afterwards. */
static void fill_edge(dg_graph *g, size_t child, size_t parent)
{
    g->adj[g->first[child]++] = parent;
    g->adj[g->first[parent]++] = child;
}

void dg_graph_build(dg_graph *g, const relmap_model *model)
{
    size_t n = model->ntables;
    g->ntables = n;
    g->first = rm_calloc(n + 1, sizeof *g->first);
    g->referenced_by = rm_calloc(n ? n : 1, sizeof *g->referenced_by);
    rm_ptrmap *index_of = rm_ptrmap_new(n);
    for (size_t t = 0; t < n; t++)
        rm_ptrmap_put(index_of, model->tables[t], t);
    each_edge(model, index_of, count_edge, g);
    for (size_t t = 0; t < n; t++)
        g->first[t + 1] += g->first[t];
    g->adj = rm_calloc(g->first[n] ? g->first[n] : 1, sizeof *g->adj);
    each_edge(model, index_of, fill_edge, g);
    /* Each first[t] now holds where t's list ends, which is first[t + 1]. */
    memmove(g->first + 1, g->first, n * sizeof *g->first);
    g->first[0] = 0;
    rm_ptrmap_free(index_of);
}

void dg_graph_free(dg_graph *g)
{
    free(g->first);
    free(g->adj);
    free(g->referenced_by);
    memset(g, 0, sizeof *g);
}
