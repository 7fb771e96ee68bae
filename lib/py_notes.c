/*
 * py_notes.c - what only the model reader can see, noted for the ORM rules
 * (relmap_model_note): keywords SQLAlchemy does not accept and cascade
 * words it does not know (ORM030), class objects used before their name
 * is bound (ORM024), relationships and foreign key columns on mixins
 * without @declared_attr (ORM025), attributes named `metadata` or
 * `registry` (ORM028), annotations without Mapped[] in 2.0-style classes
 * (ORM020), and a __table_args__ dict that is not last (ORM030).
 *
 * A mixin's body is read once for every class that uses it, so each note
 * is recorded once per syntax node (ctx->noted).
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "ptrmap.h"
#include "py_models.h"

/* True the first time a node is noted; each kind of note keys on its own
 * kind of node (a keyword's py_arg, a name's py_expr, a statement). */
static bool first_time(py_ctx *ctx, const void *node)
{
    if (!ctx->noted)
        ctx->noted = rm_ptrmap_new(64);
    size_t seen;
    if (rm_ptrmap_get(ctx->noted, node, &seen))
        return false;
    rm_ptrmap_put(ctx->noted, node, 1);
    return true;
}

static bool in_list(const char *name, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(name, list[i]) == 0)
            return true;
    return false;
}

/* relationship()'s keywords in SQLAlchemy 1.4 and 2.x (backref() takes
 * the same); it has no **kwargs, so anything else is a TypeError. */
static const char *const relationship_kws[] = {"argument",
                                               "secondary",
                                               "primaryjoin",
                                               "secondaryjoin",
                                               "foreign_keys",
                                               "uselist",
                                               "order_by",
                                               "backref",
                                               "back_populates",
                                               "overlaps",
                                               "post_update",
                                               "cascade",
                                               "viewonly",
                                               "lazy",
                                               "collection_class",
                                               "passive_deletes",
                                               "passive_updates",
                                               "remote_side",
                                               "enable_typechecks",
                                               "join_depth",
                                               "comparator_factory",
                                               "single_parent",
                                               "innerjoin",
                                               "distinct_target_key",
                                               "doc",
                                               "active_history",
                                               "cascade_backrefs",
                                               "load_on_pending",
                                               "bake_queries",
                                               "_local_remote_pairs",
                                               "query_class",
                                               "info",
                                               "omit_join",
                                               "sync_backref",
                                               "init",
                                               "repr",
                                               "default",
                                               "default_factory",
                                               "compare",
                                               "kw_only",
                                               "hash",
                                               "dataclass_metadata",
                                               NULL};

/* Column()'s keywords; others must be named <dialect>_<argument>. */
static const char *const column_kws[] = {"name",
                                         "type_",
                                         "autoincrement",
                                         "default",
                                         "insert_default",
                                         "doc",
                                         "key",
                                         "index",
                                         "info",
                                         "nullable",
                                         "onupdate",
                                         "primary_key",
                                         "server_default",
                                         "server_onupdate",
                                         "quote",
                                         "unique",
                                         "system",
                                         "comment",
                                         "sort_order",
                                         "_proxies",
                                         NULL};

/* mapped_column() adds the ORM's and dataclasses' keywords. */
static const char *const mapped_column_kws[] = {"init",
                                                "repr",
                                                "default_factory",
                                                "compare",
                                                "kw_only",
                                                "hash",
                                                "deferred",
                                                "deferred_group",
                                                "deferred_raiseload",
                                                "use_existing_column",
                                                "active_history",
                                                "dataclass_metadata",
                                                NULL};

static const char *const foreign_key_kws[] = {
    "column",    "_constraint",  "use_alter", "name", "onupdate", "ondelete",      "deferrable",
    "initially", "link_to_name", "match",     "info", "comment",  "_unresolvable", NULL};

/* Dialects whose <dialect>_<argument> keywords SQLAlchemy accepts (it
 * checks the argument only against an installed dialect). */
static const char *const dialects[] = {"sqlite", "postgresql", "mysql", "mariadb",
                                       "mssql",  "oracle",     NULL};

static bool dialect_keyword(const char *k)
{
    const char *us = strchr(k, '_');
    if (!us || us == k || !us[1])
        return false;
    for (size_t i = 0; dialects[i]; i++)
        if (strlen(dialects[i]) == (size_t)(us - k) && strncmp(k, dialects[i], us - k) == 0)
            return true;
    return false;
}

/* Edit distance up to 3 (a typo's keyword), larger values as 3. */
static unsigned distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 40 || m > 40)
        return 3;
    unsigned row[41];
    for (size_t j = 0; j <= m; j++)
        row[j] = (unsigned)j;
    for (size_t i = 1; i <= n; i++) {
        unsigned diag = row[0];
        row[0] = (unsigned)i;
        for (size_t j = 1; j <= m; j++) {
            unsigned up = row[j];
            unsigned best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[m] > 3 ? 3 : row[m];
}

static const char *closest(const char *k, const char *const *a, const char *const *b)
{
    const char *best = NULL;
    unsigned bestd = 3;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; (pass ? b : a) && (pass ? b : a)[i]; i++) {
            const char *cand = (pass ? b : a)[i];
            unsigned d = distance(k, cand);
            if (d < bestd && cand[0] != '_') {
                best = cand;
                bestd = d;
            }
        }
    return best;
}

typedef enum { CALL_RELATIONSHIP, CALL_COLUMN, CALL_MAPPED_COLUMN, CALL_FOREIGN_KEY } call_kind;

static const char *call_name(call_kind kind)
{
    switch (kind) {
    case CALL_RELATIONSHIP:
        return "relationship()";
    case CALL_COLUMN:
        return "Column()";
    case CALL_MAPPED_COLUMN:
        return "mapped_column()";
    default:
        return "ForeignKey()";
    }
}

/* The first ForeignKey(...) among a column call's positional arguments. */
static const py_expr *column_foreign_key(py_ctx *ctx, py_mod *mod, const py_expr *call)
{
    for (size_t i = 0; i < call->nargs; i++) {
        const py_arg *a = &call->args[i];
        if (!a->name && a->value->kind == PY_E_CALL &&
            py_is_call_to(ctx, mod, a->value, "ForeignKey"))
            return a->value;
    }
    return NULL;
}

/* cascade="save-update, merge, delete-orphan": every word must be one
 * SQLAlchemy knows (ArgumentError "Invalid cascade option(s)" otherwise). */
static void check_cascade(py_ctx *ctx, py_mod *mod, const py_expr *v, const char *cls_name,
                          const char *attr)
{
    static const char *const words[] = {"all",           "none",           "save-update",
                                        "merge",         "expunge",        "delete",
                                        "delete-orphan", "refresh-expire", NULL};
    const char *s = py_str(v);
    if (!s || !first_time(ctx, v))
        return;
    rm_buf bad = RM_BUF_INIT;
    size_t nbad = 0;
    for (const char *p = s; *p;) {
        while (*p == ' ' || *p == '\t' || *p == ',')
            p++;
        const char *end = p;
        while (*end && *end != ',')
            end++;
        const char *last = end;
        while (last > p && (last[-1] == ' ' || last[-1] == '\t'))
            last--;
        if (last > p) {
            char word[64];
            size_t len =
                (size_t)(last - p) < sizeof word - 1 ? (size_t)(last - p) : sizeof word - 1;
            memcpy(word, p, len);
            word[len] = '\0';
            if (!in_list(word, words)) {
                rm_buf_printf(&bad, "%s\"%s\"", nbad ? ", " : "", word);
                nbad++;
            }
        }
        p = end;
    }
    if (nbad)
        mb_note(ctx->model, "ORM030", py_span(mod, v->start, v->end), cls_name, attr, NULL,
                "cascade=\"%s\" has %s %s: SQLAlchemy raises ArgumentError (\"Invalid cascade "
                "option(s)\") when the module is imported; the words are all, save-update, merge, "
                "expunge, delete, delete-orphan, refresh-expire (or none)",
                s, nbad == 1 ? "an unknown word" : "unknown words", rm_buf_cstr(&bad));
    rm_buf_free(&bad);
}

static void unknown_keyword(py_ctx *ctx, py_mod *mod, const py_arg *a, call_kind kind,
                            const char *cls_name, const char *attr, const py_expr *column_call)
{
    const char *k = a->name;
    relmap_span span = py_span(mod, a->value->start, a->value->end);
    /* The keyword itself: the argument's text up to its '='. */
    const relmap_source *src = &ctx->model->sources[mod->src];
    size_t klen = strlen(k);
    if (a->value->start >= klen + 1) {
        uint32_t s = a->value->start;
        while (s > 0 && src->text[s - 1] != '=')
            s--;
        if (s > 0 && s - 1 >= klen)
            span = py_span(mod, s - 1 - (uint32_t)klen, a->value->end);
    }
    const char *value = py_text(ctx, mod, a->value);
    bool dialect_form = kind != CALL_RELATIONSHIP && strchr(k, '_');
    const char *why = kind == CALL_RELATIONSHIP ? "SQLAlchemy raises TypeError when the module is "
                                                  "imported"
                      : dialect_form ? "SQLAlchemy takes it for a <dialect>_<argument> keyword of "
                                       "a dialect that does not exist, warns and ignores it"
                                     : "SQLAlchemy raises TypeError when the module is imported, "
                                       "as other keywords must be named <dialect>_<argument>";
    if ((strcmp(k, "ondelete") == 0 || strcmp(k, "onupdate") == 0) &&
        (kind == CALL_RELATIONSHIP || kind == CALL_COLUMN || kind == CALL_MAPPED_COLUMN)) {
        /* Column(onupdate=) exists (a Python-side default): only ondelete
         * reaches here for columns. */
        const char *action = k + 2;
        const py_expr *fk = column_call ? column_foreign_key(ctx, mod, column_call) : NULL;
        char *fix = NULL;
        if (fk) {
            const char *text = py_text(ctx, mod, fk);
            size_t len = strlen(text);
            fix =
                rm_arena_printf(ctx->tmp, "%.*s, %s=%s)", (int)(len ? len - 1 : 0), text, k, value);
        }
        mb_note(ctx->model, "ORM030", span, cls_name, attr, fix,
                "%s has no keyword argument '%s': %s; ON %s is a property of the foreign key, "
                "write it in the column's ForeignKey(..., %s=%s)%s",
                call_name(kind), k, why, strcmp(action, "delete") == 0 ? "DELETE" : "UPDATE", k,
                value,
                kind == CALL_RELATIONSHIP
                    ? " and add passive_deletes=True here so that the ORM leaves the deletes to "
                      "the database"
                    : "");
        return;
    }
    const char *const *extra = kind == CALL_MAPPED_COLUMN ? mapped_column_kws : NULL;
    const char *const *list = kind == CALL_RELATIONSHIP  ? relationship_kws
                              : kind == CALL_FOREIGN_KEY ? foreign_key_kws
                                                         : column_kws;
    const char *guess = closest(k, list, extra);
    const char *fix = guess ? rm_arena_printf(ctx->tmp, "%s=%s", guess, value) : NULL;
    mb_note(ctx->model, "ORM030", span, cls_name, attr, fix,
            "%s has no keyword argument '%s': %s%s%s%s", call_name(kind), k, why,
            guess ? "; did you mean " : "", guess ? guess : "", guess ? "?" : "");
}

static void check_call(py_ctx *ctx, py_mod *mod, const py_expr *call, call_kind kind,
                       const char *cls_name, const char *attr, const py_expr *column_call)
{
    for (size_t i = 0; i < call->nargs; i++) {
        const py_arg *a = &call->args[i];
        if (a->star || a->double_star)
            continue;
        if (!a->name) {
            /* ForeignKey() inside a column; backref() inside a relationship. */
            if ((kind == CALL_COLUMN || kind == CALL_MAPPED_COLUMN) &&
                a->value->kind == PY_E_CALL && py_is_call_to(ctx, mod, a->value, "ForeignKey"))
                check_call(ctx, mod, a->value, CALL_FOREIGN_KEY, cls_name, attr, NULL);
            continue;
        }
        const char *k = a->name;
        if (kind == CALL_RELATIONSHIP && strcmp(k, "cascade") == 0)
            check_cascade(ctx, mod, a->value, cls_name, attr);
        if (kind == CALL_RELATIONSHIP && strcmp(k, "backref") == 0 && a->value->kind == PY_E_CALL &&
            py_is_call_to(ctx, mod, a->value, "backref"))
            check_call(ctx, mod, a->value, CALL_RELATIONSHIP, cls_name, attr, NULL);
        const char *const *list = kind == CALL_RELATIONSHIP  ? relationship_kws
                                  : kind == CALL_FOREIGN_KEY ? foreign_key_kws
                                                             : column_kws;
        if (in_list(k, list) || (kind == CALL_MAPPED_COLUMN && in_list(k, mapped_column_kws)))
            continue;
        if (kind != CALL_RELATIONSHIP && dialect_keyword(k))
            continue;
        if (first_time(ctx, a))
            unknown_keyword(ctx, mod, a, kind, cls_name, attr, column_call);
    }
}

/* A class-body assignment or def named `name` in a class statement. */
static bool body_binds(const py_stmt *cls, const char *name, uint32_t before)
{
    const py_block *body = cls->nblocks ? &cls->blocks[0] : NULL;
    for (size_t i = 0; body && i < body->nstmts; i++) {
        const py_stmt *s = body->stmts[i];
        if (s->start >= before)
            break;
        if ((s->kind == PY_S_ASSIGN || s->kind == PY_S_ANNASSIGN) && s->ntargets >= 1 &&
            s->targets[0]->kind == PY_E_NAME && strcmp(s->targets[0]->name, name) == 0)
            return true;
        if ((s->kind == PY_S_DEF || s->kind == PY_S_CLASS) && strcmp(s->name, name) == 0)
            return true;
    }
    return false;
}

static bool allows_unmapped(const py_cls *cls)
{
    if (body_binds(cls->stmt, "__allow_unmapped__", UINT32_MAX))
        return true;
    for (size_t i = 0; i < cls->nmixins; i++)
        if (body_binds(cls->mixins[i]->stmt, "__allow_unmapped__", UINT32_MAX))
            return true;
    for (const py_cls *p = cls->parent; p; p = p->parent == p ? NULL : p->parent)
        if (allows_unmapped(p))
            return true;
    return false;
}

/* Names evaluated while the class body runs that are bound to a class of
 * the module only later (or to the class being defined): NameError. A
 * lambda's body and strings are evaluated later, at configure time. */
static void check_defined(py_ctx *ctx, py_mod *mod, const py_stmt *holder, const py_expr *e,
                          const char *cls_name, const char *attr, int depth)
{
    if (!e || depth > 64)
        return;
    switch (e->kind) {
    case PY_E_NAME: {
        py_binding *b = rm_strmap_get(mod->names, e->name);
        if (!b || b->kind != PY_B_CLASS || body_binds(holder, e->name, e->start))
            return;
        bool inside = b->stmt->start <= e->start && e->start < b->stmt->end;
        if (b->stmt->start <= e->start && !inside)
            return;
        if (!first_time(ctx, e))
            return;
        const relmap_source *src = &ctx->model->sources[mod->src];
        unsigned line = 1;
        for (uint32_t i = 0; i < b->stmt->start && i < src->len; i++)
            line += src->text[i] == '\n';
        const char *fix = rm_arena_printf(ctx->tmp, "\"%s\"", e->name);
        relmap_span span = py_span(mod, e->start, e->end);
        if (inside)
            mb_note(ctx->model, "ORM024", span, cls_name, attr, fix,
                    "%s is used in its own class body, where the name is not bound yet: "
                    "importing the module raises NameError; write the name as a string "
                    "(\"%s\") or a lambda, which SQLAlchemy resolves once every class is defined",
                    e->name, e->name);
        else
            mb_note(ctx->model, "ORM024", span, cls_name, attr, fix,
                    "%s is used here but its class is defined only further down (line %u): "
                    "importing the module raises NameError; write the name as a string "
                    "(\"%s\") or a lambda, which SQLAlchemy resolves once every class is defined",
                    e->name, line, e->name);
        return;
    }
    case PY_E_ATTR:
    case PY_E_UNARY:
    case PY_E_STARRED:
        check_defined(ctx, mod, holder, e->value, cls_name, attr, depth + 1);
        return;
    case PY_E_CALL:
        check_defined(ctx, mod, holder, e->value, cls_name, attr, depth + 1);
        for (size_t i = 0; i < e->nargs; i++)
            check_defined(ctx, mod, holder, e->args[i].value, cls_name, attr, depth + 1);
        return;
    case PY_E_BINOP:
    case PY_E_COMPARE:
    case PY_E_BOOLOP:
        check_defined(ctx, mod, holder, e->left, cls_name, attr, depth + 1);
        check_defined(ctx, mod, holder, e->right, cls_name, attr, depth + 1);
        return;
    case PY_E_SUBSCRIPT:
    case PY_E_LIST:
    case PY_E_TUPLE:
    case PY_E_SET:
    case PY_E_DICT:
        if (e->kind == PY_E_SUBSCRIPT) /* the subscripted value, then its index items */
            check_defined(ctx, mod, holder, e->value, cls_name, attr, depth + 1);
        for (size_t i = 0; i < e->nitems; i++)
            check_defined(ctx, mod, holder, e->items[i], cls_name, attr, depth + 1);
        return;
    default:
        return; /* strings, constants, lambdas */
    }
}

void py_note_attribute(py_ctx *ctx, py_cls *cls, const py_cls *holder, const py_stmt *stmt,
                       const char *attr, uint32_t attr_start, uint32_t attr_end,
                       const py_expr *annotation, const py_expr *value, bool is_relationship,
                       bool declared)
{
    py_mod *mod = holder->mod;
    const char *owner = holder->stmt->name;
    relmap_span where = py_span(mod, attr_start, attr_end);
    const char *callee =
        value && value->kind == PY_E_CALL ? py_callee(ctx, mod, value, NULL) : NULL;
    if (!first_time(ctx, stmt)) /* a mixin's attribute, noted for its first class */
        return;

    /* ORM028: names the declarative API keeps for itself. */
    if (strcmp(attr, "metadata") == 0 || strcmp(attr, "registry") == 0) {
        const char *fix =
            callee && !is_relationship
                ? rm_arena_printf(ctx->tmp, "%s_ = %s(\"%s\", ...)", attr, callee, attr)
                : NULL;
        mb_note(ctx->model, "ORM028", where, owner, attr, fix,
                "%s.%s: the attribute name '%s' is reserved by SQLAlchemy's declarative API "
                "(the class's %s), and mapping it raises InvalidRequestError at import; "
                "name the attribute differently%s",
                owner, attr, attr, strcmp(attr, "metadata") == 0 ? "MetaData" : "registry",
                is_relationship ? "" : " and keep the column's name as its first argument");
    }

    /* ORM025: a mixin's relationship (and, before 2.0, a column with a
     * foreign key) must be made per class by a @declared_attr function. */
    if (!declared && holder != cls && holder->role == PY_ROLE_PLAIN) {
        const py_expr *fk =
            callee && strcmp(callee, "Column") == 0 ? column_foreign_key(ctx, mod, value) : NULL;
        if (is_relationship)
            mb_note(ctx->model, "ORM025", where, owner, attr, NULL,
                    "%s.%s is a relationship() on the mixin %s without @declared_attr: "
                    "SQLAlchemy raises InvalidRequestError (\"Mapper properties ... must be "
                    "declared as @declared_attr callables on declarative mixin classes\") when "
                    "%s is mapped; write it as `@declared_attr` `def %s(cls): return "
                    "relationship(...)`",
                    owner, attr, owner, cls->stmt->name, attr);
        else if (fk && !cls->typed_base)
            mb_note(ctx->model, "ORM025", where, owner, attr, NULL,
                    "%s.%s is a Column with a ForeignKey on the mixin %s without @declared_attr: "
                    "SQLAlchemy 1.4 raises InvalidRequestError (\"Columns with foreign keys to "
                    "other columns must be declared as @declared_attr callables on declarative "
                    "mixin classes\") when %s is mapped; write it as `@declared_attr` `def "
                    "%s(cls): return Column(...)`",
                    owner, attr, owner, cls->stmt->name, attr);
    }

    /* ORM020: a 2.0 DeclarativeBase class reads annotations as mapping
     * instructions; one that is not Mapped[...] is refused. */
    if (!declared && annotation && cls->typed_base && !allows_unmapped(cls)) {
        bool optional = false, collection = false, mapped = false;
        const py_expr *inner =
            py_unwrap_annotation(ctx, mod, annotation, &optional, &collection, &mapped);
        if (inner && !mapped) {
            const char *text = py_text(ctx, mod, annotation);
            mb_note(ctx->model, "ORM020", py_span(mod, annotation->start, annotation->end), owner,
                    attr, rm_arena_printf(ctx->tmp, "Mapped[%s]", text),
                    "%s.%s is annotated `%s` without Mapped[...] in a class whose base derives "
                    "from DeclarativeBase: SQLAlchemy 2.0 raises ArgumentError (\"Type annotation "
                    "can't be correctly interpreted for Annotated Declarative Table form\") "
                    "when the class is defined; write `%s: Mapped[%s]` (or set "
                    "__allow_unmapped__ = True on the base for legacy annotations)",
                    owner, attr, text, attr, text);
        }
    }

    /* ORM030, ORM024: what the call itself says. */
    if (value && value->kind == PY_E_CALL && callee) {
        if (is_relationship && strcmp(callee, "Relationship") != 0)
            check_call(ctx, mod, value, CALL_RELATIONSHIP, owner, attr, NULL);
        else if (strcmp(callee, "Column") == 0)
            check_call(ctx, mod, value, CALL_COLUMN, owner, attr, value);
        else if (strcmp(callee, "mapped_column") == 0)
            check_call(ctx, mod, value, CALL_MAPPED_COLUMN, owner, attr, value);
        if (!declared)
            check_defined(ctx, mod, holder->stmt, value, owner, attr, 0);
    }
}

void py_note_table_args(py_ctx *ctx, py_mod *mod, const py_cls *cls, const py_expr *args)
{
    if (!args || (args->kind != PY_E_TUPLE && args->kind != PY_E_LIST))
        return;
    for (size_t i = 0; i + 1 < args->nitems; i++) {
        const py_expr *item = args->items[i];
        if (item->kind != PY_E_DICT || !first_time(ctx, item))
            continue;
        mb_note(ctx->model, "ORM030", py_span(mod, item->start, item->end), cls->stmt->name,
                "__table_args__", NULL,
                "%s.__table_args__ has a dict that is not its last item: SQLAlchemy reads only "
                "a last dict as the table's keyword arguments and passes this one to Table() as "
                "a constraint, which raises ArgumentError when the class is defined; move the "
                "dict to the end of the tuple",
                cls->stmt->name);
    }
}
