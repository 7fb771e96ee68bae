-- Generated columns, virtual and stored, with and without a declared type.
CREATE TABLE people (
    id         INTEGER PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name  TEXT NOT NULL,
    full_name  TEXT GENERATED ALWAYS AS (first_name || ' ' || last_name) VIRTUAL,
    name_key   AS (lower(last_name)) STORED,
    born       TEXT DEFAULT CURRENT_DATE
);
