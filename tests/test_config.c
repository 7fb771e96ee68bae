/*
 * test_config.c - the project file: what it reads, errors with file:line
 * for every mistake, finding it upward (stopping at a repository's root),
 * applying severities and per-file ignores, and declared relations as
 * foreign keys of the model.
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
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "relmap/relmap.h"

static relmap_config *parse_ok(const char *text)
{
    relmap_config *c = NULL;
    int rc = relmap_config_parse(&c, "cfg.yml", text, strlen(text));
    if (rc != 0)
        print_error("%s\n", relmap_error_last());
    assert_int_equal(rc, 0);
    return c;
}

static void assert_bad(const char *text, const char *message)
{
    relmap_config *c = (relmap_config *)1;
    assert_int_equal(relmap_config_parse(&c, "cfg.yml", text, strlen(text)), RELMAP_EFORMAT);
    assert_null(c);
    if (strcmp(relmap_error_last(), message) != 0)
        print_error("got: %s\n", relmap_error_last());
    assert_string_equal(relmap_error_last(), message);
}

static void test_reads_everything(void **state)
{
    (void)state;
    relmap_config *c = parse_ok("# comment\n"
                                "select: [FK, fk-unknown-table]\n"
                                "ignore: FK010\n"
                                "severity: {FK006: error, JT: info}\n"
                                "per-file-ignores:\n"
                                "  \"migrations/*.sql\": [FK006, TAB001]\n"
                                "dialect: postgres\n"
                                "fail-on: never\n"
                                "relations:\n"
                                "  - table: orders\n"
                                "    columns: [customer_id]\n"
                                "    ref_table: customers\n"
                                "    ref_columns: id\n");
    assert_true(c->has_select);
    assert_int_equal(c->nselect, 2);
    assert_string_equal(c->select[1], "fk-unknown-table");
    assert_int_equal(c->nignore, 1);
    assert_string_equal(c->ignore[0], "FK010");
    assert_int_equal(c->nseverities, 2);
    assert_int_equal(c->severities[1].severity, RELMAP_SEVERITY_INFO);
    assert_int_equal(c->npath_ignores, 1);
    assert_string_equal(c->path_ignores[0].glob, "migrations/*.sql");
    assert_int_equal(c->path_ignores[0].nrules, 2);
    assert_true(c->has_dialect);
    assert_int_equal(c->dialect, RELMAP_DIALECT_POSTGRES);
    assert_string_equal(c->fail_on, "never");
    assert_int_equal(c->relations.count, 1);
    const relmap_relation *r = &c->relations.items[0];
    assert_string_equal(r->table, "orders");
    assert_int_equal(r->nref_columns, 1);
    assert_string_equal(r->ref_columns[0], "id");
    /* The span starts at the relation's first key (line 10, column 5). */
    assert_true(strncmp(c->relations.text + r->start, "table: orders", 13) == 0);
    relmap_config_free(c);
    /* An empty file sets nothing. */
    c = parse_ok("");
    assert_false(c->has_select);
    assert_int_equal(c->relations.count, 0);
    relmap_config_free(c);
}

static void test_errors_name_file_and_line(void **state)
{
    (void)state;
    assert_bad("select: [FK]\nselct: [FK]\n",
               "cfg.yml:2:1: unknown key 'selct' (expected select, ignore, severity, "
               "per-file-ignores, dialect, fail-on or relations)");
    assert_bad("ignore: [FK001, FK999]\n", "cfg.yml:1:17: ignore: unknown rule 'FK999' "
                                           "(see 'relmap rules')");
    assert_bad("select: {FK: 1}\n", "cfg.yml:1:9: select: expected a list of rules");
    assert_bad("severity:\n  FK006: fatal\n", "cfg.yml:2:10: severity: expected error, warning "
                                              "or info");
    assert_bad("dialect: oracle\n", "cfg.yml:1:10: dialect: expected auto, sqlite, postgres or "
                                    "mysql");
    assert_bad("fail-on: [error]\n", "cfg.yml:1:10: fail-on: expected error, warning, info or "
                                     "never");
    assert_bad("- just\n- a list\n", "cfg.yml:1:1: expected a mapping of settings");
    assert_bad("relations:\n  - {table: t, columns: [a], ref_tabel: u}\n",
               "cfg.yml:2:30: relations: unknown key 'ref_tabel' (expected table, columns, "
               "ref_table, ref_columns)");
    assert_bad("relations:\n  - {table: t, ref_table: u}\n",
               "cfg.yml:2:5: relations: a relation needs table, columns and ref_table");
    assert_bad("relations:\n  - {table: t, columns: [a, b], ref_table: u, ref_columns: [x]}\n",
               "cfg.yml:2:5: relations: columns and ref_columns differ in number");
    /* Malformed YAML: libyaml's reason, at its position. */
    relmap_config *c = NULL;
    assert_int_equal(relmap_config_parse(&c, "cfg.yml", "select: [FK\n", 12), RELMAP_EFORMAT);
    assert_true(strncmp(relmap_error_last(), "cfg.yml:2:1: cannot parse: ", 27) == 0);
    /* Deep nesting is refused before libyaml's scanner, whose time grows
     * with the square of the depth, builds the document (fuzz_config). */
    char deep[200000];
    size_t n = (size_t)snprintf(deep, sizeof deep, "select: ");
    while (n + 2 < sizeof deep / 2)
        deep[n++] = '[';
    deep[n] = '\0';
    assert_int_equal(relmap_config_parse(&c, "cfg.yml", deep, n), RELMAP_EFORMAT);
    assert_string_equal(relmap_error_last(), "cfg.yml:1:72: nested deeper than 64 levels");
}

static void make_dir(const char *root, const char *sub)
{
    char *p = fx_join(root, sub);
    assert_int_equal(mkdir(p, 0755), 0);
    free(p);
}

static void touch(const char *root, const char *sub)
{
    char *p = fx_join(root, sub);
    assert_int_equal(fx_write_file(p, "", 0), 0);
    free(p);
}

static void test_find_upward(void **state)
{
    (void)state;
    char *root = fx_mkdtemp();
    make_dir(root, "repo");
    make_dir(root, "repo/.git");
    make_dir(root, "repo/a");
    make_dir(root, "repo/a/b");
    /* Above the repository: never found from inside it. */
    touch(root, ".relmap.yml");
    char *start = fx_join(root, "repo/a/b");
    char *found = NULL;
    assert_int_equal(relmap_config_find(&found, start), 0);
    assert_null(found);
    touch(root, "repo/.relmap.yml");
    assert_int_equal(relmap_config_find(&found, start), 1);
    assert_non_null(strstr(found, "repo/.relmap.yml"));
    free(found);
    touch(root, "repo/a/.relmap.yml");
    assert_int_equal(relmap_config_find(&found, start), 1);
    assert_non_null(strstr(found, "repo/a/.relmap.yml"));
    free(found);
    free(start);
    fx_rmtree(root);
    free(root);
}

static void test_apply_and_relations(void **state)
{
    (void)state;
    char *dir = fx_mkdtemp();
    make_dir(dir, "migrations");
    const char *sql = "CREATE TABLE customers (id INTEGER PRIMARY KEY);\n"
                      "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER);\n";
    char *schema = fx_join(dir, "schema.sql"), *mig = fx_join(dir, "migrations/m1.sql");
    assert_int_equal(fx_write_file(schema, sql, strlen(sql)), 0);
    const char *m1 = "CREATE TABLE t (a INTEGER REFERENCES nope(id));\n";
    assert_int_equal(fx_write_file(mig, m1, strlen(m1)), 0);
    char *cfg_path = fx_join(dir, ".relmap.yml");
    const char *cfg_text = "per-file-ignores: {\"migrations/*.sql\": [TAB001]}\n"
                           "severity: {FK006: error}\n"
                           "relations:\n"
                           "  - {table: orders, columns: [customer_id], ref_table: customers}\n";
    assert_int_equal(fx_write_file(cfg_path, cfg_text, strlen(cfg_text)), 0);
    relmap_config *c = NULL;
    assert_int_equal(relmap_config_load(&c, cfg_path), 0);

    relmap_load_opts lo = RELMAP_LOAD_OPTS_INIT;
    lo.relations = &c->relations;
    const char *inputs[] = {schema, mig};
    relmap_model *model = NULL;
    assert_int_equal(relmap_load(&model, inputs, 2, &lo), 0);
    const relmap_table *orders = relmap_model_find_table(model, NULL, "orders");
    assert_int_equal(orders->nfks, 1);
    assert_true(orders->fks[0].declared);
    assert_non_null(orders->fks[0].ref_table); /* resolved like any key */
    relmap_location loc;
    assert_int_equal(relmap_span_locate(model, orders->fks[0].span, &loc), 0);
    assert_string_equal(loc.path, cfg_path);
    assert_int_equal(loc.line, 4);

    relmap_findings *fs = NULL;
    assert_int_equal(relmap_check(&fs, model, NULL), 0);
    relmap_config_apply(c, model, fs);
    bool fk006 = false, tab001_in_migration = false, fk001 = false;
    for (size_t i = 0; i < fs->count; i++) {
        const relmap_finding *f = &fs->items[i];
        if (strcmp(f->rule->id, "FK006") == 0) {
            fk006 = true;
            assert_int_equal(f->severity, RELMAP_SEVERITY_ERROR);
        }
        tab001_in_migration |= strcmp(f->rule->id, "TAB001") == 0;
        fk001 |= strcmp(f->rule->id, "FK001") == 0;
    }
    assert_true(fk006);                /* the declared key has no index */
    assert_false(tab001_in_migration); /* t has no primary key: ignored there */
    assert_true(fk001);                /* other rules still report there */
    relmap_findings_free(fs);
    relmap_model_free(model);

    /* A relation on a table the inputs do not have: an error at its line. */
    const char *bad = "relations:\n  - {table: nope, columns: [a], ref_table: customers}\n";
    relmap_config *c2 = NULL;
    assert_int_equal(relmap_config_parse(&c2, "p.yml", bad, strlen(bad)), 0);
    lo.relations = &c2->relations;
    assert_int_equal(relmap_load(&model, inputs, 1, &lo), RELMAP_EINVAL);
    assert_string_equal(relmap_error_last(), "p.yml:2:5: relations: no table 'nope' in the inputs");
    relmap_config_free(c2);
    relmap_config_free(c);
    free(cfg_path);
    free(schema);
    free(mig);
    fx_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reads_everything),
        cmocka_unit_test(test_errors_name_file_and_line),
        cmocka_unit_test(test_find_upward),
        cmocka_unit_test(test_apply_and_relations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
