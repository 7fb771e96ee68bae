/*
 * model_build.h - the one way readers put things into a model.
 *
 * Readers call these builder functions (as SQLite's grammar actions call
 * StartTable/AddColumn) and never allocate model structs themselves. Every
 * string passed in is copied into the model's arena; NULL stays NULL.
 * Returned pointers stay valid until the next call that adds an element of
 * the same kind to the same table (arrays grow), so fill an element in
 * before adding the next one.
 */
#ifndef RELMAP_MODEL_BUILD_H
#define RELMAP_MODEL_BUILD_H

#include "relmap/model.h"
#include "arena.h"

/* What the model keeps beyond its public fields. */
struct relmap_model_internal {
    rm_arena *arena;
    /* Syntax errors kept so far for the source of the last one: past
     * MB_MAX_SYNTAX_ERRORS a file's errors are counted, not kept. */
    uint32_t errors_source;
    size_t errors_in_source;
    struct rm_strmap *tables_by_name;  /* filled in by resolve */
    struct rm_strmap *classes_by_name; /* filled in by resolve; NULL value: ambiguous */
};

relmap_model *mb_model_new(void);
rm_arena *mb_arena(relmap_model *model);

/* Interns a string (or `len` bytes of one) in the model's arena. */
const char *mb_str(relmap_model *model, const char *s);
const char *mb_strn(relmap_model *model, const char *s, size_t len);

/* Adds a source text (copied) and returns its index for spans. */
uint32_t mb_source(relmap_model *model, const char *path, const char *text, size_t len);
/* The same without a copy: the model takes the malloc'd `text`, which must
 * have room for len + 1 bytes (it is NUL-terminated here). */
uint32_t mb_source_adopt(relmap_model *model, const char *path, char *text, size_t len);
/* The same for one statement a database stores, read from the file `path`. */
uint32_t mb_statement_source(relmap_model *model, const char *path, const char *text, size_t len);

relmap_span mb_span(uint32_t source, size_t start, size_t end);
relmap_span mb_no_span(void);

relmap_table *mb_table(relmap_model *model, const char *schema, const char *name,
                       relmap_table_kind kind, relmap_span span);
relmap_column *mb_column(relmap_model *model, relmap_table *table, const char *name,
                         const char *type, relmap_span span);
/* The table's primary key, named `name` (may be NULL); add columns with
 * mb_key_column. */
relmap_key *mb_primary_key(relmap_model *model, relmap_table *table, const char *name,
                           relmap_span span);
relmap_key *mb_unique(relmap_model *model, relmap_table *table, const char *name, relmap_span span);
void mb_key_column(relmap_model *model, relmap_key *key, const char *column, relmap_span span);
relmap_index *mb_index(relmap_model *model, relmap_table *table, const char *name, bool unique,
                       relmap_span span);
/* An index element: a column name, or (column NULL) an expression's text. */
void mb_index_column(relmap_model *model, relmap_index *index, const char *column, const char *expr,
                     relmap_span span);
relmap_fk *mb_fk(relmap_model *model, relmap_table *table, const char *name, const char *ref_schema,
                 const char *ref_table, relmap_span span);
/* A key declared in the project file rather than the schema (fk->declared). */
relmap_fk *mb_declared_fk(relmap_model *model, relmap_table *table, const char *ref_table,
                          relmap_span span);
void mb_fk_column(relmap_model *model, relmap_fk *fk, const char *column, relmap_span span);
void mb_fk_ref_column(relmap_model *model, relmap_fk *fk, const char *column, relmap_span span);
/* Sets an action from its SQL text ("set null", any case and spacing). */
void mb_fk_on_delete(relmap_model *model, relmap_fk *fk, const char *text);
void mb_fk_on_update(relmap_model *model, relmap_fk *fk, const char *text);
relmap_fk_violations *mb_fk_violations(relmap_model *model, relmap_fk *fk);
relmap_check_constraint *mb_check(relmap_model *model, relmap_table *table, const char *name,
                                  const char *expr, relmap_span span);

/* The ORM layer of model files. A class's relationships array grows like
 * a table's columns: fill one in before adding the next. */
relmap_class *mb_class(relmap_model *model, const char *module, const char *name, relmap_span span);
void mb_class_base(relmap_model *model, relmap_class *cls, const char *base);
relmap_relationship *mb_relationship(relmap_model *model, relmap_class *cls, const char *name,
                                     relmap_span span);
/* The relationship a backref("name", ...) creates, to be filled in by the
 * reader from the backref's keywords. */
relmap_relationship *mb_backref_spec(relmap_model *model, relmap_relationship *rel,
                                     const char *name, relmap_span span);
void mb_relationship_foreign_key(relmap_model *model, relmap_relationship *rel, const char *text);
void mb_relationship_remote_side(relmap_model *model, relmap_relationship *rel, const char *text);
/* A database URL literal; the dialect is taken from its scheme. */
void mb_database_url(relmap_model *model, const char *url, relmap_span span);

/* A column name the class's own body declares (relmap_class.own_columns). */
void mb_class_own_column(relmap_model *model, relmap_class *cls, const char *column);
/* A note of the model reader for the rule `rule` (relmap_model_note);
 * class_name, attribute and fix may be NULL. Returns it for more fields. */
relmap_model_note *mb_note(relmap_model *model, const char *rule, relmap_span span,
                           const char *class_name, const char *attribute, const char *fix,
                           const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 7, 8)))
#endif
    ;

/*
 * Syntax errors kept per file. Garbage can hold one per line, and each
 * kept error costs memory and a finding; past this many a file's errors
 * end with one saying how many more there were, and the file is read on.
 */
#define MB_MAX_SYNTAX_ERRORS 1000

/* Records that the text at `span` could not be parsed (SYNTAX001); the
 * errors of one file are recorded one after another. */
void mb_syntax_error(relmap_model *model, relmap_span span, const char *message);
/* Counts `n` more errors of the file of the last one that its reader
 * did not keep. */
void mb_syntax_errors_uncounted(relmap_model *model, size_t n);
/* Ends the errors of the file of the last one (after its reader is done):
 * when some were not kept, the last kept error says how many. */
void mb_syntax_errors_done(relmap_model *model);

/* The action named by `text` (NO ACTION, RESTRICT, CASCADE, SET NULL, SET
 * DEFAULT in any case, words separated by any white space); INVALID for
 * anything else, UNSET for NULL. */
relmap_fk_action mb_parse_action(const char *text);

#endif
