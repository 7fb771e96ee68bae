/*
 * resolve_orm.c - relationships decided as SQLAlchemy decides them at
 * configure time: the target class, the relationships backrefs create, the
 * secondary table, the foreign keys of the join, the direction, uselist
 * and the partner side.
 *
 * What SQLAlchemy would refuse to configure is left with direction
 * UNKNOWN and a reason in `unresolved`, worded as SQLAlchemy words it, so
 * that the ORM rules can report it where the user wrote it.
 */
#include <string.h>

#include "model_build.h"
#include "ptrmap.h"
#include "resolve.h"
#include "strmap.h"

/* Class names are Python identifiers: always case-sensitive. A bare name
 * two modules both define is ambiguous (stored as NULL), as it is in
 * SQLAlchemy's registry; the module-qualified name still finds each. */
static void index_classes(relmap_model *model)
{
    rm_strmap_free(model->internal->classes_by_name);
    rm_strmap *map = rm_strmap_new(false);
    rm_arena *arena = mb_arena(model);
    for (size_t i = 0; i < model->nclasses; i++) {
        relmap_class *cls = model->classes[i];
        if (cls->mixin)
            continue;
        const char *qualified = cls->module && *cls->module
                                    ? rm_arena_printf(arena, "%s.%s", cls->module, cls->name)
                                    : NULL;
        if (rm_strmap_put(map, cls->name, cls))
            rm_strmap_set(map, cls->name, NULL);
        if (qualified)
            rm_strmap_put(map, qualified, cls);
        /* The same names within the class's registry ("registry\x1fName"),
         * where SQLAlchemy looks a relationship's target up. */
        if (cls->registry) {
            const char *scoped = rm_arena_printf(arena, "%s\x1f%s", cls->registry, cls->name);
            if (rm_strmap_put(map, scoped, cls))
                rm_strmap_set(map, scoped, NULL);
            if (qualified)
                rm_strmap_put(map, rm_arena_printf(arena, "%s\x1f%s", cls->registry, qualified),
                              cls);
        }
    }
    model->internal->classes_by_name = map;
}

/* The class itself, for the resolve pass that adds to it. */
static relmap_class *lookup_class(const relmap_model *model, const char *name)
{
    rm_strmap *map = model->internal->classes_by_name;
    return map && name ? rm_strmap_get(map, name) : NULL;
}

const relmap_class *rm_find_class(const relmap_model *model, const char *name)
{
    return lookup_class(model, name);
}

/* The first reason found is kept: later passes see a relationship already
 * broken and their complaint would only be a consequence of it. */
static void mark_unresolved(relmap_relationship *rel, relmap_unresolved_reason reason,
                            const char *why)
{
    rel->direction = RELMAP_DIRECTION_UNKNOWN;
    if (!rel->unresolved) {
        rel->unresolved = why;
        rel->unresolved_reason = reason;
    }
}

#define FAIL(model, rel, reason, ...)                                                              \
    mark_unresolved(rel, RELMAP_UNRESOLVED_##reason, rm_arena_printf(mb_arena(model), __VA_ARGS__))

static bool is_mapped(const relmap_class *cls)
{
    return cls && !cls->mixin && !cls->abstract && cls->table;
}

/* The target as SQLAlchemy finds it: by name in the owner's registry
 * (where the reader could tell it), else among all classes. */
static void resolve_target(relmap_model *model, relmap_relationship *rel)
{
    if (!rel->target_text) {
        FAIL(model, rel, TARGET_MISSING, "relationship %s.%s names no target class",
             rel->owner->name, rel->name);
        return;
    }
    const relmap_class *target = NULL;
    const char *registry = rel->owner->registry;
    if (registry)
        target =
            rm_strmap_get(model->internal->classes_by_name,
                          rm_arena_printf(mb_arena(model), "%s\x1f%s", registry, rel->target_text));
    if (!target) {
        const relmap_class *any = rm_find_class(model, rel->target_text);
        if (any && registry && any->registry && strcmp(any->registry, registry) != 0) {
            FAIL(model, rel, TARGET_OTHER_REGISTRY,
                 "expression '%s' failed to locate a name (relationship %s): class %s is mapped "
                 "by another declarative base than %s",
                 rel->target_text, rel->name, any->name, rel->owner->name);
            return;
        }
        target = any;
    }
    if (!target)
        FAIL(model, rel, TARGET_UNKNOWN,
             "expression '%s' failed to locate a name (relationship %s)", rel->target_text,
             rel->name);
    else if (!is_mapped(target))
        FAIL(model, rel, TARGET_NOT_MAPPED, "class %s is not mapped (relationship %s)",
             target->name, rel->name);
    else
        rel->target = target;
}

/* A relationship or column attribute of `cls` or a class it inherits. */
static relmap_relationship *find_relationship(const relmap_class *cls, const char *name)
{
    for (; cls; cls = cls->parent)
        for (size_t i = 0; i < cls->nrelationships; i++)
            if (strcmp(cls->relationships[i].name, name) == 0)
                return &cls->relationships[i];
    return NULL;
}

static bool has_column_attribute(const relmap_class *cls, const char *name)
{
    for (; cls; cls = cls->parent)
        for (size_t i = 0; cls->table && i < cls->table->ncolumns; i++) {
            const relmap_column *c = &cls->table->columns[i];
            if (strcmp(c->key ? c->key : c->name, name) == 0)
                return true;
        }
    return false;
}

/*
 * A backref creates a relationship on the target class. All of them are
 * made before any pointer into a class's relationships is taken, since
 * adding one may move the array; the two sides find each other by name
 * afterwards (link_partner).
 */
static void create_backrefs(relmap_model *model)
{
    for (size_t i = 0; i < model->nclasses; i++) {
        relmap_class *cls = model->classes[i];
        for (size_t k = 0; k < cls->nrelationships; k++) {
            relmap_relationship *rel = &cls->relationships[k];
            const relmap_relationship *spec = rel->backref_spec;
            /* An unmapped class configures nothing, so makes no backref:
             * one would point back at a class without a table. */
            if (!spec || !rel->target || rel->from_backref || !is_mapped(cls))
                continue;
            /* The target itself, writable: by its module-qualified name,
             * which is unique even where its bare name is not. */
            relmap_class *target =
                lookup_class(model, rel->target->module && *rel->target->module
                                        ? rm_arena_printf(mb_arena(model), "%s.%s",
                                                          rel->target->module, rel->target->name)
                                        : rel->target->name);
            if (target != rel->target)
                continue;
            if (find_relationship(target, spec->name) || has_column_attribute(target, spec->name)) {
                FAIL(model, rel, BACKREF_CONFLICT,
                     "Error creating backref '%s' on relationship '%s': property of "
                     "that name exists on the target",
                     spec->name, rel->name);
                continue;
            }
            /* Adding to target's array moves cls's too when they are the
             * same class: keep what is needed of `rel` first. */
            relmap_relationship origin = *rel;
            relmap_relationship *made = mb_relationship(model, target, spec->name, spec->span);
            relmap_span span = made->span;
            *made = *spec;
            made->span = span;
            made->owner = target;
            made->from_backref = true;
            made->target_text = cls->name;
            made->target = cls;
            made->back_populates = origin.name;
            made->secondary_text = origin.secondary_text;
            /* The backref joins on the same columns as its origin. */
            made->foreign_keys = origin.foreign_keys;
            made->nforeign_keys = origin.nforeign_keys;
            made->primaryjoin = origin.primaryjoin;
            made->secondaryjoin = origin.secondaryjoin;
        }
    }
}

/* Whether `t` is the table of `cls` or of a class it inherits. */
static bool side_has_table(const relmap_class *cls, const relmap_table *t)
{
    for (; cls; cls = cls->parent)
        if (cls->table == t)
            return true;
    return false;
}

/* The key that makes a joined-inheritance subclass's table extend its
 * parent's: not a path a relationship joins on. */
static bool is_inheritance_fk(const relmap_class *cls, const relmap_table *t, const relmap_fk *fk)
{
    for (; cls && cls->parent; cls = cls->parent)
        if (cls->table == t && cls->inheritance == RELMAP_INHERIT_JOINED &&
            fk->ref_table == cls->parent->table)
            return true;
    return false;
}

/* The last dotted part of a foreign_keys= or remote_side= entry, and
 * whether the column named so is `c`. */
static bool entry_names_column(const char *entry, const relmap_column *c)
{
    const char *dot = strrchr(entry, '.');
    const char *name = dot ? dot + 1 : entry;
    return strcmp(name, c->key ? c->key : c->name) == 0 || strcmp(name, c->name) == 0;
}

static bool entries_name_column(const char *const *entries, size_t n, const relmap_column *c)
{
    for (size_t i = 0; i < n; i++)
        if (entry_names_column(entries[i], c))
            return true;
    return false;
}

static bool fk_allowed(const relmap_relationship *rel, const relmap_fk *fk)
{
    if (!rel->nforeign_keys)
        return true;
    for (size_t i = 0; i < fk->ncolumns; i++)
        if (fk->columns[i].column &&
            entries_name_column(rel->foreign_keys, rel->nforeign_keys, fk->columns[i].column))
            return true;
    return false;
}

typedef struct join_keys {
    const relmap_fk *fks[8];
    size_t n;      /* how many there are (only the first 8 are kept) */
    size_t n_many; /* of those, held by the relationship's own side */
} join_keys;

/* Whether two keys join the same columns to the same columns. */
static bool same_join(const relmap_fk *a, const relmap_fk *b)
{
    if (a->ncolumns != b->ncolumns || a->ntarget != b->ntarget || a->ntarget != a->ncolumns)
        return false;
    for (size_t i = 0; i < a->ncolumns; i++)
        if (!a->columns[i].column || a->columns[i].column != b->columns[i].column ||
            !a->target[i] || a->target[i] != b->target[i])
            return false;
    return true;
}

/* A key written twice (ForeignKey() on the column and a
 * ForeignKeyConstraint over it) is one path: SQLAlchemy keeps one of
 * several constraints that give the same join. */
static void keep(join_keys *keys, const relmap_fk *fk, bool own_side)
{
    size_t cap = sizeof keys->fks / sizeof keys->fks[0];
    for (size_t i = 0; i < keys->n && i < cap; i++)
        if (same_join(keys->fks[i], fk))
            return;
    if (keys->n < cap)
        keys->fks[keys->n] = fk;
    keys->n++;
    keys->n_many += own_side;
}

/* Keys of the tables of `from` (and its parents) that point at a table of
 * `to`. */
static void collect(const relmap_relationship *rel, const relmap_class *from,
                    const relmap_class *to, bool own_side, join_keys *keys)
{
    for (const relmap_class *c = from; c; c = c->parent) {
        const relmap_table *t = c->table;
        if (!t || (c != from && c->table == from->table))
            continue;
        for (size_t i = 0; i < t->nfks; i++) {
            const relmap_fk *fk = &t->fks[i];
            if (fk->ref_table && side_has_table(to, fk->ref_table) &&
                !is_inheritance_fk(from, t, fk) && fk_allowed(rel, fk))
                keep(keys, fk, own_side);
        }
    }
}

static void set_fks(relmap_model *model, relmap_relationship *rel, const relmap_fk *const *fks,
                    size_t n)
{
    const relmap_fk **copy = rm_arena_alloc(mb_arena(model), n * sizeof *copy);
    memcpy(copy, fks, n * sizeof *copy);
    rel->fks = copy;
    rel->nfks = n;
}

/*
 * Self-referential: the key points from the table at itself. SQLAlchemy
 * makes it one-to-many unless remote_side names the referenced column(s),
 * and a backref takes the opposite direction of its origin.
 */
static relmap_direction self_direction(const relmap_relationship *rel, const relmap_fk *fk)
{
    if (rel->from_backref && rel->partner)
        return rel->partner->direction == RELMAP_DIRECTION_ONETOMANY ? RELMAP_DIRECTION_MANYTOONE
                                                                     : RELMAP_DIRECTION_ONETOMANY;
    if (!rel->nremote_side)
        return RELMAP_DIRECTION_ONETOMANY;
    for (size_t i = 0; i < fk->ncolumns; i++)
        if (fk->columns[i].column &&
            entries_name_column(rel->remote_side, rel->nremote_side, fk->columns[i].column))
            return RELMAP_DIRECTION_ONETOMANY;
    return RELMAP_DIRECTION_MANYTOONE;
}

/* Whether `cls` (or a class it inherits) has the column an entry names:
 * "col", "Class.attr" or "table.col". */
static bool side_has_column(const relmap_class *cls, const char *entry, size_t len)
{
    const char *dot = memchr(entry, '.', len);
    for (; cls; cls = cls->parent) {
        const relmap_table *t = cls->table;
        if (!t)
            continue;
        if (dot) {
            size_t n = (size_t)(dot - entry);
            bool named = (strlen(cls->name) == n && strncmp(cls->name, entry, n) == 0) ||
                         (strlen(t->name) == n && strncmp(t->name, entry, n) == 0);
            if (!named)
                continue;
        }
        const char *col = dot ? dot + 1 : entry;
        size_t clen = len - (size_t)(col - entry);
        for (size_t i = 0; i < t->ncolumns; i++) {
            const char *k = t->columns[i].key ? t->columns[i].key : t->columns[i].name;
            if ((strlen(k) == clen && strncmp(k, col, clen) == 0) ||
                (strlen(t->columns[i].name) == clen && strncmp(t->columns[i].name, col, clen) == 0))
                return true;
        }
    }
    return false;
}

/* Which sides hold the columns a join marks as foreign: the entries of
 * foreign_keys= and the foreign(...) annotations of a primaryjoin. */
static void foreign_sides(const relmap_relationship *rel, bool *own, bool *target)
{
    *own = *target = false;
    for (size_t i = 0; i < rel->nforeign_keys; i++) {
        const char *e = rel->foreign_keys[i];
        *own |= side_has_column(rel->owner, e, strlen(e));
        *target |= side_has_column(rel->target, e, strlen(e));
    }
    if (!rel->primaryjoin)
        return;
    for (const char *p = rel->primaryjoin; (p = strstr(p, "foreign(")) != NULL;) {
        p += strlen("foreign(");
        size_t len = strcspn(p, ")");
        *own |= side_has_column(rel->owner, p, len);
        *target |= side_has_column(rel->target, p, len);
    }
}

/*
 * A join that no foreign key of the schema makes: the columns it marks as
 * foreign (foreign_keys=, or foreign() in the primaryjoin) decide the
 * direction, as they do for SQLAlchemy. False when none are marked.
 */
static bool resolve_marked_join(relmap_relationship *rel, bool self)
{
    bool own, target;
    foreign_sides(rel, &own, &target);
    if (!own && !target)
        return false;
    if (self)
        rel->direction =
            rel->nremote_side || (rel->primaryjoin && strstr(rel->primaryjoin, "remote("))
                ? RELMAP_DIRECTION_MANYTOONE
                : RELMAP_DIRECTION_ONETOMANY;
    else if (own != target)
        rel->direction = own ? RELMAP_DIRECTION_MANYTOONE : RELMAP_DIRECTION_ONETOMANY;
    else
        return false;
    return true;
}

static void resolve_plain_join(relmap_model *model, relmap_relationship *rel)
{
    const relmap_class *own = rel->owner, *target = rel->target;
    const char *own_table = own->table->name, *target_table = target->table->name;
    join_keys keys = {{0}, 0, 0};
    bool self = side_has_table(target, own->table) || side_has_table(own, target->table);
    collect(rel, own, target, true, &keys);
    if (!self)
        collect(rel, target, own, false, &keys);
    if (keys.n == 0 && rel->primaryjoin && resolve_marked_join(rel, self))
        return;
    if (keys.n == 0) {
        FAIL(model, rel, NO_JOIN_PATH,
             "Could not determine join condition between parent/child tables: there are no "
             "foreign keys linking %s and %s",
             own_table, target_table);
        return;
    }
    if (keys.n > 1 && !rel->primaryjoin) {
        FAIL(model, rel, AMBIGUOUS_JOIN,
             "Could not determine join condition between parent/child tables: there are "
             "multiple foreign key paths linking %s and %s; name them with foreign_keys",
             own_table, target_table);
        return;
    }
    size_t kept = keys.n < 8 ? keys.n : 8;
    set_fks(model, rel, keys.fks, kept);
    if (self)
        rel->direction = self_direction(rel, keys.fks[0]);
    else if (keys.n_many == keys.n)
        rel->direction = RELMAP_DIRECTION_MANYTOONE;
    else if (keys.n_many == 0)
        rel->direction = RELMAP_DIRECTION_ONETOMANY;
    else
        FAIL(model, rel, UNDECIDABLE,
             "the primaryjoin of this relationship uses keys in both directions between %s and "
             "%s; relmap cannot tell which way it goes",
             own_table, target_table);
}

/* Keys of the secondary table pointing at a table of `side`. */
static void collect_secondary(const relmap_relationship *rel, const relmap_class *side,
                              join_keys *keys)
{
    const relmap_table *t = rel->secondary;
    for (size_t i = 0; i < t->nfks; i++) {
        const relmap_fk *fk = &t->fks[i];
        if (fk->ref_table && side_has_table(side, fk->ref_table) && fk_allowed(rel, fk))
            keep(keys, fk, true);
    }
}

static void resolve_secondary_join(relmap_model *model, relmap_relationship *rel)
{
    const char *sec = rel->secondary->name;
    join_keys own = {{0}, 0, 0}, target = {{0}, 0, 0};
    collect_secondary(rel, rel->owner, &own);
    collect_secondary(rel, rel->target, &target);
    if (own.n == 0 || target.n == 0) {
        FAIL(model, rel, NO_JOIN_PATH,
             "Could not determine join condition: the secondary table %s has no foreign key to "
             "%s",
             sec, own.n == 0 ? rel->owner->table->name : rel->target->table->name);
        return;
    }
    bool self = rel->owner->table == rel->target->table;
    bool ambiguous = self ? own.n != 2 : own.n > 1 || target.n > 1;
    if (ambiguous && !(rel->primaryjoin && rel->secondaryjoin)) {
        FAIL(model, rel, AMBIGUOUS_JOIN,
             "Could not determine join condition: there are multiple foreign key paths from %s "
             "to %s; write primaryjoin and secondaryjoin",
             sec, rel->target->table->name);
        return;
    }
    const relmap_fk *pair[2] = {own.fks[0], self ? own.fks[1] : target.fks[0]};
    set_fks(model, rel, pair, 2);
    rel->direction = RELMAP_DIRECTION_MANYTOMANY;
}

static void resolve_join(relmap_model *model, relmap_relationship *rel)
{
    if (!rel->target || rel->unresolved)
        return;
    if (!rel->owner->table) {
        FAIL(model, rel, OWNER_NOT_MAPPED, "class %s is not mapped (relationship %s)",
             rel->owner->name, rel->name);
        return;
    }
    if (rel->secondary_text) {
        const char *dot = strrchr(rel->secondary_text, '.');
        const char *schema = dot ? rm_arena_strndup(mb_arena(model), rel->secondary_text,
                                                    (size_t)(dot - rel->secondary_text))
                                 : NULL;
        rel->secondary = rm_find_table(model, schema, dot ? dot + 1 : rel->secondary_text);
        if (!rel->secondary) {
            FAIL(model, rel, SECONDARY_UNKNOWN,
                 "secondary table '%s' of relationship %s does not exist", rel->secondary_text,
                 rel->name);
            return;
        }
        resolve_secondary_join(model, rel);
    } else {
        resolve_plain_join(model, rel);
    }
}

/* back_populates names an attribute of the target that must be a
 * relationship pointing back at this class. */
static void link_partner(relmap_model *model, relmap_relationship *rel)
{
    if (!rel->target)
        return;
    if (rel->from_backref || rel->backref_spec) {
        /* The made side names its origin in back_populates; the origin
         * names the made side in backref. */
        const char *name = rel->from_backref ? rel->back_populates : rel->backref;
        relmap_relationship *other = find_relationship(rel->target, name);
        if (other && other->from_backref != rel->from_backref)
            rel->partner = other;
        return;
    }
    if (!rel->back_populates)
        return;
    relmap_relationship *other = find_relationship(rel->target, rel->back_populates);
    if (!other && has_column_attribute(rel->target, rel->back_populates)) {
        FAIL(model, rel, BACK_POPULATES_NOT_RELATIONSHIP,
             "back_populates on relationship '%s.%s' refers to attribute '%s.%s' that is not a "
             "relationship",
             rel->owner->name, rel->name, rel->target->name, rel->back_populates);
        return;
    }
    if (!other) {
        FAIL(model, rel, BACK_POPULATES_UNKNOWN,
             "Mapper '%s' has no property '%s' (named by back_populates)", rel->target->name,
             rel->back_populates);
        return;
    }
    if (other->target && !side_has_table(rel->owner, other->target->table) &&
        !side_has_table(other->target, rel->owner->table)) {
        FAIL(model, rel, BACK_POPULATES_MISMATCH,
             "back_populates names %s, which does not refer back to %s", other->name,
             rel->owner->name);
        return;
    }
    rel->partner = other;
}

static void decide_uselist(relmap_relationship *rel)
{
    if (rel->uselist != RELMAP_UNSET)
        rel->is_list = rel->uselist == RELMAP_YES;
    else if (rel->collection != RELMAP_UNSET)
        rel->is_list = rel->collection == RELMAP_YES;
    else
        rel->is_list = rel->direction == RELMAP_DIRECTION_ONETOMANY ||
                       rel->direction == RELMAP_DIRECTION_MANYTOMANY;
}

/* Two sides of a pair that go the same way: SQLAlchemy refuses them
 * ("both of the same direction"), typically a self-referential pair
 * without remote_side on the many-to-one side. */
static void check_pair(relmap_model *model, relmap_relationship *rel)
{
    const relmap_relationship *p = rel->partner;
    if (!p || rel->direction == RELMAP_DIRECTION_UNKNOWN || p->direction != rel->direction ||
        rel->direction == RELMAP_DIRECTION_MANYTOMANY)
        return;
    FAIL(model, rel, SAME_DIRECTION,
         "relationship %s and its back-reference %s are both of the same direction; set "
         "remote_side on the many-to-one side",
         rel->name, p->name);
}

typedef void (*rel_pass)(relmap_model *, relmap_relationship *);

static void each_relationship(relmap_model *model, rel_pass pass)
{
    for (size_t i = 0; i < model->nclasses; i++) {
        relmap_class *cls = model->classes[i];
        if (cls->mixin || cls->abstract)
            continue;
        for (size_t k = 0; k < cls->nrelationships; k++)
            pass(model, &cls->relationships[k]);
    }
}

static void decide_uselist_pass(relmap_model *model, relmap_relationship *rel)
{
    (void)model;
    decide_uselist(rel);
}

/* Backref-made sides last: a self-referential one takes the opposite
 * direction of its origin, which must be known first. */
static void join_origins(relmap_model *model, relmap_relationship *rel)
{
    if (!rel->from_backref)
        resolve_join(model, rel);
}

static void join_backrefs(relmap_model *model, relmap_relationship *rel)
{
    if (rel->from_backref)
        resolve_join(model, rel);
}

/* Which class maps each table, and which tables are secondaries. */
static void mark_tables(relmap_model *model)
{
    rm_ptrmap *index = rm_ptrmap_new(model->ntables);
    for (size_t t = 0; t < model->ntables; t++) {
        model->tables[t]->mapped_by = NULL;
        model->tables[t]->is_secondary = false;
        rm_ptrmap_put(index, model->tables[t], t);
    }
    for (size_t c = 0; c < model->nclasses; c++) {
        const relmap_class *cls = model->classes[c];
        size_t t;
        if (cls->mixin)
            continue;
        if (cls->table && rm_ptrmap_get(index, cls->table, &t) && !model->tables[t]->mapped_by)
            model->tables[t]->mapped_by = cls;
        if (cls->abstract)
            continue;
        for (size_t r = 0; r < cls->nrelationships; r++)
            if (cls->relationships[r].secondary &&
                rm_ptrmap_get(index, cls->relationships[r].secondary, &t))
                model->tables[t]->is_secondary = true;
    }
    rm_ptrmap_free(index);
}

void rm_resolve_orm(relmap_model *model)
{
    index_classes(model);
    if (!model->nclasses)
        return;
    each_relationship(model, resolve_target);
    create_backrefs(model);
    each_relationship(model, link_partner);
    each_relationship(model, join_origins);
    each_relationship(model, join_backrefs);
    each_relationship(model, check_pair);
    each_relationship(model, decide_uselist_pass);
    mark_tables(model);
}
