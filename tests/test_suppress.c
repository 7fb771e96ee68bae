/*
 * test_suppress.c - inline suppression comments (relmap_suppress): where
 * they apply, what they name, what counts as unused, and comments inside
 * the CREATE statements a database stores.
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

#include "fixture.h"
#include "relmap/relmap.h"

typedef struct checked {
    char *dir;
    relmap_model *model;
    relmap_findings *findings;
    relmap_suppress_result *result;
} checked;

/* Writes `sql` to a file (or, with `as_db`, a database made from it),
 * loads and checks it with `select`, and applies the suppressions. */
static checked run(const char *sql, const char *select, bool as_db)
{
    checked c;
    memset(&c, 0, sizeof c);
    c.dir = fx_mkdtemp();
    char *path = fx_join(c.dir, as_db ? "s.db" : "s.sql");
    if (as_db)
        assert_int_equal(fx_sql_to_db(sql, path, NULL), 0);
    else
        assert_int_equal(fx_write_file(path, sql, strlen(sql)), 0);
    relmap_load_opts lo = RELMAP_LOAD_OPTS_INIT;
    const char *inputs[] = {path};
    assert_int_equal(relmap_load(&c.model, inputs, 1, &lo), 0);
    relmap_check_opts co = RELMAP_CHECK_OPTS_INIT;
    const char *sel[] = {select};
    co.select = sel;
    co.nselect = select ? 1 : 0;
    assert_int_equal(relmap_check(&c.findings, c.model, &co), 0);
    assert_int_equal(relmap_suppress(c.findings, c.model, &c.result), 0);
    free(path);
    return c;
}

static void done(checked *c)
{
    relmap_suppress_result_free(c->result);
    relmap_findings_free(c->findings);
    relmap_model_free(c->model);
    fx_rmtree(c->dir);
    free(c->dir);
}

static size_t count_rule(const relmap_findings *f, const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < f->count; i++)
        n += strcmp(f->items[i].rule->id, id) == 0;
    return n;
}

/* Three keys to missing tables (FK001) on lines 3, 5 and 7. */
static const char three_keys[] = "CREATE TABLE t (\n"
                                 "  id INTEGER PRIMARY KEY,\n"
                                 "  a INTEGER REFERENCES nope_a(id), %s\n"
                                 "  %s\n"
                                 "  b INTEGER REFERENCES nope_b(id),\n"
                                 "  %s\n"
                                 "\n"
                                 "  c INTEGER REFERENCES nope_c(id)\n"
                                 ");\n";

static checked run3(const char *same_line, const char *before_b, const char *two_before_c)
{
    char sql[1024];
    snprintf(sql, sizeof sql, three_keys, same_line, before_b, two_before_c);
    return run(sql, "FK001", false);
}

static void test_line_and_line_before(void **state)
{
    (void)state;
    checked c = run3("", "", "");
    assert_int_equal(c.findings->count, 3);
    done(&c);
    /* Same line, the line before, and two lines before (which is too far). */
    c = run3("-- relmap: ignore[FK001]", "-- relmap: ignore[FK001]", "-- relmap: ignore[FK001]");
    assert_int_equal(c.findings->count, 1);
    assert_non_null(strstr(c.findings->items[0].message, "nope_c"));
    assert_int_equal(c.result->suppressed, 2);
    /* The third comment found nothing: reported as unused. */
    assert_int_equal(c.result->nunused, 1);
    assert_string_equal(c.result->unused[0].rule, "FK001");
    assert_true(c.result->unused[0].known);
    done(&c);
}

static void test_names_and_forms(void **state)
{
    (void)state;
    /* A rule name, any case, several entries, and a `#` leader later on
     * the comment's line (Python's leader; SQL needs `--` to stay SQL). */
    checked c =
        run3("-- relmap: ignore[fk-UNKNOWN-table]", "-- see # relmap: ignore[FK006, fk001]", "");
    assert_int_equal(c.findings->count, 1);
    done(&c);
    c = run3("-- relmap: ignore", "", "");
    assert_int_equal(c.findings->count, 2);
    assert_int_equal(c.result->nunused, 0);
    done(&c);
    /* Another rule's id does not suppress this one. */
    c = run3("-- relmap: ignore[FK006]", "", "");
    assert_int_equal(c.findings->count, 3);
    done(&c);
    /* Prose and markers outside comments are not suppressions. */
    c = run3("-- relmap: ignored on purpose", "", "");
    assert_int_equal(c.findings->count, 3);
    done(&c);
}

static void test_file_wide(void **state)
{
    (void)state;
    checked c = run3("", "", "-- relmap: ignore-file[FK001]");
    assert_int_equal(c.findings->count, 0);
    assert_int_equal(c.result->suppressed, 3);
    done(&c);
    c = run3("", "", "-- relmap: ignore-file[TAB001]");
    assert_int_equal(c.findings->count, 3);
    done(&c);
}

static void test_unused(void **state)
{
    (void)state;
    checked c = run3("-- relmap: ignore[FK001,NOPE42]", "-- relmap: ignore", "-- relmap: ignore[]");
    /* NOPE42 is no rule; the bare ignore before b is used; `ignore[]`
     * ignores nothing. */
    assert_int_equal(c.findings->count, 1);
    assert_int_equal(c.result->nunused, 2);
    assert_string_equal(c.result->unused[0].rule, "NOPE42");
    assert_false(c.result->unused[0].known);
    assert_null(c.result->unused[1].rule);
    done(&c);
    /* FK006 did not run (only FK001 was selected): not reported. */
    c = run3("-- relmap: ignore[FK001,FK006]", "", "");
    assert_int_equal(c.result->nunused, 0);
    done(&c);
}

/* SQLite keeps comments inside a CREATE statement in sqlite_schema. */
static void test_database_statements(void **state)
{
    (void)state;
    char sql[1024];
    snprintf(sql, sizeof sql, three_keys, "-- relmap: ignore[FK001]", "", "");
    checked c = run(sql, "FK001", true);
    assert_int_equal(c.findings->count, 2);
    assert_int_equal(count_rule(c.findings, "FK001"), 2);
    done(&c);
    snprintf(sql, sizeof sql, three_keys, "", "", "-- relmap: ignore-file[FK001]");
    c = run(sql, "FK001", true);
    assert_int_equal(c.findings->count, 0);
    done(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_line_and_line_before),
        cmocka_unit_test(test_names_and_forms),
        cmocka_unit_test(test_file_wide),
        cmocka_unit_test(test_unused),
        cmocka_unit_test(test_database_statements),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
