/*
 * relmap/render.h - ER diagrams of a model: Graphviz pictures (SVG, PNG,
 * PDF, laid out in-process by libgvc) and text formats (DOT, Mermaid,
 * PlantUML, DBML).
 *
 * Every format is written from the same model, deterministically: the same
 * model, findings and options give byte-identical output. Names from the
 * model are escaped for the format they go into, so a table called
 * `<script>` is shown as text and never becomes markup.
 */
#ifndef RELMAP_RENDER_H
#define RELMAP_RENDER_H

#include <stdbool.h>

#include "check.h"
#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What relmap_render() writes. */
typedef enum relmap_render_format {
    /** Graphviz DOT text: exactly what the picture formats lay out. */
    RELMAP_RENDER_DOT = 0,
    /** Mermaid `erDiagram`. */
    RELMAP_RENDER_MERMAID,
    /** PlantUML entities in IE (crow's-foot) notation. */
    RELMAP_RENDER_PLANTUML,
    /** DBML (dbdiagram.io): Table blocks and Ref lines. */
    RELMAP_RENDER_DBML,
    /** SVG, laid out and drawn by libgvc. */
    RELMAP_RENDER_SVG,
    /** PNG through Graphviz's cairo plugin. */
    RELMAP_RENDER_PNG,
    /** PDF through Graphviz's cairo plugin. */
    RELMAP_RENDER_PDF
} relmap_render_format;

/**
 * A format by name: "dot" (or "gv"), "mmd" (or "mermaid"), "puml" (or
 * "plantuml"), "dbml", "svg", "png", "pdf", in any case. Returns 0, or
 * RELMAP_EINVAL with a message listing the names.
 */
RELMAP_API int relmap_render_format_parse(const char *name, relmap_render_format *out);

/**
 * The format a file name asks for by its extension (".svg", ".mmd", ...,
 * the names relmap_render_format_parse() accepts). Returns 0, or
 * RELMAP_EINVAL when the path has no extension or an unknown one.
 */
RELMAP_API int relmap_render_format_from_path(const char *path, relmap_render_format *out);

/** Which columns a table shows. */
typedef enum relmap_render_columns {
    /** Every column. */
    RELMAP_COLUMNS_ALL = 0,
    /** Primary-key, foreign-key and referenced columns only. */
    RELMAP_COLUMNS_KEYS,
    /** The table names only. */
    RELMAP_COLUMNS_NONE
} relmap_render_columns;

/** The direction of a Graphviz layout (DOT and the picture formats). */
typedef enum relmap_render_rankdir {
    /** Children left of their parents. */
    RELMAP_RANKDIR_LR = 0,
    /** Children above their parents. */
    RELMAP_RANKDIR_TB
} relmap_render_rankdir;

/** The Graphviz layout engine (DOT and the picture formats). */
typedef enum relmap_render_engine {
    /** Hierarchical: the clearest picture, up to about 500 tables. */
    RELMAP_ENGINE_DOT = 0,
    /** Spring model: for small graphs with many cycles. */
    RELMAP_ENGINE_NEATO,
    /** Multiscale force-directed: fast on thousands of tables. */
    RELMAP_ENGINE_SFDP,
    /** dot up to RELMAP_RENDER_AUTO_SFDP_TABLES tables, sfdp past that. */
    RELMAP_ENGINE_AUTO
} relmap_render_engine;

/**
 * Past this many tables RELMAP_ENGINE_AUTO picks sfdp. Measured with
 * bench/gen schemas to SVG (Graphviz 2.42, whole `relmap diagram` run):
 * dot takes 0.19/0.89/2.3/9.4 s for 100/300/500/1,000 tables, sfdp
 * 0.28/0.70/0.81/1.4 s. dot's picture reads far better (edges between
 * ranks, not across tables), so it is kept while it stays within a few
 * seconds. fdp is never chosen (slow, not deterministic), and no engine
 * is given splines=ortho (13 s at 500 tables, and it ignores ports).
 */
#define RELMAP_RENDER_AUTO_SFDP_TABLES 500

/**
 * Past this many tables a PNG is noted as unreadable: cairo caps images
 * at 32,767 px, and dot's picture of bench/gen's 400 tables is already
 * 30,700 px long (500: 37,100 px), so Graphviz shrinks it until the text
 * is gone. SVG has no such cap.
 */
#define RELMAP_RENDER_PNG_MAX_TABLES 400

/**
 * A diagram of more tables than this is past reading at a glance (dot
 * draws bench/gen's 150 tables 3,400 x 8,000 pt): `relmap diagram`'s
 * --split auto splits above it, and relmap_render_split() cuts a
 * connected component larger than this into parts of at most this size.
 */
#define RELMAP_RENDER_SPLIT_TABLES 150

/** Tables drawn in clusters (the Graphviz formats; the text formats have none). */
typedef enum relmap_render_group {
    /** No clusters. */
    RELMAP_GROUP_NONE = 0,
    /** One cluster per schema; tables without a schema stay outside. */
    RELMAP_GROUP_SCHEMA,
    /**
     * One cluster per Python module of the classes mapping the tables
     * (model files); tables no class maps stay outside.
     */
    RELMAP_GROUP_MODULE
} relmap_render_group;

typedef struct relmap_render_opts {
    unsigned version;
    relmap_render_format format;
    relmap_render_columns columns;
    relmap_render_rankdir rankdir;
    relmap_render_engine engine;
    /** Draw the legend of marks and crow's-foot ends (Graphviz formats). */
    bool legend;
    /**
     * Called with one line for each thing worth telling the user about the
     * picture (a Graphviz warning, an image scaled down to fit, a layout
     * that ran out of time); may be NULL.
     */
    relmap_write_fn notes;
    void *notes_payload;

    /**
     * The selection. Names are matched the way the model's dialect compares
     * them, with or without the schema ("orders", "sales.orders"); globs
     * as fnmatch(3) has them (`*`, `?`, `[...]`). A table is in the diagram
     * when it matches some `include` glob (or none are given) and no
     * `exclude` glob; then, when `focus` names tables, only those and the
     * tables within `depth` foreign keys of them (in either direction,
     * through included tables only) remain. Foreign keys to tables left
     * out are drawn, in the Graphviz formats, to one small "+N not shown" node per
     * table that says how many tables are not shown; the text formats
     * leave them out. The arrays are borrowed for the call.
     */
    const char *const *focus;
    size_t nfocus;
    unsigned depth;
    const char *const *include;
    size_t ninclude;
    const char *const *exclude;
    size_t nexclude;
    relmap_render_group group;

    /**
     * The longest a Graphviz layout may take, in milliseconds; 0: no limit.
     * Graphviz cannot be stopped mid-layout, so a limited layout of more
     * than RELMAP_RENDER_FORK_TABLES tables runs in a forked child process
     * that is killed when the time is up. Then relmap draws less: keys only,
     * then no columns, then sfdp, each under the same limit and each with
     * a note, and fails with RELMAP_ELIMIT when nothing finished.
     */
    unsigned layout_timeout_ms;

    /**
     * Draw each junction table (two foreign keys and nothing else but a
     * surrogate id or timestamps) whose two tables are both in the diagram
     * as one many-to-many edge between them, instead of as a table.
     */
    bool collapse_junctions;
} relmap_render_opts;

/**
 * Layouts of more tables than this run in a child process when there is
 * a time limit; smaller ones, which dot lays out in under 0.3 s, run in
 * the process. Forking itself costs little (a whole `relmap diagram` run,
 * in-process vs forked: 5 tables 0.155/0.151 s, 100 tables 0.29/0.36 s,
 * 300 tables 1.09/1.13 s), but a child's font caches die with it, so a
 * process drawing many small diagrams (the parts of a split, a test
 * suite) would build them again for each one.
 */
#define RELMAP_RENDER_FORK_TABLES 100

#define RELMAP_RENDER_OPTS_VERSION 3
#define RELMAP_RENDER_OPTS_INIT                                                                    \
    {                                                                                              \
        RELMAP_RENDER_OPTS_VERSION, RELMAP_RENDER_DOT, RELMAP_COLUMNS_ALL, RELMAP_RANKDIR_LR,      \
            RELMAP_ENGINE_AUTO, true, NULL, NULL, NULL, 0, 1, NULL, 0, NULL, 0, RELMAP_GROUP_NONE, \
            0, false                                                                               \
    }

/**
 * Writes a diagram of the tables and foreign keys of a resolved model.
 *
 * `findings` may be NULL; when given, the Graphviz formats outline every
 * table and foreign key with a finding in the colour of its most severe
 * one and list the findings in its tooltip. A foreign key whose table does
 * not exist is not drawn (its finding is on the child table).
 *
 * The whole output is built first and handed to `write` in one call, so
 * a failure writes nothing. Returns 0; RELMAP_EINVAL for
 * invalid options; RELMAP_EIO when Graphviz cannot lay out or draw the
 * graph (its plugins missing, say: the message names the Debian package to
 * install); RELMAP_ELIMIT when no layout finished within
 * `layout_timeout_ms`; RELMAP_EWRITE when `write` failed. Not thread-safe for the
 * picture formats: libgvc keeps global state.
 */
RELMAP_API int relmap_render(const relmap_model *model, const relmap_findings *findings,
                             const relmap_render_opts *opts, relmap_write_fn write, void *payload);

/**
 * How many tables the diagram of `opts` shows (after --include, --exclude
 * and --focus), into *count. Returns 0, or RELMAP_EINVAL when a focus
 * table does not exist (the message names it) or an option is invalid.
 */
RELMAP_API int relmap_render_count(const relmap_model *model, const relmap_render_opts *opts,
                                   size_t *count);

/** How relmap_render_split() cuts a diagram into parts. */
typedef enum relmap_render_split_by {
    /**
     * Connected components of the foreign-key graph: a component of more
     * than RELMAP_RENDER_SPLIT_TABLES tables is cut into parts of at most
     * that many, breadth-first from its most referenced table; components
     * of fewer than five tables (lone tables too) share "small groups"
     * parts of up to that many.
     */
    RELMAP_SPLIT_COMPONENTS = 0,
    /** One part per schema (tables without a schema form one part). */
    RELMAP_SPLIT_SCHEMA,
    /**
     * One part per Python module of the classes mapping the tables (model
     * files); tables no class maps form one part.
     */
    RELMAP_SPLIT_MODULE
} relmap_render_split_by;

/**
 * Receives one file of a split diagram: `name` is a file name (no
 * folder) made of ASCII letters, digits, `_`, `-` and the format's
 * extension, unique in the split even where a file system ignores case.
 * Returns 0, or non-zero to stop (relmap_render_split returns
 * RELMAP_EWRITE).
 */
typedef int (*relmap_render_file_fn)(void *payload, const char *name, const char *data, size_t len);

/**
 * Writes the diagram of `opts` as several files: one per part, named from
 * the part (its schema, or its most referenced table), each drawing the
 * keys that leave the part to a "+N not shown" node, and for the Graphviz formats
 * `overview.<ext>`: one node per part (its name and size) and one edge per
 * pair of parts joined by foreign keys (with their number; arrows towards
 * the parents' part, at both ends when keys go both ways). The files come
 * in a fixed order, each built whole before `file` is called. Returns what
 * relmap_render() returns.
 */
RELMAP_API int relmap_render_split(const relmap_model *model, const relmap_findings *findings,
                                   const relmap_render_opts *opts, relmap_render_split_by by,
                                   relmap_render_file_fn file, void *payload);

#ifdef __cplusplus
}
#endif

#endif
