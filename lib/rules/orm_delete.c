/*
 * orm_delete.c - what happens to rows when the ORM deletes: ORM011
 * (ON DELETE CASCADE the ORM does not leave to the database), ORM012
 * (delete-orphan on the wrong side), ORM013 (the ORM nulls a NOT NULL
 * key), ORM019 (delete cascading to a shared parent), ORM022
 * (passive_deletes with nothing for the database to do) and ORM023
 * (persistence options on a view-only relationship).
 *
 * Each looks at one relationship; the conditions are disjoint where two
 * rules could otherwise speak of one cause (ORM011 needs ON DELETE CASCADE,
 * ORM013 and ORM022 need no action; ORM012 wins over ORM019; a view-only
 * relationship is ORM023's alone).
 */
#include <string.h>

#include "rel_util.h"
#include "rule_util.h"

/* What a one-to-many calls the rows it holds in messages: "Photo". */
static const char *target_name(const relmap_relationship *rel)
{
    return rel->target ? rel->target->name : rel->target_text;
}

/* The first NOT NULL local column of a key, or NULL. */
static const relmap_column *not_null_column(const relmap_fk *fk)
{
    for (size_t i = 0; i < fk->ncolumns; i++)
        if (fk->columns[i].column && !fk->columns[i].column->nullable)
            return fk->columns[i].column;
    return NULL;
}

/* A relationship that writes rows: resolved, not view-only. */
static bool writes(const relmap_relationship *rel)
{
    return rl_resolved(rel) && !rel->viewonly;
}

static void add_key(rm_buf *b, const relmap_model *model, const relmap_relationship *rel,
                    const relmap_fk *fk)
{
    const relmap_table *t = rl_rel_fk_table(model, rel, fk);
    if (t)
        ru_add_fk(b, t, fk);
    else
        rm_buf_adds(b, fk->ref_table_name);
}

static void relate_key(rule_ctx *ctx, relmap_finding *f, const relmap_relationship *rel,
                       const relmap_fk *fk, const char *what)
{
    const relmap_table *t = rl_rel_fk_table(rc_model(ctx), rel, fk);
    rm_buf b = RM_BUF_INIT;
    add_key(&b, rc_model(ctx), rel, fk);
    rc_related(ctx, f, ru_span_or(fk->span, t ? t->span : fk->span), "%s: %s", what,
               rm_buf_cstr(&b));
    rm_buf_free(&b);
}

void rule_orm_ondelete_without_passive_deletes(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf key = RM_BUF_INIT, fix = RM_BUF_INIT;
    RL_EACH_RELATIONSHIP(model, rel)
    {
        if (!writes(rel) || rel->direction != RELMAP_DIRECTION_ONETOMANY || rel->passive_deletes)
            continue;
        const relmap_fk *fk = rl_key(rel);
        if (fk->on_delete != RELMAP_ACTION_CASCADE)
            continue;
        rm_buf_clear(&key);
        add_key(&key, model, rel, fk);
        const char *child = target_name(rel), *parent = rel->owner->name;
        relmap_finding *f;
        rm_buf cols = RM_BUF_INIT;
        ru_add_refs(&cols, fk->columns, fk->ncolumns);
        if (rl_cascade(rel) & RL_CASCADE_DELETE) {
            f = rl_report(ctx, rel,
                          "%s.%s cascades delete but lacks passive_deletes=True, while %s is ON "
                          "DELETE CASCADE: deleting %s %s makes the ORM load every %s of it and "
                          "delete each one with its own statement, work the database does in "
                          "one; add passive_deletes=True so that the ORM leaves the children it "
                          "has not loaded to the database",
                          parent, rel->name, rm_buf_cstr(&key), rl_article(parent), parent, child);
        } else {
            const relmap_column *nn = not_null_column(fk);
            f = rl_report(
                ctx, rel,
                "%s.%s lacks passive_deletes=True (and has no delete cascade), while %s is ON "
                "DELETE CASCADE: deleting %s %s makes the ORM load its %s rows and set their "
                "%s to NULL before the parent row goes, so the database's cascade never "
                "deletes them%s; add passive_deletes=True to let the database delete them",
                parent, rel->name, rm_buf_cstr(&key), rl_article(parent), parent, child,
                rm_buf_cstr(&cols),
                nn ? " and the flush fails on the NOT NULL column (IntegrityError)"
                   : ": they stay behind as orphans");
        }
        rm_buf_free(&cols);
        relate_key(ctx, f, rel, fk, "the key that cascades");
        rm_buf_clear(&fix);
        rl_add_call(&fix, rel, "passive_deletes=True");
        rc_fix(ctx, f, "%s", rm_buf_cstr(&fix));
    }
    rm_buf_free(&key);
    rm_buf_free(&fix);
}

static const char *direction_words(const relmap_relationship *rel)
{
    return rel->direction == RELMAP_DIRECTION_MANYTOMANY ? "many-to-many" : "many-to-one";
}

/* Where a cascade belongs instead: "the other side (Category.products)",
 * or "a one-to-many on Category" when there is no other side. */
static void add_other_side(rm_buf *b, const relmap_relationship *rel)
{
    if (rel->partner) {
        rm_buf_adds(b, "the other side (");
        rl_add_name(b, rel->partner);
        rm_buf_adds(b, ")");
    } else {
        rm_buf_printf(b, "a %s on %s",
                      rel->direction == RELMAP_DIRECTION_MANYTOONE ? "one-to-many" : "relationship",
                      target_name(rel));
    }
}

void rule_orm_delete_orphan_wrong_side(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf other = RM_BUF_INIT, fix = RM_BUF_INIT;
    RL_EACH_RELATIONSHIP(model, rel)
    {
        if (!writes(rel) || rel->single_parent ||
            (rel->direction != RELMAP_DIRECTION_MANYTOONE &&
             rel->direction != RELMAP_DIRECTION_MANYTOMANY) ||
            !(rl_cascade(rel) & RL_CASCADE_DELETE_ORPHAN))
            continue;
        rm_buf_clear(&other);
        add_other_side(&other, rel);
        relmap_finding *f = rl_report(
            ctx, rel,
            "%s.%s is a %s with a delete-orphan cascade but without single_parent=True: "
            "SQLAlchemy refuses it when mappers are configured (\"delete-orphan cascade is "
            "normally configured only on the 'one' side of a one-to-many relationship\"); put the "
            "cascade on %s, or add single_parent=True if each "
            "%s belongs to one %s only",
            rel->owner->name, rel->name, direction_words(rel), rm_buf_cstr(&other),
            target_name(rel), rel->owner->name);
        if (rel->partner)
            rc_related(ctx, f, rel->partner->span, "the other side, where the cascade belongs");
        rm_buf_clear(&fix);
        rl_add_call(&fix, rel, "single_parent=True");
        rc_fix(ctx, f, "%s", rm_buf_cstr(&fix));
    }
    rm_buf_free(&other);
    rm_buf_free(&fix);
}

/* Actions that make the database do something when the parent goes. */
static bool no_delete_action(relmap_fk_action a)
{
    return a == RELMAP_ACTION_UNSET || a == RELMAP_ACTION_NO_ACTION || a == RELMAP_ACTION_RESTRICT;
}

void rule_orm_delete_nulls_not_null_fk(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf key = RM_BUF_INIT, fix = RM_BUF_INIT;
    RL_EACH_RELATIONSHIP(model, rel)
    {
        if (!writes(rel) || rel->direction != RELMAP_DIRECTION_ONETOMANY || rel->passive_deletes ||
            (rl_cascade(rel) & RL_CASCADE_DELETE))
            continue;
        const relmap_fk *fk = rl_key(rel);
        const relmap_column *nn = not_null_column(fk);
        if (!nn || !no_delete_action(fk->on_delete))
            continue;
        const relmap_table *t = rl_rel_fk_table(model, rel, fk);
        rm_buf_clear(&key);
        add_key(&key, model, rel, fk);
        const char *child = target_name(rel), *parent = rel->owner->name;
        relmap_finding *f = rl_report(
            ctx, rel,
            "%s.%s has neither a delete cascade nor passive_deletes, and %s.%s is NOT NULL with "
            "no ON DELETE action (%s): deleting %s %s that still has %s rows makes the ORM set "
            "their %s to NULL, and the flush fails with an IntegrityError; if %s %s belongs to "
            "its %s, add cascade=\"all, delete-orphan\" here; if the database should delete "
            "them, add passive_deletes=True here and ondelete=\"CASCADE\" to the ForeignKey",
            parent, rel->name, t ? t->name : child, nn->name, rm_buf_cstr(&key), rl_article(parent),
            parent, child, nn->name, rl_article(child), child, parent);
        rc_related(ctx, f, ru_span_or(nn->span, fk->span), "%s.%s is NOT NULL", t ? t->name : child,
                   nn->name);
        rm_buf_clear(&fix);
        rl_add_call(&fix, rel, "cascade=\"all, delete-orphan\"");
        rc_fix(ctx, f, "%s", rm_buf_cstr(&fix));
    }
    rm_buf_free(&key);
    rm_buf_free(&fix);
}

void rule_orm_delete_cascade_many_to_one(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf other = RM_BUF_INIT, fix = RM_BUF_INIT;
    RL_EACH_RELATIONSHIP(model, rel)
    {
        unsigned cascade = rl_cascade(rel);
        if (!writes(rel) || rel->single_parent || !(cascade & RL_CASCADE_DELETE) ||
            (rel->direction != RELMAP_DIRECTION_MANYTOONE &&
             rel->direction != RELMAP_DIRECTION_MANYTOMANY))
            continue;
        /* Without single_parent, delete-orphan here is ORM012's error. */
        if (cascade & RL_CASCADE_DELETE_ORPHAN)
            continue;
        rm_buf_clear(&other);
        add_other_side(&other, rel);
        const char *own = rel->owner->name, *target = target_name(rel);
        relmap_finding *f;
        if (rel->direction == RELMAP_DIRECTION_MANYTOONE)
            f = rl_report(ctx, rel,
                          "%s.%s is a many-to-one that cascades delete (cascade=\"%s\"): "
                          "deleting one %s deletes its %s, which other %s rows may still "
                          "reference (the flush then fails on their key, or leaves them "
                          "pointing at nothing where keys are not enforced); cascade deletes "
                          "from %s instead",
                          own, rel->name, rel->cascade, own, target, own, rm_buf_cstr(&other));
        else
            f = rl_report(ctx, rel,
                          "%s.%s is a many-to-many that cascades delete (cascade=\"%s\"): "
                          "deleting one %s deletes every %s it links to, though other %s rows "
                          "may still link to them; drop \"delete\" from the cascade (the links "
                          "in %s are deleted anyway)",
                          own, rel->name, rel->cascade, own, target, own,
                          rel->secondary ? rel->secondary->name : rel->secondary_text);
        if (rel->partner)
            rc_related(ctx, f, rel->partner->span, "the other side");
        rm_buf_clear(&other);
        rm_buf_adds(&other, "cascade=\"");
        rl_add_cascade(&other, cascade & ~(unsigned)RL_CASCADE_DELETE);
        rm_buf_adds(&other, "\"");
        rm_buf_clear(&fix);
        rl_add_call(&fix, rel, rm_buf_cstr(&other));
        rc_fix(ctx, f, "%s", rm_buf_cstr(&fix));
    }
    rm_buf_free(&other);
    rm_buf_free(&fix);
}

void rule_orm_passive_deletes_without_ondelete(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf key = RM_BUF_INIT, fix = RM_BUF_INIT;
    RL_EACH_RELATIONSHIP(model, rel)
    {
        if (!writes(rel) || !rel->passive_deletes ||
            (rel->direction != RELMAP_DIRECTION_ONETOMANY &&
             rel->direction != RELMAP_DIRECTION_MANYTOMANY))
            continue;
        const relmap_fk *fk = rl_key(rel);
        if (fk->on_delete != RELMAP_ACTION_UNSET)
            continue;
        const relmap_table *t = rl_rel_fk_table(model, rel, fk);
        rm_buf_clear(&key);
        add_key(&key, model, rel, fk);
        bool m2m = rel->direction == RELMAP_DIRECTION_MANYTOMANY;
        relmap_finding *f = rl_report(
            ctx, rel,
            "%s.%s has passive_deletes=True, but %s has no ON DELETE action: the ORM leaves "
            "the %s it has not loaded to the database, which was never told to do anything, "
            "so deleting %s %s fails with a foreign key error (or leaves %s behind where keys "
            "are not enforced); add ondelete=\"CASCADE\" to the ForeignKey, or remove "
            "passive_deletes",
            rel->owner->name, rel->name, rm_buf_cstr(&key), m2m ? "links" : "rows",
            rl_article(rel->owner->name), rel->owner->name,
            m2m ? "links to a missing row" : "orphans");
        relate_key(ctx, f, rel, fk, "the key without ON DELETE");
        if (fk->ncolumns == 1 && fk->ntarget == 1 && fk->target[0] && fk->ref_table) {
            rm_buf_clear(&fix);
            rm_buf_printf(&fix, "ForeignKey(\"%s.%s\", ondelete=\"CASCADE\")", fk->ref_table->name,
                          fk->target[0]->name);
            rc_fix(ctx, f, "%s", rm_buf_cstr(&fix));
        }
        (void)t;
    }
    rm_buf_free(&key);
    rm_buf_free(&fix);
}

void rule_orm_viewonly_with_persistence(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf what = RM_BUF_INIT;
    RL_EACH_RELATIONSHIP(model, rel)
    {
        if (!rel->viewonly)
            continue;
        unsigned cascade = rl_cascade(rel);
        bool deletes = rel->cascade && (cascade & (RL_CASCADE_DELETE | RL_CASCADE_DELETE_ORPHAN));
        if (!deletes && !rel->passive_deletes)
            continue;
        rm_buf_clear(&what);
        if (deletes)
            rm_buf_printf(&what, "cascade=\"%s\"", rel->cascade);
        if (rel->passive_deletes)
            rm_buf_printf(&what, "%spassive_deletes=True", deletes ? " and " : "");
        relmap_finding *f = rl_report(
            ctx, rel,
            "%s.%s is viewonly=True but also sets %s: a view-only relationship never writes, "
            "so %s nothing (SQLAlchemy 1.4 %s, 2.x ignores %s silently); remove %s, or "
            "remove viewonly=True if %s.%s should write",
            rel->owner->name, rel->name, rm_buf_cstr(&what),
            deletes && rel->passive_deletes ? "they do" : "it does",
            deletes ? "refuses the cascade when the class is defined" : "warns about it",
            deletes && rel->passive_deletes ? "them" : "it",
            deletes && rel->passive_deletes ? "them" : "it", rel->owner->name, rel->name);
        /* 1.4 raises for a cascade on a view-only relationship. */
        if (deletes)
            f->severity = RELMAP_SEVERITY_ERROR;
    }
    rm_buf_free(&what);
}
