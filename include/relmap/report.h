/*
 * relmap/report.h - findings and the model as text a person or a CI
 * system reads. The library never prints: everything goes through a
 * relmap_write_fn.
 */
#ifndef RELMAP_REPORT_H
#define RELMAP_REPORT_H

#include <stdbool.h>

#include "check.h"
#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum relmap_format {
    /** path:line:col: severity: message [ID name], the source line, a caret. */
    RELMAP_FORMAT_TEXT = 0,
    /** {"findings": [...], "summary": {...}} as in DESIGN.md. */
    RELMAP_FORMAT_JSON,
    /**
     * SARIF 2.1.0 (docs/ci.md): one run with the metadata of every rule of
     * the catalogue; results with locations in code points, related
     * locations, fingerprints from the rule and the names involved, and a
     * fix (an insertion at the end of the file) where the fix is a whole
     * statement and the file is a text file.
     */
    RELMAP_FORMAT_SARIF,
    /**
     * JUnit XML for CI test reports: one testsuite, one testcase per rule
     * that ran (relmap_findings_rule_ran), one <failure> per finding.
     */
    RELMAP_FORMAT_JUNIT,
    /** GitHub Actions workflow commands: `::error file=...,line=...::message`. */
    RELMAP_FORMAT_GITHUB
} relmap_format;

/**
 * A format by name ("text", "json", "sarif", "junit", "github"); returns 0
 * or RELMAP_EINVAL.
 */
RELMAP_API int relmap_format_parse(const char *name, relmap_format *out);

typedef struct relmap_report_opts {
    unsigned version;
    relmap_format format;
    /** ANSI colours in text output (the CLI decides: a terminal, no NO_COLOR). */
    bool color;
    /**
     * Text output: a table of counts per rule (most frequent first) instead
     * of the findings themselves, then the summary line.
     */
    bool statistics;
    /**
     * Text output: the findings without the summary line, so nothing at all
     * when there are none (as ruff's --quiet). Other formats ignore it.
     */
    bool quiet;
} relmap_report_opts;

#define RELMAP_REPORT_OPTS_VERSION 1
#define RELMAP_REPORT_OPTS_INIT                                                                    \
    {                                                                                              \
        RELMAP_REPORT_OPTS_VERSION, RELMAP_FORMAT_TEXT, false, false, false                        \
    }

/**
 * Writes the findings in the chosen format. Text output ends with a
 * summary line when there are findings. Returns 0, or RELMAP_EWRITE when
 * `write` failed.
 */
RELMAP_API int relmap_report(const relmap_model *model, const relmap_findings *findings,
                             const relmap_report_opts *opts, relmap_write_fn write, void *payload);

/**
 * Writes the resolved model as JSON (DESIGN.md, "relmap dump"): tables in
 * input order, then classes. Returns 0 or RELMAP_EWRITE.
 */
RELMAP_API int relmap_dump_json(const relmap_model *model, relmap_write_fn write, void *payload);

#ifdef __cplusplus
}
#endif

#endif
