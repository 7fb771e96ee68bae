/*
 * oracle_json.h - what the database oracles compare: a small JSON reader,
 * and the schema of a `relmap dump`-shaped document (DESIGN.md §4) as a
 * list of normalised one-line facts.
 *
 * Both sides - relmap's dump and a server's catalog (tests/pg/catalog.sql) -
 * go through the same code, so a difference in the facts is a difference in
 * the schemas, not in how they were written. Normalisation, and why:
 *   - only tables of kind "table"; views have no columns relmap could know
 *   - names fold to lower case: the dump keeps names as written, the
 *     catalog as stored (PostgreSQL folds unquoted names). oj_exact_names()
 *     checks quoted mixed-case names separately
 *   - a null schema or ref_schema is "public", where PostgreSQL puts it
 *   - types by of_type_norm(): int4, serial, varchar, timestamptz ... become
 *     the words format_type() and pg_dump write
 *   - a null action is "NO ACTION", the default the catalog records
 *   - an index element that is not a plain column name is `expr`; a WHERE
 *     clause is `partial`: the server deparses both its own way
 *   - what one side does not know is a wildcard `*` that matches anything:
 *     a null FK or index name, empty ref_columns, a missing field
 */
#ifndef RELMAP_ORACLE_JSON_H
#define RELMAP_ORACLE_JSON_H

#include <stdbool.h>
#include <stddef.h>

typedef enum oj_kind { OJ_NULL, OJ_BOOL, OJ_NUMBER, OJ_STRING, OJ_ARRAY, OJ_OBJECT } oj_kind;

/* A JSON value; numbers keep their text. Arrays and objects hold n items
 * (objects also n keys). */
typedef struct oj_value {
    oj_kind kind;
    bool boolean;
    char *text;
    size_t n;
    struct oj_value *items;
    char **keys;
} oj_value;

/* Parses a whole document. NULL on error, with a malloc'd reason naming the
 * byte offset in *error (when error is not NULL). Free with oj_free. */
oj_value *oj_parse(const char *text, char **error);
void oj_free(oj_value *v);
/* The member `key` of an object, or NULL (also when v is not an object). */
const oj_value *oj_get(const oj_value *v, const char *key);

/* Sorted, normalised facts of a dump-shaped document, one per line. */
typedef struct of_facts {
    char **lines;
    size_t n;
} of_facts;

/* Facts of `doc`; 0, or -1 when it is not shaped like a dump. */
int of_facts_from(of_facts *out, const oj_value *doc);
void of_facts_free(of_facts *f);

/*
 * Compares facts: every line of `expected` must match one line of
 * `actual` and back, where `*` in either matches one whole token (a quoted
 * name or a parenthesised list). Appends a report of what is missing and
 * what is extra to *report (malloc'd, "" when equal). Returns the number of
 * unmatched lines.
 */
size_t of_compare(const of_facts *expected, const of_facts *actual, char **report);

/* The names (tables, columns) of `expected` that hold upper-case letters
 * and so were quoted, which `actual` does not hold verbatim; appended to
 * *report like of_compare. Returns how many. */
size_t oj_exact_names(const oj_value *expected, const oj_value *actual, char **report);

/* A type as format_type() writes it; out has room for cap bytes. */
void of_type_norm(const char *type, char *out, size_t cap);

#endif
