/*
 * ddl_parse_table.c - CREATE TABLE in the three dialects: columns with
 * their types and constraints, table constraints, MySQL's inline keys, and
 * the options after the closing parenthesis.
 *
 * The grammar is the union of SQLite's parse.y (create_table, carglist,
 * ccons, tcons, refargs), PostgreSQL's CREATE TABLE synopsis and MySQL's;
 * where the dialects read the same text differently the dialect decides
 * (a type in SQLite is every name up to a constraint, as SQLite takes it).
 */
#include "ddl_parse.h"

#include <string.h>
#include <strings.h>

#include "read_ddl.h"
#include "types.h"

static bool is_sqlite(const ddl_parser *p)
{
    return p->dialect == RELMAP_DIALECT_SQLITE;
}

const char *ddl_group_inside(ddl_parser *p)
{
    size_t open = p->i;
    ddl_skip_one(p);
    if (p->i - open < 2 || !ddl_is_punct(&p->lx, &p->toks[p->i - 1], ")")) {
        ddl_expected(p, "')'");
        return NULL;
    }
    /* From the first token inside to the start of ")" (as SQLite's reader
     * locates CHECK expressions). */
    size_t start = p->toks[open + 1].start, end = p->toks[p->i - 1].start;
    return ddl_text(p, start, end);
}

/* Steps over "[...]" (PostgreSQL array bounds, ARRAY[...]). */
static void skip_brackets(ddl_parser *p)
{
    size_t depth = 0;
    do {
        if (ddl_at_punct(p, 0, "["))
            depth++;
        else if (ddl_at_punct(p, 0, "]"))
            depth--;
        ddl_advance(p);
    } while (depth > 0 && !ddl_at_end(p));
}

/* Words that end a column's type in PostgreSQL and MySQL. */
static bool type_stop(const ddl_parser *p, bool first)
{
    static const char *const stops[] = {"CONSTRAINT",
                                        "PRIMARY",
                                        "NOT",
                                        "NULL",
                                        "UNIQUE",
                                        "CHECK",
                                        "DEFAULT",
                                        "REFERENCES",
                                        "COLLATE",
                                        "GENERATED",
                                        "AS",
                                        "AUTO_INCREMENT",
                                        "AUTOINCREMENT",
                                        "COMMENT",
                                        "ON",
                                        "CHARSET",
                                        "STORED",
                                        "VIRTUAL",
                                        "VISIBLE",
                                        "INVISIBLE",
                                        "DEFERRABLE",
                                        "INITIALLY",
                                        "COLUMN_FORMAT",
                                        "STORAGE",
                                        "KEY",
                                        "SRID",
                                        "ENGINE_ATTRIBUTE",
                                        "SECONDARY_ENGINE_ATTRIBUTE"};
    for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++)
        if (ddl_at_word(p, 0, stops[i]))
            return true;
    return !first && ddl_at_word(p, 0, "CHARACTER") && ddl_at_word(p, 1, "SET");
}

/* The declared type's bytes [start, end); empty when there is none. */
static void column_type(ddl_parser *p, size_t *start, size_t *end)
{
    *start = *end = ddl_peek(p, 0)->start;
    if (is_sqlite(p)) {
        /* typetoken: names, then "(n)" or "(n, m)". */
        while (ddl_at_name(p) && !(ddl_at_word(p, 0, "GENERATED") && ddl_at_word(p, 1, "ALWAYS")))
            ddl_advance(p);
        if (p->i > 0 && ddl_at_punct(p, 0, "(") && ddl_last_end(p) > *start)
            ddl_skip_one(p);
        *end = ddl_last_end(p) > *start ? ddl_last_end(p) : *start;
        return;
    }
    bool first = true;
    for (;;) {
        const ddl_token *tok = ddl_peek(p, 0);
        if ((tok->kind == DDL_TK_ID || tok->kind == DDL_TK_KEYWORD ||
             (first && tok->kind == DDL_TK_QUOTED)) &&
            !type_stop(p, first)) {
            ddl_advance(p);
            if (ddl_at_punct(p, 0, ".")) {
                ddl_advance(p);
                continue;
            }
        } else if (!first && ddl_at_punct(p, 0, "(")) {
            ddl_skip_one(p);
        } else if (!first && ddl_at_punct(p, 0, "[")) {
            skip_brackets(p);
        } else {
            break;
        }
        first = false;
    }
    if (!first)
        *end = ddl_last_end(p);
}

static bool at_binary_operator(const ddl_parser *p)
{
    static const char *const ops[] = {"+", "-", "*", "/", "%", "||", "&", "|", "<<", ">>"};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (ddl_at_punct(p, 0, ops[i]))
            return true;
    return false;
}

/* One operand of a default: a group, a literal, a (qualified) name or a
 * function call, MySQL's _charset'..' and b'..', PostgreSQL's ARRAY[..]. */
static void default_operand(ddl_parser *p)
{
    if (ddl_at_punct(p, 0, "(")) {
        ddl_skip_one(p);
        return;
    }
    const ddl_token *tok = ddl_advance(p);
    if (ddl_at_punct(p, 0, "[") && (tok->kind == DDL_TK_ID || tok->kind == DDL_TK_KEYWORD)) {
        skip_brackets(p);
        return;
    }
    if (ddl_peek(p, 0)->kind == DDL_TK_STRING && ddl_peek(p, 0)->start == tok->start + tok->len)
        ddl_advance(p); /* an introducer glued to its string */
    while (ddl_at_punct(p, 0, ".") && ddl_peek(p, 1)->kind != DDL_TK_EOF) {
        ddl_advance(p);
        ddl_advance(p);
    }
    if (ddl_at_punct(p, 0, "("))
        ddl_skip_one(p);
}

/* DEFAULT's value as the dialect keeps its text (at the token after DEFAULT). */
static const char *default_value(ddl_parser *p)
{
    size_t start = ddl_peek(p, 0)->start;
    if (ddl_peek(p, 0)->kind == DDL_TK_ILLEGAL) {
        ddl_expected(p, "a default value");
        return NULL;
    }
    if (is_sqlite(p)) {
        /* parse.y: "DEFAULT (expr)" keeps the inside, "DEFAULT [+-] term" the
         * sign and the term. */
        if (ddl_at_punct(p, 0, "("))
            return ddl_group_inside(p);
        if (ddl_at_punct(p, 0, "+") || ddl_at_punct(p, 0, "-"))
            ddl_advance(p);
        if (ddl_at_end(p) || ddl_at_punct(p, 0, ",") || ddl_at_punct(p, 0, ")")) {
            ddl_expected(p, "a default value");
            return NULL;
        }
        ddl_advance(p);
        return ddl_text(p, start, ddl_last_end(p));
    }
    if (ddl_at_punct(p, 0, "+") || ddl_at_punct(p, 0, "-"))
        ddl_advance(p);
    if (ddl_at_end(p) || ddl_at_punct(p, 0, ",") || ddl_at_punct(p, 0, ")")) {
        ddl_expected(p, "a default value");
        return NULL;
    }
    default_operand(p);
    for (;;) {
        if (ddl_accept_punct(p, "::")) {
            size_t s, e;
            column_type(p, &s, &e);
        } else if (at_binary_operator(p)) {
            ddl_advance(p);
            if (ddl_at_punct(p, 0, "+") || ddl_at_punct(p, 0, "-"))
                ddl_advance(p);
            if (ddl_at_end(p))
                break;
            default_operand(p);
        } else {
            break;
        }
    }
    return ddl_text(p, start, ddl_last_end(p));
}

/* ON CONFLICT x (SQLite), where the grammar allows one. */
static void skip_conflict(ddl_parser *p)
{
    if (ddl_at_word(p, 0, "ON") && ddl_at_word(p, 1, "CONFLICT"))
        p->i += 3 <= p->ntoks - p->i ? 3 : p->ntoks - p->i - 1;
}

/* A referential action's words, upper-case when valid, as written otherwise. */
static const char *fk_action(ddl_parser *p)
{
    size_t start = ddl_peek(p, 0)->start;
    if (ddl_accept_word(p, "SET")) {
        if (!ddl_accept_word(p, "NULL") && !ddl_accept_word(p, "DEFAULT"))
            ddl_advance(p);
        if (ddl_at_punct(p, 0, "("))
            ddl_skip_one(p); /* PostgreSQL 15: SET NULL (columns) */
    } else if (ddl_accept_word(p, "NO") || ddl_at_name(p) ||
               ddl_peek(p, 0)->kind == DDL_TK_KEYWORD) {
        ddl_advance(p); /* the ACTION of NO ACTION, or CASCADE, RESTRICT, ... */
    } else {
        ddl_expected(p, "a referential action (CASCADE, SET NULL, SET DEFAULT, RESTRICT or NO "
                        "ACTION)");
        return NULL;
    }
    const char *text = ddl_text(p, start, ddl_last_end(p));
    relmap_fk_action action = mb_parse_action(text);
    return action == RELMAP_ACTION_INVALID ? text : relmap_fk_action_name(action);
}

/* [NOT] DEFERRABLE [INITIALLY x] or INITIALLY x alone; false when absent or
 * malformed (then with the error set), and *out written only on true. */
static bool defer_clause(ddl_parser *p, relmap_deferrable *out)
{
    bool negated = ddl_at_word(p, 0, "NOT") && ddl_at_word(p, 1, "DEFERRABLE");
    bool initially_only = ddl_at_word(p, 0, "INITIALLY");
    if (!negated && !initially_only && !ddl_at_word(p, 0, "DEFERRABLE"))
        return false;
    if (!initially_only)
        p->i += negated ? 2 : 1;
    relmap_deferrable d = RELMAP_DEFERRABLE_INITIALLY_IMMEDIATE;
    if (ddl_accept_word(p, "INITIALLY")) {
        if (ddl_accept_word(p, "DEFERRED")) {
            d = RELMAP_DEFERRABLE_INITIALLY_DEFERRED;
        } else if (!ddl_accept_word(p, "IMMEDIATE")) {
            ddl_expected(p, "DEFERRED or IMMEDIATE");
            return false; /* *out stays unset: the statement fails */
        }
    }
    /* SQLite ignores INITIALLY after NOT DEFERRABLE; PostgreSQL refuses
     * INITIALLY DEFERRED there. */
    *out = negated ? RELMAP_NOT_DEFERRABLE : d;
    return true;
}

/* At REFERENCES: the parent, its columns and the clauses after them; the
 * key goes into the model when `keep` (see column_constraint). */
static bool references(ddl_parser *p, relmap_table *t, const char *name, size_t start,
                       const char *const *columns, const relmap_span *spans, size_t ncolumns,
                       bool keep)
{
    ddl_advance(p);
    ddl_name parent = ddl_take_qualified(p);
    if (!parent.name)
        return ddl_expected(p, "the referenced table's name");
    const char **refs = NULL;
    relmap_span *ref_spans = NULL;
    size_t nrefs = 0;
    if (ddl_at_punct(p, 0, "(") && !ddl_name_list(p, &refs, &ref_spans, &nrefs))
        return false;
    /* The clauses first: a key that does not parse is left out whole. */
    const char *on_delete = NULL, *on_update = NULL, *match = NULL;
    relmap_deferrable deferrable = RELMAP_NOT_DEFERRABLE;
    for (;;) {
        if (ddl_at_word(p, 0, "ON") && !ddl_at_word(p, 1, "CONFLICT")) {
            ddl_advance(p);
            bool del = ddl_accept_word(p, "DELETE"), upd = !del && ddl_accept_word(p, "UPDATE");
            if (!del && !upd && !ddl_accept_word(p, "INSERT"))
                return ddl_expected(p, "DELETE or UPDATE after ON");
            const char *action = fk_action(p);
            if (!action)
                return false;
            if (del)
                on_delete = action;
            else if (upd)
                on_update = action;
        } else if (ddl_accept_word(p, "MATCH")) {
            const ddl_token *tok = ddl_advance(p);
            if (tok->kind == DDL_TK_EOF)
                return ddl_expected(p, "FULL, PARTIAL or SIMPLE after MATCH");
            match = ddl_text(p, tok->start, tok->start + tok->len);
        } else if (!defer_clause(p, &deferrable)) {
            if (p->failed)
                return false;
            break;
        }
    }
    if (!keep)
        return true;
    relmap_fk *fk = mb_fk(p->model, t, name, is_sqlite(p) ? NULL : parent.schema, parent.name,
                          ddl_span(p, start, ddl_last_end(p)));
    for (size_t k = 0; k < ncolumns; k++)
        mb_fk_column(p->model, fk, columns[k], spans[k]);
    for (size_t k = 0; k < nrefs; k++)
        mb_fk_ref_column(p->model, fk, refs[k], ref_spans[k]);
    if (on_delete)
        mb_fk_on_delete(p->model, fk, on_delete);
    if (on_update)
        mb_fk_on_update(p->model, fk, on_update);
    fk->match = mb_str(p->model, match);
    fk->deferrable = deferrable;
    return true;
}

/* The column's name as a list of one, for a column constraint. */
static void one_column(ddl_parser *p, const relmap_column *col, const char ***names,
                       relmap_span **spans)
{
    *names = rm_arena_alloc(p->tmp, sizeof **names);
    *spans = rm_arena_alloc(p->tmp, sizeof **spans);
    (*names)[0] = rm_arena_strdup(p->tmp, col->name);
    (*spans)[0] = ddl_span(p, col->span.start, col->span.end);
}

/* GENERATED ALWAYS AS (expr) [STORED|VIRTUAL], AS (...), or PostgreSQL's
 * GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY [(options)]. */
static bool generated(ddl_parser *p, relmap_column *col)
{
    if (ddl_accept_word(p, "GENERATED")) {
        if (!ddl_accept_word(p, "ALWAYS")) {
            if (!ddl_accept_word(p, "BY") || !ddl_accept_word(p, "DEFAULT"))
                return ddl_expected(p, "ALWAYS or BY DEFAULT after GENERATED");
        }
    }
    if (!ddl_accept_word(p, "AS"))
        return ddl_expected(p, "AS");
    if (ddl_accept_word(p, "IDENTITY")) {
        col->autoincrement = true;
        if (ddl_at_punct(p, 0, "("))
            ddl_skip_one(p);
        return true;
    }
    if (!ddl_at_punct(p, 0, "("))
        return ddl_expected(p, "'(' and the generating expression");
    ddl_skip_one(p);
    col->generated = RELMAP_GENERATED_VIRTUAL;
    if (ddl_accept_word(p, "STORED") || ddl_accept_word(p, "PERSISTENT"))
        col->generated = RELMAP_GENERATED_STORED;
    else
        ddl_accept_word(p, "VIRTUAL");
    return true;
}

/* One column constraint; the column is the table's last. */
static bool column_constraint(ddl_parser *p, relmap_table *t)
{
    relmap_model *m = p->model;
    size_t start = ddl_peek(p, 0)->start;
    const char *name = NULL;
    if (ddl_accept_word(p, "CONSTRAINT")) {
        name = ddl_take_name(p, NULL);
        if (!name)
            return ddl_expected(p, "a constraint name after CONSTRAINT");
    }
    relmap_column *col = &t->columns[t->ncolumns - 1];
    const char **names;
    relmap_span *spans;
    if (ddl_accept_word(p, "PRIMARY")) {
        if (!ddl_accept_word(p, "KEY"))
            return ddl_expected(p, "KEY after PRIMARY");
        if (ddl_accept_word(p, "DESC"))
            p->pk_desc = true;
        else
            ddl_accept_word(p, "ASC");
        skip_conflict(p);
        if (ddl_accept_word(p, "AUTOINCREMENT"))
            col->autoincrement = true;
        relmap_key *key = mb_primary_key(m, t, name, ddl_span(p, start, ddl_last_end(p)));
        mb_key_column(m, key, col->name, col->span);
    } else if (ddl_at_word(p, 0, "NOT") && ddl_at_word(p, 1, "NULL")) {
        p->i += 2;
        skip_conflict(p);
        col->nullable = false;
    } else if (ddl_accept_word(p, "NULL")) {
        skip_conflict(p);
    } else if (ddl_accept_word(p, "UNIQUE")) {
        if (!ddl_accept_word(p, "KEY"))
            ddl_accept_word(p, "INDEX");
        skip_conflict(p);
        relmap_key *key = mb_unique(m, t, name, ddl_span(p, start, ddl_last_end(p)));
        mb_key_column(m, key, col->name, col->span);
    } else if (ddl_accept_word(p, "CHECK")) {
        if (!ddl_at_punct(p, 0, "("))
            return ddl_expected(p, "'(' after CHECK");
        const char *expr = ddl_group_inside(p);
        if (!expr)
            return false;
        ddl_accept_words(p, (const char *const[]){"NO", "INHERIT"}, 2);
        mb_check(m, t, name, expr, ddl_span(p, start, ddl_last_end(p)));
    } else if (ddl_accept_word(p, "DEFAULT")) {
        const char *value = default_value(p);
        if (!value)
            return false;
        col->default_value = mb_str(m, value);
    } else if (ddl_accept_word(p, "COLLATE")) {
        if (!ddl_take_name(p, NULL))
            return ddl_expected(p, "a collation name");
    } else if (ddl_at_word(p, 0, "REFERENCES")) {
        one_column(p, col, &names, &spans);
        /* MySQL parses a column's own REFERENCES clause and ignores it:
         * only a FOREIGN KEY clause makes a key there, so the model has
         * none either. */
        bool mysql = p->dialect == RELMAP_DIALECT_MYSQL;
        if (mysql)
            rm_say(p->opts,
                   "%s: MySQL ignores the REFERENCES clause of column %s.%s (only a "
                   "FOREIGN KEY clause makes a key)\n",
                   p->path, t->name, col->name);
        return references(p, t, name, start, names, spans, 1, !mysql);
    } else if (ddl_at_word(p, 0, "GENERATED") || ddl_at_word(p, 0, "AS")) {
        return generated(p, col);
    } else if (ddl_accept_word(p, "AUTO_INCREMENT") || ddl_accept_word(p, "AUTOINCREMENT")) {
        col->autoincrement = true;
    } else if (!is_sqlite(p) && ddl_accept_word(p, "COMMENT")) {
        if (ddl_peek(p, 0)->kind != DDL_TK_STRING)
            return ddl_expected(p, "a string after COMMENT");
        ddl_advance(p);
    } else if (!is_sqlite(p) && ddl_at_word(p, 0, "ON") && ddl_at_word(p, 1, "UPDATE")) {
        p->i += 2; /* MySQL: ON UPDATE CURRENT_TIMESTAMP[(n)] */
        default_operand(p);
    } else if (!is_sqlite(p) && (ddl_at_word(p, 0, "CHARACTER") || ddl_at_word(p, 0, "CHARSET"))) {
        if (ddl_accept_word(p, "CHARACTER") && !ddl_accept_word(p, "SET"))
            return ddl_expected(p, "SET after CHARACTER");
        ddl_accept_word(p, "CHARSET");
        if (!ddl_take_name(p, NULL))
            return ddl_expected(p, "a character set name");
    } else if (!is_sqlite(p) && (ddl_accept_word(p, "VISIBLE") || ddl_accept_word(p, "INVISIBLE") ||
                                 ddl_accept_word(p, "UNSIGNED") || ddl_accept_word(p, "ZEROFILL") ||
                                 ddl_accept_word(p, "COLUMN_FORMAT") ||
                                 ddl_accept_word(p, "STORAGE") || ddl_accept_word(p, "SRID"))) {
        /* MySQL attributes; some take a word after them. */
        if (ddl_peek(p, 0)->kind == DDL_TK_ID || ddl_peek(p, 0)->kind == DDL_TK_NUMBER)
            ddl_advance(p);
    } else {
        relmap_deferrable d;
        if (defer_clause(p, &d)) {
            /* A lone DEFERRABLE clause applies to the last key (SQLite's
             * sqlite3DeferForeignKey). */
            if (t->nfks > 0)
                t->fks[t->nfks - 1].deferrable = d;
            return true;
        }
        return name ? ddl_expected(p, "a constraint after the constraint's name")
                    : ddl_expected(p, "a column constraint, ',' or ')'");
    }
    return true;
}

bool ddl_column_def(ddl_parser *p, relmap_table *t)
{
    relmap_span name_span;
    const char *name = ddl_take_name(p, &name_span);
    if (!name)
        return ddl_expected(p, "a column name");
    size_t type_start, type_end;
    column_type(p, &type_start, &type_end);
    const char *type = ddl_text(p, type_start, type_end);
    /* SQLite dequotes a type written as one quoted word. */
    if (is_sqlite(p) && type_end > type_start &&
        (type[0] == '"' || type[0] == '\'' || type[0] == '`' || type[0] == '[')) {
        ddl_token whole = {DDL_TK_QUOTED, DDL_KW_NONE, type_start, type_end - type_start};
        char *plain = rm_arena_alloc(p->tmp, whole.len + 1);
        ddl_dequote(&p->lx, &whole, plain);
        type = plain;
    }
    /* SQLite keeps its standard type names in their own spelling
     * (sqlite3AddColumn: "int" is stored as INT). */
    static const char *const standard[] = {"ANY", "BLOB", "INT", "INTEGER", "REAL", "TEXT"};
    for (size_t k = 0; is_sqlite(p) && k < sizeof standard / sizeof standard[0]; k++)
        if (strcasecmp(type, standard[k]) == 0)
            type = standard[k];
    relmap_column *col = mb_column(p->model, t, name, type, name_span);
    col->family = rm_type_family(p->dialect, col->type, strlen(col->type));
    if (!is_sqlite(p) &&
        (strncasecmp(type, "serial", 6) == 0 || strncasecmp(type, "bigserial", 9) == 0 ||
         strncasecmp(type, "smallserial", 11) == 0))
        col->autoincrement = true;
    while (!ddl_at_end(p) && !ddl_at_punct(p, 0, ",") && !ddl_at_punct(p, 0, ")")) {
        if (!column_constraint(p, t))
            return false;
    }
    /* The whole definition, as the SQLite reader spans a column. */
    t->columns[t->ncolumns - 1].span = ddl_span(p, name_span.start, ddl_last_end(p));
    return true;
}

bool ddl_at_table_constraint(const ddl_parser *p)
{
    if (ddl_at_word(p, 0, "CONSTRAINT") || ddl_at_word(p, 0, "PRIMARY") ||
        ddl_at_word(p, 0, "UNIQUE") || ddl_at_word(p, 0, "CHECK") || ddl_at_word(p, 0, "FOREIGN"))
        return true;
    if (p->dialect == RELMAP_DIALECT_POSTGRES)
        return ddl_at_word(p, 0, "EXCLUDE") || ddl_at_word(p, 0, "LIKE");
    if (p->dialect == RELMAP_DIALECT_MYSQL)
        return ddl_at_word(p, 0, "KEY") || ddl_at_word(p, 0, "INDEX") ||
               ddl_at_word(p, 0, "FULLTEXT") || ddl_at_word(p, 0, "SPATIAL");
    return false;
}

/* An index element is a column when it is a name alone (with COLLATE,
 * an order, an operator class, or MySQL's prefix length after it). */
static bool element_is_column(const ddl_parser *p)
{
    if (!ddl_at_name(p))
        return false;
    const ddl_token *next = ddl_peek(p, 1);
    if (ddl_at_punct(p, 1, ",") || ddl_at_punct(p, 1, ")") || next->kind == DDL_TK_EOF)
        return true;
    if (next->kind == DDL_TK_ID || next->kind == DDL_TK_KEYWORD)
        return true;
    return p->dialect == RELMAP_DIALECT_MYSQL && ddl_at_punct(p, 1, "(") &&
           ddl_peek(p, 2)->kind == DDL_TK_NUMBER;
}

bool ddl_index_elements(ddl_parser *p, relmap_index *index)
{
    if (!ddl_accept_punct(p, "("))
        return ddl_expected(p, "'(' and the indexed columns");
    while (!ddl_at_punct(p, 0, ")")) {
        size_t start = ddl_peek(p, 0)->start;
        if (ddl_at_end(p))
            return ddl_expected(p, "')'");
        if (element_is_column(p)) {
            const char *name = ddl_take_name(p, NULL);
            ddl_skip_to_item_end(p);
            mb_index_column(p->model, index, name, NULL, ddl_span(p, start, ddl_last_end(p)));
        } else {
            size_t expr_end = start;
            while (!ddl_at_end(p) && !ddl_at_punct(p, 0, ",") && !ddl_at_punct(p, 0, ")")) {
                if (ddl_accept_word(p, "COLLATE") || ddl_accept_word(p, "NULLS")) {
                    ddl_advance(p); /* the collation's name; FIRST or LAST */
                } else if (ddl_accept_word(p, "ASC") || ddl_accept_word(p, "DESC")) {
                } else {
                    ddl_skip_one(p);
                    expr_end = ddl_last_end(p);
                }
            }
            mb_index_column(p->model, index, NULL, ddl_text(p, start, expr_end),
                            ddl_span(p, start, ddl_last_end(p)));
        }
        if (!ddl_accept_punct(p, ","))
            break;
    }
    if (!ddl_accept_punct(p, ")"))
        return ddl_expected(p, "',' or ')' in the index's columns");
    return true;
}

/* MySQL's KEY/INDEX/FULLTEXT/SPATIAL [name] [USING x] (elements) [options]. */
static bool inline_index(ddl_parser *p, relmap_table *t, size_t start)
{
    const char *method = ddl_accept_word(p, "FULLTEXT")  ? "FULLTEXT"
                         : ddl_accept_word(p, "SPATIAL") ? "SPATIAL"
                                                         : NULL;
    if (!ddl_accept_word(p, "KEY") && !ddl_accept_word(p, "INDEX") && !method)
        return ddl_expected(p, "KEY or INDEX");
    const char *name = ddl_at_punct(p, 0, "(") ? NULL : ddl_take_name(p, NULL);
    if (ddl_accept_word(p, "USING"))
        method = ddl_take_name(p, NULL);
    relmap_index *ix = mb_index(p->model, t, name, false, ddl_span(p, start, start));
    ix->method = mb_str(p->model, method);
    if (!ddl_index_elements(p, ix))
        return false;
    t->indexes[t->nindexes - 1].span = ddl_span(p, start, ddl_last_end(p));
    return true;
}

/* PRIMARY KEY or UNIQUE [KEY|INDEX] [name] [USING x] (columns) [...]. */
static bool key_constraint(ddl_parser *p, relmap_table *t, const char *name, size_t start)
{
    bool primary = ddl_accept_word(p, "PRIMARY");
    if (primary ? !ddl_accept_word(p, "KEY") : !ddl_accept_word(p, "UNIQUE"))
        return ddl_expected(p, primary ? "KEY after PRIMARY" : "UNIQUE");
    if (!primary && !ddl_accept_word(p, "KEY"))
        ddl_accept_word(p, "INDEX");
    if (!primary && p->dialect == RELMAP_DIALECT_POSTGRES &&
        !ddl_accept_words(p, (const char *const[]){"NULLS", "NOT", "DISTINCT"}, 3))
        ddl_accept_words(p, (const char *const[]){"NULLS", "DISTINCT"}, 2);
    if (p->dialect == RELMAP_DIALECT_MYSQL && !ddl_at_punct(p, 0, "(") &&
        !ddl_at_word(p, 0, "USING")) {
        const char *index_name = ddl_take_name(p, NULL);
        if (!name)
            name = index_name;
    }
    if (ddl_accept_word(p, "USING"))
        ddl_advance(p);
    const char **names;
    relmap_span *spans;
    size_t n;
    if (!ddl_name_list(p, &names, &spans, &n))
        return false;
    skip_conflict(p);
    relmap_span span = ddl_span(p, start, ddl_last_end(p));
    relmap_key *key =
        primary ? mb_primary_key(p->model, t, name, span) : mb_unique(p->model, t, name, span);
    for (size_t k = 0; k < n; k++)
        mb_key_column(p->model, key, names[k], spans[k]);
    return true;
}

bool ddl_table_constraint(ddl_parser *p, relmap_table *t)
{
    size_t start = ddl_peek(p, 0)->start;
    const char *name = NULL;
    if (ddl_accept_word(p, "CONSTRAINT") && !ddl_at_word(p, 0, "PRIMARY") &&
        !ddl_at_word(p, 0, "UNIQUE") && !ddl_at_word(p, 0, "FOREIGN") &&
        !ddl_at_word(p, 0, "CHECK")) {
        name = ddl_take_name(p, NULL);
        if (!name)
            return ddl_expected(p, "a constraint name after CONSTRAINT");
    }
    if (ddl_at_word(p, 0, "PRIMARY") || ddl_at_word(p, 0, "UNIQUE")) {
        if (!key_constraint(p, t, name, start))
            return false;
    } else if (ddl_accept_word(p, "CHECK")) {
        if (!ddl_at_punct(p, 0, "("))
            return ddl_expected(p, "'(' after CHECK");
        const char *expr = ddl_group_inside(p);
        if (!expr)
            return false;
        skip_conflict(p);
        mb_check(p->model, t, name, expr, ddl_span(p, start, ddl_last_end(p)));
    } else if (ddl_accept_word(p, "FOREIGN")) {
        if (!ddl_accept_word(p, "KEY"))
            return ddl_expected(p, "KEY after FOREIGN");
        if (p->dialect == RELMAP_DIALECT_MYSQL && ddl_at_name(p)) {
            const char *index_name = ddl_take_name(p, NULL); /* MySQL: the key's index */
            if (!name)
                name = index_name;
        }
        const char **names;
        relmap_span *spans;
        size_t n;
        if (!ddl_name_list(p, &names, &spans, &n))
            return false;
        if (!ddl_at_word(p, 0, "REFERENCES"))
            return ddl_expected(p, "REFERENCES");
        if (!references(p, t, name, start, names, spans, n, true))
            return false;
    } else if (p->dialect == RELMAP_DIALECT_MYSQL &&
               (ddl_at_word(p, 0, "KEY") || ddl_at_word(p, 0, "INDEX") ||
                ddl_at_word(p, 0, "FULLTEXT") || ddl_at_word(p, 0, "SPATIAL"))) {
        if (!inline_index(p, t, start))
            return false;
    } else if (p->dialect == RELMAP_DIALECT_POSTGRES &&
               (ddl_at_word(p, 0, "EXCLUDE") || ddl_at_word(p, 0, "LIKE"))) {
        ddl_skip_to_item_end(p); /* not modelled */
    } else {
        return ddl_expected(p, "PRIMARY KEY, UNIQUE, CHECK or FOREIGN KEY");
    }
    /* Index options, NOT VALID, DEFERRABLE of a key, USING INDEX ... */
    relmap_deferrable d;
    if (t->nfks > 0 && defer_clause(p, &d))
        t->fks[t->nfks - 1].deferrable = d;
    ddl_skip_to_item_end(p);
    return !p->failed;
}

/* What follows the closing parenthesis: SQLite's WITHOUT ROWID and
 * STRICT, MySQL's COMMENT='..'; everything else is stepped over. */
static void table_options(ddl_parser *p, relmap_table *t)
{
    while (!ddl_at_end(p)) {
        if (is_sqlite(p) && ddl_accept_word(p, "WITHOUT")) {
            if (!ddl_accept_word(p, "ROWID")) {
                ddl_expected(p, "ROWID after WITHOUT");
                return;
            }
            t->without_rowid = true;
        } else if (is_sqlite(p) && ddl_accept_word(p, "STRICT")) {
            t->strict = true;
        } else if (!is_sqlite(p) && ddl_accept_word(p, "COMMENT")) {
            ddl_accept_punct(p, "=");
            const ddl_token *tok = ddl_peek(p, 0);
            if (tok->kind == DDL_TK_STRING) {
                char *text = rm_arena_alloc(p->tmp, tok->len + 1);
                ddl_dequote(&p->lx, tok, text);
                t->comment = mb_str(p->model, text);
            }
            ddl_advance(p);
        } else if (is_sqlite(p)) {
            if (!ddl_accept_punct(p, ",")) {
                ddl_expected(p, "WITHOUT ROWID, STRICT or the end of the statement");
                return;
            }
        } else {
            ddl_skip_one(p);
        }
    }
}

/* PostgreSQL: PARTITION OF parent - the partition has the parent's columns. */
static void partition_of(ddl_parser *p, relmap_table *t)
{
    ddl_name parent = ddl_take_qualified(p);
    const relmap_table *from = ddl_find_table(p, parent.schema, parent.name);
    for (size_t k = 0; from && k < from->ncolumns; k++) {
        const relmap_column *c = &from->columns[k];
        relmap_column *col = mb_column(p->model, t, c->name, c->type, t->span);
        col->family = c->family;
        col->nullable = c->nullable;
        col->default_value = c->default_value;
    }
}

static bool same_columns(const relmap_colref *a, size_t na, const relmap_colref *b, size_t nb)
{
    if (na != nb)
        return false;
    for (size_t k = 0; k < na; k++)
        if (strcasecmp(a[k].name, b[k].name) != 0)
            return false;
    return true;
}

/*
 * SQLite makes one index per UNIQUE constraint, but not when an index on
 * the same columns already exists (sqlite3CreateIndex on the table being
 * created): a repeated UNIQUE, or one on the primary key's columns unless
 * that key is the rowid alias (which has no index). SQLite's pragmas then
 * list one, and so does this reader.
 */
static void sqlite_merge_uniques(relmap_table *t, bool rowid_alias)
{
    size_t kept = 0;
    for (size_t u = 0; u < t->nuniques; u++) {
        const relmap_key *k = &t->uniques[u];
        bool dup = !rowid_alias && same_columns(k->columns, k->ncolumns, t->primary_key.columns,
                                                t->primary_key.ncolumns);
        for (size_t e = 0; e < kept && !dup; e++)
            dup = same_columns(k->columns, k->ncolumns, t->uniques[e].columns,
                               t->uniques[e].ncolumns);
        if (!dup)
            t->uniques[kept++] = *k;
    }
    t->nuniques = kept;
}

/* SQLite's reading of a finished CREATE TABLE: the rowid alias, the NOT
 * NULL that WITHOUT ROWID puts on its key, merged UNIQUE constraints. */
static void sqlite_table_done(ddl_parser *p, relmap_table *t)
{
    bool alias = false;
    for (size_t k = 0; k < t->primary_key.ncolumns; k++)
        for (size_t c = 0; c < t->ncolumns; c++)
            if (t->without_rowid &&
                strcasecmp(t->columns[c].name, t->primary_key.columns[k].name) == 0)
                t->columns[c].nullable = false;
    /* sqlite3AddPrimaryKey: one column declared exactly INTEGER, not
     * "PRIMARY KEY DESC" on the column itself. */
    for (size_t c = 0;
         !t->without_rowid && t->primary_key.ncolumns == 1 && !p->pk_desc && c < t->ncolumns; c++)
        if (strcasecmp(t->columns[c].name, t->primary_key.columns[0].name) == 0 &&
            strcasecmp(t->columns[c].type, "INTEGER") == 0) {
            t->columns[c].nullable = false;
            alias = true;
        }
    sqlite_merge_uniques(t, alias);
}

/* SQLite: CREATE VIRTUAL TABLE name USING module(args) - the arguments that
 * are plain names are the columns (fts3/4/5, rtree). */
static void virtual_table(ddl_parser *p, relmap_table *t)
{
    t->virtual_table = true;
    if (!ddl_accept_word(p, "USING") || !ddl_take_name(p, NULL))
        return;
    if (!ddl_accept_punct(p, "("))
        return;
    while (!ddl_at_end(p) && !ddl_at_punct(p, 0, ")")) {
        relmap_span span;
        size_t before = p->i;
        const char *name = ddl_at_name(p) ? ddl_take_name(p, &span) : NULL;
        if (name && (ddl_at_punct(p, 0, ",") || ddl_at_punct(p, 0, ")")))
            mb_column(p->model, t, name, "", span);
        ddl_skip_to_item_end(p);
        ddl_accept_punct(p, ",");
        if (p->i == before)
            ddl_advance(p);
    }
}

void ddl_create_table(ddl_parser *p, bool temporary, bool is_virtual)
{
    (void)temporary;
    bool if_not_exists = ddl_accept_words(p, (const char *const[]){"IF", "NOT", "EXISTS"}, 3);
    ddl_name name = ddl_take_qualified(p);
    if (!name.name) {
        ddl_expected(p, "the table's name");
        return;
    }
    const char *schema = is_sqlite(p) ? NULL : ddl_schema_or_default(p, name.schema);
    /* A second CREATE TABLE of one name fails in every database (TAB002);
     * with IF NOT EXISTS it does nothing. */
    const relmap_table *earlier = ddl_find_table(p, schema, name.name);
    if (earlier && earlier->redefines)
        earlier = earlier->redefines; /* point at the first definition */
    /* ddl_find_table takes "s.x" for a plain "x" and the other way round;
     * for a redefinition only PostgreSQL's default schema is the same. */
    if (earlier && (earlier->kind != RELMAP_KIND_TABLE || (!schema && earlier->schema) ||
                    (schema && !earlier->schema && strcmp(schema, "public") != 0)))
        earlier = NULL;
    relmap_table *t = mb_table(p->model, schema, name.name, RELMAP_KIND_TABLE, name.span);
    if (earlier && !if_not_exists)
        t->redefines = earlier;
    t->dialect = p->dialect;
    ddl_remember_table(p, t);
    p->pk_desc = false;
    if (is_virtual) {
        virtual_table(p, t);
        return;
    }
    if (ddl_accept_word(p, "PARTITION")) {
        if (ddl_accept_word(p, "OF"))
            partition_of(p, t);
        return;
    }
    if (ddl_at_word(p, 0, "AS") || ddl_at_word(p, 0, "OF"))
        return; /* CREATE TABLE ... AS SELECT, OF type: columns unknown */
    if (!ddl_accept_punct(p, "(")) {
        ddl_expected(p, "'(' and the table's columns");
        return;
    }
    while (!ddl_at_punct(p, 0, ")")) {
        bool ok = ddl_at_table_constraint(p) ? ddl_table_constraint(p, t) : ddl_column_def(p, t);
        if (!ok)
            return;
        if (!ddl_accept_punct(p, ","))
            break;
    }
    if (!ddl_accept_punct(p, ")")) {
        ddl_expected(p, "',' or ')' after a column or constraint");
        return;
    }
    table_options(p, t);
    if (is_sqlite(p))
        sqlite_table_done(p, t);
}
