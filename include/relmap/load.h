/*
 * relmap/load.h - reading inputs into one resolved model.
 */
#ifndef RELMAP_LOAD_H
#define RELMAP_LOAD_H

#include <stdbool.h>

#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * What an input is. AUTO looks at the file (see DESIGN.md, Inputs): a
 * SQLite header makes a database; a name ending in `.sql`, or text that
 * starts like SQL, makes a SQL DDL file; a name ending in `.py`, or a
 * folder, makes SQLAlchemy models (a folder is read as one package).
 */
typedef enum relmap_input_kind {
    RELMAP_INPUT_AUTO = 0,
    RELMAP_INPUT_SQLITE,
    RELMAP_INPUT_SQL,
    RELMAP_INPUT_PYTHON
} relmap_input_kind;

/**
 * A foreign key the database does not declare but the application relies
 * on (tbls' "virtual relations"), declared in the project file. The
 * loader adds it to the model before resolving, marked `declared`, so
 * that rules and diagrams treat it as the key it stands for.
 */
typedef struct relmap_relation {
    const char *table; /** the table holding the key: must be in the inputs */
    const char *const *columns;
    size_t ncolumns;
    const char *ref_table;
    /** None: the referenced table's primary key. */
    const char *const *ref_columns;
    size_t nref_columns;
    /** Where it is declared: byte offsets into relmap_relations.text. */
    size_t start, end;
} relmap_relation;

/** Declared relations and the text they were read from. */
typedef struct relmap_relations {
    /** The file (added to the model as a source, so findings point there). */
    const char *path;
    const char *text;
    size_t len;
    const relmap_relation *items;
    size_t count;
} relmap_relations;

typedef struct relmap_load_opts {
    unsigned version;
    relmap_input_kind kind;
    /** Run PRAGMA foreign_key_check on databases (SQLITE002). */
    bool data_checks;
    /** How long to wait for another process's lock, in milliseconds. */
    int busy_timeout_ms;
    /** Called with one line per decision worth explaining (--verbose); may be NULL. */
    relmap_write_fn verbose;
    void *verbose_payload;
    /**
     * The dialect of SQL DDL inputs; RELMAP_DIALECT_UNKNOWN detects it from
     * each file (the deciding signal is said through `verbose`).
     */
    relmap_dialect dialect;
    /**
     * Relations to add as declared foreign keys, or NULL. A relation whose
     * table is not in the inputs makes relmap_load fail (RELMAP_EINVAL,
     * naming the file and line).
     */
    const relmap_relations *relations;
    /**
     * The largest text input read, in bytes: a SQL file, a Python file,
     * or all the .py files of a package folder together (a database is
     * not read whole, and is not limited). Larger makes relmap_load fail
     * with RELMAP_ELIMIT naming the file and its size. 0: no limit but the
     * reader's own (4 GiB, the reach of a source position). Added in
     * version 2; a version 1 caller gets RELMAP_DEFAULT_MAX_INPUT_SIZE.
     */
    uint64_t max_input_size;
} relmap_load_opts;

/**
 * The default of max_input_size: 256 MiB. Far above any schema written by
 * hand or dumped from a server (the largest are tens of MB), and low
 * enough that what a reader builds from it (a few times its size in
 * memory; see docs/limits.md) fits a CI machine.
 */
#define RELMAP_DEFAULT_MAX_INPUT_SIZE ((uint64_t)256 * 1024 * 1024)

#define RELMAP_LOAD_OPTS_VERSION 2
#define RELMAP_LOAD_OPTS_INIT                                                                      \
    {                                                                                              \
        RELMAP_LOAD_OPTS_VERSION, RELMAP_INPUT_AUTO, true, 2000, NULL, NULL,                       \
            RELMAP_DIALECT_UNKNOWN, NULL, RELMAP_DEFAULT_MAX_INPUT_SIZE                            \
    }

/**
 * Reads every input in `paths` (npaths >= 1) into one model and resolves
 * it. A database is opened strictly read-only and never changed. A SQL
 * file or a Python model file is parsed, never executed or imported; statements it cannot parse are kept on
 * the model as syntax errors (SYNTAX001) and do not make the load fail.
 *
 * On success stores a model the caller frees with relmap_model_free() and
 * returns 0. On failure stores NULL and returns RELMAP_EINVAL, RELMAP_EIO,
 * RELMAP_EFORMAT, RELMAP_EBUSY or RELMAP_ELIMIT (an input over
 * max_input_size, or past another limit of docs/limits.md);
 * relmap_error_last() then names the file and the reason. Options of
 * version 1 or 2 are accepted.
 */
RELMAP_API int relmap_load(relmap_model **out, const char *const *paths, size_t npaths,
                           const relmap_load_opts *opts);

#ifdef __cplusplus
}
#endif

#endif
