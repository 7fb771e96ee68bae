/*
 * orm_reader.c - the ORM rules over what the model reader saw as written:
 * ORM014 (class objects as targets), ORM020 (annotations), ORM021 (names
 * in join arguments), ORM024, ORM025, ORM028 and ORM030 (the reader's
 * notes), ORM026 and ORM027 (inheritance), ORM029 (backref), and TAB002
 * (a table defined twice).
 */
#include <stdint.h>
#include <string.h>

#include "rule_util.h"
#include "strmap.h"

/* One finding per note the reader recorded for the running rule. */
static void report_notes(rule_ctx *ctx, const char *rule)
{
    const relmap_model *model = rc_model(ctx);
    for (size_t i = 0; i < model->nnotes; i++) {
        const relmap_model_note *n = &model->notes[i];
        if (strcmp(n->rule, rule) != 0)
            continue;
        relmap_finding *f = rc_report(ctx, n->span, NULL, NULL, "%s", n->message);
        f->class_name = n->class_name;
        f->attribute = n->attribute;
        if (n->fix)
            rc_fix(ctx, f, "%s", n->fix);
    }
}

static bool noted_at(const relmap_model *model, const char *rule, relmap_span span)
{
    for (size_t i = 0; i < model->nnotes; i++)
        if (strcmp(model->notes[i].rule, rule) == 0 && model->notes[i].span.source == span.source &&
            model->notes[i].span.start == span.start)
            return true;
    return false;
}

/* Sets what an ORM finding is about. */
static relmap_finding *about(relmap_finding *f, const relmap_class *c, const relmap_relationship *r)
{
    f->class_name = c->name;
    f->attribute = r ? r->name : NULL;
    return f;
}

/* The target's name for messages: the class found, else as written. */
static const char *target_name(const relmap_relationship *r)
{
    return r->target ? r->target->name : r->target_text ? r->target_text : "?";
}

void rule_orm_direct_class_reference(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    for (size_t i = 0; i < model->nclasses; i++) {
        const relmap_class *c = model->classes[i];
        for (size_t k = 0; k < c->nrelationships; k++) {
            const relmap_relationship *r = &c->relationships[k];
            if (r->target_kind != RELMAP_TARGET_CLASS || !r->target_text)
                continue;
            if (noted_at(model, "ORM024", r->target_span))
                continue; /* a NameError first: ORM024 says it */
            const char *name = r->target ? r->target->name : r->target_text;
            relmap_finding *f = about(
                rc_report(
                    ctx, r->target_span, c->table, NULL,
                    "%s.%s passes the class object %s to relationship(): %s's module must import "
                    "it "
                    "before the class is defined, which ties the modules' import order and breaks "
                    "on circular imports; write relationship(\"%s\"), which SQLAlchemy resolves "
                    "once "
                    "every class is defined",
                    c->name, r->name, r->target_text, c->name, name),
                c, r);
            rc_fix(ctx, f, "\"%s\"", name);
        }
    }
}

void rule_orm_annotation_mismatch(rule_ctx *ctx)
{
    report_notes(ctx, "ORM020");
    const relmap_model *model = rc_model(ctx);
    for (size_t i = 0; i < model->nclasses; i++) {
        const relmap_class *c = model->classes[i];
        for (size_t k = 0; k < c->nrelationships; k++) {
            const relmap_relationship *r = &c->relationships[k];
            if (r->collection == RELMAP_UNSET || r->from_backref)
                continue;
            bool list = r->collection == RELMAP_YES;
            if (list && r->uselist == RELMAP_NO) {
                relmap_finding *f = about(
                    rc_report(ctx, r->span, c->table, NULL,
                              "%s.%s is annotated as a collection but says uselist=False: the "
                              "two contradict each other; annotate it Mapped[\"%s\"] for one "
                              "object%s",
                              c->name, r->name, target_name(r), " or drop uselist=False"),
                    c, r);
                rc_fix(ctx, f, "Mapped[\"%s\"]", target_name(r));
            } else if (!list && r->uselist == RELMAP_YES) {
                relmap_finding *f = about(
                    rc_report(ctx, r->span, c->table, NULL,
                              "%s.%s is annotated as one object but says uselist=True: the two "
                              "contradict each other; annotate it Mapped[List[\"%s\"]]%s",
                              c->name, r->name, target_name(r), " or drop uselist=True"),
                    c, r);
                rc_fix(ctx, f, "Mapped[List[\"%s\"]]", target_name(r));
            } else if (list && r->direction == RELMAP_DIRECTION_MANYTOONE) {
                relmap_finding *f = about(rc_report(ctx, r->span, c->table, NULL,
                                                    "%s.%s is annotated as a collection, but it is "
                                                    "many-to-one (the foreign key "
                                                    "is in %s's own table): it can only hold one "
                                                    "%s; annotate it Mapped[\"%s\"] "
                                                    "(or Mapped[Optional[\"%s\"]])",
                                                    c->name, r->name, c->name, target_name(r),
                                                    target_name(r), target_name(r)),
                                          c, r);
                rc_fix(ctx, f, "Mapped[\"%s\"]", target_name(r));
            }
        }
    }
}

/* A column of `t` by attribute key or column name. */
static const relmap_column *find_column(const relmap_table *t, const char *name, size_t len)
{
    for (size_t i = 0; t && i < t->ncolumns; i++) {
        const relmap_column *col = &t->columns[i];
        if ((col->key && strlen(col->key) == len && strncmp(col->key, name, len) == 0) ||
            (strlen(col->name) == len && strncmp(col->name, name, len) == 0))
            return col;
    }
    return NULL;
}

/* Whether class `c` (or a class it inherits) has attribute `name`. */
static bool class_has(const relmap_class *c, const char *name, size_t len)
{
    for (int hops = 0; c && hops < 64; c = c->parent, hops++) {
        if (find_column(c->table, name, len))
            return true;
        for (size_t k = 0; k < c->nrelationships; k++)
            if (strlen(c->relationships[k].name) == len &&
                strncmp(c->relationships[k].name, name, len) == 0)
                return true;
    }
    return false;
}

/* The classes by name, the first of each name in model order: looking each
 * name up by scanning every class made the rule quadratic (13 s for 10,000
 * classes whose relationships all name foreign_keys=). */
static rm_strmap *class_index(const relmap_model *model)
{
    rm_strmap *index = rm_strmap_new(false);
    for (size_t i = 0; i < model->nclasses; i++)
        rm_strmap_put(index, model->classes[i]->name, (void *)(uintptr_t)model->classes[i]);
    return index;
}

static const relmap_class *find_class_n(const rm_strmap *classes, const char *name, size_t len)
{
    const relmap_class *c = rm_strmap_getn(classes, name, len);
    return c && c->table ? c : NULL;
}

static bool ident_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_';
}

/* The first `Class.attr` in `text` whose class is mapped and lacks attr;
 * *cls and *attr point at it (lengths in *clen, *alen). */
static bool unknown_in_text(const rm_strmap *classes, const char *text, const relmap_class **out,
                            const char **attr, size_t *alen)
{
    for (const char *p = text; p && *p;) {
        if (*p == '"' || *p == '\'') { /* a literal inside the expression */
            char q = *p++;
            while (*p && *p != q)
                p++;
            if (*p)
                p++;
            continue;
        }
        if (!ident_char(*p) || (p > text && (ident_char(p[-1]) || p[-1] == '.'))) {
            p++;
            continue;
        }
        const char *start = p;
        while (ident_char(*p))
            p++;
        if (*p != '.' || !ident_char(p[1]))
            continue;
        const relmap_class *c = find_class_n(classes, start, (size_t)(p - start));
        const char *a = p + 1, *ae = a;
        while (ident_char(*ae))
            ae++;
        p = ae;
        if (c && !class_has(c, a, (size_t)(ae - a))) {
            *out = c;
            *attr = a;
            *alen = (size_t)(ae - a);
            return true;
        }
    }
    return false;
}

/* An entry of foreign_keys= or remote_side= ("user_id", "Address.user_id",
 * "addresses.user_id"): the column, or NULL when the entry names none. The
 * classes' tables are searched for a bare name. */
static const relmap_column *entry_column(const relmap_model *model, const rm_strmap *classes,
                                         const relmap_class *c, const relmap_relationship *r,
                                         const char *entry, bool *checkable)
{
    *checkable = true;
    const char *dot = strrchr(entry, '.');
    if (!dot) {
        const relmap_column *col = find_column(c->table, entry, strlen(entry));
        if (!col && r->target)
            col = find_column(r->target->table, entry, strlen(entry));
        if (!col && r->secondary)
            col = find_column(r->secondary, entry, strlen(entry));
        return col;
    }
    const char *owner = entry;
    size_t olen = (size_t)(dot - entry);
    /* table.c.col */
    if (olen > 2 && strncmp(dot - 2, ".c", 2) == 0)
        olen -= 2;
    const char *head = memchr(owner, '.', olen) ? NULL : owner;
    if (!head) {
        *checkable = false; /* module-qualified or an expression: not followed */
        return NULL;
    }
    const relmap_class *oc = find_class_n(classes, owner, olen);
    const relmap_table *t = NULL;
    if (oc) {
        for (int hops = 0; oc && hops < 64; oc = oc->parent, hops++) {
            const relmap_column *col = find_column(oc->table, dot + 1, strlen(dot + 1));
            if (col)
                return col;
        }
        return NULL;
    }
    char name[256];
    if (olen >= sizeof name) {
        *checkable = false;
        return NULL;
    }
    memcpy(name, owner, olen);
    name[olen] = '\0';
    t = relmap_model_find_table(model, NULL, name);
    if (!t) {
        *checkable = false;
        return NULL;
    }
    return find_column(t, dot + 1, strlen(dot + 1));
}

/* Whether `col` is a local or referenced column of a key between the
 * relationship's tables. */
static bool in_key_between(const relmap_class *c, const relmap_relationship *r,
                           const relmap_column *col)
{
    const relmap_table *tables[3] = {c->table, r->target ? r->target->table : NULL, r->secondary};
    for (size_t i = 0; i < 3; i++) {
        const relmap_table *t = tables[i];
        for (size_t k = 0; t && k < t->nfks; k++) {
            const relmap_fk *fk = &t->fks[k];
            bool between = false;
            for (size_t j = 0; j < 3; j++)
                between |= tables[j] && fk->ref_table == tables[j];
            if (!between)
                continue;
            for (size_t m = 0; m < fk->ncolumns; m++)
                if (fk->columns[m].column == col)
                    return true;
            for (size_t m = 0; m < fk->ntarget; m++)
                if (fk->target[m] == col)
                    return true;
        }
    }
    return false;
}

static void check_entries(rule_ctx *ctx, const rm_strmap *classes, const relmap_class *c,
                          const relmap_relationship *r, const char *kw,
                          const char *const *entries, size_t n)
{
    const relmap_model *model = rc_model(ctx);
    for (size_t i = 0; i < n; i++) {
        bool checkable;
        const relmap_column *col = entry_column(model, classes, c, r, entries[i], &checkable);
        if (!checkable)
            continue;
        if (!col) {
            about(rc_report(ctx, r->span, c->table, NULL,
                            "%s.%s: %s names %s, which is no column of the tables involved: "
                            "SQLAlchemy raises an error when the mappers are configured; name an "
                            "existing column",
                            c->name, r->name, kw, entries[i]),
                  c, r);
            return;
        }
        if (strcmp(kw, "foreign_keys=") == 0 && !r->primaryjoin && !in_key_between(c, r, col)) {
            about(
                rc_report(ctx, r->span, c->table, NULL,
                          "%s.%s: foreign_keys names %s, which is in no foreign key between the "
                          "tables, and there is no primaryjoin: SQLAlchemy finds no join condition "
                          "and raises an error when the mappers are configured; name the %s",
                          c->name, r->name, entries[i],
                          "column that holds the key (or give a primaryjoin)"),
                c, r);
            return;
        }
    }
}

static void check_text(rule_ctx *ctx, const rm_strmap *classes, const relmap_class *c,
                       const relmap_relationship *r, const char *kw, const char *text)
{
    const relmap_class *oc;
    const char *attr;
    size_t alen;
    if (!text || !unknown_in_text(classes, text, &oc, &attr, &alen))
        return;
    relmap_finding *f =
        rc_report(ctx, r->span, c->table, NULL,
                  "%s.%s: %s names %s.%.*s, but %s has no attribute %.*s: "
                  "SQLAlchemy raises an error when it evaluates the expression "
                  "at configure time; name an existing column or relationship",
                  c->name, r->name, kw, oc->name, (int)alen, attr, oc->name, (int)alen, attr);
    f->class_name = c->name;
    f->attribute = r->name;
    rc_related(ctx, f, oc->span, "%s is defined here", oc->name);
}

void rule_orm_unknown_join_attribute(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_strmap *classes = class_index(model);
    for (size_t i = 0; i < model->nclasses; i++) {
        const relmap_class *c = model->classes[i];
        if (!c->table)
            continue;
        for (size_t k = 0; k < c->nrelationships; k++) {
            const relmap_relationship *r = &c->relationships[k];
            if (r->from_backref)
                continue;
            check_entries(ctx, classes, c, r, "foreign_keys=", r->foreign_keys,
                          r->nforeign_keys);
            check_entries(ctx, classes, c, r, "remote_side=", r->remote_side, r->nremote_side);
            check_text(ctx, classes, c, r, "primaryjoin", r->primaryjoin);
            check_text(ctx, classes, c, r, "secondaryjoin", r->secondaryjoin);
            check_text(ctx, classes, c, r, "order_by", r->order_by);
        }
    }
    rm_strmap_free(classes);
}

void rule_orm_class_used_before_definition(rule_ctx *ctx)
{
    report_notes(ctx, "ORM024");
}

void rule_orm_mixin_needs_declared_attr(rule_ctx *ctx)
{
    report_notes(ctx, "ORM025");
}

void rule_orm_inheritance_ambiguous_fk(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    for (size_t i = 0; i < model->nclasses; i++) {
        const relmap_class *c = model->classes[i];
        if (c->inheritance != RELMAP_INHERIT_JOINED || c->inherit_condition || !c->table ||
            !c->parent || !c->parent->table)
            continue;
        const relmap_table *t = c->table, *pt = c->parent->table;
        size_t n = 0;
        const relmap_fk *pk_fk = NULL;
        for (size_t k = 0; k < t->nfks; k++)
            if (t->fks[k].ref_table == pt) {
                n++;
                if (t->fks[k].ncolumns == 1 && t->fks[k].columns[0].column &&
                    t->fks[k].columns[0].column->pk_position)
                    pk_fk = &t->fks[k];
            }
        if (n < 2)
            continue;
        const char *local = pk_fk ? pk_fk->columns[0].column->key ? pk_fk->columns[0].column->key
                                                                  : pk_fk->columns[0].name
                                  : "id";
        const char *remote =
            pk_fk && pk_fk->ntarget == 1 && pk_fk->target[0]
                ? pk_fk->target[0]->key ? pk_fk->target[0]->key : pk_fk->target[0]->name
                : "id";
        relmap_finding *f = rc_report(
            ctx, c->span, t, NULL,
            "%s's table %s has %zu foreign keys to %s, the table of its parent %s, and no "
            "inherit_condition: SQLAlchemy cannot tell which one joins the inheritance and raises "
            "AmbiguousForeignKeysError when the class is mapped; add \"inherit_condition\": "
            "%s == %s.%s to __mapper_args__",
            c->name, t->name, n, pt->name, c->parent->name, local, c->parent->name, remote);
        f->class_name = c->name;
        for (size_t k = 0; k < t->nfks; k++)
            if (t->fks[k].ref_table == pt) {
                rm_buf b = RM_BUF_INIT;
                ru_add_fk(&b, t, &t->fks[k]);
                rc_related(ctx, f, t->fks[k].span, "%s", rm_buf_cstr(&b));
                rm_buf_free(&b);
            }
        rc_fix(ctx, f, "__mapper_args__ = {\"inherit_condition\": %s == %s.%s}", local,
               c->parent->name, remote);
    }
}

void rule_orm_sti_subclass_not_null(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    for (size_t i = 0; i < model->nclasses; i++) {
        const relmap_class *c = model->classes[i];
        if (c->inheritance != RELMAP_INHERIT_SINGLE || !c->table)
            continue;
        for (size_t k = 0; k < c->nown_columns; k++) {
            const relmap_column *col =
                find_column(c->table, c->own_columns[k], strlen(c->own_columns[k]));
            if (!col || col->nullable || col->pk_position || col->default_value)
                continue;
            const relmap_class *root = c->parent;
            while (root && root->parent && root->inheritance == RELMAP_INHERIT_SINGLE)
                root = root->parent;
            relmap_finding *f = rc_report(
                ctx, col->span, c->table, col->name,
                "%s.%s is NOT NULL, but %s uses single-table inheritance: the column goes to "
                "%s, where the rows of %s and its other subclasses have no value for it, so "
                "inserting them fails with an IntegrityError; make it nullable (and require it "
                "in %s's code), or give it a server_default",
                c->name, col->key ? col->key : col->name, c->name, c->table->name,
                root ? root->name : "the parent", c->name);
            f->class_name = c->name;
            f->attribute = col->key ? col->key : col->name;
            if (root)
                rc_related(ctx, f, root->span, "%s maps %s too", root->name, c->table->name);
            rc_fix(ctx, f, "nullable=True");
        }
    }
}

void rule_orm_reserved_attribute(rule_ctx *ctx)
{
    report_notes(ctx, "ORM028");
}

void rule_orm_legacy_backref(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    for (size_t i = 0; i < model->nclasses; i++) {
        const relmap_class *c = model->classes[i];
        for (size_t k = 0; k < c->nrelationships; k++) {
            const relmap_relationship *r = &c->relationships[k];
            if (!r->backref || r->from_backref || !r->backref_spec)
                continue;
            const char *target = target_name(r);
            relmap_finding *f = about(
                rc_report(ctx, ru_span_or(r->backref_spec->span, r->span), c->table, NULL,
                          "%s.%s uses backref=\"%s\", which SQLAlchemy 2.0 calls legacy: %s.%s "
                          "is made at configure time and appears nowhere in %s's class body; "
                          "declare %s.%s there with back_populates=\"%s\" and write "
                          "back_populates=\"%s\" here",
                          c->name, r->name, r->backref, target, r->backref, target, target,
                          r->backref, r->name, r->backref),
                c, r);
            rc_fix(ctx, f, "back_populates=\"%s\"", r->backref);
        }
    }
}

void rule_orm_invalid_argument(rule_ctx *ctx)
{
    report_notes(ctx, "ORM030");
}

void rule_table_duplicate_name(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        if (!t->redefines)
            continue;
        rm_buf b = RM_BUF_INIT;
        ru_add_table_name(&b, t);
        relmap_finding *f =
            rc_report(ctx, t->span, t, NULL,
                      "table %s is defined a second time: the database refuses the second "
                      "CREATE TABLE (SQLAlchemy raises \"Table is already defined for this "
                      "MetaData instance\"), and whichever definition was meant, the other is "
                      "wrong; remove one, or rename it",
                      rm_buf_cstr(&b));
        rc_related(ctx, f, t->redefines->span, "%s is first defined here", rm_buf_cstr(&b));
        rm_buf_free(&b);
    }
}
