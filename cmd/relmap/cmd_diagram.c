/*
 * cmd_diagram.c - `relmap diagram`: load the inputs, check them (for the
 * findings overlay), select the tables and write an ER diagram: one file,
 * a folder of parts, a check of committed files, or a Mermaid block in a
 * Markdown file (cmd_diagram_out.c does the writing).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "cli_write.h"
#include "cmd_diagram.h"

enum {
    OPT_OUTPUT = 1,
    OPT_FORMAT,
    OPT_COLUMNS,
    OPT_RANKDIR,
    OPT_ENGINE,
    OPT_FOCUS,
    OPT_DEPTH,
    OPT_INCLUDE,
    OPT_EXCLUDE,
    OPT_GROUP,
    OPT_SPLIT,
    OPT_LAYOUT_TIMEOUT,
    OPT_CHECK,
    OPT_INJECT,
    OPT_NO_FINDINGS,
    OPT_NO_LEGEND,
    OPT_COLLAPSE_JUNCTIONS,
    OPT_HELP
};

static const cli_option options[] = {
    {"output", 'o', true, OPT_OUTPUT},
    {"format", 0, true, OPT_FORMAT},
    {"columns", 0, true, OPT_COLUMNS},
    {"rankdir", 0, true, OPT_RANKDIR},
    {"engine", 0, true, OPT_ENGINE},
    {"focus", 0, true, OPT_FOCUS},
    {"depth", 0, true, OPT_DEPTH},
    {"include", 0, true, OPT_INCLUDE},
    {"exclude", 0, true, OPT_EXCLUDE},
    {"group", 0, true, OPT_GROUP},
    {"split", 0, true, OPT_SPLIT},
    {"layout-timeout", 0, true, OPT_LAYOUT_TIMEOUT},
    {"check", 0, false, OPT_CHECK},
    {"inject", 0, true, OPT_INJECT},
    {"no-findings", 0, false, OPT_NO_FINDINGS},
    {"no-legend", 0, false, OPT_NO_LEGEND},
    {"collapse-junctions", 0, false, OPT_COLLAPSE_JUNCTIONS},
    {"help", 'h', false, OPT_HELP},
    CLI_INPUT_OPTIONS,
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
static const char *const group_words[] = {"none", "schema", "module"};
/* The first three are relmap_render_split_by's values. */
static const char *const split_words[] = {"components", "schema", "module", "auto", "none"};
enum { SPLIT_AUTO = 3, SPLIT_NONE = 4 };
#define NWORDS(a) (sizeof(a) / sizeof((a)[0]))

/* Seconds, fractions allowed ("0.5"), into milliseconds (at least 1 when
 * not 0, so that a tiny limit is still a limit). */
static bool parse_seconds(const char *text, unsigned *ms)
{
    char *end;
    errno = 0;
    double seconds = strtod(text, &end);
    if (errno || end == text || *end || !(seconds >= 0 && seconds <= 86400))
        return false;
    *ms = seconds == 0 ? 0 : seconds < 0.001 ? 1 : (unsigned)(seconds * 1000 + 0.5);
    return true;
}

typedef struct diagram_args {
    relmap_load_opts load;
    relmap_render_opts render;
    const char *output;
    const char *inject;
    bool format_given, depth_given, check, findings;
    int split;
    cli_list focus, include, exclude;
    const char **inputs;
    size_t ninputs;
} diagram_args;

static int usage_error(const char *option, const char *value, const char *expected)
{
    return cli_usage_error("diagram", "invalid --%s '%s' (expected %s)", option, value, expected);
}

/* Whether -o names a folder: one that exists, or a path ending in '/'. */
static bool is_folder(const char *path)
{
    struct stat st;
    size_t len = strlen(path);
    return (len > 0 && path[len - 1] == '/') || (stat(path, &st) == 0 && S_ISDIR(st.st_mode));
}

/* Returns -1 to go on, or the exit status (usage error). */
static int check_args(diagram_args *a)
{
    if (a->ninputs == 0)
        return cli_usage_error("diagram", "no input given");
    if (a->depth_given && a->focus.count == 0)
        return cli_usage_error("diagram", "--depth needs --focus");
    if (a->inject) {
        if (a->output)
            return cli_usage_error("diagram", "--inject writes into its file: give no -o");
        if (a->format_given && a->render.format != RELMAP_RENDER_MERMAID)
            return cli_usage_error("diagram", "--inject writes Mermaid: give no other --format");
        if (a->split != SPLIT_AUTO && a->split != SPLIT_NONE)
            return cli_usage_error("diagram", "--inject writes one diagram: give no --split");
        a->render.format = RELMAP_RENDER_MERMAID;
        return -1;
    }
    if (!a->output)
        return cli_usage_error("diagram", "no output given (-o FILE, -o FOLDER/ to split, or "
                                          "-o - for standard output)");
    bool folder = is_folder(a->output) || a->split < SPLIT_AUTO;
    if (strcmp(a->output, "-") == 0) {
        if (!a->format_given)
            return cli_usage_error("diagram", "-o - needs --format (svg, png, pdf, dot, mmd, "
                                              "puml or dbml)");
        if (a->check || a->split < SPLIT_AUTO)
            return cli_usage_error("diagram", "-o - cannot be checked or split: give a file "
                                              "or a folder");
    } else if (folder) {
        /* The parts' names come from the schema; their format from here. */
        if (!a->format_given)
            a->render.format = RELMAP_RENDER_SVG;
    } else if (!a->format_given &&
               relmap_render_format_from_path(a->output, &a->render.format) < 0) {
        return cli_usage_error("diagram", "%s; or give --format", relmap_error_last());
    }
    return -1;
}

/* One option; returns -1 to go on, or the exit status (help, usage error). */
static int parse_option(diagram_args *a, int id, const char *value)
{
    int choice;
    switch (id) {
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
    case OPT_FOCUS:
        cli_list_add(&a->focus, value);
        break;
    case OPT_DEPTH:
        if (!cli_parse_int(value, &choice))
            return usage_error("depth", value, "a number of foreign keys, 0 or more");
        a->render.depth = (unsigned)choice;
        a->depth_given = true;
        break;
    case OPT_INCLUDE:
        cli_list_add(&a->include, value);
        break;
    case OPT_EXCLUDE:
        cli_list_add(&a->exclude, value);
        break;
    case OPT_GROUP:
        if (!parse_choice(value, group_words, NWORDS(group_words), &choice))
            return usage_error("group", value, "schema, module or none");
        a->render.group = (relmap_render_group)choice;
        break;
    case OPT_SPLIT:
        if (!parse_choice(value, split_words, NWORDS(split_words), &a->split))
            return usage_error("split", value, "auto, components, schema, module or none");
        break;
    case OPT_LAYOUT_TIMEOUT:
        if (!parse_seconds(value, &a->render.layout_timeout_ms))
            return usage_error("layout-timeout", value, "seconds, up to 86400; 0: no limit");
        break;
    case OPT_CHECK:
        a->check = true;
        break;
    case OPT_INJECT:
        a->inject = value;
        break;
    case OPT_NO_FINDINGS:
        a->findings = false;
        break;
    case OPT_NO_LEGEND:
        a->render.legend = false;
        break;
    case OPT_COLLAPSE_JUNCTIONS:
        a->render.collapse_junctions = true;
        break;
    case OPT_HELP:
        fputs(cmd_diagram.usage, stdout);
        return EXIT_CLEAN;
    default:
        if (cli_input_option("diagram", id, value, &a->load) == EXIT_TROUBLE)
            return EXIT_TROUBLE;
        break;
    }
    return -1;
}

static int parse_args(diagram_args *a, int argc, char **argv)
{
    cli_parser p;
    cli_parser_init(&p, argc, argv, options, NWORDS(options));
    const char *value;
    int id;
    while ((id = cli_next(&p, &value)) != CLI_END) {
        if (id == CLI_ERROR)
            return EXIT_TROUBLE;
        if (id == CLI_OPERAND) {
            a->inputs[a->ninputs++] = value;
            continue;
        }
        int status = parse_option(a, id, value);
        if (status >= 0)
            return status;
    }
    a->render.focus = (const char *const *)a->focus.items;
    a->render.nfocus = a->focus.count;
    a->render.include = (const char *const *)a->include.items;
    a->render.ninclude = a->include.count;
    a->render.exclude = (const char *const *)a->exclude.items;
    a->render.nexclude = a->exclude.count;
    return check_args(a);
}

/* More than one schema among the tables drawn: then auto splits by schema. */
static bool several_schemas(const relmap_model *model)
{
    const char *first = NULL;
    for (size_t t = 0; t < model->ntables; t++) {
        const char *schema = model->tables[t]->schema;
        if (!first)
            first = schema ? schema : "";
        else if (strcmp(first, schema ? schema : "") != 0)
            return true;
    }
    return false;
}

/* Model files spread over more than one module. */
static bool several_modules(const relmap_model *model)
{
    for (size_t c = 1; c < model->nclasses; c++)
        if (model->classes[c]->module && model->classes[0]->module &&
            strcmp(model->classes[c]->module, model->classes[0]->module) != 0)
            return true;
    return false;
}

/* How --split auto cuts a big diagram: by schema when there are several,
 * else by module when model files spread over several, else by the
 * components of the foreign-key graph. */
static relmap_render_split_by auto_split(const relmap_model *model)
{
    if (several_schemas(model))
        return RELMAP_SPLIT_SCHEMA;
    return several_modules(model) ? RELMAP_SPLIT_MODULE : RELMAP_SPLIT_COMPONENTS;
}

/* FOLDER/diagram.EXT: a folder's diagram that is not split (--split none,
 * or auto on a small schema), so that -o FOLDER/ works at any size. */
static int diagram_whole_in_folder(const diagram_job *job)
{
    static const char *const extensions[] = {"dot", "mmd", "puml", "dbml", "svg", "png", "pdf"};
    size_t len = strlen(job->output);
    char *path = malloc(len + sizeof "/diagram.puml");
    if (!path)
        abort();
    sprintf(path, "%s%sdiagram.%s", job->output, len && job->output[len - 1] == '/' ? "" : "/",
            extensions[job->render->format]);
    if (!job->check && !cli_make_folders(job->output)) {
        free(path);
        return EXIT_TROUBLE;
    }
    diagram_job whole = *job;
    whole.output = path;
    int status = diagram_to_file(&whole);
    free(path);
    return status;
}

/* Where the drawing goes: -o -, one file, or a folder of parts. --split
 * auto splits a folder's diagram past RELMAP_RENDER_SPLIT_TABLES tables
 * (else the folder gets diagram.EXT); a single file it draws whole, with
 * a note on how to split it. */
static int write_out(diagram_args *a, const diagram_job *job)
{
    if (a->inject)
        return diagram_inject(job);
    if (strcmp(a->output, "-") == 0)
        return diagram_to_stdout(job);
    size_t count;
    if (relmap_render_count(job->model, &a->render, &count) < 0)
        return cli_fail("%s", relmap_error_last());
    bool folder = is_folder(a->output) || a->split < SPLIT_AUTO;
    bool big = count > RELMAP_RENDER_SPLIT_TABLES;
    if (folder && (a->split < SPLIT_AUTO))
        return diagram_to_folder(job, (relmap_render_split_by)a->split);
    if (folder && a->split == SPLIT_AUTO && big)
        return diagram_to_folder(job, auto_split(job->model));
    if (folder)
        return diagram_whole_in_folder(job);
    if (big && a->split == SPLIT_AUTO && a->render.format != RELMAP_RENDER_DBML)
        fprintf(stderr,
                "relmap: note: %zu tables are hard to read in one diagram; -o FOLDER/ writes "
                "one per connected part and an overview, --focus or --include fewer tables\n",
                count);
    return diagram_to_file(job);
}

static int run(diagram_args *a)
{
    relmap_model *model = NULL;
    relmap_findings *findings = NULL;
    int status = EXIT_TROUBLE;
    cli_protect_inputs(a->inputs, a->ninputs);
    const char *file = a->inject ? a->inject : a->output;
    /* NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker): check_args refuses no output */
    if (strcmp(file, "-") != 0 && !is_folder(file) && a->split >= SPLIT_AUTO && !a->check &&
        !cli_output_allowed(file))
        goto cleanup;
    if (relmap_load(&model, a->inputs, a->ninputs, &a->load) < 0) {
        cli_fail("%s", relmap_error_last());
        goto cleanup;
    }
    cli_protect_model(model);
    relmap_check_opts check = RELMAP_CHECK_OPTS_INIT;
    if (a->findings && relmap_check(&findings, model, &check) < 0) {
        cli_fail("%s", relmap_error_last());
        goto cleanup;
    }
    a->render.notes = cli_stderr_write;
    diagram_job job = {
        .model = model,
        .findings = findings,
        .render = &a->render,
        .output = a->inject ? a->inject : a->output,
        .check = a->check,
        .split_on_timeout = a->split == SPLIT_AUTO,
    };
    status = write_out(a, &job);
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
        .split = SPLIT_AUTO,
    };
    a.render.layout_timeout_ms = DIAGRAM_LAYOUT_TIMEOUT_MS;
    /* A diagram shows the schema: reading every row is not its business. */
    a.load.data_checks = false;
    a.inputs = calloc((size_t)argc, sizeof *a.inputs);
    if (!a.inputs)
        abort();
    int status = parse_args(&a, argc, argv);
    if (status < 0)
        status = run(&a);
    cli_list_free(&a.focus);
    cli_list_free(&a.include);
    cli_list_free(&a.exclude);
    free(a.inputs);
    return status;
}

const cli_command cmd_diagram = {
    "diagram",
    "draw an ER diagram (SVG, PNG, PDF, DOT, Mermaid, PlantUML, DBML)",
    "Usage: relmap diagram [options] INPUT... -o FILE|FOLDER/\n"
    "       relmap diagram [options] INPUT... --inject README.md\n"
    "\n"
    "Draws the tables and foreign keys of the inputs, in crow's-foot notation,\n"
    "with the findings of `relmap check` outlined in their severity's colour.\n"
    "Every file is written whole or not at all, and the same inputs give the\n"
    "same bytes.\n"
    "\n"
    "Output:\n"
    "  -o, --output FILE     where to write; - for standard output (needs --format);\n"
    "                        a folder (existing, or ending in /) for --split\n"
    "  --format FORMAT       svg, png, pdf, dot, mmd (Mermaid), puml (PlantUML) or\n"
    "                        dbml; default: from FILE's extension (a folder: svg)\n"
    "  --split HOW           into a folder, one diagram per part and overview.EXT:\n"
    "                        components (of the foreign-key graph; big ones cut to\n"
    "                        150 tables), schema, module (of the model classes),\n"
    "                        none, or auto (default: past 150 tables, by schema\n"
    "                        when there are several, else by module when model\n"
    "                        files have several, else by components; below that,\n"
    "                        FOLDER/diagram.EXT)\n"
    "  --check               write nothing; exit 1 when a file differs from what\n"
    "                        would be written, or a split folder holds a part it\n"
    "                        no longer has (a CI gate for committed diagrams;\n"
    "                        text formats compare across Graphviz versions, SVG not)\n"
    "  --inject FILE         replace what is between <!-- relmap:begin --> and\n"
    "                        <!-- relmap:end --> in FILE with a Mermaid diagram\n"
    "\n"
    "Selection:\n"
    "  --focus TABLE[,...]   only these tables and their neighbours\n"
    "  --depth N             how many foreign keys away a neighbour may be (1)\n"
    "  --include GLOB[,...]  only tables matching a glob (name or schema.name)\n"
    "  --exclude GLOB[,...]  leave out tables matching a glob\n"
    "                        keys to tables left out end at a '+N not shown' node\n"
    "\n"
    "Drawing:\n"
    "  --columns WHICH       all (default), keys (key and referenced columns) or none\n"
    "  --group HOW           schema (a cluster per schema), module (per Python\n"
    "                        module of the model classes) or none (default)\n"
    "  --collapse-junctions  draw each junction table as one many-to-many edge\n"
    "  --rankdir DIR         LR (default: children left of parents) or TB\n"
    "  --engine ENGINE       auto (default: dot, sfdp past 500 tables), dot, neato\n"
    "                        or sfdp\n"
    "  --layout-timeout S    give up a layout after S seconds (default 30; 0: no\n"
    "                        limit) and draw less: key columns, names, sfdp, then\n"
    "                        (--split auto) FILE's parts into a folder FILE without\n"
    "                        its extension\n"
    "  --no-findings         do not run the rules; draw no outlines\n"
    "  --no-legend           leave out the legend\n"
    "\n"
    "Input:\n" CLI_INPUT_OPTIONS_HELP "  -h, --help            show this help\n"
    "\n"
    "Exit status: 0 written (or up to date), 1 --check found a file out of date,\n"
    "2 usage error, unreadable input or failed drawing.\n",
    diagram_main,
};
