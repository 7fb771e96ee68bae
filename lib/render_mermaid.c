/*
 * render_mermaid.c - the diagram as a Mermaid `erDiagram`.
 *
 * Mermaid's grammar is narrow: an entity name is a word, or a quoted
 * string without `"`, `%`, `\` or line breaks; attribute types and names
 * are ASCII words. Names are fitted to that here, never escaped (Mermaid
 * has no escape there): characters it cannot carry become `_`, and `<`,
 * `>`, `&` and `#` too, so that nothing can become markup or an entity
 * in the page Mermaid draws into. An attribute whose name had to change
 * keeps its real name in the attribute's comment; entity names changed
 * to the same text get a suffix, so that every table stays its own.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "render_formats.h"
#include "strmap.h"

static bool is_word_char(int32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
           cp == '_' || cp == '-';
}

/* In a quoted string: anything printable but what ends or breaks it. */
static bool is_quotable(int32_t cp)
{
    return cp >= 0x80 || !strchr("\"%\\<>&#", (int)cp);
}

static bool is_word(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
        return false;
    for (; *s; s++)
        if (!is_word_char((unsigned char)*s))
            return false;
    return true;
}

/* A word as Mermaid's attribute grammar wants it: a letter or `_` first. */
static void add_word(rm_buf *out, const char *s, const char *if_empty)
{
    if (!*s) {
        rm_buf_adds(out, if_empty);
        return;
    }
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
        rm_buf_addc(out, '_');
    dg_add_sanitized(out, s, is_word_char, '_');
}

/* Entity names, made unique after fitting them to the grammar. */
static char **entity_names(const dg_diagram *d)
{
    char **names = rm_calloc(d->ntables ? d->ntables : 1, sizeof *names);
    rm_strmap *used = rm_strmap_new(false);
    rm_buf raw = RM_BUF_INIT, name = RM_BUF_INIT;
    for (size_t t = 0; t < d->ntables; t++) {
        const char *wanted = dg_table_name(&raw, d->tables[t].table);
        if (!*wanted)
            wanted = "_";
        for (unsigned n = 1;; n++) {
            rm_buf_clear(&name);
            bool word = is_word(wanted);
            if (!word)
                rm_buf_addc(&name, '"');
            dg_add_sanitized(&name, wanted, is_quotable, '_');
            if (n > 1)
                rm_buf_printf(&name, "_%u", n);
            if (!word)
                rm_buf_addc(&name, '"');
            if (!rm_strmap_get(used, rm_buf_cstr(&name)))
                break;
        }
        names[t] = rm_strdup(rm_buf_cstr(&name));
        rm_strmap_put(used, names[t], names[t]);
    }
    rm_buf_free(&raw);
    rm_buf_free(&name);
    rm_strmap_free(used);
    return names;
}

static void add_attribute(rm_buf *out, const relmap_table *table, const relmap_column *column)
{
    rm_buf_adds(out, "        ");
    add_word(out, column->type, "ANY");
    rm_buf_addc(out, ' ');
    size_t name_at = out->len;
    add_word(out, column->name, "_");
    /* The real name as a comment, when that says more than the word. */
    rm_buf comment = RM_BUF_INIT;
    dg_add_sanitized(&comment, column->name, is_quotable, '_');
    bool renamed = strcmp(out->data + name_at, rm_buf_cstr(&comment)) != 0;
    const char *sep = " ";
    if (column->pk_position > 0) {
        rm_buf_adds(out, " PK");
        sep = ", ";
    }
    if (dg_column_in_fk(table, column)) {
        rm_buf_printf(out, "%sFK", sep);
        sep = ", ";
    }
    if (dg_column_unique(table, column))
        rm_buf_printf(out, "%sUK", sep);
    if (renamed)
        rm_buf_printf(out, " \"%s\"", rm_buf_cstr(&comment));
    rm_buf_free(&comment);
    rm_buf_addc(out, '\n');
}

/* Identifying (solid line) when the key is part of the child's primary
 * key: the child's identity includes its parent. */
static bool identifying(const relmap_fk *fk)
{
    for (size_t i = 0; i < fk->ncolumns; i++)
        if (!fk->columns[i].column || fk->columns[i].column->pk_position == 0)
            return false;
    return fk->ncolumns > 0;
}

/* The ORM relationships walking the edge, " (user / addresses)". */
static void add_roles(rm_buf *out, const dg_edge *e)
{
    if (!e->to_parent && !e->to_child)
        return;
    rm_buf role = RM_BUF_INIT;
    rm_buf_adds(out, " (");
    if (e->to_parent)
        dg_add_sanitized(out, dg_role_label(&role, e, e->to_parent), is_quotable, '_');
    rm_buf_adds(out, e->to_parent && e->to_child ? " / " : "");
    if (e->to_child)
        dg_add_sanitized(out, dg_role_label(&role, e, e->to_child), is_quotable, '_');
    rm_buf_adds(out, ")");
    rm_buf_free(&role);
}

static void add_relationship(rm_buf *out, const dg_edge *e, char **names)
{
    const relmap_fk *fk = e->fk;
    if (e->via) {
        /* A collapsed junction: many-to-many, named after the table. */
        rm_buf_printf(out, "    %s }o--o{ %s : \"", names[e->child], names[e->parent]);
        dg_add_sanitized(out, e->junction->name, is_quotable, '_');
        add_roles(out, e);
        rm_buf_adds(out, "\"\n");
        return;
    }
    rm_buf_printf(out, "    %s %s%s%s %s : \"", names[e->parent], dg_ie_end(e->parent_card, true),
                  identifying(fk) ? "--" : "..", dg_ie_end(e->child_card, false), names[e->child]);
    for (size_t i = 0; i < fk->ncolumns; i++) {
        if (i > 0)
            rm_buf_adds(out, ", ");
        dg_add_sanitized(out, fk->columns[i].name ? fk->columns[i].name : "?", is_quotable, '_');
    }
    if (fk->on_delete == RELMAP_ACTION_CASCADE || fk->on_delete == RELMAP_ACTION_SET_NULL ||
        fk->on_delete == RELMAP_ACTION_SET_DEFAULT)
        rm_buf_printf(out, " ON DELETE %s", relmap_fk_action_name(fk->on_delete));
    add_roles(out, e);
    rm_buf_adds(out, "\"\n");
}

void rd_mermaid(rm_buf *out, const dg_diagram *d)
{
    char **names = entity_names(d);
    rm_buf_adds(out, "erDiagram\n");
    for (size_t t = 0; t < d->ntables; t++) {
        const relmap_table *table = d->tables[t].table;
        size_t nshown = 0;
        for (size_t c = 0; c < table->ncolumns; c++)
            nshown += dg_column_shown(d, table, &table->columns[c]);
        /* Mermaid wants no empty braces: an entity alone is just its name. */
        if (nshown == 0) {
            rm_buf_printf(out, "    %s\n", names[t]);
            continue;
        }
        rm_buf_printf(out, "    %s {\n", names[t]);
        for (size_t c = 0; c < table->ncolumns; c++)
            if (dg_column_shown(d, table, &table->columns[c]))
                add_attribute(out, table, &table->columns[c]);
        rm_buf_adds(out, "    }\n");
    }
    for (size_t e = 0; e < d->nedges; e++)
        add_relationship(out, &d->edges[e], names);
    for (size_t t = 0; t < d->ntables; t++)
        free(names[t]);
    free(names);
}
