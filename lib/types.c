/*
 * types.c - type families of declared column types (see types.h).
 */
#include "types.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static char ascii_upper(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

/* Whether the upper-case `needle` occurs in the `len` bytes of `hay`,
 * ignoring ASCII case (by hand: strncasecmp at every position cost more
 * than the rest of reading a column). */
static int contains_nocase(const char *hay, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++) {
        size_t k = 0;
        while (k < n && ascii_upper(hay[i + k]) == needle[k])
            k++;
        if (k == n)
            return 1;
    }
    return 0;
}

static int is_blank(const char *type, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!isspace((unsigned char)type[i]))
            return 0;
    return 1;
}

relmap_type_family rm_sqlite_affinity(const char *type, size_t len)
{
    if (!type || is_blank(type, len))
        return RELMAP_TYPE_UNKNOWN;
    /* The five rules of datatype3.html section 3.1, in their order: the
     * first that matches wins, so "CHARINT" is INTEGER and "FLOATING
     * POINT" is INTEGER too (it contains "INT"). */
    if (contains_nocase(type, len, "INT"))
        return RELMAP_TYPE_INTEGER;
    if (contains_nocase(type, len, "CHAR") || contains_nocase(type, len, "CLOB") ||
        contains_nocase(type, len, "TEXT"))
        return RELMAP_TYPE_TEXT;
    if (contains_nocase(type, len, "BLOB"))
        return RELMAP_TYPE_BLOB;
    if (contains_nocase(type, len, "REAL") || contains_nocase(type, len, "FLOA") ||
        contains_nocase(type, len, "DOUB"))
        return RELMAP_TYPE_REAL;
    return RELMAP_TYPE_NUMERIC;
}

/* Base type names of PostgreSQL and MySQL (lower case, single spaces),
 * in strcmp order for the binary search in rm_type_family. */
typedef struct base_type {
    const char *name;
    relmap_type_family family;
} base_type;

static const base_type base_types[] = {
    {"bigint", RELMAP_TYPE_INTEGER},     {"bigserial", RELMAP_TYPE_INTEGER},
    {"binary", RELMAP_TYPE_BLOB},        {"blob", RELMAP_TYPE_BLOB},
    {"bool", RELMAP_TYPE_BOOLEAN},       {"boolean", RELMAP_TYPE_BOOLEAN},
    {"bytea", RELMAP_TYPE_BLOB},         {"char", RELMAP_TYPE_TEXT},
    {"character", RELMAP_TYPE_TEXT},     {"character varying", RELMAP_TYPE_TEXT},
    {"citext", RELMAP_TYPE_TEXT},        {"clob", RELMAP_TYPE_TEXT},
    {"date", RELMAP_TYPE_DATETIME},      {"datetime", RELMAP_TYPE_DATETIME},
    {"dec", RELMAP_TYPE_NUMERIC},        {"decimal", RELMAP_TYPE_NUMERIC},
    {"double", RELMAP_TYPE_REAL},        {"double precision", RELMAP_TYPE_REAL},
    {"enum", RELMAP_TYPE_TEXT},          {"float", RELMAP_TYPE_REAL},
    {"float4", RELMAP_TYPE_REAL},        {"float8", RELMAP_TYPE_REAL},
    {"int", RELMAP_TYPE_INTEGER},        {"int2", RELMAP_TYPE_INTEGER},
    {"int4", RELMAP_TYPE_INTEGER},       {"int8", RELMAP_TYPE_INTEGER},
    {"integer", RELMAP_TYPE_INTEGER},    {"json", RELMAP_TYPE_JSON},
    {"jsonb", RELMAP_TYPE_JSON},         {"longblob", RELMAP_TYPE_BLOB},
    {"longtext", RELMAP_TYPE_TEXT},      {"mediumblob", RELMAP_TYPE_BLOB},
    {"mediumint", RELMAP_TYPE_INTEGER},  {"mediumtext", RELMAP_TYPE_TEXT},
    {"money", RELMAP_TYPE_NUMERIC},      {"nchar", RELMAP_TYPE_TEXT},
    {"numeric", RELMAP_TYPE_NUMERIC},    {"nvarchar", RELMAP_TYPE_TEXT},
    {"real", RELMAP_TYPE_REAL},          {"serial", RELMAP_TYPE_INTEGER},
    {"smallint", RELMAP_TYPE_INTEGER},   {"smallserial", RELMAP_TYPE_INTEGER},
    {"text", RELMAP_TYPE_TEXT},          {"time", RELMAP_TYPE_DATETIME},
    {"timestamp", RELMAP_TYPE_DATETIME}, {"timestamptz", RELMAP_TYPE_DATETIME},
    {"timetz", RELMAP_TYPE_DATETIME},    {"tinyblob", RELMAP_TYPE_BLOB},
    {"tinyint", RELMAP_TYPE_INTEGER},    {"tinytext", RELMAP_TYPE_TEXT},
    {"uuid", RELMAP_TYPE_UUID},          {"varbinary", RELMAP_TYPE_BLOB},
    {"varchar", RELMAP_TYPE_TEXT},       {"year", RELMAP_TYPE_DATETIME},
};

static int by_name(const void *a, const void *b)
{
    return strcmp(((const base_type *)a)->name, ((const base_type *)b)->name);
}

/*
 * The base name of a type: the words before any "(" or "[", lower case,
 * single-spaced, without MySQL's trailing UNSIGNED/SIGNED/ZEROFILL and
 * PostgreSQL's " WITH[OUT] TIME ZONE", into `out` (always NUL-terminated;
 * over-long names are cut and match nothing).
 */
static void base_name(const char *type, size_t len, char *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < len && type[i] != '(' && type[i] != '[' && n + 1 < cap; i++) {
        char c = (char)tolower((unsigned char)type[i]);
        if (isspace((unsigned char)c)) {
            if (n > 0 && out[n - 1] != ' ')
                out[n++] = ' ';
        } else {
            out[n++] = c;
        }
    }
    out[n] = '\0';
    static const char *const suffixes[] = {" zerofill", " unsigned", " signed", " with time zone",
                                           " without time zone"};
    for (int again = 1; again;) {
        again = 0;
        while (n > 0 && out[n - 1] == ' ')
            out[--n] = '\0';
        for (size_t s = 0; s < sizeof suffixes / sizeof suffixes[0]; s++) {
            size_t sl = strlen(suffixes[s]);
            if (n > sl && strcmp(out + n - sl, suffixes[s]) == 0) {
                n -= sl;
                out[n] = '\0';
                again = 1;
            }
        }
    }
}

relmap_type_family rm_type_family(relmap_dialect dialect, const char *type, size_t len)
{
    if (!type || is_blank(type, len))
        return RELMAP_TYPE_UNKNOWN;
    if (dialect == RELMAP_DIALECT_SQLITE || dialect == RELMAP_DIALECT_UNKNOWN)
        return rm_sqlite_affinity(type, len);
    char name[64];
    base_name(type, len, name, sizeof name);
    if (memchr(type, '[', len))
        return RELMAP_TYPE_OTHER; /* a PostgreSQL array */
    const base_type key = {name, RELMAP_TYPE_OTHER};
    const base_type *found = bsearch(&key, base_types, sizeof base_types / sizeof base_types[0],
                                     sizeof base_types[0], by_name);
    return found ? found->family : RELMAP_TYPE_OTHER;
}
