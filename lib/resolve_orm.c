/*
 * resolve_orm.c - relationships decided as SQLAlchemy decides them at
 * configure time: the target class, the partner side, the secondary table,
 * the foreign keys of the join and the direction.
 */
#include <string.h>

#include "model_build.h"
#include "resolve.h"
#include "strmap.h"

/* Class names are Python identifiers: always case-sensitive. A bare name
 * two modules both define is ambiguous (stored as NULL), as it is in
 * SQLAlchemy's registry; the module-qualified name still finds each. */
static void index_classes(relmap_model *model)
{
    rm_strmap_free(model->internal->classes_by_name);
    rm_strmap *map = rm_strmap_new(false);
    for (size_t i = 0; i < model->nclasses; i++) {
        relmap_class *cls = model->classes[i];
        if (rm_strmap_put(map, cls->name, cls))
            rm_strmap_set(map, cls->name, NULL);
        if (cls->module && *cls->module)
            rm_strmap_put(map, rm_arena_printf(mb_arena(model), "%s.%s", cls->module, cls->name),
                          cls);
    }
    model->internal->classes_by_name = map;
}

const relmap_class *rm_find_class(const relmap_model *model, const char *name)
{
    rm_strmap *map = model->internal->classes_by_name;
    return map && name ? rm_strmap_get(map, name) : NULL;
}

void rm_resolve_orm(relmap_model *model)
{
    index_classes(model);
}
