/*
 * py_classes.c - which classes SQLAlchemy maps, and onto which tables: the
 * declarative bases of every style, mixins and abstract bases, joined,
 * single-table and concrete inheritance, and the table names Flask-
 * SQLAlchemy and SQLModel make up.
 */
#include <ctype.h>
#include <string.h>

#include "buf.h"
#include "py_models.h"

/* A class-body assignment `name = value` (or `name: ann = value`). */
static const py_stmt *body_assign(const py_stmt *cls, const char *name)
{
    const py_block *body = cls->nblocks ? &cls->blocks[0] : NULL;
    for (size_t i = 0; body && i < body->nstmts; i++) {
        const py_stmt *s = body->stmts[i];
        if ((s->kind == PY_S_ASSIGN || s->kind == PY_S_ANNASSIGN) && s->value && s->ntargets >= 1 &&
            s->targets[0]->kind == PY_E_NAME && strcmp(s->targets[0]->name, name) == 0)
            return s;
        if (s->kind == PY_S_DEF && strcmp(s->name, name) == 0)
            return s;
    }
    return NULL;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Whether an expression names a declarative base made by a call:
 * declarative_base(), registry().generate_base(), db.Model. */
static bool is_base_ref(const py_ref *r, bool *flask)
{
    if (r->kind != PY_R_EXTERN || !r->qual)
        return false;
    if (ends_with(r->qual, "declarative_base()") || ends_with(r->qual, ".generate_base()"))
        return true;
    if (ends_with(r->qual, "SQLAlchemy().Model")) {
        *flask = true;
        return true;
    }
    return false;
}

static void add_mixin(py_ctx *ctx, py_cls *cls, py_cls *mixin)
{
    for (size_t i = 0; i < cls->nmixins; i++)
        if (cls->mixins[i] == mixin)
            return;
    py_cls **slot = rm_arena_push(ctx->tmp, (void **)&cls->mixins, &cls->nmixins, sizeof *slot);
    *slot = mixin;
}

static void decide(py_ctx *ctx, py_cls *cls, int depth);

/* A name for the registry a reference to a base stands for: the place a
 * `Base = declarative_base()` or `reg = registry()` value is written (two
 * such values are two registries even when written alike), else what an
 * outside name spells (`db.Model` of one SQLAlchemy() object). */
static const char *registry_of(py_ctx *ctx, const py_ref *r)
{
    if (r->kind == PY_R_VALUE && r->mod && r->value)
        return rm_arena_printf(ctx->tmp, "%s:%u", r->mod->name, (unsigned)r->value->start);
    if (r->kind == PY_R_EXTERN)
        return r->qual;
    return NULL;
}

/* A base class whose attributes subclasses copy: itself, then its own. */
static void inherit_mixin(py_ctx *ctx, py_cls *cls, py_cls *base)
{
    add_mixin(ctx, cls, base);
    for (size_t i = 0; i < base->nmixins; i++)
        add_mixin(ctx, cls, base->mixins[i]);
}

static void decide(py_ctx *ctx, py_cls *cls, int depth)
{
    if (cls->state != 0 || depth > PY_MAX_HOPS)
        return; /* decided, or a cycle of bases: leave it plain */
    cls->state = 1;
    cls->role = PY_ROLE_PLAIN;
    const py_stmt *s = cls->stmt;
    py_mod *mod = cls->mod;
    bool base = false, inherits = false, sqlmodel_base = false, by_decorator = false;
    bool flask = false;
    for (size_t i = 0; i < s->ndecorators; i++) {
        const py_expr *d = s->decorators[i];
        py_ref r = py_eval(ctx, mod, d->kind == PY_E_CALL ? d->value : d, 0);
        const char *tail = r.kind == PY_R_EXTERN ? py_tail(ctx, r.qual) : NULL;
        if (tail && strcmp(tail, "as_declarative") == 0)
            base = true;
        else if (tail &&
                 (strcmp(tail, "mapped") == 0 || strcmp(tail, "mapped_as_dataclass") == 0)) {
            by_decorator = true;
            /* @reg.mapped: the registry is `reg`. */
            const py_expr *holder = d->kind == PY_E_CALL ? d->value : d;
            if (holder->kind == PY_E_ATTR) {
                py_ref reg = py_eval(ctx, mod, holder->value, 0);
                cls->registry = registry_of(ctx, &reg);
            }
        }
    }
    for (size_t i = 0; i < s->nargs; i++) {
        const py_arg *a = &s->args[i];
        if (a->name || a->star || a->double_star)
            continue;
        py_ref r = py_eval(ctx, mod, a->value, 0);
        if (r.kind == PY_R_CLASS) {
            py_cls *b = r.cls;
            decide(ctx, b, depth + 1);
            cls->typed_base |= b->typed_base;
            switch (b->role) {
            case PY_ROLE_BASE:
                inherits = true;
                if (!cls->registry)
                    cls->registry = rm_arena_printf(ctx->tmp, "%s.%s", b->mod->name, b->stmt->name);
                inherit_mixin(ctx, cls, b);
                break;
            case PY_ROLE_MAPPED:
                inherits = true;
                if (!cls->registry)
                    cls->registry = b->registry;
                if (!cls->parent)
                    cls->parent = b;
                flask |= b->flask;
                sqlmodel_base |= b->sqlmodel;
                break;
            case PY_ROLE_ABSTRACT:
                inherits = true;
                if (!cls->registry)
                    cls->registry = b->registry;
                flask |= b->flask;
                if (!cls->parent)
                    cls->parent = b->parent;
                inherit_mixin(ctx, cls, b);
                break;
            case PY_ROLE_SQLMODEL:
                sqlmodel_base = true;
                inherit_mixin(ctx, cls, b);
                break;
            default:
                inherit_mixin(ctx, cls, b);
                break;
            }
            continue;
        }
        py_ref named = r; /* `Base`, before what it is made of */
        if (r.kind == PY_R_VALUE && r.value->kind == PY_E_CALL) {
            /* Base = declarative_base(cls=Mixin): the mixin's attributes too. */
            r = py_eval(ctx, r.mod, r.value, 0);
        }
        if (is_base_ref(&r, &flask)) {
            inherits = true;
            if (!cls->registry)
                cls->registry = registry_of(ctx, &named);
            continue;
        }
        const char *tail = r.kind == PY_R_EXTERN ? py_tail(ctx, r.qual) : NULL;
        if (tail &&
            (strcmp(tail, "DeclarativeBase") == 0 || strcmp(tail, "DeclarativeBaseNoMeta") == 0)) {
            base = true;
            cls->typed_base = true;
            cls->flavours |= RELMAP_FLAVOUR_TYPED;
        } else if (tail && strcmp(tail, "SQLModel") == 0) {
            sqlmodel_base = true;
        }
    }
    for (size_t i = 0; i < s->nargs; i++)
        if (s->args[i].name && strcmp(s->args[i].name, "table") == 0 &&
            py_is_true(s->args[i].value) && sqlmodel_base) {
            cls->sqlmodel = true;
            inherits = true;
            if (!cls->registry)
                cls->registry = "sqlmodel.SQLModel"; /* SQLModel's one default registry */
        }
    cls->flask = flask;
    const py_stmt *abstract = body_assign(s, "__abstract__");
    if (base)
        cls->role = PY_ROLE_BASE;
    else if (inherits || by_decorator)
        cls->role = abstract && py_is_true(abstract->value) ? PY_ROLE_ABSTRACT : PY_ROLE_MAPPED;
    else if (sqlmodel_base)
        cls->role = PY_ROLE_SQLMODEL;
    if (cls->role == PY_ROLE_MAPPED)
        cls->flavours |= flask ? RELMAP_FLAVOUR_FLASK : cls->sqlmodel ? RELMAP_FLAVOUR_SQLMODEL : 0;
    cls->state = 2;
}

void py_classes_decide(py_ctx *ctx)
{
    for (size_t i = 0; i < ctx->nclasses; i++)
        decide(ctx, ctx->classes[i], 0);
}

/* flask_sqlalchemy 3's camel_to_snake_case: "HTTPRequestLog" -> "http_request_log". */
static const char *snake_case(py_ctx *ctx, const char *name)
{
    size_t n = strlen(name);
    char *out = rm_arena_alloc(ctx->tmp, 2 * n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)name[i];
        bool upper = isupper(c) != 0;
        bool after_lower =
            i > 0 && (islower((unsigned char)name[i - 1]) || isdigit((unsigned char)name[i - 1]));
        bool before_lower = i > 0 && i + 1 < n && islower((unsigned char)name[i + 1]);
        if (upper && (after_lower || before_lower))
            out[k++] = '_';
        out[k++] = (char)tolower(c);
    }
    out[k] = '\0';
    size_t skip = 0;
    while (out[skip] == '_')
        skip++;
    return out + skip;
}

static const char *lower(py_ctx *ctx, const char *name)
{
    char *out = rm_arena_strdup(ctx->tmp, name);
    for (char *p = out; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return out;
}

/* f"{PREFIX}_items" with PREFIX a string constant of the module. */
static const char *eval_fstring(py_ctx *ctx, py_mod *mod, const py_expr *e)
{
    const char *t = e->text;
    rm_buf out = RM_BUF_INIT;
    for (size_t i = 0; i < e->text_len;) {
        size_t j = i;
        while (j < e->text_len && t[j] != '{')
            j++;
        rm_buf_add(&out, t + i, j - i);
        if (j >= e->text_len)
            break;
        size_t close = j + 1;
        while (close < e->text_len && t[close] != '}')
            close++;
        const char *value = NULL;
        if (close < e->text_len) {
            char *name = rm_arena_strndup(ctx->tmp, t + j + 1, close - j - 1);
            py_ref r = py_lookup(ctx, mod, name, 0);
            value = r.kind == PY_R_VALUE ? py_str(r.value) : NULL;
        }
        if (!value) { /* anything but a plain constant: no guess */
            rm_buf_free(&out);
            return NULL;
        }
        rm_buf_adds(&out, value);
        i = close + 1;
    }
    const char *result = rm_arena_strndup(ctx->tmp, out.data ? out.data : "", out.len);
    rm_buf_free(&out);
    return result;
}

static const char *eval_name_in(py_ctx *ctx, py_mod *mod, const py_expr *e, const char *clsname,
                                int depth)
{
    if (!e || depth > 16)
        return NULL;
    if (py_str(e))
        return py_str(e);
    if (e->kind == PY_E_NAME && mod) {
        py_ref r = py_lookup(ctx, mod, e->name, 0);
        return r.kind == PY_R_VALUE ? py_str(r.value) : NULL;
    }
    if (e->kind == PY_E_STRING && e->is_fstring && mod)
        return eval_fstring(ctx, mod, e);
    if (clsname && e->kind == PY_E_ATTR && strcmp(e->name, "__name__") == 0 &&
        e->value->kind == PY_E_NAME)
        return clsname;
    if (e->kind == PY_E_CALL && e->nargs == 0 && e->value->kind == PY_E_ATTR) {
        const char *inner = eval_name_in(ctx, mod, e->value->value, clsname, depth + 1);
        if (inner && strcmp(e->value->name, "lower") == 0)
            return lower(ctx, inner);
        return NULL;
    }
    if (e->kind == PY_E_BINOP && strcmp(e->name, "+") == 0) {
        const char *l = eval_name_in(ctx, mod, e->left, clsname, depth + 1);
        const char *r = eval_name_in(ctx, mod, e->right, clsname, depth + 1);
        return l && r ? rm_arena_printf(ctx->tmp, "%s%s", l, r) : NULL;
    }
    return NULL;
}

const char *py_const_str(py_ctx *ctx, py_mod *mod, const py_expr *e)
{
    return eval_name_in(ctx, mod, e, NULL, 0);
}

/* __tablename__ as `holder` defines it for class `clsname`: *found says
 * whether it is defined at all (a name the reader cannot work out makes
 * no table rather than a guessed one). */
static const char *tablename_in(py_ctx *ctx, py_mod *mod, const py_stmt *holder,
                                const char *clsname, bool *found)
{
    const py_stmt *t = body_assign(holder, "__tablename__");
    if (!t)
        return NULL;
    *found = true;
    if (t->kind != PY_S_DEF)
        return eval_name_in(ctx, mod, t->value, clsname, 0);
    const py_block *body = t->nblocks ? &t->blocks[0] : NULL;
    for (size_t i = 0; body && i < body->nstmts; i++)
        if (body->stmts[i]->kind == PY_S_RETURN)
            return eval_name_in(ctx, mod, body->stmts[i]->value, clsname, 0);
    return NULL;
}

/* A declared_attr __tablename__ of a mapped ancestor (or its mixins) runs
 * again for each subclass: a name it gives makes the subclass a table of
 * its own. One the reader cannot work out leaves single-table inheritance. */
static const char *inherited_declared_tablename(py_ctx *ctx, py_cls *cls, bool *found)
{
    int hops = 0;
    for (py_cls *p = cls->parent; p && hops < PY_MAX_HOPS; p = p->parent, hops++) {
        for (size_t i = 0; i <= p->nmixins; i++) {
            const py_stmt *holder = i == 0 ? p->stmt : p->mixins[i - 1]->stmt;
            py_mod *hmod = i == 0 ? p->mod : p->mixins[i - 1]->mod;
            const py_stmt *t = body_assign(holder, "__tablename__");
            if (!t || t->kind != PY_S_DEF)
                continue;
            bool any = false;
            const char *tn = tablename_in(ctx, hmod, holder, cls->stmt->name, &any);
            *found = tn != NULL;
            return tn;
        }
    }
    return NULL;
}

/* The schema in __table_args__ ({"schema": "x"} alone or last). */
static const char *table_args_schema(const py_expr *args)
{
    const py_expr *dict = NULL;
    if (args && args->kind == PY_E_DICT)
        dict = args;
    else if (args && args->kind == PY_E_TUPLE && args->nitems > 0 &&
             args->items[args->nitems - 1]->kind == PY_E_DICT)
        dict = args->items[args->nitems - 1];
    for (size_t i = 0; dict && i + 1 < dict->nitems; i += 2) {
        const char *key = py_str(dict->items[i]);
        if (key && strcmp(key, "schema") == 0)
            return py_str(dict->items[i + 1]);
    }
    return NULL;
}

static const py_expr *table_args(py_cls *cls, py_mod **where)
{
    const py_stmt *t = body_assign(cls->stmt, "__table_args__");
    *where = cls->mod;
    if (t && t->kind != PY_S_DEF)
        return t->value;
    for (size_t i = 0; i < cls->nmixins; i++) {
        t = body_assign(cls->mixins[i]->stmt, "__table_args__");
        if (t && t->kind != PY_S_DEF) {
            *where = cls->mixins[i]->mod;
            return t->value;
        }
    }
    return NULL;
}

/* The value of `key` in a __mapper_args__ dict, or NULL. */
static const py_expr *mapper_arg(const py_stmt *s, const char *key)
{
    const py_stmt *m = body_assign(s, "__mapper_args__");
    const py_expr *d = m && m->kind != PY_S_DEF ? m->value : NULL;
    for (size_t i = 0; d && d->kind == PY_E_DICT && i + 1 < d->nitems; i += 2) {
        const char *k = py_str(d->items[i]);
        if (k && strcmp(k, key) == 0)
            return d->items[i + 1];
    }
    return NULL;
}

static bool is_concrete(const py_stmt *s)
{
    return py_is_true(mapper_arg(s, "concrete"));
}

/* extend_existing / keep_existing in __table_args__ (alone or last). */
static bool table_args_extends(const py_expr *args)
{
    const py_expr *dict = NULL;
    if (args && args->kind == PY_E_DICT)
        dict = args;
    else if (args && args->kind == PY_E_TUPLE && args->nitems > 0 &&
             args->items[args->nitems - 1]->kind == PY_E_DICT)
        dict = args->items[args->nitems - 1];
    for (size_t i = 0; dict && i + 1 < dict->nitems; i += 2) {
        const char *key = py_str(dict->items[i]);
        if (key && (strcmp(key, "extend_existing") == 0 || strcmp(key, "keep_existing") == 0) &&
            py_is_true(dict->items[i + 1]))
            return true;
    }
    return false;
}

/* The body of a `@declared_attr def x(cls): return <value>`, or NULL. */
static const py_expr *declared_attr_value(py_ctx *ctx, py_mod *mod, const py_stmt *def)
{
    bool declared = false;
    for (size_t i = 0; i < def->ndecorators; i++) {
        const py_expr *d = def->decorators[i];
        if (d->kind == PY_E_CALL)
            d = d->value;
        py_ref r = py_eval(ctx, mod, d, 0);
        const char *tail = r.kind == PY_R_EXTERN ? py_tail(ctx, r.qual) : NULL;
        if (!tail && d->kind == PY_E_ATTR && d->value->kind == PY_E_NAME)
            tail = d->value->name; /* declared_attr.cascading */
        if (tail && (strcmp(tail, "declared_attr") == 0 || strcmp(tail, "cascading") == 0 ||
                     strcmp(tail, "directive") == 0))
            declared = true;
        if (r.kind == PY_R_EXTERN && r.qual && strstr(r.qual, "declared_attr"))
            declared = true;
    }
    const py_block *body = def->nblocks ? &def->blocks[0] : NULL;
    for (size_t i = 0; declared && body && i < body->nstmts; i++)
        if (body->stmts[i]->kind == PY_S_RETURN)
            return body->stmts[i]->value;
    return NULL;
}

typedef enum { ATTRS_PLAIN, ATTRS_DECLARED } attr_pass;

/* The columns and relationships of one class body, for `cls`. */
static void body_attrs(py_ctx *ctx, py_cls *cls, relmap_table *table, const py_cls *holder,
                       attr_pass pass, bool with_rels)
{
    const py_block *body = holder->stmt->nblocks ? &holder->stmt->blocks[0] : NULL;
    py_mod *mod = holder->mod;
    bool sqlmodel = cls->sqlmodel || holder->role == PY_ROLE_SQLMODEL;
    for (size_t i = 0; body && i < body->nstmts; i++) {
        const py_stmt *s = body->stmts[i];
        const char *attr = NULL;
        const py_expr *ann = NULL, *value = NULL;
        uint32_t a0 = 0, a1 = 0;
        if (pass == ATTRS_PLAIN && (s->kind == PY_S_ASSIGN || s->kind == PY_S_ANNASSIGN) &&
            s->ntargets >= 1 && s->targets[0]->kind == PY_E_NAME) {
            attr = s->targets[0]->name;
            a0 = s->targets[0]->start;
            a1 = s->targets[0]->end;
            ann = s->kind == PY_S_ANNASSIGN ? s->annotation : NULL;
            value = s->value;
        } else if (pass == ATTRS_DECLARED && s->kind == PY_S_DEF) {
            value = declared_attr_value(ctx, mod, s);
            if (!value)
                continue;
            attr = s->name;
            a0 = s->name_start;
            a1 = s->name_end;
        }
        if (!attr || (attr[0] == '_' && attr[1] == '_'))
            continue;
        if (table && py_is_column(ctx, mod, ann, value, sqlmodel)) {
            relmap_column *col = py_column(ctx, mod, table, attr, a0, a1, ann, value, sqlmodel);
            if (col && cls->attrs) {
                py_col_info *info = rm_arena_alloc(ctx->tmp, sizeof *info);
                info->name = col->name;
                rm_strmap_put(cls->attrs, attr, info);
            }
            if (col && cls->rc && holder == cls)
                mb_class_own_column(ctx->model, cls->rc, col->name);
            py_note_attribute(ctx, cls, holder, s, attr, a0, a1, ann, value, false,
                              pass == ATTRS_DECLARED);
        } else if (with_rels && cls->rc && py_is_relationship(ctx, mod, ann, value)) {
            py_relationship(ctx, mod, cls->rc, attr, a0, a1, ann, value);
            py_note_attribute(ctx, cls, holder, s, attr, a0, a1, ann, value, true,
                              pass == ATTRS_DECLARED);
        }
    }
}

static bool defines_primary_key(py_ctx *ctx, const py_cls *cls)
{
    const py_block *body = cls->stmt->nblocks ? &cls->stmt->blocks[0] : NULL;
    for (size_t i = 0; body && i < body->nstmts; i++) {
        const py_stmt *s = body->stmts[i];
        if ((s->kind == PY_S_ASSIGN || s->kind == PY_S_ANNASSIGN) && s->value &&
            s->value->kind == PY_E_CALL && py_is_true(py_kwarg(s->value, "primary_key")))
            return true;
    }
    (void)ctx;
    return false;
}

static relmap_class *record_class(py_ctx *ctx, py_cls *cls)
{
    if (cls->rc)
        return cls->rc;
    const py_stmt *s = cls->stmt;
    cls->rc = mb_class(ctx->model, cls->mod->name, s->name,
                       py_span(cls->mod, s->name_start, s->name_end));
    cls->rc->registry = mb_str(ctx->model, cls->registry);
    for (size_t i = 0; i < s->nargs; i++)
        if (!s->args[i].name && !s->args[i].star && !s->args[i].double_star) {
            const char *text = py_dotted_name(ctx->tmp, s->args[i].value);
            mb_class_base(ctx->model, cls->rc,
                          text ? text : py_text(ctx, cls->mod, s->args[i].value));
        }
    return cls->rc;
}

/* Sorts mixins by where they are defined: SQLAlchemy orders the columns it
 * copies from them by creation, and a module runs before its importers. */
static bool defined_before(const py_cls *a, const py_cls *b)
{
    if (a->mod->order != b->mod->order)
        return a->mod->order < b->mod->order;
    return a->stmt->start < b->stmt->start;
}

/* Whose MetaData a class's table goes to, as py_new_table tells them apart. */
static unsigned metadata_flavour(const py_cls *cls)
{
    return cls->flask ? RELMAP_FLAVOUR_FLASK : cls->sqlmodel ? RELMAP_FLAVOUR_SQLMODEL : 0;
}

static void build(py_ctx *ctx, py_cls *cls, int depth)
{
    if (cls->built != 0 || cls->role != PY_ROLE_MAPPED || depth > PY_MAX_HOPS)
        return;
    cls->built = 1;
    if (cls->parent)
        build(ctx, cls->parent, depth + 1);
    const py_stmt *s = cls->stmt;
    py_mod *mod = cls->mod;
    relmap_class *rc = record_class(ctx, cls);
    cls->attrs = rm_strmap_new(false);
    ctx->flavours |= cls->flavours;
    for (size_t i = 0; i < cls->nmixins; i++) {
        py_cls *m = cls->mixins[i];
        relmap_class *mrc = record_class(ctx, m);
        if (m->role == PY_ROLE_ABSTRACT || m->role == PY_ROLE_BASE)
            mrc->abstract = true;
        else
            mrc->mixin = true;
    }
    if (cls->parent && cls->parent->rc)
        rc->parent = cls->parent->rc;

    py_mod *args_mod;
    const py_expr *args = table_args(cls, &args_mod);
    const py_stmt *table_stmt = body_assign(s, "__table__");
    bool found = false;
    const char *tn = tablename_in(ctx, mod, s, s->name, &found);
    for (size_t i = 0; !found && i < cls->nmixins; i++)
        tn = tablename_in(ctx, cls->mixins[i]->mod, cls->mixins[i]->stmt, s->name, &found);
    if (!found)
        tn = inherited_declared_tablename(ctx, cls, &found);
    relmap_span span = py_span(mod, s->name_start, s->name_end);
    if (table_stmt && table_stmt->kind != PY_S_DEF) {
        /* `__table__ = Table(...)` itself, or a name bound to one (py_eval
         * of the call would only say it calls something outside). */
        const py_expr *value = table_stmt->value;
        py_mod *value_mod = mod;
        if (value && value->kind != PY_E_CALL) {
            py_ref r = py_eval(ctx, mod, value, 0);
            value = r.kind == PY_R_VALUE ? r.value : NULL;
            value_mod = r.mod;
        }
        if (value && value->kind == PY_E_CALL)
            cls->table = py_core_table(ctx, value_mod, value);
        cls->own_table = cls->table != NULL;
    } else if (found) {
        if (tn) {
            cls->table = py_new_table(ctx, table_args_schema(args), tn, span,
                                      table_args_extends(args), metadata_flavour(cls));
            cls->own_table = true;
        }
    } else if (cls->parent && !(cls->flask && defines_primary_key(ctx, cls))) {
        rc->inheritance = RELMAP_INHERIT_SINGLE;
        cls->table = cls->parent->table;
    } else if (cls->flask || cls->sqlmodel) {
        tn = cls->flask ? snake_case(ctx, s->name) : lower(ctx, s->name);
        cls->table = py_new_table(ctx, table_args_schema(args), tn, span, table_args_extends(args),
                                  metadata_flavour(cls));
        cls->own_table = true;
    }
    if (cls->own_table && cls->parent)
        rc->inheritance = is_concrete(s) ? RELMAP_INHERIT_CONCRETE : RELMAP_INHERIT_JOINED;
    rc->table = cls->table;
    rc->declarative_2_0 = cls->typed_base;
    rc->inherit_condition = mapper_arg(s, "inherit_condition") != NULL;
    if (args)
        py_note_table_args(ctx, args_mod, cls, args);

    /* Columns as SQLAlchemy orders them: the mixins' (copied, keeping their
     * creation order), the class's own, then those declared_attr makes
     * while the class is being mapped. */
    py_cls **order = rm_arena_alloc(ctx->tmp, (cls->nmixins + 1) * sizeof *order);
    for (size_t i = 0; i < cls->nmixins; i++) {
        size_t k = i;
        while (k > 0 && defined_before(cls->mixins[i], order[k - 1])) {
            order[k] = order[k - 1];
            k--;
        }
        order[k] = cls->mixins[i];
    }
    /* Building another class on the way (ForeignKey(Other.id)) must not
     * leave its map in place of this one's. */
    const py_expr *outer_map = ctx->type_map;
    py_mod *outer_map_mod = ctx->type_map_mod;
    ctx->type_map = NULL;
    for (size_t i = 0; i < cls->nmixins && !ctx->type_map; i++) {
        const py_stmt *m = body_assign(cls->mixins[i]->stmt, "type_annotation_map");
        if (m && m->kind != PY_S_DEF && m->value->kind == PY_E_DICT) {
            ctx->type_map = m->value;
            ctx->type_map_mod = cls->mixins[i]->mod;
        }
    }
    relmap_table *target = cls->table;
    for (size_t i = 0; i < cls->nmixins; i++)
        body_attrs(ctx, cls, target, order[i], ATTRS_PLAIN, true);
    body_attrs(ctx, cls, target, cls, ATTRS_PLAIN, true);
    body_attrs(ctx, cls, target, cls, ATTRS_DECLARED, true);
    for (size_t i = 0; i < cls->nmixins; i++)
        body_attrs(ctx, cls, target, cls->mixins[i], ATTRS_DECLARED, true);
    if (cls->own_table && args) {
        const py_expr *items = args;
        if (args->kind == PY_E_TUPLE || args->kind == PY_E_LIST)
            for (size_t i = 0; i < items->nitems; i++)
                py_table_item(ctx, args_mod, cls->table, items->items[i]);
    }
    ctx->type_map = outer_map;
    ctx->type_map_mod = outer_map_mod;
    cls->built = 2;
}

void py_classes_build(py_ctx *ctx)
{
    for (size_t i = 0; i < ctx->nclasses; i++)
        build(ctx, ctx->classes[i], 0);
}

const char *py_class_table_name(py_ctx *ctx, py_cls *cls)
{
    decide(ctx, cls, 0);
    build(ctx, cls, 0);
    return cls->table ? cls->table->name : NULL;
}
