/*
 * test_read_sqlite.c - the SQLite database reader (lib/read_sqlite.c and
 * its helpers sqlite_locate.c and types.c): databases built from SQL,
 * loaded with relmap_load(), and the model checked field by field, with
 * SQLite's own pragmas as the oracle where they say the same thing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fixture.h"
#include "relmap/load.h"
#include "buf.h"
#include "relmap/model.h"
#include "sqlite_locate.h"
#include "types.h"

/* ---- fixtures ---------------------------------------------------------- */

static char *g_dir;
static char *g_db;
static relmap_model *g_model;

static int teardown(void **state)
{
    (void)state;
    relmap_model_free(g_model);
    if (g_dir)
        fx_rmtree(g_dir);
    free(g_dir);
    free(g_db);
    g_model = NULL;
    g_dir = NULL;
    g_db = NULL;
    return 0;
}

static void make_db(const char *sql)
{
    g_dir = fx_mkdtemp();
    assert_non_null(g_dir);
    g_db = fx_join(g_dir, "test.db");
    char *err = NULL;
    if (fx_sql_to_db(sql, g_db, &err) != 0)
        fail_msg("fixture SQL failed: %s", err);
}

static const relmap_model *load_db(bool data_checks)
{
    relmap_load_opts opts = RELMAP_LOAD_OPTS_INIT;
    opts.data_checks = data_checks;
    const char *paths[] = {g_db};
    int rc = relmap_load(&g_model, paths, 1, &opts);
    if (rc != 0)
        fail_msg("relmap_load: %d %s", rc, relmap_error_last());
    return g_model;
}

static const relmap_model *load_sql(const char *sql)
{
    make_db(sql);
    return load_db(true);
}

static const relmap_table *table(const char *name)
{
    const relmap_table *t = relmap_model_find_table(g_model, NULL, name);
    if (!t)
        fail_msg("no table %s", name);
    return t;
}

static const relmap_column *column(const relmap_table *t, const char *name)
{
    for (size_t i = 0; i < t->ncolumns; i++)
        if (strcmp(t->columns[i].name, name) == 0)
            return &t->columns[i];
    fail_msg("no column %s.%s", t->name, name);
    return NULL;
}

/* The span covers exactly `text` in its source. */
static void assert_span_text(relmap_span span, const char *text)
{
    assert_int_not_equal(span.source, RELMAP_NO_SOURCE);
    assert_true(span.source < g_model->nsources);
    const relmap_source *src = &g_model->sources[span.source];
    assert_true(span.end <= src->len);
    size_t len = span.end - span.start;
    if (len != strlen(text) || memcmp(src->text + span.start, text, len) != 0)
        fail_msg("span is '%.*s', expected '%s'", (int)len, src->text + span.start, text);
}

static void assert_span_at(relmap_span span, unsigned line, unsigned col)
{
    relmap_location loc;
    assert_int_equal(relmap_span_locate(g_model, span, &loc), 0);
    assert_string_equal(loc.path, g_db);
    assert_int_equal(loc.line, line);
    assert_int_equal(loc.column, col);
}

/* ---- columns ----------------------------------------------------------- */

static void test_columns(void **state)
{
    (void)state;
    load_sql("CREATE TABLE t(\n"
             "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
             "  name VARCHAR(20) NOT NULL DEFAULT 'x',\n"
             "  n INT DEFAULT -1,\n"
             "  r DOUBLE PRECISION DEFAULT (1 + 2),\n"
             "  at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,\n"
             "  b BLOB, untyped, d DECIMAL(10,2)\n"
             ");");
    assert_int_equal(g_model->dialect, RELMAP_DIALECT_SQLITE);
    const relmap_table *t = table("t");
    assert_int_equal(t->dialect, RELMAP_DIALECT_SQLITE);
    assert_int_equal(t->kind, RELMAP_KIND_TABLE);
    assert_int_equal(t->ncolumns, 8);
    const relmap_column *id = column(t, "id");
    assert_string_equal(id->type, "INTEGER");
    assert_int_equal(id->family, RELMAP_TYPE_INTEGER);
    assert_false(id->nullable); /* a rowid alias */
    assert_true(id->autoincrement);
    assert_int_equal(id->pk_position, 1);
    assert_null(id->default_value);
    const relmap_column *name = column(t, "name");
    assert_string_equal(name->type, "VARCHAR(20)");
    assert_int_equal(name->family, RELMAP_TYPE_TEXT);
    assert_false(name->nullable);
    assert_false(name->autoincrement);
    assert_string_equal(name->default_value, "'x'");
    assert_string_equal(column(t, "n")->default_value, "-1");
    assert_string_equal(column(t, "r")->default_value, "1 + 2");
    assert_int_equal(column(t, "r")->family, RELMAP_TYPE_REAL);
    assert_string_equal(column(t, "at")->default_value, "CURRENT_TIMESTAMP");
    assert_int_equal(column(t, "at")->family, RELMAP_TYPE_NUMERIC);
    assert_int_equal(column(t, "b")->family, RELMAP_TYPE_BLOB);
    assert_string_equal(column(t, "untyped")->type, "");
    assert_int_equal(column(t, "untyped")->family, RELMAP_TYPE_UNKNOWN);
    assert_true(column(t, "untyped")->nullable);
    assert_int_equal(column(t, "d")->family, RELMAP_TYPE_NUMERIC);
    /* Spans: the table's name, each column's definition. */
    assert_span_text(t->span, "t");
    assert_span_at(t->span, 1, 14);
    assert_span_text(id->span, "id INTEGER PRIMARY KEY AUTOINCREMENT");
    assert_span_at(id->span, 2, 3);
    assert_span_text(name->span, "name VARCHAR(20) NOT NULL DEFAULT 'x'");
    assert_span_at(column(t, "d")->span, 7, 20);
    assert_span_text(t->primary_key.span, "PRIMARY KEY AUTOINCREMENT");
    assert_span_text(t->primary_key.columns[0].span, "id");
}

static void test_rowid_alias_rules(void **state)
{
    (void)state;
    load_sql("CREATE TABLE a(id INTEGER PRIMARY KEY);"
             "CREATE TABLE b(id INT PRIMARY KEY);"               /* not an alias: NULL allowed */
             "CREATE TABLE c(id INTEGER PRIMARY KEY DESC);"      /* SQLite's quirk: not an alias */
             "CREATE TABLE d(id integer, PRIMARY KEY(id DESC));" /* an alias */
             "CREATE TABLE e(x TEXT, y TEXT, PRIMARY KEY(x, y)) WITHOUT ROWID;"
             "CREATE TABLE f(x TEXT, y TEXT, PRIMARY KEY(x, y));");
    assert_false(column(table("a"), "id")->nullable);
    assert_true(column(table("b"), "id")->nullable);
    assert_true(column(table("c"), "id")->nullable);
    assert_false(column(table("d"), "id")->nullable);
    assert_false(column(table("e"), "x")->nullable);
    assert_false(column(table("e"), "y")->nullable);
    assert_true(column(table("f"), "x")->nullable);
    assert_int_equal(column(table("f"), "y")->pk_position, 2);
}

static void test_without_rowid_strict(void **state)
{
    (void)state;
    load_sql("CREATE TABLE w(k TEXT PRIMARY KEY, v) WITHOUT ROWID;"
             "CREATE TABLE s(id INTEGER PRIMARY KEY, v ANY, n INT) STRICT;"
             "CREATE TABLE ws(k INT PRIMARY KEY, v TEXT) STRICT, WITHOUT ROWID;");
    assert_true(table("w")->without_rowid);
    assert_false(table("w")->strict);
    assert_true(table("s")->strict);
    assert_false(table("s")->without_rowid);
    assert_true(table("ws")->strict);
    assert_true(table("ws")->without_rowid);
    assert_string_equal(column(table("s"), "v")->type, "ANY");
    assert_int_equal(column(table("s"), "v")->family, RELMAP_TYPE_NUMERIC);
    assert_false(column(table("w"), "k")->nullable);
}

static void test_generated_and_hidden(void **state)
{
    (void)state;
    load_sql("CREATE TABLE g(a INT, b INT GENERATED ALWAYS AS (a * 2) VIRTUAL,\n"
             "  c TEXT AS (a || 'x') STORED, d GENERATED ALWAYS AS (a));"
             "CREATE VIRTUAL TABLE docs USING fts5(title, body);");
    const relmap_table *g = table("g");
    assert_int_equal(column(g, "a")->generated, RELMAP_GENERATED_NONE);
    assert_int_equal(column(g, "b")->generated, RELMAP_GENERATED_VIRTUAL);
    assert_string_equal(column(g, "b")->type, "INT");
    assert_int_equal(column(g, "c")->generated, RELMAP_GENERATED_STORED);
    assert_int_equal(column(g, "d")->generated, RELMAP_GENERATED_VIRTUAL);
    assert_string_equal(column(g, "d")->type, "");
    assert_span_text(column(g, "c")->span, "c TEXT AS (a || 'x') STORED");
    assert_span_text(column(g, "d")->span, "d GENERATED ALWAYS AS (a)");
    const relmap_table *docs = table("docs");
    assert_true(docs->virtual_table);
    assert_false(column(docs, "title")->hidden);
    assert_true(column(docs, "docs")->hidden);
    assert_true(column(docs, "rank")->hidden);
    assert_span_text(docs->span, "docs");
    /* fts5's shadow tables and SQLite's own tables are not the user's. */
    for (size_t i = 0; i < g_model->ntables; i++) {
        assert_null(strstr(g_model->tables[i]->name, "docs_"));
        assert_int_not_equal(strncmp(g_model->tables[i]->name, "sqlite_", 7), 0);
    }
    assert_int_equal(g_model->ntables, 2);
}

/* ---- keys -------------------------------------------------------------- */

static void test_composite_keys_and_actions(void **state)
{
    (void)state;
    load_sql("CREATE TABLE parent(a INT, b INT, PRIMARY KEY (a, b));\n"
             "CREATE TABLE child(\n"
             "  id INTEGER PRIMARY KEY,\n"
             "  x INT, y INT,\n"
             "  FOREIGN KEY (x, y) REFERENCES parent (a, b)\n"
             "    ON DELETE CASCADE ON UPDATE set   null\n"
             ");");
    const relmap_table *parent = table("parent");
    assert_int_equal(parent->primary_key.ncolumns, 2);
    assert_string_equal(parent->primary_key.columns[0].name, "a");
    assert_string_equal(parent->primary_key.columns[1].name, "b");
    assert_span_text(parent->primary_key.span, "PRIMARY KEY (a, b)");
    assert_span_text(parent->primary_key.columns[1].span, "b");
    const relmap_table *child = table("child");
    assert_int_equal(child->nfks, 1);
    const relmap_fk *fk = &child->fks[0];
    assert_null(fk->name);
    assert_string_equal(fk->ref_table_name, "parent");
    assert_null(fk->ref_schema);
    assert_int_equal(fk->ncolumns, 2);
    assert_string_equal(fk->columns[0].name, "x");
    assert_string_equal(fk->columns[1].name, "y");
    assert_int_equal(fk->nref_columns, 2);
    assert_string_equal(fk->ref_columns[0].name, "a");
    assert_string_equal(fk->ref_columns[1].name, "b");
    assert_int_equal(fk->on_delete, RELMAP_ACTION_CASCADE);
    assert_int_equal(fk->on_update, RELMAP_ACTION_SET_NULL);
    assert_string_equal(fk->on_update_text, "SET NULL");
    assert_null(fk->match);
    assert_int_equal(fk->deferrable, RELMAP_NOT_DEFERRABLE);
    assert_span_at(fk->span, 4, 3);
    assert_span_text(fk->columns[1].span, "y");
    assert_span_text(fk->ref_columns[0].span, "a");
    assert_span_at(fk->ref_columns[0].span, 4, 41);
    /* Resolved by the loader: the target is the parent's key. */
    assert_ptr_equal(fk->ref_table, parent);
    assert_int_equal(fk->ntarget, 2);
}

static void test_unwritten_actions(void **state)
{
    (void)state;
    load_sql("CREATE TABLE p(id INTEGER PRIMARY KEY);"
             "CREATE TABLE c(a REFERENCES p, b REFERENCES p ON DELETE NO ACTION,"
             " c REFERENCES p ON UPDATE RESTRICT ON DELETE SET DEFAULT);");
    const relmap_table *c = table("c");
    assert_int_equal(c->nfks, 3);
    assert_int_equal(c->fks[0].on_delete, RELMAP_ACTION_UNSET);
    assert_int_equal(c->fks[0].on_update, RELMAP_ACTION_UNSET);
    assert_null(c->fks[0].on_delete_text);
    assert_int_equal(c->fks[0].nref_columns, 0); /* the parent's primary key */
    assert_int_equal(c->fks[1].on_delete, RELMAP_ACTION_NO_ACTION);
    assert_int_equal(c->fks[1].on_update, RELMAP_ACTION_UNSET);
    assert_int_equal(c->fks[2].on_delete, RELMAP_ACTION_SET_DEFAULT);
    assert_int_equal(c->fks[2].on_update, RELMAP_ACTION_RESTRICT);
    assert_span_text(c->fks[0].columns[0].span, "a");
    assert_span_text(c->fks[2].span, "REFERENCES p ON UPDATE RESTRICT ON DELETE SET DEFAULT");
}

static void test_match_and_deferrable(void **state)
{
    (void)state;
    load_sql("CREATE TABLE p(id INTEGER PRIMARY KEY);"
             "CREATE TABLE c(\n"
             " a REFERENCES p DEFERRABLE INITIALLY DEFERRED,\n"
             " b REFERENCES p DEFERRABLE,\n"
             " c REFERENCES p DEFERRABLE INITIALLY IMMEDIATE,\n"
             " d REFERENCES p NOT DEFERRABLE INITIALLY DEFERRED,\n"
             " e REFERENCES p MATCH SIMPLE,\n"
             " f,\n"
             " FOREIGN KEY (f) REFERENCES p (id) MATCH FULL ON DELETE CASCADE\n"
             "   DEFERRABLE INITIALLY DEFERRED\n"
             ");");
    const relmap_table *c = table("c");
    assert_int_equal(c->nfks, 6);
    assert_int_equal(c->fks[0].deferrable, RELMAP_DEFERRABLE_INITIALLY_DEFERRED);
    assert_int_equal(c->fks[1].deferrable, RELMAP_DEFERRABLE_INITIALLY_IMMEDIATE);
    assert_int_equal(c->fks[2].deferrable, RELMAP_DEFERRABLE_INITIALLY_IMMEDIATE);
    assert_int_equal(c->fks[3].deferrable, RELMAP_NOT_DEFERRABLE);
    assert_int_equal(c->fks[4].deferrable, RELMAP_NOT_DEFERRABLE);
    assert_string_equal(c->fks[4].match, "SIMPLE");
    assert_null(c->fks[3].match);
    const relmap_fk *f = &c->fks[5];
    assert_string_equal(f->columns[0].name, "f");
    assert_string_equal(f->match, "FULL");
    assert_int_equal(f->on_delete, RELMAP_ACTION_CASCADE);
    assert_int_equal(f->deferrable, RELMAP_DEFERRABLE_INITIALLY_DEFERRED);
    assert_span_at(f->span, 8, 2);
}

static void test_keys_in_declaration_order(void **state)
{
    (void)state;
    /* SQLite lists keys newest first; the model lists them as written. Two
     * keys on one column, to different parents, are told apart by parent,
     * not by position. ADD COLUMN puts its text after the last column. */
    load_sql("CREATE TABLE p1(id INTEGER PRIMARY KEY);"
             "CREATE TABLE p2(id INTEGER PRIMARY KEY);"
             "CREATE TABLE p3(id INTEGER PRIMARY KEY);"
             "CREATE TABLE c(x CONSTRAINT first REFERENCES p1, y,\n"
             "  CONSTRAINT second FOREIGN KEY (x) REFERENCES p2,\n"
             "  CONSTRAINT third FOREIGN KEY (y) REFERENCES p3 ON DELETE CASCADE);"
             "ALTER TABLE c ADD COLUMN z REFERENCES p1 ON DELETE SET NULL;");
    const relmap_table *c = table("c");
    assert_int_equal(c->nfks, 4);
    static const char *const parents[] = {"p1", "p1", "p2", "p3"};
    static const char *const names[] = {"first", NULL, "second", "third"};
    static const char *const cols[] = {"x", "z", "x", "y"};
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(c->fks[i].ref_table_name, parents[i]);
        assert_string_equal(c->fks[i].columns[0].name, cols[i]);
        if (names[i])
            assert_string_equal(c->fks[i].name, names[i]);
        else
            assert_null(c->fks[i].name);
    }
    assert_span_text(c->fks[2].span, "CONSTRAINT second FOREIGN KEY (x) REFERENCES p2");
    assert_span_text(c->fks[1].span, "REFERENCES p1 ON DELETE SET NULL");
    assert_span_at(c->fks[1].span, 1, 55);
    assert_int_equal(c->fks[1].on_delete, RELMAP_ACTION_SET_NULL);
    assert_int_equal(c->fks[3].on_delete, RELMAP_ACTION_CASCADE);
    assert_int_equal(c->fks[2].on_delete, RELMAP_ACTION_UNSET);
}

static void test_unique_constraints(void **state)
{
    (void)state;
    load_sql("CREATE TABLE u(\n"
             "  id INTEGER PRIMARY KEY,\n"
             "  email TEXT UNIQUE,\n"
             "  a INT, b INT, c INT CONSTRAINT uc UNIQUE,\n"
             "  CONSTRAINT uab UNIQUE (a, b),\n"
             "  UNIQUE (b COLLATE nocase, c DESC) ON CONFLICT REPLACE\n"
             ");"
             "CREATE UNIQUE INDEX ux ON u(a, c);");
    const relmap_table *u = table("u");
    assert_int_equal(u->nuniques, 4);
    assert_null(u->uniques[0].name);
    assert_int_equal(u->uniques[0].ncolumns, 1);
    assert_string_equal(u->uniques[0].columns[0].name, "email");
    assert_span_text(u->uniques[0].span, "UNIQUE");
    assert_span_text(u->uniques[0].columns[0].span, "email");
    assert_string_equal(u->uniques[1].name, "uc");
    assert_span_text(u->uniques[1].span, "CONSTRAINT uc UNIQUE");
    assert_string_equal(u->uniques[2].name, "uab");
    assert_int_equal(u->uniques[2].ncolumns, 2);
    assert_string_equal(u->uniques[2].columns[1].name, "b");
    assert_span_at(u->uniques[2].columns[1].span, 5, 29);
    /* The REPLACE one: SQLite keeps such indexes last; the model shows
     * the columns in order whatever SQLite does. */
    assert_null(u->uniques[3].name);
    assert_string_equal(u->uniques[3].columns[0].name, "b");
    assert_string_equal(u->uniques[3].columns[1].name, "c");
    assert_span_text(u->uniques[3].span, "UNIQUE (b COLLATE nocase, c DESC) ON CONFLICT REPLACE");
    /* A CREATE UNIQUE INDEX is an index, not a constraint. */
    assert_int_equal(u->nindexes, 1);
    assert_string_equal(u->indexes[0].name, "ux");
    assert_true(u->indexes[0].unique);
    assert_null(u->indexes[0].where);
}

static void test_partial_and_expression_indexes(void **state)
{
    (void)state;
    load_sql("CREATE TABLE t(a TEXT, b INT, c INT);\n"
             "CREATE INDEX ix_a ON t(a);\n"
             "CREATE INDEX ix_expr ON t(lower(a) COLLATE nocase DESC, b, c + 1)\n"
             "  WHERE b IS NOT NULL AND c > 0;\n"
             "CREATE INDEX \"ix quoted\" ON \"t\" (\"b\" ASC);");
    const relmap_table *t = table("t");
    assert_int_equal(t->nindexes, 3);
    const relmap_index *a = &t->indexes[0];
    assert_string_equal(a->name, "ix_a");
    assert_false(a->unique);
    assert_null(a->where);
    assert_span_text(a->span, "CREATE INDEX ix_a ON t(a)");
    const relmap_index *e = &t->indexes[1];
    assert_string_equal(e->name, "ix_expr");
    assert_int_equal(e->ncolumns, 3);
    assert_null(e->columns[0].name);
    assert_string_equal(e->columns[0].expr, "lower(a)");
    assert_span_text(e->columns[0].span, "lower(a) COLLATE nocase DESC");
    assert_string_equal(e->columns[1].name, "b");
    assert_null(e->columns[1].expr);
    assert_null(e->columns[2].name);
    assert_string_equal(e->columns[2].expr, "c + 1");
    assert_string_equal(e->where, "b IS NOT NULL AND c > 0");
    assert_span_at(e->span, 1, 1);
    assert_span_at(e->columns[1].span, 1, 57);
    const relmap_index *q = &t->indexes[2];
    assert_string_equal(q->name, "ix quoted");
    assert_string_equal(q->columns[0].name, "b");
    assert_span_text(q->columns[0].span, "\"b\" ASC");
    /* Each index statement is a source of its own, named by the database. */
    assert_int_not_equal(e->span.source, t->span.source);
    assert_string_equal(g_model->sources[e->span.source].path, g_db);
}

static void test_named_constraints_and_checks(void **state)
{
    (void)state;
    load_sql("CREATE TABLE p(id INTEGER PRIMARY KEY);"
             "CREATE TABLE t(\n"
             "  a INT CONSTRAINT a_pos CHECK (a > 0),\n"
             "  b INT CHECK(b <> a),\n"
             "  CONSTRAINT pk_t PRIMARY KEY (a),\n"
             "  CONSTRAINT fk_b FOREIGN KEY (b) REFERENCES p(id),\n"
             "  CONSTRAINT both_set CHECK ((a IS NULL) = (b IS NULL))\n"
             ");");
    const relmap_table *t = table("t");
    assert_string_equal(t->primary_key.name, "pk_t");
    assert_span_text(t->primary_key.span, "CONSTRAINT pk_t PRIMARY KEY (a)");
    assert_string_equal(t->fks[0].name, "fk_b");
    assert_int_equal(t->nchecks, 3);
    assert_string_equal(t->checks[0].name, "a_pos");
    assert_string_equal(t->checks[0].expr, "a > 0");
    assert_span_text(t->checks[0].span, "CONSTRAINT a_pos CHECK (a > 0)");
    assert_null(t->checks[1].name);
    assert_string_equal(t->checks[1].expr, "b <> a");
    assert_string_equal(t->checks[2].name, "both_set");
    assert_string_equal(t->checks[2].expr, "(a IS NULL) = (b IS NULL)");
    assert_span_at(t->checks[2].span, 6, 3);
}

static void test_quoted_identifiers(void **state)
{
    (void)state;
    load_sql("CREATE TABLE \"order items\" (\"item \"\"id\"\"\" INTEGER PRIMARY KEY,"
             " [na\xc3\xafve col] TEXT, `back tick` INT);\n"
             "CREATE TABLE 'l\xc3\xa9gume' (\"key\" INT, \"check\" INT,"
             " FOREIGN KEY (\"key\") REFERENCES \"order items\" (\"item \"\"id\"\"\"),"
             " UNIQUE (\"check\", [key]));");
    const relmap_table *oi = table("order items");
    assert_span_text(oi->span, "\"order items\"");
    assert_non_null(column(oi, "item \"id\""));
    assert_span_text(column(oi, "na\xc3\xafve col")->span, "[na\xc3\xafve col] TEXT");
    assert_span_text(column(oi, "back tick")->span, "`back tick` INT");
    const relmap_table *lg = table("l\xc3\xa9gume");
    assert_span_text(lg->span, "'l\xc3\xa9gume'");
    assert_int_equal(lg->nfks, 1);
    assert_string_equal(lg->fks[0].ref_table_name, "order items");
    assert_string_equal(lg->fks[0].ref_columns[0].name, "item \"id\"");
    assert_span_text(lg->fks[0].ref_columns[0].span, "\"item \"\"id\"\"\"");
    assert_span_text(lg->fks[0].columns[0].span, "\"key\"");
    assert_ptr_equal(lg->fks[0].ref_table, oi);
    assert_int_equal(lg->nuniques, 1);
    assert_string_equal(lg->uniques[0].columns[0].name, "check");
    assert_span_text(lg->uniques[0].columns[1].span, "[key]");
}

static void test_views(void **state)
{
    (void)state;
    load_sql("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT);\n"
             "CREATE VIEW v_names AS SELECT name, id * 2 AS twice FROM t;\n"
             "CREATE VIEW v_cols(x, y) AS SELECT id, name FROM t;\n"
             "CREATE VIEW broken AS SELECT * FROM missing_table;");
    const relmap_table *v = table("v_names");
    assert_int_equal(v->kind, RELMAP_KIND_VIEW);
    assert_int_equal(v->ncolumns, 2);
    assert_string_equal(v->columns[0].name, "name");
    assert_string_equal(v->columns[0].type, "TEXT");
    assert_string_equal(v->columns[1].name, "twice");
    assert_int_equal(v->primary_key.ncolumns, 0);
    assert_span_text(v->span, "v_names");
    assert_span_text(v->columns[1].span, "v_names"); /* nothing better */
    assert_span_text(column(table("v_cols"), "y")->span, "y");
    /* A view SQLite cannot compile is still a view, with no columns. */
    assert_int_equal(table("broken")->kind, RELMAP_KIND_VIEW);
    assert_int_equal(table("broken")->ncolumns, 0);
}

/* ---- data checks ------------------------------------------------------- */

static void test_violations(void **state)
{
    (void)state;
    load_sql("CREATE TABLE p(id INTEGER PRIMARY KEY);"
             "INSERT INTO p VALUES (1), (2);"
             "CREATE TABLE c(id INTEGER PRIMARY KEY, a REFERENCES p, b REFERENCES p);"
             "INSERT INTO c VALUES (10, 1, 1), (11, 9, 2), (12, 9, 8), (13, NULL, 1),"
             " (14, 7, 1), (15, 6, 1), (16, 5, 1), (17, 4, 1), (18, 3, 1);"
             "CREATE TABLE w(k TEXT PRIMARY KEY, a REFERENCES p) WITHOUT ROWID;"
             "INSERT INTO w VALUES ('x', 42);");
    assert_true(g_model->facts.data_checked);
    const relmap_table *c = table("c");
    const relmap_fk_violations *va = c->fks[0].violations;
    assert_non_null(va);
    assert_int_equal(va->count, 7);
    assert_int_equal(va->nrowids, RELMAP_MAX_SAMPLE_ROWIDS);
    static const int64_t first[] = {11, 12, 14, 15, 16};
    for (size_t i = 0; i < RELMAP_MAX_SAMPLE_ROWIDS; i++)
        assert_int_equal(va->rowids[i], first[i]);
    const relmap_fk_violations *vb = c->fks[1].violations;
    assert_int_equal(vb->count, 1);
    assert_int_equal(vb->nrowids, 1);
    assert_int_equal(vb->rowids[0], 12);
    assert_int_equal(table("w")->fks[0].violations->count, 1);
    assert_int_equal(table("w")->fks[0].violations->nrowids, 0);
    assert_null(c->data_check_error);
    assert_int_equal(table("p")->nfks, 0);
}

static void test_mismatch_does_not_stop_others(void **state)
{
    (void)state;
    /* b references a column that is not unique: "foreign key mismatch". */
    load_sql("CREATE TABLE p(id INTEGER PRIMARY KEY, code TEXT);"
             "CREATE TABLE a(x REFERENCES p);"
             "CREATE TABLE b(y REFERENCES p(code));"
             "CREATE TABLE c(z REFERENCES p);"
             "INSERT INTO a VALUES (5); INSERT INTO b VALUES ('q'); INSERT INTO c VALUES (6);");
    assert_null(table("a")->data_check_error);
    assert_int_equal(table("a")->fks[0].violations->count, 1);
    const relmap_table *b = table("b");
    assert_non_null(b->data_check_error);
    assert_non_null(strstr(b->data_check_error, "foreign key mismatch"));
    assert_null(b->fks[0].violations);
    assert_int_equal(table("c")->fks[0].violations->count, 1);
}

static void test_no_data_checks(void **state)
{
    (void)state;
    make_db("CREATE TABLE p(id INTEGER PRIMARY KEY);"
            "CREATE TABLE c(a REFERENCES p); INSERT INTO c VALUES (3);");
    load_db(false);
    assert_false(g_model->facts.data_checked);
    assert_null(table("c")->fks[0].violations);
    assert_null(table("c")->data_check_error);
}

/* ---- robustness -------------------------------------------------------- */

static void test_missing_module(void **state)
{
    (void)state;
    /* A virtual table whose module this SQLite lacks: its columns cannot be
     * read, the other tables can. */
    load_sql("CREATE TABLE a(id INTEGER PRIMARY KEY);"
             "PRAGMA writable_schema=ON;"
             "INSERT INTO sqlite_schema VALUES('table', 'vt', 'vt', 0,"
             " 'CREATE VIRTUAL TABLE vt USING no_such_module(x, y)');"
             "PRAGMA writable_schema=OFF;"
             "CREATE TABLE z(a REFERENCES a);");
    const relmap_table *vt = table("vt");
    assert_true(vt->virtual_table);
    assert_int_equal(vt->ncolumns, 0);
    assert_span_text(vt->span, "vt");
    assert_int_equal(table("z")->nfks, 1);
    assert_int_equal(table("a")->ncolumns, 1);
}

static void test_internal_tables_skipped(void **state)
{
    (void)state;
    load_sql("CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, v);"
             "INSERT INTO t(v) VALUES (1); ANALYZE;");
    assert_int_equal(g_model->ntables, 1);
    assert_string_equal(g_model->tables[0]->name, "t");
}

static void test_odd_sql_falls_back(void **state)
{
    (void)state;
    /* Text that SQLite accepts but that reads oddly: comments everywhere,
     * keywords as names, no commas between table constraints. */
    load_sql("CREATE TABLE /* c */ \"key\" -- x\n"
             "(key INT, action TEXT, match INT PRIMARY KEY /* k */,\n"
             " UNIQUE(key) CHECK(action <> '') UNIQUE (action))");
    const relmap_table *t = table("key");
    assert_span_text(t->span, "\"key\"");
    assert_span_text(column(t, "action")->span, "action TEXT");
    assert_span_text(column(t, "match")->span, "match INT PRIMARY KEY");
    assert_int_equal(t->nuniques, 2);
    assert_span_text(t->uniques[0].span, "UNIQUE(key)");
    assert_span_text(t->uniques[1].span, "UNIQUE (action)");
    assert_int_equal(t->nchecks, 1);
    assert_string_equal(t->checks[0].expr, "action <> ''");
}

static int keep_notes(void *payload, const char *data, size_t len)
{
    rm_buf_add(payload, data, len);
    return 0;
}

/* Tables are read from their stored text, views through the pragmas;
 * what the text gives matches what SQLite has (test_ddl_sqlite holds the
 * two paths to each other on every fixture): a UNIQUE constraint that
 * repeats the primary key gets no index, and no constraint, of its own. */
static void test_text_or_pragmas(void **state)
{
    (void)state;
    make_db("CREATE TABLE odd (id TEXT PRIMARY KEY, v TEXT, UNIQUE (id));\n"
            "CREATE TABLE plain (id INTEGER PRIMARY KEY, odd_id INTEGER REFERENCES odd(id),\n"
            "  code TEXT UNIQUE);\n"
            "CREATE INDEX plain_odd ON plain (odd_id) WHERE odd_id > 0;\n"
            "CREATE VIEW v AS SELECT id FROM plain;\n");
    rm_buf notes = RM_BUF_INIT;
    relmap_load_opts opts = RELMAP_LOAD_OPTS_INIT;
    opts.verbose = keep_notes;
    opts.verbose_payload = &notes;
    const char *paths[] = {g_db};
    assert_int_equal(relmap_load(&g_model, paths, 1, &opts), 0);
    assert_non_null(
        strstr(rm_buf_cstr(&notes), "3 tables and views: 2 read from their CREATE text"));
    rm_buf_free(&notes);
    const relmap_table *odd = table("odd"), *plain = table("plain");
    assert_int_equal(odd->nuniques, 0);
    assert_int_equal(odd->primary_key.ncolumns, 1);
    assert_false(column(plain, "id")->nullable);
    assert_int_equal(plain->nfks, 1);
    assert_ptr_equal(plain->fks[0].ref_table, odd);
    assert_int_equal(plain->nuniques, 1);
    assert_int_equal(plain->nindexes, 1);
    assert_string_equal(plain->indexes[0].where, "odd_id > 0");
    assert_span_text(plain->indexes[0].span,
                     "CREATE INDEX plain_odd ON plain (odd_id) WHERE odd_id > 0");
    assert_span_text(plain->fks[0].columns[0].span, "odd_id");
    assert_non_null(plain->fks[0].violations);
}

static void test_locate_broken_text(void **state)
{
    (void)state;
    /* The walker itself on text that is not valid SQL: it reports what it
     * found and never fails. */
    static const char *const inputs[] = {
        "",
        "CREATE",
        "CREATE TABLE",
        "CREATE TABLE t(",
        "CREATE TABLE t(a INT,",
        "CREATE TABLE t(a REFERENCES",
        "CREATE TABLE t(CONSTRAINT",
        "CREATE TABLE t((((",
        "CREATE TABLE t(a CHECK(",
        "CREATE TABLE t(a) junk ) ) (",
        "\xff\x00\x01'",
        "CREATE TABLE t(,,,)",
        "CREATE TABLE t(FOREIGN KEY (a, REFERENCES p(x) ON DELETE",
        "CREATE INDEX",
        "CREATE INDEX i ON",
        "CREATE INDEX i ON t(a WHERE",
        "CREATE INDEX i ON t((",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        rm_arena *arena = rm_arena_new();
        size_t len = strlen(inputs[i]) + (i == 10 ? 3 : 0);
        sl_table t;
        sl_index ix;
        sl_locate_table(arena, inputs[i], len, &t);
        sl_locate_index(arena, inputs[i], len, &ix);
        for (size_t k = 0; k < t.ncolumns; k++)
            assert_true(t.columns[k].span.end <= len);
        for (size_t k = 0; k < t.nconstraints; k++)
            assert_true(t.constraints[k].span.end <= len);
        rm_arena_free(arena);
    }
    rm_arena *arena = rm_arena_new();
    sl_table t;
    const char *sql = "CREATE TABLE t(a INT, b";
    assert_false(sl_locate_table(arena, sql, strlen(sql), &t));
    assert_string_equal(t.name.name, "t");
    assert_int_equal(t.ncolumns, 2);
    assert_true(sl_locate_table(arena, "CREATE TABLE t(a)", 17, &t));
    rm_arena_free(arena);
}

/* ---- SQLite as the oracle ---------------------------------------------- */

static void test_sqlite_oracle(void **state)
{
    (void)state;
    load_sql("CREATE TABLE a(id INTEGER PRIMARY KEY, code TEXT UNIQUE NOT NULL);"
             "CREATE TABLE b(x INT, y TEXT, z, PRIMARY KEY (y, x)) WITHOUT ROWID;"
             "CREATE TABLE c(id INTEGER PRIMARY KEY, a_id REFERENCES a ON DELETE CASCADE,"
             " bx INT, `by` TEXT, code REFERENCES a(code) ON UPDATE SET DEFAULT,"
             " FOREIGN KEY (`by`, bx) REFERENCES b (y, x));"
             "CREATE INDEX c_code ON c(code); CREATE INDEX c_ab ON c(a_id, bx);");
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open_v2(g_db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    for (size_t i = 0; i < g_model->ntables; i++) {
        const relmap_table *t = g_model->tables[i];
        sqlite3_stmt *st;
        /* Columns: names, types, NOT NULL and primary key positions. */
        assert_int_equal(sqlite3_prepare_v2(db,
                                            "SELECT name, type, \"notnull\", pk "
                                            "FROM pragma_table_xinfo(?1) ORDER BY cid",
                                            -1, &st, NULL),
                         SQLITE_OK);
        sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
        size_t n = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            assert_true(n < t->ncolumns);
            const relmap_column *col = &t->columns[n++];
            assert_string_equal(col->name, (const char *)sqlite3_column_text(st, 0));
            assert_string_equal(col->type, (const char *)sqlite3_column_text(st, 1));
            if (sqlite3_column_int(st, 2))
                assert_false(col->nullable);
            assert_int_equal(col->pk_position, sqlite3_column_int(st, 3));
        }
        assert_int_equal(n, t->ncolumns);
        sqlite3_finalize(st);
        /* Foreign keys: SQLite numbers them newest first. */
        assert_int_equal(sqlite3_prepare_v2(db,
                                            "SELECT id, \"table\", \"from\", \"to\", on_delete,"
                                            " on_update FROM pragma_foreign_key_list(?1)"
                                            " ORDER BY id, seq",
                                            -1, &st, NULL),
                         SQLITE_OK);
        sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
        size_t rows = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            size_t id = (size_t)sqlite3_column_int(st, 0);
            assert_true(id < t->nfks);
            const relmap_fk *fk = &t->fks[t->nfks - 1 - id];
            assert_string_equal(fk->ref_table_name, (const char *)sqlite3_column_text(st, 1));
            const char *action = (const char *)sqlite3_column_text(st, 4);
            const char *mine = relmap_fk_action_name(fk->on_delete);
            assert_string_equal(mine ? mine : "NO ACTION", action);
            action = (const char *)sqlite3_column_text(st, 5);
            mine = relmap_fk_action_name(fk->on_update);
            assert_string_equal(mine ? mine : "NO ACTION", action);
            rows++;
        }
        size_t cols = 0;
        for (size_t k = 0; k < t->nfks; k++)
            cols += t->fks[k].ncolumns;
        assert_int_equal(rows, cols);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    const relmap_table *c = table("c");
    assert_string_equal(c->fks[2].columns[0].name, "by");
    assert_string_equal(c->fks[2].columns[1].name, "bx");
    assert_string_equal(c->fks[2].ref_columns[0].name, "y");
    assert_int_equal(c->nindexes, 2);
    assert_string_equal(c->indexes[0].name, "c_code");
    assert_string_equal(c->indexes[1].name, "c_ab");
    assert_int_equal(table("b")->primary_key.ncolumns, 2);
    assert_string_equal(table("b")->primary_key.columns[0].name, "y");
}

/* ---- type families ----------------------------------------------------- */

static void test_type_families(void **state)
{
    (void)state;
    static const struct {
        const char *type;
        relmap_type_family sqlite, postgres;
    } cases[] = {
        {"INTEGER", RELMAP_TYPE_INTEGER, RELMAP_TYPE_INTEGER},
        {"BIGINT UNSIGNED", RELMAP_TYPE_INTEGER, RELMAP_TYPE_INTEGER},
        {"varchar(255)", RELMAP_TYPE_TEXT, RELMAP_TYPE_TEXT},
        {"NATIVE CHARACTER(70)", RELMAP_TYPE_TEXT, RELMAP_TYPE_OTHER},
        {"CLOB", RELMAP_TYPE_TEXT, RELMAP_TYPE_TEXT},
        {"BLOB", RELMAP_TYPE_BLOB, RELMAP_TYPE_BLOB},
        {"DOUBLE PRECISION", RELMAP_TYPE_REAL, RELMAP_TYPE_REAL},
        {"FLOAT", RELMAP_TYPE_REAL, RELMAP_TYPE_REAL},
        {"DECIMAL(10,5)", RELMAP_TYPE_NUMERIC, RELMAP_TYPE_NUMERIC},
        {"BOOLEAN", RELMAP_TYPE_NUMERIC, RELMAP_TYPE_BOOLEAN},
        {"DATETIME", RELMAP_TYPE_NUMERIC, RELMAP_TYPE_DATETIME},
        {"timestamp  with time zone", RELMAP_TYPE_NUMERIC, RELMAP_TYPE_DATETIME},
        {"uuid", RELMAP_TYPE_NUMERIC, RELMAP_TYPE_UUID},
        {"jsonb", RELMAP_TYPE_NUMERIC, RELMAP_TYPE_JSON},
        {"int[]", RELMAP_TYPE_INTEGER, RELMAP_TYPE_OTHER},
        /* The rules' order: INT wins over everything ("POINT" has it). */
        {"FLOATING POINT", RELMAP_TYPE_INTEGER, RELMAP_TYPE_OTHER},
        {"CHARINT", RELMAP_TYPE_INTEGER, RELMAP_TYPE_OTHER},
        {"STRING", RELMAP_TYPE_NUMERIC, RELMAP_TYPE_OTHER},
        {"", RELMAP_TYPE_UNKNOWN, RELMAP_TYPE_UNKNOWN},
        {"  ", RELMAP_TYPE_UNKNOWN, RELMAP_TYPE_UNKNOWN},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *ty = cases[i].type;
        if (rm_sqlite_affinity(ty, strlen(ty)) != cases[i].sqlite ||
            rm_type_family(RELMAP_DIALECT_SQLITE, ty, strlen(ty)) != cases[i].sqlite ||
            rm_type_family(RELMAP_DIALECT_POSTGRES, ty, strlen(ty)) != cases[i].postgres)
            fail_msg("type family of '%s'", ty);
    }
    assert_int_equal(rm_sqlite_affinity(NULL, 0), RELMAP_TYPE_UNKNOWN);
    /* Only `len` bytes count. */
    assert_int_equal(rm_sqlite_affinity("TEXTINT", 4), RELMAP_TYPE_TEXT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_columns, teardown),
        cmocka_unit_test_teardown(test_rowid_alias_rules, teardown),
        cmocka_unit_test_teardown(test_without_rowid_strict, teardown),
        cmocka_unit_test_teardown(test_generated_and_hidden, teardown),
        cmocka_unit_test_teardown(test_composite_keys_and_actions, teardown),
        cmocka_unit_test_teardown(test_unwritten_actions, teardown),
        cmocka_unit_test_teardown(test_match_and_deferrable, teardown),
        cmocka_unit_test_teardown(test_keys_in_declaration_order, teardown),
        cmocka_unit_test_teardown(test_unique_constraints, teardown),
        cmocka_unit_test_teardown(test_partial_and_expression_indexes, teardown),
        cmocka_unit_test_teardown(test_named_constraints_and_checks, teardown),
        cmocka_unit_test_teardown(test_quoted_identifiers, teardown),
        cmocka_unit_test_teardown(test_views, teardown),
        cmocka_unit_test_teardown(test_violations, teardown),
        cmocka_unit_test_teardown(test_mismatch_does_not_stop_others, teardown),
        cmocka_unit_test_teardown(test_no_data_checks, teardown),
        cmocka_unit_test_teardown(test_missing_module, teardown),
        cmocka_unit_test_teardown(test_internal_tables_skipped, teardown),
        cmocka_unit_test_teardown(test_odd_sql_falls_back, teardown),
        cmocka_unit_test_teardown(test_text_or_pragmas, teardown),
        cmocka_unit_test(test_locate_broken_text),
        cmocka_unit_test_teardown(test_sqlite_oracle, teardown),
        cmocka_unit_test(test_type_families),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
