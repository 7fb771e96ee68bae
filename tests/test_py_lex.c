/*
 * test_py_lex.c - the Python tokenizer (lib/py_lex.c): logical lines and
 * indentation, every literal form, operators, errors at their positions,
 * and inputs that must never crash or stall it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py_lex.h"

/*
 * The token stream of `len` bytes of `src` as text: each token as written,
 * NEWLINE as "NL", INDENT "IN", DEDENT "DE", an error as "ERR@<offset>",
 * strings and numbers as written; joined by single spaces, EOF excluded.
 */
static char *render_n(const char *src, size_t len)
{
    static char out[8192];
    py_lexer lx;
    py_lexer_init(&lx, src, len);
    size_t n = 0;
    out[0] = '\0';
    for (int guard = 0; guard < 2000; guard++) {
        py_token t = py_next(&lx);
        char piece[512];
        switch (t.kind) {
        case PY_TK_EOF:
            return out;
        case PY_TK_NEWLINE:
            snprintf(piece, sizeof piece, "NL");
            break;
        case PY_TK_INDENT:
            snprintf(piece, sizeof piece, "IN");
            break;
        case PY_TK_DEDENT:
            snprintf(piece, sizeof piece, "DE");
            break;
        case PY_TK_ERROR:
            snprintf(piece, sizeof piece, "ERR@%u", (unsigned)t.start);
            break;
        default:
            snprintf(piece, sizeof piece, "%.*s", (int)(t.end - t.start), src + t.start);
            break;
        }
        size_t k = strlen(piece);
        assert_true(n + k + 2 < sizeof out);
        if (n)
            out[n++] = ' ';
        memcpy(out + n, piece, k + 1);
        n += k;
    }
    fail_msg("the lexer did not reach EOF");
    return out;
}

static char *render(const char *src)
{
    return render_n(src, strlen(src));
}

/* The first error token of src (its message and start). */
static py_token first_error(const char *src, size_t len)
{
    py_lexer lx;
    py_lexer_init(&lx, src, len);
    for (int guard = 0; guard < 10000; guard++) {
        py_token t = py_next(&lx);
        if (t.kind == PY_TK_ERROR || t.kind == PY_TK_EOF)
            return t;
    }
    fail_msg("no EOF");
    return py_next(&lx);
}

static void test_logical_lines(void **state)
{
    (void)state;
    assert_string_equal(render("x = 1\n"), "x = 1 NL");
    assert_string_equal(render("x = 1"), "x = 1 NL"); /* no final newline */
    assert_string_equal(render(""), "");
    assert_string_equal(render("\n\n  \n# only a comment\n   # indented comment\n"), "");
    assert_string_equal(render("a\n\n\nb\n"), "a NL b NL");
    assert_string_equal(render("f(1,\n  2)\n"), "f ( 1 , 2 ) NL");
    assert_string_equal(render("x = [\n# c\n\n1]\n"), "x = [ 1 ] NL");
    assert_string_equal(render("x = 1 + \\\n  2\n"), "x = 1 + 2 NL");
    assert_string_equal(render("a; b\n"), "a ; b NL");
    assert_string_equal(render("a\r\nb\rc\n"), "a NL b NL c NL");
    assert_string_equal(render("x = {'a':\n 1}  # done\n"), "x = { 'a' : 1 } NL");
}

static void test_indentation(void **state)
{
    (void)state;
    assert_string_equal(render("if x:\n    y\nz\n"), "if x : NL IN y NL DE z NL");
    assert_string_equal(render("if a:\n  if b:\n    c\nd\n"),
                        "if a : NL IN if b : NL IN c NL DE DE d NL");
    /* Dedents owed at the end of the text. */
    assert_string_equal(render("if a:\n  if b:\n    c"), "if a : NL IN if b : NL IN c NL DE DE");
    /* Blank and comment lines at any indentation do not count. */
    assert_string_equal(render("if a:\n    b\n\n  # c\n        \n    d\n"),
                        "if a : NL IN b NL d NL DE");
    /* Tabs: one tab is eight columns, and consistent use is fine. */
    assert_string_equal(render("if a:\n\tb\n\tif c:\n\t\td\n"),
                        "if a : NL IN b NL if c : NL IN d NL DE DE");
    /* A dedent to a level that was never opened. */
    assert_string_equal(render("if a:\n    b\n  c\n"), "if a : NL IN b NL DE ERR@14 c NL");
    /* Eight spaces and one tab are the same column but not the same
     * indentation when a tab counts as one: CPython's TabError. */
    py_token t = first_error("if a:\n        b\n\tc\n", 18);
    assert_int_equal(t.kind, PY_TK_ERROR);
    assert_string_equal(t.msg, "inconsistent use of tabs and spaces in indentation");
    assert_int_equal(t.start, 17);
    /* A form feed resets the column. */
    assert_string_equal(render("a\n \fb\n"), "a NL b NL");
    assert_string_equal(render("a\n\f b\n"), "a NL IN b NL DE");
}

static void test_too_many_levels(void **state)
{
    (void)state;
    /* 300 nested blocks: an error, and still EOF. */
    size_t cap = 300 * 320, n = 0;
    char *src = malloc(cap);
    for (int level = 0; level < 300; level++) {
        memset(src + n, ' ', (size_t)level);
        n += (size_t)level;
        memcpy(src + n, "if x:\n", 6);
        n += 6;
    }
    memset(src + n, ' ', 300);
    n += 300;
    memcpy(src + n, "pass\n", 5);
    n += 5;
    py_token t = first_error(src, n);
    assert_int_equal(t.kind, PY_TK_ERROR);
    assert_string_equal(t.msg, "too many levels of indentation");
    free(src);
}

static void test_string_prefixes(void **state)
{
    (void)state;
    const char *prefixes[] = {"",   "r",  "R",  "b",  "B",  "u",  "U",  "f",  "F",
                              "rb", "rB", "Rb", "RB", "br", "bR", "Br", "BR", "fr",
                              "fR", "Fr", "FR", "rf", "rF", "Rf", "RF"};
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
        char src[64], want[64];
        snprintf(src, sizeof src, "%s'x' %s\"y\" %s'''z''' %s\"\"\"w\"\"\"\n", prefixes[i],
                 prefixes[i], prefixes[i], prefixes[i]);
        snprintf(want, sizeof want, "%s'x' %s\"y\" %s'''z''' %s\"\"\"w\"\"\" NL", prefixes[i],
                 prefixes[i], prefixes[i], prefixes[i]);
        assert_string_equal(render(src), want);
    }
    /* Not prefixes: a name, then a string. */
    assert_string_equal(render("ub'x' bf'y' rr'z'\n"), "ub 'x' bf 'y' rr 'z' NL");
    /* t-strings (3.14) are not supported: a name and a string. */
    assert_string_equal(render("t'x'\n"), "t 'x' NL");
}

static void test_strings(void **state)
{
    (void)state;
    assert_string_equal(render("'it\\'s' \"say \\\"hi\\\"\"\n"), "'it\\'s' \"say \\\"hi\\\"\" NL");
    assert_string_equal(render("'''a\n'b'\n\"c\"\n''' x\n"), "'''a\n'b'\n\"c\"\n''' x NL");
    assert_string_equal(render("'a\\\nb'\n"), "'a\\\nb' NL"); /* continued inside */
    assert_string_equal(render("r'\\'' r'\\\\'\n"), "r'\\'' r'\\\\' NL");
    assert_string_equal(render("'''''' \"\"\"\"\"\" '' \"\"\n"), "'''''' \"\"\"\"\"\" '' \"\" NL");
    assert_string_equal(render("x = 'ünïcödé €'\n"), "x = 'ünïcödé €' NL");
}

static void test_fstrings(void **state)
{
    (void)state;
    const char *one[] = {
        "f'{x}'",
        "f'{x!r:>10}'",
        "f'{x:>{width}.{prec}}'",
        "f'{{literal}} {x} }}'",
        "f'{x=}'",
        "f'{\"nested\"}'",
        "f\"{x['key']}\"",
        "f\"{x[\"key\"]}\"",        /* 3.12: the same quote inside */
        "f\"{f\"{f\"{1}\"}\"}\"",   /* 3.12: nested f-strings */
        "f'{a:{b:{c}}}'",           /* nested specs */
        "f'{ {\"a\": 1}[\"a\"] }'", /* a dict inside */
        "f'{(lambda: 1)()}'",       /* a lambda in parentheses */
        "f'{x!=y}'",                /* != is an operator */
        "f'''{\n  x  # comment\n}'''",
        "f\"{'\\n'.join(x)}\"", /* 3.12: a backslash in a field */
        "f'\\N{BULLET} {x}'",   /* \N{...} is no field */
        "rf'\\{x}'",
        "f'{x:%Y-%m-%d}'",
    };
    for (size_t i = 0; i < sizeof one / sizeof *one; i++) {
        char want[256];
        snprintf(want, sizeof want, "%s NL", one[i]);
        assert_string_equal(render(one[i]), want);
    }
    /* Errors: a lone '}', a field that never closes. */
    py_token t = first_error("f'a } b'\n", 9);
    assert_string_equal(t.msg, "f-string: single '}' is not allowed");
    assert_int_equal(t.start, 4);
    t = first_error("x = f'{a'\ny = 1\n", 16);
    assert_int_equal(t.kind, PY_TK_ERROR);
}

static void test_numbers(void **state)
{
    (void)state;
    assert_string_equal(render("0 1 1_000 0x_FF 0XaB 0o17 0O_7 0b101 0B1_0 00 0_0\n"),
                        "0 1 1_000 0x_FF 0XaB 0o17 0O_7 0b101 0B1_0 00 0_0 NL");
    assert_string_equal(render("1. .5 1.5 1e10 1E+5 1e-5 1_0.0_1e+1_0 3j 1.5J .5j 1e5j\n"),
                        "1. .5 1.5 1e10 1E+5 1e-5 1_0.0_1e+1_0 3j 1.5J .5j 1e5j NL");
    assert_string_equal(render("1 .real 1.0.imag 1if x else 2\n"),
                        "1 . real 1.0 . imag 1 if x else 2 NL");
    const char *bad[] = {"1_\n", "1__0\n", "0x\n", "0b2\n", "0o8\n", "012\n", "1abc\n", "0x1g\n"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        py_token t = first_error(bad[i], strlen(bad[i]));
        assert_int_equal(t.kind, PY_TK_ERROR);
        assert_int_equal(t.start, 0);
    }
}

static void test_operators(void **state)
{
    (void)state;
    const char *ops = "+ - * / // % ** @ << >> & | ^ ~ := < > <= >= == != ( ) [ ] { } , : ; . "
                      "... = -> += -= *= /= //= %= @= &= |= ^= >>= <<= **=";
    char src[512], want[512];
    snprintf(src, sizeof src, "%s\n", ops);
    snprintf(want, sizeof want, "%s NL", ops);
    assert_string_equal(render(src), want);
    /* Longest match, without spaces. */
    assert_string_equal(render("a**=b//=c->d:=e...f\n"), "a **= b //= c -> d := e ... f NL");
    assert_string_equal(render("@decorator\ndef f(): pass\n"),
                        "@ decorator NL def f ( ) : pass NL");
}

static void test_keywords(void **state)
{
    (void)state;
    py_lexer lx;
    const char *src = "async await match case type _ def None lambda nonlocal xyz";
    py_kw want[] = {PY_KW_ASYNC,  PY_KW_AWAIT,    PY_KW_NONE_, PY_KW_NONE_,
                    PY_KW_NONE_,  PY_KW_NONE_,    PY_KW_DEF,   PY_KW_NONE,
                    PY_KW_LAMBDA, PY_KW_NONLOCAL, PY_KW_NONE_};
    py_lexer_init(&lx, src, strlen(src));
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        py_token t = py_next(&lx);
        assert_int_equal(t.kind, PY_TK_NAME);
        assert_int_equal(t.kw, want[i]);
    }
    for (int k = 1; k < PY_KW_COUNT; k++) {
        const char *name = py_keyword_name((py_kw)k);
        assert_int_equal(py_keyword(name, strlen(name)), k);
    }
    assert_int_equal(py_keyword("none", 4), PY_KW_NONE_);
    assert_int_equal(py_keyword("iff", 3), PY_KW_NONE_);
    assert_int_equal(py_keyword("i", 1), PY_KW_NONE_);
}

static void test_comments(void **state)
{
    (void)state;
    /* A comment makes no token, and a comment-only line no NEWLINE or
     * INDENT, wherever it stands. */
    assert_string_equal(
        render("# first\nx = 1  # relmap: ignore[FK001]\n  # indented\ny = (1, # in\n 2)\n"),
        "x = 1 NL y = ( 1 , 2 ) NL");
}

static void test_errors(void **state)
{
    (void)state;
    py_token t = first_error("x = 'abc\ny = 2\n", 15);
    assert_string_equal(t.msg, "unterminated string");
    assert_int_equal(t.start, 4);
    /* The line after an unterminated string is read as usual. */
    assert_string_equal(render("x = 'abc\ny = 2\n"), "x = ERR@4 NL y = 2 NL");
    t = first_error("x = '''abc\n\ny = 2\n", 18);
    assert_string_equal(t.msg, "unterminated triple-quoted string");
    assert_int_equal(t.start, 4);
    t = first_error("foo(1,\n  2\n", 11);
    assert_string_equal(t.msg, "'(' was never closed");
    assert_int_equal(t.start, 3);
    t = first_error("x = [1, {2: (3\n", 15);
    assert_string_equal(t.msg, "'(' was never closed");
    assert_int_equal(t.start, 12);
    t = first_error("x = 1)\n", 7);
    assert_string_equal(t.msg, "unmatched ')'");
    assert_int_equal(t.start, 5);
    t = first_error("x = (1]\n", 8);
    assert_int_equal(t.start, 6);
    t = first_error("x = 1 \\ y\n", 10);
    assert_string_equal(t.msg, "unexpected character after line continuation character");
    assert_int_equal(t.start, 6);
    t = first_error("x = $y\n", 7);
    assert_string_equal(t.msg, "invalid character");
    assert_int_equal(t.start, 4);
    t = first_error("x = a ! b\n", 10);
    assert_int_equal(t.start, 6);
    t = first_error("x = b'\xc3\xa9'\n", 10);
    assert_string_equal(t.msg, "bytes can only contain ASCII literal characters");
    assert_int_equal(t.start, 6);
}

static void test_nul_and_utf8(void **state)
{
    (void)state;
    static const char nul_code[] = "x = 1\0 + 2\n";
    py_token t = first_error(nul_code, sizeof nul_code - 1);
    assert_string_equal(t.msg, "NUL byte in source");
    assert_int_equal(t.start, 5);
    static const char nul_string[] = "x = 'a\0b'\ny = 1\n";
    t = first_error(nul_string, sizeof nul_string - 1);
    assert_string_equal(t.msg, "NUL byte in source");
    assert_int_equal(t.start, 6);
    /* After the bad string, the next line is tokenized. */
    assert_string_equal(render_n(nul_string, sizeof nul_string - 1), "x = ERR@6 NL y = 1 NL");
    static const char nul_comment[] = "# a\0b\nx\n";
    t = first_error(nul_comment, sizeof nul_comment - 1);
    assert_int_equal(t.start, 3);
    static const char nul_docstring[] = "'''doc\0\n'''\nx = 1\n";
    assert_string_equal(render_n(nul_docstring, sizeof nul_docstring - 1), "ERR@6 NL x = 1 NL");

    /* Invalid UTF-8: a stray continuation byte, an overlong form, a
     * surrogate, a truncated sequence - in names, strings and comments. */
    const char *bad[] = {"x\x80 = 1\n",  "x = '\xc0\xaf'\n", "x = '\xed\xa0\x80'\n",
                         "# \xe2\x82\n", "x = 1 \xff\n",     "s = f'{\xfe}'\n"};
    const unsigned at[] = {1, 5, 5, 2, 6, 7};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        t = first_error(bad[i], strlen(bad[i]));
        assert_int_equal(t.kind, PY_TK_ERROR);
        assert_string_equal(t.msg, "invalid UTF-8");
        assert_int_equal(t.start, at[i]);
    }
    /* Valid UTF-8 in names: one NAME token. */
    assert_string_equal(render("café = naïve_名前\n"), "café = naïve_名前 NL");
}

static void test_string_form(void **state)
{
    (void)state;
    const char *src = "Rb'''x'''";
    py_lexer lx;
    py_lexer_init(&lx, src, strlen(src));
    py_token t = py_next(&lx);
    py_string_form f = py_string_form_of(src, &t);
    assert_true(f.raw && f.bytes && !f.fstring);
    assert_int_equal(f.body_start, 5);
    assert_int_equal(f.body_end, 6);
    src = "f''";
    py_lexer_init(&lx, src, strlen(src));
    t = py_next(&lx);
    f = py_string_form_of(src, &t);
    assert_true(f.fstring && !f.raw);
    assert_int_equal(f.body_start, 2);
    assert_int_equal(f.body_end, 2);
}

/* Random and mutated inputs: no crash, and EOF within a bounded number of
 * tokens (each token but the closing NEWLINE/DEDENTs consumes a byte). */
static void test_random_inputs(void **state)
{
    (void)state;
    static const char *seeds[] = {
        "class A(B):\n    x = f'{a[\"b\"]:>{w}}' + '''t'''\n\tif y: z = (1,\n 2)\n",
        "def f(a, *b, **c) -> int:\n    return 0x_1f + 1.5e-3j  # c\n",
        "x = [1, {2: 3}, (4, 5)]\\\n  + rb'\\x00'\n",
    };
    char buf[256];
    unsigned seed = 12345;
    for (int iter = 0; iter < 4000; iter++) {
        size_t len;
        if (iter % 2) {
            const char *s = seeds[iter % 3];
            len = strlen(s);
            memcpy(buf, s, len);
            for (int k = 0; k < 4; k++) {
                seed = seed * 1103515245u + 12345u;
                buf[(seed >> 8) % len] = (char)(seed >> 16);
            }
        } else {
            seed = seed * 1103515245u + 12345u;
            len = (seed >> 16) % sizeof buf;
            for (size_t k = 0; k < len; k++) {
                seed = seed * 1103515245u + 12345u;
                /* Mostly Python's punctuation and quotes, some high bytes. */
                static const char alphabet[] = "()[]{}'\"\\\n\t #:fbr=x1._\0";
                buf[k] = (seed >> 20) % 5 ? alphabet[(seed >> 8) % (sizeof alphabet - 1)]
                                          : (char)(seed >> 12);
            }
        }
        py_lexer lx;
        py_lexer_init(&lx, buf, len);
        size_t tokens = 0, limit = 2 * len + PY_LEX_MAX_LEVELS + 8;
        py_token t;
        do {
            t = py_next(&lx);
            assert_true(t.start <= t.end && t.end <= len);
            assert_true(++tokens <= limit);
        } while (t.kind != PY_TK_EOF);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_logical_lines),   cmocka_unit_test(test_indentation),
        cmocka_unit_test(test_too_many_levels), cmocka_unit_test(test_string_prefixes),
        cmocka_unit_test(test_strings),         cmocka_unit_test(test_fstrings),
        cmocka_unit_test(test_numbers),         cmocka_unit_test(test_operators),
        cmocka_unit_test(test_keywords),        cmocka_unit_test(test_comments),
        cmocka_unit_test(test_errors),          cmocka_unit_test(test_nul_and_utf8),
        cmocka_unit_test(test_string_form),     cmocka_unit_test(test_random_inputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
