/*
 * fixture.h - what the tests share: files, scratch folders, SQL fixtures
 * loaded into fresh databases, and running the CLI.
 */
#ifndef RELMAP_TEST_FIXTURE_H
#define RELMAP_TEST_FIXTURE_H

#include <stddef.h>

/* The whole file, NUL-terminated (len without it), or NULL when unreadable. */
char *fx_read_file(const char *path, size_t *len);
/* Writes (replacing) a file; 0 or -1. */
int fx_write_file(const char *path, const char *data, size_t len);
/* A new empty folder under $TMPDIR (or /tmp); the caller frees the path. */
char *fx_mkdtemp(void);
/* Removes a folder and everything in it (no symlinks followed). */
void fx_rmtree(const char *dir);
/* "dir/name" in a malloc'd string. */
char *fx_join(const char *dir, const char *name);
/*
 * Creates the database `db_path` (which must not exist) and runs the SQL
 * script in it, with foreign keys unenforced (SQLite's default) so that
 * fixtures can hold orphan rows. Returns 0, or -1 with the reason in
 * *error (malloc'd) when error is not NULL.
 */
int fx_sql_to_db(const char *sql, const char *db_path, char **error);
/*
 * Runs argv[0] with the arguments in argv (NULL-terminated) in folder `cwd`
 * (NULL: the current one), standard input from /dev/null. Stores what it
 * wrote to stdout and stderr (malloc'd, NUL-terminated; either pointer may
 * be NULL to discard) and its exit status (128 + signal when killed).
 * Returns 0, or -1 when it could not be started.
 */
int fx_run(const char *const argv[], const char *cwd, char **out, char **err, int *status);
/*
 * fx_run, under valgrind's memcheck when the environment variable
 * RELMAP_VALGRIND holds the path of the valgrind program (scripts/test
 * sets it for its valgrind pass). *report is then what valgrind found
 * (memory errors, leaks; malloc'd), or NULL when it found nothing; it is
 * always NULL without RELMAP_VALGRIND.
 */
int fx_run_memcheck(const char *const argv[], const char *cwd, char **out, char **err, int *status,
                    char **report);

#endif
