/*
 * junction.h - what makes a table a junction (association) table, shared
 * by JT001-JT003 and TAB001 (which leaves junction tables to JT001).
 */
#ifndef RELMAP_RULES_JUNCTION_H
#define RELMAP_RULES_JUNCTION_H

#include <stdbool.h>

#include "relmap/model.h"

/*
 * Whether `table` is shaped like a junction table: a base table with
 * exactly two foreign keys (each may be composite) whose local columns all
 * exist, and no other columns than those keys' columns, at most one
 * surrogate id (a single-column primary key outside the keys) and
 * timestamp-like columns (created_at, updated_at ..., or a DATE/TIME type).
 */
bool ru_is_junction(const relmap_table *table);

#endif
