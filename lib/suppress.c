/*
 * suppress.c - inline suppression comments (see relmap/filter.h).
 *
 * The comments are found in the model's source texts, not by the readers:
 * every input kind gets them the same way, and a reader cannot forget them.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "arena.h"
#include "relmap/filter.h"
#include "report_formats.h"
#include "source.h"

#define MARKER "relmap:"

typedef struct entry {
    const char *text; /* into the source; not NUL-terminated */
    size_t len;
    const relmap_rule *rule; /* NULL: unknown */
    bool used;
} entry;

typedef struct comment {
    uint32_t source;
    unsigned line;
    relmap_span span;
    bool file_wide;
    bool all;  /* no brackets */
    bool used; /* for `all` */
    entry *entries;
    size_t nentries;
} comment;

typedef struct comments {
    comment *items;
    size_t count, cap;
} comments;

static bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* Whether a `#` or `--` comment leader stands before `at` on its line. */
static bool after_leader(const char *line, const char *at)
{
    for (const char *p = line; p < at; p++)
        if (*p == '#' || (*p == '-' && p + 1 < at && p[1] == '-'))
            return true;
    return false;
}

static const relmap_rule *find_rule(const char *text, size_t len)
{
    char name[64];
    if (len == 0 || len >= sizeof name)
        return NULL;
    memcpy(name, text, len);
    name[len] = '\0';
    return relmap_rule_find(name);
}

/* Parses "ignore[...]" / "ignore-file[...]" after the marker at `p`;
 * false when the text is something else. */
static bool parse_comment(comment *c, const char *p, const char *end)
{
    while (p < end && is_space(*p))
        p++;
    static const char ignore[] = "ignore", file[] = "-file";
    if ((size_t)(end - p) < sizeof ignore - 1 || memcmp(p, ignore, sizeof ignore - 1) != 0)
        return false;
    p += sizeof ignore - 1;
    if ((size_t)(end - p) >= sizeof file - 1 && memcmp(p, file, sizeof file - 1) == 0) {
        c->file_wide = true;
        p += sizeof file - 1;
    }
    if (p == end || *p != '[') {
        /* A bare ignore: the word must end here ("ignored" is prose). */
        c->all = p == end || is_space(*p) || (*p && strchr("#-\r\n", *p));
        return c->all;
    }
    const char *close = memchr(p, ']', (size_t)(end - p));
    if (!close)
        return false;
    size_t cap = 0;
    for (const char *q = p + 1; q < close;) {
        while (q < close && (is_space(*q) || *q == ','))
            q++;
        const char *w = q;
        while (q < close && !is_space(*q) && *q != ',')
            q++;
        if (q == w)
            continue;
        c->entries = rm_grow(c->entries, &cap, c->nentries + 1, sizeof *c->entries);
        entry *e = &c->entries[c->nentries++];
        e->text = w;
        e->len = (size_t)(q - w);
        e->rule = find_rule(w, e->len);
        e->used = false;
    }
    /* "ignore[]" ignores nothing; keep it so that it shows as unused. */
    return true;
}

static void scan_source(comments *out, const relmap_model *model, uint32_t index)
{
    const relmap_source *src = &model->sources[index];
    for (size_t ln = 0; ln < src->nlines; ln++) {
        const char *line = src->text + src->line_starts[ln];
        const char *end =
            ln + 1 < src->nlines ? src->text + src->line_starts[ln + 1] : src->text + src->len;
        for (const char *p = line; p < end;) {
            const char *m = memchr(p, 'r', (size_t)(end - p));
            if (!m)
                break;
            p = m + 1;
            if ((size_t)(end - m) < sizeof MARKER - 1 ||
                memcmp(m, MARKER, sizeof MARKER - 1) != 0 || !after_leader(line, m))
                continue;
            comment c;
            memset(&c, 0, sizeof c);
            if (!parse_comment(&c, m + sizeof MARKER - 1, end)) {
                free(c.entries);
                continue;
            }
            c.source = index;
            c.line = (unsigned)ln + 1;
            size_t stop = (size_t)(end - src->text);
            while (stop > (size_t)(m - src->text) && strchr("\r\n", src->text[stop - 1]))
                stop--;
            c.span = (relmap_span){index, (uint32_t)(m - src->text), (uint32_t)stop};
            out->items = rm_grow(out->items, &out->cap, out->count + 1, sizeof *out->items);
            out->items[out->count++] = c;
        }
    }
}

/* Whether comment `c` covers a finding of `rule` in the file `path` at
 * (source, line); marks what matched as used. */
static bool covers(comment *c, const relmap_model *model, const relmap_rule *rule, const char *path,
                   uint32_t source, unsigned line)
{
    if (c->file_wide) {
        if (!path || strcmp(model->sources[c->source].path, path) != 0)
            return false;
    } else if (c->source != source || (line != c->line && line != c->line + 1)) {
        return false;
    }
    if (c->all) {
        c->used = true;
        return true;
    }
    bool hit = false;
    for (size_t i = 0; i < c->nentries; i++)
        if (c->entries[i].rule == rule) {
            c->entries[i].used = true;
            hit = true;
        }
    return hit;
}

struct relmap_suppress_internal {
    rm_arena *arena; /* the entries' texts */
};

static void add_unused(relmap_suppress_result *r, size_t *cap, const comment *c, const entry *e)
{
    r->unused = rm_grow(r->unused, cap, r->nunused + 1, sizeof *r->unused);
    relmap_unused_ignore *u = &r->unused[r->nunused++];
    u->span = c->span;
    u->file_wide = c->file_wide;
    u->known = !e || e->rule != NULL;
    u->rule = e ? rm_arena_strndup(r->internal->arena, e->text, e->len) : NULL;
}

int relmap_suppress(relmap_findings *findings, const relmap_model *model,
                    relmap_suppress_result **out)
{
    comments cs = {NULL, 0, 0};
    for (uint32_t s = 0; s < model->nsources; s++)
        scan_source(&cs, model, s);

    size_t kept = 0, suppressed = 0;
    for (size_t i = 0; i < findings->count; i++) {
        relmap_finding *f = &findings->items[i];
        unsigned line = 0, column;
        uint32_t source = f->span.source;
        if (source < model->nsources)
            rm_source_position(&model->sources[source], f->span.start, &line, &column);
        const char *path = rm_finding_path(model, f);
        bool hit = false;
        /* Every comment is tried, so that each one that applies is used. */
        for (size_t k = 0; k < cs.count; k++)
            hit = covers(&cs.items[k], model, f->rule, path, source, line) || hit;
        if (hit)
            suppressed++;
        else
            findings->items[kept++] = *f;
    }
    findings->count = kept;

    if (out) {
        relmap_suppress_result *r = rm_calloc(1, sizeof *r);
        r->internal = rm_calloc(1, sizeof *r->internal);
        r->internal->arena = rm_arena_new();
        size_t cap = 0;
        r->suppressed = suppressed;
        for (size_t k = 0; k < cs.count; k++) {
            const comment *c = &cs.items[k];
            if (c->all && !c->used)
                add_unused(r, &cap, c, NULL);
            for (size_t i = 0; i < c->nentries; i++) {
                const entry *e = &c->entries[i];
                /* A rule that did not run may well be needed here. */
                if (!e->used && (!e->rule || relmap_findings_rule_ran(findings, e->rule)))
                    add_unused(r, &cap, c, e);
            }
            if (!c->all && c->nentries == 0)
                add_unused(r, &cap, c, NULL);
        }
        *out = r;
    }
    for (size_t k = 0; k < cs.count; k++)
        free(cs.items[k].entries);
    free(cs.items);
    return 0;
}

void relmap_suppress_result_free(relmap_suppress_result *result)
{
    if (!result)
        return;
    rm_arena_free(result->internal->arena);
    free(result->internal);
    free(result->unused);
    free(result);
}
