/*
 * test_ddl_lex.c - the SQL tokenizer (lib/ddl_lex.c): every token kind,
 * keywords and their fallback to names, dequoting, and inputs that must
 * never crash or stall it (invalid UTF-8, NUL bytes, unterminated quotes).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ddl_lex.h"

/* Up to 64 tokens of `len` bytes of `sql`, EOF included; returns the count. */
static size_t lex_all(const char *sql, size_t len, ddl_token *out, bool significant)
{
    ddl_lexer lx;
    ddl_lexer_init(&lx, sql, len);
    size_t n = 0;
    for (;;) {
        assert_true(n < 64);
        out[n] = significant ? ddl_next_significant(&lx) : ddl_next(&lx);
        if (out[n++].kind == DDL_TK_EOF)
            return n;
    }
}

/* Asserts token i has `kind` and exactly the text `text`. */
static void expect(const char *sql, const ddl_token *tok, ddl_tk kind, const char *text)
{
    assert_int_equal(tok->kind, kind);
    assert_int_equal(tok->len, strlen(text));
    assert_memory_equal(sql + tok->start, text, tok->len);
}

static void test_token_kinds(void **state)
{
    (void)state;
    const char *sql = "CREATE tbl \"a b\" `c` [d e] 'it''s' x'0aFF' 12 1.5e3 .5 0x1F ?1 :v @w $x "
                      "( ) , ; . <= >= <> != == || << >> ->> -> = < > + - * / % & ~ |";
    ddl_token t[64];
    size_t n = lex_all(sql, strlen(sql), t, true);
    static const struct {
        ddl_tk kind;
        const char *text;
    } want[] = {
        {DDL_TK_KEYWORD, "CREATE"}, {DDL_TK_ID, "tbl"},       {DDL_TK_QUOTED, "\"a b\""},
        {DDL_TK_QUOTED, "`c`"},     {DDL_TK_QUOTED, "[d e]"}, {DDL_TK_STRING, "'it''s'"},
        {DDL_TK_BLOB, "x'0aFF'"},   {DDL_TK_NUMBER, "12"},    {DDL_TK_NUMBER, "1.5e3"},
        {DDL_TK_NUMBER, ".5"},      {DDL_TK_NUMBER, "0x1F"},  {DDL_TK_VARIABLE, "?1"},
        {DDL_TK_VARIABLE, ":v"},    {DDL_TK_VARIABLE, "@w"},  {DDL_TK_VARIABLE, "$x"},
        {DDL_TK_PUNCT, "("},        {DDL_TK_PUNCT, ")"},      {DDL_TK_PUNCT, ","},
        {DDL_TK_PUNCT, ";"},        {DDL_TK_PUNCT, "."},      {DDL_TK_PUNCT, "<="},
        {DDL_TK_PUNCT, ">="},       {DDL_TK_PUNCT, "<>"},     {DDL_TK_PUNCT, "!="},
        {DDL_TK_PUNCT, "=="},       {DDL_TK_PUNCT, "||"},     {DDL_TK_PUNCT, "<<"},
        {DDL_TK_PUNCT, ">>"},       {DDL_TK_PUNCT, "->>"},    {DDL_TK_PUNCT, "->"},
        {DDL_TK_PUNCT, "="},        {DDL_TK_PUNCT, "<"},      {DDL_TK_PUNCT, ">"},
        {DDL_TK_PUNCT, "+"},        {DDL_TK_PUNCT, "-"},      {DDL_TK_PUNCT, "*"},
        {DDL_TK_PUNCT, "/"},        {DDL_TK_PUNCT, "%"},      {DDL_TK_PUNCT, "&"},
        {DDL_TK_PUNCT, "~"},        {DDL_TK_PUNCT, "|"},
    };
    size_t nwant = sizeof want / sizeof want[0];
    assert_int_equal(n, nwant + 1);
    for (size_t i = 0; i < nwant; i++)
        expect(sql, &t[i], want[i].kind, want[i].text);
    assert_int_equal(t[0].kw, DDL_KW_CREATE);
    assert_int_equal(t[nwant].kind, DDL_TK_EOF);
    assert_int_equal(t[nwant].len, 0);
}

static void test_space_and_comments(void **state)
{
    (void)state;
    const char *sql = "a -- line\n\t/* block\n */b/* open";
    ddl_token t[64];
    size_t n = lex_all(sql, strlen(sql), t, false);
    assert_int_equal(n, 8);
    expect(sql, &t[0], DDL_TK_ID, "a");
    expect(sql, &t[1], DDL_TK_SPACE, " ");
    expect(sql, &t[2], DDL_TK_COMMENT, "-- line");
    expect(sql, &t[3], DDL_TK_SPACE, "\n\t");
    expect(sql, &t[4], DDL_TK_COMMENT, "/* block\n */");
    expect(sql, &t[5], DDL_TK_ID, "b");
    /* An unterminated block comment runs to the end, as in SQLite. */
    assert_int_equal(t[6].kind, DDL_TK_COMMENT);
    n = lex_all(sql, strlen(sql), t, true);
    assert_int_equal(n, 3);
    expect(sql, &t[1], DDL_TK_ID, "b");
    /* Slash-star-slash does not close the comment it opens. */
    ddl_token u[64];
    assert_int_equal(lex_all("/*/ x", 5, u, false), 2);
    assert_int_equal(u[0].kind, DDL_TK_COMMENT);
}

static void test_keywords(void **state)
{
    (void)state;
    /* Every keyword is found from its name, in any case: this also proves
     * the table is sorted, since the lookup is a binary search. */
    for (int kw = 1; kw < DDL_KW_COUNT; kw++) {
        const char *name = ddl_keyword_name((ddl_kw)kw);
        assert_int_equal(ddl_keyword(name, strlen(name)), kw);
        char lower[32];
        size_t len = strlen(name);
        for (size_t i = 0; i <= len; i++)
            lower[i] = (char)((name[i] >= 'A' && name[i] <= 'Z') ? name[i] + 32 : name[i]);
        assert_int_equal(ddl_keyword(lower, len), kw);
        if (kw > 1)
            assert_true(strcmp(ddl_keyword_name((ddl_kw)(kw - 1)), name) < 0);
    }
    assert_int_equal(ddl_keyword("rowid", 5), DDL_KW_NONE);
    assert_int_equal(ddl_keyword("STRICT", 6), DDL_KW_NONE);
    assert_int_equal(ddl_keyword("CREATEX", 7), DDL_KW_NONE);
    assert_int_equal(ddl_keyword("", 0), DDL_KW_NONE);
    assert_string_equal(ddl_keyword_name(DDL_KW_NONE), "");
}

static void test_fallback_names(void **state)
{
    (void)state;
    /* Unreserved keywords can be names, reserved ones cannot. */
    const char *sql = "key action match \"table\" 'str' table select x";
    ddl_token t[64];
    lex_all(sql, strlen(sql), t, true);
    assert_true(ddl_is_name(&t[0]));
    assert_int_equal(t[0].kind, DDL_TK_KEYWORD);
    assert_int_equal(t[0].kw, DDL_KW_KEY);
    assert_true(ddl_is_name(&t[1]));
    assert_true(ddl_is_name(&t[2]));
    assert_true(ddl_is_name(&t[3]));
    assert_true(ddl_is_name(&t[4]));
    assert_false(ddl_is_name(&t[5]));
    assert_false(ddl_is_name(&t[6]));
    assert_true(ddl_is_name(&t[7]));
    assert_true(ddl_keyword_is_fallback(DDL_KW_GENERATED));
    assert_false(ddl_keyword_is_fallback(DDL_KW_REFERENCES));
    assert_false(ddl_keyword_is_fallback(DDL_KW_NONE));
}

static void test_dequote(void **state)
{
    (void)state;
    const char *sql = "\"a\"\"b\" [x y] `c``d` 'it''s' plain \"\"";
    ddl_lexer lx;
    ddl_lexer_init(&lx, sql, strlen(sql));
    char out[64];
    static const char *const want[] = {"a\"b", "x y", "c`d", "it's", "plain", ""};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        ddl_token tok = ddl_next_significant(&lx);
        assert_true(tok.len < sizeof out);
        assert_int_equal(ddl_dequote(&lx, &tok, out), strlen(want[i]));
        assert_string_equal(out, want[i]);
    }
}

static void test_dequote_bracket(void **state)
{
    (void)state;
    /* [..] has no escapes: the first ] closes it. */
    const char *sql = "[x]]";
    ddl_token t[64];
    size_t n = lex_all(sql, strlen(sql), t, true);
    assert_int_equal(n, 3);
    expect(sql, &t[0], DDL_TK_QUOTED, "[x]");
    expect(sql, &t[1], DDL_TK_ILLEGAL, "]");
}

static void test_illegal(void **state)
{
    (void)state;
    const char *sql = "12abc x'0g' x'abc' ! \\ 'open";
    ddl_token t[64];
    size_t n = lex_all(sql, strlen(sql), t, true);
    assert_int_equal(n, 7);
    expect(sql, &t[0], DDL_TK_ILLEGAL, "12abc");
    expect(sql, &t[1], DDL_TK_ILLEGAL, "x'0g'");
    expect(sql, &t[2], DDL_TK_ILLEGAL, "x'abc'"); /* odd digit count */
    expect(sql, &t[3], DDL_TK_ILLEGAL, "!");
    expect(sql, &t[4], DDL_TK_ILLEGAL, "\\");
    expect(sql, &t[5], DDL_TK_ILLEGAL, "'open");
}

static void test_nul_and_utf8(void **state)
{
    (void)state;
    /* NUL is an ordinary (illegal) byte, not the end; bytes >= 0x80 are
     * identifier bytes whether or not they are valid UTF-8. */
    const char sql[] = "a\0b \xc3\xa9t\xc3\xa9 \xff\xfe \"\xe2\x82\xac\"";
    size_t len = sizeof sql - 1;
    ddl_token t[64];
    size_t n = lex_all(sql, len, t, true);
    assert_int_equal(n, 7);
    expect(sql, &t[0], DDL_TK_ID, "a");
    assert_int_equal(t[1].kind, DDL_TK_ILLEGAL);
    assert_int_equal(t[1].len, 1);
    expect(sql, &t[2], DDL_TK_ID, "b");
    expect(sql, &t[3], DDL_TK_ID, "\xc3\xa9t\xc3\xa9");
    expect(sql, &t[4], DDL_TK_ID, "\xff\xfe");
    expect(sql, &t[5], DDL_TK_QUOTED, "\"\xe2\x82\xac\"");
}

/* Every prefix of every byte sequence tokenizes to the end: tokens are
 * contiguous, non-empty, and cover the input exactly. */
static void test_never_stalls(void **state)
{
    (void)state;
    unsigned char buf[48];
    unsigned seed = 12345;
    for (int round = 0; round < 20000; round++) {
        size_t len = (size_t)(round % (int)sizeof buf);
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            /* Mostly SQL punctuation and quotes, to hit the edge cases. */
            static const char alphabet[] = "'\"`[]x-/*.0e9?:$ \n()\\\x80\xff";
            buf[i] = (seed >> 16) % 4 ? (unsigned char)alphabet[(seed >> 8) % (sizeof alphabet - 1)]
                                      : (unsigned char)(seed >> 8);
        }
        ddl_lexer lx;
        ddl_lexer_init(&lx, (const char *)buf, len);
        size_t pos = 0;
        for (;;) {
            ddl_token tok = ddl_next(&lx);
            assert_int_equal(tok.start, pos);
            if (tok.kind == DDL_TK_EOF)
                break;
            assert_true(tok.len > 0);
            pos += tok.len;
            assert_true(pos <= len);
        }
        assert_int_equal(pos, len);
    }
}

static void test_is_punct(void **state)
{
    (void)state;
    const char *sql = "( ((";
    ddl_lexer lx;
    ddl_lexer_init(&lx, sql, strlen(sql));
    ddl_token a = ddl_next_significant(&lx);
    assert_true(ddl_is_punct(&lx, &a, "("));
    assert_false(ddl_is_punct(&lx, &a, ")"));
    assert_false(ddl_is_punct(&lx, &a, "(("));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_token_kinds),  cmocka_unit_test(test_space_and_comments),
        cmocka_unit_test(test_keywords),     cmocka_unit_test(test_fallback_names),
        cmocka_unit_test(test_dequote),      cmocka_unit_test(test_dequote_bracket),
        cmocka_unit_test(test_illegal),      cmocka_unit_test(test_nul_and_utf8),
        cmocka_unit_test(test_never_stalls), cmocka_unit_test(test_is_punct),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
