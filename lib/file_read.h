/*
 * file_read.h - reading a whole input file.
 */
#ifndef RELMAP_FILE_READ_H
#define RELMAP_FILE_READ_H

#include <stddef.h>
#include <stdint.h>

/*
 * Reads the whole regular file at `path` into a malloc'd buffer with room
 * for one byte more than its length (readers NUL-terminate it), without
 * blocking on a FIFO or device (those are refused). A file of more than
 * `max` bytes (0: no limit) is refused before it is read, as is one of
 * 4 GiB or more (spans are 32-bit offsets); a file that grows past the
 * limit while it is read is refused too. Returns 0, or RELMAP_EIO or
 * RELMAP_ELIMIT with the error set naming the file (and, for the limit,
 * its size and --max-input-size).
 */
int rm_read_file(const char *path, uint64_t max, char **out, size_t *out_len);

/* "312 bytes", "12.5 KiB", "300.0 MiB", "2.0 GiB" into `out`. */
void rm_format_size(uint64_t bytes, char *out, size_t cap);

/* The error for an input of `size` bytes over the limit `max`. */
int rm_error_too_large(const char *path, uint64_t size, uint64_t max);

#endif
