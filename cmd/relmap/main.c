/*
 * main.c - `relmap`: the table of subcommands and the global options.
 * Each subcommand lives in its own cmd_*.c and sees only the public API.
 */
#include <errno.h>
#include <string.h>

#include "cli.h"

static const cli_command *const commands[] = {&cmd_check, &cmd_dump, &cmd_diagram, &cmd_rules,
                                              &cmd_explain};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const cli_command *find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i];
    return NULL;
}

static void usage(void)
{
    fputs("Usage: relmap [--version] [--help] COMMAND [ARGS]\n"
          "\n"
          "A schema linter and ER-diagram tool for relational schemas.\n"
          "\n"
          "Commands:\n",
          stdout);
    for (size_t i = 0; i < NCOMMANDS; i++)
        printf("  %-10s %s\n", commands[i]->name, commands[i]->summary);
    printf("  %-10s %s\n", "help", "show the help of a command");
    fputs("\nRun 'relmap help COMMAND' or 'relmap COMMAND --help' for its options.\n", stdout);
}

/* `relmap help [COMMAND]` */
static int help(int argc, char **argv)
{
    if (argc < 2) {
        usage();
        return EXIT_CLEAN;
    }
    if (argc > 2)
        return cli_usage_error(NULL, "help takes one command");
    const cli_command *cmd = find_command(argv[1]);
    if (!cmd)
        return cli_usage_error(NULL, "unknown command '%s'", argv[1]);
    fputs(cmd->usage, stdout);
    return EXIT_CLEAN;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return cli_usage_error(NULL, "no command given");
    const char *first = argv[1];
    if (strcmp(first, "--version") == 0 || strcmp(first, "-V") == 0) {
        printf("relmap %s\n", relmap_version());
        return EXIT_CLEAN;
    }
    if (strcmp(first, "--help") == 0 || strcmp(first, "-h") == 0) {
        usage();
        return EXIT_CLEAN;
    }
    if (strcmp(first, "help") == 0)
        return help(argc - 1, argv + 1);
    if (first[0] == '-')
        return cli_usage_error(NULL, "unknown option '%s'", first);
    const cli_command *cmd = find_command(first);
    if (!cmd)
        return cli_usage_error(NULL, "unknown command '%s'", first);
    int status = cmd->run(argc - 1, argv + 1);
    /* rules, explain and help print with stdio: a full disk or a closed
     * pipe shows only here (check and dump report it themselves). */
    if (status != EXIT_TROUBLE && (fflush(stdout) != 0 || ferror(stdout)))
        return cli_fail("cannot write to standard output: %s", strerror(errno));
    return status;
}
