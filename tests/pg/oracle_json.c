/*
 * oracle_json.c - JSON reader and schema facts for the oracles (see
 * oracle_json.h).
 */
#include "oracle_json.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- a growable string ---- */

typedef struct sbuf {
    char *data;
    size_t len, cap;
} sbuf;

static void sb_addn(sbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        while (b->len + n + 1 > b->cap)
            b->cap = b->cap ? b->cap * 2 : 64;
        b->data = realloc(b->data, b->cap);
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void sb_add(sbuf *b, const char *s)
{
    sb_addn(b, s, strlen(s));
}

static void sb_addc(sbuf *b, char c)
{
    sb_addn(b, &c, 1);
}

/* ---- JSON reader: recursive descent over the whole text ---- */

typedef struct parser {
    const char *text, *p;
    char *error;
    int depth;
} parser;

#define OJ_MAX_DEPTH 64

static int fail(parser *ps, const char *what)
{
    if (!ps->error) {
        char msg[160];
        snprintf(msg, sizeof msg, "JSON: %s at byte %zu", what, (size_t)(ps->p - ps->text));
        ps->error = strdup(msg);
    }
    return -1;
}

static void skip_ws(parser *ps)
{
    while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r')
        ps->p++;
}

static int hex4(const char *p, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        int c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

static void put_utf8(sbuf *b, unsigned cp)
{
    char u[4];
    if (cp < 0x80) {
        sb_addc(b, (char)cp);
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        sb_addn(b, u, 2);
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        sb_addn(b, u, 3);
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        sb_addn(b, u, 4);
    }
}

/* A string at ps->p (on its opening quote) into *out (malloc'd). */
static int parse_string(parser *ps, char **out)
{
    sbuf b = {0};
    sb_add(&b, "");
    ps->p++;
    for (;;) {
        char c = *ps->p;
        if (c == '"')
            break;
        if (c == '\0' || (unsigned char)c < 0x20) {
            free(b.data);
            return fail(ps, "unterminated string");
        }
        if (c != '\\') {
            sb_addc(&b, c);
            ps->p++;
            continue;
        }
        char e = ps->p[1];
        ps->p += 2;
        switch (e) {
        case '"':
        case '\\':
        case '/':
            sb_addc(&b, e);
            break;
        case 'b':
            sb_addc(&b, '\b');
            break;
        case 'f':
            sb_addc(&b, '\f');
            break;
        case 'n':
            sb_addc(&b, '\n');
            break;
        case 'r':
            sb_addc(&b, '\r');
            break;
        case 't':
            sb_addc(&b, '\t');
            break;
        case 'u': {
            unsigned cp, lo;
            if (hex4(ps->p, &cp) != 0) {
                free(b.data);
                return fail(ps, "bad \\u escape");
            }
            ps->p += 4;
            /* A surrogate pair is one code point. */
            if (cp >= 0xD800 && cp < 0xDC00 && ps->p[0] == '\\' && ps->p[1] == 'u' &&
                hex4(ps->p + 2, &lo) == 0 && lo >= 0xDC00 && lo < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                ps->p += 6;
            }
            put_utf8(&b, cp);
            break;
        }
        default:
            free(b.data);
            return fail(ps, "bad escape");
        }
    }
    ps->p++;
    *out = b.data;
    return 0;
}

static int parse_value(parser *ps, oj_value *v);

static int parse_container(parser *ps, oj_value *v, bool object)
{
    char close = object ? '}' : ']';
    v->kind = object ? OJ_OBJECT : OJ_ARRAY;
    if (++ps->depth > OJ_MAX_DEPTH)
        return fail(ps, "nested too deeply");
    ps->p++;
    skip_ws(ps);
    if (*ps->p == close) {
        ps->p++;
        ps->depth--;
        return 0;
    }
    size_t cap = 0;
    for (;;) {
        if (v->n == cap) {
            cap = cap ? cap * 2 : 8;
            v->items = realloc(v->items, cap * sizeof *v->items);
            if (object)
                v->keys = realloc(v->keys, cap * sizeof *v->keys);
        }
        skip_ws(ps);
        if (object) {
            if (*ps->p != '"')
                return fail(ps, "expected a key");
            if (parse_string(ps, &v->keys[v->n]) != 0)
                return -1;
            skip_ws(ps);
            if (*ps->p != ':') {
                free(v->keys[v->n]);
                return fail(ps, "expected ':'");
            }
            ps->p++;
        }
        memset(&v->items[v->n], 0, sizeof v->items[v->n]);
        /* Counted before parsing so that oj_free sees a half-built item. */
        v->n++;
        if (parse_value(ps, &v->items[v->n - 1]) != 0)
            return -1;
        skip_ws(ps);
        if (*ps->p == ',') {
            ps->p++;
            continue;
        }
        if (*ps->p == close) {
            ps->p++;
            ps->depth--;
            return 0;
        }
        return fail(ps, object ? "expected ',' or '}'" : "expected ',' or ']'");
    }
}

static int parse_value(parser *ps, oj_value *v)
{
    skip_ws(ps);
    const char *p = ps->p;
    if (*p == '{' || *p == '[')
        return parse_container(ps, v, *p == '{');
    if (*p == '"') {
        v->kind = OJ_STRING;
        return parse_string(ps, &v->text);
    }
    if (strncmp(p, "null", 4) == 0) {
        v->kind = OJ_NULL;
        ps->p += 4;
        return 0;
    }
    if (strncmp(p, "true", 4) == 0 || strncmp(p, "false", 5) == 0) {
        v->kind = OJ_BOOL;
        v->boolean = *p == 't';
        ps->p += v->boolean ? 4 : 5;
        return 0;
    }
    size_t n = strspn(p, "-+.0123456789eE");
    if (n == 0)
        return fail(ps, "unexpected character");
    v->kind = OJ_NUMBER;
    v->text = strndup(p, n);
    ps->p += n;
    return 0;
}

static void free_members(oj_value *v)
{
    for (size_t i = 0; i < v->n; i++) {
        free_members(&v->items[i]);
        if (v->kind == OJ_OBJECT)
            free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    free(v->text);
}

void oj_free(oj_value *v)
{
    if (!v)
        return;
    free_members(v);
    free(v);
}

oj_value *oj_parse(const char *text, char **error)
{
    parser ps = {text, text, NULL, 0};
    oj_value *v = calloc(1, sizeof *v);
    if (parse_value(&ps, v) == 0) {
        skip_ws(&ps);
        if (*ps.p != '\0')
            fail(&ps, "text after the document");
    }
    if (ps.error) {
        oj_free(v);
        if (error)
            *error = ps.error;
        else
            free(ps.error);
        return NULL;
    }
    return v;
}

const oj_value *oj_get(const oj_value *v, const char *key)
{
    if (!v || v->kind != OJ_OBJECT)
        return NULL;
    for (size_t i = 0; i < v->n; i++)
        if (strcmp(v->keys[i], key) == 0)
            return &v->items[i];
    return NULL;
}

/* ---- types ---- */

static const struct {
    const char *alias, *name;
} type_aliases[] = {
    {"int", "integer"},
    {"int4", "integer"},
    {"serial", "integer"},
    {"serial4", "integer"},
    {"int8", "bigint"},
    {"bigserial", "bigint"},
    {"serial8", "bigint"},
    {"int2", "smallint"},
    {"smallserial", "smallint"},
    {"serial2", "smallint"},
    {"varchar", "character varying"},
    {"char", "character"},
    {"bpchar", "character"},
    {"bool", "boolean"},
    {"float8", "double precision"},
    {"float", "double precision"},
    {"float4", "real"},
    {"decimal", "numeric"},
    {"timestamp", "timestamp without time zone"},
    {"timestamptz", "timestamp with time zone"},
    {"time", "time without time zone"},
    {"timetz", "time with time zone"},
    {"varbit", "bit varying"},
};

void of_type_norm(const char *type, char *out, size_t cap)
{
    sbuf flat = {0}, mods = {0};
    sb_add(&flat, "");
    sb_add(&mods, "");
    bool array = false;
    /* Lower case, quotes dropped, one space between words; the first
     * (...) group, without spaces, set apart as the modifiers. */
    for (const char *p = type; *p; p++) {
        char c = (char)tolower((unsigned char)*p);
        if (c == '"')
            continue;
        if (c == '(') {
            sbuf *into = mods.len == 0 ? &mods : &flat;
            int depth = 0;
            for (; *p; p++) {
                if (isspace((unsigned char)*p))
                    continue;
                sb_addc(into, (char)tolower((unsigned char)*p));
                if (*p == '(')
                    depth++;
                else if (*p == ')' && --depth == 0)
                    break;
            }
            if (!*p)
                break;
            continue;
        }
        if (c == '[') {
            /* int[], int[3][4]: PostgreSQL keeps no sizes. */
            array = true;
            while (*p && *p != ']')
                p++;
            if (!*p)
                break;
            continue;
        }
        if (isspace((unsigned char)c)) {
            if (flat.len > 0 && flat.data[flat.len - 1] != ' ')
                sb_addc(&flat, ' ');
            continue;
        }
        sb_addc(&flat, c);
    }
    while (flat.len > 0 && flat.data[flat.len - 1] == ' ')
        flat.data[--flat.len] = '\0';
    /* `int ARRAY` is `int[]`. */
    if (flat.len > 6 && strcmp(flat.data + flat.len - 6, " array") == 0) {
        array = true;
        flat.data[flat.len -= 6] = '\0';
    }
    const char *base = flat.data;
    if (strncmp(base, "pg_catalog.", 11) == 0)
        base += 11;
    else if (strncmp(base, "public.", 7) == 0)
        base += 7;
    for (size_t i = 0; i < sizeof type_aliases / sizeof type_aliases[0]; i++)
        if (strcmp(base, type_aliases[i].alias) == 0) {
            base = type_aliases[i].name;
            break;
        }
    /* Defaults the catalog spells out: char is char(1), bit is bit(1). */
    if (mods.len == 0 && (strcmp(base, "character") == 0 || strcmp(base, "bit") == 0))
        sb_add(&mods, "(1)");
    /* timestamp(3) with time zone: the modifier goes after the first word. */
    const char *rest = "";
    size_t head = strlen(base);
    if (strncmp(base, "timestamp ", 10) == 0 || strncmp(base, "time ", 5) == 0) {
        head = (size_t)(strchr(base, ' ') - base);
        rest = base + head;
    }
    snprintf(out, cap, "%.*s%s%s%s", (int)head, base, mods.data, rest, array ? "[]" : "");
    free(flat.data);
    free(mods.data);
}

/* ---- facts ---- */

/* A name lower-cased, in double quotes, with " and \ escaped. */
static void add_name(sbuf *b, const char *name)
{
    sb_addc(b, '"');
    for (const char *p = name; *p; p++) {
        if (*p == '"' || *p == '\\')
            sb_addc(b, '\\');
        sb_addc(b, (char)tolower((unsigned char)*p));
    }
    sb_addc(b, '"');
}

static const char *str_or(const oj_value *v, const char *fallback)
{
    return v && v->kind == OJ_STRING ? v->text : fallback;
}

static void add_qualified(sbuf *b, const oj_value *schema, const oj_value *name)
{
    add_name(b, str_or(schema, "public"));
    sb_addc(b, '.');
    add_name(b, str_or(name, "?"));
}

/* A plain column name is `[A-Za-z_][A-Za-z0-9_$ ]*` as stored; anything
 * with punctuation is an expression. */
static bool is_expression(const char *s)
{
    return strpbrk(s, "()+-*/|:'=<>,") != NULL;
}

/* ("a","b") for a list of names; `*` for a missing or empty one when
 * `empty_wild`; index expressions as `expr`. */
static void add_list(sbuf *b, const oj_value *list, bool empty_wild)
{
    if (!list || list->kind != OJ_ARRAY || (empty_wild && list->n == 0)) {
        sb_add(b, "*");
        return;
    }
    sb_addc(b, '(');
    for (size_t i = 0; i < list->n; i++) {
        if (i)
            sb_addc(b, ',');
        const char *s = str_or(&list->items[i], "?");
        if (is_expression(s))
            sb_add(b, "expr");
        else
            add_name(b, s);
    }
    sb_addc(b, ')');
}

/* A string field in quotes; null as `none_word` (itself quoted unless
 * bare); missing as `*`. */
static void add_field(sbuf *b, const oj_value *v, const char *none_word)
{
    if (!v)
        sb_add(b, "*");
    else if (v->kind == OJ_STRING) {
        sb_addc(b, '"');
        sb_add(b, v->text);
        sb_addc(b, '"');
    } else
        sb_add(b, none_word);
}

typedef struct lines {
    char **v;
    size_t n, cap;
} lines;

static void push(lines *l, sbuf *b)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 32;
        l->v = realloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = b->data;
    memset(b, 0, sizeof *b);
}

/* Starts a fact: "<what> "schema"."table"". */
static void begin(sbuf *b, const char *what, const oj_value *t)
{
    sb_add(b, what);
    sb_addc(b, ' ');
    add_qualified(b, oj_get(t, "schema"), oj_get(t, "name"));
}

static void column_facts(lines *out, const oj_value *t)
{
    const oj_value *cols = oj_get(t, "columns");
    for (size_t i = 0; cols && cols->kind == OJ_ARRAY && i < cols->n; i++) {
        const oj_value *c = &cols->items[i];
        const oj_value *type = oj_get(c, "type"), *nullable = oj_get(c, "nullable");
        const oj_value *pk = oj_get(c, "primary_key");
        sbuf b = {0};
        char num[32], norm[256];
        begin(&b, "column", t);
        snprintf(num, sizeof num, " %zu ", i + 1);
        sb_add(&b, num);
        add_name(&b, str_or(oj_get(c, "name"), "?"));
        sb_addc(&b, ' ');
        if (type && type->kind == OJ_STRING) {
            of_type_norm(type->text, norm, sizeof norm);
            sb_addc(&b, '"');
            sb_add(&b, norm);
            sb_addc(&b, '"');
        } else {
            sb_add(&b, "*");
        }
        sb_add(&b,
               nullable && nullable->kind == OJ_BOOL && !nullable->boolean ? " notnull" : " null");
        sb_add(&b, pk && pk->kind == OJ_BOOL && pk->boolean ? " pk" : " -");
        push(out, &b);
    }
}

static void key_facts(lines *out, const oj_value *t)
{
    const oj_value *pk = oj_get(t, "primary_key");
    if (pk && pk->kind == OJ_ARRAY && pk->n > 0) {
        sbuf b = {0};
        begin(&b, "pk", t);
        sb_addc(&b, ' ');
        add_list(&b, pk, false);
        push(out, &b);
    }
    const oj_value *uniques = oj_get(t, "unique");
    for (size_t i = 0; uniques && uniques->kind == OJ_ARRAY && i < uniques->n; i++) {
        sbuf b = {0};
        begin(&b, "unique", t);
        sb_addc(&b, ' ');
        add_list(&b, &uniques->items[i], false);
        push(out, &b);
    }
    const oj_value *indexes = oj_get(t, "indexes");
    for (size_t i = 0; indexes && indexes->kind == OJ_ARRAY && i < indexes->n; i++) {
        const oj_value *ix = &indexes->items[i];
        const oj_value *unique = oj_get(ix, "unique"), *where = oj_get(ix, "where");
        sbuf b = {0};
        begin(&b, "index", t);
        sb_addc(&b, ' ');
        const oj_value *name = oj_get(ix, "name");
        if (name && name->kind == OJ_STRING)
            add_name(&b, name->text);
        else
            sb_add(&b, "*");
        sb_add(&b, unique && unique->kind == OJ_BOOL && unique->boolean ? " unique " : " plain ");
        add_list(&b, oj_get(ix, "columns"), false);
        sb_add(&b, !where ? " *" : where->kind == OJ_STRING ? " partial" : " full");
        push(out, &b);
    }
}

static void fk_facts(lines *out, const oj_value *t)
{
    const oj_value *fks = oj_get(t, "foreign_keys");
    for (size_t i = 0; fks && fks->kind == OJ_ARRAY && i < fks->n; i++) {
        const oj_value *fk = &fks->items[i];
        sbuf b = {0};
        begin(&b, "fk", t);
        sb_addc(&b, ' ');
        const oj_value *name = oj_get(fk, "name");
        if (name && name->kind == OJ_STRING)
            add_name(&b, name->text);
        else
            sb_add(&b, "*");
        sb_addc(&b, ' ');
        add_list(&b, oj_get(fk, "columns"), false);
        sb_add(&b, " -> ");
        add_qualified(&b, oj_get(fk, "ref_schema"), oj_get(fk, "ref_table"));
        sb_addc(&b, ' ');
        add_list(&b, oj_get(fk, "ref_columns"), true);
        sb_add(&b, " delete=");
        add_field(&b, oj_get(fk, "on_delete"), "\"NO ACTION\"");
        sb_add(&b, " update=");
        add_field(&b, oj_get(fk, "on_update"), "\"NO ACTION\"");
        sb_add(&b, " deferrable=");
        add_field(&b, oj_get(fk, "deferrable"), "no");
        push(out, &b);
    }
}

static int cmp_lines(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int of_facts_from(of_facts *out, const oj_value *doc)
{
    out->lines = NULL;
    out->n = 0;
    const oj_value *tables = oj_get(doc, "tables");
    if (!tables || tables->kind != OJ_ARRAY)
        return -1;
    lines l = {0};
    for (size_t i = 0; i < tables->n; i++) {
        const oj_value *t = &tables->items[i];
        if (strcmp(str_or(oj_get(t, "kind"), "table"), "table") != 0)
            continue;
        sbuf b = {0};
        begin(&b, "table", t);
        push(&l, &b);
        column_facts(&l, t);
        key_facts(&l, t);
        fk_facts(&l, t);
    }
    if (l.n > 0)
        qsort(l.v, l.n, sizeof *l.v, cmp_lines);
    out->lines = l.v;
    out->n = l.n;
    return 0;
}

void of_facts_free(of_facts *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->lines[i]);
    free(f->lines);
    f->lines = NULL;
    f->n = 0;
}

/* Past one token: a quoted name, a (list), or a bare word. */
static const char *skip_token(const char *p)
{
    if (*p == '"') {
        for (p++; *p && *p != '"'; p++)
            if (*p == '\\' && p[1])
                p++;
        return *p ? p + 1 : p;
    }
    if (*p == '(') {
        int depth = 0;
        for (; *p; p++) {
            if (*p == '"')
                p = skip_token(p) - 1;
            else if (*p == '(')
                depth++;
            else if (*p == ')' && --depth == 0)
                return p + 1;
        }
        return p;
    }
    while (*p && *p != ' ')
        p++;
    return p;
}

static bool is_wild(const char *p, const char *start)
{
    return *p == '*' && (p == start || p[-1] == ' ' || p[-1] == '=') &&
           (p[1] == ' ' || p[1] == '\0');
}

/* Two facts agree, a `*` token on either side matching any one token. */
static bool facts_match(const char *a, const char *b)
{
    const char *a0 = a, *b0 = b;
    while (*a && *b) {
        if (is_wild(a, a0)) {
            a++;
            b = skip_token(b);
        } else if (is_wild(b, b0)) {
            b++;
            a = skip_token(a);
        } else if (*a == *b) {
            a++;
            b++;
        } else {
            return false;
        }
    }
    return *a == '\0' && *b == '\0';
}

static void report_line(sbuf *r, const char *mark, const char *line)
{
    sb_add(r, mark);
    sb_add(r, line);
    sb_addc(r, '\n');
}

size_t of_compare(const of_facts *expected, const of_facts *actual, char **report)
{
    bool *used = calloc(actual->n + 1, sizeof *used);
    sbuf r = {0};
    sb_add(&r, *report ? *report : "");
    free(*report);
    size_t misses = 0;
    for (size_t i = 0; i < expected->n; i++) {
        size_t j = 0;
        while (j < actual->n && (used[j] || !facts_match(expected->lines[i], actual->lines[j])))
            j++;
        if (j < actual->n) {
            used[j] = true;
        } else {
            report_line(&r, "- catalog only: ", expected->lines[i]);
            misses++;
        }
    }
    for (size_t j = 0; j < actual->n; j++)
        if (!used[j]) {
            report_line(&r, "+ relmap only:  ", actual->lines[j]);
            misses++;
        }
    free(used);
    *report = r.data;
    return misses;
}

/* Whether `name` is a table or column name of `doc`, verbatim. */
static bool has_name(const oj_value *doc, const char *name)
{
    const oj_value *tables = oj_get(doc, "tables");
    for (size_t i = 0; tables && tables->kind == OJ_ARRAY && i < tables->n; i++) {
        const oj_value *t = &tables->items[i];
        if (strcmp(str_or(oj_get(t, "name"), ""), name) == 0)
            return true;
        const oj_value *cols = oj_get(t, "columns");
        for (size_t k = 0; cols && cols->kind == OJ_ARRAY && k < cols->n; k++)
            if (strcmp(str_or(oj_get(&cols->items[k], "name"), ""), name) == 0)
                return true;
    }
    return false;
}

static bool has_upper(const char *s)
{
    for (; *s; s++)
        if (isupper((unsigned char)*s))
            return true;
    return false;
}

static size_t check_exact(const char *name, const oj_value *actual, sbuf *r)
{
    if (!has_upper(name) || has_name(actual, name))
        return 0;
    sb_add(r, "- quoted name not kept verbatim: \"");
    sb_add(r, name);
    sb_add(r, "\"\n");
    return 1;
}

size_t oj_exact_names(const oj_value *expected, const oj_value *actual, char **report)
{
    sbuf r = {0};
    sb_add(&r, *report ? *report : "");
    free(*report);
    size_t misses = 0;
    const oj_value *tables = oj_get(expected, "tables");
    for (size_t i = 0; tables && tables->kind == OJ_ARRAY && i < tables->n; i++) {
        const oj_value *t = &tables->items[i];
        misses += check_exact(str_or(oj_get(t, "name"), ""), actual, &r);
        const oj_value *cols = oj_get(t, "columns");
        for (size_t k = 0; cols && cols->kind == OJ_ARRAY && k < cols->n; k++)
            misses += check_exact(str_or(oj_get(&cols->items[k], "name"), ""), actual, &r);
    }
    *report = r.data;
    return misses;
}
