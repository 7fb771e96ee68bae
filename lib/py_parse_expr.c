/*
 * py_parse_expr.c - Python expressions, by recursive descent in the order
 * of CPython's grammar: lambda and conditional, or/and/not, comparisons,
 * the binary operators by precedence climbing, unary, power, await,
 * primaries (attribute, call, subscript) and atoms. What py_ast.h does
 * not model (comprehensions, conditionals, slices, yield, await, walrus)
 * is parsed all the same - so that errors inside it are found - and kept
 * as one PY_E_OTHER node.
 */
#include "py_parse.h"

#include <string.h>

#include "alloc.h"

py_expr *py_new_expr(py_parser *p, py_expr_kind kind, uint32_t start)
{
    py_expr *e = rm_arena_alloc(p->arena, sizeof *e);
    e->kind = kind;
    e->start = start;
    e->end = start;
    return e;
}

/* A node spanning from `start` to the last token consumed. */
static py_expr *finish(py_parser *p, py_expr *e)
{
    e->end = p->prev_end > e->start ? p->prev_end : e->start;
    return e;
}

static py_expr *other(py_parser *p, uint32_t start)
{
    return finish(p, py_new_expr(p, PY_E_OTHER, start));
}

/* Items go on the parser's stack from `mark` on, then into e at once. */
static void push_item(py_parser *p, py_expr *item)
{
    if (p->nitems == p->items_cap)
        p->items = rm_grow(p->items, &p->items_cap, p->nitems + 1, sizeof *p->items);
    p->items[p->nitems++] = item;
}

static void take_items(py_parser *p, py_expr *e, size_t mark)
{
    e->nitems = p->nitems - mark;
    if (e->nitems) {
        e->items = rm_arena_alloc(p->arena, e->nitems * sizeof *e->items);
        memcpy(e->items, p->items + mark, e->nitems * sizeof *e->items);
    }
    p->nitems = mark;
}

bool py_starts_expression(const py_parser *p)
{
    switch (p->tok.kind) {
    case PY_TK_NAME:
        switch (p->tok.kw) {
        case PY_KW_NONE_:
        case PY_KW_TRUE:
        case PY_KW_FALSE:
        case PY_KW_NONE:
        case PY_KW_NOT:
        case PY_KW_LAMBDA:
        case PY_KW_AWAIT:
        case PY_KW_ASYNC:
            return true;
        default:
            return false;
        }
    case PY_TK_NUMBER:
    case PY_TK_STRING:
        return true;
    case PY_TK_OP:
        switch (p->tok.op) {
        case '(':
        case '[':
        case '{':
        case '-':
        case '+':
        case '~':
        case '*':
        case PY_OP3('.', '.', '.'):
            return true;
        default:
            return false;
        }
    default:
        return false;
    }
}

/* ---- strings ---- */

static int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static size_t put_utf8(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/*
 * The body z[i..end) with its escapes decoded into out; returns the
 * length. No decoded escape is longer than its spelling, so out needs
 * end - i bytes. \N{...} stays as written (decoding it needs the Unicode
 * name table); unknown escapes keep their backslash, as in Python.
 */
static size_t decode_escapes(py_parser *p, const unsigned char *z, uint32_t i, uint32_t end,
                             bool bytes, char *out)
{
    size_t n = 0;
    while (i < end) {
        const unsigned char *bs = memchr(z + i, '\\', end - i);
        uint32_t stop = bs ? (uint32_t)(bs - z) : end;
        memcpy(out + n, z + i, stop - i);
        n += stop - i;
        i = stop;
        if (i >= end)
            break;
        uint32_t at = i++;
        unsigned char e = i < end ? z[i] : 0;
        i++;
        int digits = 0;
        switch (e) {
        case '\n':
            continue;
        case '\r':
            if (i < end && z[i] == '\n')
                i++;
            continue;
        case '\\':
        case '\'':
        case '"':
            out[n++] = (char)e;
            continue;
        case 'a':
            out[n++] = '\a';
            continue;
        case 'b':
            out[n++] = '\b';
            continue;
        case 'f':
            out[n++] = '\f';
            continue;
        case 'n':
            out[n++] = '\n';
            continue;
        case 'r':
            out[n++] = '\r';
            continue;
        case 't':
            out[n++] = '\t';
            continue;
        case 'v':
            out[n++] = '\v';
            continue;
        case 'x':
            digits = 2;
            break;
        case 'u':
            digits = bytes ? 0 : 4;
            break;
        case 'U':
            digits = bytes ? 0 : 8;
            break;
        default:
            if (e >= '0' && e <= '7') {
                uint32_t v = e - '0';
                for (int k = 0; k < 2 && i < end && z[i] >= '0' && z[i] <= '7'; k++)
                    v = v * 8 + (z[i++] - '0');
                if (bytes)
                    out[n++] = (char)(v & 0xFF);
                else
                    n += put_utf8(out + n, v);
                continue;
            }
            break;
        }
        if (!digits) {
            /* Not an escape: the backslash stays, the byte after it is
             * copied by the next round. */
            out[n++] = '\\';
            i = at + 1;
            continue;
        }
        uint32_t v = 0;
        for (int k = 0; k < digits; k++) {
            int h = i < end ? hex_value(z[i]) : -1;
            if (h < 0) {
                py_error(p, at, i,
                         e == 'x'   ? "truncated \\xhh escape"
                         : e == 'u' ? "truncated \\uXXXX escape"
                                    : "truncated \\UXXXXXXXX escape");
                digits = -1;
                break;
            }
            v = v * 16 + (uint32_t)h;
            i++;
        }
        if (digits < 0)
            continue;
        if (v > 0x10FFFF) {
            py_error(p, at, i, "illegal Unicode character");
            continue;
        }
        if (bytes)
            out[n++] = (char)v;
        else
            n += put_utf8(out + n, v);
    }
    return n;
}

/* Copies a body as written; `double_braces` for a plain literal joined to
 * an f-string, whose braces are then literal braces of the whole. */
static size_t copy_body(const unsigned char *z, uint32_t i, uint32_t end, bool double_braces,
                        char *out)
{
    size_t n = 0;
    for (; i < end; i++) {
        out[n++] = (char)z[i];
        if (double_braces && (z[i] == '{' || z[i] == '}'))
            out[n++] = (char)z[i];
    }
    return n;
}

/*
 * One or more adjacent string literals: one PY_E_STRING. When one of them
 * is an f-string the whole is kept as written (an f-string's text), with
 * the braces of plain parts doubled so that the text stays one f-string.
 */
static py_expr *parse_strings(py_parser *p)
{
    const unsigned char *z = (const unsigned char *)p->text;
    py_expr *e = py_new_expr(p, PY_E_STRING, p->tok.start);
    py_token first = p->tok;
    py_token *parts = &first;
    size_t nparts = 1;
    py_advance(p);
    if (p->tok.kind == PY_TK_STRING) {
        parts = NULL;
        nparts = 0;
        *(py_token *)rm_arena_push(p->arena, (void **)&parts, &nparts, sizeof first) = first;
        while (p->tok.kind == PY_TK_STRING) {
            *(py_token *)rm_arena_push(p->arena, (void **)&parts, &nparts, sizeof first) = p->tok;
            py_advance(p);
        }
    }
    size_t room = 1, plain = 0;
    bool any_f = false, any_bytes = false, any_text = false;
    for (size_t k = 0; k < nparts; k++) {
        py_string_form f = py_string_form_of(p->text, &parts[k]);
        room += f.body_end - f.body_start;
        if (!f.fstring)
            plain += f.body_end - f.body_start;
        any_f |= f.fstring;
        any_bytes |= f.bytes;
        any_text |= !f.bytes;
    }
    if (any_f)
        room += plain; /* braces of plain parts are doubled */
    if (any_bytes && any_text)
        py_error(p, first.start, p->prev_end, "cannot mix bytes and nonbytes literals");
    char *out = rm_arena_alloc(p->arena, room);
    size_t n = 0;
    for (size_t k = 0; k < nparts; k++) {
        py_string_form f = py_string_form_of(p->text, &parts[k]);
        if (any_f)
            n += copy_body(z, f.body_start, f.body_end, !f.fstring, out + n);
        else if (f.raw)
            n += copy_body(z, f.body_start, f.body_end, false, out + n);
        else
            n += decode_escapes(p, z, f.body_start, f.body_end, f.bytes, out + n);
    }
    out[n] = '\0';
    e->text = out;
    e->text_len = n;
    e->is_fstring = any_f;
    e->is_bytes = any_bytes;
    return finish(p, e);
}

/* ---- atoms ---- */

static py_expr *parse_star_named(py_parser *p);
static py_expr *parse_disjunction(py_parser *p);

/*
 * The rest of a comprehension after its element: one or more
 * `[async] for targets in iterable [if cond]...`; the whole is OTHER.
 */
static py_expr *parse_comprehension(py_parser *p, uint32_t start)
{
    /* A level of its own: the iterable is a disjunction, and a bracket in
     * it leads back here ([a for a in [a for a in ...). */
    if (!py_enter(p))
        return other(p, start);
    while (py_at_kw(p, PY_KW_FOR) || (py_at_kw(p, PY_KW_ASYNC) && py_peek(p)->kw == PY_KW_FOR)) {
        py_accept_kw(p, PY_KW_ASYNC);
        py_advance(p);
        py_parse_target_list(p);
        if (!py_accept_kw(p, PY_KW_IN)) {
            py_fail(p, "expected 'in' in comprehension");
            break;
        }
        /* The iterable and conditions are disjunctions: a bare
         * conditional expression would swallow the next `if`. */
        parse_disjunction(p);
        while (py_at_kw(p, PY_KW_IF)) {
            py_advance(p);
            parse_disjunction(p);
        }
    }
    p->depth--;
    return other(p, start);
}

/* Items of a list, tuple or set display after its first, up to `close`. */
static void parse_display_items(py_parser *p, uint32_t close)
{
    while (py_accept_op(p, ',')) {
        if (py_at_op(p, close))
            break;
        push_item(p, parse_star_named(p));
    }
}

static py_expr *parse_paren(py_parser *p)
{
    uint32_t start = p->tok.start;
    py_advance(p);
    if (py_accept_op(p, ')'))
        return finish(p, py_new_expr(p, PY_E_TUPLE, start));
    if (py_at_kw(p, PY_KW_YIELD)) {
        py_expr *y = py_parse_yield(p);
        py_expect_op(p, ')', "expected ')'");
        return y;
    }
    py_expr *first = parse_star_named(p);
    if (py_at_kw(p, PY_KW_FOR) || py_at_kw(p, PY_KW_ASYNC)) {
        py_expr *gen = parse_comprehension(p, start);
        py_expect_op(p, ')', "expected ')' after generator expression");
        return finish(p, gen);
    }
    if (!py_at_op(p, ',')) {
        py_expect_op(p, ')', "expected ')'");
        return first; /* a group: the expression keeps its own span */
    }
    py_expr *t = py_new_expr(p, PY_E_TUPLE, start);
    size_t mark = p->nitems;
    push_item(p, first);
    parse_display_items(p, ')');
    py_expect_op(p, ')', "expected ')'");
    take_items(p, t, mark);
    return finish(p, t);
}

static py_expr *parse_list(py_parser *p)
{
    uint32_t start = p->tok.start;
    py_advance(p);
    py_expr *e = py_new_expr(p, PY_E_LIST, start);
    if (py_accept_op(p, ']'))
        return finish(p, e);
    py_expr *first = parse_star_named(p);
    if (py_at_kw(p, PY_KW_FOR) || py_at_kw(p, PY_KW_ASYNC)) {
        e = parse_comprehension(p, start);
        py_expect_op(p, ']', "expected ']' after list comprehension");
        return finish(p, e);
    }
    size_t mark = p->nitems;
    push_item(p, first);
    parse_display_items(p, ']');
    py_expect_op(p, ']', "expected ']'");
    take_items(p, e, mark);
    return finish(p, e);
}

/* { }: a dict, a set, or a comprehension of either. */
static py_expr *parse_brace(py_parser *p)
{
    uint32_t start = p->tok.start;
    py_advance(p);
    if (py_accept_op(p, '}'))
        return finish(p, py_new_expr(p, PY_E_DICT, start));
    py_expr *key = NULL, *value;
    bool is_dict;
    if (py_accept_op(p, PY_OP2('*', '*'))) {
        value = py_parse_bitor(p);
        is_dict = true;
    } else {
        key = parse_star_named(p);
        is_dict = py_accept_op(p, ':');
        value = is_dict ? py_parse_expression(p) : NULL;
    }
    if (py_at_kw(p, PY_KW_FOR) || py_at_kw(p, PY_KW_ASYNC)) {
        py_expr *c = parse_comprehension(p, start);
        py_expect_op(p, '}', "expected '}' after comprehension");
        return finish(p, c);
    }
    py_expr *e = py_new_expr(p, is_dict ? PY_E_DICT : PY_E_SET, start);
    size_t mark = p->nitems;
    if (!is_dict) {
        push_item(p, key);
        parse_display_items(p, '}');
        py_expect_op(p, '}', "expected '}'");
        take_items(p, e, mark);
        return finish(p, e);
    }
    push_item(p, key);
    push_item(p, value);
    while (py_accept_op(p, ',') && !py_at_op(p, '}')) {
        if (py_accept_op(p, PY_OP2('*', '*'))) {
            push_item(p, NULL);
            push_item(p, py_parse_bitor(p));
            continue;
        }
        push_item(p, py_parse_expression(p));
        if (!py_expect_op(p, ':', "expected ':' in dict display"))
            break;
        push_item(p, py_parse_expression(p));
    }
    py_expect_op(p, '}', "expected '}'");
    take_items(p, e, mark);
    return finish(p, e);
}

static py_expr *parse_atom(py_parser *p)
{
    uint32_t start = p->tok.start;
    switch (p->tok.kind) {
    case PY_TK_NAME: {
        py_expr *e;
        switch (p->tok.kw) {
        case PY_KW_TRUE:
        case PY_KW_FALSE:
        case PY_KW_NONE:
            e = py_new_expr(p, PY_E_CONST, start);
            e->name = py_keyword_name(p->tok.kw);
            break;
        case PY_KW_NONE_:
        case PY_KW_ASYNC:
        case PY_KW_AWAIT:
            e = py_new_expr(p, PY_E_NAME, start);
            e->name = py_token_text(p, &p->tok);
            break;
        default:
            py_fail(p, "invalid syntax: unexpected keyword");
            return other(p, start);
        }
        py_advance(p);
        return finish(p, e);
    }
    case PY_TK_NUMBER: {
        py_expr *e = py_new_expr(p, PY_E_NUMBER, start);
        e->text = rm_arena_strndup(p->arena, p->text + start, p->tok.end - start);
        e->text_len = p->tok.end - start;
        py_advance(p);
        return finish(p, e);
    }
    case PY_TK_STRING:
        return parse_strings(p);
    case PY_TK_OP:
        switch (p->tok.op) {
        case '(':
            return parse_paren(p);
        case '[':
            return parse_list(p);
        case '{':
            return parse_brace(p);
        case PY_OP3('.', '.', '.'): {
            py_expr *e = py_new_expr(p, PY_E_CONST, start);
            e->name = "...";
            py_advance(p);
            return finish(p, e);
        }
        default:
            break;
        }
        break;
    default:
        break;
    }
    py_fail(p, "expected an expression");
    return other(p, start);
}

/* ---- primaries ---- */

void py_parse_call_args(py_parser *p, py_arg **args, size_t *nargs)
{
    size_t mark = p->nargs;
    while (!py_at_op(p, ')') && p->tok.kind != PY_TK_FAIL) {
        py_arg a = {NULL, NULL, false, false};
        if (py_accept_op(p, '*')) {
            a.star = true;
            a.value = py_parse_expression(p);
        } else if (py_accept_op(p, PY_OP2('*', '*'))) {
            a.double_star = true;
            a.value = py_parse_expression(p);
        } else if (p->tok.kind == PY_TK_NAME && p->tok.kw == PY_KW_NONE_ &&
                   py_peek(p)->kind == PY_TK_OP && py_peek(p)->op == '=') {
            /* name=value: the name is no expression node of its own. */
            a.name = py_token_text(p, &p->tok);
            py_advance(p);
            py_advance(p);
            a.value = py_parse_expression(p);
        } else {
            uint32_t start = p->tok.start;
            a.value = py_parse_named(p);
            if (py_at_op(p, '=') && a.value->kind == PY_E_NAME) {
                py_advance(p);
                a.name = a.value->name;
                a.value = py_parse_expression(p);
            } else if (py_at_kw(p, PY_KW_FOR) || py_at_kw(p, PY_KW_ASYNC)) {
                a.value = parse_comprehension(p, start); /* f(x for x in y) */
            }
        }
        if (p->nargs == p->args_cap)
            p->args = rm_grow(p->args, &p->args_cap, p->nargs + 1, sizeof *p->args);
        p->args[p->nargs++] = a;
        if (!py_accept_op(p, ','))
            break;
    }
    py_expect_op(p, ')', "expected ',' or ')' in arguments");
    *nargs = p->nargs - mark;
    *args = NULL;
    if (*nargs) {
        *args = rm_arena_alloc(p->arena, *nargs * sizeof **args);
        memcpy(*args, p->args + mark, *nargs * sizeof **args);
    }
    p->nargs = mark;
}

/* One item of a subscript: an expression, *x, or a slice (OTHER). */
static py_expr *parse_slice(py_parser *p)
{
    uint32_t start = p->tok.start;
    if (py_at_op(p, '*'))
        return parse_star_named(p);
    py_expr *lower = NULL;
    if (!py_at_op(p, ':'))
        lower = py_parse_named(p);
    if (!py_accept_op(p, ':'))
        return lower;
    if (!py_at_op(p, ':') && !py_at_op(p, ']') && !py_at_op(p, ','))
        py_parse_expression(p);
    if (py_accept_op(p, ':') && !py_at_op(p, ']') && !py_at_op(p, ','))
        py_parse_expression(p);
    return other(p, start);
}

static py_expr *parse_primary(py_parser *p)
{
    /* A call, attribute or subscript starts where its primary does, an
     * opening parenthesis included (as in CPython's positions). */
    uint32_t start = p->tok.start;
    py_expr *e = parse_atom(p);
    for (;;) {
        if (py_accept_op(p, '.')) {
            if (p->tok.kind != PY_TK_NAME || p->tok.kw != PY_KW_NONE_) {
                py_fail(p, "expected a name after '.'");
                return e;
            }
            py_expr *a = py_new_expr(p, PY_E_ATTR, start);
            a->value = e;
            a->name = py_token_text(p, &p->tok);
            py_advance(p);
            e = finish(p, a);
        } else if (py_accept_op(p, '(')) {
            py_expr *c = py_new_expr(p, PY_E_CALL, start);
            c->value = e;
            py_parse_call_args(p, &c->args, &c->nargs);
            e = finish(p, c);
        } else if (py_accept_op(p, '[')) {
            py_expr *s = py_new_expr(p, PY_E_SUBSCRIPT, start);
            s->value = e;
            size_t mark = p->nitems;
            do {
                if (py_at_op(p, ']'))
                    break;
                push_item(p, parse_slice(p));
            } while (py_accept_op(p, ','));
            py_expect_op(p, ']', "expected ']'");
            take_items(p, s, mark);
            e = finish(p, s);
        } else {
            return e;
        }
    }
}

/* ---- operators ---- */

static py_expr *parse_factor(py_parser *p);

/* await primary, or `await` used as a plain name (before Python 3.7). */
static py_expr *parse_await(py_parser *p)
{
    if (py_at_kw(p, PY_KW_AWAIT)) {
        const py_token *next = py_peek(p);
        bool operand =
            next->kind == PY_TK_NAME || next->kind == PY_TK_NUMBER || next->kind == PY_TK_STRING ||
            (next->kind == PY_TK_OP && (next->op == '(' || next->op == '[' || next->op == '{' ||
                                        next->op == PY_OP3('.', '.', '.')));
        if (operand &&
            (next->kind != PY_TK_NAME || next->kw == PY_KW_NONE_ || next->kw == PY_KW_TRUE ||
             next->kw == PY_KW_FALSE || next->kw == PY_KW_NONE || next->kw == PY_KW_AWAIT)) {
            uint32_t start = p->tok.start;
            py_advance(p);
            if (!py_enter(p))
                return other(p, start);
            parse_await(p);
            p->depth--;
            return other(p, start);
        }
    }
    return parse_primary(p);
}

static py_expr *binop(py_parser *p, py_expr_kind kind, py_expr *left, const char *op,
                      py_expr *right)
{
    py_expr *e = py_new_expr(p, kind, left->start);
    e->left = left;
    e->right = right;
    e->name = op;
    e->end = right->end > left->end ? right->end : left->end;
    return e;
}

static py_expr *parse_power(py_parser *p)
{
    py_expr *base = parse_await(p);
    if (!py_accept_op(p, PY_OP2('*', '*')))
        return base;
    /* The exponent nests to the right: 2 ** 2 ** 2 ... */
    if (!py_enter(p))
        return base;
    py_expr *e = binop(p, PY_E_BINOP, base, "**", parse_factor(p));
    p->depth--;
    return e;
}

static py_expr *parse_factor(py_parser *p)
{
    const char *op = py_at_op(p, '-')   ? "-"
                     : py_at_op(p, '+') ? "+"
                     : py_at_op(p, '~') ? "~"
                                        : NULL;
    if (!op)
        return parse_power(p);
    uint32_t start = p->tok.start;
    py_advance(p);
    py_expr *e = py_new_expr(p, PY_E_UNARY, start);
    e->name = op;
    if (!py_enter(p))
        return other(p, start);
    e->value = parse_factor(p);
    p->depth--;
    return finish(p, e);
}

/* The binary operators from | (1) to * / // % @ (6). */
static int binary_precedence(const py_token *t, const char **name)
{
    if (t->kind != PY_TK_OP)
        return 0;
    switch (t->op) {
    case '|':
        *name = "|";
        return 1;
    case '^':
        *name = "^";
        return 2;
    case '&':
        *name = "&";
        return 3;
    case PY_OP2('<', '<'):
        *name = "<<";
        return 4;
    case PY_OP2('>', '>'):
        *name = ">>";
        return 4;
    case '+':
        *name = "+";
        return 5;
    case '-':
        *name = "-";
        return 5;
    case '*':
        *name = "*";
        return 6;
    case '/':
        *name = "/";
        return 6;
    case PY_OP2('/', '/'):
        *name = "//";
        return 6;
    case '%':
        *name = "%";
        return 6;
    case '@':
        *name = "@";
        return 6;
    default:
        return 0;
    }
}

static py_expr *parse_binary(py_parser *p, int min_prec)
{
    py_expr *left = parse_factor(p);
    for (;;) {
        const char *name = NULL;
        int prec = binary_precedence(&p->tok, &name);
        if (prec < min_prec || prec == 0)
            return left;
        py_advance(p);
        left = binop(p, PY_E_BINOP, left, name, parse_binary(p, prec + 1));
    }
}

/*
 * The entry for a bitwise-or expression from outside the chain of
 * precedence levels (star items, `**` in dicts, targets, annotations):
 * it counts as a level, since a bracket inside leads back here without
 * passing through py_parse_expression ([*[*[*x]]], {**{**{}}}).
 */
py_expr *py_parse_bitor(py_parser *p)
{
    if (!py_enter(p))
        return other(p, p->tok.start);
    py_expr *e = parse_binary(p, 1);
    p->depth--;
    return e;
}

/* A comparison operator at the current token ("not in" and "is not" as
 * one), consumed; NULL when there is none. */
static const char *comparison_op(py_parser *p)
{
    const char *op = NULL;
    if (p->tok.kind == PY_TK_OP) {
        switch (p->tok.op) {
        case '<':
            op = "<";
            break;
        case '>':
            op = ">";
            break;
        case PY_OP2('=', '='):
            op = "==";
            break;
        case PY_OP2('<', '='):
            op = "<=";
            break;
        case PY_OP2('>', '='):
            op = ">=";
            break;
        case PY_OP2('!', '='):
            op = "!=";
            break;
        default:
            return NULL;
        }
        py_advance(p);
        return op;
    }
    if (py_accept_kw(p, PY_KW_IN))
        return "in";
    if (py_accept_kw(p, PY_KW_IS))
        return py_accept_kw(p, PY_KW_NOT) ? "is not" : "is";
    if (py_at_kw(p, PY_KW_NOT) && py_peek(p)->kind == PY_TK_NAME && py_peek(p)->kw == PY_KW_IN) {
        py_advance(p);
        py_advance(p);
        return "not in";
    }
    return NULL;
}

static py_expr *parse_comparison(py_parser *p)
{
    py_expr *left = parse_binary(p, 1);
    const char *op;
    while ((op = comparison_op(p)) != NULL)
        left = binop(p, PY_E_COMPARE, left, op, parse_binary(p, 1));
    return left;
}

static py_expr *parse_inversion(py_parser *p)
{
    if (!py_at_kw(p, PY_KW_NOT))
        return parse_comparison(p);
    uint32_t start = p->tok.start;
    py_advance(p);
    if (!py_enter(p))
        return other(p, start);
    py_expr *e = py_new_expr(p, PY_E_UNARY, start);
    e->name = "not";
    e->value = parse_inversion(p);
    p->depth--;
    return finish(p, e);
}

static py_expr *parse_conjunction(py_parser *p)
{
    py_expr *left = parse_inversion(p);
    while (py_accept_kw(p, PY_KW_AND))
        left = binop(p, PY_E_BOOLOP, left, "and", parse_inversion(p));
    return left;
}

static py_expr *parse_disjunction(py_parser *p)
{
    py_expr *left = parse_conjunction(p);
    while (py_accept_kw(p, PY_KW_OR))
        left = binop(p, PY_E_BOOLOP, left, "or", parse_conjunction(p));
    return left;
}

/* ---- lambda, conditional, named, starred ---- */

void py_parse_params(py_parser *p, uint32_t close, bool annotations, const char ***names,
                     size_t *nnames)
{
    while (!py_at_op(p, close) && p->tok.kind != PY_TK_FAIL) {
        if (py_accept_op(p, '/')) {
            /* the end of the positional-only parameters */
        } else {
            bool star = py_accept_op(p, '*');
            bool double_star = !star && py_accept_op(p, PY_OP2('*', '*'));
            if (star && (py_at_op(p, ',') || py_at_op(p, close))) {
                /* a bare '*': keyword-only parameters follow */
            } else if (p->tok.kind != PY_TK_NAME || p->tok.kw != PY_KW_NONE_) {
                py_fail(p, "expected a parameter name");
                return;
            } else {
                const char **slot = rm_arena_push(p->arena, (void **)names, nnames, sizeof *slot);
                *slot = py_token_text(p, &p->tok);
                py_advance(p);
                if (annotations && py_accept_op(p, ':')) {
                    /* 3.11: *args: *Ts */
                    if (star && py_accept_op(p, '*'))
                        py_parse_bitor(p);
                    else
                        py_parse_expression(p);
                }
                if (!star && !double_star && py_accept_op(p, '='))
                    py_parse_expression(p);
            }
        }
        if (!py_accept_op(p, ','))
            break;
    }
}

static py_expr *parse_lambda(py_parser *p)
{
    uint32_t start = p->tok.start;
    py_advance(p);
    const char **names = NULL;
    size_t nnames = 0;
    py_parse_params(p, ':', false, &names, &nnames);
    py_expect_op(p, ':', "expected ':' in lambda");
    py_expr *e = py_new_expr(p, PY_E_LAMBDA, start);
    e->value = py_parse_expression(p);
    return finish(p, e);
}

py_expr *py_parse_expression(py_parser *p)
{
    if (!py_enter(p))
        return other(p, p->tok.start);
    py_expr *e;
    if (py_at_kw(p, PY_KW_LAMBDA)) {
        e = parse_lambda(p);
    } else {
        e = parse_disjunction(p);
        if (py_accept_kw(p, PY_KW_IF)) {
            parse_disjunction(p);
            if (!py_accept_kw(p, PY_KW_ELSE))
                py_fail(p, "expected 'else' after 'if' expression");
            py_parse_expression(p);
            e = other(p, e->start);
        }
    }
    p->depth--;
    return e;
}

py_expr *py_parse_named(py_parser *p)
{
    py_expr *e = py_parse_expression(p);
    if (py_at_op(p, PY_OP2(':', '=')) && e->kind == PY_E_NAME) {
        py_advance(p);
        py_parse_expression(p);
        return other(p, e->start);
    }
    return e;
}

static py_expr *parse_star_named(py_parser *p)
{
    if (!py_at_op(p, '*'))
        return py_parse_named(p);
    uint32_t start = p->tok.start;
    py_advance(p);
    py_expr *e = py_new_expr(p, PY_E_STARRED, start);
    e->value = py_parse_bitor(p);
    return finish(p, e);
}

py_expr *py_parse_yield(py_parser *p)
{
    uint32_t start = p->tok.start;
    py_advance(p);
    if (py_accept_kw(p, PY_KW_FROM))
        py_parse_expression(p);
    else if (py_starts_expression(p))
        py_parse_star_expressions(p, false);
    return other(p, start);
}

py_expr *py_parse_star_expressions(py_parser *p, bool allow_yield)
{
    if (allow_yield && py_at_kw(p, PY_KW_YIELD))
        return py_parse_yield(p);
    uint32_t start = p->tok.start;
    py_expr *first = parse_star_named(p);
    if (!py_at_op(p, ','))
        return first;
    py_expr *t = py_new_expr(p, PY_E_TUPLE, start);
    size_t mark = p->nitems;
    push_item(p, first);
    while (py_accept_op(p, ',')) {
        if (!py_starts_expression(p))
            break;
        push_item(p, parse_star_named(p));
    }
    take_items(p, t, mark);
    return finish(p, t);
}

py_expr *py_parse_target_list(py_parser *p)
{
    uint32_t start = p->tok.start;
    py_expr *first;
    if (py_at_op(p, '*')) {
        py_advance(p);
        first = py_new_expr(p, PY_E_STARRED, start);
        first->value = py_parse_bitor(p);
        finish(p, first);
    } else {
        first = py_parse_bitor(p);
    }
    if (!py_at_op(p, ','))
        return first;
    py_expr *t = py_new_expr(p, PY_E_TUPLE, start);
    size_t mark = p->nitems;
    push_item(p, first);
    while (py_accept_op(p, ',')) {
        if (!py_starts_expression(p))
            break;
        uint32_t s = p->tok.start;
        if (py_accept_op(p, '*')) {
            py_expr *st = py_new_expr(p, PY_E_STARRED, s);
            st->value = py_parse_bitor(p);
            push_item(p, finish(p, st));
        } else {
            push_item(p, py_parse_bitor(p));
        }
    }
    take_items(p, t, mark);
    return finish(p, t);
}

const char *py_dotted_name(rm_arena *arena, const py_expr *e)
{
    size_t len = 0;
    const py_expr *x = e;
    for (; x && x->kind == PY_E_ATTR; x = x->value)
        len += strlen(x->name) + 1;
    if (!x || x->kind != PY_E_NAME)
        return NULL;
    len += strlen(x->name);
    char *out = rm_arena_alloc(arena, len + 1);
    size_t end = len;
    for (x = e; x->kind == PY_E_ATTR; x = x->value) {
        size_t n = strlen(x->name);
        end -= n;
        memcpy(out + end, x->name, n);
        out[--end] = '.';
    }
    memcpy(out, x->name, strlen(x->name));
    return out;
}
