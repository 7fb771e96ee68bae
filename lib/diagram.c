/*
 * diagram.c - the model as renderers see it (see diagram.h).
 */
#include "diagram.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "diagram_graph.h"
#include "escape.h"
#include "ptrmap.h"
#include "resolve.h"

const char *dg_ie_end(dg_card card, bool left)
{
    switch (card) {
    case DG_EXACTLY_ONE:
        return "||";
    case DG_ZERO_OR_ONE:
        return left ? "|o" : "o|";
    case DG_ONE_OR_MANY:
        return left ? "}|" : "|{";
    case DG_ZERO_OR_MANY:
        break;
    }
    return left ? "}o" : "o{";
}

size_t dg_column_index(const relmap_table *table, const relmap_column *column)
{
    return (size_t)(column - table->columns);
}

bool dg_column_in_fk(const relmap_table *table, const relmap_column *column)
{
    for (size_t i = 0; i < table->nfks; i++)
        for (size_t j = 0; j < table->fks[i].ncolumns; j++)
            if (table->fks[i].columns[j].column == column)
                return true;
    return false;
}

static bool key_is_column(const relmap_colref *cols, size_t n, const relmap_column *column)
{
    return n == 1 && cols[0].column == column;
}

bool dg_column_unique(const relmap_table *table, const relmap_column *column)
{
    for (size_t i = 0; i < table->nuniques; i++)
        if (key_is_column(table->uniques[i].columns, table->uniques[i].ncolumns, column))
            return true;
    for (size_t i = 0; i < table->nindexes; i++) {
        const relmap_index *ix = &table->indexes[i];
        if (ix->unique && !ix->where && key_is_column(ix->columns, ix->ncolumns, column))
            return true;
    }
    return false;
}

bool dg_column_shown(const dg_diagram *d, const relmap_table *table, const relmap_column *column)
{
    switch (d->columns) {
    case RELMAP_COLUMNS_ALL:
        return true;
    case RELMAP_COLUMNS_NONE:
        return false;
    case RELMAP_COLUMNS_KEYS:
        break;
    }
    size_t unused;
    return column->pk_position > 0 || dg_column_in_fk(table, column) ||
           rm_ptrmap_get(d->referenced, column, &unused);
}

/* Whether every column of some unique key is one of the columns of `cols`:
 * then at most one row can hold a given value of `cols`. */
static bool covers_key(const relmap_colref *key, size_t nkey, const relmap_colref *cols,
                       size_t ncols)
{
    if (nkey == 0)
        return false;
    for (size_t k = 0; k < nkey; k++) {
        bool found = false;
        for (size_t c = 0; c < ncols && !found; c++)
            found = key[k].column && cols[c].column == key[k].column;
        if (!found)
            return false;
    }
    return true;
}

static bool fk_unique(const relmap_table *table, const relmap_fk *fk)
{
    if (covers_key(table->primary_key.columns, table->primary_key.ncolumns, fk->columns,
                   fk->ncolumns))
        return true;
    for (size_t i = 0; i < table->nuniques; i++)
        if (covers_key(table->uniques[i].columns, table->uniques[i].ncolumns, fk->columns,
                       fk->ncolumns))
            return true;
    for (size_t i = 0; i < table->nindexes; i++) {
        const relmap_index *ix = &table->indexes[i];
        if (ix->unique && !ix->where &&
            covers_key(ix->columns, ix->ncolumns, fk->columns, fk->ncolumns))
            return true;
    }
    return false;
}

static bool fk_nullable(const relmap_fk *fk)
{
    for (size_t i = 0; i < fk->ncolumns; i++)
        if (!fk->columns[i].column || fk->columns[i].column->nullable)
            return true;
    return false;
}

/* SQLite gives TIMESTAMP numeric affinity: the declared type tells. */
static bool is_timestamp(const relmap_column *column)
{
    if (column->family == RELMAP_TYPE_DATETIME)
        return true;
    for (const char *p = column->type; *p; p++)
        if (strncasecmp(p, "DATE", 4) == 0 || strncasecmp(p, "TIME", 4) == 0)
            return true;
    return false;
}

/*
 * A junction (association) table: exactly two resolved foreign keys, and
 * every other column a single-column surrogate key or a timestamp. Such a
 * table stands for a many-to-many relationship, and is drawn as one.
 */
static bool is_junction(const relmap_table *table)
{
    if (table->nfks != 2 || !table->fks[0].ref_table || !table->fks[1].ref_table)
        return false;
    for (size_t i = 0; i < table->ncolumns; i++) {
        const relmap_column *c = &table->columns[i];
        bool surrogate = c->pk_position == 1 && table->primary_key.ncolumns == 1;
        if (!dg_column_in_fk(table, c) && !surrogate && !is_timestamp(c))
            return false;
    }
    return true;
}

/* The edge a finding belongs to: its span is the key's, or it is about one
 * of the key's columns. SIZE_MAX when it belongs to the table. */
static size_t finding_edge(const dg_diagram *d, size_t first_edge, size_t table_index,
                           const relmap_finding *f)
{
    for (size_t e = first_edge; e < d->nedges && d->edges[e].child == table_index; e++) {
        const relmap_fk *fk = d->edges[e].fk;
        if (d->edges[e].via)
            break;
        if (f->span.source != RELMAP_NO_SOURCE && f->span.source == fk->span.source &&
            f->span.start == fk->span.start && f->span.end == fk->span.end)
            return e;
        for (size_t c = 0; f->column && c < fk->ncolumns; c++)
            if (fk->columns[c].name && rm_same_name(d->model, fk->columns[c].name, f->column))
                return e;
    }
    return SIZE_MAX;
}

static void add_finding(size_t **list, size_t *n, relmap_severity *severity, size_t index,
                        relmap_severity s)
{
    *list = rm_realloc(*list, (*n + 1) * sizeof **list);
    (*list)[(*n)++] = index;
    if (s > *severity)
        *severity = s;
}

static void attach_findings(dg_diagram *d, const rm_ptrmap *index_of,
                            const rm_ptrmap *collapsed_edge, const size_t *first_edge)
{
    for (size_t i = 0; i < d->findings->count; i++) {
        const relmap_finding *f = &d->findings->items[i];
        const relmap_table *table =
            f->table ? relmap_model_find_table(d->model, NULL, f->table) : NULL;
        size_t t;
        if (table && rm_ptrmap_get(collapsed_edge, table, &t)) {
            /* A junction drawn as an edge: its findings are the edge's. */
            add_finding(&d->edges[t].findings, &d->edges[t].nfindings, &d->edges[t].severity, i,
                        f->severity);
            continue;
        }
        if (!table || !rm_ptrmap_get(index_of, table, &t))
            continue;
        /* A finding at the table's name is about the whole table, even
         * when it names a column (a junction's missing key, say). */
        bool at_table = f->span.source != RELMAP_NO_SOURCE &&
                        f->span.source == table->span.source && f->span.start == table->span.start;
        size_t e = at_table ? SIZE_MAX : finding_edge(d, first_edge[t], t, f);
        if (e != SIZE_MAX)
            add_finding(&d->edges[e].findings, &d->edges[e].nfindings, &d->edges[e].severity, i,
                        f->severity);
        else
            add_finding(&d->tables[t].findings, &d->tables[t].nfindings, &d->tables[t].severity, i,
                        f->severity);
    }
}

/* For each table shown, how many distinct tables left out share a key
 * with it (`seen` stamps each hidden table with the last table counting it). */
static void count_hidden(dg_diagram *d, const relmap_model *model, const bool *shown,
                         const size_t *model_index)
{
    dg_graph g;
    dg_graph_build(&g, model);
    size_t *seen = rm_malloc((g.ntables ? g.ntables : 1) * sizeof *seen);
    for (size_t t = 0; t < g.ntables; t++)
        seen[t] = SIZE_MAX;
    for (size_t i = 0; i < d->ntables; i++) {
        size_t t = model_index[i];
        for (size_t a = g.first[t]; a < g.first[t + 1]; a++) {
            size_t other = g.adj[a];
            if (!shown[other] && seen[other] != t) {
                seen[other] = t;
                d->tables[i].hidden++;
            }
        }
    }
    free(seen);
    dg_graph_free(&g);
}

/* A junction drawn as one edge: both tables it joins are in the diagram. */
static bool collapsible(const relmap_table *table, const rm_ptrmap *present)
{
    size_t unused;
    /* A self-referential junction stays a table: one edge from a table to
     * itself would say nothing, and DBML refuses a ref with one table. */
    return is_junction(table) && table->fks[0].ntarget && table->fks[1].ntarget &&
           table->fks[0].ref_table != table->fks[1].ref_table &&
           rm_ptrmap_get(present, table->fks[0].ref_table, &unused) &&
           rm_ptrmap_get(present, table->fks[1].ref_table, &unused);
}

static void add_collapsed(dg_diagram *d, const relmap_table *junction, const rm_ptrmap *index_of)
{
    dg_edge *e = &d->edges[d->nedges++];
    e->fk = &junction->fks[0];
    e->via = &junction->fks[1];
    e->junction = junction;
    rm_ptrmap_get(index_of, e->fk->ref_table, &e->child);
    rm_ptrmap_get(index_of, e->via->ref_table, &e->parent);
    e->child_card = DG_ZERO_OR_MANY;
    e->parent_card = DG_ZERO_OR_MANY;
    for (size_t k = 0; k < 2; k++)
        for (size_t j = 0; j < junction->fks[k].ntarget; j++)
            if (junction->fks[k].target[j])
                rm_ptrmap_put(d->referenced, junction->fks[k].target[j], 1);
}

/*
 * Which ORM relationships walk each edge. A many-to-one walks its key from
 * child to parent, a one-to-many from parent to child; a many-to-many
 * walks its own side's key of the junction from the parent end, or, on a
 * collapsed junction, the edge in the direction of its own side's key.
 * uselist=False on a one-to-many makes the child end zero-or-one.
 */
static void attach_relationships(dg_diagram *d)
{
    rm_ptrmap *edge_of = rm_ptrmap_new(d->nedges);
    for (size_t e = 0; e < d->nedges; e++) {
        rm_ptrmap_put(edge_of, d->edges[e].fk, e);
        if (d->edges[e].via)
            rm_ptrmap_put(edge_of, d->edges[e].via, e);
    }
    const relmap_model *model = d->model;
    for (size_t c = 0; c < model->nclasses; c++) {
        const relmap_class *cls = model->classes[c];
        for (size_t r = 0; r < cls->nrelationships; r++) {
            const relmap_relationship *rel = &cls->relationships[r];
            size_t e;
            if (rel->direction == RELMAP_DIRECTION_UNKNOWN || rel->nfks == 0 ||
                !rm_ptrmap_get(edge_of, rel->fks[0], &e))
                continue;
            dg_edge *edge = &d->edges[e];
            bool to_parent = rel->direction == RELMAP_DIRECTION_MANYTOONE ||
                             (edge->via && edge->fk == rel->fks[0]);
            const relmap_relationship **slot = to_parent ? &edge->to_parent : &edge->to_child;
            if (!*slot)
                *slot = rel;
            if (rel->direction == RELMAP_DIRECTION_ONETOMANY && !rel->is_list)
                edge->child_card = DG_ZERO_OR_ONE;
        }
    }
    rm_ptrmap_free(edge_of);
}

const char **dg_table_modules(const relmap_model *model)
{
    const char **modules = rm_calloc(model->ntables ? model->ntables : 1, sizeof *modules);
    /* The module of each source file, from the classes in it. */
    const char **source_module =
        rm_calloc(model->nsources ? model->nsources : 1, sizeof *source_module);
    rm_ptrmap *index = rm_ptrmap_new(model->ntables);
    for (size_t t = 0; t < model->ntables; t++)
        rm_ptrmap_put(index, model->tables[t], t);
    for (size_t c = 0; c < model->nclasses; c++) {
        const relmap_class *cls = model->classes[c];
        size_t t;
        if (!cls->module)
            continue;
        if (cls->table && rm_ptrmap_get(index, cls->table, &t) && !modules[t])
            modules[t] = cls->module;
        if (cls->span.source < model->nsources)
            source_module[cls->span.source] = cls->module;
    }
    for (size_t t = 0; t < model->ntables; t++) {
        uint32_t src = model->tables[t]->span.source;
        if (!modules[t] && src < model->nsources)
            modules[t] = source_module[src];
    }
    free(source_module);
    rm_ptrmap_free(index);
    return modules;
}

/* The cluster of each table: its schema, or its module. */
static void assign_groups(dg_diagram *d, const size_t *model_index)
{
    if (d->group == RELMAP_GROUP_SCHEMA)
        for (size_t t = 0; t < d->ntables; t++)
            d->tables[t].group = d->tables[t].table->schema;
    if (d->group != RELMAP_GROUP_MODULE)
        return;
    const char **modules = dg_table_modules(d->model);
    for (size_t t = 0; t < d->ntables; t++)
        d->tables[t].group = modules[model_index[t]];
    free(modules);
}

const char *dg_role_label(rm_buf *out, const dg_edge *e, const relmap_relationship *rel)
{
    rm_buf_clear(out);
    rm_buf_adds(out, rel->name);
    const relmap_relationship *other = rel == e->to_parent ? e->to_child : e->to_parent;
    if (!rel->partner && !other)
        rm_buf_adds(out, " (one-way)");
    return rm_buf_cstr(out);
}

void dg_build(dg_diagram *d, const relmap_model *model, const relmap_findings *findings,
              const relmap_render_opts *opts, const bool *shown)
{
    memset(d, 0, sizeof *d);
    d->model = model;
    d->findings = findings;
    d->columns = opts->columns;
    d->group = opts->group;
    d->tables = rm_calloc(model->ntables ? model->ntables : 1, sizeof *d->tables);
    size_t *model_index = rm_calloc(model->ntables ? model->ntables : 1, sizeof *model_index);
    rm_ptrmap *index_of = rm_ptrmap_new(model->ntables);
    size_t nfks = 0;
    /* Every table first: whether a junction collapses depends on both
     * tables it joins being in the diagram. */
    rm_ptrmap *present = rm_ptrmap_new(model->ntables);
    for (size_t t = 0; t < model->ntables; t++) {
        if (shown && !shown[t])
            continue;
        nfks += model->tables[t]->nfks;
        rm_ptrmap_put(present, model->tables[t], t);
    }
    const relmap_table **collapsed =
        rm_calloc(model->ntables ? model->ntables : 1, sizeof *collapsed);
    size_t ncollapsed = 0;
    for (size_t t = 0; t < model->ntables; t++) {
        if (shown && !shown[t])
            continue;
        if (opts->collapse_junctions && collapsible(model->tables[t], present)) {
            collapsed[ncollapsed++] = model->tables[t];
            continue;
        }
        model_index[d->ntables] = t;
        d->tables[d->ntables].table = model->tables[t];
        d->tables[d->ntables].junction = is_junction(model->tables[t]);
        rm_ptrmap_put(index_of, model->tables[t], d->ntables++);
    }
    d->edges = rm_calloc(nfks ? nfks : 1, sizeof *d->edges);
    d->referenced = rm_ptrmap_new(nfks);
    /* Edges are grouped by child table, in model order: first_edge[t] is
     * where the edges of table t start. */
    size_t *first_edge = rm_calloc(d->ntables ? d->ntables : 1, sizeof *first_edge);
    for (size_t t = 0; t < d->ntables; t++) {
        const relmap_table *table = d->tables[t].table;
        first_edge[t] = d->nedges;
        for (size_t i = 0; i < table->nfks; i++) {
            const relmap_fk *fk = &table->fks[i];
            size_t parent;
            if (!fk->ref_table || !rm_ptrmap_get(index_of, fk->ref_table, &parent))
                continue;
            dg_edge *e = &d->edges[d->nedges++];
            e->fk = fk;
            e->child = t;
            e->parent = parent;
            e->parent_card = fk_nullable(fk) ? DG_ZERO_OR_ONE : DG_EXACTLY_ONE;
            e->child_card = fk_unique(table, fk) ? DG_ZERO_OR_ONE : DG_ZERO_OR_MANY;
            for (size_t j = 0; j < fk->ntarget; j++)
                if (fk->target[j])
                    rm_ptrmap_put(d->referenced, fk->target[j], 1);
        }
    }
    rm_ptrmap *collapsed_edge = rm_ptrmap_new(ncollapsed);
    for (size_t j = 0; j < ncollapsed; j++) {
        rm_ptrmap_put(collapsed_edge, collapsed[j], d->nedges);
        add_collapsed(d, collapsed[j], index_of);
    }
    free(collapsed);
    rm_ptrmap_free(present);
    if (shown)
        count_hidden(d, model, shown, model_index);
    if (findings)
        attach_findings(d, index_of, collapsed_edge, first_edge);
    rm_ptrmap_free(collapsed_edge);
    attach_relationships(d);
    assign_groups(d, model_index);
    free(first_edge);
    free(model_index);
    rm_ptrmap_free(index_of);
}

void dg_free(dg_diagram *d)
{
    for (size_t t = 0; t < d->ntables; t++)
        free(d->tables[t].findings);
    for (size_t e = 0; e < d->nedges; e++)
        free(d->edges[e].findings);
    free(d->tables);
    free(d->edges);
    rm_ptrmap_free(d->referenced);
    memset(d, 0, sizeof *d);
}

const char *dg_table_name(rm_buf *out, const relmap_table *table)
{
    rm_buf_clear(out);
    if (table->schema) {
        rm_buf_adds(out, table->schema);
        rm_buf_addc(out, '.');
    }
    rm_buf_adds(out, table->name);
    return rm_buf_cstr(out);
}

/* Code points no text format should carry: C0 and C1 controls (they move
 * terminals' cursors and are not XML) and the XML non-characters. */
static bool is_unprintable(int32_t cp)
{
    /* cp < 0x20 takes negative values, which are no code point, too */
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xFFFE || cp == 0xFFFF;
}

void dg_add_markup_text(rm_buf *out, const char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t step = rm_utf8_decode(s + i, len - i, &cp);
        if (is_unprintable(cp))
            rm_buf_adds(out, RM_UTF8_REPLACEMENT);
        else if (cp == '&')
            rm_buf_adds(out, "&amp;");
        else if (cp == '<')
            rm_buf_adds(out, "&lt;");
        else if (cp == '>')
            rm_buf_adds(out, "&gt;");
        else if (cp == '"')
            rm_buf_adds(out, "&quot;");
        else if (cp == '\'')
            rm_buf_adds(out, "&#39;");
        else
            rm_buf_add(out, s + i, step);
        i += step;
    }
}

void dg_add_sanitized(rm_buf *out, const char *s, bool (*keep)(int32_t cp), char replacement)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t step = rm_utf8_decode(s + i, len - i, &cp);
        bool unprintable = is_unprintable(cp);
        if (!keep(unprintable ? 0xFFFD : cp))
            rm_buf_addc(out, replacement);
        else if (unprintable)
            rm_buf_adds(out, RM_UTF8_REPLACEMENT);
        else
            rm_buf_add(out, s + i, step);
        i += step;
    }
}
