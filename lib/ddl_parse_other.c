/*
 * ddl_parse_other.c - the statements besides CREATE TABLE that change the
 * model: ALTER TABLE (keys and columns added afterwards, as pg_dump and
 * mysqldump write them), CREATE INDEX, CREATE VIEW, COMMENT ON, CREATE
 * SCHEMA, SET search_path and SQLite's PRAGMA foreign_keys.
 */
#include "ddl_parse.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ALTER [COLUMN] name SET NOT NULL / DROP NOT NULL (PostgreSQL). */
static void alter_column(ddl_parser *p, relmap_table *t)
{
    ddl_accept_word(p, "COLUMN");
    const char *name = ddl_take_name(p, NULL);
    bool set = ddl_at_word(p, 0, "SET") && ddl_at_word(p, 1, "NOT") && ddl_at_word(p, 2, "NULL");
    bool drop = ddl_at_word(p, 0, "DROP") && ddl_at_word(p, 1, "NOT") && ddl_at_word(p, 2, "NULL");
    for (size_t c = 0; name && (set || drop) && c < t->ncolumns; c++)
        if (strcmp(t->columns[c].name, name) == 0)
            t->columns[c].nullable = drop;
}

/* One action of ALTER TABLE; false after a syntax error. */
static bool alter_action(ddl_parser *p, relmap_table *t)
{
    if (ddl_accept_word(p, "ADD")) {
        if (ddl_at_table_constraint(p))
            return ddl_table_constraint(p, t);
        ddl_accept_word(p, "COLUMN");
        ddl_accept_words(p, (const char *const[]){"IF", "NOT", "EXISTS"}, 3);
        if (!ddl_column_def(p, t))
            return false;
        /* MySQL: FIRST, AFTER col */
        ddl_skip_to_item_end(p);
        return true;
    }
    if (ddl_accept_word(p, "ALTER"))
        alter_column(p, t);
    /* Everything else (OWNER TO, DROP, RENAME, SET ...) is not modelled. */
    ddl_skip_to_item_end(p);
    return true;
}

void ddl_alter_table(ddl_parser *p)
{
    p->i += 2;
    ddl_accept_words(p, (const char *const[]){"IF", "EXISTS"}, 2);
    ddl_accept_word(p, "ONLY");
    ddl_name name = ddl_take_qualified(p);
    if (!name.name) {
        ddl_expected(p, "the table's name");
        return;
    }
    ddl_accept_punct(p, "*");
    relmap_table *t = ddl_find_table(p, name.schema, name.name);
    if (!t)
        return; /* a table this file does not create: nothing to add it to */
    while (!ddl_at_end(p)) {
        if (!alter_action(p, t))
            return;
        if (!ddl_accept_punct(p, ",")) {
            if (!ddl_at_end(p))
                ddl_expected(p, "',' or the end of the statement");
            return;
        }
    }
}

void ddl_create_index(ddl_parser *p, bool unique)
{
    size_t start = p->toks[0].start;
    ddl_accept_word(p, "CONCURRENTLY");
    ddl_accept_words(p, (const char *const[]){"IF", "NOT", "EXISTS"}, 3);
    const char *name = NULL;
    if (!ddl_at_word(p, 0, "ON") || ddl_at_word(p, 1, "ON")) {
        ddl_name index = ddl_take_qualified(p);
        if (!index.name) {
            ddl_expected(p, "the index's name");
            return;
        }
        name = index.name;
    }
    /* MySQL writes USING before ON, PostgreSQL after the table. */
    const char *method = NULL;
    if (ddl_accept_word(p, "USING"))
        method = ddl_take_name(p, NULL);
    if (!ddl_accept_word(p, "ON")) {
        ddl_expected(p, "ON and the table's name");
        return;
    }
    ddl_accept_word(p, "ONLY");
    ddl_name table = ddl_take_qualified(p);
    if (!table.name) {
        ddl_expected(p, "the table's name");
        return;
    }
    relmap_table *t = ddl_find_table(p, table.schema, table.name);
    if (ddl_accept_word(p, "USING"))
        method = ddl_take_name(p, NULL);
    if (!t)
        return; /* on a table this file does not create */
    relmap_index *ix = mb_index(p->model, t, name, unique, ddl_span(p, start, start));
    ix->method = mb_str(p->model, method);
    if (!ddl_index_elements(p, ix))
        return;
    while (!ddl_at_end(p) && !ddl_at_word(p, 0, "WHERE"))
        ddl_skip_one(p); /* INCLUDE, WITH, TABLESPACE, NULLS NOT DISTINCT, MySQL options */
    relmap_index *done = &t->indexes[t->nindexes - 1];
    if (ddl_accept_word(p, "WHERE")) {
        size_t where = ddl_peek(p, 0)->start;
        while (!ddl_at_end(p))
            ddl_advance(p);
        done->where = mb_str(p->model, ddl_text(p, where, ddl_last_end(p)));
    }
    done->span = ddl_span(p, start, ddl_last_end(p));
}

/* A view's column names: the list after its name, or the names of a
 * simple select list (expressions are named by their text, as SQLite
 * names them). */
static void view_select_columns(ddl_parser *p, relmap_table *t)
{
    if (!ddl_accept_word(p, "SELECT"))
        return;
    if (!ddl_accept_word(p, "DISTINCT"))
        ddl_accept_word(p, "ALL");
    while (!ddl_at_end(p) && !ddl_at_word(p, 0, "FROM")) {
        size_t first = p->i, start = ddl_peek(p, 0)->start;
        while (!ddl_at_end(p) && !ddl_at_punct(p, 0, ",") && !ddl_at_word(p, 0, "FROM"))
            ddl_skip_one(p);
        size_t last = p->i; /* one past the item's last token */
        if (last == first)
            break;
        const ddl_token *end = &p->toks[last - 1];
        relmap_span span = ddl_token_span(p, end);
        const char *name = NULL;
        bool star = ddl_is_punct(&p->lx, end, "*");
        if (!star && last - first >= 2 &&
            (end->kind == DDL_TK_ID || end->kind == DDL_TK_QUOTED || end->kind == DDL_TK_KEYWORD) &&
            !ddl_is_punct(&p->lx, &p->toks[last - 2], ".")) {
            /* "expr AS name" or "expr name" */
            size_t save = p->i;
            p->i = last - 1;
            name = ddl_take_name(p, NULL);
            p->i = save;
        } else if (!star && (end->kind == DDL_TK_ID || end->kind == DDL_TK_QUOTED ||
                             end->kind == DDL_TK_KEYWORD)) {
            size_t save = p->i;
            p->i = last - 1;
            name = ddl_take_name(p, NULL);
            p->i = save;
        } else if (!star) {
            name = ddl_text(p, start, end->start + end->len);
        }
        if (name)
            mb_column(p->model, t, name, "", span);
        if (!ddl_accept_punct(p, ","))
            break;
    }
}

void ddl_create_view(ddl_parser *p)
{
    ddl_accept_words(p, (const char *const[]){"IF", "NOT", "EXISTS"}, 3);
    ddl_name name = ddl_take_qualified(p);
    if (!name.name) {
        ddl_expected(p, "the view's name");
        return;
    }
    const char *schema =
        p->dialect == RELMAP_DIALECT_SQLITE ? NULL : ddl_schema_or_default(p, name.schema);
    relmap_table *t = mb_table(p->model, schema, name.name, RELMAP_KIND_VIEW, name.span);
    t->dialect = p->dialect;
    ddl_remember_table(p, t);
    bool listed = false;
    if (ddl_at_punct(p, 0, "(")) {
        const char **names;
        relmap_span *spans;
        size_t n;
        if (!ddl_name_list(p, &names, &spans, &n))
            return;
        for (size_t k = 0; k < n; k++)
            mb_column(p->model, t, names[k], "", spans[k]);
        listed = true;
    }
    if (ddl_accept_word(p, "WITH") && ddl_at_punct(p, 0, "("))
        ddl_skip_one(p); /* PostgreSQL's view options */
    if (!ddl_accept_word(p, "AS")) {
        ddl_expected(p, "AS and the view's query");
        return;
    }
    if (!listed)
        view_select_columns(p, t);
}

void ddl_create_schema(ddl_parser *p)
{
    /* The model has no list of schemas; tables carry theirs. The statement
     * is read for its syntax only. */
    ddl_accept_words(p, (const char *const[]){"IF", "NOT", "EXISTS"}, 3);
    if (!ddl_at_word(p, 0, "AUTHORIZATION") && !ddl_take_name(p, NULL))
        ddl_expected(p, "the schema's name");
}

/* COMMENT ON TABLE name IS 'text' (columns have no comment in the model). */
void ddl_comment_on(ddl_parser *p)
{
    p->i += 2;
    bool table = ddl_accept_word(p, "TABLE");
    if (!table && !ddl_accept_word(p, "VIEW"))
        return;
    ddl_name name = ddl_take_qualified(p);
    relmap_table *t = ddl_find_table(p, name.schema, name.name);
    if (!ddl_accept_word(p, "IS")) {
        ddl_expected(p, "IS and the comment");
        return;
    }
    const ddl_token *tok = ddl_peek(p, 0);
    if (!t)
        return;
    if (tok->kind == DDL_TK_STRING) {
        char *text = rm_arena_alloc(p->tmp, tok->len + 1);
        ddl_dequote(&p->lx, tok, text);
        t->comment = mb_str(p->model, text);
    } else if (ddl_at_word(p, 0, "NULL")) {
        t->comment = NULL;
    } else {
        ddl_expected(p, "a string or NULL");
    }
}

/* SET search_path = a, b (or TO): unqualified names then live in `a`. */
void ddl_set(ddl_parser *p)
{
    ddl_advance(p);
    if (!ddl_accept_word(p, "search_path"))
        return;
    if (!ddl_accept_punct(p, "=") && !ddl_accept_word(p, "TO"))
        return;
    const ddl_token *tok = ddl_peek(p, 0);
    const char *schema = NULL;
    if (tok->kind == DDL_TK_STRING) {
        char *text = rm_arena_alloc(p->tmp, tok->len + 1);
        ddl_dequote(&p->lx, tok, text);
        schema = *text ? text : NULL;
    } else {
        schema = ddl_take_name(p, NULL);
    }
    if (schema && (strcmp(schema, "$user") == 0 || strcmp(schema, "public") == 0))
        schema = NULL; /* where unqualified names already go */
    p->default_schema = schema ? mb_str(p->model, schema) : NULL;
}

/* PRAGMA foreign_keys = ON (or 1, true, yes; or foreign_keys(1)): evidence
 * for SQLITE001 that the script's connection enforces keys. */
void ddl_pragma(ddl_parser *p)
{
    size_t start = p->toks[0].start;
    ddl_advance(p);
    if (ddl_at_punct(p, 1, ".")) {
        ddl_advance(p); /* main.foreign_keys */
        ddl_advance(p);
    }
    if (!ddl_accept_word(p, "foreign_keys"))
        return;
    bool paren = ddl_accept_punct(p, "(");
    if (!paren && !ddl_accept_punct(p, "="))
        return; /* a query of the setting */
    const ddl_token *tok = ddl_advance(p);
    char value[8] = "";
    if (tok->len < sizeof value) {
        memcpy(value, p->text + tok->start, tok->len);
        value[tok->len] = '\0';
    }
    if (strcasecmp(value, "ON") == 0 || strcmp(value, "1") == 0 || strcasecmp(value, "TRUE") == 0 ||
        strcasecmp(value, "YES") == 0 || strcasecmp(value, "'ON'") == 0) {
        p->model->facts.pragma_foreign_keys = true;
        p->model->facts.pragma_foreign_keys_span = ddl_span(p, start, ddl_last_end(p));
    }
}
