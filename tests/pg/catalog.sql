-- catalog.sql - the PostgreSQL catalog oracle: the schema of the current
-- database, read from the server's own catalog, as one line of JSON in the
-- shape of `relmap dump` (DESIGN.md §4), sorted so that two runs agree.
--
-- Usage: psql -X -At -v ON_ERROR_STOP=1 -h SOCKETDIR -U postgres -d DB -f catalog.sql
--
-- What it holds, and how it maps the catalog:
--   tables        ordinary and partitioned tables (pg_class.relkind r, p) of
--                 every schema but pg_catalog, information_schema, pg_toast*
--   columns       pg_attribute in attnum order, dropped ones left out; type by
--                 format_type (as pg_dump writes it), nullable = NOT attnotnull
--   primary_key   pg_constraint 'p', columns in key order
--   unique        pg_constraint 'u', each in key order
--   indexes       pg_index entries that back no constraint; a column is its
--                 name, an expression element the text pg_get_indexdef gives
--   foreign_keys  pg_constraint 'f'; actions as SQL words; NO ACTION, the
--                 default, is written "NO ACTION" (the catalog cannot tell
--                 whether it was written)
-- Names are the catalog's: folded to lower case unless quoted.
\set QUIET on
SET search_path = pg_catalog;

WITH
tabs AS (
    SELECT c.oid, c.relname, n.nspname
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p')
      AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\_toast%'
      AND n.nspname NOT LIKE 'pg\_temp%'
),
-- The name of column `num` of relation `rel`.
cols AS (
    SELECT a.attrelid, a.attnum, a.attname, a.attnotnull,
           format_type(a.atttypid, a.atttypmod) AS typ
    FROM pg_attribute a JOIN tabs t ON t.oid = a.attrelid
    WHERE a.attnum > 0 AND NOT a.attisdropped
),
pk AS (
    SELECT con.conrelid, con.conkey FROM pg_constraint con
    JOIN tabs t ON t.oid = con.conrelid WHERE con.contype = 'p'
),
-- The column names of a key, in key order.
keynames AS (
    SELECT con.oid AS conoid,
           (SELECT json_agg(a.attname ORDER BY k.ord)
              FROM unnest(con.conkey) WITH ORDINALITY AS k(num, ord)
              JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num) AS local_cols,
           (SELECT json_agg(a.attname ORDER BY k.ord)
              FROM unnest(con.confkey) WITH ORDINALITY AS k(num, ord)
              JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num) AS ref_cols
    FROM pg_constraint con JOIN tabs t ON t.oid = con.conrelid
    WHERE con.contype IN ('p', 'u', 'f')
),
idx AS (
    SELECT i.indrelid, ic.relname AS name, i.indisunique AS is_unique,
           CASE WHEN i.indpred IS NULL THEN NULL
                ELSE pg_get_expr(i.indpred, i.indrelid, true) END AS pred,
           (SELECT json_agg(CASE WHEN k.num <> 0 THEN a.attname::text
                                 ELSE pg_get_indexdef(i.indexrelid, k.ord::int, true) END
                            ORDER BY k.ord)
              FROM unnest(i.indkey[0:i.indnkeyatts - 1]) WITH ORDINALITY AS k(num, ord)
              LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num) AS columns
    FROM pg_index i
    JOIN tabs t ON t.oid = i.indrelid
    JOIN pg_class ic ON ic.oid = i.indexrelid
    WHERE NOT EXISTS (SELECT 1 FROM pg_constraint con
                      WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                        AND con.contype IN ('p', 'u', 'x'))
),
action(code, word) AS (
    VALUES ('a', 'NO ACTION'), ('r', 'RESTRICT'), ('c', 'CASCADE'),
           ('n', 'SET NULL'), ('d', 'SET DEFAULT')
)
SELECT json_build_object('tables', coalesce(json_agg(tj ORDER BY nspname, relname), '[]'))
FROM (
    SELECT t.nspname, t.relname, json_build_object(
        'name', t.relname,
        'schema', t.nspname,
        'kind', 'table',
        'columns', coalesce((
            SELECT json_agg(json_build_object(
                       'name', c.attname,
                       'type', c.typ,
                       'nullable', NOT c.attnotnull,
                       'primary_key', coalesce(c.attnum = ANY (pk.conkey), false))
                   ORDER BY c.attnum)
            FROM cols c LEFT JOIN pk ON pk.conrelid = c.attrelid
            WHERE c.attrelid = t.oid), '[]'),
        'primary_key', coalesce((
            SELECT kn.local_cols FROM pg_constraint con JOIN keynames kn ON kn.conoid = con.oid
            WHERE con.conrelid = t.oid AND con.contype = 'p'), '[]'),
        'unique', coalesce((
            SELECT json_agg(kn.local_cols ORDER BY kn.local_cols::text)
            FROM pg_constraint con JOIN keynames kn ON kn.conoid = con.oid
            WHERE con.conrelid = t.oid AND con.contype = 'u'), '[]'),
        'indexes', coalesce((
            SELECT json_agg(json_build_object(
                       'name', i.name, 'columns', i.columns,
                       'unique', i.is_unique, 'where', i.pred)
                   ORDER BY i.name)
            FROM idx i WHERE i.indrelid = t.oid), '[]'),
        'foreign_keys', coalesce((
            SELECT json_agg(json_build_object(
                       'name', con.conname,
                       'columns', kn.local_cols,
                       'ref_table', rc.relname,
                       'ref_columns', kn.ref_cols,
                       'on_delete', ad.word,
                       'on_update', au.word,
                       'ref_schema', rn.nspname,
                       'deferrable', CASE WHEN NOT con.condeferrable THEN NULL
                                          WHEN con.condeferred THEN 'INITIALLY DEFERRED'
                                          ELSE 'INITIALLY IMMEDIATE' END)
                   ORDER BY con.conname)
            FROM pg_constraint con
            JOIN keynames kn ON kn.conoid = con.oid
            JOIN pg_class rc ON rc.oid = con.confrelid
            JOIN pg_namespace rn ON rn.oid = rc.relnamespace
            JOIN action ad ON ad.code = con.confdeltype
            JOIN action au ON au.code = con.confupdtype
            WHERE con.conrelid = t.oid AND con.contype = 'f'), '[]')
    ) AS tj
    FROM tabs t
) per_table;
