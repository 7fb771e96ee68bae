/*
 * load_limits.c - refusing a model past the limits of load_limits.h,
 * after each input is read: the readers build what they find, and this
 * says where a file went past what relmap takes.
 */
#include "load_limits.h"

#include <stdio.h>
#include <string.h>

#include "error.h"

/* "path:line:column" of a span, or the input's path when it has none. */
static const char *where(const relmap_model *model, relmap_span span, const char *path, char *buf,
                         size_t cap)
{
    relmap_location loc;
    if (relmap_span_locate(model, span, &loc) == 0 && loc.path)
        snprintf(buf, cap, "%s:%u:%u", loc.path, loc.line, loc.column);
    else
        snprintf(buf, cap, "%s", path);
    return buf;
}

static int long_name(const relmap_model *model, relmap_span span, const char *path,
                     const char *what, size_t len)
{
    char at[4096];
    return rm_error(RELMAP_ELIMIT, "%s: a %s name of %zu bytes; relmap takes names of up to %d",
                    where(model, span, path, at, sizeof at), what, len, RM_MAX_NAME);
}

static size_t length(const char *name)
{
    return name ? strlen(name) : 0;
}

static int check_table(const relmap_model *model, const relmap_table *t, const char *path)
{
    char at[4096];
    if (length(t->name) > RM_MAX_NAME)
        return long_name(model, t->span, path, "table", length(t->name));
    if (length(t->schema) > RM_MAX_NAME)
        return long_name(model, t->span, path, "schema", length(t->schema));
    if (t->ncolumns > RM_MAX_COLUMNS)
        return rm_error(RELMAP_ELIMIT, "%s: table %.64s has %zu columns; relmap takes up to %d",
                        where(model, t->span, path, at, sizeof at), t->name, t->ncolumns,
                        RM_MAX_COLUMNS);
    /* A view's column may be named by its expression, as SQLite names it:
     * as long as the expression, and no mistake. */
    for (size_t c = 0; c < t->ncolumns && t->kind == RELMAP_KIND_TABLE; c++)
        if (length(t->columns[c].name) > RM_MAX_NAME)
            return long_name(model, t->columns[c].span, path, "column",
                             length(t->columns[c].name));
    return 0;
}

int rm_check_limits(const relmap_model *model, const char *path, size_t first_table,
                    size_t first_class)
{
    if (model->ntables - first_table > RM_MAX_TABLES)
        return rm_error(RELMAP_ELIMIT, "%s: more than %d tables; relmap takes up to %d per input",
                        path, RM_MAX_TABLES, RM_MAX_TABLES);
    for (size_t i = first_table; i < model->ntables; i++) {
        int rc = check_table(model, model->tables[i], path);
        if (rc < 0)
            return rc;
    }
    for (size_t i = first_class; i < model->nclasses; i++) {
        const relmap_class *cls = model->classes[i];
        if (length(cls->name) > RM_MAX_NAME)
            return long_name(model, cls->span, path, "class", length(cls->name));
        for (size_t r = 0; r < cls->nrelationships; r++)
            if (length(cls->relationships[r].name) > RM_MAX_NAME)
                return long_name(model, cls->relationships[r].span, path, "relationship",
                                 length(cls->relationships[r].name));
    }
    return 0;
}
