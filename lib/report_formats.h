/*
 * report_formats.h - the formatters behind relmap_report(), one file each,
 * and what they share.
 */
#ifndef RELMAP_REPORT_FORMATS_H
#define RELMAP_REPORT_FORMATS_H

#include "relmap/report.h"

int rm_report_text(const relmap_model *model, const relmap_findings *findings, bool color,
                   relmap_write_fn write, void *payload);
int rm_report_json(const relmap_model *model, const relmap_findings *findings,
                   relmap_write_fn write, void *payload);

/*
 * The file a finding without a place belongs to: the source of its table,
 * else the one path every source shares (a single input), else NULL.
 */
const char *rm_finding_fallback_path(const relmap_model *model, const relmap_finding *finding);

#endif
