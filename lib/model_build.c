/*
 * model_build.c - the builder every reader uses to fill a model.
 */
#include "model_build.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "source.h"

relmap_model *mb_model_new(void)
{
    relmap_model *model = rm_calloc(1, sizeof *model);
    model->internal = rm_calloc(1, sizeof *model->internal);
    model->internal->arena = rm_arena_new();
    return model;
}

rm_arena *mb_arena(relmap_model *model)
{
    return model->internal->arena;
}

const char *mb_str(relmap_model *model, const char *s)
{
    return s ? rm_arena_strdup(mb_arena(model), s) : NULL;
}

const char *mb_strn(relmap_model *model, const char *s, size_t len)
{
    return s ? rm_arena_strndup(mb_arena(model), s, len) : NULL;
}

static uint32_t add_source(relmap_model *model, const char *path, const char *text, size_t len)
{
    rm_arena *arena = mb_arena(model);
    relmap_source *src =
        rm_arena_push(arena, (void **)&model->sources, &model->nsources, sizeof *src);
    src->path = rm_arena_strdup(arena, path);
    src->text = text;
    src->len = len;
    rm_source_index_lines(arena, src);
    return (uint32_t)(model->nsources - 1);
}

uint32_t mb_source(relmap_model *model, const char *path, const char *text, size_t len)
{
    return add_source(model, path, rm_arena_strndup(mb_arena(model), text, len), len);
}

uint32_t mb_source_adopt(relmap_model *model, const char *path, char *text, size_t len)
{
    text[len] = '\0';
    rm_arena_adopt(mb_arena(model), text, len + 1);
    return add_source(model, path, text, len);
}

uint32_t mb_statement_source(relmap_model *model, const char *path, const char *text, size_t len)
{
    uint32_t index = mb_source(model, path, text, len);
    model->sources[index].statement = true;
    return index;
}

relmap_span mb_span(uint32_t source, size_t start, size_t end)
{
    relmap_span span = {source, (uint32_t)start, (uint32_t)end};
    return span;
}

relmap_span mb_no_span(void)
{
    return mb_span(RELMAP_NO_SOURCE, 0, 0);
}

relmap_table *mb_table(relmap_model *model, const char *schema, const char *name,
                       relmap_table_kind kind, relmap_span span)
{
    rm_arena *arena = mb_arena(model);
    relmap_table **slot =
        rm_arena_push(arena, (void **)&model->tables, &model->ntables, sizeof *slot);
    relmap_table *table = rm_arena_alloc(arena, sizeof *table);
    table->schema = mb_str(model, schema);
    table->name = mb_str(model, name);
    table->kind = kind;
    table->dialect = model->dialect;
    table->span = span;
    table->primary_key.span = mb_no_span();
    *slot = table;
    return table;
}

relmap_column *mb_column(relmap_model *model, relmap_table *table, const char *name,
                         const char *type, relmap_span span)
{
    relmap_column *col = rm_arena_push_recycled(mb_arena(model), (void **)&table->columns,
                                                &table->ncolumns, sizeof *col);
    col->name = mb_str(model, name);
    col->type = mb_str(model, type ? type : "");
    col->nullable = true;
    col->span = span;
    return col;
}

relmap_key *mb_primary_key(relmap_model *model, relmap_table *table, const char *name,
                           relmap_span span)
{
    table->primary_key.name = mb_str(model, name);
    table->primary_key.span = span;
    table->primary_key.columns = NULL;
    table->primary_key.ncolumns = 0;
    return &table->primary_key;
}

relmap_key *mb_unique(relmap_model *model, relmap_table *table, const char *name, relmap_span span)
{
    relmap_key *key = rm_arena_push_recycled(mb_arena(model), (void **)&table->uniques,
                                             &table->nuniques, sizeof *key);
    key->name = mb_str(model, name);
    key->span = span;
    return key;
}

static void push_colref(relmap_model *model, relmap_colref **array, size_t *n, const char *column,
                        const char *expr, relmap_span span)
{
    relmap_colref *ref = rm_arena_push_recycled(mb_arena(model), (void **)array, n, sizeof *ref);
    ref->name = mb_str(model, column);
    ref->expr = mb_str(model, expr);
    ref->span = span;
}

void mb_key_column(relmap_model *model, relmap_key *key, const char *column, relmap_span span)
{
    push_colref(model, &key->columns, &key->ncolumns, column, NULL, span);
}

relmap_index *mb_index(relmap_model *model, relmap_table *table, const char *name, bool unique,
                       relmap_span span)
{
    relmap_index *index = rm_arena_push_recycled(mb_arena(model), (void **)&table->indexes,
                                                 &table->nindexes, sizeof *index);
    index->name = mb_str(model, name);
    index->unique = unique;
    index->span = span;
    return index;
}

void mb_index_column(relmap_model *model, relmap_index *index, const char *column, const char *expr,
                     relmap_span span)
{
    push_colref(model, &index->columns, &index->ncolumns, column, expr, span);
}

relmap_fk *mb_fk(relmap_model *model, relmap_table *table, const char *name, const char *ref_schema,
                 const char *ref_table, relmap_span span)
{
    relmap_fk *fk =
        rm_arena_push_recycled(mb_arena(model), (void **)&table->fks, &table->nfks, sizeof *fk);
    fk->name = mb_str(model, name);
    fk->ref_schema = mb_str(model, ref_schema);
    fk->ref_table_name = mb_str(model, ref_table);
    fk->span = span;
    return fk;
}

relmap_fk *mb_declared_fk(relmap_model *model, relmap_table *table, const char *ref_table,
                          relmap_span span)
{
    relmap_fk *fk = mb_fk(model, table, NULL, NULL, ref_table, span);
    fk->declared = true;
    return fk;
}

void mb_fk_column(relmap_model *model, relmap_fk *fk, const char *column, relmap_span span)
{
    push_colref(model, &fk->columns, &fk->ncolumns, column, NULL, span);
}

void mb_fk_ref_column(relmap_model *model, relmap_fk *fk, const char *column, relmap_span span)
{
    push_colref(model, &fk->ref_columns, &fk->nref_columns, column, NULL, span);
}

relmap_fk_action mb_parse_action(const char *text)
{
    static const struct {
        const char *words;
        relmap_fk_action action;
    } actions[] = {
        {"NO ACTION", RELMAP_ACTION_NO_ACTION},     {"RESTRICT", RELMAP_ACTION_RESTRICT},
        {"CASCADE", RELMAP_ACTION_CASCADE},         {"SET NULL", RELMAP_ACTION_SET_NULL},
        {"SET DEFAULT", RELMAP_ACTION_SET_DEFAULT},
    };
    if (!text)
        return RELMAP_ACTION_UNSET;
    for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++) {
        /* Compare word by word: case-insensitive, any run of white space
         * between words, none around them. */
        const char *w = actions[i].words, *t = text;
        while (isspace((unsigned char)*t))
            t++;
        while (*w && *t) {
            if (*w == ' ') {
                if (!isspace((unsigned char)*t))
                    break;
                while (isspace((unsigned char)*t))
                    t++;
                w++;
            } else if (toupper((unsigned char)*t) == *w) {
                t++;
                w++;
            } else {
                break;
            }
        }
        while (isspace((unsigned char)*t))
            t++;
        if (!*w && !*t)
            return actions[i].action;
    }
    return RELMAP_ACTION_INVALID;
}

void mb_fk_on_delete(relmap_model *model, relmap_fk *fk, const char *text)
{
    fk->on_delete = mb_parse_action(text);
    fk->on_delete_text = mb_str(model, text);
}

void mb_fk_on_update(relmap_model *model, relmap_fk *fk, const char *text)
{
    fk->on_update = mb_parse_action(text);
    fk->on_update_text = mb_str(model, text);
}

relmap_fk_violations *mb_fk_violations(relmap_model *model, relmap_fk *fk)
{
    relmap_fk_violations *v = rm_arena_alloc(mb_arena(model), sizeof *v);
    fk->violations = v;
    return v;
}

relmap_check_constraint *mb_check(relmap_model *model, relmap_table *table, const char *name,
                                  const char *expr, relmap_span span)
{
    relmap_check_constraint *check = rm_arena_push_recycled(
        mb_arena(model), (void **)&table->checks, &table->nchecks, sizeof *check);
    check->name = mb_str(model, name);
    check->expr = mb_str(model, expr);
    check->span = span;
    return check;
}

void mb_syntax_error(relmap_model *model, relmap_span span, const char *message)
{
    struct relmap_model_internal *in = model->internal;
    if (in->errors_in_source == 0 || in->errors_source != span.source) {
        mb_syntax_errors_done(model);
        in->errors_source = span.source;
        in->errors_in_source = 0;
    }
    if (in->errors_in_source++ >= MB_MAX_SYNTAX_ERRORS)
        return;
    relmap_syntax_error *e = rm_arena_push(mb_arena(model), (void **)&model->syntax_errors,
                                           &model->nsyntax_errors, sizeof *e);
    e->span = span;
    e->message = mb_str(model, message);
}

void mb_syntax_errors_uncounted(relmap_model *model, size_t n)
{
    model->internal->errors_in_source += n;
}

void mb_syntax_errors_done(relmap_model *model)
{
    struct relmap_model_internal *in = model->internal;
    if (in->errors_in_source <= MB_MAX_SYNTAX_ERRORS || model->nsyntax_errors == 0) {
        in->errors_in_source = 0;
        return;
    }
    relmap_syntax_error *last = &model->syntax_errors[model->nsyntax_errors - 1];
    last->message = rm_arena_printf(mb_arena(model),
                                    "%s (and %zu more syntax errors in this file, not shown: "
                                    "relmap keeps the first %d)",
                                    last->message, in->errors_in_source - MB_MAX_SYNTAX_ERRORS,
                                    MB_MAX_SYNTAX_ERRORS);
    in->errors_in_source = 0;
}

relmap_class *mb_class(relmap_model *model, const char *module, const char *name, relmap_span span)
{
    rm_arena *arena = mb_arena(model);
    relmap_class **slot =
        rm_arena_push(arena, (void **)&model->classes, &model->nclasses, sizeof *slot);
    relmap_class *cls = rm_arena_alloc(arena, sizeof *cls);
    memset(cls, 0, sizeof *cls);
    cls->module = mb_str(model, module);
    cls->name = mb_str(model, name);
    cls->span = span;
    *slot = cls;
    return cls;
}

void mb_class_base(relmap_model *model, relmap_class *cls, const char *base)
{
    const char **slot =
        rm_arena_push(mb_arena(model), (void **)&cls->bases, &cls->nbases, sizeof *slot);
    *slot = mb_str(model, base);
}

static void init_relationship(relmap_model *model, relmap_relationship *rel, const char *name,
                              relmap_span span)
{
    memset(rel, 0, sizeof *rel);
    rel->name = mb_str(model, name);
    rel->span = span;
    rel->back_populates_span = mb_no_span();
    rel->target_span = mb_no_span();
}

relmap_relationship *mb_relationship(relmap_model *model, relmap_class *cls, const char *name,
                                     relmap_span span)
{
    relmap_relationship *rel = rm_arena_push(mb_arena(model), (void **)&cls->relationships,
                                             &cls->nrelationships, sizeof *rel);
    init_relationship(model, rel, name, span);
    rel->owner = cls;
    return rel;
}

relmap_relationship *mb_backref_spec(relmap_model *model, relmap_relationship *rel,
                                     const char *name, relmap_span span)
{
    relmap_relationship *spec = rm_arena_alloc(mb_arena(model), sizeof *spec);
    init_relationship(model, spec, name, span);
    spec->from_backref = true;
    rel->backref = spec->name;
    rel->backref_spec = spec;
    return spec;
}

static void push_text(relmap_model *model, const char ***array, size_t *n, const char *text)
{
    const char **slot = rm_arena_push(mb_arena(model), (void **)array, n, sizeof *slot);
    *slot = mb_str(model, text);
}

void mb_relationship_foreign_key(relmap_model *model, relmap_relationship *rel, const char *text)
{
    push_text(model, &rel->foreign_keys, &rel->nforeign_keys, text);
}

void mb_relationship_remote_side(relmap_model *model, relmap_relationship *rel, const char *text)
{
    push_text(model, &rel->remote_side, &rel->nremote_side, text);
}

/* The dialect a URL's scheme names: "postgresql+psycopg2://" is PostgreSQL. */
static relmap_dialect url_dialect(const char *url)
{
    static const struct {
        const char *prefix;
        relmap_dialect dialect;
    } schemes[] = {
        {"sqlite", RELMAP_DIALECT_SQLITE},     {"postgresql", RELMAP_DIALECT_POSTGRES},
        {"postgres", RELMAP_DIALECT_POSTGRES}, {"mysql", RELMAP_DIALECT_MYSQL},
        {"mariadb", RELMAP_DIALECT_MYSQL},
    };
    for (size_t i = 0; i < sizeof schemes / sizeof schemes[0]; i++) {
        size_t n = strlen(schemes[i].prefix);
        if (strncmp(url, schemes[i].prefix, n) == 0 && (url[n] == ':' || url[n] == '+'))
            return schemes[i].dialect;
    }
    return RELMAP_DIALECT_UNKNOWN;
}

void mb_database_url(relmap_model *model, const char *url, relmap_span span)
{
    relmap_database_url *u = rm_arena_push(mb_arena(model), (void **)&model->facts.database_urls,
                                           &model->facts.ndatabase_urls, sizeof *u);
    u->url = mb_str(model, url);
    u->dialect = url_dialect(url);
    u->span = span;
}

void mb_class_own_column(relmap_model *model, relmap_class *cls, const char *column)
{
    const char **slot = rm_arena_push(mb_arena(model), (void **)&cls->own_columns,
                                      &cls->nown_columns, sizeof *slot);
    *slot = mb_str(model, column);
}

relmap_model_note *mb_note(relmap_model *model, const char *rule, relmap_span span,
                           const char *class_name, const char *attribute, const char *fix,
                           const char *fmt, ...)
{
    rm_arena *arena = mb_arena(model);
    relmap_model_note *n = rm_arena_push(arena, (void **)&model->notes, &model->nnotes, sizeof *n);
    memset(n, 0, sizeof *n);
    n->rule = mb_str(model, rule);
    n->span = span;
    n->class_name = mb_str(model, class_name);
    n->attribute = mb_str(model, attribute);
    n->fix = mb_str(model, fix);
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *text = rm_arena_alloc(arena, (size_t)(len > 0 ? len : 0) + 1);
    vsnprintf(text, (size_t)(len > 0 ? len : 0) + 1, fmt, ap2);
    va_end(ap2);
    n->message = text;
    return n;
}
