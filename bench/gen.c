/*
 * gen - writes a realistic SQLite schema of N tables as SQL, deterministic
 * from a seed: hubs many tables point at, chains, self-references,
 * many-to-many junction tables, composite keys, indexes and missing
 * indexes, and a sprinkling of pitfalls.
 *
 * Usage: gen N [SEED] > schema.sql
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

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

/* Earlier tables are referenced more often: the first few become hubs. */
static unsigned pick_parent(unsigned self)
{
    if (below(4) == 0)
        return below(self < 10 ? self : 10);
    return below(self);
}

static void write_table(unsigned i)
{
    printf("CREATE TABLE t%u (\n    id INTEGER PRIMARY KEY,\n    name TEXT NOT NULL,\n"
           "    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,\n    amount NUMERIC",
           i);
    unsigned nfks = i == 0 ? 0 : below(4);
    unsigned first_parent = 0;
    for (unsigned k = 0; k < nfks; k++) {
        unsigned parent = pick_parent(i);
        if (k == 0)
            first_parent = parent;
        /* Now and then a pitfall: SET NULL on a NOT NULL column. */
        int set_null_not_null = below(40) == 0;
        const char *action = set_null_not_null ? " ON DELETE SET NULL"
                             : below(5) == 0   ? " ON DELETE CASCADE"
                                               : "";
        printf(",\n    t%u_id%u INTEGER%s REFERENCES t%u (id)%s", parent, k,
               set_null_not_null ? " NOT NULL" : "", parent, action);
    }
    if (i % 20 == 7)
        printf(",\n    parent_id INTEGER REFERENCES t%u (id)", i);
    printf("\n);\n");
    /* Most first keys get an index; the rest are FK006's business. */
    if (nfks && below(3) != 0)
        printf("CREATE INDEX ix_t%u_fk ON t%u (t%u_id0);\n", i, i, first_parent);
    if (below(10) == 0)
        printf("CREATE UNIQUE INDEX ux_t%u_name ON t%u (name, amount);\n", i, i);
}

/* A many-to-many junction table between t<a> and t<b>; one in four has no
 * primary key over the pair (JT001). */
static void write_junction(unsigned i, unsigned a, unsigned b)
{
    printf("CREATE TABLE j%u (\n"
           "    a_id INTEGER NOT NULL REFERENCES t%u (id) ON DELETE CASCADE,\n"
           "    b_id INTEGER NOT NULL REFERENCES t%u (id) ON DELETE CASCADE",
           i, a, b);
    if (below(4) != 0)
        printf(",\n    PRIMARY KEY (a_id, b_id)");
    printf("\n);\nCREATE INDEX ix_j%u_b ON j%u (b_id);\n", i, i);
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: gen N [SEED] > schema.sql\n");
        return 2;
    }
    unsigned n = (unsigned)strtoul(argv[1], NULL, 10);
    rng_state = argc == 3 ? strtoull(argv[2], NULL, 10) : 1;
    if (rng_state == 0)
        rng_state = 1;
    printf("BEGIN;\n");
    for (unsigned i = 0; i < n; i++) {
        if (i >= 2 && i % 10 == 9) {
            unsigned a = below(i), b = below(i);
            /* Junctions link tables, never other junctions. */
            if (a % 10 == 9)
                a--;
            if (b % 10 == 9)
                b--;
            write_junction(i, a, b);
        } else {
            write_table(i);
        }
    }
    printf("COMMIT;\n");
    return 0;
}
