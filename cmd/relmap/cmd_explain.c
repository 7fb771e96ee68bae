/*
 * cmd_explain.c - `relmap explain ID|NAME`: one rule in full.
 */
#include "cli.h"

enum { OPT_HELP = 1 };

static const cli_option options[] = {
    {"help", 'h', false, OPT_HELP},
};

/* Examples keep their own line breaks; each line is indented. */
static void print_example(const char *title, const char *text)
{
    printf("%s\n    ", title);
    for (; *text; text++) {
        putchar(*text);
        if (*text == '\n')
            fputs("    ", stdout);
    }
    fputs("\n\n", stdout);
}

static void explain(const relmap_rule *r)
{
    printf("%s %s (%s)\n\n", r->id, r->name, relmap_severity_name(r->severity));
    cli_print_wrapped(stdout, r->summary, 0, 76);
    fputs("\nWhy it matters:\n", stdout);
    cli_print_wrapped(stdout, r->rationale, 4, 76);
    putchar('\n');
    print_example("Triggers it:", r->bad);
    print_example("Fixed:", r->good);
    fputs("Fix:\n", stdout);
    cli_print_wrapped(stdout, r->fix, 4, 76);
}

static int explain_main(int argc, char **argv)
{
    const char *wanted = NULL;
    cli_parser p;
    cli_parser_init(&p, argc, argv, options, sizeof options / sizeof options[0]);
    const char *value;
    int id;
    while ((id = cli_next(&p, &value)) != CLI_END) {
        switch (id) {
        case CLI_ERROR:
            return EXIT_TROUBLE;
        case CLI_OPERAND:
            if (wanted)
                return cli_usage_error("explain", "one rule at a time ('%s' and '%s')", wanted,
                                       value);
            wanted = value;
            break;
        case OPT_HELP:
            fputs(cmd_explain.usage, stdout);
            return EXIT_CLEAN;
        }
    }
    if (!wanted)
        return cli_usage_error("explain", "which rule? give an id or a name");
    const relmap_rule *rule = relmap_rule_find(wanted);
    if (!rule)
        return cli_fail("unknown rule '%s' (see 'relmap rules')", wanted);
    explain(rule);
    return EXIT_CLEAN;
}

const cli_command cmd_explain = {
    "explain",
    "show one rule in full",
    "Usage: relmap explain ID|NAME\n"
    "\n"
    "Shows what the rule finds, why it matters, an example that triggers it,\n"
    "the example fixed, and how to fix it. ID is a rule id (FK006) or name\n"
    "(fk-missing-index), in any case.\n"
    "\n"
    "Options:\n"
    "  -h, --help            show this help\n",
    explain_main,
};
