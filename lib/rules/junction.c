/*
 * junction.c - the junction-table shape (junction.h) and the rules about
 * junction tables: JT001-JT004. A table is a junction table by its shape,
 * or because a relationship uses it as its secondary= table.
 */
#include "junction.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "rule_util.h"

/* Bookkeeping columns that do not make a link an entity of its own. */
static bool timestamp_like(const relmap_column *c)
{
    static const char *const names[] = {
        "created_at", "updated_at", "created",      "modified",      "created_on",
        "updated_on", "updated",    "inserted_at",  "modified_at",   "timestamp",
        "date_added", "added_at",   "date_created", "date_modified", "linked_at",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(c->name, names[i]) == 0)
            return true;
    if (c->family == RELMAP_TYPE_DATETIME)
        return true;
    /* SQLite gives DATETIME columns NUMERIC affinity: look at the type. */
    for (const char *p = c->type; p && *p; p++)
        if (strncasecmp(p, "DATE", 4) == 0 || strncasecmp(p, "TIME", 4) == 0)
            return true;
    return false;
}

bool ru_is_junction(const relmap_table *table)
{
    if (!ru_is_base_table(table) || table->nfks != 2)
        return false;
    const relmap_fk *a = &table->fks[0], *b = &table->fks[1];
    if (!ru_fk_local_resolved(a) || !ru_fk_local_resolved(b))
        return false;
    /* A link joins two different columns; two keys on one column (a
     * repeated key, FK009's business) link nothing. */
    for (size_t i = 0; i < b->ncolumns; i++)
        if (ru_fk_has_column(a, b->columns[i].column))
            return false;
    const relmap_column *surrogate = NULL;
    if (table->primary_key.ncolumns == 1)
        surrogate = table->primary_key.columns[0].column;
    bool surrogate_used = false;
    for (size_t i = 0; i < table->ncolumns; i++) {
        const relmap_column *c = &table->columns[i];
        if (ru_fk_has_column(a, c) || ru_fk_has_column(b, c))
            continue;
        if (c == surrogate && !surrogate_used) {
            surrogate_used = true;
            continue;
        }
        /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference): c points into columns[ncolumns] */
        if (c->hidden || timestamp_like(c))
            continue;
        return false;
    }
    return true;
}

/* Two keys on existing, distinct columns: what a link needs. */
static bool two_link_keys(const relmap_table *table)
{
    if (!ru_is_base_table(table) || table->nfks != 2)
        return false;
    const relmap_fk *a = &table->fks[0], *b = &table->fks[1];
    if (!ru_fk_local_resolved(a) || !ru_fk_local_resolved(b))
        return false;
    for (size_t i = 0; i < b->ncolumns; i++)
        if (ru_fk_has_column(a, b->columns[i].column))
            return false;
    return true;
}

bool ru_is_junction_table(const relmap_table *table)
{
    if (table->is_secondary)
        return two_link_keys(table);
    /* A table a class maps is an entity (an association object at most,
     * whose identity is its own primary key), not a bare list of links. */
    return ru_is_junction(table) && !table->mapped_by;
}

/* The union of both keys' local columns (malloc'd; caller frees). */
static const relmap_column **link_columns(const relmap_table *t, size_t *n)
{
    const relmap_fk *a = &t->fks[0], *b = &t->fks[1];
    const relmap_column **cols = rm_malloc((a->ncolumns + b->ncolumns) * sizeof *cols);
    size_t count = 0;
    for (size_t i = 0; i < a->ncolumns; i++)
        cols[count++] = a->columns[i].column;
    for (size_t i = 0; i < b->ncolumns; i++)
        if (!ru_fk_has_column(a, b->columns[i].column))
            cols[count++] = b->columns[i].column;
    *n = count;
    return cols;
}

void rule_junction_no_unique(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf cols = RM_BUF_INIT, fix = RM_BUF_INIT;
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        if (!ru_is_junction_table(t))
            continue;
        size_t n;
        const relmap_column **link = link_columns(t, &n);
        if (!ru_has_unique_on(t, link, n)) {
            rm_buf_clear(&cols);
            ru_add_columns(&cols, link, n);
            relmap_finding *f = rc_report(
                ctx, t->span, t, link[0]->name,
                "junction table %s has no primary key or unique constraint on (%s)%s: the same "
                "link can be stored twice and joins return it twice; declare PRIMARY KEY (%s)",
                t->name, rm_buf_cstr(&cols),
                t->primary_key.ncolumns ? " (its surrogate primary key does not stop duplicates)"
                                        : "",
                rm_buf_cstr(&cols));
            rm_buf_clear(&fix);
            rm_buf_printf(&fix, "ux_%s", t->name);
            for (size_t c = 0; c < n; c++)
                rm_buf_printf(&fix, "_%s", link[c]->name);
            char *name = rm_strdup(rm_buf_cstr(&fix));
            rm_buf_clear(&fix);
            rm_buf_adds(&fix, "CREATE UNIQUE INDEX ");
            ru_add_ident(&fix, name);
            free(name);
            rm_buf_adds(&fix, " ON ");
            ru_add_table_name(&fix, t);
            rm_buf_adds(&fix, " (");
            for (size_t c = 0; c < n; c++) {
                if (c)
                    rm_buf_adds(&fix, ", ");
                ru_add_column_name(&fix, t, link[c]->name);
            }
            rm_buf_adds(&fix, ");");
            rc_fix(ctx, f, "%s", rm_buf_cstr(&fix));
        }
        free(link);
    }
    rm_buf_free(&cols);
    rm_buf_free(&fix);
}

void rule_junction_nullable_fk(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf cols = RM_BUF_INIT;
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        if (!ru_is_junction_table(t))
            continue;
        size_t n;
        const relmap_column **link = link_columns(t, &n);
        const relmap_column *first = NULL;
        size_t nnull = 0;
        rm_buf_clear(&cols);
        for (size_t c = 0; c < n; c++) {
            if (!link[c]->nullable)
                continue;
            rm_buf_printf(&cols, "%s%s", nnull++ ? ", " : "", link[c]->name);
            if (!first)
                first = link[c];
        }
        if (first)
            rc_report(ctx, ru_span_or(first->span, t->span), t, first->name,
                      "junction table %s allows NULL in %s: a link with NULL links nothing, is "
                      "never a duplicate and is not checked by its key; declare %s NOT NULL",
                      t->name, rm_buf_cstr(&cols), rm_buf_cstr(&cols));
        free(link);
    }
    rm_buf_free(&cols);
}

void rule_junction_no_cascade(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf keys = RM_BUF_INIT;
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        if (!ru_is_junction_table(t))
            continue;
        const relmap_fk *lacking[2];
        size_t nlacking = 0;
        for (size_t k = 0; k < 2; k++)
            if (t->fks[k].on_delete != RELMAP_ACTION_CASCADE)
                lacking[nlacking++] = &t->fks[k];
        if (!nlacking)
            continue;
        rm_buf_clear(&keys);
        for (size_t k = 0; k < nlacking; k++) {
            if (k)
                rm_buf_adds(&keys, " and ");
            ru_add_fk(&keys, t, lacking[k]);
        }
        relmap_finding *f = rc_report(
            ctx, ru_span_or(lacking[0]->span, t->span), t, lacking[0]->columns[0].name,
            "junction table %s: %s %s no ON DELETE CASCADE, so deleting a parent row with plain "
            "SQL fails (or leaves dangling links where keys are not enforced); add ON DELETE "
            "CASCADE",
            t->name, rm_buf_cstr(&keys), nlacking > 1 ? "have" : "has");
        if (nlacking > 1) {
            rm_buf_clear(&keys);
            ru_add_fk(&keys, t, lacking[1]);
            rc_related(ctx, f, ru_span_or(lacking[1]->span, t->span), "%s", rm_buf_cstr(&keys));
        }
    }
    rm_buf_free(&keys);
}

/* Whether `c` is filled without the ORM writing it: a single-column
 * integer primary key outside the keys (the database numbers it). */
static bool surrogate_key(const relmap_table *t, const relmap_column *c)
{
    return t->primary_key.ncolumns == 1 && t->primary_key.columns[0].column == c &&
           c->family == RELMAP_TYPE_INTEGER;
}

/* Whether a relationship that SQLAlchemy configures uses `t` as secondary
 * (one that fails is reported by its own rule; its columns prove nothing). */
static bool secondary_of_resolved(const relmap_model *model, const relmap_table *t)
{
    for (size_t i = 0; i < model->nclasses; i++) {
        const relmap_class *cls = model->classes[i];
        for (size_t k = 0; !cls->mixin && !cls->abstract && k < cls->nrelationships; k++)
            if (cls->relationships[k].secondary == t && !cls->relationships[k].unresolved)
                return true;
    }
    return false;
}

void rule_junction_extra_columns(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf cols = RM_BUF_INIT;
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        if (!t->is_secondary || !ru_is_base_table(t) || !secondary_of_resolved(model, t))
            continue;
        const relmap_column *first = NULL, *required = NULL;
        size_t nextra = 0;
        rm_buf_clear(&cols);
        for (size_t c = 0; c < t->ncolumns; c++) {
            const relmap_column *col = &t->columns[c];
            bool keyed = false;
            for (size_t k = 0; k < t->nfks && !keyed; k++)
                keyed = ru_fk_has_column(&t->fks[k], col);
            if (keyed || col->hidden || surrogate_key(t, col))
                continue;
            rm_buf_printf(&cols, "%s%s", nextra++ ? ", " : "", col->name);
            if (!first)
                first = col;
            if (!col->nullable && !col->default_value)
                required = col;
        }
        if (!first)
            continue;
        relmap_finding *f = rc_report(
            ctx, ru_span_or(first->span, t->span), t, first->name,
            "%s is used as secondary= but has %s %s beyond its keys: the relationship writes "
            "only the keys of each link, so %s always %s %s default (or NULL) and cannot be "
            "read through it%s%s%s; map %s as an association class with a relationship to "
            "each side",
            t->name, nextra > 1 ? "columns" : "a column", rm_buf_cstr(&cols),
            nextra > 1 ? "they" : "it", nextra > 1 ? "get" : "gets", nextra > 1 ? "their" : "its",
            required ? " (" : "", required ? required->name : "",
            required ? " is NOT NULL without a default: adding a link fails)" : "", t->name);
        for (size_t c = 0; c < model->nclasses; c++) {
            const relmap_class *cls = model->classes[c];
            for (size_t k = 0; !cls->mixin && !cls->abstract && k < cls->nrelationships; k++) {
                const relmap_relationship *r = &cls->relationships[k];
                if (r->secondary == t && !r->from_backref)
                    rc_related(ctx, f, r->span, "%s.%s uses %s as secondary=", cls->name, r->name,
                               t->name);
            }
        }
    }
    rm_buf_free(&cols);
}
