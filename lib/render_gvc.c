/*
 * render_gvc.c - SVG, PNG and PDF laid out and drawn in-process by
 * libgvc, from the DOT text render_dot.c wrote (read back with agmemread,
 * so what `relmap diagram -o x.dot` writes is exactly what is drawn).
 *
 * Graphviz reports problems through agerr, printing them to stderr by
 * default. An error callback collects them instead: errors fail the
 * render with Graphviz's own words, warnings become notes for the user.
 * Each render frees its graph, layout and drawing; the context is shared.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cgraph.h>
#include <gvc.h>

#include "error.h"
#include "render_formats.h"

/* Graphviz's messages since the render started (libgvc is not
 * thread-safe anyway: it keeps its error state in globals too). */
static rm_buf gv_messages = RM_BUF_INIT;

static int collect_message(char *message)
{
    rm_buf_adds(&gv_messages, message);
    return 0;
}

/* Graphviz's messages as one line, for an error message. */
static const char *messages_line(void)
{
    for (size_t i = 0; i < gv_messages.len; i++)
        if (gv_messages.data[i] == '\n')
            gv_messages.data[i] = ' ';
    while (gv_messages.len > 0 && gv_messages.data[gv_messages.len - 1] == ' ')
        gv_messages.data[--gv_messages.len] = '\0';
    return rm_buf_cstr(&gv_messages);
}

/* Warnings go to the caller's notes, a line each. */
static void pass_notes(const relmap_render_opts *opts)
{
    if (!opts->notes || gv_messages.len == 0)
        return;
    const char *p = rm_buf_cstr(&gv_messages);
    while (*p) {
        size_t len = strcspn(p, "\n");
        if (len > 0) {
            rm_buf line = RM_BUF_INIT;
            rm_buf_adds(&line, "graphviz: ");
            rm_buf_add(&line, p, len);
            rm_buf_addc(&line, '\n');
            opts->notes(opts->notes_payload, line.data, line.len);
            rm_buf_free(&line);
        }
        p += len + (p[len] == '\n');
    }
}

/*
 * Without its plugin configuration (Debian's libgvc6 writes it with
 * `dot -c` when installed) Graphviz knows no layout engine and no output
 * format, and says only "Layout type: dot not recognized": say what fixes it.
 */
static int plugin_error(const char *what)
{
    return rm_error(RELMAP_EIO,
                    "Graphviz has no plugin for %s (%s): install or reinstall the Debian "
                    "packages libgvc6 and graphviz (its plugin configuration is written by "
                    "`dot -c`), or write a text format (.dot, .mmd, .puml, .dbml)",
                    what, messages_line());
}

static const char *format_name(relmap_render_format format)
{
    switch (format) {
    case RELMAP_RENDER_PNG:
        return "png";
    case RELMAP_RENDER_PDF:
        return "pdf";
    default:
        return "svg";
    }
}

/*
 * One Graphviz context for the whole process, freed at exit. Graphviz
 * 2.42's pango plugin caches a pointer to the last font name in a static
 * variable, and that name lives in the context: a second context in the
 * same process reads the first one's freed memory (AddressSanitizer shows
 * it in textspan_size). Keeping the context keeps the name alive.
 */
static GVC_t *shared_gvc;

static void free_shared_gvc(void)
{
    gvFreeContext(shared_gvc);
    shared_gvc = NULL;
}

static GVC_t *context(void)
{
    if (!shared_gvc) {
        shared_gvc = gvContext();
        if (shared_gvc)
            atexit(free_shared_gvc);
    }
    return shared_gvc;
}

/* Holds everything to free, so that every exit unwinds the same way. */
typedef struct gv_run {
    GVC_t *gvc;
    Agraph_t *graph;
    bool laid_out;
    char *data;
} gv_run;

static int draw(gv_run *run, const char *dot, const char *format, const char *engine, unsigned *len)
{
    run->gvc = context();
    if (!run->gvc)
        return rm_error(RELMAP_EIO, "Graphviz could not start (gvContext failed)");
    run->graph = agmemread(dot);
    if (!run->graph || agerrors() > AGWARN)
        return rm_error(RELMAP_EIO, "Graphviz could not read the diagram: %s", messages_line());
    if (gvLayout(run->gvc, run->graph, engine) != 0) {
        if (strstr(rm_buf_cstr(&gv_messages), "not recognized"))
            return plugin_error(engine);
        return rm_error(RELMAP_EIO, "Graphviz could not lay out the diagram: %s", messages_line());
    }
    run->laid_out = true;
    if (agerrors() > AGWARN)
        return rm_error(RELMAP_EIO, "Graphviz could not lay out the diagram: %s", messages_line());
    if (gvRenderData(run->gvc, run->graph, format, &run->data, len) != 0 || !run->data) {
        if (strstr(rm_buf_cstr(&gv_messages), "not recognized"))
            return plugin_error(format);
        return rm_error(RELMAP_EIO, "Graphviz could not draw the diagram as %s: %s", format,
                        messages_line());
    }
    if (agerrors() > AGWARN)
        return rm_error(RELMAP_EIO, "Graphviz could not draw the diagram as %s: %s", format,
                        messages_line());
    return 0;
}

/*
 * cairo stamps a PDF with the time it was drawn (/CreationDate), so the
 * same diagram never came out the same twice, and `diagram --check` could
 * not compare PDFs. The stamp is rewritten in place, same length, so the
 * file's offsets stay right: SOURCE_DATE_EPOCH's date when set (the
 * reproducible-builds convention), else 1970-01-01, in UTC.
 */
static void fix_pdf_date(char *data, size_t len)
{
    static const char key[] = "/CreationDate (D:";
    const size_t klen = sizeof key - 1;
    char *at = NULL;
    for (size_t i = 0; i + klen + 14 <= len && !at; i++)
        if (memcmp(data + i, key, klen) == 0)
            at = data + i + klen;
    if (!at)
        return;
    char stamp[15] = "19700101000000";
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    long long seconds = epoch ? strtoll(epoch, &end, 10) : 0;
    if (epoch && end && *end == '\0' && seconds >= 0) {
        time_t t = (time_t)seconds;
        struct tm tm;
        if (gmtime_r(&t, &tm))
            strftime(stamp, sizeof stamp, "%Y%m%d%H%M%S", &tm);
    }
    if (strlen(stamp) != 14)
        return;
    memcpy(at, stamp, 14);
    /* A local time's offset, +HH'mm' or -HH'mm', becomes UTC's. */
    char *zone = at + 14;
    if (zone + 7 <= data + len && (*zone == '+' || *zone == '-') && zone[3] == '\'')
        memcpy(zone, "+00'00", 6);
}

int rd_gvc(const char *dot, relmap_render_format format, relmap_render_engine engine,
           const relmap_render_opts *opts, relmap_write_fn write, void *payload)
{
    static const char *const engines[] = {"dot", "neato", "sfdp"};
    rm_buf_clear(&gv_messages);
    agusererrf previous = agseterrf(collect_message);
    agerrlevel_t previous_level = agseterr(AGWARN);
    agreseterrors();

    gv_run run = {NULL, NULL, false, NULL};
    unsigned len = 0;
    int rc = draw(&run, dot, format_name(format), engines[engine], &len);
    if (rc == 0) {
        pass_notes(opts);
        if (format == RELMAP_RENDER_PDF)
            fix_pdf_date(run.data, len);
        if (write(payload, run.data, len) != 0)
            rc = rm_error(RELMAP_EWRITE, "cannot write the diagram");
    }

    if (run.data)
        gvFreeRenderData(run.data);
    if (run.laid_out)
        gvFreeLayout(run.gvc, run.graph);
    if (run.graph)
        agclose(run.graph);
    agseterrf(previous);
    agseterr(previous_level);
    rm_buf_free(&gv_messages);
    return rc;
}
