/*
 * fuzz_common.c - the scratch folder the fuzz targets write their input
 * into, the Python package layout, and the in-memory output sink.
 */
#include "fuzz_common.h"

#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *scratch;
/* What was written since fz_clear(), in order: removed in reverse. */
static char **written;
static size_t nwritten, written_cap;

static void fail(const char *what, const char *path)
{
    fprintf(stderr, "fuzz: cannot %s %s\n", what, path);
    abort();
}

static void remove_scratch(void)
{
    fz_clear();
    if (scratch)
        rmdir(scratch);
    free(scratch);
    free(written);
}

static const char *scratch_dir(void)
{
    if (scratch)
        return scratch;
    const char *base = getenv("TMPDIR");
    if (!base || !*base)
        base = "/tmp";
    size_t len = strlen(base) + sizeof "/relmap-fuzz-XXXXXX";
    scratch = malloc(len);
    if (!scratch)
        abort();
    snprintf(scratch, len, "%s/relmap-fuzz-XXXXXX", base);
    if (!mkdtemp(scratch))
        fail("make a folder like", scratch);
    atexit(remove_scratch);
    return scratch;
}

/* Remembers `path` (taking it) for fz_clear(), unless it is there already. */
static const char *remember(char *path)
{
    for (size_t i = 0; i < nwritten; i++)
        if (strcmp(written[i], path) == 0) {
            free(path);
            return written[i];
        }
    if (nwritten == written_cap) {
        written_cap = written_cap ? 2 * written_cap : 16;
        written = realloc(written, written_cap * sizeof *written);
        if (!written)
            abort();
    }
    written[nwritten++] = path;
    return path;
}

static char *scratch_path(const char *name)
{
    const char *dir = scratch_dir();
    size_t len = strlen(dir) + 1 + strlen(name) + 1;
    char *path = malloc(len);
    if (!path)
        abort();
    snprintf(path, len, "%s/%s", dir, name);
    return path;
}

static const char *make_dir(const char *name)
{
    char *path = scratch_path(name);
    if (mkdir(path, 0700) != 0) {
        struct stat st;
        if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
            fail("make the folder", path);
    }
    return remember(path);
}

const char *fz_write_file(const char *name, const uint8_t *data, size_t size)
{
    const char *path = remember(scratch_path(name));
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        fail("create", path);
    for (size_t done = 0; done < size;) {
        ssize_t n = write(fd, data + done, size - done);
        if (n <= 0)
            fail("write", path);
        done += (size_t)n;
    }
    close(fd);
    return path;
}

/*
 * The module a marker line names, as a path under "pkg": letters, digits
 * and '_' of each '/'-separated part, empty parts dropped, at most four
 * parts; the folders on the way are made. "" names module<index>.
 */
static void module_path(char *out, size_t cap, const char *name, size_t len, size_t index)
{
    size_t at = (size_t)snprintf(out, cap, "pkg");
    size_t parts = 0;
    bool part_open = false;
    for (size_t i = 0; i < len && at + 8 < cap; i++) {
        char c = name[i];
        if (c == '/') {
            part_open = false;
            continue;
        }
        bool word =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (!word)
            continue;
        if (!part_open) {
            if (parts == 4)
                break;
            if (parts > 0) {
                out[at] = '\0';
                make_dir(out);
            }
            out[at++] = '/';
            part_open = true;
            parts++;
        }
        out[at++] = c;
    }
    if (parts == 0)
        at += (size_t)snprintf(out + at, cap - at, "/module%zu", index);
    snprintf(out + at, cap - at, ".py");
}

const char *fz_write_python(const uint8_t *data, size_t size)
{
    static const char marker[] = FZ_MODULE_MARKER;
    const size_t mlen = sizeof marker - 1;
    const char *text = (const char *)data;
    /* The marker at the start of the input or of a line. */
    size_t first = size;
    for (size_t i = 0; i + mlen <= size; i++)
        if ((i == 0 || text[i - 1] == '\n') && memcmp(text + i, marker, mlen) == 0) {
            first = i;
            break;
        }
    if (first == size)
        return fz_write_file("models.py", data, size);

    const char *pkg = make_dir("pkg");
    char rel[256];
    if (first > 0)
        fz_write_file("pkg/__init__.py", data, first);
    size_t at = first, nmodules = 0;
    while (at < size && nmodules < FZ_MAX_MODULES) {
        /* at: a marker line. Its name runs to the end of the line; the
         * module's text to the next marker line or the end. */
        size_t name = at + mlen, eol = name;
        while (eol < size && text[eol] != '\n')
            eol++;
        size_t body = eol < size ? eol + 1 : size, next = body;
        while (next < size && !((next == body || text[next - 1] == '\n') && next + mlen <= size &&
                                memcmp(text + next, marker, mlen) == 0))
            next++;
        module_path(rel, sizeof rel, text + name, eol - name, nmodules);
        fz_write_file(rel, data + body, next - body);
        nmodules++;
        at = next;
    }
    return pkg;
}

void fz_clear(void)
{
    /* Files before the folders that hold them: in reverse order of making,
     * except that a folder remembered first may hold later files, so
     * unlink every file first, then remove the folders deepest first. */
    for (size_t i = nwritten; i-- > 0;)
        unlink(written[i]);
    for (size_t i = nwritten; i-- > 0;) {
        rmdir(written[i]);
        free(written[i]);
    }
    nwritten = 0;
}

void fz_check_refusal(const char *what)
{
    /* A refusal is one line that says why (DESIGN.md, Safety). */
    const char *why = relmap_error_last();
    if (!why || !*why || strchr(why, '\n')) {
        fprintf(stderr, "fuzz: %s refused its input without one line saying why: \"%s\"\n", what,
                why ? why : "(null)");
        abort();
    }
}

relmap_model *fz_load(const char *path, const relmap_load_opts *opts)
{
    relmap_load_opts defaults = RELMAP_LOAD_OPTS_INIT;
    relmap_model *model = NULL;
    if (relmap_load(&model, &path, 1, opts ? opts : &defaults) == 0)
        return model;
    if (model) {
        fprintf(stderr, "fuzz: relmap_load failed but stored a model\n");
        abort();
    }
    fz_check_refusal("relmap_load");
    return NULL;
}

int fz_sink_write(void *payload, const char *data, size_t len)
{
    fz_sink *sink = payload;
    if (sink->len + len > sink->cap) {
        size_t cap = sink->cap ? sink->cap : 4096;
        while (cap < sink->len + len)
            cap *= 2;
        char *grown = realloc(sink->data, cap);
        if (!grown)
            abort();
        sink->data = grown;
        sink->cap = cap;
    }
    memcpy(sink->data + sink->len, data, len);
    sink->len += len;
    return 0;
}

void fz_sink_free(fz_sink *sink)
{
    free(sink->data);
    sink->data = NULL;
    sink->len = sink->cap = 0;
}
