/*
 * file_read.c - reading a whole input file, the one way readers do it.
 */
#include "file_read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "error.h"
#include "relmap/common.h"

void rm_format_size(uint64_t bytes, char *out, size_t cap)
{
    static const char *const units[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    if (bytes < 1024) {
        snprintf(out, cap, "%llu bytes", (unsigned long long)bytes);
        return;
    }
    double value = (double)bytes / 1024;
    size_t unit = 0;
    while (value >= 1024 && unit + 1 < sizeof units / sizeof units[0]) {
        value /= 1024;
        unit++;
    }
    snprintf(out, cap, "%.1f %s", value, units[unit]);
}

int rm_error_too_large(const char *path, uint64_t size, uint64_t max)
{
    char have[32], limit[32];
    rm_format_size(size, have, sizeof have);
    rm_format_size(max, limit, sizeof limit);
    return rm_error(RELMAP_ELIMIT,
                    "%s: %s, over the input size limit of %s (raise it with --max-input-size)",
                    path, have, limit);
}

/* Spans are 32-bit offsets: the reach of every reader. */
#define SPAN_LIMIT ((uint64_t)UINT32_MAX - 1)

/* A file over `limit` bytes: the input size limit when that is the one. */
static int too_large(const char *path, uint64_t size, uint64_t limit, uint64_t max)
{
    if (limit == max)
        return rm_error_too_large(path, size, max);
    return rm_error(RELMAP_ELIMIT, "%s: too large (4 GiB or more)", path);
}

int rm_read_file(const char *path, uint64_t max, char **out, size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    /* Non-blocking: a FIFO put in place of the file must not hang the read. */
    int fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return rm_error(RELMAP_EIO, "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return rm_error(RELMAP_EIO, "%s: not a regular file", path);
    }
    uint64_t limit = max && max < SPAN_LIMIT ? max : SPAN_LIMIT;
    if ((uint64_t)st.st_size > limit) {
        close(fd);
        return too_large(path, (uint64_t)st.st_size, limit, max);
    }
    /* Room for the NUL and one byte more, to notice a file that grows;
     * growing, never past one byte over the limit. */
    uint64_t cap = (uint64_t)st.st_size + 2;
    size_t len = 0;
    char *buf = rm_malloc((size_t)cap);
    int rc = 0;
    for (;;) {
        if (len + 1 >= cap) {
            if (len > limit)
                break;
            cap = cap * 2 < limit + 2 ? cap * 2 : limit + 2;
            buf = rm_realloc(buf, (size_t)cap);
        }
        ssize_t got = read(fd, buf + len, (size_t)cap - 1 - len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            rc = rm_error(RELMAP_EIO, "%s: cannot read: %s", path, strerror(errno));
            break;
        }
        if (got == 0)
            break;
        len += (size_t)got;
    }
    close(fd);
    if (rc == 0 && len > limit)
        rc = too_large(path, len, limit, max);
    if (rc < 0) {
        free(buf);
        return rc;
    }
    *out = buf;
    *out_len = len;
    return 0;
}
