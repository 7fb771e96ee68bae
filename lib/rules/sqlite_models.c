/*
 * sqlite_models.c - SQLITE001 in its model-file form. An application that
 * maps its tables with SQLAlchemy opens its own connections, so what
 * matters is whether any source installs a "connect" listener (or runs the
 * pragma otherwise); the reader records that in facts.pragma_foreign_keys.
 */
#include "sqlite_models.h"

#include <string.h>

#include "rule_util.h"

#define MAX_RELATED 10

bool rs_table_from_model(const relmap_model *model, const relmap_table *t)
{
    if (t->span.source >= model->nsources)
        return false;
    const char *path = model->sources[t->span.source].path;
    size_t n = path ? strlen(path) : 0;
    return n > 3 && strcmp(path + n - 3, ".py") == 0;
}

static bool declares_action(relmap_fk_action a)
{
    return a == RELMAP_ACTION_CASCADE || a == RELMAP_ACTION_SET_NULL ||
           a == RELMAP_ACTION_SET_DEFAULT || a == RELMAP_ACTION_RESTRICT;
}

static bool key_has_action(const relmap_fk *fk)
{
    return declares_action(fk->on_delete) || declares_action(fk->on_update);
}

static void add_key(rm_buf *b, const relmap_table *t, const relmap_fk *fk)
{
    ru_add_fk(b, t, fk);
    if (declares_action(fk->on_delete))
        rm_buf_printf(b, " ON DELETE %s", relmap_fk_action_name(fk->on_delete));
    if (declares_action(fk->on_update))
        rm_buf_printf(b, " ON UPDATE %s", relmap_fk_action_name(fk->on_update));
}

static const char listener_fix[] =
    "from sqlalchemy import event\n"
    "from sqlalchemy.engine import Engine\n"
    "@event.listens_for(Engine, \"connect\")\n"
    "def _enable_sqlite_foreign_keys(dbapi_connection, connection_record):\n"
    "    cursor = dbapi_connection.cursor()\n"
    "    cursor.execute(\"PRAGMA foreign_keys=ON\")\n"
    "    cursor.close()";

void rs_sqlite_fk_unenforced_models(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    if (model->facts.pragma_foreign_keys)
        return;
    const relmap_database_url *url = NULL;
    for (size_t i = 0; i < model->facts.ndatabase_urls && !url; i++)
        if (model->facts.database_urls[i].dialect == RELMAP_DIALECT_SQLITE)
            url = &model->facts.database_urls[i];
    const relmap_table *first_table = NULL;
    const relmap_fk *first = NULL;
    size_t total = 0;
    bool sqlite_option = false;
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        if (!rs_table_from_model(model, t))
            continue;
        /* --dialect sqlite reaches the tables of model files. */
        sqlite_option |= t->dialect == RELMAP_DIALECT_SQLITE;
        for (size_t k = 0; k < t->nfks; k++) {
            if (!key_has_action(&t->fks[k]))
                continue;
            if (!first)
                first = &t->fks[k], first_table = t;
            total++;
        }
    }
    if (!first || (!url && !sqlite_option))
        return;
    rm_buf b = RM_BUF_INIT;
    add_key(&b, first_table, first);
    relmap_finding *f = rc_report(
        ctx, ru_span_or(first->span, first_table->span), first_table, first->columns[0].name,
        "%zu foreign key%s of these models declare%s ON DELETE/ON UPDATE actions (%s%s), and "
        "the database is SQLite (%s), but no source enables PRAGMA foreign_keys=ON: SQLite "
        "ignores the actions and the keys on every connection that has not run it (deleting a "
        "parent then leaves its children behind, and orphan rows are accepted); run the pragma in "
        "a \"connect\" event "
        "listener",
        total, total == 1 ? "" : "s", total == 1 ? "s" : "", rm_buf_cstr(&b),
        total > 1 ? "; the others are listed below" : "", url ? url->url : "--dialect sqlite");
    if (url)
        rc_related(ctx, f, url->span, "the SQLite database URL: %s", url->url);
    size_t related = 0;
    for (size_t i = 0; i < model->ntables && related < MAX_RELATED; i++) {
        const relmap_table *t = model->tables[i];
        if (!rs_table_from_model(model, t))
            continue;
        for (size_t k = 0; k < t->nfks && related < MAX_RELATED; k++) {
            const relmap_fk *fk = &t->fks[k];
            if (fk == first || !key_has_action(fk))
                continue;
            rm_buf_clear(&b);
            add_key(&b, t, fk);
            rc_related(ctx, f, ru_span_or(fk->span, t->span), "%s", rm_buf_cstr(&b));
            related++;
        }
    }
    if (total - 1 > related)
        rc_related(ctx, f, ru_span_or(first->span, first_table->span),
                   "and %zu more keys with actions", total - 1 - related);
    rc_fix(ctx, f, "%s", listener_fix);
    rm_buf_free(&b);
}
