/*
 * declared.h - relations declared in the project file, added to a model
 * as foreign keys before it is resolved.
 */
#ifndef RELMAP_DECLARED_H
#define RELMAP_DECLARED_H

#include "relmap/load.h"

/* Adds the relations (their file becomes a source of the model). Returns
 * 0, or RELMAP_EINVAL naming file and line when a relation's table is not
 * in the model. */
int rm_add_relations(relmap_model *model, const relmap_relations *relations);

#endif
