/*
 * test_rules.c - every rule of lib/rules over SQLite databases built from
 * SQL: one fixture that triggers each rule and near misses that must not,
 * the precedence between the FK rules on one broken key, and a clean
 * realistic schema with every rule selected.
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
#include "relmap/check.h"
#include "relmap/load.h"
#include "relmap/model.h"

/* ---- running rules over SQL -------------------------------------------- */

/* What the current test loaded; freed by the teardown. */
static char *g_dir;
static relmap_model *g_model;
static relmap_findings *g_findings;

static int teardown(void **state)
{
    (void)state;
    relmap_findings_free(g_findings);
    relmap_model_free(g_model);
    if (g_dir)
        fx_rmtree(g_dir);
    free(g_dir);
    g_findings = NULL;
    g_model = NULL;
    g_dir = NULL;
    return 0;
}

/* Loads `sql` into a fresh database and runs the rules `select` (comma
 * separated; NULL: all) minus `ignore` (NULL: none). */
static relmap_findings *check_sql_ignoring(const char *sql, const char *select, const char *ignore)
{
    teardown(NULL);
    g_dir = fx_mkdtemp();
    assert_non_null(g_dir);
    char *db = fx_join(g_dir, "test.db");
    char *error = NULL;
    if (fx_sql_to_db(sql, db, &error) != 0) {
        fprintf(stderr, "fixture SQL failed: %s\n", error ? error : "?");
        free(error);
        free(db);
        fail();
    }
    relmap_load_opts lo = RELMAP_LOAD_OPTS_INIT;
    const char *paths[] = {db};
    int rc = relmap_load(&g_model, paths, 1, &lo);
    free(db);
    assert_int_equal(rc, 0);

    char sel_buf[256] = "", ign_buf[256] = "";
    const char *sel[16], *ign[16];
    size_t nsel = 0, nign = 0;
    if (select) {
        snprintf(sel_buf, sizeof sel_buf, "%s", select);
        for (char *p = strtok(sel_buf, ","); p && nsel < 16; p = strtok(NULL, ","))
            sel[nsel++] = p;
    }
    if (ignore) {
        snprintf(ign_buf, sizeof ign_buf, "%s", ignore);
        for (char *p = strtok(ign_buf, ","); p && nign < 16; p = strtok(NULL, ","))
            ign[nign++] = p;
    }
    relmap_check_opts co = RELMAP_CHECK_OPTS_INIT;
    co.select = sel;
    co.nselect = nsel;
    co.ignore = ign;
    co.nignore = nign;
    assert_int_equal(relmap_check(&g_findings, g_model, &co), 0);
    return g_findings;
}

static relmap_findings *check_sql(const char *sql, const char *select)
{
    return check_sql_ignoring(sql, select, NULL);
}

static size_t count_rule(const relmap_findings *fs, const char *rule)
{
    size_t n = 0;
    for (size_t i = 0; i < fs->count; i++)
        if (strcmp(fs->items[i].rule->id, rule) == 0)
            n++;
    return n;
}

/* Prints the findings (for a failing test's output). */
static void dump(const relmap_findings *fs)
{
    for (size_t i = 0; i < fs->count; i++)
        fprintf(stderr, "  %s %s %s.%s: %s\n", fs->items[i].rule->id,
                relmap_severity_name(fs->items[i].severity),
                fs->items[i].table ? fs->items[i].table : "-",
                fs->items[i].column ? fs->items[i].column : "-", fs->items[i].message);
}

static void expect_count(const relmap_findings *fs, const char *rule, size_t n)
{
    if (count_rule(fs, rule) != n) {
        fprintf(stderr, "expected %zu %s finding(s), got:\n", n, rule);
        dump(fs);
    }
    assert_int_equal(count_rule(fs, rule), n);
}

static void expect_none(const relmap_findings *fs)
{
    if (fs->count) {
        fprintf(stderr, "expected no findings, got:\n");
        dump(fs);
    }
    assert_int_equal(fs->count, 0);
}

/* The only finding of `rule`, about `table` and `column` (NULL: none). */
static const relmap_finding *expect_one(const relmap_findings *fs, const char *rule,
                                        const char *table, const char *column)
{
    expect_count(fs, rule, 1);
    const relmap_finding *f = NULL;
    for (size_t i = 0; i < fs->count; i++)
        if (strcmp(fs->items[i].rule->id, rule) == 0)
            f = &fs->items[i];
    assert_non_null(f);
    assert_string_equal(f->table, table);
    if (column)
        assert_string_equal(f->column, column);
    else
        assert_null(f->column);
    return f;
}

/* The finding's message contains every word given (NULL-terminated). */
static void expect_words(const relmap_finding *f, ...)
{
    va_list ap;
    va_start(ap, f);
    for (const char *w = va_arg(ap, const char *); w; w = va_arg(ap, const char *)) {
        if (!strstr(f->message, w))
            fprintf(stderr, "message lacks '%s': %s\n", w, f->message);
        assert_non_null(strstr(f->message, w));
    }
    va_end(ap);
}

#define WORDS(f, ...) expect_words(f, __VA_ARGS__, (const char *)NULL)

/* ---- FK001-FK005: broken keys, one finding each --------------------------- */

static void test_fk001_unknown_table(void **state)
{
    (void)state;
    relmap_findings *fs = check_sql("CREATE TABLE customers (id INTEGER PRIMARY KEY);\n"
                                    "CREATE TABLE orders (id INTEGER PRIMARY KEY,\n"
                                    "  customer_id INTEGER REFERENCES customer(id));\n"
                                    "CREATE INDEX ix_orders_customer_id ON orders (customer_id);\n",
                                    "FK");
    const relmap_finding *f = expect_one(fs, "FK001", "orders", "customer_id");
    assert_int_equal(f->severity, RELMAP_SEVERITY_ERROR);
    WORDS(f, "orders.customer_id", "customer(id)", "does not exist");
    assert_int_equal(fs->count, 1); /* no FK002-FK006 on the same key */

    fs = check_sql("CREATE TABLE customers (id INTEGER PRIMARY KEY);\n"
                   "CREATE TABLE orders (id INTEGER PRIMARY KEY,\n"
                   "  customer_id INTEGER REFERENCES customers(id));\n",
                   "FK001");
    expect_none(fs);
}

static void test_fk002_unknown_column(void **state)
{
    (void)state;
    relmap_findings *fs =
        check_sql("CREATE TABLE customers (id INTEGER PRIMARY KEY);\n"
                  "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id TEXT,\n"
                  "  FOREIGN KEY (customer_id) REFERENCES customers(customer_id));\n"
                  "CREATE INDEX ix_orders_customer_id ON orders (customer_id);\n",
                  "FK");
    const relmap_finding *f = expect_one(fs, "FK002", "orders", "customer_id");
    assert_int_equal(f->severity, RELMAP_SEVERITY_ERROR);
    WORDS(f, "customers has no column 'customer_id'", "foreign key mismatch");
    assert_int_equal(f->nrelated, 1);
    /* Not also FK003 (not unique) or FK005 (TEXT vs ...): one cause, one finding. */
    assert_int_equal(fs->count, 1);

    fs = check_sql("CREATE TABLE customers (id INTEGER PRIMARY KEY);\n"
                   "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER,\n"
                   "  FOREIGN KEY (customer_id) REFERENCES customers(id));\n",
                   "FK002");
    expect_none(fs);
}

static void test_fk003_target_not_unique(void **state)
{
    (void)state;
    relmap_findings *fs =
        check_sql("CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\n"
                  "CREATE TABLE orders (id INTEGER PRIMARY KEY,\n"
                  "  customer_email TEXT REFERENCES customers(email));\n",
                  "FK003");
    const relmap_finding *f = expect_one(fs, "FK003", "orders", "customer_email");
    WORDS(f, "customers(email)", "neither the primary key nor unique", "foreign key mismatch");
    assert_non_null(f->fix);
    assert_string_equal(f->fix, "CREATE UNIQUE INDEX ux_customers_email ON customers (email);");

    /* A non-unique target of another type: FK003 only, not FK005/FK006 too. */
    fs = check_sql("CREATE TABLE customers (id INTEGER PRIMARY KEY, code INTEGER NOT NULL);\n"
                   "CREATE TABLE orders (id INTEGER PRIMARY KEY,\n"
                   "  customer_code TEXT REFERENCES customers(code));\n",
                   "FK");
    expect_one(fs, "FK003", "orders", "customer_code");
    assert_int_equal(fs->count, 1);

    /* No columns named, and the parent has no primary key. */
    fs = check_sql("CREATE TABLE tags (name TEXT NOT NULL);\n"
                   "CREATE TABLE notes (id INTEGER PRIMARY KEY, tag TEXT REFERENCES tags);\n",
                   "FK003");
    f = expect_one(fs, "FK003", "notes", "tag");
    WORDS(f, "without naming columns", "has none");

    /* A partial unique index does not make a parent key. */
    fs = check_sql("CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\n"
                   "CREATE UNIQUE INDEX ux_email ON customers (email) WHERE id > 0;\n"
                   "CREATE TABLE orders (id INTEGER PRIMARY KEY,\n"
                   "  customer_email TEXT REFERENCES customers(email));\n",
                   "FK003");
    expect_count(fs, "FK003", 1);

    /* Near misses: UNIQUE constraint, unique index, composite unique in
     * another order, the rowid alias, the implied primary key. */
    fs = check_sql("CREATE TABLE a (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);\n"
                   "CREATE TABLE b (id INTEGER PRIMARY KEY, code TEXT NOT NULL);\n"
                   "CREATE UNIQUE INDEX ux_b_code ON b (code);\n"
                   "CREATE TABLE c (x INTEGER NOT NULL, y INTEGER NOT NULL, UNIQUE (x, y));\n"
                   "CREATE TABLE d (k1 TEXT NOT NULL, k2 TEXT NOT NULL, PRIMARY KEY (k1, k2));\n"
                   "CREATE TABLE child (id INTEGER PRIMARY KEY,\n"
                   "  a_email TEXT REFERENCES a(email),\n"
                   "  b_code TEXT REFERENCES b(code),\n"
                   "  cy INTEGER, cx INTEGER,\n"
                   "  a_id INTEGER REFERENCES a(id),\n"
                   "  a_id2 INTEGER REFERENCES a,\n"
                   "  d1 TEXT, d2 TEXT, FOREIGN KEY (d1, d2) REFERENCES d,\n"
                   "  FOREIGN KEY (cy, cx) REFERENCES c(y, x));\n",
                   "FK003");
    expect_none(fs);
}

static void test_fk004_arity_mismatch(void **state)
{
    (void)state;
    relmap_findings *fs =
        check_sql("CREATE TABLE lines (order_id INTEGER NOT NULL, line_no INTEGER NOT NULL,\n"
                  "  PRIMARY KEY (order_id, line_no));\n"
                  "CREATE TABLE shipments (id INTEGER PRIMARY KEY, order_id INTEGER,\n"
                  "  FOREIGN KEY (order_id) REFERENCES lines);\n",
                  "FK");
    const relmap_finding *f = expect_one(fs, "FK004", "shipments", "order_id");
    WORDS(f, "shipments.order_id", "1 local column", "2 referenced columns", "primary key");
    assert_int_equal(fs->count, 1); /* not FK003, FK005 or FK006 too */

    fs = check_sql("CREATE TABLE lines (order_id INTEGER NOT NULL, line_no INTEGER NOT NULL,\n"
                   "  PRIMARY KEY (order_id, line_no));\n"
                   "CREATE TABLE shipments (id INTEGER PRIMARY KEY, order_id INTEGER,\n"
                   "  line_no INTEGER, FOREIGN KEY (order_id, line_no) REFERENCES lines);\n",
                   "FK004");
    expect_none(fs);
}

static void test_fk005_type_mismatch(void **state)
{
    (void)state;
    relmap_findings *fs = check_sql("CREATE TABLE customers (id INTEGER PRIMARY KEY);\n"
                                    "CREATE TABLE orders (id INTEGER PRIMARY KEY,\n"
                                    "  customer_id TEXT REFERENCES customers(id));\n",
                                    "FK005");
    const relmap_finding *f = expect_one(fs, "FK005", "orders", "customer_id");
    assert_int_equal(f->severity, RELMAP_SEVERITY_WARNING);
    WORDS(f, "orders.customer_id is TEXT", "customers.id is INTEGER", "affinity");
    assert_int_equal(f->nrelated, 1);

    /* Untyped, INT vs INTEGER, NUMERIC vs INTEGER (same storage in SQLite),
     * VARCHAR vs TEXT: nothing. */
    fs = check_sql("CREATE TABLE customers (id INTEGER PRIMARY KEY, code VARCHAR(8) UNIQUE);\n"
                   "CREATE TABLE orders (id INTEGER PRIMARY KEY,\n"
                   "  a REFERENCES customers(id),\n"
                   "  b INT REFERENCES customers(id),\n"
                   "  c NUMERIC REFERENCES customers(id),\n"
                   "  d TEXT REFERENCES customers(code));\n",
                   "FK005");
    expect_none(fs);
}

/* ---- FK006 ------------------------------------------------------------ */

static void test_fk006_missing_index(void **state)
{
    (void)state;
    relmap_findings *fs = check_sql("CREATE TABLE customers (id INTEGER PRIMARY KEY);\n"
                                    "CREATE TABLE orders (id INTEGER PRIMARY KEY,\n"
                                    "  customer_id INTEGER NOT NULL REFERENCES customers(id));\n",
                                    "FK006");
    const relmap_finding *f = expect_one(fs, "FK006", "orders", "customer_id");
    assert_int_equal(f->severity, RELMAP_SEVERITY_INFO);
    WORDS(f, "orders.customer_id", "customers(id)", "no index on orders leads with customer_id",
          "scans orders");
    assert_string_equal(f->fix, "CREATE INDEX ix_orders_customer_id ON orders (customer_id);");

    /* Covered: an index leading with the column, a composite index leading
     * with the column, the primary key. */
    fs = check_sql("CREATE TABLE customers (id INTEGER PRIMARY KEY);\n"
                   "CREATE TABLE orders (id INTEGER PRIMARY KEY, placed TEXT,\n"
                   "  customer_id INTEGER NOT NULL REFERENCES customers(id));\n"
                   "CREATE INDEX ix_orders_customer_placed ON orders (customer_id, placed);\n"
                   "CREATE TABLE profiles (customer_id INTEGER PRIMARY KEY\n"
                   "  REFERENCES customers(id));\n",
                   "FK006");
    expect_none(fs);

    /* An index that has the column second, or a partial one, does not cover. */
    fs = check_sql("CREATE TABLE customers (id INTEGER PRIMARY KEY);\n"
                   "CREATE TABLE orders (id INTEGER PRIMARY KEY, placed TEXT,\n"
                   "  customer_id INTEGER NOT NULL REFERENCES customers(id));\n"
                   "CREATE INDEX ix_orders_placed_customer ON orders (placed, customer_id);\n"
                   "CREATE INDEX ix_orders_customer_partial ON orders (customer_id)\n"
                   "  WHERE placed IS NOT NULL;\n",
                   "FK006");
    expect_count(fs, "FK006", 1);

    /* Two keys over the same column miss one index: one finding. */
    fs = check_sql("CREATE TABLE customers (id INTEGER PRIMARY KEY);\n"
                   "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER,\n"
                   "  FOREIGN KEY (customer_id) REFERENCES customers (id),\n"
                   "  FOREIGN KEY (customer_id) REFERENCES customers (id));\n",
                   "FK006");
    expect_count(fs, "FK006", 1);
}

/* The fix is SQL for the table's own database: schema-qualified, and in
 * PostgreSQL names with capitals quoted (they were quoted when made). */
static void test_fk006_fix_names_postgres(void **state)
{
    (void)state;
    teardown(NULL);
    g_dir = fx_mkdtemp();
    char *path = fx_join(g_dir, "schema.sql");
    const char sql[] = "CREATE SCHEMA shop;\n"
                       "CREATE TABLE shop.products (id integer PRIMARY KEY);\n"
                       "CREATE TABLE shop.\"Wishlist\" (id integer PRIMARY KEY,\n"
                       "  \"productId\" integer REFERENCES shop.products (id));\n";
    assert_int_equal(fx_write_file(path, sql, sizeof sql - 1), 0);
    relmap_load_opts lo = RELMAP_LOAD_OPTS_INIT;
    lo.dialect = RELMAP_DIALECT_POSTGRES;
    const char *paths[] = {path};
    assert_int_equal(relmap_load(&g_model, paths, 1, &lo), 0);
    free(path);
    const char *sel[] = {"FK006"};
    relmap_check_opts co = RELMAP_CHECK_OPTS_INIT;
    co.select = sel;
    co.nselect = 1;
    assert_int_equal(relmap_check(&g_findings, g_model, &co), 0);
    const relmap_finding *f = expect_one(g_findings, "FK006", "Wishlist", "productId");
    assert_string_equal(f->fix, "CREATE INDEX ix_Wishlist_productId ON shop.\"Wishlist\" "
                                "(\"productId\");");
}

static void test_fk006_composite(void **state)
{
    (void)state;
    static const char parent[] =
        "CREATE TABLE lines (order_id INTEGER NOT NULL, line_no INTEGER NOT NULL,\n"
        "  PRIMARY KEY (order_id, line_no));\n"
        "CREATE TABLE shipments (id INTEGER PRIMARY KEY, order_id INTEGER,\n"
        "  line_no INTEGER, sent TEXT,\n"
        "  FOREIGN KEY (order_id, line_no) REFERENCES lines);\n";
    char sql[1024];

    /* Only the first column indexed: not covered. */
    snprintf(sql, sizeof sql, "%sCREATE INDEX ix_s_order ON shipments (order_id);\n", parent);
    relmap_findings *fs = check_sql(sql, "FK006");
    const relmap_finding *f = expect_one(fs, "FK006", "shipments", "order_id");
    WORDS(f, "shipments(order_id, line_no)", "leads with (order_id, line_no)");
    assert_string_equal(
        f->fix, "CREATE INDEX ix_shipments_order_id_line_no ON shipments (order_id, line_no);");

    /* Both columns first, in the other order, then more: covered. */
    snprintf(sql, sizeof sql,
             "%sCREATE INDEX ix_s_line_order_sent ON shipments (line_no, order_id, sent);\n",
             parent);
    fs = check_sql(sql, "FK006");
    expect_none(fs);

    /* The key's columns are not both leading: not covered. */
    snprintf(sql, sizeof sql,
             "%sCREATE INDEX ix_s_order_sent_line ON shipments (order_id, sent, line_no);\n",
             parent);
    fs = check_sql(sql, "FK006");
    expect_count(fs, "FK006", 1);
}

/* ---- FK007, FK011, FK012 -------------------------------------------------- */

static void test_fk007_set_null_not_nullable(void **state)
{
    (void)state;
    relmap_findings *fs =
        check_sql("CREATE TABLE customers (id INTEGER PRIMARY KEY);\n"
                  "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL\n"
                  "  REFERENCES customers(id) ON DELETE SET NULL);\n",
                  "FK007");
    const relmap_finding *f = expect_one(fs, "FK007", "orders", "customer_id");
    assert_int_equal(f->severity, RELMAP_SEVERITY_ERROR);
    WORDS(f, "ON DELETE SET NULL", "NOT NULL", "allow NULL in customer_id");

    fs = check_sql("CREATE TABLE customers (id INTEGER PRIMARY KEY);\n"
                   "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER\n"
                   "  REFERENCES customers(id) ON DELETE SET NULL ON UPDATE CASCADE);\n",
                   "FK007");
    expect_none(fs);
}

static void test_fk011_set_default_without_default(void **state)
{
    (void)state;
    relmap_findings *fs =
        check_sql("CREATE TABLE statuses (id INTEGER PRIMARY KEY);\n"
                  "CREATE TABLE orders (id INTEGER PRIMARY KEY,\n"
                  "  status_id INTEGER REFERENCES statuses(id) ON UPDATE SET DEFAULT);\n",
                  "FK011");
    const relmap_finding *f = expect_one(fs, "FK011", "orders", "status_id");
    WORDS(f, "ON UPDATE SET DEFAULT", "no DEFAULT", "statuses");

    fs = check_sql("CREATE TABLE statuses (id INTEGER PRIMARY KEY);\n"
                   "CREATE TABLE orders (id INTEGER PRIMARY KEY, status_id INTEGER DEFAULT 1\n"
                   "  REFERENCES statuses(id) ON DELETE SET DEFAULT);\n",
                   "FK011");
    expect_none(fs);
}

static void test_fk012_self_reference_same_columns(void **state)
{
    (void)state;
    relmap_findings *fs =
        check_sql("CREATE TABLE nodes (id INTEGER PRIMARY KEY REFERENCES nodes(id),\n"
                  "  parent_id INTEGER);\n",
                  "FK012");
    const relmap_finding *f = expect_one(fs, "FK012", "nodes", "id");
    WORDS(f, "nodes.id", "only reference itself", "parent_id");

    /* An adjacency list, and a composite self-reference with swapped columns. */
    fs = check_sql("CREATE TABLE nodes (id INTEGER PRIMARY KEY,\n"
                   "  parent_id INTEGER REFERENCES nodes(id));\n"
                   "CREATE TABLE pairs (a INTEGER NOT NULL, b INTEGER NOT NULL,\n"
                   "  PRIMARY KEY (a, b), FOREIGN KEY (a, b) REFERENCES pairs(b, a));\n",
                   "FK012");
    expect_none(fs);
}

/* ---- FK008 ------------------------------------------------------------ */

static void test_fk008_cycle(void **state)
{
    (void)state;
    /* Three tables in a ring of NOT NULL, immediate keys. */
    static const char ring[] = "CREATE TABLE accounts (id INTEGER PRIMARY KEY,\n"
                               "  owner_id INTEGER NOT NULL REFERENCES owners(id)%s);\n"
                               "CREATE TABLE owners (id INTEGER PRIMARY KEY,\n"
                               "  customer_id INTEGER NOT NULL REFERENCES customers(id));\n"
                               "CREATE TABLE customers (id INTEGER PRIMARY KEY,\n"
                               "  account_id INTEGER %s REFERENCES accounts(id));\n";
    char sql[1024];
    snprintf(sql, sizeof sql, ring, "", "NOT NULL");
    relmap_findings *fs = check_sql(sql, "FK008");
    const relmap_finding *f = expect_one(fs, "FK008", "accounts", "owner_id");
    assert_int_equal(f->severity, RELMAP_SEVERITY_WARNING);
    WORDS(f, "3 tables", "accounts.owner_id", "owners.customer_id", "customers.account_id",
          "inserted first", "DEFERRABLE");
    assert_int_equal(f->nrelated, 2);

    /* A deferrable key breaks it. */
    snprintf(sql, sizeof sql, ring, " DEFERRABLE INITIALLY DEFERRED", "NOT NULL");
    expect_none(check_sql(sql, "FK008"));

    /* So does a nullable column. */
    snprintf(sql, sizeof sql, ring, "", "");
    expect_none(check_sql(sql, "FK008"));

    /* A cycle of nullable keys that all cascade deletes. */
    fs = check_sql("CREATE TABLE a (id INTEGER PRIMARY KEY,\n"
                   "  b_id INTEGER REFERENCES b(id) ON DELETE CASCADE);\n"
                   "CREATE TABLE b (id INTEGER PRIMARY KEY,\n"
                   "  a_id INTEGER REFERENCES a(id) ON DELETE CASCADE);\n",
                   "FK008");
    f = expect_one(fs, "FK008", "a", "b_id");
    WORDS(f, "2 tables", "ON DELETE CASCADE");

    /* ... but not when one key restricts. */
    expect_none(check_sql("CREATE TABLE a (id INTEGER PRIMARY KEY,\n"
                          "  b_id INTEGER REFERENCES b(id) ON DELETE CASCADE);\n"
                          "CREATE TABLE b (id INTEGER PRIMARY KEY,\n"
                          "  a_id INTEGER REFERENCES a(id) ON DELETE SET NULL);\n",
                          "FK008"));

    /* A self-reference (even NOT NULL) is not a cycle; neither is a chain. */
    expect_none(check_sql("CREATE TABLE nodes (id INTEGER PRIMARY KEY,\n"
                          "  parent_id INTEGER NOT NULL REFERENCES nodes(id));\n"
                          "CREATE TABLE a (id INTEGER PRIMARY KEY);\n"
                          "CREATE TABLE b (id INTEGER PRIMARY KEY,\n"
                          "  a_id INTEGER NOT NULL REFERENCES a(id));\n",
                          "FK008"));
}

/* Two cycles through one table make one component: one finding. */
static void test_fk008_one_finding_per_component(void **state)
{
    (void)state;
    relmap_findings *fs = check_sql("CREATE TABLE hub (id INTEGER PRIMARY KEY,\n"
                                    "  x_id INTEGER NOT NULL REFERENCES x(id),\n"
                                    "  y_id INTEGER NOT NULL REFERENCES y(id));\n"
                                    "CREATE TABLE x (id INTEGER PRIMARY KEY,\n"
                                    "  hub_id INTEGER NOT NULL REFERENCES hub(id));\n"
                                    "CREATE TABLE y (id INTEGER PRIMARY KEY,\n"
                                    "  hub_id INTEGER NOT NULL REFERENCES hub(id));\n",
                                    "FK008");
    const relmap_finding *f = expect_one(fs, "FK008", "hub", "x_id");
    WORDS(f, "hub, x, y");
}

/* A ring of many tables: no recursion, one finding. */
static void test_fk008_long_ring(void **state)
{
    (void)state;
    enum { N = 3000 };
    size_t cap = (size_t)N * 120, len = 0;
    char *sql = malloc(cap);
    for (int i = 0; i < N; i++)
        len += (size_t)snprintf(sql + len, cap - len,
                                "CREATE TABLE t%d (id INTEGER PRIMARY KEY, "
                                "next_id INTEGER NOT NULL REFERENCES t%d(id));\n",
                                i, (i + 1) % N);
    relmap_findings *fs = check_sql(sql, "FK008");
    free(sql);
    const relmap_finding *f = expect_one(fs, "FK008", "t0", "next_id");
    WORDS(f, "3000 tables");
}

/* ---- FK009, FK010 --------------------------------------------------------- */

static void test_fk009_duplicate(void **state)
{
    (void)state;
    relmap_findings *fs = check_sql("CREATE TABLE customers (id INTEGER PRIMARY KEY);\n"
                                    "CREATE TABLE orders (id INTEGER PRIMARY KEY,\n"
                                    "  customer_id INTEGER REFERENCES customers(id),\n"
                                    "  FOREIGN KEY (customer_id) REFERENCES customers);\n",
                                    "FK009");
    const relmap_finding *f = expect_one(fs, "FK009", "orders", "customer_id");
    WORDS(f, "repeats an earlier foreign key");
    assert_int_equal(f->nrelated, 1);

    /* Same column, other targets: two different keys. */
    fs = check_sql("CREATE TABLE customers (id INTEGER PRIMARY KEY);\n"
                   "CREATE TABLE archived (id INTEGER PRIMARY KEY);\n"
                   "CREATE TABLE orders (id INTEGER PRIMARY KEY,\n"
                   "  customer_id INTEGER REFERENCES customers(id),\n"
                   "  FOREIGN KEY (customer_id) REFERENCES archived(id));\n",
                   "FK009");
    expect_none(fs);
}

static void test_fk010_implied_missing(void **state)
{
    (void)state;
    /* Singular column to plural tables (s, ies, es), camelCase, and a plural
     * column to a singular table. */
    relmap_findings *fs =
        check_sql("CREATE TABLE customers (id INTEGER PRIMARY KEY);\n"
                  "CREATE TABLE categories (id INTEGER PRIMARY KEY);\n"
                  "CREATE TABLE boxes (id INTEGER PRIMARY KEY);\n"
                  "CREATE TABLE person (id INTEGER PRIMARY KEY);\n"
                  "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL,\n"
                  "  categoryId INTEGER, box_id INTEGER, persons_id INTEGER);\n",
                  "FK010");
    expect_count(fs, "FK010", 4);
    const relmap_finding *first = &fs->items[0];
    assert_string_equal(first->table, "orders");
    assert_string_equal(first->column, "customer_id");
    WORDS(first, "orders.customer_id", "customers(id)", "no foreign key");
    assert_string_equal(first->fix, "customer_id INTEGER NOT NULL REFERENCES customers(id)");
    assert_string_equal(fs->items[1].column, "categoryId");
    WORDS(&fs->items[1], "categories(id)");
    assert_string_equal(fs->items[2].column, "box_id");
    WORDS(&fs->items[2], "boxes(id)");
    assert_string_equal(fs->items[3].column, "persons_id");
    WORDS(&fs->items[3], "person(id)");

    /* A plural table name and a singular one, each the other way round. */
    fs = check_sql("CREATE TABLE company (id INTEGER PRIMARY KEY);\n"
                   "CREATE TABLE jobs (id INTEGER PRIMARY KEY, companies_id INTEGER);\n",
                   "FK010");
    expect_one(fs, "FK010", "jobs", "companies_id");

    /* Near misses: a key exists, the type differs, the table's own primary
     * key, no such table, an untyped column. */
    fs = check_sql("CREATE TABLE customers (id INTEGER PRIMARY KEY);\n"
                   "CREATE TABLE orders (id INTEGER PRIMARY KEY,\n"
                   "  customer_id INTEGER REFERENCES customers(id));\n"
                   "CREATE TABLE notes (id INTEGER PRIMARY KEY, customer_id TEXT,\n"
                   "  widget_id INTEGER, customersId);\n"
                   "CREATE TABLE customer_profiles (customer_id INTEGER PRIMARY KEY);\n",
                   "FK010");
    expect_none(fs);
}

/* ---- TAB001, IDX001, IDX002 ------------------------------------------------ */

static void test_tab001_no_primary_key(void **state)
{
    (void)state;
    relmap_findings *fs = check_sql(
        "CREATE TABLE events (name TEXT NOT NULL, happened_at TEXT NOT NULL);\n", "TAB001");
    const relmap_finding *f = expect_one(fs, "TAB001", "events", NULL);
    assert_int_equal(f->severity, RELMAP_SEVERITY_WARNING);
    WORDS(f, "events has no primary key");

    /* A view, a junction table (JT001's business), a WITHOUT ROWID table. */
    fs = check_sql("CREATE TABLE posts (id INTEGER PRIMARY KEY);\n"
                   "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n"
                   "CREATE TABLE post_tags (post_id INTEGER NOT NULL REFERENCES posts(id),\n"
                   "  tag_id INTEGER NOT NULL REFERENCES tags(id), created_at TEXT);\n"
                   "CREATE VIEW recent AS SELECT id FROM posts;\n"
                   "CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;\n",
                   "TAB001");
    expect_none(fs);
}

static void test_idx001_redundant(void **state)
{
    (void)state;
    relmap_findings *fs = check_sql(
        "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, placed TEXT);\n"
        "CREATE INDEX ix_orders_customer ON orders (customer_id);\n"
        "CREATE INDEX ix_orders_customer_placed ON orders (customer_id, placed);\n",
        "IDX001");
    const relmap_finding *f = expect_one(fs, "IDX001", "orders", "customer_id");
    assert_int_equal(f->severity, RELMAP_SEVERITY_INFO);
    WORDS(f, "ix_orders_customer", "leading columns of index ix_orders_customer_placed");
    assert_string_equal(f->fix, "DROP INDEX ix_orders_customer;");
    assert_int_equal(f->nrelated, 1);

    /* Exact duplicates: the later one only. An index on the primary key. */
    fs = check_sql("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER);\n"
                   "CREATE INDEX ix_a ON orders (customer_id);\n"
                   "CREATE INDEX ix_b ON orders (customer_id);\n"
                   "CREATE INDEX ix_id ON orders (id);\n",
                   "IDX001");
    expect_count(fs, "IDX001", 2);
    int saw_b = 0, saw_id = 0;
    for (size_t i = 0; i < fs->count; i++) {
        saw_b += strstr(fs->items[i].message, "index ix_b on") != NULL;
        saw_id += strstr(fs->items[i].message, "index ix_id on") != NULL;
    }
    assert_int_equal(saw_b, 1);
    assert_int_equal(saw_id, 1);

    /* A unique index that repeats the primary key. */
    fs = check_sql("CREATE TABLE countries (code TEXT NOT NULL PRIMARY KEY);\n"
                   "CREATE UNIQUE INDEX ux_code ON countries (code);\n",
                   "IDX001");
    f = expect_one(fs, "IDX001", "countries", "code");
    WORDS(f, "unique index ux_code on countries (code)", "same columns as the primary key");
    assert_string_equal(f->fix, "DROP INDEX ux_code;");

    /* A unique prefix keeps its own constraint; a partial index holds other
     * rows; an expression index is not compared; other column orders. */
    fs = check_sql("CREATE TABLE orders (id INTEGER PRIMARY KEY, code TEXT NOT NULL,\n"
                   "  customer_id INTEGER, placed TEXT);\n"
                   "CREATE UNIQUE INDEX ux_code ON orders (code);\n"
                   "CREATE INDEX ix_code_placed ON orders (code, placed);\n"
                   "CREATE INDEX ix_customer_part ON orders (customer_id) WHERE placed > '';\n"
                   "CREATE INDEX ix_customer_placed ON orders (customer_id, placed);\n"
                   "CREATE INDEX ix_lower ON orders (lower(code));\n"
                   "CREATE INDEX ix_lower_placed ON orders (lower(code), placed);\n"
                   "CREATE INDEX ix_placed_customer ON orders (placed, customer_id);\n",
                   "IDX001");
    expect_none(fs);
}

static void test_idx002_unique_nullable(void **state)
{
    (void)state;
    relmap_findings *fs =
        check_sql("CREATE TABLE accounts (id INTEGER PRIMARY KEY, tenant_id INTEGER NOT NULL,\n"
                  "  email TEXT, UNIQUE (tenant_id, email));\n",
                  "IDX002");
    const relmap_finding *f = expect_one(fs, "IDX002", "accounts", "email");
    WORDS(f, "(tenant_id, email)", "nullable column email", "NOT NULL");

    fs = check_sql("CREATE TABLE accounts (id INTEGER PRIMARY KEY, handle TEXT);\n"
                   "CREATE UNIQUE INDEX ux_handle ON accounts (handle);\n",
                   "IDX002");
    f = expect_one(fs, "IDX002", "accounts", "handle");
    WORDS(f, "unique index ux_handle");

    /* NOT NULL columns, a partial unique index, the primary key. */
    fs = check_sql("CREATE TABLE accounts (id INTEGER PRIMARY KEY, tenant_id INTEGER NOT NULL,\n"
                   "  email TEXT NOT NULL, handle TEXT, UNIQUE (tenant_id, email));\n"
                   "CREATE UNIQUE INDEX ux_handle ON accounts (handle) WHERE handle IS NOT NULL;\n"
                   "CREATE TABLE countries (code TEXT PRIMARY KEY);\n",
                   "IDX002");
    expect_none(fs);
}

/* ---- JT001-JT003 ---------------------------------------------------------- */

static const char jt_parents[] = "CREATE TABLE posts (id INTEGER PRIMARY KEY);\n"
                                 "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n";

static relmap_findings *check_jt(const char *junction, const char *select)
{
    static char sql[2048];
    snprintf(sql, sizeof sql, "%s%s", jt_parents, junction);
    return check_sql(sql, select);
}

static void test_jt001_no_unique(void **state)
{
    (void)state;
    relmap_findings *fs = check_jt(
        "CREATE TABLE post_tags (post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,\n"
        "  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE);\n",
        "JT,TAB001");
    const relmap_finding *f = expect_one(fs, "JT001", "post_tags", "post_id");
    assert_int_equal(f->severity, RELMAP_SEVERITY_WARNING);
    WORDS(f, "junction table post_tags", "(post_id, tag_id)", "stored twice");
    assert_string_equal(f->fix, "CREATE UNIQUE INDEX ux_post_tags_post_id_tag_id ON post_tags "
                                "(post_id, tag_id);");
    assert_int_equal(fs->count, 1); /* not TAB001 too */

    /* A surrogate id does not stop duplicates; timestamps are allowed. */
    fs = check_jt("CREATE TABLE post_tags (id INTEGER PRIMARY KEY,\n"
                  "  post_id INTEGER NOT NULL REFERENCES posts(id),\n"
                  "  tag_id INTEGER NOT NULL REFERENCES tags(id),\n"
                  "  created_at TIMESTAMP, updated TEXT);\n",
                  "JT001");
    f = expect_one(fs, "JT001", "post_tags", "post_id");
    WORDS(f, "surrogate");

    /* Near misses: composite PK; a unique index; a table with a payload
     * column is not a junction table. */
    expect_none(check_jt("CREATE TABLE post_tags (post_id INTEGER NOT NULL REFERENCES posts(id),\n"
                         "  tag_id INTEGER NOT NULL REFERENCES tags(id),\n"
                         "  PRIMARY KEY (tag_id, post_id));\n",
                         "JT001"));
    expect_none(check_jt("CREATE TABLE post_tags (id INTEGER PRIMARY KEY,\n"
                         "  post_id INTEGER NOT NULL REFERENCES posts(id),\n"
                         "  tag_id INTEGER NOT NULL REFERENCES tags(id));\n"
                         "CREATE UNIQUE INDEX ux_pt ON post_tags (post_id, tag_id);\n",
                         "JT001"));
    expect_none(check_jt("CREATE TABLE post_tags (post_id INTEGER NOT NULL REFERENCES posts(id),\n"
                         "  tag_id INTEGER NOT NULL REFERENCES tags(id), weight REAL);\n",
                         "JT"));
    /* Two keys on one column link nothing: not a junction table. */
    expect_none(check_jt("CREATE TABLE pins (id INTEGER PRIMARY KEY,\n"
                         "  post_id INTEGER NOT NULL REFERENCES posts(id),\n"
                         "  FOREIGN KEY (post_id) REFERENCES posts(id) ON UPDATE CASCADE);\n",
                         "JT"));
}

static void test_jt002_nullable_fk(void **state)
{
    (void)state;
    relmap_findings *fs = check_jt(
        "CREATE TABLE post_tags (post_id INTEGER REFERENCES posts(id) ON DELETE CASCADE,\n"
        "  tag_id INTEGER REFERENCES tags(id) ON DELETE CASCADE, UNIQUE (post_id, tag_id));\n",
        "JT002");
    const relmap_finding *f = expect_one(fs, "JT002", "post_tags", "post_id");
    WORDS(f, "allows NULL in post_id, tag_id", "NOT NULL");

    expect_none(check_jt("CREATE TABLE post_tags (post_id INTEGER NOT NULL REFERENCES posts(id),\n"
                         "  tag_id INTEGER NOT NULL REFERENCES tags(id),\n"
                         "  PRIMARY KEY (post_id, tag_id));\n",
                         "JT002"));
}

static void test_jt003_no_cascade(void **state)
{
    (void)state;
    relmap_findings *fs = check_jt(
        "CREATE TABLE post_tags (post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,\n"
        "  tag_id INTEGER NOT NULL REFERENCES tags(id),\n"
        "  PRIMARY KEY (post_id, tag_id));\n",
        "JT003");
    const relmap_finding *f = expect_one(fs, "JT003", "post_tags", "tag_id");
    assert_int_equal(f->severity, RELMAP_SEVERITY_INFO);
    WORDS(f, "post_tags.tag_id", "tags(id)", "has no ON DELETE CASCADE");
    assert_null(strstr(f->message, "post_tags.post_id"));

    /* Both keys lacking: one finding naming both. */
    fs = check_jt("CREATE TABLE post_tags (post_id INTEGER NOT NULL REFERENCES posts(id),\n"
                  "  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE SET NULL,\n"
                  "  PRIMARY KEY (post_id, tag_id));\n",
                  "JT003");
    f = expect_one(fs, "JT003", "post_tags", "post_id");
    WORDS(f, "post_tags.post_id", "post_tags.tag_id", "have no ON DELETE CASCADE");
    assert_int_equal(f->nrelated, 1);

    expect_none(check_jt(
        "CREATE TABLE post_tags (post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,\n"
        "  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,\n"
        "  PRIMARY KEY (post_id, tag_id));\n",
        "JT003"));
}

/* ---- SQLITE001-SQLITE003 --------------------------------------------------- */

static void test_sqlite001_unenforced(void **state)
{
    (void)state;
    relmap_findings *fs =
        check_sql("CREATE TABLE customers (id INTEGER PRIMARY KEY);\n"
                  "CREATE TABLE orders (id INTEGER PRIMARY KEY,\n"
                  "  customer_id INTEGER REFERENCES customers(id) ON DELETE CASCADE);\n"
                  "CREATE TABLE invoices (id INTEGER PRIMARY KEY,\n"
                  "  order_id INTEGER REFERENCES orders(id) ON UPDATE SET NULL,\n"
                  "  customer_id INTEGER REFERENCES customers(id));\n"
                  "CREATE TABLE notes (id INTEGER PRIMARY KEY,\n"
                  "  order_id INTEGER REFERENCES orders(id) ON DELETE RESTRICT);\n",
                  "SQLITE001");
    const relmap_finding *f = expect_one(fs, "SQLITE001", "orders", "customer_id");
    assert_int_equal(f->severity, RELMAP_SEVERITY_INFO);
    WORDS(f, "3 foreign keys", "ON DELETE CASCADE", "PRAGMA foreign_keys = ON", "cannot store");
    assert_int_equal(f->nrelated, 2);
    assert_non_null(strstr(f->related[0].message, "ON UPDATE SET NULL"));
    assert_non_null(strstr(f->related[1].message, "ON DELETE RESTRICT"));
    assert_non_null(f->fix);

    /* Keys without actions: the database form says nothing. */
    expect_none(check_sql("CREATE TABLE customers (id INTEGER PRIMARY KEY);\n"
                          "CREATE TABLE orders (id INTEGER PRIMARY KEY,\n"
                          "  customer_id INTEGER REFERENCES customers(id) ON DELETE NO ACTION,\n"
                          "  other_id INTEGER REFERENCES customers(id));\n",
                          "SQLITE001"));
}

static void test_sqlite001_caps_related(void **state)
{
    (void)state;
    char sql[8192] = "CREATE TABLE p (id INTEGER PRIMARY KEY);\n";
    size_t len = strlen(sql);
    for (int i = 0; i < 15; i++)
        len += (size_t)snprintf(sql + len, sizeof sql - len,
                                "CREATE TABLE c%02d (id INTEGER PRIMARY KEY,\n"
                                "  p_id INTEGER REFERENCES p(id) ON DELETE CASCADE);\n",
                                i);
    relmap_findings *fs = check_sql(sql, "SQLITE001");
    const relmap_finding *f = expect_one(fs, "SQLITE001", "c00", "p_id");
    WORDS(f, "15 foreign keys");
    assert_int_equal(f->nrelated, 11); /* 10 named, then "and 4 more" */
    assert_non_null(strstr(f->related[10].message, "and 4 more"));
}

static void test_sqlite002_violations(void **state)
{
    (void)state;
    relmap_findings *fs =
        check_sql("CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
                  "CREATE TABLE addresses (id INTEGER PRIMARY KEY,\n"
                  "  user_id INTEGER REFERENCES users(id));\n"
                  "INSERT INTO users VALUES (1);\n"
                  "INSERT INTO addresses VALUES (1, 1), (4, 40), (5, 1), (7, 70), (9, 90),\n"
                  "  (10, NULL);\n",
                  "SQLITE002");
    const relmap_finding *f = expect_one(fs, "SQLITE002", "addresses", "user_id");
    assert_int_equal(f->severity, RELMAP_SEVERITY_ERROR);
    WORDS(f,
          "3 rows of addresses violate addresses(user_id) \xe2\x86\x92 users(id) (rowids 4, 7, 9)");

    /* Clean data; and a key SQLite cannot check (FK003 reports it). */
    expect_none(check_sql("CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
                          "CREATE TABLE addresses (id INTEGER PRIMARY KEY,\n"
                          "  user_id INTEGER REFERENCES users(id));\n"
                          "INSERT INTO users VALUES (1);\n"
                          "INSERT INTO addresses VALUES (1, 1), (2, NULL);\n",
                          "SQLITE002"));
    expect_none(check_sql("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);\n"
                          "CREATE TABLE addresses (id INTEGER PRIMARY KEY,\n"
                          "  email TEXT REFERENCES users(email));\n"
                          "INSERT INTO addresses VALUES (1, 'x@example.com');\n",
                          "SQLITE002"));
}

static void test_sqlite003_nullable_pk(void **state)
{
    (void)state;
    relmap_findings *fs =
        check_sql("CREATE TABLE countries (code TEXT PRIMARY KEY, name TEXT NOT NULL);\n"
                  "CREATE TABLE legacy (id INT PRIMARY KEY);\n",
                  "SQLITE003");
    expect_count(fs, "SQLITE003", 2);
    const relmap_finding *f = &fs->items[0];
    assert_string_equal(f->table, "countries");
    assert_string_equal(f->column, "code");
    WORDS(f, "primary key of countries (code)", "accepts NULL", "declare code NOT NULL");

    expect_none(check_sql("CREATE TABLE a (id INTEGER PRIMARY KEY);\n"
                          "CREATE TABLE b (code TEXT NOT NULL PRIMARY KEY);\n"
                          "CREATE TABLE c (code TEXT PRIMARY KEY) WITHOUT ROWID;\n"
                          "CREATE TABLE d (x INT NOT NULL, y TEXT NOT NULL, PRIMARY KEY (x, y));\n",
                          "SQLITE003"));
}

/* ---- a clean, realistic schema --------------------------------------------- */

static const char blog_sql[] =
    "CREATE TABLE users (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  email TEXT NOT NULL UNIQUE,\n"
    "  name TEXT NOT NULL,\n"
    "  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP\n"
    ");\n"
    "CREATE TABLE posts (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,\n"
    "  title TEXT NOT NULL,\n"
    "  body TEXT NOT NULL,\n"
    "  published_at TEXT\n"
    ");\n"
    "CREATE INDEX ix_posts_user_id ON posts (user_id, published_at);\n"
    "CREATE TABLE comments (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,\n"
    "  user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,\n"
    "  parent_id INTEGER REFERENCES comments(id) ON DELETE CASCADE,\n"
    "  body TEXT NOT NULL\n"
    ");\n"
    "CREATE INDEX ix_comments_post_id ON comments (post_id);\n"
    "CREATE INDEX ix_comments_user_id ON comments (user_id);\n"
    "CREATE INDEX ix_comments_parent_id ON comments (parent_id);\n"
    "CREATE TABLE tags (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  name TEXT NOT NULL UNIQUE\n"
    ");\n"
    "CREATE TABLE post_tags (\n"
    "  post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,\n"
    "  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,\n"
    "  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
    "  PRIMARY KEY (post_id, tag_id)\n"
    ");\n"
    "CREATE INDEX ix_post_tags_tag_id ON post_tags (tag_id);\n"
    "INSERT INTO users VALUES (1, 'ann@example.com', 'Ann', '2024-01-01');\n"
    "INSERT INTO posts VALUES (1, 1, 'Hello', 'First post', NULL);\n"
    "INSERT INTO comments VALUES (1, 1, 1, NULL, 'Nice');\n"
    "INSERT INTO tags VALUES (1, 'intro');\n"
    "INSERT INTO post_tags VALUES (1, 1, '2024-01-02');\n";

static void test_clean_blog_schema(void **state)
{
    (void)state;
    /* Every rule: nothing but SQLITE001's note, which any database whose
     * keys declare actions gets (the file cannot say whether the
     * application enables the pragma). */
    expect_none(check_sql_ignoring(blog_sql, NULL, "SQLITE001"));
    relmap_findings *fs = check_sql(blog_sql, NULL);
    const relmap_finding *f = expect_one(fs, "SQLITE001", "posts", "user_id");
    assert_int_equal(f->severity, RELMAP_SEVERITY_INFO);
    assert_int_equal(fs->count, 1);
}

/* Every rule's catalogue entry is documented. */
static void test_catalogue_documented(void **state)
{
    (void)state;
    size_t n;
    const relmap_rule *rules = relmap_rules(&n);
    assert_true(n >= 21);
    for (size_t i = 0; i < n; i++) {
        const relmap_rule *r = &rules[i];
        assert_non_null(r->summary);
        assert_true(strlen(r->summary) > 10);
        assert_null(strchr(r->summary, '\n'));
        assert_true(strlen(r->rationale) > 80);
        assert_true(strlen(r->bad) > 10);
        assert_true(strlen(r->good) > 10);
        assert_true(strcmp(r->bad, r->good) != 0);
        assert_true(strlen(r->fix) > 10);
        assert_ptr_equal(relmap_rule_find(r->id), r);
        assert_ptr_equal(relmap_rule_find(r->name), r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_fk001_unknown_table, teardown),
        cmocka_unit_test_teardown(test_fk002_unknown_column, teardown),
        cmocka_unit_test_teardown(test_fk003_target_not_unique, teardown),
        cmocka_unit_test_teardown(test_fk004_arity_mismatch, teardown),
        cmocka_unit_test_teardown(test_fk005_type_mismatch, teardown),
        cmocka_unit_test_teardown(test_fk006_missing_index, teardown),
        cmocka_unit_test_teardown(test_fk006_composite, teardown),
        cmocka_unit_test_teardown(test_fk006_fix_names_postgres, teardown),
        cmocka_unit_test_teardown(test_fk007_set_null_not_nullable, teardown),
        cmocka_unit_test_teardown(test_fk008_cycle, teardown),
        cmocka_unit_test_teardown(test_fk008_one_finding_per_component, teardown),
        cmocka_unit_test_teardown(test_fk008_long_ring, teardown),
        cmocka_unit_test_teardown(test_fk009_duplicate, teardown),
        cmocka_unit_test_teardown(test_fk010_implied_missing, teardown),
        cmocka_unit_test_teardown(test_fk011_set_default_without_default, teardown),
        cmocka_unit_test_teardown(test_fk012_self_reference_same_columns, teardown),
        cmocka_unit_test_teardown(test_tab001_no_primary_key, teardown),
        cmocka_unit_test_teardown(test_idx001_redundant, teardown),
        cmocka_unit_test_teardown(test_idx002_unique_nullable, teardown),
        cmocka_unit_test_teardown(test_jt001_no_unique, teardown),
        cmocka_unit_test_teardown(test_jt002_nullable_fk, teardown),
        cmocka_unit_test_teardown(test_jt003_no_cascade, teardown),
        cmocka_unit_test_teardown(test_sqlite001_unenforced, teardown),
        cmocka_unit_test_teardown(test_sqlite001_caps_related, teardown),
        cmocka_unit_test_teardown(test_sqlite002_violations, teardown),
        cmocka_unit_test_teardown(test_sqlite003_nullable_pk, teardown),
        cmocka_unit_test_teardown(test_clean_blog_schema, teardown),
        cmocka_unit_test(test_catalogue_documented),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
