/*
 * test_cli.c - the relmap command line, run as a user runs it: exit
 * statuses, usage errors in one line, help and version, the formats' JSON
 * validity, -o, colour and NO_COLOR, and docs/rules.md being up to date.
 */
#define _XOPEN_SOURCE 700 /* posix_openpt and friends, for the terminal test */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixture.h"

/* A key to a missing table (FK001, an error) and one without an index
 * (FK006, info), and a clean table. */
static const char schema_sql[] =
    "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
    "CREATE TABLE orders (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    customer_id INTEGER NOT NULL REFERENCES customers(id),\n"
    "    seller_id INTEGER REFERENCES seller(id)\n"
    ");\n"
    "CREATE INDEX ix_orders_seller ON orders(seller_id);\n";

typedef struct run_result {
    char *out, *err;
    int status;
} run_result;

static char *scratch; /* a folder per test, holding db.sqlite */

static int setup(void **state)
{
    (void)state;
    scratch = fx_mkdtemp();
    assert_non_null(scratch);
    char *db = fx_join(scratch, "db.sqlite");
    char *error = NULL;
    int rc = fx_sql_to_db(schema_sql, db, &error);
    if (rc != 0)
        print_error("%s\n", error);
    free(error);
    free(db);
    return rc;
}

static int teardown(void **state)
{
    (void)state;
    fx_rmtree(scratch);
    free(scratch);
    return 0;
}

/* Runs relmap with the arguments (NULL-terminated) in the scratch folder. */
static run_result relmap(const char *first, ...)
{
    const char *argv[32] = {RELMAP_BIN};
    size_t n = 1;
    va_list ap;
    va_start(ap, first);
    for (const char *a = first; a; a = va_arg(ap, const char *)) {
        assert_true(n < 31);
        argv[n++] = a;
    }
    va_end(ap);
    argv[n] = NULL;
    run_result r = {NULL, NULL, 0};
    assert_int_equal(fx_run(argv, scratch, &r.out, &r.err, &r.status), 0);
    return r;
}

static void result_free(run_result *r)
{
    free(r->out);
    free(r->err);
}

static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* A usage error: exit 2, nothing on stdout, "relmap: ..." and the hint. */
static void assert_usage_error(run_result r, const char *needle)
{
    if (r.status != 2 || !strstr(r.err, needle))
        print_error("status %d, stderr: %s\n", r.status, r.err);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.out, "");
    assert_true(strncmp(r.err, "relmap: ", 8) == 0);
    assert_non_null(strstr(r.err, needle));
    assert_int_equal(count_lines(r.err), 2);
    assert_non_null(strstr(r.err, "\nTry 'relmap "));
    result_free(&r);
}

/* Any other failure: exit 2 and exactly one line. */
static void assert_one_line_failure(run_result r, const char *needle)
{
    if (r.status != 2 || !strstr(r.err, needle))
        print_error("status %d, stderr: %s\n", r.status, r.err);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.out, "");
    assert_true(strncmp(r.err, "relmap: ", 8) == 0);
    assert_int_equal(count_lines(r.err), 1);
    assert_non_null(strstr(r.err, needle));
    result_free(&r);
}

static void test_usage_errors(void **state)
{
    (void)state;
    assert_usage_error(relmap(NULL), "no command");
    assert_usage_error(relmap("frob", NULL), "unknown command 'frob'");
    assert_usage_error(relmap("--frob", NULL), "unknown option '--frob'");
    assert_usage_error(relmap("check", NULL), "no input given");
    assert_usage_error(relmap("check", "--bogus", "db.sqlite", NULL), "'--bogus'");
    assert_usage_error(relmap("check", "-x", "db.sqlite", NULL), "'-x'");
    assert_usage_error(relmap("check", "--format", "xml", "db.sqlite", NULL), "'xml'");
    assert_usage_error(relmap("check", "--fail-on=sometimes", "db.sqlite", NULL), "'sometimes'");
    assert_usage_error(relmap("check", "--select", "FK999", "db.sqlite", NULL), "'FK999'");
    assert_usage_error(relmap("check", "--ignore", "FK001,no-such-rule", "db.sqlite", NULL),
                       "'no-such-rule'");
    assert_usage_error(relmap("check", "--color=blue", "db.sqlite", NULL), "'blue'");
    assert_usage_error(relmap("check", "--busy-timeout", "-5", "db.sqlite", NULL), "'-5'");
    assert_usage_error(relmap("check", "--input-kind", "pg", "db.sqlite", NULL), "'pg'");
    assert_usage_error(relmap("check", "--no-data-checks=yes", "db.sqlite", NULL), "no value");
    assert_usage_error(relmap("check", "db.sqlite", "-o", NULL), "needs a value");
    assert_usage_error(relmap("dump", NULL), "no input given");
    assert_usage_error(relmap("rules", "--format", "html", NULL), "'html'");
    assert_usage_error(relmap("explain", NULL), "which rule");
    assert_usage_error(relmap("help", "frob", NULL), "'frob'");
}

static void test_input_errors(void **state)
{
    (void)state;
    assert_one_line_failure(relmap("check", "missing.db", NULL), "missing.db");
    assert_one_line_failure(relmap("dump", "missing.db", NULL), "missing.db");
    assert_one_line_failure(relmap("check", ".", NULL), "directory");
    assert_one_line_failure(relmap("explain", "NOPE", NULL), "unknown rule 'NOPE'");
    /* A failed run leaves no empty report behind. */
    assert_one_line_failure(relmap("check", "-o", "report.txt", "missing.db", NULL), "missing.db");
    char *path = fx_join(scratch, "report.txt");
    assert_int_equal(access(path, F_OK), -1);
    free(path);
    /* Missing folders are made (tests/test_outputs.c); a file in the way
     * of one is an error. */
    assert_one_line_failure(relmap("check", "-o", "db.sqlite/r.txt", "db.sqlite", NULL),
                            "db.sqlite is not a folder");
}

static void test_help_and_version(void **state)
{
    (void)state;
    run_result r = relmap("--version", NULL);
    assert_int_equal(r.status, 0);
    assert_true(strncmp(r.out, "relmap ", 7) == 0);
    assert_int_equal(count_lines(r.out), 1);
    result_free(&r);

    const char *const *cases[] = {
        (const char *const[]){"--help", NULL, "Usage: relmap ["},
        (const char *const[]){"help", NULL, "Usage: relmap ["},
        (const char *const[]){"help", "check", "Usage: relmap check"},
        (const char *const[]){"check", "--help", "Usage: relmap check"},
        (const char *const[]){"dump", "-h", "Usage: relmap dump"},
        (const char *const[]){"rules", "--help", "Usage: relmap rules"},
        (const char *const[]){"explain", "--help", "Usage: relmap explain"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        r = relmap(cases[i][0], cases[i][1], NULL);
        assert_int_equal(r.status, 0);
        assert_string_equal(r.err, "");
        assert_true(strncmp(r.out, cases[i][2], strlen(cases[i][2])) == 0);
        result_free(&r);
    }
    /* Every option of check is documented in its help. */
    r = relmap("check", "--help", NULL);
    const char *documented[] = {"--format",       "--output",         "--fail-on",    "--select",
                                "--ignore",       "--no-data-checks", "--input-kind", "--color",
                                "--busy-timeout", "--verbose"};
    for (size_t i = 0; i < sizeof documented / sizeof documented[0]; i++)
        assert_non_null(strstr(r.out, documented[i]));
    result_free(&r);
}

static int check_status(const char *first, ...)
{
    const char *argv[16] = {RELMAP_BIN, "check"};
    size_t n = 2;
    va_list ap;
    va_start(ap, first);
    for (const char *a = first; a; a = va_arg(ap, const char *))
        argv[n++] = a;
    va_end(ap);
    argv[n++] = "db.sqlite";
    argv[n] = NULL;
    int status;
    char *err;
    assert_int_equal(fx_run(argv, scratch, NULL, &err, &status), 0);
    if (status == 2)
        print_error("%s", err);
    free(err);
    return status;
}

static void test_exit_status(void **state)
{
    (void)state;
    /* FK001 is an error: it fails at every level but never. */
    assert_int_equal(check_status("--select", "FK001", NULL), 1);
    assert_int_equal(check_status("--select", "FK001", "--fail-on", "error", NULL), 1);
    assert_int_equal(check_status("--select=FK001", "--fail-on=info", NULL), 1);
    assert_int_equal(check_status("--select", "fk-unknown-table", "--fail-on", "never", NULL), 0);
    /* FK006 (info) fails only with --fail-on info. */
    assert_int_equal(check_status("--select", "FK006", NULL), 0);
    assert_int_equal(check_status("--select", "FK006", "--fail-on", "info", NULL), 1);
    /* --ignore removes from --select; prefixes and lists work. */
    assert_int_equal(check_status("--select", "FK", "--ignore", "FK001,FK006", "--fail-on", "info",
                                  "--select", "FK001", NULL),
                     0);
    assert_int_equal(check_status("--no-data-checks", "--busy-timeout=100", "--input-kind",
                                  "sqlite", "--select", "FK001", NULL),
                     1);
}

static void test_text_output(void **state)
{
    (void)state;
    run_result r = relmap("check", "--select", "FK001", "db.sqlite", NULL);
    assert_int_equal(r.status, 1);
    assert_string_equal(r.err, "");
    /* The location is within the CREATE statement SQLite stores. */
    assert_true(strncmp(r.out, "db.sqlite:4:", 12) == 0);
    assert_non_null(strstr(r.out, ": error: "));
    /* The statement's head says which one, then the line itself. */
    assert_non_null(strstr(r.out, " [FK001 fk-unknown-table]\n 1 | CREATE TABLE "));
    assert_non_null(strstr(r.out, "\n   | ...\n 4 |     seller_id"));
    assert_non_null(strstr(r.out, "\n1 problem (1 error, 0 warnings, 0 info)\n"));
    assert_null(strchr(r.out, '\033'));
    result_free(&r);

    r = relmap("check", "--select", "FK004", "db.sqlite", NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "No problems found.\n");
    result_free(&r);
}

/* Checks JSON with Python's parser when there is one. */
static void assert_json(const char *text)
{
    char *path = fx_join(scratch, "out.json");
    assert_int_equal(fx_write_file(path, text, strlen(text)), 0);
    const char *argv[] = {"/usr/bin/env", "python3", "-m", "json.tool", path, NULL};
    char *err;
    int status;
    assert_int_equal(fx_run(argv, NULL, NULL, &err, &status), 0);
    if (status == 127) {
        print_message("python3 not found: JSON not parsed\n");
    } else {
        if (status != 0)
            print_error("invalid JSON (%s):\n%s\n", err, text);
        assert_int_equal(status, 0);
    }
    free(err);
    remove(path);
    free(path);
}

static void test_json_outputs(void **state)
{
    (void)state;
    run_result r = relmap("check", "--format", "json", "db.sqlite", NULL);
    assert_int_equal(r.status, 1);
    assert_true(strncmp(r.out, "{\n  \"findings\": [", 17) == 0);
    assert_non_null(strstr(r.out, "\"rule\": \"FK001\""));
    assert_non_null(strstr(r.out, "\"summary\": {"));
    assert_json(r.out);
    result_free(&r);

    r = relmap("dump", "db.sqlite", NULL);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "\"name\": \"orders\""));
    assert_non_null(strstr(r.out, "\"classes\": []"));
    assert_json(r.out);
    result_free(&r);

    r = relmap("rules", "--format=json", NULL);
    assert_int_equal(r.status, 0);
    assert_json(r.out);
    result_free(&r);
}

static void test_output_file(void **state)
{
    (void)state;
    run_result plain = relmap("check", "--format", "json", "db.sqlite", NULL);
    run_result r = relmap("check", "--format", "json", "-o", "report.json", "db.sqlite", NULL);
    assert_int_equal(r.status, plain.status);
    assert_string_equal(r.out, "");
    char *path = fx_join(scratch, "report.json");
    char *written = fx_read_file(path, NULL);
    assert_non_null(written);
    assert_string_equal(written, plain.out);
    free(written);
    remove(path);
    free(path);
    result_free(&r);
    result_free(&plain);

    plain = relmap("dump", "db.sqlite", NULL);
    r = relmap("dump", "--output=model.json", "db.sqlite", NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "");
    path = fx_join(scratch, "model.json");
    written = fx_read_file(path, NULL);
    assert_string_equal(written, plain.out);
    free(written);
    remove(path);
    free(path);
    result_free(&r);
    result_free(&plain);
}

/*
 * Runs `relmap check ARGS db.sqlite` with its stdout on a terminal (a
 * pseudo-terminal), NO_COLOR set to `no_color` (NULL: unset). Returns what
 * it printed.
 */
static char *check_on_terminal(const char *no_color, const char *arg)
{
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    assert_true(master >= 0);
    assert_int_equal(grantpt(master), 0);
    assert_int_equal(unlockpt(master), 0);
    const char *slave_name = ptsname(master);
    assert_non_null(slave_name);
    char *db = fx_join(scratch, "db.sqlite");
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int slave = open(slave_name, O_RDWR);
        int null_fd = open("/dev/null", O_RDWR);
        if (slave < 0 || null_fd < 0)
            _exit(126);
        dup2(slave, 1);
        dup2(null_fd, 0);
        dup2(null_fd, 2);
        if (no_color)
            setenv("NO_COLOR", no_color, 1);
        else
            unsetenv("NO_COLOR");
        char *argv[] = {strdup(RELMAP_BIN), strdup("check"), strdup("--select=FK001"),
                        strdup(arg),        strdup(db),      NULL};
        execv(argv[0], argv);
        _exit(127);
    }
    free(db);
    size_t len = 0, cap = 4096;
    char *out = malloc(cap);
    for (;;) {
        if (cap - len < 1024)
            out = realloc(out, cap *= 2);
        ssize_t got = read(master, out + len, cap - len - 1);
        if (got > 0)
            len += (size_t)got;
        else if (got < 0 && errno == EINTR)
            continue;
        else
            break; /* EIO once the child has closed the terminal */
    }
    out[len] = '\0';
    close(master);
    int status;
    waitpid(pid, &status, 0);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 1);
    return out;
}

static void test_color(void **state)
{
    (void)state;
    char *out = check_on_terminal(NULL, "--color=auto");
    assert_non_null(strstr(out, "\033[1;31merror:"));
    free(out);
    out = check_on_terminal("1", "--color=auto");
    assert_null(strchr(out, '\033'));
    free(out);
    /* An empty NO_COLOR counts as unset (no-color.org). */
    out = check_on_terminal("", "--color=auto");
    assert_non_null(strchr(out, '\033'));
    free(out);
    out = check_on_terminal(NULL, "--color=never");
    assert_null(strchr(out, '\033'));
    free(out);
    /* An explicit --color=always wins over NO_COLOR, also into a pipe. */
    setenv("NO_COLOR", "1", 1);
    run_result r = relmap("check", "--color=always", "--select", "FK001", "db.sqlite", NULL);
    unsetenv("NO_COLOR");
    assert_non_null(strstr(r.out, "\033[1;31merror:"));
    result_free(&r);
    r = relmap("check", "--select", "FK001", "db.sqlite", NULL);
    assert_null(strchr(r.out, '\033'));
    result_free(&r);
}

static void test_verbose(void **state)
{
    (void)state;
    run_result r = relmap("check", "-v", "--select", "FK001", "db.sqlite", NULL);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "db.sqlite"));
    result_free(&r);
}

static void test_rules_and_explain(void **state)
{
    (void)state;
    run_result r = relmap("rules", NULL);
    assert_int_equal(r.status, 0);
    assert_true(strncmp(r.out, "ID ", 3) == 0);
    assert_non_null(strstr(r.out, "\nFK001 "));
    assert_non_null(strstr(r.out, " fk-unknown-table "));
    result_free(&r);
    r = relmap("explain", "FK-Unknown-Table", NULL);
    assert_int_equal(r.status, 0);
    assert_true(strncmp(r.out, "FK001 fk-unknown-table (error)\n", 31) == 0);
    assert_non_null(strstr(r.out, "Why it matters:"));
    assert_non_null(strstr(r.out, "Fixed:"));
    result_free(&r);
    assert_usage_error(relmap("explain", "FK001", "FK002", NULL), "one rule");
}

/* The CI side of check: formats, --quiet, --statistics, baselines, the
 * project file (found beside the input, errors with file:line, flags win). */
static void test_ci_options(void **state)
{
    (void)state;
    run_result r = relmap("check", "--format", "sarif", "db.sqlite", NULL);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.out, "\"version\": \"2.1.0\""));
    result_free(&r);
    r = relmap("check", "--format", "github", "--select", "FK001", "db.sqlite", NULL);
    assert_true(strncmp(r.out, "::error file=db.sqlite,line=", 28) == 0);
    result_free(&r);
    assert_usage_error(relmap("check", "--statistics", "--format", "json", "db.sqlite", NULL),
                       "--statistics");
    assert_usage_error(relmap("check", "--format", "xml", "db.sqlite", NULL), "sarif");
    r = relmap("check", "--quiet", "--select", "FK012", "db.sqlite", NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "");
    result_free(&r);

    /* A baseline accepts today's findings; the run after it is clean. */
    r = relmap("check", "--write-baseline", "base.json", "db.sqlite", NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "");
    result_free(&r);
    r = relmap("check", "--baseline", "base.json", "db.sqlite", NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "No problems found.\n");
    result_free(&r);
    assert_one_line_failure(relmap("check", "--baseline", "missing.json", "db.sqlite", NULL),
                            "missing.json: cannot read");

    /* The project file beside the input. */
    char *cfg = fx_join(scratch, ".relmap.yml");
    const char *text = "fail-on: never\n";
    assert_int_equal(fx_write_file(cfg, text, strlen(text)), 0);
    r = relmap("check", "db.sqlite", NULL);
    assert_int_equal(r.status, 0);
    result_free(&r);
    r = relmap("check", "--fail-on", "error", "db.sqlite", NULL); /* the flag wins */
    assert_int_equal(r.status, 1);
    result_free(&r);
    r = relmap("check", "--no-config", "db.sqlite", NULL);
    assert_int_equal(r.status, 1);
    result_free(&r);
    text = "fail-on: never\nselect: [FK001]\nseverity:\n  FKX1: error\n";
    assert_int_equal(fx_write_file(cfg, text, strlen(text)), 0);
    assert_one_line_failure(relmap("check", "db.sqlite", NULL),
                            ".relmap.yml:4:3: severity: unknown rule 'FKX1'");
    free(cfg);
}

/* docs/rules.md is generated: it must be what the catalogue prints now. */
static void test_rules_doc_up_to_date(void **state)
{
    (void)state;
    run_result r = relmap("rules", "--format", "markdown", NULL);
    assert_int_equal(r.status, 0);
    char *doc = fx_read_file(RELMAP_TESTDATA "/../docs/rules.md", NULL);
    if (!doc || strcmp(doc, r.out) != 0)
        print_error("docs/rules.md is out of date: regenerate it with\n"
                    "  relmap rules --format markdown > docs/rules.md\n");
    assert_non_null(doc);
    assert_string_equal(doc, r.out);
    free(doc);
    result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_usage_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_input_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_help_and_version, setup, teardown),
        cmocka_unit_test_setup_teardown(test_exit_status, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_output, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_outputs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_output_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_color, setup, teardown),
        cmocka_unit_test_setup_teardown(test_verbose, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rules_and_explain, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rules_doc_up_to_date, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ci_options, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
