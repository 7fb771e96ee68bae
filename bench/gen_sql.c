/*
 * gen_sql - writes a pg_dump-style file of N tables, deterministic from a
 * seed, laid out the way pg_dump (plain format) writes it: the SET header,
 * CREATE TABLE with the types pg_dump spells out, OWNER TO, sequences and
 * their defaults, COPY ... FROM stdin data blocks ended by \., setval, then
 * ALTER TABLE ONLY ... ADD CONSTRAINT ..._pkey / ..._fkey and CREATE INDEX
 * ... USING btree. For timing the SQL DDL reader on large files.
 *
 * Usage: gen_sql N [ROWS [SEED]] > dump.sql
 *   N tables, ROWS data rows in each (default 100). About 0.08 KB a row
 *   and 2 KB of DDL a table: `gen_sql 2000 300` writes 50.9 MB.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t rng_state;

/* xorshift64*, as in gen.c: the same file on every platform. */
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

/* Per table: how many foreign keys and to which earlier tables. Drawn
 * once, up front, so that DDL and data agree. */
#define MAX_FKS 3
typedef struct table_plan {
    unsigned nfks;
    unsigned parent[MAX_FKS];
    int cascade[MAX_FKS];
    int indexed[MAX_FKS];
    int has_code;
} table_plan;

static const char *const words[] = {"alpha", "bravo", "charlie", "delta",  "echo", "foxtrot",
                                    "golf",  "hotel", "india",   "juliet", "kilo", "lima"};
#define NWORDS (sizeof words / sizeof words[0])

static void header(void)
{
    puts("--\n-- PostgreSQL database dump\n--\n");
    puts("\\restrict benchGeneratedDump0000000000000000000000000000000000000000000\n");
    puts("-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)\n"
         "-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)\n");
    puts("SET statement_timeout = 0;\nSET lock_timeout = 0;\n"
         "SET idle_in_transaction_session_timeout = 0;\nSET client_encoding = 'UTF8';\n"
         "SET standard_conforming_strings = on;\n"
         "SELECT pg_catalog.set_config('search_path', '', false);\n"
         "SET check_function_bodies = false;\nSET xmloption = content;\n"
         "SET client_min_messages = warning;\nSET row_security = off;\n");
    puts("SET default_tablespace = '';\n\nSET default_table_access_method = heap;\n");
}

static void create_table(unsigned i, const table_plan *p)
{
    printf("--\n-- Name: t%u; Type: TABLE; Schema: public; Owner: postgres\n--\n\n", i);
    printf("CREATE TABLE public.t%u (\n"
           "    id integer NOT NULL,\n"
           "    name character varying(80) NOT NULL,\n"
           "    created_at timestamp with time zone DEFAULT now() NOT NULL,\n"
           "    amount numeric(12,2),\n"
           "    active boolean DEFAULT true NOT NULL,\n"
           "    note text",
           i);
    if (p->has_code)
        printf(",\n    code character(8)");
    for (unsigned k = 0; k < p->nfks; k++)
        printf(",\n    t%u_id%u bigint", p->parent[k], k);
    printf("\n);\n\n\nALTER TABLE public.t%u OWNER TO postgres;\n\n", i);

    printf("--\n-- Name: t%u_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres\n--\n\n", i);
    printf("CREATE SEQUENCE public.t%u_id_seq\n    AS integer\n    START WITH 1\n"
           "    INCREMENT BY 1\n    NO MINVALUE\n    NO MAXVALUE\n    CACHE 1;\n\n\n",
           i);
    printf("ALTER TABLE public.t%u_id_seq OWNER TO postgres;\n\n", i);
    printf("--\n-- Name: t%u_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres\n"
           "--\n\nALTER SEQUENCE public.t%u_id_seq OWNED BY public.t%u.id;\n\n\n",
           i, i, i);
}

static void id_default(unsigned i)
{
    printf("--\n-- Name: t%u id; Type: DEFAULT; Schema: public; Owner: postgres\n--\n\n", i);
    printf("ALTER TABLE ONLY public.t%u ALTER COLUMN id SET DEFAULT "
           "nextval('public.t%u_id_seq'::regclass);\n\n\n",
           i, i);
}

/* A COPY block: tabs between fields, \N for NULL, backslash escapes. */
static void copy_data(unsigned i, const table_plan *p, unsigned rows, const unsigned *nrows)
{
    printf("--\n-- Data for Name: t%u; Type: TABLE DATA; Schema: public; Owner: postgres\n--\n\n",
           i);
    printf("COPY public.t%u (id, name, created_at, amount, active, note%s", i,
           p->has_code ? ", code" : "");
    for (unsigned k = 0; k < p->nfks; k++)
        printf(", t%u_id%u", p->parent[k], k);
    printf(") FROM stdin;\n");
    for (unsigned r = 1; r <= rows; r++) {
        printf("%u\t%s %s %u\t2024-%02u-%02u %02u:%02u:00+00\t%u.%02u\t%s\t", r,
               words[below(NWORDS)], words[below(NWORDS)], r, 1 + below(12), 1 + below(28),
               below(24), below(60), below(100000), below(100), below(2) ? "t" : "f");
        switch (below(5)) {
        case 0:
            fputs("\\N", stdout);
            break;
        case 1:
            fputs("tab\\there; a \\\\ backslash", stdout);
            break;
        case 2:
            fputs("line one\\nline two -- not a comment", stdout);
            break;
        default:
            printf("%s's note", words[below(NWORDS)]);
        }
        if (p->has_code)
            printf("\t%08X", next_random());
        for (unsigned k = 0; k < p->nfks; k++) {
            unsigned n = nrows[p->parent[k]];
            if (below(8) == 0 || n == 0)
                fputs("\t\\N", stdout);
            else
                printf("\t%u", 1 + below(n));
        }
        putchar('\n');
    }
    puts("\\.\n\n");
}

static void constraints(unsigned n, const table_plan *plans)
{
    for (unsigned i = 0; i < n; i++)
        printf("--\n-- Name: t%u t%u_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres\n"
               "--\n\nALTER TABLE ONLY public.t%u\n    ADD CONSTRAINT t%u_pkey PRIMARY KEY "
               "(id);\n\n\n",
               i, i, i, i);
    for (unsigned i = 0; i < n; i++)
        if (plans[i].has_code)
            printf("--\n-- Name: t%u t%u_code_key; Type: CONSTRAINT; Schema: public; Owner: "
                   "postgres\n--\n\nALTER TABLE ONLY public.t%u\n"
                   "    ADD CONSTRAINT t%u_code_key UNIQUE (code);\n\n\n",
                   i, i, i, i);
    for (unsigned i = 0; i < n; i++)
        for (unsigned k = 0; k < plans[i].nfks; k++)
            if (plans[i].indexed[k])
                printf("--\n-- Name: t%u_t%u_id%u_idx; Type: INDEX; Schema: public; Owner: "
                       "postgres\n--\n\nCREATE INDEX t%u_t%u_id%u_idx ON public.t%u USING btree "
                       "(t%u_id%u);\n\n\n",
                       i, plans[i].parent[k], k, i, plans[i].parent[k], k, i, plans[i].parent[k],
                       k);
    for (unsigned i = 0; i < n; i++)
        for (unsigned k = 0; k < plans[i].nfks; k++) {
            unsigned parent = plans[i].parent[k];
            printf("--\n-- Name: t%u t%u_t%u_id%u_fkey; Type: FK CONSTRAINT; Schema: public; "
                   "Owner: postgres\n--\n\n",
                   i, i, parent, k);
            printf("ALTER TABLE ONLY public.t%u\n    ADD CONSTRAINT t%u_t%u_id%u_fkey FOREIGN "
                   "KEY (t%u_id%u) REFERENCES public.t%u(id)%s;\n\n\n",
                   i, i, parent, k, parent, k, parent,
                   plans[i].cascade[k] ? " ON DELETE CASCADE" : "");
        }
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 4) {
        fprintf(stderr, "usage: gen_sql N [ROWS [SEED]] > dump.sql\n");
        return 2;
    }
    unsigned n = (unsigned)strtoul(argv[1], NULL, 10);
    unsigned rows = argc > 2 ? (unsigned)strtoul(argv[2], NULL, 10) : 100;
    rng_state = argc > 3 ? strtoull(argv[3], NULL, 10) : 42;
    if (rng_state == 0)
        rng_state = 42;
    if (n == 0) {
        fprintf(stderr, "gen_sql: N must be at least 1\n");
        return 2;
    }

    table_plan *plans = calloc(n, sizeof *plans);
    unsigned *nrows = calloc(n, sizeof *nrows);
    if (!plans || !nrows)
        return 1;
    for (unsigned i = 0; i < n; i++) {
        table_plan *p = &plans[i];
        p->nfks = i == 0 ? 0 : below(MAX_FKS + 1);
        for (unsigned k = 0; k < p->nfks; k++) {
            /* Earlier tables are referenced more often: hubs. */
            p->parent[k] = below(4) == 0 ? below(i < 10 ? i : 10) : below(i);
            p->cascade[k] = below(5) == 0;
            p->indexed[k] = below(3) != 0;
        }
        p->has_code = below(6) == 0;
        nrows[i] = rows;
    }

    header();
    for (unsigned i = 0; i < n; i++)
        create_table(i, &plans[i]);
    for (unsigned i = 0; i < n; i++)
        id_default(i);
    for (unsigned i = 0; i < n; i++)
        copy_data(i, &plans[i], rows, nrows);
    for (unsigned i = 0; i < n; i++)
        printf("--\n-- Name: t%u_id_seq; Type: SEQUENCE SET; Schema: public; Owner: postgres\n"
               "--\n\nSELECT pg_catalog.setval('public.t%u_id_seq', %u, %s);\n\n\n",
               i, i, rows ? rows : 1, rows ? "true" : "false");
    constraints(n, plans);
    puts("--\n-- PostgreSQL database dump complete\n--\n");
    puts("\\unrestrict benchGeneratedDump0000000000000000000000000000000000000000000\n");
    free(plans);
    free(nrows);
    return 0;
}
