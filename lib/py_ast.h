/*
 * py_ast.h - the syntax tree of a Python module, as far as relmap needs it.
 *
 * py_parse() reads Python 3.8-3.13 source into this tree without running
 * anything. Statements and expressions relmap does not look into are kept
 * as PY_S_OTHER / PY_E_OTHER nodes with their position, so every byte of a
 * valid file is accounted for and nothing is silently misread.
 *
 * Everything lives in the arena passed to py_parse(); strings are
 * NUL-terminated copies. Positions are byte offsets into the source text
 * (end exclusive).
 */
#ifndef RELMAP_PY_AST_H
#define RELMAP_PY_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* Nesting deeper than this (brackets, expressions, blocks) is a syntax error. */
#define PY_MAX_DEPTH 200
/* Syntax errors kept per module; the rest are only counted. One more than
 * the model keeps per file (MB_MAX_SYNTAX_ERRORS), so that the model sees
 * that there were more. */
#define PY_MAX_ERRORS 1001

typedef enum py_expr_kind {
    PY_E_NAME,      /* name */
    PY_E_ATTR,      /* value.name */
    PY_E_CALL,      /* value(args) */
    PY_E_SUBSCRIPT, /* value[items]: `a[x, y]` has two items */
    PY_E_STRING,    /* one literal, or adjacent literals concatenated */
    PY_E_NUMBER,    /* text: the literal as written */
    PY_E_CONST,     /* name: "True", "False", "None" or "..." */
    PY_E_LIST,
    PY_E_TUPLE,
    PY_E_SET,
    PY_E_DICT,    /* items: key, value, key, value...; a NULL key is `**value` */
    PY_E_LAMBDA,  /* value: the body */
    PY_E_BINOP,   /* left op right; op: "+", "|", "@", "//" ... */
    PY_E_UNARY,   /* op value; op: "-", "+", "~", "not" */
    PY_E_COMPARE, /* left op right; a chain nests to the left */
    PY_E_BOOLOP,  /* left op right; op: "and", "or" */
    PY_E_STARRED, /* *value (in a call, list or tuple) */
    PY_E_OTHER    /* comprehension, conditional, await, yield, named expr ... */
} py_expr_kind;

typedef struct py_expr py_expr;

/* One argument of a call or of a class statement's base list. */
typedef struct py_arg {
    const char *name; /* keyword name, or NULL for a positional argument */
    py_expr *value;
    bool star;        /* *value */
    bool double_star; /* **value */
} py_arg;

/*
 * A package's parse trees are most of what the reader holds in memory (a
 * node per name, string and call), so the fields no two kinds share
 * overlap: read `left`/`right`, `items`, `args` or `text` only for the
 * kinds named beside them, after checking `kind`.
 */
struct py_expr {
    py_expr_kind kind;
    uint32_t start, end;
    /* STRING: an f-string (text as written between its quotes), bytes. */
    bool is_fstring;
    bool is_bytes;
    /* NAME and ATTR: the identifier; CONST: its spelling; BINOP, UNARY,
     * COMPARE and BOOLOP: the operator ("is not", "not in" as one). */
    const char *name;
    /* ATTR, CALL, SUBSCRIPT: the object; LAMBDA: the body; UNARY and
     * STARRED: the operand. */
    py_expr *value;
    union {
        /* BINOP, COMPARE, BOOLOP. */
        struct {
            py_expr *left, *right;
        };
        /* LIST, TUPLE, SET, DICT, SUBSCRIPT. */
        struct {
            py_expr **items;
            size_t nitems;
        };
        /* CALL. */
        struct {
            py_arg *args;
            size_t nargs;
        };
        /* STRING: the value with escapes decoded (raw strings as written);
         * NUMBER: the literal's text. */
        struct {
            const char *text;
            size_t text_len;
        };
    };
};

typedef enum py_stmt_kind {
    PY_S_IMPORT,    /* import a.b as c, d */
    PY_S_FROM,      /* from ..a.b import c as d, e   (name "*" for a star) */
    PY_S_ASSIGN,    /* t1 = t2 = value; a tuple target is a PY_E_TUPLE */
    PY_S_ANNASSIGN, /* target: annotation [= value] */
    PY_S_AUGASSIGN, /* target op= value */
    PY_S_EXPR,      /* an expression statement (a call, a docstring) */
    PY_S_RETURN,    /* return [value] */
    PY_S_CLASS,
    PY_S_DEF,       /* def and async def */
    PY_S_IF,        /* blocks: body, else (an elif is an IF alone in else) */
    PY_S_TRY,       /* blocks: body, each except, else, finally */
    PY_S_WITH,      /* blocks: body */
    PY_S_FOR,       /* blocks: body, else */
    PY_S_WHILE,     /* blocks: body, else */
    PY_S_MATCH,     /* blocks: one per case */
    PY_S_OTHER      /* pass, del, global, raise, assert, break, type ... */
} py_stmt_kind;

typedef struct py_alias {
    const char *name;   /* dotted: "sqlalchemy.orm" */
    const char *asname; /* NULL when there is no `as` */
    uint32_t start, end;
} py_alias;

typedef struct py_stmt py_stmt;

typedef struct py_block {
    py_stmt **stmts;
    size_t nstmts;
} py_block;

/* As with expressions, the fields of one group of kinds overlap those of
 * the others: check `kind` before reading a group's fields. */
struct py_stmt {
    py_stmt_kind kind;
    uint32_t start, end;
    bool is_async; /* DEF, WITH, FOR */
    /* ASSIGN, ANNASSIGN (may be NULL), AUGASSIGN, EXPR, RETURN (may be
     * NULL); IF and WHILE: the test; FOR: the iterable; WITH: the first
     * context expression. */
    py_expr *value;
    /* Compound statements: the bodies, in source order (see kinds above). */
    py_block *blocks;
    size_t nblocks;
    union {
        /* IMPORT and FROM. */
        struct {
            const char *module; /* FROM: dotted, "" for `from . import x` */
            unsigned level;     /* FROM: the number of leading dots */
            py_alias *aliases;
            size_t naliases;
        };
        /* ASSIGN: every target; ANNASSIGN and AUGASSIGN: targets[0]. */
        struct {
            py_expr **targets;
            size_t ntargets;
            py_expr *annotation; /* ANNASSIGN */
            const char *op;      /* AUGASSIGN: the operator without "=" */
        };
        /* CLASS and DEF. */
        struct {
            const char *name;
            uint32_t name_start, name_end;
            py_expr **decorators;
            size_t ndecorators;
            py_arg *args; /* CLASS: bases and keywords (metaclass=, table=True) */
            size_t nargs;
            /* DEF: parameter names in order (self, cls, *args, **kw without
             * stars). */
            const char **params;
            size_t nparams;
        };
    };
};

typedef struct py_syntax_error {
    uint32_t start, end;
    const char *message; /* "expected ')'", "unterminated string" ... */
} py_syntax_error;

typedef struct py_module {
    py_block body;
    /* What could not be parsed; the parser resumes at the next statement
     * at the same indentation, so one error does not hide the rest. */
    py_syntax_error *errors;
    size_t nerrors;
    /* Errors past PY_MAX_ERRORS: counted, not kept (garbage can hold one
     * per line). */
    size_t nerrors_dropped;
} py_module;

/*
 * Parses `len` bytes of `text` (need not be NUL-terminated; NUL bytes and
 * invalid UTF-8 are syntax errors at their position) into `out`, with
 * every node in `arena`. Never fails: what cannot be parsed becomes an
 * entry of out->errors.
 */
void py_parse(rm_arena *arena, const char *text, size_t len, py_module *out);

/* The dotted name of a NAME/ATTR chain ("sa.orm.relationship") in the
 * arena, or NULL for any other expression. */
const char *py_dotted_name(rm_arena *arena, const py_expr *e);

#endif
