/*
 * phases - times each stage of relmap's pipeline on one input, in process,
 * through the library and its internals: read (the reader of the input's
 * kind; for a database this includes PRAGMA foreign_key_check), resolve,
 * lint (every rule), then each output written to a sink that only counts
 * bytes. Each stage is run RUNS times on a fresh model and the median is
 * printed, as one JSON object on stdout, in seconds:
 *
 *   {"read": 0.0123, "resolve": ..., "lint": ..., "text": ..., "findings": 96,
 *    "tables": 100, "bytes": {"text": 8123, ...}}
 *
 * Usage: phases KIND PATH [--runs R] [--dialect D] [--outputs LIST]
 *   KIND     sqlite (a database), sql (DDL) or python (a model package)
 *   LIST     comma-separated: text, json, sarif, dot, mermaid, svg
 *            (default text,json,sarif)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model_build.h"
#include "read_ddl.h"
#include "read_py.h"
#include "read_sqlite.h"
#include "relmap/check.h"
#include "relmap/load.h"
#include "relmap/render.h"
#include "relmap/report.h"
#include "resolve.h"

#define MAX_RUNS 99

static const char *const output_names[] = {"text", "json", "sarif", "dot", "mermaid", "svg"};
#define NOUTPUTS (sizeof output_names / sizeof output_names[0])
enum { PH_READ, PH_RESOLVE, PH_LINT, PH_OUTPUTS };

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int count_bytes(void *payload, const char *data, size_t len)
{
    (void)data;
    *(size_t *)payload += len;
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static int read_input(relmap_model *m, const char *kind, const char *path,
                      const relmap_load_opts *opts)
{
    if (strcmp(kind, "sqlite") == 0)
        return rm_read_sqlite(m, path, opts);
    if (strcmp(kind, "sql") == 0)
        return rm_read_ddl(m, path, opts);
    return rm_read_py(m, path, opts);
}

static int write_output(size_t o, const relmap_model *m, const relmap_findings *f, size_t *bytes)
{
    static const relmap_format reports[] = {RELMAP_FORMAT_TEXT, RELMAP_FORMAT_JSON,
                                            RELMAP_FORMAT_SARIF};
    static const relmap_render_format renders[] = {RELMAP_RENDER_DOT, RELMAP_RENDER_MERMAID,
                                                   RELMAP_RENDER_SVG};
    if (o < 3) {
        relmap_report_opts ro = RELMAP_REPORT_OPTS_INIT;
        ro.format = reports[o];
        return relmap_report(m, f, &ro, count_bytes, bytes);
    }
    relmap_render_opts go = RELMAP_RENDER_OPTS_INIT;
    go.format = renders[o - 3];
    return relmap_render(m, f, &go, count_bytes, bytes);
}

static bool parse_outputs(const char *list, bool *want)
{
    char *copy = strdup(list), *save = NULL;
    bool ok = copy != NULL;
    for (char *tok = copy ? strtok_r(copy, ",", &save) : NULL; tok && ok;
         tok = strtok_r(NULL, ",", &save)) {
        size_t o = 0;
        while (o < NOUTPUTS && strcmp(tok, output_names[o]) != 0)
            o++;
        ok = o < NOUTPUTS;
        if (ok)
            want[o] = true;
    }
    free(copy);
    return ok;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: phases sqlite|sql|python PATH [--runs R] [--dialect D] [--outputs LIST]\n",
              stderr);
        return 2;
    }
    const char *kind = argv[1], *path = argv[2];
    int runs = 5;
    bool want[NOUTPUTS] = {true, true, true, false, false, false};
    relmap_load_opts lo = RELMAP_LOAD_OPTS_INIT;
    for (int a = 3; a + 1 < argc; a += 2) {
        if (strcmp(argv[a], "--runs") == 0) {
            runs = atoi(argv[a + 1]);
        } else if (strcmp(argv[a], "--dialect") == 0) {
            relmap_dialect d = strcmp(argv[a + 1], "postgres") == 0 ? RELMAP_DIALECT_POSTGRES
                               : strcmp(argv[a + 1], "mysql") == 0  ? RELMAP_DIALECT_MYSQL
                                                                    : RELMAP_DIALECT_SQLITE;
            lo.dialect = d;
        } else if (strcmp(argv[a], "--outputs") == 0) {
            memset(want, 0, sizeof want);
            if (!parse_outputs(argv[a + 1], want)) {
                fprintf(stderr, "phases: unknown output in %s\n", argv[a + 1]);
                return 2;
            }
        } else {
            fprintf(stderr, "phases: unknown option %s\n", argv[a]);
            return 2;
        }
    }
    if (runs < 1 || runs > MAX_RUNS) {
        fputs("phases: --runs must be 1 to 99\n", stderr);
        return 2;
    }
    static double t[PH_OUTPUTS + NOUTPUTS][MAX_RUNS];
    size_t bytes[NOUTPUTS] = {0};
    size_t nfindings = 0, ntables = 0;
    relmap_check_opts co = RELMAP_CHECK_OPTS_INIT;
    for (int r = 0; r < runs; r++) {
        relmap_model *m = mb_model_new();
        double t0 = now();
        if (read_input(m, kind, path, &lo) != 0) {
            fprintf(stderr, "phases: %s: %s\n", path, relmap_error_last());
            relmap_model_free(m);
            return 2;
        }
        double t1 = now();
        rm_resolve(m);
        double t2 = now();
        relmap_findings *f = NULL;
        if (relmap_check(&f, m, &co) != 0) {
            fprintf(stderr, "phases: check: %s\n", relmap_error_last());
            return 2;
        }
        double t3 = now();
        t[PH_READ][r] = t1 - t0;
        t[PH_RESOLVE][r] = t2 - t1;
        t[PH_LINT][r] = t3 - t2;
        for (size_t o = 0; o < NOUTPUTS; o++) {
            if (!want[o])
                continue;
            bytes[o] = 0;
            double s = now();
            if (write_output(o, m, f, &bytes[o]) != 0) {
                fprintf(stderr, "phases: %s: %s\n", output_names[o], relmap_error_last());
                return 2;
            }
            t[PH_OUTPUTS + o][r] = now() - s;
        }
        nfindings = f->count;
        ntables = m->ntables;
        relmap_findings_free(f);
        relmap_model_free(m);
    }
    printf("{\"read\": %.6f, \"resolve\": %.6f, \"lint\": %.6f", median(t[PH_READ], runs),
           median(t[PH_RESOLVE], runs), median(t[PH_LINT], runs));
    for (size_t o = 0; o < NOUTPUTS; o++)
        if (want[o])
            printf(", \"%s\": %.6f", output_names[o], median(t[PH_OUTPUTS + o], runs));
    printf(", \"findings\": %zu, \"tables\": %zu, \"bytes\": {", nfindings, ntables);
    const char *sep = "";
    for (size_t o = 0; o < NOUTPUTS; o++)
        if (want[o]) {
            printf("%s\"%s\": %zu", sep, output_names[o], bytes[o]);
            sep = ", ";
        }
    printf("}}\n");
    return 0;
}
