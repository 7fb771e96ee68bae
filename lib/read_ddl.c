/*
 * read_ddl.c - the SQL DDL reader's entry: reading the file, refusing what
 * is not text, choosing the dialect, running the statement parser over
 * the whole file, and what follows from the file as a whole.
 */
#include "read_ddl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "ddl_parse.h"
#include "file_read.h"
#include "error.h"

/* The length of the valid UTF-8 sequence at z, or 0. */
static size_t utf8_sequence(const unsigned char *z, size_t n)
{
    size_t need = z[0] >= 0xf0 && z[0] <= 0xf4 ? 4 : z[0] >= 0xe0 ? 3 : z[0] >= 0xc2 ? 2 : 0;
    if (need == 0 || need > n)
        return 0;
    for (size_t i = 1; i < need; i++)
        if ((z[i] & 0xc0) != 0x80)
            return 0;
    return need;
}

/*
 * Text is what relmap reads: a NUL byte means a binary file, and so does
 * a file where more than one byte in 16 is not UTF-8 (a stray Latin-1
 * letter in a comment is fine).
 */
static int check_text(const char *path, const char *text, size_t len)
{
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        size_t at = (size_t)(nul - text), line = 1, col = 1;
        for (size_t i = 0; i < at; i++) {
            col++;
            if (text[i] == '\n') {
                line++;
                col = 1;
            }
        }
        return rm_error(RELMAP_EFORMAT, "%s:%zu:%zu: not a text file (a NUL byte)", path, line,
                        col);
    }
    size_t invalid = 0;
    const unsigned char *z = (const unsigned char *)text;
    for (size_t i = 0; i < len;) {
        if (z[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = utf8_sequence(z + i, len - i);
        if (n == 0) {
            invalid++;
            n = 1;
        }
        i += n;
    }
    if (invalid > 0 && invalid * 16 > len)
        return rm_error(RELMAP_EFORMAT, "%s: not a text file (%zu of its %zu bytes are not UTF-8)",
                        path, invalid, len);
    return 0;
}

bool rm_ddl_looks_like_sql(const char *head, size_t len)
{
    static const char *const starts[] = {"CREATE", "ALTER", "DROP",   "INSERT",  "PRAGMA",
                                         "BEGIN",  "SET",   "SELECT", "COMMENT", "USE",
                                         "WITH",   "GRANT", "COPY",   "START"};
    if (memchr(head, '\0', len))
        return false;
    ddl_lexer lx;
    ddl_lexer_init(&lx, head, len);
    ddl_token tok = ddl_next_significant(&lx);
    bool commented = tok.start > 0; /* a comment or blank line came first */
    if (tok.kind == DDL_TK_ID || tok.kind == DDL_TK_KEYWORD)
        for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++)
            if (strlen(starts[i]) == tok.len &&
                strncasecmp(head + tok.start, starts[i], tok.len) == 0)
                return true;
    /* A dump's header comment, with nothing after it within the head. */
    return commented && tok.kind == DDL_TK_EOF && (head[0] == '-' || head[0] == '/');
}

static ddl_lex_dialect lex_dialect(relmap_dialect dialect)
{
    switch (dialect) {
    case RELMAP_DIALECT_POSTGRES:
        return DDL_LEX_POSTGRES;
    case RELMAP_DIALECT_MYSQL:
        return DDL_LEX_MYSQL;
    default:
        return DDL_LEX_SQLITE;
    }
}

static const char *dialect_name(relmap_dialect dialect)
{
    switch (dialect) {
    case RELMAP_DIALECT_POSTGRES:
        return "postgres";
    case RELMAP_DIALECT_MYSQL:
        return "mysql";
    default:
        return "sqlite";
    }
}

static bool same_name(const ddl_parser *p, const char *a, const char *b)
{
    return p->dialect == RELMAP_DIALECT_POSTGRES ? strcmp(a, b) == 0 : strcasecmp(a, b) == 0;
}

/* SQLite's pragmas name a table's own columns as the table spells them. */
static void canonical_names(const ddl_parser *p, const relmap_table *t, relmap_colref *refs,
                            size_t n)
{
    for (size_t k = 0; k < n; k++)
        for (size_t c = 0; refs[k].name && c < t->ncolumns; c++)
            if (same_name(p, refs[k].name, t->columns[c].name)) {
                refs[k].name = t->columns[c].name;
                break;
            }
}

/* Whether the first columns of `refs` are the key's columns, in any order. */
static bool leads_with(const ddl_parser *p, const relmap_colref *refs, size_t nrefs,
                       const relmap_fk *fk)
{
    if (nrefs < fk->ncolumns)
        return false;
    for (size_t i = 0; i < fk->ncolumns; i++) {
        bool found = false;
        for (size_t j = 0; j < fk->ncolumns && !found; j++)
            found = refs[j].name && same_name(p, refs[j].name, fk->columns[i].name);
        if (!found)
            return false;
    }
    return true;
}

/*
 * InnoDB needs an index that leads with a foreign key's columns, and makes
 * one when the table has none: named after the constraint, else after the
 * first column, as SHOW CREATE TABLE then lists it. The model shows the
 * table as MySQL keeps it, so FK006 does not ask for an index MySQL has.
 */
static void add_implicit_fk_indexes(ddl_parser *p, relmap_table *t)
{
    for (size_t k = 0; k < t->nfks; k++) {
        const relmap_fk *fk = &t->fks[k];
        if (fk->ncolumns == 0 || leads_with(p, t->primary_key.columns, t->primary_key.ncolumns, fk))
            continue;
        bool covered = false;
        for (size_t u = 0; u < t->nuniques && !covered; u++)
            covered = leads_with(p, t->uniques[u].columns, t->uniques[u].ncolumns, fk);
        for (size_t x = 0; x < t->nindexes && !covered; x++)
            covered = !t->indexes[x].where &&
                      leads_with(p, t->indexes[x].columns, t->indexes[x].ncolumns, fk);
        if (covered)
            continue;
        relmap_index *index =
            mb_index(p->model, t, fk->name ? fk->name : fk->columns[0].name, false, fk->span);
        for (size_t c = 0; c < fk->ncolumns; c++)
            mb_index_column(p->model, index, fk->columns[c].name, NULL, fk->columns[c].span);
    }
}

void ddl_finish(ddl_parser *p, size_t first_table)
{
    for (size_t i = first_table; i < p->model->ntables; i++) {
        relmap_table *t = p->model->tables[i];
        relmap_key *pk = &t->primary_key;
        for (size_t k = 0; k < pk->ncolumns; k++)
            for (size_t c = 0; c < t->ncolumns; c++)
                if (same_name(p, pk->columns[k].name, t->columns[c].name)) {
                    t->columns[c].pk_position = (unsigned)k + 1;
                    if (p->dialect != RELMAP_DIALECT_SQLITE)
                        t->columns[c].nullable = false;
                    break;
                }
        if (p->dialect == RELMAP_DIALECT_MYSQL)
            add_implicit_fk_indexes(p, t);
        if (p->dialect != RELMAP_DIALECT_SQLITE)
            continue;
        canonical_names(p, t, pk->columns, pk->ncolumns);
        for (size_t k = 0; k < t->nuniques; k++)
            canonical_names(p, t, t->uniques[k].columns, t->uniques[k].ncolumns);
        for (size_t k = 0; k < t->nindexes; k++)
            canonical_names(p, t, t->indexes[k].columns, t->indexes[k].ncolumns);
        for (size_t k = 0; k < t->nfks; k++)
            canonical_names(p, t, t->fks[k].columns, t->fks[k].ncolumns);
    }
}

int rm_read_ddl(relmap_model *model, const char *path, const relmap_load_opts *opts)
{
    char *buf;
    size_t len;
    int rc = rm_read_file(path, opts->max_input_size, &buf, &len);
    if (rc == 0)
        rc = check_text(path, buf, len);
    if (rc < 0) {
        free(buf);
        return rc;
    }
    ddl_parser p;
    memset(&p, 0, sizeof p);
    p.model = model;
    p.opts = opts;
    p.path = path;
    if (opts->dialect != RELMAP_DIALECT_UNKNOWN) {
        p.dialect = opts->dialect;
        rm_say(opts, "%s: SQL in the %s dialect (--dialect)\n", path, dialect_name(p.dialect));
    } else {
        char signal[160];
        p.dialect = rm_ddl_detect_dialect(buf, len, signal, sizeof signal);
        if (p.dialect == RELMAP_DIALECT_UNKNOWN) {
            /* Portable SQL: read as SQLite, the most permissive of the three,
             * and say so, since rules about SQLite then speak less firmly. */
            p.dialect = RELMAP_DIALECT_SQLITE;
            rm_say(opts,
                   "%s: SQL without dialect-specific syntax, read as sqlite "
                   "(--dialect sets it)\n",
                   path);
            if (model->dialect == RELMAP_DIALECT_UNKNOWN)
                model->facts.dialect_assumed = true;
        } else {
            rm_say(opts, "%s: SQL in the %s dialect (%s)\n", path, dialect_name(p.dialect), signal);
        }
    }
    if (model->dialect == RELMAP_DIALECT_UNKNOWN)
        model->dialect = p.dialect;
    p.src = mb_source_adopt(model, path, buf, len);
    p.text = model->sources[p.src].text;
    p.len = len;
    ddl_lexer_init(&p.lx, p.text, p.len);
    ddl_lexer_set_dialect(&p.lx, lex_dialect(p.dialect));
    p.delimiter[0] = ';';
    p.delimiter_len = 1;
    p.tables = rm_strmap_new(p.dialect != RELMAP_DIALECT_POSTGRES);
    size_t first_table = model->ntables, first_error = model->nsyntax_errors;
    while (ddl_next_statement(&p))
        ddl_statement(&p);
    ddl_finish(&p, first_table);
    rm_say(opts, "%s: %zu statements, %zu tables and views, %zu syntax errors\n", path,
           p.nstatements, model->ntables - first_table, model->nsyntax_errors - first_error);
    rm_strmap_free(p.tables);
    rm_arena_free(p.tmp);
    free(p.toks);
    return 0;
}
