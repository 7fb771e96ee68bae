/*
 * gen - writes bench/gen's logical schema of N tables (schema.c) in one
 * input form, deterministic from a seed: the same arguments give the same
 * bytes on every machine (the database: the same schema and rows).
 *
 * Usage: gen FORM N OUT [options]
 *   FORM  sqlite, postgres or mysql (DDL; OUT a file, - for stdout), db (a
 *         SQLite database file, replaced) or py (a SQLAlchemy package: OUT
 *         a folder)
 *   --seed S        the seed (default 1)
 *   --rows R        data rows a table: COPY blocks (postgres), INSERTs (db;
 *                   default 3 there, 0 elsewhere)
 *   --modules M     py: how many model modules (default N / 10, at least 1)
 *   --classic       py: every module in classic style (imports under
 *                   SQLAlchemy 1.4; the 2.0-style modules need 2.0)
 *   --all-pitfalls  py: also the pitfalls SQLAlchemy itself refuses (the
 *                   package then no longer imports or configures)
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"

static unsigned long parse_count(const char *s, const char *what, unsigned long max)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || *end || end == s || v > max) {
        fprintf(stderr, "gen: bad %s: %s\n", what, s);
        exit(2);
    }
    return v;
}

static int usage(void)
{
    fputs("usage: gen sqlite|postgres|mysql|db|py N OUT [--seed S] [--rows R] [--modules M] "
          "[--classic] [--all-pitfalls]\n",
          stderr);
    return 2;
}

int main(int argc, char **argv)
{
    if (argc < 4)
        return usage();
    static const struct {
        const char *name;
        enum bench_form form;
    } forms[] = {{"sqlite", FORM_SQLITE}, {"postgres", FORM_POSTGRES}, {"mysql", FORM_MYSQL},
                 {"db", FORM_DB},         {"py", FORM_PY}};
    enum bench_form form = 0;
    for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++)
        if (strcmp(argv[1], forms[k].name) == 0)
            form = forms[k].form;
    if (!form)
        return usage();
    unsigned n = (unsigned)parse_count(argv[2], "N", 10000000);
    const char *out = argv[3];
    uint64_t seed = 1;
    unsigned long rows = form == FORM_DB ? 3 : 0, modules = 0;
    bool classic = false, fatal = false;
    for (int a = 4; a < argc; a++) {
        if (strcmp(argv[a], "--classic") == 0)
            classic = true;
        else if (strcmp(argv[a], "--all-pitfalls") == 0)
            fatal = true;
        else if (a + 1 < argc && strcmp(argv[a], "--seed") == 0)
            seed = parse_count(argv[++a], "seed", (unsigned long)-1);
        else if (a + 1 < argc && strcmp(argv[a], "--rows") == 0)
            rows = parse_count(argv[++a], "rows", 1000000);
        else if (a + 1 < argc && strcmp(argv[a], "--modules") == 0)
            modules = parse_count(argv[++a], "modules", 100000);
        else
            return usage();
    }
    if (n < 2) {
        fputs("gen: N must be at least 2\n", stderr);
        return 2;
    }
    bench_schema s;
    bench_schema_make(&s, n, modules ? (unsigned)modules : n / 10, seed, classic, fatal);
    int rc;
    if (form == FORM_DB) {
        rc = bench_write_db(&s, out, (unsigned)rows);
    } else if (form == FORM_PY) {
        rc = bench_write_py(&s, out);
    } else {
        FILE *fp = strcmp(out, "-") == 0 ? stdout : fopen(out, "w");
        if (!fp) {
            fprintf(stderr, "gen: cannot write %s: %s\n", out, strerror(errno));
            return 1;
        }
        rc = bench_write_sql(&s, form, (unsigned)rows, fp);
        if (fp != stdout && fclose(fp) != 0)
            rc = 1;
    }
    bench_schema_free(&s);
    return rc;
}
