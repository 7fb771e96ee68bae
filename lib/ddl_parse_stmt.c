/*
 * ddl_parse_stmt.c - cutting a .sql file into statements, and handing
 * each to its parser or skipping it whole.
 *
 * A statement ends at the terminator (";", or what a MySQL `DELIMITER`
 * line set) outside strings, comments and dollar quotes - the lexer takes
 * care of those. Besides that the file may hold things that are not
 * statements at all: psql meta-commands (a line starting with a
 * backslash: \connect, \restrict), pg_dump's COPY data (lines after
 * `COPY ... FROM stdin;` up to a line `\.`), and mysqldump's DELIMITER
 * lines. Trigger bodies (BEGIN ... END) and PostgreSQL's BEGIN ATOMIC
 * bodies hold semicolons that do not end the statement.
 */
#include "ddl_parse.h"

#include <string.h>
#include <strings.h>

#include "alloc.h"

/* Statements whose first word says they are skipped: their tokens after
 * the first few are not kept (an INSERT of a mysqldump is megabytes). */
#define KEPT_OF_SKIPPED 8

/* Tokens kept of one statement that is read. A CREATE TABLE of SQLite's
 * 32,767 columns, ten tokens each, is a third of it; each token costs 24
 * bytes, so without a bound a file of one unterminated statement of '('
 * would take 24 times its size. Longer statements are skipped, with a
 * syntax error. */
#define MAX_STATEMENT_TOKENS 1000000

static bool word_is(const ddl_parser *p, const ddl_token *tok, const char *word)
{
    size_t n = strlen(word);
    return (tok->kind == DDL_TK_ID || tok->kind == DDL_TK_KEYWORD) && tok->len == n &&
           strncasecmp(p->text + tok->start, word, n) == 0;
}

static void push(ddl_parser *p, ddl_token tok)
{
    p->toks = rm_grow(p->toks, &p->cap, p->ntoks + 1, sizeof *p->toks);
    p->toks[p->ntoks++] = tok;
}

/* Steps the lexer past the end of the current line. */
static void skip_line(ddl_parser *p)
{
    const char *nl = memchr(p->text + p->lx.pos, '\n', p->len - p->lx.pos);
    p->lx.pos = nl ? (size_t)(nl - p->text) + 1 : p->len;
}

/* pg_dump's COPY data: from the next line up to a line that is "\." */
static void skip_copy_data(ddl_parser *p)
{
    skip_line(p);
    while (p->lx.pos < p->len) {
        const char *line = p->text + p->lx.pos;
        size_t rest = p->len - p->lx.pos;
        if (rest >= 2 && line[0] == '\\' && line[1] == '.' &&
            (rest == 2 || line[2] == '\n' || line[2] == '\r')) {
            skip_line(p);
            return;
        }
        skip_line(p);
    }
}

/* mysql's DELIMITER command: the rest of the line is the new terminator. */
static void set_delimiter(ddl_parser *p)
{
    const char *z = p->text;
    size_t pos = p->lx.pos;
    while (pos < p->len && (z[pos] == ' ' || z[pos] == '\t'))
        pos++;
    size_t start = pos;
    while (pos < p->len && z[pos] != ' ' && z[pos] != '\t' && z[pos] != '\n' && z[pos] != '\r')
        pos++;
    size_t n = pos - start;
    if (n > 0 && n < sizeof p->delimiter) {
        memcpy(p->delimiter, z + start, n);
        p->delimiter_len = n;
    }
    skip_line(p);
}

/* Whether the terminator starts at the lexer's position. */
static bool at_delimiter(const ddl_parser *p)
{
    return p->delimiter_len > 0 && p->len - p->lx.pos >= p->delimiter_len &&
           memcmp(p->text + p->lx.pos, p->delimiter, p->delimiter_len) == 0;
}

/* Words that open a statement relmap reads; anything else is skipped. */
static bool modelled_start(const ddl_parser *p, const ddl_token *tok)
{
    return word_is(p, tok, "CREATE") || word_is(p, tok, "ALTER") || word_is(p, tok, "COMMENT") ||
           word_is(p, tok, "SET") || word_is(p, tok, "PRAGMA");
}

/* Where trigger and BEGIN ATOMIC bodies are, while reading a statement. */
typedef struct block_state {
    bool trigger;  /* CREATE ... TRIGGER or FUNCTION/PROCEDURE */
    bool inside;   /* after BEGIN */
    size_t cases;  /* open CASE ... END inside the body */
    bool last_end; /* the previous token closed the body's END */
} block_state;

static void track_block(const ddl_parser *p, block_state *b, const ddl_token *tok, size_t n)
{
    if (n < 6 &&
        (word_is(p, tok, "TRIGGER") || word_is(p, tok, "FUNCTION") || word_is(p, tok, "PROCEDURE")))
        b->trigger = word_is(p, &p->toks[0], "CREATE");
    b->last_end = false;
    if (!b->trigger)
        return;
    if (!b->inside) {
        b->inside = word_is(p, tok, "BEGIN");
        return;
    }
    if (word_is(p, tok, "CASE")) {
        b->cases++;
    } else if (word_is(p, tok, "END")) {
        if (b->cases > 0)
            b->cases--;
        else
            b->last_end = true;
    }
}

bool ddl_next_statement(ddl_parser *p)
{
    p->ntoks = 0;
    p->i = 0;
    p->failed = false;
    if (p->copy_data) {
        skip_copy_data(p);
        p->copy_data = false;
    }
    bool semicolon = p->delimiter_len == 1 && p->delimiter[0] == ';';
    bool keep = true;
    size_t counted = 0;
    block_state block = {false, false, 0, false};
    ddl_token tok;
    for (;;) {
        if (!semicolon && at_delimiter(p)) {
            tok.kind = DDL_TK_EOF;
            tok.kw = DDL_KW_NONE;
            tok.start = p->lx.pos;
            tok.len = 0;
            p->lx.pos += p->delimiter_len;
            break;
        }
        tok = ddl_next(&p->lx);
        if (tok.kind == DDL_TK_SPACE || tok.kind == DDL_TK_COMMENT)
            continue;
        if (tok.kind == DDL_TK_EOF)
            break;
        if (counted == 0) {
            /* What may stand where a statement starts but is none. */
            if (tok.kind == DDL_TK_ILLEGAL && p->text[tok.start] == '\\') {
                p->lx.pos = tok.start;
                skip_line(p);
                continue;
            }
            /* The sqlite3 shell's dot-commands (.shell, .read, .output):
             * a line of their own, never SQL, never run. */
            if (ddl_is_punct(&p->lx, &tok, ".") &&
                (tok.start == 0 || p->text[tok.start - 1] == '\n')) {
                p->lx.pos = tok.start;
                skip_line(p);
                continue;
            }
            if (word_is(p, &tok, "DELIMITER")) {
                set_delimiter(p);
                semicolon = p->delimiter_len == 1 && p->delimiter[0] == ';';
                continue;
            }
        }
        if (semicolon && ddl_is_punct(&p->lx, &tok, ";")) {
            if (!block.inside || block.last_end)
                break;
        }
        if (counted == 0)
            keep = modelled_start(p, &tok);
        if (counted == 0 && word_is(p, &tok, "COPY"))
            keep = true; /* to find FROM stdin */
        if (keep && counted == MAX_STATEMENT_TOKENS) {
            mb_syntax_error(p->model, ddl_span(p, p->toks[0].start, tok.start),
                            "more than 1000000 tokens in one statement");
            keep = false;
            p->ntoks = 0;
        }
        if (keep || counted < KEPT_OF_SKIPPED)
            push(p, tok);
        if (keep || counted < KEPT_OF_SKIPPED)
            track_block(p, &block, &tok, counted);
        counted++;
    }
    if (counted == 0 && tok.kind == DDL_TK_EOF && p->lx.pos >= p->len) {
        push(p, tok);
        return false;
    }
    ddl_token end = {DDL_TK_EOF, DDL_KW_NONE, tok.start, 0};
    push(p, end);
    p->nstatements++;
    return true;
}

/* COPY name (...) FROM stdin: data lines follow the statement. */
static void copy_statement(ddl_parser *p)
{
    for (size_t k = 0; k + 1 < p->ntoks; k++)
        if (word_is(p, &p->toks[k], "FROM") && word_is(p, &p->toks[k + 1], "STDIN"))
            p->copy_data = true;
}

/* CREATE [OR REPLACE] [TEMP ...] [UNIQUE] object ...: the object word's
 * handler, or skipping for objects relmap does not model. */
static void create_statement(ddl_parser *p)
{
    bool temporary = false, virtual_table = false, unique = false;
    ddl_advance(p);
    for (;;) {
        if (ddl_accept_word(p, "TEMP") || ddl_accept_word(p, "TEMPORARY")) {
            temporary = true;
        } else if (ddl_accept_word(p, "VIRTUAL")) {
            virtual_table = true;
        } else if (ddl_accept_word(p, "UNIQUE")) {
            unique = true;
        } else if (ddl_at_word(p, 0, "OR") || ddl_at_word(p, 0, "REPLACE") ||
                   ddl_at_word(p, 0, "GLOBAL") || ddl_at_word(p, 0, "LOCAL") ||
                   ddl_at_word(p, 0, "UNLOGGED") || ddl_at_word(p, 0, "RECURSIVE") ||
                   ddl_at_word(p, 0, "SQL") || ddl_at_word(p, 0, "SECURITY") ||
                   ddl_at_word(p, 0, "INVOKER") || ddl_at_word(p, 0, "DEFINER") ||
                   ddl_at_word(p, 0, "ALGORITHM")) {
            /* MySQL's view options: ALGORITHM=x DEFINER=`u`@`h` SQL SECURITY x */
            bool assigned = ddl_at_punct(p, 1, "=");
            ddl_advance(p);
            if (assigned) {
                ddl_advance(p);
                ddl_advance(p);
                if (p->lx.dialect == DDL_LEX_MYSQL && ddl_peek(p, 0)->kind == DDL_TK_VARIABLE)
                    ddl_advance(p); /* @`host` */
            }
        } else {
            break;
        }
    }
    if (ddl_accept_word(p, "TABLE"))
        ddl_create_table(p, temporary, virtual_table);
    else if (ddl_accept_word(p, "INDEX"))
        ddl_create_index(p, unique);
    else if (ddl_accept_word(p, "VIEW"))
        ddl_create_view(p);
    else if (ddl_accept_word(p, "SCHEMA"))
        ddl_create_schema(p);
}

void ddl_statement(ddl_parser *p)
{
    if (ddl_at_end(p))
        return;
    /* Scratch lives for a batch of statements: a fresh arena per statement
     * would allocate (and zero) a block each time. */
    if (p->nstatements % 256 == 1 || !p->tmp) {
        rm_arena_free(p->tmp);
        p->tmp = rm_arena_new();
    }
    if (ddl_at_word(p, 0, "CREATE"))
        create_statement(p);
    else if (ddl_at_word(p, 0, "ALTER") && ddl_at_word(p, 1, "TABLE"))
        ddl_alter_table(p);
    else if (ddl_at_word(p, 0, "COMMENT") && ddl_at_word(p, 1, "ON"))
        ddl_comment_on(p);
    else if (ddl_at_word(p, 0, "SET"))
        ddl_set(p);
    else if (ddl_at_word(p, 0, "PRAGMA"))
        ddl_pragma(p);
    else if (ddl_at_word(p, 0, "COPY"))
        copy_statement(p);
}
