/*
 * resolve.h - one pass after all readers: names to pointers.
 *
 * Resolve matches names the way the model's dialect does (SQLite and MySQL
 * case-insensitively; PostgreSQL readers fold unquoted names themselves, so
 * names compare exactly), fills in every relmap_colref.column, each key's
 * ref_table and target, and the table index relmap_model_find_table uses.
 * Unresolvable names are left NULL: rules turn them into findings.
 */
#ifndef RELMAP_RESOLVE_H
#define RELMAP_RESOLVE_H

#include <stdbool.h>

#include "relmap/model.h"

void rm_resolve(relmap_model *model);

/* A table by (optional) schema and name, after rm_resolve. */
const relmap_table *rm_find_table(const relmap_model *model, const char *schema, const char *name);

/* The ORM part of rm_resolve (resolve_orm.c): classes, relationships. */
void rm_resolve_orm(relmap_model *model);

/* A class by bare or module-qualified name, after rm_resolve. */
const relmap_class *rm_find_class(const relmap_model *model, const char *name);

/* Whether two identifiers are the same name in the model's dialect. */
bool rm_same_name(const relmap_model *model, const char *a, const char *b);

#endif
