/*
 * write_db.c - bench/gen's schema as a SQLite database, made by SQLite.
 *
 * SQLite rereads its schema table after every CREATE (a full scan of
 * sqlite_schema), so creating 10,000 tables one after the other costs it
 * time that grows with the square of the count: about 30 s of CPU. Here
 * every table is still created by SQLite itself (it allocates the pages and
 * names the automatic indexes), but each batch of tables is moved out of
 * sqlite_schema as soon as it is made (PRAGMA writable_schema), and all
 * the rows are put back at the end: the scans stay short, and the file is
 * the same as SQLite would have made, up to page numbers. A
 * PRAGMA quick_check at the end proves it. Then ROWS rows go into every
 * table, with keys to existing parents, except on the SQLITE002 tables,
 * whose keys point at parents that do not exist.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "schema.h"

#define BATCH 64

typedef struct stash {
    sqlite3 *db;
    sqlite3_stmt *select, *insert;
    char **rows; /* 5 strings a row: type, name, tbl_name, rootpage, sql (may be NULL) */
    size_t n, cap;
} stash;

static int fail(sqlite3 *db, const char *what)
{
    fprintf(stderr, "gen: %s: %s\n", what, db ? sqlite3_errmsg(db) : "out of memory");
    return 1;
}

static int exec(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "gen: %s: %s\n", err ? err : "error", sql);
        sqlite3_free(err);
        return 1;
    }
    return 0;
}

static char *dup_text(sqlite3_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    return t ? strdup((const char *)t) : NULL;
}

static int bump_schema_version(sqlite3 *db)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "PRAGMA schema_version", -1, &st, NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW)
        return fail(db, "schema_version");
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA schema_version = %lld", sqlite3_column_int64(st, 0) + 1);
    sqlite3_finalize(st);
    return exec(db, sql);
}

/* Moves what sqlite_schema holds now into the stash; SQLite then forgets
 * it (a new schema version makes it reread the now empty table). */
static int take_schema(stash *sh)
{
    while (sqlite3_step(sh->select) == SQLITE_ROW) {
        if (sh->n + 5 > sh->cap) {
            sh->cap = sh->cap ? sh->cap * 2 : 1024;
            char **grown = realloc(sh->rows, sh->cap * sizeof *grown);
            if (!grown)
                return fail(NULL, "stash");
            sh->rows = grown;
        }
        for (int c = 0; c < 5; c++)
            sh->rows[sh->n++] = dup_text(sh->select, c);
    }
    sqlite3_reset(sh->select);
    if (exec(sh->db, "DELETE FROM sqlite_schema"))
        return 1;
    return bump_schema_version(sh->db);
}

static int put_back(stash *sh)
{
    for (size_t i = 0; i < sh->n; i += 5) {
        for (int c = 0; c < 5; c++)
            sqlite3_bind_text(sh->insert, c + 1, sh->rows[i + (size_t)c], -1, SQLITE_STATIC);
        if (sqlite3_step(sh->insert) != SQLITE_DONE)
            return fail(sh->db, "restoring sqlite_schema");
        sqlite3_reset(sh->insert);
    }
    return bump_schema_version(sh->db);
}

static int create_tables(const bench_schema *s, sqlite3 *db)
{
    stash sh = {.db = db};
    char *sql = NULL;
    size_t len = 0;
    int rc = exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                      "PRAGMA writable_schema = ON; BEGIN");
    if (rc == 0 &&
        (sqlite3_prepare_v2(db, "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema",
                            -1, &sh.select, NULL) != SQLITE_OK ||
         sqlite3_prepare_v2(db, "INSERT INTO sqlite_schema VALUES (?, ?, ?, ?, ?)", -1,
                            &sh.insert, NULL) != SQLITE_OK))
        rc = fail(db, "preparing");
    for (unsigned i = 0; rc == 0 && i < s->ntables; i++) {
        FILE *mem = open_memstream(&sql, &len);
        if (!mem)
            return fail(NULL, "memstream");
        bench_write_sqlite_table(s, i, FORM_DB, mem);
        fclose(mem);
        rc = exec(db, sql);
        free(sql);
        sql = NULL;
        if (rc == 0 && (i % BATCH == BATCH - 1 || i + 1 == s->ntables))
            rc = take_schema(&sh);
    }
    if (rc == 0)
        rc = put_back(&sh);
    if (rc == 0)
        rc = exec(db, "COMMIT; PRAGMA writable_schema = OFF");
    for (size_t i = 0; i < sh.n; i++)
        free(sh.rows[i]);
    free(sh.rows);
    sqlite3_finalize(sh.select);
    sqlite3_finalize(sh.insert);
    return rc;
}

/* The column a written key of t reads, or NULL. */
static const bench_fk *key_of(const bench_schema *s, const bench_table *t, unsigned c,
                              unsigned *pos)
{
    for (unsigned k = 0; k < t->nfks; k++) {
        const bench_fk *fk = &t->fks[k];
        if (!bench_pitfall_in(s, fk->only, FORM_DB))
            continue;
        for (unsigned j = 0; j < fk->ncols; j++)
            if (fk->col[j] == c) {
                *pos = j;
                return fk;
            }
    }
    return NULL;
}

static void bind_value(const bench_schema *s, const bench_table *t, unsigned c, unsigned r,
                       unsigned rows, sqlite3_stmt *st)
{
    const bench_column *col = &t->cols[c];
    int at = (int)c + 1;
    unsigned pos;
    const bench_fk *fk = key_of(s, t, c, &pos);
    if (fk && fk->ref_table) {
        sqlite3_bind_null(st, at); /* the parent table does not exist */
    } else if (fk) {
        bool self_same = fk->parent == (unsigned)(t - s->tables) && fk->col[0] == 0;
        if (self_same || (t->kind == BK_ENTITY && c < t->npk))
            sqlite3_bind_int64(st, at, c == 0 ? r : 1);
        else if (pos == 1)
            sqlite3_bind_int64(st, at, 1); /* version */
        else if (t->pitfall == PF_SQLITE_ORPHANS)
            sqlite3_bind_int64(st, at, 1000000 + r);
        else if (t->kind == BK_JUNCTION)
            sqlite3_bind_int64(st, at, pos == 0 && c == 0 ? r : 1 + (r * 7 + c) % rows);
        else if (!col->not_null && r % 3 == 0)
            sqlite3_bind_null(st, at);
        else
            sqlite3_bind_int64(st, at, 1 + (r * 3 + c) % rows);
    } else if (c == 0 || (c == 1 && t->npk == 2)) {
        sqlite3_bind_int64(st, at, c == 0 ? r : 1);
    } else if (col->has_default) {
        sqlite3_bind_text(st, at, "2024-01-01 12:00:00", -1, SQLITE_STATIC);
    } else if (!col->not_null && col->type != BT_NUMERIC) {
        sqlite3_bind_null(st, at);
    } else if (col->type == BT_NUMERIC) {
        sqlite3_bind_double(st, at, r * 17.25);
    } else {
        char text[80]; /* a table name, a column name and a row number */
        snprintf(text, sizeof text, "%s %s %u", t->name, col->name, r);
        sqlite3_bind_text(st, at, text, -1, SQLITE_TRANSIENT);
    }
}

static int insert_rows(const bench_schema *s, sqlite3 *db, unsigned rows)
{
    int rc = exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN");
    char sql[512];
    for (unsigned i = 0; rc == 0 && i < s->ntables; i++) {
        const bench_table *t = &s->tables[i];
        int n = snprintf(sql, sizeof sql, "INSERT INTO %s VALUES (", t->name);
        for (unsigned c = 0; c < t->ncols; c++)
            n += snprintf(sql + n, sizeof sql - (size_t)n, c ? ", ?" : "?");
        snprintf(sql + n, sizeof sql - (size_t)n, ")");
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
            return fail(db, sql);
        for (unsigned r = 1; rc == 0 && r <= rows; r++) {
            for (unsigned c = 0; c < t->ncols; c++)
                bind_value(s, t, c, r, rows, st);
            if (sqlite3_step(st) != SQLITE_DONE)
                rc = fail(db, t->name);
            sqlite3_reset(st);
        }
        sqlite3_finalize(st);
    }
    return rc ? rc : exec(db, "COMMIT");
}

static int quick_check(sqlite3 *db)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, NULL) != SQLITE_OK)
        return fail(db, "quick_check");
    int rc = 0;
    if (sqlite3_step(st) != SQLITE_ROW ||
        strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0)
        rc = fail(db, "the database fails PRAGMA quick_check");
    sqlite3_finalize(st);
    return rc;
}

int bench_write_db(const bench_schema *s, const char *path, unsigned rows)
{
    if (unlink(path) != 0 && errno != ENOENT) {
        fprintf(stderr, "gen: cannot replace %s: %s\n", path, strerror(errno));
        return 1;
    }
    sqlite3 *db = NULL;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        return fail(db, path);
    int rc = create_tables(s, db);
    sqlite3_close(db);
    db = NULL;
    if (rc == 0 && sqlite3_open(path, &db) != SQLITE_OK)
        rc = fail(db, path);
    if (rc == 0 && rows)
        rc = insert_rows(s, db, rows);
    if (rc == 0)
        rc = quick_check(db);
    sqlite3_close(db);
    return rc;
}
