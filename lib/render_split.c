/*
 * render_split.c - one diagram per part and an overview of the parts
 * (relmap_render_split in relmap/render.h).
 *
 * Each part is an ordinary diagram of its tables, so the keys that leave
 * the part end at the "+N not shown" nodes the selection draws. The overview is DOT
 * of its own: a node per part with its name and size, an edge per pair of
 * parts joined by keys, from the part of the children to the part of the
 * parents (both ways: arrows at both ends), labelled with how many keys.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "diagram_split.h"
#include "error.h"
#include "ptrmap.h"
#include "render_formats.h"

static const char *extension(relmap_render_format format)
{
    static const char *const names[] = {"dot", "mmd", "puml", "dbml", "svg", "png", "pdf"};
    return names[format];
}

typedef struct part_link {
    size_t child, parent;
} part_link;

static int compare_links(const void *a, const void *b)
{
    const part_link *x = a, *y = b;
    if (x->child != y->child)
        return x->child < y->child ? -1 : 1;
    return x->parent < y->parent ? -1 : x->parent > y->parent;
}

/* Every key between two tables in different parts, sorted by parts. */
static part_link *cross_links(const relmap_model *model, const dg_parts *parts, size_t *n)
{
    rm_ptrmap *index_of = rm_ptrmap_new(model->ntables);
    for (size_t t = 0; t < model->ntables; t++)
        rm_ptrmap_put(index_of, model->tables[t], t);
    part_link *links = NULL;
    size_t cap = 0;
    *n = 0;
    for (size_t t = 0; t < model->ntables; t++) {
        const relmap_table *table = model->tables[t];
        for (size_t k = 0; k < table->nfks; k++) {
            size_t parent;
            if (!table->fks[k].ref_table ||
                !rm_ptrmap_get(index_of, table->fks[k].ref_table, &parent))
                continue;
            size_t from = parts->part_of[t], to = parts->part_of[parent];
            if (from == SIZE_MAX || to == SIZE_MAX || from == to)
                continue;
            links = rm_grow(links, &cap, *n + 1, sizeof *links);
            links[(*n)++] = (part_link){from, to};
        }
    }
    rm_ptrmap_free(index_of);
    if (*n)
        qsort(links, *n, sizeof *links, compare_links);
    return links;
}

/* How many of the sorted `links` equal `key`: a lower bound, then a walk. */
static size_t count_links(const part_link *links, size_t n, part_link key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (compare_links(&links[mid], &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t count = 0;
    while (lo + count < n && compare_links(&links[lo + count], &key) == 0)
        count++;
    return count;
}

static void overview_dot(rm_buf *out, const relmap_model *model, const dg_parts *parts,
                         const relmap_render_opts *opts)
{
    rm_buf_printf(out,
                  "digraph overview {\n  graph [layout=dot, rankdir=%s, pad=0.3, "
                  "nodesep=0.4, ranksep=0.9, fontname=\"Helvetica,Arial,sans-serif\"];\n"
                  "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#dce6f2\", "
                  "color=\"#5b6b82\", fontname=\"Helvetica,Arial,sans-serif\", "
                  "fontsize=10];\n  edge [color=\"#4d4d4d\", fontname=\"Helvetica,Arial,"
                  "sans-serif\", fontsize=8];\n",
                  opts->rankdir == RELMAP_RANKDIR_TB ? "TB" : "LR");
    for (size_t i = 0; i < parts->nparts; i++) {
        rm_buf_printf(out, "  p%zu [label=<<B>", i);
        dg_add_markup_text(out, parts->names[i]);
        rm_buf_printf(out, "</B><BR/>%zu table%s<BR/><FONT POINT-SIZE=\"8\">%s.%s</FONT>>];\n",
                      parts->sizes[i], parts->sizes[i] == 1 ? "" : "s", parts->stems[i],
                      extension(opts->format));
    }
    size_t nlinks;
    part_link *links = cross_links(model, parts, &nlinks);
    for (size_t i = 0; i < nlinks;) {
        size_t same = 1;
        while (i + same < nlinks && compare_links(&links[i], &links[i + same]) == 0)
            same++;
        /* Keys both ways between two parts are one line with two arrows:
         * a pair of long parallel curves is all the eye would see. */
        size_t nback = count_links(links, nlinks, (part_link){links[i].parent, links[i].child});
        if (nback == 0 || links[i].child < links[i].parent) {
            size_t total = same + nback;
            rm_buf_printf(out, "  p%zu -> p%zu [label=\"%zu key%s\", penwidth=%.1f%s];\n",
                          links[i].child, links[i].parent, total, total == 1 ? "" : "s",
                          total > 8 ? 3.0 : 1.0 + total / 4.0, nback ? ", dir=both" : "");
        }
        i += same;
    }
    free(links);
    rm_buf_adds(out, "}\n");
}

/* Collects a part's bytes, so that it is handed on whole with its name. */
static int collect(void *payload, const char *data, size_t len)
{
    rm_buf_add(payload, data, len);
    return 0;
}

static int hand_on(relmap_render_file_fn file, void *payload, const char *stem,
                   relmap_render_format format, const rm_buf *data)
{
    rm_buf name = RM_BUF_INIT;
    rm_buf_printf(&name, "%s.%s", stem, extension(format));
    int rc = file(payload, rm_buf_cstr(&name), data->data ? data->data : "", data->len);
    rm_buf_free(&name);
    return rc == 0 ? 0 : rm_error(RELMAP_EWRITE, "cannot write the diagram");
}

static int write_overview(const relmap_model *model, const dg_parts *parts,
                          const relmap_render_opts *opts, relmap_render_file_fn file, void *payload)
{
    rm_buf dot = RM_BUF_INIT, picture = RM_BUF_INIT;
    overview_dot(&dot, model, parts, opts);
    int rc = 0;
    if (opts->format == RELMAP_RENDER_DOT)
        rc = hand_on(file, payload, "overview", opts->format, &dot);
    else {
        /* A node per part: small, so no time limit is needed. */
        rc = rd_gvc(rm_buf_cstr(&dot), opts->format, RELMAP_ENGINE_DOT, opts, collect, &picture);
        if (rc == 0)
            rc = hand_on(file, payload, "overview", opts->format, &picture);
    }
    rm_buf_free(&dot);
    rm_buf_free(&picture);
    return rc;
}

int relmap_render_split(const relmap_model *model, const relmap_findings *findings,
                        const relmap_render_opts *opts, relmap_render_split_by by,
                        relmap_render_file_fn file, void *payload)
{
    int rc = rd_check_opts(opts);
    if (rc < 0)
        return rc;
    if (by > RELMAP_SPLIT_MODULE)
        return rm_error(RELMAP_EINVAL, "relmap_render_split: unknown way to split");
    size_t n = model->ntables;
    bool *selected = rm_malloc((n ? n : 1) * sizeof *selected);
    for (size_t t = 0; t < n; t++)
        selected[t] = true;
    if ((opts->nfocus || opts->ninclude || opts->nexclude) &&
        (rc = dg_select(model, opts, selected)) < 0) {
        free(selected);
        return rc;
    }
    dg_parts parts;
    dg_split(&parts, model, selected, by);
    bool *in_part = rm_malloc((n ? n : 1) * sizeof *in_part);
    for (size_t i = 0; i < parts.nparts && rc == 0; i++) {
        for (size_t t = 0; t < n; t++)
            in_part[t] = parts.part_of[t] == i;
        dg_diagram d;
        dg_build(&d, model, findings, opts, in_part);
        rm_buf data = RM_BUF_INIT;
        rc = rd_write(&d, opts, collect, &data);
        dg_free(&d);
        if (rc == 0)
            rc = hand_on(file, payload, parts.stems[i], opts->format, &data);
        rm_buf_free(&data);
    }
    /* The text formats have no drawing of parts to offer. */
    bool graphviz = opts->format == RELMAP_RENDER_DOT || opts->format >= RELMAP_RENDER_SVG;
    if (rc == 0 && graphviz)
        rc = write_overview(model, &parts, opts, file, payload);
    free(in_part);
    dg_parts_free(&parts);
    free(selected);
    return rc;
}
