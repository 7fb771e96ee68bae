/*
 * golden.c - runs one golden case: golden CASE_DIR RELMAP_BIN
 *
 * A case is a folder testdata/<area>/<case>/ holding input.sql, optionally
 * `args` (more words for `relmap check`), and the expected outputs:
 *
 *   expected.txt   stdout of `relmap check --color=never ARGS input.db`,
 *                  then a last line `exit: N`
 *   expected.json  stdout of `relmap dump input.db`
 *
 * input.sql is loaded into a fresh input.db in a scratch folder, and both
 * commands run in that folder, so outputs name the file `input.db`. The
 * database must come out untouched: same bytes, same mtime, and no file
 * (journal, WAL, SHM) left beside it. RELMAP_UPDATE_GOLDEN=1 writes the
 * expected files instead of comparing. A folder named *.broken is skipped,
 * with the first line of its file `broken` as the reason. With
 * RELMAP_VALGRIND set (the path of valgrind), `relmap check` runs under
 * valgrind's memcheck, and any memory error or leak fails the case (see
 * tests/support/memcheck.c). `relmap dump` runs as it is: it reads the
 * input as check does, and each valgrind start costs about a second of CPU,
 * which would double the pass's time for dump_json.c alone.
 *
 * A case folder that also holds a file named `sql` (an empty marker) is a
 * case of the SQL DDL reader: input.sql is not loaded into a database but
 * read as the .sql file it is, `relmap check --color=never ARGS input.sql`
 * and `relmap dump input.sql` running in the case folder itself (relmap
 * only reads there), so outputs name the file `input.sql`. testdata/ddl/
 * holds these cases.
 *
 * A case folder without input.sql is a case of the SQLAlchemy model reader
 * (testdata/models/): its .py files are read as one package, both commands
 * running in the case folder on the input `.`, so outputs name the files
 * `models.py` and so on. Other files of the folder (expected.*, args,
 * oracle-skip) are not Python and are not read.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fixture.h"

static const char *case_dir;
static const char *relmap_bin;

/* Lines of context shown around the first difference. */
#define CONTEXT_BEFORE 3
#define LINES_AFTER 8

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* Line `n` (0-based) of `text` and its length, or NULL past the end. */
static const char *line_at(const char *text, size_t n, size_t *len)
{
    const char *p = text;
    for (size_t i = 0; i < n; i++) {
        p = strchr(p, '\n');
        if (!p || !*++p)
            return NULL;
    }
    if (!*p)
        return NULL;
    *len = strcspn(p, "\n");
    return p;
}

static void print_lines(char mark, const char *text, size_t from, size_t to)
{
    size_t len;
    const char *line;
    for (size_t i = from; i < to && (line = line_at(text, i, &len)); i++)
        print_error("%c%.*s\n", mark, (int)len, line);
}

/* A unified-diff-like view of the first difference between two texts. */
static void show_difference(const char *what, const char *expected, const char *actual)
{
    size_t k = 0, elen = 0, alen = 0;
    for (;; k++) {
        const char *e = line_at(expected, k, &elen), *a = line_at(actual, k, &alen);
        if (!e || !a || elen != alen || memcmp(e, a, elen) != 0)
            break;
    }
    size_t from = k > CONTEXT_BEFORE ? k - CONTEXT_BEFORE : 0;
    print_error("%s differs, first at line %zu:\n--- %s (expected)\n+++ actual output\n"
                "@@ line %zu @@\n",
                what, k + 1, what, from + 1);
    print_lines(' ', actual, from, k);
    print_lines('-', expected, k, k + LINES_AFTER);
    print_lines('+', actual, k, k + LINES_AFTER);
    size_t elen_all = strlen(expected), alen_all = strlen(actual);
    size_t shorter = elen_all < alen_all ? elen_all : alen_all;
    if (elen_all != alen_all && memcmp(expected, actual, shorter) == 0)
        print_error("(the %s has %zu more bytes at its end)\n",
                    elen_all > alen_all ? "expected text" : "actual output",
                    elen_all > alen_all ? elen_all - alen_all : alen_all - elen_all);
}

/* Compares, or with `update` writes, one expected file. True when fine. */
static bool compare_expected(const char *name, const char *actual, bool update)
{
    char *path = fx_join(case_dir, name);
    bool ok = true;
    if (update) {
        ok = fx_write_file(path, actual, strlen(actual)) == 0;
        if (!ok)
            print_error("cannot write %s\n", path);
        free(path);
        return ok;
    }
    char *expected = fx_read_file(path, NULL);
    if (!expected) {
        print_error("%s is missing; RELMAP_UPDATE_GOLDEN=1 creates it. The output was:\n%s", path,
                    actual);
        ok = false;
    } else if (strcmp(expected, actual) != 0) {
        show_difference(name, expected, actual);
        ok = false;
    }
    free(expected);
    free(path);
    return ok;
}

/* The names in a folder, sorted, one per line. */
static char *list_folder(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    char **names = NULL;
    size_t n = 0, total = 1;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        names = realloc(names, (n + 1) * sizeof *names);
        names[n++] = strdup(e->d_name);
        total += strlen(e->d_name) + 1;
    }
    closedir(d);
    for (size_t i = 1; i < n; i++) /* insertion sort: a handful of names */
        for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    char *out = calloc(1, total);
    for (size_t i = 0; i < n; i++) {
        strcat(out, names[i]);
        strcat(out, "\n");
        free(names[i]);
    }
    free(names);
    return out;
}

/* argv for `relmap check --color=never ARGS INPUT`; words point into
 * `args` (modified in place). */
static const char **check_argv(char *args, const char *input)
{
    size_t cap = 5 + (args ? strlen(args) : 0), n = 0;
    const char **argv = calloc(cap, sizeof *argv);
    argv[n++] = relmap_bin;
    argv[n++] = "check";
    argv[n++] = "--color=never";
    if (args)
        for (char *w = strtok(args, " \t\r\n"); w; w = strtok(NULL, " \t\r\n"))
            argv[n++] = w;
    argv[n++] = input;
    argv[n] = NULL;
    return argv;
}

typedef struct db_state {
    char *bytes;
    size_t len;
    struct stat st;
    char *folder;
} db_state;

static void db_state_take(db_state *s, const char *db, const char *scratch)
{
    s->bytes = fx_read_file(db, &s->len);
    assert_non_null(s->bytes);
    assert_int_equal(stat(db, &s->st), 0);
    s->folder = list_folder(scratch);
}

static void db_state_free(db_state *s)
{
    free(s->bytes);
    free(s->folder);
}

/* The promise of DESIGN.md "Safety": the database is never changed. */
static bool db_untouched(const db_state *before, const db_state *after)
{
    bool ok = true;
    if (before->len != after->len || memcmp(before->bytes, after->bytes, before->len) != 0) {
        print_error("input.db was modified by relmap\n");
        ok = false;
    }
    if (before->st.st_mtim.tv_sec != after->st.st_mtim.tv_sec ||
        before->st.st_mtim.tv_nsec != after->st.st_mtim.tv_nsec) {
        print_error("input.db's mtime changed\n");
        ok = false;
    }
    if (strcmp(before->folder, after->folder) != 0) {
        print_error("files beside input.db changed; before:\n%safter:\n%s", before->folder,
                    after->folder);
        ok = false;
    }
    return ok;
}

/* Runs `relmap check` as fx_run_memcheck does; false (and valgrind's
 * report printed) when valgrind found memory errors or leaks. */
static bool run_check(const char *const argv[], const char *cwd, char **out, char **err,
                      int *status)
{
    char *report = NULL;
    assert_int_equal(fx_run_memcheck(argv, cwd, out, err, status, &report), 0);
    bool clean = report == NULL;
    if (!clean)
        print_error("valgrind found memory errors or leaks in `relmap check`:\n%s", report);
    free(report);
    return clean;
}

/* Compares the outputs of check and dump run in `cwd` on `input`. */
static bool compare_outputs(const char *cwd, const char *input, bool update)
{
    char *args_path = fx_join(case_dir, "args");
    char *args = fx_read_file(args_path, NULL);
    free(args_path);
    const char **argv = check_argv(args, input);
    char *out = NULL, *err = NULL;
    int status = 0;
    bool ok = run_check(argv, cwd, &out, &err, &status);
    size_t need = strlen(out) + 32;
    char *check_text = malloc(need);
    snprintf(check_text, need, "%sexit: %d\n", out, status);
    free(out);

    const char *dump_argv[] = {relmap_bin, "dump", input, NULL};
    char *dump_out = NULL, *dump_err = NULL;
    int dump_status = 0;
    assert_int_equal(fx_run(dump_argv, cwd, &dump_out, &dump_err, &dump_status), 0);
    if (!compare_expected("expected.txt", check_text, update)) {
        ok = false;
        if (*err)
            print_error("relmap check wrote on stderr:\n%s", err);
    }
    if (!compare_expected("expected.json", dump_out, update)) {
        ok = false;
        if (*dump_err)
            print_error("relmap dump (exit %d) wrote on stderr:\n%s", dump_status, dump_err);
    }
    free(check_text);
    free(err);
    free(dump_out);
    free(dump_err);
    free(argv);
    free(args);
    return ok;
}

static void run_case(void **state)
{
    (void)state;
    if (ends_with(case_dir, ".broken")) {
        char *path = fx_join(case_dir, "broken");
        char *reason = fx_read_file(path, NULL);
        if (reason)
            reason[strcspn(reason, "\n")] = '\0';
        print_message("known broken: %s\n", reason && *reason ? reason : "(no reason given)");
        free(reason);
        free(path);
        skip();
    }
    bool update =
        getenv("RELMAP_UPDATE_GOLDEN") && strcmp(getenv("RELMAP_UPDATE_GOLDEN"), "1") == 0;
    char *marker = fx_join(case_dir, "sql");
    char *sql_path = fx_join(case_dir, "input.sql");
    struct stat st;
    bool sql_case = stat(marker, &st) == 0;
    bool models_case = !sql_case && stat(sql_path, &st) != 0;
    free(marker);
    if (sql_case || models_case) {
        free(sql_path);
        bool sql_ok = compare_outputs(case_dir, sql_case ? "input.sql" : ".", update);
        if (update)
            print_message("updated the expected files of %s\n", case_dir);
        if (!sql_ok)
            fail_msg("golden case %s failed (RELMAP_UPDATE_GOLDEN=1 regenerates the expected "
                     "files once the new output is right)",
                     case_dir);
        return;
    }
    char *sql = fx_read_file(sql_path, NULL);
    free(sql_path);
    assert_non_null(sql);
    char *scratch = fx_mkdtemp();
    assert_non_null(scratch);
    char *db = fx_join(scratch, "input.db");
    char *error = NULL;
    if (fx_sql_to_db(sql, db, &error) != 0) {
        print_error("input.sql does not load into SQLite: %s\n", error);
        free(error);
        fail();
    }
    free(sql);

    db_state before, after;
    db_state_take(&before, db, scratch);

    bool ok = compare_outputs(scratch, "input.db", update);
    db_state_take(&after, db, scratch);
    ok = db_untouched(&before, &after) && ok;
    if (update)
        print_message("updated the expected files of %s\n", case_dir);

    db_state_free(&before);
    db_state_free(&after);
    fx_rmtree(scratch);
    free(scratch);
    free(db);
    if (!ok)
        fail_msg("golden case %s failed (RELMAP_UPDATE_GOLDEN=1 regenerates the expected files "
                 "once the new output is right)",
                 case_dir);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: golden CASE_DIR RELMAP_BIN\n");
        return 2;
    }
    case_dir = argv[1];
    relmap_bin = argv[2];
    const struct CMUnitTest tests[] = {cmocka_unit_test(run_case)};
    return cmocka_run_group_tests_name(case_dir, tests, NULL, NULL);
}
