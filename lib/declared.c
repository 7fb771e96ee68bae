/*
 * declared.c - declared relations become foreign keys (see declared.h).
 */
#include "declared.h"

#include <string.h>
#include <strings.h>

#include "error.h"
#include "model_build.h"
#include "source.h"

/* Resolve has not run yet, so tables are looked up by hand: the exact
 * name first, then one that differs in case only (SQLite and MySQL fold
 * case; a project file rarely cares). */
static relmap_table *find_table(relmap_model *model, const char *name)
{
    for (size_t i = 0; i < model->ntables; i++)
        if (strcmp(model->tables[i]->name, name) == 0)
            return model->tables[i];
    for (size_t i = 0; i < model->ntables; i++)
        if (strcasecmp(model->tables[i]->name, name) == 0)
            return model->tables[i];
    return NULL;
}

int rm_add_relations(relmap_model *model, const relmap_relations *relations)
{
    if (relations->count == 0)
        return 0;
    uint32_t source = mb_source(model, relations->path, relations->text, relations->len);
    for (size_t i = 0; i < relations->count; i++) {
        const relmap_relation *r = &relations->items[i];
        relmap_span span = mb_span(source, r->start, r->end);
        relmap_table *table = find_table(model, r->table);
        if (!table) {
            unsigned line, column;
            rm_source_position(&model->sources[source], r->start, &line, &column);
            return rm_error(RELMAP_EINVAL, "%s:%u:%u: relations: no table '%s' in the inputs",
                            relations->path, line, column, r->table);
        }
        relmap_fk *fk = mb_declared_fk(model, table, r->ref_table, span);
        for (size_t c = 0; c < r->ncolumns; c++)
            mb_fk_column(model, fk, r->columns[c], span);
        for (size_t c = 0; c < r->nref_columns; c++)
            mb_fk_ref_column(model, fk, r->ref_columns[c], span);
    }
    return 0;
}
