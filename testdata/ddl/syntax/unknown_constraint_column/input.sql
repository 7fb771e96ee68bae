-- TAB003: constraints naming columns the table does not have (PostgreSQL, MySQL and SQLite refuse them): a typo in a UNIQUE constraint, an index on a renamed column, a primary key naming a missing column.
CREATE TABLE accounts (
    id integer PRIMARY KEY,
    email text NOT NULL,
    display_name TEXT,
    UNIQUE (emial)
);
CREATE INDEX ix_accounts_name ON accounts (name);
CREATE TABLE memberships (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    group_id INTEGER NOT NULL,
    PRIMARY KEY (account_id, grp_id)
);
