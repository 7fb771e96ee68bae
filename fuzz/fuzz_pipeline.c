/*
 * fuzz_pipeline.c - the whole pipeline on DDL and Python inputs, as the
 * CLI runs it: read, resolve, every rule, suppression comments, every
 * report format and every renderer, all to memory.
 *
 * The first byte picks the input and the diagram options:
 *   bits 0-2  0 SQL (dialect detected), 1 sqlite, 2 postgres, 3 mysql,
 *             4-7 Python (one module or a package, see fuzz_common.h);
 *             seeds use '0'..'4'
 *   bits 3-4  columns shown: all, keys, none (3 is all)
 *   bit 5     junction tables collapsed into many-to-many edges
 *   bit 6     clusters: by schema (SQL) or by module (Python)
 *   bit 7     also an SVG through Graphviz (small models only, below)
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

/*
 * Graphviz lays out in-process and cannot be stopped mid-layout; a layout
 * costs several times the rest of the pipeline, its time grows much faster
 * than the model, and 2.42 leaks a little per layout (see
 * fuzz_graphviz_leaks.c). So SVG is drawn only when bit 7 asks and the
 * model is small: relmap's code that feeds Graphviz (HTML labels,
 * escaping, ports) is the same for a model of any size, and the other
 * renderers take every input.
 */
enum { SVG_MAX_TABLES = 12, SVG_MAX_COLUMNS = 120 };

static const relmap_dialect dialects[4] = {RELMAP_DIALECT_UNKNOWN, RELMAP_DIALECT_SQLITE,
                                           RELMAP_DIALECT_POSTGRES, RELMAP_DIALECT_MYSQL};

static int discard_file(void *payload, const char *name, const char *data, size_t len)
{
    return fz_sink_write(payload, name, strlen(name)) || fz_sink_write(payload, data, len);
}

static bool small_enough_for_graphviz(const relmap_model *model)
{
    if (model->ntables > SVG_MAX_TABLES)
        return false;
    size_t columns = 0;
    for (size_t i = 0; i < model->ntables; i++)
        columns += model->tables[i]->ncolumns;
    return columns <= SVG_MAX_COLUMNS;
}

static void report_all(const relmap_model *model, const relmap_findings *findings, fz_sink *out)
{
    static const relmap_format formats[] = {RELMAP_FORMAT_TEXT, RELMAP_FORMAT_JSON,
                                            RELMAP_FORMAT_SARIF, RELMAP_FORMAT_JUNIT,
                                            RELMAP_FORMAT_GITHUB};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        relmap_report_opts opts = RELMAP_REPORT_OPTS_INIT;
        opts.format = formats[i];
        opts.color = formats[i] == RELMAP_FORMAT_TEXT;
        relmap_report(model, findings, &opts, fz_sink_write, out);
        out->len = 0;
    }
    relmap_report_opts stats = RELMAP_REPORT_OPTS_INIT;
    stats.statistics = true;
    relmap_report(model, findings, &stats, fz_sink_write, out);
    relmap_dump_json(model, fz_sink_write, out);
    out->len = 0;
}

static void render_all(const relmap_model *model, const relmap_findings *findings, uint8_t options,
                       fz_sink *out)
{
    static const relmap_render_columns columns[4] = {RELMAP_COLUMNS_ALL, RELMAP_COLUMNS_KEYS,
                                                     RELMAP_COLUMNS_NONE, RELMAP_COLUMNS_ALL};
    static const relmap_render_format formats[] = {RELMAP_RENDER_DOT, RELMAP_RENDER_MERMAID,
                                                   RELMAP_RENDER_PLANTUML, RELMAP_RENDER_DBML,
                                                   RELMAP_RENDER_SVG};
    relmap_render_opts opts = RELMAP_RENDER_OPTS_INIT;
    opts.columns = columns[(options >> 3) & 3];
    opts.collapse_junctions = (options >> 5) & 1;
    if (options & 0x40)
        opts.group = options & 4 ? RELMAP_GROUP_MODULE : RELMAP_GROUP_SCHEMA;
    opts.notes = fz_sink_write;
    opts.notes_payload = out;
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        if (formats[i] == RELMAP_RENDER_SVG &&
            (!(options & 0x80) || !small_enough_for_graphviz(model)))
            continue;
        opts.format = formats[i];
        if (relmap_render(model, findings, &opts, fz_sink_write, out) < 0)
            fz_check_refusal("relmap_render");
        out->len = 0;
    }
    opts.format = RELMAP_RENDER_DOT;
    if (relmap_render_split(model, findings, &opts, RELMAP_SPLIT_COMPONENTS, discard_file, out) < 0)
        fz_check_refusal("relmap_render_split");
    out->len = 0;
}

/* A baseline of the findings, read back, accepts every one of them. */
static void baseline_round_trip(relmap_findings *findings, fz_sink *out)
{
    out->len = 0;
    if (relmap_baseline_write(findings, fz_sink_write, out) < 0)
        abort(); /* the sink never fails */
    relmap_baseline *baseline = NULL;
    if (relmap_baseline_parse(&baseline, "baseline.yml", out->data, out->len) < 0) {
        fprintf(stderr, "fuzz: relmap cannot read its own baseline: %s\n", relmap_error_last());
        abort();
    }
    relmap_baseline_apply(baseline, findings);
    relmap_baseline_free(baseline);
    if (findings->count != 0) {
        fprintf(stderr, "fuzz: a baseline of the findings left %zu of them\n", findings->count);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    uint8_t options = data[0];
    relmap_load_opts load = RELMAP_LOAD_OPTS_INIT;
    const char *path;
    if (options & 4) {
        path = fz_write_python(data + 1, size - 1);
    } else {
        load.dialect = dialects[options & 3];
        path = fz_write_file("schema.sql", data + 1, size - 1);
    }
    relmap_model *model = fz_load(path, &load);
    if (!model) {
        fz_clear();
        return 0;
    }
    relmap_check_opts check = RELMAP_CHECK_OPTS_INIT;
    relmap_findings *findings = NULL;
    if (relmap_check(&findings, model, &check) < 0) {
        fz_check_refusal("relmap_check");
    } else {
        relmap_suppress_result *unused = NULL;
        relmap_suppress(findings, model, &unused);
        relmap_suppress_result_free(unused);
        fz_sink out = {0};
        report_all(model, findings, &out);
        render_all(model, findings, options, &out);
        baseline_round_trip(findings, &out);
        fz_sink_free(&out);
        relmap_findings_free(findings);
    }
    relmap_model_free(model);
    fz_clear();
    return 0;
}
