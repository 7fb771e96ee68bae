/*
 * py_lex.h - a Python 3.8-3.13 tokenizer in the style of ddl_lex.h.
 *
 * Tokens are slices of the input (byte offsets); nothing is copied. The
 * lexer produces the token stream CPython's grammar is written against:
 * NEWLINE at the end of each logical line (never inside brackets, never
 * for blank or comment-only lines), INDENT and DEDENT from the leading
 * white space, and one PY_TK_STRING per literal, f-strings included (their
 * replacement fields are scanned, nested quotes and all, but not split
 * into tokens: relmap keeps an f-string as text).
 *
 * Every problem - a NUL byte, invalid UTF-8, a quote or bracket that never
 * closes, a bad dedent - is a PY_TK_ERROR token whose start/end point at
 * the fault and whose msg says what it is. The lexer always advances and
 * always reaches PY_TK_EOF, so a caller can skip errors and go on.
 */
#ifndef RELMAP_PY_LEX_H
#define RELMAP_PY_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "py_ast.h"

typedef enum py_tk {
    PY_TK_EOF = 0,
    PY_TK_NAME,    /* identifier or keyword (see kw) */
    PY_TK_NUMBER,  /* 12, 0x_ff, 1_000.5e-3j */
    PY_TK_STRING,  /* one literal: prefix, quotes and body */
    PY_TK_OP,      /* operator or delimiter (see op) */
    PY_TK_NEWLINE, /* the end of a logical line */
    PY_TK_INDENT,
    PY_TK_DEDENT,
    PY_TK_ERROR, /* msg says what is wrong at start..end */
    PY_TK_FAIL   /* never produced by the lexer: the parser's "in error" marker */
} py_tk;

/*
 * Python's keywords in sorted order. The soft keywords (match, case, type,
 * _) are ordinary names to the lexer; the parser decides by context.
 */
#define PY_KEYWORDS(X)                                                                             \
    X(FALSE, "False")                                                                              \
    X(NONE, "None")                                                                                \
    X(TRUE, "True")                                                                                \
    X(AND, "and")                                                                                  \
    X(AS, "as")                                                                                    \
    X(ASSERT, "assert")                                                                            \
    X(ASYNC, "async")                                                                              \
    X(AWAIT, "await")                                                                              \
    X(BREAK, "break")                                                                              \
    X(CLASS, "class")                                                                              \
    X(CONTINUE, "continue")                                                                        \
    X(DEF, "def")                                                                                  \
    X(DEL, "del")                                                                                  \
    X(ELIF, "elif")                                                                                \
    X(ELSE, "else")                                                                                \
    X(EXCEPT, "except")                                                                            \
    X(FINALLY, "finally")                                                                          \
    X(FOR, "for")                                                                                  \
    X(FROM, "from")                                                                                \
    X(GLOBAL, "global")                                                                            \
    X(IF, "if")                                                                                    \
    X(IMPORT, "import")                                                                            \
    X(IN, "in")                                                                                    \
    X(IS, "is")                                                                                    \
    X(LAMBDA, "lambda")                                                                            \
    X(NONLOCAL, "nonlocal")                                                                        \
    X(NOT, "not")                                                                                  \
    X(OR, "or")                                                                                    \
    X(PASS, "pass")                                                                                \
    X(RAISE, "raise")                                                                              \
    X(RETURN, "return")                                                                            \
    X(TRY, "try")                                                                                  \
    X(WHILE, "while")                                                                              \
    X(WITH, "with")                                                                                \
    X(YIELD, "yield")

#define PY_KW_ENUM(id, text) PY_KW_##id,
typedef enum py_kw { PY_KW_NONE_ = 0, PY_KEYWORDS(PY_KW_ENUM) PY_KW_COUNT } py_kw;
#undef PY_KW_ENUM

/* An operator's bytes packed into one number, so that the parser can
 * switch on it: PY_OP2('*', '*') is "**". */
#define PY_OP1(a) ((uint32_t)(unsigned char)(a))
#define PY_OP2(a, b) (PY_OP1(a) | PY_OP1(b) << 8)
#define PY_OP3(a, b, c) (PY_OP2(a, b) | PY_OP1(c) << 16)

typedef struct py_token {
    py_tk kind;
    py_kw kw;       /* PY_TK_NAME: the keyword, or PY_KW_NONE_ */
    uint32_t op;    /* PY_TK_OP: PY_OP1/2/3 of its bytes */
    uint32_t start; /* byte offsets, end exclusive */
    uint32_t end;
    const char *msg; /* PY_TK_ERROR */
} py_token;

/* Indentation levels and brackets the lexer remembers; deeper nesting is
 * still followed (a counter), only no longer checked for matching. */
#define PY_LEX_MAX_LEVELS (PY_MAX_DEPTH + 2)

typedef struct py_lexer {
    const char *text;
    uint32_t len;
    uint32_t pos;
    bool line_start; /* the next token begins a line: measure its indentation */
    bool eof_done;   /* the NEWLINE/DEDENTs before EOF have been produced */
    bool unclosed_reported;
    unsigned pending_dedents;
    const char *pending_error; /* reported after pending dedents */
    uint32_t pending_error_pos;
    unsigned nindent;
    uint32_t indent[PY_LEX_MAX_LEVELS];     /* columns, a tab to the next multiple of 8 */
    uint32_t indent_alt[PY_LEX_MAX_LEVELS]; /* columns, a tab as one: CPython's consistency check */
    unsigned nbrackets;
    char bracket[PY_LEX_MAX_LEVELS];
    uint32_t bracket_pos[PY_LEX_MAX_LEVELS];
} py_lexer;

/* Starts scanning `len` bytes of `text`. Comments are skipped (suppression
 * comments are found in the source text by suppress.c, for every kind of
 * input alike). */
void py_lexer_init(py_lexer *lx, const char *text, size_t len);

/* The next token. After PY_TK_EOF, PY_TK_EOF again. */
py_token py_next(py_lexer *lx);

/* The keyword spelled by `len` bytes of `word` (case matters), or PY_KW_NONE_. */
py_kw py_keyword(const char *word, size_t len);

/* The spelling of a keyword ("" for PY_KW_NONE_). */
const char *py_keyword_name(py_kw kw);

/* What the prefix of a string token says, and where its body lies. The
 * token must be PY_TK_STRING. */
typedef struct py_string_form {
    bool raw, bytes, fstring;
    uint32_t body_start, body_end; /* between the quotes */
} py_string_form;

py_string_form py_string_form_of(const char *text, const py_token *tok);

#endif
