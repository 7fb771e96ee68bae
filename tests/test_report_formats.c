/*
 * test_report_formats.c - the CI formats (SARIF, JUnit, GitHub
 * annotations) and the text report's --statistics and --quiet, over a
 * model and findings made in memory so that every byte is ours.
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

#include "buf.h"
#include "model_build.h"
#include "relmap/relmap.h"
#include "report_formats.h"
#include "resolve.h"

static int to_buf(void *payload, const char *data, size_t len)
{
    rm_buf_add(payload, data, len);
    return 0;
}

/* Line 3 holds a non-ASCII name before the key, so byte and code point
 * columns differ there. */
static const char sql[] = "CREATE TABLE customers (id INTEGER PRIMARY KEY);\n"
                          "CREATE TABLE orders (\n"
                          "  \"n\xC3\xA4me\" TEXT, customer_id INTEGER REFERENCES customer(id)\n"
                          ");\n";

typedef struct fixture {
    relmap_model *model;
    relmap_finding items[3];
    relmap_related related;
    relmap_findings findings;
} fixture;

static relmap_span span_of(uint32_t src, const char *text, const char *what)
{
    size_t start = (size_t)(strstr(text, what) - text);
    return mb_span(src, start, start + strlen(what));
}

/* `path` is the file's name; `statement` makes it a database's stored
 * statement instead of a text file. */
static void fixture_init(fixture *fx, const char *path, const char *text, bool statement)
{
    memset(fx, 0, sizeof *fx);
    relmap_model *m = mb_model_new();
    uint32_t s = statement ? mb_statement_source(m, path, text, strlen(text))
                           : mb_source(m, path, text, strlen(text));
    relmap_table *c =
        mb_table(m, NULL, "customers", RELMAP_KIND_TABLE, span_of(s, text, "customers"));
    mb_column(m, c, "id", "INTEGER", span_of(s, text, "id"));
    relmap_table *o = mb_table(m, NULL, "orders", RELMAP_KIND_TABLE, span_of(s, text, "orders"));
    mb_column(m, o, "customer_id", "INTEGER", span_of(s, text, "customer_id"));
    rm_resolve(m);
    fx->model = m;

    relmap_finding *f = &fx->items[0];
    f->rule = relmap_rule_find("FK001");
    f->severity = RELMAP_SEVERITY_ERROR;
    f->span = span_of(s, text, "REFERENCES customer(id)");
    f->table = "orders";
    f->column = "customer_id";
    f->message = "no table 'customer' <&> \"quoted\", 100% sure: yes\nsecond line";
    fx->related.span = span_of(s, text, "customers");
    fx->related.message = "did you mean 'customers'?";
    f->related = &fx->related;
    f->nrelated = 1;
    f->fix = "CREATE TABLE customer (id INTEGER PRIMARY KEY);";

    f = &fx->items[1];
    f->rule = relmap_rule_find("FK006");
    f->severity = RELMAP_SEVERITY_INFO;
    f->span = span_of(s, text, "customer_id");
    f->table = "orders";
    f->column = "customer_id";
    f->message = "no index \x1b[2J";
    f->fix = "customer_id INTEGER REFERENCES customers(id)"; /* a fragment */

    f = &fx->items[2];
    f->rule = relmap_rule_find("FK006");
    f->severity = RELMAP_SEVERITY_WARNING;
    f->span = mb_no_span();
    f->table = "orders";
    f->column = "other_id";
    f->message = "no place";
    fx->findings.items = fx->items;
    fx->findings.count = 3;
}

static char *report(fixture *fx, relmap_format format, bool statistics, bool quiet, size_t count)
{
    relmap_findings fs = fx->findings;
    fs.count = count;
    relmap_report_opts opts = RELMAP_REPORT_OPTS_INIT;
    opts.format = format;
    opts.statistics = statistics;
    opts.quiet = quiet;
    rm_buf b = RM_BUF_INIT;
    assert_int_equal(relmap_report(fx->model, &fs, &opts, to_buf, &b), 0);
    return b.data ? b.data : strdup("");
}

static void assert_contains(const char *haystack, const char *needle)
{
    if (!strstr(haystack, needle))
        print_error("missing: %s\nin:\n%s\n", needle, haystack);
    assert_non_null(strstr(haystack, needle));
}

static void test_format_names(void **state)
{
    (void)state;
    relmap_format f;
    assert_int_equal(relmap_format_parse("SARIF", &f), 0);
    assert_int_equal(f, RELMAP_FORMAT_SARIF);
    assert_int_equal(relmap_format_parse("junit", &f), 0);
    assert_int_equal(f, RELMAP_FORMAT_JUNIT);
    assert_int_equal(relmap_format_parse("github", &f), 0);
    assert_int_equal(f, RELMAP_FORMAT_GITHUB);
    assert_int_equal(relmap_format_parse("xml", &f), RELMAP_EINVAL);
}

static void test_sarif(void **state)
{
    (void)state;
    fixture fx;
    fixture_init(&fx, "db/my schema#1.sql", sql, false);
    char *out = report(&fx, RELMAP_FORMAT_SARIF, false, false, 3);
    assert_contains(out, "\"version\": \"2.1.0\"");
    assert_contains(out, "\"informationUri\": \"http");
    /* Every rule of the catalogue, with its default level. */
    size_t nrules;
    const relmap_rule *rules = relmap_rules(&nrules);
    for (size_t i = 0; i < nrules; i++) {
        char id[64];
        snprintf(id, sizeof id, "\"id\": \"%s\",\n", rules[i].id);
        assert_contains(out, id);
    }
    assert_contains(out, "\"level\": \"note\"\n"); /* FK006's default, info */
    assert_contains(out, "\"ruleId\": \"FK001\",\n          \"ruleIndex\": 0,");
    assert_contains(out, "\"uri\": \"db/my%20schema%231.sql\"");
    /* Line 3: `  "näme" TEXT, customer_id INTEGER REFERENCES customer(id)`:
     * REFERENCES starts at byte column 37, code point 36; 23 characters long. */
    assert_contains(out, "\"startLine\": 3,\n                  \"startColumn\": 36,\n"
                         "                  \"endLine\": 3,\n                  \"endColumn\": 59\n");
    assert_contains(out, "\"relatedLocations\": [\n            {\n              \"id\": 1,");
    assert_contains(out, "\"text\": \"did you mean 'customers'?\"");
    /* The whole-statement fix is an insertion at the end (line 5, column
     * 1: the file ends with a newline); the fragment is no artifactChange. */
    assert_contains(out, "\"deletedRegion\": {\n                        \"startLine\": 5,\n"
                         "                        \"startColumn\": 1,\n"
                         "                        \"endLine\": 5,\n"
                         "                        \"endColumn\": 1\n");
    assert_contains(out, "\"text\": \"CREATE TABLE customer (id INTEGER PRIMARY KEY);\\n\"");
    assert_non_null(strstr(out, "\"fixes\""));
    assert_null(strstr(strstr(out, "\"fixes\"") + 1, "\"fixes\""));
    assert_contains(out, "\"fix\": \"customer_id INTEGER REFERENCES customers(id)\"");
    /* A finding without a place still has its table's file. */
    assert_contains(out, "\"message\": {\n            \"text\": \"no place\"\n          },\n"
                         "          \"locations\": [\n            {\n"
                         "              \"physicalLocation\": {\n"
                         "                \"artifactLocation\": {\n"
                         "                  \"uri\": \"db/my%20schema%231.sql\"\n"
                         "                }\n              }\n");
    free(out);
    relmap_model_free(fx.model);

    /* A database's statements get no fix (there is no text file to edit),
     * and an absolute path becomes a file:// URI. */
    fixture_init(&fx, "/srv/shop.db", sql, true);
    out = report(&fx, RELMAP_FORMAT_SARIF, false, false, 3);
    assert_null(strstr(out, "\"fixes\""));
    assert_contains(out, "\"uri\": \"file:///srv/shop.db\"");
    free(out);
    relmap_model_free(fx.model);
}

/* The fingerprint is the rule and the names, never the position. */
static void test_fingerprints(void **state)
{
    (void)state;
    fixture a, b;
    fixture_init(&a, "schema.sql", sql, false);
    char shifted[512];
    snprintf(shifted, sizeof shifted, "-- a comment\n\n%s", sql);
    fixture_init(&b, "schema.sql", shifted, false);
    char fa[17], fb[17], other[17];
    rm_finding_fingerprint(&a.items[0], fa);
    rm_finding_fingerprint(&b.items[0], fb);
    assert_string_equal(fa, fb);
    assert_int_equal(strlen(fa), 16);
    rm_finding_fingerprint(&a.items[1], other); /* same names, another rule */
    assert_string_not_equal(fa, other);
    relmap_finding changed = a.items[0];
    changed.column = "seller_id";
    rm_finding_fingerprint(&changed, other);
    assert_string_not_equal(fa, other);
    /* ("ab", NULL) and ("a", "b") must not collide by concatenation. */
    changed = a.items[0];
    changed.table = "orderscustomer_id";
    changed.column = NULL;
    rm_finding_fingerprint(&changed, other);
    assert_string_not_equal(fa, other);
    char *sa = report(&a, RELMAP_FORMAT_SARIF, false, false, 1);
    char *sb = report(&b, RELMAP_FORMAT_SARIF, false, false, 1);
    char want[64];
    snprintf(want, sizeof want, "\"relmapFindingKey/v1\": \"%s\"", fa);
    assert_contains(sa, want);
    assert_contains(sb, want);
    free(sa);
    free(sb);
    relmap_model_free(a.model);
    relmap_model_free(b.model);
}

static void test_junit(void **state)
{
    (void)state;
    fixture fx;
    fixture_init(&fx, "schema.sql", sql, false);
    char *out = report(&fx, RELMAP_FORMAT_JUNIT, false, false, 3);
    size_t nrules;
    relmap_rules(&nrules);
    char head[256];
    /* Hand-made findings count every rule as run: one case each, two of
     * them failed (FK001, FK006). */
    snprintf(head, sizeof head,
             "<testsuites name=\"relmap\" tests=\"%zu\" failures=\"2\" errors=\"0\">\n"
             "  <testsuite name=\"relmap\" tests=\"%zu\" failures=\"2\" errors=\"0\" "
             "skipped=\"0\">\n",
             nrules, nrules);
    assert_contains(out, head);
    assert_contains(out, "<testcase classname=\"relmap.FK\" name=\"FK002 fk-unknown-column\"/>\n");
    assert_contains(out, "<testcase classname=\"relmap.FK\" name=\"FK001 fk-unknown-table\">\n"
                         "      <failure type=\"error\" message=\"schema.sql:3:37: no table "
                         "&apos;customer&apos; &lt;&amp;&gt; &quot;quoted&quot;, 100% sure: "
                         "yes&#10;second line\">schema.sql:3:37: no table");
    assert_contains(out, "second line\nrule: FK001 fk-unknown-table\nseverity: error\n"
                         "note: schema.sql:1:14: did you mean &apos;customers&apos;?\n"
                         "fix: CREATE TABLE customer (id INTEGER PRIMARY KEY);</failure>\n");
    /* Two failures in FK006's case; the escape character is shown, not kept. */
    assert_contains(out, "message=\"schema.sql:3:17: no index \\x1B[2J\"");
    assert_contains(out, "message=\"schema.sql: no place\"");
    assert_null(strchr(out, '\x1b'));
    free(out);
    relmap_model_free(fx.model);
}

static void test_github(void **state)
{
    (void)state;
    fixture fx;
    fixture_init(&fx, "a,b:c%.sql", sql, false);
    char *out = report(&fx, RELMAP_FORMAT_GITHUB, false, false, 3);
    assert_string_equal(
        out, "::error file=a%2Cb%3Ac%25.sql,line=3,col=36,endLine=3,endColumn=59,"
             "title=FK001 fk-unknown-table::no table 'customer' <&> \"quoted\", 100%25 sure: "
             "yes%0Asecond line%0Afix: CREATE TABLE customer (id INTEGER PRIMARY KEY);\n"
             "::notice file=a%2Cb%3Ac%25.sql,line=3,col=16,endLine=3,endColumn=27,"
             "title=FK006 fk-missing-index::no index \\x1B[2J%0Afix: customer_id INTEGER "
             "REFERENCES customers(id)\n"
             "::warning file=a%2Cb%3Ac%25.sql,title=FK006 fk-missing-index::no place\n");
    free(out);
    relmap_model_free(fx.model);
}

static void test_statistics_and_quiet(void **state)
{
    (void)state;
    fixture fx;
    fixture_init(&fx, "schema.sql", sql, false);
    char *out = report(&fx, RELMAP_FORMAT_TEXT, true, false, 3);
    assert_string_equal(out, "2  FK006      fk-missing-index\n"
                             "1  FK001      fk-unknown-table\n"
                             "3 problems (1 error, 1 warning, 1 info)\n");
    free(out);
    out = report(&fx, RELMAP_FORMAT_TEXT, false, true, 3);
    assert_null(strstr(out, "problems"));
    assert_contains(out, "[FK001 fk-unknown-table]");
    free(out);
    out = report(&fx, RELMAP_FORMAT_TEXT, false, true, 0);
    assert_string_equal(out, "");
    free(out);
    out = report(&fx, RELMAP_FORMAT_TEXT, false, false, 0);
    assert_string_equal(out, "No problems found.\n");
    free(out);
    relmap_model_free(fx.model);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_names), cmocka_unit_test(test_sarif),
        cmocka_unit_test(test_fingerprints), cmocka_unit_test(test_junit),
        cmocka_unit_test(test_github),       cmocka_unit_test(test_statistics_and_quiet),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
