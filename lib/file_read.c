/*
 * file_read.c - reading a whole input file, the one way readers do it.
 */
#include "file_read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "error.h"
#include "relmap/common.h"

int rm_read_file(const char *path, char **out, size_t *out_len)
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
    /* Spans are 32-bit offsets. */
    if ((uint64_t)st.st_size >= UINT32_MAX) {
        close(fd);
        return rm_error(RELMAP_ELIMIT, "%s: too large (4 GiB or more)", path);
    }
    size_t cap = (size_t)st.st_size + 1, len = 0;
    char *buf = rm_malloc(cap);
    for (;;) {
        if (len + 1 >= cap) {
            if (cap >= UINT32_MAX) {
                free(buf);
                close(fd);
                return rm_error(RELMAP_ELIMIT, "%s: too large (4 GiB or more)", path);
            }
            cap *= 2;
            buf = rm_realloc(buf, cap);
        }
        ssize_t got = read(fd, buf + len, cap - 1 - len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            int err = errno;
            free(buf);
            close(fd);
            return rm_error(RELMAP_EIO, "%s: cannot read: %s", path, strerror(err));
        }
        if (got == 0)
            break;
        len += (size_t)got;
    }
    close(fd);
    *out = buf;
    *out_len = len;
    return 0;
}
