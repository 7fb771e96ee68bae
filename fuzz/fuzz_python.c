/*
 * fuzz_python.c - the SQLAlchemy model reader. The input is one module,
 * or, when it holds FZ_MODULE_MARKER lines, a package of several modules
 * (fuzz_common.h), so that imports between modules, module-qualified
 * class names and relative imports are resolved across files. The model
 * is resolved and dumped as JSON.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fz_write_python(data, size);
    relmap_model *model = fz_load(path, NULL);
    if (model) {
        fz_sink out = {0};
        relmap_dump_json(model, fz_sink_write, &out);
        fz_sink_free(&out);
        relmap_model_free(model);
    }
    fz_clear();
    return 0;
}
