/*
 * render.c - choosing a diagram format and handing the model to its
 * renderer (see relmap/render.h).
 */
#include <string.h>
#include <strings.h>

#include "error.h"
#include "render_formats.h"

static const struct {
    const char *name;
    relmap_render_format format;
} format_names[] = {
    {"svg", RELMAP_RENDER_SVG},        {"png", RELMAP_RENDER_PNG},
    {"pdf", RELMAP_RENDER_PDF},        {"dot", RELMAP_RENDER_DOT},
    {"gv", RELMAP_RENDER_DOT},         {"mmd", RELMAP_RENDER_MERMAID},
    {"mermaid", RELMAP_RENDER_MERMAID}, {"puml", RELMAP_RENDER_PLANTUML},
    {"plantuml", RELMAP_RENDER_PLANTUML}, {"dbml", RELMAP_RENDER_DBML},
};

#define FORMAT_LIST "svg, png, pdf, dot, mmd, puml or dbml"

int relmap_render_format_parse(const char *name, relmap_render_format *out)
{
    for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++) {
        if (strcasecmp(name, format_names[i].name) == 0) {
            *out = format_names[i].format;
            return 0;
        }
    }
    return rm_error(RELMAP_EINVAL, "unknown diagram format '%s' (expected " FORMAT_LIST ")",
                    name);
}

int relmap_render_format_from_path(const char *path, relmap_render_format *out)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base || relmap_render_format_parse(dot + 1, out) < 0)
        return rm_error(RELMAP_EINVAL,
                        "%s: cannot tell the diagram format from the file name (expected an "
                        "extension: " FORMAT_LIST ")",
                        path);
    return 0;
}

relmap_render_engine rd_engine(const relmap_render_opts *opts, size_t ntables)
{
    if (opts->engine != RELMAP_ENGINE_AUTO)
        return opts->engine;
    return ntables > RELMAP_RENDER_AUTO_SFDP_TABLES ? RELMAP_ENGINE_SFDP : RELMAP_ENGINE_DOT;
}

static bool valid_opts(const relmap_render_opts *opts)
{
    return opts->format <= RELMAP_RENDER_PDF && opts->columns <= RELMAP_COLUMNS_NONE &&
           opts->rankdir <= RELMAP_RANKDIR_TB && opts->engine <= RELMAP_ENGINE_AUTO;
}

int relmap_render(const relmap_model *model, const relmap_findings *findings,
                  const relmap_render_opts *opts, relmap_write_fn write, void *payload)
{
    if (!opts || opts->version != RELMAP_RENDER_OPTS_VERSION)
        return rm_error(RELMAP_EINVAL, "relmap_render: options of an unknown version");
    if (!valid_opts(opts))
        return rm_error(RELMAP_EINVAL, "relmap_render: an option is out of range");
    dg_diagram d;
    dg_build(&d, model, findings, opts->columns);
    rm_buf text = RM_BUF_INIT;
    int rc = 0;
    switch (opts->format) {
    case RELMAP_RENDER_MERMAID:
        rd_mermaid(&text, &d);
        break;
    case RELMAP_RENDER_PLANTUML:
        rd_plantuml(&text, &d);
        break;
    case RELMAP_RENDER_DBML:
        rd_dbml(&text, &d);
        break;
    case RELMAP_RENDER_DOT:
    case RELMAP_RENDER_SVG:
    case RELMAP_RENDER_PNG:
    case RELMAP_RENDER_PDF:
        rd_dot(&text, &d, opts);
        break;
    }
    if (opts->format >= RELMAP_RENDER_SVG)
        rc = rd_gvc(rm_buf_cstr(&text), opts->format, rd_engine(opts, d.ntables), opts, write,
                    payload);
    else if (write(payload, rm_buf_cstr(&text), text.len) != 0)
        rc = rm_error(RELMAP_EWRITE, "cannot write the diagram");
    rm_buf_free(&text);
    dg_free(&d);
    return rc;
}
