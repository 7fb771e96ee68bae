/*
 * junction.h - what makes a table a junction (association) table, shared
 * by JT001-JT004 and TAB001 (which leaves junction tables to JT001).
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

/*
 * Whether `table` is a junction table: used as a relationship's
 * secondary table with two foreign keys on distinct, existing columns
 * (whatever else it holds: JT004 reports its other columns), or shaped like
 * one (ru_is_junction) and not the table of a mapped class (which makes it
 * an entity or association object with an identity of its own).
 */
bool ru_is_junction_table(const relmap_table *table);

#endif
