/*
 * orm_rel_util.c - helpers of the relationship rules (orm_rel_util.h).
 */
#include "orm_rel_util.h"

#include "alloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

void orl_each_relationship(rule_ctx *ctx, orl_visit visit, void *payload)
{
    const relmap_model *model = rc_model(ctx);
    for (size_t i = 0; i < model->nclasses; i++) {
        const relmap_class *cls = model->classes[i];
        if (cls->mixin || cls->abstract)
            continue;
        for (size_t k = 0; k < cls->nrelationships; k++)
            visit(ctx, &cls->relationships[k], payload);
    }
}

relmap_finding *orl_about(relmap_finding *f, const relmap_relationship *rel)
{
    f->class_name = rel->owner ? rel->owner->name : NULL;
    f->attribute = rel->name;
    return f;
}

const relmap_relationship *orl_find_relationship(const relmap_class *cls, const char *name)
{
    for (; cls && name; cls = cls->parent)
        for (size_t i = 0; i < cls->nrelationships; i++)
            if (strcmp(cls->relationships[i].name, name) == 0)
                return &cls->relationships[i];
    return NULL;
}

const relmap_column *orl_find_column_attribute(const relmap_class *cls, const char *name)
{
    for (; cls && name; cls = cls->parent)
        for (size_t i = 0; cls->table && i < cls->table->ncolumns; i++) {
            const relmap_column *c = &cls->table->columns[i];
            if (strcmp(c->key ? c->key : c->name, name) == 0)
                return c;
        }
    return NULL;
}

static bool inherits(const relmap_class *cls, const relmap_class *ancestor)
{
    for (; cls; cls = cls->parent)
        if (cls == ancestor)
            return true;
    return false;
}

bool orl_same_lineage(const relmap_class *a, const relmap_class *b)
{
    return a && b && (inherits(a, b) || inherits(b, a));
}

bool orl_before(const relmap_relationship *a, const relmap_relationship *b)
{
    if (a->span.source != RELMAP_NO_SOURCE && a->span.source == b->span.source &&
        a->span.start != b->span.start)
        return a->span.start < b->span.start;
    int c = strcmp(a->owner->name, b->owner->name);
    return c < 0 || (c == 0 && strcmp(a->name, b->name) < 0);
}

void orl_add_place(rm_buf *b, const relmap_model *model, relmap_span span)
{
    relmap_location loc;
    if (relmap_span_locate(model, span, &loc) == 0)
        rm_buf_printf(b, "%s:%u", loc.path, loc.line);
}

const char *orl_suggest_name(rm_buf *b, const relmap_class *cls, bool collection)
{
    rm_buf_clear(b);
    for (const char *p = cls->name; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (isupper(c) && p != cls->name && !isupper((unsigned char)p[-1]))
            rm_buf_addc(b, '_');
        rm_buf_addc(b, (char)tolower(c));
    }
    if (!collection)
        return rm_buf_cstr(b);
    /* English plurals, the common cases: box -> boxes, category -> categories. */
    const char *s = rm_buf_cstr(b);
    size_t n = strlen(s);
    char last = n ? s[n - 1] : 0, before = n > 1 ? s[n - 2] : 0;
    if (last == 'y' && before && !strchr("aeiou", before)) {
        char *stem = rm_strndup(s, n - 1);
        rm_buf_clear(b);
        rm_buf_printf(b, "%sies", stem);
        free(stem);
    } else if (last == 's' || last == 'x' || (last == 'h' && (before == 'c' || before == 's'))) {
        rm_buf_adds(b, "es");
    } else {
        rm_buf_addc(b, 's');
    }
    return rm_buf_cstr(b);
}
