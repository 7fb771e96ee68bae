/*
 * sqlite_reader.h - what the parts of the SQLite reader share: the state
 * of one read, and the messages (sqlite_open.c opens the database safely,
 * read_sqlite.c reads the schema, sqlite_data.c checks the data).
 */
#ifndef RELMAP_SQLITE_READER_H
#define RELMAP_SQLITE_READER_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "relmap/load.h"
#include "relmap/model.h"
#include "strmap.h"

struct ddl_parser;

typedef struct reader {
    relmap_model *model;
    const char *path; /* as the user gave it: in messages and sources */
    const relmap_load_opts *opts;
    char *real;    /* the resolved path, whose neighbours SQLite looks at */
    char *tmp_dir; /* the private copy of a WAL database, or NULL */
    sqlite3 *db;
    sqlite3_stmt *xinfo, *fk_list, *index_list, *index_xinfo;
    rm_strmap *index_sql; /* index name -> its CREATE INDEX text */
    rm_strmap *checked;   /* table name -> sq_checked, for the data checks */
    rm_arena *scratch;    /* what the read needs and the model does not */
    rm_arena *table_tmp;  /* what one table needs; renewed now and then */
    size_t tables_read;
    size_t tables_from_text; /* of those, read by sq_table_from_text */
    /* Reads tables from their stored text (sqlite_text.c); NULL until the
     * first one. */
    struct ddl_parser *text_parser;
} reader;

/* The CREATE INDEX text of an index, kept from sqlite_schema. */
typedef struct index_sql {
    const char *sql;
    size_t len;
} index_sql;

/* The indexes sqlite_schema lists on one table. */
typedef struct sq_table_indexes {
    const index_sql **defs; /* CREATE INDEX statements, in creation order */
    size_t ndefs;
    size_t nauto; /* indexes SQLite made for UNIQUE and PRIMARY KEY */
} sq_table_indexes;

/* A table's row of sqlite_schema, and pragma_table_list's facts on it. */
typedef struct schema_row {
    const char *name;
    const char *sql;
    size_t sql_len;
    bool view;
    bool shadow; /* a table a virtual table keeps its data in */
    bool virtual_table;
    bool without_rowid;
    bool strict;
    long long ncol;                  /* columns, as SQLite counts them */
    bool has_indexes;                /* sqlite_schema lists an index on it */
    const sq_table_indexes *indexes; /* NULL when none */
} schema_row;

/* A table whose keys the data checks look at, with the id SQLite's pragmas
 * give each of its keys (in the model's order). */
typedef struct sq_checked {
    relmap_table *table;
    const long *fk_ids;
    relmap_fk_violations **violations; /* the counts being filled in */
} sq_checked;

/* One line for --verbose. */
void sq_note(const reader *r, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* SQLite's message for the connection, on one line whatever it holds. */
const char *sq_db_message(const reader *r, char *out, size_t cap);
/* Turns a SQLite result code into our error, naming the file and the cause. */
int sq_failure(const reader *r, int rc);
/* Whether a failing statement only concerns one table (a missing module, a
 * "foreign key mismatch"), so that the other tables can still be read. */
bool sq_table_local(int rc);

/* Opens r->real read-only without side effects (see sqlite_open.c) and
 * starts one read transaction. */
int sq_open(reader *r);
int sq_prepare(reader *r, const char *sql, sqlite3_stmt **st);
/* Ends the transaction, closes, and removes any private copy. */
void sq_close(reader *r);

/*
 * Reads a table from the CREATE TABLE text SQLite stores for it, and its
 * indexes from their CREATE INDEX texts, with relmap's DDL parser: four
 * pragmas per table cost SQLite a lookup each in a schema hash it never
 * grows past 64 buckets, most of the read on large schemas. Returns the
 * table, with the pragma id of each key in *fk_ids, only when the text
 * gives exactly what SQLite has (see the checks in sqlite_text.c); else
 * NULL, with the model as it was, and the caller asks the pragmas.
 */
relmap_table *sq_table_from_text(reader *r, const schema_row *row, const long **fk_ids);
/* Frees what sq_table_from_text kept between tables. */
void sq_text_done(reader *r);

/* PRAGMA foreign_key_check over the tables in r->checked: records each
 * key's violations, or each table's reason it could not be checked. */
int sq_check_data(reader *r);

#endif
