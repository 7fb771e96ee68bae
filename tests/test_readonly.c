/*
 * test_readonly.c - the SQLite reader never changes a database or creates
 * anything beside it: for each way a database can be found (plain, WAL
 * with and without its side files, a live writer, a hot journal, read-only
 * folders and files, a lock) the file's bytes, its mtime and the folder's
 * listing are the same afterwards; and every input that is not a readable
 * database fails with one line naming the file and the reason.
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
