/*
 * ddl_parse.h - the SQL DDL parser's shared state and its token cursor.
 *
 * One parser reads one .sql file in one dialect. The text is cut into
 * statements (ddl_parse_stmt.c: terminators, DELIMITER, COPY data, psql
 * meta-commands, trigger bodies); each statement's significant tokens are
 * kept in `toks`, ending with a DDL_TK_EOF token at the terminator, and a
 * statement parser walks them with the cursor below. Modelled statements
 * are CREATE TABLE (ddl_parse_table.c) and ALTER TABLE, CREATE INDEX,
 * CREATE VIEW, COMMENT ON, CREATE SCHEMA, SET search_path, PRAGMA
 * (ddl_parse_other.c); the rest is skipped whole.
 *
 * Nothing here recurses: parenthesised groups are stepped over with a
 * depth counter, so no input can exhaust the stack.
 */
#ifndef RELMAP_DDL_PARSE_H
#define RELMAP_DDL_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "ddl_lex.h"
#include "model_build.h"
#include "relmap/load.h"
#include "strmap.h"

typedef struct ddl_parser {
    relmap_model *model;
    const relmap_load_opts *opts;
    const char *path;
    uint32_t src;     /* the file's source in the model */
    const char *text; /* the model's copy of the file */
    size_t len;
    relmap_dialect dialect;
    ddl_lexer lx;

    /* The statement being parsed: significant tokens, then one EOF token
     * at the terminator. `i` is the cursor. */
    ddl_token *toks;
    size_t ntoks, cap;
    size_t i;
    size_t nstatements;

    /* The statement terminator: ";" or what MySQL's DELIMITER set. */
    char delimiter[16];
    size_t delimiter_len;
    /* PostgreSQL: COPY ... FROM stdin was read; its data lines follow. */
    bool copy_data;

    /* A syntax error was recorded for this statement (only the first). */
    bool failed;
    /* Scratch for one statement: names and lists before the builder. */
    rm_arena *tmp;
    /* Tables by name, and by "schema\x1fname", for ALTER and INDEX. */
    rm_strmap *tables;
    /* The first schema of SET search_path, for unqualified names. */
    const char *default_schema;
    /* SQLite: the table being created has "PRIMARY KEY DESC" on a column
     * (which keeps an INTEGER column from being the rowid alias). */
    bool pk_desc;
} ddl_parser;

/* A name as the dialect stores it (quotes removed; PostgreSQL folds
 * unquoted names to lower case), and where it is written. */
typedef struct ddl_name {
    const char *schema; /* NULL when not written */
    const char *name;   /* NULL: no name there */
    relmap_span span;   /* the last part */
} ddl_name;

/* ---- the cursor (ddl_parse.c) ------------------------------------------ */

/* The token `ahead` places after the current one (the EOF token past the end). */
const ddl_token *ddl_peek(const ddl_parser *p, size_t ahead);
/* The current token; steps past it unless it is the end. */
const ddl_token *ddl_advance(ddl_parser *p);
bool ddl_at_end(const ddl_parser *p);
/* Whether the token `ahead` is the bare word `word` (any case; keywords
 * and identifiers alike). */
bool ddl_at_word(const ddl_parser *p, size_t ahead, const char *word);
/* Consumes the word if it is next. */
bool ddl_accept_word(ddl_parser *p, const char *word);
/* Consumes a sequence of words ("IF NOT EXISTS") if all of them are next. */
bool ddl_accept_words(ddl_parser *p, const char *const *words, size_t n);
bool ddl_at_punct(const ddl_parser *p, size_t ahead, const char *punct);
bool ddl_accept_punct(ddl_parser *p, const char *punct);
/* The end offset of the last token consumed (the statement's start before any). */
size_t ddl_last_end(const ddl_parser *p);
/* Steps over one token, or a whole parenthesised group. */
void ddl_skip_one(ddl_parser *p);
/* Steps to the next "," or ")" at this depth, or the end. */
void ddl_skip_to_item_end(ddl_parser *p);
/* The span of bytes [start, end) in the file. */
relmap_span ddl_span(const ddl_parser *p, size_t start, size_t end);
relmap_span ddl_token_span(const ddl_parser *p, const ddl_token *tok);
/* `len` bytes of the file at `start`, copied into the scratch arena. */
const char *ddl_text(ddl_parser *p, size_t start, size_t end);

/* Whether the current token can be a name in the dialect. */
bool ddl_at_name(const ddl_parser *p);
/* A name (one part); NULL when the current token is not one. */
const char *ddl_take_name(ddl_parser *p, relmap_span *span);
/* [schema.]name (a third part, database.schema.name, keeps the last two). */
ddl_name ddl_take_qualified(ddl_parser *p);
/* "( name [COLLATE x] [ASC|DESC] [(len)], ... )" into names and spans;
 * false (with a syntax error) when it is not there. */
bool ddl_name_list(ddl_parser *p, const char ***names, relmap_span **spans, size_t *n);

/*
 * Records SYNTAX001 at the current token: "expected WHAT, found X". Only
 * the first error of a statement is kept; returns false for `return
 * ddl_expected(...)`.
 */
bool ddl_expected(ddl_parser *p, const char *what);

/* The table named `name` in `schema` (NULL: the default schema, then any). */
relmap_table *ddl_find_table(ddl_parser *p, const char *schema, const char *name);
/* Registers a new table for ddl_find_table. */
void ddl_remember_table(ddl_parser *p, relmap_table *t);
/* The schema of an unqualified new object: the search_path's first, or NULL. */
const char *ddl_schema_or_default(const ddl_parser *p, const char *schema);

/* ---- statements --------------------------------------------------------- */

/* read_ddl.c: what follows from the whole text for the tables from
 * `first_table` on: primary key positions, NOT NULL on PostgreSQL's and
 * MySQL's key columns (keys may be added by ALTER), MySQL's implicit
 * foreign-key indexes, SQLite's spelling of column names in keys. */
void ddl_finish(ddl_parser *p, size_t first_table);

/* ddl_parse_stmt.c: reads the next statement into `toks`; false at the end
 * of the text. */
bool ddl_next_statement(ddl_parser *p);
/* ddl_parse_stmt.c: parses the statement in `toks` if it is one relmap
 * models, and ignores it otherwise. */
void ddl_statement(ddl_parser *p);

/* ddl_parse_table.c: CREATE ... TABLE, with the cursor after TABLE. */
void ddl_create_table(ddl_parser *p, bool temporary, bool virtual_table);
/* ddl_parse_table.c: one column definition (CREATE TABLE, ADD COLUMN). */
bool ddl_column_def(ddl_parser *p, relmap_table *t);
/* ddl_parse_table.c: one table constraint, at CONSTRAINT, PRIMARY, UNIQUE,
 * FOREIGN, CHECK, or MySQL's KEY/INDEX/FULLTEXT/SPATIAL. */
bool ddl_table_constraint(ddl_parser *p, relmap_table *t);
bool ddl_at_table_constraint(const ddl_parser *p);
/* ddl_parse_table.c: "( element, ... )" of an index, columns or
 * expressions, into `index`. */
bool ddl_index_elements(ddl_parser *p, relmap_index *index);
/* ddl_parse_table.c: the text of a parenthesised group's inside, at "(". */
const char *ddl_group_inside(ddl_parser *p);

/* ddl_parse_other.c */
void ddl_alter_table(ddl_parser *p);
void ddl_create_index(ddl_parser *p, bool unique);
void ddl_create_view(ddl_parser *p);
void ddl_create_schema(ddl_parser *p);
void ddl_comment_on(ddl_parser *p);
void ddl_set(ddl_parser *p);
void ddl_pragma(ddl_parser *p);

#endif
