/*
 * cmd_diagram.h - what `relmap diagram` writes, and how (cmd_diagram_out.c):
 * one file written whole, a folder of split diagrams, a check that
 * committed files are what relmap writes now, and a Mermaid block
 * injected into a Markdown file.
 */
#ifndef RELMAP_CMD_DIAGRAM_H
#define RELMAP_CMD_DIAGRAM_H

#include <stdbool.h>

#include <relmap/relmap.h>
#include <relmap/render.h>

/*
 * 30 s: dot lays out bench/gen's 1,000 tables in 9.4 s here and sfdp
 * 5,000 in about 6 s, so only a layout that is going nowhere is cut; and
 * the fallbacks (keys, names, sfdp) then finish in a few seconds more.
 */
#define DIAGRAM_LAYOUT_TIMEOUT_MS 30000u

typedef struct diagram_job {
    const relmap_model *model;
    const relmap_findings *findings;
    const relmap_render_opts *render;
    const char *output; /* a file, a folder, "-", or the file to inject into */
    bool check;         /* compare instead of writing: exit 1 when different */
    /* A single file whose layout runs out of time even with the fallbacks
     * is split into a folder instead (--split auto). */
    bool split_on_timeout;
} diagram_job;

/* Each returns the exit status, having reported any failure in one line. */
int diagram_to_stdout(const diagram_job *job);
int diagram_to_file(const diagram_job *job);
int diagram_to_folder(const diagram_job *job, relmap_render_split_by by);
int diagram_inject(const diagram_job *job);

#endif
