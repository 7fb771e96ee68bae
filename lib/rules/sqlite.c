/*
 * sqlite.c - SQLite's gaps: SQLITE001 (keys unenforced without the
 * pragma), SQLITE002 (rows that violate keys), SQLITE003 (NULL in a rowid
 * table's primary key).
 */
#include <inttypes.h>
#include <strings.h>

#include "rule_util.h"
#include "sqlite_models.h"

#define SQLITE001_MAX_RELATED 10

static const char assumed_note[] = " (the file was read as SQLite because nothing in it is "
                                   "specific to a dialect; --dialect says which it is)";

/* Actions that only happen when keys are enforced. NO ACTION is what an
 * unwritten action means (SQLite's pragmas report it for every key), so
 * it does not count as declaring one. */
static bool declares_action(relmap_fk_action action)
{
    return action == RELMAP_ACTION_CASCADE || action == RELMAP_ACTION_SET_NULL ||
           action == RELMAP_ACTION_SET_DEFAULT || action == RELMAP_ACTION_RESTRICT;
}

static bool key_has_action(const relmap_fk *fk)
{
    return declares_action(fk->on_delete) || declares_action(fk->on_update);
}

static void add_actions(rm_buf *b, const relmap_fk *fk)
{
    if (declares_action(fk->on_delete))
        rm_buf_printf(b, " ON DELETE %s", relmap_fk_action_name(fk->on_delete));
    if (declares_action(fk->on_update))
        rm_buf_printf(b, " ON UPDATE %s", relmap_fk_action_name(fk->on_update));
}

/* Whether the key was read from a SQL text (a script can run the pragma)
 * rather than from a database file (which cannot store it). */
static bool read_from_script(const relmap_model *model, const relmap_table *t)
{
    return t->span.source < model->nsources && !model->sources[t->span.source].statement;
}

/*
 * One finding per model, at the first key that declares an action, with
 * the others as related places. A database cannot say whether its
 * applications enable the pragma, so there it is information. A SQL
 * script can (PRAGMA foreign_keys = ON in it quiets the rule): without it,
 * keys with actions are a warning, and keys without any are information.
 */
void rule_sqlite_fk_unenforced(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    /* Tables of model files have a form of their own (sqlite_models.c). */
    rs_sqlite_fk_unenforced_models(ctx);
    if (model->dialect != RELMAP_DIALECT_SQLITE || model->facts.pragma_foreign_keys)
        return;
    size_t total = 0, keys = 0;
    const relmap_table *first_table = NULL, *any_table = NULL;
    const relmap_fk *first = NULL, *any = NULL;
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        if (t->dialect != RELMAP_DIALECT_SQLITE || rs_table_from_model(model, t))
            continue;
        for (size_t k = 0; k < t->nfks; k++) {
            if (!any)
                any = &t->fks[k], any_table = t;
            keys++;
            if (!key_has_action(&t->fks[k]))
                continue;
            if (!first)
                first = &t->fks[k], first_table = t;
            total++;
        }
    }
    rm_buf b = RM_BUF_INIT;
    if (!first) {
        if (any && read_from_script(model, any_table) && !model->facts.dialect_assumed) {
            ru_add_fk(&b, any_table, any);
            relmap_finding *f = rc_report(
                ctx, ru_span_or(any->span, any_table->span), any_table, any->columns[0].name,
                "%zu foreign key%s in this SQLite schema (%s%s) %s not enforced on a connection "
                "that has not run PRAGMA foreign_keys = ON, and nothing in the inputs runs it: "
                "orphan rows are accepted without a word unless the application runs it on "
                "every connection it opens",
                keys, keys == 1 ? "" : "s", rm_buf_cstr(&b), keys > 1 ? ", ..." : "",
                keys == 1 ? "is" : "are");
            f->severity = RELMAP_SEVERITY_INFO;
            rc_fix(ctx, f, "PRAGMA foreign_keys = ON;  -- on every new connection");
        }
        rm_buf_free(&b);
        return;
    }
    bool script = read_from_script(model, first_table);
    ru_add_fk(&b, first_table, first);
    add_actions(&b, first);
    relmap_finding *f;
    if (script)
        f = rc_report(
            ctx, ru_span_or(first->span, first_table->span), first_table, first->columns[0].name,
            "%zu foreign key%s in this SQLite schema declare%s ON DELETE/ON UPDATE actions "
            "(%s%s), but SQLite enforces neither the actions nor the keys on a connection that "
            "has not run PRAGMA foreign_keys = ON, and nothing in the inputs runs it: the "
            "application must run it on every connection it opens%s",
            total, total == 1 ? "" : "s", total == 1 ? "s" : "", rm_buf_cstr(&b),
            total > 1 ? "; the others are listed below" : "",
            model->facts.dialect_assumed ? assumed_note : "");
    else
        f = rc_report(
            ctx, ru_span_or(first->span, first_table->span), first_table, first->columns[0].name,
            "%zu foreign key%s in this database declare%s ON DELETE/ON UPDATE actions (%s%s), "
            "but SQLite enforces neither the actions nor the keys on a connection that has not "
            "run PRAGMA foreign_keys = ON, and a database file cannot store that setting: the "
            "application must run it on every connection it opens",
            total, total == 1 ? "" : "s", total == 1 ? "s" : "", rm_buf_cstr(&b),
            total > 1 ? "; the others are listed below" : "");
    /* A database cannot say; a script read as SQLite only by default may be
     * meant for another database altogether. */
    if (!script || model->facts.dialect_assumed)
        f->severity = RELMAP_SEVERITY_INFO;
    rc_fix(ctx, f, "PRAGMA foreign_keys = ON;  -- on every new connection");
    size_t related = 0;
    for (size_t i = 0; i < model->ntables && related < SQLITE001_MAX_RELATED; i++) {
        const relmap_table *t = model->tables[i];
        if (t->dialect != RELMAP_DIALECT_SQLITE || rs_table_from_model(model, t))
            continue;
        for (size_t k = 0; k < t->nfks && related < SQLITE001_MAX_RELATED; k++) {
            const relmap_fk *fk = &t->fks[k];
            if (fk == first || !key_has_action(fk))
                continue;
            rm_buf_clear(&b);
            ru_add_fk(&b, t, fk);
            add_actions(&b, fk);
            rc_related(ctx, f, ru_span_or(fk->span, t->span), "%s", rm_buf_cstr(&b));
            related++;
        }
    }
    if (total - 1 > related)
        rc_related(ctx, f, ru_span_or(first->span, first_table->span),
                   "and %zu more keys with actions", total - 1 - related);
    rm_buf_free(&b);
}

/* "addresses(user_id) → users(id)": SQLite's own way of naming a key. */
static void add_key_both_sides(rm_buf *b, const relmap_table *t, const relmap_fk *fk)
{
    rm_buf_printf(b, "%s(", t->name);
    ru_add_refs(b, fk->columns, fk->ncolumns);
    rm_buf_adds(b, ") " RU_ARROW " ");
    ru_add_fk_target(b, fk);
}

/*
 * Keys that are broken themselves (FK001-FK004) are left to those rules:
 * SQLite cannot check them ("foreign key mismatch"), or reports every row
 * (a missing parent table). A table SQLite could not check for another
 * reason is reported once, as information, with SQLite's message.
 */
void rule_sqlite_fk_violations(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf b = RM_BUF_INIT, rowids = RM_BUF_INIT;
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        bool broken_key = false;
        for (size_t k = 0; k < t->nfks; k++) {
            const relmap_fk *fk = &t->fks[k];
            if (ru_fk_state_of(fk) != RU_FK_OK) {
                broken_key = true;
                continue;
            }
            const relmap_fk_violations *v = fk->violations;
            if (!v || v->count == 0)
                continue;
            rm_buf_clear(&b);
            add_key_both_sides(&b, t, fk);
            rm_buf_clear(&rowids);
            for (size_t r = 0; r < v->nrowids && r < RELMAP_MAX_SAMPLE_ROWIDS; r++)
                rm_buf_printf(&rowids, "%s%" PRId64, r ? ", " : "", v->rowids[r]);
            const char *which = v->nrowids == 0 ? ""
                                : v->count > v->nrowids
                                    ? (v->nrowids == 1 ? " (first rowid " : " (first rowids ")
                                : v->nrowids == 1 ? " (rowid "
                                                  : " (rowids ";
            relmap_finding *f = rc_report(
                ctx, ru_span_or(fk->span, t->span), t, fk->columns[0].name,
                "%" PRIu64 " row%s of %s violate%s %s%s%s%s: %s point at no row of %s, so "
                "foreign keys were not enforced when %s written; repair or delete %s "
                "(PRAGMA foreign_key_check lists them)",
                v->count, v->count == 1 ? "" : "s", t->name, v->count == 1 ? "s" : "",
                rm_buf_cstr(&b), which, rm_buf_cstr(&rowids), v->nrowids ? ")" : "",
                v->count == 1 ? "it" : "they", fk->ref_table->name,
                v->count == 1 ? "it was" : "they were", v->count == 1 ? "it" : "them");
            rc_related(ctx, f, fk->ref_table->span, "%s is defined here", fk->ref_table->name);
        }
        if (t->data_check_error && !broken_key) {
            relmap_finding *f =
                rc_report(ctx, t->span, t, NULL,
                          "SQLite could not check the rows of %s for foreign key violations: %s",
                          t->name, t->data_check_error);
            f->severity = RELMAP_SEVERITY_INFO;
        }
    }
    rm_buf_free(&b);
    rm_buf_free(&rowids);
}

void rule_sqlite_nullable_primary_key(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    rm_buf cols = RM_BUF_INIT, all = RM_BUF_INIT;
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        const relmap_key *pk = &t->primary_key;
        if (t->dialect != RELMAP_DIALECT_SQLITE || !ru_is_base_table(t) || t->without_rowid ||
            pk->ncolumns == 0)
            continue;
        /* A single INTEGER PRIMARY KEY is the rowid: never NULL. */
        if (pk->ncolumns == 1 && pk->columns[0].column &&
            strcasecmp(pk->columns[0].column->type, "INTEGER") == 0)
            continue;
        rm_buf_clear(&cols);
        const relmap_column *first = NULL;
        size_t nnull = 0;
        for (size_t c = 0; c < pk->ncolumns; c++) {
            const relmap_column *col = pk->columns[c].column;
            if (!col || !col->nullable)
                continue;
            rm_buf_printf(&cols, "%s%s", nnull++ ? ", " : "", col->name);
            if (!first)
                first = col;
        }
        if (!first)
            continue;
        rm_buf_clear(&all);
        ru_add_refs(&all, pk->columns, pk->ncolumns);
        rc_report(ctx, ru_span_or(pk->span, t->span), t, first->name,
                  "the primary key of %s (%s) accepts NULL in %s: SQLite allows NULL in a "
                  "rowid table's PRIMARY KEY unless it is a single INTEGER PRIMARY KEY, and "
                  "rows with NULL keys are never duplicates; declare %s NOT NULL",
                  t->name, rm_buf_cstr(&all), rm_buf_cstr(&cols), rm_buf_cstr(&cols));
    }
    rm_buf_free(&cols);
    rm_buf_free(&all);
}
