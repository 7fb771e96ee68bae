/*
 * cmd_diagram.c - `relmap diagram`: load the inputs, check them (for the
 * findings overlay), and write an ER diagram.
 *
 * A diagram file is written whole or not at all: the output goes to a
 * temporary file in the same folder, renamed over FILE only once complete,
 * so that a failed layout or a full disk never leaves half a picture (and
 * a diagram committed to a repository is never clobbered by a failure).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

extern const cli_command cmd_diagram;

enum {
    OPT_OUTPUT = 1,
    OPT_FORMAT,
    OPT_COLUMNS,
    OPT_RANKDIR,
    OPT_ENGINE,
    OPT_NO_FINDINGS,
    OPT_NO_LEGEND,
    OPT_INPUT_KIND,
    OPT_VERBOSE,
    OPT_HELP
};

static const cli_option options[] = {
    {"output", 'o', true, OPT_OUTPUT},
    {"format", 0, true, OPT_FORMAT},
    {"columns", 0, true, OPT_COLUMNS},
    {"rankdir", 0, true, OPT_RANKDIR},
    {"engine", 0, true, OPT_ENGINE},
    {"no-findings", 0, false, OPT_NO_FINDINGS},
    {"no-legend", 0, false, OPT_NO_LEGEND},
    {"input-kind", 0, true, OPT_INPUT_KIND},
    {"verbose", 'v', false, OPT_VERBOSE},
    {"help", 'h', false, OPT_HELP},
};

/* A word from a fixed list; its index in *out, or false. */
static bool parse_choice(const char *text, const char *const *words, size_t nwords, int *out)
{
    for (size_t i = 0; i < nwords; i++) {
        if (strcmp(text, words[i]) == 0) {
            *out = (int)i;
            return true;
        }
    }
    return false;
}

static const char *const column_words[] = {"all", "keys", "none"};
static const char *const rankdir_words[] = {"LR", "TB"};
static const char *const engine_words[] = {"dot", "neato", "sfdp", "auto"};
#define NWORDS(a) (sizeof a / sizeof a[0])

typedef struct diagram_args {
    relmap_load_opts load;
    relmap_render_opts render;
    const char *output;
    bool format_given;
    bool findings;
    const char **inputs;
    size_t ninputs;
} diagram_args;

static int usage_error(const char *option, const char *value, const char *expected)
{
    return cli_usage_error("diagram", "invalid --%s '%s' (expected %s)", option, value,
                           expected);
}

/* Returns -1 to go on, or the exit status (help, usage error). */
static int parse_args(diagram_args *a, int argc, char **argv)
{
    cli_parser p;
    cli_parser_init(&p, argc, argv, options, NWORDS(options));
    const char *value;
    int id, choice;
    while ((id = cli_next(&p, &value)) != CLI_END) {
        switch (id) {
        case CLI_ERROR:
            return EXIT_TROUBLE;
        case CLI_OPERAND:
            a->inputs[a->ninputs++] = value;
            break;
        case OPT_OUTPUT:
            a->output = value;
            break;
        case OPT_FORMAT:
            if (relmap_render_format_parse(value, &a->render.format) < 0)
                return cli_usage_error("diagram", "%s", relmap_error_last());
            a->format_given = true;
            break;
        case OPT_COLUMNS:
            if (!parse_choice(value, column_words, NWORDS(column_words), &choice))
                return usage_error("columns", value, "all, keys or none");
            a->render.columns = (relmap_render_columns)choice;
            break;
        case OPT_RANKDIR:
            if (!parse_choice(value, rankdir_words, NWORDS(rankdir_words), &choice))
                return usage_error("rankdir", value, "LR or TB");
            a->render.rankdir = (relmap_render_rankdir)choice;
            break;
        case OPT_ENGINE:
            if (!parse_choice(value, engine_words, NWORDS(engine_words), &choice))
                return usage_error("engine", value, "dot, neato, sfdp or auto");
            a->render.engine = (relmap_render_engine)choice;
            break;
        case OPT_NO_FINDINGS:
            a->findings = false;
            break;
        case OPT_NO_LEGEND:
            a->render.legend = false;
            break;
        case OPT_INPUT_KIND:
            if (!cli_parse_input_kind(value, &a->load.kind))
                return usage_error("input-kind", value, "auto or sqlite");
            break;
        case OPT_VERBOSE:
            a->load.verbose = cli_stderr_write;
            break;
        case OPT_HELP:
            fputs(cmd_diagram.usage, stdout);
            return EXIT_CLEAN;
        }
    }
    if (a->ninputs == 0)
        return cli_usage_error("diagram", "no input given");
    if (!a->output)
        return cli_usage_error("diagram", "no output given (-o FILE, or -o - for standard "
                                          "output)");
    if (strcmp(a->output, "-") == 0) {
        if (!a->format_given)
            return cli_usage_error("diagram", "-o - needs --format (svg, png, pdf, dot, mmd, "
                                              "puml or dbml)");
    } else if (!a->format_given &&
               relmap_render_format_from_path(a->output, &a->render.format) < 0) {
        return cli_usage_error("diagram", "%s; or give --format", relmap_error_last());
    }
    return -1;
}

/* The file being written: a temporary beside the target, renamed at the end. */
typedef struct atomic_file {
    char *tmp_path;
    int fd;
} atomic_file;

static int atomic_write(void *payload, const char *data, size_t len)
{
    atomic_file *f = payload;
    while (len > 0) {
        ssize_t n = write(f->fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

static bool atomic_open(atomic_file *f, const char *path)
{
    size_t len = strlen(path);
    f->tmp_path = malloc(len + sizeof ".relmap-XXXXXX");
    if (!f->tmp_path)
        abort();
    memcpy(f->tmp_path, path, len);
    memcpy(f->tmp_path + len, ".relmap-XXXXXX", sizeof ".relmap-XXXXXX");
    f->fd = mkstemp(f->tmp_path);
    if (f->fd < 0) {
        cli_fail("%s: cannot write: %s", path, strerror(errno));
        free(f->tmp_path);
        f->tmp_path = NULL;
        return false;
    }
    /* mkstemp makes the file 0600; a diagram gets the usual 0666 & ~umask. */
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(f->fd, 0666 & ~mask) != 0) {
        cli_fail("%s: cannot set permissions: %s", f->tmp_path, strerror(errno));
        return false;
    }
    return true;
}

/* Renames into place when `ok`, removes the temporary file otherwise. */
static bool atomic_close(atomic_file *f, const char *path, bool ok)
{
    if (f->fd >= 0 && close(f->fd) != 0 && ok) {
        cli_fail("%s: write failed: %s", path, strerror(errno));
        ok = false;
    }
    if (ok && rename(f->tmp_path, path) != 0) {
        cli_fail("%s: cannot write: %s", path, strerror(errno));
        ok = false;
    }
    if (!ok)
        unlink(f->tmp_path);
    free(f->tmp_path);
    return ok;
}

static int render_to_stdout(const relmap_model *model, const relmap_findings *findings,
                            const relmap_render_opts *opts)
{
    cli_output out;
    if (!cli_output_open(&out, NULL))
        return EXIT_TROUBLE;
    int rc = relmap_render(model, findings, opts, cli_output_write, &out);
    if (rc < 0)
        cli_fail("%s", relmap_error_last());
    return cli_output_close(&out) && rc == 0 ? EXIT_CLEAN : EXIT_TROUBLE;
}

static int render_to_file(const relmap_model *model, const relmap_findings *findings,
                          const relmap_render_opts *opts, const char *path)
{
    atomic_file f = {NULL, -1};
    if (!atomic_open(&f, path)) {
        if (f.tmp_path)
            atomic_close(&f, path, false);
        return EXIT_TROUBLE;
    }
    int rc = relmap_render(model, findings, opts, atomic_write, &f);
    if (rc == RELMAP_EWRITE)
        cli_fail("%s: write failed: %s", path, strerror(errno));
    else if (rc < 0)
        cli_fail("%s", relmap_error_last());
    return atomic_close(&f, path, rc == 0) ? EXIT_CLEAN : EXIT_TROUBLE;
}

static int run(diagram_args *a)
{
    relmap_model *model = NULL;
    relmap_findings *findings = NULL;
    int status = EXIT_TROUBLE;
    if (relmap_load(&model, a->inputs, a->ninputs, &a->load) < 0) {
        cli_fail("%s", relmap_error_last());
        goto cleanup;
    }
    relmap_check_opts check = RELMAP_CHECK_OPTS_INIT;
    if (a->findings && relmap_check(&findings, model, &check) < 0) {
        cli_fail("%s", relmap_error_last());
        goto cleanup;
    }
    a->render.notes = cli_stderr_write;
    if (strcmp(a->output, "-") == 0)
        status = render_to_stdout(model, findings, &a->render);
    else
        status = render_to_file(model, findings, &a->render, a->output);
cleanup:
    relmap_findings_free(findings);
    relmap_model_free(model);
    return status;
}

static int diagram_main(int argc, char **argv)
{
    diagram_args a = {
        .load = RELMAP_LOAD_OPTS_INIT,
        .render = RELMAP_RENDER_OPTS_INIT,
        .findings = true,
    };
    /* A diagram shows the schema: reading every row is not its business. */
    a.load.data_checks = false;
    a.inputs = calloc((size_t)argc, sizeof *a.inputs);
    if (!a.inputs)
        abort();
    int status = parse_args(&a, argc, argv);
    if (status < 0)
        status = run(&a);
    free(a.inputs);
    return status;
}

const cli_command cmd_diagram = {
    "diagram",
    "draw an ER diagram (SVG, PNG, PDF, DOT, Mermaid, PlantUML, DBML)",
    "Usage: relmap diagram [options] INPUT... -o FILE\n"
    "\n"
    "Draws the tables and foreign keys of the inputs, in crow's-foot notation,\n"
    "with the findings of `relmap check` outlined in their severity's colour.\n"
    "FILE is written whole or not at all.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE     where to write; - for standard output (needs --format)\n"
    "  --format FORMAT       svg, png, pdf, dot, mmd (Mermaid), puml (PlantUML) or\n"
    "                        dbml; default: from FILE's extension\n"
    "  --columns WHICH       all (default), keys (key and referenced columns) or none\n"
    "  --rankdir DIR         LR (default: children left of parents) or TB\n"
    "  --engine ENGINE       dot (default), neato, sfdp, or auto (sfdp past 1,000\n"
    "                        tables)\n"
    "  --no-findings         do not run the rules; draw no outlines\n"
    "  --no-legend           leave out the legend\n"
    "  --input-kind KIND     auto (default) or sqlite\n"
    "  -v, --verbose         explain how the inputs were read, on standard error\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit status: 0 written, 2 usage error, unreadable input or failed drawing.\n",
    diagram_main,
};
