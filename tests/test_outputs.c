/*
 * test_outputs.c - every file relmap writes (check -o, --write-baseline,
 * --diagram, dump -o, diagram -o and its split folders) is written whole
 * or not at all: never over an input (compared by device and inode, so
 * also through a link), never onto a folder, into missing folders that
 * are made, through links to their targets, and leaving neither a
 * temporary file nor a half-written file behind when the write fails.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"

static const char schema_sql[] =
    "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
    "CREATE TABLE orders (id INTEGER PRIMARY KEY,\n"
    "    customer_id INTEGER NOT NULL REFERENCES customers(id));\n";

static char *scratch;

static int setup(void **state)
{
    (void)state;
    scratch = fx_mkdtemp();
    if (!scratch)
        return -1;
    char *sql = fx_join(scratch, "schema.sql");
    int rc = fx_write_file(sql, schema_sql, sizeof schema_sql - 1);
    free(sql);
    return rc;
}

static int teardown(void **state)
{
    (void)state;
    fx_rmtree(scratch);
    free(scratch);
    return 0;
}

typedef struct run_result {
    char *out, *err;
    int status;
} run_result;

/* Runs relmap in the scratch folder with the arguments (NULL-terminated). */
static run_result relmap(const char *first, ...)
{
    const char *argv[32] = {RELMAP_BIN};
    size_t n = 1;
    va_list ap;
    va_start(ap, first);
    for (const char *a = first; a; a = va_arg(ap, const char *)) {
        assert_true(n < 31);
        argv[n++] = a;
    }
    va_end(ap);
    argv[n] = NULL;
    run_result r = {NULL, NULL, 0};
    assert_int_equal(fx_run(argv, scratch, &r.out, &r.err, &r.status), 0);
    return r;
}

/* Exit 2 and one line on stderr holding `needle`; frees the result. */
static void assert_refused(run_result r, const char *needle)
{
    if (r.status != 2 || !strstr(r.err, needle))
        print_error("status %d, stderr: %s\n", r.status, r.err);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, needle));
    assert_non_null(strchr(r.err, '\n'));
    assert_string_equal(strchr(r.err, '\n'), "\n");
    free(r.out);
    free(r.err);
}

static void assert_status(run_result r, int status)
{
    if (r.status != status)
        print_error("status %d, stderr: %s\n", r.status, r.err);
    assert_int_equal(r.status, status);
    free(r.out);
    free(r.err);
}

/* The names in a folder, sorted, one per line (what "nothing else was
 * left behind" compares). */
static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *listing(const char *rel)
{
    char *dir = fx_join(scratch, rel);
    DIR *d = opendir(dir);
    assert_non_null(d);
    char *names[256];
    size_t n = 0, total = 1;
    struct dirent *e;
    while ((e = readdir(d)) && n < 256)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            names[n] = strdup(e->d_name);
            total += strlen(names[n++]) + 1;
        }
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    char *out = malloc(total);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        strcat(out, names[i]);
        strcat(out, "\n");
        free(names[i]);
    }
    free(dir);
    return out;
}

static char *contents(const char *rel)
{
    char *path = fx_join(scratch, rel);
    char *data = fx_read_file(path, NULL);
    free(path);
    return data;
}

static void put(const char *rel, const char *text)
{
    char *path = fx_join(scratch, rel);
    assert_int_equal(fx_write_file(path, text, strlen(text)), 0);
    free(path);
}

static void link_to(const char *target, const char *rel)
{
    char *path = fx_join(scratch, rel);
    assert_int_equal(symlink(target, path), 0);
    free(path);
}

/* ---- never over an input ---------------------------------------------- */

static void test_onto_input(void **state)
{
    (void)state;
    link_to("schema.sql", "alias.sql");
    link_to("schema.sql", "er.dot");
    char *before = listing(".");
    /* Every command and every option that writes a file. */
    assert_refused(relmap("check", "schema.sql", "-o", "schema.sql", NULL), "is the input");
    assert_refused(relmap("check", "schema.sql", "--write-baseline", "schema.sql", NULL),
                   "is the input");
    assert_refused(relmap("check", "schema.sql", "--diagram", "er.dot", NULL), "is the input");
    assert_refused(relmap("dump", "schema.sql", "-o", "schema.sql", NULL), "is the input");
    assert_refused(relmap("diagram", "schema.sql", "--format", "dot", "-o", "schema.sql", NULL),
                   "is the input");
    /* Through a link, either way round: the same file. */
    assert_refused(relmap("dump", "schema.sql", "-o", "alias.sql", NULL), "is the input");
    assert_refused(relmap("dump", "alias.sql", "-o", "schema.sql", NULL), "is the input");
    char *text = contents("schema.sql");
    assert_string_equal(text, schema_sql);
    char *after = listing(".");
    assert_string_equal(after, before);
    free(text);
    free(before);
    free(after);
}

static void test_onto_package_module(void **state)
{
    (void)state;
    char *pkg = fx_join(scratch, "models");
    assert_int_equal(mkdir(pkg, 0700), 0);
    static const char model[] = "from sqlalchemy.orm import DeclarativeBase\n"
                                "class Base(DeclarativeBase):\n    pass\n";
    put("models/base.py", model);
    /* The module is not named on the command line, but it was read. */
    assert_refused(relmap("dump", "models", "-o", "models/base.py", NULL), "is the input");
    char *text = contents("models/base.py");
    assert_string_equal(text, model);
    free(text);
    free(pkg);
}

/* ---- folders ------------------------------------------------------------ */

static void test_onto_folder(void **state)
{
    (void)state;
    char *dir = fx_join(scratch, "reports");
    assert_int_equal(mkdir(dir, 0700), 0);
    assert_refused(relmap("check", "schema.sql", "-o", "reports", NULL), "is a folder");
    assert_refused(relmap("dump", "schema.sql", "-o", "reports/", NULL), "is a folder");
    assert_refused(relmap("check", "schema.sql", "--write-baseline", ".", NULL), "is a folder");
    char *inside = listing("reports");
    assert_string_equal(inside, "");
    free(inside);
    free(dir);
}

static void test_into_missing_folders(void **state)
{
    (void)state;
    /* Made, as a CI job writing reports/relmap/check.sarif expects. */
    assert_status(relmap("check", "schema.sql", "--format", "sarif", "-o",
                         "reports/relmap/check.sarif", NULL),
                  0);
    char *sarif = contents("reports/relmap/check.sarif");
    assert_non_null(sarif);
    assert_non_null(strstr(sarif, "\"version\": \"2.1.0\""));
    free(sarif);
    assert_status(relmap("dump", "schema.sql", "-o", "out/model.json", NULL), 0);
    char *json = contents("out/model.json");
    assert_non_null(strstr(json, "\"customers\""));
    free(json);
    assert_status(relmap("check", "schema.sql", "--write-baseline", "base/line.json", NULL), 0);
    char *baseline = contents("base/line.json");
    assert_non_null(baseline);
    free(baseline);
    /* A split diagram into nested folders that do not exist yet. */
    assert_status(relmap("diagram", "schema.sql", "--split", "components", "--format", "dot",
                         "-o", "docs/er/parts/", NULL),
                  0);
    char *parts = listing("docs/er/parts");
    assert_non_null(strstr(parts, ".dot\n"));
    free(parts);
    /* Nothing but the outputs was left in the folders made. */
    char *top = listing("reports/relmap");
    assert_string_equal(top, "check.sarif\n");
    free(top);
}

/* ---- links -------------------------------------------------------------- */

static void test_through_link(void **state)
{
    (void)state;
    char *dir = fx_join(scratch, "site");
    assert_int_equal(mkdir(dir, 0700), 0);
    put("site/model.json", "old\n");
    link_to("site/model.json", "model.json");
    link_to("nowhere/new.json", "dangling.json");
    assert_status(relmap("dump", "schema.sql", "-o", "model.json", NULL), 0);
    assert_status(relmap("dump", "schema.sql", "-o", "dangling.json", NULL), 0);
    /* The links are still links, and their targets hold the dump. */
    struct stat st;
    char *link = fx_join(scratch, "model.json");
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    char *text = contents("site/model.json");
    assert_non_null(strstr(text, "\"orders\""));
    free(text);
    text = contents("nowhere/new.json");
    assert_non_null(text);
    assert_non_null(strstr(text, "\"orders\""));
    free(text);
    /* A loop of links is refused, and stays as it was. */
    link_to("loop2", "loop1");
    link_to("loop1", "loop2");
    assert_refused(relmap("dump", "schema.sql", "-o", "loop1", NULL), "loop1");
    char *loop = fx_join(scratch, "loop1");
    assert_int_equal(lstat(loop, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    free(loop);
    free(link);
    free(dir);
}

/* ---- failures leave nothing behind ------------------------------------- */

/* Runs relmap with files limited to `bytes` (SIGXFSZ ignored, so a write
 * past it fails with EFBIG): a full disk, as far as relmap can tell. */
static run_result relmap_small_files(rlim_t bytes, const char *const *args)
{
    const char *argv[32] = {RELMAP_BIN};
    size_t n = 1;
    for (; args[n - 1]; n++)
        argv[n] = args[n - 1];
    argv[n] = NULL;
    struct rlimit saved, small;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &saved), 0);
    small = saved;
    small.rlim_cur = bytes;
    void (*old)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
    run_result r = {NULL, NULL, 0};
    int rc = fx_run(argv, scratch, &r.out, &r.err, &r.status);
    setrlimit(RLIMIT_FSIZE, &saved);
    signal(SIGXFSZ, old);
    assert_int_equal(rc, 0);
    return r;
}

static void test_failed_write(void **state)
{
    (void)state;
    put("model.json", "the old dump\n");
    char *before = listing(".");
    static const char *const over_old[] = {"dump", "schema.sql", "-o", "model.json", NULL};
    assert_refused(relmap_small_files(64, over_old), "model.json: cannot write");
    /* The old file is whole, and no temporary file is left beside it. */
    char *text = contents("model.json");
    assert_string_equal(text, "the old dump\n");
    free(text);
    char *after = listing(".");
    assert_string_equal(after, before);
    free(after);
    /* A folder made for a file that could not be written goes again. */
    static const char *const in_new[] = {"check", "schema.sql", "--format", "json",
                                         "-o",    "new/deep/r.json", NULL};
    assert_refused(relmap_small_files(64, in_new), "cannot write");
    after = listing(".");
    assert_string_equal(after, before);
    free(after);
    /* A split that fails part way leaves no temporary file among its parts. */
    static const char *const split[] = {"diagram", "schema.sql", "--split", "components",
                                        "--format", "dot", "-o", "parts/", NULL};
    run_result r = relmap_small_files(64, split);
    assert_int_equal(r.status, 2);
    free(r.out);
    free(r.err);
    char *parts = listing("parts");
    assert_null(strstr(parts, ".relmap-"));
    free(parts);
    free(before);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_onto_input, setup, teardown),
        cmocka_unit_test_setup_teardown(test_onto_package_module, setup, teardown),
        cmocka_unit_test_setup_teardown(test_onto_folder, setup, teardown),
        cmocka_unit_test_setup_teardown(test_into_missing_folders, setup, teardown),
        cmocka_unit_test_setup_teardown(test_through_link, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failed_write, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
