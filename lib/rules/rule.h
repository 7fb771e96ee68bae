/*
 * rule.h - what a rule implementation sees: the resolved model, and the
 * functions that append findings. Rules never print.
 */
#ifndef RELMAP_RULE_H
#define RELMAP_RULE_H

#include "relmap/check.h"
#include "relmap/model.h"

typedef struct rule_ctx rule_ctx;
typedef void (*rule_fn)(rule_ctx *ctx);

const relmap_model *rc_model(const rule_ctx *ctx);

/*
 * Appends a finding of the running rule at `span`, about `table` and
 * `column` (either may be NULL), with a printf-style message. The returned
 * finding may be given related places and a fix until the next rc_report.
 */
relmap_finding *rc_report(rule_ctx *ctx, relmap_span span, const relmap_table *table,
                          const char *column, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 5, 6)))
#endif
    ;
void rc_related(rule_ctx *ctx, relmap_finding *finding, relmap_span span, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 4, 5)))
#endif
    ;
void rc_fix(rule_ctx *ctx, relmap_finding *finding, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* The rule functions, declared from rules.def. */
#define RULE(id, name, severity, fn, summary, rationale, bad, good, fix) void fn(rule_ctx *ctx);
#include "rules.def"
#undef RULE

#endif
