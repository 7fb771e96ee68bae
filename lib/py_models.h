/*
 * py_models.h - the SQLAlchemy model reader's internal interface: the
 * modules of one input, what their names mean, and the passes that turn
 * classes, columns, relationships and facts into the model.
 *
 * Nothing here runs Python: names are followed through imports and
 * assignments as far as the text says, with every chain bounded.
 */
#ifndef RELMAP_PY_MODELS_H
#define RELMAP_PY_MODELS_H

#include <stdbool.h>
#include <stddef.h>

#include "model_build.h"
#include "py_ast.h"
#include "strmap.h"

/* How far a name is followed through aliases, imports and bases. */
#define PY_MAX_HOPS 64

/* Entries of py_ctx's memo of callees (a power of two). */
#define PY_CALLEE_MEMO 256

struct py_cls;

/* One .py file of the input. */
typedef struct py_mod {
    const char *name;    /* dotted module name ("app.models.user") */
    const char *package; /* the package its relative imports start from */
    uint32_t src;        /* index of its source in the model */
    py_module ast;
    rm_strmap *names; /* module-level name -> py_binding */
    size_t order;     /* position in the sorted file list */
} py_mod;

typedef enum py_binding_kind {
    PY_B_MODULE, /* import a.b [as c] */
    PY_B_FROM,   /* from m import n [as c] */
    PY_B_VALUE,  /* name = expression */
    PY_B_CLASS,
    PY_B_DEF
} py_binding_kind;

/* What an expression names, as far as it can be followed. */
typedef enum py_ref_kind {
    PY_R_NONE,
    PY_R_EXTERN, /* something outside the input: qual is its dotted name */
    PY_R_MODULE, /* a module of the input */
    PY_R_CLASS,  /* a class of the input */
    PY_R_VALUE,  /* an expression assigned to a name (a call, a literal) */
    PY_R_DEF     /* a function of the input */
} py_ref_kind;

typedef struct py_ref {
    py_ref_kind kind;
    /* EXTERN: "sqlalchemy.orm.relationship"; a call's result adds "()":
     * "flask_sqlalchemy.SQLAlchemy().Column". */
    const char *qual;
    py_mod *mod; /* where a MODULE, CLASS, VALUE or DEF is */
    const py_expr *value;
    struct py_cls *cls;
    const py_stmt *stmt;
} py_ref;

typedef struct py_binding {
    py_binding_kind kind;
    const char *module;   /* MODULE, FROM: the absolute module name */
    const char *name;     /* FROM: the imported name */
    const py_expr *value; /* VALUE */
    struct py_cls *cls;   /* CLASS */
    const py_stmt *stmt;  /* CLASS, DEF */
    /* FROM: what the import names, once followed (it names the same
     * thing however often it is looked up). */
    bool followed;
    py_ref target;
} py_binding;

typedef enum py_role {
    PY_ROLE_UNKNOWN = 0, /* not decided yet */
    PY_ROLE_PLAIN,       /* not SQLAlchemy's: a mixin when a mapped class uses it */
    PY_ROLE_BASE,        /* a declarative base itself */
    PY_ROLE_MAPPED,
    PY_ROLE_ABSTRACT, /* inherits a base, __abstract__ = True */
    PY_ROLE_SQLMODEL  /* a SQLModel without table=True: fields only */
} py_role;

/* A class statement of the input and what the reader decided about it. */
typedef struct py_cls {
    py_mod *mod;
    const py_stmt *stmt;
    int state; /* 0 new, 1 deciding, 2 decided */
    py_role role;
    unsigned flavours;
    bool flask;            /* inherits db.Model */
    bool sqlmodel;         /* SQLModel, table=True */
    struct py_cls *parent; /* the nearest mapped class it inherits */
    /* Plain, abstract and SQLModel classes among its ancestors, nearest
     * base first, each once: their columns are copied into this class. */
    struct py_cls **mixins;
    size_t nmixins;
    int built; /* 0 not yet, 1 building, 2 built */
    relmap_class *rc;
    relmap_table *table;
    bool own_table;
    rm_strmap *attrs; /* class-body attribute -> py_col_info (mapped classes) */
    bool typed_base;  /* derives from 2.0's DeclarativeBase */
    /* The registry it is mapped in (relmap_class.registry), or NULL. */
    const char *registry;
} py_cls;

/* A column a class attribute made: for ForeignKey(Cls.attr) targets. */
typedef struct py_col_info {
    const char *name;
} py_col_info;

/* The reader's state for one input (a file or a package). */
typedef struct py_ctx {
    relmap_model *model;
    rm_arena *tmp; /* syntax trees and scratch, freed when done */
    py_mod **mods;
    size_t nmods;
    rm_strmap *mods_by_name;
    py_cls **classes;
    size_t nclasses;
    /* Tables this input made, by name, for FK type inheritance. */
    rm_strmap *tables;
    /* The tables made, and whether a PrimaryKeyConstraint set each key. */
    struct py_made_table *made;
    size_t nmade;
    struct rm_ptrmap *core_calls; /* Table() call -> index in made */
    struct rm_ptrmap *urls_seen;  /* URL literals already recorded */
    unsigned flavours;
    /* Set by py_unwrap_annotation: the alias an annotation went through
     * (`intpk`) and the mapped_column() inside an Annotated[...]. */
    const char *ann_alias;
    const py_expr *ann_column;
    py_mod *ann_column_mod;
    /* The declarative base's type_annotation_map of the class being built. */
    const py_expr *type_map;
    py_mod *type_map_mod;
    /* What py_notes.c has noted already (a mixin's body is read once per
     * class that uses it): the noted node's address. */
    struct rm_ptrmap *noted;
    /* Tables by metadata, schema and name: the first definition (TAB002). */
    rm_strmap *defined;
    /* What a call calls (py_callee), for the calls asked most recently:
     * the passes over one statement ask it of the same call several times
     * in a row, so a small direct-mapped table answers most of them. */
    struct py_callee_memo {
        const py_expr *call; /* NULL: an empty entry */
        const py_mod *mod;
        const char *tail;
    } callees[PY_CALLEE_MEMO];
    /* SQL type -> its relmap_type_family (in tmp): a package repeats a
     * few types thousands of times. */
    rm_strmap *families;
} py_ctx;

/* py_scope.c */
void py_scope_index(py_ctx *ctx, py_mod *mod);
/* 1 or 0 when an `if` test is a literal or a name bound to one, else -1. */
int py_static_truth(py_ctx *ctx, py_mod *mod, const py_expr *test);
py_mod *py_find_module(py_ctx *ctx, const char *name, const py_mod *from);
py_ref py_lookup(py_ctx *ctx, py_mod *mod, const char *name, int hops);
py_ref py_eval(py_ctx *ctx, py_mod *mod, const py_expr *e, int hops);
/* The last identifier of a qualified name, without "()". */
const char *py_tail(py_ctx *ctx, const char *qual);
/* What a call calls: the tail of its callee ("Column"), or NULL. */
const char *py_callee(py_ctx *ctx, py_mod *mod, const py_expr *e, py_ref *out);
bool py_is_call_to(py_ctx *ctx, py_mod *mod, const py_expr *e, const char *tail);
/* The keyword argument `name` of a call, or NULL. */
const py_expr *py_kwarg(const py_expr *call, const char *name);
/* The n-th positional argument of a call, or NULL. */
const py_expr *py_posarg(const py_expr *call, size_t n);
/* A string literal's text, or NULL (f-strings and bytes are not names). */
const char *py_str(const py_expr *e);
/* True/False constants; `dflt` for anything else. */
bool py_bool(const py_expr *e, bool dflt);
bool py_is_true(const py_expr *e);
/* The source text of an expression, in the model's arena. */
const char *py_text(py_ctx *ctx, const py_mod *mod, const py_expr *e);
relmap_span py_span(const py_mod *mod, uint32_t start, uint32_t end);

/* py_classes.c */
void py_classes_decide(py_ctx *ctx);
void py_classes_build(py_ctx *ctx);
/* The table name a class maps (its own or its parent's), or NULL. */
const char *py_class_table_name(py_ctx *ctx, py_cls *cls);

/* py_columns.c */
/* Adds the column of a class attribute or Table() argument to `table`;
 * returns it, or NULL when `value` makes no column. `attr` is the
 * attribute name (NULL in a Table()); `annotation` may be NULL. */
relmap_column *py_column(py_ctx *ctx, py_mod *mod, relmap_table *table, const char *attr,
                         uint32_t attr_start, uint32_t attr_end, const py_expr *annotation,
                         const py_expr *value, bool sqlmodel);
/* Whether an attribute's value (or annotation) makes a column. */
bool py_is_column(py_ctx *ctx, py_mod *mod, const py_expr *annotation, const py_expr *value,
                  bool sqlmodel);
/* A table-level item: ForeignKeyConstraint, UniqueConstraint,
 * PrimaryKeyConstraint, Index or CheckConstraint. */
void py_table_item(py_ctx *ctx, py_mod *mod, relmap_table *table, const py_expr *item);
/* Table("name", metadata, ...): the table, made once per call. */
relmap_table *py_core_table(py_ctx *ctx, py_mod *mod, const py_expr *call);
/* A string the expression builds from literals and the module's string
 * constants ("a" + PREFIX, f"{PREFIX}_x"), or NULL when it is anything
 * else (py_classes.c). */
const char *py_const_str(py_ctx *ctx, py_mod *mod, const py_expr *e);
/* The name a Table() call gives, or NULL. */
const char *py_core_table_name(const py_expr *call);
/* `extends`: extend_existing or keep_existing was given, so a table of
 * the same name defined earlier is not redefined (TAB002). `flavour` is
 * RELMAP_FLAVOUR_FLASK or _SQLMODEL for their own metadata, else 0. */
relmap_table *py_new_table(py_ctx *ctx, const char *schema, const char *name, relmap_span span,
                           bool extends, unsigned flavour);
/* Keys, index names and FK column types once every table is read. */
void py_columns_finish(py_ctx *ctx);

/* py_relationships.c */
bool py_is_relationship(py_ctx *ctx, py_mod *mod, const py_expr *annotation, const py_expr *value);
void py_relationship(py_ctx *ctx, py_mod *mod, relmap_class *rc, const char *attr,
                     uint32_t attr_start, uint32_t attr_end, const py_expr *annotation,
                     const py_expr *value);
/* Unwraps Mapped[...] and the like; sets *collection for List/Set. */
const py_expr *py_unwrap_annotation(py_ctx *ctx, py_mod *mod, const py_expr *ann, bool *optional,
                                    bool *collection, bool *mapped);

/* py_notes.c: what the reader notes for the ORM rules (relmap_model_note). */
/* A class-body attribute that makes a column or a relationship, read for
 * `cls` from the body of `holder` (cls itself, or a mixin/abstract base);
 * `declared`: it is the return value of a @declared_attr function. */
void py_note_attribute(py_ctx *ctx, py_cls *cls, const py_cls *holder, const py_stmt *stmt,
                       const char *attr, uint32_t attr_start, uint32_t attr_end,
                       const py_expr *annotation, const py_expr *value, bool is_relationship,
                       bool declared);
/* __table_args__ of a class: a dict anywhere but last (ORM030). */
void py_note_table_args(py_ctx *ctx, py_mod *mod, const py_cls *cls, const py_expr *args);

/* py_facts.c */
void py_facts(py_ctx *ctx, py_mod *mod);

#endif
