/*
 * test_model.c - the builder, spans and line maps, and resolve.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "model_build.h"
#include "relmap/model.h"
#include "resolve.h"

static void test_parse_action(void **state)
{
    (void)state;
    assert_int_equal(mb_parse_action(NULL), RELMAP_ACTION_UNSET);
    assert_int_equal(mb_parse_action("CASCADE"), RELMAP_ACTION_CASCADE);
    assert_int_equal(mb_parse_action("set null"), RELMAP_ACTION_SET_NULL);
    assert_int_equal(mb_parse_action("  Set\t\nDefault "), RELMAP_ACTION_SET_DEFAULT);
    assert_int_equal(mb_parse_action("NO ACTION"), RELMAP_ACTION_NO_ACTION);
    assert_int_equal(mb_parse_action("restrict"), RELMAP_ACTION_RESTRICT);
    assert_int_equal(mb_parse_action("SETNULL"), RELMAP_ACTION_INVALID);
    assert_int_equal(mb_parse_action("CASCADES"), RELMAP_ACTION_INVALID);
    assert_int_equal(mb_parse_action("SET"), RELMAP_ACTION_INVALID);
    assert_int_equal(mb_parse_action(""), RELMAP_ACTION_INVALID);
    assert_string_equal(relmap_fk_action_name(RELMAP_ACTION_SET_NULL), "SET NULL");
    assert_null(relmap_fk_action_name(RELMAP_ACTION_UNSET));
}

static void test_span_locate(void **state)
{
    (void)state;
    relmap_model *model = mb_model_new();
    const char *text = "CREATE TABLE t (\r\n  a INT,\n\tb TEXT\n)";
    uint32_t src = mb_source(model, "schema.sql", text, strlen(text));
    relmap_location loc;
    const char *b = strstr(text, "b TEXT");
    assert_int_equal(relmap_span_locate(model, mb_span(src, (size_t)(b - text), 0), &loc), 0);
    assert_string_equal(loc.path, "schema.sql");
    assert_int_equal(loc.line, 3);
    assert_int_equal(loc.column, 2); /* a tab is one byte */
    assert_int_equal(loc.line_len, 7);
    assert_memory_equal(loc.line_text, "\tb TEXT", 7);

    /* A CRLF line is shown without its CR. */
    assert_int_equal(relmap_span_locate(model, mb_span(src, 3, 4), &loc), 0);
    assert_int_equal(loc.line, 1);
    assert_int_equal(loc.column, 4);
    assert_int_equal(loc.line_len, strlen("CREATE TABLE t ("));

    /* The last line, without a newline after it. */
    assert_int_equal(relmap_span_locate(model, mb_span(src, strlen(text) - 1, 0), &loc), 0);
    assert_int_equal(loc.line, 4);
    assert_int_equal(loc.column, 1);

    assert_int_equal(relmap_span_locate(model, mb_no_span(), &loc), RELMAP_EINVAL);
    assert_null(loc.path);
    relmap_model_free(model);
}

static relmap_table *add_table(relmap_model *model, const char *name, const char *pk)
{
    relmap_table *t = mb_table(model, NULL, name, RELMAP_KIND_TABLE, mb_no_span());
    relmap_column *c = mb_column(model, t, pk, "INTEGER", mb_no_span());
    c->pk_position = 1;
    mb_primary_key(model, t, NULL, mb_no_span());
    mb_key_column(model, &t->primary_key, pk, mb_no_span());
    return t;
}

static void test_resolve_sqlite_names(void **state)
{
    (void)state;
    relmap_model *model = mb_model_new();
    model->dialect = RELMAP_DIALECT_SQLITE;
    add_table(model, "Users", "id");
    relmap_table *orders = add_table(model, "orders", "id");
    mb_column(model, orders, "User_Id", "INTEGER", mb_no_span());
    relmap_fk *implicit = mb_fk(model, orders, NULL, NULL, "USERS", mb_no_span());
    mb_fk_column(model, implicit, "user_id", mb_no_span());
    relmap_fk *explicit_cols = mb_fk(model, orders, "fk_x", NULL, "users", mb_no_span());
    mb_fk_column(model, explicit_cols, "user_id", mb_no_span());
    mb_fk_ref_column(model, explicit_cols, "ID", mb_no_span());
    relmap_fk *unknown = mb_fk(model, orders, NULL, NULL, "customers", mb_no_span());
    mb_fk_column(model, unknown, "nope", mb_no_span());
    rm_resolve(model);

    const relmap_table *users = relmap_model_find_table(model, NULL, "uSeRs");
    assert_non_null(users);
    assert_string_equal(users->name, "Users");
    assert_ptr_equal(users->primary_key.columns[0].column, &users->columns[0]);

    /* Builder pointers move as arrays grow: read the keys back from the table. */
    const relmap_fk *fks = orders->fks;
    assert_ptr_equal(fks[0].ref_table, users);
    assert_ptr_equal(fks[0].columns[0].column, &orders->columns[1]);
    assert_int_equal(fks[0].ntarget, 1);
    assert_ptr_equal(fks[0].target[0], &users->columns[0]);
    assert_int_equal(fks[1].ntarget, 1);
    assert_ptr_equal(fks[1].target[0], &users->columns[0]);
    assert_null(fks[2].ref_table);
    assert_null(fks[2].columns[0].column);
    assert_int_equal(fks[2].ntarget, 0);
    relmap_model_free(model);
}

static void test_resolve_postgres_names_are_exact(void **state)
{
    (void)state;
    relmap_model *model = mb_model_new();
    model->dialect = RELMAP_DIALECT_POSTGRES;
    relmap_table *a = add_table(model, "users", "id");
    a->schema = mb_str(model, "public");
    add_table(model, "Users", "id");
    rm_resolve(model);
    assert_string_equal(relmap_model_find_table(model, NULL, "Users")->name, "Users");
    assert_ptr_equal(relmap_model_find_table(model, "public", "users"), a);
    assert_null(relmap_model_find_table(model, "other", "users"));
    /* A table made without a schema answers to a qualified name too. */
    relmap_table *plain = add_table(model, "orders", "id");
    rm_resolve(model);
    assert_ptr_equal(relmap_model_find_table(model, "public", "orders"), plain);
    assert_null(relmap_model_find_table(model, NULL, "USERS"));
    relmap_model_free(model);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_action),
        cmocka_unit_test(test_span_locate),
        cmocka_unit_test(test_resolve_sqlite_names),
        cmocka_unit_test(test_resolve_postgres_names_are_exact),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
