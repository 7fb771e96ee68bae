/*
 * report_formats.h - the formatters behind relmap_report(), one file each,
 * and what they share.
 */
#ifndef RELMAP_REPORT_FORMATS_H
#define RELMAP_REPORT_FORMATS_H

#include "relmap/report.h"

int rm_report_text(const relmap_model *model, const relmap_findings *findings,
                   const relmap_report_opts *opts, relmap_write_fn write, void *payload);
int rm_report_json(const relmap_model *model, const relmap_findings *findings,
                   relmap_write_fn write, void *payload);
int rm_report_sarif(const relmap_model *model, const relmap_findings *findings,
                    relmap_write_fn write, void *payload);
int rm_report_junit(const relmap_model *model, const relmap_findings *findings,
                    relmap_write_fn write, void *payload);
int rm_report_github(const relmap_model *model, const relmap_findings *findings,
                     relmap_write_fn write, void *payload);

/*
 * The file a finding without a place belongs to: the source of its table,
 * else the one path every source shares (a single input), else NULL.
 */
const char *rm_finding_fallback_path(const relmap_model *model, const relmap_finding *finding);
/* The file of a finding: its span's, else the fallback above. */
const char *rm_finding_path(const relmap_model *model, const relmap_finding *finding);

/*
 * 16 hex digits that identify a finding across edits: a hash of the rule
 * id and the names involved (table, column, class, attribute), never of
 * a position. SARIF's partialFingerprints and baselines key on the same
 * fields.
 */
void rm_finding_fingerprint(const relmap_finding *finding, char out[17]);

/* A span as 1-based lines and code point columns; end_column is just past
 * the last character (SARIF's convention), and an empty span covers one. */
typedef struct rm_region {
    unsigned start_line, start_column, end_line, end_column;
} rm_region;

/* False when the span has no source. */
bool rm_span_region(const relmap_model *model, relmap_span span, rm_region *out);

#endif
