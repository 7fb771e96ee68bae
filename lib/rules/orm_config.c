/*
 * orm_config.c - relationships SQLAlchemy refuses to configure, reported
 * from the reason resolve left on them (relmap_unresolved_reason):
 * ORM003 and ORM005-ORM009. Each reason belongs to exactly one rule, so an
 * unresolvable relationship gets one finding.
 */
#include <stdlib.h>
#include <string.h>

#include "orm_rel_util.h"
#include "rule_util.h"

#define REL_FMT "%s.%s"
#define REL_ARGS(rel) (rel)->owner->name, (rel)->name

/* A relationship of `target` that points back at `owner`, preferring one
 * whose back_populates already names `name`: what back_populates probably
 * meant. */
static const relmap_relationship *way_back(const relmap_class *target, const relmap_class *owner,
                                           const char *name)
{
    const relmap_relationship *any = NULL;
    for (const relmap_class *c = target; c; c = c->parent)
        for (size_t i = 0; i < c->nrelationships; i++) {
            const relmap_relationship *r = &c->relationships[i];
            if (!orl_same_lineage(r->target, owner))
                continue;
            if (r->back_populates && strcmp(r->back_populates, name) == 0)
                return r;
            if (!any)
                any = r;
        }
    return any;
}

/* A name for the relationship a column stands in for: "team_id" -> "team". */
static const char *relationship_name_for(rm_buf *b, const char *column, const relmap_class *owner)
{
    size_t n = strlen(column);
    if (n > 3 && strcmp(column + n - 3, "_id") == 0) {
        rm_buf_clear(b);
        rm_buf_add(b, column, n - 3);
        return rm_buf_cstr(b);
    }
    return orl_suggest_name(b, owner, false);
}

static void back_populates_unknown(rule_ctx *ctx, const relmap_relationship *rel, void *payload)
{
    (void)payload;
    relmap_unresolved_reason why = rel->unresolved_reason;
    if (why != RELMAP_UNRESOLVED_BACK_POPULATES_UNKNOWN &&
        why != RELMAP_UNRESOLVED_BACK_POPULATES_NOT_RELATIONSHIP)
        return;
    const relmap_model *model = rc_model(ctx);
    const relmap_class *target = rel->target;
    relmap_span at = ru_span_or(rel->back_populates_span, rel->span);
    const relmap_relationship *back = way_back(target, rel->owner, rel->name);
    rm_buf place = RM_BUF_INIT, name = RM_BUF_INIT;
    relmap_finding *f;
    if (why == RELMAP_UNRESOLVED_BACK_POPULATES_NOT_RELATIONSHIP) {
        const relmap_column *col = orl_find_column_attribute(target, rel->back_populates);
        orl_add_place(&place, model, col ? col->span : target->span);
        if (back) {
            f = rc_report(ctx, at, rel->owner->table, NULL,
                          REL_FMT " has back_populates=\"%s\", but %s.%s (%s) is a column, not a "
                                  "relationship: SQLAlchemy refuses to configure the mappers; the "
                                  "relationship back is %s.%s — write back_populates=\"%s\"",
                          REL_ARGS(rel), rel->back_populates, target->name, rel->back_populates,
                          rm_buf_cstr(&place), target->name, back->name, back->name);
            rc_fix(ctx, f, "back_populates=\"%s\"", back->name);
        } else {
            f = rc_report(ctx, at, rel->owner->table, NULL,
                          REL_FMT
                          " has back_populates=\"%s\", but %s.%s (%s) is a column, not a "
                          "relationship: SQLAlchemy refuses to configure the mappers; add a "
                          "relationship to %s, e.g. %s = relationship(\"%s\", "
                          "back_populates=\"%s\"), and name it here",
                          REL_ARGS(rel), rel->back_populates, target->name, rel->back_populates,
                          rm_buf_cstr(&place), target->name,
                          relationship_name_for(&name, rel->back_populates, rel->owner),
                          rel->owner->name, rel->name);
        }
    } else if (back) {
        orl_add_place(&place, model, back->span);
        f = rc_report(ctx, at, rel->owner->table, NULL,
                      REL_FMT
                      " has back_populates=\"%s\", but %s has no attribute %s: SQLAlchemy "
                      "refuses to configure the mappers; %s.%s (%s) points back at %s — write "
                      "back_populates=\"%s\"",
                      REL_ARGS(rel), rel->back_populates, target->name, rel->back_populates,
                      target->name, back->name, rm_buf_cstr(&place), rel->owner->name, back->name);
        rc_related(ctx, f, back->span, "%s.%s, the relationship back to %s", target->name,
                   back->name, rel->owner->name);
        rc_fix(ctx, f, "back_populates=\"%s\"", back->name);
    } else {
        f = rc_report(ctx, at, rel->owner->table, NULL,
                      REL_FMT " has back_populates=\"%s\", but %s has no attribute %s: SQLAlchemy "
                              "refuses to configure the mappers; add %s = relationship(\"%s\", "
                              "back_populates=\"%s\") to %s, or correct the name",
                      REL_ARGS(rel), rel->back_populates, target->name, rel->back_populates,
                      rel->back_populates, rel->owner->name, rel->name, target->name);
    }
    orl_about(f, rel);
    rm_buf_free(&place);
    rm_buf_free(&name);
}

void rule_orm_back_populates_unknown(rule_ctx *ctx)
{
    orl_each_relationship(ctx, back_populates_unknown, NULL);
}

/* The relationship whose backref made `made` (its origin). */
static void backref_conflict(rule_ctx *ctx, const relmap_relationship *rel, void *payload)
{
    (void)payload;
    if (rel->unresolved_reason != RELMAP_UNRESOLVED_BACKREF_CONFLICT)
        return;
    const relmap_model *model = rc_model(ctx);
    const relmap_class *target = rel->target;
    const char *name = rel->backref;
    const relmap_relationship *existing = orl_find_relationship(target, name);
    const relmap_column *col = existing ? NULL : orl_find_column_attribute(target, name);
    rm_buf place = RM_BUF_INIT;
    relmap_span there = existing ? existing->span : col ? col->span : target->span;
    orl_add_place(&place, model, there);
    relmap_finding *f;
    if (existing) {
        f = rc_report(ctx, rel->span, rel->owner->table, NULL,
                      REL_FMT
                      " has backref=\"%s\", but %s already defines %s (%s): SQLAlchemy "
                      "refuses to create the backref; link the two sides with back_populates "
                      "instead: back_populates=\"%s\" here and back_populates=\"%s\" on %s.%s",
                      REL_ARGS(rel), name, target->name, name, rm_buf_cstr(&place), name, rel->name,
                      target->name, name);
        rc_related(ctx, f, there, "%s.%s, already defined here", target->name, name);
        rc_fix(ctx, f, "back_populates=\"%s\"", name);
    } else {
        f = rc_report(ctx, rel->span, rel->owner->table, NULL,
                      REL_FMT " has backref=\"%s\", but %s already has an attribute %s (%s, a "
                              "column): SQLAlchemy refuses to create the backref; give the backref "
                              "another name",
                      REL_ARGS(rel), name, target->name, name, rm_buf_cstr(&place));
        rc_related(ctx, f, there, "%s.%s, already defined here", target->name, name);
    }
    orl_about(f, rel);
    rm_buf_free(&place);
}

void rule_orm_backref_conflict(rule_ctx *ctx)
{
    orl_each_relationship(ctx, backref_conflict, NULL);
}

/* Levenshtein distance, capped: enough to suggest a class name for a typo. */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return 99;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            diag = up;
            row[j] = best;
        }
    }
    return row[lb];
}

static void unknown_target(rule_ctx *ctx, const relmap_relationship *rel, void *payload)
{
    (void)payload;
    relmap_unresolved_reason why = rel->unresolved_reason;
    const relmap_model *model = rc_model(ctx);
    const char *text = rel->target_text;
    relmap_finding *f;
    if (why == RELMAP_UNRESOLVED_TARGET_MISSING) {
        f = rc_report(ctx, rel->span, rel->owner->table, NULL,
                      REL_FMT " names no target class: relationship() needs the class it links "
                              "to, e.g. relationship(\"Address\")",
                      REL_ARGS(rel));
    } else if (why == RELMAP_UNRESOLVED_TARGET_NOT_MAPPED) {
        f = rc_report(ctx, rel->span, rel->owner->table, NULL,
                      REL_FMT
                      " links to %s, which is not mapped (no table, or abstract): "
                      "SQLAlchemy refuses to configure the mappers; point it at a mapped class",
                      REL_ARGS(rel), text);
    } else if (why == RELMAP_UNRESOLVED_TARGET_OTHER_REGISTRY) {
        f = rc_report(ctx, rel->span, rel->owner->table, NULL,
                      REL_FMT
                      " links to \"%s\", but that class is mapped by another declarative base "
                      "than %s: SQLAlchemy looks the name up in %s's registry only and fails to "
                      "configure the mappers (\"expression '%s' failed to locate a name\"); "
                      "derive both classes from the same base",
                      REL_ARGS(rel), text, rel->owner->name, rel->owner->name, text);
    } else if (why == RELMAP_UNRESOLVED_TARGET_UNKNOWN) {
        /* The last dotted part: "app.models.User" names User. */
        const char *dot = strrchr(text, '.');
        const char *bare = dot ? dot + 1 : text;
        const relmap_class *first = NULL, *close = NULL;
        size_t same = 0, best = 3;
        for (size_t i = 0; i < model->nclasses; i++) {
            const relmap_class *c = model->classes[i];
            if (c->mixin)
                continue;
            if (strcmp(c->name, bare) == 0) {
                same++;
                if (!first)
                    first = c;
            }
            size_t d = distance(c->name, bare);
            if (d < best && c->table && !c->abstract) {
                best = d;
                close = c;
            }
        }
        if (same > 1 && !dot) {
            f = rc_report(ctx, rel->span, rel->owner->table, NULL,
                          REL_FMT
                          " links to \"%s\", but %zu classes have that name (one in %s): "
                          "SQLAlchemy cannot tell which is meant; write the module-qualified "
                          "name, e.g. \"%s.%s\"",
                          REL_ARGS(rel), text, same, first->module ? first->module : "?",
                          first->module ? first->module : "module", first->name);
        } else if (close && best > 0) {
            f = rc_report(ctx, rel->span, rel->owner->table, NULL,
                          REL_FMT
                          " links to \"%s\", a class defined nowhere in the inputs: "
                          "SQLAlchemy fails to configure the mappers (\"expression '%s' failed "
                          "to locate a name\"); did you mean \"%s\"?",
                          REL_ARGS(rel), text, text, close->name);
            rc_related(ctx, f, close->span, "class %s", close->name);
        } else {
            f = rc_report(ctx, rel->span, rel->owner->table, NULL,
                          REL_FMT
                          " links to \"%s\", a class defined nowhere in the inputs (or "
                          "not mapped): SQLAlchemy fails to configure the mappers (\"expression "
                          "'%s' failed to locate a name\"); define the class, import its module "
                          "in the inputs, or correct the name",
                          REL_ARGS(rel), text, text);
        }
    } else {
        return;
    }
    orl_about(f, rel);
}

void rule_orm_unknown_target(rule_ctx *ctx)
{
    orl_each_relationship(ctx, unknown_target, NULL);
}

/* "transfers.from_account_id, transfers.to_account_id": the local columns
 * of the keys between the two sides' tables, either way round. */
static size_t add_paths(rm_buf *b, const relmap_table *from, const relmap_table *to, size_t n)
{
    for (size_t i = 0; from && to && i < from->nfks; i++) {
        const relmap_fk *fk = &from->fks[i];
        if (fk->ref_table != to)
            continue;
        if (n++)
            rm_buf_adds(b, ", ");
        ru_add_fk_local(b, from, fk);
    }
    return n;
}

/* The column of `t` named `<prefix>_id` (the usual name of a key). */
static const relmap_column *id_column(const relmap_table *t, const char *prefix)
{
    size_t n = strlen(prefix);
    for (size_t i = 0; t && i < t->ncolumns; i++) {
        const char *name = t->columns[i].name;
        if (strncmp(name, prefix, n) == 0 && strcmp(name + n, "_id") == 0)
            return &t->columns[i];
    }
    return NULL;
}

/* Where the missing key of a plain join belongs, guessed from the column
 * names: books.author_id for Book.author (or for Author.books). */
static const relmap_column *key_home(const relmap_relationship *rel, const relmap_table **table)
{
    rm_buf name = RM_BUF_INIT;
    const relmap_column *c = id_column(rel->owner->table, rel->name);
    *table = rel->owner->table;
    if (!c) {
        c = id_column(rel->target->table, orl_suggest_name(&name, rel->owner, false));
        *table = rel->target->table;
    }
    rm_buf_free(&name);
    return c;
}

/* Two sides of one pair that fail for one cause get one finding: on the
 * side whose own table holds the key column, else on the first by name. */
static bool pair_reported_elsewhere(const relmap_relationship *rel)
{
    const relmap_relationship *p = rel->partner;
    if (!p || p->unresolved_reason != rel->unresolved_reason || !p->owner || !p->target ||
        !p->owner->table || !p->target->table)
        return false;
    const relmap_table *t;
    const relmap_column *mine = key_home(rel, &t);
    bool mine_here = mine && t == rel->owner->table;
    const relmap_column *theirs = key_home(p, &t);
    bool theirs_there = theirs && t == p->owner->table;
    if (mine_here != theirs_there)
        return theirs_there;
    return orl_before(p, rel);
}

/* The class that maps `t`, for naming a column as "Class.column". */
static const relmap_class *class_of(const relmap_model *model, const relmap_table *t)
{
    for (size_t i = 0; i < model->nclasses; i++)
        if (model->classes[i]->table == t && !model->classes[i]->parent)
            return model->classes[i];
    return NULL;
}

static void join_path(rule_ctx *ctx, const relmap_relationship *rel, void *payload)
{
    bool ambiguous = payload != NULL;
    relmap_unresolved_reason want =
        ambiguous ? RELMAP_UNRESOLVED_AMBIGUOUS_JOIN : RELMAP_UNRESOLVED_NO_JOIN_PATH;
    if (rel->unresolved_reason != want || !rel->target || !rel->owner->table ||
        !rel->target->table || pair_reported_elsewhere(rel))
        return;
    const relmap_table *own = rel->owner->table, *other = rel->target->table;
    relmap_finding *f;
    rm_buf paths = RM_BUF_INIT;
    if (rel->secondary) {
        const relmap_table *sec = rel->secondary;
        if (ambiguous) {
            size_t n = add_paths(&paths, sec, own, 0);
            if (own != other)
                add_paths(&paths, sec, other, n);
            f = rc_report(ctx, rel->span, own, NULL,
                          REL_FMT
                          ": the secondary table %s has several keys to %s or %s (%s) "
                          "and nothing says which this relationship uses: SQLAlchemy refuses to "
                          "configure it; write primaryjoin= and secondaryjoin=",
                          REL_ARGS(rel), sec->name, own->name, other->name, rm_buf_cstr(&paths));
        } else {
            f = rc_report(ctx, rel->span, own, NULL,
                          REL_FMT
                          ": the secondary table %s needs a foreign key to %s and one to "
                          "%s, and no primaryjoin/secondaryjoin is given: SQLAlchemy refuses to "
                          "configure it (relationship() uses keys, it does not create them); "
                          "declare both keys with ForeignKey(...) in %s",
                          REL_ARGS(rel), sec->name, own->name, other->name, sec->name);
        }
    } else if (ambiguous) {
        size_t n = add_paths(&paths, own, other, 0);
        if (own != other)
            add_paths(&paths, other, own, n);
        /* The key named like the relationship is the likely one. */
        const relmap_table *home = own;
        const relmap_column *col = id_column(own, rel->name);
        for (size_t i = 0; !col && i < own->nfks; i++)
            if (own->fks[i].ref_table == other && own->fks[i].ncolumns == 1)
                col = own->fks[i].columns[0].column;
        for (size_t i = 0; !col && i < other->nfks; i++)
            if (other->fks[i].ref_table == own && other->fks[i].ncolumns == 1) {
                col = other->fks[i].columns[0].column;
                home = other;
            }
        const relmap_class *holder = col ? class_of(rc_model(ctx), home) : NULL;
        if (holder) {
            const char *attr = col->key ? col->key : col->name;
            f = rc_report(ctx, rel->span, own, NULL,
                          REL_FMT ": several foreign keys link %s and %s (%s) and neither "
                                  "foreign_keys nor primaryjoin says which this relationship uses: "
                                  "SQLAlchemy refuses to configure it; name its key column, e.g. "
                                  "foreign_keys=\"%s.%s\"",
                          REL_ARGS(rel), own->name, other->name, rm_buf_cstr(&paths), holder->name,
                          attr);
            rc_fix(ctx, f, "foreign_keys=\"%s.%s\"", holder->name, attr);
        } else {
            f = rc_report(ctx, rel->span, own, NULL,
                          REL_FMT ": several foreign keys link %s and %s (%s) and neither "
                                  "foreign_keys nor primaryjoin says which this relationship uses: "
                                  "SQLAlchemy refuses to configure it; name its key columns with "
                                  "foreign_keys=, or write primaryjoin=",
                          REL_ARGS(rel), own->name, other->name, rm_buf_cstr(&paths));
        }
    } else {
        const relmap_table *home;
        const relmap_column *col = key_home(rel, &home);
        const relmap_table *parent = home == own ? other : own;
        const relmap_fk *real = NULL;
        for (size_t i = 0; !real && i < own->nfks; i++)
            if (own->fks[i].ref_table == other)
                real = &own->fks[i];
        for (size_t i = 0; !real && i < other->nfks; i++)
            if (other->fks[i].ref_table == own)
                real = &other->fks[i];
        if (rel->nforeign_keys && real) {
            /* A key exists; foreign_keys= names none of its columns:
             * ORM021 reports that, once. */
            rm_buf_free(&paths);
            return;
        } else if (col && parent->primary_key.ncolumns == 1) {
            f = rc_report(ctx, rel->span, own, NULL,
                          REL_FMT
                          ": no foreign key links %s and %s%s, and no primaryjoin is "
                          "given: SQLAlchemy refuses to configure the relationship "
                          "(relationship() uses keys, it does not create them); declare %s.%s "
                          "with ForeignKey(\"%s.%s\")",
                          REL_ARGS(rel), own->name, other->name,
                          rel->nforeign_keys ? " through the columns foreign_keys names" : "",
                          home->name, col->name, parent->name, parent->primary_key.columns[0].name);
            rc_related(ctx, f, col->span, "%s.%s, the column that needs the key", home->name,
                       col->name);
        } else {
            f = rc_report(ctx, rel->span, own, NULL,
                          REL_FMT
                          ": no foreign key links %s and %s%s, and no primaryjoin is "
                          "given: SQLAlchemy refuses to configure the relationship "
                          "(relationship() uses keys, it does not create them); declare the key "
                          "column with ForeignKey(...) on the many side",
                          REL_ARGS(rel), own->name, other->name,
                          rel->nforeign_keys ? " through the columns foreign_keys names" : "");
        }
        if (rel->partner && rel->partner->unresolved_reason == want)
            rc_related(ctx, f, rel->partner->span,
                       "%s.%s, the other side, fails for the same reason",
                       rel->partner->owner->name, rel->partner->name);
    }
    orl_about(f, rel);
    rm_buf_free(&paths);
}

void rule_orm_no_join_path(rule_ctx *ctx)
{
    orl_each_relationship(ctx, join_path, NULL);
}

void rule_orm_ambiguous_join_path(rule_ctx *ctx)
{
    static int ambiguous;
    orl_each_relationship(ctx, join_path, &ambiguous);
}

static void secondary_unknown(rule_ctx *ctx, const relmap_relationship *rel, void *payload)
{
    (void)payload;
    if (rel->unresolved_reason != RELMAP_UNRESOLVED_SECONDARY_UNKNOWN)
        return;
    /* Both sides naming the missing table: one finding, on the first. */
    const relmap_relationship *p = rel->partner;
    if (p && p->unresolved_reason == rel->unresolved_reason && p->owner && orl_before(p, rel))
        return;
    const relmap_table *own = rel->owner->table;
    const relmap_table *other = rel->target ? rel->target->table : NULL;
    relmap_finding *f = rc_report(
        ctx, rel->span, own, NULL,
        REL_FMT " has secondary=\"%s\", a table defined nowhere in the inputs (a missing "
                "junction table): SQLAlchemy fails to configure the mappers; define it with a "
                "foreign key to each side",
        REL_ARGS(rel), rel->secondary_text);
    if (p && p->unresolved_reason == rel->unresolved_reason && p->owner)
        rc_related(ctx, f, p->span, "%s.%s names the same missing table", p->owner->name, p->name);
    if (own && other && own->primary_key.ncolumns == 1 && other->primary_key.ncolumns == 1) {
        rm_buf a = RM_BUF_INIT, b = RM_BUF_INIT;
        const char *own_pk = own->primary_key.columns[0].name;
        const char *other_pk = other->primary_key.columns[0].name;
        const char *own_name = orl_suggest_name(&a, rel->owner, false);
        const char *other_name = orl_suggest_name(&b, rel->target, false);
        bool self = own == other;
        rc_fix(ctx, f,
               "%s = Table(\"%s\", Base.metadata,\n"
               "    Column(\"%s_%s\", ForeignKey(\"%s.%s\"), primary_key=True),\n"
               "    Column(\"%s%s_%s\", ForeignKey(\"%s.%s\"), primary_key=True))",
               rel->secondary_text, rel->secondary_text, own_name, own_pk, own->name, own_pk,
               self ? "other_" : "", other_name, other_pk, other->name, other_pk);
        rm_buf_free(&a);
        rm_buf_free(&b);
    }
    orl_about(f, rel);
}

void rule_orm_secondary_unknown(rule_ctx *ctx)
{
    orl_each_relationship(ctx, secondary_unknown, NULL);
}
