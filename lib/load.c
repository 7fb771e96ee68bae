/*
 * load.c - deciding what each input is, handing it to its reader, and
 * resolving the merged model.
 */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "relmap/load.h"
#include "error.h"
#include "load_limits.h"
#include "model_build.h"
#include "read_ddl.h"
#include "read_py.h"
#include "read_sqlite.h"
#include "resolve.h"
#include "declared.h"

static const char sqlite_magic[16] = "SQLite format 3";

void rm_say(const relmap_load_opts *opts, const char *fmt, ...)
{
    if (!opts->verbose)
        return;
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    size_t len = (size_t)n < sizeof line ? (size_t)n : sizeof line - 1;
    opts->verbose(opts->verbose_payload, line, len);
}

/*
 * Looks at the input without blocking on it: a FIFO or a device must give
 * an error, never a hang, so the file is opened non-blocking and anything
 * but a regular file is refused before a byte is read.
 */
static bool ends_with_sql(const char *path)
{
    size_t n = strlen(path);
    return n > 4 && strcasecmp(path + n - 4, ".sql") == 0;
}

static bool ends_with_py(const char *path)
{
    size_t n = strlen(path);
    return n > 3 && strcmp(path + n - 3, ".py") == 0;
}

static int detect(const char *path, relmap_input_kind *kind, const relmap_load_opts *opts)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return rm_error(RELMAP_EIO, "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int err = errno;
        close(fd);
        return rm_error(RELMAP_EIO, "%s: cannot stat: %s", path, strerror(err));
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        /* A folder is a package of model files, whatever --input-kind says
         * short of a database or SQL file. */
        if (opts->kind != RELMAP_INPUT_AUTO && opts->kind != RELMAP_INPUT_PYTHON)
            return rm_error(RELMAP_EIO, "%s: is a directory, not a SQLite database", path);
        rm_say(opts, "%s: SQLAlchemy models (a folder: read as a package)\n", path);
        *kind = RELMAP_INPUT_PYTHON;
        return 0;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return rm_error(RELMAP_EIO, "%s: not a regular file (a FIFO, socket or device)", path);
    }
    /* Enough of the start to tell a database header from SQL text. */
    char head[1024];
    ssize_t got = read(fd, head, sizeof head);
    int err = errno;
    close(fd);
    if (got < 0)
        return rm_error(RELMAP_EIO, "%s: cannot read: %s", path, strerror(err));
    if (opts->kind != RELMAP_INPUT_AUTO) {
        *kind = opts->kind;
        return 0;
    }
    if (got >= (ssize_t)sizeof sqlite_magic &&
        memcmp(head, sqlite_magic, sizeof sqlite_magic) == 0) {
        rm_say(opts, "%s: SQLite database (file header)\n", path);
        *kind = RELMAP_INPUT_SQLITE;
        return 0;
    }
    if (ends_with_py(path)) {
        rm_say(opts, "%s: SQLAlchemy models (the name ends in .py)\n", path);
        *kind = RELMAP_INPUT_PYTHON;
        return 0;
    }
    if (ends_with_sql(path)) {
        rm_say(opts, "%s: SQL text (the name ends in .sql)\n", path);
        *kind = RELMAP_INPUT_SQL;
        return 0;
    }
    if (got == 0)
        return rm_error(RELMAP_EFORMAT, "%s: empty file, not a SQLite database", path);
    if (rm_ddl_looks_like_sql(head, (size_t)got)) {
        rm_say(opts, "%s: SQL text (it starts like SQL)\n", path);
        *kind = RELMAP_INPUT_SQL;
        return 0;
    }
    return rm_error(RELMAP_EFORMAT,
                    "%s: not a SQLite database (no 'SQLite format 3' header) nor SQL text; "
                    "relmap reads SQLite database files, .sql files and .py model files",
                    path);
}

int relmap_load(relmap_model **out, const char *const *paths, size_t npaths,
                const relmap_load_opts *opts)
{
    *out = NULL;
    if (!opts || opts->version < 1 || opts->version > RELMAP_LOAD_OPTS_VERSION)
        return rm_error(RELMAP_EINVAL, "relmap_load: options of an unknown version");
    /* A version 1 caller's struct ends before max_input_size: its fields
     * are copied, and the rest take their defaults. */
    relmap_load_opts given = RELMAP_LOAD_OPTS_INIT;
    memcpy(&given, opts,
           opts->version == 1 ? offsetof(relmap_load_opts, max_input_size) : sizeof given);
    opts = &given;
    if (npaths == 0)
        return rm_error(RELMAP_EINVAL, "no input given");
    relmap_model *model = mb_model_new();
    int rc = 0;
    for (size_t i = 0; i < npaths && rc == 0; i++) {
        relmap_input_kind kind = RELMAP_INPUT_AUTO;
        size_t first_table = model->ntables, first_class = model->nclasses;
        rc = detect(paths[i], &kind, opts);
        if (rc == 0 && kind == RELMAP_INPUT_SQLITE)
            rc = rm_read_sqlite(model, paths[i], opts);
        else if (rc == 0 && kind == RELMAP_INPUT_SQL)
            rc = rm_read_ddl(model, paths[i], opts);
        else if (rc == 0 && kind == RELMAP_INPUT_PYTHON)
            rc = rm_read_py(model, paths[i], opts);
        mb_syntax_errors_done(model);
        if (rc == 0)
            rc = rm_check_limits(model, paths[i], first_table, first_class);
    }
    if (rc == 0 && opts->relations)
        rc = rm_add_relations(model, opts->relations);
    if (rc < 0) {
        relmap_model_free(model);
        return rc;
    }
    rm_resolve(model);
    *out = model;
    return 0;
}
