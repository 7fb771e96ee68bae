/*
 * fuzz_ddl.c - the SQL DDL reader. The first byte picks the dialect (its
 * two low bits: detected, sqlite, postgres, mysql; seeds use '0'..'3'),
 * so that every dialect's tokenizer and statement parser is fuzzed; the
 * rest is the .sql file's text. The model is resolved and dumped as JSON,
 * which reads every field the reader filled in.
 */
#include "fuzz_common.h"

static const relmap_dialect dialects[4] = {RELMAP_DIALECT_UNKNOWN, RELMAP_DIALECT_SQLITE,
                                           RELMAP_DIALECT_POSTGRES, RELMAP_DIALECT_MYSQL};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    relmap_load_opts opts = RELMAP_LOAD_OPTS_INIT;
    opts.dialect = dialects[data[0] & 3];
    const char *path = fz_write_file("schema.sql", data + 1, size - 1);
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
