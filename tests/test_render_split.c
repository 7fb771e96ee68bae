/*
 * test_render_split.c - large schemas: relmap_render_split by components
 * (with a big component cut into parts of RELMAP_RENDER_SPLIT_TABLES) and
 * by schema, file names made safe and unique, the overview, determinism;
 * and the layout time limit with its fallbacks on a 300-table schema.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "buf.h"
#include "model_build.h"
#include "relmap/relmap.h"
#include "relmap/render.h"
#include "resolve.h"

/* The files of a split, in the order they came, as "name\n" lines and
 * their bytes concatenated. */
typedef struct files {
    rm_buf names;
    rm_buf bytes;
    size_t n;
} files;

static int collect_file(void *payload, const char *name, const char *data, size_t len)
{
    files *f = payload;
    rm_buf_printf(&f->names, "%s\n", name);
    rm_buf_add(&f->bytes, data, len);
    f->n++;
    return 0;
}

static void files_free(files *f)
{
    rm_buf_free(&f->names);
    rm_buf_free(&f->bytes);
}

static relmap_table *table(relmap_model *m, const char *schema, const char *name)
{
    relmap_table *t = mb_table(m, schema, name, RELMAP_KIND_TABLE, mb_no_span());
    mb_column(m, t, "id", "INTEGER", mb_no_span())->pk_position = 1;
    mb_primary_key(m, t, NULL, mb_no_span());
    mb_key_column(m, &t->primary_key, "id", mb_no_span());
    return t;
}

static void key(relmap_model *m, relmap_table *child, const char *column, const char *parent)
{
    mb_column(m, child, column, "INTEGER", mb_no_span());
    relmap_fk *fk = mb_fk(m, child, NULL, NULL, parent, mb_no_span());
    mb_fk_column(m, fk, column, mb_no_span());
}

/* `n` tables in one component, with a few extra columns each: t0 the hub
 * that every other table references, and a binary tree (t(i) references
 * t(i/2)), which dot lays out about as fast as bench/gen's schemas; then a
 * pair and two tables joined to nothing. */
static relmap_model *big_model(size_t n)
{
    relmap_model *m = mb_model_new();
    m->dialect = RELMAP_DIALECT_SQLITE;
    char name[32], up[32];
    for (size_t i = 0; i < n; i++) {
        snprintf(name, sizeof name, "t%zu", i);
        relmap_table *t = table(m, NULL, name);
        for (int c = 0; c < 4; c++) {
            char column[16];
            snprintf(column, sizeof column, "c%d", c);
            mb_column(m, t, column, "TEXT", mb_no_span());
        }
        if (i > 0)
            key(m, t, "hub_id", "t0");
        snprintf(up, sizeof up, "t%zu", i / 2);
        if (i > 1)
            key(m, t, "up_id", up);
    }
    table(m, NULL, "pair_parent");
    key(m, table(m, NULL, "pair_child"), "parent_id", "pair_parent");
    table(m, NULL, "alone");
    table(m, NULL, "also_alone");
    rm_resolve(m);
    return m;
}

static void test_split_components(void **state)
{
    (void)state;
    relmap_model *m = big_model(320);
    relmap_render_opts opts = RELMAP_RENDER_OPTS_INIT;
    opts.format = RELMAP_RENDER_DOT;
    files a = {RM_BUF_INIT, RM_BUF_INIT, 0};
    assert_int_equal(relmap_render_split(m, NULL, &opts, RELMAP_SPLIT_COMPONENTS, collect_file, &a),
                     0);
    /* 320 tables cut into 150 + 150 + 20 breadth-first from the hub, each
     * named after its most referenced table; the pair and the lonely
     * tables pooled; the overview. */
    assert_string_equal(rm_buf_cstr(&a.names), "t0.dot\nt150.dot\nt300.dot\n"
                                               "small_groups.dot\noverview.dot\n");
    const char *all = rm_buf_cstr(&a.bytes);
    /* t150's keys go to t0 and t75 (first part) and come from t300 and
     * t301 (third part): one stub for the four. */
    assert_non_null(strstr(all, "label=\"+4 tables not shown\""));
    assert_non_null(strstr(all, "p1 -> p0 [label=\"300 keys\""));
    assert_non_null(strstr(all, "p2 -> p0 [label=\"20 keys\""));
    assert_non_null(strstr(all, "p2 -> p1 [label=\"20 keys\""));
    assert_non_null(strstr(all, "<B>small groups</B><BR/>4 tables"));

    /* The same input gives the same files, byte for byte. */
    files b = {RM_BUF_INIT, RM_BUF_INIT, 0};
    assert_int_equal(relmap_render_split(m, NULL, &opts, RELMAP_SPLIT_COMPONENTS, collect_file, &b),
                     0);
    assert_int_equal(a.bytes.len, b.bytes.len);
    assert_memory_equal(a.bytes.data, b.bytes.data, a.bytes.len);
    files_free(&a);
    files_free(&b);

    /* A selection is split too. */
    const char *pair[] = {"pair_*"};
    opts.include = pair;
    opts.ninclude = 1;
    files c = {RM_BUF_INIT, RM_BUF_INIT, 0};
    assert_int_equal(relmap_render_split(m, NULL, &opts, RELMAP_SPLIT_COMPONENTS, collect_file, &c),
                     0);
    assert_string_equal(rm_buf_cstr(&c.names), "small_groups.dot\noverview.dot\n");
    files_free(&c);
    relmap_model_free(m);
}

/* Schema names become safe, unique file names: no '/', no leading '-',
 * no name that differs only in case, none called "overview". */
static void test_split_schema_names(void **state)
{
    (void)state;
    relmap_model *m = mb_model_new();
    m->dialect = RELMAP_DIALECT_POSTGRES;
    const char *schemas[] = {"Sales", "sales",    "../etc/passwd",
                             "-rf",   "overview", "\xd0\xb4\xd0\xb0"};
    for (size_t i = 0; i < sizeof schemas / sizeof schemas[0]; i++)
        table(m, schemas[i], "t");
    table(m, NULL, "plain");
    rm_resolve(m);
    relmap_render_opts opts = RELMAP_RENDER_OPTS_INIT;
    opts.format = RELMAP_RENDER_MERMAID;
    files f = {RM_BUF_INIT, RM_BUF_INIT, 0};
    assert_int_equal(relmap_render_split(m, NULL, &opts, RELMAP_SPLIT_SCHEMA, collect_file, &f), 0);
    /* Mermaid has no overview: only the parts. */
    assert_string_equal(rm_buf_cstr(&f.names), "Sales.mmd\nsales-2.mmd\n___etc_passwd.mmd\n"
                                               "_rf.mmd\noverview-2.mmd\npart.mmd\n"
                                               "no_schema.mmd\n");
    files_free(&f);
    relmap_model_free(m);
}

/* Notes go to a buffer. */
static int note_write(void *payload, const char *data, size_t len)
{
    rm_buf_add(payload, data, len);
    return 0;
}

static int buf_write(void *payload, const char *data, size_t len)
{
    rm_buf_add(payload, data, len);
    return 0;
}

/*
 * A layout that cannot finish in time is given up (the child is killed),
 * then keys only, names only and sfdp are tried, each with a note; when
 * none finishes the render fails with RELMAP_ELIMIT and writes nothing,
 * in about four times the limit. A generous limit draws the same schema
 * through the child process.
 */
static void test_layout_timeout(void **state)
{
    (void)state;
    relmap_model *m = big_model(300);
    relmap_render_opts opts = RELMAP_RENDER_OPTS_INIT;
    opts.format = RELMAP_RENDER_SVG;
    opts.layout_timeout_ms = 1;
    rm_buf notes = RM_BUF_INIT, out = RM_BUF_INIT;
    opts.notes = note_write;
    opts.notes_payload = &notes;
    time_t start = time(NULL);
    assert_int_equal(relmap_render(m, NULL, &opts, buf_write, &out), RELMAP_ELIMIT);
    assert_true(time(NULL) - start < 10);
    assert_int_equal(out.len, 0);
    assert_non_null(strstr(relmap_error_last(), "--split"));
    const char *text = rm_buf_cstr(&notes);
    assert_non_null(strstr(text, "note: the layout of 304 tables did not finish within "
                                 "0.001 s; drawing key columns only\n"));
    assert_non_null(strstr(text, "drawing table names only\n"));
    assert_non_null(strstr(text, "drawing table names only, laid out by sfdp\n"));

    /* Names by sfdp: quick enough under the sanitizers, and still more
     * tables than RELMAP_RENDER_FORK_TABLES, so drawn by the child. */
    rm_buf_clear(&notes);
    opts.layout_timeout_ms = 120000;
    opts.columns = RELMAP_COLUMNS_NONE;
    opts.engine = RELMAP_ENGINE_SFDP;
    assert_int_equal(relmap_render(m, NULL, &opts, buf_write, &out), 0);
    assert_non_null(strstr(rm_buf_cstr(&out), "</svg>"));
    assert_null(strstr(rm_buf_cstr(&notes), "did not finish"));
    rm_buf_free(&notes);
    rm_buf_free(&out);
    relmap_model_free(m);
}

/* Past RELMAP_RENDER_PNG_MAX_TABLES a PNG comes with a note. */
static void test_png_note(void **state)
{
    (void)state;
    relmap_model *m = big_model(RELMAP_RENDER_PNG_MAX_TABLES);
    relmap_render_opts opts = RELMAP_RENDER_OPTS_INIT;
    opts.format = RELMAP_RENDER_PNG;
    opts.columns = RELMAP_COLUMNS_NONE;
    opts.engine = RELMAP_ENGINE_SFDP;
    rm_buf notes = RM_BUF_INIT, out = RM_BUF_INIT;
    opts.notes = note_write;
    opts.notes_payload = &notes;
    assert_int_equal(relmap_render(m, NULL, &opts, buf_write, &out), 0);
    assert_non_null(strstr(rm_buf_cstr(&notes), "note: a PNG of 404 tables: cairo caps"));
    assert_memory_equal(out.data, "\x89PNG", 4);
    rm_buf_free(&notes);
    rm_buf_free(&out);
    relmap_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_split_components),
        cmocka_unit_test(test_split_schema_names),
        cmocka_unit_test(test_layout_timeout),
        cmocka_unit_test(test_png_note),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
