/*
 * render_formats.h - the renderers behind relmap_render(), one file each.
 * Text formats append to a buffer that relmap_render() writes out.
 */
#ifndef RELMAP_RENDER_FORMATS_H
#define RELMAP_RENDER_FORMATS_H

#include "buf.h"
#include "diagram.h"
#include "relmap/render.h"

/* The engine a layout uses: `auto` resolved by the number of tables. */
relmap_render_engine rd_engine(const relmap_render_opts *opts, size_t ntables);

/* The DOT text of the diagram, laid out by `engine` (never auto). */
void rd_dot(rm_buf *out, const dg_diagram *d, const relmap_render_opts *opts,
            relmap_render_engine engine);
void rd_mermaid(rm_buf *out, const dg_diagram *d);
void rd_plantuml(rm_buf *out, const dg_diagram *d);
void rd_dbml(rm_buf *out, const dg_diagram *d);

/*
 * Lays out `dot` (as rd_dot wrote it) with libgvc and draws it in
 * `format` (svg, png or pdf), calling `write` once with the result.
 * Returns 0, RELMAP_EIO (Graphviz failed; the message says why and what
 * to install) or RELMAP_EWRITE.
 */
int rd_gvc(const char *dot, relmap_render_format format, relmap_render_engine engine,
           const relmap_render_opts *opts, relmap_write_fn write, void *payload);

/*
 * rd_gvc in a forked child, killed after opts->layout_timeout_ms
 * (render_child.c): returns what rd_gvc returns, or RELMAP_ELIMIT when
 * the time ran out (and then nothing was written).
 */
int rd_gvc_limited(const char *dot, relmap_render_format format, relmap_render_engine engine,
                   const relmap_render_opts *opts, relmap_write_fn write, void *payload);

/*
 * The picture or text of a built diagram, as relmap_render() writes it:
 * the format's renderer, for pictures the layout under the time limit
 * with its fallbacks, and the notes on size. Returns what relmap_render
 * returns.
 */
int rd_write(dg_diagram *d, const relmap_render_opts *opts, relmap_write_fn write, void *payload);

/* Checks the version and ranges of the options; 0 or RELMAP_EINVAL. */
int rd_check_opts(const relmap_render_opts *opts);

/* Sends "note: `text`" (one line, given without its newline) to the notes. */
void rd_note(const relmap_render_opts *opts, const char *text);

#endif
