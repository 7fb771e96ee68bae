/*
 * baseline.c - accepted findings, keyed by rule and names (see
 * relmap/filter.h). The file is the JSON that relmap_baseline_write
 * prints; it is read back with libyaml, since JSON of this shape is YAML.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "error.h"
#include "escape.h"
#include "json_write.h"
#include "relmap/filter.h"
#include "strmap.h"
#include "yaml_doc.h"

#define FORMAT_VERSION 1

/* The names of a key, in a fixed order; NULL where they do not apply. */
enum { K_RULE, K_TABLE, K_COLUMN, K_CLASS, K_ATTRIBUTE, K_COUNT };
static const char *const key_names[K_COUNT] = {"rule", "table", "column_name", "class",
                                               "attribute"};

typedef struct key_entry {
    const char *fields[K_COUNT];
    size_t count;
} key_entry;

struct relmap_baseline {
    rm_arena *arena;
    rm_strmap *by_key; /* joined key -> key_entry */
};

static void finding_fields(const relmap_finding *f, const char *fields[K_COUNT])
{
    fields[K_RULE] = f->rule->id;
    fields[K_TABLE] = f->table;
    fields[K_COLUMN] = f->column;
    fields[K_CLASS] = f->class_name;
    fields[K_ATTRIBUTE] = f->attribute;
}

/*
 * A name as the baseline file holds it: the JSON writer writes invalid
 * UTF-8 as U+FFFD, so a finding's name is compared in that form, or a
 * name with a stray byte would never match its own baseline entry.
 */
static void add_as_written(rm_buf *b, const char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t step = rm_utf8_decode(s + i, len - i, &cp);
        if (cp < 0)
            rm_buf_adds(b, RM_UTF8_REPLACEMENT);
        else
            rm_buf_add(b, s + i, step);
        i += step;
    }
}

/* The fields joined into one string: each prefixed by a tag byte that
 * tells NULL from "" and followed by 0x1F; a 0x1F inside a name is
 * doubled, so that no two keys join into the same string. */
static void join_key(rm_buf *b, const char *const fields[K_COUNT])
{
    rm_buf_clear(b);
    rm_buf tmp = RM_BUF_INIT;
    for (int i = 0; i < K_COUNT; i++) {
        rm_buf_addc(b, fields[i] ? 's' : 'n');
        if (fields[i]) {
            rm_buf_clear(&tmp);
            add_as_written(&tmp, fields[i]);
            for (size_t k = 0; k < tmp.len; k++) {
                if (tmp.data[k] == '\x1F')
                    rm_buf_addc(b, '\x1F');
                rm_buf_addc(b, tmp.data[k]);
            }
        }
        rm_buf_addc(b, '\x1F');
    }
    rm_buf_free(&tmp);
}

static int compare_entries(const void *a, const void *b)
{
    const key_entry *x = a, *y = b;
    for (int i = 0; i < K_COUNT; i++) {
        const char *s = x->fields[i], *t = y->fields[i];
        if (!s || !t) {
            if (s != t)
                return s ? 1 : -1;
            continue;
        }
        int c = strcmp(s, t);
        if (c)
            return c;
    }
    return 0;
}

int relmap_baseline_write(const relmap_findings *findings, relmap_write_fn write, void *payload)
{
    rm_strmap *seen = rm_strmap_new(false);
    rm_arena *arena = rm_arena_new();
    key_entry *entries = NULL;
    size_t n = 0, cap = 0;
    rm_buf key = RM_BUF_INIT;
    for (size_t i = 0; i < findings->count; i++) {
        const char *fields[K_COUNT];
        finding_fields(&findings->items[i], fields);
        join_key(&key, fields);
        /* Indexes, not pointers: the array grows. */
        size_t *at = rm_strmap_get(seen, rm_buf_cstr(&key));
        if (at) {
            /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference): a key in `seen` has its entry */
            entries[*at].count++;
            continue;
        }
        entries = rm_grow(entries, &cap, n + 1, sizeof *entries);
        memcpy(entries[n].fields, fields, sizeof fields);
        entries[n].count = 1;
        size_t *index = rm_arena_alloc(arena, sizeof *index);
        *index = n++;
        rm_strmap_put(seen, rm_arena_strdup(arena, rm_buf_cstr(&key)), index);
    }
    if (n > 1)
        qsort(entries, n, sizeof *entries, compare_entries);

    rj_writer w;
    rj_init(&w, write, payload);
    rj_object_begin(&w);
    rj_member_int(&w, "relmap_baseline", FORMAT_VERSION);
    rj_key(&w, "findings");
    rj_array_begin(&w);
    for (size_t i = 0; i < n; i++) {
        rj_object_begin(&w);
        for (int k = 0; k < K_COUNT; k++)
            rj_member_string(&w, key_names[k], entries[i].fields[k]);
        rj_member_int(&w, "count", (int64_t)entries[i].count);
        rj_object_end(&w);
    }
    rj_array_end(&w);
    rj_object_end(&w);
    rm_buf_free(&key);
    free(entries);
    rm_arena_free(arena);
    rm_strmap_free(seen);
    return rj_finish(&w);
}

static yaml_node_t *member(rm_yaml *y, yaml_node_t *map, const char *name)
{
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        const char *k = rm_yaml_scalar(rm_yaml_node(y, p->key));
        if (k && strcmp(k, name) == 0)
            return rm_yaml_node(y, p->value);
    }
    return NULL;
}

static int parse_entry(relmap_baseline *b, rm_yaml *y, yaml_node_t *node, rm_buf *key)
{
    if (node->type != YAML_MAPPING_NODE)
        return rm_yaml_error(y, node, "a baseline entry must be an object");
    key_entry *e = rm_arena_alloc(b->arena, sizeof *e);
    memset(e, 0, sizeof *e);
    for (int k = 0; k < K_COUNT; k++) {
        yaml_node_t *v = member(y, node, key_names[k]);
        if (!v || rm_yaml_is_null(v)) {
            if (k == K_RULE)
                return rm_yaml_error(y, node, "a baseline entry needs a \"rule\"");
            continue;
        }
        if (!rm_yaml_scalar(v))
            return rm_yaml_error(y, v, "\"%s\" must be a string or null", key_names[k]);
        e->fields[k] = rm_arena_strdup(b->arena, rm_yaml_scalar(v));
    }
    yaml_node_t *count = member(y, node, "count");
    const char *text = rm_yaml_scalar(count);
    char *end = NULL;
    long value = text ? strtol(text, &end, 10) : 0;
    if (!text || end == text || *end || value < 1)
        return rm_yaml_error(y, count ? count : node, "\"count\" must be a positive integer");
    e->count = (size_t)value;
    join_key(key, e->fields);
    key_entry *had = rm_strmap_put(b->by_key, rm_arena_strdup(b->arena, rm_buf_cstr(key)), e);
    if (had)
        had->count += e->count;
    return 0;
}

int relmap_baseline_parse(relmap_baseline **out, const char *path, const char *text, size_t len)
{
    *out = NULL;
    rm_yaml y;
    int rc = rm_yaml_load(&y, path, text, len);
    if (rc < 0)
        return rc;
    relmap_baseline *b = rm_calloc(1, sizeof *b);
    b->arena = rm_arena_new();
    b->by_key = rm_strmap_new(false);
    yaml_node_t *root = rm_yaml_root(&y);
    yaml_node_t *items =
        root && root->type == YAML_MAPPING_NODE ? member(&y, root, "findings") : NULL;
    if (!root || !items || items->type != YAML_SEQUENCE_NODE) {
        rc = root ? rm_yaml_error(&y, root, "not a relmap baseline (no \"findings\" list)")
                  : rm_error(RELMAP_EFORMAT, "%s: empty file, not a relmap baseline", path);
    }
    rm_buf key = RM_BUF_INIT;
    /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference): rc < 0 when items is NULL */
    for (yaml_node_item_t *i = rc == 0 ? items->data.sequence.items.start : NULL;
         i && i < items->data.sequence.items.top && rc == 0; i++)
        rc = parse_entry(b, &y, rm_yaml_node(&y, *i), &key);
    rm_buf_free(&key);
    rm_yaml_free(&y);
    if (rc < 0) {
        relmap_baseline_free(b);
        return rc;
    }
    *out = b;
    return 0;
}

size_t relmap_baseline_apply(const relmap_baseline *baseline, relmap_findings *findings)
{
    /* What is left to accept per key; the baseline itself stays as read. */
    rm_strmap *left = rm_strmap_new(false);
    rm_arena *arena = rm_arena_new();
    rm_buf key = RM_BUF_INIT;
    size_t kept = 0, accepted = 0;
    for (size_t i = 0; i < findings->count; i++) {
        const char *fields[K_COUNT];
        finding_fields(&findings->items[i], fields);
        join_key(&key, fields);
        size_t *remaining = rm_strmap_get(left, rm_buf_cstr(&key));
        if (!remaining) {
            const key_entry *e = rm_strmap_get(baseline->by_key, rm_buf_cstr(&key));
            remaining = rm_arena_alloc(arena, sizeof *remaining);
            *remaining = e ? e->count : 0;
            rm_strmap_put(left, rm_arena_strdup(arena, rm_buf_cstr(&key)), remaining);
        }
        if (*remaining > 0) {
            (*remaining)--;
            accepted++;
        } else {
            findings->items[kept++] = findings->items[i];
        }
    }
    findings->count = kept;
    rm_buf_free(&key);
    rm_arena_free(arena);
    rm_strmap_free(left);
    return accepted;
}

void relmap_baseline_free(relmap_baseline *baseline)
{
    if (!baseline)
        return;
    rm_strmap_free(baseline->by_key);
    rm_arena_free(baseline->arena);
    free(baseline);
}
