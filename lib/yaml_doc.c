/*
 * yaml_doc.c - libyaml documents with positioned errors (see yaml_doc.h).
 */
#include "yaml_doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "relmap/common.h"

/*
 * libyaml's scanner looks at every open flow collection for each token it
 * reads, so text nested n levels deep takes time in n squared: 8,000
 * brackets take seconds, 100 KB of them minutes. The project file and
 * baselines are a few levels deep; a first pass over the events refuses
 * anything deeper than this before the document is built, and stops
 * there, so its own cost stays linear.
 */
#define MAX_DEPTH 64

static int check_depth(const char *path, const char *text, size_t len)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return rm_error(RELMAP_EFORMAT, "%s: cannot start the YAML parser", path);
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    int rc = 0, depth = 0;
    bool done = false;
    while (!done && rc == 0) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event))
            break; /* the load reports the syntax error with its position */
        if (event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT) {
            if (++depth > MAX_DEPTH)
                rc = rm_error(RELMAP_EFORMAT, "%s:%zu:%zu: nested more than %d levels deep", path,
                              event.start_mark.line + 1, event.start_mark.column + 1, MAX_DEPTH);
        } else if (event.type == YAML_SEQUENCE_END_EVENT || event.type == YAML_MAPPING_END_EVENT) {
            depth--;
        }
        done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);
    return rc;
}

int rm_yaml_load(rm_yaml *y, const char *path, const char *text, size_t len)
{
    memset(y, 0, sizeof *y);
    y->path = path;
    int depth_rc = check_depth(path, text, len);
    if (depth_rc < 0)
        return depth_rc;
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return rm_error(RELMAP_EFORMAT, "%s: cannot start the YAML parser", path);
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    int rc = 0;
    if (!yaml_parser_load(&parser, &y->doc)) {
        rc = rm_error(RELMAP_EFORMAT, "%s:%zu:%zu: cannot parse: %s%s%s", path,
                      parser.problem_mark.line + 1, parser.problem_mark.column + 1,
                      parser.problem ? parser.problem : "syntax error", parser.context ? " " : "",
                      parser.context ? parser.context : "");
        memset(&y->doc, 0, sizeof y->doc);
    }
    yaml_parser_delete(&parser);
    return rc;
}

void rm_yaml_free(rm_yaml *y)
{
    yaml_document_delete(&y->doc);
}

yaml_node_t *rm_yaml_root(rm_yaml *y)
{
    return yaml_document_get_root_node(&y->doc);
}

yaml_node_t *rm_yaml_node(rm_yaml *y, int id)
{
    return yaml_document_get_node(&y->doc, id);
}

unsigned rm_yaml_line(const yaml_node_t *node)
{
    return (unsigned)node->start_mark.line + 1;
}

unsigned rm_yaml_column(const yaml_node_t *node)
{
    return (unsigned)node->start_mark.column + 1;
}

const char *rm_yaml_scalar(const yaml_node_t *node)
{
    return node && node->type == YAML_SCALAR_NODE ? (const char *)node->data.scalar.value : NULL;
}

bool rm_yaml_is_null(const yaml_node_t *node)
{
    const char *s = rm_yaml_scalar(node);
    if (!s || node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return false;
    return *s == '\0' || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 ||
           strcmp(s, "NULL") == 0;
}

int rm_yaml_error(const rm_yaml *y, const yaml_node_t *node, const char *fmt, ...)
{
    char message[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    return rm_error(RELMAP_EFORMAT, "%s:%u:%u: %s", y->path, rm_yaml_line(node),
                    rm_yaml_column(node), message);
}
