/*
 * py_scope.c - what a name means in a module of the input: module-level
 * bindings (imports, assignments, classes, functions), followed across
 * the modules of a package without importing anything.
 */
#include <stdint.h>
#include <string.h>

#include "py_models.h"

relmap_span py_span(const py_mod *mod, uint32_t start, uint32_t end)
{
    return mb_span(mod->src, start, end);
}

static void bind(py_ctx *ctx, py_mod *mod, const char *name, py_binding b)
{
    py_binding *slot = rm_arena_alloc(ctx->tmp, sizeof *slot);
    *slot = b;
    /* The first binding wins: `try: from x import A / except: A = None`
     * keeps the import, the one that matters. */
    rm_strmap_put(mod->names, name, slot);
}

/* The absolute module a `from` statement names. */
static const char *from_module(py_ctx *ctx, const py_mod *mod, const py_stmt *s)
{
    if (s->level == 0)
        return s->module;
    const char *pkg = mod->package;
    size_t len = strlen(pkg);
    for (unsigned up = 1; up < s->level; up++) {
        while (len > 0 && pkg[len - 1] != '.')
            len--;
        if (len > 0)
            len--;
    }
    if (!s->module || !*s->module)
        return rm_arena_strndup(ctx->tmp, pkg, len);
    if (len == 0)
        return s->module;
    return rm_arena_printf(ctx->tmp, "%.*s.%s", (int)len, pkg, s->module);
}

int py_static_truth(py_ctx *ctx, py_mod *mod, const py_expr *test)
{
    if (!test)
        return -1;
    if (test->kind == PY_E_UNARY && test->name && strcmp(test->name, "not") == 0) {
        int inner = py_static_truth(ctx, mod, test->value);
        return inner < 0 ? -1 : !inner;
    }
    const py_expr *e = test;
    if (e->kind == PY_E_NAME) {
        py_binding *b = rm_strmap_get(mod->names, e->name);
        if (!b || b->kind != PY_B_VALUE)
            return -1;
        e = b->value;
    }
    if (e->kind == PY_E_CONST && (strcmp(e->name, "True") == 0 || strcmp(e->name, "False") == 0 ||
                                  strcmp(e->name, "None") == 0))
        return strcmp(e->name, "True") == 0;
    if (e->kind == PY_E_NUMBER && e->text)
        return strcmp(e->text, "0") != 0;
    return -1;
}

static void index_block(py_ctx *ctx, py_mod *mod, const py_block *block)
{
    for (size_t i = 0; i < block->nstmts; i++) {
        const py_stmt *s = block->stmts[i];
        py_binding b;
        memset(&b, 0, sizeof b);
        switch (s->kind) {
        case PY_S_IMPORT:
            for (size_t k = 0; k < s->naliases; k++) {
                const py_alias *a = &s->aliases[k];
                b.kind = PY_B_MODULE;
                if (a->asname) {
                    b.module = a->name;
                    bind(ctx, mod, a->asname, b);
                } else {
                    /* `import a.b` binds `a`. */
                    const char *dot = strchr(a->name, '.');
                    const char *head =
                        dot ? rm_arena_strndup(ctx->tmp, a->name, (size_t)(dot - a->name))
                            : a->name;
                    b.module = head;
                    bind(ctx, mod, head, b);
                }
            }
            break;
        case PY_S_FROM: {
            const char *from = from_module(ctx, mod, s);
            for (size_t k = 0; k < s->naliases; k++) {
                const py_alias *a = &s->aliases[k];
                if (strcmp(a->name, "*") == 0)
                    continue;
                b.kind = PY_B_FROM;
                b.module = from;
                b.name = a->name;
                bind(ctx, mod, a->asname ? a->asname : a->name, b);
            }
            break;
        }
        case PY_S_ASSIGN:
        case PY_S_ANNASSIGN:
            if (!s->value)
                break;
            for (size_t k = 0; k < s->ntargets; k++)
                if (s->targets[k]->kind == PY_E_NAME) {
                    b.kind = PY_B_VALUE;
                    b.value = s->value;
                    bind(ctx, mod, s->targets[k]->name, b);
                }
            break;
        case PY_S_CLASS: {
            py_cls *cls = rm_arena_alloc(ctx->tmp, sizeof *cls);
            cls->mod = mod;
            cls->stmt = s;
            py_cls **slot =
                rm_arena_push(ctx->tmp, (void **)&ctx->classes, &ctx->nclasses, sizeof *slot);
            *slot = cls;
            b.kind = PY_B_CLASS;
            b.cls = cls;
            b.stmt = s;
            bind(ctx, mod, s->name, b);
            break;
        }
        case PY_S_DEF:
            b.kind = PY_B_DEF;
            b.stmt = s;
            bind(ctx, mod, s->name, b);
            break;
        case PY_S_IF: {
            /* `if FLAG:` with FLAG a literal runs one branch only. */
            int truth = py_static_truth(ctx, mod, s->value);
            if (truth >= 0 && s->nblocks >= 1) {
                if (truth == 1)
                    index_block(ctx, mod, &s->blocks[0]);
                else if (s->nblocks >= 2)
                    index_block(ctx, mod, &s->blocks[1]);
                break;
            }
            for (size_t k = 0; k < s->nblocks; k++)
                index_block(ctx, mod, &s->blocks[k]);
            break;
        }
        case PY_S_TRY:
        case PY_S_WITH:
        case PY_S_FOR:
        case PY_S_WHILE:
        case PY_S_MATCH:
            for (size_t k = 0; k < s->nblocks; k++)
                index_block(ctx, mod, &s->blocks[k]);
            break;
        default:
            break;
        }
    }
}

void py_scope_index(py_ctx *ctx, py_mod *mod)
{
    mod->names = rm_strmap_new(false);
    index_block(ctx, mod, &mod->ast.body);
}

/*
 * A module of the input by the name an import uses: exactly, as a sibling
 * of the importing module (`from base import Base` next to base.py, as a
 * script directory on sys.path has it), or with leading packages the
 * input does not include (`app.models.user` when the input is `app/`).
 */
py_mod *py_find_module(py_ctx *ctx, const char *name, const py_mod *from)
{
    if (!name || !*name)
        return NULL;
    py_mod *m = rm_strmap_get(ctx->mods_by_name, name);
    if (m)
        return m;
    if (from && from->package && *from->package) {
        const char *sibling = rm_arena_printf(ctx->tmp, "%s.%s", from->package, name);
        if ((m = rm_strmap_get(ctx->mods_by_name, sibling)))
            return m;
    }
    for (const char *dot = strchr(name, '.'); dot; dot = strchr(dot + 1, '.'))
        if ((m = rm_strmap_get(ctx->mods_by_name, dot + 1)))
            return m;
    return NULL;
}

static py_ref none_ref(void)
{
    py_ref r;
    memset(&r, 0, sizeof r);
    return r;
}

static py_ref extern_ref(const char *qual)
{
    py_ref r = none_ref();
    r.kind = PY_R_EXTERN;
    r.qual = qual;
    return r;
}

static py_ref module_ref(py_mod *mod)
{
    py_ref r = none_ref();
    r.kind = PY_R_MODULE;
    r.mod = mod;
    return r;
}

/* `name` inside module `mod`: a binding, else a submodule. */
static py_ref member(py_ctx *ctx, py_mod *mod, const char *name, int hops)
{
    if (rm_strmap_get(mod->names, name))
        return py_lookup(ctx, mod, name, hops + 1);
    const char *sub = rm_arena_printf(ctx->tmp, "%s.%s", mod->name, name);
    py_mod *m = rm_strmap_get(ctx->mods_by_name, sub);
    return m ? module_ref(m) : none_ref();
}

/* `from module import name`: a binding of a module of the input, a
 * submodule, or something outside known by its dotted name. */
static py_ref follow_import(py_ctx *ctx, py_mod *mod, const py_binding *b, int hops)
{
    py_mod *m = py_find_module(ctx, b->module, mod);
    if (m && m != mod) {
        py_ref r = member(ctx, m, b->name, hops);
        return r.kind == PY_R_NONE ? extern_ref(b->name) : r;
    }
    const char *sub = rm_arena_printf(ctx->tmp, "%s.%s", b->module, b->name);
    if ((m = py_find_module(ctx, sub, mod)))
        return module_ref(m);
    return extern_ref(*b->module ? sub : b->name);
}

py_ref py_lookup(py_ctx *ctx, py_mod *mod, const char *name, int hops)
{
    if (hops > PY_MAX_HOPS)
        return none_ref();
    py_binding *b = rm_strmap_get(mod->names, name);
    if (!b) /* a builtin, a star import: known by its name alone */
        return extern_ref(name);
    py_ref r = none_ref();
    switch (b->kind) {
    case PY_B_MODULE: {
        py_mod *m = rm_strmap_get(ctx->mods_by_name, b->module);
        return m ? module_ref(m) : extern_ref(b->module);
    }
    case PY_B_FROM:
        if (!b->followed) {
            r = follow_import(ctx, mod, b, hops);
            /* An import cycle cut short by `hops` is not the answer. */
            if (r.kind == PY_R_NONE)
                return r;
            b->target = r;
            b->followed = true;
        }
        return b->target;
    case PY_B_VALUE:
        /* An alias (`Col = sa.Column`, `Base = db.Model`) means what it names. */
        if (b->value->kind == PY_E_NAME || b->value->kind == PY_E_ATTR)
            return py_eval(ctx, mod, b->value, hops + 1);
        r.kind = PY_R_VALUE;
        r.mod = mod;
        r.value = b->value;
        return r;
    case PY_B_CLASS:
        r.kind = PY_R_CLASS;
        r.mod = mod;
        r.cls = b->cls;
        r.stmt = b->stmt;
        return r;
    case PY_B_DEF:
        r.kind = PY_R_DEF;
        r.mod = mod;
        r.stmt = b->stmt;
        return r;
    }
    return r;
}

py_ref py_eval(py_ctx *ctx, py_mod *mod, const py_expr *e, int hops)
{
    if (!e || hops > PY_MAX_HOPS)
        return none_ref();
    switch (e->kind) {
    case PY_E_NAME:
        return py_lookup(ctx, mod, e->name, hops + 1);
    case PY_E_ATTR: {
        py_ref base = py_eval(ctx, mod, e->value, hops + 1);
        if (base.kind == PY_R_MODULE)
            return member(ctx, base.mod, e->name, hops);
        if (base.kind == PY_R_VALUE)
            base = py_eval(ctx, base.mod, base.value, hops + 1);
        if (base.kind == PY_R_EXTERN)
            return extern_ref(rm_arena_printf(ctx->tmp, "%s.%s", base.qual, e->name));
        return none_ref();
    }
    case PY_E_CALL: {
        /* The result of a call to something outside: "X()". */
        py_ref callee = py_eval(ctx, mod, e->value, hops + 1);
        if (callee.kind == PY_R_EXTERN)
            return extern_ref(rm_arena_printf(ctx->tmp, "%s()", callee.qual));
        py_ref r = none_ref();
        r.kind = PY_R_VALUE;
        r.mod = mod;
        r.value = e;
        return r;
    }
    default: {
        py_ref r = none_ref();
        r.kind = PY_R_VALUE;
        r.mod = mod;
        r.value = e;
        return r;
    }
    }
}

const char *py_tail(py_ctx *ctx, const char *qual)
{
    if (!qual)
        return NULL;
    size_t len = strlen(qual);
    if (len >= 2 && strcmp(qual + len - 2, "()") == 0)
        return NULL; /* a call's result is not a name */
    const char *dot = strrchr(qual, '.');
    (void)ctx;
    return dot ? dot + 1 : qual;
}

static const char *callee_of(py_ctx *ctx, py_mod *mod, const py_expr *e, py_ref *out)
{
    py_ref r = py_eval(ctx, mod, e->value, 0);
    if (out)
        *out = r;
    if (r.kind == PY_R_EXTERN)
        return py_tail(ctx, r.qual);
    if (r.kind == PY_R_CLASS)
        return r.cls->stmt->name;
    if (r.kind == PY_R_DEF)
        return r.stmt->name;
    /* Something the reader cannot follow: go by the name as written. */
    if (e->value->kind == PY_E_NAME || e->value->kind == PY_E_ATTR)
        return e->value->name;
    return NULL;
}

const char *py_callee(py_ctx *ctx, py_mod *mod, const py_expr *e, py_ref *out)
{
    if (!e || e->kind != PY_E_CALL)
        return NULL;
    if (out)
        return callee_of(ctx, mod, e, out);
    /* Fibonacci hashing spreads the node addresses over the table. */
    uint64_t h = (uint64_t)(uintptr_t)e * 11400714819323198485ull;
    struct py_callee_memo *m = &ctx->callees[(h >> 32) & (PY_CALLEE_MEMO - 1)];
    if (m->call != e || m->mod != mod) {
        m->call = e;
        m->mod = mod;
        m->tail = callee_of(ctx, mod, e, NULL);
    }
    return m->tail;
}

bool py_is_call_to(py_ctx *ctx, py_mod *mod, const py_expr *e, const char *tail)
{
    const char *t = py_callee(ctx, mod, e, NULL);
    return t && strcmp(t, tail) == 0;
}

const py_expr *py_kwarg(const py_expr *call, const char *name)
{
    if (!call || call->kind != PY_E_CALL)
        return NULL;
    for (size_t i = 0; i < call->nargs; i++)
        if (call->args[i].name && strcmp(call->args[i].name, name) == 0)
            return call->args[i].value;
    return NULL;
}

const py_expr *py_posarg(const py_expr *call, size_t n)
{
    if (!call || call->kind != PY_E_CALL)
        return NULL;
    for (size_t i = 0; i < call->nargs; i++) {
        const py_arg *a = &call->args[i];
        if (a->name || a->star || a->double_star)
            continue;
        if (n-- == 0)
            return a->value;
    }
    return NULL;
}

const char *py_str(const py_expr *e)
{
    if (!e || e->kind != PY_E_STRING || e->is_fstring || e->is_bytes)
        return NULL;
    return e->text;
}

bool py_bool(const py_expr *e, bool dflt)
{
    if (e && e->kind == PY_E_CONST && e->name) {
        if (strcmp(e->name, "True") == 0)
            return true;
        if (strcmp(e->name, "False") == 0 || strcmp(e->name, "None") == 0)
            return false;
    }
    if (e && e->kind == PY_E_NUMBER && e->text)
        return strcmp(e->text, "0") != 0;
    return dflt;
}

bool py_is_true(const py_expr *e)
{
    return py_bool(e, false);
}

const char *py_text(py_ctx *ctx, const py_mod *mod, const py_expr *e)
{
    const relmap_source *src = &ctx->model->sources[mod->src];
    if (!e || e->end > src->len || e->start > e->end)
        return NULL;
    return mb_strn(ctx->model, src->text + e->start, e->end - e->start);
}
