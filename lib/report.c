/*
 * report.c - choosing a findings format, and what the formats share.
 */
#include <string.h>
#include <strings.h>

#include "error.h"
#include "report_formats.h"

int relmap_format_parse(const char *name, relmap_format *out)
{
    static const struct {
        const char *name;
        relmap_format format;
    } formats[] = {{"text", RELMAP_FORMAT_TEXT}, {"json", RELMAP_FORMAT_JSON}};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        if (strcasecmp(name, formats[i].name) == 0) {
            *out = formats[i].format;
            return 0;
        }
    }
    return rm_error(RELMAP_EINVAL, "unknown format '%s' (expected text or json)", name);
}

int relmap_report(const relmap_model *model, const relmap_findings *findings,
                  const relmap_report_opts *opts, relmap_write_fn write, void *payload)
{
    if (!opts || opts->version != RELMAP_REPORT_OPTS_VERSION)
        return rm_error(RELMAP_EINVAL, "relmap_report: options of an unknown version");
    int rc;
    switch (opts->format) {
    case RELMAP_FORMAT_TEXT:
        rc = rm_report_text(model, findings, opts->color, write, payload);
        break;
    case RELMAP_FORMAT_JSON:
        rc = rm_report_json(model, findings, write, payload);
        break;
    default:
        return rm_error(RELMAP_EINVAL, "relmap_report: unknown format %d", (int)opts->format);
    }
    if (rc == RELMAP_EWRITE)
        return rm_error(RELMAP_EWRITE, "cannot write the report");
    return rc;
}

const char *rm_finding_fallback_path(const relmap_model *model, const relmap_finding *finding)
{
    if (finding->table) {
        const relmap_table *t = relmap_model_find_table(model, NULL, finding->table);
        if (t && t->span.source < model->nsources)
            return model->sources[t->span.source].path;
    }
    if (model->nsources == 0)
        return NULL;
    const char *path = model->sources[0].path;
    for (size_t i = 1; i < model->nsources; i++)
        if (strcmp(model->sources[i].path, path) != 0)
            return NULL;
    return path;
}
