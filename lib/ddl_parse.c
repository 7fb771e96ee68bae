/*
 * ddl_parse.c - the DDL parser's token cursor, names and syntax errors
 * (see ddl_parse.h).
 */
#include "ddl_parse.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

const ddl_token *ddl_peek(const ddl_parser *p, size_t ahead)
{
    size_t k = p->i + ahead;
    return &p->toks[k < p->ntoks ? k : p->ntoks - 1];
}

const ddl_token *ddl_advance(ddl_parser *p)
{
    const ddl_token *tok = ddl_peek(p, 0);
    if (tok->kind != DDL_TK_EOF)
        p->i++;
    return tok;
}

bool ddl_at_end(const ddl_parser *p)
{
    return ddl_peek(p, 0)->kind == DDL_TK_EOF;
}

bool ddl_at_word(const ddl_parser *p, size_t ahead, const char *word)
{
    const ddl_token *tok = ddl_peek(p, ahead);
    if (tok->kind != DDL_TK_ID && tok->kind != DDL_TK_KEYWORD)
        return false;
    /* The first letter, compared without regard to case, rejects nearly
     * every word before the call. */
    if (((unsigned char)p->text[tok->start] ^ (unsigned char)word[0]) & ~0x20u)
        return false;
    size_t n = strlen(word);
    return tok->len == n && strncasecmp(p->text + tok->start, word, n) == 0;
}

bool ddl_accept_word(ddl_parser *p, const char *word)
{
    if (!ddl_at_word(p, 0, word))
        return false;
    p->i++;
    return true;
}

bool ddl_accept_words(ddl_parser *p, const char *const *words, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!ddl_at_word(p, k, words[k]))
            return false;
    p->i += n;
    return true;
}

bool ddl_at_punct(const ddl_parser *p, size_t ahead, const char *punct)
{
    return ddl_is_punct(&p->lx, ddl_peek(p, ahead), punct);
}

bool ddl_accept_punct(ddl_parser *p, const char *punct)
{
    if (!ddl_at_punct(p, 0, punct))
        return false;
    p->i++;
    return true;
}

size_t ddl_last_end(const ddl_parser *p)
{
    if (p->i == 0)
        return p->toks[0].start;
    const ddl_token *tok = &p->toks[p->i - 1];
    return tok->start + tok->len;
}

void ddl_skip_one(ddl_parser *p)
{
    if (!ddl_at_punct(p, 0, "(")) {
        ddl_advance(p);
        return;
    }
    size_t depth = 0;
    do {
        if (ddl_at_punct(p, 0, "("))
            depth++;
        else if (ddl_at_punct(p, 0, ")"))
            depth--;
        ddl_advance(p);
    } while (depth > 0 && !ddl_at_end(p));
}

void ddl_skip_to_item_end(ddl_parser *p)
{
    while (!ddl_at_end(p) && !ddl_at_punct(p, 0, ",") && !ddl_at_punct(p, 0, ")"))
        ddl_skip_one(p);
}

relmap_span ddl_span(const ddl_parser *p, size_t start, size_t end)
{
    return mb_span(p->src, start, end > start ? end : start);
}

relmap_span ddl_token_span(const ddl_parser *p, const ddl_token *tok)
{
    return ddl_span(p, tok->start, tok->start + tok->len);
}

const char *ddl_text(ddl_parser *p, size_t start, size_t end)
{
    return rm_arena_strndup(p->tmp, p->text + start, end > start ? end - start : 0);
}

bool ddl_at_name(const ddl_parser *p)
{
    const ddl_token *tok = ddl_peek(p, 0);
    switch (tok->kind) {
    case DDL_TK_ID:
    case DDL_TK_QUOTED:
        return true;
    case DDL_TK_STRING:
        /* SQLite takes 'text' for a name where one is expected. */
        return p->dialect == RELMAP_DIALECT_SQLITE && p->text[tok->start] == '\'';
    case DDL_TK_KEYWORD:
        /* SQLite's reserved words are not names; the other dialects'
         * reserved words differ, and their dumps quote what needs it. */
        return p->dialect != RELMAP_DIALECT_SQLITE || ddl_keyword_is_fallback(tok->kw);
    default:
        return false;
    }
}

const char *ddl_take_name(ddl_parser *p, relmap_span *span)
{
    if (!ddl_at_name(p))
        return NULL;
    const ddl_token *tok = ddl_advance(p);
    char *out = rm_arena_alloc(p->tmp, tok->len + 1);
    ddl_dequote(&p->lx, tok, out);
    /* PostgreSQL stores unquoted names in lower case (ASCII letters only,
     * as its downcase_identifier does for multi-byte encodings). */
    if (p->dialect == RELMAP_DIALECT_POSTGRES &&
        (tok->kind == DDL_TK_ID || tok->kind == DDL_TK_KEYWORD))
        for (char *c = out; *c; c++)
            if (*c >= 'A' && *c <= 'Z')
                *c = (char)(*c - 'A' + 'a');
    if (span)
        *span = ddl_token_span(p, tok);
    return out;
}

ddl_name ddl_take_qualified(ddl_parser *p)
{
    ddl_name n = {NULL, NULL, mb_no_span()};
    n.name = ddl_take_name(p, &n.span);
    while (n.name && ddl_at_punct(p, 0, ".")) {
        ddl_advance(p);
        n.schema = n.name;
        n.name = ddl_take_name(p, &n.span);
        if (!n.name)
            ddl_expected(p, "a name after '.'");
    }
    return n;
}

bool ddl_name_list(ddl_parser *p, const char ***names, relmap_span **spans, size_t *n)
{
    if (!ddl_accept_punct(p, "("))
        return ddl_expected(p, "'(' and a list of column names");
    size_t count = 0, cap = 0;
    const char **list = NULL;
    relmap_span *where = NULL;
    while (!ddl_at_punct(p, 0, ")")) {
        relmap_span span;
        const char *name = ddl_take_name(p, &span);
        if (!name)
            return ddl_expected(p, "a column name");
        if (count == cap) {
            cap = cap ? cap * 2 : 4;
            const char **grown = rm_arena_alloc(p->tmp, cap * sizeof *grown);
            relmap_span *grown_spans = rm_arena_alloc(p->tmp, cap * sizeof *grown_spans);
            if (count) {
                memcpy(grown, list, count * sizeof *list);
                memcpy(grown_spans, where, count * sizeof *where);
            }
            list = grown;
            where = grown_spans;
        }
        list[count] = name;
        where[count++] = span;
        /* MySQL's prefix lengths "(name(10))", COLLATE, ASC/DESC, NULLS ... */
        ddl_skip_to_item_end(p);
        if (!ddl_accept_punct(p, ","))
            break;
    }
    if (!ddl_accept_punct(p, ")"))
        return ddl_expected(p, "',' or ')' in the column list");
    *names = list;
    *spans = where;
    *n = count;
    return true;
}

/* A token as a message shows it: printable ASCII, cut at 40 bytes. */
static void describe(const ddl_parser *p, const ddl_token *tok, char *out, size_t cap)
{
    if (tok->kind == DDL_TK_EOF) {
        snprintf(out, cap, "the end of the statement");
        return;
    }
    char first = p->text[tok->start];
    if (tok->kind == DDL_TK_ILLEGAL &&
        (first == '\'' || first == '"' || first == '`' || first == '[' || first == '$')) {
        snprintf(out, cap, "a quote that is never closed");
        return;
    }
    size_t n = 0, limit = tok->len < 40 ? tok->len : 40;
    out[n++] = '\'';
    for (size_t i = 0; i < limit && n + 5 < cap; i++) {
        unsigned char c = (unsigned char)p->text[tok->start + i];
        out[n++] = c >= 0x20 && c < 0x7f ? (char)c : '?';
    }
    if (limit < tok->len && n + 5 < cap) {
        memcpy(out + n, "...", 3);
        n += 3;
    }
    out[n++] = '\'';
    out[n] = '\0';
}

bool ddl_expected(ddl_parser *p, const char *what)
{
    if (p->failed)
        return false;
    p->failed = true;
    const ddl_token *tok = ddl_peek(p, 0);
    char found[64], message[256];
    describe(p, tok, found, sizeof found);
    snprintf(message, sizeof message, "expected %s, found %s", what, found);
    relmap_span span =
        tok->kind == DDL_TK_EOF ? ddl_span(p, tok->start, tok->start + 1) : ddl_token_span(p, tok);
    if (span.end > p->len)
        span = ddl_span(p, p->len > 0 ? p->len - 1 : 0, p->len);
    mb_syntax_error(p->model, span, message);
    return false;
}

/* The key a table is registered under: "schema\x1fname" or "name". */
static const char *table_key(rm_arena *arena, const char *schema, const char *name)
{
    return schema ? rm_arena_printf(arena, "%s\x1f%s", schema, name) : name;
}

relmap_table *ddl_find_table(ddl_parser *p, const char *schema, const char *name)
{
    if (!name)
        return NULL;
    if (!schema && p->default_schema) {
        relmap_table *t = rm_strmap_get(p->tables, table_key(p->tmp, p->default_schema, name));
        if (t)
            return t;
    }
    relmap_table *t = rm_strmap_get(p->tables, table_key(p->tmp, schema, name));
    if (t || !schema)
        return t;
    /* "public.accounts" for a table created as plain "accounts". */
    t = rm_strmap_get(p->tables, name);
    return t && !t->schema ? t : NULL;
}

void ddl_remember_table(ddl_parser *p, relmap_table *t)
{
    /* Keys live in the model's arena, as long as the map. */
    rm_strmap_put(p->tables, t->name, t);
    if (t->schema)
        rm_strmap_put(p->tables, table_key(mb_arena(p->model), t->schema, t->name), t);
}

const char *ddl_schema_or_default(const ddl_parser *p, const char *schema)
{
    return schema ? schema : p->default_schema;
}
