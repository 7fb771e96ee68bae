/*
 * fuzz_config.c - the project file (.relmap.yml) and the baseline file,
 * both YAML read through libyaml. The input is written as the project
 * file beside a small fixed schema and read by relmap_config_load; what
 * it says is then used as the CLI uses it: its rule selection validated
 * and run, its relations added to the schema as declared keys, its
 * severities and per-file ignores applied. The same bytes are then read
 * as a baseline and applied to the findings.
 */
#include <string.h>

#include "fuzz_common.h"

/* Three tables with findings to select, re-rate, ignore and baseline. */
static const char schema[] =
    "CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT);\n"
    "CREATE TABLE orders (id INTEGER PRIMARY KEY,\n"
    "  customer_id INTEGER REFERENCES customers(id), note TEXT);\n"
    "CREATE TABLE order_items (order_id INTEGER REFERENCES orders,\n"
    "  product_id INTEGER REFERENCES products, PRIMARY KEY (order_id, product_id));\n";

static relmap_findings *check(const relmap_model *model, const relmap_config *config)
{
    relmap_check_opts opts = RELMAP_CHECK_OPTS_INIT;
    if (config) {
        if (config->has_select) {
            opts.select = config->select;
            opts.nselect = config->nselect;
        }
        if (config->has_ignore) {
            opts.ignore = config->ignore;
            opts.nignore = config->nignore;
        }
        if (relmap_check_opts_validate(&opts) < 0) {
            fz_check_refusal("relmap_check_opts_validate");
            return NULL;
        }
    }
    relmap_findings *findings = NULL;
    if (relmap_check(&findings, model, &opts) < 0) {
        fz_check_refusal("relmap_check");
        return NULL;
    }
    if (config)
        relmap_config_apply(config, model, findings);
    return findings;
}

static void apply_baseline(const char *path, const uint8_t *data, size_t size,
                           relmap_findings *findings)
{
    relmap_baseline *baseline = NULL;
    if (relmap_baseline_parse(&baseline, path, (const char *)data, size) < 0) {
        fz_check_refusal("relmap_baseline_parse");
        return;
    }
    if (findings)
        relmap_baseline_apply(baseline, findings);
    relmap_baseline_free(baseline);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *schema_path =
        fz_write_file("schema.sql", (const uint8_t *)schema, sizeof schema - 1);
    const char *config_path = fz_write_file(".relmap.yml", data, size);
    relmap_config *config = NULL;
    if (relmap_config_load(&config, config_path) < 0)
        fz_check_refusal("relmap_config_load");

    relmap_load_opts opts = RELMAP_LOAD_OPTS_INIT;
    if (config) {
        opts.relations = &config->relations;
        if (config->has_dialect)
            opts.dialect = config->dialect;
    }
    relmap_model *model = fz_load(schema_path, &opts);
    relmap_findings *findings = model ? check(model, config) : NULL;
    apply_baseline(config_path, data, size, findings);
    if (findings) {
        fz_sink out = {0};
        relmap_report(model, findings, &(relmap_report_opts)RELMAP_REPORT_OPTS_INIT, fz_sink_write,
                      &out);
        fz_sink_free(&out);
    }
    relmap_findings_free(findings);
    relmap_model_free(model);
    relmap_config_free(config);
    fz_clear();
    return 0;
}
