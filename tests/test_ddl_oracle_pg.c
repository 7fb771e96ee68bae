/*
 * test_ddl_oracle_pg.c - relmap's model of PostgreSQL DDL against the
 * server's own catalog.
 *
 * For each testdata/ddl/postgres/<case>/input.sql: a fresh database in the
 * throw-away server that ctest starts for this test (fixture pg_server,
 * scripts/pg-server; its socket folder in $RELMAP_PG_SOCKET), the file
 * loaded with psql, the schema read back from the catalog by
 * tests/pg/catalog.sql, then `relmap dump --dialect postgres input.sql`,
 * and both compared as normalised facts (tests/pg/oracle_json.h).
 *
 * Until relmap reads .sql files (a probe says "not a SQLite database" or
 * does not know --dialect), the relmap half of each case is skipped: the
 * fixtures are still loaded and read back, so they stay valid PostgreSQL.
 */
#include <dirent.h>
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
#include "oracle_json.h"

static struct {
    const char *socket_dir;
    char *psql;
    char *scratch;
    /* Why relmap's side is skipped, or NULL when relmap reads .sql. */
    char *reader_missing;
} env;

/* ---- helpers ---- */

static char *cat3(const char *a, const char *b, const char *c)
{
    size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
    char *s = malloc(la + lb + lc + 1);
    memcpy(s, a, la);
    memcpy(s + la, b, lb);
    memcpy(s + la + lb, c, lc + 1);
    return s;
}

/* Runs psql on database `db` with the extra arguments; fails the test with
 * its stderr unless it exits 0. Returns its stdout (caller frees). */
static char *psql(const char *db, const char *opt, const char *arg)
{
    const char *argv[] = {env.psql, "-X",
                          "-q",     "-At",
                          "-v",     "ON_ERROR_STOP=1",
                          "-h",     env.socket_dir,
                          "-U",     "postgres",
                          "-d",     db,
                          opt,      arg,
                          NULL};
    char *out = NULL, *err = NULL;
    int status = -1;
    assert_int_equal(fx_run(argv, NULL, &out, &err, &status), 0);
    if (status != 0) {
        print_error("psql -d %s %s %s: exit %d\n%s", db, opt, arg, status, err);
        free(out);
        free(err);
        fail();
    }
    free(err);
    return out;
}

static void drop_database(const char *db)
{
    char *sql = cat3("DROP DATABASE IF EXISTS \"", db, "\"");
    free(psql("postgres", "-c", sql));
    free(sql);
}

/* ---- the gate: does relmap read .sql files yet? ---- */

static char *probe_reader(void)
{
    char *probe = fx_join(env.scratch, "probe.sql");
    const char *sql = "CREATE TABLE probe (id integer PRIMARY KEY);\n";
    if (fx_write_file(probe, sql, strlen(sql)) != 0) {
        free(probe);
        return strdup("cannot write the probe file");
    }
    const char *argv[] = {RELMAP_BIN, "dump", "--dialect", "postgres", probe, NULL};
    char *out = NULL, *err = NULL;
    int status = -1;
    char *why = NULL;
    if (fx_run(argv, NULL, &out, &err, &status) != 0)
        why = strdup("cannot run relmap");
    else if (status == 2 &&
             (strstr(err, "not a SQLite database") || strstr(err, "unknown option '--dialect'")))
        why = cat3("relmap does not read .sql files yet (`relmap dump --dialect postgres x.sql`: ",
                   strtok(err, "\n"), ")");
    free(out);
    free(err);
    free(probe);
    return why;
}

static int group_setup(void **state)
{
    (void)state;
    env.socket_dir = getenv("RELMAP_PG_SOCKET");
    if (!env.socket_dir || !*env.socket_dir) {
        print_error("RELMAP_PG_SOCKET is not set: run this through ctest, which starts the "
                    "server (fixture pg_server, scripts/pg-server)\n");
        return -1;
    }
    char *bindir_file = fx_join(env.socket_dir, "bindir");
    char *bindir = fx_read_file(bindir_file, NULL);
    free(bindir_file);
    if (!bindir) {
        print_error("no server in %s (scripts/pg-server start did not run or failed)\n",
                    env.socket_dir);
        return -1;
    }
    bindir[strcspn(bindir, "\n")] = '\0';
    env.psql = fx_join(bindir, "psql");
    free(bindir);
    env.scratch = fx_mkdtemp();
    if (!env.scratch)
        return -1;
    env.reader_missing = probe_reader();
    if (env.reader_missing)
        print_message("NOTE: %s; the relmap half of every case is skipped, the PostgreSQL "
                      "half still runs\n",
                      env.reader_missing);
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    fx_rmtree(env.scratch);
    free(env.scratch);
    free(env.psql);
    free(env.reader_missing);
    return 0;
}

/* ---- one case ---- */

static oj_value *parse_or_fail(const char *what, const char *text)
{
    char *error = NULL;
    oj_value *doc = oj_parse(text, &error);
    if (!doc) {
        print_error("%s is not JSON: %s\n%.2000s\n", what, error, text);
        free(error);
        fail();
    }
    return doc;
}

/* The catalog of the case's input loaded into a fresh database. */
static oj_value *catalog_of(const char *case_name, const char *input)
{
    char *db = cat3("relmap_", case_name, "");
    drop_database(db);
    char *sql = cat3("CREATE DATABASE \"", db, "\" TEMPLATE template0");
    free(psql("postgres", "-c", sql));
    free(sql);
    free(psql(db, "-f", input));
    char *json = psql(db, "-f", RELMAP_PG_CATALOG_SQL);
    drop_database(db);
    free(db);
    oj_value *doc = parse_or_fail("the catalog oracle's output", json);
    free(json);
    return doc;
}

/* Line by line: cmocka's print_error cuts long messages. */
static void print_report(const char *report)
{
    for (const char *p = report; *p;) {
        size_t len = strcspn(p, "\n");
        print_error("%.*s\n", (int)len, p);
        p += len + (p[len] == '\n');
    }
}

static oj_value *relmap_dump(const char *case_dir)
{
    const char *argv[] = {RELMAP_BIN, "dump", "--dialect", "postgres", "input.sql", NULL};
    char *out = NULL, *err = NULL;
    int status = -1;
    assert_int_equal(fx_run(argv, case_dir, &out, &err, &status), 0);
    if (status != 0) {
        print_error("relmap dump --dialect postgres input.sql: exit %d\n%s", status, err);
        free(out);
        free(err);
        fail();
    }
    free(err);
    oj_value *doc = parse_or_fail("relmap dump's output", out);
    free(out);
    return doc;
}

static void run_case(void **state)
{
    const char *case_dir = *state;
    const char *case_name = strrchr(case_dir, '/') + 1;
    char *input = fx_join(case_dir, "input.sql");

    oj_value *catalog = catalog_of(case_name, input);
    of_facts expected;
    assert_int_equal(of_facts_from(&expected, catalog), 0);
    /* Every fixture makes at least one table, or it tests nothing here. */
    assert_true(expected.n > 0);
    free(input);

    if (env.reader_missing) {
        of_facts_free(&expected);
        oj_free(catalog);
        skip();
    }

    oj_value *dump = relmap_dump(case_dir);
    of_facts actual;
    assert_int_equal(of_facts_from(&actual, dump), 0);
    char *report = NULL;
    size_t misses = of_compare(&expected, &actual, &report);
    misses += oj_exact_names(catalog, dump, &report);
    if (misses) {
        print_error("%s: relmap's model differs from PostgreSQL's catalog in %zu facts:\n",
                    case_name, misses);
        print_report(report);
    }
    free(report);
    of_facts_free(&expected);
    of_facts_free(&actual);
    oj_free(catalog);
    oj_free(dump);
    assert_int_equal(misses, 0);
}

/* ---- the comparison itself, on documents written here ---- */

static size_t compare_texts(const char *catalog_json, const char *dump_json, char **report)
{
    oj_value *a = oj_parse(catalog_json, NULL), *b = oj_parse(dump_json, NULL);
    assert_non_null(a);
    assert_non_null(b);
    of_facts fa, fb;
    assert_int_equal(of_facts_from(&fa, a), 0);
    assert_int_equal(of_facts_from(&fb, b), 0);
    *report = NULL;
    size_t misses = of_compare(&fa, &fb, report) + oj_exact_names(a, b, report);
    of_facts_free(&fa);
    of_facts_free(&fb);
    oj_free(a);
    oj_free(b);
    return misses;
}

static void test_normalisation(void **state)
{
    (void)state;
    const char *catalog =
        "{\"tables\": [{\"name\": \"orders\", \"schema\": \"public\", \"kind\": \"table\","
        " \"columns\": [{\"name\": \"id\", \"type\": \"integer\", \"nullable\": false,"
        " \"primary_key\": true}, {\"name\": \"Note\", \"type\": \"character varying(20)[]\","
        " \"nullable\": true, \"primary_key\": false}],"
        " \"primary_key\": [\"id\"], \"unique\": [],"
        " \"indexes\": [{\"name\": \"orders_id_idx\", \"columns\": [\"lower(\\\"Note\\\"::text)\"],"
        " \"unique\": false, \"where\": null}],"
        " \"foreign_keys\": [{\"name\": \"orders_id_fkey\", \"columns\": [\"id\"],"
        " \"ref_table\": \"orders\", \"ref_columns\": [\"id\"], \"on_delete\": \"NO ACTION\","
        " \"on_update\": \"NO ACTION\", \"ref_schema\": \"public\", \"deferrable\": null}]}]}";
    /* As relmap writes it: unquoted ORDERS, short type names, nothing
     * written where PostgreSQL fills in defaults, a view to ignore. */
    const char *dump =
        "{\"tables\": [{\"name\": \"ORDERS\", \"schema\": null, \"kind\": \"table\","
        " \"columns\": [{\"name\": \"Id\", \"type\": \"INT4\", \"nullable\": false,"
        " \"primary_key\": true}, {\"name\": \"Note\", \"type\": \"VARCHAR( 20 ) ARRAY\","
        " \"nullable\": true, \"primary_key\": false}],"
        " \"primary_key\": [\"Id\"], \"unique\": [],"
        " \"indexes\": [{\"name\": null, \"columns\": [\"lower((\\\"Note\\\")::text)\"],"
        " \"unique\": false, \"where\": null}],"
        " \"foreign_keys\": [{\"name\": null, \"columns\": [\"id\"],"
        " \"ref_table\": \"orders\", \"ref_columns\": [], \"on_delete\": null,"
        " \"on_update\": null, \"deferrable\": null}]},"
        " {\"name\": \"v\", \"schema\": null, \"kind\": \"view\", \"columns\": []}]}";
    char *report = NULL;
    size_t misses = compare_texts(catalog, dump, &report);
    if (misses)
        print_report(report);
    assert_int_equal(misses, 0);
    free(report);

    /* A real difference shows on both sides of the report, and a quoted
     * name that lost its case is caught. */
    const char *wrong =
        "{\"tables\": [{\"name\": \"orders\", \"schema\": null, \"kind\": \"table\","
        " \"columns\": [{\"name\": \"id\", \"type\": \"bigint\", \"nullable\":"
        " false, \"primary_key\": true}, {\"name\": \"note\", \"type\": \"text\","
        " \"nullable\": true, \"primary_key\": false}],"
        " \"primary_key\": [\"id\"], \"unique\": [], \"indexes\": [],"
        " \"foreign_keys\": []}]}";
    misses = compare_texts(catalog, wrong, &report);
    assert_non_null(strstr(report, "- catalog only: column \"public\".\"orders\" 1 \"id\" "
                                   "\"integer\" notnull pk"));
    assert_non_null(strstr(report, "+ relmap only:  column \"public\".\"orders\" 1 \"id\" "
                                   "\"bigint\" notnull pk"));
    assert_non_null(strstr(report, "quoted name not kept verbatim: \"Note\""));
    assert_int_equal(misses, 7);
    free(report);
}

static void test_type_names(void **state)
{
    (void)state;
    static const char *const pairs[][2] = {
        {"int", "integer"},
        {"SERIAL", "integer"},
        {"bigserial", "bigint"},
        {"varchar(40)", "character varying(40)"},
        {"character varying", "character varying"},
        {"char", "character(1)"},
        {"decimal(12, 4)", "numeric(12,4)"},
        {"timestamptz", "timestamp with time zone"},
        {"timestamp(3) without time zone", "timestamp(3) without time zone"},
        {"TIMESTAMP(6) WITH TIME ZONE", "timestamp(6) with time zone"},
        {"time", "time without time zone"},
        {"integer[][]", "integer[]"},
        {"int ARRAY", "integer[]"},
        {"character varying(10)[]", "character varying(10)[]"},
        {"public.order_status", "order_status"},
        {"shop.money_amount", "shop.money_amount"},
        {"bit", "bit(1)"},
        {"bit varying(16)", "bit varying(16)"},
        {"double  precision", "double precision"},
    };
    char out[128];
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        of_type_norm(pairs[i][0], out, sizeof out);
        assert_string_equal(out, pairs[i][1]);
    }
}

/* ---- main: one test per case folder ---- */

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
    const char *root = RELMAP_TESTDATA "/ddl/postgres";
    DIR *d = opendir(root);
    if (!d) {
        fprintf(stderr, "cannot open %s\n", root);
        return 1;
    }
    char **dirs = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *dir = fx_join(root, e->d_name), *input = fx_join(dir, "input.sql");
        char *probe = fx_read_file(input, NULL);
        if (probe) {
            dirs = realloc(dirs, (n + 1) * sizeof *dirs);
            dirs[n++] = dir;
        } else {
            free(dir);
        }
        free(probe);
        free(input);
    }
    closedir(d);
    if (n > 0)
        qsort(dirs, n, sizeof *dirs, cmp_names);

    struct CMUnitTest *tests = calloc(n + 2, sizeof *tests);
    tests[0] = (struct CMUnitTest)cmocka_unit_test(test_normalisation);
    tests[1] = (struct CMUnitTest)cmocka_unit_test(test_type_names);
    for (size_t i = 0; i < n; i++) {
        tests[i + 2].name = strrchr(dirs[i], '/') + 1;
        tests[i + 2].test_func = run_case;
        tests[i + 2].initial_state = dirs[i];
    }
    int failed =
        _cmocka_run_group_tests("ddl_oracle_pg", tests, n + 2, group_setup, group_teardown);
    for (size_t i = 0; i < n; i++)
        free(dirs[i]);
    free(dirs);
    free(tests);
    return failed;
}
