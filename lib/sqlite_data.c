/*
 * sqlite_data.c - the rows behind SQLITE002: PRAGMA foreign_key_check.
 *
 * One check of the whole database first: it is one pass where a check per
 * table costs SQLite a statement and a schema lookup each (seconds on
 * 10,000 tables). But one table whose key SQLite calls a "foreign key
 * mismatch" fails the whole pass, so then every table is checked on its
 * own, and the one that fails keeps SQLite's reason while the others are
 * still checked.
 */
#include <string.h>

#include "model_build.h"
#include "sqlite_reader.h"

/* Records one row of foreign_key_check: (table, rowid, parent, fkid). */
static void count_row(reader *r, sqlite3_stmt *st)
{
    const char *name = (const char *)sqlite3_column_text(st, 0);
    const sq_checked *c = name ? rm_strmap_get(r->checked, name) : NULL;
    if (!c)
        return;
    long fkid = (long)sqlite3_column_int64(st, 3);
    for (size_t k = 0; k < c->table->nfks; k++) {
        if (c->fk_ids[k] != fkid)
            continue;
        relmap_fk_violations *v = c->violations[k];
        v->count++;
        /* WITHOUT ROWID tables have no rowid to show: counted only. */
        if (v->nrowids < RELMAP_MAX_SAMPLE_ROWIDS && sqlite3_column_type(st, 1) != SQLITE_NULL)
            v->rowids[v->nrowids++] = sqlite3_column_int64(st, 1);
        return;
    }
}

/* Runs one foreign_key_check statement to its end; SQLite's result code. */
static int run_check(reader *r, sqlite3_stmt *st)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        count_row(r, st);
    return rc;
}

/* Fresh, empty counts on every key of the table. */
static void give_violations(reader *r, sq_checked *c)
{
    if (!c->violations)
        c->violations = rm_arena_alloc(r->scratch, c->table->nfks * sizeof *c->violations);
    for (size_t k = 0; k < c->table->nfks; k++)
        c->violations[k] = mb_fk_violations(r->model, &c->table->fks[k]);
}

static void forget_violations(const sq_checked *c)
{
    for (size_t k = 0; k < c->table->nfks; k++)
        c->table->fks[k].violations = NULL;
}

/* The fallback: each table on its own. */
static int check_each_table(reader *r, sq_checked *const *tables, size_t n)
{
    sqlite3_stmt *st = NULL;
    int rc = sq_prepare(r, "SELECT * FROM pragma_foreign_key_check(?1, 'main')", &st);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        sq_checked *c = tables[i];
        give_violations(r, c);
        sqlite3_bind_text(st, 1, c->table->name, -1, SQLITE_STATIC);
        int step = run_check(r, st);
        sqlite3_reset(st);
        if (step == SQLITE_DONE)
            continue;
        if (!sq_table_local(step)) {
            rc = sq_failure(r, step);
            break;
        }
        char msg[400];
        c->table->data_check_error = mb_str(r->model, sq_db_message(r, msg, sizeof msg));
        forget_violations(c);
        sq_note(r, "foreign_key_check(%s) failed: %s", c->table->name, msg);
    }
    sqlite3_finalize(st);
    return rc;
}

int sq_check_data(reader *r)
{
    /* The model's tables with keys, in model order, for the fallback. */
    sq_checked **tables = NULL;
    size_t n = 0;
    for (size_t i = 0; i < r->model->ntables; i++) {
        const relmap_table *t = r->model->tables[i];
        sq_checked *c = t->nfks ? rm_strmap_get(r->checked, t->name) : NULL;
        if (c && c->table == t) {
            sq_checked **slot = rm_arena_push(r->scratch, (void **)&tables, &n, sizeof *slot);
            *slot = c;
        }
    }
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        give_violations(r, tables[i]);

    /* A mismatch can fail the statement as it is compiled (the pragma
     * looks up every parent key then) or as it runs. */
    sqlite3_stmt *st = NULL;
    int step = sqlite3_prepare_v2(r->db, "PRAGMA main.foreign_key_check", -1, &st, NULL);
    if (step == SQLITE_OK)
        step = run_check(r, st);
    sqlite3_finalize(st);
    if (step == SQLITE_DONE)
        return 0;
    if (!sq_table_local(step))
        return sq_failure(r, step);
    char msg[400];
    sq_note(r, "foreign_key_check of the whole database failed (%s); checking each table",
            sq_db_message(r, msg, sizeof msg));
    for (size_t i = 0; i < n; i++)
        forget_violations(tables[i]);
    return check_each_table(r, tables, n);
}
