/*
 * cli_write.c - writing output files whole, beside nothing of the user's
 * (see cli_write.h).
 */
#include "cli_write.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* ---- inputs no output may replace ---- */

typedef struct file_id {
    dev_t dev;
    ino_t ino;
    char *path;
} file_id;

static file_id *protected_files;
static size_t nprotected;

static void protect(const char *path)
{
    struct stat st;
    if (!path || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return;
    for (size_t i = 0; i < nprotected; i++)
        if (protected_files[i].dev == st.st_dev && protected_files[i].ino == st.st_ino)
            return;
    file_id *grown = realloc(protected_files, (nprotected + 1) * sizeof *protected_files);
    char *copy = strdup(path);
    if (!grown || !copy)
        abort(); /* out of memory */
    protected_files = grown;
    protected_files[nprotected++] = (file_id){st.st_dev, st.st_ino, copy};
}

void cli_protect_inputs(const char *const *paths, size_t n)
{
    for (size_t i = 0; i < n; i++)
        protect(paths[i]);
}

void cli_protect_model(const relmap_model *model)
{
    for (size_t i = 0; i < model->nsources; i++)
        protect(model->sources[i].path);
}

bool cli_output_allowed(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        if (errno != ELOOP)
            return true; /* a new file, or a link to one */
        cli_fail("%s: cannot write: %s", path, strerror(errno));
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        cli_fail("%s: is a folder; give the name of a file in it", path);
        return false;
    }
    for (size_t i = 0; i < nprotected; i++) {
        if (protected_files[i].dev == st.st_dev && protected_files[i].ino == st.st_ino) {
            cli_fail("%s: is the input %s; relmap never writes over its inputs", path,
                     protected_files[i].path);
            return false;
        }
    }
    return true;
}

/* ---- folders ---- */

/* The folders cli_make_folders made in this run, to remove again when the
 * file they were made for could not be written. */
typedef struct made_folders {
    char **paths;
    size_t n;
} made_folders;

static bool make_folders(const char *path, made_folders *made)
{
    char *copy = strdup(path);
    if (!copy)
        abort();
    size_t len = strlen(copy);
    while (len > 1 && copy[len - 1] == '/')
        copy[--len] = '\0';
    bool ok = true;
    /* Each prefix ending before a '/', then the whole path. */
    for (char *p = copy + 1; ok; p++) {
        bool end = *p == '\0';
        if (!end && *p != '/')
            continue;
        *p = '\0';
        struct stat st;
        if (stat(copy, &st) == 0) {
            if (!S_ISDIR(st.st_mode)) {
                cli_fail("%s: cannot make the folder: %s is not a folder", path, copy);
                ok = false;
            }
        } else if (mkdir(copy, 0777) == 0) {
            if (made) {
                char **grown = realloc(made->paths, (made->n + 1) * sizeof *made->paths);
                char *dup = strdup(copy);
                if (!grown || !dup)
                    abort(); /* out of memory */
                made->paths = grown;
                made->paths[made->n++] = dup;
            }
        } else if (errno != EEXIST) {
            cli_fail("%s: cannot make the folder %s: %s", path, copy, strerror(errno));
            ok = false;
        }
        if (end)
            break;
        *p = '/';
    }
    free(copy);
    return ok;
}

bool cli_make_folders(const char *path)
{
    return make_folders(path, NULL);
}

/* Removes what make_folders made, innermost first (only if still empty). */
static void unmake_folders(made_folders *made, bool remove)
{
    for (size_t i = made->n; i-- > 0;) {
        if (remove)
            rmdir(made->paths[i]);
        free(made->paths[i]);
    }
    free(made->paths);
}

/* ---- the temporary file ---- */

/* The temporary file being written, for the signal handler: an
 * interrupted run removes it before it dies. */
static volatile sig_atomic_t writing;
static char *temp_path;

static void remove_temp_and_die(int sig)
{
    if (writing)
        unlink(temp_path);
    signal(sig, SIG_DFL);
    raise(sig);
}

static const int caught_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
#define NCAUGHT (sizeof caught_signals / sizeof caught_signals[0])

static void catch_signals(struct sigaction *saved)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = remove_temp_and_die;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < NCAUGHT; i++)
        sigaction(caught_signals[i], &sa, &saved[i]);
}

static void restore_signals(const struct sigaction *saved)
{
    for (size_t i = 0; i < NCAUGHT; i++)
        sigaction(caught_signals[i], &saved[i], NULL);
}

static bool write_fd(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        len -= (size_t)n;
    }
    return true;
}

static mode_t new_file_mode(void)
{
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

/* Writes the temporary file beside `target` and renames it over; errno
 * says why not. */
static bool replace(const char *target, const char *data, size_t len, mode_t mode)
{
    size_t tlen = strlen(target);
    temp_path = malloc(tlen + sizeof ".relmap-XXXXXX");
    if (!temp_path)
        abort();
    memcpy(temp_path, target, tlen);
    memcpy(temp_path + tlen, ".relmap-XXXXXX", sizeof ".relmap-XXXXXX");
    struct sigaction saved[NCAUGHT];
    catch_signals(saved);
    int fd = mkstemp(temp_path);
    bool ok = fd >= 0;
    writing = ok;
    int err = errno;
    if (ok) {
        errno = 0;
        ok = fchmod(fd, mode) == 0 && write_fd(fd, data, len);
        err = ok ? 0 : errno ? errno : EIO;
        if (close(fd) != 0 && ok) {
            ok = false;
            err = errno;
        }
        if (ok && rename(temp_path, target) != 0) {
            ok = false;
            err = errno;
        }
        if (!ok)
            unlink(temp_path);
    }
    writing = 0;
    restore_signals(saved);
    free(temp_path);
    temp_path = NULL;
    errno = err;
    return ok;
}

/* Where the links from `path` lead (malloc'd): the file to replace, so
 * that a link stays a link, and a link to a file not yet there makes it.
 * cli_output_allowed has refused loops. */
static char *follow_links(const char *path)
{
    char *at = strdup(path);
    if (!at)
        abort();
    struct stat st;
    for (int hops = 0; hops < 40 && lstat(at, &st) == 0 && S_ISLNK(st.st_mode); hops++) {
        char link[PATH_MAX];
        ssize_t n = readlink(at, link, sizeof link - 1);
        if (n < 0)
            break;
        link[n] = '\0';
        /* A relative link is relative to the folder holding it. */
        const char *slash = strrchr(at, '/');
        size_t keep = link[0] != '/' && slash ? (size_t)(slash - at) + 1 : 0;
        char *next = malloc(keep + (size_t)n + 1);
        if (!next)
            abort();
        memcpy(next, at, keep);
        memcpy(next + keep, link, (size_t)n + 1);
        free(at);
        at = next;
    }
    return at;
}

bool cli_write_file(const char *path, const char *data, size_t len, int mode)
{
    if (!cli_output_allowed(path))
        return false;
    char *target = follow_links(path);
    const char *to = target;
    struct stat st;
    bool exists = stat(to, &st) == 0;
    mode_t file_mode = exists ? st.st_mode & 07777 : mode >= 0 ? (mode_t)mode : new_file_mode();
    made_folders made = {NULL, 0};
    const char *slash = strrchr(to, '/');
    bool ok = true;
    if (!exists && slash && slash != to) {
        char *folder = strndup(to, (size_t)(slash - to));
        if (!folder)
            abort();
        ok = make_folders(folder, &made);
        free(folder);
    }
    if (ok && !replace(to, data, len, file_mode)) {
        cli_fail("%s: cannot write: %s", path, strerror(errno));
        ok = false;
    }
    unmake_folders(&made, !ok);
    free(target);
    return ok;
}
