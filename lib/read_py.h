/*
 * read_py.h - the SQLAlchemy model reader: a .py file, or a package read
 * as a whole, parsed and never imported or run.
 */
#ifndef RELMAP_READ_PY_H
#define RELMAP_READ_PY_H

#include "relmap/load.h"

/*
 * Reads the .py file or the directory `path` into `model`: every .py file
 * under a directory (sorted, recursively; virtual environments, VCS and
 * cache folders and what .gitignore files exclude are skipped) is one
 * module of a package, named by its path relative to `path`. What a file
 * cannot parse becomes a syntax error on the model (SYNTAX001) and the
 * rest is still read. Returns 0, or RELMAP_EIO (unreadable, or a folder
 * without .py files) or RELMAP_ELIMIT (a file of 4 GiB or more) with the
 * error message set.
 */
int rm_read_py(relmap_model *model, const char *path, const relmap_load_opts *opts);

#endif
