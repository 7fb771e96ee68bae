/*
 * test_render_select.c - which tables a diagram shows: golden DOT for the
 * --focus/--depth/--include/--exclude cases under testdata/diagram/select/
 * (run through the CLI), and, on models built in memory, schema-qualified
 * globs, case, stubs for the tables left out, --group schema clusters,
 * relmap_render_count, and the errors.
 *
 * A case is a folder testdata/diagram/select/<case>/ with `args` (one
 * argument a line) and expected.dot; all cases draw select/shop.sql (not
 * schema.sql, which would make the folder a case of test_render.c).
 * RELMAP_UPDATE_GOLDEN=1 rewrites the expected files.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "fixture.h"
#include "model_build.h"
#include "relmap/relmap.h"
#include "relmap/render.h"
#include "resolve.h"

#define CASES RELMAP_TESTDATA "/diagram/select"

static int buf_write(void *payload, const char *data, size_t len)
{
    rm_buf_add(payload, data, len);
    return 0;
}

static char *render_dot(const relmap_model *m, relmap_render_opts opts)
{
    rm_buf out = RM_BUF_INIT;
    if (relmap_render(m, NULL, &opts, buf_write, &out) != 0)
        fail_msg("relmap_render: %s", relmap_error_last());
    char *text = rm_strdup(rm_buf_cstr(&out));
    rm_buf_free(&out);
    return text;
}

static size_t count(const char *haystack, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(haystack, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* ---- models built in memory ---- */

static relmap_table *table(relmap_model *m, const char *schema, const char *name)
{
    relmap_table *t = mb_table(m, schema, name, RELMAP_KIND_TABLE, mb_no_span());
    mb_column(m, t, "id", "INTEGER", mb_no_span())->pk_position = 1;
    mb_primary_key(m, t, NULL, mb_no_span());
    mb_key_column(m, &t->primary_key, "id", mb_no_span());
    return t;
}

static void key(relmap_model *m, relmap_table *child, const char *column, const char *schema,
                const char *parent)
{
    mb_column(m, child, column, "INTEGER", mb_no_span());
    relmap_fk *fk = mb_fk(m, child, NULL, schema, parent, mb_no_span());
    mb_fk_column(m, fk, column, mb_no_span());
}

/* sales.orders -> sales.customers, hr.staff, sales.orders -> hr.staff, and
 * a schema name that is markup. */
static relmap_model *schemas_model(void)
{
    relmap_model *m = mb_model_new();
    m->dialect = RELMAP_DIALECT_SQLITE;
    table(m, "sales", "customers");
    relmap_table *orders = table(m, "sales", "orders");
    table(m, "hr", "staff");
    key(m, orders, "customer_id", "sales", "customers");
    key(m, orders, "clerk_id", "hr", "staff");
    relmap_table *odd = table(m, "<b>x&y</b>", "Odd");
    key(m, odd, "staff_id", "hr", "staff");
    rm_resolve(m);
    return m;
}

static void test_globs_and_schemas(void **state)
{
    (void)state;
    relmap_model *m = schemas_model();
    relmap_render_opts opts = RELMAP_RENDER_OPTS_INIT;
    opts.legend = false;
    const char *include[] = {"sales.*"};
    opts.include = include;
    opts.ninclude = 1;
    size_t n;
    assert_int_equal(relmap_render_count(m, &opts, &n), 0);
    assert_int_equal(n, 2);
    /* The plain name matches too, and SQLite names ignore case. */
    const char *by_name[] = {"ORD*", "odd"};
    opts.include = by_name;
    opts.ninclude = 2;
    assert_int_equal(relmap_render_count(m, &opts, &n), 0);
    assert_int_equal(n, 2);
    /* Both orders' keys leave the diagram: one stub, counting two tables;
     * staff (not shown) is referenced by Odd: Odd's stub counts one. */
    char *dot = render_dot(m, opts);
    assert_non_null(strstr(dot, "label=\"+2 tables not shown\""));
    assert_non_null(strstr(dot, "label=\"+1 table not shown\""));
    assert_int_equal(count(dot, " -> s"), 2);
    assert_null(strstr(dot, "customers"));
    free(dot);

    const char *exclude[] = {"hr.*", "*.Odd"};
    opts.include = NULL;
    opts.ninclude = 0;
    opts.exclude = exclude;
    opts.nexclude = 2;
    assert_int_equal(relmap_render_count(m, &opts, &n), 0);
    assert_int_equal(n, 2);
    relmap_model_free(m);
}

/* --group schema: one cluster per schema in order of appearance, its
 * label escaped; no stubs when every table is shown. */
static void test_group_schema(void **state)
{
    (void)state;
    relmap_model *m = schemas_model();
    relmap_render_opts opts = RELMAP_RENDER_OPTS_INIT;
    opts.group = RELMAP_GROUP_SCHEMA;
    char *dot = render_dot(m, opts);
    assert_non_null(strstr(dot, "  subgraph cluster_0 {\n    label=<<B>sales</B>>;"));
    assert_non_null(strstr(dot, "\n    t0; t1;\n  }\n"));
    assert_non_null(strstr(dot, "  subgraph cluster_1 {\n    label=<<B>hr</B>>;"));
    assert_non_null(strstr(dot, "label=<<B>&lt;b&gt;x&amp;y&lt;/b&gt;</B>>"));
    assert_null(strstr(dot, "<b>x&y"));
    assert_null(strstr(dot, "not shown"));
    free(dot);
    opts.format = RELMAP_RENDER_SVG;
    rm_buf svg = RM_BUF_INIT;
    assert_int_equal(relmap_render(m, NULL, &opts, buf_write, &svg), 0);
    assert_non_null(strstr(rm_buf_cstr(&svg), "class=\"cluster\""));
    rm_buf_free(&svg);
    relmap_model_free(m);
}

static void test_focus_errors(void **state)
{
    (void)state;
    relmap_model *m = schemas_model();
    relmap_render_opts opts = RELMAP_RENDER_OPTS_INIT;
    const char *missing[] = {"nope"};
    opts.focus = missing;
    opts.nfocus = 1;
    size_t n;
    assert_int_equal(relmap_render_count(m, &opts, &n), RELMAP_EINVAL);
    assert_non_null(strstr(relmap_error_last(), "'nope'"));
    const char *staff[] = {"hr.staff"};
    const char *no_hr[] = {"hr.*"};
    opts.focus = staff;
    opts.exclude = no_hr;
    opts.nexclude = 1;
    rm_buf out = RM_BUF_INIT;
    assert_int_equal(relmap_render(m, NULL, &opts, buf_write, &out), RELMAP_EINVAL);
    assert_non_null(strstr(relmap_error_last(), "left out"));
    assert_int_equal(out.len, 0);
    /* Depth 0 is the focus alone; 1 adds both its parents and children. */
    opts.nexclude = 0;
    opts.depth = 0;
    assert_int_equal(relmap_render_count(m, &opts, &n), 0);
    assert_int_equal(n, 1);
    opts.depth = 1;
    assert_int_equal(relmap_render_count(m, &opts, &n), 0);
    assert_int_equal(n, 3);
    opts.depth = 2;
    assert_int_equal(relmap_render_count(m, &opts, &n), 0);
    assert_int_equal(n, 4);
    relmap_model_free(m);
}

/* The text formats leave keys to hidden tables out: no stub entities. */
static void test_text_formats_drop_hidden_keys(void **state)
{
    (void)state;
    relmap_model *m = schemas_model();
    relmap_render_opts opts = RELMAP_RENDER_OPTS_INIT;
    const char *orders[] = {"orders"};
    opts.include = orders;
    opts.ninclude = 1;
    for (int f = RELMAP_RENDER_MERMAID; f <= RELMAP_RENDER_DBML; f++) {
        opts.format = (relmap_render_format)f;
        char *text = render_dot(m, opts);
        assert_null(strstr(text, "not shown"));
        assert_null(strstr(text, "staff"));
        assert_non_null(strstr(text, "orders"));
        free(text);
    }
    relmap_model_free(m);
}

/* ---- golden cases, through the CLI ---- */

static char *run_case(const char *db, const char *case_dir, int *status)
{
    char *args_path = fx_join(case_dir, "args");
    char *args = fx_read_file(args_path, NULL);
    if (!args)
        fail_msg("%s: cannot read", args_path);
    const char *argv[32] = {RELMAP_BIN, "diagram", db,   "--no-findings",
                            "--format", "dot",     "-o", "-"};
    size_t argc = 8;
    for (char *line = strtok(args, "\n"); line; line = strtok(NULL, "\n")) {
        assert_true(argc + 1 < sizeof argv / sizeof argv[0]);
        argv[argc++] = line;
    }
    argv[argc] = NULL;
    char *out = NULL, *err = NULL;
    assert_int_equal(fx_run(argv, NULL, &out, &err, status), 0);
    if (*status != 0)
        fail_msg("%s: exit %d: %s", case_dir, *status, err);
    free(err);
    free(args);
    free(args_path);
    return out;
}

static void compare_golden(const char *case_dir, const char *actual)
{
    char *path = fx_join(case_dir, "expected.dot");
    const char *update = getenv("RELMAP_UPDATE_GOLDEN");
    if (update && strcmp(update, "1") == 0) {
        assert_int_equal(fx_write_file(path, actual, strlen(actual)), 0);
    } else {
        char *expected = fx_read_file(path, NULL);
        if (!expected)
            fail_msg("%s: missing (RELMAP_UPDATE_GOLDEN=1 writes it)", path);
        if (strcmp(expected, actual) != 0)
            fail_msg("%s: differs from the output; got:\n%s", path, actual);
        free(expected);
    }
    free(path);
}

static void test_golden_cases(void **state)
{
    (void)state;
    char *sql = fx_read_file(CASES "/shop.sql", NULL);
    assert_non_null(sql);
    char *scratch = fx_mkdtemp();
    char *db = fx_join(scratch, "shop.db");
    char *error = NULL;
    if (fx_sql_to_db(sql, db, &error) != 0)
        fail_msg("shop.sql: %s", error);
    DIR *dir = opendir(CASES);
    assert_non_null(dir);
    size_t ncases = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.' || strchr(entry->d_name, '.'))
            continue;
        char *case_dir = fx_join(CASES, entry->d_name);
        print_message("selection case %s\n", entry->d_name);
        int status;
        char *dot = run_case(db, case_dir, &status);
        compare_golden(case_dir, dot);
        free(dot);
        free(case_dir);
        ncases++;
    }
    closedir(dir);
    assert_true(ncases >= 5);
    fx_rmtree(scratch);
    free(scratch);
    free(db);
    free(sql);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_globs_and_schemas),
        cmocka_unit_test(test_group_schema),
        cmocka_unit_test(test_focus_errors),
        cmocka_unit_test(test_text_formats_drop_hidden_keys),
        cmocka_unit_test(test_golden_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
