/*
 * render_child.c - a Graphviz layout under a time limit. libgvc has no way
 * to stop a layout (dot's network simplex on 2,000 tables runs for
 * minutes), so the layout runs in a forked child that the parent kills
 * when the time is up; the child sends back what it drew, its notes, or
 * its error, through a pipe.
 *
 * The pipe carries records: a type byte ('N' note, 'D' drawing, 'E'
 * error), a length, and that many bytes; an error's bytes start with its
 * code. The child leaves with _exit, so that nothing the parent set up
 * (atexit handlers, stdio buffers) runs or flushes twice.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "error.h"
#include "render_formats.h"

static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

static int send_record(int fd, char type, const char *data, size_t len)
{
    uint64_t n = len;
    char header[1 + sizeof n];
    header[0] = type;
    memcpy(header + 1, &n, sizeof n);
    return write_all(fd, header, sizeof header) == 0 && write_all(fd, data, len) == 0 ? 0 : -1;
}

static int send_note(void *payload, const char *data, size_t len)
{
    return send_record(*(int *)payload, 'N', data, len);
}

static int send_drawing(void *payload, const char *data, size_t len)
{
    return send_record(*(int *)payload, 'D', data, len);
}

static _Noreturn void run_child(int fd, const char *dot, relmap_render_format format,
                                relmap_render_engine engine, const relmap_render_opts *opts)
{
    relmap_render_opts child_opts = *opts;
    child_opts.notes = send_note;
    child_opts.notes_payload = &fd;
    int rc = rd_gvc(dot, format, engine, &child_opts, send_drawing, &fd);
    if (rc < 0) {
        rm_buf error = RM_BUF_INIT;
        int32_t code = rc;
        rm_buf_add(&error, (const char *)&code, sizeof code);
        rm_buf_adds(&error, relmap_error_last());
        send_record(fd, 'E', error.data, error.len);
    }
    _exit(0);
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Everything the child sends, until it closes the pipe; false when the
 * time ran out first. */
static bool read_until(int fd, int64_t deadline, rm_buf *in)
{
    char chunk[65536];
    for (;;) {
        int64_t left = deadline - now_ms();
        if (left <= 0)
            return false;
        struct pollfd p = {fd, POLLIN, 0};
        int ready = poll(&p, 1, left > INT32_MAX ? INT32_MAX : (int)left);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready == 0)
            return false;
        if (ready < 0)
            return true; /* what came so far is all there is: replay says so */
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return true;
        rm_buf_add(in, chunk, (size_t)n);
    }
}

/* Replays the child's records: notes to the caller, then the drawing or
 * the error. */
static int replay(const rm_buf *in, const relmap_render_opts *opts, relmap_write_fn write,
                  void *payload, int status)
{
    size_t at = 0;
    uint64_t len;
    while (in->len - at >= 1 + sizeof len) {
        char type = in->data[at];
        memcpy(&len, in->data + at + 1, sizeof len);
        const char *data = in->data + at + 1 + sizeof len;
        if (len > in->len - at - 1 - sizeof len)
            break;
        at += 1 + sizeof len + (size_t)len;
        if (type == 'N' && opts->notes)
            opts->notes(opts->notes_payload, data, (size_t)len);
        else if (type == 'D')
            return write(payload, data, (size_t)len) == 0
                       ? 0
                       : rm_error(RELMAP_EWRITE, "cannot write the diagram");
        else if (type == 'E' && len >= sizeof(int32_t)) {
            int32_t code;
            memcpy(&code, data, sizeof code);
            return rm_error(code, "%.*s", (int)(len - sizeof code), data + sizeof code);
        }
    }
    if (WIFSIGNALED(status))
        return rm_error(RELMAP_EIO, "Graphviz stopped with signal %d while laying out the diagram",
                        WTERMSIG(status));
    return rm_error(RELMAP_EIO, "Graphviz ended without drawing the diagram");
}

int rd_gvc_limited(const char *dot, relmap_render_format format, relmap_render_engine engine,
                   const relmap_render_opts *opts, relmap_write_fn write, void *payload)
{
    int fds[2];
    if (pipe(fds) != 0)
        return rm_error(RELMAP_EIO, "cannot start the layout: pipe: %s", strerror(errno));
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(fds[0]);
        close(fds[1]);
        return rm_error(RELMAP_EIO, "cannot start the layout: fork: %s", strerror(e));
    }
    if (pid == 0) {
        close(fds[0]);
        run_child(fds[1], dot, format, engine, opts);
    }
    close(fds[1]);
    rm_buf in = RM_BUF_INIT;
    bool finished = read_until(fds[0], now_ms() + opts->layout_timeout_ms, &in);
    close(fds[0]);
    if (!finished)
        kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    int rc = finished ? replay(&in, opts, write, payload, status)
                      : rm_error(RELMAP_ELIMIT, "the layout took longer than %u ms",
                                 opts->layout_timeout_ms);
    rm_buf_free(&in);
    return rc;
}
