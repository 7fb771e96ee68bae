/*
 * report.c - choosing a findings format, and what the formats share.
 */
#include <string.h>
#include <strings.h>

#include "error.h"
#include "escape.h"
#include "report_formats.h"
#include "source.h"

int relmap_format_parse(const char *name, relmap_format *out)
{
    static const struct {
        const char *name;
        relmap_format format;
    } formats[] = {{"text", RELMAP_FORMAT_TEXT},
                   {"json", RELMAP_FORMAT_JSON},
                   {"sarif", RELMAP_FORMAT_SARIF},
                   {"junit", RELMAP_FORMAT_JUNIT},
                   {"github", RELMAP_FORMAT_GITHUB}};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        if (strcasecmp(name, formats[i].name) == 0) {
            *out = formats[i].format;
            return 0;
        }
    }
    return rm_error(RELMAP_EINVAL,
                    "unknown format '%s' (expected text, json, sarif, junit or github)", name);
}

int relmap_report(const relmap_model *model, const relmap_findings *findings,
                  const relmap_report_opts *opts, relmap_write_fn write, void *payload)
{
    if (!opts || opts->version != RELMAP_REPORT_OPTS_VERSION)
        return rm_error(RELMAP_EINVAL, "relmap_report: options of an unknown version");
    int rc;
    switch (opts->format) {
    case RELMAP_FORMAT_TEXT:
        rc = rm_report_text(model, findings, opts, write, payload);
        break;
    case RELMAP_FORMAT_JSON:
        rc = rm_report_json(model, findings, write, payload);
        break;
    case RELMAP_FORMAT_SARIF:
        rc = rm_report_sarif(model, findings, write, payload);
        break;
    case RELMAP_FORMAT_JUNIT:
        rc = rm_report_junit(model, findings, write, payload);
        break;
    case RELMAP_FORMAT_GITHUB:
        rc = rm_report_github(model, findings, write, payload);
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

const char *rm_finding_path(const relmap_model *model, const relmap_finding *finding)
{
    if (finding->span.source < model->nsources)
        return model->sources[finding->span.source].path;
    return rm_finding_fallback_path(model, finding);
}

/* FNV-1a over one field and a separator that no name holds (NUL), so
 * that ("ab", "c") and ("a", "bc") differ. */
static uint64_t hash_field(uint64_t h, const char *s)
{
    for (const char *p = s ? s : ""; *p; p++) {
        h ^= (unsigned char)*p;
        h *= 0x100000001b3ULL;
    }
    h ^= s ? 0x00 : 0x01; /* NULL and "" differ */
    h *= 0x100000001b3ULL;
    return h;
}

void rm_finding_fingerprint(const relmap_finding *f, char out[17])
{
    uint64_t h = 0xcbf29ce484222325ULL;
    h = hash_field(h, f->rule->id);
    h = hash_field(h, f->table);
    h = hash_field(h, f->column);
    h = hash_field(h, f->class_name);
    h = hash_field(h, f->attribute);
    static const char digits[] = "0123456789abcdef";
    for (int i = 15; i >= 0; i--, h >>= 4)
        out[i] = digits[h & 0xF];
    out[16] = '\0';
}

/* The 1-based code point column of byte `offset` on its line. */
static unsigned codepoint_column(const relmap_source *src, size_t offset, unsigned line)
{
    unsigned column = 1;
    for (size_t i = src->line_starts[line - 1]; i < offset;) {
        int32_t cp;
        i += rm_utf8_decode(src->text + i, offset - i, &cp);
        column++;
    }
    return column;
}

bool rm_span_region(const relmap_model *model, relmap_span span, rm_region *out)
{
    memset(out, 0, sizeof *out);
    if (span.source >= model->nsources)
        return false;
    const relmap_source *src = &model->sources[span.source];
    size_t start = span.start < src->len ? span.start : src->len;
    size_t end = span.end > start ? span.end : start;
    if (end > src->len)
        end = src->len;
    unsigned bytes;
    rm_source_position(src, start, &out->start_line, &bytes);
    rm_source_position(src, end, &out->end_line, &bytes);
    out->start_column = codepoint_column(src, start, out->start_line);
    out->end_column = codepoint_column(src, end, out->end_line);
    /* An empty span still covers one character, as a caret does. */
    if (out->end_line == out->start_line && out->end_column == out->start_column)
        out->end_column++;
    return true;
}
