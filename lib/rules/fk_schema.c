/*
 * fk_schema.c - foreign key rules over the whole schema: FK008 (cycles,
 * by Tarjan's strongly connected components) and FK010 (columns named
 * like references, by hash lookups). Both are linear in the size of the
 * schema and use no recursion: schemas are untrusted input and may have
 * tens of thousands of tables.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "ptrmap.h"
#include "rule_util.h"
#include "strmap.h"

/* ---- FK008 ------------------------------------------------------------ */

enum { EDGE_BREAKS = 1, EDGE_CASCADES = 2 };

typedef struct fk_edge {
    size_t from, to;
    const relmap_fk *fk;
    unsigned flags;
} fk_edge;

/* The table graph in compressed rows: the edges of table i are
 * edges[start[i] .. start[i + 1]). Self-references are left out. */
typedef struct fk_graph {
    size_t n;
    size_t *start;
    fk_edge *edges;
} fk_graph;

/* Which edges a pass follows. */
typedef enum edge_filter { ALL_EDGES, UNBROKEN_EDGES, CASCADE_EDGES } edge_filter;

static bool edge_allowed(const fk_edge *e, edge_filter filter)
{
    switch (filter) {
    case ALL_EDGES:
        return true;
    case UNBROKEN_EDGES:
        return !(e->flags & EDGE_BREAKS);
    case CASCADE_EDGES:
        return (e->flags & EDGE_CASCADES) != 0;
    }
    return false;
}

/* A key breaks a cycle when a row can be inserted before its parent
 * exists: a nullable column (insert NULL, update later) or a deferrable
 * check. */
static unsigned edge_flags(const relmap_fk *fk)
{
    unsigned flags = 0;
    if (fk->deferrable != RELMAP_NOT_DEFERRABLE)
        flags |= EDGE_BREAKS;
    for (size_t c = 0; c < fk->ncolumns; c++)
        if (fk->columns[c].column->nullable)
            flags |= EDGE_BREAKS;
    if (fk->on_delete == RELMAP_ACTION_CASCADE)
        flags |= EDGE_CASCADES;
    return flags;
}

static void graph_build(fk_graph *g, const relmap_model *model)
{
    g->n = model->ntables;
    g->start = rm_calloc(g->n + 1, sizeof *g->start);
    rm_ptrmap *positions = rm_ptrmap_new(g->n);
    size_t nedges = 0;
    for (size_t i = 0; i < g->n; i++) {
        rm_ptrmap_put(positions, model->tables[i], i);
        nedges += model->tables[i]->nfks;
    }
    g->edges = rm_malloc((nedges ? nedges : 1) * sizeof *g->edges);
    size_t e = 0;
    for (size_t i = 0; i < g->n; i++) {
        const relmap_table *t = model->tables[i];
        g->start[i] = e;
        for (size_t k = 0; k < t->nfks; k++) {
            const relmap_fk *fk = &t->fks[k];
            size_t to;
            if (!fk->ref_table || fk->ref_table == t || !ru_fk_local_resolved(fk) ||
                !rm_ptrmap_get(positions, fk->ref_table, &to))
                continue;
            g->edges[e].from = i;
            g->edges[e].to = to;
            g->edges[e].fk = fk;
            g->edges[e].flags = edge_flags(fk);
            e++;
        }
    }
    g->start[g->n] = e;
    rm_ptrmap_free(positions);
}

static void graph_free(fk_graph *g)
{
    free(g->start);
    free(g->edges);
}

/*
 * Tarjan's strongly connected components over the edges `filter` allows,
 * with an explicit stack. Stores each node's component in comp[] and each
 * component's size in size[] (both n long); returns the number of
 * components.
 */
static size_t tarjan(const fk_graph *g, edge_filter filter, size_t *comp, size_t *size)
{
    const size_t unvisited = SIZE_MAX;
    size_t n = g->n;
    size_t *index = rm_malloc((n ? n : 1) * sizeof *index);
    size_t *low = rm_malloc((n ? n : 1) * sizeof *low);
    bool *on_stack = rm_calloc(n ? n : 1, sizeof *on_stack);
    size_t *stack = rm_malloc((n ? n : 1) * sizeof *stack);
    size_t *frame_node = rm_malloc((n ? n : 1) * sizeof *frame_node);
    size_t *frame_edge = rm_malloc((n ? n : 1) * sizeof *frame_edge);
    for (size_t i = 0; i < n; i++)
        index[i] = unvisited;
    size_t next_index = 0, sp = 0, ncomp = 0;

    for (size_t root = 0; root < n; root++) {
        if (index[root] != unvisited)
            continue;
        size_t depth = 0;
        frame_node[depth] = root;
        frame_edge[depth] = g->start[root];
        depth++;
        index[root] = low[root] = next_index++;
        stack[sp++] = root;
        on_stack[root] = true;
        while (depth) {
            size_t v = frame_node[depth - 1];
            bool descended = false;
            while (frame_edge[depth - 1] < g->start[v + 1]) {
                const fk_edge *e = &g->edges[frame_edge[depth - 1]++];
                if (!edge_allowed(e, filter))
                    continue;
                size_t w = e->to;
                if (index[w] == unvisited) {
                    index[w] = low[w] = next_index++;
                    stack[sp++] = w;
                    on_stack[w] = true;
                    frame_node[depth] = w;
                    frame_edge[depth] = g->start[w];
                    depth++;
                    descended = true;
                    break;
                }
                if (on_stack[w] && index[w] < low[v])
                    low[v] = index[w];
            }
            if (descended)
                continue;
            /* v is finished: close its component if it is a root. */
            if (low[v] == index[v]) {
                size_t members = 0, w;
                do {
                    w = stack[--sp];
                    on_stack[w] = false;
                    comp[w] = ncomp;
                    members++;
                } while (w != v);
                size[ncomp++] = members;
            }
            depth--;
            if (depth) {
                size_t u = frame_node[depth - 1];
                if (low[v] < low[u])
                    low[u] = low[v];
            }
        }
    }
    free(index);
    free(low);
    free(on_stack);
    free(stack);
    free(frame_node);
    free(frame_edge);
    return ncomp;
}

/*
 * One concrete cycle inside a component of the `filter` graph that holds
 * `start`: follow the first edge that stays in the component until a table
 * repeats. Stores the cycle's edges in out[] and returns their number.
 * seen[] (n long, all SIZE_MAX) is left as it was found.
 */
static size_t find_cycle(const fk_graph *g, edge_filter filter, const size_t *comp, size_t start,
                         size_t *seen, const fk_edge **walk, const fk_edge **out)
{
    size_t len = 0, v = start;
    while (seen[v] == SIZE_MAX) {
        seen[v] = len;
        const fk_edge *next = NULL;
        for (size_t e = g->start[v]; e < g->start[v + 1] && !next; e++)
            if (edge_allowed(&g->edges[e], filter) && comp[g->edges[e].to] == comp[v])
                next = &g->edges[e];
        if (!next) /* cannot happen in a component of two or more tables */
            break;
        walk[len++] = next;
        v = next->to;
    }
    size_t first = seen[v] == SIZE_MAX ? len : seen[v], n = 0;
    for (size_t i = first; i < len; i++)
        out[n++] = walk[i];
    /* Reset what the walk marked. */
    v = start;
    seen[v] = SIZE_MAX;
    for (size_t i = 0; i < len; i++)
        seen[walk[i]->to] = SIZE_MAX;
    return n;
}

#define CYCLE_MAX_NAMED 10

void rule_fk_cycle(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    size_t n = model->ntables;
    if (n < 2)
        return;
    fk_graph g;
    graph_build(&g, model);
    size_t *comp_all = rm_malloc(n * sizeof *comp_all), *size_all = rm_malloc(n * sizeof *size_all);
    size_t *comp_unbroken = rm_malloc(n * sizeof *comp_unbroken);
    size_t *size_unbroken = rm_malloc(n * sizeof *size_unbroken);
    size_t *comp_cascade = rm_malloc(n * sizeof *comp_cascade);
    size_t *size_cascade = rm_malloc(n * sizeof *size_cascade);
    size_t ncomp = tarjan(&g, ALL_EDGES, comp_all, size_all);
    tarjan(&g, UNBROKEN_EDGES, comp_unbroken, size_unbroken);
    tarjan(&g, CASCADE_EDGES, comp_cascade, size_cascade);

    /* Per component of the whole graph: the first table (in model order)
     * on an unbreakable cycle, and the first on an all-cascade cycle. */
    size_t *first_unbroken = rm_malloc(ncomp * sizeof *first_unbroken);
    size_t *first_cascade = rm_malloc(ncomp * sizeof *first_cascade);
    for (size_t c = 0; c < ncomp; c++)
        first_unbroken[c] = first_cascade[c] = SIZE_MAX;
    for (size_t v = 0; v < n; v++) {
        size_t c = comp_all[v];
        if (size_unbroken[comp_unbroken[v]] >= 2 && first_unbroken[c] == SIZE_MAX)
            first_unbroken[c] = v;
        if (size_cascade[comp_cascade[v]] >= 2 && first_cascade[c] == SIZE_MAX)
            first_cascade[c] = v;
    }

    size_t *seen = rm_malloc(n * sizeof *seen);
    for (size_t v = 0; v < n; v++)
        seen[v] = SIZE_MAX;
    const fk_edge **walk = rm_malloc(n * sizeof *walk), **cycle = rm_malloc(n * sizeof *cycle);
    bool *reported = rm_calloc(ncomp, sizeof *reported);
    rm_buf b = RM_BUF_INIT, members = RM_BUF_INIT;

    /* Components are reported in the order of their first table. */
    for (size_t v = 0; v < n; v++) {
        size_t c = comp_all[v];
        if (reported[c] || size_all[c] < 2)
            continue;
        reported[c] = true;
        bool unbreakable = first_unbroken[c] != SIZE_MAX;
        bool cascading = first_cascade[c] != SIZE_MAX;
        if (!unbreakable && !cascading)
            continue;
        size_t len = unbreakable ? find_cycle(&g, UNBROKEN_EDGES, comp_unbroken, first_unbroken[c],
                                              seen, walk, cycle)
                                 : find_cycle(&g, CASCADE_EDGES, comp_cascade, first_cascade[c],
                                              seen, walk, cycle);
        if (len == 0)
            continue;
        rm_buf_clear(&b);
        for (size_t i = 0; i < len; i++) {
            if (i)
                rm_buf_adds(&b, ", ");
            ru_add_fk(&b, model->tables[cycle[i]->from], cycle[i]->fk);
        }
        rm_buf_clear(&members);
        if (size_all[c] > len) {
            size_t named = 0;
            for (size_t w = v; w < n && named < CYCLE_MAX_NAMED; w++)
                if (comp_all[w] == c)
                    rm_buf_printf(&members, "%s%s", named++ ? ", " : "", model->tables[w]->name);
            if (size_all[c] > CYCLE_MAX_NAMED)
                rm_buf_printf(&members, " and %zu more", size_all[c] - CYCLE_MAX_NAMED);
        }
        const relmap_table *t = model->tables[cycle[0]->from];
        const relmap_fk *fk = cycle[0]->fk;
        const char *why =
            unbreakable
                ? "every key is NOT NULL and not DEFERRABLE, so no row of these tables can be "
                  "inserted first; make one key nullable or DEFERRABLE INITIALLY DEFERRED"
                : "every key is ON DELETE CASCADE, so deleting one row deletes rows all around "
                  "the loop; let one key RESTRICT or SET NULL";
        relmap_finding *f =
            rc_report(ctx, ru_span_or(fk->span, t->span), t, fk->columns[0].name,
                      "foreign keys form a cycle across %zu tables: %s: %s%s%s%s%s", len,
                      rm_buf_cstr(&b), why,
                      unbreakable && cascading
                          ? " (and keys of these tables also cascade deletes around a loop)"
                          : "",
                      members.len ? " (the cycle is part of a group of " : "",
                      members.len ? rm_buf_cstr(&members) : "", members.len ? ")" : "");
        for (size_t i = 1; i < len; i++) {
            const relmap_table *other = model->tables[cycle[i]->from];
            rm_buf_clear(&b);
            ru_add_fk(&b, other, cycle[i]->fk);
            rc_related(ctx, f, ru_span_or(cycle[i]->fk->span, other->span), "then %s",
                       rm_buf_cstr(&b));
        }
    }

    rm_buf_free(&b);
    rm_buf_free(&members);
    free(reported);
    free(walk);
    free(cycle);
    free(seen);
    free(first_unbroken);
    free(first_cascade);
    free(comp_all);
    free(size_all);
    free(comp_unbroken);
    free(size_unbroken);
    free(comp_cascade);
    free(size_cascade);
    graph_free(&g);
}

/* ---- FK010 ------------------------------------------------------------ */

/* The part of a column name before "_id" (any case) or "Id" (camelCase),
 * as a length, or 0 when the name has neither suffix. */
static size_t reference_prefix(const char *name)
{
    size_t len = strlen(name);
    if (len > 3 && strcasecmp(name + len - 3, "_id") == 0)
        return len - 3;
    if (len > 2 && strcmp(name + len - 2, "Id") == 0 && name[len - 3] != '_')
        return len - 2;
    return 0;
}

static bool ends_with(const char *s, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len > n && strncasecmp(s + len - n, suffix, n) == 0;
}

/*
 * The table a name prefix stands for, trying simple English plurals and
 * singulars: the prefix itself, +s, +es, y->ies, and back (ies->y, -es,
 * -s). The first that names a table wins, in that fixed order.
 */
static const relmap_table *table_for_prefix(const rm_strmap *tables, const char *prefix, size_t len,
                                            rm_buf *scratch)
{
    const relmap_table *t = rm_strmap_getn(tables, prefix, len);
    if (t)
        return t;
    const char *suffixes[] = {"s", "es"};
    for (size_t i = 0; i < 2; i++) {
        rm_buf_clear(scratch);
        rm_buf_add(scratch, prefix, len);
        rm_buf_adds(scratch, suffixes[i]);
        if ((t = rm_strmap_getn(tables, scratch->data, scratch->len)))
            return t;
    }
    if (ends_with(prefix, len, "y")) {
        rm_buf_clear(scratch);
        rm_buf_add(scratch, prefix, len - 1);
        rm_buf_adds(scratch, "ies");
        if ((t = rm_strmap_getn(tables, scratch->data, scratch->len)))
            return t;
    }
    if (ends_with(prefix, len, "ies")) {
        rm_buf_clear(scratch);
        rm_buf_add(scratch, prefix, len - 3);
        rm_buf_adds(scratch, "y");
        if ((t = rm_strmap_getn(tables, scratch->data, scratch->len)))
            return t;
    }
    if (ends_with(prefix, len, "es") && (t = rm_strmap_getn(tables, prefix, len - 2)))
        return t;
    if (ends_with(prefix, len, "s") && (t = rm_strmap_getn(tables, prefix, len - 1)))
        return t;
    return NULL;
}

static bool column_in_some_fk(const relmap_table *t, const relmap_column *c)
{
    for (size_t k = 0; k < t->nfks; k++)
        if (ru_fk_has_column(&t->fks[k], c))
            return true;
    return false;
}

void rule_fk_implied_missing(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    /* Heuristic names compare case-insensitively in every dialect:
     * "customerId" stands for table "customers". */
    rm_strmap *tables = rm_strmap_new(true);
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        if (ru_is_base_table(t) && !ru_is_internal_table(t))
            rm_strmap_put(tables, t->name, (void *)(uintptr_t)t);
    }
    rm_buf scratch = RM_BUF_INIT, fix = RM_BUF_INIT;
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        if (!ru_is_base_table(t) || ru_is_internal_table(t))
            continue;
        for (size_t c = 0; c < t->ncolumns; c++) {
            const relmap_column *col = &t->columns[c];
            size_t plen = reference_prefix(col->name);
            if (!plen)
                continue;
            if (col->pk_position == 1 && t->primary_key.ncolumns == 1)
                continue; /* the table's own key (a 1:1 extension table is a choice) */
            const relmap_table *parent = table_for_prefix(tables, col->name, plen, &scratch);
            if (!parent || parent == t || parent->primary_key.ncolumns != 1)
                continue;
            const relmap_column *pk = parent->primary_key.columns[0].column;
            if (!pk || col->family == RELMAP_TYPE_UNKNOWN || pk->family == RELMAP_TYPE_UNKNOWN ||
                !ru_families_compatible(t->dialect, col->family, pk->family))
                continue;
            if (column_in_some_fk(t, col))
                continue;
            relmap_finding *f =
                rc_report(ctx, ru_span_or(col->span, t->span), t, col->name,
                          "%s.%s is named like a reference to %s(%s) and has its type (%s), but no "
                          "foreign key: nothing stops rows pointing at missing %s; declare %s "
                          "REFERENCES %s(%s)",
                          t->name, col->name, parent->name, pk->name, ru_family_name(pk->family),
                          parent->name, col->name, parent->name, pk->name);
            rc_related(ctx, f, ru_span_or(pk->span, parent->span), "the primary key of %s",
                       parent->name);
            rm_buf_clear(&fix);
            ru_add_column_name(&fix, t, col->name);
            if (col->type && *col->type)
                rm_buf_printf(&fix, " %s", col->type);
            if (!col->nullable)
                rm_buf_adds(&fix, " NOT NULL");
            rm_buf_adds(&fix, " REFERENCES ");
            ru_add_table_name(&fix, parent);
            rm_buf_addc(&fix, '(');
            ru_add_column_name(&fix, parent, pk->name);
            rm_buf_addc(&fix, ')');
            rc_fix(ctx, f, "%s", rm_buf_cstr(&fix));
        }
    }
    rm_buf_free(&scratch);
    rm_buf_free(&fix);
    rm_strmap_free(tables);
}
