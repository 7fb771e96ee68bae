/*
 * config.c - the project file .relmap.yml (see relmap/config.h).
 *
 * Every mistake in the file is an error naming file, line and column: a
 * misspelt key silently ignored would leave a CI gate open.
 */
/* realpath() is XSI, beyond the POSIX base the build asks for. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "alloc.h"
#include "arena.h"
#include "buf.h"
#include "error.h"
#include "file_read.h"
#include "relmap/config.h"
#include "report_formats.h"
#include "yaml_doc.h"

struct relmap_config_internal {
    rm_arena *arena;
    char *text; /* the file, which relations.text points into */
    char *dir;  /* the file's folder, resolved, for per-file-ignores */
};

typedef struct parse {
    relmap_config *config;
    rm_yaml *y;
    rm_arena *arena;
} parse;

static const char *copy(parse *p, const char *s)
{
    return rm_arena_strdup(p->arena, s);
}

/* A rule selector (id, prefix, name, ALL), checked as --select checks it. */
static int check_rule(parse *p, yaml_node_t *node, const char *what)
{
    const char *s = rm_yaml_scalar(node);
    if (!s)
        return rm_yaml_error(p->y, node, "%s: expected a rule id or name", what);
    relmap_check_opts opts = RELMAP_CHECK_OPTS_INIT;
    opts.select = &s;
    opts.nselect = 1;
    if (relmap_check_opts_validate(&opts) < 0)
        return rm_yaml_error(p->y, node, "%s: unknown rule '%s' (see 'relmap rules')", what, s);
    return 0;
}

/* A list of rules: a sequence, or one scalar. */
static int rule_list(parse *p, yaml_node_t *node, const char *what, const char *const **out,
                     size_t *n)
{
    if (node->type == YAML_SCALAR_NODE) {
        int rc = check_rule(p, node, what);
        if (rc < 0)
            return rc;
        const char **items = rm_arena_alloc(p->arena, sizeof *items);
        items[0] = copy(p, rm_yaml_scalar(node));
        *out = items;
        *n = 1;
        return 0;
    }
    if (node->type != YAML_SEQUENCE_NODE)
        return rm_yaml_error(p->y, node, "%s: expected a list of rules", what);
    size_t count = (size_t)(node->data.sequence.items.top - node->data.sequence.items.start);
    const char **items = rm_arena_alloc(p->arena, (count ? count : 1) * sizeof *items);
    for (size_t i = 0; i < count; i++) {
        yaml_node_t *item = rm_yaml_node(p->y, node->data.sequence.items.start[i]);
        int rc = check_rule(p, item, what);
        if (rc < 0)
            return rc;
        items[i] = copy(p, rm_yaml_scalar(item));
    }
    *out = items;
    *n = count;
    return 0;
}

/* A list of names (columns); a single scalar counts as one. */
static int name_list(parse *p, yaml_node_t *node, const char *what, const char *const **out,
                     size_t *n)
{
    if (rm_yaml_scalar(node) && !rm_yaml_is_null(node)) {
        const char **items = rm_arena_alloc(p->arena, sizeof *items);
        items[0] = copy(p, rm_yaml_scalar(node));
        *out = items;
        *n = 1;
        return 0;
    }
    if (node->type != YAML_SEQUENCE_NODE)
        return rm_yaml_error(p->y, node, "%s: expected a list of column names", what);
    size_t count = (size_t)(node->data.sequence.items.top - node->data.sequence.items.start);
    const char **items = rm_arena_alloc(p->arena, (count ? count : 1) * sizeof *items);
    for (size_t i = 0; i < count; i++) {
        yaml_node_t *item = rm_yaml_node(p->y, node->data.sequence.items.start[i]);
        if (!rm_yaml_scalar(item) || rm_yaml_is_null(item))
            return rm_yaml_error(p->y, item, "%s: expected a column name", what);
        items[i] = copy(p, rm_yaml_scalar(item));
    }
    *out = items;
    *n = count;
    return 0;
}

static int parse_severity(parse *p, yaml_node_t *node)
{
    if (node->type != YAML_MAPPING_NODE)
        return rm_yaml_error(p->y, node, "severity: expected a mapping of rule: level");
    size_t count = (size_t)(node->data.mapping.pairs.top - node->data.mapping.pairs.start);
    relmap_severity_override *items = rm_arena_alloc(p->arena, (count ? count : 1) * sizeof *items);
    for (size_t i = 0; i < count; i++) {
        yaml_node_pair_t *pair = &node->data.mapping.pairs.start[i];
        yaml_node_t *key = rm_yaml_node(p->y, pair->key), *value = rm_yaml_node(p->y, pair->value);
        int rc = check_rule(p, key, "severity");
        if (rc < 0)
            return rc;
        const char *level = rm_yaml_scalar(value);
        if (level && strcmp(level, "error") == 0)
            items[i].severity = RELMAP_SEVERITY_ERROR;
        else if (level && strcmp(level, "warning") == 0)
            items[i].severity = RELMAP_SEVERITY_WARNING;
        else if (level && strcmp(level, "info") == 0)
            items[i].severity = RELMAP_SEVERITY_INFO;
        else
            return rm_yaml_error(p->y, value, "severity: expected error, warning or info");
        items[i].rule = copy(p, rm_yaml_scalar(key));
    }
    p->config->severities = items;
    p->config->nseverities = count;
    return 0;
}

static int parse_path_ignores(parse *p, yaml_node_t *node)
{
    if (node->type != YAML_MAPPING_NODE)
        return rm_yaml_error(p->y, node, "per-file-ignores: expected a mapping of glob: [rules]");
    size_t count = (size_t)(node->data.mapping.pairs.top - node->data.mapping.pairs.start);
    relmap_path_ignore *items = rm_arena_alloc(p->arena, (count ? count : 1) * sizeof *items);
    for (size_t i = 0; i < count; i++) {
        yaml_node_pair_t *pair = &node->data.mapping.pairs.start[i];
        yaml_node_t *key = rm_yaml_node(p->y, pair->key);
        if (!rm_yaml_scalar(key) || !*rm_yaml_scalar(key))
            return rm_yaml_error(p->y, key, "per-file-ignores: expected a glob");
        items[i].glob = copy(p, rm_yaml_scalar(key));
        int rc = rule_list(p, rm_yaml_node(p->y, pair->value), "per-file-ignores", &items[i].rules,
                           &items[i].nrules);
        if (rc < 0)
            return rc;
    }
    p->config->path_ignores = items;
    p->config->npath_ignores = count;
    return 0;
}

static int parse_relation(parse *p, yaml_node_t *node, relmap_relation *r)
{
    if (node->type != YAML_MAPPING_NODE)
        return rm_yaml_error(p->y, node,
                             "relations: expected {table, columns, ref_table, ref_columns}");
    r->start = node->start_mark.index;
    r->end = node->end_mark.index;
    for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
         pair < node->data.mapping.pairs.top; pair++) {
        yaml_node_t *key = rm_yaml_node(p->y, pair->key), *value = rm_yaml_node(p->y, pair->value);
        const char *k = rm_yaml_scalar(key);
        int rc = 0;
        if (k && (strcmp(k, "table") == 0 || strcmp(k, "ref_table") == 0)) {
            if (!rm_yaml_scalar(value) || rm_yaml_is_null(value))
                return rm_yaml_error(p->y, value, "relations: %s: expected a table name", k);
            *(strcmp(k, "table") == 0 ? &r->table : &r->ref_table) = copy(p, rm_yaml_scalar(value));
        } else if (k && strcmp(k, "columns") == 0) {
            rc = name_list(p, value, "relations: columns", &r->columns, &r->ncolumns);
        } else if (k && strcmp(k, "ref_columns") == 0) {
            rc = name_list(p, value, "relations: ref_columns", &r->ref_columns, &r->nref_columns);
        } else {
            return rm_yaml_error(p->y, key,
                                 "relations: unknown key '%s' (expected table, columns, "
                                 "ref_table, ref_columns)",
                                 k ? k : "?");
        }
        if (rc < 0)
            return rc;
    }
    if (!r->table || !r->ref_table || r->ncolumns == 0)
        return rm_yaml_error(p->y, node,
                             "relations: a relation needs table, columns and ref_table");
    if (r->nref_columns && r->nref_columns != r->ncolumns)
        return rm_yaml_error(p->y, node, "relations: columns and ref_columns differ in number");
    return 0;
}

static int parse_relations(parse *p, yaml_node_t *node)
{
    if (node->type != YAML_SEQUENCE_NODE)
        return rm_yaml_error(p->y, node, "relations: expected a list");
    size_t count = (size_t)(node->data.sequence.items.top - node->data.sequence.items.start);
    relmap_relation *items = rm_arena_alloc(p->arena, (count ? count : 1) * sizeof *items);
    memset(items, 0, (count ? count : 1) * sizeof *items);
    for (size_t i = 0; i < count; i++) {
        int rc =
            parse_relation(p, rm_yaml_node(p->y, node->data.sequence.items.start[i]), &items[i]);
        if (rc < 0)
            return rc;
    }
    p->config->relations.items = items;
    p->config->relations.count = count;
    return 0;
}

static int parse_member(parse *p, yaml_node_t *key, yaml_node_t *value)
{
    relmap_config *c = p->config;
    const char *k = rm_yaml_scalar(key);
    if (!k)
        return rm_yaml_error(p->y, key, "expected a key");
    if (strcmp(k, "select") == 0) {
        c->has_select = true;
        return rule_list(p, value, "select", &c->select, &c->nselect);
    }
    if (strcmp(k, "ignore") == 0) {
        c->has_ignore = true;
        return rule_list(p, value, "ignore", &c->ignore, &c->nignore);
    }
    if (strcmp(k, "severity") == 0)
        return parse_severity(p, value);
    if (strcmp(k, "per-file-ignores") == 0)
        return parse_path_ignores(p, value);
    if (strcmp(k, "relations") == 0)
        return parse_relations(p, value);
    if (strcmp(k, "dialect") == 0) {
        static const struct {
            const char *name;
            relmap_dialect dialect;
        } dialects[] = {
            {"sqlite", RELMAP_DIALECT_SQLITE},       {"postgres", RELMAP_DIALECT_POSTGRES},
            {"postgresql", RELMAP_DIALECT_POSTGRES}, {"mysql", RELMAP_DIALECT_MYSQL},
            {"mariadb", RELMAP_DIALECT_MYSQL},       {"auto", RELMAP_DIALECT_UNKNOWN}};
        const char *v = rm_yaml_scalar(value);
        for (size_t i = 0; v && i < sizeof dialects / sizeof dialects[0]; i++)
            if (strcmp(v, dialects[i].name) == 0) {
                c->has_dialect = true;
                c->dialect = dialects[i].dialect;
                return 0;
            }
        return rm_yaml_error(p->y, value, "dialect: expected auto, sqlite, postgres or mysql");
    }
    if (strcmp(k, "fail-on") == 0) {
        static const char *const levels[] = {"error", "warning", "info", "never"};
        const char *v = rm_yaml_scalar(value);
        for (size_t i = 0; v && i < sizeof levels / sizeof levels[0]; i++)
            if (strcmp(v, levels[i]) == 0) {
                c->fail_on = levels[i];
                return 0;
            }
        return rm_yaml_error(p->y, value, "fail-on: expected error, warning, info or never");
    }
    return rm_yaml_error(p->y, key,
                         "unknown key '%s' (expected select, ignore, severity, per-file-ignores, "
                         "dialect, fail-on or relations)",
                         k);
}

/* The resolved folder of `path`, for matching paths relative to it. */
static char *folder_of(const char *path)
{
    char *copy_path = rm_strdup(path);
    char *slash = strrchr(copy_path, '/');
    if (slash)
        *(slash == copy_path ? slash + 1 : slash) = '\0';
    char *dir = realpath(slash ? copy_path : ".", NULL);
    free(copy_path);
    return dir;
}

int relmap_config_parse(relmap_config **out, const char *path, const char *text, size_t len)
{
    *out = NULL;
    relmap_config *c = rm_calloc(1, sizeof *c);
    c->internal = rm_calloc(1, sizeof *c->internal);
    c->internal->arena = rm_arena_new();
    c->internal->text = rm_strndup(text, len);
    c->internal->dir = folder_of(path);
    c->path = rm_arena_strdup(c->internal->arena, path);
    c->relations.path = c->path;
    c->relations.text = c->internal->text;
    c->relations.len = len;

    rm_yaml y;
    int rc = rm_yaml_load(&y, c->path, text, len);
    if (rc < 0) {
        relmap_config_free(c);
        return rc;
    }
    parse p = {c, &y, c->internal->arena};
    yaml_node_t *root = rm_yaml_root(&y);
    if (root && !rm_yaml_is_null(root) && root->type != YAML_MAPPING_NODE)
        rc = rm_yaml_error(&y, root, "expected a mapping of settings");
    for (yaml_node_pair_t *pair =
             root && root->type == YAML_MAPPING_NODE ? root->data.mapping.pairs.start : NULL;
         rc == 0 && pair && pair < root->data.mapping.pairs.top; pair++)
        rc = parse_member(&p, rm_yaml_node(&y, pair->key), rm_yaml_node(&y, pair->value));
    rm_yaml_free(&y);
    if (rc < 0) {
        relmap_config_free(c);
        return rc;
    }
    *out = c;
    return 0;
}

/* A project file is a page or two; past this it is not one. */
#define CONFIG_MAX_SIZE ((uint64_t)16 * 1024 * 1024)

int relmap_config_load(relmap_config **out, const char *path)
{
    *out = NULL;
    /* Read as inputs are: a FIFO or a device there is refused, not waited
     * on or read forever. */
    char *text;
    size_t len;
    int rc = rm_read_file(path, CONFIG_MAX_SIZE, &text, &len);
    if (rc == RELMAP_ELIMIT)
        return rm_error(RELMAP_ELIMIT, "%s: larger than 16 MiB: not a project file", path);
    if (rc < 0)
        return rc;
    rc = relmap_config_parse(out, path, text, len);
    free(text);
    return rc;
}

static bool exists(const char *dir, const char *name, bool want_dir)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = rm_malloc(n);
    snprintf(p, n, "%s/%s", dir, name);
    struct stat st;
    bool ok = stat(p, &st) == 0 && (want_dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
    free(p);
    return ok;
}

int relmap_config_find(char **out, const char *start_dir)
{
    *out = NULL;
    char *dir = realpath(start_dir, NULL);
    if (!dir)
        return rm_error(RELMAP_EIO, "%s: cannot resolve: %s", start_dir, strerror(errno));
    for (;;) {
        if (exists(dir, RELMAP_CONFIG_NAME, false)) {
            /* Relative to the working folder when below it: findings in
             * the file (declared relations) then name it as a user would,
             * and SARIF keeps a relative URI. */
            char *cwd = realpath(".", NULL);
            size_t cut = cwd ? strlen(cwd) : 0;
            const char *shown = dir;
            if (cwd && strcmp(dir, cwd) == 0)
                shown = "";
            else if (cwd && strcmp(cwd, "/") != 0 && strncmp(dir, cwd, cut) == 0 && dir[cut] == '/')
                shown = dir + cut + 1;
            size_t n = strlen(shown) + sizeof RELMAP_CONFIG_NAME + 1;
            *out = rm_malloc(n);
            snprintf(*out, n, "%s%s%s", strcmp(dir, "/") == 0 ? "" : shown, *shown ? "/" : "",
                     RELMAP_CONFIG_NAME);
            if (strcmp(dir, "/") == 0)
                snprintf(*out, n, "/%s", RELMAP_CONFIG_NAME);
            free(cwd);
            free(dir);
            return 1;
        }
        /* The repository's root: a project file above it is someone else's. */
        char *slash = strrchr(dir, '/');
        if (exists(dir, ".git", true) || exists(dir, ".git", false) || !slash || dir[1] == '\0')
            break;
        *(slash == dir ? slash + 1 : slash) = '\0';
    }
    free(dir);
    return 0;
}

static bool selects(const char *selector, const relmap_rule *rule)
{
    /* As check.c's selectors: ALL, a name, or an id prefix. */
    if (strcasecmp(selector, "ALL") == 0 || strcasecmp(selector, rule->name) == 0)
        return true;
    size_t n = strlen(selector);
    return n > 0 && strncasecmp(selector, rule->id, n) == 0;
}

/* Whether `glob` matches the finding's file (see relmap_config_apply). */
static bool path_matches(const relmap_config *c, const char *glob, const char *path)
{
    const char *given = path;
    while (given[0] == '.' && given[1] == '/')
        given += 2;
    if (fnmatch(glob, given, 0) == 0)
        return true;
    if (!strchr(glob, '/')) {
        const char *base = strrchr(given, '/');
        if (fnmatch(glob, base ? base + 1 : given, 0) == 0)
            return true;
    }
    char *real = c->internal->dir ? realpath(path, NULL) : NULL;
    bool hit = false;
    if (real) {
        size_t n = strlen(c->internal->dir);
        if (strncmp(real, c->internal->dir, n) == 0 && real[n] == '/')
            hit = fnmatch(glob, real + n + 1, 0) == 0;
        free(real);
    }
    return hit;
}

void relmap_config_apply(const relmap_config *config, const relmap_model *model,
                         relmap_findings *findings)
{
    size_t kept = 0;
    for (size_t i = 0; i < findings->count; i++) {
        relmap_finding *f = &findings->items[i];
        const char *path = rm_finding_path(model, f);
        bool drop = false;
        for (size_t k = 0; k < config->npath_ignores && path && !drop; k++) {
            const relmap_path_ignore *pi = &config->path_ignores[k];
            bool rule_hit = false;
            for (size_t r = 0; r < pi->nrules && !rule_hit; r++)
                rule_hit = selects(pi->rules[r], f->rule);
            drop = rule_hit && path_matches(config, pi->glob, path);
        }
        if (drop)
            continue;
        for (size_t k = 0; k < config->nseverities; k++)
            if (selects(config->severities[k].rule, f->rule))
                f->severity = config->severities[k].severity;
        findings->items[kept++] = *f;
    }
    findings->count = kept;
}

void relmap_config_free(relmap_config *config)
{
    if (!config)
        return;
    rm_arena_free(config->internal->arena);
    free(config->internal->text);
    free(config->internal->dir);
    free(config->internal);
    free(config);
}
