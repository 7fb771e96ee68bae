/*
 * py_relationships.c - relationship() as written: the target (a string, a
 * class, a lambda or the annotation), back_populates, backrefs and every
 * keyword resolve and the ORM rules look at. Deciding what the
 * relationship does is resolve's job, not the reader's.
 */
#include <string.h>

#include "py_models.h"

static bool tail_is(py_ctx *ctx, py_mod *mod, const py_expr *e, const char *const *names)
{
    py_ref r = py_eval(ctx, mod, e, 0);
    const char *tail = r.kind == PY_R_EXTERN                            ? py_tail(ctx, r.qual)
                       : (e->kind == PY_E_NAME || e->kind == PY_E_ATTR) ? e->name
                                                                        : NULL;
    for (size_t i = 0; tail && names[i]; i++)
        if (strcmp(tail, names[i]) == 0)
            return true;
    return false;
}

/* A quoted annotation ("List['User']") parsed as an expression. */
static const py_expr *parse_string_annotation(py_ctx *ctx, const py_expr *e)
{
    if (!py_str(e) || !strchr(py_str(e), '['))
        return e;
    py_module m;
    py_parse(ctx->tmp, e->text, e->text_len, &m);
    if (m.nerrors || m.body.nstmts != 1 || m.body.stmts[0]->kind != PY_S_EXPR)
        return e;
    return m.body.stmts[0]->value;
}

const py_expr *py_unwrap_annotation(py_ctx *ctx, py_mod *mod, const py_expr *ann, bool *optional,
                                    bool *collection, bool *mapped)
{
    static const char *const mapped_names[] = {"Mapped", NULL};
    static const char *const list_mapped[] = {"WriteOnlyMapped", "DynamicMapped", NULL};
    static const char *const optional_names[] = {"Optional", NULL};
    static const char *const union_names[] = {"Union", NULL};
    static const char *const collections[] = {
        "List",       "list",          "Set",       "set",      "Sequence",
        "Collection", "FrozenSet",     "frozenset", "Iterable", "MutableSequence",
        "MutableSet", "AppenderQuery", "Query",     NULL};
    static const char *const dicts[] = {"Dict", "dict", "Mapping", "MutableMapping", NULL};
    static const char *const wrappers[] = {"Annotated", "Final", NULL};
    static const char *const classvar[] = {"ClassVar", NULL};
    ctx->ann_alias = NULL;
    ctx->ann_column = NULL;
    for (int depth = 0; ann && depth < 16; depth++) {
        ann = parse_string_annotation(ctx, ann);
        if (ann->kind == PY_E_NAME || ann->kind == PY_E_ATTR) {
            /* intpk = Annotated[int, mapped_column(primary_key=True)] */
            py_ref r = py_eval(ctx, mod, ann, 0);
            if (r.kind == PY_R_VALUE && r.value->kind == PY_E_SUBSCRIPT) {
                if (!ctx->ann_alias)
                    ctx->ann_alias = py_dotted_name(ctx->tmp, ann);
                ann = r.value;
                mod = r.mod;
            }
        }
        if (ann->kind == PY_E_BINOP && strcmp(ann->name, "|") == 0) {
            const py_expr *l = ann->left, *r = ann->right;
            bool lnone = l->kind == PY_E_CONST && strcmp(l->name, "None") == 0;
            bool rnone = r->kind == PY_E_CONST && strcmp(r->name, "None") == 0;
            if (lnone || rnone) {
                *optional = true;
                ann = lnone ? r : l;
                continue;
            }
            return ann;
        }
        if (ann->kind != PY_E_SUBSCRIPT || ann->nitems == 0)
            return ann;
        const py_expr *head = ann->value;
        if (tail_is(ctx, mod, head, classvar))
            return NULL;
        if (tail_is(ctx, mod, head, mapped_names)) {
            *mapped = true;
        } else if (tail_is(ctx, mod, head, list_mapped)) {
            *mapped = true;
            *collection = true;
        } else if (tail_is(ctx, mod, head, optional_names)) {
            *optional = true;
        } else if (tail_is(ctx, mod, head, union_names)) {
            const py_expr *keep = NULL;
            for (size_t i = 0; i < ann->nitems; i++) {
                const py_expr *it = ann->items[i];
                if (it->kind == PY_E_CONST && strcmp(it->name, "None") == 0)
                    *optional = true;
                else if (!keep)
                    keep = it;
            }
            ann = keep;
            continue;
        } else if (tail_is(ctx, mod, head, collections)) {
            *collection = true;
        } else if (tail_is(ctx, mod, head, dicts)) {
            *collection = true;
            ann = ann->items[ann->nitems - 1];
            continue;
        } else if (tail_is(ctx, mod, head, wrappers)) {
            for (size_t i = 1; i < ann->nitems; i++)
                if (ann->items[i]->kind == PY_E_CALL && !ctx->ann_column) {
                    ctx->ann_column = ann->items[i];
                    ctx->ann_column_mod = mod;
                }
        } else {
            return ann;
        }
        ann = ann->items[0];
    }
    return ann;
}

bool py_is_relationship(py_ctx *ctx, py_mod *mod, const py_expr *annotation, const py_expr *value)
{
    static const char *const names[] = {"relationship", "Relationship", "relation",
                                        "dynamic_loader", NULL};
    (void)annotation;
    return value && value->kind == PY_E_CALL && tail_is(ctx, mod, value->value, names);
}

/* A name as written: a string as is, an attribute chain dotted, a lambda's body. */
static const char *as_written(py_ctx *ctx, py_mod *mod, const py_expr *e)
{
    if (!e)
        return NULL;
    if (e->kind == PY_E_LAMBDA)
        e = e->value;
    if (py_str(e))
        return py_str(e);
    const char *dotted = py_dotted_name(ctx->tmp, e);
    return dotted ? dotted : py_text(ctx, mod, e);
}

/* Entries of foreign_keys= or remote_side=: a list, a set, one attribute,
 * or a string of either ("[Address.user_id, Address.kind]"). */
static void each_entry(py_ctx *ctx, py_mod *mod, const py_expr *e, relmap_relationship *rel,
                       void (*add)(relmap_model *, relmap_relationship *, const char *))
{
    if (!e)
        return;
    if (e->kind == PY_E_LAMBDA)
        e = e->value;
    if (e->kind == PY_E_LIST || e->kind == PY_E_TUPLE || e->kind == PY_E_SET) {
        for (size_t i = 0; i < e->nitems; i++)
            add(ctx->model, rel, as_written(ctx, mod, e->items[i]));
        return;
    }
    const char *s = py_str(e);
    if (!s) {
        add(ctx->model, rel, as_written(ctx, mod, e));
        return;
    }
    while (*s == ' ' || *s == '[' || *s == '(' || *s == '{')
        s++;
    for (;;) {
        const char *end = s;
        while (*end && *end != ',' && *end != ']' && *end != ')' && *end != '}')
            end++;
        const char *last = end;
        while (last > s && (last[-1] == ' ' || last[-1] == '\t' || last[-1] == '\n'))
            last--;
        if (last > s)
            add(ctx->model, rel, rm_arena_strndup(ctx->tmp, s, (size_t)(last - s)));
        if (*end != ',')
            break;
        s = end + 1;
        while (*s == ' ' || *s == '\t' || *s == '\n')
            s++;
    }
}

/* secondary=: a table variable by its table's name, a string as written. */
static const char *secondary_name(py_ctx *ctx, py_mod *mod, const py_expr *e)
{
    if (e && e->kind == PY_E_LAMBDA)
        e = e->value;
    if (!e)
        return NULL;
    if (py_str(e))
        return py_str(e);
    py_ref r = py_eval(ctx, mod, e, 0);
    if (r.kind == PY_R_VALUE && r.value->kind == PY_E_CALL && py_core_table_name(r.value))
        return py_core_table_name(r.value);
    if (r.kind == PY_R_CLASS) /* SQLModel's link_model */
        return py_class_table_name(ctx, r.cls);
    if (e->kind == PY_E_ATTR && strcmp(e->name, "__table__") == 0) {
        r = py_eval(ctx, mod, e->value, 0);
        if (r.kind == PY_R_CLASS)
            return py_class_table_name(ctx, r.cls);
    }
    return as_written(ctx, mod, e);
}

static void relationship_kw(py_ctx *ctx, py_mod *mod, relmap_relationship *rel, const char *k,
                            const py_expr *v);

/* How the target was written (ORM014), and where. */
static void set_target_kind(relmap_relationship *rel, py_mod *mod, const py_expr *v)
{
    rel->target_span = py_span(mod, v->start, v->end);
    rel->target_kind = py_str(v)                                      ? RELMAP_TARGET_STRING
                       : v->kind == PY_E_LAMBDA                       ? RELMAP_TARGET_LAMBDA
                       : v->kind == PY_E_NAME || v->kind == PY_E_ATTR ? RELMAP_TARGET_CLASS
                                                                      : RELMAP_TARGET_NONE;
}

static void backref_spec(py_ctx *ctx, py_mod *mod, relmap_relationship *rel, const py_expr *v)
{
    if (py_str(v)) {
        mb_backref_spec(ctx->model, rel, py_str(v), py_span(mod, v->start, v->end));
        return;
    }
    if (v->kind != PY_E_CALL || !py_str(py_posarg(v, 0)))
        return;
    const py_expr *name = py_posarg(v, 0);
    relmap_relationship *spec =
        mb_backref_spec(ctx->model, rel, py_str(name), py_span(mod, name->start, name->end));
    for (size_t i = 0; i < v->nargs; i++)
        if (v->args[i].name)
            relationship_kw(ctx, mod, spec, v->args[i].name, v->args[i].value);
}

static void relationship_kw(py_ctx *ctx, py_mod *mod, relmap_relationship *rel, const char *k,
                            const py_expr *v)
{
    relmap_model *m = ctx->model;
    if (strcmp(k, "back_populates") == 0 && py_str(v)) {
        rel->back_populates = mb_str(m, py_str(v));
        rel->back_populates_span = py_span(mod, v->start, v->end);
    } else if (strcmp(k, "backref") == 0) {
        backref_spec(ctx, mod, rel, v);
    } else if (strcmp(k, "secondary") == 0 || strcmp(k, "link_model") == 0) {
        rel->secondary_text = mb_str(m, secondary_name(ctx, mod, v));
    } else if (strcmp(k, "uselist") == 0) {
        rel->uselist = py_bool(v, true) ? RELMAP_YES : RELMAP_NO;
    } else if (strcmp(k, "cascade") == 0) {
        rel->cascade = mb_str(m, py_str(v));
    } else if (strcmp(k, "passive_deletes") == 0) {
        rel->passive_deletes = py_str(v) ? true : py_is_true(v);
    } else if (strcmp(k, "viewonly") == 0) {
        rel->viewonly = py_is_true(v);
    } else if (strcmp(k, "single_parent") == 0) {
        rel->single_parent = py_is_true(v);
    } else if (strcmp(k, "foreign_keys") == 0) {
        each_entry(ctx, mod, v, rel, mb_relationship_foreign_key);
    } else if (strcmp(k, "remote_side") == 0) {
        each_entry(ctx, mod, v, rel, mb_relationship_remote_side);
    } else if (strcmp(k, "primaryjoin") == 0) {
        rel->primaryjoin = mb_str(m, as_written(ctx, mod, v));
    } else if (strcmp(k, "secondaryjoin") == 0) {
        rel->secondaryjoin = mb_str(m, as_written(ctx, mod, v));
    } else if (strcmp(k, "overlaps") == 0) {
        rel->overlaps = mb_str(m, py_str(v));
    } else if (strcmp(k, "lazy") == 0) {
        rel->lazy = mb_str(m, py_str(v) ? py_str(v) : as_written(ctx, mod, v));
    } else if (strcmp(k, "order_by") == 0) {
        rel->has_order_by = true;
        rel->order_by = mb_str(m, as_written(ctx, mod, v));
    } else if (strcmp(k, "argument") == 0 && !rel->target_text) {
        rel->target_text = mb_str(m, as_written(ctx, mod, v));
        set_target_kind(rel, mod, v);
    } else if (strcmp(k, "sa_relationship_kwargs") == 0 && v->kind == PY_E_DICT) {
        for (size_t i = 0; i + 1 < v->nitems; i += 2)
            if (py_str(v->items[i]))
                relationship_kw(ctx, mod, rel, py_str(v->items[i]), v->items[i + 1]);
    }
}

void py_relationship(py_ctx *ctx, py_mod *mod, relmap_class *rc, const char *attr,
                     uint32_t attr_start, uint32_t attr_end, const py_expr *annotation,
                     const py_expr *value)
{
    relmap_relationship *rel =
        mb_relationship(ctx->model, rc, attr, py_span(mod, attr_start, attr_end));
    const py_expr *target = py_posarg(value, 0);
    if (target) {
        rel->target_text = mb_str(ctx->model, as_written(ctx, mod, target));
        set_target_kind(rel, mod, target);
    }
    if (annotation) {
        bool optional = false, collection = false, mapped = false;
        const py_expr *inner =
            py_unwrap_annotation(ctx, mod, annotation, &optional, &collection, &mapped);
        rel->collection = collection ? RELMAP_YES : RELMAP_NO;
        rel->annotation_mapped = mapped ? RELMAP_YES : RELMAP_NO;
        if (mapped)
            ctx->flavours |= RELMAP_FLAVOUR_TYPED;
        if (inner && !rel->target_text &&
            (py_str(inner) || inner->kind == PY_E_NAME || inner->kind == PY_E_ATTR)) {
            rel->target_text = mb_str(ctx->model, as_written(ctx, mod, inner));
            rel->target_kind = RELMAP_TARGET_ANNOTATION;
            rel->target_span = py_span(mod, annotation->start, annotation->end);
        }
    }
    const py_expr *secondary = py_posarg(value, 1);
    if (secondary)
        relationship_kw(ctx, mod, rel, "secondary", secondary);
    for (size_t i = 0; i < value->nargs; i++)
        if (value->args[i].name)
            relationship_kw(ctx, mod, rel, value->args[i].name, value->args[i].value);
}
