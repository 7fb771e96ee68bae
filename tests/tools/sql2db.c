/*
 * sql2db - creates a SQLite database from an SQL script, the way the golden
 * tests load their fixtures (foreign keys unenforced, so fixtures can hold
 * orphan rows). Used by scripts/demo. Usage: sql2db SCRIPT.sql NEW.db
 */
#include <stdio.h>
#include <stdlib.h>

#include "fixture.h"

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: sql2db SCRIPT.sql NEW.db\n");
        return 2;
    }
    char *sql = fx_read_file(argv[1], NULL);
    if (!sql) {
        perror(argv[1]);
        return 2;
    }
    char *error = NULL;
    int rc = fx_sql_to_db(sql, argv[2], &error);
    if (rc != 0)
        fprintf(stderr, "sql2db: %s: %s\n", argv[2], error);
    free(error);
    free(sql);
    return rc == 0 ? 0 : 1;
}
