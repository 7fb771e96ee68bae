/*
 * py_parse.h - what the statement parser (py_parse.c) and the expression
 * parser (py_parse_expr.c) share. Internal to lib/.
 *
 * Errors: py_fail() records a syntax error and turns the current token
 * into PY_TK_FAIL, which matches nothing, so that every parse function
 * unwinds on its own without error checks; the statement loop then
 * resynchronises at the next statement (py_parse.c: recover()).
 */
#ifndef RELMAP_PY_PARSE_H
#define RELMAP_PY_PARSE_H

#include "py_ast.h"
#include "py_lex.h"

typedef struct py_parser {
    rm_arena *arena;
    const char *text;
    py_module *mod;
    py_lexer lx;
    py_token tok;  /* the current token; PY_TK_FAIL after an error */
    py_token real; /* the token that was current when the error happened */
    py_token ahead;
    bool has_ahead;
    uint32_t prev_end; /* the end of the last token consumed */
    unsigned depth;    /* nesting of expressions and blocks */
    /* The items and arguments of the lists being parsed, innermost last:
     * a list is copied to the arena once, at its full size, instead of
     * growing there (which would leave every outgrown copy behind). */
    py_expr **items;
    size_t nitems, items_cap;
    py_arg *args;
    size_t nargs, args_cap;
} py_parser;

void py_advance(py_parser *p);
/* The token after the current one (read once, then kept). */
const py_token *py_peek(py_parser *p);
/* Records an error without stopping. */
void py_error(py_parser *p, uint32_t start, uint32_t end, const char *msg);
/* Records an error at the current token (the lexer's own message when it
 * is a PY_TK_ERROR) and fails the statement. */
void py_fail(py_parser *p, const char *msg);
/* One level deeper; false (and a failed statement) past PY_MAX_DEPTH. */
bool py_enter(py_parser *p);

static inline bool py_at_op(const py_parser *p, uint32_t op)
{
    return p->tok.kind == PY_TK_OP && p->tok.op == op;
}

static inline bool py_at_kw(const py_parser *p, py_kw kw)
{
    return p->tok.kind == PY_TK_NAME && p->tok.kw == kw;
}

static inline bool py_accept_op(py_parser *p, uint32_t op)
{
    if (!py_at_op(p, op))
        return false;
    py_advance(p);
    return true;
}

static inline bool py_accept_kw(py_parser *p, py_kw kw)
{
    if (!py_at_kw(p, kw))
        return false;
    py_advance(p);
    return true;
}

/* Consumes `op` or fails with `msg`. */
bool py_expect_op(py_parser *p, uint32_t op, const char *msg);

/* Whether the current token is the soft keyword or name `word`. */
bool py_at_name(const py_parser *p, const char *word);

/* A name token's text in the arena. */
const char *py_token_text(py_parser *p, const py_token *t);

/* ---- expressions (py_parse_expr.c) ---- */

py_expr *py_new_expr(py_parser *p, py_expr_kind kind, uint32_t start);
/* test: lambda, conditional, or below. */
py_expr *py_parse_expression(py_parser *p);
/* named_expression: an expression or `name := value`. */
py_expr *py_parse_named(py_parser *p);
/* star_expressions: a, *b, c -> TUPLE; also `yield` when allow_yield. */
py_expr *py_parse_star_expressions(py_parser *p, bool allow_yield);
/* The targets of a for loop or comprehension, up to `in`. */
py_expr *py_parse_target_list(py_parser *p);
/* bitwise_or and tighter (what a `*x` or a pattern value may be). */
py_expr *py_parse_bitor(py_parser *p);
/* yield [from x | star_expressions], after nothing has been consumed. */
py_expr *py_parse_yield(py_parser *p);
/* Parameters of a def (annotations allowed) or a lambda, up to `close`;
 * the names (without stars) are appended to *names. */
void py_parse_params(py_parser *p, uint32_t close, bool annotations, const char ***names,
                     size_t *nnames);
/* The arguments of a call or class after '(' and up to ')' (consumed). */
void py_parse_call_args(py_parser *p, py_arg **args, size_t *nargs);
/* Whether the current token can begin an expression. */
bool py_starts_expression(const py_parser *p);

#endif
