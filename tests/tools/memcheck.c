/*
 * memcheck - runs a test program under valgrind's memcheck, as the golden
 * driver runs the CLI (tests/support/memcheck.c), and fails when valgrind
 * finds a memory error or a leak. Usage: memcheck PROGRAM [ARGS...]
 *
 * Without RELMAP_VALGRIND it exits 77, which ctest shows as skipped: the
 * program itself is already a test of its own, and scripts/test's valgrind
 * pass is the run that sets RELMAP_VALGRIND.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fixture.h"

#define SKIPPED 77

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: memcheck PROGRAM [ARGS...]\n");
        return 2;
    }
    const char *valgrind = getenv("RELMAP_VALGRIND");
    if (!valgrind || !*valgrind) {
        fprintf(stderr, "memcheck: RELMAP_VALGRIND is not set, nothing to do\n");
        return SKIPPED;
    }
    char *out = NULL, *err = NULL, *report = NULL;
    int status = 0;
    if (fx_run_memcheck((const char *const *)(argv + 1), NULL, &out, &err, &status, &report) != 0) {
        perror("memcheck: cannot run valgrind");
        return 2;
    }
    fputs(out, stdout);
    fputs(err, stderr);
    if (report)
        fprintf(stderr, "valgrind found memory errors or leaks in %s:\n%s", argv[1], report);
    int rc = report ? 1 : status;
    free(out);
    free(err);
    free(report);
    return rc;
}
