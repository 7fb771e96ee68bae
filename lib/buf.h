/*
 * buf.h - a growable byte buffer for text being built (messages, output).
 */
#ifndef RELMAP_BUF_H
#define RELMAP_BUF_H

#include <stddef.h>

typedef struct rm_buf {
    char *data; /* always NUL-terminated once anything was added */
    size_t len;
    size_t cap;
} rm_buf;

#define RM_BUF_INIT                                                                                \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

void rm_buf_add(rm_buf *b, const char *data, size_t len);
void rm_buf_adds(rm_buf *b, const char *s);
void rm_buf_addc(rm_buf *b, char c);
void rm_buf_printf(rm_buf *b, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void rm_buf_clear(rm_buf *b);
/* The contents as a C string ("" when empty); owned by the buffer. */
const char *rm_buf_cstr(rm_buf *b);
void rm_buf_free(rm_buf *b);

#endif
