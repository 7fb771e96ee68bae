/*
 * read_sqlite.c - the SQLite database reader.
 *
 * The database is opened by sqlite_open.c; this file reads the schema
 * through SQLite's own pragmas (the truth about what SQLite will enforce)
 * and walks the stored CREATE statements only to find the text behind
 * each part (sqlite_locate.c). sqlite_data.c checks the rows.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "read_sqlite.h"
#include "sqlite_reader.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "error.h"
#include "model_build.h"
#include "sqlite_locate.h"
#include "strmap.h"
#include "types.h"

static int prepare_all(reader *r)
{
    int rc = sq_prepare(r,
                        "SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden "
                        "FROM pragma_table_xinfo(?1, 'main')",
                        &r->xinfo);
    if (rc == 0)
        rc = sq_prepare(r,
                        "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete, match "
                        "FROM pragma_foreign_key_list(?1, 'main')",
                        &r->fk_list);
    /* No ORDER BY in these: the pragmas' own order is known, and a sorter
     * per table costs more than reading the rows backwards. */
    if (rc == 0)
        rc = sq_prepare(r,
                        "SELECT name, \"unique\", origin, partial "
                        "FROM pragma_index_list(?1, 'main')",
                        &r->index_list);
    if (rc == 0)
        rc = sq_prepare(r, "SELECT cid, name FROM pragma_index_xinfo(?1, 'main') WHERE key",
                        &r->index_xinfo);
    return rc;
}

static void finalize_all(reader *r)
{
    sqlite3_finalize(r->xinfo);
    sqlite3_finalize(r->fk_list);
    sqlite3_finalize(r->index_list);
    sqlite3_finalize(r->index_xinfo);
}

/* ---- one table: what the pragmas say ----------------------------------- */

typedef struct col_row {
    const char *name, *type, *dflt;
    bool notnull;
    unsigned pk;
    int hidden;
} col_row;

typedef struct index_row {
    const char *name;
    bool unique, partial;
    char origin; /* 'c' CREATE INDEX, 'u' UNIQUE, 'p' PRIMARY KEY */
    struct index_col {
        long cid; /* -2 for an expression */
        const char *name;
    } * cols; /* the key columns */
    size_t ncols;
} index_row;

typedef struct fk_row {
    long id, seq;
    const char *table, *from, *to, *on_update, *on_delete, *match;
} fk_row;

/* What is known about the table being read. */
typedef struct table_ctx {
    reader *r;
    rm_arena *tmp; /* reader->table_tmp */
    const schema_row *row;
    relmap_table *t;
    uint32_t src;
    relmap_span whole; /* the CREATE statement, where nothing better is known */
    sl_table lt;
    col_row *cols;
    size_t ncols;
    index_row *indexes;
    size_t nindexes;
    fk_row *fks; /* one row per column of each key, in declaration order */
    size_t nfks;
} table_ctx;

static const char *text_col(rm_arena *arena, sqlite3_stmt *st, int i)
{
    const unsigned char *s = sqlite3_column_text(st, i);
    return s ? rm_arena_strndup(arena, (const char *)s, (size_t)sqlite3_column_bytes(st, i)) : NULL;
}

/*
 * Runs `st` bound to `name` and hands each row to `row`. An error that
 * concerns only this table is noted and ends the rows early (returning
 * 0, with what was read kept); any other error is returned.
 */
static int each_row(table_ctx *c, sqlite3_stmt *st, const char *name, const char *what,
                    void (*row)(table_ctx *, sqlite3_stmt *, void *), void *arg)
{
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        row(c, st, arg);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc == SQLITE_DONE)
        return 0;
    if (!sq_table_local(rc))
        return sq_failure(c->r, rc);
    char msg[400];
    sq_note(c->r, "%s of %s could not be read: %s", what, name,
            sq_db_message(c->r, msg, sizeof msg));
    return 0;
}

static void column_row(table_ctx *c, sqlite3_stmt *st, void *arg)
{
    (void)arg;
    col_row *col = rm_arena_push(c->tmp, (void **)&c->cols, &c->ncols, sizeof *col);
    col->name = text_col(c->tmp, st, 1);
    col->type = text_col(c->tmp, st, 2);
    col->notnull = sqlite3_column_int(st, 3) != 0;
    col->dflt = text_col(c->tmp, st, 4);
    col->pk = (unsigned)sqlite3_column_int(st, 5);
    col->hidden = sqlite3_column_int(st, 6);
    if (!col->name)
        col->name = "";
}

static void index_row_read(table_ctx *c, sqlite3_stmt *st, void *arg)
{
    (void)arg;
    index_row *ix = rm_arena_push(c->tmp, (void **)&c->indexes, &c->nindexes, sizeof *ix);
    ix->name = text_col(c->tmp, st, 0);
    ix->unique = sqlite3_column_int(st, 1) != 0;
    const char *origin = text_col(c->tmp, st, 2);
    ix->origin = origin ? origin[0] : 'c';
    ix->partial = sqlite3_column_int(st, 3) != 0;
    if (!ix->name)
        ix->name = "";
}

static void index_column_row(table_ctx *c, sqlite3_stmt *st, void *arg)
{
    index_row *ix = arg;
    struct index_col *col = rm_arena_push(c->tmp, (void **)&ix->cols, &ix->ncols, sizeof *col);
    col->cid = (long)sqlite3_column_int64(st, 0);
    col->name = text_col(c->tmp, st, 1);
}

static void fk_row_read(table_ctx *c, sqlite3_stmt *st, void *arg)
{
    (void)arg;
    fk_row *fk = rm_arena_push(c->tmp, (void **)&c->fks, &c->nfks, sizeof *fk);
    fk->id = (long)sqlite3_column_int64(st, 0);
    fk->seq = (long)sqlite3_column_int64(st, 1);
    fk->table = text_col(c->tmp, st, 2);
    fk->from = text_col(c->tmp, st, 3);
    fk->to = text_col(c->tmp, st, 4);
    fk->on_update = text_col(c->tmp, st, 5);
    fk->on_delete = text_col(c->tmp, st, 6);
    fk->match = text_col(c->tmp, st, 7);
}

/* Keys: the newest first by id, their columns in order. */
static int by_id_desc(const void *pa, const void *pb)
{
    const fk_row *a = pa, *b = pb;
    if (a->id != b->id)
        return a->id > b->id ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/*
 * SQLite numbers keys and indexes from the newest down (id 0, seq 0 is the
 * last one declared or created); the model lists them as written.
 */
static void in_creation_order(table_ctx *c)
{
    for (size_t i = 0, j = c->nindexes; i + 1 < j; i++, j--) {
        index_row swap = c->indexes[i];
        c->indexes[i] = c->indexes[j - 1];
        c->indexes[j - 1] = swap;
    }
    if (c->nfks > 1)
        qsort(c->fks, c->nfks, sizeof *c->fks, by_id_desc);
}

/* ---- one table: into the model ----------------------------------------- */

static bool same_name(const char *a, const char *b)
{
    return a && b && strcasecmp(a, b) == 0;
}

/* A span in the table's statement, or `fallback` when the range is empty. */
static relmap_span span_in(const table_ctx *c, sl_range range, relmap_span fallback)
{
    return range.end > range.start ? mb_span(c->src, range.start, range.end) : fallback;
}

/* The located definition of a column; `hint` is where it usually is. */
static const sl_column *located_column(const table_ctx *c, const char *name, size_t hint)
{
    if (hint < c->lt.ncolumns && same_name(c->lt.columns[hint].name.name, name))
        return &c->lt.columns[hint];
    for (size_t i = 0; i < c->lt.ncolumns; i++)
        if (same_name(c->lt.columns[i].name.name, name))
            return &c->lt.columns[i];
    return NULL;
}

/* Where a constraint names column `name`, or `fallback`. */
static relmap_span listed_column_span(const table_ctx *c, const sl_constraint *k, const char *name,
                                      relmap_span fallback)
{
    for (size_t i = 0; k && i < k->ncolumns; i++)
        if (same_name(k->columns[i].name, name))
            return span_in(c, k->columns[i].span, fallback);
    return fallback;
}

/* A rowid table's single-column primary key is an alias for the rowid
 * (never NULL) exactly when SQLite made no index for it. */
static bool has_rowid_alias(const table_ctx *c)
{
    if (c->t->without_rowid || c->row->view)
        return false;
    size_t npk = 0;
    for (size_t i = 0; i < c->ncols; i++)
        npk += c->cols[i].pk > 0;
    for (size_t i = 0; i < c->nindexes; i++)
        if (c->indexes[i].origin == 'p')
            return false;
    return npk == 1;
}

static void build_columns(table_ctx *c)
{
    relmap_model *model = c->r->model;
    bool alias = has_rowid_alias(c);
    for (size_t i = 0; i < c->ncols; i++) {
        const col_row *col = &c->cols[i];
        const sl_column *lc = located_column(c, col->name, i);
        relmap_column *m = mb_column(model, c->t, col->name, col->type,
                                     lc ? span_in(c, lc->span, c->t->span) : c->t->span);
        m->family = rm_type_family(RELMAP_DIALECT_SQLITE, m->type, strlen(m->type));
        /* WITHOUT ROWID tables enforce NOT NULL on their key (the pragma
         * says notnull only where it was written). */
        m->nullable = !(col->notnull || (col->pk && (alias || c->t->without_rowid)));
        m->default_value = mb_str(model, col->dflt);
        m->pk_position = col->pk;
        m->generated = col->hidden == 2   ? RELMAP_GENERATED_VIRTUAL
                       : col->hidden == 3 ? RELMAP_GENERATED_STORED
                                          : RELMAP_GENERATED_NONE;
        m->hidden = col->hidden == 1;
    }
    for (size_t k = 0; k < c->lt.nconstraints; k++) {
        const sl_constraint *con = &c->lt.constraints[k];
        if (con->kind != SL_PRIMARY_KEY || !con->autoincrement || con->column < 0)
            continue;
        const char *name = c->lt.columns[con->column].name.name;
        for (size_t i = 0; i < c->t->ncolumns; i++)
            if (same_name(c->t->columns[i].name, name))
                c->t->columns[i].autoincrement = true;
    }
}

static const sl_constraint *located_of_kind(const table_ctx *c, sl_kind kind)
{
    for (size_t k = 0; k < c->lt.nconstraints; k++)
        if (c->lt.constraints[k].kind == kind)
            return &c->lt.constraints[k];
    return NULL;
}

static void build_primary_key(table_ctx *c)
{
    size_t npk = 0;
    for (size_t i = 0; i < c->ncols; i++)
        npk += c->cols[i].pk > 0;
    if (npk == 0)
        return;
    const sl_constraint *k = located_of_kind(c, SL_PRIMARY_KEY);
    relmap_span span = k ? span_in(c, k->span, c->t->span) : c->t->span;
    relmap_key *key = mb_primary_key(c->r->model, c->t, k ? k->name : NULL, span);
    for (unsigned pos = 1; pos <= npk; pos++)
        for (size_t i = 0; i < c->ncols; i++)
            if (c->cols[i].pk == pos)
                mb_key_column(c->r->model, key, c->cols[i].name,
                              listed_column_span(c, k, c->cols[i].name, span));
}

/* The first located constraint of `kind` not yet used whose columns are
 * `names` (case-insensitively, in order). */
static const sl_constraint *match_located(const table_ctx *c, sl_kind kind, const char *ref_table,
                                          const char *const *names, size_t n, bool *used)
{
    for (size_t k = 0; k < c->lt.nconstraints; k++) {
        const sl_constraint *con = &c->lt.constraints[k];
        if (used[k] || con->kind != kind || con->ncolumns != n)
            continue;
        if (ref_table && !same_name(con->ref_table.name, ref_table))
            continue;
        size_t j = 0;
        while (j < n && same_name(con->columns[j].name, names[j]))
            j++;
        if (j == n) {
            used[k] = true;
            return con;
        }
    }
    return NULL;
}

static void build_unique(table_ctx *c, const index_row *ix, const sl_constraint *k)
{
    relmap_span span = k ? span_in(c, k->span, c->t->span) : c->t->span;
    relmap_key *key = mb_unique(c->r->model, c->t, k ? k->name : NULL, span);
    for (size_t j = 0; j < ix->ncols; j++) {
        const char *name = ix->cols[j].name ? ix->cols[j].name : "";
        mb_key_column(c->r->model, key, name, listed_column_span(c, k, name, span));
    }
}

static void build_index(table_ctx *c, const index_row *ix)
{
    relmap_model *model = c->r->model;
    const index_sql *def = rm_strmap_get(c->r->index_sql, ix->name);
    sl_index li;
    memset(&li, 0, sizeof li);
    relmap_span span = c->t->span;
    uint32_t src = RELMAP_NO_SOURCE;
    if (def) {
        src = mb_statement_source(model, c->r->path, def->sql, def->len);
        sl_locate_index(c->tmp, def->sql, def->len, &li);
        span = mb_span(src, li.span.start, li.span.end);
    }
    relmap_index *m = mb_index(model, c->t, ix->name, ix->unique, span);
    for (size_t j = 0; j < ix->ncols; j++) {
        const sl_index_element *e = j < li.nelements ? &li.elements[j] : NULL;
        relmap_span es = e ? mb_span(src, e->span.start, e->span.end) : span;
        if (ix->cols[j].cid >= 0) {
            mb_index_column(model, m, ix->cols[j].name, NULL, es);
        } else {
            /* An expression: SQLite does not give its text, the statement does. */
            const char *expr =
                e ? rm_arena_strndup(c->tmp, def->sql + e->expr.start, e->expr.end - e->expr.start)
                  : "";
            mb_index_column(model, m, NULL, expr, es);
        }
    }
    if (ix->partial)
        m->where = li.where.end > li.where.start
                       ? mb_strn(model, def->sql + li.where.start, li.where.end - li.where.start)
                       : mb_str(model, "");
}

/* A UNIQUE index with the constraint it was made for, if located. */
typedef struct placed_unique {
    const index_row *ix;
    const sl_constraint *k;
    size_t order;
} placed_unique;

/* Written constraints in text order, then any that were not found. */
static int by_position(const void *pa, const void *pb)
{
    const placed_unique *a = pa, *b = pb;
    size_t ka = a->k ? a->k->span.start : SIZE_MAX, kb = b->k ? b->k->span.start : SIZE_MAX;
    if (ka != kb)
        return ka < kb ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/*
 * UNIQUE constraints and CREATE INDEX indexes; the primary key's own index
 * is the primary key, read from the columns. Constraints are listed as
 * written: SQLite keeps ON CONFLICT REPLACE ones at the end of its list.
 */
static void build_indexes(table_ctx *c)
{
    bool *used = rm_arena_alloc(c->tmp, c->lt.nconstraints + 1);
    placed_unique *uniques = rm_arena_alloc(c->tmp, (c->nindexes + 1) * sizeof *uniques);
    size_t nuniques = 0;
    for (size_t i = 0; i < c->nindexes; i++) {
        const index_row *ix = &c->indexes[i];
        if (ix->origin == 'c') {
            build_index(c, ix);
        } else if (ix->origin == 'u') {
            const char **names = rm_arena_alloc(c->tmp, (ix->ncols + 1) * sizeof *names);
            for (size_t j = 0; j < ix->ncols; j++)
                names[j] = ix->cols[j].name ? ix->cols[j].name : "";
            placed_unique *p = &uniques[nuniques];
            p->ix = ix;
            p->k = match_located(c, SL_UNIQUE, NULL, names, ix->ncols, used);
            p->order = nuniques++;
        }
    }
    qsort(uniques, nuniques, sizeof *uniques, by_position);
    for (size_t i = 0; i < nuniques; i++)
        build_unique(c, uniques[i].ix, uniques[i].k);
}

static void build_checks(table_ctx *c)
{
    for (size_t k = 0; k < c->lt.nconstraints; k++) {
        const sl_constraint *con = &c->lt.constraints[k];
        if (con->kind != SL_CHECK)
            continue;
        const char *expr = rm_arena_strndup(c->tmp, c->row->sql + con->expr.start,
                                            con->expr.end - con->expr.start);
        mb_check(c->r->model, c->t, con->name, expr, span_in(c, con->span, c->t->span));
    }
}

/* The actions, MATCH and DEFERRABLE of one key. Located text says which
 * clauses were written; the pragma spells what SQLite made of them. */
static void key_clauses(table_ctx *c, relmap_fk *fk, const fk_row *row, const sl_constraint *k)
{
    relmap_model *model = c->r->model;
    if (k) {
        if (k->on_delete.end > k->on_delete.start)
            mb_fk_on_delete(model, fk, row->on_delete);
        if (k->on_update.end > k->on_update.start)
            mb_fk_on_update(model, fk, row->on_update);
        if (k->match.end > k->match.start)
            fk->match = mb_strn(model, c->row->sql + k->match.start, k->match.end - k->match.start);
        fk->deferrable = k->deferrable;
        return;
    }
    /* Not located: NO ACTION and NONE are what SQLite reports for clauses
     * that were not written. */
    if (row->on_delete && strcmp(row->on_delete, "NO ACTION") != 0)
        mb_fk_on_delete(model, fk, row->on_delete);
    if (row->on_update && strcmp(row->on_update, "NO ACTION") != 0)
        mb_fk_on_update(model, fk, row->on_update);
    if (row->match && strcasecmp(row->match, "NONE") != 0)
        fk->match = mb_str(model, row->match);
}

/* The foreign keys, in declaration order; returns SQLite's id of each. */
static long *build_fks(table_ctx *c)
{
    relmap_model *model = c->r->model;
    bool *used = rm_arena_alloc(c->tmp, c->lt.nconstraints + 1);
    long *ids = rm_arena_alloc(c->tmp, (c->nfks + 1) * sizeof *ids);
    const char **from = rm_arena_alloc(c->tmp, (c->nfks + 1) * sizeof *from);
    for (size_t i = 0, j; i < c->nfks; i = j) {
        const fk_row *rows = &c->fks[i];
        for (j = i; j < c->nfks && c->fks[j].id == rows->id; j++)
            from[j - i] = c->fks[j].from ? c->fks[j].from : "";
        size_t n = j - i;
        const char *parent = rows->table ? rows->table : "";
        const sl_constraint *k = match_located(c, SL_FOREIGN_KEY, parent, from, n, used);
        relmap_span span = k ? span_in(c, k->span, c->t->span) : c->t->span;
        ids[c->t->nfks] = rows->id;
        relmap_fk *fk = mb_fk(model, c->t, k ? k->name : NULL, NULL, parent, span);
        for (size_t m = 0; m < n; m++)
            mb_fk_column(model, fk, from[m], listed_column_span(c, k, from[m], span));
        /* "to" is NULL when the key names no parent columns (the parent's
         * primary key is meant). */
        for (size_t m = 0; m < n && rows->to; m++) {
            relmap_span rs =
                k && m < k->nref_columns ? span_in(c, k->ref_columns[m].span, span) : span;
            mb_fk_ref_column(model, fk, rows[m].to ? rows[m].to : "", rs);
        }
        key_clauses(c, fk, rows, k);
    }
    return ids;
}

/* Keeps what the data checks need of a table beyond the table's own read. */
static void check_later(reader *r, relmap_table *t, const long *ids)
{
    sq_checked *c = rm_arena_alloc(r->scratch, sizeof *c);
    long *kept = rm_arena_alloc(r->scratch, t->nfks * sizeof *kept);
    memcpy(kept, ids, t->nfks * sizeof *kept);
    c->table = t;
    c->fk_ids = kept;
    rm_strmap_put(r->checked, t->name, c);
}

/* ---- the whole schema -------------------------------------------------- */

/* SQLite's foreign keys come only from REFERENCES clauses in the stored
 * CREATE TABLE text (ALTER TABLE ADD COLUMN rewrites it), so a text
 * without the word has none. A table without text (a virtual table's
 * missing module) is asked anyway. */
static bool may_reference(const schema_row *row)
{
    static const char word[] = "references";
    const size_t n = sizeof word - 1;
    if (row->sql_len == 0)
        return true;
    for (size_t i = 0; i + n <= row->sql_len; i++)
        if (strncasecmp(row->sql + i, word, n) == 0)
            return true;
    return false;
}

static bool pragmas_forced;

void rm_read_sqlite_force_pragmas(bool force)
{
    pragmas_forced = force;
}

static int read_table(reader *r, const schema_row *row)
{
    const long *text_ids = NULL;
    relmap_table *from_text = pragmas_forced ? NULL : sq_table_from_text(r, row, &text_ids);
    if (from_text) {
        r->tables_from_text++;
        if (r->opts->data_checks && from_text->nfks > 0)
            check_later(r, from_text, text_ids);
        return 0;
    }
    relmap_model *model = r->model;
    table_ctx c;
    memset(&c, 0, sizeof c);
    c.r = r;
    c.row = row;
    /* Table-local data is dead once the table is built. A fresh arena per
     * table would malloc and free a block each time; one per batch keeps
     * memory bounded at a fraction of that cost. */
    if (r->tables_read++ % 256 == 0) {
        rm_arena_free(r->table_tmp);
        r->table_tmp = rm_arena_new();
    }
    c.tmp = r->table_tmp;
    c.src = mb_statement_source(model, r->path, row->sql, row->sql_len);
    c.whole = mb_span(c.src, 0, row->sql_len);
    sl_locate_table(c.tmp, row->sql, row->sql_len, &c.lt);
    c.t = mb_table(model, NULL, row->name, row->view ? RELMAP_KIND_VIEW : RELMAP_KIND_TABLE,
                   span_in(&c, c.lt.name.span, c.whole));
    c.t->dialect = RELMAP_DIALECT_SQLITE;
    c.t->without_rowid = row->without_rowid;
    c.t->strict = row->strict;
    c.t->virtual_table = row->virtual_table;

    /* Each pragma costs SQLite a lookup of the table by name in a hash
     * table it never grows past 64 buckets: on large schemas those lookups
     * are most of the read. So ask only where there can be an answer. */
    int rc = each_row(&c, r->xinfo, row->name, "the columns", column_row, NULL);
    if (rc == 0 && !row->view && row->has_indexes)
        rc = each_row(&c, r->index_list, row->name, "the indexes", index_row_read, NULL);
    for (size_t i = 0; rc == 0 && i < c.nindexes; i++)
        rc = each_row(&c, r->index_xinfo, c.indexes[i].name, "the index columns", index_column_row,
                      &c.indexes[i]);
    if (rc == 0 && !row->view && may_reference(row))
        rc = each_row(&c, r->fk_list, row->name, "the foreign keys", fk_row_read, NULL);
    in_creation_order(&c);
    if (rc == 0) {
        build_columns(&c);
        build_primary_key(&c);
        build_indexes(&c);
        const long *ids = build_fks(&c);
        build_checks(&c);
        if (r->opts->data_checks && c.t->nfks > 0 && !row->virtual_table)
            check_later(r, c.t, ids);
    }
    return rc;
}

/* pragma_table_list's facts on each table, by name. */
static int read_table_list(reader *r, rm_strmap *facts)
{
    sqlite3_stmt *st;
    int rc = sq_prepare(
        r, "SELECT name, type, wr, strict, ncol FROM pragma_table_list WHERE schema = 'main'", &st);
    if (rc < 0)
        return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        schema_row *f = rm_arena_alloc(r->scratch, sizeof *f);
        const char *type = (const char *)sqlite3_column_text(st, 1);
        f->name = text_col(r->scratch, st, 0);
        f->virtual_table = type && strcmp(type, "virtual") == 0;
        f->shadow = type && strcmp(type, "shadow") == 0;
        f->without_rowid = sqlite3_column_int(st, 2) != 0;
        f->strict = sqlite3_column_int(st, 3) != 0;
        f->ncol = sqlite3_column_int64(st, 4);
        if (f->name)
            rm_strmap_put(facts, f->name, f);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : sq_failure(r, rc);
}

/* An index of sqlite_schema, on the list of its table: the text of a
 * CREATE INDEX, or (def NULL) an index SQLite made for a constraint. */
static void note_index(reader *r, rm_strmap *indexed, const char *table, const index_sql *def)
{
    sq_table_indexes *list = rm_strmap_get(indexed, table);
    if (!list) {
        list = rm_arena_alloc(r->scratch, sizeof *list);
        memset(list, 0, sizeof *list);
        rm_strmap_put(indexed, table, list);
    }
    if (!def) {
        list->nauto++;
        return;
    }
    const index_sql **slot =
        rm_arena_push(r->scratch, (void **)&list->defs, &list->ndefs, sizeof *slot);
    *slot = def;
}

/* Every table and view of sqlite_schema, in the order they were created,
 * after noting the text of every index for build_index. */
static int read_schema(reader *r)
{
    rm_strmap *facts = rm_strmap_new(true);
    rm_strmap *indexed = rm_strmap_new(true); /* table name -> sq_table_indexes */
    schema_row *rows = NULL;
    size_t nrows = 0;
    sqlite3_stmt *st = NULL;
    int rc = read_table_list(r, facts);
    if (rc == 0)
        rc = sq_prepare(r,
                        "SELECT type, name, sql, tbl_name FROM main.sqlite_schema "
                        "WHERE type IN ('table', 'view', 'index') ORDER BY rowid",
                        &st);
    int step = SQLITE_DONE;
    while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *type = (const char *)sqlite3_column_text(st, 0);
        const char *name = text_col(r->scratch, st, 1);
        const char *sql = text_col(r->scratch, st, 2);
        size_t len = sql ? (size_t)sqlite3_column_bytes(st, 2) : 0;
        if (!type || !name)
            continue;
        if (strcmp(type, "index") == 0) {
            const char *table = text_col(r->scratch, st, 3);
            index_sql *def = NULL;
            if (sql) {
                def = rm_arena_alloc(r->scratch, sizeof *def);
                def->sql = sql;
                def->len = len;
                rm_strmap_put(r->index_sql, name, def);
            }
            if (table)
                note_index(r, indexed, table, def);
            continue;
        }
        /* sqlite_schema, sqlite_sequence, sqlite_stat1 ...: SQLite's own. */
        const schema_row *f = rm_strmap_get(facts, name);
        if (strncasecmp(name, "sqlite_", 7) == 0 || (f && f->shadow))
            continue;
        schema_row *row = rm_arena_push(r->scratch, (void **)&rows, &nrows, sizeof *row);
        if (f)
            *row = *f;
        row->name = name;
        row->sql = sql ? sql : "";
        row->sql_len = len;
        row->view = strcmp(type, "view") == 0;
    }
    if (rc == 0 && step != SQLITE_DONE)
        rc = sq_failure(r, step);
    sqlite3_finalize(st);
    for (size_t i = 0; rc == 0 && i < nrows; i++) {
        rows[i].indexes = rm_strmap_get(indexed, rows[i].name);
        rows[i].has_indexes = rows[i].indexes != NULL;
        rc = read_table(r, &rows[i]);
    }
    if (rc == 0)
        sq_note(r,
                "%zu tables and views: %zu read from their CREATE text, the others through "
                "SQLite's pragmas",
                nrows, r->tables_from_text);
    rm_strmap_free(facts);
    rm_strmap_free(indexed);
    return rc;
}

int rm_read_sqlite(relmap_model *model, const char *path, const relmap_load_opts *opts)
{
    reader r;
    memset(&r, 0, sizeof r);
    r.model = model;
    r.path = path;
    r.opts = opts;
    r.real = realpath(path, NULL);
    if (!r.real)
        return rm_error(RELMAP_EIO, "%s: cannot open: %s", path, strerror(errno));
    if (model->dialect == RELMAP_DIALECT_UNKNOWN)
        model->dialect = RELMAP_DIALECT_SQLITE;
    r.scratch = rm_arena_new();
    r.index_sql = rm_strmap_new(true);
    r.checked = rm_strmap_new(true);
    int rc = sq_open(&r);
    if (rc == 0)
        rc = prepare_all(&r);
    if (rc == 0)
        rc = read_schema(&r);
    if (rc == 0 && opts->data_checks)
        rc = sq_check_data(&r);
    if (rc == 0 && opts->data_checks)
        model->facts.data_checked = true;
    finalize_all(&r);
    sq_text_done(&r);
    sq_close(&r);
    rm_strmap_free(r.index_sql);
    rm_strmap_free(r.checked);
    rm_arena_free(r.scratch);
    rm_arena_free(r.table_tmp);
    free(r.real);
    return rc;
}
