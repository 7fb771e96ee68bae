/*
 * yaml_doc.h - a parsed YAML document (libyaml) and the checks the
 * project file and baselines share: every error names the file, line and
 * column, as a user fixing the file needs.
 */
#ifndef RELMAP_YAML_DOC_H
#define RELMAP_YAML_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

typedef struct rm_yaml {
    yaml_document_t doc;
    const char *path;
} rm_yaml;

/* Parses `len` bytes of `text` (the file `path`). Returns 0, or
 * RELMAP_EFORMAT with the position of the syntax error. An empty file is
 * a document whose root is NULL. */
int rm_yaml_load(rm_yaml *y, const char *path, const char *text, size_t len);
void rm_yaml_free(rm_yaml *y);

/* The root node, or NULL for an empty document. */
yaml_node_t *rm_yaml_root(rm_yaml *y);
/* A node by id (mapping pairs and sequence items hold ids). */
yaml_node_t *rm_yaml_node(rm_yaml *y, int id);
/* 1-based line and column of a node. */
unsigned rm_yaml_line(const yaml_node_t *node);
unsigned rm_yaml_column(const yaml_node_t *node);

/* A scalar's text (NUL-terminated by libyaml), or NULL for other kinds. */
const char *rm_yaml_scalar(const yaml_node_t *node);
/* A plain `null`, `~` or empty scalar. */
bool rm_yaml_is_null(const yaml_node_t *node);

/* rm_error(RELMAP_EFORMAT, "path:line:col: message") for a node. */
int rm_yaml_error(const rm_yaml *y, const yaml_node_t *node, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif
