/*
 * cmd_check.c - `relmap check`: load the inputs, run the rules, report.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "cli_write.h"
#include "cmd_diagram.h"

enum {
    OPT_FORMAT = 1,
    OPT_OUTPUT,
    OPT_FAIL_ON,
    OPT_SELECT,
    OPT_IGNORE,
    OPT_NO_DATA_CHECKS,
    OPT_COLOR,
    OPT_DIAGRAM,
    OPT_STATISTICS,
    OPT_QUIET,
    OPT_BASELINE,
    OPT_WRITE_BASELINE,
    OPT_WARN_UNUSED_IGNORES,
    OPT_CONFIG,
    OPT_NO_CONFIG,
    OPT_HELP
};

static const cli_option options[] = {
    {"format", 0, true, OPT_FORMAT},
    {"output", 'o', true, OPT_OUTPUT},
    {"fail-on", 0, true, OPT_FAIL_ON},
    {"select", 0, true, OPT_SELECT},
    {"ignore", 0, true, OPT_IGNORE},
    {"no-data-checks", 0, false, OPT_NO_DATA_CHECKS},
    {"color", 0, true, OPT_COLOR},
    {"diagram", 0, true, OPT_DIAGRAM},
    {"statistics", 0, false, OPT_STATISTICS},
    {"quiet", 'q', false, OPT_QUIET},
    {"baseline", 0, true, OPT_BASELINE},
    {"write-baseline", 0, true, OPT_WRITE_BASELINE},
    {"warn-unused-ignores", 0, false, OPT_WARN_UNUSED_IGNORES},
    {"config", 0, true, OPT_CONFIG},
    {"no-config", 0, false, OPT_NO_CONFIG},
    {"help", 'h', false, OPT_HELP},
    CLI_INPUT_OPTIONS,
};

/* A --fail-on threshold above every severity: never fail. */
#define FAIL_NEVER (RELMAP_SEVERITY_ERROR + 1)

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

static bool parse_fail_on(const char *text, int *out)
{
    static const struct {
        const char *name;
        int threshold;
    } levels[] = {{"error", RELMAP_SEVERITY_ERROR},
                  {"warning", RELMAP_SEVERITY_WARNING},
                  {"info", RELMAP_SEVERITY_INFO},
                  {"never", FAIL_NEVER}};
    for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++) {
        if (strcmp(text, levels[i].name) == 0) {
            *out = levels[i].threshold;
            return true;
        }
    }
    return false;
}

static bool parse_color(const char *text, enum color_mode *out)
{
    if (strcmp(text, "auto") == 0)
        *out = COLOR_AUTO;
    else if (strcmp(text, "always") == 0)
        *out = COLOR_ALWAYS;
    else if (strcmp(text, "never") == 0)
        *out = COLOR_NEVER;
    else
        return false;
    return true;
}

/* An explicit --color wins over NO_COLOR (no-color.org); `auto` colours
 * only a terminal, and only when NO_COLOR is unset or empty. */
static bool use_color(enum color_mode mode, const char *output_path)
{
    if (mode != COLOR_AUTO)
        return mode == COLOR_ALWAYS;
    const char *no_color = getenv("NO_COLOR");
    return !output_path && isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

typedef struct check_args {
    relmap_load_opts load;
    relmap_report_opts report;
    const char *output;
    const char *diagram; /* --diagram FILE, or NULL */
    relmap_render_opts render;
    int fail_on;
    enum color_mode color;
    cli_list select, ignore;
    const char *baseline;       /* --baseline FILE, or NULL */
    const char *write_baseline; /* --write-baseline FILE, or NULL */
    bool warn_unused_ignores;
    const char *config_path; /* --config FILE, or NULL: look for one */
    bool no_config;
    /* Whether the command line set these, so that they win over the file. */
    bool fail_on_given, dialect_given;
    const char **inputs;
    size_t ninputs;
} check_args;

/* Returns -1 to go on, or the exit status (help, usage error). */
static int parse_args(check_args *a, int argc, char **argv)
{
    cli_parser p;
    cli_parser_init(&p, argc, argv, options, sizeof options / sizeof options[0]);
    const char *value;
    int id;
    while ((id = cli_next(&p, &value)) != CLI_END) {
        switch (id) {
        case CLI_ERROR:
            return EXIT_TROUBLE;
        case CLI_OPERAND:
            a->inputs[a->ninputs++] = value;
            break;
        case OPT_FORMAT:
            if (relmap_format_parse(value, &a->report.format) < 0)
                return cli_usage_error(
                    "check", "unknown format '%s' (expected text, json, sarif, junit or github)",
                    value);
            break;
        case OPT_OUTPUT:
            a->output = value;
            break;
        case OPT_FAIL_ON:
            a->fail_on_given = true;
            if (!parse_fail_on(value, &a->fail_on))
                return cli_usage_error("check",
                                       "invalid --fail-on '%s' (expected error, warning, "
                                       "info or never)",
                                       value);
            break;
        case OPT_SELECT:
            cli_list_add(&a->select, value);
            break;
        case OPT_IGNORE:
            cli_list_add(&a->ignore, value);
            break;
        case OPT_NO_DATA_CHECKS:
            a->load.data_checks = false;
            break;
        case OPT_COLOR:
            if (!parse_color(value, &a->color))
                return cli_usage_error(
                    "check", "invalid --color '%s' (expected auto, always or never)", value);
            break;
        case OPT_DIAGRAM:
            if (relmap_render_format_from_path(value, &a->render.format) < 0)
                return cli_usage_error("check",
                                       "cannot tell the diagram's format from '%s' (use .svg, "
                                       ".png, .pdf, .dot, .mmd, .puml or .dbml)",
                                       value);
            a->diagram = value;
            break;
        case OPT_STATISTICS:
            a->report.statistics = true;
            break;
        case OPT_QUIET:
            a->report.quiet = true;
            break;
        case OPT_BASELINE:
            a->baseline = value;
            break;
        case OPT_WRITE_BASELINE:
            a->write_baseline = value;
            break;
        case OPT_WARN_UNUSED_IGNORES:
            a->warn_unused_ignores = true;
            break;
        case OPT_CONFIG:
            a->config_path = value;
            break;
        case OPT_NO_CONFIG:
            a->no_config = true;
            break;
        case OPT_HELP:
            fputs(cmd_check.usage, stdout);
            return EXIT_CLEAN;
        default:
            if (cli_input_option("check", id, value, &a->load) == EXIT_TROUBLE)
                return EXIT_TROUBLE;
            a->dialect_given = a->dialect_given || id == CLI_OPT_DIALECT;
            break;
        }
    }
    if (a->ninputs == 0)
        return cli_usage_error("check", "no input given");
    if (a->report.statistics && a->report.format != RELMAP_FORMAT_TEXT)
        return cli_usage_error("check", "--statistics works with --format text only");
    return -1;
}

/* `path:line:col: warning: ...` on stderr for each suppression comment
 * entry that suppressed nothing. Not findings: they do not change the
 * exit status, and RULES.md (a contract) has no rule for them. */
static void warn_unused(const relmap_model *model, const relmap_suppress_result *r)
{
    for (size_t i = 0; i < r->nunused; i++) {
        const relmap_unused_ignore *u = &r->unused[i];
        relmap_location loc;
        if (relmap_span_locate(model, u->span, &loc) == 0)
            fprintf(stderr, "%s:%u:%u: ", loc.path, loc.line, loc.column);
        const char *kind = u->file_wide ? "ignore-file" : "ignore";
        if (!u->rule)
            fprintf(stderr, "warning: unused suppression: this '%s' suppresses nothing\n", kind);
        else if (!u->known)
            fprintf(stderr, "warning: unused suppression: '%s' in this '%s' is not a rule\n",
                    u->rule, kind);
        else
            fprintf(stderr, "warning: unused suppression: %s found nothing that this '%s' covers\n",
                    u->rule, kind);
    }
}

/* --write-baseline FILE: the findings left after suppressions. */
static int write_baseline(const check_args *a, const relmap_findings *findings)
{
    cli_output out;
    if (!cli_output_open(&out, a->write_baseline))
        return EXIT_TROUBLE;
    int rc = relmap_baseline_write(findings, cli_output_write, &out);
    if (!cli_output_close(&out) || rc < 0)
        return EXIT_TROUBLE;
    fprintf(stderr, "relmap: wrote a baseline of %zu finding%s to %s\n", findings->count,
            findings->count == 1 ? "" : "s", a->write_baseline);
    return EXIT_CLEAN;
}

/* --baseline FILE: drops the findings it accepts. */
static bool apply_baseline(const check_args *a, relmap_findings *findings)
{
    size_t len;
    char *text = cli_read_file(a->baseline, &len);
    if (!text)
        return false;
    relmap_baseline *baseline = NULL;
    int rc = relmap_baseline_parse(&baseline, a->baseline, text, len);
    free(text);
    if (rc < 0) {
        cli_fail("%s", relmap_error_last());
        return false;
    }
    relmap_baseline_apply(baseline, findings);
    relmap_baseline_free(baseline);
    return true;
}

/* The folder to look for .relmap.yml from: the first input's own folder,
 * or the input itself when it is a folder. */
static char *search_start(const char *input)
{
    struct stat st;
    /* NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker): parse_args refuses no input */
    if (stat(input, &st) == 0 && S_ISDIR(st.st_mode))
        return strdup(input);
    const char *slash = strrchr(input, '/');
    if (!slash)
        return strdup(".");
    return slash == input ? strdup("/") : strndup(input, (size_t)(slash - input));
}

/* The project file: --config, or found upward from the first input.
 * False (reported) when it is given or found but unusable. */
static bool load_config(check_args *a, relmap_config **config)
{
    *config = NULL;
    if (a->no_config)
        return true;
    char *found = NULL;
    if (!a->config_path) {
        char *start = search_start(a->inputs[0]);
        if (!start)
            abort();
        int rc = relmap_config_find(&found, start);
        free(start);
        if (rc <= 0) /* none, or a folder that cannot be resolved: the load says why */
            return true;
    }
    int rc = relmap_config_load(config, a->config_path ? a->config_path : found);
    free(found);
    if (rc < 0) {
        cli_fail("%s", relmap_error_last());
        return false;
    }
    return true;
}

/* What the project file sets and the command line did not. */
static void merge_config(check_args *a, const relmap_config *c, relmap_check_opts *check)
{
    if (c->has_select && a->select.count == 0) {
        check->select = c->select;
        check->nselect = c->nselect;
    }
    if (c->has_ignore && a->ignore.count == 0) {
        check->ignore = c->ignore;
        check->nignore = c->nignore;
    }
    if (c->has_dialect && !a->dialect_given)
        a->load.dialect = c->dialect;
    if (c->fail_on && !a->fail_on_given)
        parse_fail_on(c->fail_on, &a->fail_on);
    if (c->relations.count > 0)
        a->load.relations = &c->relations;
}

static int run(check_args *a)
{
    relmap_check_opts check = RELMAP_CHECK_OPTS_INIT;
    check.select = (const char *const *)a->select.items;
    check.nselect = a->select.count;
    check.ignore = (const char *const *)a->ignore.items;
    check.nignore = a->ignore.count;
    relmap_config *config = NULL;
    if (!load_config(a, &config))
        return EXIT_TROUBLE;
    if (config)
        merge_config(a, config, &check);
    /* Before loading: a typo in a rule name is a usage error, and should
     * not wait for a large database to be read. */
    if (relmap_check_opts_validate(&check) < 0) {
        relmap_config_free(config);
        return cli_usage_error("check", "%s", relmap_error_last());
    }

    relmap_model *model = NULL;
    relmap_findings *findings = NULL;
    int status = EXIT_TROUBLE;
    /* An output over an input or onto a folder is refused before the
     * (maybe long) read; the files read are protected as they are known. */
    cli_protect_inputs(a->inputs, a->ninputs);
    if ((a->output && !cli_output_allowed(a->output)) ||
        (a->write_baseline && !cli_output_allowed(a->write_baseline)) ||
        (a->diagram && !cli_output_allowed(a->diagram)))
        goto cleanup;
    if (relmap_load(&model, a->inputs, a->ninputs, &a->load) < 0) {
        cli_fail("%s", relmap_error_last());
        goto cleanup;
    }
    cli_protect_model(model);
    if (relmap_check(&findings, model, &check) < 0) {
        cli_fail("%s", relmap_error_last());
        goto cleanup;
    }
    if (config)
        relmap_config_apply(config, model, findings);
    relmap_suppress_result *suppressed = NULL;
    relmap_suppress(findings, model, a->warn_unused_ignores ? &suppressed : NULL);
    if (suppressed)
        warn_unused(model, suppressed);
    relmap_suppress_result_free(suppressed);
    if (a->write_baseline) {
        status = write_baseline(a, findings);
        goto cleanup;
    }
    if (a->baseline && !apply_baseline(a, findings))
        goto cleanup;
    a->report.color = use_color(a->color, a->output);
    cli_output out;
    if (!cli_output_open(&out, a->output))
        goto cleanup;
    int rc = relmap_report(model, findings, &a->report, cli_output_write, &out);
    if (!cli_output_close(&out) || rc < 0)
        goto cleanup;
    /* The diagram of the same model and findings: one read for CI jobs
     * that publish both. */
    if (a->diagram) {
        a->render.notes = cli_stderr_write;
        a->render.layout_timeout_ms = DIAGRAM_LAYOUT_TIMEOUT_MS;
        diagram_job job = {model, findings, &a->render, a->diagram, false, false};
        if (diagram_to_file(&job) != EXIT_CLEAN)
            goto cleanup;
    }
    status = EXIT_CLEAN;
    for (size_t i = 0; i < findings->count; i++)
        if ((int)findings->items[i].severity >= a->fail_on)
            status = EXIT_FINDINGS;
cleanup:
    relmap_findings_free(findings);
    relmap_model_free(model);
    relmap_config_free(config);
    return status;
}

static int check_main(int argc, char **argv)
{
    check_args a = {
        .load = RELMAP_LOAD_OPTS_INIT,
        .report = RELMAP_REPORT_OPTS_INIT,
        .render = RELMAP_RENDER_OPTS_INIT,
        .fail_on = RELMAP_SEVERITY_WARNING,
        .color = COLOR_AUTO,
    };
    /* At most every argument is an input. */
    a.inputs = calloc((size_t)argc, sizeof *a.inputs);
    if (!a.inputs)
        abort();
    int status = parse_args(&a, argc, argv);
    if (status < 0)
        status = run(&a);
    cli_list_free(&a.select);
    cli_list_free(&a.ignore);
    free(a.inputs);
    return status;
}

const cli_command cmd_check = {
    "check",
    "find pitfalls in foreign keys and relationships",
    "Usage: relmap check [options] INPUT...\n"
    "\n"
    "Reads the inputs (SQLite databases, .sql files) into one model, runs the rules and\n"
    "reports what they find.\n"
    "\n"
    "Options:\n"
    "  --format FORMAT       text (default), json, sarif (SARIF 2.1.0), junit (JUnit\n"
    "                        XML) or github (GitHub Actions annotations); see docs/ci.md\n"
    "  -o, --output FILE     write the report to FILE instead of standard output\n"
    "                        (whole or not at all; missing folders are made; never\n"
    "                        over an input)\n"
    "  --fail-on LEVEL       exit 1 when a finding is at or above LEVEL:\n"
    "                        error, warning (default), info or never\n"
    "  --select LIST         run only these rules: comma-separated ids (FK006),\n"
    "                        id prefixes (FK) or names (fk-missing-index); repeatable\n"
    "  --ignore LIST         do not run these rules (same forms); repeatable\n"
    "  --no-data-checks      do not look for rows that violate foreign keys\n"
    "  --statistics          text: count the findings per rule (most frequent first)\n"
    "                        instead of listing them\n"
    "  -q, --quiet           text: the findings only, without the summary line\n"
    "                        (nothing at all when there are none)\n"
    "  --baseline FILE       report only findings that FILE does not accept\n"
    "  --write-baseline FILE record the findings in FILE (keyed by rule and names,\n"
    "                        not lines), report nothing and exit 0\n"
    "  --warn-unused-ignores warn on standard error about `relmap: ignore[...]`\n"
    "                        comments that suppress nothing\n"
    "  --config FILE         read settings from FILE (default: the first " RELMAP_CONFIG_NAME "\n"
    "                        from the first input's folder up to the repository root);\n"
    "                        options given here win over the file\n"
    "  --no-config           read no project file\n"
    "  --color WHEN          auto (default: on a terminal, unless NO_COLOR is set),\n"
    "                        always or never\n"
    "  --diagram FILE        also draw the model with the findings into FILE (.svg,\n"
    "                        .png, .pdf, .dot, .mmd, .puml or .dbml), written "
    "whole\n" CLI_INPUT_OPTIONS_HELP "  -h, --help            show this help\n"
    "\n"
    "Exit status: 0 no finding at or above --fail-on, 1 findings at or above it,\n"
    "2 usage error or unreadable input.\n",
    check_main,
};
