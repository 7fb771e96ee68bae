/*
 * relmap/config.h - the project file, `.relmap.yml` (docs/ci.md):
 *
 *     select: [FK, JT]                 # ids, id prefixes or names
 *     ignore: [FK010]
 *     severity: {FK006: warning}       # per rule (or prefix, or name)
 *     per-file-ignores:
 *       "migrations/v*.py": [FK006]    # glob -> rules
 *     dialect: postgres
 *     fail-on: error
 *     relations:                       # keys the database does not declare
 *       - {table: orders, columns: [customer_id], ref_table: customers, ref_columns: [id]}
 *
 * The library reads it and applies what concerns findings; a front-end
 * merges the rest with its own options (the CLI's flags win).
 */
#ifndef RELMAP_CONFIG_H
#define RELMAP_CONFIG_H

#include <stdbool.h>

#include "check.h"
#include "load.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The project file's name. */
#define RELMAP_CONFIG_NAME ".relmap.yml"

/** `severity:` entry: findings of the rules `rule` selects get `severity`. */
typedef struct relmap_severity_override {
    const char *rule;
    relmap_severity severity;
} relmap_severity_override;

/** `per-file-ignores:` entry: findings in files matching `glob` of these rules are dropped. */
typedef struct relmap_path_ignore {
    const char *glob;
    const char *const *rules;
    size_t nrules;
} relmap_path_ignore;

/** A project file as read. Everything is owned by it. */
typedef struct relmap_config {
    const char *path;
    /** `select:`; has_select false when the file does not say. */
    bool has_select;
    const char *const *select;
    size_t nselect;
    bool has_ignore;
    const char *const *ignore;
    size_t nignore;
    const relmap_severity_override *severities;
    size_t nseverities;
    const relmap_path_ignore *path_ignores;
    size_t npath_ignores;
    /** `dialect:`; has_dialect false when not set. */
    bool has_dialect;
    relmap_dialect dialect;
    /** `fail-on:` as written ("error", "warning", "info", "never"), or NULL. */
    const char *fail_on;
    /** `relations:` with the file's text, ready for relmap_load_opts. */
    relmap_relations relations;
    struct relmap_config_internal *internal;
} relmap_config;

/**
 * Looks for RELMAP_CONFIG_NAME in the folder `start_dir` and its parents,
 * stopping after a folder that holds `.git` (the repository's root) or at
 * the file system's root. Returns 1 and stores the malloc'd path in *out
 * (free() it), 0 when there is none, or RELMAP_EIO.
 */
RELMAP_API int relmap_config_find(char **out, const char *start_dir);

/**
 * Reads a project file. Returns 0, or RELMAP_EIO when it cannot be read,
 * or RELMAP_EFORMAT naming the file, line and column of invalid YAML, an
 * unknown key, a value of the wrong type, or an unknown rule.
 */
RELMAP_API int relmap_config_load(relmap_config **out, const char *path);

/** The same from `len` bytes of `text`, named `path` in messages. */
RELMAP_API int relmap_config_parse(relmap_config **out, const char *path, const char *text,
                                   size_t len);

/**
 * Applies what concerns findings: drops those `per-file-ignores` covers
 * (globs match the path relative to the project file's folder, the path
 * as given, or, for a glob without '/', the file name) and sets the
 * `severity:` overrides (the last matching entry wins). Keeps the order.
 */
RELMAP_API void relmap_config_apply(const relmap_config *config, const relmap_model *model,
                                    relmap_findings *findings);

RELMAP_API void relmap_config_free(relmap_config *config);

#ifdef __cplusplus
}
#endif

#endif
