/*
 * relmap/model.h - the relationship model every reader builds and every
 * rule, formatter and renderer reads.
 *
 * The model is plain structs in one arena: everything reachable from a
 * relmap_model is owned by it and freed by relmap_model_free(). Callers
 * read these structs; they never modify or free any part of them.
 *
 * Every element carries a span into the text it was read from, so that a
 * finding can point at the exact place. For a SQLite database that text is
 * the CREATE statement SQLite stores for the table or index.
 */
#ifndef RELMAP_MODEL_H
#define RELMAP_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A range of bytes in one source text. `source` is an index into
 * relmap_model.sources, or RELMAP_NO_SOURCE for an element that has no
 * text behind it. `start` and `end` are byte offsets (end exclusive).
 */
typedef struct relmap_span {
    uint32_t source;
    uint32_t start;
    uint32_t end;
} relmap_span;

#define RELMAP_NO_SOURCE UINT32_MAX

/** The SQL dialect of an input, deciding how names and types compare. */
typedef enum relmap_dialect {
    RELMAP_DIALECT_UNKNOWN = 0,
    RELMAP_DIALECT_SQLITE,
    RELMAP_DIALECT_POSTGRES,
    RELMAP_DIALECT_MYSQL
} relmap_dialect;

/** A text the model was read from: a file, or one stored CREATE statement. */
typedef struct relmap_source {
    /** The path as the user gave it (a database's path for its statements). */
    const char *path;
    /** The text (not necessarily NUL-free) and its length in bytes. */
    const char *text;
    size_t len;
    /** Byte offset of the start of each line; nlines >= 1. */
    const uint32_t *line_starts;
    size_t nlines;
    /**
     * True when the text is one statement a database stores (a CREATE
     * TABLE of a SQLite file): lines then count within the statement.
     */
    bool statement;
} relmap_source;

/**
 * The family of a column's type: the SQLite affinity for SQLite inputs,
 * the broad kind of type for other dialects. FK005 compares these.
 */
typedef enum relmap_type_family {
    RELMAP_TYPE_UNKNOWN = 0, /* no declared type */
    RELMAP_TYPE_INTEGER,
    RELMAP_TYPE_REAL,
    RELMAP_TYPE_NUMERIC,
    RELMAP_TYPE_TEXT,
    RELMAP_TYPE_BLOB,
    RELMAP_TYPE_BOOLEAN,
    RELMAP_TYPE_DATETIME,
    RELMAP_TYPE_UUID,
    RELMAP_TYPE_JSON,
    RELMAP_TYPE_OTHER
} relmap_type_family;

/** A referential action of a foreign key. */
typedef enum relmap_fk_action {
    RELMAP_ACTION_UNSET = 0, /* not written */
    RELMAP_ACTION_NO_ACTION,
    RELMAP_ACTION_RESTRICT,
    RELMAP_ACTION_CASCADE,
    RELMAP_ACTION_SET_NULL,
    RELMAP_ACTION_SET_DEFAULT,
    RELMAP_ACTION_INVALID /* written, but not a valid action (FK013) */
} relmap_fk_action;

typedef enum relmap_deferrable {
    RELMAP_NOT_DEFERRABLE = 0,
    RELMAP_DEFERRABLE_INITIALLY_IMMEDIATE,
    RELMAP_DEFERRABLE_INITIALLY_DEFERRED
} relmap_deferrable;

typedef enum relmap_generated {
    RELMAP_GENERATED_NONE = 0,
    RELMAP_GENERATED_VIRTUAL,
    RELMAP_GENERATED_STORED
} relmap_generated;

typedef struct relmap_column {
    const char *name;
    /** The declared type as written ("" when none). */
    const char *type;
    relmap_type_family family;
    /** Whether NULL can be stored: false for NOT NULL and rowid aliases. */
    bool nullable;
    /** The default as SQL text, or NULL when there is none. */
    const char *default_value;
    bool autoincrement;
    /** 1-based position in the primary key, 0 when not part of it. */
    unsigned pk_position;
    relmap_generated generated;
    /** Hidden column of a virtual table. */
    bool hidden;
    /**
     * The Python attribute that maps the column when a model file declares
     * it (`user_id = Column("uid", ...)` has key "user_id"); NULL for SQL.
     */
    const char *key;
    relmap_span span;
} relmap_column;

/**
 * A column named by a constraint, index or key. `name` is NULL for an
 * expression element of an index (then `expr` holds its text). `column` is
 * filled in by resolve: NULL when the table has no such column.
 */
typedef struct relmap_colref {
    const char *name;
    const char *expr;
    relmap_span span;
    const relmap_column *column;
} relmap_colref;

/** A primary key or unique constraint. */
typedef struct relmap_key {
    const char *name; /* constraint name, or NULL */
    relmap_colref *columns;
    size_t ncolumns; /* 0: no primary key */
    relmap_span span;
} relmap_key;

typedef struct relmap_index {
    const char *name;
    relmap_colref *columns;
    size_t ncolumns;
    bool unique;
    /** The WHERE predicate of a partial index, or NULL. */
    const char *where;
    /**
     * The access method as written (USING gin, FULLTEXT, SPATIAL ...), or
     * NULL for the default B-tree.
     */
    const char *method;
    relmap_span span;
} relmap_index;

typedef struct relmap_check_constraint {
    const char *name; /* constraint name, or NULL */
    const char *expr;
    relmap_span span;
} relmap_check_constraint;

#define RELMAP_MAX_SAMPLE_ROWIDS 5

/** Rows of a SQLite database that violate one foreign key (SQLITE002). */
typedef struct relmap_fk_violations {
    uint64_t count;
    /** The first rowids found, in the order SQLite reports them. */
    int64_t rowids[RELMAP_MAX_SAMPLE_ROWIDS];
    size_t nrowids;
} relmap_fk_violations;

struct relmap_table;

typedef struct relmap_fk {
    const char *name; /* constraint name, or NULL */
    relmap_colref *columns;
    size_t ncolumns;
    const char *ref_schema; /* NULL when not written */
    const char *ref_table_name;
    /** Referenced columns as written; none means the primary key. */
    relmap_colref *ref_columns;
    size_t nref_columns;
    relmap_fk_action on_delete;
    relmap_fk_action on_update;
    /** The actions as written (for messages about invalid ones), or NULL. */
    const char *on_delete_text;
    const char *on_update_text;
    const char *match; /* MATCH clause, or NULL */
    relmap_deferrable deferrable;
    relmap_span span;
    /**
     * Declared in the project file (`relations:` in .relmap.yml), not in
     * the schema: the database does not enforce it. Its span points into
     * the project file.
     */
    bool declared;

    /* Filled in by resolve. */
    /** The referenced table, NULL when it does not exist (FK001). */
    const struct relmap_table *ref_table;
    /**
     * The referenced columns: ref_columns resolved, or the primary key of
     * ref_table when none were written. Entries are NULL for unknown
     * columns; ntarget is 0 when the target cannot be determined.
     */
    const relmap_column **target;
    size_t ntarget;

    /** Rows violating this key, or NULL when data was not checked. */
    const relmap_fk_violations *violations;
} relmap_fk;

struct relmap_class;

typedef enum relmap_table_kind { RELMAP_KIND_TABLE = 0, RELMAP_KIND_VIEW } relmap_table_kind;

typedef struct relmap_table {
    const char *name;
    const char *schema; /* NULL when not written */
    relmap_table_kind kind;
    const char *comment; /* NULL when none */
    relmap_dialect dialect;

    relmap_column *columns;
    size_t ncolumns;
    relmap_key primary_key; /* ncolumns == 0: no primary key */
    relmap_key *uniques;
    size_t nuniques;
    relmap_index *indexes;
    size_t nindexes;
    relmap_fk *fks;
    size_t nfks;
    relmap_check_constraint *checks;
    size_t nchecks;

    /* SQLite specifics. */
    bool without_rowid;
    bool strict;
    bool virtual_table;
    /**
     * Why `PRAGMA foreign_key_check` could not check this table (SQLite's
     * own message), or NULL.
     */
    const char *data_check_error;

    /** The table's name in its CREATE statement. */
    relmap_span span;

    /**
     * The earlier table of the same name (and schema) that this definition
     * repeats within one input, or NULL: a second CREATE TABLE without IF
     * NOT EXISTS in a SQL file, a second Table() or mapped class of one
     * metadata without extend_existing/keep_existing in model files (the
     * database or SQLAlchemy refuses it; TAB002).
     */
    const struct relmap_table *redefines;

    /* Filled in by resolve, for model files. */
    /** The first mapped class whose own table this is, or NULL. */
    const struct relmap_class *mapped_by;
    /** A relationship uses it as its secondary (junction) table. */
    bool is_secondary;
} relmap_table;

/** How a relationship's two sides relate, decided as SQLAlchemy does. */
typedef enum relmap_direction {
    RELMAP_DIRECTION_UNKNOWN = 0, /* could not be decided */
    RELMAP_DIRECTION_MANYTOONE,
    RELMAP_DIRECTION_ONETOMANY,
    RELMAP_DIRECTION_MANYTOMANY
} relmap_direction;

/** How a mapped class shares tables with the mapped class it inherits. */
typedef enum relmap_inheritance {
    RELMAP_INHERIT_NONE = 0,
    RELMAP_INHERIT_JOINED,  /* its own table, with a key to the parent's */
    RELMAP_INHERIT_SINGLE,  /* no table of its own: columns go to the parent's */
    RELMAP_INHERIT_CONCRETE /* its own complete table */
} relmap_inheritance;

/** A keyword argument that may be absent: `uselist=` and the like. */
typedef enum relmap_tristate { RELMAP_UNSET = 0, RELMAP_NO, RELMAP_YES } relmap_tristate;

struct relmap_class;

/** How relationship() was told its target (ORM014). */
typedef enum relmap_target_kind {
    RELMAP_TARGET_NONE = 0,  /* no target written */
    RELMAP_TARGET_STRING,    /* "User", "app.models.User" */
    RELMAP_TARGET_CLASS,     /* the class object: relationship(User) */
    RELMAP_TARGET_LAMBDA,    /* lambda: User */
    RELMAP_TARGET_ANNOTATION /* only the Mapped[...] annotation names it */
} relmap_target_kind;

/**
 * Why resolve could not configure a relationship (relmap_relationship.
 * unresolved_reason): the machine-readable side of `unresolved`, one value
 * per kind of error SQLAlchemy raises at configure time, so that each rule
 * reports the errors of its kind and no other.
 */
typedef enum relmap_unresolved_reason {
    RELMAP_UNRESOLVED_NONE = 0, /* resolved (or nothing to say) */
    /** back_populates names an attribute the target class does not have. */
    RELMAP_UNRESOLVED_BACK_POPULATES_UNKNOWN,
    /** back_populates names a column attribute, not a relationship. */
    RELMAP_UNRESOLVED_BACK_POPULATES_NOT_RELATIONSHIP,
    /** back_populates names a relationship that does not point back here. */
    RELMAP_UNRESOLVED_BACK_POPULATES_MISMATCH,
    /** A backref would create an attribute the target already has. */
    RELMAP_UNRESOLVED_BACKREF_CONFLICT,
    /** No target class is written at all. */
    RELMAP_UNRESOLVED_TARGET_MISSING,
    /** The target names no class of the inputs (or an ambiguous name). */
    RELMAP_UNRESOLVED_TARGET_UNKNOWN,
    /** The target is a class that is not mapped. */
    RELMAP_UNRESOLVED_TARGET_NOT_MAPPED,
    /** The target is mapped by another declarative base (registry), where
     * SQLAlchemy does not look for it. */
    RELMAP_UNRESOLVED_TARGET_OTHER_REGISTRY,
    /** The class the relationship is written in has no table of its own
     * nor a parent's (relmap could not tell how it is mapped). */
    RELMAP_UNRESOLVED_OWNER_NOT_MAPPED,
    /** No foreign key links the tables (or the secondary to both). */
    RELMAP_UNRESOLVED_NO_JOIN_PATH,
    /** Several foreign key paths link the tables and nothing picks one. */
    RELMAP_UNRESOLVED_AMBIGUOUS_JOIN,
    /** The secondary table does not exist. */
    RELMAP_UNRESOLVED_SECONDARY_UNKNOWN,
    /** The two sides of a pair go the same way (no remote_side). */
    RELMAP_UNRESOLVED_SAME_DIRECTION,
    /** A primaryjoin whose keys go both ways: relmap cannot decide. */
    RELMAP_UNRESOLVED_UNDECIDABLE
} relmap_unresolved_reason;

/**
 * A relationship() of a mapped class. The first group of fields is what
 * the source says; resolve fills in the rest as SQLAlchemy would decide it
 * at configure time.
 */
typedef struct relmap_relationship {
    /** The attribute name. */
    const char *name;
    /**
     * The target as written: a class name, a module-qualified name
     * ("app.models.User"), the body of a `lambda:`, or the class an
     * annotation (`Mapped[List["User"]]`) names. NULL when none was found.
     */
    const char *target_text;
    const char *back_populates; /* NULL when not written */
    relmap_span back_populates_span;
    /** backref="name" or backref("name", ...), or NULL. */
    const char *backref;
    /**
     * The relationship a backref creates on the target, as the backref()
     * call's keywords describe it (name = the backref's name); NULL when
     * there is no backref.
     */
    struct relmap_relationship *backref_spec;
    /** secondary= as a table name (a Table variable is named by its table). */
    const char *secondary_text;
    relmap_tristate uselist; /* uselist= as written */
    /** From the annotation: YES for List/Set/WriteOnly/Dynamic, NO for a scalar. */
    relmap_tristate collection;
    const char *cascade; /* cascade= as written, or NULL */
    bool passive_deletes;
    bool viewonly;
    /**
     * single_parent=True: each target object belongs to one parent at most
     * (what a delete-orphan cascade on a many-to-one or many-to-many needs).
     */
    bool single_parent;
    /** foreign_keys= entries as written ("user_id", "Address.user_id"). */
    const char **foreign_keys;
    size_t nforeign_keys;
    /** remote_side= entries as written. */
    const char **remote_side;
    size_t nremote_side;
    /** primaryjoin= / secondaryjoin= as written (a string's value, else the
     * expression's text), or NULL. */
    const char *primaryjoin;
    const char *secondaryjoin;
    const char *overlaps; /* NULL when not written */
    const char *lazy;     /* NULL when not written */
    bool has_order_by;
    /** Created on the target by the other side's backref. */
    bool from_backref;
    /** The attribute name in the class body. */
    relmap_span span;

    /* Filled in by resolve. */
    const struct relmap_class *owner;
    /** The target class, NULL when it cannot be found. */
    const struct relmap_class *target;
    /** The other side (back_populates or backref), or NULL. */
    const struct relmap_relationship *partner;
    /** The secondary table, NULL when none or not found. */
    const relmap_table *secondary;
    /** The foreign keys the join uses (of the secondary table for many-to-many). */
    const relmap_fk **fks;
    size_t nfks;
    relmap_direction direction;
    /** Whether the attribute holds a collection (uselist as decided). */
    bool is_list;
    /**
     * Why SQLAlchemy could not configure this relationship, in its terms
     * ("no foreign key links users and addresses"); NULL when resolved.
     */
    const char *unresolved;
    /** The kind of `unresolved`: NONE exactly when `unresolved` is NULL. */
    relmap_unresolved_reason unresolved_reason;

    /* Read by the model reader for the ORM rules (ORM014, ORM020, ORM021). */
    relmap_target_kind target_kind;
    /** The target argument (or the annotation) in the source. */
    relmap_span target_span;
    /** order_by= as written (a string's value, else the expression's text), or NULL. */
    const char *order_by;
    /**
     * From the annotation: whether it is `Mapped[...]` (or WriteOnlyMapped,
     * DynamicMapped). RELMAP_UNSET when the attribute has no annotation.
     */
    relmap_tristate annotation_mapped;
} relmap_relationship;

/** A class a model file maps, or an abstract base or mixin it uses. */
typedef struct relmap_class {
    const char *name;
    /** The dotted module path ("app.models"), relative to the input. */
    const char *module;
    /** The bases as written ("Base", "db.Model", "TimestampMixin"). */
    const char **bases;
    size_t nbases;
    /** The mapped table (the parent's for single-table inheritance), or NULL. */
    const relmap_table *table;
    /** The mapped class it inherits, or NULL. */
    const struct relmap_class *parent;
    relmap_inheritance inheritance;
    /** `__abstract__ = True`: mapped by nobody, a base for others. */
    bool abstract;
    /** A plain class whose columns are copied into each mapped subclass. */
    bool mixin;
    relmap_relationship *relationships;
    size_t nrelationships;
    /** The class name in its `class` statement. */
    relmap_span span;

    /* Read by the model reader for the ORM rules (ORM020, ORM026, ORM027). */
    /** Its declarative base derives from 2.0's DeclarativeBase (or NoMeta). */
    bool declarative_2_0;
    /** `__mapper_args__` gives an inherit_condition. */
    bool inherit_condition;
    /**
     * The column names this class's own body declares (not those copied
     * from mixins, nor the parent's), in order; for single-table
     * inheritance they are columns of the parent's table.
     */
    const char **own_columns;
    size_t nown_columns;

    /**
     * The declarative base (registry) that maps the class, as a name that
     * is the same for every class of one registry ("app.db.Base",
     * "sqlmodel.SQLModel"); NULL when the reader cannot tell. SQLAlchemy
     * finds a relationship's target by name in the owner's registry only.
     */
    const char *registry;
} relmap_class;

/** The SQLAlchemy styles seen in model files (bits of relmap_facts.flavours). */
enum {
    RELMAP_FLAVOUR_CLASSIC = 1 << 0,  /* declarative Column(...) */
    RELMAP_FLAVOUR_TYPED = 1 << 1,    /* 2.0 Mapped[...] / mapped_column */
    RELMAP_FLAVOUR_FLASK = 1 << 2,    /* Flask-SQLAlchemy db.Model */
    RELMAP_FLAVOUR_SQLMODEL = 1 << 3, /* SQLModel, table=True */
    RELMAP_FLAVOUR_CORE = 1 << 4      /* Table("name", metadata, ...) */
};

/** A database URL written as a literal in a model file. */
typedef struct relmap_database_url {
    const char *url;
    /** The dialect its scheme names, UNKNOWN for others. */
    relmap_dialect dialect;
    relmap_span span;
} relmap_database_url;

/** Facts about the project as a whole that rules need. */
typedef struct relmap_facts {
    /** Some source enables PRAGMA foreign_keys (a connection hook, a script). */
    bool pragma_foreign_keys;
    relmap_span pragma_foreign_keys_span;
    /** Data checks (PRAGMA foreign_key_check) ran on the database inputs. */
    bool data_checked;
    /**
     * No input said which dialect it is written in (nothing dialect-specific
     * in a SQL file, no --dialect), so SQLite's was assumed.
     */
    bool dialect_assumed;
    /** RELMAP_FLAVOUR_* bits of the model files read. */
    unsigned flavours;
    /** Database URLs written in model files, in the order found. */
    relmap_database_url *database_urls;
    size_t ndatabase_urls;
} relmap_facts;

/**
 * A statement (or part of one) a reader could not parse: the first token
 * it could not place, and what it expected there. The reader went on with
 * the next statement; SYNTAX001 reports these.
 */
typedef struct relmap_syntax_error {
    relmap_span span;
    const char *message;
} relmap_syntax_error;

/**
 * Something the model reader saw that only it can see, and that a rule
 * reports as it is: a keyword SQLAlchemy does not accept, an attribute
 * named `metadata`, a class object used before its name is bound, a
 * relationship on a mixin without @declared_attr. Facts that rules reason
 * about (targets, keys, directions) are fields of the classes and
 * relationships instead. The rule whose id is `rule` turns each note into
 * one finding; the reader records one note per cause.
 */
typedef struct relmap_model_note {
    /** The id of the rule that reports it ("ORM030"). */
    const char *rule;
    relmap_span span;
    /** The class and attribute it is about, either may be NULL. */
    const char *class_name;
    const char *attribute;
    /** The finding's message, complete. */
    const char *message;
    /** The edit that fixes it, as text to write, or NULL. */
    const char *fix;
} relmap_model_note;

struct relmap_model_internal;

typedef struct relmap_model {
    relmap_table **tables;
    size_t ntables;
    /** Mapped classes, abstract bases and mixins of model files. */
    relmap_class **classes;
    size_t nclasses;
    relmap_source *sources;
    size_t nsources;
    /** The dialect names are matched in (that of the first input that has one). */
    relmap_dialect dialect;
    relmap_facts facts;
    /** What readers could not parse, in the order found. */
    relmap_syntax_error *syntax_errors;
    size_t nsyntax_errors;
    struct relmap_model_internal *internal;

    /** What the model reader noted for the ORM rules, in the order found. */
    relmap_model_note *notes;
    size_t nnotes;
} relmap_model;

/** Frees the model and everything it owns. NULL is allowed. */
RELMAP_API void relmap_model_free(relmap_model *model);

/**
 * Finds a table by name the way the model's dialect compares names (SQLite
 * and MySQL case-insensitively). `schema` may be NULL for any schema.
 * Returns NULL when there is none. Only valid after the model is resolved
 * (relmap_load returns resolved models).
 */
RELMAP_API const relmap_table *relmap_model_find_table(const relmap_model *model,
                                                       const char *schema, const char *name);

/** A span turned into what a person reads. */
typedef struct relmap_location {
    const char *path;      /* NULL when the span has no source */
    unsigned line;         /* 1-based */
    unsigned column;       /* 1-based, in bytes */
    const char *line_text; /* the whole source line, not NUL-terminated */
    size_t line_len;
} relmap_location;

/**
 * Turns a span into path, line and column. Returns 0, or RELMAP_EINVAL
 * (with `out->path` NULL) when the span has no source.
 */
RELMAP_API int relmap_span_locate(const relmap_model *model, relmap_span span,
                                  relmap_location *out);

/**
 * Finds a class by name ("User") or module-qualified name ("app.models.User").
 * Returns NULL when there is none, or when a bare name is ambiguous.
 * Only valid after the model is resolved.
 */
RELMAP_API const relmap_class *relmap_model_find_class(const relmap_model *model, const char *name);

/** "MANYTOONE", "ONETOMANY", "MANYTOMANY", or NULL for UNKNOWN. */
RELMAP_API const char *relmap_direction_name(relmap_direction direction);

/** The SQL spelling of an action ("SET NULL"), or NULL for UNSET. */
RELMAP_API const char *relmap_fk_action_name(relmap_fk_action action);

#ifdef __cplusplus
}
#endif

#endif
