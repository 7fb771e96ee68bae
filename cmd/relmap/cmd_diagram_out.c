/*
 * cmd_diagram_out.c - where `relmap diagram` puts what it drew (see
 * cmd_diagram.h).
 *
 * Everything is drawn into memory first. A file is then written whole by
 * cli_write_file (a temporary file in the same folder, renamed over the
 * target only once complete), so that a failed layout or a full disk
 * never leaves half a picture, and a diagram or README committed to a
 * repository is never clobbered by a failure. --check compares the same
 * bytes instead.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "cli_write.h"
#include "cmd_diagram.h"

typedef struct bytes {
    char *data;
    size_t len, cap;
} bytes;

static int bytes_add(void *payload, const char *data, size_t len)
{
    bytes *b = payload;
    /* The growth below must not wrap around. */
    if (len > SIZE_MAX / 2 - b->len - 1)
        abort();
    if (b->len + len + 1 > b->cap) {
        b->cap = (b->len + len + 1) * 2;
        b->data = realloc(b->data, b->cap);
        if (!b->data)
            abort();
    }
    memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 0;
}

/* The whole file into *out; false when it cannot be read (errno says why). */
static bool read_whole(const char *path, bytes *out)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return false;
    char chunk[65536];
    ssize_t n;
    while ((n = read(fd, chunk, sizeof chunk)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            close(fd);
            errno = e;
            return false;
        }
        bytes_add(out, chunk, (size_t)n);
    }
    close(fd);
    bytes_add(out, "", 0);
    return true;
}

/* --check of one file: 0 when it holds `expected`, else says so and 1. */
static int check_file(const char *path, const char *expected, size_t len)
{
    bytes actual = {NULL, 0, 0};
    int status = EXIT_CLEAN;
    if (!read_whole(path, &actual)) {
        fprintf(stderr, "relmap: %s: out of date: cannot read it (%s)\n", path, strerror(errno));
        status = EXIT_FINDINGS;
    } else if (actual.len != len || memcmp(actual.data, expected, len) != 0) {
        fprintf(stderr,
                "relmap: %s: out of date: relmap diagram would write something else "
                "(run it without --check to update)\n",
                path);
        status = EXIT_FINDINGS;
    }
    free(actual.data);
    return status;
}

/* Draws the diagram into memory; false (reported) on failure. */
static bool draw(const diagram_job *job, bytes *out)
{
    if (relmap_render(job->model, job->findings, job->render, bytes_add, out) == 0)
        return true;
    cli_fail("%s", relmap_error_last());
    return false;
}

int diagram_to_stdout(const diagram_job *job)
{
    bytes drawn = {NULL, 0, 0};
    int status = EXIT_TROUBLE;
    if (draw(job, &drawn)) {
        cli_output out;
        if (cli_output_open(&out, NULL)) {
            bool ok = cli_output_write(&out, drawn.data, drawn.len) == 0;
            status = cli_output_close(&out) && ok ? EXIT_CLEAN : EXIT_TROUBLE;
        }
    }
    free(drawn.data);
    return status;
}

/*
 * The last fallback of a layout that ran out of time: the parts of the
 * schema, each small enough to lay out, in a folder named after FILE
 * without its extension ("er.svg" -> "er/"), with a note saying so.
 */
static int split_instead(const diagram_job *job)
{
    const char *slash = strrchr(job->output, '/');
    const char *dot = strrchr(slash ? slash + 1 : job->output, '.');
    size_t stem = dot && dot != (slash ? slash + 1 : job->output) ? (size_t)(dot - job->output)
                                                                  : strlen(job->output);
    char *folder = malloc(stem + sizeof "-parts");
    if (!folder)
        abort();
    memcpy(folder, job->output, stem);
    strcpy(folder + stem, dot ? "" : "-parts");
    fprintf(stderr,
            "relmap: note: %s: the whole diagram could not be laid out in time; %s %s/ "
            "instead (a diagram per connected part and overview)\n",
            job->output, job->check ? "checking" : "writing", folder);
    diagram_job parts = *job;
    parts.output = folder;
    int status = diagram_to_folder(&parts, RELMAP_SPLIT_COMPONENTS);
    free(folder);
    return status;
}

int diagram_to_file(const diagram_job *job)
{
    bytes drawn = {NULL, 0, 0};
    int status = EXIT_TROUBLE;
    int rc = relmap_render(job->model, job->findings, job->render, bytes_add, &drawn);
    if (rc == RELMAP_ELIMIT && job->split_on_timeout) {
        fprintf(stderr, "relmap: note: %s\n", relmap_error_last());
        status = split_instead(job);
    } else if (rc < 0) {
        cli_fail("%s", relmap_error_last());
    } else if (job->check) {
        status = check_file(job->output, drawn.data, drawn.len);
    } else if (cli_write_file(job->output, drawn.data, drawn.len, -1)) {
        status = EXIT_CLEAN;
    }
    free(drawn.data);
    return status;
}

/* One file of a split, written (or checked) as it comes; the names are
 * kept to find parts of an earlier split that this one no longer has. */
typedef struct folder_run {
    const diagram_job *job;
    int status;
    char **names;
    size_t nfiles, cap;
} folder_run;

static int folder_file(void *payload, const char *name, const char *data, size_t len)
{
    folder_run *run = payload;
    size_t dlen = strlen(run->job->output);
    char *path = malloc(dlen + strlen(name) + 2);
    if (!path)
        abort();
    sprintf(path, "%s%s%s", run->job->output, dlen && run->job->output[dlen - 1] == '/' ? "" : "/",
            name);
    if (run->nfiles == run->cap) {
        run->cap = run->cap ? 2 * run->cap : 16;
        run->names = realloc(run->names, run->cap * sizeof *run->names);
        if (!run->names)
            abort();
    }
    run->names[run->nfiles++] = strdup(name);
    if (run->job->check) {
        if (check_file(path, data, len) != EXIT_CLEAN)
            run->status = EXIT_FINDINGS;
    } else if (!cli_write_file(path, data, len, -1)) {
        run->status = EXIT_TROUBLE;
    }
    free(path);
    return run->status == EXIT_TROUBLE ? -1 : 0;
}

static bool written(const folder_run *run, const char *name)
{
    for (size_t i = 0; i < run->nfiles; i++)
        if (strcmp(run->names[i], name) == 0)
            return true;
    return false;
}

/*
 * Files of the parts' format in the folder that this split did not make:
 * parts of an earlier split (a table renamed, a module gone). --check fails
 * on them, since the folder is not what relmap would write; a write leaves
 * them (they may be the user's) and says so.
 */
static void stale_parts(folder_run *run)
{
    const char *ext = run->nfiles ? strrchr(run->names[0], '.') : NULL;
    DIR *dir = ext ? opendir(run->job->output) : NULL;
    if (!dir)
        return;
    size_t elen = strlen(ext);
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n <= elen || strcmp(e->d_name + n - elen, ext) != 0 || written(run, e->d_name))
            continue;
        if (run->job->check) {
            fprintf(stderr, "relmap: %s/%s: not a part of this diagram any more (remove it)\n",
                    run->job->output, e->d_name);
            if (run->status == EXIT_CLEAN)
                run->status = EXIT_FINDINGS;
        } else {
            fprintf(stderr, "relmap: note: %s/%s is not a part of this diagram; left as it is\n",
                    run->job->output, e->d_name);
        }
    }
    closedir(dir);
}

int diagram_to_folder(const diagram_job *job, relmap_render_split_by by)
{
    if (!job->check && !cli_make_folders(job->output))
        return EXIT_TROUBLE;
    folder_run run = {job, EXIT_CLEAN, NULL, 0, 0};
    int rc = relmap_render_split(job->model, job->findings, job->render, by, folder_file, &run);
    if (rc >= 0 && run.status != EXIT_TROUBLE)
        stale_parts(&run);
    for (size_t i = 0; i < run.nfiles; i++)
        free(run.names[i]);
    free(run.names);
    if (rc < 0 && run.status != EXIT_TROUBLE)
        return cli_fail("%s", relmap_error_last());
    return run.status;
}

/* The one place between the markers: pointers into `text`, or false
 * (reported) when a marker is missing, doubled, or out of order. */
#define BEGIN_MARKER "<!-- relmap:begin -->"
#define END_MARKER "<!-- relmap:end -->"

static bool find_markers(const char *path, const char *text, const char **begin, const char **end)
{
    *begin = strstr(text, BEGIN_MARKER);
    *end = strstr(text, END_MARKER);
    const char *why = NULL;
    if (!*begin || !*end)
        why = "needs the markers " BEGIN_MARKER " and " END_MARKER;
    else if (strstr(*begin + 1, BEGIN_MARKER) || strstr(*end + 1, END_MARKER))
        why = "has more than one " BEGIN_MARKER " or " END_MARKER;
    else if (*end < *begin)
        why = "has " END_MARKER " before " BEGIN_MARKER;
    if (why)
        cli_fail("%s: --inject %s", path, why);
    return !why;
}

int diagram_inject(const diagram_job *job)
{
    bytes text = {NULL, 0, 0}, drawn = {NULL, 0, 0}, result = {NULL, 0, 0};
    int status = EXIT_TROUBLE;
    struct stat st;
    const char *begin, *end;
    if (!read_whole(job->output, &text) || stat(job->output, &st) != 0) {
        cli_fail("%s: cannot read: %s", job->output, strerror(errno));
        goto cleanup;
    }
    if (memchr(text.data, '\0', text.len)) {
        cli_fail("%s: --inject needs a text file (this one holds NUL bytes)", job->output);
        goto cleanup;
    }
    if (!find_markers(job->output, text.data, &begin, &end) || !draw(job, &drawn))
        goto cleanup;
    /* Every line of relmap's Mermaid is indented or "erDiagram", so no
     * table name can close the fence early. */
    begin += strlen(BEGIN_MARKER);
    bytes_add(&result, text.data, (size_t)(begin - text.data));
    bytes_add(&result, "\n```mermaid\n", strlen("\n```mermaid\n"));
    bytes_add(&result, drawn.data, drawn.len);
    bytes_add(&result, "```\n", 4);
    bytes_add(&result, end, strlen(end));
    if (job->check)
        status = check_file(job->output, result.data, result.len);
    else if (cli_write_file(job->output, result.data, result.len, (int)(st.st_mode & 07777)))
        status = EXIT_CLEAN;
cleanup:
    free(text.data);
    free(drawn.data);
    free(result.data);
    return status;
}
