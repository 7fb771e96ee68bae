/*
 * sqlite_locate.h - where the parts of a stored CREATE TABLE or CREATE
 * INDEX statement are, and the facts SQLite's pragmas do not give.
 *
 * The SQLite reader takes the schema itself from SQLite (the pragmas are
 * the truth); these walkers only find the text behind each part, so that
 * spans point at it, plus constraint names, DEFERRABLE clauses,
 * AUTOINCREMENT, CHECK expressions and which actions were written. They
 * never fail: odd text (a schema edited with writable_schema, say) just
 * yields fewer parts, and the reader falls back to the table's span.
 */
#ifndef RELMAP_SQLITE_LOCATE_H
#define RELMAP_SQLITE_LOCATE_H

#include <stdbool.h>
#include <stddef.h>

#include "relmap/model.h"
#include "arena.h"

/* Bytes [start, end) of the statement; empty (start == end) when absent. */
typedef struct sl_range {
    size_t start;
    size_t end;
} sl_range;

/* A name as SQLite sees it (quotes removed) and where it is written. */
typedef struct sl_name {
    const char *name; /* NULL when absent */
    sl_range span;
} sl_name;

typedef enum sl_kind { SL_PRIMARY_KEY, SL_UNIQUE, SL_CHECK, SL_FOREIGN_KEY } sl_kind;

typedef struct sl_constraint {
    sl_kind kind;
    /* The column it is written on (index into sl_table.columns), or -1 for
     * a table constraint. */
    long column;
    const char *name; /* CONSTRAINT name, or NULL */
    sl_range span;    /* from CONSTRAINT (or the first keyword) to its end */
    /* The local columns: the list of a table constraint, or the column a
     * column constraint is written on. */
    sl_name *columns;
    size_t ncolumns;
    bool autoincrement; /* PRIMARY KEY ... AUTOINCREMENT */
    sl_range expr;      /* CHECK: the expression inside the parentheses */
    /* FOREIGN KEY / REFERENCES */
    sl_name ref_table;
    sl_name *ref_columns;
    size_t nref_columns;
    sl_range on_delete; /* the action's words as written, e.g. "SET NULL" */
    sl_range on_update;
    sl_range match; /* the word after MATCH */
    relmap_deferrable deferrable;
} sl_constraint;

typedef struct sl_column {
    sl_name name;
    sl_range span; /* the whole definition: name, type and constraints */
} sl_column;

typedef struct sl_table {
    sl_name name;
    sl_column *columns;
    size_t ncolumns;
    /* In the order written; column constraints where their column is. */
    sl_constraint *constraints;
    size_t nconstraints;
} sl_table;

/*
 * Walks one CREATE [VIRTUAL] TABLE or CREATE VIEW statement. Names and
 * arrays are allocated in `arena`. Always fills `out` (zeroed first) with
 * what it found; returns false when the text did not have the expected
 * shape, so that some parts may be missing.
 */
bool sl_locate_table(rm_arena *arena, const char *sql, size_t len, sl_table *out);

typedef struct sl_index_element {
    sl_range span; /* the whole element as written */
    sl_range expr; /* the same without a trailing COLLATE name and ASC/DESC */
} sl_index_element;

typedef struct sl_index {
    sl_name name;
    sl_range span; /* the whole statement */
    sl_index_element *elements;
    size_t nelements;
    sl_range where; /* the predicate of a partial index, or empty */
} sl_index;

/* Walks one CREATE [UNIQUE] INDEX statement, as sl_locate_table does. */
bool sl_locate_index(rm_arena *arena, const char *sql, size_t len, sl_index *out);

#endif
