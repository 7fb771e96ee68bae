/*
 * test_limits.c - the limits of docs/limits.md, each met as a user meets
 * it: nesting 100,000 deep in every language read (run with a 2 MiB stack,
 * a quarter of the usual, so that recursion without a bound overflows),
 * .gitignore patterns that would backtrack exponentially, folders too deep,
 * --max-input-size, the syntax errors kept per file, names and columns past
 * their limits, and peak memory staying a small multiple of the input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fixture.h"
#include "relmap/load.h"
#include "relmap/model.h"

/* Whether this build runs under AddressSanitizer (memory is then not the
 * program's own). */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

static char *scratch;

static int setup(void **state)
{
    (void)state;
    scratch = fx_mkdtemp();
    return scratch ? 0 : -1;
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
    double seconds;
} run_result;

/* Runs relmap in the scratch folder, its stack limited to 2 MiB. */
static run_result relmap_argv(const char *const *args)
{
    const char *argv[32] = {RELMAP_BIN};
    size_t n = 1;
    for (; args[n - 1]; n++)
        argv[n] = args[n - 1];
    argv[n] = NULL;
    struct rlimit saved, small;
    assert_int_equal(getrlimit(RLIMIT_STACK, &saved), 0);
    small = saved;
    small.rlim_cur = 2 * 1024 * 1024;
    assert_int_equal(setrlimit(RLIMIT_STACK, &small), 0);
    run_result r = {NULL, NULL, 0, 0};
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = fx_run(argv, scratch, &r.out, &r.err, &r.status);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    setrlimit(RLIMIT_STACK, &saved);
    assert_int_equal(rc, 0);
    r.seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    return r;
}

static run_result relmap(const char *first, ...)
{
    const char *args[31];
    size_t n = 0;
    va_list ap;
    va_start(ap, first);
    for (const char *a = first; a; a = va_arg(ap, const char *)) {
        assert_true(n < 30);
        args[n++] = a;
    }
    va_end(ap);
    args[n] = NULL;
    return relmap_argv(args);
}

static void result_free(run_result *r)
{
    free(r->out);
    free(r->err);
}

static size_t count(const char *text, const char *needle)
{
    size_t n = 0;
    for (const char *p = text; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

/* Exit 2 with one line holding each of the needles (NULL-terminated). */
static void assert_refused(run_result r, ...)
{
    va_list ap;
    va_start(ap, r);
    bool all = r.status == 2 && count(r.err, "\n") == 1;
    for (const char *needle; (needle = va_arg(ap, const char *)) != NULL;)
        all = all && strstr(r.err, needle);
    va_end(ap);
    if (!all)
        fail_msg("status %d, stderr: %s", r.status, r.err);
    result_free(&r);
}

static void put(const char *rel, const char *text, size_t len)
{
    char *path = fx_join(scratch, rel);
    assert_int_equal(fx_write_file(path, text, len), 0);
    free(path);
}

/* `before`, n copies of `open`, `middle`, n copies of `close`, `after`. */
static char *nest(const char *before, size_t n, const char *open, const char *middle,
                  const char *close, const char *after)
{
    size_t lo = strlen(open), lc = strlen(close);
    size_t len = strlen(before) + n * (lo + lc) + strlen(middle) + strlen(after);
    char *s = malloc(len + 1), *k = s;
    k += sprintf(k, "%s", before);
    for (size_t i = 0; i < n; i++, k += lo)
        memcpy(k, open, lo);
    k += sprintf(k, "%s", middle);
    for (size_t i = 0; i < n; i++, k += lc)
        memcpy(k, close, lc);
    sprintf(k, "%s", after);
    return s;
}

#define DEEP 100000

/* ---- nesting ------------------------------------------------------------ */

static void test_nested_python(void **state)
{
    (void)state;
    /* Each shape reaches the next level by another path through the
     * parser (comprehensions, star items and ** in dicts once went around
     * its depth count, and overflowed). */
    static const struct {
        const char *before, *open, *middle, *close;
    } shapes[] = {
        {"x = ", "(", "1", ")"},
        {"x = ", "[a for a in ", "b", "]"},
        {"x = ", "(a for a in ", "b", ")"},
        {"x = ", "{a: a for a in ", "b", "}"},
        {"x = ", "[a for a in b if ", "c", "]"},
        {"x = ", "[*", "a", "]"},
        {"x = ", "{**", "a", "}"},
        {"x = ", "{a: ", "b", "}"},
        {"x = a", "[*a", "", "]"},
        {"x = ", "f(", "a", ")"},
        {"x = ", "-", "1", ""},
        {"x = ", "not ", "a", ""},
        {"x = ", "lambda: ", "a", ""},
        {"x = ", "a if b else ", "c", ""},
        {"x = ", "2 ** ", "a", ""},
        {"x = ", "await ", "a", ""},
        {"for ", "(", "a", ")"},
        {"match x:\n    case ", "[", "a", "]"},
        {"x = f'{", "(", "1", ")"},
    };
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
        char *src = nest(shapes[i].before, DEEP, shapes[i].open, shapes[i].middle,
                         shapes[i].close, "\n");
        put("deep.py", src, strlen(src));
        free(src);
        run_result r = relmap("check", "--no-config", "--format", "json", "deep.py", NULL);
        if (r.status != 1 || !strstr(r.out, "\"rule\": \"SYNTAX001\""))
            fail_msg("shape %zu (%s%s...): status %d, stderr %s", i, shapes[i].before,
                     shapes[i].open, r.status, r.err);
        result_free(&r);
    }
}

static void test_nested_sql(void **state)
{
    (void)state;
    static const struct {
        const char *before, *open, *middle, *close, *after;
    } shapes[] = {
        {"CREATE TABLE t(a INT DEFAULT ", "(", "1", ")", ");\n"},
        {"CREATE TABLE t(a INT CHECK ", "(", "a > 0", ")", ");\n"},
        {"CREATE TABLE t(a INT, b INT GENERATED ALWAYS AS ", "(", "a", ")", " STORED);\n"},
        {"CREATE TABLE t(a INT DEFAULT ", "CASE WHEN 1 THEN ", "1", " END", ");\n"},
        {"CREATE VIEW v AS SELECT ", "(", "1", ")", ";\n"},
        {"CREATE TABLE t(a INT CHECK ", "(", "", "", "\n"},
    };
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
        char *src = nest(shapes[i].before, DEEP, shapes[i].open, shapes[i].middle,
                         shapes[i].close, shapes[i].after);
        put("deep.sql", src, strlen(src));
        free(src);
        run_result r = relmap("check", "--no-config", "--format", "json", "deep.sql", NULL);
        /* Read (findings or none), never a crash. */
        if (r.status != 0 && r.status != 1)
            fail_msg("shape %zu: status %d, stderr %s", i, r.status, r.err);
        result_free(&r);
    }
}

static void test_nested_yaml(void **state)
{
    (void)state;
    static const char schema[] = "CREATE TABLE t(id INTEGER PRIMARY KEY);\n";
    put("schema.sql", schema, sizeof schema - 1);
    /* libyaml alone took minutes over a line of 100,000 '[': refused at
     * level 65, at once. */
    char *yml = nest("select: ", DEEP, "[", "FK001", "]", "\n");
    put("deep.yml", yml, strlen(yml));
    free(yml);
    run_result r = relmap("check", "--config", "deep.yml", "schema.sql", NULL);
    assert_true(r.seconds < 10);
    assert_refused(r, "deep.yml:1:", "nested deeper than 64 levels", NULL);
    char *json = nest("{\"findings\": ", DEEP, "[", "", "]", "}\n");
    put("baseline.json", json, strlen(json));
    free(json);
    r = relmap("check", "--no-config", "--baseline", "baseline.json", "schema.sql", NULL);
    assert_true(r.seconds < 10);
    assert_refused(r, "baseline.json:1:", "nested deeper than 64 levels", NULL);
    /* Real files nest a few levels: still read. */
    static const char ok[] = "select: [FK001, TAB]\nignore: [TAB001]\n";
    put("ok.yml", ok, sizeof ok - 1);
    r = relmap("check", "--config", "ok.yml", "schema.sql", NULL);
    assert_int_equal(r.status, 0);
    result_free(&r);
}

/* ---- the package walk ---------------------------------------------------- */

static void mkdir_in(const char *rel)
{
    char *path = fx_join(scratch, rel);
    assert_int_equal(mkdir(path, 0700), 0);
    free(path);
}

static const char model_py[] = "from sqlalchemy import Column, Integer\n"
                               "from sqlalchemy.orm import declarative_base\n"
                               "Base = declarative_base()\n";

/* A table class named `name` in pkg/<file>. */
static void put_model(const char *file, const char *name)
{
    char text[512], rel[256];
    snprintf(text, sizeof text,
             "from pkg.base import Base, Column, Integer\n"
             "class %s(Base):\n    __tablename__ = '%s'\n"
             "    id = Column(Integer, primary_key=True)\n",
             name, name);
    snprintf(rel, sizeof rel, "pkg/%s", file);
    put(rel, text, strlen(text));
}

static void test_gitignore_patterns(void **state)
{
    (void)state;
    mkdir_in("pkg");
    mkdir_in("pkg/gen");
    mkdir_in("pkg/gen/deep");
    put("pkg/base.py", model_py, sizeof model_py - 1);
    /* A name of 60 a's against a pattern of 30 '*': a backtracking matcher
     * tries about C(60, 30) ways before it says no. */
    char name[80], pattern[128], *k = pattern;
    memset(name, 'a', 60);
    strcpy(name + 60, ".py");
    for (int i = 0; i < 30; i++)
        k += sprintf(k, "a*");
    strcpy(k, "b.py\n");
    char gitignore[512];
    snprintf(gitignore, sizeof gitignore,
             "%s**/gen_*.py\n[xyz]_skip.py\nbuild/\n!gen/deep/keep_*.py\n/gen/deep/*\n",
             pattern);
    put("pkg/.gitignore", gitignore, strlen(gitignore));
    put_model(name, "Kept1");            /* not ending in b.py */
    put_model("gen/gen_one.py", "Gone1"); /* **\/gen_*.py */
    put_model("x_skip.py", "Gone2");      /* [xyz] */
    put_model("w_skip.py", "Kept2");
    put_model("gen/deep/drop.py", "Gone3");    /* /gen/deep/\* */
    put_model("gen/deep/keep_it.py", "Kept3"); /* negated before, so ignored after */
    run_result r = relmap("dump", "pkg", NULL);
    assert_true(r.seconds < 10);
    if (r.status != 0)
        fail_msg("status %d: %s", r.status, r.err);
    assert_non_null(strstr(r.out, "\"Kept1\""));
    assert_non_null(strstr(r.out, "\"Kept2\""));
    assert_null(strstr(r.out, "\"Gone1\""));
    assert_null(strstr(r.out, "\"Gone2\""));
    assert_null(strstr(r.out, "\"Gone3\""));
    /* The last matching pattern decides, as in git. */
    assert_null(strstr(r.out, "\"Kept3\""));
    result_free(&r);
}

static void test_deep_folders(void **state)
{
    (void)state;
    char rel[1024] = "pkg";
    mkdir_in(rel);
    put("pkg/base.py", model_py, sizeof model_py - 1);
    for (int level = 0; level < 70; level++) {
        strcat(rel, "/d");
        mkdir_in(rel);
    }
    run_result r = relmap("dump", "pkg", NULL);
    assert_refused(r, "nested more than 64 levels", NULL);
}

/* ---- input size --------------------------------------------------------- */

static void test_max_input_size(void **state)
{
    (void)state;
    /* 600 KiB of comments and one table. */
    size_t len = 600 * 1024;
    char *big = malloc(len + 1);
    memset(big, '-', len);
    for (size_t i = 79; i < len; i += 80)
        big[i] = '\n';
    memcpy(big, "CREATE TABLE t(id INTEGER PRIMARY KEY);\n", 40);
    put("big.sql", big, len);
    assert_refused(relmap("check", "--max-input-size", "512K", "big.sql", NULL), "big.sql: ",
                   "600.0 KiB", "512.0 KiB", "--max-input-size", NULL);
    run_result r = relmap("dump", "--max-input-size", "1M", "big.sql", NULL);
    assert_int_equal(r.status, 0);
    result_free(&r);
    r = relmap("dump", "--max-input-size", "0", "big.sql", NULL);
    assert_int_equal(r.status, 0);
    result_free(&r);
    r = relmap("dump", "--max-input-size=614400", "big.sql", NULL);
    assert_int_equal(r.status, 0);
    result_free(&r);
    assert_refused(relmap("dump", "--max-input-size=614399", "big.sql", NULL), "big.sql", NULL);
    /* A package: its files together. */
    mkdir_in("pkg");
    memcpy(big, "# ", 2);
    put("pkg/a.py", big, len / 2);
    put("pkg/b.py", big, len / 2);
    assert_refused(relmap("dump", "--max-input-size", "400KiB", "pkg", NULL), "pkg: ",
                   "2 .py files", "600.0 KiB", "--max-input-size", NULL);
    r = relmap("dump", "--max-input-size", "1MB", "pkg", NULL);
    assert_int_equal(r.status, 0);
    result_free(&r);
    free(big);
    /* Not a size: a usage error. */
    r = relmap("dump", "--max-input-size", "lots", "big.sql", NULL);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "invalid --max-input-size 'lots'"));
    result_free(&r);
}

static void test_load_opts_version_1(void **state)
{
    (void)state;
    /* A caller built against version 1 does not have max_input_size: its
     * struct ends before it, and the default applies. */
    static const char sql[] = "CREATE TABLE t(id INTEGER PRIMARY KEY);\n";
    put("v1.sql", sql, sizeof sql - 1);
    char *path = fx_join(scratch, "v1.sql");
    relmap_load_opts init = RELMAP_LOAD_OPTS_INIT;
    init.version = 1;
    void *v1 = malloc(offsetof(relmap_load_opts, max_input_size));
    memcpy(v1, &init, offsetof(relmap_load_opts, max_input_size));
    relmap_model *model = NULL;
    const char *paths[] = {path};
    assert_int_equal(relmap_load(&model, paths, 1, v1), 0);
    assert_int_equal(model->ntables, 1);
    relmap_model_free(model);
    free(v1);
    init.version = RELMAP_LOAD_OPTS_VERSION + 1;
    assert_int_equal(relmap_load(&model, paths, 1, &init), RELMAP_EINVAL);
    free(path);
}

/* ---- syntax errors, names, columns -------------------------------------- */

static void test_syntax_errors_kept(void **state)
{
    (void)state;
    /* 5,000 statements that cannot parse, then a table still read. */
    static const char table[] = "CREATE TABLE late(id INTEGER PRIMARY KEY);\n";
    size_t n = 5000;
    char *sql = malloc(n * 14 + sizeof table);
    for (size_t i = 0; i < n; i++)
        memcpy(sql + 14 * i, "CREATE TABLE;\n", 14);
    memcpy(sql + 14 * n, table, sizeof table);
    put("junk.sql", sql, strlen(sql));
    free(sql);
    run_result r = relmap("check", "--no-config", "--format", "json", "junk.sql", NULL);
    assert_int_equal(r.status, 1);
    assert_int_equal(count(r.out, "\"rule\": \"SYNTAX001\""), 1000);
    assert_non_null(strstr(r.out, "and 4000 more syntax errors in this file, not shown"));
    result_free(&r);
    r = relmap("dump", "junk.sql", NULL);
    assert_non_null(strstr(r.out, "\"late\""));
    result_free(&r);
    char *py = malloc(n * 2 + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(py + 2 * i, ")\n", 2);
    py[2 * n] = '\0';
    put("junk.py", py, 2 * n);
    free(py);
    r = relmap("check", "--no-config", "--format", "json", "junk.py", NULL);
    assert_int_equal(r.status, 1);
    assert_int_equal(count(r.out, "\"rule\": \"SYNTAX001\""), 1000);
    assert_non_null(strstr(r.out, "and 4000 more syntax errors in this file, not shown"));
    result_free(&r);
}

static void test_names_and_columns(void **state)
{
    (void)state;
    char *sql = malloc(4096);
    char name[1100];
    memset(name, 'n', 1025);
    name[1025] = '\0';
    snprintf(sql, 4096, "CREATE TABLE ok(id INT);\nCREATE TABLE %s(id INT);\n", name);
    put("long.sql", sql, strlen(sql));
    assert_refused(relmap("dump", "long.sql", NULL), "long.sql:2:14: ",
                   "a table name of 1025 bytes", "up to 1024", NULL);
    snprintf(sql, 4096, "CREATE TABLE t(%s INT);\n", name);
    put("long.sql", sql, strlen(sql));
    assert_refused(relmap("dump", "long.sql", NULL), "long.sql:1:16: ", "a column name", NULL);
    /* Exactly at the limit: read. */
    name[1024] = '\0';
    snprintf(sql, 4096, "CREATE TABLE %s(id INT);\n", name);
    put("long.sql", sql, strlen(sql));
    run_result r = relmap("dump", "long.sql", NULL);
    assert_int_equal(r.status, 0);
    result_free(&r);
    free(sql);
    /* 32,768 columns: one past SQLite's own ceiling. */
    size_t cap = 32768 * 16 + 64;
    char *wide = malloc(cap), *k = wide;
    k += sprintf(k, "CREATE TABLE wide(");
    for (int i = 0; i < 32768; i++)
        k += sprintf(k, "%sc%d INT", i ? ", " : "", i);
    sprintf(k, ");\n");
    put("wide.sql", wide, strlen(wide));
    free(wide);
    assert_refused(relmap("dump", "wide.sql", NULL), "wide.sql:1:14: ",
                   "table wide has 32768 columns", "up to 32767", NULL);
}

/* ---- memory ------------------------------------------------------------- */

#ifndef UNDER_ASAN

/* The peak resident size of relmap on `args`, in bytes: measured in a
 * child of its own, whose children's maximum is then relmap's alone. */
static uint64_t peak_rss(const char *const *args)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        run_result r = relmap_argv(args);
        struct rusage usage;
        getrusage(RUSAGE_CHILDREN, &usage);
        uint64_t bytes = r.status < 128 ? (uint64_t)usage.ru_maxrss * 1024 : 0;
        if (write(fds[1], &bytes, sizeof bytes) != sizeof bytes)
            _exit(1);
        _exit(0);
    }
    close(fds[1]);
    uint64_t bytes = 0;
    assert_int_equal(read(fds[0], &bytes, sizeof bytes), (ssize_t)sizeof bytes);
    close(fds[0]);
    waitpid(pid, NULL, 0);
    assert_true(bytes > 0);
    return bytes;
}

/* 20 MB made of `unit` repeated. */
static void put_repeated(const char *rel, const char *unit, size_t size)
{
    size_t ulen = strlen(unit);
    char *text = malloc(size);
    for (size_t i = 0; i < size; i++)
        text[i] = unit[i % ulen];
    put(rel, text, size);
    free(text);
}

#endif

static void test_memory_linear(void **state)
{
    (void)state;
#ifdef UNDER_ASAN
    skip(); /* the sanitizer's shadow memory and quarantine are not relmap's */
#else
    /* Garbage that once made a finding per line: 50 MB of ")\n" took 7 GB
     * and then ran out. Each must now stay within 6 times its size (the
     * text itself, a line index of 4 bytes per line, and the parse). */
    const size_t size = 20 * 1000 * 1000;
    static const struct {
        const char *file, *unit;
    } inputs[] = {
        {"lines.py", ")\n"},
        {"brackets.py", "x = (a[1], {b: c}) + f(\n"},
        {"junk.sql", "CREATE TABLE;\n"},
        {"parens.sql", "CREATE TABLE t (a INT CHECK ((((\n"},
        {"open.sql", "CREATE TABLE t((((((((((((((((((((((((((((((((((((((((((((((((((((("},
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        put_repeated(inputs[i].file, inputs[i].unit, size);
        const char *args[] = {"check", "--no-config", "--format", "json", "-o", "out.json",
                              inputs[i].file, NULL};
        uint64_t peak = peak_rss(args);
        double factor = (double)peak / (double)size;
        print_message("%s: peak %.1f MB, %.2f x its size\n", inputs[i].file, (double)peak / 1e6,
                      factor);
        assert_true(factor < 6.0);
    }
#endif
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_nested_python, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nested_sql, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nested_yaml, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gitignore_patterns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deep_folders, setup, teardown),
        cmocka_unit_test_setup_teardown(test_max_input_size, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_opts_version_1, setup, teardown),
        cmocka_unit_test_setup_teardown(test_syntax_errors_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_names_and_columns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_memory_linear, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
