/*
 * read_sqlite.c - the SQLite database reader.
 *
 * Two halves. The first opens the database so that nothing beside the
 * user's file is ever created or changed: it reads the header itself and
 * picks, from the journal mode and the files lying next to the database,
 * the one way of opening that SQLite documents as side-effect free for
 * that case. The second reads the schema through SQLite's own pragmas (the
 * truth about what SQLite will enforce) and walks the stored CREATE
 * statements only to find the text behind each part (sqlite_locate.c).
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "read_sqlite.h"

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

typedef struct reader {
    relmap_model *model;
    const char *path; /* as the user gave it: in messages and sources */
    const relmap_load_opts *opts;
    char *real;    /* the resolved path, whose neighbours SQLite looks at */
    char *tmp_dir; /* the private copy of a WAL database, or NULL */
    sqlite3 *db;
    sqlite3_stmt *xinfo, *fk_list, *index_list, *index_xinfo, *fk_check;
    rm_strmap *index_sql; /* index name -> its CREATE INDEX text */
    rm_arena *scratch;    /* what the read needs and the model does not */
    rm_arena *table_tmp;  /* what one table needs; renewed now and then */
    size_t tables_read;
} reader;

/* ---- messages ---------------------------------------------------------- */

static void note(const reader *r, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* One line for --verbose. */
static void note(const reader *r, const char *fmt, ...)
{
    if (!r->opts->verbose)
        return;
    rm_buf line = RM_BUF_INIT;
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    rm_buf_printf(&line, "%s: %s\n", r->path, text);
    r->opts->verbose(r->opts->verbose_payload, line.data, line.len);
    rm_buf_free(&line);
}

/* SQLite's message for the connection, on one line whatever it holds. */
static const char *db_message(const reader *r, char *out, size_t cap)
{
    const char *msg = r->db ? sqlite3_errmsg(r->db) : "out of memory";
    size_t n = 0;
    for (; msg[n] && n + 1 < cap; n++)
        out[n] = (msg[n] == '\n' || msg[n] == '\r') ? ' ' : msg[n];
    out[n] = '\0';
    return out;
}

/* Turns a SQLite result code into our error, naming the file and the cause. */
static int sqlite_failure(const reader *r, int rc)
{
    char msg[400];
    db_message(r, msg, sizeof msg);
    switch (rc) {
    case SQLITE_READONLY_ROLLBACK:
        return rm_error(RELMAP_EIO,
                        "%s: has a hot journal from an interrupted write; open it once "
                        "with sqlite3 to recover",
                        r->path);
    case SQLITE_READONLY_RECOVERY:
    case SQLITE_READONLY_CANTINIT:
    case SQLITE_READONLY_CANTLOCK:
        return rm_error(RELMAP_EIO,
                        "%s: its write-ahead log needs recovery that a read-only reader "
                        "cannot do; open it once with sqlite3 to recover",
                        r->path);
    default:
        break;
    }
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return rm_error(RELMAP_EBUSY,
                        "%s: database is locked by another process (gave up after %d ms)",
                        r->path, r->opts->busy_timeout_ms);
    case SQLITE_NOTADB:
        return rm_error(RELMAP_EFORMAT, "%s: not a SQLite database: %s", r->path, msg);
    case SQLITE_CORRUPT:
        return rm_error(RELMAP_EFORMAT, "%s: corrupt database: %s", r->path, msg);
    case SQLITE_CANTOPEN:
        return rm_error(RELMAP_EIO, "%s: cannot open: %s", r->path, msg);
    default:
        return rm_error(RELMAP_EIO, "%s: cannot read the schema: %s", r->path, msg);
    }
}

/* Whether a failing statement only concerns one table (a missing module, a
 * "foreign key mismatch"), so that the other tables can still be read. */
static bool table_local(int rc)
{
    return (rc & 0xff) == SQLITE_ERROR;
}

/* ---- the header -------------------------------------------------------- */

static uint32_t be16(const unsigned char *p)
{
    return (uint32_t)p[0] << 8 | p[1];
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/*
 * Checks the 100-byte header (https://sqlite.org/fileformat.html, 1.3)
 * before SQLite sees the file, so that a short or foreign file gets a
 * precise message. Sets *wal when the header says the database is in WAL
 * mode.
 */
static int check_header(const reader *r, bool *wal)
{
    unsigned char h[100];
    int fd = open(r->real, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return rm_error(RELMAP_EIO, "%s: cannot open: %s", r->path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return rm_error(RELMAP_EIO, "%s: not a regular file", r->path);
    }
    ssize_t got = pread(fd, h, sizeof h, 0);
    int err = errno;
    close(fd);
    if (got < 0)
        return rm_error(RELMAP_EIO, "%s: cannot read: %s", r->path, strerror(err));
    if (st.st_size == 0)
        return rm_error(RELMAP_EFORMAT, "%s: empty file, not a SQLite database", r->path);
    if (got < (ssize_t)sizeof h)
        return rm_error(RELMAP_EFORMAT,
                        "%s: truncated database: %lld bytes, shorter than the 100-byte header",
                        r->path, (long long)st.st_size);
    if (memcmp(h, "SQLite format 3", 16) != 0)
        return rm_error(RELMAP_EFORMAT, "%s: not a SQLite database (no 'SQLite format 3' header)",
                        r->path);
    uint32_t page = be16(h + 16) == 1 ? 65536 : be16(h + 16);
    if (page < 512 || page > 65536 || (page & (page - 1)) != 0)
        return rm_error(RELMAP_EFORMAT, "%s: corrupt header: invalid page size %u", r->path,
                        (unsigned)page);
    /* Byte 19 is the read version: 1 rollback journal, 2 WAL. SQLite
     * refuses anything newer. */
    if (h[19] < 1 || h[19] > 2 || h[18] < 1)
        return rm_error(RELMAP_EFORMAT, "%s: unsupported file format version %u/%u", r->path,
                        h[18], h[19]);
    if (h[21] != 64 || h[22] != 32 || h[23] != 32)
        return rm_error(RELMAP_EFORMAT, "%s: corrupt header: invalid payload fractions",
                        r->path);
    if ((uint64_t)st.st_size < page)
        return rm_error(RELMAP_EFORMAT,
                        "%s: truncated database: %lld bytes, shorter than one page (%u bytes)",
                        r->path, (long long)st.st_size, (unsigned)page);
    *wal = h[19] == 2;
    /* The page count at 28 is valid when the counter at 92 matches the
     * change counter at 24. In WAL mode the file may legitimately lag the
     * log, so only a rollback database is held to it (as SQLite does). */
    uint64_t pages = be32(h + 28);
    if (!*wal && pages > 0 && be32(h + 24) == be32(h + 92) &&
        (uint64_t)st.st_size < pages * page)
        return rm_error(RELMAP_EFORMAT,
                        "%s: truncated database: the header says %llu pages of %u bytes, "
                        "the file has %lld bytes",
                        r->path, (unsigned long long)pages, (unsigned)page,
                        (long long)st.st_size);
    return 0;
}

/* ---- choosing how to open ---------------------------------------------- */

/* Size of `base` + `suffix`, or -1 when it does not exist. */
static long long sidecar_size(const char *base, const char *suffix)
{
    rm_buf name = RM_BUF_INIT;
    rm_buf_printf(&name, "%s%s", base, suffix);
    struct stat st;
    long long size = stat(name.data, &st) == 0 ? (long long)st.st_size : -1;
    rm_buf_free(&name);
    return size;
}

/* "file:" + the path, percent-encoded as RFC 3986 wants, + the query. */
static char *file_uri(const char *path, const char *query)
{
    static const char hex[] = "0123456789ABCDEF";
    rm_buf uri = RM_BUF_INIT;
    rm_buf_adds(&uri, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p)) {
            rm_buf_addc(&uri, (char)*p);
        } else {
            rm_buf_addc(&uri, '%');
            rm_buf_addc(&uri, hex[*p >> 4]);
            rm_buf_addc(&uri, hex[*p & 15]);
        }
    }
    rm_buf_adds(&uri, query);
    return uri.data;
}

static int copy_file(const char *from, const char *to)
{
    int in = open(from, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return -1;
    int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (out < 0) {
        close(in);
        return -1;
    }
    char block[65536];
    ssize_t got;
    int rc = 0;
    while ((got = read(in, block, sizeof block)) > 0 && rc == 0)
        for (ssize_t done = 0; done < got && rc == 0;) {
            ssize_t put = write(out, block + done, (size_t)(got - done));
            if (put < 0)
                rc = -1;
            else
                done += put;
        }
    if (got < 0)
        rc = -1;
    close(in);
    if (close(out) != 0)
        rc = -1;
    return rc;
}

/* Removes the private folder and whatever SQLite left in it. */
static void remove_tmp_dir(reader *r)
{
    if (!r->tmp_dir)
        return;
    DIR *dir = opendir(r->tmp_dir);
    if (dir) {
        struct dirent *e;
        while ((e = readdir(dir)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            rm_buf name = RM_BUF_INIT;
            rm_buf_printf(&name, "%s/%s", r->tmp_dir, e->d_name);
            unlink(name.data);
            rm_buf_free(&name);
        }
        closedir(dir);
    }
    rmdir(r->tmp_dir);
    free(r->tmp_dir);
    r->tmp_dir = NULL;
}

/*
 * Copies the database and its -wal into a fresh private folder and returns
 * the copy's path. Opening the original would make SQLite create a -shm
 * beside it (https://sqlite.org/walformat.html, 2.1); the copy's -shm is
 * created in our folder instead, and the folder is removed afterwards.
 */
static int copy_wal_database(reader *r, char **copy)
{
    const char *base = getenv("TMPDIR");
    rm_buf dir = RM_BUF_INIT, wal = RM_BUF_INIT, db = RM_BUF_INIT, dbwal = RM_BUF_INIT;
    rm_buf_printf(&dir, "%s/relmap-XXXXXX", base && *base ? base : "/tmp");
    int rc = 0;
    if (!mkdtemp(dir.data)) {
        rc = rm_error(RELMAP_EIO, "%s: cannot make a private folder for a copy of the WAL: %s",
                      r->path, strerror(errno));
        rm_buf_free(&dir);
        return rc;
    }
    r->tmp_dir = dir.data;
    rm_buf_printf(&wal, "%s-wal", r->real);
    rm_buf_printf(&db, "%s/db", r->tmp_dir);
    rm_buf_printf(&dbwal, "%s/db-wal", r->tmp_dir);
    if (copy_file(r->real, db.data) != 0 || copy_file(wal.data, dbwal.data) != 0)
        rc = rm_error(RELMAP_EIO, "%s: cannot copy the database and its WAL to %s: %s", r->path,
                      r->tmp_dir, strerror(errno));
    rm_buf_free(&wal);
    rm_buf_free(&dbwal);
    if (rc == 0)
        *copy = db.data;
    else
        rm_buf_free(&db);
    return rc;
}

/*
 * The URI to open. A rollback-journal database is opened mode=ro: readers
 * create nothing. A WAL database needs care, because a WAL reader creates
 * -wal and -shm files when they are missing:
 *  - no -wal file: everything is in the main file, and immutable=1 reads
 *    it with no locks and no side files (a live writer always has a -wal);
 *  - a -wal and a -shm: a live database, or one left so; we read in place
 *    as any reader does, creating nothing;
 *  - an empty -wal and no -shm: nothing to replay, immutable=1 again;
 *  - a non-empty -wal and no -shm: a copy in a private folder.
 * SQLite treats a database as WAL whenever a -wal file exists, so that
 * decides as much as the header does.
 */
static int choose_uri(reader *r, bool wal_header, char **uri)
{
    long long wal = sidecar_size(r->real, "-wal");
    long long shm = sidecar_size(r->real, "-shm");
    if (!wal_header && wal < 0) {
        *uri = file_uri(r->real, "?mode=ro");
        return 0;
    }
    if (wal < 0 || (wal == 0 && shm < 0)) {
        note(r, "WAL database with nothing to replay: reading the file as immutable");
        *uri = file_uri(r->real, "?mode=ro&immutable=1");
        return 0;
    }
    if (shm >= 0) {
        note(r, "WAL database with -wal and -shm files: reading in place");
        *uri = file_uri(r->real, "?mode=ro");
        return 0;
    }
    char *copy = NULL;
    int rc = copy_wal_database(r, &copy);
    if (rc < 0)
        return rc;
    note(r, "WAL database with a -wal but no -shm file: reading a private copy in %s",
         r->tmp_dir);
    *uri = file_uri(copy, "?mode=ro");
    free(copy);
    return 0;
}

/* ---- opening ----------------------------------------------------------- */

static int exec(reader *r, const char *sql)
{
    int rc = sqlite3_exec(r->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? 0 : sqlite_failure(r, rc);
}

static int open_db(reader *r)
{
    bool wal = false;
    int rc = check_header(r, &wal);
    char *uri = NULL;
    if (rc == 0)
        rc = choose_uri(r, wal, &uri);
    if (rc < 0)
        return rc;
    int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
#ifdef SQLITE_OPEN_EXRESCODE
    flags |= SQLITE_OPEN_EXRESCODE;
#endif
    int src = sqlite3_open_v2(uri, &r->db, flags, NULL);
    free(uri);
    if (src != SQLITE_OK)
        return sqlite_failure(r, src);
    sqlite3_extended_result_codes(r->db, 1);
    sqlite3_busy_timeout(r->db, r->opts->busy_timeout_ms);
    /* Belt and braces: the connection is read-only already, but nothing it
     * runs should be able to write, trust the schema's functions, or
     * checkpoint a WAL when it closes. */
    sqlite3_db_config(r->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
    sqlite3_db_config(r->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
    sqlite3_db_config(r->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);
    rc = exec(r, "PRAGMA query_only=1; PRAGMA trusted_schema=OFF");
    /* One read transaction: the schema and the data checks see one state. */
    if (rc == 0)
        rc = exec(r, "BEGIN");
    return rc;
}

static int prepare(reader *r, const char *sql, sqlite3_stmt **st)
{
    int rc = sqlite3_prepare_v2(r->db, sql, -1, st, NULL);
    return rc == SQLITE_OK ? 0 : sqlite_failure(r, rc);
}

static int prepare_all(reader *r)
{
    int rc = prepare(r,
                     "SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden "
                     "FROM pragma_table_xinfo(?1, 'main')",
                     &r->xinfo);
    if (rc == 0)
        rc = prepare(r,
                     "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete, match "
                     "FROM pragma_foreign_key_list(?1, 'main')",
                     &r->fk_list);
    /* No ORDER BY in these: the pragmas' own order is known, and a sorter
     * per table costs more than reading the rows backwards. */
    if (rc == 0)
        rc = prepare(r,
                     "SELECT name, \"unique\", origin, partial "
                     "FROM pragma_index_list(?1, 'main')",
                     &r->index_list);
    if (rc == 0)
        rc = prepare(r,
                     "SELECT cid, name FROM pragma_index_xinfo(?1, 'main') WHERE key",
                     &r->index_xinfo);
    if (rc == 0 && r->opts->data_checks)
        rc = prepare(r, "SELECT * FROM pragma_foreign_key_check(?1, 'main')", &r->fk_check);
    return rc;
}

static void close_db(reader *r)
{
    sqlite3_finalize(r->xinfo);
    sqlite3_finalize(r->fk_list);
    sqlite3_finalize(r->index_list);
    sqlite3_finalize(r->index_xinfo);
    sqlite3_finalize(r->fk_check);
    if (r->db)
        sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(r->db);
    r->db = NULL;
    remove_tmp_dir(r);
}

/* ---- one table: what the pragmas say ----------------------------------- */

/* A table's row of sqlite_schema, and pragma_table_list's facts on it. */
typedef struct schema_row {
    const char *name;
    const char *sql;
    size_t sql_len;
    bool view;
    bool shadow; /* a table a virtual table keeps its data in */
    bool virtual_table;
    bool without_rowid;
    bool strict;
} schema_row;

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
    } *cols; /* the key columns */
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
    return s ? rm_arena_strndup(arena, (const char *)s, (size_t)sqlite3_column_bytes(st, i))
             : NULL;
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
    if (!table_local(rc))
        return sqlite_failure(c->r, rc);
    char msg[400];
    note(c->r, "%s of %s could not be read: %s", what, name, db_message(c->r, msg, sizeof msg));
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

/* The CREATE INDEX text of an index, kept from sqlite_schema. */
typedef struct index_sql {
    const char *sql;
    size_t len;
} index_sql;

static void build_index(table_ctx *c, const index_row *ix)
{
    relmap_model *model = c->r->model;
    const index_sql *def = rm_strmap_get(c->r->index_sql, ix->name);
    sl_index li;
    memset(&li, 0, sizeof li);
    relmap_span span = c->t->span;
    uint32_t src = RELMAP_NO_SOURCE;
    if (def) {
        src = mb_source(model, c->r->path, def->sql, def->len);
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
            relmap_span rs = k && m < k->nref_columns ? span_in(c, k->ref_columns[m].span, span)
                                                      : span;
            mb_fk_ref_column(model, fk, rows[m].to ? rows[m].to : "", rs);
        }
        key_clauses(c, fk, rows, k);
    }
    return ids;
}

/* ---- data checks ------------------------------------------------------- */

/* PRAGMA foreign_key_check for one table: a count and the first rowids of
 * each violated key. */
static int check_data(table_ctx *c, const long *ids)
{
    relmap_table *t = c->t;
    relmap_fk_violations **v = rm_arena_alloc(c->tmp, t->nfks * sizeof *v);
    for (size_t k = 0; k < t->nfks; k++)
        v[k] = mb_fk_violations(c->r->model, &t->fks[k]);
    sqlite3_stmt *st = c->r->fk_check;
    sqlite3_bind_text(st, 1, c->row->name, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        long fkid = (long)sqlite3_column_int64(st, 3);
        size_t k = 0;
        while (k < t->nfks && ids[k] != fkid)
            k++;
        if (k == t->nfks)
            continue;
        v[k]->count++;
        /* WITHOUT ROWID tables have no rowid to show: counted only. */
        if (v[k]->nrowids < RELMAP_MAX_SAMPLE_ROWIDS && sqlite3_column_type(st, 1) != SQLITE_NULL)
            v[k]->rowids[v[k]->nrowids++] = sqlite3_column_int64(st, 1);
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc == SQLITE_DONE)
        return 0;
    if (!table_local(rc))
        return sqlite_failure(c->r, rc);
    /* "foreign key mismatch" and the like: this table cannot be checked,
     * the others still can. */
    char msg[400];
    t->data_check_error = mb_str(c->r->model, db_message(c->r, msg, sizeof msg));
    for (size_t k = 0; k < t->nfks; k++)
        t->fks[k].violations = NULL;
    note(c->r, "foreign_key_check(%s) failed: %s", t->name, msg);
    return 0;
}

/* ---- the whole schema -------------------------------------------------- */

static int read_table(reader *r, const schema_row *row)
{
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
    c.src = mb_source(model, r->path, row->sql, row->sql_len);
    c.whole = mb_span(c.src, 0, row->sql_len);
    sl_locate_table(c.tmp, row->sql, row->sql_len, &c.lt);
    c.t = mb_table(model, NULL, row->name, row->view ? RELMAP_KIND_VIEW : RELMAP_KIND_TABLE,
                   span_in(&c, c.lt.name.span, c.whole));
    c.t->dialect = RELMAP_DIALECT_SQLITE;
    c.t->without_rowid = row->without_rowid;
    c.t->strict = row->strict;
    c.t->virtual_table = row->virtual_table;

    int rc = each_row(&c, r->xinfo, row->name, "the columns", column_row, NULL);
    if (rc == 0 && !row->view)
        rc = each_row(&c, r->index_list, row->name, "the indexes", index_row_read, NULL);
    for (size_t i = 0; rc == 0 && i < c.nindexes; i++)
        rc = each_row(&c, r->index_xinfo, c.indexes[i].name, "the index columns",
                      index_column_row, &c.indexes[i]);
    if (rc == 0 && !row->view)
        rc = each_row(&c, r->fk_list, row->name, "the foreign keys", fk_row_read, NULL);
    in_creation_order(&c);
    if (rc == 0) {
        build_columns(&c);
        build_primary_key(&c);
        build_indexes(&c);
        const long *ids = build_fks(&c);
        build_checks(&c);
        if (r->opts->data_checks && c.t->nfks > 0 && !row->virtual_table)
            rc = check_data(&c, ids);
    }
    return rc;
}

/* pragma_table_list's facts on each table, by name. */
static int read_table_list(reader *r, rm_strmap *facts)
{
    sqlite3_stmt *st;
    int rc = prepare(r, "SELECT name, type, wr, strict FROM pragma_table_list WHERE schema = 'main'",
                     &st);
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
        if (f->name)
            rm_strmap_put(facts, f->name, f);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : sqlite_failure(r, rc);
}

/* Every table and view of sqlite_schema, in the order they were created,
 * after noting the text of every index for build_index. */
static int read_schema(reader *r)
{
    rm_strmap *facts = rm_strmap_new(true);
    schema_row *rows = NULL;
    size_t nrows = 0;
    sqlite3_stmt *st = NULL;
    int rc = read_table_list(r, facts);
    if (rc == 0)
        rc = prepare(r,
                     "SELECT type, name, sql FROM main.sqlite_schema "
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
            if (sql) {
                index_sql *def = rm_arena_alloc(r->scratch, sizeof *def);
                def->sql = sql;
                def->len = len;
                rm_strmap_put(r->index_sql, name, def);
            }
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
        rc = sqlite_failure(r, step);
    sqlite3_finalize(st);
    for (size_t i = 0; rc == 0 && i < nrows; i++)
        rc = read_table(r, &rows[i]);
    rm_strmap_free(facts);
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
    int rc = open_db(&r);
    if (rc == 0)
        rc = prepare_all(&r);
    if (rc == 0)
        rc = read_schema(&r);
    if (rc == 0 && opts->data_checks)
        model->facts.data_checked = true;
    close_db(&r);
    rm_strmap_free(r.index_sql);
    rm_arena_free(r.scratch);
    rm_arena_free(r.table_tmp);
    free(r.real);
    return rc;
}
