/*
 * model.c - what the public API offers on a built model.
 */
#include <stdlib.h>
#include <string.h>

#include "model_build.h"
#include "resolve.h"
#include "strmap.h"

void relmap_model_free(relmap_model *model)
{
    if (!model)
        return;
    rm_strmap_free(model->internal->tables_by_name);
    rm_strmap_free(model->internal->classes_by_name);
    rm_arena_free(model->internal->arena);
    free(model->internal);
    free(model);
}

const relmap_table *relmap_model_find_table(const relmap_model *model, const char *schema,
                                            const char *name)
{
    return rm_find_table(model, schema, name);
}

const relmap_class *relmap_model_find_class(const relmap_model *model, const char *name)
{
    return rm_find_class(model, name);
}

const char *relmap_direction_name(relmap_direction direction)
{
    switch (direction) {
    case RELMAP_DIRECTION_MANYTOONE:
        return "MANYTOONE";
    case RELMAP_DIRECTION_ONETOMANY:
        return "ONETOMANY";
    case RELMAP_DIRECTION_MANYTOMANY:
        return "MANYTOMANY";
    case RELMAP_DIRECTION_UNKNOWN:
        break;
    }
    return NULL;
}

const char *relmap_fk_action_name(relmap_fk_action action)
{
    switch (action) {
    case RELMAP_ACTION_NO_ACTION:
        return "NO ACTION";
    case RELMAP_ACTION_RESTRICT:
        return "RESTRICT";
    case RELMAP_ACTION_CASCADE:
        return "CASCADE";
    case RELMAP_ACTION_SET_NULL:
        return "SET NULL";
    case RELMAP_ACTION_SET_DEFAULT:
        return "SET DEFAULT";
    case RELMAP_ACTION_INVALID:
    case RELMAP_ACTION_UNSET:
        break;
    }
    return NULL;
}
