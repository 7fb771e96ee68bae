/*
 * sqlite_models.h - SQLITE001 for model files (sqlite_models.c); the DDL
 * and database form is in sqlite.c, which calls this first.
 */
#ifndef RELMAP_SQLITE_MODELS_H
#define RELMAP_SQLITE_MODELS_H

#include <stdbool.h>

#include "rule.h"

/* Whether `t` was read from a model file (a .py source). */
bool rs_table_from_model(const relmap_model *model, const relmap_table *t);

/*
 * Reports SQLITE001 for the tables of model files: the target is SQLite (a
 * sqlite URL is written in the sources, or --dialect sqlite), keys declare
 * ON DELETE/ON UPDATE actions, and no source runs PRAGMA foreign_keys.
 */
void rs_sqlite_fk_unenforced_models(rule_ctx *ctx);

#endif
