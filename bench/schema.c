/*
 * schema.c - draws bench/gen's logical schema from a seed.
 *
 * Tables t0, t1, ... are entities, except every tenth (t9, t19, ...), a
 * many-to-many junction of two earlier entities. An entity has an id (one
 * in fifteen a composite key (id, version)), a few columns, zero to three
 * foreign keys to distinct earlier entities (a quarter of them to the first
 * ten tables: the hubs), a key to the previous entity on every tenth table
 * (chains), a parent_id to itself on every twentieth (adjacency lists),
 * an index over its first key on two in three, and a unique index over
 * nullable columns on one in ten. One entity in three carries a pitfall,
 * going round the list of pitfalls, so a schema of 100 tables holds each
 * (those SQLAlchemy refuses, too, from 200 tables).
 */
#include <stdlib.h>
#include <string.h>

#include "schema.h"

static uint64_t rng_state;

/* xorshift64*: small, fast and the same on every platform. */
static uint32_t next_random(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 2685821657736338717ull) >> 32);
}

static unsigned below(unsigned n)
{
    return n ? next_random() % n : 0;
}

#define ALL (FORM_SQLITE | FORM_POSTGRES | FORM_MYSQL | FORM_DB | FORM_PY)
#define TEXT (FORM_SQLITE | FORM_POSTGRES | FORM_MYSQL)

/* Where each pitfall can be said, and whether SQLAlchemy refuses it (then
 * the package holds it only with --all-pitfalls). A database cannot hold
 * FK002 or FK003: SQLite accepts the CREATE, but then PRAGMA
 * foreign_key_check fails for the whole file ("foreign key mismatch"). */
static const struct {
    unsigned forms;
    bool sa_refuses;
} pitfall_forms[PF_COUNT] = {
    [PF_FK_UNKNOWN_TABLE] = {TEXT | FORM_DB | FORM_PY, true},
    [PF_FK_UNKNOWN_COLUMN] = {TEXT | FORM_PY, true},
    [PF_FK_TARGET_NOT_UNIQUE] = {TEXT | FORM_PY, false},
    [PF_FK_ARITY] = {TEXT, false},
    [PF_FK_TYPE_MISMATCH] = {ALL, false},
    [PF_FK_SET_NULL_NOT_NULL] = {ALL, false},
    [PF_FK_CYCLE] = {ALL, false},
    [PF_FK_DUPLICATE] = {ALL, false},
    [PF_FK_IMPLIED] = {ALL, false},
    [PF_FK_SET_DEFAULT] = {ALL, false},
    [PF_FK_SELF_SAME] = {ALL, false},
    [PF_FK_BOGUS_ACTION] = {TEXT | FORM_PY, true},
    [PF_TAB_NO_PK] = {ALL, false},
    [PF_TAB_DUPLICATE] = {TEXT | FORM_PY, true},
    [PF_TAB_UNKNOWN_COLUMN] = {TEXT | FORM_PY, true},
    [PF_IDX_REDUNDANT] = {ALL, false},
    [PF_SQLITE_NULLABLE_PK] = {FORM_SQLITE | FORM_DB, false},
    [PF_SQLITE_ORPHANS] = {FORM_DB, false},
    [PF_SYNTAX] = {TEXT, false},
    [PF_ORM_ONE_SIDED] = {FORM_PY, false},
    [PF_ORM_NO_PASSIVE] = {FORM_PY, false},
    [PF_ORM_DIRECT_CLASS] = {FORM_PY, false},
    [PF_ORM_OVERLAP] = {FORM_PY, false},
    [PF_ORM_ONE_TO_ONE] = {FORM_PY, false},
    [PF_ORM_CASCADE_M2O] = {FORM_PY, false},
    [PF_ORM_PASSIVE_NO_ONDEL] = {FORM_PY, false},
    [PF_ORM_STI_NOT_NULL] = {FORM_PY, false},
    [PF_ORM_BP_UNKNOWN] = {FORM_PY, true},
    [PF_ORM_BP_MISMATCH] = {FORM_PY, true},
    [PF_ORM_UNKNOWN_TARGET] = {FORM_PY, true},
    [PF_ORM_NO_JOIN] = {FORM_PY, true},
    [PF_ORM_SECONDARY_UNKNOWN] = {FORM_PY, true},
    [PF_ORM_ORPHAN_WRONG_SIDE] = {FORM_PY, true},
    [PF_ORM_RESERVED] = {FORM_PY, true},
    [PF_ORM_BAD_ARGUMENT] = {FORM_PY, true},
};

bool bench_pitfall_in(const bench_schema *s, enum bench_pitfall p, enum bench_form form)
{
    if (p == PF_NONE)
        return true;
    if (!(pitfall_forms[p].forms & (unsigned)form))
        return false;
    return form != FORM_PY || s->fatal || !pitfall_forms[p].sa_refuses;
}

bool bench_typed_file(const bench_schema *s, unsigned f)
{
    return !s->classic && f % 2 == 1;
}

static unsigned add_col(bench_table *t, const char *name, enum bench_type type, bool not_null)
{
    bench_column *c = &t->cols[t->ncols];
    snprintf(c->name, sizeof c->name, "%s", name);
    c->type = type;
    c->not_null = not_null;
    c->has_default = false;
    return t->ncols++;
}

static bench_fk *add_fk(bench_table *t, enum bench_pitfall only)
{
    bench_fk *fk = &t->fks[t->nfks++];
    memset(fk, 0, sizeof *fk);
    fk->only = only;
    return fk;
}

static void add_index(bench_table *t, unsigned ncols, unsigned c0, unsigned c1, bool unique,
                      enum bench_pitfall only)
{
    bench_index *ix = &t->idx[t->nidx++];
    memset(ix, 0, sizeof *ix);
    ix->ncols = ncols;
    ix->col[0] = c0;
    ix->col[1] = c1;
    ix->unique = unique;
    ix->only = only;
}

/* A key from table t to entity p over new columns named after p, with the
 * columns p's primary key has; returns it for the caller to adjust. */
static bench_fk *link(bench_schema *s, bench_table *t, unsigned p, bool not_null,
                      enum bench_pitfall only)
{
    const bench_table *parent = &s->tables[p];
    char name[40];
    bench_fk *fk = add_fk(t, only);
    fk->parent = p;
    fk->ncols = fk->nref = parent->npk ? parent->npk : 1;
    for (unsigned k = 0; k < fk->ncols; k++) {
        snprintf(name, sizeof name, "%s_%s", parent->name, k ? "version" : "id");
        /* A second key to the same parent: t3_id_2. */
        for (unsigned c = 0; c < t->ncols; c++)
            if (strcmp(t->cols[c].name, name) == 0) {
                snprintf(name, sizeof name, "%s_%s_%u", parent->name, k ? "version" : "id",
                         t->nfks);
                break;
            }
        fk->col[k] = add_col(t, name, BT_INT, not_null);
        fk->ref_col[k] = k ? "version" : "id";
    }
    fk->relationship = true;
    fk->backref = below(3) == 0;
    return fk;
}

/* An earlier entity with a key (never a junction), a quarter of the time a hub. */
static unsigned pick_entity(const bench_schema *s, unsigned self)
{
    unsigned p = below(4) == 0 ? below(self < 10 ? self : 10) : below(self);
    while (s->tables[p].kind != BK_ENTITY || s->tables[p].npk == 0)
        p--;
    return p;
}

static bool has_parent(const bench_table *t, unsigned p)
{
    for (unsigned k = 0; k < t->nfks; k++)
        if (t->fks[k].parent == p && !t->fks[k].ref_table)
            return true;
    return false;
}

/* The pitfalls in play, in the order tables take them. */
static enum bench_pitfall pitfall_for(const bench_schema *s, unsigned nth)
{
    unsigned n = 0;
    enum bench_pitfall list[PF_COUNT];
    for (int p = PF_NONE + 1; p < PF_COUNT; p++)
        if (s->fatal || !(pitfall_forms[p].forms == FORM_PY && pitfall_forms[p].sa_refuses))
            list[n++] = (enum bench_pitfall)p;
    return list[nth % n];
}

static void make_pitfall(bench_schema *s, unsigned i)
{
    bench_table *t = &s->tables[i];
    unsigned p = pick_entity(s, i);
    bench_fk *fk;
    unsigned c;
    switch (t->pitfall) {
    case PF_FK_UNKNOWN_TABLE:
        fk = add_fk(t, t->pitfall);
        fk->ncols = fk->nref = 1;
        fk->col[0] = add_col(t, "archive_id", BT_INT, false);
        fk->ref_table = "archive";
        fk->ref_col[0] = "id";
        break;
    case PF_FK_UNKNOWN_COLUMN:
        fk = link(s, t, p, false, t->pitfall);
        fk->ref_col[0] = "uuid";
        fk->relationship = false;
        break;
    case PF_FK_TARGET_NOT_UNIQUE:
        fk = add_fk(t, t->pitfall);
        fk->parent = p;
        fk->ncols = fk->nref = 1;
        fk->col[0] = add_col(t, "parent_name", BT_TEXT, false);
        fk->ref_col[0] = "name";
        break;
    case PF_FK_ARITY:
        fk = add_fk(t, t->pitfall);
        fk->parent = p;
        fk->ncols = 1;
        fk->nref = 2;
        fk->col[0] = add_col(t, "pair_id", BT_INT, false);
        fk->ref_col[0] = "id";
        fk->ref_col[1] = "name";
        break;
    case PF_FK_TYPE_MISMATCH:
        while (s->tables[p].npk != 1) /* a one-column key: only the type is wrong */
            p--;
        fk = add_fk(t, t->pitfall);
        fk->parent = p;
        fk->ncols = fk->nref = 1;
        fk->col[0] = add_col(t, "owner_ref", BT_TEXT, false);
        fk->ref_col[0] = "id";
        break;
    case PF_FK_SET_NULL_NOT_NULL:
        fk = link(s, t, p, true, t->pitfall);
        fk->on_delete = BA_SET_NULL;
        fk->relationship = false;
        break;
    case PF_FK_CYCLE:
        /* t -> p and p -> t, both NOT NULL: no insert order works. */
        if (s->tables[p].nfks < BENCH_MAX_FKS - 1 && s->tables[p].ncols < BENCH_MAX_COLS - 2 &&
            !has_parent(t, p)) {
            link(s, t, p, true, t->pitfall)->relationship = false;
            link(s, &s->tables[p], i, true, t->pitfall)->relationship = false;
        }
        break;
    case PF_FK_DUPLICATE:
        if (!has_parent(t, p))
            link(s, t, p, false, PF_NONE);
        for (unsigned k = 0; k < t->nfks; k++)
            if (t->fks[k].parent == p && !t->fks[k].ref_table) {
                fk = add_fk(t, t->pitfall);
                *fk = t->fks[k];
                fk->only = t->pitfall;
                fk->relationship = false;
                break;
            }
        break;
    case PF_FK_IMPLIED:
        /* Named like a key to p, typed like p's id, with no key. */
        if (!has_parent(t, p) && s->tables[p].npk == 1) {
            char name[40];
            snprintf(name, sizeof name, "%s_id", s->tables[p].name);
            add_col(t, name, BT_INT, false);
        }
        break;
    case PF_FK_SET_DEFAULT:
        fk = link(s, t, p, false, t->pitfall);
        fk->on_delete = BA_SET_DEFAULT;
        fk->relationship = false;
        break;
    case PF_FK_SELF_SAME:
        fk = add_fk(t, t->pitfall);
        fk->parent = i;
        fk->ncols = fk->nref = 1;
        fk->col[0] = 0;
        fk->ref_col[0] = "id";
        break;
    case PF_FK_BOGUS_ACTION:
        fk = link(s, t, p, false, t->pitfall);
        fk->on_delete = BA_BOGUS;
        fk->relationship = false;
        break;
    case PF_TAB_NO_PK:
        t->npk = 0;
        break;
    case PF_TAB_UNKNOWN_COLUMN:
        add_index(t, 0, 0, 0, false, t->pitfall);
        t->idx[t->nidx - 1].unknown_col = "nickname";
        break;
    case PF_IDX_REDUNDANT:
        c = t->npk; /* name */
        add_index(t, 1, c, 0, false, t->pitfall);
        add_index(t, 2, c, c + 2, false, t->pitfall);
        break;
    case PF_ORM_NO_PASSIVE:
    case PF_ORM_ONE_TO_ONE:
    case PF_ORM_PASSIVE_NO_ONDEL:
        /* About the parent's collection: a back_populates pair over a new key. */
        if (!has_parent(t, p)) {
            fk = link(s, t, p, false, PF_NONE);
            fk->backref = false;
            fk->on_delete = t->pitfall == PF_ORM_NO_PASSIVE ? BA_CASCADE : BA_NONE;
        }
        break;
    case PF_SQLITE_NULLABLE_PK:
        /* A composite key over nullable columns: (id, version). */
        t->cols[0].not_null = false;
        t->cols[1].not_null = false;
        break;
    default:
        /* Said by the writers from t->pitfall alone. */
        break;
    }
}

static void make_entity(bench_schema *s, unsigned i)
{
    bench_table *t = &s->tables[i];
    t->kind = BK_ENTITY;
    snprintf(t->name, sizeof t->name, "t%u", i);
    t->pitfall = i % 3 == 2 ? pitfall_for(s, s->npitfalls++) : PF_NONE;
    /* SQLITE003 wants the composite key it is about. */
    bool composite = (i % 15 == 11 || t->pitfall == PF_SQLITE_NULLABLE_PK) &&
                     t->pitfall != PF_FK_SELF_SAME;
    add_col(t, "id", BT_INT, true);
    t->npk = 1;
    if (composite) {
        add_col(t, "version", BT_INT, true);
        t->npk = 2;
    }
    add_col(t, "name", BT_VARCHAR, true);
    unsigned c = add_col(t, "created_at", BT_TIMESTAMP, true);
    t->cols[c].has_default = true;
    add_col(t, "amount", BT_NUMERIC, false);
    if (below(6) == 0) {
        c = add_col(t, "code", BT_VARCHAR, true);
        add_index(t, 1, c, 0, true, PF_NONE);
    }
    unsigned want = i == 0 ? 0 : below(4);
    for (unsigned k = 0; k < want; k++) {
        unsigned p = pick_entity(s, i);
        if (has_parent(t, p))
            continue;
        bench_fk *fk = link(s, t, p, below(2), PF_NONE);
        fk->on_delete = below(5) == 0 ? BA_CASCADE : BA_NONE;
        if (below(3) != 0)
            add_index(t, fk->ncols, fk->col[0], fk->col[1], false, PF_NONE);
    }
    /* Chains: every tenth entity hangs off the previous one. */
    if (i % 10 == 4 && s->tables[i - 1].npk && !has_parent(t, i - 1))
        link(s, t, i - 1, false, PF_NONE)->on_delete = BA_CASCADE;
    if (i % 20 == 7) {
        bench_fk *fk = add_fk(t, PF_NONE);
        fk->parent = i;
        fk->ncols = fk->nref = t->npk;
        fk->col[0] = add_col(t, "parent_id", BT_INT, false);
        fk->ref_col[0] = "id";
        if (t->npk == 2) {
            fk->col[1] = add_col(t, "parent_version", BT_INT, false);
            fk->ref_col[1] = "version";
        }
        fk->relationship = true;
    }
    if (below(10) == 0)
        add_index(t, 2, t->npk, t->npk + 2, true, PF_NONE); /* (name, amount): IDX002 */
    make_pitfall(s, i);
    t->mixin = (int)below(3);
}

/* Junction of two earlier single-key entities; some lack a key over the
 * pair (JT001), have nullable columns (JT002) or no cascade (JT003). */
static void make_junction(bench_schema *s, unsigned i)
{
    bench_table *t = &s->tables[i];
    t->kind = BK_JUNCTION;
    snprintf(t->name, sizeof t->name, "j%u", i);
    unsigned a = pick_entity(s, i), b = pick_entity(s, i);
    while (s->tables[a].npk != 1)
        a--;
    while (s->tables[b].npk != 1 || b == a)
        b = b ? b - 1 : i - 2;
    unsigned variant = (i / 10) % 8;
    bool not_null = variant != 1;
    const unsigned ends[2] = {a, b};
    for (unsigned k = 0; k < 2; k++) {
        bench_fk *fk = add_fk(t, PF_NONE);
        fk->parent = ends[k];
        fk->ncols = fk->nref = 1;
        fk->col[0] = add_col(t, k ? "b_id" : "a_id", BT_INT, not_null);
        fk->ref_col[0] = "id";
        fk->on_delete = variant == 2 ? BA_NONE : BA_CASCADE;
    }
    t->npk = variant == 0 || variant == 1 ? 0 : 2;
    if (variant == 1)
        add_index(t, 2, 0, 1, true, PF_NONE);
    add_index(t, 1, 1, 0, false, PF_NONE);
}

void bench_schema_make(bench_schema *s, unsigned ntables, unsigned nfiles, uint64_t seed,
                       bool classic, bool fatal)
{
    memset(s, 0, sizeof *s);
    s->ntables = ntables;
    s->nfiles = nfiles < 1 ? 1 : nfiles > ntables ? ntables : nfiles;
    s->classic = classic;
    s->fatal = fatal;
    s->seed = seed;
    rng_state = seed ? seed : 1;
    s->tables = calloc(ntables, sizeof *s->tables);
    if (!s->tables) {
        fputs("gen: out of memory\n", stderr);
        exit(1);
    }
    for (unsigned i = 0; i < ntables; i++) {
        if (i >= 2 && i % 10 == 9)
            make_junction(s, i);
        else
            make_entity(s, i);
        s->tables[i].file = (unsigned)((uint64_t)i * s->nfiles / ntables);
    }
}

void bench_schema_free(bench_schema *s)
{
    free(s->tables);
    s->tables = NULL;
}
