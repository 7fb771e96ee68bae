/*
 * diagram_split.c - cutting a diagram into parts (see diagram_split.h):
 * by schema, or by connected components of the foreign-key graph with the
 * large ones cut breadth-first, so that every part stays readable.
 */
#include "diagram_split.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "diagram.h"
#include "diagram_graph.h"
#include "strmap.h"

static size_t new_part(dg_parts *p)
{
    p->sizes = rm_realloc(p->sizes, (p->nparts + 1) * sizeof *p->sizes);
    p->sizes[p->nparts] = 0;
    return p->nparts++;
}

static void assign(dg_parts *p, size_t table, size_t part)
{
    p->part_of[table] = part;
    p->sizes[part]++;
}

/* The tables of t's component in breadth-first order from t, into
 * `order`; returns how many. `mark` is set on each one found. */
static size_t component(const dg_graph *g, const bool *selected, size_t t, bool *mark,
                        size_t *order)
{
    size_t n = 0;
    order[n++] = t;
    mark[t] = true;
    for (size_t head = 0; head < n; head++)
        for (size_t a = g->first[order[head]]; a < g->first[order[head] + 1]; a++) {
            size_t next = g->adj[a];
            if (selected[next] && !mark[next]) {
                mark[next] = true;
                order[n++] = next;
            }
        }
    return n;
}

/* Components smaller than this share parts: a file for each pair of
 * tables would bury the few big components in the overview. */
#define SMALL_COMPONENT 5

/*
 * Components, each one part; a component past RELMAP_RENDER_SPLIT_TABLES
 * walked again from its most referenced table (where a schema's hub is)
 * and cut into parts of that size in breadth-first order, which keeps
 * neighbours together. Small components, lonely tables among them, are
 * pooled into the last parts (up to that size each, a component never
 * cut). Returns the first pooled part (nparts when there is none).
 */
static size_t split_components(dg_parts *p, const dg_graph *g, const bool *selected)
{
    size_t n = g->ntables;
    bool *seen = rm_calloc(n ? n : 1, sizeof *seen);
    bool *again = rm_calloc(n ? n : 1, sizeof *again);
    size_t *order = rm_malloc((n ? n : 1) * sizeof *order);
    for (size_t t = 0; t < n; t++) {
        if (!selected[t] || seen[t])
            continue;
        size_t size = component(g, selected, t, seen, order);
        if (size < SMALL_COMPONENT)
            continue; /* pooled below, once every big component has its parts */
        size_t hub = order[0];
        for (size_t i = 1; i < size; i++)
            if (g->referenced_by[order[i]] > g->referenced_by[hub])
                hub = order[i];
        component(g, selected, hub, again, order);
        size_t part = SIZE_MAX;
        for (size_t i = 0; i < size; i++) {
            if (i % RELMAP_RENDER_SPLIT_TABLES == 0)
                part = new_part(p);
            assign(p, order[i], part);
        }
    }
    size_t first_pooled = p->nparts;
    size_t pool = SIZE_MAX;
    for (size_t t = 0; t < n; t++) {
        if (!selected[t] || p->part_of[t] != SIZE_MAX)
            continue;
        size_t size = component(g, selected, t, again, order);
        if (pool == SIZE_MAX || p->sizes[pool] + size > RELMAP_RENDER_SPLIT_TABLES)
            pool = new_part(p);
        for (size_t i = 0; i < size; i++)
            assign(p, order[i], pool);
    }
    free(order);
    free(again);
    free(seen);
    return first_pooled;
}

/* What a table is grouped by: its schema, or the module of the first
 * class that maps it; NULL for none. */
static const char **group_keys(const relmap_model *model, relmap_render_split_by by)
{
    const char **keys = rm_calloc(model->ntables ? model->ntables : 1, sizeof *keys);
    if (by == RELMAP_SPLIT_SCHEMA) {
        for (size_t t = 0; t < model->ntables; t++)
            keys[t] = model->tables[t]->schema;
        return keys;
    }
    free(keys);
    return dg_table_modules(model);
}

/* One part per key, in the order the keys first appear. */
static void split_groups(dg_parts *p, const relmap_model *model, const bool *selected,
                         const char **keys)
{
    rm_strmap *part_of_key = rm_strmap_new(false);
    size_t *parts = rm_malloc((model->ntables ? model->ntables : 1) * sizeof *parts);
    size_t no_key = SIZE_MAX;
    for (size_t t = 0; t < model->ntables; t++) {
        if (!selected[t])
            continue;
        size_t *slot = keys[t] ? rm_strmap_get(part_of_key, keys[t]) : &no_key;
        if (!slot) {
            slot = &parts[t];
            rm_strmap_put(part_of_key, keys[t], slot);
            *slot = SIZE_MAX;
        }
        if (*slot == SIZE_MAX)
            *slot = new_part(p);
        assign(p, t, *slot);
    }
    free(parts);
    rm_strmap_free(part_of_key);
}

/* A component part is named after its most referenced table; the pooled
 * small components, and schemas, as such. */
static char *part_name(const dg_parts *p, const relmap_model *model, const dg_graph *g, size_t part,
                       relmap_render_split_by by, const char *const *keys, size_t first_pooled)
{
    size_t best = SIZE_MAX;
    for (size_t t = 0; t < model->ntables; t++)
        if (p->part_of[t] == part &&
            (best == SIZE_MAX || g->referenced_by[t] > g->referenced_by[best]))
            best = t;
    const relmap_table *table = model->tables[best];
    if (by == RELMAP_SPLIT_SCHEMA)
        return rm_strdup(table->schema ? table->schema : "no schema");
    if (by == RELMAP_SPLIT_MODULE)
        return rm_strdup(keys[best] ? keys[best] : "no module");
    if (part >= first_pooled)
        return rm_strdup("small groups");
    rm_buf name = RM_BUF_INIT;
    char *copy = rm_strdup(dg_table_name(&name, table));
    rm_buf_free(&name);
    return copy;
}

static bool file_char(int32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
           cp == '_' || cp == '-';
}

/* A file name stem from a part's name: ASCII letters, digits, `_` and `-`
 * (anything else `_`), no leading `-` (it would read as an option), at
 * most 60 bytes, "part" when nothing readable is left, and a suffix -2,
 * -3, ... for a stem taken already, ignoring case as macOS and Windows do. */
static char *file_stem(const char *name, rm_strmap *taken)
{
    rm_buf clean = RM_BUF_INIT;
    dg_add_sanitized(&clean, name, file_char, '_');
    bool readable = false;
    for (size_t i = 0; i < clean.len; i++)
        readable |= clean.data[i] != '_';
    if (!readable) {
        rm_buf_clear(&clean);
        rm_buf_adds(&clean, "part");
    }
    if (clean.len > 60)
        clean.len = 60;
    if (clean.data[0] == '-')
        clean.data[0] = '_';
    rm_buf stem = RM_BUF_INIT;
    for (unsigned n = 1;; n++) {
        rm_buf_clear(&stem);
        rm_buf_add(&stem, clean.data, clean.len);
        if (n > 1)
            rm_buf_printf(&stem, "-%u", n);
        if (!rm_strmap_get(taken, rm_buf_cstr(&stem)))
            break;
    }
    char *copy = rm_strdup(rm_buf_cstr(&stem));
    rm_strmap_put(taken, copy, copy);
    rm_buf_free(&clean);
    rm_buf_free(&stem);
    return copy;
}

void dg_split(dg_parts *p, const relmap_model *model, const bool *selected,
              relmap_render_split_by by)
{
    memset(p, 0, sizeof *p);
    p->part_of = rm_malloc((model->ntables ? model->ntables : 1) * sizeof *p->part_of);
    for (size_t t = 0; t < model->ntables; t++)
        p->part_of[t] = SIZE_MAX;
    dg_graph g;
    dg_graph_build(&g, model);
    size_t first_pooled = SIZE_MAX;
    const char **keys = NULL;
    if (by == RELMAP_SPLIT_COMPONENTS) {
        first_pooled = split_components(p, &g, selected);
    } else {
        keys = group_keys(model, by);
        split_groups(p, model, selected, keys);
    }
    p->names = rm_calloc(p->nparts ? p->nparts : 1, sizeof *p->names);
    p->stems = rm_calloc(p->nparts ? p->nparts : 1, sizeof *p->stems);
    rm_strmap *taken = rm_strmap_new(true);
    static char overview[] = "overview"; /* relmap_render_split's file */
    rm_strmap_put(taken, overview, overview);
    for (size_t i = 0; i < p->nparts; i++) {
        p->names[i] = part_name(p, model, &g, i, by, keys, first_pooled);
        p->stems[i] = file_stem(p->names[i], taken);
    }
    rm_strmap_free(taken);
    free(keys);
    dg_graph_free(&g);
}

void dg_parts_free(dg_parts *p)
{
    for (size_t i = 0; i < p->nparts; i++) {
        free(p->names[i]);
        free(p->stems[i]);
    }
    free(p->names);
    free(p->stems);
    free(p->sizes);
    free(p->part_of);
    memset(p, 0, sizeof *p);
}
