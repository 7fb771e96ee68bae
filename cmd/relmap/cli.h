/*
 * cli.h - what the subcommands share: the subcommand table's entry type,
 * option parsing (long options as --opt value or --opt=value), usage
 * errors, and where output goes.
 */
#ifndef RELMAP_CLI_H
#define RELMAP_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <relmap/relmap.h>

/* Exit statuses (RULES.md): the same for every subcommand. */
enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

typedef struct cli_command {
    const char *name;
    const char *summary;
    const char *usage;                 /* the whole --help text */
    int (*run)(int argc, char **argv); /* argv[0] is the subcommand's name */
} cli_command;

extern const cli_command cmd_check, cmd_dump, cmd_diagram, cmd_rules, cmd_explain;

typedef struct cli_option {
    const char *long_name;
    char short_name; /* 0: none */
    bool has_value;
    int id; /* > 0 */
} cli_option;

enum { CLI_END = -1, CLI_ERROR = -2, CLI_OPERAND = 0 };

typedef struct cli_parser {
    int argc;
    char **argv;
    int index;
    const char *command; /* for the "Try 'relmap CMD --help'" hint */
    const cli_option *options;
    size_t noptions;
    bool operands_only; /* after "--" */
} cli_parser;

void cli_parser_init(cli_parser *p, int argc, char **argv, const cli_option *options,
                     size_t noptions);
/*
 * The next argument: an option's id (its value in *value when it takes
 * one), CLI_OPERAND with the operand in *value, CLI_END, or CLI_ERROR after
 * a usage error was reported.
 */
int cli_next(cli_parser *p, const char **value);

/* Reports a usage error of `command` (NULL: relmap itself) on stderr and
 * returns EXIT_TROUBLE: "relmap: message" and a hint where to look. */
int cli_usage_error(const char *command, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Reports any other failure in one line and returns EXIT_TROUBLE. */
int cli_fail(const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* The words of comma-separated option values (--select FK,JT001 --select
 * TAB001), in order, as strings the list owns. */
typedef struct cli_list {
    char **items;
    size_t count;
} cli_list;

/* Adds the non-empty words of `text`, split at commas. */
void cli_list_add(cli_list *list, const char *text);
void cli_list_free(cli_list *list);

/* A non-negative decimal integer that fits an int; false otherwise. */
bool cli_parse_int(const char *text, int *out);
/* A size: decimal bytes, or with a K, M, G or T suffix (powers of 1024,
 * "KiB"/"KB" spellings too); false otherwise. */
bool cli_parse_size(const char *text, uint64_t *out);
/* An --input-kind value; false when unknown. */
bool cli_parse_input_kind(const char *text, relmap_input_kind *out);
/* A --dialect value (auto, sqlite, postgres, mysql); false when unknown. */
bool cli_parse_dialect(const char *text, relmap_dialect *out);

/*
 * The options that say how inputs are read, shared by check, dump and
 * diagram: put CLI_INPUT_OPTIONS in a command's option table, hand every
 * option id to cli_input_option, and put CLI_INPUT_OPTIONS_HELP in its
 * --help text. Their ids are above any command's own.
 */
enum {
    CLI_OPT_INPUT_KIND = 1000,
    CLI_OPT_DIALECT,
    CLI_OPT_BUSY_TIMEOUT,
    CLI_OPT_MAX_INPUT_SIZE,
    CLI_OPT_VERBOSE
};
#define CLI_INPUT_OPTIONS                                                                          \
    {"input-kind", 0, true, CLI_OPT_INPUT_KIND}, {"dialect", 0, true, CLI_OPT_DIALECT},            \
        {"busy-timeout", 0, true, CLI_OPT_BUSY_TIMEOUT},                                           \
        {"max-input-size", 0, true, CLI_OPT_MAX_INPUT_SIZE},                                       \
    {                                                                                              \
        "verbose", 'v', false, CLI_OPT_VERBOSE                                                     \
    }
#define CLI_INPUT_OPTIONS_HELP                                                                     \
    "  --input-kind KIND     auto (default), sqlite (a database), sql (a DDL file) or\n"            \
    "                        python (SQLAlchemy models: a .py file or a package folder)\n"            \
    "  --dialect DIALECT     the SQL dialect of .sql inputs: auto (default: detected\n"            \
    "                        from each file), sqlite, postgres or mysql\n"                         \
    "  --busy-timeout MS     wait this long for a locked database (default 2000)\n"                \
    "  --max-input-size SIZE refuse a .sql or .py file, or a package folder's .py files\n"         \
    "                        together, larger than SIZE: bytes, or with K, M or G\n"              \
    "                        (KiB, MiB, GiB); default 256M; 0: no limit (4G at most)\n"           \
    "  -v, --verbose         explain how the inputs were read, on standard error\n"

/*
 * Applies option `id` with `value` to `load` when it is one of the input
 * options. Returns 1 when it was (and is valid), 0 when it is not an input
 * option, or EXIT_TROUBLE after reporting a usage error of `command`.
 */
int cli_input_option(const char *command, int id, const char *value, relmap_load_opts *load);

/* Where output goes: standard output as it comes, or the file of -o,
 * gathered in memory and written whole by cli_write_file at the end. */
typedef struct cli_output {
    const char *path; /* NULL: standard output */
    char *data;
    size_t len, cap;
} cli_output;

/* Starts an output. Nothing is created before cli_output_close, so that a
 * run that fails leaves no file, empty or half written, behind. */
bool cli_output_open(cli_output *out, const char *path);
/* A relmap_write_fn for a cli_output. */
int cli_output_write(void *payload, const char *data, size_t len);
/* Writes the file (or flushes standard output) and frees the output;
 * false (reported) when it could not be written. */
bool cli_output_close(cli_output *out);

/* A relmap_write_fn to standard error (the loader's --verbose lines). */
int cli_stderr_write(void *payload, const char *data, size_t len);

/* The whole file `path` (malloc'd, NUL-terminated, its length in *len), or
 * NULL after reporting why it cannot be read. */
char *cli_read_file(const char *path, size_t *len);

/* Writes `text` wrapped at `width` columns, each line indented. */
void cli_print_wrapped(FILE *out, const char *text, int indent, int width);

#endif
