/*
 * py_walk.h - listing the .py files of a package folder.
 */
#ifndef RELMAP_PY_WALK_H
#define RELMAP_PY_WALK_H

#include <stdbool.h>
#include <stddef.h>

typedef struct py_file {
    char *path; /* to open: the folder given joined with rel */
    char *rel;  /* relative to the folder given, '/'-separated */
} py_file;

/*
 * Every .py file under `root`, sorted by path, recursively; skips hidden
 * folders (.git, .venv), venv, node_modules, __pycache__, site-packages,
 * folders holding a pyvenv.cfg, linked folders, links that lead nowhere
 * (a loop), and what .gitignore files in `root` and below exclude.
 * Returns 0 with a malloc'd array the caller frees with py_files_free(),
 * RELMAP_EIO when `root` cannot be listed, or RELMAP_ELIMIT (folders more
 * than 64 deep, or more than 10,000 .gitignore patterns), with the error
 * set.
 */
int py_walk(const char *root, py_file **files, size_t *nfiles);
void py_files_free(py_file *files, size_t n);

#endif
