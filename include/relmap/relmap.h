/*
 * relmap/relmap.h - the whole public API of librelmap.
 *
 * A typical use: load inputs into a model, check it, report the findings.
 *
 *     relmap_model *model;
 *     relmap_load_opts lo = RELMAP_LOAD_OPTS_INIT;
 *     if (relmap_load(&model, paths, npaths, &lo) < 0)
 *         fprintf(stderr, "%s\n", relmap_error_last());
 *     relmap_findings *findings;
 *     relmap_check_opts co = RELMAP_CHECK_OPTS_INIT;
 *     relmap_check(&findings, model, &co);
 *     relmap_report_opts ro = RELMAP_REPORT_OPTS_INIT;
 *     relmap_report(model, findings, &ro, write_to_stdout, NULL);
 *     relmap_findings_free(findings);
 *     relmap_model_free(model);
 */
#ifndef RELMAP_RELMAP_H
#define RELMAP_RELMAP_H

#include "common.h"
#include "model.h"
#include "load.h"
#include "check.h"
#include "report.h"
#include "filter.h"
#include "config.h"
#include "render.h"

#endif
