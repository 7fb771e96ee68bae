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

void rd_dot(rm_buf *out, const dg_diagram *d, const relmap_render_opts *opts);
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

#endif
