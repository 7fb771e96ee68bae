/*
 * py_facts.c - what model files say about the project as a whole: the
 * database URLs written in them, and whether some code turns on SQLite's
 * PRAGMA foreign_keys (in a connect hook, a script, anywhere).
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "ptrmap.h"
#include "py_models.h"

static void url_at(py_ctx *ctx, py_mod *mod, const py_expr *e, bool any_string);

/* The default of os.getenv("X", "url") / os.environ.get("X", "url"), for
 * a call to `callee`. */
static const py_expr *env_default_of(const py_expr *call, const char *callee)
{
    if (!callee || (strcmp(callee, "getenv") != 0 && strcmp(callee, "get") != 0))
        return NULL;
    const py_expr *d = py_posarg(call, 1);
    return d ? d : py_kwarg(call, "default");
}

static const py_expr *env_default(py_ctx *ctx, py_mod *mod, const py_expr *e)
{
    return env_default_of(e, py_callee(ctx, mod, e, NULL));
}

static void url_at(py_ctx *ctx, py_mod *mod, const py_expr *e, bool any_string)
{
    const py_expr *d = env_default(ctx, mod, e);
    if (d)
        e = d;
    if (e && (e->kind == PY_E_NAME || e->kind == PY_E_ATTR)) {
        /* create_engine(DATABASE_URL): the literal the name holds. */
        py_ref r = py_eval(ctx, mod, e, 0);
        if (r.kind == PY_R_VALUE && r.value != e) {
            mod = r.mod;
            e = r.value;
            if ((d = env_default(ctx, mod, e)))
                e = d;
        }
    }
    const char *s = py_str(e);
    if (!s || (!any_string && !strstr(s, "://")) || !*s)
        return;
    /* Each literal once, however many ways it is reached. */
    size_t seen;
    if (rm_ptrmap_get(ctx->urls_seen, e, &seen))
        return;
    rm_ptrmap_put(ctx->urls_seen, e, 1);
    /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference): py_str(NULL) is NULL, so e is not */
    mb_database_url(ctx->model, s, py_span(mod, e->start, e->end));
}

static bool is_uri_key(const char *s)
{
    return s && strcmp(s, "SQLALCHEMY_DATABASE_URI") == 0;
}

/* "PRAGMA foreign_keys = ON" (or 1, true, yes), any case and spacing. */
static bool enables_pragma(const char *s, size_t len)
{
    static const char word[] = "pragma";
    for (size_t i = 0; i + 6 <= len; i++) {
        if (((unsigned char)s[i] | 0x20) != 'p' || strncasecmp(s + i, word, 6) != 0)
            continue;
        size_t k = i + 6;
        while (k < len && isspace((unsigned char)s[k]))
            k++;
        if (k + 12 > len || strncasecmp(s + k, "foreign_keys", 12) != 0)
            continue;
        k += 12;
        while (k < len && (isspace((unsigned char)s[k]) || s[k] == '=' || s[k] == '(' ||
                           s[k] == '\'' || s[k] == '"'))
            k++;
        static const char *const on[] = {"on", "1", "true", "yes"};
        for (size_t w = 0; w < 4; w++) {
            size_t n = strlen(on[w]);
            if (k + n <= len && strncasecmp(s + k, on[w], n) == 0 &&
                (k + n == len || !isalnum((unsigned char)s[k + n])))
                return true;
        }
    }
    return false;
}

static void walk_expr(py_ctx *ctx, py_mod *mod, const py_expr *e, int depth)
{
    if (!e || depth > PY_MAX_DEPTH)
        return;
    switch (e->kind) {
    case PY_E_STRING:
        if (!ctx->model->facts.pragma_foreign_keys && e->text &&
            enables_pragma(e->text, e->text_len)) {
            ctx->model->facts.pragma_foreign_keys = true;
            ctx->model->facts.pragma_foreign_keys_span = py_span(mod, e->start, e->end);
        }
        return;
    case PY_E_CALL: {
        const char *t = py_callee(ctx, mod, e, NULL);
        const py_expr *d = env_default_of(e, t);
        if (d)
            url_at(ctx, mod, d, false);
        if (t && (strcmp(t, "create_engine") == 0 || strcmp(t, "create_async_engine") == 0 ||
                  strcmp(t, "make_url") == 0))
            url_at(ctx, mod, py_posarg(e, 0) ? py_posarg(e, 0) : py_kwarg(e, "url"), true);
        for (size_t i = 0; i < e->nargs; i++) {
            if (is_uri_key(e->args[i].name)) /* config.update(SQLALCHEMY_DATABASE_URI=...) */
                url_at(ctx, mod, e->args[i].value, true);
            walk_expr(ctx, mod, e->args[i].value, depth + 1);
        }
        walk_expr(ctx, mod, e->value, depth + 1);
        return;
    }
    case PY_E_BINOP:
    case PY_E_COMPARE:
    case PY_E_BOOLOP:
        walk_expr(ctx, mod, e->left, depth + 1);
        walk_expr(ctx, mod, e->right, depth + 1);
        return;
    case PY_E_DICT:
        for (size_t i = 0; i + 1 < e->nitems; i += 2)
            if (is_uri_key(py_str(e->items[i])))
                url_at(ctx, mod, e->items[i + 1], true);
        for (size_t i = 0; i < e->nitems; i++)
            walk_expr(ctx, mod, e->items[i], depth + 1);
        return;
    case PY_E_LIST:
    case PY_E_TUPLE:
    case PY_E_SET:
    case PY_E_SUBSCRIPT:
        walk_expr(ctx, mod, e->value, depth + 1);
        for (size_t i = 0; i < e->nitems; i++)
            walk_expr(ctx, mod, e->items[i], depth + 1);
        return;
    default: /* names, numbers, constants; ATTR, LAMBDA, UNARY, STARRED: the value */
        walk_expr(ctx, mod, e->value, depth + 1);
        return;
    }
}

/* Whether an assignment target names the database URI setting. */
static bool uri_target(const py_expr *t)
{
    if (t->kind == PY_E_NAME || t->kind == PY_E_ATTR)
        return is_uri_key(t->name);
    if (t->kind == PY_E_SUBSCRIPT && t->nitems == 1)
        return is_uri_key(py_str(t->items[0]));
    return false;
}

static void walk_block(py_ctx *ctx, py_mod *mod, const py_block *b, int depth)
{
    if (depth > PY_MAX_DEPTH)
        return;
    for (size_t i = 0; i < b->nstmts; i++) {
        const py_stmt *s = b->stmts[i];
        if (s->kind == PY_S_EXPR && s->value && s->value->kind == PY_E_STRING)
            continue; /* a docstring describes, it does not run */
        if ((s->kind == PY_S_ASSIGN || s->kind == PY_S_ANNASSIGN) && s->value)
            for (size_t k = 0; k < s->ntargets; k++)
                if (uri_target(s->targets[k]))
                    url_at(ctx, mod, s->value, true);
        walk_expr(ctx, mod, s->value, 0);
        if (s->kind == PY_S_CLASS || s->kind == PY_S_DEF) {
            for (size_t k = 0; k < s->ndecorators; k++)
                walk_expr(ctx, mod, s->decorators[k], 0);
            for (size_t k = 0; k < s->nargs; k++)
                walk_expr(ctx, mod, s->args[k].value, 0);
        }
        for (size_t k = 0; k < s->nblocks; k++)
            walk_block(ctx, mod, &s->blocks[k], depth + 1);
    }
}

void py_facts(py_ctx *ctx, py_mod *mod)
{
    if (!ctx->urls_seen)
        ctx->urls_seen = rm_ptrmap_new(8);
    walk_block(ctx, mod, &mod->ast.body, 0);
}
