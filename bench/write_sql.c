/*
 * write_sql.c - bench/gen's schema as DDL: SQLite (a schema script),
 * PostgreSQL (laid out as pg_dump's plain format: tables first, then keys,
 * indexes and foreign keys as ALTER TABLE ONLY, optional COPY data) and
 * MySQL (as mysqldump: backticks, inline KEY and CONSTRAINT clauses).
 */
#include <string.h>

#include "schema.h"

static const char *const type_names[3][7] = {
    {"INTEGER", "BIGINT", "TEXT", "VARCHAR(80)", "TIMESTAMP", "NUMERIC(12,2)", "BOOLEAN"},
    {"integer", "bigint", "text", "character varying(80)", "timestamp with time zone",
     "numeric(12,2)", "boolean"},
    {"int", "bigint", "text", "varchar(80)", "datetime", "decimal(12,2)", "tinyint(1)"},
};

static const char *const action_names[] = {"", "CASCADE", "SET NULL", "SET DEFAULT",
                                           "RESTRICT", "EXPLODE"};

static int dialect_row(enum bench_form f)
{
    return f == FORM_POSTGRES ? 1 : f == FORM_MYSQL ? 2 : 0;
}

/* A name as the dialect writes it: backticks for MySQL, bare otherwise. */
static void put_name(FILE *out, enum bench_form f, const char *name)
{
    if (f == FORM_MYSQL)
        fprintf(out, "`%s`", name);
    else
        fputs(name, out);
}

static void put_table(FILE *out, enum bench_form f, const char *name)
{
    if (f == FORM_POSTGRES)
        fputs("public.", out);
    put_name(out, f, name);
}

static void put_cols(FILE *out, enum bench_form f, const bench_table *t, const unsigned *cols,
                     unsigned n)
{
    for (unsigned k = 0; k < n; k++) {
        if (k)
            fputs(", ", out);
        put_name(out, f, t->cols[cols[k]].name);
    }
}

static const char *ref_name(const bench_schema *s, const bench_fk *fk)
{
    return fk->ref_table ? fk->ref_table : s->tables[fk->parent].name;
}

static void put_references(FILE *out, enum bench_form f, const bench_schema *s, const bench_fk *fk)
{
    fputs(" REFERENCES ", out);
    put_table(out, f, ref_name(s, fk));
    fputs(f == FORM_POSTGRES ? "(" : " (", out);
    for (unsigned k = 0; k < fk->nref; k++) {
        if (k)
            fputs(", ", out);
        put_name(out, f, fk->ref_col[k]);
    }
    fputc(')', out);
    if (fk->on_delete != BA_NONE)
        fprintf(out, " ON DELETE %s", action_names[fk->on_delete]);
    if (fk->on_update != BA_NONE)
        fprintf(out, " ON UPDATE %s", action_names[fk->on_update]);
}

static bool fk_written(const bench_schema *s, const bench_fk *fk, enum bench_form f)
{
    return bench_pitfall_in(s, fk->only, f);
}

static bool index_written(const bench_schema *s, const bench_index *ix, enum bench_form f)
{
    return bench_pitfall_in(s, ix->only, f);
}

static void put_column(FILE *out, enum bench_form f, const bench_column *c)
{
    fputs("    ", out);
    put_name(out, f, c->name);
    fprintf(out, " %s", type_names[dialect_row(f)][c->type]);
    if (c->not_null)
        fputs(" NOT NULL", out);
    if (c->has_default)
        fputs(f == FORM_POSTGRES ? " DEFAULT now()" : " DEFAULT CURRENT_TIMESTAMP", out);
    else if (f == FORM_MYSQL && !c->not_null)
        fputs(" DEFAULT NULL", out);
}

/* ix_t5_2 or ux_t5_2: the table and the index's position. */
static void put_index_name(FILE *out, enum bench_form f, const bench_table *t, unsigned k)
{
    char name[40];
    snprintf(name, sizeof name, "%s_%s_%u", t->idx[k].unique ? "ux" : "ix", t->name, k);
    put_name(out, f, name);
}

static void put_index_cols(FILE *out, enum bench_form f, const bench_table *t, unsigned k)
{
    const bench_index *ix = &t->idx[k];
    if (ix->unknown_col)
        put_name(out, f, ix->unknown_col);
    else
        put_cols(out, f, t, ix->col, ix->ncols);
}

static void put_pk(FILE *out, enum bench_form f, const bench_table *t)
{
    static const unsigned first[2] = {0, 1};
    put_cols(out, f, t, first, t->npk);
}

/* A statement relmap cannot parse (SYNTAX001): a table without a name. */
static void put_syntax_error(FILE *out, const bench_table *t)
{
    fprintf(out, "CREATE TABLE (%s_id INTEGER, note TEXT);\n", t->name);
}

/* SQLite: keys inline where the column has one, table constraints else. */
void bench_write_sqlite_table(const bench_schema *s, unsigned i, enum bench_form f, FILE *out)
{
    const bench_table *t = &s->tables[i];
    bool inline_pk = t->npk == 1 && t->cols[0].type == BT_INT && t->cols[0].not_null;
    bool used[BENCH_MAX_FKS] = {false};
    fprintf(out, "CREATE TABLE %s (\n", t->name);
    for (unsigned c = 0; c < t->ncols; c++) {
        put_column(out, f, &t->cols[c]);
        if (c == 0 && inline_pk)
            fputs(" PRIMARY KEY", out);
        for (unsigned k = 0; k < t->nfks; k++) {
            const bench_fk *fk = &t->fks[k];
            if (used[k] || fk->ncols != 1 || fk->col[0] != c || !fk_written(s, fk, f))
                continue;
            put_references(out, f, s, fk);
            used[k] = true;
            break;
        }
        fputs(c + 1 < t->ncols ? ",\n" : "", out);
    }
    if (t->npk && !inline_pk) {
        fputs(",\n    PRIMARY KEY (", out);
        put_pk(out, f, t);
        fputc(')', out);
    }
    for (unsigned k = 0; k < t->nfks; k++) {
        const bench_fk *fk = &t->fks[k];
        if (used[k] || !fk_written(s, fk, f))
            continue;
        fputs(",\n    FOREIGN KEY (", out);
        put_cols(out, f, t, fk->col, fk->ncols);
        fputc(')', out);
        put_references(out, f, s, fk);
    }
    fputs("\n);\n", out);
    for (unsigned k = 0; k < t->nidx; k++) {
        if (!index_written(s, &t->idx[k], f))
            continue;
        fputs(t->idx[k].unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ", out);
        put_index_name(out, f, t, k);
        fprintf(out, " ON %s (", t->name);
        put_index_cols(out, f, t, k);
        fputs(");\n", out);
    }
}

static void write_sqlite(const bench_schema *s, FILE *out)
{
    fputs("-- Generated by relmap's bench/gen (SQLite).\nBEGIN;\n", out);
    for (unsigned i = 0; i < s->ntables; i++) {
        const bench_table *t = &s->tables[i];
        bench_write_sqlite_table(s, i, FORM_SQLITE, out);
        if (t->pitfall == PF_TAB_DUPLICATE)
            bench_write_sqlite_table(s, i, FORM_SQLITE, out);
        if (t->pitfall == PF_SYNTAX)
            put_syntax_error(out, t);
    }
    fputs("COMMIT;\n", out);
}

/* MySQL, as mysqldump writes it. */
static void mysql_table(const bench_schema *s, const bench_table *t, FILE *out)
{
    fprintf(out, "CREATE TABLE `%s` (\n", t->name);
    for (unsigned c = 0; c < t->ncols; c++) {
        put_column(out, FORM_MYSQL, &t->cols[c]);
        fputs(c + 1 < t->ncols ? ",\n" : "", out);
    }
    if (t->npk) {
        fputs(",\n  PRIMARY KEY (", out);
        put_pk(out, FORM_MYSQL, t);
        fputc(')', out);
    }
    for (unsigned k = 0; k < t->nidx; k++) {
        if (!index_written(s, &t->idx[k], FORM_MYSQL))
            continue;
        fputs(t->idx[k].unique ? ",\n  UNIQUE KEY " : ",\n  KEY ", out);
        put_index_name(out, FORM_MYSQL, t, k);
        fputs(" (", out);
        put_index_cols(out, FORM_MYSQL, t, k);
        fputc(')', out);
    }
    for (unsigned k = 0; k < t->nfks; k++) {
        const bench_fk *fk = &t->fks[k];
        if (!fk_written(s, fk, FORM_MYSQL))
            continue;
        fprintf(out, ",\n  CONSTRAINT `%s_fk%u` FOREIGN KEY (", t->name, k);
        put_cols(out, FORM_MYSQL, t, fk->col, fk->ncols);
        fputc(')', out);
        put_references(out, FORM_MYSQL, s, fk);
    }
    fputs("\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;\n", out);
}

static void write_mysql(const bench_schema *s, FILE *out)
{
    fputs("-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n--\n"
          "-- Generated by relmap's bench/gen (MySQL).\n\n"
          "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n"
          "/*!50503 SET NAMES utf8mb4 */;\n"
          "/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;\n",
          out);
    for (unsigned i = 0; i < s->ntables; i++) {
        const bench_table *t = &s->tables[i];
        fprintf(out, "\n--\n-- Table structure for table `%s`\n--\n\n"
                     "DROP TABLE IF EXISTS `%s`;\n"
                     "/*!40101 SET @saved_cs_client     = @@character_set_client */;\n",
                t->name, t->name);
        mysql_table(s, t, out);
        if (t->pitfall == PF_TAB_DUPLICATE)
            mysql_table(s, t, out);
        if (t->pitfall == PF_SYNTAX)
            put_syntax_error(out, t);
        fputs("/*!40101 SET character_set_client = @saved_cs_client */;\n", out);
    }
    fputs("/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;\n"
          "/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;\n\n"
          "-- Dump completed\n",
          out);
}

/* PostgreSQL, as pg_dump's plain format lays it out. */
static void pg_table(const bench_table *t, FILE *out)
{
    fprintf(out, "--\n-- Name: %s; Type: TABLE; Schema: public; Owner: postgres\n--\n\n"
                 "CREATE TABLE public.%s (\n",
            t->name, t->name);
    for (unsigned c = 0; c < t->ncols; c++) {
        put_column(out, FORM_POSTGRES, &t->cols[c]);
        fputs(c + 1 < t->ncols ? ",\n" : "", out);
    }
    fprintf(out, "\n);\n\n\nALTER TABLE public.%s OWNER TO postgres;\n\n", t->name);
}

/* A value of column c in row r: keys point at rows 1..rows of the parent. */
static void pg_value(const bench_table *t, unsigned c, unsigned r, unsigned rows, FILE *out)
{
    const bench_column *col = &t->cols[c];
    if (!col->not_null && (r + c) % 7 == 0) {
        fputs("\\N", out);
        return;
    }
    switch (col->type) {
    case BT_INT:
    case BT_BIGINT:
        fprintf(out, "%u", c == 0 ? r : 1 + (r * 3 + c) % rows);
        break;
    case BT_TEXT:
        fputs((r + c) % 3 ? "tab\\there; a \\\\ backslash" : "line one\\nline two", out);
        break;
    case BT_VARCHAR:
        fprintf(out, "%s row %u", col->name, r);
        break;
    case BT_TIMESTAMP:
        fprintf(out, "2024-%02u-%02u 12:00:00+00", 1 + r % 12, 1 + r % 28);
        break;
    case BT_NUMERIC:
        fprintf(out, "%u.%02u", r * 17, r % 100);
        break;
    case BT_BOOL:
        fputc(r % 2 ? 't' : 'f', out);
        break;
    }
}

static void pg_copy(const bench_table *t, unsigned rows, FILE *out)
{
    fprintf(out, "--\n-- Data for Name: %s; Type: TABLE DATA; Schema: public; Owner: postgres\n"
                 "--\n\nCOPY public.%s (",
            t->name, t->name);
    for (unsigned c = 0; c < t->ncols; c++)
        fprintf(out, "%s%s", c ? ", " : "", t->cols[c].name);
    fputs(") FROM stdin;\n", out);
    for (unsigned r = 1; r <= rows; r++) {
        for (unsigned c = 0; c < t->ncols; c++) {
            if (c)
                fputc('\t', out);
            pg_value(t, c, r, rows, out);
        }
        fputc('\n', out);
    }
    fputs("\\.\n\n\n", out);
}

static void pg_constraints(const bench_schema *s, const bench_table *t, FILE *out)
{
    if (t->npk) {
        fprintf(out, "--\n-- Name: %s %s_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres\n"
                     "--\n\nALTER TABLE ONLY public.%s\n    ADD CONSTRAINT %s_pkey PRIMARY KEY (",
                t->name, t->name, t->name, t->name);
        put_pk(out, FORM_POSTGRES, t);
        fputs(");\n\n\n", out);
    }
    for (unsigned k = 0; k < t->nidx; k++) {
        if (!index_written(s, &t->idx[k], FORM_POSTGRES))
            continue;
        fprintf(out, "--\n-- Name: %s_%u; Type: INDEX; Schema: public; Owner: postgres\n--\n\n%s ",
                t->name, k, t->idx[k].unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX");
        put_index_name(out, FORM_POSTGRES, t, k);
        fprintf(out, " ON public.%s USING btree (", t->name);
        put_index_cols(out, FORM_POSTGRES, t, k);
        fputs(");\n\n\n", out);
    }
}

static void pg_foreign_keys(const bench_schema *s, const bench_table *t, FILE *out)
{
    for (unsigned k = 0; k < t->nfks; k++) {
        const bench_fk *fk = &t->fks[k];
        if (!fk_written(s, fk, FORM_POSTGRES))
            continue;
        fprintf(out, "--\n-- Name: %s %s_fk%u; Type: FK CONSTRAINT; Schema: public; Owner: "
                     "postgres\n--\n\nALTER TABLE ONLY public.%s\n    ADD CONSTRAINT %s_fk%u "
                     "FOREIGN KEY (",
                t->name, t->name, k, t->name, t->name, k);
        put_cols(out, FORM_POSTGRES, t, fk->col, fk->ncols);
        fputc(')', out);
        put_references(out, FORM_POSTGRES, s, fk);
        fputs(";\n\n\n", out);
    }
}

static void write_postgres(const bench_schema *s, unsigned rows, FILE *out)
{
    fputs("--\n-- PostgreSQL database dump\n--\n\n"
          "-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)\n"
          "-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)\n"
          "-- Generated by relmap's bench/gen (PostgreSQL).\n\n"
          "SET statement_timeout = 0;\nSET lock_timeout = 0;\n"
          "SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n"
          "SELECT pg_catalog.set_config('search_path', '', false);\n"
          "SET check_function_bodies = false;\nSET client_min_messages = warning;\n\n"
          "SET default_tablespace = '';\n\nSET default_table_access_method = heap;\n\n",
          out);
    for (unsigned i = 0; i < s->ntables; i++) {
        const bench_table *t = &s->tables[i];
        pg_table(t, out);
        if (t->pitfall == PF_TAB_DUPLICATE)
            pg_table(t, out);
        if (t->pitfall == PF_SYNTAX)
            put_syntax_error(out, t);
    }
    for (unsigned i = 0; rows && i < s->ntables; i++)
        pg_copy(&s->tables[i], rows, out);
    for (unsigned i = 0; i < s->ntables; i++)
        pg_constraints(s, &s->tables[i], out);
    for (unsigned i = 0; i < s->ntables; i++)
        pg_foreign_keys(s, &s->tables[i], out);
    fputs("--\n-- PostgreSQL database dump complete\n--\n\n", out);
}

int bench_write_sql(const bench_schema *s, enum bench_form dialect, unsigned rows, FILE *out)
{
    if (dialect == FORM_POSTGRES)
        write_postgres(s, rows, out);
    else if (dialect == FORM_MYSQL)
        write_mysql(s, out);
    else
        write_sqlite(s, out);
    if (fflush(out) != 0 || ferror(out)) {
        fputs("gen: write error\n", stderr);
        return 1;
    }
    return 0;
}
