/*
 * error.c - the per-thread last error message, and the library version.
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "escape.h"
#include "relmap/common.h"
#include "relmap_version.h"

static _Thread_local char last_error[1024];

/*
 * Messages quote names and text from the inputs, which may hold line
 * breaks, terminal escapes or invalid UTF-8 (a YAML key folded over two
 * lines, found by fuzz_config). The message is one line that is safe on a
 * terminal: controls become \xNN (a tab stays), invalid UTF-8 U+FFFD.
 */
int rm_error(int code, const char *fmt, ...)
{
    char raw[sizeof last_error];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    size_t len = n < 0 ? 0 : (size_t)n < sizeof raw ? (size_t)n : sizeof raw - 1;
    rm_buf safe = RM_BUF_INIT;
    rm_escape_text(&safe, raw, len, 1);
    /* Cut where it fits, before a character rather than inside one. */
    size_t keep = safe.len < sizeof last_error ? safe.len : sizeof last_error - 1;
    while (keep > 0 && keep < safe.len && ((unsigned char)safe.data[keep] & 0xC0) == 0x80)
        keep--;
    if (keep)
        memcpy(last_error, safe.data, keep);
    last_error[keep] = '\0';
    rm_buf_free(&safe);
    return code;
}

const char *relmap_error_last(void)
{
    return last_error;
}

const char *relmap_version(void)
{
    return RELMAP_VERSION_STRING;
}
