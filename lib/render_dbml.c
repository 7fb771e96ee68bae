/*
 * render_dbml.c - the model as DBML (dbdiagram.io): a Table block per
 * table with column settings and indexes, a Ref line per foreign key.
 *
 * Every table and column name is a double-quoted identifier, so that no
 * name can be read as a keyword (`Table`, `Ref`, `note`) or break the
 * line; inside quotes DBML takes backslash escapes. DBML is a schema, not
 * a picture: it always has every column (--columns is for the pictures),
 * and views, which DBML cannot declare, are left out.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "escape.h"
#include "render_formats.h"

/* Text inside DBML quotes (`"` or `'`): the quote and the backslash are
 * escaped, invalid UTF-8 and control characters become U+FFFD. */
static void add_quoted(rm_buf *out, const char *s, char quote)
{
    rm_buf_addc(out, quote);
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t step = rm_utf8_decode(s + i, len - i, &cp);
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
            rm_buf_adds(out, RM_UTF8_REPLACEMENT);
        else if (quote == '"' && cp == '"')
            /* A "name" cannot hold a double quote in DBML at all (its
             * parser takes no escape there): the nearest it can show. */
            rm_buf_addc(out, '\'');
        else if (quote == '"' && cp == '\\')
            rm_buf_addc(out, '\\'); /* literal inside "names" */
        else if (cp == quote || cp == '\\') {
            rm_buf_addc(out, '\\');
            rm_buf_addc(out, (char)cp);
        } else
            rm_buf_add(out, s + i, step);
        i += step;
    }
    rm_buf_addc(out, quote);
}

static void add_table_ref(rm_buf *out, const relmap_table *table)
{
    if (table->schema) {
        add_quoted(out, table->schema, '"');
        rm_buf_addc(out, '.');
    }
    add_quoted(out, table->name, '"');
}

/* A type DBML reads bare: a word, maybe with a size such as (10,2). */
static bool bare_type(const char *s)
{
    size_t word = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789");
    if (word == 0 || (s[0] >= '0' && s[0] <= '9'))
        return false;
    if (s[word] == '\0')
        return true;
    size_t args = strspn(s + word + 1, "0123456789, ");
    return s[word] == '(' && s[word + 1 + args] == ')' && s[word + 2 + args] == '\0';
}

static bool is_number(const char *s)
{
    const char *p = s + (*s == '-' || *s == '+');
    size_t digits = strspn(p, "0123456789");
    if (digits == 0)
        return false;
    p += digits;
    if (*p == '.')
        p += 1 + strspn(p + 1, "0123456789");
    return *p == '\0';
}

static bool equals_ignore_case(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if ((*a | 0x20) != (*b | 0x20))
            return false;
    return *a == *b;
}

/* A SQL default as a DBML value: a number, a string, a keyword, or else
 * an expression in backticks (which cannot hold a backtick: made `'`). */
static void add_default(rm_buf *out, const char *sql)
{
    size_t len = strlen(sql);
    if (is_number(sql)) {
        rm_buf_adds(out, sql);
    } else if (equals_ignore_case(sql, "null") || equals_ignore_case(sql, "true") ||
               equals_ignore_case(sql, "false")) {
        for (const char *p = sql; *p; p++)
            rm_buf_addc(out, (char)(*p | 0x20));
    } else if (len >= 2 && sql[0] == '\'' && sql[len - 1] == '\'') {
        /* SQL doubles a quote inside a string; DBML escapes it. */
        rm_buf text = RM_BUF_INIT;
        for (size_t i = 1; i + 1 < len; i++) {
            rm_buf_addc(&text, sql[i]);
            if (sql[i] == '\'' && sql[i + 1] == '\'')
                i++;
        }
        add_quoted(out, rm_buf_cstr(&text), '\'');
        rm_buf_free(&text);
    } else {
        rm_buf_addc(out, '`');
        for (const char *p = sql; *p; p++) {
            unsigned char c = (unsigned char)*p;
            rm_buf_addc(out, c == '`' ? '\'' : c < 0x20 ? ' ' : (char)c);
        }
        rm_buf_addc(out, '`');
    }
}

static void add_column(rm_buf *out, const relmap_table *table, const relmap_column *column)
{
    rm_buf_adds(out, "  ");
    add_quoted(out, column->name, '"');
    rm_buf_addc(out, ' ');
    if (!column->type[0])
        rm_buf_adds(out, "ANY");
    else if (bare_type(column->type))
        rm_buf_adds(out, column->type);
    else
        add_quoted(out, column->type, '"');
    const char *sep = " [";
    /* A composite primary key is written in the indexes block instead. */
    if (column->pk_position > 0 && table->primary_key.ncolumns == 1) {
        rm_buf_printf(out, "%spk", sep);
        sep = ", ";
    }
    if (column->autoincrement) {
        rm_buf_printf(out, "%sincrement", sep);
        sep = ", ";
    }
    if (!column->nullable && !(column->pk_position > 0 && table->primary_key.ncolumns == 1)) {
        rm_buf_printf(out, "%snot null", sep);
        sep = ", ";
    }
    if (dg_column_unique(table, column)) {
        rm_buf_printf(out, "%sunique", sep);
        sep = ", ";
    }
    if (column->default_value) {
        rm_buf_printf(out, "%sdefault: ", sep);
        add_default(out, column->default_value);
        sep = ", ";
    }
    rm_buf_adds(out, sep[0] == ',' ? "]\n" : "\n");
}

static void add_index_columns(rm_buf *out, const relmap_colref *cols, size_t n)
{
    rm_buf_adds(out, "    (");
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            rm_buf_adds(out, ", ");
        if (cols[i].name) {
            add_quoted(out, cols[i].name, '"');
        } else {
            rm_buf_addc(out, '`');
            for (const char *p = cols[i].expr ? cols[i].expr : ""; *p; p++)
                rm_buf_addc(out, *p == '`' ? '\'' : (unsigned char)*p < 0x20 ? ' ' : *p);
            rm_buf_addc(out, '`');
        }
    }
    rm_buf_addc(out, ')');
}

/* Composite keys and the indexes, in an `indexes` block. */
static void add_indexes(rm_buf *out, const relmap_table *table)
{
    bool composite_pk = table->primary_key.ncolumns > 1;
    size_t composite_uniques = 0;
    for (size_t i = 0; i < table->nuniques; i++)
        composite_uniques += table->uniques[i].ncolumns > 1;
    if (!composite_pk && composite_uniques == 0 && table->nindexes == 0)
        return;
    rm_buf_adds(out, "\n  indexes {\n");
    if (composite_pk) {
        add_index_columns(out, table->primary_key.columns, table->primary_key.ncolumns);
        rm_buf_adds(out, " [pk]\n");
    }
    for (size_t i = 0; i < table->nuniques; i++) {
        if (table->uniques[i].ncolumns < 2)
            continue;
        add_index_columns(out, table->uniques[i].columns, table->uniques[i].ncolumns);
        rm_buf_adds(out, " [unique]\n");
    }
    for (size_t i = 0; i < table->nindexes; i++) {
        const relmap_index *ix = &table->indexes[i];
        if (ix->ncolumns == 0)
            continue;
        add_index_columns(out, ix->columns, ix->ncolumns);
        rm_buf_adds(out, ix->unique ? " [unique" : " [");
        if (ix->name) {
            rm_buf_adds(out, ix->unique ? ", name: " : "name: ");
            add_quoted(out, ix->name, '\'');
        }
        rm_buf_adds(out, "]\n");
    }
    rm_buf_adds(out, "  }\n");
}

static const char *action_word(relmap_fk_action action)
{
    switch (action) {
    case RELMAP_ACTION_CASCADE:
        return "cascade";
    case RELMAP_ACTION_SET_NULL:
        return "set null";
    case RELMAP_ACTION_SET_DEFAULT:
        return "set default";
    case RELMAP_ACTION_RESTRICT:
        return "restrict";
    case RELMAP_ACTION_NO_ACTION:
        return "no action";
    default:
        return NULL;
    }
}

/* `"t"."c"` for one column, `"t".("a", "b")` for a composite key. */
static void add_ref_side(rm_buf *out, const relmap_table *table, const char *const *names, size_t n)
{
    add_table_ref(out, table);
    rm_buf_adds(out, n > 1 ? ".(" : ".");
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            rm_buf_adds(out, ", ");
        add_quoted(out, names[i], '"');
    }
    rm_buf_adds(out, n > 1 ? ")" : "");
}

/* The columns a key references, as written when they did not resolve. */
static const char **referenced_names(const relmap_fk *fk)
{
    const char **to = rm_calloc(fk->ncolumns ? fk->ncolumns : 1, sizeof *to);
    for (size_t i = 0; i < fk->ncolumns; i++)
        to[i] = fk->target[i]                                     ? fk->target[i]->name
                : i < fk->nref_columns && fk->ref_columns[i].name ? fk->ref_columns[i].name
                                                                  : "";
    return to;
}

/* A collapsed junction: `Ref: a.id <> b.id`, DBML's many-to-many. */
static void add_many_to_many(rm_buf *out, const dg_diagram *d, const dg_edge *e)
{
    if (e->fk->ntarget != e->fk->ncolumns || e->via->ntarget != e->via->ncolumns ||
        !e->fk->ncolumns || !e->via->ncolumns)
        return;
    const char **from = referenced_names(e->fk), **to = referenced_names(e->via);
    rm_buf_adds(out, "Ref: ");
    add_ref_side(out, d->tables[e->child].table, from, e->fk->ncolumns);
    rm_buf_adds(out, " <> ");
    add_ref_side(out, d->tables[e->parent].table, to, e->via->ncolumns);
    rm_buf_addc(out, '\n');
    free(from);
    free(to);
}

/* Ref: child > parent (many-to-one), or `-` when the key is unique. */
static void add_ref(rm_buf *out, const dg_diagram *d, const dg_edge *e)
{
    const relmap_fk *fk = e->fk;
    if (e->via) {
        add_many_to_many(out, d, e);
        return;
    }
    if (fk->ntarget != fk->ncolumns || fk->ncolumns == 0 ||
        d->tables[e->child].table->kind == RELMAP_KIND_VIEW ||
        d->tables[e->parent].table->kind == RELMAP_KIND_VIEW)
        return;
    const char **from = rm_calloc(fk->ncolumns, sizeof *from);
    const char **to = referenced_names(fk);
    for (size_t i = 0; i < fk->ncolumns; i++)
        from[i] = fk->columns[i].name ? fk->columns[i].name : "";
    rm_buf_adds(out, "Ref: ");
    add_ref_side(out, d->tables[e->child].table, from, fk->ncolumns);
    rm_buf_adds(out, e->child_card == DG_ZERO_OR_ONE ? " - " : " > ");
    add_ref_side(out, d->tables[e->parent].table, to, fk->ncolumns);
    const char *on_delete = action_word(fk->on_delete), *on_update = action_word(fk->on_update);
    if (on_delete && on_update)
        rm_buf_printf(out, " [delete: %s, update: %s]", on_delete, on_update);
    else if (on_delete)
        rm_buf_printf(out, " [delete: %s]", on_delete);
    else if (on_update)
        rm_buf_printf(out, " [update: %s]", on_update);
    rm_buf_addc(out, '\n');
    free(from);
    free(to);
}

void rd_dbml(rm_buf *out, const dg_diagram *d)
{
    for (size_t t = 0; t < d->ntables; t++) {
        const relmap_table *table = d->tables[t].table;
        if (table->kind == RELMAP_KIND_VIEW)
            continue;
        rm_buf_adds(out, "Table ");
        add_table_ref(out, table);
        rm_buf_adds(out, " {\n");
        for (size_t c = 0; c < table->ncolumns; c++)
            add_column(out, table, &table->columns[c]);
        add_indexes(out, table);
        rm_buf_adds(out, "}\n\n");
    }
    for (size_t e = 0; e < d->nedges; e++)
        add_ref(out, d, &d->edges[e]);
}
