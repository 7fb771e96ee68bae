/*
 * test_baseline.c - baselines: written keyed by rule and names, read back,
 * and applied so that only new findings remain (N accepted, N + 1 found:
 * one is new), whatever lines the findings moved to.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "relmap/relmap.h"

static int to_buf(void *payload, const char *data, size_t len)
{
    rm_buf_add(payload, data, len);
    return 0;
}

static relmap_finding finding(const char *id, const char *table, const char *column,
                              uint32_t line_offset)
{
    relmap_finding f;
    memset(&f, 0, sizeof f);
    f.rule = relmap_rule_find(id);
    f.severity = f.rule->severity;
    f.span = (relmap_span){0, line_offset, line_offset + 1};
    f.table = table;
    f.column = column;
    f.message = "m";
    return f;
}

static relmap_baseline *baseline_of(relmap_finding *items, size_t n, char **text)
{
    relmap_findings fs = {items, n, NULL};
    rm_buf b = RM_BUF_INIT;
    assert_int_equal(relmap_baseline_write(&fs, to_buf, &b), 0);
    relmap_baseline *base = NULL;
    assert_int_equal(relmap_baseline_parse(&base, "base.json", b.data, b.len), 0);
    *text = b.data;
    return base;
}

static void test_write_format(void **state)
{
    (void)state;
    relmap_finding items[] = {finding("FK006", "orders", "customer_id", 10),
                              finding("FK001", "orders", "x\"y\\z \xC3\xA4", 20),
                              finding("FK006", "orders", "customer_id", 30)};
    char *text;
    relmap_baseline *base = baseline_of(items, 3, &text);
    /* Sorted by key, counted, no positions. */
    assert_string_equal(text, "{\n"
                              "  \"relmap_baseline\": 1,\n"
                              "  \"findings\": [\n"
                              "    {\n"
                              "      \"rule\": \"FK001\",\n"
                              "      \"table\": \"orders\",\n"
                              "      \"column_name\": \"x\\\"y\\\\z \xC3\xA4\",\n"
                              "      \"class\": null,\n"
                              "      \"attribute\": null,\n"
                              "      \"count\": 1\n"
                              "    },\n"
                              "    {\n"
                              "      \"rule\": \"FK006\",\n"
                              "      \"table\": \"orders\",\n"
                              "      \"column_name\": \"customer_id\",\n"
                              "      \"class\": null,\n"
                              "      \"attribute\": null,\n"
                              "      \"count\": 2\n"
                              "    }\n"
                              "  ]\n"
                              "}\n");
    /* Read back (escapes included), it accepts exactly these findings,
     * wherever they are now. */
    relmap_finding now[] = {finding("FK006", "orders", "customer_id", 99),
                            finding("FK001", "orders", "x\"y\\z \xC3\xA4", 1),
                            finding("FK006", "orders", "customer_id", 500)};
    relmap_findings fs = {now, 3, NULL};
    assert_int_equal(relmap_baseline_apply(base, &fs), 3);
    assert_int_equal(fs.count, 0);
    relmap_baseline_free(base);
    free(text);
}

static void test_only_new_ones(void **state)
{
    (void)state;
    relmap_finding old[] = {finding("FK006", "orders", "customer_id", 10)};
    char *text;
    relmap_baseline *base = baseline_of(old, 1, &text);
    relmap_finding now[] = {
        finding("FK006", "orders", "customer_id", 10),
        finding("FK006", "orders", "customer_id", 40), /* N + 1: new */
        finding("FK006", "orders", "seller_id", 50),   /* another column */
        finding("FK001", "orders", "customer_id", 60), /* another rule */
        finding("FK006", "order", "customer_id", 70),  /* another table */
    };
    relmap_findings fs = {now, 5, NULL};
    assert_int_equal(relmap_baseline_apply(base, &fs), 1);
    assert_int_equal(fs.count, 4);
    assert_int_equal(fs.items[0].span.start, 40); /* the later one is new */
    assert_string_equal(fs.items[1].column, "seller_id");
    assert_string_equal(fs.items[2].rule->id, "FK001");
    assert_string_equal(fs.items[3].table, "order");
    relmap_baseline_free(base);
    free(text);
}

/* NULL names and empty names are different keys. */
static void test_null_is_not_empty(void **state)
{
    (void)state;
    relmap_finding old[] = {finding("SQLITE001", NULL, NULL, 0)};
    char *text;
    relmap_baseline *base = baseline_of(old, 1, &text);
    relmap_finding now[] = {finding("SQLITE001", "", NULL, 0), finding("SQLITE001", NULL, NULL, 0)};
    relmap_findings fs = {now, 2, NULL};
    assert_int_equal(relmap_baseline_apply(base, &fs), 1);
    assert_int_equal(fs.count, 1);
    assert_string_equal(fs.items[0].table, "");
    relmap_baseline_free(base);
    free(text);
}

static void assert_bad(const char *text, const char *needle)
{
    relmap_baseline *base = (relmap_baseline *)1;
    assert_int_equal(relmap_baseline_parse(&base, "base.json", text, strlen(text)), RELMAP_EFORMAT);
    assert_null(base);
    if (!strstr(relmap_error_last(), needle))
        print_error("error: %s\n", relmap_error_last());
    assert_non_null(strstr(relmap_error_last(), needle));
}

static void test_malformed(void **state)
{
    (void)state;
    assert_bad("{\"findings\": [", "cannot parse");
    assert_bad("", "base.json: empty file");
    assert_bad("{\"relmap_baseline\": 1}", "base.json:1:1: not a relmap baseline");
    assert_bad("{\"findings\": [\n  {\"table\": \"t\", \"count\": 1}]}", "base.json:2:3: ");
    assert_bad("{\"findings\": [\n  {\"rule\": \"FK001\", \"count\": 0}]}", "base.json:2:");
    assert_bad("{\"findings\": [{\"rule\": [\"FK001\"], \"count\": 1}]}", "must be a string");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_write_format),
        cmocka_unit_test(test_only_new_ones),
        cmocka_unit_test(test_null_is_not_empty),
        cmocka_unit_test(test_malformed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
