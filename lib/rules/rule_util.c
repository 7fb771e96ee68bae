/*
 * rule_util.c - helpers shared by the rules (see rule_util.h).
 */
#include "rule_util.h"

#include <string.h>
#include <strings.h>

#include "alloc.h"

bool ru_fk_local_resolved(const relmap_fk *fk)
{
    if (fk->ncolumns == 0)
        return false;
    for (size_t i = 0; i < fk->ncolumns; i++)
        if (!fk->columns[i].column)
            return false;
    return true;
}

ru_fk_state ru_fk_state_of(const relmap_fk *fk)
{
    if (!fk->ref_table)
        return RU_FK_UNKNOWN_TABLE;
    for (size_t i = 0; i < fk->ncolumns; i++)
        if (!fk->columns[i].column)
            return RU_FK_UNKNOWN_COLUMN;
    for (size_t i = 0; i < fk->nref_columns; i++)
        if (!fk->ref_columns[i].column)
            return RU_FK_UNKNOWN_COLUMN;
    if (fk->ncolumns == 0)
        return RU_FK_UNKNOWN_COLUMN;
    /* No referenced columns: the parent's primary key, which must exist. */
    if (fk->nref_columns == 0 && fk->ref_table->primary_key.ncolumns == 0)
        return RU_FK_NOT_UNIQUE;
    size_t nref = fk->nref_columns ? fk->nref_columns : fk->ref_table->primary_key.ncolumns;
    if (nref != fk->ncolumns)
        return RU_FK_ARITY;
    if (fk->ntarget != fk->ncolumns)
        return RU_FK_UNRESOLVED;
    for (size_t i = 0; i < fk->ntarget; i++)
        if (!fk->target[i])
            return RU_FK_UNRESOLVED;
    if (!ru_has_unique_on(fk->ref_table, fk->target, fk->ntarget))
        return RU_FK_NOT_UNIQUE;
    return RU_FK_OK;
}

bool ru_fk_has_column(const relmap_fk *fk, const relmap_column *column)
{
    for (size_t i = 0; i < fk->ncolumns; i++)
        if (fk->columns[i].column == column)
            return true;
    return false;
}

bool ru_is_base_table(const relmap_table *table)
{
    return table->kind == RELMAP_KIND_TABLE && !table->virtual_table;
}

bool ru_is_internal_table(const relmap_table *table)
{
    return table->dialect == RELMAP_DIALECT_SQLITE && strncasecmp(table->name, "sqlite_", 7) == 0;
}

static bool column_in(const relmap_column *c, const relmap_column *const *cols, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (cols[i] == c)
            return true;
    return false;
}

static bool ref_in(const relmap_column *c, const relmap_colref *refs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (refs[i].column == c)
            return true;
    return false;
}

bool ru_refs_equal_set(const relmap_colref *refs, size_t nrefs, const relmap_column *const *cols,
                       size_t ncols)
{
    if (nrefs == 0 || ncols == 0)
        return false;
    for (size_t i = 0; i < nrefs; i++)
        if (!refs[i].name || !refs[i].column || !column_in(refs[i].column, cols, ncols))
            return false;
    for (size_t i = 0; i < ncols; i++)
        if (!ref_in(cols[i], refs, nrefs))
            return false;
    return true;
}

static bool index_is_plain(const relmap_index *ix)
{
    return ix->where == NULL;
}

bool ru_index_serves_lookups(const relmap_index *ix)
{
    /* Full-text, spatial, GIN, GiST, BRIN ... indexes answer other
     * questions than "which rows have this key"; hash indexes do answer it. */
    return ix->where == NULL && (!ix->method || strcasecmp(ix->method, "btree") == 0 ||
                                 strcasecmp(ix->method, "hash") == 0);
}

bool ru_has_unique_on(const relmap_table *table, const relmap_column *const *cols, size_t ncols)
{
    const relmap_key *pk = &table->primary_key;
    if (ru_refs_equal_set(pk->columns, pk->ncolumns, cols, ncols))
        return true;
    for (size_t i = 0; i < table->nuniques; i++)
        if (ru_refs_equal_set(table->uniques[i].columns, table->uniques[i].ncolumns, cols, ncols))
            return true;
    for (size_t i = 0; i < table->nindexes; i++) {
        const relmap_index *ix = &table->indexes[i];
        if (ix->unique && index_is_plain(ix) &&
            ru_refs_equal_set(ix->columns, ix->ncolumns, cols, ncols))
            return true;
    }
    return false;
}

bool ru_refs_lead_with(const relmap_colref *refs, size_t nrefs, const relmap_column *const *cols,
                       size_t ncols)
{
    if (nrefs < ncols)
        return false;
    return ru_refs_equal_set(refs, ncols, cols, ncols);
}

const relmap_column **ru_fk_local_columns(const relmap_fk *fk)
{
    if (fk->ncolumns == 0)
        return NULL;
    const relmap_column **cols = rm_malloc(fk->ncolumns * sizeof *cols);
    for (size_t i = 0; i < fk->ncolumns; i++)
        cols[i] = fk->columns[i].column;
    return cols;
}

relmap_span ru_span_or(relmap_span a, relmap_span fallback)
{
    return a.source != RELMAP_NO_SOURCE ? a : fallback;
}

bool ru_families_compatible(relmap_dialect dialect, relmap_type_family a, relmap_type_family b)
{
    if (a == b)
        return true;
    if (dialect == RELMAP_DIALECT_SQLITE) {
        bool a_int = a == RELMAP_TYPE_INTEGER || a == RELMAP_TYPE_NUMERIC;
        bool b_int = b == RELMAP_TYPE_INTEGER || b == RELMAP_TYPE_NUMERIC;
        return a_int && b_int;
    }
    return false;
}

const char *ru_family_name(relmap_type_family family)
{
    switch (family) {
    case RELMAP_TYPE_UNKNOWN:
        return "untyped";
    case RELMAP_TYPE_INTEGER:
        return "INTEGER";
    case RELMAP_TYPE_REAL:
        return "REAL";
    case RELMAP_TYPE_NUMERIC:
        return "NUMERIC";
    case RELMAP_TYPE_TEXT:
        return "TEXT";
    case RELMAP_TYPE_BLOB:
        return "BLOB";
    case RELMAP_TYPE_BOOLEAN:
        return "BOOLEAN";
    case RELMAP_TYPE_DATETIME:
        return "DATETIME";
    case RELMAP_TYPE_UUID:
        return "UUID";
    case RELMAP_TYPE_JSON:
        return "JSON";
    case RELMAP_TYPE_OTHER:
        break;
    }
    return "other";
}

static bool is_plain_word(const char *s)
{
    if (!*s || (*s >= '0' && *s <= '9'))
        return false;
    for (; *s; s++) {
        char c = *s;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_'))
            return false;
    }
    return true;
}

void ru_add_ident(rm_buf *b, const char *name)
{
    if (is_plain_word(name)) {
        rm_buf_adds(b, name);
        return;
    }
    rm_buf_addc(b, '"');
    for (const char *p = name; *p; p++) {
        if (*p == '"')
            rm_buf_addc(b, '"');
        rm_buf_addc(b, *p);
    }
    rm_buf_addc(b, '"');
}

/* PostgreSQL folds unquoted names to lower case: a name with capitals was
 * quoted when it was made, and must be quoted again to be found. */
static void add_ident_for(rm_buf *b, relmap_dialect dialect, const char *name)
{
    bool capitals = false;
    for (const char *p = name; *p && !capitals; p++)
        capitals = *p >= 'A' && *p <= 'Z';
    if (dialect == RELMAP_DIALECT_POSTGRES && capitals) {
        rm_buf_addc(b, '"');
        for (const char *p = name; *p; p++) {
            if (*p == '"')
                rm_buf_addc(b, '"');
            rm_buf_addc(b, *p);
        }
        rm_buf_addc(b, '"');
    } else {
        ru_add_ident(b, name);
    }
}

void ru_add_column_name(rm_buf *b, const relmap_table *table, const char *column)
{
    add_ident_for(b, table->dialect, column);
}

void ru_add_table_name(rm_buf *b, const relmap_table *table)
{
    if (table->schema) {
        add_ident_for(b, table->dialect, table->schema);
        rm_buf_addc(b, '.');
    }
    add_ident_for(b, table->dialect, table->name);
}

void ru_add_refs(rm_buf *b, const relmap_colref *refs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            rm_buf_adds(b, ", ");
        rm_buf_adds(b, refs[i].name ? refs[i].name : refs[i].expr ? refs[i].expr : "?");
    }
}

void ru_add_columns(rm_buf *b, const relmap_column *const *cols, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            rm_buf_adds(b, ", ");
        rm_buf_adds(b, cols[i] ? cols[i]->name : "?");
    }
}

void ru_add_fk_local(rm_buf *b, const relmap_table *table, const relmap_fk *fk)
{
    rm_buf_adds(b, table->name);
    if (fk->ncolumns == 1) {
        rm_buf_printf(b, ".%s", fk->columns[0].name);
        return;
    }
    rm_buf_addc(b, '(');
    ru_add_refs(b, fk->columns, fk->ncolumns);
    rm_buf_addc(b, ')');
}

void ru_add_fk_target(rm_buf *b, const relmap_fk *fk)
{
    rm_buf_adds(b, fk->ref_table ? fk->ref_table->name : fk->ref_table_name);
    rm_buf_addc(b, '(');
    if (fk->nref_columns)
        ru_add_refs(b, fk->ref_columns, fk->nref_columns);
    else if (fk->ref_table)
        ru_add_refs(b, fk->ref_table->primary_key.columns, fk->ref_table->primary_key.ncolumns);
    rm_buf_addc(b, ')');
}

void ru_add_fk(rm_buf *b, const relmap_table *table, const relmap_fk *fk)
{
    ru_add_fk_local(b, table, fk);
    rm_buf_adds(b, " " RU_ARROW " ");
    ru_add_fk_target(b, fk);
}
