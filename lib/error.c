/*
 * error.c - the per-thread last error message, and the library version.
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>

#include "relmap/common.h"
#include "relmap_version.h"

static _Thread_local char last_error[1024];

int rm_error(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_error, sizeof last_error, fmt, ap);
    va_end(ap);
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
