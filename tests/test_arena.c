/*
 * test_arena.c - the arena allocator and the growable buffer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "arena.h"
#include "buf.h"

static void test_alloc_is_zeroed_and_aligned(void **state)
{
    (void)state;
    rm_arena *arena = rm_arena_new();
    for (size_t size = 1; size < 3000; size += 37) {
        unsigned char *p = rm_arena_alloc(arena, size);
        assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
        for (size_t i = 0; i < size; i++)
            assert_int_equal(p[i], 0);
        memset(p, 0xab, size);
    }
    rm_arena_free(arena);
}

static void test_large_allocations_keep_working(void **state)
{
    (void)state;
    rm_arena *arena = rm_arena_new();
    char *small = rm_arena_strdup(arena, "before");
    char *big = rm_arena_alloc(arena, 1 << 20);
    big[(1 << 20) - 1] = 'x';
    char *after = rm_arena_strdup(arena, "after");
    assert_string_equal(small, "before");
    assert_string_equal(after, "after");
    assert_true(rm_arena_size(arena) >= (1u << 20));
    rm_arena_free(arena);
}

static void test_push_grows_and_keeps_contents(void **state)
{
    (void)state;
    rm_arena *arena = rm_arena_new();
    int *items = NULL;
    size_t n = 0;
    for (int i = 0; i < 1000; i++) {
        int *slot = rm_arena_push(arena, (void **)&items, &n, sizeof *items);
        assert_int_equal(*slot, 0);
        *slot = i * 3;
    }
    assert_int_equal(n, 1000);
    for (int i = 0; i < 1000; i++)
        assert_int_equal(items[i], i * 3);
    rm_arena_free(arena);
}

static void test_printf_and_strndup(void **state)
{
    (void)state;
    rm_arena *arena = rm_arena_new();
    assert_string_equal(rm_arena_printf(arena, "%s.%s:%d", "users", "id", 7), "users.id:7");
    assert_string_equal(rm_arena_strndup(arena, "abcdef", 3), "abc");
    assert_null(rm_arena_strdup(arena, NULL));
    rm_arena_free(arena);
}

static void test_buf(void **state)
{
    (void)state;
    rm_buf b = RM_BUF_INIT;
    assert_string_equal(rm_buf_cstr(&b), "");
    rm_buf_adds(&b, "a");
    rm_buf_addc(&b, 'b');
    rm_buf_printf(&b, "%d-%s", 42, "x");
    rm_buf_add(&b, "\0z", 2);
    assert_int_equal(b.len, 8);
    assert_memory_equal(b.data, "ab42-x\0z", 8);
    rm_buf_clear(&b);
    assert_string_equal(rm_buf_cstr(&b), "");
    rm_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alloc_is_zeroed_and_aligned),
        cmocka_unit_test(test_large_allocations_keep_working),
        cmocka_unit_test(test_push_grows_and_keeps_contents),
        cmocka_unit_test(test_printf_and_strndup),
        cmocka_unit_test(test_buf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
