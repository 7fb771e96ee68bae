/*
 * constraint_columns.c - TAB003: a primary key, unique constraint or index
 * that names a column its table does not have.
 *
 * Resolve leaves such a colref's `column` NULL. Expression elements of an
 * index (name NULL) are not columns and are not checked. One finding per
 * constraint, naming every missing column, with the nearest existing name
 * as a suggestion when one is close.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "rule_util.h"

/* Whether the table was read from a model file (SQLAlchemy raises) rather
 * than from SQL (the database refuses the statement). */
static bool from_model_file(const relmap_model *model, const relmap_table *t)
{
    if (t->span.source >= model->nsources)
        return false;
    const char *path = model->sources[t->span.source].path;
    size_t n = path ? strlen(path) : 0;
    return n > 3 && strcmp(path + n - 3, ".py") == 0;
}

/* Edit distance of two short names, case-insensitive; SIZE_MAX past 64. */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return (size_t)-1;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            bool same = (a[i - 1] | 0x20) == (b[j - 1] | 0x20);
            size_t best = diag + (same ? 0 : 1);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

/* The table's column nearest to `name` (at most 2 edits, and fewer than
 * half its length), or NULL. */
static const char *nearest_column(const relmap_table *t, const char *name)
{
    const char *best = NULL;
    size_t best_d = 3;
    for (size_t i = 0; i < t->ncolumns; i++) {
        size_t d = distance(name, t->columns[i].name);
        if (d < best_d && d * 2 < strlen(name)) {
            best = t->columns[i].name;
            best_d = d;
        }
    }
    return best;
}

static void check_refs(rule_ctx *ctx, const relmap_table *t, const char *what,
                       const relmap_colref *refs, size_t n, relmap_span span)
{
    const relmap_colref *first = NULL;
    rm_buf missing = RM_BUF_INIT, cols = RM_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (!refs[i].name || refs[i].column)
            continue;
        if (!first)
            first = &refs[i];
        rm_buf_printf(&missing, "%s'%s'", missing.len ? ", " : "", refs[i].name);
        const char *near = nearest_column(t, refs[i].name);
        if (near)
            rm_buf_printf(&missing, " (did you mean '%s'?)", near);
    }
    if (!first) {
        rm_buf_free(&missing);
        rm_buf_free(&cols);
        return;
    }
    for (size_t i = 0; i < t->ncolumns && i < 12; i++)
        rm_buf_printf(&cols, "%s%s", i ? ", " : "", t->columns[i].name);
    if (t->ncolumns > 12)
        rm_buf_adds(&cols, ", ...");
    bool model_file = from_model_file(rc_model(ctx), t);
    relmap_finding *f = rc_report(
        ctx, ru_span_or(first->span, ru_span_or(span, t->span)), t, first->name,
        "%s of %s names %s, %s %s (its columns: %s): %s; name columns that exist", what, t->name,
        rm_buf_cstr(&missing),
        strchr(rm_buf_cstr(&missing), ',') ? "which are not columns of"
                                           : "which is not a column of",
        t->name, cols.len ? rm_buf_cstr(&cols) : "none",
        model_file ? "SQLAlchemy raises when the class or table is defined"
                   : "the database refuses the statement, so this schema was never run as "
                     "written");
    rc_related(ctx, f, t->span, "%s is defined here", t->name);
    rm_buf_free(&missing);
    rm_buf_free(&cols);
}

void rule_constraint_unknown_column(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf what = RM_BUF_INIT;
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        check_refs(ctx, t, "The primary key", t->primary_key.columns, t->primary_key.ncolumns,
                   t->primary_key.span);
        for (size_t k = 0; k < t->nuniques; k++) {
            const relmap_key *u = &t->uniques[k];
            rm_buf_clear(&what);
            if (u->name)
                rm_buf_printf(&what, "Unique constraint %s", u->name);
            else
                rm_buf_adds(&what, "A unique constraint");
            check_refs(ctx, t, rm_buf_cstr(&what), u->columns, u->ncolumns, u->span);
        }
        for (size_t k = 0; k < t->nindexes; k++) {
            const relmap_index *ix = &t->indexes[k];
            rm_buf_clear(&what);
            rm_buf_printf(&what, "%s %s", ix->unique ? "Unique index" : "Index",
                          ix->name ? ix->name : "(unnamed)");
            check_refs(ctx, t, rm_buf_cstr(&what), ix->columns, ix->ncolumns, ix->span);
        }
    }
    rm_buf_free(&what);
}
