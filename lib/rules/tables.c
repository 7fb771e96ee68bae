/*
 * tables.c - rules about tables and their indexes: TAB001, IDX001, IDX002.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "junction.h"
#include "rule_util.h"

void rule_table_no_primary_key(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        if (!ru_is_base_table(t) || ru_is_internal_table(t) || t->primary_key.ncolumns)
            continue;
        if (ru_is_junction_table(t))
            continue; /* JT001 says what a junction table needs */
        rc_report(ctx, t->span, t, NULL,
                  "table %s has no primary key: rows cannot be told apart or referenced, and "
                  "ORMs such as SQLAlchemy refuse to map it; declare a primary key (a natural "
                  "key, or an id INTEGER PRIMARY KEY column)",
                  t->name);
    }
}

/* An index, unique constraint or primary key, seen the same way. */
typedef struct access_path {
    enum { PATH_PK, PATH_UNIQUE, PATH_INDEX } kind;
    const char *name;
    const relmap_colref *columns;
    size_t ncolumns;
    bool unique;
    relmap_span span;
} access_path;

/* Only plain resolved columns can be compared; partial indexes hold only
 * some rows and are never redundant nor make others redundant. */
static bool comparable(const relmap_colref *refs, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!refs[i].name || !refs[i].column)
            return false;
    return true;
}

/* The table's comparable access paths, in declaration order: the primary
 * key, unique constraints, indexes. */
static access_path *access_paths(const relmap_table *t, size_t *count)
{
    access_path *paths = rm_malloc((1 + t->nuniques + t->nindexes) * sizeof *paths);
    size_t n = 0;
    if (comparable(t->primary_key.columns, t->primary_key.ncolumns))
        paths[n++] = (access_path){
            PATH_PK, t->primary_key.name, t->primary_key.columns, t->primary_key.ncolumns,
            true,    t->primary_key.span};
    for (size_t i = 0; i < t->nuniques; i++) {
        const relmap_key *u = &t->uniques[i];
        if (comparable(u->columns, u->ncolumns))
            paths[n++] =
                (access_path){PATH_UNIQUE, u->name, u->columns, u->ncolumns, true, u->span};
    }
    for (size_t i = 0; i < t->nindexes; i++) {
        const relmap_index *ix = &t->indexes[i];
        if (ru_index_serves_lookups(ix) && comparable(ix->columns, ix->ncolumns))
            paths[n++] = (access_path){PATH_INDEX,   ix->name,   ix->columns,
                                       ix->ncolumns, ix->unique, ix->span};
    }
    *count = n;
    return paths;
}

static bool is_prefix(const access_path *x, const access_path *y)
{
    if (x->ncolumns > y->ncolumns)
        return false;
    for (size_t i = 0; i < x->ncolumns; i++)
        if (x->columns[i].column != y->columns[i].column)
            return false;
    return true;
}

/* Whether x (at position px) is redundant next to y (at py): y leads with
 * x's columns and is at least as unique; of two identical paths only the
 * later one is redundant. */
static bool redundant_with(const access_path *x, size_t px, const access_path *y, size_t py)
{
    if (x->kind == PATH_PK || !is_prefix(x, y))
        return false;
    bool identical = x->ncolumns == y->ncolumns;
    if (x->unique && !(y->unique && identical))
        return false;
    if (identical && x->unique == y->unique)
        return py < px;
    return true;
}

/* "index ix_a (a, b)", or with `table`: "index ix_a on t (a, b)". */
static void describe_path(rm_buf *b, const access_path *p, const char *table)
{
    switch (p->kind) {
    case PATH_PK:
        rm_buf_adds(b, "the primary key");
        break;
    case PATH_UNIQUE:
        rm_buf_adds(b, "unique constraint");
        break;
    case PATH_INDEX:
        rm_buf_adds(b, p->unique ? "unique index" : "index");
        break;
    }
    if (p->name && p->kind != PATH_PK)
        rm_buf_printf(b, " %s", p->name);
    if (table)
        rm_buf_printf(b, " on %s", table);
    rm_buf_adds(b, " (");
    ru_add_refs(b, p->columns, p->ncolumns);
    rm_buf_addc(b, ')');
}

void rule_index_redundant(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf x_text = RM_BUF_INIT, y_text = RM_BUF_INIT;
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        if (!ru_is_base_table(t))
            continue;
        size_t n;
        access_path *paths = access_paths(t, &n);
        for (size_t px = 0; px < n; px++) {
            const access_path *x = &paths[px], *y = NULL;
            for (size_t py = 0; py < n && !y; py++)
                if (py != px && redundant_with(x, px, &paths[py], py))
                    y = &paths[py];
            if (!y)
                continue;
            rm_buf_clear(&x_text);
            describe_path(&x_text, x, t->name);
            rm_buf_clear(&y_text);
            describe_path(&y_text, y, NULL);
            bool same = x->ncolumns == y->ncolumns;
            relmap_finding *f = rc_report(
                ctx, ru_span_or(x->span, t->span), t, x->columns[0].name,
                "%s is redundant: %s %s, which serves every lookup it does; drop it",
                rm_buf_cstr(&x_text),
                same ? "it has the same columns as" : "its columns are the leading columns of",
                rm_buf_cstr(&y_text));
            rc_related(ctx, f, ru_span_or(y->span, t->span), "%s", rm_buf_cstr(&y_text));
            /* SQLite's own indexes (for UNIQUE constraints) cannot be dropped. */
            if (x->kind == PATH_INDEX && x->name &&
                strncasecmp(x->name, "sqlite_autoindex_", 17) != 0) {
                rm_buf_clear(&x_text);
                ru_add_ident(&x_text, x->name);
                rc_fix(ctx, f, "DROP INDEX %s;", rm_buf_cstr(&x_text));
            }
        }
        free(paths);
    }
    rm_buf_free(&x_text);
    rm_buf_free(&y_text);
}

/* Reports one unique constraint or index whose columns may hold NULL. */
static void check_nullable_unique(rule_ctx *ctx, const relmap_table *t, const char *what,
                                  const char *name, const relmap_colref *refs, size_t n,
                                  relmap_span span)
{
    const relmap_key *pk = &t->primary_key;
    if (pk->ncolumns && pk->ncolumns == n) {
        /* The primary key's own columns are SQLITE003's business. */
        bool same = true;
        for (size_t i = 0; i < n && same; i++) {
            bool found = false;
            for (size_t k = 0; k < pk->ncolumns && !found; k++)
                found = pk->columns[k].column && pk->columns[k].column == refs[i].column;
            same = found;
        }
        if (same)
            return;
    }
    rm_buf cols = RM_BUF_INIT, all = RM_BUF_INIT;
    const relmap_colref *first = NULL;
    size_t nnull = 0;
    for (size_t i = 0; i < n; i++) {
        if (!refs[i].column || !refs[i].column->nullable)
            continue;
        rm_buf_printf(&cols, "%s%s", nnull++ ? ", " : "", refs[i].column->name);
        if (!first)
            first = &refs[i];
    }
    if (first) {
        ru_add_refs(&all, refs, n);
        rc_report(ctx, ru_span_or(span, t->span), t, first->column->name,
                  "%s%s%s on %s (%s) includes nullable column%s %s: NULL never equals NULL, "
                  "so any number of rows with NULL in %s pass it; declare %s NOT NULL if "
                  "%s required",
                  what, name ? " " : "", name ? name : "", t->name, rm_buf_cstr(&all),
                  nnull > 1 ? "s" : "", rm_buf_cstr(&cols), rm_buf_cstr(&cols), rm_buf_cstr(&cols),
                  nnull > 1 ? "they are" : "it is");
    }
    rm_buf_free(&cols);
    rm_buf_free(&all);
}

void rule_unique_nullable_columns(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        if (!ru_is_base_table(t))
            continue;
        for (size_t k = 0; k < t->nuniques; k++) {
            const relmap_key *u = &t->uniques[k];
            check_nullable_unique(ctx, t, "unique constraint", u->name, u->columns, u->ncolumns,
                                  u->span);
        }
        for (size_t k = 0; k < t->nindexes; k++) {
            const relmap_index *ix = &t->indexes[k];
            /* A partial index's WHERE often excludes the NULLs itself. */
            if (ix->unique && !ix->where)
                check_nullable_unique(ctx, t, "unique index", ix->name, ix->columns, ix->ncolumns,
                                      ix->span);
        }
    }
}
