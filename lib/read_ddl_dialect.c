/*
 * read_ddl_dialect.c - which SQL dialect a .sql file is written in.
 *
 * A dump says so in its header ("-- PostgreSQL database dump", "-- MySQL
 * dump"); otherwise the first token only one dialect writes decides:
 * backquoted names or ENGINE= for MySQL, :: casts, $$ quoting, SERIAL or
 * OWNER TO for PostgreSQL, AUTOINCREMENT, WITHOUT ROWID or PRAGMA for
 * SQLite. The deciding signal is returned so that --verbose can say it.
 */
#include "read_ddl.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ddl_lex.h"

/* How much of the file is looked at: signals come early in real files. */
#define HEADER_BYTES 4096
#define SCAN_BYTES (1u << 20)

static bool has_text(const char *text, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (text[i] == needle[0] && memcmp(text + i, needle, n) == 0)
            return true;
    return false;
}

/* Each word with its length: a token is compared only with the words of
 * its length, and only past a matching first letter. */
#define SIGNAL(word, dialect) {(word), sizeof(word) - 1, (dialect)}
static const struct {
    const char *word;
    size_t len;
    relmap_dialect dialect;
} word_signals[] = {
    SIGNAL("AUTO_INCREMENT", RELMAP_DIALECT_MYSQL),
    SIGNAL("ENGINE", RELMAP_DIALECT_MYSQL),
    SIGNAL("UNSIGNED", RELMAP_DIALECT_MYSQL),
    SIGNAL("CHARSET", RELMAP_DIALECT_MYSQL),
    SIGNAL("FULLTEXT", RELMAP_DIALECT_MYSQL),
    SIGNAL("LOCK", RELMAP_DIALECT_MYSQL),
    SIGNAL("DELIMITER", RELMAP_DIALECT_MYSQL),
    SIGNAL("AUTOINCREMENT", RELMAP_DIALECT_SQLITE),
    SIGNAL("PRAGMA", RELMAP_DIALECT_SQLITE),
    SIGNAL("ROWID", RELMAP_DIALECT_SQLITE),
    SIGNAL("SERIAL", RELMAP_DIALECT_POSTGRES),
    SIGNAL("BIGSERIAL", RELMAP_DIALECT_POSTGRES),
    SIGNAL("SMALLSERIAL", RELMAP_DIALECT_POSTGRES),
    SIGNAL("OWNER", RELMAP_DIALECT_POSTGRES),
    SIGNAL("search_path", RELMAP_DIALECT_POSTGRES),
    SIGNAL("JSONB", RELMAP_DIALECT_POSTGRES),
    SIGNAL("BYTEA", RELMAP_DIALECT_POSTGRES),
    SIGNAL("TIMESTAMPTZ", RELMAP_DIALECT_POSTGRES),
    SIGNAL("INHERITS", RELMAP_DIALECT_POSTGRES),
    SIGNAL("EXTENSION", RELMAP_DIALECT_POSTGRES),
    SIGNAL("pg_catalog", RELMAP_DIALECT_POSTGRES),
    SIGNAL("CONCURRENTLY", RELMAP_DIALECT_POSTGRES),
    /* ALTER TABLE ONLY (pg_dump), character varying, with time zone, ...:
     * words no SQLite or MySQL schema writes. */
    SIGNAL("ONLY", RELMAP_DIALECT_POSTGRES),
    SIGNAL("VARYING", RELMAP_DIALECT_POSTGRES),
    SIGNAL("ZONE", RELMAP_DIALECT_POSTGRES),
    SIGNAL("IDENTITY", RELMAP_DIALECT_POSTGRES),
    SIGNAL("SEQUENCE", RELMAP_DIALECT_POSTGRES),
    SIGNAL("SCHEMA", RELMAP_DIALECT_POSTGRES),
    SIGNAL("GIN", RELMAP_DIALECT_POSTGRES),
    SIGNAL("GIST", RELMAP_DIALECT_POSTGRES),
    SIGNAL("BRIN", RELMAP_DIALECT_POSTGRES),
};
#undef SIGNAL

/* Whether the next word after `at` (white space and comments skipped) is
 * `word`: COMMENT ON is PostgreSQL's, a COMMENT 'text' option MySQL's. */
static bool next_word_is(const char *text, size_t len, size_t at, const char *word)
{
    ddl_lexer lx;
    ddl_lexer_init(&lx, text, len);
    lx.pos = at;
    for (;;) {
        ddl_token tok = ddl_next(&lx);
        if (tok.kind == DDL_TK_SPACE || tok.kind == DDL_TK_COMMENT)
            continue;
        return (tok.kind == DDL_TK_ID || tok.kind == DDL_TK_KEYWORD) && tok.len == strlen(word) &&
               strncasecmp(text + tok.start, word, tok.len) == 0;
    }
}

/* The line of byte `offset`, for the signal's description. */
static unsigned line_of(const char *text, size_t offset)
{
    unsigned line = 1;
    for (size_t i = 0; i < offset; i++)
        line += text[i] == '\n';
    return line;
}

static relmap_dialect found(const char *text, size_t at, const char *what, relmap_dialect d,
                            char *signal, size_t cap)
{
    snprintf(signal, cap, "%s at line %u", what, line_of(text, at));
    return d;
}

relmap_dialect rm_ddl_detect_dialect(const char *text, size_t len, char *signal, size_t cap)
{
    size_t head = len < HEADER_BYTES ? len : HEADER_BYTES;
    if (has_text(text, head, "PostgreSQL database dump")) {
        snprintf(signal, cap, "a pg_dump header");
        return RELMAP_DIALECT_POSTGRES;
    }
    if (has_text(text, head, "MySQL dump") || has_text(text, head, "MariaDB dump")) {
        snprintf(signal, cap, "a mysqldump header");
        return RELMAP_DIALECT_MYSQL;
    }
    /* The lengths of the signal words, one bit each: most words are of no
     * signal's length and skip the comparisons. */
    unsigned long signal_lengths = 0;
    for (size_t i = 0; i < sizeof word_signals / sizeof word_signals[0]; i++)
        signal_lengths |= 1ul << word_signals[i].len;
    ddl_lexer lx;
    ddl_lexer_init(&lx, text, len < SCAN_BYTES ? len : SCAN_BYTES);
    lx.words_only = true; /* the signals below are compared as text */
    bool line_start = true;
    for (;;) {
        ddl_token tok = ddl_next(&lx);
        if (tok.kind == DDL_TK_EOF)
            break;
        const char *z = text + tok.start;
        if (tok.kind == DDL_TK_SPACE) {
            line_start = line_start || memchr(z, '\n', tok.len) != NULL;
            continue;
        }
        bool at_line_start = line_start || tok.start == 0;
        line_start = false;
        if (tok.kind == DDL_TK_COMMENT) {
            if (tok.len > 3 && z[0] == '/' && z[2] == '!')
                return found(text, tok.start, "a /*! conditional comment", RELMAP_DIALECT_MYSQL,
                             signal, cap);
            if (z[0] == '-')
                line_start = true;
            continue;
        }
        if (tok.kind == DDL_TK_QUOTED && z[0] == '`')
            return found(text, tok.start, "a `backquoted` name", RELMAP_DIALECT_MYSQL, signal, cap);
        if (tok.kind == DDL_TK_QUOTED && z[0] == '[')
            return found(text, tok.start, "a [bracketed] name", RELMAP_DIALECT_SQLITE, signal, cap);
        if (tok.kind == DDL_TK_VARIABLE && tok.len >= 2 && z[0] == ':' && z[1] == ':')
            return found(text, tok.start, "a :: cast", RELMAP_DIALECT_POSTGRES, signal, cap);
        if (tok.kind == DDL_TK_VARIABLE && tok.len >= 2 && z[0] == '$' && z[1] == '$')
            return found(text, tok.start, "$$ quoting", RELMAP_DIALECT_POSTGRES, signal, cap);
        if (tok.kind == DDL_TK_ILLEGAL && z[0] == '\\' && at_line_start)
            return found(text, tok.start, "a psql meta-command", RELMAP_DIALECT_POSTGRES, signal,
                         cap);
        if (tok.kind != DDL_TK_ID && tok.kind != DDL_TK_KEYWORD)
            continue;
        if (tok.len == 7 && strncasecmp(z, "COMMENT", 7) == 0 &&
            next_word_is(text, lx.len, tok.start + tok.len, "ON"))
            return found(text, tok.start, "COMMENT ON", RELMAP_DIALECT_POSTGRES, signal, cap);
        if (tok.len >= 32 || !(signal_lengths & (1ul << tok.len)))
            continue;
        for (size_t i = 0; i < sizeof word_signals / sizeof word_signals[0]; i++) {
            const char *w = word_signals[i].word;
            if (word_signals[i].len == tok.len && ((unsigned char)(z[0] ^ w[0]) & ~0x20u) == 0 &&
                strncasecmp(z, w, tok.len) == 0) {
                char what[64];
                snprintf(what, sizeof what, "the word %s", w);
                return found(text, tok.start, what, word_signals[i].dialect, signal, cap);
            }
        }
    }
    snprintf(signal, cap, "no dialect-specific syntax");
    return RELMAP_DIALECT_UNKNOWN;
}
