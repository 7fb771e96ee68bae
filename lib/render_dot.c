/*
 * render_dot.c - the diagram as Graphviz DOT: the one text the picture
 * formats lay out (render_gvc.c reads it back with agmemread), so golden
 * DOT files test the pictures too.
 *
 * Safety: user text goes only into HTML-like labels and tooltips, always
 * through dg_add_markup_text. Node ids are synthetic (t0, t1, ...) and
 * ports too (c0w, c0e, ...): Graphviz copies node names unescaped into
 * the SVG's <title>, id and class, and entity-looking text passes through
 * its own escaping, so a name must never be an id. No URL or href is
 * ever written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "render_formats.h"

#define FONT "Helvetica,Arial,sans-serif"
#define COLOR_BORDER "#5b6b82"
#define COLOR_HEADER "#dce6f2"
#define COLOR_HEADER_JUNCTION "#eadff5"
#define COLOR_HEADER_VIEW "#e3efd9"
#define COLOR_PK "#9a6700"
#define COLOR_FK "#2a5db0"
#define COLOR_UQ "#2e7d32"
#define COLOR_FAINT "#777777"
#define COLOR_ROLE "#00695c"
#define COLOR_JUNCTION_EDGE "#7b4fa8"

static const char *severity_color(relmap_severity s)
{
    switch (s) {
    case RELMAP_SEVERITY_ERROR:
        return "#d62728";
    case RELMAP_SEVERITY_WARNING:
        return "#e67e00";
    case RELMAP_SEVERITY_INFO:
        break;
    }
    return "#1f77b4";
}

/* Graphviz arrow shapes list the shape nearest the node first: the crow
 * (or bar) touches the table, the circle (optional) is outside it. */
static const char *card_arrow(dg_card c)
{
    switch (c) {
    case DG_EXACTLY_ONE:
        return "teetee";
    case DG_ZERO_OR_ONE:
        return "teeodot";
    case DG_ONE_OR_MANY:
        return "crowtee";
    case DG_ZERO_OR_MANY:
        break;
    }
    return "crowodot";
}

/*
 * A tooltip is a plain DOT string, and Graphviz writes it into the SVG with
 * entity-looking text passed through: so it is written as markup already
 * (entities for `& < > " '`), with the backslash, which DOT strings give a
 * meaning, as an entity too.
 */
static void add_tooltip_text(rm_buf *out, const char *s)
{
    rm_buf markup = RM_BUF_INIT;
    dg_add_markup_text(&markup, s);
    for (size_t i = 0; i < markup.len; i++) {
        if (markup.data[i] == '\\')
            rm_buf_adds(out, "&#92;");
        else
            rm_buf_addc(out, markup.data[i]);
    }
    rm_buf_free(&markup);
}

static void add_tooltip(rm_buf *out, const dg_diagram *d, const size_t *findings, size_t n)
{
    rm_buf_adds(out, ", tooltip=\"");
    for (size_t i = 0; i < n; i++) {
        const relmap_finding *f = &d->findings->items[findings[i]];
        if (i > 0)
            rm_buf_adds(out, "&#10;");
        rm_buf_printf(out, "%s %s (%s): ", f->rule->id, f->rule->name,
                      relmap_severity_name(f->severity));
        add_tooltip_text(out, f->message);
    }
    rm_buf_addc(out, '"');
}

static void add_marks(rm_buf *out, const relmap_table *table, const relmap_column *column)
{
    const char *sep = "";
    if (column->pk_position > 0) {
        rm_buf_adds(out, "<FONT COLOR=\"" COLOR_PK "\">PK</FONT>");
        sep = " ";
    }
    if (dg_column_in_fk(table, column)) {
        rm_buf_printf(out, "%s<FONT COLOR=\"" COLOR_FK "\">FK</FONT>", sep);
        sep = " ";
    }
    if (dg_column_unique(table, column))
        rm_buf_printf(out, "%s<FONT COLOR=\"" COLOR_UQ "\">UQ</FONT>", sep);
}

/* One row per column: marks | name | type and NOT NULL, with a port at
 * each end so that an edge can leave or enter on either side. */
static void add_column_row(rm_buf *out, const relmap_table *table, const relmap_column *column)
{
    size_t index = dg_column_index(table, column);
    rm_buf_printf(out, "<TR><TD PORT=\"c%zuw\" ALIGN=\"LEFT\">", index);
    add_marks(out, table, column);
    rm_buf_adds(out, "</TD><TD ALIGN=\"LEFT\">");
    rm_buf_adds(out, column->pk_position > 0 ? "<U>" : "");
    dg_add_markup_text(out, column->name);
    rm_buf_adds(out, column->pk_position > 0 ? "</U>" : "");
    rm_buf_printf(out, "</TD><TD PORT=\"c%zue\" ALIGN=\"LEFT\">", index);
    dg_add_markup_text(out, column->type);
    /* A primary key is NOT NULL by definition: saying so is noise. */
    if (!column->nullable && column->pk_position == 0)
        rm_buf_printf(out, "%s<FONT COLOR=\"" COLOR_FAINT "\">NOT NULL</FONT>",
                      column->type[0] ? " " : "");
    rm_buf_adds(out, "</TD></TR>\n");
}

static void add_table(rm_buf *out, const dg_diagram *d, size_t index, rm_buf *name)
{
    const dg_table *t = &d->tables[index];
    const relmap_table *table = t->table;
    const char *header = t->junction                       ? COLOR_HEADER_JUNCTION
                         : table->kind == RELMAP_KIND_VIEW ? COLOR_HEADER_VIEW
                                                           : COLOR_HEADER;
    rm_buf_printf(out,
                  "  t%zu [label=<<TABLE BORDER=\"%d\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                  "CELLPADDING=\"3\" COLOR=\"%s\">\n",
                  index, t->severity ? 3 : 1,
                  t->severity ? severity_color(t->severity) : COLOR_BORDER);
    rm_buf_printf(out, "<TR><TD COLSPAN=\"3\" BGCOLOR=\"%s\"><B>", header);
    dg_add_markup_text(out, dg_table_name(name, table));
    rm_buf_adds(out, "</B>");
    if (t->junction)
        rm_buf_adds(out, "<BR/><FONT POINT-SIZE=\"8\"><I>junction (many-to-many)</I></FONT>");
    else if (table->kind == RELMAP_KIND_VIEW)
        rm_buf_adds(out, "<BR/><FONT POINT-SIZE=\"8\"><I>view</I></FONT>");
    rm_buf_adds(out, "</TD></TR>\n");
    for (size_t c = 0; c < table->ncolumns; c++)
        if (dg_column_shown(d, table, &table->columns[c]))
            add_column_row(out, table, &table->columns[c]);
    rm_buf_adds(out, "</TABLE>>");
    if (t->nfindings)
        add_tooltip(out, d, t->findings, t->nfindings);
    rm_buf_adds(out, "];\n");
}

/* "t3:c1e:e": the column's row on the given side, when the row is shown. */
static void add_endpoint(rm_buf *out, const dg_diagram *d, size_t index,
                         const relmap_column *column, char side)
{
    const relmap_table *table = d->tables[index].table;
    rm_buf_printf(out, "t%zu", index);
    if (column && dg_column_shown(d, table, column))
        rm_buf_printf(out, ":c%zu%c:%c", dg_column_index(table, column), side, side);
}

/* An ORM relationship's name at the end of the edge it leads to, as UML
 * names an association's roles. */
static void add_role(rm_buf *out, const char *attr, const dg_edge *e,
                     const relmap_relationship *rel)
{
    if (!rel)
        return;
    rm_buf role = RM_BUF_INIT;
    rm_buf_printf(out, ", %s=<<FONT COLOR=\"" COLOR_ROLE "\">", attr);
    dg_add_markup_text(out, dg_role_label(&role, e, rel));
    rm_buf_adds(out, "</FONT>>");
    rm_buf_free(&role);
}

static void add_edge(rm_buf *out, const dg_diagram *d, const dg_edge *e)
{
    const relmap_fk *fk = e->fk;
    /* A composite key is one edge, drawn between the first columns; a
     * collapsed junction between the columns its two keys reference. */
    const relmap_column *from = e->via ? (fk->ntarget ? fk->target[0] : NULL)
                                       : (fk->ncolumns ? fk->columns[0].column : NULL);
    const relmap_column *to = e->via ? (e->via->ntarget ? e->via->target[0] : NULL)
                                     : (fk->ntarget ? fk->target[0] : NULL);
    rm_buf_adds(out, "  ");
    add_endpoint(out, d, e->child, from, 'e');
    rm_buf_adds(out, " -> ");
    add_endpoint(out, d, e->parent, to, 'w');
    rm_buf_printf(out, " [arrowtail=%s, arrowhead=%s", card_arrow(e->child_card),
                  card_arrow(e->parent_card));
    if (e->via) {
        rm_buf_adds(out, ", style=bold, color=\"" COLOR_JUNCTION_EDGE "\", label=<<I>");
        dg_add_markup_text(out, e->junction->name);
        rm_buf_adds(out, "</I>>");
    } else if (fk->on_delete == RELMAP_ACTION_CASCADE || fk->on_delete == RELMAP_ACTION_SET_NULL ||
               fk->on_delete == RELMAP_ACTION_SET_DEFAULT) {
        rm_buf_printf(out, ", label=\"ON DELETE %s\"", relmap_fk_action_name(fk->on_delete));
    }
    add_role(out, "headlabel", e, e->to_parent);
    add_role(out, "taillabel", e, e->to_child);
    /* Names clear of the crow's feet they sit beside. */
    if (e->to_parent || e->to_child)
        rm_buf_adds(out, ", labeldistance=2.2, labelangle=35");
    if (e->severity)
        rm_buf_printf(out, ", color=\"%s\", penwidth=2.5", severity_color(e->severity));
    if (e->nfindings)
        add_tooltip(out, d, e->findings, e->nfindings);
    rm_buf_adds(out, "];\n");
}

/* What the marks, edge ends and colours mean, in words: sample edges
 * would span the gap between two ranks of tables and dwarf the diagram. */
static void add_legend(rm_buf *out, const dg_diagram *d)
{
    rm_buf_adds(out, "  legend [label=<<TABLE BORDER=\"1\" STYLE=\"rounded\" COLOR=\"#bbbbbb\" "
                     "CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">\n"
                     "<TR><TD ALIGN=\"LEFT\"><B>Legend</B></TD></TR>\n"
                     "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"" COLOR_PK "\">PK</FONT> primary key, "
                     "<FONT COLOR=\"" COLOR_FK "\">FK</FONT> foreign key, "
                     "<FONT COLOR=\"" COLOR_UQ "\">UQ</FONT> unique</TD></TR>\n"
                     "<TR><TD ALIGN=\"LEFT\">edge ends: crow's foot = many, bar = one, "
                     "circle = may be none</TD></TR>\n"
                     "<TR><TD ALIGN=\"LEFT\">from the foreign key (many side) "
                     "to the key it references</TD></TR>\n");
    for (size_t e = 0; e < d->nedges; e++)
        if (d->edges[e].via) {
            rm_buf_adds(out, "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"" COLOR_JUNCTION_EDGE
                             "\">bold edge</FONT>: a junction table drawn as one "
                             "many-to-many relationship</TD></TR>\n");
            break;
        }
    if (d->model->nclasses)
        rm_buf_adds(out, "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"" COLOR_ROLE
                         "\">name</FONT> at an end: the relationship leading there; "
                         "(one-way): no back_populates or backref</TD></TR>\n");
    if (d->findings)
        rm_buf_printf(out,
                      "<TR><TD ALIGN=\"LEFT\">findings: <FONT COLOR=\"%s\">error</FONT>, "
                      "<FONT COLOR=\"%s\">warning</FONT>, <FONT COLOR=\"%s\">info</FONT> "
                      "(hover to read them)</TD></TR>\n",
                      severity_color(RELMAP_SEVERITY_ERROR),
                      severity_color(RELMAP_SEVERITY_WARNING),
                      severity_color(RELMAP_SEVERITY_INFO));
    rm_buf_adds(out, "</TABLE>>, fontsize=8];\n");
}

static void add_graph_attrs(rm_buf *out, relmap_render_engine engine,
                            const relmap_render_opts *opts)
{
    static const char *const engines[] = {"dot", "neato", "sfdp"};
    rm_buf_printf(out,
                  "  graph [layout=%s, fontname=\"" FONT "\", fontsize=10, pad=0.3, "
                  "bgcolor=\"white\", outputorder=edgesfirst",
                  engines[engine]);
    switch (engine) {
    case RELMAP_ENGINE_DOT:
        rm_buf_printf(out, ", rankdir=%s, nodesep=0.4, ranksep=0.9",
                      opts->rankdir == RELMAP_RANKDIR_TB ? "TB" : "LR");
        break;
    case RELMAP_ENGINE_NEATO:
        /* Routed splines and no overlaps: affordable at neato's sizes. */
        rm_buf_adds(out, ", overlap=false, splines=true, sep=\"+12\"");
        break;
    default:
        /* sfdp is for thousands of tables: straight edges, prism overlap
         * removal, both fast. */
        rm_buf_adds(out, ", overlap=prism, sep=\"+12\"");
        break;
    }
    rm_buf_adds(out, "];\n  node [shape=plain, fontname=\"" FONT "\", fontsize=10];\n"
                     "  edge [fontname=\"" FONT "\", fontsize=8, color=\"#4d4d4d\", "
                     "dir=both, arrowsize=0.9];\n");
}

/* One small node per table with keys to tables left out: "+3 tables not
 * shown", joined by a dashed line. One per table, not one per hidden
 * table, so that a hub with hundreds of hidden neighbours adds one node. */
static void add_stub(rm_buf *out, size_t index, size_t hidden)
{
    rm_buf_printf(out,
                  "  s%zu [shape=box, style=\"rounded,dashed\", color=\"#999999\", "
                  "fontcolor=\"#666666\", fontsize=8, margin=\"0.08,0.02\", "
                  "label=\"+%zu table%s not shown\"];\n"
                  "  t%zu -> s%zu [style=dashed, color=\"#999999\", dir=none];\n",
                  index, hidden, hidden == 1 ? "" : "s", index, index);
}

/* --group schema|module: a cluster per schema or module, in the order
 * they first appear; the nodes are declared above and only listed here. */
static void add_clusters(rm_buf *out, const dg_diagram *d)
{
    bool *done = rm_calloc(d->ntables ? d->ntables : 1, sizeof *done);
    size_t cluster = 0;
    for (size_t t = 0; t < d->ntables; t++) {
        const char *schema = d->tables[t].group;
        if (done[t] || !schema)
            continue;
        rm_buf_printf(out, "  subgraph cluster_%zu {\n    label=<<B>", cluster++);
        dg_add_markup_text(out, schema);
        rm_buf_adds(out, "</B>>; style=\"rounded\"; color=\"#9aa5b5\";\n   ");
        for (size_t u = t; u < d->ntables; u++) {
            const char *other = d->tables[u].group;
            if (!done[u] && other && strcmp(other, schema) == 0) {
                done[u] = true;
                rm_buf_printf(out, " t%zu;", u);
            }
        }
        rm_buf_adds(out, "\n  }\n");
    }
    free(done);
}

void rd_dot(rm_buf *out, const dg_diagram *d, const relmap_render_opts *opts,
            relmap_render_engine engine)
{
    rm_buf_adds(out, "digraph relmap {\n");
    add_graph_attrs(out, engine, opts);
    rm_buf name = RM_BUF_INIT;
    for (size_t t = 0; t < d->ntables; t++)
        add_table(out, d, t, &name);
    rm_buf_free(&name);
    if (d->group != RELMAP_GROUP_NONE)
        add_clusters(out, d);
    for (size_t e = 0; e < d->nedges; e++)
        add_edge(out, d, &d->edges[e]);
    for (size_t t = 0; t < d->ntables; t++)
        if (d->tables[t].hidden)
            add_stub(out, t, d->tables[t].hidden);
    if (opts->legend && d->ntables > 0)
        add_legend(out, d);
    rm_buf_adds(out, "}\n");
}
