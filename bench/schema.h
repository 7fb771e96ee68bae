/*
 * schema.h - the one logical schema bench/gen writes in every input form.
 *
 * bench_schema_make() draws it from a seed; each writer (write_sql.c,
 * write_db.c, write_py.c) says it in its own form and leaves out what that
 * form cannot say (see `pitfall_forms` in schema.c).
 */
#ifndef BENCH_SCHEMA_H
#define BENCH_SCHEMA_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Column types, each spelled by the writers in their dialect. */
enum bench_type { BT_INT, BT_BIGINT, BT_TEXT, BT_VARCHAR, BT_TIMESTAMP, BT_NUMERIC, BT_BOOL };

/* ON DELETE / ON UPDATE actions; BA_BOGUS is not an action at all (FK013). */
enum bench_action { BA_NONE, BA_CASCADE, BA_SET_NULL, BA_SET_DEFAULT, BA_RESTRICT, BA_BOGUS };

/*
 * Pitfalls from RULES.md that the schema carries, each on one table (the
 * "pitfall table"). The ORM ones only the SQLAlchemy package can say.
 */
enum bench_pitfall {
    PF_NONE,
    PF_FK_UNKNOWN_TABLE,      /* FK001 */
    PF_FK_UNKNOWN_COLUMN,     /* FK002 */
    PF_FK_TARGET_NOT_UNIQUE,  /* FK003 */
    PF_FK_ARITY,              /* FK004 */
    PF_FK_TYPE_MISMATCH,      /* FK005 */
    PF_FK_SET_NULL_NOT_NULL,  /* FK007 */
    PF_FK_CYCLE,              /* FK008 */
    PF_FK_DUPLICATE,          /* FK009 */
    PF_FK_IMPLIED,            /* FK010 */
    PF_FK_SET_DEFAULT,        /* FK011 */
    PF_FK_SELF_SAME,          /* FK012 */
    PF_FK_BOGUS_ACTION,       /* FK013 */
    PF_TAB_NO_PK,             /* TAB001 */
    PF_TAB_DUPLICATE,         /* TAB002 */
    PF_TAB_UNKNOWN_COLUMN,    /* TAB003 */
    PF_IDX_REDUNDANT,         /* IDX001 */
    PF_SQLITE_NULLABLE_PK,    /* SQLITE003 */
    PF_SQLITE_ORPHANS,        /* SQLITE002: rows whose parent does not exist */
    PF_SYNTAX,                /* SYNTAX001 */
    PF_ORM_ONE_SIDED,         /* ORM002 */
    PF_ORM_NO_PASSIVE,        /* ORM011 */
    PF_ORM_DIRECT_CLASS,      /* ORM014 */
    PF_ORM_OVERLAP,           /* ORM001, ORM015 */
    PF_ORM_ONE_TO_ONE,        /* ORM016 */
    PF_ORM_CASCADE_M2O,       /* ORM019 */
    PF_ORM_PASSIVE_NO_ONDEL,  /* ORM022 */
    PF_ORM_STI_NOT_NULL,      /* ORM027 */
    /* From here on SQLAlchemy refuses the package (written with --all-pitfalls). */
    PF_ORM_BP_UNKNOWN,        /* ORM003 */
    PF_ORM_BP_MISMATCH,       /* ORM004 */
    PF_ORM_UNKNOWN_TARGET,    /* ORM006 */
    PF_ORM_NO_JOIN,           /* ORM007 */
    PF_ORM_SECONDARY_UNKNOWN, /* ORM009 */
    PF_ORM_ORPHAN_WRONG_SIDE, /* ORM012 */
    PF_ORM_RESERVED,          /* ORM028 */
    PF_ORM_BAD_ARGUMENT,      /* ORM030 */
    PF_COUNT
};

#define BENCH_MAX_COLS 24
#define BENCH_MAX_FKS 8
#define BENCH_MAX_INDEXES 8

typedef struct bench_column {
    char name[40];
    enum bench_type type;
    bool not_null;
    bool has_default;
} bench_column;

typedef struct bench_fk {
    unsigned ncols;
    unsigned col[2];        /* local columns */
    unsigned parent;        /* table index; ignored when ref_table is set */
    const char *ref_table;  /* a table that does not exist (FK001), or NULL */
    const char *ref_col[2]; /* referenced columns by name */
    unsigned nref;          /* differs from ncols for FK004 */
    enum bench_action on_delete, on_update;
    enum bench_pitfall only; /* written only where this pitfall can be said; PF_NONE: always */
    bool relationship;       /* the model package maps a relationship over it */
    bool backref;            /* ... written with backref= rather than back_populates */
} bench_fk;

typedef struct bench_index {
    unsigned ncols;
    unsigned col[3];
    const char *unknown_col; /* TAB003: a column the table lacks, or NULL */
    enum bench_pitfall only; /* as in bench_fk */
    bool unique;
} bench_index;

enum bench_kind { BK_ENTITY, BK_JUNCTION };

typedef struct bench_table {
    char name[16];
    enum bench_kind kind;
    bench_column cols[BENCH_MAX_COLS];
    unsigned ncols;
    unsigned npk; /* primary key: the first npk columns; 0 for none */
    bench_fk fks[BENCH_MAX_FKS];
    unsigned nfks;
    bench_index idx[BENCH_MAX_INDEXES];
    unsigned nidx;
    enum bench_pitfall pitfall;
    unsigned file; /* the model module the class (or Table) is written in */
    int mixin;     /* 0 none, 1 TimestampMixin, 2 AuditMixin */
} bench_table;

typedef struct bench_schema {
    bench_table *tables;
    unsigned ntables;
    unsigned nfiles; /* model modules */
    bool classic;    /* every module in classic style */
    bool fatal;      /* write the pitfalls SQLAlchemy refuses, too */
    uint64_t seed;
    unsigned npitfalls; /* pitfall tables so far, while drawing */
} bench_schema;

/* Draws the schema; exits with a message when out of memory. */
void bench_schema_make(bench_schema *s, unsigned ntables, unsigned nfiles, uint64_t seed,
                       bool classic, bool fatal);
void bench_schema_free(bench_schema *s);

/* Which forms can say a pitfall. */
enum bench_form { FORM_SQLITE = 1, FORM_POSTGRES = 2, FORM_MYSQL = 4, FORM_DB = 8, FORM_PY = 16 };
bool bench_pitfall_in(const bench_schema *s, enum bench_pitfall p, enum bench_form form);

/* Whether module f is written in 2.0 typed style. */
bool bench_typed_file(const bench_schema *s, unsigned f);

/* The writers: 0 on success, else a message on stderr and non-zero. ROWS
 * data rows a table: COPY blocks in the PostgreSQL dump, INSERTs in the
 * database; the other forms hold no data. */
int bench_write_sql(const bench_schema *s, enum bench_form dialect, unsigned rows, FILE *out);
/* One table's CREATE TABLE and CREATE INDEX statements in SQLite's dialect
 * (what the database writer runs). */
void bench_write_sqlite_table(const bench_schema *s, unsigned i, enum bench_form form, FILE *out);
int bench_write_db(const bench_schema *s, const char *path, unsigned rows);
int bench_write_py(const bench_schema *s, const char *dir);

#endif
