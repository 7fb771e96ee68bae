/*
 * relmap/filter.h - narrowing a check's findings down to what should be
 * reported: inline suppression comments in the inputs, and baselines of
 * accepted findings. Both work on any relmap_findings, so every front-end
 * (the CLI, an editor plugin) gets the same answers.
 */
#ifndef RELMAP_FILTER_H
#define RELMAP_FILTER_H

#include <stdbool.h>

#include "check.h"
#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * One entry of a suppression comment that suppressed nothing: a rule that
 * found nothing there, a rule that does not exist, or a bare `ignore`
 * that had nothing to ignore. Entries naming a rule that did not run
 * (deselected) are never reported: they may well be needed.
 */
typedef struct relmap_unused_ignore {
    /** The comment's `relmap: ignore...` text. */
    relmap_span span;
    /** The entry as written, or NULL for a bare `ignore` / `ignore-file`. */
    const char *rule;
    /** False when `rule` names no rule of the catalogue. */
    bool known;
    /** An `ignore-file` comment. */
    bool file_wide;
} relmap_unused_ignore;

typedef struct relmap_suppress_result {
    /** How many findings were removed. */
    size_t suppressed;
    relmap_unused_ignore *unused;
    size_t nunused;
    struct relmap_suppress_internal *internal;
} relmap_suppress_result;

/**
 * Removes the findings that the inputs' comments suppress:
 *
 *     -- relmap: ignore[FK006]          (SQL)   this line or the next
 *     # relmap: ignore[ORM002,FK006]   (Python)
 *     -- relmap: ignore                 every rule, this line or the next
 *     -- relmap: ignore-file[FK006]     anywhere: the whole file
 *
 * A comment applies to a finding on its own line or the line after it;
 * entries are rule ids or names, in any case. The marker must follow a
 * `#` or `--` comment leader on its line. For a database, the text is the
 * CREATE statements SQLite stores, so comments inside them work, and an
 * ignore-file comment in any of them covers the whole database.
 *
 * The rest of `findings` keeps its order. When `out` is not NULL it
 * receives what was suppressed and the unused entries (free it with
 * relmap_suppress_result_free). Returns 0.
 */
RELMAP_API int relmap_suppress(relmap_findings *findings, const relmap_model *model,
                               relmap_suppress_result **out);

RELMAP_API void relmap_suppress_result_free(relmap_suppress_result *result);

/**
 * Writes a baseline of the findings as JSON: per key (the rule id and the
 * names involved: table, column, class, attribute) the number of findings,
 * sorted by key. Positions are left out on purpose, so that edits
 * elsewhere in a file keep the baseline valid. Returns 0 or RELMAP_EWRITE.
 */
RELMAP_API int relmap_baseline_write(const relmap_findings *findings, relmap_write_fn write,
                                     void *payload);

/** A baseline read back (opaque). */
typedef struct relmap_baseline relmap_baseline;

/**
 * Reads a baseline from `len` bytes of `text`, the file `path` (for
 * messages). Returns 0, or RELMAP_EFORMAT naming the file and line of
 * what is wrong.
 */
RELMAP_API int relmap_baseline_parse(relmap_baseline **out, const char *path, const char *text,
                                     size_t len);

/**
 * Removes the findings the baseline accepts and returns how many. A key
 * with N findings in the baseline accepts N findings now: with N + 1, the
 * last one in reading order stays, as new.
 */
RELMAP_API size_t relmap_baseline_apply(const relmap_baseline *baseline,
                                        relmap_findings *findings);

RELMAP_API void relmap_baseline_free(relmap_baseline *baseline);

#ifdef __cplusplus
}
#endif

#endif
