/*
 * relmap/check.h - the rule catalogue and running the rules over a model.
 */
#ifndef RELMAP_CHECK_H
#define RELMAP_CHECK_H

#include <stdbool.h>

#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Severities, ordered: a higher value is more severe. */
typedef enum relmap_severity {
    RELMAP_SEVERITY_INFO = 1,
    RELMAP_SEVERITY_WARNING = 2,
    RELMAP_SEVERITY_ERROR = 3
} relmap_severity;

/** "info", "warning" or "error". */
RELMAP_API const char *relmap_severity_name(relmap_severity severity);

/** One rule of the catalogue (../shared/RULES.md). Static data. */
typedef struct relmap_rule {
    const char *id;   /* "FK006" */
    const char *name; /* "fk-missing-index" */
    relmap_severity severity;
    const char *summary;   /* one line */
    const char *rationale; /* why it matters */
    const char *bad;       /* an example that triggers it */
    const char *good;      /* the example fixed */
    const char *fix;       /* the fix in one sentence */
} relmap_rule;

/** The catalogue: stores its length in *count. Never NULL. */
RELMAP_API const relmap_rule *relmap_rules(size_t *count);

/** A rule by id or name (case-insensitive), or NULL. */
RELMAP_API const relmap_rule *relmap_rule_find(const char *id_or_name);

/** A place related to a finding: the other side of a pair, say. */
typedef struct relmap_related {
    relmap_span span;
    const char *message;
} relmap_related;

typedef struct relmap_finding {
    const relmap_rule *rule;
    relmap_severity severity; /* the rule's, unless overridden */
    relmap_span span;
    /** What the finding is about; NULL where it does not apply. */
    const char *table;
    const char *column; /* the first, for a finding about several columns */
    const char *class_name;
    const char *attribute;
    const char *message;
    relmap_related *related;
    size_t nrelated;
    /** The fix as text to write (SQL, Python), or NULL. */
    const char *fix;
} relmap_finding;

/** The findings of one check, sorted by file, position and rule. */
typedef struct relmap_findings {
    relmap_finding *items;
    size_t count;
    struct relmap_findings_internal *internal;
} relmap_findings;

typedef struct relmap_check_opts {
    unsigned version;
    /**
     * Rules to run (ids, id prefixes such as "FK", or names); NULL or empty
     * runs all. `ignore` removes from that set.
     */
    const char *const *select;
    size_t nselect;
    const char *const *ignore;
    size_t nignore;
} relmap_check_opts;

#define RELMAP_CHECK_OPTS_VERSION 1
#define RELMAP_CHECK_OPTS_INIT                                                                     \
    {                                                                                              \
        RELMAP_CHECK_OPTS_VERSION, NULL, 0, NULL, 0                                                \
    }

/**
 * Checks that every entry of `select` and `ignore` names a rule, an id
 * prefix of some rules, or a rule name. Returns 0, or RELMAP_EINVAL with
 * relmap_error_last() naming the first that does not.
 */
RELMAP_API int relmap_check_opts_validate(const relmap_check_opts *opts);

/**
 * Runs the selected rules over a resolved model. On success stores the
 * findings (freed with relmap_findings_free(); they point into the model,
 * so free them first) and returns 0; RELMAP_EINVAL for invalid options.
 */
RELMAP_API int relmap_check(relmap_findings **out, const relmap_model *model,
                            const relmap_check_opts *opts);

/**
 * Whether `rule` ran in the check that made `findings` (it was selected),
 * whether or not it found anything. Findings not made by relmap_check
 * (internal NULL) count every rule as run.
 */
RELMAP_API bool relmap_findings_rule_ran(const relmap_findings *findings, const relmap_rule *rule);

RELMAP_API void relmap_findings_free(relmap_findings *findings);

#ifdef __cplusplus
}
#endif

#endif
