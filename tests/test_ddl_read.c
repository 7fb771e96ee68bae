/*
 * test_ddl_read.c - the SQL DDL reader through relmap_load: the three
 * dialects' statements (what is modelled, what is skipped to its exact
 * end), dialect detection and --dialect, and hostile inputs (NUL bytes,
 * invalid UTF-8, every truncation of a schema, a 1 MB name, deep nesting)
 * that must give a clear error or a model, never a crash or a hang.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "relmap/relmap.h"

static char *g_dir;

static int setup(void **state)
{
    (void)state;
    g_dir = fx_mkdtemp();
    return g_dir ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    fx_rmtree(g_dir);
    free(g_dir);
    return 0;
}

/* Loads `len` bytes as the file `name`; returns relmap_load's code. */
static int load_text(const char *name, const char *text, size_t len, relmap_dialect dialect,
                     relmap_model **out)
{
    char *path = fx_join(g_dir, name);
    assert_int_equal(fx_write_file(path, text, len), 0);
    relmap_load_opts opts = RELMAP_LOAD_OPTS_INIT;
    opts.dialect = dialect;
    const char *paths[] = {path};
    int rc = relmap_load(out, paths, 1, &opts);
    free(path);
    return rc;
}

static relmap_model *load_ok(const char *text, relmap_dialect dialect)
{
    relmap_model *m = NULL;
    assert_int_equal(load_text("schema.sql", text, strlen(text), dialect, &m), 0);
    return m;
}

static const relmap_table *table(const relmap_model *m, const char *name)
{
    const relmap_table *t = relmap_model_find_table(m, NULL, name);
    if (!t)
        fail_msg("no table %s", name);
    return t;
}

static void test_postgres_dump(void **state)
{
    (void)state;
    const char *sql =
        "--\n-- PostgreSQL database dump\n--\n\\restrict abc\n"
        "SET statement_timeout = 0;\nSELECT pg_catalog.set_config('search_path', '', false);\n"
        "CREATE FUNCTION public.f() RETURNS trigger LANGUAGE plpgsql AS $_$\n"
        "BEGIN NEW.x := 'a;b'; RETURN NEW; END; $_$;\n"
        "DO $$ BEGIN PERFORM 1; END $$;\n"
        "CREATE TABLE public.\"Users\" (\n    \"ID\" integer NOT NULL,\n"
        "    Email character varying(255) DEFAULT 'x'::character varying NOT NULL,\n"
        "    created timestamp(3) with time zone DEFAULT now(),\n    tags text[],\n"
        "    note text DEFAULT E'it\\'s;'\n);\n"
        "ALTER TABLE public.\"Users\" OWNER TO app;\n"
        "CREATE TABLE public.orders (id bigint NOT NULL, user_id integer);\n"
        "COPY public.orders (id, user_id) FROM stdin;\n1\t2;CREATE TABLE nope (x int);\n\\.\n"
        "\\connect other\n"
        "ALTER TABLE ONLY public.\"Users\"\n    ADD CONSTRAINT users_pkey PRIMARY KEY (\"ID\");\n"
        "ALTER TABLE ONLY public.orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id),\n"
        "    ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES "
        "public.\"Users\"(\"ID\")"
        " ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;\n"
        "CREATE INDEX orders_user ON public.orders USING btree (user_id) WHERE (user_id > 0);\n"
        "COMMENT ON TABLE public.orders IS 'The orders';\n";
    relmap_model *m = load_ok(sql, RELMAP_DIALECT_UNKNOWN);
    assert_int_equal(m->dialect, RELMAP_DIALECT_POSTGRES);
    assert_int_equal(m->nsyntax_errors, 0);
    assert_int_equal(m->ntables, 2);
    const relmap_table *users = table(m, "Users");
    assert_null(relmap_model_find_table(m, NULL, "users")); /* names keep their case */
    assert_string_equal(users->schema, "public");
    assert_int_equal(users->ncolumns, 5);
    assert_string_equal(users->columns[1].name, "email"); /* folded */
    assert_string_equal(users->columns[1].type, "character varying(255)");
    assert_int_equal(users->columns[1].family, RELMAP_TYPE_TEXT);
    assert_string_equal(users->columns[1].default_value, "'x'::character varying");
    assert_false(users->columns[1].nullable);
    assert_string_equal(users->columns[2].type, "timestamp(3) with time zone");
    assert_int_equal(users->columns[2].family, RELMAP_TYPE_DATETIME);
    assert_string_equal(users->columns[3].type, "text[]");
    assert_string_equal(users->columns[4].default_value, "E'it\\'s;'");
    assert_int_equal(users->primary_key.ncolumns, 1);
    assert_int_equal(users->columns[0].pk_position, 1);
    const relmap_table *orders = table(m, "orders");
    assert_string_equal(orders->comment, "The orders");
    assert_int_equal(orders->nfks, 1);
    assert_string_equal(orders->fks[0].name, "orders_user_fk");
    assert_int_equal(orders->fks[0].on_delete, RELMAP_ACTION_SET_NULL);
    assert_int_equal(orders->fks[0].deferrable, RELMAP_DEFERRABLE_INITIALLY_DEFERRED);
    assert_ptr_equal(orders->fks[0].ref_table, users);
    assert_false(orders->columns[0].nullable);
    assert_int_equal(orders->nindexes, 1);
    assert_string_equal(orders->indexes[0].where, "(user_id > 0)");
    relmap_model_free(m);
}

static void test_mysql_dump(void **state)
{
    (void)state;
    const char *sql =
        "-- MySQL dump 10.13\n/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n"
        "DROP TABLE IF EXISTS `users`;\n"
        "CREATE TABLE `users` (\n  `id` int unsigned NOT NULL AUTO_INCREMENT,\n"
        "  `email` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL COMMENT "
        "'it\\'s',\n"
        "  `updated` timestamp NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,\n"
        "  PRIMARY KEY (`id`),\n  UNIQUE KEY `email` (`email`(100)),\n  KEY `upd` (`updated`),\n"
        "  FULLTEXT KEY `ft` (`email`)\n"
        ") ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb4 COMMENT='People';\n"
        "INSERT INTO `users` VALUES (1,'a;b\\';c',NULL);\n"
        "CREATE TABLE `posts` (`id` int NOT NULL, `user_id` int unsigned DEFAULT NULL,\n"
        "  PRIMARY KEY (`id`), KEY `fk_user` (`user_id`),\n"
        "  CONSTRAINT `fk_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE "
        "CASCADE\n"
        ") ENGINE=InnoDB;\n"
        "DELIMITER ;;\nCREATE PROCEDURE p() BEGIN SELECT 1; CREATE TABLE nope (x int); END ;;\n"
        "DELIMITER ;\n# a comment\nCREATE TABLE `Tags` (`id` int PRIMARY KEY);\n";
    relmap_model *m = load_ok(sql, RELMAP_DIALECT_UNKNOWN);
    assert_int_equal(m->dialect, RELMAP_DIALECT_MYSQL);
    assert_int_equal(m->nsyntax_errors, 0);
    assert_int_equal(m->ntables, 3);
    const relmap_table *users = table(m, "USERS"); /* case-insensitive */
    assert_string_equal(users->comment, "People");
    assert_string_equal(users->columns[0].type, "int unsigned");
    assert_int_equal(users->columns[0].family, RELMAP_TYPE_INTEGER);
    assert_true(users->columns[0].autoincrement);
    assert_string_equal(users->columns[1].type, "varchar(255)");
    assert_int_equal(users->nuniques, 1);
    assert_string_equal(users->uniques[0].name, "email");
    assert_int_equal(users->nindexes, 2);
    const relmap_table *posts = table(m, "posts");
    assert_int_equal(posts->nfks, 1);
    assert_int_equal(posts->fks[0].on_delete, RELMAP_ACTION_CASCADE);
    assert_ptr_equal(posts->fks[0].ref_table, users);
    table(m, "tags");
    relmap_model_free(m);
}

static void test_dialect_override(void **state)
{
    (void)state;
    const char *sql = "CREATE TABLE Foo (Id int PRIMARY KEY);";
    relmap_model *m = load_ok(sql, RELMAP_DIALECT_UNKNOWN);
    assert_int_equal(m->dialect, RELMAP_DIALECT_SQLITE);
    assert_true(m->facts.dialect_assumed); /* portable SQL: SQLite by default */
    assert_string_equal(m->tables[0]->name, "Foo");
    relmap_model_free(m);
    m = load_ok(sql, RELMAP_DIALECT_POSTGRES);
    assert_int_equal(m->dialect, RELMAP_DIALECT_POSTGRES);
    assert_false(m->facts.dialect_assumed);
    assert_string_equal(m->tables[0]->name, "foo");
    relmap_model_free(m);
    m = load_ok("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);", RELMAP_DIALECT_UNKNOWN);
    assert_false(m->facts.dialect_assumed);
    relmap_model_free(m);
    /* pg_dump's idioms decide without a header. */
    m = load_ok("CREATE TABLE t (id int);\nCOMMENT ON TABLE t IS 'x';", RELMAP_DIALECT_UNKNOWN);
    assert_int_equal(m->dialect, RELMAP_DIALECT_POSTGRES);
    relmap_model_free(m);
    m = load_ok("CREATE TABLE t (id int, b character varying(3));", RELMAP_DIALECT_UNKNOWN);
    assert_int_equal(m->dialect, RELMAP_DIALECT_POSTGRES);
    relmap_model_free(m);
    m = load_ok("CREATE TABLE t (id int COMMENT 'x') ENGINE=InnoDB;", RELMAP_DIALECT_UNKNOWN);
    assert_int_equal(m->dialect, RELMAP_DIALECT_MYSQL);
    relmap_model_free(m);
}

/* MySQL ignores a column's own REFERENCES; the other dialects make a key. */
static void test_inline_references(void **state)
{
    (void)state;
    const char *sql = "CREATE TABLE a (id int PRIMARY KEY);\n"
                      "CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id),\n"
                      "  a2 int, FOREIGN KEY (a2) REFERENCES a (id));";
    relmap_model *m = load_ok(sql, RELMAP_DIALECT_MYSQL);
    assert_int_equal(m->tables[1]->nfks, 1);
    assert_string_equal(m->tables[1]->fks[0].columns[0].name, "a2");
    relmap_model_free(m);
    m = load_ok(sql, RELMAP_DIALECT_POSTGRES);
    assert_int_equal(m->tables[1]->nfks, 2);
    relmap_model_free(m);
}

static void test_not_text(void **state)
{
    (void)state;
    relmap_model *m = NULL;
    const char nul[] = "CREATE TABLE t (x);\n\0garbage";
    assert_int_equal(load_text("nul.sql", nul, sizeof nul - 1, 0, &m), RELMAP_EFORMAT);
    assert_null(m);
    assert_non_null(strstr(relmap_error_last(), "nul.sql:2:1: not a text file"));
    char binary[4096];
    for (size_t i = 0; i < sizeof binary; i++)
        binary[i] = (char)(0x80 | (i * 7 % 64));
    assert_int_equal(load_text("bin.sql", binary, sizeof binary, 0, &m), RELMAP_EFORMAT);
    assert_non_null(strstr(relmap_error_last(), "not UTF-8"));
    /* A stray Latin-1 byte in a comment is still text. */
    const char latin[] = "-- caf\xe9\nCREATE TABLE t (x);\n";
    assert_int_equal(load_text("latin.sql", latin, sizeof latin - 1, 0, &m), 0);
    assert_int_equal(m->ntables, 1);
    relmap_model_free(m);
    /* Text that does not start like SQL and is not named .sql is refused. */
    assert_int_equal(load_text("notes.txt", "hello\n", 6, 0, &m), RELMAP_EFORMAT);
    assert_int_equal(load_text("schema.txt", "create table t (x);", 19, 0, &m), 0);
    relmap_model_free(m);
}

/* Every prefix of a schema, in every dialect: a model and no crash. */
static void test_every_truncation(void **state)
{
    (void)state;
    const char *sql =
        "CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INT REFERENCES b(id) ON DELETE SET NULL "
        "DEFERRABLE INITIALLY DEFERRED, n TEXT DEFAULT 'x' CHECK (n <> ''), "
        "UNIQUE (n, b_id), CONSTRAINT c FOREIGN KEY (b_id) REFERENCES b) WITHOUT ROWID;\n"
        "CREATE UNIQUE INDEX IF NOT EXISTS ix ON a (lower(n) DESC, b_id) WHERE n IS NOT NULL;\n"
        "ALTER TABLE ONLY a ADD CONSTRAINT k UNIQUE (n), ADD COLUMN z int;\n"
        "CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END;\n"
        "CREATE FUNCTION f() AS $x$ ; $x$; DELIMITER ;;\nSELECT 1;;\n";
    size_t len = strlen(sql);
    for (relmap_dialect d = RELMAP_DIALECT_SQLITE; d <= RELMAP_DIALECT_MYSQL; d++)
        for (size_t n = 0; n <= len; n++) {
            relmap_model *m = NULL;
            assert_int_equal(load_text("cut.sql", sql, n, d, &m), 0);
            relmap_model_free(m);
        }
}

static void test_huge_and_deep(void **state)
{
    (void)state;
    size_t big = 1u << 20;
    char *sql = malloc(big + 64);
    memcpy(sql, "CREATE TABLE ", 13);
    memset(sql + 13, 'n', big);
    memcpy(sql + 13 + big, " (x REFERENCES ", 15);
    memset(sql + 28 + big, '(', 20);
    relmap_model *m = NULL;
    /* A name past the limit of docs/limits.md: refused, with where. */
    assert_int_equal(load_text("huge.sql", sql, 48 + big, 0, &m), RELMAP_ELIMIT);
    assert_null(m);
    assert_non_null(strstr(relmap_error_last(), ":1:14: a table name of 1048576 bytes"));
    /* A million open parentheses: stepped over without recursion. */
    memcpy(sql, "CREATE TABLE t (x CHECK ", 24);
    memset(sql + 24, '(', big);
    assert_int_equal(load_text("deep.sql", sql, 24 + big, 0, &m), 0);
    assert_int_equal(m->nsyntax_errors, 1);
    relmap_model_free(m);
    free(sql);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_postgres_dump),    cmocka_unit_test(test_mysql_dump),
        cmocka_unit_test(test_dialect_override), cmocka_unit_test(test_inline_references),
        cmocka_unit_test(test_not_text),         cmocka_unit_test(test_every_truncation),
        cmocka_unit_test(test_huge_and_deep),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
