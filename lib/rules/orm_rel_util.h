/*
 * orm_rel_util.h - what the relationship rules (ORM001-ORM010, JT004)
 * share: walking the mapped classes' relationships, finding attributes on
 * a class and its parents, and the wording of places in messages.
 */
#ifndef RELMAP_RULES_ORM_REL_UTIL_H
#define RELMAP_RULES_ORM_REL_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "rule.h"

/* Relationships of mapped classes (not of mixins or abstract bases, whose
 * copies in the mapped subclasses are what SQLAlchemy configures). */
typedef void (*orl_visit)(rule_ctx *ctx, const relmap_relationship *rel, void *payload);
void orl_each_relationship(rule_ctx *ctx, orl_visit visit, void *payload);

/* Names `rel` as what finding `f` is about (class and attribute); returns f. */
relmap_finding *orl_about(relmap_finding *f, const relmap_relationship *rel);

/* The relationship `name` of `cls` or a class it inherits, or NULL. */
const relmap_relationship *orl_find_relationship(const relmap_class *cls, const char *name);

/* The column whose attribute (its key, else its name) is `name` on the
 * table of `cls` or a class it inherits, or NULL. */
const relmap_column *orl_find_column_attribute(const relmap_class *cls, const char *name);

/* Whether `a` is `b`, or one inherits the other. */
bool orl_same_lineage(const relmap_class *a, const relmap_class *b);

/* Whether `a` is written before `b` (by source and offset; by class and
 * attribute name when the spans cannot tell): which of two sides of one
 * cause gets the finding. */
bool orl_before(const relmap_relationship *a, const relmap_relationship *b);

/* Appends "models.py:31" for a span (nothing when it has no source). */
void orl_add_place(rm_buf *b, const relmap_model *model, relmap_span span);

/* The attribute name the other side would usually get: the class in
 * snake_case ("OrderLine" -> "order_line"), in the plural for a collection
 * ("order_lines"). Returned in `b` (cleared first). */
const char *orl_suggest_name(rm_buf *b, const relmap_class *cls, bool collection);

#endif
