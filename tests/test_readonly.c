/*
 * test_readonly.c - the SQLite reader never changes a database or creates
 * anything beside it: for each way a database can be found (plain, WAL
 * with and without its side files, a live writer, a hot journal, read-only
 * folders and files, a lock) the file's bytes, its mtime and the folder's
 * listing are the same afterwards; and every input that is not a readable
 * database fails with one line naming the file and the reason. The same
 * holds for SQL and Python inputs: a zero-byte file, a folder, a FIFO (no
 * hang), /dev/zero and a loop of links give an error or a correct read,
 * and leave the folder as it was; DDL is never run and Python never
 * imported, whatever they would do.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fixture.h"
#include "relmap/config.h"
#include "relmap/load.h"
#include "relmap/model.h"

static char *g_dir;

static int setup(void **state)
{
    (void)state;
    g_dir = fx_mkdtemp();
    return g_dir ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    chmod(g_dir, 0700);
    fx_rmtree(g_dir);
    free(g_dir);
    g_dir = NULL;
    return 0;
}

/* ---- what "unchanged" means -------------------------------------------- */

typedef struct snapshot {
    uint64_t hash;
    off_t size;
    struct timespec mtime;
    char listing[1024]; /* the folder's entries, sorted, one per line */
} snapshot;

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_dir(const char *dir, char *out, size_t cap)
{
    char *names[64];
    size_t n = 0;
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 64)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        strncat(out, names[i], cap - strlen(out) - 2);
        strcat(out, "\n");
        free(names[i]);
    }
}

static void take(const char *db, snapshot *s)
{
    size_t len = 0;
    char *data = fx_read_file(db, &len);
    assert_non_null(data);
    s->hash = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++)
        s->hash = (s->hash ^ (unsigned char)data[i]) * 1099511628211ull;
    free(data);
    struct stat st;
    assert_int_equal(stat(db, &st), 0);
    s->size = st.st_size;
    s->mtime = st.st_mtim;
    char *dir = strdup(db);
    *strrchr(dir, '/') = '\0';
    list_dir(dir, s->listing, sizeof s->listing);
    free(dir);
}

static void assert_unchanged(const char *db, const snapshot *before)
{
    snapshot after;
    take(db, &after);
    assert_int_equal(after.size, before->size);
    assert_true(after.hash == before->hash);
    assert_int_equal(after.mtime.tv_sec, before->mtime.tv_sec);
    assert_int_equal(after.mtime.tv_nsec, before->mtime.tv_nsec);
    assert_string_equal(after.listing, before->listing);
}

/* ---- loading ----------------------------------------------------------- */

static int load(const char *path, int busy_ms, relmap_model **out)
{
    relmap_load_opts opts = RELMAP_LOAD_OPTS_INIT;
    opts.busy_timeout_ms = busy_ms;
    const char *paths[] = {path};
    return relmap_load(out, paths, 1, &opts);
}

/* Loads, expecting success, and returns whether table `name` was seen. */
static bool load_sees(const char *path, const char *name)
{
    relmap_model *model = NULL;
    int rc = load(path, 2000, &model);
    if (rc != 0)
        fail_msg("load %s: %s", path, relmap_error_last());
    bool seen = relmap_model_find_table(model, NULL, name) != NULL;
    relmap_model_free(model);
    return seen;
}

/* The load fails with `code`, and one line "PATH: ...reason...". */
static void assert_fails(const char *path, int code, const char *reason)
{
    relmap_model *model = (relmap_model *)&model;
    int rc = load(path, 200, &model);
    const char *msg = relmap_error_last();
    if (rc != code)
        fail_msg("%s: rc %d, expected %d (%s)", path, rc, code, msg);
    assert_null(model);
    assert_int_equal(strncmp(msg, path, strlen(path)), 0);
    assert_int_equal(msg[strlen(path)], ':');
    assert_null(strchr(msg, '\n'));
    if (!strstr(msg, reason))
        fail_msg("message '%s' does not say '%s'", msg, reason);
}

static char *make_db(const char *name, const char *sql)
{
    char *db = fx_join(g_dir, name);
    char *err = NULL;
    if (fx_sql_to_db(sql, db, &err) != 0)
        fail_msg("fixture: %s", err);
    return db;
}

static bool exists(const char *db, const char *suffix)
{
    char path[4096];
    snprintf(path, sizeof path, "%s%s", db, suffix);
    return access(path, F_OK) == 0;
}

/* ---- child processes holding a database -------------------------------- */

typedef struct child {
    pid_t pid;
    int go; /* the parent closes it to let the child finish */
} child;

/*
 * Forks a child that opens `db`, runs `sql` and then, with the connection
 * still open, tells the parent it is ready and waits for it.
 */
static child hold(const char *db, const char *sql)
{
    int ready[2], go[2];
    assert_int_equal(pipe(ready), 0);
    assert_int_equal(pipe(go), 0);
    child c = {fork(), go[1]};
    assert_true(c.pid >= 0);
    if (c.pid == 0) {
        close(ready[0]);
        close(go[1]);
        sqlite3 *conn = NULL;
        int rc = sqlite3_open(db, &conn);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(conn, sql, NULL, NULL, NULL);
        char byte = rc == SQLITE_OK ? 'y' : 'n';
        if (write(ready[1], &byte, 1) != 1)
            _exit(1);
        ssize_t got = read(go[0], &byte, 1);
        (void)got;
        sqlite3_close(conn);
        _exit(0);
    }
    close(ready[1]);
    close(go[0]);
    char byte = 0;
    assert_int_equal(read(ready[0], &byte, 1), 1);
    close(ready[0]);
    assert_int_equal(byte, 'y');
    return c;
}

static void release(child c)
{
    close(c.go);
    int status = 0;
    waitpid(c.pid, &status, 0);
}

/* ---- databases that must be read, and left alone ----------------------- */

static void test_plain(void **state)
{
    (void)state;
    char *db = make_db("plain.db", "CREATE TABLE t(id INTEGER PRIMARY KEY);");
    snapshot s;
    take(db, &s);
    assert_true(load_sees(db, "t"));
    assert_unchanged(db, &s);
    assert_false(exists(db, "-journal"));
    free(db);
}

static void test_odd_path(void **state)
{
    (void)state;
    /* Characters a URI gives meaning to must reach SQLite as a path. */
    char *db = make_db("we ird?x=1#%41.db", "CREATE TABLE t(id INTEGER PRIMARY KEY);");
    snapshot s;
    take(db, &s);
    assert_true(load_sees(db, "t"));
    assert_unchanged(db, &s);
    free(db);
}

/* A WAL database whose last connection closed without checkpointing, so
 * that table `late` exists only in the -wal file. */
static char *make_wal_db(const char *name)
{
    char *db = make_db(name, "PRAGMA journal_mode=WAL; CREATE TABLE early(x);");
    sqlite3 *conn = NULL;
    assert_int_equal(sqlite3_open(db, &conn), SQLITE_OK);
    sqlite3_db_config(conn, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);
    assert_int_equal(sqlite3_exec(conn, "CREATE TABLE late(y)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(conn);
    assert_true(exists(db, "-wal"));
    return db;
}

static void test_wal_with_shm(void **state)
{
    (void)state;
    char *db = make_wal_db("wal.db");
    assert_true(exists(db, "-shm"));
    snapshot s;
    take(db, &s);
    assert_true(load_sees(db, "late"));
    assert_unchanged(db, &s);
    free(db);
}

static void test_wal_without_shm(void **state)
{
    (void)state;
    char *db = make_wal_db("wal.db");
    char *shm = fx_join(g_dir, "wal.db-shm");
    assert_int_equal(unlink(shm), 0);
    /* The private copy goes to TMPDIR, and must be gone afterwards. */
    char *tmp = fx_join(g_dir, "tmp");
    assert_int_equal(mkdir(tmp, 0700), 0);
    const char *old = getenv("TMPDIR");
    char *saved = old ? strdup(old) : NULL;
    setenv("TMPDIR", tmp, 1);
    snapshot s;
    take(db, &s);
    assert_true(load_sees(db, "late"));
    assert_true(load_sees(db, "early"));
    if (saved)
        setenv("TMPDIR", saved, 1);
    else
        unsetenv("TMPDIR");
    assert_unchanged(db, &s);
    assert_false(exists(db, "-shm"));
    char listing[1024];
    list_dir(tmp, listing, sizeof listing);
    assert_string_equal(listing, "");
    free(saved);
    free(tmp);
    free(shm);
    free(db);
}

static void test_wal_checkpointed(void **state)
{
    (void)state;
    /* Cleanly closed: no -wal, no -shm; reading must not create them. */
    char *db = make_db("wal.db", "PRAGMA journal_mode=WAL; CREATE TABLE t(x);");
    assert_false(exists(db, "-wal"));
    snapshot s;
    take(db, &s);
    assert_true(load_sees(db, "t"));
    assert_unchanged(db, &s);
    /* An empty -wal and no -shm: nothing to replay, nothing created. */
    char *wal = fx_join(g_dir, "wal.db-wal");
    assert_int_equal(fx_write_file(wal, "", 0), 0);
    take(db, &s);
    assert_true(load_sees(db, "t"));
    assert_unchanged(db, &s);
    free(wal);
    free(db);
}

static void test_wal_live_writer(void **state)
{
    (void)state;
    char *db = make_db("live.db", "PRAGMA journal_mode=WAL; CREATE TABLE t(x);");
    child c = hold(db, "CREATE TABLE fresh(y); INSERT INTO fresh VALUES (1);");
    snapshot s;
    take(db, &s);
    assert_true(load_sees(db, "fresh"));
    assert_unchanged(db, &s);
    release(c);
    free(db);
}

static void test_readonly_directory(void **state)
{
    (void)state;
    char *plain = make_db("plain.db", "CREATE TABLE t(x);");
    char *wal = make_db("wal.db", "PRAGMA journal_mode=WAL; CREATE TABLE w(x);");
    assert_int_equal(chmod(g_dir, 0555), 0);
    snapshot a, b;
    take(plain, &a);
    take(wal, &b);
    assert_true(load_sees(plain, "t"));
    assert_true(load_sees(wal, "w"));
    assert_unchanged(plain, &a);
    assert_unchanged(wal, &b);
    free(plain);
    free(wal);
}

static void test_readonly_file(void **state)
{
    (void)state;
    char *db = make_db("ro.db", "CREATE TABLE t(x);");
    assert_int_equal(chmod(db, 0444), 0);
    snapshot s;
    take(db, &s);
    assert_true(load_sees(db, "t"));
    assert_unchanged(db, &s);
    free(db);
}

/* ---- databases that cannot be read as they are ------------------------- */

static void test_hot_journal(void **state)
{
    (void)state;
    char *db = make_db("hot.db", "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT);"
                                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                 "FROM n WHERE i < 2000) "
                                 "INSERT INTO t SELECT i, printf('%0200d', i) FROM n;");
    /* A writer that dies in the middle of a transaction, after a small
     * cache made it write changed pages into the file. */
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        sqlite3 *conn = NULL;
        sqlite3_open(db, &conn);
        sqlite3_exec(conn, "PRAGMA cache_size=2; BEGIN; UPDATE t SET v = v || 'x';", NULL, NULL,
                     NULL);
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    assert_true(exists(db, "-journal"));
    snapshot s;
    take(db, &s);
    assert_fails(db, RELMAP_EIO, "hot journal");
    assert_unchanged(db, &s);
    assert_true(exists(db, "-journal"));
    free(db);
}

static void test_locked_by_writer(void **state)
{
    (void)state;
    char *db = make_db("locked.db", "CREATE TABLE t(x);");
    child c = hold(db, "BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);");
    snapshot s;
    take(db, &s);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_fails(db, RELMAP_EBUSY, "locked");
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double waited = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    assert_true(waited >= 0.15); /* the busy timeout was honoured ... */
    assert_true(waited < 5.0);   /* ... and did not turn into a hang */
    release(c);
    assert_true(load_sees(db, "t"));
    free(db);
}

static void test_not_databases(void **state)
{
    (void)state;
    char *empty = fx_join(g_dir, "empty.db");
    assert_int_equal(fx_write_file(empty, "", 0), 0);
    assert_fails(empty, RELMAP_EFORMAT, "empty");

    char *text = fx_join(g_dir, "notes.txt");
    assert_int_equal(fx_write_file(text, "hello, world\n", 13), 0);
    assert_fails(text, RELMAP_EFORMAT, "not a SQLite database");

    assert_fails(g_dir, RELMAP_EIO, "directory");

    char *fifo = fx_join(g_dir, "fifo.db");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_fails(fifo, RELMAP_EIO, "not a regular file");

    assert_fails("/dev/zero", RELMAP_EIO, "not a regular file");

    char *loop = fx_join(g_dir, "loop.db");
    assert_int_equal(symlink(loop, loop), 0);
    assert_fails(loop, RELMAP_EIO, "symbolic links");

    char *missing = fx_join(g_dir, "missing.db");
    assert_fails(missing, RELMAP_EIO, "No such file");
    free(empty);
    free(text);
    free(fifo);
    free(loop);
    free(missing);
}

/* A database of several pages, for cutting and spoiling. */
static char *make_big_db(const char *name, size_t *len)
{
    char *db = make_db(name, "PRAGMA page_size=4096; CREATE TABLE t(id INTEGER PRIMARY KEY, v);"
                             "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                             "FROM n WHERE i < 500) "
                             "INSERT INTO t SELECT i, randomblob(100) FROM n;"
                             "CREATE INDEX t_v ON t(v);");
    free(fx_read_file(db, len));
    assert_true(*len >= 8 * 4096);
    return db;
}

static void test_truncated(void **state)
{
    (void)state;
    size_t len;
    char *db = make_big_db("cut.db", &len);
    assert_int_equal(truncate(db, (off_t)(len / 2)), 0);
    assert_fails(db, RELMAP_EFORMAT, "truncated");
    assert_int_equal(truncate(db, 1000), 0);
    assert_fails(db, RELMAP_EFORMAT, "shorter than one page");
    assert_int_equal(truncate(db, 60), 0);
    assert_fails(db, RELMAP_EFORMAT, "shorter than the 100-byte header");
    /* Told that a text file is a database, the reader says why it is not. */
    char *text = fx_join(g_dir, "text.db");
    assert_int_equal(fx_write_file(text, "CREATE TABLE t(x);\n", 19), 0);
    relmap_load_opts opts = RELMAP_LOAD_OPTS_INIT;
    opts.kind = RELMAP_INPUT_SQLITE;
    relmap_model *model = NULL;
    const char *paths[] = {text};
    assert_int_equal(relmap_load(&model, paths, 1, &opts), RELMAP_EFORMAT);
    assert_non_null(strstr(relmap_error_last(), "shorter than the 100-byte header"));
    char block[200];
    memset(block, 'x', sizeof block);
    assert_int_equal(fx_write_file(text, block, sizeof block), 0);
    assert_int_equal(relmap_load(&model, paths, 1, &opts), RELMAP_EFORMAT);
    assert_non_null(strstr(relmap_error_last(), "no 'SQLite format 3' header"));
    free(text);
    free(db);
}

static void test_corrupt(void **state)
{
    (void)state;
    size_t len;
    char *db = make_big_db("bad.db", &len);
    char *data = fx_read_file(db, &len);
    for (size_t i = 100; i < len; i++)
        data[i] = (char)(0xA5 ^ (i * 7));
    assert_int_equal(fx_write_file(db, data, len), 0);
    snapshot s;
    take(db, &s);
    assert_fails(db, RELMAP_EFORMAT, "database");
    assert_unchanged(db, &s);
    /* A header with a page size SQLite does not allow. */
    free(data);
    data = fx_read_file(db, &len);
    data[16] = 0x03;
    data[17] = 0x00;
    assert_int_equal(fx_write_file(db, data, len), 0);
    assert_fails(db, RELMAP_EFORMAT, "page size");
    free(data);
    free(db);
}


/* ---- special files, for every reader ------------------------------------ */

/*
 * The state of every entry of a folder: name, type, size, mtime and, for
 * regular files, a hash of the bytes. Nothing is opened but regular files
 * (a FIFO would block, /dev/zero never end), and links are not followed.
 */
static char *folder_state(const char *dir)
{
    char listing[4096];
    list_dir(dir, listing, sizeof listing);
    size_t cap = 64 * 1024, len = 0;
    char *out = malloc(cap);
    out[0] = '\0';
    for (char *name = strtok(listing, "\n"); name; name = strtok(NULL, "\n")) {
        char *path = fx_join(dir, name);
        struct stat st;
        assert_int_equal(lstat(path, &st), 0);
        uint64_t hash = 0;
        if (S_ISREG(st.st_mode)) {
            size_t n = 0;
            char *data = fx_read_file(path, &n);
            hash = 1469598103934665603ull;
            for (size_t i = 0; data && i < n; i++)
                hash = (hash ^ (unsigned char)data[i]) * 1099511628211ull;
            free(data);
        }
        len += (size_t)snprintf(out + len, cap - len, "%s %o %lld %lld.%09ld %llx\n", name,
                                (unsigned)st.st_mode, (long long)st.st_size,
                                (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                                (unsigned long long)hash);
        assert_true(len < cap);
        free(path);
    }
    return out;
}

static int load_kind(const char *path, relmap_input_kind kind, relmap_model **out)
{
    relmap_load_opts opts = RELMAP_LOAD_OPTS_INIT;
    opts.kind = kind;
    opts.busy_timeout_ms = 200;
    const char *paths[] = {path};
    return relmap_load(out, paths, 1, &opts);
}

/* Loading `path` as `kind` fails with `code` and one line "PATH: ...reason". */
static void assert_kind_fails(const char *path, relmap_input_kind kind, int code,
                              const char *reason)
{
    relmap_model *model = (relmap_model *)&model;
    int rc = load_kind(path, kind, &model);
    const char *msg = relmap_error_last();
    if (rc != code || !strstr(msg, reason))
        fail_msg("%s as kind %d: rc %d, expected %d (%s)", path, (int)kind, rc, code, msg);
    assert_null(model);
    assert_int_equal(strncmp(msg, path, strlen(path)), 0);
    assert_null(strchr(msg, '\n'));
}

/* Loading `path` as `kind` succeeds with `tables` tables. */
static void assert_kind_reads(const char *path, relmap_input_kind kind, size_t tables)
{
    relmap_model *model = NULL;
    if (load_kind(path, kind, &model) != 0)
        fail_msg("%s as kind %d: %s", path, (int)kind, relmap_error_last());
    assert_int_equal(model->ntables, tables);
    relmap_model_free(model);
}

static const relmap_input_kind every_kind[] = {RELMAP_INPUT_AUTO, RELMAP_INPUT_SQLITE,
                                               RELMAP_INPUT_SQL, RELMAP_INPUT_PYTHON};
#define NKINDS (sizeof every_kind / sizeof every_kind[0])

static void test_special_files(void **state)
{
    (void)state;
    static const char *const names[] = {"x.db", "x.sql", "x.py"};
    char *before = NULL;
    for (size_t n = 0; n < 3; n++) {
        char *fifo = fx_join(g_dir, names[n]);
        assert_int_equal(mkfifo(fifo, 0600), 0);
        char *loop = fx_join(g_dir, "loop");
        char *loop_named = malloc(strlen(loop) + 8);
        sprintf(loop_named, "%s%s", loop, strrchr(names[n], '.'));
        assert_int_equal(symlink(loop_named, loop_named), 0);
        free(before);
        before = folder_state(g_dir);
        for (size_t k = 0; k < NKINDS; k++) {
            /* A FIFO: refused at once, never read (nobody writes to it). */
            assert_kind_fails(fifo, every_kind[k], RELMAP_EIO, "not a regular file");
            assert_kind_fails("/dev/zero", every_kind[k], RELMAP_EIO, "not a regular file");
            assert_kind_fails(loop_named, every_kind[k], RELMAP_EIO, "symbolic links");
        }
        char *after = folder_state(g_dir);
        assert_string_equal(after, before);
        free(after);
        unlink(fifo);
        unlink(loop_named);
        free(fifo);
        free(loop);
        free(loop_named);
    }
    free(before);
}

static void test_empty_files_and_folders(void **state)
{
    (void)state;
    char *db = fx_join(g_dir, "empty.db"), *sql = fx_join(g_dir, "empty.sql"),
         *py = fx_join(g_dir, "empty.py"), *dir = fx_join(g_dir, "folder");
    assert_int_equal(fx_write_file(db, "", 0), 0);
    assert_int_equal(fx_write_file(sql, "", 0), 0);
    assert_int_equal(fx_write_file(py, "", 0), 0);
    assert_int_equal(mkdir(dir, 0700), 0);
    char *before = folder_state(g_dir);
    /* Zero bytes: no database; an empty schema; an empty module. */
    assert_kind_fails(db, RELMAP_INPUT_AUTO, RELMAP_EFORMAT, "empty");
    assert_kind_fails(db, RELMAP_INPUT_SQLITE, RELMAP_EFORMAT, "empty");
    assert_kind_reads(sql, RELMAP_INPUT_AUTO, 0);
    assert_kind_reads(db, RELMAP_INPUT_SQL, 0);
    assert_kind_reads(py, RELMAP_INPUT_AUTO, 0);
    assert_kind_reads(db, RELMAP_INPUT_PYTHON, 0);
    /* A folder: a package of models, or not what was asked for. */
    assert_kind_fails(dir, RELMAP_INPUT_SQLITE, RELMAP_EIO, "is a directory");
    assert_kind_fails(dir, RELMAP_INPUT_SQL, RELMAP_EIO, "is a directory");
    assert_kind_fails(dir, RELMAP_INPUT_AUTO, RELMAP_EIO, "no .py files");
    assert_kind_fails(dir, RELMAP_INPUT_PYTHON, RELMAP_EIO, "no .py files");
    char *after = folder_state(g_dir);
    assert_string_equal(after, before);
    free(before);
    free(after);
    free(db);
    free(sql);
    free(py);
    free(dir);
}

static void test_package_with_special_files(void **state)
{
    (void)state;
    /* A package whose folder also holds a FIFO, a link to /dev/zero and a
     * loop of links, each named like a module: the real module is read,
     * the rest skipped, nothing waits, nothing changes. */
    char *pkg = fx_join(g_dir, "pkg");
    assert_int_equal(mkdir(pkg, 0700), 0);
    char *model = fx_join(pkg, "models.py");
    static const char text[] = "from sqlalchemy import Column, Integer\n"
                               "from sqlalchemy.orm import declarative_base\n"
                               "Base = declarative_base()\n"
                               "class User(Base):\n    __tablename__ = 'users'\n"
                               "    id = Column(Integer, primary_key=True)\n";
    assert_int_equal(fx_write_file(model, text, sizeof text - 1), 0);
    char *fifo = fx_join(pkg, "fifo.py"), *zero = fx_join(pkg, "zero.py"),
         *loop = fx_join(pkg, "loop.py"), *gitignore = fx_join(pkg, ".gitignore");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_int_equal(symlink("/dev/zero", zero), 0);
    assert_int_equal(symlink(loop, loop), 0);
    /* Not even a .gitignore that is a FIFO blocks the walk. */
    assert_int_equal(mkfifo(gitignore, 0600), 0);
    char *before = folder_state(pkg);
    assert_kind_reads(pkg, RELMAP_INPUT_AUTO, 1);
    char *after = folder_state(pkg);
    assert_string_equal(after, before);
    free(before);
    free(after);
    free(fifo);
    free(zero);
    free(loop);
    free(gitignore);
    free(model);
    free(pkg);
}

static void test_special_project_files(void **state)
{
    (void)state;
    /* The project file is read as inputs are: never waited on. */
    char *fifo = fx_join(g_dir, ".relmap.yml");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    const char *const paths[] = {fifo, "/dev/zero"};
    for (size_t i = 0; i < 2; i++) {
        relmap_config *config = (relmap_config *)&config;
        assert_int_equal(relmap_config_load(&config, paths[i]), RELMAP_EIO);
        assert_null(config);
        assert_non_null(strstr(relmap_error_last(), "not a regular file"));
    }
    free(fifo);
}

/* ---- nothing in the inputs runs ----------------------------------------- */

static void test_nothing_runs(void **state)
{
    (void)state;
    char *marker = fx_join(g_dir, "ran");
    /* DDL that would attach (and so create) a database, unlock the schema,
     * or run a shell command in the sqlite3 shell. */
    char sql[2048];
    snprintf(sql, sizeof sql,
             "ATTACH DATABASE '%s/attached.db' AS a;\n"
             "CREATE TABLE a.t(x);\n"
             "PRAGMA writable_schema = ON;\n"
             "UPDATE sqlite_master SET sql = 'x';\n"
             ".shell touch %s\n"
             ".system touch %s\n"
             "\\! touch %s\n"
             ".output %s/out.txt\n"
             "CREATE TABLE kept(id INTEGER PRIMARY KEY);\n"
             "VACUUM INTO '%s/copy.db';\n",
             g_dir, marker, marker, marker, g_dir, g_dir);
    char *ddl = fx_join(g_dir, "evil.sql");
    assert_int_equal(fx_write_file(ddl, sql, strlen(sql)), 0);
    /* Python that would write files when imported, at the top and in a
     * class body, and through a decorator and a metaclass. */
    char py[2048];
    snprintf(py, sizeof py,
             "import os\n"
             "open('%s', 'w').write('imported')\n"
             "os.system('touch %s')\n"
             "def deco(c):\n    open('%s', 'w')\n    return c\n"
             "class Meta(type):\n"
             "    def __new__(m, *a):\n        os.system('touch %s')\n"
             "        return super().__new__(m, *a)\n"
             "@deco\nclass Model(metaclass=Meta):\n"
             "    open('%s', 'w')\n"
             "    __tablename__ = 'models'\n",
             marker, marker, marker, marker, marker);
    char *module = fx_join(g_dir, "evil.py");
    assert_int_equal(fx_write_file(module, py, strlen(py)), 0);
    char *before = folder_state(g_dir);
    relmap_model *model = NULL;
    assert_int_equal(load_kind(ddl, RELMAP_INPUT_AUTO, &model), 0);
    assert_non_null(relmap_model_find_table(model, NULL, "kept"));
    relmap_model_free(model);
    assert_int_equal(load_kind(module, RELMAP_INPUT_AUTO, &model), 0);
    relmap_model_free(model);
    char *after = folder_state(g_dir);
    assert_string_equal(after, before);
    assert_int_equal(access(marker, F_OK), -1);
    free(before);
    free(after);
    free(module);
    free(ddl);
    free(marker);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_plain, setup, teardown),
        cmocka_unit_test_setup_teardown(test_odd_path, setup, teardown),
        cmocka_unit_test_setup_teardown(test_wal_with_shm, setup, teardown),
        cmocka_unit_test_setup_teardown(test_wal_without_shm, setup, teardown),
        cmocka_unit_test_setup_teardown(test_wal_checkpointed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_wal_live_writer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_readonly_directory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_readonly_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hot_journal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_locked_by_writer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_databases, setup, teardown),
        cmocka_unit_test_setup_teardown(test_truncated, setup, teardown),
        cmocka_unit_test_setup_teardown(test_corrupt, setup, teardown),
        cmocka_unit_test_setup_teardown(test_special_files, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_files_and_folders, setup, teardown),
        cmocka_unit_test_setup_teardown(test_package_with_special_files, setup, teardown),
        cmocka_unit_test_setup_teardown(test_special_project_files, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nothing_runs, setup, teardown),
    };
    /* A read that blocks (a FIFO, a device) fails the run instead of
     * hanging it. */
    alarm(120);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
