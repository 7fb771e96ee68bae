/*
 * rule_util.h - what several rules share: the state of a foreign key (so
 * that one broken key gets one finding), column sets and index coverage,
 * and the wording of messages (column lists, quoted identifiers).
 */
#ifndef RELMAP_RULE_UTIL_H
#define RELMAP_RULE_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "rule.h"

/* The arrow between a key's two sides in messages: "a(x) → b(y)". */
#define RU_ARROW "\xe2\x86\x92"

/*
 * What is wrong with a foreign key, first problem first. The FK rules use
 * this precedence so that one broken key is reported by one rule:
 * unknown table (FK001) > unknown column (FK002) > arity (FK004) >
 * target not unique (FK003); FK005 and the other rules only look at keys
 * that are FK_OK. UNRESOLVED is a key whose implied target (the parent's
 * primary key) names a column the parent lacks: TAB003's business, so no FK
 * rule says anything about it.
 */
typedef enum ru_fk_state {
    RU_FK_OK = 0,
    RU_FK_UNKNOWN_TABLE,
    RU_FK_UNKNOWN_COLUMN,
    RU_FK_ARITY,
    RU_FK_UNRESOLVED,
    RU_FK_NOT_UNIQUE
} ru_fk_state;

ru_fk_state ru_fk_state_of(const relmap_fk *fk);

/* Whether every local column of the key exists (its colrefs resolved). */
bool ru_fk_local_resolved(const relmap_fk *fk);

/* Whether `column` is one of the key's local columns. */
bool ru_fk_has_column(const relmap_fk *fk, const relmap_column *column);

/* A table whose rows the rules reason about: not a view, not virtual. */
bool ru_is_base_table(const relmap_table *table);

/* SQLite's own tables (sqlite_sequence, sqlite_stat1 ...). */
bool ru_is_internal_table(const relmap_table *table);

/*
 * Whether the colrefs hold exactly the set of columns in `cols` (order and
 * repetition ignored). False when any colref is an expression or
 * unresolved.
 */
bool ru_refs_equal_set(const relmap_colref *refs, size_t nrefs, const relmap_column *const *cols,
                       size_t ncols);

/*
 * Whether `table` has a primary key, unique constraint or non-partial unique
 * index whose columns are exactly the set `cols` (SQLite's rule for parent
 * keys, and uniqueness of a junction table's links).
 */
/* Whether an index finds rows by key equality, as a key lookup needs: not
 * partial, and a B-tree or hash index. */
bool ru_index_serves_lookups(const relmap_index *ix);

bool ru_has_unique_on(const relmap_table *table, const relmap_column *const *cols, size_t ncols);

/*
 * Whether the leading `ncols` elements of `refs` (nrefs of them) are plain
 * resolved columns forming exactly the set `cols`.
 */
bool ru_refs_lead_with(const relmap_colref *refs, size_t nrefs, const relmap_column *const *cols,
                       size_t ncols);

/* The key's local columns as an array of column pointers (malloc'd, caller
 * frees); NULL when the key has no columns. */
const relmap_column **ru_fk_local_columns(const relmap_fk *fk);

/* `a` when it points into a source, else `fallback`. */
relmap_span ru_span_or(relmap_span a, relmap_span fallback);

/* Compatible type families for key columns: equal, or (SQLite only)
 * INTEGER and NUMERIC affinity, which store integers identically. */
bool ru_families_compatible(relmap_dialect dialect, relmap_type_family a, relmap_type_family b);
/* "INTEGER", "TEXT" ... for messages. */
const char *ru_family_name(relmap_type_family family);

/* Appends an identifier, double-quoted when it is not a plain word. */
void ru_add_ident(rm_buf *b, const char *name);
/* Appends "a, b, c" (names as written; expressions as their text). */
/* A table's name as SQL to write in a fix: schema-qualified, and quoted
 * where the table's dialect needs it. */
void ru_add_table_name(rm_buf *b, const relmap_table *table);
/* The same for one of the table's columns. */
void ru_add_column_name(rm_buf *b, const relmap_table *table, const char *column);
void ru_add_refs(rm_buf *b, const relmap_colref *refs, size_t n);
/* Appends the names of resolved columns "a, b". */
void ru_add_columns(rm_buf *b, const relmap_column *const *cols, size_t n);
/* Appends "orders.customer_id" (one column) or "orders(a, b)". */
void ru_add_fk_local(rm_buf *b, const relmap_table *table, const relmap_fk *fk);
/* Appends "customers(id)": the referenced table and its target columns
 * (the primary key's names when the key names none). */
void ru_add_fk_target(rm_buf *b, const relmap_fk *fk);
/* Appends "orders.customer_id → customers(id)" (or the composite form). */
void ru_add_fk(rm_buf *b, const relmap_table *table, const relmap_fk *fk);

#endif
