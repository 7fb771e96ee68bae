/*
 * fk.c - rules about single foreign keys: FK001-FK007, FK009, FK011,
 * FK012. (FK008 and FK010 look at the whole schema: fk_schema.c.)
 *
 * One broken key gets one finding: ru_fk_state_of() decides which of
 * FK001/FK002/FK004/FK003 speaks, and the rules about a key's meaning
 * (FK005, FK009) only look at keys that are sound.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "rule_util.h"
#include "sqlite_models.h"
#include "strmap.h"

static relmap_span fk_span(const relmap_table *t, const relmap_fk *fk)
{
    return ru_span_or(fk->span, t->span);
}

static const char *first_column(const relmap_fk *fk)
{
    return fk->ncolumns ? fk->columns[0].name : NULL;
}

/* The attribute that maps a column in a model file ("album_id"). */
static const char *attribute_of(const relmap_column *c)
{
    return c && c->key ? c->key : c ? c->name : "?";
}

/*
 * The fix for a table of a model file: what to write in the model rather
 * than SQL. One column: `album_id = Column(..., index=True)`; several:
 * the constraint to add to __table_args__.
 */
static bool mapped_by_class(const relmap_model *model, const relmap_table *t)
{
    for (size_t i = 0; i < model->nclasses; i++)
        if (model->classes[i]->table == t)
            return true;
    return false;
}

/* One column's declaration with `option` added: `album_id = Column(...,
 * index=True)` in a class, `Column("album_id", ..., index=True)` in a Core
 * Table(). */
static void column_fix(rm_buf *fix, const relmap_model *model, const relmap_table *t,
                       const relmap_column *c, const char *option)
{
    if (mapped_by_class(model, t))
        rm_buf_printf(fix, "%s = Column(..., %s)", attribute_of(c), option);
    else
        rm_buf_printf(fix, "Column(\"%s\", ..., %s)", c ? c->name : "?", option);
}

static void model_fix(rm_buf *fix, const relmap_model *model, const relmap_table *t,
                      const char *option, const char *construct, const char *name,
                      const relmap_colref *refs, size_t n)
{
    rm_buf_clear(fix);
    if (n == 1) {
        column_fix(fix, model, t, refs[0].column, option);
        return;
    }
    rm_buf_printf(fix, "%s(", construct);
    if (name)
        rm_buf_printf(fix, "\"%s\", ", name);
    for (size_t c = 0; c < n; c++)
        rm_buf_printf(fix, "%s\"%s\"", c ? ", " : "", refs[c].name);
    rm_buf_adds(fix, ")  # in __table_args__");
}

void rule_fk_unknown_table(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf b = RM_BUF_INIT;
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        for (size_t k = 0; k < t->nfks; k++) {
            const relmap_fk *fk = &t->fks[k];
            if (fk->ref_table)
                continue;
            rm_buf_clear(&b);
            ru_add_fk(&b, t, fk);
            rc_report(ctx, fk_span(t, fk), t, first_column(fk),
                      "%s: table '%s' does not exist; name an existing table or create it",
                      rm_buf_cstr(&b), fk->ref_table_name);
        }
    }
    rm_buf_free(&b);
}

/* FK002: one finding per key, naming every column that is missing. */
void rule_fk_unknown_column(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf b = RM_BUF_INIT, missing = RM_BUF_INIT;
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        for (size_t k = 0; k < t->nfks; k++) {
            const relmap_fk *fk = &t->fks[k];
            if (ru_fk_state_of(fk) != RU_FK_UNKNOWN_COLUMN)
                continue;
            rm_buf_clear(&missing);
            const relmap_colref *first = NULL;
            const char *about = NULL;
            size_t nlocal = 0, nref = 0;
            for (size_t c = 0; c < fk->ncolumns; c++) {
                if (fk->columns[c].column)
                    continue;
                rm_buf_printf(&missing, "%s%s has no column '%s'", missing.len ? "; " : "", t->name,
                              fk->columns[c].name);
                if (!first)
                    first = &fk->columns[c], about = fk->columns[c].name;
                nlocal++;
            }
            for (size_t c = 0; c < fk->nref_columns; c++) {
                if (fk->ref_columns[c].column)
                    continue;
                rm_buf_printf(&missing, "%s%s has no column '%s'", missing.len ? "; " : "",
                              fk->ref_table->name, fk->ref_columns[c].name);
                if (!first)
                    first = &fk->ref_columns[c];
                nref++;
            }
            if (!nlocal && !nref) /* a key without columns: nothing to name */
                continue;
            rm_buf_clear(&b);
            ru_add_fk(&b, t, fk);
            relmap_finding *f = rc_report(
                ctx, ru_span_or(first->span, fk_span(t, fk)), t, about ? about : first_column(fk),
                "%s: %s; name columns that exist (SQLite fails every write with "
                "\"foreign key mismatch\" once keys are enforced)",
                rm_buf_cstr(&b), rm_buf_cstr(&missing));
            if (nref)
                rc_related(ctx, f, fk->ref_table->span, "the columns of %s", fk->ref_table->name);
        }
    }
    rm_buf_free(&b);
    rm_buf_free(&missing);
}

/* FK003: the parent columns are not the PK or a unique key (set equality,
 * as SQLite decides "foreign key mismatch"). */
void rule_fk_target_not_unique(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf b = RM_BUF_INIT, cols = RM_BUF_INIT;
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        for (size_t k = 0; k < t->nfks; k++) {
            const relmap_fk *fk = &t->fks[k];
            if (ru_fk_state_of(fk) != RU_FK_NOT_UNIQUE)
                continue;
            const relmap_table *ref = fk->ref_table;
            rm_buf_clear(&b);
            ru_add_fk_local(&b, t, fk);
            relmap_finding *f;
            if (ref->kind == RELMAP_KIND_VIEW) {
                f = rc_report(ctx, fk_span(t, fk), t, first_column(fk),
                              "%s references %s, which is a view: a view has no keys, so the "
                              "key can never be checked; reference the table behind the view",
                              rm_buf_cstr(&b), ref->name);
            } else if (fk->nref_columns == 0) {
                f = rc_report(ctx, fk_span(t, fk), t, first_column(fk),
                              "%s references %s without naming columns, so it means the "
                              "primary key of %s, but %s has none (\"foreign key mismatch\" "
                              "in SQLite); name the referenced unique columns or give %s a "
                              "primary key",
                              rm_buf_cstr(&b), ref->name, ref->name, ref->name, ref->name);
            } else {
                rm_buf_clear(&cols);
                ru_add_refs(&cols, fk->ref_columns, fk->nref_columns);
                f = rc_report(ctx, fk_span(t, fk), t, first_column(fk),
                              "%s references %s(%s), which is neither the primary key nor "
                              "unique in %s: SQLite fails every write with \"foreign key "
                              "mismatch\", PostgreSQL and MySQL refuse the key; declare "
                              "UNIQUE (%s) on %s or reference its primary key",
                              rm_buf_cstr(&b), ref->name, rm_buf_cstr(&cols), ref->name,
                              rm_buf_cstr(&cols), ref->name);
                rm_buf_clear(&cols);
                rm_buf_adds(&cols, "CREATE UNIQUE INDEX ");
                rm_buf_clear(&b);
                rm_buf_printf(&b, "ux_%s", ref->name);
                for (size_t c = 0; c < fk->nref_columns; c++)
                    rm_buf_printf(&b, "_%s", fk->ref_columns[c].name);
                ru_add_ident(&cols, rm_buf_cstr(&b));
                rm_buf_adds(&cols, " ON ");
                ru_add_ident(&cols, ref->name);
                rm_buf_adds(&cols, " (");
                for (size_t c = 0; c < fk->nref_columns; c++) {
                    if (c)
                        rm_buf_adds(&cols, ", ");
                    ru_add_ident(&cols, fk->ref_columns[c].name);
                }
                rm_buf_adds(&cols, ");");
                if (rs_table_from_model(model, ref))
                    model_fix(&cols, model, ref, "unique=True", "UniqueConstraint", NULL,
                              fk->ref_columns, fk->nref_columns);
                rc_fix(ctx, f, "%s", rm_buf_cstr(&cols));
            }
            rc_related(ctx, f, ref->span, "%s is defined here", ref->name);
        }
    }
    rm_buf_free(&b);
    rm_buf_free(&cols);
}

void rule_fk_arity_mismatch(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf b = RM_BUF_INIT;
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        for (size_t k = 0; k < t->nfks; k++) {
            const relmap_fk *fk = &t->fks[k];
            if (ru_fk_state_of(fk) != RU_FK_ARITY)
                continue;
            size_t nref = fk->nref_columns ? fk->nref_columns : fk->ref_table->primary_key.ncolumns;
            rm_buf_clear(&b);
            ru_add_fk(&b, t, fk);
            relmap_finding *f = rc_report(
                ctx, fk_span(t, fk), t, first_column(fk),
                "%s pairs %zu local column%s with %zu referenced column%s%s; give both sides "
                "the same columns in the same order",
                rm_buf_cstr(&b), fk->ncolumns, fk->ncolumns == 1 ? "" : "s", nref,
                nref == 1 ? "" : "s",
                fk->nref_columns ? "" : " (the primary key, as no columns are named)");
            rc_related(
                ctx, f,
                ru_span_or(fk->nref_columns ? fk->ref_table->span : fk->ref_table->primary_key.span,
                           fk->ref_table->span),
                fk->nref_columns ? "%s is defined here" : "the primary key of %s",
                fk->ref_table->name);
        }
    }
    rm_buf_free(&b);
}

/* FK005: compares the type family of each pair; untyped columns are not
 * compared (SQLite's BLOB affinity takes any value as it is). */
void rule_fk_type_mismatch(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf b = RM_BUF_INIT;
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        bool sqlite = t->dialect == RELMAP_DIALECT_SQLITE;
        for (size_t k = 0; k < t->nfks; k++) {
            const relmap_fk *fk = &t->fks[k];
            if (ru_fk_state_of(fk) != RU_FK_OK)
                continue;
            rm_buf_clear(&b);
            const relmap_column *first = NULL, *first_target = NULL;
            for (size_t c = 0; c < fk->ncolumns; c++) {
                const relmap_column *local = fk->columns[c].column, *target = fk->target[c];
                if (local->family == RELMAP_TYPE_UNKNOWN || target->family == RELMAP_TYPE_UNKNOWN)
                    continue;
                if (ru_families_compatible(t->dialect, local->family, target->family))
                    continue;
                rm_buf_printf(&b, "%s%s.%s is %s (%s%s) but %s.%s is %s (%s%s)", b.len ? "; " : "",
                              t->name, local->name, local->type, ru_family_name(local->family),
                              sqlite ? " affinity" : "", fk->ref_table->name, target->name,
                              target->type, ru_family_name(target->family),
                              sqlite ? " affinity" : "");
                if (!first)
                    first = local, first_target = target;
            }
            if (!first)
                continue;
            relmap_finding *f = rc_report(
                ctx, ru_span_or(first->span, fk_span(t, fk)), t, first->name,
                "%s: key values are compared across types, %s; declare %s with the type of "
                "%s.%s",
                rm_buf_cstr(&b),
                sqlite ? "so SQLite stores them with different affinities and lookups and "
                         "joins can miss rows or skip the parent's index"
                       : "which PostgreSQL and MySQL refuse for a foreign key",
                first->name, fk->ref_table->name, first_target->name);
            rc_related(ctx, f, ru_span_or(first_target->span, fk->ref_table->span),
                       "%s.%s is declared here", fk->ref_table->name, first_target->name);
        }
    }
    rm_buf_free(&b);
}

/* Whether an index, the PK or a unique constraint of `t` leads with all of
 * `cols` (in any order). Partial indexes do not count: they hold only some
 * rows, so lookups from the parent cannot rely on them. */
static bool leading_index_exists(const relmap_table *t, const relmap_column *const *cols, size_t n)
{
    if (ru_refs_lead_with(t->primary_key.columns, t->primary_key.ncolumns, cols, n))
        return true;
    for (size_t i = 0; i < t->nuniques; i++)
        if (ru_refs_lead_with(t->uniques[i].columns, t->uniques[i].ncolumns, cols, n))
            return true;
    for (size_t i = 0; i < t->nindexes; i++) {
        const relmap_index *ix = &t->indexes[i];
        if (ru_index_serves_lookups(ix) && ru_refs_lead_with(ix->columns, ix->ncolumns, cols, n))
            return true;
    }
    return false;
}

/* Whether an earlier sound key of the table has the same columns: one
 * missing index is one finding, however many keys it would serve (two such
 * keys are FK009's business). */
static bool reported_before(const relmap_table *t, size_t k, const relmap_column *const *local,
                            size_t n)
{
    for (size_t j = 0; j < k; j++) {
        const relmap_fk *earlier = &t->fks[j];
        if (earlier->ncolumns == n && ru_fk_state_of(earlier) == RU_FK_OK &&
            ru_refs_equal_set(earlier->columns, n, local, n))
            return true;
    }
    return false;
}

void rule_fk_missing_index(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf b = RM_BUF_INIT, cols = RM_BUF_INIT, fix = RM_BUF_INIT;
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        for (size_t k = 0; k < t->nfks; k++) {
            const relmap_fk *fk = &t->fks[k];
            /* A broken key has its own finding; an index comes after the fix. */
            if (ru_fk_state_of(fk) != RU_FK_OK)
                continue;
            const relmap_column **local = ru_fk_local_columns(fk);
            bool covered = leading_index_exists(t, local, fk->ncolumns) ||
                           reported_before(t, k, local, fk->ncolumns);
            free(local);
            if (covered)
                continue;
            rm_buf_clear(&b);
            ru_add_fk_local(&b, t, fk);
            rm_buf_adds(&b, " references ");
            ru_add_fk_target(&b, fk);
            rm_buf_clear(&cols);
            ru_add_refs(&cols, fk->columns, fk->ncolumns);
            relmap_finding *f = rc_report(
                ctx, fk_span(t, fk), t, first_column(fk),
                "%s, but no index on %s leads with %s%s%s: every delete or key update in %s "
                "scans %s",
                rm_buf_cstr(&b), t->name, fk->ncolumns > 1 ? "(" : "", rm_buf_cstr(&cols),
                fk->ncolumns > 1 ? ")" : "", fk->ref_table->name, t->name);
            /* CREATE INDEX ix_<table>_<columns> ON <table> (<columns>); */
            rm_buf_clear(&cols);
            rm_buf_printf(&cols, "ix_%s", t->name);
            for (size_t c = 0; c < fk->ncolumns; c++)
                rm_buf_printf(&cols, "_%s", fk->columns[c].name);
            rm_buf_clear(&fix);
            rm_buf_adds(&fix, "CREATE INDEX ");
            ru_add_ident(&fix, rm_buf_cstr(&cols));
            rm_buf_adds(&fix, " ON ");
            ru_add_table_name(&fix, t);
            rm_buf_adds(&fix, " (");
            for (size_t c = 0; c < fk->ncolumns; c++) {
                if (c)
                    rm_buf_adds(&fix, ", ");
                ru_add_column_name(&fix, t, fk->columns[c].name);
            }
            rm_buf_adds(&fix, ");");
            if (rs_table_from_model(model, t))
                model_fix(&fix, model, t, "index=True", "Index", rm_buf_cstr(&cols), fk->columns,
                          fk->ncolumns);
            rc_fix(ctx, f, "%s", rm_buf_cstr(&fix));
        }
    }
    rm_buf_free(&b);
    rm_buf_free(&cols);
    rm_buf_free(&fix);
}

/* Lists the key's columns that fail `bad` into b; returns the first. */
static const relmap_column *columns_where(rm_buf *b, const relmap_fk *fk,
                                          bool (*bad)(const relmap_column *))
{
    const relmap_column *first = NULL;
    for (size_t c = 0; c < fk->ncolumns; c++) {
        const relmap_column *col = fk->columns[c].column;
        if (!bad(col))
            continue;
        rm_buf_printf(b, "%s%s", b->len ? ", " : "", col->name);
        if (!first)
            first = col;
    }
    return first;
}

static bool not_nullable(const relmap_column *c)
{
    return !c->nullable;
}

static bool without_default(const relmap_column *c)
{
    return c->default_value == NULL;
}

/* "ON DELETE SET NULL", "ON UPDATE SET NULL" or both, for `action`. */
static const char *actions_text(const relmap_fk *fk, relmap_fk_action action)
{
    bool del = fk->on_delete == action, upd = fk->on_update == action;
    if (action == RELMAP_ACTION_SET_NULL)
        return del && upd ? "ON DELETE and ON UPDATE SET NULL"
               : del      ? "ON DELETE SET NULL"
                          : "ON UPDATE SET NULL";
    return del && upd ? "ON DELETE and ON UPDATE SET DEFAULT"
           : del      ? "ON DELETE SET DEFAULT"
                      : "ON UPDATE SET DEFAULT";
}

void rule_fk_set_null_not_nullable(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf b = RM_BUF_INIT, cols = RM_BUF_INIT;
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        for (size_t k = 0; k < t->nfks; k++) {
            const relmap_fk *fk = &t->fks[k];
            if (fk->on_delete != RELMAP_ACTION_SET_NULL && fk->on_update != RELMAP_ACTION_SET_NULL)
                continue;
            if (!ru_fk_local_resolved(fk))
                continue;
            rm_buf_clear(&cols);
            const relmap_column *first = columns_where(&cols, fk, not_nullable);
            if (!first)
                continue;
            rm_buf_clear(&b);
            ru_add_fk(&b, t, fk);
            relmap_finding *f =
                rc_report(ctx, fk_span(t, fk), t, first->name,
                          "%s is %s, but %s.%s %s NOT NULL: the parent's %s fails with \"NOT NULL "
                          "constraint failed\"; allow NULL in %s or choose CASCADE or RESTRICT",
                          rm_buf_cstr(&b), actions_text(fk, RELMAP_ACTION_SET_NULL), t->name,
                          rm_buf_cstr(&cols), strchr(rm_buf_cstr(&cols), ',') ? "are" : "is",
                          fk->on_delete == RELMAP_ACTION_SET_NULL ? "DELETE" : "key UPDATE",
                          rm_buf_cstr(&cols));
            /* In a model file the fix is an argument of the column. */
            if (rs_table_from_model(model, t)) {
                rm_buf_clear(&b);
                column_fix(&b, model, t, first, "nullable=True");
                rc_fix(ctx, f, "%s", rm_buf_cstr(&b));
            }
        }
    }
    rm_buf_free(&b);
    rm_buf_free(&cols);
}

void rule_fk_set_default_without_default(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf b = RM_BUF_INIT, cols = RM_BUF_INIT;
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        for (size_t k = 0; k < t->nfks; k++) {
            const relmap_fk *fk = &t->fks[k];
            if (fk->on_delete != RELMAP_ACTION_SET_DEFAULT &&
                fk->on_update != RELMAP_ACTION_SET_DEFAULT)
                continue;
            if (!ru_fk_local_resolved(fk))
                continue;
            rm_buf_clear(&cols);
            const relmap_column *first = columns_where(&cols, fk, without_default);
            if (!first)
                continue;
            rm_buf_clear(&b);
            ru_add_fk(&b, t, fk);
            rc_report(ctx, fk_span(t, fk), t, first->name,
                      "%s is %s, but %s.%s %s no DEFAULT, so the action writes NULL (and fails "
                      "on a NOT NULL column); give %s a DEFAULT that exists in %s, or choose "
                      "another action",
                      rm_buf_cstr(&b), actions_text(fk, RELMAP_ACTION_SET_DEFAULT), t->name,
                      rm_buf_cstr(&cols), strchr(rm_buf_cstr(&cols), ',') ? "have" : "has",
                      rm_buf_cstr(&cols), fk->ref_table ? fk->ref_table->name : fk->ref_table_name);
        }
    }
    rm_buf_free(&b);
    rm_buf_free(&cols);
}

void rule_fk_self_reference_same_columns(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf b = RM_BUF_INIT;
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        for (size_t k = 0; k < t->nfks; k++) {
            const relmap_fk *fk = &t->fks[k];
            if (fk->ref_table != t || fk->ntarget != fk->ncolumns || !ru_fk_local_resolved(fk))
                continue;
            bool same = true;
            for (size_t c = 0; c < fk->ncolumns && same; c++)
                same = fk->target[c] == fk->columns[c].column;
            if (!same)
                continue;
            rm_buf_clear(&b);
            ru_add_fk(&b, t, fk);
            rc_report(ctx, fk_span(t, fk), t, first_column(fk),
                      "%s: the key references its own columns, so every row can only "
                      "reference itself and the key checks nothing; put the reference on the "
                      "column that holds the other row's key (e.g. parent_id)",
                      rm_buf_cstr(&b));
        }
    }
    rm_buf_free(&b);
}

/* ---- FK009 ------------------------------------------------------------ */

typedef struct col_pair {
    uintptr_t local, target;
} col_pair;

static int compare_pairs(const void *a, const void *b)
{
    const col_pair *x = a, *y = b;
    if (x->local != y->local)
        return x->local < y->local ? -1 : 1;
    if (x->target != y->target)
        return x->target < y->target ? -1 : 1;
    return 0;
}

/* `sep` and a pointer in hex: printf costs more than the rule's other work. */
static void add_hex(rm_buf *b, char sep, uintptr_t v)
{
    char text[2 + 2 * sizeof v];
    size_t n = sizeof text;
    do {
        text[--n] = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v);
    text[--n] = sep;
    rm_buf_add(b, text + n, sizeof text - n);
}

/* A key's identity for FK009: the referenced table and the set of
 * (local, target) column pairs, as text a hash map can hold. */
static char *fk_signature(const relmap_fk *fk)
{
    col_pair *pairs = rm_malloc(fk->ncolumns * sizeof *pairs);
    for (size_t c = 0; c < fk->ncolumns; c++) {
        pairs[c].local = (uintptr_t)fk->columns[c].column;
        pairs[c].target = (uintptr_t)fk->target[c];
    }
    qsort(pairs, fk->ncolumns, sizeof *pairs, compare_pairs);
    rm_buf b = RM_BUF_INIT;
    add_hex(&b, 'r', (uintptr_t)fk->ref_table);
    for (size_t c = 0; c < fk->ncolumns; c++) {
        add_hex(&b, ':', pairs[c].local);
        add_hex(&b, '=', pairs[c].target);
    }
    free(pairs);
    char *s = rm_strdup(rm_buf_cstr(&b));
    rm_buf_free(&b);
    return s;
}

void rule_fk_duplicate(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf b = RM_BUF_INIT;
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        if (t->nfks < 2)
            continue;
        rm_strmap *seen = rm_strmap_new(false);
        char **keys = rm_calloc(t->nfks, sizeof *keys);
        for (size_t k = 0; k < t->nfks; k++) {
            const relmap_fk *fk = &t->fks[k];
            if (ru_fk_state_of(fk) != RU_FK_OK)
                continue;
            keys[k] = fk_signature(fk);
            /* The map holds 1 + the key's position (NULL means "absent"). */
            void *earlier = rm_strmap_put(seen, keys[k], (void *)(uintptr_t)(k + 1));
            if (!earlier)
                continue;
            const relmap_fk *first = &t->fks[(size_t)(uintptr_t)earlier - 1];
            rm_buf_clear(&b);
            ru_add_fk(&b, t, fk);
            bool actions_differ =
                first->on_delete != fk->on_delete || first->on_update != fk->on_update;
            relmap_finding *f = rc_report(
                ctx, fk_span(t, fk), t, first_column(fk),
                "%s repeats an earlier foreign key of %s with the same columns and target%s; "
                "remove one of them",
                rm_buf_cstr(&b), t->name,
                actions_differ ? ", but with different ON DELETE/ON UPDATE actions (which one "
                                 "applies is not obvious)"
                               : "");
            rm_buf_clear(&b);
            ru_add_fk(&b, t, first);
            rc_related(ctx, f, fk_span(t, first), "the first key: %s", rm_buf_cstr(&b));
        }
        for (size_t k = 0; k < t->nfks; k++)
            free(keys[k]);
        free(keys);
        rm_strmap_free(seen);
    }
    rm_buf_free(&b);
}
