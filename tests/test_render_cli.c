/*
 * test_render_cli.c - `relmap diagram` as CI uses it: --check (exit 1 after
 * the schema changed, 0 when unchanged), --inject into a fixture README
 * (testdata/diagram/inject/README.md), --split into a folder, usage
 * errors, and a layout that runs out of time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fixture.h"

/* From sanitizer/graphviz_leaks.c. */
const char *__lsan_default_suppressions(void);

#define SHOP_V1                                                                                    \
    "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"                       \
    "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES "        \
    "customers (id));\n"
#define SHOP_V2                                                                                    \
    SHOP_V1 "CREATE TABLE refunds (id INTEGER PRIMARY KEY, order_id INTEGER REFERENCES "           \
            "orders (id));\n"

typedef struct run_result {
    int status;
    char *out, *err;
} run_result;

static run_result diagram(const char *const *args)
{
    const char *argv[24] = {RELMAP_BIN, "diagram"};
    size_t n = 2;
    for (; *args; args++)
        argv[n++] = *args;
    argv[n] = NULL;
    run_result r = {-1, NULL, NULL};
    assert_int_equal(fx_run(argv, NULL, &r.out, &r.err, &r.status), 0);
    return r;
}

static void result_free(run_result *r)
{
    free(r->out);
    free(r->err);
}

static char *make_db(const char *dir, const char *name, const char *sql)
{
    char *db = fx_join(dir, name);
    unlink(db);
    char *error = NULL;
    if (fx_sql_to_db(sql, db, &error) != 0)
        fail_msg("%s", error);
    return db;
}

static void assert_one_line(const char *err, const char *needle)
{
    if (!strstr(err, needle) || strchr(err, '\n') != err + strlen(err) - 1)
        fail_msg("expected one line with '%s', got: %s", needle, err);
}

static void test_check(void **state)
{
    (void)state;
    char *dir = fx_mkdtemp();
    char *db = make_db(dir, "shop.db", SHOP_V1);
    char *out = fx_join(dir, "er.dot");
    const char *write_args[] = {db, "-o", out, NULL};
    run_result r = diagram(write_args);
    assert_int_equal(r.status, 0);
    result_free(&r);

    const char *check_args[] = {db, "-o", out, "--check", NULL};
    r = diagram(check_args);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    result_free(&r);

    /* The schema changes: the committed diagram is out of date, and is
     * left as it was. */
    free(db);
    db = make_db(dir, "shop.db", SHOP_V2);
    check_args[0] = db;
    size_t before_len;
    char *before = fx_read_file(out, &before_len);
    r = diagram(check_args);
    assert_int_equal(r.status, 1);
    assert_one_line(r.err, "er.dot: out of date");
    result_free(&r);
    size_t after_len;
    char *after = fx_read_file(out, &after_len);
    assert_int_equal(before_len, after_len);
    assert_memory_equal(before, after, before_len);
    free(before);
    free(after);

    /* A missing file is out of date too. */
    unlink(out);
    r = diagram(check_args);
    assert_int_equal(r.status, 1);
    assert_one_line(r.err, "out of date");
    result_free(&r);
    fx_rmtree(dir);
    free(dir);
    free(db);
    free(out);
}

/* relmap check --diagram: the report and the diagram from one read. */
static void test_check_writes_diagram(void **state)
{
    (void)state;
    char *dir = fx_mkdtemp();
    char *db = make_db(dir, "shop.db", SHOP_V1);
    char *out = fx_join(dir, "er.mmd");
    const char *argv[] = {RELMAP_BIN, "check",     "--select", "FK006", "--fail-on",
                          "info",     "--diagram", out,        db,      NULL};
    run_result r = {-1, NULL, NULL};
    assert_int_equal(fx_run(argv, NULL, &r.out, &r.err, &r.status), 0);
    assert_int_equal(r.status, 1); /* the check's status: FK006 at --fail-on info */
    assert_non_null(strstr(r.out, "[FK006 fk-missing-index]"));
    result_free(&r);
    char *mermaid = fx_read_file(out, NULL);
    assert_non_null(mermaid);
    assert_non_null(strstr(mermaid, "erDiagram"));
    assert_non_null(strstr(mermaid, "customers"));
    assert_non_null(strstr(mermaid, "orders"));
    free(mermaid);

    /* A name without a known extension is a usage error, before any work. */
    const char *bad[] = {RELMAP_BIN, "check", "--diagram", "er.txt", db, NULL};
    assert_int_equal(fx_run(bad, NULL, &r.out, &r.err, &r.status), 0);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.out, "");
    assert_non_null(strstr(r.err, "cannot tell the diagram's format from 'er.txt'"));
    result_free(&r);
    fx_rmtree(dir);
    free(dir);
    free(db);
    free(out);
}

static void test_inject(void **state)
{
    (void)state;
    char *dir = fx_mkdtemp();
    char *db = make_db(dir, "shop.db", SHOP_V1);
    size_t len;
    char *fixture = fx_read_file(RELMAP_TESTDATA "/diagram/inject/README.md", &len);
    assert_non_null(fixture);
    char *readme = fx_join(dir, "README.md");
    assert_int_equal(fx_write_file(readme, fixture, len), 0);

    const char *args[] = {db, "--inject", readme, NULL};
    run_result r = diagram(args);
    assert_int_equal(r.status, 0);
    result_free(&r);
    char *text = fx_read_file(readme, NULL);
    assert_non_null(strstr(text, "Some text before the diagram.\n\n<!-- relmap:begin -->\n"
                                 "```mermaid\nerDiagram\n"));
    assert_non_null(strstr(text, "customers ||..o{ orders : \"customer_id\"\n```\n"
                                 "<!-- relmap:end -->\n\nSome text after it.\n"));
    assert_null(strstr(text, "old diagram"));

    /* Again: the same bytes; and --check agrees, until the schema changes. */
    r = diagram(args);
    assert_int_equal(r.status, 0);
    result_free(&r);
    char *again = fx_read_file(readme, NULL);
    assert_string_equal(text, again);
    free(again);
    const char *check_args[] = {db, "--inject", readme, "--check", NULL};
    r = diagram(check_args);
    assert_int_equal(r.status, 0);
    result_free(&r);
    free(db);
    db = make_db(dir, "shop.db", SHOP_V2);
    check_args[0] = db;
    r = diagram(check_args);
    assert_int_equal(r.status, 1);
    assert_one_line(r.err, "README.md: out of date");
    result_free(&r);

    /* Markers missing, doubled, or out of order: exit 2, file untouched. */
    static const char doubled[] = "<!-- relmap:begin -->\n<!-- relmap:begin -->\n"
                                  "<!-- relmap:end -->\n";
    const char *broken[] = {"no markers\n", doubled,
                            "<!-- relmap:end -->\n<!-- relmap:begin -->\n"};
    args[0] = db;
    for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
        assert_int_equal(fx_write_file(readme, broken[i], strlen(broken[i])), 0);
        r = diagram(args);
        assert_int_equal(r.status, 2);
        assert_one_line(r.err, "--inject");
        result_free(&r);
        char *kept = fx_read_file(readme, NULL);
        assert_string_equal(kept, broken[i]);
        free(kept);
    }
    free(text);
    free(fixture);
    free(readme);
    free(db);
    fx_rmtree(dir);
    free(dir);
}

static void test_split_folder_and_usage(void **state)
{
    (void)state;
    char *dir = fx_mkdtemp();
    char *db = make_db(dir, "shop.db", SHOP_V2);
    char *parts = fx_join(dir, "parts");
    const char *args[] = {db, "--split", "components", "--format", "dot", "-o", parts, NULL};
    run_result r = diagram(args);
    assert_int_equal(r.status, 0);
    result_free(&r);
    char *overview = fx_join(parts, "overview.dot");
    /* Three tables: a small component, pooled with any others. */
    char *part = fx_join(parts, "small_groups.dot");
    assert_int_equal(access(overview, R_OK), 0);
    assert_int_equal(access(part, R_OK), 0);
    const char *check[] = {db,   "--split", "components", "--format", "dot",
                           "-o", parts,     "--check",    NULL};
    r = diagram(check);
    assert_int_equal(r.status, 0);
    result_free(&r);
    /* A part an earlier split made and this one does not: --check fails. */
    char *stale = fx_join(parts, "old_part.dot");
    assert_int_equal(fx_write_file(stale, "digraph {}\n", 11), 0);
    r = diagram(check);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "old_part.dot: not a part of this diagram any more"));
    result_free(&r);
    r = diagram(args);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.err, "old_part.dot is not a part of this diagram; left as it is"));
    result_free(&r);
    free(stale);

    /* --split auto below 150 tables: the folder gets the whole diagram. */
    char *small = fx_join(dir, "small/");
    const char *whole[] = {db, "--format", "dot", "-o", small, NULL};
    r = diagram(whole);
    assert_int_equal(r.status, 0);
    result_free(&r);
    char *whole_path = fx_join(small, "diagram.dot");
    assert_int_equal(access(whole_path, R_OK), 0);
    free(whole_path);
    free(small);

    const char *module[] = {db, "--group", "modules", "-o", "x.svg", NULL};
    r = diagram(module);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "schema, module or none"));
    result_free(&r);
    const char *depth[] = {db, "--depth", "2", "-o", "x.svg", NULL};
    r = diagram(depth);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "--depth needs --focus"));
    result_free(&r);
    const char *focus[] = {db, "--focus", "nope", "-o", "x.svg", NULL};
    r = diagram(focus);
    assert_int_equal(r.status, 2);
    assert_one_line(r.err, "no table 'nope'");
    result_free(&r);
    free(overview);
    free(part);
    free(parts);
    free(db);
    fx_rmtree(dir);
    free(dir);
}

/* A generated schema of 300 tables: three components of 100 (a hub and
 * its children each), or one of 300 (every table under t0). */
static char *generated_db(const char *dir, const char *name, unsigned component)
{
    char *sql = malloc(300 * 128);
    assert_non_null(sql);
    size_t len = 0;
    for (unsigned i = 0; i < 300; i++) {
        len += (size_t)sprintf(sql + len, "CREATE TABLE t%u (id INTEGER PRIMARY KEY, name TEXT", i);
        if (i % component)
            len += (size_t)sprintf(sql + len, ", parent_id INTEGER REFERENCES t%u (id)",
                                   i - i % component);
        len += (size_t)sprintf(sql + len, ");\n");
    }
    char *db = make_db(dir, name, sql);
    free(sql);
    return db;
}

/*
 * Under a 1 ms limit every layout of the whole schema is given up with a
 * note on stderr (keys, names, sfdp), then the parts are drawn into a
 * folder named after the file: parts of 100 tables lay out in-process,
 * without a limit, so they succeed; parts of 150 run out of time too and
 * the run fails in one line. A few seconds either way, never a hang.
 */
/* Model files: --split module writes one diagram per module (a Core Table
 * goes with the classes of its file), --group module draws one cluster per
 * module. */
static void test_modules(void **state)
{
    (void)state;
    char *dir = fx_mkdtemp();
    char *pkg = fx_join(RELMAP_TESTDATA, "models/mm_shop");
    char *out = fx_join(dir, "parts/");
    const char *split[] = {pkg, "--split", "module", "--format", "dot", "-o", out, NULL};
    run_result r = diagram(split);
    assert_int_equal(r.status, 0);
    result_free(&r);
    static const char *const parts[] = {"catalog.dot", "customers.dot", "orders.dot",
                                        "overview.dot"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        char *path = fx_join(out, parts[i]);
        assert_int_equal(access(path, R_OK), 0);
        free(path);
    }
    char *catalog_path = fx_join(out, "catalog.dot");
    char *catalog = fx_read_file(catalog_path, NULL);
    assert_non_null(strstr(catalog, "product_categories"));
    assert_non_null(strstr(catalog, "categories"));
    assert_null(strstr(catalog, ">customers<"));
    free(catalog);
    free(catalog_path);

    const char *group[] = {pkg, "--group", "module", "-o", "-", "--format", "dot", NULL};
    r = diagram(group);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "label=<<B>catalog</B>>"));
    assert_non_null(strstr(r.out, "label=<<B>orders</B>>"));
    result_free(&r);
    fx_rmtree(dir);
    free(out);
    free(pkg);
    free(dir);
}

static void test_layout_timeout(void **state)
{
    (void)state;
    char *dir = fx_mkdtemp();
    /* Under the sanitizers relmap itself lays out these parts, and
     * LeakSanitizer must know Graphviz's own leaks: the list this program
     * has from sanitizer/graphviz_leaks.c, handed to the child as a file. */
    char *suppressions = fx_join(dir, "lsan.supp");
    const char *known = __lsan_default_suppressions();
    assert_int_equal(fx_write_file(suppressions, known, strlen(known)), 0);
    char *lsan = malloc(strlen(suppressions) + sizeof "suppressions=:fast_unwind_on_malloc=0");
    assert_non_null(lsan);
    sprintf(lsan, "suppressions=%s:fast_unwind_on_malloc=0", suppressions);
    setenv("LSAN_OPTIONS", lsan, 1);
    char *db = generated_db(dir, "three.db", 100);
    char *out = fx_join(dir, "big.svg");
    /* Names only, to keep the parts' layouts quick under the sanitizers. */
    const char *args[] = {db, "--layout-timeout", "0.001", "--columns", "none", "-o", out, NULL};
    time_t start = time(NULL);
    run_result r = diagram(args);
    /* Generous bounds: the sanitizers and a loaded machine slow the parts'
     * layouts down; what matters is that the time-outs end the run. */
    assert_true(time(NULL) - start < 60);
    if (r.status != 0)
        fail_msg("exit %d: %s", r.status, r.err);
    assert_non_null(strstr(r.err, "note: the layout of 300 tables did not finish within 0.001 s; "
                                  "drawing table names only, laid out by sfdp\n"));
    assert_non_null(strstr(r.err, "big.svg: the whole diagram could not be laid out in time"));
    assert_int_equal(access(out, F_OK), -1);
    char *part = fx_join(dir, "big/t100.svg");
    assert_int_equal(access(part, R_OK), 0);
    free(part);
    result_free(&r);

    free(db);
    db = generated_db(dir, "star.db", 300);
    args[0] = db;
    r = diagram(args);
    assert_true(time(NULL) - start < 100);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "relmap: no layout of the 150 tables finished"));
    result_free(&r);
    unsetenv("LSAN_OPTIONS");
    free(lsan);
    free(suppressions);
    free(out);
    free(db);
    fx_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_check),          cmocka_unit_test(test_check_writes_diagram),
        cmocka_unit_test(test_inject),         cmocka_unit_test(test_split_folder_and_usage),
        cmocka_unit_test(test_layout_timeout), cmocka_unit_test(test_modules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
