/*
 * fuzz_sqlite.c - the SQLite database reader. The input is a database
 * file's bytes, written to a file and opened the normal way (strictly
 * read-only), with the data checks on (PRAGMA foreign_key_check), so that
 * the reader's parsing of the CREATE statements SQLite stores and its
 * use of the pragmas meet corrupt and hostile files. The input is read as
 * a database whatever its header says: SQLite itself must refuse what is
 * not one.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    relmap_load_opts opts = RELMAP_LOAD_OPTS_INIT;
    opts.kind = RELMAP_INPUT_SQLITE;
    opts.data_checks = true;
    /* Nobody else opens the file: a lock would be a bug, not a wait. */
    opts.busy_timeout_ms = 0;
    const char *path = fz_write_file("input.db", data, size);
    relmap_model *model = fz_load(path, &opts);
    if (model) {
        fz_sink out = {0};
        relmap_dump_json(model, fz_sink_write, &out);
        fz_sink_free(&out);
        relmap_model_free(model);
    }
    fz_clear();
    return 0;
}
