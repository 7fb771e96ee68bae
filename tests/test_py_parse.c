/*
 * test_py_parse.c - the Python parser (lib/py_parse.c, py_parse_expr.c)
 * against py_ast.h: every statement and expression form, positions,
 * string decoding, error messages and recovery, the nesting limit, and
 * inputs that must never crash it. tests/py/ast_oracle.py checks the same
 * parser against Python's ast on whole files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py_ast.h"

static rm_arena *arena;
static py_module mod;

static int setup(void **state)
{
    (void)state;
    arena = rm_arena_new();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    rm_arena_free(arena);
    return 0;
}

static py_module *parse_n(const char *src, size_t len)
{
    py_parse(arena, src, len, &mod);
    return &mod;
}

static py_module *parse(const char *src)
{
    return parse_n(src, strlen(src));
}

/* Parses src and asserts it has no errors. */
static py_module *parse_ok(const char *src)
{
    parse(src);
    if (mod.nerrors)
        fail_msg("%s: unexpected error at %u: %s", src, (unsigned)mod.errors[0].start,
                 mod.errors[0].message);
    return &mod;
}

/* The value of the single expression statement in src. */
static py_expr *expr(const char *src)
{
    parse_ok(src);
    assert_int_equal(mod.body.nstmts, 1);
    assert_int_equal(mod.body.stmts[0]->kind, PY_S_EXPR);
    return mod.body.stmts[0]->value;
}

static const char *dotted(const py_expr *e)
{
    const char *d = py_dotted_name(arena, e);
    return d ? d : "?";
}

static void test_imports(void **state)
{
    (void)state;
    parse_ok("import a.b.c as abc, d\n"
             "from ..pkg.mod import (x as y,\n  z,)\n"
             "from . import sibling\n"
             "from os.path import *\n"
             "from ... import up\n");
    assert_int_equal(mod.body.nstmts, 5);
    py_stmt *s = mod.body.stmts[0];
    assert_int_equal(s->kind, PY_S_IMPORT);
    assert_int_equal(s->naliases, 2);
    assert_string_equal(s->aliases[0].name, "a.b.c");
    assert_string_equal(s->aliases[0].asname, "abc");
    assert_string_equal(s->aliases[1].name, "d");
    assert_null(s->aliases[1].asname);
    s = mod.body.stmts[1];
    assert_int_equal(s->kind, PY_S_FROM);
    assert_int_equal(s->level, 2);
    assert_string_equal(s->module, "pkg.mod");
    assert_int_equal(s->naliases, 2);
    assert_string_equal(s->aliases[0].name, "x");
    assert_string_equal(s->aliases[0].asname, "y");
    assert_string_equal(s->aliases[1].name, "z");
    s = mod.body.stmts[2];
    assert_int_equal(s->level, 1);
    assert_string_equal(s->module, "");
    assert_string_equal(s->aliases[0].name, "sibling");
    s = mod.body.stmts[3];
    assert_int_equal(s->level, 0);
    assert_string_equal(s->module, "os.path");
    assert_string_equal(s->aliases[0].name, "*");
    assert_int_equal(mod.body.stmts[4]->level, 3);
}

static void test_assignments(void **state)
{
    (void)state;
    parse_ok("x = 1\n"
             "a = b = c.d = f()\n"
             "first, *rest = 1, 2, 3\n"
             "total: int\n"
             "obj.name: Mapped[str] = mapped_column(String(50))\n"
             "n //= 2\n"
             "m **= 3\n"
             "x = yield\n");
    assert_int_equal(mod.body.nstmts, 8);
    py_stmt *s = mod.body.stmts[0];
    assert_int_equal(s->kind, PY_S_ASSIGN);
    assert_int_equal(s->ntargets, 1);
    assert_string_equal(s->targets[0]->name, "x");
    assert_int_equal(s->value->kind, PY_E_NUMBER);
    assert_string_equal(s->value->text, "1");
    s = mod.body.stmts[1];
    assert_int_equal(s->ntargets, 3);
    assert_string_equal(dotted(s->targets[2]), "c.d");
    assert_int_equal(s->value->kind, PY_E_CALL);
    s = mod.body.stmts[2];
    assert_int_equal(s->targets[0]->kind, PY_E_TUPLE);
    assert_int_equal(s->targets[0]->nitems, 2);
    assert_int_equal(s->targets[0]->items[1]->kind, PY_E_STARRED);
    assert_int_equal(s->value->kind, PY_E_TUPLE);
    assert_int_equal(s->value->nitems, 3);
    s = mod.body.stmts[3];
    assert_int_equal(s->kind, PY_S_ANNASSIGN);
    assert_string_equal(s->annotation->name, "int");
    assert_null(s->value);
    s = mod.body.stmts[4];
    assert_int_equal(s->kind, PY_S_ANNASSIGN);
    assert_string_equal(dotted(s->targets[0]), "obj.name");
    assert_int_equal(s->annotation->kind, PY_E_SUBSCRIPT);
    assert_string_equal(s->value->value->name, "mapped_column");
    s = mod.body.stmts[5];
    assert_int_equal(s->kind, PY_S_AUGASSIGN);
    assert_string_equal(s->op, "//");
    assert_string_equal(mod.body.stmts[6]->op, "**");
    assert_int_equal(mod.body.stmts[7]->value->kind, PY_E_OTHER);
}

static void test_class(void **state)
{
    (void)state;
    const char *src =
        "@dec\n@dec2(1)\nclass User(Base, sa.Model, metaclass=Meta, table=True, **kw):\n"
        "    '''Doc.'''\n    id = Column(Integer)\n";
    parse_ok(src);
    assert_int_equal(mod.body.nstmts, 1);
    py_stmt *s = mod.body.stmts[0];
    assert_int_equal(s->kind, PY_S_CLASS);
    assert_string_equal(s->name, "User");
    assert_int_equal(s->start, strstr(src, "class") - src);
    assert_int_equal(s->end, strlen(src) - 1);
    assert_int_equal(s->name_start, strstr(src, "User") - src);
    assert_int_equal(s->name_end, s->name_start + 4);
    assert_int_equal(s->ndecorators, 2);
    assert_int_equal(s->decorators[1]->kind, PY_E_CALL);
    assert_int_equal(s->nargs, 5);
    assert_null(s->args[0].name);
    assert_string_equal(dotted(s->args[1].value), "sa.Model");
    assert_string_equal(s->args[2].name, "metaclass");
    assert_string_equal(s->args[3].name, "table");
    assert_int_equal(s->args[3].value->kind, PY_E_CONST);
    assert_string_equal(s->args[3].value->name, "True");
    assert_true(s->args[4].double_star);
    assert_int_equal(s->nblocks, 1);
    assert_int_equal(s->blocks[0].nstmts, 2);
    assert_int_equal(s->blocks[0].stmts[0]->value->kind, PY_E_STRING);
    /* No bases, and a one-line body. */
    parse_ok("class A: pass\nclass B(): x = 1; y = 2\n");
    assert_int_equal(mod.body.stmts[0]->nargs, 0);
    assert_int_equal(mod.body.stmts[1]->blocks[0].nstmts, 2);
}

static void test_def(void **state)
{
    (void)state;
    const char *src =
        "@property\n"
        "def f(self, a: int = 1, /, b=[1, 2], *args: str, c, d: 'X' = None, **kw) -> R:\n"
        "    return a\n"
        "async def g(*, key): await x\n"
        "def h(): return\n";
    parse_ok(src);
    py_stmt *s = mod.body.stmts[0];
    assert_int_equal(s->start, strstr(src, "def f") - src);
    assert_int_equal(s->kind, PY_S_DEF);
    assert_string_equal(s->name, "f");
    assert_false(s->is_async);
    assert_int_equal(s->ndecorators, 1);
    const char *want[] = {"self", "a", "b", "args", "c", "d", "kw"};
    assert_int_equal(s->nparams, 7);
    for (size_t i = 0; i < 7; i++)
        assert_string_equal(s->params[i], want[i]);
    assert_int_equal(s->blocks[0].stmts[0]->kind, PY_S_RETURN);
    assert_string_equal(s->blocks[0].stmts[0]->value->name, "a");
    s = mod.body.stmts[1];
    assert_true(s->is_async);
    assert_int_equal(s->start, strstr(src, "async def") - src);
    assert_int_equal(s->name_start, strstr(src, "g(") - src);
    assert_int_equal(s->nparams, 1);
    assert_string_equal(s->params[0], "key");
    assert_int_equal(s->blocks[0].stmts[0]->value->kind, PY_E_OTHER);
    assert_null(mod.body.stmts[2]->blocks[0].stmts[0]->value);
}

static void test_precedence(void **state)
{
    (void)state;
    py_expr *e = expr("a + b * c\n");
    assert_int_equal(e->kind, PY_E_BINOP);
    assert_string_equal(e->name, "+");
    assert_string_equal(e->right->name, "*");
    e = expr("a - b - c\n"); /* left associative */
    assert_string_equal(e->left->name, "-");
    assert_string_equal(e->right->name, "c");
    e = expr("2 ** 3 ** 2\n"); /* right associative */
    assert_string_equal(e->right->name, "**");
    e = expr("-a ** b\n");
    assert_int_equal(e->kind, PY_E_UNARY);
    assert_string_equal(e->name, "-");
    assert_string_equal(e->value->name, "**");
    e = expr("a | b ^ c & d << e + f // g @ h\n");
    assert_string_equal(e->name, "|");
    assert_string_equal(e->right->name, "^");
    assert_string_equal(e->right->right->name, "&");
    assert_string_equal(e->right->right->right->name, "<<");
    assert_string_equal(e->right->right->right->right->name, "+");
    assert_string_equal(e->right->right->right->right->right->name, "@");
    assert_string_equal(e->right->right->right->right->right->left->name, "//");
    e = expr("not a == b\n");
    assert_int_equal(e->kind, PY_E_UNARY);
    assert_string_equal(e->name, "not");
    assert_int_equal(e->value->kind, PY_E_COMPARE);
    e = expr("a or b and c\n");
    assert_int_equal(e->kind, PY_E_BOOLOP);
    assert_string_equal(e->name, "or");
    assert_string_equal(e->right->name, "and");
    e = expr("a < b <= c\n"); /* a chain nests to the left */
    assert_int_equal(e->kind, PY_E_COMPARE);
    assert_string_equal(e->name, "<=");
    assert_string_equal(e->left->name, "<");
    e = expr("a is not b\n");
    assert_string_equal(e->name, "is not");
    e = expr("a not in b\n");
    assert_string_equal(e->name, "not in");
    e = expr("~a\n");
    assert_string_equal(e->name, "~");
    e = expr("a if b else c\n");
    assert_int_equal(e->kind, PY_E_OTHER);
    e = expr("lambda x, *y, z=1, **w: x.y\n");
    assert_int_equal(e->kind, PY_E_LAMBDA);
    assert_string_equal(dotted(e->value), "x.y");
    e = expr("await f()\n");
    assert_int_equal(e->kind, PY_E_OTHER);
}

static void test_primaries(void **state)
{
    (void)state;
    const char *src = "sa.orm.relationship('User', *a, back_populates='x', **kw)\n";
    py_expr *e = expr(src);
    assert_int_equal(e->kind, PY_E_CALL);
    assert_int_equal(e->start, 0);
    assert_int_equal(e->end, strlen(src) - 1);
    assert_string_equal(dotted(e->value), "sa.orm.relationship");
    assert_int_equal(e->nargs, 4);
    assert_int_equal(e->args[0].value->kind, PY_E_STRING);
    assert_string_equal(e->args[0].value->text, "User");
    assert_true(e->args[1].star);
    assert_string_equal(e->args[2].name, "back_populates");
    assert_true(e->args[3].double_star);
    assert_null(py_dotted_name(arena, e));
    e = expr("f(x for x in y)\n");
    assert_int_equal(e->nargs, 1);
    assert_int_equal(e->args[0].value->kind, PY_E_OTHER);
    e = expr("a[x, y]\n");
    assert_int_equal(e->kind, PY_E_SUBSCRIPT);
    assert_int_equal(e->nitems, 2);
    e = expr("a[1:2, ::3, ...]\n");
    assert_int_equal(e->nitems, 3);
    assert_int_equal(e->items[0]->kind, PY_E_OTHER);
    assert_int_equal(e->items[2]->kind, PY_E_CONST);
    assert_string_equal(e->items[2]->name, "...");
    e = expr("Mapped[Optional[List['User']]]\n");
    assert_int_equal(e->items[0]->kind, PY_E_SUBSCRIPT);
    assert_string_equal(e->items[0]->value->name, "Optional");
    e = expr("f(a)(b).c[d]\n");
    assert_int_equal(e->kind, PY_E_SUBSCRIPT);
    assert_int_equal(e->value->kind, PY_E_ATTR);
    assert_int_equal(e->value->value->kind, PY_E_CALL);
    assert_int_equal(e->value->value->value->kind, PY_E_CALL);
    e = expr("(f)(x)\n"); /* the call starts at the parenthesis */
    assert_int_equal(e->start, 0);
    assert_int_equal(e->value->start, 1);
}

static void test_atoms(void **state)
{
    (void)state;
    py_expr *e = expr("[1, *a, 'x']\n");
    assert_int_equal(e->kind, PY_E_LIST);
    assert_int_equal(e->nitems, 3);
    assert_int_equal(e->items[1]->kind, PY_E_STARRED);
    e = expr("(1,)\n");
    assert_int_equal(e->kind, PY_E_TUPLE);
    assert_int_equal(e->nitems, 1);
    assert_int_equal(e->start, 0);
    assert_int_equal(e->end, 4);
    e = expr("()\n");
    assert_int_equal(e->kind, PY_E_TUPLE);
    assert_int_equal(e->nitems, 0);
    e = expr("(a)\n"); /* a group keeps the inner expression */
    assert_int_equal(e->kind, PY_E_NAME);
    e = expr("{1, 2}\n");
    assert_int_equal(e->kind, PY_E_SET);
    e = expr("{'a': 1, **b, 'c': 2}\n");
    assert_int_equal(e->kind, PY_E_DICT);
    assert_int_equal(e->nitems, 6);
    assert_null(e->items[2]);
    assert_string_equal(e->items[3]->name, "b");
    e = expr("{}\n");
    assert_int_equal(e->kind, PY_E_DICT);
    assert_int_equal(e->nitems, 0);
    const char *others[] = {"[x for x in y]\n",      "{x for x in y}\n", "{k: v for k, v in d}\n",
                            "(x for x in y if x)\n", "(y := 1)\n",       "x if y else z\n",
                            "[x async for x in y]\n"};
    for (size_t i = 0; i < sizeof others / sizeof *others; i++)
        assert_int_equal(expr(others[i])->kind, PY_E_OTHER);
    e = expr("True, False, None, ..., 0x_ff, 1.5e-3j\n");
    assert_int_equal(e->kind, PY_E_TUPLE);
    assert_string_equal(e->items[0]->name, "True");
    assert_string_equal(e->items[2]->name, "None");
    assert_string_equal(e->items[3]->name, "...");
    assert_int_equal(e->items[4]->kind, PY_E_NUMBER);
    assert_string_equal(e->items[4]->text, "0x_ff");
    assert_string_equal(e->items[5]->text, "1.5e-3j");
}

static void test_strings(void **state)
{
    (void)state;
    py_expr *e = expr("'a' \"b\" '''c'''\n");
    assert_int_equal(e->kind, PY_E_STRING);
    assert_string_equal(e->text, "abc");
    assert_int_equal(e->start, 0);
    assert_int_equal(e->end, 15);
    e = expr("'\\n\\t\\\\\\'\\\"\\x41\\u00e9\\U0001F600\\101\\7\\N{BULLET}\\q'\n");
    assert_string_equal(e->text, "\n\t\\'\"A\xc3\xa9\xf0\x9f\x98\x80"
                                 "A\a\\N{BULLET}\\q");
    e = expr("'a\\x00b'\n");
    assert_int_equal(e->text_len, 3);
    assert_memory_equal(e->text, "a\0b", 3);
    e = expr("'line\\\ncontinued'\n");
    assert_string_equal(e->text, "linecontinued");
    e = expr("r'\\d+\\n' R'\\'' \n");
    assert_string_equal(e->text, "\\d+\\n\\'");
    e = expr("b'\\xff\\u1234' B'z'\n");
    assert_true(e->is_bytes);
    assert_int_equal(e->text_len, 8);
    assert_memory_equal(e->text, "\xff\\u1234z", 8);
    e = expr("f'{a!r:>{w}} \\n' 'x{y}'\n");
    assert_true(e->is_fstring);
    assert_string_equal(e->text, "{a!r:>{w}} \\nx{{y}}");
    e = expr("u'\xc3\xbc'\n");
    assert_string_equal(e->text, "\xc3\xbc");
    e = expr("'''multi\nline'''\n");
    assert_string_equal(e->text, "multi\nline");
    /* Errors in escapes and mixing are reported, the statement kept. */
    parse("x = '\\x4' + b'a' 'b'\n");
    assert_int_equal(mod.nerrors, 2);
    assert_string_equal(mod.errors[0].message, "truncated \\xhh escape");
    assert_int_equal(mod.errors[0].start, 5);
    assert_string_equal(mod.errors[1].message, "cannot mix bytes and nonbytes literals");
    assert_int_equal(mod.body.nstmts, 1);
}

static void test_compound(void **state)
{
    (void)state;
    parse_ok("if a:\n    x = 1\nelif b:\n    x = 2\nelif c: x = 3\nelse:\n    x = 4\n");
    py_stmt *s = mod.body.stmts[0];
    assert_int_equal(s->kind, PY_S_IF);
    assert_string_equal(s->value->name, "a");
    assert_int_equal(s->nblocks, 2);
    py_stmt *elif = s->blocks[1].stmts[0];
    assert_int_equal(s->blocks[1].nstmts, 1);
    assert_int_equal(elif->kind, PY_S_IF);
    assert_string_equal(elif->value->name, "b");
    py_stmt *elif2 = elif->blocks[1].stmts[0];
    assert_string_equal(elif2->value->name, "c");
    assert_int_equal(elif2->nblocks, 2);
    assert_int_equal(elif2->blocks[1].stmts[0]->kind, PY_S_ASSIGN);
    assert_int_equal(s->end, elif2->end);

    parse_ok("try:\n    a()\nexcept (A, B) as e:\n    pass\nexcept C:\n    pass\n"
             "else:\n    ok = 1\nfinally:\n    done()\n"
             "try:\n    pass\nexcept* E:\n    pass\n");
    s = mod.body.stmts[0];
    assert_int_equal(s->kind, PY_S_TRY);
    assert_int_equal(s->nblocks, 5);
    assert_int_equal(mod.body.stmts[1]->nblocks, 2);

    parse_ok("with open(a) as f, lock:\n    pass\n"
             "with (open(a) as f,\n      open(b) as g,):\n    pass\n"
             "with (a, b):\n    pass\n"
             "async def f():\n    async with x as y:\n        pass\n");
    s = mod.body.stmts[0];
    assert_int_equal(s->kind, PY_S_WITH);
    assert_int_equal(s->value->kind, PY_E_CALL);
    assert_string_equal(mod.body.stmts[1]->value->value->name, "open");
    assert_int_equal(mod.body.stmts[2]->value->kind, PY_E_NAME);
    assert_true(mod.body.stmts[3]->blocks[0].stmts[0]->is_async);

    parse_ok("for i, (j, k) in enumerate(x):\n    pass\nelse:\n    pass\n"
             "while n:\n    n -= 1\nelse:\n    pass\n"
             "async def f():\n    async for a in b:\n        pass\n");
    s = mod.body.stmts[0];
    assert_int_equal(s->kind, PY_S_FOR);
    assert_int_equal(s->value->kind, PY_E_CALL);
    assert_int_equal(s->nblocks, 2);
    assert_int_equal(mod.body.stmts[1]->kind, PY_S_WHILE);
    assert_int_equal(mod.body.stmts[1]->nblocks, 2);
}

static void test_match(void **state)
{
    (void)state;
    parse_ok("match command.split():\n"
             "    case [action]:\n        pass\n"
             "    case [a, *rest] if rest:\n        pass\n"
             "    case Point(x=0, y=0) | Point(1, 2) as p:\n        pass\n"
             "    case {'k': 1, **kw}:\n        pass\n"
             "    case -1 | 1.5 | 2+3j | 'a' 'b' | None | a.b.c:\n        pass\n"
             "    case a, b:\n        pass\n"
             "    case _:\n        pass\n");
    py_stmt *s = mod.body.stmts[0];
    assert_int_equal(s->kind, PY_S_MATCH);
    assert_int_equal(s->nblocks, 7);
    assert_int_equal(s->value->kind, PY_E_CALL);
    /* `match` as a name. */
    parse_ok("match = 1\nmatch(x)\nmatch[0] = 2\nmatch.a = 3\nprint(match)\nmatch -x\n"
             "case = 1\ntype = 2\n");
    assert_int_equal(mod.body.nstmts, 8);
    assert_int_equal(mod.body.stmts[0]->kind, PY_S_ASSIGN);
    assert_int_equal(mod.body.stmts[1]->kind, PY_S_EXPR);
    assert_int_equal(mod.body.stmts[1]->value->kind, PY_E_CALL);
    assert_int_equal(mod.body.stmts[5]->value->kind, PY_E_BINOP);
    assert_int_equal(mod.body.stmts[7]->kind, PY_S_ASSIGN);
    /* A subject in parentheses, and a bad case that costs only itself. */
    parse("match (x):\n    case 1 +:\n        pass\n    case 2:\n        y = 1\n");
    assert_int_equal(mod.nerrors, 1);
    assert_int_equal(mod.body.nstmts, 1);
    assert_int_equal(mod.body.stmts[0]->nblocks, 1);
}

static void test_other_statements(void **state)
{
    (void)state;
    parse_ok("pass\nbreak\ncontinue\ndel a, b[0]\nglobal g, h\nnonlocal n\n"
             "raise\nraise E('x') from None\nassert a, 'm'\ntype X = int\n"
             "type Pair[T] = tuple[T, T]\nreturn\nreturn 1, 2\nyield x\n");
    for (size_t i = 0; i < 11; i++)
        assert_int_equal(mod.body.stmts[i]->kind, PY_S_OTHER);
    assert_int_equal(mod.body.stmts[11]->kind, PY_S_RETURN);
    assert_int_equal(mod.body.stmts[12]->value->kind, PY_E_TUPLE);
    assert_int_equal(mod.body.stmts[13]->kind, PY_S_EXPR);
    /* Semicolons, and one-line compound bodies. */
    parse_ok("a = 1; b = 2;\nif x: y = 1; z = 2\nfor i in x: pass\n");
    assert_int_equal(mod.body.nstmts, 4);
    assert_int_equal(mod.body.stmts[2]->blocks[0].nstmts, 2);
}

/* The error messages of src, joined with '|', with their line:col. */
static const char *errors_of(const char *src)
{
    static char out[2048];
    size_t n = 0;
    parse(src);
    out[0] = '\0';
    for (size_t i = 0; i < mod.nerrors && n < sizeof out - 200; i++) {
        unsigned line = 1, col = 1;
        for (uint32_t k = 0; k < mod.errors[i].start; k++) {
            col++;
            if (src[k] == '\n') {
                line++;
                col = 1;
            }
        }
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%u:%u %s", i ? "|" : "", line, col,
                              mod.errors[i].message);
    }
    return out;
}

static void test_errors_and_recovery(void **state)
{
    (void)state;
    /* A class header without ':': the class and its body are skipped, the
     * next statement is read. */
    assert_string_equal(errors_of("class A\n    x = 1\ny = 2\n"),
                        "1:8 expected ':' after class name");
    assert_int_equal(mod.body.nstmts, 1);
    assert_string_equal(mod.body.stmts[0]->targets[0]->name, "y");
    assert_string_equal(errors_of("class A(B)\n    pass\n"),
                        "1:11 expected ':' after the class bases");
    assert_string_equal(errors_of("x = 1\n    y = 2\nz = 3\n"), "2:1 unexpected indent");
    assert_int_equal(mod.body.nstmts, 2);
    assert_string_equal(errors_of("if x:\ny = 1\n"), "2:1 expected an indented block");
    assert_string_equal(errors_of("x = 'abc\ny = 1\n"), "1:5 unterminated string");
    assert_int_equal(mod.body.nstmts, 1);
    assert_string_equal(errors_of("f(1, 2\n"), "1:2 '(' was never closed");
    assert_string_equal(errors_of("x = = 1\n"), "1:5 expected an expression");
    assert_string_equal(errors_of("def f(1):\n    pass\nx = 1\n"), "1:7 expected a parameter name");
    assert_int_equal(mod.body.nstmts, 1);
    assert_string_equal(errors_of("f() = 1\n"), "1:1 cannot assign to expression");
    assert_string_equal(errors_of("a, b: int\n"),
                        "1:1 only a single name, attribute or subscript can be annotated");
    assert_string_equal(errors_of("x = 1 2\n"),
                        "1:7 invalid syntax: expected the end of the statement");
    assert_string_equal(errors_of("import\n"), "1:7 expected a module name");
    assert_string_equal(errors_of("from x imp y\n"), "1:8 expected 'import'");
    assert_string_equal(errors_of("@dec\nx = 1\n"),
                        "2:1 expected 'class' or 'def' after the decorators");
    assert_string_equal(errors_of("try:\n    pass\nx = 1\n"),
                        "3:1 expected 'except' or 'finally' block");
    assert_string_equal(errors_of("x = a if b\n"), "1:11 expected 'else' after 'if' expression");
    assert_string_equal(errors_of("x = 1 $ 2\n"), "1:7 invalid character");
    /* An error inside a block costs one statement of that block. */
    errors_of("class A:\n    x = = 1\n    y = 2\n    def f(self):\n        return )\n"
              "    z = 3\nw = 4\n");
    assert_int_equal(mod.nerrors, 2);
    assert_int_equal(mod.body.nstmts, 2);
    py_stmt *cls = mod.body.stmts[0];
    assert_int_equal(cls->blocks[0].nstmts, 3); /* y, f, z */
    assert_string_equal(cls->blocks[0].stmts[2]->targets[0]->name, "z");
    /* Many errors, each reported, nothing hidden. */
    errors_of("a = (\nb = 1\n");
    assert_true(mod.nerrors >= 1);
    errors_of("x = )\ny = ]\nz = }\nw = 1\n");
    assert_int_equal(mod.nerrors, 3);
    assert_int_equal(mod.body.nstmts, 1);
    /* A bad dedent: the error, then the statement in the outer block. */
    errors_of("if a:\n    b = 1\n  c = 2\nd = 3\n");
    assert_int_equal(mod.nerrors, 1);
    assert_string_equal(mod.errors[0].message,
                        "unindent does not match any outer indentation level");
    assert_int_equal(mod.body.nstmts, 3);
}

/* n copies of `open`, then `middle`, then n copies of `close`. */
static char *nest(size_t n, const char *open, const char *middle, const char *close)
{
    size_t lo = strlen(open), lm = strlen(middle), lc = strlen(close);
    char *s = malloc(n * (lo + lc) + lm + 2);
    size_t k = 0;
    for (size_t i = 0; i < n; i++, k += lo)
        memcpy(s + k, open, lo);
    memcpy(s + k, middle, lm);
    k += lm;
    for (size_t i = 0; i < n; i++, k += lc)
        memcpy(s + k, close, lc);
    s[k++] = '\n';
    s[k] = '\0';
    return s;
}

static void test_depth_limit(void **state)
{
    (void)state;
    /* Balanced nesting is one error; 100,000 unclosed '(' are two (the
     * depth, and the bracket never closed). */
    struct {
        size_t n;
        const char *open, *middle, *close;
        size_t errors;
    } cases[] = {
        {100000, "(", "x", ")", 1},     {100000, "[", "x", "]", 1},
        {100000, "{", "x", "}", 1},     {100000, "f(", "x", ")", 1},
        {100000, "-", "x", "", 1},      {100000, "not ", "x", "", 1},
        {100000, "a[", "x", "]", 1},    {100000, "lambda: ", "x", "", 1},
        {100000, "await ", "x", "", 1}, {100000, "x if y else ", "z", "", 1},
        {100000, "2 ** ", "x", "", 1},  {100000, "(", "", "", 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *src = nest(cases[i].n, cases[i].open, cases[i].middle, cases[i].close);
        char *line = malloc(strlen(src) + 16);
        sprintf(line, "y = %s", src);
        parse(line);
        assert_true(mod.nerrors >= 1);
        assert_string_equal(mod.errors[0].message, "nesting too deep");
        assert_int_equal(mod.nerrors, cases[i].errors);
        free(line);
        free(src);
    }
    /* Just inside the limit: no error. */
    char *src = nest(PY_MAX_DEPTH - 10, "(", "x", ")");
    parse_ok(src);
    free(src);
    /* Blocks nested deeper than the limit: an error, no crash. */
    size_t cap = 400 * 420, k = 0;
    char *blocks = malloc(cap);
    for (int level = 0; level < 400; level++) {
        memset(blocks + k, ' ', (size_t)level);
        k += (size_t)level;
        memcpy(blocks + k, "if x:\n", 6);
        k += 6;
    }
    memset(blocks + k, ' ', 400);
    k += 400;
    memcpy(blocks + k, "pass\n", 6);
    parse(blocks);
    assert_true(mod.nerrors >= 1);
    free(blocks);
    /* Deep nested f-strings in the tokenizer. */
    src = nest(300, "f'{", "1", "}'");
    parse(src);
    assert_true(mod.nerrors >= 1);
    free(src);
}

static void test_bad_bytes(void **state)
{
    (void)state;
    static const char nul[] = "x = 1\ny = 'a\0b'\nz = 3\n";
    parse_n(nul, sizeof nul - 1);
    assert_int_equal(mod.nerrors, 1);
    assert_string_equal(mod.errors[0].message, "NUL byte in source");
    assert_int_equal(mod.errors[0].start, 12);
    assert_int_equal(mod.body.nstmts, 2);
    static const char utf8[] = "x = 1\n\xff\xfe = 2\nz = 'ok \xc3\xa9'\n";
    parse_n(utf8, sizeof utf8 - 1);
    assert_true(mod.nerrors >= 1);
    assert_string_equal(mod.errors[0].message, "invalid UTF-8");
    assert_int_equal(mod.errors[0].start, 6);
    assert_string_equal(mod.body.stmts[mod.body.nstmts - 1]->value->text, "ok \xc3\xa9");
}

static void test_comments(void **state)
{
    (void)state;
    parse_ok("x = 1  # relmap: ignore[FK001]\n# two\n");
    assert_int_equal(mod.body.nstmts, 1);
    /* A match statement scans its line twice, past the comment each time. */
    parse_ok("match x:  # once\n    case 1:\n        pass\n");
    assert_int_equal(mod.body.nstmts, 1);
}

/* Reads a testdata file (the caller frees it). */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static void test_testdata_files(void **state)
{
    (void)state;
    /* py312_only.py is syntax Python 3.11's ast (the oracle) cannot read. */
    const char *files[] = {"py312_only.py", "strings.py",     "layout.py",
                           "statements.py", "expressions.py", "models_like.py"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/python/%s", RELMAP_TESTDATA, files[i]);
        size_t len;
        char *text = read_file(path, &len);
        parse_n(text, len);
        if (mod.nerrors)
            fail_msg("%s: %s at %u", files[i], mod.errors[0].message,
                     (unsigned)mod.errors[0].start);
        assert_true(mod.body.nstmts > 0);
        free(text);
    }
}

/* Every node's span lies inside the text; children inside parents. */
static void check_expr(const py_expr *e, size_t len)
{
    if (!e)
        return;
    assert_true(e->start <= e->end && e->end <= len);
    check_expr(e->value, len);
    switch (e->kind) {
    case PY_E_BINOP:
    case PY_E_COMPARE:
    case PY_E_BOOLOP:
        check_expr(e->left, len);
        check_expr(e->right, len);
        break;
    case PY_E_LIST:
    case PY_E_TUPLE:
    case PY_E_SET:
    case PY_E_DICT:
    case PY_E_SUBSCRIPT:
        for (size_t i = 0; i < e->nitems; i++)
            check_expr(e->items[i], len);
        break;
    case PY_E_CALL:
        for (size_t i = 0; i < e->nargs; i++)
            check_expr(e->args[i].value, len);
        break;
    default:
        break;
    }
}

static void check_block(const py_block *b, size_t len)
{
    for (size_t i = 0; i < b->nstmts; i++) {
        const py_stmt *s = b->stmts[i];
        assert_true(s->start <= s->end && s->end <= len);
        check_expr(s->value, len);
        if (s->kind == PY_S_ASSIGN || s->kind == PY_S_ANNASSIGN || s->kind == PY_S_AUGASSIGN) {
            for (size_t k = 0; k < s->ntargets; k++)
                check_expr(s->targets[k], len);
            check_expr(s->annotation, len);
        }
        if (s->kind == PY_S_CLASS || s->kind == PY_S_DEF) {
            assert_true(s->name_start <= s->name_end && s->name_end <= len);
            for (size_t k = 0; k < s->ndecorators; k++)
                check_expr(s->decorators[k], len);
            for (size_t k = 0; k < s->nargs; k++)
                check_expr(s->args[k].value, len);
        }
        for (size_t k = 0; k < s->nblocks; k++)
            check_block(&s->blocks[k], len);
    }
}

static void test_random_inputs(void **state)
{
    (void)state;
    static const char *seeds[] = {
        "class A(B, table=True):\n    x: Mapped[int] = mapped_column(f'{a[\"b\"]}')\n"
        "    @dec\n    def f(self, *a, k=1, **kw) -> T:\n        return [i for i in a if i]\n",
        "match x:\n    case [1, *r] | {'a': b}:\n        pass\nif a:\n\tb = (1,\n 2)\nelse: c\n",
        "from ..m import (a as b, c)\ntry:\n    x = lambda: y if z else w\nexcept* E as e:\n"
        "    pass\nwith (a as b, c):\n    x @= y; del z\n",
    };
    char buf[512];
    unsigned seed = 99;
    for (int iter = 0; iter < 5000; iter++) {
        size_t len;
        if (iter % 3) {
            const char *s = seeds[iter % 3];
            len = strlen(s);
            memcpy(buf, s, len);
            int edits = 1 + iter % 6;
            for (int k = 0; k < edits; k++) {
                seed = seed * 1103515245u + 12345u;
                size_t at = (seed >> 8) % len;
                seed = seed * 1103515245u + 12345u;
                switch (seed % 4) {
                case 0: /* a random byte */
                    buf[at] = (char)(seed >> 16);
                    break;
                case 1: /* a byte from elsewhere in the text */
                    buf[at] = buf[(seed >> 12) % len];
                    break;
                case 2: /* cut the text short */
                    len = at;
                    break;
                default: /* a keyword or bracket */
                    buf[at] = "([{:)]}'\"\n\t\\#"[(seed >> 16) % 14];
                    break;
                }
                if (len == 0)
                    break;
            }
        } else {
            seed = seed * 1103515245u + 12345u;
            len = (seed >> 16) % sizeof buf;
            for (size_t k = 0; k < len; k++) {
                seed = seed * 1103515245u + 12345u;
                buf[k] = (char)(seed >> 16);
            }
        }
        parse_n(buf, len);
        check_block(&mod.body, len);
        for (size_t k = 0; k < mod.nerrors; k++)
            assert_true(mod.errors[k].start <= mod.errors[k].end && mod.errors[k].end <= len);
        if (iter % 500 == 499) {
            /* Keep the arena small over the loop. */
            rm_arena_free(arena);
            arena = rm_arena_new();
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_imports, setup, teardown),
        cmocka_unit_test_setup_teardown(test_assignments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_class, setup, teardown),
        cmocka_unit_test_setup_teardown(test_def, setup, teardown),
        cmocka_unit_test_setup_teardown(test_precedence, setup, teardown),
        cmocka_unit_test_setup_teardown(test_primaries, setup, teardown),
        cmocka_unit_test_setup_teardown(test_atoms, setup, teardown),
        cmocka_unit_test_setup_teardown(test_strings, setup, teardown),
        cmocka_unit_test_setup_teardown(test_compound, setup, teardown),
        cmocka_unit_test_setup_teardown(test_match, setup, teardown),
        cmocka_unit_test_setup_teardown(test_other_statements, setup, teardown),
        cmocka_unit_test_setup_teardown(test_errors_and_recovery, setup, teardown),
        cmocka_unit_test_setup_teardown(test_depth_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_comments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_testdata_files, setup, teardown),
        cmocka_unit_test_setup_teardown(test_random_inputs, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
