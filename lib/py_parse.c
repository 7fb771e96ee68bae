/*
 * py_parse.c - Python statements (see py_ast.h), by recursive descent over
 * the token stream of py_lex.c, and the recovery that lets one syntax
 * error cost one statement: the statement is dropped, the rest of its
 * logical line and any block indented under it are skipped, and parsing
 * goes on at the next statement at the same indentation.
 */
#include "py_parse.h"

#include <stdlib.h>
#include <string.h>

/* ---- the parser's primitives (declared in py_parse.h) ---- */

void py_advance(py_parser *p)
{
    if (p->tok.kind == PY_TK_FAIL)
        return;
    /* Nodes end with their last real token, not with a line end. */
    if (p->tok.kind != PY_TK_NEWLINE && p->tok.kind != PY_TK_INDENT && p->tok.kind != PY_TK_DEDENT)
        p->prev_end = p->tok.end;
    if (p->has_ahead) {
        p->tok = p->ahead;
        p->has_ahead = false;
    } else {
        p->tok = py_next(&p->lx);
    }
}

const py_token *py_peek(py_parser *p)
{
    if (!p->has_ahead) {
        p->ahead = py_next(&p->lx);
        p->has_ahead = true;
    }
    return &p->ahead;
}

void py_error(py_parser *p, uint32_t start, uint32_t end, const char *msg)
{
    py_module *m = p->mod;
    if (m->nerrors >= PY_MAX_ERRORS) {
        m->nerrors_dropped++;
        return;
    }
    py_syntax_error *e = rm_arena_push(p->arena, (void **)&m->errors, &m->nerrors, sizeof *e);
    e->start = start;
    e->end = end > start ? end : start;
    e->message = msg;
}

/* Fails the statement with an error at start..end. */
static void fail_at(py_parser *p, uint32_t start, uint32_t end, const char *msg)
{
    if (p->tok.kind == PY_TK_FAIL)
        return;
    py_error(p, start, end, msg);
    p->real = p->tok;
    p->tok.kind = PY_TK_FAIL;
}

void py_fail(py_parser *p, const char *msg)
{
    if (p->tok.kind == PY_TK_ERROR)
        fail_at(p, p->tok.start, p->tok.end, p->tok.msg);
    else
        fail_at(p, p->tok.start, p->tok.end, msg);
}

bool py_enter(py_parser *p)
{
    if (p->depth >= PY_MAX_DEPTH) {
        py_fail(p, "nesting too deep");
        return false;
    }
    p->depth++;
    return true;
}

bool py_expect_op(py_parser *p, uint32_t op, const char *msg)
{
    if (py_accept_op(p, op))
        return true;
    py_fail(p, msg);
    return false;
}

bool py_at_name(const py_parser *p, const char *word)
{
    size_t n = strlen(word);
    return p->tok.kind == PY_TK_NAME && p->tok.kw == PY_KW_NONE_ &&
           p->tok.end - p->tok.start == n && memcmp(p->text + p->tok.start, word, n) == 0;
}

const char *py_token_text(py_parser *p, const py_token *t)
{
    return rm_arena_strndup(p->arena, p->text + t->start, t->end - t->start);
}

/* ---- scanning ahead (soft keywords, parenthesised with-items) ---- */

/* A copy of the lexer to read on from without consuming anything. */
typedef struct lookahead {
    py_lexer lx;
    bool ahead_pending;
    py_token ahead;
} lookahead;

static void lookahead_init(lookahead *la, const py_parser *p)
{
    la->lx = p->lx;
    la->ahead_pending = p->has_ahead;
    la->ahead = p->ahead;
}

static py_token lookahead_next(lookahead *la)
{
    if (la->ahead_pending) {
        la->ahead_pending = false;
        return la->ahead;
    }
    return py_next(&la->lx);
}

/*
 * Whether a line starting with the name `match` is a match statement
 * (`match` is also an ordinary name): it is when the logical line ends
 * with ':' - no simple statement does - and `match` is not followed by
 * what only a name can be followed by.
 */
static bool is_match_statement(py_parser *p)
{
    const py_token *second = py_peek(p);
    if (second->kind == PY_TK_NEWLINE || second->kind == PY_TK_EOF || second->kind == PY_TK_ERROR)
        return false;
    if (second->kind == PY_TK_OP && second->op != '(' && second->op != '[' && second->op != '{' &&
        second->op != '-' && second->op != '*' && second->op != PY_OP3('.', '.', '.'))
        return false;
    if (second->kind == PY_TK_NAME && second->kw != PY_KW_NONE_ && second->kw != PY_KW_NOT &&
        second->kw != PY_KW_TRUE && second->kw != PY_KW_FALSE && second->kw != PY_KW_NONE &&
        second->kw != PY_KW_AWAIT && second->kw != PY_KW_LAMBDA)
        return false;
    lookahead la;
    lookahead_init(&la, p);
    py_token last = lookahead_next(&la);
    for (;;) {
        py_token t = lookahead_next(&la);
        if (t.kind == PY_TK_NEWLINE || t.kind == PY_TK_EOF)
            return last.kind == PY_TK_OP && last.op == ':';
        if (t.kind == PY_TK_ERROR)
            return false;
        last = t;
    }
}

/* At `with (`: whether the parenthesis holds the with-items (3.9+:
 * `with (a as b, c as d):`), that is, its ')' is followed by ':'. */
static bool parenthesised_with_items(py_parser *p)
{
    lookahead la;
    lookahead_init(&la, p);
    unsigned depth = 1;
    for (;;) {
        py_token t = lookahead_next(&la);
        if (t.kind == PY_TK_EOF || t.kind == PY_TK_NEWLINE || t.kind == PY_TK_ERROR)
            return false;
        if (t.kind != PY_TK_OP)
            continue;
        if (t.op == '(' || t.op == '[' || t.op == '{')
            depth++;
        else if ((t.op == ')' || t.op == ']' || t.op == '}') && --depth == 0)
            break;
    }
    py_token after = lookahead_next(&la);
    return after.kind == PY_TK_OP && after.op == ':';
}

/* ---- statements ---- */

static void parse_statements(py_parser *p, py_block *b, bool in_block);
static void parse_statement(py_parser *p, py_block *b);

static py_stmt *new_stmt(py_parser *p, py_stmt_kind kind, uint32_t start)
{
    py_stmt *s = rm_arena_alloc(p->arena, sizeof *s);
    s->kind = kind;
    s->start = start;
    s->end = start;
    return s;
}

static py_stmt *finish_stmt(py_parser *p, py_stmt *s)
{
    if (p->prev_end > s->end)
        s->end = p->prev_end;
    return s;
}

static void add_stmt(py_parser *p, py_block *b, py_stmt *s)
{
    py_stmt **slot = rm_arena_push(p->arena, (void **)&b->stmts, &b->nstmts, sizeof *slot);
    *slot = s;
}

static py_block *new_block(py_parser *p, py_stmt *s)
{
    return rm_arena_push(p->arena, (void **)&s->blocks, &s->nblocks, sizeof(py_block));
}

/* Skips an indented block from its INDENT to its DEDENT, recording the
 * lexer's errors on the way. */
static void skip_block(py_parser *p)
{
    unsigned level = 0;
    for (;;) {
        switch (p->tok.kind) {
        case PY_TK_EOF:
            return;
        case PY_TK_INDENT:
            level++;
            break;
        case PY_TK_DEDENT:
            if (level <= 1) {
                py_advance(p);
                return;
            }
            level--;
            break;
        case PY_TK_ERROR:
            py_error(p, p->tok.start, p->tok.end, p->tok.msg);
            break;
        default:
            break;
        }
        py_advance(p);
    }
}

/* After a failed statement: on to the next statement at the same level. */
static void recover(py_parser *p, unsigned depth)
{
    p->depth = depth;
    p->tok = p->real;
    if (p->tok.kind == PY_TK_ERROR) /* reported when the statement failed */
        py_advance(p);
    while (p->tok.kind != PY_TK_NEWLINE && p->tok.kind != PY_TK_EOF &&
           p->tok.kind != PY_TK_INDENT && p->tok.kind != PY_TK_DEDENT) {
        if (p->tok.kind == PY_TK_ERROR)
            py_error(p, p->tok.start, p->tok.end, p->tok.msg);
        py_advance(p);
    }
    if (p->tok.kind == PY_TK_NEWLINE)
        py_advance(p);
    if (p->tok.kind == PY_TK_INDENT)
        skip_block(p);
}

/* The body after a compound statement's ':': an indented block, or simple
 * statements on the same line. */
static void parse_suite(py_parser *p, py_block *b)
{
    if (p->tok.kind == PY_TK_FAIL || !py_enter(p))
        return;
    if (p->tok.kind == PY_TK_NEWLINE) {
        py_advance(p);
        if (p->tok.kind != PY_TK_INDENT) {
            py_error(p, p->tok.start, p->tok.end, "expected an indented block");
        } else {
            py_advance(p);
            parse_statements(p, b, true);
            if (p->tok.kind == PY_TK_DEDENT)
                py_advance(p);
        }
    } else {
        parse_statement(p, b);
    }
    p->depth--;
}

/* `:` and the suite after a compound statement's header, as a new block. */
static void parse_body(py_parser *p, py_stmt *s, const char *msg)
{
    if (!py_expect_op(p, ':', msg))
        return;
    parse_suite(p, new_block(p, s));
    finish_stmt(p, s);
}

/* A dotted module name: a.b.c, in the arena; NULL (and a failure) when
 * there is no name. */
static const char *parse_dotted(py_parser *p)
{
    if (p->tok.kind != PY_TK_NAME || p->tok.kw != PY_KW_NONE_) {
        py_fail(p, "expected a module name");
        return NULL;
    }
    const char *name = py_token_text(p, &p->tok);
    size_t len = p->tok.end - p->tok.start;
    py_advance(p);
    while (py_accept_op(p, '.')) {
        if (p->tok.kind != PY_TK_NAME || p->tok.kw != PY_KW_NONE_) {
            py_fail(p, "expected a name after '.'");
            return NULL;
        }
        size_t more = p->tok.end - p->tok.start;
        char *joined = rm_arena_alloc(p->arena, len + more + 2);
        memcpy(joined, name, len);
        joined[len] = '.';
        memcpy(joined + len + 1, p->text + p->tok.start, more);
        name = joined;
        len += more + 1;
        py_advance(p);
    }
    return name;
}

/* `as name` after an imported name, or nothing. */
static const char *parse_asname(py_parser *p)
{
    if (!py_accept_kw(p, PY_KW_AS))
        return NULL;
    if (p->tok.kind != PY_TK_NAME || p->tok.kw != PY_KW_NONE_) {
        py_fail(p, "expected a name after 'as'");
        return NULL;
    }
    const char *name = py_token_text(p, &p->tok);
    py_advance(p);
    return name;
}

static py_alias *push_alias(py_parser *p, py_stmt *s, uint32_t start)
{
    py_alias *a = rm_arena_push(p->arena, (void **)&s->aliases, &s->naliases, sizeof *a);
    a->start = start;
    return a;
}

static py_stmt *parse_import(py_parser *p)
{
    py_stmt *s = new_stmt(p, PY_S_IMPORT, p->tok.start);
    py_advance(p);
    do {
        py_alias *a = push_alias(p, s, p->tok.start);
        a->name = parse_dotted(p);
        a->asname = parse_asname(p);
        a->end = p->prev_end;
    } while (py_accept_op(p, ','));
    return finish_stmt(p, s);
}

static py_stmt *parse_from(py_parser *p)
{
    py_stmt *s = new_stmt(p, PY_S_FROM, p->tok.start);
    py_advance(p);
    for (;;) {
        if (py_accept_op(p, '.'))
            s->level++;
        else if (py_accept_op(p, PY_OP3('.', '.', '.')))
            s->level += 3;
        else
            break;
    }
    s->module = "";
    if (!py_at_kw(p, PY_KW_IMPORT) || s->level == 0)
        s->module = parse_dotted(p);
    if (!py_accept_kw(p, PY_KW_IMPORT)) {
        py_fail(p, "expected 'import'");
        return s;
    }
    if (py_at_op(p, '*')) {
        py_alias *a = push_alias(p, s, p->tok.start);
        a->name = "*";
        py_advance(p);
        a->end = p->prev_end;
        return finish_stmt(p, s);
    }
    bool paren = py_accept_op(p, '(');
    do {
        if (paren && py_at_op(p, ')'))
            break; /* a trailing comma */
        py_alias *a = push_alias(p, s, p->tok.start);
        if (p->tok.kind != PY_TK_NAME || p->tok.kw != PY_KW_NONE_) {
            py_fail(p, "expected a name to import");
            return s;
        }
        a->name = py_token_text(p, &p->tok);
        py_advance(p);
        a->asname = parse_asname(p);
        a->end = p->prev_end;
    } while (py_accept_op(p, ','));
    if (paren)
        py_expect_op(p, ')', "expected ')' after the imported names");
    return finish_stmt(p, s);
}

/* Whether e can be assigned to (a name, attribute, subscript, or a tuple
 * or list of targets). */
static bool is_target(const py_expr *e)
{
    switch (e->kind) {
    case PY_E_NAME:
    case PY_E_ATTR:
    case PY_E_SUBSCRIPT:
        return true;
    case PY_E_STARRED:
        return is_target(e->value);
    case PY_E_TUPLE:
    case PY_E_LIST:
        for (size_t i = 0; i < e->nitems; i++)
            if (!is_target(e->items[i]))
                return false;
        return true;
    default:
        return false;
    }
}

/* The operator of an augmented assignment without its '=', or NULL. */
static const char *augassign_op(const py_token *t)
{
    if (t->kind != PY_TK_OP)
        return NULL;
    switch (t->op) {
    case PY_OP2('+', '='):
        return "+";
    case PY_OP2('-', '='):
        return "-";
    case PY_OP2('*', '='):
        return "*";
    case PY_OP2('/', '='):
        return "/";
    case PY_OP2('%', '='):
        return "%";
    case PY_OP2('@', '='):
        return "@";
    case PY_OP2('&', '='):
        return "&";
    case PY_OP2('|', '='):
        return "|";
    case PY_OP2('^', '='):
        return "^";
    case PY_OP3('/', '/', '='):
        return "//";
    case PY_OP3('*', '*', '='):
        return "**";
    case PY_OP3('<', '<', '='):
        return "<<";
    case PY_OP3('>', '>', '='):
        return ">>";
    default:
        return NULL;
    }
}

static void push_target(py_parser *p, py_stmt *s, py_expr *e)
{
    py_expr **slot = rm_arena_push(p->arena, (void **)&s->targets, &s->ntargets, sizeof *slot);
    *slot = e;
}

/* An expression statement or one of the assignments. */
static py_stmt *parse_expr_statement(py_parser *p)
{
    uint32_t start = p->tok.start;
    py_expr *first = py_parse_star_expressions(p, true);
    const char *aug;
    if (py_at_op(p, ':')) {
        py_stmt *s = new_stmt(p, PY_S_ANNASSIGN, start);
        if (first->kind != PY_E_NAME && first->kind != PY_E_ATTR && first->kind != PY_E_SUBSCRIPT) {
            fail_at(p, first->start, first->end,
                    "only a single name, attribute or subscript can be annotated");
            return s;
        }
        py_advance(p);
        push_target(p, s, first);
        s->annotation = py_parse_expression(p);
        if (py_accept_op(p, '='))
            s->value = py_parse_star_expressions(p, true);
        return finish_stmt(p, s);
    }
    if ((aug = augassign_op(&p->tok)) != NULL) {
        py_stmt *s = new_stmt(p, PY_S_AUGASSIGN, start);
        if (first->kind != PY_E_NAME && first->kind != PY_E_ATTR && first->kind != PY_E_SUBSCRIPT) {
            fail_at(p, first->start, first->end, "illegal expression for augmented assignment");
            return s;
        }
        py_advance(p);
        push_target(p, s, first);
        s->op = aug;
        s->value = py_parse_star_expressions(p, true);
        return finish_stmt(p, s);
    }
    if (!py_at_op(p, '=')) {
        py_stmt *s = new_stmt(p, PY_S_EXPR, start);
        s->value = first;
        return finish_stmt(p, s);
    }
    py_stmt *s = new_stmt(p, PY_S_ASSIGN, start);
    py_expr *value = first;
    while (py_accept_op(p, '=')) {
        if (!is_target(value)) {
            fail_at(p, value->start, value->end, "cannot assign to expression");
            return s;
        }
        push_target(p, s, value);
        value = py_parse_star_expressions(p, true);
    }
    s->value = value;
    return finish_stmt(p, s);
}

/* Type parameters of a generic class, def or type alias (3.12): skipped. */
static void skip_type_params(py_parser *p)
{
    if (!py_accept_op(p, '['))
        return;
    while (!py_at_op(p, ']') && p->tok.kind != PY_TK_FAIL) {
        if (!py_accept_op(p, '*'))
            py_accept_op(p, PY_OP2('*', '*'));
        if (p->tok.kind != PY_TK_NAME) {
            py_fail(p, "expected a type parameter name");
            return;
        }
        py_advance(p);
        if (py_accept_op(p, ':'))
            py_parse_expression(p);
        if (py_accept_op(p, '='))
            py_parse_expression(p);
        if (!py_accept_op(p, ','))
            break;
    }
    py_expect_op(p, ']', "expected ']' after type parameters");
}

/* One simple statement (no ';' and no NEWLINE). */
static py_stmt *parse_simple(py_parser *p)
{
    uint32_t start = p->tok.start;
    py_stmt *s;
    switch (p->tok.kind == PY_TK_NAME ? p->tok.kw : PY_KW_NONE_) {
    case PY_KW_IMPORT:
        return parse_import(p);
    case PY_KW_FROM:
        return parse_from(p);
    case PY_KW_RETURN:
        s = new_stmt(p, PY_S_RETURN, start);
        py_advance(p);
        if (py_starts_expression(p))
            s->value = py_parse_star_expressions(p, false);
        return finish_stmt(p, s);
    case PY_KW_PASS:
    case PY_KW_BREAK:
    case PY_KW_CONTINUE:
        s = new_stmt(p, PY_S_OTHER, start);
        py_advance(p);
        return finish_stmt(p, s);
    case PY_KW_DEL:
        s = new_stmt(p, PY_S_OTHER, start);
        py_advance(p);
        py_parse_star_expressions(p, false);
        return finish_stmt(p, s);
    case PY_KW_GLOBAL:
    case PY_KW_NONLOCAL:
        s = new_stmt(p, PY_S_OTHER, start);
        py_advance(p);
        do {
            if (p->tok.kind != PY_TK_NAME || p->tok.kw != PY_KW_NONE_) {
                py_fail(p, "expected a name");
                return s;
            }
            py_advance(p);
        } while (py_accept_op(p, ','));
        return finish_stmt(p, s);
    case PY_KW_RAISE:
        s = new_stmt(p, PY_S_OTHER, start);
        py_advance(p);
        if (py_starts_expression(p)) {
            py_parse_expression(p);
            if (py_accept_kw(p, PY_KW_FROM))
                py_parse_expression(p);
        }
        return finish_stmt(p, s);
    case PY_KW_ASSERT:
        s = new_stmt(p, PY_S_OTHER, start);
        py_advance(p);
        py_parse_expression(p);
        if (py_accept_op(p, ','))
            py_parse_expression(p);
        return finish_stmt(p, s);
    default:
        break;
    }
    if (py_at_name(p, "type")) {
        const py_token *next = py_peek(p);
        if (next->kind == PY_TK_NAME && next->kw == PY_KW_NONE_) {
            /* 3.12: type X[T] = ... */
            s = new_stmt(p, PY_S_OTHER, start);
            py_advance(p);
            py_advance(p);
            skip_type_params(p);
            py_expect_op(p, '=', "expected '=' in type alias");
            py_parse_expression(p);
            return finish_stmt(p, s);
        }
    }
    return parse_expr_statement(p);
}

/* Simple statements separated by ';' up to the end of the line. */
static void parse_simple_line(py_parser *p, py_block *b)
{
    for (;;) {
        py_stmt *s = parse_simple(p);
        if (p->tok.kind == PY_TK_FAIL)
            return;
        add_stmt(p, b, s);
        if (!py_accept_op(p, ';'))
            break;
        if (p->tok.kind == PY_TK_NEWLINE || p->tok.kind == PY_TK_EOF)
            break;
    }
    if (p->tok.kind == PY_TK_NEWLINE)
        py_advance(p);
    else if (p->tok.kind != PY_TK_EOF)
        py_fail(p, "invalid syntax: expected the end of the statement");
}

static py_stmt *parse_class(py_parser *p, py_expr **decorators, size_t ndecorators)
{
    py_stmt *s = new_stmt(p, PY_S_CLASS, p->tok.start);
    s->decorators = decorators;
    s->ndecorators = ndecorators;
    py_advance(p);
    if (p->tok.kind != PY_TK_NAME || p->tok.kw != PY_KW_NONE_) {
        py_fail(p, "expected a class name");
        return s;
    }
    s->name = py_token_text(p, &p->tok);
    s->name_start = p->tok.start;
    s->name_end = p->tok.end;
    py_advance(p);
    skip_type_params(p);
    bool bases = py_accept_op(p, '(');
    if (bases)
        py_parse_call_args(p, &s->args, &s->nargs);
    parse_body(p, s,
               bases ? "expected ':' after the class bases" : "expected ':' after class name");
    return s;
}

static py_stmt *parse_def(py_parser *p, py_expr **decorators, size_t ndecorators, uint32_t start,
                          bool is_async)
{
    py_stmt *s = new_stmt(p, PY_S_DEF, start);
    s->decorators = decorators;
    s->ndecorators = ndecorators;
    s->is_async = is_async;
    py_advance(p);
    if (p->tok.kind != PY_TK_NAME || p->tok.kw != PY_KW_NONE_) {
        py_fail(p, "expected a function name");
        return s;
    }
    s->name = py_token_text(p, &p->tok);
    s->name_start = p->tok.start;
    s->name_end = p->tok.end;
    py_advance(p);
    skip_type_params(p);
    if (!py_expect_op(p, '(', "expected '(' after the function name"))
        return s;
    py_parse_params(p, ')', true, &s->params, &s->nparams);
    py_expect_op(p, ')', "expected ')' after the parameters");
    if (py_accept_op(p, PY_OP2('-', '>')))
        py_parse_expression(p);
    parse_body(p, s, "expected ':' after the function signature");
    return s;
}

static py_stmt *parse_decorated(py_parser *p)
{
    py_expr **decorators = NULL;
    size_t n = 0;
    while (py_accept_op(p, '@')) {
        py_expr **slot = rm_arena_push(p->arena, (void **)&decorators, &n, sizeof *slot);
        *slot = py_parse_named(p);
        if (p->tok.kind != PY_TK_NEWLINE) {
            py_fail(p, "expected a newline after the decorator");
            return NULL;
        }
        py_advance(p);
    }
    if (py_at_kw(p, PY_KW_CLASS))
        return parse_class(p, decorators, n);
    if (py_at_kw(p, PY_KW_DEF))
        return parse_def(p, decorators, n, p->tok.start, false);
    if (py_at_kw(p, PY_KW_ASYNC) && py_peek(p)->kw == PY_KW_DEF) {
        uint32_t start = p->tok.start;
        py_advance(p);
        return parse_def(p, decorators, n, start, true);
    }
    py_fail(p, "expected 'class' or 'def' after the decorators");
    return NULL;
}

/* if/elif/else: an elif is an IF alone in the else block (built in a loop,
 * not by recursion, so that long elif chains cost no stack). */
static py_stmt *parse_if(py_parser *p)
{
    py_stmt *top = new_stmt(p, PY_S_IF, p->tok.start);
    py_stmt *s = top;
    for (;;) {
        py_advance(p);
        s->value = py_parse_named(p);
        parse_body(p, s, "expected ':' after the condition");
        if (py_at_kw(p, PY_KW_ELIF)) {
            py_stmt *elif = new_stmt(p, PY_S_IF, p->tok.start);
            add_stmt(p, new_block(p, s), elif);
            s = elif;
            continue;
        }
        if (py_accept_kw(p, PY_KW_ELSE))
            parse_body(p, s, "expected ':' after 'else'");
        break;
    }
    /* Each IF of the chain ends where its last block does. */
    for (py_stmt *x = top;
         x->nblocks == 2 && x->blocks[1].nstmts == 1 && x->blocks[1].stmts[0]->kind == PY_S_IF;
         x = x->blocks[1].stmts[0])
        finish_stmt(p, x);
    finish_stmt(p, s);
    return top;
}

/* An optional `else:` block of a loop. */
static void parse_loop_else(py_parser *p, py_stmt *s)
{
    if (py_accept_kw(p, PY_KW_ELSE))
        parse_body(p, s, "expected ':' after 'else'");
}

static py_stmt *parse_while(py_parser *p)
{
    py_stmt *s = new_stmt(p, PY_S_WHILE, p->tok.start);
    py_advance(p);
    s->value = py_parse_named(p);
    parse_body(p, s, "expected ':' after the condition");
    parse_loop_else(p, s);
    return s;
}

static py_stmt *parse_for(py_parser *p, uint32_t start, bool is_async)
{
    py_stmt *s = new_stmt(p, PY_S_FOR, start);
    s->is_async = is_async;
    py_advance(p);
    py_parse_target_list(p);
    if (!py_accept_kw(p, PY_KW_IN)) {
        py_fail(p, "expected 'in' in for statement");
        return s;
    }
    s->value = py_parse_star_expressions(p, false);
    parse_body(p, s, "expected ':' after the for header");
    parse_loop_else(p, s);
    return s;
}

static py_stmt *parse_try(py_parser *p)
{
    py_stmt *s = new_stmt(p, PY_S_TRY, p->tok.start);
    py_advance(p);
    parse_body(p, s, "expected ':' after 'try'");
    bool handlers = false;
    while (py_accept_kw(p, PY_KW_EXCEPT)) {
        handlers = true;
        py_accept_op(p, '*'); /* 3.11: except* */
        if (!py_at_op(p, ':')) {
            py_parse_expression(p);
            if (py_accept_op(p, ',')) {
                /* except (A, B) without parentheses: Python 2, an error */
                py_fail(p, "multiple exception types must be parenthesized");
                return s;
            }
            if (py_accept_kw(p, PY_KW_AS)) {
                if (p->tok.kind != PY_TK_NAME || p->tok.kw != PY_KW_NONE_) {
                    py_fail(p, "expected a name after 'as'");
                    return s;
                }
                py_advance(p);
            }
        }
        parse_body(p, s, "expected ':' after 'except'");
    }
    if (handlers && py_accept_kw(p, PY_KW_ELSE))
        parse_body(p, s, "expected ':' after 'else'");
    if (py_accept_kw(p, PY_KW_FINALLY))
        parse_body(p, s, "expected ':' after 'finally'");
    else if (!handlers && p->tok.kind != PY_TK_FAIL)
        py_fail(p, "expected 'except' or 'finally' block");
    return s;
}

/* One with-item: an expression, and `as` a target. */
static py_expr *parse_with_item(py_parser *p)
{
    /* `with (x := f()):` is a group, read as an item here: same result. */
    py_expr *e = py_parse_named(p);
    if (py_accept_kw(p, PY_KW_AS)) {
        py_expr *target = py_parse_bitor(p);
        if (!is_target(target))
            fail_at(p, target->start, target->end, "cannot assign to expression");
    }
    return e;
}

static py_stmt *parse_with(py_parser *p, uint32_t start, bool is_async)
{
    py_stmt *s = new_stmt(p, PY_S_WITH, start);
    s->is_async = is_async;
    py_advance(p);
    bool paren = py_at_op(p, '(') && parenthesised_with_items(p);
    if (paren)
        py_advance(p);
    do {
        if (paren && py_at_op(p, ')'))
            break;
        py_expr *e = parse_with_item(p);
        if (!s->value)
            s->value = e;
    } while (py_accept_op(p, ','));
    if (paren)
        py_expect_op(p, ')', "expected ')' after the with-items");
    parse_body(p, s, "expected ':' after the with-items");
    return s;
}

/* ---- match ---- */

static void parse_pattern(py_parser *p);

/* A name, or a dotted name (a value pattern), or a class pattern. */
static void parse_name_pattern(py_parser *p)
{
    py_advance(p);
    while (py_accept_op(p, '.')) {
        if (p->tok.kind != PY_TK_NAME) {
            py_fail(p, "expected a name after '.'");
            return;
        }
        py_advance(p);
    }
    if (!py_accept_op(p, '('))
        return;
    while (!py_at_op(p, ')') && p->tok.kind != PY_TK_FAIL) {
        if (p->tok.kind == PY_TK_NAME && py_peek(p)->kind == PY_TK_OP && py_peek(p)->op == '=') {
            py_advance(p);
            py_advance(p);
        }
        parse_pattern(p);
        if (!py_accept_op(p, ','))
            break;
    }
    py_expect_op(p, ')', "expected ')' in class pattern");
}

/* Patterns between brackets, up to `close` (consumed). */
static void parse_pattern_list(py_parser *p, uint32_t close)
{
    while (!py_at_op(p, close) && p->tok.kind != PY_TK_FAIL) {
        parse_pattern(p);
        if (!py_accept_op(p, ','))
            break;
    }
    py_expect_op(p, close, close == ')' ? "expected ')' in pattern" : "expected ']' in pattern");
}

/* A literal, capture, value, group, sequence, mapping or class pattern. */
static void parse_closed_pattern(py_parser *p)
{
    if (!py_enter(p))
        return;
    if (p->tok.kind == PY_TK_NAME) {
        if (p->tok.kw == PY_KW_NONE || p->tok.kw == PY_KW_TRUE || p->tok.kw == PY_KW_FALSE)
            py_advance(p);
        else if (p->tok.kw == PY_KW_NONE_)
            parse_name_pattern(p);
        else
            py_fail(p, "invalid pattern");
    } else if (p->tok.kind == PY_TK_STRING) {
        while (p->tok.kind == PY_TK_STRING)
            py_advance(p);
    } else if (p->tok.kind == PY_TK_NUMBER || py_at_op(p, '-')) {
        /* -1, 1.5, 1 + 2j, -1 - 2j */
        py_accept_op(p, '-');
        if (p->tok.kind != PY_TK_NUMBER)
            py_fail(p, "expected a number in pattern");
        py_advance(p);
        if ((py_accept_op(p, '+') || py_accept_op(p, '-'))) {
            if (p->tok.kind != PY_TK_NUMBER)
                py_fail(p, "expected an imaginary number in pattern");
            py_advance(p);
        }
    } else if (py_accept_op(p, '(')) {
        parse_pattern_list(p, ')');
    } else if (py_accept_op(p, '[')) {
        parse_pattern_list(p, ']');
    } else if (py_accept_op(p, '{')) {
        while (!py_at_op(p, '}') && p->tok.kind != PY_TK_FAIL) {
            if (py_accept_op(p, PY_OP2('*', '*'))) {
                py_advance(p); /* the rest's name */
            } else {
                parse_closed_pattern(p);
                if (!py_expect_op(p, ':', "expected ':' in mapping pattern"))
                    break;
                parse_pattern(p);
            }
            if (!py_accept_op(p, ','))
                break;
        }
        py_expect_op(p, '}', "expected '}' in mapping pattern");
    } else {
        py_fail(p, "invalid pattern");
    }
    p->depth--;
}

/* *rest, or an or-pattern with an optional `as name`. */
static void parse_pattern(py_parser *p)
{
    if (py_accept_op(p, '*')) {
        if (p->tok.kind != PY_TK_NAME)
            py_fail(p, "expected a name after '*'");
        py_advance(p);
        return;
    }
    parse_closed_pattern(p);
    while (py_accept_op(p, '|'))
        parse_closed_pattern(p);
    if (py_accept_kw(p, PY_KW_AS)) {
        if (p->tok.kind != PY_TK_NAME || p->tok.kw != PY_KW_NONE_)
            py_fail(p, "expected a name after 'as'");
        py_advance(p);
    }
}

static py_stmt *parse_match(py_parser *p)
{
    py_stmt *s = new_stmt(p, PY_S_MATCH, p->tok.start);
    py_advance(p);
    s->value = py_parse_star_expressions(p, false);
    if (!py_expect_op(p, ':', "expected ':' after the match subject"))
        return s;
    if (p->tok.kind != PY_TK_NEWLINE || py_peek(p)->kind != PY_TK_INDENT) {
        py_fail(p, "expected an indented block of cases");
        return s;
    }
    py_advance(p);
    py_advance(p);
    if (!py_enter(p))
        return s;
    unsigned depth = p->depth;
    size_t nitems = p->nitems, nargs = p->nargs;
    while (p->tok.kind != PY_TK_DEDENT && p->tok.kind != PY_TK_EOF) {
        if (p->tok.kind == PY_TK_FAIL) {
            recover(p, depth); /* on to the next case */
            p->nitems = nitems;
            p->nargs = nargs;
            continue;
        }
        if (!py_at_name(p, "case")) {
            py_fail(p, "expected 'case'");
            continue;
        }
        py_advance(p);
        /* An open sequence: case a, *rest: */
        do {
            if (py_at_op(p, ':') || py_at_kw(p, PY_KW_IF))
                break;
            parse_pattern(p);
        } while (py_accept_op(p, ','));
        if (py_accept_kw(p, PY_KW_IF))
            py_parse_named(p);
        parse_body(p, s, "expected ':' after the case pattern");
    }
    if (p->tok.kind == PY_TK_DEDENT)
        py_advance(p);
    p->depth--;
    return finish_stmt(p, s);
}

/* ---- the statement loop ---- */

/* A compound statement, or a line of simple ones, appended to b. */
static void parse_statement(py_parser *p, py_block *b)
{
    uint32_t start = p->tok.start;
    py_stmt *s = NULL;
    if (py_at_op(p, '@')) {
        s = parse_decorated(p);
    } else if (p->tok.kind == PY_TK_NAME) {
        switch (p->tok.kw) {
        case PY_KW_IF:
            s = parse_if(p);
            break;
        case PY_KW_WHILE:
            s = parse_while(p);
            break;
        case PY_KW_FOR:
            s = parse_for(p, start, false);
            break;
        case PY_KW_TRY:
            s = parse_try(p);
            break;
        case PY_KW_WITH:
            s = parse_with(p, start, false);
            break;
        case PY_KW_CLASS:
            s = parse_class(p, NULL, 0);
            break;
        case PY_KW_DEF:
            s = parse_def(p, NULL, 0, start, false);
            break;
        case PY_KW_ASYNC: {
            py_kw next = py_peek(p)->kind == PY_TK_NAME ? py_peek(p)->kw : PY_KW_NONE_;
            if (next == PY_KW_DEF || next == PY_KW_FOR || next == PY_KW_WITH) {
                py_advance(p);
                s = next == PY_KW_DEF   ? parse_def(p, NULL, 0, start, true)
                    : next == PY_KW_FOR ? parse_for(p, start, true)
                                        : parse_with(p, start, true);
            }
            break;
        }
        case PY_KW_NONE_:
            if (py_at_name(p, "match") && is_match_statement(p))
                s = parse_match(p);
            break;
        default:
            break;
        }
    }
    if (!s) {
        if (p->tok.kind != PY_TK_FAIL)
            parse_simple_line(p, b);
        return;
    }
    if (p->tok.kind != PY_TK_FAIL)
        add_stmt(p, b, s);
}

/* Statements up to the end of the block (a DEDENT) or of the text. */
static void parse_statements(py_parser *p, py_block *b, bool in_block)
{
    for (;;) {
        switch (p->tok.kind) {
        case PY_TK_EOF:
            return;
        case PY_TK_DEDENT:
            if (in_block)
                return;
            py_advance(p);
            continue;
        case PY_TK_NEWLINE:
            py_advance(p);
            continue;
        case PY_TK_INDENT:
            py_error(p, p->tok.start, p->tok.end, "unexpected indent");
            skip_block(p);
            continue;
        case PY_TK_ERROR:
            /* The lexer has moved past it: the line goes on. */
            py_error(p, p->tok.start, p->tok.end, p->tok.msg);
            py_advance(p);
            continue;
        default:
            break;
        }
        unsigned depth = p->depth;
        size_t nitems = p->nitems, nargs = p->nargs;
        parse_statement(p, b);
        if (p->tok.kind == PY_TK_FAIL) {
            recover(p, depth);
            p->nitems = nitems; /* lists left unfinished by the error */
            p->nargs = nargs;
        }
    }
}

/*
 * An unclosed bracket makes the rest of the file one logical line, so
 * whatever the parser trips on after it is a consequence, not a second
 * mistake: as CPython does, only "'(' was never closed" is reported.
 */
static void drop_errors_after_unclosed(py_module *m)
{
    static const char suffix[] = "was never closed";
    uint32_t unclosed = UINT32_MAX;
    for (size_t i = 0; i < m->nerrors; i++) {
        size_t n = strlen(m->errors[i].message);
        if (n >= sizeof suffix - 1 &&
            strcmp(m->errors[i].message + n - (sizeof suffix - 1), suffix) == 0)
            unclosed = m->errors[i].start;
    }
    if (unclosed == UINT32_MAX)
        return;
    size_t kept = 0;
    for (size_t i = 0; i < m->nerrors; i++)
        if (m->errors[i].start <= unclosed)
            m->errors[kept++] = m->errors[i];
    m->nerrors = kept;
}

void py_parse(rm_arena *arena, const char *text, size_t len, py_module *out)
{
    py_parser p;
    memset(out, 0, sizeof *out);
    p.arena = arena;
    p.text = text;
    p.mod = out;
    p.has_ahead = false;
    p.prev_end = 0;
    p.depth = 0;
    p.items = NULL;
    p.nitems = p.items_cap = 0;
    p.args = NULL;
    p.nargs = p.args_cap = 0;
    py_lexer_init(&p.lx, text, len);
    p.tok = py_next(&p.lx);
    p.real = p.tok;
    parse_statements(&p, &out->body, false);
    free(p.items);
    free(p.args);
    drop_errors_after_unclosed(out);
}
