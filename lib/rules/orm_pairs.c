/*
 * orm_pairs.c - the two sides of a relationship: ORM001 (two sides that
 * do not know each other), ORM002 (no side back at all), ORM004 (a
 * back_populates the other side does not return) and ORM010 (two
 * collections over a plain foreign key).
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

#include "orm_rel_util.h"
#include "rule_util.h"

/* Resolved, with keys of its own, and not made by a backref. */
static bool plain_resolved(const relmap_relationship *rel)
{
    return rel->target && !rel->unresolved && rel->direction != RELMAP_DIRECTION_UNKNOWN &&
           !rel->from_backref && rel->owner && rel->owner->table;
}

/* Whether the two use the same foreign keys (the same secondary, too). */
static bool same_keys(const relmap_relationship *a, const relmap_relationship *b)
{
    if (a->nfks == 0 || a->nfks != b->nfks || a->secondary != b->secondary)
        return false;
    for (size_t i = 0; i < a->nfks; i++) {
        bool found = false;
        for (size_t k = 0; k < b->nfks && !found; k++)
            found = a->fks[i] == b->fks[k];
        if (!found)
            return false;
    }
    return true;
}

/* Of two sides, the one a finding goes on: the one-to-many side (where
 * the tutorials put back_populates first), else the first by name. */
static bool reported_side(const relmap_relationship *a, const relmap_relationship *b)
{
    bool a_many = a->direction == RELMAP_DIRECTION_ONETOMANY;
    bool b_many = b->direction == RELMAP_DIRECTION_ONETOMANY;
    if (a_many != b_many)
        return a_many;
    int c = strcmp(a->owner->name, b->owner->name);
    return c < 0 || (c == 0 && strcmp(a->name, b->name) < 0);
}

/* Whether overlaps="a, b" lists `name`: the user has said the two sides
 * share the key on purpose, and SQLAlchemy is silent. */
static bool overlaps_names(const relmap_relationship *rel, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = rel->overlaps; p && *p;) {
        p += strspn(p, ", ");
        size_t len = strcspn(p, ", ");
        if (len == n && strncmp(p, name, n) == 0)
            return true;
        p += len;
    }
    return false;
}

/* The other side of `rel` that ORM001 is about: a relationship on the
 * target that points back at rel's class over the same keys, when neither
 * side names a partner. */
static const relmap_relationship *unlinked_other_side(const relmap_relationship *rel)
{
    if (!plain_resolved(rel) || rel->partner || rel->backref_spec || rel->back_populates ||
        rel->viewonly)
        return NULL;
    for (const relmap_class *c = rel->target; c; c = c->parent)
        for (size_t i = 0; i < c->nrelationships; i++) {
            const relmap_relationship *o = &c->relationships[i];
            if (o == rel || !plain_resolved(o) || o->partner || o->backref_spec ||
                o->back_populates || o->viewonly || !orl_same_lineage(o->target, rel->owner))
                continue;
            if (same_keys(rel, o) && !overlaps_names(rel, o->name) && !overlaps_names(o, rel->name))
                return o;
        }
    return NULL;
}

static void missing_back_populates(rule_ctx *ctx, const relmap_relationship *rel, void *payload)
{
    (void)payload;
    const relmap_relationship *other = unlinked_other_side(rel);
    if (!other || !reported_side(rel, other))
        return;
    rm_buf place = RM_BUF_INIT;
    orl_add_place(&place, rc_model(ctx), other->span);
    relmap_finding *f = rc_report(
        ctx, rel->span, rel->owner->table, NULL,
        "%s.%s has no back_populates; %s.%s (%s) maps the same key — add "
        "back_populates=\"%s\" here and back_populates=\"%s\" there (unlinked, the two sides "
        "get out of sync in memory until a flush, and SQLAlchemy warns that they overlap)",
        rel->owner->name, rel->name, other->owner->name, other->name, rm_buf_cstr(&place),
        other->name, rel->name);
    rc_related(ctx, f, other->span, "%s.%s: add back_populates=\"%s\" here", other->owner->name,
               other->name, rel->name);
    rc_fix(ctx, f, "back_populates=\"%s\"", other->name);
    orl_about(f, rel);
    rm_buf_free(&place);
}

void rule_orm_missing_back_populates(rule_ctx *ctx)
{
    orl_each_relationship(ctx, missing_back_populates, NULL);
}

/* Whether `target` (or a class it inherits) has any relationship other
 * than `rel` pointing back at rel's class. */
static bool has_way_back(const relmap_relationship *rel)
{
    for (const relmap_class *c = rel->target; c; c = c->parent)
        for (size_t i = 0; i < c->nrelationships; i++) {
            const relmap_relationship *o = &c->relationships[i];
            if (o != rel && orl_same_lineage(o->target, rel->owner))
                return true;
        }
    return false;
}

static void one_sided(rule_ctx *ctx, const relmap_relationship *rel, void *payload)
{
    (void)payload;
    if (!plain_resolved(rel) || rel->partner || rel->backref_spec || rel->back_populates ||
        has_way_back(rel))
        return;
    /* An adjacency list is navigated within its own class; whether it
     * needs remote_side or a second side is ORM017's business. */
    if (orl_same_lineage(rel->target, rel->owner))
        return;
    /* The other side is a collection unless this one is a collection of a
     * one-to-many (then the other side is the scalar "parent"). */
    bool back_is_list = rel->direction != RELMAP_DIRECTION_ONETOMANY;
    rm_buf name = RM_BUF_INIT;
    const char *suggested = orl_suggest_name(&name, rel->owner, back_is_list);
    /* Several keys to one class need one name per key: "origin_trips". */
    for (size_t i = 0; i < rel->owner->nrelationships; i++) {
        const relmap_relationship *o = &rel->owner->relationships[i];
        if (o != rel && o->target == rel->target) {
            char *plain = rm_strdup(suggested);
            rm_buf_clear(&name);
            rm_buf_printf(&name, "%s_%s", rel->name, plain);
            free(plain);
            suggested = rm_buf_cstr(&name);
            break;
        }
    }
    relmap_finding *f =
        rc_report(ctx, rel->span, rel->owner->table, NULL,
                  "%s.%s is one-sided: %s has no relationship back to %s; define the other side "
                  "explicitly, as the SQLAlchemy tutorials do: %s = relationship(\"%s\", "
                  "back_populates=\"%s\") on %s, and back_populates=\"%s\" here",
                  rel->owner->name, rel->name, rel->target->name, rel->owner->name, suggested,
                  rel->owner->name, rel->name, rel->target->name, suggested);
    orl_about(f, rel);
    rm_buf_free(&name);
}

void rule_orm_one_sided_relationship(rule_ctx *ctx)
{
    orl_each_relationship(ctx, one_sided, NULL);
}

/* A relationship of `target` pointing back at `owner` whose back_populates
 * names `name`: the side that claims to be the pair. */
static const relmap_relationship *claimant(const relmap_class *target, const relmap_class *owner,
                                           const char *name)
{
    for (const relmap_class *c = target; c; c = c->parent)
        for (size_t i = 0; i < c->nrelationships; i++) {
            const relmap_relationship *r = &c->relationships[i];
            if (r->back_populates && strcmp(r->back_populates, name) == 0 &&
                orl_same_lineage(r->target, owner))
                return r;
        }
    return NULL;
}

static void back_populates_mismatch(rule_ctx *ctx, const relmap_relationship *rel, void *payload)
{
    (void)payload;
    if (rel->from_backref || !rel->back_populates || !rel->target)
        return;
    const relmap_model *model = rc_model(ctx);
    rm_buf place = RM_BUF_INIT;
    relmap_finding *f = NULL;
    relmap_span at = ru_span_or(rel->back_populates_span, rel->span);
    if (rel->unresolved_reason == RELMAP_UNRESOLVED_BACK_POPULATES_MISMATCH) {
        /* B.y exists but is a relationship to another class. */
        const relmap_relationship *named = orl_find_relationship(rel->target, rel->back_populates);
        const relmap_relationship *meant = claimant(rel->target, rel->owner, rel->name);
        orl_add_place(&place, model, named ? named->span : rel->target->span);
        const char *elsewhere = named && named->target        ? named->target->name
                                : named && named->target_text ? named->target_text
                                                              : "another class";
        if (meant) {
            f = rc_report(ctx, at, rel->owner->table, NULL,
                          "%s.%s has back_populates=\"%s\", but %s.%s (%s) is a relationship to "
                          "%s, not to %s: SQLAlchemy refuses to configure the mappers; %s.%s "
                          "names this side back — write back_populates=\"%s\"",
                          rel->owner->name, rel->name, rel->back_populates, rel->target->name,
                          rel->back_populates, rm_buf_cstr(&place), elsewhere, rel->owner->name,
                          rel->target->name, meant->name, meant->name);
            rc_fix(ctx, f, "back_populates=\"%s\"", meant->name);
        } else {
            f = rc_report(ctx, at, rel->owner->table, NULL,
                          "%s.%s has back_populates=\"%s\", but %s.%s (%s) is a relationship to "
                          "%s, not to %s: SQLAlchemy refuses to configure the mappers; name the "
                          "relationship of %s that points back at %s",
                          rel->owner->name, rel->name, rel->back_populates, rel->target->name,
                          rel->back_populates, rm_buf_cstr(&place), elsewhere, rel->owner->name,
                          rel->target->name, rel->owner->name);
        }
        if (named)
            rc_related(ctx, f, named->span, "%s.%s, a relationship to %s", rel->target->name,
                       named->name, elsewhere);
    } else if (rel->partner && !rel->unresolved) {
        const relmap_relationship *other = rel->partner;
        if (other->from_backref)
            goto done;
        if (other->back_populates && strcmp(other->back_populates, rel->name) == 0)
            goto done;
        /* A partner whose own back_populates is broken is reported there
         * (with the fix that names this side): one cause, one finding. */
        if (other->back_populates && (other->unresolved || !other->partner))
            goto done;
        orl_add_place(&place, model, other->span);
        if (!other->back_populates)
            f = rc_report(ctx, at, rel->owner->table, NULL,
                          "%s.%s has back_populates=\"%s\", but %s.%s (%s) does not name %s back: "
                          "the pair is linked one way only, so setting %s.%s leaves %s.%s stale "
                          "in memory until a flush; add back_populates=\"%s\" to %s.%s",
                          rel->owner->name, rel->name, rel->back_populates, other->owner->name,
                          other->name, rm_buf_cstr(&place), rel->name, other->owner->name,
                          other->name, rel->owner->name, rel->name, rel->name, other->owner->name,
                          other->name);
        else
            f = rc_report(ctx, at, rel->owner->table, NULL,
                          "%s.%s has back_populates=\"%s\", but %s.%s (%s) names %s back, not "
                          "%s: only one relationship can be its pair; make the two agree (or "
                          "link %s.%s to another attribute)",
                          rel->owner->name, rel->name, rel->back_populates, other->owner->name,
                          other->name, rm_buf_cstr(&place), other->back_populates, rel->name,
                          rel->owner->name, rel->name);
        rc_related(ctx, f, other->span, "%s.%s: add back_populates=\"%s\" here", other->owner->name,
                   other->name, rel->name);
    }
    if (f)
        orl_about(f, rel);
done:
    rm_buf_free(&place);
}

void rule_orm_back_populates_mismatch(rule_ctx *ctx)
{
    orl_each_relationship(ctx, back_populates_mismatch, NULL);
}

static void many_to_many_without_secondary(rule_ctx *ctx, const relmap_relationship *rel,
                                           void *payload)
{
    (void)payload;
    const relmap_relationship *other = rel->partner;
    if (!plain_resolved(rel) || rel->secondary || !other || other->secondary || !rel->is_list ||
        !other->is_list || other->unresolved)
        return;
    /* One finding per pair: on the many-to-one side, whose key holds one
     * parent per row. */
    if (rel->direction != RELMAP_DIRECTION_MANYTOONE)
        return;
    rm_buf key = RM_BUF_INIT, place = RM_BUF_INIT;
    if (rel->nfks)
        ru_add_fk(&key, rel->owner->table, rel->fks[0]);
    orl_add_place(&place, rc_model(ctx), other->span);
    relmap_finding *f = rc_report(
        ctx, rel->span, rel->owner->table, NULL,
        "%s.%s and %s.%s (%s) are both collections, but no secondary table links them: the key "
        "%s holds one %s per %s row, so this is a one-to-many, not a many-to-many; make %s.%s a "
        "scalar (uselist=False / no list annotation), or create a junction table with a key to "
        "each side and pass it as secondary= on both",
        rel->owner->name, rel->name, other->owner->name, other->name, rm_buf_cstr(&place),
        rm_buf_cstr(&key), rel->target->name, rel->owner->table->name, rel->owner->name, rel->name);
    rc_related(ctx, f, other->span, "%s.%s, the other collection", other->owner->name, other->name);
    orl_about(f, rel);
    rm_buf_free(&key);
    rm_buf_free(&place);
}

void rule_orm_many_to_many_without_secondary(rule_ctx *ctx)
{
    orl_each_relationship(ctx, many_to_many_without_secondary, NULL);
}
