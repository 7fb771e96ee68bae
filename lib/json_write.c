/*
 * json_write.c - the streaming JSON writer (see json_write.h).
 */
#include "json_write.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

/* Hand the buffer to the callback once it holds this much. */
#define FLUSH_AT 16384

void rj_escape(rm_buf *out, const char *s, size_t len)
{
    rm_buf_addc(out, '"');
    size_t i = 0;
    while (i < len) {
        int32_t cp;
        size_t step = rm_utf8_decode(s + i, len - i, &cp);
        switch (cp) {
        case -1:
            rm_buf_adds(out, RM_UTF8_REPLACEMENT);
            break;
        case '"':
            rm_buf_adds(out, "\\\"");
            break;
        case '\\':
            rm_buf_adds(out, "\\\\");
            break;
        case '\n':
            rm_buf_adds(out, "\\n");
            break;
        case '\r':
            rm_buf_adds(out, "\\r");
            break;
        case '\t':
            rm_buf_adds(out, "\\t");
            break;
        default:
            /* Controls, and what a YAML reader refuses or reads as a line
             * break (C1 controls, NEL, U+FFFE/U+FFFF): baselines are JSON
             * read back as YAML, so their names must survive the trip. */
            if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF)
                rm_buf_printf(out, "\\u%04x", (unsigned)cp);
            else
                rm_buf_add(out, s + i, step);
            break;
        }
        i += step;
    }
    rm_buf_addc(out, '"');
}

static void flush(rj_writer *w)
{
    if (w->buf.len && !w->failed && w->write(w->payload, w->buf.data, w->buf.len) != 0)
        w->failed = 1;
    rm_buf_clear(&w->buf);
}

void rj_init(rj_writer *w, relmap_write_fn write, void *payload)
{
    memset(w, 0, sizeof *w);
    w->write = write;
    w->payload = payload;
}

int rj_finish(rj_writer *w)
{
    rm_buf_addc(&w->buf, '\n');
    flush(w);
    rm_buf_free(&w->buf);
    return w->failed ? RELMAP_EWRITE : 0;
}

static void newline(rj_writer *w)
{
    rm_buf_addc(&w->buf, '\n');
    for (int i = 0; i < w->depth; i++)
        rm_buf_adds(&w->buf, "  ");
}

/* Before any value or key: the separator from the previous element, and
 * the line break and indentation of a multi-line container. */
static void before_item(rj_writer *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth == 0)
        return;
    if (w->nonempty[w->depth - 1])
        rm_buf_adds(&w->buf, w->inline_items[w->depth - 1] ? ", " : ",");
    if (!w->inline_items[w->depth - 1])
        newline(w);
    w->nonempty[w->depth - 1] = true;
}

static void open_container(rj_writer *w, char c, bool inline_items)
{
    before_item(w);
    rm_buf_addc(&w->buf, c);
    /* Deeper nesting is a caller's bug, not an input's: the model's shape
     * is fixed. */
    if (w->depth >= RJ_MAX_DEPTH)
        abort();
    w->nonempty[w->depth] = false;
    w->inline_items[w->depth] = inline_items;
    w->depth++;
}

static void close_container(rj_writer *w, char c)
{
    w->depth--;
    if (w->nonempty[w->depth] && !w->inline_items[w->depth])
        newline(w);
    rm_buf_addc(&w->buf, c);
    if (w->buf.len >= FLUSH_AT)
        flush(w);
}

void rj_object_begin(rj_writer *w)
{
    open_container(w, '{', false);
}

void rj_object_end(rj_writer *w)
{
    close_container(w, '}');
}

void rj_array_begin(rj_writer *w)
{
    open_container(w, '[', false);
}

void rj_array_inline(rj_writer *w)
{
    open_container(w, '[', true);
}

void rj_array_end(rj_writer *w)
{
    close_container(w, ']');
}

void rj_key(rj_writer *w, const char *key)
{
    before_item(w);
    rj_escape(&w->buf, key, strlen(key));
    rm_buf_adds(&w->buf, ": ");
    w->after_key = true;
}

void rj_stringn(rj_writer *w, const char *s, size_t len)
{
    before_item(w);
    rj_escape(&w->buf, s, len);
}

void rj_string(rj_writer *w, const char *s)
{
    if (s)
        rj_stringn(w, s, strlen(s));
    else
        rj_null(w);
}

void rj_int(rj_writer *w, int64_t value)
{
    before_item(w);
    rm_buf_printf(&w->buf, "%" PRId64, value);
}

void rj_bool(rj_writer *w, bool value)
{
    before_item(w);
    rm_buf_adds(&w->buf, value ? "true" : "false");
}

void rj_null(rj_writer *w)
{
    before_item(w);
    rm_buf_adds(&w->buf, "null");
}

void rj_member_string(rj_writer *w, const char *key, const char *s)
{
    rj_key(w, key);
    rj_string(w, s);
}

void rj_member_int(rj_writer *w, const char *key, int64_t value)
{
    rj_key(w, key);
    rj_int(w, value);
}

void rj_member_bool(rj_writer *w, const char *key, bool value)
{
    rj_key(w, key);
    rj_bool(w, value);
}
