/*
 * dump_json.c - the resolved model as JSON (DESIGN.md §4, `relmap dump`).
 *
 * The fields DESIGN.md names are a contract; the others (autoincrement,
 * generated, where, deferrable, match, checks, ...) are added after them.
 */
#include <stdio.h>

#include "json_write.h"
#include "relmap/report.h"

static void line_member(rj_writer *w, const relmap_model *model, relmap_span span)
{
    relmap_location loc;
    rj_key(w, "line");
    if (relmap_span_locate(model, span, &loc) == 0)
        rj_int(w, loc.line);
    else
        rj_null(w);
}

/* A column name, or an index element's expression text. */
static void colref_names(rj_writer *w, const relmap_colref *refs, size_t n)
{
    rj_array_inline(w);
    for (size_t i = 0; i < n; i++)
        rj_string(w, refs[i].name ? refs[i].name : refs[i].expr);
    rj_array_end(w);
}

/* Whether a key or index of exactly one element is `column`. */
static bool covers_alone(const relmap_colref *refs, size_t n, const relmap_column *column)
{
    return n == 1 && refs[0].column == column;
}

/* The reader may leave pk_position unset; the key's own list decides. */
static bool column_in_primary_key(const relmap_table *t, const relmap_column *c)
{
    for (size_t i = 0; i < t->primary_key.ncolumns; i++)
        if (t->primary_key.columns[i].column == c)
            return true;
    return c->pk_position > 0;
}

static bool column_unique(const relmap_table *t, const relmap_column *c)
{
    for (size_t i = 0; i < t->nuniques; i++)
        if (covers_alone(t->uniques[i].columns, t->uniques[i].ncolumns, c))
            return true;
    for (size_t i = 0; i < t->nindexes; i++) {
        const relmap_index *ix = &t->indexes[i];
        if (ix->unique && !ix->where && covers_alone(ix->columns, ix->ncolumns, c))
            return true;
    }
    return false;
}

static const char *generated_name(relmap_generated generated)
{
    switch (generated) {
    case RELMAP_GENERATED_VIRTUAL:
        return "VIRTUAL";
    case RELMAP_GENERATED_STORED:
        return "STORED";
    case RELMAP_GENERATED_NONE:
        break;
    }
    return NULL;
}

static void column(rj_writer *w, const relmap_table *t, const relmap_column *c)
{
    rj_object_begin(w);
    rj_member_string(w, "name", c->name);
    rj_member_string(w, "type", c->type);
    rj_member_bool(w, "nullable", c->nullable);
    rj_member_bool(w, "primary_key", column_in_primary_key(t, c));
    rj_member_bool(w, "unique", column_unique(t, c));
    rj_member_string(w, "default", c->default_value);
    rj_member_bool(w, "autoincrement", c->autoincrement);
    rj_member_string(w, "generated", generated_name(c->generated));
    if (c->hidden)
        rj_member_bool(w, "hidden", true);
    rj_object_end(w);
}

static void index_object(rj_writer *w, const relmap_index *ix)
{
    rj_object_begin(w);
    rj_member_string(w, "name", ix->name);
    rj_key(w, "columns");
    colref_names(w, ix->columns, ix->ncolumns);
    rj_member_bool(w, "unique", ix->unique);
    rj_member_string(w, "where", ix->where);
    rj_member_string(w, "method", ix->method);
    rj_object_end(w);
}

/* An action as SQL words; an invalid one as written, so the dump shows
 * what FK013 complains about. */
static void action_member(rj_writer *w, const char *key, relmap_fk_action action, const char *text)
{
    rj_member_string(w, key,
                     action == RELMAP_ACTION_INVALID ? text : relmap_fk_action_name(action));
}

static const char *deferrable_name(relmap_deferrable deferrable)
{
    switch (deferrable) {
    case RELMAP_DEFERRABLE_INITIALLY_IMMEDIATE:
        return "INITIALLY IMMEDIATE";
    case RELMAP_DEFERRABLE_INITIALLY_DEFERRED:
        return "INITIALLY DEFERRED";
    case RELMAP_NOT_DEFERRABLE:
        break;
    }
    return NULL;
}

static void violations(rj_writer *w, const relmap_fk_violations *v)
{
    rj_key(w, "violations");
    if (!v) {
        rj_null(w);
        return;
    }
    rj_object_begin(w);
    rj_member_int(w, "count", (int64_t)v->count);
    rj_key(w, "rowids");
    rj_array_inline(w);
    for (size_t i = 0; i < v->nrowids; i++)
        rj_int(w, v->rowids[i]);
    rj_array_end(w);
    rj_object_end(w);
}

static void foreign_key(rj_writer *w, const relmap_model *model, const relmap_fk *fk)
{
    rj_object_begin(w);
    rj_member_string(w, "name", fk->name);
    rj_key(w, "columns");
    colref_names(w, fk->columns, fk->ncolumns);
    rj_member_string(w, "ref_table", fk->ref_table_name);
    rj_key(w, "ref_columns");
    colref_names(w, fk->ref_columns, fk->nref_columns);
    action_member(w, "on_delete", fk->on_delete, fk->on_delete_text);
    action_member(w, "on_update", fk->on_update, fk->on_update_text);
    line_member(w, model, fk->span);
    if (fk->ref_schema)
        rj_member_string(w, "ref_schema", fk->ref_schema);
    rj_member_string(w, "deferrable", deferrable_name(fk->deferrable));
    rj_member_string(w, "match", fk->match);
    /* Only after data checks, so that a plain dump does not change shape
     * with --data-checks. */
    if (model->facts.data_checked)
        violations(w, fk->violations);
    rj_object_end(w);
}

static void table(rj_writer *w, const relmap_model *model, const relmap_table *t)
{
    rj_object_begin(w);
    rj_member_string(w, "name", t->name);
    rj_member_string(w, "schema", t->schema);
    rj_member_string(w, "kind", t->kind == RELMAP_KIND_VIEW ? "view" : "table");
    relmap_location loc;
    bool located = relmap_span_locate(model, t->span, &loc) == 0;
    rj_member_string(w, "file", located ? loc.path : NULL);
    line_member(w, model, t->span);

    rj_key(w, "columns");
    rj_array_begin(w);
    for (size_t i = 0; i < t->ncolumns; i++)
        column(w, t, &t->columns[i]);
    rj_array_end(w);
    rj_key(w, "primary_key");
    colref_names(w, t->primary_key.columns, t->primary_key.ncolumns);
    rj_key(w, "unique");
    rj_array_begin(w);
    for (size_t i = 0; i < t->nuniques; i++)
        colref_names(w, t->uniques[i].columns, t->uniques[i].ncolumns);
    rj_array_end(w);
    rj_key(w, "indexes");
    rj_array_begin(w);
    for (size_t i = 0; i < t->nindexes; i++)
        index_object(w, &t->indexes[i]);
    rj_array_end(w);
    rj_key(w, "foreign_keys");
    rj_array_begin(w);
    for (size_t i = 0; i < t->nfks; i++)
        foreign_key(w, model, &t->fks[i]);
    rj_array_end(w);

    rj_key(w, "checks");
    rj_array_begin(w);
    for (size_t i = 0; i < t->nchecks; i++) {
        rj_object_begin(w);
        rj_member_string(w, "name", t->checks[i].name);
        rj_member_string(w, "expr", t->checks[i].expr);
        rj_object_end(w);
    }
    rj_array_end(w);
    rj_member_string(w, "comment", t->comment);
    rj_member_bool(w, "without_rowid", t->without_rowid);
    rj_member_bool(w, "strict", t->strict);
    rj_member_bool(w, "virtual", t->virtual_table);
    if (t->data_check_error)
        rj_member_string(w, "data_check_error", t->data_check_error);
    rj_object_end(w);
}

/* By equality: a table without keys has fks NULL, and NULL + 0 or an
 * ordering of pointers into different arrays is undefined behaviour. */
static bool table_holds(const relmap_table *t, const relmap_fk *fk)
{
    for (size_t i = 0; t && i < t->nfks; i++)
        if (&t->fks[i] == fk)
            return true;
    return false;
}

/* The table a key of the join belongs to: one of the two classes' tables
 * (or of the classes they inherit), or the secondary table. */
static const relmap_table *fk_owner(const relmap_relationship *r, const relmap_fk *fk)
{
    if (table_holds(r->secondary, fk))
        return r->secondary;
    const relmap_class *sides[2] = {r->owner, r->target};
    for (int s = 0; s < 2; s++)
        for (const relmap_class *c = sides[s]; c; c = c->parent)
            if (table_holds(c->table, fk))
                return c->table;
    return NULL;
}

/* The join's foreign-key columns as "table.column", as SQLAlchemy lists
 * them. */
static void join_columns(rj_writer *w, const relmap_relationship *r)
{
    rj_key(w, "foreign_keys");
    rj_array_inline(w);
    for (size_t i = 0; i < r->nfks; i++) {
        const relmap_table *t = fk_owner(r, r->fks[i]);
        for (size_t k = 0; t && k < r->fks[i]->ncolumns; k++) {
            char name[512];
            snprintf(name, sizeof name, "%s.%s", t->name, r->fks[i]->columns[k].name);
            rj_string(w, name);
        }
    }
    rj_array_end(w);
}

static void relationship(rj_writer *w, const relmap_model *model, const relmap_relationship *r)
{
    rj_object_begin(w);
    rj_member_string(w, "name", r->name);
    rj_member_string(w, "target", r->target ? r->target->name : NULL);
    rj_member_string(w, "back_populates", r->back_populates);
    rj_member_string(w, "backref", r->backref);
    rj_member_string(w, "secondary", r->secondary ? r->secondary->name : r->secondary_text);
    rj_member_string(w, "direction", relmap_direction_name(r->direction));
    rj_member_bool(w, "uselist", r->is_list);
    rj_member_string(w, "cascade", r->cascade);
    rj_member_bool(w, "passive_deletes", r->passive_deletes);
    rj_member_string(w, "partner", r->partner ? r->partner->name : NULL);
    rj_member_bool(w, "from_backref", r->from_backref);
    line_member(w, model, r->span);
    rj_member_string(w, "target_written", r->target_text);
    rj_member_bool(w, "viewonly", r->viewonly);
    join_columns(w, r);
    rj_member_string(w, "unresolved", r->unresolved);
    rj_object_end(w);
}

static const char *inheritance_name(relmap_inheritance inheritance)
{
    switch (inheritance) {
    case RELMAP_INHERIT_JOINED:
        return "joined";
    case RELMAP_INHERIT_SINGLE:
        return "single";
    case RELMAP_INHERIT_CONCRETE:
        return "concrete";
    case RELMAP_INHERIT_NONE:
        break;
    }
    return NULL;
}

static void class_object(rj_writer *w, const relmap_model *model, const relmap_class *c)
{
    rj_object_begin(w);
    rj_member_string(w, "name", c->name);
    rj_member_string(w, "table", c->table ? c->table->name : NULL);
    relmap_location loc;
    bool located = relmap_span_locate(model, c->span, &loc) == 0;
    rj_member_string(w, "file", located ? loc.path : NULL);
    line_member(w, model, c->span);
    rj_key(w, "relationships");
    rj_array_begin(w);
    for (size_t i = 0; i < c->nrelationships; i++)
        relationship(w, model, &c->relationships[i]);
    rj_array_end(w);
    rj_member_string(w, "module", c->module);
    rj_member_string(w, "inherits", c->parent ? c->parent->name : NULL);
    rj_member_string(w, "inheritance", inheritance_name(c->inheritance));
    rj_member_bool(w, "abstract", c->abstract);
    rj_member_bool(w, "mixin", c->mixin);
    rj_object_end(w);
}

/* Facts only model files give; absent for databases and DDL so that their
 * dumps keep their shape. */
static void python_facts(rj_writer *w, const relmap_model *model)
{
    static const char *const flavours[] = {"classic", "typed", "flask", "sqlmodel", "core"};
    rj_key(w, "facts");
    rj_object_begin(w);
    rj_member_bool(w, "pragma_foreign_keys", model->facts.pragma_foreign_keys);
    rj_key(w, "flavours");
    rj_array_inline(w);
    for (unsigned i = 0; i < sizeof flavours / sizeof flavours[0]; i++)
        if (model->facts.flavours & (1u << i))
            rj_string(w, flavours[i]);
    rj_array_end(w);
    rj_key(w, "database_urls");
    rj_array_inline(w);
    for (size_t i = 0; i < model->facts.ndatabase_urls; i++)
        rj_string(w, model->facts.database_urls[i].url);
    rj_array_end(w);
    rj_object_end(w);
}

int relmap_dump_json(const relmap_model *model, relmap_write_fn write, void *payload)
{
    rj_writer w;
    rj_init(&w, write, payload);
    rj_object_begin(&w);
    rj_key(&w, "tables");
    rj_array_begin(&w);
    for (size_t i = 0; i < model->ntables; i++)
        table(&w, model, model->tables[i]);
    rj_array_end(&w);
    rj_key(&w, "classes");
    rj_array_begin(&w);
    for (size_t i = 0; i < model->nclasses; i++)
        if (!model->classes[i]->mixin && !model->classes[i]->abstract)
            class_object(&w, model, model->classes[i]);
    rj_array_end(&w);
    if (model->nclasses || model->facts.flavours)
        python_facts(&w, model);
    rj_object_end(&w);
    return rj_finish(&w);
}
