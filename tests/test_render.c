/*
 * test_render.c - ER diagrams: golden DOT, Mermaid, PlantUML and DBML for
 * the cases under testdata/diagram/, the DOT checked by Graphviz's `dot`,
 * SVG from libgvc checked by xmllint, hostile names through every format,
 * cardinalities, the findings overlay, determinism, and a Graphviz without
 * its plugins.
 *
 * A case is a folder testdata/diagram/<case>/ holding schema.sql (named
 * so, not input.sql, because the golden driver runs `relmap check` on every
 * input.sql) and expected.{dot,mmd,puml,dbml}. RELMAP_UPDATE_GOLDEN=1
 * rewrites the expected files.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "escape.h"
#include "fixture.h"
#include "model_build.h"
#include "relmap/relmap.h"
#include "relmap/render.h"
#include "resolve.h"

#define CASES RELMAP_TESTDATA "/diagram"

static const struct {
    relmap_render_format format;
    const char *ext;
} text_formats[] = {
    {RELMAP_RENDER_DOT, "dot"},
    {RELMAP_RENDER_MERMAID, "mmd"},
    {RELMAP_RENDER_PLANTUML, "puml"},
    {RELMAP_RENDER_DBML, "dbml"},
};
#define NTEXT_FORMATS (sizeof text_formats / sizeof text_formats[0])

/* ---- helpers ---- */

static int buf_write(void *payload, const char *data, size_t len)
{
    rm_buf_add(payload, data, len);
    return 0;
}

static int failing_write(void *payload, const char *data, size_t len)
{
    (void)payload, (void)data, (void)len;
    return -1;
}

/* Renders into a malloc'd string (length in *len); asserts success. */
static char *render(const relmap_model *model, const relmap_findings *findings,
                    relmap_render_opts opts, size_t *len)
{
    rm_buf out = RM_BUF_INIT;
    int rc = relmap_render(model, findings, &opts, buf_write, &out);
    if (rc != 0)
        fail_msg("relmap_render: %s", relmap_error_last());
    if (len)
        *len = out.len;
    char *text = rm_strndup(out.data ? out.data : "", out.len);
    rm_buf_free(&out);
    return text;
}

static relmap_render_opts opts_for(relmap_render_format format)
{
    relmap_render_opts opts = RELMAP_RENDER_OPTS_INIT;
    opts.format = format;
    return opts;
}

static bool valid_utf8(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += rm_utf8_decode(s + i, len - i, &cp);
        if (cp < 0)
            return false;
    }
    return true;
}

/* A program's path from $PATH (fx_run does not search it), malloc'd. */
static char *find_program(const char *name)
{
    const char *path = getenv("PATH");
    for (const char *p = path ? path : "/usr/bin:/bin"; *p;) {
        size_t len = strcspn(p, ":");
        char *dir = rm_strndup(p, len);
        char *candidate = fx_join(dir, name);
        free(dir);
        if (access(candidate, X_OK) == 0)
            return candidate;
        free(candidate);
        p += len + (p[len] == ':');
    }
    fail_msg("%s is not installed (scripts/deps installs it)", name);
    return NULL;
}

/* Runs a checker on `data` written to a scratch file; returns its status. */
static int run_on_file(const char *const argv_before_file[], size_t nargs, const char *data,
                       size_t len, char **err)
{
    char *dir = fx_mkdtemp();
    char *path = fx_join(dir, "input");
    assert_int_equal(fx_write_file(path, data, len), 0);
    const char *argv[8];
    assert_true(nargs + 2 <= sizeof argv / sizeof argv[0]);
    char *program = find_program(argv_before_file[0]);
    argv[0] = program;
    for (size_t i = 1; i < nargs; i++)
        argv[i] = argv_before_file[i];
    argv[nargs] = path;
    argv[nargs + 1] = NULL;
    int status = -1;
    assert_int_equal(fx_run(argv, NULL, NULL, err, &status), 0);
    free(program);
    free(path);
    fx_rmtree(dir);
    free(dir);
    return status;
}

static void assert_dot_accepts(const char *dot)
{
    static const char *const argv[] = {"dot", "-Tsvg", "-o/dev/null"};
    char *err = NULL;
    int status = run_on_file(argv, 3, dot, strlen(dot), &err);
    if (status != 0)
        fail_msg("dot -Tsvg exited %d: %s", status, err ? err : "");
    free(err);
}

static void assert_xml_well_formed(const char *svg, size_t len)
{
    static const char *const argv[] = {"xmllint", "--noout", "--nonet"};
    char *err = NULL;
    int status = run_on_file(argv, 3, svg, len, &err);
    if (status != 0)
        fail_msg("xmllint exited %d: %s", status, err ? err : "");
    free(err);
}

/* ---- models built in memory ---- */

static relmap_column *column(relmap_model *m, relmap_table *t, const char *name, const char *type,
                             bool nullable)
{
    relmap_column *c = mb_column(m, t, name, type, mb_no_span());
    c->nullable = nullable;
    return c;
}

static relmap_table *table_with_id(relmap_model *m, const char *name)
{
    relmap_table *t = mb_table(m, NULL, name, RELMAP_KIND_TABLE, mb_no_span());
    column(m, t, "id", "INTEGER", false)->pk_position = 1;
    mb_primary_key(m, t, NULL, mb_no_span());
    mb_key_column(m, &t->primary_key, "id", mb_no_span());
    return t;
}

static relmap_fk *fk_to(relmap_model *m, relmap_table *child, const char *col, const char *parent)
{
    relmap_fk *fk = mb_fk(m, child, NULL, NULL, parent, mb_no_span());
    mb_fk_column(m, fk, col, mb_no_span());
    return fk;
}

/* Names meant to break each format: markup, quotes, entities, Creole and
 * preprocessor syntax, a control character and invalid UTF-8. */
static const char *const hostile_names[] = {
    "<script>alert(1)</script>",
    "a\"b&c",
    "x&nbsp;y",
    "!include /etc/passwd",
    "--strike-- **b** [[http://x]]",
    "back\\slash %getenv(\"HOME\")",
    "bell\a\x1b[31m",
    "bad\xff\xfeutf8",
};
#define NHOSTILE (sizeof hostile_names / sizeof hostile_names[0])

static relmap_model *hostile_model(void)
{
    relmap_model *m = mb_model_new();
    m->dialect = RELMAP_DIALECT_SQLITE;
    relmap_table *parent = table_with_id(m, hostile_names[0]);
    column(m, parent, hostile_names[1], "TEXT", true);
    column(m, parent, "'quoted' col", "VARCHAR(10)", false)->default_value = mb_str(m, "'it''s'");
    for (size_t i = 1; i < NHOSTILE; i++) {
        relmap_table *t = table_with_id(m, hostile_names[i]);
        column(m, t, hostile_names[NHOSTILE - i], "weird type\"<b>", true);
        fk_to(m, t, hostile_names[NHOSTILE - i], hostile_names[0]);
    }
    rm_resolve(m);
    return m;
}

/* ---- tests ---- */

static void test_format_names(void **state)
{
    (void)state;
    relmap_render_format f;
    assert_int_equal(relmap_render_format_from_path("out/schema.SVG", &f), 0);
    assert_int_equal(f, RELMAP_RENDER_SVG);
    assert_int_equal(relmap_render_format_from_path("a.b/er.mmd", &f), 0);
    assert_int_equal(f, RELMAP_RENDER_MERMAID);
    assert_int_equal(relmap_render_format_from_path("x.puml", &f), 0);
    assert_int_equal(f, RELMAP_RENDER_PLANTUML);
    assert_int_equal(relmap_render_format_from_path("x.gv", &f), 0);
    assert_int_equal(f, RELMAP_RENDER_DOT);
    assert_int_equal(relmap_render_format_from_path("a.b/noext", &f), RELMAP_EINVAL);
    assert_non_null(strstr(relmap_error_last(), "a.b/noext"));
    assert_int_equal(relmap_render_format_from_path(".svg", &f), RELMAP_EINVAL);
    assert_int_equal(relmap_render_format_from_path("x.jpeg", &f), RELMAP_EINVAL);
    assert_int_equal(relmap_render_format_parse("PlantUML", &f), 0);
    assert_int_equal(f, RELMAP_RENDER_PLANTUML);
    assert_int_equal(relmap_render_format_parse("html", &f), RELMAP_EINVAL);
}

static void test_bad_options_and_write_failure(void **state)
{
    (void)state;
    relmap_model *m = mb_model_new();
    table_with_id(m, "t");
    rm_resolve(m);
    relmap_render_opts opts = RELMAP_RENDER_OPTS_INIT;
    rm_buf out = RM_BUF_INIT;
    opts.version = 99;
    assert_int_equal(relmap_render(m, NULL, &opts, buf_write, &out), RELMAP_EINVAL);
    opts.version = RELMAP_RENDER_OPTS_VERSION;
    opts.columns = (relmap_render_columns)7;
    assert_int_equal(relmap_render(m, NULL, &opts, buf_write, &out), RELMAP_EINVAL);
    opts.columns = RELMAP_COLUMNS_ALL;
    assert_int_equal(relmap_render(m, NULL, &opts, failing_write, NULL), RELMAP_EWRITE);
    opts.format = RELMAP_RENDER_SVG;
    assert_int_equal(relmap_render(m, NULL, &opts, failing_write, NULL), RELMAP_EWRITE);
    assert_int_equal(out.len, 0);
    relmap_model_free(m);
}

/* Crow's-foot ends from nullability and uniqueness; a composite key is one
 * edge between the first columns' rows. */
static void test_cardinalities(void **state)
{
    (void)state;
    relmap_model *m = mb_model_new();
    m->dialect = RELMAP_DIALECT_SQLITE;
    table_with_id(m, "users");
    relmap_table *orders = table_with_id(m, "orders");
    column(m, orders, "user_id", "INTEGER", false);
    column(m, orders, "referrer_id", "INTEGER", true);
    column(m, orders, "profile_user", "INTEGER", false);
    mb_fk_on_delete(m, fk_to(m, orders, "user_id", "users"), "CASCADE");
    mb_fk_on_delete(m, fk_to(m, orders, "referrer_id", "users"), "SET NULL");
    fk_to(m, orders, "profile_user", "users");
    relmap_key *uq = mb_unique(m, orders, NULL, mb_no_span());
    mb_key_column(m, uq, "profile_user", mb_no_span());
    /* A composite key to a composite primary key. */
    relmap_table *parts = mb_table(m, NULL, "parts", RELMAP_KIND_TABLE, mb_no_span());
    column(m, parts, "maker", "TEXT", false)->pk_position = 1;
    column(m, parts, "code", "TEXT", false)->pk_position = 2;
    mb_primary_key(m, parts, NULL, mb_no_span());
    mb_key_column(m, &parts->primary_key, "maker", mb_no_span());
    mb_key_column(m, &parts->primary_key, "code", mb_no_span());
    relmap_table *lines = table_with_id(m, "lines");
    column(m, lines, "part_maker", "TEXT", false);
    column(m, lines, "part_code", "TEXT", false);
    relmap_fk *fk = mb_fk(m, lines, NULL, NULL, "parts", mb_no_span());
    mb_fk_column(m, fk, "part_maker", mb_no_span());
    mb_fk_column(m, fk, "part_code", mb_no_span());
    rm_resolve(m);

    char *dot = render(m, NULL, opts_for(RELMAP_RENDER_DOT), NULL);
    assert_non_null(strstr(dot, "t1:c1e:e -> t0:c0w:w [arrowtail=crowodot, arrowhead=teetee, "
                                "label=\"ON DELETE CASCADE\"]"));
    assert_non_null(strstr(dot, "t1:c2e:e -> t0:c0w:w [arrowtail=crowodot, arrowhead=teeodot, "
                                "label=\"ON DELETE SET NULL\"]"));
    assert_non_null(strstr(dot, "t1:c3e:e -> t0:c0w:w [arrowtail=teeodot, arrowhead=teetee]"));
    assert_non_null(strstr(dot, "t3:c1e:e -> t2:c0w:w [arrowtail=crowodot, arrowhead=teetee]"));
    assert_null(strstr(dot, "t3:c2e"));
    assert_dot_accepts(dot);
    free(dot);

    char *mmd = render(m, NULL, opts_for(RELMAP_RENDER_MERMAID), NULL);
    assert_non_null(strstr(mmd, "users ||..o{ orders : \"user_id ON DELETE CASCADE\""));
    assert_non_null(strstr(mmd, "users |o..o{ orders : \"referrer_id ON DELETE SET NULL\""));
    assert_non_null(strstr(mmd, "users ||..o| orders : \"profile_user\""));
    assert_non_null(strstr(mmd, "parts ||..o{ lines : \"part_maker, part_code\""));
    free(mmd);

    char *dbml = render(m, NULL, opts_for(RELMAP_RENDER_DBML), NULL);
    assert_non_null(
        strstr(dbml, "Ref: \"orders\".\"user_id\" > \"users\".\"id\" [delete: cascade]\n"));
    assert_non_null(strstr(dbml, "Ref: \"orders\".\"profile_user\" - \"users\".\"id\"\n"));
    assert_non_null(strstr(dbml, "Ref: \"lines\".(\"part_maker\", \"part_code\") > "
                                 "\"parts\".(\"maker\", \"code\")\n"));
    assert_non_null(strstr(dbml, "    (\"maker\", \"code\") [pk]\n"));
    free(dbml);

    /* --columns keys keeps key and referenced columns; none keeps no rows,
     * and edges then join the tables themselves. */
    relmap_render_opts opts = opts_for(RELMAP_RENDER_DOT);
    opts.columns = RELMAP_COLUMNS_NONE;
    opts.rankdir = RELMAP_RANKDIR_TB;
    dot = render(m, NULL, opts, NULL);
    assert_non_null(strstr(dot, "rankdir=TB"));
    assert_non_null(strstr(dot, "  t1 -> t0 [arrowtail=crowodot, arrowhead=teetee"));
    assert_null(strstr(dot, "PORT="));
    assert_dot_accepts(dot);
    free(dot);
    relmap_model_free(m);
}

/* Tables and keys with findings are outlined in the severity's colour, the
 * findings in the tooltip, escaped. */
static void test_findings_overlay(void **state)
{
    (void)state;
    relmap_model *m = mb_model_new();
    m->dialect = RELMAP_DIALECT_SQLITE;
    table_with_id(m, "users");
    relmap_table *addresses = table_with_id(m, "addresses");
    column(m, addresses, "user_id", "INTEGER", false);
    fk_to(m, addresses, "user_id", "users");
    rm_resolve(m);

    size_t nrules;
    const relmap_rule *rules = relmap_rules(&nrules);
    assert_true(nrules > 0);
    relmap_finding items[2];
    memset(items, 0, sizeof items);
    items[0].rule = &rules[0];
    items[0].severity = RELMAP_SEVERITY_WARNING;
    items[0].span = mb_no_span();
    items[0].table = "addresses";
    items[0].column = "user_id";
    items[0].message = "no index on <user_id> & \"friends\" \\N";
    items[1].rule = &rules[0];
    items[1].severity = RELMAP_SEVERITY_ERROR;
    items[1].span = mb_no_span();
    items[1].table = "USERS"; /* SQLite names compare case-insensitively */
    items[1].message = "broken";
    relmap_findings findings = {items, 2, NULL};

    char *dot = render(m, &findings, opts_for(RELMAP_RENDER_DOT), NULL);
    assert_non_null(strstr(dot, "t0 [label=<<TABLE BORDER=\"3\" CELLBORDER=\"0\" "
                                "CELLSPACING=\"0\" CELLPADDING=\"3\" COLOR=\"#d62728\">"));
    assert_non_null(strstr(dot, "color=\"#e67e00\", penwidth=2.5, tooltip=\""));
    assert_non_null(strstr(dot, "no index on &lt;user_id&gt; &amp; &quot;friends&quot; "
                                "&#92;N\"]"));
    assert_non_null(strstr(dot, "findings: "));
    assert_dot_accepts(dot);
    free(dot);

    size_t len;
    char *svg = render(m, &findings, opts_for(RELMAP_RENDER_SVG), &len);
    assert_xml_well_formed(svg, len);
    assert_non_null(strstr(svg, "no index on &lt;user_id&gt; &amp; &quot;friends&quot;"));
    assert_non_null(strstr(svg, "stroke=\"#d62728\""));
    free(svg);

    /* Without findings: no outline, no tooltip, no colour key. */
    dot = render(m, NULL, opts_for(RELMAP_RENDER_DOT), NULL);
    assert_null(strstr(dot, "tooltip"));
    assert_null(strstr(dot, "findings: "));
    free(dot);
    relmap_model_free(m);
}

/* Every hostile name stays text in every format, and every output is
 * valid UTF-8 that its own tools accept. */
static void test_hostile_names(void **state)
{
    (void)state;
    relmap_model *m = hostile_model();
    for (size_t i = 0; i < NTEXT_FORMATS; i++) {
        size_t len;
        char *text = render(m, NULL, opts_for(text_formats[i].format), &len);
        assert_true(valid_utf8(text, len));
        /* DBML is no markup: there the name is a quoted identifier. */
        if (text_formats[i].format != RELMAP_RENDER_DBML) {
            assert_null(strstr(text, "<script>"));
            assert_null(strstr(text, "&nbsp;"));
        }
        assert_null(strstr(text, "\x1b"));
        assert_null(strstr(text, "\a"));
        free(text);
    }
    char *dot = render(m, NULL, opts_for(RELMAP_RENDER_DOT), NULL);
    assert_dot_accepts(dot);
    assert_non_null(strstr(dot, "<B>&lt;script&gt;alert(1)&lt;/script&gt;</B>"));
    assert_non_null(strstr(dot, "<B>a&quot;b&amp;c</B>"));
    assert_non_null(strstr(dot, "<B>bad\xEF\xBF\xBD\xEF\xBF\xBDutf8</B>"));
    free(dot);

    char *puml = render(m, NULL, opts_for(RELMAP_RENDER_PLANTUML), NULL);
    assert_non_null(strstr(puml, "entity \"&#33;include /etc/passwd\" as t3"));
    assert_non_null(
        strstr(puml, "entity \"&#45;-strike&#45;- &#42;*b&#42;* &#91;[http:&#47;/x&#93;]\""));
    assert_null(strstr(puml, "%getenv"));
    free(puml);

    char *mmd = render(m, NULL, opts_for(RELMAP_RENDER_MERMAID), NULL);
    assert_non_null(strstr(mmd, "    \"_script_alert(1)_/script_\" {\n"));
    assert_non_null(strstr(mmd, "    \"a_b_c\" {\n"));
    free(mmd);

    char *dbml = render(m, NULL, opts_for(RELMAP_RENDER_DBML), NULL);
    /* DBML's "names" take no escape: a double quote shows as ' there. */
    assert_non_null(strstr(dbml, "Table \"a'b&c\" {\n"));
    assert_non_null(strstr(dbml, "\"'quoted' col\" VARCHAR(10) [not null, default: 'it\\'s']"));
    assert_non_null(strstr(dbml, "\"weird type'<b>\""));
    free(dbml);

    for (size_t f = RELMAP_RENDER_SVG; f <= RELMAP_RENDER_PDF; f++) {
        size_t len;
        char *picture = render(m, NULL, opts_for((relmap_render_format)f), &len);
        assert_true(len > 100);
        if (f == RELMAP_RENDER_SVG) {
            assert_xml_well_formed(picture, len);
            assert_null(strstr(picture, "<script"));
            assert_null(strstr(picture, "href"));
            assert_non_null(strstr(picture, "&lt;script&gt;alert(1)&lt;/script&gt;"));
        } else if (f == RELMAP_RENDER_PNG) {
            assert_memory_equal(picture, "\x89PNG", 4);
        } else {
            assert_memory_equal(picture, "%PDF", 4);
        }
        free(picture);
    }
    relmap_model_free(m);
}

static void test_deterministic(void **state)
{
    (void)state;
    relmap_model *m = hostile_model();
    for (size_t f = RELMAP_RENDER_DOT; f <= RELMAP_RENDER_PNG; f++) {
        size_t len1, len2;
        char *a = render(m, NULL, opts_for((relmap_render_format)f), &len1);
        char *b = render(m, NULL, opts_for((relmap_render_format)f), &len2);
        assert_int_equal(len1, len2);
        assert_memory_equal(a, b, len1);
        free(a);
        free(b);
    }
    /* PDF too, across a second: cairo's time stamp is fixed. */
    size_t len1, len2;
    char *a = render(m, NULL, opts_for(RELMAP_RENDER_PDF), &len1);
    sleep(1);
    char *b = render(m, NULL, opts_for(RELMAP_RENDER_PDF), &len2);
    assert_int_equal(len1, len2);
    assert_memory_equal(a, b, len1);
    static const char stamp[] = "/CreationDate (D:19700101000000";
    bool stamped = false;
    for (size_t i = 0; i + sizeof stamp - 1 <= len1 && !stamped; i++)
        stamped = memcmp(a + i, stamp, sizeof stamp - 1) == 0;
    assert_true(stamped);
    free(a);
    free(b);
    relmap_model_free(m);
}

/*
 * Without its plugin configuration Graphviz knows no layout: the error
 * names the package to install. GVBINDIR points Graphviz at an empty
 * folder; libgvc reads it once per process, so a fresh copy of this
 * program renders there (main's MISSING_PLUGINS_CHILD, run by its path:
 * under valgrind /proc/self/exe would be valgrind itself).
 */
#define MISSING_PLUGINS_CHILD "--missing-plugins-child"

/* Model-file relationships name the edge ends; a junction collapses into
 * one many-to-many edge; --group module clusters by the classes' modules. */
static void test_orm_edges(void **state)
{
    (void)state;
    relmap_model *m = mb_model_new();
    relmap_table *users = table_with_id(m, "users"), *posts = table_with_id(m, "posts");
    relmap_table *tags = table_with_id(m, "tags");
    column(m, posts, "user_id", "INTEGER", false);
    mb_fk_ref_column(m, fk_to(m, posts, "user_id", "users"), "id", mb_no_span());
    relmap_table *link = mb_table(m, NULL, "post_tags", RELMAP_KIND_TABLE, mb_no_span());
    column(m, link, "post_id", "INTEGER", false);
    column(m, link, "tag_id", "INTEGER", false);
    mb_fk_ref_column(m, fk_to(m, link, "post_id", "posts"), "id", mb_no_span());
    mb_fk_ref_column(m, fk_to(m, link, "tag_id", "tags"), "id", mb_no_span());
    relmap_class *user = mb_class(m, "app.users", "User", mb_no_span());
    user->table = users;
    relmap_class *post = mb_class(m, "app.blog", "Post", mb_no_span());
    post->table = posts;
    relmap_class *tag = mb_class(m, "app.blog", "Tag", mb_no_span());
    tag->table = tags;
    relmap_relationship *r = mb_relationship(m, user, "posts", mb_no_span());
    r->target_text = "Post";
    r->back_populates = "author";
    r = mb_relationship(m, post, "author", mb_no_span());
    r->target_text = "User";
    r->back_populates = "posts";
    r = mb_relationship(m, post, "tags", mb_no_span());
    r->target_text = "Tag";
    r->secondary_text = "post_tags";
    rm_resolve(m);

    char *dot = render(m, NULL, opts_for(RELMAP_RENDER_DOT), NULL);
    /* posts.user_id -> users.id: "author" at the users end, "posts" at the
     * posts end; Post.tags, one-way, at the junction's posts edge. */
    assert_non_null(strstr(dot, "t1:c1e:e -> t0:c0w:w [arrowtail=crowodot, arrowhead=teetee, "
                                "headlabel=<<FONT COLOR=\"#00695c\">author</FONT>>, "
                                "taillabel=<<FONT COLOR=\"#00695c\">posts</FONT>>, "
                                "labeldistance=2.2, labelangle=35]"));
    assert_non_null(strstr(dot, "taillabel=<<FONT COLOR=\"#00695c\">tags (one-way)</FONT>>"));
    assert_non_null(strstr(dot, "junction (many-to-many)"));
    assert_dot_accepts(dot);
    free(dot);

    relmap_render_opts opts = opts_for(RELMAP_RENDER_DOT);
    opts.collapse_junctions = true;
    opts.group = RELMAP_GROUP_MODULE;
    dot = render(m, NULL, opts, NULL);
    assert_null(strstr(dot, "junction (many-to-many)"));
    assert_non_null(strstr(dot, "t1:c0e:e -> t2:c0w:w [arrowtail=crowodot, arrowhead=crowodot, "
                                "style=bold"));
    assert_non_null(strstr(dot, "<I>post_tags</I>"));
    assert_non_null(strstr(dot, "headlabel=<<FONT COLOR=\"#00695c\">tags (one-way)</FONT>>"));
    assert_non_null(strstr(dot, "label=<<B>app.users</B>>"));
    assert_non_null(strstr(dot, "label=<<B>app.blog</B>>; style=\"rounded\"; "
                                "color=\"#9aa5b5\";\n    t1; t2;"));
    assert_dot_accepts(dot);
    free(dot);

    opts.format = RELMAP_RENDER_MERMAID;
    char *mmd = render(m, NULL, opts, NULL);
    assert_non_null(strstr(mmd, "users ||..o{ posts : \"user_id (author / posts)\""));
    assert_non_null(strstr(mmd, "posts }o--o{ tags : \"post_tags (tags (one-way))\""));
    free(mmd);
    opts.format = RELMAP_RENDER_DBML;
    char *dbml = render(m, NULL, opts, NULL);
    assert_non_null(strstr(dbml, "Ref: \"posts\".\"id\" <> \"tags\".\"id\""));
    free(dbml);
    opts.format = RELMAP_RENDER_PLANTUML;
    char *puml = render(m, NULL, opts, NULL);
    assert_non_null(strstr(puml, "t1 }o--o{ t2 : post_tags (tags (one-way))"));
    free(puml);
    relmap_model_free(m);
}

static const char *self_path; /* argv[0]: /proc/self/exe is valgrind's */

static int missing_plugins_child(void)
{
    relmap_model *m = mb_model_new();
    table_with_id(m, "t");
    rm_resolve(m);
    relmap_render_opts opts = opts_for(RELMAP_RENDER_PNG);
    rm_buf out = RM_BUF_INIT;
    int rc = relmap_render(m, NULL, &opts, buf_write, &out);
    printf("%d %zu %s\n", rc, out.len, relmap_error_last());
    rm_buf_free(&out);
    relmap_model_free(m);
    return 0;
}

static void test_missing_plugins(void **state)
{
    (void)state;
    char *dir = fx_mkdtemp();
    setenv("GVBINDIR", dir, 1);
    const char *argv[] = {self_path, MISSING_PLUGINS_CHILD, NULL};
    char *out = NULL;
    int status = -1;
    assert_int_equal(fx_run(argv, NULL, &out, NULL, &status), 0);
    unsetenv("GVBINDIR");
    fx_rmtree(dir);
    free(dir);
    assert_int_equal(status, 0);
    char expected[16];
    snprintf(expected, sizeof expected, "%d 0 ", RELMAP_EIO);
    if (strncmp(out, expected, strlen(expected)) != 0 || !strstr(out, "libgvc6") ||
        !strstr(out, "dot -c"))
        fail_msg("expected a failure naming libgvc6, got: %s", out);
    free(out);
}

/* ---- golden cases ---- */

static relmap_model *load_case(const char *case_dir, char **scratch)
{
    char *sql_path = fx_join(case_dir, "schema.sql");
    char *sql = fx_read_file(sql_path, NULL);
    if (!sql)
        fail_msg("%s: cannot read", sql_path);
    *scratch = fx_mkdtemp();
    char *db = fx_join(*scratch, "schema.db");
    char *error = NULL;
    if (fx_sql_to_db(sql, db, &error) != 0)
        fail_msg("%s: %s", sql_path, error);
    relmap_model *model;
    relmap_load_opts lo = RELMAP_LOAD_OPTS_INIT;
    const char *paths[] = {db};
    if (relmap_load(&model, paths, 1, &lo) != 0)
        fail_msg("%s: %s", db, relmap_error_last());
    free(db);
    free(sql);
    free(sql_path);
    return model;
}

static void check_golden(const char *case_dir, const char *ext, const char *actual, size_t len)
{
    char name[32];
    snprintf(name, sizeof name, "expected.%s", ext);
    char *path = fx_join(case_dir, name);
    const char *update = getenv("RELMAP_UPDATE_GOLDEN");
    if (update && strcmp(update, "1") == 0) {
        assert_int_equal(fx_write_file(path, actual, len), 0);
    } else {
        size_t expected_len;
        char *expected = fx_read_file(path, &expected_len);
        if (!expected)
            fail_msg("%s: missing (RELMAP_UPDATE_GOLDEN=1 writes it)", path);
        if (expected_len != len || memcmp(expected, actual, len) != 0)
            fail_msg("%s: differs from the output; got:\n%s", path, actual);
        free(expected);
    }
    free(path);
}

/* Every table's name as the SVG must show it (escaped). */
static void assert_svg_has_tables(const relmap_model *m, const char *svg)
{
    rm_buf name = RM_BUF_INIT;
    for (size_t t = 0; t < m->ntables; t++) {
        rm_buf_clear(&name);
        /* The cases' names need only these entities. */
        for (const char *p = m->tables[t]->name; *p; p++) {
            if (*p == '<')
                rm_buf_adds(&name, "&lt;");
            else if (*p == '>')
                rm_buf_adds(&name, "&gt;");
            else if (*p == '&')
                rm_buf_adds(&name, "&amp;");
            else if (*p == '"')
                rm_buf_adds(&name, "&quot;");
            else if (*p == '\'')
                rm_buf_adds(&name, "&#39;");
            else
                rm_buf_addc(&name, *p);
        }
        if (!strstr(svg, rm_buf_cstr(&name)))
            fail_msg("the SVG does not show table %s", rm_buf_cstr(&name));
    }
    rm_buf_free(&name);
}

static void run_case(const char *case_dir)
{
    char *scratch;
    relmap_model *model = load_case(case_dir, &scratch);
    for (size_t i = 0; i < NTEXT_FORMATS; i++) {
        size_t len;
        char *text = render(model, NULL, opts_for(text_formats[i].format), &len);
        check_golden(case_dir, text_formats[i].ext, text, len);
        if (text_formats[i].format == RELMAP_RENDER_DOT)
            assert_dot_accepts(text);
        free(text);
    }
    size_t len;
    char *svg = render(model, NULL, opts_for(RELMAP_RENDER_SVG), &len);
    assert_xml_well_formed(svg, len);
    assert_svg_has_tables(model, svg);
    free(svg);
    relmap_model_free(model);
    fx_rmtree(scratch);
    free(scratch);
}

static void test_golden_cases(void **state)
{
    (void)state;
    DIR *dir = opendir(CASES);
    assert_non_null(dir);
    /* Sorted, so that failures come in the same order every run. */
    char *names[64];
    size_t n = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.')
            continue;
        /* Folders of other kinds of cases (select/, ...) have no schema.sql. */
        char *case_dir = fx_join(CASES, entry->d_name);
        char *schema = fx_join(case_dir, "schema.sql");
        bool is_case = access(schema, R_OK) == 0;
        free(schema);
        free(case_dir);
        if (!is_case)
            continue;
        assert_true(n < sizeof names / sizeof names[0]);
        names[n++] = rm_strdup(entry->d_name);
    }
    closedir(dir);
    assert_true(n > 0);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (strcmp(names[j], names[i]) < 0) {
                char *tmp = names[i];
                names[i] = names[j];
                names[j] = tmp;
            }
    for (size_t i = 0; i < n; i++) {
        char *case_dir = fx_join(CASES, names[i]);
        print_message("diagram case %s\n", names[i]);
        run_case(case_dir);
        free(case_dir);
        free(names[i]);
    }
}

int main(int argc, char **argv)
{
    self_path = argv[0];
    if (argc == 2 && strcmp(argv[1], MISSING_PLUGINS_CHILD) == 0)
        return missing_plugins_child();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_names),  cmocka_unit_test(test_bad_options_and_write_failure),
        cmocka_unit_test(test_cardinalities), cmocka_unit_test(test_findings_overlay),
        cmocka_unit_test(test_hostile_names), cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_orm_edges),     cmocka_unit_test(test_missing_plugins),
        cmocka_unit_test(test_golden_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
