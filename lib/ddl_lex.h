/*
 * ddl_lex.h - a SQL tokenizer in the style of SQLite's tokenize.c.
 *
 * Tokens are slices of the input (offset and length); nothing is copied
 * or allocated. A byte-class table drives the scanner, keywords are found
 * by lookup, and every byte sequence - invalid UTF-8, NUL bytes, a quote
 * that never closes - gives some token: the scanner never fails and always
 * advances, so a caller can always reach DDL_TK_EOF.
 *
 * Keywords are SQLite's. Most of them are "unreserved": SQLite accepts
 * them as names (a column called "key" or "action"); ddl_is_name() says
 * whether a token can be a name where one is expected.
 *
 * A lexer starts in SQLite's dialect; ddl_lexer_set_dialect() switches on
 * what PostgreSQL or MySQL write differently:
 *   - PostgreSQL: E'..' strings with backslash escapes, $$..$$ and
 *     $tag$..$tag$ dollar quoting (one DDL_TK_STRING), nested block
 *     comments, "::" and "[" "]" as punctuation (casts, array types).
 *   - MySQL: '#' comments, backslash escapes in '..' strings, "[" as
 *     punctuation, and conditional comments whose content is SQL: the
 *     opener "/" "*!40101" and its closer are white space, what lies
 *     between is scanned as ordinary tokens.
 */
#ifndef RELMAP_DDL_LEX_H
#define RELMAP_DDL_LEX_H

#include <stdbool.h>
#include <stddef.h>

typedef enum ddl_tk {
    DDL_TK_EOF = 0,
    DDL_TK_SPACE,    /* white space */
    DDL_TK_COMMENT,  /* -- to the end of the line, or slash-star to star-slash,
                        or (MySQL) # to the end of the line */
    DDL_TK_ID,       /* a bare word that is not a keyword */
    DDL_TK_KEYWORD,  /* a bare word that is a keyword: see token.kw */
    DDL_TK_QUOTED,   /* "name", `name` or [name] */
    DDL_TK_STRING,   /* 'text', '' inside for a quote; E'..' and $$..$$ */
    DDL_TK_BLOB,     /* X'0a1B' */
    DDL_TK_NUMBER,   /* 12, 1.5e3, .5, 0x1F */
    DDL_TK_VARIABLE, /* ?, ?1, :name, @name, $name, #name */
    DDL_TK_PUNCT,    /* ( ) , ; . and the operators, e.g. <= || ->> */
    DDL_TK_ILLEGAL   /* a byte that starts no token, a malformed number or
                        blob, or an unterminated quote (to the end) */
} ddl_tk;

/*
 * SQLite's keywords in sorted order: X(NAME, FALLBACK). FALLBACK is 1 for
 * keywords SQLite also accepts as names (its %fallback ID list and the
 * join words, which are names wherever a name is expected).
 */
#define DDL_KEYWORDS(X)                                                                                    \
    X(ABORT, 1)                                                                                            \
    X(ACTION, 1) X(ADD, 0) X(AFTER, 1) X(ALL, 0) X(ALTER, 0) X(ALWAYS, 1) X(ANALYZE, 1) X(                 \
        AND, 0) X(AS, 0) X(ASC, 1) X(ATTACH, 1) X(AUTOINCREMENT, 0) X(BEFORE, 1) X(BEGIN, 1)               \
        X(BETWEEN, 0) X(BY, 1) X(CASCADE, 1) X(CASE, 0) X(CAST, 1) X(CHECK, 0) X(COLLATE, 0) X(            \
            COLUMN, 1) X(COMMIT, 0) X(CONFLICT, 1) X(CONSTRAINT, 0) X(CREATE, 0) X(CROSS, 1)               \
            X(CURRENT, 1) X(CURRENT_DATE, 1) X(CURRENT_TIME, 1) X(CURRENT_TIMESTAMP, 1) X(                 \
                DATABASE,                                                                                  \
                1)                                                                                         \
                X(DEFAULT, 0) X(DEFERRABLE, 0) X(DEFERRED, 1) X(DELETE, 0) X(DESC, 1) X(                   \
                    DETACH,                                                                                \
                    1) X(DISTINCT,                                                                         \
                         0) X(DO, 1)                                                                       \
                    X(DROP, 0) X(EACH, 1) X(ELSE, 0) X(END, 1) X(ESCAPE, 0) X(EXCEPT, 0) X(                \
                        EXCLUDE,                                                                           \
                        1) X(EXCLUSIVE,                                                                    \
                             1) X(EXISTS, 0)                                                               \
                        X(EXPLAIN, 1) X(FAIL, 1) X(FILTER, 1) X(FIRST, 1) X(FOLLOWING, 1) X(               \
                            FOR, 1) X(FOREIGN, 0)                                                          \
                            X(FROM, 0) X(FULL, 1) X(GENERATED, 1) X(GLOB, 1) X(GROUP, 0) X(                \
                                GROUPS,                                                                    \
                                1) X(HAVING,                                                               \
                                     0) X(IF, 1)                                                           \
                                X(IGNORE, 1) X(IMMEDIATE, 1) X(IN, 0) X(INDEX, 0) X(INDEXED, 0) X(         \
                                    INITIALLY,                                                             \
                                    1) X(INNER,                                                            \
                                         1) X(INSERT, 0)                                                   \
                                    X(INSTEAD, 1) X(INTERSECT, 0) X(INTO, 0) X(IS, 0) X(                   \
                                        ISNULL,                                                            \
                                        0) X(JOIN,                                                         \
                                             0) X(KEY, 1)                                                  \
                                        X(LAST, 1) X(LEFT, 1) X(LIKE, 1) X(LIMIT, 0) X(                    \
                                            MATCH,                                                         \
                                            1) X(MATERIALIZED,                                             \
                                                 1) X(NATURAL, 1)                                          \
                                            X(NO, 1) X(NOT, 0) X(NOTHING, 1) X(NOTNULL, 0) X(              \
                                                NULL,                                                      \
                                                0) X(NULLS,                                                \
                                                     1) X(OF, 1)                                           \
                                                X(OFFSET, 1) X(ON, 0) X(OR, 0) X(ORDER, 0) X(              \
                                                    OTHERS,                                                \
                                                    1) X(OUTER, 1)                                         \
                                                    X(OVER, 1) X(PARTITION, 1) X(PLAN, 1) X(               \
                                                        PRAGMA,                                            \
                                                        1) X(PRECEDING, 1)                                 \
                                                        X(PRIMARY, 0) X(QUERY, 1) X(RAISE, 1) X(           \
                                                            RANGE,                                         \
                                                            1) X(RECURSIVE,                                \
                                                                 1) X(REFERENCES, 0)                       \
                                                            X(REGEXP, 1) X(REINDEX, 1) X(                  \
                                                                RELEASE,                                   \
                                                                1) X(RENAME,                               \
                                                                     1) X(REPLACE, 1)                      \
                                                                X(RESTRICT, 1) X(RETURNING, 0) X(          \
                                                                    RIGHT,                                 \
                                                                    1) X(ROLLBACK,                         \
                                                                         1) X(ROW, 1)                      \
                                                                    X(ROWS, 1) X(SAVEPOINT, 1) X(          \
                                                                        SELECT,                            \
                                                                        0) X(SET,                          \
                                                                             0) X(TABLE, 0)                \
                                                                        X(TEMP, 1) X(TEMPORARY, 1) X(      \
                                                                            THEN,                          \
                                                                            0) X(TIES,                     \
                                                                                 1) X(TO, 0)               \
                                                                            X(TRANSACTION, 0) X(           \
                                                                                TRIGGER,                   \
                                                                                1) X(UNBOUNDED,            \
                                                                                     1) X(UNION, 0)        \
                                                                                X(UNIQUE, 0) X(            \
                                                                                    UPDATE,                \
                                                                                    0) X(USING,            \
                                                                                         0) X(VACUUM, 1)   \
                                                                                    X(VALUES, 0) X(        \
                                                                                        VIEW,              \
                                                                                        1) X(VIRTUAL,      \
                                                                                             1)            \
                                                                                        X(WHEN, 0) X(      \
                                                                                            WHERE,         \
                                                                                            0) X(WINDOW,   \
                                                                                                 1)        \
                                                                                            X(WITH,        \
                                                                                              1)           \
                                                                                                X(WITHOUT, \
                                                                                                  1)

#define DDL_KW_ENUM(name, fallback) DDL_KW_##name,
typedef enum ddl_kw { DDL_KW_NONE = 0, DDL_KEYWORDS(DDL_KW_ENUM) DDL_KW_COUNT } ddl_kw;
#undef DDL_KW_ENUM

typedef struct ddl_token {
    ddl_tk kind;
    ddl_kw kw;    /* for DDL_TK_KEYWORD, else DDL_KW_NONE */
    size_t start; /* byte offset in the input */
    size_t len;   /* bytes; 0 only for DDL_TK_EOF */
} ddl_token;

/* Which dialect's lexical rules apply (see the top of this file). */
typedef enum ddl_lex_dialect {
    DDL_LEX_SQLITE = 0,
    DDL_LEX_POSTGRES,
    DDL_LEX_MYSQL
} ddl_lex_dialect;

typedef struct ddl_lexer {
    const char *text;
    size_t len;
    size_t pos;
    ddl_lex_dialect dialect;
    bool in_conditional; /* MySQL: inside a conditional comment */
    bool words_only;     /* no keyword lookup: every bare word is DDL_TK_ID */
} ddl_lexer;

/* Starts scanning `len` bytes of `text` (NUL bytes are ordinary input),
 * in SQLite's dialect. */
void ddl_lexer_init(ddl_lexer *lx, const char *text, size_t len);

/* Switches the lexical rules from the next token on. */
void ddl_lexer_set_dialect(ddl_lexer *lx, ddl_lex_dialect dialect);

/* The next token, white space and comments included. */
ddl_token ddl_next(ddl_lexer *lx);

/* The next token that is not white space or a comment. */
ddl_token ddl_next_significant(ddl_lexer *lx);

/* The keyword spelled by `len` bytes of `word` in any case, or DDL_KW_NONE. */
ddl_kw ddl_keyword(const char *word, size_t len);

/* The upper-case spelling of a keyword ("" for DDL_KW_NONE). */
const char *ddl_keyword_name(ddl_kw kw);

/* Whether a keyword may also serve as a name. */
bool ddl_keyword_is_fallback(ddl_kw kw);

/*
 * Whether the token can be a name: a bare identifier, a quoted one, a
 * 'string' (SQLite accepts those as names too) or an unreserved keyword.
 */
bool ddl_is_name(const ddl_token *tok);

/* Whether the token is the punctuation or operator `punct` ("(", "||"). */
bool ddl_is_punct(const ddl_lexer *lx, const ddl_token *tok, const char *punct);

/*
 * The text a name token stands for, without its quotes and with doubled
 * quotes undone ("a""b" is a"b, [x] is x, 'it''s' is it's; E'..' and
 * dollar-quoted strings lose their quotes, escapes stay as written); any
 * other token is copied as it is. `out` needs room for tok->len + 1 bytes; the
 * result is NUL-terminated and its length returned.
 */
size_t ddl_dequote(const ddl_lexer *lx, const ddl_token *tok, char *out);

#endif
