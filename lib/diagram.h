/*
 * diagram.h - what every renderer draws, worked out once from the model:
 * which tables and columns are shown, one edge per foreign key with the
 * cardinality at each end, junction tables, and the findings on each
 * table and edge. The renderers (render_*.c) only turn this into text.
 */
#ifndef RELMAP_DIAGRAM_H
#define RELMAP_DIAGRAM_H

#include <stdbool.h>

#include "buf.h"
#include "relmap/render.h"

/* How many rows of one side an entity on the other side relates to. */
typedef enum dg_card { DG_EXACTLY_ONE, DG_ZERO_OR_ONE, DG_ZERO_OR_MANY, DG_ONE_OR_MANY } dg_card;

/* A table of the diagram; its index is its synthetic id (t0, t1, ...). */
typedef struct dg_table {
    const relmap_table *table;
    /* Two foreign keys and nothing besides but a surrogate id and times. */
    bool junction;
    /* The cluster it is drawn in (its schema, or its class's module, as
     * --group says), or NULL. */
    const char *group;
    /* The findings about the table (not about one of its foreign keys):
     * indexes into relmap_findings.items. severity is 0 when none. */
    size_t *findings;
    size_t nfindings;
    relmap_severity severity;
    /* How many tables left out of the diagram share a key with this one:
     * drawn as one "+N not shown" node, so the reader sees where the schema goes on. */
    size_t hidden;
} dg_table;

/*
 * One foreign key, drawn from the child table to the parent table; or,
 * with --collapse-junctions, a junction table drawn as one many-to-many
 * edge: then `fk` and `via` are the junction's two keys, and the edge runs
 * from the table `fk` references (child) to the one `via` references.
 */
typedef struct dg_edge {
    const relmap_fk *fk;
    const relmap_fk *via; /* NULL for a plain foreign key */
    const relmap_table *junction;
    size_t child;  /* index into dg_diagram.tables */
    size_t parent; /* index into dg_diagram.tables */
    /* The ORM relationships (model files) that walk the edge: the child
     * class's attribute leading to the parent, and the parent class's
     * attribute leading to the children. NULL when none. */
    const relmap_relationship *to_parent;
    const relmap_relationship *to_child;
    /* Parents per child row: exactly one when every key column is NOT NULL. */
    dg_card parent_card;
    /* Children per parent row: zero or one when the key columns are unique. */
    dg_card child_card;
    size_t *findings;
    size_t nfindings;
    relmap_severity severity;
} dg_edge;

typedef struct dg_diagram {
    const relmap_model *model;
    const relmap_findings *findings; /* NULL: no overlay */
    relmap_render_columns columns;
    relmap_render_group group;
    dg_table *tables;
    size_t ntables;
    dg_edge *edges;
    size_t nedges;
    struct rm_ptrmap *referenced; /* columns some foreign key lands on */
} dg_diagram;

/* The diagram of the tables t with shown[t] (every table when shown is
 * NULL), in model order: the keys between them are its edges, the keys
 * to or from the others are counted in each table's `hidden`. */
void dg_build(dg_diagram *d, const relmap_model *model, const relmap_findings *findings,
              const relmap_render_opts *opts, const bool *shown);
void dg_free(dg_diagram *d);

/*
 * The tables the options select (diagram_select.c): shown[t] for each
 * table t of the model (an array of model->ntables). Returns 0, or
 * RELMAP_EINVAL when a focus table does not exist or is excluded.
 */
int dg_select(const relmap_model *model, const relmap_render_opts *opts, bool *shown);

/* The Python module of each table of the model (an array of ntables, to
 * free): that of the first class mapping it, else that of a class in the
 * same file (a Core Table); NULL for tables of no model file. */
const char **dg_table_modules(const relmap_model *model);

/* The relationship's attribute name as an edge end shows it, with
 * " (one-way)" when nothing on the other class points back: a one-sided
 * relationship is visible as such. Stored in `out`, cleared first. */
const char *dg_role_label(rm_buf *out, const dg_edge *e, const relmap_relationship *rel);

/* An end in IE notation as Mermaid and PlantUML write it ("||", "o{"):
 * `left` for the entity left of the line, whose end reads mirrored. */
const char *dg_ie_end(dg_card card, bool left);

/* Column facts the renderers mark. */
bool dg_column_in_fk(const relmap_table *table, const relmap_column *column);
/* A single-column unique constraint or unique index (not partial) on it. */
bool dg_column_unique(const relmap_table *table, const relmap_column *column);
/* Whether --columns shows the column (keys: PK, FK and referenced ones). */
bool dg_column_shown(const dg_diagram *d, const relmap_table *table, const relmap_column *column);
/* The index of a column in its table (for synthetic port names). */
size_t dg_column_index(const relmap_table *table, const relmap_column *column);

/*
 * Appends `s` as text any markup format can carry: invalid UTF-8,
 * control characters and the XML non-characters U+FFFE/U+FFFF become
 * U+FFFD, and `& < > " '` become entities. Graphviz HTML labels, SVG
 * tooltips and XML want exactly this.
 */
void dg_add_markup_text(rm_buf *out, const char *s);
/* Appends `s` with invalid UTF-8 and control characters made U+FFFD, and
 * every character for which `keep` is false (given U+FFFD for those)
 * made the ASCII `replacement`. */
void dg_add_sanitized(rm_buf *out, const char *s, bool (*keep)(int32_t cp), char replacement);

/* A table's name as a person reads it ("schema.table" or "table"), raw:
 * the caller escapes it for its format. Stored in `out`, cleared first. */
const char *dg_table_name(rm_buf *out, const relmap_table *table);

#endif
