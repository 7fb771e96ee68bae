/*
 * types.h - the family of a declared column type, per SQL dialect.
 *
 * Readers of every dialect call rm_type_family so that FK005 compares
 * like with like: for SQLite the family is the column's affinity, decided
 * by the rules of https://sqlite.org/datatype3.html section 3.1; for the
 * other dialects it is the broad kind of the type's base name.
 */
#ifndef RELMAP_TYPES_H
#define RELMAP_TYPES_H

#include <stddef.h>

#include "relmap/model.h"

/*
 * The family of the declared type `type` (`len` bytes, not necessarily
 * NUL-terminated) in `dialect`. An empty or all-blank type is
 * RELMAP_TYPE_UNKNOWN in every dialect (SQLite gives such columns BLOB
 * affinity, but "no declared type" is what rules want to know).
 */
relmap_type_family rm_type_family(relmap_dialect dialect, const char *type, size_t len);

/* SQLite's column affinity of a declared type; "" gives UNKNOWN. */
relmap_type_family rm_sqlite_affinity(const char *type, size_t len);

#endif
