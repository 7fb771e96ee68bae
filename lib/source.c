/*
 * source.c - line maps and span locations.
 */
#include "source.h"

#include <string.h>

/* The offset just past the next newline at or after `from`, or 0 at the end
 * (memchr: this runs over every byte of every input). */
static size_t next_line(const relmap_source *src, size_t from)
{
    const char *nl = memchr(src->text + from, '\n', src->len - from);
    return nl ? (size_t)(nl - src->text) + 1 : 0;
}

void rm_source_index_lines(rm_arena *arena, relmap_source *src)
{
    size_t nlines = 1;
    for (size_t at = next_line(src, 0); at; at = next_line(src, at))
        nlines++;
    uint32_t *starts = rm_arena_alloc(arena, nlines * sizeof *starts);
    size_t n = 0;
    starts[n++] = 0;
    for (size_t at = next_line(src, 0); at; at = next_line(src, at))
        starts[n++] = (uint32_t)at;
    src->line_starts = starts;
    src->nlines = nlines;
}

void rm_source_position(const relmap_source *src, size_t offset, unsigned *line, unsigned *column)
{
    if (offset > src->len)
        offset = src->len;
    /* The last line start at or before offset: binary search. */
    size_t lo = 0, hi = src->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (src->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    *line = (unsigned)lo + 1;
    *column = (unsigned)(offset - src->line_starts[lo]) + 1;
}

int relmap_span_locate(const relmap_model *model, relmap_span span, relmap_location *out)
{
    memset(out, 0, sizeof *out);
    if (span.source == RELMAP_NO_SOURCE || span.source >= model->nsources)
        return RELMAP_EINVAL;
    const relmap_source *src = &model->sources[span.source];
    rm_source_position(src, span.start, &out->line, &out->column);
    out->path = src->path;
    size_t start = src->line_starts[out->line - 1];
    size_t end = start;
    while (end < src->len && src->text[end] != '\n')
        end++;
    if (end > start && src->text[end - 1] == '\r')
        end--;
    out->line_text = src->text + start;
    out->line_len = end - start;
    return 0;
}
