/*
 * test_maps.c - the name and pointer hash maps.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptrmap.h"
#include "strmap.h"

static void test_strmap_exact(void **state)
{
    (void)state;
    rm_strmap *map = rm_strmap_new(false);
    int a = 1, b = 2;
    assert_null(rm_strmap_put(map, "Users", &a));
    assert_ptr_equal(rm_strmap_put(map, "Users", &b), &a); /* first one stays */
    assert_ptr_equal(rm_strmap_get(map, "Users"), &a);
    assert_null(rm_strmap_get(map, "users"));
    assert_ptr_equal(rm_strmap_getn(map, "Users.id", 5), &a);
    assert_int_equal(rm_strmap_count(map), 1);
    rm_strmap_free(map);
}

static void test_strmap_folds_ascii_only(void **state)
{
    (void)state;
    rm_strmap *map = rm_strmap_new(true);
    int a = 1, b = 2;
    rm_strmap_put(map, "Users", &a);
    rm_strmap_put(map, "\xc3\x89t\xc3\xa9", &b); /* "Été" */
    assert_ptr_equal(rm_strmap_get(map, "USERS"), &a);
    assert_ptr_equal(rm_strmap_get(map, "users"), &a);
    assert_ptr_equal(rm_strmap_get(map, "\xc3\x89T\xc3\xa9"), &b);
    assert_null(rm_strmap_get(map, "\xc3\xa9t\xc3\xa9")); /* SQLite folds ASCII only */
    rm_strmap_free(map);
}

static void test_strmap_many(void **state)
{
    (void)state;
    enum { N = 20000 };
    char(*names)[16] = malloc(N * sizeof *names);
    rm_strmap *map = rm_strmap_new(true);
    for (int i = 0; i < N; i++) {
        snprintf(names[i], sizeof names[i], "table_%d", i);
        assert_null(rm_strmap_put(map, names[i], names[i]));
    }
    for (int i = 0; i < N; i++) {
        char upper[16];
        snprintf(upper, sizeof upper, "TABLE_%d", i);
        assert_ptr_equal(rm_strmap_get(map, upper), names[i]);
    }
    assert_null(rm_strmap_get(map, "table_20000"));
    assert_int_equal(rm_strmap_count(map), N);
    rm_strmap_free(map);
    free(names);
}

static void test_ptrmap(void **state)
{
    (void)state;
    enum { N = 5000 };
    int *items = calloc(N, sizeof *items);
    rm_ptrmap *map = rm_ptrmap_new(4);
    for (size_t i = 0; i < N; i++)
        rm_ptrmap_put(map, &items[i], i);
    rm_ptrmap_put(map, &items[7], 70); /* replaces */
    for (size_t i = 0; i < N; i++) {
        size_t v = 0;
        assert_true(rm_ptrmap_get(map, &items[i], &v));
        assert_int_equal(v, i == 7 ? 70 : i);
    }
    size_t v;
    int other;
    assert_false(rm_ptrmap_get(map, &other, &v));
    rm_ptrmap_free(map);
    free(items);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strmap_exact),
        cmocka_unit_test(test_strmap_folds_ascii_only),
        cmocka_unit_test(test_strmap_many),
        cmocka_unit_test(test_ptrmap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
