/*
 * resolve.c - names to pointers, with hash tables throughout so that the
 * work is linear in the size of the model.
 */
#include "resolve.h"

#include <stdlib.h>
#include <strings.h>
#include <string.h>

#include "alloc.h"
#include "model_build.h"
#include "ptrmap.h"
#include "strmap.h"

static bool folds_case(const relmap_model *model)
{
    return model->dialect != RELMAP_DIALECT_POSTGRES;
}

bool rm_same_name(const relmap_model *model, const char *a, const char *b)
{
    return folds_case(model) ? strcasecmp(a, b) == 0 : strcmp(a, b) == 0;
}

/* The key a schema-qualified table is stored under as well: "schema\x1fname"
 * (a byte no identifier we keep contains in practice). */
static const char *qualified_key(relmap_model *model, const char *schema, const char *name)
{
    return rm_arena_printf(mb_arena(model), "%s\x1f%s", schema, name);
}

const relmap_table *rm_find_table(const relmap_model *model, const char *schema, const char *name)
{
    rm_strmap *map = model->internal->tables_by_name;
    if (!map || !name)
        return NULL;
    if (schema) {
        size_t slen = strlen(schema), nlen = strlen(name);
        char *key = rm_malloc(slen + nlen + 2);
        memcpy(key, schema, slen);
        key[slen] = '\x1f';
        memcpy(key + slen + 1, name, nlen + 1);
        const relmap_table *table = rm_strmap_get(map, key);
        free(key);
        if (table)
            return table;
        /* A table created without a schema is in the default one, which a
         * reference may name (public.users for CREATE TABLE users); a table
         * of another schema is not the one meant. */
        table = rm_strmap_get(map, name);
        return table && !table->schema ? table : NULL;
    }
    return rm_strmap_get(map, name);
}

static void index_tables(relmap_model *model)
{
    rm_strmap_free(model->internal->tables_by_name);
    rm_strmap *map = rm_strmap_new(folds_case(model));
    for (size_t i = 0; i < model->ntables; i++) {
        relmap_table *t = model->tables[i];
        /* The first definition wins; later duplicates are TAB002's business. */
        rm_strmap_put(map, t->name, t);
        if (t->schema)
            rm_strmap_put(map, qualified_key(model, t->schema, t->name), t);
    }
    model->internal->tables_by_name = map;
}

static rm_strmap *index_columns(const relmap_model *model, const relmap_table *table)
{
    rm_strmap *map = rm_strmap_new(folds_case(model));
    for (size_t i = 0; i < table->ncolumns; i++)
        rm_strmap_put(map, table->columns[i].name, &table->columns[i]);
    return map;
}

static void resolve_refs(relmap_colref *refs, size_t n, const rm_strmap *columns)
{
    for (size_t i = 0; i < n; i++)
        refs[i].column = refs[i].name ? rm_strmap_get(columns, refs[i].name) : NULL;
}

/* The target of a key that names no columns: the referenced table's
 * primary key, resolved by then. */
static void resolve_fk_target(relmap_model *model, relmap_fk *fk)
{
    const relmap_table *ref = fk->ref_table;
    fk->ntarget = fk->nref_columns ? fk->nref_columns : ref->primary_key.ncolumns;
    if (!fk->ntarget)
        return;
    const relmap_column **target = rm_arena_alloc(mb_arena(model), fk->ntarget * sizeof *target);
    for (size_t i = 0; i < fk->ntarget; i++)
        target[i] =
            fk->nref_columns ? fk->ref_columns[i].column : ref->primary_key.columns[i].column;
    fk->target = target;
}

/* A key that names the columns it references, with the position of the
 * referenced table. */
typedef struct ref_key {
    size_t ref_index;
    relmap_fk *fk;
} ref_key;

static int by_ref_index(const void *a, const void *b)
{
    size_t x = ((const ref_key *)a)->ref_index, y = ((const ref_key *)b)->ref_index;
    return x < y ? -1 : x > y;
}

/*
 * One column map is alive at a time (a map per table, all at once, was a
 * quarter of the peak memory of a large schema): first each table's own
 * keys, then the keys that name referenced columns, grouped by the table
 * they reference.
 */
void rm_resolve(relmap_model *model)
{
    index_tables(model);
    rm_ptrmap *positions = rm_ptrmap_new(model->ntables);
    size_t nref_keys = 0;
    for (size_t i = 0; i < model->ntables; i++) {
        rm_ptrmap_put(positions, model->tables[i], i);
        relmap_table *t = model->tables[i];
        rm_strmap *columns = index_columns(model, t);
        resolve_refs(t->primary_key.columns, t->primary_key.ncolumns, columns);
        for (size_t k = 0; k < t->nuniques; k++)
            resolve_refs(t->uniques[k].columns, t->uniques[k].ncolumns, columns);
        for (size_t k = 0; k < t->nindexes; k++)
            resolve_refs(t->indexes[k].columns, t->indexes[k].ncolumns, columns);
        for (size_t k = 0; k < t->nfks; k++) {
            resolve_refs(t->fks[k].columns, t->fks[k].ncolumns, columns);
            nref_keys += t->fks[k].nref_columns > 0;
        }
        rm_strmap_free(columns);
    }

    ref_key *ref_keys = rm_calloc(nref_keys ? nref_keys : 1, sizeof *ref_keys);
    size_t n = 0;
    for (size_t i = 0; i < model->ntables; i++) {
        relmap_table *t = model->tables[i];
        for (size_t k = 0; k < t->nfks; k++) {
            relmap_fk *fk = &t->fks[k];
            fk->ref_table = rm_find_table(model, fk->ref_schema, fk->ref_table_name);
            fk->target = NULL;
            fk->ntarget = 0;
            if (fk->ref_table && fk->nref_columns) {
                ref_keys[n].fk = fk;
                rm_ptrmap_get(positions, fk->ref_table, &ref_keys[n].ref_index);
                n++;
            }
        }
    }
    qsort(ref_keys, n, sizeof *ref_keys, by_ref_index);
    for (size_t a = 0; a < n;) {
        const relmap_table *ref = ref_keys[a].fk->ref_table;
        rm_strmap *columns = index_columns(model, ref);
        size_t b = a;
        for (; b < n && ref_keys[b].ref_index == ref_keys[a].ref_index; b++)
            resolve_refs(ref_keys[b].fk->ref_columns, ref_keys[b].fk->nref_columns, columns);
        rm_strmap_free(columns);
        a = b;
    }
    free(ref_keys);
    rm_ptrmap_free(positions);

    for (size_t i = 0; i < model->ntables; i++) {
        relmap_table *t = model->tables[i];
        for (size_t k = 0; k < t->nfks; k++)
            if (t->fks[k].ref_table)
                resolve_fk_target(model, &t->fks[k]);
    }
    rm_resolve_orm(model);
}
