/*
 * orm_shared_rows.c - relationships that disagree about the rows they share:
 * ORM015 (two relationships write the same key columns and say nothing of
 * each other), ORM016 (a scalar over a key that is not unique), ORM017
 * (a self-referential relationship without remote_side) and ORM018 (the
 * two sides of a pair name different secondary tables).
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "ptrmap.h"
#include "rel_util.h"
#include "rule_util.h"

/* Whether a relationship looks meant as a scalar: uselist=False or a
 * non-collection annotation. */
static bool meant_scalar(const relmap_relationship *rel)
{
    return rel->uselist == RELMAP_NO ||
           (rel->uselist == RELMAP_UNSET && rel->collection == RELMAP_NO);
}

/* remote_side=, or remote() in a primaryjoin. */
static bool has_remote_side(const relmap_relationship *rel)
{
    return rel->nremote_side || (rel->primaryjoin && strstr(rel->primaryjoin, "remote("));
}

/* The column a key references, as an attribute of the class: "id". */
static const char *target_attribute(const relmap_fk *fk)
{
    if (fk->ntarget == 0 || !fk->target[0])
        return "id";
    return fk->target[0]->key ? fk->target[0]->key : fk->target[0]->name;
}

static void add_remote_side(rm_buf *b, const relmap_fk *fk)
{
    rm_buf_adds(b, "remote_side=[");
    for (size_t i = 0; i < fk->ntarget; i++) {
        const relmap_column *c = fk->target[i];
        rm_buf_printf(b, "%s%s", i ? ", " : "", c ? (c->key ? c->key : c->name) : "id");
    }
    if (fk->ntarget == 0)
        rm_buf_adds(b, "id");
    rm_buf_adds(b, "]");
}

/* ---- ORM017 ----------------------------------------------------------- */

/* A self-referential pair linked by back_populates (a backref takes the
 * opposite direction of its origin by itself), neither side saying which
 * end is remote. */
static bool unmarked_self_pair(const relmap_relationship *rel)
{
    const relmap_relationship *p = rel->partner;
    return p && p->partner == rel && !rel->from_backref && !p->from_backref &&
           rl_self_referential(rel) && rl_self_referential(p) && rel->nfks && p->nfks &&
           !has_remote_side(rel) && !has_remote_side(p) &&
           rel->direction != RELMAP_DIRECTION_MANYTOONE &&
           p->direction != RELMAP_DIRECTION_MANYTOONE;
}

/* Of such a pair, the side that is meant as the many-to-one: the scalar
 * one, else the one SQLAlchemy refuses (resolve marked it), else the first. */
static bool blamed_side(const relmap_relationship *rel)
{
    const relmap_relationship *p = rel->partner;
    if (meant_scalar(rel) != meant_scalar(p))
        return meant_scalar(rel);
    if ((rel->unresolved != NULL) != (p->unresolved != NULL))
        return rel->unresolved != NULL;
    return rel->span.source < p->span.source ||
           (rel->span.source == p->span.source && rel->span.start < p->span.start);
}

void rule_orm_self_reference_no_remote_side(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf fix = RM_BUF_INIT, rs = RM_BUF_INIT;
    RL_EACH_RELATIONSHIP(model, rel)
    {
        const relmap_fk *fk = rl_key(rel);
        if (!fk || !rel->owner || !rel->target)
            continue;
        const relmap_table *t = rl_owner_table(rel);
        const char *cls = rel->owner->name;
        const char *col = fk->ncolumns ? fk->columns[0].name : "?";
        rm_buf_clear(&rs);
        add_remote_side(&rs, fk);
        relmap_finding *f = NULL;
        if (unmarked_self_pair(rel)) {
            if (!blamed_side(rel))
                continue;
            f = rl_report(ctx, rel,
                          "%s.%s and %s.%s are a self-referential pair over %s.%s, but neither "
                          "has remote_side, so SQLAlchemy takes both as one-to-many and refuses "
                          "the pair when mappers are configured (\"both of the same "
                          "direction\"); add %s to %s.%s, the side that points at the parent",
                          cls, rel->name, cls, rel->partner->name, t ? t->name : cls, col,
                          rm_buf_cstr(&rs), cls, rel->name);
            rc_related(ctx, f, rel->partner->span, "the other side of the pair");
        } else if (rl_resolved(rel) && rl_self_referential(rel) &&
                   rel->direction == RELMAP_DIRECTION_ONETOMANY && meant_scalar(rel) &&
                   !has_remote_side(rel) && !rel->from_backref) {
            f = rl_report(ctx, rel,
                          "%s.%s is a self-referential scalar without remote_side: SQLAlchemy "
                          "takes it as one-to-many (the %s whose %s points at this one), so "
                          "setting a.%s = b writes a's %s into b.%s, the wrong way round; add "
                          "%s to make it the many-to-one it looks like",
                          cls, rel->name, cls, col, rel->name, target_attribute(fk), col,
                          rm_buf_cstr(&rs));
        }
        if (!f)
            continue;
        rc_related(ctx, f, ru_span_or(fk->span, t ? t->span : rel->span), "the key: %s.%s",
                   t ? t->name : cls, col);
        rm_buf_clear(&fix);
        rl_add_call(&fix, rel, rm_buf_cstr(&rs));
        rc_fix(ctx, f, "%s", rm_buf_cstr(&fix));
    }
    rm_buf_free(&fix);
    rm_buf_free(&rs);
}

/* ---- ORM016 ----------------------------------------------------------- */

void rule_orm_one_to_one_not_unique(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf cols = RM_BUF_INIT, fix = RM_BUF_INIT;
    RL_EACH_RELATIONSHIP(model, rel)
    {
        if (!rl_resolved(rel) || rel->direction != RELMAP_DIRECTION_ONETOMANY || rel->is_list)
            continue;
        /* A self-referential scalar without remote_side is ORM017's. */
        if (rl_self_referential(rel) && !has_remote_side(rel))
            continue;
        const relmap_fk *fk = rl_key(rel);
        const relmap_table *t = rl_rel_fk_table(model, rel, fk);
        if (!t || !ru_fk_local_resolved(fk))
            continue;
        const relmap_column **local = ru_fk_local_columns(fk);
        bool unique = ru_has_unique_on(t, local, fk->ncolumns);
        free(local);
        if (unique)
            continue;
        rm_buf_clear(&cols);
        ru_add_refs(&cols, fk->columns, fk->ncolumns);
        const char *child = rel->target->name;
        relmap_finding *f = rl_report(
            ctx, rel,
            "%s.%s is a scalar (%s) on the one-to-many side, but %s.%s %s not unique: several "
            "%s rows can point at one %s, and the attribute shows only one of them (SQLAlchemy "
            "warns \"Multiple rows returned with uselist=False\" when it loads); declare %s "
            "unique, or make %s.%s a collection",
            rel->owner->name, rel->name,
            rel->uselist == RELMAP_NO ? "uselist=False" : "a non-collection annotation", t->name,
            rm_buf_cstr(&cols), fk->ncolumns > 1 ? "are" : "is", child, rel->owner->name,
            rm_buf_cstr(&cols), rel->owner->name, rel->name);
        const relmap_column *c = fk->columns[0].column;
        rc_related(ctx, f, ru_span_or(c->span, fk->span), "%s.%s is declared here", t->name,
                   c->name);
        rm_buf_clear(&fix);
        if (fk->ncolumns == 1) {
            rm_buf_printf(&fix, "%s = Column(..., unique=True)", c->key ? c->key : c->name);
        } else {
            rm_buf_adds(&fix, "UniqueConstraint(");
            for (size_t i = 0; i < fk->ncolumns; i++)
                rm_buf_printf(&fix, "%s\"%s\"", i ? ", " : "", fk->columns[i].name);
            rm_buf_adds(&fix, ")  # in __table_args__");
        }
        rc_fix(ctx, f, "%s", rm_buf_cstr(&fix));
    }
    rm_buf_free(&cols);
    rm_buf_free(&fix);
}

/* ---- ORM018 ----------------------------------------------------------- */

void rule_orm_secondary_mismatch(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    RL_EACH_RELATIONSHIP(model, rel)
    {
        const relmap_relationship *p = rel->partner;
        if (!p || rel->from_backref || p->from_backref || !rel->secondary_text ||
            !p->secondary_text)
            continue;
        bool same = rel->secondary && p->secondary
                        ? rel->secondary == p->secondary
                        : strcmp(rel->secondary_text, p->secondary_text) == 0;
        if (same)
            continue;
        /* One finding per pair: at the side written second. */
        if (rel->span.source < p->span.source ||
            (rel->span.source == p->span.source && rel->span.start < p->span.start))
            continue;
        relmap_finding *f = rl_report(
            ctx, rel,
            "%s.%s names secondary table %s, but its other side %s.%s names %s: the two sides "
            "of one link are kept in different tables, so a link written through one side is "
            "never seen by the other; name the same junction table on both sides",
            rel->owner->name, rel->name, rel->secondary_text, p->owner->name, p->name,
            p->secondary_text);
        rc_related(ctx, f, p->span, "the other side names %s", p->secondary_text);
        if (p->secondary)
            rc_related(ctx, f, p->secondary->span, "%s is defined here", p->secondary->name);
        if (rel->secondary)
            rc_related(ctx, f, rel->secondary->span, "%s is defined here", rel->secondary->name);
    }
}

/* ---- ORM015 ----------------------------------------------------------- */

/* The columns a relationship writes: the local columns of its keys (both
 * keys of the secondary table for a many-to-many). */
static bool writes_column(const relmap_relationship *rel, const relmap_column *c)
{
    for (size_t i = 0; i < rel->nfks; i++)
        if (ru_fk_has_column(rel->fks[i], c))
            return true;
    return false;
}

static const relmap_column *shared_column(const relmap_relationship *a,
                                          const relmap_relationship *b)
{
    for (size_t i = 0; i < a->nfks; i++)
        for (size_t k = 0; k < a->fks[i]->ncolumns; k++) {
            const relmap_column *c = a->fks[i]->columns[k].column;
            if (c && writes_column(b, c))
                return c;
        }
    return NULL;
}

/* overlaps="a, b" names `name`. */
static bool overlaps_names(const relmap_relationship *rel, const char *name)
{
    const char *p = rel->overlaps;
    size_t n = strlen(name);
    while (p && *p) {
        while (*p == ',' || *p == ' ' || *p == '\t')
            p++;
        size_t len = strcspn(p, ", \t");
        if (len == n && strncmp(p, name, n) == 0)
            return true;
        p += len;
    }
    return false;
}

static bool writer(const relmap_relationship *rel)
{
    return rl_resolved(rel) && !rel->viewonly;
}

/* Whether the two would be the missing back_populates of ORM001: one
 * relationship each way between two classes, neither with a partner. */
static bool missing_pair(const relmap_relationship *a, const relmap_relationship *b)
{
    return !a->partner && !b->partner && a->owner == b->target && b->owner == a->target &&
           a->owner != a->target;
}

static bool conflict(const relmap_relationship *a, const relmap_relationship *b)
{
    if (a == b || !writer(b) || a->partner == b || b->partner == a)
        return false;
    if (overlaps_names(a, b->name) || overlaps_names(b, a->name) || missing_pair(a, b))
        return false;
    return shared_column(a, b) != NULL;
}

static bool before(const relmap_relationship *a, const relmap_relationship *b)
{
    return a->span.source < b->span.source ||
           (a->span.source == b->span.source && a->span.start < b->span.start);
}

/* Of a conflicting pair, the one that answers for it: the one without a
 * partner when the other has one, else the one written second. */
static bool blamed(const relmap_relationship *a, const relmap_relationship *b)
{
    if ((a->partner != NULL) != (b->partner != NULL))
        return a->partner == NULL;
    return before(b, a);
}

/*
 * The writers of each column, so that a relationship is compared only with
 * those that share a column with it (all pairs would be quadratic in the
 * relationships of a large package). Writers are numbered in model order;
 * `first` maps a column to its first entry, entries chain through `next`.
 */
typedef struct writer_index {
    const relmap_relationship **rels; /* by number */
    size_t nrels;
    rm_ptrmap *first; /* column -> entry + 1 */
    struct writer_entry {
        size_t rel;
        size_t next; /* entry + 1, 0 at the end */
    } * entries;
    size_t nentries;
} writer_index;

static void index_writers(writer_index *w, const relmap_model *model)
{
    memset(w, 0, sizeof *w);
    size_t cap = 0;
    RL_EACH_RELATIONSHIP(model, rel)
    {
        if (!writer(rel))
            continue;
        w->rels = rm_grow(w->rels, &cap, w->nrels + 1, sizeof *w->rels);
        w->rels[w->nrels++] = rel;
    }
    size_t entry_cap = 0;
    w->first = rm_ptrmap_new(w->nrels * 2);
    for (size_t r = 0; r < w->nrels; r++)
        for (size_t i = 0; i < w->rels[r]->nfks; i++)
            for (size_t k = 0; k < w->rels[r]->fks[i]->ncolumns; k++) {
                const relmap_column *c = w->rels[r]->fks[i]->columns[k].column;
                if (!c)
                    continue;
                size_t head = 0;
                rm_ptrmap_get(w->first, c, &head);
                w->entries = rm_grow(w->entries, &entry_cap, w->nentries + 1, sizeof *w->entries);
                w->entries[w->nentries].rel = r;
                w->entries[w->nentries].next = head;
                rm_ptrmap_put(w->first, c, ++w->nentries);
            }
}

static int by_number(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    return a < b ? -1 : a > b;
}

/* The writers sharing a column with writer `r`, by number, once each. */
static size_t sharing(const writer_index *w, size_t r, size_t **out, size_t *cap)
{
    size_t n = 0;
    const relmap_relationship *rel = w->rels[r];
    for (size_t i = 0; i < rel->nfks; i++)
        for (size_t k = 0; k < rel->fks[i]->ncolumns; k++) {
            size_t e = 0;
            if (!rel->fks[i]->columns[k].column ||
                !rm_ptrmap_get(w->first, rel->fks[i]->columns[k].column, &e))
                continue;
            for (; e; e = w->entries[e - 1].next) {
                *out = rm_grow(*out, cap, n + 1, sizeof **out);
                (*out)[n++] = w->entries[e - 1].rel;
            }
        }
    if (n > 1) /* qsort wants a valid array even for no element; *out may be NULL */
        qsort(*out, n, sizeof **out, by_number);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (kept == 0 || (*out)[kept - 1] != (*out)[i])
            (*out)[kept++] = (*out)[i];
    return kept;
}

void rule_orm_overlapping_relationships(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf fix = RM_BUF_INIT, key = RM_BUF_INIT;
    writer_index w;
    index_writers(&w, model);
    size_t *others = NULL, others_cap = 0;
    for (size_t r = 0; r < w.nrels; r++) {
        const relmap_relationship *rel = w.rels[r];
        relmap_finding *f = NULL;
        size_t nothers = sharing(&w, r, &others, &others_cap);
        for (size_t o = 0; o < nothers; o++) {
            const relmap_relationship *other = w.rels[others[o]];
            if (!conflict(rel, other) || !blamed(rel, other))
                continue;
            if (f) {
                rc_related(ctx, f, other->span, "%s.%s writes it too", other->owner->name,
                           other->name);
                continue;
            }
            const relmap_column *c = shared_column(rel, other);
            const relmap_fk *fk = NULL;
            for (size_t i = 0; i < rel->nfks && !fk; i++)
                if (ru_fk_has_column(rel->fks[i], c))
                    fk = rel->fks[i];
            const relmap_table *t = rl_rel_fk_table(model, rel, fk);
            rm_buf_clear(&key);
            rm_buf_printf(&key, "%s.%s", t ? t->name : "?", c->name);
            f = rl_report(ctx, rel,
                          "%s.%s writes %s, which %s.%s writes too, and neither names the "
                          "other (back_populates, viewonly=True or overlaps=): the two can set "
                          "different values in one flush, and SQLAlchemy warns that they "
                          "conflict; if they are the two sides of one link, pair them with "
                          "back_populates; if %s.%s only reads, make it viewonly=True; if both "
                          "must write, add overlaps=\"%s\"",
                          rel->owner->name, rel->name, rm_buf_cstr(&key), other->owner->name,
                          other->name, rel->owner->name, rel->name, other->name);
            rc_related(ctx, f, other->span, "%s.%s writes %s too", other->owner->name, other->name,
                       rm_buf_cstr(&key));
            rm_buf_clear(&fix);
            rl_add_call(&fix, rel, "viewonly=True");
            rc_fix(ctx, f, "%s", rm_buf_cstr(&fix));
        }
    }
    free(others);
    free(w.rels);
    free(w.entries);
    rm_ptrmap_free(w.first);
    rm_buf_free(&fix);
    rm_buf_free(&key);
}
