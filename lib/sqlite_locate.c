/*
 * sqlite_locate.c - finding the parts of stored CREATE statements (see
 * sqlite_locate.h). The walk follows SQLite's grammar (parse.y: create_table,
 * columnname, carglist, ccons, tcons, refargs, defer_subclause) but never
 * rejects anything: whatever it does not recognise it steps over.
 */
#include "sqlite_locate.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "ddl_lex.h"

typedef struct walker {
    ddl_lexer lx;
    ddl_token *toks; /* the significant tokens, ending with DDL_TK_EOF */
    size_t ntoks;
    size_t i; /* the current token */
    rm_arena *arena;
} walker;

static void walker_init(walker *w, rm_arena *arena, const char *sql, size_t len)
{
    size_t cap = 0;
    memset(w, 0, sizeof *w);
    w->arena = arena;
    ddl_lexer_init(&w->lx, sql, len);
    for (;;) {
        w->toks = rm_grow(w->toks, &cap, w->ntoks + 1, sizeof *w->toks);
        ddl_token tok = ddl_next_significant(&w->lx);
        w->toks[w->ntoks++] = tok;
        if (tok.kind == DDL_TK_EOF)
            break;
    }
}

/* The token `ahead` places after the current one (EOF past the end). */
static const ddl_token *peek(const walker *w, size_t ahead)
{
    size_t k = w->i + ahead;
    return &w->toks[k < w->ntoks ? k : w->ntoks - 1];
}

static const ddl_token *advance(walker *w)
{
    const ddl_token *tok = peek(w, 0);
    if (tok->kind != DDL_TK_EOF)
        w->i++;
    return tok;
}

static bool at_kw(const walker *w, size_t ahead, ddl_kw kw)
{
    const ddl_token *tok = peek(w, ahead);
    return tok->kind == DDL_TK_KEYWORD && tok->kw == kw;
}

static bool at_punct(const walker *w, const char *punct)
{
    return ddl_is_punct(&w->lx, peek(w, 0), punct);
}

static bool at_eof(const walker *w)
{
    return peek(w, 0)->kind == DDL_TK_EOF;
}

/* Consumes the keyword if it is next. */
static bool accept_kw(walker *w, ddl_kw kw)
{
    if (!at_kw(w, 0, kw))
        return false;
    w->i++;
    return true;
}

/* The end offset of the last token consumed. */
static size_t last_end(const walker *w)
{
    if (w->i == 0)
        return 0;
    const ddl_token *tok = &w->toks[w->i - 1];
    return tok->start + tok->len;
}

static sl_range range(size_t start, size_t end)
{
    sl_range r = {start, end};
    return r;
}

static sl_name take_name(walker *w)
{
    sl_name n = {NULL, {0, 0}};
    const ddl_token *tok = peek(w, 0);
    if (!ddl_is_name(tok))
        return n;
    char *text = rm_arena_alloc(w->arena, tok->len + 1);
    ddl_dequote(&w->lx, tok, text);
    n.name = text;
    n.span = range(tok->start, tok->start + tok->len);
    w->i++;
    return n;
}

/* Steps over one token, or a whole parenthesised group. */
static void skip_one(walker *w)
{
    if (!at_punct(w, "(")) {
        advance(w);
        return;
    }
    size_t depth = 0;
    do {
        if (at_punct(w, "("))
            depth++;
        else if (at_punct(w, ")"))
            depth--;
        advance(w);
    } while (depth > 0 && !at_eof(w));
}

/* At "(": steps over the group and returns the range inside it. */
static sl_range skip_group(walker *w)
{
    size_t inner = peek(w, 1)->start;
    skip_one(w);
    size_t end = w->i > 0 && ddl_is_punct(&w->lx, &w->toks[w->i - 1], ")") ? w->toks[w->i - 1].start
                                                                           : last_end(w);
    return range(inner, end > inner ? end : inner);
}

/* Whether the current token ends a list item: "," or ")" or the end. */
static bool at_item_end(const walker *w)
{
    return at_punct(w, ",") || at_punct(w, ")") || at_eof(w);
}

/* ON CONFLICT resolution, where the grammar allows one. */
static void skip_conflict(walker *w)
{
    if (at_kw(w, 0, DDL_KW_ON) && at_kw(w, 1, DDL_KW_CONFLICT)) {
        w->i += 2;
        advance(w);
    }
}

/* "( name [COLLATE x] [ASC|DESC], ... )": the first name of each element. */
static void name_list(walker *w, sl_name **names, size_t *n)
{
    if (!at_punct(w, "("))
        return;
    advance(w);
    while (!at_eof(w) && !at_punct(w, ")")) {
        sl_name name = take_name(w);
        if (name.name) {
            sl_name *slot = rm_arena_push(w->arena, (void **)names, n, sizeof *slot);
            *slot = name;
        }
        while (!at_item_end(w))
            skip_one(w);
        if (at_punct(w, ","))
            advance(w);
    }
    advance(w);
}

static sl_constraint *add_constraint(walker *w, sl_table *t, sl_kind kind, long column,
                                     const char *name, size_t start)
{
    sl_constraint *c =
        rm_arena_push(w->arena, (void **)&t->constraints, &t->nconstraints, sizeof *c);
    c->kind = kind;
    c->column = column;
    c->name = name;
    c->span = range(start, start);
    return c;
}

/* The words of a referential action: SET NULL, SET DEFAULT, CASCADE,
 * RESTRICT, NO ACTION (or whatever single word stands there). */
static sl_range action(walker *w)
{
    size_t start = peek(w, 0)->start;
    /* SET and NO take a second word; the others stand alone. */
    if (!accept_kw(w, DDL_KW_SET))
        accept_kw(w, DDL_KW_NO);
    advance(w);
    return range(start, last_end(w));
}

/* [NOT] DEFERRABLE [INITIALLY DEFERRED|IMMEDIATE]; false when absent. */
static bool defer_clause(walker *w, relmap_deferrable *out)
{
    bool negated = at_kw(w, 0, DDL_KW_NOT) && at_kw(w, 1, DDL_KW_DEFERRABLE);
    if (!negated && !at_kw(w, 0, DDL_KW_DEFERRABLE))
        return false;
    w->i += negated ? 2 : 1;
    relmap_deferrable d = RELMAP_DEFERRABLE_INITIALLY_IMMEDIATE;
    if (accept_kw(w, DDL_KW_INITIALLY)) {
        if (accept_kw(w, DDL_KW_DEFERRED))
            d = RELMAP_DEFERRABLE_INITIALLY_DEFERRED;
        else
            accept_kw(w, DDL_KW_IMMEDIATE);
    }
    /* SQLite ignores INITIALLY after NOT DEFERRABLE. */
    *out = negated ? RELMAP_NOT_DEFERRABLE : d;
    return true;
}

/* At REFERENCES: the parent, its columns and the refargs. */
static void references(walker *w, sl_constraint *c)
{
    advance(w);
    c->ref_table = take_name(w);
    name_list(w, &c->ref_columns, &c->nref_columns);
    for (;;) {
        if (at_kw(w, 0, DDL_KW_ON) && !at_kw(w, 1, DDL_KW_CONFLICT)) {
            advance(w);
            const ddl_token *event = advance(w);
            sl_range words = action(w);
            /* SQLite accepts and ignores ON INSERT. */
            if (event->kw == DDL_KW_DELETE)
                c->on_delete = words;
            else if (event->kw == DDL_KW_UPDATE)
                c->on_update = words;
        } else if (accept_kw(w, DDL_KW_MATCH)) {
            const ddl_token *tok = advance(w);
            c->match = range(tok->start, tok->start + tok->len);
        } else if (!defer_clause(w, &c->deferrable)) {
            break;
        }
    }
}

/* The column's own name as a one-element list, for column constraints. */
static void column_as_list(walker *w, const sl_table *t, long column, sl_constraint *c)
{
    sl_name *slot = rm_arena_push(w->arena, (void **)&c->columns, &c->ncolumns, sizeof *slot);
    *slot = t->columns[column].name;
}

/* One column constraint (after an optional CONSTRAINT name). */
static void column_constraint(walker *w, sl_table *t, long column, const char *name, size_t start)
{
    sl_constraint *c = NULL;
    if (at_kw(w, 0, DDL_KW_PRIMARY)) {
        c = add_constraint(w, t, SL_PRIMARY_KEY, column, name, start);
        w->i++;
        accept_kw(w, DDL_KW_KEY);
        if (!accept_kw(w, DDL_KW_ASC))
            accept_kw(w, DDL_KW_DESC);
        skip_conflict(w);
        c->autoincrement = accept_kw(w, DDL_KW_AUTOINCREMENT);
    } else if (at_kw(w, 0, DDL_KW_UNIQUE)) {
        c = add_constraint(w, t, SL_UNIQUE, column, name, start);
        w->i++;
        skip_conflict(w);
    } else if (at_kw(w, 0, DDL_KW_CHECK)) {
        c = add_constraint(w, t, SL_CHECK, column, name, start);
        w->i++;
        if (at_punct(w, "("))
            c->expr = skip_group(w);
    } else if (at_kw(w, 0, DDL_KW_REFERENCES)) {
        c = add_constraint(w, t, SL_FOREIGN_KEY, column, name, start);
        references(w, c);
    } else {
        relmap_deferrable d;
        if (defer_clause(w, &d)) {
            /* A lone DEFERRABLE clause applies to the last key (SQLite's
             * sqlite3DeferForeignKey). */
            for (size_t k = t->nconstraints; k > 0; k--)
                if (t->constraints[k - 1].kind == SL_FOREIGN_KEY) {
                    t->constraints[k - 1].deferrable = d;
                    break;
                }
            return;
        }
        /* NOT NULL, NULL, DEFAULT, COLLATE, GENERATED ALWAYS AS, AS:
         * nothing the pragmas do not say; step to the next constraint. */
        if (accept_kw(w, DDL_KW_DEFAULT)) {
            if (at_punct(w, "+") || at_punct(w, "-"))
                advance(w);
        } else {
            accept_kw(w, DDL_KW_COLLATE);
        }
        skip_one(w);
        return;
    }
    column_as_list(w, t, column, c);
    c->span.end = last_end(w);
}

/* Type words: names, up to GENERATED ALWAYS (SQLite strips those from the
 * type too), then an optional "(size[, size])". */
static void type_name(walker *w)
{
    while (ddl_is_name(peek(w, 0)) &&
           !(at_kw(w, 0, DDL_KW_GENERATED) && at_kw(w, 1, DDL_KW_ALWAYS)))
        w->i++;
    if (at_punct(w, "("))
        skip_one(w);
}

static void column_def(walker *w, sl_table *t)
{
    long column = (long)t->ncolumns;
    sl_column *col = rm_arena_push(w->arena, (void **)&t->columns, &t->ncolumns, sizeof *col);
    col->name = take_name(w);
    type_name(w);
    while (!at_item_end(w)) {
        size_t start = peek(w, 0)->start;
        const char *name = NULL;
        if (accept_kw(w, DDL_KW_CONSTRAINT))
            name = take_name(w).name;
        size_t before = w->i;
        column_constraint(w, t, column, name, start);
        if (w->i == before)
            skip_one(w);
    }
    col->span = range(col->name.span.start, last_end(w));
}

/* One table constraint (after an optional CONSTRAINT name); false when
 * what follows is not one. */
static bool table_constraint(walker *w, sl_table *t, const char *name, size_t start)
{
    sl_constraint *c;
    if (at_kw(w, 0, DDL_KW_PRIMARY) || at_kw(w, 0, DDL_KW_UNIQUE)) {
        bool pk = at_kw(w, 0, DDL_KW_PRIMARY);
        c = add_constraint(w, t, pk ? SL_PRIMARY_KEY : SL_UNIQUE, -1, name, start);
        w->i++;
        if (pk)
            accept_kw(w, DDL_KW_KEY);
        name_list(w, &c->columns, &c->ncolumns);
        skip_conflict(w);
    } else if (at_kw(w, 0, DDL_KW_CHECK)) {
        c = add_constraint(w, t, SL_CHECK, -1, name, start);
        w->i++;
        if (at_punct(w, "("))
            c->expr = skip_group(w);
        skip_conflict(w);
    } else if (at_kw(w, 0, DDL_KW_FOREIGN)) {
        c = add_constraint(w, t, SL_FOREIGN_KEY, -1, name, start);
        w->i++;
        accept_kw(w, DDL_KW_KEY);
        name_list(w, &c->columns, &c->ncolumns);
        if (at_kw(w, 0, DDL_KW_REFERENCES))
            references(w, c);
    } else {
        return false;
    }
    c->span.end = last_end(w);
    return true;
}

static bool starts_table_constraint(const walker *w)
{
    return at_kw(w, 0, DDL_KW_CONSTRAINT) || at_kw(w, 0, DDL_KW_PRIMARY) ||
           at_kw(w, 0, DDL_KW_UNIQUE) || at_kw(w, 0, DDL_KW_CHECK) || at_kw(w, 0, DDL_KW_FOREIGN);
}

/* Table constraints; SQLite lets them follow each other without commas. */
static void table_constraints(walker *w, sl_table *t)
{
    while (starts_table_constraint(w)) {
        size_t start = peek(w, 0)->start;
        const char *name = NULL;
        if (accept_kw(w, DDL_KW_CONSTRAINT))
            name = take_name(w).name;
        if (!table_constraint(w, t, name, start))
            break;
    }
    while (!at_item_end(w))
        skip_one(w);
}

/* CREATE [TEMP] [VIRTUAL] TABLE|VIEW|INDEX [IF NOT EXISTS] [schema.]name */
static sl_name object_name(walker *w)
{
    sl_name none = {NULL, {0, 0}};
    if (!accept_kw(w, DDL_KW_CREATE))
        return none;
    while (ddl_is_name(peek(w, 0)) || at_kw(w, 0, DDL_KW_TABLE) || at_kw(w, 0, DDL_KW_INDEX) ||
           at_kw(w, 0, DDL_KW_UNIQUE)) {
        bool last =
            at_kw(w, 0, DDL_KW_TABLE) || at_kw(w, 0, DDL_KW_INDEX) || at_kw(w, 0, DDL_KW_VIEW);
        w->i++;
        if (last)
            break;
    }
    if (at_kw(w, 0, DDL_KW_IF) && at_kw(w, 1, DDL_KW_NOT) && at_kw(w, 2, DDL_KW_EXISTS))
        w->i += 3;
    sl_name name = take_name(w);
    if (at_punct(w, ".")) {
        advance(w);
        name = take_name(w);
    }
    return name;
}

bool sl_locate_table(rm_arena *arena, const char *sql, size_t len, sl_table *out)
{
    walker w;
    memset(out, 0, sizeof *out);
    walker_init(&w, arena, sql, len);
    out->name = object_name(&w);
    bool ok = out->name.name != NULL && at_punct(&w, "(");
    if (ok) {
        advance(&w);
        while (!at_eof(&w) && !at_punct(&w, ")")) {
            size_t before = w.i;
            if (starts_table_constraint(&w))
                table_constraints(&w, out);
            else if (ddl_is_name(peek(&w, 0)))
                column_def(&w, out);
            while (!at_item_end(&w))
                skip_one(&w);
            if (at_punct(&w, ","))
                advance(&w);
            if (w.i == before)
                break;
        }
        ok = at_punct(&w, ")");
    }
    free(w.toks);
    return ok;
}

/* One index element up to "," or ")": the range, and the range without a
 * trailing COLLATE name and ASC/DESC. */
static void index_element(walker *w, sl_index *ix)
{
    sl_index_element *e =
        rm_arena_push(w->arena, (void **)&ix->elements, &ix->nelements, sizeof *e);
    size_t start = peek(w, 0)->start, expr_end = start;
    while (!at_item_end(w)) {
        if (at_kw(w, 0, DDL_KW_COLLATE) || at_kw(w, 0, DDL_KW_ASC) || at_kw(w, 0, DDL_KW_DESC)) {
            advance(w);
            continue;
        }
        /* The name after COLLATE is not part of the expression either. */
        if (w->i > 0 && w->toks[w->i - 1].kind == DDL_TK_KEYWORD &&
            w->toks[w->i - 1].kw == DDL_KW_COLLATE) {
            advance(w);
            continue;
        }
        skip_one(w);
        expr_end = last_end(w);
    }
    e->span = range(start, last_end(w));
    e->expr = range(start, expr_end);
}

bool sl_locate_index(rm_arena *arena, const char *sql, size_t len, sl_index *out)
{
    walker w;
    memset(out, 0, sizeof *out);
    walker_init(&w, arena, sql, len);
    out->span = range(w.toks[0].start, len);
    out->name = object_name(&w);
    bool ok = out->name.name != NULL && accept_kw(&w, DDL_KW_ON);
    if (ok) {
        take_name(&w);
        if (at_punct(&w, "."))
            w.i += 2;
        ok = at_punct(&w, "(");
    }
    if (ok) {
        advance(&w);
        while (!at_eof(&w) && !at_punct(&w, ")")) {
            index_element(&w, out);
            if (at_punct(&w, ","))
                advance(&w);
        }
        ok = at_punct(&w, ")");
        advance(&w);
        if (accept_kw(&w, DDL_KW_WHERE) && !at_eof(&w)) {
            size_t start = peek(&w, 0)->start;
            while (!at_eof(&w))
                advance(&w);
            out->where = range(start, last_end(&w));
        }
    }
    free(w.toks);
    return ok;
}
