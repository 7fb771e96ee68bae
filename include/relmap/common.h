/*
 * relmap/common.h - what every part of the public API shares: the export
 * macro, error codes, the last-error message and the output callback.
 */
#ifndef RELMAP_COMMON_H
#define RELMAP_COMMON_H

#include <stddef.h>

#if defined(RELMAP_BUILDING) && defined(__GNUC__)
#define RELMAP_API __attribute__((visibility("default")))
#else
#define RELMAP_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Error codes. Functions of the API return 0 on success or one of these
 * (always negative). The message of the last error on the calling thread is
 * available from relmap_error_last().
 */
enum {
    RELMAP_OK = 0,
    /** The caller gave an invalid argument or option (a usage error). */
    RELMAP_EINVAL = -1,
    /** An input could not be opened or read (missing, a directory, ...). */
    RELMAP_EIO = -2,
    /** An input was read but is not what it claims to be (corrupt, truncated). */
    RELMAP_EFORMAT = -3,
    /** A database was locked by another process past the busy timeout. */
    RELMAP_EBUSY = -4,
    /** An output callback reported a failure. */
    RELMAP_EWRITE = -5,
    /** An input exceeds one of the configured limits. */
    RELMAP_ELIMIT = -6
};

/**
 * The message of the last error raised on this thread: one line naming the
 * file (and the position where there is one) and the reason. Never NULL; the
 * empty string when there was no error. Valid until the next failing call.
 */
RELMAP_API const char *relmap_error_last(void);

/**
 * Where the library writes text: called with `len` bytes of `data` (not
 * NUL-terminated). Return 0 on success, non-zero to abort the output (the
 * calling function then returns RELMAP_EWRITE).
 */
typedef int (*relmap_write_fn)(void *payload, const char *data, size_t len);

/** The library's version, e.g. "0.1.0". */
RELMAP_API const char *relmap_version(void);

#ifdef __cplusplus
}
#endif

#endif
