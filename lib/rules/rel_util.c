/*
 * rel_util.c - helpers of the ORM rules (see rel_util.h).
 */
#include "rel_util.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

#define ALL_WORDS                                                                                  \
    (RL_CASCADE_SAVE_UPDATE | RL_CASCADE_MERGE | RL_CASCADE_REFRESH_EXPIRE | RL_CASCADE_EXPUNGE |  \
     RL_CASCADE_DELETE)

static const struct {
    const char *word;
    unsigned bits;
} cascade_words[] = {
    {"save-update", RL_CASCADE_SAVE_UPDATE},
    {"merge", RL_CASCADE_MERGE},
    {"refresh-expire", RL_CASCADE_REFRESH_EXPIRE},
    {"expunge", RL_CASCADE_EXPUNGE},
    {"delete", RL_CASCADE_DELETE},
    {"delete-orphan", RL_CASCADE_DELETE_ORPHAN},
    {"all", ALL_WORDS},
    {"none", 0},
};

unsigned rl_cascade(const relmap_relationship *rel)
{
    if (!rel->cascade)
        return RL_CASCADE_SAVE_UPDATE | RL_CASCADE_MERGE;
    unsigned bits = 0;
    const char *p = rel->cascade;
    while (*p) {
        while (*p == ',' || isspace((unsigned char)*p))
            p++;
        size_t n = 0;
        while (p[n] && p[n] != ',' && !isspace((unsigned char)p[n]))
            n++;
        for (size_t i = 0; n && i < sizeof cascade_words / sizeof cascade_words[0]; i++)
            if (strlen(cascade_words[i].word) == n && strncmp(cascade_words[i].word, p, n) == 0)
                bits |= cascade_words[i].bits;
        p += n;
    }
    return bits;
}

void rl_add_cascade(rm_buf *b, unsigned cascade)
{
    if ((cascade & ALL_WORDS) == ALL_WORDS) {
        rm_buf_adds(b, "all");
        if (cascade & RL_CASCADE_DELETE_ORPHAN)
            rm_buf_adds(b, ", delete-orphan");
        return;
    }
    size_t start = b->len;
    /* The single words only ("all" and "none" are the first two checks). */
    for (size_t i = 0; i < 6; i++)
        if (cascade & cascade_words[i].bits)
            rm_buf_printf(b, "%s%s", b->len > start ? ", " : "", cascade_words[i].word);
    if (b->len == start)
        rm_buf_adds(b, "none");
}

const relmap_table *rl_owner_table(const relmap_relationship *rel)
{
    for (const relmap_class *c = rel->owner; c; c = c->parent)
        if (c->table)
            return c->table;
    return NULL;
}

relmap_finding *rl_report(rule_ctx *ctx, const relmap_relationship *rel, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *text = rm_malloc((size_t)(n > 0 ? n : 0) + 1);
    vsnprintf(text, (size_t)(n > 0 ? n : 0) + 1, fmt, ap2);
    va_end(ap2);
    va_end(ap);
    relmap_finding *f = rc_report(ctx, rel->span, rl_owner_table(rel), NULL, "%s", text);
    free(text);
    f->class_name = rel->owner ? rel->owner->name : NULL;
    f->attribute = rel->name;
    return f;
}

bool rl_resolved(const relmap_relationship *rel)
{
    return rel->owner && rel->target && !rel->unresolved &&
           rel->direction != RELMAP_DIRECTION_UNKNOWN && rel->nfks > 0;
}

bool rl_self_referential(const relmap_relationship *rel)
{
    const relmap_table *own = rl_owner_table(rel);
    return rel->target && own && !rel->secondary_text && rel->target->table == own;
}

const relmap_fk *rl_key(const relmap_relationship *rel)
{
    return rel->nfks ? rel->fks[0] : NULL;
}

static bool holds(const relmap_table *t, const relmap_fk *fk)
{
    return t && t->nfks && fk >= t->fks && fk < t->fks + t->nfks;
}

const relmap_table *rl_fk_table(const relmap_model *model, const relmap_fk *fk)
{
    for (size_t i = 0; fk && i < model->ntables; i++)
        if (holds(model->tables[i], fk))
            return model->tables[i];
    return NULL;
}

const relmap_table *rl_rel_fk_table(const relmap_model *model, const relmap_relationship *rel,
                                    const relmap_fk *fk)
{
    if (fk && holds(rel->owner ? rel->owner->table : NULL, fk))
        return rel->owner->table;
    if (fk && holds(rel->target ? rel->target->table : NULL, fk))
        return rel->target->table;
    if (fk && holds(rel->secondary, fk))
        return rel->secondary;
    return rl_fk_table(model, fk);
}

void rl_add_name(rm_buf *b, const relmap_relationship *rel)
{
    rm_buf_printf(b, "%s.%s", rel->owner ? rel->owner->name : "?", rel->name);
}

void rl_add_call(rm_buf *b, const relmap_relationship *rel, const char *options)
{
    if (rel->from_backref)
        rm_buf_printf(b, "backref(\"%s\", ..., %s)", rel->name, options);
    else
        rm_buf_printf(b, "%s = relationship(\"%s\", ..., %s)", rel->name,
                      rel->target        ? rel->target->name
                      : rel->target_text ? rel->target_text
                                         : "...",
                      options);
}

const char *rl_article(const char *noun)
{
    /* "an Order", "a User": a leading U is mostly said "you". */
    return noun && noun[0] && strchr("AEIOaeio", noun[0]) ? "an" : "a";
}
