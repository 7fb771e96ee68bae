/*
 * fk.c - rules about single foreign keys (FK001 ...).
 */
#include "rule.h"

void rule_fk_unknown_table(rule_ctx *ctx)
{
    const relmap_model *model = rc_model(ctx);
    for (size_t i = 0; i < model->ntables; i++) {
        const relmap_table *t = model->tables[i];
        for (size_t k = 0; k < t->nfks; k++) {
            const relmap_fk *fk = &t->fks[k];
            if (fk->ref_table)
                continue;
            rc_report(ctx, fk->span, t, fk->ncolumns ? fk->columns[0].name : NULL,
                      "foreign key of %s references table '%s', which does not exist", t->name,
                      fk->ref_table_name);
        }
    }
}
