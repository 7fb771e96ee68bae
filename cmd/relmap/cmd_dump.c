/*
 * cmd_dump.c - `relmap dump`: the resolved model as JSON.
 */
#include <stdlib.h>

#include "cli.h"
#include "cli_write.h"

enum { OPT_OUTPUT = 1, OPT_DATA_CHECKS, OPT_HELP };

static const cli_option options[] = {
    {"output", 'o', true, OPT_OUTPUT},
    {"data-checks", 0, false, OPT_DATA_CHECKS},
    {"help", 'h', false, OPT_HELP},
    CLI_INPUT_OPTIONS,
};

static int dump(const char *const *inputs, size_t ninputs, const relmap_load_opts *load,
                const char *output)
{
    relmap_model *model;
    cli_protect_inputs(inputs, ninputs);
    if (output && !cli_output_allowed(output))
        return EXIT_TROUBLE;
    if (relmap_load(&model, inputs, ninputs, load) < 0)
        return cli_fail("%s", relmap_error_last());
    cli_protect_model(model);
    int status = EXIT_TROUBLE;
    cli_output out;
    if (cli_output_open(&out, output)) {
        int rc = relmap_dump_json(model, cli_output_write, &out);
        if (cli_output_close(&out) && rc == 0)
            status = EXIT_CLEAN;
    }
    relmap_model_free(model);
    return status;
}

static int dump_main(int argc, char **argv)
{
    relmap_load_opts load = RELMAP_LOAD_OPTS_INIT;
    /* A dump shows the schema; reading every row is asked for explicitly. */
    load.data_checks = false;
    const char *output = NULL;
    const char **inputs = calloc((size_t)argc, sizeof *inputs);
    if (!inputs)
        abort();
    size_t ninputs = 0;
    int status = -1;
    cli_parser p;
    cli_parser_init(&p, argc, argv, options, sizeof options / sizeof options[0]);
    const char *value;
    int id;
    while (status < 0 && (id = cli_next(&p, &value)) != CLI_END) {
        switch (id) {
        case CLI_ERROR:
            status = EXIT_TROUBLE;
            break;
        case CLI_OPERAND:
            inputs[ninputs++] = value;
            break;
        case OPT_OUTPUT:
            output = value;
            break;
        case OPT_DATA_CHECKS:
            load.data_checks = true;
            break;
        case OPT_HELP:
            fputs(cmd_dump.usage, stdout);
            status = EXIT_CLEAN;
            break;
        default:
            if (cli_input_option("dump", id, value, &load) == EXIT_TROUBLE)
                status = EXIT_TROUBLE;
            break;
        }
    }
    if (status < 0 && ninputs == 0)
        status = cli_usage_error("dump", "no input given");
    if (status < 0)
        status = dump(inputs, ninputs, &load, output);
    free(inputs);
    return status;
}

const cli_command cmd_dump = {
    "dump",
    "print the model read from the inputs as JSON",
    "Usage: relmap dump [options] INPUT...\n"
    "\n"
    "Prints the resolved model (tables, columns, keys, indexes, foreign keys)\n"
    "as JSON, in the shape documented in DESIGN.md.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE     write to FILE instead of standard output (whole or not\n"
    "                        at all; missing folders are made; never over an input)\n"
    "  --data-checks         also count the rows that violate each foreign "
    "key\n" CLI_INPUT_OPTIONS_HELP "  -h, --help            show this help\n",
    dump_main,
};
