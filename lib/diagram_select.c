/*
 * diagram_select.c - which tables a diagram shows: --include and
 * --exclude globs, then the --focus neighbourhood (see dg_select in
 * diagram.h). Every renderer and the split draw from the same mask.
 */
#include <ctype.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "diagram.h"
#include "diagram_graph.h"
#include "error.h"

/* Names compare as the dialect compares them (rm_same_name): all but
 * PostgreSQL, whose reader folds unquoted names itself, ignore case. For
 * fnmatch, which has no portable case-folding flag, both sides are
 * lowered instead. */
static char *match_text(const relmap_model *model, const char *s)
{
    char *copy = rm_strdup(s);
    if (model->dialect != RELMAP_DIALECT_POSTGRES)
        for (char *p = copy; *p; p++)
            *p = (char)tolower((unsigned char)*p);
    return copy;
}

static bool glob_matches(const relmap_model *model, const char *glob, const char *name,
                         const char *qualified)
{
    char *pattern = match_text(model, glob);
    bool hit = fnmatch(pattern, name, 0) == 0 || (qualified && fnmatch(pattern, qualified, 0) == 0);
    free(pattern);
    return hit;
}

static bool any_glob(const relmap_model *model, const char *const *globs, size_t n,
                     const relmap_table *table)
{
    char *name = match_text(model, table->name);
    char *qualified = NULL;
    if (table->schema) {
        rm_buf q = RM_BUF_INIT;
        qualified = match_text(model, dg_table_name(&q, table));
        rm_buf_free(&q);
    }
    bool hit = false;
    for (size_t i = 0; i < n && !hit; i++)
        hit = glob_matches(model, globs[i], name, qualified);
    free(name);
    free(qualified);
    return hit;
}

/* A focus table by "schema.table" or "table"; a name holding a dot is
 * tried whole as well, as a table may be called "a.b". */
static const relmap_table *find_focus(const relmap_model *model, const char *text)
{
    const char *dot = strchr(text, '.');
    if (dot) {
        char *schema = rm_strndup(text, (size_t)(dot - text));
        const relmap_table *table = relmap_model_find_table(model, schema, dot + 1);
        free(schema);
        if (table)
            return table;
    }
    return relmap_model_find_table(model, NULL, text);
}

static size_t model_index(const relmap_model *model, const relmap_table *table)
{
    for (size_t t = 0; t < model->ntables; t++)
        if (model->tables[t] == table)
            return t;
    return SIZE_MAX;
}

/* Keeps only the tables within `depth` keys of the seeds, walking
 * breadth-first through tables still shown. */
static void keep_neighbourhood(const relmap_model *model, const size_t *seeds, size_t nseeds,
                               unsigned depth, bool *shown)
{
    dg_graph g;
    dg_graph_build(&g, model);
    size_t n = model->ntables;
    size_t *distance = rm_malloc((n ? n : 1) * sizeof *distance);
    size_t *queue = rm_malloc((n ? n : 1) * sizeof *queue);
    for (size_t t = 0; t < n; t++)
        distance[t] = SIZE_MAX;
    size_t head = 0, tail = 0;
    for (size_t i = 0; i < nseeds; i++) {
        if (distance[seeds[i]] == SIZE_MAX)
            queue[tail++] = seeds[i];
        distance[seeds[i]] = 0;
    }
    while (head < tail) {
        size_t t = queue[head++];
        if (distance[t] == depth)
            continue;
        for (size_t a = g.first[t]; a < g.first[t + 1]; a++) {
            size_t next = g.adj[a];
            if (shown[next] && distance[next] == SIZE_MAX) {
                distance[next] = distance[t] + 1;
                queue[tail++] = next;
            }
        }
    }
    for (size_t t = 0; t < n; t++)
        shown[t] = distance[t] != SIZE_MAX;
    free(queue);
    free(distance);
    dg_graph_free(&g);
}

int dg_select(const relmap_model *model, const relmap_render_opts *opts, bool *shown)
{
    for (size_t t = 0; t < model->ntables; t++) {
        const relmap_table *table = model->tables[t];
        shown[t] = (opts->ninclude == 0 || any_glob(model, opts->include, opts->ninclude, table)) &&
                   !any_glob(model, opts->exclude, opts->nexclude, table);
    }
    if (opts->nfocus == 0)
        return 0;
    size_t *seeds = rm_malloc(opts->nfocus * sizeof *seeds);
    int rc = 0;
    for (size_t i = 0; i < opts->nfocus && rc == 0; i++) {
        const relmap_table *table = find_focus(model, opts->focus[i]);
        seeds[i] = table ? model_index(model, table) : SIZE_MAX;
        if (seeds[i] == SIZE_MAX)
            rc = rm_error(RELMAP_EINVAL, "--focus: there is no table '%s'", opts->focus[i]);
        else if (!shown[seeds[i]])
            rc =
                rm_error(RELMAP_EINVAL, "--focus: table '%s' is left out by --include or --exclude",
                         opts->focus[i]);
    }
    if (rc == 0)
        keep_neighbourhood(model, seeds, opts->nfocus, opts->depth, shown);
    free(seeds);
    return rc;
}
