/*
 * read_py.c - the SQLAlchemy model reader's entry: the files of the input
 * (one .py file, or a package folder read as a whole), each read once and
 * parsed, then the passes over all of them: names, Core tables, classes,
 * facts, and what follows from every table being known.
 */
#include "read_py.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "error.h"
#include "file_read.h"
#include "ptrmap.h"
#include "py_models.h"
#include "py_walk.h"
#include "read_ddl.h"

/* "app/models/user.py" -> "app.models.user"; "app/__init__.py" -> "app". */
static void module_names(py_ctx *ctx, py_mod *mod, const char *rel)
{
    size_t len = strlen(rel);
    if (len >= 3 && strcmp(rel + len - 3, ".py") == 0)
        len -= 3;
    char *name = rm_arena_strndup(ctx->tmp, rel, len);
    for (char *p = name; *p; p++)
        if (*p == '/')
            *p = '.';
    bool package = false;
    size_t n = strlen(name);
    if (n >= 8 && strcmp(name + n - 8, "__init__") == 0 && (n == 8 || name[n - 9] == '.')) {
        package = true;
        if (n > 8)
            name[n - 9] = '\0';
    }
    mod->name = name;
    if (package) {
        mod->package = name;
    } else {
        const char *dot = strrchr(name, '.');
        mod->package = dot ? rm_arena_strndup(ctx->tmp, name, (size_t)(dot - name)) : "";
    }
}

static int add_module(py_ctx *ctx, const char *open_path, const char *shown, const char *rel,
                      uint64_t max_size)
{
    char *buf;
    size_t len;
    int rc = rm_read_file(open_path, max_size, &buf, &len);
    if (rc < 0)
        return rc;
    py_mod *mod = rm_arena_alloc(ctx->tmp, sizeof *mod);
    mod->src = mb_source_adopt(ctx->model, shown, buf, len);
    mod->order = ctx->nmods;
    module_names(ctx, mod, rel);
    const relmap_source *src = &ctx->model->sources[mod->src];
    py_parse(ctx->tmp, src->text, src->len, &mod->ast);
    for (size_t i = 0; i < mod->ast.nerrors; i++) {
        const py_syntax_error *e = &mod->ast.errors[i];
        mb_syntax_error(ctx->model, py_span(mod, e->start, e->end), e->message);
    }
    mb_syntax_errors_uncounted(ctx->model, mod->ast.nerrors_dropped);
    py_mod **slot = rm_arena_push(ctx->tmp, (void **)&ctx->mods, &ctx->nmods, sizeof *slot);
    *slot = mod;
    rm_strmap_put(ctx->mods_by_name, mod->name, mod);
    return 0;
}

/* Core Table() calls assigned anywhere a module runs them at import: the
 * module level, if/try/with blocks, class bodies. */
static void core_tables(py_ctx *ctx, py_mod *mod, const py_block *b, int depth)
{
    for (size_t i = 0; b && depth < PY_MAX_DEPTH && i < b->nstmts; i++) {
        const py_stmt *s = b->stmts[i];
        switch (s->kind) {
        case PY_S_ASSIGN:
        case PY_S_ANNASSIGN:
        case PY_S_EXPR:
            if (s->value && s->value->kind == PY_E_CALL)
                py_core_table(ctx, mod, s->value);
            break;
        case PY_S_DEF:
            break; /* a function's tables exist only when it is called */
        case PY_S_IF: {
            int truth = py_static_truth(ctx, mod, s->value);
            for (size_t k = 0; k < s->nblocks; k++)
                if (truth < 0 || (truth == 1 && k == 0) || (truth == 0 && k == 1))
                    core_tables(ctx, mod, &s->blocks[k], depth + 1);
            break;
        }
        default:
            for (size_t k = 0; k < s->nblocks; k++)
                core_tables(ctx, mod, &s->blocks[k], depth + 1);
            break;
        }
    }
}

static int read_all_modules(py_ctx *ctx, const char *path, const relmap_load_opts *opts)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return rm_error(RELMAP_EIO, "%s: cannot open: %s", path, strerror(errno));
    if (!S_ISDIR(st.st_mode)) {
        const char *base = strrchr(path, '/');
        return add_module(ctx, path, path, base ? base + 1 : path, opts->max_input_size);
    }
    py_file *files;
    size_t nfiles;
    int rc = py_walk(path, &files, &nfiles);
    if (rc < 0)
        return rc;
    if (nfiles == 0) {
        py_files_free(files, nfiles);
        return rm_error(RELMAP_EIO, "%s: a directory with no .py files under it", path);
    }
    /* The limit holds for the package as a whole: its sizes are added up
     * before anything is read. */
    uint64_t total = 0;
    for (size_t i = 0; i < nfiles && opts->max_input_size; i++)
        if (stat(files[i].path, &st) == 0)
            total += (uint64_t)st.st_size;
    if (opts->max_input_size && total > opts->max_input_size) {
        char have[32], limit[32];
        rm_format_size(total, have, sizeof have);
        rm_format_size(opts->max_input_size, limit, sizeof limit);
        py_files_free(files, nfiles);
        return rm_error(RELMAP_ELIMIT,
                        "%s: its %zu .py files total %s, over the input size limit of %s "
                        "(raise it with --max-input-size)",
                        path, nfiles, have, limit);
    }
    bool dot = strcmp(path, ".") == 0 || strcmp(path, "./") == 0;
    size_t plen = strlen(path);
    for (size_t i = 0; i < nfiles && rc == 0; i++) {
        const char *shown = dot ? files[i].rel
                            : plen && path[plen - 1] == '/'
                                ? rm_arena_printf(ctx->tmp, "%s%s", path, files[i].rel)
                                : rm_arena_printf(ctx->tmp, "%s/%s", path, files[i].rel);
        rc = add_module(ctx, files[i].path, shown, files[i].rel, opts->max_input_size);
    }
    rm_say(opts, "%s: a package of %zu .py files\n", path, nfiles);
    py_files_free(files, nfiles);
    return rc;
}

int rm_read_py(relmap_model *model, const char *path, const relmap_load_opts *opts)
{
    py_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.model = model;
    ctx.tmp = rm_arena_new();
    ctx.mods_by_name = rm_strmap_new(false);
    ctx.tables = rm_strmap_new(true);
    size_t first_error = model->nsyntax_errors, first_table = model->ntables;
    /* --dialect says which database the models are meant for (SQLITE001). */
    if (opts->dialect != RELMAP_DIALECT_UNKNOWN && model->dialect == RELMAP_DIALECT_UNKNOWN)
        model->dialect = opts->dialect;
    int rc = read_all_modules(&ctx, path, opts);
    if (rc == 0) {
        for (size_t i = 0; i < ctx.nmods; i++)
            py_scope_index(&ctx, ctx.mods[i]);
        for (size_t i = 0; i < ctx.nmods; i++)
            core_tables(&ctx, ctx.mods[i], &ctx.mods[i]->ast.body, 0);
        py_classes_decide(&ctx);
        py_classes_build(&ctx);
        for (size_t i = 0; i < ctx.nmods; i++)
            py_facts(&ctx, ctx.mods[i]);
        py_columns_finish(&ctx);
        model->facts.flavours |= ctx.flavours;
        rm_say(opts, "%s: %zu modules, %zu tables, %zu syntax errors\n", path, ctx.nmods,
               model->ntables - first_table, model->nsyntax_errors - first_error);
    }
    for (size_t i = 0; i < ctx.nmods; i++)
        rm_strmap_free(ctx.mods[i]->names);
    for (size_t i = 0; i < ctx.nclasses; i++)
        rm_strmap_free(ctx.classes[i]->attrs);
    rm_strmap_free(ctx.mods_by_name);
    rm_strmap_free(ctx.tables);
    rm_strmap_free(ctx.families);
    rm_strmap_free(ctx.defined);
    rm_ptrmap_free(ctx.core_calls);
    rm_ptrmap_free(ctx.urls_seen);
    rm_ptrmap_free(ctx.noted);
    rm_arena_free(ctx.tmp);
    return rc;
}
