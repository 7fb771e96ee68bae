/*
 * render.c - choosing a diagram format, selecting the tables, handing
 * the diagram to its renderer, and for pictures the layout under a time
 * limit with what to draw instead when it runs out (see relmap/render.h).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "error.h"
#include "render_formats.h"

static const struct {
    const char *name;
    relmap_render_format format;
} format_names[] = {
    {"svg", RELMAP_RENDER_SVG},
    {"png", RELMAP_RENDER_PNG},
    {"pdf", RELMAP_RENDER_PDF},
    {"dot", RELMAP_RENDER_DOT},
    {"gv", RELMAP_RENDER_DOT},
    {"mmd", RELMAP_RENDER_MERMAID},
    {"mermaid", RELMAP_RENDER_MERMAID},
    {"puml", RELMAP_RENDER_PLANTUML},
    {"plantuml", RELMAP_RENDER_PLANTUML},
    {"dbml", RELMAP_RENDER_DBML},
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
    return rm_error(RELMAP_EINVAL, "unknown diagram format '%s' (expected " FORMAT_LIST ")", name);
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

int rd_check_opts(const relmap_render_opts *opts)
{
    if (!opts || opts->version != RELMAP_RENDER_OPTS_VERSION)
        return rm_error(RELMAP_EINVAL, "relmap_render: options of an unknown version");
    if (opts->format > RELMAP_RENDER_PDF || opts->columns > RELMAP_COLUMNS_NONE ||
        opts->rankdir > RELMAP_RANKDIR_TB || opts->engine > RELMAP_ENGINE_AUTO ||
        opts->group > RELMAP_GROUP_MODULE)
        return rm_error(RELMAP_EINVAL, "relmap_render: an option is out of range");
    return 0;
}

void rd_note(const relmap_render_opts *opts, const char *text)
{
    if (!opts->notes)
        return;
    rm_buf line = RM_BUF_INIT;
    rm_buf_printf(&line, "note: %s\n", text);
    opts->notes(opts->notes_payload, line.data, line.len);
    rm_buf_free(&line);
}

/*
 * What to draw when a layout ran out of time: fewer columns first (the
 * HTML-label tables are what makes dot slow on wide tables), then sfdp,
 * which lays out 1,000 tables in about a second. Returns false when there
 * is nothing left to try; otherwise says what changed in *what.
 */
static bool draw_less(dg_diagram *d, relmap_render_engine *engine, const char **what)
{
    if (d->columns == RELMAP_COLUMNS_ALL) {
        d->columns = RELMAP_COLUMNS_KEYS;
        *what = "key columns only";
    } else if (d->columns == RELMAP_COLUMNS_KEYS) {
        d->columns = RELMAP_COLUMNS_NONE;
        *what = "table names only";
    } else if (*engine != RELMAP_ENGINE_SFDP) {
        *engine = RELMAP_ENGINE_SFDP;
        *what = "table names only, laid out by sfdp";
    } else {
        return false;
    }
    return true;
}

static int draw_picture(dg_diagram *d, const relmap_render_opts *opts, relmap_write_fn write,
                        void *payload)
{
    relmap_render_engine engine = rd_engine(opts, d->ntables);
    bool limited = opts->layout_timeout_ms > 0 && d->ntables > RELMAP_RENDER_FORK_TABLES;
    double seconds = opts->layout_timeout_ms / 1000.0;
    if (opts->format == RELMAP_RENDER_PNG && d->ntables > RELMAP_RENDER_PNG_MAX_TABLES) {
        rm_buf note = RM_BUF_INIT;
        rm_buf_printf(&note,
                      "a PNG of %zu tables: cairo caps images at 32,767 pixels, so this one "
                      "is shrunk until its text cannot be read; write SVG instead, or draw "
                      "fewer tables (--split, --focus, --include)",
                      d->ntables);
        rd_note(opts, rm_buf_cstr(&note));
        rm_buf_free(&note);
    }
    for (;;) {
        rm_buf dot = RM_BUF_INIT;
        rd_dot(&dot, d, opts, engine);
        int rc = limited
                     ? rd_gvc_limited(rm_buf_cstr(&dot), opts->format, engine, opts, write, payload)
                     : rd_gvc(rm_buf_cstr(&dot), opts->format, engine, opts, write, payload);
        rm_buf_free(&dot);
        const char *what;
        if (rc != RELMAP_ELIMIT)
            return rc;
        if (!draw_less(d, &engine, &what))
            return rm_error(RELMAP_ELIMIT,
                            "no layout of the %zu tables finished within %g s, not even of "
                            "the table names by sfdp: draw fewer tables (--split, --focus, "
                            "--include) or allow more time (--layout-timeout)",
                            d->ntables, seconds);
        rm_buf note = RM_BUF_INIT;
        rm_buf_printf(&note, "the layout of %zu tables did not finish within %g s; drawing %s",
                      d->ntables, seconds, what);
        rd_note(opts, rm_buf_cstr(&note));
        rm_buf_free(&note);
    }
}

int rd_write(dg_diagram *d, const relmap_render_opts *opts, relmap_write_fn write, void *payload)
{
    if (opts->format >= RELMAP_RENDER_SVG)
        return draw_picture(d, opts, write, payload);
    rm_buf text = RM_BUF_INIT;
    switch (opts->format) {
    case RELMAP_RENDER_MERMAID:
        rd_mermaid(&text, d);
        break;
    case RELMAP_RENDER_PLANTUML:
        rd_plantuml(&text, d);
        break;
    case RELMAP_RENDER_DBML:
        rd_dbml(&text, d);
        break;
    default:
        rd_dot(&text, d, opts, rd_engine(opts, d->ntables));
        break;
    }
    int rc = 0;
    if (write(payload, rm_buf_cstr(&text), text.len) != 0)
        rc = rm_error(RELMAP_EWRITE, "cannot write the diagram");
    rm_buf_free(&text);
    return rc;
}

/* The selection as a mask over the model's tables; NULL when every table
 * is shown (then no hidden neighbours are counted). */
static int select_tables(const relmap_model *model, const relmap_render_opts *opts, bool **shown)
{
    *shown = NULL;
    if (opts->nfocus == 0 && opts->ninclude == 0 && opts->nexclude == 0)
        return 0;
    *shown = rm_calloc(model->ntables ? model->ntables : 1, sizeof **shown);
    int rc = dg_select(model, opts, *shown);
    if (rc < 0) {
        free(*shown);
        *shown = NULL;
    }
    return rc;
}

int relmap_render_count(const relmap_model *model, const relmap_render_opts *opts, size_t *count)
{
    int rc = rd_check_opts(opts);
    bool *shown = NULL;
    if (rc == 0)
        rc = select_tables(model, opts, &shown);
    if (rc < 0)
        return rc;
    *count = 0;
    for (size_t t = 0; t < model->ntables; t++)
        *count += !shown || shown[t];
    free(shown);
    return 0;
}

int relmap_render(const relmap_model *model, const relmap_findings *findings,
                  const relmap_render_opts *opts, relmap_write_fn write, void *payload)
{
    int rc = rd_check_opts(opts);
    bool *shown = NULL;
    if (rc == 0)
        rc = select_tables(model, opts, &shown);
    if (rc < 0)
        return rc;
    dg_diagram d;
    dg_build(&d, model, findings, opts, shown);
    rc = rd_write(&d, opts, write, payload);
    dg_free(&d);
    free(shown);
    return rc;
}
