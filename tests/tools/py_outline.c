/*
 * py_outline - prints the outline of a Python file as relmap's parser
 * (lib/py_parse.c) reads it; tests/py/ast_outline.py prints the same
 * outline with Python's own `ast`, and the py_ast_oracle test compares
 * the two. One line per item, prefixed with its line number:
 *
 *   class <Outer.Name> bases=<dotted,...|?> kw=<names>
 *   def <scope> <name>(<params>)
 *   assign <scope> <target> [= <target>...]
 *   augassign <scope> <target> <op>
 *   call <scope> <dotted callee|?>       (every call on the right-hand
 *                                         side or in an expression statement)
 *   import <module> as <asname|->
 *   from <dots><module> import <name> as <asname|->
 *   error <line>:<col> <message>
 *
 * The scope is the dotted nesting of classes and functions ("-" at module
 * level). Calls inside what py_ast.h keeps as PY_E_OTHER (comprehensions,
 * conditionals, f-strings, slices, await, yield, :=) are not visited: the
 * tree does not hold them. Exits 1 when the file has syntax errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "py_ast.h"

typedef struct outline {
    rm_arena *arena;
    const char *text;
    size_t len;
    size_t *lines; /* offsets where lines start */
    size_t nlines;
} outline;

static void index_lines(outline *o)
{
    size_t cap = 1024;
    o->lines = malloc(cap * sizeof *o->lines);
    o->nlines = 0;
    o->lines[o->nlines++] = 0;
    for (size_t i = 0; i < o->len; i++) {
        char c = o->text[i];
        if (c == '\r' && i + 1 < o->len && o->text[i + 1] == '\n')
            i++;
        else if (c != '\n' && c != '\r')
            continue;
        if (o->nlines == cap) {
            cap *= 2;
            o->lines = realloc(o->lines, cap * sizeof *o->lines);
        }
        o->lines[o->nlines++] = i + 1;
    }
}

/* 1-based line of an offset. */
static size_t line_of(const outline *o, size_t off)
{
    size_t lo = 0, hi = o->nlines;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (o->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo + 1;
}

static void print_target(const outline *o, const py_expr *e, bool nested)
{
    const char *dotted = py_dotted_name(o->arena, e);
    switch (e->kind) {
    case PY_E_NAME:
    case PY_E_ATTR:
        fputs(dotted ? dotted : "?", stdout);
        return;
    case PY_E_SUBSCRIPT: {
        const char *base = py_dotted_name(o->arena, e->value);
        printf("%s[]", base ? base : "?");
        return;
    }
    case PY_E_STARRED:
        putchar('*');
        print_target(o, e->value, true);
        return;
    case PY_E_TUPLE:
    case PY_E_LIST:
        if (e->kind == PY_E_LIST)
            putchar('[');
        else if (nested)
            putchar('(');
        for (size_t i = 0; i < e->nitems; i++) {
            if (i)
                putchar(',');
            print_target(o, e->items[i], true);
        }
        if (e->kind == PY_E_LIST)
            putchar(']');
        else if (nested)
            putchar(')');
        return;
    default:
        putchar('?');
        return;
    }
}

/* The calls in an expression, in pre-order (a call before the calls in its
 * callee and arguments), which is source order. */
typedef struct calls {
    const py_expr **items;
    size_t n, cap;
} calls;

static void collect_calls(calls *c, const py_expr *e)
{
    if (!e)
        return;
    switch (e->kind) {
    case PY_E_CALL:
        if (c->n == c->cap) {
            c->cap = c->cap ? c->cap * 2 : 16;
            c->items = realloc(c->items, c->cap * sizeof *c->items);
        }
        c->items[c->n++] = e;
        collect_calls(c, e->value);
        for (size_t i = 0; i < e->nargs; i++)
            collect_calls(c, e->args[i].value);
        return;
    case PY_E_ATTR:
    case PY_E_LAMBDA:
    case PY_E_UNARY:
    case PY_E_STARRED:
        collect_calls(c, e->value);
        return;
    case PY_E_SUBSCRIPT:
        collect_calls(c, e->value);
        for (size_t i = 0; i < e->nitems; i++)
            collect_calls(c, e->items[i]);
        return;
    case PY_E_LIST:
    case PY_E_TUPLE:
    case PY_E_SET:
    case PY_E_DICT:
        for (size_t i = 0; i < e->nitems; i++)
            collect_calls(c, e->items[i]);
        return;
    case PY_E_BINOP:
    case PY_E_COMPARE:
    case PY_E_BOOLOP:
        collect_calls(c, e->left);
        collect_calls(c, e->right);
        return;
    default:
        return;
    }
}

static int by_position(const void *a, const void *b)
{
    const py_expr *x = *(const py_expr *const *)a, *y = *(const py_expr *const *)b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1; /* the outer call first */
    return 0;
}

static void print_calls(const outline *o, const char *scope, const py_expr *e)
{
    calls c = {NULL, 0, 0};
    collect_calls(&c, e);
    if (c.n > 1)
        qsort(c.items, c.n, sizeof *c.items, by_position);
    for (size_t i = 0; i < c.n; i++) {
        const char *callee = py_dotted_name(o->arena, c.items[i]->value);
        printf("%zu: call %s %s\n", line_of(o, c.items[i]->start), scope, callee ? callee : "?");
    }
    free(c.items);
}

static void print_block(const outline *o, const char *scope, const py_block *b);

static const char *inner_scope(const outline *o, const char *scope, const char *name)
{
    return strcmp(scope, "-") == 0 ? name : rm_arena_printf(o->arena, "%s.%s", scope, name);
}

static void print_stmt(const outline *o, const char *scope, const py_stmt *s)
{
    size_t line = line_of(o, s->start);
    switch (s->kind) {
    case PY_S_IMPORT:
        for (size_t i = 0; i < s->naliases; i++)
            printf("%zu: import %s as %s\n", line, s->aliases[i].name,
                   s->aliases[i].asname ? s->aliases[i].asname : "-");
        return;
    case PY_S_FROM:
        for (size_t i = 0; i < s->naliases; i++) {
            printf("%zu: from ", line);
            for (unsigned k = 0; k < s->level; k++)
                putchar('.');
            printf("%s import %s as %s\n", s->module, s->aliases[i].name,
                   s->aliases[i].asname ? s->aliases[i].asname : "-");
        }
        return;
    case PY_S_ASSIGN:
    case PY_S_ANNASSIGN:
        printf("%zu: assign %s ", line, scope);
        for (size_t i = 0; i < s->ntargets; i++) {
            if (i)
                fputs(" = ", stdout);
            print_target(o, s->targets[i], false);
        }
        putchar('\n');
        print_calls(o, scope, s->value);
        return;
    case PY_S_AUGASSIGN:
        printf("%zu: augassign %s ", line, scope);
        print_target(o, s->targets[0], false);
        printf(" %s\n", s->op);
        print_calls(o, scope, s->value);
        return;
    case PY_S_EXPR:
        print_calls(o, scope, s->value);
        return;
    case PY_S_CLASS: {
        const char *name = inner_scope(o, scope, s->name);
        printf("%zu: class %s bases=", line, name);
        bool first = true;
        for (size_t i = 0; i < s->nargs; i++) {
            if (s->args[i].name || s->args[i].double_star)
                continue;
            const char *base = s->args[i].star ? NULL : py_dotted_name(o->arena, s->args[i].value);
            printf("%s%s", first ? "" : ",", base ? base : "?");
            first = false;
        }
        fputs(" kw=", stdout);
        first = true;
        for (size_t i = 0; i < s->nargs; i++) {
            if (!s->args[i].name && !s->args[i].double_star)
                continue;
            printf("%s%s", first ? "" : ",", s->args[i].name ? s->args[i].name : "**");
            first = false;
        }
        putchar('\n');
        print_block(o, name, &s->blocks[0]);
        return;
    }
    case PY_S_DEF:
        printf("%zu: def %s %s(", line, scope, s->name);
        for (size_t i = 0; i < s->nparams; i++)
            printf("%s%s", i ? "," : "", s->params[i]);
        fputs(")\n", stdout);
        print_block(o, inner_scope(o, scope, s->name), &s->blocks[0]);
        return;
    default:
        for (size_t i = 0; i < s->nblocks; i++)
            print_block(o, scope, &s->blocks[i]);
        return;
    }
}

static void print_block(const outline *o, const char *scope, const py_block *b)
{
    for (size_t i = 0; i < b->nstmts; i++)
        print_stmt(o, scope, b->stmts[i]);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: py_outline FILE.py\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    size_t cap = 1 << 16, len = 0;
    char *text = malloc(cap);
    size_t got;
    while ((got = fread(text + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap)
            text = realloc(text, cap *= 2);
    }
    fclose(f);
    outline o = {rm_arena_new(), text, len, NULL, 0};
    index_lines(&o);
    py_module m;
    py_parse(o.arena, text, len, &m);
    print_block(&o, "-", &m.body);
    for (size_t i = 0; i < m.nerrors; i++) {
        size_t line = line_of(&o, m.errors[i].start);
        printf("error %zu:%zu %s\n", line, m.errors[i].start - o.lines[line - 1] + 1,
               m.errors[i].message);
    }
    int status = m.nerrors ? 1 : 0;
    rm_arena_free(o.arena);
    free(o.lines);
    free(text);
    return status;
}
