/*
 * render_plantuml.c - the diagram as PlantUML entities in IE (crow's-foot)
 * notation.
 *
 * Entities are declared with a synthetic alias (t0, t1, ...) and the name
 * as a quoted display string, so that relationships never spell a name.
 * Display text goes through PlantUML's Creole and preprocessor: every
 * character that could start markup there (`<`, `&`, `[[`, `**`, `--`,
 * `!include` at a line's start, `'` comments, `%function()`, `$variable`) is written as
 * a numeric entity `&#N;`, which PlantUML shows as the character itself.
 */
#include <string.h>

#include "escape.h"
#include "render_formats.h"

/* Always written as entities: markup, quoting, preprocessor characters. */
static bool always_entity(int32_t cp)
{
    return cp > 0 && cp < 0x80 && strchr("\"'<>&\\{}%$~", (int)cp);
}

/* Creole markup doubles these (`**bold**`, `--strike--`, `[[link]]`). */
static bool creole_double(int32_t cp)
{
    return cp > 0 && cp < 0x80 && strchr("*/_-=^.[]|#+", (int)cp);
}

/* At the start of a field these are visibility marks or a directive. */
static bool field_start(int32_t cp)
{
    return cp > 0 && cp < 0x80 && strchr("-#+~*!@", (int)cp);
}

static void add_text(rm_buf *out, const char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t step = rm_utf8_decode(s + i, len - i, &cp);
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xFFFE || cp == 0xFFFF)
            rm_buf_adds(out, RM_UTF8_REPLACEMENT);
        else if (always_entity(cp) || (i == 0 && field_start(cp)) ||
                 (creole_double(cp) && i + 1 < len && s[i + 1] == (char)cp))
            rm_buf_printf(out, "&#%d;", (int)cp);
        else
            rm_buf_add(out, s + i, step);
        i += step;
    }
}

static void add_field(rm_buf *out, const relmap_table *table, const relmap_column *column)
{
    /* `*` marks a mandatory (NOT NULL) attribute in IE notation. */
    rm_buf_adds(out, column->nullable ? "  " : "  * ");
    add_text(out, column->name);
    if (column->type[0]) {
        rm_buf_adds(out, " : ");
        add_text(out, column->type);
    }
    if (column->pk_position > 0)
        rm_buf_adds(out, " <<PK>>");
    if (dg_column_in_fk(table, column))
        rm_buf_adds(out, " <<FK>>");
    if (dg_column_unique(table, column))
        rm_buf_adds(out, " <<UQ>>");
    rm_buf_addc(out, '\n');
}

/* Key columns above the line, the rest below, as IE diagrams draw them. */
static void add_entity(rm_buf *out, const dg_diagram *d, size_t index, rm_buf *name)
{
    const dg_table *t = &d->tables[index];
    const relmap_table *table = t->table;
    rm_buf_adds(out, "entity \"");
    add_text(out, dg_table_name(name, table));
    rm_buf_printf(out, "\" as t%zu", index);
    if (t->junction)
        rm_buf_adds(out, " <<junction>>");
    else if (table->kind == RELMAP_KIND_VIEW)
        rm_buf_adds(out, " <<view>>");
    rm_buf_adds(out, " {\n");
    bool any_key = false, any_other = false;
    for (size_t c = 0; c < table->ncolumns; c++) {
        const relmap_column *column = &table->columns[c];
        if (column->pk_position > 0 && dg_column_shown(d, table, column)) {
            add_field(out, table, column);
            any_key = true;
        }
    }
    for (size_t c = 0; c < table->ncolumns; c++) {
        const relmap_column *column = &table->columns[c];
        if (column->pk_position > 0 || !dg_column_shown(d, table, column))
            continue;
        if (any_key && !any_other)
            rm_buf_adds(out, "  --\n");
        any_other = true;
        add_field(out, table, column);
    }
    rm_buf_adds(out, "}\n\n");
}

/* The ORM relationships walking the edge, " (user / addresses)". */
static void add_roles(rm_buf *out, const dg_edge *e)
{
    if (!e->to_parent && !e->to_child)
        return;
    rm_buf role = RM_BUF_INIT;
    rm_buf_adds(out, " (");
    if (e->to_parent)
        add_text(out, dg_role_label(&role, e, e->to_parent));
    rm_buf_adds(out, e->to_parent && e->to_child ? " / " : "");
    if (e->to_child)
        add_text(out, dg_role_label(&role, e, e->to_child));
    rm_buf_adds(out, ")");
    rm_buf_free(&role);
}

static void add_relationship(rm_buf *out, const dg_edge *e)
{
    const relmap_fk *fk = e->fk;
    if (e->via) {
        /* A collapsed junction: many-to-many, named after the table. */
        rm_buf_printf(out, "t%zu }o--o{ t%zu : ", e->child, e->parent);
        add_text(out, e->junction->name);
        add_roles(out, e);
        rm_buf_addc(out, '\n');
        return;
    }
    rm_buf_printf(out, "t%zu %s--%s t%zu : ", e->parent, dg_ie_end(e->parent_card, true),
                  dg_ie_end(e->child_card, false), e->child);
    for (size_t i = 0; i < fk->ncolumns; i++) {
        if (i > 0)
            rm_buf_adds(out, ", ");
        add_text(out, fk->columns[i].name ? fk->columns[i].name : "?");
    }
    if (fk->on_delete == RELMAP_ACTION_CASCADE || fk->on_delete == RELMAP_ACTION_SET_NULL ||
        fk->on_delete == RELMAP_ACTION_SET_DEFAULT)
        rm_buf_printf(out, " (ON DELETE %s)", relmap_fk_action_name(fk->on_delete));
    add_roles(out, e);
    rm_buf_addc(out, '\n');
}

void rd_plantuml(rm_buf *out, const dg_diagram *d)
{
    rm_buf_adds(out, "@startuml\n"
                     "' Generated by relmap. IE notation: crow's foot = many, bar = one,\n"
                     "' circle = optional; * marks a NOT NULL attribute.\n"
                     "hide circle\n"
                     "skinparam linetype ortho\n\n");
    rm_buf name = RM_BUF_INIT;
    for (size_t t = 0; t < d->ntables; t++)
        add_entity(out, d, t, &name);
    rm_buf_free(&name);
    for (size_t e = 0; e < d->nedges; e++)
        add_relationship(out, &d->edges[e]);
    rm_buf_adds(out, "@enduml\n");
}
