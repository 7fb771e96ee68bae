/*
 * read_sqlite.h - the SQLite database reader.
 */
#ifndef RELMAP_READ_SQLITE_H
#define RELMAP_READ_SQLITE_H

#include <stdbool.h>

#include "relmap/load.h"
#include "relmap/model.h"

/*
 * Reads the schema of the SQLite database at `path` into `model`, strictly
 * read-only: no journal, WAL or SHM file is created and the file's bytes
 * and mtime never change. With opts->data_checks, also records the rows
 * that violate each foreign key. Returns 0, or RELMAP_EIO, RELMAP_EFORMAT
 * or RELMAP_EBUSY with the reason set for relmap_error_last().
 */
int rm_read_sqlite(relmap_model *model, const char *path, const relmap_load_opts *opts);

/*
 * Makes every later read ask SQLite's pragmas for every table, as the
 * reader does when a table's text does not check out (see sqlite_text.c).
 * For the tests that hold the text path to SQLite's own answers; not
 * thread-safe.
 */
void rm_read_sqlite_force_pragmas(bool force);

#endif
