/*
 * syntax.c - what was written wrongly in the inputs: SYNTAX001 (statements
 * a reader could not parse) and FK013 (referential actions that do not
 * exist).
 */
#include "rule_util.h"

void rule_syntax_error(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    for (size_t i = 0; i < model->nsyntax_errors; i++) {
        const relmap_syntax_error *e = &model->syntax_errors[i];
        rc_report(ctx, e->span, NULL, NULL,
                  "cannot parse this statement: %s; relmap read it only up to here", e->message);
    }
}

static void check_action(rule_ctx *ctx, const relmap_table *t, const relmap_fk *fk,
                         const char *event, relmap_fk_action action, const char *text)
{
    if (action != RELMAP_ACTION_INVALID)
        return;
    rm_buf b = RM_BUF_INIT;
    ru_add_fk(&b, t, fk);
    relmap_finding *f = rc_report(
        ctx, ru_span_or(fk->span, t->span), t, fk->ncolumns ? fk->columns[0].name : NULL,
        "%s says ON %s %s, which is not a referential action (CASCADE, SET NULL, SET DEFAULT, "
        "RESTRICT or NO ACTION)",
        rm_buf_cstr(&b), event, text ? text : "");
    rc_fix(ctx, f, "ON %s NO ACTION", event);
    rm_buf_free(&b);
}

void rule_fk_invalid_action(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        for (size_t k = 0; k < t->nfks; k++) {
            const relmap_fk *fk = &t->fks[k];
            check_action(ctx, t, fk, "DELETE", fk->on_delete, fk->on_delete_text);
            check_action(ctx, t, fk, "UPDATE", fk->on_update, fk->on_update_text);
        }
    }
}
