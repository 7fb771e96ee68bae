/*
 * test_report.c - the output formats: escaping, the JSON writer, text and
 * JSON findings, and the model dump, over models built in memory.
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
#include "escape.h"
#include "json_write.h"
#include "model_build.h"
#include "relmap/relmap.h"
#include "resolve.h"

static int to_buf(void *payload, const char *data, size_t len)
{
    rm_buf_add(payload, data, len);
    return 0;
}

static int failing_write(void *payload, const char *data, size_t len)
{
    (void)payload;
    (void)data;
    (void)len;
    return -1;
}

/* A strict JSON checker (RFC 8259, and valid UTF-8 in strings): what we
 * print must parse anywhere. */
typedef struct json_in {
    const char *p, *end;
} json_in;

static bool json_value(json_in *in, int depth);

static void json_space(json_in *in)
{
    while (in->p < in->end && strchr(" \t\r\n", *in->p))
        in->p++;
}

static bool json_literal(json_in *in, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(in->end - in->p) < n || memcmp(in->p, word, n) != 0)
        return false;
    in->p += n;
    return true;
}

static bool json_string(json_in *in)
{
    if (*in->p++ != '"')
        return false;
    while (in->p < in->end && *in->p != '"') {
        int32_t cp;
        size_t step = rm_utf8_decode(in->p, (size_t)(in->end - in->p), &cp);
        if (cp < 0x20)
            return false; /* invalid UTF-8 or a raw control character */
        if (cp == '\\') {
            in->p++;
            if (in->p >= in->end || !strchr("\"\\/bfnrtu", *in->p))
                return false;
            if (*in->p == 'u') {
                for (int i = 1; i <= 4; i++)
                    if (in->p + i >= in->end || !strchr("0123456789abcdefABCDEF", in->p[i]))
                        return false;
                in->p += 4;
            }
            step = 1;
        }
        in->p += step;
    }
    return in->p++ < in->end;
}

static bool json_number(json_in *in)
{
    const char *start = in->p;
    if (*in->p == '-')
        in->p++;
    while (in->p < in->end && *in->p >= '0' && *in->p <= '9')
        in->p++;
    return in->p > start && in->p[-1] != '-';
}

static bool json_container(json_in *in, char close, bool members, int depth)
{
    in->p++;
    json_space(in);
    if (in->p < in->end && *in->p == close) {
        in->p++;
        return true;
    }
    for (;;) {
        json_space(in);
        if (members) {
            if (in->p >= in->end || !json_string(in))
                return false;
            json_space(in);
            if (in->p >= in->end || *in->p++ != ':')
                return false;
        }
        if (!json_value(in, depth + 1))
            return false;
        json_space(in);
        if (in->p >= in->end)
            return false;
        if (*in->p == close) {
            in->p++;
            return true;
        }
        if (*in->p++ != ',')
            return false;
    }
}

static bool json_value(json_in *in, int depth)
{
    json_space(in);
    if (in->p >= in->end || depth > 64)
        return false;
    switch (*in->p) {
    case '{':
        return json_container(in, '}', true, depth);
    case '[':
        return json_container(in, ']', false, depth);
    case '"':
        return json_string(in);
    case 't':
        return json_literal(in, "true");
    case 'f':
        return json_literal(in, "false");
    case 'n':
        return json_literal(in, "null");
    default:
        return json_number(in);
    }
}

static bool json_valid(const char *text, size_t len)
{
    json_in in = {text, text + len};
    if (!json_value(&in, 0))
        return false;
    json_space(&in);
    return in.p == in.end;
}

static void assert_escapes(const char *in, size_t len, const char *want)
{
    rm_buf b = RM_BUF_INIT;
    rj_escape(&b, in, len);
    assert_string_equal(rm_buf_cstr(&b), want);
    assert_true(json_valid(b.data, b.len));
    rm_buf_free(&b);
}

static void test_json_escape(void **state)
{
    (void)state;
    assert_escapes("plain", 5, "\"plain\"");
    assert_escapes("<script>\"q\"\\", 12, "\"<script>\\\"q\\\"\\\\\"");
    assert_escapes("a\nb\tc\rd\x01\x1f\x7f", 10, "\"a\\nb\\tc\\rd\\u0001\\u001f\\u007f\"");
    assert_escapes("nul\0byte", 8, "\"nul\\u0000byte\"");
    assert_escapes("caf\xc3\xa9 \xf0\x9f\x98\x80", 10, "\"caf\xc3\xa9 \xf0\x9f\x98\x80\"");
    /* Invalid UTF-8: one U+FFFD per maximal invalid subpart. */
    assert_escapes("x\xffy", 3, "\"x\xef\xbf\xbdy\"");
    assert_escapes("\xe2\x82", 2, "\"\xef\xbf\xbd\"");
    assert_escapes("\xe2\x82z", 3, "\"\xef\xbf\xbdz\"");
    assert_escapes("\xc0\xaf", 2, "\"\xef\xbf\xbd\xef\xbf\xbd\"");                 /* overlong */
    assert_escapes("\xed\xa0\x80", 3, "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\""); /* surrogate */
    assert_escapes("\xf4\x90\x80\x80", 4,
                   "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\""); /* > U+10FFFF */
}

static void test_text_escape(void **state)
{
    (void)state;
    rm_buf b = RM_BUF_INIT;
    rm_escape_text(&b, "a\x1b[31m\tb\xc2\x9b\xff", 11, 0);
    assert_string_equal(rm_buf_cstr(&b), "a\\x1B[31m\\x09b\\u009B\xef\xbf\xbd");
    rm_buf_clear(&b);
    rm_escape_text(&b, "\tkept", 5, 1);
    assert_string_equal(rm_buf_cstr(&b), "\tkept");
    rm_buf_free(&b);
}

static void test_json_writer_layout(void **state)
{
    (void)state;
    rm_buf b = RM_BUF_INIT;
    rj_writer w;
    rj_init(&w, to_buf, &b);
    rj_object_begin(&w);
    rj_member_string(&w, "name", "t");
    rj_key(&w, "cols");
    rj_array_inline(&w);
    rj_string(&w, "a");
    rj_string(&w, "b");
    rj_array_end(&w);
    rj_key(&w, "none");
    rj_array_begin(&w);
    rj_array_end(&w);
    rj_key(&w, "objs");
    rj_array_begin(&w);
    rj_object_begin(&w);
    rj_member_int(&w, "n", -3);
    rj_member_bool(&w, "ok", true);
    rj_key(&w, "x");
    rj_null(&w);
    rj_object_end(&w);
    rj_array_end(&w);
    rj_object_end(&w);
    assert_int_equal(rj_finish(&w), 0);
    assert_string_equal(rm_buf_cstr(&b), "{\n"
                                         "  \"name\": \"t\",\n"
                                         "  \"cols\": [\"a\", \"b\"],\n"
                                         "  \"none\": [],\n"
                                         "  \"objs\": [\n"
                                         "    {\n"
                                         "      \"n\": -3,\n"
                                         "      \"ok\": true,\n"
                                         "      \"x\": null\n"
                                         "    }\n"
                                         "  ]\n"
                                         "}\n");
    rm_buf_free(&b);

    rj_init(&w, failing_write, NULL);
    rj_object_begin(&w);
    rj_object_end(&w);
    assert_int_equal(rj_finish(&w), RELMAP_EWRITE);
}

/*
 * Two statements as a SQLite database stores them: customers, and orders
 * whose key names a table that does not exist (FK001).
 */
static const char customers_sql[] = "CREATE TABLE customers (\n"
                                    "    id INTEGER PRIMARY KEY,\n"
                                    "    email TEXT NOT NULL UNIQUE\n"
                                    ")";
static const char orders_sql[] = "CREATE TABLE orders (\n"
                                 "\tid INTEGER PRIMARY KEY,\n"
                                 "\tcustomer_id INTEGER REFERENCES customer(id)\n"
                                 ")";

static relmap_span span_of(uint32_t src, const char *text, const char *what)
{
    const char *at = strstr(text, what);
    assert_non_null(at);
    size_t start = (size_t)(at - text);
    return mb_span(src, start, start + strlen(what));
}

static relmap_model *shop_model(void)
{
    relmap_model *m = mb_model_new();
    uint32_t cs = mb_source(m, "shop.db", customers_sql, strlen(customers_sql));
    uint32_t os = mb_source(m, "shop.db", orders_sql, strlen(orders_sql));

    relmap_table *c =
        mb_table(m, NULL, "customers", RELMAP_KIND_TABLE, span_of(cs, customers_sql, "customers"));
    relmap_column *id = mb_column(m, c, "id", "INTEGER", span_of(cs, customers_sql, "id"));
    id->nullable = false;
    id->pk_position = 1;
    relmap_column *email = mb_column(m, c, "email", "TEXT", span_of(cs, customers_sql, "email"));
    email->nullable = false;
    mb_key_column(m, mb_primary_key(m, c, NULL, id->span), "id", id->span);
    mb_key_column(m, mb_unique(m, c, NULL, email->span), "email", email->span);

    relmap_table *o =
        mb_table(m, NULL, "orders", RELMAP_KIND_TABLE, span_of(os, orders_sql, "orders"));
    relmap_column *oid = mb_column(m, o, "id", "INTEGER", span_of(os, orders_sql, "id"));
    oid->nullable = false;
    oid->pk_position = 1;
    mb_key_column(m, mb_primary_key(m, o, NULL, oid->span), "id", oid->span);
    mb_column(m, o, "customer_id", "INTEGER", span_of(os, orders_sql, "customer_id"));
    relmap_fk *fk =
        mb_fk(m, o, NULL, NULL, "customer", span_of(os, orders_sql, "REFERENCES customer(id)"));
    mb_fk_column(m, fk, "customer_id", span_of(os, orders_sql, "customer_id"));
    mb_fk_ref_column(m, fk, "id", span_of(os, orders_sql, "(id)"));
    mb_fk_on_delete(m, fk, "cascade");
    mb_index(m, o, "ix_orders_customer", false, mb_no_span());
    mb_index_column(m, &o->indexes[0], "customer_id", NULL, mb_no_span());
    rm_resolve(m);
    return m;
}

/* Findings made by hand, so that these tests own every message. */
typedef struct fixture {
    relmap_model *model;
    relmap_finding items[2];
    relmap_related related;
    relmap_findings findings;
} fixture;

static void fixture_init(fixture *fx)
{
    memset(fx, 0, sizeof *fx);
    fx->model = shop_model();
    const relmap_table *orders = fx->model->tables[1], *customers = fx->model->tables[0];
    relmap_finding *f = &fx->items[0];
    f->rule = relmap_rule_find("FK001");
    f->severity = RELMAP_SEVERITY_ERROR;
    f->span = orders->fks[0].span;
    f->table = "orders";
    f->column = "customer_id";
    f->message = "foreign key references table 'customer', which does not exist";
    fx->related.span = customers->span;
    fx->related.message = "did you mean 'customers'?";
    f->related = &fx->related;
    f->nrelated = 1;
    f->fix = "CREATE TABLE customer (\n  id INTEGER PRIMARY KEY\n);";

    f = &fx->items[1];
    f->rule = relmap_rule_find("FK001");
    f->severity = RELMAP_SEVERITY_WARNING;
    f->span = mb_no_span();
    f->table = "orders";
    f->message = "no place: \x1b[2J<script>";
    fx->findings.items = fx->items;
    fx->findings.count = 2;
}

static char *report(const fixture *fx, relmap_format format, bool color, size_t count)
{
    relmap_findings fs = fx->findings;
    fs.count = count;
    relmap_report_opts opts = RELMAP_REPORT_OPTS_INIT;
    opts.format = format;
    opts.color = color;
    rm_buf b = RM_BUF_INIT;
    assert_int_equal(relmap_report(fx->model, &fs, &opts, to_buf, &b), 0);
    assert_non_null(b.data);
    return b.data; /* the caller frees it */
}

static void test_text_report(void **state)
{
    (void)state;
    fixture fx;
    fixture_init(&fx);
    char *text = report(&fx, RELMAP_FORMAT_TEXT, false, 2);
    assert_string_equal(
        text, "shop.db:3:22: error: foreign key references table 'customer', which does not "
              "exist [FK001 fk-unknown-table]\n"
              " 3 | \tcustomer_id INTEGER REFERENCES customer(id)\n"
              "   | \t                    ^~~~~~~~~~~~~~~~~~~~~~~\n"
              "  note: shop.db:1:14: did you mean 'customers'?\n"
              "  fix: CREATE TABLE customer (\n"
              "         id INTEGER PRIMARY KEY\n"
              "       );\n"
              "\n"
              "shop.db: warning: no place: \\x1B[2J<script> [FK001 fk-unknown-table]\n"
              "\n"
              "2 problems (1 error, 1 warning, 0 info)\n");
    free(text);

    text = report(&fx, RELMAP_FORMAT_TEXT, false, 0);
    assert_string_equal(text, "No problems found.\n");
    free(text);
    relmap_model_free(fx.model);
}

static void test_text_color(void **state)
{
    (void)state;
    fixture fx;
    fixture_init(&fx);
    char *text = report(&fx, RELMAP_FORMAT_TEXT, true, 2);
    assert_non_null(strstr(text, "\033[1mshop.db:3:22:\033[0m \033[1;31merror:\033[0m"));
    assert_non_null(strstr(text, "\033[1;33mwarning:\033[0m"));
    /* The name's own escape sequence is still shown as text. */
    assert_null(strstr(text, "\033[2J"));
    free(text);
    text = report(&fx, RELMAP_FORMAT_TEXT, false, 2);
    assert_null(strchr(text, '\033'));
    free(text);
    relmap_model_free(fx.model);
}

/* The caret counts characters, not bytes, and stays within the line. */
static void test_caret_utf8(void **state)
{
    (void)state;
    relmap_model *m = mb_model_new();
    const char *sql = "CREATE TABLE \"caf\xc3\xa9\" (x REFERENCES t\n)";
    uint32_t src = mb_source(m, "u.db", sql, strlen(sql));
    relmap_table *t = mb_table(m, NULL, "caf\xc3\xa9", RELMAP_KIND_TABLE, mb_span(src, 14, 19));
    const char *x = strstr(sql, "x REF");
    /* A span running past the end of its line is underlined to the end. */
    relmap_finding f = {0};
    f.rule = relmap_rule_find("FK001");
    f.severity = RELMAP_SEVERITY_INFO;
    f.span = mb_span(src, (size_t)(x - sql), strlen(sql));
    f.table = t->name;
    f.message = "m";
    relmap_findings fs = {&f, 1, NULL};
    relmap_report_opts opts = RELMAP_REPORT_OPTS_INIT;
    rm_buf b = RM_BUF_INIT;
    rm_resolve(m);
    assert_int_equal(relmap_report(m, &fs, &opts, to_buf, &b), 0);
    assert_string_equal(rm_buf_cstr(&b), "u.db:1:23: info: m [FK001 fk-unknown-table]\n"
                                         " 1 | CREATE TABLE \"caf\xc3\xa9\" (x REFERENCES t\n"
                                         "   |                      ^~~~~~~~~~~~~~\n"
                                         "\n"
                                         "1 problem (0 errors, 0 warnings, 1 info)\n");
    rm_buf_free(&b);
    relmap_model_free(m);
}

/*
 * A line longer than the window (a minified dump) is shown in part: from
 * a little before the span, cut at a character boundary, with "..." where
 * text is left out, and the caret still under the span.
 */
static void test_long_line_window(void **state)
{
    (void)state;
    rm_buf sql = RM_BUF_INIT;
    for (int i = 0; i < 20; i++)
        rm_buf_printf(&sql, "CREATE TABLE \xc3\xa9%02d (id INT);", i);
    size_t at = sql.len;
    rm_buf_adds(&sql, "CREATE TABLE baaaaaaad (x REFERENCES nowhere);");
    for (int i = 0; i < 20; i++)
        rm_buf_printf(&sql, "CREATE TABLE z%02d (id INT);", i);
    relmap_model *m = mb_model_new();
    uint32_t src = mb_source(m, "min.sql", sql.data, sql.len);
    const char *ref = strstr(sql.data + at, "REFERENCES nowhere");
    relmap_finding f = {0};
    f.rule = relmap_rule_find("FK001");
    f.severity = RELMAP_SEVERITY_INFO;
    f.span = mb_span(src, (size_t)(ref - sql.data), (size_t)(ref - sql.data) + 18);
    f.message = "m";
    relmap_findings fs = {&f, 1, NULL};
    relmap_report_opts opts = RELMAP_REPORT_OPTS_INIT;
    rm_buf b = RM_BUF_INIT;
    rm_resolve(m);
    assert_int_equal(relmap_report(m, &fs, &opts, to_buf, &b), 0);
    /* 40 bytes before the span is the second byte of the last
     * "\xc3\xa9": the window starts at its first. */
    assert_string_equal(rm_buf_cstr(&b),
                        "min.sql:1:567: info: m [FK001 fk-unknown-table]\n"
                        " 1 | ...\xc3\xa9" "19 (id INT);CREATE TABLE baaaaaaad (x REFERENCES "
                        "nowhere);CREATE TABLE z00 (id INT);CREATE TABLE...\n"
                        "   |                                           ^~~~~~~~~~~~~~~~~~\n"
                        "\n"
                        "1 problem (0 errors, 0 warnings, 1 info)\n");
    rm_buf_free(&b);
    rm_buf_free(&sql);
    relmap_model_free(m);
}

static void test_json_report(void **state)
{
    (void)state;
    fixture fx;
    fixture_init(&fx);
    char *json = report(&fx, RELMAP_FORMAT_JSON, false, 2);
    assert_true(json_valid(json, strlen(json)));
    assert_string_equal(json, "{\n"
                              "  \"findings\": [\n"
                              "    {\n"
                              "      \"rule\": \"FK001\",\n"
                              "      \"name\": \"fk-unknown-table\",\n"
                              "      \"severity\": \"error\",\n"
                              "      \"file\": \"shop.db\",\n"
                              "      \"line\": 3,\n"
                              "      \"column\": 22,\n"
                              "      \"table\": \"orders\",\n"
                              "      \"column_name\": \"customer_id\",\n"
                              "      \"class\": null,\n"
                              "      \"attribute\": null,\n"
                              "      \"message\": \"foreign key references table 'customer', "
                              "which does not exist\",\n"
                              "      \"related\": [\n"
                              "        {\n"
                              "          \"file\": \"shop.db\",\n"
                              "          \"line\": 1,\n"
                              "          \"column\": 14,\n"
                              "          \"message\": \"did you mean 'customers'?\"\n"
                              "        }\n"
                              "      ],\n"
                              "      \"fix\": \"CREATE TABLE customer (\\n  id INTEGER PRIMARY "
                              "KEY\\n);\"\n"
                              "    },\n"
                              "    {\n"
                              "      \"rule\": \"FK001\",\n"
                              "      \"name\": \"fk-unknown-table\",\n"
                              "      \"severity\": \"warning\",\n"
                              "      \"file\": \"shop.db\",\n"
                              "      \"line\": null,\n"
                              "      \"column\": null,\n"
                              "      \"table\": \"orders\",\n"
                              "      \"column_name\": null,\n"
                              "      \"class\": null,\n"
                              "      \"attribute\": null,\n"
                              "      \"message\": \"no place: \\u001b[2J<script>\",\n"
                              "      \"related\": [],\n"
                              "      \"fix\": null\n"
                              "    }\n"
                              "  ],\n"
                              "  \"summary\": {\n"
                              "    \"error\": 1,\n"
                              "    \"warning\": 1,\n"
                              "    \"info\": 0\n"
                              "  }\n"
                              "}\n");
    free(json);
    json = report(&fx, RELMAP_FORMAT_JSON, false, 0);
    assert_string_equal(json, "{\n  \"findings\": [],\n  \"summary\": {\n    \"error\": 0,\n"
                              "    \"warning\": 0,\n    \"info\": 0\n  }\n}\n");
    free(json);
    relmap_model_free(fx.model);
}

/* Findings from the rules themselves go through the same formatters. */
static void test_report_from_check(void **state)
{
    (void)state;
    relmap_model *m = shop_model();
    relmap_check_opts co = RELMAP_CHECK_OPTS_INIT;
    const char *select[] = {"FK001"};
    co.select = select;
    co.nselect = 1;
    relmap_findings *fs;
    assert_int_equal(relmap_check(&fs, m, &co), 0);
    assert_int_equal(fs->count, 1);
    relmap_report_opts opts = RELMAP_REPORT_OPTS_INIT;
    rm_buf b = RM_BUF_INIT;
    assert_int_equal(relmap_report(m, fs, &opts, to_buf, &b), 0);
    assert_true(strncmp(rm_buf_cstr(&b), "shop.db:3:22: error: ", 21) == 0);
    assert_non_null(strstr(b.data, " [FK001 fk-unknown-table]\n 3 | \tcustomer_id"));
    rm_buf_clear(&b);
    opts.format = RELMAP_FORMAT_JSON;
    assert_int_equal(relmap_report(m, fs, &opts, to_buf, &b), 0);
    assert_true(json_valid(b.data, b.len));
    rm_buf_free(&b);
    assert_int_equal(relmap_report(m, fs, &opts, failing_write, NULL), RELMAP_EWRITE);
    opts.format = RELMAP_FORMAT_TEXT;
    assert_int_equal(relmap_report(m, fs, &opts, failing_write, NULL), RELMAP_EWRITE);
    relmap_findings_free(fs);
    relmap_model_free(m);
}

static void test_format_parse(void **state)
{
    (void)state;
    relmap_format f = RELMAP_FORMAT_TEXT;
    assert_int_equal(relmap_format_parse("json", &f), 0);
    assert_int_equal(f, RELMAP_FORMAT_JSON);
    assert_int_equal(relmap_format_parse("TEXT", &f), 0);
    assert_int_equal(f, RELMAP_FORMAT_TEXT);
    assert_int_equal(relmap_format_parse("xml", &f), RELMAP_EINVAL);
    assert_non_null(strstr(relmap_error_last(), "'xml'"));
}

static void test_dump(void **state)
{
    (void)state;
    relmap_model *m = shop_model();
    rm_buf b = RM_BUF_INIT;
    assert_int_equal(relmap_dump_json(m, to_buf, &b), 0);
    assert_true(json_valid(b.data, b.len));
    assert_string_equal(rm_buf_cstr(&b), "{\n"
                                         "  \"tables\": [\n"
                                         "    {\n"
                                         "      \"name\": \"customers\",\n"
                                         "      \"schema\": null,\n"
                                         "      \"kind\": \"table\",\n"
                                         "      \"file\": \"shop.db\",\n"
                                         "      \"line\": 1,\n"
                                         "      \"columns\": [\n"
                                         "        {\n"
                                         "          \"name\": \"id\",\n"
                                         "          \"type\": \"INTEGER\",\n"
                                         "          \"nullable\": false,\n"
                                         "          \"primary_key\": true,\n"
                                         "          \"unique\": false,\n"
                                         "          \"default\": null,\n"
                                         "          \"autoincrement\": false,\n"
                                         "          \"generated\": null\n"
                                         "        },\n"
                                         "        {\n"
                                         "          \"name\": \"email\",\n"
                                         "          \"type\": \"TEXT\",\n"
                                         "          \"nullable\": false,\n"
                                         "          \"primary_key\": false,\n"
                                         "          \"unique\": true,\n"
                                         "          \"default\": null,\n"
                                         "          \"autoincrement\": false,\n"
                                         "          \"generated\": null\n"
                                         "        }\n"
                                         "      ],\n"
                                         "      \"primary_key\": [\"id\"],\n"
                                         "      \"unique\": [\n"
                                         "        [\"email\"]\n"
                                         "      ],\n"
                                         "      \"indexes\": [],\n"
                                         "      \"foreign_keys\": [],\n"
                                         "      \"checks\": [],\n"
                                         "      \"comment\": null,\n"
                                         "      \"without_rowid\": false,\n"
                                         "      \"strict\": false,\n"
                                         "      \"virtual\": false\n"
                                         "    },\n"
                                         "    {\n"
                                         "      \"name\": \"orders\",\n"
                                         "      \"schema\": null,\n"
                                         "      \"kind\": \"table\",\n"
                                         "      \"file\": \"shop.db\",\n"
                                         "      \"line\": 1,\n"
                                         "      \"columns\": [\n"
                                         "        {\n"
                                         "          \"name\": \"id\",\n"
                                         "          \"type\": \"INTEGER\",\n"
                                         "          \"nullable\": false,\n"
                                         "          \"primary_key\": true,\n"
                                         "          \"unique\": false,\n"
                                         "          \"default\": null,\n"
                                         "          \"autoincrement\": false,\n"
                                         "          \"generated\": null\n"
                                         "        },\n"
                                         "        {\n"
                                         "          \"name\": \"customer_id\",\n"
                                         "          \"type\": \"INTEGER\",\n"
                                         "          \"nullable\": true,\n"
                                         "          \"primary_key\": false,\n"
                                         "          \"unique\": false,\n"
                                         "          \"default\": null,\n"
                                         "          \"autoincrement\": false,\n"
                                         "          \"generated\": null\n"
                                         "        }\n"
                                         "      ],\n"
                                         "      \"primary_key\": [\"id\"],\n"
                                         "      \"unique\": [],\n"
                                         "      \"indexes\": [\n"
                                         "        {\n"
                                         "          \"name\": \"ix_orders_customer\",\n"
                                         "          \"columns\": [\"customer_id\"],\n"
                                         "          \"unique\": false,\n"
                                         "          \"where\": null,\n"
                                         "          \"method\": null\n"
                                         "        }\n"
                                         "      ],\n"
                                         "      \"foreign_keys\": [\n"
                                         "        {\n"
                                         "          \"name\": null,\n"
                                         "          \"columns\": [\"customer_id\"],\n"
                                         "          \"ref_table\": \"customer\",\n"
                                         "          \"ref_columns\": [\"id\"],\n"
                                         "          \"on_delete\": \"CASCADE\",\n"
                                         "          \"on_update\": null,\n"
                                         "          \"line\": 3,\n"
                                         "          \"deferrable\": null,\n"
                                         "          \"match\": null\n"
                                         "        }\n"
                                         "      ],\n"
                                         "      \"checks\": [],\n"
                                         "      \"comment\": null,\n"
                                         "      \"without_rowid\": false,\n"
                                         "      \"strict\": false,\n"
                                         "      \"virtual\": false\n"
                                         "    }\n"
                                         "  ],\n"
                                         "  \"classes\": []\n"
                                         "}\n");
    rm_buf_free(&b);
    assert_int_equal(relmap_dump_json(m, failing_write, NULL), RELMAP_EWRITE);
    relmap_model_free(m);
}

/* Hostile names stay text, and the dump stays valid UTF-8 JSON. Unique is
 * claimed only for a lone column of a non-partial unique index; expression
 * elements show their text; an implicit target is an empty list. */
static void test_dump_hostile_and_indexes(void **state)
{
    (void)state;
    relmap_model *m = mb_model_new();
    relmap_table *t = mb_table(m, NULL, "<script>\"x\xff", RELMAP_KIND_TABLE, mb_no_span());
    mb_column(m, t, "a\"b", "TEXT", mb_no_span());
    mb_column(m, t, "c", "TEXT", mb_no_span());
    mb_column(m, t, "d", "TEXT", mb_no_span());
    relmap_index *ix = mb_index(m, t, "u_c", true, mb_no_span());
    mb_index_column(m, ix, "c", NULL, mb_no_span());
    ix = mb_index(m, t, "u_d_partial", true, mb_no_span());
    mb_index_column(m, ix, "d", NULL, mb_no_span());
    ix->where = "d IS NOT NULL";
    ix = mb_index(m, t, "ix_expr", false, mb_no_span());
    mb_index_column(m, ix, NULL, "lower(\"a\"\"b\")", mb_no_span());
    relmap_fk *fk = mb_fk(m, t, "fk\x01", NULL, "<script>\"x\xff", mb_no_span());
    mb_fk_column(m, fk, "c", mb_no_span());
    mb_fk_on_update(m, fk, "explode");
    rm_resolve(m);

    rm_buf b = RM_BUF_INIT;
    assert_int_equal(relmap_dump_json(m, to_buf, &b), 0);
    assert_true(json_valid(b.data, b.len));
    const char *s = rm_buf_cstr(&b);
    assert_non_null(strstr(s, "\"name\": \"<script>\\\"x\xef\xbf\xbd\",\n"));
    assert_non_null(strstr(s, "\"file\": null,\n      \"line\": null,"));
    assert_non_null(strstr(s, "\"name\": \"c\",\n          \"type\": \"TEXT\",\n"
                              "          \"nullable\": true,\n"
                              "          \"primary_key\": false,\n"
                              "          \"unique\": true,"));
    assert_non_null(strstr(s, "\"name\": \"d\",\n          \"type\": \"TEXT\",\n"
                              "          \"nullable\": true,\n"
                              "          \"primary_key\": false,\n"
                              "          \"unique\": false,"));
    assert_non_null(strstr(s, "\"where\": \"d IS NOT NULL\""));
    assert_non_null(strstr(s, "\"columns\": [\"lower(\\\"a\\\"\\\"b\\\")\"]"));
    assert_non_null(strstr(s, "\"name\": \"fk\\u0001\""));
    assert_non_null(strstr(s, "\"ref_columns\": [],"));
    assert_non_null(strstr(s, "\"on_update\": \"explode\","));
    rm_buf_free(&b);
    relmap_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_escape),
        cmocka_unit_test(test_text_escape),
        cmocka_unit_test(test_json_writer_layout),
        cmocka_unit_test(test_text_report),
        cmocka_unit_test(test_text_color),
        cmocka_unit_test(test_caret_utf8),
        cmocka_unit_test(test_long_line_window),
        cmocka_unit_test(test_json_report),
        cmocka_unit_test(test_report_from_check),
        cmocka_unit_test(test_format_parse),
        cmocka_unit_test(test_dump),
        cmocka_unit_test(test_dump_hostile_and_indexes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
