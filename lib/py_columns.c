/*
 * py_columns.c - columns as SQLAlchemy makes them: Column, mapped_column,
 * SQLModel's Field, Core Table(); their types as str(column.type) prints
 * them, nullability, keys, indexes and foreign keys.
 */
#include <stdio.h>
#include <string.h>

#include "ptrmap.h"
#include "py_models.h"
#include "types.h"

/* Generic SQLAlchemy types and what str() of them prints. */
static const struct {
    const char *name, *sql;
} generic_types[] = {
    {"Integer", "INTEGER"},   {"SmallInteger", "SMALLINT"},
    {"BigInteger", "BIGINT"}, {"String", "VARCHAR"},
    {"Unicode", "VARCHAR"},   {"Text", "TEXT"},
    {"UnicodeText", "TEXT"},  {"Boolean", "BOOLEAN"},
    {"DateTime", "DATETIME"}, {"Date", "DATE"},
    {"Time", "TIME"},         {"Float", "FLOAT"},
    {"Double", "DOUBLE"},     {"Numeric", "NUMERIC"},
    {"LargeBinary", "BLOB"},  {"PickleType", "BLOB"},
    {"JSON", "JSON"},         {"Uuid", "CHAR(32)"},
    {"Interval", "DATETIME"}, {"AutoString", "VARCHAR"},
    {"GUID", "CHAR(32)"},     {"Binary", "BLOB"},
    {"_Binary", "BLOB"},
};

/* Python types of annotations (SQLAlchemy 2.0's type map, SQLModel's). */
static const struct {
    const char *name, *sql;
} python_types[] = {
    {"int", "INTEGER"},       {"str", "VARCHAR"}, {"float", "FLOAT"},   {"bool", "BOOLEAN"},
    {"datetime", "DATETIME"}, {"date", "DATE"},   {"time", "TIME"},     {"timedelta", "DATETIME"},
    {"Decimal", "NUMERIC"},   {"bytes", "BLOB"},  {"UUID", "CHAR(32)"}, {"dict", "JSON"},
};

static bool is_upper_name(const char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            return false;
    return true;
}

static const char *upper(py_ctx *ctx, const char *s)
{
    char *out = rm_arena_strdup(ctx->tmp, s);
    for (char *p = out; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 'a' + 'A');
    return out;
}

/* "(50)" or "(10, 2)" from a type call's length/precision/scale. */
static const char *type_args(py_ctx *ctx, const py_expr *call)
{
    const py_expr *a = py_posarg(call, 0), *b = py_posarg(call, 1);
    if (!a || a->kind != PY_E_NUMBER)
        a = py_kwarg(call, "length");
    if (!a || a->kind != PY_E_NUMBER)
        a = py_kwarg(call, "precision");
    if (!b || b->kind != PY_E_NUMBER)
        b = py_kwarg(call, "scale");
    if (!a || a->kind != PY_E_NUMBER)
        return "";
    if (b && b->kind == PY_E_NUMBER)
        return rm_arena_printf(ctx->tmp, "(%s, %s)", a->text, b->text);
    return rm_arena_printf(ctx->tmp, "(%s)", a->text);
}

/* Widens *longest by one Enum argument: a string, or an enum class whose
 * member names SQLAlchemy stores. */
static bool enum_member_lengths(py_ctx *ctx, py_mod *mod, const py_expr *arg, size_t *longest)
{
    if (py_str(arg)) {
        size_t n = strlen(py_str(arg));
        *longest = n > *longest ? n : *longest;
        return true;
    }
    py_ref r = py_eval(ctx, mod, arg, 0);
    if (r.kind != PY_R_CLASS)
        return false;
    bool known = false;
    const py_block *body = r.stmt->nblocks ? &r.stmt->blocks[0] : NULL;
    for (size_t k = 0; body && k < body->nstmts; k++) {
        const py_stmt *s = body->stmts[k];
        if (s->kind != PY_S_ASSIGN || s->targets[0]->kind != PY_E_NAME ||
            s->targets[0]->name[0] == '_')
            continue;
        size_t n = strlen(s->targets[0]->name);
        *longest = n > *longest ? n : *longest;
        known = true;
    }
    return known;
}

static const char *varchar_of(py_ctx *ctx, bool known, size_t longest)
{
    return known ? rm_arena_printf(ctx->tmp, "VARCHAR(%zu)", longest) : "VARCHAR";
}

/* Enum(...): VARCHAR of the longest member name (or string value). */
static const char *enum_type(py_ctx *ctx, py_mod *mod, const py_expr *call)
{
    size_t longest = 0;
    bool known = false;
    for (size_t i = 0; call && i < call->nargs; i++) {
        const py_arg *a = &call->args[i];
        if (!a->name && !a->star && !a->double_star)
            known |= enum_member_lengths(ctx, mod, a->value, &longest);
    }
    return varchar_of(ctx, known, longest);
}

static const char *type_string(py_ctx *ctx, py_mod *mod, const py_expr *e, int depth)
{
    if (!e || depth > 8)
        return NULL;
    const py_expr *call = e->kind == PY_E_CALL ? e : NULL;
    const py_expr *callee = call ? e->value : e;
    if (callee->kind != PY_E_NAME && callee->kind != PY_E_ATTR)
        return NULL;
    py_ref r = py_eval(ctx, mod, callee, 0);
    if (r.kind == PY_R_CLASS) {
        /* A TypeDecorator of the input: its impl. */
        const py_block *body = r.stmt->nblocks ? &r.stmt->blocks[0] : NULL;
        for (size_t k = 0; body && k < body->nstmts; k++) {
            const py_stmt *s = body->stmts[k];
            if (s->kind == PY_S_ASSIGN && s->targets[0]->kind == PY_E_NAME &&
                strcmp(s->targets[0]->name, "impl") == 0)
                return type_string(ctx, r.mod, s->value, depth + 1);
        }
        return NULL;
    }
    const char *name = r.kind == PY_R_EXTERN ? py_tail(ctx, r.qual) : callee->name;
    if (!name)
        return NULL;
    if (strcmp(name, "Enum") == 0)
        return enum_type(ctx, mod, call);
    bool dialect = r.kind == PY_R_EXTERN && strstr(r.qual, "dialects") != NULL;
    if (!dialect)
        for (size_t i = 0; i < sizeof generic_types / sizeof generic_types[0]; i++)
            if (strcmp(name, generic_types[i].name) == 0) {
                const char *args = call ? type_args(ctx, call) : "";
                if (strchr(generic_types[i].sql, '('))
                    args = "";
                return rm_arena_printf(ctx->tmp, "%s%s", generic_types[i].sql, args);
            }
    if (dialect || is_upper_name(name))
        return rm_arena_printf(ctx->tmp, "%s%s", upper(ctx, name),
                               call ? type_args(ctx, call) : "");
    return NULL;
}

/* The SQL type of a Python type in an annotation. */
static const char *python_type(py_ctx *ctx, py_mod *mod, const py_expr *e)
{
    if (!e)
        return NULL;
    const char *name = NULL;
    py_ref r = py_eval(ctx, mod, e, 0);
    if (r.kind == PY_R_CLASS) {
        /* An enum.Enum subclass: SQLAlchemy's Enum of it. */
        size_t longest = 0;
        bool known = enum_member_lengths(ctx, mod, e, &longest);
        return varchar_of(ctx, known, longest);
    }
    if (r.kind == PY_R_EXTERN)
        name = py_tail(ctx, r.qual);
    else if (e->kind == PY_E_NAME || e->kind == PY_E_ATTR)
        name = e->name;
    for (size_t i = 0; name && i < sizeof python_types / sizeof python_types[0]; i++)
        if (strcmp(name, python_types[i].name) == 0)
            return python_types[i].sql;
    return NULL;
}

/* The base's type_annotation_map entry for an annotation, or NULL. */
static const char *mapped_type(py_ctx *ctx, py_mod *mod, const char *alias, const py_expr *inner)
{
    const py_expr *map = ctx->type_map;
    const char *name = py_dotted_name(ctx->tmp, inner);
    for (size_t i = 0; map && map->kind == PY_E_DICT && i + 1 < map->nitems; i += 2) {
        const char *key = map->items[i] ? py_dotted_name(ctx->tmp, map->items[i]) : NULL;
        if (key && ((alias && strcmp(key, alias) == 0) || (name && strcmp(key, name) == 0)))
            return type_string(ctx, ctx->type_map_mod, map->items[i + 1], 0);
    }
    (void)mod;
    return NULL;
}

static bool is_column_call(py_ctx *ctx, py_mod *mod, const py_expr *value, bool sqlmodel)
{
    const char *t = py_callee(ctx, mod, value, NULL);
    return t && (strcmp(t, "Column") == 0 || strcmp(t, "mapped_column") == 0 ||
                 (sqlmodel && strcmp(t, "Field") == 0));
}

bool py_is_column(py_ctx *ctx, py_mod *mod, const py_expr *annotation, const py_expr *value,
                  bool sqlmodel)
{
    if (value && value->kind == PY_E_CALL)
        return is_column_call(ctx, mod, value, sqlmodel) ||
               (sqlmodel && annotation && !py_is_relationship(ctx, mod, annotation, value) &&
                !py_callee(ctx, mod, value, NULL));
    if (!annotation)
        return false;
    bool optional = false, collection = false, mapped = false;
    const py_expr *inner =
        py_unwrap_annotation(ctx, mod, annotation, &optional, &collection, &mapped);
    if (!inner)
        return false; /* ClassVar[...] */
    if (mapped)
        return !value;
    return sqlmodel;
}

/* A "schema.table.column" or "table.column" reference. */
static void split_ref(py_ctx *ctx, const char *text, const char **schema, const char **table,
                      const char **column)
{
    *schema = *table = *column = NULL;
    const char *last = strrchr(text, '.');
    if (!last) {
        *table = text;
        return;
    }
    *column = last + 1;
    const char *tbl = rm_arena_strndup(ctx->tmp, text, (size_t)(last - text));
    const char *dot = strrchr(tbl, '.');
    if (dot) {
        *schema = rm_arena_strndup(ctx->tmp, tbl, (size_t)(dot - tbl));
        *table = dot + 1;
    } else {
        *table = tbl;
    }
}

/* The column name a class attribute maps, following mapped parents. */
static const char *attr_column(py_ctx *ctx, py_cls *cls, const char *attr)
{
    for (int hops = 0; cls && hops < PY_MAX_HOPS; hops++, cls = cls->parent) {
        py_col_info *info = cls->attrs ? rm_strmap_get(cls->attrs, attr) : NULL;
        if (info)
            return info->name;
    }
    (void)ctx;
    return attr;
}

typedef struct fk_target {
    const char *schema, *table, *column;
} fk_target;

/* What ForeignKey's first argument names: "t.c", Cls.attr, table.c.col. */
static bool fk_target_of(py_ctx *ctx, py_mod *mod, const py_expr *e, fk_target *out)
{
    memset(out, 0, sizeof *out);
    const char *text = e && e->kind != PY_E_ATTR ? py_const_str(ctx, mod, e) : NULL;
    if (text) {
        split_ref(ctx, text, &out->schema, &out->table, &out->column);
        return out->table != NULL;
    }
    if (!e || e->kind != PY_E_ATTR)
        return false;
    const py_expr *owner = e->value;
    if (owner->kind == PY_E_ATTR &&
        (strcmp(owner->name, "c") == 0 || strcmp(owner->name, "columns") == 0)) {
        /* table.c.col, Cls.__table__.c.col */
        const py_expr *t = owner->value;
        if (t->kind == PY_E_ATTR && strcmp(t->name, "__table__") == 0)
            t = t->value;
        py_ref r = py_eval(ctx, mod, t, 0);
        if (r.kind == PY_R_VALUE && r.value->kind == PY_E_CALL) {
            out->table = py_core_table_name(r.value);
            const py_expr *schema = py_kwarg(r.value, "schema");
            out->schema = py_str(schema);
        } else if (r.kind == PY_R_CLASS) {
            out->table = py_class_table_name(ctx, r.cls);
        }
        out->column = e->name;
        return out->table != NULL;
    }
    py_ref r = py_eval(ctx, mod, owner, 0);
    if (r.kind != PY_R_CLASS)
        return false;
    out->table = py_class_table_name(ctx, r.cls);
    out->column = attr_column(ctx, r.cls, e->name);
    return out->table != NULL;
}

typedef struct col_fk {
    const py_expr *call;
    fk_target target;
    const char *text; /* SQLModel foreign_key="t.c" */
} col_fk;

static void add_fk(py_ctx *ctx, py_mod *mod, relmap_table *table, const char *column,
                   relmap_span colspan, const col_fk *f)
{
    const py_expr *call = f->call;
    relmap_span span = call ? py_span(mod, call->start, call->end) : colspan;
    relmap_fk *fk = mb_fk(ctx->model, table, py_str(py_kwarg(call, "name")), f->target.schema,
                          f->target.table, span);
    mb_fk_column(ctx->model, fk, column, colspan);
    if (f->target.column)
        mb_fk_ref_column(ctx->model, fk, f->target.column, span);
    if (call && py_kwarg(call, "ondelete"))
        mb_fk_on_delete(ctx->model, fk, py_str(py_kwarg(call, "ondelete")));
    if (call && py_kwarg(call, "onupdate"))
        mb_fk_on_update(ctx->model, fk, py_str(py_kwarg(call, "onupdate")));
}

/* Everything one Column/mapped_column/Field call says, read before the
 * column is added (reading a ForeignKey(Cls.id) may build another table). */
typedef struct col_spec {
    const char *name, *type, *server_default;
    int nullable; /* -1 unset */
    bool pk, unique, index, autoincrement;
    col_fk fks[8];
    size_t nfks;
    const py_expr *call;
} col_spec;

static const char *default_text(py_ctx *ctx, py_mod *mod, const py_expr *e)
{
    if (!e)
        return NULL;
    if (py_str(e))
        return rm_arena_printf(ctx->tmp, "'%s'", py_str(e));
    if (e->kind == PY_E_CALL && py_is_call_to(ctx, mod, e, "text") && py_str(py_posarg(e, 0)))
        return py_str(py_posarg(e, 0));
    return py_text(ctx, mod, e);
}

static relmap_type_family family_of(py_ctx *ctx, const char *type)
{
    if (!ctx->families)
        ctx->families = rm_strmap_new(false);
    relmap_type_family *f = rm_strmap_get(ctx->families, type);
    if (!f) {
        f = rm_arena_alloc(ctx->tmp, sizeof *f);
        *f = rm_type_family(RELMAP_DIALECT_UNKNOWN, type, strlen(type));
        rm_strmap_put(ctx->families, type, f);
    }
    return *f;
}

static void read_call(py_ctx *ctx, py_mod *mod, const py_expr *call, col_spec *c)
{
    c->call = call;
    const char *callee = py_callee(ctx, mod, call, NULL);
    bool field = callee && strcmp(callee, "Field") == 0;
    size_t positional = 0;
    for (size_t i = 0; i < call->nargs; i++) {
        const py_arg *a = &call->args[i];
        if (a->star || a->double_star)
            continue;
        const py_expr *v = a->value;
        if (a->name) {
            const char *k = a->name;
            if (strcmp(k, "primary_key") == 0)
                c->pk = py_is_true(v);
            else if (strcmp(k, "nullable") == 0)
                c->nullable = py_bool(v, true) ? 1 : 0;
            else if (strcmp(k, "unique") == 0)
                c->unique = py_is_true(v);
            else if (strcmp(k, "index") == 0)
                c->index = py_is_true(v);
            else if (strcmp(k, "autoincrement") == 0)
                c->autoincrement = py_is_true(v);
            else if (strcmp(k, "server_default") == 0)
                c->server_default = default_text(ctx, mod, v);
            else if (strcmp(k, "name") == 0 && !field && py_str(v))
                c->name = py_str(v);
            else if ((strcmp(k, "type_") == 0 || strcmp(k, "sa_type") == 0))
                c->type = type_string(ctx, mod, v, 0);
            else if (strcmp(k, "foreign_key") == 0 && field && py_str(v) && c->nfks < 8) {
                col_fk *f = &c->fks[c->nfks++];
                memset(f, 0, sizeof *f);
                fk_target_of(ctx, mod, v, &f->target);
            } else if (strcmp(k, "max_length") == 0 && field && v->kind == PY_E_NUMBER)
                c->type = rm_arena_printf(ctx->tmp, "VARCHAR(%s)", v->text);
            else if (strcmp(k, "sa_column_kwargs") == 0 && v->kind == PY_E_DICT)
                for (size_t d = 0; d + 1 < v->nitems; d += 2) {
                    const char *key = py_str(v->items[d]);
                    if (key && strcmp(key, "server_default") == 0)
                        c->server_default = default_text(ctx, mod, v->items[d + 1]);
                }
            continue;
        }
        if (field)
            continue; /* Field(default) */
        if (positional++ == 0 && py_str(v)) {
            c->name = py_str(v);
            continue;
        }
        if (v->kind == PY_E_CALL && py_is_call_to(ctx, mod, v, "ForeignKey")) {
            if (c->nfks < 8) {
                col_fk *f = &c->fks[c->nfks++];
                memset(f, 0, sizeof *f);
                f->call = v;
                fk_target_of(ctx, mod, py_posarg(v, 0), &f->target);
            }
            continue;
        }
        if (v->kind == PY_E_CALL) {
            const char *t = py_callee(ctx, mod, v, NULL);
            if (t && (strcmp(t, "Sequence") == 0 || strcmp(t, "Identity") == 0 ||
                      strcmp(t, "Computed") == 0 || strcmp(t, "CheckConstraint") == 0))
                continue;
        }
        if (!c->type)
            c->type = type_string(ctx, mod, v, 0);
    }
}

relmap_column *py_column(py_ctx *ctx, py_mod *mod, relmap_table *table, const char *attr,
                         uint32_t attr_start, uint32_t attr_end, const py_expr *annotation,
                         const py_expr *value, bool sqlmodel)
{
    col_spec c;
    memset(&c, 0, sizeof c);
    c.nullable = -1;
    bool optional = false, collection = false, mapped = false, typed = false;
    const py_expr *inner = NULL;
    if (annotation)
        inner = py_unwrap_annotation(ctx, mod, annotation, &optional, &collection, &mapped);
    const char *callee = value ? py_callee(ctx, mod, value, NULL) : NULL;
    bool field = callee && strcmp(callee, "Field") == 0;
    if (field) {
        const py_expr *sa_column = py_kwarg(value, "sa_column");
        if (sa_column && sa_column->kind == PY_E_CALL)
            return py_column(ctx, mod, table, attr, attr_start, attr_end, NULL, sa_column, false);
    }
    if (inner && ctx->ann_column &&
        is_column_call(ctx, ctx->ann_column_mod, ctx->ann_column, false)) {
        /* The Annotated alias's mapped_column(), then the attribute's own. */
        const py_expr *ann_column = ctx->ann_column;
        read_call(ctx, ctx->ann_column_mod, ann_column, &c);
    }
    const char *alias = inner ? ctx->ann_alias : NULL;
    if (value && value->kind == PY_E_CALL && is_column_call(ctx, mod, value, sqlmodel))
        read_call(ctx, mod, value, &c);
    if (callee && strcmp(callee, "mapped_column") == 0)
        typed = true;
    if (mapped)
        typed = true;
    ctx->flavours |= typed                                     ? RELMAP_FLAVOUR_TYPED
                     : callee && strcmp(callee, "Column") == 0 ? RELMAP_FLAVOUR_CLASSIC
                                                               : 0;
    if (!c.type && inner)
        c.type = mapped_type(ctx, mod, alias, inner);
    if (!c.type && inner)
        c.type = python_type(ctx, mod, inner);
    /* Nullability as SQLAlchemy (or SQLModel) decides it. */
    bool nullable;
    if (c.nullable >= 0)
        nullable = c.nullable == 1;
    else if (c.pk)
        nullable = false;
    else if (inner &&
             (sqlmodel || (typed && (!value || (callee && strcmp(callee, "mapped_column") == 0)))))
        nullable = optional; /* a Column() keeps its own default even under Mapped[] */
    else
        nullable = true;
    if (sqlmodel && field && c.nullable < 0 && !c.pk && py_posarg(value, 0) &&
        py_posarg(value, 0)->kind == PY_E_CONST && strcmp(py_posarg(value, 0)->name, "...") == 0)
        nullable = false;
    const char *name = c.name ? c.name : attr;
    if (!name)
        return NULL;
    relmap_span span =
        attr ? py_span(mod, attr_start, attr_end) : py_span(mod, value->start, value->end);
    if (!attr) {
        const py_expr *n = py_posarg(value, 0);
        if (n && py_str(n))
            span = py_span(mod, n->start, n->end);
    }
    relmap_column *col = mb_column(ctx->model, table, name, c.type, span);
    col->family = c.type ? family_of(ctx, c.type) : RELMAP_TYPE_UNKNOWN;
    col->nullable = nullable;
    col->key = mb_str(ctx->model, attr);
    col->autoincrement = c.autoincrement;
    col->default_value = mb_str(ctx->model, c.server_default);
    col->pk_position = c.pk ? 1 : 0; /* numbered in py_columns_finish */
    /* Copies: `col` moves when the table grows. */
    const char *colname = col->name;
    if (c.index) {
        const char *ixname = rm_arena_printf(ctx->tmp, "ix_%s_%s", table->name, colname);
        relmap_index *ix = mb_index(ctx->model, table, ixname, c.unique, span);
        mb_index_column(ctx->model, ix, colname, NULL, span);
    } else if (c.unique) {
        relmap_key *key = mb_unique(ctx->model, table, NULL, span);
        mb_key_column(ctx->model, key, colname, span);
    }
    for (size_t i = 0; i < c.nfks; i++)
        if (c.fks[i].target.table)
            add_fk(ctx, mod, table, colname, span, &c.fks[i]);
    return &table->columns[table->ncolumns - 1];
}

/* Column names of a constraint: strings, or Column objects / attributes. */
static void constraint_columns(py_ctx *ctx, py_mod *mod, const py_expr *call, size_t first,
                               void (*add)(py_ctx *, void *, const char *, relmap_span),
                               void *target)
{
    size_t n = 0;
    for (size_t i = 0; i < call->nargs; i++) {
        const py_arg *a = &call->args[i];
        if (a->name || a->star || a->double_star || n++ < first)
            continue;
        const py_expr *v = a->value;
        relmap_span span = py_span(mod, v->start, v->end);
        if (py_str(v))
            add(ctx, target, py_str(v), span);
        else if (v->kind == PY_E_ATTR || v->kind == PY_E_NAME)
            add(ctx, target, v->name, span);
        else
            add(ctx, target, NULL, span);
    }
}

static void add_key_col(py_ctx *ctx, void *key, const char *name, relmap_span span)
{
    if (name)
        mb_key_column(ctx->model, key, name, span);
}

static void add_index_col(py_ctx *ctx, void *ix, const char *name, relmap_span span)
{
    relmap_model *m = ctx->model;
    relmap_source *src = &m->sources[span.source];
    mb_index_column(m, ix, name,
                    name ? NULL : mb_strn(m, src->text + span.start, span.end - span.start), span);
}

static void fk_constraint(py_ctx *ctx, py_mod *mod, relmap_table *table, const py_expr *call)
{
    const py_expr *cols = py_posarg(call, 0), *refs = py_posarg(call, 1);
    if (!cols || !refs || (cols->kind != PY_E_LIST && cols->kind != PY_E_TUPLE) ||
        (refs->kind != PY_E_LIST && refs->kind != PY_E_TUPLE) || refs->nitems == 0)
        return;
    fk_target first;
    if (!fk_target_of(ctx, mod, refs->items[0], &first))
        return;
    relmap_span span = py_span(mod, call->start, call->end);
    relmap_fk *fk =
        mb_fk(ctx->model, table, py_str(py_kwarg(call, "name")), first.schema, first.table, span);
    for (size_t i = 0; i < cols->nitems; i++) {
        const py_expr *c = cols->items[i];
        const char *name = py_str(c) ? py_str(c) : c->kind == PY_E_ATTR ? c->name : NULL;
        if (name)
            mb_fk_column(ctx->model, fk, name, py_span(mod, c->start, c->end));
    }
    for (size_t i = 0; i < refs->nitems; i++) {
        fk_target t;
        if (fk_target_of(ctx, mod, refs->items[i], &t) && t.column)
            mb_fk_ref_column(ctx->model, fk, t.column,
                             py_span(mod, refs->items[i]->start, refs->items[i]->end));
    }
    if (py_kwarg(call, "ondelete"))
        mb_fk_on_delete(ctx->model, fk, py_str(py_kwarg(call, "ondelete")));
    if (py_kwarg(call, "onupdate"))
        mb_fk_on_update(ctx->model, fk, py_str(py_kwarg(call, "onupdate")));
}

static bool *explicit_pk(py_ctx *ctx, relmap_table *table);

void py_table_item(py_ctx *ctx, py_mod *mod, relmap_table *table, const py_expr *item)
{
    const char *t = py_callee(ctx, mod, item, NULL);
    if (!t)
        return;
    relmap_span span = py_span(mod, item->start, item->end);
    const char *name = py_str(py_kwarg(item, "name"));
    if (strcmp(t, "ForeignKeyConstraint") == 0) {
        fk_constraint(ctx, mod, table, item);
    } else if (strcmp(t, "UniqueConstraint") == 0) {
        relmap_key *key = mb_unique(ctx->model, table, name, span);
        constraint_columns(ctx, mod, item, 0, add_key_col, key);
    } else if (strcmp(t, "PrimaryKeyConstraint") == 0) {
        relmap_key *key = mb_primary_key(ctx->model, table, name, span);
        constraint_columns(ctx, mod, item, 0, add_key_col, key);
        bool *flag = explicit_pk(ctx, table);
        if (flag)
            *flag = true;
    } else if (strcmp(t, "Index") == 0) {
        const py_expr *first = py_posarg(item, 0);
        relmap_index *ix =
            mb_index(ctx->model, table, py_str(first), py_is_true(py_kwarg(item, "unique")), span);
        constraint_columns(ctx, mod, item, 1, add_index_col, ix);
    } else if (strcmp(t, "CheckConstraint") == 0) {
        const py_expr *sql = py_posarg(item, 0);
        mb_check(ctx->model, table, name, py_str(sql) ? py_str(sql) : py_text(ctx, mod, sql), span);
    }
}

/* The tables this input made, with whether a PrimaryKeyConstraint set
 * the key (else the columns marked primary_key make it). */
typedef struct py_made_table {
    relmap_table *table;
    bool explicit_pk;
} made_table;

static made_table *made_list(py_ctx *ctx)
{
    return ctx->made;
}

static bool *explicit_pk(py_ctx *ctx, relmap_table *table)
{
    made_table *m = made_list(ctx);
    for (size_t i = ctx->nmade; i-- > 0;)
        if (m[i].table == table)
            return &m[i].explicit_pk;
    return NULL;
}

relmap_table *py_new_table(py_ctx *ctx, const char *schema, const char *name, relmap_span span,
                           bool extends, unsigned flavour)
{
    relmap_table *t = mb_table(ctx->model, schema, name, RELMAP_KIND_TABLE, span);
    /* One MetaData per declarative base is the rule, but which base a class
     * uses is not followed here: Flask-SQLAlchemy's and SQLModel's own
     * metadata are told apart, every other table is taken to share one. */
    if (!ctx->defined)
        ctx->defined = rm_strmap_new(false);
    const char *key =
        rm_arena_printf(ctx->tmp, "%u\x1f%s\x1f%s", flavour, schema ? schema : "", name);
    const relmap_table *first = rm_strmap_get(ctx->defined, key);
    if (!first)
        rm_strmap_put(ctx->defined, key, t);
    else if (!extends)
        t->redefines = first;
    made_table *slot = rm_arena_push(ctx->tmp, (void **)&ctx->made, &ctx->nmade, sizeof *slot);
    slot->table = t;
    rm_strmap_put(ctx->tables, t->name, t);
    return t;
}

const char *py_core_table_name(const py_expr *call)
{
    return py_str(py_posarg(call, 0));
}

relmap_table *py_core_table(py_ctx *ctx, py_mod *mod, const py_expr *call)
{
    const char *name = py_core_table_name(call);
    if (!name || !py_is_call_to(ctx, mod, call, "Table"))
        return NULL;
    if (!ctx->core_calls)
        ctx->core_calls = rm_ptrmap_new(16);
    size_t index;
    if (rm_ptrmap_get(ctx->core_calls, call, &index) && index < ctx->nmade)
        return made_list(ctx)[index].table;
    const py_expr *n = py_posarg(call, 0);
    const py_expr *meta = py_posarg(call, 1);
    const char *meta_text = meta ? py_dotted_name(ctx->tmp, meta) : NULL;
    unsigned flavour = 0;
    py_ref callee;
    py_callee(ctx, mod, call, &callee);
    if (callee.kind == PY_R_EXTERN && callee.qual && strstr(callee.qual, "SQLAlchemy()"))
        flavour = RELMAP_FLAVOUR_FLASK; /* db.Table(...) */
    else if (meta_text && strcmp(meta_text, "SQLModel.metadata") == 0)
        flavour = RELMAP_FLAVOUR_SQLMODEL;
    else if (meta && meta->kind == PY_E_ATTR && strcmp(meta->name, "metadata") == 0) {
        py_ref r = py_eval(ctx, mod, meta->value, 0);
        if (r.kind == PY_R_EXTERN && r.qual && strstr(r.qual, "SQLAlchemy()"))
            flavour = RELMAP_FLAVOUR_FLASK;
    }
    bool extends = py_is_true(py_kwarg(call, "extend_existing")) ||
                   py_is_true(py_kwarg(call, "keep_existing"));
    relmap_table *t = py_new_table(ctx, py_str(py_kwarg(call, "schema")), name,
                                   py_span(mod, n->start, n->end), extends, flavour);
    rm_ptrmap_put(ctx->core_calls, call, ctx->nmade - 1);
    ctx->flavours |= RELMAP_FLAVOUR_CORE;
    for (size_t i = 0; i < call->nargs; i++) {
        const py_arg *a = &call->args[i];
        if (a->name || a->star || a->double_star || a->value->kind != PY_E_CALL)
            continue;
        if (is_column_call(ctx, mod, a->value, false))
            py_column(ctx, mod, t, NULL, 0, 0, NULL, a->value, false);
        else
            py_table_item(ctx, mod, t, a->value);
    }
    return t;
}

/* The referenced column of a one-column key, NULL when unknown. */
static const relmap_column *fk_ref_column(py_ctx *ctx, const relmap_fk *fk)
{
    relmap_table *ref = rm_strmap_get(ctx->tables, fk->ref_table_name);
    if (!ref)
        return NULL;
    const char *want = fk->nref_columns ? fk->ref_columns[0].name : NULL;
    for (size_t c = 0; c < ref->ncolumns; c++) {
        const relmap_column *col = &ref->columns[c];
        if (want ? strcmp(col->name, want) == 0 : col->pk_position == 1)
            return col;
    }
    return NULL;
}

void py_columns_finish(py_ctx *ctx)
{
    made_table *m = made_list(ctx);
    for (size_t i = 0; i < ctx->nmade; i++) {
        relmap_table *t = m[i].table;
        relmap_key *pk = &t->primary_key;
        if (!m[i].explicit_pk) {
            /* SQLAlchemy lists the key's columns in table order. */
            for (size_t c = 0; c < t->ncolumns; c++) {
                if (!t->columns[c].pk_position)
                    continue;
                if (pk->ncolumns == 0)
                    mb_primary_key(ctx->model, t, NULL, t->columns[c].span);
                mb_key_column(ctx->model, pk, t->columns[c].name, t->columns[c].span);
            }
        }
        for (size_t c = 0; c < t->ncolumns; c++)
            t->columns[c].pk_position = 0;
        for (size_t k = 0; k < pk->ncolumns; k++)
            for (size_t c = 0; c < t->ncolumns; c++)
                if (strcmp(pk->columns[k].name, t->columns[c].name) == 0) {
                    t->columns[c].pk_position = (unsigned)k + 1;
                    t->columns[c].nullable = false;
                }
    }
    /* A ForeignKey column without a type takes the referenced column's;
     * a few rounds follow chains of such columns. */
    for (int round = 0; round < 4; round++)
        for (size_t i = 0; i < ctx->nmade; i++) {
            relmap_table *t = m[i].table;
            for (size_t k = 0; k < t->nfks; k++) {
                const relmap_fk *fk = &t->fks[k];
                if (fk->ncolumns != 1)
                    continue;
                for (size_t c = 0; c < t->ncolumns; c++) {
                    relmap_column *col = &t->columns[c];
                    if (*col->type || strcmp(col->name, fk->columns[0].name) != 0)
                        continue;
                    const relmap_column *ref = fk_ref_column(ctx, fk);
                    if (ref && *ref->type) {
                        col->type = ref->type;
                        col->family = ref->family;
                    }
                }
            }
        }
    if (ctx->core_calls) {
        rm_ptrmap_free(ctx->core_calls);
        ctx->core_calls = NULL;
    }
}
