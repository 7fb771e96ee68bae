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
    /** Hierarchical: the clearest picture, up to about 1,000 tables. */
    RELMAP_ENGINE_DOT = 0,
    /** Spring model: for small graphs with many cycles. */
    RELMAP_ENGINE_NEATO,
    /** Multiscale force-directed: fast on thousands of tables. */
    RELMAP_ENGINE_SFDP,
    /** dot up to RELMAP_RENDER_AUTO_SFDP_TABLES tables, sfdp past that. */
    RELMAP_ENGINE_AUTO
} relmap_render_engine;

/**
 * Past this many tables RELMAP_ENGINE_AUTO picks sfdp: dot takes 0.85 s for
 * 1,000 tables and 2.8 s for 2,000 (Graphviz 2.42), sfdp 0.8 s for 1,000.
 */
#define RELMAP_RENDER_AUTO_SFDP_TABLES 1000

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
     * picture (a Graphviz warning, an image scaled down to fit); may be NULL.
     */
    relmap_write_fn notes;
    void *notes_payload;
} relmap_render_opts;

#define RELMAP_RENDER_OPTS_VERSION 1
#define RELMAP_RENDER_OPTS_INIT                                                            \
    {RELMAP_RENDER_OPTS_VERSION, RELMAP_RENDER_DOT, RELMAP_COLUMNS_ALL, RELMAP_RANKDIR_LR, \
     RELMAP_ENGINE_DOT, true, NULL, NULL}

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
 * install); RELMAP_EWRITE when `write` failed. Not thread-safe for the
 * picture formats: libgvc keeps global state.
 */
RELMAP_API int relmap_render(const relmap_model *model, const relmap_findings *findings,
                             const relmap_render_opts *opts, relmap_write_fn write,
                             void *payload);

#ifdef __cplusplus
}
#endif

#endif
