/*
 * file_read.h - reading a whole input file.
 */
#ifndef RELMAP_FILE_READ_H
#define RELMAP_FILE_READ_H

#include <stddef.h>

/*
 * Reads the whole regular file at `path` into a malloc'd buffer with room
 * for one byte more than its length (readers NUL-terminate it), without
 * blocking on a FIFO or device (those are refused). Files of 4 GiB or more
 * are refused too: spans are 32-bit offsets. Returns 0, or RELMAP_EIO or
 * RELMAP_ELIMIT with the error set naming the file.
 */
int rm_read_file(const char *path, char **out, size_t *out_len);

#endif
