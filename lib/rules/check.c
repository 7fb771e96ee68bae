/*
 * check.c - the rule registry (generated from rules.def), rule selection,
 * running the rules and collecting their findings.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "arena.h"
#include "error.h"
#include "rule.h"

static const relmap_rule catalogue[] = {
#define RULE(id, name, severity, fn, summary, rationale, bad, good, fix)                           \
    {#id, name, RELMAP_SEVERITY_##severity, summary, rationale, bad, good, fix},
#include "rules.def"
#undef RULE
};

static const rule_fn rule_functions[] = {
#define RULE(id, name, severity, fn, summary, rationale, bad, good, fix) fn,
#include "rules.def"
#undef RULE
};

#define NRULES (sizeof catalogue / sizeof catalogue[0])

struct relmap_findings_internal {
    rm_arena *arena;
    size_t cap;
    /* Which catalogue entries ran: JUnit lists them as passed test cases. */
    bool ran[NRULES];
};

struct rule_ctx {
    const relmap_model *model;
    const relmap_rule *rule;
    relmap_findings *findings;
};

const relmap_rule *relmap_rules(size_t *count)
{
    *count = NRULES;
    return catalogue;
}

const relmap_rule *relmap_rule_find(const char *id_or_name)
{
    for (size_t i = 0; i < NRULES; i++)
        if (strcasecmp(catalogue[i].id, id_or_name) == 0 ||
            strcasecmp(catalogue[i].name, id_or_name) == 0)
            return &catalogue[i];
    return NULL;
}

const char *relmap_severity_name(relmap_severity severity)
{
    switch (severity) {
    case RELMAP_SEVERITY_ERROR:
        return "error";
    case RELMAP_SEVERITY_WARNING:
        return "warning";
    case RELMAP_SEVERITY_INFO:
        return "info";
    }
    return "unknown";
}

/* A selector names a rule by name, by id, by an id prefix ("FK", "FK00"),
 * or all of them ("ALL"). */
static bool selector_matches(const char *selector, const relmap_rule *rule)
{
    if (strcasecmp(selector, "ALL") == 0 || strcasecmp(selector, rule->name) == 0)
        return true;
    size_t n = strlen(selector);
    return n > 0 && strncasecmp(selector, rule->id, n) == 0;
}

static bool selector_known(const char *selector)
{
    for (size_t i = 0; i < NRULES; i++)
        if (selector_matches(selector, &catalogue[i]))
            return true;
    return false;
}

int relmap_check_opts_validate(const relmap_check_opts *opts)
{
    if (!opts || opts->version != RELMAP_CHECK_OPTS_VERSION)
        return rm_error(RELMAP_EINVAL, "relmap_check: options of an unknown version");
    for (size_t i = 0; i < opts->nselect; i++)
        if (!selector_known(opts->select[i]))
            return rm_error(RELMAP_EINVAL, "unknown rule '%s' in --select (see 'relmap rules')",
                            opts->select[i]);
    for (size_t i = 0; i < opts->nignore; i++)
        if (!selector_known(opts->ignore[i]))
            return rm_error(RELMAP_EINVAL, "unknown rule '%s' in --ignore (see 'relmap rules')",
                            opts->ignore[i]);
    return 0;
}

static bool rule_selected(const relmap_check_opts *opts, const relmap_rule *rule)
{
    bool selected = opts->nselect == 0;
    for (size_t i = 0; i < opts->nselect && !selected; i++)
        selected = selector_matches(opts->select[i], rule);
    for (size_t i = 0; i < opts->nignore && selected; i++)
        selected = !selector_matches(opts->ignore[i], rule);
    return selected;
}

const relmap_model *rc_model(const rule_ctx *ctx)
{
    return ctx->model;
}

#ifdef __GNUC__
__attribute__((format(printf, 2, 0)))
#endif
static char *
vformat(rm_arena *arena, const char *fmt, va_list ap)
{
    /* Formatted once into a stack buffer, which nearly every message fits:
     * formatting, not copying, is what costs. */
    char first[512];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(first, sizeof first, fmt, ap);
    if (n < 0)
        first[0] = '\0';
    size_t len = (size_t)(n > 0 ? n : 0);
    char *s = rm_arena_alloc(arena, len + 1);
    if (len < sizeof first)
        memcpy(s, first, len + 1);
    else
        vsnprintf(s, len + 1, fmt, ap2);
    va_end(ap2);
    return s;
}

relmap_finding *rc_report(rule_ctx *ctx, relmap_span span, const relmap_table *table,
                          const char *column, const char *fmt, ...)
{
    relmap_findings *fs = ctx->findings;
    fs->items = rm_grow(fs->items, &fs->internal->cap, fs->count + 1, sizeof *fs->items);
    relmap_finding *f = &fs->items[fs->count++];
    memset(f, 0, sizeof *f);
    f->rule = ctx->rule;
    f->severity = ctx->rule->severity;
    f->span = span;
    f->table = table ? table->name : NULL;
    f->column = column;
    va_list ap;
    va_start(ap, fmt);
    f->message = vformat(fs->internal->arena, fmt, ap);
    va_end(ap);
    return f;
}

void rc_related(rule_ctx *ctx, relmap_finding *finding, relmap_span span, const char *fmt, ...)
{
    rm_arena *arena = ctx->findings->internal->arena;
    relmap_related *r =
        rm_arena_push(arena, (void **)&finding->related, &finding->nrelated, sizeof *r);
    r->span = span;
    va_list ap;
    va_start(ap, fmt);
    r->message = vformat(arena, fmt, ap);
    va_end(ap);
}

void rc_fix(rule_ctx *ctx, relmap_finding *finding, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    finding->fix = vformat(ctx->findings->internal->arena, fmt, ap);
    va_end(ap);
}

/* Findings in reading order: by source, position, then rule id. Findings
 * without a place come last, in the order the rules made them. */
static int compare_findings(const void *a, const void *b)
{
    const relmap_finding *x = a, *y = b;
    if (x->span.source != y->span.source)
        return x->span.source < y->span.source ? -1 : 1;
    if (x->span.start != y->span.start)
        return x->span.start < y->span.start ? -1 : 1;
    int c = strcmp(x->rule->id, y->rule->id);
    if (c)
        return c;
    return strcmp(x->message, y->message);
}

int relmap_check(relmap_findings **out, const relmap_model *model, const relmap_check_opts *opts)
{
    *out = NULL;
    relmap_check_opts defaults = RELMAP_CHECK_OPTS_INIT;
    if (!opts)
        opts = &defaults;
    int rc = relmap_check_opts_validate(opts);
    if (rc < 0)
        return rc;
    relmap_findings *fs = rm_calloc(1, sizeof *fs);
    fs->internal = rm_calloc(1, sizeof *fs->internal);
    fs->internal->arena = rm_arena_new();
    rule_ctx ctx = {model, NULL, fs};
    for (size_t i = 0; i < NRULES; i++) {
        if (!rule_selected(opts, &catalogue[i]))
            continue;
        ctx.rule = &catalogue[i];
        fs->internal->ran[i] = true;
        rule_functions[i](&ctx);
    }
    if (fs->count > 1)
        qsort(fs->items, fs->count, sizeof *fs->items, compare_findings);
    *out = fs;
    return 0;
}

bool relmap_findings_rule_ran(const relmap_findings *findings, const relmap_rule *rule)
{
    if (!findings->internal)
        return true;
    /* By equality, not subtraction: `rule` may be a copy, not ours. */
    for (size_t i = 0; i < NRULES; i++)
        if (&catalogue[i] == rule)
            return findings->internal->ran[i];
    return false;
}

void relmap_findings_free(relmap_findings *findings)
{
    if (!findings)
        return;
    rm_arena_free(findings->internal->arena);
    free(findings->internal);
    free(findings->items);
    free(findings);
}
