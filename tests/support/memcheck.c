/*
 * memcheck.c - running the CLI under valgrind's memcheck when the test run
 * asks for it (see fixture.h, fx_run_memcheck).
 *
 * The options make every invalid read or write, use of an uninitialised
 * value, bad free and definite or indirect leak an error. Leaks inside
 * Graphviz and fontconfig that relmap cannot free are suppressed by
 * tests/valgrind.supp, whose frames lie deep in Graphviz's stacks: hence
 * the long --num-callers. valgrind writes its report into a folder of its
 * own (one file per process: relmap forks for Graphviz layouts), so the
 * CLI's stderr stays what the tests compare.
 */
#include "fixture.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* valgrind's exit status when it found an error: one relmap never uses, so
 * that a report it could not write still fails the comparison of statuses. */
#define MEMCHECK_EXIT "99"

/* Appends every file of `dir` (valgrind's logs) to one string. */
static char *read_logs(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char *all = NULL;
    size_t len = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *path = fx_join(dir, e->d_name);
        size_t n = 0;
        char *text = fx_read_file(path, &n);
        free(path);
        if (text && n > 0) {
            all = realloc(all, len + n + 1);
            memcpy(all + len, text, n + 1);
            len += n;
        }
        free(text);
    }
    closedir(d);
    return all;
}

int fx_run_memcheck(const char *const argv[], const char *cwd, char **out, char **err, int *status,
                    char **report)
{
    *report = NULL;
    const char *valgrind = getenv("RELMAP_VALGRIND");
    if (!valgrind || !*valgrind)
        return fx_run(argv, cwd, out, err, status);

    char *log_dir = fx_mkdtemp();
    if (!log_dir)
        return -1;
    char *log_file = fx_join(log_dir, "memcheck.%p");
    size_t log_opt_len = strlen(log_file) + sizeof "--log-file=";
    char *log_opt = malloc(log_opt_len);
    snprintf(log_opt, log_opt_len, "--log-file=%s", log_file);
    const char *options[] = {
        valgrind,
        "--quiet",
        "--error-exitcode=" MEMCHECK_EXIT,
        "--leak-check=full",
        "--show-leak-kinds=definite,indirect",
        "--errors-for-leak-kinds=definite,indirect",
        "--num-callers=64",
        "--suppressions=" RELMAP_VALGRIND_SUPP,
        log_opt,
    };
    size_t n_options = sizeof options / sizeof options[0], argc = 0;
    while (argv[argc])
        argc++;
    const char **wrapped = calloc(n_options + argc + 1, sizeof *wrapped);
    memcpy(wrapped, options, sizeof options);
    memcpy(wrapped + n_options, argv, argc * sizeof *argv);

    int rc = fx_run(wrapped, cwd, out, err, status);
    if (rc == 0)
        *report = read_logs(log_dir);
    free(wrapped);
    free(log_opt);
    free(log_file);
    fx_rmtree(log_dir);
    free(log_dir);
    return rc;
}
