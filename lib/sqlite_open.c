/*
 * sqlite_open.c - opening a SQLite database so that nothing beside the
 * user's file is ever created or changed: the header is read here first,
 * and the journal mode and the files lying next to the database pick the
 * one way of opening that SQLite documents as side-effect free for that
 * case. Also the reader's messages.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "sqlite_reader.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "error.h"

/* ---- messages ---------------------------------------------------------- */

void sq_note(const reader *r, const char *fmt, ...)
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

const char *sq_db_message(const reader *r, char *out, size_t cap)
{
    const char *msg = r->db ? sqlite3_errmsg(r->db) : "out of memory";
    size_t n = 0;
    for (; msg[n] && n + 1 < cap; n++)
        out[n] = (msg[n] == '\n' || msg[n] == '\r') ? ' ' : msg[n];
    out[n] = '\0';
    return out;
}

int sq_failure(const reader *r, int rc)
{
    char msg[400];
    sq_db_message(r, msg, sizeof msg);
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
                        "%s: database is locked by another process (gave up after %d ms)", r->path,
                        r->opts->busy_timeout_ms);
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

bool sq_table_local(int rc)
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
        return rm_error(RELMAP_EFORMAT, "%s: unsupported file format version %u/%u", r->path, h[18],
                        h[19]);
    if (h[21] != 64 || h[22] != 32 || h[23] != 32)
        return rm_error(RELMAP_EFORMAT, "%s: corrupt header: invalid payload fractions", r->path);
    if ((uint64_t)st.st_size < page)
        return rm_error(RELMAP_EFORMAT,
                        "%s: truncated database: %lld bytes, shorter than one page (%u bytes)",
                        r->path, (long long)st.st_size, (unsigned)page);
    *wal = h[19] == 2;
    /* The page count at 28 is valid when the counter at 92 matches the
     * change counter at 24. In WAL mode the file may legitimately lag the
     * log, so only a rollback database is held to it (as SQLite does). */
    uint64_t pages = be32(h + 28);
    if (!*wal && pages > 0 && be32(h + 24) == be32(h + 92) && (uint64_t)st.st_size < pages * page)
        return rm_error(RELMAP_EFORMAT,
                        "%s: truncated database: the header says %llu pages of %u bytes, "
                        "the file has %lld bytes",
                        r->path, (unsigned long long)pages, (unsigned)page, (long long)st.st_size);
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
    /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference): callers pass a path, never NULL */
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
        sq_note(r, "WAL database with nothing to replay: reading the file as immutable");
        *uri = file_uri(r->real, "?mode=ro&immutable=1");
        return 0;
    }
    if (shm >= 0) {
        sq_note(r, "WAL database with -wal and -shm files: reading in place");
        *uri = file_uri(r->real, "?mode=ro");
        return 0;
    }
    char *copy = NULL;
    int rc = copy_wal_database(r, &copy);
    if (rc < 0)
        return rc;
    sq_note(r, "WAL database with a -wal but no -shm file: reading a private copy in %s",
            r->tmp_dir);
    *uri = file_uri(copy, "?mode=ro");
    free(copy);
    return 0;
}

/* ---- opening ----------------------------------------------------------- */

static int sq_exec(reader *r, const char *sql)
{
    int rc = sqlite3_exec(r->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? 0 : sq_failure(r, rc);
}

int sq_open(reader *r)
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
        return sq_failure(r, src);
    sqlite3_extended_result_codes(r->db, 1);
    sqlite3_busy_timeout(r->db, r->opts->busy_timeout_ms);
    /* Belt and braces: the connection is read-only already, but nothing it
     * runs should be able to write, trust the schema's functions, or
     * checkpoint a WAL when it closes. */
    sqlite3_db_config(r->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
    sqlite3_db_config(r->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
    sqlite3_db_config(r->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);
    rc = sq_exec(r, "PRAGMA query_only=1; PRAGMA trusted_schema=OFF");
    /* One read transaction: the schema and the data checks see one state. */
    if (rc == 0)
        rc = sq_exec(r, "BEGIN");
    return rc;
}

int sq_prepare(reader *r, const char *sql, sqlite3_stmt **st)
{
    int rc = sqlite3_prepare_v2(r->db, sql, -1, st, NULL);
    return rc == SQLITE_OK ? 0 : sq_failure(r, rc);
}

void sq_close(reader *r)
{
    if (r->db)
        sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(r->db);
    r->db = NULL;
    remove_tmp_dir(r);
}
