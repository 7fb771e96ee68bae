/*
 * load_limits.h - the sizes a model read from one input may have: how
 * many tables, how many columns in a table, how long a name. Internal to
 * lib/. docs/limits.md lists them with the other limits.
 */
#ifndef RELMAP_LOAD_LIMITS_H
#define RELMAP_LOAD_LIMITS_H

#include <stddef.h>

#include "relmap/model.h"

/* Ten times the largest schemas known (ERP systems, ~100,000 tables):
 * every rule and renderer stays linear-ish below it. */
#define RM_MAX_TABLES 1000000
/* SQLite's own hard ceiling (SQLITE_MAX_COLUMN at most 32,767); PostgreSQL
 * allows 1,600 and MySQL 4,096. */
#define RM_MAX_COLUMNS 32767
/* Bytes in a table, schema, column, class or relationship name. Servers
 * allow 63 or 64; a name is repeated in every finding about it, so a
 * longer one only multiplies the output. */
#define RM_MAX_NAME 1024

/*
 * Checks what the input `path` added to `model` (the tables from
 * `first_table` on, the classes from `first_class` on). Returns 0, or
 * RELMAP_ELIMIT with an error naming the file, the position and the limit.
 */
int rm_check_limits(const relmap_model *model, const char *path, size_t first_table,
                    size_t first_class);

#endif
