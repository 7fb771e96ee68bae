/*
 * read_ddl.h - the SQL DDL reader: .sql files in the SQLite, PostgreSQL
 * and MySQL dialects (schema scripts, pg_dump and mysqldump output).
 */
#ifndef RELMAP_READ_DDL_H
#define RELMAP_READ_DDL_H

#include <stdbool.h>
#include <stddef.h>

#include "relmap/load.h"

/*
 * Reads the .sql file `path` into `model`. The dialect is opts->dialect,
 * or detected from the text. Statements relmap does not model are
 * skipped; those it models but cannot parse become syntax errors on the
 * model (SYNTAX001) and the reading goes on. Returns 0, or RELMAP_EIO
 * (unreadable), RELMAP_EFORMAT (not text: NUL bytes or mostly invalid
 * UTF-8) or RELMAP_ELIMIT (4 GiB or more) with the error message set.
 */
int rm_read_ddl(relmap_model *model, const char *path, const relmap_load_opts *opts);

/*
 * The dialect of `len` bytes of SQL text, and in `signal` (cap bytes) what
 * decided it ("the word AUTOINCREMENT at line 3"); RELMAP_DIALECT_UNKNOWN
 * when nothing in the text is dialect-specific.
 */
relmap_dialect rm_ddl_detect_dialect(const char *text, size_t len, char *signal, size_t cap);

/* Whether the start of a file (`len` bytes) looks like SQL text. */
bool rm_ddl_looks_like_sql(const char *head, size_t len);

/* A line for --verbose (load.c). */
void rm_say(const relmap_load_opts *opts, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
