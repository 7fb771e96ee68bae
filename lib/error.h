/*
 * error.h - setting the message that relmap_error_last() returns.
 */
#ifndef RELMAP_ERROR_H
#define RELMAP_ERROR_H

/* Records the message for this thread and returns `code`, so that a
 * failing function can `return rm_error(RELMAP_EIO, "...", ...)`. */
int rm_error(int code, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
