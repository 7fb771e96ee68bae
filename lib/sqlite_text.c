/*
 * sqlite_text.c - a SQLite table read from the CREATE TABLE text SQLite
 * stores for it, by relmap's own DDL parser, instead of through pragmas.
 *
 * SQLite builds its own idea of a table by parsing that same text, so the
 * two agree whenever our parser reads the text as SQLite does; the
 * test_ddl_sqlite suite holds them to it on every fixture and on random
 * schemas. Here, per table, the result is accepted only when what can be
 * checked cheaply against SQLite's own counts agrees too: no syntax error,
 * one table, as many columns as pragma_table_list counts, and as many
 * constraint indexes as sqlite_schema lists. Anything else (a virtual
 * table, a view, a text our parser trips on) is read through the pragmas.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ddl_parse.h"
#include "sqlite_reader.h"

static ddl_parser *parser_for(reader *r)
{
    if (r->text_parser)
        return r->text_parser;
    ddl_parser *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->model = r->model;
    p->opts = r->opts;
    p->path = r->path;
    p->dialect = RELMAP_DIALECT_SQLITE;
    p->delimiter[0] = ';';
    p->delimiter_len = 1;
    p->tables = rm_strmap_new(true);
    r->text_parser = p;
    return p;
}

void sq_text_done(reader *r)
{
    ddl_parser *p = r->text_parser;
    if (!p)
        return;
    rm_strmap_free(p->tables);
    rm_arena_free(p->tmp);
    free(p->toks);
    free(p);
    r->text_parser = NULL;
}

/* Parses every statement of one stored text, a source of its own. */
static void parse_statement(ddl_parser *p, const char *sql, size_t len)
{
    p->src = mb_statement_source(p->model, p->path, sql, len);
    p->text = p->model->sources[p->src].text;
    p->len = len;
    ddl_lexer_init(&p->lx, p->text, p->len);
    ddl_lexer_set_dialect(&p->lx, DDL_LEX_SQLITE);
    while (ddl_next_statement(p))
        ddl_statement(p);
}

/*
 * Whether the text's constraints account for the indexes SQLite made for
 * them: one per UNIQUE constraint (the parser, like SQLite, keeps one of
 * constraints that repeat each other's columns), and one for a primary
 * key that is not the rowid.
 */
static bool constraint_indexes_match(const relmap_table *t, size_t nauto)
{
    const relmap_key *pk = &t->primary_key;
    bool rowid_pk = false;
    for (size_t c = 0; c < t->ncolumns && pk->ncolumns == 1; c++)
        if (t->columns[c].pk_position == 1 && !t->columns[c].nullable &&
            strcasecmp(t->columns[c].type, "INTEGER") == 0)
            rowid_pk = !t->without_rowid;
    size_t n = (pk->ncolumns > 0 && !rowid_pk && !t->without_rowid) + t->nuniques;
    return n == nauto;
}

/* Puts the model back as it was before the table was read. */
static void roll_back(relmap_model *model, size_t ntables, size_t nsources, size_t nerrors)
{
    model->ntables = ntables;
    model->nsources = nsources;
    model->nsyntax_errors = nerrors;
}

relmap_table *sq_table_from_text(reader *r, const schema_row *row, const long **fk_ids)
{
    *fk_ids = NULL;
    if (row->view || row->virtual_table || row->sql_len == 0 || row->ncol <= 0)
        return NULL;
    ddl_parser *p = parser_for(r);
    if (!p)
        return NULL;
    relmap_model *model = r->model;
    size_t ntables = model->ntables, nsources = model->nsources;
    size_t nerrors = model->nsyntax_errors;
    parse_statement(p, row->sql, row->sql_len);
    relmap_table *t = model->ntables == ntables + 1 ? model->tables[ntables] : NULL;
    bool ok = t && model->nsyntax_errors == nerrors && strcmp(t->name, row->name) == 0 &&
              !t->schema && (long long)t->ncolumns == row->ncol;
    const sq_table_indexes *ix = row->indexes;
    for (size_t i = 0; ok && ix && i < ix->ndefs; i++)
        parse_statement(p, ix->defs[i]->sql, ix->defs[i]->len);
    if (ok) {
        ddl_finish(p, ntables);
        ok = model->ntables == ntables + 1 && model->nsyntax_errors == nerrors &&
             t->nindexes == (ix ? ix->ndefs : 0) && constraint_indexes_match(t, ix ? ix->nauto : 0);
    }
    if (!ok) {
        roll_back(model, ntables, nsources, nerrors);
        return NULL;
    }
    /* What pragma_table_list says. */
    t->dialect = RELMAP_DIALECT_SQLITE;
    t->without_rowid = row->without_rowid;
    t->strict = row->strict;
    /* foreign_key_list numbers a table's keys from the last declared. */
    long *ids = rm_arena_alloc(r->scratch, (t->nfks ? t->nfks : 1) * sizeof *ids);
    for (size_t i = 0; i < t->nfks; i++)
        ids[i] = (long)(t->nfks - 1 - i);
    *fk_ids = ids;
    return t;
}
