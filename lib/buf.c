/*
 * buf.c - growable byte buffer.
 */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

static void reserve(rm_buf *b, size_t extra)
{
    b->data = rm_grow(b->data, &b->cap, b->len + extra + 1, 1);
}

void rm_buf_add(rm_buf *b, const char *data, size_t len)
{
    reserve(b, len);
    if (len)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void rm_buf_adds(rm_buf *b, const char *s)
{
    rm_buf_add(b, s, strlen(s));
}

void rm_buf_addc(rm_buf *b, char c)
{
    rm_buf_add(b, &c, 1);
}

/* Formats straight into the spare room; only when that is too small, grows
 * the buffer and formats again (formatting is most of the cost). */
void rm_buf_printf(rm_buf *b, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    size_t room = b->data ? b->cap - b->len : 0;
    int n = vsnprintf(room ? b->data + b->len : NULL, room, fmt, ap);
    va_end(ap);
    if (n > 0 && (size_t)n >= room) {
        reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
    }
    if (n > 0)
        b->len += (size_t)n;
    else if (room)
        b->data[b->len] = '\0';
    va_end(ap2);
}

void rm_buf_clear(rm_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

const char *rm_buf_cstr(rm_buf *b)
{
    return b->data ? b->data : "";
}

void rm_buf_free(rm_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
