/*
 * fuzz_common.h - what the fuzz targets share: a scratch folder that the
 * input is written into (the readers take paths, so the fuzzers go
 * through the same relmap_load the CLI uses), and a sink that takes
 * every byte a formatter or renderer writes.
 */
#ifndef RELMAP_FUZZ_COMMON_H
#define RELMAP_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "relmap/relmap.h"

/* The libFuzzer entry point every target defines (replay.c calls it too). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Writes `size` bytes into the file `name` of the process's scratch
 * folder (made on first use, removed at exit) and returns its path, valid
 * until fz_clear(). Aborts when the file cannot be written: a fuzzer that
 * cannot write its input tests nothing.
 */
const char *fz_write_file(const char *name, const uint8_t *data, size_t size);

/*
 * A Python input: without a line starting with FZ_MODULE_MARKER it is one
 * module, "models.py", and its path is returned. With one, it is a package:
 * the text before the first marker is pkg/__init__.py, and each marker
 * line starts the module its rest names ("#>> app/models/user" makes
 * pkg/app/models/user.py; only letters, digits, '_' and '/' count, at most
 * FZ_MAX_MODULES modules); the package folder's path is returned.
 */
#define FZ_MODULE_MARKER "#>> "
#define FZ_MAX_MODULES 16
const char *fz_write_python(const uint8_t *data, size_t size);

/* Removes every file and folder written since the last call. */
void fz_clear(void);

/*
 * Called after a library function refused its input: aborts unless
 * relmap_error_last() is one line saying why. `what` names the function.
 */
void fz_check_refusal(const char *what);

/*
 * Loads `path` with `opts` (the library's defaults when NULL). Returns the
 * model, or NULL when the library refused the input, which is a correct
 * answer to a bad input; it then checks that the refusal says why.
 */
relmap_model *fz_load(const char *path, const relmap_load_opts *opts);

/* Output kept in memory, so that every byte written is touched. */
typedef struct fz_sink {
    char *data;
    size_t len, cap;
} fz_sink;

/* A relmap_write_fn appending to the fz_sink `payload`. */
int fz_sink_write(void *payload, const char *data, size_t len);

/* Empties the sink and frees its buffer. */
void fz_sink_free(fz_sink *sink);

#endif
