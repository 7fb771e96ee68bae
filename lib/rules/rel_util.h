/*
 * rel_util.h - what the ORM rules about cascades and relationship pairs
 * share: the cascade string read as SQLAlchemy reads it, findings placed
 * on a relationship, and the columns a relationship writes.
 */
#ifndef RELMAP_REL_UTIL_H
#define RELMAP_REL_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "rule.h"

/* The cascade words of SQLAlchemy, as bits. */
enum {
    RL_CASCADE_SAVE_UPDATE = 1 << 0,
    RL_CASCADE_MERGE = 1 << 1,
    RL_CASCADE_REFRESH_EXPIRE = 1 << 2,
    RL_CASCADE_EXPUNGE = 1 << 3,
    RL_CASCADE_DELETE = 1 << 4,
    RL_CASCADE_DELETE_ORPHAN = 1 << 5
};

/*
 * The cascade of a relationship: its cascade= string (comma-separated
 * words, spaces allowed; "all" is save-update, merge, refresh-expire,
 * expunge and delete; "none" is nothing), or SQLAlchemy's default
 * "save-update, merge" when none is written. Unknown words are ORM030's
 * business and are ignored here.
 */
unsigned rl_cascade(const relmap_relationship *rel);

/* Appends the cascade bits as a cascade= string ("save-update, merge"). */
void rl_add_cascade(rm_buf *b, unsigned cascade);

/* The table a relationship's owner maps (its own or a parent's), or NULL. */
const relmap_table *rl_owner_table(const relmap_relationship *rel);

/*
 * Appends a finding of the running rule at the relationship's attribute,
 * naming its class and attribute (and the owner's table).
 */
relmap_finding *rl_report(rule_ctx *ctx, const relmap_relationship *rel, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Each relationship of a mapped class (not a mixin or abstract base). */
/* NOLINTBEGIN(bugprone-macro-parentheses): `rel` names the variable it declares */
#define RL_EACH_RELATIONSHIP(model, rel)                                                           \
    for (size_t rel##_i_ = 0; rel##_i_ < (model)->nclasses; rel##_i_++)                            \
        for (size_t rel##_k_ = 0;                                                                  \
             rel##_k_ < (model)->classes[rel##_i_]->nrelationships &&                              \
             !(model)->classes[rel##_i_]->mixin && !(model)->classes[rel##_i_]->abstract;          \
             rel##_k_++)                                                                           \
            for (const relmap_relationship *rel =                                                  \
                     &(model)->classes[rel##_i_]->relationships[rel##_k_];                         \
                 rel; rel = NULL)
/* NOLINTEND(bugprone-macro-parentheses) */

/* Whether the relationship was resolved with the keys of its join. */
bool rl_resolved(const relmap_relationship *rel);

/* Whether the relationship joins a table to itself (an adjacency list). */
bool rl_self_referential(const relmap_relationship *rel);

/*
 * The key of a one-to-many or many-to-one join (the child's key to the
 * parent), or of the owner's side of a secondary table; NULL when the
 * relationship was not resolved.
 */
const relmap_fk *rl_key(const relmap_relationship *rel);

/* The table that holds `fk`, or NULL. */
const relmap_table *rl_fk_table(const relmap_model *model, const relmap_fk *fk);
/* The same for a key of a relationship's join: the tables of its two
 * classes and its secondary are looked at first (scanning every table for
 * each relationship made the ORM rules quadratic). */
const relmap_table *rl_rel_fk_table(const relmap_model *model, const relmap_relationship *rel,
                                    const relmap_fk *fk);

/* The owner's class name, ".", the attribute: "User.addresses". */
void rl_add_name(rm_buf *b, const relmap_relationship *rel);

/*
 * Appends the relationship written with `options` added, as a fix:
 * `addresses = relationship("Address", ..., passive_deletes=True)`, or
 * `backref("addresses", ..., passive_deletes=True)` for the side a backref
 * makes.
 */
void rl_add_call(rm_buf *b, const relmap_relationship *rel, const char *options);

/* "a" or "an" before a class name in messages ("an Order"). */
const char *rl_article(const char *noun);

#endif
